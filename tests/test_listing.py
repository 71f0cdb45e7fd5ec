"""crawler/listing.py, the one definition of listings, on small pages: each pagination kind detected and paged
on, the text "Next" link the crawler once missed (issue 22), the listing's own numbered links for markup the
selectors no longer fit, links outside navigation, and page counts that cannot be page counts (issue 20)."""
from __future__ import annotations

import re

import pytest

from crawler import listing


def page(url: str, body: str, head: str = "") -> listing.Page:
    return listing.Page(url, f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize("url, body, kind, count, following", [
    ("http://x.test/news/", '<script>createPageHTML(5, 0, "index", "shtml");</script>', "trs", 5,
     "http://x.test/news/index_1.shtml"),
    ("http://x.test/news/index_3.html", '<script>createPageHTML(4, 3, "index", "html");</script>', "trs", 4, None),
    ("http://x.test/news/index_1.html", '<script>createPageHTML("pg", 9, 1, "list", "htm", 20);</script>', "trs", 9,
     "http://x.test/news/list_2.htm"),
    ("http://x.test/col/default.shtml", "<script>var currentPage = 0; var countPage = 13//\n"
     'document.write("<a href=\\"default"+"_" + nextPage + "."+"shtml\\">Next</a>");</script>', "trs", 13,
     "http://x.test/col/default_1.shtml"),
    ("http://x.test/col/default_2.shtml", "<script>var countPage = 3; var currentPage = 2;</script>", "trs", 3, None),
    ("http://x.test/col/list.html", '<script>var countPage = 3</script><a href="list_1.html">2</a>', "trs", 3,
     "http://x.test/col/list_1.html"),
    ("http://x.test/news/", '<a href="/news/page/2/">2</a><a href="/news/page/9/">9</a>', "wordpress", 9,
     "http://x.test/news/page/2/"),
    ("http://x.test/stories.html", '<a href="/stories_2.html">2</a><a href="/stories_4.html">4</a>', "numbered", 4,
     "http://x.test/stories_2.html"),
    ("http://x.test/stories_7.html", '<a href="/stories_7_2.html">2</a>', "numbered", 2,
     "http://x.test/stories_7_2.html"),
    ("http://x.test/list", '<a rel="next" href="/list?p=2">more</a>', "next_link", None, "http://x.test/list?p=2"),
    ("http://x.test/notices/", '<div class="pager"><a href="/notices/more-2.html">Next</a></div>', "next_link", None,
     "http://x.test/notices/more-2.html"),
    ("http://x.test/zh/", '<a href="/zh/list2.html">下一页</a>', "next_link", None, "http://x.test/zh/list2.html"),
    ("http://x.test/about.html", "<p>No pager</p>", "none", None, None),
])
def test_each_kind_is_detected_and_pages_on(url, body, kind, count, following):
    found = listing.detect(page(url, body), ["x.test"])
    assert (found.kind, found.count) == (kind, count)
    assert listing.next_url(page(url, body), kind) == following


def test_a_text_next_link_is_followed_whatever_the_kind_says_without_a_count():
    """The crawler's next_page once read only selectors and rel=next: a listing whose only pager is a text "Next"
    link stopped after page 1 although add-site proposed next_link (issue 22)."""
    only_text = page("http://x.test/notices/", '<p><a href="/notices/more-2.html">Next</a></p>')
    assert listing.next_url(only_text, "next_link") == "http://x.test/notices/more-2.html"
    assert listing.next_url(only_text, "trs") == "http://x.test/notices/more-2.html"  # no count: the next link ...
    with_script = page("http://x.test/notices/", '<script>var countPage = 2</script><a href="more.html">Next</a>')
    assert listing.next_url(with_script, "trs") == "http://x.test/notices/index_1.html"  # ... or the count
    site_selector = page("http://x.test/n/", '<span class="go"><a href="/n/p2">2</a></span>')
    assert listing.next_url(site_selector, "next_link", ["span.go a::attr(href)"]) == "http://x.test/n/p2"


def test_a_page_count_that_is_no_page_count_is_ignored_with_a_warning():
    huge = page("http://x.test/news/", f"<script>var countPage = {'9' * 5000}; var currentPage = 0;</script>"
                '<a href="index_1.html">Next</a>')
    count, warning = listing.page_count(huge, "trs")
    assert count is None and "a number of 5,000 digits" in warning
    assert listing.next_url(huge, "trs") == "http://x.test/news/index_1.html"  # by the Next link
    assert listing.page_count(page("http://x.test/", "<script>createPageHTML(250000, 0, 'index', 'html')</script>"),
                              "trs")[0] is None


def test_entries_by_selectors_then_links_outside_navigation():
    wanted = re.compile(r"/news/\d+\.html$").search
    body = ('<nav><a href="/news/1.html">Top</a></nav><div class="side-bar"><a href="/news/9.html">Most read</a></div>'
            '<ul class="list"><li><a href="/news/2.html">Two</a><span>2024-03-02</span></li>'
            '<li><a href="/news/3.html">Three</a><span>2024-03-01</span></li><li><a href="/news/2.html">Two</a></li></ul>')
    fitting = {"listing_item": ["ul.list li"], "listing_link": ["a::attr(href)"], "listing_date": ["span::text"]}
    found, fell_back = listing.entries(page("http://x.test/l.html", body), fitting, wanted)
    assert [(e.url, e.date) for e in found] == [("http://x.test/news/2.html", "2024-03-02"),
                                               ("http://x.test/news/3.html", "2024-03-01")] and not fell_back
    found, fell_back = listing.entries(page("http://x.test/l.html", body), {"listing_item": ["ul.old li"]}, wanted)
    assert [e.url for e in found] == ["http://x.test/news/2.html", "http://x.test/news/3.html"] and fell_back
    chrome = frozenset({"http://x.test/news/3.html"})
    found, _ = listing.entries(page("http://x.test/l.html", body), {"listing_item": ["ul.old li"]}, wanted, chrome)
    assert [e.url for e in found] == ["http://x.test/news/2.html"]


def test_the_listings_own_numbered_links():
    pager = '<a href="list.html">1</a><a href="list_2.html">2</a><a href="list_3.html">3</a><a href="/other_9.html">x</a>'
    assert listing.numbered_link_next(page("http://x.test/n/list.html", pager)) == "http://x.test/n/list_2.html"
    assert listing.numbered_link_next(page("http://x.test/n/list_2.html", pager)) == "http://x.test/n/list_3.html"
    assert listing.numbered_link_next(page("http://x.test/n/list_3.html", pager)) is None
    query = '<a href="?page=2">2</a><a href="?page=3">3</a>'
    assert listing.numbered_link_next(page("http://x.test/n/", query)) == "http://x.test/n/?page=2"


def test_feed_entries_and_feed_links():
    feed = listing.Page("http://x.test/feed/", '<?xml version="1.0"?><rss><channel><item><title>A</title>'
                        "<link>http://x.test/a/</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0800</pubDate></item>"
                        "</channel></rss>")
    assert feed.is_feed and listing.detect(feed).kind == "feed"
    [entry] = listing.feed_entries(feed)
    assert (entry.url, entry.date[:10], entry.title) == ("http://x.test/a/", "2024-03-05", "A")
    linked = page("http://x.test/", "", '<link rel="alternate" type="application/rss+xml" href="/feed/">'
                  '<link rel="alternate" type="application/rss+xml" href="/comments/feed/">')
    assert listing.detect(linked, ["x.test"]).feed_urls == ["http://x.test/feed/"]


def test_the_listed_date_is_the_first_value_that_reads_as_a_date():
    """The Chinese 2015–2021 listing: `<li><a>headline</a>(2020-06-30)</li>`, whose `::text` gives the headline
    first (real HTML, tests/real/listings/)."""
    item = page("http://x.test/", '<ul><li><a href="./t1.shtml">外交部发言人发表谈话</a>(2020-06-30)</li></ul>').sel.css("li")[0]
    assert listing.item_date(item, ["::text"]) == "2020-06-30"
    assert listing.item_date(item, ["span::text", "::text"]) == "2020-06-30"
    assert listing.item_date(item, ["a::text"]) is None
