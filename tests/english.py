"""Finding English words in what a Vietnamese user is shown (issue 21 item 4).

Vietnamese written without tones shares many letters with English, so a word is flagged only
when it is a common English word of a user interface; product names, codes and option names
(`--store`, `CASETERM_STORE`, `<path>`) are allowed.
"""

from __future__ import annotations

import re

ENGLISH = frozenset(
    {
        "the",
        "and",
        "or",
        "of",
        "to",
        "for",
        "this",
        "that",
        "these",
        "with",
        "from",
        "not",
        "are",
        "is",
        "was",
        "will",
        "can",
        "show",
        "message",
        "exit",
        "usage",
        "options",
        "option",
        "commands",
        "command",
        "arguments",
        "argument",
        "error",
        "errors",
        "missing",
        "such",
        "invalid",
        "value",
        "default",
        "required",
        "try",
        "help",
        "did",
        "you",
        "mean",
        "aborted",
        "dynamic",
        "env",
        "var",
        "search",
        "matches",
        "match",
        "found",
        "nothing",
        "dismiss",
        "menu",
        "palette",
        "quit",
        "lock",
        "enter",
        "escape",
        "open",
        "close",
        "save",
        "cancel",
        "yes",
        "no",
        "file",
        "account",
        "passphrase",
        "events",
        "reports",
        "today",
        "registers",
        "warning",
        "refused",
        "unexpected",
    }
)
"""Common words of a user interface. Command names the user types (person, event, report,
unit) are not in it: they are the program's vocabulary, shown as typed."""
ALLOWED = frozenset({"caseterm", "caseterm-admin", "json", "csv", "xlsx", "cccd", "cmnd", "vneid"})
_WORD = re.compile(r"(?<![-\w<{$'])[A-Za-z]+(?![\w>}'-])")


def command_names() -> frozenset[str]:
    """Every command and group name of both programs: the words a user types, as typed."""
    import typer.main

    from caseterm.cli.admin_app import app as admin
    from caseterm.cli.officer_app import app as officer

    names: set[str] = set()
    stack = [typer.main.get_command(officer), typer.main.get_command(admin)]
    while stack:
        command = stack.pop()
        for name, sub in getattr(command, "commands", {}).items():
            names.update(name.split("-"))
            stack.append(sub)
    return frozenset(names)


def english_words(text: str) -> list[str]:
    """The common English words in `text` (outside option names, placeholders, codes and the
    programs' command names)."""
    allowed = ALLOWED | command_names()
    found = []
    for line in text.splitlines():
        cleaned = re.sub(r"--[\w-]+|<[^>]*>|\{[^}]*\}|\b[A-Z][A-Z0-9_]{2,}\b", " ", line)
        for word in _WORD.findall(cleaned):
            folded = word.lower()
            if folded in ENGLISH and folded not in allowed:
                found.append(word)
    return found
