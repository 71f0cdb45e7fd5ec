"""A generated TRS-style site on a loopback mirror: N articles in the MFA page template behind paginated
listings (newest first, 20 per page, `createPageHTML`), for crawl benchmarks and fault tests.

`GeneratedSite(mirror, n)` serves it; `.add(k)` publishes k more articles on top (an incremental crawl then
finds only those); `.link(paths)` lists other pages (served by the caller, e.g. bad responses) among them; `config(directory)` writes a config whose `mfa` site points at the mirror with one start page.
"""
from __future__ import annotations

import random

from .mirror import Mirror
from .sites import read_config, write_config

LISTING = "/eng/xw/wjbxw/"
PER_PAGE = 20
WORDS = ("ambassador", "province", "delegation", "cooperation", "friendship", "city", "governor", "exchange",
         "trade", "investment", "culture", "education", "tourism", "agreement", "visit", "consulate", "youth",
         "port", "railway", "agriculture", "health", "science", "forum", "partnership", "mayor", "envoy")
PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{title}</title></head><body>
<div class="nav"><a href="/eng/">Home</a>&nbsp;&gt;&nbsp;<a href="/eng/xw/">News</a></div>
<div class="vibox"><div class="title" id="News_Body_Title">{title}</div>
<div class="time"><span id="News_Body_Time">{date}</span></div>
<div id="News_Body_Txt_A" class="content">{paragraphs}</div></div>
<div class="footer">Copyright © Ministry of Foreign Affairs</div></body></html>"""
INDEX = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ministry News</title></head><body>
<ul class="list1">{items}</ul>
<div class="page"><script type="text/javascript">createPageHTML({pages}, {current}, "index", "html");</script></div>
</body></html>"""


class GeneratedSite:
    def __init__(self, mirror: Mirror, n: int, seed: int = 1):
        self.mirror = mirror
        self.rng = random.Random(seed)
        self.articles: list[tuple[str, str, str]] = []  # (path, title, date), oldest first
        self.linked: list[tuple[str, str, str]] = []  # pages listed among the articles, not generated here
        self.add(n)

    def path(self, i: int) -> str:
        day = 1 + i % 28
        return f"{LISTING}2024{1 + (i // 28) % 12:02d}/t2024{1 + (i // 28) % 12:02d}{day:02d}_{11000000 + i}.html"

    def add(self, k: int) -> list[str]:
        """Publish k more articles (newest) and rebuild the listings; returns their paths."""
        new = []
        for _ in range(k):
            i = len(self.articles)
            path = self.path(i)
            title = f"Article {i}: {' '.join(self.rng.choice(WORDS) for _ in range(6)).capitalize()}"
            date = path.split("/t")[1][:8]
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
            paragraphs = "".join(
                "<p>" + " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(25, 60))).capitalize()
                + f" (article {i}, paragraph {p}).</p>" for p in range(self.rng.randint(3, 7)))
            self.mirror.set(path, PAGE.format(title=title, date=date, paragraphs=paragraphs))
            self.articles.append((path, title, date))
            new.append(path)
        self._listings()
        return new

    def link(self, paths) -> None:
        """List these paths (served by the caller) too, spread among the generated articles."""
        self.linked += [(p, f"Listed page {len(self.linked) + n}", "") for n, p in enumerate(paths)]
        self._listings()

    def _listings(self) -> None:
        newest = list(reversed(self.articles))
        for n, entry in enumerate(self.linked):  # every other item, from the top
            newest.insert(min(2 * n + 1, len(newest)), entry)
        pages = max(1, -(-len(newest) // PER_PAGE))
        for n in range(pages):
            items = "".join(f'<li><a href="{p}">{t}</a><span>{d}</span></li>'
                            for p, t, d in newest[n * PER_PAGE:(n + 1) * PER_PAGE])
            body = INDEX.format(items=items, pages=pages, current=n)
            self.mirror.set(LISTING + ("index.html" if n == 0 else f"index_{n}.html"), body)
            if n == 0:
                self.mirror.set(LISTING, body)
        self.mirror.set("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")

    def urls(self) -> list[str]:
        return [self.mirror.url + p for p, _, _ in self.articles]

    def config(self, directory, **defaults):
        raw = read_config()
        raw["sites"]["mfa"]["start_urls"] = ["https://www.fmprc.gov.cn" + LISTING]
        return write_config(directory, {"mfa": self.mirror}, raw, **defaults)
