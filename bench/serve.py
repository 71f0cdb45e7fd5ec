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
      python -m bench.serve --db A.db --tag-mentions    (first give the archive the mentions, meetings, edits,
                                                         gone articles, Chinese articles and translation pairs
                                                         a real one has, each if it has none: bench/serve_data.py)
      python -m bench.serve --db A.db --pages 'meetings' (time only the pages whose name matches)
      python -m bench.serve --db A.db --cold            (empty the page cache before each server starts: root)

Gazette's server reads its archive's keys and indexes ahead as it starts (archive/datasette/prewarm.py): what it
read and when (seconds after the read-ahead started, as the server loads) is printed after its pages are timed; a tree missing
from the list had not been read when the server stopped.

The archive is brought up to date (migrated) before any server starts, unless --code is given (an older
checkout serves the file as it is); the time the migration took is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
import urllib.error
import urllib.request
from urllib.parse import quote_plus
from pathlib import Path

from bench import serve_data

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


def pages(ids: dict, db_name: str, word: str) -> list[tuple[str, str, str | None]]:
    """(page, Gazette path, plain Datasette path or None). `ids`: article (any), edited (an article edited by its
    site), paired (an English article with its Chinese original), official (a person's key), official_name (as archived)."""
    d = db_name
    article_id, edited = ids["article"], ids["edited"]
    q = quote_plus
    return [
        ("home", "/", "/"),
        ("database page", "/gazette", f"/{d}"),
        ("articles table", "/gazette/articles", f"/{d}/articles"),
        (f"table search '{word}'", f"/gazette/articles?_search={word}", f"/{d}/articles?_search={word}"),
        ("facet by site", "/gazette/articles?_facet=site", f"/{d}/articles?_facet=site"),
        ("article page", f"/gazette/articles/{article_id}", f"/{d}/articles/{article_id}"),
        ("edited article's page", f"/gazette/articles/{edited}", f"/{d}/articles/{edited}"),
        (f"search page '{word}' + facets", f"/-/search?q={word}",
         f"/{d}/articles?_search={word}&_facet=site"),
        (f"search page '{word}', newest first", f"/-/search?q={word}&order=date",
         f"/{d}/articles?_search={word}&_sort_desc=published"),
        ("search page, rare word", "/-/search?q=Turkmenistan", f"/{d}/articles?_search=Turkmenistan"),
        ("search page, phrase", "/-/search?q=%22sister+city%22", f"/{d}/articles?_search=%22sister+city%22"),
        ("search page, prefix", "/-/search?q=invest*", f"/{d}/articles?_search=invest*"),
        (f"search '{word} OR Turkmenistan'", "/-/search?q=" + q(f"{word} OR Turkmenistan"), None),
        (f"search '{word} -friendship'", "/-/search?q=" + q(f"{word} -friendship"), None),
        (f"search '{word} NOT friendship'", "/-/search?q=" + q(f"{word} NOT friendship"), None),
        (f"search '-{word}' (exclusion alone)", "/-/search?q=" + q(f"-{word}"), None),
        ("search Chinese '卢森堡'", "/-/search?q=" + q("卢森堡"), None),
        ("search Chinese, 2 characters '大使'", "/-/search?q=" + q("大使"), None),
        (f"search mixed '{word} OR 卢森堡'", "/-/search?q=" + q(f"{word} OR 卢森堡"), None),
        ("search '卢森堡 -大使'", "/-/search?q=" + q("卢森堡 -大使"), None),
        ("articles of a source", "/-/search?site=hunan", f"/{d}/articles?site=hunan"),
        ("articles of a year", "/-/search?year=2020", None),
        (f"'{word}' of a source and year", f"/-/search?q={word}&site=hunan&year=2020", None),
        ("articles naming a country", "/-/search?country=ALB", f"/{d}/mentions?code=ALB"),
        ("articles naming a province", "/-/search?province=CN-GZ", None),
        (f"'{word}' naming a country", f"/-/search?q={word}&country=ALB", None),
        ("unknown country", "/-/search?country=Narnia", None),
        ("gone from their site", "/-/search?gone=1", None),
        ("feed of a search", f"/-/search.atom?q={word}", None),
        ("feed of a country", "/-/search.atom?country=ALB", None),
        ("feed of gone articles", "/-/feeds/gone.atom", None),
        ("feed of edits", "/-/feeds/changes.atom", None),
    ] + _history_and_meetings(ids, d)


def _history_and_meetings(ids: dict, d: str) -> list[tuple[str, str, str | None]]:
    """The pages of pages() past the search: changes, versions, meetings, translations, canned queries."""
    edited, paired, official = ids["edited"], ids["paired"], ids["official"]
    q = quote_plus
    return [
        ("changes page", "/-/changes", None),
        ("changes of a source", "/-/changes?site=hunan", None),
        ("difference page", f"/-/changes/{edited}/1", None),
        ("a version, citable", f"/-/article/{edited}/v/1", None),
        ("meetings page", "/-/meetings", f"/{d}/meetings"),
        ("meetings of a province and year", "/-/meetings?province=Guizhou&year=2021&type=visit", None),
        ("meetings with a country", "/-/meetings?country=Kenya", None),
        ("meetings of a year", "/-/meetings?year=2021", None),
        ("meetings of a type", "/-/meetings?type=visit", None),
        ("meetings of an official", f"/-/meetings?official={official}", None),
        ("meetings, unknown province", "/-/meetings?province=Guizhu", None),
        ("feed of meetings", "/-/meetings.atom?province=Guizhou", None),
        ("an official's events", f"/-/official/{official}", None),
        ("translation page", f"/-/translation/{paired}", None),
        ("omissions page", "/-/omissions", None),
        ("meetings table", "/gazette/meetings", f"/{d}/meetings"),
        ("visitors to a province by year", "/gazette/foreign_visitors_by_year?province=Guizhou&year=", None),
        ("visitors to a province in a year", "/gazette/foreign_visitors_by_year?province=Guizhou&year=2021", None),
        ("countries by province and year", "/gazette/countries_by_province_and_year?province=Guizhou&year=2020",
         None),
        ("countries by province", "/gazette/countries_by_province_and_year?province=Guizhou&year=", None),
        ("countries by year", "/gazette/countries_by_province_and_year?province=&year=2020", None),
        ("articles naming country X", "/gazette/articles_naming_country?country=ALB", None),
        ("meetings of an official (canned)", "/gazette/meetings_of_official?who=" + q(ids["official_name"]) + "&province=", None),
        ("crawl health", "/gazette/crawl_health", None),
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


def sample_ids(path: Path) -> dict:
    """The articles and the person the pages open: one in the middle, one edited by its site (the first article
    if none is), one with a translation pair, the official named most."""
    from archive.datasette.pages.people import person_key

    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        def one(sql, default=None):
            try:
                row = conn.execute(sql).fetchone()
            except sqlite3.Error:
                row = None
            return row[0] if row else default
        middle = one("select id from articles where rowid >= (select max(rowid) / 2 from articles) order by rowid")
        edited = one("select article_id from revisions where cause = 'refetch' order by id", middle)
        paired = one("select english_id from translations", middle)
        name = one("select name from meeting_participants where name is not null group by name "
                   "order by count(*) desc limit 1", "nobody")
    return {"article": middle, "edited": edited, "paired": paired, "official": person_key(name) or "nobody",
            "official_name": name}


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
                        help="give the archive the mentions, meetings, edits, gone articles, Chinese articles, pairs "
                             "and captures a real one holds, each if it has none (bench/serve_data.py)")
    parser.add_argument("--pages", help="time only the pages whose name matches this regular expression")
    parser.add_argument("--cold", action="store_true",
                        help="empty the operating system's page cache before each server starts (needs root: "
                             "writes /proc/sys/vm/drop_caches), so first answers read the file from disk")
    parser.add_argument("--json", dest="as_json", action="store_true", help="print the results as JSON")
    return parser.parse_args(argv)


def _prepare(path: Path, code: Path, tagged: bool) -> int:
    """Tag and migrate the archive as asked (migrated only for this checkout: an older one serves it as it is);
    its highest rowid."""
    if tagged:
        serve_data.tag_mentions(path)
    if code == ROOT:
        from archive import Archive
        started = time.perf_counter()
        Archive(path).close()
        print(f"migration (schema brought up to date): {time.perf_counter() - started:.1f} s", flush=True)
    if tagged:       # the tables exist in the archive as bench.archive made it (any recent checkout)
        serve_data.tag_meetings(path)
        serve_data.tag_history(path)
        serve_data.tag_chinese(path)
        serve_data.tag_captures(path)
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("select max(rowid) from articles").fetchone()[0] or 0


def drop_page_cache() -> bool:
    """Empty the kernel's page cache (root only); whether it was emptied."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _time_server(server: str, path: Path, code: Path, table: list, repeat: int, loads: dict,
                 cold: bool = False) -> list:
    """Start Gazette's server or plain Datasette on the archive, time every page of `table`, stop it; the load
    average (1 minute) before and after goes into `loads`. `cold`: the page cache is emptied first."""
    if cold:
        print(f"{server}: page cache " + ("emptied" if drop_page_cache() else
                                          "NOT emptied (needs root): first answers may read from memory"), flush=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    readahead = Path(tempfile.gettempdir()) / f"gazette-bench-readahead-{os.getpid()}.log"
    readahead.unlink(missing_ok=True)
    env["GAZETTE_READAHEAD_LOG"] = str(readahead)      # what the server read ahead as it started, and when
    port = free_port()
    if server == "gazette":
        command = [sys.executable, "-m", "crawler", "serve", "--db", str(path), "--port", str(port)]
        paths = [g for _, g, _ in table]
    else:
        command = [sys.executable, "-c", PLAIN, "serve", str(path), "--port", str(port)]
        paths = [p for _, _, p in table]
    started = time.perf_counter()
    load = os.getloadavg()[0]
    process = start(command, code if server == "gazette" else Path(tempfile.gettempdir()), env, port)
    print(f"{server}: answering after {time.perf_counter() - started:.1f} s", flush=True)
    try:
        timed = measure(f"http://127.0.0.1:{port}", paths, repeat)
    finally:
        stop(process)
    loads[server] = (load, os.getloadavg()[0])
    if readahead.exists():
        print(readahead.read_text().rstrip(), flush=True)
        readahead.unlink()
    print(f"{server}: load average (1 min) {load:.2f} before, {loads[server][1]:.2f} after", flush=True)
    return timed


def _cell(r) -> str:
    if r is None:
        return "—"
    flag = "" if r["status"] == 200 else f" [{r['status']}]"
    return f"{r['first_ms']:,.0f} / {r['warm_ms']:,.0f}{flag}"


def _print_table(path: Path, count: int, table: list, results: dict, repeat: int, loads: dict) -> None:
    print(f"\n{count:,} articles in {path} ({path.stat().st_size / 1e9:.1f} GB); ms, first answer / median of "
          f"{repeat} more; limit {LIMIT_MS} ms; load average "
          + ", ".join(f"{k} {a:.1f}–{b:.1f}" for k, (a, b) in loads.items()))
    print(f"{'page':<44} {'Gazette':>17} {'plain Datasette':>17} {'ratio (warm)':>13}")
    for i, (name, _, _) in enumerate(table):
        g = results.get("gazette", [None] * len(table))[i]
        p = results.get("plain", [None] * len(table))[i]
        ratio = f"×{g['warm_ms'] / p['warm_ms']:.2f}" if g and p and p["warm_ms"] else ""
        over = " over" if g and max(g["first_ms"], g["warm_ms"]) > LIMIT_MS else ""
        print(f"{name:<44} {_cell(g):>17} {_cell(p):>17} {ratio:>13}{over}")


def main(argv=None) -> int:
    args = _arguments(argv)
    temp = None
    path = args.db
    if path is None:
        temp = tempfile.TemporaryDirectory(prefix="gazette-bench-serve-")
        path = build(args.articles, Path(temp.name))
    path = path.resolve()
    code = args.code.resolve()
    count = _prepare(path, code, args.tag_mentions)
    table = pages(sample_ids(path), path.stem, args.word)
    if args.pages:
        table = [t for t in table if re.search(args.pages, t[0])]
    loads: dict = {}
    results = {server: _time_server(server, path, code, table, args.repeat, loads, args.cold)
               for server in ("gazette", "plain") if not args.only or args.only == server}
    if args.as_json:
        print(json.dumps({"archive": str(path), "articles": count, "load": loads, "pages": [
            {"page": name, "gazette": results.get("gazette", [None] * len(table))[i],
             "plain": results.get("plain", [None] * len(table))[i]} for i, (name, _, _) in enumerate(table)]},
            indent=1))
        return 0
    _print_table(path, count, table, results, args.repeat, loads)
    if temp:
        temp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
