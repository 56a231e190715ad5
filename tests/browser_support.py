"""Headless Debian Chromium (via Playwright, one per test module) and one built demo site
per test session, shared by test_browser.py and test_a11y.py.

Never downloads a browser: it drives /usr/bin/chromium. Without it the tests skip, except
under CI (CI=true), where a skipped browser test would hide a broken setup, so they fail.
Pages are opened from file:// only; every request to anything else is recorded so tests
can assert there were none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest

CHROMIUM = os.environ.get("NATOSITE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The browser's clock in the tests: the build's SOURCE_DATE_EPOCH, 2026-11-23T12:00Z.
BROWSER_NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)

_STATE: dict[str, Any] = {}


def unavailable(reason: str) -> None:
    """Skip, or fail under CI where every browser test must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


@contextlib.contextmanager
def launched_browser() -> Iterator[Any]:
    """Chromium for one test module, closed at its end.

    Per module, not per session: Playwright's sync API allows one running instance per
    thread, and other modules (test_serve_browser.py) start their own."""
    if "error" in _STATE:
        unavailable(_STATE["error"])
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        _STATE["error"] = f"{CHROMIUM} is missing (apt-get install chromium)"
        unavailable(_STATE["error"])
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _STATE["error"] = "playwright is not installed (pip install -e '.[test]')"
        unavailable(_STATE["error"])
    with sync_playwright() as manager:
        try:
            browser = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as exc:  # noqa: BLE001 - reported as the reason
            _STATE["error"] = f"cannot launch {CHROMIUM}: {exc}"
            unavailable(_STATE["error"])
        try:
            yield browser
        finally:
            browser.close()


def shared_site(config: pytest.Config) -> Path:
    """The demo site (five seeds + one hostile posting) rendered once into a temp folder."""
    if "site" in _STATE:
        return _STATE["site"]
    from natosite.render import render_html
    from render_demo import demo_site

    out = Path(tempfile.mkdtemp(prefix="natosite-browser-"))
    for output in render_html(demo_site(out / "workspace", hostile=True)):
        path = out / "site" / output.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.data)
    _STATE["site"] = out / "site"
    config.add_cleanup(lambda: shutil.rmtree(out, ignore_errors=True))
    return out / "site"


@dataclass
class PageWatch:
    """Console errors, page errors and non-file:// requests seen by a page."""

    errors: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "about:")) else self.remote.append(r.url))

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.remote == [], f"requests outside file://: {self.remote}"


def new_page(browser, *, width: int = 1280, height: int = 900, now: dt.datetime = BROWSER_NOW, dark: bool = False):
    """A fresh context (own localStorage) and page with a fixed clock; returns (context, page, watch)."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme="dark" if dark else "light",
        timezone_id="Europe/Brussels", locale="en-GB",
    )
    page = context.new_page()
    page.clock.set_fixed_time(now)
    watch = PageWatch()
    watch.attach(page)
    return context, page, watch
