"""`gazette add-site URL`: propose a `[sites.KEY]` table from one news listing page, preview it, append it.

Steps: fetch the listing, its next pages, a linked feed and a few articles (crawler/spiders/probe.py, polite,
robots.txt obeyed); infer the table (crawler/infer/, pure; the pagination by crawler/listing.py, as the crawler pages); load it exactly as a hand-written entry is
loaded (crawler/config.py) and extract the sampled articles with it (pipelines/extract.py) for the preview and
for boilerplate lines that repeat across them; print the table, the preview and what could not be inferred;
with `--yes` (or a confirmation on a terminal) append it to the config's sites.toml by an atomic replace.

Exit 2: not an http(s) URL, not a listing, no article links, a key or host already configured; exit 1: the site
cannot be reached (refused, timed out, 5xx, robots.txt forbids the page).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import gazette_data
from pipelines.taggers import SHIPPED

from . import config as config_module
from . import infer, listing
from .config import Config, ConfigError
from .options import EXIT_FAILED, EXIT_USAGE
REVISIT = {"after_days": [1, 7, 30], "max_per_run": 50}
PREVIEW = 3


class AddSiteError(Exception):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


@dataclass
class Proposal:
    key: str
    table: dict
    evidence: dict
    preview: list[dict] = field(default_factory=list)
    not_inferred: list[str] = field(default_factory=list)
    requests: int = 0

    def toml(self) -> str:
        return render_table(self.key, self.table, self.evidence)


# -- fetching --------------------------------------------------------------------------------------------------

def probe(config: Config, url: str, hosts: list[str], log_level: str = "WARNING", progress: bool = False):
    """Fetch the pages inference needs, in a CrawlerProcess of its own (nothing is archived)."""
    from .process import new_process
    from .spiders.probe import ProbeResult, ProbeSpider

    result = ProbeResult()
    process = new_process(config, "", log_level, "add-site", archiving=False)
    process.crawl(ProbeSpider, start_url=url, result=result, hosts=hosts, progress=progress)
    process.start()
    return result


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise AddSiteError(f"not an http(s) URL: {url!r}", EXIT_USAGE)


def check_start(result) -> None:
    """Exit 1 when the site could not be reached, 2 when the page is not there or not HTML."""
    start = result.start
    if start is None or start.error:
        reason = start.error if start else "no response"
        raise AddSiteError(f"cannot reach {start.url if start else 'the site'}: {reason}", EXIT_FAILED)
    if start.status >= 500:
        raise AddSiteError(f"cannot read {start.url}: HTTP {start.status} (server error)", EXIT_FAILED)
    if start.status >= 400:
        raise AddSiteError(f"not a listing: {start.url} answered HTTP {start.status}", EXIT_USAGE)
    kind = (start.content_type or "text/html").split(";")[0].strip().lower()
    if not (kind in ("text/html", "application/xhtml+xml", "text/plain", "") or "xml" in kind or "rss" in kind):
        raise AddSiteError(f"not a listing: {start.url} is {kind}, not an HTML page", EXIT_USAGE)


# -- inference -------------------------------------------------------------------------------------------------

def infer_table(result, url: str, key: str, name: str | None, config: Config) -> Proposal:
    """The proposed table and the evidence for it, from the probe's pages (no network)."""
    start = result.start
    first = start.page()
    hosts = _hosts(url, start.final_url)
    listings = [f.page() for f in result.listings]
    evidence: dict = {"listing_pages": [p.url for p in listings]}
    if first.is_feed:
        listings = [infer.feed_as_page(first)]
        kind = listing.Pagination("feed", None, "the start page is an RSS/Atom feed")
    else:
        kind = listing.detect(first, hosts)
    try:
        shape = infer.article_shape_on_site(listings, hosts)
    except infer.NotAListing as exc:
        raise AddSiteError(f"not a listing: {url}: {exc}", EXIT_USAGE) from None
    hosts = shape.hosts
    if re.search(shape.pattern, urlsplit(start.final_url).path):
        raise AddSiteError(f"not a listing: {url} has the shape of the article links it holds ({shape.pattern}); "
                           "give the news listing page that links to it", EXIT_USAGE)
    regex = re.compile(shape.pattern)
    base = f"{urlsplit(start.final_url).scheme}://{urlsplit(start.final_url).netloc}"
    table: dict = {"name": name or infer.site_name(first), "base_url": base, "hosts": hosts,
                   "start_urls": [start.final_url]}
    feed_links = _feed_urls(result, regex, evidence)
    if feed_links:
        table["feed_urls"] = feed_links
    table["article_pattern"] = shape.pattern
    listing_pattern = _listing_pattern(kind, first.url, [p.url for p in listings])
    if listing_pattern and "listing_pattern" in getattr(config_module, "SITE_KEYS", {"listing_pattern"}):
        table["listing_pattern"] = listing_pattern
    known = getattr(config_module, "PAGINATIONS", ("trs", "wordpress", "numbered", "next_link", "feed", "none"))
    pagination = kind.kind if kind.kind in known else "next_link"
    table["pagination"] = pagination
    table["language"] = infer.language(first)
    place_notes = _home_place(table, hosts, config)
    table["revisit"] = dict(REVISIT)
    selectors: dict = {} if first.is_feed else infer.listing_selectors(listings, shape)
    not_inferred = [] if first.is_feed else _listing_notes(selectors)
    evidence.update(pagination=f"{pagination} ({kind.evidence})", page_count=kind.count,
                    article_links=[len(p) for p in shape.per_page], examples=shape.examples,
                    navigation_links_ignored=shape.rejected_navigation)
    not_inferred += _pagination_notes(kind, len(listings), result.notes)
    listed = _listed(result, selectors, regex)
    samples = [infer.Sample(f.page(), link.text, listed.get(link.url)) for f, link in result.articles if f.ok]
    failed = [f"{f.url}: {f.error or f'HTTP {f.status}'}" for f, _ in result.articles if not f.ok]
    if failed:
        not_inferred.append("articles that could not be fetched: " + "; ".join(failed))
    article_sel, notes = infer.article_selectors(samples)
    selectors.update(article_sel)
    not_inferred += notes
    if selectors:
        table["selectors"] = selectors
    not_inferred += place_notes
    not_inferred.append("schedule: none (add e.g. schedule = { cron = \"0 8 * * mon-fri\" } for gazette schedule)")
    proposal = Proposal(key, table, evidence, not_inferred=not_inferred, requests=result.requests + 1)
    _preview(proposal, samples, result, config)
    return proposal


def _home_place(table: dict, hosts: list[str], config: Config) -> list[str]:
    """Set the table's `province` (and `city`) when the site's name or hosts name one of the config's gazetteers;
    else say so (the notes of what was not inferred)."""
    rules = (config.taggers or SHIPPED).meetings
    place = infer.home_place(table["name"], hosts, rules.provinces, rules.cities)
    if place is None:
        return ["province: none (the site's name and hosts name no one province or city; give e.g. "
                "province = \"CN-HN\" to place its events when an article names no place)"]
    table["province"] = place[0]
    if place[1]:
        table["city"] = place[1]
    return []


def _feed_urls(result, regex, evidence: dict) -> list[str]:
    """The fetched feeds whose items link articles of the shape (the evidence says what each held)."""
    found = []
    for feed in [f for f in result.feeds if f.ok and f.page().is_feed]:
        entries = listing.feed_entries(feed.page())
        matching = [e.url for e in entries if regex.search(urlsplit(e.url).path)]
        if matching:
            found.append(feed.final_url)
        evidence["feed"] = f"{feed.final_url}: {len(entries)} items, {len(matching)} article links"
    return found


def _listing_notes(selectors: dict) -> list[str]:
    if not selectors:
        return [("listing_item/listing_link: no repeated block holds the article links on every listing page (the "
                 "crawler then reads every link matching article_pattern outside navigation)")]
    return [] if "listing_date" in selectors else ["listing_date: the listing items show no date"]


def _pagination_notes(kind: listing.Pagination, pages_read: int, probe_notes: list[str]) -> list[str]:
    notes = []
    if kind.warning:
        notes.append(f"page count: {kind.warning} (next links are followed)")
    if kind.kind == "none":
        notes.append("pagination: no next page found (only the start page and any feed are read)")
    elif kind.count is None:
        notes.append("page count: the listing does not state it (next links are followed)")
    if pages_read < min(3, kind.count or 3) and kind.kind not in ("none", "feed"):
        notes.append(f"pagination: only {pages_read} listing page(s) could be read " + "; ".join(probe_notes))
    return notes


def _hosts(url: str, final_url: str) -> list[str]:
    hosts = infer.site_hosts(final_url)
    for host in infer.site_hosts(url):
        if host not in hosts:
            hosts.append(host)
    return hosts


def _listing_pattern(kind: listing.Pagination, start: str, urls: list[str]) -> str | None:
    """A regex matching the start page and the further listing pages the crawler will page through."""
    path = urlsplit(start).path or "/"
    if kind.kind == "trs":
        directory, name = kind.base.rsplit("/", 1)
        return (f"^{infer.escape_regex(directory)}/(?:{infer.escape_regex(name)}(?:_\\d+)?"
                f"\\.{infer.escape_regex(kind.ext)})?$")
    if kind.kind == "wordpress":
        base = listing.listing_base(path)
        tail = "" if path == base else infer.escape_regex(path[len(base):])
        return f"^{infer.escape_regex(base)}(?:{tail}|page/\\d+/?)$" if tail else f"^{infer.escape_regex(base)}(?:page/\\d+/?)?$"
    if kind.kind == "numbered":
        return f"^{infer.escape_regex(kind.base)}(?:_\\d+)?\\.{infer.escape_regex(kind.ext)}$"
    if kind.kind == "next_link" and len(urls) > 1:
        paths = [urlsplit(u).path or "/" for u in urls]
        if len({infer.skeleton(p) for p in paths}) == 1:
            return infer.shape_regex(paths)
    return None


def _listed(result, selectors: dict, regex) -> dict[str, str]:
    """article URL -> the date its listing item (or feed item) shows, read as the spider reads it
    (crawler/listing.py): what the spider passes as listed_published."""
    def wanted(url: str) -> bool:
        return bool(regex.search(urlsplit(url).path))

    dates: dict[str, str] = {}
    pages = [f.page() for f in result.listings] + [f.page() for f in result.feeds if f.ok]
    for page in pages:
        if page.is_feed:
            found = listing.feed_entries(page)
        elif selectors.get("listing_item"):
            found, _ = listing.entries(page, {name: selectors[name][:1] for name in
                                              ("listing_item", "listing_link", "listing_date") if selectors.get(name)},
                                       wanted)
        else:
            found = []
        for entry in found:
            if entry.date:
                dates.setdefault(entry.url, entry.date)
    return dates


def _preview(proposal: Proposal, samples: list[infer.Sample], result, config: Config) -> None:
    """Extract the sampled articles with the proposed table (loaded as the config loader loads it); add the
    lines that repeat across them as boilerplate, then keep the first three for the preview."""
    from pipelines.extract import ExtractionError, extract

    def run(site):
        out = []
        for sample, (fetched, _) in zip(samples, [a for a in result.articles if a[0].ok]):
            hints = {"listed_published": sample.listed_date} if sample.listed_date else {}
            try:
                out.append((sample, fetched, extract(fetched.body, fetched.final_url, site, fetched.content_type,
                                                     hints)))
            except ExtractionError as exc:
                out.append((sample, fetched, exc))
        return out

    site = validated_site(config, proposal.key, proposal.toml())
    extracted = run(site)
    articles = [a for _, _, a in extracted if not isinstance(a, Exception)]
    lines = infer.boilerplate_lines([a.paragraphs for a in articles], [a.title for a in articles])
    lines = [line for line in lines if line not in site.boilerplate.lines]
    if lines:
        proposal.table["boilerplate"] = {"lines": lines}
        site = validated_site(config, proposal.key, proposal.toml())
        extracted = run(site)
    for sample, fetched, article in extracted[:PREVIEW]:
        if isinstance(article, Exception):
            proposal.preview.append({"url": fetched.final_url, "error": str(article)})
            continue
        layers = {"title": article.layer, "published": article.layer}
        layers.update(getattr(article, "field_layers", None) or {})  # per field, where extraction says so
        layers["body"] = article.layer
        entry = {"url": fetched.final_url, "title": article.title, "published": article.published,
                 "first_paragraph": article.paragraphs[0] if article.paragraphs else "", "layer": article.layer,
                 "field_layers": layers, "warnings": list(article.warnings)}
        if sample.listed_date and article.published and article.published[:10] != sample.listed_date[:10]:
            entry["warnings"].append(f"the listing dates it {sample.listed_date}")
        proposal.preview.append(entry)


# -- the config file -------------------------------------------------------------------------------------------

def validated_site(config: Config, key: str, table_text: str):
    """Load the config's sites.toml with this table appended, as `gazette` loads any config; return the Site."""
    with tempfile.TemporaryDirectory(prefix="gazette-add-site-") as directory:
        candidate = Path(directory) / "sites.toml"
        candidate.write_text(_appended(config.path.read_text(encoding="utf-8"), table_text), encoding="utf-8")
        try:
            loaded = config_module.load(directory)
        except ConfigError as exc:
            raise AddSiteError(f"the proposed table does not load: {str(exc).replace(str(candidate), 'sites.toml')}",
                               EXIT_USAGE) from None
    return loaded.sites[key]


def is_shipped_config(directory: Path) -> bool:
    """The config directory installed inside the package (site-packages), not one of the user's."""
    return Path(directory).resolve() == (gazette_data.HERE / "config").resolve()


def append_table(path: Path, key: str, table_text: str) -> None:
    """Append the table to sites.toml: validated first, then written to a temporary file beside it and moved
    over it (os.replace), so the file is either the old one or the new one, never half written."""
    current = path.read_text(encoding="utf-8")
    text = _appended(current, table_text)
    with tempfile.TemporaryDirectory(prefix="gazette-add-site-") as directory:
        (Path(directory) / "sites.toml").write_text(text, encoding="utf-8")
        try:
            loaded = config_module.load(directory)
        except ConfigError as exc:
            raise AddSiteError(f"not written: {exc}", EXIT_USAGE) from None
        if key not in loaded.sites:
            raise AddSiteError(f"not written: [sites.{key}] did not load", EXIT_USAGE)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise AddSiteError(f"not written: cannot write beside {path}: {exc}", EXIT_FAILED) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise AddSiteError(f"not written: {path}: {exc}", EXIT_FAILED) from None
        raise


def _appended(current: str, table_text: str) -> str:
    return current.rstrip("\n") + "\n\n" + table_text.rstrip("\n") + "\n"


def render_table(key: str, table: dict, evidence: dict | None = None) -> str:
    """The table as TOML in the style of config/sites.toml (regexes as literal strings)."""
    lines = []
    if evidence is not None:
        lines.append(f"# Proposed by gazette add-site on {dt.date.today().isoformat()} from "
                     f"{len(evidence.get('listing_pages', []))} listing page(s); pagination "
                     f"{evidence.get('pagination', '?')}.")
    lines.append(f"[sites.{key}]")
    subtables = []
    for name, value in table.items():
        if isinstance(value, dict) and name in ("selectors", "boilerplate"):
            subtables.append((name, value))
        else:
            lines.append(f"{name} = {_value(value, regex=name.endswith('_pattern'))}")
    for name, values in subtables:
        lines.append("")
        lines.append(f"[sites.{key}.{name}]")
        for field_name, value in values.items():
            lines.append(f"{field_name} = {_value(value, regex=field_name == 'patterns')}")
    return "\n".join(lines) + "\n"


def _value(value, regex: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return _string(value, regex)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v, regex) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as TOML")


def _string(text: str, literal: bool) -> str:
    if literal and "'" not in text and "\n" not in text:
        return f"'{text}'"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'


# -- the command -----------------------------------------------------------------------------------------------

def add_site(config: Config, url: str, key: str | None = None, name: str | None = None, yes: bool = False,
             as_json: bool = False, verbose: bool = False, out=None) -> int:
    out = out or sys.stdout
    check_url(url)
    key = key or infer.site_key(url)
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", key) or key == config_module.OTHER:
        raise AddSiteError(f"bad key {key!r}: lower-case letters, digits, '-' or '_', starting with a letter "
                           f"(not '{config_module.OTHER}')", EXIT_USAGE)
    if key in config.sites:
        raise AddSiteError(f"site '{key}' is already configured in {config.path}; choose another --key",
                           EXIT_USAGE)
    owner = config.site_for_url(url)
    if owner.key != config_module.OTHER:
        raise AddSiteError(f"{urlsplit(url).netloc} already belongs to site '{owner.key}' in {config.path}; "
                           f"add the listing to its start_urls instead", EXIT_USAGE)
    if yes and is_shipped_config(config.path.parent):
        raise AddSiteError(f"the config in use ({config.path.parent}) is the copy installed with Gazette, which an "
                           f"upgrade replaces: copy it (cp -r {config.path.parent} ./config) or give --config / "
                           f"GAZETTE_CONFIG your own copy, then run again", EXIT_USAGE)
    hosts = _hosts(url, url)
    terminal = sys.stderr.isatty() and not as_json
    result = probe(config, url, hosts, "INFO" if verbose else "WARNING", progress=terminal)
    if terminal:
        sys.stderr.write("\r\x1b[K")
    check_start(result)
    proposal = infer_table(result, url, key, name, config)
    text = proposal.toml()
    interactive = not as_json and sys.stdin.isatty() and sys.stdout.isatty()
    if not as_json:
        _show(proposal, out)
    written = False
    if yes or (interactive and _confirm(config.path, key)):
        append_table(config.path, key, text)
        written = True
    if as_json:
        out.write(json.dumps({"key": key, "table": proposal.table, "toml": text, "evidence": proposal.evidence,
                              "preview": proposal.preview, "not_inferred": proposal.not_inferred,
                              "requests": proposal.requests, "written": written,
                              "config": str(config.path)}, ensure_ascii=False) + "\n")
    else:
        out.write(f"\nappended [sites.{key}] to {config.path}; next: gazette check {key}, then gazette crawl {key}\n"
                  if written
                  else f"\nnot written (run again with --yes to append [sites.{key}] to {config.path})\n")
    return 0


def _confirm(path: Path, key: str) -> bool:
    import click
    return click.confirm(f"Append [sites.{key}] to {path}?", default=False)


def _show(proposal: Proposal, out) -> None:
    ev = proposal.evidence
    out.write(proposal.toml())
    out.write(f"\n# listing pages read: {len(ev['listing_pages'])}; article links per page: "
              f"{ev['article_links']}; page count: {ev['page_count'] or 'not stated'}; "
              f"pages fetched: {proposal.requests} (and robots.txt)\n")
    out.write("\nPreview (extracted with the table above):\n")
    for n, entry in enumerate(proposal.preview, 1):
        if "error" in entry:
            out.write(f"{n}. {entry['url']}\n   no article: {entry['error']}\n")
            continue
        layers = ", ".join(f"{k} {v}" for k, v in entry["field_layers"].items())
        paragraph = entry["first_paragraph"]
        paragraph = paragraph if len(paragraph) <= 160 else paragraph[:157] + "..."
        out.write(f"{n}. {entry['title']}\n   date: {entry['published'] or '-'}   layers: {layers}\n"
                  f"   {paragraph}\n   {entry['url']}\n")
        for warning in entry["warnings"]:
            out.write(f"   warning: {warning}\n")
    if proposal.not_inferred:
        out.write("\nNot inferred:\n" + "".join(f"- {line}\n" for line in proposal.not_inferred))
