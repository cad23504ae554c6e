"""Issue 21 item 4: the command line's own words (help headings, usage, errors) are Vietnamese."""

from __future__ import annotations

from caseterm.errors import EXIT_USAGE
from tests.english import english_words
from tests.programs import Programs


def _vietnamese(run: Programs) -> Programs:
    return Programs({**run.env, "CASETERM_LANG": "vi"}, run.passphrase_files, user=run.user)


def test_help_pages_have_no_english_words(run: Programs) -> None:
    vi = _vietnamese(run)
    pages = [
        ("caseterm", "--help"),
        ("caseterm", "person", "--help"),
        ("caseterm", "person", "find", "--help"),
        ("caseterm", "event", "record", "--help"),
        ("caseterm-admin", "--help"),
        ("caseterm-admin", "users", "add", "--help"),
        ("caseterm-admin", "calendar", "term-ends", "--help"),
    ]
    for program, *args in pages:
        shown = vi(program, *args, secret=None, user=None).stdout
        assert "Cách dùng:" in shown and "Tùy chọn:" in shown, args
        assert "Hiện hướng dẫn này rồi thoát." in shown, args
        assert english_words(shown) == [], (args, english_words(shown))


def test_usage_errors_are_vietnamese_sentences(run: Programs) -> None:
    vi = _vietnamese(run)
    cases = {
        ("caseterm", "person", "find", "An", "--nope"): "Không có tùy chọn --nope.",
        ("caseterm", "persn"): "Không có lệnh 'persn'. Có phải ý bạn là 'person'?",
        ("caseterm", "person", "show"): "Thiếu đối số 'person'.",
        ("caseterm", "person", "find", "An", "--limit", "0"): "phải từ 1 trở lên",
        ("caseterm", "person", "find", "An", "--limit", "abc"): "không phải số nguyên",
        ("caseterm", "person", "find", "An", "extra"): "thừa các từ: extra",
    }
    for (program, *args), expected in cases.items():
        failed = vi(program, *args, secret=None, user=None, expect=EXIT_USAGE)
        assert expected in failed.stderr, (args, failed.stderr)
        assert "Cách dùng:" in failed.stderr and "để biết cách dùng" in failed.stderr
        assert english_words(failed.stderr) == [], (args, english_words(failed.stderr))


def test_the_english_detector_finds_what_it_must() -> None:
    """The check above would pass on anything if the detector found nothing."""
    shown = "Usage: caseterm [OPTIONS]\n  --help  Print this message and exit."
    assert english_words(shown) == ["Usage", "this", "message", "and", "exit"]
    assert english_words("Cách dùng: caseterm [TÙY CHỌN] --store <path> CASETERM_STORE") == []
