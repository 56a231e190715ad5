"""NATO grades: any way a posting writes its grade -> the single-spine ``G`` grade.

Since 2016 NATO civilian posts are graded on a single salary spine, ``G1`` .. ``G24``.
Older postings (and many boards still) use the category grades A.1-A.7, L.1-L.5,
B.1-B.6 and C.1-C.6, often side by side with the new one ("B-4/G-10",
"A.2 / NATO Grade G15"). When a ``G`` grade is written, it wins; otherwise the old
grade is mapped with NATO's own table (nato.int, "Employment at NATO International
Staff", fields of interest and staff categories), which lists the spine points of
each category in ascending order:

    Category A (managerial/professional): 11, 15, 17, 20, 22, 23, 24 -> A.1 .. A.7
    Category L (linguistic):              13, 16, 18, 19, 21         -> L.1 .. L.5
    Category B (administrative):          2, 5, 8, 10, 12, 14        -> B.1 .. B.6
    Category C (manual and technical):    1, 3, 4, 6, 7, 9           -> C.1 .. C.6

Checks against real postings: "B-4/G-10" (IMS), "A.2 / NATO Grade G15" (IS),
"A.4" Deputy Director = G20, "A.5" Head of Unit = G22.
Twin grades are written "G15/G16" (the lower first).
"""

from __future__ import annotations

import re
from typing import Final

from natosite.importer import rxcache

OLD_GRADES: Final[dict[str, tuple[int, ...]]] = {
    "A": (11, 15, 17, 20, 22, 23, 24),
    "L": (13, 16, 18, 19, 21),
    "B": (2, 5, 8, 10, 12, 14),
    "C": (1, 3, 4, 6, 7, 9),
}

# "G15", "G-15", "G 15", "NG 14" (NATO Grade), "G16/17" (a twin grade, its second point bare); not inside a longer
# word ("PG15", "G150")
_G_RE: Final = rxcache.compile(
    r"(?<![A-Za-z0-9])N?G\s?[-.]?\s?(\d{1,2})(?![0-9])(?:\s?/\s?(\d{1,2})(?![0-9.,]?[0-9]))?"
)
# "A.2", "A-2", "A2", "B 4"; the letter stands alone.
_OLD_RE: Final = rxcache.compile(r"(?<![A-Za-z0-9])([ALBC])\s?[-.]?\s?([1-7])(?![0-9.,]\d|[0-9])")


_GRADE_NUMBER: Final = rxcache.compile(r"\bgrade\s*:?\s*(\d{1,2})(?![0-9.,]?[0-9])(?:\s?/\s?(\d{1,2})(?![0-9.,]?[0-9]))?", re.I)
_BARE_RE: Final = rxcache.compile(r"^\s*(?:NATO\s+)?(?:Grade\s*:?\s*)?(\d{1,2}(?:\s*/\s*\d{1,2})?)\s*$", re.I)


def old_to_g(category: str, level: int) -> int | None:
    """Spine point of an old category grade, e.g. ``old_to_g("B", 4) == 10``; None if no such grade."""
    points = OLD_GRADES.get(category.upper())
    if points is None or not 1 <= level <= len(points):
        return None
    return points[level - 1]


def _format(points: list[int]) -> str | None:
    unique = sorted(set(p for p in points if 1 <= p <= 24))
    if not unique:
        return None
    return "/".join(f"G{p}" for p in unique[:2])


def parse_grade(value: str) -> str | None:
    """The single-spine grade written in ``value`` ("NATO Grade G15", "B-4/G-10", "A.2/A.3"), or None.

    ``G`` grades win over old ones; two grades make a twin grade ("G15/G16").
    """
    if not value:
        return None
    g_points = [int(point) for m in _G_RE.finditer(value) for point in m.groups() if point]
    if len(g_points) > 1 and "(" in value and (outside := _BRACKETED.sub("", value)) != value:
        # "NATO Grade G15 (the G16 one, JFCBS 27/015, pays ...)": a note in brackets naming another grade
        g_points = [int(point) for m in _G_RE.finditer(outside) for point in m.groups() if point] or g_points
    if not g_points and "rade" in value:
        # "NATO Grade 17 (formerly A-2)": the spine point written as a number after "Grade" is the G grade too
        g_points = [int(point) for m in _GRADE_NUMBER.finditer(value) for point in m.groups() if point]
    if g_points:
        return _format(g_points)
    old_points: list[int] = []
    for m in _OLD_RE.finditer(value):
        point = old_to_g(m.group(1), int(m.group(2)))
        if point is not None:
            old_points.append(point)
    if old_points:
        return _format(old_points)
    bare = _BARE_RE.match(value)  # "NATO Grade 15", "15/16": a labelled value that is only spine points
    return _format([int(n) for n in bare.group(1).replace(" ", "").split("/")]) if bare else None


_BRACKETED: Final = rxcache.compile(r"\([^()]*\)")
# A grade in running text: "NATO Grade G15", "Grade: B-4/G-10", "GRADE A.2", "Grade NATO G22".
_GRADE_SPEC: Final = (
    r"(?:NATO\s+Grade\s+|NATO\s+)?"
    r"(?:(?:[ALBC]\s?[-.]?\s?[1-7]|N?G\s?[-.]?\s?\d{1,2}(?:\s?/\s?\d{1,2}(?![0-9.,]?[0-9]))?)"
    r"(?:\s*(?:/|-|–|or|and|\s)\s*(?:NATO\s+Grade\s+)?(?:[ALBC]\s?[-.]?\s?[1-7]|G\s?[-.]?\s?\d{1,2}))*)"
)
# (Each word's "\b" is written as a look back after its first letter, "G(?<!\wG)rade": the same matches, but the
# pattern then starts with a letter, so the engine skips in C to the few "N", "G", "g", "B", "S" of a text instead of
# trying every position: a posting's head is searched 2.5x faster.)
GRADE_IN_TEXT_RE: Final = rxcache.compile(
    r"(?:N(?<!\wN)ATO\s+Grade|G(?<!\wG)rade|G(?<!\wG)RADE|g(?<!\wg)rade|G(?<!\wG)rado|B(?<!\wB)esoldungsgruppe"
    r"|S(?<!\wS)topień|S(?<!\wS)chaal)"
    r"(?:\s+(?:NATO|OTAN))?\s*(?:\(s\))?\s*[:\-–]?\s*(" + _GRADE_SPEC + r")(?![0-9A-Za-z])"
)  # ("Grade OTAN G16": Taleo's French page)
# Rarer words, each searched for only in a text that holds it: "(grado NATO G15)", "(NATO-schaal G13)",
# "Entgeltgruppe G16" (lowercase first letters would stop the engine at every "g" and "s" of every head)
_RARE_GRADE_WORDS: Final = ("grado", "schaal", "Entgeltgruppe")
_RARE_GRADE_RE: Final = rxcache.compile(
    r"\b(?:grado|schaal|Entgeltgruppe)(?:\s+NATO)?\s*[:\-–]?\s*(" + _GRADE_SPEC + r")(?![0-9A-Za-z])"
)
# "NOTIFICATION OF A “G12” GRADE VACANCY", "(G22)" after a title.
QUOTED_GRADE_RE: Final = rxcache.compile(r"[“\"(]\s*(G\s?-?\d{1,2}(?:\s*/\s*G\s?-?\d{1,2})?)\s*[”\")]")


def find_grade(text: str) -> str | None:
    """The first grade written after a "Grade" word in running text, or None."""
    m = GRADE_IN_TEXT_RE.search(text)
    if m is None and any(word in text for word in _RARE_GRADE_WORDS):
        m = _RARE_GRADE_RE.search(text)
    return parse_grade(m.group(1)) if m else None


def old_names(grade: str) -> list[str]:
    """How a table of the old grades writes the single-spine ``grade`` ("G10" -> "B-4", "B.4", "B4"); [] for a twin
    grade or a point no old grade maps to."""
    point = int(grade[1:]) if grade[1:].isdigit() else None
    return [
        f"{category}{sep}{level}" for category, points in OLD_GRADES.items()
        for level, p in enumerate(points, 1) if p == point for sep in ("-", ".", "")
    ]
