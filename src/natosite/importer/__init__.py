"""Raw job-board text -> a ``Posting`` (front matter + Markdown body).

The importer is a chain of small pure steps::

    decode (bytes -> text) -> clean (drop the board) -> facts (front matter) -> sections (body)

``parse_posting(text, source)`` runs them and returns an ``ImportResult``: the
``Posting`` (its id, front matter in ``models.KEY_ORDER`` and body), the text of
its ``postings/<id>.md`` file, the warnings and the key facts it could not find.
``import_file`` (in ``natosite.importer.write``) decides what to do with an
existing posting and writes the file.

Front matter written (``models.KEY_ORDER``): every key of ``FACT_KEYS`` always
(null when the text does not give it; ``posts`` is 1 unless the text counts
more), then the extra keys only when the text states them:

- ``division``: the labelled division/directorate, as written ("International Military Staff (IMS)");
- ``contract``: "definite duration" or "indefinite duration" (else the labelled value as written);
- ``contract_years``: int, the years of the first contract offered;
- ``languages``: either a mapping of language to NATO level, ``{English: V, French: III}``
  (levels I-VI; an SLP profile such as "3333" as written), or, for NATO's usual
  "V in one, III in the other" of the two official languages, that string;
- ``clearance``: "NATO SECRET", "NATO CONFIDENTIAL", "NATO RESTRICTED" or "COSMIC TOP SECRET";
- ``experience_years``: int, the first "at least N years of experience";

and last ``source: {file, sha256, imported}``.

Input too small to be a posting is refused (``ImportRefused``, one line): fewer than
``MIN_WORDS`` words once the board's chrome is gone, no labelled field, no fact and no
word of a role ("hi", "hello world", a page that is only a cookie banner). "Budget
Analyst", "Title: Clerk" or "Deadline: 2026-02-15" alone is imported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Mapping

from natosite.errors import NatositeError
from natosite.importer import native, rxcache

native.choose()  # (compiled or source: decided before the first of the parsing modules is imported)

from natosite.importer.clean import clean_lines  # noqa: E402
from natosite.importer.decode import DecodeError, decode  # noqa: E402
from natosite.importer.emit import join  # noqa: E402
from natosite.importer.facts import extract_facts  # noqa: E402
from natosite.importer.header import ROLE  # noqa: E402
from natosite.importer.sections import build_body  # noqa: E402
from natosite.importer.slug import make_id  # noqa: E402
from natosite.models import EXTRA_KEYS, FACT_KEYS, Posting  # noqa: E402

rxcache.save()  # (the large patterns' code, when any was compiled anew: see rxcache)

__all__ = [
    "ImportResult", "ImportRefused", "parse_posting", "parse_bytes", "source_info", "REPORTED_FACTS",
    "import_file", "import_data", "PostingIndex", "Outcome",
]

# Facts whose absence the import reports, in this order.
REPORTED_FACTS: tuple[str, ...] = ("title", "reference", "organisation", "location", "grade", "salary", "deadline")


class ImportRefused(NatositeError):
    """A raw file that cannot be imported (binary, empty, unreadable): a one-line reason."""


@dataclass(frozen=True)
class ImportResult:
    """A parsed posting, ready to be written as ``postings/<id>.md``."""

    posting: Posting
    text: str  # the whole .md file
    warnings: tuple[str, ...]  # decoding notes and facts that could not be read
    missing: tuple[str, ...]  # reported facts that are null (see REPORTED_FACTS)

    @property
    def id(self) -> str:
        return self.posting.id

    def missing_messages(self, rel_path: str) -> list[str]:
        """ "no title found: set `title:` in postings/x.md" for each missing fact."""
        return [f"no {key} found: set `{key}:` in {rel_path}" for key in self.missing]


def source_info(name: str, data: bytes, imported: Any) -> dict[str, Any]:
    """The ``source`` mapping of the front matter: file name, sha256 of the raw bytes, import date."""
    return {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "imported": imported}


def parse_bytes(data: bytes, source: Mapping[str, Any], default_tz: str = "Europe/Brussels") -> ImportResult:
    """Decode raw bytes and parse them; ``ImportRefused`` for binary or empty input."""
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise ImportRefused(f"{source.get('file', '<input>')}: {exc}") from None
    result = _parse_text(decoded.text, source, default_tz, data, decoded.encoding)
    notes = decoded.warnings or (
        (f"read as {decoded.encoding}",) if decoded.encoding not in ("utf-8", "utf-8-sig", "ascii") else ()
    )
    if notes:
        result = ImportResult(result.posting, result.text, tuple(notes) + result.warnings, result.missing)
    return result

def parse_posting(text: str | bytes, source: Mapping[str, Any], default_tz: str = "Europe/Brussels") -> ImportResult:
    """Parse a raw posting (text or bytes) into an ``ImportResult``; pure, deterministic.

    ``source`` is the front matter's ``source`` mapping (file, sha256, imported);
    a missing sha256 is computed from the text.
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    source = {
        "file": source.get("file", "-"),
        "sha256": source.get("sha256") or hashlib.sha256(data).hexdigest(),
        "imported": source.get("imported"),
        **{k: v for k, v in source.items() if k not in ("file", "sha256", "imported")},
    }
    return parse_bytes(data, source, default_tz)


def _line_of(needle: str | None, data: bytes, encoding: str) -> int | None:
    """1-based line of the raw file where ``needle`` first occurs (None if it cannot be found)."""
    if not needle:
        return None
    try:
        raw = data.decode(encoding, errors="replace")
    except LookupError:
        return None
    at = raw.find(needle)
    return raw.count("\n", 0, at) + 1 if at >= 0 else None


# Text too small to be a posting ("hi", a stray word pasted on stdin, a page that is only a cookie banner) is
# refused: fewer than MIN_WORDS words once the board's chrome is gone, and none of what a posting has -- no
# labelled field, no fact (vacancy number, employer, place, grade, salary, schedule, deadline, ...) and no word
# of a role ("Clerk", "Analyst"). A short real posting ("Budget Analyst", "Title: Clerk", "Deadline: 2026-02-15")
# has one of them and is imported.
MIN_WORDS = 8
_NOT_EVIDENCE = ("title", "posts", "timezone")  # (a title is guessed from any first line; posts is 1 by default)


def _too_small(lines: list[str], facts: Any) -> str | None:
    """Why the cleaned ``lines`` are too small to be a posting, or None (see MIN_WORDS)."""
    words = 0
    for line in lines:
        words += len(line.split())
        if words >= MIN_WORDS:
            return None
    if facts.labelled or facts.warnings or any(
        value is not None for key, value in facts.values.items() if key not in _NOT_EVIDENCE
    ):
        return None
    if any(ROLE.search(line) for line in lines):
        return None
    return (
        f"too little text to be a posting ({words} word{'' if words == 1 else 's'}; no role, vacancy number,"
        " employer, place, grade or deadline found)"
    )


def _parse_text(text: str, source: Mapping[str, Any], default_tz: str, data: bytes, encoding: str) -> ImportResult:
    lines = clean_lines(text)
    facts = extract_facts(lines, default_tz)
    if len(lines) < MIN_WORDS:  # (only a text of a few lines can have fewer words)
        small = _too_small(lines, facts)
        if small:
            raise ImportRefused(f"{source.get('file', '<input>')}: {small}")
    for i, needle in enumerate(facts.needles):  # "line 12: deadline '31-02-2026' ...": the raw file's line
        line = _line_of(needle, data, encoding)
        if line is not None:
            facts.warnings[i] = f"line {line}: {facts.warnings[i]}"
    body = build_body(lines, facts.consumed)
    meta: dict[str, Any] = {key: facts.values.get(key) for key in FACT_KEYS}
    meta.update({key: facts.values[key] for key in EXTRA_KEYS if facts.values.get(key) is not None})
    meta["source"] = dict(source)
    posting_id = make_id(meta["reference"], meta["title"], str(source.get("sha256", "")))
    file_text = join(meta, body)  # frontmatter.join's bytes, faster
    missing = tuple(key for key in REPORTED_FACTS if meta.get(key) is None)
    posting = Posting(id=posting_id, meta=meta, body=body, path=f"postings/{posting_id}.md")
    return ImportResult(posting, file_text, tuple(facts.warnings), missing)



# The writing step lives in its own module; imported last because it uses the names above.
from natosite.importer.write import Outcome, PostingIndex, import_data, import_file  # noqa: E402
