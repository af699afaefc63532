"""Every output validates against the shipped JSON Schema, and JSON round-trips to the Article."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING

import pytest

from reader import Article, read_article
from reader.render import render
from tests.conftest import SAMPLE_FILES

if TYPE_CHECKING:
    from pathlib import Path

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads(
    resources.files("reader").joinpath("schemas/article-v1.json").read_text("utf-8")
)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_output_matches_schema_and_round_trips(sample: Path) -> None:
    article = read_article(sample)
    data = json.loads(render(article, "json"))
    jsonschema.validate(data, SCHEMA)
    assert Article.from_dict(data) == article
    assert json.loads(render(article, "jsonl")) == data


def test_schema_lists_every_field_the_contract_prints() -> None:
    data = read_article(SAMPLE_FILES[0]).to_dict()
    assert set(SCHEMA["required"]) == set(data)
