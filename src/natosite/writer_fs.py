"""Low-level file operations of ``writer``: write, link, list, update a spare tree, swap folders.

Nothing here checks output paths: ``writer.write_site`` does that before calling in.
No function writes into an existing file: changed files are new files renamed into
place, so trees that share files by hard links never change each other.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

OLD_TAG = ".natosite-old-"


@dataclass(frozen=True)
class FileRecord:
    """What was written at one path: its bytes and the file's identity afterwards."""

    data: bytes
    size: int
    mtime_ns: int
    ino: int


Manifest = Mapping[str, FileRecord]


def unchanged(path: str, record: FileRecord | None, data: bytes) -> bool:
    """Is the file at ``path`` still exactly what ``record`` says, with these bytes?"""
    if record is None or (record.data is not data and record.data != data):
        return False
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns, st.st_ino) == (record.size, record.mtime_ns, record.ino)


def record_of(path: str, data: bytes) -> FileRecord:
    st = os.stat(path)
    return FileRecord(data, st.st_size, st.st_mtime_ns, st.st_ino)


def fill_tree(
    new_dir: Path,
    out_dir: Path,
    files: Mapping[str, bytes],
    previous: Manifest,
    staged: Mapping[str, FileRecord] | None = None,
) -> tuple[list[str], dict[str, FileRecord]]:
    """Complete ``new_dir``: hard-link the unchanged files from ``out_dir``, write the rest.

    ``staged``: files already written into ``new_dir`` (by render workers, see ``writer.Stage``);
    they are kept when their bytes are the output's, and staged files that are not outputs are
    deleted. Without it ``new_dir`` is empty."""
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
        if staged is not None:  # new_dir is a stage: anything in it was written ahead (or half-written)
            ahead = staged.get(path)
            if ahead is not None and (ahead.data is data or ahead.data == data):
                manifest[path] = ahead
                if record is None or (record.data is not data and record.data != data):
                    written.append(path)
                continue
            unlink_if_there(target)  # a staged file with other bytes, or one a worker left half-written
        if unchanged(os.path.join(out_s, path), record, data) and link_file(os.path.join(out_s, path), target):
            manifest[path] = record  # type: ignore[assignment]
            continue
        # Written here, one after the other. Not on threads: measured on this project's VMs,
        # four writer threads took 1.5-2x the time of this loop (every file's few system calls
        # hand the GIL back and forth), and when creating files is slow (0.6 ms a file right
        # after thousands were deleted) threads did not make it faster either.
        manifest[path] = FileRecord(data, *stat_key(write_new(target, data)))
        written.append(path)
    for path in sorted((staged or {}).keys() - files.keys()):
        unlink_if_there(os.path.join(new_s, path))
        folder = path.rpartition("/")[0]
        while folder and folder not in made:
            try:
                os.rmdir(os.path.join(new_s, folder))
            except OSError:
                break
            folder = folder.rpartition("/")[0]
    return written, manifest


def unlink_if_there(path: str) -> None:
    """Remove the file at ``path``; nothing when there is none."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def stat_key(st: os.stat_result) -> tuple[int, int, int]:
    """The (size, mtime_ns, inode) of a ``FileRecord``."""
    return st.st_size, st.st_mtime_ns, st.st_ino


def update_tree(tree: Path, files: Mapping[str, bytes], manifest: Manifest) -> tuple[list[str], dict[str, FileRecord]]:
    """Make the (not live) ``tree`` hold exactly ``files``, touching only what differs.

    Changed and new files are written beside their target and renamed over it (never
    written in place: the live site may share the old file by a hard link). Files and
    folders that are not outputs any more are deleted.
    """
    root = str(tree)
    folders, present = walk(tree)
    written: list[str] = []
    records: dict[str, FileRecord] = {}
    made: set[str] = set()
    for path, data in files.items():
        target = os.path.join(root, path)
        if path in present and unchanged(target, manifest.get(path), data):
            records[path] = manifest[path]
            continue
        folder = path.rpartition("/")[0]
        if folder and folder not in made:
            os.makedirs(os.path.join(root, folder), exist_ok=True)
            made.add(folder)
        temp = os.path.join(root, folder, f".{secrets.token_hex(6)}.natosite-tmp")
        write_new(temp, data)
        try:
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
        records[path] = record_of(target, data)
        written.append(path)
    for path in present - files.keys():
        os.unlink(os.path.join(root, path))
    needed = {p.rsplit("/", 1)[0] for p in files if "/" in p}
    needed |= {f.rsplit("/", i)[0] for f in needed for i in range(1, f.count("/") + 1)}
    for folder in sorted(folders - needed, key=len, reverse=True):
        os.rmdir(os.path.join(root, folder))
    return written, records


def walk(root: Path) -> tuple[set[str], set[str]]:
    """(folders, files) under ``root`` as relative POSIX paths; symlinks count as files."""
    folders: set[str] = set()
    files: set[str] = set()
    stack = [("", str(root))]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.add(rel)
                    stack.append((rel + "/", entry.path))
                else:
                    files.add(rel)
    return folders, files


def link_file(source: str, target: str) -> bool:
    """Hard-link an unchanged file; False where the file system cannot (then it is written)."""
    try:
        os.link(source, target, follow_symlinks=False)
        return True
    except OSError as exc:
        if exc.errno in (errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            return False
        raise


def write_new(target: str, data: bytes) -> os.stat_result:
    """Create ``target`` (it must not exist) holding ``data``; its status once written."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return os.fstat(fd)
    finally:
        os.close(fd)


def list_files(root: Path) -> set[str]:
    """Every file under ``root`` as a relative POSIX path (symlinks count as files)."""
    return walk(root)[1]


def swap(new_dir: Path, out_dir: Path) -> Path | None:
    """Put ``new_dir`` at ``out_dir``; return where the old site now is (to delete), if any."""
    if not out_dir.exists():
        os.rename(new_dir, out_dir)
        return None
    if exchange(new_dir, out_dir):
        return new_dir  # the two names swapped: new_dir now holds the old site
    old = out_dir.parent / f".{out_dir.name}{OLD_TAG}{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(out_dir, old)
    try:
        os.rename(new_dir, out_dir)
    except BaseException:
        os.rename(old, out_dir)
        raise
    return old


def swap_three(a: Path, b: Path) -> None:
    """Exchange two folders with three renames (where ``renameat2`` is missing); not atomic for ``a``."""
    middle = b.parent / f".{b.name}{OLD_TAG}{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(b, middle)
    try:
        os.rename(a, b)
    except BaseException:
        os.rename(middle, b)
        raise
    os.rename(middle, a)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2 = None


def exchange(a: Path, b: Path) -> bool:
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


