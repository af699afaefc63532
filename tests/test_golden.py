"""Every sample, rendered in every format, equals its reviewed golden file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from reader import read_article
from reader.render import EXTENSIONS, Format, render
from tests.conftest import GOLDEN, SAMPLE_FILES, check_golden

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", [Format.MD, Format.JSON, Format.TEXT], ids=str)
def test_sample_matches_golden(sample: Path, fmt: Format, update_golden: bool) -> None:
    article = read_article(sample.read_bytes())
    out = render(article, fmt)
    check_golden(GOLDEN / f"{sample.stem}{EXTENSIONS[fmt]}", out, update_golden)
