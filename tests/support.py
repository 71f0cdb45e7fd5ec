"""Test support: fixture paths, running `gazette` as a process; the loopback mirrors and the config pointed at
them come from crawler/demo/ (shared with bench/ and `gazette demo`)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from gazette_data import recorded_pages as expected_pages  # noqa: F401 (tests use it)
from crawler.demo.sites import mirror_site, read_config, site_mirror, write_config  # noqa: F401 (tests use them)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_CONFIG = ROOT / "config" / "sites.toml"


def project_config() -> dict:
    return read_config(PROJECT_CONFIG.parent)


def gazette(*args: str, db: Path, config: Path | None = None, timeout: float = 120,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m crawler ARGS` with this archive and config; capture its output."""
    environment = {**os.environ, "GAZETTE_DB": str(db), **(env or {})}
    if config is not None:
        environment["GAZETTE_CONFIG"] = str(config)
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=timeout)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def taken_down(mirror) -> socket.socket:
    """Close a mirror, keeping its port bound but not listening: a request to it is refused ("connection refused")
    for as long as the returned socket is open, and no server of another test can take the port meanwhile (a port
    just freed was once reused by another test's server, which answered 404). Close the socket after use."""
    port = mirror.server.server_address[1]
    mirror.close()
    held = socket.socket()
    held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the closed server's connections may be in TIME_WAIT
    held.bind(("127.0.0.1", port))
    return held
