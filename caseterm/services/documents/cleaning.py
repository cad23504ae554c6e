"""`caseterm doc clean`: delete the documents caseterm wrote into a folder.

A document is recognised by the identifier caseterm put in its properties when it wrote it, so
a copy an officer corrected in Word is still found; a file caseterm did not write is never
touched. On a flash disk or an SSD a deleted file's blocks may survive: the README says so.
"""

from __future__ import annotations

import io
import stat
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from caseterm.domain.permissions import Action
from caseterm.errors import UsageError
from caseterm.files import NotARegularFile, read_regular_file
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession

PREFIX = "caseterm:"
MAX_DOCX = 50 * 1024 * 1024


@dataclass(frozen=True)
class Cleaned:
    """What a clean did: the files deleted, and the .docx files left alone.

    A file is left when caseterm did not write it, another store did, or it cannot be deleted
    (open in Word, a read-only stick).
    """

    removed: list[Path]
    left: list[Path]


def written_id(path: Path) -> str | None:
    """The export id a document carries, if caseterm wrote it."""
    try:
        data, size = read_regular_file(path, MAX_DOCX + 1)
        if size > MAX_DOCX:
            return None
        identifier = Document(io.BytesIO(data)).core_properties.identifier or ""
    except (OSError, NotARegularFile, ValueError, KeyError):
        return None
    except Exception:
        return None
    return identifier[len(PREFIX) :] if identifier.startswith(PREFIX) else None


def clean_folder(session: CaseSession, folder: Path) -> Cleaned:
    """Delete the documents of this store in `folder` (not in its subfolders); audited."""
    session.require(Action.DOCUMENT_EXPORT)
    if not folder.is_dir():
        raise UsageError(_("The folder {path} does not exist.").format(path=folder))
    found: dict[str, Path] = {}
    left: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() != ".docx" or not stat.S_ISREG(path.lstat().st_mode):
            continue
        export = written_id(path)
        if export is None:
            left.append(path)
        else:
            found[export] = path
    removed: list[Path] = []
    with session.transaction() as tx:
        known = {e.id: e for e in tx.documents.exports(list(found))}
        left.extend(p for e, p in found.items() if e not in known)
        for export_id, path in found.items():
            if export_id not in known:
                continue
            try:
                path.unlink()
            except OSError:  # open in Word, or a read-only stick: listed as left, not a crash
                left.append(path)
                continue
            tx.documents.mark_removed(export_id, session.now())
            removed.append(path)
        details: dict[str, str | int] = {"removed": len(removed), "left": len(left)}
        session.audit(tx, "document.clean", "unit", session.unit.code, details)
    return Cleaned(removed, sorted(left))
