"""Kills that land where the test decides: before the k-th file operation under a folder.

`Killer` starts `kill_server` once with the power-cut shim (`powercut.c`) preloaded; each `run`
forks a child there that arms the shim and runs a target. A dry run (`kill_at=0`) counts the
operations an uninterrupted run makes; `spread` then picks kill points over all of them, from the
first write of the operation to its last rename or fsync. No sleep decides where a kill lands, so
a slow or loaded machine gives the same kills as a fast one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
"""The helper imports the tests' targets from here."""


def build_shim(folder: Path) -> Path | None:
    """Compile `powercut.c` into `folder`; None when the machine has no C compiler."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        return None
    built = folder / "powercut.so"
    source = Path(__file__).with_name("powercut.c")
    command = [compiler, "-shared", "-fPIC", "-O2", "-o", str(built), str(source), "-ldl"]
    subprocess.run(command, check=True)
    return built


@dataclass(frozen=True)
class Run:
    """How one child ended."""

    ended: str
    """`killed` (before its k-th operation), `done` (it finished first) or `failed`."""
    lines: list[str]
    """What the child reported before it ended, in order."""
    operations: int
    """Operations under the folder in a run that ended by itself (-1 when killed)."""


class Killer:
    """A helper process with the shim preloaded that forks one child per run."""

    def __init__(self, shim: Path, log: Path) -> None:
        env = {
            **os.environ,
            "LD_PRELOAD": str(shim),
            "POWERCUT_SHIM": str(shim),
            "PYTHONPATH": str(REPOSITORY),
        }
        env.pop("POWERCUT_DIR", None)
        self.log = log
        self._errors = log.open("wb")
        self._server = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.kill_server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            env=env,
            cwd=REPOSITORY,
            text=True,
        )

    def run(
        self,
        target: str,
        *arguments: object,
        folder: Path,
        kill_at: int = 0,
        undo_log: Path | None = None,
    ) -> Run:
        """Run `target(report, *arguments)` in a child killed before operation `kill_at`."""
        request = {
            "target": target,
            "arguments": [str(a) for a in arguments],
            "folder": str(folder),
            "kill_at": kill_at,
            "log": str(undo_log) if undo_log else None,
        }
        server = self._server
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        answer = server.stdout.readline()
        assert answer, f"the kill helper died; its log:\n{self.errors()}"
        found = Run(**json.loads(answer))
        assert found.ended != "failed", f"{target} failed in the child:\n{self.errors()}"
        return found

    def kill(self, target: str, *arguments: object, folder: Path, kill_at: int) -> Run:
        """Run a child to be killed before operation `kill_at`; fail unless the kill landed.

        A run may make a few operations fewer than the dry run (an encrypted file's length varies
        with its random bytes, and with it how many writes it takes): a point past the end of
        this run is then not a kill, and the run ends by itself.
        """
        found = self.run(target, *arguments, folder=folder, kill_at=kill_at)
        past_the_end = found.ended == "done" and found.operations < kill_at
        assert found.ended == "killed" or past_the_end, (kill_at, found)
        return found

    def count(self, target: str, *arguments: object, folder: Path) -> int:
        """The operations an uninterrupted run makes under `folder` (a dry run)."""
        dry = self.run(target, *arguments, folder=folder)
        assert dry.ended == "done", dry
        assert dry.operations > 0, f"{target} made no operation under {folder}"
        return dry.operations

    def errors(self) -> str:
        """The last of what the helper and its children wrote to standard error."""
        self._errors.flush()
        return self.log.read_text(errors="replace")[-4000:]

    def close(self) -> None:
        """End the helper."""
        assert self._server.stdin is not None
        self._server.stdin.close()
        self._server.wait(timeout=60)
        self._errors.close()


def spread(operations: int, kills: int | str) -> list[int]:
    """`kills` kill points spread evenly over 1..operations, first and last included."""
    if kills == "all" or int(kills) >= operations:
        return list(range(1, operations + 1))
    count = int(kills)
    if count <= 1:
        return [operations]
    return sorted({1 + round(i * (operations - 1) / (count - 1)) for i in range(count)})


def spread_around(operations: int, commit: int, kills: int | str) -> list[int]:
    """Kill points, half up to the commit point (`commit`, the operation that commits) and
    half after it, each half spread evenly."""
    if kills == "all":
        return list(range(1, operations + 1))
    before = spread(commit, int(kills) - int(kills) // 2)
    after = [commit + k for k in spread(operations - commit, int(kills) // 2)]
    return before + after


def trials(name: str, default: int) -> int | str:
    """A kill count from the environment (`all`: every operation), else `default`."""
    value = os.environ.get(name, str(default))
    return value if value == "all" else int(value)


def print_outcomes(test: str, outcomes: dict[str, int]) -> None:
    """Show how the kills landed (pytest -s, or the log of a failure)."""
    print(f"{test}: " + ", ".join(f"{name} {count}" for name, count in outcomes.items()))  # noqa: T201


def every(lines: Sequence[str]) -> Iterator[tuple[str, str]]:
    """A child's report lines as (kind, rest) pairs."""
    for line in lines:
        kind, _, rest = line.partition(" ")
        yield kind, rest
