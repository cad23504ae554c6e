"""Issue 21 item 3 and 5: ordinary bad input is a sentence in Vietnamese with a documented exit
code, never "Lỗi không lường trước"; a truly unexpected error leaves an id in a log that holds
no personal data."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
import typer

from caseterm.cli.common import guarded
from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import EXIT_DISK, EXIT_INTERNAL, EXIT_REFUSED, DiskError
from caseterm.i18n import set_language
from caseterm.services.keys.opening import open_session
from caseterm.services.session.case_session import CaseSession
from caseterm.services.setup.new_store import InitRequest, init_store
from caseterm.store import lock
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.programs import Programs

UNEXPECTED = "không lường trước"


def _vietnamese(run: Programs) -> Programs:
    return Programs({**run.env, "CASETERM_LANG": "vi"}, run.passphrase_files, user=run.user)


def test_empty_required_fields_are_named_not_unexpected(run: Programs) -> None:
    """`person add` with an empty name, birth date or sex: exit 4 and the field's name."""
    vi = _vietnamese(run)
    cases = {
        ("--name", "", "--sex", "nam", "--dob", "1990"): ["Họ và tên: bắt buộc"],
        ("--name", "Lê Văn Tám", "--sex", "", "--dob", "1990"): ["Giới tính: bắt buộc"],
        ("--name", "Lê Văn Tám", "--sex", "nam", "--dob", ""): ["Ngày sinh: bắt buộc"],
        ("--name", "", "--sex", "", "--dob", ""): ["Họ và tên", "Giới tính", "Ngày sinh"],
    }
    for args, expected in cases.items():
        failed = vi("caseterm", "person", "add", *args, expect=EXIT_REFUSED)
        assert UNEXPECTED not in failed.stderr
        assert "Chưa lưu hồ sơ" in failed.stderr
        for words in expected:
            assert words in failed.stderr, (args, failed.stderr)


def test_event_fields_take_vietnamese_words_and_name_their_limits(run: Programs) -> None:
    """Item 5: `-f result="dương tính"` (with or without tones) is the code POSITIVE; a point is
    typed by its meaning; a too long field is named by its label with the limit."""
    vi = _vietnamese(run)
    pid = json.loads(
        vi(
            "caseterm",
            "person",
            "add",
            "--name",
            "Lê Văn Tám",
            "--sex",
            "nam",
            "--dob",
            "1990",
            "--json",
        ).stdout
    )["id"]
    record = ("caseterm", "event", "record", pid, "test.performed")
    too_long = vi(
        *record, "-f", "result=duong tinh", "-f", "ground=h", "-f", "sample=URINE",
        "-f", "slip_no=" + "x" * 65, expect=EXIT_REFUSED,
    )  # fmt: skip
    assert "Số phiếu (slip_no): tối đa 64 ký tự" in too_long.stderr
    unknown = vi(*record, "-f", "result=chắc chắn", "-f", "ground=h", "-f", "sample=URINE",
                 expect=EXIT_REFUSED)  # fmt: skip
    assert "Kết quả (result): hãy viết một trong các giá trị" in unknown.stderr
    assert "POSITIVE: dương tính" in unknown.stderr and "chắc chắn" not in unknown.stderr
    done = vi(
        *record, "-f", "result=dương tính", "-f", "ground=bị phát hiện quả tang",
        "-f", "sample=nuoc tieu", "--json",
    )  # fmt: skip
    assert json.loads(done.stdout)["rule"] == "T04"  # positive, not prosecuted
    listed = vi("caseterm", "event", "types", "test.performed", secret=None, user=None).stdout
    assert "h = điểm h — bị phát hiện quả tang" in listed
    assert "POSITIVE = dương tính" in listed


def _read_only(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.EROFS, "Read-only file system")


def test_a_store_on_a_read_only_disk_says_so_and_what_to_do(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 3: opening needs to write (the lock, the audit of the opening). The operating system's
    refusal — injected at the lock, where it lands first — is a disk error (exit 8) naming the
    path, the reason and what to do."""
    store = session.files.store
    session.close()
    set_language("vi")
    monkeypatch.setattr(lock.FileLock, "acquire", _read_only)
    with pytest.raises(DiskError) as refused:
        open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    text = str(refused.value)
    assert refused.value.exit_code == EXIT_DISK
    assert str(store) in text and "chỉ cho đọc" in text and "chép kho sang" in text


def test_init_on_a_read_only_disk_is_a_disk_error_in_words(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 3: `init` exited 1 with the system's English words; now exit 8, in Vietnamese."""
    set_language("vi")
    monkeypatch.setattr(Path, "mkdir", _read_only)
    target = tmp_path / "ro" / "caseterm.db"
    request = InitRequest(target, "26734", "Xã Tân An", ADMIN, ADMIN_PASSPHRASE)
    with pytest.raises(DiskError) as refused:
        init_store(request, policy=policy, clock=clock)
    assert refused.value.exit_code == EXIT_DISK
    assert "chỉ cho đọc" in str(refused.value) and "Chưa có gì được tạo" in str(refused.value)
    assert not target.exists()


def test_an_unexpected_error_is_logged_by_id_without_any_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 3: the message prints the id and the log's path; the log holds the id, the type and
    the code locations, and none of the values the error or its frames carried."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("CASETERM_DEBUG", raising=False)
    set_language("vi")

    @guarded
    def boom() -> None:
        name, number = "Nguyễn Thị Bí Mật", "001090654321"
        raise ValueError(f"{name} {number}")

    with pytest.raises(typer.Exit) as stopped:
        boom()
    assert stopped.value.exit_code == EXIT_INTERNAL
    said = capsys.readouterr().err
    log = tmp_path / "state" / "caseterm" / "errors.log"
    assert str(log) in said and UNEXPECTED in said
    [line] = log.read_text("utf-8").splitlines()
    error_id = said.split("(mã ")[1].split(")")[0]
    assert error_id in line and "ValueError" in line
    assert "tests/cli/test_error_paths.py" in line and "in boom" in line
    assert "Bí Mật" not in line and "001090654321" not in line and "Nguy" not in line


def test_a_refused_passphrase_is_said_before_it_is_asked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Item 7: the policy is checked on the first typing; the confirmation is not asked."""
    import getpass
    import sys

    from caseterm.cli.common import read_passphrase
    from caseterm.errors import RefusedError

    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return "short"

    monkeypatch.setattr(getpass, "getpass", typed)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    set_language("vi")
    with pytest.raises(RefusedError):
        read_passphrase(None, "Cụm mật khẩu mới: ", confirm=True, context=("canbo1",))
    assert asked == ["Cụm mật khẩu mới: "]


def test_rotation_says_busy_before_it_says_it_is_re_encrypting(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """Item 7: with the store open elsewhere, the refusal comes and "re-encrypting…" never does;
    alone, it is said once, after the store was taken and the passphrase opened it."""
    from caseterm.errors import StoreBusy
    from caseterm.services.keys.rotation import rotate_data_key

    store, said = session.files.store, []
    with pytest.raises(StoreBusy):
        rotate_data_key(
            store,
            ADMIN,
            ADMIN_PASSPHRASE,
            policy=policy,
            clock=clock,
            started=lambda: said.append(1),
        )
    assert said == []
    session.close()
    rotate_data_key(
        store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock, started=lambda: said.append(1)
    )
    assert said == [1]
