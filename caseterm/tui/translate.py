"""Key descriptions in the footer, in the language chosen when the app starts.

Textual reads `BINDINGS` once, when a class is defined; caseterm writes their descriptions as
English message ids (`N_`) and translates each screen's own copy when the screen is shown.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from caseterm.i18n import _


def translate_bindings(node: DOMNode) -> None:
    """Replace the node's binding descriptions with their translations."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=_(b.description)) if b.description else b for b in bindings
        ]
