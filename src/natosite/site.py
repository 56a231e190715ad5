"""Gather merged postings into a ``Site``: URLs, deadlines as instants, sorting, grouping. Pure.

Sorting (index, board columns, agenda): open deadlines soonest first, then postings with
no deadline, then closed ones, most recently closed first; ties broken by id so the order
is stable across builds.

A bare-date deadline (``deadline: 2025-12-14``) counts as open through that whole day in
the posting's time zone (its ``timezone:``, else the config's).
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from natosite.memo import per_posting
from natosite.models import NEW_STATUS, STATUSES, Posting, Problem, Site

UTC = dt.timezone.utc
# Statuses a posting can be in, in pipeline order: the board's columns.
BOARD_STATUSES: tuple[str, ...] = (NEW_STATUS,) + STATUSES
# Postings in these statuses are on compare.html even without the compare tag:
# an offer is exactly when one weighs postings side by side.
COMPARE_STATUSES: frozenset[str] = frozenset({"offer"})


def posting_url(posting_id: str) -> str:
    """URL of a posting's page, relative to the site's root."""
    return f"postings/{posting_id}.html"


def posting_ics_url(posting_id: str) -> str:
    """URL of a posting's one-event calendar file, relative to the site's root."""
    return f"postings/{posting_id}.ics"


@functools.lru_cache(maxsize=64)
def zone(name: str | None, fallback: str = "Europe/Brussels") -> dt.tzinfo:
    """The ``ZoneInfo`` called ``name``; ``fallback`` when it is missing or unknown."""
    for candidate in (name, fallback):
        if candidate:
            try:
                return zoneinfo.ZoneInfo(str(candidate))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
    return UTC


def posting_zone(posting: Posting, default_zone: str) -> dt.tzinfo:
    """The zone a posting's deadline is in: its ``timezone:`` key, else the config's zone."""
    return zone(posting.timezone, default_zone)


def aware(value: dt.date | dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """A date or datetime as an aware datetime: naive ones are taken to be in ``tz``,
    a bare date is its start (midnight) in ``tz``."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    return dt.datetime.combine(value, dt.time(0), tzinfo=tz)


@per_posting
def deadline_instant(posting: Posting, default_zone: str) -> dt.datetime | None:
    """The moment applications close, aware; a bare date closes at the end of that day."""
    deadline = posting.deadline
    if deadline is None:
        return None
    tz = posting_zone(posting, default_zone)
    if isinstance(deadline, dt.datetime):
        return aware(deadline, tz)
    return aware(deadline + dt.timedelta(days=1), tz)


@per_posting
def deadline_stamp(posting: Posting, default_zone: str) -> float | None:
    """``deadline_instant`` as a POSIX timestamp."""
    instant = deadline_instant(posting, default_zone)
    return None if instant is None else instant.timestamp()


def deadline_local_date(posting: Posting, default_zone: str) -> dt.date | None:
    """The calendar date of the deadline in the posting's own zone."""
    deadline = posting.deadline
    if deadline is None:
        return None
    if isinstance(deadline, dt.datetime):
        tz = posting_zone(posting, default_zone)
        return aware(deadline, tz).astimezone(tz).date()
    return deadline


def is_closed(posting: Posting, now: dt.datetime, default_zone: str) -> bool:
    """True once the deadline has passed (a posting with no deadline is never closed)."""
    instant = deadline_instant(posting, default_zone)
    return instant is not None and instant <= now


def sort_key(posting: Posting, now: dt.datetime | float, default_zone: str) -> tuple:
    """Open deadlines soonest first, then no deadline, then closed (most recent first); by id.
    ``now`` may be given as its timestamp."""
    stamp = deadline_stamp(posting, default_zone)
    if stamp is None:
        return (1, 0.0, posting.id)
    if stamp <= (now if isinstance(now, float) else now.timestamp()):
        return (2, -stamp, posting.id)
    return (0, stamp, posting.id)


def sort_postings(postings: Iterable[Posting], now: dt.datetime, default_zone: str) -> list[Posting]:
    now_stamp = now.timestamp()
    return sorted(postings, key=lambda p: sort_key(p, now_stamp, default_zone))


def build_site(postings: Sequence[Posting], config, now: dt.datetime, problems: Iterable[Problem] = ()) -> Site:
    """The ``Site`` the renderers need: postings sorted, ``now`` as aware UTC."""
    if now.tzinfo is None:
        raise ValueError("build_site needs an aware 'now' (use config.build_time())")
    now_utc = now.astimezone(UTC)
    ordered = sort_postings(postings, now_utc, config.timezone)
    return Site(postings=tuple(ordered), now=now_utc, config=config, problems=tuple(problems))


def by_status(postings: Iterable[Posting]) -> list[tuple[str, list[Posting]]]:
    """The board: one (status, postings) column per status in pipeline order, even if empty.

    A status outside the known ones (should the tracker ever let one through) gets its own
    column after the known ones rather than being dropped."""
    columns: dict[str, list[Posting]] = {status: [] for status in BOARD_STATUSES}
    for posting in postings:
        columns.setdefault(posting.status, []).append(posting)
    return list(columns.items())


def is_compared(posting: Posting, compare_tag: str) -> bool:
    """Marked for compare.html: tagged ``compare_tag`` in tracker.yaml, or in ``COMPARE_STATUSES``."""
    entry = posting.entry
    if entry is None:
        return False
    return compare_tag in entry.tags or entry.status in COMPARE_STATUSES


def compared(site: Site) -> list[Posting]:
    """The postings compare.html shows before the person ticks any, in site order."""
    return [p for p in site.postings if is_compared(p, site.config.compare_tag)]


@dataclass(frozen=True)
class CalendarItem:
    """One thing on a day of the calendar: a deadline, a reminder or an event."""

    kind: str  # "deadline" | "reminder" | "event"
    day: dt.date  # the local date it falls on
    at: dt.datetime  # aware instant (start of day for all-day items); sorts the agenda
    all_day: bool
    title: str  # what happens: the posting's title, the reminder's note, the event's title
    posting_id: str
    posting_title: str
    location: str | None = None
    note: str | None = None
    # ``at`` with its UTC offset: equal datetimes in other zones show another hour, and
    # templates cache fragments by equality (render.Fragments), so items must differ too.
    shown_at: str = field(init=False, repr=False)
    # ``at`` as a timestamp, for sorting (an aware datetime's comparisons and hash ask its zone
    # for the offset each time); the hash, computed once: month grids and agenda days holding
    # hundreds of items are fragment keys (render.Fragments) at every build.
    stamp: float = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "shown_at", self.at.isoformat())
        object.__setattr__(self, "stamp", self.at.timestamp())
        object.__setattr__(self, "_hash", hash((self.kind, self.day, self.stamp, self.shown_at, self.all_day, self.title,
                                                self.posting_id, self.posting_title, self.location, self.note)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple:
        """Unpickled by calling the class again: string hashes differ between processes."""
        return (CalendarItem, (self.kind, self.day, self.at, self.all_day, self.title, self.posting_id,
                               self.posting_title, self.location, self.note))


def _timed(value: dt.date | dt.datetime) -> bool:
    return isinstance(value, dt.datetime)


@per_posting
def posting_calendar_items(posting: Posting, default_zone: str) -> tuple[CalendarItem, ...]:
    """A posting's deadline, reminders and events as calendar items."""
    title = str(posting.title or posting.id)  # as shown; a number title must not equal another type's
    items: list[CalendarItem] = []
    tz = zone(default_zone)
    deadline = posting.deadline
    if deadline is not None:
        ptz = posting_zone(posting, default_zone)
        at = aware(deadline, ptz).astimezone(ptz)  # the day and time as seen in the posting's zone
        items.append(
            CalendarItem("deadline", at.date(), at, not _timed(deadline), title, posting.id, title)
        )
    entry = posting.entry
    if entry is not None:
        for reminder in entry.reminders:
            at = aware(reminder.date, tz)
            note = reminder.note or "Reminder"
            items.append(CalendarItem("reminder", at.date(), at, not _timed(reminder.date), note, posting.id, title))
        for event in entry.events:
            at = aware(event.date, tz)
            items.append(
                CalendarItem(
                    "event", at.date(), at, not _timed(event.date), event.title, posting.id, title,
                    location=event.location, note=event.note,
                )
            )
    return tuple(items)


_KIND_ORDER = {"deadline": 0, "event": 1, "reminder": 2}


def calendar_items(site: Site) -> list[CalendarItem]:
    """Every deadline, reminder and event of the site, in time order."""
    items = [item for p in site.postings for item in posting_calendar_items(p, site.config.timezone)]
    items.sort(key=lambda i: (i.day, not i.all_day, i.stamp, _KIND_ORDER[i.kind], i.posting_id, i.title))
    return items
