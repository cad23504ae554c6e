"""Finding persons: the search index, the register's pages and filters, duplicate candidates."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import case, func, text
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, or_, select

from caseterm.domain.person import PersonRecord
from caseterm.store.convert import search_text
from caseterm.store.engine import fetch_all
from caseterm.store.records import ListFilter, Matches, PersonSummary
from caseterm.store.tables import Person, PersonState, Unit

_SUMMARY = (
    col(Person.id),
    col(Person.full_name),
    col(Person.sex),
    col(Person.birth),
    col(Person.id_type),
    col(Person.id_number),
    col(Person.village),
    col(Person.file_no),
    case(
        (col(Person.unit_code).in_(select(Unit.code).where(col(Unit.own))), None),
        else_=col(Person.unit_code),
    ),
)
"""The columns of a list line (`PersonSummary`), in its field order."""
MAX_ORDERED_MATCHES = 1000
"""More matches than this are not ordered as a whole (see `_in_register_order`)."""


class PersonSearch:
    """The reading side of a transaction's persons: lists, search, filters, the index.

    `PersonRepo` builds on it; the index is kept here with the queries that read it.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def compact_search_index(self) -> None:
        """Merge the search index into one segment, dropping deleted rows' tokens for good.

        The index is contentless: a deleted row's tokens stay in older segments, marked
        deleted, until a merge rewrites them. A purge must not leave a name there (T33).
        """
        self._sql("INSERT INTO person_fts(person_fts) VALUES ('optimize')")

    def _index(self, num: int, record: PersonRecord) -> None:
        self._sql(
            "INSERT INTO person_fts(rowid, names) VALUES (:num, :names)",
            num=num,
            names=search_text(record),
        )

    def _unindex(self, num: int) -> None:
        self._sql("DELETE FROM person_fts WHERE rowid = :num", num=num)

    def _rows(self, query: Any) -> Any:
        """Run a Core select on this transaction's connection."""
        return self._session.connection().execute(query)

    def _sql(self, statement: str, **params: Any) -> Any:
        return self._session.connection().execute(text(statement), params)

    def page(self, *, offset: int, limit: int, village: str | None = None) -> list[PersonSummary]:
        """Return one page of the register in Vietnamese order."""
        query = sa_select(*_SUMMARY).order_by(col(Person.sort_key), col(Person.id))
        if village:
            query = query.where(col(Person.village) == village)
        return [PersonSummary(*row) for row in self._rows(query.offset(offset).limit(limit))]

    def page_filtered(
        self, where: ListFilter, *, offset: int, limit: int
    ) -> tuple[list[PersonSummary], int]:
        """One page of the persons the filters keep, in Vietnamese order, and how many there are."""
        conditions = _filter_conditions(where)
        query = (
            sa_select(*_SUMMARY)
            .join(PersonState, col(PersonState.person_id) == col(Person.id))
            .where(*conditions)
            .order_by(col(Person.sort_key), col(Person.id))
            .offset(offset)
            .limit(limit)
        )
        counted = (
            sa_select(func.count())
            .select_from(Person)
            .join(PersonState, col(PersonState.person_id) == col(Person.id))
            .where(*conditions)
        )
        total = int(self._session.connection().execute(counted).scalar_one())
        return [PersonSummary(*row) for row in self._rows(query)], total

    def names(self, ids: list[str]) -> dict[str, str]:
        """Full names by person id, in one query per thousand ids (no record is decoded)."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            query = sa_select(col(Person.id), col(Person.full_name)).where(
                col(Person.id).in_(chunk)
            )
            found.update({row[0]: row[1] for row in self._rows(query)})
        return found

    def keep_filtered(self, ids: list[str], where: ListFilter) -> set[str]:
        """The ids among `ids` that the filters keep (to filter a search's results)."""
        query = (
            sa_select(col(Person.id))
            .join(PersonState, col(PersonState.person_id) == col(Person.id))
            .where(col(Person.id).in_(ids), *_filter_conditions(where))
        )
        return {row[0] for row in self._rows(query)}

    def filter_values(self) -> dict[str, list[str]]:
        """The values present for each filter (statuses, officers, villages, measures)."""
        connection = self._session.connection()
        statuses = connection.execute(sa_select(col(PersonState.status)).distinct()).scalars()
        officers = connection.execute(
            sa_select(col(PersonState.officer)).where(col(PersonState.officer) != "").distinct()
        ).scalars()
        measures: set[str] = set()
        for joined in connection.execute(sa_select(col(PersonState.measures)).distinct()).scalars():
            measures.update(filter(None, joined.split(",")))
        return {
            "status": sorted(statuses),
            "officer": sorted(officers),
            "measure": sorted(measures),
            "village": [village for village, _count in self.villages()],
        }

    def search_names(self, words: list[str], *, limit: int) -> Matches:
        """Persons whose name or alias has every word as a word prefix, in register order."""
        match = " AND ".join(f'"{word}"*' for word in words)
        found = self._raw(
            "SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT ?",
            (match, MAX_ORDERED_MATCHES + 1),
        )
        return self._in_register_order([row[0] for row in found], limit=limit)

    def by_file_number(self, unit_code: str | None, file_no: int) -> Matches:
        """The persons with this file number, of one unit (none or one) or of any unit.

        At a district, any unit means one person per commune that has given the number.
        """
        query = sa_select(*_SUMMARY).where(col(Person.file_no) == file_no)
        if unit_code is not None:
            query = query.where(col(Person.unit_code) == unit_code)
        return Matches([PersonSummary(*row) for row in self._rows(query)], True)

    def search_id_prefix(self, prefix: str, *, limit: int) -> Matches:
        """Persons whose id-document number starts with `prefix` (a covering index range)."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        found = self._raw(
            "SELECT num FROM person WHERE id_number >= ? AND id_number < ? LIMIT ?",
            (prefix, upper, MAX_ORDERED_MATCHES + 1),
        )
        return self._in_register_order([row[0] for row in found], limit=limit)

    def _in_register_order(self, nums: list[int], *, limit: int) -> Matches:
        """The first `limit` of the matched persons in register order.

        Up to MAX_ORDERED_MATCHES matches are ordered from a covering index (no row is read
        until the page is known). Beyond that, ordering every match would cost more than a
        keystroke may: the first `limit` found are shown, in order, and flagged incomplete.
        """
        complete = len(nums) <= MAX_ORDERED_MATCHES
        if not nums:
            return Matches([], True)
        candidates = nums if complete else nums[:limit]
        ordered = self._raw(
            "SELECT id FROM person INDEXED BY ix_person_num_order "
            "WHERE num IN (SELECT value FROM json_each(?)) ORDER BY sort_key, id LIMIT ?",
            (json.dumps(candidates), limit),
        )
        ids = [row[0] for row in ordered]
        query = (
            sa_select(*_SUMMARY)
            .where(col(Person.id).in_(ids))
            .order_by(col(Person.sort_key), col(Person.id))
        )
        return Matches([PersonSummary(*row) for row in self._rows(query)], complete)

    def _raw(self, statement: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        return fetch_all(self._session, statement, params)

    def duplicate_candidates(
        self, record: PersonRecord, *, exclude: str | None = None
    ) -> list[PersonSummary]:
        """Same id-document number; or same folded name and birth year within one year."""
        year = record.birth.year
        same_name = (col(Person.name_folded) == record.folded_name()) & col(
            Person.birth_year
        ).between(year - 1, year + 1)
        condition = (
            or_(same_name, col(Person.id_number) == record.id_number)
            if record.id_number
            else same_name
        )
        query = sa_select(*_SUMMARY).where(condition).order_by(col(Person.sort_key)).limit(20)
        if exclude:
            query = query.where(col(Person.id) != exclude)
        return [PersonSummary(*row) for row in self._rows(query)]

    def villages(self) -> list[tuple[str, int]]:
        """Return each village with its number of persons."""
        query = (
            select(Person.village, func.count())
            .group_by(col(Person.village))
            .order_by(col(Person.village))
        )
        return [(village, int(count)) for village, count in self._session.exec(query)]


def _filter_conditions(where: ListFilter) -> list[Any]:
    """SQL conditions for the filters; registers and measures are comma-joined codes."""
    conditions: list[Any] = []
    if where.register:
        conditions.append(("," + col(PersonState.registers) + ",").contains(f",{where.register},"))
    if where.measure:
        conditions.append(("," + col(PersonState.measures) + ",").contains(f",{where.measure},"))
    if where.status:
        conditions.append(col(PersonState.status) == where.status)
    if where.officer:
        conditions.append(col(PersonState.officer) == where.officer)
    if where.village:
        conditions.append(col(Person.village) == where.village)
    return conditions
