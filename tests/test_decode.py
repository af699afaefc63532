"""reader.decode: the byte-level decisions, on byte strings written here, plus floors measured on
../shared when it is there (skipped otherwise)."""

from __future__ import annotations

import codecs
import importlib.util
import json
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reader.cli import app
from reader.decode import decode, evidence, glued, plausibility, repair_mojibake
from reader.errors import BinaryInputError, UsageError
from tests.conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

GB_NEWS = (
    "新华社北京电 记者王小明报道：今天上午，市政府召开新闻发布会，介绍了城市交通建设的最新进展。"
)
BIG5_NEWS = "中央社記者林志明台北報導：行政院今天召開會議，討論明年度的經濟發展計畫與交通建設。"
JA_NEWS = (
    "東京都は今日、新しい交通計画を発表しました。市民の皆さんの意見を聞きながら進めるそうです。"
)
KO_NEWS = "서울시는 오늘 새로운 교통 계획을 발표했습니다. 시민들의 의견을 들어 진행할 예정입니다."
PL_NEWS = "Wczoraj w Poznaniu odbyło się spotkanie władz miasta z mieszkańcami, którzy skarżą się na hałas."


# --- the fast path ----------------------------------------------------------------------------


def test_utf8_is_decoded_without_importing_chardet() -> None:
    code = (
        "import sys\n"
        "from reader.decode import decode\n"
        "d = decode('作者：王小明，日期 2024-01-02'.encode('utf-8'))\n"
        "assert d.encoding == 'utf-8' and d.method == 'utf-8', d\n"
        "print('chardet' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (codecs.BOM_UTF8 + "标题".encode(), "utf-8", "标题"),
        (codecs.BOM_UTF16_LE + "标题".encode("utf-16-le"), "utf-16-le", "标题"),
        (codecs.BOM_UTF16_BE + "标题".encode("utf-16-be"), "utf-16-be", "标题"),
        (codecs.BOM_UTF32_LE + "标题".encode("utf-32-le"), "utf-32-le", "标题"),
    ],
)
def test_bom_decides_and_is_dropped(data: bytes, encoding: str, text: str) -> None:
    d = decode(data)
    assert (d.text, d.encoding, d.method) == (text, encoding, "bom")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", ["Plain English news, line one.\nLine two.\n", GB_NEWS])
def test_utf16_and_utf32_without_bom(codec: str, text: str) -> None:
    d = decode(text.encode(codec))
    assert (d.text, d.encoding) == (text, codec)


def test_empty_and_ascii() -> None:
    assert decode(b"").method == "empty"
    d = decode(b"just ascii\n")
    assert (d.text, d.encoding, d.method) == ("just ascii\n", "utf-8", "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
        b"text with a NUL \x00 in it, but not UTF-16 at all: \xff\xfe\xfd" * 3,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode(data)


def test_text_that_starts_like_a_signature_is_still_text() -> None:
    assert decode(b"MZ Racing wins again\n").text == "MZ Racing wins again\n"
    assert decode(b"ID3 tags explained\n").text == "ID3 tags explained\n"


# --- legacy code pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (GB_NEWS, "gb2312", "gb18030"),
        (GB_NEWS, "gbk", "gb18030"),
        (BIG5_NEWS, "big5", "cp950"),
        (JA_NEWS, "shift_jis", "cp932"),
        (JA_NEWS, "euc_jp", "euc_jp"),
        (KO_NEWS, "euc_kr", "cp949"),
    ],
)
def test_cjk_paragraphs_take_the_superset(text: str, codec: str, expected: str) -> None:
    d = decode(text.encode(codec))
    assert (d.text, d.encoding) == (text, expected)


@pytest.mark.parametrize(
    "line",
    [
        "作者：王小明",
        "记者 李华 报道",
        "责任编辑：张伟",
        "[搜索](search.asp)",
        "图片",  # GB2312 CD BC C6 AC is valid UTF-8 ("ͼƬ"): must not be taken for it
        "3小时前",
        "* [国际新闻](/world/)",
        "来源：新华网  2024-05-01 08:30",
    ],
)
def test_short_gb2312_lines(line: str) -> None:
    assert decode(line.encode("gb2312")).text == line


@pytest.mark.parametrize("line", ["記者王小明", "台北報導", "國際新聞", "會員登入", "首頁 | 娛樂"])
def test_short_big5_lines(line: str) -> None:
    assert decode(line.encode("big5")).text == line


def test_lang_hint_settles_an_ambiguous_pair() -> None:
    # Four bytes that chardet reads as Korean; as Chinese they are a word on a health portal.
    assert decode("肿瘤".encode("gb2312"), lang="zh").text == "肿瘤"
    assert decode("黄磊".encode("gb2312"), lang="zh-CN").text == "黄磊"


def test_declared_charset_is_widened() -> None:
    page = '<html><head><meta charset="gb2312"></head><body>镕基 · 新闻</body></html>'
    d = decode(page.encode("gbk"))  # 镕 is GBK, not GB2312: portals declare the subset
    assert (d.encoding, d.method) == ("gb18030", "declared")
    assert "镕基" in d.text


def test_iso_8859_2_is_not_remapped_to_cp1250() -> None:
    for codec in ("iso8859-2", "cp1250"):
        d = decode(PL_NEWS.encode(codec))
        assert d.text == PL_NEWS, codec
    page = f'<meta charset="iso-8859-2"><p>{PL_NEWS}</p>'
    assert decode(page.encode("iso8859-2")).encoding == "iso8859-2"


def test_curly_quotes_mean_cp1252_not_latin9() -> None:
    text = "He said “hello” – and left… It’s over, the café closed."
    d = decode(text.encode("cp1252"))
    assert (d.text, d.encoding) == (text, "cp1252")


def test_seven_bit_cjk() -> None:
    assert decode(JA_NEWS.encode("iso2022_jp")).text == JA_NEWS
    d = decode(GB_NEWS.encode("hz"))
    assert (d.text, d.encoding) == (GB_NEWS, "hz")


def test_candidates_explain_a_legacy_decision() -> None:
    d = decode(GB_NEWS.encode("gbk"))
    chosen = [c for c in d.candidates if c.chosen]
    assert [c.encoding for c in chosen] == ["gb18030"]
    assert chosen[0].decodes and chosen[0].score is not None and chosen[0].score > 0
    # A paragraph of common characters settles it alone: chardet is not asked.
    assert d.method == "evidence"
    assert {c.source for c in d.candidates} == {"cjk"}
    short = decode("作者：王小明".encode("gb2312"))
    assert {c.source for c in short.candidates} >= {"chardet", "cjk"}
    assert [c.encoding for c in short.candidates if c.chosen] == [short.encoding]


def test_user_encoding_wins_and_unknown_is_a_usage_error() -> None:
    d = decode("标题".encode("gbk"), encoding="gbk")
    assert (d.text, d.encoding, d.method) == ("标题", "gbk", "user")
    with pytest.raises(UsageError):
        decode(b"x", encoding="no-such-codec")
    with pytest.raises(UsageError):
        decode(b"x", encoding="rot13")  # a codec, but not a text encoding


def test_evidence_and_plausibility_point_the_right_way() -> None:
    assert evidence(GB_NEWS, "hans").mean > 1.5
    assert evidence(GB_NEWS.encode("gbk").decode("cp949", "replace"), "ko").mean < 0
    assert plausibility("Kraków, Gdańsk") > 0 > plausibility("кякВ ËÑË÷ ╚ÙÎñ")


# --- mojibake ---------------------------------------------------------------------------------


def test_gbk_read_as_latin1_then_saved_as_utf8_is_repaired() -> None:
    mangled = GB_NEWS.encode("gbk").decode("latin-1").encode("utf-8")
    d = decode(mangled)
    assert (d.text, d.encoding, d.repair) == (GB_NEWS, "utf-8", "gb18030 read as cp1252")
    off = decode(mangled, fix_mojibake=False)
    assert off.text == mangled.decode("utf-8") and off.repair is None


def test_big5_read_as_cp1252_is_repaired() -> None:
    assert decode(BIG5_NEWS.encode("big5").decode("latin-1").encode()).text == BIG5_NEWS


def test_utf8_read_as_cp1252_is_repaired() -> None:
    assert repair_mojibake("cafÃ© crÃ¨me") == ("café crème", "utf-8 read as cp1252")
    mangled = GB_NEWS.encode("utf-8").decode("cp1252", "ignore")
    assert repair_mojibake(GB_NEWS.encode().decode("latin-1")) == (
        GB_NEWS,
        "utf-8 read as cp1252",
    )
    assert repair_mojibake(mangled) is None  # "ignore" lost bytes: nothing unambiguous left


def test_utf8_read_as_gbk_is_repaired() -> None:
    # Lossless only when every byte pair is a GBK character, as for these two phrases.
    for text in ("经济发展计划", "北京时间 联系我们"):
        mangled = text.encode("utf-8").decode("gbk")
        assert repair_mojibake(mangled) == (text, "utf-8 read as gb18030")
        assert decode(mangled.encode("utf-8")).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Müller’s café in Zürich – “naïve” façade",
        "Ã",  # one odd character is no pattern
        PL_NEWS,
        GB_NEWS,
        JA_NEWS,
        KO_NEWS,
        "Москва — столица России.",
    ],
)
def test_clean_text_is_not_repaired(text: str) -> None:
    d = decode(text.encode("utf-8"))
    assert (d.text, d.repair) == (text, None)


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_binary(data: bytes) -> None:
    try:
        d = decode(data)
    except BinaryInputError:
        return
    assert isinstance(d.text, str)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200).filter(lambda t: "\x00" not in t))  # NUL makes it binary
@example("\ufeff")
@example("\ufeffA")
def test_utf8_round_trips(text: str) -> None:
    d = decode(text.encode("utf-8"), fix_mojibake=False)
    # A leading U+FEFF encodes as the UTF-8 signature (BOM), which decoding drops by design.
    expected = text.removeprefix("\ufeff")
    assert (d.text, d.encoding) == (expected, "utf-8")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1))
def test_utf8_cjk_always_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8")).text == text


# --- the detect command -----------------------------------------------------------------------


def test_detect_verbose_lists_candidates() -> None:
    result = CliRunner().invoke(
        app, ["detect", "-", "--json", "--verbose"], input=GB_NEWS.encode("gbk")
    )
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["encoding"] == "gb18030"
    assert any(c["chosen"] and c["encoding"] == "gb18030" for c in row["candidates"])
    plain = CliRunner().invoke(app, ["detect", "-", "-v"], input=GB_NEWS.encode("gbk"))
    assert plain.stdout.splitlines()[0].startswith("-\tgb18030\t")
    assert "  * gb18030\t" in plain.stdout


def test_detect_lang_and_binary() -> None:
    result = CliRunner().invoke(app, ["detect", "-", "--lang", "zh"], input="肿瘤".encode("gbk"))
    assert result.stdout.split("\t")[1] == "gb18030"
    result = CliRunner().invoke(app, ["detect", "-", "--json"], input=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert json.loads(result.stdout)["encoding"] is None


# --- floors on ../shared (skipped when it is absent) --------------------------------------------


def _bench() -> ModuleType:
    """benchmarks/encodings.py, under a name that cannot shadow the stdlib's ``encodings``."""
    path = ROOT / "benchmarks" / "encodings.py"
    spec = importlib.util.spec_from_file_location("reader_bench_encodings", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
def test_chinese_corpus_files_floor(shared: Path) -> None:
    bench = _bench()
    root = shared / "encodings"
    if not root.is_dir():
        pytest.skip("../shared/encodings is not here")
    cases = [
        c for c in bench.corpus_files(root) if c.truth and bench.family(c.truth) in bench.CHINESE
    ]
    assert len(cases) > 50
    ok = sum(decode(c.data).text == bench.reference(c.data, c.truth) for c in cases)
    assert ok / len(cases) >= 0.98, f"{ok}/{len(cases)}"


@pytest.mark.corpus
def test_short_lines_floor(shared: Path) -> None:
    bench = _bench()
    items = list(bench.short_lines(shared / "corpus", 80, None, {"zh"}))
    sample = items[:: max(1, len(items) // 800)]
    ok = sum(
        decode(data).text == data.decode(bench.FAMILY_SUPERSET[codec]) for _, data, codec in sample
    )
    assert ok / len(sample) >= 0.97, f"{ok}/{len(sample)}"


def test_gbk_page_with_two_stray_bytes_is_still_gbk() -> None:
    """A single-byte code page "decodes" anything; a CJK reading failing on 2 bytes is better."""
    text = "青石镇老街改造让古镇焕发新活力，沿街的茶馆、手工作坊和书屋次第开门迎客。" * 20
    data = text.encode("gbk")
    data = data[:300] + b"\x80\xff" + data[300:]
    d = decode(data)
    assert d.encoding == "gb18030"
    assert d.replacements >= 1
    assert "手工作坊" in d.text


# What decode.glued stands for: one regex, whose Han ranges cost 2 ms to compile each start.
GLUED = re.compile(r"(?<=[A-Za-z])[\u3041-\u30ff\u3400-\u9fff\uf900-\ufaff](?=[a-z])")


@given(
    st.text(alphabet="aZk 體中ぁ\u3040\u30ff\u3100\ufaff\ufb00é1", max_size=14),
    st.integers(min_value=0, max_value=16),
)
def test_glued_characters_are_counted_as_the_han_range_regex_finds_them(
    text: str, end: int
) -> None:
    assert glued(text, end) == len(GLUED.findall(text, 0, end))
