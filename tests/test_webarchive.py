"""The Wayback Machine's CDX answers as its documentation shows them (JSON table, paged by a resume key after an
empty row), served on loopback, read by crawler/webarchive.py; Retry-After as seconds and as an HTTP date."""
from __future__ import annotations

import email.utils
import json
import time
from urllib.parse import parse_qs, urlencode, urlsplit

from crawler.webarchive import Polite, WebArchive, query, retry_after, web_archive


def test_wayback_cdx_pages_by_resume_key(mirrors):
    mirror = mirrors()
    header = ["timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    first = [header, ["20190301080000", "http://www.fmprc.gov.cn:80/eng/xw/a/t20190301_1.html", "text/html", "200",
                      "AAAA", "1200"], [], ["cn,gov,fmprc)/eng/xw/a/t20190301_1.html 20190301080000"]]
    second = [header, ["20210501080000", "https://www.fmprc.gov.cn/eng/xw/a/t20190301_1.html", "text/html", "200",
                       "BBBB", "1300"]]
    mirror.set("/cdx/search/cdx", json.dumps(first), content_type="application/json")
    archive = WebArchive("wayback", mirror.url + "/", mirror.url + "/cdx/search/cdx")
    http = Polite("Gazette-test", delay=0)
    # the second page is asked with the resume key: answer it by the full request line
    key = first[-1][0]
    params = {"url": "fmprc.gov.cn/eng/", "matchType": "prefix", "from": "19960101000000", "to": "20251231235959",
              "output": "json", "fl": "timestamp,original,mimetype,statuscode,digest,length", "collapse": "digest",
              "limit": 5000, "showResumeKey": "true", "filter": "!statuscode:[45]..", "resumeKey": key}
    mirror.set(f"/cdx/search/cdx?{urlencode(params)}", json.dumps(second), content_type="application/json")
    rows = query(archive, http, "fmprc.gov.cn/eng/", "19960101000000", "20251231235959")
    assert [(r.timestamp, r.digest, r.status) for r in rows] == [("20190301080000", "AAAA", 200),
                                                                 ("20210501080000", "BBBB", 200)]
    asked = [parse_qs(urlsplit(p).query) for p in mirror.requests]
    assert len(asked) == 2 and "resumeKey" not in asked[0] and asked[1]["resumeKey"] == [key]
    assert archive.replay("20190301080000", rows[0].original) == (
        mirror.url + "/web/20190301080000id_/http://www.fmprc.gov.cn:80/eng/xw/a/t20190301_1.html")


def test_retry_after_and_archive_urls():
    assert retry_after({"Retry-After": "7"}) == 7.0
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= retry_after({"retry-after": later}) <= 31
    assert retry_after({"Retry-After": "soon"}) is None and retry_after({}) is None
    assert web_archive(None).kind == "wayback" and web_archive(None).cdx_url.endswith("/cdx/search/cdx")
    assert web_archive("https://index.commoncrawl.org/CC-MAIN-2024-10-index").kind == "commoncrawl"
    pywb = web_archive("http://127.0.0.1:8080/coll")
    assert (pywb.kind, pywb.cdx_url) == ("pywb", "http://127.0.0.1:8080/coll/cdx")
    assert pywb.parse_replay("http://127.0.0.1:8080/coll/20190301080000id_/https://a.b/c.html") == (
        "20190301080000", "https://a.b/c.html")


def test_backfill_asks_the_index_for_a_host_with_its_port(tmp_path):
    """A site served on a port other than 80/443 (host:8080 in `hosts`) is keyed by that port in an archive's index
    (SURT `cn,gov,example:8080)/`): the prefixes asked keep it; www. is dropped as before."""
    import tomli_w

    from crawler.backfill import prefixes
    from crawler.config import load
    from crawler.demo.sites import read_config

    raw = read_config()
    site = raw["sites"]["hunan"]
    site["hosts"] = ["www.enghunan.gov.cn:8080", "enghunan.gov.cn"]
    site["start_urls"] = ["http://www.enghunan.gov.cn:8080/hneng/News/Localnews/"]
    raw["sites"] = {"hunan": site}
    (tmp_path / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
    assert prefixes(load(tmp_path).site("hunan")) == ["enghunan.gov.cn/hneng/", "enghunan.gov.cn:8080/hneng/"]
