"""Press conferences as a source of events: the spokesperson's answers and opening statements are the ministry's
account; a journalist's question is not. Each answer is read on its own, with its dates resolved against the
conference's date (the one in its title), and its events are marked `source` = "press_conference"; the same
occasion told twice on one page is kept once."""
from __future__ import annotations

import re
from datetime import date

from .config import Rules
from .dates import MONTH_NAMES, resolve_date
from .extract import extract_text

_SPOKESPERSON = re.compile(r"Spokesperson\s+(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})(?:'s|\u2019s)")
_HEAD = re.compile(r"^(?P<head>[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of|the|and|de|for)){0,5})\s*:\s*")
_QUESTION_RAISED = re.compile(r"\bfollowing questions? (?:was|were) raised\b", re.IGNORECASE)
_TITLE_DATE = re.compile(r"\bon\s+(?P<date>" + MONTH_NAMES + r"\s*\d{1,2}(?:,\s*\d{4})?)")


def spokesperson(title: str) -> str | None:
    m = _SPOKESPERSON.search(title or "")
    return m.group("name") if m else None


def conference_date(title: str, published: date | None) -> date | None:
    """The day the conference was held: its title's date ("... Press Conference on May 29, 2020"; a title
    without the year takes the publication's), else the publication date."""
    m = _TITLE_DATE.search(title or "")
    if m:
        text = re.sub(r"([a-z])(\d)", r"\1 \2", m.group("date"))       # "June11, 2018"
        if not re.search(r"\d{4}", text) and published is not None:
            text += f", {published.year}"
        day, _, _ = resolve_date("On " + text, published)
        if day is not None:
            return day
    return published


def turns(body: str, speaker: str | None) -> list[tuple[str, str]]:
    """(turn, paragraph text without its speaker label) for each paragraph: `answer` (the spokesperson's: "A:",
    the spokesperson's name, a paragraph before the first question, or one continuing an answer) or `question`
    ("Q:", an outlet's name such as "CCTV:" or "Reuters:", "Follow-up:", "the following question was raised",
    or a paragraph continuing a question that did not end with "?")."""
    out: list[tuple[str, str]] = []
    turn = "answer"
    names = {"A"}
    if speaker:
        names |= {speaker, speaker.split()[-1], speaker.split()[0]}
    for para in re.split(r"\n\s*\n", body or ""):
        if not para.strip():
            continue
        m = _HEAD.match(para)
        if m and m.group("head") in names:
            turn, para = "answer", para[m.end():]
        elif m:
            turn, para = "question", para[m.end():]
        elif _QUESTION_RAISED.search(para):
            turn = "question"
        elif turn == "question" and out and out[-1][1].rstrip().endswith("?") and not para.rstrip().endswith("?"):
            turn = "answer"     # the question ended with "?": a paragraph with no speaker is the answer ("A:" left out)
        out.append((turn, para))
    return out


def extract_press(article, rules: Rules) -> list[dict]:
    """The events of a press conference's answers, each answer (its paragraphs up to the next question) read as
    one text against the conference's date; an occasion already found on the page is not repeated."""
    from . import published_date
    title = article.get("title") or ""
    held = conference_date(title, published_date(article.get("published")))
    answers: list[list[str]] = []
    previous = None
    for turn, para in turns(article.get("body") or "", spokesperson(title)):
        if turn == "answer":
            if previous != "answer":
                answers.append([])
            answers[-1].append(para)
        previous = turn
    events: list[dict] = []
    for paras in answers:
        before = len(events)
        for e in extract_text("\n\n".join(paras), held, article.get("site"), article.get("id"), rules, press=True,
                              seq=len(events)):
            # in one answer, one occasion told twice names a Chinese person in common: "The Summit was held ...
            # yesterday. Premier Li co-chaired ... President Xi met with ..." are two
            n = next((n for n, kept in enumerate(events) if same_occasion(e, kept) and (
                n < before or names(e, "chinese") & names(kept, "chinese"))), None)
            if n is None:
                e["seq"] = len(events) + 1
                events.append(e)
            elif len(names(e)) > len(names(events[n])):
                e["seq"] = n + 1        # the mention that names the persons tells the occasion best
                events[n] = e
    return events


def names(e: dict, side: str | None = None) -> set[str]:
    sides = [side] if side else ["chinese", "foreign"]
    return {(p.get("name") or "").lower() for s in sides for p in e.get(s) or [] if p.get("name")}


def same_occasion(a: dict, b: dict) -> bool:
    """One occasion told twice: the same type, first day and foreign countries, and a person in common unless
    one of them names nobody ("the phone call between Chinese and US presidents on March 27" is the call
    between President Xi Jinping and President Trump that day). archive/meetings.py links reports across
    articles by the same test."""
    if (a["type"], a.get("date_start"), sorted(a.get("countries") or [])) != (
            b["type"], b.get("date_start"), sorted(b.get("countries") or [])):
        return False
    na, nb = names(a), names(b)
    return not na or not nb or bool(na & nb)
