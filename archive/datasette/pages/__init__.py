"""Gazette's own pages in Datasette (routes registered by the plugin, archive/datasette/plugin.py), one module each:

- `home`: `/`, what the archive holds per site, a chart of articles per month, provinces, questions to start from;
- `search_page` (with `query`, `results`, `export`, `feeds`): `/-/search` and its `.csv`, `.json`, `.atom`;
- `meetings`: `/-/meetings` (who met whom, filtered and faceted, with exports and a feed) and `/-/official/<key>`;
- `changes`: `/-/changes`, every edit of an article after publication, newest first, with its difference;
- `diffs`: `/-/changes/<article id>/<n>`, the word-level difference between version n and n + 1;
- `cite`: `/-/article/<id>/v/<n>` (one version, citable) and its `.ris` and `.bib`;
- `feeds`: `/-/feeds/changes.atom`, `/-/feeds/gone.atom`;
- `capture`: `/-/capture/<capture id>`, an archived response under a CSP that runs no script and loads nothing;
- `translation`: `/-/translation/<id>` (an English article beside its Chinese original) and `/-/omissions`;
- `charts`: the SVG charts; `common`: names, colours, dates in plain words.

Speed at a million articles: counts come from `article_months` and the FTS index, facets read the narrow
`article_keys` table over at most FACET_CAP hits, relevance ranks at most RANK_CAP hits (the most recently
archived), dates come from the `articles_published` index.
"""
from __future__ import annotations

from .capture import capture_page
from .changes import changes_page
from .cite import citation, version_page
from .meetings import meetings_page, official_page
from .charts import month_chart, nice_step, sparkline
from .common import DATABASE, archive_url, colours, count_words, plain_date, site_info
from .diffs import change_list, change_page, only_changes, versions, word_diff
from .feeds import changes_feed
from .home import home_page
from .query import Query, count_hits
from .search_page import search_page


def prepare_environment(env) -> None:
    env.filters["word_diff"] = word_diff
    env.filters["only_changes"] = only_changes
    env.filters["plain_date"] = plain_date
    env.filters["plain_time"] = lambda value: plain_date(value, utc=True)
    env.globals["count_words"] = count_words
    env.globals["gazette_db"] = DATABASE


__all__ = ["DATABASE", "Query", "archive_url", "capture_page", "change_list", "change_page", "changes_feed", "changes_page", "citation", "meetings_page", "official_page", "version_page",
           "colours", "count_hits", "home_page", "month_chart", "nice_step", "prepare_environment", "search_page",
           "site_info", "sparkline", "versions", "word_diff"]
