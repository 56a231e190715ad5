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
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Mapping

from natosite.errors import NatositeError
from natosite.importer.clean import clean_lines
from natosite.importer.decode import DecodeError, decode
from natosite.importer.emit import join
from natosite.importer.facts import extract_facts
from natosite.importer.sections import build_body
from natosite.importer.slug import make_id
from natosite.models import EXTRA_KEYS, FACT_KEYS, Posting

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


def _parse_text(text: str, source: Mapping[str, Any], default_tz: str, data: bytes, encoding: str) -> ImportResult:
    lines = clean_lines(text)
    facts = extract_facts(lines, default_tz)
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
