"""writer.py: safe paths, atomic swap, unchanged files kept, stale files removed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from natosite import writer
from natosite.errors import BuildError
from natosite.models import Output


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "path",
    [
        "",
        "/etc/passwd",
        "../outside.html",
        "a/../../b.html",
        "a/./b.html",
        "a//b.html",
        "a\\b.html",
        "a\x00b.html",
        "C:/x.html",
        "a/\nb.html",
        "dir/",
    ],
)
def test_check_path_refuses_escapes(path: str) -> None:
    with pytest.raises(BuildError, match="refused|empty"):
        writer.check_path(path)


@pytest.mark.parametrize("path", ["index.html", "postings/a-1.html", "assets/app.js", "deadlines.ics"])
def test_check_path_accepts_normal_paths(path: str) -> None:
    assert writer.check_path(path) == path


def test_duplicates_and_case_clashes_are_refused() -> None:
    with pytest.raises(BuildError, match="twice"):
        writer.check_outputs([Output("a.html", b"1"), Output("a.html", b"2")])
    with pytest.raises(BuildError, match="ignoring case"):
        writer.check_outputs([Output("A.html", b"1"), Output("a.html", b"2")])


def test_file_that_is_also_a_folder_is_refused() -> None:
    with pytest.raises(BuildError, match="also"):
        writer.check_outputs([Output("postings", b"1"), Output("postings/a.html", b"2")])
    with pytest.raises(BuildError, match="also"):
        writer.check_outputs([Output("postings/a.html", b"2"), Output("postings", b"1")])


def test_paths_checked_before_are_not_a_loophole() -> None:
    checked = {"a.html": None, "b.html": None}
    same = writer.check_outputs([Output("b.html", b"2"), Output("a.html", b"1")], checked)
    assert list(same.items()) == [("a.html", b"1"), ("b.html", b"2")]
    with pytest.raises(BuildError, match="twice"):  # as many outputs as before, one path twice
        writer.check_outputs([Output("a.html", b"1"), Output("a.html", b"2")], {"a.html": None, "x": None})
    with pytest.raises(BuildError, match="escapes"):  # another set of paths is checked in full
        writer.check_outputs([Output("a.html", b"1"), Output("../b.html", b"2")], checked)
    with pytest.raises(BuildError, match="must be bytes"):
        writer.check_outputs([Output("a.html", b"1"), Output("b.html", "text")], checked)  # type: ignore[arg-type]


def test_first_write_creates_the_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    report = writer.write_site([Output("b/x.html", b"x"), Output("a.html", b"a")], out)
    assert tree(out) == {"a.html": b"a", "b/x.html": b"x"}
    assert report.written == ("a.html", "b/x.html")
    assert report.unchanged == 0 and report.removed == ()
    assert sorted(os.listdir(tmp_path)) == ["site"]  # no temp folder left behind


def test_second_write_links_unchanged_rewrites_changed_removes_stale(tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = writer.write_site([Output("a.html", b"a"), Output("b.html", b"b"), Output("old/c.html", b"c")], out)
    ino_a = (out / "a.html").stat().st_ino
    ino_b = (out / "b.html").stat().st_ino
    second = writer.write_site([Output("a.html", b"a"), Output("b.html", b"B2")], out, first.manifest)
    assert tree(out) == {"a.html": b"a", "b.html": b"B2"}
    assert second.written == ("b.html",)
    assert second.unchanged == 1
    assert second.removed == ("old/c.html",)
    assert (out / "a.html").stat().st_ino == ino_a  # the same file, not rewritten
    assert (out / "b.html").stat().st_ino != ino_b
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_file_changed_behind_our_back_is_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = writer.write_site([Output("a.html", b"aaaa")], out)
    (out / "a.html").write_bytes(b"hand-edited")
    second = writer.write_site([Output("a.html", b"aaaa")], out, first.manifest)
    assert second.written == ("a.html",)
    assert (out / "a.html").read_bytes() == b"aaaa"


def test_unknown_extra_files_are_removed_and_reported(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_bytes(b"old")
    (out / "stray.txt").write_bytes(b"?")
    report = writer.write_site([Output("index.html", b"new")], out)
    assert tree(out) == {"index.html": b"new"}
    assert report.removed == ("stray.txt",)


def test_failure_while_filling_leaves_previous_site_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    first = writer.write_site([Output("a.html", b"a"), Output("b.html", b"b")], out)
    calls = {"n": 0}
    real = writer.fs.write_new

    def failing(target: str, data: bytes) -> os.stat_result:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real(target, data)

    monkeypatch.setattr(writer.fs, "write_new", failing)
    with pytest.raises(OSError, match="No space"):
        writer.write_site([Output("a.html", b"A2"), Output("b.html", b"B2"), Output("c.html", b"c")], out, first.manifest)
    assert tree(out) == {"a.html": b"a", "b.html": b"b"}
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_bad_output_refused_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "site"
    writer.write_site([Output("a.html", b"a")], out)
    with pytest.raises(BuildError):
        writer.write_site([Output("a.html", b"new"), Output("../escape.html", b"x")], out)
    assert tree(out) == {"a.html": b"a"}
    assert not (tmp_path / "escape.html").exists()


def test_swap_without_renameat2_uses_two_renames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    writer.write_site([Output("a.html", b"a")], out)
    monkeypatch.setattr(writer.fs, "exchange", lambda a, b: False)
    writer.write_site([Output("a.html", b"a2")], out)
    assert tree(out) == {"a.html": b"a2"}
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_out_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("not a folder")
    with pytest.raises(BuildError, match="not a folder"):
        writer.write_site([Output("a.html", b"a")], target)
    assert target.read_text() == "not a folder"


def test_abandoned_temp_folders_of_dead_processes_are_cleaned(tmp_path: Path) -> None:
    dead = tmp_path / f".site{writer.NEW_TAG}999999999-abcd"
    dead.mkdir()
    alive = tmp_path / f".site{writer.NEW_TAG}{os.getpid()}-abcd"
    alive.mkdir()
    writer.write_site([Output("a.html", b"a")], tmp_path / "site")
    assert not dead.exists()
    assert alive.exists()  # may belong to a build still running in this process


def test_same_outputs_give_byte_identical_trees(tmp_path: Path) -> None:
    outputs = [Output(f"p/{i}.html", f"<p>{i}</p>".encode()) for i in range(50)]
    writer.write_site(list(reversed(outputs)), tmp_path / "one")
    writer.write_site(outputs, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


# -- the spare tree: the site before last, updated in place and swapped in ---------------


def test_spare_tree_updates_only_what_changed(tmp_path: Path) -> None:
    out, spare = tmp_path / "site", tmp_path / "cache" / "spare"
    first = writer.write_site([Output("a.html", b"a"), Output("p/b.html", b"b")], out, spare_dir=spare)
    assert first.spare is None and not spare.exists()  # nothing to keep yet
    second = writer.write_site([Output("a.html", b"a2"), Output("p/b.html", b"b")], out, first.record, spare_dir=spare)
    assert tree(out) == {"a.html": b"a2", "p/b.html": b"b"}
    assert tree(spare) == {"a.html": b"a", "p/b.html": b"b"}  # the previous site, kept
    third = writer.write_site(
        [Output("a.html", b"a3"), Output("p/b.html", b"b"), Output("q/c.html", b"c")], out, second.record, spare_dir=spare
    )
    assert tree(out) == {"a.html": b"a3", "p/b.html": b"b", "q/c.html": b"c"}
    assert third.written == ("a.html", "q/c.html") and third.unchanged == 1
    assert tree(spare) == {"a.html": b"a2", "p/b.html": b"b"}
    fourth = writer.write_site([Output("a.html", b"a3")], out, third.record, spare_dir=spare)
    assert tree(out) == {"a.html": b"a3"}
    assert fourth.removed == ("p/b.html", "q/c.html")
    assert sorted(os.listdir(out)) == ["a.html"]  # emptied folders are gone too
    assert sorted(os.listdir(tmp_path)) == ["cache", "site"]


def test_spare_tree_never_changes_the_live_site_in_place(tmp_path: Path) -> None:
    out, spare = tmp_path / "site", tmp_path / "spare"
    r1 = writer.write_site([Output("a.html", b"one")], out, spare_dir=spare)
    r2 = writer.write_site([Output("a.html", b"one")], out, r1.record, spare_dir=spare)  # linked: shares the inode
    live_before = (out / "a.html").read_bytes()
    r3 = writer.write_site([Output("a.html", b"two")], out, r2.record, spare_dir=spare)
    assert live_before == b"one" and (out / "a.html").read_bytes() == b"two"
    assert (spare / "a.html").read_bytes() == b"one"
    assert r3.written == ("a.html",)


def test_spare_tree_edited_behind_our_back_is_repaired(tmp_path: Path) -> None:
    out, spare = tmp_path / "site", tmp_path / "spare"
    r1 = writer.write_site([Output("a.html", b"a"), Output("b.html", b"b")], out, spare_dir=spare)
    r2 = writer.write_site([Output("a.html", b"a"), Output("b.html", b"b2")], out, r1.record, spare_dir=spare)
    (spare / "a.html").unlink()
    (spare / "a.html").write_bytes(b"tampered")
    (spare / "stray.txt").write_bytes(b"?")
    writer.write_site([Output("a.html", b"a"), Output("b.html", b"b3")], out, r2.record, spare_dir=spare)
    assert tree(out) == {"a.html": b"a", "b.html": b"b3"}


def test_failure_while_updating_the_spare_falls_back_and_keeps_the_site(tmp_path: Path, monkeypatch) -> None:
    out, spare = tmp_path / "site", tmp_path / "spare"
    r1 = writer.write_site([Output("a.html", b"a")], out, spare_dir=spare)
    r2 = writer.write_site([Output("a.html", b"a2")], out, r1.record, spare_dir=spare)

    def broken(*args, **kwargs):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(writer.fs, "update_tree", broken)
    r3 = writer.write_site([Output("a.html", b"a3")], out, r2.record, spare_dir=spare)
    assert tree(out) == {"a.html": b"a3"}  # the full path took over
    assert r3.written == ("a.html",)
    monkeypatch.setattr(writer.fs, "write_new", broken)
    with pytest.raises(OSError):
        writer.write_site([Output("a.html", b"a4")], out, r3.record, spare_dir=spare)
    assert tree(out) == {"a.html": b"a3"}


def test_spare_tree_without_renameat2(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(writer.fs, "exchange", lambda a, b: False)
    out, spare = tmp_path / "site", tmp_path / "spare"
    r1 = writer.write_site([Output("a.html", b"a")], out, spare_dir=spare)
    r2 = writer.write_site([Output("a.html", b"a2")], out, r1.record, spare_dir=spare)
    r3 = writer.write_site([Output("a.html", b"a3")], out, r2.record, spare_dir=spare)
    assert tree(out) == {"a.html": b"a3"} and tree(spare) == {"a.html": b"a2"}
    assert r3.written == ("a.html",)
    assert sorted(os.listdir(tmp_path)) == ["site", "spare"]


def test_spare_tree_reports_changes_against_the_live_site(tmp_path: Path) -> None:
    out, spare = tmp_path / "site", tmp_path / "spare"
    r1 = writer.write_site([Output("a.html", b"1"), Output("b.html", b"b")], out, spare_dir=spare)
    r2 = writer.write_site([Output("a.html", b"2"), Output("b.html", b"b")], out, r1.record, spare_dir=spare)
    r3 = writer.write_site([Output("a.html", b"2"), Output("b.html", b"b")], out, r2.record, spare_dir=spare)
    assert r2.written == ("a.html",)
    assert r3.written == () and r3.unchanged == 2  # the spare still had "1": rewritten, but the site did not change
    assert tree(out) == {"a.html": b"2", "b.html": b"b"}


# -- the stage: files written ahead (by render workers) into the folder write_site swaps in ---


def stage_file(stage: writer.Stage, path: str, data: bytes) -> None:
    from natosite import writer_fs

    folder = stage.open()
    assert folder is not None
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    stage.add(path, data, writer_fs.stat_key(writer_fs.write_new(str(folder / path), data)))


def test_staged_files_are_kept_the_rest_written_and_strays_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    stage = writer.Stage(out)
    stage_file(stage, "p/a.html", b"a")
    stage_file(stage, "p/b.html", b"old bytes")  # not what the build ended with: rewritten
    stage_file(stage, "gone/c.html", b"c")  # not an output (any more): removed, folder too
    staged_inode = (stage.dir / "p/a.html").stat().st_ino
    outputs = [Output("index.html", b"i"), Output("p/a.html", b"a"), Output("p/b.html", b"b")]
    report = writer.write_site(outputs, out, stage=stage)
    assert tree(out) == {"index.html": b"i", "p/a.html": b"a", "p/b.html": b"b"}
    assert sorted(os.listdir(out)) == ["index.html", "p"]
    assert (out / "p/a.html").stat().st_ino == staged_inode  # kept, not written again
    assert report.written == ("index.html", "p/a.html", "p/b.html")
    assert sorted(os.listdir(tmp_path)) == ["site"]
    assert stage.dir is None
    stage.discard()  # write_site took the folder: nothing left to discard
    assert tree(out) == {"index.html": b"i", "p/a.html": b"a", "p/b.html": b"b"}
    # The manifest describes the staged files exactly: the next write keeps them all.
    again = writer.write_site(outputs, out, report.manifest)
    assert again.written == () and again.unchanged == 3


def test_a_file_a_worker_left_half_written_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "site"
    stage = writer.Stage(out)
    stage_file(stage, "a.html", b"a")
    (stage.dir / "b.html").write_bytes(b"half")  # written but never registered (the disk filled up)
    writer.write_site([Output("a.html", b"a"), Output("b.html", b"whole")], out, stage=stage)
    assert tree(out) == {"a.html": b"a", "b.html": b"whole"}


def test_a_stage_where_no_file_was_written_whole_is_completed(tmp_path: Path) -> None:
    """Every worker write failed part-way (a full disk): nothing registered, half files left."""
    out = tmp_path / "site"
    stage = writer.Stage(out)
    (stage.open() / "b.html").write_bytes(b"hal")
    report = writer.write_site([Output("a.html", b"a"), Output("b.html", b"whole")], out, stage=stage)
    assert tree(out) == {"a.html": b"a", "b.html": b"whole"} and report.written == ("a.html", "b.html")


def test_a_discarded_stage_leaves_nothing_and_the_site_whole(tmp_path: Path) -> None:
    out = tmp_path / "site"
    writer.write_site([Output("a.html", b"a")], out)
    stage = writer.Stage(out)
    stage_file(stage, "a.html", b"new")
    stage.discard()
    assert sorted(os.listdir(tmp_path)) == ["site"] and tree(out) == {"a.html": b"a"}


def test_bad_outputs_are_refused_with_a_stage_too(tmp_path: Path) -> None:
    out = tmp_path / "site"
    stage = writer.Stage(out)
    stage_file(stage, "a.html", b"a")
    with pytest.raises(BuildError, match="twice"):
        writer.write_site([Output("a.html", b"a"), Output("a.html", b"b")], out, stage=stage)
    stage.discard()  # the build's cleanup: write_site refused before taking the folder
    assert sorted(os.listdir(tmp_path)) == []


def test_no_stage_opens_when_the_spare_tree_will_be_updated(tmp_path: Path) -> None:
    out, spare = tmp_path / "site", tmp_path / "spare"
    first = writer.write_site([Output("a.html", b"a")], out, spare_dir=spare)
    second = writer.write_site([Output("a.html", b"b")], out, first.record, spare_dir=spare)
    stage = writer.Stage(out, second.record, spare)
    assert stage.open() is None
    third = writer.write_site([Output("a.html", b"c")], out, second.record, spare_dir=spare, stage=stage)
    assert tree(out) == {"a.html": b"c"} and third.written == ("a.html",)
    fresh = writer.Stage(out, second.record, None)
    assert fresh.open() is not None  # no spare folder: a fresh one
    fresh.discard()
