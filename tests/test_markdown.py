"""Markdown output means exactly what the text says (issue 17).

A CommonMark parser (markdown-it-py's "commonmark" preset) reads every title, paragraph and
teaser back as the very text, with no HTML, emphasis, code, link, heading, list, quote, rule or
hard break the page did not mean; YAML 1.2 and 1.1 parsers read the front matter back as the JSON
fields. Proved on hand-picked cases, on articles of arbitrary text, and on whatever the reader
makes of arbitrary input (C1 and other controls included).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import reader
from reader import ParseOptions
from reader.errors import ReaderError
from reader.model import Article, Block, EncodingInfo, Metadata, Teaser
from reader.render.links import Link, destination, linked_paragraph, safe_url
from reader.render.markdown import escape, render
from tests.conftest import GOLDEN, SAMPLE_FILES, SAMPLES, check_golden
from tests.mdcheck import MD, check, read_back

if TYPE_CHECKING:
    from pathlib import Path

# Every character CommonMark gives a meaning to somewhere, digits, spaces of several kinds, CJK.
SPECIALS = "<>&*_`[]()!#\\|~-+.=:;\"'/?@{}^$%0123456789 \t\u3000\xa0"
TEXT_CHARS = st.one_of(
    st.sampled_from(SPECIALS),
    st.sampled_from("ab中文\n\r\x85\x92\x01\x1b\x7f\u2028\ufeff"),
    # Any character but a surrogate (no decoded text holds one) and NUL, which CommonMark turns
    # into U+FFFD whatever is written (normalise drops it from every article).
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    # U+000B at either end is lost: the parser strips it and no reference can write it (it is
    # a control normalise drops, so no article holds it).
    return st.text(TEXT_CHARS, min_size=min_size, max_size=max_size).filter(
        lambda s: not s.startswith("\x0b") and not s.endswith("\x0b")
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    meta = Metadata(
        authors=tuple(draw(st.lists(text(1), max_size=2))),
        source=draw(st.none() | text()),
        published=draw(st.none() | st.sampled_from(["2022-11-20", "2022-11-20T00:25:22"])),
        views=draw(st.none() | st.integers(0, 10**9)),
        editor=draw(st.none() | text(1)),
        credits=tuple(draw(st.lists(text(1), max_size=2))),
    )
    return Article(
        title=draw(st.none() | text()),
        metadata=meta,
        body=tuple(Block(t, (1,)) for t in draw(st.lists(text(1), max_size=5))),
        teasers=tuple(Teaser(t, (1,)) for t in draw(st.lists(text(), max_size=3))),
        encoding=draw(st.none() | st.just(EncodingInfo("utf-8", "utf-8"))),
        language=draw(st.none() | st.just("en")),
        path=draw(st.none() | text(1)),
    )


# --- minimal escapes, by hand ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        # The escape goes on the full stop, not before the digits (CommonMark would show it).
        ("1986. 这一年", "1986\\. 这一年"),
        ("1986.这一年", "1986.这一年"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"),
        ("a < b and c > d", "a < b and c > d"),
        ("x<y", "x<y"),
        ("<https://example.org/>", "\\<https://example.org/>"),
        ("AT&T and &amp; and &#60;", "AT&T and \\&amp; and \\&#60;"),
        ("**bold** and *it*", "\\*\\*bold\\*\\* and \\*it\\*"),
        ("2*3 = 6", "2*3 = 6"),
        ("a * b * c", "a * b * c"),
        ("snake_case and __init__", "snake_case and \\_\\_init\\_\\_"),
        ("`code` here", "\\`code\\` here"),
        ("it's a ` tick", "it's a ` tick"),
        ("[text](url)", "[text\\](url)"),
        ("[label]: /definition", "\\[label]: /definition"),
        ("[1] footnote", "[1] footnote"),
        ("# heading", "\\# heading"),
        ("#hashtag", "#hashtag"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("-5 degrees", "-5 degrees"),
        ("---", "\\---"),
        ("```", "\\```"),
        ("  two spaces", "&#32; two spaces"),
        ("\u3000\u3000中文段落", "&#12288;\u3000中文段落"),
        ("hard break  ", "hard break &#32;"),
        ("line\nbreak", "line&#10;break"),
        ("C:\\path\\to", "C:\\path\\to"),
        ("a \\* b", "a \\\\* b"),
        ("~~struck~~", "\\~\\~struck\\~\\~"),
    ],
)
def test_minimal_escapes(raw: str, written: str) -> None:
    assert escape(raw) == written
    assert check(Article(body=(Block(raw, (1,)),)), render(Article(body=(Block(raw, (1,)),)))) == []


def test_heading_keeps_a_closing_hash_run() -> None:
    assert escape("We are #1", "heading") == "We are #1"
    assert escape("C# and F #", "heading") == "C# and F \\#"
    assert escape("##", "heading") == "\\##"


def test_list_items_that_would_be_rules_or_nested_lists() -> None:
    assert escape("--", "item") == "\\--"
    assert escape("- x", "item") == "\\- x"
    assert escape("***", "item") == "\\***"


# --- properties ---------------------------------------------------------------------------------


@FAST
@given(articles())
@example(
    Article(title="#", body=(Block("\\", (1,)), Block("--", (1,))), teasers=(Teaser("--", ()),))
)
@example(Article(body=(Block("_a_ *b* \\`c` <d>", (1,)),), metadata=Metadata(source="\x92\u2028")))
def test_any_article_reads_back_exactly(article: Article) -> None:
    assert check(article, render(article)) == []


@FAST
@given(st.text(TEXT_CHARS, max_size=400))
@example("标题\n\n\x92正文 1986. 这一年 <b>x</b> **y** \x00\x85\n\n# h\n\n- a\n")
def test_whatever_the_reader_makes_of_any_text_reads_back(page: str) -> None:
    article = reader.read_text(page)
    assert check(article, render(article)) == []


@FAST
@given(st.binary(max_size=300))
def test_whatever_the_reader_makes_of_any_bytes_reads_back(data: bytes) -> None:
    try:
        article = reader.read_bytes(data)
    except ReaderError:
        return
    assert check(article, render(article)) == []


def test_front_matter_is_valid_yaml_for_values_yaml_forbids() -> None:
    title = "It\x92s \x7f\x85 \u2028\u2029 \ufeff\ufffe\uffff: - # \"q\" 'q' \\ ---"
    article = Article(title=title, metadata=Metadata(authors=("- a: b", "\x9f")))
    document = render(article)
    assert "\x92" not in document.split("\n---\n")[0]
    assert check(article, document) == []


# --- links and images (--links, --images) ---------------------------------------------------

SCHEMES = ["https://example.org/", "http://x.org/a", "mailto:desk@example.org", "/rel/", "p.html"]
UNSAFE = ["javascript:alert(1)", "JavaScript:x", " data:text/html,x", "vbscript:x", "file:///etc"]
# No brackets, and no "!" (before a link it would make an image of it, in the raw text as well).
PLAIN = st.text(st.sampled_from("ab *_`<>&#\\-.1 中"), max_size=12)


@st.composite
def linked(draw: st.DrawFn) -> tuple[str, str]:
    """(body text as segment writes it, what a reader must see): links to safe addresses kept
    (their targets as markdown-it normalises them), the others reduced to their text."""
    raw: list[str] = []
    seen: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        before = draw(PLAIN)
        raw.append(before)
        seen.append(before)
        anchor = draw(PLAIN.filter(bool))
        safe = draw(st.booleans())
        target = draw(st.sampled_from(SCHEMES if safe else UNSAFE)) + draw(
            st.sampled_from(["", "a b", "x(1)", "q?a=1&amp;b", "\\*"])
        )
        image = draw(st.booleans())
        raw.append(f"{'!' if image else ''}[{anchor}]({target})")
        if safe:
            seen.append(f"{'!' if image else ''}[{anchor}]({MD.normalizeLink(target)})")
        else:
            seen.append(anchor)
    return "".join(raw), "".join(seen)


@FAST
@given(linked())
@example(("a![x](javascript:alert(1))b\\", "axb\\"))
def test_links_keep_safe_targets_and_escape_the_rest(case: tuple[str, str]) -> None:
    raw, seen = case
    article = Article(body=(Block(raw, (1,)),), markdown_links=True)
    back = read_back(render(article), links=True)
    assert back.problems == []
    assert back.body == [seen]


def test_link_targets_and_titles() -> None:
    assert destination("https://x.org/a b") == "<https://x.org/a b>"
    assert destination("https://x.org/(1)") == "<https://x.org/(1)>"
    assert destination("/a\\b&c") == "/a\\\\b\\&c"
    assert safe_url("  JaVa\tScRiPt:alert(1)") is None
    assert safe_url("/a", "https://example.org/news/1.html") == "https://example.org/a"
    assert safe_url("//cdn.example.org/x.png") == "//cdn.example.org/x.png"
    written = linked_paragraph('[a "b"](https://x.org/ "Say \\"hi\\" & go")')
    token = MD.parseInline(written)[0].children or []
    assert token[0].attrs == {"href": "https://x.org/", "title": 'Say \\"hi\\" & go'}


def test_links_resolve_against_the_page_address() -> None:
    article = Article(body=(Block("see [the notice](/n/1)", (1,)),), markdown_links=True)
    out = render(article, base_url="https://example.org/news/")
    assert "see [the notice](https://example.org/n/1)" in out


def test_a_link_in_text_without_links_is_text() -> None:
    article = Article(body=(Block("[x](https://example.org/)", (1,)),))
    assert "[x\\](https://example.org/)" in render(article)


def test_nested_image_link() -> None:
    text = "a [![logo](/i.png)](https://x.org/) b"
    assert linked_paragraph(text) == text
    assert Link((), "/x").image is False


# --- goldens and the samples -----------------------------------------------------------------


def test_links_golden(update_golden: bool) -> None:
    """The page that shows code, read with --links --images: unsafe targets are plain text."""
    options = ParseOptions(links=True, images=True)
    article = reader.read_article(SAMPLES / "code_in_text_page.html", options=options)
    # The path as the other goldens have it: relative, so that the golden holds in any checkout.
    out = render(article.replace(path="samples/code_in_text_page.html"))
    check_golden(GOLDEN / "code_in_text_page.links.md", out, update_golden)
    assert "javascript:" not in out and "vbscript:" not in out and "data:" not in out


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_reads_back(sample: Path) -> None:
    article = reader.read_article(sample)
    assert check(article, render(article)) == []


def test_a_paragraph_of_one_unkept_image_without_alt_text_leaves_nothing() -> None:
    article = Article(
        body=(Block("![](data:image/png;base64,AAA)", (1,)), Block("text", (2,))),
        markdown_links=True,
    )
    assert read_back(render(article), links=True).body == ["text"]
