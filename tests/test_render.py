"""render.py, render_data.py, render_calendar.py, markdown.py: pages from a Site, escaping, speed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from natosite.errors import BuildError
from natosite.markdown import is_safe_link, render_markdown
from natosite.models import Posting, Site
from natosite.render import make_env, render_html, render_index, render_index_pages, render_posting_page
from natosite.render_calendar import build_months
from natosite.render_data import (
    json_for_script,
    normalise,
    search_data_js,
    search_record,
    search_record_json,
    time_left,
    words,
)
from natosite.site import build_site, calendar_items
from render_demo import HOSTILE_TITLE, NOW, demo_config, demo_postings, demo_site, hostile_posting

UTC = dt.timezone.utc


def page(outputs, path: str) -> str:
    found = [o for o in outputs if o.path == path]
    assert len(found) == 1, f"{path} not rendered once: {[o.path for o in outputs]}"
    return found[0].data.decode("utf-8")


@pytest.fixture
def outputs(tmp_path):
    return render_html(demo_site(tmp_path, hostile=True))


# --- markdown ---------------------------------------------------------------------------


def test_markdown_shows_raw_html_as_text():
    html = render_markdown('Hi <script>alert(1)</script> <img src=x onerror="alert(2)">')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "data:text/html,hi", "vbscript:x", "file:///etc/passwd"],
)
def test_markdown_drops_unsafe_links(url):
    html = render_markdown(f"[click]({url}) ![img]({url}) <{url}>")
    assert not re.search(r'(href|src)="\s*(javascript|data|vbscript|file):', html, re.I), html
    assert "<a" not in html and "<img" not in html


@pytest.mark.parametrize(
    "url", ["https://www.nato.int/", "http://example.org/a?b=1", "mailto:hr@nato.int", "../index.html", "#facts", "notes.html"]
)
def test_markdown_keeps_safe_links(url):
    html = render_markdown(f"[here]({url})")
    assert 'href="' in html and ">here</a>" in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [("https://x", True), ("HTTP://x", True), ("mailto:a@b", True), ("rel/x.html", True), ("?q=1", True),
     ("javascript:x", False), ("data:x", False), ("ftp://x", False), ("java\tscript:x", False), ("x\x00:y", False)],
)
def test_is_safe_link(url, safe):
    assert is_safe_link(url) is safe


def test_markdown_tables_on_linkify_off_headings_demoted():
    html = render_markdown("# Top\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nsee www.nato.int\n", heading_offset=2)
    assert "<h3>Top</h3>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert "<a" not in html


def test_markdown_heading_offset_stops_at_h6_and_empty_text_is_empty():
    assert "<h6>x</h6>" in render_markdown("##### x", heading_offset=3)
    assert render_markdown("") == "" and render_markdown(None) == ""


# --- data helpers ------------------------------------------------------------------------


def test_json_for_script_cannot_close_a_script_and_round_trips():
    value = {"t": "</script><script>alert(1)</script> & \u2028\u2029 <!--", "n": [1, 2.5, None]}
    text = json_for_script(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


def test_normalise_forgives_accents_and_case():
    assert normalise("Sécurité RÉGULATIONS Ångström") == "securite regulations angstrom"
    # decomposed input (e + combining acute) gives the same words as composed input
    assert words("Se\u0301curite\u0301 Sécurité") == ["securite"]
    assert words("Head, Policy-Planning (PPU) head") == ["head", "policy", "planning", "ppu"]


@pytest.mark.parametrize(
    ("delta", "text"),
    [(dt.timedelta(days=3, hours=5), "3 days left"), (dt.timedelta(days=1), "1 day left"),
     (dt.timedelta(hours=23, minutes=59), "23 hours left"), (dt.timedelta(hours=1), "1 hour left"),
     (dt.timedelta(minutes=5), "less than an hour left"), (dt.timedelta(0), "closed"), (-dt.timedelta(days=9), "closed")],
)
def test_time_left(delta, text):
    assert time_left(NOW + delta, NOW) == text


def test_search_record_covers_titles_bodies_notes_and_facts():
    hr = demo_postings()[0]
    record = search_record(hr)
    for word in ("officer", "hr", "talent", "dupont", "reference", "brussels", "g15", "weekend", "cv"):
        assert f" {word}" in record["w"], word
    assert record["u"] == "postings/hr-policy-officer.html"
    assert record["c"][4] == "6,467.30 EUR"  # salary row of compare
    assert "0000000000" not in record["w"]  # the source hash is not searchable


def test_search_data_js_is_a_global_assignment_of_json():
    records = [search_record_json(p) for p in demo_postings() + [hostile_posting()]]
    text = search_data_js(records).decode("utf-8")
    prefix = "window.NATOSITE_DATA = "
    assert text.startswith(prefix) and text.endswith(";\n")
    data = json.loads(text[len(prefix):-2])
    assert [p["id"] for p in data["postings"]][-1] == "hostile-analyst"
    assert data["postings"][-1]["t"] == HOSTILE_TITLE
    assert "</script" not in text and "\u2028" not in text
    assert len(data["labels"]) == len(data["postings"][0]["c"])


# --- pages -------------------------------------------------------------------------------


def test_render_html_writes_every_page_sorted(outputs):
    paths = [o.path for o in outputs]
    assert paths == sorted(paths)
    assert set(paths) == {
        "index.html", "calendar.html", "board.html", "compare.html", "search-data.js",
        "assets/site.css", "assets/site.js",
        *(f"postings/{p.id}.html" for p in demo_postings() + [hostile_posting()]),
    }


def test_index_lists_every_posting_in_order_with_one_search_box(outputs, tmp_path):
    html = page(outputs, "index.html")
    assert html.count('<input type="search"') == 1
    order = re.findall(r'<li class="card" data-posting="([^"]+)"', html)
    assert order == [p.id for p in demo_site(tmp_path, hostile=True).postings]
    assert '<script src="search-data.js"></script>' in html
    card = html[html.index('data-posting="hr-policy-officer"'):]
    card = card[: card.index("</li>")]
    for text in ("preparing", "G15", "NATO International Staff (NATO IS)", "Brussels, Belgium",
                 "26 Nov 2026, 23:59 Europe/Brussels", "3 days left", 'data-left="2026-11-26T23:59:00+01:00"'):
        assert text in card, text
    closed = html[html.index('data-posting="head-policy-planning-unit"'):]
    assert "data-closed" in closed[:400] and ">closed</span>" in closed
    # the problems carried by the site are shown, escaped
    assert "<strong>warning:</strong> tracker.yaml:12: no posting with id &#39;old-vacancy&#39;" in html


def test_index_filters_offer_present_values(outputs):
    html = page(outputs, "index.html")
    status = html[html.index('id="f-status"'):]
    status = status[: status.index("</select>")]
    assert re.findall(r'<option value="([^"]*)"', status) == [
        "", "new", "interested", "preparing", "applied", "interview", "rejected"]
    grade = html[html.index('id="f-grade"'):]
    grade = grade[: grade.index("</select>")]
    assert re.findall(r'<option value="([^"]*)"', grade) == ["", "A2", "B-4/G-10", "G15", "G16/G18", "G22"]
    assert 'value="International Military Staff (IMS)"' in html


def test_untrusted_text_is_escaped_everywhere(outputs):
    for o in outputs:
        if not o.path.endswith(".html"):
            continue
        html = o.data.decode("utf-8")
        assert "<script>window.__pwned" not in html, o.path
        assert "<b>bold</b>" not in html, o.path
        assert "onerror=\"" not in html, o.path
        body = html.lower().replace('<link rel="icon" href="data:,">', "")  # our own empty favicon
        assert 'href="javascript:' not in body and 'href="data:' not in body, o.path
    hostile = page(outputs, "postings/hostile-analyst.html")
    assert "Analyst &lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in hostile
    assert "NCIA &#34;Agency&#34; &lt;Mons&gt;" in hostile
    assert "&lt;script&gt;window.__pwned=5&lt;/script&gt;" in hostile  # notes: Markdown, raw HTML as text
    assert '<a href="https://www.nato.int/">ok</a>' in hostile


def test_links_are_relative(outputs):
    for o in outputs:
        if not o.path.endswith(".html"):
            continue
        html = o.data.decode("utf-8")
        for attr, url in re.findall(r'\b(href|src)="([^"]*)"', html):
            if url.startswith("https://www.nato.int/") or url == "data:,":  # a posting's own link; no favicon
                continue
            assert not re.match(r"^[a-z]+:|^/", url), f"{o.path}: {attr}={url}"
        assert re.findall(r"<link [^>]*>", html) == [
            '<link rel="icon" href="data:,">', f'<link rel="stylesheet" href="{"../" if "/" in o.path else ""}assets/site.css">'
        ]


def test_posting_page_shows_facts_body_tracker_and_ics(outputs):
    html = page(outputs, "postings/250875-head-nato-affairs-and-security-policy.html")
    assert '<html lang="en">' in html and 'name="viewport"' in html
    assert '<a href="../index.html">All postings</a>' in html
    assert 'href="../assets/site.css"' in html and 'src="../assets/site.js"' in html
    assert 'href="250875-head-nato-affairs-and-security-policy.ics"' in html
    for key in ("reference", "division", "clearance", "source", "timezone", "posts"):
        assert f'<tr data-key="{key}">' in html, key
    assert '<time datetime="2026-12-18T21:59:00+01:00">18 Dec 2026, 21:59 Europe/Brussels</time>' in html
    assert "<em>Markdown</em> is fine here." in html
    timeline = html[html.index('<ol class="timeline">'):]
    timeline = timeline[: timeline.index("</ol>")]
    assert re.findall(r"status-(\w+)", timeline) == ["interested", "applied", "interview"]
    assert "Check Taleo for longlisting" in html
    assert "<strong>Written test</strong>, NATO HQ" in html
    assert "<h3>Summary</h3>" in html and "<td>NATO SECRET</td>" in html
    hr = page(outputs, "postings/hr-policy-officer.html")
    assert '<tr data-key="my_referee"><th scope="row">My referee</th><td>Ms Dupont (ex-colleague)</td></tr>' in hr
    untracked = page(outputs, "postings/250974-senior-assistant-recruitment.html")
    assert "natosite track 250974-senior-assistant-recruitment interested" in untracked


def test_posting_page_depends_only_on_its_posting_and_the_date(tmp_path):
    postings = demo_postings()
    config = demo_config(tmp_path)
    env = make_env(config)
    target = postings[3]
    full = build_site(postings, config, NOW)
    alone = build_site([target], config, NOW.replace(hour=1), problems=())
    later_same_day = build_site(postings[:2] + [target], config, NOW.replace(hour=23, minute=59))
    a = render_posting_page(env, target, full)
    assert a == render_posting_page(env, target, alone) == render_posting_page(env, target, later_same_day)
    next_day = build_site([target], config, NOW + dt.timedelta(days=1))
    assert render_posting_page(env, target, next_day) != a  # "25 days left" becomes "24 days left"


def test_rendering_is_deterministic(tmp_path):
    assert render_html(demo_site(tmp_path, hostile=True)) == render_html(demo_site(tmp_path, hostile=True))


def test_board_has_a_column_per_status(outputs):
    html = page(outputs, "board.html")
    columns = re.findall(r'<section class="column" data-status="([^"]+)"', html)
    assert columns == ["new", "interested", "preparing", "applied", "interview", "offer", "accepted", "rejected", "withdrawn"]
    interview = html[html.index('data-status="interview"'):]
    interview = interview[: interview.index("</section>")]
    assert re.findall(r'data-posting="([^"]+)"', interview) == ["250875-head-nato-affairs-and-security-policy"]


def test_compare_shows_tagged_postings_side_by_side(outputs):
    html = page(outputs, "compare.html")
    head = html[html.index("<thead>"): html.index("</thead>")]
    assert re.findall(r'data-posting="([^"]+)"', head) == ["hr-policy-officer", "250875-head-nato-affairs-and-security-policy"]
    for row in ("Grade", "Salary", "Deadline", "Languages", "Contract", "Clearance", "Experience"):
        assert f'<th scope="row">{row}</th>' in html
    assert "<td>6,467.30 EUR</td><td>10,742.69 EUR</td>" in html
    assert "<td>definite duration, 3 years</td>" in html and "<td>2 years</td>" in html
    assert html.count('type="checkbox" data-compare=') == 6
    assert 'id="compare-empty" class="empty" hidden' in html


def test_calendar_has_month_grids_today_and_agenda(outputs):
    html = page(outputs, "calendar.html")
    months = re.findall(r'<section class="month" id="month-([0-9-]+)"', html)
    assert months[0] == "2025-11" and months[-1] == "2027-01" and len(months) == 15
    assert html.count('aria-current="date"') == 1
    assert '<td data-date="2026-11-23" class="today" aria-current="date">' in html
    assert 'aria-label="Previous month"' in html and 'aria-label="Next month"' in html
    nov26 = html[html.index('id="month-2026-11"'): html.index('id="month-2026-12"')]
    assert 'data-date="2026-11-26"' in nov26 and "Officer (HR Policy)" in nov26
    agenda = html[html.index('id="agenda-h"'):]
    assert agenda.index("Send application before the weekend") < agenda.index("Written test") < agenda.index("Panel interview")
    assert '<li id="day-2025-11-24" data-date="2025-11-24" class="past">' in agenda


def test_calendar_months_skip_gaps_when_far_apart():
    far = [dataclasses.replace(i, day=dt.date(2031, 5, 1)) for i in calendar_items(demo_site(Path("/nonexistent")))[:1]]
    months = build_months(far, dt.date(2026, 11, 23))
    assert [m.key for m in months] == ["2026-11", "2031-05"]


def test_empty_site_renders(tmp_path):
    outputs = render_html(build_site([], demo_config(tmp_path), NOW))
    html = page(outputs, "index.html")
    assert "No postings yet" in html and html.count('<input type="search"') == 1
    assert 'id="compare-empty" class="empty">' in page(outputs, "compare.html")


# --- templates: overrides and errors -----------------------------------------------------


def test_workspace_templates_override_file_by_file(tmp_path, write_tree):
    write_tree({"templates/assets/site.css": "body{color:red}\n", "templates/board.html": "{{ cards | length }} cards\n"})
    outputs = render_html(demo_site(tmp_path))
    assert page(outputs, "assets/site.css") == "body{color:red}\n"
    assert page(outputs, "board.html") == "5 cards\n"
    assert "function timeLeft" in page(outputs, "assets/site.js")  # not overridden: the packaged one
    assert '<input type="search"' in page(outputs, "index.html")


def test_template_mistakes_name_the_file_and_line(tmp_path, write_tree):
    write_tree({"templates/board.html": "line one\n{{ no_such_name.x }}\n"})
    with pytest.raises(BuildError) as info:
        render_html(demo_site(tmp_path))
    assert re.search(r"templates/board\.html:2: while rendering board\.html: 'no_such_name' is undefined", str(info.value))
    write_tree({"templates/board.html": "ok\n{% if %}\n"})
    with pytest.raises(BuildError) as info:
        render_html(demo_site(tmp_path))
    assert re.search(r"board\.html:2: template syntax error", str(info.value))


def test_autoescape_is_on_for_every_template(tmp_path, write_tree):
    write_tree({"templates/board.html": "{{ problems[0].message }}|{{ '<b>' }}\n"})
    site = demo_site(tmp_path, problems=(dataclasses.replace(demo_site(tmp_path).problems[0], message="<i>x</i>"),))
    assert page(render_html(site), "board.html") == "&lt;i&gt;x&lt;/i&gt;|&lt;b&gt;\n"


# --- speed -------------------------------------------------------------------------------


def many_postings(n: int) -> list[Posting]:
    base = demo_postings()
    out = []
    for i in range(n):
        b = base[i % len(base)]
        meta = dict(b.meta, title=f"{b.meta['title']} {i}")
        if isinstance(meta.get("deadline"), dt.datetime):
            meta["deadline"] = meta["deadline"] + dt.timedelta(days=i % 90)
        entry = dataclasses.replace(b.entry, id=f"p{i:04d}") if b.entry else None
        out.append(dataclasses.replace(b, id=f"p{i:04d}", meta=meta, entry=entry))
    return out


def test_index_pages_for_1000_postings_list_every_posting(tmp_path):
    """1,000 postings render into the index pages (their speed is measured by bench/build.py)."""
    config = demo_config(tmp_path)
    site = build_site(many_postings(1000), config, NOW)
    env = make_env(config)
    records = {p.id: search_record_json(p) for p in site.postings}  # what a build caches per posting
    outputs = render_index_pages(env, site, records)
    html = page(outputs, "index.html")
    assert html.count('class="card"') == 1000
    assert html.count("data-posting=") == 1000
    assert render_index_pages(env, site) == outputs  # cached search records change nothing


def test_calendar_cell_shows_three_items_and_links_the_rest_to_the_agenda(tmp_path):
    base = demo_postings()[0]
    same_day = [dataclasses.replace(base, id=f"p{i}", entry=None) for i in range(5)]
    html = page(render_html(build_site(same_day, demo_config(tmp_path), NOW)), "calendar.html")
    cell = html[html.index('<td data-date="2026-11-26"'):]
    cell = cell[: cell.index("</td>")]
    assert cell.count('<li class="item deadline">') == 3
    assert '<li class="more"><a href="#day-2026-11-26">+2 more</a></li>' in cell
    agenda = html[html.index('<li id="day-2026-11-26"'):]
    assert agenda[: agenda.index("</ul>")].count('<li class="item deadline">') == 5


def test_posting_page_says_where_to_edit_it(tmp_path):
    hr = demo_postings()[0]
    hr = dataclasses.replace(hr, path="postings/hr-policy-officer.md", entry=dataclasses.replace(hr.entry, line=7))
    site = build_site([hr], demo_config(tmp_path), NOW)
    html = render_posting_page(make_env(site.config), hr, site).data.decode()
    assert "Edit this posting in <code>postings/hr-policy-officer.md</code> and its tracker entry in" in html
    assert "at line 7." in html


# --- properties ----------------------------------------------------------------------------

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MARKDOWN_TAGS = {"p", "em", "strong", "code", "pre", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                 "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"}
MARKUPISH = st.text(alphabet=st.sampled_from(list("<>/\"'=&;:()[]!#*`-_ \nascriptjvhrefonlodimgx\u2028é")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKUPISH, st.text(max_size=80)))
@example('<img src=x onerror=alert(1)> <script>x</script> [a](javascript:x) <a href="data:x">b</a>')
@example("![x onerror=y](z.png) [t](u.html 'a onclick=b')")
def test_markdown_never_emits_markup_from_the_text(text):
    html = str(render_markdown(text))
    tags = re.findall(r"<([a-zA-Z0-9]+)((?:\s[^>]*)?)/?>", html)
    for name, attrs in tags:
        assert name in MARKDOWN_TAGS, (name, html)
        assert set(re.findall(r'\s([a-zA-Z-]+)(?:="[^"]*"|=[^\s>]*)?', attrs)) <= {"href", "src", "alt", "title", "start", "class", "style"}, html
    assert not re.search(r'(href|src)="\s*(javascript|data|vbscript|file):', html, re.I)


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.text() | st.integers(), lambda c: st.lists(c) | st.dictionaries(st.text(), c), max_leaves=8))
def test_json_for_script_is_safe_and_lossless(value):
    text = json_for_script(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def _words_by_findall(text: str) -> list[str]:
    """What render_data.words did before it split on whitespace first: one findall over the text."""
    import re
    import unicodedata

    raw = dict.fromkeys(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text)))
    out: dict[str, None] = {}
    for word in raw:
        norm = normalise(word)
        out.update(dict.fromkeys(re.findall(r"[^\W_]+", norm)))
    return list(out)


_SEARCH_TEXT = st.text(alphabet=st.sampled_from(list("aZé9_ .,;:!?'\"()[]-/\t\n") + ["\u2019", "\u201c", "\u2013", "\u00a0", "\u2028",
                                                 "\x1c", "\u0301", "\ufb01", "\u00bd", "\u0663", "\u4e2d", "\u00c5", "\u00df"]), max_size=80)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=60), _SEARCH_TEXT))
def test_search_words_are_those_one_findall_over_the_text_gives(text):
    assert words(text) == _words_by_findall(text)


def test_search_words_of_generated_postings_are_those_one_findall_gives(generate_postings):
    for path in sorted(generate_postings(40).glob("postings/*.md")):
        text = path.read_text(encoding="utf-8")
        assert words(text) == _words_by_findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_search_words_are_normalised_and_stable(text):
    found = words(text)
    assert all(w == normalise(w) and w.isalnum() for w in found)
    assert words(" ".join(found)) == found


def test_calendar_gives_the_feed_address_when_the_site_has_a_base_url(tmp_path):
    site = build_site(demo_postings(), demo_config(tmp_path, base_url="https://me.example/jobs/"), NOW)
    html = page(render_html(site), "calendar.html")
    assert "its address is <code>https://me.example/jobs/deadlines.ics</code>" in html
    assert "its address is" not in page(render_html(demo_site(tmp_path)), "calendar.html")


@pytest.mark.parametrize(
    "text",
    ["Hi <script>alert(1)</script>", "<div>\n*block*\n</div>\n\npara", "<!-- c --> <?php x ?> <![CDATA[y]]>",
     "a <b>bold</b> <a href='javascript:x'>l</a> <http://x.org> <mailto:a@b.c>", "    <pre>code</pre>\n\n> <q>"],
)
def test_markdown_without_the_html_rules_renders_as_the_full_parser(text: str) -> None:
    """markdown.py switches off html_block/html_inline: with html=False that changes nothing."""
    from markdown_it import MarkdownIt

    from natosite.markdown import is_safe_link

    full = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    full.validateLink = is_safe_link
    assert str(render_markdown(text)) == full.render(text)


def test_images_become_links_so_pages_load_nothing_remote():
    from natosite.markdown import render_markdown

    html = str(render_markdown('![pixel "x"](https://evil.example/p.png?a=1&b=2) ![](local.png)'))
    assert "<img" not in html
    assert '<a href="https://evil.example/p.png?a=1&amp;b=2" class="image-link">[image: pixel &quot;x&quot;]</a>' in html
    assert '<a href="local.png" class="image-link">[image: image]</a>' in html
    assert "javascript" not in str(render_markdown("![j](javascript:alert(1))")).split("(")[0]


def test_fragment_each_is_the_loop_it_replaces_and_stays_bounded(tmp_path) -> None:
    import jinja2

    from natosite.config import Config
    from natosite.render import Fragments, make_env

    env = make_env(Config(root=tmp_path))
    env.loader = jinja2.DictLoader({"f.html": "<li>{{ c }}</li>\n"})
    loop = env.from_string('<ol>\n{% for c in items %}\n{{ fragment("f.html", c=c) }}\n{% endfor %}\n</ol>')
    each = env.from_string('<ol>\n{{ fragment_each("f.html", "c", items) }}</ol>')
    for items in ([], ["a"], ["a", "<b>", "a"]):
        assert each.render(items=items) == loop.render(items=items)
    small = Fragments(env)
    small.LIMIT = 3
    for i in range(10):
        small.each("f.html", "c", [f"x{i}", f"y{i}"])
        assert len(small.by_item) <= 3 and len(small.memo) <= 3
