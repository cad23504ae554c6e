"""Build the shipped DOCX templates from their sources: `schema/templates/<set>/*.tpl`.

The sources are plain text, one paragraph a line, so that a reviewer reads a form as the decree
prints it and a change shows in a diff. This script lays them out as Decree 30/2020 requires
(A4, Times New Roman, the two-column header, the signature block) and writes
`caseterm/templates/<set>/*.docx` with `manifest.json` (edition, forms, SHA-256 of each file).
A district that wants a different wording edits the DOCX in Word and installs it as a set or a
unit override; nobody needs this script for that.

The output is byte-for-byte reproducible (fixed zip times and document properties), so
`--check` fails when a source changed and the templates were not rebuilt.

Usage: python scripts/make_templates.py [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from doc_layout import Layout, parse_source
from docx.document import Document as DocxDocument

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "schema" / "templates"
TARGET = ROOT / "caseterm" / "templates"
FIXED = datetime(2026, 12, 5, tzinfo=UTC)
ZIP_TIME = (2026, 12, 5, 0, 0, 0)


PERSON_REQUIRED = {
    "full_name", "birth_place", "origin_place", "residence", "current_address",
    "residence_or_current", "ethnicity", "education", "occupation",
}  # fmt: skip
"""The person's items the law requires on a form: a form that prints one asks for it."""
INCLUDE = re.compile(r"^\[include ([\w-]+)\]$")
FIELD = re.compile(r"\{\{\s*(p|h|sign|doc)\.(\w+)\s*\}\}")


def build_form(source: Path) -> tuple[dict[str, object], bytes]:
    """One form: its manifest entry and its DOCX bytes."""
    meta, lines = parse_source(_included(source))
    layout = Layout(landscape=meta.get("orientation") == "landscape")
    for line in lines:
        layout.add(line)
    document = layout.finish()
    meta["required"] = _required(meta, document)
    props = document.core_properties
    props.author = "caseterm"
    props.title = str(meta["title"])
    props.created = props.modified = props.last_printed = FIXED
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return meta, _reproducible(raw.getvalue())


def _included(source: Path) -> str:
    """The source with each `[include NAME]` line replaced by the set's `_NAME.inc` lines
    (the identity block every form prints is written once)."""
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        found = INCLUDE.match(line.strip())
        if found:
            part = source.parent / f"_{found.group(1)}.inc"
            lines.extend(part.read_text(encoding="utf-8").splitlines())
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def _required(meta: dict[str, object], document: DocxDocument) -> list[str]:
    """The source's own required keys, and every header, signer and law-required person item
    the laid-out form prints."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts.extend(cell.text for row in table.rows for cell in row.cells)
    listed = meta.get("required", [])
    found = {str(key) for key in listed} if isinstance(listed, list) else set()
    for part, name in FIELD.findall("\n".join(texts)):
        if part != "p" or name in PERSON_REQUIRED:
            found.add(f"{part}.{name}")
    if meta.get("number_from"):  # the number is the event's own (a slip's, a certificate's)
        found.discard("doc.number")
        found.add(f"e.{meta['number_from']}")
    found -= {"sign.prefix", "sign.title", "doc.date_words"}  # always filled
    return sorted(found)


def _reproducible(data: bytes) -> bytes:
    """The same DOCX with fixed member times and order, so equal sources give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


def build_set(folder: Path) -> dict[str, bytes]:
    """Every file of one template set, by name (the forms and `manifest.json`)."""
    set_meta = json.loads((folder / "set.json").read_text(encoding="utf-8"))
    files: dict[str, bytes] = {}
    forms: dict[str, object] = {}
    for source in sorted(folder.glob("*.tpl")):
        meta, data = build_form(source)
        name = f"{meta['form']}.docx"
        files[name] = data
        forms[str(meta["form"])] = {
            **{k: v for k, v in meta.items() if k != "form"},
            "file": name,
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    manifest = {**set_meta, "forms": forms}
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    files["manifest.json"] = text.encode("utf-8")
    return files


def main() -> int:
    """Write the templates, or with --check report any that differ from their sources."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a template is stale")
    args = parser.parse_args()
    stale: list[str] = []
    for folder in sorted(p for p in SOURCES.iterdir() if p.is_dir()):
        target = TARGET / folder.name
        for name, data in build_set(folder).items():
            path = target / name
            if args.check:
                if not path.exists() or path.read_bytes() != data:
                    stale.append(str(path.relative_to(ROOT)))
                continue
            target.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if stale:
        print("stale templates (run scripts/make_templates.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
