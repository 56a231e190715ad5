"""CLI wiring: every command has help; init; version; stray OS errors become one-line errors."""

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from natosite import __version__
from natosite.cli import cli


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"natosite, version {__version__}\n"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help(name):
    command = cli.commands[name]
    assert command.help, name
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage: cli " in result.output or "Usage: natosite " in result.output


def test_contract_commands_exist():
    assert {"init", "import", "check", "build", "serve", "list", "track"} <= set(cli.commands)


def test_unknown_command_is_usage_error():
    result = CliRunner().invoke(cli, ["frobnicate"])
    assert result.exit_code == 2


def test_init_creates_workspace_and_is_idempotent(tmp_path):
    target = tmp_path / "ws"
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "postings").is_dir()
    assert "site/" in (target / ".gitignore").read_text().split()
    tracker = (target / "tracker.yaml").read_text()
    assert tracker.startswith("# tracker.yaml")
    import yaml

    assert yaml.safe_load(tracker) is None  # only comments: a valid, empty tracker
    (target / "tracker.yaml").write_text("# mine\n")
    again = CliRunner().invoke(cli, ["init", str(target)])
    assert again.exit_code == 0
    assert (target / "tracker.yaml").read_text() == "# mine\n"  # never overwritten


def test_init_on_a_file_is_an_error(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    result = CliRunner().invoke(cli, ["init", str(f)])
    assert result.exit_code in (1, 2)
    assert "Error" in result.output


def test_oserror_becomes_one_line_error(monkeypatch, tmp_path):
    import natosite.commands.init as init_mod

    def boom(path):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x"))

    monkeypatch.setattr(init_mod, "init_workspace", boom)
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'x'}: Permission denied\n"
    assert not isinstance(result.exception, PermissionError) or result.exit_code == 1


def test_root_must_exist(tmp_path):
    result = CliRunner().invoke(cli, ["-C", str(tmp_path / "nope"), "build"])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert not (tmp_path / "nope").exists()


BAD_URLS = ["not a url", "javascript:alert(1)//", "ftp://x.example/", "/jobs/", "https://", 'https://x.example/"><script>',
            "https://x.example/a b", "https://x.example/\x07", "https://[x.example/"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_base_url_must_be_absolute_http(tmp_path, url):
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "build", "--base-url", url])
    assert result.exit_code == 2
    assert "is not an absolute http(s) URL" in result.output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("url", BAD_URLS)
def test_base_url_in_the_settings_file_is_checked_the_same_way(tmp_path, url):
    import yaml

    (tmp_path / "natosite.yaml").write_text(yaml.safe_dump({"base_url": url}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "build"])
    assert result.exit_code == 1 and "natosite.yaml: base_url:" in result.output and "is not an absolute http(s) URL" in result.output
    assert not (tmp_path / "site").exists()


def test_settings_left_empty_are_not_set(tmp_path):
    from natosite.config import load_config

    (tmp_path / "natosite.yaml").write_text("title:\nbase_url:\ncompare_tag:\n", encoding="utf-8")
    (tmp_path / "plain").mkdir()
    config, default = load_config(tmp_path), load_config(tmp_path / "plain")  # no natosite.yaml: the defaults
    assert (config.title, config.base_url, config.compare_tag) == (default.title, default.base_url, default.compare_tag)
    assert CliRunner().invoke(cli, ["-C", str(tmp_path), "check"]).exit_code == 0


def test_base_url_accepted(monkeypatch, tmp_path):
    import natosite.commands.build as build_mod

    seen = {}

    def fake_run_build(config, out, quiet=False):
        seen["base_url"] = config.base_url
        return 0

    monkeypatch.setattr(build_mod, "run_build", fake_run_build)
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "build", "--base-url", "https://me.example/jobs/"])
    assert result.exit_code == 0, result.output
    assert seen == {"base_url": "https://me.example/jobs/"}


def _natosite(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "natosite", *args], capture_output=True, text=True, timeout=120)


def test_the_process_exits_with_its_code_and_every_byte_said(tmp_path):
    """main() ends the process without the interpreter's teardown (cli._exit): codes and output stay whole."""
    import json
    import shutil

    ws = tmp_path / "ws"
    assert _natosite("init", str(ws)).returncode == 0
    for i in range(400):  # --json of these is larger than a pipe's buffer
        (ws / "postings" / f"p{i:03d}.md").write_text(f"---\ntitle: Posting number {i} {'x' * 100}\n---\nBody.\n", encoding="utf-8")
    listed = _natosite("-C", str(ws), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 400
    assert _natosite("-C", str(ws), "frobnicate").returncode == 2
    first = _natosite("-C", str(ws), "build")
    shutil.rmtree(ws / ".natosite-cache")  # no record of the site: the old copy is deleted, not kept as spare
    second = _natosite("-C", str(ws), "build")
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert "Built" in second.stdout + second.stderr
    # The old copy of the site, deleted in the background, was gone before the process ended.
    assert [p.name for p in ws.iterdir() if p.name.startswith(".site")] == []
    (ws / "tracker.yaml").write_text("p000: {status: aplied}\n", encoding="utf-8")
    checked = _natosite("-C", str(ws), "check")
    assert checked.returncode == 1 and "applied" in checked.stdout + checked.stderr


def test_exit_waits_for_a_working_thread_the_usual_way():
    import threading

    from natosite import cli as cli_mod

    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        with pytest.raises(SystemExit) as done:
            cli_mod._exit(3)  # not os._exit: that would end this very test run
        assert done.value.code == 3
    finally:
        release.set()
        worker.join()
