"""Layered article extraction: HTML bytes + URL + site rules in, article fields out. Pure functions.

The body comes from the first layer that finds one (`layer`):
  1. `site`    - the site's own CSS selectors (config/sites.toml);
  2. `trs`     - the containers common to TRS-CMS government sites (#News_Body_Txt_A, TRS_Editor, TRS_UEDITOR,
                 trs_editor_view);
  3. `generic` - the page's densest paragraph container, else trafilatura (for a page of no configured site
                 pipelines/generic.py decides when).
Every other field is found on its own, from the first layer that has it (`field_layers` says which):
  `site` (the site's selectors), `cms` (TRS meta and ids, og/article meta), `text` (patterns of the page text
  around the article: "By NAME|Mar 23,2023", "Date: …", "Updated: …", "2020-04-03 Download Print Comment",
  end-of-article credit lines, a press conference's date in its title, the on-page headline), `generic`
  (trafilatura's metadata: <title>, htmldate), and for `published` also `listing` (the listing's date) and `url`.
In every layer captions are kept apart from the body only on evidence (pipelines/captions.py; on a page of no
configured site only caption markup and photo credits), credit lines (`This article is from …`, `Translator: …`,
`Chinese source: …`, `Editor: …`, `Source: …` in its many forms) leave the body for their fields, separator lines
are dropped, and `learned_lines` adds boilerplate lines to drop. Every block that leaves the body is recorded with
its rule (`removed`), and the completeness guard (pipelines/completeness.py) puts back any block of the body's
container lost for no named rule (`restored`).

A configured site's page whose body needed layer 2 or 3 is `fell_back`; fields that its selectors should have
given but a later layer gave are named in `warnings`, so a changed template shows in the crawl health report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from typing import Iterable

from lxml import html as lxml_html

from definitions import fields as registry

from . import boilerplate as bp
from .body import Body, body_layer
from .charset import decode
from .completeness import LEFT_OUT, Removal, conservative_reading, dropped_inside, guard, in_page_order
from .normalise import clean_byline, clean_source, clean_text, clean_title, date_from_url, headline_date, parse_date
from .page_dates import date_from_headline, markup_date
from .page_text import AGENCIES, lines_around, metadata_line, page_headline, text_fields
from .rules import OTHER, Boilerplate, Site
from .generic_metadata import metadata
from .tree import first, meta_keys, parse, text_blocks

FIELDS = registry.READ  # the fields found one by one, layer by layer (definitions/fields.py)
# CMS markers: what TRS-CMS pages (and WordPress/og metadata) carry whatever the template.
CMS = {
    "title": ("meta[name=ArticleTitle]::attr(content)", "#News_Body_Title::text", "meta[name=title]::attr(content)",
              "meta[property='og:title']::attr(content)"),
    "published": ("meta[name=PubDate]::attr(content)", "meta[name=pubdate]::attr(content)", "#News_Body_Time::text",
                  "meta[name=firstpublishedtime]::attr(content)",
                  "meta[property='article:published_time']::attr(content)",
                  "meta[name=PublishDate]::attr(content)", "meta[name=publishdate]::attr(content)"),
    "source": ("meta[name=ContentSource]::attr(content)", "#News_Body_source::text"),
    "byline": ("meta[name=Author]::attr(content)", "meta[name=author]::attr(content)"),
}
SITE_NAMES = ("meta[name=SiteName]::attr(content)", "meta[property='og:site_name']::attr(content)")
CJK_RUNS = re.compile(r"[\u4e00-\u9fff]+")  # runs of Chinese characters: their lengths summed, the characters counted
GUARD = True  # the completeness guard; bench.extraction switches it off to measure what it costs


class ExtractionError(Exception):
    """The page holds no article (empty, not HTML, no text)."""


@dataclass
class Article:
    title: str | None
    published: str | None
    byline: str | None
    source: str | None
    body: str
    captions: list[str]
    language: str | None
    layer: str
    fell_back: bool
    encoding: str
    warnings: list[str] = field(default_factory=list)
    translator: str | None = None
    editor: str | None = None
    field_layers: dict = field(default_factory=dict)  # field -> site | cms | text | generic | listing | url
    removed: list[dict] = field(default_factory=list)  # what left the body and why: {"rule", "text"}, page order
    restored: list[str] = field(default_factory=list)  # blocks the completeness guard put back (none lost: [])

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    def fields(self) -> dict:
        """asdict(self): each field's value, its lists and dicts copied. Copied here for the values an Article
        holds (strings, lists of strings or of {str: str}, {str: str}): asdict's copy.deepcopy of each string and
        its recursion through dataclasses cost five times as much (~0.6% of deciding a page)."""
        return {name: _copied(getattr(self, name)) for name in _ARTICLE_FIELDS}


def _copied(value):
    """`value` with its lists and dicts (nested) copied, what asdict gives of a dataclass's plain values."""
    if isinstance(value, list):
        return [_copied(v) for v in value]
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    return value


_ARTICLE_FIELDS = tuple(f.name for f in dataclass_fields(Article))


def extract(body: bytes, url: str, site: Site, content_type: str | None = None,
            hints: dict | None = None, *, learned_lines: Iterable[str] | None = (),
            decoded: tuple[str, str] | None = None) -> Article:
    """Extract one article from a page. Raises ExtractionError when there is no article to be had.

    `learned_lines`: extra boilerplate lines to drop (e.g. lines learned from the site's own archive), on top of
    the site's and the defaults' boilerplate. `decoded`: (text, encoding) of `body` as charset.decode reads it,
    when the caller has it already."""
    text, encoding, tree = _page(body, content_type, decoded)
    learned = frozenset(clean_text(line) for line in learned_lines or ()) - {""}
    boilerplate = site.boilerplate.merged(Boilerplate(lines=learned)) if learned else site.boilerplate
    metas = meta_keys(tree)  # the page's <meta> by name: meta selectors are answered from them (none removed yet)
    names = _site_names(tree, site, metas)
    # Fields from the site's selectors and the CMS markers, read before any block is removed (a site's
    # selector may point into a block its boilerplate removes, e.g. a credits box).
    found = _marked_fields(tree, site, names, metas)
    dropped = bp.remove_blocks(tree, boilerplate.remove)
    warnings: list[str] = []
    layers = (["site"] if site.selectors.get("body") else []) + ["trs", "generic"]
    result = _first_body(layers, tree, text, url, site, boilerplate, learned, warnings)
    _later_layers(found, result, tree, text, url, hints or {}, names, site.key != OTHER)
    if "title" not in found:
        raise ExtractionError("no title found (the page has article text but no title)")
    removed = dropped_inside(dropped, result.container, text_blocks) + result.removed
    paragraphs = _below_headline(result.paragraphs, found["title"][0], removed)
    reference, fixed = _guarded(result, tree, paragraphs, removed, warnings) if GUARD else (result.reference, None)
    paragraphs, restored = fixed if fixed else (paragraphs, [])
    field_layers = {name: layer for name, (_, layer) in found.items()}
    if result.captions:
        field_layers["captions"] = result.caption_layer
    warnings += _field_warnings(found, field_layers, site)
    body_text = "\n\n".join(paragraphs)
    values = {name: found[name][0] if name in found else None for name in FIELDS}  # published_year: a layer only
    return Article(
        **values, body=body_text, captions=result.captions, language=_language(tree, body_text, site),
        layer=result.layer, fell_back=site.key != OTHER and result.layer != layers[0], encoding=encoding,
        warnings=[w for w in warnings if not w.startswith(f"layer {result.layer}")],
        field_layers=field_layers,
        removed=[r.as_dict() for r in in_page_order(removed, reference)], restored=restored,
    )


def _page(body: bytes, content_type: str | None,
          decoded: tuple[str, str] | None) -> tuple[str, str, lxml_html.HtmlElement]:
    """(the page's text, its encoding, its tree without scripts and styles), or ExtractionError."""
    if not body or not body.strip():
        raise ExtractionError("empty body")
    text, encoding = decoded or decode(body, content_type)
    if "\x00" in text[:2048]:
        raise ExtractionError("binary content, not HTML")
    tree = parse(text)
    if tree is None:
        raise ExtractionError("no HTML content")
    return text, encoding, tree


def _marked_fields(tree, site: Site, names: tuple[str, ...], metas: dict) -> dict[str, tuple[str, str]]:
    """{field: (value, layer)} of what the site's selectors (`site`) or else the CMS markers (`cms`) give (a CMS
    marker that is also one of the site's selectors of the field gave nothing already: not read again)."""
    found: dict[str, tuple[str, str]] = {}
    for name in FIELDS:
        own = site.selectors.get(name, ())
        value = _field(tree, name, own, names, metas)
        if value:
            found[name] = (value, "site")
        elif name in CMS:
            value = _field(tree, name, [css for css in CMS[name] if css not in own], names, metas)
            if value:
                found[name] = (value, "cms")
    return found


def _first_body(layers: list[str], tree, text: str, url: str, site: Site, boilerplate: Boilerplate,
                learned: frozenset, warnings: list[str]) -> Body:
    """The body of the first layer that finds one (each that does not is named in `warnings`), or
    ExtractionError."""
    site_captions = tuple(site.selectors.get("captions", ()))
    for layer in layers:
        result = body_layer(layer, tree, text, url, site, boilerplate, site_captions, learned)
        if result and result.paragraphs:
            return result
        warnings.append(f"layer {layer} found no article")
    raise ExtractionError("no article text found by any extraction layer")


def _below_headline(paragraphs: list[str], title: str, removed: list[Removal]) -> list[str]:
    """The paragraphs without the title repeated, or a date or byline line, above the text (each a removal)."""
    while paragraphs and (paragraphs[0] == title or metadata_line(paragraphs[0])):
        rule = "headline repeated above the text" if paragraphs[0] == title else "date line or byline above the text"
        removed.append(Removal(rule, paragraphs[0]))
        paragraphs = paragraphs[1:]
    return paragraphs


def _field_warnings(found: dict[str, tuple[str, str]], field_layers: dict[str, str], site: Site) -> list[str]:
    """A missing or borrowed date, and fields the site's selectors should have given but a later layer gave."""
    warnings = []
    if not found.get("published"):
        warnings.append("no date found")
    elif found["published"][1] in ("listing", "url"):
        warnings.append("no date on the page; used the listing or URL date")
    fell = [f"{name} ({layer})" for name, layer in field_layers.items()
            if site.key != OTHER and site.selectors.get(name) and layer != "site"]
    if fell:
        warnings.append("fields not from the site's selectors: " + ", ".join(fell))
    return warnings


def _guarded(result: Body, tree, paragraphs: list[str], removed: list[Removal], warnings: list[str]):
    """The completeness guard (pipelines/completeness.py): (the blocks checked, None or (paragraphs with every
    block lost for no named reason put back, the blocks put back)). Checked against trafilatura's reading of a
    whole page, a long paragraph it left out between two it kept is recorded as a removal and the page flagged,
    but not put back: putting such paragraphs back cost the 181-page benchmark 0.007 of F1 and won no recall."""
    if result.container is not None:
        fixed, put_back = guard(result.reference, paragraphs, removed)
        if put_back:
            warnings.append(f"{len(put_back)} paragraph(s) put back that extraction had dropped for no named reason")
            return result.reference, (fixed, put_back)
        return result.reference, None
    reference = conservative_reading(tree, paragraphs)
    _, missed = guard(reference, paragraphs, removed)
    removed += [Removal(LEFT_OUT, text) for text in missed]
    if missed:
        warnings.append(f"{len(missed)} paragraph(s) between the article's own that the generic extractor left out "
                        "(recorded with the article, not put back)")
    return reference, None


def _later_layers(found: dict, result: Body, tree, text: str, url: str, hints: dict, names,
                  configured: bool = False) -> None:
    """Fill `found` (field -> (value, layer)) with what the site's selectors and the CMS markers did not give:
    the text layer (the on-page headline, the body's credit lines, patterns of the lines around the article, a
    press conference's date in its title), then the listing's date, then the generic metadata and the URL's date."""
    if "title" not in found:
        headline = page_headline(tree, names)
        if headline:
            found["title"] = (headline, "text")
    text_values = dict(result.credits)
    if any(n not in found and n not in text_values for n in FIELDS):
        lines = lines_around(result.container, tree, found.get("title", (None,))[0])
        for name, value in text_fields(lines, found, names).items():
            text_values.setdefault(name, value)
    for name, value in text_values.items():
        if name not in found and value:
            found[name] = (value, "text")
    named = headline_date(found["title"][0]) if "title" in found else None
    if "published" not in found and named:
        date_from_headline(found, named, hints, url, result.container)
    if "published" not in found and hints.get("listed_published"):
        found["published"] = (hints["listed_published"], "listing")
    if "published" not in found and result.metadata is None and date_from_url(url):
        found["published"] = (date_from_url(url), "url")  # before asking trafilatura, whose htmldate reads it too
    if "title" not in found or "published" not in found or (result.metadata and "byline" not in found):
        wanted = {key for key, name in (("title", "title"), ("date", "published"), ("author", "byline"))
                  if name not in found}
        meta = result.metadata if result.metadata is not None else _generic_metadata(text, url, wanted)
        guessed = parse_date(meta.get("date"))
        if guessed and configured and "published" not in found:
            guessed = markup_date(text, url)  # a configured site's page: no date from a number in its prose
        if guessed and named and (int(guessed[5:7]), int(guessed[8:10])) != named[:2]:
            guessed = None  # htmldate's guess contradicts the headline's own date: an unrelated number
        for name, value in (("title", clean_title(meta.get("title"), True, names)),
                            ("published", guessed),
                            ("byline", _byline(meta.get("author")))):
            if name not in found and value:
                found[name] = (value, "generic")
    if "published" not in found and date_from_url(url):
        found["published"] = (date_from_url(url), "url")


def _field(tree, name: str, selectors, names: tuple[str, ...], metas: dict | None = None) -> str | None:
    if not selectors:
        return None
    cleaner = registry.BY_NAME[name].cleaner or ""  # every field of FIELDS names one (tests/test_fields.py)
    if cleaner == "title":
        return first(tree, selectors, lambda t: clean_title(t, False, names), metas)
    if cleaner == "date":
        return _date(tree, selectors, metas)
    return first(tree, selectors, CLEANERS[cleaner], metas)


def _site_names(tree, site: Site, metas: dict | None = None) -> tuple[str, ...]:
    """What the site calls itself: the configured name, SiteName/og:site_name, the host's own label."""
    names = [site.name] if site.key != OTHER else []
    names += [n for n in (first(tree, (css,), metas=metas) for css in SITE_NAMES) if n]
    for host in site.hosts:
        label = host.split(".")[-3] if host.count(".") >= 2 else host.split(".")[0]
        names.append(label)
    return tuple(names)


def _byline(text: str | None) -> str | None:
    value = clean_byline(text)
    return None if value and AGENCIES.match(value) else value


def _person(text: str | None) -> str | None:
    value = clean_byline(text)
    return value or None


def _date(tree, selectors, metas: dict | None = None) -> str | None:
    for css in selectors:
        value = parse_date(first(tree, (css,), metas=metas))
        if value:
            return value
    return None


# How a field's value is cleaned, by the `cleaner` its registry entry names (definitions/fields.py); `title` and
# `date` are read by _field itself (a title needs the site's names, a date is tried selector by selector).
CLEANERS = {"source": clean_source, "byline": _byline, "person": _person}
READERS = ("title", "date", *CLEANERS)


def _generic_metadata(text: str, url: str, wanted: set[str]) -> dict:
    """trafilatura's metadata (title from <title>/og, date by htmldate, author), asked only when needed and only
    for the fields still missing (pipelines/generic_metadata.py)."""
    try:
        return metadata(text, url, wanted)
    except Exception:  # noqa: BLE001 - trafilatura's metadata is a last resort and must not fail a page
        return {}


def _language(tree, body: str, site: Site) -> str | None:
    if body and sum(map(len, CJK_RUNS.findall(body))) > 0.3 * len(body):
        return "zh"
    declared = (tree.get("lang") or "").split("-")[0].lower() or None
    return site.language or declared or "en"
