"""Research interface benchmark: the first pages a researcher opens, timed over HTTP on one archive file, in
`gazette serve` and in plain Datasette (no metadata, no plugins: the installed ones are unregistered) on the same
file, measured in the same run.

For each page: the first answer after the server started (cold: what the first visitor waits) and the median of
the next REPEAT answers (warm), in milliseconds, with the ratio Gazette / plain Datasette. Plain Datasette has no
home page of Gazette's kind nor a search page: its closest page is timed (the index; the table search with a
site facet).

Run:  python -m bench.serve --db ARCHIVE.db            (an archive from `python -m bench.archive --keep`)
      python -m bench.serve --articles 20000            (builds a small archive in a temporary directory)
      python -m bench.serve --db A.db --code DIR        (serve with another checkout's Gazette, e.g. before a change)
      python -m bench.serve --db A.db --only gazette    (skip plain Datasette)
      python -m bench.serve --db A.db --tag-mentions    (first give every article two countries and a province
                                                         named, as real articles have, if none are tagged, and
                                                         one meeting per 10 articles if there are none)

The archive is brought up to date (migrated) before any server starts, unless --code is given (an older
checkout serves the file as it is); the time the migration took is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MS = 500
PLAIN = """
import sys
from datasette.plugins import pm
for name, plugin in list(pm.list_name_plugin()):
    if not name.startswith("datasette."):
        pm.unregister(plugin)
from datasette.cli import cli
cli(sys.argv[1:])
"""


def pages(article_id: str, db_name: str, word: str) -> list[tuple[str, str, str]]:
    """(page, Gazette path, plain Datasette path)."""
    d = db_name
    return [
        ("home", "/", "/"),
        ("database page", "/gazette", f"/{d}"),
        ("articles table", "/gazette/articles", f"/{d}/articles"),
        (f"table search '{word}'", f"/gazette/articles?_search={word}", f"/{d}/articles?_search={word}"),
        ("facet by site", "/gazette/articles?_facet=site", f"/{d}/articles?_facet=site"),
        ("article page", f"/gazette/articles/{article_id}", f"/{d}/articles/{article_id}"),
        (f"search page '{word}' + facets", f"/-/search?q={word}",
         f"/{d}/articles?_search={word}&_facet=site"),
        (f"search page '{word}', newest first", f"/-/search?q={word}&order=date",
         f"/{d}/articles?_search={word}&_sort_desc=published"),
        ("search page, rare word", "/-/search?q=Turkmenistan", f"/{d}/articles?_search=Turkmenistan"),
        ("search page, phrase", "/-/search?q=%22sister+city%22", f"/{d}/articles?_search=%22sister+city%22"),
        ("articles naming a country", "/-/search?country=ALB", f"/{d}/mentions?code=ALB"),
        (f"'{word}' naming a country", f"/-/search?q={word}&country=ALB", None),
        ("feed of a search", f"/-/search.atom?q={word}", None),
        ("feed of a country", "/-/search.atom?country=ALB", None),
        ("meetings page", "/-/meetings", "/{d}/meetings".replace("{d}", d)),
        ("meetings of a province and year", "/-/meetings?province=Guizhou&year=2020&type=visit", None),
        ("an official's events", "/-/official/chen-official17", None),
        ("changes page", "/-/changes", None),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    return status, (time.perf_counter() - started) * 1000


def start(command: list[str], cwd: Path, env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not answer within 600 s")


def measure(base: str, paths: list[str | None], repeat: int) -> list[dict | None]:
    out = []
    for path in paths:
        if path is None:
            out.append(None)
            continue
        status, first = get(base + path)
        warm = [get(base + path)[1] for _ in range(repeat)]
        out.append({"status": status, "first_ms": first, "warm_ms": statistics.median(warm)})
    return out


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


COUNTRIES = [("Albania", "ALB"), ("Kenya", "KEN"), ("Russia", "RUS"), ("Germany", "DEU"), ("Brazil", "BRA"),
             ("Laos", "LAO"), ("Singapore", "SGP"), ("France", "FRA"), ("Zambia", "ZMB"), ("Hungary", "HUN"),
             ("Thailand", "THA"), ("Cambodia", "KHM"), ("Benin", "BEN"), ("Georgia", "GEO"), ("Peru", "PER"),
             ("Serbia", "SRB"), ("Egypt", "EGY"), ("Japan", "JPN"), ("Chile", "CHL"), ("Nepal", "NPL")]
PROVINCES = [("Guizhou", "CN-GZ"), ("Hunan", "CN-HN"), ("Chongqing", "CN-CQ"), ("Guangdong", "CN-GD"),
             ("Zhejiang", "CN-ZJ"), ("Yunnan", "CN-YN"), ("Sichuan", "CN-SC"), ("Hainan", "CN-HI")]


def _values(rows) -> str:
    """SQL VALUES tuples (index, name, code) of (name, code) pairs."""
    return ", ".join(f"({i}, '{n}', '{c}')" for i, (n, c) in enumerate(rows))


def tag_mentions(path: Path) -> None:
    """Two countries and one province per article (chosen by rowid), when the archive has no mentions yet."""
    conn = sqlite3.connect(path)
    if conn.execute("select count(*) from (select 1 from mentions limit 1)").fetchone()[0]:
        return
    started = time.perf_counter()
    with conn:
        conn.execute("create temp table c (k, name, code)")
        conn.execute(f"insert into c values {_values(COUNTRIES)}")
        conn.execute("create temp table p (k, name, code)")
        conn.execute(f"insert into p values {_values(PROVINCES)}")
        for step, offset in ((1, 0), (7, 3)):
            conn.execute(f"insert or ignore into mentions (article_id, kind, name, code, count) "
                         f"select a.id, 'country', c.name, c.code, 1 from articles a "
                         f"join c on c.k = (a.rowid * {step} + {offset}) % {len(COUNTRIES)}")
        conn.execute(f"insert or ignore into mentions (article_id, kind, name, code, count) "
                     f"select a.id, 'province', p.name, p.code, 1 from articles a "
                     f"join p on p.k = a.rowid % {len(PROVINCES)}")
    n = conn.execute("select count(*) from mentions").fetchone()[0]
    conn.close()
    print(f"tagged {n:,} synthetic mentions in {time.perf_counter() - started:.0f} s", flush=True)


def tag_meetings(path: Path) -> None:
    """One visit or meeting per 10 articles (a province, a year from the article's date, a foreign country and
    one of 400 officials, each under two spellings), when the archive has no meetings yet: the meetings page's load."""
    conn = sqlite3.connect(path)
    if conn.execute("select count(*) from (select 1 from meetings limit 1)").fetchone()[0]:
        return
    started = time.perf_counter()
    with conn:
        conn.execute("create temp table mc (k, name, code)")
        conn.execute(f"insert into mc values {_values(COUNTRIES)}")
        conn.execute("create temp table mp (k, name, code)")
        conn.execute(f"insert into mp values {_values(PROVINCES)}")
        conn.execute("""insert into meetings (id, article_id, site, seq, type, date_start, date_end, year, month,
                place_country, province, province_code, city, places, source, chinese_side, foreign_side, countries,
                country_codes, sentence)
            select a.id || '-1', a.id, a.site, 1, case a.rowid % 3 when 0 then 'visit' else 'meeting' end,
                   substr(a.published, 1, 10), substr(a.published, 1, 10), cast(substr(a.published, 1, 4) as int),
                   substr(a.published, 1, 7), 'CHN', p.name, p.code, 'City ' || (a.rowid / 10 % 97), '[]', 'article',
                   json_array(json_object('name', case a.rowid / 10 % 2 when 0 then 'Shen' else 'Chen' end
                              || ' Official' || (a.rowid / 10 % 400), 'title', 'Governor')),
                   json_array(json_object('name', null, 'role', 'Ambassador', 'country_name', c.name)),
                   json_array(c.name), json_array(c.code), 'A synthetic meeting of the benchmark.'
            from articles a join mp p on p.k = a.rowid % 10 join mc c on c.k = a.rowid % 13
            where a.rowid % 10 = 0 and a.published is not null""")
        conn.execute("""insert into meeting_participants (meeting_id, article_id, side, name, title, country,
                country_name, type, date_start, year, province, province_code)
            select m.id, m.article_id, 'chinese', json_extract(m.chinese_side, '$[0].name'), 'Governor', 'CHN',
                   'China', m.type, m.date_start, m.year, m.province, m.province_code from meetings m
            union all
            select m.id, m.article_id, 'foreign', null, 'Ambassador', json_extract(m.country_codes, '$[0]'),
                   json_extract(m.countries, '$[0]'), m.type, m.date_start, m.year, m.province, m.province_code
            from meetings m""")
    n = conn.execute("select count(*) from meetings").fetchone()[0]
    conn.close()
    print(f"wrote {n:,} synthetic meetings in {time.perf_counter() - started:.0f} s", flush=True)


def build(articles: int, directory: Path) -> Path:
    from bench.archive import run
    print(f"building an archive of {articles:,} generated articles...", flush=True)
    run(articles, directory, batch=1000)
    return directory / f"bench-{articles}.db"


def _arguments(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="archive file to serve (default: build one of --articles)")
    parser.add_argument("--articles", type=int, default=20_000, help="size of the archive built without --db")
    parser.add_argument("--code", type=Path, default=ROOT, help="Gazette source tree to serve with")
    parser.add_argument("--repeat", type=int, default=5, help="warm requests per page (median)")
    parser.add_argument("--word", default="ambassador", help="the common word searched")
    parser.add_argument("--only", choices=("gazette", "plain"), help="time one server only")
    parser.add_argument("--tag-mentions", action="store_true",
                        help="give every article two countries and a province named first, if none are")
    parser.add_argument("--json", dest="as_json", action="store_true", help="print the results as JSON")
    return parser.parse_args(argv)


def _prepare(path: Path, code: Path, tagged: bool) -> tuple[int, str]:
    """Tag and migrate the archive as asked; (its highest rowid, the id of an article half way through)."""
    if tagged:
        tag_mentions(path)
    if code == ROOT:
        from archive import Archive
        started = time.perf_counter()
        Archive(path).close()
        print(f"migration (schema brought up to date): {time.perf_counter() - started:.1f} s", flush=True)
        if tagged:
            tag_meetings(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    count = conn.execute("select max(rowid) from articles").fetchone()[0] or 0
    article_id = conn.execute("select id from articles where rowid >= ? order by rowid limit 1",
                              [count // 2]).fetchone()[0]
    conn.close()
    return count, article_id


def _time_server(server: str, path: Path, code: Path, table: list, repeat: int) -> list:
    """Start Gazette's server or plain Datasette on the archive, time every page of `table`, stop it."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    port = free_port()
    if server == "gazette":
        command = [sys.executable, "-m", "crawler", "serve", "--db", str(path), "--port", str(port)]
        paths = [g for _, g, _ in table]
    else:
        command = [sys.executable, "-c", PLAIN, "serve", str(path), "--port", str(port)]
        paths = [p for _, _, p in table]
    started = time.perf_counter()
    process = start(command, code if server == "gazette" else Path(tempfile.gettempdir()), env, port)
    print(f"{server}: answering after {time.perf_counter() - started:.1f} s", flush=True)
    try:
        return measure(f"http://127.0.0.1:{port}", paths, repeat)
    finally:
        stop(process)


def _cell(r) -> str:
    if r is None:
        return "—"
    flag = "" if r["status"] == 200 else f" [{r['status']}]"
    return f"{r['first_ms']:,.0f} / {r['warm_ms']:,.0f}{flag}"


def _print_table(path: Path, count: int, table: list, results: dict, repeat: int) -> None:
    print(f"\n{count:,} articles in {path} ({path.stat().st_size / 1e9:.1f} GB); ms, first answer / median of "
          f"{repeat} more; limit {LIMIT_MS} ms")
    print(f"{'page':<40} {'Gazette':>17} {'plain Datasette':>17} {'ratio (warm)':>13}")
    for i, (name, _, _) in enumerate(table):
        g = results.get("gazette", [None] * len(table))[i]
        p = results.get("plain", [None] * len(table))[i]
        ratio = f"×{g['warm_ms'] / p['warm_ms']:.2f}" if g and p and p["warm_ms"] else ""
        over = " over" if g and max(g["first_ms"], g["warm_ms"]) > LIMIT_MS else ""
        print(f"{name:<40} {_cell(g):>17} {_cell(p):>17} {ratio:>13}{over}")


def main(argv=None) -> int:
    args = _arguments(argv)
    temp = None
    path = args.db
    if path is None:
        temp = tempfile.TemporaryDirectory(prefix="gazette-bench-serve-")
        path = build(args.articles, Path(temp.name))
    path = path.resolve()
    code = args.code.resolve()
    count, article_id = _prepare(path, code, args.tag_mentions)
    table = pages(article_id, path.stem, args.word)
    results = {server: _time_server(server, path, code, table, args.repeat)
               for server in ("gazette", "plain") if not args.only or args.only == server}
    if args.as_json:
        print(json.dumps({"archive": str(path), "articles": count, "pages": [
            {"page": name, "gazette": results.get("gazette", [None] * len(table))[i],
             "plain": results.get("plain", [None] * len(table))[i]} for i, (name, _, _) in enumerate(table)]},
            indent=1))
        return 0
    _print_table(path, count, table, results, args.repeat)
    if temp:
        temp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
