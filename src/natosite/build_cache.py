"""What an incremental build remembers: parsed postings, the tracker, rendered pages, the site on disk.

``BuildCache`` lives in memory in ``serve`` and is pickled under ``.natosite-cache/``
between ``build`` runs (a version key drops it when natosite's code or Python changes;
a corrupt or unreadable cache is ignored).

A posting file is re-used without reading it when its (mtime, size, inode) are
unchanged *and* it had not been modified within ``RACY_NS`` of when it was read
(file systems keep mtimes with coarse granularity, so a file saved twice within one
tick can keep its mtime and size: such "racy" files are re-read and compared by
content, as git does for its index).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import inspect
import logging
import os
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from natosite.build_errors import BuildFailed
from natosite.config import Config
from natosite.models import Posting, Problem, Tracker

log = logging.getLogger("natosite")

CACHE_FORMAT = 1
CACHE_FILE = "build.pickle"
RACY_NS = 2_000_000_000
PACKAGE_DIR = Path(__file__).resolve().parent


def fingerprint(*parts: str | bytes) -> bytes:
    """A 128-bit digest of the parts (each length-prefixed, so parts cannot run into each other)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


_VERSION: list[str] = []


def code_version() -> str:
    """Identifies the natosite code this process runs (computed once) and the Python version."""
    if _VERSION:
        return _VERSION[0]
    stats = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        st = path.stat()
        stats.append(f"{path.relative_to(PACKAGE_DIR)}:{st.st_size}:{st.st_mtime_ns}")
    _VERSION.append(fingerprint(sys.version, str(CACHE_FORMAT), *stats).hex())
    return _VERSION[0]


@dataclass
class ParsedFile:
    """One posting file as last read: its identity, content digest and what parsing gave."""

    sig: tuple[int, int, int]  # mtime_ns, size, inode
    read_at_ns: int
    digest: bytes
    posting: Posting | None
    problems: tuple[Problem, ...]

    def trusted(self, sig: tuple[int, int, int]) -> bool:
        return sig == self.sig and self.sig[0] + RACY_NS < self.read_at_ns


class BuildCache:
    """Remembered between builds; see the module docstring. Not thread-safe: one build at a time."""

    def __init__(self) -> None:
        self.version = ""
        self.parsed: dict[str, ParsedFile] = {}
        self.postings_dir = ""  # the folder ``parsed`` was read from
        self.unreadable = False  # a posting file could not be read last time (read_postings)
        self.tracker: tuple[bytes | None, Tracker] | None = None
        self.rendered: dict[str, tuple[bytes, tuple[Any, ...]]] = {}
        self.manifests: dict[str, Any] = {}  # out dir -> writer.SiteRecord
        self.render_caches: dict[str, dict[Any, Any]] = {}  # for renderers taking cache= (the feed)
        self.index: Any = None  # build_pages.IndexMemo
        self.search_split: tuple[bytes, bytes] | bool | None = None
        self.search_join_ok = False
        self._env: tuple[bytes, Any] | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_env"] = None  # jinja environments hold code objects: rebuilt per process
        return state

    def check_version(self, config: Config) -> None:
        """Forget everything rendered or parsed by other code (the manifests stay: they describe disk)."""
        version = code_version()
        if version != self.version:
            manifests = self.manifests
            self.__init__()  # type: ignore[misc]
            self.manifests = manifests
            self.version = version

    def environment(self, config: Config, make_env: Callable[[Config], Any]) -> tuple[Any, bytes]:
        """The jinja environment, rebuilt only when a template file or the config changed."""
        fp = fingerprint(template_fingerprint(config), repr(config))
        if self._env is None or self._env[0] != fp:
            self._env = (fp, make_env(config))
        return self._env[1], fp

    def render_kwargs(self, func: Callable[..., Any]) -> dict[str, Any]:
        """``{"cache": dict}`` for renderers that accept one (kept in memory only)."""
        try:
            accepts = "cache" in inspect.signature(func).parameters
        except (TypeError, ValueError):
            accepts = False
        if not accepts:
            return {}
        return {"cache": self.render_caches.setdefault(f"{func.__module__}.{func.__qualname__}", {})}


def template_fingerprint(config: Config) -> bytes:
    """Digest of every template file (name, which folder wins, content)."""
    parts: list[bytes | str] = []
    for index, folder in enumerate(config.template_dirs):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                parts += [f"{index}:{path.relative_to(folder).as_posix()}", path.read_bytes()]
    return fingerprint(*parts)


def _posting_entries(postings_dir: Path) -> list[os.DirEntry[str]]:
    """Same selection as ``postings.posting_files`` (``*.md`` files, not hidden), sorted by name."""
    try:
        with os.scandir(postings_dir) as it:
            found = [e for e in it if e.name.endswith(".md") and not e.name.startswith(".") and e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(found, key=lambda e: e.name)


def read_postings(config: Config, cache: BuildCache, *, rescan: bool = True) -> tuple[list[Posting], list[Problem], int]:
    """Every readable posting, every problem, and how many files were parsed (not from the cache).

    ``rescan=False``: the caller knows no posting file changed since the last call: the
    postings come from the cache as they are, without a look at the folder, unless the
    last call found none or could not read a file (then they are read as usual)."""
    from natosite.postings import folder_problem, parse_posting_file

    if not rescan and cache.parsed and cache.postings_dir == str(config.postings_dir) and not cache.unreadable:
        entries = [cache.parsed[rel] for rel in sorted(cache.parsed)]
        return (
            [e.posting for e in entries if e.posting is not None],
            [problem for e in entries for problem in e.problems],
            0,
        )
    cache.postings_dir, cache.unreadable = str(config.postings_dir), False

    postings: list[Posting] = []
    problems: list[Problem] = []
    parsed = 0
    seen: set[str] = set()
    folder = config.postings_dir
    prefix = folder.relative_to(config.root).as_posix() + "/" if folder.is_relative_to(config.root) else f"{folder}/"
    not_a_folder = folder_problem(folder, prefix.rstrip("/"))
    if not_a_folder is not None:
        problems.append(not_a_folder)
    for item in _posting_entries(folder):
        rel = prefix + item.name
        seen.add(rel)
        entry = cache.parsed.get(rel)
        try:
            st = item.stat()
            sig = (st.st_mtime_ns, st.st_size, st.st_ino)
            if entry is None or not entry.trusted(sig):
                read_at = time.time_ns()
                with open(item.path, "rb") as f:
                    data = f.read()
                digest = fingerprint(data)
                if entry is not None and entry.digest == digest:
                    entry.sig, entry.read_at_ns = sig, read_at
                else:
                    stem = item.name[: -len(".md")]
                    entry = ParsedFile(sig, read_at, digest, *_parse(data, rel, stem, parse_posting_file))
                    cache.parsed[rel] = entry
                    parsed += 1
        except FileNotFoundError:
            seen.discard(rel)  # deleted while we looked
            cache.parsed.pop(rel, None)
            continue
        except OSError as exc:
            cache.parsed.pop(rel, None)
            cache.unreadable = True
            problems.append(Problem(rel, None, f"cannot read: {exc.strerror or exc}"))
            continue
        problems.extend(entry.problems)
        if entry.posting is not None:
            postings.append(entry.posting)
    for gone in [k for k in cache.parsed if k not in seen]:
        del cache.parsed[gone]
    return postings, problems, parsed


def _parse(data: bytes, rel: str, stem: str, parse: Callable[..., Any]) -> tuple[Posting | None, tuple[Problem, ...]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, (Problem(rel, line, f"not UTF-8 text ({exc.reason} at byte {exc.start}): save it as UTF-8"),)
    posting, problems = parse(text, rel, stem)
    return posting, tuple(problems)


def read_tracker(config: Config, cache: BuildCache) -> tuple[Tracker, list[Problem]]:
    """tracker.yaml, re-parsed only when its bytes changed. Raises ``BuildFailed`` if unusable."""
    from natosite.tracker import load_tracker

    try:
        data: bytes | None = config.tracker_path.read_bytes()
    except FileNotFoundError:
        data = None
    except OSError:
        data = b"\x00unreadable"  # load_tracker reports it
    if cache.tracker is not None and cache.tracker[0] == data and data is not None:
        tracker = cache.tracker[1]
    else:
        tracker = load_tracker(config.tracker_path)
        if cache.tracker is not None:
            tracker = keep_unchanged_entries(tracker, cache.tracker[1])
        cache.tracker = (data, tracker)
    if tracker.errors and not tracker.entries:
        raise BuildFailed(tracker.errors)
    return tracker, list(tracker.problems)


def keep_unchanged_entries(tracker: Tracker, before: Tracker) -> Tracker:
    """``tracker`` with each entry equal to the one ``before`` replaced by that very object, so an
    edit of one entry leaves the others' rendered pages, cards and feed events recognisably the same."""
    old = before.entries
    entries = {}
    for entry_id, entry in tracker.entries.items():
        previous = old.get(entry_id)
        entries[entry_id] = previous if previous is not None and previous == entry else entry
    return dataclasses.replace(tracker, entries=entries)


def cache_path(config: Config) -> Path:
    return config.cache_dir / CACHE_FILE


def load_cache(config: Config) -> BuildCache:
    """The cache a previous ``build`` saved, or an empty one (missing, corrupt or from other code)."""
    path = cache_path(config)
    try:
        with open(path, "rb") as f, gc_paused():
            state = pickle.load(f)
        if not isinstance(state, dict) or state.get("format") != CACHE_FORMAT:
            raise ValueError("other cache format")
        cache = state["cache"]
        if not isinstance(cache, BuildCache):
            raise ValueError("not a BuildCache")
        cache._env = None
        return cache
    except FileNotFoundError:
        return BuildCache()
    except Exception as exc:  # noqa: BLE001 - a cache is only ever an optimisation
        log.debug("ignoring the build cache %s: %s", path, exc)
        return BuildCache()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off for a while (back on after, as it was).

    A build makes millions of objects that live on; each full collection walks all of
    them again (at 1,000 postings: ~0.2 s of a cold build in this process, more in the
    workers, see ``build_pages._init_worker``). Building makes next to no cyclic
    garbage, and what there is is collected once the collector is back on."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def ensure_cache_dir(config: Config) -> Path:
    """``.natosite-cache/``, with a .gitignore that keeps all of it out of git."""
    folder = config.cache_dir
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# natosite's build cache (and the previous site): safe to delete\n*\n", encoding="utf-8")
    return folder


@contextlib.contextmanager
def build_lock(config: Config) -> Iterator[None]:
    """One ``natosite build`` of a workspace at a time (they share the cache and the spare site).

    A second one waits, saying so. Where ``fcntl`` is missing (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with open(ensure_cache_dir(config) / "build.lock", "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("Waiting for another natosite build of this workspace to finish...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# What pickling an odd cache raises; RecursionError: a value nested hundreds of levels deep
# (a tracker.yaml mistake, reported as such).
_UNPICKLABLE = (pickle.PicklingError, TypeError, AttributeError, RecursionError)


def save_cache(config: Config, cache: BuildCache) -> None:
    """Write the cache atomically; a failure only costs speed next time (logged at debug level)."""
    path = cache_path(config)
    tmp = path.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
    try:
        ensure_cache_dir(config)
        with open(tmp, "wb") as f:  # streamed: a 30 MB bytes object first would be 30 MB more memory to fault in
            try:
                pickle.dump({"format": CACHE_FORMAT, "cache": cache}, f, protocol=pickle.HIGHEST_PROTOCOL)
            except _UNPICKLABLE:  # a renderer's cache holds something odd
                f.seek(0)
                f.truncate()
                kept, cache.render_caches = cache.render_caches, {}
                try:
                    pickle.dump({"format": CACHE_FORMAT, "cache": cache}, f, protocol=pickle.HIGHEST_PROTOCOL)
                finally:
                    cache.render_caches = kept
        os.replace(tmp, path)
    except (OSError, *_UNPICKLABLE) as exc:
        log.debug("could not save the build cache %s: %s", path, exc)
        try:
            tmp.unlink()
        except OSError:
            pass
