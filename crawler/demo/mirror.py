"""A loopback HTTP mirror (tests, benchmarks, `gazette demo`): serves a recorded site tree at its real paths,
logs every request, and lets a test override any path (status, headers, body, delay) to play a changed, deleted or broken page.

Absolute links to the site's real hosts inside served pages are rewritten to the mirror's own address, so
a recorded page can keep its original links.

`Mirror(validators=...)` plays a server's conditional-request behaviour on 200 pages: None sends no validators
(the default); "etag" an ETag of the body and a Last-Modified of when that body was first served, honouring
If-None-Match/If-Modified-Since with 304; "weak" the same with weak ETags (W/"..."); "constant" one ETag for every
page, honoured (a broken server: only the archive's history tells it apart); "ignore" sends validators but always
answers 200.
"""
from __future__ import annotations

import email.utils
import hashlib
import mimetypes
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TYPES = {".html": "text/html", ".htm": "text/html", ".shtml": "text/html", ".xml": "application/xml",
         ".txt": "text/plain", ".json": "application/json"}


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    delay: float = 0.0


class Mirror:
    def __init__(self, root: str | Path | None = None, hosts: tuple[str, ...] = (), validators: str | None = None):
        self.root = Path(root) if root else None
        self.validators = validators
        self.first_served: dict[tuple[str, str], float] = {}  # (path, body digest) -> when first served
        self.not_modified = 0  # 304s answered
        self.hosts = hosts
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    @property
    def url(self) -> str:
        return f"http://{self.host}"

    def set(self, path: str, body: bytes | str = b"", status: int = 200, headers: dict | None = None,
            delay: float = 0.0, content_type: str | None = "text/html; charset=utf-8") -> None:
        """Serve `path` with this response from now on (instead of the recorded file)."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = dict(headers or {})
        if content_type and not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = content_type
        self.routes[path] = Route(status, body, headers, delay)

    def forget(self, path: str) -> None:
        self.routes.pop(path, None)

    def count(self, predicate=lambda path: True) -> int:
        with self.lock:
            return sum(1 for p in self.requests if predicate(p))

    def reset_log(self) -> None:
        with self.lock:
            self.requests.clear()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def file_for(self, path: str) -> Path | None:
        if self.root is None:
            return None
        relative = unquote(path).lstrip("/")
        candidate = (self.root / relative).resolve()
        if not str(candidate).startswith(str(self.root.resolve())):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        if candidate.name.endswith(".expected.json") or not candidate.is_file():
            return None
        return candidate

    def rewrite(self, body: bytes) -> bytes:
        for host in self.hosts:
            body = re.sub(rb"https?://" + re.escape(host.encode()) + rb"(?=[/\"'\s<]|$)", self.url.encode(), body)
        return body

    def conditional(self, path: str, route: Route, request_headers) -> Route:
        """The route with validators added, or a 304 when the request's validators match (see the module doc)."""
        digest = hashlib.sha1(route.body).hexdigest()[:16]
        with self.lock:
            if (path, digest) not in self.first_served:  # a changed body is always later than the one before
                before = max((t for (p, _), t in self.first_served.items() if p == path), default=0.0)
                self.first_served[(path, digest)] = max(float(int(time.time())), before + 1)
            served = self.first_served[(path, digest)]
        etag = {"constant": '"gazette-constant"', "weak": f'W/"{digest}"'}.get(self.validators or "", f'"{digest}"')
        modified = email.utils.formatdate(served, usegmt=True)
        headers = {**route.headers, "ETag": etag, "Last-Modified": modified}
        if self.validators != "ignore":
            match = request_headers.get("If-None-Match")
            since = email.utils.parsedate_to_datetime(request_headers["If-Modified-Since"]).timestamp() \
                if request_headers.get("If-Modified-Since") else None
            strip = lambda tag: tag.strip().removeprefix("W/")  # noqa: E731 - weak comparison
            if (match and strip(match) == strip(etag)) or (not match and since is not None and served <= since):
                with self.lock:
                    self.not_modified += 1
                return Route(304, b"", {"ETag": etag, "Last-Modified": modified})
        return Route(route.status, route.body, headers, route.delay)

    def _handler(self):
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = urlsplit(self.path).path
                full = self.path
                with mirror.lock:
                    mirror.requests.append(full)
                route = mirror.routes.get(full) or mirror.routes.get(path)
                if route is None:
                    file = mirror.file_for(path)
                    if file is None:
                        route = Route(404, b"<html><body><h1>404 Not Found</h1></body></html>",
                                      {"Content-Type": "text/html"})
                    else:
                        kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                        route = Route(200, mirror.rewrite(file.read_bytes()), {"Content-Type": kind})
                if route.delay:
                    time.sleep(route.delay)
                if mirror.validators and route.status == 200:
                    route = mirror.conditional(path, route, self.headers)
                try:
                    self.send_response(route.status)
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler
