"""Dates in every common form become ISO 8601; counters and phone numbers are not dates."""

from __future__ import annotations

import pytest

from reader.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("更新时间:2022/11/20 0:25:22", "2022-11-20T00:25:22"),
        ("2022-11-20 00:25", "2022-11-20T00:25:00"),
        ("2022年11月20日 00:25", "2022-11-20T00:25:00"),
        ("2022年11月20日", "2022-11-20"),
        ("发布时间：2022/11/20", "2022-11-20"),
        ("11/20/2022", "2022-11-20"),
        ("20/11/2022", "2022-11-20"),  # the first number cannot be a month
        ("20.11.2022", "2022-11-20"),
        ("Nov 20, 2022", "2022-11-20"),
        ("November 20th, 2022 at 9:05 pm", "2022-11-20T21:05:00"),
        ("20 November 2022", "2022-11-20"),
        ("7/5/2005 9:23:57 PM", "2005-07-05T21:23:57"),
        ("2012.01.11 10:25 pm", "2012-01-11T22:25:00"),
        ("2011年12月", "2011-12"),
    ],
)
def test_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text", ["点击数: 1024", "电话 0871-64166935", "2022-13-45", "version 1.2.3", "第 2022 期"]
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_several_dates_in_order() -> None:
    found = find_dates("发布 2021-01-02，更新 2021年3月4日")
    assert [f.iso for f in found] == ["2021-01-02", "2021-03-04"]


def test_day_first_on_request() -> None:
    assert parse_date("03/05/2022 21:44", dayfirst=True) == "2022-05-03T21:44:00"
    assert parse_date("03/05/2022 21:44") == "2022-03-05T21:44:00"
    assert parse_date("13/05/2022", dayfirst=False) == "2022-05-13"  # cannot be month-first


def test_german_and_french_month_names() -> None:
    assert parse_date("16. März 2021") == "2021-03-16"
    assert parse_date("30 septembre 2018") == "2018-09-30"


def test_month_names_of_more_languages_and_glued_dates() -> None:
    cases = {
        "Original Research7 April 2020": "2020-04-07",
        "10 de maio de 2022": "2022-05-10",
        "5 марта 2020 г.": "2020-03-05",
        "12 października 2019": "2019-10-12",
        "3 settembre 2021": "2021-09-03",
    }
    for text, iso in cases.items():
        assert [f.iso for f in find_dates(text, dayfirst=True)] == [iso], text
    assert find_dates("Version 1.2 May 2020") == []  # a version number, not a day


def test_a_closing_citation_dates_an_essay_in_a_dump_to_the_day_only() -> None:
    from reader import read_text

    para = "文化革命是一场有着极为广泛的群众参与的政治运动。因此，如何理解这种广泛的群众参与，就成为理解文革的重要内容。"
    page = f"比赛革命的革命\n\n{para}\n\n{para}\n\n      ——《北京之春》1996年6月3日\n"
    a = read_text(page)
    assert (a.metadata.published, a.metadata.source) == ("1996-06-03", "北京之春")
    # An issue's month dates no day: no date rather than a guess; the source stands.
    a = read_text(page.replace("6月3日", "6月号"))
    assert (a.metadata.published, a.metadata.source) == (None, "北京之春")


def test_every_month_name_wakes_the_named_month_patterns() -> None:
    """They compile only for a line with a Latin, Greek or Cyrillic letter: a name without one
    would never be read."""
    from reader.dates import _MONTH_LETTER, MONTHS

    for name in MONTHS:
        for form in (name, name.upper(), name.title()):
            assert _MONTH_LETTER.search(form), form
    assert _MONTH_LETTER.search("更新时间：2022年11月20日 12:30") is None
