"""The value classes that stand in for frozen dataclasses (``reader.record``): the model's
contract — frozen, equal and hashable by field, pickled for workers, copied with changes."""

from __future__ import annotations

import copy
import pickle
import sys
from pathlib import Path

import pytest

from reader import Article, Block, Metadata, ParseOptions, read_article
from reader.model import Decoded

SEED = Path(__file__).resolve().parent.parent / "samples" / "seed_portal.txt"


def test_article_survives_pickle_and_copy_with_its_explanations() -> None:
    article = read_article(SEED)
    for back in (pickle.loads(pickle.dumps(article)), copy.copy(article), copy.deepcopy(article)):
        assert back == article
        assert hash(back) == hash(article)
        assert back.to_dict() == article.to_dict()
        assert list(back.explanations) == list(article.explanations)


def test_values_are_frozen() -> None:
    block = Block("text", (1,))
    with pytest.raises(AttributeError, match="frozen"):
        block.text = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen"):
        del block.lines  # type: ignore[misc]
    assert not hasattr(block, "__dict__")


def test_defaults_keywords_and_positions_build_the_same_value() -> None:
    assert Metadata() == Metadata((), None, None, None, None, None, (), ())
    assert Block(text="a", lines=(2,)) == Block("a", (2,))
    # A shared default is safe only because values cannot change.
    assert Article().metadata is Article().metadata
    with pytest.raises(TypeError, match="missing argument 'lines'"):
        Block("a")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected"):
        Block("a", (1,), colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="repeated"):
        Block("a", (1,), text="b")  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 2 arguments"):
        Block("a", (1,), 3)  # type: ignore[call-arg]


def test_replace_changes_only_what_it_names() -> None:
    opts = ParseOptions()
    changed = opts.replace(links=True)
    assert (changed.links, opts.links) == (True, False)
    assert changed.replace(links=False) == opts
    with pytest.raises(TypeError, match="unexpected"):
        opts.replace(colour="red")


def test_fields_left_out_of_comparison_and_repr() -> None:
    plain = Decoded("x", "utf-8", "utf-8")
    assert plain.replace(candidates=("anything",)) == plain  # type: ignore[arg-type]
    article = read_article(SEED)
    assert article.replace(explanations=()) == article
    assert "explanations" not in repr(article)
    assert "title=" in repr(article)


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace is new in Python 3.13")
def test_copy_replace() -> None:
    assert copy.replace(Block("a", (1,)), text="b") == Block("b", (1,))  # type: ignore[attr-defined]


def test_a_field_without_default_may_not_follow_one_with() -> None:
    from reader.record import Value

    with pytest.raises(TypeError, match="without a default"):

        class Bad(Value):
            a: int = 0
            b: int
