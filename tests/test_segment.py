"""Dump artefacts are stripped per dialect, and the evidence measured is what it claims."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.segment import Dialect, _cjk_pieces, clean_line, detect_dialect, segment


def test_markdown_links_and_images_become_anchor_text() -> None:
    ln = clean_line(1, '[![logo](/a.png)](/) [首页](/index) | [新闻](/news "t")', Dialect.HTML2TEXT)
    assert ln.text == "首页 新闻"
    assert ln.anchors == 2
    assert ln.link_share == 1.0


def test_javascript_link_targets_with_spaces_and_parens() -> None:
    raw = "[分享](javascript:window.open\\('x'+e\\(d\\)+'', 'w=7'\\))正文开始"
    assert clean_line(1, raw, Dialect.HTML2TEXT).text == "分享正文开始"


def test_unclosed_link_is_left_as_text() -> None:
    assert clean_line(1, "[not a link](abc", Dialect.HTML2TEXT).text == "[not a link](abc"


def test_author_page_links_are_noted() -> None:
    ln = clean_line(1, "By [Jane Roe](https://example.org/author/jane-roe/)", Dialect.HTML2TEXT)
    assert ln.author_links == ("Jane Roe",)


def test_table_pipes_rules_and_headings() -> None:
    assert clean_line(1, "---|---|---", Dialect.HTML2TEXT).rule
    assert clean_line(1, "| a | b |", Dialect.TABLE).text == "a b"
    h = clean_line(1, "## 小标题", Dialect.HTML2TEXT)
    assert (h.heading, h.text) == (2, "小标题")


def test_lynx_artefacts() -> None:
    ln = clean_line(
        1, "   [logo.gif] 关键字搜索__________ [BUTTON Input] (not implemented)", Dialect.LYNX
    )
    assert ln.text == "关键字搜索"


def test_letter_spaced_cjk_is_joined() -> None:
    assert clean_line(1, "環 保 團 體 冀 所 有 基 建", Dialect.LYNX).text == "環保團體冀所有基建"


def test_fragments_tell_headline_rows_from_prose() -> None:
    row = clean_line(1, "固网宽带龟速 两铁选举加班车 消费申诉多 投票日车潮", Dialect.PLAIN)
    prose = clean_line(1, "经过两个月的施工，城区河道清淤工程日前全部完工。", Dialect.PLAIN)
    assert row.fragments == 4
    assert prose.fragments == 1


def test_dialects() -> None:
    md = ["# T", "[a](/a)", "* [b](/b)", "text  "]
    lynx = ["   [logo.gif]", "     * 首页", "   当前位置：首页", "   ____________"]
    table = ["|", "标题 |", "|", "正文"]
    assert detect_dialect(md) is Dialect.HTML2TEXT
    assert detect_dialect(lynx) is Dialect.LYNX
    assert detect_dialect(table) is Dialect.TABLE
    assert detect_dialect(["just a line", "another"]) is Dialect.PLAIN


def test_segment_keeps_one_record_per_line() -> None:
    _, lines = segment(["a", "", "b"])
    assert [ln.number for ln in lines] == [1, 2, 3]
    assert lines[1].blank


def test_markup_text_keeps_links_or_images_on_request() -> None:
    from reader.segment import markup_text

    raw = "See [the minutes](/m) and ![chart](/c.png) here [x](javascript:void\\(0\\))"
    assert markup_text(raw, links=True, images=False) == "See [the minutes](/m) and here x"
    assert (
        markup_text(raw, links=False, images=True) == "See the minutes and ![chart](/c.png) here x"
    )


def test_a_day_before_a_month_name_is_a_date_not_a_list_number() -> None:
    line = clean_line(1, "   31. März 2020", Dialect.LYNX)
    assert (line.text, line.bullet) == ("31. März 2020", False)
    item = clean_line(2, "   31. Punkt der Liste", Dialect.LYNX)
    assert (item.text, item.bullet) == ("Punkt der Liste", True)


def test_a_link_wrapped_over_lines_is_link_text_and_its_tail_is_markup() -> None:
    opener = clean_line(1, "[ Russia: strikes on Syria a wrong move", Dialect.HTML2TEXT)
    assert (opener.text, opener.link_share) == ("Russia: strikes on Syria a wrong move", 1.0)
    tail = clean_line(2, '](/news/russia-608398 "Russia: strikes on Syria")', Dialect.HTML2TEXT)
    assert tail.empty
    rest = clean_line(3, "](/x) and the sentence goes on", Dialect.HTML2TEXT)
    assert rest.text == "and the sentence goes on"


def test_a_lynx_data_uri_image_is_markup_not_text() -> None:
    raw = "   [svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAzMiAzMiIgd2lk]"
    _, lines = segment([raw], Dialect.LYNX)
    assert lines[0].empty


# What _cjk_pieces stands for: one regex, whose Han-range classes cost 2 ms to compile each start.
CJK_GAP = re.compile(
    r"(?<=[\u3400-\u9fff\uff01-\uff5e」』”）】》])\s+(?=[\u3400-\u9fff「『“（【《])"
)


@given(
    st.text(
        alphabet="中文環保 \u3000\t\xa0a1（）「」『』“”【】《》！～，。\u33ff\ua000\uff5f",
        max_size=16,
    )
)
def test_cjk_gaps_are_found_as_the_han_range_regex_finds_them(text: str) -> None:
    assert _cjk_pieces(text) == CJK_GAP.split(text)
