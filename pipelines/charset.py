"""Decode raw page bytes to text: honour the BOM, the HTTP header and the <meta> charset, repair
mis-declared UTF-8 and read GBK/GB2312 pages as GB18030 (their superset)."""
from __future__ import annotations

from w3lib.encoding import html_to_unicode

UTF8 = ("utf-8", "utf8")


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used)."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace"), "utf-8"
    encoding, text = html_to_unicode(content_type, body)
    encoding = (encoding or "utf-8").lower().replace("_", "-")
    if encoding not in UTF8 and not body.isascii() and _strict(body, "utf-8") is not None:
        # Declared as a legacy charset but the bytes are valid UTF-8 (a common CMS misconfiguration).
        return _strict(body, "utf-8"), "utf-8"
    if encoding in UTF8 and "\ufffd" in text and _strict(body, "utf-8") is None:
        # Declared UTF-8 but not UTF-8: Chinese government pages are then GBK/GB18030.
        repaired = _strict(body, "gb18030")
        if repaired is not None:
            return repaired, "gb18030"
    return text, encoding


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
