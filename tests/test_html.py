"""HTML input: what is dropped before conversion, the lines emitted, and the hints beside them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.api import read_bytes, read_text
from reader.cli import app
from reader.errors import UsageError
from reader.html import HtmlOptions, html_to_page, iso_date
from reader.parse import ParseOptions
from reader.sniff import looks_like_html
from tests.conftest import SAMPLES

ARTICLE = """<!doctype html>
<html lang="en"><head>
<title>Ferry back in service after repairs | The Courier</title>
<meta name="author" content="Ann Example">
<meta property="article:published_time" content="2023-05-02T07:45:00+02:00">
</head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Ferry back in service after repairs</h1>
<p>The ferry went back into service on Monday after a winter of repairs on the north quay.</p>
<p>Engineers replaced the propeller shafts and most of the deck, the harbour master said.</p>
</article>
<aside class="related"><ul>
<li><a href="/a">Quay works to finish by June</a></li>
<li><a href="/b">Bridge plan goes to consultation</a></li>
</ul></aside>
<footer>Copyright The Courier</footer>
</body></html>
"""


def _lines(page_text: str, numbers: frozenset[int]) -> list[str]:
    lines = page_text.split("\n")
    return [lines[n - 1] for n in sorted(numbers)]


def test_sniffing_html_and_text() -> None:
    assert looks_like_html("<!DOCTYPE html><title>x</title>")
    assert looks_like_html("  <html lang=zh><body>x")
    assert looks_like_html(
        "<!-- saved from url=(0040)http://example.com/ -->\n" + " " * 2000 + "<html>"
    )
    assert looks_like_html("<head><meta charset=gbk></head>")
    fragment = (
        '<text id="x">\n<table><tr><td><a href="/">Home</a><br><p>Story</p></td></tr></table>'
    )
    assert looks_like_html(fragment)
    assert not looks_like_html("<Anzeige> und ein Satz mit <b>Fett</b> ist noch keine Seite.")
    assert not looks_like_html("# A headline\n\nSome text about <b>bold</b> things.")
    assert not looks_like_html("作者：张三 来源：新华社\n正文第一段。")


def test_zones_become_line_hints() -> None:
    page = html_to_page(ARTICLE)
    h = page.hints
    assert page.text.splitlines()[0] != "# Ferry back in service after repairs"  # nav comes first
    assert "# Ferry back in service after repairs" in page.text.splitlines()
    assert any("[Home](/)" in line for line in _lines(page.text, h.boilerplate_lines))
    assert any("Copyright" in line for line in _lines(page.text, h.boilerplate_lines))
    teasers = _lines(page.text, h.teaser_lines)
    assert any("Quay works" in line for line in teasers)
    content = _lines(page.text, h.content_lines)
    assert any(line.startswith("The ferry went back") for line in content)
    assert not h.content_lines & (h.boilerplate_lines | h.teaser_lines)


def test_declared_metadata() -> None:
    h = html_to_page(ARTICLE).hints
    assert h.title == "Ferry back in service after repairs"  # the site suffix is gone
    assert h.authors == ("Ann Example",)
    assert h.published == "2023-05-02T07:45:00+02:00"  # the page's local time, offset kept
    assert h.language == "en"


def test_json_ld_author_by_reference_and_dates() -> None:
    html = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "NewsArticle", "headline": "Night opening at the library",
       "author": {"@id": "#p1"}, "datePublished": "2024-03-08T21:15:00+08:00",
       "dateModified": "2024-03-09"},
      {"@type": "Person", "@id": "#p1", "name": "Zhou Xiaolan"}]}
    </script></head><body><p>Text of the article, long enough to be read as one.</p></body></html>"""
    h = html_to_page(html).hints
    assert h.authors == ("Zhou Xiaolan",)
    # A CMS stamps every page with a modification time: it counts where the page prints one.
    assert (h.published, h.updated) == ("2024-03-08T21:15:00+08:00", None)
    assert h.title == "Night opening at the library"
    printed = html.replace("<p>Text", "<p>Updated: 9 March 2024</p><p>Text")
    assert html_to_page(printed).hints.updated == "2024-03-09"


def test_publisher_names_and_placeholders_are_not_authors() -> None:
    for value in ("云南网", "佚名", "https://www.facebook.com/someone", "admin"):
        html = f'<html><head><meta name="author" content="{value}"></head><body><p>x</p></body>'
        assert html_to_page(html).hints.authors == ()


def test_class_marked_byline_and_time_element() -> None:
    html = """<html><body><h1>A headline of some length</h1>
    <div class="entry-meta"><span class="byline">By <a href="/u/j" rel="author">Jane Roe</a></span>
    <time datetime="2021-06-01T10:00:00Z">June 1</time></div>
    <p>The article text, which goes on for a while and says something worth reading.</p>
    <div class="comments"><span class="comment-author">Troll</span></div></body></html>"""
    h = html_to_page(html).hints
    assert h.authors == ("Jane Roe",)
    assert h.published == "2021-06-01T10:00:00+00:00"


def test_scripts_styles_comments_and_hidden_blocks_are_dropped() -> None:
    html = """<html><head><style>p { color: red }</style></head><body>
    <script>document.write('<scr'+'ipt src="x.js"></scr'+'ipt>'); var s = "</div><p>leak</p>";</script>
    <noscript>Please enable JavaScript</noscript><template><p>template text</p></template>
    <!-- a comment with <p>markup</p> -->
    <p>Visible text stays.</p>
    <div hidden>hidden attribute</div><div style="display: none">display none</div>
    <span class="sr-only">screen reader only</span><div aria-hidden="true">aria hidden</div>
    <div class="field-label-hidden"><p>A field whose label is hidden is still shown.</p></div>
    </body></html>"""
    text = html_to_page(html).text
    assert "Visible text stays." in text
    assert "A field whose label is hidden is still shown." in text
    for gone in (
        "leak",
        "scr",
        "color",
        "JavaScript",
        "template text",
        "comment",
        "hidden attr",
        "display none",
        "screen reader",
        "aria hidden",
    ):
        assert gone not in text


def test_layout_tables_are_walked_and_data_tables_kept() -> None:
    html = """<html><body><table><tr><td><p>First paragraph of the story in a layout cell.</p>
    <p>Second paragraph of the story.</p></td><td><a href="/x">Side link</a></td></tr></table>
    <table><tr><th>City</th><th>Rain</th></tr><tr><td>Oslo</td><td>12 mm</td></tr></table>
    </body></html>"""
    lines = html_to_page(html).text.splitlines()
    assert "First paragraph of the story in a layout cell." in lines
    assert "Second paragraph of the story." in lines
    assert any(line.startswith("City") and "|" in line for line in lines)
    assert any("Oslo" in line and "|" in line for line in lines)


def test_a_list_of_article_links_is_a_teaser_block() -> None:
    items = "".join(
        f'<li><a href="/n/{i}">Another story number {i} here</a></li>' for i in range(5)
    )
    html = f"""<html><body><div class="box"><ul>{items}</ul></div>
    <div class="story"><p>The story itself, which is long enough to be the article on this page.
    It has a second sentence, too.</p></div></body></html>"""
    page = html_to_page(html)
    teasers = _lines(page.text, page.hints.teaser_lines)
    assert len(teasers) == 5
    assert all("Another story" in line for line in teasers)


def test_deep_nesting_keeps_the_text() -> None:
    html = (
        "<html><body>" + "<div>" * 5000 + "<p>Deep text.</p>" + "</div>" * 5000 + "</body></html>"
    )
    assert "Deep text." in html_to_page(html).text


def test_links_are_markdown_with_safe_urls_and_images_are_optional() -> None:
    html = '<p>See <a href="/a b(1)">the page</a> and <img src="/p.png" alt="pic"> now.</p>'
    text = html_to_page(html).text
    assert "[the page](/a%20b%281%29)" in text
    assert "pic" not in text
    assert "![pic](/p.png)" in html_to_page(html, HtmlOptions(images=True)).text


def test_a_page_text_cannot_fake_a_block_marker() -> None:
    html = "<p>one</p><p>\ue0001</p><p>two</p>"
    lines = [line for line in html_to_page(html).text.splitlines() if line]
    assert lines == ["one", "1", "two"]


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2021-03-04T22:05:00+08:00", "2021-03-04T22:05:00+08:00"),
        ("2021-03-04T22:05Z", "2021-03-04T22:05:00+00:00"),
        ("2019-11-19T21:57:01.5+0530", "2019-11-19T21:57:01+05:30"),
        ("0001-01-01T00:00:00Z", None),  # a CMS's unset date
        ("2021-03-04", "2021-03-04"),
        ("2021-03", "2021-03"),
        ("2021年3月4日 10:20", "2021-03-04T10:20:00"),
        ("yesterday", None),
        ("", None),
    ],
)
def test_iso_date(value: str, iso: str | None) -> None:
    assert iso_date(value) == iso


def test_input_kind_decides_the_route() -> None:
    data = ARTICLE.encode()
    auto = read_bytes(data)
    assert auto.dialect == "html"
    assert auto.title == "Ferry back in service after repairs"
    assert auto.metadata.authors == ("Ann Example",)
    assert read_bytes(data, options=ParseOptions(input="html")) == auto
    as_text = read_bytes(data, options=ParseOptions(input="text"))
    assert as_text.dialect != "html"
    fragment = read_text(
        "<p>A fragment without html or body tags, read as a page.</p>",
        options=ParseOptions(input="html"),
    )
    assert fragment.dialect == "html"
    assert [b.text for b in fragment.body] == [
        "A fragment without html or body tags, read as a page."
    ]
    with pytest.raises(UsageError):
        read_text("x", options=ParseOptions(input="pdf"))


def test_gbk_declared_as_gb2312_keeps_gbk_only_characters() -> None:
    data = (SAMPLES / "gbk_portal_page.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")
    article = read_bytes(data)
    assert article.encoding is not None and article.encoding.name == "gb18030"
    assert "堃" in (article.title or "")
    assert any("刘镕" in b.text for b in article.body)


def test_a_large_page_converts_quickly() -> None:
    import time

    paragraphs = "".join(
        f"<p>Paragraph {i} of a long page, {'word ' * 60}</p>" for i in range(2000)
    )
    page = ARTICLE.replace("<article>", "<article>" + paragraphs)  # about 700 KB
    start = time.perf_counter()
    html_to_page(page)
    assert time.perf_counter() - start < 1.5


cli = CliRunner()


def test_cli_input_option() -> None:
    data = ARTICLE.encode()
    as_html = cli.invoke(app, ["convert", "--to", "json", "--input", "html", "-"], input=data)
    as_text = cli.invoke(app, ["convert", "--to", "json", "--input", "text", "-"], input=data)
    assert as_html.exit_code == as_text.exit_code == 0
    assert json.loads(as_html.stdout)["title"] == "Ferry back in service after repairs"
    assert json.loads(as_html.stdout)["dialect"] == "html"
    assert json.loads(as_text.stdout)["dialect"] != "html"
    explained = cli.invoke(app, ["explain", "--input", "html", "-"], input=data)
    assert explained.exit_code == 0
    assert (
        "title" in explained.stdout and "# Ferry back in service after repairs" in explained.stdout
    )
    bad = cli.invoke(app, ["convert", "--input", "pdf", "-"], input=data)
    assert bad.exit_code == 2


def test_a_date_in_the_article_address_fills_a_gap() -> None:
    html = """<html><body><div class="post"><h2><a href="/blog/2019/03/13/a-post.html">A post
    about nothing in particular</a></h2><p>The text of the post, long enough to be read as the
    body of the page. It says little, but says it twice. It says little.</p></div></body></html>"""
    assert read_text(html).metadata.published == "2019-03-13"
    dated = html.replace("<p>", '<p class="date">2020-01-02</p><p>')
    assert read_text(dated).metadata.published == "2020-01-02"  # what the page says comes first


def test_every_repeated_author_meta_counts_and_is_cleaned() -> None:
    html = """<html><head>
    <meta name="citation_author" content=" Ada  Byron ">
    <meta name="citation_author" content="Charles&nbsp; Babbage">
    </head><body><p>An abstract long enough to be read as the article's text.</p></body></html>"""
    assert html_to_page(html).hints.authors == ("Ada Byron", "Charles Babbage")


UTC_PAGE = """<html lang="{lang}"><head>
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{declared}"}}</script>
</head><body><article><h1>Senate leader meets the court's president</h1>
<div class="article-date">Capital {visible}</div>
<p>The meeting lasted an hour and ended without a statement from either side, aides said.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("lang", "declared", "visible", "published"),
    [
        # 00:44 UTC is 21:44 the day before in the page's zone: the visible date is the local one.
        ("pt-BR", "2022-05-04T00:44:52.000Z", "03/05/2022 21:44", "2022-05-03T21:44:00"),
        # Same date: the declared timestamp is kept, it is the more precise.
        ("pt-BR", "2022-05-04T10:00:00Z", "04/05/2022", "2022-05-04T10:00:00+00:00"),
        # With an offset the declared time is already local: it wins.
        ("pt-BR", "2022-05-04T00:44:52-03:00", "03/05/2022 21:44", "2022-05-04T00:44:52-03:00"),
        # Slashed dates are month-first on English pages.
        ("en", "2022-05-04T01:00:00Z", "05/03/2022 9:00 PM", "2022-05-03T21:00:00"),
    ],
)
def test_a_utc_timestamp_gives_way_to_the_visible_local_date(
    lang: str, declared: str, visible: str, published: str
) -> None:
    page = UTC_PAGE.format(lang=lang, declared=declared, visible=visible)
    assert html_to_page(page).hints.published == published


def test_a_byline_box_near_the_headline_dates_the_article() -> None:
    teasers = "".join(
        f'<div class="card"><a href="/{i}">Another story number {i} of the day</a>'
        f'<span class="post-meta">By Someone | 2 March 2017</span></div>'
        for i in range(3)
    )
    near = f"""<html lang="fr"><body><span class="-meta"><a href="/">Accueil</a> |
    Par <span class="author">Jeanne Martin</span> | 30 septembre 2018</span>
    <h1>Deux ans de réformes en revue</h1>
    <p>Le texte de l'article, assez long pour être lu comme tel, et qui continue encore.</p>
    <p>Article mis à jour le 7 janvier 2020.</p>{teasers}</body></html>"""
    assert html_to_page(near).hints.published == "2018-09-30"
    filler = "".join(
        f"<p><span>Paragraph {i} of a very long article.</span></p>" for i in range(200)
    )
    far = f"""<html><body><h1>A headline of some length</h1>{filler}{teasers}</body></html>"""
    assert html_to_page(far).hints.published is None  # a teaser's byline box, far below


def test_dates_that_only_fill_a_gap() -> None:
    island = """<html><body><h1>Great service, will order again</h1>
    <div class="review-dates"><script type="application/json">
    {"publishedDate": "2016-11-04T20:37:27Z", "updatedDate": null}</script></div>
    <p>Ordered on a Monday and it all arrived on the Tuesday, well packed and fresh.</p>
    </body></html>"""
    assert read_text(island).metadata.published == "2016-11-04T20:37:27+00:00"
    dated = island.replace("<p>Ordered", "<p>Posted on 2016-11-06</p><p>Ordered")
    assert read_text(dated).metadata.published == "2016-11-06"  # the visible byline wins
    essay = """<html><body><p align="center"><strong>革命的心理学</strong></p><hr>
    <p>胡平<br><br>一、这是一篇很长的文章的第一段，讲的是一个值得深入研究的问题。<br>
    二、这是第二段，继续讨论这个问题，并且给出了作者自己的看法和理由。<br>
    ——《北京之春》1996年6月号</p></body></html>"""
    assert read_text(essay).metadata.published == "1996-06"


def test_a_pen_name_leading_the_headline_and_alone_under_it() -> None:
    html = """<html><body><table><tr><td><b>茉莉：我是怎样学会游泳的</b></td></tr>
    <tr><td>作者： 来源： 发布日期： 2005-07-05</td></tr>
    <tr><td><p>我是怎样学会游泳的</p><p>茉莉</p>
    <p>那一年夏天，我在湖南的一个小县城里第一次下水，河水冰凉，我紧紧抓住岸边的石头。</p>
    <p>后来我每天清晨都去河边，一个月以后，终于能游到对岸去了，心里非常高兴。</p>
    </td></tr></table></body></html>"""
    assert read_text(html).metadata.authors == ("茉莉",)
    quoted = html.replace("<p>茉莉</p>", "")  # "Speaker：quote" headlines name no author
    assert read_text(quoted).metadata.authors == ()
