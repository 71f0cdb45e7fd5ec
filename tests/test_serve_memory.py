"""Datasette memory (issue 20, item 10): no query takes a real `gazette serve` past ~500 MB. The server's peak
resident size (VmHWM, /proc) is read after each query: a 100 MB zeroblob, a 400 MB one, 1,000 rows of 5 MB and
a result just under the budget."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from archive import Archive

from .test_faults import free_port, start_gazette

LIMIT_KB = 500 * 1024
ROWS = "with recursive c(x) as (select 1 union all select x + 1 from c limit {n}) "


def peak_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def query(base: str, sql: str) -> tuple[int, dict]:
    url = f"{base}/gazette.json?sql={urllib.parse.quote(sql)}&_shape=objects"
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_no_query_takes_the_server_past_500_mb(tmp_path, mirrored_config, mirrors):
    db = tmp_path / "gazette.db"
    Archive(db).close()
    config = mirrored_config({"mfa": mirrors("mfa")})
    port = free_port()
    server = start_gazette("serve", "--port", str(port), db=db, config=config)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=5).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "gazette serve did not start"
                time.sleep(0.2)
        cases = [
            ("select zeroblob(100000000) as b", "too big"),
            ("select length(zeroblob(400000000)) as n", "too big"),
            (ROWS.format(n=1000) + "select zeroblob(5000000) as b from c", "larger than"),
            (ROWS.format(n=1000) + "select printf('%.*c', 5000000, 'x') as t from c", "larger than"),
        ]
        for sql, error in cases:
            status, body = query(base, sql)
            assert status == 400 and error in body.get("error", ""), (sql, status, str(body)[:300])
            assert peak_kb(server.pid) < LIMIT_KB, (sql, peak_kb(server.pid))
        # what fits is answered: 8 rows of 5 MB (40 MB, under the 48 MB budget)
        status, body = query(base, ROWS.format(n=8) + "select printf('%.*c', 5000000, 'x') as t from c")
        assert status == 200 and len(body["rows"]) == 8 and len(body["rows"][0]["t"]) == 5_000_000
        assert peak_kb(server.pid) < LIMIT_KB, peak_kb(server.pid)
        status, body = query(base, "select count(*) as n from articles")
        assert status == 200 and body["rows"] == [{"n": 0}]
    finally:
        server.terminate()
        server.communicate(timeout=30)
