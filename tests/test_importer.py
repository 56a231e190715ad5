"""The importer end to end: fixtures in many board styles, determinism, property tests.

Each raw posting in ``tests/fixtures/raw/`` has hand-written expected facts in
``expected_facts.yaml`` and a golden ``<stem>.md`` (the whole file the import
writes). Regenerate the golden files only with ``pytest --update-golden`` and
review the diff.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natosite import frontmatter
from natosite.importer import ImportRefused, parse_posting
from natosite.models import EXTRA_KEYS, FACT_KEYS, KEY_ORDER

FIXTURES = Path(__file__).parent / "fixtures" / "raw"
EXPECTED = yaml.safe_load((FIXTURES / "expected_facts.yaml").read_text(encoding="utf-8"))
RAW = sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.suffix not in (".md", ".yaml"))
SOURCE = {"file": "x.txt", "imported": dt.date(2026, 11, 23)}


def _parse(path: Path):
    return parse_posting(path.read_bytes(), {**SOURCE, "file": path.name})


def test_every_fixture_has_expectations() -> None:
    assert len(RAW) >= 15
    assert sorted(EXPECTED) == [p.name for p in RAW]


@pytest.mark.parametrize("path", RAW, ids=lambda p: p.name)
def test_fixture_facts(path: Path) -> None:
    meta = _parse(path).posting.meta
    expected = EXPECTED[path.name]
    for key in FACT_KEYS + EXTRA_KEYS:
        want = expected.get(key, 1 if key == "posts" else None)
        if isinstance(want, dt.datetime):
            assert meta.get(key) == want and meta.get(key).utcoffset() == want.utcoffset(), key
        else:
            assert meta.get(key) == want, f"{path.name}: {key}"


@pytest.mark.parametrize("path", RAW, ids=lambda p: p.name)
def test_fixture_golden(path: Path, request: pytest.FixtureRequest) -> None:
    text = _parse(path).text
    golden = path.with_suffix(".md")
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "expected", "got"))
        pytest.fail(f"{path.name} differs from {golden.name}:\n{diff}")


@pytest.mark.parametrize("path", RAW, ids=lambda p: p.name)
def test_output_is_valid_front_matter_in_key_order(path: Path) -> None:
    result = _parse(path)
    meta, body = frontmatter.split(result.text)
    keys = list(meta)
    assert keys == [k for k in KEY_ORDER if k in meta]
    assert keys[: len(FACT_KEYS)] == list(FACT_KEYS)
    assert body == result.posting.body
    assert "\ufffd" not in result.text


def test_same_input_same_bytes() -> None:
    path = FIXTURES / "12_ims_pdf_glued.txt"
    assert _parse(path).text == _parse(path).text


def test_missing_facts_are_reported_with_the_file() -> None:
    result = _parse(FIXTURES / "16_minimal.txt")
    assert result.id.startswith("posting-") and len(result.id) == len("posting-") + 8
    messages = result.missing_messages(f"postings/{result.id}.md")
    assert messages[0] == f"no title found: set `title:` in postings/{result.id}.md"
    assert {m.split()[1] for m in messages} >= {"title", "reference", "deadline", "grade"}


def test_impossible_deadline_is_a_warning_and_null() -> None:
    result = _parse(FIXTURES / "15_impossible_deadline.txt")
    assert result.posting.meta["deadline"] is None
    assert any("31-02-2026" in w and "left empty" in w for w in result.warnings)


def test_text_and_bytes_give_the_same_posting() -> None:
    raw = (FIXTURES / "01_is_taleo_inline.txt").read_text(encoding="utf-8")
    assert parse_posting(raw, SOURCE).text == parse_posting(raw.encode(), SOURCE).text


def test_source_is_recorded() -> None:
    result = parse_posting("Title: Clerk\nDeadline: 2026-02-15\n", {"file": "a.txt", "imported": dt.date(2026, 1, 2)})
    source = result.posting.meta["source"]
    assert list(source) == ["file", "sha256", "imported"]
    assert source["file"] == "a.txt" and len(source["sha256"]) == 64 and source["imported"] == dt.date(2026, 1, 2)


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02\x03" * 50, b"%PDF-1.7\n..."])
def test_binary_and_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(ImportRefused) as info:
        parse_posting(data, SOURCE)
    assert "\n" not in str(info.value.message)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        result = parse_posting(text, SOURCE)
    except ImportRefused:
        return
    frontmatter.split(result.text)  # the output always reads back


_LINES = st.sampled_from(
    [
        "Application Deadline", "14-Dec-2025, 11:59:00 PM", "Grade", "NATO Grade G15", "GRADE: B-4/G-10",
        "1. SUMMARY", "- SUMMARY text", "Salary (Pay Basis)", ": 10,742.69Euro (EUR) MonthlyGrade NATO Grade G22",
        "TITLE: Senior Assistant (2 posts)", "STAFF VACANCY 250974", "最后期限: 31-02-2026", "相同的工作", "- ",
        "# heading?", "| a | b |", "```", "<iframe>", "Belgium-Brussels", "Closing date: 2026-13-45", "a. b",
        "Head (1 post) & Head (1 post)-250875", "Deadline:", "Grade:", "•", "Applications must be submitted by",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=40))
def test_posting_like_text_never_crashes(lines: list[str]) -> None:
    try:
        result = parse_posting("\n".join(lines), SOURCE)
    except ImportRefused:
        return
    meta, _ = frontmatter.split(result.text)
    assert set(FACT_KEYS) <= set(meta)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        parse_posting(data, SOURCE)
    except ImportRefused:
        pass


@pytest.mark.parametrize("path", RAW, ids=lambda p: p.name)
def test_fast_front_matter_is_frontmatter_join(path: Path) -> None:
    result = _parse(path)
    assert result.text == frontmatter.join(result.posting.meta, result.posting.body)


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30), st.dates(),
    st.datetimes(timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=2))])),
    st.sampled_from(["null", "Yes", "1.5", "2026-01-01", "...x", "a: b", "a #b", "-x", "x,y", "{a}", "~", "0x1F",
                     "Head, Policy Planning Unit", "NATO (IS)", "12:30", "1_000", "=", "<<", "O'Neil", 'a"b',
                     "Braine-l'Alleud, Belgium", 'the "Agency"', "a\\b", "x'", "l'OTAN: x", "'quoted'", "it's #1"]),
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=12), st.one_of(_VALUES, st.dictionaries(st.text(max_size=8), _VALUES,
                                                                                   max_size=3)), max_size=6))
def test_fast_front_matter_matches_yaml_for_any_values(meta: dict) -> None:
    from natosite.importer.emit import join

    assert join(meta, "body") == frontmatter.join(meta, "body")


_HEADLINE_BODY = "NATO International Staff\nLocation: Brussels, Belgium\nClosing date: 15 March 2026\n\nSummary\nThe analyst supports the Director.\n"


@pytest.mark.parametrize(
    "headline",
    [
        "Vacancy 271234 - Budget Analyst", "Vacancy 271234 – Budget Analyst", "Vacancy 271234: Budget Analyst",
        "Vacancy 271234 | Budget Analyst", "Budget Analyst - Vacancy 271234", "Budget Analyst – Vacancy 271234",
        "Budget Analyst | Vacancy 271234", "Budget Analyst: Vacancy 271234", "Vacancy Notice 271234 - Budget Analyst",
        "Budget Analyst (Vacancy No. 271234)", "Job ID: 271234 - Budget Analyst",
        "Vacancy 271234 – Budget Analyst – NATO International Staff",
    ],
)
def test_a_headline_gives_the_reference_and_the_title(headline: str) -> None:
    result = parse_posting(f"{headline}\n{_HEADLINE_BODY}", SOURCE)
    assert (result.posting.meta["title"], result.posting.meta["reference"]) == ("Budget Analyst", "271234")
    assert "271234" not in result.posting.body  # the headline is in the front matter


def test_a_headline_naming_the_employer_gives_no_title() -> None:
    meta = parse_posting(f"Vacancy 271234 - NATO Communications and Information Agency\n{_HEADLINE_BODY}", SOURCE)
    assert meta.posting.meta["reference"] == "271234" and meta.posting.meta["title"] is None


def test_a_row_of_badges_is_no_headline() -> None:
    text = "Vacancy 270388 · NATO HQ, Brussels, Belgium · Grade G16\nOfficer (Intelligence)\n" + _HEADLINE_BODY
    assert parse_posting(text, SOURCE).posting.meta["title"] == "Officer (Intelligence)"


@pytest.mark.parametrize(
    "menu",
    ["Jobs   Companies   Sign in", "Accueil  Offres d'emploi  Entreprises  Connexion", "Startseite Jobs Unternehmen Anmelden"],
)
def test_a_board_menu_above_the_title_is_left_out(menu: str) -> None:
    result = parse_posting(f"{menu}\nVacancy 271234 - Budget Analyst\n{_HEADLINE_BODY}", SOURCE)
    body = result.posting.body
    assert menu.split()[0] not in body and body.startswith("NATO International Staff\n"), body


@pytest.mark.parametrize("text", ["hi\n", "hello world", "asdf asdf asdf", "Accept all cookies\n", "  ok  \n\n"])
def test_text_too_small_to_be_a_posting_is_refused(text: str) -> None:
    with pytest.raises(ImportRefused) as info:
        parse_posting(text, SOURCE)
    assert "too little text to be a posting" in str(info.value.message) and "\n" not in str(info.value.message)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Budget Analyst\n", "Budget Analyst"), ("Title: Foo\n", "Foo"), ("Deadline: 2026-02-15\n", None),
        ("Clerk (G5)\n", "Clerk"), ("Stage - NCIA The Hague\n", None), ("Grade G15\n", None),  # ("(G5)": the grade's)
        ("We are looking for someone to help with our projects.\nSend us your CV.\n", None),
    ],
)
def test_a_short_text_with_a_fact_or_enough_words_is_imported(text: str, title: str | None) -> None:
    meta = parse_posting(text, SOURCE).posting.meta
    if title is not None:
        assert meta["title"] == title
