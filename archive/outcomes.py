"""The names of what became of a page, one enum for the whole project.

A page archived as an article is `new`, `updated`, `unchanged` or a `duplicate` of another; a page that gave no
article `failed` (the result's `gone` flag says whether it means the article was deleted, and its capture's
outcome is then `gone`). Re-extraction adds `no_article`: a capture that never gave an article still gives none.
These strings are stored in `captures.outcome` and are the per-run counts of `crawl_runs`.
"""
from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    GONE = "gone"
    NO_ARTICLE = "no_article"
    SUSPECT = "suspect"  # a capture of a known article that looks like no article: kept aside, the record unchanged


STORED = (Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.DUPLICATE)  # the page gave an article
PAGE_RESULTS = STORED + (Outcome.FAILED,)  # what `gazette fetch` and crawl summaries report per page
SETTLED = STORED + (Outcome.GONE,)  # a capture outcome an incremental crawl need not fetch again
