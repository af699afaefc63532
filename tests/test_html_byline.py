"""HTML bylines: the markup's authors, dates and source weighed against what the page prints."""

from __future__ import annotations

import pytest

from reader.api import _weigh_authors, read_text
from reader.html import Site, copyright_holders, html_to_page, markup_names

BODY = (
    "<p>The council met on Tuesday evening and voted to keep the old market hall open for "
    "another five years, after a long debate about the cost of repairs.</p>"
    "<p>Traders had collected more than two thousand signatures in a month, the chair said.</p>"
)


def page(
    head: str = "", byline: str = "", foot: str = "", title: str = "Market hall stays open"
) -> str:
    return f"""<!doctype html><html lang="en"><head><title>{title} | Harbour Post</title>
    {head}</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Market hall stays open</h1>{byline}{BODY}</article>
    <footer>{foot}</footer></body></html>"""


# --- who the site is ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "foot"),
    [
        ('<meta property="og:site_name" content="Harbour Post">', ""),
        ("", ""),  # the <title>'s suffix names the site
        ('<link rel="canonical" href="https://www.harbourpost.example/news/1">', ""),
        ("", "© 2024 Harbour Post Media Ltd. All rights reserved."),
    ],
)
def test_a_meta_author_that_is_the_site_is_no_author(head: str, foot: str) -> None:
    meta = '<meta name="author" content="HarbourPost">'
    assert html_to_page(page(meta + head, foot=foot)).hints.authors == ()


@pytest.mark.parametrize(
    "value",
    [
        "INTERIA.PL S.A.",
        "AltumNet sp. z o.o.",
        "Discuz! Team and Comsenz UI Team",
        "GroupWeb Media LLC",
        "News Nation Bureau",
        "TVP.INFO",
        "维基媒体项目贡献者",
        "某某科技有限公司",
        "jdadmin",
        "name, email@example.com",
        "财讯网_提供股票、基金、期货与外汇市场的金融资讯，以及个人理财咨询等服务",
        "Coordenadoria de TI",
    ],
)
def test_companies_teams_accounts_and_prose_are_no_authors(value: str) -> None:
    assert html_to_page(page(f'<meta name="author" content="{value}">')).hints.authors == ()
    assert read_text(page(f'<meta name="author" content="{value}">')).metadata.authors == ()


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("By Jane Roe | Harbour Post", ["Jane Roe"]),
        ("Autor: Beata Terczyńska", ["Beata Terczyńska"]),
        ("by Tom Rogan", ["Tom Rogan"]),
        ("Carrie Arnold  Contributing Writer", ["Carrie Arnold"]),
        ("Jill Disis, Harbour Post Business", ["Jill Disis"]),
        ("Lisa Kaczke and Trevor J. Mitchell", ["Lisa Kaczke", "Trevor J. Mitchell"]),
        ("rizospastis.gr | Harbour Post", []),
        ("PMJS - Coordenadoria de TI", []),  # the office's acronym beside it
        ("Paul Roe | Harbour Post", ["Paul Roe"]),
        ("记者 王璐、张三", ["王璐", "张三"]),
    ],
)
def test_markup_authors_are_cleaned_as_names(value: str, names: list[str]) -> None:
    assert markup_names(value, Site(("Harbour Post",))) == names


def test_the_site_by_its_words_its_domain_and_its_initials() -> None:
    site = Site(("The Beachbody Blog", "WGN"), ("wiadomosci", "wp"))
    assert site.named("Beachbody") and site.named("WGN-TV") and site.named("Wirtualna Polska")
    assert not site.named("Sunil Roe") and not site.named("Jane Roe")
    assert Site(("网易新闻",)).named("网易") and not Site(("网易新闻",)).named("王伟")


def test_copyright_holders() -> None:
    assert copyright_holders(["© 2019 Beachbody, LLC. All rights reserved."]) == ["Beachbody, LLC"]
    assert copyright_holders(["A paragraph with no notice."]) == []


# --- the markup against the visible byline ------------------------------------------------------


def test_the_visible_byline_wins_over_another_name_in_the_markup() -> None:
    head = '<meta name="author" content="Web Desk Person">'
    html = page(head, '<p class="byline">By Anna Kowalski</p>')
    assert read_text(html).metadata.authors == ("Anna Kowalski",)


def test_a_json_ld_person_against_the_visible_byline() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "%s"}}</script>'
    )
    shown = '<p class="byline">By Anna Kowalski</p>'
    # Another person: the printed one wins.
    assert read_text(page(ld % "Piotr Nowak", shown)).metadata.authors == ("Anna Kowalski",)
    # The same person: fine either way.
    assert read_text(page(ld % "Anna Kowalski", shown)).metadata.authors == ("Anna Kowalski",)
    # Only the markup names one: it is kept.
    assert read_text(page(ld % "Piotr Nowak")).metadata.authors == ("Piotr Nowak",)
    # The printed name run on past the markup's ("By Anna Kowalski March 3") is the markup's.
    assert read_text(page(ld % "Anna Kowalski", shown[:-4] + " March</p>")).metadata.authors == (
        "Anna Kowalski",
    )


def test_a_one_word_extra_beside_the_markups_people_is_furniture() -> None:
    markup = ("Finian Cunningham",)
    printed = ("Columnists", "Finian Cunningham")
    assert _weigh_authors(printed, markup, None) == ("Finian Cunningham",)
    two = ("Anna Kowalski", "Finian Cunningham")  # another writer, not furniture
    assert _weigh_authors(two, markup, None) == two
    assert _weigh_authors(("李文蕊", "张文远"), ("李文蕊",), None) == ("李文蕊", "张文远")


def test_a_meta_author_who_is_the_pages_editor_is_no_author() -> None:
    html = page('<meta name="author" content="李楠">', foot="<p>编辑：李楠</p>")
    html = html.replace("</article>", "<p>责任编辑：李楠</p></article>")
    article = read_text(html)
    assert article.metadata.editor == "李楠"
    assert article.metadata.authors == ()


def test_the_outlet_printed_beside_the_writer_is_not_a_second_author() -> None:
    head = '<meta property="og:site_name" content="Harbour Post">'
    html = page(head, '<p class="byline">By Anna Kowalski, Harbour Post</p>')
    assert read_text(html).metadata.authors == ("Anna Kowalski",)


def test_a_sidebars_columnists_are_not_the_articles_authors() -> None:
    columnists = "".join(
        f'<div class="col"><div class="author">Columnist Number{i}</div><a href="/c{i}">Opinion '
        f"piece number {i} about something else entirely</a></div>"
        for i in "ABCDEFGHIJ"
    )
    filler = "".join(f"<span>{i}</span>" for i in range(60))  # far past the article's end
    html = page().replace("<footer>", f"<div class=col-list>{filler}{columnists}</div><footer>")
    assert html_to_page(html).hints.authors == ()
    near = page(byline='<div class="author">Anna Kowalski</div>')
    assert html_to_page(near).hints.authors == ("Anna Kowalski",)


def test_the_innermost_marked_element_names_the_author() -> None:
    byline = (
        '<span class="byline">By <span class="vcard author">Jen Carlson</span> in Arts &amp; '
        "Entertainment on January 16, 2012</span>"
    )
    assert html_to_page(page(byline=byline)).hints.authors == ("Jen Carlson",)


def test_an_hcard_name_is_a_class_of_its_own() -> None:
    floated = '<p class="fn-right">女民警1天拨100个电话，被电信停机</p>'
    assert html_to_page(page(byline=floated)).hints.authors == ()
    card = '<p class="vcard">By <span class="fn">Anna Kowalski</span></p>'
    assert html_to_page(page(byline=card)).hints.authors == ("Anna Kowalski",)


def test_the_author_of_a_quoted_claim_is_not_the_articles() -> None:
    claim = (
        '<div class="statement"><div class="statement-author"><h4 class="author">The Russian and '
        "Syrian defense ministries</h4></div><p>“No civilians were hit.”</p></div>"
    )
    assert html_to_page(page(byline=claim)).hints.authors == ()


def test_a_comments_microdata_author_is_not_the_articles() -> None:
    comment = (
        '<div class="comment" itemscope itemtype="https://schema.org/Comment">'
        '<cite itemprop="author">Karol</cite><p>Great piece.</p></div>'
    )
    html = page().replace("</article>", f"</article>{comment}")
    assert html_to_page(html).hints.authors == ()


# --- dates --------------------------------------------------------------------------------------


def test_a_declared_date_keeps_its_utc_offset() -> None:
    head = '<meta property="article:published_time" content="2019-11-18T15:45:00+00:00">'
    assert read_text(page(head)).metadata.published == "2019-11-18T15:45:00+00:00"
    # The same day printed without a time: the markup's time, with its offset.
    shown = page(head, "<p>November 18, 2019</p>")
    assert read_text(shown).metadata.published == "2019-11-18T15:45:00+00:00"


def test_the_printed_local_date_wins_over_a_utc_stamp_a_day_off() -> None:
    head = '<meta property="article:published_time" content="2019-11-20T04:31:13+00:00">'
    shown = page(head, "<p>Published: November 19, 2019 10:31 pm</p>")
    assert read_text(shown).metadata.published == "2019-11-19T22:31:00"


def test_a_declared_date_far_from_the_printed_one_needs_a_dated_element() -> None:
    head = '<meta property="article:published_time" content="2018-04-18T14:39:09+02:00">'
    shown = "<p>Published: April 10, 2019</p>"
    assert read_text(page(head, shown)).metadata.published == "2019-04-10"
    element = shown + '<time datetime="2018-04-18T14:39:09+02:00">18.04.2018</time>'
    assert read_text(page(head, element)).metadata.published == "2018-04-18T14:39:09+02:00"


def test_the_same_instant_declared_in_local_time_wins_over_utc() -> None:
    head = (
        '<meta property="article:published_time" content="2019-11-19T04:58:46Z">'
        '<meta name="sailthru.date" content="2019-11-18 20:58:46">'
    )
    assert read_text(page(head)).metadata.published == "2019-11-18T20:58:46"
    other = head.replace("20:58:46", "20:58:00")  # not the same instant: the first stands
    assert read_text(page(other)).metadata.published == "2019-11-19T04:58:46+00:00"


def test_an_unset_cms_date_is_no_date() -> None:
    head = '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
    assert read_text(page(head)).metadata.published is None


def test_the_markup_modification_time_counts_only_when_the_page_prints_one() -> None:
    head = (
        '<meta property="article:published_time" content="2019-11-19T10:00:00-05:00">'
        '<meta property="article:modified_time" content="2019-11-20T05:24:30+00:00">'
    )
    assert read_text(page(head)).metadata.updated is None
    printed = page(head, "<p>Updated 12:24 am EST, Wednesday, November 20, 2019</p>")
    # The printed update label is read itself now (the time before the date, the weekday
    # between): its day stands, as printed.
    assert read_text(printed).metadata.updated == "2019-11-20"
    evening = page(head, "<p>Updated 10:01 pm PST, November 19, 2019</p>")
    assert read_text(evening).metadata.updated == "2019-11-19"  # the printed local day


def test_an_update_label_in_a_link_is_not_the_articles() -> None:
    head = '<meta property="article:modified_time" content="2019-11-18T19:05:00-05:00">'
    link = '<p><a href="/prices">Price guides updated November 20th</a></p>'
    assert read_text(page(head, link)).metadata.updated is None
    foot = page(head, foot="<p>Last modified on 18 November 2019, at 19:05.</p>")
    assert read_text(foot).metadata.updated == "2019-11-18T19:05:00"  # as printed


def test_a_dated_element_that_is_the_printed_update_is_no_publication_date() -> None:
    shown = '<p class="date">最后更新 14.12.2011 19:00</p>'
    article = read_text(page(byline=shown))
    assert (article.metadata.published, article.metadata.updated) == (None, "2011-12-14T19:00:00")


# --- source -------------------------------------------------------------------------------------


def test_the_source_is_never_the_site_name() -> None:
    head = '<meta property="og:site_name" content="Harbour Post">'
    assert read_text(page(head)).metadata.source is None


def test_an_explicit_markup_source_fills_only_a_gap() -> None:
    head = '<meta name="source" content="新华网">'
    assert read_text(page(head)).metadata.source == "新华网"
    shown = page(head, "<p>来源：人民日报</p>")
    assert read_text(shown).metadata.source == "人民日报"
    own = '<meta name="source" content="Harbour Post">'  # the site itself is no source
    assert read_text(page(own)).metadata.source is None
