"""The only code that writes the output directory.

``write_site(outputs, out_dir, previous)`` puts a whole site in place atomically:

1. Every output path is checked first (``check_outputs``): no duplicates (also not
   ones that differ only by case), nothing absolute, no ``..``, backslashes, NUL or
   control characters, no file that is also a folder.
2. A fresh sibling folder ``.<name>.natosite-new-<pid>-<random>`` is filled: files
   whose bytes did not change since the previous build (``previous`` manifest, checked
   against the file's size, mtime and inode) are hard-linked from the current site,
   the others are written. Nothing in the live site is touched.
3. The new folder is swapped in: one ``renameat2(RENAME_EXCHANGE)`` on Linux, else
   two renames. The old tree (and with it every stale file) is then deleted.

A failure before the swap removes the new folder and leaves the previous site whole.
Output is reproducible: folders and files are created in sorted order and nothing
here looks at the clock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from natosite.errors import BuildError
from natosite.models import Output

NEW_TAG = ".natosite-new-"
OLD_TAG = ".natosite-old-"


@dataclass(frozen=True)
class FileRecord:
    """What ``write_site`` put at one path: its bytes and the file's identity afterwards."""

    data: bytes
    size: int
    mtime_ns: int
    ino: int


Manifest = Mapping[str, FileRecord]


@dataclass(frozen=True)
class WriteReport:
    """Paths written (new or changed), how many were kept as they were, and paths removed."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]
    manifest: Mapping[str, FileRecord]

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


def check_outputs(outputs: Iterable[Output]) -> dict[str, bytes]:
    """Map of path -> bytes, sorted by path; refuses bad paths, duplicates and file/folder clashes."""
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


def write_site(
    outputs: Iterable[Output],
    out_dir: Path,
    previous: Manifest | None = None,
    *,
    wait: bool = True,
) -> WriteReport:
    """Write the whole site to ``out_dir`` atomically; see the module docstring.

    ``wait=False``: return once the new site is in place; the old copy is deleted by a
    background (non-daemon) thread, which ``finish_cleanup()`` and interpreter exit wait for.
    """
    files = check_outputs(outputs)
    out_dir = Path(os.path.abspath(out_dir))
    if out_dir.exists() and (out_dir.is_symlink() or not out_dir.is_dir()):
        raise BuildError(f"{out_dir}: exists and is not a folder; refusing to replace it")
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(parent, out_dir.name)
    current = _list_files(out_dir) if out_dir.is_dir() else set()
    new_dir = parent / f".{out_dir.name}{NEW_TAG}{os.getpid()}-{secrets.token_hex(4)}"
    os.mkdir(new_dir)
    try:
        if out_dir.is_dir():
            os.chmod(new_dir, out_dir.stat().st_mode & 0o7777)
        written, manifest = _fill(new_dir, out_dir, files, previous or {}, current)
        old = _swap(new_dir, out_dir)
    except BaseException:
        shutil.rmtree(new_dir, ignore_errors=True)
        raise
    if old is not None:
        if wait:
            shutil.rmtree(old, ignore_errors=True)
        else:
            thread = threading.Thread(target=shutil.rmtree, args=(old, True), name="natosite-cleanup")
            thread.start()
            _CLEANUPS.append(thread)
    removed = tuple(sorted(current - files.keys()))
    return WriteReport(tuple(written), len(files) - len(written), removed, manifest)


_CLEANUPS: list[threading.Thread] = []


def finish_cleanup() -> None:
    """Wait until the old copies of sites written with ``wait=False`` are deleted."""
    while _CLEANUPS:
        _CLEANUPS.pop().join()


def _fill(
    new_dir: Path,
    out_dir: Path,
    files: Mapping[str, bytes],
    previous: Manifest,
    current: set[str],
) -> tuple[list[str], dict[str, FileRecord]]:
    """Put every file into ``new_dir``: link the unchanged ones, write the rest."""
    written: list[str] = []
    manifest: dict[str, FileRecord] = {}
    made: set[str] = set()
    new_s, out_s = str(new_dir), str(out_dir)
    for path, data in files.items():
        folder = path.rpartition("/")[0]
        if folder and folder not in made:
            os.makedirs(os.path.join(new_s, folder), exist_ok=True)
            made.add(folder)
        target = os.path.join(new_s, path)
        record = previous.get(path)
        if record is not None and path in current and (record.data is data or record.data == data):
            source = os.path.join(out_s, path)
            st = os.stat(source, follow_symlinks=False)
            if (st.st_size, st.st_mtime_ns, st.st_ino) == (record.size, record.mtime_ns, record.ino):
                if _link(source, target, data):
                    manifest[path] = record
                    continue
        _write(target, data)
        st = os.stat(target)
        manifest[path] = FileRecord(data, st.st_size, st.st_mtime_ns, st.st_ino)
        written.append(path)
    return written, manifest


def _link(source: str, target: str, data: bytes) -> bool:
    """Hard-link an unchanged file; False where the file system cannot (then it is written)."""
    try:
        os.link(source, target, follow_symlinks=False)
        return True
    except OSError as exc:
        if exc.errno in (errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            return False
        raise


def _write(target: str, data: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _list_files(root: Path) -> set[str]:
    """Every file under ``root`` as a relative POSIX path (symlinks count as files)."""
    found: set[str] = set()
    stack = [("", str(root))]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((rel + "/", entry.path))
                else:
                    found.add(rel)
    return found


def _swap(new_dir: Path, out_dir: Path) -> Path | None:
    """Put ``new_dir`` at ``out_dir``; return where the old site now is (to delete), if any."""
    if not out_dir.exists():
        os.rename(new_dir, out_dir)
        return None
    if _exchange(new_dir, out_dir):
        return new_dir  # the two names swapped: new_dir now holds the old site
    old = out_dir.parent / f".{out_dir.name}{OLD_TAG}{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(out_dir, old)
    try:
        os.rename(new_dir, out_dir)
    except BaseException:
        os.rename(old, out_dir)
        raise
    return old


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2 = None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2``); False where unsupported."""
    global _renameat2
    if _renameat2 is None:
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            _renameat2 = libc.renameat2
            _renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        except (OSError, AttributeError):
            _renameat2 = False
    if not _renameat2:
        return False
    rc = _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


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
