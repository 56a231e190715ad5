"""Rendering with memory: each posting's outputs, and the pages that list every posting.

Per posting (``posting_outputs``): the page, the ``.ics`` and the search record are
re-rendered only when the posting's inputs changed. Inputs are first compared by
identity (the parse cache and the tracker cache hand back the very same objects for
unchanged files), then by a fingerprint of their ``repr`` (meta, body, tracker entry,
plus the templates, config and the day of ``now``).

Listing pages (``index_outputs``): index, board, compare, calendar, assets and the
feed depend on every posting's meta and tracker entry, on ``now`` and the problems,
but not on posting bodies (the feed: ``ics.py``'s own contract; the pages: tested in
test_build.py by comparing with an uncached render). So a body-only edit within the
same hour (``listing_time``), while no "N days left" text changed (``clock_texts``),
reuses them and rebuilds only ``search-data.js``, by joining cached UTF-8 records.
When they are re-rendered (a tracker edit), the templates' cards, month grids and
agenda days come from ``render.Fragments`` (remembered by value), so only the pieces
that changed are rendered again.

Cold builds: worker processes render the postings (page, ``.ics``, search record and
feed blocks, all per-posting work) while this process renders the listing pages, which
need none of it (``prerender_listing``).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Hashable, Mapping, Sequence

from natosite.build_cache import BuildCache, fingerprint
from natosite.build_errors import BuildFailed, render_failure
from natosite.models import Output, Posting, Problem, Site, TrackerEntry
from natosite.writer import Stage

log = logging.getLogger("natosite")

# Render posting pages in worker processes when at least this many changed.
PARALLEL_MIN = 200
Progress = Callable[[int, int], None]  # (postings rendered so far, postings to render)
_FATAL = "\x00fatal:"


@dataclass(frozen=True)
class Rendered:
    """One posting's share of the site: page and .ics, search record, and its feed blocks if known."""

    outputs: tuple[Output, ...]
    search_bytes: bytes  # render_data.search_record_json, UTF-8 (kept once, as bytes)
    ics: tuple[Hashable, Any] | None = None  # (ics.fingerprint, ics.posting_ics_blocks) from a worker

    @property
    def search(self) -> str:
        return self.search_bytes.decode("utf-8")


@dataclass
class PostingMemo:
    """What a posting was rendered from, to recognise it next time."""

    fp: bytes
    meta: Mapping[str, Any]
    body: str
    entry: TrackerEntry | None
    path: str | None
    context: bytes
    rendered: Rendered

    def same(self, posting: Posting, context: bytes) -> bool:
        return self.entry is posting.entry and self.same_but_entry(posting, context)

    def same_but_entry(self, posting: Posting, context: bytes) -> bool:
        return (
            self.meta is posting.meta
            and self.body is posting.body
            and self.path == posting.path
            and self.context == context
        )


@dataclass
class IndexMemo:
    """The listing pages and the feed, and what they were rendered from."""

    context: bytes
    items: list[tuple[str, Mapping[str, Any], TrackerEntry | None]]
    outputs: tuple[Output, ...]

    def same(self, context: bytes, items: list[tuple[str, Mapping[str, Any], TrackerEntry | None]]) -> bool:
        if context != self.context or len(items) != len(self.items):
            return False
        for (i, m, e), (pi, pm, pe) in zip(items, self.items):
            if i != pi or (m is not pm and m != pm) or (e is not pe and e != pe):
                return False
        return True


def posting_fingerprint(posting: Posting, context: bytes) -> bytes:
    return fingerprint(context, repr((posting.id, posting.path, posting.meta, posting.body, posting.entry)))


def posting_outputs(
    env: Any,
    site: Site,
    cache: BuildCache,
    context: bytes,
    jobs: int | None,
    meanwhile: Callable[[], None] | None = None,
    progress: Progress | None = None,
    stage: Stage | None = None,
) -> tuple[dict[str, Rendered], list[Problem], int]:
    """Each posting's outputs, re-rendered only when its inputs changed; and the per-posting problems.

    ``meanwhile`` is called in this process while worker processes render (only then).
    ``progress(done, total)`` is called in this process as postings are rendered (not for
    those taken from the cache). ``stage``: when worker processes render, they also write the
    postings' files into it (``writer.Stage``; if it opens)."""
    pages: dict[str, Rendered] = {}
    todo: list[tuple[Posting, bytes | None]] = []
    for posting in site.postings:
        memo = cache.rendered.get(posting.id)
        if memo is not None and memo.same(posting, context):
            pages[posting.id] = memo.rendered
            continue
        if memo is not None and memo.same_but_entry(posting, context) and repr(memo.entry) == repr(posting.entry):
            memo.entry = posting.entry  # tracker.yaml re-read, this entry unchanged: memo.fp still holds
            pages[posting.id] = memo.rendered
            continue
        fp = posting_fingerprint(posting, context)
        if memo is not None and memo.fp == fp:
            cache.rendered[posting.id] = dataclasses.replace(
                memo, meta=posting.meta, body=posting.body, entry=posting.entry, path=posting.path, context=context
            )
            pages[posting.id] = memo.rendered
            continue
        todo.append((posting, fp))
    workers = workers_for(len(todo), jobs)
    if workers > 1:
        stage_dir = stage.open() if stage is not None else None
        results = _render_parallel(env, site, [p.id for p, _ in todo], workers, meanwhile, progress, stage_dir)
    else:
        results = []
        for posting, _ in todo:
            results.append((*render_one(env, posting, site), None))
            if progress is not None:
                progress(len(results), len(todo))
    problems: list[Problem] = []
    for (posting, fp), (rendered, problem, written) in zip(todo, results):
        if rendered is None:
            problems.append(problem)
            cache.rendered.pop(posting.id, None)
            continue
        if written is not None and stage is not None:
            for output, stat in zip(rendered.outputs, written):
                if stat is not None:
                    stage.add(output.path, output.data, stat)
        cache.rendered[posting.id] = PostingMemo(fp, posting.meta, posting.body, posting.entry, posting.path, context, rendered)
        pages[posting.id] = rendered
    live = {p.id for p in site.postings}
    for stale in [k for k in cache.rendered if k not in live]:
        del cache.rendered[stale]
    _prefill_feed_cache(cache, pages)
    return pages, problems, len(todo)


def render_one(env: Any, posting: Posting, site: Site, with_feed: bool = False) -> tuple[Rendered | None, Problem | None]:
    """One posting's outputs, or the problem that stopped it (template syntax errors are fatal)."""
    from natosite import ics, render
    from natosite.render_data import search_record_json

    try:
        feed = None
        if with_feed and ics.in_feed(posting):
            feed = (ics.fingerprint(posting, site.config), ics.posting_ics_blocks(posting, site.config))
        page = render.render_posting_page(env, posting, site)
        outputs = (page, ics.render_posting_ics(posting, site, feed[1] if feed else None))
        search = search_record_json(posting)
        return Rendered(outputs, search.encode("utf-8"), feed), None
    except Exception as exc:  # noqa: BLE001 - reported per posting, the build carries on
        failure = render_failure(exc, site.config, posting.path or f"postings/{posting.id}.md")
        if failure.fatal:
            raise BuildFailed([failure.problem]) from None
        log.debug("could not render %s", posting.id, exc_info=True)
        return None, failure.problem


def workers_for(todo: int, jobs: int | None) -> int:
    """Processes to render ``todo`` postings with: 1 unless many changed (or ``jobs`` says)."""
    if jobs is not None:
        return max(1, min(jobs, todo))
    if todo < PARALLEL_MIN:
        return 1
    return min(2, os.cpu_count() or 1)


_WORKER: dict[str, Any] = {}
Staged = list[tuple[int, int, int] | None] | None  # per output: (size, mtime_ns, inode) if written ahead


def _init_worker(site: Site, env: Any = None, stage_dir: str | None = None) -> None:
    """``env``: the parent's environment, inherited by a forked worker with its compiled templates.
    ``stage_dir``: the folder to write each posting's files into (``writer.Stage``), if any."""
    import gc
    import signal

    from natosite import render

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    # A worker renders and exits. Its cycle collector would only walk the heap it inherited,
    # again and again (~0.3 s of CPU a worker at 1,000 postings, and copy-on-write faults);
    # rendering makes no cyclic garbage (measured: gc.collect() finds none after 1,000 renders).
    gc.disable()

    _WORKER["site"] = site
    _WORKER["env"] = env if env is not None else render.make_env(site.config)
    _WORKER["by_id"] = {p.id: p for p in site.postings}
    _WORKER["stage"] = stage_dir
    _WORKER["folders"] = set()


def _render_chunk(ids: Sequence[str]) -> list[tuple[Rendered | None, Problem | None, Staged]]:
    site, env, by_id, stage_dir = _WORKER["site"], _WORKER["env"], _WORKER["by_id"], _WORKER["stage"]
    out: list[tuple[Rendered | None, Problem | None, Staged]] = []
    for posting_id in ids:
        try:
            rendered, problem = render_one(env, by_id[posting_id], site, with_feed=True)
        except BuildFailed as exc:
            first = exc.problems[0]
            out.append((None, dataclasses.replace(first, message=_FATAL + first.message), None))
            continue
        written = _write_ahead(stage_dir, rendered.outputs) if stage_dir is not None and rendered is not None else None
        out.append((rendered, problem, written))
    return out


def _write_ahead(stage_dir: str, outputs: Sequence[Output]) -> list[tuple[int, int, int] | None]:
    """Write a posting's files into the stage folder; per file its (size, mtime_ns, inode), or None
    where it was not written (a bad path, a duplicate, a full disk: ``write_site`` writes it or
    reports the problem, as without a stage)."""
    from natosite import writer_fs
    from natosite.errors import BuildError
    from natosite.writer import check_path

    folders: set[str] = _WORKER["folders"]
    written: list[tuple[int, int, int] | None] = []
    for output in outputs:
        try:
            path = check_path(output.path)
            folder = path.rpartition("/")[0]
            if folder and folder not in folders:
                os.makedirs(os.path.join(stage_dir, folder), exist_ok=True)
                folders.add(folder)
            written.append(writer_fs.stat_key(writer_fs.write_new(os.path.join(stage_dir, path), output.data)))
        except (BuildError, OSError):
            written.append(None)
    return written


def _render_parallel(
    env: Any,
    site: Site,
    ids: list[str],
    workers: int,
    meanwhile: Callable[[], None] | None = None,
    progress: Progress | None = None,
    stage_dir: Path | None = None,
) -> list[tuple[Rendered | None, Problem | None, Staged]]:
    """Postings rendered by ``workers`` processes (each gets the site once), in order.

    ``progress`` is called here, chunk by chunk, once ``meanwhile`` has returned.

    Forked workers inherit ``env`` with the posting template already compiled (the site
    and env are not pickled then); other start methods pickle the site and make their own env."""
    import multiprocessing

    size = max(1, len(ids) // (workers * 4))
    chunks = [ids[i : i + size] for i in range(0, len(ids), size)]
    context = fork_context() or multiprocessing.get_context()  # spawn on macOS and Windows
    forked = context.get_start_method() == "fork"
    if forked:
        _compile_posting_templates(env)
        from natosite import ics  # noqa: F401 - imported once here, not by every worker (icalendar: ~0.14 s)
    initargs = (site, env if forked else None, None if stage_dir is None else str(stage_dir))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker, initargs=initargs)
    try:
        pending = [pool.submit(_render_chunk, chunk) for chunk in chunks]
        if meanwhile is not None:
            meanwhile()
        results = []
        for future in pending:
            results += future.result()
            if progress is not None:
                progress(len(results), len(ids))
    except BaseException:
        # Ctrl-C or a failure: do not render the rest. Workers writing into a stage finish their
        # chunk first (a fraction of a second), so that the caller can delete the folder whole.
        pool.shutdown(wait=stage_dir is not None, cancel_futures=True)
        raise
    pool.shutdown()
    for _, problem, _ in results:
        if problem is not None and problem.message.startswith(_FATAL):
            raise BuildFailed([dataclasses.replace(problem, message=problem.message[len(_FATAL) :])])
    return results


def fork_context() -> Any:
    """multiprocessing's "fork" context on Linux, else None (macOS: fork is unsafe there; Windows has none).

    Asked for by name: Python 3.14 makes "forkserver" the default on Linux, whose workers would
    each import natosite and be sent the whole site."""
    import multiprocessing

    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _compile_posting_templates(env: Any) -> None:
    """Compile the posting page's templates once, before forking (else each worker compiles them).

    Errors are left for the workers to report per posting, as without this step."""
    for name in ("posting.html", "base.html", "macros.html"):
        try:
            env.get_template(name)
        except Exception:  # noqa: BLE001 - see the docstring
            pass


def _prefill_feed_cache(cache: BuildCache, pages: Mapping[str, Rendered]) -> None:
    """Feed blocks computed by workers go into the feed's cache, so the parent does not redo them."""
    from natosite import ics

    found = [r.ics for r in pages.values() if r.ics is not None]
    if not found:
        return
    feed_cache = cache.render_kwargs(ics.render_ics).get("cache")
    if isinstance(feed_cache, dict):
        feed_cache.update(found)
    for page_id, rendered in list(pages.items()):
        if rendered.ics is not None:  # do not keep (or pickle) the blocks twice
            memo = cache.rendered.get(page_id)
            lean = dataclasses.replace(rendered, ics=None)
            if memo is not None and memo.rendered is rendered:
                memo.rendered = lean


def _index_key(site: Site, context: bytes) -> tuple[bytes, list[tuple[str, Mapping[str, Any], TrackerEntry | None]]]:
    key = fingerprint(context, listing_time(site.now), repr(site.problems), repr(clock_texts(site)))
    return key, [(p.id, p.meta, p.entry) for p in site.postings]


@dataclass(frozen=True)
class Listing:
    """Listing pages rendered ahead (while workers rendered the postings), for this site only."""

    site: Site
    outputs: tuple[Output, ...]


def prerender_listing(env: Any, site: Site, cache: BuildCache, context: bytes) -> Listing | None:
    """index/board/compare/calendar of ``site`` unless the cached ones will do; None on any error
    (``index_outputs`` then renders them again and reports it)."""
    from natosite import render

    memo: IndexMemo | None = cache.index
    if memo is not None and memo.same(*_index_key(site, context)):
        return None
    try:
        return Listing(site, tuple(render.render_listing_pages(env, site)))
    except Exception:  # noqa: BLE001 - see the docstring
        log.debug("could not render the listing pages ahead", exc_info=True)
        return None


def index_outputs(
    env: Any, site: Site, pages: Mapping[str, Rendered], cache: BuildCache, context: bytes, listing: Listing | None = None
) -> list[Output]:
    """The listing pages, the search data, the assets and the feed (see the module docstring).

    ``listing``: index/board/compare/calendar rendered ahead, used if made from this very ``site``."""
    from natosite import ics, render

    key, items = _index_key(site, context)
    memo: IndexMemo | None = cache.index
    try:
        if memo is not None and memo.same(key, items):
            search = _search_data(site, pages, cache)
            return [search if o.path == render.SEARCH_DATA else o for o in memo.outputs]
        if listing is not None and listing.site is site:
            ahead = list(listing.outputs)
        else:
            ahead = render.render_listing_pages(env, site)
        outputs = [*ahead, _search_data(site, pages, cache), *render.render_assets(site.config)]
        outputs.append(ics.render_ics(site, **cache.render_kwargs(ics.render_ics)))
    except BuildFailed:
        raise
    except Exception as exc:  # noqa: BLE001 - becomes a BuildFailed naming the template line
        failure = render_failure(exc, site.config, "templates")
        log.debug("could not render the listing pages", exc_info=True)
        raise BuildFailed([failure.problem]) from None
    cache.index = IndexMemo(key, items, tuple(outputs))
    _check_search_join(site, pages, cache, outputs)
    return outputs


def listing_time(now: Any) -> str:
    """The part of 'now' the listing pages are keyed on: the hour (exact under SOURCE_DATE_EPOCH,
    where 'now' is fixed). Within an hour a body-only edit may reuse them (see ``clock_texts``);
    only their "built at" time is then older, by less than an hour."""
    return now.replace(minute=0, second=0, microsecond=0).isoformat()


def clock_texts(site: Site) -> list[tuple[str, str]]:
    """Every posting's "3 days left" text and urgency at ``site.now``: when any changes
    (a deadline passes, a day or an hour ticks over), the listing pages are re-rendered."""
    from natosite.render import site_cards

    return [(c.left, c.urgency) for c in site_cards(site)]


def _search_split(cache: BuildCache) -> tuple[bytes, bytes] | None:
    """search-data.js around its records, when ``render_data.search_data_js`` is a plain join."""
    from natosite.render_data import search_data_js

    if cache.search_split is None:
        marker = "\x00records\x00"
        whole = search_data_js([marker])
        prefix, _, suffix = whole.partition(marker.encode("utf-8"))
        cache.search_split = (prefix, suffix) if _ else False
    return cache.search_split or None


def _search_data(site: Site, pages: Mapping[str, Rendered], cache: BuildCache) -> Output:
    from natosite import render

    split = _search_split(cache) if cache.search_join_ok else None
    if split is None:
        return render.render_search_data(site, {p.id: pages[p.id].search for p in site.postings})
    body = b",\n".join(pages[p.id].search_bytes for p in site.postings)
    return Output(render.SEARCH_DATA, split[0] + body + split[1])


def _check_search_join(site: Site, pages: Mapping[str, Rendered], cache: BuildCache, outputs: list[Output]) -> None:
    """Use the joined search data only after it matched the renderer's own, byte for byte."""
    from natosite import render

    if cache.search_join_ok:
        return
    theirs = next((o for o in outputs if o.path == render.SEARCH_DATA), None)
    split = _search_split(cache)
    if theirs is not None and split is not None:
        ours = split[0] + b",\n".join(pages[p.id].search_bytes for p in site.postings) + split[1]
        cache.search_join_ok = ours == theirs.data
