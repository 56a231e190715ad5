"""The calendar events of one posting, as ``Item``s: the values of ``icalendar`` components. Pure; no I/O.

One posting gives, in the feed:

* a **deadline** event at the deadline's time in its zone (``DTSTART;TZID=...``),
  or an all-day ``VALUE=DATE`` event with an exclusive ``DTEND`` when the
  deadline is a bare date. It carries one ``VALARM`` (DISPLAY) per warning
  offset for the clients that honour alarms;
* one all-day **warning** event per ``config.warn_days`` offset ("Closes in 7
  days: ...", "Closes tomorrow: ..."), because Google, Outlook and Apple drop
  VALARMs from subscribed calendars. Warnings (and alarms) are only made while
  the application is not yet sent (status new, interested or preparing);
* one event per tracker **reminder** and per tracker **event**.

UIDs are stable across builds and do not move when the person reorders or edits
unrelated items (host = base_url's host, or ``natosite.local``)::

    <id>-deadline@<host>
    <id>-warn-<N>d@<host>                 N = days before the deadline
    <id>-reminder-<h>@<host>              h = sha256(date + note)[:12]
    <id>-event-<h>@<host>                 h = sha256(date + title)[:12]

So editing an event's location or note keeps its UID; changing a reminder's date
or text makes it a new item (the old one disappears on the next refresh). Two
identical items (same date and text) get ``-2``, ``-3``... in file order.

Naive tracker datetimes are wall-clock times in the posting's zone (its
``timezone:``, else ``config.timezone``), as tracker_values.py defines. A tracker event has no end
in tracker.yaml, so a timed one lasts ``EVENT_LENGTH`` (the common calendar
default); an all-day one lasts its day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zoneinfo
from functools import lru_cache
from typing import Iterable
from urllib.parse import quote

from icalendar import Alarm, Event, vCategory, vDDDTypes, vText, vUri
from icalendar.cal.component import Component
from icalendar.caselessdict import canonsort_keys

from natosite.models import Posting

DEFAULT_HOST = "natosite.local"
EVENT_LENGTH = dt.timedelta(hours=1)
# Statuses for which "closes in N days" warnings and alarms are still useful.
WARN_STATUSES: frozenset[str] = frozenset({"new", "interested", "preparing"})
CATEGORY = "NATO vacancy"
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/GMT", "GMT"})
# C0/C1 control characters other than TAB and LF are not allowed in TEXT values (RFC 5545 3.3.11).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


# ---------------------------------------------------------------- small helpers


def feed_host(base_url: str) -> str:
    """The host used in UIDs: always ``natosite.local``.

    Not base_url's host: publishing with a (new) --base-url must not rename every UID,
    or subscribed calendars would show each event twice.
    """
    return DEFAULT_HOST


def posting_path(posting_id: str) -> str:
    """The posting page's path inside the site."""
    return f"postings/{quote(posting_id)}.html"


def posting_url(posting_id: str, base_url: str) -> str | None:
    """Absolute URL of the posting page, or None without a base_url (a URI must be absolute)."""
    if not base_url:
        return None
    return base_url.rstrip("/") + "/" + posting_path(posting_id)


def clean_text(value: object) -> str:
    """Text safe for an iCalendar TEXT value (icalendar escapes ``,`` ``;`` ``\\`` and newlines).

    Line breaks (CR, CRLF, U+2028, U+2029) are normalised to LF; control characters and lone surrogates
    (which cannot be written as UTF-8) are dropped.
    """
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _SURROGATE.sub("", text)
    return _CONTROL.sub("", text).strip()


def one_line(value: object) -> str:
    """``clean_text`` squeezed to one line (for SUMMARY)."""
    return " ".join(clean_text(value).split())


@lru_cache(maxsize=256)
def zone_info(name: str | None) -> dt.tzinfo | None:
    """ZoneInfo for an IANA name; UTC aliases give ``datetime.timezone.utc``; unknown gives None."""
    if not name:
        return None
    if name in _UTC_NAMES:
        return dt.timezone.utc
    try:
        return zoneinfo.ZoneInfo(str(name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def in_zone(value: dt.date | dt.datetime, zone: dt.tzinfo) -> dt.date | dt.datetime:
    """A datetime shown in ``zone`` (naive ones are taken to be in it); dates unchanged."""
    if not isinstance(value, dt.datetime):
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def tzid_of(value: dt.date | dt.datetime) -> str | None:
    """The TZID a value is written with, None for dates and UTC."""
    if isinstance(value, dt.datetime) and isinstance(value.tzinfo, zoneinfo.ZoneInfo):
        return value.tzinfo.key
    return None


def sort_key(start: dt.date | dt.datetime) -> str:
    """Chronological key: the date, or the UTC instant (all-day items first on their day)."""
    if isinstance(start, dt.datetime):
        return start.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return start.isoformat()


def local_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def item_hash(*parts: object) -> str:
    """Short stable hash of an item's identity (date + text)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def warning_summary(days: int, title: str) -> str:
    if days == 1:
        return f"Closes tomorrow: {title}"
    return f"Closes in {days} days: {title}"


def posting_name(posting: Posting) -> str:
    """The posting's title on one line, or its id when it has none."""
    title = one_line(posting.title) if posting.title is not None else ""
    return title or posting.id


def posting_zone(posting: Posting, config) -> dt.tzinfo:
    return zone_info(posting.timezone) or zone_info(config.timezone) or dt.timezone.utc


# ---------------------------------------------------------------- components

# Each property's icalendar type (``Component.add`` would infer it on every call). Everything else is TEXT.
_TYPES = {"URL": vUri, "CATEGORIES": vCategory, "DTSTAMP": vDDDTypes, "DTSTART": vDDDTypes,
          "DTEND": vDDDTypes, "TRIGGER": vDDDTypes}
_CLASSES: dict[str, type[Component]] = {"VEVENT": Event, "VALARM": Alarm}


class Item:
    """One VEVENT or VALARM as plain Python values: what icalendar is given to build it.

    ``component()`` builds the ``icalendar`` component, each property typed as in
    ``_TYPES`` (TEXT otherwise). The feed does not build it: ``ics.serialize_item``
    writes the same bytes from these values directly (a component and its values
    cost ~0.6 ms a posting); tests/test_ics_fast.py checks the two agree byte for byte.
    Values: ``str`` for TEXT and URL, a list of ``str`` for CATEGORIES, ``date`` or
    aware ``datetime`` for DTSTAMP/DTSTART/DTEND, ``timedelta`` for TRIGGER.
    """

    __slots__ = ("name", "props", "subcomponents")

    def __init__(self, name: str) -> None:
        self.name = name
        self.props: dict[str, object] = {}
        self.subcomponents: list[Item] = []

    def __setitem__(self, name: str, value: object) -> None:
        self.props[name] = value

    def __getitem__(self, name: str) -> object:
        return self.props[name]

    def __contains__(self, name: object) -> bool:
        return name in self.props

    def add_component(self, item: "Item") -> None:
        self.subcomponents.append(item)

    def sorted_keys(self) -> tuple[str, ...]:
        """The property names in the order icalendar writes them (``Component.sorted_keys``)."""
        return _property_order(self.name, tuple(self.props))

    def component(self) -> Component:
        """The icalendar component of these values (with its subcomponents)."""
        component = _CLASSES[self.name]()
        for name, value in self.props.items():
            component[name] = _TYPES.get(name, vText)(value)
        for item in self.subcomponents:
            component.add_component(item.component())
        return component


@lru_cache(maxsize=64)
def _property_order(name: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(canonsort_keys(keys, _CLASSES[name].canonical_order))


def _new_event(uid: str, summary: str, start: dt.date | dt.datetime, now: dt.datetime) -> Item:
    event = Item("VEVENT")
    event["UID"] = uid
    event["DTSTAMP"] = now.astimezone(dt.timezone.utc)
    event["SUMMARY"] = summary
    event["DTSTART"] = start
    return event


def _add_end(event: Item, start: dt.date | dt.datetime, length: dt.timedelta | None) -> None:
    """All-day: exclusive DTEND the next day. Timed: DTEND after ``length`` (None: a point in time)."""
    if not isinstance(start, dt.datetime):
        event["DTEND"] = start + dt.timedelta(days=1)
    elif length:
        event["DTEND"] = start + length


def _describe(lines: Iterable[tuple[str, object]]) -> str:
    return "\n".join(f"{label}: {clean_text(value)}" if label else clean_text(value)
                     for label, value in lines if value not in (None, ""))


def _link(posting: Posting, config) -> str:
    return posting_url(posting.id, config.base_url) or posting_path(posting.id)


def _finish(event: Item, posting: Posting, config, kind: str, transparent: bool = True) -> None:
    url = posting_url(posting.id, config.base_url)
    if url:
        event["URL"] = url
    event["CATEGORIES"] = [CATEGORY, kind]
    event["STATUS"] = "CONFIRMED"
    event["TRANSP"] = "TRANSPARENT" if transparent else "OPAQUE"


def _deadline_when(posting: Posting, config) -> str | None:
    deadline = posting.deadline
    if deadline is None:
        return None
    if not isinstance(deadline, dt.datetime):
        return f"{deadline.isoformat()} (end of day)"
    local = in_zone(deadline, posting_zone(posting, config))
    abbreviation = local.tzname()
    zone = tzid_of(local) or "UTC"
    return f"{local:%Y-%m-%d %H:%M}" + (f" {abbreviation}" if abbreviation else "") + f" ({zone})"


def deadline_uid(posting: Posting, config) -> str:
    return f"{posting.id}-deadline@{feed_host(config.base_url)}"


def deadline_event(posting: Posting, config, now: dt.datetime, alarms: bool | None = None) -> Item | None:
    """The posting's deadline event, or None when it has no deadline.

    ``alarms`` None: VALARMs while the status is in ``WARN_STATUSES`` (as in the feed)."""
    if posting.deadline is None:
        return None
    name = posting_name(posting)
    start = in_zone(posting.deadline, posting_zone(posting, config))
    event = _new_event(deadline_uid(posting, config), f"Deadline: {name}", start, now)
    _add_end(event, start, None)
    event["DESCRIPTION"] = _describe([
        ("", f"Application deadline: {name}"),
        ("Closes", _deadline_when(posting, config)),
        ("Organisation", posting.get("organisation")),
        ("Grade", posting.get("grade")),
        ("Reference", posting.get("reference")),
        ("Location", posting.get("location")),
        ("Status", posting.status),
        ("", _link(posting, config)),
    ])
    location = posting.get("location")
    if location not in (None, "") and clean_text(location):
        event["LOCATION"] = clean_text(location)
    _finish(event, posting, config, "Deadline")
    if alarms if alarms is not None else posting.status in WARN_STATUSES:
        for days in config.warn_days:
            alarm = Item("VALARM")
            alarm["ACTION"] = "DISPLAY"
            alarm["DESCRIPTION"] = warning_summary(days, name)
            alarm["TRIGGER"] = -dt.timedelta(days=days)
            event.add_component(alarm)
    return event


def warning_events(posting: Posting, config, now: dt.datetime) -> list[Item]:
    """All-day "closes in N days" events, one per ``config.warn_days`` offset."""
    if posting.deadline is None or posting.status not in WARN_STATUSES:
        return []
    name = posting_name(posting)
    last_day = local_date(in_zone(posting.deadline, posting_zone(posting, config)))
    host = feed_host(config.base_url)
    events = []
    for days in config.warn_days:
        day = last_day - dt.timedelta(days=days)
        event = _new_event(f"{posting.id}-warn-{days}d@{host}", warning_summary(days, name), day, now)
        _add_end(event, day, None)
        event["DESCRIPTION"] = _describe([
            ("Closes", _deadline_when(posting, config)),
            ("Organisation", posting.get("organisation")),
            ("", _link(posting, config)),
        ])
        _finish(event, posting, config, "Warning")
        events.append(event)
    return events


def _numbered(uids: list[str]) -> list[str]:
    """Make repeated UIDs unique: the second ``x@h`` becomes ``x-2@h``, in file order."""
    seen: dict[str, int] = {}
    out = []
    for uid in uids:
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:
            local, _, host = uid.partition("@")
            uid = f"{local}-{seen[uid]}@{host}"
        out.append(uid)
    return out


def reminder_events(posting: Posting, config, now: dt.datetime) -> list[Item]:
    """One event per tracker reminder (all-day for a date, a point in time for a datetime)."""
    entry = posting.entry
    if entry is None or not entry.reminders:
        return []
    name = posting_name(posting)
    host = feed_host(config.base_url)
    zone = posting_zone(posting, config)
    starts = [in_zone(r.date, zone) for r in entry.reminders]
    uids = _numbered([f"{posting.id}-reminder-{item_hash(r.date.isoformat(), r.note)}@{host}"
                      for r in entry.reminders])
    events = []
    for reminder, start, uid in zip(entry.reminders, starts, uids):
        note = one_line(reminder.note or "")
        event = _new_event(uid, f"Reminder: {note} ({name})" if note else f"Reminder: {name}", start, now)
        _add_end(event, start, None)
        event["DESCRIPTION"] = _describe([("", reminder.note), ("Posting", name), ("", _link(posting, config))])
        _finish(event, posting, config, "Reminder")
        events.append(event)
    return events


def tracker_events(posting: Posting, config, now: dt.datetime) -> list[Item]:
    """One event per tracker event (tests, interviews, ...): busy time, with its location."""
    entry = posting.entry
    if entry is None or not entry.events:
        return []
    name = posting_name(posting)
    host = feed_host(config.base_url)
    zone = posting_zone(posting, config)
    uids = _numbered([f"{posting.id}-event-{item_hash(e.date.isoformat(), e.title)}@{host}" for e in entry.events])
    events = []
    for item, uid in zip(entry.events, uids):
        start = in_zone(item.date, zone)
        title = one_line(item.title) or "Event"
        event = _new_event(uid, f"{title}: {name}", start, now)
        _add_end(event, start, EVENT_LENGTH)
        if item.location not in (None, "") and clean_text(item.location):
            event["LOCATION"] = clean_text(item.location)
        event["DESCRIPTION"] = _describe([
            ("", item.note), ("Posting", name), ("Organisation", posting.get("organisation")),
            ("", _link(posting, config)),
        ])
        _finish(event, posting, config, "Event", transparent=False)
        events.append(event)
    return events


def posting_components(posting: Posting, config, now: dt.datetime) -> list[Item]:
    """Every feed event of one posting: deadline (with alarms), warnings, reminders, events.

    Does not filter by status: ``ics.in_feed`` decides whether the posting is in the feed.
    """
    events: list[Item] = []
    deadline = deadline_event(posting, config, now)
    if deadline is not None:
        events.append(deadline)
    events.extend(warning_events(posting, config, now))
    events.extend(reminder_events(posting, config, now))
    events.extend(tracker_events(posting, config, now))
    return events


def event_start(event: Item) -> dt.date | dt.datetime:
    return event.props["DTSTART"]


def event_tzids(event: Item) -> set[str]:
    """TZIDs an event's DTSTART/DTEND are written with."""
    ids = set()
    for key in ("DTSTART", "DTEND"):
        if key in event:
            tzid = tzid_of(event.props[key])
            if tzid:
                ids.add(tzid)
    return ids
