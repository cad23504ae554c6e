"""Issue 20 item 12: a complete management file, defined from the decree's document lists."""

from __future__ import annotations

from caseterm.domain.codes import DrugType
from caseterm.domain.person import DrugProfile, PersonRecord
from caseterm.domain.report.completeness import missing_documents
from tests.conftest import person
from tests.lifecycle import paths
from tests.lifecycle.life import Life

RESUME = {"permanent_address": "12 Lê Lợi", "ethnicity": "Kinh", "occupation": "thợ may"}


def _full_record() -> PersonRecord:
    return person(**RESUME, profile=DrugProfile(drug_types=(DrugType.HEROIN,)))


def test_item12_user_management_file_names_each_missing_document() -> None:
    """ND163 Art 59(4), 64(1), 61(1)(a): a user-management file holds the decision, the résumé
    and the residence verification, the positive test slip, the statement (Mẫu 03), the no-use
    pledge and a check every month. With only the events up to the decision, the statement and
    pledge are missing; once logged, and checked each month, the file is complete."""
    record = _full_record()
    life = Life()
    decision = paths.managed(life)  # 06/07/2026
    state = life.state("20/07/2026")
    assert missing_documents(record, state, life.events) == ("statement", "pledge")
    life.rec("document.logged", "07/07/2026 09:00", of_event=decision, document="STATEMENT")
    life.rec("document.logged", "07/07/2026 09:30", of_event=decision, document="PLEDGE")
    state = life.state("20/07/2026")
    assert missing_documents(record, state, life.events) == ()
    august_missed = life.state("05/09/2026")
    assert missing_documents(record, august_missed, life.events) == ("monthly_checks",)


def test_item12_identity_fields_alone_do_not_make_a_file_complete_nor_incomplete() -> None:
    """ND163 Art 59(4)(b): the résumé's fields are one item among the documents; a record with
    every field but no decision documents is incomplete, and one lacking a field says which."""
    life = Life()
    paths.managed(life)
    bare = person()
    missing = missing_documents(bare, life.state("20/07/2026"), life.events)
    assert "ethnicity" in missing and "pledge" in missing


def test_item12_post_rehab_file_follows_art_135() -> None:
    """ND163 Art 135: the post-rehab file holds the decision (Mẫu 53), the completion
    certificate, the résumé and the no-use pledge."""
    record = _full_record()
    life = Life()
    paths.in_post_rehab(life)
    state = life.state("10/08/2028")
    assert missing_documents(record, state, life.events) == ("pledge",)
