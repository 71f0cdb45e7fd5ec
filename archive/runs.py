"""The run log, table `crawl_runs`: the one module that writes it and reads it back.

One row per run of a crawler (a site's crawl, a one-off fetch, a revisit): who started it (`trigger`), when,
its status (running, ok, failed, timeout, interrupted), its counts (COUNTS) and its errors and warnings (a JSON
list). A crawl opens its row when its spider opens and closes it when it closes; a row left `running` by a
process that died is closed as `interrupted` at the next start; the scheduler closes or writes the row of a
child it had to stop or that never got that far.
"""
from __future__ import annotations

from typing import Any

import json
import os

from .outcomes import Outcome
from .store import Archive, pid_alive, utcnow

# Pages by outcome, the run's fetch count, and what a site crawl discovered (listing pages read, article
# links found on them, known links not requested again), and the bytes downloaded (headers and bodies).
COUNTS = ("requests", Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.DUPLICATE, Outcome.FAILED,
          Outcome.GONE, "fell_back", "listings", "links", "skipped", "removed", "restored", "bytes")
UNFINISHED = ("failed", "timeout", "interrupted")
# a note among a run's errors, no failure: a crawl after an unfinished one walks every listing page (it says so on
# its summary line, crawler/runner.py; never the reason a run failed)
WALKED = "walked every listing page: the last crawl did not finish"


def start_run(archive: Archive, site: str, trigger: str) -> int | None:
    """Open a run row (status `running`, this process's pid); return its id."""
    with archive.transaction():
        return archive.db.table("crawl_runs").insert({
            "site": site, "trigger": trigger, "started": utcnow(), "status": "running",
            **{str(c): 0 for c in COUNTS}, "errors": "[]", "pid": os.getpid(),
        }).last_pk


def finish_run(archive: Archive, run_id: int, status: str, counts: dict[str, Any], errors: list[str]) -> None:
    """Close a run row with its status, counts and errors."""
    with archive.transaction():
        archive.db.table("crawl_runs").update(run_id, {
            "finished": utcnow(), "status": status, **{str(c): int(counts.get(c, 0)) for c in COUNTS},
            "errors": json.dumps(errors, ensure_ascii=False),
        })


def close_interrupted_runs(archive: Archive) -> int:
    """Close the rows of runs whose process is gone (killed or crashed) as `interrupted`; return how many."""
    closed = 0
    for row in archive.db.query("select id, pid from crawl_runs where status = 'running'"):
        if row["pid"] and pid_alive(row["pid"]) and row["pid"] != os.getpid():
            continue
        with archive.transaction():
            archive.db.execute("update crawl_runs set status = 'interrupted', finished = ? where id = ?",
                               [utcnow(), row["id"]])
        closed += 1
    return closed


def close_run(archive: Archive, run: dict[str, Any], status: str, reason: str, *, force: bool = False) -> None:
    """Close a run row with this status, adding `reason` to its errors.

    A row still `running` is always closed; an already closed row changes status only with force=True
    (e.g. `interrupted` by the scheduler's SIGINT at the time limit becomes `timeout`)."""
    if run["status"] != "running" and not force:
        return
    errors = json.loads(run.get("errors") or "[]")
    errors.append(reason)
    with archive.transaction():
        archive.db.table("crawl_runs").update(run["id"], {
            "status": status, "finished": run.get("finished") or utcnow(),
            "errors": json.dumps(errors, ensure_ascii=False)})


def record_run(archive: Archive, site: str, trigger: str, started: str, status: str, reason: str,
               pid: int | None = None) -> int | None:
    """Write a closed run row for a crawl process that could not write its own (crashed before starting)."""
    with archive.transaction():
        return archive.db.table("crawl_runs").insert({
            "site": site, "trigger": trigger, "started": started, "finished": utcnow(), "status": status,
            **{str(c): 0 for c in COUNTS}, "errors": json.dumps([reason], ensure_ascii=False), "pid": pid,
        }).last_pk


# -- reads -----------------------------------------------------------------------------------------------

def run_row(archive: Archive, run_id: int) -> dict[str, Any] | None:
    """One run row, its errors decoded."""
    rows = list(archive.db.query("select * from crawl_runs where id = ?", [run_id]))
    return dict(rows[0], errors=json.loads(rows[0].get("errors") or "[]")) if rows else None


def recent_crawls(archive: Archive, site: str, limit: int = 20) -> list[dict[str, Any]]:
    """The site's latest crawl runs (not one-off fetches), newest first, errors decoded."""
    return [dict(r, errors=json.loads(r.get("errors") or "[]")) for r in archive.db.query(
        "select * from crawl_runs where site = ? and trigger != 'fetch' order by started desc, id desc limit ?",
        [site, limit])]


def runs_of_process(archive: Archive, pid: int, since: str) -> list[dict[str, Any]]:
    """The crawl_runs rows a process (by pid) opened at or after `since`."""
    return list(archive.db.query(
        "select * from crawl_runs where pid = ? and started >= ? order by id", [pid, since]))


def last_success(archive: Archive, site: str) -> str | None:
    """When the site's last successful crawl (not a one-off fetch) started, ISO 8601 UTC, or None."""
    row = archive.db.execute(
        "select max(started) from crawl_runs where site = ? and status = 'ok' and trigger != 'fetch'",
        [site]).fetchone()
    return row[0] if row else None


def last_crawl_unfinished(archive: Archive, site: str) -> bool:
    """The site's last finished crawl (not a fetch) was interrupted, failed or timed out."""
    row = archive.db.execute(
        "select status from crawl_runs where site = ? and trigger != 'fetch' and status != 'running' "
        "order by id desc limit 1", [site]).fetchone()
    return bool(row) and row[0] in UNFINISHED
