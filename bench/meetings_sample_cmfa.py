"""Draws the thirteenth held-aside set of real meetings labels (tests/real/meetings/heldout13/) from the CMFA
PressCon corpus (Mochtak and Turcsanyi's question/answer dyads of the ministry's English regular press conferences)
as the public repository Euro-sevic/China_MFA_Dashboard committed its Ukraine subset, `data/ukraine_dataset_combined.xlsx`
(661 dyads of 2002-2023 that mention Ukraine: the journalist's question and the spokesperson's answer, with the
conference's address, date, spokesperson and the asking outlet). Nothing here runs the meetings extractor:
paragraphs are chosen by the plain word patterns of bench.meetings_sample.

Left out before drawing: the conferences of 2015 and of May 2018 to July 2020 (the years of tests/real/mfa-en-2015/
and of the 2018-2020 cache every earlier press-conference set came from) and any conference on a day that a press
conference label of an earlier set already has (its `published`).

Each conference becomes one stored text (texts/cmfa-<date>.txt): a title made from the corpus's fields
("Foreign Ministry Spokesperson <spokesperson>'s Regular Press Conference on <date>"; the corpus keeps no title),
then one paragraph per turn in the corpus's order, "<outlet>: <question>" ("Q: " when the corpus names no outlet) and
"<spokesperson>: <answer>", the text as the corpus holds it. How: the conferences sorted by date and shuffled with
random.Random(SEED); stratum "dated" first (ids h13d000...): in that order, every answer with a meeting verb and a day
word (MEETING_VERB, DAY_WORD), until WANT_DATED; then stratum "word" (ids h13000...), the same order with
random.Random(SEED + 1): up to PER_PAGE paragraphs per conference, not already chosen, that hold a meeting word,
until WANT. Label skeletons (events unfilled) are written for a person to fill by reading. Run once (2026-12-07):

  python -m bench.meetings_sample_cmfa --mirror /work/.mirror/Euro-sevic+China_MFA_Dashboard/repo
"""
from __future__ import annotations

import argparse
import calendar
import hashlib
import io
import json
import random
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, timedelta
from pathlib import Path

from bench.meetings_sample import DAY_WORD, MEETING_VERB, MEETING_WORD

REPO = "Euro-sevic/China_MFA_Dashboard"
COMMIT = "HEAD"
PATH = "data/ukraine_dataset_combined.xlsx"
SEED = 20261213
WANT_DATED = 45
PER_PAGE = 2
WANT = 30
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def dyads(raw: bytes) -> list[dict]:
    """The rows of the workbook's first sheet (inline strings), as dicts keyed by its header row."""
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))

    def value(c: ET.Element) -> str:
        if c.get("t") == "inlineStr":
            return "".join(t.text or "" for t in c.iter(f"{_NS}t"))
        v = c.find(f"{_NS}v")
        return v.text or "" if v is not None else ""

    rows = [[value(c) for c in r.findall(f"{_NS}c")] for r in root.iter(f"{_NS}row")]
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def used_days(out: Path) -> set[str]:
    days = set()
    for f in out.glob("*/*.json"):
        label = json.loads(f.read_text("utf-8"))
        if isinstance(label, dict) and label.get("kind") == "press_conference" and label.get("published"):
            days.add(label["published"][:10])
    return days


def left_out(day: str, used: set[str]) -> bool:
    return day.startswith("2015") or "2018-05-01" <= day <= "2020-07-31" or day in used


def conferences(rows: list[dict]) -> dict[str, dict]:
    confs: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: int(float(r["id"]))):
        # the Excel serial date (the corpus's month names have typos: "Febuary")
        when = date(1899, 12, 30) + timedelta(days=int(float(r["date"])))
        day = when.isoformat()
        c = confs.setdefault(r["link"], {"date": day, "spokesperson": r["spokesperson"], "turns": [],
                                         "title": f"Foreign Ministry Spokesperson {r['spokesperson']}'s Regular Press "
                                                  f"Conference on {calendar.month_name[when.month]} {when.day}, {when.year}"})
        who = r["who_asked"] if r["who_asked"] not in ("", "-", "missing") else "Q"
        c["turns"].append(("question", f"{who}: {r['question'].strip()}"))
        c["turns"].append(("answer", f"{r['spokesperson']}: {r['answer'].strip()}"))
    return confs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", required=True, help="the bare git directory of Euro-sevic/China_MFA_Dashboard")
    ap.add_argument("--out", default="tests/real/meetings")
    a = ap.parse_args()
    out = Path(a.out)
    raw = subprocess.run(["git", f"--git-dir={a.mirror}", "show", f"{COMMIT}:{PATH}"], capture_output=True,
                         check=True).stdout
    print("source", PATH, "sha256", hashlib.sha256(raw).hexdigest(), len(raw), "bytes")
    used = used_days(out)
    labels: dict[str, dict] = {}
    paras: dict[str, list[tuple[str, str]]] = {}
    for link, c in sorted(conferences(dyads(raw)).items(), key=lambda kv: (kv[1]["date"], kv[0])):
        if left_out(c["date"], used):
            continue
        name = f"cmfa-{c['date']}"
        if name in labels:
            name += "-b"
        paras[name] = c["turns"]
        text = c["title"] + "\n\n" + "\n\n".join(t for _, t in c["turns"]) + "\n"
        labels[name] = {"page": f"texts/{name}.txt", "body": "page", "url": link, "title": c["title"],
                        "kind": "press_conference", "published": c["date"], "text": text, "paragraphs": []}
    order = list(labels)
    random.Random(SEED).shuffle(order)
    counts = {}
    for dated, want, per_page, prefix, gen in ((True, WANT_DATED, None, "h13d", None),
                                              (False, WANT, PER_PAGE, "h13", random.Random(SEED + 1))):
        total = 0
        for name in order:
            if total >= want:
                break
            taken = {p["index"] for p in labels[name]["paragraphs"]}
            hits = [i for i, (turn, p) in enumerate(paras[name]) if i not in taken and (
                turn == "answer" and MEETING_VERB.search(p) and DAY_WORD.search(p) if dated else MEETING_WORD.search(p))]
            chosen = hits[:want - total] if gen is None else sorted(gen.sample(hits, min(per_page or 0, len(hits))))
            labels[name]["paragraphs"] += [
                {"id": f"{prefix}{total + k:03d}", "index": i, "turn": paras[name][i][0], "text": paras[name][i][1],
                 "events": None} for k, i in enumerate(chosen)]
            total += len(chosen)
        counts["dated" if dated else "word"] = total
    (out / "heldout13").mkdir(parents=True, exist_ok=True)
    kept = 0
    for name, label in labels.items():
        if not label["paragraphs"]:
            continue
        text = label.pop("text")
        (out / "texts" / f"{name}.txt").write_text(text, "utf-8")
        label["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        label["paragraphs"].sort(key=lambda p: p["index"])
        (out / "heldout13" / f"{name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                        "utf-8")
        kept += 1
    print(f"{kept} conferences, {counts['dated']} paragraphs of the dated stratum, {counts['word']} of the word one")


if __name__ == "__main__":
    main()
