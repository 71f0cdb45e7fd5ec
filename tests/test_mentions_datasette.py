"""The mentions part of the Datasette metadata, checked against a real Datasette on a real archive file."""
from __future__ import annotations

import asyncio
from pathlib import Path

from datasette.app import Datasette

from archive import Archive
from archive.datasette.serve import load_metadata
from pipelines.mentions import tag

ARTICLES = [
    ("a1", "2020-12-18", "Eurasian Envoys Visit Guizhou", "Envoys from Russia and Georgia toured Guizhou."),
    ("a2", "2024-05-15", "Albanian Ambassador Meets Officials",
     "The Albanian Ambassador to China Ylljet Aliçka visited Guizhou and Hunan."),
    ("a3", "2021-03-01", "Hunan and Russia", "Hunan officials met Russian partners."),
]


def build(tmp_path) -> Path:
    path = tmp_path / "gazette.db"
    with Archive(path) as archive, archive.transaction():
        for aid, published, title, body in ARTICLES:
            archive.store_article({
                "id": aid, "site": "mfa", "url": f"https://www.fmprc.gov.cn/eng/{aid}.html", "title": title,
                "published": published, "body": body, "content_hash": aid,
                "mentions": [vars(m) for m in tag(f"{title}\n\n{body}")]})
    return path


def get(ds, path):
    async def run():
        return await ds.client.get(path)
    response = asyncio.run(run())
    assert response.status_code == 200, (path, response.text[:500])
    return response


def datasette(tmp_path):
    return Datasette([str(build(tmp_path))], metadata=load_metadata())


def test_mentions_table_faceted_and_linked(tmp_path):
    ds = datasette(tmp_path)
    data = get(ds, "/gazette/mentions.json?_extra=facet_results").json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)
    assert {"kind", "name"} <= set(facets)
    kinds = {f["value"] for f in facets["kind"]["results"]}
    assert kinds == {"country", "province", "official"}
    html = get(ds, "/gazette/mentions?kind=country&code=RUS").text
    assert 'href="/gazette/articles/a1"' in html and "Eurasian Envoys Visit Guizhou" in html   # back to article


def test_canned_queries(tmp_path):
    ds = datasette(tmp_path)
    rows = get(ds, "/gazette/countries_by_province_and_year.json?province=Guizhou&year=&_shape=array").json()
    assert {(r["province"], r["year"], r["country_code"]) for r in rows} == {
        ("Guizhou", "2020", "RUS"), ("Guizhou", "2020", "GEO"), ("Guizhou", "2024", "ALB")}
    rows = get(ds, "/gazette/countries_by_province_and_year.json?province=&year=2021&_shape=array").json()
    assert [(r["province"], r["country"], r["articles"]) for r in rows] == [("Hunan", "Russia", 1)]

    rows = get(ds, "/gazette/articles_naming_country.json?country=Russia&_shape=array").json()
    assert [r["article_id"] for r in rows] == ["a3", "a1"]          # newest first
    assert get(ds, "/gazette/articles_naming_country.json?country=alb&_shape=array").json()[0]["article_id"] == "a2"
    html = get(ds, "/gazette/articles_naming_country?country=GEO").text
    assert '<a href="https://www.fmprc.gov.cn/eng/a1.html">' in html
