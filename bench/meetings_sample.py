"""Draws a held-aside set of real meetings labels (tests/real/meetings/heldout2/, heldout3/) from the committed Scrapy
cache of cwang23/china_fm: which pages, which paragraphs; it writes each page byte for byte (gzip) and a label
skeleton (paragraphs with an empty, unfilled event list) for a person to fill by reading. Nothing here runs the
meetings extractor: paragraphs are chosen by a plain word pattern over the page's body as Gazette extracts it.

How: the cache's 500 English press conferences, minus every page already used by the tests (tests/real/meetings/
pages/, tests/real/mfa-en-2015/), sorted by id and shuffled with random.Random(SEED); in that order, from each page
the paragraphs that hold a meeting word (MEETING_WORD), at most PER_PAGE of them chosen with the same generator,
until at least WANT paragraphs (stratum "word"). Since most of those report no event, a second stratum
("dated") follows the same page order again (pages of the first stratum included, their chosen paragraphs not):
paragraphs not opened by "Q:" that hold a meeting verb (MEETING_VERB) and a day word (DAY_WORD), at most
PER_PAGE_DATED per page (a generator of seed SEED + 1), until WANT_DATED. Run once per set (2026-12-06); the output
was then labelled by hand.

heldout2 (seed 20261206, ids h2..., excluding dev and heldout):
  python -m bench.meetings_sample --mirror /work/.mirror/cwang23+china_fm/repo --out tests/real/meetings
heldout3 (seed 20261207, ids h3..., excluding dev, heldout and heldout2):
  python -m bench.meetings_sample --mirror ... --set heldout3 --seed 20261207 --exclude dev,heldout,heldout2 \
      --want 40 36
"""
from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import random
import re
import subprocess
from pathlib import Path

COMMIT = "5048bc297a11e7477dfadf325e06a745de7041ad"
CACHE = "chinafm_scraper/.scrapy/httpcache/chinafm/"
ENGLISH = "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t"
SEED = 20261206
PER_PAGE = 3
WANT = 64
PER_PAGE_DATED = 2
WANT_DATED = 40
MEETING_VERB = re.compile(
    r"\b(met|meets|held talks|visited|paid an? [\w-]* ?visit|phone|telephone|video (?:call|conference|link)|attended"
    r"|signed|co-chaired|is visiting|received)\b", re.IGNORECASE)
DAY_WORD = re.compile(
    r"\b(yesterday|today|this (?:morning|afternoon|evening)|last (?:night|week|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})\b")
MEETING_WORD = re.compile(
    r"\b(met|meets?|meeting|held talks|talks with|visit(?:ed|s|ing)?|paid a|phone|telephone|video (?:call|conference|link)"
    r"|attended|received|signed|hosted|co-chaired)\b", re.IGNORECASE)


def _git(mirror: str, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(["git", f"--git-dir={mirror}", *args], input=data, capture_output=True, check=True).stdout


def english_pages(mirror: str) -> dict[str, str]:
    """tid -> cache folder of every English press conference in the cache."""
    names = _git(mirror, "ls-tree", "-r", "--name-only", COMMIT, CACHE).decode().split("\n")
    metas = [n for n in names if n.endswith("/meta")]
    out = {}
    for folder in (m[: -len("/meta")] for m in metas):
        meta = ast.literal_eval(_git(mirror, "show", f"{COMMIT}:{folder}/meta").decode())
        if meta["url"].startswith(ENGLISH):
            out[meta["url"][len(ENGLISH):].split(".")[0]] = folder
    return out


def used(root: Path, sets: tuple[str, ...] = ("dev", "heldout")) -> set[str]:
    """The pages the tests had used before this set: those of the given label sets (by default the dev and
    first held-out labels) and of tests/real/mfa-en-2015/."""
    real = root / "tests/real/meetings"
    tids = {json.loads(p.read_text("utf-8"))["page"].split("/t")[-1].split(".")[0]
            for d in sets for p in (real / d).glob("t*.json")}
    return tids | {p.name[1:].split(".")[0] for p in (root / "tests/real/mfa-en-2015").glob("t*.html")}


def _page(mirror: str, folder: str, out: Path, path: Path) -> tuple[bytes, dict, dict, list[str]]:
    """A cached page: its bytes (written to out/pages/), its meta, its label (the one written so far, else a
    new one) and the paragraphs of its body as Gazette extracts it."""
    from bench.meetings_real import page_record
    body = _git(mirror, "show", f"{COMMIT}:{folder}/response_body")
    meta = ast.literal_eval(_git(mirror, "show", f"{COMMIT}:{folder}/meta").decode())
    label = json.loads(path.read_text("utf-8")) if path.exists() else {
        "page": f"pages/{path.stem}.html.gz", "url": meta["url"], "kind": "press_conference", "paragraphs": []}
    (out / label["page"]).write_bytes(gzip.compress(body, mtime=0))
    record = page_record(label, out)
    label["title"] = record["title"]
    return body, meta, label, [p for p in re.split(r"\n\s*\n", record["body"]) if p.strip()]


def _stratum(order: list[str], pages: dict, mirror: str, out: Path, rows: list, rng: random.Random, *,
             dated: bool, name: str = "heldout2", wants: tuple[int, int] = (WANT, WANT_DATED)) -> int:
    """Draws one stratum's paragraphs (see the module docstring) into out/<name>/; returns how many."""
    tag = "h" + name[len("heldout"):]
    want, per_page, prefix = (wants[1], PER_PAGE_DATED, tag + "d") if dated else (wants[0], PER_PAGE, tag)
    total = 0
    for tid in order:
        if total >= want:
            break
        path = out / name / f"t{tid}.json"
        existed = path.exists()
        body, meta, label, paras = _page(mirror, pages[tid], out, path)
        taken = {p["index"] for p in label["paragraphs"]}
        hits = [i for i, p in enumerate(paras) if i not in taken and (
            not p.startswith("Q:") and MEETING_VERB.search(p) and DAY_WORD.search(p) if dated
            else MEETING_WORD.search(p))]
        chosen = sorted(rng.sample(hits, min(per_page, len(hits))))
        if dated and not chosen:
            if not existed:
                (out / label["page"]).unlink()      # a page none of whose paragraphs is labelled is not kept
            continue
        label["paragraphs"] = sorted(label["paragraphs"] + [
            {"id": f"{prefix}{total + k:03d}", "index": i, "turn": None, "text": paras[i], "events": None}
            for k, i in enumerate(chosen)], key=lambda p: p["index"])
        total += len(chosen)
        path.write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n", "utf-8")
        if tid not in {r[0] for r in rows}:
            rows.append((tid, meta, pages[tid], len(body), hashlib.sha256(body).hexdigest()))
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", required=True, help="the bare git directory of cwang23/china_fm")
    ap.add_argument("--out", default="tests/real/meetings", help="where pages/ and the set's labels are written")
    ap.add_argument("--set", default="heldout2", help="the set's folder name (heldout2, heldout3)")
    ap.add_argument("--seed", type=int, default=SEED, help="the shuffle's seed")
    ap.add_argument("--exclude", default="dev,heldout", help="label sets whose pages are not drawn again")
    ap.add_argument("--want", type=int, nargs=2, default=(WANT, WANT_DATED), metavar=("WORD", "DATED"),
                    help="how many paragraphs of each stratum")
    a = ap.parse_args()
    pages = english_pages(a.mirror)
    skip = used(Path(__file__).resolve().parent.parent, tuple(a.exclude.split(",")))
    order = sorted(t for t in pages if t not in skip)
    rng = random.Random(a.seed)
    rng.shuffle(order)           # the word stratum goes on with this generator
    out = Path(a.out)
    (out / a.set).mkdir(parents=True, exist_ok=True)
    rows: list = []
    words = _stratum(order, pages, a.mirror, out, rows, rng, dated=False, name=a.set, wants=tuple(a.want))
    dated = _stratum(order, pages, a.mirror, out, rows, random.Random(a.seed + 1), dated=True, name=a.set, wants=tuple(a.want))
    for tid, meta, folder, size, sha in rows:
        print(f"| `t{tid}.html.gz` | {meta['url']} | `{folder[len(CACHE):]}` | {meta['timestamp']} | {size} | `{sha[:16]}…` |")
    print(f"{len(rows)} pages, {words} paragraphs of the word stratum, {dated} of the dated stratum")


if __name__ == "__main__":
    main()
