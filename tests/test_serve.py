"""The dev server on a real loopback socket: reload events, error overlay, safety, churn.

No timed asserts: waits use generous timeouts only so a slow machine cannot fail them.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from natosite import build as build_mod
from natosite.commands.serve import is_loopback
from natosite.config import load_config
from natosite.serve import DevServer
from natosite.serve_http import content_type, inject_script, resolve_path
from natosite.serve_watch import is_ignored_name, is_relevant

WAIT = 30.0  # generous: only ever a limit for waiting, never an expectation


def posting(title: str, body: str = "Does things.") -> str:
    return (
        f"---\ntitle: {title}\norganisation: NATO IS\ngrade: G15\n"
        f"deadline: 2026-12-18T23:59:00+01:00\ntimezone: Europe/Brussels\n---\n\n{body}\n"
    )


@pytest.fixture
def workspace(write_tree) -> Path:
    return write_tree(
        {
            "postings/a-first.md": posting("First"),
            "postings/b-second.md": posting("Second"),
            "tracker.yaml": "a-first:\n  status: applied\n",
        }
    )


def start_server(root: Path, **options) -> DevServer:
    server = DevServer(load_config(root), "127.0.0.1", 0, **options)
    server.start()
    return server


@pytest.fixture
def server(workspace: Path) -> Iterator[DevServer]:
    srv = start_server(workspace, build_delay=0.05)
    yield srv
    srv.stop()


def test_first_build_reports_its_progress(workspace: Path) -> None:
    calls: list[tuple[int, int]] = []
    srv = DevServer(load_config(workspace), "127.0.0.1", 0)
    srv.start(progress=lambda done, total: calls.append((done, total)))
    try:
        assert calls and calls[-1] == (2, 2)
    finally:
        srv.stop()


def get(server: DevServer, target: str, method: str = "GET", headers: dict | None = None) -> tuple[int, dict, bytes]:
    host, port = server._httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=WAIT)
    conn.request(method, target, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def raw_request(server: DevServer, request_line: bytes) -> int:
    host, port = server._httpd.server_address[:2]
    with socket.create_connection((host, port), timeout=WAIT) as sock:
        sock.sendall(request_line + b"\r\nHost: 127.0.0.1\r\n\r\n")
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1])


class Events:
    """A Server-Sent Events client on its own thread; events land in a queue."""

    def __init__(self, server: DevServer, version: int):
        host, port = server._httpd.server_address[:2]
        self.conn = http.client.HTTPConnection(host, port, timeout=WAIT)
        self.conn.request("GET", f"/__natosite/events?v={version}")
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200
        assert self.resp.getheader("Content-Type", "").startswith("text/event-stream")
        self.queue: queue.Queue[tuple[str, dict]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name, data = None, ""
        try:
            for raw in self.resp.fp:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif line == "" and name:
                    self.queue.put((name, json.loads(data)))
                    name, data = None, ""
        except (OSError, ValueError):
            pass

    def next(self, wanted: str) -> dict:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                name, data = self.queue.get(timeout=0.5)
            except queue.Empty:
                continue
            if name == wanted:
                return data
        raise AssertionError(f"no {wanted!r} event within {WAIT} s")

    def close(self) -> None:
        self.conn.close()


def page_version(body: bytes) -> int:
    return int(re.search(rb"/__natosite/reload\.js\?v=(\d+)", body).group(1))


def wait_until(predicate, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


# -- pure parts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "/../etc/passwd",
        "/postings/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/index.html",
        "/..%2f..%2fetc%2fpasswd",
        "/postings%2F..%2Findex.html",
        "/..%5c..%5cwindows",
        "/postings/..\\index.html",
        "//etc/passwd",
        "/%00index.html",
        "/index.html%00.js",
        "/./index.html",
        "/a//b.html",
        "http://evil.example/index.html",
        "etc/passwd",
        "/%ff%fe",
    ],
)
def test_resolve_path_refuses_escapes(target: str) -> None:
    assert resolve_path(target) is None


@pytest.mark.parametrize(
    "target, rel",
    [
        ("/", "index.html"),
        ("/index.html?x=1#top", "index.html"),
        ("/postings/a-first.html", "postings/a-first.html"),
        ("/assets/", "assets/index.html"),
        ("/caf%C3%A9.html", "café.html"),
    ],
)
def test_resolve_path_maps_targets_to_site_files(target: str, rel: str) -> None:
    assert resolve_path(target) == rel


def test_content_types() -> None:
    assert content_type("deadlines.ics").startswith("text/calendar")
    assert content_type("index.html") == "text/html; charset=utf-8"
    assert content_type("assets/site.js").startswith("application/javascript")
    assert content_type("assets/site.css").startswith("text/css")
    assert content_type("x.unknown") == "application/octet-stream"


def test_inject_script_goes_before_the_last_body_end() -> None:
    page = b"<html><body><p>&lt;/body&gt;</p></body></html>"
    out = inject_script(page, 7)
    assert out.endswith(b'<script src="/__natosite/reload.js?v=7"></script></body></html>')
    assert inject_script(b"<p>no body</p>", 1).endswith(b"</script>")


@pytest.mark.parametrize("name", [".a.md.swp", "a.md~", ".#a.md", "#a.md#", "4913", "a.md.tmp", ".hidden", "a.swx"])
def test_editor_droppings_are_ignored(name: str) -> None:
    assert is_ignored_name(name)


def test_relevance_of_paths(tmp_path: Path) -> None:
    root = tmp_path
    assert is_relevant(root, str(root / "postings/a.md"))
    assert is_relevant(root, str(root / "tracker.yaml"))
    assert is_relevant(root, str(root / "natosite.yaml"))
    assert is_relevant(root, str(root / "templates/posting.html"))
    assert is_relevant(root, str(root / "templates/assets/site.css"))
    assert is_relevant(root, str(root / "postings"), is_directory=True)
    assert not is_relevant(root, str(root / "postings/a.md.swp"))
    assert not is_relevant(root, str(root / "postings/notes.txt"))
    assert not is_relevant(root, str(root / "site/index.html"))
    assert not is_relevant(root, str(root / ".git/index"))
    assert not is_relevant(root, str(root / ".natosite-cache/build.pickle"))
    assert not is_relevant(root, str(root / "README.md"))
    assert not is_relevant(root, str(tmp_path.parent / "elsewhere.md"))


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("::")


# -- the real server -------------------------------------------------------------------


def test_serves_pages_with_the_reload_script_and_right_types(server: DevServer) -> None:
    status, headers, body = get(server, "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert b"/__natosite/reload.js?v=" in body
    status, headers, body = get(server, "/deadlines.ics")
    assert status == 200 and headers["content-type"].startswith("text/calendar")
    assert b"natosite/reload" not in body
    status, headers, body = get(server, "/__natosite/reload.js")
    assert status == 200 and headers["content-type"].startswith("application/javascript")
    status, headers, body = get(server, "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"])
def test_only_get_and_head(server: DevServer, method: str) -> None:
    status, headers, _ = get(server, "/index.html", method=method)
    assert status == 405 and headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    "line",
    [
        b"GET /../../etc/passwd HTTP/1.1",
        b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1",
        b"GET /..%2f..%2fetc%2fpasswd HTTP/1.1",
        b"GET /postings/..%5c..%5cindex.html HTTP/1.1",
        b"GET //etc/passwd HTTP/1.1",
        b"GET /%00 HTTP/1.1",
        b"GET /etc/passwd HTTP/1.1",
        b"GET http://127.0.0.1/../x HTTP/1.1",
    ],
)
def test_traversal_attempts_get_404(server: DevServer, line: bytes) -> None:
    assert raw_request(server, line) == 404


def test_foreign_host_header_is_refused(server: DevServer) -> None:
    assert get(server, "/", headers={"Host": "evil.example"})[0] == 403
    assert get(server, "/", headers={"Host": "localhost:8000"})[0] == 200


def test_an_edit_reaches_a_connected_client_as_a_reload(server: DevServer, workspace: Path) -> None:
    _, _, body = get(server, "/postings/b-second.html")
    events = Events(server, page_version(body))
    try:
        assert events.next("problems")["problems"] == []
        (workspace / "postings/b-second.md").write_text(posting("Second", body="Freshly edited text."))
        events.next("reload")
    finally:
        events.close()
    _, _, body = get(server, "/postings/b-second.html")
    assert b"Freshly edited text." in body


def test_stale_page_gets_a_reload_at_once(server: DevServer, workspace: Path) -> None:
    """A change between page load and stream opening is not missed."""
    _, _, body = get(server, "/")
    old = page_version(body)
    (workspace / "postings/a-first.md").write_text(posting("First", body="Changed meanwhile."))
    wait_until(lambda: server.version != old, "the rebuild")
    events = Events(server, old)
    try:
        events.next("reload")
    finally:
        events.close()


def test_broken_tracker_shows_the_error_keeps_serving_and_recovers(server: DevServer, workspace: Path) -> None:
    _, _, good = get(server, "/index.html")
    events = Events(server, page_version(good))
    try:
        events.next("problems")
        (workspace / "tracker.yaml").write_text("a-first:\n  status: [applied\n")
        shown = events.next("problems")["problems"]
        assert shown and shown[0]["where"].startswith("tracker.yaml:")
        assert "bad YAML" in shown[0]["message"]
        status, _, body = get(server, "/index.html")
        assert status == 200 and body == good  # the last good site, same version
        (workspace / "tracker.yaml").write_text("a-first:\n  status: interview\n")
        events.next("reload")
    finally:
        events.close()
    status, _, body = get(server, "/postings/a-first.html")
    assert status == 200 and b"interview" in body.lower()
    assert server.outcomes[-1].ok


def test_broken_template_is_reported_with_file_and_line(server: DevServer, workspace: Path) -> None:
    _, _, good = get(server, "/")
    events = Events(server, page_version(good))
    try:
        events.next("problems")
        (workspace / "templates").mkdir()
        (workspace / "templates/posting.html").write_text("{% if %}\n")
        shown = events.next("problems")["problems"]
        assert shown[0]["where"] == "templates/posting.html:1"
        (workspace / "templates/posting.html").unlink()
        assert events.next("problems")["problems"] == []
    finally:
        events.close()


def test_a_request_after_a_change_waits_for_its_build(server: DevServer, workspace: Path) -> None:
    (workspace / "postings/a-first.md").write_text(posting("First", body="Seen by the very next request."))
    server.notify_change()  # as the watcher would; the request must not get the old site
    _, _, body = get(server, "/postings/a-first.html")
    assert b"Seen by the very next request." in body


def test_churn_gives_one_rebuild_and_misses_nothing(workspace: Path) -> None:
    srv = start_server(workspace, build_delay=0.5, max_delay=10.0)
    try:
        assert srv.wait_idle(WAIT)  # the check-up rebuild after start
        before = len(srv.outcomes)
        postings = workspace / "postings"
        tmp = postings / ".b-second.md.tmp"
        tmp.write_text(posting("Second", body="Saved by rename."))
        os.replace(tmp, postings / "b-second.md")  # editors that save by write-then-rename
        (postings / ".a-first.md.swp").write_bytes(b"swap")
        (postings / "a-first.md~").write_text("backup")
        (postings / "4913").write_text("")
        for i in range(40):  # a `git checkout` of many files
            (postings / f"c-{i:03d}.md").write_text(posting(f"Checked out {i}"))
        wait_until(lambda: "postings/c-039.html" in srv.snapshot()[0], "the rebuild")
        time.sleep(1.5)  # room for a (wrong) second rebuild to show up
        assert len(srv.outcomes) == before + 1
        files = srv.snapshot()[0]
        assert all(f"postings/c-{i:03d}.html" in files for i in range(40))
        assert b"Saved by rename." in files["postings/b-second.html"]
    finally:
        srv.stop()


def test_an_edit_during_a_build_gets_its_own_build(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srv = start_server(workspace, build_delay=0.05)
    started = threading.Event()
    release = threading.Event()
    real = build_mod.render_outputs

    def slow(*args, **kwargs):
        started.set()
        release.wait(WAIT)
        return real(*args, **kwargs)

    try:
        monkeypatch.setattr(build_mod, "render_outputs", slow)
        (workspace / "postings/a-first.md").write_text(posting("First", body="Edit one."))
        assert started.wait(WAIT)
        (workspace / "postings/a-first.md").write_text(posting("First", body="Edit two."))
        time.sleep(0.3)  # let the watcher see edit two while the build of edit one runs
        release.set()
        wait_until(lambda: b"Edit two." in srv.snapshot()[0].get("postings/a-first.html", b""), "edit two")
    finally:
        release.set()
        srv.stop()


def test_busy_port_moves_to_the_next_and_says_so(workspace: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    caplog.set_level(logging.WARNING, logger="natosite")
    srv = DevServer(load_config(workspace), "127.0.0.1", port)
    try:
        srv.start()
        assert srv._httpd.server_address[1] != port
        assert f"Port {port} is busy" in caplog.text
    finally:
        srv.stop()
        blocker.close()


def test_ctrl_c_stops_cleanly_without_traceback(workspace: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "natosite", "-C", str(workspace), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert re.match(r"Serving http://127\.0\.0\.1:\d+/", line), line
        url = line.split()[1]
        with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))), timeout=WAIT):
            pass
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Stopped." in out


def test_other_host_is_served_with_a_loud_warning(workspace: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "natosite", "-C", str(workspace), "serve", "--host", "0.0.0.0", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("Serving http://0.0.0.0:")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "WARNING: serving on 0.0.0.0, not on loopback" in err


def test_no_good_site_yet_shows_an_error_page_then_recovers(workspace: Path) -> None:
    (workspace / "tracker.yaml").write_text("a-first: [\n")
    srv = start_server(workspace, build_delay=0.05)
    try:
        status, headers, body = get(srv, "/")
        assert status == 503 and headers["content-type"] == "text/html; charset=utf-8"
        assert b"tracker.yaml:" in body and b"/__natosite/reload.js?v=" in body
        events = Events(srv, page_version(body))
        try:
            assert events.next("problems")["problems"][0]["where"].startswith("tracker.yaml:")
            (workspace / "tracker.yaml").write_text("a-first:\n  status: applied\n")
            events.next("reload")
        finally:
            events.close()
        assert get(srv, "/")[0] == 200
    finally:
        srv.stop()


def test_problem_text_is_escaped_on_the_error_page() -> None:
    from natosite.serve_http import error_page

    page = error_page([{"where": "tracker.yaml:2", "message": "unknown status '<script>alert(1)</script>'"}], 5)
    assert b"<script>alert" not in page
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_postings_folder_replaced_is_watched_again(server: DevServer, workspace: Path) -> None:
    """`git checkout` or a sync tool may replace the whole folder: edits inside the new one still count."""
    os.rename(workspace / "postings", workspace / "postings-old")
    (workspace / "postings").mkdir()
    (workspace / "postings/a-first.md").write_text(posting("First", body="In the new folder."))
    wait_until(lambda: b"In the new folder." in server.snapshot()[0].get("postings/a-first.html", b""), "the new folder")
    assert "postings/b-second.html" not in server.snapshot()[0]
    (workspace / "postings/a-first.md").write_text(posting("First", body="Edited in the new folder."))
    wait_until(lambda: b"Edited in the new folder." in server.snapshot()[0].get("postings/a-first.html", b""), "the edit")


def test_a_tracker_edit_alone_reuses_the_postings_and_one_with_a_posting_edit_reads_them(
    server: DevServer, workspace: Path
) -> None:
    assert server.wait_idle(WAIT)
    tracker = os.path.abspath(workspace / "tracker.yaml")
    assert server._postings_unchanged({tracker})
    assert not server._postings_unchanged({tracker, os.path.abspath(workspace / "postings/a-first.md")})
    assert not server._postings_unchanged({""}) and not server._postings_unchanged(set())
    # Both saved in one burst: one rebuild must show both (the posting is read, not taken from the cache).
    (workspace / "postings/b-second.md").write_text(posting("Second", body="Saved with the tracker."))
    (workspace / "tracker.yaml").write_text("a-first:\n  status: interview\nb-second:\n  status: offer\n")
    wait_until(lambda: b"Saved with the tracker." in get(server, "/postings/b-second.html")[2], "the posting edit")
    _, _, board = get(server, "/board.html")
    assert b'data-status="offer"' in board and b"interview" in board
    # Then the tracker alone: the page shows the new status, and the posting as last read.
    (workspace / "tracker.yaml").write_text("a-first:\n  status: rejected\nb-second:\n  status: offer\n")
    wait_until(lambda: b"rejected" in get(server, "/postings/a-first.html")[2], "the tracker edit")
    assert b"Saved with the tracker." in get(server, "/postings/b-second.html")[2]


def test_a_posting_edited_with_a_broken_tracker_shows_once_the_tracker_alone_is_fixed(
    server: DevServer, workspace: Path
) -> None:
    assert server.wait_idle(WAIT)
    # One burst: a posting edit and a tracker.yaml the build cannot use (it fails before reading postings).
    (workspace / "postings/b-second.md").write_text(posting("Second", body="Edited while the tracker was broken."))
    (workspace / "tracker.yaml").write_text("a-first: [\n")
    wait_until(lambda: server.outcomes and not server.outcomes[-1].ok, "the failed build")
    (workspace / "tracker.yaml").write_text("a-first:\n  status: applied\n")  # then only the tracker is saved
    wait_until(lambda: b"Edited while the tracker was broken." in get(server, "/postings/b-second.html")[2],
               "the posting edit to show")
