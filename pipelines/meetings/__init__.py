"""Who met whom, as events: meetings, visits or tours, talks, calls and signings read from an article's text.

`extract(article)` is a pure function: an article (a mapping with `title`, `body`, `published`, `site`, `id`,
`language`) in, a list of event dicts out (see `events.Event.as_dict`). Rules over sentences, no model; English
only. The package, by step: `text` (sentences), `dates`, `triggers` (event verbs and clauses), `config` (the rules
of config/meetings.toml and config/mentions/), `places`, `persons`, `events` (an event and the tests to open one),
`extract` (the walk over one text), `context` (what an answer's neighbouring sentences tell), `press` (press
conferences).

1. The body is split into sentences. A sentence with an event verb outside reported speech, future, past-perfect
   and hypothetical phrasing ("will", "is going to", "if ... meets") is a trigger: "met with", "received", "held
   talks / consultations", "co-chaired", "held a phone call / video meeting", "spoke on the phone", "signed an
   agreement" (not an executive order, bill, law or decree), "attended the signing ceremony", "visited",
   "toured", "led a delegation to", "organized envoys to visit", "for a five-day visit to", "During his visit to
   X ...", "held a ... meeting" between two named parties, a delegation's or a province's event abroad. The first
   verb gives the type; at the same place a call wins ("held video talks").
2. A trigger with a date of its own ("On March 21", "From December 15 to 17", "on May 12 and 13", "On the
   morning of the 26th", "on Thursday", "last Friday", "yesterday", "this morning", resolved against the
   publication date; "a five-day visit" gives the end) and a counterpart (a foreign country, place or person,
   envoys, or a second Chinese side) opens an event, if its clause has a Chinese party (a Chinese person, China
   or a Chinese body, a Chinese place) or the event is placed in China: a foreign official's activity at home or
   in a third country is no event. A trigger without a date, or a dated visit inside the current visit's days,
   is folded into the current event: one row per occasion, so a tour over several days and places is one event
   (start and end date; place = where it went, the first destination named, all of them in `places`; several
   cities of one province: the province). With no event open yet, an undated "met with", "held talks",
   "visited" or "signed" opens one, dated by the sentence just before if that sentence has a date, never from a
   vague past ("Last year, ... paid a state visit"); an event left with no day at all is dropped (a reference, not
   a report).
3. Participants come from the clauses that tell who took part: the trigger's clause, and in the sentences an
   event owns, the clauses with a participation verb ("attended", "accompanied", "met", ...); never from a
   relative clause of another subject, nor those "on behalf of", "greetings from", "instructions of" someone, in
   a ", who ..." clause, nor "Xi Jinping Thought". A bare name takes the title it has elsewhere in the article.
   Titles outside the gazetteers: a run of title words with a head noun (Commissioner, Envoy, Adviser, ...) just
   before a Chinese name, or after it between commas, is a Chinese official; one ending "of <country>" before a
   name, or a place abroad before the title ("California Assemblymember Evan Low"), a foreign person of that
   country; "UN Secretary-General NAME" an organisation's head. An event left with no Chinese party and not in
   China is dropped, whatever the steps before did.
   Each participant keeps the sentence that names it (`sentence`). A side the clause describes without naming
   anyone keeps its description and country ("Chinese officials", "New Zealand diplomats" -> NZL; `described`).
   Countries are those of the trigger sentence, of the foreign persons, and of the sentences saying who attended.
4. Place: the province-level division and city (codes of config/mentions/) after "in", "at", "to", "visited" in
   the trigger sentence, outside the persons' titles, or a landmark ("at the Great Hall of the People"); abroad,
   the country (pycountry, or config/meetings.toml [foreign_places]); during a trip abroad, the counterpart's
   country; else the site's default from config/meetings.toml (`place_source` = "site").
5. Press conferences (titles of config/meetings.toml [press_conferences]): only the spokesperson's answers and
   opening statements are read, each answer on its own, against the conference's date; only dated events, no
   folding of other sentences (but the one or two after an event that say who chaired or attended "the meeting"
   add those persons); journalists' questions are left out; `source` = "press_conference" (else "article"); an
   occasion told twice on the page is kept once (within one answer, only with a Chinese person in common). An
   occasion told as held on a day ("The 30th PIF Leaders Session ... was held on September 4 in Nauru") whose
   next sentence says a Chinese party attended "the meeting" is an event with that party; "Yesterday, Premier Li
   Keqiang held talks with her" takes the one foreign country of the sentence before (no name); the sentence
   before gives an undated verb its day only if it tells an occasion, not news of one ("released ... this
   morning"). A verb in a fronted "After/As/Like ..." phrase keeps its parties inside that phrase.
6. Sides told without a person: an occasion named after China and another party ("the China-EU Summit", "a
   China-Arab video conference") or a named multilateral meeting attended ("attended the Formal Meeting of the
   BRICS Ministers", "attended in Manila the China-ASEAN Foreign Ministers' Meeting") is a counterpart, and China a
   party, and the country that hosts it ("the ... Summit hosted by France") is no party, only the sign that its
   parties are abroad; so are countries named as a group ("Pacific island
   countries", "17 CEECs"). "President Xi", "Premier Li": the leader config/meetings.toml [[chinese_leaders]]
   gives for that office on the event's day.
"""
from __future__ import annotations

from datetime import date

from .config import DEFAULT_CONFIG, Rules, load, role_head
from .dates import address_date, printed_date, resolve_date
from .events import Event
from .extract import extract_text
from .person import Person
from .persons import persons_in
from .places import Place, places_in
from .press import extract_press, same_occasion
from .text import sentences
from .triggers import Trigger, find_trigger

TYPES = ("meeting", "visit", "talks", "call", "signing")
SOURCES = ("article", "press_conference")

__all__ = ["DEFAULT_CONFIG", "SOURCES", "TYPES", "Event", "Person", "Place", "Rules", "Trigger", "extract",
           "find_trigger", "load", "persons_in", "places_in", "published_date", "resolve_date",
           "role_head", "same_occasion", "sentences"]


def published_date(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def extract(article, rules: Rules | None = None) -> list[dict]:
    """The events an article describes (see the module docstring), in order of their trigger sentences, by the
    meeting rules of a loaded config (`config.taggers.meetings`; the shipped ones when None)."""
    rules = load() if rules is None else rules
    if (article.get("language") or "en") != "en":
        return []
    title = article.get("title") or ""
    if rules.press_titles and rules.press_titles.search(title):
        return extract_press(article, rules)
    if rules.skip_titles and rules.skip_titles.search(title):
        return []
    # a page that carries no date of its own is dated by its address ("http://ecns.cn/2018/05-18/303044.shtml"), else
    # by the date it prints near its top ("Source:Xinhua Published: 2015-3-17 20:56:56")
    published = (published_date(article.get("published")) or address_date(article.get("url"))
                 or printed_date(article.get("body")))
    return extract_text(article.get("body") or "", published, article.get("site"), article.get("id"), rules)
