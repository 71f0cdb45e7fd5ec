"""A Gazette page whose statements run past their time limit (a cold disk as the server starts, a busy machine)
says so in plain words with a 503 and Retry-After, not a server error: on a real archive file in a real
Datasette (gazette serve's), with the limit set so low that its statements cannot finish."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from archive import Archive
from archive.datasette.serve import build


def test_a_search_past_its_time_limit_says_so(tmp_path):
    path = tmp_path / "gazette.db"
    with Archive(path) as archive, archive.transaction():
        for i in range(600):
            archive.store_article({"id": f"a{i}", "site": "mfa", "url": f"https://www.fmprc.gov.cn/{i}.html",
                                   "title": f"外交部发言人 {i}", "published": "2020-12-18",
                                   "body": "会见。" * 600 + f"大使 ambassador {i}", "content_hash": f"h{i}"})
    ds = build(path)
    ds.executor = ThreadPoolExecutor(max_workers=1)     # one connection: opened (its full-text tables too) below

    async def get(url):
        return await ds.client.get(url)
    assert asyncio.run(get("/-/search?q=%E5%A4%A7%E4%BD%BF")).status_code == 200
    ds.sql_time_limit_ms = 1      # the scan of 600 Chinese texts (the term at their end) cannot finish
    for url in ("/-/search?q=%E5%A4%A7%E4%BD%BF", "/-/search?q=ambassador&order=date"):
        response = asyncio.run(get(url))
        assert response.status_code == 503, (url, response.status_code)
        assert response.headers["retry-after"] == "5"
        assert "took too long this time" in response.text and "Reload the page" in response.text
        assert "select" not in response.text.lower() and "Traceback" not in response.text
