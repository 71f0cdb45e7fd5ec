"""The scheduler's state in the archive (`schedule_state`): each site's planned next run and last outcome,
for `gazette status`. (The run rows of its crawl processes are archive/runs.py's.)
"""
from __future__ import annotations

from typing import Any

from .store import Archive, pid_alive, utcnow


def set_state(archive: Archive, site: str, **values: Any) -> None:
    """Upsert the site's row in schedule_state (next_run, last_started, last_outcome, scheduler_pid, ...)."""
    with archive.transaction():
        archive.db.table("schedule_state").upsert({"site": site, **values, "updated": utcnow()}, pk="site")


def states(archive: Archive) -> dict[str, dict[str, Any]]:
    if not archive.db.table("schedule_state").exists():
        return {}
    return {row["site"]: row for row in archive.db.query("select * from schedule_state")}


def site_schedule(archive: Archive, site: str) -> dict[str, Any]:
    """For `gazette status`: {"next_run": ISO time or None, "scheduler": "running" | "stopped" | None}.

    `scheduler` is None for a site the scheduler never planned; next_run is only given while it runs."""
    state = states(archive).get(site)
    if state is None:
        return {"next_run": None, "scheduler": None}
    running = bool(state["scheduler_pid"]) and pid_alive(state["scheduler_pid"])
    return {"next_run": state["next_run"] if running else None, "scheduler": "running" if running else "stopped"}
