"""The archive's `translations` table: each English article paired with its Chinese original, and what the English
leaves out (pipelines/pairing.py chooses the pairs, pipelines/alignment.py aligns them).

One row per pair: `english_id`, `chinese_id`, `score`, `method`, `paired_at`, the English article's `published`
and `kind`, and the alignment's figures (`zh_paragraphs`, `en_paragraphs`, `zh_unmatched`, `en_unmatched`,
`zh_answers`, `omitted_answers`, `omitted_chars`) with its rows (`alignment`, a list of [chinese paragraph,
english paragraph] indexes, either null when unmatched) for the side-by-side page. `pair(...)` recomputes the pairs
of a stretch of the archive (`gazette pair`); `pair_new(...)` pairs one article just archived.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import sqlite_utils

from pipelines import alignment, pairing

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


def _articles(db, where: str, params: list) -> list[dict]:
    return [dict(r) for r in db.query(
        f"select {_FIELDS} from articles where gone_since is null and language in ('en', 'zh') and {where}", params)]


def _row(en: dict, zh: dict, score: float, kind: str, now: str) -> tuple:
    a = alignment.align(zh["body"], en["body"], en_captions=_captions(en))
    return (en["id"], zh["id"], score, pairing.METHOD, now, (en.get("published") or "")[:10] or None, kind,
            len(alignment.paragraphs(zh["body"])), len(alignment.paragraphs(en["body"])), len(a.zh_unmatched),
            len(a.en_unmatched), a.zh_turns, a.omitted_turns, a.omitted_chars, json.dumps(a.rows))


def _pool(db, low: str, high: str) -> list[dict]:
    """The English and Chinese articles published in [low, high) that could pair: of a kind pairing knows (press
    conference, remarks, meeting, speech: read from the headline, before any costly tagging), and only when some
    Chinese article is in the stretch at all (an archive of English sites alone pairs nothing)."""
    if not db.execute("select 1 from articles where language = 'zh' and gone_since is null and published >= ? "
                      "and published < ? limit 1", [low, high]).fetchone():
        return []
    return [a for a in _articles(db, "published >= ? and published < ?", [low, high])
            if pairing.kind_of(a["title"], a["body"]) != "other"]


def _captions(article: dict) -> list[str]:
    try:
        found = json.loads(article.get("captions") or "[]")
    except ValueError:
        return []
    return [c for c in found if isinstance(c, str) and c.strip()]


def _write(db, rows: list[tuple], english: list[str], chinese: list[str]) -> None:
    """Replace the pairs of these articles by `rows` (inside the caller's transaction)."""
    for ids, column in ((english, "english_id"), (chinese, "chinese_id")):
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            db.execute(f"delete from translations where {column} in ({', '.join('?' * len(chunk))})", chunk)
    if rows:
        db.conn.executemany(f"insert or replace into translations ({', '.join(COLUMNS)}) values "
                            f"({', '.join('?' * len(COLUMNS))})", rows)
    for row in rows:
        count_once(db, row[0], row[1])


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


def _day_range(first: date, last: date) -> tuple[str, str]:
    return (first - timedelta(days=pairing.WINDOW_DAYS)).isoformat(), \
        (last + timedelta(days=pairing.WINDOW_DAYS + 1)).isoformat()


def pair(archive, *, site: str | None = None, since: str | None = None,
         config_dir: str | Path | None = None, now: str = "", progress=None) -> dict:
    """Recompute the pairs of the English and Chinese articles published since `since` (of `site`, and their
    candidates in the other language): {'english': n, 'chinese': n, 'pairs': n}. `archive` is an Archive."""
    db = archive.db
    where, params = "published is not null", []
    if since:
        where += " and published >= ?"
        params.append(since)
    if site:
        where += " and site = ?"
        params.append(site)
    chosen = _articles(db, where, params)
    days = [day for day in (pairing._day(a["published"]) for a in chosen) if day]
    if not days:
        return {"english": 0, "chinese": 0, "pairs": 0}
    low, high = _day_range(min(days), max(days))
    pool = _pool(db, low, high)
    by_id = {a["id"]: a for a in pool}
    traits = {a["id"]: pairing.traits(a, config_dir) for a in pool}
    english = [traits[a["id"]] for a in pool if a["language"] == "en"]
    chinese = [traits[a["id"]] for a in pool if a["language"] == "zh"]
    pairs = pairing.choose(english, chinese)
    rows = []
    for n, (e, c, s) in enumerate(pairs, 1):
        rows.append(_row(by_id[e], by_id[c], s, traits[e].kind, now))
        if progress:
            progress(n, len(pairs))
    chosen_ids = {a["id"] for a in chosen}
    rows = [r for r in rows if r[0] in chosen_ids or r[1] in chosen_ids]
    with archive.transaction():
        _write(db, rows, [a["id"] for a in chosen if a["language"] == "en"],
               [a["id"] for a in chosen if a["language"] == "zh"])
    return {"english": sum(1 for a in chosen if a["language"] == "en"),
            "chinese": sum(1 for a in chosen if a["language"] == "zh"), "pairs": len(rows)}


def pair_new(archive, article_id: str, *, config_dir: str | Path | None = None,
             now: str = "") -> bool:
    """Pair one article just archived (English or Chinese) with its counterpart, if a confident one is archived;
    True when it was paired. `archive` is an Archive."""
    db = archive.db
    found = _articles(db, "id = ?", [article_id])
    day = pairing._day(found[0]["published"]) if found else None
    if not day or pairing.kind_of(found[0]["title"], found[0]["body"]) == "other":
        return False  # undated, or of no kind pairing knows: no pool is read (most provincial news)
    low, high = _day_range(day - timedelta(days=pairing.WINDOW_DAYS), day + timedelta(days=pairing.WINDOW_DAYS))
    pool = _pool(db, low, high)
    if article_id not in {a["id"] for a in pool}:
        return False
    by_id = {a["id"]: a for a in pool}
    traits = {a["id"]: pairing.traits(a, config_dir) for a in pool}
    pairs = [p for p in pairing.choose([t for t in traits.values() if t.language == "en"],
                                       [t for t in traits.values() if t.language == "zh"]) if article_id in p[:2]]
    rows = [_row(by_id[e], by_id[c], s, traits[e].kind, now) for e, c, s in pairs]
    with archive.transaction():
        if found[0]["language"] == "en":
            _write(db, rows, [article_id] + [r[0] for r in rows], [r[1] for r in rows])
        else:
            _write(db, rows, [r[0] for r in rows], [article_id] + [r[1] for r in rows])
    return bool(rows)


def for_article(db: sqlite_utils.Database, article_id: str) -> dict | None:
    """The pair an article is in (as English or Chinese), or None."""
    rows = list(db.query("select * from translations where english_id = ? or chinese_id = ?",
                         [article_id, article_id]))
    return dict(rows[0]) if rows else None
