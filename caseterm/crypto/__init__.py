"""The only package that touches `cryptography`: KDF, keyslots, grants, signatures, key file."""

from __future__ import annotations

from pathlib import Path

from caseterm.domain import strict_json


class DecryptionError(Exception):
    """A ciphertext did not open: wrong key, wrong context or tampered bytes (one error for all)."""


class KeyFileError(Exception):
    """The key file is missing, malformed, or describes something this version cannot use."""


def peek_account_names(keyfile: Path) -> list[str]:
    """Read only the account names of a key file, for the unlock screen.

    Nothing read here is trusted or used to unlock (the full load validates everything); it lives
    here, away from the cipher modules, so the unlock screen paints before they are imported.
    """
    try:
        raw = strict_json.loads(keyfile.read_bytes())
        return sorted(str(account["name"]) for account in raw["accounts"].values())
    except FileNotFoundError as exc:
        raise KeyFileError("missing") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileError("malformed") from exc
