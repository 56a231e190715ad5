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
    tokens = md.parse(text)
    if heading_offset:
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                level = min(6, int(token.tag[1]) + heading_offset)
                token.tag = f"h{level}"
    return Markup(md.renderer.render(tokens, md.options, {}))
