"""Translations: Vietnamese first, English second, through gettext catalogs.

Message ids are English. `locale/vi/LC_MESSAGES/caseterm.po` translates them; the English catalog
is the identity. Compiled `.mo` files are made at build time (scripts/hatch_build.py); in a bare
checkout the `.po` file is read with Babel instead, so the text is always the catalog's.
"""

from __future__ import annotations

import functools
import gettext
import os
from pathlib import Path

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
DOMAIN = "caseterm"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def resolve_language(explicit: str | None = None) -> str:
    """Pick the language: an explicit choice, then `CASETERM_LANG`, then Vietnamese."""
    for candidate in (explicit, os.environ.get("CASETERM_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def _load(language: str) -> gettext.NullTranslations:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    po_file, mo_file = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo_file.exists() and (
        not po_file.exists() or mo_file.stat().st_mtime >= po_file.stat().st_mtime
    ):
        with mo_file.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_file.exists():
        # Only when no compiled catalog exists: compile it in memory with Babel.
        from io import BytesIO

        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po_file.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def set_language(language: str | None = None) -> str:
    """Activate a language (see `resolve_language`) and return its code."""
    global _translation, _language
    _language = resolve_language(language)
    _translation = _load(_language)
    return _language


def current_language() -> str:
    """Return the active language code."""
    return _language


def _(message: str) -> str:
    """Translate a message into the active language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count."""
    return _translation.ngettext(singular, plural, count)


def in_language(language: str, message: str) -> str:
    """Translate a message into a given language, whatever the active one.

    Typed input may be in either: an officer can type "dương tính" in an English session.
    """
    return _catalog(language).gettext(message)


@functools.lru_cache(maxsize=len(LANGUAGES))
def _catalog(language: str) -> gettext.NullTranslations:
    return _load(language)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (module-level tables)."""
    return message
