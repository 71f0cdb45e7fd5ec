"""Crawl health, read from `crawl_runs`: a run's summary, and per site the last run with its warnings.

`site_status` builds one dict per site (what `gazette status` prints); each warning comes from one small
check function in CHECKS, so a new warning is one more function. Other parts may add keys to the dict
(the scheduler adds the next run).
"""
from __future__ import annotations

from pathlib import Path

from . import runs
from . import learned
from .scheduling import site_schedule
from .runs import WALKED
from .store import Archive

COUNT_KEYS = tuple(str(c) for c in runs.COUNTS)
FAILED = ("failed", "timeout", "interrupted")
MANY_FAILURES_SHARE = 0.25   # failed pages above this share of the pages handled (and at least 3)
FELL_BACK_SHARE = 0.5        # "most articles fell back"
REPEATED_FAILURES = 2        # this many failed runs in a row


def run_summary(db_path, run_id: int) -> dict | None:
    """The run row as a summary dict (site, run_id, status, counts, errors)."""
    with Archive(db_path) as archive:
        row = runs.run_row(archive, run_id)
    if row is None:
        return None
    return {"site": row["site"], "run_id": row["id"], "status": row["status"],
            **{k: row.get(k) or 0 for k in COUNT_KEYS}, "errors": row["errors"]}


def site_status(archive: Archive, site: str) -> dict:
    """The site's last crawl (not one-off fetches) with counts, its article count and warnings."""
    crawls = runs.recent_crawls(archive, site)
    articles = archive.db.execute("select count(*) from articles where site = ?", [site]).fetchone()[0]
    status = {"site": site, "articles": articles, "last_run": None, "warnings": [], "imported": imported(archive, site)}
    if crawls:
        last = crawls[0]
        status["last_run"] = {"run_id": last["id"], "trigger": last["trigger"], "started": last["started"],
                              "finished": last["finished"], "status": last["status"],
                              **{k: last.get(k) or 0 for k in COUNT_KEYS}, "errors": last["errors"][:5]}
    for check in CHECKS:
        warning = check(crawls)
        if warning:
            status["warnings"].append(warning)
    return status


def imported(archive: Archive, site: str) -> dict | None:
    """The site's article captures that came from WARC files or web archives (`gazette import`, `backfill`): how
    many and the years they were captured in, or None (the counts kept in `capture_years`)."""
    n, first, last = archive.db.execute(
        "select coalesce(sum(past), 0), min(year) filter (where past > 0), max(year) filter (where past > 0) "
        "from capture_years where site = ?", [site]).fetchone()
    return {"captures": n, "from": first, "to": last} if n else None


def status_report(db_path, sites: list[str]) -> list[dict]:
    """site_status for each site; an archive that does not exist yet means: never crawled."""
    if not Path(db_path).is_file():
        return [{"site": s, "articles": 0, "last_run": None, "warnings": ["never crawled"], "imported": None,
                 "next_run": None, "scheduler": None, "learned_boilerplate": []} for s in sites]
    with Archive(db_path) as archive:
        return [{**site_status(archive, s), **site_schedule(archive, s),
                 "learned_boilerplate": learned.rows(archive, s)} for s in sites]


def human_bytes(n: int) -> str:
    """1234567 -> '1.2 MB' (decimal units, as HTTP tools count)."""
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


# -- checks: each takes the site's latest runs (newest first) and returns a warning or None -------------

def _never_crawled(runs):
    return None if runs else "never crawled"


def _last_failed(runs):
    if runs and runs[0]["status"] in FAILED:
        reason = next((e for e in runs[0]["errors"] if e != WALKED), "no reason recorded")
        return f"last run {runs[0]['status']}: {reason}"
    return None


def _repeated_failures(runs):
    count = 0
    for run in runs:
        if run["status"] not in FAILED:
            break
        count += 1
    return f"{count} failed runs in a row" if count >= REPEATED_FAILURES else None


def _no_articles(runs):
    if not runs or runs[0]["status"] in FAILED:
        return None
    if runs[0].get("listings") and not runs[0].get("links"):
        return "listings found no articles: the listing markup or the article URL pattern may have changed"
    empty = [e.split(" ")[1] for e in runs[0]["errors"] if e.startswith("listing ") and e.endswith("found no articles")]
    return f"listing found no articles: {', '.join(empty[:3])}" if empty else None


def _fell_back(runs):
    if not runs:
        return None
    last = runs[0]
    extracted = last["new"] + last["updated"] + last["unchanged"] + last["duplicate"]
    if extracted and last["fell_back"] > FELL_BACK_SHARE * extracted:
        return (f"most articles fell back ({last['fell_back']} of {extracted}) to the TRS or generic extractor: "
                "the site's selectors may no longer match")
    return None


def _many_failures(runs):
    if not runs:
        return None
    last = runs[0]
    handled = last["new"] + last["updated"] + last["unchanged"] + last["duplicate"] + last["failed"]
    if last["failed"] >= 3 and last["failed"] > MANY_FAILURES_SHARE * handled:
        return f"many failures: {last['failed']} of {handled} pages failed"
    return None


def _listing_selectors(runs):
    """The site spider's warning (crawler/spiders/site.py) that a listing's item selectors matched nothing."""
    if not runs:
        return None
    unfit = [e.split(" ")[1].rstrip(":") for e in runs[0]["errors"]
             if e.startswith("listing ") and "the listing selectors no longer fit" in e]
    if not unfit:
        return None
    return (f"the listing selectors no longer fit {len(unfit)} listing page(s) ({', '.join(unfit[:2])}"
            f"{', ...' if len(unfit) > 2 else ''}): articles were found by article_pattern; see gazette check")


def _bounded(runs):
    """The site spider's note that a start page had more listing pages than the crawl's bound."""
    if not runs:
        return None
    bounded = [e for e in runs[0]["errors"] if e.startswith("listing ") and ": stopped after " in e]
    return bounded[0] if bounded else None


def _restored(runs):
    if not runs or not runs[0].get("restored"):
        return None
    return (f"{runs[0]['restored']} paragraph(s) dropped by extraction for no named reason in the last crawl (put "
            "back; the run's warnings name the pages): the site's caption or boilerplate rules need a look")


CHECKS = [_never_crawled, _last_failed, _repeated_failures, _no_articles, _fell_back, _many_failures, _restored,
          _listing_selectors, _bounded]
