"""Test support for imports and backfills: WARCs written with warcio from pages served over loopback, a real pywb
collection (`wb-manager`, `wayback`) started from its own virtual environment, and a forwarding proxy that plays
an archive answering 429 before it answers.

pywb pins old dependencies, so it lives in its own venv: GAZETTE_PYWB_VENV, else `.venv-pywb` in the repository
(`.ci/run` makes it). Tests that need it skip, saying so, when it is absent.
"""
from __future__ import annotations

import io
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent


def pywb_venv() -> Path | None:
    """The venv holding pywb's `wayback` and `wb-manager` (and py-wacz's `wacz`), or None."""
    venv = Path(os.environ.get("GAZETTE_PYWB_VENV") or ROOT / ".venv-pywb")
    return venv if (venv / "bin" / "wayback").is_file() else None


def get(url: str) -> tuple[int, list[tuple[str, str]], bytes]:
    """A page as a server sends it: status, headers, body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, list(answer.headers.items()), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, list(error.headers.items()), error.read()


def response_record(writer: WARCWriter, url: str, date: str, body: bytes, status: int = 200,
                    headers: list[tuple[str, str]] | None = None):
    headers = [(k, v) for k, v in (headers or [("Content-Type", "text/html; charset=utf-8")])
               if k.lower() not in ("content-length", "transfer-encoding", "content-encoding")]
    http = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Found' if status == 302 else 'Status'}",
                            headers + [("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=http, warc_headers_dict={"WARC-Date": date})


def write_warc(path: Path, records: list[dict], gzip: bool = True) -> Path:
    """A WARC of response records: each dict has url, date, body and optionally status and headers; a dict
    with `revisit_of` (the record dict it repeats) becomes a revisit record."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        written = {}
        for item in records:
            if "revisit_of" in item:
                original = written[id(item["revisit_of"])]
                record = writer.create_revisit_record(
                    item["url"], original.rec_headers.get_header("WARC-Payload-Digest"), item["revisit_of"]["url"],
                    original.rec_headers.get_header("WARC-Date"),
                    http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                                  protocol="HTTP/1.1"),
                    warc_headers_dict={"WARC-Date": item["date"]})
            else:
                record = response_record(writer, item["url"], item["date"], item["body"], item.get("status", 200),
                                         item.get("headers"))
            writer.write_record(record)
            written[id(item)] = record
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Pywb:
    """A pywb collection `coll` in `workdir` holding these WARCs, served by `wayback` on a loopback port."""

    def __init__(self, venv: Path, workdir: Path, warcs: list[Path]):
        self.venv, self.workdir = venv, workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self._run("wb-manager", "init", "coll")
        self._run("wb-manager", "add", "coll", *map(str, warcs))
        self.port = free_port()
        self.log = open(workdir / "wayback.log", "wb")  # noqa: SIM115 (open while the server runs; close() closes it)
        self.process = subprocess.Popen([str(venv / "bin" / "wayback"), "-p", str(self.port), "-b", "127.0.0.1"],
                                        cwd=workdir, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}/coll/"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(self.url + "cdx?url=example.com")[0] in (200, 404):
                    return
            except OSError:
                time.sleep(0.3)
        self.close()
        raise RuntimeError(f"wayback did not start: {(workdir / 'wayback.log').read_text()[-2000:]}")

    def _run(self, *command: str) -> None:
        subprocess.run([str(self.venv / "bin" / command[0]), *command[1:]], cwd=self.workdir, check=True,
                       capture_output=True, timeout=120)

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class FaultProxy:
    """Forwards every GET to `upstream` (keeping the Host header), logging paths; the first `too_many` requests
    whose path contains `fault_path` get 429 with Retry-After instead."""

    def __init__(self, upstream: str, fault_path: str = "/cdx", too_many: int = 1, retry_after: str = "1"):
        self.upstream = upstream.rstrip("/")
        self.fault_path, self.too_many, self.retry_after = fault_path, too_many, retry_after
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                with proxy.lock:
                    proxy.requests.append(self.path)
                    refuse = proxy.fault_path in self.path and proxy.too_many > 0
                    if refuse:
                        proxy.too_many -= 1
                if refuse:
                    self._send(429, [("Retry-After", proxy.retry_after), ("Content-Type", "text/plain")],
                               b"Too Many Requests")
                    return
                request = urllib.request.Request(proxy.upstream + self.path, headers={"Host": self.headers["Host"]})
                opener = urllib.request.build_opener(_KeepRedirects)
                try:
                    with opener.open(request, timeout=30) as answer:
                        self._send(answer.status, list(answer.headers.items()), answer.read())
                except urllib.error.HTTPError as error:
                    self._send(error.code, list(error.headers.items()), error.read())

            def _send(self, status, headers, body):
                self.send_response(status)
                for key, value in headers:
                    if key.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
