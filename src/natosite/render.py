"""The Jinja environment and the page renderers: ``Site`` -> ``list[Output]``.

Templates come from ``config.template_dirs`` (the workspace's ``templates/`` first, then the
packaged ones), so a workspace overrides them file by file; so are the files under
``templates/assets/``, copied to ``assets/``. Autoescape is on for every template and
undefined names fail loudly; the only markup marked safe is ``render_markdown``'s output.

Pages link relatively (``root`` is ``""`` at the top, ``"../"`` in ``postings/``) so the
site works from ``file://`` and under any sub-path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import traceback
from pathlib import Path
from typing import Any, Iterable, Mapping

import jinja2
from markupsafe import Markup

from natosite import __version__
from natosite.errors import BuildError
from natosite.markdown import render_markdown
from natosite.models import Output, Posting, Site
from natosite.render_calendar import WEEKDAY_NAMES, agenda, build_months, day_heading, item_time
from natosite.render_data import (
    COMPARE_LABELS,
    Card,
    card,
    compare_fields,
    day_start,
    facts,
    format_date,
    format_value,
    iso,
    label,
    search_data_js,
    search_record_json,
)
from natosite.site import BOARD_STATUSES, by_status, calendar_items, posting_url, zone

__all__ = [
    "make_env",
    "posting_url",
    "render_assets",
    "render_board",
    "render_calendar",
    "render_compare",
    "render_html",
    "render_index",
    "render_index_pages",
    "render_listing_pages",
    "render_markdown",
    "render_posting_page",
    "render_search_data",
    "site_cards",
]

ASSETS_DIR = "assets"
SEARCH_DATA = "search-data.js"
INDEX_PAGES = ("index", "calendar", "board", "compare")


# The options compiled templates depend on (the cache of compiled templates is keyed on them).
_ENV_OPTIONS: dict[str, Any] = dict(
    autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)


class TemplateCodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in the workspace's ``.natosite-cache/templates/``: every build
    process after the first skips compiling them (~80 ms for the shipped ones).

    Jinja checks each entry against the template's source (sha1) and its own version; the file
    names carry natosite's version and the environment's options, which the code also depends
    on (and Jinja's exact version: its own check is of a format number). Optional: an entry that
    cannot be read or written is compiled again, nothing fails."""

    def __init__(self, directory: Path) -> None:
        key = hashlib.sha1(repr((__version__, jinja2.__version__, sorted(_ENV_OPTIONS.items()))).encode()).hexdigest()[:12]
        super().__init__(str(directory), f"natosite-{key}-%s.cache")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged entry: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _code_cache(config: Any) -> TemplateCodeCache | None:
    folder = config.cache_dir / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCodeCache(folder)


def make_env(config: Any) -> jinja2.Environment:
    """Autoescaping, strict Jinja environment over ``config.template_dirs``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in config.template_dirs]),
        undefined=jinja2.StrictUndefined,
        # No stat() of the template file on every get_template: build_cache.environment makes
        # a new environment when any template file changes (3 stats a posting page before).
        auto_reload=False,
        bytecode_cache=_code_cache(config),
        **_ENV_OPTIONS,
    )
    env.filters.update(
        date=format_date,
        iso=iso,
        value=format_value,
        label=label,
        markdown=_markdown_filter,
        day_heading=day_heading,
        item_time=item_time,
    )
    fragments = Fragments(env)
    env.globals.update(posting_url=posting_url, weekday_names=WEEKDAY_NAMES, fragment=fragments, fragment_each=fragments.each)
    return env


class Fragments:
    """``fragment(name, **values)`` in templates: the template ``name`` rendered with ``values``
    (and the globals only), remembered by name and values. The listing pages render each
    card, month and agenda day through it, so a rebuild after a tracker edit re-renders only
    the pieces whose values changed. Values must be hashable (lists are keyed as tuples)
    and must be everything the fragment reads; the environment's filters and globals do
    not change (a new environment comes with new templates or config, see build_cache)."""

    LIMIT = 50_000  # remembered pieces; all are forgotten past this (a long serve session)

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.memo: dict[Any, Markup] = {}
        self.by_item: dict[tuple[str, str, int], tuple[Any, Markup]] = {}

    def __call__(self, name: str, **values: Any) -> Markup:
        key = (name, *((k, tuple(v) if type(v) is list else v) for k, v in sorted(values.items())))
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= self.LIMIT:
                self.memo.clear()
                self.by_item.clear()
            found = self.memo[key] = Markup(self.env.get_template(name).render(**values))
        return found

    def each(self, name: str, var: str, items: Iterable[Any]) -> Markup:
        """``fragment_each(name, var, items)`` in templates: ``fragment(name, var=item)`` for every
        item, each followed by a newline, as one piece (what a ``{% for %}`` loop over
        ``{{ fragment(...) }}`` lines gives, without a template loop over 1,000 cards).
        An item seen before as the very same object (cards are, while unchanged) is looked up by identity."""
        parts = []
        by_item = self.by_item
        for item in items:
            slot = (name, var, id(item))
            hit = by_item.get(slot)
            if hit is None or hit[0] is not item:
                if len(by_item) >= self.LIMIT:
                    by_item.clear()
                hit = by_item[slot] = (item, self(name, **{var: item}))  # holds item: its id is not reused
            parts.append(hit[1])
        return Markup("\n".join(parts) + "\n") if parts else Markup("")


def _markdown_filter(text: str | None, heading_offset: int = 0) -> Markup:
    return render_markdown(text, heading_offset)


def _render(env: jinja2.Environment, template: str, path: str, **context: Any) -> Output:
    """Render one template to an Output; template mistakes become a BuildError naming file:line."""
    try:
        html = env.get_template(template).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name or template}:{exc.lineno}"
        raise BuildError(f"{where}: template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError(f"template {exc.name!r} not found in {_dirs(env)}") from None
    except jinja2.TemplateError as exc:
        raise BuildError(f"{_template_frame(exc) or template}: while rendering {path}: {exc}") from None
    return Output(path, html.encode("utf-8"))


def _dirs(env: jinja2.Environment) -> str:
    loader = env.loader
    paths = getattr(loader, "searchpath", [])
    return ", ".join(str(p) for p in paths) or "(no template folders)"


def _template_frame(exc: BaseException) -> str | None:
    """``templates/x.html:12`` of the innermost template line in the traceback, if any."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".htm", ".xml", ".j2")):
            found = f"{frame.filename}:{frame.lineno}"
    return found


def _common(site_config: Any, root: str, page: str, build_date: dt.date) -> dict[str, Any]:
    return {"config": site_config, "root": root, "page": page, "build_date": build_date}


def render_posting_page(env: jinja2.Environment, posting: Posting, site: Site) -> Output:
    """``postings/<id>.html``. Depends only on this posting, its entry, the config, the
    templates and the DATE of ``site.now`` (so a build may cache it per posting)."""
    config = site.config
    today_start = day_start(site.now)
    entry = posting.entry
    context = _common(config, "../", "posting", today_start.date())
    context.update(
        posting=posting,
        card=card(posting, today_start, config.timezone, config.compare_tag),
        facts=facts(posting),
        body=render_markdown(posting.body, heading_offset=1),
        entry=entry,
        notes=render_markdown(entry.notes if entry else None, heading_offset=2),
        extra=sorted((entry.extra or {}).items()) if entry else [],
        compare=compare_fields(posting),
        ics_url=f"{posting.id}.ics",
    )
    return _render(env, "posting.html", posting_url(posting.id), **context)


def render_index_pages(
    env: jinja2.Environment, site: Site, search_records: Mapping[str, str] | None = None
) -> list[Output]:
    """index.html, calendar.html, board.html, compare.html, search-data.js and assets/.

    ``search_records`` may give cached ``search_record_json`` texts by posting id."""
    return [*render_listing_pages(env, site), render_search_data(site, search_records), *render_assets(site.config)]


def render_listing_pages(env: jinja2.Environment, site: Site) -> list[Output]:
    """index.html, board.html, compare.html and calendar.html: they need no posting's
    rendered page, so a build may render them while workers render the postings."""
    cards = site_cards(site)
    return [
        render_index(env, site, cards),
        render_board(env, site, cards),
        render_compare(env, site, cards),
        render_calendar(env, site),
    ]


def site_cards(site: Site) -> list[Card]:
    """Every posting's card, in site order (the time-left texts use ``site.now``). The list is
    shared by the pages of one build (the last site's is kept): do not change it."""
    last = _LAST_CARDS.get("site")
    if last is site:
        return _LAST_CARDS["cards"]
    config = site.config
    cards = [card(p, site.now, config.timezone, config.compare_tag) for p in site.postings]
    _LAST_CARDS.update(site=site, cards=cards)
    return cards


_LAST_CARDS: dict[str, Any] = {}


def _today(site: Site) -> dt.date:
    return site.now.astimezone(zone(site.config.timezone)).date()


def _page_context(site: Site, page: str, cards: list[Card]) -> dict[str, Any]:
    context = _common(site.config, "", page, _today(site))
    context.update(cards=cards, problems=site.problems, now_iso=iso(site.now))
    return context


def render_index(env: jinja2.Environment, site: Site, cards: list[Card] | None = None) -> Output:
    """index.html: every posting with search and filters."""
    cards = site_cards(site) if cards is None else cards
    return _render(env, "index.html", "index.html", **_page_context(site, "index", cards), filters=_filter_options(cards))


def render_board(env: jinja2.Environment, site: Site, cards: list[Card] | None = None) -> Output:
    """board.html: one column per status."""
    cards = site_cards(site) if cards is None else cards
    by_id = {c.id: c for c in cards}
    columns = [(status, [by_id[p.id] for p in ps]) for status, ps in by_status(site.postings)]
    return _render(env, "board.html", "board.html", **_page_context(site, "board", cards), columns=columns)


def render_compare(env: jinja2.Environment, site: Site, cards: list[Card] | None = None) -> Output:
    """compare.html: marked postings side by side; the rest can be ticked in the browser."""
    cards = site_cards(site) if cards is None else cards
    by_id = {c.id: c for c in cards}
    chosen = [(by_id[p.id], compare_fields(p)) for p in site.postings if by_id[p.id].compared]
    return _render(env, "compare.html", "compare.html", **_page_context(site, "compare", cards),
                   compared=chosen, labels=COMPARE_LABELS)


def render_calendar(env: jinja2.Environment, site: Site) -> Output:
    """calendar.html: month grids and the agenda."""
    items = calendar_items(site)
    today = _today(site)
    return _render(env, "calendar.html", "calendar.html", **_page_context(site, "calendar", []),
                   months=build_months(items, today), agenda=agenda(items), today=today)


def render_search_data(site: Site, cached: Mapping[str, str] | None = None) -> Output:
    """search-data.js: every posting's search record, in site order."""
    cached = cached or {}
    records = (cached.get(p.id) or search_record_json(p) for p in site.postings)
    return Output(SEARCH_DATA, search_data_js(records))


def _grade_key(grade: str) -> tuple:
    digits = "".join(c if c.isdigit() else " " for c in grade).split()
    return (int(digits[0]) if digits else 10**6, grade)


def _filter_options(cards: Iterable[Any]) -> dict[str, list[str]]:
    cards = list(cards)
    present = {c.status for c in cards}
    return {
        "status": [s for s in BOARD_STATUSES if s in present] + sorted(present - set(BOARD_STATUSES)),
        "organisation": sorted({c.organisation for c in cards if c.organisation}, key=str.casefold),
        "grade": sorted({c.grade for c in cards if c.grade}, key=_grade_key),
    }


def asset_files(template_dirs: Iterable[Path]) -> dict[str, Path]:
    """``assets/<rel>`` -> file; a workspace's file wins over the packaged one of the same name."""
    found: dict[str, Path] = {}
    for base in template_dirs:
        folder = Path(base) / ASSETS_DIR
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = f"{ASSETS_DIR}/{path.relative_to(folder).as_posix()}"
                found.setdefault(rel, path)
    return found


def render_assets(config: Any) -> list[Output]:
    """The CSS and browser JS, copied byte for byte."""
    try:
        return [Output(rel, path.read_bytes()) for rel, path in sorted(asset_files(config.template_dirs).items())]
    except OSError as exc:
        raise BuildError(f"{exc.filename}: cannot read asset: {exc.strerror}") from None


def render_html(site: Site) -> list[Output]:
    """Every page, the search data and the assets, sorted by path."""
    env = make_env(site.config)
    outputs = [render_posting_page(env, p, site) for p in site.postings]
    outputs.extend(render_index_pages(env, site))
    return sorted(outputs, key=lambda o: o.path)
