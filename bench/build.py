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
  on the same postings, and the ratio against the ``natosite build`` process: each
  natosite build is followed by a MkDocs build (``--pairs``), the median ratio is shown.
Goals: cold 1,000 >= 5x faster than MkDocs; warm rebuild after one edit <= 100 ms at 1,000.
Times are wall clock on whatever else the machine is doing: compare within one run.
"""

from __future__ import annotations

import argparse
import compileall
import os
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
    path.write_text(_gen.tracker_edit(path.read_text(encoding="utf-8"), i), encoding="utf-8")


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


def mkdocs_project(ws: Path, tmp: Path) -> Path | None:
    """The MkDocs project of the same postings, or None when MkDocs is not installed."""
    return _gen.write_mkdocs(tmp / "mkdocs", ws) if (BIN / "mkdocs").exists() else None


def mkdocs_build(project: Path, site: Path) -> tuple[float, float]:
    return run_timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(site)], cwd=project, stderr=subprocess.DEVNULL)


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
        # Pairs, one after the other: a `natosite build` of a fresh copy of the workspace (no
        # site, no cache), then `mkdocs build` of the same postings into a fresh folder. The
        # ratio is taken within each pair and the median reported: this VM's speed drifts by
        # a third within minutes, so one run of each, minutes apart, can say x3.5 or x5.
        # Nothing is deleted before or between the pairs (on this VM the first few thousand
        # files created after many were deleted cost ~0.6 ms each instead of ~0.05 ms).
        project = None if args.no_mkdocs or n > args.mkdocs_max else mkdocs_project(ws, tmp)
        settled = _gen.settle_disk(tmp)  # the builds above deleted old sites: see settle_disk
        pairs = args.pairs if args.pairs is not None else (3 if n <= 1000 else 1)
        procs_runs, mk_runs = [], []
        for i in range(pairs):
            procs_runs.append(cli_build(ws_copy(ws, tmp / f"process-{i}"), env))
            if project is not None:
                mk_runs.append(mkdocs_build(project, tmp / f"mkdocs-site-{i}"))
        edit_body(sorted((tmp / "process-0" / "postings").glob("*.md"))[1], 999)
        warm_proc, _ = cli_build(tmp / "process-0", env)
        cold_proc, cold_cpu = min(procs_runs)
        print(f"\n{n:,} postings ({sum(p.stat().st_size for p in (ws / 'postings').glob('*.md')) / n / 1024:.1f} KB each)")
        procs = workers_for(n, None)
        print(f"  ({settled}, before the process builds)")
        print(f"  cold, in-process, {procs} process(es) (auto)    {ms(cold)}   (1 process: {ms(one).strip()}, x{one / cold:.2f})")
        print(f"  cold, `natosite build` process, no cache   {ms(cold_proc)}   CPU {cold_cpu:.1f} s   (best of {len(procs_runs)})")
        if mk_runs:
            goal = "  goal >= 5x at 1,000" if n == 1000 else ""
            ratios = [m[0] / p[0] for p, m in zip(procs_runs, mk_runs)]
            cpu_ratios = [m[1] / p[1] for p, m in zip(procs_runs, mk_runs)]
            shown = ", ".join(f"x{r:.1f}" for r in ratios)
            print(f"  MkDocs `mkdocs build`, same postings       {ms(min(m[0] for m in mk_runs))}   "
                  f"CPU {min(m[1] for m in mk_runs):.1f} s   (best of {len(mk_runs)})")
            print(f"    -> natosite is x{statistics.median(ratios):.1f} faster (wall, process vs process, median of "
                  f"{len(ratios)} pairs: {shown}; x{min(m[0] for m in mk_runs) / cold:.1f} in-process), "
                  f"x{statistics.median(cpu_ratios):.1f} less CPU{goal}")
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
    parser.add_argument("--pairs", type=int, default=None,
                        help="natosite/MkDocs cold build pairs (default 3 up to 1,000 postings, else 1)")
    args = parser.parse_args()
    # natosite's bytecode, as ./dev (and a non-editable pip install, as MkDocs has) makes it: else, with
    # PYTHONDONTWRITEBYTECODE set, each `natosite build` process would compile natosite's modules again.
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "src" / "natosite"), quiet=1)
    print(f"natosite build benchmark; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    for n in args.sizes:
        run(n, args)


if __name__ == "__main__":
    main()
