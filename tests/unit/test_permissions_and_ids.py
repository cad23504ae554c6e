"""Roles × actions, and the UUIDv7 ids."""

from __future__ import annotations

import uuid

from caseterm.domain.codes import Role
from caseterm.domain.permissions import Action, allowed
from caseterm.ids import new_id


def test_matrix() -> None:
    assert allowed([Role.OFFICER], Action.PERSON_CREATE)
    assert not allowed([Role.OFFICER], Action.OVERRIDE_SUPERVISED_WARNING)
    assert allowed([Role.CHIEF], Action.OVERRIDE_SUPERVISED_WARNING)
    assert not allowed([Role.ADMIN], Action.PERSON_READ)  # need-to-know: IT staff see no case files
    assert allowed([Role.ADMIN], Action.ACCOUNT_MANAGE)
    assert not allowed([Role.DISTRICT_ANALYST], Action.PERSON_READ)
    assert allowed([Role.ADMIN, Role.CHIEF], Action.PERSON_READ)


def test_role_parsing_accepts_vietnamese() -> None:
    assert Role.parse("cán bộ") is Role.OFFICER
    assert Role.parse("Trưởng công an xã") is Role.CHIEF
    assert Role.parse("district-analyst") is Role.DISTRICT_ANALYST


def test_ids_are_uuid7_unique_and_time_ordered() -> None:
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert all(uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    millis = [int(i.replace("-", "")[:12], 16) for i in ids]
    assert millis == sorted(millis)
