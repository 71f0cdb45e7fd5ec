"""`/-/search`: the search page (its exports and feed are answered by export.py and feeds.py)."""
from __future__ import annotations

import asyncio

from .charts import month_chart
from .common import DATABASE, FACET_CAP, PAGE_SIZE, RANK_CAP, colours, site_info
from .export import export
from .feeds import search_feed
from .query import Query, count_hits, mention_labels, named_in, named_words, page_rowids, scan_once, unknown_site
from .results import facets, gathered_once, pages_of, results, words_narrowed


async def search_page(datasette, request):
    from datasette.utils.asgi import Response

    fmt = request.url_vars.get("format")
    db = datasette.get_database(DATABASE)
    query = Query(request.args)
    await scan_once(db, query)
    labels = await mention_labels(db, query)
    unknown_site(query, site_info(datasette))
    if fmt in ("csv", "json"):
        return await export(datasette, db, query, fmt, request)
    if fmt == "atom":
        return await search_feed(datasette, db, query, request, labels)
    sites = site_info(datasette)
    context = {"query": query, "sites": sites, "results": [], "total": None, "facets": {}, "sampled": False,
               "description": query.describe(sites, labels), "narrowed": query.describe(sites, labels, subject=False),
               "page_size": PAGE_SIZE, "rank_cap": RANK_CAP,
               "facet_cap": FACET_CAP, "error": None, "named": None}
    if query.active:
        # the count, the page and the facets are independent statements: Datasette's SQL threads run them at once
        # (SQLite lets go of the GIL while it works); only the date order needs the count to choose its plan
        if gathered_once(query):
            total, rowids, facet_counts = await words_narrowed(db, query)
        elif query.order == "relevance":
            total, rowids, facet_counts = await asyncio.gather(
                count_hits(db, query), page_rowids(db, query, None), facets(db, query))
        else:
            total, facet_counts = await asyncio.gather(count_hits(db, query), facets(db, query))
            rowids = await page_rowids(db, query, total)
        facet_counts["sampled"] = total > FACET_CAP
        context.update(total=total, results=await results(db, query, rowids), pages=pages_of(query, total),
                       named=await named_words(db, query), **facet_counts)
        context["colours"] = colours(datasette, [r["site"] for r in context["results"]] + list(sites))
        context["chart"] = month_chart(context.pop("months"), context["colours"], height=180, names=sites) \
            if context.get("months") else None
        # downloads keep the order chosen; the feed is always newest first
        context["exports"] = {fmt: "/-/search." + fmt + query.link(order=None if fmt == "atom" else query.order)
                              for fmt in ("csv", "json", "atom")}
        names = {"site": "source", "gone": "gone from their site"}
        context["filters_active"] = [(names.get(k, k), (labels.get(k) or v) if k != "site" else
                                      sites.get(v, {}).get("name", v), query.link(**{k: None}))
                                     for k, v in query.filters.items()]
        # an official without words drives the search through its mentions, newest tagged first
        context["sample_basis"] = "tagged" if set(named_in(query.filters)) == {"official"} and not query.search.match \
            else "archived"
    page = await datasette.render_template("gazette_search.html", context, request=request)
    return Response.html(page)
