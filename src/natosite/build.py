"""``build(config, out_dir) -> BuildReport``: load -> merge -> site -> render -> write.

Everything is read, checked and rendered before the live site changes
(``render_outputs``); then ``writer.write_site`` swaps the new site in atomically. In a
cold build the render workers already write the postings' pages and ``.ics`` files into
the new site's folder beside the live one (``writer.Stage``): creating ~2,000 files is
then shared by both cores instead of done one by one at the end; a failed build
deletes that folder and the live site is never touched.

Errors (STYLE.md "Error handling"):
- a posting that cannot be read or rendered is reported (``postings/<id>.md:LINE``),
  skipped, and the rest of the site is written; the report is then not ``ok`` (exit 1);
- a tracker.yaml that cannot be used at all (YAML syntax, not UTF-8) or a template
  error raises ``BuildFailed``: nothing is written and the previous site stays whole;
- item mistakes in tracker.yaml are reported, the item skipped (exit 1); tracker ids
  with no posting are warnings.

Incremental: a ``BuildCache`` keeps parsed postings (by file identity, see
``build_cache``), each posting's rendered page, ``.ics`` and search record, and the
listing pages (see ``build_pages``), so an edit re-reads and re-renders one posting
and the pages that list it. Two processes render the postings when many changed
(cold builds). Only files whose bytes changed are rewritten (``writer``).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from natosite import writer
from natosite.build_cache import (
    BuildCache,
    ensure_cache_dir,
    fingerprint,
    gc_paused,
    load_cache,
    read_postings,
    read_tracker,
    save_cache,
)
from natosite.build_errors import BuildFailed
from natosite.build_pages import PARALLEL_MIN, Progress, index_outputs, posting_outputs, prerender_listing, workers_for
from natosite.config import Config, build_time
from natosite.errors import OutDirRefused
from natosite.models import Output, Problem

log = logging.getLogger("natosite")

__all__ = [
    "PARALLEL_MIN",
    "BuildCache",
    "BuildFailed",
    "BuildReport",
    "RenderResult",
    "build",
    "load_cache",
    "render_outputs",
    "save_cache",
    "workers_for",
]

@dataclass(frozen=True)
class RenderResult:
    """The whole site in memory, and what happened while making it."""

    outputs: tuple[Output, ...]
    problems: tuple[Problem, ...]
    parsed: int  # posting files (re)parsed
    rendered: int  # postings (re)rendered
    postings: int  # postings on the site


@dataclass(frozen=True)
class BuildReport:
    """What ``build`` wrote, kept and removed, every problem found, and how long it took."""

    out_dir: Path
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]
    problems: tuple[Problem, ...]
    duration: float
    parsed: int = 0
    rendered: int = 0
    postings: int = 0

    @property
    def files(self) -> int:
        return len(self.written) + self.unchanged

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level != "error")

    @property
    def ok(self) -> bool:
        return not self.errors


def build(
    config: Config,
    out_dir: Path | None = None,
    *,
    cache: BuildCache | None = None,
    jobs: int | None = None,
    wait: bool = True,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the site into ``out_dir`` (default ``config.out_dir``); raises ``BuildFailed`` before writing.

    ``render_outputs`` does every check before ``writer.write_site`` writes a byte.
    ``wait=False`` returns as soon as the new site is in place and deletes the old copy
    in a background thread (``writer.finish_cleanup()`` waits for it; so does exit).
    ``progress(done, total)`` follows the postings being rendered (``posting_outputs``).
    """
    start = time.perf_counter()
    out = Path(os.path.abspath(out_dir or config.out_dir))
    cache = cache if cache is not None else BuildCache()
    check_out_dir(config, out, cache)
    spare = ensure_cache_dir(config) / "spare" / fingerprint(str(out)).hex()[:16]
    # Render workers write the postings' files into the new site's folder as they go (cold builds).
    stage = writer.Stage(out, cache.manifests.get(str(out)), spare)
    try:
        with gc_paused():
            result = render_outputs(config, cache, jobs=jobs, progress=progress, stage=stage)
            report = writer.write_site(
                result.outputs, out, cache.manifests.get(str(out)), spare_dir=spare, wait=wait, stage=stage,
                may_remove=may_remove,
            )
    finally:
        stage.discard()  # a failed build's folder; write_site took it over otherwise
    cache.manifests[str(out)] = report.record
    return BuildReport(
        out_dir=out,
        written=report.written,
        unchanged=report.unchanged,
        removed=report.removed,
        problems=result.problems,
        duration=time.perf_counter() - start,
        parsed=result.parsed,
        rendered=result.rendered,
        postings=result.postings,
    )


def check_out_dir(config: Config, out: Path, cache: BuildCache) -> None:
    """Refuse output folders whose replacement would destroy the person's files."""
    root = config.root.resolve()
    real = out.resolve()
    if real == root or real in root.parents:
        raise OutDirRefused(f"{out}: the output folder cannot be the workspace or hold it; use e.g. --out site")
    for inner in (config.postings_dir, config.templates_dir, config.cache_dir, root / ".git"):
        inner = inner.resolve()
        if real == inner or inner in real.parents:
            raise OutDirRefused(f"{out}: the output folder cannot be inside {inner.name}/")


# Files a build may replace in an output folder although it did not write them there itself
# (a site built before the cache was made or after it was deleted): a posting's page or
# .ics (of a posting since removed) and the litter file managers leave. Anything else, at
# any depth, makes the build refuse the folder (writer.write_site's may_remove).
_POSTING_FILE = re.compile(r"postings/[a-z0-9][a-z0-9-]*\.(?:html|ics)")
_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def may_remove(path: str) -> bool:
    """May a build delete ``path`` (relative, in the output folder) although it is not one of its outputs?"""
    return _POSTING_FILE.fullmatch(path) is not None or path.rpartition("/")[2] in _LITTER


def render_outputs(
    config: Config,
    cache: BuildCache,
    *,
    jobs: int | None = None,
    now: Any = None,
    postings_unchanged: bool = False,
    progress: Progress | None = None,
    stage: writer.Stage | None = None,
) -> RenderResult:
    """Gather, check and render everything in memory. Raises ``BuildFailed`` for fatal problems.

    ``postings_unchanged``: the caller knows no posting file changed since the last build
    with this cache (``serve``, told by the watcher that only tracker.yaml changed): they
    are taken from the cache without looking at the files (see ``read_postings``).

    The outputs are not yet checked for collisions and escaping paths: ``writer`` does
    that (``write_site`` or, for a site kept in memory, ``check_outputs``). ``stage``: where
    worker processes may write the postings' files ahead (see ``posting_outputs``)."""
    from natosite import render
    from natosite.site import build_site
    from natosite.tracker import merge

    now = now or build_time()
    cache.check_version(config)
    problems: list[Problem] = []
    tracker, tracker_problems = read_tracker(config, cache)
    postings, posting_problems, parsed = read_postings(config, cache, rescan=not postings_unchanged)
    problems += posting_problems
    problems += tracker_problems
    merged, orphans = merge(postings, tracker)
    problems += [dataclasses.replace(p, level="warning") for p in orphans]
    env, template_fp = cache.environment(config, render.make_env)
    site = build_site(merged, config, now, problems)
    context_fp = fingerprint(template_fp, repr(config), now.date().isoformat(), _local_date(now, config))
    whole = dataclasses.replace(site, problems=tuple(problems))  # the final site if every posting renders
    listing: list[Any] = []
    pages, page_problems, rendered = posting_outputs(
        env, site, cache, context_fp, jobs, meanwhile=lambda: listing.append(prerender_listing(env, whole, cache, context_fp)),
        progress=progress, stage=stage,
    )
    if page_problems:
        problems += page_problems
        bad = {p.path for p in page_problems}
        site = build_site([p for p in merged if p.path not in bad], config, now, problems)
        site = dataclasses.replace(site, problems=tuple(problems))
    else:
        site = whole
    index = index_outputs(env, site, pages, cache, context_fp, listing[0] if listing else None)
    outputs = tuple(o for posting in site.postings for o in pages[posting.id].outputs) + tuple(index)
    return RenderResult(outputs, tuple(problems), parsed, rendered, len(site.postings))


def _local_date(now: Any, config: Config) -> str:
    from natosite.site import zone

    return now.astimezone(zone(config.timezone)).date().isoformat()
