"""The helper process behind `tests.reliability.kill.Killer`: started once with the power-cut
shim preloaded, it forks one child per request, and the child arms the shim before it runs.

A request is one JSON line: the target ("module:function"), its string arguments, the folder to
watch, the operation to die before (0: none) and an optional undo log. The target is imported
here, before the fork, so a child costs a fork and not an interpreter start. It is called as
`target(report, *arguments)`; `report(line)` sends a line to the test at once, so the lines a
killed child sent before it died are kept. The answer is one JSON line: how the child ended
("killed", "done" or "failed"), the lines it reported, and how many operations under the folder
it made (when it was not killed). Test-only: it runs synthetic data, so a child's traceback may
go to the test's log.
"""

from __future__ import annotations

import ctypes
import importlib
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable

END = "\x00operations "
_armed: list[ctypes.CDLL] = []
"""The shim, once a child armed it."""


def operations_so_far() -> int:
    """In a child: the operations under the folder so far (a target marks its commit point)."""
    return int(_armed[0].powercut_operations())


def _target(name: str) -> Callable[..., object]:
    module, function = name.split(":")
    found: Callable[..., object] = getattr(importlib.import_module(module), function)
    return found


def _child(shim: ctypes.CDLL, request: dict[str, object], write_fd: int) -> None:
    """The forked child's whole life: arm the shim, run the target, say how many operations."""
    os.dup2(2, 1)  # whatever the target prints must not reach the answers on standard output
    target = _target(str(request["target"]))
    log = request.get("log")
    shim.powercut_arm(
        str(request["folder"]).encode(),
        ctypes.c_long(int(str(request["kill_at"]))),
        str(log).encode() if log else None,
    )
    _armed.append(shim)

    def report(line: str) -> None:
        os.write(write_fd, line.encode() + b"\n")

    target(report, *[str(a) for a in request["arguments"]])  # type: ignore[attr-defined]
    report(f"{END}{shim.powercut_operations()}")


def _serve(shim: ctypes.CDLL, request: dict[str, object]) -> dict[str, object]:
    _target(str(request["target"]))  # imported once, in this process, before the fork
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        code = 0
        try:
            _child(shim, request, write_fd)
        except BaseException:
            traceback.print_exc()
            code = 1
        os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        lines = pipe.read().decode().splitlines()
    _pid, status = os.waitpid(pid, 0)
    operations = -1
    if lines and lines[-1].startswith(END):
        operations = int(lines.pop()[len(END) :])
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        ended = "killed"
    elif os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and operations >= 0:
        ended = "done"
    else:
        ended = "failed"
    return {"ended": ended, "lines": lines, "operations": operations}


def main() -> None:
    """Answer requests on standard input until it closes."""
    shim = ctypes.CDLL(os.environ["POWERCUT_SHIM"])
    shim.powercut_operations.restype = ctypes.c_long
    for line in sys.stdin:
        answer = _serve(shim, json.loads(line))
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":  # run as the named module, so targets share its `_armed`
    importlib.import_module("tests.reliability.kill_server").main()
