"""``build(config, out_dir) -> BuildReport``: load -> merge -> site -> render -> write.

Everything is read, checked and rendered before the first byte is written
(``render_outputs``); then ``writer.write_site`` swaps the new site in atomically.

Errors (STYLE.md "Error handling"):
- a posting that cannot be read or rendered is reported (``postings/<id>.md:LINE``),
  skipped, and the rest of the site is written; the report is then not ``ok`` (exit 1);
- a tracker.yaml that cannot be used at all (YAML syntax, not UTF-8) or a template
  error raises ``BuildFailed``: nothing is written and the previous site stays whole;
- item mistakes in tracker.yaml are reported, the item skipped (exit 1); tracker ids
  with no posting are warnings.

Incremental: a ``BuildCache`` keeps parsed postings (by file identity, see
``build_cache``) and each posting's rendered page and ``.ics`` by a fingerprint of
everything they depend on, so an edit re-reads and re-renders one posting; only the
index pages and the feed are rendered every time. ``build`` uses two processes for
the posting pages when many changed (cold builds).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from natosite import writer
from natosite.build_cache import BuildCache, fingerprint, load_cache, read_postings, read_tracker, save_cache
from natosite.build_errors import BuildFailed, render_failure
from natosite.config import Config, build_time
from natosite.errors import BuildError
from natosite.models import Output, Posting, Problem, Site

log = logging.getLogger("natosite")

__all__ = ["BuildCache", "BuildFailed", "BuildReport", "RenderResult", "build", "load_cache", "render_outputs", "save_cache"]

# Render posting pages in worker processes when at least this many changed.
PARALLEL_MIN = 200


@dataclass(frozen=True)
class Rendered:
    """One posting's share of the site: its page and .ics, and its search record (JSON)."""

    outputs: tuple[Output, ...]
    search: str


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


def build(config: Config, out_dir: Path | None = None, *, cache: BuildCache | None = None, jobs: int | None = None) -> BuildReport:
    """Build the site into ``out_dir`` (default ``config.out_dir``); raises ``BuildFailed`` before writing."""
    start = time.perf_counter()
    out = Path(os.path.abspath(out_dir or config.out_dir))
    cache = cache if cache is not None else BuildCache()
    check_out_dir(config, out, cache)
    result = render_outputs(config, cache, jobs=jobs)
    report = writer.write_site(result.outputs, out, cache.manifests.get(str(out)))
    cache.manifests[str(out)] = dict(report.manifest)
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
        raise BuildError(f"{out}: the output folder cannot be the workspace or hold it; use e.g. --out site")
    for inner in (config.postings_dir, config.templates_dir, config.cache_dir, root / ".git"):
        inner = inner.resolve()
        if real == inner or inner in real.parents:
            raise BuildError(f"{out}: the output folder cannot be inside {inner.name}/")
    if real.is_dir() and str(out) not in cache.manifests and not (real / "index.html").exists():
        if any(real.iterdir()):
            raise BuildError(
                f"{out}: exists, is not empty and does not look like a built site (no index.html); "
                "refusing to replace it. Remove it or choose another --out"
            )


def render_outputs(config: Config, cache: BuildCache, *, jobs: int | None = None, now: Any = None) -> RenderResult:
    """Gather, check and render everything in memory. Raises ``BuildFailed`` for fatal problems."""
    from natosite import render
    from natosite.site import build_site
    from natosite.tracker import merge

    now = now or build_time()
    cache.check_version(config)
    problems: list[Problem] = []
    tracker, tracker_problems = read_tracker(config, cache)
    postings, posting_problems, parsed = read_postings(config, cache)
    problems += posting_problems
    problems += tracker_problems
    merged, orphans = merge(postings, tracker)
    problems += [dataclasses.replace(p, level="warning") for p in orphans]
    env, template_fp = cache.environment(config, render.make_env)
    site = build_site(merged, config, now, problems)
    context_fp = fingerprint(template_fp, repr(config), now.date().isoformat(), _local_date(now, config))
    pages, page_problems, rendered = _posting_outputs(env, site, cache, context_fp, jobs)
    if page_problems:
        problems += page_problems
        bad = {p.path for p in page_problems}
        site = build_site([p for p in merged if p.path not in bad], config, now, problems)
    site = dataclasses.replace(site, problems=tuple(problems))
    index = _index_outputs(env, site, {p.id: pages[p.id].search for p in site.postings}, cache)
    outputs = tuple(o for posting in site.postings for o in pages[posting.id].outputs) + tuple(index)
    writer.check_outputs(outputs)
    return RenderResult(outputs, tuple(problems), parsed, rendered, len(site.postings))


def _local_date(now: Any, config: Config) -> str:
    from natosite.site import zone

    return now.astimezone(zone(config.timezone)).date().isoformat()


def _posting_outputs(
    env: Any, site: Site, cache: BuildCache, context_fp: bytes, jobs: int | None
) -> tuple[dict[str, Rendered], list[Problem], int]:
    """Each posting's page and .ics, from the cache when its fingerprint is unchanged."""
    pages: dict[str, Rendered] = {}
    todo: list[tuple[Posting, bytes]] = []
    for posting in site.postings:
        fp = fingerprint(context_fp, repr((posting.id, posting.path, posting.meta, posting.body, posting.entry)))
        hit = cache.rendered.get(posting.id)
        if hit is not None and hit[0] == fp:
            pages[posting.id] = hit[1]
        else:
            todo.append((posting, fp))
    workers = _workers(len(todo), jobs)
    if workers > 1:
        results = _render_parallel(site, [p.id for p, _ in todo], workers)
    else:
        results = [_render_one(env, posting, site) for posting, _ in todo]
    problems: list[Problem] = []
    for (posting, fp), (rendered, problem) in zip(todo, results):
        if rendered is None:
            problems.append(problem)
            cache.rendered.pop(posting.id, None)
            continue
        cache.rendered[posting.id] = (fp, rendered)
        pages[posting.id] = rendered
    live = {p.id for p in site.postings}
    for stale in [k for k in cache.rendered if k not in live]:
        del cache.rendered[stale]
    return pages, problems, len(todo)


def _render_one(env: Any, posting: Posting, site: Site) -> tuple[Rendered | None, Problem | None]:
    """One posting's outputs, or the problem that stopped it (template errors are fatal)."""
    from natosite import ics, render
    from natosite.render_data import search_record_json

    try:
        outputs = (render.render_posting_page(env, posting, site), ics.render_posting_ics(posting, site))
        return Rendered(outputs, search_record_json(posting)), None
    except Exception as exc:  # noqa: BLE001 - reported per posting, the build carries on
        failure = render_failure(exc, site.config, posting.path or f"postings/{posting.id}.md")
        if failure.fatal:
            raise BuildFailed([failure.problem]) from None
        log.debug("could not render %s", posting.id, exc_info=True)
        return None, failure.problem


def _workers(todo: int, jobs: int | None) -> int:
    if jobs is not None:
        return max(1, min(jobs, todo))
    if todo < PARALLEL_MIN:
        return 1
    return min(2, os.cpu_count() or 1)


_WORKER: dict[str, Any] = {}


def _init_worker(site: Site) -> None:
    from natosite import render

    _WORKER["site"] = site
    _WORKER["env"] = render.make_env(site.config)
    _WORKER["by_id"] = {p.id: p for p in site.postings}


def _render_chunk(ids: Sequence[str]) -> list[tuple[Rendered | None, Problem | None]]:
    site, env, by_id = _WORKER["site"], _WORKER["env"], _WORKER["by_id"]
    out = []
    for posting_id in ids:
        try:
            out.append(_render_one(env, by_id[posting_id], site))
        except BuildFailed as exc:
            out.append((None, dataclasses.replace(exc.problems[0], message="\x00fatal:" + exc.problems[0].message)))
    return out


def _render_parallel(site: Site, ids: list[str], workers: int) -> list[tuple[Rendered | None, Problem | None]]:
    """Posting pages rendered by ``workers`` processes, in order."""
    size = max(1, len(ids) // (workers * 4))
    chunks = [ids[i : i + size] for i in range(0, len(ids), size)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(site,)) as pool:
        results = [r for chunk in pool.map(_render_chunk, chunks) for r in chunk]
    for _, problem in results:
        if problem is not None and problem.message.startswith("\x00fatal:"):
            raise BuildFailed([dataclasses.replace(problem, message=problem.message[len("\x00fatal:") :])])
    return results


def _index_outputs(env: Any, site: Site, search: dict[str, str], cache: BuildCache) -> list[Output]:
    """index, calendar, board, compare, search data, assets and the feed: rendered every time."""
    from natosite import ics, render

    try:
        outputs = list(render.render_index_pages(env, site, search))
        outputs.append(ics.render_ics(site, **cache.render_kwargs(ics.render_ics)))
    except Exception as exc:  # noqa: BLE001 - becomes a BuildFailed naming the template line
        failure = render_failure(exc, site.config, "templates")
        log.debug("could not render the index pages", exc_info=True)
        raise BuildFailed([failure.problem]) from None
    return outputs
