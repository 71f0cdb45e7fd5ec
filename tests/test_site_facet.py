"""The articles table's facet by site is answered from article_months (serve.site_facet_from_months): the same
counts as Datasette's group-by of every article, checked in a real Datasette on a real archive file."""
from __future__ import annotations

import asyncio
import sqlite3

from archive import Archive
from archive.datasette import serve


def _archive(tmp_path):
    path = tmp_path / "gazette.db"
    with Archive(path) as archive, archive.transaction():
        for i in range(30):
            site = ("mfa", "hunan", "guizhou")[i % 3 if i < 27 else 0]
            archive.store_article({"id": f"a{i}", "site": site, "url": f"https://example.org/{site}/{i}.html",
                                   "title": f"Article {i}", "published": f"20{10 + i % 9}-01-0{1 + i % 9}" if i % 7
                                   else None, "body": f"Text {i}.", "content_hash": f"h{i}"})
    return path


def test_site_facet_counts_every_article_from_the_month_counts(tmp_path, monkeypatch):
    path = _archive(tmp_path)
    statements = []
    execute = serve._bounded_execute

    async def recorded(self, sql, params=None, **kw):
        statements.append((sql, params))
        return await execute(self, sql, params, **kw)

    monkeypatch.setattr(serve, "_bounded_execute", recorded)
    ds = serve.build(path)

    async def facet(query=""):
        await ds.invoke_startup()
        response = await ds.client.get(f"/gazette/articles.json?_facet=site&_extra=facet_results{query}")
        assert response.status_code == 200, response.text[:500]
        return {r["value"]: r["count"] for r in response.json()["facet_results"]["site"]["results"]}

    with sqlite3.connect(path) as conn:
        want = dict(conn.execute("select site, count(*) from articles group by site").fetchall())
    assert asyncio.run(facet()) == want == {"mfa": 12, "hunan": 9, "guizhou": 9}
    facet_sql = [(sql, params) for sql, params in statements if "as value, count(*) as count" in sql]
    assert facet_sql and serve.site_facet_from_months(*facet_sql[-1])       # Datasette's statement recognised
    # narrowed (a filter), the facet is Datasette's own group-by over the rows left
    with sqlite3.connect(path) as conn:
        narrowed = dict(conn.execute("select site, count(*) from articles where published like '2010%' "
                                     "group by site").fetchall())
    assert narrowed and asyncio.run(facet("&published__startswith=2010")) == narrowed
    facet_sql = [(sql, params) for sql, params in statements if "as value, count(*) as count" in sql]
    assert serve.site_facet_from_months(*facet_sql[-1]) is None
