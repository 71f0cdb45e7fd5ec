"""Crawl benchmark: `gazette crawl --full` against a bare Scrapy spider that only downloads the same pages.

A generated TRS-style site of N articles (crawler/demo/generated.py, 20 per listing page) is served on loopback.
Both run as child processes with politeness delays off and the same per-host concurrency; the figures are wall
time, the ratio of the two, and each child's peak memory (its own VmHWM). Then the request counts of
incremental recrawls: with nothing new, and after 10 new articles.

Run: python -m bench.crawl [--articles 2000]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_child(args: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, float, int, float]:
    """(wall seconds, peak RSS in MB, exit status, CPU seconds) of one child process. The peak is the child's own
    high-water mark (VmHWM in /proc, read every 20 ms until it exits); wait4's ru_maxrss would also count this
    process's memory, which the child shares between fork and exec."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    err = tempfile.TemporaryFile()  # a file, not a pipe: a child writing much to stderr never blocks
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    peak_kb = 0
    while proc.poll() is None:
        peak_kb = max(peak_kb, high_water_kb(proc.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child, reaped by poll(), is counted here now
    if proc.returncode:
        err.seek(0)
        print(err.read().decode(errors="replace")[-2000:], file=sys.stderr)
    err.close()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, peak_kb / 1024, proc.returncode, cpu


def high_water_kb(pid: int) -> int:
    """A running process's peak resident memory so far (VmHWM), in kB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    from crawler.demo.generated import LISTING, GeneratedSite
    from crawler.demo.mirror import Mirror

    work = Path(tempfile.mkdtemp(prefix="gazette-crawl-bench-"))
    mirror = Mirror()
    site = GeneratedSite(mirror, args.articles)
    config = site.config(work / "config", retry_times=2, download_timeout=30)
    db = work / "gazette.db"
    env = {**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(config)}
    from crawler import config as config_module
    polite = config_module.load(config).politeness(config_module.load(config).site("mfa"))
    print(f"{args.articles:,} generated articles on {mirror.url}; delays off, "
          f"{polite['concurrent_requests_per_domain']} request(s) at a time per host (the config's)")

    mirror.reset_log()
    bare = run_child([sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench" / "bare_spider.py"),
                      "-a", f"start={mirror.url}{LISTING}", "-s", "LOG_LEVEL=WARNING", "-s", "ROBOTSTXT_OBEY=True",
                      "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=8",
                      "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={polite['concurrent_requests_per_domain']}",
                      "-s", "TELNETCONSOLE_ENABLED=False"], env, cwd=work)  # outside the checkout: its scrapy.cfg
    # would make `scrapy runspider` load Gazette's project settings and spider loader (~25 MB more for the bare run)
    bare_requests = mirror.count()
    mirror.reset_log()
    full = run_child([sys.executable, "-m", "crawler", "crawl", "mfa", "--full"], env)
    full_requests = mirror.count()
    import sqlite3
    with sqlite3.connect(db) as conn:
        archived = conn.execute("select count(*) from articles").fetchone()[0]
    print(f"{'':<28} {'wall s':>8} {'CPU s':>8} {'pages/s':>8} {'peak MB':>8} {'requests':>9}")
    print(f"{'bare Scrapy (download only)':<28} {bare[0]:8.1f} {bare[3]:8.1f} {bare_requests / bare[0]:8.1f} "
          f"{bare[1]:8.0f} {bare_requests:9,}")
    print(f"{'gazette crawl --full':<28} {full[0]:8.1f} {full[3]:8.1f} {full_requests / full[0]:8.1f} "
          f"{full[1]:8.0f} {full_requests:9,}   ({archived:,} articles archived, exit {full[2]})")
    print(f"ratio gazette/bare: wall time x{full[0] / bare[0]:.2f}, peak memory x{full[1] / bare[1]:.2f} "
          f"(CPU time x{full[3] / bare[3]:.2f}); load average {os.getloadavg()[0]:.1f}")

    mirror.reset_log()
    run_child([sys.executable, "-m", "crawler", "crawl", "mfa"], env)
    nothing_new = mirror.count()
    site.add(10)
    mirror.reset_log()
    run_child([sys.executable, "-m", "crawler", "crawl", "mfa"], env)
    ten_new = mirror.count()
    print(f"incremental recrawl: {nothing_new} requests with nothing new, {ten_new} after 10 new articles "
          f"(a full walk is {full_requests:,})")
    mirror.close()
    return 0 if full[2] == 0 and archived == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
