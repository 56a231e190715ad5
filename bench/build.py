"""Build benchmark: natosite vs MkDocs on the same generated postings, in the same run.

    .venv/bin/python bench/build.py [SIZES...] [--no-mkdocs] [--repeat N]

For each size (default 100 1000 5000) it prints:
- cold build: in-process (two processes for the postings: the default) and with one
  process, then a fresh ``natosite build`` process with no cache (best of two fresh copies
  of the workspace);
- warm rebuild after one edit: in-process with the cache kept (an edit of a posting's
  body; an edit of its tracker entry), with 'now' fixed by SOURCE_DATE_EPOCH (the
  listing pages are reused) and with the clock (they are reused within the same hour,
  see build_pages.listing_time), and a second ``natosite build`` process using the on-disk cache;
- MkDocs (``mkdocs build``, pip install mkdocs: a bench-only tool, not a dependency)
  on the same postings, and the ratio against the ``natosite build`` process.
Goals: cold 1,000 >= 5x faster than MkDocs; warm rebuild after one edit <= 100 ms at 1,000.
Times are wall clock on whatever else the machine is doing: compare within one run.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _gen  # noqa: E402

from natosite.build import BuildCache, build, workers_for  # noqa: E402
from natosite.config import load_config  # noqa: E402
from natosite.writer import finish_cleanup  # noqa: E402

EPOCH = "1795435200"
BIN = Path(sys.executable).parent


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def edit_body(path: Path, i: int) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\nEdited paragraph number {i}.\n", encoding="utf-8")


def edit_tracker(path: Path, i: int) -> None:
    """Change the status of the first tracker entry (interview / offer, alternately)."""
    text = path.read_text(encoding="utf-8")
    new = re.sub(r"(?m)^  status: \w+", f"  status: {('interview', 'offer')[i % 2]}", text, count=1)
    path.write_text(new, encoding="utf-8")


def warm(config, cache, ws: Path, edit, repeat: int) -> float:
    """Median in-process rebuild time after one edit (the cache kept between builds)."""
    target = sorted((ws / "postings").glob("*.md"))[len(list((ws / "postings").glob("*.md"))) // 2]
    times = []
    for i in range(repeat):
        edit(target if edit is edit_body else ws / "tracker.yaml", i)
        report = build(config, cache=cache, wait=False)
        times.append(report.duration)
        finish_cleanup()
    return statistics.median(times)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(cmd: list[str], **kwargs) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, worker processes included) of a command."""
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - start, children_cpu() - cpu


def ws_copy(ws: Path, dest: Path) -> Path:
    """A copy of the workspace's inputs (postings/ and tracker.yaml), with no site and no cache."""
    shutil.copytree(ws / "postings", dest / "postings")
    shutil.copy2(ws / "tracker.yaml", dest / "tracker.yaml")
    return dest


def cli_build(ws: Path, env: dict[str, str]) -> tuple[float, float]:
    return run_timed([str(BIN / "natosite"), "-q", "-C", str(ws), "build"], env=env)


def mkdocs_build(ws: Path, tmp: Path) -> tuple[float, float] | None:
    exe = BIN / "mkdocs"
    if not exe.exists():
        return None
    project = _gen.write_mkdocs(tmp / "mkdocs", ws)
    return run_timed([str(exe), "build", "-q", "-d", str(tmp / "mkdocs-site")], cwd=project, stderr=subprocess.DEVNULL)


def ms(seconds: float | None) -> str:
    return "   n/a" if seconds is None else f"{seconds * 1000:8.0f} ms"


def run(n: int, args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f"natosite-bench-{n}-", dir=_gen.bench_dir()))
    try:
        ws = tmp / "ws"
        _gen.generate(ws, n)
        os.environ["SOURCE_DATE_EPOCH"] = EPOCH
        config = load_config(ws)
        warmup = tmp / "warmup"
        _gen.generate(warmup, 5, seed=2)
        build(load_config(warmup), cache=BuildCache(), jobs=1)  # imports and one-off caches, not timed
        one = timed(lambda: build(config, tmp / "one-process", cache=BuildCache(), jobs=1))
        cache = BuildCache()
        cold = timed(lambda: build(config, cache=cache))
        warm_body = warm(config, cache, ws, edit_body, args.repeat)
        warm_tracker = warm(config, cache, ws, edit_tracker, args.repeat)
        del os.environ["SOURCE_DATE_EPOCH"]
        clock_cache = BuildCache()
        build(config, tmp / "clock", cache=clock_cache)
        config_clock = load_config(ws)
        warm_clock = statistics.median(
            [timed(lambda i=i: (edit_body(sorted((ws / "postings").glob("*.md"))[0], 100 + i),
                                build(config_clock, tmp / "clock", cache=clock_cache, wait=False))) for i in range(args.repeat)]
        )
        finish_cleanup()
        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
        # Best of two fresh workspaces (copies: no site, no cache). On this project's VMs the
        # first few thousand files created after many were deleted (the builds above swap and
        # delete whole sites) cost ~0.6 ms each instead of ~0.05 ms; MkDocs, run next, would
        # not pay that. Nothing is deleted between these runs and MkDocs.
        fresh = [ws_copy(ws, tmp / f"process-{i}") for i in range(2)]
        cold_proc, cold_cpu = min(cli_build(copy, env) for copy in fresh)
        edit_body(sorted((fresh[0] / "postings").glob("*.md"))[1], 999)
        warm_proc, _ = cli_build(fresh[0], env)
        mk = None if args.no_mkdocs or n > args.mkdocs_max else mkdocs_build(ws, tmp)
        print(f"\n{n:,} postings ({sum(p.stat().st_size for p in (ws / 'postings').glob('*.md')) / n / 1024:.1f} KB each)")
        procs = workers_for(n, None)
        print(f"  cold, in-process, {procs} process(es) (auto)    {ms(cold)}   (1 process: {ms(one).strip()}, x{one / cold:.2f})")
        print(f"  cold, `natosite build` process, no cache   {ms(cold_proc)}   CPU {cold_cpu:.1f} s")
        if mk is not None:
            goal = "  goal >= 5x at 1,000" if n == 1000 else ""
            print(f"  MkDocs `mkdocs build`, same postings       {ms(mk[0])}   CPU {mk[1]:.1f} s")
            print(f"    -> natosite is x{mk[0] / cold_proc:.1f} faster (wall, process vs process; x{mk[0] / cold:.1f} "
                  f"in-process), x{mk[1] / cold_cpu:.1f} less CPU{goal}")
        else:
            print("  MkDocs                                        skipped (not installed or above --mkdocs-max)")
        goal = "   goal <= 100 ms at 1,000" if n == 1000 else ""
        print(f"  warm, one body edit, in-process            {ms(warm_body)}{goal}  (SOURCE_DATE_EPOCH fixed; median of {args.repeat})")
        print(f"  warm, one tracker edit, in-process         {ms(warm_tracker)}   (listing pages re-rendered)")
        print(f"  warm, one body edit, clock time            {ms(warm_clock)}   (no SOURCE_DATE_EPOCH: listing pages reused within the hour)")
        print(f"  warm, second `natosite build` process      {ms(warm_proc)}   (on-disk cache; includes Python start-up and imports)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--no-mkdocs", action="store_true", help="skip the MkDocs comparison")
    parser.add_argument("--mkdocs-max", type=int, default=5000, help="largest size to build with MkDocs")
    parser.add_argument("--repeat", type=int, default=7, help="warm rebuilds per measurement (median)")
    args = parser.parse_args()
    print(f"natosite build benchmark; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    for n in args.sizes:
        run(n, args)


if __name__ == "__main__":
    main()
