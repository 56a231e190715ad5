"""``natosite check``: validate tracker.yaml and postings/, report every problem, exit 1 on any error.

Output (stdout), one line per problem, files in order (postings/ then tracker.yaml),
lines in order; warnings are labelled::

    postings/250875-head.md:3: warning: no grade: set `grade:` in postings/250875-head.md
    tracker.yaml:7: unknown status 'aplied'; did you mean 'applied'?
    1 error, 1 warning in 2 files

then a summary: ``All good: 5 postings, 3 tracked`` when there is nothing to report,
``No errors, 2 warnings in 1 file; 5 postings, 3 tracked`` when there are only warnings.
An id in tracker.yaml with no posting is an error here (``build`` only warns).
check never writes anything.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import click

from natosite.models import Problem
from natosite.postings import folder_problem, load_postings, posting_files
from natosite.terminal import printable
from natosite.tracker import load_tracker, orphan_problems


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_problem(problem: Problem) -> str:
    """``path:LINE: message``; warnings as ``path:LINE: warning: message``."""
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    label = "warning: " if problem.level == "warning" else ""
    return printable(f"{where}: {label}{problem.message}")


def order(problems: Iterable[Problem], tracker_path: str) -> list[Problem]:
    """Postings' files by path, then tracker.yaml; within a file by line (stable)."""
    return sorted(problems, key=lambda p: (p.path == tracker_path, p.path, p.line or 0))


def summary(problems: Sequence[Problem], postings: int, tracked: int) -> str:
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    files = plural(len({p.path for p in problems}), "file")
    counts = f"{plural(postings, 'posting')}, {tracked} tracked"
    if errors:
        parts = [plural(errors, "error")] + ([plural(warnings, "warning")] if warnings else [])
        return f"{', '.join(parts)} in {files}"
    if warnings:
        return f"No errors, {plural(warnings, 'warning')} in {files}; {counts}"
    return f"All good: {counts}"


def collect(config) -> tuple[list[Problem], int, int]:
    """Every problem in the workspace, the number of readable postings and of tracker entries."""
    problems: list[Problem] = []
    not_a_folder = folder_problem(config.postings_dir)
    if not_a_folder is not None:
        problems.append(not_a_folder)
    elif not config.postings_dir.is_dir():
        problems.append(Problem("postings/", None, "no postings folder: run `natosite init` or `natosite import`", "warning"))
    postings, posting_problems = load_postings(config.postings_dir, config.root)
    problems.extend(posting_problems)
    tracker = load_tracker(config.tracker_path)
    problems.extend(tracker.problems)
    # Broken posting files still count as existing: their ids are not orphans.
    problems.extend(orphan_problems((path.stem for path in posting_files(config.postings_dir)), tracker))
    return order(problems, tracker.path), len(postings), len(tracker.entries)


def run_check(config) -> int:
    """Print every problem and a summary; 1 if any is an error, else 0."""
    problems, postings, tracked = collect(config)
    for problem in problems:
        click.echo(format_problem(problem))
    click.echo(summary(problems, postings, tracked))
    return 1 if any(p.level == "error" for p in problems) else 0
