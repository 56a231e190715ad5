"""The importer compiled by mypyc (setup.py) and its Python source: the same postings, and the source used whenever
the compiled modules are not a build of the source as it is now (natosite.importer.native)."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from natosite.importer import native

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "raw"

# Every raw fixture and seed parsed, one JSON line of {file: [front matter, body, warnings] or the refusal}
DUMP = r"""
import json, sys
from pathlib import Path
from natosite.importer import ImportRefused, native, parse_posting
files = [p for folder in map(Path, sys.argv[1:]) for p in sorted(folder.iterdir())
         if p.is_file() and p.suffix != ".md" and p.name != "expected_facts.yaml"]
out = {}
for p in files:
    try:
        result = parse_posting(p.read_bytes(), {"file": p.name, "imported": None})
        out[p.name] = [repr(result.posting.meta), result.posting.body, result.warnings]
    except ImportRefused as exc:
        out[p.name] = ["refused", str(exc)]
print(json.dumps({"mode": native.mode, "postings": out}))
"""


def _dump(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "NATOSITE_PURE"}
    if pure:
        env["NATOSITE_PURE"] = "1"
    done = subprocess.run([sys.executable, "-c", DUMP, str(FIXTURES), str(ROOT / "raw")], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_compiled_importer_gives_what_its_source_gives() -> None:
    if native.mode != "compiled":
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the compiled importer (what users install and bench/import.py measures): {native.mode}")
        pytest.skip(f"the importer is not compiled here: {native.mode}")
    compiled, source = _dump(pure=False), _dump(pure=True)
    assert compiled["mode"] == "compiled" and source["mode"].startswith("source")
    assert len(compiled["postings"]) > 700
    differ = [name for name in source["postings"] if compiled["postings"].get(name) != source["postings"][name]]
    assert not differ, differ[:10]


def _package_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "importer"
    folder.mkdir()
    for name in native.COMPILED:
        shutil.copy(native.FOLDER / f"{name}.py", folder / f"{name}.py")
    return folder


def test_compiled_modules_are_current_only_for_the_sources_compiled(tmp_path: Path) -> None:
    folder = _package_copy(tmp_path)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    assert not native.compiled_is_current(folder)  # no build
    for name in native.COMPILED:
        (folder / f"{name}{suffix}").write_bytes(b"")
    assert not native.compiled_is_current(folder)  # built, but no stamp: a build that did not finish
    (folder / native.STAMP).write_text(native.sources_digest(folder) + "\n")
    assert native.compiled_is_current(folder)
    with open(folder / "facts.py", "a") as source:
        source.write("# edited\n")
    assert not native.compiled_is_current(folder)  # one source edited: all of them run as source
    (folder / native.STAMP).write_text(native.sources_digest(folder) + "\n")
    (folder / f"slug{suffix}").unlink()
    assert not native.compiled_is_current(folder)  # one module missing


def test_natosite_pure_runs_the_source() -> None:
    code = ("import natosite.importer.facts as f; from natosite.importer import native; "
            "print(native.mode); print(f.__file__)")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "NATOSITE_PURE": "1"},
                          capture_output=True, text=True, check=True)
    mode, path = done.stdout.split("\n")[:2]
    assert mode == "source (NATOSITE_PURE is set)" and path.endswith("facts.py")
