"""The only code that writes the output directory (render workers write into a ``Stage`` beside it).

``write_site(outputs, out_dir, previous, spare_dir=...)`` puts a whole site in place atomically:

1. Every output path is checked first (``check_outputs``): no duplicates (also not
   ones that differ only by case), nothing absolute, no ``..``, backslashes, NUL or
   control characters, no file that is also a folder.
2. The new site is made complete aside, never in the live folder:
   - with a *spare* tree (the site before last, kept in ``spare_dir`` by the previous
     build, e.g. under ``.natosite-cache/``): only the files that differ from it are
     replaced (``writer_fs.update_tree``), so a one-posting edit touches a few files;
   - else a fresh sibling folder ``.<name>.natosite-new-<pid>-<random>`` is filled:
     files whose bytes did not change (``previous`` manifest, checked against size,
     mtime and inode) are hard-linked from the current site, the others written.
     That folder may have been opened earlier as a ``Stage``, and partly filled by
     render workers (``build_pages``): their files are kept when their bytes are the
     outputs', and staged files that are not outputs are deleted.
3. The new tree is swapped in: one ``renameat2(RENAME_EXCHANGE)`` on Linux, else
   renames. The old site becomes the spare for next time (or is deleted).

A failure before the swap leaves the previous site whole (a half-updated spare is
deleted). Output is reproducible: paths are handled in sorted order and nothing
here looks at the clock. Unchanged files are never rewritten.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

from natosite import writer_fs as fs
from natosite.errors import BuildError, OutDirRefused
from natosite.models import Output
from natosite.writer_fs import FileRecord, Manifest

__all__ = [
    "FileRecord",
    "Manifest",
    "SiteRecord",
    "Stage",
    "WriteReport",
    "check_outputs",
    "check_path",
    "finish_cleanup",
    "write_site",
]

NEW_TAG = ".natosite-new-"
OLD_TAG = fs.OLD_TAG


@dataclass(frozen=True)
class SiteRecord:
    """What a build left on disk: the live site's manifest and the spare tree's (None: no spare)."""

    live: Manifest
    spare: Manifest | None = None


@dataclass(frozen=True)
class WriteReport:
    """Paths new or changed on the site, how many stayed as they were, and paths removed."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]
    manifest: Mapping[str, FileRecord]
    spare: Mapping[str, FileRecord] | None = None  # of the tree left in spare_dir, if any

    @property
    def record(self) -> SiteRecord:
        """What to pass as ``previous`` to the next ``write_site``."""
        return SiteRecord(self.manifest, self.spare)

    @property
    def total(self) -> int:
        return len(self.written) + self.unchanged


# Fast path: segments of ordinary characters (no control chars, backslash, colon), no empty segment.
_SAFE_PATH = re.compile(r"[^/\\\x00-\x1f\x7f:]+(?:/[^/\\\x00-\x1f\x7f:]+)*")
_BAD_CHAR = re.compile(r"[\\\x00-\x1f\x7f]")


def check_path(path: str) -> str:
    """Return ``path`` if it is a safe relative POSIX path inside the output folder, else raise."""
    if not isinstance(path, str) or not path:
        raise BuildError(f"output path {path!r} is empty")
    if _SAFE_PATH.fullmatch(path) and "/./" not in f"/{path}/" and "/../" not in f"/{path}/":
        return path
    bad = _BAD_CHAR.search(path)
    if bad is not None:
        raise BuildError(f"output path {path!r} contains {bad.group(0)!r}: refused")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        raise BuildError(f"output path {path!r} is absolute: refused")
    for part in path.split("/"):
        if part in ("", ".", ".."):
            raise BuildError(f"output path {path!r} escapes or is not normal (segment {part!r}): refused")
    raise BuildError(f"output path {path!r} is not a plain relative path: refused")  # pragma: no cover


def check_outputs(outputs: Iterable[Output], checked: Mapping[str, object] | None = None) -> dict[str, bytes]:
    """Map of path -> bytes, sorted by path; refuses bad paths, duplicates and file/folder clashes.

    ``checked``: a map whose keys passed these checks before (the previous build's manifest);
    the same set of paths again is not checked again (a rebuild usually has exactly the same)."""
    outputs = list(outputs)
    if checked is not None and len(outputs) == len(checked):
        same = {output.path: output.data for output in outputs}
        if len(same) == len(outputs) and same.keys() == checked.keys() and all(type(d) is bytes for d in same.values()):
            return dict(sorted(same.items()))
    files: dict[str, bytes] = {}
    folded: dict[str, str] = {}
    for output in outputs:
        path = check_path(output.path)
        if not isinstance(output.data, bytes):
            raise BuildError(f"output {path!r}: data must be bytes, got {type(output.data).__name__}")
        key = path.casefold()
        if key in folded:
            other = folded[key]
            same = "twice" if other == path else f"and {other!r} (same name ignoring case)"
            raise BuildError(f"two outputs would be written to {path!r} {same}: refused")
        folded[key] = path
        files[path] = output.data
    folders = {p.rsplit("/", 1)[0].casefold() for p in files if "/" in p}
    for path in files:
        parts = path.split("/")
        for i in range(1, len(parts)):
            if "/".join(parts[:i]).casefold() in folded:
                raise BuildError(f"output {'/'.join(parts[:i])!r} is a file and also the folder of {path!r}")
        if path.casefold() in folders:
            raise BuildError(f"output {path!r} is a file and also a folder")
    return dict(sorted(files.items()))


class Stage:
    """The fresh folder ``write_site`` will fill and swap in, opened before the outputs are all
    rendered, so that render workers write their postings' files into it meanwhile (cold builds:
    the files are created on both cores instead of one after the other at the end).

    ``open()`` makes the folder, or returns None when ``write_site`` will bring the spare tree up
    to date instead (a few changed files, written there). Files written into it are registered
    with ``add``; ``write_site(stage=...)`` then takes the folder over: it keeps the staged files
    whose bytes are the outputs', writes the rest, deletes staged files that are not outputs, and
    swaps it in. ``discard()`` deletes a folder ``write_site`` never took (a failed build)."""

    def __init__(self, out_dir: Path, previous: SiteRecord | Manifest | None = None, spare_dir: Path | None = None) -> None:
        self.out_dir = Path(os.path.abspath(out_dir))
        self.record = _site_record(previous)
        self.spare_dir = spare_dir
        self.dir: Path | None = None
        self.records: dict[str, FileRecord] = {}
        self._opened = False

    def open(self) -> Path | None:
        """The folder to write into (made on the first call), or None: see the class docstring."""
        if not self._opened:
            self._opened = True
            if not _spare_usable(self.out_dir, self.spare_dir, self.record):
                self.dir = _new_dir(self.out_dir)
        return self.dir

    def add(self, path: str, data: bytes, stat: tuple[int, int, int]) -> None:
        """``path`` was written into the folder with ``data``; ``stat``: its (size, mtime_ns, inode)."""
        self.records[path] = FileRecord(data, *stat)

    def take(self) -> tuple[Path, dict[str, FileRecord]] | None:
        """For ``write_site``: the folder and its files, which are from now on its to swap in or delete."""
        if self.dir is None:
            return None
        taken, self.dir = self.dir, None
        return taken, self.records

    def discard(self) -> None:
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None


def _site_record(previous: SiteRecord | Manifest | None) -> SiteRecord:
    return previous if isinstance(previous, SiteRecord) else SiteRecord(previous or {}, None)


def _spare_usable(out_dir: Path, spare_dir: Path | None, record: SiteRecord) -> bool:
    return spare_dir is not None and record.spare is not None and spare_dir.is_dir() and out_dir.is_dir()


def _new_dir(out_dir: Path) -> Path:
    """A new empty sibling folder of ``out_dir`` to fill, with ``out_dir``'s permissions."""
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(parent, out_dir.name)
    new_dir = parent / f".{out_dir.name}{NEW_TAG}{os.getpid()}-{secrets.token_hex(4)}"
    os.mkdir(new_dir)
    try:
        if out_dir.is_dir():
            os.chmod(new_dir, out_dir.stat().st_mode & 0o7777)
    except BaseException:
        os.rmdir(new_dir)
        raise
    return new_dir


def write_site(
    outputs: Iterable[Output],
    out_dir: Path,
    previous: SiteRecord | Manifest | None = None,
    *,
    spare_dir: Path | None = None,
    wait: bool = True,
    stage: Stage | None = None,
    may_remove: Callable[[str], bool] | None = None,
) -> WriteReport:
    """Write the whole site to ``out_dir`` atomically; see the module docstring.

    ``spare_dir``: where to keep the previous site for the next build (same file system
    as ``out_dir``; without it the old site is deleted). ``wait=False``: an old site to
    delete is deleted by a background (non-daemon) thread; ``finish_cleanup()`` waits.
    ``stage``: a ``Stage`` of this ``out_dir`` some outputs were already written into; if it
    was opened, its folder is completed and swapped in (the spare tree is not used then).
    ``may_remove(path)``: whether a file in ``out_dir`` that is not an output and was not
    written by the build before (``previous``) may go; if any may not, ``OutDirRefused``
    names it and nothing is written (without it, every such file is removed and reported).
    """
    record = _site_record(previous)
    files = check_outputs(outputs, record.live)
    out_dir = Path(os.path.abspath(out_dir))
    if out_dir.exists() and (out_dir.is_symlink() or not out_dir.is_dir()):
        raise BuildError(f"{out_dir}: exists and is not a folder; refusing to replace it")
    if stage is not None and stage.out_dir != out_dir:
        raise ValueError(f"a stage for {stage.out_dir}, not {out_dir}")
    current = fs.list_files(out_dir) if out_dir.is_dir() else set()
    removed = tuple(sorted(current - files.keys()))
    if may_remove is not None:
        foreign = [path for path in removed if path not in record.live and not may_remove(path)]
        if foreign:
            more = f" and {len(foreign) - 1} more file(s)" if len(foreign) > 1 else ""
            raise OutDirRefused(
                f"{out_dir}: holds {foreign[0]}{more}, which natosite did not write; refusing to replace the "
                "folder (they would be lost). Move them away, or choose another --out (an old natosite site: "
                "delete the folder and build again)"
            )
    staged = stage is not None and stage.dir is not None
    if not staged and _spare_usable(out_dir, spare_dir, record):
        assert spare_dir is not None
        report = _write_via_spare(files, out_dir, spare_dir, record, removed)
        if report is not None:
            return report
    taken = stage.take() if stage is not None else None
    new_dir, ahead = taken if taken is not None else (_new_dir(out_dir), None)
    try:
        written, manifest = fs.fill_tree(new_dir, out_dir, files, record.live, ahead)
        old = fs.swap(new_dir, out_dir)
    except BaseException:
        shutil.rmtree(new_dir, ignore_errors=True)
        raise
    spare = None
    if old is not None:
        if spare_dir is not None and record.live and _keep_as_spare(old, spare_dir):  # a known site only
            spare = record.live
        elif wait:
            shutil.rmtree(old, ignore_errors=True)
        else:
            thread = threading.Thread(target=shutil.rmtree, args=(old, True), name="natosite-cleanup")
            thread.start()
            _CLEANUPS.append(thread)
    return WriteReport(tuple(written), len(files) - len(written), removed, manifest, spare)


def _write_via_spare(
    files: dict[str, bytes], out_dir: Path, spare_dir: Path, record: SiteRecord, removed: tuple[str, ...]
) -> WriteReport | None:
    """Bring the spare tree up to date and exchange it with the live site; None to fall back."""
    assert record.spare is not None
    try:
        manifest = fs.update_tree(spare_dir, files, record.spare)[1]
        if not fs.exchange(spare_dir, out_dir):
            fs.swap_three(spare_dir, out_dir)
    except BuildError:
        raise
    except OSError:
        shutil.rmtree(spare_dir, ignore_errors=True)  # half-updated or unusable: start afresh
        return None
    live = record.live  # "written" means changed on the site (the spare lagged one build behind)
    changed = tuple(p for p, data in files.items() if p not in live or (live[p].data is not data and live[p].data != data))
    return WriteReport(changed, len(files) - len(changed), removed, manifest, record.live)


def _keep_as_spare(old: Path, spare_dir: Path) -> bool:
    """Move the old site to ``spare_dir`` for the next build; False if it cannot go there."""
    try:
        if spare_dir.exists():
            shutil.rmtree(spare_dir)
        spare_dir.parent.mkdir(parents=True, exist_ok=True)
        os.rename(old, spare_dir)
        return True
    except OSError:
        return False


_CLEANUPS: list[threading.Thread] = []


def finish_cleanup() -> None:
    """Wait until the old copies of sites written with ``wait=False`` are deleted."""
    while _CLEANUPS:
        _CLEANUPS.pop().join()


def _remove_abandoned(parent: Path, name: str) -> None:
    """Delete temp folders left by builds that were killed (their process is gone)."""
    for tag in (NEW_TAG, OLD_TAG):
        for path in parent.glob(f".{name}{tag}*"):
            pid_text = path.name[len(f".{name}{tag}") :].split("-", 1)[0]
            if pid_text.isdigit() and not _alive(int(pid_text)):
                shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
