"""``natosite build [--out DIR]``: build the site, print what was written and every problem."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import click

from natosite.build import BuildFailed, BuildReport, build, load_cache, save_cache
from natosite.build_cache import build_lock
from natosite.config import Config
from natosite.models import Problem
from natosite.terminal import progress_shown, render_progress
from natosite.writer import finish_cleanup

log = logging.getLogger("natosite")


def run_build(config: Config, out: str | None, quiet: bool = False) -> int:
    """Build into ``out`` (default ``site/``); 0 when fine, 1 when a file had errors or nothing was built.
    ``quiet`` (``-q``): no summary line when the build went well."""
    with build_lock(config):
        return _run_build(config, out, quiet)


def _run_build(config: Config, out: str | None, quiet: bool = False) -> int:
    cache = load_cache(config)
    out_dir = Path(out) if out else config.out_dir
    try:
        with render_progress(progress_shown()) as progress:
            report = build(config, out_dir, cache=cache, wait=False, progress=progress)
    except BuildFailed as exc:
        print_problems(exc.problems)
        click.secho(f"Error: nothing was built; {_shown(out_dir, config)} is unchanged.", err=True, fg="red")
        save_cache(config, cache)  # parsed postings stay useful for the next try
        return 1
    save_cache(config, cache)  # meanwhile the old copy of the site is deleted in the background
    finish_cleanup()
    print_problems(report.problems)
    for path in report.written:
        log.debug("wrote %s", path)
    for path in report.removed:
        log.debug("removed %s", path)
    if not quiet or report.errors:  # -q: only warnings and errors
        click.echo(summary(report, config))
    return 0 if report.ok else 1


def print_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    """Each problem as ``check`` prints it (``path:line: [warning: ]message``) on stderr,
    errors first (red), then warnings (yellow)."""
    from natosite.commands.check import format_problem

    for problem in sorted(problems, key=lambda p: (p.level != "error", p.path, p.line or 0)):
        color = "red" if problem.level == "error" else "yellow"
        click.secho(format_problem(problem), err=True, fg=color)


def summary(report: BuildReport, config: Config) -> str:
    """``Built 1,005 files (3 changed, 1 removed) in 0.42 s -> site/``, plus skipped postings."""
    changes = [f"{len(report.written):,} changed"]
    if report.removed:
        changes.append(f"{len(report.removed):,} removed")
    line = f"Built {report.files:,} files ({', '.join(changes)}) in {report.duration:.2f} s -> {_shown(report.out_dir, config)}"
    if report.errors:
        line += f"\n{len(report.errors)} error(s): the files above were skipped; fix them and build again."
    return line


def _shown(path: Path, config: Config) -> str:
    """The output folder as the person would type it, with a trailing slash."""
    try:
        text = os.path.relpath(Path(path).resolve(), Path.cwd())
    except ValueError:
        text = str(path)
    if text.startswith(".." + os.sep + ".."):
        text = str(Path(path).resolve())
    return text.rstrip("/") + "/"
