"""Align an English article with its Chinese original paragraph by paragraph, and say what the English leaves out.

The paragraphs are aligned in order (one to one, one to two, or none) by what survives translation (numbers, the
names pipelines/mentions.py tags in both languages), length and role (a question against a question, an answer
against an answer); paragraphs left unmatched on both sides between the same two matches are then aligned with each
other. A paragraph with no counterpart is unmatched; a Chinese question-and-answer turn (a question with the answer
paragraphs that follow it) none of whose paragraphs is matched is an answer the English omits. Pure: two bodies in,
an `Alignment` out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import mentions, mentions_zh
from .pairing import numbers

ZH_PER_EN = 0.33        # Chinese characters per English character in the ministry's translations (about 1:3)
GAP = 0.22              # a match counts by how far its similarity exceeds GAP; below it units stay unmatched
BAND = 10               # how far (in units) from the diagonal a match may lie
NEAR = 3                # rows around an unmatched Chinese paragraph searched for an unmatched English one
MERGE_PARAGRAPHS = 0.8  # of paragraphs (translators join or split paragraphs, but less often than not)
_ZH_QUESTION = re.compile(r"^\s*(?:问|追问[一二三四五]?|[^\s:：，。（(]{0,24}记者[^\s:：，。]{0,4})[:：]")
# "Q:", "Journalist:", "Follow-up:", or a news outlet's name before a question ("Reuters: ... ?")
_EN_QUESTION = re.compile(r"^\s*(?:(?:Q|Journalist|Follow-up(?: question)?)\s*[:：]"
                          r"|[A-Z][\w .'&()-]{1,40}?[:：]\s*\S.*\?[\"'”]?\s*$)")


@dataclass
class Alignment:
    rows: list = field(default_factory=list)   # (chinese paragraph index or None, english index or None), in order
    zh_turns: int = 0           # answers (turns with a question) in the Chinese
    omitted_turns: int = 0      # of them, with no English counterpart
    zh_unmatched: list = field(default_factory=list)   # Chinese paragraphs the English leaves out
    zh_unaligned: list = field(default_factory=list)   # Chinese paragraphs beside English ones left unmatched too
    en_unmatched: list = field(default_factory=list)
    omitted_chars: int = 0      # Chinese characters in the unmatched Chinese paragraphs

    def summary(self) -> str:
        if self.zh_turns:
            return (f"the English version omits {self.omitted_turns} of {self.zh_turns} answers"
                    if self.omitted_turns else f"the English version has all {self.zh_turns} answers")
        return (f"the English version omits {len(self.zh_unmatched)} paragraphs of the Chinese"
                if self.zh_unmatched else "the English version has every paragraph of the Chinese")


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in (body or "").split("\n\n") if p.strip()]


def turns(paras: list[str], question: re.Pattern) -> list[list[int]]:
    """Paragraph indexes grouped into turns; turn 0 (possibly empty) holds what precedes the first question."""
    out: list[list[int]] = [[]]
    for i, p in enumerate(paras):
        if question.match(p):
            out.append([i])
        else:
            out[-1].append(i)
    return out


_LABEL = re.compile(r"^\s*[^\s:：，。,.]{1,30}[:：]\s*")   # "耿爽：", "Geng Shuang:", "Reuters:" before a turn


def _anchors(text: str, tagger: mentions.Tagger | None) -> frozenset:
    """What of the paragraph survives translation: its numbers and the places and officials it names."""
    text = _LABEL.sub("", text)       # who speaks is on both sides' labels and says nothing about the content
    found = set(numbers(text))
    for m in mentions.tag(text, tagger):
        if m.code != "CHN":
            found.add((m.kind, m.code if m.kind != "official" else m.name))
    found.update(("country", code) for code in mentions_zh.sides(text))
    return frozenset(found)


_ZH_ANSWER = re.compile(r"^\s*(?:答|[\u4e00-\u9fff]{2,4}(?<!记者))[:：]")
_EN_ANSWER = re.compile(r"^\s*(?:A|[A-Z][a-z]+ [A-Z][a-z]+)\s*[:：]")
_EN_ASIDE = re.compile(r"^\s*\(?(?:The )?[Jj]ournalist")
ROLE_MATCH, ROLE_CLASH, ROLE_MERGE, ROLE_HALF = 0.15, 0.3, 0.1, 0.1   # a question against a question (an answer against an answer), or against an answer


def role(text: str, language: str) -> str:
    """'q' a question or a journalist's line, 'a' the start of an answer (答：, A:, "Zhao Lijian:"), '' else."""
    if language == "zh":
        if _ZH_QUESTION.match(text) or text.lstrip().startswith(("（记者", "(记者")):
            return "q"
        return "a" if _ZH_ANSWER.match(text) else ""
    if _EN_QUESTION.match(text) or _EN_ASIDE.match(text):
        return "q"
    return "a" if _EN_ANSWER.match(text) else ""


def _role_bonus(z: str, e: str, merged: bool = False) -> float:
    """By the roles of the first paragraph of each side (`role`): alike adds, a question against an answer takes
    away; `merged`: a later paragraph of either side opens a question or answer (a merge across it is seldom one
    passage)."""
    if merged:
        return -ROLE_MERGE
    if z and e:
        return ROLE_MATCH if z == e else -ROLE_CLASH
    return -ROLE_HALF if z or e else 0.0      # a question or answer against a continuation


def _similar(shared: int, together: int, zh_len: int, en_len: int) -> float:
    """By the anchors both sides hold (`shared`) of all they hold (`together`), and by length."""
    # shared anchors over all anchors, drawn towards 0.5 when there are few of them (one shared name is weak)
    anchors = (shared + 0.5) / (together + 1)
    expected = en_len * ZH_PER_EN
    length = min(zh_len, expected) / max(zh_len, expected, 1)
    return 0.6 * anchors + 0.4 * length


def _dp(zs: list, es: list, sim: "_Similarity", merge: float) -> list[tuple]:
    """Monotone alignment of the units `zs` with the units `es` (paragraph indexes) maximising total similarity
    (`sim`: one to one, two to one, one to two) minus gaps: (zh units, en units) per step;
    steps match 1-1, 1-2, 2-1 or leave one unit unmatched. Each cell takes the best of the steps that reach it,
    the first of equals in the order 2-1, 1-2, 1-1, then a unit left unmatched (Chinese, then English)."""
    n, m = len(zs), len(es)
    inf = float("-inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    band = max(BAND, abs(n - m) + BAND // 2) * max(n, m, 1)   # translations keep the order: stay near the diagonal
    merged = merge * 3 / 2                  # a 1-2 or 2-1 match counts this much per unit of a 1-1 match
    for a in range(n + 1):
        row, above = best[a], best[max(a - 1, 0)]   # (the row above is read only when there is one)
        for b in range(m + 1):
            value, source = inf, None
            if a and b and abs(a * m - b * n) <= band:   # the matches ending here
                if a >= 2:
                    similarity = sim.two_one(zs[a - 2], zs[a - 1], es[b - 1])
                    if similarity >= GAP:
                        value, source = best[a - 2][b - 1] + (similarity - GAP) * merged, (a - 2, b - 1)
                if b >= 2:
                    similarity = sim.one_two(zs[a - 1], es[b - 2], es[b - 1])
                    if similarity >= GAP and (v := above[b - 2] + (similarity - GAP) * merged) > value:
                        value, source = v, (a - 1, b - 2)
                similarity = sim.one(zs[a - 1], es[b - 1])
                if similarity >= GAP and (v := above[b - 1] + (similarity - GAP) * 1.0) > value:
                    value, source = v, (a - 1, b - 1)
            if a and (v := above[b] + 0.0) > value:          # the Chinese unit left unmatched
                value, source = v, (a - 1, b)
            if b and (v := row[b - 1] + 0.0) > value:        # the English unit left unmatched
                value, source = v, (a, b - 1)
            if source is not None:
                row[b], back[a][b] = value, source
    steps = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        steps.append((tuple(zs[pi:i]), tuple(es[pj:j])))
        i, j = pi, pj
    return steps[::-1]


def _pairs(zs, es) -> list[tuple]:
    """Rows of one alignment step: every paragraph of one side with every one of the other (1-1, 1-2, 2-1), or
    the paragraphs of one side alone."""
    return [(a, b) for a in zs for b in es] or [(a, None) for a in zs] + [(None, b) for b in es]


def _realign_gaps(rows: list[tuple], sim: "_Similarity") -> list[tuple]:
    """Paragraphs left unmatched on both sides between the same two matched rows (a turn one version splits
    differently, "Journalist: ..." interjections the other leaves unlabelled) are aligned with each other."""
    out: list[tuple] = []
    run: list[tuple] = []
    for row in rows + [(-1, -1)]:
        if row[0] is None or row[1] is None:
            run.append(row)
            continue
        zs = [z for z, e in run if e is None]
        es = [e for z, e in run if z is None]
        if zs and es:
            out += _pairs_dp(zs, es, sim)
        else:
            out += run
        run = []
        if row != (-1, -1):
            out.append(row)
    return out


def _pairs_dp(zs: list[int], es: list[int], sim: "_Similarity") -> list[tuple]:
    rows = []
    for a, b in _dp(zs, es, sim, MERGE_PARAGRAPHS):
        rows += _pairs(a, b)
    return rows


def _omitted(rows: list[tuple], matched_zh: set) -> tuple[list[int], list[int]]:
    """(left out, unaligned): a Chinese paragraph with no English counts as left out only when no English paragraph
    near it (NEAR rows either side) is unmatched too; otherwise the two versions differ there in a way the aligner
    cannot settle (a passage rewritten, split or reordered), and it is only unaligned."""
    out: set = set()
    unsure: set = set()
    for k, (z, e) in enumerate(rows):
        if e is not None or z in matched_zh:
            continue
        near = rows[max(0, k - NEAR):k + NEAR + 1]
        (unsure if any(zz is None for zz, _ in near) else out).add(z)
    return sorted(out), sorted(unsure)


CAPTION_MATCH = 0.5     # how alike a left-out Chinese paragraph and an English caption must be to pair them


def _captions(rows: list[tuple], zh: list[str], zh_a: list[frozenset], captions: list[str],
              tagger: mentions.Tagger | None) -> list[tuple]:
    """Rows with left-out Chinese paragraphs matched to alike English captions (each caption at most once)."""
    if not captions:
        return rows
    cap_a = [_anchors(c, tagger) for c in captions]
    used: set = set()
    out = []
    for z, e in rows:
        if e is None and z is not None:
            scores = [(_similar(len(zh_a[z] & cap_a[k]), len(zh_a[z] | cap_a[k]), len(zh[z]), len(c))
                       + _role_bonus(role(zh[z], "zh"), role(c, "en")), k)
                      for k, c in enumerate(captions) if k not in used]
            best = max(scores, default=(0.0, -1))
            if best[0] >= CAPTION_MATCH:
                used.add(best[1])
                out.append((z, -1 - best[1]))
                continue
        out.append((z, e))
    return out


class _Similarity:
    """How alike paragraphs (absolute indexes) of the Chinese are to paragraphs of the English: `_similar` of their
    anchors and lengths plus `_role_bonus` of their roles, each paragraph's anchors kept as the bits of one integer
    (the alignment asks this for every cell near the diagonal: sets would be united again each time)."""

    def __init__(self, zh: list[str], en: list[str], zh_a: list[frozenset], en_a: list[frozenset]):
        bits: dict = {}
        for found in (*zh_a, *en_a):
            for anchor in found:
                bits.setdefault(anchor, 1 << len(bits))
        self.zh = [(sum(bits[x] for x in a), len(p), role(p, "zh")) for p, a in zip(zh, zh_a)]
        self.en = [(sum(bits[x] for x in a), len(p), role(p, "en")) for p, a in zip(en, en_a)]

    def one(self, z: int, e: int) -> float:
        """Chinese paragraph `z` against English paragraph `e`: `_similar` + `_role_bonus`, written out (the
        alignment asks it for every cell near the diagonal) to the same value."""
        zm, zl, zr = self.zh[z]
        em, el, er = self.en[e]
        anchors = ((zm & em).bit_count() + 0.5) / ((zm | em).bit_count() + 1)
        expected = el * ZH_PER_EN
        length = min(zl, expected) / max(zl, expected, 1)
        bonus = (ROLE_MATCH if zr == er else -ROLE_CLASH) if zr and er else (-ROLE_HALF if zr or er else 0.0)
        return 0.6 * anchors + 0.4 * length + bonus

    def two_one(self, z: int, z2: int, e: int) -> float:
        """Chinese paragraphs `z` and `z2` together against English paragraph `e` (as `one`)."""
        zm, zl, zr = self.zh[z]
        m, length, r = self.zh[z2]
        em, el, er = self.en[e]
        return self._merged(zm | m, zl + length, zr, em, el, er, bool(r))

    def one_two(self, z: int, e: int, e2: int) -> float:
        """Chinese paragraph `z` against English paragraphs `e` and `e2` together (as `one`)."""
        zm, zl, zr = self.zh[z]
        em, el, er = self.en[e]
        m, length, r = self.en[e2]
        return self._merged(zm, zl, zr, em | m, el + length, er, bool(r))

    @staticmethod
    def _merged(zm: int, zl: int, zr: str, em: int, el: int, er: str, merged: bool) -> float:
        return _similar((zm & em).bit_count(), (zm | em).bit_count(), zl, el) + _role_bonus(zr, er, merged)


def align(zh_body: str, en_body: str, tagger: mentions.Tagger | None = None,
          en_captions: list[str] | tuple = ()) -> Alignment:
    """Align the two bodies. `en_captions`: text the English page shows outside its body (the captions Gazette
    stored): a Chinese paragraph left out of the English body but alike to one of them is matched to it (row
    (chinese index, -1 - caption index)), so a paragraph the English extraction set apart is not called omitted."""
    zh, en = paragraphs(zh_body), paragraphs(en_body)
    zh_a = [_anchors(p, tagger) for p in zh]
    en_a = [_anchors(p, tagger) for p in en]
    zt = turns(zh, _ZH_QUESTION)

    sim = _Similarity(zh, en, zh_a, en_a)
    rows = _pairs_dp(list(range(len(zh))), list(range(len(en))), sim)
    result = Alignment(rows=_captions(_realign_gaps(rows, sim), zh, zh_a, list(en_captions), tagger),
                       zh_turns=len(zt) - 1)
    matched_zh = {z for z, e in result.rows if z is not None and e is not None}
    matched_en = {e for z, e in result.rows if z is not None and e is not None}
    result.zh_unmatched, result.zh_unaligned = _omitted(result.rows, matched_zh)
    result.en_unmatched = [i for i in range(len(en)) if i not in matched_en]   # (captions: negative, not counted)
    result.omitted_chars = sum(len(zh[i]) for i in result.zh_unmatched)
    # an answer is omitted when nothing of its turn (question and answer) has an English counterpart
    result.omitted_turns = sum(1 for t in zt[1:] if not any(p in matched_zh for p in t))
    return result
