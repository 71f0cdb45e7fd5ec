"""Sentences of an article's body for the meetings extractor: typographic quotes and dashes made plain, paragraphs
split at blank lines, sentences at a full stop that no abbreviation ("Co.", "No.", "Dr.", "S.") explains; and
`Text`, one text as the extractor reads it (its sentences with their triggers and persons, the events so far)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .events import Event
    from .person import Person
    from .triggers import Trigger

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                        "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})

_ABBREVIATIONS = {"Co", "Ltd", "No", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Inc", "Corp", "Gov", "Prof", "U.S",
                  "U.K", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "vs", "etc",
                  # titles before a name: "including Hon. Nathan Rees MP", "Lt. Governor Brian Calley", "H.E."
                  "Hon", "Rt", "Lt", "Sen", "Rep", "Amb", "Cllr", "Gen", "Col", "Capt", "Messrs", "H.E"}
# (also with no space, as stored pages run a caption's sentences together: "Jan 17, 2012.China and India held ...",
# "parliamentary cooperation.Zhang, chairman of ...": two lower-case letters or digits before the stop, not "Mr.")
# (the stop itself is matched first, before the gap that ends the sentence, so that re scans for it: a pattern opening
# with a look-behind is tried at every position)
_SENTENCE_END = re.compile(r"""[.!?](?P<gap>["')\]]?\s+(?=["(\[]?[A-Z0-9])|(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z]{2}))""")


# A news dateline opening a paragraph: "Changchun, March 14 (Changchun Daily)-", "BEIJING, Dec. 12 (Xinhua) --": the
# report's place and day, a sentence of its own (not the meeting's day, nor part of its subject)
_DATELINE = re.compile(r"(?:[A-Z][A-Za-z'.]*(?:\s+[A-Z][A-Za-z'.]*){0,2},\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
                       r"[A-Z][a-z]{2,8})(?:,\s+\d{4})?\s+\([A-Z][\w ]{1,40}\)\s*(?:--?|\u2014)\s*(?=[A-Z])")


def is_dateline(sentence: str) -> bool:
    """A news dateline read as a sentence of its own ("BEIJING, Dec. 12 (Xinhua) --")."""
    m = _DATELINE.match(sentence + " A")
    return m is not None and m.end() == len(sentence) + 1


_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")        # "U.S", "J": initials before a full stop end no sentence
_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraph_sentences(para: str) -> list[str]:
    """One paragraph's sentences (a dateline opening it is one)."""
    para = " ".join(para.split())
    out: list[str] = []
    start = 0
    dateline = _DATELINE.match(para)
    if dateline:
        out.append(dateline.group().strip())
        start = dateline.end()
    for m in _SENTENCE_END.finditer(para, start):
        end = m.start("gap")
        before = para[start:end].rstrip(".!?\"')]")
        last = before.rsplit(" ", 1)[-1]
        if last in _ABBREVIATIONS or _INITIALS.fullmatch(last):
            continue
        out.append(para[start:end].strip())
        start = m.end()
    if para[start:].strip():
        out.append(para[start:].strip())
    return out


def paragraphs(body: str) -> list[str]:
    return [p for p in _BLANK_LINE.split(body or "") if p.strip()]


def sentences(body: str) -> list[str]:
    """The body's sentences, paragraph by paragraph (an abbreviation such as "Co." or "No." ends none)."""
    return [s for para in paragraphs(body) for s in paragraph_sentences(para)]


def sentences_with_paragraphs(body: str) -> tuple[list[str], list[int]]:
    """The body's sentences and, for each, the index of its paragraph."""
    sents: list[str] = []
    index: list[int] = []
    for n, para in enumerate(paragraphs(body)):
        for s in paragraph_sentences(para):
            sents.append(s)
            index.append(n)
    return sents, index


@dataclass
class Text:
    """One text being read: its sentences, their paragraphs, triggers and persons, the Chinese officials it
    titles anywhere (so a bare name later takes its title), and the events opened so far."""
    sents: list[str]
    paras: list[int]
    triggers: list[Trigger | None]
    persons: list[list[Person]]
    known: dict[str, Person]
    published: date | None
    site: str | None
    press: bool                                   # a press conference answer: stricter rules, see open_event
    events: list[Event] = field(default_factory=list)
    owner: list[int | None] = field(default_factory=list)   # sentence index -> event index
    name_re: re.Pattern[str] | None = None
    refused: set[int] = field(default_factory=set)      # sentences whose trigger had no Chinese party
