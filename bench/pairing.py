"""Pairing and alignment benchmark on real pages: the ministry's English and Chinese press conferences.

Pairing. The pages are the Scrapy HTTP cache committed by the public repository cwang23/china_fm (commit 5048bc2,
crawled 2020-07-04): ~500 English press-conference pages (May 2018 – July 2020) and ~1,000 Chinese ones
(Nov 2016 – July 2020) of the same column, with the spokesperson's remarks (答记者问 / "Remarks") among them.
Every page is extracted with Gazette's own extractor and site config (mfa, mfa-zh), then paired by
pipelines/pairing.choose over the whole set, exactly as `gazette pair` does. The truth comes from the headlines,
which the pairing does not read for dates: "Regular Press Conference on March 20, 2019" is the translation of
"2019年3月20日外交部发言人耿爽主持例行记者会", "Remarks on August 7, 2019" of "2019年8月7日外交部发言人华春莹答记者问"
(one of each a day; an English headline without its year takes the page's year). Pages whose headline states no day
("Remarks on US House Speaker …") are not labelled: pairs that involve them are counted apart, never as right. Precision = right pairs / pairs kept among labelled English pages; recall = right
pairs / labelled English pages whose Chinese original is in the set.

Alignment. tests/real/pairing/alignments.json holds, for 17 hand-aligned pairs, the Chinese paragraphs that
have no English counterpart on the English page (written by reading both pages). The aligner's left-out Chinese
paragraphs are scored against them twice: with the English page's own paragraphs (an lxml parse of div.content,
the aligner's quality) and with the English text Gazette stores today (whose extraction files some paragraphs of
these pages as captions, issue 19).

Chinese meetings. pipelines/meetings_zh.extract against tests/real/meetings_zh/: five development sets (labels.json,
heldout.json, test.json, test2.json, test3.json: 182 real texts, 180 press-conference paragraphs and 2 readouts, each labelled before the
first rules ran on it, then used to adjust them; the rules were rewritten clause by clause on all five),
fresh.json, fresh2.json, fresh3.json, fresh4.json (each labelled before the rules ran on it; their first runs are
kept verbatim in RUN.md beside them; development material since), cpc1.json (readouts of national and provincial
leaders' activities, 2020-11/12, not press conferences; first run kept in RUN.md, development since), cpc2.json (more
paragraphs of the same files, labelled before the changed rules ran on it; draw_cpc.py; development since its first
run) and cpc3.json (the last such paragraphs of those files and foreign-affairs commentary of the same repository,
labelled by another engineer before the rules ran on it; development since its first run), cpc4.json (the paragraphs
left in those commentary columns, labelled before the rules changed on cpc3 ran on it; development since its first
run), fmprc1.json (ministry pages of another repository; development since its first run) and xwlb1.json (新闻联播
items of late 2025, labelled and committed before the rules ran on it; development since its first run) and
xwlb2.json (60 more items of the same repository, labelled before the rules changed on xwlb1 ran on it; development
since its first run) and xwlb3.json (the last such items; development since its first run) and cctv1.json (新闻联播
items of 2021-2024 of another repository, labelled and committed before the rules ran on it; development since its
first run) and cctv2.json, cctv3.json (60 more such items each; development since their first runs). An event is
right when type, start date and the set of foreign countries all agree (and,
leniently, when type and date agree with a country in common).

Deletions. From the hand-aligned pairs' English pages, English paragraphs are removed on purpose, one at a time;
the aligner must call exactly their Chinese counterparts left out (a check of recall the real pairs cannot give:
real omissions are rare in these years).

Run: python -m bench.pairing [--cache DIR] [--limit N] [--meetings]   (DIR: an extracted copy of the cache; default: read it
from the mirror at /work/.mirror/cwang23+china_fm/repo with git)
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from crawler import config as config_module
from pipelines import alignment, pairing
from pipelines.extract import ExtractionError, extract

ROOT = Path(__file__).resolve().parent.parent
MIRROR = Path("/work/.mirror/cwang23+china_fm/repo")
COMMIT = "5048bc297a11e7477dfadf325e06a745de7041ad"
CACHE_PATH = "chinafm_scraper/.scrapy/httpcache/chinafm/"
FIXTURES = ROOT / "tests" / "real" / "pairing"
_EN_DATE = re.compile(r"(Regular Press Conference|Remarks) on ([A-Z][a-z]+) ?(\d{1,2})(?:, ?(\d{4}))?")
_ZH_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日.*(例行记者会|答记者问)")
_GENRE = {"Regular Press Conference": "press", "Remarks": "remarks", "例行记者会": "press", "答记者问": "remarks"}


def cache_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    out = Path(tempfile.mkdtemp(prefix="gazette-chinafm-"))
    archive = subprocess.run(["git", "--git-dir", str(MIRROR), "archive", COMMIT, CACHE_PATH],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out / CACHE_PATH


def headline_day(title: str, language: str, published: str | None = None) -> str | None:
    """'YYYY-MM-DD genre' from a headline: "… Regular Press Conference on March 20, 2019" / "… Remarks on August 7,
    2019" and "2019年3月20日外交部发言人耿爽主持例行记者会" / "…答记者问" (one of each a day). An English headline
    without its year ("on September 10") takes the year of the page's date; none when the headline states no day."""
    if language == "en":
        m = _EN_DATE.search(title or "")
        if not m:
            return None
        year = m.group(4) or (published or "")[:4]
        try:
            day = datetime.strptime(f"{m.group(2)} {m.group(3)} {year}", "%B %d %Y").date().isoformat()
        except ValueError:
            return None
        return f"{day} {_GENRE[m.group(1)]}"
    m = _ZH_DATE.search(title or "")
    if not m:
        return None
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d} {_GENRE[m.group(4)]}"


def load_pages(cache: Path, limit: int | None = None) -> list[dict]:
    config = config_module.load()
    out = []
    for meta in sorted(cache.glob("*/*/meta")):
        info = ast.literal_eval(meta.read_text())
        url = info["url"]
        if not re.search(r"/t\d+\.shtml$", url) or info.get("status") != 200:
            continue
        site = config.site_for_url(url)
        try:
            art = extract((meta.parent / "response_body").read_bytes(), url, site)
        except ExtractionError:
            continue
        fields = art.fields()
        fields.update(id=url, language=site.language)
        fields["truth_day"] = headline_day(fields.get("title"), site.language, fields.get("published"))
        out.append(fields)
        if limit and len(out) >= limit:
            break
    return out


def evaluate_pairing(pages: list[dict]) -> dict:
    traits = [pairing.traits(p) for p in pages]
    by_id = {p["id"]: p for p in pages}
    english = [t for t in traits if t.language == "en"]
    chinese = [t for t in traits if t.language == "zh"]
    start = time.perf_counter()
    pairs = pairing.choose(english, chinese)
    elapsed = time.perf_counter() - start
    zh_days = {p["truth_day"] for p in pages if p["language"] == "zh" and p["truth_day"]}
    labelled = [p for p in pages if p["language"] == "en" and p["truth_day"]]
    findable = [p for p in labelled if p["truth_day"] in zh_days]
    right = wrong = unlabelled = 0
    mistakes = []
    for e, c, s in pairs:
        en_day, zh_day = by_id[e]["truth_day"], by_id[c]["truth_day"]
        if en_day is None:
            unlabelled += 1
        elif en_day == zh_day:
            right += 1
        else:
            wrong += 1
            mistakes.append((by_id[e]["title"], by_id[c]["title"], s))
    paired = {e for e, _, _ in pairs}
    missed = [p["title"] for p in findable if p["id"] not in paired]
    return {"english": len(english), "chinese": len(chinese), "labelled": len(labelled), "findable": len(findable),
            "kept": len(pairs), "right": right, "wrong": wrong, "unlabelled": unlabelled,
            "precision": right / (right + wrong) if right + wrong else 0.0,
            "recall": right / len(findable) if findable else 0.0, "mistakes": mistakes, "missed": missed,
            "choose_seconds": elapsed}


_P = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def english_page_paragraphs(html: bytes) -> list[str]:
    """The English page's paragraphs read independently of Gazette's extractor: the text of every <P>...</P> after
    the opening of div.content, tags stripped, by regular expression (these pages have stray tags inside <P> that
    make an HTML parser move text out of its paragraph), with a letter or digit in it."""
    import html as html_module
    text = html.decode("utf-8", "replace")
    start = text.find('class="content"')
    body = text[start:] if start >= 0 else text
    paras = [" ".join(html_module.unescape(_TAG.sub(" ", m.group(1))).split()) for m in _P.finditer(body)]
    return [p for p in paras if re.search(r"\w", p)]


def evaluate_alignment(labels_path: Path = FIXTURES / "alignments.json", english: str = "stored") -> dict:
    """Score the aligner's left-out Chinese paragraphs against the hand labels of tests/real/pairing.
    english="stored": the English text as Gazette extracts and stores it (body and captions); "page": the English page's own
    paragraphs (what the aligner would see once the English extraction keeps every paragraph)."""
    config = config_module.load()
    labels = json.loads(labels_path.read_text("utf-8"))["pairs"]
    tp = fp = fn = 0
    rows = []
    for lab in labels:
        zh_site, en_site = config.sites["mfa-zh"], config.sites["mfa"]
        chinese = extract((FIXTURES / lab["chinese"]).read_bytes(), f"{zh_site.base_url}/web/x/{lab['chinese']}",
                          zh_site).body
        html = (FIXTURES / lab["english"]).read_bytes()
        captions: list[str] = []
        if english == "stored":
            stored = extract(html, f"{en_site.base_url}/mfa_eng/x/{lab['english']}", en_site)
            english_text, captions = stored.body, stored.captions
        else:
            english_text = "\n\n".join(english_page_paragraphs(html))
        found = set(alignment.align(chinese, english_text, en_captions=captions).zh_unmatched)
        truth = set(lab["omitted_chinese"])
        tp += len(found & truth)
        fp += len(found - truth)
        fn += len(truth - found)
        rows.append((lab["chinese"], sorted(truth), sorted(found)))
    return {"pairs": len(labels), "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None,
            "rows": rows}


def evaluate_deletions(labels_path: Path = FIXTURES / "alignments.json", step: int = 3) -> dict:
    """Omissions made on purpose: from each hand-aligned pair's English page, every `step`-th paragraph that the
    full alignment matches one to one is deleted in turn; the aligner must then call exactly its Chinese
    counterpart left out (besides the labelled omissions). Precision and recall over all deletions."""
    config = config_module.load()
    zh_site = config.sites["mfa-zh"]
    tp = fp = fn = trials = 0
    for lab in json.loads(labels_path.read_text("utf-8"))["pairs"]:
        chinese = extract((FIXTURES / lab["chinese"]).read_bytes(), f"{zh_site.base_url}/web/x/{lab['chinese']}",
                          zh_site).body
        english = english_page_paragraphs((FIXTURES / lab["english"]).read_bytes())
        full = alignment.align(chinese, "\n\n".join(english))
        counts: dict = {}
        for z, e in full.rows:
            if z is not None and e is not None:
                counts.setdefault(("z", z), set()).add(e)
                counts.setdefault(("e", e), set()).add(z)
        one_to_one = [(z, e) for z, e in full.rows if z is not None and e is not None and e >= 0
                      and len(counts[("z", z)]) == 1 and len(counts[("e", e)]) == 1]
        base = set(lab["omitted_chinese"])
        for z, e in one_to_one[::step]:
            trials += 1
            found = set(alignment.align(chinese, "\n\n".join(english[:e] + english[e + 1:])).zh_unmatched) - base
            tp += z in found
            fn += z not in found
            fp += len(found - {z})
    return {"trials": trials, "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None}


MEETING_LABELS = ROOT / "tests" / "real" / "meetings_zh" / "labels.json"


def evaluate_meetings(labels_path: Path = MEETING_LABELS) -> dict:
    """pipelines/meetings_zh.extract against the hand labels: an extracted event is right when a labelled event of
    the same text has the same type, start date and set of foreign countries (one to one)."""
    from pipelines import meetings_zh

    items = json.loads(labels_path.read_text("utf-8"))["items"]
    tp = extracted = labelled = lenient = 0
    misses, false = [], []
    for n, item in enumerate(items):
        # the text alone, as labelled: not its page's headline (extract reads no press conference for the archive)
        got = meetings_zh.extract({"id": str(n), "language": "zh", "body": item["text"],
                                   "published": item["published"]})
        want = [(e["type"], e["date_start"], frozenset(e["countries"])) for e in item["events"]]
        have = [(e["type"], e["date_start"], frozenset(e["countries"])) for e in got]
        extracted += len(have)
        labelled += len(want)
        left = list(want)
        loose = list(want)
        for h in have:
            if h in left:
                left.remove(h)
                tp += 1
            else:
                false.append((n, h))
            near = next((w for w in loose if w[0] == h[0] and w[1] == h[1] and (w[2] & h[2] or not (w[2] or h[2]))),
                        None)
            if near is not None:
                loose.remove(near)
                lenient += 1
        misses += [(n, w) for w in left]
    return {"texts": len(items), "labelled": labelled, "extracted": extracted, "right": tp,
            "precision": tp / extracted if extracted else None, "recall": tp / labelled if labelled else None,
            "lenient_precision": lenient / extracted if extracted else None,
            "lenient_recall": lenient / labelled if labelled else None, "false": false, "missed": misses}


MEETING_SETS = (  # name, what it is to the rules of pipelines/meetings_zh.py (clause by clause, rewritten 2026-12-06)
    ("labels", "development (the first rules were written on it)"),
    ("heldout", "development (first run of the first rules: 0.263 / 0.714)"),
    ("test", "development (first run of the first rules: 0.375 / 0.333)"),
    ("test2", "development (first run of the first rules: 0.313 / 0.294)"),
    ("test3", "development (first run of the first rules: 0.100 / 0.125)"),
    ("fresh", "first fresh set, first run 1.000 / 0.750 (RUN.md); development since"),
    ("fresh2", "second fresh set, first run 0.700 / 0.636 (RUN.md); development since"),
    ("fresh3", "third fresh set, first run 0.833 / 0.667 (RUN.md); development since"),
    ("fresh4", "fourth fresh set, labelled by another engineer before the second round, first run 0.778 / 0.538 "
               "(RUN.md); the rules then changed on its errors"),
    ("cpc1", "fifth fresh set, readouts of national and provincial leaders' activities (not press conferences), "
             "first run 0.429 / 0.188 (RUN.md); the rules then changed on its errors"),
    ("cpc2", "sixth fresh set, more paragraphs of the cpc1 files, first run 0 of 4 found, no false event "
             "(RUN.md); the rules then changed on its errors"),
    ("cpc3", "seventh fresh set, the last meeting paragraphs of the cpc1 files and foreign-affairs commentary of the "
             "same repository, labelled by another engineer, first run 0.762 / 0.400 (RUN.md); the rules then changed "
             "on its errors"),
    ("cpc4", "eighth fresh set, the meeting paragraphs left in the same commentary columns, first run 0.786 / 0.423 "
             "(RUN.md); development since"),
    ("fmprc1", "ninth fresh set, ministry pages kept by boan-anbo/fmprccrawler (envoys' wives' activities, Yang Jiechi "
               "in Munich), labelled by another engineer, first run 1.000 / 0.071 (RUN.md); development since"),
    ("xwlb1", "tenth fresh set, 新闻联播 items of late 2025 kept by caijing666666/xinwenlianbo, labelled before the rules "
              "ran on it, first run 1.000 / 0.667 (1.000 / 0.714 with two labels corrected; RUN.md); development since"),
    ("xwlb2", "eleventh fresh set, 60 more 新闻联播 items of the same repository, drawn after the changes made on xwlb1 "
              "and labelled before the rules ran on it, first run 0.923 / 0.615 (RUN.md); development since"),
    ("xwlb3", "twelfth fresh set, the last 60 新闻联播 items of the same repository naming a meeting verb, drawn after the "
              "changes made on xwlb2 and labelled before the rules ran on it, first run 0.794 / 0.711 (RUN.md); "
              "development since"),
    ("cctv1", "thirteenth fresh set, 60 新闻联播 items of 2021-2024 kept by china-data/xwlb (another repository, other "
              "years), labelled before the rules ran on it, first run 0.821 / 0.575 (RUN.md); development since"),
    ("cctv2", "fourteenth fresh set, 60 more 新闻联播 items of the same repository, drawn after the changes made on "
              "cctv1 and labelled before the rules ran on it, first run 0.962 / 0.806 (RUN.md); development since"),
    ("cctv3", "fifteenth fresh set, 60 more 新闻联播 items of the same repository, drawn after the changes made on "
              "cctv2 and labelled before the rules ran on it, first run 0.919 / 0.829 (RUN.md); development since"),
    ("local1", "sixteenth fresh set, another kind of text: readouts of China's embassies and consulates and of "
               "provincial and city leaders' foreign meetings (2002-2026, official sites and reprints) from the search "
               "tool's stored pages, labelled before the rules ran on it, first run 0.600 / 0.167 (RUN.md); development since"),
    ("local2", "seventeenth fresh set, more readouts of local1's kind (embassies, consulates, local leaders; none of "
               "local1's pages), drawn by fixed queries and labelled before the rules ran on it, after the changes made "
               "on local1, first run 0.385 / 0.119 (RUN.md); development since"),
    ("local3", "eighteenth fresh set, a third set of local1's kind (embassies, consulates, local leaders; none of local1's "
               "or local2's pages), drawn by fixed queries and labelled before the rules ran on it, after the changes made "
               "on local2 and the foreign-places gazetteer, first run 0.733 / 0.407 (RUN.md); development since"),
    ("local4", "nineteenth fresh set, a fourth set of local1's kind (embassies, consulates, local leaders; none of "
               "local1's, local2's or local3's pages), drawn by 50 fixed queries and labelled before the rules ran on it, "
               "first run 0.783 / 0.474 (RUN.md); development since"),
    ("mfa2", "twentieth fresh set, the ministry's OWN Chinese readouts at its addresses (none of any other set), drawn by "
             "fixed queries and labelled before the rules ran on it: only 4 texts (4 events) could be found, too few to "
             "measure, first run 0.500 / 0.250 (RUN.md); development since"),
    ("local5", "twenty-first fresh set, a fifth set of local1's kind (embassies, consulates, local leaders; none of local1's "
               "to local4's pages), drawn by 50 fixed queries and labelled before the rules ran on it, after the changes "
               "made on local4's errors, first run 0.680 / 0.309 (RUN.md); development since"),
)
HELD_OUT: tuple = ()  # none now: local5 (labelled and committed 3b6eeff before any rule ran on it) had its first run (RUN.md)
FIRST_RUNS = (610, 357, 287)  # every first run on a fresh set (fresh..fresh4, cpc1..cpc4, fmprc1, xwlb1..xwlb3, cctv1..cctv3, local1..local5, mfa2), each with the
#                               rules of its day: events labelled, found, right (RUN.md; "96 found" before xwlb1 was a slip for
#                               98; xwlb1 counted with its two labels corrected after its run, 28 events)


def meetings_speed(rounds: int = 5) -> tuple[int, float, float]:
    """(pages, ms per page of meetings_zh.extract, ms per page of the Chinese mentions tagger) over the Chinese press
    conferences of tests/real/pairing, extracted by Gazette: the tagger, which every Chinese article runs, is the
    baseline measured in the same process."""
    from pipelines import meetings_zh, mentions, mentions_zh

    config = config_module.load()
    site = config.sites["mfa-zh"]
    pages = [extract(f.read_bytes(), f"{site.base_url}/web/x/{f.name}", site) for f in sorted(FIXTURES.glob("zh-*.html"))]
    articles = [{"language": "zh", "title": a.title, "body": a.body, "published": a.fields().get("published")}
                for a in pages]
    tagger = mentions.load().chinese
    meetings_zh.extract(articles[0])                     # load the gazetteers once, outside the timing
    start = time.perf_counter()
    for _ in range(rounds):
        for a in articles:
            meetings_zh.extract(a)
    rules = (time.perf_counter() - start) / rounds / len(articles) * 1000
    start = time.perf_counter()
    for _ in range(rounds):
        for a in articles:
            mentions_zh.tag(a["body"], tagger)
    tags = (time.perf_counter() - start) / rounds / len(articles) * 1000
    return len(articles), rules, tags


def print_meetings() -> None:
    """The Chinese meeting figures of every labelled set, the development sets pooled, every error of the fresh set."""
    pooled, held = [0, 0, 0], [0, 0, 0]
    for name, label in MEETING_SETS:
        m = evaluate_meetings(MEETING_LABELS.parent / f"{name}.json")
        if name in HELD_OUT:
            held = [held[0] + m["right"], held[1] + m["extracted"], held[2] + m["labelled"]]
        else:
            pooled = [pooled[0] + m["right"], pooled[1] + m["extracted"], pooled[2] + m["labelled"]]
        print(f"Chinese meetings, {name}.json, {label}: {m['texts']} real texts, {m['labelled']} events labelled, "
              f"{m['extracted']} found, {m['right']} right: precision {_ratio(m['precision'])}  "
              f"recall {_ratio(m['recall'])}; type and date right with a country in common (or none on both sides): "
              f"{_ratio(m['lenient_precision'])} / {_ratio(m['lenient_recall'])}")
        shown = None if name.startswith("fresh") or name in HELD_OUT else 4
        for n, event in m["false"][:shown]:
            print(f"  false: text {n}: {event[0]} {event[1]} {sorted(event[2])}")
        for n, event in m["missed"][:shown]:
            print(f"  missed: text {n}: {event[0]} {event[1]} {sorted(event[2])}")
        development = [n for n, _ in MEETING_SETS if n not in HELD_OUT]
        if name == development[-1]:
            print(f"Chinese meetings, the {len(development)} development sets pooled: {pooled[2]} events labelled, {pooled[1]} found, "
                  f"{pooled[0]} right: precision {_ratio(pooled[0] / pooled[1] if pooled[1] else None)}  "
                  f"recall {_ratio(pooled[0] / pooled[2] if pooled[2] else None)}")
    if held[2]:
        print(f"Chinese meetings, the held-out sets pooled: {held[2]} events labelled, {held[1]} found, {held[0]} right: "
              f"precision {_ratio(held[0] / held[1] if held[1] else None)}  "
              f"recall {_ratio(held[0] / held[2] if held[2] else None)}")
    labelled, found, right = FIRST_RUNS
    print(f"Chinese meetings, every first run on a fresh set pooled (each with the rules of its day; RUN.md): {labelled} "
          f"events labelled, {found} found, {right} right: precision {right / found:.3f}  recall {right / labelled:.3f}")
    pages, rules, tags = meetings_speed()
    print(f"Chinese meetings, speed on {pages} real Chinese press conferences: {rules:.1f} ms per page, "
          f"x{rules / tags:.1f} the Chinese mentions tagger on the same pages ({tags:.1f} ms)")


def _ratio(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="an extracted copy of the china_fm Scrapy cache (its chinafm/ directory)")
    parser.add_argument("--limit", type=int, help="read at most N pages (quick look)")
    parser.add_argument("--meetings", action="store_true",
                        help="only the Chinese meeting figures (seconds; no cache needed)")
    args = parser.parse_args(argv)
    if args.meetings:
        print_meetings()
        return 0
    if not args.cache and not MIRROR.exists():
        print(f"bench.pairing: no cache given and no mirror at {MIRROR}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    pages = load_pages(cache_dir(args.cache), args.limit)
    read = time.perf_counter() - start
    r = evaluate_pairing(pages)
    print(f"pairing on real press conferences: {r['english']} English and {r['chinese']} Chinese pages "
          f"({read:.1f} s to extract), {r['labelled']} English labelled by headline, {r['findable']} with their "
          f"Chinese original in the set")
    print(f"  kept {r['kept']} pairs: {r['right']} right, {r['wrong']} wrong, {r['unlabelled']} of unlabelled pages")
    print(f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}  (choose: {r['choose_seconds']:.2f} s)")
    for m in r["mistakes"][:10]:
        print(f"  wrong: {m[0]}  ->  {m[1]}  ({m[2]})")
    for m in r["missed"][:10]:
        print(f"  missed: {m}")
    if len(r["missed"]) > 10:
        print(f"  ... and {len(r['missed']) - 10} more missed")
    for english, label in (("page", "the English page's paragraphs"), ("stored", "the English text Gazette stores")):
        a = evaluate_alignment(english=english)
        print(f"left-out Chinese paragraphs, {a['pairs']} hand-aligned pairs, against {label}: {a['tp']} found, "
              f"{a['fp']} false, {a['fn']} missed: precision {_ratio(a['precision'])}  recall {_ratio(a['recall'])}")
        for name, truth, found in a["rows"]:
            if truth != found:
                print(f"  {name}: labelled {truth}, found {found}")
    print_meetings()
    d = evaluate_deletions()
    print(f"English paragraphs deleted on purpose ({d['trials']} trials on the hand-aligned pairs): precision "
          f"{_ratio(d['precision'])}  recall {_ratio(d['recall'])} ({d['tp']} found, {d['fp']} false, {d['fn']} missed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
