"""View data for the templates: formatted facts, cards, search records, safe embedded JSON.

Everything here is pure and per posting where it can be, so a build can cache it.
The browser recomputes every "N days left" / "closed" text from the ISO datetimes in the
pages (assets/site.js, same rules as ``time_left``); the texts made here are the fallback.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from natosite import frontmatter
from natosite.memo import per_posting
from natosite.models import Posting
from natosite.site import aware, deadline_instant, deadline_stamp, is_compared, posting_url, zone

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Labels for keys whose plain capitalised form reads badly.
LABELS: Mapping[str, str] = {
    "contract_years": "Contract (years)",
    "experience_years": "Experience (years)",
    "posts": "Posts",
    "sha256": "SHA-256",
}
SOON_DAYS = 7  # "soon" styling below this many days left
MISSING = "—"


def label(key: str) -> str:
    """A front-matter key as a table label: ``experience_years`` -> ``Experience (years)``."""
    if key in LABELS:
        return LABELS[key]
    text = key.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else key


def format_number(value: int | float) -> str:
    """``10742.69`` -> ``10,742.69``; whole numbers keep no decimals."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def format_date(value: dt.date | dt.datetime | None, zone_label: str | None = None) -> str:
    """``14 Dec 2025`` or ``14 Dec 2025, 23:59 Europe/Brussels`` (time as written, in its own zone)."""
    if value is None:
        return MISSING
    text = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if isinstance(value, dt.datetime):
        text += f", {value.hour:02d}:{value.minute:02d}"
        if zone_label:
            text += f" {zone_label}"
        elif value.tzinfo is not None:
            text += " " + offset_label(value)
    return text


def offset_label(value: dt.datetime) -> str:
    """``UTC+01:00`` for an aware datetime."""
    offset = value.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def iso(value: dt.date | dt.datetime | None) -> str:
    """ISO 8601 for ``<time datetime>`` and data attributes (seconds precision)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def format_value(value: Any) -> str:
    """Any front-matter or tracker value as one line of text (escaped later by the template)."""
    if type(value) is str:  # the common case, first: the Mapping check below is slow
        return value or MISSING
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value) or MISSING
    if isinstance(value, Mapping):
        return "; ".join(f"{label(str(k))}: {format_value(v)}" for k, v in value.items()) or MISSING
    return str(value)


def time_left(deadline: dt.datetime | None, now: dt.datetime) -> str:
    """"closed", "less than an hour left", "5 hours left", "3 days left" (days rounded down)."""
    return left_text(None if deadline is None else (deadline - now).total_seconds())


def left_text(seconds: float | None) -> str:
    """``time_left`` from the seconds until the deadline (None: no deadline)."""
    if seconds is None:
        return "no deadline"
    if seconds <= 0:
        return "closed"
    hours = seconds / 3600
    if hours < 1:
        return "less than an hour left"
    if hours < 24:
        n = int(hours)
        return f"{n} hour{'s' if n != 1 else ''} left"
    days = int(hours // 24)
    return f"{days} day{'s' if days != 1 else ''} left"


def urgency_of(seconds: float | None) -> str:
    """CSS class for the time-left text from the seconds until the deadline (None: no deadline):
    ``none``, ``closed``, ``soon`` or ``open``."""
    if seconds is None:
        return "none"
    if seconds <= 0:
        return "closed"
    return "soon" if seconds < SOON_DAYS * 86400 else "open"


def day_start(now: dt.datetime) -> dt.datetime:
    """Midnight UTC of ``now``'s date: what posting pages use, so they change once a day only."""
    return dt.datetime.combine(now.astimezone(dt.timezone.utc).date(), dt.time(0), tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    text: str
    iso: str = ""  # set for dates: rendered as <time datetime>


def deadline_text(posting: Posting) -> str:
    """The deadline as written, with the zone it is in."""
    deadline = posting.deadline
    if isinstance(deadline, dt.datetime) and posting.timezone:
        # Shown in the posting's named zone, whatever offset it was written with.
        tz = zone(posting.timezone)
        return format_date(aware(deadline, tz).astimezone(tz), posting.timezone)
    return format_date(deadline)


def facts(posting: Posting) -> list[Fact]:
    """Every front-matter key, the person's own ones included, in file order."""
    rows: list[Fact] = []
    for key in frontmatter.ordered_keys(posting.meta):
        value = posting.meta[key]
        if key == "deadline" and value is not None:
            rows.append(Fact(key, label(key), deadline_text(posting), iso(value)))
        elif isinstance(value, (dt.date, dt.datetime)):
            rows.append(Fact(key, label(key), format_value(value), iso(value)))
        else:
            rows.append(Fact(key, label(key), format_value(value)))
    return rows


@dataclass(frozen=True)
class Card:
    """What the index, board and compare pages show of one posting."""

    id: str
    url: str  # relative to the site root
    title: str
    organisation: str
    location: str
    grade: str
    status: str
    priority: str
    tags: tuple[str, ...]
    deadline_iso: str  # the closing instant, for the browser's clock
    deadline_text: str
    left: str  # fallback "N days left" / "closed"
    urgency: str
    closed: bool
    compared: bool


def card(posting: Posting, now: dt.datetime, default_zone: str, compare_tag: str) -> Card:
    """The posting's card at ``now``: the same object as last time while nothing on it changed."""
    # Seconds from timestamps: comparing aware datetimes of two zones costs ~1.5 us each (1,000 cards a build).
    stamp = deadline_stamp(posting, default_zone)
    seconds = None if stamp is None else stamp - now.timestamp()
    closed = seconds is not None and seconds <= 0
    return _card(posting, default_zone, compare_tag, left_text(seconds), urgency_of(seconds), closed)


@per_posting
def _card(posting: Posting, default_zone: str, compare_tag: str, left: str, urgency_: str, closed: bool) -> Card:
    instant = deadline_instant(posting, default_zone)
    entry = posting.entry
    return Card(
        id=posting.id,
        url=posting_url(posting.id),
        title=str(posting.title or posting.id),
        organisation=_text(posting.get("organisation")),
        location=_text(posting.get("location")),
        grade=_text(posting.get("grade")),
        status=posting.status,
        priority=(entry.priority or "") if entry else "",
        tags=tuple(entry.tags) if entry else (),
        deadline_iso=iso(instant),
        deadline_text=deadline_text(posting) if posting.deadline is not None else "no deadline",
        left=left,
        urgency=urgency_,
        closed=closed,
        compared=is_compared(posting, compare_tag),
    )


def _text(value: Any) -> str:
    return "" if value is None else format_value(value)


# --- search -----------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Accents and case forgiven: NFD, combining marks dropped, lowercase (site.js does the same)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


# Punctuation that ends or starts a word in running text (none of it is a letter or digit).
_EDGES = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"

# UTF-8 bytes -> the same with every ASCII character that is not a letter or digit made a space
# and ASCII capitals lowered; the bytes of other characters (>= 0x80) are left as they are.
_ASCII_WORDS = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c >= 128 else 32 for c in range(256)
)


def words(text: str) -> list[str]:
    """The distinct normalised words of ``text`` (runs of letters and digits), in first-seen order.

    Works on the distinct tokens of the NFC text's UTF-8 bytes, where every ASCII character that
    is not a letter or digit became a space and ASCII capitals were lowered (one ``translate``):
    an ASCII token is then a finished word; only tokens with other characters (accents, curly
    quotes, non-breaking spaces) are normalised or go through the regex, each distinct one once.
    (Much faster than one ``findall`` over the whole text; tests/test_render.py compares them.)"""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    data = text.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS)
    if data.isascii():
        return list(dict.fromkeys(data.decode("ascii").split()))
    out: dict[str, None] = {}
    for token in dict.fromkeys(data.split()):
        if token.isascii():
            out[token.decode("ascii")] = None
            continue
        piece = token.decode("utf-8", "surrogatepass")
        inner = piece.strip(_EDGES)
        for word in (inner,) if inner.isalnum() else _WORD_RE.findall(piece):
            norm = normalise(word)
            if norm.isalnum():
                out[norm] = None
            else:  # normalising can split a word (e.g. a ligature or a mark-only character)
                out.update(dict.fromkeys(_WORD_RE.findall(norm)))
    return list(out)


def searchable_text(posting: Posting) -> str:
    """Title, every fact, the body, and the tracker entry's notes, tags and items."""
    parts: list[str] = [posting.id]
    for key, value in posting.meta.items():
        if key != "source":
            parts.append(format_value(value))
    parts.append(posting.body)
    entry = posting.entry
    if entry is not None:
        parts.extend([entry.status, entry.priority or "", entry.notes or "", " ".join(entry.tags)])
        parts.extend(h.note or "" for h in entry.history)
        parts.extend(r.note or "" for r in entry.reminders)
        parts.extend(" ".join(filter(None, (e.title, e.location, e.note))) for e in entry.events)
    return "\n".join(parts)


def compare_fields(posting: Posting) -> list[tuple[str, str]]:
    """The rows of compare.html for one posting: (label, text)."""
    salary = posting.get("salary")
    salary_text = MISSING
    if isinstance(salary, (int, float)) and not isinstance(salary, bool):
        salary_text = format_number(salary) + (f" {posting.get('currency')}" if posting.get("currency") else "")
    contract = _text(posting.get("contract"))
    years = posting.get("contract_years")
    if years not in (None, ""):
        contract = f"{contract}, {format_value(years)} years" if contract else f"{format_value(years)} years"
    experience = posting.get("experience_years", posting.get("experience"))
    experience_text = _text(experience)
    if isinstance(experience, (int, float)) and not isinstance(experience, bool):
        experience_text = f"{format_value(experience)} years"
    return [
        ("Status", posting.status),
        ("Organisation", _text(posting.get("organisation")) or MISSING),
        ("Location", _text(posting.get("location")) or MISSING),
        ("Grade", _text(posting.get("grade")) or MISSING),
        ("Salary", salary_text),
        ("Deadline", deadline_text(posting) if posting.deadline is not None else MISSING),
        ("Languages", _text(posting.get("languages")) or MISSING),
        ("Contract", contract or MISSING),
        ("Clearance", _text(posting.get("clearance")) or MISSING),
        ("Experience", experience_text or MISSING),
    ]


COMPARE_LABELS: tuple[str, ...] = tuple(label for label, _ in compare_fields(Posting("x", {}, "")))


def search_record(posting: Posting) -> dict[str, Any]:
    """One posting's entry in search-data.js. Independent of 'now' and of other postings."""
    return {
        "id": posting.id,
        "t": str(posting.title or posting.id),
        "u": posting_url(posting.id),
        "w": " " + " ".join(words(searchable_text(posting))),
        "c": [text for _, text in compare_fields(posting)],
    }


def search_record_json(posting: Posting) -> str:
    """``search_record`` as script-safe JSON text (cacheable per posting)."""
    return json_for_script(search_record(posting))


def search_data_js(record_jsons: Iterable[str]) -> bytes:
    """search-data.js: sets ``window.NATOSITE_DATA`` so pages can search from file:// without fetch()."""
    labels = json_for_script(list(COMPARE_LABELS))
    body = ",\n".join(record_jsons)
    return f'window.NATOSITE_DATA = {{"labels": {labels}, "postings": [\n{body}\n]}};\n'.encode("utf-8")


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def json_for_script(value: Any) -> str:
    """JSON that is safe inside ``<script>`` and JS files: no text can close the script."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_ESCAPE_RE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)
