"""`/`: the home page: what the archive holds per site, articles per month, provinces, questions to start from."""
from __future__ import annotations

import json
import re

from . import meeting_reads, provenance
from .charts import _month_index, month_chart, months_label, sparkline
from .common import DATABASE, OTHER_NAMES, colours, province_colour, site_info


async def province_rows(db, first: int | None, last: int | None) -> list[dict]:
    """Per province named: its articles (per month, from province_months) as a sparkline on the home page's axis."""
    rows = (await db.execute("select code, name, month, articles from province_months where articles > 0")).rows
    by_code: dict[str, dict] = {}
    for r in rows:
        entry = by_code.setdefault(r["code"], {"code": r["code"], "name": r["name"], "months": {}, "total": 0})
        entry["months"][r["month"]] = entry["months"].get(r["month"], 0) + r["articles"]
        entry["total"] += r["articles"]
    out = sorted(by_code.values(), key=lambda e: (-e["total"], e["name"]))
    for e in out:
        dated = [m for m in e["months"] if re.fullmatch(r"\d{4}-\d{2}", m)]
        lo = first if first is not None else min((_month_index(m) for m in dated), default=0)
        hi = last if last is not None else max((_month_index(m) for m in dated), default=0)
        e["colour"] = province_colour(e["name"])
        e["spark"] = sparkline(e["months"], lo, hi, colour=e["colour"])
        e["peak"] = max(e["months"].values(), default=0)
    return out


async def home_page(datasette, request):
    from datasette.utils.asgi import Response

    from archive import health

    db = datasette.get_database(DATABASE)
    sites = site_info(datasette)
    months = [dict(r) for r in (await db.execute(
        "select site, month, articles from article_months where articles > 0 order by site, month")).rows]
    keys = list(sites) + sorted({m["site"] for m in months} - set(sites))
    colour = colours(datasette, keys)
    rows = []
    for key in keys:
        count = sum(m["articles"] for m in months if m["site"] == key)
        dates = (await db.execute(
            "select (select min(published) from articles where site = :s and published is not null) as first, "
            "(select max(published) from articles where site = :s) as last", {"s": key})).first()
        runs = [dict(r) for r in (await db.execute(
            "select * from crawl_runs where site = ? order by started desc, id desc "
            "limit 10", [key])).rows]
        for run in runs:
            try:
                run["errors"] = json.loads(run.get("errors") or "[]")
            except ValueError:
                run["errors"] = []
            for k in health.COUNT_KEYS:
                run[k] = run.get(k) or 0
        warnings = [w for w in (check(runs) for check in health.CHECKS) if w]
        info = sites.get(key, {})
        rows.append({"key": key, "name": info.get("name") or OTHER_NAMES.get(key, key), "url": info.get("url"), "articles": count,
                     "first": (dates["first"] or "")[:10], "last": (dates["last"] or "")[:10], "colour": colour[key],
                     "last_run": runs[0] if runs else None, "warnings": warnings,
                     # collected: the last run that ended well (a failed one collected nothing to speak of)
                     "collected": next((r for r in runs if r["status"] == "ok"), None)})
    total = sum(r["articles"] for r in rows)
    gone = (await db.execute("select count(*) from article_keys indexed by article_keys_gone "
                             "where gone_since is not null")).rows[0][0]
    dated = [_month_index(m["month"]) for m in months if re.fullmatch(r"\d{4}-\d{2}", m["month"] or "")]
    provinces = await province_rows(db, min(dated, default=None), max(dated, default=None))
    choices = await meeting_reads.home_choices(db)
    coverage = await provenance.coverage(db, keys)  # captures per source and year, live and from the past
    page = await datasette.render_template("gazette_home.html", {**choices,
        "coverage": coverage, "names": {r["key"]: r["name"] for r in rows},
        "sites": rows, "total": total, "gone": gone, "chart": month_chart(months, colour, names=sites),
        "provinces": provinces,
        "span": (min(months_label(dated)), max(months_label(dated))) if dated else None,
        "metadata": datasette.metadata()}, request=request)
    return Response.html(page)
