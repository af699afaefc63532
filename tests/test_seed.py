"""The seed page gives exactly what the foundation issue asks for, from a file, stdin or GB18030+CRLF."""

from __future__ import annotations

import pytest

from reader import read_article, read_bytes
from tests.conftest import SAMPLES

SEED = SAMPLES / "seed_portal.txt"


def _check(a) -> None:  # type: ignore[no-untyped-def]
    assert a.title == "洛阳涧西区:描绘城市提质“工笔画”"
    assert a.metadata.authors == ()  # 佚名 is a placeholder
    assert a.metadata.source == "本站原创"
    assert a.metadata.views is None  # the counter is empty
    assert a.metadata.updated == "2022-11-20T00:25:22"
    assert len(a.body) == 5
    assert a.body[0].text.startswith("张二宝的浮华人生如今,走进洛阳市涧西区")
    assert a.body[-1].text.endswith("(洛阳市涧西区委宣传部 高德权供稿)")
    assert "洛阳市涧西区委宣传部 高德权供稿" in a.metadata.credits
    assert [t.text[:4] for t in a.teasers] == ["核心阅读", "小麦颗粒"]
    assert all(t.truncated for t in a.teasers)
    body = "".join(b.text for b in a.body)
    assert "核心阅读" not in body and "小麦颗粒" not in body
    boiler = [b.text for b in a.boilerplate]
    assert "栏目文章" in boiler
    assert "|" in boiler
    assert any("【字体:小 大】" in m.text for m in a.metadata.lines)


def test_seed_from_file() -> None:
    a = read_article(SEED)
    _check(a)
    assert a.encoding is not None and a.encoding.name == "utf-8"


def test_seed_as_gb18030_with_crlf_gives_the_same_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n").encode("gb18030")
    a = read_bytes(data)
    _check(a)
    assert a.encoding is not None and a.encoding.name == "gb18030"
    assert a.body == read_article(SEED).body


@pytest.mark.parametrize("fmt", ["md"])
def test_seed_markdown_has_front_matter_and_title(fmt: str) -> None:
    from reader.render import render

    out = render(read_article(SEED), fmt)
    assert out.startswith("---\n")
    assert "\n# 洛阳涧西区:描绘城市提质“工笔画”\n" in out
