"""Align an English article with its Chinese original paragraph by paragraph, and say what the English leaves out.

First the question-and-answer turns (a turn is a question with the answer paragraphs that follow it; the
paragraphs before the first question are turn 0), aligned in order by what survives translation (numbers, the
names pipelines/mentions.py tags in both languages) and length; a Chinese turn with no English turn is an answer
the English omits. Then, inside each pair of turns, the paragraphs, the same way (one to one, one to two, or none).
A paragraph with no counterpart is unmatched. Pure: two bodies in, an `Alignment` out.
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
MERGE_TURNS = 0.6       # a 1-2 or 2-1 match of turns counts this much per unit of a 1-1 match
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


def _role_bonus(zh_roles: list[str], en_roles: list[str]) -> float:
    """The roles of the first paragraph of each side: alike adds, a question against an answer takes away."""
    if any(zh_roles[1:]) or any(en_roles[1:]):   # a merge across a new question or answer: seldom one passage
        return -ROLE_MERGE
    z, e = (zh_roles or [""])[0], (en_roles or [""])[0]
    if z and e:
        return ROLE_MATCH if z == e else -ROLE_CLASH
    return -ROLE_HALF if z or e else 0.0      # a question or answer against a continuation


def _similar(zh: frozenset, en: frozenset, zh_len: int, en_len: int) -> float:
    # shared anchors over all anchors, drawn towards 0.5 when there are few of them (one shared name is weak)
    anchors = (len(zh & en) + 0.5) / (len(zh | en) + 1)
    expected = en_len * ZH_PER_EN
    length = min(zh_len, expected) / max(zh_len, expected, 1)
    return 0.6 * anchors + 0.4 * length


def _dp(zh_units: list, en_units: list, sim, merge: float) -> list[tuple]:
    """Monotone alignment maximising total similarity minus gaps: (zh unit indexes, en unit indexes) per step;
    steps match 1-1, 1-2, 2-1 or leave one unit unmatched."""
    n, m = len(zh_units), len(en_units)
    best = [[float("-inf")] * (m + 1) for _ in range(n + 1)]
    back: list[list] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    moves = ((1, 0), (0, 1), (1, 1), (1, 2), (2, 1))
    band = max(BAND, abs(n - m) + BAND // 2)   # translations keep the order: stay near the diagonal
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == float("-inf"):
                continue
            for di, dj in moves:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                if di and dj and abs(a * m - b * n) > band * max(n, m, 1):
                    continue
                gain = 0.0                      # a unit left unmatched
                if di and dj:                   # a match must be more alike than GAP to be taken
                    similarity = sim(tuple(range(i, a)), tuple(range(j, b)))
                    if similarity < GAP:
                        continue
                    gain = (similarity - GAP) * (1.0 if di == dj else merge * (di + dj) / 2)
                value = best[i][j] + gain
                if value > best[a][b]:
                    best[a][b], back[a][b] = value, (i, j)
    steps = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        steps.append((tuple(range(pi, i)), tuple(range(pj, j))))
        i, j = pi, pj
    return steps[::-1]


def _pairs(zs, es) -> list[tuple]:
    """Rows of one alignment step: every paragraph of one side with every one of the other (1-1, 1-2, 2-1), or
    the paragraphs of one side alone."""
    return [(a, b) for a in zs for b in es] or [(a, None) for a in zs] + [(None, b) for b in es]


def _align_paragraphs(zpar: list[int], epar: list[int], sim) -> list[tuple]:
    """Rows for the paragraphs of two aligned turns (absolute indexes)."""
    if len(zpar) == len(epar):        # as many paragraphs on each side: the translator kept them one for one
        return list(zip(zpar, epar))
    rows = []
    for zs, es in _dp(zpar, epar, lambda a, b: sim([zpar[k] for k in a], [epar[k] for k in b]), MERGE_PARAGRAPHS):
        rows += _pairs([zpar[k] for k in zs], [epar[k] for k in es])
    return rows


def _realign_gaps(rows: list[tuple], sim) -> list[tuple]:
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


def _pairs_dp(zs: list[int], es: list[int], sim) -> list[tuple]:
    rows = []
    for a, b in _dp(zs, es, lambda x, y: sim([zs[k] for k in x], [es[k] for k in y]), MERGE_PARAGRAPHS):
        rows += _pairs([zs[k] for k in a], [es[k] for k in b])
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
            scores = [(_similar(zh_a[z], cap_a[k], len(zh[z]), len(c)) + _role_bonus([role(zh[z], "zh")],
                       [role(c, "en")]), k) for k, c in enumerate(captions) if k not in used]
            best = max(scores, default=(0.0, -1))
            if best[0] >= CAPTION_MATCH:
                used.add(best[1])
                out.append((z, -1 - best[1]))
                continue
        out.append((z, e))
    return out


def align(zh_body: str, en_body: str, tagger: mentions.Tagger | None = None,
          en_captions: list[str] | tuple = ()) -> Alignment:
    """Align the two bodies. `en_captions`: text the English page shows outside its body (the captions Gazette
    stored): a Chinese paragraph left out of the English body but alike to one of them is matched to it (row
    (chinese index, -1 - caption index)), so a paragraph the English extraction set apart is not called omitted."""
    zh, en = paragraphs(zh_body), paragraphs(en_body)
    zh_a = [_anchors(p, tagger) for p in zh]
    en_a = [_anchors(p, tagger) for p in en]
    zt, et = turns(zh, _ZH_QUESTION), turns(en, _EN_QUESTION)

    zh_r = [role(p, "zh") for p in zh]
    en_r = [role(p, "en") for p in en]

    def sim(zs, es) -> float:   # paragraphs (absolute indexes) of the Chinese against paragraphs of the English
        return _similar(frozenset().union(*(zh_a[k] for k in zs)), frozenset().union(*(en_a[k] for k in es)),
                        sum(len(zh[k]) for k in zs), sum(len(en[k]) for k in es)) + \
            _role_bonus([zh_r[k] for k in zs], [en_r[k] for k in es])

    def turn_sim(zi, ei) -> float:
        return sim([p for u in zi for p in zt[u]], [p for u in ei for p in et[u]])

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
