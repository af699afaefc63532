"""Coverage-guided fuzzing of decode + parse (atheris / libFuzzer). See fuzz/README.md.

Every input is bytes as a user could feed them. The first byte picks the route (detected
bytes, bytes with a forced ``--encoding``, already-decoded text, text wrapped as an HTML page),
the second a codec; the rest is the page. A crash is anything other than a ``ReaderError`` escaping, a broken invariant
(every line in exactly one part, JSON round-trip, every format renders), or an input of a few KB
that takes seconds (super-linear work: a regex backtracking, a quadratic loop).

    python fuzz/fuzz_read.py fuzz/corpus samples -max_len=8192 -timeout=20
"""

from __future__ import annotations

import json
import os
import sys
import time

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]  # no stubs

# Lets the fuzzer see what str.startswith/endswith compare with. Not the "RegEx" hook: its
# pattern proxy takes no ``pos`` argument, and html.parser calls ``pattern.search(text, i)``.
atheris.enabled_hooks.add("str")

with atheris.instrument_imports(include=["reader"]):
    import reader.html
    import reader.render.json
    import reader.render.markdown
    import reader.render.text  # noqa: F401  (imported inside the hook to be instrumented)
    from reader.api import read_article, read_text
    from reader.errors import ReaderError
    from reader.model import Article
    from reader.render import Format, render

# Seconds one input may take. Inputs are at most -max_len bytes (a few KB): anything linear
# finishes in milliseconds, so a second means work that grows faster than the input.
SLOW = float(os.environ.get("READER_FUZZ_SLOW", "2.0"))


class SlowInputError(Exception):
    """An input that took far longer than its size explains."""


def check(article: Article) -> None:
    """The invariants of tests/test_properties.py, on whatever the fuzzer found."""
    d = article.to_dict()
    lines = d["lines"]
    seen = [*lines["title"], *lines["blank"]]
    for part in ("metadata", "body", "teasers", "boilerplate"):
        for group in lines[part]:
            seen.extend(group)
    assert sorted(seen) == list(range(1, lines["total"] + 1)), "line provenance does not add up"
    for fmt in Format:
        out = render(article, fmt)
        assert render(article, fmt) == out, f"{fmt} rendering is not deterministic"
    back = Article.from_dict(json.loads(render(article, Format.JSON)))
    if article.encoding is None:
        # read_text had nothing to decode; JSON still says {"name": null, "method": "user"},
        # which reads back as an EncodingInfo. Known, reported; not what this run looks for.
        back = back.replace(encoding=None)
    assert back == article, "JSON does not read back into the same Article"


# Codecs a user might force with --encoding, including ones that cannot decode everything.
FORCED = ("gb18030", "cp950", "utf-16-le", "utf-7", "cp1252", "shift_jis", "idna", "ascii")


def one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    route, pick, page = data[0] % 4, data[1], data[2:]
    started = time.perf_counter()
    try:
        if route == 0:
            article = read_article(page)  # detect the encoding, sniff HTML
        elif route == 1:
            article = read_article(page, encoding=FORCED[pick % len(FORCED)])
        elif route == 2:
            article = read_text(page.decode("utf-8", "surrogateescape"))
        else:
            # The HTML path, whatever the bytes: wrap them in a page so the sniffer says HTML.
            body = page.decode("utf-8", "replace")
            article = read_text(f"<!DOCTYPE html><html><body>{body}</body></html>")
    except ReaderError as exc:
        message = str(exc)
        assert message and "\n" not in message, f"unclear error message: {message!r}"
        return
    check(article)
    took = time.perf_counter() - started
    if took > SLOW:
        raise SlowInputError(f"{len(data)} bytes took {took:.1f} s (route {route})")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
