"""Text from the person's files, made safe and tidy for a terminal.

Posting titles and messages quoting the person's files are untrusted: a control
character or ANSI escape in them must not move the cursor, recolour or retitle the
terminal. ``printable`` shows such characters as visible escapes instead.
"""

from __future__ import annotations

import unicodedata

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
