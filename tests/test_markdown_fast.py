"""``markdown.simple_html``, the renderer for plain bodies, against markdown-it itself: byte for byte.

It must either give exactly what markdown-it gives, or decline (None). Checked on every
posting this repository has (the imported seeds, the test fixtures' expected postings,
the golden example), on generated postings like the benchmarks', and on generated texts
mixing the shapes it handles with the ones it must decline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natosite import frontmatter
from natosite.markdown import _parser, render_markdown, simple_html

REPO = Path(__file__).resolve().parent.parent


def reference(text: str, heading_offset: int = 0) -> str:
    """markdown-it's own rendering (what render_markdown did before simple_html)."""
    md = _parser()
    tokens = md.parse(text)
    for token in tokens:
        if heading_offset and token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + heading_offset)}"
    return md.renderer.render(tokens, md.options, {})


def check(text: str) -> bool:
    """Asserts agreement; True when simple_html rendered it (did not decline)."""
    used = False
    for offset in (0, 1, 2):
        fast = simple_html(_parser(), text, offset)
        if fast is not None:
            assert fast == reference(text, offset), text
            used = True
    return used


def bodies() -> list[tuple[str, str]]:
    files = sorted(REPO.glob("postings/*.md")) + sorted(REPO.glob("tests/fixtures/raw/*.md"))
    files += sorted(REPO.glob("tests/examples/*/input/postings/*.md"))
    return [(p.name, frontmatter.split(p.read_text(encoding="utf-8"), str(p))[1]) for p in files]


@pytest.mark.parametrize(("name", "body"), bodies(), ids=[n for n, _ in bodies()])
def test_every_posting_we_have_renders_as_markdown_it_renders_it(name: str, body: str) -> None:
    check(body)


def test_generated_postings_take_the_simple_path_and_agree(generate_postings) -> None:
    files = sorted(generate_postings(150).glob("postings/*.md"))
    used = [check(frontmatter.split(p.read_text(encoding="utf-8"), str(p))[1]) for p in files]
    assert sum(used) >= len(used) * 0.7  # the point of it: most bodies need no block parser (82% of these)


def test_it_declines_what_it_does_not_handle() -> None:
    md = _parser()
    for text in ("    code", "para\n- item", "- item\nlazy", "Title\n===", "> quote", "1. one", "* star", "a | b\n--|--",
                 "```\nx\n```", "## closed ##", "[x]: /url", "line  \nbreak", "\tx", "- - nested", "- ## h", "\u00a0x", "## \u00a0x"):
        assert simple_html(md, text) is None, text


def test_lines_the_importer_escaped_take_it_and_agree() -> None:
    # A backslash escape opens no block: these are paragraphs (and list items) of plain text.
    for text in ("\\# This is not a heading", "\\[Post] \\[Candidater]", "\\| Col | Col |\n\\|---|---|",
                 "\\--- the end", "\\-have", "Line\\\nhard break", "ends with\\", "\\", "- \\# item\n- \\[x]",
                 "## Summary\n\n\\> not a quote\n\\1. not a list"):
        assert check(text), text


def test_render_markdown_uses_it_with_the_heading_offset() -> None:
    text = "## Summary\n\nFirst & *second*.\n\n- one\n- two\n\n- three\n"
    assert simple_html(_parser(), text, 1) is not None
    assert render_markdown(text, 1) == reference(text, 1)
    assert "<h3>Summary</h3>" in render_markdown(text, 1)


_WORD = st.text(alphabet="aAz09 .,;:()-#*_[]!<>&~`\\|\"'/\u00a0\u00e9\u2003\u3000\u200b\u2028\x0c\x0b", min_size=1, max_size=12)
_LINE = st.one_of(
    st.just(""),
    st.just("   "),
    st.builds(lambda w: f"## {w}", _WORD),
    st.builds(lambda n, w: "#" * n + " " + w, st.integers(1, 7), _WORD),
    st.builds(lambda w: f"- {w}", _WORD),
    st.builds(lambda a, b: f"{a} {b}", _WORD, _WORD),
    _WORD,
    st.sampled_from(["---", "===", "- ", "-", "1. x", "2) y", "> q", "    code", "| a | b |", "|---|---|", "***",
                     "[r]: http://x", "[r]", "<http://x.org>", "x  ", "x\\", "&amp; &#65; &bogus;", "\u00a0", "a\u00a0"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=12), st.booleans())
def test_generated_texts_agree_or_are_declined(lines: list[str], final_newline: bool) -> None:
    check("\n".join(lines) + ("\n" if final_newline else ""))
