"""``natosite import [--force] [--dry-run] SOURCE...``: raw postings -> postings/<id>.md.

SOURCE is a file, a folder (its regular, non-hidden files, sorted; not recursive)
or ``-`` (text pasted on stdin). One line per file on stdout (what happened and
where), the facts it could not find as warnings, a summary on stderr, a
progress bar on stderr for more than ``PROGRESS_MIN`` files when it is a
terminal. Exit 0 when every file was imported or already there, 1 when any file
was refused (binary, empty, unreadable, missing) or could not be written.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

import click

from natosite.config import CONFIG_FILE, Config
from natosite.importer.write import Ahead, Outcome, PostingIndex, import_data, import_file, read_ahead

log = logging.getLogger("natosite")
PROGRESS_MIN = 20
# Files read and parsed at a time before their turn (see ``_outcomes``)
AHEAD = 32
_LINE = re.compile(r"^line (\d+): (.*)$", re.S)

# action -> how the summary names it
_SUMMARY = (
    ("imported", "imported"),
    ("replaced", "replaced"),
    ("unchanged", "unchanged"),
    ("matched", "already there from another source"),
    ("kept", "kept (changed since imported)"),
    ("refused", "refused"),
    ("failed", "failed (could not write)"),
)

_DRY_LABELS = {"imported": "to import", "replaced": "to replace"}


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        return None


def _inside(path: Path, folder: Path) -> bool:
    real, real_folder = _resolved(path), _resolved(folder)
    return real is not None and real_folder is not None and real.is_relative_to(real_folder)


def expand_sources(
    sources: tuple[str, ...], postings_dir: Path | None = None, own_files: tuple[Path, ...] = ()
) -> Iterator[str | tuple[str, str]]:
    """Each source as a file path, "-" for stdin, or ("refused", reason) for one that cannot be imported.

    ``own_files``: the workspace's tracker.yaml and natosite.yaml, which are not raw postings
    (refused when named, left out of a folder such as the workspace itself)."""
    own = {r for r in map(_resolved, own_files) if r is not None}
    # Only a file of one of these names is resolved and compared (tracker.yaml may be a link to another name).
    own_names = {path.name for path in own} | {Path(path).name for path in own_files}

    def is_own(path: str | Path) -> bool:
        return os.path.basename(path) in own_names and _resolved(Path(path)) in own

    for source in sources:
        if source == "-":
            yield "-"
            continue
        path = Path(source)
        if postings_dir is not None and _inside(path, postings_dir):
            yield ("refused", f"{source}: refused: it is in postings/, which holds imported postings, not raw ones")
        elif is_own(path):
            yield ("refused", f"{source}: refused: it is the workspace's {path.name}, not a raw posting")
        elif path.is_dir():
            try:
                names = _file_names(path)
            except OSError as exc:
                yield ("refused", f"{source}: refused: cannot list this folder: {exc.strerror or exc}")
                continue
            folder = str(path)  # (as pathlib writes it: "raw/" -> "raw", "." -> the names alone)
            files = [name if folder == "." else os.path.join(folder, name) for name in names]
            files = [file for file in files if not is_own(file)]
            if not files:
                log.warning("%s: no files in this folder", source)
            yield from files
        elif path.is_file():
            yield source
        elif path.is_symlink():
            yield ("refused", f"{source}: refused: a symbolic link to nothing (or to itself)")
        elif path.exists():
            yield ("refused", f"{source}: refused: not a regular file")
        else:
            yield ("refused", f"{source}: refused: no such file or folder")


def _file_names(folder: Path) -> list[str]:
    """The names of the regular (or linked-to regular), non-hidden files in ``folder``, sorted.
    (``os.scandir`` knows a file's type from the listing: ``Path.iterdir`` + ``is_file`` asked the
    system once more per file and built two paths, ~30 us a file.)"""
    names = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_file():
                    names.append(entry.name)
            except OSError:  # (as Path.is_file: a file that cannot be looked at is not one)
                continue
    return sorted(names)


def _one(
    item: str | tuple[str, str], config: Config, index: PostingIndex, force: bool, dry_run: bool, ahead: Ahead | None
) -> Outcome:
    if isinstance(item, tuple):
        return Outcome(item[1].split(": ", 1)[0], "refused", message=item[1])
    if item == "-":
        stdin = sys.stdin
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        return import_data(data, "-", config, index, force=force, dry_run=dry_run)
    return import_file(item, config, index=index, force=force, dry_run=dry_run, ahead=ahead)


def _outcomes(
    items: list[str | tuple[str, str]], config: Config, index: PostingIndex, force: bool, dry_run: bool
) -> Iterator[Outcome]:
    """Each item's outcome, in order. The files are read and parsed ``AHEAD`` at a time, then each in turn is checked
    against postings/ and written: a parse looks at no posting, so the outcomes are those of one file after the
    other. (Faster: ~5% on bench/import.py. Parsing runs through a few MB of code and data, which pushes the file
    system's code out of the processor's caches; between two parses every read, check and write then started cold.)"""
    for start in range(0, len(items), AHEAD):
        batch = items[start : start + AHEAD]
        ahead = [read_ahead(item, config) if isinstance(item, str) and item != "-" else None for item in batch]
        for item, early in zip(batch, ahead):
            yield _one(item, config, index, force, dry_run, early)


def _report(outcome: Outcome) -> None:
    if outcome.refused:
        log.error("%s", outcome.message)
        return
    click.echo(outcome.message, color=False)  # plain text: no isatty() per line (0.1 ms each here)
    for warning in outcome.warnings:
        m = _LINE.match(warning)  # "line 12: ..." -> "raw/x.txt:12: ..."
        if m:
            log.warning("%s:%s: %s", outcome.name, m.group(1), m.group(2))
        else:
            log.warning("%s: %s", outcome.name, warning)


def summary_line(counts: Counter[str], dry_run: bool) -> str:
    """ "2 imported, 1 unchanged, 1 refused" (only the non-zero counts)."""
    labels = dict(_SUMMARY, **(_DRY_LABELS if dry_run else {}))
    parts = [f"{counts[action]} {labels[action]}" for action, _ in _SUMMARY if counts[action]]
    text = ", ".join(parts) if parts else "nothing to import"
    return ("Dry run, nothing written: " if dry_run else "") + text + "."


def run_import(config: Config, sources: tuple[str, ...], *, force: bool = False, dry_run: bool = False) -> int:
    """Import every source; return the exit code (0 fine, 1 any file refused or not written)."""
    items = list(expand_sources(sources, config.postings_dir, (config.tracker_path, config.root / CONFIG_FILE)))
    index = PostingIndex(config.postings_dir)
    counts: Counter[str] = Counter()
    show_bar = len(items) > PROGRESS_MIN and sys.stderr.isatty()

    def report(outcome: Outcome) -> None:
        _report(outcome)
        counts[outcome.action] += 1

    outcomes = _outcomes(items, config, index, force, dry_run)
    if show_bar:  # the lines come after the bar, which they would break up
        with click.progressbar(outcomes, length=len(items), label="Importing", file=sys.stderr) as bar:
            done = list(bar)
        for outcome in done:
            report(outcome)
    else:
        for outcome in outcomes:
            report(outcome)
    log.info("%s", summary_line(counts, dry_run))
    return 1 if counts["refused"] or counts["failed"] else 0
