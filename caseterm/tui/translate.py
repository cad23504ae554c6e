"""Key descriptions in the footer, in the language chosen when the app starts.

Textual reads `BINDINGS` once, when a class is defined; caseterm writes their descriptions as
English message ids (`N_`) and translates each screen's own copy when the screen is shown.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from caseterm.i18n import _


def translate_bindings(node: DOMNode) -> None:
    """Replace the node's binding descriptions with their translations."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [_translated(b) for b in bindings]


_ORIGINAL: dict[type[DOMNode], dict[str, list[Binding]]] = {}
"""Each translated class's bindings as Textual wrote them (English), kept for a later language."""


def translate_class_bindings(cls: type[DOMNode]) -> None:
    """Translate a widget class's bindings, for every instance made afterwards.

    For Textual's own widgets (the Select dropdown), whose bindings caseterm does not define.
    Always from Textual's English words, so that a second app in another language is right.
    """
    merged = cls._merged_bindings
    if merged is None:
        return
    original = _ORIGINAL.setdefault(cls, {k: list(v) for k, v in merged.key_to_bindings.items()})
    for key, bindings in original.items():
        merged.key_to_bindings[key] = [_translated(b) for b in bindings]


def _translated(binding: Binding) -> Binding:
    """A binding with its description and tooltip in the active language."""
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )
