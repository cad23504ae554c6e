"""Units, accounts and the unit's signing keys."""

from __future__ import annotations

from sqlmodel import Session, col, select

from caseterm.domain.codes import Role
from caseterm.store.records import AccountInfo, UnitInfo
from caseterm.store.tables import Account, Unit, UnitKey


class UnitRepo:
    """The owning unit."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, code: str, name: str, kind: str, created_at: str) -> None:
        """Create the unit row."""
        self._session.add(Unit(code=code, name=name, kind=kind, created_at=created_at))
        self._session.flush()  # no ORM relationships: flush in dependency order ourselves

    def get(self) -> UnitInfo:
        """Return the store's unit (there is exactly one)."""
        unit = self._session.exec(select(Unit).where(col(Unit.own))).one()
        return UnitInfo(unit.code, unit.name, unit.kind)

    def report_settings(self) -> tuple[int | None, int]:
        """The own unit's population (None if never set) and its period start day."""
        unit = self._session.exec(select(Unit).where(col(Unit.own))).one()
        return unit.population, unit.report_start_day

    def set_report_settings(self, *, population: int | None, start_day: int) -> None:
        """Change the own unit's population and period start day."""
        unit = self._session.exec(select(Unit).where(col(Unit.own))).one()
        unit.population, unit.report_start_day = population, start_day
        self._session.add(unit)
        self._session.flush()

    def moves_term_ends(self, unit_code: str | None = None) -> bool:
        """The Art 148(5) setting of a unit (the own unit when no code is given)."""
        return self._unit(unit_code).moves_term_ends

    def set_moves_term_ends(self, moved: bool, unit_code: str | None = None) -> None:
        """Change the Art 148(5) setting of a unit (the own unit when no code is given)."""
        unit = self._unit(unit_code)
        unit.moves_term_ends = moved
        self._session.add(unit)
        self._session.flush()

    def settings_by_unit(self) -> dict[str, bool]:
        """Every unit's Art 148(5) setting: code → moved."""
        return {unit.code: unit.moves_term_ends for unit in self._session.exec(select(Unit))}

    def _unit(self, unit_code: str | None) -> Unit:
        if unit_code is None:
            return self._session.exec(select(Unit).where(col(Unit.own))).one()
        return self._session.exec(select(Unit).where(Unit.code == unit_code)).one()

    def keyfile_signed(self) -> bool:
        """True once this store's key file must carry tags (see `Unit.keyfile_signed`)."""
        return self._session.exec(select(Unit).where(col(Unit.own))).one().keyfile_signed

    def mark_keyfile_signed(self) -> None:
        """Record that the key file carries tags: never again accept one without."""
        unit = self._session.exec(select(Unit).where(col(Unit.own))).one()
        unit.keyfile_signed = True
        self._session.add(unit)
        self._session.flush()

    def names(self) -> dict[str, str]:
        """Every unit this store knows (its own, and a district's communes): code → name."""
        return {unit.code: unit.name for unit in self._session.exec(select(Unit))}


class AccountRepo:
    """Accounts and their roles."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        account_id: str,
        name: str,
        display_name: str,
        roles: tuple[Role, ...],
        unit_code: str,
        created_at: str,
    ) -> None:
        """Create an account row."""
        self._session.add(
            Account(
                id=account_id,
                name=name,
                display_name=display_name,
                roles=",".join(r.value for r in roles),
                unit_code=unit_code,
                created_at=created_at,
            )
        )
        self._session.flush()

    def by_id(self, account_id: str) -> AccountInfo | None:
        """Return an account by id."""
        row = self._session.get(Account, account_id)
        return _info(row) if row else None

    def by_name(self, name: str) -> AccountInfo | None:
        """Return an account by name."""
        row = self._session.exec(select(Account).where(Account.name == name)).first()
        return _info(row) if row else None

    def all(self) -> list[AccountInfo]:
        """Return every account, by name."""
        return [
            _info(row) for row in self._session.exec(select(Account).order_by(col(Account.name)))
        ]

    def disable(self, account_id: str, *, at: str) -> None:
        """Mark an account disabled."""
        row = self._session.get(Account, account_id)
        if row is not None:
            row.active = False
            row.disabled_at = at
            self._session.add(row)


def _info(row: Account) -> AccountInfo:
    roles = tuple(Role(code) for code in row.roles.split(",") if code)
    return AccountInfo(
        row.id,
        row.name,
        row.display_name,
        roles,
        row.unit_code,
        row.active,
        row.created_at,
        row.disabled_at,
    )


class UnitKeyRepo:
    """The unit's Ed25519 signing keys."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, *, key_id: str, unit_code: str, private_key: bytes, public_key: bytes, created_at: str
    ) -> None:
        """Store a new signing key."""
        self._session.add(
            UnitKey(
                key_id=key_id,
                unit_code=unit_code,
                private_key=private_key,
                public_key=public_key,
                created_at=created_at,
            )
        )
        self._session.flush()

    def _active_row(self) -> UnitKey | None:
        return self._session.exec(
            select(UnitKey)
            .where(col(UnitKey.retired_at).is_(None))
            .order_by(col(UnitKey.created_at).desc())
        ).first()

    def active(self) -> tuple[str, bytes, str] | None:
        """Return (key id, public key, created at) of the active signing key."""
        row = self._active_row()
        return (row.key_id, row.public_key, row.created_at) if row else None

    def signer(self) -> tuple[bytes, bytes] | None:
        """Return (private key, public key) of the active signing key, to sign with."""
        row = self._active_row()
        return (row.private_key, row.public_key) if row else None

    def key_change(self) -> tuple[bytes, bytes] | None:
        """The active key's key-change statement and the old key's signature, if it has one."""
        row = self._active_row()
        if row is None or row.change_statement is None or row.change_signature is None:
            return None
        return row.change_statement, row.change_signature

    def replace_active(
        self,
        *,
        key_id: str,
        private_key: bytes,
        public_key: bytes,
        created_at: str,
        statement: bytes,
        signature: bytes,
    ) -> None:
        """Retire the active key and make a new one active, with the statement introducing it."""
        old = self._active_row()
        if old is None:
            raise LookupError("no active signing key")
        old.retired_at = created_at
        self._session.add(old)
        self._session.add(
            UnitKey(
                key_id=key_id,
                unit_code=old.unit_code,
                private_key=private_key,
                public_key=public_key,
                created_at=created_at,
                change_statement=statement,
                change_signature=signature,
            )
        )
        self._session.flush()
