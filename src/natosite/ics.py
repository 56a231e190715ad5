"""The ICS calendar feed ``deadlines.ics`` and the one-event ``postings/<id>.ics`` files.

Components are built with ``icalendar`` (``natosite.ics_events``); this module
serializes and assembles them so a rebuild in ``serve`` stays fast:

* ``posting_ics_blocks(posting, config)`` serializes one posting's VEVENTs once.
  It is a pure function of the posting's ICS-relevant facts, its tracker entry
  and the config, so ``render_ics(site, cache)`` reuses the blocks of unchanged
  postings (``cache`` is any dict the caller keeps between builds; keys are
  ``fingerprint(posting, config)``; stale keys are pruned on every call).
* DTSTAMP is never the clock: blocks are made with a placeholder DTSTAMP that
  ``render_ics`` swaps for ``content_stamp``: ``site.now`` when ``SOURCE_DATE_EPOCH``
  sets it, else the newest ``source.imported`` date of the postings (when that
  information was created), so two builds of the same files are byte-identical.
* VTIMEZONEs come from ``icalendar.Timezone.from_tzid`` (zoneinfo), one per TZID
  used, cached per (tzid, years covered).

Output: CRLF line ends, lines folded at 75 octets between UTF-8 characters by
``fold_line`` (icalendar folds correctly too, but character by character, which
was a third of the cold time; checked by tests/icslint.py), events ordered by start then UID, so two
builds of the same files are byte-identical. Postings whose status is rejected
or withdrawn are left out of the feed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from typing import Hashable, Iterable, MutableMapping

from icalendar import Calendar, Timezone, vDDDTypes, vText

from natosite import __version__ as VERSION
from natosite.errors import BuildError
from natosite.memo import per_posting
from natosite.ics_events import (
    WARN_STATUSES,
    Item,
    clean_text,
    deadline_event,
    deadline_uid,
    event_start,
    event_tzids,
    one_line,
    posting_components,
    posting_name,
    sort_key,
)
from natosite.models import CLOSED_STATUSES, Output, Posting, Site

__all__ = [
    "IcsBlock",
    "fingerprint",
    "fold_line",
    "in_feed",
    "posting_components",
    "posting_ics_blocks",
    "render_ics",
    "render_posting_ics",
    "serialize",
    "sort_key",
]

FEED_PATH = "deadlines.ics"
PRODID = f"-//natosite//natosite {VERSION}//EN"
REFRESH = "PT6H"  # how often subscribers should re-fetch the feed
# Blocks are serialized with this DTSTAMP, replaced by the build's time on assembly.
# A TEXT value cannot contain a raw CRLF, so "\r\nDTSTAMP:...\r\n" only matches the property.
_PLACEHOLDER_TIME = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_PLACEHOLDER = "\r\nDTSTAMP:19700101T000000Z\r\n"
# Calendar properties icalendar 7 types as vUnknown (written unescaped): we pass vText.
_TEXT_PROPS = frozenset({"name", "x-wr-calname", "x-wr-caldesc", "x-wr-timezone"})
# Bump when the serialization changes, so cached blocks of an older format are not reused.
_BLOCK_FORMAT = 1
# icalendar's default VTIMEZONE range; the feed narrows it to the years its events use.
_TZ_FIRST = dt.date(1970, 1, 1)
_TZ_LAST = dt.date(2038, 1, 1)
# Front-matter keys the feed reads; others (and the body) do not affect it.
ICS_KEYS = ("title", "organisation", "grade", "reference", "location", "deadline", "timezone")


@dataclass(frozen=True)
class IcsBlock:
    """One serialized VEVENT (with the DTSTAMP placeholder) and what it needs."""

    key: tuple[str, str]  # (sort_key(start), uid): the feed's order
    text: str  # "BEGIN:VEVENT\r\n...END:VEVENT\r\n"
    tzids: frozenset[str]
    first: dt.date  # first and last local date the event touches (VTIMEZONE range)
    last: dt.date


def in_feed(posting: Posting) -> bool:
    """Rejected and withdrawn postings drop out of the feed."""
    return posting.status not in CLOSED_STATUSES


def _moment(value: object) -> object:
    """A tracker date as it is written: aware datetimes of the same instant differ by offset."""
    return value.isoformat() if isinstance(value, dt.datetime) else value


def fingerprint(posting: Posting, config) -> bytes:
    """A cache key for everything a posting's feed blocks depend on (not its body, notes or history).

    A digest of the values' ``repr`` (which carries their type, so ``1`` and ``1.0`` or
    ``True`` do not collide, and takes any value the person's front matter holds):
    bytes hash once, so a warm rebuild looks up 1,000 of them cheaply; and it is only
    recomputed for a posting whose meta or tracker entry changed (``memo.per_posting``).
    """
    return _fingerprint(posting, config.base_url, config.timezone, tuple(config.warn_days))


@per_posting
def _fingerprint(posting: Posting, base_url: str | None, timezone: str, warn_days: tuple[int, ...]) -> bytes:
    entry = posting.entry
    facts = tuple((type(value), value) for value in map(posting.meta.get, ICS_KEYS))
    tracked = None
    if entry is not None:
        tracked = (
            tuple((_moment(r.date), r.note) for r in entry.reminders),
            tuple((_moment(e.date), e.title, e.location, e.note) for e in entry.events),
        )
    key = (_BLOCK_FORMAT, posting.id, posting.status, facts, tracked, base_url, timezone, warn_days)
    return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def fold_line(line: str, limit: int = 75) -> str:
    """Fold one content line at ``limit`` octets (RFC 5545 3.1), never inside a UTF-8 character.

    Like icalendar, it never separates a TEXT escape (``\\,`` ``\\n`` ...) from its
    backslash, for clients that unfold carelessly. Lines that fit are returned as
    they are, which makes this much faster than icalendar's per-character fold.
    """
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    parts: list[bytes] = []
    start, room = 0, limit
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back off to the character's start
            cut -= 1
        slashes = 0
        while cut - slashes - 1 >= start and data[cut - slashes - 1] == 0x5C:
            slashes += 1
        if slashes % 2:  # the last backslash opens an escape: keep it with its character
            cut -= 1
        parts.append(data[start:cut])
        start, room = cut, limit - 1  # continuation lines begin with one space
    parts.append(data[start:])
    return "\r\n ".join(p.decode("utf-8") for p in parts)


def _text(value: str | bytes) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def content_line(name: str, value) -> str:
    """``NAME;PARAMS:value`` (unfolded) from an icalendar-typed value, escaped by its ``to_ical``."""
    params = getattr(value, "params", None)
    head = name
    if params:
        rendered = _text(params.to_ical())
        if rendered:
            head = f"{name};{rendered}"
    return f"{head}:{_text(value.to_ical())}"


def serialize(component) -> str:
    """A component (with subcomponents) as CRLF-terminated, octet-folded content lines.

    The layout of ``Component.to_ical`` (canonical property order, then
    subcomponents), written directly: icalendar's generic path cost ~0.25 ms an event.
    """
    lines = [f"BEGIN:{component.name}\r\n"]
    for name in component.sorted_keys():
        values = component[name]
        for value in values if isinstance(values, list) else (values,):
            lines.append(fold_line(content_line(name, value)) + "\r\n")
    lines.extend(serialize(sub) for sub in component.subcomponents)
    lines.append(f"END:{component.name}\r\n")
    return "".join(lines)


# ---------------------------------------------------------------- items written directly


class _Decline(Exception):
    """A value ``serialize_item`` does not write itself: icalendar writes that item."""


def escape_text(text: str) -> str:
    """A TEXT value escaped as icalendar's ``vText.to_ical`` does: the same replacements, in its order."""
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


@lru_cache(maxsize=256)
def _zone_params(zone: dt.tzinfo) -> str | None:
    """``;TZID=...`` as icalendar writes it for datetimes in ``zone`` (an IANA zone; None: declined)."""
    if not isinstance(zone, zoneinfo.ZoneInfo):
        return None
    params = _text(vDDDTypes(dt.datetime(2000, 1, 1, tzinfo=zone)).params.to_ical())
    return f";{params}" if params else None  # no TZID: a UTC alias, written with "Z"


@lru_cache(maxsize=64)
def _duration(value: dt.timedelta) -> str:
    return _text(vDDDTypes(value).to_ical())


def _after_name(name: str, value: object) -> str:
    """What follows the property name in its content line: ``;PARAMS:value``, as icalendar writes it."""
    kind = type(value)
    if kind is str:
        return ":" + (value if name == "URL" else escape_text(value))
    if kind is dt.datetime:
        stamp = (f"{value.year:04}{value.month:02}{value.day:02}"
                 f"T{value.hour:02}{value.minute:02}{value.second:02}")
        zone = value.tzinfo
        if zone is dt.timezone.utc:
            return f":{stamp}Z"
        params = _zone_params(zone) if zone is not None else None
        if params is None:
            raise _Decline
        return f"{params}:{stamp}"
    if kind is dt.date:
        return f";VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    if kind is list and name == "CATEGORIES" and all(type(c) is str for c in value):
        return ":" + ",".join(escape_text(c) for c in value)
    if kind is dt.timedelta:
        return ":" + _duration(value)
    raise _Decline


def _write(item: Item) -> str:
    props = item.props
    lines = [f"BEGIN:{item.name}\r\n"]
    for name in item.sorted_keys():
        lines.append(fold_line(name + _after_name(name, props[name])) + "\r\n")
    lines.extend(_write(sub) for sub in item.subcomponents)
    lines.append(f"END:{item.name}\r\n")
    return "".join(lines)


def serialize_item(item: Item) -> str:
    """``serialize(item.component())``, written from the item's values without building the component.

    Values it does not know how to write (e.g. a datetime in one of the zones icalendar writes
    as UTC, such as Atlantic/Reykjavik) go to icalendar: the whole item is then built and
    serialized by ``serialize``."""
    try:
        return _write(item)
    except _Decline:
        return serialize(item.component())


def _block(event: Item) -> IcsBlock:
    start = event_start(event)
    end = event.props.get("DTEND", start)
    days = [d.date() if isinstance(d, dt.datetime) else d for d in (start, end)]
    return IcsBlock(
        key=(sort_key(start), str(event.props["UID"])),
        text=serialize_item(event),
        tzids=frozenset(event_tzids(event)),
        first=min(days),
        last=max(days),
    )


def posting_ics_blocks(posting: Posting, config) -> tuple[IcsBlock, ...]:
    """One posting's feed events, serialized (DTSTAMP left as a placeholder). Pure."""
    return tuple(_block(e) for e in posting_components(posting, config, _PLACEHOLDER_TIME))


@lru_cache(maxsize=64)
def vtimezone_text(tzid: str, first: dt.date = _TZ_FIRST, last: dt.date = _TZ_LAST) -> str:
    """The serialized VTIMEZONE of an IANA zone, valid from ``first`` to ``last``."""
    try:
        return serialize(Timezone.from_tzid(tzid, first_date=first, last_date=last))
    except ValueError:
        raise BuildError(f"deadlines.ics: unknown time zone {tzid!r}") from None


def _vtimezones(blocks: Iterable[IcsBlock]) -> str:
    """One VTIMEZONE per TZID used, covering the whole years its events fall in (small and exact)."""
    spans: dict[frozenset[str], tuple[int, int]] = {}  # few distinct sets of zones: the loop stays cheap
    for block in blocks:
        if block.tzids:
            span = spans.get(block.tzids)
            first, last = block.first.year, block.last.year
            if span is None:
                spans[block.tzids] = (first, last)
            elif first < span[0] or last > span[1]:
                spans[block.tzids] = (min(span[0], first), max(span[1], last))
    ranges: dict[str, tuple[int, int]] = {}
    for tzids, (first, last) in spans.items():
        for tzid in tzids:
            lo, hi = ranges.get(tzid, (first, last))
            ranges[tzid] = (min(lo, first), max(hi, last))
    # Whole years, so the cached text (and the output) only changes when another year is needed.
    return "".join(
        vtimezone_text(tzid, dt.date(lo, 1, 1), dt.date(min(hi + 1, 9999), 1, 1)) for tzid, (lo, hi) in sorted(ranges.items())
    )


def _header(props: list[tuple[str, object]]) -> str:
    """The VCALENDAR's own properties, serialized by icalendar (escaped and folded)."""
    calendar = Calendar()
    for name, value in props:
        calendar.add(name, vText(value) if name in _TEXT_PROPS else value)
    text = serialize(calendar)
    end = "END:VCALENDAR\r\n"
    if not text.endswith(end):  # pragma: no cover - icalendar's fixed layout
        raise BuildError("deadlines.ics: unexpected calendar serialization")
    return text[: -len(end)]


def feed_header(config) -> str:
    """BEGIN:VCALENDAR and the feed's properties (name, refresh interval, zone)."""
    name = one_line(config.title) or "NATO vacancies"
    props: list[tuple[str, object]] = [
        ("prodid", PRODID),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("method", "PUBLISH"),
        ("name", name),
        ("x-wr-calname", name),
        ("x-wr-caldesc", clean_text(f"Application deadlines, reminders and events: {name}")),
        ("x-wr-timezone", config.timezone),
    ]
    calendar = _header(props)
    # Added as raw lines: icalendar would not write the VALUE=DURATION parameter RFC 7986 requires.
    calendar += f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}\r\nX-PUBLISHED-TTL:{REFRESH}\r\n"
    if config.base_url:
        calendar += _header([("source", config.base_url.rstrip("/") + "/" + FEED_PATH)]).split("\r\n", 1)[1]
    return calendar


def assemble(header: str, blocks: list[IcsBlock], now: dt.datetime) -> bytes:
    """Header + VTIMEZONEs + events in (start, UID) order, with the build's DTSTAMP."""
    stamp = "\r\nDTSTAMP:" + now.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "\r\n"
    blocks = sorted(blocks, key=lambda b: b.key)
    events = "".join(b.text for b in blocks).replace(_PLACEHOLDER, stamp)
    return (header + _vtimezones(blocks) + events + "END:VCALENDAR\r\n").encode("utf-8")


# DTSTAMP of a feed whose postings carry no import date (hand-written postings).
FIXED_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def content_stamp(postings: Iterable[Posting], now: dt.datetime) -> dt.datetime:
    """The DTSTAMP: ``now`` in reproducible builds (SOURCE_DATE_EPOCH), else derived from the files."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return now
    days = []
    for posting in postings:
        source = posting.meta.get("source")
        imported = source.get("imported") if isinstance(source, dict) else None
        if isinstance(imported, dt.datetime):
            imported = imported.date()
        if isinstance(imported, dt.date):
            days.append(imported)
    if not days:
        return FIXED_STAMP
    return dt.datetime.combine(max(days), dt.time(0), dt.timezone.utc)


def _check_unique(blocks: list[IcsBlock]) -> None:
    if len({block.key[1] for block in blocks}) == len(blocks):
        return
    seen: set[str] = set()
    for block in blocks:
        uid = block.key[1]
        if uid in seen:
            raise BuildError(f"deadlines.ics: two events share the UID {uid!r}")
        seen.add(uid)


def render_ics(site: Site, cache: MutableMapping[Hashable, tuple[IcsBlock, ...]] | None = None) -> Output:
    """``deadlines.ics``: every deadline, warning, reminder and event of the postings still open.

    ``cache``: a dict kept by the caller between builds; blocks of unchanged postings are reused.
    """
    config = site.config
    blocks: list[IcsBlock] = []
    used: set[Hashable] = set()
    for posting in site.postings:
        if not in_feed(posting):
            continue
        if cache is None:
            blocks.extend(posting_ics_blocks(posting, config))
            continue
        key = fingerprint(posting, config)
        used.add(key)
        found = cache.get(key)
        if found is None:
            found = cache[key] = posting_ics_blocks(posting, config)
        blocks.extend(found)
    if cache is not None:
        for stale in [k for k in cache if k not in used]:
            del cache[stale]
    _check_unique(blocks)
    stamp = content_stamp((p for p in site.postings if in_feed(p)), site.now)
    return Output(FEED_PATH, assemble(feed_header(config), blocks, stamp))


def posting_ics_path(posting_id: str) -> str:
    return f"postings/{posting_id}.ics"


def render_posting_ics(posting: Posting, site: Site, feed_blocks: Iterable[IcsBlock] | None = None) -> Output:
    """``postings/<id>.ics``: the posting's deadline as one event to add to a calendar.

    Always a file (the builder writes one per posting, whatever its status): with
    its VALARMs whatever the status; without a deadline the calendar holds no
    event (parsers accept it; pages should offer the link only when
    ``posting.deadline`` is set).

    ``feed_blocks``: this posting's ``posting_ics_blocks``, if already made: their
    deadline event is the same one when the feed gives it alarms too (not rebuilt).
    """
    config = site.config
    block = _feed_deadline(posting, config, feed_blocks)
    if block is None and posting.deadline is not None:
        event = deadline_event(posting, config, _PLACEHOLDER_TIME, alarms=True)
        block = _block(event) if event is not None else None
    name = posting_name(posting)
    label = f"Deadline: {name}" if block is not None else f"{name} (no deadline)"
    blocks = [block] if block is not None else []
    stamp = content_stamp((posting,), site.now)
    return Output(posting_ics_path(posting.id), assemble(posting_header(label), blocks, stamp))


def _feed_deadline(posting: Posting, config, feed_blocks: Iterable[IcsBlock] | None) -> IcsBlock | None:
    """The deadline block among the feed's, when it was made with alarms (as the posting's .ics has)."""
    if feed_blocks is None or posting.deadline is None or posting.status not in WARN_STATUSES:
        return None
    uid = deadline_uid(posting, config)
    return next((b for b in feed_blocks if b.key[1] == uid), None)


@lru_cache(maxsize=1)
def _posting_header_head() -> str:
    return _header([("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"), ("method", "PUBLISH")])


def posting_header(label: str) -> str:
    """A posting .ics's VCALENDAR header: ``_header`` with NAME and X-WR-CALNAME, whose
    canonical place is last; only those two lines are serialized per posting."""
    value = vText(label)
    return _posting_header_head() + "".join(fold_line(content_line(n, value)) + "\r\n" for n in ("NAME", "X-WR-CALNAME"))
