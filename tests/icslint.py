"""A byte-level lint of iCalendar files for what the parsers we test with do not check.

icalendar, ical and vobject all unfold leniently and accept LF line ends, long
lines, split UTF-8 sequences and odd escapes. ``lint(data)`` checks the bytes:

* every line ends with CRLF (no bare LF or CR), and the file ends with CRLF;
* no physical line is longer than 75 octets (CRLF excluded);
* every physical line is valid UTF-8 on its own (folding never splits a character);
* continuation lines start with exactly one space (we fold with a space), none
  comes first, and there are no empty lines;
* TEXT values (SUMMARY, DESCRIPTION, LOCATION, NAME, ...) escape ``,`` ``;`` ``\\``
  and newlines: a backslash is followed by one of ``\\ ; , n N``, and no raw ``;``
  (or ``,`` in single-valued TEXT) or control character is left;
* every TZID referenced has a VTIMEZONE;
* date-only values carry ``VALUE=DATE`` and ``VALUE=DATE`` values are dates;
* in a VEVENT, DTEND is of the same type as DTSTART and strictly after it;
* BEGIN/END nest properly; every VEVENT has a UID and a DTSTAMP; UIDs are unique.

``lint`` returns a list of ``Lint(line, message)`` (1-based physical line numbers);
empty means clean. ``python tests/icslint.py FILE...`` prints them.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import zoneinfo
from dataclasses import dataclass

MAX_OCTETS = 75
# Single-valued TEXT properties (RFC 5545 3.8, RFC 7986, common X- names).
TEXT_PROPS = frozenset({
    "SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT", "UID", "TZNAME", "NAME",
    "X-WR-CALNAME", "X-WR-CALDESC", "RELATED-TO", "PRODID",
})
# Multi-valued TEXT properties: commas separate values, other specials must be escaped.
TEXT_LIST_PROPS = frozenset({"CATEGORIES", "RESOURCES"})
DATE_PROPS = frozenset({"DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE"})
_ESCAPE = re.compile(r"\\[\\;,nN]")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_DATE = re.compile(r"^\d{8}$")
_DATETIME = re.compile(r"^\d{8}T\d{6}Z?$")


@dataclass(frozen=True)
class Lint:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class _Content:
    line: int  # physical line where the content line starts
    name: str
    params: dict[str, str]
    value: str


def _physical_lines(data: bytes, out: list[Lint]) -> list[tuple[int, bytes]]:
    """Split on CRLF, reporting bare CR/LF, missing final CRLF, long and non-UTF-8 lines."""
    if not data.endswith(b"\r\n"):
        out.append(Lint(data.count(b"\n") + 1, "file does not end with CRLF"))
    lines = []
    for number, raw in enumerate(data.split(b"\r\n"), start=1):
        if b"\n" in raw or b"\r" in raw:
            out.append(Lint(number, "bare LF or CR: every line must end with CRLF"))
        if len(raw) > MAX_OCTETS:
            out.append(Lint(number, f"line is {len(raw)} octets, more than {MAX_OCTETS}"))
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            out.append(Lint(number, f"not valid UTF-8 on its own (a character split by folding?): {exc.reason}"))
        lines.append((number, raw))
    if lines and lines[-1][1] == b"":
        lines.pop()  # what follows the final CRLF
    return lines


def _unfold(lines: list[tuple[int, bytes]], out: list[Lint]) -> list[tuple[int, str]]:
    """Join continuation lines (``CRLF SPACE``) into content lines."""
    content: list[tuple[int, bytearray]] = []
    for number, raw in lines:
        if raw == b"":
            out.append(Lint(number, "empty line"))
        elif raw[:1] in (b" ", b"\t"):
            if raw[:1] == b"\t":
                out.append(Lint(number, "continuation line starts with a TAB, expected one space"))
            if not content:
                out.append(Lint(number, "continuation line with nothing to continue"))
                continue
            content[-1][1].extend(raw[1:])
        else:
            content.append((number, bytearray(raw)))
    return [(number, bytes(raw).decode("utf-8", "replace")) for number, raw in content]


def _split(number: int, text: str, out: list[Lint]) -> _Content | None:
    """``NAME;P=V;...:value``; quoted parameter values may hold ``:`` and ``;``."""
    in_quotes = False
    colon = -1
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            colon = i
            break
    if colon < 0:
        out.append(Lint(number, f"no ':' in content line {text[:40]!r}"))
        return None
    head, value = text[:colon], text[colon + 1:]
    parts = re.findall(r'(?:[^;"]|"[^"]*")+', head)
    if not parts or not re.fullmatch(r"[A-Za-z0-9-]+", parts[0]):
        out.append(Lint(number, f"bad property name in {head[:40]!r}"))
        return None
    params: dict[str, str] = {}
    for part in parts[1:]:
        key, _, val = part.partition("=")
        params[key.upper()] = val.strip('"')
    return _Content(number, parts[0].upper(), params, value)


def _check_text(c: _Content, out: list[Lint]) -> None:
    if _CONTROL.search(c.value):
        out.append(Lint(c.line, f"{c.name}: control character in a TEXT value"))
    unescaped = _ESCAPE.sub("", c.value)
    if "\\" in unescaped:
        out.append(Lint(c.line, f"{c.name}: backslash not followed by \\\\, \\;, \\, or \\n"))
    if ";" in unescaped:
        out.append(Lint(c.line, f"{c.name}: unescaped ';' in a TEXT value"))
    if c.name in TEXT_PROPS and "," in unescaped:
        out.append(Lint(c.line, f"{c.name}: unescaped ',' in a TEXT value"))


def _parse_moment(c: _Content, value: str, out: list[Lint]) -> dt.date | dt.datetime | None:
    """Check VALUE=DATE against the value's shape; return it as a date or aware/naive datetime."""
    is_date_param = c.params.get("VALUE", "").upper() == "DATE"
    if _DATE.match(value):
        if not is_date_param:
            out.append(Lint(c.line, f"{c.name}: date-only value {value} without VALUE=DATE"))
        return dt.datetime.strptime(value, "%Y%m%d").date()
    if _DATETIME.match(value):
        if is_date_param:
            out.append(Lint(c.line, f"{c.name}: VALUE=DATE with a date-time value {value}"))
        moment = dt.datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
        if value.endswith("Z"):
            if "TZID" in c.params:
                out.append(Lint(c.line, f"{c.name}: UTC value with a TZID"))
            return moment.replace(tzinfo=dt.timezone.utc)
        tzid = c.params.get("TZID")
        if tzid:
            try:
                return moment.replace(tzinfo=zoneinfo.ZoneInfo(tzid))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                return moment  # custom TZID: compared as floating time
        return moment
    if c.name in ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID"):
        out.append(Lint(c.line, f"{c.name}: {value!r} is neither a date nor a date-time"))
    return None


def _check_event_times(start: tuple[_Content, object] | None, end: tuple[_Content, object] | None,
                       out: list[Lint]) -> None:
    if not start or not end or start[1] is None or end[1] is None:
        return
    (_, s), (c_end, e) = start, end
    if isinstance(s, dt.datetime) != isinstance(e, dt.datetime):
        out.append(Lint(c_end.line, "DTEND is not of the same type (date / date-time) as DTSTART"))
        return
    if isinstance(s, dt.datetime) and (s.tzinfo is None) != (e.tzinfo is None):
        return  # floating vs. zoned: not comparable here
    if not e > s:
        out.append(Lint(c_end.line, f"DTEND {e} is not after DTSTART {s} (DTEND is exclusive)"))


def lint(data: bytes) -> list[Lint]:
    """Every violation found in an iCalendar file's bytes (empty list: clean)."""
    out: list[Lint] = []
    contents = [c for n, t in _unfold(_physical_lines(data, out), out) if (c := _split(n, t, out))]
    stack: list[str] = []
    tzids_defined: set[str] = set()
    tzids_used: dict[str, int] = {}
    uids: dict[str, int] = {}
    event: dict[str, tuple[_Content, object]] = {}
    for c in contents:
        if c.name == "BEGIN":
            stack.append(c.value.upper()[:40])
            if c.value.upper() == "VEVENT":
                event = {}
            continue
        if c.name == "END":
            if not stack or stack[-1] != c.value.upper():
                out.append(Lint(c.line, f"END:{c.value} does not close {stack[-1] if stack else 'anything'}"))
            else:
                stack.pop()
            if c.value.upper() == "VEVENT":
                for required in ("UID", "DTSTAMP", "DTSTART"):
                    if required not in event:
                        out.append(Lint(c.line, f"VEVENT without {required}"))
                _check_event_times(event.get("DTSTART"), event.get("DTEND"), out)
            continue
        where = stack[-1] if stack else ""
        if c.name in TEXT_PROPS or c.name in TEXT_LIST_PROPS:
            _check_text(c, out)
        if "TZID" in c.params and where != "VTIMEZONE":
            tzids_used.setdefault(c.params["TZID"], c.line)
        if c.name == "TZID" and where == "VTIMEZONE":
            tzids_defined.add(c.value)
        moment = None
        if c.name in DATE_PROPS and where != "VALARM":
            for value in c.value.split(","):
                moment = _parse_moment(c, value, out)
        if where == "VEVENT":
            if c.name in ("DTSTART", "DTEND", "UID", "DTSTAMP"):
                event[c.name] = (c, moment)
            if c.name == "UID":
                if c.value in uids:
                    out.append(Lint(c.line, f"UID {c.value} already used on line {uids[c.value]}"))
                uids.setdefault(c.value, c.line)
    if stack:
        out.append(Lint(contents[-1].line if contents else 1, f"BEGIN:{stack[-1]} never ended"))
    for tzid, line in sorted(tzids_used.items(), key=lambda kv: kv[1]):
        if tzid not in tzids_defined:
            out.append(Lint(line, f"TZID={tzid} has no VTIMEZONE"))
    return out


def main(paths: list[str]) -> int:
    status = 0
    for path in paths:
        with open(path, "rb") as handle:
            for problem in lint(handle.read()):
                print(f"{path}:{problem}")
                status = 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
