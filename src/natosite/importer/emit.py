"""A fast writer for the front matter the importer produces, byte for byte ``frontmatter.join``'s.

PyYAML's pure-Python emitter takes about a millisecond per key, which alone would
cap an import at a few dozen postings a second. The importer's values are simple
(None, numbers, dates, short one-line strings, small mappings of those), so
``join`` writes them itself when it is sure of YAML's own output: plain scalars
that YAML would neither quote nor read back as another type. Any other value goes
through ``frontmatter.dump_value``, so the result is always what
``frontmatter.join`` writes (``tests/test_importer.py`` checks this on every
fixture and on generated values).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Final, Mapping

import yaml

from natosite import frontmatter
from natosite.importer import rxcache
from natosite.models import KEY_ORDER

_RESOLVER: Final = yaml.resolver.Resolver()
# The first characters of the scalars YAML may read as another type than a string: its implicit resolvers are filed
# by first character ("1", "-", "n", "~", ...); a value starting otherwise is a string, unless resolvers for any
# first character or for a path were added (then each value is asked).
_TYPED_FIRST: Final = frozenset(k for k in _RESOLVER.yaml_implicit_resolvers if k)
_ASK_EVERY: Final = None in _RESOLVER.yaml_implicit_resolvers or bool(_RESOLVER.yaml_path_resolvers)
# Characters that make YAML quote a scalar or end it early (block context; flow adds ,[]{}).
_UNSAFE_START: Final = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# (a quote or a backslash after the first character leaves a scalar plain: "Braine-l'Alleud", "O'Neil")
_UNSAFE_BLOCK: Final = rxcache.compile(r"[\n\r\t\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|: |:$| #|\s$")
_UNSAFE_FLOW: Final = rxcache.compile(r"[,?\[\]{}]")  # PyYAML quotes "?" anywhere in flow context
# Numbers, dates and words like "null" that YAML would read as other types: single-quoted.
_QUOTABLE: Final = rxcache.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._+/-]*$")


@lru_cache(maxsize=4096)
def _plain(value: str, flow: bool) -> str | None:
    """``value`` as YAML writes it: plain when it can be, single-quoted when it would read back as
    another type ("250875", "2026-0142"); None when unsure (``frontmatter.dump_value`` decides)."""
    if not value or value[0] in _UNSAFE_START or not value.isprintable() or value.startswith("..."):
        return None
    if _UNSAFE_BLOCK.search(value) or (flow and (_UNSAFE_FLOW.search(value) or ":" in value)):
        return None
    if (value[0] in _TYPED_FIRST or _ASK_EVERY) and _RESOLVER.resolve(
        yaml.ScalarNode, value, (True, False)
    ) != "tag:yaml.org,2002:str":
        return f"'{value}'" if _QUOTABLE.match(value) else None
    return value


# The front matter's own keys and the source mapping's, which every posting writes: whether YAML writes them plain
# is decided once, here, not looked up again (through ``_plain``'s cache) for each posting.
_PLAIN_KEYS: Final = frozenset(key for key in KEY_ORDER if _plain(key, False) == key)
_PLAIN_FLOW_KEYS: Final = frozenset(key for key in ("file", "sha256", "imported") if _plain(key, True) == key)


def _scalar(value: Any, flow: bool) -> str | None:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value).lower()
        return text if "." in text and "e" not in text and value == value else None
    if isinstance(value, dt.datetime):
        return None if flow else value.isoformat()  # its ":" would need quotes and a tag in a flow mapping
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _plain(value, flow)
    return None


def _line(key: str, value: Any) -> str:
    if key in _PLAIN_KEYS or _plain(key, flow=False) == key:
        if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
            items = [
                (k if k in _PLAIN_FLOW_KEYS or _plain(k, True) == k else None, _scalar(v, True)) for k, v in value.items()
            ]
            if all(k is not None and v is not None for k, v in items):
                return f"{key}: {{{', '.join(f'{k}: {v}' for k, v in items)}}}\n"
        elif not isinstance(value, (dict, list, tuple)):
            text = _scalar(value, flow=False)
            if text is not None:
                return f"{key}: {text}\n"
    return frontmatter.dump_value(key, value)


def join(meta: Mapping[str, Any], body: str) -> str:
    """Exactly ``frontmatter.join(meta, body)``, fast for the importer's values."""
    parts = [frontmatter.DELIMITER + "\n"]
    parts.extend(_line(key, meta[key]) for key in frontmatter.ordered_keys(meta))
    parts.append(frontmatter.DELIMITER + "\n")
    body = body.strip("\n")
    if body:
        parts.append("\n" + body + "\n")
    return "".join(parts)
