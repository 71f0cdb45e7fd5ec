"""Unit tests of small pure parts the end-to-end tests reach only indirectly: canonical URLs and ids,
the spider's pagination (TRS scripts, WordPress pages, China Daily-style numbered pages) on hand-made
responses, and the one-line reasons of failed downloads."""
from __future__ import annotations

import pytest
from scrapy import exceptions as scrapy_exceptions
from scrapy.exceptions import IgnoreRequest
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TimeoutError
from twisted.python.failure import Failure

from crawler import config as config_module
from crawler import listing
from crawler.pages import describe_failure
from crawler.spiders.site import SiteSpider
from pipelines.normalise import article_id, canonical_url
from pipelines.rules import Site

HOSTS = ("www.fmprc.gov.cn", "www.mfa.gov.cn", "fmprc.gov.cn")
BASE = "https://www.fmprc.gov.cn"
MIRRORS = (("/eng/", "/mfa_eng/"),)
CANONICAL = "https://www.fmprc.gov.cn/eng/xw/zyxw/202405/t20240515_11305271.html"


@pytest.mark.parametrize("variant", [
    CANONICAL,
    "http://www.fmprc.gov.cn/eng/xw/zyxw/202405/t20240515_11305271.html",
    "https://fmprc.gov.cn/eng/xw/zyxw/202405/t20240515_11305271.html",
    "https://www.mfa.gov.cn/eng/xw/zyxw/202405/t20240515_11305271.html",
    "https://WWW.FMPRC.GOV.CN/eng/xw/zyxw/202405/t20240515_11305271.html#top",
    "https://www.fmprc.gov.cn/eng/xw/zyxw/202405/t20240515_11305271.html?utm_source=x&utm_medium=y",
    "https://www.fmprc.gov.cn/mfa_eng/xw/zyxw/202405/t20240515_11305271.html",
])
def test_url_variants_of_one_article_share_its_canonical_url_and_id(variant):
    assert canonical_url(variant, BASE, HOSTS, MIRRORS) == CANONICAL
    assert article_id(canonical_url(variant, BASE, HOSTS, MIRRORS)) == article_id(CANONICAL)


def test_canonical_url_keeps_what_tells_articles_apart():
    assert canonical_url("https://www.fmprc.gov.cn/eng/xw/index.html", BASE, HOSTS) == "https://www.fmprc.gov.cn/eng/xw/"
    assert canonical_url("https://www.ichongqing.info/?p=56742", "https://www.ichongqing.info",
                         ("www.ichongqing.info",)) == "https://www.ichongqing.info/?p=56742"  # the id is the query
    assert canonical_url("https://other.example.org/a.html", BASE, HOSTS) == "https://other.example.org/a.html"
    assert len({article_id(CANONICAL), article_id(CANONICAL.replace("11305271", "11305272"))}) == 2


def spider(pagination: str, **selectors) -> SiteSpider:
    site = Site(key="demo", name="Demo", base_url="https://demo.example.org", hosts=("demo.example.org",),
                start_urls=("https://demo.example.org/news/",), pagination=pagination, selectors=selectors)
    config = config_module.Config(path=config_module.PROJECT_CONFIG / "sites.toml", defaults={}, sites={"demo": site})
    return SiteSpider(config=config, site_key="demo")


def response(url: str, html: str) -> listing.Page:
    """A listing page as the spider reads it (crawler/listing.py)."""
    return listing.Page(url, html)


TRS_SCRIPT = '<script>createPageHTML(3, {current}, "index", "html");</script>'


@pytest.mark.parametrize("url, script, want", [
    ("https://demo.example.org/news/", TRS_SCRIPT.format(current=0), "https://demo.example.org/news/index_1.html"),
    ("https://demo.example.org/news/index_1.html", TRS_SCRIPT.format(current=1),
     "https://demo.example.org/news/index_2.html"),
    ("https://demo.example.org/news/index_2.html", TRS_SCRIPT.format(current=2), None),  # the last of 3 pages
    ("https://demo.example.org/news/index.html", "<script>var countPage = 2//共多少页</script>",
     "https://demo.example.org/news/index_1.html"),
    ("https://demo.example.org/news/index_1.html", "<script>var countPage = 2</script>", None),
    ("https://demo.example.org/news/", '<a href="later.html" rel="next">Next</a>', "https://demo.example.org/news/later.html"),
])
def test_trs_pagination_follows_the_page_count_of_the_script(url, script, want):
    assert spider("trs").next_page(response(url, f"<html><body>{script}</body></html>")) == want


def test_wordpress_pagination_follows_page_n_links_only_when_the_page_has_them():
    s = spider("wordpress")
    first = response("https://demo.example.org/", '<a href="/page/2/">Older posts</a>')
    assert s.next_page(first) == "https://demo.example.org/page/2/"
    second = response("https://demo.example.org/page/2/", '<a href="/page/3/">3</a><a href="/page/1/">1</a>')
    assert s.next_page(second) == "https://demo.example.org/page/3/"
    last = response("https://demo.example.org/page/3/", '<a href="/page/2/">Newer posts</a>')
    assert s.next_page(last) is None
    rel = response("https://demo.example.org/page/3/", '<link rel="next" href="https://demo.example.org/page/4/">')
    assert s.next_page(rel) == "https://demo.example.org/page/4/"


def test_a_site_without_pagination_reads_its_start_pages_only():
    page = response("https://demo.example.org/news/", '<a href="index_1.html">2</a><a rel="next" href="x.html">></a>')
    assert spider("none").next_page(page) is None


def failure(exc: Exception) -> Failure:
    try:
        raise exc
    except Exception:
        return Failure()


@pytest.mark.parametrize("exc, want", [
    (DNSLookupError("www.eguizhou.gov.cn"), "host name not found"),
    # what Scrapy 2.13+ raises for a host that does not resolve (it printed "CannotResolveHostError: DNS lookup...")
    (getattr(scrapy_exceptions, "CannotResolveHostError", DNSLookupError)("DNS lookup failed: no results for hostname lookup: www.fmprc.gov.cn."),
     "host name not found"),
    (ConnectionRefusedError(), "connection refused"),
    (TimeoutError("Getting https://x took longer than 30.0 seconds."), "timed out"),
    (IgnoreRequest("Forbidden by robots.txt"), "forbidden by robots.txt"),
    (IgnoreRequest("max redirections reached"), "redirect loop or too many redirections"),
    (ValueError("Expected to receive 20971553 bytes which is larger than download max size (10485760)"),
     "response too large"),
    (RuntimeError("Forbidden by robots.txt"), "forbidden by robots.txt"),
    (RuntimeError("something new"), "RuntimeError: something new"),
])
def test_failed_downloads_get_one_clear_reason(exc, want):
    reason = describe_failure(failure(exc))
    assert reason.startswith(want) and "\n" not in reason


def test_the_command_owns_its_runs(tmp_path):
    """crawler/process.py `Run`: results come from the pipeline's output items only (a page item is not one), and
    a run row the command opened that no crawl closed ends closed as failed, saying so; a closed one is left."""
    from archive import Archive, runs
    from crawler.process import Run, close_unfinished
    from pipelines.record import failed_result

    db = tmp_path / "a.db"
    with Archive(db) as archive:
        open_id = runs.start_run(archive, "demo", "crawl")
        done_id = runs.start_run(archive, "demo", "fetch")
        runs.finish_run(archive, done_id, "ok", {"new": 1}, [])
    run = Run("demo", "crawl", open_id)
    run.collect({"url": "https://demo.example.org/a.html", "status": 200, "body": b"<html>"})  # a page item
    run.collect(failed_result("https://demo.example.org/b.html", "demo", "HTTP 404: page not found"))
    assert [r["url"] for r in run.results] == ["https://demo.example.org/b.html"]
    close_unfinished(str(db), [run, Run("demo", "fetch", done_id)])
    with Archive(db) as archive:
        left, done = runs.run_row(archive, open_id), runs.run_row(archive, done_id)
    assert left["status"] == "failed" and left["finished"]
    assert left["errors"] == ["the crawl of demo did not start or did not finish (see the log above)"]
    assert done["status"] == "ok" and done["new"] == 1 and done["errors"] == []


def test_crawl_summary_lines_keep_their_columns_for_revisit_runs():
    """`gazette crawl --revisit` prints a revisit run under its site like any run: the status and run columns stay
    where the other lines have them (a "(revisit)" label once pushed them right)."""
    from crawler.runner import summary_line

    base = {"site": "guizhou", "status": "ok", "run_id": 7, "requests": 3, "new": 1, "updated": 0, "unchanged": 2,
            "duplicate": 0, "failed": 0, "bytes": 2048}
    crawl, revisit = summary_line(base), summary_line({**base, "run_id": 21, "trigger": "revisit"})
    assert crawl.index(" ok ") == revisit.index(" ok ")
    assert "revisit run 21:" in revisit and "revisit" not in crawl
    # a site that failed with no page failing read "failed ... 0 failed": the count says what it counts
    assert "0 duplicate, 0 pages failed;" in crawl and "1 page failed;" in summary_line({**base, "failed": 1})


def test_walking_every_listing_page_is_a_note_never_the_reason_a_run_failed():
    """After an unfinished crawl the next one notes that it walks every listing page (archive/runs.py WALKED, among
    the run's errors): said under an ok run's line; when that run fails, the failure is its reason, not the note."""
    from archive.health import _last_failed
    from archive.runs import WALKED
    from crawler.runner import summary_line

    base = {"site": "mfa", "run_id": 2, "requests": 3, "new": 1, "updated": 0, "unchanged": 2, "duplicate": 0,
            "failed": 0, "bytes": 2048}
    assert summary_line({**base, "status": "ok", "errors": [WALKED]}).splitlines()[1].strip() == WALKED
    failed = summary_line({**base, "status": "failed", "errors": [WALKED, "listing https://x/: HTTP 500"]})
    assert failed.splitlines()[1].strip() == "listing https://x/: HTTP 500"
    assert _last_failed([{"status": "failed", "errors": [WALKED, "listing https://x/: HTTP 500"]}]) == \
        "last run failed: listing https://x/: HTTP 500"
    assert _last_failed([{"status": "interrupted", "errors": [WALKED]}]) == "last run interrupted: no reason recorded"
