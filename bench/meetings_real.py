"""Real-text meetings benchmark: pipelines.meetings on real pages against the hand labels of
tests/real/meetings/ (issue 26), kept apart from the fixture figures of bench/meetings.py.

A label file names a stored page (a real HTTP response, gzip) and labels some of its paragraphs. The page goes
through Gazette's own extraction (the ministry's site rules for a press conference) and then the meetings
extractor, as when it is archived; only the events whose sentence lies in a labelled paragraph are scored (the
other paragraphs were not read). A general news article is scored on its labelled text (the benchmark's true body).

* event: right when a labelled event of the same page has the same type, start and end date, place (country,
  province code, city code) and set of foreign countries (one-to-one);
* participant: the persons named in an event, right when the aligned labelled event (same quote in its sentence,
  else same type and start date) names the same person (case-insensitive) on the same side, with the same country
  for a foreign person. Unnamed sides are scored at the event level, by their countries.

Figures per kind of source (press conference answers, general news, readouts), at both levels. A readout
(tests/real/meetings/readouts/, visible text as stored) is scored like a general news article: on its labelled
text, every paragraph labelled; so is a press conference stored as visible text (tests/real/meetings/texts/, the
fourth held-out set), whose title still makes it a press conference for the extractor. A label with
`"body": "page"` (the twelfth held-out set) gives the extractor its whole stored text after the title line, and only
its labelled paragraphs are scored, as for a stored HTML page.
"""
from __future__ import annotations

import gzip
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from bench.meetings_keys import event_key
from pipelines import meetings

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real" / "meetings"


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("\u2019", "'").split())


def page_record(label: dict, base: Path = REAL, *, gzipped: bool = True) -> dict:
    """The article record the archive would hold for a label's page: extracted by Gazette (press conferences)
    or the labelled true body (general news)."""
    if label["kind"] != "press_conference" or label["page"].endswith(".txt"):
        # visible text as stored (readouts, and the press conferences of texts/): the labelled paragraphs are
        # the body, every paragraph of the stored article being labelled
        text = "\n\n".join(p["text"] for p in label["paragraphs"])
        if label.get("body") == "page":
            # the whole stored conference is the body (heldout12/: only drawn paragraphs are labelled and scored)
            text = (base / label["page"]).read_text("utf-8").split("\n\n", 1)[1].strip()
        return {"id": Path(label["page"]).stem, "site": "other", "title": label.get("title") or "",
                "published": label["published"], "body": text, "language": "en", "url": label["url"]}
    from pipelines.extract import extract
    site = _mfa()
    raw = (base / label["page"]).read_bytes()
    body = gzip.decompress(raw) if gzipped else raw
    fields = extract(body, label["url"], site, "text/html").fields()
    return {**fields, "id": Path(label["page"]).stem.split(".")[0], "site": "mfa", "url": label["url"]}


@lru_cache(maxsize=1)
def _mfa():
    from crawler.config import load
    return load(None).site("mfa")


def named(e: dict) -> list[tuple]:
    out = [("chinese", p["name"].lower(), None) for p in e.get("chinese") or [] if p.get("name")]
    out += [("foreign", p["name"].lower(), p.get("country")) for p in e.get("foreign") or [] if p.get("name")]
    return out


def _take(a: list, b: list) -> int:
    b, n = list(b), 0
    for x in a:
        if x in b:
            b.remove(x)
            n += 1
    return n


def score_page(label: dict, found_all: list[dict]) -> dict:
    """Counts and errors of one labelled page."""
    paragraphs = [_norm(p["text"]) for p in label["paragraphs"]]
    found = [f for f in found_all if any(_norm(f["sentence"]) in p for p in paragraphs)]
    gold = [e for p in label["paragraphs"] for e in p["events"]]
    # an occasion told twice on a page is one event, kept at one of its mentions: a labelled one found at a
    # mention outside the labelled paragraphs is found all the same
    unmatched = [event_key(g) for g in gold]
    for f in found:
        if event_key(f) in unmatched:
            unmatched.remove(event_key(f))
    for f in found_all:
        if f not in found and event_key(f) in unmatched:
            unmatched.remove(event_key(f))
            found.append(f)
    fk, gk = [event_key(f) for f in found], [event_key(g) for g in gold]
    c = {"ev_found": len(found), "ev_gold": len(gold), "ev_right": _take(fk, gk),
         "pa_found": 0, "pa_gold": 0, "pa_right": 0, "errors": []}
    name = Path(label["page"]).name
    c["errors"] += [f"{name}: extra or wrong event {k} <- {f['sentence'][:120]}" for k, f in zip(fk, found)
                    if k not in gk]
    c["errors"] += [f"{name}: missed event {k} <- {g['quote'][:100]}" for k, g in zip(gk, gold) if k not in fk]
    used = set()
    for f in found:
        j = next((j for j, g in enumerate(gold) if j not in used and _norm(g["quote"]) in _norm(f["sentence"])
                  and g["type"] == f["type"]), None)
        if j is None:
            j = next((j for j, g in enumerate(gold) if j not in used and _norm(g["quote"]) in _norm(f["sentence"])),
                     None)
        if j is None:
            j = next((j for j, g in enumerate(gold) if j not in used and g["type"] == f["type"]
                      and g["date_start"] == f.get("date_start")), None)
        fp = named(f)
        gp = named(gold[j]) if j is not None else []
        if j is not None:
            used.add(j)
        right = _take(fp, gp)
        c["pa_found"] += len(fp)
        c["pa_right"] += right
        c["errors"] += [f"{name}: extra or wrong participant {x}" for x in fp if x not in gp]
        c["errors"] += [f"{name}: missed participant {x}" for x in gp if x not in fp]
    for j, g in enumerate(gold):
        c["pa_gold"] += len(named(g))
        if j not in used:
            c["errors"] += [f"{name}: missed participant {x} (event not found)" for x in named(g)]
    return c


def evaluate_real(directory: Path | list[Path]) -> dict:
    """Figures over every label file of a directory (or of several), in total and per kind of source."""
    totals: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    dirs = directory if isinstance(directory, list) else [directory]
    files = [f for d in dirs for f in sorted(d.glob("*.json"))]
    paragraphs = 0
    for path in files:
        label = json.loads(path.read_text("utf-8"))
        record = page_record(label, path.parent.parent)
        c = score_page(label, meetings.extract(record))
        paragraphs += len(label["paragraphs"])
        errors += c.pop("errors")
        for kind in ("all", label["kind"]):
            for k, v in c.items():
                totals[kind][k] += v
            totals[kind]["pages"] += 1
    return {"pages": len(files), "paragraphs": paragraphs, "errors": errors,
            "kinds": {kind: _figures(t) for kind, t in totals.items()}}


def _figures(t: dict) -> dict:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0
    return {"pages": t["pages"],
            "events": {"gold": t["ev_gold"], "found": t["ev_found"], "right": t["ev_right"],
                       "precision": ratio(t["ev_right"], t["ev_found"]), "recall": ratio(t["ev_right"], t["ev_gold"])},
            "participants": {"gold": t["pa_gold"], "found": t["pa_found"], "right": t["pa_right"],
                             "precision": ratio(t["pa_right"], t["pa_found"]),
                             "recall": ratio(t["pa_right"], t["pa_gold"])}}


def report(directory: Path | list[Path], quiet: bool = False) -> dict:
    r = evaluate_real(directory)
    name = "+".join(d.name for d in directory) if isinstance(directory, list) else directory.name
    print(f"real text, {name}: {r['pages']} pages, {r['paragraphs']} labelled paragraphs")
    for kind, f in sorted(r["kinds"].items(), key=lambda kv: kv[0] != "all"):
        for level in ("events", "participants"):
            x = f[level]
            print(f"  {kind:17s} {level:12s}  labelled {x['gold']:3d}  extracted {x['found']:3d}  right {x['right']:3d}"
                  f"  precision {x['precision']:.3f}  recall {x['recall']:.3f}")
    if not quiet:
        for e in r["errors"]:
            print("    " + e)
    return r
