"""Text from the person's files, made safe and tidy for a terminal; the build's progress bar.

Posting titles and messages quoting the person's files are untrusted: a control
character or ANSI escape in them must not move the cursor, recolour or retitle the
terminal. ``printable`` shows such characters as visible escapes instead.
``render_progress`` shows a cold build's rendering (``build`` and ``serve``).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import unicodedata
from typing import Any, Callable, Iterator

import click

# Postings to render before a progress bar is worth showing (~0.5 s of a cold build).
PROGRESS_MIN = 200

# Bidirectional overrides and isolates can make text display in an order other than its own.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def printable(text: str) -> str:
    """``text`` with control characters (and bidi overrides) shown as ``\\xNN``/``\\uNNNN``."""
    out: list[str] = []
    for char in str(text):
        if char in _BIDI or (unicodedata.category(char) == "Cc"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def one_line(text: str) -> str:
    """Whitespace runs (newlines, tabs) as single spaces, then ``printable``."""
    return printable(" ".join(str(text).split()))


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters, ending in '…' when cut."""
    if width <= 0:
        return ""
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…" if width > 1 else "…"


def progress_shown() -> bool:
    """A progress bar only for a person watching a terminal, and not with ``-q``."""
    return sys.stderr.isatty() and logging.getLogger("natosite").isEnabledFor(logging.INFO)


@contextlib.contextmanager
def render_progress(shown: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while at least ``PROGRESS_MIN`` postings are rendered (a cold build),
    when ``shown``; the ``progress`` callback for ``build.render_outputs``, or None."""
    if not shown:
        yield None
        return
    bars: list[Any] = []  # the bar, while it is shown

    def close() -> None:
        if bars:
            bars.pop().__exit__(None, None, None)

    def update(done: int, total: int) -> None:
        if not bars:
            if total < PROGRESS_MIN or done >= total:
                return
            bars.append(click.progressbar(length=total, label=f"Rendering {total:,} postings", file=sys.stderr))
            bars[0].__enter__()
        bars[0].update(done - bars[0].pos)
        if done >= total:
            close()  # at once: what the build says next starts on a line of its own

    try:
        yield update
    finally:
        close()
