"""The importer's regular expressions, compiled once and kept between runs, as Python keeps its bytecode.

``re.compile`` parses a pattern and compiles it to the engine's code in Python (``re._parser``, ``re._compiler``).
The parsing modules' ~550 patterns took ~0.6 s of every ``natosite import``, most of what importing one pasted
posting took; a few large ones most of it (the dates' zones, ~96,000 characters once its place names are spread
over each form; the board's chrome phrases). ``compile`` keeps the code each pattern compiled to in one file in
``__pycache__`` beside this module, named for this Python (its release too) and its engine (``_sre.MAGIC``),
written atomically, and left unwritten where the folder cannot be written (as Python does with its .pyc files);
the next run makes each pattern from the kept code with ``_sre.compile``, the call ``re.compile`` itself ends with.

The cache only saves time: a pattern made from it is the pattern ``re.compile`` makes (equal, the same code: a
test), and anything unexpected (no file, a damaged one, a Python whose internals differ) falls back to
``re.compile``. Call ``save`` once the patterns are made (``natosite.importer`` does, after importing its modules).
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # (private modules: a Python without them, or with other internals, compiles every pattern itself)
    import _sre
    from re import _compiler, _parser

    # (the patch release too: one may fix re's compiler, and the engine's code it gives, without a new MAGIC)
    _TAG: str | None = f"{sys.implementation.cache_tag}.{sys.version_info.micro}-sre{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - not CPython 3.11+
    _TAG = None

FOLDER = Path(__file__).resolve().parent / "__pycache__"
# (flags, code, groups, groupindex, indexgroup): the arguments of _sre.compile after the pattern
Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
_kept: dict[tuple[str, int], Entry] | None = None  # read on the first call
_used: dict[tuple[str, int], Entry] = {}
_missed = False


def path() -> Path | None:
    """The cache file for this Python, or None when patterns cannot be kept."""
    return FOLDER / f"rxcache.{_TAG}.marshal" if _TAG else None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001  (re.compile's name, for its callers)
    """``re.compile(pattern, flags)``, from the kept code when this pattern was compiled before. (Text patterns
    only: the few bytes patterns, the decoder's, are small and compiled with re.compile.)"""
    global _kept, _missed
    if _TAG is None:
        return re.compile(pattern, flags)
    if _kept is None:
        _kept = _read()
    key = (pattern, int(flags))
    entry = _kept.get(key)
    if entry is None:
        try:
            entry = _entry(*key)
        except Exception:  # (re's internals are not what this module knows: compile as usual)
            return re.compile(pattern, flags)
        _missed = True
    try:
        compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
    except Exception:  # (a damaged entry)
        _missed = True
        return re.compile(pattern, flags)
    _used[key] = entry
    return compiled


def _entry(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern."""
    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    groupindex = {str(name): int(index) for name, index in tree.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | tree.state.flags), [int(op) for op in code], tree.state.groups - 1, groupindex, tuple(indexgroup)


def _read() -> dict[tuple[str, int], Entry]:
    target = path()
    try:
        data = marshal.loads(target.read_bytes()) if target else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def save() -> None:
    """Write the patterns compiled in this process to the cache when any was not in it (atomically; nothing when
    the folder cannot be written)."""
    global _missed
    target = path()
    if not _missed or target is None:
        return
    _missed = False
    try:
        FOLDER.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=FOLDER, prefix=".rxcache-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(_used))
            os.chmod(tmp, 0o644)  # (mkstemp's file is the user's alone; a .pyc file is readable by all)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:  # (a read-only install: compiled again next time)
        pass
