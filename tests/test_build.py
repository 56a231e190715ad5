"""build.py and `natosite build`: gather-then-write, atomic, reproducible, incremental."""

from __future__ import annotations

import filecmp
import os
import pickle
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from natosite import build as build_mod
from natosite.build import BuildCache, BuildFailed, build, load_cache, render_outputs, save_cache
from natosite.build_cache import cache_path
from natosite.cli import cli
from natosite.commands.build import run_build
from natosite.config import load_config
from natosite.errors import BuildError


def posting(title: str, deadline: str = "2026-12-18T23:59:00+01:00", body: str = "## Summary\n\nDoes things.\n") -> str:
    return (
        f"---\ntitle: {title}\nreference: \"250875\"\norganisation: NATO International Staff (NATO IS)\n"
        f"location: Brussels, Belgium\ngrade: G15\nsalary: 6467.3\ncurrency: EUR\nschedule: Full-time\nposts: 1\n"
        f"deadline: {deadline}\ntimezone: Europe/Brussels\n---\n\n{body}"
    )


TRACKER = "250875-hr-officer:\n  status: applied\n  notes: Essay *attached*.\n"


@pytest.fixture
def workspace(write_tree):
    return write_tree(
        {
            "postings/250875-hr-officer.md": posting("HR Officer"),
            "postings/250900-analyst.md": posting("Analyst", deadline="2027-01-05"),
            "postings/250901-engineer.md": posting("Engineer <b>&</b>", body="Text with <script>alert(1)</script>.\n"),
            "tracker.yaml": TRACKER,
        }
    )


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def same_trees(a: Path, b: Path) -> bool:
    def walk(cmp: filecmp.dircmp) -> bool:
        if cmp.left_only or cmp.right_only or cmp.diff_files or cmp.funny_files:
            return False
        return all(walk(sub) for sub in cmp.subdirs.values())

    return walk(filecmp.dircmp(a, b))


def test_build_writes_every_page_and_the_feed(workspace: Path) -> None:
    config = load_config(workspace)
    report = build(config)
    files = tree(workspace / "site")
    for path in ("index.html", "calendar.html", "board.html", "compare.html", "deadlines.ics"):
        assert path in files
    for pid in ("250875-hr-officer", "250900-analyst", "250901-engineer"):
        assert f"postings/{pid}.html" in files
        assert f"postings/{pid}.ics" in files
    assert report.ok and report.files == len(files) and len(report.written) == len(files)
    assert report.postings == 3 and report.parsed == 3 and report.rendered == 3
    page = files["postings/250901-engineer.html"]
    assert b"<script>alert(1)</script>" not in page  # untrusted text is escaped
    assert b"natosite/reload.js" not in files["index.html"]  # the reload script is serve-only


def test_two_builds_are_byte_identical(workspace: Path, tmp_path: Path) -> None:
    config = load_config(workspace)
    build(config, tmp_path / "one")
    build(config, tmp_path / "two", cache=BuildCache())
    assert same_trees(tmp_path / "one", tmp_path / "two")


def test_warm_build_renders_nothing_and_writes_nothing(workspace: Path) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    inodes = {p: os.stat(workspace / "site" / p).st_ino for p in tree(workspace / "site")}
    again = build(config, cache=cache)
    assert again.parsed == 0 and again.rendered == 0
    assert again.written == () and again.removed == () and again.unchanged == len(inodes)
    assert {p: os.stat(workspace / "site" / p).st_ino for p in inodes} == inodes


def test_edit_rerenders_one_posting_and_rewrites_only_changed_files(workspace: Path) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    path = workspace / "postings/250900-analyst.md"
    path.write_text(path.read_text().replace("Does things.", "Does other things."))
    report = build(config, cache=cache)
    assert report.parsed == 1 and report.rendered == 1
    assert "postings/250900-analyst.html" in report.written
    assert "postings/250875-hr-officer.html" not in report.written
    assert b"Does other things." in (workspace / "site/postings/250900-analyst.html").read_bytes()


def test_tracker_edit_rerenders_that_posting_only(workspace: Path) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    (workspace / "tracker.yaml").write_text(TRACKER.replace("applied", "interview"))
    report = build(config, cache=cache)
    assert report.parsed == 0 and report.rendered == 1
    assert "postings/250875-hr-officer.html" in report.written


def test_same_size_same_mtime_rewrite_is_still_seen(workspace: Path) -> None:
    """A second save within one mtime tick keeps (mtime, size): the racy check re-reads it."""
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    path = workspace / "postings/250900-analyst.md"
    before = path.stat()
    path.write_text(path.read_text().replace("Does things.", "Does THINGS."))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    report = build(config, cache=cache)
    assert report.parsed == 1
    assert b"Does THINGS." in (workspace / "site/postings/250900-analyst.html").read_bytes()


def test_deleted_posting_is_removed_from_the_site(workspace: Path) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    (workspace / "postings/250901-engineer.md").unlink()
    report = build(config, cache=cache)
    assert set(report.removed) == {"postings/250901-engineer.html", "postings/250901-engineer.ics"}
    assert not (workspace / "site/postings/250901-engineer.html").exists()


def test_bad_posting_is_skipped_reported_and_the_rest_written(workspace: Path) -> None:
    (workspace / "postings/250902-broken.md").write_text("---\ntitle: [unclosed\n---\n\nBody\n")
    report = build(load_config(workspace))
    assert not report.ok
    assert [p.path for p in report.errors] == ["postings/250902-broken.md"]
    assert report.errors[0].line is not None
    assert (workspace / "site/postings/250900-analyst.html").exists()
    assert not (workspace / "site/postings/250902-broken.html").exists()


def test_broken_tracker_fails_the_build_and_keeps_the_previous_site(workspace: Path) -> None:
    config = load_config(workspace)
    build(config)
    before = tree(workspace / "site")
    (workspace / "tracker.yaml").write_text("250875-hr-officer:\n  status: [applied\n")
    with pytest.raises(BuildFailed) as info:
        build(config)
    assert info.value.problems[0].path == "tracker.yaml"
    assert info.value.problems[0].line is not None
    assert tree(workspace / "site") == before
    assert not [p for p in os.listdir(workspace) if "natosite-new" in p]


def test_tracker_item_mistake_is_reported_and_the_site_still_built(workspace: Path) -> None:
    (workspace / "tracker.yaml").write_text(TRACKER + "250900-analyst:\n  status: aplied\n")
    report = build(load_config(workspace))
    assert any(p.path == "tracker.yaml" and "aplied" in p.message for p in report.errors)
    assert (workspace / "site/index.html").exists()


def test_orphan_tracker_id_is_a_warning(workspace: Path) -> None:
    (workspace / "tracker.yaml").write_text(TRACKER + "no-such-posting:\n  status: applied\n")
    report = build(load_config(workspace))
    assert report.ok
    assert [(p.path, p.line, p.level) for p in report.warnings if "no-such-posting" in p.message] == [
        ("tracker.yaml", 4, "warning")
    ]


def test_template_edits_show_on_the_next_build_with_the_same_cache(workspace: Path) -> None:
    # Templates are not re-checked on every use (auto_reload off): each edit must still make a new environment.
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    shipped = (config.template_dirs[-1] / "posting.html").read_text()
    (workspace / "templates").mkdir()
    for marker in ("first-edit", "second-edit"):
        (workspace / "templates/posting.html").write_text(shipped.replace('<p class="crumbs">', f'<p class="crumbs {marker}">'))
        report = build(load_config(workspace), cache=cache)
        assert report.rendered == 3
        page = (workspace / "site/postings/250900-analyst.html").read_text()
        assert marker in page and ("first-edit" not in page or marker == "first-edit")
    (workspace / "templates/posting.html").unlink()
    build(load_config(workspace), cache=cache)
    assert "-edit" not in (workspace / "site/postings/250900-analyst.html").read_text()


def test_compiled_templates_are_kept_for_the_next_process(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    compiled: list[str] = []
    real_compile = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001
        compiled.append(name)
        return real_compile(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    config = load_config(workspace)
    build(config, cache=BuildCache())
    first = tree(workspace / "site")
    assert "posting.html" in compiled and list((workspace / ".natosite-cache/templates").glob("natosite-*.cache"))
    compiled.clear()
    build(config, cache=BuildCache())  # a new process: a new environment, the code comes from the cache
    assert compiled == [] and tree(workspace / "site") == first
    for entry in (workspace / ".natosite-cache/templates").iterdir():
        entry.write_bytes(jinja2.bccache.bc_magic + b"\x00damaged")  # Jinja's header, then no checksum or code
    build(config, cache=BuildCache())  # damaged entries are compiled again
    assert "posting.html" in compiled and tree(workspace / "site") == first


def test_an_unusable_template_cache_is_not_an_error(workspace: Path) -> None:
    config = load_config(workspace)
    build(config)
    first = tree(workspace / "site")
    shutil.rmtree(workspace / ".natosite-cache/templates")
    (workspace / ".natosite-cache/templates").write_text("not a folder")
    build(config, cache=BuildCache())
    assert tree(workspace / "site") == first


@pytest.mark.parametrize("jobs", [1, 2])
def test_template_syntax_error_names_the_file_and_line_and_writes_nothing(workspace: Path, jobs: int) -> None:
    config = load_config(workspace)
    build(config)
    before = tree(workspace / "site")
    (workspace / "templates").mkdir()
    (workspace / "templates/posting.html").write_text("<p>\n{{ posting.title \n</p>\n")
    with pytest.raises(BuildFailed) as info:
        build(load_config(workspace), jobs=jobs)
    problem = info.value.problems[0]
    assert problem.path == "templates/posting.html" and problem.line in (2, 3)
    assert tree(workspace / "site") == before
    assert not [p.name for p in workspace.iterdir() if p.name.startswith(".site")]  # no folder left aside


def test_output_folder_that_holds_the_workspace_is_refused(workspace: Path) -> None:
    config = load_config(workspace)
    with pytest.raises(BuildError, match="workspace"):
        build(config, workspace)
    with pytest.raises(BuildError, match="postings"):
        build(config, workspace / "postings" / "out")


def test_foreign_non_empty_folder_is_not_replaced(workspace: Path, tmp_path: Path) -> None:
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("keep me")
    with pytest.raises(BuildError, match="holds letter.txt, which natosite did not write"):
        build(load_config(workspace), mine)
    assert (mine / "letter.txt").read_text() == "keep me"


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_parallel_rendering_gives_the_same_bytes(workspace: Path, start: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers inherit the site and templates; spawned ones (macOS, Windows) are sent the site."""
    import multiprocessing

    from natosite import build_pages

    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} here")
    monkeypatch.setattr(build_pages, "fork_context", lambda: multiprocessing.get_context(start))
    config = load_config(workspace)
    one = render_outputs(config, BuildCache(), jobs=1)
    two = render_outputs(config, BuildCache(), jobs=2)
    assert [(o.path, o.data) for o in one.outputs] == [(o.path, o.data) for o in two.outputs]


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_workers_write_the_postings_files_ahead_and_the_site_is_the_same(
    workspace: Path, tmp_path: Path, start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build with worker processes: they write each posting's page and .ics into the new
    site's folder (writer.Stage); the site is the one a single process writes, and its manifest
    is right (the next build rewrites nothing)."""
    import multiprocessing

    from natosite import build_pages, writer

    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} here")
    monkeypatch.setattr(build_pages, "fork_context", lambda: multiprocessing.get_context(start))
    ahead: list[str] = []
    real_add = writer.Stage.add
    monkeypatch.setattr(writer.Stage, "add", lambda self, path, data, stat: (ahead.append(path), real_add(self, path, data, stat)))
    config = load_config(workspace)
    build(config, tmp_path / "one", cache=BuildCache(), jobs=1)
    assert ahead == []
    cache = BuildCache()
    report = build(config, tmp_path / "two", cache=cache, jobs=2)
    assert sorted(ahead) == sorted(f"postings/{i}.{ext}" for i in ("250875-hr-officer", "250900-analyst", "250901-engineer") for ext in ("html", "ics"))
    assert set(ahead) <= set(report.written)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert not [name for name in os.listdir(tmp_path) if name.startswith((".one", ".two"))]  # no folder left aside
    inodes = {p: (tmp_path / "two" / p).stat().st_ino for p in ahead}
    again = build(config, tmp_path / "two", cache=cache, jobs=2)
    assert again.written == () and tree(tmp_path / "one") == tree(tmp_path / "two")
    assert {p: (tmp_path / "two" / p).stat().st_ino for p in ahead} == inodes  # kept, not rewritten


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_follows_the_postings_rendered(workspace: Path, jobs: int) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    calls: list[tuple[int, int]] = []
    report = build(config, cache=cache, jobs=jobs, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (report.rendered, report.rendered) == (3, 3)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    calls.clear()
    build(config, cache=cache, jobs=jobs, progress=lambda done, total: calls.append((done, total)))
    assert calls == []  # nothing rendered: nothing to follow


def test_cli_build_shows_a_progress_bar_on_a_terminal(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from natosite import terminal
    from natosite.commands import build as build_command

    monkeypatch.setattr(terminal, "PROGRESS_MIN", 2)
    monkeypatch.setattr(build_command, "progress_shown", lambda: True)
    shown = CliRunner().invoke(cli, ["-C", str(workspace), "build"])
    assert shown.exit_code == 0 and "Rendering 3 postings" in shown.output
    monkeypatch.setattr(terminal, "PROGRESS_MIN", 4)
    shutil.rmtree(workspace / ".natosite-cache")
    fewer = CliRunner().invoke(cli, ["-C", str(workspace), "build"])
    assert fewer.exit_code == 0 and "Rendering" not in fewer.output


def test_cache_round_trips_through_disk_and_a_corrupt_one_is_ignored(workspace: Path) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    save_cache(config, cache)
    loaded = load_cache(config)
    report = build(config, cache=loaded)
    assert report.rendered == 0 and report.written == ()
    cache_path(config).write_bytes(b"not a pickle")
    assert load_cache(config).rendered == {}
    cache_path(config).write_bytes(pickle.dumps({"format": -1}))
    assert load_cache(config).rendered == {}


def test_cache_from_other_code_is_dropped(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    monkeypatch.setattr("natosite.build_cache.code_version", lambda: "other")
    report = build(config, cache=cache)
    assert report.rendered == 3 and report.written == ()  # re-rendered, same bytes, nothing rewritten


def test_run_build_prints_summary_and_exits_0(workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.chdir(workspace)
    assert run_build(load_config(workspace), None) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(r"Built \d+ files \(\d+ changed\) in \d+\.\d\d s -> site/\n", out)
    assert run_build(load_config(workspace), None) == 0
    assert "(0 changed)" in capsys.readouterr().out


def test_run_build_prints_problems_as_path_line_and_exits_1(workspace: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(workspace)
    (workspace / "postings/250902-broken.md").write_text("---\ntitle: [unclosed\n---\n")
    assert run_build(load_config(workspace), None) == 1
    err = capsys.readouterr().err
    assert re.search(r"^postings/250902-broken\.md:\d+: bad YAML", err, re.M)  # as `check` prints it


def test_run_build_fatal_error_keeps_site_and_exits_1(workspace: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(workspace)
    assert run_build(load_config(workspace), None) == 0
    (workspace / "tracker.yaml").write_text("a: [\n")
    capsys.readouterr()
    assert run_build(load_config(workspace), None) == 1
    err = capsys.readouterr().err
    assert re.search(r"^tracker\.yaml:\d+: bad YAML", err, re.M)
    assert "nothing was built; site/ is unchanged" in err


def test_cli_build_with_out(workspace: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["-C", str(workspace), "build", "--out", str(tmp_path / "public")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "public/index.html").exists()
    assert "Built " in result.output


@pytest.mark.parametrize("out", [".", "..", "postings", "postings/site", "templates", "documents"])
def test_an_output_folder_that_must_not_be_replaced_is_wrong_usage(workspace: Path, out: str) -> None:
    (workspace / "documents").mkdir()
    (workspace / "documents/letter.txt").write_text("keep me")
    (workspace / "templates").mkdir(exist_ok=True)

    def files() -> list[str]:  # but natosite's own cache (and its lock)
        return sorted(str(p.relative_to(workspace.parent)) for p in workspace.parent.rglob("*") if ".natosite-cache" not in p.parts)

    before = files()
    result = CliRunner().invoke(cli, ["-C", str(workspace), "build", "--out", str(workspace / out)])
    assert result.exit_code == 2 and "Error: " in result.output and "Traceback" not in result.output
    assert files() == before


def test_outputs_of_render_are_checked_for_collisions(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from natosite import render
    from natosite.models import Output

    real = render.render_listing_pages
    monkeypatch.setattr(render, "render_listing_pages", lambda env, site: real(env, site) + [Output("index.html", b"x")])
    with pytest.raises(BuildError, match="index.html"):
        build(load_config(workspace))
    assert not (workspace / "site").exists()


def test_workers_are_used_only_for_many_postings() -> None:
    assert build_mod.workers_for(10, None) == 1
    assert build_mod.workers_for(build_mod.PARALLEL_MIN, None) == min(2, os.cpu_count() or 1)
    assert build_mod.workers_for(5, 1) == 1


def test_cached_listing_pages_equal_a_fresh_render_after_a_body_edit(workspace: Path) -> None:
    """build_pages reuses index/board/compare/calendar/feed when only bodies changed: that must be exact."""
    config = load_config(workspace)
    cache = BuildCache()
    render_outputs(config, cache)
    path = workspace / "postings/250875-hr-officer.md"
    path.write_text(path.read_text().replace("Does things.", "Does zebra-unique things."))
    cached = render_outputs(config, cache)
    assert cached.rendered == 1
    fresh = render_outputs(config, BuildCache())
    assert [(o.path, o.data) for o in cached.outputs] == [(o.path, o.data) for o in fresh.outputs]
    search = next(o for o in cached.outputs if o.path == "search-data.js")
    assert b"zebra" in search.data.lower()
    assert cache.search_join_ok  # the fast join was checked against the renderer's own output


def test_tracker_edit_re_renders_the_listing_pages(workspace: Path) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    render_outputs(config, cache)
    (workspace / "tracker.yaml").write_text(TRACKER.replace("applied", "offer"))
    cached = render_outputs(config, cache)
    fresh = render_outputs(config, BuildCache())
    assert [(o.path, o.data) for o in cached.outputs] == [(o.path, o.data) for o in fresh.outputs]



@pytest.mark.parametrize(
    "edit",
    [
        # the same instant in another zone: the calendar shows another hour (fragments keyed by shown time)
        ("postings/250875-hr-officer.md", "deadline: 2026-12-18T23:59:00+01:00\ntimezone: Europe/Brussels",
         "deadline: 2026-12-18T23:59:00+01:00\ntimezone: Europe/London"),
        ("postings/250900-analyst.md", "title: Analyst", "title: 1234"),  # a number title
        ("tracker.yaml", "notes:", "events:\n    - {date: 2026-12-18T10:00, title: Test, location: Room 1}\n  notes:"),
    ],
)
def test_listing_fragments_follow_every_edit(workspace: Path, edit: tuple[str, str, str]) -> None:
    """Cards, months and agenda days are remembered by value (render.Fragments): an edit must show."""
    name, old, new = edit
    config = load_config(workspace)
    cache = BuildCache()
    render_outputs(config, cache)
    path = workspace / name
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    cached = render_outputs(config, cache)
    fresh = render_outputs(config, BuildCache())
    assert [(o.path, o.data) for o in cached.outputs] == [(o.path, o.data) for o in fresh.outputs]
    path.write_text(path.read_text().replace(new, old))
    back = render_outputs(config, cache)
    first = render_outputs(config, BuildCache())
    assert [(o.path, o.data) for o in back.outputs] == [(o.path, o.data) for o in first.outputs]


# -- golden end-to-end: tests/examples/basic/{input,expected} -----------------------------

EXAMPLE = Path(__file__).resolve().parent / "examples" / "basic"


def _differences(cmp: filecmp.dircmp, prefix: str = "") -> list[tuple[str, str]]:
    """(kind, relative path) of every difference between two trees, recursively."""
    found = [("only in expected", prefix + n) for n in cmp.left_only]
    found += [("only in built", prefix + n) for n in cmp.right_only]
    found += [("differs", prefix + n) for n in cmp.diff_files + cmp.funny_files]
    for name, sub in sorted(cmp.subdirs.items()):
        found += _differences(sub, f"{prefix}{name}/")
    return found


def _diff_text(expected: Path, built: Path, rel: str) -> str:
    import difflib

    def lines(p: Path) -> list[str]:
        return p.read_bytes().decode("utf-8", "replace").splitlines(keepends=True)

    diff = difflib.unified_diff(lines(expected / rel), lines(built / rel), f"expected/{rel}", f"built/{rel}", n=2)
    return "".join(list(diff)[:80])


def test_golden_example_site(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The example workspace builds to exactly tests/examples/basic/expected (regenerate: pytest --update-golden)."""
    import shutil

    workspace = tmp_path / "ws"
    shutil.copytree(EXAMPLE / "input", workspace)
    report = build(load_config(workspace), tmp_path / "site", cache=BuildCache())
    assert report.ok, report.errors
    assert [p.message for p in report.warnings if p.path == "tracker.yaml"] == [
        next(p.message for p in report.warnings if "old-posting-that-was-deleted" in p.message)
    ]
    expected = EXAMPLE / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(tmp_path / "site", expected)
        pytest.skip("golden files rewritten: review `git diff tests/examples/` and commit")
    assert expected.is_dir(), "no expected site yet: run pytest --update-golden and review it"
    differences = _differences(filecmp.dircmp(expected, tmp_path / "site", ignore=[]))
    if differences:
        details = [f"{kind}: {rel}" for kind, rel in differences]
        details += [_diff_text(expected, tmp_path / "site", rel) for kind, rel in differences if kind == "differs"][:5]
        pytest.fail("built site differs from tests/examples/basic/expected:\n" + "\n".join(details))


def test_listing_pages_are_re_rendered_when_a_deadline_passes_within_the_hour(write_tree) -> None:
    import datetime as dt

    root = write_tree({"postings/a-soon.md": posting("Soon", deadline="2026-11-23T12:30:00+00:00")})
    config = load_config(root)
    cache = BuildCache()
    before = dt.datetime(2026, 11, 23, 12, 10, tzinfo=dt.timezone.utc)
    after = dt.datetime(2026, 11, 23, 12, 40, tzinfo=dt.timezone.utc)
    render_outputs(config, cache, now=before)
    (root / "postings/a-soon.md").write_text(posting("Soon", deadline="2026-11-23T12:30:00+00:00", body="Edit.\n"))
    cached = render_outputs(config, cache, now=after)
    fresh = render_outputs(config, BuildCache(), now=after)
    listing = {"index.html", "board.html", "compare.html", "calendar.html"}

    def pages(result):
        return {o.path: o.data for o in result.outputs if o.path in listing}

    assert len(pages(fresh)) == 4 and pages(cached) == pages(fresh)  # "closed" now, not "20 minutes left"


def test_concurrent_builds_of_one_workspace_take_turns(workspace: Path, capsys, monkeypatch) -> None:
    """Two `natosite build` at once share the cache and the spare site: the second waits, saying so."""
    import threading

    from natosite.build_cache import build_lock

    monkeypatch.chdir(workspace)
    config = load_config(workspace)
    result: list[int] = []
    with build_lock(config):
        other = threading.Thread(target=lambda: result.append(run_build(config, None)))
        other.start()
        other.join(timeout=1.0)
        assert other.is_alive() and not (workspace / "site").exists()  # waiting for the lock
    other.join(timeout=60)
    assert result == [0] and (workspace / "site/index.html").exists()


def test_read_postings_without_a_rescan_takes_the_cached_postings(tmp_path: Path) -> None:
    from natosite.build_cache import BuildCache, read_postings
    from natosite.config import load_config

    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "b.md").write_text("---\ntitle: B\n---\nBody b.\n", encoding="utf-8")
    (tmp_path / "postings" / "a.md").write_text("---\ntitle: A\ngrade: [\n---\nBody a.\n", encoding="utf-8")
    config = load_config(tmp_path)
    cache = BuildCache()
    assert read_postings(config, cache, rescan=False)[2] == 2  # nothing cached yet: read
    first = read_postings(config, cache)
    (tmp_path / "postings" / "b.md").write_text("---\ntitle: Changed\n---\n", encoding="utf-8")
    again = read_postings(config, cache, rescan=False)  # the caller vouches nothing changed
    assert again[0] == first[0] and again[1] == first[1] and again[2] == 0
    assert [p.id for p in again[0]] == ["b"] and any(p.path == "postings/a.md" and p.level == "error" for p in again[1])
    assert read_postings(config, cache)[0][0].title == "Changed"  # a rescan sees the file


def test_the_cycle_collector_is_paused_only_while_building(tmp_path):
    import gc

    from natosite.build_cache import gc_paused

    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner pause does not switch it back on early
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("a failed build")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_a_render_cache_that_cannot_be_pickled_is_left_out_of_the_saved_cache(workspace: Path) -> None:
    config = load_config(workspace)
    cache = BuildCache()
    build(config, cache=cache)
    cache.render_caches["odd"] = {"key": lambda: None}  # pickle refuses a lambda, part way through the file
    save_cache(config, cache)
    loaded = load_cache(config)
    assert loaded.render_caches == {} and sorted(loaded.rendered) == sorted(cache.rendered)
    assert "odd" in cache.render_caches  # the cache in memory is left as it was
    assert [p.name for p in cache_path(config).parent.iterdir() if p.name.endswith(".tmp")] == []


def refused(workspace: Path, out: Path | None = None) -> str:
    args = ["-C", str(workspace), "build"] + (["--out", str(out)] if out else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    return result.output


@pytest.mark.parametrize(
    "files",
    [
        {"index.html": "<p>my page</p>", "thesis.txt": "years of work"},
        # a hand-made site (or a bundler's dist/): its files sit where natosite's assets and pages go
        {"index.html": "x", "assets/my.css": "p {}", "assets/photos/wedding.jpg": "jpg", "postings/my-notes.txt": "n"},
        {"index.html": "x", ".git/HEAD": "ref: refs/heads/main", "CNAME": "jobs.example"},  # a GitHub Pages folder
        {"drafts/a.md": "draft"},  # no index.html at all
    ],
)
def test_a_folder_holding_files_natosite_did_not_write_is_not_replaced(workspace: Path, tmp_path: Path, files) -> None:
    """--out naming someone's folder: nothing in it is deleted, at any depth."""
    mine = tmp_path / "other"
    for name, text in files.items():
        (mine / name).parent.mkdir(parents=True, exist_ok=True)
        (mine / name).write_text(text)
    before = tree(mine)
    assert "which natosite did not write; refusing to replace the folder" in refused(workspace, mine)
    assert tree(mine) == before
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".other")]  # nothing left aside


def test_files_added_to_the_sites_folders_are_not_deleted_either(workspace: Path) -> None:
    """Also in the workspace's own site/, and in a folder the cache knows (built before)."""
    build(load_config(workspace), cache=BuildCache())
    (workspace / "site" / "thesis.txt").write_text("years of work")
    assert "site: holds thesis.txt" in refused(workspace).replace(str(workspace) + "/", "")
    assert (workspace / "site" / "thesis.txt").read_text() == "years of work"
    (workspace / "site" / "thesis.txt").unlink()
    (workspace / "site" / "assets" / "mine.css").write_text("p {}")
    assert "assets/mine.css" in refused(workspace)
    assert (workspace / "site" / "assets" / "mine.css").exists()


def test_a_site_built_before_is_rebuilt_even_without_the_cache(workspace: Path, tmp_path: Path) -> None:
    """What a build writes, pages of postings since removed, and file managers' litter may go."""
    config = load_config(workspace)
    (workspace / "templates" / "assets").mkdir(parents=True)
    (workspace / "templates" / "assets" / "extra.css").write_text("p {}")
    out = tmp_path / "public"
    build(config, out)
    before = tree(out)
    (out / "postings" / "250111-removed-since.html").write_text("old page")
    (out / "postings" / "250111-removed-since.ics").write_text("old event")
    (out / ".DS_Store").write_text("litter")
    (out / "assets" / "Thumbs.db").write_text("litter")
    report = build(config, out, cache=BuildCache())  # a fresh cache: the folder is not known
    assert report.ok and tree(out) == before
    assert sorted(report.removed) == [".DS_Store", "assets/Thumbs.db", "postings/250111-removed-since.html",
                                      "postings/250111-removed-since.ics"]


def test_a_tracker_nested_hundreds_of_levels_deep_builds_without_a_traceback(workspace: Path) -> None:
    """Deep enough to parse, too deep to pickle: the build cache is simply not saved."""
    (workspace / "tracker.yaml").write_text(TRACKER + "".join("  " * i + f"k{i}:\n" for i in range(900)) + "  " * 900 + "x\n")
    result = CliRunner().invoke(cli, ["-C", str(workspace), "build"])
    assert result.exit_code in (0, 1) and not isinstance(result.exception, RecursionError), result.output
    assert "Built" in result.output and "Traceback" not in result.output


def test_quiet_build_says_nothing_when_all_went_well(workspace: Path) -> None:
    quiet = CliRunner().invoke(cli, ["-q", "-C", str(workspace), "build"])
    assert quiet.exit_code == 0 and quiet.output == ""
    (workspace / "postings/250902-broken.md").write_text("---\ntitle: [unclosed\n---\n")
    broken = CliRunner().invoke(cli, ["-q", "-C", str(workspace), "build"])
    assert broken.exit_code == 1 and "250902-broken.md:2" in broken.output and "1 error(s)" in broken.output
    assert CliRunner().invoke(cli, ["-C", str(workspace), "build"]).output.count("Built ") == 1


def test_a_file_named_postings_is_an_error_not_an_empty_site_in_silence(tmp_path: Path) -> None:
    (tmp_path / "postings").write_text("oops", encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "build"])
    assert result.exit_code == 1 and "postings: is a file, not the folder of postings" in result.output
