"""Each byline form on a page written for the test: Simplified, Traditional and English.

Every case is a whole page (headline, byline, text), read by the real parser, and says which
form gave the authors (what ``reader explain`` reports).
"""

from __future__ import annotations

import pytest

from reader import read_text
from reader.byline import closing_byline, lead_byline, read_byline, read_credit
from reader.names import names_and_outlet, split_names, split_run

SIMPLE = (
    "今年以来，全市上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，各项社会事业取得新进展。"
)
SIMPLE2 = (
    "下一步，我们将继续优化营商环境，加大招商引资力度，推动重点项目早日建成投产，打下坚实基础。"
)
TRAD = (
    "衛生局今天表示，因應春節期間的流感疫情，已請各縣市約兩百家醫院於春節期間提供公費藥物給民眾。"
)
TRAD2 = "衛生局提醒民眾，出現發燒、咳嗽等症狀時應戴口罩並儘速就醫，避免傳染給家人與同事，保護自己。"
ENGLISH = (
    "The council met on Monday and approved the budget for the coming year after a long debate. "
    * 2
)


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


CASES = [
    pytest.param(
        page(
            "# 市政府召开经济形势分析会",
            f"新华社北京1月12日电（记者 王建国 李晓梅）{SIMPLE}",
            SIMPLE2,
        ),
        ["王建国", "李晓梅"],
        "新华社",
        None,
        "opening credit",
        id="zh-dateline-credit",
    ),
    pytest.param(
        page("# 春節流感疫情升溫 衛生局提醒", f"【台灣新生報／記者蘇湘雲／台北報導】{TRAD}", TRAD2),
        ["蘇湘雲"],
        "台灣新生報",
        None,
        "opening credit",
        id="zh-hant-bracketed-lead",
    ),
    pytest.param(
        page("# 春節流感疫情升溫 衛生局提醒", "【聯合晚報╱記者李樹人／即時報導】", TRAD, TRAD2),
        ["李樹人"],
        "聯合晚報",
        None,
        "bracketed lead",
        id="zh-hant-bracketed-line",
    ),
    pytest.param(
        page("# 市政府召开经济形势分析会", SIMPLE, f"{SIMPLE2}（记者 胡晓蓉）"),
        ["胡晓蓉"],
        None,
        None,
        "closing credit",
        id="zh-closing-credit",
    ),
    pytest.param(
        page("# 市政府召开经济形势分析会", SIMPLE, f"{SIMPLE2}(曉明)"),
        ["曉明"],
        None,
        None,
        "closing credit",
        id="zh-closing-bare-name",
    ),
    pytest.param(
        page(
            "# 市政府召开经济形势分析会",
            "http://www.example.cn 2012年01月12日 15:57 南方日报",
            SIMPLE,
            SIMPLE2,
        ),
        [],
        "南方日报",
        None,
        None,
        id="zh-source-after-the-date",
    ),
    pytest.param(
        page("# 市政府召开经济形势分析会", "□ 本报记者 张建华", SIMPLE, SIMPLE2),
        ["张建华"],
        None,
        None,
        "label",
        id="zh-box-reporter",
    ),
    pytest.param(
        page(
            "# 市政府召开经济形势分析会",
            "作者：半月谈记者谭飞王艳明闫鹃 稿源：《半月谈内部版》",
            SIMPLE,
            SIMPLE2,
        ),
        ["谭飞", "王艳明", "闫鹃"],
        "半月谈内部版",
        None,
        "reporter's credit",
        id="zh-names-run-together",
    ),
    pytest.param(
        page("# 市政府召开经济形势分析会", SIMPLE, SIMPLE2, "[责任编辑：王俞]  标签：经济 会议"),
        [],
        None,
        "王俞",
        None,
        id="zh-editor-with-tags",
    ),
    pytest.param(
        page("# 市政府召开经济形势分析会", "来源：人民日报  字号：大 中 小", SIMPLE, SIMPLE2),
        [],
        "人民日报",
        None,
        None,
        id="zh-source-with-furniture",
    ),
    pytest.param(
        page("# Council approves the new budget", "By Jane Roe, Staff Writer", ENGLISH),
        ["Jane Roe"],
        None,
        None,
        "by-line",
        id="en-by-name-role",
    ),
    pytest.param(
        page("# Council approves the new budget", "Tom Davies Associated Press", ENGLISH),
        ["Tom Davies"],
        "Associated Press",
        None,
        "writers and their outlet under the headline",
        id="en-name-outlet",
    ),
    pytest.param(
        page(
            "# Council approves the new budget",
            ENGLISH,
            "(Reporting by Jane Roe in Paris; additional reporting by John Doe; Editing by Ann Lee)",
        ),
        ["Jane Roe", "John Doe"],
        None,
        "Ann Lee",
        "closing credit",
        id="en-reporting-by",
    ),
    pytest.param(
        page(
            "# Council approves the new budget", "By\nJane Roe\nNov. 19, 2019 8:02 am ET", ENGLISH
        ),
        ["Jane Roe"],
        None,
        None,
        "by-line",
        id="en-by-word-on-its-own-line",
    ),
    pytest.param(
        page("# Council approves the new budget", "Author:\nThe Water Coolest", ENGLISH),
        ["The Water Coolest"],
        None,
        None,
        "label",
        id="en-label-then-value-line",
    ),
    pytest.param(
        page("# Council approves the new budget", "Reuters", f"WASHINGTON — {ENGLISH}"),
        ["Reuters"],
        None,
        None,
        "a name alone under the headline",
        id="en-wire-agency-alone",
    ),
    pytest.param(
        page("# Council approves the new budget", f"SANTA FE, N.M. (AP) — {ENGLISH}"),
        [],
        "AP",
        None,
        None,
        id="en-agency-dateline",
    ),
    pytest.param(
        page("# Δημοτικό συμβούλιο", "Συντάκτης: Μαρία Παπαδοπούλου", ENGLISH),
        ["Μαρία Παπαδοπούλου"],
        None,
        None,
        "label",
        id="el-label",
    ),
    pytest.param(
        page("# Решение городского совета", "Автор: Михаил Петров", ENGLISH),
        ["Михаил Петров"],
        None,
        None,
        "label",
        id="ru-label",
    ),
]


@pytest.mark.parametrize(("text", "authors", "source", "editor", "form"), CASES)
def test_byline_forms(
    text: str, authors: list[str], source: str | None, editor: str | None, form: str | None
) -> None:
    a = read_text(text)
    m = a.metadata
    assert (list(m.authors), m.source, m.editor) == (authors, source, editor)
    given = {name: how for name, how, _ in a.fields_from}
    assert given.get("authors") == form


def test_byline_fields_say_their_line() -> None:
    a = read_text(page("# 市政府召开经济形势分析会", "作者：张三 来源：新华社", SIMPLE))
    assert a.fields_from == (("authors", "label", 3), ("source", "label", 3))


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("实习记者 王璐", ["王璐"]),  # role words are no names
        ("马 燕", ["马燕"]),  # a name padded with a space
        ("李兆清 江蘇南通 職員", ["李兆清"]),  # where from, and the job, are no names
        ("王霄 发自上海", ["王霄"]),
        ("Xeni Jardin at", ["Xeni Jardin"]),  # a small word starts what follows the name
        ("Michael HiltzikBusiness Columnist", ["Michael Hiltzik"]),  # a role glued on
        ("Dr.Αναστασία Μοσχοβάκη", ["Αναστασία Μοσχοβάκη"]),  # a title before it
        ("查看评论", []),  # interface words
        ("Fonts Size", []),
        ("张三、李四", ["张三", "李四"]),
    ],
)
def test_split_names(value: str, names: list[str]) -> None:
    assert split_names(value) == names


def test_names_run_together_split_on_common_surnames() -> None:
    assert split_run("谭飞王艳明闫鹃") == ["谭飞", "王艳明", "闫鹃"]
    assert split_run("李莎莎黎史翔") == ["李莎莎", "黎史翔"]
    assert split_run("核心提示内容") is None  # no name starts there


@pytest.mark.parametrize(
    ("credit", "authors", "editor"),
    [
        ("实习记者 樊亮 张明超 记者惠禾", ["樊亮", "张明超", "惠禾"], None),
        ("記者 李慧婷/文 通訊員 史貝貝/圖", ["李慧婷"], None),  # the photographer is no author
        ("南海网记者陈望 通讯员樊骁", ["陈望", "樊骁"], None),  # the outlet glued to the role
        ("陈巍 编辑", [], "陈巍"),  # the role after the name
        ("记者注意到", [], None),  # prose, not a name
        ("攝影：記者王永勝", [], None),  # 記者 is the photographer's title
    ],
)
def test_read_credit(credit: str, authors: list[str], editor: str | None) -> None:
    b = read_credit(credit)
    assert (b.authors, b.editor) == (authors, editor)


def test_lead_and_closing_forms() -> None:
    lead = lead_byline("中新社北京1月12日电 (记者 于立霄 陈建)今年北京市要加强……")
    assert lead is not None
    assert (lead.authors, lead.source) == (["于立霄", "陈建"], "中新社")
    assert lead_byline("记者注意到，今年的情况有所不同。") is None
    cited = closing_byline("      ——《北京之春》1996年6月号")
    assert cited is not None and cited.source == "北京之春"
    supplied = closing_byline("……(內容由新浪北京提供。未經授權，不得轉載。)")
    assert supplied is not None and supplied.outlet == "新浪北京"
    assert closing_byline("学科、专业名称（代码）") is None  # a gloss, not a signature


def test_values_are_cut_at_page_furniture() -> None:
    assert read_byline("来源：京华时报网络版 暂无网友评论").source == "京华时报网络版"
    assert read_byline("编辑：  兰晶  |  分享到： 腾讯微博 新浪微博").editor == "兰晶"
    assert read_byline("2005-04-27 14:32更新 来源：千龙新闻网").updated == "2005-04-27T14:32:00"


def test_names_and_outlet() -> None:
    assert names_and_outlet("Meg Kinnard and Errin Haines, Associated Press") == (
        ["Meg Kinnard", "Errin Haines"],
        "Associated Press",
    )
    assert names_and_outlet("The council met on Monday") == ([], None)


def test_the_credit_scans_first_test_covers_every_label() -> None:
    # only_credits skips a line holding none of these words: a label added to LABELS without one
    # would never be read there.
    from reader.metadata import LABELS
    from reader.parse.meta import _FIELD_WORDS

    for field, words in _FIELD_WORDS.items():
        assert [label for label in LABELS[field] if not any(w in label for w in words)] == []
