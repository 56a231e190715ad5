"""`natosite track`: the edit keeps every other byte of tracker.yaml; refusals; atomic write."""

from __future__ import annotations

import datetime as dt
import os
import stat
from unittest import mock
from dataclasses import replace

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from natosite.frontmatter import strip_controls
from natosite.cli import cli
from natosite.commands.track import write_atomic
from natosite.errors import TrackerError
from natosite.trackedit import set_status
from natosite.tracker import parse_tracker

DAY = dt.date(2026, 11, 23)

# Written by hand, with the quirks hand-written files have: comments everywhere, blank
# lines, flow and block items, an indentless list, 4-space indentation in one entry.
TRACKER = """\
# My NATO applications. Statuses: interested | preparing | applied | interview | offer

250875-head-of-policy:   # the big one
  status: applied        # sent on time
  priority: high
  tags: [policy, brussels]
  notes: |
    Essay attached.

    *Markdown* is fine here.
  history:
    - {date: 2026-11-01, status: interested}
    - {date: 2026-11-15, status: applied, note: "essay, attached"}   # done!


ncia-1-analyst:
    tags: cyber
    history:
    - date: 2026-11-02
      status: interested
    reminders:
      - {date: 2026-12-01, note: 'ask Anna'}

# nothing yet
nspa-2-officer:
"""


def test_existing_entry_changes_exactly_two_lines():
    new = set_status(TRACKER, "250875-head-of-policy", "interview", DAY, "first round")
    assert new == TRACKER.replace(
        "  status: applied        # sent on time\n",
        "  status: interview      # sent on time\n",
    ).replace(
        '    - {date: 2026-11-15, status: applied, note: "essay, attached"}   # done!\n',
        '    - {date: 2026-11-15, status: applied, note: "essay, attached"}   # done!\n'
        "    - {date: 2026-11-23, status: interview, note: first round}\n",
    )


def test_entry_without_status_gets_one_and_block_items_stay_block():
    new = set_status(TRACKER, "ncia-1-analyst", "preparing", DAY, None)
    assert new == TRACKER.replace(
        "ncia-1-analyst:\n    tags: cyber\n",
        "ncia-1-analyst:\n    status: preparing\n    tags: cyber\n",
    ).replace(
        "    - date: 2026-11-02\n      status: interested\n",
        "    - date: 2026-11-02\n      status: interested\n    - date: 2026-11-23\n      status: preparing\n",
    )


def test_empty_entry_is_filled_in():
    new = set_status(TRACKER, "nspa-2-officer", "interested", DAY, None)
    assert new == TRACKER + "  status: interested\n  history:\n    - {date: 2026-11-23, status: interested}\n"


def test_new_entry_is_appended_in_the_file_style():
    new = set_status(TRACKER, "otan-3-advisor", "interested", DAY, "via LinkedIn")
    assert new == TRACKER + "\notan-3-advisor:\n  status: interested\n  history:\n    - {date: 2026-11-23, status: interested, note: via LinkedIn}\n"


@pytest.mark.parametrize(
    "before, after",
    [
        ("", "a:\n  status: offer\n  history:\n    - {date: 2026-11-23, status: offer}\n"),
        ("# only comments", "# only comments\n\na:\n  status: offer\n  history:\n    - {date: 2026-11-23, status: offer}\n"),
        ("a: ~  # later\n", "a:   # later\n  status: offer\n  history:\n    - {date: 2026-11-23, status: offer}\n"),
        ("a:\n  notes: hi", "a:\n  status: offer\n  notes: hi\n  history:\n    - {date: 2026-11-23, status: offer}\n"),
        ("a:\n  status:\n  history:\n", "a:\n  status: offer\n  history:\n    - {date: 2026-11-23, status: offer}\n"),
        ("a:\n  status: 'applied'\n  history: []\n", "a:\n  status: offer\n  history: [{date: 2026-11-23, status: offer}]\n"),
        (
            "a:\n  history: [{date: 2026-01-01, status: applied}]  # x\n",
            "a:\n  status: offer\n  history: [{date: 2026-01-01, status: applied}, {date: 2026-11-23, status: offer}]  # x\n",
        ),
        (
            "a:\n   status: applied\n   history:\n     -   date: 2026-01-01\n         status: applied\n",
            "a:\n   status: offer\n   history:\n     -   date: 2026-01-01\n         status: applied\n"
            "     -   date: 2026-11-23\n         status: offer\n",
        ),
        (
            "a:\n  status: applied\nb:\n  status: applied\n",
            "a:\n  status: offer\n  history:\n    - {date: 2026-11-23, status: offer}\nb:\n  status: applied\n",
        ),
    ],
)
def test_small_shapes(before, after):
    assert set_status(before, "a", "offer", DAY) == after


def test_block_scalar_status_and_history_after_a_block_note():
    before = "a:\n  history:\n  - date: 2026-01-01\n    status: applied\n    note: |\n      line\n# tail\n"
    assert set_status(before, "a", "offer", DAY) == (
        "a:\n  status: offer\n  history:\n  - date: 2026-01-01\n    status: applied\n    note: |\n      line\n"
        "  - date: 2026-11-23\n    status: offer\n# tail\n"
    )


def test_notes_are_quoted_on_one_line_where_needed():
    new = set_status("a:\n  status: applied\n", "a", "offer", DAY, 'line one\n"two": #3')
    assert new == 'a:\n  status: offer\n  history:\n    - {date: 2026-11-23, status: offer, note: "line one\\n\\"two\\": #3"}\n'
    assert set_status("", "a", "offer", DAY, "yes").endswith("note: 'yes'}\n")  # text, not a boolean
    assert set_status("", "a", "offer", DAY, "café, 1 €").endswith("note: 'café, 1 €'}\n")


def test_crlf_and_byte_order_mark_are_kept():
    before = "\ufeff# mine\r\na:\r\n  status: applied  # yes\r\n"
    assert set_status(before, "a", "offer", DAY) == (
        "\ufeff# mine\r\na:\r\n  status: offer    # yes\r\n  history:\r\n    - {date: 2026-11-23, status: offer}\r\n"
    )


def test_ids_that_look_like_numbers_are_quoted():
    new = set_status("", "250875", "applied", DAY)
    assert new.startswith("'250875':\n")
    assert parse_tracker(new).entries["250875"].status == "applied"


def test_flow_style_entry_falls_back_to_round_trip_and_keeps_the_rest():
    before = "# top\na: {status: applied}   # flow\nb:\n  status: offer  # keep\n"
    new = set_status(before, "a", "interview", DAY, "x")
    entry = parse_tracker(new).entries["a"]
    assert entry.status == "interview" and entry.history[-1].note == "x"
    assert new.startswith("# top\n") and new.endswith("b:\n  status: offer  # keep\n")


@pytest.mark.parametrize(
    "text, message",
    [
        ("a:\n  status: applied\n  notes: one: two\n", "tracker.yaml:3: bad YAML: mapping values are not allowed here; fix it before using `natosite track`"),
        ("a: applied\n", "tracker.yaml:1: entry 'a' must be a mapping (status:, history: ...), found 'applied'"),
        ("a:\n  history: applied\n", "tracker.yaml:2: history: expected a list of items like {date: 2025-06-01, status: applied}, found 'applied'"),
        ("a:\n  status: x\na:\n  status: y\n", "tracker.yaml:3: duplicate id 'a' (also at line 1); keep one"),
        ("[a, b]\n", "tracker.yaml:1: expected a mapping of posting ids to entries, found a list"),
        ("? [x]\n: 1\na:\n  status: x\n", "tracker.yaml:1: bad YAML: found unhashable key; fix it before using `natosite track`"),
        ("base: &s\n  status: applied\na: *s\n", "tracker.yaml: could not edit the entry 'a' safely; please make the change by hand"),
        ("a:\n  history: &x\n    - *x\n", "tracker.yaml: too deeply nested (or an alias inside itself) to edit safely; please make the change by hand"),
    ],
)
def test_refuses_files_it_cannot_edit_safely(text, message):
    with pytest.raises(TrackerError) as info:
        set_status(text, "a", "offer", DAY)
    assert str(info.value.message) == message


notes = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(note=notes, status=st.sampled_from(["applied", "offer", "interview"]), entry=st.sampled_from(["250875-head-of-policy", "ncia-1-analyst", "nspa-2-officer", "zz-new"]))
def test_any_note_round_trips_and_nothing_else_changes(note, status, entry):
    new = set_status(TRACKER, entry, status, DAY, note)
    tracker = parse_tracker(new)
    before = parse_tracker(TRACKER)
    assert tracker.errors == ()
    assert tracker.entries[entry].status == status
    assert tracker.entries[entry].history[-1] == type(tracker.entries[entry].history[-1])(DAY, status, strip_controls(note))
    for other, old in before.entries.items():
        if other != entry:
            assert without_lines(tracker.entries[other]) == without_lines(old)


def without_lines(entry):
    """An entry with line numbers dropped (an edit above it moves it down)."""
    reminders = tuple(replace(r, line=None) for r in entry.reminders)
    events = tuple(replace(e, line=None) for e in entry.events)
    return replace(entry, line=None, reminders=reminders, events=events)


# -- the command -------------------------------------------------------------------


@pytest.fixture
def workspace(write_tree):
    return write_tree(
        {
            "postings/250875-head-of-policy.md": "---\ntitle: Head\n---\n",
            "postings/ncia-1-analyst.md": "---\ntitle: Analyst\n---\n",
            "postings/nspa-2-officer.md": "---\ntitle: Officer\n---\n",
            "tracker.yaml": TRACKER,
        }
    )


def track(root, *args: str):
    return CliRunner().invoke(cli, ["-C", str(root), "track", *args], prog_name="natosite")


def test_command_edits_and_reports(workspace):
    result = track(workspace, "250875-head-of-policy", "interview", "--date", "2026-11-20", "--note", "first round")
    assert (result.exit_code, result.output) == (0, "tracker.yaml: 250875-head-of-policy: applied -> interview on 2026-11-20\n")
    assert (workspace / "tracker.yaml").read_text(encoding="utf-8") == set_status(
        TRACKER, "250875-head-of-policy", "interview", dt.date(2026, 11, 20), "first round"
    )
    assert sorted(p.name for p in workspace.iterdir()) == ["postings", "tracker.yaml"]  # no temp file left
    check = CliRunner().invoke(cli, ["-C", str(workspace), "check"])
    assert check.exit_code == 0, check.output


def test_the_same_step_twice_changes_nothing_unless_it_has_a_note(workspace):
    """Run twice by mistake, ``track`` does not add a second identical step to the history."""
    result = track(workspace, "250875-head-of-policy", "applied")
    assert result.exit_code == 0
    assert result.output.startswith("tracker.yaml: 250875-head-of-policy is already applied (since 2026-11-15); nothing written.")
    assert (workspace / "tracker.yaml").read_text(encoding="utf-8") == TRACKER
    noted = track(workspace, "250875-head-of-policy", "applied", "--note", "sent the missing form")
    assert noted.output == "tracker.yaml: 250875-head-of-policy: applied -> applied on 2026-11-23\n"
    assert "{date: 2026-11-23, status: applied, note: sent the missing form}" in (workspace / "tracker.yaml").read_text()
    # interested, by the history alone (no status key): the same again changes nothing either
    assert "nothing written" in track(workspace, "ncia-1-analyst", "interested").output
    # a status set by hand with no history yet: the step is recorded
    (workspace / "tracker.yaml").write_text("nspa-2-officer:\n  status: applied\n", encoding="utf-8")
    assert track(workspace, "nspa-2-officer", "applied").output == "tracker.yaml: nspa-2-officer: applied -> applied on 2026-11-23\n"


def test_command_creates_the_file(write_tree):
    root = write_tree({"postings/a-1.md": "---\ntitle: A\n---\n"})
    result = track(root, "a-1", "interested")
    assert (result.exit_code, result.output) == (0, "tracker.yaml: a-1: new -> interested on 2026-11-23\n")
    assert (root / "tracker.yaml").read_text() == "a-1:\n  status: interested\n  history:\n    - {date: 2026-11-23, status: interested}\n"


def test_default_date_is_today_in_the_configured_zone(workspace, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795435200 + 11 * 3600 + 1800))  # 23:30Z = 00:30 in Brussels
    result = track(workspace, "nspa-2-officer", "interested")
    assert result.output == "tracker.yaml: nspa-2-officer: new -> interested on 2026-11-24\n"


def test_symlinked_tracker_stays_a_link(workspace, tmp_path):
    real = tmp_path / "elsewhere.yaml"
    real.write_text(TRACKER, encoding="utf-8")
    (workspace / "tracker.yaml").unlink()
    (workspace / "tracker.yaml").symlink_to(real)
    assert track(workspace, "nspa-2-officer", "applied").exit_code == 0
    assert (workspace / "tracker.yaml").is_symlink()
    assert parse_tracker(real.read_text(encoding="utf-8")).entries["nspa-2-officer"].status == "applied"


def test_a_new_tracker_gets_the_usual_mode(write_tree):
    root = write_tree({"postings/a-1.md": "---\ntitle: A\n---\n"})
    umask = os.umask(0o027)
    try:
        assert track(root, "a-1", "interested").exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE((root / "tracker.yaml").stat().st_mode) == 0o640  # 0666 less the umask, not mkstemp's 0600


def test_a_tracker_link_to_nothing_is_refused_and_nothing_created(workspace, tmp_path):
    (workspace / "tracker.yaml").unlink()
    target = tmp_path / "gone" / "tracker.yaml"
    (workspace / "tracker.yaml").symlink_to(target)
    result = track(workspace, "nspa-2-officer", "applied")
    assert result.exit_code == 1 and "which does not exist; fix or remove the link" in result.output
    assert not target.exists() and not target.parent.exists()


def test_keeps_file_mode(workspace):
    path = workspace / "tracker.yaml"
    os.chmod(path, 0o640)
    assert track(workspace, "nspa-2-officer", "applied").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    "args, message",
    [
        (["250875-head-of-policy", "aplied"], "Invalid value for 'STATUS': unknown status 'aplied'; did you mean 'applied'?"),
        (
            ["250875-head-of-policy", "new"],
            "Invalid value for 'STATUS': unknown status 'new'; 'new' means no entry: delete the entry in tracker.yaml "
            "instead, or use one of: interested, preparing, applied, interview, offer, accepted, rejected, withdrawn",
        ),
        (["250875-head-of-polcy", "applied"], "Invalid value for 'ID': no posting with id '250875-head-of-polcy'; did you mean '250875-head-of-policy'?"),
        (["250875", "applied"], "Invalid value for 'ID': no posting with id '250875'; did you mean '250875-head-of-policy'?"),
        (["../tracker", "applied"], "Invalid value for 'ID': no posting with id '../tracker' (there is no postings/../tracker.md)"),
        (["nspa-2-officer", "applied", "--date", "2026-02-30"], "Invalid value for '--date': impossible date 2026-02-30: day is out of range for month"),
        (["nspa-2-officer", "applied", "--date", "23/11/2026"], "Invalid value for '--date': '23/11/2026' is not a date: write YYYY-MM-DD"),
        (["nspa-2-officer", "applied", "--date", "2026-11-23T10:00"], "Invalid value for '--date': '2026-11-23T10:00' has a time: write the day only, YYYY-MM-DD"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(workspace, args, message):
    result = track(workspace, *args)
    assert result.exit_code == 2
    assert result.output == f"Usage: natosite track [OPTIONS] ID STATUS\nTry 'natosite track --help' for help.\n\nError: {message}\n"
    assert (workspace / "tracker.yaml").read_text(encoding="utf-8") == TRACKER


def test_syntax_error_refused_with_line_exit_1(workspace):
    broken = TRACKER.replace("  priority: high\n", "  priority: high: very\n")
    (workspace / "tracker.yaml").write_text(broken, encoding="utf-8")
    result = track(workspace, "nspa-2-officer", "applied")
    assert result.exit_code == 1
    assert result.output == "Error: tracker.yaml:5: bad YAML: mapping values are not allowed here; fix it before using `natosite track`\n"
    assert (workspace / "tracker.yaml").read_text(encoding="utf-8") == broken


def test_other_mistakes_do_not_block_but_are_mentioned(workspace):
    (workspace / "tracker.yaml").write_text(TRACKER.replace("priority: high", "priority: hihg"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(workspace), "track", "nspa-2-officer", "applied"])
    assert result.exit_code == 0
    assert result.stderr == "Note: tracker.yaml has 1 other error; run `natosite check`\n"


def test_not_utf8_refused(workspace):
    (workspace / "tracker.yaml").write_bytes(b"a:\n  notes: caf\xe9\n")
    result = track(workspace, "nspa-2-officer", "applied")
    assert (result.exit_code, result.output) == (1, "Error: tracker.yaml:2: not UTF-8 text (invalid continuation byte); save it as UTF-8 first\n")


def test_write_atomic_refuses_a_file_changed_meanwhile(tmp_path):
    path = tmp_path / "tracker.yaml"
    path.write_bytes(b"a: 1\n")
    with pytest.raises(TrackerError, match="changed while natosite was editing it"):
        write_atomic(path, b"new\n", b"old\n")
    assert path.read_bytes() == b"a: 1\n"
    write_atomic(path, b"new\n", b"a: 1\n")
    assert path.read_bytes() == b"new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["tracker.yaml"]


# -- generated files: the splice never needs the round-trip fallback and keeps every old line --


@st.composite
def tracker_files(draw):
    """tracker.yaml texts in the styles people write: indentation, item styles, comments, gaps."""
    step = draw(st.sampled_from([2, 3, 4]))
    offset = draw(st.sampled_from([0, 2]))
    ids = draw(st.lists(st.from_regex(r"[a-z0-9]{1,6}-[a-z]{1,8}", fullmatch=True), min_size=1, max_size=4, unique=True))
    pad, dash = " " * step, " " * (step + offset)
    lines: list[str] = []
    if draw(st.booleans()):
        lines += ["# my applications", ""]
    for entry in ids:
        lines.append(f"{entry}:" + draw(st.sampled_from(["", "   # note"])))
        if draw(st.booleans()):
            lines.append(f"{pad}status: {draw(st.sampled_from(['applied', 'interested']))}" + draw(st.sampled_from(["", "  # why"])))
        if draw(st.booleans()):
            lines.append(f"{pad}tags: [a, b]")
        style = draw(st.sampled_from(["none", "flow-items", "block-items", "flow-list", "empty"]))
        if style == "flow-items":
            lines += [f"{pad}history:"] + [f"{dash}- {{date: 2026-0{i + 1}-01, status: applied}}" for i in range(draw(st.integers(1, 3)))]
        elif style == "block-items":
            lines += [f"{pad}history:", f"{dash}- date: 2026-01-01", f"{dash}  status: interested"]
        elif style == "flow-list":
            lines.append(f"{pad}history: [{{date: 2026-01-01, status: applied}}]")
        elif style == "empty":
            lines.append(f"{pad}history:")
        if draw(st.booleans()):
            lines += [f"{pad}notes: |", f"{pad}  line one", f"{pad}  line two"]
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n", ids


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(line == other for other in it) for line in small)


@settings(max_examples=120, deadline=None)
@given(data=tracker_files(), pick=st.integers(0, 4), note=st.one_of(st.none(), notes))
def test_generated_files_are_spliced_not_rewritten(data, pick, note):
    text, ids = data
    target = ids[pick] if pick < len(ids) else "zz-new"
    with mock.patch("natosite.trackedit.roundtrip_set_status", side_effect=AssertionError("fell back to ruamel")):
        new = set_status(text, target, "offer", DAY, note)
    entry = parse_tracker(new).entries[target]
    assert (entry.status, entry.history[-1]) == ("offer", type(entry.history[-1])(DAY, "offer", strip_controls(note) if note is not None else None))
    # Every old line is still there, in order, except the lines the edit is about.
    edited = ("status:", "history: [")
    kept = [line for line in text.splitlines() if not line.strip().startswith(edited)]
    assert is_subsequence(kept, new.splitlines())
    assert len(new.splitlines()) - len(text.splitlines()) <= 6


def test_an_alias_bomb_is_refused_at_once_not_compared_for_hours():
    chain = "".join(f"    {n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    text = "a:\n  status: applied\n  extra:\n    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + chain
    with pytest.raises(TrackerError, match="expand to more than 50,000 values") as info:
        set_status(text, "a", "interview", DAY)
    assert info.value.line == 5
    small = "a:\n  status: applied\n  tags: &t [x, y]\nb:\n  tags: *t\n"
    assert "status: interview" in set_status(small, "a", "interview", DAY)  # a few aliases are fine
