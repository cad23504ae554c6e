"""Sentences for the codes that the domain and the store return (through the catalogs)."""

from __future__ import annotations

import errno
from pathlib import Path

from caseterm.domain.issues import Issue
from caseterm.domain.passphrase import MIN_LENGTH, PolicyVerdict
from caseterm.i18n import N_, _

FIELD_LABELS = {
    "full_name": N_("Full name"),
    "aliases": N_("Other names"),
    "sex": N_("Sex"),
    "birth": N_("Date of birth"),
    "birth_place": N_("Place of birth"),
    "origin_place": N_("Place of origin"),
    "permanent_address": N_("Permanent residence"),
    "temporary_address": N_("Temporary residence"),
    "current_address": N_("Current address"),
    "village": N_("Village / residential group"),
    "residence_status": N_("Residence status"),
    "id_type": N_("ID document type"),
    "id_number": N_("ID number"),
    "id_issue_date": N_("ID issue date"),
    "id_issue_place": N_("ID issue place"),
    "ethnicity": N_("Ethnicity"),
    "religion": N_("Religion"),
    "nationality": N_("Nationality"),
    "education": N_("Education"),
    "education_level": N_("Education level"),
    "occupation": N_("Occupation"),
    "workplace": N_("Workplace or school"),
    "phone": N_("Phone"),
    "social_account": N_("Social media account"),
    "family": N_("Family"),
    "profile": N_("Drug-use profile"),
    "father": N_("Father"),
    "mother": N_("Mother"),
    "prior_decisions": N_("Earlier convictions and sanctions"),
    "past_rehab": N_("Earlier rehab episodes"),
}

ISSUE_TEXTS = {
    "name.empty": N_("the full name is required"),
    "name.too_long": N_("the name is longer than {max} characters"),
    "name.no_letters": N_("the name has no letters"),
    "text.hidden_characters": N_("contains invisible or control characters; type it again"),
    "name.has_digits": N_("the name contains digits"),
    "alias.too_long": N_("an other name is longer than {max} characters"),
    "birth.future": N_("the date of birth is in the future"),
    "birth.too_old": N_("the date of birth makes the person older than {max} years"),
    "id.missing_number": N_("a document type is given without its number"),
    "id.missing_type": N_("a document number is given without its type"),
    "cccd.format": N_("a CCCD/CC number has exactly 12 digits (this one has {length} characters)"),
    "cccd.unknown_province": N_("the province code {prefix} is not in the code table"),
    "cccd.birth_year_mismatch": N_(
        "the number states birth year {stated}, the record says {recorded} (a chief must confirm)"
    ),
    "cccd.sex_mismatch": N_(
        "the number's sex digit does not match the sex recorded (a chief must confirm)"
    ),
    "cmnd.format": N_("a CMND number has 9 or 12 digits"),
    "passport.format": N_("a passport number has 6 to 12 letters or digits"),
    "vneid.format": N_("a VNeID account has 6 to 20 letters or digits"),
    "text.too_long": N_("the text is longer than {max} characters"),
    "phone.format": N_("the phone number does not look like one"),
    "profile.negative_count": N_("a count cannot be negative"),
    "history.future": N_("an earlier decision or rehab episode is dated after today"),
    "history.order": N_("a rehab episode ends before it began"),
    "family.relation": N_("unknown family relation {relation}"),
    "family.minor_without_representative": N_(
        "the person is under 18: record a parent, guardian or legal representative"
    ),
}

STORE_OPEN_TEXTS = {
    "missing": N_("There is no store at this path."),
    "exists": N_("A store already exists at this path; nothing was changed."),
    "plaintext": N_("This file is an unencrypted database, not a caseterm store: refused."),
    "wrong_key_or_damaged": N_(
        "The store does not open with its key: the file is damaged or was replaced. "
        "Restore it from a backup."
    ),
    "damaged": N_(
        "The store is damaged or was tampered with (a page failed its check). Nothing more was "
        "written. Restore the latest backup, or ask the district to re-import the last bundle."
    ),
    "cipher_version": N_("This SQLCipher is older than version 4: refused."),
    "cipher_settings": N_("The store's cipher settings differ from the pinned ones: refused."),
    "key_length": N_("The data key has the wrong length."),
    "disk_full": N_(
        "The disk is full: nothing of this change was saved. Free some space and try again."
    ),
    "io_error": N_(
        "The disk could not write (an input/output error): nothing of this change was saved. "
        "Check the disk, then try again."
    ),
    "read_only": N_(
        "The store cannot be written (its file or folder is read-only, or a page of it failed "
        "its check): nothing of this change was saved. Run caseterm-admin verify."
    ),
}

POLICY_TEXTS = {
    "too_short": N_(
        "The passphrase must have at least {min} characters; a few words make it easy."
    ),
    "too_long": N_("The passphrase is too long."),
    "common": N_("This passphrase is too common or too easy to guess. Choose other words."),
    "context_words": N_(
        "This passphrase is made only of the unit's, the place's or the account's words, digits "
        "or symbols. Choose other words."
    ),
}


def field_label(name: str) -> str:
    """Return the translated label of a record field."""
    return _(FIELD_LABELS.get(name, name))


def describe_issue(issue: Issue) -> str:
    """Return a sentence about one validation issue, starting with the field's label."""
    template = ISSUE_TEXTS.get(issue.code)
    text = _(template).format(**issue.params) if template else issue.code
    return f"{field_label(issue.field)}: {text}"


def describe_store_error(reason: str) -> str:
    """Return a sentence for a store that could not be opened."""
    template = STORE_OPEN_TEXTS.get(reason, N_("The store could not be opened."))
    return _(template)


def describe_policy(verdict: PolicyVerdict) -> str:
    """Return a sentence for a passphrase the policy refused."""
    template = POLICY_TEXTS[verdict.reason or "common"]
    return _(template).format(min=MIN_LENGTH)


_OS_REASONS = {
    errno.EROFS: N_("the file system is read-only"),
    errno.EACCES: N_("this account has no permission to write there"),
    errno.EPERM: N_("this account has no permission to write there"),
    errno.ENOSPC: N_("the disk is full"),
    errno.ENOENT: N_("the folder does not exist"),
    errno.EIO: N_("the disk could not read or write (an input/output error)"),
}


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the user's language for the usual reasons."""
    template = _OS_REASONS.get(error.errno or -1)
    return _(template) if template else (error.strerror or type(error).__name__)


def read_failure(error: OSError) -> str:
    """Why a file could not be read, in the user's language where caseterm decided it."""
    from caseterm.files import NotARegularFile

    if isinstance(error, NotARegularFile):
        return _("it is not a regular file (a pipe, a device or a folder)")
    return os_reason(error)


def unwritable_store(store: Path, error: OSError) -> str:
    """A store whose folder cannot be written: why, and what to do."""
    return _(
        "Cannot open the store {path}: {reason}. caseterm writes every opening and every read to"
        " the store's audit log, so its folder must be writable: copy the store to a writable"
        " folder (for example the user's documents), or ask the administrator."
    ).format(path=store, reason=os_reason(error))
