"""Article → JSON (contract v1, see README) and JSON Lines."""

from __future__ import annotations

import json
from json.encoder import encode_basestring

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from reader.model import Article

INDENT = "  "
# Items of a list encoded into one piece by ``pieces``: a page's thousands of lines go out a few
# kilobytes at a time, not as one string the size of its output.
BATCH = 512


def render(article: Article) -> str:
    """``json.dumps(article.to_dict(), ensure_ascii=False, indent=2)`` and a newline, built with
    the C string encoder: the standard library indents in pure Python, one small string per
    bracket, number and separator, which for a 64 MB page was most of the run's peak memory."""
    return "".join(pieces(article))


def pieces(article: Article) -> Iterator[str]:
    """``render(article)`` in pieces, a top-level field at a time, for a caller that writes each
    one out: then a page's whole output never has to be in memory at once."""
    data: dict[str, Any] = dict(article.to_dict())
    if not _plain(data):
        yield json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return
    if not data:
        yield "{}\n"
        return
    for i, key in enumerate(list(data)):
        value = data.pop(key)  # each field's lists go once it is encoded
        yield ("{\n" if i == 0 else ",\n") + INDENT + _key(key) + ": "
        yield from _encode_in_pieces(value, INDENT)
        del value
    yield "\n}\n"


def render_line(article: Article) -> str:
    """One object on one line: the JSON Lines form, for streams of many inputs."""
    return json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


class _UnusualValueError(Exception):
    """A value the contract never holds (a non-string key, an unknown type): left to ``json``."""


def _scalar(value: Any) -> str | None:
    """A scalar as ``json.dumps`` writes it (the same tests, in the same order); None otherwise."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return None


def _encode(value: Any, indent: str, tail: str = "") -> str:
    """``value`` at nesting ``indent`` as ``indent=2`` writes it, and ``tail``: each container is
    joined from its items' strings at once, so a page's thousands of blocks are one string each,
    not a dozen."""
    scalar = _scalar(value)
    if scalar is not None:
        return scalar + tail
    inner = indent + INDENT
    if isinstance(value, list | tuple):
        if not value:
            return "[]" + tail
        sep = ",\n" + inner
        parts = ["[\n", inner]
        for i, v in enumerate(value):
            if i:
                parts.append(sep)
            parts.append(_encode(v, inner))
        parts += ("\n", indent, "]", tail)
        return "".join(parts)
    if isinstance(value, dict):
        if not value:
            return "{}" + tail
        sep = ",\n" + inner
        parts = ["{\n", inner]
        for i, (k, v) in enumerate(value.items()):
            if i:
                parts.append(sep)
            parts += (_key(k), ": ", _encode(v, inner))
        parts += ("\n", indent, "}", tail)
        return "".join(parts)
    raise _UnusualValueError


def _encode_in_pieces(value: Any, indent: str) -> Iterator[str]:
    """``_encode(value, indent)`` in pieces that join to it, a batch of list items at a time.

    A dict is taken key by key whatever its size: the few keys of ``lines`` hold a list each as
    long as the page (encoded whole, the strings of its items were the peak of a large page).
    """
    whole = isinstance(value, list | tuple) and len(value) <= BATCH // 8
    if not value or whole or not isinstance(value, list | tuple | dict):
        yield _encode(value, indent)
        return
    inner = indent + INDENT
    sep = ",\n" + inner
    if isinstance(value, dict):
        yield "{\n" + inner
        for i, (k, v) in enumerate(value.items()):
            yield (sep if i else "") + _key(k) + ": "
            yield from _encode_in_pieces(v, inner)
        yield "\n" + indent + "}"
        return
    yield "[\n" + inner
    for start in range(0, len(value), BATCH):
        batch = sep.join([_encode(v, inner) for v in value[start : start + BATCH]])
        yield sep + batch if start else batch
    yield "\n" + indent + "]"


def _plain(value: Any) -> bool:
    """Whether ``_encode`` takes ``value`` whole: the types the contract uses, string keys."""
    if value is None or isinstance(value, str | int | float):
        return True
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise _UnusualValueError
    return encode_basestring(key)
