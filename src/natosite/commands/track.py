"""``natosite track ID STATUS [--date D] [--note TEXT]``: record a step in tracker.yaml.

Sets the entry's ``status:`` and appends ``{date: D, status: S, note: N}`` to its
``history:``, creating the entry (and tracker.yaml) when missing, and keeping every
other byte of the file (``natosite.trackedit``). The same status again with no note,
when the history already ends with it, changes nothing (and says so). The file is replaced atomically
(written beside it, then ``os.replace``), and not at all if it changed meanwhile.

Exit codes: 2 for wrong usage — an unknown status, a bad ``--date``, or an ID with
no ``postings/<ID>.md`` (each with a did-you-mean); 1 when tracker.yaml cannot be
edited safely (YAML syntax errors, an entry that is not a mapping), naming file:line.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zoneinfo
from pathlib import Path

import click

from natosite.config import build_time
from natosite.errors import TrackerError
from natosite.models import NEW_STATUS, STATUSES
from natosite.postings import ID_RE, posting_files
from natosite.suggest import did_you_mean
from natosite.trackedit import set_status
from natosite.tracker import parse_tracker
from natosite.tracker_values import ValueProblem, parse_when

TRACKER_NAME = "tracker.yaml"


def _bad(message: str, param: str) -> click.BadParameter:
    return click.BadParameter(message, ctx=click.get_current_context(silent=True), param_hint=param)


def check_status(status: str) -> str:
    if status in STATUSES:
        return status
    hint = did_you_mean(status, STATUSES)
    if status == NEW_STATUS:
        hint = "; 'new' means no entry: delete the entry in tracker.yaml instead, or use one of: " + ", ".join(STATUSES)
    raise _bad(f"unknown status {status!r}{hint}", "'STATUS'")


def check_date(value: str | None, timezone: str) -> dt.date:
    """``--date`` as a date; today (in the config's zone, from ``build_time()``) when absent."""
    if value is None:
        return build_time().astimezone(zoneinfo.ZoneInfo(timezone)).date()
    try:
        day = parse_when(value, allow_time=False)
    except ValueProblem as exc:
        raise _bad(str(exc), "'--date'") from None
    assert not isinstance(day, dt.datetime)
    return day


def check_id(posting_id: str, postings_dir: Path) -> str:
    if ID_RE.match(posting_id) and (postings_dir / f"{posting_id}.md").is_file():
        return posting_id
    known = [path.stem for path in posting_files(postings_dir)]
    hint = did_you_mean(posting_id, known, listing=False) or f" (there is no postings/{posting_id}.md)"
    raise _bad(f"no posting with id {posting_id!r}{hint}", "'ID'")


def read_text(path: Path) -> tuple[bytes, str]:
    """The file's bytes and text; a missing file is empty."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return b"", ""
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TrackerError(TRACKER_NAME, line, f"not UTF-8 text ({exc.reason}); save it as UTF-8 first") from None


def write_atomic(path: Path, data: bytes, expected_old: bytes | None) -> None:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``; keep the file's mode.

    Refuses when the file no longer holds ``expected_old`` (edited meanwhile)."""
    current = path.read_bytes() if path.exists() else None
    if current != expected_old:
        raise TrackerError(TRACKER_NAME, None, "changed while natosite was editing it; nothing written, try again")
    mode = path.stat().st_mode & 0o7777 if path.exists() else _new_file_mode()
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)  # mkstemp makes 0600 files
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """What ``open()`` would give a new file: 0666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def run_track(config, posting_id: str, status: str, *, date: str | None, note: str | None) -> int:
    """Set the status of ``posting_id`` and add a history item; print what changed."""
    status = check_status(status)
    day = check_date(date, config.timezone)
    posting_id = check_id(posting_id, config.postings_dir)
    path = config.tracker_path
    if path.is_symlink():  # edit the file the link points to; keep the link
        if not path.exists():
            raise TrackerError(TRACKER_NAME, None, f"a symbolic link to {os.readlink(path)}, which does not exist; "
                               "fix or remove the link (nothing written)")
        path = path.resolve()
    old_bytes, old_text = read_text(path)
    before = parse_tracker(old_text, TRACKER_NAME)
    entry = before.entries.get(posting_id)
    last = entry.history[-1] if entry is not None and entry.history else None
    if note is None and entry is not None and entry.status == status and last is not None and last.status == status:
        # The same step again, with nothing to add: most likely the command was run twice.
        click.echo(f"{TRACKER_NAME}: {posting_id} is already {status} (since {last.date.isoformat()}); nothing written. "
                   "Add --note to record something about it, or edit the date in tracker.yaml.")
        return 0
    new_text = set_status(old_text, posting_id, status, day, note, TRACKER_NAME)
    write_atomic(path, new_text.encode("utf-8"), old_bytes if path.exists() else None)
    previous = before.entries[posting_id].status if posting_id in before.entries else NEW_STATUS
    click.echo(f"{TRACKER_NAME}: {posting_id}: {previous} -> {status} on {day.isoformat()}")
    after = parse_tracker(new_text, TRACKER_NAME)
    if after.errors:
        count = len(after.errors)
        click.echo(f"Note: {TRACKER_NAME} has {count} other error{'s' if count != 1 else ''}; run `natosite check`", err=True)
    return 0
