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

import re
from typing import Final, Iterator

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


def by_first_letter(branches: list[str]) -> str:
    """An alternation of ``branches`` with the ones that start with the same letter grouped under it (see the
    module docstring); the other branches follow, in their order. A branch that starts with a group of words,
    "(?:apply|save) now", is first spread over them: "apply now", "save now"."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for branch in _spread(branches):
        first = branch[:1]
        if first.isalpha() and branch[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(first, []).append(branch[1:])
        else:
            others.append(branch)
    return "|".join([f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()] + others)


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
    instructions: worth it on every line of a posting); any other text is searched with the pattern itself."""

    __slots__ = ("folding", "plain")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        source = pattern.pattern
        if not pattern.flags & re.IGNORECASE or "(?-i" in source or _UPPER_LITERAL.search(source):
            raise ValueError(f"not an IGNORECASE pattern of lowercase letters: {source[:60]!r}")
        self.folding = pattern
        self.plain = rxcache.compile(source, pattern.flags & ~re.IGNORECASE)  # (some are large: see rxcache)

    def match(self, text: str) -> re.Match[str] | None:
        return self.plain.match(text.lower()) if text.isascii() else self.folding.match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.plain.search(text.lower()) if text.isascii() else self.folding.search(text)


# An ASCII capital that is a literal of a pattern (not the letter of an escape such as "\S" or "\W")
_UPPER_LITERAL: Final = rxcache.compile(r"(?<!\\)(?:\\\\)*[A-Z]")
