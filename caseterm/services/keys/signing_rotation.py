"""`keys rotate-signing-key`: a new Ed25519 key for the unit, introduced to the district by the old.

The old key signs a key-change statement (unit, old key id, new key id and public key, when);
every bundle the new key signs carries it in its clear header. The district, which trusts the
old key, checks the statement and then the bundle's signature under the new key, and trusts the
new key from then on: no new enrolment. If the old key was stolen, the district revokes it
(`district revoke-key`), and statements it signed are refused with it.

A second rotation waits until the district acknowledged a bundle signed by the current key, so
the district never has to follow a chain of statements it has not seen.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseterm.crypto.signing import SigningKey
from caseterm.domain.bundle import KEY_CHANGE_FORMAT, KeyChange, key_change_bytes
from caseterm.domain.permissions import Action
from caseterm.errors import IntegrityFailure, RefusedError
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession
from caseterm.store.database import Tx


@dataclass(frozen=True)
class SigningRotated:
    """The key ids before and after."""

    old_key_id: str
    new_key_id: str


def rotate_signing_key(session: CaseSession) -> SigningRotated:
    """Make a new signing key, introduced by a statement the old key signs; audited."""
    session.require(Action.KEYS_MANAGE)
    with session.transaction() as tx:
        keys = tx.keys.signer()
        active = tx.keys.active()
        if keys is None or active is None:
            raise IntegrityFailure(_("This store has no signing key; run caseterm-admin verify."))
        _refuse_while_unconfirmed(tx, active[2])
        old, new = SigningKey(*keys), SigningKey.generate()
        now = session.now()
        statement = key_change_bytes(
            KeyChange(
                format=KEY_CHANGE_FORMAT,
                unit=session.unit.code,
                old_key_id=old.key_id,
                new_key_id=new.key_id,
                new_public_key=new.public_bytes.hex(),
                created_at=now,
            )
        )
        tx.keys.replace_active(
            key_id=new.key_id,
            private_key=new.private_bytes,
            public_key=new.public_bytes,
            created_at=now,
            statement=statement,
            signature=old.sign(statement),
        )
        session.audit(tx, "key.signing_rotate", "key", new.key_id, {"old_key_id": old.key_id})
    return SigningRotated(old.key_id, new.key_id)


def _refuse_while_unconfirmed(tx: Tx, key_created_at: str) -> None:
    """Refuse while the district may not know the current key yet (see the module's note)."""
    if tx.keys.key_change() is None or tx.sync.target() is None:
        return
    confirmed = any(
        e.acked_at is not None and e.created_at > key_created_at for e in tx.sync.exports()
    )
    if not confirmed:
        raise RefusedError(
            _(
                "The district does not know the current signing key yet: export a bundle and "
                "read its acknowledgement first (or have the district enrol the current key)."
            )
        )
