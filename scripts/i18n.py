"""Extract the messages of caseterm into the catalogs (Babel), keeping existing translations.

    python scripts/i18n.py extract   # update caseterm/locale/caseterm.pot and every .po (+ .mo)

Then translate the new `msgstr ""` entries of caseterm/locale/vi/LC_MESSAGES/caseterm.po.
tests/unit/test_catalogs.py fails while a message has no Vietnamese translation.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "caseterm"
LOCALE = PACKAGE / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def template() -> Catalog:
    """Every message in the source, as a Babel catalog."""
    catalog = Catalog(project="caseterm", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(
            message,
            locations=[(f"caseterm/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def extract() -> None:
    """Write the template and merge it into each language's catalog."""
    pot = template()
    with (LOCALE / "caseterm.pot").open("wb") as handle:
        write_po(handle, pot, width=100, omit_header=False)
    for language in ("vi", "en"):
        po_path = LOCALE / language / "LC_MESSAGES" / "caseterm.po"
        if po_path.exists() and po_path.stat().st_size:
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            catalog = Catalog(locale=language, project="caseterm", charset="utf-8")
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.fuzzy = False  # a fuzzy header would make msgfmt and Babel drop the charset
        catalog.msgid_bugs_address = ""
        catalog.last_translator = "caseterm engineers"
        catalog.language_team = {"vi": "Tiếng Việt", "en": "English"}[language]
        with po_path.open("wb") as handle:
            write_po(handle, catalog, width=100, ignore_obsolete=True)
        compile_catalog(po_path)
        print(f"{language}: {len(catalog)} messages")


def compile_catalog(po_path: Path) -> None:
    """Write the `.mo` beside a `.po` (git-ignored; the wheel build makes its own)."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    with po_path.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)


if __name__ == "__main__":
    if sys.argv[1:] != ["extract"]:
        sys.exit(__doc__)
    extract()
