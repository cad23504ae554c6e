"""The one table widget the screens use: Textual's DataTable, redrawn once it has measured rows.

Textual 8.2 measures new rows' widths when the table is next idle, but keeps the lines it drew
before that: on a busy machine the first paint can come first, and the names then stay cut to
the headers' widths until something else redraws the table. Dropping the drawn lines after each
measurement fixes that (Textual is pinned; the registers test waits for whole names).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class ListTable(DataTable[object]):
    """A DataTable that draws again with the widths it has just measured."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self._clear_caches()
        self.refresh()
