"""Pair the archive's English articles with their Chinese originals and align each pair: an orchestrator (like
pipelines/record.py) that reads the candidates from the archive, chooses the pairs (pipelines/pairing.py), aligns
them (pipelines/alignment.py) and hands the rows to archive/translations.py to store.

`pair(...)` recomputes the pairs of a stretch of the archive (`gazette pair`); `pair_new(...)` pairs articles just
archived (one a crawl archived, or an import's batch).
"""
from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from datetime import date, timedelta
from typing import Callable, Iterable

from archive import Archive
from archive import translations as store

from . import alignment, pairing
from .mentions import Tagger


class _Kept(OrderedDict):
    """What this process computed before, by what it was computed from: the last `size` values."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def keep(self, key, value):
        self[key] = value
        if len(self) > self.size:
            self.popitem(last=False)
        return value


def _digest(*texts: str) -> bytes:
    return hashlib.blake2b("\0".join(texts).encode(), digest_size=16).digest()


# Alignments are a pure function of the two texts, the English captions and the gazetteers: a pair settled again
# when a neighbour arrives (pair_new) is not aligned again.
_ALIGNED = _Kept(1024)


def _row(en: dict, zh: dict, score: float, kind: str, now: str, tagger: Tagger | None) -> dict:
    """The stored row of one pair (archive/translations.py COLUMNS), with its alignment."""
    captions = _captions(en)
    key = (id(tagger), _digest(zh["body"], en["body"], *captions))
    kept = _ALIGNED.get(key)
    if kept is not None and kept[0] is tagger:
        a = kept[1]
    else:
        a = _ALIGNED.keep(key, (tagger, alignment.align(zh["body"], en["body"], tagger, en_captions=captions)))[1]
    return {"english_id": en["id"], "chinese_id": zh["id"], "score": score, "method": pairing.METHOD,
            "paired_at": now, "published": (en.get("published") or "")[:10] or None, "kind": kind,
            "zh_paragraphs": len(alignment.paragraphs(zh["body"])),
            "en_paragraphs": len(alignment.paragraphs(en["body"])), "zh_unmatched": len(a.zh_unmatched),
            "en_unmatched": len(a.en_unmatched), "zh_answers": a.zh_turns, "omitted_answers": a.omitted_turns,
            "omitted_chars": a.omitted_chars, "alignment": json.dumps(a.rows)}


def _pool(db, low: str, high: str, kind: str | None = None) -> list[dict]:
    """The English and Chinese articles published in [low, high) that could pair, by their openings only (id,
    language, published, kind: archive/translations.py `openings`): of a kind pairing knows (press conference,
    remarks, meeting, speech: read from the headline, before any costly tagging), or of `kind` only, and only when
    some Chinese article is in the stretch at all (an archive of English sites alone pairs nothing)."""
    if not store.has_chinese(db, low, high):
        return []
    return [{**a, "kind": found} for a in store.openings(db, low, high)
            if (found := pairing.kind_of(a["title"], a["opening"])) != "other" and kind in (None, found)]


_TRAITS = _Kept(4096)   # traits already computed in this process, by what they are computed from


def forget() -> None:
    """Drop the alignments and traits this process keeps, as if it had just started (bench.import times each import
    from that state: one run over the same pages would otherwise find the last run's alignments kept)."""
    _ALIGNED.clear()
    _TRAITS.clear()


def _traits(db, pool: list[dict], tagger: Tagger | None) -> dict[str, pairing.Traits]:
    """Each candidate's traits, its names read from the mentions the archive holds for it (tagged as it was
    archived, by the same gazetteers); an article with none stored is tagged here. Traits are a pure function of
    the article's id, language, date, text and stored mentions: those computed before in this process, of the same
    values, are taken again (an import or crawl scores the same neighbours for every new article of their days)."""
    stored = store.mentions_of(db, [a["id"] for a in pool])
    out = {}
    for a in pool:
        names = pairing.name_counts(stored[a["id"]]) if a["id"] in stored else None
        key = None if names is None else (  # tagged here, by whatever tagger: not kept
            a["id"], a["language"], a["published"], tuple(sorted(names.items())),
            _digest(a["title"], a["body"]))
        found = _TRAITS.get(key) if key else None
        if found is None:
            found = pairing.traits(a, tagger, names)
            if key:
                _TRAITS.keep(key, found)
        out[a["id"]] = found
    return out


def _captions(article: dict) -> list[str]:
    try:
        found = json.loads(article.get("captions") or "[]")
    except ValueError:
        return []
    return [c for c in found if isinstance(c, str) and c.strip()]


def _day_range(first: date, last: date) -> tuple[str, str]:
    return (first - timedelta(days=pairing.WINDOW_DAYS)).isoformat(), \
        (last + timedelta(days=pairing.WINDOW_DAYS + 1)).isoformat()


def pair(archive: Archive, *, site: str | None = None, since: str | None = None,
         tagger: Tagger | None = None, now: str = "",
         progress: Callable[[int, int], None] | None = None) -> dict:
    """Recompute the pairs of the English and Chinese articles published since `since` (of `site`, and their
    candidates in the other language): {'english': n, 'chinese': n, 'pairs': n}. `tagger`: the gazetteers of the
    loaded config (`config.taggers.mentions`; the shipped ones when None)."""
    db = archive.db
    where, params = "published is not null", []
    if since:
        where += " and published >= ?"
        params.append(since)
    if site:
        where += " and site = ?"
        params.append(site)
    chosen = store.articles(db, where, params)
    days = [day for day in (pairing._day(a["published"]) for a in chosen) if day]
    if not days:
        return {"english": 0, "chinese": 0, "pairs": 0}
    low, high = _day_range(min(days), max(days))
    pool = store.articles_by_id(db, [a["id"] for a in _pool(db, low, high)])
    by_id = {a["id"]: a for a in pool}
    traits = _traits(db, pool, tagger)
    english = [traits[a["id"]] for a in pool if a["language"] == "en"]
    chinese = [traits[a["id"]] for a in pool if a["language"] == "zh"]
    pairs = pairing.choose(english, chinese)
    rows = []
    for n, (e, c, s) in enumerate(pairs, 1):
        rows.append(_row(by_id[e], by_id[c], s, traits[e].kind, now, tagger))
        if progress:
            progress(n, len(pairs))
    chosen_ids = {a["id"] for a in chosen}
    rows = [r for r in rows if r["english_id"] in chosen_ids or r["chinese_id"] in chosen_ids]
    with archive.transaction():
        store.write(db, rows, [a["id"] for a in chosen if a["language"] == "en"],
                    [a["id"] for a in chosen if a["language"] == "zh"])
    return {"english": sum(1 for a in chosen if a["language"] == "en"),
            "chinese": sum(1 for a in chosen if a["language"] == "zh"), "pairs": len(rows)}


def pair_new(archive: Archive, article_ids: Iterable[str], *, tagger: Tagger | None = None,
             now: str = "") -> set[str]:
    """Pair articles just archived (English or Chinese: the one a crawl archived, or the batch an import wrote)
    with their counterparts, if confident ones are archived, and settle again the pairs of their candidates (a
    rival arriving can make a pair no longer confident); return the ids among them that were paired.

    Only what those pairs depend on is read and scored, of each article's kind: its candidates (the other language,
    within the window), their rivals (its language, within a candidate's window) and the rivals' own candidates;
    any other pair scores 0 or is not changed by these articles. A pair's choice reads nothing else, so pairing a
    batch at once settles what pairing its articles one after another settles (tests/test_pairing.py), reading
    and scoring the neighbourhood they share once."""
    db = archive.db
    arrived = {}  # id -> (article, day, kind) of each article of a kind pairing knows, with a date
    for a in store.articles_by_id(db, list(dict.fromkeys(article_ids))):
        day, kind = pairing._day(a["published"]), pairing.kind_of(a["title"], a["body"])
        if day and kind != "other":  # undated, or of no kind pairing knows: no pool is read (most provincial news)
            arrived[a["id"]] = (a, day, kind)
    wanted: set[str] = set()  # the articles the settled pairs depend on
    settled: set[str] = set()
    reach = timedelta(days=2 * pairing.WINDOW_DAYS)
    for stretch in _stretches(list(arrived.values()), 2 * reach):  # articles whose pools overlap: one read
        pool = _by_day(_pool(db, *_day_range(stretch[0][1] - reach, stretch[-1][1] + reach)))
        for article, day, kind in stretch:
            language = article["language"]
            if article["id"] not in {a["id"] for a in pool.get((kind, language, day), ())}:
                continue  # of another kind by its opening, or gone
            if not store.has_chinese(db, *_day_range(day - reach, day + reach)):
                continue  # (as its own pool would be: empty)
            other = "zh" if language == "en" else "en"
            candidates = _near(pool, kind, other, [day])
            rivals = _near(pool, kind, language, [_day_of(c) for c in candidates])
            wanted |= {a["id"] for a in [*candidates, *rivals,
                                          *_near(pool, kind, other, [_day_of(r) for r in rivals])]}
            settled |= {article["id"]} | {c["id"] for c in candidates}
    if not settled:
        return set()
    by_id = {a["id"]: a for a in store.articles_by_id(db, list(wanted - arrived.keys()))}
    by_id.update((i, arrived[i][0]) for i in (wanted | settled) & arrived.keys())
    traits = _traits(db, list(by_id.values()), tagger)
    pairs = [p for p in pairing.choose([t for t in traits.values() if t.language == "en"],
                                       [t for t in traits.values() if t.language == "zh"]) if settled & set(p[:2])]
    rows = [_row(by_id[e], by_id[c], s, traits[e].kind, now, tagger) for e, c, s in pairs]
    ids = {a: by_id[a]["language"] for a in settled | {r["english_id"] for r in rows} | {r["chinese_id"] for r in rows}}
    with archive.transaction():
        store.write(db, rows, [a for a, lang in ids.items() if lang == "en"],
                    [a for a, lang in ids.items() if lang == "zh"])
    return arrived.keys() & ({r["english_id"] for r in rows} | {r["chinese_id"] for r in rows})


def _stretches(arrived: list[tuple[dict, date, str]], gap: timedelta) -> list[list[tuple[dict, date, str]]]:
    """The articles by day, in runs whose successive days are at most `gap` apart."""
    runs: list[list] = []
    for item in sorted(arrived, key=lambda item: item[1]):
        if runs and item[1] - runs[-1][-1][1] <= gap:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _by_day(pool: list[dict]) -> dict[tuple[str, str, date], list[dict]]:
    """The pool's articles by kind, language and day of publication (an undated one is in no window)."""
    index: dict[tuple[str, str, date], list[dict]] = {}
    for a in pool:
        if (day := pairing._day(a["published"])) is not None:
            index.setdefault((a["kind"], a["language"], day), []).append(a)
    return index


def _day_of(article: dict) -> date:
    return pairing._day(article["published"])  # type: ignore[return-value]  # (the pool's index holds dated ones)


def _near(pool: dict[tuple[str, str, date], list[dict]], kind: str, language: str, days: list[date]) -> list[dict]:
    """The pool's articles of `kind` in `language` published within the pairing window of any of `days`."""
    window = range(-pairing.WINDOW_DAYS, pairing.WINDOW_DAYS + 1)
    return list({a["id"]: a for d in {d + timedelta(days=k) for d in days for k in window}
                 for a in pool.get((kind, language, d), ())}.values())
