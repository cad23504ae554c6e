"""An unlocked session: who is acting, on which store, with which keys, and the audit helper."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from caseterm.clock import Clock, utc_iso
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyring import Unlocked
from caseterm.domain.permissions import Action, allowed
from caseterm.errors import CasetermError, DiskError, IntegrityFailure, PermissionDenied
from caseterm.i18n import _
from caseterm.services.session.damage import recorded_damage, refuse_if_damaged
from caseterm.services.session.paths import StoreFiles
from caseterm.services.words.messages import describe_store_error
from caseterm.store import StoreDamaged, StoreOpenError, StoreWriteFailed
from caseterm.store.database import Store, Tx
from caseterm.store.lock import FileLock
from caseterm.store.records import AccountInfo, UnitInfo


@dataclass
class CaseSession:
    """Everything an unlocked account works with. `close()` drops the keys."""

    files: StoreFiles
    store: Store
    actor: AccountInfo
    unit: UnitInfo
    clock: Clock
    policy: KdfPolicy
    unlocked: Unlocked
    lock: FileLock
    closed: bool = field(default=False)

    @property
    def signer(self) -> tuple[bytes, int]:
        """The data key and its version: what checks and tags the key file's recipients."""
        return self.unlocked.data_key, self.unlocked.version

    def now(self) -> str:
        """Return the current UTC time in the stored format."""
        return utc_iso(self.clock.now())

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Tx]:
        """One store transaction; damage found on the way is an integrity failure for the user.

        `durable=False` only for transactions whose sole write is the audit record of a read.
        A store that failed its integrity check (here or in another process) is refused.
        """
        refuse_if_damaged(self.files)
        try:
            with self.store.transaction(durable=durable) as tx:
                yield tx
        except StoreDamaged as error:
            raise IntegrityFailure(describe_store_error("damaged")) from error
        except StoreWriteFailed as error:
            raise DiskError(describe_store_error(error.reason)) from error

    def require(self, action: Action) -> None:
        """Raise `PermissionDenied` unless the actor's roles allow the action."""
        if not allowed(self.actor.roles, action):
            raise PermissionDenied(
                _("Your account ({roles}) may not do this: {action}.").format(
                    roles=", ".join(role.value for role in self.actor.roles), action=action.value
                )
            )

    def may(self, action: Action) -> bool:
        """True when the actor's roles allow the action."""
        return allowed(self.actor.roles, action)

    def audit(
        self,
        tx: Tx,
        action: str,
        object_type: str,
        object_id: str,
        details: dict[str, str | int] | None = None,
    ) -> None:
        """Chain an audit entry in the same transaction as the change it records."""
        tx.audit.append(
            at=self.now(),
            account_id=self.actor.id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=details,
        )

    def audit_failed_unlocks(self, tx: Tx, account_id: str, times: list[str]) -> None:
        """One entry per failed unlock of an account, written when they can be (T37).

        A failure cannot be audited when it happens: without the passphrase the store stays
        locked. The key file keeps when each was until the next unlock, or an administrator's
        reset, writes them here ("?" for failures counted before their times were kept).
        """
        for index, at in enumerate(times, start=1):
            self.audit(
                tx, "session.unlock_failed", "account", account_id, {"n": index, "failed_at": at}
            )

    def close(self) -> None:
        """Record the lock, close the store and forget the keys (idempotent)."""
        if self.closed:
            return
        try:
            if recorded_damage(self.files) is None:  # a damaged store takes no more writes
                with self.transaction() as tx:
                    self.audit(tx, "session.close", "account", self.actor.id)
        finally:
            self.store.close()
            self.lock.release()
            self.closed = True
            # Python cannot wipe memory; dropping every reference is the best it can do here.
            del self.unlocked


def store_failure(error: StoreOpenError) -> CasetermError:
    """The user's error for a store that failed to open or to write: disk, or damage."""
    if isinstance(error, StoreWriteFailed):
        return DiskError(describe_store_error(error.reason))
    return IntegrityFailure(describe_store_error(error.reason))
