"""The workspace's settings, read and checked once into a frozen ``Config``.

A workspace needs no config file. An optional ``natosite.yaml`` at its top level
may set::

    title: My NATO applications      # site and calendar name
    base_url: https://me.example/jobs/
    timezone: Europe/Brussels        # zone assumed for deadlines that name none
    warn_days: [7, 1]                # "closes in N days" warning events in the feed
    compare_tag: compare             # postings with this tag are on compare.html
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from natosite.errors import ParseError

CONFIG_FILE = "natosite.yaml"
PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Config:
    root: Path
    title: str = "NATO vacancies"
    base_url: str = ""
    timezone: str = "Europe/Brussels"
    warn_days: tuple[int, ...] = (7, 1)
    compare_tag: str = "compare"

    @property
    def postings_dir(self) -> Path:
        return self.root / "postings"

    @property
    def tracker_path(self) -> Path:
        return self.root / "tracker.yaml"

    @property
    def templates_dir(self) -> Path:
        """The workspace's own templates; they override the packaged ones file by file."""
        return self.root / "templates"

    @property
    def out_dir(self) -> Path:
        return self.root / "site"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".natosite-cache"

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        dirs = [self.templates_dir, PACKAGE_TEMPLATES]
        unique: list[Path] = []
        for d in dirs:
            if d.is_dir() and all(d.resolve() != u.resolve() for u in unique):
                unique.append(d)
        return tuple(unique)


def load_config(root: str | os.PathLike[str] = ".", **overrides: Any) -> Config:
    """Read ``natosite.yaml`` (if any) under ``root``; ``overrides`` (not None) win."""
    root_path = Path(root).resolve()
    values: dict[str, Any] = {}
    path = root_path / CONFIG_FILE
    if path.is_file():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ParseError(CONFIG_FILE, mark.line + 1 if mark else None, f"bad YAML: {exc}") from None
        if not isinstance(data, dict):
            raise ParseError(CONFIG_FILE, 1, "expected a mapping of settings")
        values.update(_check(data))
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Config(root=root_path, **values)


def _check(data: dict[str, Any]) -> dict[str, Any]:
    known = {"title", "base_url", "timezone", "warn_days", "compare_tag"}
    for key in data:
        if key not in known:
            raise ParseError(CONFIG_FILE, None, f"unknown setting {key!r} (known: {', '.join(sorted(known))})")
    out = dict(data)
    if "timezone" in out:
        try:
            zoneinfo.ZoneInfo(str(out["timezone"]))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ParseError(CONFIG_FILE, None, f"unknown time zone {out['timezone']!r}") from None
        out["timezone"] = str(out["timezone"])
    if "warn_days" in out:
        days = out["warn_days"]
        if not isinstance(days, list) or not all(isinstance(d, int) and d > 0 for d in days):
            raise ParseError(CONFIG_FILE, None, "warn_days: expected a list of whole days, e.g. [7, 1]")
        out["warn_days"] = tuple(sorted(set(days), reverse=True))
    for key in ("title", "base_url", "compare_tag"):
        if key in out and out[key] is None:  # "base_url:" with nothing after it: not set
            del out[key]
        elif key in out:
            out[key] = str(out[key])
    if out.get("base_url"):
        problem = base_url_problem(out["base_url"])
        if problem:
            raise ParseError(CONFIG_FILE, None, f"base_url: {problem}")
        out["base_url"] = out["base_url"].strip()
    return out


_URL_FORBIDDEN = frozenset('"<>\\^`{|}')


def base_url_problem(value: str) -> str | None:
    """Why ``value`` cannot be the site's base URL (links in the feed and pages), or None:
    it must be an absolute http(s) URL with a host, and nothing a URL may not hold
    (spaces, control characters, quotes, angle brackets, ...)."""
    from urllib.parse import urlsplit

    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed '[' in the host
        parts = None
    bad = next((c for c in text if c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F or c in _URL_FORBIDDEN), None)
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or bad is not None:
        what = f" (it holds {bad!r})" if bad is not None else ""
        return f"{value!r} is not an absolute http(s) URL{what}, e.g. https://me.example/jobs/"
    return None


def build_time() -> dt.datetime:
    """'Now' for a build: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        except (ValueError, OverflowError):
            raise ParseError("SOURCE_DATE_EPOCH", None, f"not a Unix timestamp: {epoch!r}") from None
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def with_overrides(config: Config, **overrides: Any) -> Config:
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})
