"""tracker.yaml: where each application stands. ``load_tracker``/``parse_tracker`` and ``merge``.

The file is a mapping of posting id -> entry (DESIGN.md "tracker.yaml")::

    250875-head-of-policy:
      status: applied              # one of models.STATUSES
      priority: high               # one of models.PRIORITIES
      tags: [policy, brussels]     # a list of words (a single word is accepted)
      notes: |                     # Markdown
        Essay attached.
      history:                     # each item needs date + status; note is optional
        - {date: 2025-06-01, status: interested}
      reminders:                   # each item needs a date; note is optional
        - {date: 2025-07-01, note: Check Taleo}
      events:                      # each item needs date + title; location, note optional
        - {date: 2025-07-10T10:00, title: Written test, location: NATO HQ}

Reading never raises for a mistake in the file: every mistake is a ``Problem``
(``tracker.yaml:LINE: message``) in ``Tracker.problems``, all of them at once, and
everything that can be used is still loaded (a bad item is skipped, the rest kept).
Line numbers come from the YAML node tree (``yaml.compose``), so they point at the
exact key or item. Unknown keys are warnings (with a did-you-mean) and are kept in
``TrackerEntry.extra``.

Dates: see ``natosite.tracker_values``. Naive datetimes (``2025-07-10T10:00``) are
wall-clock times in the posting's zone (its ``timezone:``, else ``config.timezone``)
and stay naive in the model. History dates are days.

The effective status of an entry is its ``status:`` when present and valid, else the
status of its latest history item (by date; for items on the same day the later one
in the file wins), else ``"new"``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

from natosite.models import Posting, Problem, Tracker
from natosite.suggest import did_you_mean, suggest
from natosite.tracker_parse import effective_status, parse_tracker

__all__ = [
    "effective_status",
    "load_tracker",
    "merge",
    "orphan_problems",
    "parse_tracker",
    "suggest",
]


def load_tracker(path: Path, display_path: str = "tracker.yaml") -> Tracker:
    """Read and validate tracker.yaml at ``path``. A missing file is an empty tracker.

    Never raises for mistakes in the file; an unreadable file (not UTF-8, permissions)
    is reported as a Problem too.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Tracker(entries={}, problems=(), path=display_path)
    except OSError as exc:
        problem = Problem(display_path, None, f"cannot read: {exc.strerror or exc}")
        return Tracker(entries={}, problems=(problem,), path=display_path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = Problem(display_path, line, f"not UTF-8 text ({exc.reason} at byte {exc.start}): save it as UTF-8")
        return Tracker(entries={}, problems=(problem,), path=display_path)
    return parse_tracker(text, display_path)


def orphan_problems(posting_ids: Iterable[str], tracker: Tracker) -> list[Problem]:
    """An error for every tracker id with no posting, at the id's line, with a did-you-mean."""
    known_set = set(posting_ids)
    known = sorted(known_set)
    problems: list[Problem] = []
    for entry_id, entry in tracker.entries.items():
        if entry_id in known_set:
            continue
        hint = did_you_mean(entry_id, known, listing=False) or f" (there is no postings/{entry_id}.md)"
        problems.append(Problem(tracker.path, entry.line, f"no posting with id {entry_id!r}{hint}"))
    return problems


def merge(postings: Sequence[Posting], tracker: Tracker) -> tuple[list[Posting], list[Problem]]:
    """Postings with their tracker entry attached (``.entry``; None when untracked, i.e. "new").

    Pure. Also returns a Problem (level "error") for each tracker id with no posting;
    the caller decides how serious that is (``check``: an error; ``build``: a warning,
    via ``dataclasses.replace(problem, level="warning")``).
    """
    merged = [replace(p, entry=tracker.entries[p.id]) if p.id in tracker.entries else p for p in postings]
    return merged, orphan_problems((p.id for p in postings), tracker)
