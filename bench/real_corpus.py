"""The real corpus (tests/real/: real pages byte for byte, pages.json, expected.json) and its own reading of a page,
independent of pipelines/: the text blocks of its article container (every <P> and every <BR>-separated line),
read with plain regexes from the raw HTML. The no-paragraph-lost test (tests/test_real_pages.py) and
`python -m bench.real` check extraction against it."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "tests" / "real"
SEPARATOR = re.compile(r"^[\s*＊※\-—–]{3,}$|^(\* )+\*$")
SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


def pages() -> list[dict]:
    """Each real page (pages.json: file, url, fetched_at, provenance) with its expected fields (expected.json)."""
    expected = json.loads((REAL / "expected.json").read_text("utf-8"))
    return [{**page, "expected": expected[page["file"]]}
            for page in json.loads((REAL / "pages.json").read_text("utf-8"))]


def container_blocks(raw: str) -> list[str]:
    """The text blocks of the article container: `div.content` (English 2015-2021 template, up to the tool bar
    after it) or `#News_Body_Txt_A` (Chinese 2015 template, up to its closing </div>)."""
    match = re.search(r'<div class="content">|id="News_Body_Txt_A"[^>]*>', raw)
    if match is None:
        return []
    end = raw.find('<div class="tool"', match.end()) if match.group(0).startswith("<div") else -1
    end = end if end != -1 else raw.index("</div>", match.end())
    fragment = re.sub(r"(?i)<br\s*/?>|<P(?=[\s>])", "\n<x", raw[match.end():end])
    text = html.unescape(re.sub(r"(?s)<[^>]*>", "", fragment))
    return [block for block in (SPACE.sub(" ", line).strip() for line in text.split("\n")) if block]


def article_blocks(raw: str, captions=()) -> list[str]:
    """The container's blocks that belong in the body: all but separator lines and the page's real captions."""
    return [b for b in container_blocks(raw) if not SEPARATOR.match(b) and b not in captions]
