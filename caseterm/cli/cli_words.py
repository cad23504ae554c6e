"""The command line's own words in the user's language: help headings, usage, errors.

Typer 0.29 (pinned) carries its own copy of Click. A few of its words go through `gettext` (the
help's section titles, "default:", "required"); most are written in English in the code ("Usage:",
"Show this message and exit.", "Error: No such option: …"). Without this module a Vietnamese
officer reads a Vietnamese help page framed in English and every mistyped option in English.

`localise_click()` gives Typer our translator for the first kind, and for the second replaces
the few functions that write those words with ones that write them through the catalogs. It
touches nothing else of Click's behaviour (parsing, exit codes). `tests/cli/test_vietnamese.py`
fails if a Typer upgrade moves any of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO, Any

from caseterm.i18n import N_, _

_TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("required"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
)
"""The words Typer itself passes to gettext: listed so that the catalogs carry them."""

_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^'(?P<value>.*)' is not a valid integer(?: range)?\.?$"),
        N_("not a whole number"),
    ),
    (re.compile(r"^'(?P<value>.*)' is not a valid float\.?$"), N_("not a number")),
    (re.compile(r"^Input should be a valid integer\b.*$"), N_("not a whole number")),
    (re.compile(r"^Input should be a valid number\b.*$"), N_("not a number")),
    (re.compile(r"^Input should be a valid boolean\b.*$"), N_("write có or không (yes or no)")),
    (re.compile(r"^Input should be (?P<choices>'.*)$"), N_("write one of {choices}")),
    (
        re.compile(r"^Input should be greater than or equal to (?P<limit>\S+)$"),
        N_("must be at least {limit}"),
    ),
    (
        re.compile(r"^Input should be less than or equal to (?P<limit>\S+)$"),
        N_("must be at most {limit}"),
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not one of (?P<choices>.*)\.$"),
        N_("write one of {choices}"),
    ),
    (
        re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)$"),
        N_("unexpected extra words: {extra}"),
    ),
    (
        re.compile(r"^Option '(?P<option>[^']*)' requires an argument\.?$"),
        N_("the option {option} needs a value"),
    ),
    (
        re.compile(r"^(?P<text>.*)\. Did you mean (?P<matches>.*)\?$"),
        N_("{text}. Did you mean {matches}?"),
    ),
)
"""Click's English sentences (as Typer 0.29 writes them) and the catalog's words for each."""


_METAVARS = (
    ("COMMAND [ARGS]...", N_("COMMAND [ARGS]...")),
    ("[OPTIONS]", N_("[OPTIONS]")),
)
"""The placeholders Click writes in a usage line."""


def localise_click() -> None:
    """Make Typer's copy of Click speak the active language (call once, before a command runs)."""
    import typer.core
    from typer._click import core, decorators, exceptions, formatting

    typer.core._ = _  # type: ignore[attr-defined]  # Typer's own gettext calls
    formatting.HelpFormatter.write_usage = _usage(formatting.HelpFormatter.write_usage)  # type: ignore[method-assign]
    decorators.help_option = _help_option(decorators.help_option)  # type: ignore[assignment]
    exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    exceptions.BadParameter.format_message = _bad_parameter  # type: ignore[method-assign]
    exceptions.MissingParameter.format_message = _missing_parameter  # type: ignore[method-assign]
    exceptions.NoSuchOption.format_message = _no_such_option  # type: ignore[method-assign]
    del core  # imported so that a Typer without it fails here, at start, not mid-command


def translated(message: str) -> str:
    """One of Click's English sentences in the active language (as is when unknown)."""
    for pattern, template in _MESSAGES:
        matched = pattern.match(message.strip())
        if matched:
            fields = {key: translated(value) if key == "text" else value
                      for key, value in matched.groupdict().items()}  # fmt: skip
            return _(template).format(**fields)
    return _(message)


def _usage(original: Callable[..., None]) -> Callable[..., None]:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, words in _METAVARS:
            args = args.replace(english, _(words))
        original(self, prog, args, _("Usage: ") if prefix is None else prefix)

    return write_usage


def _help_option(original: Callable[[list[str]], Any]) -> Callable[[list[str]], Any]:
    def help_option(param_decls: list[str]) -> Any:
        make = original(param_decls)

        def decorate(command: Any) -> Any:
            command = make(command)
            command.params[-1].help = _("Show this message and exit.")
            return command

        return decorate

    return help_option


def _show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
    from typer._click._compat import get_text_stderr
    from typer._click.utils import echo

    file = file or get_text_stderr()
    color = self.ctx.color if self.ctx is not None else None
    if self.ctx is not None:
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = _("Try '{command} {option}' for help.").format(
                command=self.ctx.command_path, option=self.ctx.help_option_names[0]
            )
        echo(f"{self.ctx.get_usage()}\n{hint}\n", file=file, color=color)
    text = _("Error: {message}").format(message=translated(self.format_message()))
    echo(text, file=file, color=color)


def _hint(self: Any) -> str:
    from typer._click.exceptions import _join_param_hints

    if self.param_hint is not None:
        return str(_join_param_hints(self.param_hint))
    if self.param is not None:
        return str(_join_param_hints(self.param.get_error_hint()))
    return ""


def _bad_parameter(self: Any) -> str:
    hint = _hint(self)
    if not hint:
        return _("Invalid value: {message}").format(message=translated(self.message))
    return _("Invalid value for {hint}: {message}").format(
        hint=hint, message=translated(self.message)
    )


def _missing_parameter(self: Any) -> str:
    kind = self.param_type or (self.param.param_type_name if self.param is not None else "")
    words = {"argument": _("the argument"), "option": _("the option")}.get(kind, _("a value"))
    return _("Missing {what} {hint}.").format(what=words, hint=_hint(self)).replace("  ", " ")


def _no_such_option(self: Any) -> str:
    text = _("No such option: {name}").format(name=self.option_name)
    if self.possibilities:
        text += " " + _("Did you mean {matches}?").format(
            matches=", ".join(sorted(self.possibilities))
        )
    return text
