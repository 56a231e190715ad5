"""Typed, frozen records passed between the steps. No I/O here.

Data flow: raw text -> ``parse_posting`` -> ``Posting`` -> ``postings/<id>.md``;
then ``load_postings`` + ``load_tracker`` -> ``merge`` -> ``build_site`` -> ``Site``
-> ``render_html`` / ``render_ics`` -> ``list[Output]`` -> ``writer.write_all``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

# Front-matter keys of a posting, in the order the importer writes them (DESIGN.md).
FACT_KEYS: tuple[str, ...] = (
    "title",
    "reference",
    "organisation",
    "location",
    "grade",
    "salary",
    "currency",
    "schedule",
    "posts",
    "deadline",
    "timezone",
)
# Extra facts the importer writes when the text has them, after FACT_KEYS.
EXTRA_KEYS: tuple[str, ...] = (
    "division",
    "contract",
    "contract_years",
    "languages",
    "clearance",
    "experience_years",
)
# Always last.
SOURCE_KEY = "source"
KEY_ORDER: tuple[str, ...] = FACT_KEYS + EXTRA_KEYS + (SOURCE_KEY,)

STATUSES: tuple[str, ...] = (
    "interested",
    "preparing",
    "applied",
    "interview",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
)
# Status of a posting with no tracker entry.
NEW_STATUS = "new"
# Statuses whose postings drop out of the ICS feed.
CLOSED_STATUSES: frozenset[str] = frozenset({"rejected", "withdrawn"})
PRIORITIES: tuple[str, ...] = ("low", "normal", "high")

DateLike = "dt.date | dt.datetime"


@dataclass(frozen=True)
class Problem:
    """One mistake or warning in a file the person wrote: ``path:line: message``."""

    path: str
    line: int | None
    message: str
    level: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class HistoryItem:
    date: dt.date
    status: str
    note: str | None = None


@dataclass(frozen=True)
class Reminder:
    date: dt.date | dt.datetime
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Event:
    date: dt.date | dt.datetime
    title: str
    location: str | None = None
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class TrackerEntry:
    id: str
    status: str  # effective status: `status:` or the latest history entry's, else NEW_STATUS
    priority: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None  # Markdown
    history: tuple[HistoryItem, ...] = ()  # oldest first
    reminders: tuple[Reminder, ...] = ()
    events: tuple[Event, ...] = ()
    line: int | None = None  # line of the id key in tracker.yaml
    extra: Mapping[str, Any] = field(default_factory=dict)  # keys we do not know, kept


@dataclass(frozen=True)
class Tracker:
    entries: Mapping[str, TrackerEntry]
    problems: tuple[Problem, ...] = ()
    path: str = "tracker.yaml"

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "error")


@dataclass(frozen=True)
class Posting:
    """One vacancy: its front matter (all keys, in file order) and Markdown body."""

    id: str
    meta: Mapping[str, Any]
    body: str
    path: str | None = None  # relative to the workspace, e.g. "postings/<id>.md"
    entry: TrackerEntry | None = None  # set by tracker.merge

    def get(self, key: str, default: Any = None) -> Any:
        return self.meta.get(key, default)

    @property
    def title(self) -> str | None:
        return self.meta.get("title")

    @property
    def deadline(self) -> dt.date | dt.datetime | None:
        value = self.meta.get("deadline")
        return value if isinstance(value, (dt.date, dt.datetime)) else None

    @property
    def timezone(self) -> str | None:
        return self.meta.get("timezone")

    @property
    def status(self) -> str:
        return self.entry.status if self.entry else NEW_STATUS


@dataclass(frozen=True)
class Site:
    """Everything the renderers need, gathered before anything is written."""

    postings: tuple[Posting, ...]  # merged and sorted (site.build_site)
    now: dt.datetime  # aware, UTC; from SOURCE_DATE_EPOCH when set
    config: Any  # natosite.config.Config
    problems: tuple[Problem, ...] = ()  # warnings carried to the pages (orphan ids, ...)


@dataclass(frozen=True)
class Output:
    """One file of the built site, relative to the output directory (POSIX path)."""

    path: str
    data: bytes
