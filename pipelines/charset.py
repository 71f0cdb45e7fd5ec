"""Decode raw page bytes to text: honour the BOM, the HTTP header and the <meta> charset, repair
mis-declared UTF-8, read GBK/GB2312 pages as GB18030 (their superset), and read a page that is overwhelmingly
UTF-8 as UTF-8 even when a few bytes are not (each such byte read as Windows-1252, the usual culprit: a curly
quote pasted from a word processor), whatever the declared charset says.

The text returned is ready for an HTML parser: control characters (which lxml refuses: "All strings must be
XML compatible") are removed, form feeds and vertical tabs become spaces, and an XML declaration at the top
(`<?xml version="1.0" encoding="utf-8"?>` of XHTML pages, which lxml refuses in a decoded string) is dropped.
"""
from __future__ import annotations

import codecs
import re
import threading

from w3lib.encoding import html_to_unicode

UTF8 = ("utf-8", "utf8")
FALLBACK = "gazette-cp1252"  # the codec error handler that reads one undecodable byte as Windows-1252
# Valid multibyte UTF-8 characters needed per byte that is not UTF-8 for the page to count as UTF-8.
UTF8_MAJORITY = 20
FEW_STRAY_BYTES = 3  # on a page with (almost) no other non-ASCII text, this many isolated stray bytes
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
BLANKS = re.compile(r"[\x0b\x0c]")
# the characters of CONTROL and BLANKS, each looked for by `in` (memchr): most pages have none, and 29 such scans
# of a page take a quarter of the time of one regular-expression scan for the class
EITHER = tuple(chr(c) for c in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")


_seen = threading.local()  # offsets of the stray bytes of the decode running in this thread


def _cp1252_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    strays = getattr(_seen, "strays", None)
    if strays is not None:
        strays.append(error.start)
    byte = error.object[error.start:error.start + 1]
    try:
        char = byte.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are not Windows-1252: Latin-1 then
        char = byte.decode("latin-1")
    return char, error.start + 1


codecs.register_error(FALLBACK, _cp1252_byte)  # type: ignore[arg-type]  # only ever given decode errors


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used)."""
    text, encoding = _decode(body, content_type)
    return clean(text), encoding


def clean(text: str) -> str:
    """Text an HTML parser takes: no control characters, no XML declaration."""
    if any(char in text for char in EITHER):
        text = BLANKS.sub(" ", CONTROL.sub("", text))
    if text.lstrip()[:5] == "<?xml":
        text = XML_DECLARATION.sub("", text, count=1)
    return text


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace"), "utf-8"
    encoding, text = html_to_unicode(content_type, body)
    encoding = (encoding or "utf-8").lower().replace("_", "-")
    if body.isascii():
        return text, encoding
    if encoding in UTF8 and "\ufffd" not in text:
        return text, "utf-8"  # read as UTF-8 without one error: what a strict UTF-8 reading gives
    strict = _strict(body, "utf-8")
    if strict is not None:
        # Valid UTF-8, whatever was declared (a legacy charset declared for UTF-8 bytes is a common CMS error).
        return strict, "utf-8"
    mostly = mostly_utf8(body)
    if mostly is not None:
        return mostly, "utf-8"
    if encoding in UTF8 and "\ufffd" in text:
        # Declared UTF-8 but not UTF-8: Chinese government pages are then GBK/GB18030.
        repaired = _strict(body, "gb18030")
        if repaired is not None:
            return repaired, "gb18030"
    return text, encoding


def mostly_utf8(body: bytes) -> str | None:
    """The body read as UTF-8 with each stray byte read as Windows-1252, when the page is overwhelmingly UTF-8:
    at least UTF8_MAJORITY valid multibyte characters per stray byte, or a few stray bytes each standing alone
    between ASCII bytes (a GBK page's Chinese characters are runs of high bytes). Else None."""
    stray: list[int] = []
    _seen.strays = stray
    try:
        text = body.decode("utf-8", errors=FALLBACK)
    finally:
        _seen.strays = None
    if not stray:
        return None
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - len(stray)
    if multibyte >= UTF8_MAJORITY * len(stray):
        return text
    alone = all((i == 0 or body[i - 1] < 0x80) and (i + 1 >= len(body) or body[i + 1] < 0x80) for i in stray)
    if alone and len(stray) <= FEW_STRAY_BYTES:
        return text
    return None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
