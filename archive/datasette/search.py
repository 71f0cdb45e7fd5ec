"""One search for the archive: what a user types becomes a safe query, the same for the search page, the articles
table's `_search` and the feeds.

Pure parsing (`parse`, `fts5_query`) plus the SQL that finds the matching articles (`Search.where`):

- Words are matched as words (porter stemming, case and accents ignored: `articles_fts`). Every word is quoted,
  so punctuation never reaches FTS5's syntax: `China-Africa`, `COVID-19`, `U.S.`, `Xi's`, `Côte d'Ivoire` each
  become a phrase of their parts ("China-Africa" = "china africa", adjacent). `"a phrase"` stays a phrase,
  `word*` a prefix, `OR` (upper case) joins alternatives, `AND` is implied.
- Text with Chinese (Japanese, Korean) characters is looked for as a substring in `articles_cjk`, an FTS5 table
  with the trigram tokenizer that holds the articles containing such characters (schema migration
  `_research_interface`). A term of three characters or more is a trigram MATCH; a shorter one (外交) a LIKE over
  that small table, since trigrams cannot find fewer than three characters.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

# FTS5's trigram tokenizer came with SQLite 3.34; before it articles_cjk is a plain table (schema.py)
TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]")
CJK_GLOB = "*[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]*"   # the same ranges for SQLite GLOB (triggers, backfill)
TOKEN = re.compile(r'"([^"]*)"?(\*?)|(\S+)')


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False
    phrase: bool = False

    @property
    def cjk(self) -> bool:
        return bool(CJK.search(self.text))


def _meaningful(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def parse(text: str) -> list[list[Term]]:
    """The query as AND of OR-groups of terms. Empty or punctuation-only input gives []."""
    groups: list[list[Term]] = []
    join_next = False
    for match in TOKEN.finditer(text or ""):
        phrase, star, word = match.group(1), match.group(2), match.group(3)
        if word is not None:
            if word == "OR":
                join_next = bool(groups)
                continue
            if word == "AND":
                continue
            prefix = word.endswith("*") and len(word.rstrip("*")) > 0
            word = word.rstrip("*")
            term = Term(word.strip("()"), prefix=prefix) if word.strip("()") else None
        else:
            term = Term(" ".join(phrase.split()), prefix=bool(star), phrase=True)
        if term is None or not _meaningful(term.text):
            continue
        if join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return groups


def _quoted(term: Term) -> str:
    return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")


def fts5_query(text: str) -> str:
    """A safe FTS5 MATCH expression for the words index (articles_fts); '' when nothing is searchable."""
    parts = []
    for group in parse(text):
        alternatives = [_quoted(t) for t in group]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    return " ".join(parts)


def is_cjk(text: str) -> bool:
    return bool(CJK.search(text or ""))


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class Search:
    """What the user typed, and the SQL condition on `articles.rowid` that finds its matches."""
    text: str

    @property
    def groups(self) -> list[list[Term]]:
        return parse(self.text)

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def cjk(self) -> bool:
        return is_cjk(self.text)

    @property
    def match(self) -> str:
        """The FTS5 expression for articles_fts (word search); '' in substring (CJK) mode."""
        return "" if self.cjk else fts5_query(self.text)

    def where(self, rowid: str = "rowid", prefix: str = "s") -> tuple[str, dict]:
        """(SQL condition on the article rowid column `rowid`, named parameters). Matches nothing when empty."""
        if self.empty:
            return "0", {}
        if not self.cjk:
            return (f"{rowid} in (select rowid from articles_fts where articles_fts match :{prefix}q)",
                    {f"{prefix}q": self.match})
        params: dict = {}
        ands = []
        for g, group in enumerate(self.groups):
            ors = []
            for t, term in enumerate(group):
                name = f"{prefix}{g}_{t}"
                if len(term.text) >= 3 and TRIGRAM:
                    params[name] = '"' + term.text.replace('"', '""') + '"'
                    ors.append(f"select rowid from articles_cjk where articles_cjk match :{name}")
                else:
                    params[name] = _like(term.text)
                    ors.append(f"select rowid from articles_cjk where title like :{name} escape '\\' "
                               f"or body like :{name} escape '\\'")
            ands.append(f"{rowid} in ({' union '.join(ors)})")
        return "(" + " and ".join(ands) + ")", params

    def describe(self) -> str:
        """How the query was understood, in words."""
        words = []
        for group in self.groups:
            alts = [("“" + t.text + "”" if t.phrase or " " in t.text else t.text) + ("…" if t.prefix else "")
                    for t in group]
            words.append(" or ".join(alts))
        return " and ".join(words)
