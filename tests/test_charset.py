"""Decoding: header and meta charsets, BOM, mis-declared UTF-8, GBK pages."""
from __future__ import annotations

from pipelines.charset import decode

TEXT = "外交部 “quoted” — Guizhou"


def page(charset_meta: str, text: str = TEXT) -> str:
    return f'<html><head><meta charset="{charset_meta}"><title>t</title></head><body><p>{text}</p></body></html>'


def test_gbk_declared_in_meta():
    body = page("gbk").encode("gbk")
    text, encoding = decode(body, "text/html")
    assert TEXT in text and encoding == "gb18030"


def test_gb2312_declared_in_header_only():
    body = "<html><body><p>外交部新闻 Guizhou</p></body></html>".encode("gb2312")
    text, _ = decode(body, "text/html; charset=GB2312")
    assert "外交部新闻" in text


def test_utf8_mis_declared_as_latin1_is_repaired():
    body = page("iso-8859-1").encode("utf-8")
    text, encoding = decode(body, "text/html; charset=ISO-8859-1")
    assert TEXT in text and encoding == "utf-8"


def test_gbk_mis_declared_as_utf8_is_repaired():
    body = page("utf-8").encode("gbk")
    text, encoding = decode(body, "text/html; charset=utf-8")
    assert TEXT in text and encoding == "gb18030"


def test_bom_wins_and_is_dropped():
    body = b"\xef\xbb\xbf" + page("gbk").encode("utf-8")
    text, encoding = decode(body, "text/html; charset=gbk")
    assert TEXT in text and encoding == "utf-8" and not text.startswith("\ufeff")


def test_no_charset_anywhere_falls_back_sensibly():
    body = "<html><body><p>Plain ASCII page</p></body></html>".encode()
    text, _ = decode(body, None)
    assert "Plain ASCII page" in text


def test_every_control_character_leaves_the_text_and_a_page_without_any_is_left_alone():
    """`clean` looks for the control characters one by one (faster than one regular expression over the page):
    each of the 29 (NUL to US but tab, newline, carriage return; DEL) is still found, wherever it is; form feed and
    vertical tab become spaces, the others go; tab, newline, carriage return and every other character stay."""
    from pipelines.charset import clean

    for code in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f]:
        want = " " if code in (0x0b, 0x0c) else ""
        assert clean(f"<p>Guizhou{chr(code)}</p>") == f"<p>Guizhou{want}</p>", hex(code)
        assert clean(chr(code) + "<p>外交部</p>") == want + "<p>外交部</p>", hex(code)
    kept = "<p>\t外交部\r\n “quoted” \x80\x9f\u00a0\u2028 Guizhou</p>"
    assert clean(kept) == kept
