"""tracker.yaml: loading, validation (every mistake at its line), effective status, merge, suggest."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natosite.models import NEW_STATUS, Event, HistoryItem, Posting, Problem, Reminder
from natosite.tracker import load_tracker, merge, parse_tracker, suggest

# A realistic tracker.yaml, commented the way a person keeps one.
EXAMPLE = """\
# tracker.yaml: where each application stands. Edit by hand, commit to git.

250875-head-nato-affairs-and-security-policy:
  status: applied        # sent on time, essay attached
  priority: high
  tags: [policy, brussels, compare]
  notes: |
    Essay on the three key challenges attached.
    *Markdown* is fine here.
  history:               # oldest first
    - {date: 2025-06-01, status: interested}
    - {date: 2025-06-15, status: applied, note: essay attached}
  reminders:
    - {date: 2025-07-01, note: Check Taleo for longlisting}
  events:
    - {date: 2025-07-10T10:00, title: Written test, location: NATO HQ}
    - {date: "2025-07-20 14:30:00+02:00", title: Panel interview}

# No `status:` here: the latest history entry decides.
ncia-230410-cyber-analyst:
  tags: cyber            # a single tag needs no brackets
  history:
    - date: 2025-05-02
      status: interested
    - date: 2025-05-20
      status: preparing
      note: 'asked Anna for a reference'

nspa-2025-017-logistics-officer:   # just noted, nothing else yet
"""


def problems_of(text: str) -> list[str]:
    return [f"{p}" if p.level == "error" else f"{p} [warning]" for p in parse_tracker(text).problems]


def test_example_loads_completely_without_problems():
    tracker = parse_tracker(EXAMPLE)
    assert tracker.problems == ()
    assert list(tracker.entries) == [
        "250875-head-nato-affairs-and-security-policy",
        "ncia-230410-cyber-analyst",
        "nspa-2025-017-logistics-officer",
    ]
    head = tracker.entries["250875-head-nato-affairs-and-security-policy"]
    assert head.status == "applied"
    assert head.priority == "high"
    assert head.tags == ("policy", "brussels", "compare")
    assert head.notes == "Essay on the three key challenges attached.\n*Markdown* is fine here.\n"
    assert head.history == (
        HistoryItem(dt.date(2025, 6, 1), "interested"),
        HistoryItem(dt.date(2025, 6, 15), "applied", "essay attached"),
    )
    assert head.reminders == (Reminder(dt.date(2025, 7, 1), "Check Taleo for longlisting", line=14),)
    plus2 = dt.timezone(dt.timedelta(hours=2))
    assert head.events == (
        Event(dt.datetime(2025, 7, 10, 10, 0), "Written test", "NATO HQ", line=16),
        Event(dt.datetime(2025, 7, 20, 14, 30, tzinfo=plus2), "Panel interview", line=17),
    )
    assert head.line == 3
    cyber = tracker.entries["ncia-230410-cyber-analyst"]
    assert cyber.status == "preparing"
    assert cyber.tags == ("cyber",)
    assert cyber.history[-1].note == "asked Anna for a reference"
    empty = tracker.entries["nspa-2025-017-logistics-officer"]
    assert (empty.status, empty.history, empty.line) == (NEW_STATUS, (), 29)


def test_naive_event_time_without_seconds_stays_naive():
    tracker = parse_tracker("a:\n  events:\n    - {date: 2025-07-10T10:00, title: Test}\n")
    (event,) = tracker.entries["a"].events
    assert event.date == dt.datetime(2025, 7, 10, 10, 0) and event.date.tzinfo is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a:\n  status: aplied\n", ["tracker.yaml:2: unknown status 'aplied'; did you mean 'applied'?"]),
        ("a:\n  status: Applied\n", ["tracker.yaml:2: unknown status 'Applied'; did you mean 'applied'?"]),
        (
            "a:\n  status: hired\n",
            [
                "tracker.yaml:2: unknown status 'hired'; use one of: interested, preparing, applied, "
                "interview, offer, accepted, rejected, withdrawn"
            ],
        ),
        (
            "a:\n  status: new\n",
            [
                "tracker.yaml:2: unknown status 'new'; 'new' means no entry: delete `status:`, or use one of: "
                "interested, preparing, applied, interview, offer, accepted, rejected, withdrawn"
            ],
        ),
        ("a:\n  priority: hihg\n", ["tracker.yaml:2: unknown priority 'hihg'; did you mean 'high'?"]),
        ("a:\n  stauts: applied\n", ["tracker.yaml:2: unknown key 'stauts' in entry 'a'; did you mean 'status'? [warning]"]),
        (
            "a:\n  colour: red\n",
            [
                "tracker.yaml:2: unknown key 'colour' in entry 'a' "
                "(known: status, priority, tags, notes, history, reminders, events) [warning]"
            ],
        ),
        ("a:\n  history:\n    - {date: 2025-02-30, status: applied}\n", ["tracker.yaml:3: impossible date 2025-02-30: day is out of range for month"]),
        ("a:\n  history:\n    - {date: '2025-02-30', status: applied}\n", ["tracker.yaml:3: impossible date 2025-02-30: day is out of range for month"]),
        ("a:\n  history:\n    - {date: 2025-13-01, status: applied}\n", ["tracker.yaml:3: impossible date 2025-13-01: month must be in 1..12"]),
        ("a:\n  history:\n    - {date: June 1, status: applied}\n", ["tracker.yaml:3: 'June 1' is not a date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM"]),
        ("a:\n  history:\n    - {status: applied}\n", ["tracker.yaml:3: history item needs a date"]),
        ("a:\n  history:\n    - {note: hm}\n", ["tracker.yaml:3: history item needs a date and a status"]),
        ("a:\n  history:\n    - {date: 2025-01-01, status: aplied}\n", ["tracker.yaml:3: unknown status 'aplied'; did you mean 'applied'?"]),
        (
            "a:\n  history:\n    - {date: 2025-01-01T09:30, status: applied}\n",
            ["tracker.yaml:3: date: history keeps days; the time in 2025-01-01T09:30 is ignored [warning]"],
        ),
        (
            "a:\n  history: {date: 2025-01-01, status: applied}\n",
            ["tracker.yaml:2: history: expected a list of items like {date: 2025-06-01, status: applied}, found a mapping"],
        ),
        (
            "a:\n  history:\n    - applied\n",
            ["tracker.yaml:3: history item: expected a mapping like {date: 2025-06-01, status: applied}, found 'applied'"],
        ),
        ("a:\n  reminders:\n    - {note: call}\n", ["tracker.yaml:3: reminder needs a date"]),
        ("a:\n  reminders:\n    - {date: 2025-07-01, notes: call}\n", ["tracker.yaml:3: unknown key 'notes' in reminder; did you mean 'note'? [warning]"]),
        ("a:\n  events:\n    - {date: 2025-07-10}\n", ["tracker.yaml:3: event needs a title"]),
        ("a:\n  events:\n    - {date: 2025-07-10T24:30, title: x}\n", ["tracker.yaml:3: impossible time in 2025-07-10T24:30: hour must be in 0..23"]),
        ("a:\n  events:\n    - {date: 2025-07-10T10:00+25:00, title: x}\n", ["tracker.yaml:3: impossible time zone offset in 2025-07-10T10:00+25:00"]),
        ("a:\n  tags: {x: 1}\n", ["tracker.yaml:2: tags: expected a list of words like [policy, brussels], found a mapping"]),
        ("a:\n  tags: [ok, [nested]]\n", ["tracker.yaml:2: tags: expected text, found a list"]),
        ("a:\n  notes: [a, b]\n", ["tracker.yaml:2: notes: expected text, found a list"]),
        (
            "a: applied\n",
            ["tracker.yaml:1: entry 'a' must be a mapping (status:, notes:, history: ...), found 'applied'; "
             "write `status: applied` on the next line, indented"],
        ),
        ("- a\n- b\n", ["tracker.yaml:1: expected a mapping of posting ids to entries, found a list"]),
        ("a:\n  status: applied\na:\n  status: offer\n", ["tracker.yaml:3: duplicate id 'a' (also at line 1); the last one is used"]),
        ("a:\n  status: applied\n  status: offer\n", ["tracker.yaml:3: duplicate key 'status' (also at line 2); the last one is used"]),
        ("? [x, y]\n: {status: applied}\n", ["tracker.yaml:1: id must be text, found a list"]),
    ],
)
def test_each_mistake_is_reported_at_its_line(text, expected):
    assert problems_of(text) == expected


def test_all_mistakes_at_once_and_usable_parts_still_load():
    text = (
        "a:\n"
        "  status: aplied\n"  # 2
        "  priority: hihg\n"  # 3
        "  tags: [x]\n"
        "  history:\n"
        "    - {date: 2025-02-30, status: applied}\n"  # 6
        "    - {date: 2025-03-01, status: interview}\n"
        "  events:\n"
        "    - {title: no date}\n"  # 9
        "    - {date: 2025-04-01, title: ok}\n"
    )
    assert problems_of(text) == [
        "tracker.yaml:2: unknown status 'aplied'; did you mean 'applied'?",
        "tracker.yaml:3: unknown priority 'hihg'; did you mean 'high'?",
        "tracker.yaml:6: impossible date 2025-02-30: day is out of range for month",
        "tracker.yaml:9: event needs a date",
    ]
    entry = parse_tracker(text).entries["a"]
    assert entry.status == "interview"  # the bad `status:` is skipped; history decides
    assert entry.priority is None and entry.tags == ("x",)
    assert [e.title for e in entry.events] == ["ok"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a:\n  status: applied\n b: x\n", "tracker.yaml:3: bad YAML: expected <block end>, but found '<block mapping start>' "
         "(while parsing a block mapping at line 1); check this line's indentation"),
        ("a:\n  notes: one: two\n", "tracker.yaml:2: bad YAML: mapping values are not allowed here"),
        ("a:\n\tstatus: applied\n", "tracker.yaml:2: bad YAML: found character '\\t' that cannot start any token; indent with spaces, not tabs"),
        ("a: {status: applied\n", "tracker.yaml:1: bad YAML: expected ',' or '}', but got '<stream end>' (while parsing a flow mapping "
                                   "at line 1); the file ends before it is closed (a '[', '{' or quote left open?)"),
        ('a:\n  notes: "open\n\n', "tracker.yaml:2: bad YAML: found unexpected end of stream (while scanning a quoted scalar at line 2); "
                                    "the file ends before it is closed (a '[', '{' or quote left open?)"),
        ("a: 1\n---\nb: 2\n", "tracker.yaml:2: bad YAML: expected a single document in the stream, but found another document"),
    ],
)
def test_yaml_syntax_errors_name_the_line(text, expected):
    tracker = parse_tracker(text)
    assert [str(p) for p in tracker.problems] == [expected]
    assert tracker.entries == {}


def test_effective_status_latest_history_by_date_stable_for_same_day():
    text = (
        "a:\n  history:\n"
        "    - {date: 2025-06-15, status: interview}\n"
        "    - {date: 2025-06-01, status: interested}\n"
        "    - {date: 2025-06-15, status: offer}\n"
    )
    entry = parse_tracker(text).entries["a"]
    assert [h.status for h in entry.history] == ["interested", "interview", "offer"]
    assert entry.status == "offer"


def test_explicit_status_wins_over_history():
    text = "a:\n  status: withdrawn\n  history:\n    - {date: 2025-06-15, status: interview}\n"
    assert parse_tracker(text).entries["a"].status == "withdrawn"


def test_text_values_are_kept_as_written():
    text = "a:\n  tags: [2025, yes, policy, policy]\n  notes: 3.10\n  history:\n    - {date: 2025-01-01, status: applied, note: no}\n"
    entry = parse_tracker(text).entries["a"]
    assert entry.tags == ("2025", "yes", "policy")  # not int/bool; duplicates dropped
    assert entry.notes == "3.10"
    assert entry.history[0].note == "no"


def test_unknown_keys_are_kept_in_extra():
    entry = parse_tracker("a:\n  salary_hope: 7000\n  contacts: [Anna]\n").entries["a"]
    assert dict(entry.extra) == {"salary_hope": 7000, "contacts": ["Anna"]}


def test_null_values_count_as_absent():
    assert problems_of("a:\n  status:\n  notes:\n  history:\n  tags:\n") == []
    assert parse_tracker("a:\n  status:\n").entries["a"].status == NEW_STATUS


def test_merge_keys_and_anchors_work():
    text = "base: &b\n  priority: high\n  tags: [x]\nc:\n  <<: *b\n  status: applied\n"
    entry = parse_tracker(text).entries["c"]
    assert (entry.priority, entry.tags, entry.status) == ("high", ("x",), "applied")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "~\n", "\ufeff# BOM and a comment\n"])
def test_empty_files_are_empty_trackers(text):
    tracker = parse_tracker(text)
    assert (tracker.entries, tracker.problems) == ({}, ())


def test_byte_order_mark_is_ignored():
    assert parse_tracker("\ufeffa:\n  status: applied\n").entries["a"].status == "applied"


def test_load_missing_file_is_empty(tmp_path):
    tracker = load_tracker(tmp_path / "tracker.yaml")
    assert (tracker.entries, tracker.problems, tracker.path) == ({}, (), "tracker.yaml")


def test_load_reads_file_and_uses_display_path(write_tree):
    root = write_tree({"tracker.yaml": "a:\n  status: aplied\n"})
    tracker = load_tracker(root / "tracker.yaml", "ws/tracker.yaml")
    assert [str(p) for p in tracker.problems] == ["ws/tracker.yaml:2: unknown status 'aplied'; did you mean 'applied'?"]


def test_load_not_utf8_is_a_problem_not_a_crash(write_tree):
    root = write_tree({"tracker.yaml": "a:\n  notes: caf\xe9\n".encode("latin-1")})
    tracker = load_tracker(root / "tracker.yaml")
    assert [str(p) for p in tracker.problems] == [
        "tracker.yaml:2: not UTF-8 text (invalid continuation byte at byte 15): save it as UTF-8"
    ]


def posting(pid: str) -> Posting:
    return Posting(id=pid, meta={"title": pid}, body="", path=f"postings/{pid}.md")


def test_merge_attaches_entries_and_reports_orphans_with_did_you_mean():
    tracker = parse_tracker(
        "250875-head-of-policy:\n  status: applied\n"
        "250875-head-of-polcy:\n  status: offer\n"
        "zzz:\n  status: offer\n"
    )
    postings = [posting("250875-head-of-policy"), posting("ncia-1-analyst")]
    merged, problems = merge(postings, tracker)
    assert [p.status for p in merged] == ["applied", NEW_STATUS]
    assert merged[0].entry is tracker.entries["250875-head-of-policy"]
    assert merged[1].entry is None
    assert problems == [
        Problem("tracker.yaml", 3, "no posting with id '250875-head-of-polcy'; did you mean '250875-head-of-policy'?"),
        Problem("tracker.yaml", 5, "no posting with id 'zzz' (there is no postings/zzz.md)"),
    ]
    assert postings[0].entry is None  # pure: the inputs are untouched


@pytest.mark.parametrize(
    "word, choices, expected",
    [
        ("aplied", ["interested", "applied"], "applied"),
        ("INTERVIEW", ["interview", "offer"], "interview"),
        ("xyz", ["interview", "offer"], None),
        ("250875", ["250875-head-of-policy", "250876-analyst"], "250875-head-of-policy"),
        ("2508", ["250875-a", "250876-b"], None),  # prefix of two: no guess
        ("applied", ["applied"], None),  # already right: nothing to suggest
        ("", ["applied"], None),
    ],
)
def test_suggest(word, choices, expected):
    assert suggest(word, choices) == expected


yamlish = st.lists(
    st.sampled_from(list("ab-:{}[],#'\"|>&*!?~ \n\t0123456789T") + ["status", "history", "date", "  ", "\n  - "]),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(yamlish)
def test_parse_never_raises(text):
    tracker = parse_tracker(text)
    assert all(isinstance(p, Problem) and p.message for p in tracker.problems)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1)), st.sampled_from(["", "'", '"']))
def test_any_real_date_round_trips(day, quote):
    text = f"a:\n  history:\n    - {{date: {quote}{day.isoformat()}{quote}, status: applied}}\n"
    assert parse_tracker(text).entries["a"].history[0].date == day


def test_alias_bomb_is_one_error_not_a_hang():
    chain = "".join(f"    {n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    text = "x:\n  status: applied\n  extra:\n    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + chain
    tracker = parse_tracker(text)
    assert [str(p) for p in tracker.problems] == [
        "tracker.yaml:5: aliases (*name) expand to more than 50,000 values; write the values out"
    ]
    assert dict(tracker.entries) == {}


@pytest.mark.parametrize(
    "text, line",
    [
        ("a: " + "[" * 20000 + "]" * 20000 + "\n", 1),  # deeper than libyaml's composer goes
        ("a:\n  status: applied\n  tags: " + "[" * 3000 + "]" * 3000 + "\n", 3),
        ("".join("  " * i + f"k{i}:\n" for i in range(3000)), None),  # libyaml refuses; the pure parser would recurse
    ],
)
def test_absurd_nesting_is_one_error_with_a_line_not_a_traceback(text, line):
    tracker = parse_tracker(text)
    assert len(tracker.problems) == 1 and not tracker.entries
    problem = tracker.problems[0]
    assert problem.level == "error" and problem.line and (line is None or problem.line == line)


def test_control_characters_are_dropped_from_notes():
    tracker = parse_tracker('x:\n  notes: "call \\x1b[2J HR\\x07"\n')
    assert tracker.entries["x"].notes == "call [2J HR"
