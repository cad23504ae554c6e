/* Test tool for the kill and power-loss tests (T01-T04, T07, T25, T26); never shipped.
 *
 * Preloaded (LD_PRELOAD) into a helper process, it watches one folder. Every file operation under
 * it is counted: write, pwrite, ftruncate, fsync, fdatasync, rename and unlink. When armed with
 * k > 0 the process kills itself with SIGKILL just before its k-th operation, so a test decides
 * exactly where the kill lands instead of hoping a sleep lands it there.
 *
 * With a log, it also keeps the bytes each write overwrites ("U" records) and marks a file durable
 * at each fsync ("S" records). Undoing what follows each file's last fsync gives the disk as a
 * power cut would leave it (T04).
 *
 * A forked child arms itself through powercut_arm(); the environment (POWERCUT_DIR,
 * POWERCUT_KILL_AT, POWERCUT_LOG) arms a process started with the shim. */
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
static int (*real_rename)(const char *, const char *);
static int (*real_unlink)(const char *);
static int log_fd = -1;
static char watched[PATH_MAX];
static long kill_at, operations;

static void open_log(const char *log) {
    if (log_fd >= 0) close(log_fd);
    log_fd = log && *log ? open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600) : -1;
}

static void watch(const char *dir) {
    watched[0] = 0;
    if (!dir) return;
    strncpy(watched, dir, PATH_MAX - 1);
    size_t n = strlen(watched);
    while (n > 1 && watched[n - 1] == '/') watched[--n] = 0; /* "a/b/" and "a/b" alike */
}

static void setup(void) {
    if (real_write) return;
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
    real_rename = dlsym(RTLD_NEXT, "rename");
    real_unlink = dlsym(RTLD_NEXT, "unlink");
    watch(getenv("POWERCUT_DIR"));
    const char *at = getenv("POWERCUT_KILL_AT");
    kill_at = at ? atol(at) : 0;
    open_log(getenv("POWERCUT_LOG"));
}

/* Watch `dir` from now on, kill before the k-th operation (0: never), log to `log` (NULL: no
 * log), and count from zero. Called by a forked child before it starts its operation. */
void powercut_arm(const char *dir, long k, const char *log) {
    setup();
    watch(dir);
    kill_at = k;
    operations = 0;
    open_log(log);
}

/* How many operations under the folder this process made since it was armed. */
long powercut_operations(void) { return operations; }

static int is_watched(const char *path) {
    size_t n = strlen(watched);
    return n && strncmp(path, watched, n) == 0 && (path[n] == 0 || path[n] == '/');
}

static int path_of(int fd, char *out) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, out, PATH_MAX - 1);
    if (n <= 0) return 0;
    out[n] = 0;
    return is_watched(out);
}

/* One more operation under the folder: the k-th never happens. */
static void operation(void) {
    if (++operations == kill_at) kill(getpid(), SIGKILL);
}

/* One record: "U <path>\t<offset> <length> <old size>\n" then the old bytes; "S <path>\n". */
static void keep_old(int fd, off_t offset, size_t length) {
    char path[PATH_MAX];
    if (fd == log_fd || !path_of(fd, path)) return;
    operation();
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

static void before_sync(int fd) {
    char path[PATH_MAX];
    if (fd != log_fd && path_of(fd, path)) operation();
}

static void durable(int fd) {
    char path[PATH_MAX];
    if (log_fd < 0 || fd == log_fd || !path_of(fd, path)) return;
    char head[PATH_MAX + 8];
    int n = snprintf(head, sizeof head, "S %s\n", path);
    real_write(log_fd, head, n);
}

ssize_t write(int fd, const void *data, size_t length) {
    setup();
    keep_old(fd, lseek(fd, 0, SEEK_CUR), length);
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

int fsync(int fd) {
    setup();
    before_sync(fd);
    int r = real_fsync(fd);
    if (r == 0) durable(fd);
    return r;
}

int fdatasync(int fd) {
    setup();
    before_sync(fd);
    int r = real_fdatasync(fd);
    if (r == 0) durable(fd);
    return r;
}

int rename(const char *from, const char *to) {
    setup();
    if (is_watched(from) || is_watched(to)) operation();
    return real_rename(from, to);
}

int unlink(const char *path) {
    setup();
    if (is_watched(path)) operation();
    return real_unlink(path);
}
