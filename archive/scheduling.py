"""The scheduler's reads and writes in the archive: run rows of crawl processes, and `schedule_state`.

`gazette schedule` runs each crawl as a child process that writes its own `crawl_runs` row; this module lets
the scheduler find that row by the child's pid, close it with a reason when the child was stopped or died,
write one when the child never got that far, and keep each site's next run time for `gazette status`.
"""
from __future__ import annotations

import json

from .store import Archive, pid_alive, utcnow


def runs_of_process(archive: Archive, pid: int, since: str) -> list[dict]:
    """The crawl_runs rows a process (by pid) opened at or after `since`."""
    return list(archive.db.query(
        "select * from crawl_runs where pid = ? and started >= ? order by id", [pid, since]))


def close_run(archive: Archive, run: dict, status: str, reason: str, *, force: bool = False) -> None:
    """Close a run row with this status, adding `reason` to its errors.

    A row still `running` is always closed; an already closed row changes status only with force=True
    (e.g. `interrupted` by the scheduler's SIGINT at the time limit becomes `timeout`)."""
    if run["status"] != "running" and not force:
        return
    errors = json.loads(run.get("errors") or "[]")
    errors.append(reason)
    with archive.transaction():
        archive.db["crawl_runs"].update(run["id"], {
            "status": status, "finished": run.get("finished") or utcnow(),
            "errors": json.dumps(errors, ensure_ascii=False)})


def record_run(archive: Archive, site: str, trigger: str, started: str, status: str, reason: str,
               pid: int | None = None) -> int:
    """Write a closed run row for a crawl process that could not write its own (crashed before starting)."""
    with archive.transaction():
        return archive.db["crawl_runs"].insert({
            "site": site, "trigger": trigger, "started": started, "finished": utcnow(), "status": status,
            "requests": 0, "new": 0, "updated": 0, "unchanged": 0, "duplicate": 0, "failed": 0, "gone": 0,
            "fell_back": 0, "errors": json.dumps([reason], ensure_ascii=False), "pid": pid,
        }).last_pk


def last_success(archive: Archive, site: str) -> str | None:
    """When the site's last successful crawl (not a one-off fetch) started, ISO 8601 UTC, or None."""
    row = archive.db.execute(
        "select max(started) from crawl_runs where site = ? and status = 'ok' and trigger != 'fetch'",
        [site]).fetchone()
    return row[0] if row else None


def set_state(archive: Archive, site: str, **values) -> None:
    """Upsert the site's row in schedule_state (next_run, last_started, last_outcome, scheduler_pid, ...)."""
    with archive.transaction():
        archive.db["schedule_state"].upsert({"site": site, **values, "updated": utcnow()}, pk="site")


def states(archive: Archive) -> dict[str, dict]:
    if not archive.db["schedule_state"].exists():
        return {}
    return {row["site"]: row for row in archive.db.query("select * from schedule_state")}


def site_schedule(archive: Archive, site: str) -> dict:
    """For `gazette status`: {"next_run": ISO time or None, "scheduler": "running" | "stopped" | None}.

    `scheduler` is None for a site the scheduler never planned; next_run is only given while it runs."""
    state = states(archive).get(site)
    if state is None:
        return {"next_run": None, "scheduler": None}
    running = bool(state["scheduler_pid"]) and pid_alive(state["scheduler_pid"])
    return {"next_run": state["next_run"] if running else None, "scheduler": "running" if running else "stopped"}
