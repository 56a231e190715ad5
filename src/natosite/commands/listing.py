"""``natosite list [--status S]... [--due DAYS] [--json]``: postings with status and time left.

Order: open deadlines soonest first, then postings with no deadline, then closed ones
(most recently closed first), ties by id (the same order as the site, ``site.sort_key``).
"Today" and "now" come from ``config.build_time()`` (``SOURCE_DATE_EPOCH`` when set);
days left are counted, and deadline times shown (with the zone's abbreviation: CET, EST),
in the posting's own zone (its ``timezone:``, else the config's); ``--json`` gives the deadline as written. ``--due DAYS`` keeps open postings
whose deadline is at most DAYS days away (0: closing today).

When some files have errors, list still shows every posting it could read, prints the
errors to stderr (``path:LINE: message``) and exits 1, so a script notices. Warnings
(and tracker ids with no posting, as in ``build``) are left to ``natosite check``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from typing import Any, Sequence

import click

from natosite.config import build_time
from natosite.models import NEW_STATUS, STATUSES, Posting, Problem
from natosite.postings import load_postings
from natosite.site import deadline_local_date, posting_url, posting_zone, sort_key
from natosite.suggest import did_you_mean
from natosite.terminal import one_line, printable, truncate
from natosite.tracker import load_tracker, merge

LIST_STATUSES: tuple[str, ...] = (NEW_STATUS,) + STATUSES
HEADERS = ("id", "title", "status", "deadline", "left")
MIN_WIDTH = 12


@dataclass(frozen=True)
class Row:
    """One posting as list shows it."""

    id: str
    title: str | None
    status: str
    organisation: str | None
    grade: str | None
    deadline: dt.date | dt.datetime | None
    timezone: str | None
    days_left: int | None  # negative once closed; None without a deadline
    closed: bool
    url: str
    zone: dt.tzinfo | None = None  # the posting's zone, for showing the deadline's time


def check_statuses(statuses: Sequence[str]) -> tuple[str, ...]:
    """The --status values, checked; an unknown one is a usage error (exit 2) with a did-you-mean."""
    for status in statuses:
        if status not in LIST_STATUSES:
            raise click.BadParameter(
                f"unknown status {status!r}{did_you_mean(status, LIST_STATUSES)}",
                ctx=click.get_current_context(silent=True),
                param_hint="'--status'",
            )
    return tuple(statuses)


def make_row(posting: Posting, now: dt.datetime, default_zone: str) -> Row:
    """Days left: the deadline's date minus today's date, both in the posting's zone."""
    local = deadline_local_date(posting, default_zone)
    today = now.astimezone(posting_zone(posting, default_zone)).date()
    group = sort_key(posting, now, default_zone)[0]  # 0 open, 1 no deadline, 2 closed
    meta = posting.meta
    return Row(
        id=posting.id,
        title=None if posting.title is None else str(posting.title),
        status=posting.status,
        organisation=None if meta.get("organisation") is None else str(meta["organisation"]),
        grade=None if meta.get("grade") is None else str(meta["grade"]),
        deadline=posting.deadline,
        timezone=posting.timezone,
        days_left=None if local is None else (local - today).days,
        closed=group == 2,
        url=posting_url(posting.id),
        zone=posting_zone(posting, default_zone),
    )


def select(
    postings: Sequence[Posting], now: dt.datetime, default_zone: str, statuses: Sequence[str], due: int | None
) -> list[Row]:
    """Rows in site order, filtered by status (any of) and by days to an open deadline."""
    ordered = sorted(postings, key=lambda p: sort_key(p, now, default_zone))
    rows = [make_row(p, now, default_zone) for p in ordered]
    if statuses:
        rows = [r for r in rows if r.status in statuses]
    if due is not None:
        rows = [r for r in rows if r.days_left is not None and not r.closed and r.days_left <= due]
    return rows


def show_deadline(value: dt.date | dt.datetime | None, tz: dt.tzinfo | None = None) -> str:
    """``2025-06-18 23:59 CEST`` (wall-clock time in ``tz``, the posting's zone, and the zone's
    abbreviation then) or ``2025-06-18``."""
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        local = value.astimezone(tz) if (tz is not None and value.tzinfo is not None) else value
        zone = local.tzname()
        return local.strftime("%Y-%m-%d %H:%M") + (f" {zone}" if zone else "")
    return value.isoformat()


def show_left(row: Row) -> str:
    if row.days_left is None:
        return "-"
    if row.closed:
        return "closed"
    if row.days_left == 0:
        return "today"
    return f"{row.days_left} day{'' if row.days_left == 1 else 's'}"


def fit(widths: list[int], total: int) -> list[int]:
    """Shrink the title column (index 1), then the id column, until the table fits ``total``."""
    widths = list(widths)
    for index in (1, 0):
        excess = sum(widths) + 2 * (len(widths) - 1) - total
        if excess > 0:
            widths[index] = max(min(widths[index], MIN_WIDTH), widths[index] - excess)
    return widths


def table(rows: Sequence[Row], columns: int) -> list[str]:
    """The lines of a table at most ``columns`` wide (when the narrowest layout allows)."""
    cells = [
        [one_line(r.id), one_line(r.title or "(no title)"), r.status, show_deadline(r.deadline, r.zone), show_left(r)]
        for r in rows
    ]
    natural = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(HEADERS)]
    widths = fit(natural, columns)
    lines = []
    for cell_row in [list(HEADERS)] + cells:
        parts = [truncate(text, width).ljust(width) for text, width in zip(cell_row, widths)]
        lines.append("  ".join(parts).rstrip())
    return lines


def as_record(row: Row) -> dict[str, Any]:
    deadline = row.deadline.isoformat() if row.deadline is not None else None
    return {
        "id": row.id,
        "title": row.title,
        "status": row.status,
        "organisation": row.organisation,
        "grade": row.grade,
        "deadline": deadline,
        "timezone": row.timezone,
        "days_left": row.days_left,
        "closed": row.closed,
        "url": row.url,
    }


def load(config) -> tuple[list[Posting], list[Problem]]:
    """Merged postings and the errors (not warnings) found reading postings/ and tracker.yaml."""
    postings, posting_problems = load_postings(config.postings_dir, config.root)
    tracker = load_tracker(config.tracker_path)
    merged, _orphans = merge(postings, tracker)  # orphans: warnings, as in build
    errors = [p for p in [*posting_problems, *tracker.problems] if p.level == "error"]
    return merged, errors


def run_list(config, *, statuses: tuple[str, ...], due: int | None, as_json: bool) -> int:
    """Print the table (or JSON); 1 when some file has errors (listed on stderr), else 0."""
    wanted = check_statuses(statuses)
    postings, errors = load(config)
    rows = select(postings, build_time(), config.timezone, wanted, due)
    if as_json:
        click.echo(json.dumps([as_record(r) for r in rows], indent=2, ensure_ascii=False))
    elif rows:
        columns = shutil.get_terminal_size((100, 24)).columns
        for line in table(rows, columns):
            click.echo(line)
    else:
        click.echo("No postings match." if (statuses or due is not None) else "No postings yet.")
    for problem in errors:
        click.echo(printable(f"Error: {problem}"), err=True)
    if errors:
        click.echo(f"{len(errors)} error{'s' if len(errors) != 1 else ''}: run `natosite check`", err=True)
    return 1 if errors else 0
