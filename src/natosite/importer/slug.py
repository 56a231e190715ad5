"""Posting ids: ``<reference>-<title-slug>``, ASCII, stable.

Rules (DESIGN.md): reference first when there is one, then the title's slug; the
title slug is at most ``TITLE_SLUG_MAX`` (40) characters, cut at a word boundary
("head-nato-affairs-and-security-policy-section" -> "head-nato-affairs-and-security-policy");
accents are transliterated ("Référent" -> "referent"); with neither title nor
reference the id is ``posting-<first 8 hex of the raw text's sha256>``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from natosite.importer import rxcache

TITLE_SLUG_MAX: Final = 40
REFERENCE_SLUG_MAX: Final = 30
ID_MAX: Final = 80

# Letters NFKD does not decompose into ASCII.
_SPECIAL: Final = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "&": " and ",
    }
)
_NON_ALNUM: Final = rxcache.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """``text`` with accents removed and non-ASCII letters transliterated where possible."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return text.encode("ascii", "ignore").decode("ascii")


def slugify(text: str, max_length: int | None = None) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary to ``max_length``."""
    slug = _NON_ALNUM.sub("-", ascii_fold(text).lower()).strip("-")
    if max_length is not None and len(slug) > max_length:
        cut = slug[: max_length + 1]
        if cut.endswith("-"):
            slug = cut[:-1]
        elif "-" in cut:
            slug = cut[: cut.rfind("-")]
        else:  # one very long word
            slug = slug[:max_length]
    return slug.strip("-")


def make_id(reference: str | None, title: str | None, sha256: str) -> str:
    """The posting id from its reference and title; ``posting-<sha8>`` when both are missing."""
    parts = []
    if reference:
        ref = slugify(reference, REFERENCE_SLUG_MAX)
        if ref:
            parts.append(ref)
    if title:
        # "(1 post)" and similar counts are not part of the name
        name = slugify(title, TITLE_SLUG_MAX)
        if name:
            parts.append(name)
    if not parts:
        return f"posting-{sha256[:8]}"
    return "-".join(parts)[:ID_MAX].strip("-")
