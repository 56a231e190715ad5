"""Markdown to safe HTML for posting bodies and tracker notes.

markdown-it-py's CommonMark preset with ``html=False``: raw HTML in the text is shown
as text, never passed through. Links and images keep only http(s), mailto and relative
targets; anything else (``javascript:``, ``data:``, ``file:``, ...) is dropped. Tables on,
linkify off. The output is the only text the templates mark safe.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml as escape_html
from markupsafe import Markup

ALLOWED_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
_SCHEME_RE = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


def is_safe_link(url: str) -> bool:
    """True for http(s), mailto and relative URLs (including ``#fragment`` and ``?query``)."""
    match = _SCHEME_RE.match(url)
    if match is None:
        # No scheme: relative. Control characters could hide a scheme from this check.
        return not any(ord(c) < 0x20 or c == "\x7f" for c in url)
    return match.group(1).lower() in ALLOWED_SCHEMES


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    # With html=False these two rules only check the option and give up, on every line
    # and at every "<": switched off, the output is the same (raw HTML is escaped text).
    md.disable(["html_block", "html_inline"])
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_link)
    return md


def _image_as_link(self, tokens, idx, options, env) -> str:  # noqa: ANN001 - markdown-it's rule signature
    """Images become links to the image: a page must never load anything from the network
    (a remote image in a pasted posting would be a tracking pixel, and breaks offline use)."""
    token = tokens[idx]
    src = escape_html(token.attrGet("src") or "")
    alt = escape_html(self.renderInlineAsText(token.children or [], options, env)) or "image"
    return f'<a href="{src}" class="image-link">[image: {alt}]</a>'



@functools.lru_cache(maxsize=128)
def render_markdown(text: str | None, heading_offset: int = 0) -> Markup:
    """Render Markdown to HTML (raw HTML escaped, unsafe links dropped).

    ``heading_offset`` demotes headings (1 turns ``#`` into ``<h2>``) so that a body fits
    under the page's own headings; levels stop at ``<h6>``. The last texts rendered are
    remembered: a tracker edit re-renders its posting's page, whose body did not change."""
    if not text:
        return Markup("")
    md = _parser()
    fast = simple_html(md, text, heading_offset)
    if fast is not None:
        return Markup(fast)
    tokens = md.parse(text)
    if heading_offset:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                level = min(6, int(token.tag[1]) + heading_offset)
                token.tag = f"h{level}"
    return Markup(md.renderer.render(tokens, md.options, {}))


# --- the common case without markdown-it's block parser ---------------------------------------
#
# Imported postings are headings, paragraphs and "- " lists separated by blank lines;
# markdown-it's block rules cost ~1 ms for such a body (its list rule re-enters the block
# parser for every item). ``simple_html`` renders exactly that shape itself, and returns
# None for anything else (indentation, other list markers, quotes, fences, tables, setext
# underlines, a list item continued on the next line, ...), which markdown-it then renders.
# Inline text goes through markdown-it's own inline parser unless it holds none of the
# characters that start inline markup. tests/test_markdown_fast.py checks the output
# against markdown-it's, byte for byte, on every posting we have and on generated texts.

_INLINE_MARKUP = re.compile(r"[\\`*_\[\]!<&~]")
_HEADING = re.compile(r"(#{1,6}) +(.*[^#\s])")
_ORDERED_MARKER = re.compile(r"\d{1,9}[.)](?: |$)")
# Characters that may open a block other than a paragraph. Not a backslash: an escape
# (the importer writes \#, \[, \| and \- for text that looks like markup) opens no block.
_BLOCK_START = frozenset("#>-*+=_|~`:[<")


def _plain_start(line: str) -> bool:
    """Does this line (already known not to start with a space) open a plain paragraph?"""
    first = line[0]
    if first in _BLOCK_START or first.isspace():
        return False
    return not (first.isdigit() and _ORDERED_MARKER.match(line))


def simple_html(md: MarkdownIt, text: str, heading_offset: int = 0) -> str | None:
    """``md.render(text)`` (headings demoted by ``heading_offset``) for texts made only of ATX
    headings, paragraphs and "- " lists; None for any other text."""
    if "\r" in text or "\t" in text or "\0" in text:
        return None

    def inline(content: str) -> str:
        return md.renderInline(content) if _INLINE_MARKUP.search(content) else escape_html(content)

    out: list[str] = []
    para: list[str] = []
    items: list[str] = []
    loose = blank_in_list = False

    def close_list() -> None:
        out.append("<ul>\n")
        for item in items:
            out.append(f"<li>\n<p>{inline(item)}</p>\n</li>\n" if loose else f"<li>{inline(item)}</li>\n")
        out.append("</ul>\n")
        items.clear()

    for line in text.split("\n"):
        if not line.strip(" "):  # blank (only spaces: markdown-it's blank; other spaces are text)
            if para:
                out.append(f"<p>{inline(chr(10).join(para))}</p>\n")
                para.clear()
            elif items:
                blank_in_list = True
            continue
        if line[0].isspace() or line[-1].isspace():
            return None  # indentation (code, nesting) or trailing spaces (hard breaks)
        if line.startswith("- "):
            content = line[2:]
            if para or not _plain_start(content):
                return None
            if items and blank_in_list:
                loose = True
            elif not items:
                loose = False
            items.append(content)
            blank_in_list = False
            continue
        if items:
            if not blank_in_list:
                return None  # a lazy continuation of the last item
            close_list()
        if line[0] == "#":
            match = _HEADING.fullmatch(line)
            if match is None or para or match.group(2)[0].isspace():  # markdown-it trims any Unicode space
                return None
            level = min(6, len(match.group(1)) + heading_offset)
            out.append(f"<h{level}>{inline(match.group(2))}</h{level}>\n")
            continue
        if not _plain_start(line):
            return None
        para.append(line)
    if para:
        out.append(f"<p>{inline(chr(10).join(para))}</p>\n")
    if items:
        close_list()
    return "".join(out)
