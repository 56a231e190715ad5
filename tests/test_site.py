"""site.py: deadlines as instants, sorting, board columns, compare selection, calendar items."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from natosite.config import Config
from natosite.models import NEW_STATUS, STATUSES, Event, Posting, Reminder, TrackerEntry
from natosite.site import (
    BOARD_STATUSES,
    build_site,
    by_status,
    calendar_items,
    compared,
    deadline_instant,
    is_closed,
    posting_url,
)
from render_demo import NOW, demo_config, demo_site

UTC = dt.timezone.utc
BRUSSELS = ZoneInfo("Europe/Brussels")


def posting(pid: str, deadline=None, status: str | None = None, tags=(), timezone=None, **kw) -> Posting:
    meta = {"title": pid.title(), "deadline": deadline, "timezone": timezone}
    entry = TrackerEntry(pid, status, tags=tuple(tags), **kw) if status else None
    return Posting(pid, meta, "", entry=entry)


def ids(site) -> list[str]:
    return [p.id for p in site.postings]


def test_posting_url_is_relative():
    assert posting_url("250875-head") == "postings/250875-head.html"


def test_sorting_open_soonest_then_no_deadline_then_closed_most_recent_first(tmp_path):
    postings = [
        posting("closed-long-ago", dt.datetime(2025, 1, 1, 12, tzinfo=UTC)),
        posting("no-deadline-b"),
        posting("open-later", dt.datetime(2027, 3, 1, 12, tzinfo=UTC)),
        posting("closed-recently", dt.datetime(2026, 11, 20, 12, tzinfo=UTC)),
        posting("no-deadline-a"),
        posting("open-soon", dt.datetime(2026, 11, 24, 9, tzinfo=UTC)),
    ]
    site = build_site(postings, Config(root=tmp_path), NOW)
    assert ids(site) == [
        "open-soon", "open-later", "no-deadline-a", "no-deadline-b", "closed-recently", "closed-long-ago",
    ]


def test_sorting_is_stable_by_id_for_equal_deadlines(tmp_path):
    same = dt.datetime(2026, 12, 1, 12, tzinfo=UTC)
    postings = [posting(x, same) for x in ("c", "a", "b")]
    assert ids(build_site(postings, Config(root=tmp_path), NOW)) == ["a", "b", "c"]
    assert ids(build_site(list(reversed(postings)), Config(root=tmp_path), NOW)) == ["a", "b", "c"]


def test_deadline_at_now_is_closed(tmp_path):
    p = posting("edge", NOW)
    assert is_closed(p, NOW, "Europe/Brussels")
    assert not is_closed(p, NOW - dt.timedelta(seconds=1), "Europe/Brussels")


def test_bare_date_deadline_is_open_through_the_whole_day_in_its_zone():
    p = posting("bare", dt.date(2026, 11, 23), timezone="Europe/Brussels")
    # 23:59 in Brussels on the day is 22:59 UTC: still open.
    assert not is_closed(p, dt.datetime(2026, 11, 23, 22, 59, tzinfo=UTC), "UTC")
    assert is_closed(p, dt.datetime(2026, 11, 23, 23, 0, tzinfo=UTC), "UTC")
    assert deadline_instant(p, "UTC") == dt.datetime(2026, 11, 24, 0, 0, tzinfo=BRUSSELS)


def test_bare_date_uses_config_zone_when_posting_names_none():
    p = posting("bare", dt.date(2026, 11, 23))
    assert deadline_instant(p, "Asia/Tokyo") == dt.datetime(2026, 11, 24, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_naive_datetime_deadline_is_in_posting_zone():
    p = posting("naive", dt.datetime(2026, 12, 1, 23, 59), timezone="Europe/Brussels")
    assert deadline_instant(p, "UTC").utcoffset() == dt.timedelta(hours=1)


def test_build_site_normalises_now_to_utc_and_rejects_naive(tmp_path):
    site = build_site([], Config(root=tmp_path), NOW.astimezone(BRUSSELS))
    assert site.now.tzinfo == UTC and site.now == NOW
    with pytest.raises(ValueError):
        build_site([], Config(root=tmp_path), dt.datetime(2026, 11, 23))


def test_build_site_keeps_problems(tmp_path):
    site = demo_site(tmp_path)
    assert [str(p) for p in site.problems] == [
        "tracker.yaml:12: no posting with id 'old-vacancy' (did you mean 'hr-policy-officer'?)"
    ]


def test_demo_order(tmp_path):
    assert ids(demo_site(tmp_path, hostile=True)) == [
        "hr-policy-officer",  # 26 Nov 2026
        "hostile-analyst",  # 1 Dec 2026
        "250875-head-nato-affairs-and-security-policy",  # 18 Dec 2026
        "diversity-and-inclusion-adviser",  # 10 Jan 2027 (bare date)
        "250974-senior-assistant-recruitment",  # no deadline
        "head-policy-planning-unit",  # closed 2025
    ]


def test_board_has_a_column_per_status_in_pipeline_order(tmp_path):
    site = demo_site(tmp_path)
    columns = by_status(site.postings)
    assert [s for s, _ in columns] == [NEW_STATUS, *STATUSES] == list(BOARD_STATUSES)
    got = {s: [p.id for p in ps] for s, ps in columns}
    assert got["new"] == ["250974-senior-assistant-recruitment"]
    assert got["interview"] == ["250875-head-nato-affairs-and-security-policy"]
    assert got["rejected"] == ["head-policy-planning-unit"]
    assert got["offer"] == []
    assert sum(len(v) for v in got.values()) == len(site.postings)


def test_board_keeps_an_unknown_status_in_its_own_column():
    columns = dict(by_status([posting("odd", status="shortlisted")]))
    assert [p.id for p in columns["shortlisted"]] == ["odd"]


def test_compare_takes_the_tag_and_offers(tmp_path):
    postings = [
        posting("tagged", status="applied", tags=("compare",)),
        posting("other-tag", status="applied", tags=("x",)),
        posting("offered", status="offer"),
        posting("untracked"),
    ]
    site = build_site(postings, Config(root=tmp_path), NOW)
    assert {p.id for p in compared(site)} == {"tagged", "offered"}
    site2 = build_site(postings, demo_config(tmp_path, compare_tag="x"), NOW)
    assert {p.id for p in compared(site2)} == {"other-tag", "offered"}


def test_calendar_items_cover_deadlines_reminders_and_events_in_time_order(tmp_path):
    p = posting(
        "p", dt.datetime(2026, 12, 1, 23, 30, tzinfo=UTC), status="applied", timezone="Europe/Brussels",
        reminders=(Reminder(dt.date(2026, 11, 30), "call"),),
        events=(Event(dt.datetime(2026, 12, 1, 10, 0), "Test", "HQ"),),
    )
    items = calendar_items(build_site([p], Config(root=tmp_path), NOW))
    assert [(i.kind, i.day.isoformat(), i.all_day) for i in items] == [
        ("reminder", "2026-11-30", True),
        ("event", "2026-12-01", False),
        # 23:30 UTC is 00:30 the next day in Brussels, the posting's zone.
        ("deadline", "2026-12-02", False),
    ]
    assert items[1].title == "Test" and items[1].location == "HQ" and items[1].posting_title == "P"


def test_calendar_items_of_demo_include_every_dated_thing(tmp_path):
    site = demo_site(tmp_path)
    items = calendar_items(site)
    deadlines = {i.posting_id for i in items if i.kind == "deadline"}
    assert deadlines == {p.id for p in site.postings if p.deadline is not None}
    assert sum(i.kind == "reminder" for i in items) == 2
    assert sum(i.kind == "event" for i in items) == 2
    days = [i.day for i in items]
    assert days == sorted(days)
