"""The meetings extractor's walk over one text: sentences read for persons, events opened by their trigger
sentences, participants gathered, places and bodies finished. `extract_text` is the pure core both an article and
each of a press conference's answers go through (see pipelines/meetings/__init__.py for the rules)."""
from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from datetime import date, timedelta

from .config import Rules, leader_name
from .dates import MONTH_NAMES, resolve_date
from .events import (
    BACKREF,
    BACKREF_TYPE,
    COUNT,
    ENVOYS,
    GROUP,
    NUMBERS,
    PARTICIPATION,
    TITLE_SURNAME,
    VISITORS,
    Event,
    chinese_party,
    counterpart,
    described_sides,
    from_delegation,
    group_phrase,
    is_tour_continuation,
    summit_parties,
)
from .person import Person
from .persons import (
    _DELEGATION_HEAD,
    _EXCLUDE_AFTER,
    _EXCLUDE_BEFORE,
    body_of,
    level_of,
    persons_in,
    site_level,
    valid_chinese,
)
from .context import TELLS_NEWS, TELLS_OCCASION, attended_next, followups, pronoun_counterpart
from .places import dateline_here, is_compound, is_time_zone, place_dict, place_of, places_in, site_place
from ..chars import replacer
from ..needles import gated
from .text import QUOTES, Text, is_dateline, sentences_with_paragraphs
from .triggers import (
    _DAYS,
    SUBHEAD,
    _VAGUE_TIME,
    Trigger,
    clause_span,
    closed_relatives,
    find_trigger,
    second_trigger,
)




def extract_text(body: str, published: date | None, site: str | None, article_id: str | None, rules: Rules,
                 *, press: bool = False, seq: int = 0) -> list[dict]:
    """The events a text describes, in order of their trigger sentences (`seq` numbers them after `seq`)."""
    t = read(body, published, site, rules, press=press)
    if not any(t.triggers):
        return []
    for i in range(len(t.sents)):
        ev = open_event(t, i, rules)
        if ev is not None:
            t.events.append(ev)
            t.owner.append(len(t.events) - 1)
            if t.press:
                _second_event(t, i, ev, rules)
        elif t.press or i in t.refused or (t.triggers[i] is not None and _OTHER_TIME.search(t.sents[i])):
            # no folding in an answer; a refused trigger's sentence joins no event, nor the verb of another time
            # ("Chinese President Xi Jinping recently paid a state visit to the U.S.")
            t.owner.append(None)
        else:
            t.owner.append(len(t.events) - 1 if t.events else None)
    for idx, ev in enumerate(t.events):
        gather(t, idx, ev, rules)
    backrefs(t)
    if t.press:
        followups(t)
    else:
        for idx, ev in enumerate(t.events):
            _visiting_china(t, idx, ev, rules)
    # the guard that holds on any text: an event has a Chinese party or a place in China, whatever the steps
    # before dropped (a Chinese person taken for another occasion's subject leaves no event behind)
    kept = [ev for ev in (finish(t, ev, rules) for ev in t.events)
            if any(p.side == "chinese" for p in ev.persons) or ev.place.get("country") == "CHN"]
    # an occasion with no day in its text nor in the sentence before is a reference, not a report ("Mr. Ma Zhanwu,
    # Consul General ..., met with Mr. S. K. Verma" on a page that shows no date)
    kept = [ev for ev in kept if ev.date_start is not None]
    # a sentence the text repeats word for word (a page that prints its one paragraph twice) tells one occasion
    told: set[tuple] = set()
    once = []
    for ev in kept:
        key = (ev.sentence, ev.type, ev.date_start)
        if key not in told:
            told.add(key)
            once.append(ev)
    kept = _told_once(once)
    kept = [one for ev in kept for one in _separately(ev)]
    if not t.press:
        kept = _stay_met(kept)
    return [ev.as_dict(article_id, seq + n, rules) for n, ev in enumerate(kept, 1)]


# "The Cape Verde delegation is visiting China at the invitation of China's Ministry of Culture."
_IN_CHINA_NOW = re.compile(r"\b(?:is|are)\s+(?:now\s+|currently\s+)?(?:visiting\s+China\b|in\s+China\s+(?:for|on)\b|"
                           r"on\s+an?\s+(?:[\w-]+\s+){0,3}visit\s+to\s+China\b)")


def _visiting_china(t: Text, idx: int, ev: Event, rules: Rules) -> None:
    """A readout's meeting or talks that names no place, followed by a sentence of its own saying the counterpart is
    visiting China ("The Cape Verde delegation is visiting China ...", "He is on an official visit to China"): the
    occasion is in China. The sentence's subject must be the counterpart: its country, a foreign person's surname,
    or a pronoun."""
    if ev.place.get("country") or ev.type not in ("meeting", "talks"):
        return
    surnames = {p.name.split()[-1] for p in ev.persons if p.side == "foreign" and p.name}
    for i, owner in enumerate(t.owner):
        s = t.sents[i]
        m = _IN_CHINA_NOW.search(s) if owner == idx and s != ev.sentence else None
        if m is None:
            continue
        subject = s[:m.start()]
        if re.fullmatch(r"\s*(?:He|She|They)\s*", subject) or any(re.search(rf"\b{re.escape(n)}\b", subject)
                                                                  for n in surnames) \
                or any(p.kind == "country" and p.code in ev.countries for p in places_in(subject, rules)):
            ev.place = {"country": "CHN", "province": None, "province_code": None, "city": None, "city_code": None,
                        "source": "text"}
            ev.places = [{"kind": "country", "name": "China", "code": "CHN"}]
            return


# "Li Yuanchao and State Councilor Yang Jiechi on Wednesday met separately with visiting ... William Burns"
_SEPARATELY = re.compile(r"\bmet\s+separately\s+with\b")


def _separately(ev: Event) -> list[Event]:
    """A meeting of two or more Chinese officials named before the verb that the sentence says they held separately
    is one meeting for each, with the same counterparts. ("... met with ... on 26 and 27 June, respectively" is left
    as one meeting: splitting it was tried and made heldout16's wrong event two wrong events, its place being told
    only in the next paragraph.)"""
    m = _SEPARATELY.search(ev.sentence[ev.trigger_start:]) if ev.type == "meeting" else None
    chinese = [p for p in ev.persons if p.side == "chinese" and p.name and p.sentence == ev.sentence
               and p.end <= ev.trigger_start]
    if m is None or len(chinese) < 2:
        return [ev]
    out = []
    for who in chinese:
        one = copy.copy(ev)
        one.persons = [p for p in ev.persons if p.side != "chinese" or p is who or p not in chinese]
        out.append(one)
    return out


def _stay_met(events: list[Event]) -> list[Event]:
    """A foreign side's stay of several days in China and a Chinese official's meeting with it on one of those days
    are one occasion, the meeting ("James Levy, U.S. Consul General in Guangzhou, paid a visit to Fujian province
    between December 3 and 5." and "On the afternoon of December 3, FAO Director-General Wang Tianming met with the
    delegation."), as a readout tells it when the meeting names no place of its own: the meeting keeps its day and
    takes the stay's place and persons. A Chinese official's own tour is left alone (its stay names a Chinese person),
    as are a meeting that names its own place and a stay with no meeting on one of its days."""
    drop: set[int] = set()
    for i, stay in enumerate(events):
        if stay.type != "visit" or stay.place.get("country") != "CHN" or stay.date_start is None \
                or stay.date_end is None or stay.date_end <= stay.date_start \
                or any(p.side == "chinese" and p.name for p in stay.persons):
            continue
        met = next((m for m in events[i + 1:] if m.type in ("meeting", "talks") and m.date_start is not None
                    and not m.place.get("country")
                    and stay.date_start <= m.date_start <= stay.date_end and m.countries
                    and set(m.countries) <= set(stay.countries)
                    and any(p.side == "chinese" for p in m.persons)), None)
        if met is None:
            continue
        met.place, met.places = stay.place, stay.places
        for p in stay.persons:
            met.add_person(p)
        drop.add(i)
    return [ev for i, ev in enumerate(events) if i not in drop]


def _told_once(events: list[Event]) -> list[Event]:
    """One occasion told twice in a text (a news photo's caption and the dispatch under it: "Zhao Leji ... meets
    with Brazilian President Luiz Inacio Lula da Silva at the Great Hall of the People in Beijing, capital of China,
    April 14, 2023." and "Zhao Leji met with Brazilian President Luiz Inacio Lula da Silva in Beijing on Friday."):
    the same type, days and countries, a Chinese person named in both and, when both name foreign persons, one of
    them named in both are one event, kept at its first mention, with the other mention's place when it has none and
    the other mention's persons (not the China-EU summit and the President's meeting with its two EU guests that
    day: the Chinese persons differ). A mention that names no foreign person but several countries and one that
    names a leader of some of them are one occasion too (a meeting with several leaders and its captions)."""
    kept: list[Event] = []
    for ev in events:
        twin = next((k for k in kept if k.type == ev.type and k.date_start == ev.date_start
                     and k.date_end == ev.date_end and (sorted(k.countries) == sorted(ev.countries) or (
                         # "met with leaders of South Korea, Indonesia, Cambodia and New Zealand Thursday" and the
                         # caption "meets with South Korean President Park Geun-hye ..., Oct. 10": one of the
                         # leaders told without a name, named by the other mention
                         ev.countries and set(ev.countries) < set(k.countries)
                         and not any(p.side == "foreign" and p.name for p in k.persons)))
                     and _same_persons(k, ev)), None)
        if twin is None:
            kept.append(ev)
            continue
        if not twin.place.get("country") and ev.place.get("country"):
            twin.place, twin.places = ev.place, ev.places
        for p in ev.persons:
            twin.add_person(p)
    return kept


def _same_persons(a: Event, b: Event) -> bool:
    def named(ev: Event, side: str) -> set[str]:
        return {p.name for p in ev.persons if p.side == side and p.name}
    if not named(a, "chinese") & named(b, "chinese"):
        return False
    fa, fb = named(a, "foreign"), named(b, "foreign")
    return not (fa and fb) or bool(fa & fb)


# ... and occasions told as many ("President Xi Jinping and Mr. President had many successful meetings and
# telephone talks"): no occasion of the event's day
_OTHER_TIME = re.compile(_VAGUE_TIME.pattern + r"|\b(?:[Rr]ecently|[Pp]reviously|[Ee]arlier)\b|"
                         # "In December 2018, President Xi Jinping paid a state visit to Argentina": a month of a year
                         r"\b[Ii]n\s+" + MONTH_NAMES + r"\s+(?:19|20)\d\d\b|"
                         # "Last November, President Xi Jinping and President Biden held a meeting in San Francisco"
                         r"\b[Ll]ast\s+" + MONTH_NAMES + r"\b(?!\s+\d)|"
                         # ... "the two meetings between Chinese President Hu Jintao and US President George W. Bush
                         # this year": occasions counted, not this one
                         r"\b(?<=the\s)(?:two|three|four|five)\s+(?:[a-z-]+\s+)?(?:meetings|calls|visits|conversations)\b|"
                         r"\b(?:many|several|multiple|numerous|frequent|repeated)\s+(?:[\w-]+\s+){0,2}"
                         r"(?:meetings|talks|calls|visits|conversations|exchanges)\b")


# A web page's list of links after the article: "China & World News more", "Guangdong News more", "Related News:"
_LINK_LIST = re.compile(r"^(?:(?:[A-Z][\w&',-]*\s+){0,4}(?:News|Stories|Articles)\s+(?:more|More|MORE)|"
                        r"Related\s+(?:[Nn]ews|[Ss]tories|[Aa]rticles|[Rr]eading)\s*:?)$")


_straight = replacer(QUOTES)     # text.translate(QUOTES), faster (pipelines/chars.py)


def read(body: str, published: date | None, site: str | None, rules: Rules, *, press: bool) -> Text:
    sents, paras = sentences_with_paragraphs(_straight(body or ""))
    triggers = [find_trigger(s, nouns=press) for s in sents]
    if not press:
        # the headlines of a list of links after the article tell other occasions, none of the article's
        end = next((i for i, s in enumerate(sents) if _LINK_LIST.match(s.strip()) and any(triggers[:i])), None)
        if end is not None:
            sents, paras, triggers = sents[:end], paras[:end], triggers[:end]
    known: dict[str, Person] = {}
    per_sentence: list[list[Person]] = []
    for s in sents if any(triggers) else ():   # no event verb: no event, and reading names is most of the cost
        ps = persons_of(s, rules)
        per_sentence.append(ps)
        home = from_delegation(s, rules)     # "Governor Yuan Jiajun led a delegation from Zhejiang Province to ..."
        for p in ps:
            if p.side == "chinese" and p.province is None and home:
                p.province = home
            if p.side == "chinese" and p.name and (p.name not in known or not known[p.name].title):
                known[p.name] = p
    for ps in per_sentence:      # a leader named bare ("Wang Yi met with him") takes the title the text gives him
        for p in ps:
            k = known.get(p.name) if p.side == "chinese" and p.title is None and p.name is not None else None
            if k is not None and k.title:
                p.title, p.level, p.province, p.city = k.title, k.level, k.province, k.city
    _known_foreign(sents, per_sentence, rules, surnames=not press)
    t = Text(sents, paras, triggers, per_sentence, known, published, site, press)
    if known:
        t.name_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
                               + r")(?![\w-])")
    return t


def _known_foreign(sents: list[str], per_sentence: list[list[Person]], rules: Rules, *, surnames: bool = False
                   ) -> None:
    """A foreign person the text names in full with a country ("Governor Rick Snyder of Michigan") is that person
    where a later sentence names him without one ("had a brief and friendly conversation with Governor Rick
    Snyder"). With `surnames` (a readout, not a press conference answer), also where a later sentence names him by
    his surname alone as its subject or after "with", as news style does ("Panetta arrived in Beijing Monday
    evening", "held formal talks with Putin"), if no other person the text names has that surname and it is not a
    Chinese one."""
    known = {p.name: p for ps in per_sentence for p in ps
             if p.side == "foreign" and p.name and p.country and len(p.name.split()) >= 2 and not p.described}
    if not known:
        return
    first: dict[str, int] = {}
    for at, ps in enumerate(per_sentence):
        for p in ps:
            if p.name in known:
                first.setdefault(p.name, at)
    last: dict[str, list[str]] = {}
    if surnames:
        every = {p.name for ps in per_sentence for p in ps if p.name}
        for full in every:
            last.setdefault(full.split()[-1], []).append(full)
    by_surname = {w: names[0] for w, names in last.items() if len(names) == 1 and names[0] in known
                  and len(w) >= 3 and w not in rules.surnames}
    name_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
                         + r")(?![\w-])")
    surname_re = re.compile(r"^(" + "|".join(re.escape(w) for w in by_surname) + r")(?='s\s|\s+[a-z])") \
        if by_surname else None
    # ... or the object of "with" ("Chinese President Jiang Zemin held formal talks with Putin")
    with_re = re.compile(r"(?<=\bwith\s)(" + "|".join(re.escape(w) for w in by_surname) + r")(?![\w-]|\s+[A-Z])") \
        if by_surname else None
    for at, (s, ps) in enumerate(zip(sents, per_sentence)):
        added = False
        hits = list(name_re.finditer(s))
        alone = [m for m in ([surname_re.match(s)] if surname_re is not None else []) + (
            list(with_re.finditer(s)) if with_re is not None else []) if m is not None]
        hits += [m for m in alone if first.get(by_surname[m.group(1)], at) < at]
        for m in hits:
            if any(p.start <= m.start() < p.end or m.start() <= p.start < m.end() for p in ps):
                continue
            k = known[m.group()] if m.group() in known else known[by_surname[m.group()]]
            # a surname alone keeps, as the sentence that names the person, the one that gives the full name
            ps.append(Person("foreign", k.name, k.title, country=k.country, start=m.start(), end=m.end(),
                             sentence=s if m.group() in known else k.sentence))
            added = True
        if added:
            ps.sort(key=lambda p: p.start)


def persons_of(sentence: str, rules: Rules) -> list[Person]:
    ps = persons_in(sentence, rules)
    for p in ps:
        p.sentence = sentence
    return ps


# The object of a meeting verb that is the press: "met in Beijing with the press corps ...", "received journalists".
_PRESS = r"(?:press\s+corps|journalists|reporters|correspondents|media(?:\s+(?:outlets|organizations))?)"
_PRESS_OBJECT = re.compile(r"(?:\s+(?:in|at)\s+[A-Z][\w-]*)?(?:\s+with)?\s+(?:the\s+|a\s+|an\s+|some\s+)?(?:visiting\s+)?"
                           r"(?:(?:[\w-]+\s+){0,3}(?:delegation|group)\s+of\s+(?:[\w-]+\s+){0,3}" + _PRESS + r"|"
                           r"(?:[A-Z][\w-]*\s+){0,3}(?:press\s+corps|journalists|reporters|media\s+(?:delegation|"
                           r"representatives|group)))\b")


# A leader's return home after a trip: the day is the return's, the visits told after "after" are over (their days
# are not told), no occasion of that day
_RETURNED_AFTER = re.compile(r"\b(?:returned|came\s+back|flew\s+back)\s+(?:to\s+[A-Z][\w-]*|home)\b[^.;]*\bafter\b")


def open_event(t: Text, i: int, rules: Rules) -> Event | None:
    """The event sentence `i` opens, if any: a trigger with a date of its own (not a day inside the current
    tour) and a counterpart; or, with no event open yet, an undated strong trigger with someone in it, dated by
    the sentence before. A press conference answer opens only dated events. Either needs a Chinese party or a
    place in China."""
    trig, s = t.triggers[i], t.sents[i]
    if trig is None:
        return None
    if _RETURNED_AFTER.search(s[:trig.start]):
        return None     # "returned to Beijing on Saturday morning ... after ... paying an official visit to Germany"
    current = t.events[-1] if t.events else None
    start, end = clause_date(s, trig, t.published)
    inherit = context = None
    before: list[str] = []
    if start is not None and not (current and is_tour_continuation(current, start, end, trig)):
        opens = counterpart(s, trig, t.persons[i], rules)
        foreign = any(p.side == "foreign" for p in t.persons[i])
        if (not opens or (t.press and not foreign)) and current is not None and VISITORS.search(s[trig.start:]):
            # "Governor Mao Weiming met with the delegation in Changsha on September 15": the current visit's
            opens, inherit = True, current
        elif not opens and t.press:
            before = pronoun_counterpart(t, i, trig, rules)
            opens = bool(before)
    elif current is None and not t.press and _undated_may_open(t, i):
        opens = counterpart(s, trig, t.persons[i], rules)
        start, end, context = _date_before(t, i)
    elif t.press and trig.strong and i > 0 and t.paras[i - 1] == t.paras[i] and (
            (prev := t.triggers[i - 1]) is None or not prev.strong) and TELLS_OCCASION.search(t.sents[i - 1]) \
            and not TELLS_NEWS.search(t.sents[i - 1]):
        # "The 20th China-EU Summit was held in Beijing yesterday. President Xi Jinping met with ...": in an
        # answer, the day of the sentence just before (no verb of its own, or an occasion told as "was held")
        start, end, _ = resolve_date(t.sents[i - 1], t.published)
        if start is None or (t.owner[i - 1] is not None and (trig.type == "signing" or re.search(
                r"\bdelegation\s+to\s+(?:the|that|this)\s+(?:meeting|summit|conference|session)\b", s))):
            return None     # "On October 22, China and India held the ... meeting. X and Y signed ...": one occasion
        opens = counterpart(s, trig, t.persons[i], rules)
    else:
        return None
    if not opens or _PRESS_OBJECT.match(s, trig.end):
        return None     # "met in Beijing with the press corps ... of the US": journalists are no counterpart
    place, places = _event_place(t, i, trig, start, context, current, rules)
    if place is None:
        return None       # an event held at home is no visit
    attended = None
    anaphor = None if t.press else subject_anaphor(t, i)
    if not (chinese_party(s, trig, t.persons[i], rules) or place.get("country") == "CHN"
            or _chinese_subject(t, i, current) or anaphor is not None):
        attended = attended_next(t, i, trig, rules)
        if attended is None:
            t.refused.add(i)  # a foreign official's activity at home or in a third country
            return None
    # "for a five-day visit" gives a visit its end; a meeting "during a two-day visit" is held on its one day
    ev = _new_event(t, i, trig, start, _end_of(s, start, end) if trig.type == "visit" else end, place, places,
                    inherit, current, rules)
    if attended is not None and attended.described:
        ev.add_person(attended)
    if anaphor is not None and not any(p.side == "chinese" and p.name for p in t.persons[i]):
        ev.add_person(Person("chinese", anaphor.name, anaphor.title, level=anaphor.level, province=anaphor.province,
                             city=anaphor.city, sentence=anaphor.sentence))
    for code in before:
        ev.add_country(code)
    return ev


def _event_place(t: Text, i: int, trig: Trigger, start, context: int | None, current: Event | None,
                 rules: Rules) -> tuple[dict | None, list]:
    """Where the event sentence `i` opens was held (and the places it names): from the sentence, else the one
    that dated it, else abroad where the current visit is, else a call's Chinese end, else the site's own place.
    None for a visit told by a weak verb that was held at home: no visit."""
    s = t.sents[i]
    place, places = place_of(s, trig, t.persons[i], rules)
    if not place and start is not None and context is not None:
        place, places = place_of(t.sents[context], Trigger(trig.type, True, 0, 0), t.persons[context], rules)
    if trig.type == "visit" and not trig.strong and place.get("country") in (None, "CHN"):
        return None, places
    if not place and current is not None and current.place.get("country") not in (None, "CHN"):
        place = _back_home(t, i, current, rules) or _abroad(s, t.persons[i], current, rules)
    if not place and i > 0 and t.paras[i - 1] == t.paras[i] and is_dateline(t.sents[i - 1]):
        place, places = dateline_here(s, trig, rules, t.sents[i - 1]) or ({}, places)
    elif not place and i > 0 and t.paras[i - 1] == t.paras[i] and re.search(r"\bhere\b", s[trig.start:]):
        # a caption's "... in New Delhi, Jan 17, 2012. China and India held the 15th meeting ... here on Jan 16 and
        # 17": "here" with no dateline is the place the sentence before named
        place, places = place_of(t.sents[i - 1], Trigger(trig.type, True, 0, 0), t.persons[i - 1], rules)
    if not place and trig.type in ("meeting", "talks"):
        place, places = _handshake_place(t, i, start, rules) or (place, places)
    if not place and trig.type == "call":
        place = _chinese_end(s, trig, rules)
    return place or site_place(t.site, rules), places


# A news photo's handshake: "U.S. Deputy Secretary of State Robert Zoellick (L) shakes hand with China's Premier Wen
# Jiabao at the Diaoyutai State Guest House in Beijing January 24, 2006."
_HANDSHAKE = re.compile(r"\b(?:shakes|shook|shake|shaking)\s+hands?\s+with\b")


def _handshake_place(t: Text, i: int, start: date | None, rules: Rules) -> tuple[dict, list] | None:
    """A meeting or talks the sentence places nowhere ("Chinese Premier Wen Jiabao met with U.S. Deputy Secretary of
    State Robert B. Zoellick here Tuesday." with no dateline; "Foreign Minister Wang Yi started talks with ... John
    Kerry this morning") is where the news photo beside it (the sentence just after or before) shows the same two
    persons shaking hands on the same day ("... shakes hand with China's Premier Wen Jiabao at the Diaoyutai State
    Guest House in Beijing January 24, 2006"). None when no such caption names a person of both sides."""
    surnames = {side: {p.name.split()[-1] for p in t.persons[i] if p.side == side and p.name}
                for side in ("chinese", "foreign")}
    for j in (i + 1, i - 1):
        if not 0 <= j < len(t.sents) or not _HANDSHAKE.search(t.sents[j]):
            continue
        c = t.sents[j]
        if not all(any(re.search(rf"\b{re.escape(n)}\b", c) for n in names) and names
                   for names in surnames.values()):
            continue
        day, _, _ = resolve_date(c, t.published)
        if day is None or day != start:
            continue
        place, places = place_of(c, Trigger("meeting", True, 0, 0), t.persons[j], rules)
        if place:
            return place, places
    return None


# A fronted phrase of what came before the event ("After his flight on the evening of Nov 23, the Premier worked
# through the night and held bilateral talks with ... on the morning of Nov 24"): its date is not the event's
_FRONTED = re.compile(r"(?:After|Following|Upon|On\s+(?:his|her|their)\s+way)\s[^,;]{3,120},\s")


def clause_date(s: str, trig: Trigger, published: date | None) -> tuple[date | None, date | None]:
    """The date of the event sentence `s` tells: its first date, unless that lies in a fronted "After ..., "
    phrase before the verb and the rest of the sentence has a date of its own."""
    start, end, span = resolve_date(s, published)
    fronted = _FRONTED.match(s)
    if span is not None and fronted is not None and span[0] < fronted.end() <= trig.start:
        own, own_end, _ = resolve_date(s[fronted.end():], published)
        if own is not None:
            return own, own_end
    return start, end


# The text comes home from a trip abroad: "He arrived in Suzhou for the Fourth Summit ...", "returned to Beijing"
_ARRIVED = re.compile(r"\b(?:arrived|returned|flew\s+back|came\s+back)\s+(?:in|to|at)\s+")


def _back_home(t: Text, i: int, current: Event, rules: Rules) -> dict | None:
    """Where in China a sentence between the current trip abroad and sentence `i` says its subject arrived (the
    last one), if any: an event after it is no longer abroad."""
    home = None
    for j in range(current.trigger_sentence_index + 1, i):
        for m in _ARRIVED.finditer(t.sents[j]):
            first = next((p for p in places_in(t.sents[j][m.end():], rules) if p.start == 0), None)
            if first is not None and first.kind in ("province", "city"):
                home = place_dict(first, rules, "text")
    return home


def _chinese_subject(t: Text, i: int, current: Event | None) -> bool:
    """A Chinese party the persons patterns do not see: a Chinese official the text titles elsewhere, named bare
    in the trigger's clause ("In Hanoi on June 26, Huang Kunming met with ..."), or "he"/"she" after an event
    whose Chinese side is named."""
    trig, s = t.triggers[i], t.sents[i]
    assert trig is not None, "open_event asks only of a sentence with a trigger"
    a, b = clause_span(s, trig)
    if t.name_re is not None and any(a <= m.start() < b for m in t.name_re.finditer(s)):
        return True
    if not t.press and current is not None and re.search(r"(?:^|,\s+)(?:[Hh]e|[Ss]he)\s+$", s[a:trig.start]):
        return any(p.side == "chinese" and p.name for p in current.persons) or bool(
            re.search(r"(?:^|[,;]\s+|\band\s+)[A-Z][a-z]+ [A-Z][a-z]+\s+$", current.sentence[:current.trigger_start]))
    return False


# A readout's sentence whose subject is the Chinese official just named, by pronoun ("Premier Li Keqiang called on
# China and Kazakhstan to ... He made the remarks during a meeting with Kazakh Prime Minister ...") or by his title
# alone ("the Premier worked through the night and held bilateral talks with ...")
_PRONOUN_SUBJECT = re.compile(r"(?:He|She)\s")
_SURNAME_SUBJECT = re.compile(r"([A-Z][a-z]{1,6})(?=,\s|\s+(?:also\s+)?[a-z])")
_TITLE_SUBJECT = re.compile(r"\b[Tt]he\s+(?P<title>Premier|Vice\s+Premier|President|Vice\s+President|State\s+Councilor|"
                            r"Foreign\s+Minister|Governor|Vice\s+Governor|Mayor|Vice\s+Mayor)\b")


def subject_anaphor(t: Text, i: int) -> Person | None:
    """The Chinese official a readout sentence's subject stands for: "He ..." after a sentence whose first person
    is a named Chinese official; "the Premier ..." when the text names one Chinese official with that title."""
    trig, s = t.triggers[i], t.sents[i]
    assert trig is not None  # called by open_event at a sentence with a trigger
    a, _ = clause_span(s, trig)
    subject = s[a:trig.start]
    if SUBHEAD.match(s) and i + 1 < len(t.sents):
        # a subhead: the Chinese official the next sentence opens with
        first = next((p for p in t.persons[i + 1] if p.side == "chinese"), None)
        if first is not None:
            return first if first.name and first.start < 30 else None
        # "Premier Li said that ...": the Chinese official of that title and surname the text names in full
        m = TITLE_SURNAME.match(t.sents[i + 1])
        if m is None:
            return None
        title = " ".join(m.group()[:m.start("surname") - m.start()].split())
        same = {k.name or "": k for k in t.known.values() if k.name and k.name.split()[0] == m.group("surname")
                and k.title and title in k.title}
        return next(iter(same.values())) if len(same) == 1 else None
    if _PRONOUN_SUBJECT.match(s) and a == 0 and i > 0:
        first = t.persons[i - 1][0] if t.persons[i - 1] else None
        if first is not None and first.side == "chinese" and first.name:
            return first
    # "Zhu, who came to The Hague Tuesday ..., also had one-hour talk with ...": a surname alone opening the
    # sentence is the one Chinese official of that surname the text names in full before
    bare = _SURNAME_SUBJECT.match(s)
    if bare is not None and a == 0 and not any(p.start < trig.start for p in t.persons[i] if p.side == "chinese"):
        same = {k.name or "": k for k in t.known.values() if k.name and k.name.split()[0] == bare.group(1)
                and any(k.name in t.sents[j] for j in range(i))}
        if len(same) == 1:
            return next(iter(same.values()))
    m = _TITLE_SUBJECT.search(subject)
    if m is None or any(p.side == "chinese" for p in t.persons[i] if p.start < trig.start):
        return None
    title = " ".join(m.group("title").split())
    same = {k.name or "": k for k in t.known.values() if k.title and k.title.split(" of ")[0].strip() == title}
    return next(iter(same.values())) if len(same) == 1 else None


def _chinese_end(s: str, trig: Trigger, rules: Rules) -> dict:
    """A call is placed where its Chinese side is: a Chinese city or province that is a party of its clause
    ("this morning Wuhan and Los Angeles held a video conference")."""
    a, b = clause_span(s, trig)
    chinese = [p for p in places_in(s[a:b], rules) if p.kind in ("province", "city")
               and not is_time_zone(s[a:b], p)]
    if not chinese:
        return {}
    # several Chinese ends are no one place: "the governors of Heilongjiang Province, Guangdong Province, and
    # Khabarovskiy Kray of Russia held a video meeting", "China's Ministry of Foreign Affairs and Hubei Provincial
    # authorities held a video conference"
    provinces = {p.code if p.kind == "province" else rules.cities.get(p.name, (None, None))[1] for p in chinese}
    if len(provinces) > 1 or _NATIONAL_END.search(s, a, a + chinese[0].start):
        return {}
    return place_dict(chinese[0], rules, "text")


# A national body beside a province on a call's Chinese end ("China's Ministry of Foreign Affairs and Hubei ...")
_NATIONAL_END = re.compile(r"\b(?:China's|Chinese)\s+(?:Ministry|Foreign\s+Ministry|National|State)\b|"
                           r"\bMinistry\s+of\s+Foreign\s+Affairs\b")


def _second_event(t: Text, i: int, first: Event, rules: Rules) -> None:
    """In an answer, "This morning, Wang Yi met with him and Vice Foreign Minister Kong Xuanyou held talks with
    him": the second verb's occasion, the same day, the same counterpart, the persons of its own clause."""
    s, first_trig = t.sents[i], t.triggers[i]
    assert first_trig is not None, "an event opened at sentence i: it has a trigger"
    found = second_trigger(s, first_trig)
    if found is None:
        return
    trig, subject = found
    if not any(p.side == "chinese" and p.start >= subject for p in t.persons[i]):
        return
    ev = Event(trig.type, first.date_start, first.date_end, s, i, place=dict(first.place), places=first.places,
               trigger_start=trig.start, source=first.source)
    ev.inherit, ev.second = first.inherit, trig
    a, b = subject, clause_span(s, trig)[1]
    for p in t.persons[i]:
        if a <= p.start < b:
            ev.add_person(p)
            if p.side == "foreign":
                ev.add_country(p.country)
    for pl in places_in(s[a:b], rules):
        if pl.kind == "country" and pl.code != "CHN" and not is_compound(s[a:b], pl):
            ev.add_country(pl.code)
    t.events.append(ev)


def _undated_may_open(t: Text, i: int) -> bool:
    """An undated event needs a strong verb, no vague past, and someone in it ("Foreign tourists ... visited
    Chongqing": no)."""
    trig, s = t.triggers[i], t.sents[i]
    assert trig is not None, "open_event asks only of a sentence with a trigger"
    return trig.strong and trig.type != "call" and not _VAGUE_TIME.search(s) and bool(
        t.persons[i] or ENVOYS.search(s) or re.search(r"\bdelegation\b", s))


# A sentence telling a departure or the end of a trip: its day is not the day of what the trip held
_DEPARTURE = re.compile(r"\b(?:left|leaves|departed|ending|concluding|concluded|wound\s+up|winding\s+up)\b")


def _date_before(t: Text, i: int) -> tuple[date | None, date | None, int | None]:
    """"The expo opened in Changsha on June 29. Vice President Han Zheng ... met with ...": the day (and place)
    of the sentence just before, or the one before it."""
    for j in (i - 1, i - 2):
        if j >= 0 and t.triggers[j] is None:
            if _DEPARTURE.search(t.sents[j]):
                break   # "left Vladivostok Tuesday for Beijing, ending his nine-day official visit": not its day
            start, end, _ = resolve_date(t.sents[j], t.published)
            if start is not None:
                return start, end, j
    return None, None, None


def _end_of(s: str, start: date | None, end: date | None) -> date | None:
    """"for a five-day visit": the end the number of days gives."""
    days = _DAYS.search(s)
    if days and start is not None and (end is None or end == start):
        n = days.group("n")
        return start + timedelta(days=max(0, (int(n) if n.isdigit() else NUMBERS[n]) - 1))
    return end


def _abroad(s: str, persons: list[Person], current: Event, rules: Rules) -> dict:
    """During a trip abroad, "In Hanoi on June 26, ... met with Vietnamese Prime Minister ...": the country of
    the counterpart, else the trip's place."""
    abroad = {x.code for x in places_in(s, rules) if x.kind == "country" and x.code != "CHN"}
    abroad |= {x.country for x in persons if x.side == "foreign" and x.country}
    if len(abroad) == 1:
        return {"country": abroad.pop(), "province": None, "province_code": None, "city": None, "city_code": None,
                "source": "text"}
    return dict(current.place)


def _new_event(t: Text, i: int, trig: Trigger, start, end, place: dict, places: list, inherit: Event | None,
               current: Event | None, rules: Rules) -> Event:
    s = t.sents[i]
    subject = re.search(r"(?:^|[,;]\s+|\band\s+)(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\s+$", s[:trig.start])
    if subject and valid_chinese(subject.group("name")) and subject.group("name").split()[0] in rules.surnames \
            and not any(p.name == subject.group("name") for p in t.persons[i]) and subject.group("name") not in t.known:
        # "Mao Weiming held talks with ...": a Chinese name the article gives no title
        a = subject.start("name")
        t.persons[i].append(Person("chinese", subject.group("name"), None, start=a, end=a + len(subject.group("name")),
                                   sentence=s))
    t.persons[i].extend(described_sides(s, trig, t.persons[i], rules))
    a, b = clause_span(s, trig)
    if not any(p.side == "chinese" and a <= p.start < b for p in t.persons[i]):
        party = chinese_party(s, trig, t.persons[i], rules)
        if party:         # "China, Japan and the ROK held ...", "President Xi": the Chinese side as written
            at = max(s.find(party, a), a)
            t.persons[i].append(_leader(party, start, rules) or Person(
                "chinese", None, party, start=at, end=at + len(party), sentence=s, described=True))
            t.persons[i][-1].start, t.persons[i][-1].end, t.persons[i][-1].sentence = at, at + len(party), s
    ev = Event(trig.type, start, end, s, i, place=place, places=places, trigger_start=trig.start,
               source="press_conference" if t.press else "article")
    ev.inherit = inherit
    if current is not None and not t.press and re.match(r"(?:(?:In|At|On)\s[^,]{1,60},\s+)?(?:[Hh]e|[Ss]he)\s", s):
        ev.pronoun_of = current      # "he held talks": the previous event's first named Chinese person
    if trig.type == "visit":
        ev.visitors_foreign = bool([p for p in places_in(s[:trig.start], rules)
                                    if p.kind == "country" and p.code != "CHN"]) or \
            any(p.side == "foreign" and p.start < trig.start for p in t.persons[i])
    return ev


def _leader(party: str, day: date | None, rules: Rules) -> Person | None:
    """"President Xi": the leader config/meetings.toml [[chinese_leaders]] gives for that title on the day."""
    m = TITLE_SURNAME.fullmatch(party)
    if m is None:
        return None
    title = party[:m.start("surname")].strip()
    name = leader_name(title, m.group("surname"), day, rules)
    return Person("chinese", name, title, level="national") if name else None


# Beside the participation verbs, a person who chairs, hosts, speaks at or addresses an occasion told in a later
# sentence of the article took part in it.
_TOOK_PART = re.compile(PARTICIPATION.pattern + r"|\b(?:presided|chaired|co-chaired|hosted|delivered|addressed|"
                        r"introduced|spoke|said|says|noted|stressed|expressed|thanked|welcomed|briefed)\b|"
                        # "while meeting with Egyptian President Abdel Fattah al-Sisi", "held a grand welcome ceremony
                        # for Premier Li": the one met, the host
                        r"\b(?:while|when|during)\s+(?:a\s+)?meeting\s+with\b|"
                        r"\b(?:held|hosted)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}welcom(?:e|ing)\s+ceremony\b")


def verb_clauses(s: str, trig: Trigger | None) -> list[tuple[int, int]]:
    """The clauses of a sentence that tell who took part: the trigger's, and each one with a participation verb
    ("attended", "accompanied", "met", "presided over", "said", ...)."""
    spans = [clause_span(s, trig)] if trig is not None else []
    for m in _TOOK_PART.finditer(s):
        spans.append(clause_span(s, Trigger("", True, m.start(), m.end())))
    return spans


def _elsewhere(s: str, p: Person, persons: Sequence[Person] = ()) -> bool:
    """A person of another occasion the sentence also tells ("... met with him and Vice Foreign Minister Kong
    Xuanyou held talks with him"), or the one accompanied ("Zarif, accompanying Speaker Larijani, met ...")."""
    # "Vice Foreign Minister and Special Representative ... Kong Xuanyou met": "and" inside a title is no new subject
    title_and = re.search(r"\b(?:Minister|Councilor|Premier|President|Governor|Mayor|Secretary|Chairman|Director|"
                          r"Ambassador|Member)\s+and\s+$", s[:p.start])
    # "President Xi Jinping and Premier Li Keqiang met and held talks with him": one subject of two persons
    joint = any(q is not p and q.side == p.side and re.fullmatch(r"\s+and\s+", s[q.end:p.start]) and not re.search(
        r"\b(?:met|meets|held|had|visited|signed|spoke|received)\b", s[:q.start]) for q in persons)
    # another occasion's subject follows a first verb: "member of the Political Bureau of the CPC Central Committee
    # and Director of the Office ... Yang Jiechi met with ...": one title with "and", no verb before it
    first_verb = re.search(r"\b(?:met|meets|held|had|visited|signed|spoke|received)\b", s[:p.start])
    return bool(not title_and and not joint and first_verb and re.search(r"\band\s+$", s[:p.start]) and re.match(
        r"\s+(?:also\s+|separately\s+)?(?:held|met|had|visited|signed|spoke|received)\b", s[p.end:])) or bool(
        re.search(r"\baccompanying\s+$", s[:p.start]))


_TO_COME = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|expected|due|set)\s+to)\s+(?:also\s+)?"
                      r"(?:attend|meet|hold|visit|travel|co-chair|chair|have|pay)\b")
_TO_COME = gated(_TO_COME)     # (only where one of its words is: needles.py)


# ... nor, once the event names its Chinese side, a Chinese leader a later sentence's speaker speaks of ("Wu ... said
# Obama, during his visit, had in-depth discussions with Chinese President Hu Jintao", "He said President Hu Jintao's
# visit to the United States in January opened a new era"); "told X" names the one spoken to and is not one of these;
# the same for a foreign leader once the event names its foreign side ("Liu said that under the guidance of Xi and
# U.S. President Donald Trump, China-U.S. relations have achieved important and positive progress")
_SAID = re.compile(r"\b(?:said|says|noted|stressed|added|recalled|hoped|pointed\s+out)\b")


def _named_in(ev: Event, p: Person) -> bool:
    """`p` is a person the event already names, by the same name or its surname ("Sisi" and later "Egyptian President
    Abdel Fattah al-Sisi"): a later mention still gives the full name."""
    def ends(a: str, b: str) -> bool:
        return a == b or a.endswith((" " + b, "-" + b))
    name = p.name or ""
    return bool(name) and any(q.side == p.side and q.name and (ends(q.name, name.split()[-1])
                                                               or ends(name, q.name.split()[-1]))
                              for q in ev.persons)


def gather(t: Text, idx: int, ev: Event, rules: Rules) -> None:
    """An event's participants and countries: those of its trigger sentence's clauses that tell who took part,
    then of the later sentences it owns (a tour's meetings and visits), from the clauses with a participation
    verb; a known Chinese name takes its title. A press conference answer's event keeps its sentence's only."""
    _inherited(ev)
    if ev.second is not None:
        return              # its persons are those of its own clause (_second_event)
    for i in (i for i, o in enumerate(t.owner) if o == idx):
        s = t.sents[i]
        is_trigger = i == ev.trigger_sentence_index
        clauses = verb_clauses(s, t.triggers[i])
        # a later sentence's reference to another time ("... and said that last month, President Xi Jinping and
        # President Barack Obama held a successful conversation"): the persons after it are not this occasion's
        # nor one told as to come ("During his visit, Li will attend the ... Regular Meeting with his counterpart,
        # Dmitry Medvedev"): the persons after "will" are not this occasion's
        other = None if is_trigger else (_OTHER_TIME.search(s) or _TO_COME.search(s))
        said = None if is_trigger else _SAID.search(s)
        named_sides = {p.side for p in ev.persons if p.name}
        inside = [p for p in t.persons[i] if p.described or (any(a <= p.start < b for a, b in clauses)
                                                             and not _elsewhere(s, p, t.persons[i])
                                                             and not _ON_BEHALF_LONG.search(s[:p.start])
                                                             and (other is None or p.start < other.start())
                                                             and (said is None or p.side not in named_sides
                                                                  or p.start < said.start()
                                                                  or (p.side == "foreign" and _named_in(ev, p))))]
        trig = t.triggers[i]
        if is_trigger and trig is not None:
            # "... with Eichel, who arrived in Beijing Sunday ... for a three-day official visit to China": the one
            # named just before ", who" is the subject of the relative clause the verb is in
            a = clause_span(s, trig)[0]
            if re.search(r",\s+who\s*$", s[:a]):
                inside += [p for p in t.persons[i] if p.name and p not in inside
                           and re.fullmatch(r",\s+who\s*", s[p.end:a])]
        for p in inside if is_trigger else [p for p in inside if p.name or p.side == "foreign"]:
            ev.add_person(p)
            if p.side == "foreign":
                ev.add_country(p.country)
        if not is_trigger and MEMBERS.match(s):
            for p in t.persons[i]:      # "These thirteen newly-appointed Ambassadors are ...": the group's members
                if p.side == "foreign" and p.name:
                    ev.add_person(p)
                    ev.add_country(p.country)
        if not is_trigger and DELEGATION_MEMBERS.match(s) and any(p.side == "chinese" and p.name for p in ev.persons):
            for p in t.persons[i]:      # "The delegation members include Governor of the People's Bank of China Yi
                if p.name:              # Gang, ...": those who came with the leader named before
                    ev.add_person(p)
                    if p.side == "foreign":
                        ev.add_country(p.country)
        if not is_trigger and ATTENDING.match(s):
            for p in t.persons[i]:      # "Those also attending the meeting include: A, title; B, title; ...": all
                if p.name:
                    ev.add_person(p)
                    if p.side == "foreign":
                        ev.add_country(p.country)
        _known_names(t, i, ev, clauses)
        if is_trigger or PARTICIPATION.search(s):
            _countries_and_group(t, i, ev, is_trigger, rules)
        if _DELEGATION_HEAD.search(s) and ev.visitors_foreign and len(ev.countries) == 1:
            ev.add_person(Person("foreign", None, "head of the delegation", country=ev.countries[0], sentence=s))


# A readout's sentence listing the members of the group its event met ("These thirteen newly-appointed Ambassadors
# are Barbadian Ambassador to China ...", "The envoys are as follows: ...")
MEMBERS = re.compile(r"(?:These|The)\s+(?:[\w-]+\s+){0,3}(?:[Aa]mbassadors|[Ee]nvoys|[Dd]iplomats|[Cc]onsuls[\s-]+[Gg]eneral|"
                     r"[Gg]uests|[Dd]elegates)\s+(?:are|were|included?)\b")


# A readout's list of a delegation's members ("The delegation members include Governor of the People's Bank of China
# Yi Gang, Vice Chairman of the National Development and Reform Commission Ning Jizhe, ...")
DELEGATION_MEMBERS = re.compile(r"(?:The|His|Her|Its)\s+delegation(?:'s)?\s+members\s+(?:include[sd]?|are|were)\b|"
                                r"Members\s+of\s+(?:the|his|her)\s+delegation\s+(?:include[sd]?|are|were)\b")


# A readout's list of those present ("Those also attending the meeting include: Zhou Wenzhong, the Secretary General
# of BFA; Wu Zuodong, the Honorary Senior Minister of Singapore; ...")
ATTENDING = re.compile(r"Those\s+(?:also\s+)?(?:attending|present\s+at)\s+(?:the\s+)?(?:meeting|talks|banquet|event|"
                       r"ceremony)\s+(?:include|included|were)\b")


def _inherited(ev: Event) -> None:
    """"he held talks": the previous event's first named Chinese person; "met with the delegation": the tour's
    foreign persons (each keeps the sentence that names it) and countries."""
    if ev.pronoun_of is not None:
        lead = next((x for x in ev.pronoun_of.persons if x.side == "chinese" and x.name), None)
        if lead is not None:
            ev.add_person(Person("chinese", lead.name, lead.title, level=lead.level, province=lead.province,
                                 city=lead.city, sentence=lead.sentence))
    if ev.inherit is not None:
        if ev.source != "press_conference":
            for p in ev.inherit.persons:
                if p.side == "foreign":
                    ev.add_person(p)
        for c in ev.inherit.countries:
            ev.add_country(c)
        ev.group_number = ev.inherit.group_number
        ev.group_description = ev.inherit.group_description


# "At the invitation of Chairman Li Zhanshu of ...": named, not there
_ON_BEHALF = re.compile(r"\b(?:invitation|behalf|instructions?|greetings|letter|message)\s+(?:of|from)\s+"
                        r"(?:[A-Z][\w'-]*\s+){0,8}$")
# "at the invitation of General Secretary of the Central Committee of the CPC and President Xi Jinping"
_ON_BEHALF_LONG = re.compile(r"\b(?:invitation|behalf|instructions?|greetings|letter|message)\s+(?:of|from)\s+"
                             r"(?:[A-Z][\w'-]*\s+|of\s+|the\s+|and\s+){0,16}$")


def _known_names(t: Text, i: int, ev: Event, clauses: list[tuple[int, int]]) -> None:
    """A Chinese official named bare ("Yuan Jiajun visited ...") in a clause that tells who took part, with the
    title the text gives him elsewhere."""
    if t.name_re is None:
        return
    s = t.sents[i]
    for m in t.name_re.finditer(s):
        if any(p.start <= m.start() < p.end for p in t.persons[i]):
            continue
        if _EXCLUDE_BEFORE.search(s[:m.start()]) or _EXCLUDE_AFTER.search(s[m.end():]) or _ON_BEHALF.search(
                s[:m.start()]):
            continue
        if not any(a <= m.start() < b for a, b in clauses):
            continue
        k = t.known[m.group()]
        ev.add_person(Person("chinese", k.name, k.title, level=k.level, province=k.province, city=k.city,
                             sentence=s))


def _countries_and_group(t: Text, i: int, ev: Event, is_trigger: bool, rules: Rules) -> None:
    """The foreign countries a participation sentence names (not places abroad where it happened, nor those of
    a Chinese person's title), the group the trigger sentence names and its number of countries."""
    s, trig = t.sents[i], t.triggers[i]
    a, b = clause_span(s, trig) if is_trigger and trig is not None else (0, len(s))
    relatives = closed_relatives(s, trig) if is_trigger and trig is not None else []
    for p in places_in(s, rules):
        if not a <= p.start < b or any(x <= p.start < y for x, y in relatives):
            continue     # "... on January 4, the two sides agreed to implement the consensus reached ... in Argentina"
        if p.abroad and (not is_trigger or (ev.type != "visit" and ev.place.get("country") == p.code)):
            continue     # "met ... in Geneva": where, not who
        if p.abroad and any(q.start <= p.start < q.end and q.name and q.name.endswith(p.name) for q in t.persons[i]):
            continue     # "Chilean President Ricardo Lagos": a surname, not the city of Nigeria
        if ev.type != "visit" and ev.place.get("country") == p.code and re.search(
                r"\bin\s+(?:[A-Z][\w'-]*\s+){0,2}(?:[A-Z][\w'-]*,\s+)?$", s[:p.start]):
            continue     # "attended the Summit in Bangkok, Thailand": where, not who
        if p.kind == "country" and not is_compound(s, p) and not any(
                q.start <= p.start < q.end and q.side == "chinese" for q in t.persons[i]) and (
                is_trigger or GROUP.search(s)):
            ev.add_country(p.code)
    if is_trigger and trig is not None:
        for code in summit_parties(s, trig, rules):
            ev.add_country(code)
    if is_trigger and ev.group_description is None:
        ev.group_description = group_phrase(s, ev.trigger_start, rules)
    c = COUNT.search(s)
    if c and ev.group_number is None:
        n = c.group("n").lower()
        ev.group_number = int(n) if n.isdigit() else NUMBERS.get(n)


def backrefs(t: Text) -> None:
    """"... attended the meeting or accompanied the visit": persons of a later sentence join the earlier event
    of the type it names."""
    for i, s in enumerate(t.sents):
        o = t.owner[i]
        if o is None or i == t.events[o].trigger_sentence_index:
            continue
        for m in BACKREF.finditer(s):
            kind = BACKREF_TYPE.get(m.group(1))
            if not kind or t.events[o].type == kind:
                continue
            target = next((e for e in reversed(t.events[:o]) if e.type == kind), None)
            if target is None or not PARTICIPATION.search(s):
                continue
            for p in t.persons[i]:
                if p.name:
                    target.add_person(p)


def finish(t: Text, ev: Event, rules: Rules) -> Event:
    """The level and body of each Chinese person (from the title, else the site's level; the body from the
    title's place, the delegation's home or the event's province)."""
    prov = ev.place.get("province_code")
    # a side described ("China", "New Zealand diplomats") gives way to persons of that side who joined later
    named_cn = any(p.side == "chinese" and not p.described for p in ev.persons)
    named_countries = {p.country for p in ev.persons if p.side == "foreign" and not p.described}
    ev.persons = [p for p in ev.persons if not p.described or (
        p.side == "chinese" and not named_cn) or (p.side == "foreign" and p.country not in named_countries)]
    for p in ev.persons:
        if p.side == "chinese" and not p.described:
            if p.level is None:
                p.level = (level_of(p.title, rules) if p.title else None) or site_level(t.site, rules)
            p.body = body_of(p.title or "", p.level, p.province or from_delegation(ev.sentence, rules) or prov,
                             p.city, rules)
    return ev
