"""The built site in a real browser (headless Debian Chromium), opened from file://:
search, filters, time left, calendar keyboard navigation, compare, no errors, no network."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest

from browser_support import BROWSER_NOW, new_page, launched_browser, shared_site
from render_demo import HOSTILE_TITLE

pytestmark = pytest.mark.browser

PASP = "250875-head-nato-affairs-and-security-policy"
ALL = [
    "hr-policy-officer", "hostile-analyst", PASP, "diversity-and-inclusion-adviser",
    "250974-senior-assistant-recruitment", "head-policy-planning-unit",
]


@pytest.fixture(scope="module")
def browser():
    with launched_browser() as instance:
        yield instance


@pytest.fixture(scope="session")
def site_dir(pytestconfig) -> Path:
    return shared_site(pytestconfig)


@pytest.fixture
def open_page(browser, site_dir):
    """``open_page("index.html", width=..., now=...)`` -> page; checks for errors and network at the end."""
    opened = []

    def open_(name: str, **kw):
        context, page, watch = new_page(browser, **kw)
        opened.append((context, watch))
        page.goto((site_dir / name).as_uri())
        return page

    yield open_
    for context, watch in opened:
        context.close()
        watch.assert_clean()


@pytest.fixture(scope="module")
def index_page(browser, site_dir):
    """One index page shared by the search and filter tests (reset before each), for speed."""
    context, page, watch = new_page(browser)
    page.goto((site_dir / "index.html").as_uri())
    yield page, watch
    context.close()
    watch.assert_clean()


@pytest.fixture
def index(index_page):
    page, watch = index_page
    for select in ("#f-status", "#f-org", "#f-grade", "#f-open"):
        page.select_option(select, "")
    page.fill("#q", "")
    yield page
    watch.assert_clean()


def visible(page) -> list[str]:
    return page.eval_on_selector_all(
        "#postings [data-posting]", "els => els.filter(e => !e.hidden).map(e => e.dataset.posting)"
    )


def search(page, text: str) -> list[str]:
    page.fill("#q", text)
    return visible(page)


def test_index_shows_every_posting_soonest_first(open_page):
    page = open_page("index.html")
    assert visible(page) == ALL
    assert page.locator('input[type="search"]').count() == 1
    assert page.text_content("#result-count") == "Showing all 6."


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("policy planning", ["head-policy-planning-unit"]),  # all words must match
        ("polic plan", ["head-policy-planning-unit"]),  # prefixes forgiven
        ("dupont reference", ["hr-policy-officer"]),  # tracker notes are searched
        ("dupont essay", []),  # ... and every word must match
        ("taleo", [PASP]),  # reminder notes
        ("SECURITE", ["hostile-analyst"]),  # accents and case forgiven (title has "Sécurité")
        ("régulations", ["diversity-and-inclusion-adviser"]),  # accent in query, and in the text
        ("regulations", ["diversity-and-inclusion-adviser"]),
        ("G22", [PASP, "head-policy-planning-unit"]),  # facts too
        ("</script>", ["hostile-analyst"]),  # the word "script" of the hostile title, as text
        (" -- && ", ALL),  # punctuation only: no words, no filter
        ("olicy", []),  # a prefix, not any substring
        ("zzzz", []),
    ],
)
def test_search(index, query, expected):
    page = index
    assert search(page, query) == expected
    if expected:
        assert page.is_hidden("#no-results")
        assert page.text_content("#result-count") in (f"Showing {len(expected)} of 6.", "Showing all 6.")
    else:
        assert page.is_visible("#no-results")


def test_filters_combine_with_search(index):
    page = index
    page.select_option("#f-status", "interview")
    assert visible(page) == [PASP]
    page.select_option("#f-status", "")
    page.select_option("#f-org", "International Military Staff (IMS)")
    assert visible(page) == ["250974-senior-assistant-recruitment"]
    page.select_option("#f-org", "")
    page.select_option("#f-grade", "G22")
    assert visible(page) == [PASP, "head-policy-planning-unit"]
    page.select_option("#f-open", "closed")
    assert visible(page) == ["head-policy-planning-unit"]
    page.select_option("#f-open", "open")
    assert visible(page) == [PASP]
    assert search(page, "written test") == [PASP]
    assert search(page, "planning") == []
    page.select_option("#f-grade", "")
    page.select_option("#f-open", "")
    assert search(page, "") == ALL


def test_query_string_prefills_search(browser, site_dir):
    context, page, watch = new_page(browser)
    page.goto((site_dir / "index.html").as_uri() + "?q=taleo&status=interview")
    assert page.input_value("#q") == "taleo"
    assert visible(page) == [PASP]
    context.close()
    watch.assert_clean()


def test_time_left_is_computed_when_the_page_is_viewed(open_page):
    left = '[data-posting="hr-policy-officer"] [data-left]'
    page = open_page("index.html")  # 2026-11-23 12:00Z; deadline 26 Nov 23:59 Brussels
    assert page.text_content(left) == "3 days left"
    page.clock.set_fixed_time(dt.datetime(2026, 11, 26, 20, 0, tzinfo=dt.timezone.utc))
    page.reload()
    assert page.text_content(left) == "2 hours left"
    page.clock.set_fixed_time(dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.timezone.utc))
    page.reload()
    after = page
    assert after.text_content(left) == "closed"
    # closed since the build: moved among the closed ones (most recently closed first) ...
    assert visible(after)[-2:] == ["hr-policy-officer", "head-policy-planning-unit"]
    # ... and the open/closed filter follows the clock, not the build
    after.select_option("#f-open", "closed")
    assert visible(after) == ["hr-policy-officer", "head-policy-planning-unit"]
    page.clock.set_fixed_time(dt.datetime(2026, 12, 17, 12, 0, tzinfo=dt.timezone.utc))
    page.goto(page.url.replace("index.html", f"postings/{PASP}.html"))
    assert page.text_content(".when [data-left]") == "1 day left"


def test_hostile_text_stays_text(open_page):
    page = open_page("index.html")
    assert page.evaluate("window.__pwned") is None
    assert page.text_content('[data-posting="hostile-analyst"] .card-title') == HOSTILE_TITLE
    posting = open_page("postings/hostile-analyst.html")
    assert posting.evaluate("window.__pwned") is None
    assert posting.text_content("h1") == HOSTILE_TITLE
    assert posting.locator(".prose a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == ["https://www.nato.int/"]
    assert "[click](javascript:window.__pwned=4)" in posting.text_content(".body .prose")  # not a link: shown as text


def month(page) -> str:
    return page.text_content("#cal-current")


def shown_months(page) -> list[str]:
    return page.eval_on_selector_all(".month", "ms => ms.filter(m => !m.hidden).map(m => m.dataset.month)")


def test_calendar_keyboard_and_buttons(open_page):
    page = open_page("calendar.html")
    assert month(page) == "November 2026" and shown_months(page) == ["2026-11"]
    today = page.locator('td[aria-current="date"]')
    assert today.count() == 1 and today.get_attribute("data-date") == "2026-11-23"
    page.focus("#calendar")
    page.keyboard.press("ArrowRight")
    assert month(page) == "December 2026" and shown_months(page) == ["2026-12"]
    assert page.is_visible('td[data-date="2026-12-03"] >> text=Written test')
    page.keyboard.press("PageDown")
    assert month(page) == "January 2027"
    page.keyboard.press("ArrowRight")  # the last month: stays
    assert month(page) == "January 2027"
    assert page.is_disabled('[data-cal="next"]')
    page.keyboard.press("Home")
    assert month(page) == "November 2026"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    assert month(page) == "September 2026"
    page.click('[aria-label="Next month"]')
    assert month(page) == "October 2026"
    page.click('[aria-label="Previous month"]')
    page.click("text=Today")
    assert month(page) == "November 2026"
    # Tab reaches the buttons; Enter on "Next month" works like a click.
    page.focus('[aria-label="Next month"]')
    page.keyboard.press("Enter")
    assert month(page) == "December 2026"


def test_calendar_today_marker_follows_the_browser_clock(open_page):
    page = open_page("calendar.html", now=dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone.utc))
    assert month(page) == "December 2026"
    cells = page.locator('td[aria-current="date"]')
    assert cells.count() == 1 and cells.get_attribute("data-date") == "2026-12-02"
    past = page.eval_on_selector_all(".agenda-days > li.past", "ls => ls.map(l => l.dataset.date)")
    assert past == ["2025-11-24", "2026-11-25", "2026-11-26", "2026-12-01"]
    # the agenda opens at today; earlier days are one button away
    assert page.is_hidden('#agenda-list > li[data-date="2026-11-26"]')
    assert page.is_visible('#agenda-list > li[data-date="2026-12-03"]')
    button = page.locator("button.show-past")
    assert button.text_content() == "Show 4 earlier days" and button.get_attribute("aria-expanded") == "false"
    button.click()
    assert page.is_visible('#agenda-list > li[data-date="2026-11-26"]')
    assert button.get_attribute("aria-expanded") == "true"
    button.click()
    # a "+N more" style link to an earlier day unfolds them
    page.evaluate("location.hash = '#day-2026-11-25'")
    page.wait_for_function("document.getElementById('agenda-list').className.indexOf('hide-past') === -1")
    assert page.is_visible('#agenda-list > li[data-date="2026-11-25"]')


def compare_columns(page) -> list[str]:
    return page.eval_on_selector_all("#compare-table thead th[data-posting]", "ths => ths.map(t => t.dataset.posting)")


def test_compare_tagged_and_ticked(open_page, browser, site_dir):
    context, page, watch = new_page(browser)
    page.goto((site_dir / "compare.html").as_uri())
    assert compare_columns(page) == ["hr-policy-officer", PASP]
    # tick one on the index page: it joins the comparison (localStorage, from file://)
    page.goto((site_dir / "index.html").as_uri())
    page.check('[data-posting="diversity-and-inclusion-adviser"] input[data-compare]')
    assert page.is_disabled('[data-posting="hr-policy-officer"] input[data-compare]')  # tagged: always compared
    page.goto((site_dir / "compare.html").as_uri())
    assert compare_columns(page) == ["hr-policy-officer", PASP, "diversity-and-inclusion-adviser"]
    rows = page.eval_on_selector_all(
        "#compare-table tbody tr", "trs => trs.map(tr => Array.from(tr.cells).map(c => c.textContent))"
    )
    assert ["Grade", "G15", "G22", "G16/G18"] in rows
    assert ["Salary", "6,467.30 EUR", "10,742.69 EUR", "—"] in rows
    assert ["Languages", "English V / French III", "—", "English V / French IV"] in rows
    assert [r[0] for r in rows] == [
        "Status", "Organisation", "Location", "Grade", "Salary", "Deadline", "Languages", "Contract", "Clearance", "Experience",
    ]
    # untick in the picker on the compare page itself
    page.click("summary")
    page.uncheck('.picker input[data-compare="diversity-and-inclusion-adviser"]')
    assert compare_columns(page) == ["hr-policy-officer", PASP]
    page.check('.picker input[data-compare="hostile-analyst"]')
    assert page.text_content('#compare-table thead th[data-posting="hostile-analyst"]') == HOSTILE_TITLE
    page.click("#compare-clear")
    assert compare_columns(page) == ["hr-policy-officer", PASP]
    context.close()
    watch.assert_clean()


def test_board_and_posting_pages_load_clean(open_page):
    board = open_page("board.html")
    assert board.eval_on_selector_all(".column h2", "hs => hs.map(h => h.id)")[:3] == ["col-new", "col-interested", "col-preparing"]
    page = open_page(f"postings/{PASP}.html")
    assert page.get_attribute("a[download]", "href") == f"{PASP}.ics"
    page.click("text=All postings")
    assert page.url.endswith("/index.html")


SCREEN_PAGES = ["index.html", f"postings/{PASP}.html", "calendar.html", "board.html", "compare.html"]


@pytest.mark.parametrize(("width", "height", "tag"), [(390, 844, "phone"), (1280, 900, "desktop")])
def test_pages_fit_the_screen_and_screenshots(browser, site_dir, width, height, tag):
    """No sideways scrolling on a phone (wide tables scroll inside their own box); screenshots
    go to /tmp/natosite-screens for a person to look at."""
    context, page, watch = new_page(browser, width=width, height=height)
    shots = Path(tempfile.gettempdir()) / "natosite-screens"
    shots.mkdir(exist_ok=True)
    for name in SCREEN_PAGES:
        page.goto((site_dir / name).as_uri())
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} is {overflow}px too wide at {width}px"
        page.screenshot(path=str(shots / f"{tag}-{Path(name).stem[:30]}.png"), full_page=True)
    context.close()
    watch.assert_clean()


def test_search_falls_back_to_card_text_without_search_data(browser, site_dir, tmp_path):
    page_dir = tmp_path / "site"
    import shutil

    shutil.copytree(site_dir, page_dir)
    (page_dir / "search-data.js").unlink()
    context, page, watch = new_page(browser)
    page.goto((page_dir / "index.html").as_uri())
    assert search(page, "senior assist") == ["250974-senior-assistant-recruitment"]
    assert search(page, "taleo") == []  # notes are only in the search data
    context.close()
    assert watch.remote == []
    assert any("search-data.js" in e or "ERR_FILE_NOT_FOUND" in e for e in watch.errors)
