"""The dev server's HTTP side: a safe static handler over an in-memory site, plus live reload.

- GET and HEAD only (anything else: 405 with ``Allow``).
- Paths are resolved by ``resolve_path``: ``..``, ``.``, empty segments, encoded
  slashes or backslashes, NUL and control characters, absolute-form targets and
  ``//host`` targets all give 404. The site is a dict in memory, so no request can
  reach the file system anyway.
- HTML pages get the reload script injected when served (``inject_script``);
  ``natosite build`` output never contains it.
- ``/__natosite/events`` is a Server-Sent Events stream: ``reload`` when the site
  changed, ``problems`` (JSON) when the errors to show changed, a ping every second.
- When bound to loopback, requests must name a loopback ``Host`` (DNS rebinding guard).
"""

from __future__ import annotations

import html
import json
import posixpath
import socket
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from natosite.serve_client import RELOAD_JS

PREFIX = "/__natosite/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "reload.js"
PING_SECONDS = 1.0
WAIT_FOR_BUILD_SECONDS = 30.0
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json",
    ".ics": "text/calendar; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".map": "application/json",
}


def content_type(path: str) -> str:
    """The Content-Type for a site path, by extension; unknown types are downloads."""
    return CONTENT_TYPES.get(posixpath.splitext(path)[1].lower(), "application/octet-stream")


def resolve_path(target: str) -> str | None:
    """The site file a request target names (``index.html`` for folders), or None to answer 404."""
    if not target.startswith("/") or target.startswith("//"):
        return None
    path = target.split("?", 1)[0].split("#", 1)[0]
    lowered = path.lower()
    if "%2f" in lowered or "%5c" in lowered or "%00" in lowered:
        return None
    try:
        decoded = urllib.parse.unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 or c in "\\\x7f" for c in decoded):
        return None
    segments = decoded.split("/")[1:]
    for i, segment in enumerate(segments):
        if segment in (".", "..") or (segment == "" and i != len(segments) - 1):
            return None
    rel = "/".join(segments)
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel


def inject_script(page: bytes, version: int) -> bytes:
    """The page with the live-reload script added before its last ``</body>`` (or at the end)."""
    tag = f'<script src="{SCRIPT}?v={version}"></script>'.encode("ascii")
    at = page.lower().rfind(b"</body>")
    if at < 0:
        return page + tag
    return page[:at] + tag + page[at:]


def error_page(problems: list[dict[str, Any]], version: int) -> bytes:
    """Shown while there is no good site yet: every problem, escaped, and the reload script."""
    items = "".join(f"<li><code>{html.escape(p['where'])}</code>: {html.escape(p['message'])}</li>" for p in problems)
    page = (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head>"
        f"<body><h1>The site could not be built</h1><ul>{items}</ul>"
        "<p>Fix the file and save: this page reloads by itself.</p></body></html>"
    )
    return inject_script(page.encode("utf-8"), version)


class DevHTTPServer(ThreadingHTTPServer):
    """Threaded, daemon threads, IPv4 or IPv6; ``app`` is the ``serve.DevServer`` it serves."""

    daemon_threads = True
    allow_reuse_address = True  # rebinding right after a restart; a live listener still refuses

    def __init__(self, address: tuple[str, int], app: Any):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.app = app
        self.loopback_only = address[0] in ("127.0.0.1", "localhost", "::1") or address[0].startswith("127.")
        super().__init__(address, DevRequestHandler)


class DevRequestHandler(BaseHTTPRequestHandler):
    server: DevHTTPServer
    server_version = "natosite"
    sys_version = ""

    def version_string(self) -> str:
        return self.server_version

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):
            return self._not_allowed
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        self.server.app.log_request(format % args)

    def _not_allowed(self) -> None:
        self._send_simple(HTTPStatus.METHOD_NOT_ALLOWED, "Only GET and HEAD are allowed.", {"Allow": "GET, HEAD"})

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _host_ok(self) -> bool:
        if not self.server.loopback_only:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return host == "" or name in LOOPBACK_NAMES

    def _respond(self, body: bool) -> None:
        if not self._host_ok():
            self._send_simple(HTTPStatus.FORBIDDEN, "Unknown Host header (the dev server answers only to localhost).", {}, body)
            return
        target = self.path
        if target == EVENTS or target.startswith(EVENTS + "?"):
            self._events(target, body)
            return
        if target == SCRIPT or target.startswith(SCRIPT + "?"):
            self._send(HTTPStatus.OK, RELOAD_JS.encode("utf-8"), CONTENT_TYPES[".js"], body)
            return
        rel = resolve_path(target)
        if rel is None:
            self._send_simple(HTTPStatus.NOT_FOUND, "Not found.", {}, body)
            return
        files, version, problems = self.server.app.snapshot()
        data = files.get(rel)
        if data is None and not files and problems:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, error_page(problems, version), CONTENT_TYPES[".html"], body)
            return
        if data is None:
            if (rel + "/index.html") in files and not target.split("?", 1)[0].endswith("/"):
                self._send_simple(HTTPStatus.MOVED_PERMANENTLY, "Moved.", {"Location": target.split("?", 1)[0] + "/"}, body)
            else:
                self._send_simple(HTTPStatus.NOT_FOUND, f"Not found: /{rel}", {}, body)
            return
        kind = content_type(rel)
        if kind.startswith("text/html"):
            data = inject_script(data, version)
        self._send(HTTPStatus.OK, data, kind, body)

    def _send(self, status: HTTPStatus, data: bytes, kind: str, body: bool, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _send_simple(self, status: HTTPStatus, text: str, headers: dict[str, str], body: bool = True) -> None:
        page = f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status.value} {status.phrase}</title>"
        page += f"</head><body><h1>{status.value} {status.phrase}</h1><p>{html.escape(text)}</p></body></html>"
        self._send(status, page.encode("utf-8"), CONTENT_TYPES[".html"], body and self.command != "HEAD", headers)

    def _events(self, target: str, body: bool) -> None:
        """Server-Sent Events until the client goes away or the server stops."""
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query)
        try:
            seen = int(query.get("v", ["-1"])[0])
        except ValueError:
            seen = -1
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        if not body:
            return
        app = self.server.app
        shown: Any = None
        try:
            while True:
                version, problems, stopping = app.wait_for_news(seen, shown, PING_SECONDS)
                if stopping:
                    return
                if seen >= 0 and version != seen:
                    self._event("reload", json.dumps({"version": version}))
                    return  # the page reloads and opens a new stream
                seen = version
                if problems != shown:
                    self._event("problems", json.dumps({"version": version, "problems": problems}))
                    shown = problems
                else:
                    self.wfile.write(b": ping\n\n")
                    self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError, OSError):
            return

    def _event(self, name: str, data: str) -> None:
        self.wfile.write(f"event: {name}\ndata: {data}\n\n".encode("utf-8"))
        self.wfile.flush()
