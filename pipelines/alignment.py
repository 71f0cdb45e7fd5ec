"""Align an English article with its Chinese original paragraph by paragraph, and say what the English leaves out.

First the question-and-answer turns (a turn is a question with the answer paragraphs that follow it; the
paragraphs before the first question are turn 0), aligned in order by what survives translation (numbers, the
names pipelines/mentions.py tags in both languages) and length; a Chinese turn with no English turn is an answer
the English omits. Then, inside each pair of turns, the paragraphs, the same way (one to one, one to two, or none).
A paragraph with no counterpart is unmatched. Pure: two bodies in, an `Alignment` out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import mentions
from .pairing import numbers

ZH_PER_EN = 0.33        # Chinese characters per English character in the ministry's translations (about 1:3)
GAP = 0.22              # a match counts by how far its similarity exceeds GAP; below it units stay unmatched
MERGE = 0.6             # a 1-2 or 2-1 match counts this much per unit of a 1-1 match
_ZH_QUESTION = re.compile(r"^\s*(?:问|追问|记者|[^\s:：，。]{1,24}记者)[:：]")
# "Q:", "Journalist:", "Follow-up:", or a news outlet's name before a question ("Reuters: ... ?")
_EN_QUESTION = re.compile(r"^\s*(?:(?:Q|Journalist|Follow-up(?: question)?)\s*[:：]"
                          r"|[A-Z][\w .'&()-]{1,40}?[:：]\s*\S.*\?[\"'”]?\s*$)")


@dataclass
class Alignment:
    rows: list = field(default_factory=list)   # (chinese paragraph index or None, english index or None), in order
    zh_turns: int = 0           # answers (turns with a question) in the Chinese
    omitted_turns: int = 0      # of them, with no English counterpart
    zh_unmatched: list = field(default_factory=list)   # Chinese paragraph indexes with no English
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


def _anchors(text: str, config_dir) -> Counter:
    found = Counter(numbers(text))
    for m in mentions.tag(text, config_dir):
        if m.code != "CHN":
            found[(m.kind, m.code if m.kind != "official" else m.name)] += 1
    return found


def _similar(zh: Counter, en: Counter, zh_len: int, en_len: int) -> float:
    keys = set(zh) | set(en)
    anchors = len(set(zh) & set(en)) / len(keys) if keys else 0.5
    expected = en_len * ZH_PER_EN
    length = min(zh_len, expected) / max(zh_len, expected, 1)
    return 0.6 * anchors + 0.4 * length


def _dp(zh_units: list, en_units: list, sim) -> list[tuple]:
    """Monotone alignment maximising total similarity minus gaps: (zh unit indexes, en unit indexes) per step;
    steps match 1-1, 1-2, 2-1 or leave one unit unmatched."""
    n, m = len(zh_units), len(en_units)
    best = [[float("-inf")] * (m + 1) for _ in range(n + 1)]
    back: list[list] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    moves = ((1, 0), (0, 1), (1, 1), (1, 2), (2, 1))
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == float("-inf"):
                continue
            for di, dj in moves:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                gain = 0.0                      # a unit left unmatched
                if di and dj:                   # a match must be more alike than GAP to be taken
                    similarity = sim(tuple(range(i, a)), tuple(range(j, b)))
                    if similarity < GAP:
                        continue
                    gain = (similarity - GAP) * (1.0 if di == dj else MERGE * (di + dj) / 2)
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


def align(zh_body: str, en_body: str, config_dir: str | Path | None = None) -> Alignment:
    zh, en = paragraphs(zh_body), paragraphs(en_body)
    zh_a = [_anchors(p, config_dir) for p in zh]
    en_a = [_anchors(p, config_dir) for p in en]
    zt, et = turns(zh, _ZH_QUESTION), turns(en, _EN_QUESTION)

    def group(units, anchors, texts, idx):
        c: Counter = Counter()
        size = 0
        for u in idx:
            for p in units[u]:
                c += anchors[p]
                size += len(texts[p])
        return c, size

    def turn_sim(zi, ei):
        (za, zl), (ea, el) = group(zt, zh_a, zh, zi), group(et, en_a, en, ei)
        return _similar(za, ea, zl, el)

    result = Alignment(zh_turns=len(zt) - 1)
    for zi, ei in _dp(zt, et, turn_sim):
        zpar = [p for u in zi for p in zt[u]]
        epar = [p for u in ei for p in et[u]]
        if not ei:
            result.omitted_turns += sum(1 for u in zi if u > 0)
        if not zpar or not epar:
            result.rows += [(p, None) for p in zpar] + [(None, p) for p in epar]
            continue

        if _ZH_QUESTION.match(zh[zpar[0]]) and _EN_QUESTION.match(en[epar[0]]):   # question to question
            result.rows.append((zpar[0], epar[0]))
            zpar, epar = zpar[1:], epar[1:]

        if len(zpar) == len(epar):        # as many paragraphs on each side of a turn: the translator kept them
            result.rows += list(zip(zpar, epar))
            continue

        def para_sim(zs, es, zpar=zpar, epar=epar):
            za = sum((zh_a[zpar[k]] for k in zs), Counter())
            ea = sum((en_a[epar[k]] for k in es), Counter())
            return _similar(za, ea, sum(len(zh[zpar[k]]) for k in zs), sum(len(en[epar[k]]) for k in es))

        for zs, es in _dp(zpar, epar, para_sim):
            # 1-1, 1-2 and 2-1 steps: every paragraph of one side with every one of the other
            result.rows += [(zpar[a], epar[b]) for a in zs for b in es] or \
                [(zpar[k], None) for k in zs] + [(None, epar[k]) for k in es]
    matched_zh = {z for z, e in result.rows if z is not None and e is not None}
    matched_en = {e for z, e in result.rows if z is not None and e is not None}
    result.zh_unmatched = [i for i in range(len(zh)) if i not in matched_zh]
    result.en_unmatched = [i for i in range(len(en)) if i not in matched_en]
    result.omitted_chars = sum(len(zh[i]) for i in result.zh_unmatched)
    return result
