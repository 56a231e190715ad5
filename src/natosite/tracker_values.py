"""Scalar values of tracker.yaml read from YAML nodes: dates, datetimes, text.

Dates are parsed here from the node's text, not by PyYAML's constructor, because
PyYAML raises ``ValueError`` on an impossible date (``2025-02-30``) and does not
take ``2025-07-10T10:00`` (no seconds) as a timestamp. Both spellings, quoted or not,
give the same value:

- ``2025-07-10``                      -> ``date(2025, 7, 10)``
- ``2025-07-10T10:00`` / ``2025-07-10 10:00:30`` -> a *naive* ``datetime``; naive times
  are wall-clock times in the posting's zone (its ``timezone:``, else the config's).
  They stay naive in the model; renderers attach the zone.
- ``2025-07-10T10:00+02:00`` / ``...Z`` -> an aware ``datetime`` with that offset.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from natosite.frontmatter import strip_controls

NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"

_DATE_RE = re.compile(
    r"""^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
    (?:(?:[Tt]|[ \t]+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?
       (?:[ \t]*(?P<tz>Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$""",
    re.X,
)


class ValueProblem(Exception):
    """A value that cannot be used; the message is for the person."""


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def kind(node: yaml.Node) -> str:
    """A word for what the person wrote: 'a list', 'a mapping', 'text 'x''."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if is_null(node):
        return "nothing"
    return f"{node.value!r}"


def text(node: yaml.Node, what: str) -> str:
    """The text of a scalar exactly as written (``yes`` stays ``yes``, ``2025`` stays ``2025``),
    less any control characters a quoted escape put in it."""
    if not isinstance(node, yaml.ScalarNode) or is_null(node):
        raise ValueProblem(f"{what}: expected text, found {kind(node)}")
    return strip_controls(node.value)


def parse_when(raw: str, *, allow_time: bool) -> dt.date | dt.datetime:
    """``raw`` as a date or (when ``allow_time``) a datetime. Raises ``ValueProblem``."""
    value = raw.strip()
    match = _DATE_RE.match(value)
    example = "YYYY-MM-DD or YYYY-MM-DDTHH:MM" if allow_time else "YYYY-MM-DD"
    if not match:
        raise ValueProblem(f"{raw!r} is not a date: write {example}")
    try:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError as exc:
        raise ValueProblem(f"impossible date {value}: {exc}") from None
    if match["H"] is None:
        return day
    if not allow_time:
        raise ValueProblem(f"{value!r} has a time: write the day only, {example}")
    try:
        fraction = (match["f"] or "0")[:6].ljust(6, "0")
        clock = dt.time(int(match["H"]), int(match["M"]), int(match["S"] or 0), int(fraction))
    except ValueError as exc:
        raise ValueProblem(f"impossible time in {value}: {exc}") from None
    return dt.datetime.combine(day, clock, tzinfo=_offset(match["tz"], value))


def _offset(raw: str | None, whole: str) -> dt.tzinfo | None:
    if raw is None:
        return None
    if raw in ("Z", "z"):
        return dt.timezone.utc
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours > 23 or minutes > 59:
        raise ValueProblem(f"impossible time zone offset in {whole}")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def when(node: yaml.Node, what: str, *, allow_time: bool) -> dt.date | dt.datetime:
    """A date (or datetime) from a scalar node, quoted or not. Raises ``ValueProblem``."""
    if not isinstance(node, yaml.ScalarNode) or is_null(node):
        raise ValueProblem(f"{what}: expected a date, found {kind(node)}")
    return parse_when(node.value, allow_time=allow_time)
