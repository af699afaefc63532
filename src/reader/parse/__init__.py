"""``Line`` records → ``Article``: which line is title, byline, body, teaser or boilerplate, and why.

The parser is a list of passes over one ``Page`` (``PASSES``, in order). Each pass is a function
named for what it decides, on the evidence its docstring gives; each line's part is decided once,
with a reason, and the pass that decided it is recorded (``reader explain --passes``):

1. ``mark_markup``: blank lines and markup-only lines.
2. ``read_date_order``: how the page writes slashed dates (its language, its own dates).
3. ``find_bylines``: every line that reads as a byline (``reader.byline``).
4. ``weigh_lines``: how much each line looks like article text.
5. ``choose_run``: the text run, the best contiguous run of weighty lines;
   ``text_under_headline``: the prose under the headline and byline, when the run lies apart;
   ``end_at_last_paragraph``: a list of headlines after the last full stop, where the dump
   shows no links.
6. ``absorb_table``, ``start_below_headline``, ``skip_leading_list``, ``start_at_byline``:
   the run's ends adjusted on a table, the headline, a leading list or playlist and the byline.
7. ``classify_run``: inside the run, body unless links, controls, footers or related blocks.
8. ``cut_after_related``, ``unswallow_teasers``: the run's tail given back to lists and teasers;
   ``settle_text`` then fixes where the text starts and ends.
9. ``bylines_above_text``, ``far_byline``, ``counted_byline``, ``bylines_below_text``,
   ``only_credits``: which bylines are the article's.
10. ``choose_title``: the headline.
11. ``byline_under_headline``, ``byline_above_headline``, ``classify_outside``,
    ``name_under_headline``, ``find_dateline``: the rest of the byline, and every line outside
    the run.
12. ``read_text_credits``: the credits printed in the text's own first and last lines.

The evidence generalises across sites: reading length against link share, sentence punctuation
(full-width 。！？ for CJK), position relative to the run, and the labels of bylines. No rule
names a site. ``reader.parse.assemble`` turns the decided page into an ``Article``.
"""

from __future__ import annotations

from time import perf_counter

from reader.parse.assemble import assemble
from reader.parse.language import read_date_order
from reader.parse.meta import (
    byline_above_headline,
    byline_under_headline,
    bylines_above_text,
    bylines_below_text,
    counted_byline,
    far_byline,
    find_bylines,
    find_dateline,
    name_under_headline,
    only_credits,
    read_text_credits,
)
from reader.parse.page import Page, ParseOptions
from reader.parse.parts import (
    classify_outside,
    classify_run,
    cut_after_related,
    mark_markup,
    settle_text,
    unswallow_teasers,
)
from reader.parse.run import (
    absorb_table,
    choose_run,
    end_at_last_paragraph,
    skip_leading_list,
    start_at_byline,
    start_below_headline,
    text_under_headline,
    weigh_lines,
)
from reader.parse.title import choose_title
from reader.segment import segment

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from reader.model import Article, PageHints
    from reader.segment import Dialect, Line

    # (stage or pass name, seconds) in the order they ran: reader explain --trace.
    Trace = list[tuple[str, float]]
    # A pass: decides more of the page, in place.
    Pass = Callable[[Page], None]

__all__ = ["PASSES", "Page", "ParseOptions", "parse_lines", "parse_text", "run_passes"]

PASSES: tuple[Pass, ...] = (
    mark_markup,
    read_date_order,
    find_bylines,
    weigh_lines,
    choose_run,
    text_under_headline,
    end_at_last_paragraph,
    absorb_table,
    start_below_headline,
    skip_leading_list,
    start_at_byline,
    classify_run,
    cut_after_related,
    unswallow_teasers,
    settle_text,
    bylines_above_text,
    far_byline,
    counted_byline,
    bylines_below_text,
    only_credits,
    choose_title,
    byline_under_headline,
    byline_above_headline,
    classify_outside,
    name_under_headline,
    find_dateline,
    read_text_credits,
)


def parse_lines(
    lines: list[Line],
    dialect: Dialect | None = None,
    hints: PageHints | None = None,
    options: ParseOptions | None = None,
    *,
    trace: Trace | None = None,
) -> Article:
    """Give every line one part, pass by pass (``PASSES``), and assemble the article.

    >>> a = parse_text("Home | News\\n\\n# A headline here\\n\\nBy Jane Roe\\n\\n"
    ...                "The first paragraph says something long enough to count as text. "
    ...                "It has two sentences.\\n")
    >>> a.title, a.metadata.authors, len(a.body)
    ('A headline here', ('Jane Roe',), 1)
    """
    page = run_passes(Page(lines, dialect, hints), trace=trace)
    page.weights = []  # a float per line: gone before the article is assembled (a large page's peak)
    if trace is None:
        return assemble(page, options or ParseOptions())
    began = perf_counter()
    article = assemble(page, options or ParseOptions())
    trace.append(("assemble", perf_counter() - began))
    return article


def run_passes(page: Page, passes: Sequence[Pass] = PASSES, *, trace: Trace | None = None) -> Page:
    """Run ``passes`` over ``page`` in order, each recorded as the decider of what it decides;
    with ``trace``, timed. Tests run a pass on its own this way, on a page they write."""
    for step in passes:
        page.current = step.__name__
        if trace is None:
            step(page)
        else:
            began = perf_counter()
            step(page)
            trace.append((step.__name__, perf_counter() - began))
    return page


def parse_text(
    text: str,
    options: ParseOptions | None = None,
    hints: PageHints | None = None,
    *,
    trace: Trace | None = None,
) -> Article:
    """Normalise, segment and parse text into an Article."""
    from reader.normalise import normalised_lines

    opts = options or ParseOptions()
    began = perf_counter() if trace is not None else 0.0
    raw_lines = normalised_lines(text)
    del text  # the caller may have handed over its only reference (reader.api): free it now
    dialect, lines = segment(raw_lines, opts.dialect)
    del raw_lines  # its strings live on in the lines; the list itself need not
    if trace is not None:
        trace.append(("segment", perf_counter() - began))
    return parse_lines(lines, dialect, hints, opts, trace=trace)
