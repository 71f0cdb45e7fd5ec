"""Bounded memory on big inputs: `gazette fetch` as a real process against a loopback server, its peak memory read
from the kernel (the child's VmHWM). A page over the size limit is refused before it is parsed; a robots.txt is parsed only
up to its first 512 KiB (RFC 9309's parsing limit)."""
from __future__ import annotations

import os
import subprocess
import sys

from crawler.demo.mirror import Mirror
from crawler.demo.sites import write_config

from .support import ROOT, json_lines

PEAK_MB = 150
PARAGRAPH = ("<p>The delegation visited the province and met the governor to discuss trade {n} and friendship, "
             "culture, education and tourism between the two cities.</p>\n")


def page(megabytes: float) -> bytes:
    count = int(megabytes * 1e6) // len(PARAGRAPH)
    return ("<html><head><title>A very long page</title></head><body><div><h1>A very long page</h1>"
            + "".join(PARAGRAPH.format(n=n) for n in range(count)) + "</div></body></html>").encode()


def fetch(tmp_path, *urls) -> tuple[list[dict], float]:
    """`gazette fetch --json URLS` in a child process: its results and its peak RSS in MB."""
    config = write_config(tmp_path / "config", {})
    env = {**os.environ, "GAZETTE_DB": str(tmp_path / "gazette.db"), "GAZETTE_CONFIG": str(config)}
    peak = tmp_path / "peak-kb"
    proc = subprocess.run([sys.executable, "-c", PEAK_PROBE, str(peak), "fetch", "--json", *urls], cwd=ROOT,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return json_lines(proc.stdout.decode()), int(peak.read_text()) / 1024


# The child reports its own high-water mark (VmHWM of its memory after exec). The kernel's ru_maxrss of a child
# also counts the parent's memory the child shared before exec (vfork), i.e. the test process's own peak, which
# grows over a full test run: 192 MB was once "measured" that way for a fetch that stays near 100 MB.
PEAK_PROBE = """
import atexit, runpy, sys
peak_file = sys.argv[1]
sys.argv = ["gazette"] + sys.argv[2:]
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            open(peak_file, "w").write(line.split()[1])
atexit.register(report)
runpy.run_module("crawler", run_name="__main__", alter_sys=True)
"""


def test_a_9_mb_page_is_refused_before_it_is_parsed(tmp_path):
    mirror = Mirror()
    try:
        mirror.set("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        mirror.set("/big.html", page(9))
        mirror.set("/small.html", page(0.01))
        results, peak = fetch(tmp_path, mirror.url + "/big.html", mirror.url + "/small.html")
        assert [r["status"] for r in results] == ["failed", "new"]
        assert "too large" in results[0]["error"]
        assert peak <= PEAK_MB, f"peak RSS {peak:.0f} MB"
    finally:
        mirror.close()


def test_a_big_robots_txt_is_read_up_to_its_parsing_limit(tmp_path):
    mirror = Mirror()
    filler = b"".join(b"# line %d of a very long robots.txt\n" % n for n in range(260_000))
    try:
        # 3.9 MB (under the page limit): the rule near the top applies, the one after 512 KiB is never parsed
        mirror.set("/robots.txt", b"User-agent: *\nDisallow: /private/\n" + filler[:3_900_000]
                   + b"Disallow: /late.html\n", content_type="text/plain")
        mirror.set("/private/a.html", page(0.01))
        mirror.set("/late.html", page(0.01))
        results, peak = fetch(tmp_path, mirror.url + "/private/a.html", mirror.url + "/late.html")
        assert [r["status"] for r in results] == ["failed", "new"]
        assert "robots.txt" in results[0]["error"]
        assert peak <= PEAK_MB, f"peak RSS {peak:.0f} MB"
        # 9 MB: over the size limit, refused before it is parsed (Scrapy then treats the site as having none)
        mirror.set("/robots.txt", b"User-agent: *\nDisallow: /private/\n" + filler + filler[:1_000_000],
                   content_type="text/plain")
        results, peak = fetch(tmp_path / "again", mirror.url + "/late.html")
        assert [r["status"] for r in results] == ["new"]
        assert peak <= PEAK_MB, f"peak RSS {peak:.0f} MB"
    finally:
        mirror.close()
