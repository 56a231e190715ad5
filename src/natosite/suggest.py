"""Did-you-mean suggestions for near-miss words (statuses, ids, keys)."""

from __future__ import annotations

import difflib
from typing import Iterable


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word``, or None when nothing is close enough.

    Case is ignored (``Applied`` -> ``applied``). When no choice is close by spelling,
    a choice that ``word`` is a unique prefix of is suggested, so a bare reference
    number finds its posting id (``250875`` -> ``250875-head-of-policy``).
    """
    options = list(dict.fromkeys(str(c) for c in choices))
    if not word or not options:
        return None
    lowered = {option.lower(): option for option in options}
    key = str(word).strip().lower()
    if key in lowered and lowered[key] != word:
        return lowered[key]
    close = _closest(key, list(lowered))
    if close is not None and lowered[close] != word:
        return lowered[close]
    prefixed = [option for low, option in lowered.items() if low.startswith(key) and option != word]
    if len(prefixed) == 1 and len(key) >= 3:
        return prefixed[0]
    return None


def _closest(key: str, options: list[str], cutoff: float = 0.6) -> str | None:
    """The option most similar to ``key`` (difflib ratio >= cutoff); None on a tie (ambiguous)."""
    scored = []
    for option in options:
        matcher = difflib.SequenceMatcher(None, key, option)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff:
                scored.append((ratio, option))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def did_you_mean(word: str, choices: Iterable[str], *, listing: bool = True) -> str:
    """``"; did you mean 'x'?"``, or ``"; use one of: a, b, c"`` (when ``listing``), or ``""``."""
    options = list(choices)
    best = suggest(word, options)
    if best is not None:
        return f"; did you mean {best!r}?"
    if listing and options:
        return "; use one of: " + ", ".join(options)
    return ""
