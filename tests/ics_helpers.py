"""Builders of tiny Site objects and a varied sample of postings, shared by the ICS tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from natosite import ics
from natosite.config import Config
from natosite.models import Event, Posting, Reminder, Site, TrackerEntry

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
BRUSSELS = ZoneInfo("Europe/Brussels")
HOSTILE = 'Head, Unit; "Policy" \\ Plans\nnext line\r\nthird\x07 — Überprüfung, Sécurité'
CHINESE = "北大西洋公约组织国际秘书处政策规划司司长职位招聘公告请于截止日期前提交申请材料" * 2
ACCENTED = "Chef·fe de la Sécurité opérationnelle, Défense aérienne intégrée — Évaluation; ÉÈÊË " * 2


def posting(pid: str, entry: TrackerEntry | None = None, **meta) -> Posting:
    meta.setdefault("title", pid.replace("-", " ").title())
    return Posting(id=pid, meta=meta, body="body text", path=f"postings/{pid}.md", entry=entry)


def entry(pid: str, status: str = "interested", **kw) -> TrackerEntry:
    return TrackerEntry(id=pid, status=status, **kw)


def site(postings, tmp_path: Path, now: dt.datetime = NOW, **config) -> Site:
    return Site(postings=tuple(postings), now=now, config=Config(root=tmp_path, **config))


def feed(postings, tmp_path: Path, **kw) -> bytes:
    out = ics.render_ics(site(postings, tmp_path, **kw))
    assert out.path == "deadlines.ics"
    return out.data


def parsed(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def events_by_uid(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in parsed(data).walk("VEVENT")}


def sample_postings() -> list[Posting]:
    """Varied postings: zones, bare dates, UTC, hostile text, tracker items, a closed one."""
    return [
        posting("250875-head", title=HOSTILE, organisation="NATO IS, Brussels", grade="G22", reference="250875",
                location="Brussels; Belgium", deadline=dt.datetime(2026, 6, 18, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=2))),
                timezone="Europe/Brussels",
                entry=entry("250875-head", reminders=(Reminder(dt.date(2026, 6, 1), "Ask referees, again; now"),),
                            events=(Event(dt.datetime(2026, 7, 10, 10, 0), "Written test", "NATO HQ, Room 1"),))),
        posting("ncia-1-chinese", title=CHINESE, deadline=dt.date(2026, 12, 1), timezone="Europe/Brussels"),
        posting("nspa-2-accented", title=ACCENTED, deadline=dt.datetime(2027, 1, 15, 17, 0, tzinfo=ZoneInfo("Europe/Luxembourg")),
                timezone="Europe/Luxembourg"),
        posting("act-3-norfolk", deadline=dt.datetime(2026, 12, 20, 23, 59, tzinfo=ZoneInfo("America/New_York")),
                timezone="America/New_York", entry=entry("act-3-norfolk", "applied")),
        posting("utc-4", deadline=dt.datetime(2027, 2, 1, 12, 0, tzinfo=dt.timezone.utc), timezone="UTC"),
        posting("no-deadline-5", title=None),
        posting("rejected-6", deadline=dt.date(2026, 12, 5), entry=entry("rejected-6", "rejected")),
    ]
