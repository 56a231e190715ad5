"""Dev-server benchmark: from a saved edit to the reload event reaching a connected client.

    .venv/bin/python bench/serve.py [SIZES...] [--edits N] [--no-mkdocs]

For each size (default 100 1000) it starts ``natosite serve --port 0`` as its own
process on a generated workspace, connects an SSE client like the injected page
script does, then saves ~30 edits (one posting body each; then a few tracker edits)
and records the time from the write to the ``reload`` event: p50 and p95.
Goals at 1,000 postings: p50 <= 150 ms, p95 <= 300 ms.
``mkdocs serve`` is measured the same way (its long-poll reload endpoint) when
installed, with fewer edits since it rebuilds everything each time; Hugo is not
installable here (no network beyond the package registries), so it is not measured.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _gen  # noqa: E402

BIN = Path(sys.executable).parent
TIMEOUT = 120.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def start_natosite(ws: Path) -> tuple[subprocess.Popen, str, int]:
    proc = subprocess.Popen([str(BIN / "natosite"), "-q", "-C", str(ws), "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://([\d.]+):(\d+)/", line)
    if not match:
        proc.kill()
        raise SystemExit(f"natosite serve did not start: {line!r}")
    return proc, match.group(1), int(match.group(2))


class SSE:
    """An event-stream client like the injected script: connect with the page's version, await 'reload'."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        conn.request("GET", "/")
        page = conn.getresponse().read()
        conn.close()
        self.version = int(re.search(rb"reload\.js\?v=(\d+)", page).group(1))
        self._open()

    def _open(self) -> None:
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        self.conn.request("GET", f"/__natosite/events?v={self.version}")
        self.resp = self.conn.getresponse()

    def wait_reload(self) -> float:
        """Block until a reload event; return the time it arrived; reconnect with the new version."""
        name = None
        while True:
            line = self.resp.fp.readline()
            if not line:
                raise SystemExit("event stream closed")
            text = line.decode().rstrip("\n")
            if text.startswith("event: "):
                name = text[7:]
            elif text.startswith("data: ") and name == "reload":
                arrived = time.perf_counter()
                self.version = json.loads(text[6:])["version"]
                self.conn.close()
                self._open()
                return arrived


def measure_natosite(ws: Path, edits: int, tracker_edits: int) -> tuple[list[float], list[float], float]:
    started = time.perf_counter()
    proc, host, port = start_natosite(ws)
    ready = time.perf_counter() - started
    try:
        client = SSE(host, port)
        postings = sorted((ws / "postings").glob("*.md"))
        body: list[float] = []
        for i in range(edits):
            path = postings[(i * 37) % len(postings)]
            text = path.read_text(encoding="utf-8") + f"\nSaved edit {i}.\n"
            time.sleep(0.25)  # a person types between saves
            t0 = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            body.append(client.wait_reload() - t0)
        tracker: list[float] = []
        for i in range(tracker_edits):
            path = ws / "tracker.yaml"
            text = _gen.tracker_edit(path.read_text(), i)
            time.sleep(0.25)
            t0 = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            tracker.append(client.wait_reload() - t0)
        return body, tracker, ready
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """Ctrl-C the server, as a person would; kill it if it has not stopped within 20 s."""
    proc.send_signal(2)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_mkdocs(ws: Path, tmp: Path, edits: int) -> list[float] | None:
    exe = BIN / "mkdocs"
    if not exe.exists():
        return None
    project = _gen.write_mkdocs(tmp / "mkdocs", ws)
    port = free_port()
    proc = subprocess.Popen([str(exe), "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
                            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        epoch = None
        while epoch is None:
            if time.monotonic() > deadline:
                return None
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
                conn.request("GET", "/livereload/0/0")
                epoch = int(conn.getresponse().read())
                conn.close()
            except (OSError, ValueError):
                time.sleep(0.5)
        docs = sorted((project / "docs").glob("2*.md"))
        times = []
        for i in range(edits):
            path = docs[(i * 37) % len(docs)]
            text = path.read_text(encoding="utf-8") + f"\nSaved edit {i}.\n"
            time.sleep(0.25)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT * 5)
            conn.request("GET", f"/livereload/{epoch}/1")  # long-poll: answers when the epoch moves
            time.sleep(0.05)  # the request is parked before the edit
            t0 = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            epoch = int(conn.getresponse().read())
            times.append(time.perf_counter() - t0)
            conn.close()
        return times
    finally:
        stop(proc)


def fmt(values: list[float]) -> str:
    return f"p50 {percentile(values, 0.5) * 1000:6.0f} ms   p95 {percentile(values, 0.95) * 1000:6.0f} ms   (n={len(values)})"


def run(n: int, args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f"natosite-serve-bench-{n}-", dir=_gen.bench_dir()))
    try:
        ws = tmp / "ws"
        _gen.generate(ws, n)
        body, tracker, ready = measure_natosite(ws, args.edits, args.tracker_edits)
        print(f"\n{n:,} postings (server up and first build done in {ready:.1f} s)")
        goal = "   goals p50 <= 150 ms, p95 <= 300 ms" if n == 1000 else ""
        print(f"  natosite serve, body edit -> reload     {fmt(body)}{goal}")
        print(f"  natosite serve, tracker edit -> reload  {fmt(tracker)}   (listing pages re-rendered)")
        if args.no_mkdocs:
            print("  mkdocs serve                            skipped (--no-mkdocs)")
        else:
            mk = measure_mkdocs(ws, tmp, args.mkdocs_edits)
            if mk is None:
                print("  mkdocs serve                            not measured (mkdocs not installed or did not start)")
            else:
                ratio = percentile(mk, 0.5) / percentile(body, 0.5)
                print(f"  mkdocs serve, edit -> reload            {fmt(mk)}   natosite p50 is x{ratio:.1f} faster")
        print("  hugo server                             not measured: Hugo is not installable here")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--tracker-edits", type=int, default=10)
    parser.add_argument("--mkdocs-edits", type=int, default=5)
    parser.add_argument("--no-mkdocs", action="store_true")
    args = parser.parse_args()
    os.environ.pop("SOURCE_DATE_EPOCH", None)  # the dev server runs on the clock
    print(f"natosite serve benchmark; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    for n in args.sizes:
        run(n, args)


if __name__ == "__main__":
    main()
