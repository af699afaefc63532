"""Headline rules on lynx-style dumps (plain lines, padding, "* " lists), on pages written here."""

from __future__ import annotations

from reader import read_text
from tests.test_parse import PARA, PARA2

MENU = "\n".join(f"   * 栏目{i}" for i in range(10))
# Short lines (ads, icons) that stand between a headline and its text on real pages.
FILLER = "\n".join(["广告", "图标", "推广"])


def _lynx_text(sentence: str) -> str:
    """Four lines of text as lynx prints them, indented by three spaces."""
    return "\n".join(f"   {sentence}" for _ in range(4))


def test_a_list_item_near_the_text_is_not_the_headline() -> None:
    page = (
        f"{MENU}\n\n      全市经济运行总体平稳\n{FILLER}\n{FILLER}\n"
        f"   * 另一篇新闻的标题在这里\n\n{PARA}\n\n{PARA2}\n"
    )
    assert read_text(page).title == "全市经济运行总体平稳"


def test_a_photo_caption_is_not_the_headline() -> None:
    page = (
        f"{MENU}\n\n春节年菜健康又吉祥\n{FILLER}\n"
        "▲营养师设计的年菜，健康又吉利（王五摄）\n\n"
        f"{PARA}\n\n{PARA2}\n"
    )
    assert read_text(page).title == "春节年菜健康又吉祥"


def test_a_lynx_caption_is_not_the_headline() -> None:
    page = f"{MENU}\n\n全市经济运行总体平稳\n\nCAPTION: 会议现场的一张照片\n\n{PARA}\n\n{PARA2}\n"
    assert read_text(page).title == "全市经济运行总体平稳"


def test_a_relative_dateline_is_not_the_headline() -> None:
    page = f"{MENU}\n\n全市经济运行总体平稳\n\n市日报 市日报 – 3小时前\n\n{PARA}\n\n{PARA2}\n"
    assert read_text(page).title == "全市经济运行总体平稳"


def test_a_date_line_is_not_the_headline() -> None:
    page = (
        "Home\nNews\nSport\n\nCouncil approves the new budget\n\n"
        "Mon 20 Jan 2020 06.05 GMT Last changed on Mon 20 Jan 2020 06.07 GMT\n\n"
        + "The council met on Monday and approved the budget for next year. " * 4
        + "\n"
    )
    assert read_text(page).title == "Council approves the new budget"


def test_the_headline_the_page_repeats_beats_a_nearer_line() -> None:
    page = (
        f"{MENU}\n\n全市经济运行总体平稳\n\n"
        "会议由副市长主持召开\n\n"
        f"{PARA}\n\n{PARA2}\n\n今日要闻\n\n[icon.gif] 全市经济运行总体平稳\n[icon.gif] 另一则新闻标题\n"
    )
    assert read_text(page).title == "全市经济运行总体平稳"


def test_a_headline_may_ask_a_question() -> None:
    page = f"{MENU}\n\n春节就医何处去？健保局公布特约院所\n\n{PARA}\n\n{PARA2}\n"
    assert read_text(page).title == "春节就医何处去？健保局公布特约院所"


def test_a_promotion_with_exclamations_scores_below_a_headline() -> None:
    from reader.parse.title import _title_score
    from reader.segment import Dialect, clean_line

    promo = clean_line(1, "推出手机媒体服务，天下大事尽在掌握!欢迎订阅《手机报》!", Dialect.PLAIN)
    calm = clean_line(1, "推出手机媒体服务，天下大事尽在掌握，欢迎订阅《手机报》", Dialect.PLAIN)
    a, b = _title_score(promo, 1), _title_score(calm, 1)
    assert a is not None and b is not None
    assert b - a >= 15  # two exclamations: a promotion (12), ending in one (3)


def test_the_line_above_a_byline_inside_the_text_is_the_headline() -> None:
    # The run of text starts at the subscription notes; the byline under the headline says
    # where the article really starts.
    notes = "\n".join(
        f"订阅《手机报》第{i}项：移动用户发送短信到一零六五八零零零。" for i in range(2)
    )
    page = f"{MENU}\n\n{notes}\n\n全市经济运行总体平稳\n2012-01-10 18:14:48 来源：市日报\n\n{PARA}\n\n{PARA2}\n"
    a = read_text(page)
    assert a.title == "全市经济运行总体平稳"
    assert [b.text for b in a.body] == [PARA, PARA2]


def test_a_menu_of_short_pieces_is_not_the_headline() -> None:
    page = (
        f"{MENU}\n\n全市经济运行总体平稳\n{FILLER}\n"
        f"网站首页-国际-国内-社会-台海-军事-财经-科技-汽车\n\n{PARA}\n\n{PARA2}\n"
    )
    assert read_text(page).title == "全市经济运行总体平稳"


def test_print_and_share_controls_in_other_languages_are_not_the_headline() -> None:
    page = (
        "Αρχική\nΕιδήσεις\n\nΗ κυβέρνηση ενέκρινε τον νέο προϋπολογισμό\n\n"
        "Αποστολή με email Εκτύπωση Μέγεθος κειμένου\n\n"
        + "Η κυβέρνηση ενέκρινε σήμερα τον προϋπολογισμό για το επόμενο έτος. " * 4
        + "\n"
    )
    assert read_text(page).title == "Η κυβέρνηση ενέκρινε τον νέο προϋπολογισμό"


def test_a_photo_credit_is_not_the_headline() -> None:
    page = (
        "Startseite\nSport\n\nKramer verpasst die Spiele in Peking\n\n"
        "Foto: Max Mustermann (Agentur)\n\n"
        + "Die Springerin hat die Qualifikation knapp verpasst und fährt nicht nach Peking. " * 4
        + "\n"
    )
    a = read_text(page)
    assert a.title == "Kramer verpasst die Spiele in Peking"
    assert all("Foto" not in b.text for b in a.body)


def test_a_subtitle_dash_line_is_not_the_headline_and_the_name_under_it_is_the_author() -> None:
    page = (
        f"**比赛革命的革命**\n\n* * *\n\n胡一平\n\n——对一场运动的心理学分析\n\n{PARA}\n\n{PARA2}\n"
    )
    a = read_text(page)
    assert a.title == "比赛革命的革命"
    assert a.metadata.authors == ("胡一平",)


ENGLISH = "The council met on Monday and approved the budget for the coming year. " * 4


def test_a_latin_name_beside_the_headline_is_the_author() -> None:
    page = f"Home\nNews\n\nCouncil approves the new budget\n\nJane Roe\n\n{ENGLISH}\n"
    assert read_text(page).metadata.authors == ("Jane Roe",)


def test_a_latin_name_away_from_headline_and_byline_is_not_an_author() -> None:
    page = (
        "Home\nNews\n\nCouncil approves the new budget\n\n"
        "The mayor said the vote was a good day for the city.\nOur Verdict\n"
        f"A fair budget that leaves the hard choices for next year.\n\n{ENGLISH}\n"
    )
    assert read_text(page).metadata.authors == ()


def test_blog_themes_list_author_and_date_as_items() -> None:
    page = (
        "Home\nBlog\n\nWhy the city needs a new bridge\n\n"
        "   * Post author By Jane Roe\n   * Post date March 5, 2014\n\n"
        f"{ENGLISH}\n\nSeptember 21, 2014 at 2:58 pm\n"
    )
    a = read_text(page)
    assert a.metadata.authors == ("Jane Roe",)
    assert a.metadata.published == "2014-03-05"


def test_a_byline_far_above_the_text_is_still_read() -> None:
    box = "\n".join(f"Spec line number {i}" for i in range(20))
    page = f"Home\n\nA game review\n\nBy Jane Roe 11 February 2020\n\n{box}\n\n{ENGLISH}\n"
    a = read_text(page)
    assert a.metadata.authors == ("Jane Roe",)
    assert a.metadata.published == "2020-02-11"


def test_the_pages_own_slashed_dates_settle_day_or_month_first() -> None:
    page = (
        f"{MENU}\n\n法国报纸摘要一则\n\n发表时间： 06/02/2022 - 13:48\n\n{PARA}\n\n{PARA2}\n\n"
        "13/02/2022 另一篇文章的标题\n12/02/2022 又一篇文章的标题\n"
    )
    assert read_text(page).metadata.published.startswith("2022-02-06")  # type: ignore[union-attr]
    us = page.replace("13/02/2022", "02/13/2022").replace("12/02/2022", "02/12/2022")
    assert read_text(us).metadata.published.startswith("2022-06-02")  # type: ignore[union-attr]


def test_a_byline_in_a_cell_above_the_headline() -> None:
    page = (
        "[Accueil](/) | Par [Jeanne Roe](auteur/jeanne-roe) | 30 septembre 2018\n\n"
        "## Le conseil adopte le nouveau budget\n\n"
        + "Le conseil s'est réuni lundi et a adopté le budget de l'année prochaine. " * 4
        + "\n"
    )
    a = read_text(page)
    assert a.metadata.authors == ("Jeanne Roe",)
    assert a.metadata.published == "2018-09-30"


def test_a_most_read_block_in_another_language_is_not_the_articles() -> None:
    text = "Le conseil s'est réuni lundi et a adopté le budget de l'année prochaine. " * 3
    page = (
        "## Le conseil adopte le nouveau budget\n\nPar Jeanne Roe | 30 septembre 2018\n\n"
        + "\n\n".join([text] * 4)
        + "\n\n## Les plus lus\n\n18 février 2020\nPar [Paul Roe](auteur/paul-roe)\n\n"
        "## [Un autre article](article/autre)\n"
    )
    a = read_text(page)
    assert a.metadata.published == "2018-09-30"
    assert a.metadata.authors == ("Jeanne Roe",)


def test_emphasis_is_not_part_of_an_authors_name() -> None:
    page = (
        "# Council approves the new budget\n\n"
        "[**Jane Roe**](https://example.org/author/jane-roe)\n\n"
        + "The council met on Monday and approved the budget for the coming year. " * 4
        + "\n"
    )
    assert read_text(page).metadata.authors == ("Jane Roe",)


def test_a_hard_wrapped_line_ending_in_a_comma_is_not_the_headline() -> None:
    page = (
        "路是人走出来的\n\n胡一平\n\n"
        "我们知道，还在那派理论提出之前，\n不少学者已经对相关的问题进行过不同的研究，提出过不同的解释。"
        f"\n\n{PARA}\n\n{PARA2}\n"
    )
    a = read_text(page)
    assert a.title == "路是人走出来的"
    assert a.metadata.authors == ("胡一平",)


def test_a_date_ending_the_line_above_the_headline_dates_the_article() -> None:
    text = "Die Springerin hat die Qualifikation knapp verpasst und fährt nicht nach Peking. " * 4
    page = (
        '[Startseite](/)[Kultur](/kultur)"Wir bleiben hier"01.05.2017\n\n'
        f"# Die Zukunft der Arbeit\n\n{text}\n"
    )
    assert read_text(page).metadata.published == "2017-05-01"


def test_a_lone_date_far_above_the_text_is_the_pages_today_not_the_articles() -> None:
    box = "\n".join(f"Menüpunkt Nummer {i} der Seite" for i in range(20))
    text = "Die Springerin hat die Qualifikation knapp verpasst und fährt nicht nach Peking. " * 4
    page = f"Mittwoch, 26.02.2020\n\n{box}\n\nDie Zukunft der Arbeit\n\n{text}\n"
    assert read_text(page).metadata.published is None


def test_a_headline_with_the_site_name_tacked_on_yields_to_the_plain_one() -> None:
    text = "Россияне назвали элитой страны политиков и артистов, показал опрос центра. " * 4
    page = (
        "Главная\nНовости\n\nРоссияне считают элитой политиков и артистов\n\n"
        "Москва\nФото\nВидео\nОпрос\n\nРоссияне считают элитой политиков и артистов РБК РБК\n\n"
        f"{text}\n"
    )
    assert read_text(page).title == "Россияне считают элитой политиков и артистов"


def test_a_name_beside_the_date_in_a_row_of_post_details_is_the_writer() -> None:
    text = "Die Springerin hat die Qualifikation knapp verpasst und fährt nicht nach Peking. " * 4
    page = f"Startseite\n\n# Kramer verpasst die Spiele\n\n1. Februar 2022 Luis Holm 6\n\n{text}\n"
    a = read_text(page)
    assert a.metadata.authors == ("Luis Holm",)
    assert a.metadata.published == "2022-02-01"


ABSTRACT = "Observational studies of the vaccine found large effects on the old. " * 4


def test_the_pages_only_top_heading_is_the_headline_however_far_above_the_text() -> None:
    people = "\n\n".join(f"* Author Number{i}, PhD" for i in range(12))
    page = (
        "* [Home](/)\n* [Journals](/j)\n\nOriginal Research7 April 2020\n\n"
        "# [The Effect of a Vaccine on Hospital Stays](/doi/1)\n\n"
        f"{people}\n\nA Study With a Regression Design\n\n"
        + "\n\n".join(
            f"Department of Economics, University {i}, Berkeley, California." for i in range(14)
        )
        + f"\n\n## Section Heading\n\n{ABSTRACT}\n\n{ABSTRACT}\n"
    )
    a = read_text(page)
    assert a.title == "The Effect of a Vaccine on Hospital Stays"
    assert a.metadata.published == "2020-04-07"
    assert a.metadata.authors == ()  # "Original Research" is a section label, not a writer


def test_a_lynx_heading_is_printed_flush_left() -> None:
    text = _lynx_text(
        "The council met on Monday and approved the budget for the coming year, and more."
    )
    page = (
        "   [logo.gif]\n\n     * Home\n     * News\n\n"
        "Council approves the new budget\n\n"
        "   A photo of the council chamber taken yesterday\n\n"
        f"{text}\n\n   [1]Print [2]Share\n\nReferences\n\n   1. http://example.org/print\n"
    )
    a = read_text(page)
    assert a.dialect == "lynx"
    assert a.title == "Council approves the new budget"


def test_the_dateline_under_the_first_copy_of_a_repeated_headline_dates_the_article() -> None:
    gallery = "\n\n".join(["   Radtour durch Friedrichsfelde"] * 8)
    text = _lynx_text(
        "Ich radelte zum Bahnhof in Lichtenberg, von dort ging es weiter an der Spree entlang."
    )
    page = (
        "     * Home\n     * Radtouren\n\n   Radtour durch Friedrichsfelde\n\n"
        "   Tine 2. Februar 2020 2. Februar 2020Radtouren Berlin\n\n"
        f"{gallery}\n\n{text}\n"
    )
    assert read_text(page).metadata.published == "2020-02-02"


def test_a_menu_item_or_a_list_heading_under_the_headline_is_no_name() -> None:
    page = (
        f"{MENU}\n\n全市经济运行总体平稳\n\n   * 打印\n   * 商城\n\n相关文章\n\n{PARA}\n\n{PARA2}\n"
    )
    assert read_text(page).metadata.authors == ()


def test_a_name_with_a_newsroom_role_is_the_writer() -> None:
    text = "   The council met on Monday and approved the budget for the coming year, and more.\n"
    page = (
        "     * News\n     * Sport\n\nCouncil approves the new budget\n\n"
        "   Report claims the council has created a budget for the year\n\n"
        "   Richard Roe Education editor\n\n   Mon 20 Jan 2020 06.05 GMT\n\n" + text * 4
    )
    assert read_text(page).metadata.authors == ("Richard Roe",)


def test_an_author_box_over_the_headline_names_the_writer() -> None:
    text = (
        "   Das ging schnell! Vor einem halben Jahr verkündete sie die Trennung, nun ist es aus.\n"
    )
    page = (
        "     * Home\n     * Stars\n\n   Steven Roe\n   Mitglied der Tonight News-Redaktion\n"
        "Daniela und Ennesto trennen sich\n   Foto: Instagram/daniela\n\n" + text * 4
    )
    assert read_text(page).metadata.authors == ("Steven Roe",)


def test_the_pages_only_view_count_dates_the_article_however_far_above() -> None:
    agenda = "\n".join(f"   地 点：第{i}教学楼报告厅" for i in range(30))
    page = (
        f"{MENU}\n\n   第四届经济学年会会议议程\n\n   2004-12-10      阅读10544次\n\n{agenda}\n\n"
        f"{PARA}\n\n{PARA2}\n"
    )
    assert read_text(page).metadata.published == "2004-12-10"


def test_on_a_lynx_page_with_flush_left_headings_an_indented_line_is_a_weaker_headline() -> None:
    text = _lynx_text(
        "The game asks you to resist a regime from a small flat in Berlin, and it works well."
    )
    boxes = "\n\n".join(f"   Verdict item {i}" for i in range(12))
    page = (
        "Games\n\n     * Reviews\n     * News\n\n"
        "Through the Darkest of Times review: resisting the regime from a Berlin flat\n\n"
        f"   A strategy game about resistance.\n\n{boxes}\n\n"
        "   Reviewed on GeForce GTX 1650, 8 GB RAM\n\n"
        f"{text}\n\nMore reviews\n\n   * Another review here\n"
    )
    title = "Through the Darkest of Times review: resisting the regime from a Berlin flat"
    assert read_text(page).title == title


def test_a_far_flush_left_headline_and_its_dated_kicker_on_a_lynx_page() -> None:
    text = _lynx_text(
        "Observational studies of the vaccine found large effects on the old, and we test them."
    )
    people = "\n".join(f"   Author Number{i}, PhD," for i in range(40))
    page = (
        "LOGIN TO YOUR ACCOUNT\n\n   [1]Login\n\n   Original Research7 April 2020\n\n"
        "The Effect of a Vaccine for the Elderly on Hospital Stays and Deaths\n\n"
        f"{people}\n\n{text}\n"
    )
    a = read_text(page)
    assert a.title == "The Effect of a Vaccine for the Elderly on Hospital Stays and Deaths"
    assert a.metadata.published == "2020-04-07"


def test_what_the_run_holds_above_the_pages_only_top_heading_is_furniture() -> None:
    widget = (
        "Your reading score shows how well informed you are about a subject, from the articles "
        "you have read here. Read more to raise it, and compare it with the other readers. " * 3
    )
    text = "The council met on Monday and approved the budget for the coming year. " * 3
    page = (
        "* [Home](/)\n* [News](/news)\n\nYour reading\n\n"
        f"{widget}\n\nClose\n\n# Council approves the budget for next year\n\n"
        f"{text}\n\n{text}\n"
    )
    a = read_text(page)
    assert a.title == "Council approves the budget for next year"
    assert all("reading score" not in b.text for b in a.body)


def test_a_stack_of_headlines_is_a_list_not_the_headline() -> None:
    text = "\n".join(
        "   Es ist nur eine Frage der Zeit, bis die Hälfte der Arbeitsplätze wegfällt, sagt er. "
        * 4
        for _ in range(4)
    )
    others = "\n\n".join(
        f"   {topic} Die Digitalisierung der Arbeit verändert alles"
        for topic in (
            "Grundeinkommen",
            "Finnland",
            "Ethik",
            "Tag der Arbeit",
            "Sicherheit",
            "Siemens",
            "Harari",
            "Robotik",
        )
    )
    footer = "\n".join(f"     * Fußzeile {i}" for i in range(40))
    page = (
        "Deutschlandfunk\n\n     * Politik\n     * Kultur\n\n"
        "Die Zukunft der Arbeit: Wir dekorieren die Liegestühle um\n\n"
        "   Richard Roe im Gespräch mit Karin Fischer über die Arbeit von morgen\n\n"
        "   Der Publizist spricht über die Arbeit von morgen und das Grundeinkommen.\n\n"
        "   Der Publizist Richard Roe, aufgenommen im Jahr 2016 in Berlin. (imago)\n"
        '   "Arbeiten werden die Menschen auch in Zukunft, aber nicht mehr für Geld."\n\n'
        "     * E-Mail\n     * Teilen\n     * Tweet\n     * Pocket\n     * Drucken\n     * Podcast\n\n"
        f"Mehr zum Thema\n\n{others}\n\n{text}\n\n{footer}\n"
    )
    assert read_text(page).title == "Die Zukunft der Arbeit: Wir dekorieren die Liegestühle um"


def test_a_lead_in_ending_in_yu_is_not_the_headline() -> None:
    page = (
        f"{MENU}\n\n全市经济运行总体平稳\n{FILLER}\n{FILLER}\n本文同步刊登于\n\n{PARA}\n\n{PARA2}\n"
    )
    assert read_text(page).title == "全市经济运行总体平稳"


PROSE = "Die Schüler haben über die Würde des Lebens geschrieben und viel gelernt. " * 4


def test_a_dash_inside_a_headline_is_kept_when_no_site_goes_by_the_dropped_part() -> None:
    page = f"Startseite\n\n# Würde des Lebens - ein Projekt\n\n{PROSE}\n\n{PROSE}\n"
    assert read_text(page).title == "Würde des Lebens - ein Projekt"


def test_a_site_name_after_the_headline_is_dropped_when_the_page_names_the_site() -> None:
    page = (
        f"Schulblog\n\n# Würde des Lebens - Schulblog\n\n{PROSE}\n\n{PROSE}\n\n© 2020 Schulblog\n"
    )
    assert read_text(page).title == "Würde des Lebens"
