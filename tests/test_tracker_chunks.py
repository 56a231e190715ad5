"""tracker.yaml read entry by entry gives exactly what reading it whole gives (or declines)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natosite.tracker_parse import _by_entry, _parse_whole, parse_tracker

REPO = Path(__file__).resolve().parent.parent


def same(text: str) -> bool:
    """Asserts agreement; True when the text was read entry by entry."""
    chunked = _by_entry(text, "tracker.yaml")
    if chunked is None:
        return False
    whole = _parse_whole(text, "tracker.yaml")
    assert chunked == whole, text
    assert list(chunked.entries) == list(whole.entries)
    return True


def test_the_repository_tracker_and_a_generated_one(generate_postings) -> None:
    assert same((REPO / "tracker.yaml").read_text(encoding="utf-8"))
    assert same((generate_postings(300) / "tracker.yaml").read_text(encoding="utf-8"))


def test_an_edit_moves_the_later_entries_lines() -> None:
    text = "a:\n  status: applied\nb:\n  status: interviw\n  reminders:\n    - date: 2026-12-01\n      note: call\n"
    before = parse_tracker(text)
    after = parse_tracker("# new first line\n" + text)
    assert after.entries["b"].line == before.entries["b"].line + 1 == 4
    assert after.entries["b"].reminders[0].line == before.entries["b"].reminders[0].line + 1
    assert [p.line for p in after.problems] == [p.line + 1 for p in before.problems]
    assert same("# new first line\n" + text)


def test_what_it_declines() -> None:
    for text in ("a: &x\n  status: applied\nb: *x\n", "a:\n  status: applied\na:\n  status: offer\n", "---\na: 1\nb: 2\n",
                 "a:\n  status: [applied\nb:\n  status: offer\n", "a: 1\n- b\n", "a:\n\tstatus: applied\nb: 2\n", "a: 1\n"):
        assert _by_entry(text, "tracker.yaml") is None, text


_VALUE = st.sampled_from(["", "", "", "", "", "", "", "", " applied", " aplied", " [x", " {status: offer}", " 3", " null", " 'q'",
                          " |\n    text\n    more"])
_GOOD = [
    "  status: interview", "  status: aplied", "  priority: high", "  priority: urgent", "  tags: [compare, a]",
    "  notes: |\n    Some *notes*.\n    - a list", "  notes: plain", "  history:\n    - date: 2026-01-05\n      status: applied",
    "  history:\n    - date: 2026-13-05\n      status: applied", "  reminders:\n    - date: 2026-12-01T09:00\n      note: call",
    "  events:\n    - date: 2026-12-02\n      title: Interview\n      location: Mons", "  events:\n    - title: no date",
    "  unknown_key: 1", "# a comment", "", "  <<: {status: offer}",
]
_ODD = ["  status: applied\n  status: offer", "  bad:\n - x"]  # a message naming a line; a YAML error
_FIELD = st.sampled_from(_GOOD * 6 + _ODD)


@st.composite
def trackers(draw) -> str:
    lines = [draw(st.sampled_from(["", "# tracker", "# two\n"]))]
    for i in range(draw(st.integers(0, 7))):
        entry_id = draw(st.sampled_from(["a", "b", "c-1", "250875-x", "d.e", "f_g"])) + str(i)
        lines.append(f"{entry_id}:{draw(_VALUE)}")
        lines += draw(st.lists(_FIELD, max_size=4, unique=True))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trackers())
def test_generated_trackers_agree_or_are_declined(text: str) -> None:
    same(text)
