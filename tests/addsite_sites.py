"""Four generated news sites for `gazette add-site` tests, each on its own loopback mirror and named nowhere in
config/: a TRS site paged by `createPageHTML`, a TRS site paged by `var countPage = N` (table layout, TRS meta),
a China Daily-built site (`/YYYY-MM/DD/c_N.htm`, `<name>_N.html` listings, protocol-relative links) and a
WordPress site (`/page/N/`, a `/feed/`), a fifth paged only by `<link rel="next">`, a sixth only by a text link
reading "Next", and a seventh given by its RSS feed. Every site lists its articles newest first, three listing pages deep,
with navigation, a sidebar of popular articles on every listing page and a footer around the list, so the
inference has to find the real list.

`SITES[name](mirror)` builds one; `.start_url`, `.articles` ((path, title, date) newest first) and
`.start_paths` (what a second crawl must request) are what a test checks against.
"""
from __future__ import annotations

import datetime as dt
import random
from email.utils import format_datetime

from crawler.demo.mirror import Mirror

WORDS = ("ambassador", "province", "delegation", "cooperation", "friendship", "city", "governor", "exchange",
         "trade", "investment", "culture", "education", "tourism", "agreement", "visit", "consulate", "youth",
         "port", "railway", "agriculture", "health", "science", "forum", "partnership", "mayor", "envoy")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


class Generated:
    per_page = 10
    count = 25  # three listing pages: 10, 10, 5

    def __init__(self, mirror: Mirror, seed: int):
        self.mirror = mirror
        self.rng = random.Random(seed)
        self.articles: list[tuple[str, str, str]] = []  # (path, title, date) newest first
        first = dt.date(2024, 1, 3)
        for i in range(self.count):
            day = first + dt.timedelta(days=3 * i)
            title = (f"{self.rng.choice(WORDS).capitalize()} {' '.join(self.rng.choice(WORDS) for _ in range(5))} "
                     f"number {i}")
            paragraphs = [" ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(30, 60))).capitalize()
                          + f" (story {i}, paragraph {p})." for p in range(self.rng.randint(3, 6))]
            path = self.path(i, day, title)
            self.mirror.set(path, self.article(title, day, paragraphs, i))
            self.articles.insert(0, (path, title, day.isoformat()))
        pages = [self.articles[n:n + self.per_page] for n in range(0, len(self.articles), self.per_page)]
        for n, items in enumerate(pages):
            self.mirror.set(self.listing_path(n), self.listing(items, n, len(pages)))
        self.mirror.set("/robots.txt", "User-agent: *\nDisallow: /admin/\n", content_type="text/plain")

    @property
    def start_url(self) -> str:
        return self.mirror.url + self.listing_path(0)

    @property
    def start_paths(self) -> list[str]:
        return [self.listing_path(0)]

    @property
    def listing_paths(self) -> list[str]:
        """Every listing page of the site, first to last."""
        return list(dict.fromkeys(self.listing_path(n) for n in range(-(-self.count // self.per_page))))

    def paragraphs_html(self, paragraphs: list[str]) -> str:
        return "".join(f"<p>{p}</p>" for p in paragraphs)


class TrsCreatePage(Generated):
    """TRS WCM: /english/news/YYYYMM/tYYYYMMDD_N.html, relative ./ links, createPageHTML(3, k, "index", "html")."""

    def path(self, i, day, title):
        return f"/english/news/{day:%Y%m}/t{day:%Y%m%d}_{7040100 + i * 7}.html"

    def listing_path(self, n):
        return "/english/news/" if n == 0 else f"/english/news/index_{n}.html"

    def article(self, title, day, paragraphs, i):
        return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}--Lingnan Province</title>
</head><body><div class="top"><a href="/english/">Home</a> <a href="/english/news/">News</a> <a href="/english/about/">About Lingnan</a></div>
<div class="wrap"><div class="detail"><h1 class="detail-title">{title}</h1>
<div class="detail-info"><span class="time">Published: {day.isoformat()} 09:{i % 60:02d}</span> <span class="src">Source: Lingnan Daily</span></div>
<div class="detail-body" id="zoom">{self.paragraphs_html(paragraphs)}<p>【Print】 【Close】</p></div></div>
<div class="side"><h3>Contact</h3><p>Foreign Affairs Office of Lingnan Province</p></div></div>
<div class="foot"><p>Copyright © Lingnan Provincial People's Government</p></div></body></html>"""

    def listing(self, items, n, pages):
        lis = "".join(f'<li><a href="./{p.split("/")[3]}/{p.split("/")[4]}" title="{t}" target="_blank">{t}</a>'
                      f'<span class="date">{d}</span></li>' for p, t, d in items)
        hot = "".join(f'<li><a href="{p}">{t}</a></li>' for p, t, _ in self.articles[:3])
        return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News--Lingnan Province</title></head>
<body><div class="top"><a href="/english/">Home</a> <a href="/english/news/">News</a> <a href="/english/about/">About Lingnan</a> <a href="/english/invest/">Invest in Lingnan</a></div>
<div class="main"><div class="side"><h3>Most read</h3><ul class="hot">{hot}</ul></div>
<div class="list_con"><ul class="news_ul">{lis}</ul>
<div class="page"><script type="text/javascript">createPageHTML({pages}, {n}, "index", "html");</script></div></div></div>
<div class="foot"><a href="/english/sitemap/">Site map</a> <a href="/english/contact/">Contact us</a></div></body></html>"""


class TrsCountPage(Generated):
    """TRS with `var countPage = 3`: a table listing with bracketed dates, TRS meta, TRS_UEDITOR body."""

    def path(self, i, day, title):
        return f"/en/xwzx/{day:%Y%m}/t{day:%Y%m%d}_{331 + i}.html"

    def listing_path(self, n):
        return "/en/xwzx/index.html" if n == 0 else f"/en/xwzx/index_{n}.html"

    def article(self, title, day, paragraphs, i):
        return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{day.isoformat()} 16:20">
<meta name="ContentSource" content="Foreign Affairs Office"><title>{title}</title></head><body>
<table width="100%" class="head"><tr><td><a href="/en/">HOME</a></td><td><a href="/en/xwzx/">NEWS</a></td><td><a href="/en/tzgx/">INVESTMENT</a></td></tr></table>
<table width="1000" class="content"><tr><td class="bt">{title}</td></tr>
<tr><td class="xx">Date: {day.isoformat()} &nbsp; Source: Foreign Affairs Office</td></tr>
<tr><td><div class="TRS_UEDITOR trs_paper_default">{self.paragraphs_html(paragraphs)}</div></td></tr></table>
<table class="bottom"><tr><td>Sponsored by the People's Government of Beiling Province</td></tr></table></body></html>"""

    def listing(self, items, n, pages):
        rows = "".join(f'<tr><td class="dot">·</td><td><a href="{p}" target="_blank">{t}</a></td>'
                       f'<td class="time">[{d}]</td></tr>' for p, t, d in items)
        return f"""<html><head><meta charset="utf-8"><title>News Center</title></head><body>
<table width="100%" class="head"><tr><td><a href="/en/">HOME</a></td><td><a href="/en/xwzx/">NEWS</a></td><td><a href="/en/tzgx/">INVESTMENT</a></td><td><a href="/en/lyfw/">TRAVEL</a></td></tr></table>
<table width="1000"><tr><td class="left"><table class="newslist">{rows}</table>
<div class="fy"><script>var countPage = {pages}//共多少页
var currentPage = {n};//当前页
</script></div></td></tr></table>
<table class="bottom"><tr><td><a href="/en/gywm/">About us</a></td></tr></table></body></html>"""


class ChinaDaily(Generated):
    """China Daily-built: /YYYY-MM/DD/c_N.htm, listings latestnews.html, latestnews_2.html …, "1 2 3 >" paging,
    protocol-relative links, an image and a title link per item, titles over 40 characters cut short with "..."."""

    def path(self, i, day, title):
        return f"/{day:%Y-%m}/{day:%d}/c_{960300 + 11 * i}.htm"

    def listing_path(self, n):
        return "/latestnews.html" if n == 0 else f"/latestnews_{n + 1}.html"

    def article(self, title, day, paragraphs, i):
        return f"""<!DOCTYPE html><html><head><meta charset="UTF-8"><title>{title} - Nanling</title>
<meta name="keywords" content="Nanling"></head><body>
<div class="topNav"><a href="//{self.mirror.host}/">Home</a> <a href="//{self.mirror.host}/latestnews.html">Latest</a> <a href="//{self.mirror.host}/culture.html">Culture</a></div>
<div class="main_art"><div class="lft_art"><h1>{title}</h1>
<div class="info"><span class="info_l">By Li Wen | chinadaily.com.cn | Updated: {day.isoformat()} 10:{i % 60:02d}</span></div>
<div id="Content">{self.paragraphs_html(paragraphs)}</div>
<div class="sharebar">Share - WeChat</div></div></div>
<div class="footer"><p>Copyright 1995 - 2024. All rights reserved. The content (including but not limited to text, photo, multimedia information, etc) published in this site belongs to China Daily.</p></div>
</body></html>"""

    def listing(self, items, n, pages):
        host = self.mirror.host
        blocks = "".join(
            f'<div class="mb10 tw3_01_2"><span class="tw3_01_2_p"><a href="//{host}{p}"><img src="//{host}/img/{k}.jpg"></a></span>'
            f'<span class="tw3_01_2_t"><h4><a href="//{host}{p}">{t if len(t) <= 40 else t[:37] + "..."}</a></h4>'
            f'<b>{d} 10:00</b></span></div>'
            for k, (p, t, d) in enumerate(items))
        numbers = "".join(f'<span class="pagestyle">{k + 1}</span>' if k == n else
                          f'<a href="//{host}{self.listing_path(k)}" class="pagestyle">{k + 1}</a>' for k in range(pages))
        following = f'<a href="//{host}{self.listing_path(n + 1)}" class="pagestyle">&gt;</a>' if n + 1 < pages else ""
        hot = "".join(f'<li><a href="//{host}{p}">{t}</a></li>' for p, t, _ in self.articles[:4])
        return f"""<!DOCTYPE html><html><head><meta charset="UTF-8"><title>Latest - Nanling</title></head><body>
<div class="topNav"><a href="//{host}/">Home</a> <a href="//{host}/latestnews.html">Latest</a> <a href="//{host}/culture.html">Culture</a> <a href="//{host}/business.html">Business</a></div>
<div class="main"><div class="lft"><div class="crumb">Home &gt; Latest</div>{blocks}
<div id="div_currpage">{numbers}{following}</div></div>
<div class="rt"><div class="rt_tit">Editor's picks</div><ul>{hot}</ul></div></div>
<div class="footer"><a href="//{host}/about.html">About us</a></div></body></html>"""


class WordPress(Generated):
    """WordPress: /YYYY/MM/DD/slug/, listing /news/ with /news/page/N/, a feed at /feed/ linked in <head>."""

    def path(self, i, day, title):
        return f"/{day:%Y/%m/%d}/{'-'.join(title.lower().split())}/"

    def __init__(self, mirror: Mirror, seed: int):
        super().__init__(mirror, seed)
        items = "".join(
            f"<item><title>{t}</title><link>{mirror.url}{p}</link>"
            f"<pubDate>{format_datetime(dt.datetime.fromisoformat(d + 'T08:00:00+08:00'))}</pubDate>"
            f"<description>Summary</description></item>" for p, t, d in self.articles[:10])
        self.mirror.set("/feed/", f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Dongshan Today</title><link>{mirror.url}/</link>{items}</channel></rss>""",
                        content_type="application/rss+xml; charset=UTF-8")

    def listing_path(self, n):
        return "/news/" if n == 0 else f"/news/page/{n + 1}/"

    @property
    def start_paths(self) -> list[str]:
        return ["/news/", "/feed/"]

    def article(self, title, day, paragraphs, i):
        return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>{title} | Dongshan Today</title>
<meta property="og:title" content="{title}"><meta property="article:published_time" content="{day.isoformat()}T08:00:00+08:00">
<link rel="alternate" type="application/rss+xml" title="Dongshan Today &raquo; Feed" href="{self.mirror.url}/feed/"></head>
<body class="post-template-default single"><header id="masthead" class="site-header"><a href="/">Dongshan Today</a>
<nav class="main-navigation"><a href="/news/">News</a> <a href="/culture/">Culture</a> <a href="/about/">About</a></nav></header>
<main id="primary" class="site-main"><article id="post-{500 + i}" class="post-{500 + i} post type-post">
<header class="entry-header"><h1 class="entry-title">{title}</h1><div class="entry-meta">Posted on <time class="entry-date published" datetime="{day.isoformat()}T08:00:00+08:00">{MONTHS[day.month - 1]} {day.day}, {day.year}</time></div></header>
<div class="entry-content">{self.paragraphs_html(paragraphs)}<div class="sharedaddy"><h3>Share this:</h3></div></div></article></main>
<footer id="colophon"><p>Proudly powered by WordPress</p></footer></body></html>"""

    def listing(self, items, n, pages):
        posts = "".join(
            f'<article id="post-{k}" class="post-{k} post type-post status-publish hentry category-{("news", "culture")[k % 2]}">'
            f'<header class="entry-header"><h2 class="entry-title"><a href="{self.mirror.url}{p}" rel="bookmark">{t}</a></h2>'
            f'<div class="entry-meta"><span class="posted-on"><a href="{self.mirror.url}{p}"><time class="entry-date published" '
            f'datetime="{d}T08:00:00+08:00">{MONTHS[int(d[5:7]) - 1]} {int(d[8:])}, {d[:4]}</time></a></span>'
            f' <span class="cat-links"><a href="/category/{("news", "culture")[k % 2]}/">{("News", "Culture")[k % 2]}</a></span></div></header>'
            f'<div class="entry-summary"><p>{t}. Read more.</p></div></article>' for k, (p, t, d) in enumerate(items))
        links = "".join(f'<span class="page-numbers current">{k + 1}</span>' if k == n else
                        f'<a class="page-numbers" href="{self.mirror.url}{self.listing_path(k)}">{k + 1}</a>' for k in range(pages))
        following = (f'<a class="next page-numbers" href="{self.mirror.url}{self.listing_path(n + 1)}">Next</a>'
                     if n + 1 < pages else "")
        recent = "".join(f'<li><a href="{self.mirror.url}{p}">{t}</a></li>' for p, t, _ in self.articles[:5])
        return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>News | Dongshan Today</title>
<link rel="alternate" type="application/rss+xml" title="Dongshan Today &raquo; Feed" href="{self.mirror.url}/feed/">
<link rel="alternate" type="application/rss+xml" title="Dongshan Today &raquo; Comments Feed" href="{self.mirror.url}/comments/feed/"></head>
<body class="archive category"><header id="masthead" class="site-header"><a href="/">Dongshan Today</a>
<nav class="main-navigation"><a href="/news/">News</a> <a href="/culture/">Culture</a> <a href="/about/">About</a></nav></header>
<main id="primary" class="site-main">{posts}<nav class="navigation pagination"><div class="nav-links">{links}{following}</div></nav></main>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2>Recent Posts</h2><ul>{recent}</ul></section></aside>
<footer id="colophon"><p>Proudly powered by WordPress</p></footer></body></html>"""


class NextLink(Generated):
    """Another CMS: /media/news/YYYY/MM/slug (no extension), listing /media/news/ paged by <link rel="next"> to
    list-2.html, list-3.html, items as <div class="views-row"> with dates written "1 March 2024"."""

    def path(self, i, day, title):
        return f"/media/news/{day:%Y/%m}/{'-'.join(title.lower().split()[:5])}-{i}"

    def listing_path(self, n):
        return "/media/news/" if n == 0 else f"/media/news/list-{n + 1}.html"

    def article(self, title, day, paragraphs, i):
        return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Xiling Foreign Affairs</title></head>
<body><div id="header"><a href="/">Xiling Foreign Affairs</a><ul class="menu"><li><a href="/media/news/">News</a></li><li><a href="/about-us">About us</a></li></ul></div>
<div id="content"><div class="node node-article"><h2 class="node-title">{title}</h2>
<div class="field field-date"><span class="date-display-single">{day.day} {MONTHS[day.month - 1]} {day.year}</span></div>
<div class="field field-body"><div class="field-item">{"".join(f"<p>{p}</p>" for p in paragraphs)}</div></div></div></div>
<div id="footer">Xiling Provincial Foreign Affairs Office</div></body></html>"""

    def listing(self, items, n, pages):
        rows = "".join(f'<div class="views-row"><div class="views-field-title"><a href="{p}">{t}</a></div>'
                       f'<div class="views-field-created">{int(d[8:])} {MONTHS[int(d[5:7]) - 1]} {d[:4]}</div></div>'
                       for p, t, d in items)
        following = (f'<link rel="next" href="{self.listing_path(n + 1)}">' if n + 1 < pages else "")
        previous = (f'<a href="{self.listing_path(n - 1)}">previous page</a>' if n else "")
        return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News | Xiling Foreign Affairs</title>{following}</head>
<body><div id="header"><a href="/">Xiling Foreign Affairs</a><ul class="menu"><li><a href="/media/news/">News</a></li><li><a href="/about-us">About us</a></li><li><a href="/contact">Contact</a></li></ul></div>
<div id="content"><h1>News</h1><div class="view view-news">{rows}</div><div class="pager">{previous}</div></div>
<div id="footer">Xiling Provincial Foreign Affairs Office</div></body></html>"""


class TextNext(NextLink):
    """Paged only by a text link reading "Next" (no rel, no class): /notices/, /notices/more-2.html, ... The
    crawler once read only selectors and rel=next there, and stopped after the first page (issue 22)."""

    def path(self, i, day, title):
        return f"/notices/{day:%Y%m}/n{day:%d}{4100 + i}.html"

    def listing_path(self, n):
        return "/notices/" if n == 0 else f"/notices/more-{n + 1}.html"

    def listing(self, items, n, pages):
        page = super().listing(items, n, pages)
        page = page.replace(f'<link rel="next" href="{self.listing_path(n + 1)}">', "")
        following = f'<a href="{self.listing_path(n + 1)}">Next</a>' if n + 1 < pages else ""
        return page.replace('<div class="pager">', f'<div class="pager">{following} ')


class Feed(TrsCountPage):
    """A site given by its RSS feed (/rss/news.xml, ten items, no further pages): add-site proposes `feed`."""
    count = 10

    def __init__(self, mirror: Mirror, seed: int):
        super().__init__(mirror, seed)
        self.mirror.set(self.listing_path(0), self.listing(self.articles, 0, 1),
                        content_type="application/rss+xml; charset=UTF-8")

    def listing_path(self, n):
        return "/rss/news.xml"

    def listing(self, items, n, pages):
        entries = "".join(
            f"<item><title>{t}</title><link>{self.mirror.url}{p}</link>"
            f"<pubDate>{format_datetime(dt.datetime.fromisoformat(d + 'T16:20:00+08:00'))}</pubDate></item>"
            for p, t, d in items)
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Beiling news</title>'
                f"<link>{self.mirror.url}/en/</link>{entries}</channel></rss>")


SITES = {"trs-createpage": TrsCreatePage, "trs-countpage": TrsCountPage, "chinadaily": ChinaDaily,
         "wordpress": WordPress, "next-link": NextLink, "text-next": TextNext, "feed": Feed}
