"""How mfa3.json's texts are drawn (2026-12-07, by zh8): a second try at a held-out set of the ministry's OWN Chinese
readouts of meetings, talks, calls and visits (部长活动 wjbzhd, 重要新闻 zyxw, 外交部新闻 wjbxw, 领导人活动 gjldrhd of
www.fmprc.gov.cn and www.mfa.gov.cn), after draw_mfa2.py's stored web pages gave one such page (mfa2.json).

Written and committed BEFORE any answer of these look-ups was read. zh8 had read draw_mfa2's answers (reprints) and
had run the rules on mfa2.json's one text (no event found, none labelled); zh8 had read no rule's code.
Sources, in this order:
  (1) the search tool's find_string on each string of STRINGS (10 excerpts each, context 400): ministry column
      addresses and the 2015-2021 template's element ids, which occur in files that keep ministry pages;
  (2) the search tool's `code` corpus on each query of CODE_QUERIES (up to 12 results each);
  (3) every public repository a hit of (1) or (2) shows to keep ministry readout pages (saved HTML, or records of a
      page's text with its ministry address), read at its newest stored snapshot by `fetch`; boan-anbo/fmprccrawler
      (fmprc1.json's source) and this project's own fixtures left out.
A text is taken when it is a readout page at a ministry address (or saved from one, by its recorded address, its path
or its template), of a meeting, talks, call, visit or attended occasion (会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会,
会面 or 出席 in its title or lead; announcements, press conferences, speeches, articles and statements left out), in
simplified characters, dated by the page or its address (a full day), and not a page (by address) or a text (by its
opening) any json of tests/real/meetings_zh/ holds, nor a text of the china_fm cache (press conferences only). The
text labelled is lead(restore(body)) as draw_pages.py takes it (the body's paragraphs joined). A page found twice is
taken once. All qualifying pages are taken when at most 60 (else random.Random(SEED).sample of 60), in the order
found: source order, hit order, then path order within a repository.
"""
from __future__ import annotations

SEED, COUNT, FETCHED = 2026136, 60, "2026-12-07"

STRINGS = (
    "News_Body_Txt_A", "News_Body_Title", "fmprc.gov.cn/web/wjbzhd", "mfa.gov.cn/web/wjbzhd", "fmprc.gov.cn/web/zyxw",
    "mfa.gov.cn/web/zyxw", "wjbxw_673019/t", "gjldrhd_674881/", "www.mfa.gov.cn/wjbzhd/", "www.fmprc.gov.cn/wjbzhd/",
)
CODE_QUERIES = (
    "王毅会见 外交部 html News_Body_Txt_A", "外交部 部长活动 王毅 会谈 saved html", "fmprc.gov.cn wjbzhd 王毅 通电话 json",
    "mfa.gov.cn zyxw 习近平 会见 json dataset", "外交部网站 王毅 会见 外长 corpus 语料",
)

# The answers, read 2026-12-07 after 33bc1a6: NO qualifying text.
#   STRINGS: News_Body_Txt_A and News_Body_Title: crawler code only (selectors of scrapers, RSS routes, Android
#     layouts); fmprc.gov.cn/web/wjbzhd, mfa.gov.cn/web/wjbzhd, fmprc.gov.cn/web/zyxw, mfa.gov.cn/web/zyxw,
#     wjbxw_673019/t, gjldrhd_674881/, www.mfa.gov.cn/wjbzhd/, www.fmprc.gov.cn/wjbzhd/: crawlers' start URLs, link
#     lists, and news-digest files that name a ministry address beside a summary their own pipeline wrote (not the
#     ministry's text), an AI-policy timeline, a Swedish quotation list; no saved readout page and no record holding
#     one page's text.
#   CODE_QUERIES: Hong Kong and overseas reprints (hkcnews archive, gnews copies: traditional or not the ministry's);
#     an RSS mirror of Sina (a reprint); danquxunhuan123/MyDemo app/src/main/java/com/trs/jjrb/bean/Detail.java holds
#     one ministry page as JSON (zyxw t1682688, the China-UAE joint statement of 2019-07: a statement, left out by the
#     rule); estaaa/html (People's Daily reprint); a README of a "US-China Official Diplomatic and Defense Corpus"
#     whose ministry files are press conferences only (外交部_例行记者会数据.xlsx); the rest English, Korean or unrelated.
#   So no repository qualified for source (3); mfa3.json is not made.
