"""Build failures as ``Problem``s naming a file and line (template errors included)."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from natosite.errors import BuildError
from natosite.models import Problem


class BuildFailed(BuildError):
    """Nothing was written: the problems that stopped the build, each ``path:line: message``."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "the build failed")


@dataclass(frozen=True)
class Failure:
    problem: Problem
    fatal: bool  # a template that cannot work for any posting: stop the build


def display_path(path: str | Path, config: Any) -> str:
    """A path as the person knows it: relative to the workspace, else marked as a packaged default."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path(config.root).resolve()).as_posix()
    except (ValueError, OSError):
        pass
    for folder in getattr(config, "template_dirs", ()):
        try:
            return "templates/" + p.resolve().relative_to(folder.resolve()).as_posix() + " (natosite default)"
        except (ValueError, OSError):
            continue
    return str(path)


def template_frame(exc: BaseException, config: Any) -> tuple[str, int] | None:
    """The innermost traceback frame that runs a template file: (display path, line)."""
    dirs = [d.resolve() for d in getattr(config, "template_dirs", ())]
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        try:
            file = Path(frame.filename).resolve()
        except (OSError, ValueError):
            continue
        if any(d == file.parent or d in file.parents for d in dirs) and file.suffix != ".py":
            found = (display_path(file, config), frame.lineno or 0)
    return found


def render_failure(exc: BaseException, config: Any, default_path: str) -> Failure:
    """Turn an exception raised while rendering into a Problem; template syntax errors are fatal."""
    import jinja2

    inner = exc.__context__
    if isinstance(exc, BuildError) and isinstance(inner, jinja2.TemplateError):
        exc = inner  # render.py wraps template errors; the original knows file, line and frames
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = display_path(exc.filename, config) if exc.filename else f"templates/{exc.name}"
        return Failure(Problem(where, exc.lineno, f"template error: {exc.message}"), fatal=True)
    if isinstance(exc, jinja2.TemplateNotFound):
        return Failure(Problem("templates", None, f"template not found: {exc.name}"), fatal=True)
    detail = f"{type(exc).__name__}: {exc}" if not isinstance(exc, jinja2.TemplateError) else str(exc)
    frame = template_frame(exc, config)
    if frame is not None:
        path, line = frame
        if default_path == "templates":
            return Failure(Problem(path, line, f"template error: {detail}"), fatal=True)
        return Failure(
            Problem(default_path, None, f"could not render ({path}:{line}: {detail}); page skipped"),
            fatal=False,
        )
    if default_path == "templates":
        return Failure(Problem("templates", None, f"could not render the site pages: {detail}"), fatal=True)
    return Failure(Problem(default_path, None, f"could not render: {detail}; page skipped"), fatal=False)
