"""`gazette demo`: Gazette end to end on any machine, without the network.

1. The recorded pages of every configured site (gazette_data's fixture trees, shipped with the package) are
   served on loopback, one mirror per site at the site's own paths; a demo config is the user's config with each
   site's URLs moved onto its mirror, politeness delays off (loopback only) and revisits due after a second.
2. `gazette crawl --all` crawls them into the demo archive through the normal crawler, pipelines and archive, in
   a child process (Twisted's reactor cannot be restarted). Then one article is edited and another deleted on the
   mirrors, and `gazette crawl --all --revisit` re-checks every archived article: the archive gets a revision and
   a gone article.
3. `gazette serve` opens the demo archive; the address and what to try first are printed. Ctrl-C (or SIGTERM)
   stops the child in hand with one SIGINT, then the mirrors; nothing is left running.

The demo archive (default data/demo.db) is rebuilt on every run (its URLs name the mirrors' ports, which change);
a file that is not a demo archive is never touched.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack, closing
from pathlib import Path
from urllib.parse import urlsplit

import gazette_data
from archive.datasette import serve as serving

from .mirror import Mirror
from .sites import read_config, site_mirror, write_config

DEFAULT_DB = Path("data") / "demo.db"
REVISIT_AFTER_DAYS = 1 / 86400  # one second: every article is due when the second crawl starts
EDIT_NOTE = "revised on the demo server"


class DemoError(Exception):
    """The demo cannot run; the message is one line for the user."""


class NotDemoArchive(DemoError):
    """--db names a file that is not a demo archive (a usage error)."""


def check_port(host: str, port: int) -> None:
    """DemoError if nothing can listen on host:port (found out before a minute of crawling, not after)."""
    try:
        serving.check_port(host, port)
    except serving.PortTaken as exc:
        raise DemoError(str(exc)) from None


DEMO_ID = 0x67617A64  # PRAGMA application_id of an archive the demo made ("gazd")


def is_demo_archive(path: Path) -> bool:
    """True if the demo made the archive at `path` (its SQLite header's application_id says so), or it is empty."""
    if path.stat().st_size == 0:
        return True
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return conn.execute("PRAGMA application_id").fetchone()[0] == DEMO_ID
    except sqlite3.DatabaseError:
        return False


def fresh_archive(path: Path) -> None:
    """Remove the previous demo archive (and its WAL files) and start a new one marked as the demo's; refuse
    any other file, whatever it holds: a real archive is never overwritten."""
    if path.exists():
        if not is_demo_archive(path):
            raise NotDemoArchive(f"{path} is not an archive made by gazette demo; give the demo another --db "
                                 f"(it rebuilds its archive on every run)")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA application_id = {DEMO_ID}")
        conn.commit()


def demo_config(directory: Path, mirrors: dict[str, Mirror], raw: dict, source: Path) -> Path:
    """The user's config with the mirrored sites on loopback, no delays, revisits due at once."""
    for key in mirrors:
        site = raw["sites"][key]
        site["revisit"] = {"after_days": [REVISIT_AFTER_DAYS], "max_per_run": 10_000}
        politeness = dict(site.get("politeness", {}))
        politeness.update({"download_delay": 0, "autothrottle": False})
        site["politeness"] = politeness
        site.pop("schedule", None)
    write_config(directory, mirrors, raw)
    for entry in source.iterdir():  # the rest of the config as it is (mentions/, meetings.toml, ...)
        if entry.name != "sites.toml" and not entry.name.startswith("."):
            if entry.is_dir():
                shutil.copytree(entry, directory / entry.name)
            else:
                shutil.copy2(entry, directory / entry.name)
    return directory


def pick_changes(archived: dict[str, set[str]]) -> tuple[dict, dict]:
    """(the article to edit, the article to delete), both recorded pages the first crawl archived (`archived`:
    the URL paths seen per site), of one site (mfa if it has them); the edited one a page whose text has a middle
    paragraph that can be cut from its HTML."""
    order = sorted(archived, key=lambda key: (key != "mfa", key))
    for key in order:
        pages = [(path, file, expected) for _, path, file, expected in gazette_data.recorded_pages(key)
                 if path in archived[key]]
        for path, file, expected in pages:
            html = file.read_bytes()
            paragraphs = [p for p in (expected.get("body") or "").split("\n\n") if len(p) > 80]
            cut = next((p for p in paragraphs[1:] if html.count(p.encode("utf-8")) == 1), None)
            others = [p for p, _, e in pages if p != path and e.get("listed", True)]   # a listed page is deleted
            if cut and others:
                edited = html.replace(cut.encode("utf-8"), b"")
                return ({"site": key, "path": path, "body": edited, "cut": cut},
                        {"site": key, "path": others[-1]})
    raise DemoError("no archived recorded article to edit (the fixture trees are missing or were not crawled)")


def close_all(mirrors: dict[str, Mirror]) -> None:
    """Stop the mirrors together (each shutdown waits up to half a second for its serving loop to notice)."""
    threads = [threading.Thread(target=m.close) for m in mirrors.values()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class Child:
    """One `python -m crawler ...` child in its own process group: Ctrl-C at the terminal reaches only the demo,
    which passes one SIGINT on (a second would force Scrapy to stop uncleanly)."""

    def __init__(self, args: list[str], stdout=None):
        env = {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG")}
        self.proc = subprocess.Popen([sys.executable, "-m", "crawler", *args], env=env, process_group=0,
                                     stdout=stdout, text=True)

    def wait(self) -> tuple[int, str]:
        out = self.proc.stdout.read() if self.proc.stdout else ""
        return self.proc.wait(), out

    def stop(self, grace: float = 20) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Demo:
    def __init__(self, db: Path, host: str, port: int, config: Path, as_json: bool):
        self.db, self.host, self.port, self.config, self.as_json = db, host, port, config, as_json
        self.child: Child | None = None
        self.serving = False

    def say(self, line: str, **obj) -> None:
        if self.as_json:
            if obj:
                print(json.dumps(obj, ensure_ascii=False), flush=True)
        else:
            print(line, flush=True)

    def run_child(self, args: list[str]) -> list[dict]:
        """Run a gazette command to its end; its JSON lines when --json, else its own output goes to the user."""
        self.child = Child(args, stdout=subprocess.PIPE if self.as_json else None)
        code, out = self.child.wait()
        self.child = None
        if code not in (0, 1):
            raise DemoError(f"gazette {args[0]} exited with status {code}")
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def crawl(self, step: str, config_dir: Path, *extra: str) -> None:
        args = ["crawl", "--all", "--db", str(self.db), "--config", str(config_dir), *extra]
        for summary in self.run_child(args + (["--json"] if self.as_json else [])):
            self.say("", step=step, **summary)

    def fetch_unlisted(self, mirrors: dict[str, Mirror], config_dir: Path) -> None:
        """The recorded pages no listing links (`"listed": false`: other templates and eras, and the English
        press conference whose Chinese original the mfa-zh listing links), fetched one by one (gazette fetch), so
        the demo archive also holds an English article paired with its Chinese original."""
        urls = [mirrors[key].url + path for key in mirrors
                for _, path, _, expected in gazette_data.recorded_pages(key) if expected.get("listed") is False]
        if not urls:
            return
        self.say(f"\nfetching the {len(urls)} recorded pages no listing links (gazette fetch; most are of "
                 f"templates the sites' selectors do not know, which the generic extractor reads and says so)")
        results = self.run_child(["fetch", "--db", str(self.db), "--config", str(config_dir), *urls]
                                 + (["--json"] if self.as_json else []))
        fetched: dict[str, int] = {}
        for r in results:
            if r.get("status") == "new":
                fetched[r["site"]] = fetched.get(r["site"], 0) + 1
        self.say("", step="fetch", urls=urls, new=fetched)

    def counts(self) -> dict:
        with closing(sqlite3.connect(self.db)) as conn:
            per_site = dict(conn.execute("select site, count(*) from articles group by site order by site"))
            revisions = conn.execute("select count(*) from revisions").fetchone()[0]
            gone = conn.execute("select count(*) from articles where gone_since is not null").fetchone()[0]
        return {"articles": per_site, "revisions": revisions, "gone": gone}

    def archived_paths(self) -> dict[str, set[str]]:
        """The URL paths the archive has seen, per site."""
        found: dict[str, set[str]] = {}
        with closing(sqlite3.connect(self.db)) as conn:
            rows = conn.execute("select a.site, u.url from article_urls u join articles a on a.id = u.article_id")
            for site, url in rows:
                found.setdefault(site, set()).add(urlsplit(url).path)
        return found

    def article_id(self, url: str) -> str | None:
        with closing(sqlite3.connect(self.db)) as conn:
            row = conn.execute("select article_id from article_urls where url = ?", [url]).fetchone()
        return row[0] if row else None

    def run(self) -> int:
        started = time.monotonic()
        check_port(self.host, self.port)
        fresh_archive(self.db)
        raw = read_config(self.config)
        keys = [k for k in raw.get("sites", {}) if (gazette_data.fixtures() / k).is_dir()]
        missing = [k for k in raw.get("sites", {}) if k not in keys]
        if not keys:
            raise DemoError(f"no recorded pages for any site of {self.config / 'sites.toml'}")
        with ExitStack() as stack:
            mirrors: dict[str, Mirror] = {}
            stack.callback(close_all, mirrors)
            for key in keys:
                mirrors[key] = site_mirror(key, raw)
            work = Path(tempfile.mkdtemp(prefix="gazette-demo-"))
            stack.callback(shutil.rmtree, work, True)
            config_dir = demo_config(work / "config", mirrors, raw, self.config)
            self.say(f"gazette demo: the recorded pages of {len(keys)} sites served on loopback "
                     f"({', '.join(f'{k} {m.url}' for k, m in mirrors.items())})"
                     + (f"; no recorded pages for {', '.join(missing)}" if missing else ""),
                     step="mirrors", sites={k: m.url for k, m in mirrors.items()}, skipped=missing)
            self.say(f"\n1/3 crawling every site into {self.db} (gazette crawl --all)")
            self.crawl("crawl", config_dir)
            self.fetch_unlisted(mirrors, config_dir)
            first_done = time.monotonic()
            archived = self.archived_paths()
            if not archived:
                raise DemoError("the first crawl archived nothing (see the messages above)")

            edited, deleted = pick_changes(archived)
            edited_url = mirrors[edited["site"]].url + edited["path"]
            deleted_url = mirrors[deleted["site"]].url + deleted["path"]
            mirrors[edited["site"]].set(edited["path"], edited["body"])
            mirrors[deleted["site"]].set(deleted["path"], "<html><body><h1>404 Not Found</h1></body></html>",
                                         status=404)
            self.say(f"\n2/3 on the demo server, one article edited (a paragraph cut: {edited_url}) and one deleted "
                     f"({deleted_url}); crawling again, re-checking every archived article (gazette crawl --all "
                     f"--revisit)", step="changes", edited=edited_url, deleted=deleted_url)
            time.sleep(max(0.0, 2.0 - (time.monotonic() - first_done)))  # the revisit point is 1 s after first seen
            self.crawl("recrawl", config_dir, "--revisit")

            counts = self.counts()
            per_site = ", ".join(f"{k} {n}" for k, n in counts["articles"].items())
            self.say(f"\nthe demo archive {self.db}: {sum(counts['articles'].values())} articles ({per_site}), "
                     f"{plural(counts['revisions'], 'revision')}, {plural(counts['gone'], 'gone article')} "
                     f"(built in {time.monotonic() - started:.0f} s)", step="archive", db=str(self.db), **counts,
                     seconds=round(time.monotonic() - started, 1))
            self.serve(self.article_id(edited_url), self.article_id(deleted_url))
        return 0

    def serve(self, edited_id: str | None, gone_id: str | None) -> None:
        """`gazette serve` on the demo archive until Ctrl-C; the address and what to try once it answers."""
        base = f"http://{self.host}:{self.port}"
        self.child = Child(["serve", "--db", str(self.db), "--host", self.host, "--port", str(self.port)],
                           stdout=subprocess.DEVNULL)
        self.serving = True
        deadline = time.monotonic() + 60
        while True:
            if self.child.proc.poll() is not None:
                raise DemoError(f"gazette serve exited with status {self.child.proc.returncode}")
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise DemoError(f"gazette serve did not answer at {base} within a minute") from None
                time.sleep(0.2)
        tries = {
            "search": f"{base}/-/search?q=ambassador",
            "envoy_question": f"{base}/-/meetings?province=Guizhou&year=2020",
            "article_with_history": f"{base}/gazette/articles/{edited_id}",
            "gone_article": f"{base}/gazette/articles/{gone_id}",
        }
        labels = {"search": 'a search ("ambassador")',
                  "envoy_question": "which countries' envoys came to Guizhou in 2020",
                  "article_with_history": "an article edited after publication, with its history",
                  "gone_article": "an article deleted from its site"}
        width = max(map(len, labels.values())) + 1
        self.say(f"\n3/3 the demo archive is open at {base}/ (Ctrl-C stops the demo)\nTry first:\n"
                 + "".join(f"  {(labels[k] + ':').ljust(width)} {url}\n" for k, url in tries.items())
                 + f"This is {self.db}, not your archive. For the real sites: gazette crawl --all; gazette serve",
                 step="serve", url=base + "/", tries=tries)
        self.child.proc.wait()
        self.child = None


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def run_demo(db: str | os.PathLike | None = None, host: str = "127.0.0.1", port: int = 8001,
             config: str | os.PathLike | None = None, as_json: bool = False) -> int:
    """Run the demo in the foreground until Ctrl-C/SIGTERM: 0 when stopped while serving, 130 when stopped
    before. Raises DemoError (one line for the user)."""
    demo = Demo(Path(db or DEFAULT_DB), host, port, gazette_data.config_dir(config), as_json)
    # SIGINT too: a process started in the background by a non-interactive shell inherits it ignored, and so
    # would its children; with a handler here the children start with the default (exec resets handlers).
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return demo.run()
    except KeyboardInterrupt:
        if demo.child:
            demo.child.stop()
        print("gazette demo: stopped", file=sys.stderr, flush=True)
        return 0 if demo.serving else 130
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum, frame):
    raise KeyboardInterrupt
