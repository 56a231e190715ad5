"""``simple_load(source)``: PyYAML's answer for plain front matter, without PyYAML's parser.

Reading 1,000 postings spent 0.3 s in ``yaml.load`` (libyaml parses, but nodes and
values are made in Python), a third of a cold build's serial time. The front matter
``natosite import`` writes, and most people's edits of it, are one ``key: value`` per
line. For exactly that shape this module gives the same mapping ``yaml.load(source,
CSafeLoader)`` gives, and for anything else it declines (None) and the caller uses
PyYAML:

- every line is blank, a ``#`` comment, or ``key: value`` at column 0 (no nesting,
  no block lists, no multi-line scalars, no anchors, tags or directives);
- a value is empty (null), a one-line plain scalar, a single-quoted scalar, a
  double-quoted scalar with no escapes, or a one-line flow mapping ``{k: v, ...}`` of
  plain keys and plain or quoted values (``source:`` and ``languages:`` as the import
  writes them);
- plain scalars and keys are typed by PyYAML's own resolver and built by its own
  ``SafeConstructor`` (ints, floats, dates, timestamps, booleans, null: the same
  values, the same errors for impossible dates, which make this decline);
- any character YAML treats specially where it stands (indicators, ``: ``, `` #``,
  tabs, non-printable characters, Unicode line breaks) makes it decline.

Checked against PyYAML on every posting the repository has, on generated postings and
on generated near-miss texts (tests/test_frontmatter_fast.py).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["simple_load"]

_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?")
# Characters a one-line scalar may not hold here: the unprintable ones (C0, DEL, C1, surrogates,
# U+FFFE, U+FFFF), tab, Unicode line breaks (YAML 1.1 breaks lines at U+0085, U+2028 and U+2029)
# and the byte-order mark. (Written as the complement of the allowed ranges, the class took ~10 ms
# to compile, in every process.)
_UNUSUAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# First characters that make a plain scalar something else (or that we leave to PyYAML).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_PLAIN = re.compile(r"[^\s,\[\]{}#&*!|>'\"%@`:?-][^,\[\]{}#:]*")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_TYPED_FIRST = frozenset(_RESOLVER.yaml_implicit_resolvers)  # first characters of ints, dates, null, booleans...
_IMPLICIT = (True, False)


def simple_load(source: str) -> dict[str, Any] | None:
    """``yaml.load(source, Loader=CSafeLoader)`` for one-key-per-line front matter; None for anything else."""
    if "\t" in source or "\r" in source:
        return None
    meta: dict[str, Any] = {}
    try:
        for line in source.split("\n"):
            if not line or line[0] == "#":
                if line and _UNUSUAL.search(line):
                    return None
                continue
            match = _LINE.fullmatch(line.rstrip(" "))
            if match is None:
                if line.strip(" "):
                    return None
                continue  # a line of spaces: blank
            key = _plain(match.group(1))
            if type(key) is not str:
                return None
            text = match.group(2)
            value = None if text is None else _value(text)
            if value is _DECLINE:
                return None
            meta[key] = value
    except (ValueError, TypeError, yaml.YAMLError):  # e.g. 2025-02-31: PyYAML says where
        return None
    return meta


_DECLINE = object()


def _value(text: str) -> Any:
    """The value of one ``key: text`` line (``text`` stripped of trailing spaces), or _DECLINE."""
    if _UNUSUAL.search(text):
        return _DECLINE
    first = text[0]
    if first == "'":
        match = _SINGLE.fullmatch(text)
        return match.group(1).replace("''", "'") if match else _DECLINE
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            return _DECLINE
        return inner
    if first == "{":
        return _flow_mapping(text)
    if first in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return _DECLINE
    return _plain(text)


def _flow_mapping(text: str) -> Any:
    """``{k: v, k2: v2}`` of plain keys and values on one line, or _DECLINE."""
    if not text.endswith("}"):
        return _DECLINE
    inner = text[1:-1].strip(" ")
    mapping: dict[Any, Any] = {}
    if not inner:
        return mapping
    for part in inner.split(","):
        key_text, sep, value_text = part.strip(" ").partition(": ")
        value_text = value_text.strip(" ")
        if not sep or not _FLOW_PLAIN.fullmatch(key_text):
            return _DECLINE
        key = _plain(key_text)
        if type(key) is not str:
            return _DECLINE
        if _FLOW_PLAIN.fullmatch(value_text):
            mapping[key] = _plain(value_text)
        elif value_text[:1] in ("'", '"'):  # a comma inside quotes left this part unclosed: declined
            value = _value(value_text)
            if value is _DECLINE:
                return _DECLINE
            mapping[key] = value
        else:
            return _DECLINE
    return mapping


def _plain(text: str) -> Any:
    """A plain scalar's value, typed and built exactly as PyYAML types and builds it."""
    if text[0] not in _TYPED_FIRST:  # no implicit type starts with this character: text
        return text
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, _IMPLICIT)
    if tag == _STR:
        return text
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None:  # '<<' or '=': PyYAML refuses them as values
        raise ValueError(text)
    return construct(_CONSTRUCTOR, yaml.ScalarNode(tag, text))
