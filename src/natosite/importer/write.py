"""Putting an imported posting on disk without losing anything.

``import_data(data, name, config, index, force=, dry_run=)`` parses one raw file
and decides, against the postings already in ``postings/`` (a ``PostingIndex``):

- **unchanged**: the same raw text was imported before (same ``source.sha256``)
  and its file is exactly what the import writes: nothing to do;
- **kept**: the same raw text, but its file differs from what the import writes
  (the person edited it, or an older natosite wrote it): never
  overwritten; with ``--force`` it is replaced after the old file is copied to
  ``postings/<id>.md.bak-<UTC timestamp>`` (not a ``.md``, so never read as a posting);
- **matched**: another raw text of the same vacancy (same reference, or same
  title and deadline; e.g. saved from a second board): nothing changes; with
  ``--force`` it replaces the posting (same id, the old file kept as above);
- **imported**: a new posting, written to ``postings/<id>.md``.

Writes are atomic (a temporary file in ``postings/`` then ``os.replace``).
``dry_run`` decides and reports the same way but writes nothing. A write that
fails (disk full, no permission) makes the outcome ``failed``, never a traceback.
Writes are made at once, in this thread: a background writer thread was slower (it needs the GIL
for every step between system calls, so it fell behind while the next file was
parsed and did its work at the end, with the switching on top: 1,000 postings
in 2.1-2.6 s against 1.7-2.0 s written at once, measured alternately).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from natosite import frontmatter
from natosite.config import Config, build_time
from natosite.errors import ParseError
from natosite.importer import ImportRefused, ImportResult, parse_bytes, source_info
from natosite.importer.slug import slugify
from natosite.writer_fs import unlink_if_there, write_new


@dataclass(frozen=True)
class Outcome:
    """What happened to one raw file."""

    name: str  # the raw file as the person named it ("-" for stdin)
    action: str  # imported | replaced | unchanged | kept | matched | refused | failed
    posting_id: str | None = None
    message: str = ""  # the one line to show
    warnings: tuple[str, ...] = ()  # further lines (stderr): decoding notes, dates that are not real, ...
    backup: str | None = None

    @property
    def refused(self) -> bool:
        """True when the file did not make it into postings/ (refused, or its write failed)."""
        return self.action in ("refused", "failed")


def _write(job: Callable[[], None]) -> str | None:
    """Make one disk change; None, or why it could not be made (disk full, no permission)."""
    try:
        job()
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _failed(name: str, posting_id: str, target: str, reason: str) -> Outcome:
    return Outcome(name, "failed", posting_id, f"{name}: failed: could not write {target}: {reason}")


@dataclass
class Existing:
    """A posting already in postings/: what identifies its vacancy."""

    id: str
    path: Path
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    readable: bool = True

    @property
    def sha256(self) -> str | None:
        source = self.meta.get("source")
        return str(source.get("sha256")) if isinstance(source, dict) and source.get("sha256") else None


def _norm(value: Any) -> str | None:
    return " ".join(str(value).split()).casefold() if value not in (None, "") else None


def _vacancy_key(meta: dict[str, Any]) -> tuple[str, str] | None:
    """(title slug, deadline day): how two boards' copies of one vacancy without a reference compare.
    "Head, Policy Unit" due 2026-02-15T23:59+01:00 and "Head Policy Unit" due 2026-02-15 are one vacancy."""
    title, deadline = meta.get("title"), meta.get("deadline")
    if not title or deadline in (None, ""):
        return None
    day = deadline.date() if isinstance(deadline, dt.datetime) else deadline
    slug = slugify(str(title))
    return (slug, day.isoformat() if isinstance(day, dt.date) else str(day)) if slug else None


class PostingIndex:
    """The postings in a folder, indexed by id, raw-text hash, reference and title+deadline."""

    def __init__(self, postings_dir: Path):
        self.dir = postings_dir
        self.by_id: dict[str, Existing] = {}
        self._by_sha: dict[str, str] = {}
        self._by_reference: dict[str, str] = {}
        self._by_title_deadline: dict[tuple[str, str], list[str]] = {}
        self.backups: set[Path] = set()  # backup names this import has handed out (their copies may be pending)
        if postings_dir.is_dir():
            for path in sorted(postings_dir.glob("*.md")):
                if path.is_file() and not path.name.startswith("."):
                    self.add(self._load(path))

    @staticmethod
    def _load(path: Path) -> Existing:
        try:
            text = path.read_text(encoding="utf-8")
            meta, _ = frontmatter.split(text, str(path))
        except (OSError, UnicodeDecodeError, ParseError):
            return Existing(path.stem, path, "", {}, readable=False)
        return Existing(path.stem, path, text, meta)

    def add(self, existing: Existing, key: tuple[str, str] | None | bool = False) -> None:
        """Add (or replace) a posting; the first posting with a given key keeps it. ``key``: its
        ``_vacancy_key`` when the caller has it already (``match`` made it), else worked out here."""
        self.by_id[existing.id] = existing
        meta = existing.meta
        if existing.sha256:
            self._by_sha.setdefault(existing.sha256, existing.id)
        reference = _norm(meta.get("reference"))
        if reference:
            self._by_reference.setdefault(reference, existing.id)
        if key is False:
            key = _vacancy_key(meta)
        if key:
            ids = self._by_title_deadline.setdefault(key, [])
            if existing.id not in ids:
                ids.append(existing.id)

    def match(self, result: ImportResult, key: tuple[str, str] | None | bool = False) -> tuple[Existing, str] | None:
        """The existing posting of the same vacancy, and why it matches; None if it is new. ``key``: the
        posting's ``_vacancy_key`` when the caller has it already."""
        meta = result.posting.meta
        sha = meta["source"].get("sha256")
        if sha and sha in self._by_sha:
            return self.by_id[self._by_sha[sha]], "the same raw text"
        reference = _norm(meta.get("reference"))
        if reference and reference in self._by_reference:
            return self.by_id[self._by_reference[reference]], f"the same reference {meta['reference']}"
        if key is False:
            key = _vacancy_key(meta)
        for posting_id in self._by_title_deadline.get(key, []) if key else []:
            existing = self.by_id[posting_id]
            other_reference = _norm(existing.meta.get("reference"))
            if reference and other_reference and reference != other_reference:
                continue  # two vacancy numbers: two vacancies, whatever their titles
            return existing, "the same title and deadline"
        same_id = self.by_id.get(result.id)
        if same_id is not None and (not same_id.readable or not _different_vacancy(same_id.meta, meta)):
            return same_id, "the same id" if same_id.readable else "the same id; that file cannot be read"
        return None


def _different_vacancy(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Two postings with one id but no reference and deadlines on different days are two vacancies."""
    if _norm(old.get("reference")) or _norm(new.get("reference")):
        return False
    a, b = _vacancy_key(old), _vacancy_key(new)
    return bool(a and b and a != b)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n``) to ``path`` through a temporary file in the same folder.

    The file gets the usual permissions (0666 less the umask, like any file the person saves;
    ``tempfile.mkstemp`` would make it 0600), in as few system calls as a file can be made with."""
    data = text.encode("utf-8")  # first: text that cannot be encoded leaves nothing behind
    target = os.fspath(path)
    folder, name = os.path.split(target)
    while True:
        tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            write_new(tmp, data)
        except FileExistsError:  # pragma: no cover - another name, as mkstemp would
            continue
        except FileNotFoundError:
            if os.path.isdir(folder or "."):
                raise
            # (the folder is made only when missing: asking first cost a system call and an exception a file)
            Path(folder).mkdir(parents=True, exist_ok=True)
            continue
        except BaseException:
            unlink_if_there(tmp)
            raise
        break
    try:
        os.replace(tmp, target)
    except BaseException:
        unlink_if_there(tmp)
        raise


def backup_path(path: Path, taken: set[Path] | None = None) -> Path:
    """``postings/<id>.md.bak-<UTC timestamp>`` (``-2``, ``-3`` ... if taken: on disk or in ``taken``)."""
    stamp = build_time().strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.bak-{stamp}")
    counter = 2
    while candidate.exists() or (taken is not None and candidate in taken):
        candidate = path.with_name(f"{path.name}.bak-{stamp}-{counter}")
        counter += 1
    return candidate


def _rel(config: Config, path: str | Path) -> str:
    """``path`` relative to the workspace, with "/" (as shown to the person); else as it is."""
    root, target = os.fspath(config.root), os.fspath(path)
    if target.startswith(root + os.sep):  # (pathlib's relative_to cost ~10 us a file)
        return target[len(root) + 1 :].replace(os.sep, "/")
    try:
        return Path(target).relative_to(config.root).as_posix()
    except ValueError:
        return target


def _regenerate(data: bytes, source: dict[str, Any], config: Config) -> ImportResult:
    return parse_bytes(data, source, config.timezone)


def _replace_keeping(path: Path, backup: Path, text: str) -> None:
    shutil.copy2(path, backup)
    write_atomic(path, text)


Parsed = tuple[dict[str, Any], "ImportResult | ImportRefused"]


def parse_raw(data: bytes, name: str, config: Config) -> Parsed:
    """A raw file's ``source`` record and its parse, or why it is refused: what ``import_data`` works out before it
    looks at postings/ (nothing it does depends on them, so ``read_ahead`` can do it a few files early)."""
    name = shown_name(name)
    source = source_info(os.path.basename(name) if name != "-" else "-", data, build_time().date())
    try:
        return source, parse_bytes(data, source, config.timezone)
    except ImportRefused as exc:
        return source, exc


def import_data(
    data: bytes, name: str, config: Config, index: PostingIndex, *, force: bool = False, dry_run: bool = False,
    parsed: Parsed | None = None,
) -> Outcome:
    """Import one raw file's bytes into ``config.postings_dir`` (see the module docstring). ``parsed``: their
    ``parse_raw``, when it was worked out ahead."""
    name = shown_name(name)
    source, result = parsed if parsed is not None else parse_raw(data, name, config)
    if isinstance(result, ImportRefused):
        return Outcome(name, "refused", message=f"{name}: refused: {result.message.split(': ', 1)[-1]}")
    key = _vacancy_key(result.posting.meta)  # (made once: the slug costs ~10 us)
    found = index.match(result, key)
    if found is None:
        posting_id = result.id
        # (paths as strings: pathlib cost ~40 us a file here)
        folder = os.fspath(config.postings_dir)
        target = os.path.join(folder, f"{posting_id}.md")
        if posting_id in index.by_id or os.path.exists(target):
            posting_id = f"{posting_id}-{source['sha256'][:8]}"  # another vacancy with the same title
            target = os.path.join(folder, f"{posting_id}.md")
        path = Path(target)
        rel = _rel(config, target)
        text = result.text
        failure = None if dry_run else _write(lambda: write_atomic(path, text))
        index.add(Existing(posting_id, path, result.text, dict(result.posting.meta)), key)
        if failure is not None:
            return _failed(name, posting_id, rel, failure)
        line = f"{name}: {'would import' if dry_run else 'imported'} as {rel}"
        return Outcome(name, "imported", posting_id, with_missing(line, result.missing, rel), result.warnings)
    existing, reason = found
    rel = _rel(config, existing.path)
    if existing.readable and reason == "the same raw text":
        recorded = existing.meta.get("source") if isinstance(existing.meta.get("source"), dict) else {}
        again = _regenerate(data, {**source, **recorded}, config)
        if again.text == existing.text:
            return Outcome(name, "unchanged", existing.id, f"{name}: unchanged ({rel})")
        if not force:
            return Outcome(
                name, "kept", existing.id,
                f"{name}: {rel} was changed since it was imported (by you, or by an older natosite); "
                "kept it (--force replaces it, keeping a copy)",
            )
    elif not force:
        return Outcome(
            name, "matched", existing.id,
            f"{name}: same vacancy as {rel} ({reason}); nothing changed (--force replaces it, keeping a copy)",
        )
    if existing.readable and existing.text == result.text:
        return Outcome(name, "unchanged", existing.id, f"{name}: unchanged ({rel})")
    backup = backup_path(existing.path, index.backups)
    index.backups.add(backup)
    path, text = existing.path, result.text
    failure = None if dry_run else _write(lambda: _replace_keeping(path, backup, text))
    index.add(Existing(existing.id, existing.path, result.text, dict(result.posting.meta)))
    if failure is not None:
        return _failed(name, existing.id, rel, failure)
    line = (
        f"{name}: {'would replace' if dry_run else 'replaced'} {rel} ({reason}); "
        f"the old file {'would be' if dry_run else 'is'} kept as {_rel(config, backup)}"
    )
    return Outcome(name, "replaced", existing.id, with_missing(line, result.missing, rel), result.warnings, _rel(config, backup))


def with_missing(line: str, missing: tuple[str, ...], rel: str) -> str:
    """The file's one line, plus the facts it could not find and where to set them:
    "...; no title, grade found: set `title:`, `grade:` in postings/x.md" (DESIGN.md's wording)."""
    if not missing:
        return line
    return f"{line}; no {', '.join(missing)} found: set {', '.join(f'`{key}:`' for key in missing)} in {rel}"


def shown_name(name: str) -> str:
    """A file name as it can be shown on one line and kept in YAML: bytes that were not UTF-8
    (surrogates from ``os.fsdecode``) become U+FFFD, control characters and line separators
    (a newline) '?'. Everything else is kept (no-break and narrow spaces, joiners, emoji)."""
    if name.isprintable():
        return name
    return "".join(_SHOWN.get(unicodedata.category(c), c) if not c.isprintable() else c for c in name)


# Characters that cannot stay in a one-line name, by Unicode category: surrogates, controls, line/paragraph separators.
_SHOWN = {"Cs": "\ufffd", "Cc": "?", "Zl": "?", "Zp": "?"}


@dataclass(frozen=True)
class Ahead:
    """A raw file read and parsed before its turn (``read_ahead``): its bytes and their ``parse_raw``; or the
    outcome of a file that cannot be read; or the error its parse raised, raised again at its turn."""

    data: bytes | Outcome
    parsed: Parsed | None = None
    error: Exception | None = None


def read_ahead(path: str, config: Config) -> Ahead:
    """What ``import_file`` does first for the raw file at ``path``, before it looks at postings/: read and parse it."""
    data = _read(path)
    if isinstance(data, Outcome):
        return Ahead(data)
    try:
        return Ahead(data, parse_raw(data, path, config))
    except Exception as exc:  # (a bug: raised at the file's turn, after the lines of the files before it)
        return Ahead(data, error=exc)


def _read(name: str) -> bytes | Outcome:
    try:
        with open(name, "rb") as file:
            return file.read()
    except OSError as exc:
        return Outcome(name, "refused", message=f"{name}: refused: {exc.strerror or exc}")


def import_file(
    path: str | os.PathLike[str], config: Config, *, index: PostingIndex | None = None, force: bool = False,
    dry_run: bool = False, ahead: Ahead | None = None,
) -> Outcome:
    """Import the raw posting at ``path`` (see ``import_data``); unreadable files are refused. ``ahead``: its
    ``read_ahead``, when it was read and parsed before its turn."""
    name = os.fspath(path)
    if ahead is not None and ahead.error is not None:
        raise ahead.error
    data = ahead.data if ahead is not None else _read(name)
    if isinstance(data, Outcome):
        return data
    index = index or PostingIndex(config.postings_dir)
    return import_data(data, name, config, index, force=force, dry_run=dry_run, parsed=ahead.parsed if ahead else None)
