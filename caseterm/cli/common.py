"""What both command lines share: language, passphrases, unlocking, errors and output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, ParamSpec, TypeVar

import typer

from caseterm.errors import EXIT_INTERNAL, EXIT_USAGE, CasetermError
from caseterm.i18n import _, set_language

P = ParamSpec("P")
R = TypeVar("R")
DEBUG_ENV = "CASETERM_DEBUG"


def take_language(argv: list[str]) -> list[str]:
    """Activate `--lang X` (or `--lang=X`, or `CASETERM_LANG`) and remove it from argv.

    The language must be known before the help texts are built, so it is read first.
    """
    rest, chosen, skip = [], None, False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg == "--lang" and index + 1 < len(argv):
            chosen, skip = argv[index + 1], True
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    set_language(chosen)
    return rest


def fail(message: str, code: int) -> NoReturn:
    """Print an error to stderr and exit with `code`."""
    typer.echo(_("Error: {message}").format(message=message), err=True)
    raise typer.Exit(code)


def guarded(function: Callable[P, R]) -> Callable[P, R]:
    """Turn caseterm errors into messages and exit codes, and never show a traceback."""

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except CasetermError as error:
            fail(str(error), error.exit_code)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader stopped reading (`caseterm due | head`): nothing is wrong, stop quietly,
            # and keep Python from complaining again when it flushes stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as error:
            if os.environ.get(DEBUG_ENV) == "1":
                raise
            from caseterm.services.session.error_log import log_unexpected, unexpected_text

            fail(unexpected_text(log_unexpected(error)), EXIT_INTERNAL)

    return wrapper


def read_passphrase(
    passphrase_file: Path | None,
    prompt: str,
    *,
    confirm: bool = False,
    context: tuple[str, ...] = (),
) -> str:
    """Read a passphrase from a file (first line, as typed) or a hidden prompt with confirmation."""
    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            fail(
                _("Cannot read the passphrase file {path}.").format(path=passphrase_file),
                EXIT_USAGE,
            )
        return text.split("\n", 1)[0].removesuffix("\r")
    if not sys.stdin.isatty():
        fail(_("No terminal to ask for the passphrase: use --passphrase-file."), EXIT_USAGE)
    import getpass

    first = getpass.getpass(prompt)
    if confirm:
        # The policy first: asking to type a refused passphrase again wastes the typing twice.
        from caseterm.services.session.validation import require_good_passphrase

        require_good_passphrase(first, context)
    if confirm and getpass.getpass(_("Type it again: ")) != first:
        fail(_("The two passphrases differ; nothing was changed."), EXIT_USAGE)
    return first


def read_text_file(path: Path) -> str:
    """A small text file the user named (a key line), or a clear usage error."""
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else None
        fail(
            _("Cannot read {path}: {reason}.").format(
                path=path, reason=reason or type(error).__name__
            ),
            EXIT_USAGE,
        )


def warn_if_unsafe_kdf() -> None:
    """Say loudly when a test run has switched to the weak test KDF."""
    from caseterm.services.session.policy import active_policy, is_unsafe

    if is_unsafe(active_policy()):
        typer.echo(
            _(
                "WARNING: unsafe test key-derivation parameters are in use "
                "(CASETERM_UNSAFE_TEST_KDF=1). Never use this with real data."
            ),
            err=True,
        )


def resolve_store(store: Path | None) -> Path:
    """Return the store path: the option, `CASETERM_STORE`, or the per-user default."""
    from caseterm.paths import default_store

    return store if store is not None else default_store()


def resolve_user(user: str | None) -> str:
    """Return the account name from `--user` or `CASETERM_USER`."""
    name = user or os.environ.get("CASETERM_USER")
    if not name:
        fail(_("Say which account: --user NAME (or CASETERM_USER)."), EXIT_USAGE)
    return name


@contextmanager
def unlocked(store: Path | None, user: str | None, passphrase_file: Path | None) -> Iterator[Any]:
    """Unlock the store for the duration of one command, then close and drop the keys."""
    from caseterm.services.keys.opening import open_session

    warn_if_unsafe_kdf()
    name = resolve_user(user)
    passphrase = read_passphrase(passphrase_file, _("Passphrase for {name}: ").format(name=name))
    session = open_session(resolve_store(store), name, passphrase)
    try:
        yield session
    finally:
        session.close()


def print_json(data: object) -> None:
    """Print data as stable, readable JSON (UTF-8, not escaped)."""
    import json

    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
