"""Which file events matter to the dev server, and the watchdog observer that reports them.

Watched: ``postings/*.md``, everything under ``templates/``, ``tracker.yaml`` and
``natosite.yaml``. Ignored: the output folder, ``.git``, hidden files, editor swap,
backup and temp files (``.swp``, ``~``, ``.#x``, ``#x#``, vim's ``4913``, ``*.tmp``),
and events that are not changes (opened, closed without writing).

The watchdog callback only calls ``on_change()`` (which sets a flag under the
server's condition); all the work happens in the build loop.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

log = logging.getLogger("natosite")

ROOT_FILES = ("tracker.yaml", "natosite.yaml")
WATCHED_DIRS = ("postings", "templates")
IGNORED_SUFFIXES = (".swp", ".swo", ".swx", ".swpx", "~", ".tmp", ".temp", ".part", ".crdownload", ".kate-swp", ".bak")
CHANGE_EVENTS = ("created", "modified", "deleted", "moved", "closed")


def is_ignored_name(name: str) -> bool:
    """Editor swap/backup/temp files and hidden files."""
    return (
        name.startswith(".")
        or name.endswith(IGNORED_SUFFIXES)
        or (name.startswith("#") and name.endswith("#"))
        or name == "4913"
        or name.isdigit()  # vim's write test files are numbers (4913, 5036, ...)
    )


def is_relevant(root: Path, path: str, is_directory: bool = False) -> bool:
    """Does a change at ``path`` (absolute) change the site?"""
    try:
        rel = Path(os.path.abspath(path)).relative_to(root)
    except ValueError:
        return False
    parts = rel.parts
    if not parts or any(is_ignored_name(p) for p in parts):
        return False
    if len(parts) == 1:
        return parts[0] in ROOT_FILES or (is_directory and parts[0] in WATCHED_DIRS)
    if parts[0] == "postings":
        return is_directory or (len(parts) == 2 and parts[1].endswith(".md"))
    return parts[0] == "templates"


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher"):
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGE_EVENTS:
            return
        if event.is_directory and event.event_type in ("modified", "closed"):
            return  # a folder's mtime changes with its files; those events come too
        paths = [os.fsdecode(event.src_path)]
        if getattr(event, "dest_path", ""):
            paths.append(os.fsdecode(event.dest_path))
        root = self.watcher.root
        if not any(is_relevant(root, p, event.is_directory) for p in paths):
            return
        for p in paths:
            if event.is_directory and Path(p).parent == root and Path(p).name in WATCHED_DIRS:
                self.watcher.watch_dirs()  # postings/ or templates/ appeared (or came back)
        for p in paths:  # both ends of a move: what left and what arrived both changed
            self.watcher.on_change(p)


class Watcher:
    """A watchdog observer over the workspace's inputs; ``on_change(path)`` for each relevant change."""

    def __init__(self, root: Path, on_change: Callable[[str], None]):
        self.root = Path(os.path.abspath(root))
        self.on_change = on_change
        self._observer = Observer()
        self._handler = _Handler(self)
        self._watches: dict[Path, object] = {}

    def start(self) -> None:
        self._observer.schedule(self._handler, str(self.root), recursive=False)
        self.watch_dirs()
        self._observer.start()

    def watch_dirs(self) -> None:
        """Watch postings/ and templates/ when they exist (again)."""
        for name in WATCHED_DIRS:
            folder = self.root / name
            old = self._watches.pop(folder, None)
            if old is not None:
                try:
                    self._observer.unschedule(old)
                except (KeyError, ValueError):
                    pass
            if folder.is_dir():
                try:
                    self._watches[folder] = self._observer.schedule(self._handler, str(folder), recursive=True)
                except OSError as exc:
                    log.warning("cannot watch %s: %s", folder, exc)

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)
