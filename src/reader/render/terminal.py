"""Article → rich renderable for ``reader view``. Builds, never prints.

This module owns the reading layout: title, one metadata line, the body reflowed to the width the
console offers (capped at a comfortable measure), a dimmed "related" section, a footer naming the
source and its encoding. Choosing the console, colours and the pager is ``reader.console``'s job.

Scraped text only ever enters rich as ``rich.text.Text`` (never as a markup string, not even a
``Rule`` title), so ``[/]`` or ``[Anzeige]`` in a page prints as is.

Lines containing wide (CJK) characters are broken by ``break_cjk`` rather than by rich's own
wrapper: rich only breaks at spaces, so in ``…改造提升、5G XR电竞…`` it moves the whole run after
``5G`` to a new line and leaves ``5G`` stranded on a short one; and it happily starts a line with
``，`` or ends one with ``“``. Text without wide characters is wrapped by rich as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.cells import cell_len, get_character_cell_size
from rich.measure import Measurement
from rich.rule import Rule
from rich.segment import Segment
from rich.text import Text

from reader.model import Block
from reader.render.text import metadata_line

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from reader.model import Article

Theme = Literal["dark", "light"]
THEMES: tuple[Theme, ...] = ("dark", "light")

# A comfortable reading width in cells. CJK text reads best at 30-40 characters a line (72 cells is
# 36 of them); Latin text at 60-80 letters.
MEASURE_CJK = 72
MEASURE_LATIN = 78
# Left margin, so the text does not touch the terminal's edge; dropped on very narrow screens.
MARGIN = 2
_MIN_WIDTH_FOR_MARGIN = 40

# Colours only for accents: the body keeps the terminal's own foreground, which suits any
# background. Standard colour names, so both themes look alike on 16-colour terminals.
STYLES: dict[Theme, dict[str, str]] = {
    "dark": {
        "title": "bold bright_white",
        "meta": "cyan",
        "body": "",
        "teaser": "dim",
        "heading": "bold cyan",
        "boilerplate": "dim italic",
        "footer": "dim",
        "rule": "bright_black",
    },
    "light": {
        "title": "bold blue",
        "meta": "magenta",
        "body": "",
        "teaser": "dim",
        "heading": "bold magenta",
        "boilerplate": "dim italic",
        "footer": "dim",
        "rule": "bright_black",
    },
}

# The heading over the teasers, in the page's language. "其他文章" reads the same in Simplified and
# Traditional Chinese, which the parser does not tell apart.
RELATED = {"zh": "其他文章", "ja": "関連記事"}
# First-line indent: two ideographic spaces in Chinese, one in Japanese.
INDENT = {"zh": "\u3000\u3000", "ja": "\u3000"}

# Line-breaking rules for CJK (GB/T 15834, JIS X 4051 "kinsoku"): characters that must not start a
# line (closing punctuation, small kana, the halves of …… and ——) and that must not end one.
NO_START = frozenset(
    "，。、；：？！）」』】〕〉》〗〙〛｝］”’,.;:?!)]}%…‥—–"
    "ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・·．％‰℃°"
)
NO_END = frozenset("（「『【〔〈《〖〘〚｛［“‘([{")
_SPACES = frozenset(" \t")
_BULLET = re.compile(r"^[•‧·∙●○◆◇■□▪▫►▶▸※\-*]\s*")


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """How to lay out the page. The width is not here: it is whatever the console offers."""

    theme: Theme = "dark"
    indent: bool = False
    teasers: bool = True
    boilerplate: bool = False
    # Cap on the text width in cells; None picks one for the page's language. Give the console
    # width to fill it (``reader view --width N`` does).
    measure: int | None = None


def has_wide(text: str) -> bool:
    """Whether any character takes two cells, i.e. whether CJK line breaking applies."""
    return any(get_character_cell_size(c) == 2 for c in text)


def _units(text: str) -> list[tuple[int, int, int]]:
    """Split into unbreakable units ``(start, end, cells)``: one wide character, a run of spaces,
    or a run of other narrow characters (a Latin word, a number). Zero-width marks stay with what
    they follow, unless that is a space, which a break may drop."""
    units: list[tuple[int, int, int]] = []
    kind = ""
    for i, ch in enumerate(text):
        size = get_character_cell_size(ch)
        if size == 0 and units and kind != "space":
            start, _, cells = units[-1]
            units[-1] = (start, i + 1, cells)
            continue
        now = "space" if ch in _SPACES else "wide" if size == 2 else "narrow"
        if units and now == kind and now != "wide":
            start, _, cells = units[-1]
            units[-1] = (start, i + 1, cells + size)
        else:
            units.append((i, i + 1, size))
        kind = now
    return units


def _fold(text: str, units: list[tuple[int, int, int]], i: int, width: int) -> None:
    """Split unit ``i``, one narrow run wider than a whole line (a URL), after as many cells as
    fit (at least one character), like rich's overflow fold: its head then fills a line."""
    start, end, _ = units[i]
    room, k = width, start
    while k < end and get_character_cell_size(text[k]) <= room:
        room -= get_character_cell_size(text[k])
        k += 1
    k = max(k, start + 1)
    head = (start, k, cell_len(text[start:k]))
    units[i : i + 1] = [head, (k, end, cell_len(text[k:end]))] if k < end else [head]


def break_cjk(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy line breaks for text with wide characters: ``(start, end)`` spans, none wider than
    ``width`` cells, spaces at the breaks dropped.

    A line may break between any two characters when one of them is wide, and at spaces; a Latin
    word moves whole to the next line unless it is wider than a line, when it is folded. Closing
    punctuation never starts a line and opening punctuation never ends one (the character before
    moves down instead), unless that would leave no room at all. A last line of one character
    takes one more from the line above.

    >>> s = "我们出去玩，好不好？"
    >>> [s[a:b] for a, b in break_cjk(s, 10)]  # "，" may not start a line, nor "好？" be alone
    ['我们出去', '玩，好', '不好？']
    """
    width = max(width, 2)
    units = _units(text)

    def is_space(k: int) -> bool:
        return text[units[k][0]] in _SPACES

    def may_break_before(k: int) -> bool:
        if is_space(k):
            return False  # break after the spaces, never before them
        if is_space(k - 1):
            return True
        return text[units[k][0]] not in NO_START and text[units[k - 1][1] - 1] not in NO_END

    def last_break(first: int, before: int) -> int:
        """The last unit after ``first`` that a line may start with, up to ``before``; or -1."""
        for k in range(before, first, -1):
            if may_break_before(k):
                return k
        return -1

    lines: list[tuple[int, int]] = []  # (first unit, unit after the last) of each line
    i = 0
    while i < len(units):
        while i < len(units) and is_space(i):
            i += 1  # a continuation line never starts with the space it broke at
        if i == len(units):
            break
        pos, j = 0, i
        while j < len(units) and (is_space(j) or pos + units[j][2] <= width):
            pos += units[j][2]
            j += 1
        if j == len(units):
            cut = j
        elif j > i:
            # Kinsoku: back off to where a break is allowed; if nowhere, a rule bends rather
            # than a line overflows.
            cut = last_break(i, j)
            cut = j if cut < 0 else cut
        else:
            _fold(text, units, i, width)
            cut = i + 1
        lines.append((i, cut))
        i = cut

    if len(lines) >= 2:
        # No orphan: a last line of one lone character (plus its punctuation) takes one more.
        (first, prev_cut), (last, stop) = lines[-2], lines[-1]
        solid = [
            k for k in range(last, stop) if not is_space(k) and text[units[k][0]] not in NO_START
        ]
        if len(solid) == 1 and units[solid[0]][2] == 2:
            k = last_break(first + 1, prev_cut - 1)
            if k > 0 and sum(u[2] for u in units[k:stop]) <= width:
                lines[-2:] = [(first, k), (k, stop)]

    spans: list[tuple[int, int]] = []
    for first, stop in lines:
        while stop > first and is_space(stop - 1):
            stop -= 1
        spans.append((units[first][0], units[stop - 1][1]))
    return spans


class Paragraph:
    """A block of text wrapped to the width offered, with an optional hanging prefix (``• ``).

    Text with wide characters is broken by ``break_cjk``; other text by rich's own word wrap.
    Either way the lines are handed back to rich as ``Text``, which keeps every style span.
    """

    def __init__(self, text: Text, prefix: Text | None = None) -> None:
        self.text = text
        self.prefix = prefix or Text("")

    def lines(self, console: Console, width: int) -> list[Text]:
        """The wrapped lines, prefix included, none wider than ``width`` cells."""
        hang = self.prefix.cell_len
        room = max(width - hang, 1)
        body: list[Text] = []
        for piece in self.text.split("\n", allow_blank=True):
            plain = piece.plain
            if has_wide(plain):
                spans = break_cjk(plain, room)
                # One divide for all lines: piece i*2+1 lies between the ends of span i.
                parts = piece.divide([x for span in spans for x in span])
                body += [parts[n * 2 + 1] for n in range(len(spans))] or [Text("")]
            else:
                wrapped = list(piece.wrap(console, room, overflow="fold")) or [Text("")]
                for line in wrapped:
                    line.rstrip()
                body += wrapped
        out: list[Text] = []
        for n, line in enumerate(body or [Text("")]):
            lead = self.prefix.copy() if n == 0 else Text(" " * hang)
            out.append(Text.assemble(lead, line, end=""))
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(console, options.max_width):
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(p) for p in self.text.plain.split("\n")), default=0)
        return Measurement(min(4, longest), longest + self.prefix.cell_len)


class Fields:
    """``a · b · c``, wrapped between fields where it can be, so no line ends with a dangling
    separator and a date or a name is not split; a field wider than a line wraps like a paragraph."""

    SEP = " · "

    def __init__(self, fields: list[str], style: str, sep_style: str) -> None:
        self.fields = fields
        self.style = style
        self.sep_style = sep_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = Text("")
        for field in self.fields:
            text = Text(field, style=self.style)
            if line and line.cell_len + len(self.SEP) + text.cell_len <= width:
                line.append(self.SEP, style=self.sep_style)
                line.append_text(text)
                continue
            if line:
                yield from Paragraph(line).__rich_console__(console, options)
            line = text
        if line:
            yield from Paragraph(line).__rich_console__(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(f) for f in self.fields), default=0)
        total = sum(cell_len(f) for f in self.fields) + len(self.SEP) * (len(self.fields) - 1)
        return Measurement(min(4, widest), max(total, 0))


def _para(text: str, style: str, prefix: str = "", prefix_style: str = "") -> Paragraph:
    return Paragraph(Text(text, style=style), Text(prefix, style=prefix_style or style))


def _encoding_note(article: Article) -> str:
    """``utf-8``, ``gb18030 (chardet 0.41)``, ``cp1252 (fallback, 3 replaced)``: how it was read."""
    enc = article.encoding
    if enc is None or not enc.name:
        return ""
    how: list[str] = []
    if enc.method == "chardet" and enc.confidence is not None:
        how.append(f"chardet {enc.confidence:.2f}")
    elif enc.method == "user":
        how.append("--encoding")
    elif enc.method not in ("utf-8", "empty"):
        how.append(enc.method)
    if enc.replacements:
        how.append(f"{enc.replacements} replaced")
    return f"{enc.name} ({', '.join(how)})" if how else enc.name


def measure_for(article: Article) -> int:
    """The default text width cap for a page: narrower for CJK, where characters are wide."""
    return MEASURE_CJK if article.language in ("zh", "ja", "ko") else MEASURE_LATIN


class ArticleView:
    """The whole page, laid out for the width of the console it is printed on."""

    def __init__(self, article: Article, options: ViewOptions | None = None) -> None:
        self.article = article
        self.options = options or ViewOptions()

    def parts(self) -> Iterator[RenderableType]:
        """Title, metadata, rule, body (with boilerplate in place), related, footer."""
        a, o = self.article, self.options
        s = STYLES[o.theme]
        lang = a.language or ""
        yield Text("")
        if a.title:
            yield _para(a.title, s["title"])
        # Newline as the separator: no field contains one, so this splits the line into its fields.
        fields = [f for f in metadata_line(a, sep="\n").split("\n") if f]
        if fields:
            yield Fields(fields, s["meta"], s["rule"])
        if a.title or fields:
            yield Rule(style=s["rule"])
            yield Text("")
        indent = INDENT.get(lang, "") if o.indent else ""
        for kind, block in self._blocks():
            if kind == "body":
                lead = "" if block.text.startswith("\u3000") else indent
                yield _para(lead + block.text, s["body"])
            else:
                yield _para(block.text, s["boilerplate"])
            yield Text("")
        if o.teasers and a.teasers:
            title = Text(RELATED.get(lang, "Related"), style=s["heading"])
            yield Rule(title, style=s["rule"], align="left")
            for t in a.teasers:
                # Portals often bring their own bullet ("‧", "·"); ours replaces it.
                yield _para(_BULLET.sub("", t.text) or t.text, s["teaser"], "• ", s["rule"])
            yield Text("")
        if not (a.title or a.body or (o.teasers and a.teasers)):
            yield _para("(no text found)", s["footer"])
            yield Text("")
        footer = [p for p in ("stdin" if a.path == "-" else a.path, _encoding_note(a)) if p]
        if footer:
            yield Fields(footer, s["footer"], s["footer"])

    def _blocks(self) -> Iterator[tuple[str, Block]]:
        """Body paragraphs, with boilerplate (when shown) merged in by input line; consecutive
        boilerplate lines become one block, so a run of ``|`` lines takes no blank lines."""
        items = [(b.lines[0] if b.lines else 0, "body", b) for b in self.article.body]
        if self.options.boilerplate:
            items += [
                (b.lines[0] if b.lines else 0, "boilerplate", b) for b in self.article.boilerplate
            ]
            items.sort(key=lambda item: (item[0], item[1]))
        run: list[Block] = []
        for _, kind, block in items:
            if kind == "boilerplate":
                run.append(block)
                continue
            if run:
                yield "boilerplate", _join(run)
                run = []
            yield kind, block
        if run:
            yield "boilerplate", _join(run)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        total = options.max_width
        margin = MARGIN if total >= _MIN_WIDTH_FOR_MARGIN else 0
        cap = self.options.measure or measure_for(self.article)
        width = max(1, min(total - margin, cap))
        inner = options.update(width=width)
        pad = Segment(" " * margin)
        for part in self.parts():
            for line in console.render_lines(part, inner, pad=False, new_lines=False):
                if margin and any(seg.text for seg in line):
                    yield pad  # no margin on blank lines: nothing trails in a copy
                yield from line
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def _join(blocks: list[Block]) -> Block:
    lines = tuple(n for b in blocks for n in b.lines)
    return Block("\n".join(b.text for b in blocks), lines)


def build_view(article: Article, options: ViewOptions | None = None) -> ArticleView:
    """The page as one renderable; print it on a console of the width you want.

    >>> from reader.model import Article
    >>> from rich.console import Console
    >>> console = Console(width=40, color_system=None)
    >>> with console.capture() as out:
    ...     console.print(build_view(Article(title="[/] not markup")))
    >>> out.get().splitlines()[1]
    '  [/] not markup'
    """
    return ArticleView(article, options)
