"""The plain data that flows between stages: frozen values, no I/O, no terminal.

Every stage hands the next one of these types, so a script can stop after any stage, and the JSON
contract (``to_dict``/``from_dict``) is defined here in one place. Rendering lives in ``render``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum

from reader.record import Value

# Type-only names stay behind this flag: importing typing would cost every start 3 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Literal, NotRequired, TypedDict, overload

    DecodeMethod = Literal[
        "bom",
        "utf-8",
        "header",
        "declared",
        "chardet",
        "evidence",
        "heuristic",
        "fallback",
        "user",
        "empty",
    ]

SCHEMA = "reader.article/1"


class Part(StrEnum):
    """Where an input line went. Every line lands in exactly one."""

    TITLE = "title"
    METADATA = "metadata"
    BODY = "body"
    TEASER = "teaser"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"


class Decoded(Value):
    """Text plus the facts of how it was decoded: a decoder that forgets its codec is a bug."""

    text: str
    encoding: str | None
    method: DecodeMethod
    confidence: float | None = None
    replacements: int = 0
    repair: str | None = (
        None  # the misreading undone, e.g. "gb18030 read as cp1252, saved as UTF-8"
    )
    candidates: tuple[Candidate, ...] = ()
    _no_compare: ClassVar[tuple[str, ...]] = ("candidates",)


class Candidate(Value):
    """One encoding the decoder weighed, where it came from and how it fared (``detect --verbose``).

    ``score`` is the evidence: the mean log-odds, per non-ASCII character, that the decoded text is
    real Chinese, Japanese or Korean rather than the noise a wrong code page makes.
    """

    encoding: str
    source: str  # "header", "declared", "chardet", "cjk" (tried for evidence), "utf-8", "fallback"
    decodes: bool  # the sample decodes without an error
    confidence: float | None = None  # chardet's, when chardet proposed it
    score: float | None = None
    chosen: bool = False


class Block(Value):
    """A run of text with the 1-based input lines it came from."""

    text: str
    lines: tuple[int, ...]


class Teaser(Value):
    """Another article's snippet: its text, whether it was cut off, its own date if it had one."""

    text: str
    lines: tuple[int, ...]
    truncated: bool = False
    date: str | None = None


class Metadata(Value):
    """What the byline said. ``lines`` keeps the raw metadata lines, so placeholders are not lost."""

    authors: tuple[str, ...] = ()
    source: str | None = None
    published: str | None = None
    updated: str | None = None
    views: int | None = None
    editor: str | None = None
    credits: tuple[str, ...] = ()
    lines: tuple[Block, ...] = ()


class PageHints(Value):
    """Evidence a richer input (HTML) gives beyond its text lines. Optional: text dumps have none.

    Line sets hold 1-based line numbers of the text handed to ``parse``.
    """

    title: str | None = None
    title_line: int | None = None  # the line the markup marks as the headline
    authors: tuple[str, ...] = ()
    source: str | None = None
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    boilerplate_lines: frozenset[int] = frozenset()  # nav, header, footer, aside, comments, forms
    teaser_lines: frozenset[int] = frozenset()  # related / recommended blocks
    content_lines: frozenset[int] = frozenset()  # inside the page's article container, if found


class Explanation(Value):
    """Why one input line went where it did: the debugging view behind ``reader explain``."""

    line: int
    part: Part
    reason: str
    text: str
    step: str = ""  # the parser's pass that decided it (reader.parse.PASSES)


class Explanations(Sequence[Explanation]):
    """Every line's ``Explanation``, made when asked for: a parse keeps the four facts in flat
    lists and the repeated reasons once each (interned where they are made), not an object per
    line (a 64 MB page has a million lines, and most runs never look at why)."""

    __slots__ = ("_numbers", "_parts", "_reasons", "_steps", "_texts")

    def __init__(
        self,
        numbers: Sequence[int],
        parts: Sequence[Part],
        reasons: Sequence[str],
        texts: Sequence[str],
        steps: Sequence[str] = (),
    ) -> None:
        self._numbers = numbers
        self._parts = parts
        self._reasons = reasons
        self._texts = texts
        self._steps = steps

    @classmethod
    def of(
        cls,
        numbers: Iterable[int],
        parts: Iterable[Part | None],
        reasons: Iterable[str],
        texts: Iterable[str],
        steps: Iterable[str] = (),
    ) -> Explanations:
        """From per-line values; a part not decided is boilerplate, as with ``Explanation``."""
        # Segment numbers lines 1..n: a range then, and no list of a million numbers is made.
        listed: list[int] | None = None
        first = count = 0
        for n in numbers:
            if listed is None:
                if count == 0:
                    first = n
                if n == first + count:
                    count += 1
                    continue
                listed = list(range(first, first + count))
            listed.append(n)
        compact: Sequence[int] = range(first, first + count) if listed is None else listed
        return cls(
            compact,
            [p or Part.BOILERPLATE for p in parts],
            # Reasons repeat ("blank", "outside the main text run (below), weight 0"): their
            # maker interns them as it makes them (parse does), so each is kept once already.
            list(reasons),
            list(texts),
            list(steps),  # a pass's name, as its function has it: one string per pass
        )

    def __len__(self) -> int:
        return len(self._numbers)

    def _make(self, i: int) -> Explanation:
        step = self._steps[i] if self._steps else ""
        return Explanation(self._numbers[i], self._parts[i], self._reasons[i], self._texts[i], step)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Explanation: ...

        @overload
        def __getitem__(self, index: slice) -> tuple[Explanation, ...]: ...

    def __getitem__(self, index: int | slice) -> Explanation | tuple[Explanation, ...]:
        if isinstance(index, slice):
            return tuple(self._make(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("explanation index out of range")
        return self._make(index)

    def __iter__(self) -> Iterator[Explanation]:
        return map(self._make, range(len(self)))

    def __repr__(self) -> str:
        return f"Explanations({list(self)!r})"


class EncodingInfo(Value):
    name: str | None
    method: str
    confidence: float | None = None
    replacements: int = 0
    repair: str | None = None  # the mojibake repair applied, e.g. "utf-8 read as cp1252"


class Fetched(Value):
    """How a page fetched over HTTP(S) answered: status, ``Content-Type`` and when (UTC)."""

    status: int
    content_type: str | None
    date: str  # ISO 8601 in UTC, e.g. "2024-05-06T10:42:07Z"

    def to_dict(self) -> FetchedDict:
        return {"status": self.status, "content_type": self.content_type, "date": self.date}


class WarcOrigin(Value):
    """Where in a web archive a page was stored: the file, the record's ID, its WARC-Date."""

    file: str
    record_id: str | None
    date: str | None

    def to_dict(self) -> WarcDict:
        return {"file": self.file, "record_id": self.record_id, "date": self.date}


class Article(Value):
    """One parsed page. Nothing vanishes: what is not body is kept as metadata, teaser or boilerplate."""

    title: str | None = None
    title_lines: tuple[int, ...] = ()
    metadata: Metadata = Metadata()
    body: tuple[Block, ...] = ()
    teasers: tuple[Teaser, ...] = ()
    boilerplate: tuple[Block, ...] = ()
    blank_lines: tuple[int, ...] = ()
    encoding: EncodingInfo | None = None
    language: str | None = None
    dialect: str | None = None
    path: str | None = None
    line_count: int = 0
    explanations: Sequence[Explanation] = ()
    # (field, the byline form that gave it, its line): what reader explain reports; not JSON.
    fields_from: tuple[tuple[str, str, int | None], ...] = ()
    # Only for pages from the web or an archive: the final URL, the HTTP answer, the WARC record.
    url: str | None = None
    fetched: Fetched | None = None
    warc: WarcOrigin | None = None
    # The body's text holds Markdown links and images (--links, --images): the Markdown renderer
    # writes them as links, the other formats show the text as it is. How the text was read, not
    # part of it: the JSON contract does not carry it, and it takes no part in equality.
    markdown_links: bool = False
    _no_compare: ClassVar[tuple[str, ...]] = ("explanations", "fields_from", "markdown_links")
    _no_repr: ClassVar[tuple[str, ...]] = ("explanations",)

    @property
    def authors(self) -> tuple[str, ...]:
        return self.metadata.authors

    def to_dict(self) -> ArticleDict:
        """The JSON contract v1 (documented in README.md and ``schema/article-v1.json``).

        ``url``, ``fetched`` and ``warc`` follow ``path`` only when the page came from the web or
        an archive: a file's output has none of them.
        """
        m = self.metadata
        enc = self.encoding
        # The first keys, in their printed order; the rest are added below.
        head: ArticleDict = {"schema": SCHEMA, "path": self.path}  # type: ignore[typeddict-item]
        if self.url is not None:
            head["url"] = self.url
        if self.fetched is not None:
            head["fetched"] = self.fetched.to_dict()
        if self.warc is not None:
            head["warc"] = self.warc.to_dict()
        return {
            **head,
            "title": self.title,
            "authors": list(m.authors),
            "source": m.source,
            "published": m.published,
            "updated": m.updated,
            "views": m.views,
            "editor": m.editor,
            "credits": list(m.credits),
            "body": [b.text for b in self.body],
            "teasers": [
                {"text": t.text, "truncated": t.truncated, "date": t.date} for t in self.teasers
            ],
            "boilerplate": [b.text for b in self.boilerplate],
            "metadata_lines": [b.text for b in m.lines],
            "encoding": {
                "name": enc.name if enc else None,
                "method": enc.method if enc else "text",  # parsed from text, nothing decoded
                "confidence": enc.confidence if enc else None,
                "replacements": enc.replacements if enc else 0,
                "repair": enc.repair if enc else None,
            },
            "language": self.language,
            "dialect": self.dialect,
            "lines": {
                "total": self.line_count,
                "title": list(self.title_lines),
                "metadata": [list(b.lines) for b in m.lines],
                "body": [list(b.lines) for b in self.body],
                "teasers": [list(t.lines) for t in self.teasers],
                "boilerplate": [list(b.lines) for b in self.boilerplate],
                "blank": list(self.blank_lines),
            },
        }

    @classmethod
    def from_dict(cls, d: ArticleDict | dict[str, Any]) -> Article:
        """Rebuild an Article from its JSON form; the inverse of ``to_dict``."""
        lines = d["lines"]
        enc = d["encoding"]
        meta = Metadata(
            authors=tuple(d["authors"]),
            source=d["source"],
            published=d["published"],
            updated=d["updated"],
            views=d["views"],
            editor=d["editor"],
            credits=tuple(d["credits"]),
            lines=tuple(
                Block(t, tuple(n))
                for t, n in zip(d["metadata_lines"], lines["metadata"], strict=True)
            ),
        )
        return cls(
            title=d["title"],
            title_lines=tuple(lines["title"]),
            metadata=meta,
            body=tuple(Block(t, tuple(n)) for t, n in zip(d["body"], lines["body"], strict=True)),
            teasers=tuple(
                Teaser(t["text"], tuple(n), t["truncated"], t.get("date"))
                for t, n in zip(d["teasers"], lines["teasers"], strict=True)
            ),
            boilerplate=tuple(
                Block(t, tuple(n))
                for t, n in zip(d["boilerplate"], lines["boilerplate"], strict=True)
            ),
            blank_lines=tuple(lines["blank"]),
            encoding=None
            if enc["method"] == "text"
            else EncodingInfo(
                enc["name"],
                enc["method"],
                enc["confidence"],
                enc.get("replacements", 0),
                enc.get("repair"),
            ),
            language=d["language"],
            dialect=d.get("dialect"),
            path=d.get("path"),
            line_count=lines["total"],
            url=d.get("url"),
            fetched=Fetched(**fetched) if (fetched := d.get("fetched")) else None,
            warc=WarcOrigin(**warc) if (warc := d.get("warc")) else None,
        )


if TYPE_CHECKING:

    class FetchedDict(TypedDict):
        status: int
        content_type: str | None
        date: str

    class WarcDict(TypedDict):
        file: str
        record_id: str | None
        date: str | None

    class TeaserDict(TypedDict):
        text: str
        truncated: bool
        date: str | None

    class EncodingDict(TypedDict):
        name: str | None
        method: str
        confidence: float | None
        replacements: int
        repair: str | None

    class LinesDict(TypedDict):
        total: int
        title: list[int]
        metadata: list[list[int]]
        body: list[list[int]]
        teasers: list[list[int]]
        boilerplate: list[list[int]]
        blank: list[int]

    class ArticleDict(TypedDict):
        schema: str
        path: str | None
        url: NotRequired[str]
        fetched: NotRequired[FetchedDict]
        warc: NotRequired[WarcDict]
        title: str | None
        authors: list[str]
        source: str | None
        published: str | None
        updated: str | None
        views: int | None
        editor: str | None
        credits: list[str]
        body: list[str]
        teasers: list[TeaserDict]
        boilerplate: list[str]
        metadata_lines: list[str]
        encoding: EncodingDict
        language: str | None
        dialect: str | None
        lines: LinesDict
