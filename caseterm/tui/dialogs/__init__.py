"""Modal dialogs."""

from caseterm.tui.dialogs.confirm import ConfirmDialog

__all__ = ["ConfirmDialog"]
