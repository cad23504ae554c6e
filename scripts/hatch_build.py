"""Hatch build hook: compile the gettext catalogs (`.po` → `.mo`) into the wheel.

Compiled catalogs are build output and are not committed; at run time caseterm prefers them
and falls back to reading the `.po` files with Babel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every caseterm/locale/*/LC_MESSAGES/caseterm.po next to itself."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the catalogs before the files are collected."""
        root = Path(self.root) / "caseterm" / "locale"
        for po_path in sorted(root.glob("*/LC_MESSAGES/caseterm.po")):
            language = po_path.parent.parent.name
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
            with po_path.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog)
            build_data.setdefault("force_include", {})[str(po_path.with_suffix(".mo"))] = str(
                po_path.with_suffix(".mo").relative_to(self.root)
            )
        # The holiday calendar is data under schema/; the package carries a copy of it.
        calendar = Path(self.root) / "schema" / "holidays-vn.json"
        build_data.setdefault("force_include", {})[str(calendar)] = "caseterm/data/holidays-vn.json"
