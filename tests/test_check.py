"""`natosite check`: every problem in postings/ and tracker.yaml, exact output, exit codes."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from natosite.cli import cli


def posting(title: str = "Head, Policy Planning Unit", deadline: str = "2026-12-18T23:59:00+01:00") -> str:
    return (
        "---\n"
        f"title: {title}\n"
        "organisation: NATO International Staff (NATO IS)\n"
        "grade: G22\n"
        f"deadline: {deadline}\n"
        "timezone: Europe/Brussels\n"
        "---\n\nSummary.\n"
    )


GOOD_TRACKER = """\
# where I stand
250875-head-of-policy:
  status: applied
  history:
    - {date: 2026-11-01, status: interested}
    - {date: 2026-11-15, status: applied, note: essay attached}
ncia-1-analyst:
  events:
    - {date: 2026-12-10T10:00, title: Written test}
"""


def run(root) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["-C", str(root), "check"])
    return result.exit_code, result.output


@pytest.fixture
def workspace(write_tree):
    return write_tree(
        {
            "postings/250875-head-of-policy.md": posting(),
            "postings/ncia-1-analyst.md": posting("Analyst"),
            "postings/nspa-2-officer.md": posting("Officer"),
            "tracker.yaml": GOOD_TRACKER,
        }
    )


def test_all_good(workspace):
    assert run(workspace) == (0, "All good: 3 postings, 2 tracked\n")


def test_empty_workspace_without_tracker(write_tree):
    root = write_tree({"postings/.gitkeep": ""})
    assert run(root) == (0, "All good: 0 postings, 0 tracked\n")


def test_missing_postings_folder_is_a_warning(tmp_path):
    assert run(tmp_path) == (
        0,
        "postings/: warning: no postings folder: run `natosite init` or `natosite import`\n"
        "No errors, 1 warning in 1 file; 0 postings, 0 tracked\n",
    )


def test_a_file_named_postings_is_an_error(tmp_path):
    (tmp_path / "postings").write_text("oops", encoding="utf-8")
    assert run(tmp_path) == (1, "postings: is a file, not the folder of postings: move it away\n1 error in 1 file\n")


def test_every_tracker_mistake_with_its_line(workspace):
    (workspace / "tracker.yaml").write_text(
        "250875-head-of-policy:\n"
        "  status: aplied\n"
        "  history:\n"
        "    - {date: 2025-02-30, status: applied}\n"
        "  remindres:\n"
        "    - {date: 2026-12-01, note: call}\n"
        "250875-head-of-polcy:\n"
        "  status: offer\n",
        encoding="utf-8",
    )
    assert run(workspace) == (
        1,
        "tracker.yaml:2: unknown status 'aplied'; did you mean 'applied'?\n"
        "tracker.yaml:4: impossible date 2025-02-30: day is out of range for month\n"
        "tracker.yaml:5: warning: unknown key 'remindres' in entry '250875-head-of-policy'; did you mean 'reminders'?\n"
        "tracker.yaml:7: no posting with id '250875-head-of-polcy'; did you mean '250875-head-of-policy'?\n"
        "3 errors, 1 warning in 1 file\n",
    )


def test_yaml_syntax_error(workspace):
    (workspace / "tracker.yaml").write_text("a:\n  status: applied\n  notes: one: two\n", encoding="utf-8")
    assert run(workspace) == (1, "tracker.yaml:3: bad YAML: mapping values are not allowed here\n1 error in 1 file\n")


def test_posting_problems_and_missing_facts(workspace):
    (workspace / "postings/ncia-1-analyst.md").write_text(
        "---\ntitle: Analyst\ndeadline: 2026-02-30\n---\nx\n", encoding="utf-8"
    )
    (workspace / "postings/nspa-2-officer.md").write_text(
        "---\ntitle: Officer\norganisation: NSPA\ndeadline: 2026-12-01\n---\nx\n", encoding="utf-8"
    )
    code, output = run(workspace)
    assert code == 1
    # The posting with a bad date is still a posting: its tracker entry is not an orphan.
    # The rest of its front matter is checked too (its missing facts are named).
    assert output.splitlines() == [
        "postings/ncia-1-analyst.md: warning: organisation: no organisation: set `organisation:` in postings/ncia-1-analyst.md",
        "postings/ncia-1-analyst.md: warning: grade: no grade: set `grade:` in postings/ncia-1-analyst.md",
        "postings/ncia-1-analyst.md:3: not a real date: day is out of range for month",
        "postings/nspa-2-officer.md: warning: grade: no grade: set `grade:` in postings/nspa-2-officer.md",
        "1 error, 3 warnings in 2 files",
    ]


def test_warnings_only_exit_zero(workspace):
    (workspace / "tracker.yaml").write_text("250875-head-of-policy:\n  colour: red\n", encoding="utf-8")
    assert run(workspace) == (
        0,
        "tracker.yaml:2: warning: unknown key 'colour' in entry '250875-head-of-policy' "
        "(known: status, priority, tags, notes, history, reminders, events)\n"
        "No errors, 1 warning in 1 file; 3 postings, 1 tracked\n",
    )


def test_control_characters_from_files_are_escaped(workspace):
    (workspace / "tracker.yaml").write_text("a:\n  status: \"x\\e[2J\"\n", encoding="utf-8")
    code, output = run(workspace)
    assert code == 1
    assert "\x1b" not in output
    assert output.splitlines()[1] == "tracker.yaml:2: unknown status 'x[2J'; use one of: interested, preparing, applied, interview, offer, accepted, rejected, withdrawn"


def test_check_never_writes(workspace):
    before = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()}
    run(workspace)
    (workspace / "tracker.yaml").write_text("a: [\n", encoding="utf-8")
    before[workspace / "tracker.yaml"] = b"a: [\n"
    run(workspace)
    assert {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()} == before
