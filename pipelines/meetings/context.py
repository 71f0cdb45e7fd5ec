"""What the neighbouring sentences of a press conference answer tell about an event: the day of an occasion told
just before an undated verb (not news of one), the Chinese party that attended an occasion told as held, the
country of a pronoun counterpart named in the sentence before, and who chaired or attended "the meeting" in the
sentences after (pipelines/meetings/__init__.py, step 5)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .config import Rules
from .person import Person
from .places import is_compound, places_in
from .triggers import Trigger, clause_span

if TYPE_CHECKING:
    from .text import Text


_PRONOUN = re.compile(r"\b(?:him|her|them|the\s+(?:visiting\s+)?(?:delegation|guests|visitors|guest))\b")


def pronoun_counterpart(t: Text, i: int, trig: Trigger, rules: Rules) -> list[str]:
    """In an answer, "Prime Minister Sheikh Hasina of Bangladesh is paying an official visit to China. Yesterday,
    Premier Li Keqiang held talks with her.": the country of the foreign person (else the one foreign country)
    the sentence just before names, for a pronoun after the verb; no name is taken."""
    a, b = clause_span(t.sents[i], trig)
    if i == 0 or t.paras[i - 1] != t.paras[i] or not _PRONOUN.search(t.sents[i], trig.end, b):
        return []
    prev = t.sents[i - 1]
    codes = sorted({p.country for p in t.persons[i - 1] if p.side == "foreign" and p.country})
    if not codes:
        codes = sorted({p.code for p in places_in(prev, rules) if p.kind == "country" and p.code != "CHN"
                        and not is_compound(prev, p)})
    return codes if len(codes) == 1 else []


def attended_next(t: Text, i: int, trig: Trigger, rules: Rules) -> Person | None:
    """In an answer, an occasion told as held on a day whose next sentence says a Chinese party attended or
    chaired it ("... was held on September 4 in Nauru. ..., China attended the meeting as a Forum Dialogue
    Partner."): that party (a Chinese person, else China as written), else None."""
    if not t.press or trig.strong and trig.type != "call" or i + 1 >= len(t.sents) or t.paras[i + 1] != t.paras[i]:
        return None
    nxt = t.sents[i + 1]
    if not (_FOLLOWUP.search(nxt) and _FOLLOWUP_VERB.search(nxt)) or (
            t.triggers[i + 1] is not None and not re.search(r"\bdelegation\s+to\s+(?:the|that|this)\s", nxt)):
        return None     # "... led a delegation to the meeting": the occasion just told, not a visit of its own
    person = next((p for p in t.persons[i + 1] if p.side == "chinese" and p.name), None)
    if person is not None:
        return person
    m = re.search(r"\b(?:China|the\s+Chinese\s+(?:side|government|delegation))\b(?![-\u2013]\w)", nxt)
    if m is None:
        return None
    return Person("chinese", None, m.group(), start=m.start(), end=m.end(), sentence=nxt, described=True)


# The sentence before an undated verb in an answer gives its day only if it tells an occasion ("The 20th China-EU
# Summit was held in Beijing yesterday."), not news of one ("... released relevant information this morning on the
# visit of Chairman Kim Jong Un").
TELLS_OCCASION = re.compile(r"\b(?:[Ss]ummit|[Mm]eeting|[Cc]onference|[Ff]orum|[Ss]ession|[Dd]ialogue|talks|"
                             r"[Cc]onsultations?|[Cc]eremony|[Ee]xpo|[Ff]air)\b")
TELLS_NEWS = re.compile(r"\b(?:released|issued|published|announced|reported|posted|briefed|informed)\b")


# "The meeting was co-chaired by ...", "Premier Li Keqiang co-chaired the meeting along with ...": a sentence
# telling who took part in an occasion its answer just told
_FOLLOWUP = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:meeting|summit|conference|video\s+conference|talks|call|"
                       r"consultations?|session)\b")
# "President Xi Jinping delivered a video address at the opening session of the meeting", "Wang Yi hosted the video
# conference": who spoke at or hosted the occasion took part in it
_FOLLOWUP_VERB = re.compile(r"\b(?:co-chaired|chaired|presided\s+over|attended|took\s+part\s+in|participated\s+in|"
                            r"led\s+(?:a|the|China's|the\s+Chinese)\s+(?:[\w-]+\s+)?delegation\s+to|hosted|"
                            r"delivered\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:address|speech|remarks)\s+(?:at|to)\b)")


def followups(t: Text) -> None:
    """In an answer, the persons of the one or two sentences after an event's, in its paragraph, that name the
    occasion and say who chaired or attended it: they join the occasion told as held ("The 20th China-EU Summit
    was held ... yesterday."), else the event just before. A bare foreign surname takes the full name the answer
    gives ("President Tusk": Donald Tusk)."""
    for i, s in enumerate(t.sents):
        if t.owner[i] is not None or not (_FOLLOWUP.search(s) and _FOLLOWUP_VERB.search(s)):
            continue
        before = [e for e in t.events if e.trigger_sentence_index in (i - 1, i - 2)
                  and t.paras[e.trigger_sentence_index] == t.paras[i]]
        if not before:
            continue
        held = [e for e in before if not getattr(t.triggers[e.trigger_sentence_index], "strong", True)]
        target = held[0] if held else before[-1]
        for p in t.persons[i] + _surnames_known(t, i):
            if not p.name or p.described:
                continue
            if p.side == "foreign" and " " not in p.name:
                p = _full_name(t, p)
            target.add_person(p)
            if p.side == "foreign":
                target.add_country(p.country)


def _surnames_known(t: Text, i: int) -> list[Person]:
    """Foreign persons of the text named in sentence `i` by role and surname only ("President Tusk"), which the
    persons patterns do not see: those whose full name another sentence gives."""
    s, out = t.sents[i], []  # type: str, list[Person]
    for ps in t.persons:
        for q in ps:
            if q.side != "foreign" or not q.name or " " not in q.name or any(q.name == x.name for x in out):
                continue
            last = q.name.split()[-1]
            if re.search(r"\b[A-Z][a-z]+\s+" + re.escape(last) + r"\b", s) and not any(
                    x.name and last in x.name for x in t.persons[i]):
                out.append(q)
    return out


def _full_name(t: Text, p: Person) -> Person:
    """A foreign person named by surname alone, with the full name another sentence of the text gives him."""
    for ps in t.persons:
        for q in ps:
            if q.side == "foreign" and q.name and q.name.endswith(" " + (p.name or "")) and q.country == p.country:
                return q
    return p
