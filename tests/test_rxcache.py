"""The large patterns' compiled code kept between runs (natosite.importer.rxcache) gives the patterns re.compile gives."""

from __future__ import annotations

import re
import sys

import pytest

import natosite.importer  # noqa: F401  (its modules' patterns made)
from natosite.importer import native, rxcache

PARSING_MODULES = [sys.modules[f"natosite.importer.{name}"] for name in native.COMPILED]


def _patterns(value: object) -> list[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        return [value]
    if isinstance(getattr(value, "plain", None), re.Pattern):
        return [value.plain, value.folding]  # type: ignore[attr-defined]
    if isinstance(value, (tuple, list)):
        return [item for item in value if isinstance(item, re.Pattern)]
    if isinstance(value, dict):
        return [item for item in value.values() if isinstance(item, re.Pattern)]
    return []


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """rxcache with its file in an empty folder and nothing read or compiled yet."""
    monkeypatch.setattr(rxcache, "FOLDER", tmp_path / "__pycache__")
    monkeypatch.setattr(rxcache, "_kept", None)
    monkeypatch.setattr(rxcache, "_used", {})
    monkeypatch.setattr(rxcache, "_missed", False)
    return tmp_path


def _compile_all(sources: list[tuple[str, int]]) -> list[re.Pattern[str]]:
    return [rxcache.compile(source, flags) for source, flags in sources]


# (each parsing module's patterns: those it names, those of its Caseless pairs and of its tuples and dicts)
SOURCES = list(dict.fromkeys((p.pattern, p.flags) for module in PARSING_MODULES for value in vars(module).values()
                             for p in _patterns(value) if isinstance(p.pattern, str)))


def test_the_parsing_modules_make_their_patterns_through_the_cache() -> None:
    named = [value for module in PARSING_MODULES for value in vars(module).values()
             if isinstance(value, re.Pattern) and isinstance(value.pattern, str)]  # (the decoder's few bytes ones: small)
    assert len(named) > 300 and max(len(p.pattern) for p in named) > 90_000  # (the dates' zones, ...)
    made = {key[0] for key in rxcache._used}
    assert [p.pattern[:60] for p in named if p.pattern not in made] == []


def test_a_kept_pattern_is_the_pattern_re_compile_makes(fresh) -> None:
    sources = SOURCES + [(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})", re.I), (r"(?i:NATO)|(?-i:otan)", 0)]
    first = _compile_all(sources)  # compiled here, then written
    rxcache.save()
    assert rxcache.path().is_file()
    rxcache._kept, rxcache._used = None, {}
    again = _compile_all(sources)  # made from the file
    assert rxcache._missed is False
    for (source, flags), made, kept in zip(sources, first, again):
        expected = re.compile(source, flags)
        assert made == expected and kept == expected  # (a Pattern is equal to another of the same code and flags)
        assert kept.groupindex == expected.groupindex and kept.groups == expected.groups
    assert again[-2].match("7.12").group("month") == "12"


def test_a_damaged_cache_is_compiled_again_and_rewritten(fresh) -> None:
    rxcache.FOLDER.mkdir()
    rxcache.path().write_bytes(b"\x00not marshal data")
    pattern = rxcache.compile(r"closing date:?\s*(\S+)", re.I)
    assert pattern == re.compile(r"closing date:?\s*(\S+)", re.I)
    rxcache.save()
    rxcache._kept = None
    assert rxcache.compile(r"closing date:?\s*(\S+)", re.I).match("Closing date: 2 May").group(1) == "2"
    assert rxcache._missed is False


def test_a_folder_that_cannot_be_written_leaves_the_cache_unwritten(fresh, monkeypatch) -> None:
    (fresh / "__pycache__").write_text("a file where the folder would be")
    assert rxcache.compile("apply now").match("apply now")
    rxcache.save()  # (no error: compiled again next time, as Python does with its .pyc files)
    assert (fresh / "__pycache__").read_text() == "a file where the folder would be"
