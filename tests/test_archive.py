"""The archive file: schema, WAL mode, FTS kept in step, migrations from an older version, transactions."""
from __future__ import annotations


import pytest
import sqlite_utils

from archive import Archive
from archive import schema


def record(i: int, body: str = "Body text of the article.") -> dict:
    return {"id": f"id{i}", "site": "mfa", "url": f"https://www.fmprc.gov.cn/eng/t{i}.html", "title": f"Title {i}",
            "published": "2020-12-18", "byline": None, "source": None, "body": body, "captions": ["a caption"],
            "language": "en", "layer": "site", "content_hash": f"hash{i}"}


def test_new_archive_has_the_tables_wal_and_fts(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        names = set(archive.db.table_names())
        assert {"articles", "articles_fts", "revisions", "captures", "bodies", "crawl_runs"} <= names
        assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert schema.version(archive.db) == schema.VERSION
        with archive.transaction():
            assert archive.store_article(record(1, "Diplomatic envoys visited Guizhou"))[0] == "new"
        hits = archive.db.execute("select rowid from articles_fts where articles_fts match 'envoys'").fetchall()
        assert len(hits) == 1
        with archive.transaction():
            assert archive.store_article(record(1, "Ambassadors toured Hunan"))[0] == "updated"
        assert not archive.db.execute("select 1 from articles_fts where articles_fts match 'envoys'").fetchall()
        assert archive.db.execute("select 1 from articles_fts where articles_fts match 'hunan'").fetchall()


def test_opening_an_older_archive_migrates_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    schema.migrate(db, upto=1)  # an archive written before full-text search existed
    db["articles"].insert({**record(7), "captions": "[]", "first_seen": "2020-12-18T00:00:00Z"})
    db["crawl_runs"].insert({"site": "mfa", "trigger": "fetch", "status": "ok", "new": 1})
    db.conn.close()
    with Archive(path) as archive:
        assert schema.version(archive.db) == schema.VERSION
        assert archive.article("id7")["title"] == "Title 7"
        assert archive.db["crawl_runs"].count == 1
        assert archive.db.execute("select count(*) from articles_fts where articles_fts match 'body'").fetchone()[0] == 1


def test_a_failed_transaction_leaves_nothing(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        with pytest.raises(RuntimeError):
            with archive.transaction():
                archive.store_capture(run_id=None, site="mfa", url="u", final_url="u", status=200, headers={},
                                      body=b"<html></html>")
                archive.store_article(record(2))
                raise RuntimeError("killed in the middle")
        assert archive.db["articles"].count == 0 and archive.db["captures"].count == 0


def test_identical_bodies_are_stored_once_and_read_back(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        for url in ("u1", "u2"):
            archive.store_capture(run_id=None, site="mfa", url=url, final_url=url, status=200, headers={"A": "b"},
                                  body=b"<html>same</html>" * 100)
        assert archive.db["captures"].count == 2 and archive.db["bodies"].count == 1
        digest = next(archive.db.query("select digest from captures"))["digest"]
        assert archive.capture_body(digest) == b"<html>same</html>" * 100


def test_unreadable_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    from archive import ArchiveError
    with pytest.raises(ArchiveError, match="is not a Gazette archive"):
        Archive(bad)
    assert bad.read_bytes() == b"this is not a database" * 100  # left as it was, not overwritten


def test_same_text_takes_the_new_metadata_reextract_even_when_empty(tmp_path):
    """Unchanged text makes no revision; re-extraction (the same capture read again) replaces every field, so a
    byline that was really a translator's credit goes, while a refetch keeps a field today's page lacks."""
    with Archive(tmp_path / "a.db") as archive:
        with archive.transaction():
            archive.store_article({**record(1), "byline": "Pang Yuehui", "source": "hunantoday"})
            assert archive.store_article({**record(1), "byline": None, "source": "hunantoday"},
                                         refetched=True) == ("unchanged", "id1")
        assert archive.article("id1")["byline"] == "Pang Yuehui"
        with archive.transaction():
            assert archive.store_article({**record(1), "byline": None, "translator": "Pang Yuehui",
                                          "source": "hunantoday"}, refetched=False) == ("unchanged", "id1")
        row = archive.article("id1")
        assert row["byline"] is None and row["translator"] == "Pang Yuehui" and row["source"] == "hunantoday"
        assert archive.db["revisions"].count == 0
