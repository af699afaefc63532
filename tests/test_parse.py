"""Each segmentation rule, on pages written for the test (no corpus text)."""

from __future__ import annotations

import pytest

from reader import Part, read_text

PARA = (
    "今年以来，全市上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，"
    "各项社会事业取得新进展，人民群众获得感持续增强。"
)
PARA2 = (
    "下一步，我们将继续优化营商环境，加大招商引资力度，推动重点项目早日建成投产，"
    "为全年目标任务的完成打下坚实基础。"
)
NAV = "\n".join(f"[栏目{i}](/c/{i})" for i in range(12))

# Three sentences of English text, as the rules for English pages are tested on.
COUNCIL = "The council met on Monday and approved the budget for the coming year. " * 3


def parts(a) -> dict[int, Part]:  # type: ignore[no-untyped-def]
    return {e.line: e.part for e in a.explanations}


def test_body_between_navigation_and_footer() -> None:
    page = f"{NAV}\n\n# 市政府召开经济形势分析会\n\n来源：市政府办公室 发布时间：2023-04-01\n\n{PARA}\n\n{PARA2}\n\n版权所有 某某市人民政府 ICP备12345678号\n"
    a = read_text(page)
    assert a.title == "市政府召开经济形势分析会"
    assert [b.text for b in a.body] == [PARA, PARA2]
    assert a.metadata.source == "市政府办公室"
    assert a.metadata.published == "2023-04-01"
    assert any("版权所有" in b.text for b in a.boilerplate)


def test_every_line_lands_in_exactly_one_part() -> None:
    page = f"{NAV}\n\n标题在这里出现了\n作者：张三\n{PARA}\n相关新聞\n* [别的文章标题一则](/x)\n\n"
    a = read_text(page)
    d = a.to_dict()["lines"]
    seen = [*d["title"], *d["blank"]]
    for key in ("metadata", "body", "teasers", "boilerplate"):
        for group in d[key]:
            seen.extend(group)
    assert sorted(seen) == list(range(1, d["total"] + 1))


def test_truncated_snippets_after_the_text_are_teasers_with_dates() -> None:
    page = f"标题：一篇文章的标题\n\n{PARA}\n{PARA2}\n另一篇文章的开头几句话，讲的是别的事情，2023-03-02…\n"
    a = read_text(page)
    assert len(a.body) == 2
    assert len(a.teasers) == 1
    assert a.teasers[0].truncated
    assert a.teasers[0].date == "2023-03-02"
    assert a.metadata.published is None  # a teaser's date is never the article's


def test_related_block_items_are_teasers() -> None:
    page = f"# 标题一二三四五六\n\n{PARA}\n\n{PARA2}\n\n相关阅读\n\n* [老街改造让古镇焕发新活力](/a)\n* [春季森林防火工作会议召开](/b)\n"
    a = read_text(page)
    assert [t.text for t in a.teasers] == ["老街改造让古镇焕发新活力", "春季森林防火工作会议召开"]


def test_linked_headlines_with_summaries_are_a_teaser_list_not_the_body() -> None:
    teasers = "\n\n".join(f"### [别处的新闻标题第{i}则](/n/{i})\n\n{PARA2}" for i in range(4))
    page = f"# 本文的标题在这里\n\n作者：李四\n\n{PARA}\n\n{PARA}\n\n{teasers}\n"
    a = read_text(page)
    assert a.title == "本文的标题在这里"
    assert [b.text for b in a.body] == [PARA, PARA]


def test_headline_ticker_line_is_not_body() -> None:
    ticker = " ".join(
        [
            "新政局职务异动",
            "刘某某没概念",
            "三总导入微创手术",
            "蜜枣新品种问市",
            "博客来推出新春福袋",
        ]
        * 3
    )
    page = f"# 标题在这里的新闻\n\n{PARA}\n\n{ticker}\n"
    a = read_text(page)
    assert ticker not in [b.text for b in a.body]


def test_site_suffix_is_removed_from_the_title() -> None:
    assert (
        read_text(f"老街改造让古镇焕发新活力_新闻中心_某某网\n\n{PARA}\n").title
        == "老街改造让古镇焕发新活力"
    )
    assert (
        read_text(
            f"# Harbour opens new tidal plant | Westbay Gazette\n\nBy Ann Lee\n\n{PARA}\n"
        ).title
        == "Harbour opens new tidal plant"
    )


def test_breadcrumb_and_controls_are_not_titles() -> None:
    page = f"您现在的位置：首页 > 新闻 > 正文\n【字体：大 中 小】【打印】\n{PARA}\n"
    assert read_text(page).title is None


def test_author_named_at_the_end_of_the_text() -> None:
    a = read_text(f"# 标题在这里的新闻\n\n{PARA}\n\n{PARA2}（记者 胡小蓉）\n")
    assert a.metadata.authors == ("胡小蓉",)


def test_name_alone_under_the_title() -> None:
    a = read_text(f"社会资本与再就业研究\n\n赵小东、风大天\n\n{PARA}\n\n{PARA2}\n")
    assert a.metadata.authors == ("赵小东", "风大天")


def test_date_leading_the_text_dates_the_article() -> None:
    a = read_text(f"# 标题在这里的新闻\n\n2005-07-18 13:03:17 | {PARA}\n\n{PARA2}\n")
    assert a.metadata.published == "2005-07-18T13:03:17"


def test_table_after_the_text_is_kept() -> None:
    rows = "\n".join(f"产品{i} 未标注 某某食品厂 菌落总数超标" for i in range(5))
    page = f"# 标题在这里的新闻\n\n{PARA}\n\n不合格产品名单\n\n{rows}\n\n版权所有 某某网\n"
    a = read_text(page)
    assert "产品4 未标注 某某食品厂 菌落总数超标" in [b.text for b in a.body]


def test_english_page_with_share_bar_and_footer() -> None:
    body1 = "The small harbour town switched on its first tidal-energy plant on Sunday, a project its backers say could supply a third of the town's electricity."
    body2 = "Engineers spent two winters testing the turbines against storms before the council approved the final design."
    page = f"[Home](/) [World](/w) [Sport](/s)\n\n# Harbour town opens tidal plant\n\nBy Maria Jones\n\n{body1}\n\n{body2}\n\n[Share on Facebook](https://f.example/share) [Tweet](https://t.example)\n\n(c) 2022 Westbay Gazette. All rights reserved.\n"
    a = read_text(page)
    assert a.title == "Harbour town opens tidal plant"
    assert a.metadata.authors == ("Maria Jones",)
    assert [b.text for b in a.body] == [body1, body2]
    assert a.language == "en"


def test_explanations_give_a_reason_for_every_line() -> None:
    a = read_text(f"{NAV}\n\n{PARA}\n")
    assert len(a.explanations) == a.line_count
    assert all(e.reason for e in a.explanations)
    assert parts(a)[1] is Part.BOILERPLATE


def test_empty_text_is_an_empty_article() -> None:
    a = read_text("")
    assert (a.title, a.body, a.line_count) == (None, (), 0)


def test_links_option_keeps_markdown_links_in_the_body() -> None:
    from reader import ParseOptions

    page = f"# 标题在这里的新闻\n\n{PARA}[详见公告](/notice/1)。\n"
    plain = read_text(page)
    linked = read_text(page, options=ParseOptions(links=True))
    assert plain.body[0].text.endswith("详见公告。")
    assert linked.body[0].text.endswith("[详见公告](/notice/1)。")


def test_a_list_item_with_one_label_is_content() -> None:
    page = f"# 图书馆延长开放时间\n\n{PARA}\n\n* 开放时间：周一至周五 9:00—22:00\n\n{PARA2}\n"
    a = read_text(page)
    assert a.metadata.published is None
    assert "开放时间：周一至周五 9:00—22:00" in [b.text for b in a.body]


def test_slashed_dates_are_day_first_on_a_non_english_latin_page() -> None:
    text = (
        "O presidente do Senado pretende aprovar a proposta ainda neste semestre, segundo "
        "aliados, e conversou com ministros do tribunal sobre o calendário de votações. "
    )
    page = f"# Pacheco faz acenos ao tribunal\n\n03/05/2022 21:44\n\n{text * 3}\n\n{text * 2}\n"
    assert read_text(page).metadata.published == "2022-05-03T21:44:00"
    english = "The council approved the plan on Monday after a long debate about the budget. " * 3
    page = f"# Council approves plan\n\n03/05/2022 21:44\n\n{english}\n\n{english}\n"
    assert read_text(page).metadata.published == "2022-03-05T21:44:00"


def test_a_linked_date_is_the_posts_date() -> None:
    body = "Die Nachbarschaftshilfe wird in diesen Wochen wichtiger, sagen die Organisatoren. " * 3
    page = f"# Solidarität im Viertel\n\n[31\\. März 2020](https://example.org/2020/03/31/post/)\n\n{body}\n\n{body}\n"
    assert read_text(page).metadata.published == "2020-03-31"


def test_readers_comments_end_the_text() -> None:
    text = COUNCIL
    comments = "\n".join(
        f"* Reader {i} on September {i}, 2018 at 4:47 pm said:\n"
        + "I think the council did the right thing with this budget, and said so. " * 2
        for i in range(1, 4)
    )
    page = f"# Council approves the budget\n\n{text}\n\n{text}\n\n{comments}\n"
    a = read_text(page)
    assert len(a.body) == 2
    assert all("Reader" not in b.text for b in a.body)


def test_replies_headed_re_title_end_the_text() -> None:
    replies = "\n\n".join(
        f'#### [#](/post/1#{i} "permalink") re: 很高兴入住博客堂 2004-12-27 12:{i:02d} 读者{i}\n\n'
        f"{PARA2}"
        for i in range(10, 16)
    )
    page = f"# 很高兴入住博客堂\n\n{PARA}\n\n{PARA}\n\n{replies}\n"
    a = read_text(page)
    assert [b.text for b in a.body] == [PARA, PARA]


def test_a_thread_of_comments_with_reply_links_ends_the_text() -> None:
    text = COUNCIL
    comments = "\n\n".join(
        f"~reader{i} [2012-01-0{i} 00:03]\n\n"
        + "I think the council did the right thing with this budget, and I say so here. " * 3
        + "\n\nodpowiedz\n\n8\n\n2"
        for i in range(1, 6)
    )
    page = f"# Council approves the budget\n\n{text}\n\n{text}\n\n{comments}\n"
    a = read_text(page)
    assert [b.text for b in a.body] == [text.strip(), text.strip()]


def test_a_tag_cloud_in_alphabetical_order_is_not_text() -> None:
    cloud = (
        "adote agua alerta ambiente amizade animais arte bairro campanha cidade cultura "
        "educacao esporte evento familia festa governo historia inverno musica natureza saude"
    )
    text = "A equipe do servico atendeu a ocorrencia no bairro, e a policia foi chamada. " * 2
    months = "\n".join(f"* Mes {i} ({i})" for i in range(30))
    page = (
        f"# Noticias\n\n{cloud} {cloud}\n\n{months}\n\n## Arrombamento em veiculos\n\n"
        f"{text}\n\nVoltar\n"
    )
    a = read_text(page)
    assert [b.text for b in a.body] == [text.strip()]


def test_after_a_related_block_with_no_paragraph_the_run_holds_no_more_text() -> None:
    text = "The council met on Monday and approved the budget for the coming year. " * 8
    text2 = "Its members will meet again in March to set the rates for the year. " * 8
    more = "\n\n".join(
        f"Latest video {i}: the weather this week in the city will be cold and wet."
        for i in range(8)
    )
    page = (
        f"# Council approves the budget\n\n{text}\n\n{text2}\n\nRelated articles\n\n"
        f"* [Ferry timetable changes](/a)\n* [Library opens](/b)\n\n{more}\n"
    )
    a = read_text(page)
    assert [b.text for b in a.body] == [text.strip(), text2.strip()]


def test_a_ticker_of_snippets_opening_the_run_is_not_the_article() -> None:
    ticker = "\n".join(
        f"   * Another headline number {i} about the city NEW DELHI: The minister said today that "
        "the plan will go ahead, and that the money is ready. The works start in May, and the "
        "roads will be closed for a month, the city said on Monday in a statement to the press…"
        for i in range(6)
    )
    text = "\n".join(
        f"   Their American dream shattered and their savings gone, {n} men came home on Monday. "
        "They had paid agents to take them across the border, and all of it was lost."
        for n in (12, 30, 45, 60)
    )
    page = (
        f"   Breaking News\n{ticker}\n\n   With shattered dreams, deportees return home\n\n{text}\n"
    )
    a = read_text(page)
    assert all("Another headline" not in b.text for b in a.body)
    assert len(a.body) == 4


def test_summaries_between_the_items_of_a_related_list_are_teasers() -> None:
    items = "\n".join(
        f"* 另一则热门新闻的标题第{i}则 明报 - 2012年1月{i}日\n"
        f"【明报专讯】这是另一篇文章的摘要，讲的是别处发生的事情，和本文无关，第{i}则。{PARA2}"
        for i in range(1, 5)
    )
    page = (
        f"# 市政府召开经济形势分析会\n\n{PARA}\n\n{PARA2}\n\n最热门新闻\n\n{items}\n"
        "* 另一则热门新闻的标题第5则 明报 - 2012年1月5日\n"
    )
    a = read_text(page)
    assert [b.text for b in a.body] == [PARA, PARA2]


def test_a_heading_that_links_to_more_heads_a_list_of_other_articles() -> None:
    page = (
        f"# 市政府召开经济形势分析会\n\n{PARA}\n\n{PARA2}\n\n港闻头条 »\n\n"
        "* 另一篇新闻的标题在这里出现\n名医贪平 游艇非法入红油\n* 法院下令总店交吉 欠租248万元\n"
    )
    a = read_text(page)
    assert [b.text for b in a.body] == [PARA, PARA2]
    assert len(a.teasers) == 3


def test_a_numbered_point_with_a_time_label_is_text_not_a_byline() -> None:
    page = (
        f"# 研究生招生简章\n\n{PARA}\n\n1、初试科目：外国语含听力，三门业务课。\n"
        f"2、初试时间：2004年3月底、4月初，我院寄发准考证时通知具体时间。\n\n{PARA2}\n"
    )
    a = read_text(page)
    assert any("初试时间" in b.text for b in a.body)
    assert a.metadata.published is None


def test_a_table_whose_cells_wrap_is_absorbed_into_the_text() -> None:
    rows = "\n".join(
        f"0{i}艺术学方向{i} | 导师{i} | | 1、英语或俄语\n2、艺术概论" for i in range(1, 7)
    )
    page = f"# 研究生招生简章\n\n{PARA}\n\n{PARA2}\n\n附：招生专业及考试科目\n---\n{rows}\n"
    a = read_text(page)
    assert any("导师6" in b.text for b in a.body)


def test_tags_under_a_related_heading_do_not_end_the_block() -> None:
    text = COUNCIL
    page = (
        f"# Council approves the budget\n\n{text}\n\n{text}\n\nRelated\n"
        "* budget\n* council\n*\n*\n"
        "* Council plans a new ferry timetable for the summer\n\n"
        f"{text}\n\n{text}\n"
    )
    a = read_text(page)
    assert all(b.text not in ("budget", "council") for b in a.body)
    assert any(t.text.startswith("Council plans") for t in a.teasers)


def test_lines_printed_twice_weigh_little() -> None:
    from reader.parse.run import REPEAT_WEIGHT, _repeated
    from reader.segment import Dialect, segment

    caption = "US President looks on as he speaks to the media about trade talks with China"
    own = [f"A line of its own that is long enough, number {i}" for i in range(3)]
    _, lines = segment([caption, caption, *own], Dialect.PLAIN)
    assert _repeated(lines) == [0, 1]
    _, mostly = segment([caption, caption, caption, own[0]], Dialect.PLAIN)
    assert _repeated(mostly) == []  # a page of repeats: no evidence either way
    assert 0 < REPEAT_WEIGHT < 1


def test_quoted_speakers_are_not_readers_comments() -> None:
    text = COUNCIL
    quote = "The mayor said:\nWe have done what the town asked of us, and we will keep doing it.\n"
    page = f"# Council approves the budget\n\n{text}\n\n{quote}\n{text}\n\n{quote}\n{text}\n"
    assert len(read_text(page).body) == 7


def test_a_stretch_of_tags_is_a_wall_the_text_does_not_cross() -> None:
    text = COUNCIL
    tags = "\n".join(["Opinion", "China", "Budget", "Council", "Town", "Harbour", "*", "*"])
    teaser = "Another story: a long summary of some other article that follows the tags. " * 4
    page = f"# Council approves the budget\n\n{text}\n\n{text}\n\n{tags}\n\n{teaser}\n\n{teaser}\n"
    a = read_text(page)
    assert [b.text for b in a.body] == [text.strip(), text.strip()]


def test_summaries_under_headline_links_with_source_and_date_are_teasers() -> None:
    summary = (
        "【日报专讯】一对相生相依二十五载的孪生姊妹，昨往尖沙咀消遣后带醉坐的士回家，途中发生争执。"
    )
    items = "\n\n".join(
        f"* [另一篇新闻的标题第{i}则](/news/{i}) 日报 - 13小时前\n\n{summary}{i}" for i in range(8)
    )
    page = f"# 港铁农历新年加强服务\n\n{PARA}\n\n{PARA2}\n\n{items}\n"
    a = read_text(page)
    assert a.title == "港铁农历新年加强服务"
    assert [b.text for b in a.body] == [PARA, PARA2]


def test_a_list_of_linked_headlines_with_summaries_weighs_little() -> None:
    from reader.parse.lines import weight
    from reader.segment import Dialect, clean_line

    summary = "_The college said at least fifteen people were hurt and the police are still there_"
    item = clean_line(1, f"  * [A student ran riot](/x/1) {summary}", Dialect.HTML2TEXT)
    plain = clean_line(1, f"  * A student ran riot {summary}", Dialect.HTML2TEXT)
    assert weight(item) < 0.5 * weight(plain)


@pytest.mark.parametrize(
    ("heading", "is_heading"),
    [
        ("Другие новости раздела", True),
        ("Veja também:", True),
        ("Leggi anche", True),
        ("Other news", True),
        ("Veja também o placar completo da votação", False),  # an inline link, not a heading
    ],
)
def test_related_headings_in_more_languages(heading: str, is_heading: bool) -> None:
    from reader.parse.lines import is_related_heading
    from reader.segment import Dialect, segment

    _, lines = segment([heading], Dialect.HTML2TEXT)
    assert is_related_heading(lines[0]) is is_heading


def test_a_plain_heading_after_a_related_block_is_the_articles_next_section() -> None:
    text = COUNCIL
    page = (
        f"# Council approves the budget\n\n{text}\n\n{text}\n\nOther news\n\n"
        "* [Ferry timetable changes for the summer](/a)\n"
        "* [New library opens its doors](/b)\n\n"
        f"## What the budget pays for\n\n{text}\n\n{text}\n"
    )
    a = read_text(page)
    assert [t.text for t in a.teasers] == [
        "Ferry timetable changes for the summer",
        "New library opens its doors",
    ]
    assert any(b.text == "What the budget pays for" for b in a.body)


def test_the_text_its_source_line_closes_is_the_article_not_a_longer_teaser_list() -> None:
    article = "\n\n".join(
        f"   Как сообщил представитель комиссии, решение номер {i} примут до конца месяца, "
        "и все страны получат уведомления о ситуации с некачественными изделиями."
        for i in range(3)
    )
    teasers = "\n".join(
        f"   * Заголовок другой новости номер {i}\n"
        f"   [pic{i}.jpg] Длинная аннотация другой статьи номер {i}, в которой говорится о "
        "событиях недели, о политике, о спорте и о культуре, и многом другом тоже."
        for i in range(10)
    )
    page = (
        "Новости\n\nКомиссия предупредит страны о плохом качестве изделий\n\n"
        f"     * печать\n     * текст\n\n{article}\n\n   источник: РИА Новости\n\n"
        "   Tweet\n   Серф\n   Like\n   Plus\n   Mail\n   Blog\n\n"
        f"Главное\n\n{teasers}\n"
    )
    a = read_text(page)
    assert a.title == "Комиссия предупредит страны о плохом качестве изделий"
    assert a.metadata.source == "РИА Новости"
    assert len(a.body) == 3
