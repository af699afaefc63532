"""Invariants that hold for every input, checked on generated portal-like pages (hypothesis).

The pages are random mixes of what scraped portals contain: headlines, Chinese and English byline
lines, paragraphs, teasers cut off with an ellipsis, table-cell pipes, Markdown and lynx debris,
blank lines and stray control characters, joined with any newline convention and encoded in the
encodings ``reader`` detects. For each page:

1. every input line lands in exactly one part (the JSON ``lines`` object covers 1..total once);
2. nothing but a ``ReaderError`` escapes the library;
3. normalising twice equals normalising once;
4. the JSON output reads back into the same ``Article``;
5. rendering is deterministic.

Examples are few (CI time); a failure hypothesis finds is shrunk and printed, and belongs in
``tests/test_adversarial.py`` as a named regression case once fixed.
"""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import reader
from reader.decode import decode
from reader.errors import ReaderError
from reader.model import Article
from reader.normalise import normalise, normalised_lines, split_lines
from reader.render import Format, render

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.model import ArticleDict

# A longer run by hand: READER_PROPERTY_EXAMPLES=5000 pytest tests/test_properties.py
EXAMPLES = int(os.environ.get("READER_PROPERTY_EXAMPLES", "60"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- the generator ------------------------------------------------------------------------------

HANZI = "洛阳涧西区描绘城市提质工笔画记者通讯员来源发布时间新闻中国经济社会发展改革开放人民政府"
HANT = "臺灣報導記者來源發佈時間經濟發展夜市攤商開張觀光區域鄉鎮縣政府"
KANA = "ニュースの記事を読むことができますカタカナ"
NAMES = ["张三", "李四", "王小明", "佚名", "admin", "Jane Roe", "John Smith", "本站", ""]
SOURCES = ["新华社", "本站原创", "人民日报", "Reuters", "中央社", "未知", ""]
DATES = [
    "2022/11/20 0:25:22",
    "2022-11-20",
    "2022年11月20日",
    "2012年01月11日 10:22:11",
    "Nov 20, 2022",
    "20.11.2022",
    "2022年13月40日",
    "",
]
WORDS = "the city council said on monday that a new plan would open more parks and roads"
WORDS_LIST = WORDS.split(" ")

_zh_chars = st.text(alphabet=HANZI + HANT + KANA, min_size=1, max_size=30)
_en_words = st.lists(st.sampled_from(WORDS_LIST), min_size=1, max_size=14).map(" ".join)


@st.composite
def _title(draw: st.DrawFn) -> str:
    head = draw(st.one_of(_zh_chars, _en_words.map(str.title)))
    suffix = draw(st.sampled_from(["", "_新闻中心_某某网", " | Example News", " - 人民网"]))
    prefix = draw(st.sampled_from(["", "# ", "## ", "**"]))
    return prefix + head + suffix


@st.composite
def _byline(draw: st.DrawFn) -> str:
    name, source, date = (
        draw(st.sampled_from(NAMES)),
        draw(st.sampled_from(SOURCES)),
        draw(st.sampled_from(DATES)),
    )
    views = draw(st.sampled_from(["", "0", "1,024", "12345"]))
    templates = [
        f"作者:{name} 文章来源:{source} 点击数:{views} 更新时间:{date}",
        f"作者：{name}　來源：{source}　發佈時間：{date}",
        f"记者 {name} 通讯员 {name}",
        f"发布时间：{date}  浏览：{views}",
        f"By {name}",
        f"Published {date} | Updated {date}",
        f"Source: {source}",
        f"责任编辑：{name}",
        f"文/{name}",
        "【字体：小 中 大】【打印】【关闭】",
        "上一篇：无 下一篇：无",
        f"Views: {views}",
    ]
    return draw(st.sampled_from(templates))


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        sentences = draw(st.lists(_zh_chars, min_size=1, max_size=5))
        text = "，".join(sentences) + draw(st.sampled_from(["。", "！", "？", ""]))
    else:
        sentences = draw(st.lists(_en_words, min_size=1, max_size=5))
        text = ". ".join(s.capitalize() for s in sentences) + draw(st.sampled_from([".", "!", ""]))
    credit = draw(st.sampled_from(["", "（洛阳市涧西区委宣传部 高德权供稿）", "(Photo: AP)"]))
    return draw(st.sampled_from(["", "　　", "    "])) + text + credit


@st.composite
def _teaser(draw: st.DrawFn) -> str:
    text = draw(st.one_of(_zh_chars, _en_words))
    bullet = draw(st.sampled_from(["", "* ", "· ", "1. "]))
    return bullet + text + draw(st.sampled_from(["…", "...", "……", "。。。", "...)"]))


_pipes = st.sampled_from(["|", "| |", "||", " | ", "|---|---|", "首页 | 新闻 | 图片", "a|b|c"])
_blank = st.sampled_from(["", " ", "\t", "　", "   \t "])
_markup = st.sampled_from(
    [
        "[首页](http://example.com/) > [新闻](/news/)",
        "![图片](/img/a.jpg)",
        "[IMG] [1]相关新闻",
        "* [Related story](https://example.com/a)",
        "---",
        "____________",
        "相关阅读：",
        "Related stories",
        "[![x](a.png)](b.html)",
        "\\*escaped\\* \\_text\\_",
    ]
)
# Controls, zero-width and exotic line ends; NUL is left to the "no exception" test, since a
# NUL byte makes the input binary and there is then no article to check.
_noise = st.sampled_from(
    [
        *("\x01", "\x08", "\x0b", "\x0c", "\x1b[0m", "\x7f", "\x85", "\x9f", "\u200b", "\ufeff"),
        *("\u2028", "\u2029", "\r", "\ue000", "\U0001f600", "\ud7ff", "\uffff"),
    ]
)


@st.composite
def _line(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            ["title", "byline", "para", "para", "para", "teaser", "pipes", "blank", "markup"]
        )
    )
    line: str = draw(
        {
            "title": _title(),
            "byline": _byline(),
            "para": _paragraph(),
            "teaser": _teaser(),
            "pipes": _pipes,
            "blank": _blank,
            "markup": _markup,
        }[kind]
    )
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(line)))
        line = line[:at] + draw(_noise) + line[at:]
    if draw(st.integers(0, 4)) == 0:
        line = draw(st.sampled_from(["| ", "|", "   "])) + line + draw(st.sampled_from([" |", "|"]))
    return line


@st.composite
def portal_text(draw: st.DrawFn) -> str:
    """A page of portal-like lines with one newline convention (or a mix of them)."""
    lines = draw(st.lists(_line(), min_size=0, max_size=40))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    if sep == "mixed":
        parts = []
        for ln in lines:
            parts.append(ln + draw(st.sampled_from(["\n", "\r\n", "\r"])))
        return "".join(parts)
    end = draw(st.sampled_from(["", sep]))
    return sep.join(lines) + (end if lines else "")


ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "gb18030",
    "gbk",
    "big5",
    "cp950",
    "shift_jis",
    "euc-kr",
    "cp1252",
    "utf-16",  # with a BOM
    "utf-16-le",  # without one
    "utf-16-be",
]
# Codecs that keep every character, so the decoded text is the generated text.
LOSSLESS = {"utf-8", "utf-8-sig", "utf-16"}


@st.composite
def portal_bytes(draw: st.DrawFn) -> tuple[bytes, str, str]:
    """(bytes, codec, text): a generated page in one of the encodings we detect."""
    text = draw(portal_text())
    codec = draw(st.sampled_from(ENCODINGS))
    return text.encode(codec, errors="replace"), codec, text


# --- helpers ------------------------------------------------------------------------------------

# Not U+0085: it is a C1 control, read as the cp1252 "…" (reader.normalise), and editors do not
# break lines there either.
_EDITOR_NEWLINES = re.compile(r"\r\n|[\n\r\u2028\u2029]")


def editor_line_count(text: str) -> int:
    """Lines as an editor counts them, written independently of ``normalise``."""
    if not text:
        return 0
    pieces = _EDITOR_NEWLINES.split(text)
    return len(pieces) - (pieces[-1] == "")


def provenance(d: ArticleDict) -> list[int]:
    """Every line number the JSON ``lines`` object names, with repeats, sorted."""
    lines = d["lines"]
    found: list[int] = [*lines["title"], *lines["blank"]]
    for groups in (lines["metadata"], lines["body"], lines["teasers"], lines["boilerplate"]):
        for group in groups:
            found.extend(group)
    return sorted(found)


def read_or_none(data: bytes) -> Article | None:
    """The article, or None for input the library refuses with a ReaderError (binary data)."""
    try:
        return reader.read_article(data)
    except ReaderError:
        return None


def check_every_line_once(article: Article) -> None:
    d = article.to_dict()
    total = d["lines"]["total"]
    assert provenance(d) == list(range(1, total + 1))
    parts = (
        len(d["metadata_lines"]) == len(d["lines"]["metadata"]),
        len(d["body"]) == len(d["lines"]["body"]),
        len(d["teasers"]) == len(d["lines"]["teasers"]),
        len(d["boilerplate"]) == len(d["lines"]["boilerplate"]),
    )
    assert all(parts)


# --- (1) every input line lands in exactly one part ---------------------------------------------


@FAST
@given(portal_bytes())
@example((b"", "utf-8", ""))
@example((b"|\n|\n|\n", "utf-8", "|\n|\n|\n"))
@example((b"\r\n\r\n\r", "utf-8", "\r\n\r\n\r"))
@example(("a\u2028b\x85c\r\nd".encode(), "utf-8", "a\u2028b\x85c\r\nd"))
def test_every_line_lands_in_exactly_one_part(page: tuple[bytes, str, str]) -> None:
    data, codec, text = page
    article = read_or_none(data)
    if article is None:
        return  # refused as binary: nothing to account for (invariant 2 covers the refusal)
    check_every_line_once(article)
    if codec in LOSSLESS and article.dialect != "html":
        # The total is the number of lines the user's editor shows, not some derived count.
        assert article.line_count == editor_line_count(text)


@FAST
@given(st.text(max_size=300))
@example("\r\n")
@example("a\rb\r\n\nc\u2029")
@example("\x00\r\x00\n")
def test_any_text_is_accounted_for_line_by_line(text: str) -> None:
    article = reader.read_text(text)
    check_every_line_once(article)
    if article.dialect != "html":
        assert article.line_count == len(split_lines(normalise(text)))


# --- (2) no exception escapes the library but a ReaderError -------------------------------------


@FAST
@given(st.one_of(st.binary(max_size=2000), portal_bytes().map(lambda p: p[0])))
@example(b"\x00")
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\xef\xbb\xbf\xff")
@example(b"<meta charset=x-no-such-codec>\x80\x81")
@example(b'<?xml version="1.0" encoding="utf-7"?>\x80')
@example(b"~{<:Ky2;S{#,NpJ)l6HK!#~}")
@example(b"\x1b$B$3$s$K$A$O\x1b(B")
def test_no_exception_but_reader_error(data: bytes) -> None:
    try:
        article = reader.read_article(data)
    except ReaderError as exc:
        assert str(exc)  # a message a user can read
        assert "\n" not in str(exc)
        return
    for fmt in Format:
        render(article, fmt)


@FAST
@given(st.binary(max_size=2000))
def test_decode_never_raises_but_for_binary(data: bytes) -> None:
    try:
        d = decode(data)
    except ReaderError:
        return
    assert isinstance(d.text, str)
    assert d.encoding


@FAST
@given(st.text(max_size=200).filter(lambda s: "\x00" not in s))
def test_utf8_text_decodes_to_itself(text: str) -> None:
    d = decode(text.encode("utf-8"), fix_mojibake=False)
    assert d.text == text


# --- (3) normalisation is idempotent ------------------------------------------------------------


@settings(max_examples=5 * EXAMPLES, deadline=None)
@given(st.one_of(st.text(), portal_text(), st.text(alphabet="\r\n\x00\x85\u2028\u2029\x0bab")))
@example("\r\x00\n")
@example("\r\u200b\n")
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert "\r" not in once


@settings(max_examples=5 * EXAMPLES, deadline=None)
@given(st.one_of(st.text(), portal_text(), st.text(alphabet="\r\n\x00\x85\u2028\u2029\x0bab")))
@example("a\r\r\nb\x85c\r")
@example("\r")
def test_lines_are_split_as_the_normalised_text(text: str) -> None:
    """``normalised_lines`` splits line by line (no copy of the page): the same lines."""
    assert normalised_lines(text) == split_lines(normalise(text))


# --- (4) JSON round-trips into the same Article -------------------------------------------------


@FAST
@given(portal_bytes())
def test_json_reads_back_into_the_same_article(page: tuple[bytes, str, str]) -> None:
    article = read_or_none(page[0])
    if article is None:
        return
    for fmt in (Format.JSON, Format.JSONL):
        back = Article.from_dict(json.loads(render(article, fmt)))
        assert back == article
        assert back.to_dict() == article.to_dict()


# --- (5) rendering is deterministic -------------------------------------------------------------


def _all_renderings(data: bytes) -> dict[str, str] | None:
    article = read_or_none(data)
    if article is None:
        return None
    return {str(fmt): render(article, fmt) for fmt in Format}


@FAST
@given(portal_bytes())
def test_rendering_is_deterministic(page: tuple[bytes, str, str]) -> None:
    first = _all_renderings(page[0])
    second = _all_renderings(page[0])
    assert first == second
    if first is not None:
        for out in first.values():
            assert out == "" or out.endswith("\n")  # text of an empty page is empty
            assert "\x1b[" not in out  # files and pipes never get ANSI


def test_generator_covers_the_kinds_it_claims() -> None:
    """Guard against a generator that quietly stopped producing some kind of line."""
    seen: set[str] = set()
    checks: dict[str, Callable[[str], bool]] = {
        "teaser": lambda s: s.endswith(("…", "...")),
        "pipe": lambda s: "|" in s,
        "byline": lambda s: "来源" in s or "By " in s,
        "crlf": lambda s: "\r\n" in s,
    }

    @settings(max_examples=200, deadline=None, database=None)
    @given(portal_text())
    def collect(text: str) -> None:
        for name, check in checks.items():
            if any(check(line) for line in text.replace("\r\n", "\n").split("\n")) or check(text):
                seen.add(name)

    collect()
    assert seen == set(checks)
