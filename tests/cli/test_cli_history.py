"""Issue 23 item 7 on the command line: the structured history typed with `person add` and
`person update`, shown by `person show --json`, refused with its field named when malformed."""

from __future__ import annotations

import json

from caseterm.errors import EXIT_REFUSED
from tests.programs import Programs

PRIOR = "tiền sự ma túy | 12/QĐ-XPHC | 05/03/2023 | Công an xã Tân An | phạt tiền"
EPISODE = "bắt buộc | Cơ sở cai nghiện số 1 | 01/2020 | 01/2022 | 05/QĐ-TA | TAND huyện Tiên Du"


def test_the_history_is_typed_shown_replaced_and_refused_when_malformed(run: Programs) -> None:
    added = run("caseterm", "person", "add", "--name", "Trần Văn Bình", "--sex", "nam",
                "--dob", "20/11/1995", "--education-level", "THCS", "--father", "Trần Văn Tám",
                "--father-id", "027062000111", "--father-id-date", "10/08/2021",
                "--father-phone", "0912345678", "--prior", PRIOR, "--past-rehab", EPISODE,
                "--confirm", "--json")  # fmt: skip
    pid = json.loads(added.stdout)["id"]
    record = json.loads(run("caseterm", "person", "show", pid, "--json").stdout)["record"]
    assert record["education_level"] == "lower_secondary"
    (father,) = record["family"]
    assert (father["id_number"], father["id_issue_date"], father["phone"]) == (
        "027062000111", "2021-08-10", "0912345678"
    )  # fmt: skip
    (prior,) = record["profile"]["prior_decisions"]
    assert prior == {"kind": "drug_sanction", "number": "12/QĐ-XPHC", "decided_on": "2023-03-05",
                     "issuer": "Công an xã Tân An", "measure": "phạt tiền"}  # fmt: skip
    (episode,) = record["profile"]["past_rehab"]
    assert (episode["form"], episode["started"], episode["authority"]) == (
        "compulsory", "2020-01", "TAND huyện Tiên Du"
    )  # fmt: skip

    run("caseterm", "person", "update", pid, "--prior", "")
    emptied = json.loads(run("caseterm", "person", "show", pid, "--json").stdout)["record"]
    assert emptied["profile"]["prior_decisions"] == []
    assert len(emptied["profile"]["past_rehab"]) == 1, "an option not given leaves its list"

    refused = run("caseterm", "person", "update", pid, "--past-rehab", "bắt buộc | x | 2023 | 2021",
                  expect=EXIT_REFUSED)  # fmt: skip
    assert "a rehab episode ends before it began" in refused.stderr
    bad = run("caseterm", "person", "update", pid, "--prior", "phạt | 1/QĐ", expect=EXIT_REFUSED)
    assert "Earlier convictions and sanctions: not one of" in bad.stderr
    assert "Traceback" not in bad.stderr + refused.stderr
