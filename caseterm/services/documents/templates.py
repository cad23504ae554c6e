"""The template sets: the shipped one, an administrator's newer set, and a unit's own forms.

A set is a folder with `manifest.json` (edition, forms, their files and SHA-256) and one DOCX a
form. Every file is checked against its manifest digest each time it is used, so a template
changed on disk after it was installed is refused rather than printed.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from caseterm.errors import UsageError
from caseterm.files import atomic_write_bytes, read_regular_file
from caseterm.i18n import _

PACKAGE = Path(__file__).resolve().parents[2]
"""The `caseterm` package folder (this module is `caseterm/services/documents/templates.py`)."""
SET_NAME = "nd163"
MANIFEST = "manifest.json"
MAX_SET_BYTES = 20 * 1024 * 1024
MAX_FORM_BYTES = 5 * 1024 * 1024
REGIMES = frozenset({"", "R2021", "R2026"})
ISSUERS = frozenset({"police", "committee"})


@dataclass(frozen=True)
class FormInfo:
    """One form of a set, as its manifest describes it."""

    form: str
    title: str
    source: str
    events: tuple[str, ...]
    required: tuple[str, ...]
    rebuilt: str
    recipients: tuple[str, ...]
    number_kind: str
    """The kind (TB…) whose next number the document takes when first produced; "" when the
    number is the event's own (a decision's) or the form has none."""
    file: str
    sha256: str
    scope: str = "person"
    """"person" for a form filled from one file; "unit" for a register made from many (III-10)."""
    regime: str = ""
    """The rules the form belongs to: "R2026" (ND163, acts from 1/7/2026), "R2021" (the legacy
    ND105 forms, acts before), "" for any. An event is printed on its own regime's form."""
    number_from: str = ""
    """The event key the document's number is (`slip_no` on a test slip, `certificate_no` on a
    certificate); "" for a decision's own number or the register's next."""
    when: str = ""
    """`field=value`: the form is made only from events whose payload says so (one event
    type, several records: a statement, a refusal…)."""
    audience: str = ""
    """Which files an event-less form is offered for: "" any, "compulsory", "compulsory-minor"
    (the manifest's `for`)."""
    issuer: str = "police"
    """Who signs: "police" (the chief of the commune police) or "committee" (the People's
    Committee chairman: the legacy management decisions)."""


@dataclass(frozen=True)
class TemplateSet:
    """A checked set: its edition, its forms and its document vocabulary."""

    folder: Path
    edition: str
    forms: dict[str, FormInfo]
    words: dict[str, Any]

    def form(self, code: str) -> FormInfo:
        """One form, or a clear error naming the forms there are."""
        found = self.forms.get(code.upper())
        if found is None:
            raise UsageError(
                _("No form {form}; the forms are: {forms}.").format(
                    form=code, forms=", ".join(sorted(self.forms))
                )
            )
        return found

    def docx(self, code: str) -> bytes:
        """The DOCX of a form, after checking it against the manifest."""
        info = self.form(code)
        return _checked_file(self.folder / info.file, info.sha256)


def shipped_folder() -> Path:
    """The set in the package."""
    return PACKAGE / "templates" / SET_NAME


def installed_folder() -> Path:
    """Where `caseterm-admin templates install` puts a newer set."""
    from caseterm.paths import config_dir

    return config_dir() / "templates" / SET_NAME


def override_folder(unit_code: str) -> Path:
    """Where a unit's own forms live (`caseterm-admin templates override`)."""
    from caseterm.paths import config_dir

    return config_dir() / "templates" / "unit" / unit_code


def read_set(folder: Path) -> TemplateSet:
    """Read and check a set's manifest; a bad manifest is a clear usage error."""
    try:
        raw, _size = read_regular_file(folder / MANIFEST, MAX_FORM_BYTES)
        manifest = json.loads(raw)
        default = str(manifest.get("regime", ""))
        forms = {code: _form(code, entry, default) for code, entry in manifest["forms"].items()}
        return TemplateSet(folder, str(manifest["edition"]), forms, dict(manifest["words"]))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(
            _("The template set in {path} cannot be used ({reason}).").format(
                path=folder, reason=error
            )
        ) from error


def _form(code: str, entry: dict[str, Any], regime: str = "") -> FormInfo:
    def words(key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        return tuple(value.split() if isinstance(value, str) else value)

    if entry.get("regime", regime) not in REGIMES or entry.get("issuer", "police") not in ISSUERS:
        raise ValueError(_("{form}: unknown regime or issuer").format(form=code))
    return FormInfo(
        form=code,
        title=str(entry["title"]),
        source=str(entry["source"]),
        events=words("event"),
        required=words("required"),
        rebuilt=str(entry.get("rebuilt", "")),
        recipients=words("recipients"),
        number_kind=str(entry.get("number", "")),
        file=str(entry["file"]),
        sha256=str(entry["sha256"]),
        scope=str(entry.get("scope", "person")),
        regime=str(entry.get("regime", regime)),
        issuer=str(entry.get("issuer", "police")),
        number_from=str(entry.get("number_from", "")),
        when=str(entry.get("when", "")),
        audience=str(entry.get("for", "")),
    )


def _checked_file(path: Path, sha256: str) -> bytes:
    try:
        data, size = read_regular_file(path, MAX_FORM_BYTES + 1)
    except OSError as error:
        raise UsageError(
            _("The template {path} cannot be read ({reason}).").format(path=path, reason=error)
        ) from error
    if size > MAX_FORM_BYTES or hashlib.sha256(data).hexdigest() != sha256:
        raise UsageError(
            _(
                "The template {path} does not match its manifest: it was changed after it was "
                "installed. Install the set again."
            ).format(path=path)
        )
    return data


def _edition_key(edition: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in edition.split("."))
    except ValueError:
        return (0,)


@lru_cache(maxsize=1)
def active_set() -> TemplateSet:
    """The set in force: an installed set when its edition is not older than the shipped one."""
    shipped = read_set(shipped_folder())
    folder = installed_folder()
    if (folder / MANIFEST).exists():
        installed = read_set(folder)
        if _edition_key(installed.edition) >= _edition_key(shipped.edition):
            return installed
    return shipped


def install_set(archive: Path) -> TemplateSet:
    """Check a zipped set (manifest, digests, every template renders) and install it."""
    from caseterm.services.documents.render import check_template

    files = _unzipped(archive)
    staging = _members_checked(files)
    current = active_set()
    if _edition_key(staging.edition) < _edition_key(current.edition):
        raise UsageError(
            _("The set's edition {new} is older than the one in force ({old}).").format(
                new=staging.edition, old=current.edition
            )
        )
    for info in staging.forms.values():
        check_template(files[info.file], info.form)
    target = installed_folder()
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():  # the manifest last: a crash leaves the old set in force
        if name != MANIFEST:
            atomic_write_bytes(target / name, data)
    atomic_write_bytes(target / MANIFEST, files[MANIFEST])
    active_set.cache_clear()
    return read_set(target)


def _unzipped(archive: Path) -> dict[str, bytes]:
    try:
        raw, size = read_regular_file(archive, MAX_SET_BYTES + 1)
        if size > MAX_SET_BYTES:
            raise ValueError(_("larger than {n} MB").format(n=MAX_SET_BYTES // 1024 // 1024))
        with zipfile.ZipFile(io.BytesIO(raw)) as zipped:
            names = [n for n in zipped.namelist() if not n.endswith("/")]
            if any("/" in n or "\\" in n or n.startswith(".") for n in names):
                raise ValueError(_("the zip must hold its files at the top, with no folders"))
            total = sum(zipped.getinfo(n).file_size for n in names)
            if total > MAX_SET_BYTES:
                raise ValueError(_("larger than {n} MB").format(n=MAX_SET_BYTES // 1024 // 1024))
            return {name: zipped.read(name) for name in names}
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        raise UsageError(
            _("The template set {path} cannot be used ({reason}).").format(
                path=archive, reason=error
            )
        ) from error


def _members_checked(files: dict[str, bytes]) -> TemplateSet:
    if MANIFEST not in files:
        raise UsageError(_("The template set has no manifest.json."))
    try:
        manifest = json.loads(files[MANIFEST])
        default = str(manifest.get("regime", ""))
        forms = {code: _form(code, entry, default) for code, entry in manifest["forms"].items()}
        staged = TemplateSet(Path("."), str(manifest["edition"]), forms, dict(manifest["words"]))
    except (ValueError, KeyError, TypeError) as error:
        raise UsageError(_("The template set's manifest is not valid ({reason}).").format(
            reason=error)) from error  # fmt: skip
    for info in forms.values():
        data = files.get(info.file)
        if data is None or hashlib.sha256(data).hexdigest() != info.sha256:
            raise UsageError(
                _("The form {form} does not match the manifest's digest.").format(form=info.form)
            )
    return staged


def unit_override(unit_code: str, form: str) -> bytes | None:
    """A unit's own DOCX for a form, checked against the digest recorded when it was set."""
    folder = override_folder(unit_code)
    index = folder / "overrides.json"
    if not index.exists():
        return None
    try:
        digests = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(
            _("The unit's own forms in {path} cannot be used ({reason}).").format(
                path=folder, reason=error
            )
        ) from error
    if form not in digests:
        return None
    return _checked_file(folder / f"{form}.docx", str(digests[form]))


def set_unit_override(unit_code: str, form: str, data: bytes | None) -> None:
    """Keep a unit's own DOCX for a form (checked first), or drop it with `data=None`."""
    from caseterm.services.documents.render import check_template

    active_set().form(form)
    folder = override_folder(unit_code)
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "overrides.json"
    digests = json.loads(index.read_text(encoding="utf-8")) if index.exists() else {}
    if data is None:
        digests.pop(form, None)
    else:
        check_template(data, form)
        atomic_write_bytes(folder / f"{form}.docx", data)
        digests[form] = hashlib.sha256(data).hexdigest()
    atomic_write_bytes(index, json.dumps(digests, indent=2, sort_keys=True).encode("utf-8"))
