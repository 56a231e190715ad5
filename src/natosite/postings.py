"""Read ``postings/*.md`` into ``Posting`` records, checking their front matter.

``load_postings(dir)`` never stops at the first bad file: it returns every posting
it could read and a ``Problem`` (``postings/<id>.md:LINE: message``) for each
mistake, so ``check`` can report them all and ``build`` can skip and carry on.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path
from typing import Any, Iterable

import yaml

from natosite import frontmatter
from natosite.errors import ParseError
from natosite.models import Posting, Problem

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,150}$")
_GRADE = re.compile(r"G([1-9]|1[0-9]|2[0-6])(/G([1-9]|1[0-9]|2[0-6]))?")  # single spine G1-G26, twin grades
_CURRENCY = re.compile(r"[A-Z]{3}")  # ISO 4217
# Facts whose absence is worth a warning in `check`.
KEY_FACTS = ("title", "deadline", "organisation", "grade")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def posting_files(postings_dir: Path) -> list[Path]:
    if not postings_dir.is_dir():
        return []
    return sorted(p for p in postings_dir.glob("*.md") if p.is_file() and not p.name.startswith("."))


def folder_problem(postings_dir: Path, shown: str = "postings") -> Problem | None:
    """An error when ``postings_dir`` is a file (``check`` and ``build`` report it the same way)."""
    if postings_dir.exists() and not postings_dir.is_dir():
        return Problem(shown, None, "is a file, not the folder of postings: move it away")
    return None


def parse_posting_file(text: str, rel_path: str, posting_id: str) -> tuple[Posting | None, list[Problem]]:
    """Parse one posting file's text. Returns (posting or None, problems)."""
    problems: list[Problem] = []
    if not ID_RE.match(posting_id):
        problems.append(
            Problem(rel_path, None, f"file name {posting_id!r} is not an id: use lowercase ASCII letters, digits and '-'")
        )
        return None, problems
    source = text.split("\n---", 1)[0] if text.startswith("---") else ""
    try:
        meta, body, _ = frontmatter.split_with_line(text, rel_path)
    except ParseError as exc:
        problems.append(Problem(rel_path, exc.line, exc.detail))
        if exc.detail.startswith("not a real date"):  # the rest of the front matter can still be checked
            lenient = frontmatter.load_dates_as_text(source.lstrip("-\n"))
            if lenient is not None:
                problems.extend(p for p in check_meta(lenient, rel_path, source) if p.line != exc.line)
        return None, problems
    problems.extend(check_meta(meta, rel_path, source))
    if any(p.level == "error" for p in problems):
        return None, problems
    # Without control characters and without "\\" (YAML's escapes) in the file, no value can
    # hold a control character: the per-value search of ``_clean`` (~25 a posting) is skipped.
    plain = "\\" not in text and frontmatter.strip_controls(text) is text
    posting = Posting(id=posting_id, meta=normalise_meta(meta, plain), body=body if plain else frontmatter.strip_controls(body),
                      path=rel_path)
    return posting, problems


def load_postings(postings_dir: Path, root: Path | None = None) -> tuple[list[Posting], list[Problem]]:
    """Every readable posting under ``postings_dir`` (sorted by id) and every problem found."""
    root = root or postings_dir.parent
    postings: list[Posting] = []
    problems: list[Problem] = []
    for path in posting_files(postings_dir):
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(rel, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
            continue
        except OSError as exc:
            problems.append(Problem(rel, None, f"cannot read: {exc.strerror}"))
            continue
        posting, found = parse_posting_file(text, rel, path.stem)
        problems.extend(found)
        if posting is not None:
            postings.append(posting)
    return postings, problems


def _line(source: str, key: str) -> int | None:
    return frontmatter.key_line(source.lstrip("-\n"), key) if source else None


def check_meta(meta: dict[str, Any], rel_path: str, source: str = "") -> Iterable[Problem]:
    """Type checks of the contract keys; unknown keys are the person's own and are kept."""

    def problem(key: str, message: str, level: str = "error") -> Problem:
        return Problem(rel_path, _line(source, key), f"{key}: {message}", level)

    for key in ("title", "organisation", "location", "grade", "currency", "schedule", "division", "clearance"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            yield problem(key, f"expected text, found {type(value).__name__}")
    reference = meta.get("reference")
    if reference is not None and not isinstance(reference, (str, int)):
        yield problem("reference", "expected the vacancy number as text, e.g. \"250875\"")
    salary = meta.get("salary")
    if salary is not None and (isinstance(salary, bool) or not isinstance(salary, (int, float))):
        yield problem("salary", f"expected a number such as 6467.30, found {salary!r}")
    posts = meta.get("posts")
    if posts is not None and (isinstance(posts, bool) or not isinstance(posts, int) or posts < 1):
        yield problem("posts", f"expected a whole number of posts, found {posts!r}")
    deadline = meta.get("deadline")
    if deadline is not None and not isinstance(deadline, (dt.date, dt.datetime)):
        yield problem(
            "deadline",
            f"{deadline!r} is not a date: write 2026-02-15 or 2026-02-15T23:59:00+01:00",
        )
    zone = meta.get("timezone")
    if zone is not None:
        try:
            zoneinfo.ZoneInfo(str(zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            yield problem("timezone", f"unknown time zone {zone!r}, e.g. Europe/Brussels")
    grade = meta.get("grade")
    if isinstance(grade, str) and grade and not _GRADE.fullmatch(grade):
        yield problem("grade", f"{grade!r} is not a NATO grade such as G15 (or G15/G16 for twin grades)", level="warning")
    currency = meta.get("currency")
    if currency is not None and not (isinstance(currency, str) and _CURRENCY.fullmatch(currency)):
        yield problem("currency", f"{currency!r} is not a currency code such as EUR, USD or GBP", level="warning")
    src = meta.get("source")
    if src is not None and not isinstance(src, dict):
        yield problem("source", "expected a mapping {file: ..., sha256: ..., imported: ...}")
    for key in KEY_FACTS:
        if meta.get(key) in (None, ""):
            yield problem(key, f"no {key}: set `{key}:` in {rel_path}", level="warning")
    yield from duplicate_keys(source, rel_path)


def duplicate_keys(source: str, rel_path: str) -> Iterable[Problem]:
    """A warning for each top-level key written twice (YAML keeps the last one, silently).

    ``source``: the front matter from its opening '---' line. The text before the first
    colon of each line at column 0 is compared first (~8 us a posting); only when one
    repeats is the YAML composed to be sure (a flow mapping, a quoted text or a block list
    may run on over lines that look like keys)."""
    heads = [line.partition(":")[0].strip("'\" ") for line in source.split("\n")[1:] if line and line[0] not in " \t#"]
    if len(set(heads)) == len(heads):
        return
    try:
        root = yaml.compose(source.lstrip("-"), Loader=_LOADER)
    except yaml.YAMLError:
        return
    if not isinstance(root, yaml.MappingNode):
        return
    first: dict[str, int] = {}
    for key, _ in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + 1  # the '---' line was left out: its line is 1
        if key.value in first:
            yield Problem(rel_path, line, f"duplicate key {key.value!r} (also at line {first[key.value]}); the last one is used",
                          "warning")
        else:
            first[key.value] = line


def _clean(value: Any) -> Any:
    """Strings without control characters, recursively (untrusted text must not reach pages raw)."""
    if isinstance(value, str):
        return frontmatter.strip_controls(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def normalise_meta(meta: dict[str, Any], plain: bool = False) -> dict[str, Any]:
    """Small normalisations: reference as text, naive deadline made aware, control characters dropped
    (``plain``: the caller knows no value holds one)."""
    out = dict(meta) if plain else _clean(meta)
    if isinstance(out.get("reference"), int):
        out["reference"] = str(out["reference"])
    deadline = out.get("deadline")
    if isinstance(deadline, dt.datetime) and deadline.tzinfo is None:
        zone = out.get("timezone") or "Europe/Brussels"
        try:
            out["deadline"] = deadline.replace(tzinfo=zoneinfo.ZoneInfo(str(zone)))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return out
