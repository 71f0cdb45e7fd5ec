"""SIGINT/SIGTERM always stop a Gazette crawl within seconds, its run rows closed as `interrupted`.

Scrapy's own handling is graceful: the first signal stops scheduling and waits for the requests in flight,
which on a slow or hanging server lasts up to the download timeout (minutes). `start(process)` runs the
CrawlerProcess with Gazette's handlers instead: the first SIGINT/SIGTERM asks every crawler to stop gracefully
(pages already downloaded are archived, each run row closed by its pipeline), and if anything is still running
GRACE seconds later, or at a second signal, the rows still open are closed as `interrupted` with their counts
and the reactor is stopped: requests still in flight are abandoned (nothing of them was written).
"""
from __future__ import annotations

import logging
import signal
from typing import Any

from archive import Archive, runs

GRACE = 5.0  # seconds a stopping crawl may take to finish the requests in flight
log = logging.getLogger("gazette")


def start(process, db_path: str, started: list | None = None, grace: float = GRACE) -> None:
    """process.start(), stopping within `grace` seconds of SIGINT/SIGTERM; `started`: the runs (crawler/process.py
    `Run`) whose rows are closed as interrupted if still open then (the list grows while the process runs)."""
    from twisted.internet import reactor as installed

    reactor: Any = installed  # Twisted's reactor module object, typed by no single interface

    state = {"signals": 0, "forced": False}

    def force(why: str) -> None:
        if state["forced"] or not reactor.running:
            return
        state["forced"] = True
        close_open_runs(process, db_path, started or [], why)
        reactor.stop()

    def graceful(name: str) -> None:
        process.stop()
        reactor.callLater(grace, force, f"stopped by {name}: requests still in flight after {grace:g} s were abandoned")

    def on_signal(signum, _frame) -> None:
        state["signals"] += 1
        name = signal.Signals(signum).name
        if state["signals"] == 1:
            reactor.callFromThread(graceful, name)
        else:
            reactor.callFromThread(force, f"stopped by a second {name}: requests in flight were abandoned")

    def install() -> None:  # after Scrapy's own handlers (installed at reactor startup), replacing them
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, on_signal)

    reactor.callWhenRunning(lambda: reactor.callLater(0, install))
    process.start()


def close_open_runs(process, db_path: str, started: list, why: str) -> None:
    """Close the row of every run of the process that is still `running` as `interrupted`, with its crawler's
    counts so far."""
    from pipelines.items import run_counts

    crawlers = {crawler.settings.getint("GAZETTE_RUN_ID"): crawler for crawler in list(process.crawlers)}
    try:
        with Archive(db_path) as archive:
            for run in started:
                row = runs.run_row(archive, run.run_id)
                if row and row["status"] == "running":
                    crawler = crawlers.get(run.run_id)
                    spider = getattr(crawler, "spider", None)
                    errors = list(getattr(spider, "errors", [])) + [why]
                    counts = run_counts(crawler.stats) if crawler is not None else {}
                    runs.finish_run(archive, run.run_id, "interrupted", counts, errors)
    except Exception as exc:
        log.error("could not close the run rows (%s); the next run closes them as interrupted", exc)
