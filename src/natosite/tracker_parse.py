"""Validate tracker.yaml from its YAML node tree; every mistake becomes a ``Problem``.

``parse_tracker(text)`` composes the text (``yaml.compose``: nodes carry their line)
and walks the tree, reading each value it knows and reporting each mistake at the
line of the key or item it is about. See ``natosite.tracker`` for the schema.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from typing import Any, Iterator

import yaml
from yaml.constructor import SafeConstructor

from natosite.frontmatter import ALIAS_BOMB, alias_bomb_line

from natosite.models import NEW_STATUS, PRIORITIES, STATUSES, Event, HistoryItem, Problem, Reminder, Tracker, TrackerEntry
from natosite.suggest import did_you_mean
from natosite.tracker_values import ValueProblem, is_null, kind, text, when

try:  # libyaml is much faster; PyYAML wheels ship it
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

ENTRY_KEYS: tuple[str, ...] = ("status", "priority", "tags", "notes", "history", "reminders", "events")
HISTORY_KEYS: tuple[str, ...] = ("date", "status", "note")
REMINDER_KEYS: tuple[str, ...] = ("date", "note")
EVENT_KEYS: tuple[str, ...] = ("date", "title", "location", "note")
MERGE_TAG = "tag:yaml.org,2002:merge"
Pairs = dict[str, tuple[yaml.Node, yaml.Node]]


def syntax_problem(exc: yaml.YAMLError, path: str, text: str | None = None) -> Problem:
    """``tracker.yaml:LINE: bad YAML: ...`` from a PyYAML (or ruamel) exception.

    ``text``: the YAML, so that an error at its very end (past its last line break) names
    its last line, not one after it."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).strip()
    message = f"bad YAML: {problem}"
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and problem.startswith("but "):  # "expected a single document ..., but found another"
        message = f"bad YAML: {context}, {problem}"
    elif context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        message += f" ({context} at line {context_mark.line + 1})"
    if "'\\t'" in problem:
        message += "; indent with spaces, not tabs"
    elif "<block end>" in problem or "<block mapping start>" in problem:
        message += "; check this line's indentation"
    elif "<stream end>" in problem or "end of stream" in problem:
        message += "; the file ends before it is closed (a '[', '{' or quote left open?)"
    line = mark.line + 1 if mark is not None else None
    if line is not None and text is not None:
        line = max(1, min(line, len(text.rstrip("\n").split("\n"))))
    return Problem(path, line, message)


def _clearer(text: str, exc: yaml.YAMLError) -> yaml.YAMLError:
    """The pure-Python parser's error for the same text: its messages are clearer than libyaml's
    ("found character '\\t' that cannot start any token" names the character)."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as python_exc:
        return python_exc
    except RecursionError:  # nesting libyaml refused ("while increasing block level") is too deep here
        return exc
    return exc  # pragma: no cover - the parsers disagree


def effective_status(explicit: str | None, history: tuple[HistoryItem, ...]) -> str:
    """``status:`` if given, else the latest history item's (history sorted oldest first), else "new"."""
    if explicit:
        return explicit
    return history[-1].status if history else NEW_STATUS


@functools.lru_cache(maxsize=8)
def parse_tracker(text: str, display_path: str = "tracker.yaml") -> Tracker:
    """Validate the text of a tracker.yaml. Never raises for mistakes in it.

    Cached on (text, display_path): a rebuild after a posting changed does not parse an
    unchanged tracker.yaml again (about 0.25 s for 1,000 fully filled-in entries). The
    result is shared between callers: treat it as read-only (as all models are).

    A file of plain top-level ids is read entry by entry (``_by_entry``): after an edit
    only the entries whose text changed are parsed again, the same result as parsing
    the whole file (tests/test_tracker_chunks.py checks it).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return _by_entry(text, display_path) or _parse_whole(text, display_path)


# A top-level id line: a plain key (``250875-head-of-unit:``), value on the line or below.
_ENTRY_START = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*:(?: |$)")


def _by_entry(text: str, display_path: str) -> Tracker | None:
    """The file parsed one entry at a time, each entry's text cached; None when the file is not
    plainly a list of top-level ids (anchors, documents, flow or odd top-level lines, repeated
    ids, any YAML error): ``_parse_whole`` then reads it, and reports what it must."""
    if "&" in text or "\t" in text or "\r" in text:
        return None
    lines = text.split("\n")
    starts: list[int] = []
    ids: set[str] = set()
    for number, line in enumerate(lines):
        if not line or line[0] in " #":
            continue
        if not _ENTRY_START.match(line):
            return None
        entry_id = line.split(":", 1)[0]
        if entry_id in ids:
            return None
        ids.add(entry_id)
        starts.append(number)
    if len(starts) < 2:
        return None
    entries: dict[str, TrackerEntry] = {}
    problems: list[Problem] = []
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        chunk = "\n".join(lines[start:end]) + ("\n" if end < len(lines) else "")  # as in the file: block scalars keep it
        part = _entry_at(chunk, start, display_path)
        if part is None:
            return None
        entries.update(part.entries)
        problems.extend(part.problems)
    problems.sort(key=lambda p: p.line or 0)
    return Tracker(entries=entries, problems=tuple(problems), path=display_path)


@functools.lru_cache(maxsize=8192)
def _entry_at(chunk: str, offset: int, display_path: str) -> Tracker | None:
    """One entry's text parsed, its lines moved down by ``offset``; None if it is not exactly one
    entry without a YAML error."""
    alone = _parse_whole(chunk, display_path)
    if len(alone.entries) != 1 or any(p.message.startswith("bad YAML") or "line " in p.message for p in alone.problems):
        return None  # more or less than one entry, a YAML error, or a message naming a line (of this part)
    if not offset:
        return alone
    entries = {entry_id: _moved(entry, offset) for entry_id, entry in alone.entries.items()}
    problems = tuple(dataclasses.replace(p, line=p.line + offset) if p.line else p for p in alone.problems)
    return Tracker(entries=entries, problems=problems, path=display_path)


def _moved(entry: TrackerEntry, offset: int) -> TrackerEntry:
    def down(line: int | None) -> int | None:
        return line + offset if line else line

    return dataclasses.replace(
        entry,
        line=down(entry.line),
        reminders=tuple(dataclasses.replace(r, line=down(r.line)) for r in entry.reminders),
        events=tuple(dataclasses.replace(e, line=down(e.line)) for e in entry.events),
    )


def _parse_whole(text: str, display_path: str) -> Tracker:
    """The whole text composed and read at once."""
    try:
        return _parse_whole_unguarded(text, display_path)
    except RecursionError:  # lists or mappings inside each other hundreds of levels deep
        message = "lists or mappings are nested too deeply to read (hundreds of levels); an entry needs three or four"
        return Tracker(entries={}, problems=(Problem(display_path, _deepest_line(text), message),), path=display_path)


def _deepest_line(text: str) -> int:
    """The line that goes deepest (indentation plus opening brackets): where such nesting is."""
    depth = [len(row) - len(row.lstrip(" ")) + row.count("[") + row.count("{") for row in text.split("\n")]
    return depth.index(max(depth)) + 1


def _parse_whole_unguarded(text: str, display_path: str) -> Tracker:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return Tracker(entries={}, problems=(syntax_problem(_clearer(text, exc), display_path, text),), path=display_path)
    line = alias_bomb_line(text, root) if root is not None else None
    if line is not None:
        return Tracker(entries={}, problems=(Problem(display_path, line, ALIAS_BOMB),), path=display_path)
    reader = _Reader(display_path)
    entries = reader.read(root)
    problems = sorted(reader.problems, key=lambda p: p.line or 0)
    return Tracker(entries=entries, problems=tuple(problems), path=display_path)


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Walks the node tree of one tracker.yaml, collecting problems."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self._constructor = SafeConstructor()

    def report(self, node: yaml.Node, message: str, level: str = "error") -> None:
        self.problems.append(Problem(self.path, line_of(node), message, level))

    # -- structure ---------------------------------------------------------------

    def read(self, root: yaml.Node | None) -> dict[str, TrackerEntry]:
        if root is None or is_null(root):
            return {}
        if not isinstance(root, yaml.MappingNode):
            self.report(root, f"expected a mapping of posting ids to entries, found {kind(root)}")
            return {}
        self.pairs(root, "id")  # reports bad and repeated ids
        entries: dict[str, TrackerEntry] = {}
        for key, value in root.value:  # every entry is checked, also a repeated one
            if isinstance(key, yaml.ScalarNode) and not is_null(key):
                entries[key.value] = self.entry(key.value, key, value)
        return entries

    def pairs(self, node: yaml.MappingNode, what: str) -> Pairs:
        """Keys (as written) -> (key node, value node); reports non-text and repeated keys."""
        if any(key.tag == MERGE_TAG for key, _ in node.value):
            try:
                self._constructor.flatten_mapping(node)
            except yaml.YAMLError as exc:
                self.report(node, f"bad merge key '<<': {getattr(exc, 'problem', exc)}")
        out: Pairs = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or is_null(key):
                self.report(key, f"{what} must be text, found {kind(key)}")
                continue
            if key.value in out:
                first = line_of(out[key.value][0])
                self.report(key, f"duplicate {what} {key.value!r} (also at line {first}); the last one is used")
            out[key.value] = (key, value)
        return out

    def known(self, pairs: Pairs, keys: tuple[str, ...], where: str) -> dict[str, yaml.Node]:
        """The known keys' value nodes (nulls dropped); a warning for each unknown key."""
        found: dict[str, yaml.Node] = {}
        for name, (key, value) in pairs.items():
            if name in keys:
                if not is_null(value):
                    found[name] = value
                continue
            hint = did_you_mean(name, keys, listing=False) or f" (known: {', '.join(keys)})"
            self.report(key, f"unknown key {name!r} in {where}{hint}", "warning")
        return found

    def items(self, node: yaml.Node, what: str, example: str) -> Iterator[tuple[yaml.Node, Pairs]]:
        """The mapping items of a list (``history:`` etc.); reports anything else."""
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, f"{what}: expected a list of items like {example}, found {kind(node)}")
            return
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                yield item, self.pairs(item, "key")
            else:
                self.report(item, f"{what} item: expected a mapping like {example}, found {kind(item)}")

    # -- entries -------------------------------------------------------------------

    def entry(self, entry_id: str, key: yaml.Node, node: yaml.Node) -> TrackerEntry:
        line = line_of(key)
        if is_null(node):
            return TrackerEntry(id=entry_id, status=NEW_STATUS, line=line)
        if not isinstance(node, yaml.MappingNode):
            hint = ""
            if isinstance(node, yaml.ScalarNode) and node.value in STATUSES:
                hint = f"; write `status: {node.value}` on the next line, indented"
            self.report(node, f"entry {entry_id!r} must be a mapping (status:, notes:, history: ...), found {kind(node)}{hint}")
            return TrackerEntry(id=entry_id, status=NEW_STATUS, line=line)
        pairs = self.pairs(node, "key")
        fields = self.known(pairs, ENTRY_KEYS, f"entry {entry_id!r}")
        extra = {name: self.construct(value) for name, (_, value) in pairs.items() if name not in ENTRY_KEYS}
        status = self.choice(fields["status"], "status", STATUSES) if "status" in fields else None
        history = self.history(fields["history"]) if "history" in fields else ()
        return TrackerEntry(
            id=entry_id,
            status=effective_status(status, history),
            priority=self.choice(fields["priority"], "priority", PRIORITIES) if "priority" in fields else None,
            tags=self.tags(fields["tags"]) if "tags" in fields else (),
            notes=self.text(fields["notes"], "notes") if "notes" in fields else None,
            history=history,
            reminders=self.reminders(fields["reminders"]) if "reminders" in fields else (),
            events=self.events(fields["events"]) if "events" in fields else (),
            line=line,
            extra=extra,
        )

    def construct(self, node: yaml.Node) -> Any:
        """A value we do not interpret (unknown key), as PyYAML would load it."""
        try:
            return self._constructor.construct_document(node)
        except (yaml.YAMLError, ValueError, TypeError):
            return node.value if isinstance(node, yaml.ScalarNode) else None

    # -- values ------------------------------------------------------------------

    def text(self, node: yaml.Node, what: str) -> str | None:
        try:
            return text(node, what)
        except ValueProblem as exc:
            self.report(node, str(exc))
            return None

    def choice(self, node: yaml.Node, what: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value not in choices:
            hint = did_you_mean(value, choices)
            if value == NEW_STATUS and what == "status":
                hint = f"; 'new' means no entry: delete `status:`, or use one of: {', '.join(choices)}"
            self.report(node, f"unknown {what} {value!r}{hint}")
            return None
        return value

    def when(self, node: yaml.Node, what: str, allow_time: bool = True) -> dt.date | dt.datetime | None:
        try:
            return when(node, what, allow_time=allow_time)
        except ValueProblem as exc:
            self.report(node, str(exc))
            return None

    def tags(self, node: yaml.Node) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode):
            return (node.value,) if node.value else ()
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, f"tags: expected a list of words like [policy, brussels], found {kind(node)}")
            return ()
        tags = [t for t in (self.text(item, "tags") for item in node.value) if t]
        return tuple(dict.fromkeys(tags))

    def history(self, node: yaml.Node) -> tuple[HistoryItem, ...]:
        found: list[HistoryItem] = []
        for item, pairs in self.items(node, "history", "{date: 2025-06-01, status: applied}"):
            fields = self.required(item, pairs, HISTORY_KEYS, ("date", "status"), "history item")
            if fields is None:
                continue
            day = self.when(fields["date"], "date")
            status = self.choice(fields["status"], "status", STATUSES)
            note = self.text(fields["note"], "note") if "note" in fields else None
            if day is None or status is None:
                continue
            if isinstance(day, dt.datetime):
                self.report(fields["date"], f"date: history keeps days; the time in {fields['date'].value} is ignored", "warning")
                day = day.date()
            found.append(HistoryItem(date=day, status=status, note=note))
        return tuple(sorted(found, key=lambda item: item.date))

    def reminders(self, node: yaml.Node) -> tuple[Reminder, ...]:
        found: list[Reminder] = []
        for item, pairs in self.items(node, "reminders", "{date: 2025-07-01, note: Check Taleo}"):
            fields = self.required(item, pairs, REMINDER_KEYS, ("date",), "reminder")
            if fields is None:
                continue
            when_ = self.when(fields["date"], "date")
            note = self.text(fields["note"], "note") if "note" in fields else None
            if when_ is not None:
                found.append(Reminder(date=when_, note=note, line=line_of(fields["date"])))
        return tuple(found)

    def events(self, node: yaml.Node) -> tuple[Event, ...]:
        found: list[Event] = []
        for item, pairs in self.items(node, "events", "{date: 2025-07-10T10:00, title: Written test}"):
            fields = self.required(item, pairs, EVENT_KEYS, ("date", "title"), "event")
            if fields is None:
                continue
            when_ = self.when(fields["date"], "date")
            title = self.text(fields["title"], "title")
            location = self.text(fields["location"], "location") if "location" in fields else None
            note = self.text(fields["note"], "note") if "note" in fields else None
            if when_ is not None and title is not None:
                found.append(Event(date=when_, title=title, location=location, note=note, line=line_of(fields["date"])))
        return tuple(found)

    def required(
        self, item: yaml.Node, pairs: Pairs, keys: tuple[str, ...], needed: tuple[str, ...], what: str
    ) -> dict[str, yaml.Node] | None:
        """Known fields of an item, or None (reported) when a needed one is missing."""
        fields = self.known(pairs, keys, f"{what}")
        missing = [name for name in needed if name not in fields]
        if missing:
            self.report(item, f"{what} needs " + " and ".join(f"a {name}" for name in missing))
            return None
        return fields
