"""Short articles on pages that also carry a heavier block (issue 14): a photo page with a caption,
a two-paragraph brief above a long disclaimer, a paginated article; in html2text, lynx and table
dumps. Each rule is tested on its own, then whole pages in each dialect.

The pages are written for the tests (like the samples ``photo_caption*``, ``brief_disclaimer*``
and ``paginated*``): no corpus text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader import Part, read_text
from reader.parse.lines import (
    is_contact,
    is_footer,
    is_pagination,
    is_promotion,
    related_words,
    weight,
)
from reader.segment import Line, segment
from tests.test_passes import decided, run_one, state_before

HEADLINE = "江湾湿地迎来今冬首批候鸟"
BYLINE = "2023-11-20 09:15 来源：滨江晚报 作者：陈晓帆"
CAPTION = "成群的白鹭在江湾湿地上空盘旋。"
PHOTO_TEXT = (
    "11月19日清晨，江湾湿地公园迎来今冬首批越冬候鸟。管理处工作人员说，今年白鹭和灰鹤比往年早到了"
    "一周，整个冬季预计将有两万余只候鸟在这里停留。"
)
BRIEF = [
    "记者昨日从市公交集团获悉，为方便市民夜间出行，本月5日起，市区将新开通两条夜间公交线路，"
    "运营时间为每天22时至次日凌晨2时，发车间隔为二十分钟。",
    "据介绍，一条线路由火车站开往江湾新城，另一条由高铁东站开往大学城。两条线路全程票价均为2元，"
    "可使用公交卡和手机扫码乘车。",
]
# Three summaries of other articles, each under its (unlinked, as lynx -nolist prints it) headline.
SUMMARIES = [
    (
        "湿地公园扩建工程全面完工",
        "扩建后的湿地公园总面积达到三千亩，新建观鸟台两座、科普步道四公里，游客可以在观鸟台上近距离"
        "观察候鸟觅食和栖息，公园还同步开放了湿地科普展馆，展出动植物标本六百余件。",
    ),
    (
        "江湾片区启动生态修复三年行动",
        "根据行动方案，江湾片区将在三年内完成滩涂复绿、水系连通和外来物种清理等十二项工程，总投资约"
        "四亿元，建成后区域内的水质将稳定达到三类标准，鸟类栖息地面积将扩大一倍以上。",
    ),
    (
        "市民观鸟摄影大赛开始征稿",
        "本次大赛面向全体市民征集以湿地和候鸟为主题的摄影作品，分为风光、生态和纪实三个组别，评委会"
        "将从投稿作品中评选出一等奖三名、二等奖十名、优秀奖五十名，获奖作品将集中展出一个月。",
    ),
]
STATEMENT = (
    "声明：凡本网注明“来源：滨江晚报”的文字、图片和音视频稿件，版权均属滨江晚报所有，任何媒体、"
    "网站或个人未经本网书面授权不得转载、摘编或以其他方式使用。已经本网授权使用作品的，应在授权范围"
    "内使用，并注明“来源：滨江晚报”。凡本网注明“来源：XXX（非滨江晚报）”的作品，均转载自其它媒体，"
    "转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。如因作品内容、版权和其它问题"
    "需要同本网联系的，请在作品发表之日起三十日内进行，逾期本网将不再受理。本网所刊载的图片、音视频"
    "及其他作品，部分来源于网友上传或者其他网站，若涉及侵权，请权利人及时告知，本网将在核实后第一时间"
    "予以删除，由此给您带来的不便敬请谅解。"
)
CONTACT = "新闻热线：0571-86001111 传真：0571-86002222 投稿邮箱：news@example.cn"
RULES = "网友评论仅供其表达个人看法，并不表明本网同意其观点或证实其描述。请文明上网，理性发言。"
SHARE = ["微博", "微信", "QQ空间", "豆瓣", "复制链接", "顶部"]
PAGES = "上一页 1 2 3 下一页"
# What a paginated article's page leaves below its bar: the site's picks, heavier than the text.
PICKS = [
    "据了解，今年全市共有二十三个老旧小区列入改造计划，目前已有十五个小区完工，其余小区将在年底前"
    "全部完成主体施工，届时将惠及居民两万余户，改造内容包括屋面防水、外墙保温和楼道照明等多个方面。",
    "市民服务中心将于下月起延长周末服务时间，周六和周日的办理时间调整为上午九时至下午五时，涉及户籍、"
    "社保、公积金和不动产登记等八十余个事项，市民可通过政务服务网提前预约，减少现场排队等候的时间。",
    "市交通部门表示，地铁四号线二期工程将于明年春节前开通试运营，新增车站九座，线路向东延伸至江湾"
    "新城，开通后从江湾新城到火车站的通行时间将由一个小时缩短到二十五分钟左右，沿线居民出行更加便利。",
]


def line(text: str) -> Line:
    return segment([text])[1][0]


# --- the evidence -------------------------------------------------------------------------


def test_a_long_statement_is_a_footer_however_long() -> None:
    assert line(STATEMENT).size > 200
    assert is_footer(line(STATEMENT))
    assert weight(line(STATEMENT)) == 0


def test_a_long_paragraph_opening_with_a_statement_is_prose() -> None:
    # An article may quote a ministry's statement: without the site's words it stays prose.
    prose = "外交部声明：" + "中方对此表示强烈不满和坚决反对，已向有关方面提出严正交涉，" * 8
    assert line(prose).size > 200
    assert not is_footer(line(prose))


def test_the_rules_over_a_comment_box_are_a_footer() -> None:
    assert is_footer(line(RULES))


@pytest.mark.parametrize(
    ("text", "footer"),
    [
        ("京ICP证000000号 互联网新闻信息服务许可证：31120170001", True),
        ("《中华人民共和国增值电信业务经营许可证》编号：浙B2-20000000", True),
        ("滨江晚报社 版权所有", True),
        # Prose that names a licence in book-title marks, or a copyright owner.
        ("一是在《餐饮服务许可证》颁发之日起3个月内，不给予动态等级评定。", False),
        ("播客在使用其它音乐时，一定要获得版权所有者或制作人的许可。", False),
    ],
)
def test_footer_phrases_inside_sentences(text: str, footer: bool) -> None:
    assert is_footer(line(text)) is footer


def test_contact_lines_weigh_nothing_but_are_no_footers() -> None:
    assert is_contact(line(CONTACT))
    assert weight(line(CONTACT)) == 0
    assert not is_footer(line(CONTACT))  # a notice may print one: given away only by its place
    assert not is_contact(line("联系电话：010-12345678"))  # one label: a line of a notice
    assert not is_contact(line("报名地址：市体育中心，咨询电话：010-12345678。"))  # a sentence


@pytest.mark.parametrize(
    ("text", "bar"),
    [
        (PAGES, True),
        ("[1] [2](/p_2.html) [3](/p_3.html) [下一页](/p_2.html)", True),
        ("第1页/共3页", True),
        ("1 2 3 4", True),
        ("Page 1 of 3", True),
        ("1 2 3 Next", True),
        ("Previous Next", False),  # a gallery's buttons as often
        ("1 | 2 | 4 | 10", False),  # a table's row
        ("下一篇：江湾大桥夜间实行交通管制", False),
        ("第2页：施工期间交通如何组织", False),
    ],
)
def test_is_pagination(text: str, bar: bool) -> None:
    assert is_pagination(line(text)) is bar


def test_is_promotion() -> None:
    assert is_promotion(line("滨江晚报现已开设Facebook专页，让你即时掌握本地新闻，与朋友分享。"))
    assert is_promotion(line("马上成为滨江晚报的Fans"))
    assert not is_promotion(line("网友在微博上关注此事，相关话题阅读量超过一亿次。"))


@pytest.mark.parametrize(
    ("text", "related"),
    [("48小时点击排行", True), ("阅读排行榜", True), ("一週排行", True), ("编辑推荐", True)],
)
def test_rankings_head_lists_of_other_articles(text: str, related: bool) -> None:
    assert related_words(text) is related
    assert not related_words("公司排行榜第一")


# --- the passes -----------------------------------------------------------------------------


def lynx_photo_page(summaries: int = 3) -> str:
    """A photo page as lynx dumps it, a list of other articles with summaries far below it."""
    rows = [HEADLINE, "", f"   {BYLINE}", "", "   [heron.jpg]", "", f"   {CAPTION}", ""]
    rows += [f"   {PHOTO_TEXT}", ""] + [f"   {w}" for w in SHARE] + ["", "本报专题", ""]
    for head, summary in SUMMARIES[:summaries]:
        rows += [f"     * {head}", f"       {summary}", ""]
    return "\n".join(rows)


def run_texts(text: str, name: str) -> list[str]:
    """The lines with text in the run after the pass ``name``."""
    page = run_one(state_before(text, name), name)
    return [page.lines[i].text for i in range(page.start, page.end) if not page.lines[i].empty]


def test_text_under_headline_takes_the_prose_under_the_byline() -> None:
    text = lynx_photo_page()
    before = state_before(text, "text_under_headline")
    assert before.lines[before.start].text.startswith("扩建后")  # the summaries outweigh it
    assert run_texts(text, "text_under_headline") == [CAPTION, PHOTO_TEXT]


def test_text_under_headline_needs_a_headline_above_the_byline() -> None:
    text = lynx_photo_page().replace(HEADLINE, "[1]首页 [2]要闻 [3]本地 [4]财经 [5]文体 [6]图片")
    page = state_before(text, "text_under_headline")
    start = page.start
    assert run_one(page, "text_under_headline").start == start


def test_text_under_headline_joins_a_lead_to_the_text_a_box_parted() -> None:
    # The article goes on below a box of links: its lead joins it, the box is furniture.
    box = "\n".join(f"   * 本报其他报道之第{k}篇" for k in range(10))
    rest = "\n\n".join(f"   {p}" for p in BRIEF + [s for _, s in SUMMARIES] + PICKS)
    text = f"{HEADLINE}\n\n   {BYLINE}\n\n   {PHOTO_TEXT}\n\n{box}\n\n{rest}"
    page = run_one(state_before(text, "text_under_headline"), "text_under_headline")
    assert page.lines[page.start].text == PHOTO_TEXT
    assert page.lines[page.end - 1].text == PICKS[-1]
    box_lines = decided(page, "text_under_headline")
    assert len(box_lines) == 10
    assert set(box_lines.values()) == {Part.BOILERPLATE}


def test_choose_run_stops_at_a_pagination_bar() -> None:
    text = "\n\n".join([f"# {HEADLINE}", BYLINE, *BRIEF, PAGES, *PICKS[:1]])
    texts = run_texts(text, "choose_run")
    assert texts[-1] == BRIEF[-1]
    assert PICKS[0] not in texts
    # Without the bar, the run goes on to the picks.
    assert PICKS[0] in run_texts(text.replace(PAGES, "分享到"), "choose_run")


def test_choose_run_stops_at_every_bar_classify_run_calls_one() -> None:
    """A bar without a page word or the first page's number ("2 3 Next") is still a bar, to the
    run as to the line's part."""
    text = "\n\n".join([f"# {HEADLINE}", BYLINE, *BRIEF, "2 3 Next", *PICKS[:1]])
    texts = run_texts(text, "choose_run")
    assert texts[-1] == BRIEF[-1]
    assert PICKS[0] not in texts


def test_classify_run_gives_a_bar_inside_the_run_to_boilerplate() -> None:
    page = state_before(f"{BRIEF[0]}\n{PAGES}\n{BRIEF[1]}", "classify_run")
    page.start, page.end = 0, 3
    run_one(page, "classify_run")
    assert decided(page, "classify_run")[2] is Part.BOILERPLATE
    assert page.why[1].startswith("pagination")


def test_unswallow_teasers_gives_the_sites_call_to_follow_it_away() -> None:
    promo = "滨江晚报现已开设Facebook专页，让你即时掌握本地新闻，与朋友分享。"
    page = state_before("\n\n".join([*BRIEF, promo]), "classify_run")
    page.start, page.end = 0, len(page.lines)
    run_one(page, "classify_run")
    run_one(page, "unswallow_teasers")
    assert decided(page, "unswallow_teasers") == {5: Part.BOILERPLATE}
    # Before the text's last paragraph it is left alone.
    page = state_before("\n\n".join([BRIEF[0], promo, BRIEF[1]]), "classify_run")
    page.start, page.end = 0, len(page.lines)
    run_one(page, "classify_run")
    assert decided(run_one(page, "unswallow_teasers"), "unswallow_teasers") == {}


# --- whole pages, in each dialect ---------------------------------------------------------


def html2text_page(body: list[str], tail: list[str], *, image: bool = False) -> str:
    nav = " | ".join(f"[栏目{k}](/c/{k}/)" for k in range(6))
    rows = [nav, "---|---|---|---|---|---", "", f"# {HEADLINE}", "", BYLINE, ""]
    if image:
        rows += ["![](/upload/heron.jpg)", "", CAPTION, ""]
    rows += [x for p in body for x in (p, "")]
    return "\n".join(rows + [x for t in tail for x in (t, "")])


def lynx_page(body: list[str], tail: list[str], *, image: bool = False) -> str:
    nav = "   " + " ".join(f"[{k}]栏目{k}" for k in range(1, 7))
    rows = [nav, "", HEADLINE, "", f"   {BYLINE}", ""]
    if image:
        rows += ["   [heron.jpg]", "", f"   {CAPTION}", ""]
    rows += [x for p in body for x in (f"   {p}", "")]
    return "\n".join(rows + [x for t in tail for x in (f"   {t}", "")])


def table_page(body: list[str], tail: list[str], *, image: bool = False) -> str:
    rows = ["|", " | ".join(f"栏目{k}" for k in range(6)) + " |", "|", f"{HEADLINE} |", "|"]
    rows += [f"{BYLINE} | 【字体：大 中 小】【打印】 |", "|"]
    if image:
        rows += [f"{CAPTION} |"]
    return "\n".join(rows + body + ["|"] + [f"{t} |" for t in tail])


Dump = Callable[..., str]
DIALECTS: list[Dump] = [html2text_page, lynx_page, table_page]
SUMMARY_ROWS = [x for head, summary in SUMMARIES for x in (head, summary)]


@pytest.mark.parametrize("dump", DIALECTS, ids=lambda f: f.__name__)
def test_photo_page_with_a_caption(dump: Dump) -> None:
    tail = [*SHARE, "本报专题", *SUMMARY_ROWS, STATEMENT, CONTACT, RULES]
    article = read_text(dump([PHOTO_TEXT], tail, image=True))
    assert article.title == HEADLINE
    assert [b.text for b in article.body] == [CAPTION, PHOTO_TEXT]


@pytest.mark.parametrize("dump", DIALECTS, ids=lambda f: f.__name__)
def test_two_paragraph_brief_above_a_long_disclaimer(dump: Dump) -> None:
    article = read_text(dump(BRIEF, [*SHARE, STATEMENT, CONTACT, RULES, "正在载入评论……"]))
    assert article.title == HEADLINE
    assert [b.text for b in article.body] == BRIEF
    assert article.metadata.authors == ("陈晓帆",)


@pytest.mark.parametrize("dump", DIALECTS, ids=lambda f: f.__name__)
def test_paginated_article(dump: Dump) -> None:
    tail = [PAGES, "第2页：施工期间交通如何组织……", *SHARE, "编辑推荐", *PICKS, STATEMENT]
    article = read_text(dump(BRIEF, tail))
    assert article.title == HEADLINE
    assert [b.text for b in article.body] == BRIEF
    assert not article.teasers  # the article's next page is none


def test_lynx_headline_centred_among_flush_left_lines() -> None:
    # lynx prints headings flush left and a centred headline indented: the site's flush-left
    # label further up is no headline.
    text = (
        "   [1]首页 [2]本地 [3]国内\n\n滨江晚报数字报刊平台\n\n"
        f"                          {HEADLINE}\n\n   [4][weibo.png] [5]分享到\n\n   {BYLINE}\n\n"
        f"   [6][heron.jpg]\n\n   {CAPTION}\n\n   {PHOTO_TEXT}\n\n相关阅读\n\n   [7]市区新增两条夜间公交线路\n"
    )
    assert read_text(text).title == HEADLINE


def test_a_writers_box_between_the_lead_and_the_text_stays_the_bylines() -> None:
    # The text goes on below a box; in the box, a writer over a role: the lead stays apart
    # rather than hide the writer from the byline passes.
    paras = [
        f"The council met on {day} evening and debated the harbour plan for several hours. "
        "Members argued about the cost, the timetable and the effect on the fishing fleet, and "
        "agreed to publish the engineers' report before the next meeting of the full council."
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
    ]
    lead = (
        "Councillors clash over the cost of the new harbour wall. The vote on the plan is put "
        "off to May."
    )
    box = "\n".join(f"* Story {k}" for k in range(10))
    head = ["Harbour plan splits the town council", "16 March 2021", lead, box]

    def after(parts: list[str]) -> tuple[int, dict[int, Part]]:
        page = state_before("\n\n".join(parts), "text_under_headline")
        run_one(page, "text_under_headline")
        return page.start, decided(page, "text_under_headline")

    start, box_lines = after([*head, *paras])
    assert start == 4  # the lead joins the text
    assert len(box_lines) == 10
    start, box_lines = after([*head, "Jane Roe", "Member of the newsroom", *paras])
    assert start > 4
    assert box_lines == {}


# A table the dump printed with its cells run together: no row looks like one.
PLAIN_ROWS = [f"第{k}批抽检样品某某食品厂菌落总数超标{k * 300}倍" for k in range(1, 7)]


@pytest.mark.parametrize(("signed", "taken"), [("(陈晓帆 编辑)", True), ("分享到", False)])
def test_absorb_table_runs_to_the_articles_sign_off(signed: str, taken: bool) -> None:
    text = "\n\n".join([f"# {HEADLINE}", BYLINE, *BRIEF, *PLAIN_ROWS, signed, *PICKS[:1]])
    page = state_before(text, "absorb_table")
    # The run as choose_run leaves it when the rows weigh too little: it ends with the prose.
    page.end = next(i for i, ln in enumerate(page.lines) if ln.text == BRIEF[-1]) + 1
    run_one(page, "absorb_table")
    texts = [page.lines[i].text for i in range(page.start, page.end)]
    assert (PLAIN_ROWS[-1] in texts) is taken
    assert signed not in texts  # the sign-off itself is a credit, not text


def test_a_sign_off_under_a_cell_less_table_names_the_editor() -> None:
    text = "\n\n".join([f"# {HEADLINE}", "2023-11-20 09:15", *BRIEF, *PLAIN_ROWS, "(陈晓帆 编辑)"])
    article = read_text(text)
    assert article.metadata.editor == "陈晓帆"
    assert PLAIN_ROWS[0] in [p.text for p in article.body]


@pytest.mark.parametrize(
    "text", ["1" * 40 + "x", "1 " * 20 + "x", "[1]" * 13 + "x", "下一页" + "2" * 37 + "x"]
)
def test_a_run_of_numbers_is_no_bar(text: str) -> None:
    # Each of these once took the bar's pattern minutes to refuse (a run of digits split every
    # way): a regression here hangs, which CI's time limit reports.
    assert is_pagination(line(text)) is False
