"""Build natosite, with the importer's parsing modules compiled to C by mypyc where this machine can.

The import's speed goal (bench/import.py, 500 postings a second on one core) is out of reach of the interpreter:
its profile is flat (regular expressions, string tests, small functions over each line), and compiled by mypyc
the same code runs ~1.4 times as fast (cachegrind and the benchmark: see the commit that added this file). Black
ships compiled the same way. mypy (with mypyc) is only a build requirement (pyproject.toml's build-system); the
compiled modules need nothing at run time.

Everything in pyproject.toml stays there; this file adds only the extensions. Without a C compiler the build
fails softly (the extensions are optional) and natosite runs as Python. After the build, ``_compiled.sha256``
beside the modules records which sources were compiled: ``natosite.importer.native`` uses the compiled modules only
while the sources are those. NATOSITE_PURE=1 at build time builds no extension.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
IMPORTER = HERE / "src" / "natosite" / "importer"
sys.path.insert(0, str(IMPORTER))
import native  # noqa: E402  (the list of modules and the stamp, from the package itself, not imported as natosite)

sys.path.pop(0)


class BuildExt(build_ext):
    """build_ext on both cores, then the stamp of the compiled sources beside the compiled modules."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        digest = native.sources_digest(IMPORTER)
        super().run()
        if not self.extensions:
            return
        folder = Path(self.get_ext_fullpath("natosite.importer.clean")).parent
        built = all(native._extension(folder, name) for name in native.COMPILED)
        if built:
            (folder / native.STAMP).write_text(digest + "\n", encoding="ascii")
            print(f"natosite: the importer's parsing modules are compiled (mypyc) in {folder}", file=sys.stderr)
        else:
            (folder / native.STAMP).unlink(missing_ok=True)
            print("natosite: the importer could not be compiled; it runs as Python (slower)", file=sys.stderr)


def extensions() -> list:
    if native.pure_requested():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # (a build without the build-system's requirements: plain Python)
        return []
    modules = [f"src/natosite/importer/{name}.py" for name in native.COMPILED]
    try:
        found = mypycify(
            ["--ignore-missing-imports", "--disable-error-code=import-untyped", "--follow-imports=silent", *modules],
            opt_level="3", group_name="natosite_importer",
        )
    except (SystemExit, Exception) as exc:  # (mypy found a type error: mypyc compiles only code that checks)
        print(f"natosite: mypyc cannot compile the importer ({exc}); it runs as Python (slower)", file=sys.stderr)
        return []
    for extension in found:
        extension.optional = True  # (no compiler: install as Python)
    return found


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildExt})
