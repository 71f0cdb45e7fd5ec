"""A proposed site's key, name and language, from its start page."""
from __future__ import annotations

import re

from parsel import Selector

from pipelines.normalise import clean_text

from ..listing import Page
from .links import host_of

GENERIC_LABELS = {"www", "en", "eng", "english", "gov", "cn", "com", "org", "net", "info", "edu", "news", "m"}


def site_key(url: str) -> str:
    """A config key from the host: english.guizhou.gov.cn -> guizhou; 127.0.0.1:8080 -> site-8080."""
    host = host_of(url)
    name, _, port = host.partition(":")
    if re.fullmatch(r"[\d.]+|localhost", name):
        return f"site-{port}" if port else "site"
    labels = [label for label in name.split(".") if label not in GENERIC_LABELS]
    key = re.sub(r"[^a-z0-9_-]", "-", (labels[0] if labels else name.split(".")[0]).lower())
    return key if re.match(r"[a-z]", key) else f"site-{key}"


def site_name(page: Page) -> str:
    sel = Selector(text=page.text)
    for css in ("meta[property='og:site_name']::attr(content)", "meta[name=SiteName]::attr(content)", "title::text"):
        value = clean_text(sel.css(css).get())
        if value:
            return value
    return host_of(page.url)


def language(page: Page) -> str:
    tree = page.tree()
    declared = (tree.get("lang") or "").split("-")[0].lower() if tree is not None else ""
    if declared:
        return declared
    text = clean_text(tree.text_content()) if tree is not None else ""
    return "zh" if len(re.findall(r"[\u4e00-\u9fff]", text)) > 0.3 * max(1, len(text)) else "en"



def home_place(name: str, hosts: list[str], provinces: dict[str, str],
               cities: dict[str, tuple[str, str]]) -> tuple[str, str | None] | None:
    """(province code, city or None) the site's name or host names (eGuizhou, enghunan.gov.cn, "Shenzhen Government
    Online"), when they name exactly one province, or one city (with its province); else None. `provinces`:
    code -> name, `cities`: name -> (code, province code), as the gazetteers have them."""
    def squashed(text: str) -> str:
        return re.sub(r"[^a-z]", "", text.lower())

    where = [squashed(name)] + [squashed(label) for host in hosts for label in host.split(":")[0].split(".")
                                if label not in GENERIC_LABELS]
    found_cities = {city for city in cities if any(squashed(city) in w for w in where)}
    found = {code for code, province in provinces.items() if any(squashed(province) in w for w in where)}
    found |= {cities[city][1] for city in found_cities}
    if len(found) != 1:
        return None
    province = found.pop()
    city = next(iter(found_cities)) if len(found_cities) == 1 else None
    return province, city
