"""Month grids and the agenda of calendar.html, from ``site.calendar_items``. Pure.

Weeks start on Monday. The months run from the earliest item (or today) to the latest
(or today); when that span is longer than ``MAX_SPAN_MONTHS`` only months that have
items, plus today's, are kept so a stray far-off date cannot make thousands of grids.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Iterable, Sequence

from natosite.render_data import MONTH_NAMES, MONTHS
from natosite.site import CalendarItem

MAX_SPAN_MONTHS = 36
_CAL = calendar.Calendar(firstweekday=calendar.MONDAY)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Day:
    date: dt.date
    in_month: bool
    today: bool
    items: tuple[CalendarItem, ...] = ()

    @property
    def iso(self) -> str:
        return self.date.isoformat()

    @property
    def label(self) -> str:
        """``Monday 14 December 2025``: the cell's name for screen readers."""
        return f"{WEEKDAY_NAMES[self.date.weekday()]} {self.date.day} {MONTH_NAMES[self.date.month - 1]} {self.date.year}"


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: tuple[tuple[Day, ...], ...]

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def name(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def count(self) -> int:
        return sum(len(d.items) for w in self.weeks for d in w if d.in_month)


def month_span(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every (year, month) from ``first`` to ``last`` inclusive."""
    months: list[tuple[int, int]] = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_grid(year: int, month: int, by_day: dict[dt.date, tuple[CalendarItem, ...]], today: dt.date) -> Month:
    weeks = tuple(
        tuple(Day(d, d.month == month, d == today, by_day.get(d, ()) if d.month == month else ()) for d in week)
        for week in _CAL.monthdatescalendar(year, month)
    )
    return Month(year, month, weeks)


def build_months(items: Sequence[CalendarItem], today: dt.date) -> list[Month]:
    """The month grids to show: see the module docstring for which months."""
    by_day = {day: tuple(group) for day, group in groupby(sorted(items, key=_day_key), key=lambda i: i.day)}
    wanted = {(d.year, d.month) for d in by_day} | {(today.year, today.month)}
    span = month_span(min(wanted), max(wanted))
    if len(span) > MAX_SPAN_MONTHS:
        span = sorted(wanted)
    return [month_grid(y, m, by_day, today) for y, m in span]


def _day_key(item: CalendarItem) -> tuple:
    return (item.day, not item.all_day, item.stamp, item.kind, item.posting_id)


def agenda(items: Iterable[CalendarItem]) -> list[tuple[dt.date, list[CalendarItem]]]:
    """Items grouped by day, in time order."""
    ordered = sorted(items, key=_day_key)
    return [(day, list(group)) for day, group in groupby(ordered, key=lambda i: i.day)]


def day_heading(day: dt.date) -> str:
    """``Mon 14 Dec 2025``."""
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def item_time(item: CalendarItem) -> str:
    """``23:59`` for timed items (in their own zone), empty for all-day ones."""
    return "" if item.all_day else f"{item.at.hour:02d}:{item.at.minute:02d}"
