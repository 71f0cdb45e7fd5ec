"""Dates an article page states outside its date fields: the date a press event's headline names (a yearless one
given its year from the listing, the URL, the upload stamp of the article's photos or the capture date), and
htmldate's reading of the page's markup only. Pure functions, used by the text and generic layers of
pipelines/extract.py."""
from __future__ import annotations

import re

from .normalise import date_from_url, parse_date, with_year


def markup_date(text: str, url: str) -> str | None:
    """htmldate's date from the page's markup and URL only, without its search of the free text (where "…issued a
    statement on August 6" or a copyright year would do)."""
    from htmldate import find_date

    try:
        return parse_date(find_date(text, url=url, extensive_search=False, original_date=True))
    except Exception:  # noqa: BLE001 - a last resort must not fail a page
        return None


def date_from_headline(found: dict, named: tuple, hints: dict, url: str, container) -> None:
    """The date a press event's headline names; a yearless one ("…on September 13") takes its year from the
    listing's date, else the URL's, else the upload stamp of the article's own photos (TRS names an uploaded file
    W0YYYYMMDD…), else the capture date (`published_year` in field_layers says which)."""
    month, day, year = named
    if year:
        found["published"] = (f"{year:04d}-{month:02d}-{day:02d}", "text")
        return
    for anchor, layer, before in ((hints.get("listed_published"), "listing", False), (date_from_url(url), "url", False),
                                  (file_stamp(container), "images", False), (hints.get("captured"), "capture", True)):
        value = with_year(month, day, anchor, before) if anchor else None
        if value:
            found["published"] = (value, "text")
            found["published_year"] = (value[:4], layer)
            return


FILE_STAMP = re.compile(r"(?:^|/)W0((?:19|20)\d\d)(\d\d)(\d\d)\d{6,}\.\w+$")


def file_stamp(container) -> str | None:
    """The date in the TRS upload names of the container's images (`./W020180913….jpg`), when they agree."""
    if container is None:
        return None
    stamps = {m.groups() for m in (FILE_STAMP.search(img.get("src") or "") for img in container.iter("img")) if m}
    if len(stamps) != 1:
        return None
    year, month, day = stamps.pop()
    return f"{year}-{month}-{day}"
