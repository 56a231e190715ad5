"""Benchmark: import 1,000 raw postings in the seeds' styles; print postings per second.

Usage: python bench/import.py [N]   (default 1000; goal >= 500 postings/s on one core; best of 5 runs)

It measures the importer as installed: its parsing modules compiled by mypyc (setup.py), or their source when
they are not compiled or were edited since (the line printed says which; NATOSITE_PURE=1 measures the source).

The postings are the text of the five seeds and of the test fixtures (boards in six
languages, PDF text; the HTML, UTF-16 and cp1252 fixtures as their decoded text),
written as UTF-8, each copy given its own vacancy number so every one is a new
posting. With more templates than postings, the first ones in the order of their
names are imported, so fixtures added later change which (blind rounds 150-153's 22
.txt and .html fixtures took the place of 22 others: +0.4% instructions a parse).
The timing covers the whole command: reading, decoding, parsing, checking
against the postings already imported, and writing postings/<id>.md, in a
workspace in memory when the machine has /dev/shm (see BENCH_DIR; one more run on
the repository's disk is printed after). Before the
runs, throwaway files are created until creating a file is cheap again (see
``_gen.settle_disk``: on this project's VMs the first few thousand files created
after many were deleted cost ~1 ms each); the line it prints says what that took.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

from natosite.commands.import_ import run_import
from natosite.config import load_config
from natosite.importer import native, parse_posting
from natosite.importer.decode import decode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _gen  # noqa: E402
# The workspaces are made in memory (tmpfs, /dev/shm) where there is one, else beside the repository's own;
# NATOSITE_BENCH_DIR picks another folder. A person's workspace is on their disk, but this project's VMs' disk is
# ext4 without a journal, where each file created after thousands were deleted nearby (by a test run, or the build
# benchmark just before) first steps over the recently deleted inodes (the kernel's recently_deleted(); measured: a
# file cost 0.13-0.35 ms instead of ~0.014 ms from 45 s to 450 s after 16,000 were deleted): 0.15-0.45 s more of
# system time a 1,000 postings, the VM's state and not the importer's work (`./dev bench`, right after the build
# benchmark: 0.38-0.48 s a run, 427-499 postings/s on the disk). On tmpfs
# a run costs what it costs on that disk when it is in a good state (0.03-0.07 s of system time). One run on the
# repository's disk is printed too, with its system time.
DISK_DIR = REPO / ".natosite-cache" / "bench"
_SHM = Path("/dev/shm")
BENCH_DIR = Path(os.environ.get("NATOSITE_BENCH_DIR") or (
    _SHM / "natosite-bench" if _SHM.is_dir() and os.access(_SHM, os.W_OK) else DISK_DIR))
SOURCES = sorted((REPO / "raw").iterdir()) + sorted(
    p for p in (REPO / "tests" / "fixtures" / "raw").iterdir() if p.suffix in (".txt", ".html")
)
_REF = re.compile(r"(?<!\d)(2[0-9]{5})(?!\d)")


def templates() -> list[str]:
    """The raw postings as text (decoded once; the copies are written back as UTF-8). A posting whose copies would
    still read as one vacancy (the reference the importer reads is the notice's own code, "ACT 26/0451", not the
    six-digit number or the "Vacancy number:" line a copy gets, which a job alert's other entries hold) is marked:
    its copies change that code too."""
    texts = [decode(p.read_bytes()).text for p in SOURCES if p.is_file()]
    for text in texts:
        first = _key(_numbered(text, 1))
        if first == _key(_numbered(text, 2)):
            _OWN_CODE[text] = first[0] if isinstance(first[0], str) and first[0] in text else None
    return texts


# The templates whose copies would read as one vacancy: the reference the importer reads in them (None: it reads none,
# the number being only in a page header; a "Vacancy number:" line goes first)
_OWN_CODE: dict[str, str | None] = {}


def _key(text: str) -> tuple[object, ...]:
    meta = parse_posting(text.encode("utf-8"), {"file": "x.txt", "imported": None}).posting.meta
    return meta.get("reference"), meta.get("title"), str(meta.get("deadline"))


def _numbered(template: str, number: int) -> str:
    if _REF.search(template):
        return _REF.sub(str(300000 + number), template)
    return f"Vacancy number: {300000 + number}\n{template}"


def variant(template: str, number: int) -> str:
    """A copy of ``template`` that is a different vacancy: its own reference number."""
    text = _numbered(template, number)
    if template not in _OWN_CODE:
        return text
    code = _OWN_CODE[template]
    return text.replace(code, f"{code}-{number}") if code else f"Vacancy number: {300000 + number}\n{text}"


def run_once(texts: list[str], count: int, folder: Path) -> tuple[float, float, int, int, float]:
    """(wall seconds, CPU seconds, exit code, postings written, the CPU seconds spent in the system) of one import into
    a fresh workspace in ``folder``."""
    root = Path(tempfile.mkdtemp(dir=folder))
    raw = root / "raw"
    raw.mkdir()
    for i in range(count):
        (raw / f"{i:05d}.txt").write_text(variant(texts[i % len(texts)], i), encoding="utf-8")
    config = load_config(root)
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        start, cpu_start, system_start = time.perf_counter(), time.process_time(), os.times().system
        code = run_import(config, (str(raw),), force=False, dry_run=False)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        system = os.times().system - system_start
    written = len(list(config.postings_dir.glob("*.md")))
    return elapsed, cpu, code, written, system


def parse_rate(texts: list[str], count: int) -> float:
    """Postings per second of CPU for ``parse_posting`` alone (decode, clean, facts, body, front matter), in memory."""
    data = [variant(texts[i % len(texts)], i).encode("utf-8") for i in range(count)]
    start = time.process_time()
    for i, raw in enumerate(data):
        parse_posting(raw, {"file": f"{i:05d}.txt", "imported": None})
    return count / (time.process_time() - start)


def create_cost(folder: Path, count: int = 1000) -> float:
    """Milliseconds of CPU to create and write one 4 KB file in ``folder``, ``count`` files in a row (the disk's
    share of an import)."""
    block = b"x" * 4096
    tmp = tempfile.mkdtemp(dir=folder)
    start = time.process_time()
    for i in range(count):
        fd = os.open(os.path.join(tmp, f"{i}.md"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(fd, block)
        os.close(fd)
    return (time.process_time() - start) * 1000 / count


def interpreter() -> str:
    """ "CPython 3.11.7 (/root/.pyenv/versions/3.11.7)": which build ran. The same code's speed differs between builds
    of one version: pyenv's (no profile-guided optimisation by default) ran the importer's parse 5-15% slower here
    than Debian's python3.11 (cachegrind: 8.49M instructions a posting against 7.62M), which is why ``./dev`` makes
    .venv with /usr/bin/python3 when it can."""
    return f"{platform.python_implementation()} {platform.python_version()} ({sys.base_prefix})"


def main(count: int = 1000, repeat: int = 5) -> None:
    logging.getLogger("natosite").disabled = True
    texts = templates()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    # Every run's workspace is kept until the end: on this project's virtual machines, memory the kernel frees
    # (deleting thousands of files frees their inodes) goes back to the host, and the next few thousand files
    # created cost 10-30 times more (0.3-1.4 ms against 0.03 ms) until it has come back. Deleting a run's
    # workspace before the next would charge that to the import.
    with tempfile.TemporaryDirectory(dir=BENCH_DIR) as folder:
        print(f"import: {_gen.settle_disk(Path(folder))}")
        report(texts, count, repeat, Path(folder))
    if BENCH_DIR != DISK_DIR:
        DISK_DIR.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=DISK_DIR) as folder:
            elapsed, _, code, written, system = run_once(texts, count, Path(folder))
            print(f"import: one run on the repository's disk ({DISK_DIR}): {count / elapsed:.0f} postings/s, "
                  f"{system:.2f} s of it in the system; creating and writing one 4 KB file there costs "
                  f"{create_cost(Path(folder), count):.2f} ms of CPU")


def report(texts: list[str], count: int, repeat: int, folder: Path) -> None:
    runs = [run_once(texts, count, folder) for _ in range(repeat)]
    for _, _, code, written, _ in runs:
        if code != 0 or written != count:
            sys.exit(f"import failed: exit {code}, {written} of {count} postings written")
    elapsed = min(run[0] for run in runs)  # the best of a few runs, like timeit: others' load only slows
    cpu = min(run[1] for run in runs)
    print(f"import: {count} postings in {elapsed:.2f} s = {count / elapsed:.0f} postings/s (goal >= 500/s)")
    print(f"import: best of {repeat} runs (each: {', '.join(f'{count / run[0]:.0f}' for run in runs)} postings/s); "
          f"CPU time {cpu:.2f} s = {count / cpu:.0f} postings/s of CPU; {interpreter()}; importer {native.mode}; "
          f"workspace folder {BENCH_DIR} (set NATOSITE_BENCH_DIR to measure another disk)")
    # (the system's share is the file system's work: creating the files. On this project's VMs (ext4) it moved between
    # 0.06 s and 0.42 s a 1,000 postings from one run to the next while the rest stayed within 0.1 s. After 16,000 files
    # were deleted (a bench's clean-up, a test run's), creating one cost 0.13-0.35 ms instead of ~0.014 ms from 45 s to
    # at least 450 s later; the kernel's profile showed ext4's inode allocator (recently_deleted, find_get_block_common))
    print(f"import: of each run's CPU time, in the system: {', '.join(f'{run[4]:.2f}' for run in runs)} s")
    print(f"import: parsing alone {max(parse_rate(texts, count) for _ in range(repeat)):.0f} postings/s of CPU; "
          f"creating and writing one 4 KB file costs {create_cost(folder, count):.2f} ms of CPU here")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
