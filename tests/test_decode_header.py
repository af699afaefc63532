"""The HTTP header's charset as evidence for ``decode``: weighed like a ``<meta charset>`` and
before it, never taken on trust (servers are as wrong as pages)."""

from __future__ import annotations

import pytest

from reader.decode import decode

# 镕, 堃 and 喆 are GBK but not GB2312: what portals serve under "charset=gb2312".
GBK_ONLY = "朱镕基、王堃和陈喆今天在县政府召开的新闻发布会上介绍了全县农村公路建设的最新进展。"
BIG5_NEWS = (
    "山城夜市重新開張，攤商笑逐顏開。停業三個月的山城夜市，今晚終於重新開張，兩百多個攤位燈火通明。"
)
PAGE = "<html><head>{meta}<title>News</title></head><body><p>{text}</p></body></html>"


def page(text: str, meta: str = "") -> str:
    return PAGE.format(meta=meta, text=text)


def test_a_gbk_page_served_as_gb2312_reads_as_gb18030_by_the_header() -> None:
    d = decode(page(GBK_ONLY).encode("gbk"), charset="gb2312")
    assert (d.encoding, d.method) == ("gb18030", "header")
    assert GBK_ONLY in d.text
    assert d.candidates[0].source == "header"


def test_a_utf8_page_served_as_gbk_stays_utf8() -> None:
    d = decode(page(GBK_ONLY).encode("utf-8"), charset="gbk")
    assert (d.encoding, d.method) == ("utf-8", "utf-8")
    assert GBK_ONLY in d.text


def test_big5_with_no_charset_anywhere_is_found_by_evidence() -> None:
    d = decode(page(BIG5_NEWS).encode("big5"), charset=None)
    assert d.encoding == "cp950"
    assert BIG5_NEWS in d.text


def test_the_header_comes_before_the_markup() -> None:
    data = page(GBK_ONLY, '<meta charset="big5">').encode("gbk")
    d = decode(data, charset="gbk")
    assert (d.encoding, d.method) == ("gb18030", "header")


def test_a_header_that_fails_gives_way_to_the_markup() -> None:
    data = page(BIG5_NEWS, '<meta charset="big5">').encode("big5")
    d = decode(data, charset="euc-jp")  # fails on these bytes (second bytes below 0xA1)
    assert (d.encoding, d.method) == ("cp950", "declared")
    assert BIG5_NEWS in d.text


def test_a_wrong_cjk_header_that_decodes_loses_to_a_clearly_better_reading() -> None:
    d = decode(page(BIG5_NEWS).encode("big5"), charset="shift_jis")
    assert (d.encoding, d.method) == ("cp950", "evidence")


def test_a_latin1_header_on_a_gbk_page_loses_to_the_evidence() -> None:
    # The HTTP/1.1 default for text/*, still sent by servers that know nothing of the page.
    d = decode(page(GBK_ONLY).encode("gbk"), charset="iso-8859-1")
    assert (d.encoding, d.method) == ("gb18030", "evidence")


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "latin1"])
def test_a_right_latin_header_decides(charset: str) -> None:
    text = "He said “hello” – and left… It’s over, the café closed."
    d = decode(page(text).encode("cp1252"), charset=charset)
    assert (d.encoding, d.method, text in d.text) == ("cp1252", "header", True)


def test_an_unknown_header_charset_is_ignored() -> None:
    d = decode(page(GBK_ONLY).encode("gbk"), charset="x-no-such-charset")
    assert d.encoding == "gb18030"
    assert d.method != "header"


def test_the_user_encoding_beats_the_header() -> None:
    d = decode(page(GBK_ONLY).encode("gbk"), charset="big5", encoding="gbk")
    assert (d.encoding, d.method) == ("gbk", "user")
