"""How a district import's outcome is told: a line of words per bundle, or a `--json` row."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from caseterm.i18n import _

if TYPE_CHECKING:  # the services load only when a command runs (fast --help)
    from caseterm.services.sync.district_chain import Imported


def import_row(file: Path, result: Imported) -> dict[str, object]:
    """One bundle's outcome as a `--json` row."""
    return {
        "file": str(file),
        "unit_code": result.unit_code,
        "sequence": result.sequence,
        "period": result.period,
        "outcome": result.outcome,
        "counts": result.counts.model_dump() if result.counts else None,
        "ack_path": str(result.ack_path) if result.ack_path else None,
        "missing": list(result.missing),
        "warnings": list(result.warnings),
    }


def describe_import(result: Imported) -> str:
    """One bundle's outcome in words, with its acknowledgement and warnings."""
    where = f"{result.unit_code} #{result.sequence} ({result.period})"
    lines: list[str] = []
    if result.outcome == "quarantined":
        missing = ", ".join(str(n) for n in result.missing)
        lines.append(
            _("{where}: quarantined until bundle {missing} from {unit} arrives.").format(
                where=where, missing=missing, unit=result.unit_code
            )
        )
    elif result.outcome == "already_quarantined":
        lines.append(_("{where}: already quarantined.").format(where=where))
    elif result.outcome == "held_refused":
        lines.append(
            _(
                "{where}: held, and refused now that its turn came; it blocks nothing more "
                "(caseterm-admin district held list)."
            ).format(where=where)
        )
    elif result.counts is not None:
        text = (
            _("{where}: applied: {applied} records new, {present} already present.")
            if result.outcome == "applied"
            else _("{where}: already applied; nothing changed.")
        )
        lines.append(
            text.format(
                where=where,
                applied=result.counts.applied,
                present=result.counts.already_present,
            )
        )
    if result.ack_path:
        lines.append(_("  Acknowledgement: {path}").format(path=result.ack_path))
    lines += [f"  ⚠ {warning}" for warning in result.warnings]
    return "\n".join(lines)
