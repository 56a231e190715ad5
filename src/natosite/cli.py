"""The command line. Parses options, lazily imports one command function, calls it. No logic.

Exit codes: 0 fine, 1 problems in the person's files, 2 wrong usage.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import NoReturn

import click

from natosite import __version__

log = logging.getLogger("natosite")


class _ClickHandler(logging.Handler):
    """Warnings and info lines to stderr, coloured where the terminal allows."""

    def emit(self, record: logging.LogRecord) -> None:
        msg = self.format(record)
        if record.levelno >= logging.WARNING:
            prefix = "Error: " if record.levelno >= logging.ERROR else "Warning: "
            click.secho(prefix + msg, err=True, fg="red" if record.levelno >= logging.ERROR else "yellow")
        else:
            click.echo(msg, err=True)


def _setup_logging(verbose: bool, quiet: bool) -> None:
    handler = _ClickHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.handlers[:] = [handler]
    log.propagate = False
    log.setLevel(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)


class _Ctx:
    def __init__(self, root: str, verbose: bool, quiet: bool = False):
        self.root = root
        self.verbose = verbose
        self.quiet = quiet

    def config(self, **overrides: object):
        from natosite.config import load_config

        return load_config(self.root, **overrides)


pass_ctx = click.make_pass_decorator(_Ctx)


class _Group(click.Group):
    """Turns stray OS errors into a one-line ``Error:`` (a traceback only with --verbose)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if isinstance(ctx.obj, _Ctx) and ctx.obj.verbose:
                raise
            from natosite.errors import NatositeError

            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise NatositeError(f"{where}{exc.strerror or exc}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="natosite")
@click.option(
    "-C",
    "--root",
    default=".",
    show_default=True,
    type=click.Path(exists=True, file_okay=False),
    help="The workspace folder (holds postings/ and tracker.yaml).",
)
@click.option("-v", "--verbose", is_flag=True, help="Show debug output and tracebacks.")
@click.option("-q", "--quiet", is_flag=True, help="Show only warnings and errors.")
@click.pass_context
def cli(ctx: click.Context, root: str, verbose: bool, quiet: bool) -> None:
    """natosite: NATO vacancies in git, as a searchable static site and a calendar feed."""
    _setup_logging(verbose, quiet)
    ctx.obj = _Ctx(root, verbose, quiet)


@cli.command("init")
@click.argument("path", default=".", type=click.Path(file_okay=False))
def init_command(path: str) -> None:
    """Create a ready workspace: postings/, a commented tracker.yaml, .gitignore."""
    from natosite.commands.init import init_workspace

    init_workspace(path)


@cli.command("import")
@click.option("--force", is_flag=True, help="Replace postings you edited (the old file is kept beside it).")
@click.option("--dry-run", is_flag=True, help="Show what would happen; write nothing.")
@click.argument("sources", nargs=-1, required=True)
@pass_ctx
def import_command(obj: _Ctx, sources: tuple[str, ...], force: bool, dry_run: bool) -> None:
    """Import raw postings: files, folders, or - for text pasted on stdin."""
    from natosite.commands.import_ import run_import

    sys.exit(run_import(obj.config(), sources, force=force, dry_run=dry_run))


@cli.command("check")
@pass_ctx
def check_command(obj: _Ctx) -> None:
    """Validate tracker.yaml and postings/; exit 1 on any error."""
    from natosite.commands.check import run_check

    sys.exit(run_check(obj.config()))


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An absolute http(s) URL, or nothing: links in the feed must be real URIs."""
    if value is None:
        return None
    from natosite.config import base_url_problem

    problem = base_url_problem(value)
    if problem:
        raise click.BadParameter(problem)
    return value.strip()


@cli.command("build")
@click.option("--out", "out", type=click.Path(file_okay=False), help="Output folder (default: site/).")
@click.option(
    "--base-url",
    callback=_base_url,
    help="Absolute http(s) URL the site is published at; makes links in the feed absolute.",
)
@pass_ctx
def build_command(obj: _Ctx, out: str | None, base_url: str | None) -> None:
    """Build the static site and deadlines.ics."""
    from natosite.commands.build import run_build

    sys.exit(run_build(obj.config(base_url=base_url), out, quiet=obj.quiet))


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; other than loopback only on purpose.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the web browser.")
@pass_ctx
def serve_command(obj: _Ctx, host: str, port: int, open_browser: bool) -> None:
    """Build, serve on 127.0.0.1 and reload the browser on every saved change."""
    from natosite.commands.serve import run_serve

    sys.exit(run_serve(obj.config(), host=host, port=port, open_browser=open_browser))


@cli.command("list")
@click.option("--status", "statuses", multiple=True, help="Only postings with this status (repeatable).")
@click.option("--due", type=click.IntRange(0, None), help="Only postings whose deadline is within DAYS days.")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
def list_command(obj: _Ctx, statuses: tuple[str, ...], due: int | None, as_json: bool) -> None:
    """List postings with status, deadline and days left."""
    from natosite.commands.listing import run_list

    sys.exit(run_list(obj.config(), statuses=statuses, due=due, as_json=as_json))


@cli.command("track")
@click.argument("posting_id", metavar="ID")
@click.argument("status")
@click.option("--date", "date", help="Date of the change (YYYY-MM-DD; default today).")
@click.option("--note", help="A note for the history entry.")
@pass_ctx
def track_command(obj: _Ctx, posting_id: str, status: str, date: str | None, note: str | None) -> None:
    """Set a posting's status and add a history entry in tracker.yaml (comments kept)."""
    from natosite.commands.track import run_track

    sys.exit(run_track(obj.config(), posting_id, status, date=date, note=note))


def main() -> None:
    try:
        cli(prog_name="natosite")
    except SystemExit as done:  # click ends every command this way
        _exit(done.code)
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C outside serve
        click.echo("Interrupted.", err=True)
        sys.exit(130)


def _exit(code: object) -> NoReturn:
    """End the process once the command's work is done, without the interpreter's teardown.

    Tearing down frees every object one by one: after a build of 1,000 postings that is
    ~0.2 s of a 3 s run, for memory the OS takes back at once. Everything that exit must
    do first is done here: the old site's deletion finished (``writer.finish_cleanup``),
    log handlers closed, stdout and stderr flushed. If a thread of someone else's is still
    working, the usual exit (which waits for it) is taken instead."""
    status = 0 if code is None else code if isinstance(code, int) else 1
    if not isinstance(code, (int, type(None))):
        print(code, file=sys.stderr)  # what sys.exit("message") does
    writer = sys.modules.get("natosite.writer")
    if writer is not None:
        writer.finish_cleanup()
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        sys.exit(status)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    main()
