"""One search for the archive: what a user types becomes a safe query, the same for the search page, the articles
table's `_search`, the feeds and the charts.

Pure parsing (`parse`, `fts5_query`) plus the SQL that finds the matching articles (`Search.where`). The
operators, each with one meaning, in English and Chinese alike (documented on the search page):

- `word word`: every word (AND is implied; the word `AND` is ignored);
- `"a phrase"`: the words together in this order (typographic quotes, “a phrase” or 「a phrase」 as pasted from a
  document, are the same);
- `word*`: every word starting so (`invest*`: investment, investors);
- `a OR b` (upper case): either; OR joins the terms on its two sides and binds tighter than AND
  (`Hunan Guizhou OR Yunnan` = Hunan and (Guizhou or Yunnan));
- `-word`, `-"a phrase"`, `NOT word` (upper case): articles without it (`NOT a OR b`: without either).
  A query of exclusions only finds every article without them.

English words are matched as words (porter stemming, case and accents ignored: `articles_fts`). Every word is
quoted, so punctuation never reaches FTS5's syntax: `China-Africa`, `COVID-19`, `U.S.`, `Xi's`, `Côte d'Ivoire`
each become a phrase of their parts. A term with Chinese (Japanese, Korean) characters is looked for as a
substring in `articles_cjk`, an FTS5 table with the trigram tokenizer holding the articles that contain such
characters: three characters or more by a trigram MATCH, fewer by LIKE over that small table. Each term uses its
own index, so `Hunan OR 卢森堡` finds the English and the Chinese articles.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

# FTS5's trigram tokenizer came with SQLite 3.34; before it articles_cjk is a plain table (schema.py)
TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]")
CJK_GLOB = "*[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]*"   # the same ranges for SQLite GLOB (triggers, backfill)
TOKEN = re.compile(r'(-?)"([^"]*)"?(\*?)|(\S+)')
# quotation marks a query pasted from a document, a PDF or a Chinese text brings: each is the phrase's "
QUOTES = str.maketrans({q: '"' for q in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f\uff02"})


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False
    phrase: bool = False

    @property
    def cjk(self) -> bool:
        return bool(CJK.search(self.text))


@dataclass(frozen=True)
class Clause:
    """Alternatives (OR) of terms; `negated`: the articles must hold none of them."""
    terms: tuple[Term, ...]
    negated: bool = False


def _meaningful(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _term(match) -> tuple[Term | None, bool]:
    """(the term of one token, whether it is negated by a leading minus)."""
    minus, phrase, star, word = match.group(1), match.group(2), match.group(3), match.group(4)
    if word is None:
        return Term(" ".join(phrase.split()), prefix=bool(star), phrase=True), bool(minus)
    negated = word.startswith("-") and len(word) > 1
    word = word[1:] if negated else word
    prefix = word.endswith("*") and len(word.rstrip("*")) > 0
    word = word.rstrip("*").strip("()")
    return (Term(word, prefix=prefix) if word else None), negated


def clauses(text: str) -> list[Clause]:
    """The query as AND of clauses, each an OR of terms, some negated. Empty or punctuation-only input gives []."""
    out: list[Clause] = []
    join_next = negate_next = False
    for match in TOKEN.finditer((text or "").translate(QUOTES)):
        if match.group(4) in ("OR", "AND", "NOT"):
            word = match.group(4)
            join_next = word == "OR" and bool(out)
            negate_next = word == "NOT" or (negate_next and word == "AND")
            continue
        term, negated = _term(match)
        if term is None or not _meaningful(term.text):
            continue
        if join_next and out:
            out[-1] = Clause(out[-1].terms + (term,), out[-1].negated)
        else:
            out.append(Clause((term,), negated or negate_next))
        join_next = negate_next = False
    return out


def parse(text: str) -> list[list[Term]]:
    """The terms of the query that articles must hold, as AND of OR-groups (exclusions left out)."""
    return [list(c.terms) for c in clauses(text) if not c.negated]


def _quoted(term: Term) -> str:
    return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")


def _fts_group(terms) -> str:
    alternatives = [_quoted(t) for t in terms]
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def fts5_query(text: str) -> str:
    """A safe FTS5 MATCH expression for the words index (articles_fts); '' when the query cannot be one (nothing
    searchable, a Chinese term, or exclusions alone)."""
    parsed = clauses(text)
    if any(t.cjk for c in parsed for t in c.terms) or not any(not c.negated for c in parsed):
        return ""
    positive = " AND ".join(_fts_group(c.terms) for c in parsed if not c.negated)
    negative = [_fts_group(c.terms) for c in parsed if c.negated]
    return f"({positive}) NOT " + ("(" + " OR ".join(negative) + ")") if negative else positive


def is_cjk(text: str) -> bool:
    return bool(CJK.search(text or ""))


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def scanned(term: Term) -> bool:
    """A Chinese term no index finds (shorter than a trigram): each use reads every Chinese article."""
    return term.cjk and not (len(term.text) >= 3 and TRIGRAM)


def scan_sql(term: Term) -> tuple[str, list]:
    """The rowids of the Chinese articles holding a term too short for the trigram index (LIKE)."""
    like = _like(term.text)
    return "select rowid from articles_cjk where title like ? escape '\\' or body like ? escape '\\'", [like, like]


def _term_rows(term: Term, name: str, params: dict, known: dict | None = None) -> str:
    """SQL selecting the rowids of the articles holding one term, from the index its script needs (or from
    `known`: {term text: JSON list of rowids} already found, for terms no index finds)."""
    if known and scanned(term) and term.text in known:
        params[name] = known[term.text]
        return f"select value from json_each(:{name})"
    if not term.cjk:
        params[name] = _quoted(term)
        return f"select rowid from articles_fts where articles_fts match :{name}"
    if len(term.text) >= 3 and TRIGRAM:
        params[name] = '"' + term.text.replace('"', '""') + '"'
        return f"select rowid from articles_cjk where articles_cjk match :{name}"
    params[name] = _like(term.text)
    return (f"select rowid from articles_cjk where title like :{name} escape '\\' "
            f"or body like :{name} escape '\\'")


def _term_probe(term: Term, name: str, params: dict, known: dict | None, rowid: str) -> str:
    """SQL true when the article `rowid` holds one term, asked of the term's index for that article alone."""
    rows = _term_rows(term, name, params, known)
    if " match :" in rows:      # an index MATCH: its rowid constrained, FTS5 seeks the term's list to it
        table = rows.split(" from ", 1)[1].split(" ", 1)[0]
        return f"exists ({rows} and {table}.rowid = {rowid})"
    return f"{rowid} in ({rows})"       # a Chinese term of two characters: its (small) set, read once a page


@dataclass
class Search:
    """What the user typed, and the SQL condition on `articles.rowid` that finds its matches. `known`: the
    rowids of the terms no index finds, read once (pages/query.py scan_once) for the statements of one page."""
    text: str
    known: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def clauses(self) -> list[Clause]:
        return clauses(self.text)

    @property
    def groups(self) -> list[list[Term]]:
        return parse(self.text)

    @property
    def empty(self) -> bool:
        return not self.clauses

    @property
    def cjk(self) -> bool:
        return is_cjk(self.text)

    @property
    def match(self) -> str:
        """The FTS5 expression for articles_fts when the words index alone answers the query, else ''."""
        return fts5_query(self.text)

    def where(self, rowid: str = "rowid", prefix: str = "s") -> tuple[str, dict]:
        """(SQL condition on the article rowid column `rowid`, named parameters). Matches nothing when empty."""
        if self.empty:
            return "0", {}
        if self.match:
            return (f"{rowid} in (select rowid from articles_fts where articles_fts match :{prefix}q)",
                    {f"{prefix}q": self.match})
        params: dict = {}
        ands = []
        for g, clause in enumerate(self.clauses):
            rows = " union ".join(_term_rows(t, f"{prefix}{g}_{n}", params, self.known)
                                  for n, t in enumerate(clause.terms))
            ands.append(f"{rowid} {'not in' if clause.negated else 'in'} ({rows})")
        return "(" + " and ".join(ands) + ")", params

    def probe(self, rowid: str = "rowid", prefix: str = "p") -> tuple[str, dict]:
        """(SQL condition on `rowid`, parameters) with the meaning of `where`, asked of each index for that one
        article (EXISTS ... MATCH ... AND rowid = ...) instead of as a set of every match: ~0.1 ms an article
        checked, so cheaper than building the set of a common word (0.1-0.2 s for 358,000 matches) when only the
        first matches of a walk are wanted (pages/query.py page_rowids)."""
        if self.empty:
            return "0", {}
        if self.match:
            return (f"exists (select 1 from articles_fts where articles_fts match :{prefix}q "
                    f"and articles_fts.rowid = {rowid})", {f"{prefix}q": self.match})
        params: dict = {}
        ands = []
        for g, clause in enumerate(self.clauses):
            either = " or ".join(_term_probe(t, f"{prefix}{g}_{n}", params, self.known, rowid)
                                 for n, t in enumerate(clause.terms))
            ands.append(("not " if clause.negated else "") + f"({either})")
        return "(" + " and ".join(ands) + ")", params

    def rowid_sets(self, prefix: str = "c") -> tuple[str, dict, bool]:
        """(one compound SELECT of rowids, its parameters, complement) for counting the matches without walking
        every article: the words' sets intersected, the exclusions taken away; with exclusions only (complement
        True) it selects the rowids to leave out, and the matches are every other article."""
        params: dict = {}
        kept: list[str] = []
        left_out: list[str] = []
        for g, clause in enumerate(self.clauses):
            rows = " union ".join(_term_rows(t, f"{prefix}{g}_{n}", params, self.known)
                                  for n, t in enumerate(clause.terms))
            (left_out if clause.negated else kept).append(f"select rowid from ({rows})")
        if kept:
            return " intersect ".join(kept) + "".join(f" except {n}" for n in left_out), params, False
        return " union ".join(left_out), params, True

    def newest_rowids(self, limit: int, prefix: str = "n") -> tuple[str, dict] | None:
        """(one flat compound SELECT of the matches' rowids as `hit`, newest archived first, at most `limit`; parameters), or
        None when the query cannot be one: SQLite merges the terms' lists as each index gives them in rowid
        order, stopping at the limit (`ambassador OR 卢森堡`: 1 ms for the newest 5,000, against 0.2-0.5 s building
        the set of all 378,000). Flat means: the first clause's alternatives (UNION), then other clauses of one
        term each (INTERSECT), then every excluded term (EXCEPT): compound operators bind left to right."""
        positive = [c for c in self.clauses if not c.negated]
        if not positive or any(len(c.terms) > 1 for c in positive[1:]):
            return None
        params: dict = {}
        parts = [" union ".join(_term_rows(t, f"{prefix}0_{n}", params, self.known)
                                for n, t in enumerate(positive[0].terms))]
        parts += [" intersect " + _term_rows(c.terms[0], f"{prefix}{g}_0", params, self.known)
                  for g, c in enumerate(positive[1:], 1)]
        parts += [" except " + _term_rows(t, f"{prefix}x{g}_{n}", params, self.known)
                  for g, c in enumerate(c for c in self.clauses if c.negated) for n, t in enumerate(c.terms)]
        # the compound's column is named by its first SELECT: `hit` (a rowid, or a JSON list's value)
        first = re.sub(r"^select (rowid|value) ", r"select \1 as hit ", parts[0], count=1)
        return first + "".join(parts[1:]) + f" order by 1 desc limit {int(limit)}", params

    def describe(self) -> str:
        """How the query was understood, in words."""
        words = []
        for clause in self.clauses:
            alts = [("“" + t.text + "”" if t.phrase or " " in t.text else t.text) + ("…" if t.prefix else "")
                    for t in clause.terms]
            text = " or ".join(alts)
            words.append(("not " + (f"({text})" if len(alts) > 1 else text)) if clause.negated else text)
        return " and ".join(words)
