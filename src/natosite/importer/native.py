"""Whether the importer's parsing modules run compiled (mypyc) or as their Python source.

``setup.py`` compiles the modules in ``COMPILED`` to C with mypyc when it can (a C compiler and the Python
headers; otherwise natosite installs as plain Python), and once the build has succeeded writes ``STAMP`` beside
them: the SHA-256 of the sources it compiled. ``natosite.importer`` calls ``choose()`` before it imports any of
them. The compiled modules are used only while every source is still the one compiled: after an edit (a
developer's checkout) all of them run from their ``.py`` files until the next build (``./dev`` rebuilds), never a
mix of old compiled code and new source. ``NATOSITE_PURE=1`` in the environment runs the source always (tests that
replace a function inside a module, a debugger, a profiler).

Both give the same postings: ``tests/test_importer_native.py`` imports every fixture both ways and compares.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

# The modules compiled: the parse, from bytes to a posting (``write`` and the rare readers stay Python)
COMPILED = (
    "clean", "dates", "decode", "emit", "facts", "fields", "gluewords", "grades", "header", "markdown", "patterns",
    "places", "prose", "sections", "slug",
)
STAMP = "_compiled.sha256"
FOLDER = Path(__file__).resolve().parent
PACKAGE = __name__.rpartition(".")[0]

# "compiled", or "source" and why (set by ``choose``)
mode = "source"


def pure_requested() -> bool:
    """Whether NATOSITE_PURE (set, and not "0") asks for the source, at run time and at build time."""
    return os.environ.get("NATOSITE_PURE", "") not in ("", "0")


def sources_digest(folder: Path = FOLDER) -> str:
    """SHA-256 of the ``COMPILED`` modules' sources in ``folder``, in order."""
    digest = hashlib.sha256()
    for name in COMPILED:
        digest.update(name.encode() + b"\0" + (folder / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def compiled_is_current(folder: Path = FOLDER) -> bool:
    """True when ``folder`` holds a finished build of the sources it holds now."""
    try:
        stamp = (folder / STAMP).read_text(encoding="ascii").strip()
        return stamp == sources_digest(folder) and all(_extension(folder, name) for name in COMPILED)
    except OSError:
        return False


def _extension(folder: Path, name: str) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        if (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}"
    return None


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the ``COMPILED`` modules as their ``.py`` files (the import system would take a compiled file first)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, FOLDER / f"{name}.py")


def choose() -> str:
    """Decide, before the first of them is imported, where the ``COMPILED`` modules come from; return ``mode``."""
    global mode
    if pure_requested():
        mode = "source (NATOSITE_PURE is set)"
    elif not any(_extension(FOLDER, name) for name in COMPILED):
        mode = "source (not compiled)"
    elif not compiled_is_current():
        mode = "source (the compiled modules are older than their source: rebuild with ./dev or pip install)"
    else:
        mode = "compiled"
        return mode
    if not any(isinstance(finder, _SourceFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())
    return mode
