"""User-facing errors. Click prints them as ``Error: ...`` and exits 1, no traceback."""

from __future__ import annotations

import click


class NatositeError(click.ClickException):
    """Base class of every error the person can act on."""

    exit_code = 1


class ParseError(NatositeError):
    """A file the person wrote could not be read: names the file and line."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.detail = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class TrackerError(ParseError):
    """A mistake in tracker.yaml."""


class BuildError(NatositeError):
    """The site could not be built (template error, output collision, ...)."""


class OutDirRefused(BuildError):
    """``--out`` names a folder a build must not replace (the workspace, postings/, someone's files): wrong usage."""

    exit_code = 2


class UsageError(click.UsageError):
    """Wrong use of the command line (exit 2)."""
