"""``Keywords``: the words ``prose.keyword_hits`` looks for, grouped once, and the registry of every group's first
characters that its one Aho-Corasick automaton is built from.

A module of its own, run as Python: a subclass of ``tuple`` cannot be compiled by mypyc (see setup.py), and it is
only made at import, where the words are defined.
"""

from __future__ import annotations

# Every Keywords' prefixes, in the order they were made (``prose`` builds its automaton from them)
_PREFIXES: dict[str, None] = {}


class Keywords(tuple):
    """Words for ``keyword_hits`` (lowercase), grouped once by their first four characters: (what to find, the
    words starting there). "english"/"englisch" or " anni"/" années" are looked for once (" ann") and told apart
    where found; a word alone in its group is looked for whole. Every group's first characters join the one
    automaton ``keyword_hits`` searches a text with. (Built where the words are defined, at import: grouping them
    again for every search cost ~10 us a call.)"""

    def __new__(cls, words: tuple[str, ...]) -> "Keywords":
        groups: dict[str, list[str]] = {}
        for word in dict.fromkeys(words):
            if word:
                groups.setdefault(word[:4], []).append(word)
        made = super().__new__(
            cls, ((group[0] if len(group) == 1 else prefix, tuple(group)) for prefix, group in groups.items())
        )
        for prefix, _ in made:
            _PREFIXES.setdefault(prefix)
        return made
