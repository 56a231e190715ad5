"""YAML front matter: ``split(text) -> (dict, body)`` and ``join(dict, body) -> str``.

``join`` is deterministic and diff-friendly: keys in ``models.KEY_ORDER`` then the
rest in their given order, one key per line, nested values in flow style, no line
wrapping, datetimes as ISO 8601 (``2025-06-18T23:59:00+02:00``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

import yaml

from natosite.errors import ParseError
from natosite.frontmatter_fast import simple_load
from natosite.models import KEY_ORDER

try:  # libyaml is ~10x faster; PyYAML wheels ship it
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

DELIMITER = "---"
# YAML aliases may repeat a node many times ("billion laughs"): past this many values, refuse.
MAX_VALUES = 50_000
ALIAS_BOMB = f"aliases (*name) expand to more than {MAX_VALUES:,} values; write the values out"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_controls(text: str) -> str:
    """Drop C0 control characters (except tab and newline) that untrusted text may carry."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def expanded_size(root: yaml.Node | None, limit: int = MAX_VALUES) -> int:
    """How many values the node tree holds once its aliases are expanded (capped just past ``limit``).

    Shared nodes are counted once per use, which is what constructing them costs; a
    recursive alias counts as too many.
    """
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            return limit + 1
        visiting.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
                if total > limit:
                    break
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item)
                if total > limit:
                    break
        visiting.discard(key)
        sizes[key] = total = min(total, limit + 1)
        return total

    return size(root) if root is not None else 0


def _impossible_date_line(source: str) -> int | None:
    """File line (counting the opening '---') of the first date-looking value that is not a real date."""
    for number, line in enumerate(source.split("\n"), start=2):
        for match in _DATE.finditer(line):
            try:
                dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return number
    return None


_DATE = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d\d?)-(?P<d>\d\d?)(?![\d])")


def split(text: str, path: str = "<text>") -> tuple[dict[str, Any], str]:
    """Return the front matter mapping and the body. Bad YAML raises ``ParseError(path, line)``."""
    meta, body, _ = split_with_line(text, path)
    return meta, body


def split_with_line(text: str, path: str = "<text>") -> tuple[dict[str, Any], str, int]:
    """Like ``split``, also returning the 1-based line number where the body starts."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != DELIMITER:
        raise ParseError(path, 1, "no front matter: the file must start with a line '---'")
    for end in range(1, len(lines)):
        if lines[end].rstrip() in (DELIMITER, "..."):
            break
    else:
        raise ParseError(path, 1, "front matter is not closed: add a line '---' after it")
    source = "\n".join(lines[1:end])
    meta = simple_load(source)  # one key per line: PyYAML's answer, without its parser
    if meta is None:
        meta = _load(source, path, end)
    body = "\n".join(lines[end + 1 :])
    return meta, body.strip("\n") + "\n" if body.strip() else "", end + 2


def _load(source: str, path: str, end: int) -> dict[str, Any]:
    """The front matter mapping by PyYAML (safely); mistakes raise ``ParseError`` with the file's line."""
    try:
        if alias_bomb_line(source) is not None:
            raise ParseError(path, 2, ALIAS_BOMB)
        meta = yaml.load(source, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the '---'
        if line is not None:
            line = max(2, min(line, end))  # an error "at the end" points at the last front-matter line
        problem = getattr(exc, "problem", None) or str(exc)
        raise ParseError(path, line, f"bad YAML in front matter: {problem}") from None
    except ValueError as exc:  # e.g. an impossible timestamp like 2025-02-31
        line = _impossible_date_line(source)
        what = "not a real date" if line else "bad value in front matter"
        raise ParseError(path, line, f"{what}: {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ParseError(path, 2, "front matter must be a mapping of keys to values")
    for key in meta:
        if not isinstance(key, str):
            raise ParseError(path, key_line(source, str(key)), f"key {key!r} must be text")
    return meta


class _TextDates(_Loader):  # type: ignore[misc, valid-type]
    """Impossible dates read as their text (so one does not stop the reading); real ones as dates."""


def _date_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)


def load_dates_as_text(source: str) -> dict[str, Any] | None:
    """The front matter ``source`` with impossible dates left as text; None if it is not a mapping or not YAML."""
    try:
        if alias_bomb_line(source) is not None:
            return None
        meta = yaml.load(source, Loader=_TextDates)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    return meta if isinstance(meta, dict) and all(isinstance(k, str) for k in meta) else None


def alias_bomb_line(text: str, root: yaml.Node | None = None) -> int | None:
    """The line of the first alias (``*name``) when the aliases of ``text`` expand to more than
    ``MAX_VALUES`` values ("billion laughs"), else None. ``root``: the text's node tree, if it was
    composed already; else it is composed here (a YAML error is the caller's)."""
    if "*" not in text or "&" not in text:  # an alias (*name) needs an anchor (&name): none to expand
        return None
    if root is None:
        root = yaml.compose(text, Loader=_Loader)
    if root is None or expanded_size(root) <= MAX_VALUES:
        return None
    return next((n + 1 for n, row in enumerate(text.split("\n")) if "*" in row), 1)


def key_line(front_matter_source: str, key: str) -> int | None:
    """1-based line (in the file, counting the opening '---') of a top-level key."""
    for number, line in enumerate(front_matter_source.split("\n"), start=2):
        if line.startswith(f"{key}:") or line.startswith(f"'{key}':") or line.startswith(f'"{key}":'):
            return number
    return None


class _Dumper(yaml.SafeDumper):
    pass


def _represent_datetime(dumper: yaml.SafeDumper, data: dt.datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", data.isoformat())


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(dt.datetime, _represent_datetime)
_Dumper.add_representer(str, _represent_str)


def dump_value(key: str, value: Any) -> str:
    """One ``key: value`` line (or block) of front matter; lists and mappings in flow style."""
    options = dict(Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    if isinstance(value, (dict, list, tuple)):
        head = yaml.dump({key: None}, default_flow_style=False, **options).rstrip("\n")
        assert head.endswith(" null")
        flow = yaml.dump(value if not isinstance(value, tuple) else list(value), default_flow_style=True, **options)
        return head[: -len("null")] + flow.strip("\n") + "\n"
    return yaml.dump({key: value}, default_flow_style=False, **options)


def ordered_keys(meta: Mapping[str, Any]) -> list[str]:
    known = [k for k in KEY_ORDER if k in meta]
    return known + [k for k in meta if k not in KEY_ORDER]


def join(meta: Mapping[str, Any], body: str) -> str:
    """Front matter and body as the text of a ``postings/<id>.md`` file."""
    parts = [DELIMITER + "\n"]
    parts.extend(dump_value(key, meta[key]) for key in ordered_keys(meta))
    parts.append(DELIMITER + "\n")
    body = body.strip("\n")
    if body:
        parts.append("\n" + body + "\n")
    return "".join(parts)
