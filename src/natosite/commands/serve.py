"""``natosite serve``: build, serve on 127.0.0.1, rebuild and reload on every saved change."""

from __future__ import annotations

import ipaddress
import logging
import signal
import threading
import webbrowser

import click

from natosite.config import Config
from natosite.serve import DevServer
from natosite.terminal import progress_shown, render_progress

log = logging.getLogger("natosite")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_serve(config: Config, *, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False) -> int:
    """Serve until Ctrl-C; 0 after a clean stop."""
    host = host.strip("[]")
    if not is_loopback(host):
        click.secho(
            f"WARNING: serving on {host}, not on loopback: anyone who can reach this machine on that "
            "address can read your applications and notes. Use --host 127.0.0.1 unless you mean it.",
            err=True,
            fg="red",
            bold=True,
        )
    server = DevServer(config, host, port)
    previous = signal.getsignal(signal.SIGTERM)
    previous_int = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with render_progress(progress_shown()) as progress:
            server.start(progress)
        click.echo(f"Serving {server.url}  (watching postings/, tracker.yaml, templates/; Ctrl-C to stop)")
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not break the clean stop
        signal.signal(signal.SIGTERM, previous)
        server.stop()
        signal.signal(signal.SIGINT, previous_int)
    click.echo("Stopped.")
    return 0


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
