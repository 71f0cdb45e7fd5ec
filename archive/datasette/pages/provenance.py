"""Where the archive's copies came from, for the research interface: per article, each capture with its source
(a live crawl, a WARC/WACZ file or Scrapy cache imported by `gazette import`, a web archive's capture with its
replay link, from `gazette backfill`) and the version it showed; on the home page, captures per source and year,
live and from the past apart. Reads `captures` and `capture_origins` (archive/origins.py)."""
from __future__ import annotations

from urllib.parse import urlsplit

STORED = "('new', 'updated', 'unchanged', 'duplicate')"
SHOWN = 50


def describe(kind: str | None, source: str | None) -> str:
    """A source in plain words: "live crawl", "WARC file colleague.warc.gz", "web archive web.archive.org"."""
    if not kind:
        return "live crawl"
    name = (source or "").split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    if kind == "web-archive":
        parts = urlsplit((source or "").split(" ")[0])
        where = "the Wayback Machine" if parts.netloc == "web.archive.org" else (parts.netloc + parts.path).rstrip("/")
        return f"web archive: {where}"
    return {"warc": f"WARC file {name}", "wacz": f"WACZ file {name}",
            "scrapy-cache": f"Scrapy cache {name}"}.get(kind, f"{kind} {name}")


async def capture_sources(db, article_id: str, versions: list[dict]) -> dict:
    """The article's captures, oldest first, each with when, what it showed (the version in effect then, or why it
    gave no article) and where it came from; and how many there are in all. Of more than SHOWN, those that change
    what the row before showed or where it came from are kept (the first and the latest always): so every source
    of every version is there, the current text's too; of more than SHOWN such, the first and the latest."""
    if not await db.table_exists("capture_origins"):
        return {"rows": [], "total": 0}
    rows = (await db.execute(
        "select c.id, c.fetched_at, c.outcome, c.url, o.kind, o.source, o.record, o.replay_url "
        "from captures c left join capture_origins o on o.capture_id = c.id where c.article_id = ? "
        "order by c.fetched_at, c.id", [article_id])).rows
    out = []
    for r in rows:
        when = r["fetched_at"] or ""
        version = next((v["version"] for v in reversed(versions) if (v.get("seen_at") or "") <= when), None)
        shown = (f"version {version}" if r["outcome"] in ("new", "updated", "unchanged", "duplicate") and version
                 else "the page deleted" if r["outcome"] == "gone" else "no article")
        out.append({"id": r["id"], "at": when[:16].replace("T", " "), "captured": when, "shown": shown,
                    "source": describe(r["kind"], r["source"]), "replay_url": r["replay_url"],
                    "live": r["kind"] is None})
    total, note = len(out), None
    if total > SHOWN:
        out = [row for i, row in enumerate(out) if i in (0, total - 1)
               or (row["shown"], row["source"]) != (out[i - 1]["shown"], out[i - 1]["source"])]
        note = (f"{len(out)} of {total} captures: each one that showed another version or came from another "
                f"source than the capture before it, and the latest")
        if len(out) > SHOWN:
            out = out[:1] + out[-(SHOWN - 1):]
            note = (f"{len(out)} of {total} captures: the first, and the latest {SHOWN - 1} that showed another "
                    f"version or came from another source than the capture before them")
    return {"rows": out, "total": total, "note": note}


async def coverage(db, sites: list[str]) -> dict:
    """Article captures per source and year of capture, live and imported apart, from capture_years (kept by
    triggers: archive/schema.py)."""
    if not await db.table_exists("capture_years"):
        return {"years": [], "rows": []}
    rows = (await db.execute("select nullif(site, '') as site, year, live, past from capture_years "
                             "where live > 0 or past > 0")).rows
    found = {(r["site"], r["year"]): (r["live"], r["past"]) for r in rows}
    years = sorted({y for _, y in found})
    if years:
        years = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    keys = [s for s in sites if any(k == s for k, _ in found)] + sorted({k for k, _ in found} - set(sites),
                                                                         key=lambda k: k or "")
    top = max([v for pair in found.values() for v in pair] or [1])
    table = [{"site": k, "cells": [{"year": y, "live": found.get((k, y), (0, 0))[0],
                                     "past": found.get((k, y), (0, 0))[1]} for y in years]} for k in keys]
    return {"years": years, "rows": table, "top": top,
            "imported": any(c["past"] for row in table for c in row["cells"])}
