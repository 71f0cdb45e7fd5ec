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
