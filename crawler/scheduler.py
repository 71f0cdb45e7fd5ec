"""`gazette schedule`: APScheduler in the foreground, one job per scheduled site, each crawl its own process.

Each run is the same `python -m crawler crawl SITE` a user types (which takes the site's lock, so manual and
scheduled crawls never overlap). The scheduler watches the child: at the site's `politeness.time_limit` it
sends SIGINT (Scrapy's graceful shutdown), and SIGKILL if the child is still there `kill_after` seconds later.
Whatever happened, the child's `crawl_runs` row ends closed with a status and a reason; a child that died
before writing one gets one written for it. On start, a site whose first scheduled time after its last
successful crawl has passed runs once now (missed runs coalesced). SIGINT/SIGTERM stop taking new jobs, give
running crawls `grace` seconds, then stop them the same way (a second signal stops them at once).

Everything is logged to stderr and to a size-capped rotating file beside the archive (logs/gazette.log).
"""
from __future__ import annotations

import collections
import datetime as dt
import logging
import logging.handlers
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED, EVENT_JOB_SUBMITTED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from archive import runs, scheduling
from archive.store import Archive, utcnow

from . import locks
from .config import Config, Site

LOG_MAX_BYTES = 2 * 1024 * 1024   # one log file; with LOG_BACKUPS old ones the logs never pass 12 MB
LOG_BACKUPS = 5
CHILD_LINES_LOGGED = 100          # per crawl, of the child's stderr (the rest is counted, not logged)
MISFIRE_GRACE = 3600              # a run that could not start on time still starts within this many seconds
TRIGGER = "schedule"              # crawl_runs.trigger of scheduled crawls
SCHEDULER_LOCK = "_scheduler"     # lock name of the scheduler itself (site keys start with a letter)

log = logging.getLogger("gazette.schedule")


@dataclass
class Plan:
    """How one site is scheduled: the APScheduler trigger, a description, and the period if it is an interval."""
    site: Site
    trigger: Any  # an APScheduler trigger (APScheduler ships no types)
    text: str
    period: dt.timedelta | None = None

    def due(self, last_success: dt.datetime | None, now: dt.datetime) -> bool:
        """True if a scheduled time has passed since the last successful crawl (or there never was one)."""
        if last_success is None:
            return True
        if self.period is not None:
            return last_success + self.period <= now
        following = self.trigger.get_next_fire_time(None, last_success + dt.timedelta(seconds=1))
        return following is not None and following <= now


def plan(site: Site, default_timezone: str) -> Plan | None:
    """The site's schedule as a Plan, or None if it has none. Cron fields are passed one by one (never
    from_crontab, whose day-of-week numbers differ from cron's); config validation refuses numeric week days."""
    schedule = site.schedule
    tz = ZoneInfo(schedule.get("timezone") or default_timezone)
    jitter = schedule.get("jitter_seconds")
    if "cron" in schedule:
        minute, hour, day, month, day_of_week = schedule["cron"].split()
        trigger = CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week,
                              timezone=tz, jitter=jitter)
        return Plan(site, trigger, f"cron '{schedule['cron']}' {tz.key}")
    seconds = schedule.get("interval_seconds") or 60 * schedule.get("interval_minutes", 0)
    if seconds:
        return Plan(site, IntervalTrigger(seconds=seconds, timezone=tz, jitter=jitter),
                    f"every {seconds:g} s", period=dt.timedelta(seconds=seconds))
    return None


def setup_logging(log_file: Path) -> None:
    """stderr and a rotating file (LOG_MAX_BYTES x (1 + LOG_BACKUPS) at most) for ours and APScheduler's errors."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr),
                logging.handlers.RotatingFileHandler(log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                                     encoding="utf-8")]
    for handler in handlers:
        handler.setFormatter(formatter)
    # APScheduler's own warnings (skipped instance, misfire) are logged in our words by Scheduler._on_event.
    for name, level in (("gazette", logging.INFO), ("apscheduler", logging.ERROR)):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.propagate = False
        for handler in handlers:
            logger.addHandler(handler)


class Scheduler:
    def __init__(self, config: Config, db_path: str, *, grace: float = 60, kill_after: float = 30,
                 log_file: str | None = None):
        self.config = config
        self.db_path = str(Path(db_path).resolve())
        self.grace = grace
        self.kill_after = kill_after
        self.log_file = Path(log_file) if log_file else Path(self.db_path).parent / "logs" / "gazette.log"
        self.stopping = threading.Event()
        self.stop_deadline: float | None = None   # monotonic time after which running crawls get SIGINT
        self.signals = 0
        self.running: dict[str, subprocess.Popen | None] = {}
        self.running_lock = threading.Lock()
        self.plans: dict[str, Plan] = {}
        self.scheduler: BackgroundScheduler | None = None

    # -- the foreground loop ------------------------------------------------------------------------

    def run(self) -> int:
        setup_logging(self.log_file)
        try:
            own_lock = locks.SiteLock(self.db_path, SCHEDULER_LOCK).acquire()
        except locks.LockHeld as exc:
            log.error("another scheduler runs on this archive: %s", str(exc).replace(f"'{SCHEDULER_LOCK}'", "the scheduler"))
            return 1
        try:
            return self._run()
        finally:
            own_lock.release()

    def _run(self) -> int:
        default_tz = self.config.defaults.get("timezone") or "Asia/Shanghai"
        for site in self.config.sites.values():
            p = plan(site, default_tz)
            if p is None:
                log.info("%s: no schedule in config, not scheduled", site.key)
            else:
                self.plans[site.key] = p
        if not self.plans:
            log.error("no site in %s has a schedule; nothing to do", self.config.path)
            return 2
        with Archive(self.db_path) as archive:
            closed = runs.close_interrupted_runs(archive)
            if closed:
                log.warning("closed %d run row(s) left open by crawls that are gone", closed)
            last = {key: runs.last_success(archive, key) for key in self.plans}
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=len(self.plans))},
            job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": MISFIRE_GRACE},
            timezone=ZoneInfo(default_tz))
        self.scheduler.add_listener(self._on_event, EVENT_JOB_SUBMITTED | EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES)
        now = dt.datetime.now(dt.timezone.utc)
        for key, p in self.plans.items():
            found = last[key]
            last_ok = dt.datetime.fromisoformat(found.replace("Z", "+00:00")) if found else None
            extra = {}
            if p.due(last_ok, now):
                extra["next_run_time"] = now
                why = f"last successful crawl {last[key]}" if last_ok else "never crawled successfully"
                log.info("%s: catch-up run now (%s; %s)", key, why, p.text)
            self.scheduler.add_job(self.run_site, p.trigger, args=[key], id=key, name=f"crawl {key}",
                                   max_instances=1, coalesce=True, misfire_grace_time=MISFIRE_GRACE, **extra)
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self._on_signal)
        self.scheduler.start()
        for key, p in self.plans.items():
            job = self.scheduler.get_job(key)
            log.info("%s: scheduled %s; next run %s", key, p.text, _iso(job.next_run_time) if job else "-")
            self._save_state(key, schedule=p.text, scheduler_pid=os.getpid(),
                             next_run=_iso(job.next_run_time) if job else None)
        log.info("scheduler started (pid %d, archive %s, log %s)", os.getpid(), self.db_path, self.log_file)
        while not self.stopping.wait(0.5):
            pass
        log.info("stop requested (signal): no new crawls; running crawls get %g s to finish", self.grace)
        self.scheduler.shutdown(wait=False)
        seen_signals = self.signals
        while self._active():
            if self.signals != seen_signals:
                seen_signals = self.signals
                log.info("signal again: stopping running crawls now")
            time.sleep(0.2)
        with Archive(self.db_path) as archive:
            runs.close_interrupted_runs(archive)
        for key in self.plans:
            self._save_state(key, scheduler_pid=None, next_run=None)
        log.info("scheduler stopped")
        return 0

    def _on_signal(self, signum, frame) -> None:
        # Only flags here: logging from a signal handler could deadlock on the logging lock.
        self.signals += 1
        if self.signals == 1:
            self.stop_deadline = time.monotonic() + self.grace
            self.stopping.set()
        else:
            self.stop_deadline = time.monotonic()

    def _on_event(self, event) -> None:
        job = self.scheduler.get_job(event.job_id) if self.scheduler else None
        if event.code == EVENT_JOB_MAX_INSTANCES:
            log.warning("%s: previous scheduled crawl still running, this run skipped", event.job_id)
        elif event.code == EVENT_JOB_MISSED:
            log.warning("%s: run of %s missed by more than %d s, skipped", event.job_id,
                        _iso(event.scheduled_run_time), MISFIRE_GRACE)
        if job is not None:
            self._save_state(event.job_id, next_run=_iso(job.next_run_time))

    def _active(self) -> bool:
        with self.running_lock:
            return bool(self.running)

    # -- one crawl ----------------------------------------------------------------------------------

    def run_site(self, key: str) -> None:
        """The job: one crawl of the site as a child process, watched to its end; never raises."""
        with self.running_lock:
            if self.stopping.is_set() or key in self.running:
                return
            self.running[key] = None
        try:
            holder = locks.holder(self.db_path, key)
            if holder:
                log.warning("%s: skipped, a crawl of it is already running (%s)", key, holder)
                self._save_state(key, last_outcome=f"skipped: crawl already running ({holder})")
                return
            self._crawl(key)
        except Exception as exc:  # a bug here must not stop the other sites or the next run
            log.exception("%s: scheduler error while running the crawl: %s", key, exc)
        finally:
            with self.running_lock:
                self.running.pop(key, None)

    def command(self, key: str) -> list[str]:
        """The child process of one run: the same `gazette crawl SITE --revisit` a user runs, on this archive and
        config (the crawl is followed by a re-check of the site's articles due for a revisit)."""
        return [sys.executable, "-m", "crawler", "crawl", key, "--revisit", "--trigger", TRIGGER,
                "--db", str(Path(self.db_path).resolve()), "--config", str(self.config.directory.resolve())]

    def _crawl(self, key: str) -> None:
        site = self.plans[key].site
        limit = float(self.config.politeness(site).get("time_limit") or 0)
        command = self.command(key)
        started = utcnow()
        clock = time.monotonic()
        # Own session: a Ctrl-C at the terminal reaches the scheduler only, which then stops children itself.
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, start_new_session=True)
        with self.running_lock:
            self.running[key] = child
        log.info("%s: crawl started (pid %d, time limit %s)", key, child.pid, f"{limit:g} s" if limit else "none")
        self._save_state(key, last_started=started, last_finished=None, last_outcome="running")
        tail: collections.deque[str] = collections.deque(maxlen=8)
        reader = threading.Thread(target=self._read_stderr, args=(key, child, tail), daemon=True)
        reader.start()

        stopped_as: str | None = None   # set when we stop the child: "timeout" | "interrupted", and why
        reason = ""
        interrupted_at = None
        killed = False
        while True:
            try:
                code = child.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            if interrupted_at is None:
                if limit and now - clock >= limit:
                    stopped_as, reason = "timeout", f"stopped by the scheduler at its time limit of {limit:g} s"
                elif self.stop_deadline is not None and now >= self.stop_deadline:
                    stopped_as, reason = "interrupted", "stopped by the scheduler shutting down"
                if stopped_as:
                    log.warning("%s: %s: sending SIGINT to pid %d", key, reason, child.pid)
                    _signal(child, signal.SIGINT)
                    interrupted_at = now
            elif not killed and (now - interrupted_at >= self.kill_after or self.signals >= 3):
                log.error("%s: pid %d did not stop within %g s of SIGINT: SIGKILL", key, child.pid, self.kill_after)
                _signal(child, signal.SIGKILL)
                killed = True
                reason += f"; killed (SIGKILL) after it did not stop within {self.kill_after:g} s of SIGINT"
        reader.join(timeout=5)
        outcome = self._settle(key, child.pid, started, code, stopped_as, reason, list(tail))
        elapsed = time.monotonic() - clock
        log.info("%s: crawl ended after %.1f s: %s", key, elapsed, outcome)
        job = self.scheduler.get_job(key) if self.scheduler else None
        self._save_state(key, last_finished=utcnow(), last_outcome=outcome,
                         **({"next_run": _iso(job.next_run_time)} if job else {}))

    def _read_stderr(self, key: str, child: subprocess.Popen, tail) -> None:
        logged = skipped = 0
        assert child.stderr is not None  # started with stderr=PIPE
        for raw in child.stderr:
            line = raw.decode("utf-8", "replace").rstrip()
            if not line:
                continue
            tail.append(line)
            if logged < CHILD_LINES_LOGGED:
                log.info("%s | %s", key, line)
                logged += 1
            else:
                skipped += 1
        if skipped:
            log.info("%s | (%d more lines of the crawl's stderr not logged)", key, skipped)

    def _settle(self, key, pid, started, code, stopped_as, reason, tail) -> str:
        """Make sure the child's run rows are closed with a status and reason; return a one-line outcome."""
        last_words = " | ".join(tail[-3:])[-600:]
        with Archive(self.db_path) as archive:
            rows = runs.runs_of_process(archive, pid, started)
            if stopped_as:
                for run in rows:
                    if run["status"] in ("running", "interrupted"):  # not one that ended by itself meanwhile
                        runs.close_run(archive, run, stopped_as, reason, force=True)
                if not rows:
                    runs.record_run(archive, key, TRIGGER, started, stopped_as, reason, pid)
                return f"{stopped_as} ({reason})"
            if code != 0 and not rows and "already running" in last_words:
                return f"skipped: {last_words}"
            if code != 0:
                why = (f"crawl process killed by signal {-code}" if code < 0
                       else f"crawl process exited with status {code}") + (f": {last_words}" if last_words else "")
                open_runs = [r for r in rows if r["status"] == "running"]
                for run in open_runs:
                    runs.close_run(archive, run, "failed", why)
                if not rows:
                    runs.record_run(archive, key, TRIGGER, started, "failed", why, pid)
                    return f"failed ({why})"
                statuses = [("failed" if r in open_runs else r["status"]) for r in rows]
                return f"{'/'.join(statuses)} (exit status {code})"
            for run in rows:
                if run["status"] == "running":
                    runs.close_run(archive, run, "failed", "crawl process exited without closing its run row")
            rows = runs.runs_of_process(archive, pid, started)
            if not rows:
                return "exited 0 without a run row"
            run = rows[-1]
            return (f"{run['status']} (requests {run['requests']}, new {run['new']}, updated {run['updated']}, "
                    f"unchanged {run['unchanged']}, failed {run['failed']})")

    def _save_state(self, key: str, **values) -> None:
        try:
            with Archive(self.db_path) as archive:
                scheduling.set_state(archive, key, **values)
        except Exception as exc:  # the state table is for `status` only; never let it stop a crawl
            log.warning("%s: could not save schedule state: %s", key, exc)


def _signal(child: subprocess.Popen, sig: int) -> None:
    try:
        child.send_signal(sig)
    except ProcessLookupError:
        pass


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def run_schedule(config: Config, db_path: str, **options) -> int:
    return Scheduler(config, db_path, **options).run()
