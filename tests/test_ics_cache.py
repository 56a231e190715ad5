"""The feed's block cache, its keys, octet folding, and arbitrary text (property-based)."""

from __future__ import annotations

import datetime as dt

import icalendar
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from ics_helpers import NOW, entry, posting, sample_postings, site
from icslint import lint
from natosite import ics
from natosite.config import Config
from natosite.ics_events import clean_text, one_line
from natosite.models import Posting, Reminder


def test_cache_reuses_blocks_and_gives_identical_bytes(tmp_path, monkeypatch) -> None:
    sample = sample_postings()
    cache: dict = {}
    s = site(sample, tmp_path)
    cold = ics.render_ics(s, cache).data
    assert cold == ics.render_ics(s).data
    edited = [posting("utc-4", deadline=dt.date(2027, 3, 1)) if p.id == "utc-4" else p for p in sample]
    expected = ics.render_ics(site(edited, tmp_path)).data
    calls: list[str] = []
    real = ics.posting_ics_blocks
    monkeypatch.setattr(ics, "posting_ics_blocks", lambda p, c: calls.append(p.id) or real(p, c))
    assert ics.render_ics(s, cache).data == cold and calls == []
    warm = ics.render_ics(site(edited, tmp_path), cache).data
    assert calls == ["utc-4"] and warm == expected
    later = ics.render_ics(site(edited, tmp_path, now=NOW + dt.timedelta(days=1)), cache).data
    assert calls == ["utc-4"] and b"DTSTAMP:20261124T120000Z" in later  # DTSTAMP is not cached
    ics.render_ics(site(edited[:2], tmp_path), cache)
    assert len(cache) == 2  # stale entries pruned


def test_cache_sees_tracker_and_config_changes(tmp_path) -> None:
    cache: dict = {}
    p = posting("a", deadline=dt.date(2026, 12, 20))
    ics.render_ics(site([p], tmp_path), cache)
    applied = Posting(p.id, p.meta, p.body, p.path, entry("a", "applied"))
    assert b"a-warn-7d" not in ics.render_ics(site([applied], tmp_path), cache).data
    assert b"a-warn-3d" in ics.render_ics(site([p], tmp_path, warn_days=(3,)), cache).data
    assert b"URL:https://me.example/postings/a.html" in ics.render_ics(site([p], tmp_path, base_url="https://me.example"), cache).data


def test_fingerprint_tells_apart_equal_but_different_values(tmp_path) -> None:
    config = Config(root=tmp_path)
    keys = {ics.fingerprint(posting("a", title=t, deadline=dt.date(2026, 12, 1)), config) for t in (1, 1.0, True, "1")}
    assert len(keys) == 4
    # Same instant written with another offset: a reminder keeps what the person wrote.
    r1 = Reminder(dt.datetime(2026, 12, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=1))), "x")
    r2 = Reminder(dt.datetime(2026, 12, 1, 9, tzinfo=dt.timezone.utc), "x")
    assert r1.date == r2.date  # equal as Python values ...
    assert ics.fingerprint(posting("a", entry=entry("a", reminders=(r1,))), config) != ics.fingerprint(
        posting("a", entry=entry("a", reminders=(r2,))), config)  # ... but not as cache keys
    # Unhashable front matter (a list the person typed) still gives a usable key.
    odd = posting("a", title=["a", "list"], deadline=dt.date(2026, 12, 1))
    assert isinstance(ics.fingerprint(odd, config), bytes)
    cache: dict = {}
    assert ics.render_ics(site([odd], tmp_path), cache).data == ics.render_ics(site([odd], tmp_path)).data
    assert len(cache) == 1


def test_fold_line_by_octets_keeping_escapes_whole() -> None:
    assert ics.fold_line("SUMMARY:short") == "SUMMARY:short"
    for text in ("SUMMARY:" + "é" * 100, "SUMMARY:" + "中" * 60, "DESCRIPTION:" + "a\\," * 40, "X:" + "\\\\" * 80,
                 "SUMMARY:" + "a" * 66 + "\\nb" * 30):
        folded = ics.fold_line(text)
        lines = folded.encode("utf-8").split(b"\r\n")
        assert all(len(line) <= 75 for line in lines)
        assert all(line.startswith(b" ") for line in lines[1:])
        assert folded.replace("\r\n ", "") == text  # unfolding gives the line back
        for line in lines:
            line.decode("utf-8")  # never split inside a character
        for before in lines[:-1]:  # never between a backslash and the character it escapes
            trailing = len(before) - len(before.rstrip(b"\\"))
            assert trailing % 2 == 0, before


@settings(max_examples=80, deadline=None)
@given(title=st.text(min_size=1), location=st.text(), note=st.text())
def test_any_text_gives_a_valid_feed(title: str, location: str, note: str) -> None:
    """Whatever the person (or a job board) wrote, the feed stays valid and the text survives."""
    from pathlib import Path

    p = posting("a", title=title, location=location, deadline=dt.date(2026, 12, 1),
                entry=entry("a", reminders=(Reminder(dt.date(2026, 11, 30), note),)))
    data = ics.render_ics(site([p], Path("/nonexistent"))).data
    assert lint(data) == []
    event = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}["a-deadline@natosite.local"]
    assert str(event["SUMMARY"]) == f"Deadline: {one_line(title) or 'a'}"
    if clean_text(location):
        assert str(event["LOCATION"]) == clean_text(location)
    IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert vobject.readOne(data.decode("utf-8"), validate=True).validate()


def test_clean_text() -> None:
    assert clean_text("a\r\nb\rc\u2028d\u2029e") == "a\nb\nc\nd\ne"
    assert clean_text("\x00bell\x07 nel\x85 \ud800x\t tab ") == "bell nel x\t tab"
    assert one_line("  a\n b\tc  ") == "a b c"


def test_warm_feed_reserializes_only_the_edited_posting(tmp_path, monkeypatch) -> None:
    """serve rebuilds the feed on every save: with the cache, one edit re-serializes one posting.

    Speed itself is measured by bench/build.py, never by timed asserts here.
    """
    from zoneinfo import ZoneInfo

    zones = ("Europe/Brussels", "Europe/Luxembourg", "America/New_York", "Europe/Rome")
    postings = []
    for i in range(300):
        day = dt.date(2026, 12, 1) + dt.timedelta(days=i % 300)
        deadline = dt.datetime.combine(day, dt.time(23, 59), ZoneInfo(zones[i % 4])) if i % 3 else day
        tracked = entry(f"p{i}", ("interested", "applied", "preparing")[i % 3],
                        reminders=(Reminder(day - dt.timedelta(days=10), f"follow up {i}"),) if i % 2 else ())
        postings.append(posting(f"p{i}", title=f"Head of Section {i}, Policy; Planning", organisation="NATO IS",
                                location="Brussels, Belgium", deadline=deadline, timezone=zones[i % 4], entry=tracked))
    s = site(postings, tmp_path)
    calls: list[str] = []
    real = ics.posting_ics_blocks

    def counting(p, config):
        calls.append(p.id)
        return real(p, config)

    monkeypatch.setattr(ics, "posting_ics_blocks", counting)
    cache: dict = {}
    cold = ics.render_ics(s, cache).data
    assert len(calls) == 300
    calls.clear()
    edited = site(postings[:150] + [posting("p150", title="Edited", deadline=dt.date(2027, 1, 1))] + postings[151:], tmp_path)
    warm = ics.render_ics(edited, cache).data
    assert calls == ["p150"]
    assert cold.count(b"BEGIN:VEVENT") > 600 and b"SUMMARY:Deadline: Edited\r\n" in warm
    calls.clear()
    assert ics.render_ics(edited, cache).data == warm
    assert calls == []
    assert warm == ics.render_ics(edited).data  # the cache never changes the bytes


def test_posting_ics_from_the_feed_blocks_is_identical(tmp_path) -> None:
    """render_posting_ics reuses the feed's deadline block only where it is the same event (alarms on)."""
    s = site(sample_postings() + [posting("new-7", deadline=dt.date(2026, 12, 2), entry=entry("new-7", "preparing"))], tmp_path)
    reused = 0
    for p in s.postings:
        blocks = ics.posting_ics_blocks(p, s.config)
        fresh = ics.render_posting_ics(p, s)
        assert ics.render_posting_ics(p, s, blocks) == fresh, p.id
        assert ics.render_posting_ics(p, s, ()) == fresh
        reused += ics._feed_deadline(p, s.config, blocks) is not None
    assert reused == 5  # new, interested and preparing postings with a deadline; not applied, rejected, none


@given(st.text(max_size=120))
@settings(max_examples=60, deadline=None)
def test_posting_header_equals_the_generic_serialization(label: str) -> None:
    generic = ics._header([("prodid", ics.PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                           ("method", "PUBLISH"), ("name", label), ("x-wr-calname", label)])
    assert ics.posting_header(label) == generic
