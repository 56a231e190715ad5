"""`natosite list`: order, filters, days left, table fitting, JSON, errors and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from natosite.cli import cli
from natosite.commands.listing import fit, table, Row

# Tests run at 2026-11-23T12:00Z (SOURCE_DATE_EPOCH in conftest.py).


def posting(title: str, deadline: str | None, org: str = "NCIA", grade: str = "G15") -> str:
    lines = ["---", f"title: {title}", f"organisation: {org}", f"grade: {grade}"]
    if deadline is not None:
        lines += [f"deadline: {deadline}", "timezone: Europe/Brussels"]
    return "\n".join(lines + ["---", "", "Body.", ""])


FILES = {
    "postings/a-today.md": posting("Closes tonight", "2026-11-23T23:59:00+01:00"),
    "postings/b-week.md": posting("Bare date in a week", "2026-11-30"),
    "postings/c-none.md": posting("No deadline", None),
    "postings/d-this-morning.md": posting("Closed this morning", "2026-11-23T10:00:00+01:00"),
    "postings/e-january.md": posting("Closed in January", "2026-01-05"),
    "postings/f-month.md": posting("Far away", "2026-12-24T12:00:00-05:00", org="NATO IS", grade="G22"),  # 18:00 Brussels
    "tracker.yaml": (
        "# mine\n"
        "a-today:\n  status: applied\n"
        "b-week:\n  status: interview\n"
        "f-month:\n  history:\n    - {date: 2026-11-01, status: interested}\n"
    ),
}


@pytest.fixture
def workspace(write_tree):
    return write_tree(FILES)


def run(root, *args: str, columns: int = 100):
    return CliRunner(env={"COLUMNS": str(columns)}).invoke(cli, ["-C", str(root), "list", *args], prog_name="natosite")


def test_table_in_order_open_soonest_then_no_deadline_then_closed(workspace):
    result = run(workspace)
    assert result.exit_code == 0
    assert result.output == (
        "id              title                status      deadline              left\n"
        "a-today         Closes tonight       applied     2026-11-23 23:59 CET  today\n"
        "b-week          Bare date in a week  interview   2026-11-30            7 days\n"
        "f-month         Far away             interested  2026-12-24 18:00 CET  31 days\n"
        "c-none          No deadline          new         -                     -\n"
        "d-this-morning  Closed this morning  new         2026-11-23 10:00 CET  closed\n"
        "e-january       Closed in January    new         2026-01-05            closed\n"
    )


def test_narrow_terminal_truncates_title_with_ellipsis(workspace):
    result = run(workspace, "--status", "interview", columns=55)
    assert result.output == (
        "id      title             status     deadline    left\n"
        "b-week  Bare date in a…   interview  2026-11-30  7 days\n"
    )
    assert all(len(line) <= 55 for line in result.output.splitlines())


def test_fit_shrinks_title_then_id():
    assert fit([30, 40, 10, 16, 7], 200) == [30, 40, 10, 16, 7]
    assert fit([30, 40, 10, 16, 7], 100) == [30, 29, 10, 16, 7]
    assert fit([30, 40, 10, 16, 7], 70) == [17, 12, 10, 16, 7]
    assert fit([30, 40, 10, 16, 7], 20) == [12, 12, 10, 16, 7]  # narrowest layout: may not fit


def test_long_titles_fit_80_columns(write_tree):
    root = write_tree({"postings/250875-head-nato-affairs-and-security-policy.md": posting("Head, " + "Policy " * 20, "2026-12-01")})
    lines = run(root, columns=80).output.splitlines()
    assert all(len(line) <= 80 for line in lines)
    # Title first, then the id give way; an id keeps its start (the reference number).
    assert lines[1] == "250875-head-nato-affairs-and-security…  Head, Polic…  new     2026-12-01  8 days"


def test_status_filter_repeatable(workspace):
    result = run(workspace, "--status", "applied", "--status", "new")
    assert [line.split()[0] for line in result.output.splitlines()[1:]] == ["a-today", "c-none", "d-this-morning", "e-january"]


def test_due_keeps_open_deadlines_within_days(workspace):
    ids = lambda *args: [line.split()[0] for line in run(workspace, *args).output.splitlines()[1:]]  # noqa: E731
    assert ids("--due", "0") == ["a-today"]
    assert ids("--due", "7") == ["a-today", "b-week"]
    assert ids("--due", "365") == ["a-today", "b-week", "f-month"]


def test_nothing_matches(workspace):
    result = run(workspace, "--status", "offer")
    assert (result.exit_code, result.output) == (0, "No postings match.\n")


def test_empty_workspace(tmp_path):
    result = run(tmp_path)
    assert (result.exit_code, result.output) == (0, "No postings yet.\n")
    assert run(tmp_path, "--json").output == "[]\n"


def test_json(workspace):
    result = run(workspace, "--json", "--due", "7")
    assert result.exit_code == 0
    assert json.loads(result.output) == [
        {
            "id": "a-today",
            "title": "Closes tonight",
            "status": "applied",
            "organisation": "NCIA",
            "grade": "G15",
            "deadline": "2026-11-23T23:59:00+01:00",
            "timezone": "Europe/Brussels",
            "days_left": 0,
            "closed": False,
            "url": "postings/a-today.html",
        },
        {
            "id": "b-week",
            "title": "Bare date in a week",
            "status": "interview",
            "organisation": "NCIA",
            "grade": "G15",
            "deadline": "2026-11-30",
            "timezone": "Europe/Brussels",
            "days_left": 7,
            "closed": False,
            "url": "postings/b-week.html",
        },
    ]


def test_json_closed_days_are_negative(workspace):
    records = {r["id"]: r for r in json.loads(run(workspace, "--json").output)}
    assert (records["e-january"]["days_left"], records["e-january"]["closed"]) == (-322, True)
    assert (records["d-this-morning"]["days_left"], records["d-this-morning"]["closed"]) == (0, True)
    assert records["c-none"]["days_left"] is None and records["c-none"]["deadline"] is None


def test_unknown_status_is_usage_error_with_did_you_mean(workspace):
    result = run(workspace, "--status", "aplied")
    assert result.exit_code == 2
    assert result.output == (
        "Usage: natosite list [OPTIONS]\n"
        "Try 'natosite list --help' for help.\n"
        "\n"
        "Error: Invalid value for '--status': unknown status 'aplied'; did you mean 'applied'?\n"
    )


def test_errors_in_files_still_list_what_loads_and_exit_1(workspace):
    (workspace / "tracker.yaml").write_text("a-today:\n  status: aplied\nnobody:\n  status: offer\n", encoding="utf-8")
    result = CliRunner(env={"COLUMNS": "100"}).invoke(cli, ["-C", str(workspace), "list", "--json"])
    assert result.exit_code == 1
    assert [r["id"] for r in json.loads(result.stdout)][:2] == ["a-today", "b-week"]
    assert result.stderr == (
        "Error: tracker.yaml:2: unknown status 'aplied'; did you mean 'applied'?\n"
        "1 error: run `natosite check`\n"
    )  # the orphan 'nobody' is left to `check`, as in build


def test_control_characters_in_titles_are_escaped(write_tree):
    root = write_tree({"postings/x.md": posting('"Evil \\e]0;pwned\\a title\\nsecond line"', "2026-12-01")})
    result = run(root)
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert result.output.splitlines()[1] == "x   Evil ]0;pwned title second line  new     2026-12-01  8 days"  # dropped on load


def test_table_helper_header_only_width():
    row = Row("id1", None, "new", None, None, None, None, None, False, "postings/id1.html")
    assert table([row], 100) == ["id   title       status  deadline  left", "id1  (no title)  new     -         -"]


def test_broken_tracker_lists_postings_as_new_and_exits_1(workspace):
    (workspace / "tracker.yaml").write_text("a-today:\n  status: applied\n  notes: one: two\n", encoding="utf-8")
    result = run(workspace, "--status", "new")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1 + 6  # header + every posting, all "new" now
    assert result.stderr == (
        "Error: tracker.yaml:3: bad YAML: mapping values are not allowed here\n"
        "1 error: run `natosite check`\n"
    )


def test_deadline_times_name_the_posting_s_zone(write_tree):
    """A deadline's time is shown in the posting's own zone, and says which (the same clock reading
    means another moment in Norfolk)."""
    root = write_tree({
        "postings/n-norfolk.md": "---\ntitle: Norfolk\ndeadline: 2026-12-01T23:59:00-05:00\ntimezone: America/New_York\n---\n",
        "postings/s-summer.md": "---\ntitle: Summer\ndeadline: 2027-06-18T23:59:00+02:00\ntimezone: Europe/Brussels\n---\n",
    })
    lines = run(root).output.splitlines()
    assert "2026-12-01 23:59 EST" in lines[1] and "2027-06-18 23:59 CEST" in lines[2]
