"""A real Chromium on the dev server: an edit changes the open page; a broken tracker shows the overlay.

Debian's chromium (/usr/bin/chromium) through Playwright; never `playwright install`.
Under CI=true a missing browser fails the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from natosite.config import load_config
from natosite.serve import DevServer

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("NATOSITE_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 30_000  # generous limit for waiting only


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()


def posting(title: str, body: str) -> str:
    return (
        f"---\ntitle: {title}\norganisation: NATO IS\ngrade: G15\n"
        f"deadline: 2026-12-18T23:59:00+01:00\ntimezone: Europe/Brussels\n---\n\n{body}\n"
    )


@pytest.fixture
def served(write_tree) -> Iterator[tuple[Path, DevServer]]:
    root = write_tree(
        {
            "postings/a-first.md": posting("First posting", "The original text."),
            "tracker.yaml": "a-first:\n  status: applied\n",
        }
    )
    server = DevServer(load_config(root), "127.0.0.1", 0, build_delay=0.05)
    server.start()
    yield root, server
    server.stop()


def test_editing_a_posting_changes_the_open_page(browser, served) -> None:
    root, server = served
    page = browser.new_page()
    try:
        page.goto(server.url + "postings/a-first.html")
        page.wait_for_selector("text=The original text.", timeout=WAIT_MS)
        page.wait_for_function("() => !!document.querySelector('script[src*=\"__natosite/reload.js\"]')", timeout=WAIT_MS)
        page.wait_for_timeout(300)  # let the event stream connect (a change before that is caught anyway)
        (root / "postings/a-first.md").write_text(posting("First posting", "Text changed in the editor."))
        page.wait_for_selector("text=Text changed in the editor.", timeout=WAIT_MS)
        assert "The original text." not in page.content()
    finally:
        page.close()


def test_broken_tracker_shows_an_overlay_and_recovers(browser, served) -> None:
    root, server = served
    page = browser.new_page()
    try:
        page.goto(server.url)
        page.wait_for_selector("[data-posting='a-first']", timeout=WAIT_MS)
        page.wait_for_timeout(300)
        (root / "tracker.yaml").write_text("a-first:\n  status: [applied\n")
        overlay = page.wait_for_selector("#natosite-overlay", timeout=WAIT_MS)
        text = overlay.inner_text()
        assert "tracker.yaml:" in text and "bad YAML" in text
        assert page.locator("[data-posting='a-first']").count() == 1  # the last good page stays
        (root / "tracker.yaml").write_text("a-first:\n  status: interview\n")
        page.wait_for_selector("#natosite-overlay", state="detached", timeout=WAIT_MS)
        page.wait_for_selector("[data-posting='a-first']", timeout=WAIT_MS)
    finally:
        page.close()
