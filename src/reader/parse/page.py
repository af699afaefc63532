"""The state the parser's passes share: one page's lines, the part and reason each line has been
given so far, the bylines found, the line weights and the text run.

A pass reads what earlier passes left here and decides more of it; it gives a line its part only
through ``Page.decide``, which also records the pass's name (what ``reader explain`` shows).
"""

from __future__ import annotations

import itertools

from reader.model import Part
from reader.record import Value

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.byline import Byline
    from reader.model import PageHints
    from reader.segment import Dialect, Line


class ParseOptions(Value):
    """Options for parsing, travelling as one object (cf. black's Mode)."""

    dialect: Dialect | None = None
    # Read by reader.api / reader.html, not by the engine (issue 4):
    input: str = "auto"  # "auto" | "html" | "text": HTML sniffed, forced, or never assumed
    links: bool = False  # keep links as Markdown links in the body (HTML and html2text dumps)
    images: bool = False  # keep images as Markdown images in the body
    # Read by reader.api for decoding (issue 5):
    lang: str | None = None  # language hint for encoding detection
    fix_mojibake: bool = True  # repair text that was mis-decoded once and saved again


class Page:
    """One page while it is parsed. Mutable on purpose: each pass fills in more of it; no
    equality or repr (a page may have a million lines)."""

    __slots__ = (  # noqa: RUF023 (in the order the passes fill them)
        "lines",
        "dialect",
        "hints",
        "part",
        "why",
        "step",
        "current",
        "dayfirst",
        "bylines",
        "weights",
        "start",
        "end",
        "first_body",
        "last_body",
        "title",
        "title_index",
        "dateline",
        "lead",
        "closing",
    )

    def __init__(
        self, lines: list[Line], dialect: Dialect | None = None, hints: PageHints | None = None
    ) -> None:
        n = len(lines)
        self.lines = lines
        self.dialect = dialect
        self.hints = hints
        self.part: list[Part | None] = [None] * n  # None: not decided yet
        self.why: list[str] = [""] * n
        self.step: list[str] = [""] * n  # the pass that decided the line
        self.current = ""  # the pass running now
        self.dayfirst = False  # how slashed dates read ("06/02/2022")
        self.bylines: dict[int, Byline] = {}  # line index → what the byline line says
        self.weights: list[float] = []  # how much each line looks like article text
        self.start = self.end = n  # the text run [start, end)
        self.first_body = self.last_body = 0  # the article's first and last body lines
        self.title: str | None = None
        self.title_index: int | None = None  # the headline's line index
        self.dateline: str | None = None  # a date printed by the headline, when no byline has one
        self.lead: Byline | None = None  # the dateline's credit opening the text
        self.closing: Byline | None = None  # the credits closing the text

    def decide(self, i: int, part: Part, reason: str) -> None:
        """Give line ``i`` its part, saying why; the running pass is recorded as the decider."""
        self.part[i] = part
        self.why[i] = reason
        self.step[i] = self.current

    def body(self, lo: int = 0, hi: int | None = None) -> list[int]:
        """The body lines between ``lo`` and ``hi``, as decided so far."""
        part = self.part
        return [i for i in range(lo, len(part) if hi is None else hi) if part[i] is Part.BODY]

    def metadata(self) -> list[int]:
        """The lines given to the byline so far, in page order."""
        return [i for i, p in enumerate(self.part) if p is Part.METADATA]


def texty(
    lines: Sequence[Line], i: int, step: int, count: int, reach: int | None = None
) -> list[int]:
    """Up to ``count`` lines with text from line ``i`` on (not itself), stepping by ``step``
    (1 down, -1 up), at most ``reach`` lines away: the neighbours that markup lines and blank
    lines leave between a line and what stands next to it."""
    stop = len(lines) if step > 0 else -1
    if reach is not None:
        stop = min(stop, i + reach + 1) if step > 0 else max(stop, i - reach - 1)
    return list(
        itertools.islice((j for j in range(i + step, stop, step) if not lines[j].empty), count)
    )
