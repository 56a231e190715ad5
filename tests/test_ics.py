"""deadlines.ics and postings/<id>.ics: content, stability, escaping, and acceptance by independent parsers."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from ics_helpers import (ACCENTED, BRUSSELS, CHINESE, HOSTILE, entry, events_by_uid, feed, parsed, posting,
                         sample_postings, site)
from icslint import lint
from natosite import ics
from natosite.models import Event, Posting, Reminder

@pytest.fixture
def sample() -> list[Posting]:
    return sample_postings()


# ---------------------------------------------------------------- independent parsers and lint


def test_feed_is_accepted_by_icalendar_round_trip(sample, tmp_path) -> None:
    data = feed(sample, tmp_path)
    calendar = parsed(data)
    assert calendar.get_missing_tzids() == set()
    again = icalendar.Calendar.from_ical(calendar.to_ical())
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in calendar.walk("VEVENT")]
    summaries = {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    # The hostile title survives escaping (newlines folded to spaces in SUMMARY, control character dropped).
    assert summaries["250875-head-deadline@natosite.local"] == (
        'Deadline: Head, Unit; "Policy" \\ Plans next line third — Überprüfung, Sécurité')
    assert summaries["ncia-1-chinese-deadline@natosite.local"] == f"Deadline: {CHINESE}"
    assert summaries["nspa-2-accented-deadline@natosite.local"] == f"Deadline: {' '.join(ACCENTED.split())}"


def test_feed_is_accepted_by_strict_ical(sample, tmp_path) -> None:
    calendar = IcsCalendarStream.calendar_from_ics(feed(sample, tmp_path).decode("utf-8"))
    uids = {e.uid for e in calendar.events}
    assert "250875-head-deadline@natosite.local" in uids
    assert {tz.tz_id for tz in calendar.timezones} == {"Europe/Brussels", "Europe/Luxembourg", "America/New_York"}
    deadline = next(e for e in calendar.events if e.uid == "250875-head-deadline@natosite.local")
    assert deadline.dtstart == dt.datetime(2026, 6, 18, 23, 59, tzinfo=BRUSSELS)
    description = deadline.description or ""
    assert "Organisation: NATO IS, Brussels" in description and "\nGrade: G22" in description


def test_feed_is_accepted_by_vobject_validate(sample, tmp_path) -> None:
    calendar = vobject.readOne(feed(sample, tmp_path).decode("utf-8"), validate=True)
    assert calendar.validate()
    assert len(calendar.vevent_list) == len(events_by_uid(feed(sample, tmp_path)))


def test_feed_and_posting_files_pass_the_byte_lint(sample, tmp_path) -> None:
    for base_url in ("", "https://jobs.example.org/nato/"):
        s = site(sample, tmp_path, base_url=base_url, title="Mes candidatures, OTAN; 2026 \\ 中文")
        assert lint(ics.render_ics(s).data) == []
        for p in sample:
            if p.deadline is not None:
                assert lint(ics.render_posting_ics(p, s).data) == []


def test_lines_are_crlf_and_folded_by_octets(sample, tmp_path) -> None:
    data = feed(sample, tmp_path)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") and len(line) > 60 for line in lines)  # folding did happen
    for line in lines:
        line.decode("utf-8")  # no character split across a fold


# ---------------------------------------------------------------- content


def test_every_deadline_is_in_the_feed(sample, tmp_path) -> None:
    uids = events_by_uid(feed(sample, tmp_path))
    for p in sample:
        expected = p.deadline is not None and p.status not in ("rejected", "withdrawn")
        assert (f"{p.id}-deadline@natosite.local" in uids) == expected, p.id


def test_timed_deadline_is_at_its_time_in_its_zone(tmp_path) -> None:
    # 21:59 UTC is 23:59 in Brussels in June (CEST).
    p = posting("a", deadline=dt.datetime(2026, 6, 18, 21, 59, tzinfo=dt.timezone.utc), timezone="Europe/Brussels")
    data = feed([p], tmp_path)
    assert b"DTSTART;TZID=Europe/Brussels:20260618T235900\r\n" in data
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n" in data
    event = events_by_uid(data)["a-deadline@natosite.local"]
    assert event["DTSTART"].dt == dt.datetime(2026, 6, 18, 23, 59, tzinfo=BRUSSELS)
    assert "DTEND" not in event  # a point in time


def test_deadline_without_zone_uses_the_configured_zone(tmp_path) -> None:
    p = posting("a", deadline=dt.datetime(2026, 1, 10, 12, 0, tzinfo=dt.timezone.utc))
    data = feed([p], tmp_path, timezone="Asia/Tokyo")
    assert b"DTSTART;TZID=Asia/Tokyo:20260110T210000\r\n" in data
    assert b"X-WR-TIMEZONE:Asia/Tokyo\r\n" in data


def test_bare_date_is_all_day_with_exclusive_end(tmp_path) -> None:
    data = feed([posting("a", deadline=dt.date(2026, 12, 31))], tmp_path)
    assert b"DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n" in data
    assert b"BEGIN:VTIMEZONE" not in data  # no TZID used, none needed


def test_utc_deadline_needs_no_vtimezone(tmp_path) -> None:
    data = feed([posting("a", deadline=dt.datetime(2027, 2, 1, 12, tzinfo=dt.timezone.utc), timezone="UTC")], tmp_path)
    assert b"DTSTART:20270201T120000Z\r\n" in data and b"VTIMEZONE" not in data


def test_one_vtimezone_per_tzid(sample, tmp_path) -> None:
    data = feed(sample, tmp_path)
    for zone in ("Europe/Brussels", "Europe/Luxembourg", "America/New_York"):
        assert data.count(f"BEGIN:VTIMEZONE\r\nTZID:{zone}\r\n".encode()) == 1
    assert data.count(b"BEGIN:VTIMEZONE") == 3


def test_deadline_event_properties(sample, tmp_path) -> None:
    data = feed(sample, tmp_path, base_url="https://jobs.example.org/nato/")
    event = events_by_uid(data)["250875-head-deadline@natosite.local"]
    assert str(event["URL"]) == "https://jobs.example.org/nato/postings/250875-head.html"
    assert str(event["LOCATION"]) == "Brussels; Belgium"
    assert str(event["STATUS"]) == "CONFIRMED" and str(event["TRANSP"]) == "TRANSPARENT"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["NATO vacancy", "Deadline"]
    description = str(event["DESCRIPTION"])
    for part in ("Organisation: NATO IS, Brussels", "Grade: G22", "Reference: 250875",
                 "Closes: 2026-06-18 23:59 CEST (Europe/Brussels)",
                 "https://jobs.example.org/nato/postings/250875-head.html"):
        assert part in description
    assert b"BEGIN:VCALENDAR\r\n" in data
    for line in (b"VERSION:2.0", b"CALSCALE:GREGORIAN", b"METHOD:PUBLISH", b"NAME:NATO vacancies",
                 b"X-WR-CALNAME:NATO vacancies", b"REFRESH-INTERVAL;VALUE=DURATION:PT6H", b"X-PUBLISHED-TTL:PT6H",
                 b"X-WR-TIMEZONE:Europe/Brussels", b"SOURCE:https://jobs.example.org/nato/deadlines.ics"):
        assert b"\r\n" + line + b"\r\n" in data
    assert b"PRODID:-//natosite//natosite " in data


def test_without_base_url_no_url_but_the_path(sample, tmp_path) -> None:
    data = feed(sample, tmp_path)
    event = events_by_uid(data)["250875-head-deadline@natosite.local"]
    assert "URL" not in event and b"\r\nURL:" not in data and b"\r\nSOURCE:" not in data
    assert str(event["DESCRIPTION"]).endswith("\npostings/250875-head.html")


def test_closed_postings_drop_out(tmp_path) -> None:
    postings = [posting(f"p-{s}", entry=entry(f"p-{s}", s), deadline=dt.date(2026, 12, 1))
                for s in ("rejected", "withdrawn", "applied", "interview")]
    uids = events_by_uid(feed(postings, tmp_path))
    assert not [u for u in uids if u.startswith(("p-rejected", "p-withdrawn"))]
    assert {"p-applied-deadline@natosite.local", "p-interview-deadline@natosite.local"} <= set(uids)
    assert not any(u.endswith(("p-rejected.html", "p-withdrawn.html")) for u in uids)
    closed = posting("p-x", entry=entry("p-x", "withdrawn"), deadline=dt.date(2026, 12, 1))
    assert b"p-x" not in feed([closed], tmp_path)


def test_warning_events_and_alarms_per_warn_days(tmp_path) -> None:
    p = posting("a", title="Analyst", deadline=dt.datetime(2026, 12, 20, 23, 59, tzinfo=BRUSSELS), timezone="Europe/Brussels")
    data = feed([p], tmp_path, warn_days=(14, 3, 1))
    uids = events_by_uid(data)
    expect = {14: (dt.date(2026, 12, 6), "Closes in 14 days: Analyst"), 3: (dt.date(2026, 12, 17), "Closes in 3 days: Analyst"),
              1: (dt.date(2026, 12, 19), "Closes tomorrow: Analyst")}
    for days, (day, summary) in expect.items():
        warning = uids[f"a-warn-{days}d@natosite.local"]
        assert warning["DTSTART"].dt == day and warning["DTEND"].dt == day + dt.timedelta(days=1)
        assert str(warning["SUMMARY"]) == summary
    alarms = uids["a-deadline@natosite.local"].walk("VALARM")
    assert [a["TRIGGER"].dt for a in alarms] == [dt.timedelta(days=-14), dt.timedelta(days=-3), dt.timedelta(days=-1)]
    assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
    assert b"TRIGGER:-P14D\r\n" in data and b"TRIGGER:-P1D\r\n" in data
    assert len(uids) == 4


def test_default_warnings_are_7_and_1_days(tmp_path) -> None:
    uids = events_by_uid(feed([posting("a", deadline=dt.date(2026, 12, 20))], tmp_path))
    assert set(uids) == {"a-deadline@natosite.local", "a-warn-7d@natosite.local", "a-warn-1d@natosite.local"}
    assert uids["a-warn-7d@natosite.local"]["DTSTART"].dt == dt.date(2026, 12, 13)


def test_no_warnings_once_applied(tmp_path) -> None:
    p = posting("a", entry=entry("a", "applied"), deadline=dt.date(2026, 12, 20))
    uids = events_by_uid(feed([p], tmp_path))
    assert set(uids) == {"a-deadline@natosite.local"}
    assert uids["a-deadline@natosite.local"].walk("VALARM") == []


def test_naive_tracker_times_are_in_the_postings_zone(tmp_path) -> None:
    e = entry("a", reminders=(Reminder(dt.datetime(2026, 12, 2, 9, 30), "Call"),),
              events=(Event(dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.timezone.utc), "Interview"),))
    data = feed([posting("a", timezone="America/New_York", entry=e)], tmp_path)
    assert b"DTSTART;TZID=America/New_York:20261202T093000\r\n" in data
    assert b"DTSTART;TZID=America/New_York:20261210T050000\r\n" in data  # aware: same instant, posting's zone
    assert data.count(b"BEGIN:VTIMEZONE") == 1 and lint(data) == []


def test_reminders_and_events(tmp_path) -> None:
    e = entry("a", reminders=(Reminder(dt.date(2026, 12, 1), "Check Taleo"), Reminder(dt.datetime(2026, 12, 2, 9, 30))),
              events=(Event(dt.datetime(2026, 12, 10, 10, 0), "Written test", "NATO HQ", "bring ID"),
                      Event(dt.date(2026, 12, 11), "Assessment day")))
    uids = events_by_uid(feed([posting("a", title="Analyst", entry=e)], tmp_path))
    by_summary = {str(v["SUMMARY"]): v for v in uids.values()}
    check = by_summary["Reminder: Check Taleo (Analyst)"]
    assert check["DTSTART"].dt == dt.date(2026, 12, 1) and check["DTEND"].dt == dt.date(2026, 12, 2)
    timed = by_summary["Reminder: Analyst"]
    assert timed["DTSTART"].dt == dt.datetime(2026, 12, 2, 9, 30, tzinfo=BRUSSELS)  # naive, no posting zone: config's
    test = by_summary["Written test: Analyst"]
    assert test["DTSTART"].dt == dt.datetime(2026, 12, 10, 10, tzinfo=BRUSSELS)
    assert test["DTEND"].dt == dt.datetime(2026, 12, 10, 11, tzinfo=BRUSSELS)
    assert str(test["LOCATION"]) == "NATO HQ" and str(test["TRANSP"]) == "OPAQUE"
    assert str(test["DESCRIPTION"]).startswith("bring ID\nPosting: Analyst")
    assert by_summary["Assessment day: Analyst"]["DTEND"].dt == dt.date(2026, 12, 12)
    assert all(u.startswith(("a-reminder-", "a-event-")) for u in uids)


# ---------------------------------------------------------------- stability and reproducibility


def test_uids_stable_across_builds_and_unrelated_edits(sample, tmp_path) -> None:
    first = events_by_uid(feed(sample, tmp_path))
    assert set(first) == set(events_by_uid(feed(sample, tmp_path)))
    changed = [posting("ncia-1-chinese", title="Renamed", deadline=dt.date(2026, 12, 2))] + [
        p for p in sample if p.id != "ncia-1-chinese"] + [posting("new-7", deadline=dt.date(2026, 12, 3))]
    second = events_by_uid(feed(changed, tmp_path))
    untouched = {u for u in first if not u.startswith("ncia-1-chinese")}
    assert untouched <= set(second)
    for uid in untouched:
        assert first[uid].to_ical() == second[uid].to_ical()
    assert "ncia-1-chinese-deadline@natosite.local" in second  # same UID after its own edit


def test_reminder_uids_survive_reordering_and_unrelated_edits(tmp_path) -> None:
    a, b, c = (Reminder(dt.date(2026, 12, 1), "A"), Reminder(dt.date(2026, 12, 2), "B"), Reminder(dt.date(2026, 12, 3), "C"))
    ev1, ev2 = Event(dt.date(2026, 12, 5), "Test", "HQ"), Event(dt.date(2026, 12, 6), "Interview")

    def uids(reminders, events):
        data = feed([posting("x", entry=entry("x", reminders=reminders, events=events))], tmp_path)
        return {str(e["SUMMARY"]): u for u, e in events_by_uid(data).items()}

    base = uids((a, b, c), (ev1, ev2))
    assert uids((c, a, b), (ev2, ev1)) == base
    moved = uids((a, Reminder(dt.date(2026, 12, 2), "B edited"), c), (Event(ev1.date, "Test", "Annex"), ev2))
    assert moved["Reminder: A (X)"] == base["Reminder: A (X)"] and moved["Reminder: C (X)"] == base["Reminder: C (X)"]
    assert moved["Test: X"] == base["Test: X"]  # a new location keeps the event's UID
    assert moved["Reminder: B edited (X)"] not in base.values()


def test_identical_reminders_get_distinct_uids(tmp_path) -> None:
    same = Reminder(dt.date(2026, 12, 1), "Call HR")
    data = feed([posting("x", entry=entry("x", reminders=(same, same)))], tmp_path)
    first, second = sorted((u for u in events_by_uid(data) if "-reminder-" in u), key=len)
    assert second == first.replace("@", "-2@")
    assert lint(data) == []


def test_uids_do_not_depend_on_base_url(tmp_path) -> None:
    """Publishing with (another) --base-url must not rename UIDs: subscribers would see every event twice."""
    p = [posting("a", deadline=dt.date(2026, 12, 1))]
    with_url = feed(p, tmp_path, base_url="https://Me.Example:8443/x/")
    assert b"UID:a-deadline@natosite.local\r\n" in with_url
    uids = lambda data: [line for line in data.split(b"\r\n") if line.startswith(b"UID:")]  # noqa: E731
    assert uids(with_url) == uids(feed(p, tmp_path))


def test_dtstamp_is_the_build_time_not_the_clock(tmp_path) -> None:
    p = [posting("a", deadline=dt.date(2026, 12, 1))]
    assert b"\r\nDTSTAMP:20261123T120000Z\r\n" in feed(p, tmp_path)
    other = feed(p, tmp_path, now=dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc))
    assert other.count(b"\r\nDTSTAMP:20200102T030405Z\r\n") == 3 and b"DTSTAMP:2026" not in other


def test_events_ordered_by_start_then_uid(sample, tmp_path) -> None:
    data = feed(sample, tmp_path)
    events = parsed(data).walk("VEVENT")
    keys = [(ics.sort_key(e["DTSTART"].dt), str(e["UID"])) for e in events]
    assert keys == sorted(keys)
    assert feed(list(reversed(sample)), tmp_path) == data


SCRIPT = """
import datetime as dt, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from ics_helpers import sample_postings, site
from natosite import ics
postings = sample_postings()
sys.stdout.buffer.write(ics.render_ics(site(postings, Path("/nonexistent"))).data)
"""


def test_byte_identical_across_processes(tmp_path) -> None:
    """Two runs with different hash seeds (set and dict order) give the same bytes."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = SCRIPT.format(tests=str(Path(__file__).parent))
        outputs.append(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True).stdout)
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"BEGIN:VCALENDAR\r\n")


# ---------------------------------------------------------------- escaping


def test_hostile_text_is_escaped(tmp_path) -> None:
    p = posting("a", title=HOSTILE, location="Mons; Belgium, \\SHAPE\\\nBuilding 1", organisation="A,B;C",
                deadline=dt.date(2026, 12, 1))
    data = feed([p], tmp_path)
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert 'SUMMARY:Deadline: Head\\, Unit\\; "Policy" \\\\ Plans next line third — Überprüfung\\, Sécurité\r\n' in unfolded
    assert "LOCATION:Mons\\; Belgium\\, \\\\SHAPE\\\\\\nBuilding 1\r\n" in unfolded
    assert "Organisation: A\\,B\\;C" in unfolded
    assert "\x07" not in unfolded
    event = events_by_uid(data)["a-deadline@natosite.local"]
    assert str(event["LOCATION"]) == "Mons; Belgium, \\SHAPE\\\nBuilding 1"
    assert lint(data) == []


def test_calendar_name_is_escaped(tmp_path) -> None:
    data = feed([], tmp_path, title="Jobs, mine; \\ all")
    assert b"\r\nNAME:Jobs\\, mine\\; \\\\ all\r\n" in data and b"\r\nX-WR-CALNAME:Jobs\\, mine\\; \\\\ all\r\n" in data
    assert lint(data) == []


# ---------------------------------------------------------------- one-event files


def test_posting_ics_is_one_deadline_event(sample, tmp_path) -> None:
    s = site(sample, tmp_path)
    p = next(p for p in sample if p.id == "act-3-norfolk")  # applied: the download still has alarms
    out = ics.render_posting_ics(p, s)
    assert out.path == "postings/act-3-norfolk.ics"
    calendar = parsed(out.data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "act-3-norfolk-deadline@natosite.local"
    assert event["DTSTART"].dt == dt.datetime(2026, 12, 20, 23, 59, tzinfo=ZoneInfo("America/New_York"))
    assert len(event.walk("VALARM")) == 2
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert IcsCalendarStream.calendar_from_ics(out.data.decode()).events[0].uid == str(event["UID"])
    assert vobject.readOne(out.data.decode(), validate=True).validate()
    assert out.data == ics.render_posting_ics(p, s).data


def test_posting_ics_without_deadline_is_an_empty_calendar(sample, tmp_path) -> None:
    p = next(p for p in sample if p.id == "no-deadline-5")
    out = ics.render_posting_ics(p, site(sample, tmp_path))
    assert out.path == "postings/no-deadline-5.ics"
    assert b"BEGIN:VEVENT" not in out.data and b"\r\nX-WR-CALNAME:no-deadline-5 (no deadline)\r\n" in out.data
    assert lint(out.data) == [] and IcsCalendarStream.calendar_from_ics(out.data.decode()).events == []


def test_posting_ics_for_every_status(tmp_path) -> None:
    for status in ("rejected", "withdrawn", "applied"):
        p = posting("a", entry=entry("a", status), deadline=dt.date(2026, 12, 1))
        data = ics.render_posting_ics(p, site([p], tmp_path)).data
        assert b"UID:a-deadline@natosite.local" in data and data.count(b"BEGIN:VALARM") == 2


def test_empty_feed_is_still_valid(tmp_path) -> None:
    data = feed([], tmp_path)
    assert lint(data) == [] and data.endswith(b"END:VCALENDAR\r\n")
    assert parsed(data).walk("VEVENT") == []


def test_dtstamp_never_comes_from_the_clock(tmp_path, monkeypatch) -> None:
    """Without SOURCE_DATE_EPOCH, DTSTAMP is the newest import date: builds at other times are identical."""
    import datetime as _dt

    from natosite import ics as _ics
    from natosite.models import Posting, Site
    from natosite.config import Config

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    deadline = _dt.date(2026, 12, 1)
    postings = (
        Posting("a", {"title": "A", "deadline": deadline, "source": {"imported": _dt.date(2026, 11, 20)}}, ""),
        Posting("b", {"title": "B", "deadline": deadline, "source": {"imported": _dt.date(2026, 11, 21)}}, ""),
    )
    config = Config(root=tmp_path)
    early = Site(postings=postings, now=_dt.datetime(2026, 11, 23, 8, tzinfo=_dt.timezone.utc), config=config)
    late = Site(postings=postings, now=_dt.datetime(2026, 11, 24, 17, 5, 3, tzinfo=_dt.timezone.utc), config=config)
    feed = _ics.render_ics(early).data
    assert feed == _ics.render_ics(late).data
    assert b"DTSTAMP:20261121T000000Z\r\n" in feed
    assert b"DTSTAMP:20261120T000000Z\r\n" in _ics.render_posting_ics(postings[0], late).data
    bare = Posting("c", {"title": "C", "deadline": deadline}, "")
    assert b"DTSTAMP:20000101T000000Z\r\n" in _ics.render_posting_ics(bare, late).data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    assert b"DTSTAMP:20261123T120000Z\r\n" in _ics.render_ics(early.__class__(postings, _dt.datetime(2026, 11, 23, 12, tzinfo=_dt.timezone.utc), config)).data
