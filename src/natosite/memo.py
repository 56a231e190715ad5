"""``per_posting``: remember a pure function of one posting while its meta and entry are the same objects.

An incremental build hands back the very same ``meta`` dict for a posting file that did
not change (``build_cache.read_postings``) and the very same ``TrackerEntry`` for a
tracker entry that did not change (``build_cache.read_tracker``). A function of those
two (and of a few plain arguments) need not run again for such a posting: at 1,000
postings, the listing pages' cards, calendar items and deadline instants are then
computed only for the posting an edit touched.

The memo keeps one value per posting id, checked by identity of ``meta`` and ``entry``
(held, so an id cannot be reused by another object) and by equality of the other
arguments. It is bounded by the postings seen: past ``LIMIT`` ids it starts afresh.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

from natosite.models import Posting

T = TypeVar("T")

LIMIT = 20_000


def per_posting(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorate ``fn(posting, *args)``, a pure function of ``posting.id``, ``.meta``, ``.entry``
    and ``args`` (hashable, compared by equality). Its result must not be mutated by callers."""
    memo: dict[str, tuple[Any, Any, tuple[Any, ...], T]] = {}

    @functools.wraps(fn)
    def wrapper(posting: Posting, *args: Any) -> T:
        hit = memo.get(posting.id)
        if hit is not None and hit[0] is posting.meta and hit[1] is posting.entry and hit[2] == args:
            return hit[3]
        value = fn(posting, *args)
        if len(memo) >= LIMIT:
            memo.clear()
        memo[posting.id] = (posting.meta, posting.entry, args, value)
        return value

    wrapper.cache_clear = memo.clear  # type: ignore[attr-defined]
    return wrapper
