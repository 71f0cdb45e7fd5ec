"""Infer a site's config table from its pages, for `gazette add-site`: pure functions, pages in, proposal out.

Given a news listing page (and the next listing pages and a few articles, fetched by crawler/spiders/probe.py),
work out what a person would write by hand in `[sites.KEY]`, one module per part of the table:

- `shape`: `article_pattern`, the most common shape among the listing's links, generalised into a regex;
- the pagination: crawler/listing.py's `detect` (the same module the crawler pages on with, so add-site proposes
  only what the crawler follows);
- `selectors`: `listing_item`, `listing_link`, `listing_date`, the repeated block holding most article links;
- `articles`: title, date and body selectors right on every sampled article, and repeated boilerplate lines;
- `naming`: the site's key, name, language and home place; `links` and `css`: what the others read pages and elements with.

Nothing here fetches, reads config files or writes: the caller hands in pages and gets plain data back.
"""
from ..listing import Page, Pagination, detect, feed_entries, next_url
from .articles import Sample, article_selectors, boilerplate_lines
from .links import (
           Link,
           NotAListing,
           feed_as_page,
           host_of,
           links_of,
           same_domain,
           site_hosts,
)
from .naming import home_place, language, site_key, site_name
from .selectors import listing_selectors
from .shape import (
           Shape,
           article_shape,
           article_shape_on_site,
           escape_regex,
           shape_regex,
           skeleton,
)

__all__ = ["Link", "NotAListing", "Page", "Pagination", "Sample", "Shape", "article_selectors", "article_shape",
           "article_shape_on_site", "boilerplate_lines", "detect", "escape_regex", "feed_as_page", "feed_entries",
           "home_place", "host_of", "language", "links_of", "listing_selectors", "next_url", "same_domain", "shape_regex",
           "site_hosts", "site_key", "site_name", "skeleton"]
