"""Edit tracker.yaml the way a person would: change a few lines, keep every other byte.

``set_status(text, id, status, day, note)`` returns the new text with the entry's
``status:`` set and ``{date: D, status: S, note: N}`` appended to its ``history:``
(entry, keys and file created when missing). Comments, blank lines, key order,
quoting, indentation and flow/block style of everything else are kept byte for
byte: the edit is a splice at positions taken from the YAML node tree.

Only when the entry is written in an unusual shape (a flow mapping ``{...}``) does it
fall back to ruamel.yaml's round-trip dump, which keeps comments and key order but
may re-indent. Either way the result is re-read and compared with what the edit
should mean (old data plus the change, nothing else) before it is returned; a
mismatch raises instead of writing something wrong.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import yaml

from natosite.frontmatter import ALIAS_BOMB, alias_bomb_line, strip_controls
from natosite.errors import TrackerError
from natosite.tracker_parse import syntax_problem
from natosite.tracker_values import is_null, kind

Edit = tuple[int, int, str]  # replace text[start:end] with the string


def item_text(day: dt.date, status: str, note: str | None, *, flow: bool) -> str:
    """The new history item: ``{date: ..., status: ..., note: ...}`` (flow) or block lines.

    The note is quoted only where YAML needs it, and always on one line (line breaks
    escaped), so the item reads back the same wherever it is indented.
    """
    parts = [("date", day.isoformat()), ("status", status)]
    if note is not None:
        parts.append(("note", scalar_text(note)))
    if flow:
        return "{" + ", ".join(f"{k}: {v}" for k, v in parts) + "}"
    return "".join(f"{k}: {v}\n" for k, v in parts)


def scalar_text(value: str) -> str:
    """``value`` as a one-line YAML scalar valid in flow and block context."""
    multiline = any(c in value for c in "\n\r\x85\u2028\u2029")
    for allow_unicode in (True, False):  # escape all non-ASCII when a character would not read back
        options: dict[str, Any] = dict(allow_unicode=allow_unicode, width=1_000_000, default_flow_style=True)
        dumped = yaml.safe_dump([value], default_style='"' if multiline else None, **options).strip()[1:-1]
        if "\n" not in dumped and yaml.safe_load(f"[{dumped}]") == [value]:
            return dumped
    return json.dumps(value)  # pragma: no cover - JSON strings are YAML double-quoted scalars


def key_text(key: str) -> str:
    """``key`` as a YAML mapping key, quoted if plain text would read as something else."""
    dumped = yaml.safe_dump({key: None}, allow_unicode=True, width=1_000_000)
    return dumped[: dumped.rindex(": null")] if ": null" in dumped else dumped.rstrip("\n").removesuffix(":")


def content_end(node: yaml.Node) -> int:
    """Index just after the last character that belongs to ``node`` (trailing blank lines
    and comments after a block collection are not part of it)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return content_end(node.value[-1])
    return node.end_mark.index


def line_after(text: str, index: int) -> int:
    """Start of the line after the one holding ``index - 1`` (a block scalar's end is already there)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def blank_before(text: str, index: int) -> bool:
    """Whether the line holding ``index``, after any comment lines just above it, follows a blank line."""
    lines = text[: line_start(text, index)].split("\n")[:-1]
    while lines and lines[-1].lstrip().startswith("#"):
        lines.pop()
    return bool(lines) and not lines[-1].strip()


def seq_offset(root: yaml.MappingNode) -> int:
    """How far this file indents a list's '-' under its key (first one found; default 2)."""
    for _, entry in root.value:
        if isinstance(entry, yaml.MappingNode) and not entry.flow_style:
            for key, value in entry.value:
                if isinstance(value, yaml.SequenceNode) and not value.flow_style:
                    return max(0, value.start_mark.column - key.start_mark.column)
    return 2


def key_indent(root: yaml.MappingNode) -> int:
    """How far this file indents an entry's keys under its id (first one found; default 2)."""
    for key, entry in root.value:
        if isinstance(entry, yaml.MappingNode) and not entry.flow_style and entry.value:
            return max(1, entry.start_mark.column - key.start_mark.column)
    return 2


def entry_lines(indent: str, step: int, offset: int, status: str, item: str, *, with_history: bool = True) -> str:
    inner = indent + " " * step
    lines = f"{inner}status: {status}\n"
    if with_history:
        lines += f"{inner}history:\n{inner}{' ' * offset}- {item}\n"
    return lines


class Editor:
    """One edit of one tracker.yaml text (``\\n`` line ends; the caller restores CRLF)."""

    def __init__(self, text: str, path: str = "tracker.yaml"):
        self.text = text
        self.path = path

    def fail(self, node: yaml.Node | None, message: str) -> TrackerError:
        return TrackerError(self.path, node.start_mark.line + 1 if node is not None else None, message)

    def compose(self) -> yaml.Node | None:
        try:
            return yaml.compose(self.text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            problem = syntax_problem(exc, self.path, self.text)
            raise TrackerError(self.path, problem.line, problem.message + "; fix it before using `natosite track`") from None

    def set_status(self, entry_id: str, status: str, day: dt.date, note: str | None) -> str:
        root = self.compose()
        if root is None or is_null(root):
            return self.append_entry(None, entry_id, status, day, note)
        if not isinstance(root, yaml.MappingNode):
            raise self.fail(root, f"expected a mapping of posting ids to entries, found {kind(root)}")
        if root.flow_style:
            return roundtrip_set_status(self.text, entry_id, status, day, note, self.path)
        matches = [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == entry_id]
        if len(matches) > 1:
            raise self.fail(matches[1][0], f"duplicate id {entry_id!r} (also at line {matches[0][0].start_mark.line + 1}); keep one")
        if not matches:
            return self.append_entry(root, entry_id, status, day, note)
        key, value = matches[0]
        if isinstance(value, yaml.MappingNode) and value.flow_style:
            return roundtrip_set_status(self.text, entry_id, status, day, note, self.path)
        if is_null(value):
            return self.fill_empty(root, key, value, status, day, note)
        if not isinstance(value, yaml.MappingNode):
            raise self.fail(value, f"entry {entry_id!r} must be a mapping (status:, history: ...), found {kind(value)}")
        return self.apply(self.entry_edits(root, value, status, day, note))

    def apply(self, edits: list[Edit]) -> str:
        text = self.text
        for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            text = text[:start] + new + text[end:]
        return text

    def append_entry(self, root: yaml.MappingNode | None, entry_id: str, status: str, day: dt.date, note: str | None) -> str:
        column = root.start_mark.column if root is not None else 0
        step = key_indent(root) if root is not None else 2
        offset = seq_offset(root) if root is not None else 2
        indent = " " * column
        block = indent + key_text(entry_id) + ":\n" + entry_lines(indent, step, offset, status, item_text(day, status, note, flow=True))
        text = self.text
        if text and not text.endswith("\n"):
            text += "\n"
        if root is None and text.strip() and not text.endswith("\n\n"):
            text += "\n"  # after a file's opening comments
        if root is not None and not text.endswith("\n\n"):
            last_key = root.value[-1][0]
            if len(root.value) == 1 or blank_before(self.text, last_key.start_mark.index):
                text += "\n"  # the file separates entries with a blank line: so do we
        return text + block

    def fill_empty(self, root: yaml.MappingNode, key: yaml.Node, value: yaml.Node, status: str, day: dt.date, note: str | None) -> str:
        step, offset = key_indent(root), seq_offset(root)
        indent = " " * key.start_mark.column
        lines = entry_lines(indent, step, offset, status, item_text(day, status, note, flow=True))
        edits: list[Edit] = [(value.start_mark.index, value.end_mark.index, "")]  # drop an explicit '~' / 'null'
        at = line_after(self.text, value.end_mark.index)
        prefix = "" if self.text[:at].endswith("\n") or not self.text else "\n"
        edits.append((at, at, prefix + lines))
        return self.apply(edits)

    def entry_edits(self, root: yaml.MappingNode, entry: yaml.MappingNode, status: str, day: dt.date, note: str | None) -> list[Edit]:
        fields = {k.value: (k, v) for k, v in entry.value if isinstance(k, yaml.ScalarNode)}
        first_key = entry.value[0][0] if entry.value else None
        indent = " " * entry.start_mark.column
        edits: list[Edit] = []
        if "status" in fields:
            edits.append(self.replace_value(fields["status"][1], status))
        elif first_key is not None:
            at = line_start(self.text, first_key.start_mark.index)
            edits.append((at, at, f"{indent}status: {status}\n"))
        if "history" in fields:
            edits.append(self.history_edit(root, *fields["history"], day, status, note))
        else:
            offset = seq_offset(root)
            at = line_after(self.text, content_end(entry))
            prefix = "" if self.text[:at].endswith("\n") else "\n"
            item = item_text(day, status, note, flow=True)
            edits.append((at, at, f"{prefix}{indent}history:\n{indent}{' ' * offset}- {item}\n"))
        return edits

    def replace_value(self, node: yaml.Node, new: str) -> Edit:
        if isinstance(node, yaml.ScalarNode) and node.start_mark.index == node.end_mark.index:
            return (node.start_mark.index, node.end_mark.index, " " + new)  # `status:` with nothing after it
        start, end = node.start_mark.index, content_end(node)
        if self.text[end - 1 : end] == "\n":  # a block scalar owns its line end
            return (start, end, new + "\n")
        spaces = len(self.text[end:]) - len(self.text[end:].lstrip(" "))
        if spaces and self.text[end + spaces : end + spaces + 1] == "#":  # keep the comment's column
            width = max(1, (end - start) + spaces - len(new))
            return (start, end + spaces, new + " " * width)
        return (start, end, new)

    def history_edit(self, root: yaml.MappingNode, key: yaml.Node, seq: yaml.Node, day: dt.date, status: str, note: str | None) -> Edit:
        if is_null(seq):
            offset = seq_offset(root)
            at = line_after(self.text, max(seq.end_mark.index, key.end_mark.index))
            prefix = "" if self.text[:at].endswith("\n") else "\n"
            item = item_text(day, status, note, flow=True)
            return (at, at, f"{prefix}{' ' * (key.start_mark.column + offset)}- {item}\n")
        if not isinstance(seq, yaml.SequenceNode):
            raise self.fail(seq, f"history: expected a list of items like {{date: 2025-06-01, status: applied}}, found {kind(seq)}")
        if seq.flow_style:
            item = item_text(day, status, note, flow=True)
            if seq.value:
                at = seq.value[-1].end_mark.index
                return (at, at, f", {item}")
            at = seq.start_mark.index + 1
            return (at, at, item)
        last = seq.value[-1]
        dash = " " * seq.start_mark.column
        at = line_after(self.text, content_end(last))
        prefix = "" if self.text[:at].endswith("\n") else "\n"
        if isinstance(last, yaml.MappingNode) and not last.flow_style:
            lines = item_text(day, status, note, flow=False).splitlines()
            pad = " " * (last.start_mark.column - seq.start_mark.column - 1)
            body = f"{dash}-{pad}{lines[0]}\n" + "".join(f"{dash} {pad}{line}\n" for line in lines[1:])
            return (at, at, prefix + body)
        return (at, at, f"{prefix}{dash}- {item_text(day, status, note, flow=True)}\n")


def roundtrip_set_status(text: str, entry_id: str, status: str, day: dt.date, note: str | None, path: str) -> str:
    """The same edit through ruamel.yaml's round-trip dump (for flow-style entries)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 1_000_000
    try:
        data = rt.load(text)
    except Exception as exc:  # noqa: BLE001 - ruamel's errors have no common base we can name
        mark = getattr(exc, "problem_mark", None)
        raise TrackerError(path, mark.line + 1 if mark else None, f"could not edit it safely ({exc.__class__.__name__}); please make the change by hand") from None
    if data is None:
        data = CommentedMap()
    entry = data.get(entry_id)
    if entry is None:
        entry = data[entry_id] = CommentedMap()
    entry["status"] = status
    history = entry.get("history")
    if history is None:
        history = entry["history"] = CommentedSeq()
    item = CommentedMap(date=day, status=status)
    if note is not None:
        item["note"] = note
    item.fa.set_flow_style()
    history.append(item)
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


class _PlainLoader(yaml.SafeLoader):
    """Reads timestamps as their text, so the check below never trips on a date elsewhere."""


_PlainLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def expected_data(before: Any, entry_id: str, status: str, day: dt.date, note: str | None) -> Any:
    """What the file should mean after the edit: ``before`` plus the change, nothing else."""
    data = dict(before or {})
    entry = dict(data.get(entry_id) or {})
    entry["status"] = status
    item: dict[str, Any] = {"date": day.isoformat(), "status": status}
    if note is not None:
        item["note"] = note
    entry["history"] = list(entry.get("history") or []) + [item]
    data[entry_id] = entry
    return data


def _meaning(text: str) -> Any:
    return yaml.load(text, Loader=_PlainLoader)  # noqa: S506 - a SafeLoader subclass


def _means(text: str, want: Any) -> bool:
    try:
        return _meaning(text) == want
    except Exception:  # noqa: BLE001 - any failure to read back means "not what we wanted"
        return False


def _refuse_alias_bombs(body: str, path: str) -> None:
    """Aliases that expand to a huge value ("billion laughs"): checking the edit would compare it
    element by element for hours. Refused, as the tracker reader refuses them."""
    try:
        line = alias_bomb_line(body)
    except (yaml.YAMLError, RecursionError):
        return  # reported as such by the steps that follow
    if line is not None:
        raise TrackerError(path, line, f"{ALIAS_BOMB} before using `natosite track`")


def set_status(text: str, entry_id: str, status: str, day: dt.date, note: str | None = None, path: str = "tracker.yaml") -> str:
    """The text of tracker.yaml after setting ``entry_id``'s status and adding a history item.

    Keeps a byte order mark and CRLF line ends. Raises ``TrackerError`` (with the line)
    when the file has YAML syntax errors or the entry cannot hold the change.
    """
    if note is not None:
        note = strip_controls(note)  # never written: the tracker reader would drop them anyway
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    crlf = "\r\n" in body
    if crlf:
        body = body.replace("\r\n", "\n")
    try:
        new = Editor(body, path).set_status(entry_id, status, day, note)
    except RecursionError:  # an alias inside itself (&a [*a]), or absurd nesting
        raise TrackerError(path, None, "too deeply nested (or an alias inside itself) to edit safely; please make the change by hand") from None
    _refuse_alias_bombs(body, path)  # before the edit is checked by comparing what the texts mean
    try:
        want = expected_data(_meaning(body), entry_id, status, day, note)
    except yaml.YAMLError as exc:  # e.g. a list used as a key, an unknown !tag
        problem = syntax_problem(exc, path, body)
        raise TrackerError(path, problem.line, problem.message + "; fix it before using `natosite track`") from None
    if not _means(new, want):
        new = roundtrip_set_status(body, entry_id, status, day, note, path)
        if not _means(new, want):
            raise TrackerError(path, None, f"could not edit the entry {entry_id!r} safely; please make the change by hand")
    if crlf:
        new = new.replace("\n", "\r\n")
    return bom + new
