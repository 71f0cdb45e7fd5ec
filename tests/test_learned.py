"""Boilerplate learned from a site's own archive: the pure rule (pipelines/learned.py) and the loop it closes:
a crawl learns the lines that recur on the site's pages, `gazette status` shows them, `gazette reextract` drops
them from every article, and the articles' real paragraphs (a recurring closing sentence too) survive."""
from __future__ import annotations

import json
import re

import sqlite_utils

from pipelines.learned import as_boilerplate_lines, candidate, learn, page_lines

from .support import FIXTURES, expected_pages, gazette, json_lines

def listed_pages(site: str):
    """The site's recorded pages its listings link (the current template), not those of other eras."""
    return [page for page in expected_pages(site) if page[3].get("listed", True)]


NAV = ["Home", "News", "About Us | Contact Us | Sitemap", "Follow us on WeChat"]
CLOSING = "The two sides agreed to keep in close contact."


def pages(n: int, extra=()) -> list[list[str]]:
    """n pages, each with the menu, its own two paragraphs, and `extra` lines."""
    return [NAV + [f"Paragraph one of story {i}, long enough to be text.", f"Story {i} goes on here."] + list(extra)
            for i in range(n)]


def test_lines_on_many_pages_are_learned_with_their_counts():
    learned = learn(pages(10))
    assert {item.line for item in learned} == set(NAV)
    assert all(item.pages == 10 and item.seen_in == 10 for item in learned)


def test_share_and_minimum_pages():
    sample = pages(10)
    for page in sample[:3]:
        page.append("Special report")           # on 3 of 10 pages: 30%, learned
    for page in sample[:2]:
        page.append("Photo gallery")            # on 2 of 10: too few
    lines = {item.line for item in learn(sample)}
    assert "Special report" in lines and "Photo gallery" not in lines
    assert learn(pages(4)) == []                # fewer than 5 pages sampled: nothing is learned


def test_sentences_credits_dates_and_long_lines_are_never_learned():
    recurring = [CLOSING, "Thank you.", "Translator: Yi Ran", "Source: Hunan Daily",
                 "This article is from Hunan Provincial Government", "2020-04-03 Download Print Comment",
                 "By CGTN|Mar 14,2023", "(Photo provided to iChongqing)", "A long navigation line " + "with many words " * 6,
                 "15 July 2015", "July 15, 2015", "Wednesday, 15 July 2015", "2015年7月15日"]  # one day's articles
    lines = {item.line for item in learn(pages(10, recurring))}
    assert lines == set(NAV)
    assert not candidate(CLOSING) and candidate("Follow us on WeChat") and candidate("May Day holiday")


def test_page_lines_are_the_visible_lines_of_a_page():
    page = (FIXTURES / "guizhou/2019-04/28/c_5920786.htm").read_bytes()
    lines = page_lines(page)
    assert "Eyesight Protection:" in lines and "Home" in lines and "About Us | Contact Us | Sitemap" in lines
    assert not any("changeBg" in line for line in lines)  # scripts are not text
    assert as_boilerplate_lines(["Home"]) == {"Home", "- Home"}


def test_a_crawl_learns_status_shows_and_reextract_drops_while_paragraphs_survive(mirrors, mirrored_config, db):
    """Every Guizhou page gets a widget line and a standard closing sentence inside its article text: the site's
    selectors keep both. The crawl learns the widget line (not the sentence); reextract drops it everywhere."""
    mirror = mirrors("guizhou")
    want = {}
    for _, path, page, expected in listed_pages("guizhou"):
        html = page.read_text("utf-8")
        html = re.sub(r'(<div class="TRS_(?:Editor|UEDITOR)[^"]*">.*?)(</div>)',
                      lambda m: m.group(1) + f"<p>Follow eGuizhou on WeChat</p>\n<p>{CLOSING}</p>\n" + m.group(2),
                      html, count=1, flags=re.S)
        mirror.set(path, html)
        want[expected["title"]] = expected["body"] + "\n\n" + CLOSING
    cfg = mirrored_config({"guizhou": mirror})
    crawl = gazette("crawl", "--json", "--full", "guizhou", db=db, config=cfg)
    assert crawl.returncode == 0, crawl.stderr
    assert json_lines(crawl.stdout)[0]["new"] == len(want) == 7
    archive = sqlite_utils.Database(db)
    assert all("Follow eGuizhou on WeChat" in row["body"] for row in archive["articles"].rows)

    [status] = json_lines(gazette("status", "--json", db=db, config=cfg).stdout)
    learned = {row["line"]: row for row in status["learned_boilerplate"]}
    assert learned["Follow eGuizhou on WeChat"]["pages"] == 7 and learned["Follow eGuizhou on WeChat"]["seen_in"] == 7
    assert "Eyesight Protection:" in learned and "Home" in learned
    assert CLOSING not in learned
    plain = gazette("status", db=db, config=cfg).stdout
    assert "learned boilerplate:" in plain

    again = gazette("reextract", "--json", "guizhou", db=db, config=cfg)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["updated"] == 7
    bodies = {row["title"]: row["body"] for row in archive["articles"].rows}
    assert bodies == want  # the widget line is gone; every real paragraph and the closing sentence stay


def test_the_generic_layer_drops_config_and_learned_boilerplate_for_a_configured_site():
    """Guizhou after a redesign (classes renamed: the generic layer runs), with a site line, a default pattern's
    line and a widget line inside the article text: config boilerplate goes always, the widget once learned."""
    from crawler import config as config_module
    from pipelines.extract import extract

    from .test_check import renamed

    site = config_module.load().sites["guizhou"]
    inserted = "<p>Eyesight Protection:</p><p>Copyright © eGuizhou 2020</p><p>Follow eGuizhou on WeChat</p>"
    pages = []
    for _, path, page, expected in listed_pages("guizhou"):
        html = re.sub(rb'(<div class="rich-text[^"]*">)', lambda m: m.group(1) + inserted.encode("utf-8"),
                      renamed(page), count=1)
        pages.append((path, html, expected))
    learned = as_boilerplate_lines(item.line for item in learn(page_lines(html) for _, html, _ in pages))
    assert "Follow eGuizhou on WeChat" in learned
    for path, html, expected in pages:
        hints = {"listed_published": expected["listed_published"]}
        plain = extract(html, site.base_url + path, site, hints=hints)
        assert plain.layer == "generic"
        assert "Eyesight Protection:" not in plain.paragraphs and "Copyright © eGuizhou 2020" not in plain.paragraphs
        assert "Follow eGuizhou on WeChat" in plain.paragraphs
        cleaner = extract(html, site.base_url + path, site, hints=hints, learned_lines=learned)
        assert cleaner.body == expected["body"], path


def test_no_recorded_article_loses_a_line_to_what_its_site_taught(mirrors, mirrored_config, db):
    """Every site's recorded pages crawled: each site learns its menus and footers, and re-extracting every
    article with them changes none (all real paragraphs, captions and credits survive)."""
    sites = ["mfa", "guizhou", "hunan", "chongqing", "shenzhen", "guangdong"]
    cfg = mirrored_config({key: mirrors(key) for key in sites})
    assert gazette("crawl", "--json", "--full", "--all", db=db, config=cfg).returncode == 0
    status = {row["site"]: row for row in json_lines(gazette("status", "--json", db=db, config=cfg).stdout)}
    assert all(len(status[key]["learned_boilerplate"]) >= 5 and "Home" in {r["line"] for r in
               status[key]["learned_boilerplate"]} for key in sites)
    again = gazette("reextract", "--json", db=db, config=cfg)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["unchanged"] == summary["captures"] > 40 and summary["updated"] == 0
