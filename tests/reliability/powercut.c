/* T04 test tool: an LD_PRELOAD shim that keeps, for every write to a file under POWERCUT_DIR,
 * the bytes it overwrites in an undo log (POWERCUT_LOG), and marks a file durable at fsync.
 * After the process is killed, undoing what follows each file's last fsync gives the disk as a
 * power cut would leave it: every write not yet fsynced is lost. With POWERCUT_KILL_AT=k the
 * process kills itself just before its k-th write under the folder (T02's deterministic kills).
 * Test-only; never shipped. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate64)(int, off_t);
static int log_fd = -1;
static const char *watched;
static long kill_at, writes;

static void setup(void) {
    if (real_write) return;
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
    watched = getenv("POWERCUT_DIR");
    const char *at = getenv("POWERCUT_KILL_AT");
    kill_at = at ? atol(at) : 0;
    const char *log = getenv("POWERCUT_LOG");
    if (log) log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
}

static int path_of(int fd, char *out) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, out, PATH_MAX - 1);
    if (n <= 0) return 0;
    out[n] = 0;
    return watched && strncmp(out, watched, strlen(watched)) == 0;
}

/* One record: "U <path>\t<offset> <length> <old size>\n" then the old bytes; "S <path>\n". */
static void keep_old(int fd, off_t offset, size_t length) {
    char path[PATH_MAX];
    if (!path_of(fd, path)) return;
    if (kill_at && ++writes == kill_at) kill(getpid(), SIGKILL); /* the k-th write never lands */
    if (log_fd < 0) return;
    struct stat st;
    if (fstat(fd, &st) != 0) return;
    off_t have = st.st_size > offset ? st.st_size - offset : 0;
    size_t old = (size_t)(have < (off_t)length ? have : (off_t)length);
    char *buffer = malloc(old ? old : 1);
    ssize_t got = old ? pread(fd, buffer, old, offset) : 0;
    if (got < 0) got = 0;
    char head[PATH_MAX + 96];
    int n = snprintf(head, sizeof head, "U %s\t%lld %zd %lld\n", path, (long long)offset, got,
                     (long long)st.st_size);
    real_write(log_fd, head, n);
    if (got) real_write(log_fd, buffer, got);
    free(buffer);
}

static void durable(int fd) {
    char path[PATH_MAX];
    if (log_fd < 0 || !path_of(fd, path)) return;
    char head[PATH_MAX + 8];
    int n = snprintf(head, sizeof head, "S %s\n", path);
    real_write(log_fd, head, n);
}

ssize_t write(int fd, const void *data, size_t length) {
    setup();
    if (fd != log_fd) keep_old(fd, lseek(fd, 0, SEEK_CUR), length);
    return real_write(fd, data, length);
}

ssize_t pwrite64(int fd, const void *data, size_t length, off_t offset) {
    setup();
    keep_old(fd, offset, length);
    return real_pwrite64(fd, data, length, offset);
}

ssize_t pwrite(int fd, const void *data, size_t length, off_t offset) {
    return pwrite64(fd, data, length, offset);
}

int ftruncate64(int fd, off_t size) {
    setup();
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size > size) keep_old(fd, size, st.st_size - size);
    return real_ftruncate64(fd, size);
}

int ftruncate(int fd, off_t size) { return ftruncate64(fd, size); }

int fsync(int fd) { setup(); int r = real_fsync(fd); if (r == 0) durable(fd); return r; }

int fdatasync(int fd) { setup(); int r = real_fdatasync(fd); if (r == 0) durable(fd); return r; }
