"""The contract's optional fields for pages from the web and from archives: ``url``, ``fetched``
and ``warc`` follow ``path`` when set, are absent for files, validate and round-trip."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from reader import Article, read_article
from reader.model import Fetched, WarcOrigin
from reader.render import render
from tests.conftest import SAMPLES

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads(
    resources.files("reader").joinpath("schemas/article-v1.json").read_text("utf-8")
)


def test_a_fetched_page_carries_url_and_answer_after_path() -> None:
    article = read_article(SAMPLES / "seed_portal.txt").replace(
        path="http://example.test/a",
        url="http://example.test/b",
        fetched=Fetched(200, "text/html; charset=gbk", "2024-05-06T10:42:07Z"),
    )
    data = json.loads(render(article, "json"))
    assert list(data)[:4] == ["schema", "path", "url", "fetched"]
    assert data["fetched"] == {
        "status": 200,
        "content_type": "text/html; charset=gbk",
        "date": "2024-05-06T10:42:07Z",
    }
    jsonschema.validate(data, SCHEMA)
    assert Article.from_dict(data) == article
    assert json.loads(render(article, "jsonl")) == data


def test_an_archived_page_carries_url_and_record() -> None:
    warc = WarcOrigin("crawl.warc.gz", "<urn:uuid:0>", "2024-05-06T10:42:07Z")
    article = read_article(SAMPLES / "english_news.txt").replace(
        path="crawl.warc.gz", url="http://example.test/", warc=warc
    )
    data = json.loads(render(article, "json"))
    assert list(data)[:4] == ["schema", "path", "url", "warc"]
    jsonschema.validate(data, SCHEMA)
    assert Article.from_dict(data) == article


def test_a_file_has_none_of_them() -> None:
    data = read_article(SAMPLES / "english_news.txt").to_dict()
    assert not {"url", "fetched", "warc"} & set(data)
    assert set(SCHEMA["properties"]) - set(data) == {"url", "fetched", "warc"}
