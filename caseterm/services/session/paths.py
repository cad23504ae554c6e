"""The files that make up one store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoreFiles:
    """The store file and the files beside it."""

    store: Path

    @property
    def keyfile(self) -> Path:
        """The key sidecar (`<store>.keys`)."""
        return self.store.with_name(self.store.name + ".keys")

    @property
    def session_lock(self) -> Path:
        """Held shared by every open session, exclusively by key operations."""
        return self.store.with_name(self.store.name + ".lock")

    @property
    def keyfile_lock(self) -> Path:
        """Held exclusively around every change of the key file."""
        return self.store.with_name(self.store.name + ".keys.lock")

    @property
    def pending_audit(self) -> Path:
        """What happened while the store was locked (a backup verified), for the next unlock.

        The next unlock chains it into the audit log. Ids, times and outcomes only: never
        personal data.
        """
        return self.store.with_name(self.store.name + ".pending-audit")

    @property
    def damage_marker(self) -> Path:
        """Written when the store failed its integrity check: no session writes to it then."""
        return self.store.with_name(self.store.name + ".damaged")

    def all_files(self) -> list[Path]:
        """Every file a store may have on disk (for scans and clean-up checks)."""
        base = self.store
        return [
            base,
            base.with_name(base.name + "-wal"),
            base.with_name(base.name + "-shm"),
            self.keyfile,
            self.session_lock,
            self.keyfile_lock,
            self.pending_audit,
            self.damage_marker,
        ]
