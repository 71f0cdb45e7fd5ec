"""The archive's `translations` table: each English article paired with its Chinese original, and what the English
leaves out. This module stores and reads; pipelines/translations.py chooses the pairs (pipelines/pairing.py) and
aligns them (pipelines/alignment.py).

One row per pair: `english_id`, `chinese_id`, `score`, `method`, `paired_at`, the English article's `published`
and `kind`, and the alignment's figures (`zh_paragraphs`, `en_paragraphs`, `zh_unmatched`, `en_unmatched`,
`zh_answers`, `omitted_answers`, `omitted_chars`) with its rows (`alignment`, a list of [chinese paragraph,
english paragraph] indexes, either null when unmatched) for the side-by-side page.
"""
from __future__ import annotations

import json

import sqlite_utils

COLUMNS = ("english_id", "chinese_id", "score", "method", "paired_at", "published", "kind", "zh_paragraphs",
           "en_paragraphs", "zh_unmatched", "en_unmatched", "zh_answers", "omitted_answers", "omitted_chars",
           "alignment")
_FIELDS = "id, site, language, title, body, captions, published"


def create(db: sqlite_utils.Database) -> None:
    """The table (archive/schema.py's `_translations` migration)."""
    db.table("translations").create({
        "english_id": str, "chinese_id": str, "score": float, "method": str, "paired_at": str, "published": str,
        "kind": str, "zh_paragraphs": int, "en_paragraphs": int, "zh_unmatched": int, "en_unmatched": int,
        "zh_answers": int, "omitted_answers": int, "omitted_chars": int, "alignment": str,
    }, pk="english_id", if_not_exists=True)
    db.table("translations").create_index(["chinese_id"], unique=True, if_not_exists=True)
    db.table("translations").create_index(["published"], if_not_exists=True)
    db.table("articles").create_index(["language", "published"], if_not_exists=True)


def articles(db, where: str, params: list) -> list[dict]:
    """The English and Chinese articles (still there) matching `where`, with what pairing reads of them."""
    return [dict(r) for r in db.query(
        f"select {_FIELDS} from articles where gone_since is null and language in ('en', 'zh') and {where}", params)]


def openings(db, low: str, high: str) -> list[dict]:
    """The English and Chinese articles (still there) published in [low, high): id, language, published, title and
    the first 300 characters of the body (what pairing reads an article's kind from), not the whole text."""
    return [dict(r) for r in db.query(
        "select id, language, published, title, substr(body, 1, 300) as opening from articles where gone_since is "
        "null and language in ('en', 'zh') and published >= ? and published < ?", [low, high])]


def articles_by_id(db, ids: list[str]) -> list[dict]:
    """`articles` of these ids (those still there), in chunks the statement's parameters allow."""
    found: list[dict] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found += articles(db, f"id in ({', '.join('?' * len(chunk))})", chunk)
    return found


def mentions_of(db, ids: list[str]) -> dict[str, list[dict]]:
    """The stored mentions (kind, name, code, count) of these articles, by article id; an article with none is
    left out."""
    found: dict[str, list[dict]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in db.query(f"select article_id, kind, name, code, count from mentions where article_id in "
                            f"({', '.join('?' * len(chunk))})", chunk):
            found.setdefault(row["article_id"], []).append(row)
    return found


def has_chinese(db, low: str, high: str) -> bool:
    """Some Chinese article (still there) is published in [low, high)."""
    return db.execute("select 1 from articles where language = 'zh' and gone_since is null and published >= ? "
                      "and published < ? limit 1", [low, high]).fetchone() is not None


def write(db, rows: list[dict], english: list[str], chinese: list[str]) -> None:
    """Replace the pairs of these articles by `rows` (one dict of COLUMNS each), inside the caller's transaction."""
    for ids, column in ((english, "english_id"), (chinese, "chinese_id")):
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            db.execute(f"delete from translations where {column} in ({', '.join('?' * len(chunk))})", chunk)
    if rows:
        db.conn.executemany(f"insert or replace into translations ({', '.join(COLUMNS)}) values "
                            f"({', '.join('?' * len(COLUMNS))})", [[row[c] for c in COLUMNS] for row in rows])
    for row in rows:
        count_once(db, row["english_id"], row["chinese_id"])


def count_once(db, english_id: str, chinese_id: str) -> int:
    """The same event reported in both languages is counted once: the Chinese article's rows in `meetings` (and
    `meeting_participants`) that repeat an event of its English translation (same type, the same start date or none on
    one side, a foreign country in common or none named on one side) are removed, the English row kept (the pair links the Chinese text). Returns how many."""
    if not db["meetings"].exists():
        return 0

    def countries(row) -> set:
        return set(json.loads(row["country_codes"] or "[]"))

    english = list(db.query("select type, date_start, country_codes from meetings where article_id = ?", [english_id]))
    twins = [r["id"] for r in db.query("select id, type, date_start, country_codes from meetings where article_id = ?",
                                       [chinese_id])
             if any(e["type"] == r["type"] and (e["date_start"] == r["date_start"] or not e["date_start"]
                                                 or not r["date_start"])
                    and (countries(e) & countries(r) or not countries(e) or not countries(r)) for e in english)]
    for mid in twins:
        db.execute("delete from meeting_participants where meeting_id = ?", [mid])
        db.execute("delete from meetings where id = ?", [mid])
    return len(twins)


def for_article(db: sqlite_utils.Database, article_id: str) -> dict | None:
    """The pair an article is in (as English or Chinese), or None."""
    rows = list(db.query("select * from translations where english_id = ? or chinese_id = ?",
                         [article_id, article_id]))
    return dict(rows[0]) if rows else None
