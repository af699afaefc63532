"""Each parser pass on its own, on small pages written for the test.

``state_before(page, name)`` runs the passes before ``name`` so that the page holds what that pass
reads; the test then runs the pass alone and checks what it decided (and that the page records
it as the decider).
"""

from __future__ import annotations

import inspect

import pytest

import reader.parse as parse
from reader import Part, read_text
from reader.parse import PASSES, Page, run_passes
from reader.segment import segment
from tests.test_parse import COUNCIL as ENGLISH
from tests.test_parse import PARA, PARA2

NAV = "\n".join(f"[栏目{i}](/c/{i})" for i in range(8))


def page_of(text: str) -> Page:
    dialect, lines = segment(text.split("\n"))
    return Page(lines, dialect)


def state_before(text: str, name: str) -> Page:
    """The page as the pass called ``name`` finds it."""
    names = [p.__name__ for p in PASSES]
    return run_passes(page_of(text), PASSES[: names.index(name)])


def run_one(page: Page, name: str) -> Page:
    step = next(p for p in PASSES if p.__name__ == name)
    return run_passes(page, [step])


def after_whole_run(text: str, name: str) -> Page:
    """The page after ``classify_run`` over a run of all its lines, then the pass ``name``."""
    page = state_before(text, "classify_run")
    page.start, page.end = 0, len(page.lines)
    return run_one(run_one(page, "classify_run"), name)


def decided(page: Page, name: str) -> dict[int, Part]:
    """The lines (1-based) the pass ``name`` decided, with their parts."""
    return {
        page.lines[i].number: p
        for i, p in enumerate(page.part)
        if page.step[i] == name and p is not None
    }


def test_every_pass_is_documented_in_order() -> None:
    """The module docstring lists the passes in the order they run: the list is the algorithm."""
    doc = parse.__doc__ or ""
    places = [doc.find(f"``{p.__name__}``") for p in PASSES]
    assert all(at >= 0 for at in places), [
        p.__name__ for p, at in zip(PASSES, places, strict=True) if at < 0
    ]
    assert places == sorted(places)
    for p in PASSES:
        assert inspect.getdoc(p), f"{p.__name__} says nothing of its evidence"


def test_mark_markup() -> None:
    page = run_one(page_of("| |\n\nSome text here.\n---"), "mark_markup")
    assert decided(page, "mark_markup") == {1: Part.BOILERPLATE, 2: Part.BLANK, 4: Part.BOILERPLATE}
    assert page.part[2] is None  # text is left to later passes


@pytest.mark.parametrize(
    ("text", "dayfirst"),
    [
        (f"{ENGLISH}\nPosted 06/02/2022", False),  # English: month first
        (f"{ENGLISH}\nPosted 06/02/2022, updated 13/02/2022", True),  # the page's own dates say
        ("Le conseil municipal a voté le budget de l'année prochaine lundi soir. " * 5, True),
    ],
)
def test_read_date_order(text: str, dayfirst: bool) -> None:
    page = run_one(state_before(text, "read_date_order"), "read_date_order")
    assert page.dayfirst is dayfirst


def test_find_bylines_finds_labelled_lines_not_prose() -> None:
    text = f"# 标题\n\n作者：张三 来源：新华社\n\n{PARA}\n\n据新华社电（记者 王五）{PARA2}"
    page = run_one(state_before(text, "find_bylines"), "find_bylines")
    assert list(page.bylines) == [2]
    assert page.bylines[2].authors == ["张三"]


def test_weigh_lines_cuts_a_line_printed_twice() -> None:
    from reader.parse.run import REPEAT_WEIGHT

    # Repeats count only where they are the exception: three lines here are printed once.
    rest = f"{PARA}\n\n{ENGLISH}\n\n{ENGLISH[:60]}"
    once = run_one(state_before(f"{PARA2}\n\n{rest}\n\n{PARA}", "weigh_lines"), "weigh_lines")
    twice = run_one(state_before(f"{PARA2}\n\n{rest}\n\n{PARA2}", "weigh_lines"), "weigh_lines")
    assert twice.weights[0] == pytest.approx(REPEAT_WEIGHT * once.weights[0])
    assert once.weights[0] > 0


def test_choose_run_takes_the_paragraphs_not_the_menu() -> None:
    text = f"{NAV}\n\n# 标题在这里\n\n{PARA}\n\n{PARA2}\n\n{NAV}"
    page = run_one(state_before(text, "choose_run"), "choose_run")
    texts = [page.lines[i].text for i in range(page.start, page.end) if not page.lines[i].empty]
    assert PARA in texts and PARA2 in texts
    assert not any(t.startswith("栏目") for t in texts)


def test_choose_run_stops_at_readers_comments() -> None:
    comments = "\n\n".join(
        f"Reader{k} on May {k}, 2018 at 4:47 pm said:\n\n{ENGLISH}" for k in range(1, 4)
    )
    text = f"# A headline of the article\n\n{ENGLISH}\n\n{comments}"
    page = run_one(state_before(text, "choose_run"), "choose_run")
    assert page.lines[page.end - 1].text.startswith("The council") or page.end <= 4


def test_absorb_table_extends_the_run_over_rows() -> None:
    rows = "\n".join(f"| 区县{k} | {k * 10} | {k * 3} | 增长 |" for k in range(1, 7))
    text = f"# 标题在这里\n\n{PARA}\n\n{PARA2}\n\n{rows}\n\n版权所有 某某市人民政府"
    page = state_before(text, "absorb_table")
    end = page.end
    run_one(page, "absorb_table")
    assert page.end > end
    assert page.lines[page.end - 1].text.startswith("区县6")


def test_start_below_headline_drops_the_widget_above_it() -> None:
    page = page_of(f"{PARA2}\n\n# 标题在这里\n\n{PARA}")
    page.start, page.end = 0, len(page.lines)
    run_one(page, "start_below_headline")
    assert page.lines[page.start - 1].heading == 1


def test_skip_leading_list() -> None:
    ticker = "\n".join(f"* 快讯第{k}条：某某地发生一件事情…" for k in range(5))
    page = page_of(f"{ticker}\n{PARA}\n\n{PARA2}")
    page.start, page.end = 0, len(page.lines)
    run_one(page, "skip_leading_list")
    assert page.lines[page.start].text == PARA


def test_start_at_byline_leaves_the_headline_out() -> None:
    text = f"标题在这里\n\n作者：张三\n\n{PARA}"
    page = state_before(text, "start_at_byline")
    page.start = 0
    run_one(page, "start_at_byline")
    assert page.lines[page.start].text.startswith("作者")


def test_classify_run_gives_links_and_crumbs_to_boilerplate() -> None:
    text = f"首页 > 新闻 > 本地\n{PARA}\n[更多新闻](/more) [专题](/t)\n{PARA2}"
    page = state_before(text, "classify_run")
    page.start, page.end = 0, 4
    run_one(page, "classify_run")
    assert decided(page, "classify_run") == {
        1: Part.BOILERPLATE,
        2: Part.BODY,
        3: Part.BOILERPLATE,
        4: Part.BODY,
    }
    assert page.why[0] == "breadcrumb"


def test_cut_after_related_drops_the_lists_after_the_heading() -> None:
    text = f"{PARA}\n\n{PARA2}\n\n相关新闻\n\n记者从会上获悉此事。"
    page = after_whole_run(text, "cut_after_related")
    assert decided(page, "cut_after_related") == {7: Part.BOILERPLATE}


def test_unswallow_teasers() -> None:
    text = f"{PARA}\n\n{PARA2}\n\n另一篇文章的开头写了这样一段话，后面还有很多内容……"
    page = after_whole_run(text, "unswallow_teasers")
    assert decided(page, "unswallow_teasers") == {5: Part.TEASER}


def test_settle_text_fixes_the_ends() -> None:
    text = f"标题在这里\n\n{PARA}\n\n{PARA2}\n\n版权所有 某某市人民政府"
    page = run_one(state_before(text, "settle_text"), "settle_text")
    assert (page.first_body, page.last_body) == (2, 4)


def test_bylines_above_and_below_the_text() -> None:
    text = (
        f"# 标题在这里\n\n来源：新华社 2023-04-01\n\n{PARA}\n\n{PARA2}\n\n责任编辑：李四\n\n{NAV}"
    )
    page = state_before(text, "bylines_above_text")
    run_passes(page, [parse.bylines_above_text, parse.bylines_below_text])
    assert decided(page, "bylines_above_text") == {3: Part.METADATA}
    assert decided(page, "bylines_below_text") == {9: Part.METADATA}


LINKS = "\n".join(f"[栏目{k}](/c/{k})" for k in range(45))


def placed_above_para(text: str, name: str) -> dict[int, Part]:
    """What the pass ``name`` decides on a page whose text starts at PARA."""
    page = state_before(text, name)
    page.first_body = next(i for i, ln in enumerate(page.lines) if ln.text == PARA)
    return decided(run_one(page, name), name)


def test_far_byline_only_when_none_is_near() -> None:
    filler = "\n".join(LINKS.split("\n")[:20])
    text = f"# 标题在这里\n\n作者：张三\n\n{filler}\n\n{PARA}\n\n{PARA2}"
    assert placed_above_para(text, "far_byline") == {3: Part.METADATA}
    near = f"# 标题在这里\n\n作者：张三\n\n{PARA}\n\n{PARA2}"
    assert placed_above_para(near, "far_byline") == {}  # bylines_above_text took it


def test_counted_byline_is_the_only_view_count() -> None:
    text = f"点击数：123\n\n{LINKS}\n\n{PARA}\n\n{PARA2}"
    assert placed_above_para(text, "counted_byline") == {1: Part.METADATA}
    two = f"点击数：123\n\n点击数：45\n\n{LINKS}\n\n{PARA}\n\n{PARA2}"
    assert placed_above_para(two, "counted_byline") == {}


def test_choose_title_takes_the_heading_above_the_text() -> None:
    text = f"{NAV}\n\n# 市政府召开经济形势分析会_某某网\n\n{PARA}\n\n{PARA2}"
    page = run_one(state_before(text, "choose_title"), "choose_title")
    assert page.title == "市政府召开经济形势分析会"
    assert decided(page, "choose_title") == {10: Part.TITLE}


def test_byline_above_headline() -> None:
    # A box of links between the headline and the text: a date alone that far up is not taken as
    # the article's unless it stands right above the headline.
    box = "\n".join(f"[Topic {k}](/t/{k})" for k in range(16))
    text = f"Posted on 30 September 2018\n\n# A headline of the article\n\n{box}\n\n{ENGLISH}"
    page = state_before(text, "byline_above_headline")
    run_one(page, "byline_above_headline")
    assert decided(page, "byline_above_headline") == {1: Part.METADATA}


def test_classify_outside() -> None:
    text = f"{NAV}\n\n# 标题在这里\n\n{PARA}\n\n{PARA2}\n\n相关新闻\n\n* 另一篇文章的标题写在这里"
    page = state_before(text, "classify_outside")
    run_one(page, "classify_outside")
    got = decided(page, "classify_outside")
    assert got[1] is Part.BOILERPLATE  # the menu
    assert got[len(page.lines) - 2] is Part.BOILERPLATE  # the related heading
    assert got[len(page.lines)] is Part.TEASER  # its item
    assert None not in page.part


def test_name_under_headline() -> None:
    text = f"# 一篇散文的标题\n\n胡平\n\n{PARA}\n\n{PARA2}"
    page = state_before(text, "name_under_headline")
    run_one(page, "name_under_headline")
    assert decided(page, "name_under_headline") == {3: Part.METADATA}
    assert page.bylines[2].authors == ["胡平"]


def test_find_dateline() -> None:
    text = f"# 标题在这里\n\n某某网 2005-07-18 13:03:17\n\n{PARA}\n\n{PARA2}"
    page = run_one(state_before(text, "find_dateline"), "find_dateline")
    assert page.dateline == "2005-07-18T13:03:17"


def test_explanations_name_the_deciding_pass() -> None:
    a = read_text(f"# 市政府召开经济形势分析会\n\n作者：张三\n\n{PARA}\n")
    steps = {e.line: e.step for e in a.explanations}
    assert steps == {
        1: "choose_title",
        2: "mark_markup",
        3: "bylines_above_text",
        4: "mark_markup",
        5: "classify_run",
    }


def test_trace_lists_every_pass_once_in_order() -> None:
    from reader.parse import parse_text

    trace: list[tuple[str, float]] = []
    parse_text(f"# 标题\n\n{PARA}\n", trace=trace)
    names = [name for name, _ in trace]
    assert names == ["segment", *(p.__name__ for p in PASSES), "assemble"]
    assert all(seconds >= 0 for _, seconds in trace)


def test_only_credits_takes_the_one_editor_line_far_below() -> None:
    links = "\n".join(f"[栏目{k}](/c/{k})" for k in range(12))
    text = f"# 标题在这里\n\n{PARA}\n\n{PARA2}\n\n{links}\n\n( 编辑： 李志强 ) 【字号：大 中 小】【打印】"
    page = run_one(state_before(text, "only_credits"), "only_credits")
    got = decided(page, "only_credits")
    assert list(got.values()) == [Part.METADATA]
    assert page.bylines[next(iter(got)) - 1].editor == "李志强"


def test_only_credits_takes_none_of_a_lists_many_sources() -> None:
    items = "\n\n".join(f"来源：某某日报{k} 其他文章的标题第{k}篇" for k in range(4))
    text = f"# 标题在这里\n\n{PARA}\n\n{PARA2}\n\n{items}"
    page = run_one(state_before(text, "only_credits"), "only_credits")
    assert decided(page, "only_credits") == {}


def test_byline_under_headline() -> None:
    box = "\n".join(f"[Topic {k}](/t/{k})" for k in range(16))
    text = f"# A headline of the article\n\nPosted on 30 September 2018\n\n{box}\n\n{ENGLISH}"
    page = run_one(state_before(text, "byline_under_headline"), "byline_under_headline")
    assert decided(page, "byline_under_headline") == {3: Part.METADATA}


def test_read_text_credits_reads_the_dateline_and_the_sign_off() -> None:
    text = f"# 标题在这里\n\n新华社北京1月12日电（记者 王建国）{PARA}\n\n{PARA2}（李晓梅 编辑）"
    page = run_one(state_before(text, "read_text_credits"), "read_text_credits")
    assert page.lead is not None and page.closing is not None
    assert (page.lead.authors, page.lead.source) == (["王建国"], "新华社")
    assert page.closing.editor == "李晓梅"
    assert page.lead.origin["authors"] == ("opening credit", 3)
