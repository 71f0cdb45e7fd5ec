"""The Chinese record beside the English (issue 24): Chinese tagging, pairing, alignment, `gazette pair` and the
side-by-side page, on the real press conferences in tests/real/pairing/ (see PROVENANCE.md there)."""
from __future__ import annotations

import json
import random
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from archive import Archive
from crawler import config as config_module
from pipelines import alignment, pairing
from pipelines.decide import decide
from pipelines.mentions import tag
from pipelines.record import apply

from .support import ROOT, gazette, json_lines

FIXTURES = ROOT / "tests" / "real" / "pairing"
CONFIG = config_module.load()
EN_PATH = "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/"
ZH_PATH = "https://www.fmprc.gov.cn/web/wjdt_674879/fyrbt_674889/"


def url_of(page: Path) -> str:
    lang, number = page.stem.split("-")
    return (ZH_PATH if lang == "zh" else EN_PATH) + number + ".shtml"


def headline_day(title: str) -> str:
    from bench.pairing import headline_day as day
    return day(title, "zh" if "记者" in title else "en")


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    """Every fixture page archived through the real decide/apply path into a real SQLite file."""
    db = tmp_path_factory.mktemp("pairing") / "gazette.db"
    results = []
    with Archive(db) as archive:
        for page_file in sorted(FIXTURES.glob("*.html")):
            url = url_of(page_file)
            site = CONFIG.site_for_url(url)
            page = {"url": url, "final_url": url, "status": 200, "site": site.key,
                    "headers": {"Content-Type": "text/html; charset=utf-8"}, "body": page_file.read_bytes(),
                    "fetched_at": "2026-12-06T00:00:00Z"}
            results.append(apply(archive, decide(page, site, CONFIG.taggers), page))
    return db, results


def test_chinese_text_gets_the_english_tags():
    text = json.loads((ROOT / "tests/fixtures/mfa/web/zyxw/t1638430.expected.json").read_text("utf-8"))["body"]
    found = {(m.kind, m.code) for m in tag(text)}
    assert ("country", "LUX") in found and ("country", "DEU") in found
    names = {(m.kind, m.name) for m in tag("中非合作论坛在贵阳举行，印度尼西亚和巴布亚新几内亚代表出席。王毅会见。")}
    assert names == {("city", "Guiyang"), ("country", "Indonesia"), ("country", "Papua New Guinea"),
                     ("official", "Wang Yi")}     # 中非 is China-Africa, 印度尼西亚 is not 印度, 几内亚 not Guinea


def test_mfa_zh_pages_belong_to_the_chinese_site():
    assert CONFIG.site_for_url(ZH_PATH + "t1646964.shtml").key == "mfa-zh"
    assert CONFIG.site_for_url(EN_PATH + "t1647080.shtml").key == "mfa"


def test_pairs_found_on_real_press_conferences(archived):
    db, results = archived
    assert all(r["status"] == "new" for r in results), [r["error"] for r in results]
    with Archive(db) as archive:
        rows = list(archive.db.query(
            "select e.title as en, z.title as zh from translations t join articles e on e.id = t.english_id "
            "join articles z on z.id = t.chinese_id"))
        chinese = list(archive.db.query(
            "select m.type, m.date_start, m.country_codes, m.source, t.english_id from meetings m "
            "join articles a on a.id = m.article_id join translations t on t.chinese_id = m.article_id "
            "where a.language = 'zh'"))
        english: dict = {}
        for r in archive.db.query("select article_id, type, date_start, country_codes from meetings m "
                                  "join articles a on a.id = m.article_id where a.language = 'en'"):
            english.setdefault(r["article_id"], []).append(r)
    # Chinese press conferences give their own events (8 on these pages: Xi and Trump on December 1, 2018, which the
    # English rules miss, ...), none repeating an event its English translation gave (counted once)
    assert len(chinese) >= 5 and {r["source"] for r in chinese} == {"press_conference"}
    assert {"meeting", "talks", "visit"} <= {r["type"] for r in chinese}
    for r in chinese:
        assert not [e for e in english.get(r["english_id"], []) if e["type"] == r["type"]
                    and e["date_start"] in (r["date_start"], None)
                    and set(json.loads(e["country_codes"])) & set(json.loads(r["country_codes"]))], r
    english_pages = sum(1 for r in results if "Press Conference" in (r["title"] or ""))
    assert len(rows) == english_pages == len(list(FIXTURES.glob("en-*.html"))) == 17
    assert all(headline_day(r["en"]) == headline_day(r["zh"]) for r in rows)


def test_pairs_made_as_pages_arrive_are_those_a_recompute_makes(tmp_path):
    """Archiving pairs each new page reading only its candidates and their rivals (pipelines/translations.py
    pair_new): the pages archived in a mixed order of languages and days, with a second English copy of one
    conference (a rival: neither copy is then a confident pair), give the pairs, scores and alignments that
    `pair` recomputing the whole stretch gives. Then a conference captured again with changed text (numbers
    added): its pairs are scored on the new text, not on the traits kept from the first (a traits cache keyed by
    the article alone would keep the old score)."""
    from pipelines.translations import pair
    english = sorted(FIXTURES.glob("en-*.html"))[5]
    twin = (EN_PATH + "t9999999.shtml", english.read_bytes().replace(b"<B>Q: ", b"<B>Q: Twin. ", 1))
    pages = [(url_of(p), p.read_bytes()) for p in sorted(FIXTURES.glob("*.html"))] + [twin]
    random.Random(7).shuffle(pages)
    columns = "english_id, chinese_id, score, kind, zh_unmatched, en_unmatched, alignment"

    def archive_page(archive: Archive, url: str, body: bytes, when: str) -> dict:
        site = CONFIG.site_for_url(url)
        page = {"url": url, "final_url": url, "status": 200, "site": site.key,
                "headers": {"Content-Type": "text/html; charset=utf-8"}, "body": body, "fetched_at": when}
        return apply(archive, decide(page, site, CONFIG.taggers), page)

    with Archive(tmp_path / "gazette.db") as archive:
        for url, body in pages:
            archive_page(archive, url, body, "2026-12-06T00:00:00Z")
        on_arrival = list(archive.db.execute(f"select {columns} from translations order by english_id"))
        assert pair(archive, tagger=CONFIG.taggers.mentions)["pairs"] == 16
        recomputed = list(archive.db.execute(f"select {columns} from translations order by english_id"))
        assert len(on_arrival) == 16 and on_arrival == recomputed
        paired = sorted(FIXTURES.glob("en-*.html"))[0]
        before = dict(archive.db.execute("select english_id, score from translations"))
        changed = paired.read_bytes().replace(b">Q: ", b">Q: In 2017, 2018, 2019 and 2021, 17 and 43. ", 1)
        result = archive_page(archive, url_of(paired), changed, "2026-12-07T00:00:00Z")
        assert result["status"] == "updated"
        again = list(archive.db.execute(f"select {columns} from translations order by english_id"))
        pair(archive, tagger=CONFIG.taggers.mentions)
        assert again == list(archive.db.execute(f"select {columns} from translations order by english_id"))
        assert dict(archive.db.execute("select english_id, score from translations")) != before


def test_a_batch_paired_at_once_settles_what_pairing_each_on_arrival_settles(tmp_path):
    """An import pairs the articles of a batch at once, after writing them all (crawler/importing/importer.py
    pair_batch): in batches of any size, over the conferences of test_pairs_made_as_pages_arrive... (the rival
    English copy among them), the pairs, scores and alignments are those of pairing each page as it arrives. And
    `gazette import` of a WARC of the same pages, in the same order, gives them too."""
    from pipelines.record import pair_new, to_pair

    from .archives import write_warc
    english = sorted(FIXTURES.glob("en-*.html"))[5]
    twin = (EN_PATH + "t9999999.shtml", english.read_bytes().replace(b"<B>Q: ", b"<B>Q: Twin. ", 1))
    pages = [(url_of(p), p.read_bytes()) for p in sorted(FIXTURES.glob("*.html"))] + [twin]
    random.Random(11).shuffle(pages)
    columns = "english_id, chinese_id, score, kind, zh_unmatched, en_unmatched, alignment"

    def archived(name: str, size: int) -> list:
        """The pages archived in batches of `size`, each batch paired once its pages are written."""
        with Archive(tmp_path / f"{name}.db") as archive:
            for start in range(0, len(pages), size):
                written = []
                for url, body in pages[start:start + size]:
                    site = CONFIG.site_for_url(url)
                    page = {"url": url, "final_url": url, "status": 200, "site": site.key, "body": body,
                            "headers": {"Content-Type": "text/html; charset=utf-8"},
                            "fetched_at": "2026-12-06T00:00:00Z"}
                    decision = decide(page, site, CONFIG.taggers)
                    result = apply(archive, decision, page, pair=size == 1)
                    if size > 1 and to_pair(decision, result["status"]):
                        written.append(result["article_id"])
                if written:
                    pair_new(archive, written, "2026-12-06T00:00:00Z", CONFIG.taggers)
            return list(archive.db.execute(f"select {columns} from translations order by english_id"))

    on_arrival = archived("each", 1)
    assert len(on_arrival) == 16
    for size in (2, 7, len(pages)):
        assert archived(f"batches-of-{size}", size) == on_arrival, size
    warc = write_warc(tmp_path / "pages.warc.gz", [{"url": url, "body": body, "date": f"2026-12-06T00:00:{n:02d}Z"}
                                                   for n, (url, body) in enumerate(pages)])
    db = tmp_path / "imported.db"
    assert gazette("import", str(warc), db=db).returncode == 0
    with Archive(db) as archive:
        assert list(archive.db.execute(f"select {columns} from translations order by english_id")) == on_arrival


def test_a_pairing_that_fails_in_an_import_batch_leaves_the_pairs_as_they_were(tmp_path):
    """Pairing is advisory: when it fails after it began writing (here the archive refuses every new pair row, after
    the batch's old rows were deleted), the import still archives and counts the batch, and the pairs it held are
    kept: what the pairing wrote is undone, not committed half done with the batch."""
    from .archives import write_warc
    names = ["zh-t1646964.html", "en-t1647080.html"]
    pages = [(url_of(FIXTURES / n), (FIXTURES / n).read_bytes()) for n in names]
    db = tmp_path / "gazette.db"
    first = write_warc(tmp_path / "first.warc.gz", [{"url": u, "body": b, "date": "2026-12-06T00:00:00Z"}
                                                    for u, b in pages])
    assert gazette("import", str(first), db=db).returncode == 0
    with Archive(db) as archive:
        before = list(archive.db.execute("select english_id, chinese_id, score from translations"))
        archive.db.execute("create trigger no_new_pairs before insert on translations "
                           "begin select raise(abort, 'refused'); end")
    assert len(before) == 1
    url, body = pages[1]
    again = write_warc(tmp_path / "again.warc.gz", [{"url": url, "date": "2026-12-07T00:00:00Z",
                                                    "body": body.replace(b">Q: ", b">Q: In 2017 and 2019, ", 1)}])
    result = gazette("import", "--json", str(again), db=db)
    assert result.returncode == 0 and json_lines(result.stdout)[0]["updated"] == 1
    with Archive(db) as archive:
        assert list(archive.db.execute("select english_id, chinese_id, score from translations")) == before
        assert "In 2017 and 2019" in archive.db.execute("select body from articles where language = 'en'").fetchone()[0]


def test_a_pair_is_aligned_again_when_its_english_text_changes(tmp_path):
    """A fully translated conference is archived with its Chinese original; then the English page is captured
    again without one answer paragraph. The stored alignment must be that of the new text (one Chinese paragraph
    left out, as aligning the stored bodies afresh says), not the one kept in this process for the first text (an
    alignment kept by the pair's ids would say nothing is left out)."""
    from pipelines.translations import _captions
    english = (FIXTURES / "en-t1647080.html").read_bytes()
    start = english.rindex(b"<P", 0, english.index(b"What I can tell you is that the recent consultations"))
    shorter = english[:start] + english[english.index(b"</P>", start) + len(b"</P>"):]
    columns = "zh_unmatched, en_unmatched, alignment"
    with Archive(tmp_path / "gazette.db") as archive:
        for name, body, when in (("zh-t1646964.html", None, "2026-12-06T00:00:00Z"),
                                 ("en-t1647080.html", None, "2026-12-06T00:00:00Z"),
                                 ("en-t1647080.html", shorter, "2026-12-07T00:00:00Z")):
            url = url_of(FIXTURES / name)
            site = CONFIG.site_for_url(url)
            page = {"url": url, "final_url": url, "status": 200, "site": site.key, "fetched_at": when,
                    "headers": {"Content-Type": "text/html; charset=utf-8"},
                    "body": body or (FIXTURES / name).read_bytes()}
            apply(archive, decide(page, site, CONFIG.taggers), page)
            if name.startswith("en") and body is None:
                first = list(archive.db.execute(f"select {columns} from translations"))
        (zh_unmatched, en_unmatched, rows), = archive.db.execute(f"select {columns} from translations")
        en, zh = (dict(zip(("body", "captions"), archive.db.execute(
            "select body, captions from articles where language = ?", [lang]).fetchone())) for lang in ("en", "zh"))
    assert first[0][:2] == (0, 0)
    fresh = alignment.align(zh["body"], en["body"], CONFIG.taggers.mentions, en_captions=_captions(en))
    assert (zh_unmatched, en_unmatched) == (1, 0) == (len(fresh.zh_unmatched), len(fresh.en_unmatched))
    assert json.loads(rows) == [list(r) for r in fresh.rows]


def test_pairing_refuses_a_neighbouring_day():
    """Scores: the right day's conference far above the neighbours' (within ±2 days), so a lone neighbour is
    never kept."""
    def art(name):
        site = CONFIG.site_for_url(url_of(FIXTURES / name))
        from pipelines.extract import extract
        fields = extract((FIXTURES / name).read_bytes(), url_of(FIXTURES / name), site).fields()
        return pairing.traits({**fields, "id": name, "language": site.language})
    en, right, neighbour = art("en-t1647080.html"), art("zh-t1646964.html"), art("zh-t1647334.html")
    assert pairing.score(en, right) > pairing.THRESHOLD > pairing.score(en, neighbour)
    assert pairing.choose([en], [neighbour]) == []


def test_alignment_of_a_fully_translated_conference():
    from pipelines.extract import extract
    bodies = {}
    for name in ("zh-t1646964.html", "en-t1647080.html"):
        site = CONFIG.site_for_url(url_of(FIXTURES / name))
        bodies[name[:2]] = extract((FIXTURES / name).read_bytes(), url_of(FIXTURES / name), site).body
    result = alignment.align(bodies["zh"], bodies["en"])
    assert result.zh_unmatched == [] and result.en_unmatched == []
    assert result.summary() == "the English version has all 5 answers"
    assert [z for z, e in result.rows] == list(range(19))


def test_gazette_pair_recomputes_and_rejects_bad_dates(archived, tmp_path):
    db, _ = archived
    proc = gazette("pair", "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"english": 17, "chinese": 17, "pairs": 17}
    proc = gazette("pair", "--since", "2020-05-12", db=db)
    assert proc.returncode == 0 and "2 pairs kept" in proc.stdout, proc.stdout
    bad = gazette("pair", "--since", "May 2020", db=db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--since" in bad.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fits_a_phone(base: str, paths: list[str]) -> None:
    """Each page at 390 px in headless Chromium: no horizontal scrolling."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 390, "height": 800})
            for path in paths:
                page.goto(base + path)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= 391, (path, width)
        finally:
            browser.close()


def test_side_by_side_page_in_datasette(archived):
    db, _ = archived
    with Archive(db) as archive:
        english_id = next(archive.db.query("select english_id from translations t join articles e on "
                                           "e.id = t.english_id where e.title like '%May 12, 2020'"))["english_id"]
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "crawler", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/omissions", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        page = urllib.request.urlopen(f"{base}/-/translation/{english_id}", timeout=10).read().decode()
        assert "2020年5月12日外交部发言人赵立坚主持例行记者会" in page and "Regular Press Conference on May 12" in page
        assert "the english version" in page.lower()
        assert re.search(r"score 0\.\d\d, on a scale from 0 to 1 where a pair is kept only above 0\.\d\d", page)
        head = page[page.index('class="gz-tr-head"'):]       # "English and Chinese side by side": English first
        assert head.index("Regular Press Conference on May 12") < head.index("2020年5月12日外交部发言人赵立坚主持例行记者会")
        article = urllib.request.urlopen(f"{base}/gazette/articles/{english_id}", timeout=10).read().decode()
        assert f'href="/-/translation/{english_id}"' in article and "Chinese original" in article
        listing = urllib.request.urlopen(base + "/-/omissions", timeout=10).read().decode()
        assert listing.count('href="/-/translation/') == 17
        assert "12 May 2020" in listing and not re.search(r"</a>, \d{4}-\d{2}-\d{2}", listing)  # dates in words
        # the table of pairs: the Chinese original opens as its article, the alignment (one line per paragraph
        # pair, a row taller than the screen) is a link to the pair's page
        with Archive(db) as archive:
            pair = next(archive.db.query("select chinese_id, alignment from translations where english_id = ?",
                                         [english_id]))
        table = urllib.request.urlopen(f"{base}/gazette/translations?english_id={english_id}", timeout=10).read().decode()
        assert f'href="/gazette/articles/{pair["chinese_id"]}"' in table
        assert f'<a href="/-/translation/{english_id}">{len(json.loads(pair["alignment"]))} rows, side by side</a>' in table
        _fits_a_phone(base, [f"/-/translation/{english_id}", "/-/omissions", f"/gazette/articles/{english_id}",
                             f"/gazette/translations?english_id={english_id}"])
    finally:
        proc.terminate()
        proc.wait(10)


def test_chinese_readout_gives_its_meeting_and_an_announcement_none():
    from pipelines import meetings_zh
    readout = json.loads((ROOT / "tests/fixtures/mfa/web/zyxw/t1638430.expected.json").read_text("utf-8"))
    events = meetings_zh.extract({**readout, "id": "t1638430", "language": "zh"})
    assert [(e["type"], e["date_start"], e["countries"], e["place"].get("country")) for e in events] == [
        ("meeting", "2019-02-15", ["LUX"], "DEU")]            # in Munich, with Luxembourg's foreign minister
    assert events[0]["chinese"][0]["name"] == "Yang Jiechi"
    announced = "应国务院总理李克强邀请，日本首相安倍晋三将于10月25日至27日对中国进行正式访问。"
    assert meetings_zh.extract({"language": "zh", "body": announced, "published": "2018-10-12"}) == []
    assert meetings_zh.extract({"language": "en", "body": readout["body"], "published": "2019-02-16"}) == []


def test_the_same_event_in_both_languages_is_counted_once(tmp_path):
    """A Chinese readout and its English translation archived: one row in `meetings`, the English one."""
    db = tmp_path / "gazette.db"
    readout = json.loads((ROOT / "tests/fixtures/mfa/web/zyxw/t1638430.expected.json").read_text("utf-8"))
    with Archive(db) as archive:
        for lang, article_id, title, body in (
                ("zh", "zh1", readout["title"], readout["body"]),
                ("en", "en1", "Yang Jiechi Meets with Foreign Minister of Luxembourg Jean Asselborn",
                 ("On February 15, 2019 local time, Member of the Political Bureau of the CPC Central Committee and "
                  "Director of the Office of the Foreign Affairs Commission of the CPC Central Committee Yang Jiechi "
                  "met with Foreign Minister of Luxembourg Jean Asselborn in Munich, Germany, on the sidelines of the "
                  "55th Munich Security Conference."))):
            from pipelines import meetings, meetings_zh
            record = {"id": article_id, "site": "mfa-zh" if lang == "zh" else "mfa", "url": f"https://x/{article_id}",
                      "title": title, "body": body, "published": "2019-02-16", "language": lang, "content_hash": lang}
            record["meetings"] = meetings.extract(record) or meetings_zh.extract(record)
            assert record["meetings"], lang
            with archive.transaction():
                archive.store_article(record, seen_at="2026-12-06T00:00:00Z")
        from pipelines import translations
        assert translations.pair(archive)["pairs"] == 1
        rows = list(archive.db.query("select article_id, type, date_start from meetings"))
    assert rows == [{"article_id": "en1", "type": "meeting", "date_start": "2019-02-15"}]
