"""The one definition of an article's fields: what extraction produces and the archive keeps, one `Field` each.

Everything that names an article's fields reads this table: config validation (which keys `selectors` may have),
the `Article` type (pipelines/extract.py, checked against it by tests/test_fields.py), `check`, the archive's
writes (archive/store.py, timeline.py, merge.py: columns, JSON lists, what makes a revision and what a revision
keeps), the migration helper that adds a field's
column (archive/schema.py `add_article_field`), Datasette's column descriptions (archive/datasette/serve.py fills
them in at serve time) and the fixture test. Adding a field is a row here, a migration step calling
`add_article_field`, and its tests (plus, for a field read from the page text, its pattern in pipelines/page_text.py).

This module imports nothing from Gazette: `pipelines/` (which fills the fields) and `archive/` (which keeps them)
both read it without depending on each other (tests/test_layers.py checks both).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    description: str           # Datasette's description of the `articles` column
    cleaner: str | None = None  # how a value found for it is read and cleaned (pipelines/extract.py READERS);
    #                             None: not read field by field (the body, its captions, bookkeeping of extraction)
    selectable: bool = False    # a site may give CSS selectors for it (sites.toml `selectors.<name>`)
    tracked: bool = False       # a change of it makes a revision
    revised: bool = False       # kept with each earlier version in `revisions` (a column there too)
    json: bool = False          # a list, stored as JSON text
    sql: str = "TEXT"           # the column's SQLite type


ARTICLE: tuple[Field, ...] = (
    Field("title", "Headline", cleaner="title", selectable=True, tracked=True, revised=True),
    Field("published", "Publication date as the site gives it (ISO 8601)", cleaner="date", selectable=True,
          revised=True),
    Field("byline", "Author or reporter, when the page names one", cleaner="byline", selectable=True, revised=True),
    Field("source", 'The outlet the site credits (e.g. Xinhua, or "This article is from …", "Source: …"), when given',
          cleaner="source", selectable=True),
    Field("translator", "Who translated the article, from its credit line (`Translator: …`), when given",
          cleaner="person", selectable=True),
    Field("editor", "Who edited the article, from its credit line (`Editor: …`), when given",
          cleaner="person", selectable=True),
    Field("body", "Clean text of the article, paragraphs separated by a blank line", selectable=True, tracked=True,
          revised=True),
    Field("captions", "Image captions (a list)", selectable=True, json=True, revised=True),
    Field("language", "Language of the text (ISO 639-1)"),
    Field("layer", "Which extraction rules found the text (site selectors, common TRS markers, or generic); each "
                   "other field comes from the first rules that have it", revised=True),
    Field("removed", "What extraction left out of the text and why (a list of rule and text: boilerplate lines, "
                     "separators, credit lines, captions with their evidence…)", json=True),
    Field("restored", "Paragraphs extraction had dropped for no named reason, put back by the completeness check "
                      "(a list; empty when nothing was lost)", json=True),
)

BY_NAME: dict[str, Field] = {f.name: f for f in ARTICLE}
NAMES: tuple[str, ...] = tuple(f.name for f in ARTICLE)                      # the articles table's field columns
READ: tuple[str, ...] = tuple(f.name for f in ARTICLE if f.cleaner)          # found field by field, layer by layer
SELECTABLE: tuple[str, ...] = tuple(f.name for f in ARTICLE if f.selectable)  # sites.toml selectors.<name>
TRACKED: tuple[str, ...] = tuple(f.name for f in ARTICLE if f.tracked)        # a change makes a revision
REVISED: tuple[str, ...] = tuple(f.name for f in ARTICLE if f.revised)        # columns of `revisions` too
JSON: tuple[str, ...] = tuple(f.name for f in ARTICLE if f.json)              # lists, stored as JSON text


def descriptions() -> dict[str, str]:
    """{column: description} of the article fields, for Datasette's `articles` table."""
    return {f.name: f.description for f in ARTICLE}
