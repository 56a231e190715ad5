"""``memo.per_posting`` and the tracker entries kept by identity, which the incremental build relies on."""

from __future__ import annotations

from pathlib import Path

from natosite.build_cache import BuildCache, read_tracker
from natosite.config import load_config
from natosite.memo import per_posting
from natosite.models import Posting, TrackerEntry


def test_per_posting_recomputes_when_meta_entry_or_arguments_change() -> None:
    calls: list[str] = []

    @per_posting
    def title_in(posting: Posting, suffix: str) -> str:
        calls.append(posting.id)
        return f"{posting.meta['title']}{suffix}"

    meta = {"title": "A"}
    a = Posting("a", meta, "body")
    assert title_in(a, "!") == "A!" and title_in(Posting("a", meta, "other body"), "!") == "A!"
    assert calls == ["a"]  # same meta object, no entry: remembered
    assert title_in(Posting("a", {"title": "B"}, ""), "!") == "B!"  # an equal id, another meta: computed
    assert title_in(Posting("a", {"title": "B"}, "", entry=TrackerEntry("a", "applied")), "!") == "B!"
    assert title_in(a, "?") == "A?"  # other arguments: computed
    assert len(calls) == 4
    title_in.cache_clear()
    assert title_in(a, "?") == "A?" and len(calls) == 5


def test_a_tracker_edit_keeps_the_other_entries_as_the_same_objects(tmp_path: Path) -> None:
    (tmp_path / "tracker.yaml").write_text("a:\n  status: applied\nb:\n  status: interested\n", encoding="utf-8")
    config = load_config(tmp_path)
    cache = BuildCache()
    before, _ = read_tracker(config, cache)
    (tmp_path / "tracker.yaml").write_text("a:\n  status: interview\nb:\n  status: interested\n", encoding="utf-8")
    after, _ = read_tracker(config, cache)
    assert after.entries["b"] is before.entries["b"]
    assert after.entries["a"] is not before.entries["a"] and after.entries["a"].status == "interview"
    (tmp_path / "tracker.yaml").write_text("# a comment line\na:\n  status: interview\nb:\n  status: interested\n")
    moved, _ = read_tracker(config, cache)  # every entry one line lower: the pages show the line, so all are new
    assert moved.entries["b"] is not after.entries["b"] and moved.entries["b"].line == 4
