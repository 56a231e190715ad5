"""axe-core in the browser: no serious or critical accessibility violations on any page,
in light and dark colour schemes, and with the calendar and compare widgets set up by JS.

axe.min.js comes from the PyPI package ``axe-playwright-python`` (no download at run time).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import new_page, launched_browser, shared_site

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "postings/250875-head-nato-affairs-and-security-policy.html",
    "postings/hostile-analyst.html",
    "postings/250974-senior-assistant-recruitment.html",
    "calendar.html",
    "board.html",
    "compare.html",
]
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def browser():
    with launched_browser() as instance:
        yield instance


@pytest.fixture(scope="session")
def site_dir(pytestconfig) -> Path:
    return shared_site(pytestconfig)


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def run_axe(axe, page, rules: list[str] | None = None):
    """axe.run without its CSSOM preload: that XHR is refused on file:// (a console error) and
    feeds only css-orientation-lock, which our CSS never sets. ``rules`` limits the run."""
    options: dict = {"resultTypes": ["violations"], "preload": False}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return axe.run(page, options=options)


def blocking(results) -> list[str]:
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in BLOCKING:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
            found.append(f"{violation['impact']}: {violation['id']}: {violation['help']} at {targets}")
    return found


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_no_serious_violations(browser, site_dir, axe, dark):
    """Every rule in the light scheme; the dark scheme changes only colours, so there
    the colour rules run."""
    context, page, watch = new_page(browser, dark=dark)
    problems = []
    rules = ["color-contrast", "link-in-text-block"] if dark else None
    for name in PAGES:
        page.goto((site_dir / name).as_uri())
        if name == "index.html":
            page.fill("#q", "policy")  # with a filtered list and the live result count
        if name == "compare.html":
            page.click("summary")  # the picker open
        problems += [f"{name}: {p}" for p in blocking(run_axe(axe, page, rules))]
    context.close()
    watch.assert_clean()
    assert problems == [], "\n".join(problems)


def test_no_serious_violations_on_a_phone(browser, site_dir, axe):
    context, page, watch = new_page(browser, width=390, height=844)
    problems = []
    for name in ("index.html", "calendar.html", "board.html"):
        page.goto((site_dir / name).as_uri())
        problems += [f"{name}: {p}" for p in blocking(run_axe(axe, page))]
    context.close()
    watch.assert_clean()
    assert problems == [], "\n".join(problems)


def test_axe_finds_what_it_should(browser, axe):
    """The check itself works: a page with known serious problems is caught."""
    context, page, watch = new_page(browser)
    page.set_content('<html><body><img src="data:,"><input type="text"><p style="color:#eee;background:#fff">x</p></body></html>')
    ids = {p.split(": ")[1] for p in blocking(run_axe(axe, page))}
    context.close()
    assert {"image-alt", "label", "html-has-lang"} & ids
