"""C1 controls read as Windows-1252 (reader.normalise), in text dumps and in HTML markup."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reader
from reader.normalise import c1_repair, map_c1, normalise, normalised_lines

PARA = (
    "The harbour\x92s tidal plant opened on Monday\x85 and the mayor called it \x93a great day"
    "\x94 for the town, whose fishermen had waited years for the work to begin at last."
)
MAPPED = (
    "The harbour’s tidal plant opened on Monday… and the mayor called it “a great day” for the "
    "town, whose fishermen had waited years for the work to begin at last."
)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("tidal\x92s", "tidal’s"),
        ("\x93quoted\x94 \x96 \x97 \x80 \x99 \x95 \x8c\x9c", "“quoted” – — € ™ • Œœ"),
        ("wait\x85 what", "wait… what"),
        ("undefined\x81\x8d\x8f\x90\x9d gone", "undefined gone"),
        ("C0\x00\x01\x1b and DEL\x7f gone", "C0 and DEL gone"),
    ],
)
def test_c1_controls_become_their_cp1252_characters(raw: str, text: str) -> None:
    assert normalise(raw) == text
    assert normalised_lines(raw) == [text]


def test_nel_is_an_ellipsis_not_a_line_break() -> None:
    assert normalised_lines("one\x85two\nthree") == ["one…two", "three"]


def test_a_dump_with_c1_controls_reads_them_and_says_so() -> None:
    page = f"Harbour town opens its first tidal plant\n\n{PARA}\n\n{PARA}\n"
    article = reader.read_bytes(page.encode())
    assert [b.text for b in article.body] == [MAPPED, MAPPED]
    assert article.encoding is not None
    assert article.encoding.repair == "cp1252 read as latin-1 (8 C1 controls)"


def test_html_title_and_meta_values_are_mapped_too() -> None:
    html = (
        "<html><head><title>Tidal\x92s \x93first\x94 plant \x96 Harbour News</title>"
        '<meta property="og:title" content="Tidal\x92s \x93first\x94 plant">'
        '<meta name="author" content="Jos\x8e Roe"></head>'
        f"<body><h1>Tidal\x92s \x93first\x94 plant</h1><p>{PARA}</p><p>{PARA}</p></body></html>"
    )
    article = reader.read_bytes(html.encode())
    assert article.title == "Tidal’s “first” plant"
    assert article.authors == ("JosŽ Roe",)
    assert article.body[0].text == MAPPED
    assert article.encoding is not None
    assert article.encoding.repair == "cp1252 read as latin-1 (19 C1 controls)"


def test_a_page_without_c1_controls_has_no_repair() -> None:
    article = reader.read_bytes(f"Title here\n\n{MAPPED}\n".encode())
    assert article.encoding is not None
    assert article.encoding.repair is None


def test_the_c1_repair_follows_a_mojibake_repair() -> None:
    assert c1_repair("a\x92b", "utf-8 read as cp1252") == (
        "utf-8 read as cp1252; cp1252 read as latin-1 (1 C1 control)"
    )
    assert c1_repair("only undefined \x81 ones", None) is None


@given(st.text())
def test_normalised_text_holds_no_control_but_tab_and_newline(text: str) -> None:
    out = normalise(text)
    assert all(c in "\t\n" or not (c < " " or "\x7f" <= c <= "\x9f") for c in out)
    assert normalise(out) == out


@given(st.text())
def test_map_c1_changes_only_c1_controls(text: str) -> None:
    out = map_c1(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or ("\x80" <= a <= "\x9f" and b == a.encode("latin-1").decode("cp1252"))
