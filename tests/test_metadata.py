"""Byline reading: labels in Simplified, Traditional and English, several fields a line."""

from __future__ import annotations

import pytest

from reader.byline import closing_byline, find_credit, read_byline
from reader.names import latin_name_line, name_line, split_names, staff_name


def test_several_fields_on_one_line() -> None:
    b = read_byline(
        "作者：王堃、李晓梅 来源：青石镇人民政府 发布时间：2023年4月18日 09:30 浏览次数：1,286"
    )
    assert b.authors == ["王堃", "李晓梅"]
    assert b.source == "青石镇人民政府"
    assert b.published == "2023-04-18T09:30:00"
    assert b.views == 1286


def test_traditional_labels() -> None:
    b = read_byline("2023-05-06 18:42:10　來源：山城日報　記者 林志明 報導")
    assert b.authors == ["林志明"]  # 報導 ("reports") is not a name
    assert b.source == "山城日報"
    assert b.date == "2023-05-06T18:42:10"


def test_placeholders_are_not_names_and_empty_counters_not_numbers() -> None:
    b = read_byline("作者:佚名 文章来源:本站原创 点击数: 更新时间:2022/11/20 0:25:22")
    assert b.authors == []
    assert b.views is None
    assert b.source == "本站原创"  # "this site's own" does answer "where from"


@pytest.mark.parametrize("who", ["admin", "未知", "本站", "匿名"])
def test_more_placeholders(who: str) -> None:
    assert read_byline(f"作者：{who}").authors == []


def test_editor_is_never_an_author() -> None:
    b = read_byline("责任编辑：赵敏")
    assert b.editor == "赵敏"
    assert b.authors == []


def test_source_is_not_an_author() -> None:
    b = read_byline("来源：新华社")
    assert b.source == "新华社"
    assert b.authors == []


def test_english_by_line_with_two_authors() -> None:
    assert read_byline("By Maria Jones and Tom Baker").authors == ["Maria Jones", "Tom Baker"]
    assert read_byline("Posted by Ann Lee, Bo Chan").authors == ["Ann Lee", "Bo Chan"]


def test_english_published_and_updated() -> None:
    b = read_byline("Published: Nov 20, 2022 10:45 | Updated: Nov 21, 2022")
    assert b.published == "2022-11-20T10:45:00"
    assert b.updated == "2022-11-21"


def test_reporter_glued_to_label_and_location_dropped() -> None:
    assert read_byline("【晚报╱记者李树人／即时报导】").authors == ["李树人"]
    assert read_byline("新京报记者 彭冲 山东冠县报道").authors == ["彭冲"]


def test_wen_slash_author() -> None:
    assert read_byline("文/张小北").authors == ["张小北"]


def test_split_names_separators() -> None:
    assert split_names("张三、李四，王五") == ["张三", "李四", "王五"]
    assert split_names("Ann Lee and Bo Chan") == ["Ann Lee", "Bo Chan"]


def test_trailing_credit_and_authors() -> None:
    assert (
        find_credit("……今年以来成效明显。（某某区委宣传部 某某某供稿）")
        == "某某区委宣传部 某某某供稿"
    )
    assert closing_authors("……发展的重要一年。（记者 胡小蓉）") == ["胡小蓉"]
    assert closing_authors("……他说。（周峰 上海报道）") == ["周峰"]
    assert closing_authors("……完成任务。（新华社）") == []  # an organisation, not a person


def closing_authors(text: str) -> list[str]:
    found = closing_byline(text)
    return found.authors if found is not None else []


def test_name_line() -> None:
    assert name_line("赵小东、风大天") == ["赵小东", "风大天"]
    assert name_line("这是一句完整的话，并不是名字。") == []


def test_unlabelled_date_beside_a_labelled_update() -> None:
    b = read_byline("By Cat Lee/June 12, 2020 9:49 am/Updated: Aug. 18, 2020 4:17 pm")
    assert b.date == "2020-06-12T09:49:00"
    assert b.updated == "2020-08-18T16:17:00"


def test_a_short_word_between_label_and_date() -> None:
    b = read_byline("Veröffentlicht am 13. März 2019 von Michael Weber")
    assert b.published == "2019-03-13"
    assert b.authors == ["Michael Weber"]


def test_forum_and_blog_post_dates() -> None:
    assert read_byline("本贴由大卫 于2005年8月12日16:12:21在〖心理咨询〗发表.").published == (
        "2005-08-12T16:12:21"
    )
    assert (
        read_byline("[收藏本文] 发表于2005年09月07日 11:57 AM").published == "2005-09-07T11:57:00"
    )


def test_forum_poster_is_the_author() -> None:
    assert read_byline("本贴由大卫 于2005年8月12日16:12:21在〖心理咨询〗发表.").authors == ["大卫"]
    assert read_byline("发布时间 2005/03/15 22:36:13 by duscha").authors == ["duscha"]
    # A blog's post footer: "posted by … @ date".
    assert read_byline("由海鸥张贴 @ 2005-06-14 03:25:55 (370)").authors == ["海鸥"]
    assert read_byline("由校方张贴通知，2005年起实行").authors == []


@pytest.mark.parametrize(
    ("text", "below", "names"),
    [
        ("Richard Roe Education editor", "", ["Richard Roe"]),
        ("Anna K. Roe Staff Writer", "", ["Anna K. Roe"]),
        ("Jan van der Berg Political correspondent", "", ["Jan van der Berg"]),
        ("Steven Roe", "Mitglied der Tonight News-Redaktion", ["Steven Roe"]),
        ("Marie Roe", "rédactrice en chef", ["Marie Roe"]),
        ("Higher Education", "Town Hall", []),  # two capitalised words, no role
        ("Steven Roe", "Tickets ab 20 Euro", []),
        ("By Meg RoeStaff Writer", "", []),  # a labelled byline: read_byline's
    ],
)
def test_a_staff_line_is_a_name_with_a_newsroom_role(
    text: str, below: str, names: list[str]
) -> None:
    assert staff_name(text, below) == names


def test_section_labels_beside_a_date_are_no_names() -> None:
    assert latin_name_line("Original Research") == []
    assert latin_name_line("Breaking News") == []
    assert latin_name_line("Jane Roe") == ["Jane Roe"]


@pytest.mark.parametrize(
    ("text", "views"),
    [
        ("2004-12-10      阅读10544次", 10544),
        ("点击 123 次", 123),
        ("浏览1,234人次", 1234),
        ("阅读全文", None),  # "read on": a link, not a count
    ],
)
def test_a_count_of_times_needs_no_colon(text: str, views: int | None) -> None:
    assert read_byline(text).views == views


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("источник: РИА Новости", "РИА Новости"),
        ("Quelle: dpa", "dpa"),
        ("Fonte: Agência Brasil", "Agência Brasil"),
        ("Źródło: PAP", "PAP"),
    ],
)
def test_source_labels_in_more_languages(text: str, source: str) -> None:
    assert read_byline(text).source == source


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Автор: Михаил ДЕРИШЕВ", ["Михаил ДЕРИШЕВ"]),  # a space inside a name, not between two
        ("Автор: Михаил Деришев, Ольга Козлова", ["Михаил Деришев", "Ольга Козлова"]),
        ("By José Álvarez", ["José Álvarez"]),
        ("Von Jörg Müller", ["Jörg Müller"]),
        ("作者：王建宏 张文攀", ["王建宏", "张文攀"]),  # a space between two CJK names
    ],
)
def test_names_in_spaced_scripts_keep_their_spaces(text: str, authors: list[str]) -> None:
    assert read_byline(text).authors == authors


def test_a_follow_button_is_no_name() -> None:
    assert name_line("关注") == []
    assert name_line("张三") == ["张三"]
