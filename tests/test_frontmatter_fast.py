"""``frontmatter_fast.simple_load`` against PyYAML itself: the same mapping, or it declines.

It must give exactly what ``yaml.load(source, CSafeLoader)`` gives (same keys, values,
types and reprs: the build fingerprints ``repr(meta)``), or return None. Checked on
every posting this repository has, on generated postings like the benchmarks', on
front matter written by ``frontmatter.join`` from generated values, and on generated
near-miss texts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natosite import frontmatter
from natosite.frontmatter_fast import simple_load

REPO = Path(__file__).resolve().parent.parent


def reference(source: str) -> object:
    """PyYAML's mapping, or the exception it raises."""
    try:
        return yaml.load(source, Loader=yaml.CSafeLoader)  # noqa: S506 - a SafeLoader
    except Exception as exc:  # noqa: BLE001 - any refusal counts
        return exc


def check(source: str) -> bool:
    """Asserts agreement; True when simple_load answered (did not decline)."""
    fast = simple_load(source)
    if fast is None:
        return False
    ref = reference(source)
    assert not isinstance(ref, Exception), (source, ref)
    assert ref is not None or fast == {}, source
    ref = ref or {}
    assert repr(fast) == repr(ref), source
    assert [type(v) for v in fast.values()] == [type(v) for v in ref.values()], source
    return True


def front(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    return "\n".join(lines[1 : lines.index("---", 1)])


def files() -> list[Path]:
    found = sorted(REPO.glob("postings/*.md")) + sorted(REPO.glob("tests/fixtures/raw/*.md"))
    found += sorted(REPO.glob("tests/examples/*/input/postings/*.md")) + sorted(REPO.glob("tests/fixtures/**/expected/*.md"))
    return [p for p in found if p.read_text(encoding="utf-8").startswith("---\n")]


@pytest.mark.parametrize("path", files(), ids=[p.name for p in files()])
def test_every_posting_we_have_is_read_as_pyyaml_reads_it(path: Path) -> None:
    assert check(front(path)), "the front matter the import writes takes the fast path"


def test_generated_postings_take_the_fast_path(generate_postings) -> None:
    assert all(check(front(p)) for p in sorted(generate_postings(100).glob("postings/*.md")))


def test_it_declines_what_it_does_not_handle() -> None:
    for source in ("a:\n  b: 1", "a:\n- 1", "a: |\n  x", "a: [1, 2]", "a: &x 1\nb: *x", "a: !!str 1", "a: 'x\n  y'",
                   "a: \"x\\ty\"", "a: b: c", "a: b #c", "a: {b: [1]}", "a: {b: 'x, y'}", "? a\n: b", "%YAML 1.1",
                   "a:\tb", "a: x\u2028y", "a: x\x85y", "a: -1", "yes: 1", "1: x", "a: 2025-02-31", "a: <<", "a: =",
                   "a: {b: 1}: c", "a: x:", " a: 1", "a: b\n c", "'a': 1", "a: {: b}", "a: {b:}", "a: {b: 1,}"):
        assert simple_load(source) is None, source


def test_values_are_typed_as_pyyaml_types_them() -> None:
    source = ("a: 12\nb: 4061.27\nc: 2026-03-15\nd: 2026-03-15T23:59:00+01:00\ne: null\nf: ~\ng:\nh: true\n"
              "i: '250000'\nj: \"x # y\"\nk: C# and F#\nl: 'it''s'\nm: {file: x.txt, imported: 2026-11-23}\nn: 0x1F\no: 1:20")
    assert check(source)
    meta = simple_load(source)
    assert meta is not None
    assert meta["d"] == dt.datetime(2026, 3, 15, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert (meta["e"], meta["f"], meta["g"], meta["h"], meta["i"], meta["l"]) == (None, None, None, True, "250000", "it's")
    assert meta["m"] == {"file": "x.txt", "imported": dt.date(2026, 11, 23)}


def test_impossible_dates_still_get_pyyaml_s_error_and_line() -> None:
    with pytest.raises(frontmatter.ParseError) as err:
        frontmatter.split("---\ntitle: x\ndeadline: 2026-02-31\n---\nbody\n", "p.md")
    assert err.value.line == 3


_TRICKY = "aZ09 .,:;#-_'\"{}[]&*!|>%@`?~\\/<=+\u00a0\u00e9\u4e2d\u2028\u0085\ufeff\x7f\x01"
# Pieces that mean something to YAML somewhere, to be put together in any order.
_PIECE = st.sampled_from(["a", "Z9", "1", "0", ".", " ", "  ", ":", ": ", " #", "#", ",", ", ", "'", "''", '"', "{", "}",
                          "[", "]", "-", "- ", "?", "\u00a0", "\u00e9", "\u4e2d", "\u2028", "\u0085", "\ufeff", "\\", "&",
                          "*", "!", "|", ">", "%", "@", "`", "~", "<<", "=", "x: y", "2026-03-15", "T23:59:00", "+01:00"])
_SCALAR = st.one_of(
    st.lists(_PIECE, min_size=1, max_size=6).map("".join),
    st.text(alphabet=_TRICKY, max_size=10),
    st.sampled_from(["null", "~", "Null", "NULL", "yes", "No", "on", "OFF", "true", "y", "n", ".inf", "-.5", "1e3",
                     "1_000", "0o17", "017", "0x1f", "1:20", "2026-03-15", "2026-3-5", "2026-02-31",
                     "2026-03-15T23:59:00+01:00", "2026-03-15 23:59:00", "2026-03-15t23:59:00Z", "2026-03-15T23:59:00.5-05:30",
                     "<<", "=", "-", "- x", "x:", "x: y", "x #y", "x#y", "'q'", "\"q\"", "''", "'a''b'", "\"a\\\"b\"", "{}",
                     "{a: 1}", "{a: b, c: 2026-01-02}", "{a: 'x, y'}", "{a: 'x''y'}", "{a: \"q\"}", "{a: {b: c}}", "[a]", "*x", "&x y"]),
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(str),
)
_KEY = st.one_of(st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,6}", fullmatch=True),
                 st.sampled_from(["yes", "No", "on", "null", "True", "y", "title", "a-b", "_x", "1", "~"]))
_LINE = st.one_of(
    st.builds(lambda k, v: f"{k}: {v}", _KEY, _SCALAR),
    st.builds(lambda k, v: f"{k}: {{{v}}}", _KEY, st.lists(st.builds(lambda a, b: f"{a}: {b}", _KEY, _SCALAR), max_size=3).map(", ".join)),
    st.builds(lambda k: f"{k}:", _KEY),
    st.builds(lambda k, v: f"{k}:{v}", _KEY, _SCALAR),
    st.builds(lambda v: f"  {v}", _SCALAR),
    st.builds(lambda v: f"# {v}", _SCALAR),
    st.sampled_from(["", "   ", "- item", "---", "...", "#", "a: 1  ", "a: 'x'  "]),
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=8))
def test_generated_front_matter_agrees_or_is_declined(lines: list[str]) -> None:
    for line in lines:  # alone, where one declined line does not hide the others
        check(line)
    check("\n".join(lines))


_META_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(-10**9, 10**9), st.text(alphabet=_TRICKY, max_size=12),
    st.dates(), st.floats(allow_nan=False, allow_infinity=False),
    st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), st.one_of(st.text(alphabet=_TRICKY, max_size=8), st.dates()), max_size=3),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), _META_VALUE, max_size=8))
def test_what_join_writes_is_read_back_the_same_either_way(meta: dict) -> None:
    text = frontmatter.join(meta, "body\n")
    check(front_of(text))


def front_of(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(lines[1 : lines.index("---", 1)])


def test_unusual_characters_are_pyyaml_s_unprintable_ones_and_line_breaks_tabs_and_bom() -> None:
    """Every code point: declined exactly when PyYAML's reader calls it unprintable, or it is a tab,
    a line break of YAML 1.1 or the byte-order mark."""
    import sys

    from yaml.reader import Reader

    from natosite.frontmatter_fast import _UNUSUAL

    extra = set("\t\n\r\x85\u2028\u2029\ufeff")
    wrong = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if bool(_UNUSUAL.match(chr(code))) != (bool(Reader.NON_PRINTABLE.match(chr(code))) or chr(code) in extra)
    ]
    assert wrong == []
