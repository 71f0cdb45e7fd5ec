"""The server's start-up sweep (archive/datasette/prewarm.py) reads every structure it names on a real archive
of the current schema: a renamed index or table would otherwise be skipped silently and first pages read cold."""
from __future__ import annotations

from archive import Archive
from archive.datasette import prewarm


def test_every_structure_swept_exists_in_a_fresh_archive(tmp_path):
    path = tmp_path / "gazette.db"
    with Archive(path) as archive, archive.transaction():
        archive.store_article({"id": "a1", "site": "mfa", "url": "https://www.fmprc.gov.cn/eng/a1.html",
                               "title": "Envoys visit Guizhou", "published": "2020-12-18", "body": "卢森堡 text.",
                               "content_hash": "h1", "mentions": [
                                   {"kind": "country", "code": "LUX", "name": "Luxembourg", "count": 1}]})
    swept = prewarm.sweep(path)
    assert [name for name, _ in swept] == [name for name, _ in prewarm.HOT]
    assert prewarm.start(None) is None and prewarm.start(tmp_path / "missing.db") is None
    thread = prewarm.start(path)
    thread.join(10)
    assert not thread.is_alive()
