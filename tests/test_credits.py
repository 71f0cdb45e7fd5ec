"""Credits are fields: a page's translator, editor and source reach the archive's own columns (new migration),
`gazette fetch` stores them, and an archive made before the columns existed gains them in place."""
from __future__ import annotations

import json

import sqlite_utils

from archive import Archive
from archive import schema

from .support import FIXTURES, gazette, json_lines

HUNAN = "/hneng/imgnews/202004/t20200403_1234567.html"


def test_fetch_stores_translator_and_source_not_in_the_body(mirrors, mirrored_config, db):
    mirror = mirrors("hunan")
    config = mirrored_config({"hunan": mirror})
    proc = gazette("fetch", "--json", mirror.url + HUNAN, db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    [result] = json_lines(proc.stdout)
    row = sqlite_utils.Database(db)["articles"].get(result["article_id"])
    want = json.loads((FIXTURES / "hunan" / HUNAN.lstrip("/")).with_suffix(".expected.json").read_text("utf-8"))
    assert row["translator"] == want["translator"] == "Pang Yuehui"
    assert row["byline"] is None and row["editor"] is None
    assert row["source"] == "Hunan Provincial Government"
    assert "Translator" not in row["body"] and "This article is from" not in row["body"]


def test_an_archive_from_before_the_credit_columns_gains_them(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    schema.migrate(old, upto=schema.MIGRATIONS.index(schema._credits))
    assert "translator" not in old["articles"].columns_dict
    old["articles"].insert({"id": "a1", "site": "hunan", "url": "http://x/a1", "title": "T", "body": "B"})
    old.conn.close()
    archive = Archive(path)
    columns = archive.db["articles"].columns_dict
    assert "translator" in columns and "editor" in columns
    assert archive.db["articles"].get("a1")["title"] == "T"
