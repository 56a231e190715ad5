import datetime as dt

import pytest

from natosite import frontmatter
from natosite.errors import ParseError


def test_split_reads_meta_and_body():
    meta, body = frontmatter.split("---\ntitle: Head\nreference: '250875'\n---\n\n## Summary\nText\n")
    assert meta == {"title": "Head", "reference": "250875"}
    assert body == "## Summary\nText\n"


def test_split_handles_bom_and_crlf():
    meta, body = frontmatter.split("\ufeff---\r\ntitle: A\r\n---\r\nBody\r\n")
    assert meta == {"title": "A"}
    assert body == "Body\n"


def test_deadline_with_offset_loads_as_aware_datetime():
    meta, _ = frontmatter.split("---\ndeadline: 2025-06-18T23:59:00+02:00\n---\n")
    assert meta["deadline"] == dt.datetime(2025, 6, 18, 21, 59, tzinfo=dt.timezone.utc)
    assert meta["deadline"].utcoffset() == dt.timedelta(hours=2)


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("title: x\n", 1, "no front matter"),
        ("---\ntitle: x\n", 1, "not closed"),
        ("---\ntitle: x\nbad: [1, 2\n---\n", 3, "bad YAML"),
        ("---\n- a\n- b\n---\n", 2, "must be a mapping"),
    ],
)
def test_split_errors_name_file_and_line(text, line, fragment):
    with pytest.raises(ParseError) as info:
        frontmatter.split(text, "postings/x.md")
    assert info.value.path == "postings/x.md"
    assert info.value.line == line
    assert fragment in info.value.detail
    assert str(info.value.message).startswith(f"postings/x.md:{line}: ")


def test_impossible_date_is_a_parse_error_not_a_crash():
    with pytest.raises(ParseError) as info:
        frontmatter.split("---\ndeadline: 2026-02-31\n---\n", "postings/x.md")
    assert "postings/x.md" in str(info.value.message)


def test_join_orders_keys_and_is_iso():
    tz = dt.timezone(dt.timedelta(hours=2))
    meta = {
        "mine": "kept",
        "source": {"file": "003.txt", "sha256": "ab", "imported": dt.date(2026, 11, 23)},
        "deadline": dt.datetime(2025, 6, 18, 23, 59, tzinfo=tz),
        "reference": "250875",
        "title": "Head, Policy: Planning",
        "salary": 10742.69,
        "languages": {"English": "V", "French": "III"},
    }
    text = frontmatter.join(meta, "## Summary\n\nBody\n")
    assert text == (
        "---\n"
        "title: 'Head, Policy: Planning'\n"
        "reference: '250875'\n"
        "salary: 10742.69\n"
        "deadline: 2025-06-18T23:59:00+02:00\n"
        "languages: {English: V, French: III}\n"
        "source: {file: 003.txt, sha256: ab, imported: 2026-11-23}\n"
        "mine: kept\n"
        "---\n"
        "\n"
        "## Summary\n\nBody\n"
    )


def test_join_then_split_round_trips():
    meta = {"title": "Über « quotes » #1", "reference": None, "posts": 2, "deadline": dt.date(2026, 1, 10)}
    again, body = frontmatter.split(frontmatter.join(meta, "text"))
    assert again == meta
    assert body == "text\n"
