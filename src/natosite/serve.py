"""``natosite serve``: build in memory, serve, watch, rebuild, reload every open tab.

Correct under churn (STYLE.md, after mkdocs' livereload):
- the watcher callback only bumps ``_wanted`` under ``_cond`` (a ``threading.Condition``);
- the build loop waits for a bump, then debounces: it builds only once no event came
  for ``build_delay`` seconds (at most ``max_delay`` after the first), so a burst of
  events (write-then-rename, swap files, a ``git checkout``) gives one rebuild, and an
  event during a build gives exactly one more;
- requests wait until ``_visible == _wanted``, so no request sees a site older than
  a change it could know about, and the site they get is a complete snapshot
  (a dict swapped in one assignment): never half-built;
- a failed build is logged with ``file:line: message``, sent to the pages as an
  overlay, and the loop carries on serving the last good site; it recovers by itself.

The site is built in memory (``build.render_outputs``), with a ``BuildCache`` kept
between rebuilds, so an edit re-renders only what it touches.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import Any, Mapping

from natosite import build as build_mod
from natosite import writer
from natosite.build_cache import BuildCache, gc_paused
from natosite.build_pages import Progress
from natosite.config import Config, load_config
from natosite.errors import NatositeError
from natosite.models import Problem
from natosite.serve_http import DevHTTPServer
from natosite.serve_watch import Watcher

log = logging.getLogger("natosite")


@dataclass(frozen=True)
class BuildOutcome:
    """One build attempt of the loop, as the tests and the bench observe it."""

    epoch: int
    ok: bool
    seconds: float
    changed: int
    problems: tuple[Problem, ...]


def problem_dicts(problems: tuple[Problem, ...]) -> list[dict[str, Any]]:
    """The problems worth an overlay (errors), as JSON-ready dicts."""
    return [
        {"where": f"{p.path}:{p.line}" if p.line else p.path, "message": p.message, "level": p.level}
        for p in problems
        if p.level == "error"
    ]


class DevServer:
    """The dev server: ``start()``, ``url``, ``wait()`` (blocks until stopped) and ``stop()``."""

    def __init__(
        self,
        config: Config,
        host: str = "127.0.0.1",
        port: int = 8000,
        *,
        build_delay: float = 0.04,
        max_delay: float = 1.0,
        reload_config: bool = True,
    ):
        self.config = config
        self.host = host
        self.port = port
        self.build_delay = build_delay
        self.max_delay = max_delay
        self.reload_config = reload_config
        self.cache = BuildCache()
        self.outcomes: list[BuildOutcome] = []  # every build attempt, in order
        self._cond = threading.Condition()
        self._wanted = 0
        self._changed: set[str] = set()  # paths changed since the last build began ("" for unknown)
        self._visible = 0
        self._stopping = False
        self._files: Mapping[str, bytes] = {}
        self._version = int(time.time() * 1000) % 10**12  # changes across restarts too
        self._problems: list[dict[str, Any]] = []
        self._httpd: DevHTTPServer | None = None
        self._watcher: Watcher | None = None
        self._threads: list[threading.Thread] = []
        self._logged: set[Problem] = set()

    # -- the watcher side -------------------------------------------------------------

    def notify_change(self, path: str = "") -> None:
        """Called by the watcher (any thread): something the site depends on changed (at ``path``,
        when known: an edit of tracker.yaml alone spares the next build a look at every posting)."""
        with self._cond:
            self._wanted += 1
            self._changed.add(os.path.abspath(path) if path else "")
            self._cond.notify_all()

    def _postings_unchanged(self, changed: set[str]) -> bool:
        """Did only tracker.yaml change? (Any other path, or one not known, may be a posting.)"""
        return bool(changed) and changed <= {os.path.abspath(self.config.tracker_path)}

    # -- the build side ---------------------------------------------------------------

    def build_once(
        self, epoch: int, jobs: int | None = 1, postings_unchanged: bool = False, progress: Progress | None = None
    ) -> BuildOutcome:
        """Build in memory; on success swap the new site in, else keep the old one. Never raises.

        ``jobs`` other than 1 only while no other thread runs (worker processes are forked).
        """
        start = time.perf_counter()
        try:
            if self.reload_config:
                self.config = load_config(self.config.root)
            with gc_paused():  # a full collection would walk the whole cache, mid-build (build_cache.gc_paused)
                result = build_mod.render_outputs(
                    self.config, self.cache, jobs=jobs, postings_unchanged=postings_unchanged, progress=progress
                )
                files = writer.check_outputs(result.outputs, self._files)  # paths unchanged since the last build: not re-checked
        except build_mod.BuildFailed as exc:
            return self._publish(epoch, None, exc.problems, start)
        except NatositeError as exc:
            problem = Problem(getattr(exc, "path", "natosite"), getattr(exc, "line", None), getattr(exc, "detail", exc.message))
            return self._publish(epoch, None, (problem,), start)
        except Exception as exc:  # noqa: BLE001 - the server must survive any failure of a build
            log.debug("build failed", exc_info=True)
            return self._publish(epoch, None, (Problem("natosite", None, f"build crashed: {type(exc).__name__}: {exc}"),), start)
        return self._publish(epoch, files, result.problems, start)

    def _publish(self, epoch: int, files: dict[str, bytes] | None, problems: tuple[Problem, ...], start: float) -> BuildOutcome:
        with self._cond:
            changed = 0
            if files is not None:
                old = self._files
                changed = sum(1 for k, v in files.items() if old.get(k) is not v and old.get(k) != v) + len(old.keys() - files.keys())
                if changed:
                    self._files = files
                    self._version += 1
            shown = problem_dicts(tuple(problems))
            if files is None and not shown:
                shown = [{"where": "natosite", "message": "the build failed", "level": "error"}]
            self._problems = shown
            self._visible = max(self._visible, epoch)
            self._cond.notify_all()
        outcome = BuildOutcome(epoch, files is not None, time.perf_counter() - start, changed, tuple(problems))
        self.outcomes.append(outcome)
        self._log_outcome(outcome)
        return outcome

    def _log_outcome(self, outcome: BuildOutcome) -> None:
        """Problems in the terminal as ``file:line: message``: each one once, until it is fixed."""
        current = set(outcome.problems)
        for problem in outcome.problems:
            if problem in self._logged:
                continue
            if problem.level == "error":
                log.error("%s", problem)
            else:
                log.warning("%s", problem)
        fixed = [p for p in self._logged if p.level == "error" and p not in current]
        if outcome.ok:
            self._logged = current
        else:
            self._logged |= current
        first = len(self.outcomes) == 1
        if not outcome.ok:
            log.error("Build failed: still serving the last good site. Fix the file and save.")
        elif first:
            log.info("Built the site in %.2f s.", outcome.seconds)
        else:
            note = f"; fixed: {len(fixed)} error(s)" if fixed else ""
            level = logging.INFO if outcome.changed or fixed else logging.DEBUG
            log.log(level, "Rebuilt in %.0f ms (%d file(s) changed)%s.", outcome.seconds * 1000, outcome.changed, note)

    def _build_loop(self) -> None:
        while True:
            with self._cond:
                while self._wanted == self._visible and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                first = time.monotonic()
                while True:  # debounce: until quiet for build_delay (at most max_delay)
                    seen = self._wanted
                    left = min(self.build_delay, self.max_delay - (time.monotonic() - first))
                    if left <= 0:
                        break
                    self._cond.wait(timeout=left)
                    if self._wanted == seen or self._stopping:
                        break
                if self._stopping:
                    return
                epoch = self._wanted
                changed, self._changed = self._changed, set()
            # After a failed build the cache may not hold the postings as they are (it can fail
            # before reading them): the next one looks at them all, whatever changed.
            last_ok = bool(self.outcomes) and self.outcomes[-1].ok
            self.build_once(epoch, postings_unchanged=last_ok and self._postings_unchanged(changed))

    # -- the HTTP side ----------------------------------------------------------------

    def snapshot(self) -> tuple[Mapping[str, bytes], int, list[dict[str, Any]]]:
        """The current complete site, waiting first for a build of every change seen so far."""
        with self._cond:
            self._cond.wait_for(lambda: self._visible >= self._wanted or self._stopping, timeout=30.0)
            return self._files, self._version, self._problems

    def wait_for_news(self, version: int, problems: Any, timeout: float) -> tuple[int, list[dict[str, Any]], bool]:
        """For the event stream: block until the site version or the problems differ (or timeout)."""
        with self._cond:
            self._cond.wait_for(
                lambda: self._stopping or (self._visible >= self._wanted and (self._version != version or self._problems != problems)),
                timeout=timeout,
            )
            return self._version, self._problems, self._stopping

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until every change seen so far is built (for tests and benchmarks)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._visible >= self._wanted or self._stopping, timeout=timeout)

    def log_request(self, line: str) -> None:
        log.debug("%s", line)

    # -- life cycle -------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"

    @property
    def version(self) -> int:
        with self._cond:
            return self._version

    def start(self, progress: Progress | None = None) -> None:
        """Bind, build once (``progress``: see ``build.render_outputs``), start watching, then answer
        requests and rebuild in the background.

        The first build runs before any thread exists, so it may use worker processes
        (a cold build of many postings); a change saved during it is caught by the
        rebuild requested right after the watcher starts (cheap: everything is cached).
        """
        self._httpd = bind(self.host, self.port, self)
        self.build_once(self._wanted, jobs=None, progress=progress)
        self._watcher = Watcher(self.config.root, self.notify_change)
        self._watcher.start()
        self.notify_change()
        for target, name in ((self._build_loop, "natosite-build"), (self._httpd.serve_forever, "natosite-http")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def wait(self) -> None:
        """Block until ``stop()`` (Ctrl-C arrives here as KeyboardInterrupt)."""
        with self._cond:
            while not self._stopping:
                self._cond.wait(timeout=0.5)

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._watcher is not None:
            self._watcher.stop()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=5)


def bind(host: str, port: int, app: DevServer, tries: int = 20) -> DevHTTPServer:
    """Listen on ``host:port``; when the port is busy, the next free one (said aloud)."""
    import errno

    last: OSError | None = None
    for candidate in range(port, port + tries) if port else [0]:
        try:
            server = DevHTTPServer((host, candidate), app)
        except OSError as exc:
            last = exc
            if exc.errno == errno.EADDRINUSE:
                continue
            if exc.errno in (errno.EACCES, errno.EPERM):
                raise NatositeError(f"not allowed to listen on port {candidate} (ports below 1024 need privileges): use --port 8000") from None
            raise NatositeError(f"cannot listen on {host}:{candidate}: {exc.strerror or exc}") from None
        if candidate != port:
            log.warning("Port %d is busy; using port %d instead.", port, candidate)
        return server
    raise NatositeError(f"ports {port}-{port + tries - 1} on {host} are all busy ({last.strerror if last else ''}): choose one with --port")
