"""What writing an article's mentions costs on a large archive: each changed page, re-extraction and merge replaces
an article's rows in `mentions` (Archive.replace_mentions), and triggers keep `named_articles`, `province_months`
and `province_country_years` in step.

On an existing archive (e.g. bench.archive's million, tagged by `bench.serve --tag-mentions`), the mentions of N
articles spread over the file are deleted and written again as replace_mentions does, inside a transaction that is
rolled back (the archive is left as it was), twice: as the archive is, and with named_articles' triggers on
mentions dropped inside the transaction (the baseline: the write path before named_articles). Each round is run
ROUNDS times alternately; medians per article and their ratio are printed.

Run: python -m bench.mention_writes --db ARCHIVE.db [--articles 2000] [--rounds 3]
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import time

NAMED_TRIGGERS = ("named_articles_mi", "named_articles_md", "named_articles_mu")


def sample(conn: sqlite3.Connection, articles: int) -> dict[str, list[tuple]]:
    """`articles` articles with mentions, spread over the table, and their mention rows."""
    last = conn.execute("select max(rowid) from mentions").fetchone()[0] or 0
    step = max(1, last // (articles * 2))
    ids = [r[0] for r in conn.execute("select article_id from mentions where rowid % ? = 0 limit ?",
                                      [step, articles * 3])]
    ids = list(dict.fromkeys(ids))[:articles]
    return {i: conn.execute("select article_id, kind, name, code, count from mentions where article_id = ?",
                            [i]).fetchall() for i in ids}


def replace_all(conn: sqlite3.Connection, rows: dict[str, list[tuple]], baseline: bool) -> float:
    """Seconds to replace every sampled article's mentions, rolled back; `baseline`: without named_articles."""
    conn.execute("begin immediate")
    try:
        if baseline:
            for name in NAMED_TRIGGERS:
                conn.execute(f"drop trigger if exists {name}")
        started = time.perf_counter()
        for article_id, mentions in rows.items():
            conn.execute("delete from mentions where article_id = ?", [article_id])
            conn.executemany("insert into mentions (article_id, kind, name, code, count) values (?, ?, ?, ?, ?)",
                             mentions)
        return time.perf_counter() - started
    finally:
        conn.execute("rollback")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="an archive with mentions (left unchanged)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    conn = sqlite3.connect(args.db, isolation_level=None)
    rows = sample(conn, args.articles)
    mentions = sum(len(m) for m in rows.values())
    replace_all(conn, rows, baseline=False)          # read the sampled pages once before timing
    now, before = [], []
    for _ in range(args.rounds):
        now.append(replace_all(conn, rows, baseline=False) * 1000 / len(rows))
        before.append(replace_all(conn, rows, baseline=True) * 1000 / len(rows))
    print(f"{len(rows):,} articles ({mentions:,} mentions) of {args.db}, replaced {args.rounds} times, rolled back; "
          f"ms per article, median")
    print(f"  without named_articles {statistics.median(before):.3f}  with {statistics.median(now):.3f}  "
          f"ratio {statistics.median(now) / statistics.median(before):.2f}x")


if __name__ == "__main__":
    main()
