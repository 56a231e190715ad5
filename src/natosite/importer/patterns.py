"""Long alternations of phrases, rewritten so Python's regex engine tries fewer of them.

The engine tries the branches of ``a|b|c`` one after the other at every position, so a pattern of a
hundred phrases ("loading|apply now|...") costs a hundred tests on each line it does not match,
which is most lines. ``by_first_letter`` factors out the first letter of the phrases that start
with one ("loading|laden|log in" -> "l(?:oading|aden|og in)"): a line then fails after about one
test per distinct first letter. The rewritten pattern matches exactly the same texts, at the same
places; only, where several phrases could match at one place, the one it reports may differ (the
branches are reordered). Use it for patterns whose match is a yes/no or a position, or whose phrases
cannot overlap (plain words whose first letters differ across groups).
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any, Final, Iterator

from natosite.importer import rxcache

__all__ = ["Caseless", "alternatives", "by_first_letter", "first_chars"]


def alternatives(source: str) -> list[str]:
    """The top-level branches of the regex ``source``: "a|(?:b|c)d|[|]" -> ["a", "(?:b|c)d", "[|]"]."""
    branches: list[str] = []
    start = 0
    for i, char, depth in _structure(source):
        if char == "|" and depth == 0:
            branches.append(source[start:i])
            start = i + 1
    branches.append(source[start:])
    return branches


_DEPTH: Final = 4  # (letters deep: each level saves the engine a test of each branch of a group on most lines;
# three and four measured alike on the chrome patterns, one and two slower)
_REGROUP: Final = 4  # (a group of fewer branches is tried as it is)


def by_first_letter(branches: list[str], depth: int = _DEPTH) -> str:
    """An alternation of ``branches`` with the ones that start with the same letter grouped under it (see the
    module docstring); the other branches follow, in their order. A branch that starts with a group of words,
    "(?:apply|save) now", is first spread over them: "apply now", "save now". The branches of a group are grouped
    by their next letter in turn, ``depth`` letters deep ("p(?:o(?:stuler|rtal)|r(?:int|ivacy policy))")."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for branch in _spread(branches):
        first = branch[:1]
        if first.isalpha() and branch[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(first, []).append(branch[1:])
        else:
            others.append(branch)
    if len(others) > 1 and (starts := first_class(others)) is not None:
        # (the branches that start with a class, a group or an escape sit behind one test of the characters they
        # can start with: a line starting with a letter fails them in that test, not in a test of each)
        others = [f"(?={starts})(?:{'|'.join(others)})"]
    return "|".join([
        f"{first}(?:{by_first_letter(rests, depth - 1) if depth > 1 and len(rests) >= _REGROUP else '|'.join(rests)})"
        for first, rests in groups.items()
    ] + others)


def first_class(branches: list[str]) -> str | None:
    """A character class ("[...]") of every character a match of one of the regexes ``branches`` can start with
    (maybe more, never fewer; written with the same flags as the branches), or None where that cannot be told: a
    branch that can match an empty text or starts with any character, one that sets a flag."""
    items: set[str] = set()
    for branch in branches:
        try:
            parsed = _sre_parse.parse(branch)
        except re.error:
            return None
        if parsed.state.flags & ~(re.UNICODE | re.VERBOSE):  # ("(?i)...": a flag its class would not have)
            return None
        first, nullable = _first_items(parsed)
        if first is None or nullable:
            return None
        items |= first
    return "[" + "".join(sorted(items)) + "]"


def _first_items(sequence: Any) -> tuple[set[str] | None, bool]:
    """(the class items, as a regex writes them, of the characters a match of the parsed regex ``sequence`` can
    start with, None for any character; whether it can match an empty text)."""
    items: set[str] = set()
    for op, av in sequence:
        nullable = False
        if op is _sre_parse.LITERAL:
            first: set[str] | None = {_class_char(av)}
        elif op is _sre_parse.IN:
            first = _class_items(av)
        elif op in (_sre_parse.AT, _sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            continue  # (no character: the next item gives the first)
        elif op is _sre_parse.SUBPATTERN:
            if av[1] or av[2]:
                return None, False  # "(?i:...)": flags of its own
            first, nullable = _first_items(av[3])
        elif op is _sre_parse.BRANCH:
            first = set()
            for branch in av[1]:
                inner, inner_nullable = _first_items(branch)
                if inner is None:
                    return None, False
                first |= inner
                nullable = nullable or inner_nullable
        elif op in _REPEATS:
            first, nullable = _first_items(av[2])
            nullable = nullable or av[0] == 0
        else:  # any character, a back reference, ...
            return None, False
        if first is None:
            return None, False
        items |= first
        if not nullable:
            return items, False
    return items, True


def _class_items(items: Any) -> set[str] | None:
    """A parsed class's items as a regex writes them (None for a negated class)."""
    written: set[str] = set()
    for op, av in items:
        if op is _sre_parse.LITERAL:
            written.add(_class_char(av))
        elif op is _sre_parse.RANGE:
            written.add(f"{_class_char(av[0])}-{_class_char(av[1])}")
        elif op is _sre_parse.CATEGORY and av in _CATEGORIES:
            written.add(_CATEGORIES[av])
        else:
            return None
    return written


def _class_char(code: int) -> str:
    char = chr(code)
    if char.isascii() and char.isalnum():
        return char
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# The regex parser of the standard library: re._parser from Python 3.11, sre_parse before
_sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

_REPEATS: Final = tuple(getattr(_sre_parse, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                        if hasattr(_sre_parse, name))
_CATEGORIES: Final = {
    getattr(_sre_parse, f"CATEGORY_{name}"): escape for name, escape in (
        ("DIGIT", "\\d"), ("NOT_DIGIT", "\\D"), ("SPACE", "\\s"), ("NOT_SPACE", "\\S"), ("WORD", "\\w"),
        ("NOT_WORD", "\\W"))
}


def first_chars(branches: list[str]) -> str:
    """Every character a match of the IGNORECASE alternation of ``branches`` can start with (both cases, and the
    characters Unicode folds to the same letter: "İ" and "ı" for "i", "ſ" for "s", the Kelvin sign for "k"), for a
    test of a line's first character before the pattern is tried at all (a call costs more than the test). Raises
    ValueError when a branch starts with anything but a literal character (a class, a group, an escape)."""
    chars: set[str] = set()
    for branch in _spread(branches):
        first = branch[:1]
        if not first or first in "\\[(.^$|?*+{":
            raise ValueError(f"not a literal first character: {branch[:20]!r}")
        chars.update((first, first.lower(), first.upper(), *_FOLDED.get(first.lower(), "")))
    return "".join(sorted(chars))


_FOLDED: Final = {"i": "İı", "s": "ſ", "k": "\u212a"}


def _spread(branches: list[str]) -> list[str]:
    """``branches`` with each "(?:a|b)rest" (a leading non-capturing group, not repeated) written "arest", "brest"."""
    spread: list[str] = []
    for branch in branches:
        end = _group_end(branch) if branch.startswith("(?:") else -1
        if end > 0 and branch[end + 1 : end + 2] not in ("?", "*", "+", "{"):
            rest = branch[end + 1 :]
            spread.extend(_spread([inner + rest for inner in alternatives(branch[3:end])]))
        elif end > 0 and branch[end + 1 : end + 2] == "?" and branch[end + 2 : end + 3] not in ("?", "+"):
            # "(?:strictly )?necessary": "strictly necessary", "necessary" (each then grouped under its letter)
            rest = branch[end + 2 :]
            spread.extend(_spread([inner + rest for inner in alternatives(branch[3:end])] + [rest]))
        else:
            spread.append(branch)
    return spread


def _group_end(source: str) -> int:
    """The index of the ")" that closes the group ``source`` starts with (-1 if there is none)."""
    for i, char, depth in _structure(source):
        if char == ")" and depth == 0:
            return i
    return -1


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each "(", ")" and "|" of the regex ``source`` that is syntax: not escaped, not
    in a character class. ``depth`` counts the groups open around the character (after a ")", before a "(")."""
    depth = 0
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2  # an escaped character, whatever it is
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1
            if source[i : i + 1] == "^":
                i += 1
            if source[i : i + 1] == "]":
                i += 1  # "[]...]", "[^]...]": a "]" first in a class is one of its characters
            continue
        elif char == "(":
            yield i, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield i, char, depth
        elif char == "|":
            yield i, char, depth
        i += 1


class Caseless:
    """An IGNORECASE pattern whose letters are all lowercase, with its twin compiled without IGNORECASE. In an ASCII
    text lowercased the twin finds what the pattern finds in the text, comparing characters as they are (~2x fewer
    instructions: worth it on every line of a posting); any other text is searched with the pattern itself.

    So does a text of Latin letters and punctuation (_CASE_APART: none of the characters IGNORECASE equates with one
    other than its own capital or small letter, "ı" with "i", "ſ" with "s", "µ" with "μ", nor any whose small letter
    is two characters, "İ"), when no letter of the pattern, written or in a class, is a capital: a test checks that
    of every Caseless pattern of the importer (its twin would miss "é" for an "É" it holds)."""

    __slots__ = ("folding", "plain")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        source = pattern.pattern
        if not pattern.flags & re.IGNORECASE or "(?-i" in source or _UPPER_LITERAL.search(source):
            raise ValueError(f"not an IGNORECASE pattern of lowercase letters: {source[:60]!r}")
        self.folding = pattern
        self.plain = rxcache.compile(source, pattern.flags & ~re.IGNORECASE)  # (some are large: see rxcache)

    def match(self, text: str) -> re.Match[str] | None:
        if text.isascii() or not _CASE_APART.search(text):
            return self.plain.match(text.lower())
        return self.folding.match(text)

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii() or not _CASE_APART.search(text):
            return self.plain.search(text.lower())
        return self.folding.search(text)


# A character whose case IGNORECASE and str.lower do not tell alike: all but ASCII, Latin-1's and Latin Extended-A's
# letters and signs (less "µ", "İ", "ı" and "ſ"), general punctuation and "€" (none of them is another's other case)
_CASE_APART: Final = rxcache.compile(r"[^\x00-\xb4\xb6-\u012f\u0132-\u017e\u2000-\u206f\u20ac]")


# An ASCII capital that is a literal of a pattern (not the letter of an escape such as "\S" or "\W")
_UPPER_LITERAL: Final = rxcache.compile(r"(?<!\\)(?:\\\\)*[A-Z]")
