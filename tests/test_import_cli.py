"""``natosite import`` through the command line: what the person sees and what lands on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natosite.cli import cli

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "raw" / "003_faa9f49ef902facb.txt"
SEED_ID = "250875-head-nato-affairs-and-security-policy"
# The same vacancy as another board shows it: same reference, other text.
OTHER_BOARD = """Head, NATO Affairs and Security Policy Section
Vacancy number: 250875
Location: Brussels, Belgium
Grade: G22
Closing date: 18 June 2025
SUMMARY
The Political Affairs and Security Policy Division leads on the political aspects of NATO's core tasks.
"""


def run(root: Path, *args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, ["-C", str(root), "import", *args], input=stdin)


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # SOURCE paths are relative to the current folder, like any command's
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / SEED.name).write_bytes(SEED.read_bytes())
    return tmp_path


def posting(ws: Path) -> Path:
    return ws / "postings" / f"{SEED_ID}.md"


def test_import_a_file(ws: Path) -> None:
    result = run(ws, f"raw/{SEED.name}")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"raw/{SEED.name}: imported as postings/{SEED_ID}.md\n"
    assert result.stderr == "1 imported.\n"
    text = posting(ws).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Head NATO Affairs") and "source: {file: 003_faa9f49ef902facb.txt, sha256: " in text
    assert "imported: 2026-11-23}" in text
    assert [p.name for p in (ws / "postings").iterdir()] == [f"{SEED_ID}.md"]  # no temporary file left


def test_import_again_changes_nothing(ws: Path) -> None:
    run(ws, "raw")
    before = posting(ws).read_bytes()
    result = run(ws, "raw")
    assert result.exit_code == 0
    assert result.stdout == f"raw/{SEED.name}: unchanged (postings/{SEED_ID}.md)\n"
    assert result.stderr == "1 unchanged.\n"
    assert posting(ws).read_bytes() == before


def test_an_edited_posting_is_kept(ws: Path) -> None:
    run(ws, "raw")
    edited = posting(ws).read_text(encoding="utf-8").replace("posts: 2", "posts: 2\nmy_note: call HR")
    posting(ws).write_text(edited, encoding="utf-8")
    result = run(ws, "raw")
    assert result.exit_code == 0
    assert result.stdout == (
        f"raw/{SEED.name}: postings/{SEED_ID}.md was changed since it was imported (by you, or by an older "
        "natosite); kept it (--force replaces it, keeping a copy)\n"
    )
    assert posting(ws).read_text(encoding="utf-8") == edited


def test_force_replaces_an_edited_posting_keeping_a_copy(ws: Path) -> None:
    run(ws, "raw")
    original = posting(ws).read_text(encoding="utf-8")
    posting(ws).write_text(original + "\nMy notes.\n", encoding="utf-8")
    result = run(ws, "--force", "raw")
    assert result.exit_code == 0, result.output
    backup = ws / "postings" / f"{SEED_ID}.md.bak-20261123T120000Z"
    assert f"the old file is kept as postings/{backup.name}" in result.stdout
    assert backup.read_text(encoding="utf-8") == original + "\nMy notes.\n"
    assert posting(ws).read_text(encoding="utf-8") == original
    result = run(ws, "--force", "raw")  # nothing edited now: nothing to replace
    assert "unchanged" in result.stdout
    assert len(list((ws / "postings").iterdir())) == 2


def test_same_vacancy_from_another_board(ws: Path) -> None:
    run(ws, "raw")
    before = posting(ws).read_bytes()
    (ws / "other.txt").write_text(OTHER_BOARD, encoding="utf-8")
    result = run(ws, "other.txt")
    assert result.exit_code == 0
    assert result.stdout == (
        f"other.txt: same vacancy as postings/{SEED_ID}.md (the same reference 250875); "
        "nothing changed (--force replaces it, keeping a copy)\n"
    )
    assert result.stderr == "1 already there from another source.\n"
    assert posting(ws).read_bytes() == before
    assert len(list((ws / "postings").iterdir())) == 1
    forced = run(ws, "--force", "other.txt")
    assert f"other.txt: replaced postings/{SEED_ID}.md (the same reference 250875)" in forced.stdout
    assert "Head, NATO Affairs and Security Policy Section" in posting(ws).read_text(encoding="utf-8")
    assert len(list((ws / "postings").iterdir())) == 2


def test_dry_run_writes_nothing(ws: Path) -> None:
    result = run(ws, "--dry-run", "raw")
    assert result.exit_code == 0
    assert result.stdout == f"raw/{SEED.name}: would import as postings/{SEED_ID}.md\n"
    assert result.stderr == "Dry run, nothing written: 1 to import.\n"
    assert not (ws / "postings").exists()


def test_stdin(ws: Path) -> None:
    result = run(ws, "-", stdin=OTHER_BOARD.encode())
    assert result.exit_code == 0, result.output
    rel = "postings/250875-head-nato-affairs-and-security-policy.md"
    assert result.stdout == f"-: imported as {rel}; no organisation, salary found: set `organisation:`, `salary:` in {rel}\n"
    assert "source: {file: '-', sha256: " in posting(ws).read_text(encoding="utf-8")


def test_missing_facts_are_named(ws: Path) -> None:
    (ws / "note.txt").write_text("Assistant (Archives)\nSUMMARY\nThe Assistant keeps the archives.\n", encoding="utf-8")
    result = run(ws, "note.txt")
    assert result.exit_code == 0
    assert result.stdout == (  # one line for the file: where it went and every fact it lacks
        "note.txt: imported as postings/assistant-archives.md; no reference, organisation, location, grade, salary, "
        "deadline found: set `reference:`, `organisation:`, `location:`, `grade:`, `salary:`, `deadline:` in "
        "postings/assistant-archives.md\n"
    )
    assert "Warning" not in result.stderr


def test_refused_files_exit_1_with_one_line_each(ws: Path) -> None:
    (ws / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    (ws / "empty.txt").write_bytes(b"")
    result = run(ws, "scan.pdf", "empty.txt", "missing.txt", f"raw/{SEED.name}")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: scan.pdf: refused: PDF file, not text (copy the posting's text out of it)\n"
        "Error: empty.txt: refused: empty file\n"
        "Error: missing.txt: refused: no such file or folder\n"
        "1 imported, 3 refused.\n"
    )
    assert "Traceback" not in result.output
    assert posting(ws).exists()


def test_folders_skip_hidden_files_and_are_sorted(ws: Path) -> None:
    (ws / "raw" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (ws / "raw" / "a.txt").write_text("Clerk (Registry)\nClosing date: 2026-02-15\n", encoding="utf-8")
    result = run(ws, "raw")
    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["raw/003_faa9f49ef902facb.txt", "raw/a.txt"]


def test_a_folder_lists_links_to_files_but_not_folders_or_dangling_links(ws: Path) -> None:
    (ws / "elsewhere.txt").write_text("Clerk (Registry)\nClosing date: 2026-02-15\n", encoding="utf-8")
    (ws / "raw" / "b-link.txt").symlink_to(ws / "elsewhere.txt")
    (ws / "raw" / "c-dangling.txt").symlink_to(ws / "nowhere.txt")
    (ws / "raw" / "d-folder").mkdir()
    result = run(ws, "raw/")  # written as pathlib writes it, without the trailing "/"
    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["raw/003_faa9f49ef902facb.txt", "raw/b-link.txt"]


def test_a_folder_that_cannot_be_listed_is_refused_not_a_traceback(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from natosite.commands import import_

    def denied(path: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(import_.os, "scandir", denied)
    result = run(ws, "raw")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr == "Error: raw: refused: cannot list this folder: Permission denied\n1 refused.\n"


def test_two_sources_of_one_vacancy_in_one_run(ws: Path) -> None:
    (ws / "raw" / "z.txt").write_text(OTHER_BOARD, encoding="utf-8")
    result = run(ws, "raw")
    assert result.exit_code == 0
    assert "raw/z.txt: same vacancy as postings/" in result.stdout
    assert len(list((ws / "postings").iterdir())) == 1


def test_two_vacancies_with_one_title_get_two_ids(ws: Path) -> None:
    (ws / "a.txt").write_text("Assistant (Registry)\nClosing date: 2026-02-15\nSUMMARY\nFirst.\n", encoding="utf-8")
    (ws / "b.txt").write_text("Assistant (Registry)\nClosing date: 2026-05-01\nSUMMARY\nSecond.\n", encoding="utf-8")
    result = run(ws, "a.txt", "b.txt")
    assert result.exit_code == 0
    first, second = [line.rsplit(" ", 1)[-1] for line in result.stdout.splitlines()]
    assert first == "postings/assistant-registry.md"
    assert second.startswith("postings/assistant-registry-") and len(second) == len(first) + 9
    assert "First." in (ws / first).read_text(encoding="utf-8") and "Second." in (ws / second).read_text(encoding="utf-8")


def test_postings_are_not_raw_sources(ws: Path) -> None:
    run(ws, "raw")
    result = run(ws, "postings")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: postings: refused: it is in postings/, which holds imported postings, not raw ones\n1 refused.\n"
    )


def test_the_workspace_files_are_not_raw_sources(ws: Path) -> None:
    (ws / "tracker.yaml").write_text("# my applications\n", encoding="utf-8")
    (ws / "natosite.yaml").write_text("timezone: Europe/Brussels\n", encoding="utf-8")
    (ws / "vacancy.txt").write_bytes(SEED.read_bytes())
    result = run(ws, ".")  # the workspace itself as a folder: its tracker and settings are left out
    assert result.exit_code == 0 and result.stdout.startswith("vacancy.txt: imported as ") and result.stdout.count("\n") == 1
    named = run(ws, "tracker.yaml", "natosite.yaml")
    assert named.exit_code == 1
    assert named.stderr == (
        "Error: tracker.yaml: refused: it is the workspace's tracker.yaml, not a raw posting\n"
        "Error: natosite.yaml: refused: it is the workspace's natosite.yaml, not a raw posting\n2 refused.\n"
    )


def test_a_tracker_that_is_a_link_to_another_name_is_not_a_raw_source_either(ws: Path) -> None:
    (ws / "data").mkdir()
    (ws / "data" / "my-tracker.yaml").write_text("# my applications\n", encoding="utf-8")
    (ws / "tracker.yaml").symlink_to(ws / "data" / "my-tracker.yaml")
    named = run(ws, "tracker.yaml")
    assert named.exit_code == 1 and "it is the workspace's tracker.yaml, not a raw posting" in named.stderr
    folder = run(ws, ".")
    assert folder.exit_code == 0 and "tracker.yaml" not in folder.stdout


def test_symbolic_links_to_nothing_or_to_themselves_are_refused_not_a_traceback(ws: Path) -> None:
    (ws / "loop").symlink_to("loop")
    (ws / "dangling").symlink_to(ws / "nowhere")
    result = run(ws, "loop", "dangling")
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert result.stderr == (
        "Error: loop: refused: a symbolic link to nothing (or to itself)\n"
        "Error: dangling: refused: a symbolic link to nothing (or to itself)\n2 refused.\n"
    )


def test_progress_bar_for_many_files_on_a_terminal(ws: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import sys

    from natosite.commands import import_
    from natosite.config import load_config

    for i in range(import_.PROGRESS_MIN + 1):
        (ws / "raw" / f"p{i:02d}.txt").write_text(f"Clerk {i}\nVacancy number: {400000 + i}\n", encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert import_.run_import(load_config(ws), ("raw",), force=False, dry_run=False) == 0
    captured = capsys.readouterr()
    assert "Importing" in captured.err
    assert captured.out.count(": imported as postings/") == import_.PROGRESS_MIN + 2  # lines come after the bar


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_import_of_any_bytes_never_crashes(ws: Path, data: bytes) -> None:
    from natosite.config import load_config
    from natosite.importer.write import PostingIndex, import_data

    config = load_config(ws)
    outcome = import_data(data, "x.bin", config, PostingIndex(config.postings_dir))
    assert outcome.action in {"imported", "refused", "unchanged", "matched", "kept"}
    assert "\n" not in outcome.message


def test_same_title_and_day_from_two_boards_is_one_vacancy(ws: Path) -> None:
    (ws / "a.txt").write_text("Head, Policy Unit\nApplication Deadline\n15-Feb-2026, 11:59:00 PM\nSUMMARY\nA.\n",
                              encoding="utf-8")
    (ws / "b.txt").write_text("Head Policy Unit\nClosing date: 15/02/2026\n1. SUMMARY\nB.\n", encoding="utf-8")
    result = run(ws, "a.txt", "b.txt")
    assert result.exit_code == 0
    assert "b.txt: same vacancy as postings/head-policy-unit.md (the same title and deadline)" in result.stdout


def test_warnings_name_the_raw_files_line(ws: Path) -> None:
    (ws / "t.txt").write_text("Translator\n\n\nVacancy number: 260077\nClosing date: 31-02-2026\n", encoding="utf-8")
    result = run(ws, "t.txt")
    assert result.exit_code == 0
    assert (
        "Warning: t.txt:5: deadline '31-02-2026' (Closing date): 31-02-2026 is not a real date; left empty\n"
        in result.stderr
    )


def test_write_atomic_leaves_nothing_behind_on_failure(tmp_path: Path) -> None:
    from natosite.importer.write import write_atomic

    target = tmp_path / "p.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "bad \ud800 text")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["p.md"]


def test_imported_postings_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    from natosite.importer.write import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "p.md", "text\n")
    finally:
        os.umask(old)
    assert (tmp_path / "p.md").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    assert (tmp_path / "p.md").read_bytes() == b"text\n"


def test_write_atomic_makes_missing_folders_and_takes_a_bare_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from natosite.importer.write import write_atomic

    write_atomic(tmp_path / "a" / "b" / "p.md", "deep\n")
    monkeypatch.chdir(tmp_path)
    write_atomic(Path("here.md"), "here\n")
    assert (tmp_path / "a" / "b" / "p.md").read_text(encoding="utf-8") == "deep\n"
    assert (tmp_path / "here.md").read_text(encoding="utf-8") == "here\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "b", "here.md", "p.md"]  # no temporary file left


def test_backup_names_never_collide(tmp_path: Path) -> None:
    from natosite.importer.write import backup_path

    target = tmp_path / "p.md"
    first = backup_path(target)
    assert first.name == "p.md.bak-20261123T120000Z"
    first.write_text("x", encoding="utf-8")
    assert backup_path(target).name == "p.md.bak-20261123T120000Z-2"


def test_import_file_api(ws: Path) -> None:
    from natosite.config import load_config
    from natosite.importer import import_file

    outcome = import_file(f"raw/{SEED.name}", load_config(ws), dry_run=True)
    assert (outcome.action, outcome.posting_id) == ("imported", SEED_ID)
    assert not (ws / "postings").exists()


def _many(ws: Path, count: int) -> list[str]:
    """``count`` raw copies of the seed, each its own vacancy (its own reference and title)."""
    text = SEED.read_text(encoding="utf-8")
    names = []
    for i in range(count):
        name = f"{i:02d}.txt"
        copy = text.replace("250875", str(260000 + i)).replace("Head, NATO Affairs", f"Head {i}, NATO Affairs")
        (ws / "raw" / name).write_text(copy, encoding="utf-8")
        names.append(name)
    (ws / "raw" / SEED.name).unlink()
    return names


def test_many_files_are_written_and_reported_in_order(ws: Path) -> None:
    names = _many(ws, 12)
    result = run(ws, "raw")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"raw/{name}" for name in names]
    assert result.stderr.endswith(f"{len(names)} imported.\n")
    written = sorted(p.name for p in (ws / "postings").iterdir())
    assert len(written) == len(names) and all(name.endswith(".md") for name in written)  # no temporary file left
    for line in lines:  # every file the report names holds what the import made
        target = ws / line.rsplit(" as ", 1)[1]
        assert target.read_text(encoding="utf-8").startswith("---\ntitle: Head")


def test_files_read_ahead_are_decided_one_after_the_other(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The files are read and parsed a few at a time before their turn; what each one is checked against is still every
    # file before it: a second copy of a vacancy in the same batch, or in the next, is matched, and a file that cannot
    # be read in the middle of a batch is refused in its place.
    import builtins
    import errno

    import natosite.importer.write as write
    from natosite.commands import import_

    def guarded_open(name: str, *args: object, **kwargs: object):
        if str(name).endswith("02b.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", name)
        return builtins.open(name, *args, **kwargs)

    monkeypatch.setattr(import_, "AHEAD", 3)
    monkeypatch.setattr(write, "open", guarded_open, raising=False)
    names = _many(ws, 5)
    for copy, of in (("01b.txt", names[1]), ("04b.txt", names[4])):
        (ws / "raw" / copy).write_text((ws / "raw" / of).read_text(encoding="utf-8") + "\nSaved twice.\n")
    (ws / "raw" / "02b.txt").write_text("Clerk (Registry)\n", encoding="utf-8")
    result = run(ws, "raw")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        f"raw/{n}" for n in ("00.txt", "01.txt", "01b.txt", "02.txt", "03.txt", "04.txt", "04b.txt")
    ]
    assert lines[2].startswith("raw/01b.txt: same vacancy as postings/")
    assert lines[6].startswith("raw/04b.txt: same vacancy as postings/")
    assert "Error: raw/02b.txt: refused: Permission denied\n" in result.stderr
    assert result.stderr.splitlines()[-1] == "5 imported, 2 already there from another source, 1 refused."
    assert len(list((ws / "postings").glob("*.md"))) == 5


def test_an_unexpected_error_comes_at_its_files_turn(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (a file parsed ahead whose parse fails: the files before it are reported and written first, as without reading
    # ahead)
    import natosite.importer.write as write

    real = write.parse_bytes

    def failing(data: bytes, source: dict, timezone: str):
        if b"Head 2," in data:
            raise RuntimeError("a bug")
        return real(data, source, timezone)

    monkeypatch.setattr(write, "parse_bytes", failing)
    _many(ws, 4)
    result = run(ws, "raw")
    assert isinstance(result.exception, RuntimeError)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["raw/00.txt", "raw/01.txt"]
    assert len(list((ws / "postings").glob("*.md"))) == 2


@pytest.mark.parametrize("count", [4, 12])
def test_a_write_that_fails_is_reported_and_exits_1(ws: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    import errno

    import natosite.importer.write as write

    real = write.write_atomic

    def full_after_two(path: Path, text: str) -> None:
        if len(list(path.parent.glob("*.md"))) >= 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, text)

    monkeypatch.setattr(write, "write_atomic", full_after_two)
    names = _many(ws, count)
    result = run(ws, "raw")
    assert result.exit_code == 1
    assert result.stderr.count(": failed: could not write postings/") == count - 2
    assert f"raw/{names[-1]}: failed: could not write postings/" in result.stderr
    assert "No space left on device" in result.stderr and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1] == f"2 imported, {count - 2} failed (could not write)."
    assert len(list((ws / "postings").glob("*.md"))) == 2


def test_file_names_that_are_not_utf8_or_hold_a_newline_are_shown_and_kept_readably(ws: Path) -> None:
    import os

    odd = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 system: a surrogate in Python
    (ws / odd).write_bytes(SEED.read_bytes())
    (ws / "two\nlines.txt").write_bytes(OTHER_BOARD.encode())
    result = run(ws, odd, "two\nlines.txt")
    assert result.exit_code == 0
    assert [line.split(": ", 1)[0] for line in result.stdout.splitlines()] == ["caf\ufffd.txt", "two?lines.txt"]
    check = CliRunner().invoke(cli, ["-C", str(ws), "check"])
    assert "bad YAML" not in check.output and "caf\ufffd.txt" in (ws / "postings" / f"{SEED_ID}.md").read_text(encoding="utf-8")
    again = run(ws, odd)
    assert again.stdout == f"caf\ufffd.txt: unchanged (postings/{SEED_ID}.md)\n"


@pytest.mark.parametrize("name", ["10.00.00\u202fAM.txt", "caf\u00e9\u00a0cv.txt", "team \U0001f469\u200d\U0001f4bb.txt"])
def test_unusual_but_real_file_names_are_kept_as_they_are(ws: Path, name: str) -> None:
    from natosite.importer.write import shown_name

    assert shown_name(name) == name
    assert shown_name("a\u2028b\x1b.txt") == "a?b?.txt"
