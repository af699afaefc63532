"""HTML → text lines in the html2text Markdown dialect, plus ``PageHints`` from the markup.

This module owns what only the DOM knows: which elements are invisible (scripts, styles, hidden
blocks: dropped before anything is converted), the metadata a page declares (``<meta>``, JSON-LD,
``<time datetime>``, ``<title>``), which block is the headline, and which blocks sit in navigation,
related-article lists or the article container. It does *not* decide where a line goes: the lines
it emits go through the same ``segment``/``parse`` engine as a text dump, and the markup evidence
travels beside them as line-number sets in ``PageHints``. Decoding is ``reader.decode``'s job.

The page is parsed with selectolax's Lexbor engine (an HTML5 parser: the tree a browser builds,
with no depth limit). The blocks of the page are then rendered to Markdown by html2text in a single
call: each block is followed by a marker paragraph, so every output line is known to come from one
block, and so from one zone of the page.
"""

from __future__ import annotations

import html as htmlmod
import json
import re
from enum import Enum
from urllib.parse import quote

from reader.dates import citation_date, find_dates, parse_date
from reader.model import PageHints
from reader.record import Record, Value
from reader.segment import CJK_RE, text_size

TYPE_CHECKING = False  # typing's own flag would import typing (3 ms a start)
if TYPE_CHECKING:
    from typing import Any

    from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose content a reader never sees as text. ``select``/``option``: a drop-down shows one
# option, yet html2text would print them all (portals put "other sites" menus there).
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "audio",
    "video",
    "select",
    "datalist",
    "textarea",
    "button",
    "input",
    "head",
)
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "frameset",
    }
)
# Rendered by html2text as one unit when nothing block-like is inside them.
_LEAF_UNITS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "figcaption", "caption", "dt", "dd"}
)
_LIST_UNITS = frozenset({"ul", "ol", "dl", "menu", "dir"})
# Inside a list these make an item a card of its own (teaser cards): the list is walked instead.
_LIST_BREAKERS = frozenset(
    {"table", "div", "p", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
)
_TABLE_BREAKERS = frozenset(BLOCK_TAGS - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption"})

# Class/id/role vocabulary. Words are matched whole after camelCase and separators are split
# ("relatedNews" → "related news"); a few compounds that sites write as one word are listed too.
_BOILER_WORDS = (
    r"nav|navbar|navi|navigation|menu|menus|submenu|menubar|topbar|toolbar|tools?|"
    r"breadcrumbs?|crumbs?|sidebar|side|masthead|banner|footer|foot|copyright|"
    r"comments?|commentlist|replies|reply|discuss|disqus|share|sharing|sharebar|social|sns|"
    r"login|signin|signup|register|subscribe|subscription|newsletter|"
    r"ads?|adv|advs|advert|adverts|advertisement|sponsor|sponsored|promo|gg|"
    r"cookies?|consent|gdpr|popup|modal|overlay|pagination|pager|paging|"
    r"search|searchbox|widgets?|print|fontsize|tags|keywords|skip|"
    r"prevnext|prev|next|author-?bio|byline-?bio|rail|rightrail|leftrail|"
    r"header|topnav|footnav|bottomnav|mainnav|subnav|sitenav|"
    r"banquan|bq|dh|daohang"
)
_TEASER_WORDS = (
    r"related|relate|relates|relatedposts|relatednews|relatedarticles|"
    r"recommend|recommended|recommends|recommendation|recommendations|rec|recs|tuijian|"
    r"xgxw|xgwz|xgyd|xgtj|xglj|jctj|rdph|paihang|"
    r"more|morenews|morestories|readmore|read-more|also|"
    r"hot|hotnews|hotlist|popular|mostread|mostpopular|most|trending|"
    r"rank|ranking|ranklist|top10|toplist|latest|outbrain|taboola|teasers?"
)
_BOILER_RE = re.compile(rf"(?<![a-z0-9])(?:{_BOILER_WORDS})(?![a-z0-9])")
_TEASER_RE = re.compile(rf"(?<![a-z0-9])(?:{_TEASER_WORDS})(?![a-z0-9])")
_CONTENT_RE = re.compile(
    r"(?<![a-z0-9])(?:article|articles|content|contents|post|entry|story|text|body|"
    r"main|detail|artibody|zw|zhengwen|news)(?![a-z0-9])"
)
# Whole class names only: "field-label-hidden" hides a label, "hidden-xs" hides on phones only.
_HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "hide",
        "is-hidden",
        "u-hidden",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "offscreen",
        "d-none",
    }
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s_]+")
_BOILER_TAGS = frozenset({"nav", "aside", "footer", "menu"})
_BOILER_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu"}
)
_WS = re.compile(r"\s+")
_NORM_DROP = re.compile(r"[\W_]+", re.UNICODE)
_TITLE_SPLIT = re.compile(
    # Leading spaces are taken from the start of their run only ((?<!\s)): a bare \s* would
    # retry a long run of spaces from each of its positions.
    r"(?<!\s)\s+[|｜\-–—:·•»]\s+|(?:(?<!\s)\s+)?(?:[|｜_]|[—–]{1,2}|-{2,})\s*"
    # "标题-栏目-网站": Chinese titles join their pieces with a bare hyphen
    r"|(?<=[\u4e00-\u9fff》」）)])-(?=[\u4e00-\u9fff《「（(])"
)
_ISO = re.compile(
    r"^\s*(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)
# CMSs fill an unset date with the calendar's first day ("0001-01-01T00:00:00Z"): no date at all.
_FIRST_YEAR = 1900
_URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|net|org|cn)\b|@", re.IGNORECASE)
_MARK = "\ue000"
_MARK_LINE = re.compile("^\ue000(\\d+)$")


class HtmlOptions(Value):
    """What to keep of the markup in the emitted Markdown."""

    links: bool = False
    images: bool = False


class HtmlPage(Value):
    """The page as text lines in html2text's dialect, with the markup's evidence beside them."""

    text: str
    hints: PageHints
    # A date in the article's own address (canonical link, og:url, the headline's permalink):
    # weaker than anything the page says, so it only fills a gap the text and markup left.
    url_date: str | None = None
    # The line holding the visible headline that <title>/og:title/JSON-LD name, if one does.
    title_line: int | None = None
    # Dates that only fill a gap, before ``url_date``: a JSON data island's, then the one in a
    # closing citation of where the text first appeared ("——《北京之春》1996年6月号").
    fallback_date: str | None = None
    # The publication date the markup declares (<meta>, JSON-LD), with its UTC offset, and the
    # one a dated element shows (<time datetime>, a class-marked date): evidence that
    # ``reader.api`` weighs against the date the visible byline prints.
    declared_date: str | None = None
    element_date: str | None = None
    # The website's own names (``Site``): a printed author that is one is the outlet.
    site: Site | None = None


class Zone(Enum):
    """Where a block of the page sits, as far as its markup tells."""

    NONE = "none"
    CONTENT = "content"
    BOILERPLATE = "boilerplate"
    TEASER = "teaser"


class _El:
    """One element of the page, with what later passes measure about it. Compared by identity.

    Plain slots, not dataclasses (see ``reader.record``): one is built per element of the page.
    """

    __slots__ = (  # noqa: RUF023 (field order)
        "node",
        "tag",
        "parent",
        "text",
        "marks",
        "children",
        "units",
        "link_units",
        "images",
        "inner_block",
        "breakers",
        "score",
        "listing",
        "in_listing",
        "zone",
    )

    def __init__(
        self,
        node: LexborNode | None,
        tag: str,
        parent: _El | None,
        *,
        text: str = "",
        marks: str = "",
    ) -> None:
        self.node = node  # None for a text node
        self.tag = tag
        self.parent = parent
        self.text = text  # text nodes only
        self.marks = marks  # id, class and role, lower-cased and split into words
        self.children: list[_El] = []
        self.units = 0  # reading units of the text below
        self.link_units = 0  # of which inside links
        self.images = 0  # img elements below (or itself)
        self.inner_block = False  # a block-level element below
        self.breakers: frozenset[str] = frozenset()  # tags below that break lists/tables into walks
        self.score = 0.0  # paragraph evidence collected from the blocks below
        self.listing = False  # a list of other articles (repeated items that lead with a link)
        self.in_listing = False  # itself or an ancestor is a listing
        self.zone = Zone.NONE


class _Block(Value):
    """A piece of the page that html2text renders on its own."""

    html: str
    frame: _El  # the element whose content it is (for a unit: the unit itself)
    units: int
    link_units: int
    headline: bool = False  # the element the page's <title>/og:title names, emitted as "# …"


def _words(raw: str) -> str:
    return _SEPARATORS.sub(" ", _CAMEL.sub(" ", raw)).lower().strip()


def _norm(text: str) -> str:
    """Text reduced to letters and digits, for comparing titles."""
    return _NORM_DROP.sub("", text).lower()


def _clean_text(text: str) -> str:
    return _WS.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------------
# Metadata the page declares


def iso_date(value: str | None) -> str | None:
    """A declared date as ISO 8601, with the UTC offset it was declared with, if any.

    The offset is kept, not applied: ``2021-03-04T22:05:00+08:00`` is the page's own local
    time and a valid ISO 8601 value, and converting it would move the day. ``Z`` is written
    ``+00:00``. A year before 1900 is a CMS's empty value, not a date.

    >>> iso_date("2021-03-04T22:05:00+08:00"), iso_date("2021年3月4日"), iso_date("0001-01-01")
    ('2021-03-04T22:05:00+08:00', '2021-03-04', None)
    """
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        y, mo, d, hh, mi, ss, zone = m.groups()
        if int(y) < _FIRST_YEAR:
            return None
        if not d:
            return f"{y}-{mo}"
        if not hh:
            return f"{y}-{mo}-{d}"
        return f"{y}-{mo}-{d}T{int(hh):02d}:{mi}:{ss or '00'}{_offset(zone)}"
    found = parse_date(value[:200])
    return found if found is None or int(found[:4]) >= _FIRST_YEAR else None


def _offset(zone: str | None) -> str:
    """A declared zone as ``+HH:MM`` (``Z`` is ``+00:00``); empty when absent or impossible."""
    if not zone:
        return ""
    if zone == "Z":
        return "+00:00"
    hours, minutes = int(zone[1:3]), int(zone[-2:])
    if hours > 14 or minutes > 59:
        return ""
    return f"{zone[0]}{hours:02d}:{minutes:02d}"


def _json_ld_objects(data: Any) -> list[dict[str, Any]]:
    """Every object in a JSON-LD value: lists and ``@graph`` flattened."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(out) < 200:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return out


def _names(value: Any) -> list[str]:
    """Author names out of a JSON-LD ``author`` value (a string, a Person, or a list of them)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:10]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            names.append(_clean_text(name))
    return names


_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|WebPage|Blog", re.IGNORECASE)
_WRITTEN_BY = re.compile(r"written|author|verfasst|geschrieben|autor|auteur|écrit|escrito|scritto")


def _types(obj: dict[str, Any]) -> str:
    kind = obj.get("@type")
    return " ".join(str(k) for k in kind) if isinstance(kind, list) else str(kind or "")


class _Declared(Record):
    """What the markup says about the page, before any visible text is read."""

    __slots__ = (  # noqa: RUF023 (field order)
        "titles",
        "page_title",
        "authors",
        "published",
        "published_utc",
        "updated",
        "language",
        "urls",
        "data_date",
        "site",
        "source",
    )

    def __init__(self) -> None:
        self.titles: list[str] = []  # og:title, JSON-LD headline, <title>
        self.page_title: str | None = None
        self.authors: list[str] = []
        self.published: str | None = None
        # The declared publication time is in UTC ("Z", "+00:00"): its date may not be the page's.
        self.published_utc = False
        self.updated: str | None = None
        self.language: str | None = None
        self.urls: list[str] = []  # the page's own address, as declared
        # A publication date in a JSON data island (<script type="application/json">): the page's
        # own data, yet not a contract like JSON-LD, so it only fills a gap.
        self.data_date: str | None = None
        # Names of the website and the company behind it: never an author, nor a source.
        self.site = Site()
        # The publication the markup says the article comes from (<meta name=source>, JSON-LD
        # sourceOrganization): not og:site_name, which names the website showing it.
        self.source: str | None = None


def _valid_author(name: str) -> bool:
    from reader.names import is_placeholder

    name = name.strip()
    return (
        1 < len(name) <= 60
        and not _URL_LIKE.search(name)
        and not is_placeholder(name)
        and not name.isdigit()
        and not _ORG_NAME.search(name)
    )


def _read_declared(tree: LexborHTMLParser) -> _Declared:
    """Title candidates, authors and dates from ``<meta>``, JSON-LD and ``<title>``.

    Each kind of evidence is read in turn; where two give a field, the earlier kind comes first
    in the list: JSON-LD, then microdata, then ``<meta>``.
    """
    d = _Declared()
    root = tree.root
    if root is not None:
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
        d.language = lang.strip().lower() or None if lang else None
    meta, repeated = _meta_tags(tree)
    ld = _json_ld(tree)
    authors = ld.authors + _microdata_authors(tree) + _written_by(meta)
    titles = ld.titles + [
        _clean_text(meta[key]) for key in ("og:title", "twitter:title") if key in meta
    ]
    title_node = tree.css_first("title")
    if title_node is not None:
        page_title = _clean_text(title_node.text())
        if page_title:
            d.page_title = page_title
            titles.append(page_title)
    d.titles = list(dict.fromkeys(t for t in titles if t))
    for key in _AUTHOR_KEYS:
        authors += repeated.get(key, [])[:10]
    published = ld.published + [meta[key] for key in _PUBLISHED_KEYS if key in meta]
    updated = ld.updated + [meta[key] for key in _UPDATED_KEYS if key in meta]
    for node in tree.css('link[rel="canonical"]'):
        d.urls.append(node.attributes.get("href") or "")
    d.urls += [meta[k] for k in ("og:url", "twitter:url") if k in meta]
    d.site = _site(meta, ld.publishers, d.page_title, d.urls)
    found = [n for value in authors for n in markup_names(value, d.site)]
    d.authors = list(dict.fromkeys(found))[:6]
    sources = ld.sources + [meta[k] for k in _SOURCE_KEYS if k in meta]
    d.source = next((s for v in sources if (s := _source_name(v, d.site))), None)
    d.published = _local_first([iso for v in published if (iso := iso_date(v))])
    d.published_utc = bool(d.published and d.published.endswith("+00:00"))
    d.data_date = _data_island_date(tree)
    d.updated = next((iso for v in updated if (iso := iso_date(v))), None)
    return d


_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "citation_author",
    "parsely-author",
    "sailthru.author",
)
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "weibo:article:create_at",
)
_UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "lastmod")


def _meta_tags(tree: LexborHTMLParser) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each ``<meta>`` key's first value, and all of its values (scholarly pages give one
    citation_author per author)."""
    meta: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        value = attrs.get("content")
        if key and value and value.strip():
            meta.setdefault(key.strip().lower(), value.strip())
            repeated.setdefault(key.strip().lower(), []).append(value.strip())
    return meta, repeated


class _LinkedData(Record):
    """What the page's JSON-LD says of its article, each field in the order found."""

    __slots__ = ("authors", "published", "publishers", "sources", "titles", "updated")

    def __init__(self) -> None:
        self.titles: list[str] = []
        self.authors: list[str] = []
        self.published: list[str] = []
        self.updated: list[str] = []
        self.publishers: list[str] = []  # the publisher's and the website's own names
        self.sources: list[str] = []  # sourceOrganization: where the article comes from


def _json_ld(tree: LexborHTMLParser) -> _LinkedData:
    """Headline, authors and dates of the JSON-LD objects that describe an article or page: an
    Article's own fields before its WebPage's."""
    found = _LinkedData()
    objects: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            objects += _json_ld_objects(json.loads(node.text(deep=True), strict=False))
        except (ValueError, RecursionError):
            continue
    # Yoast and others give the author as {"@id": …} pointing at a Person elsewhere in the graph.
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    ranked = sorted(
        (o for o in objects if _ARTICLE_TYPES.search(_types(o))),
        key=lambda o: "Page" in _types(o),  # an Article's own fields before its WebPage's
    )
    for obj in objects:
        kind = _types(obj)
        if _ORGANISATION_TYPES.search(kind) and "Person" not in kind:
            found.publishers += _names(obj)
        for key in ("publisher", "provider", "copyrightHolder"):
            found.publishers += _names(_resolved(obj.get(key), by_id))
    for obj in ranked:
        found.sources += _names(obj.get("sourceOrganization"))
        headline = obj.get("headline")
        if isinstance(headline, str) and headline.strip() and "Page" not in _types(obj):
            found.titles.append(_clean_text(headline))
        found.authors += _names(_resolved(obj.get("author") or obj.get("creator"), by_id))
        if isinstance(obj.get("datePublished"), str):
            found.published.append(obj["datePublished"])
        if isinstance(obj.get("dateModified"), str):
            found.updated.append(obj["dateModified"])
    return found


def _resolved(value: Any, by_id: dict[str, Any]) -> list[Any]:
    """A JSON-LD value as a list, each node that only points at another (``{"@id": "#p1"}``)
    replaced by the node it points at."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)
        out.append(item)
    return out


_ORGANISATION_TYPES = re.compile(r"Organization|WebSite|Corporation|Brand", re.IGNORECASE)


def _microdata_authors(tree: LexborHTMLParser) -> list[str]:
    """Microdata: itemprop=author, its name in a nested itemprop=name (often a ``<meta>``).

    Not a comment's or a review's author: those items nest inside the article's own.
    """
    authors = []
    for node in [n for n in tree.css('[itemprop~="author"]') if not _in_comment(n)][:5]:
        name_node = node.css_first('[itemprop~="name"]') or node
        name = name_node.attributes.get("content") or name_node.text(deep=True)
        if name and len(name) <= 80:
            authors.append(_clean_text(name))
    return authors


def _in_comment(node: LexborNode) -> bool:
    """Whether an element sits in a reader's comment or review (by itemtype, class or id)."""
    p = node.parent
    for _ in range(60):
        if p is None:
            return False
        attrs = p.attributes
        if _COMMENT_ITEM.search(attrs.get("itemtype") or ""):
            return True
        marks = _marks(p)
        if marks and _COMMENT_RE.search(marks):
            return True
        p = p.parent
    return False


_COMMENT_ITEM = re.compile(r"Comment|Review|Answer|Question", re.IGNORECASE)


def _written_by(meta: dict[str, str]) -> list[str]:
    """twitter:label1 "Written by" / twitter:data1 "Jane Roe" (WordPress SEO plugins)."""
    authors = []
    for i in "123":
        label = meta.get(f"twitter:label{i}", "").lower()
        if label and _WRITTEN_BY.search(label) and meta.get(f"twitter:data{i}"):
            authors.append(meta[f"twitter:data{i}"])
    return authors


def _local_first(dates: list[str]) -> str | None:
    """The first declared date, unless it is in UTC and another declares the same instant in
    the page's own time: "2019-11-19T04:58:46+00:00" beside "2019-11-18 20:58:46" (the same
    minutes and seconds, whole hours off, as a zone would shift them) is the evening of the
    18th where the article was published.

    >>> _local_first(["2019-11-19T04:58:46+00:00", "2019-11-18T20:58:46"])
    '2019-11-18T20:58:46'
    """
    from datetime import datetime, timedelta

    if not dates or not dates[0].endswith("+00:00"):
        return dates[0] if dates else None
    utc = datetime.fromisoformat(dates[0]).replace(tzinfo=None)
    for other in dates[1:]:
        if len(other) < 19 or other.endswith("+00:00"):
            continue
        try:
            local = datetime.fromisoformat(other[:19])
            offset = datetime.fromisoformat(other).utcoffset() if len(other) > 19 else None
        except ValueError:
            continue
        shift = local - utc
        if offset is not None and shift != offset:
            continue  # another instant
        if (
            shift
            and shift % timedelta(hours=1) == timedelta(0)
            and abs(shift) <= timedelta(hours=14)
        ):
            return other
    return dates[0]


_DATA_DATE_KEYS = (
    "datePublished",
    "publishedDate",
    "publishDate",
    "published_at",
    "publishedAt",
    "pubDate",
)


def _data_island_date(tree: LexborHTMLParser) -> str | None:
    """A publication date named at the top of a small JSON data island.

    Pages that render their byline with JavaScript keep the values in
    ``<script type="application/json">`` (``{"publishedDate": "2016-11-04T20:37:27Z"}``). Only small
    islands count: an application's whole state lists other articles' dates too.
    """
    for node in tree.css('script[type="application/json"]')[:50]:
        text = node.text(deep=True)
        if len(text) > 2000 or ("ublish" not in text and "ubDate" not in text):
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict):
            for key in _DATA_DATE_KEYS:
                value = data.get(key)
                if isinstance(value, str) and (iso := iso_date(value)):
                    return iso
    return None


# ---------------------------------------------------------------------------------------------
# Who the markup says wrote the page, and what it says the website is


class Site(Value):
    """The website and the company behind it, as the page names them: ``og:site_name``, the
    publisher's name, the ``<title>``'s suffix, the domain, the footer's copyright holder.

    A markup author that is one of these is the site's own account, not a writer.
    """

    names: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()  # the labels of the page's own domain ("wiadomosci", "wp")

    def named(self, name: str) -> bool:
        """Whether ``name`` is the site or its company: one of its names, a run of words of one
        (or one is a run of its words), a domain label, or the initials of a domain label.

        >>> Site(("The Beachbody Blog",), ("wp",)).named("Beachbody")
        True
        >>> Site(("The Sun",), ("wp",)).named("Sunil Roe"), Site((), ("wp",)).named("Wirtualna Polska")
        (False, True)
        """
        words = _name_words(name)
        if not words:
            return False
        whole = "".join(words)
        if CJK_RE.search(name):
            for other in self.names:
                site = "".join(_name_words(other))
                if len(site) >= 2 and len(whole) >= 2 and (whole in site or site in whole):
                    return True
            return whole in self.hosts
        runs = _runs(words)
        for other in self.names:
            site_words = _name_words(other)
            if "".join(site_words) in runs or whole in _runs(site_words):
                return True
        if runs & set(self.hosts):
            return True
        initials = "".join(w[0] for w in words)
        return len(words) >= 2 and initials in self.hosts


_WORD_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])|[\W_]+")


def _runs(words: list[str]) -> set[str]:
    """Every run of consecutive words, joined: a b c → a, b, c, ab, bc, abc."""
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _name_words(name: str) -> list[str]:
    """Lower-cased words of a name, camelCase split ("HealthierWorld.gr" → healthier world gr)."""
    return [w.lower() for w in _WORD_SPLIT.split(name) if w]


_SITE_KEYS = (
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
    "twitter:site",
    "publisher",
    "dc.publisher",
    "article:publisher",
    "copyright",
    "dc.rights",
)
_SOURCE_KEYS = ("source", "dc.source", "article:source")
# Generic labels of a host name: "www.news.example.com.cn" is "news" and "example".
_HOST_NOISE = frozenset(
    {"www", "m", "amp", "mobile", "com", "net", "org", "co", "gov", "edu", "ac"}
)


def _site(
    meta: dict[str, str], publishers: list[str], page_title: str | None, urls: list[str]
) -> Site:
    """The names the markup gives the website: its ``<meta>``, JSON-LD publisher, the pieces of
    the ``<title>`` besides the headline, and the labels of its own address."""
    names = list(publishers)
    for key in _SITE_KEYS:
        value = meta.get(key, "")[:200]
        if _URL_LIKE.search(value):
            urls = [*urls, value]  # article:publisher is often the site's Facebook page
        elif value:
            names += [p for p in _PIECE_SPLIT.split(value.lstrip("@")) if p.strip()]
    if page_title:
        pieces = [p.strip() for p in _TITLE_SPLIT.split(page_title) if p and p.strip()]
        if len(pieces) > 1:
            headline = _best_piece(page_title)
            names += [p for p in pieces if p != headline and len(p) <= 40]
    hosts: list[str] = []
    for url in urls:
        m = re.match(r"^\s*(?:[a-z]+:)?//([^/:?#\s]+)(/[^?#\s]*)?", url, re.IGNORECASE)
        if not m:
            continue
        labels = m.group(1).lower().split(".")
        hosts += [label for label in labels[:-1] if label not in _HOST_NOISE]
        if "facebook." in m.group(1) or "twitter." in m.group(1):
            hosts += [seg.lower() for seg in (m.group(2) or "").split("/") if seg][:1]
    return Site(tuple(dict.fromkeys(_clean_text(n) for n in names if n.strip())), tuple(hosts))


def copyright_holders(lines: list[str]) -> list[str]:
    """Who the page's footer says owns it: "© 2019 Beachbody, LLC. All rights reserved." →
    "Beachbody, LLC".

    >>> copyright_holders(["Copyright (c) 2012 WGN-TV", "© Healthier World 2009 - Designed by X"])
    ['WGN-TV', 'Healthier World']
    """
    found = []
    for line in lines:
        m = _COPYRIGHT.search(line)
        if m is None:
            continue
        rest = _COPYRIGHT_YEARS.sub(" ", line[m.end() : m.end() + 120])
        holder = _PIECE_SPLIT.split(_ALL_RIGHTS.split(rest)[0])[0]
        holder = _clean_text(re.sub(r"[\[\]()*_#>|]", " ", holder)).strip(" .,;:")
        if 2 <= len(holder) <= 60:
            found.append(holder)
    return found


_COPYRIGHT = re.compile(r"©|\(c\)|&copy;|\bcopyright\b|版权所有|版權所有", re.IGNORECASE)
_COPYRIGHT_YEARS = re.compile(
    r"(?:©|\(c\)|\bcopyright\b|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)?\d\d\b)?)", re.IGNORECASE
)
_ALL_RIGHTS = re.compile(r"(?i)all rights|alle rechte|tous droits|todos los derechos|\.\s|保留")
# Where one value holds several things: "rizospastis.gr | Synchroni Epochi", "财讯网_提供股票",
# "Finian Cunningham. Sputnik International" (not "Troy L. Smith": one letter before the dot).
# Spaces are taken from the start of their run only ((?<!\s)), as in _TITLE_SPLIT.
_PIECE_SPLIT = re.compile(
    r"(?<!\s)\s+[|｜–—-]\s+|(?:(?<!\s)\s+)?[|｜_]\s*|(?<!\s)\s+[–—]|(?<=[a-z]{2})\.\s+(?=[A-Z])"
)
# "By ", "Autor: ", "Written by", "作者：" before the name in a markup value.
_MARKUP_BY = re.compile(
    r"^\s*(?:(?:written|posted|reported|published|text)\s+by|by|von|par|por|door|autor(?:ka|in)?|"
    r"auteur|author|text|tekst|автор|συντάκτης|作者|撰文|记者|記者)\s*[:：/／]?\s+|"
    r"^\s*(?:autor(?:ka|in)?|auteur|author|автор|συντάκτης|作者|撰文|文|记者|記者)\s*[:：/／]\s*",
    re.IGNORECASE,
)
# A company, a desk or a team, by its last word: "INTERIA.PL S.A.", "AltumNet sp. z o.o.",
# "GroupWeb Media LLC", "Discuz! Team", "News Nation Bureau", "…Λαμπράκη Α.Ε.".
_COMPANY = re.compile(
    r"(?i)(?:^|[\s,.])(?:s\.?\s?a|sp\.\s?z\s?o\.\s?o|sp\.\s?j|s\.?r\.?l|s\.?p\.?a|s\.?a\.?s|"
    r"b\.?v|n\.?v|a\.?g|gmbh|kg|ltd|limited|llc|l\.l\.c|llp|inc|incorporated|corp|corporation|co|"
    r"plc|pty|oy|ab|a/s|sarl|ооо|зао|оао|пао|α\.?ε|ε\.?π\.?ε|ο\.?ε|team|group|media|bureau|desk|"
    r"newsroom|wires?|services|network|redakcja|redaktion|redazione|rédaction|redacción|redação|"
    r"редакция|σύνταξη|staff)\.?$"
    # An office of an organisation: "Coordenadoria de TI", "Department of Health".
    r"|^(?:department|dept|office|division|ministry|coordenadoria|coordinación|departamento|"
    r"secretaria|secretaría|assessoria|ministério|ministerio|ministère|abteilung|wydział)\b"
    r"|(?:有限公司|股份公司|公司|集团|集團|网|網|报|報|社|台|中心|新闻|新聞|日报|日報|频道|頻道|"
    r"编辑部|編輯部|团队|團隊|工作室|贡献者|貢獻者|管理员|管理員|小编|小編)$"
)
# A name with a domain's shape: "TVP.INFO", "HealthierWorld.gr", "in.gr" (not "Dr.Roe").
_DOMAIN_NAME = re.compile(
    r"(?i)^(?!(?:mr|mrs|ms|dr|st|jr|sr|prof)\.)[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.(?:[a-z]{2}|com|net|org|info|biz)$"
)
# CMS and forum software signing a page: "Discuz! Team", "Powered by", a login name.
_CMS = re.compile(r"(?i)discuz|powered by|wordpress|joomla|drupal|dedecms|phpcms|webmaster|\badmin")


def markup_names(value: str, site: Site) -> list[str]:
    """The people a markup author value names: "By " and role words off, the site's own name
    and company, CMS accounts, placeholders and sentences left out.

    >>> markup_names("Jill Disis, CNN Business", Site(("CNN",)))
    ['Jill Disis']
    >>> markup_names("INTERIA.PL S.A.", Site()), markup_names("Autor: Beata Roe", Site())
    ([], ['Beata Roe'])
    """
    from reader.names import split_names

    value = _clean_text(value)
    if not value or len(value) > 200:
        return []
    value = _MARKUP_BY.sub("", value)
    names: list[str] = []
    organisation = False
    for piece in _PIECE_SPLIT.split(value):
        piece = piece.strip(" .,;:")
        if piece and not _URL_LIKE.search(piece) and not _is_prose(piece):
            found = split_names(piece)
            kept = [n for n in found if is_markup_name(n, site)]
            organisation = organisation or len(kept) < len(found)
            names += kept
    if organisation:
        # Beside the site or an office, a bare acronym is the organisation's ("PMJS - Coordenadoria
        # de TI"); a writer's name has a given name and a surname.
        names = [n for n in names if " " in n.strip() or not n.isupper()]
    return names


def _is_prose(piece: str) -> bool:
    """A description, not a list of names: a run of Han text longer than any name."""
    return any(len(p) > 8 for p in _CJK_RUN.findall(piece))


_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def is_markup_name(name: str, site: Site) -> bool:
    """Whether a name from the markup can be a writer's: not the site, its company or domain,
    not a CMS account or a login ("jdadmin", "gto"), not a placeholder.

    >>> is_markup_name("Ann Roe", Site()), is_markup_name("TVP.INFO", Site())
    (True, False)
    """
    from reader.names import is_placeholder

    name = name.strip()
    if not 1 < len(name) <= 60:
        return False
    if _URL_LIKE.search(name) or _DOMAIN_NAME.match(name) or _CMS.search(name):
        return False
    if is_placeholder(name) or _COMPANY.search(name) or site.named(name):
        return False
    if any(c.isdigit() for c in name) or any(c in "【】[]{}<>()（）《》" for c in name):
        return False
    if name.isascii() and " " not in name and name.islower():
        return False  # a login or a slug: "gto", "xinlang-xinwen", "name"
    if CJK_RE.search(name):
        # Han names are two to four characters; transliterations join their parts with a dot.
        parts = re.split(r"[·．•・]", name)
        return all(len(p) <= (4 if len(parts) == 1 else 8) for p in parts)
    return True


def _source_name(value: str, site: Site) -> str | None:
    """An explicit source the markup gives, unless it is an address or the site itself."""
    value = _clean_text(value)
    if not value or len(value) > 40 or _URL_LIKE.search(value) or _DOMAIN_NAME.match(value):
        return None
    from reader.names import is_placeholder

    if is_placeholder(value) or site.named(value):
        return None
    return value


# ---------------------------------------------------------------------------------------------
# The DOM: cleaning, then a light tree of our own that later passes annotate


def _is_hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE_RE.search(style):
        return True
    cls = attrs.get("class")
    return bool(cls and not _HIDDEN_CLASSES.isdisjoint(cls.lower().split()))


def _safe_url(url: str) -> str:
    """A URL html2text and the Markdown link pattern both take: no spaces, brackets, quotes."""
    url = url.strip()
    if url.startswith("data:"):
        return "data:"
    return quote(url[:500], safe="/:?#&=%+,;@!$~*.-_")


def _clean(tree: LexborHTMLParser, options: HtmlOptions) -> None:
    """Drop what a reader never sees, before any text is taken from the page."""
    tree.strip_tags(list(DROP_TAGS), recursive=True)
    body = tree.body
    if body is None:
        return
    hidden = [n for n in body.css("[hidden], [aria-hidden], [style], [class]") if _is_hidden(n)]
    # Only the outermost: a node inside one already removed is freed with it.
    ids = {n.mem_id for n in hidden}
    for node in [n for n in hidden if not _has_ancestor_in(n, ids)]:
        node.decompose()
    for node in body.css("a[href]"):
        node.attrs["href"] = _safe_url(node.attributes.get("href") or "")
    if options.images:
        for node in body.css("img[src]"):
            node.attrs["src"] = _safe_url(node.attributes.get("src") or "")


def _has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    p = node.parent
    while p is not None:
        if p.mem_id in ids:
            return True
        p = p.parent
    return False


def _build(body: LexborNode) -> list[_El]:
    """Our own tree of the body, in document order (iterative: pages nest thousands deep)."""
    root = _El(body, "body", None, marks=_marks(body))
    order = [root]
    stack: list[tuple[LexborNode | None, _El]] = [(body.child, root)]
    comments: list[LexborNode] = []
    while stack:
        node, parent = stack[-1]
        if node is None:
            stack.pop()
            continue
        stack[-1] = (node.next, parent)
        tag = node.tag or ""
        if node.is_text_node:
            text = node.text_content or ""
            if text:
                el = _El(None, "#text", parent, text=text)
                # Digits are no words to text_size, yet "2003-5-29 09:07" must not vanish.
                el.units = text_size(text) or (1 if text.strip() else 0)
                parent.children.append(el)
                order.append(el)
        elif node.is_comment_node:
            comments.append(node)
        elif node.is_element_node:
            el = _El(node, tag, parent, marks=_marks(node))
            parent.children.append(el)
            order.append(el)
            stack.append((node.child, el))
    for node in comments:
        node.decompose()
    # Children come after their parent in document order: summing in reverse order is post-order.
    for el in reversed(order):
        if el.tag == "a":
            el.link_units = el.units
        elif el.tag == "img":
            el.images += 1
        p = el.parent
        if p is not None:
            p.units += el.units
            p.link_units += el.link_units
            p.images += el.images
            p.inner_block = p.inner_block or el.inner_block or el.tag in BLOCK_TAGS
            if el.tag in _LIST_BREAKERS or el.tag in _TABLE_BREAKERS:
                p.breakers = p.breakers | {el.tag} | el.breakers
            elif el.breakers:
                p.breakers = p.breakers | el.breakers
    return order


def _marks(node: LexborNode) -> str:
    a = node.attributes
    parts = [a.get("id") or "", a.get("class") or "", a.get("role") or ""]
    return _words(" ".join(parts)) if any(parts) else ""


# ---------------------------------------------------------------------------------------------
# Blocks: what html2text renders, one piece at a time


def _is_data_table(el: _El) -> bool:
    """A table of data (rows and columns of short cells), not a page laid out in a table."""
    if el.breakers & _TABLE_BREAKERS or el.units > 3000:
        return False
    rows = [c for c in _descendants(el, 4) if c.tag == "tr"]
    if len(rows) < 2:
        return False
    return max(sum(1 for c in r.children if c.tag in ("td", "th")) for r in rows) >= 2


def _descendants(el: _El, depth: int) -> list[_El]:
    out = []
    stack = [(c, 1) for c in el.children]
    while stack:
        c, d = stack.pop()
        out.append(c)
        if d < depth:
            stack.extend((g, d + 1) for g in c.children)
    return out


def _is_unit(el: _El, keep_open: set[int]) -> bool:
    """Whether html2text should render the element whole (else its children are walked)."""
    if id(el) in keep_open:
        return False
    tag = el.tag
    if tag in _LEAF_UNITS:
        return not el.inner_block
    if tag in _LIST_UNITS:
        return not (el.breakers & _LIST_BREAKERS)
    if tag == "blockquote":
        return not (el.breakers & {"table", "div", "section", "article"}) and el.units < 3000
    if tag == "table":
        return _is_data_table(el)
    return False


_KEEP_ATTRS = ("href", "src", "alt", "start")
_VOID = frozenset({"br", "img", "hr", "wbr", "area", "base", "col", "embed", "link", "meta"})


def _serialise(children: list[_El]) -> str:
    """HTML for html2text with only the attributes it reads: a third of the markup on portal pages,
    and html2text's parser is the slowest stage (iterative: pages nest thousands deep)."""
    out: list[str] = []
    stack: list[_El | str] = list(reversed(children))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)  # a closing tag
            continue
        if item.node is None:
            out.append(htmlmod.escape(item.text, quote=False))
            continue
        tag = item.tag
        attrs = item.node.attributes
        kept = "".join(
            f' {k}="{htmlmod.escape(v)}"' for k in _KEEP_ATTRS if (v := attrs.get(k)) is not None
        )
        out.append(f"<{tag}{kept}>")
        if tag in _VOID:
            continue
        stack.append(f"</{tag}>")
        stack.extend(reversed(item.children))
    return "".join(out)


def _blocks(root: _El, title_el: _El | None, images: bool) -> list[_Block]:
    """The page as a sequence of blocks, in document order, each with the element it came from."""
    keep_open: set[int] = set()
    if title_el is not None:
        p = title_el.parent
        while p is not None:
            keep_open.add(id(p))
            p = p.parent
    blocks: list[_Block] = []

    def flush(run: list[_El], frame: _El) -> None:
        units = sum(c.units for c in run)
        if units or (images and any(c.images for c in run)):
            blocks.append(
                _Block(
                    "<div>" + _serialise(run) + "</div>",
                    frame,
                    units,
                    sum(c.link_units for c in run),
                )
            )
        run.clear()

    # A frame per open container: its children still to visit and its pending inline run.
    stack: list[tuple[_El, int, list[_El]]] = [(root, 0, [])]
    while stack:
        frame, i, run = stack.pop()
        if i >= len(frame.children):
            flush(run, frame)
            continue
        c = frame.children[i]
        stack.append((frame, i + 1, run))
        if c is title_el:
            flush(run, frame)
            text = _clean_text(_text_of(c))
            blocks.append(_Block(f"<h1>{htmlmod.escape(text)}</h1>", c, c.units, 0, True))
        elif c.node is None or (not c.inner_block and c.tag not in BLOCK_TAGS):
            if c.tag == "br" or c.units or c.images:
                run.append(c)
            elif c.node is None and run:
                run.append(c)  # whitespace between inline pieces
        elif c.tag == "hr":
            flush(run, frame)
        elif _is_unit(c, keep_open):
            flush(run, frame)
            if c.units or (images and c.images):
                blocks.append(_Block(_serialise([c]), c, c.units, c.link_units))
        else:
            flush(run, frame)
            if c.units:
                stack.append((c, 0, []))
    return blocks


def _text_of(el: _El) -> str:
    if el.node is None:
        return el.text
    return el.node.text(deep=True)


# ---------------------------------------------------------------------------------------------
# Title, container, zones


def _title_pieces(title: str) -> list[str]:
    """The title whole and, if separators split it, its headline piece (not the site name)."""
    pieces = [p.strip() for p in _TITLE_SPLIT.split(title) if p and p.strip()]
    if len(pieces) < 2:
        return [title]
    return [title, max(pieces, key=lambda p: len(CJK_RE.findall(p)) * 2 + len(p))]


def _find_title(order: list[_El], declared: _Declared) -> tuple[_El | None, str | None]:
    """The visible element that shows the headline, and the headline text.

    Candidates come from og:title, JSON-LD and ``<title>`` (whole, and each piece between
    separators such as ``_`` or ``|``, so a site-name suffix does not matter); the element whose
    whole text equals one of them wins, headings first, earliest first. Failing that, an ``h1``
    whose text the ``<title>`` contains.
    """
    wanted: dict[str, int] = {}
    for rank, t in enumerate(declared.titles):
        for piece in _title_pieces(t):
            n = _norm(piece)
            if len(n) >= 4:
                wanted.setdefault(n, rank)
    best: tuple[float, _El, str] | None = None
    h1s = []
    for pos, el in enumerate(order):
        if el.node is None or el.units == 0 or el.units > 120:
            continue
        if el.link_units > el.units / 2 and el.tag not in ("h1", "h2", "h3"):
            continue  # a link elsewhere to this article; a blog's headline may be its permalink
        if el.tag == "h1":
            h1s.append(el)
        if el.tag in ("body", "html", "title") or "_" in el.tag or ":" in el.tag:
            continue  # template engines' own tags (<union_tag_index_title>) echo <title>
        text = _clean_text(_text_of(el))
        n = _norm(text)
        if n not in wanted:
            continue
        # Prefer the outermost element showing exactly this text.
        while el.parent is not None and el.parent.tag != "body" and el.parent.units == el.units:
            el = el.parent
        score = -wanted[n] * 2 - pos / max(1, len(order)) * 3
        if el.tag in ("h1", "h2"):
            score += 6
        elif el.tag in ("h3", "h4", "strong", "b") or "title" in el.marks:
            score += 3
        if best is None or score > best[0]:
            best = (score, el, text)
    if best is not None:
        return best[1], best[2]
    page = _norm(declared.page_title or "")
    headline = _norm(_best_piece(declared.page_title)) if declared.page_title else ""
    for el in h1s:
        text = _clean_text(_text_of(el))
        n = _norm(text)
        # An h1 that is part of <title> and not merely its section or site name.
        if len(n) >= 4 and n in page and len(n) >= 0.35 * len(headline):
            return el, text
    if declared.titles:
        return None, _best_piece(declared.titles[0])
    return None, None


def _best_piece(title: str) -> str:
    """Of ``Headline_Section_Site`` keep the headline: the longest piece, CJK counted double."""
    return _title_pieces(title)[-1]


def _leads_with_link(el: _El) -> bool:
    """Whether the first text inside the element is a link of headline length."""
    stack = [(c, False) for c in reversed(el.children)]
    while stack:
        c, linked = stack.pop()
        if c.node is None:
            if c.units:
                return linked
            continue
        if c.tag == "a" and c.units:
            return c.units >= 6
        stack.extend((g, linked) for g in reversed(c.children))
    return False


_ITEM_TAGS = frozenset({"li", "div", "article", "section", "dd", "dt", "tr", "td", "span", "dl"})


def _mark_listings(order: list[_El]) -> None:
    """Lists of other articles: at least three like items (same tag and class) that each lead
    with a link of headline length and carry little text besides (a teaser, not a chapter)."""
    for el in order:
        kids = [c for c in el.children if c.node is not None and c.units and c.tag in _ITEM_TAGS]
        if len(kids) < 3:
            continue
        groups: dict[tuple[str, str], list[_El]] = {}
        for c in kids:
            groups.setdefault(
                (c.tag, c.node.attributes.get("class") or "" if c.node else ""), []
            ).append(c)
        items = max(groups.values(), key=len)
        if len(items) < 3 or len(items) < 0.6 * len(kids):
            continue
        if sum(c.units for c in items) < 0.7 * el.units:
            continue  # a few link lines (ads, credits) among paragraphs do not make a list
        if sum(c.units for c in items) / len(items) > 400:
            continue
        if sum(_leads_with_link(c) for c in items) >= max(3, 0.6 * len(items)):
            el.listing = True
    for el in order:
        el.in_listing = el.listing or (el.parent is not None and el.parent.in_listing)


_COMMENT_RE = re.compile(
    r"(?<![a-z0-9])(?:comments?|reply|replies|respond|discuss|disqus)(?![a-z0-9])"
)


def _choose_container(order: list[_El], blocks: list[_Block]) -> _El | None:
    """The element holding the article: ``itemprop=articleBody`` if the page says so, else the
    element under which most paragraph text (not link text) sits, in the way readability weighs
    a paragraph for its parent and, half, its grandparent."""
    declared = [
        el
        for el in order
        if el.node is not None
        and el.units >= 40
        and (el.node.attributes.get("itemprop") or "").lower() == "articlebody"
    ]
    if declared:
        return max(declared, key=lambda el: el.units - el.link_units)
    for b in blocks:
        text = b.units - b.link_units * 2
        if text < 10 or b.frame.in_listing:
            continue
        # A paragraph element counts for the element around it; a run of text for its frame.
        holder = b.frame.parent if b.frame.tag in _LEAF_UNITS and b.frame.parent else b.frame
        weight = float(text)
        holder.score += weight
        if holder.parent is not None:
            holder.parent.score += weight / 2
    best: _El | None = None
    best_score = 0.0
    in_comments: set[int] = set()
    for el in order:
        if el.node is None:
            continue
        if (el.parent is not None and id(el.parent) in in_comments) or _COMMENT_RE.search(el.marks):
            in_comments.add(id(el))
        if el.score <= 0:
            continue
        density = el.link_units / el.units if el.units else 1.0
        s = el.score * (1.0 - density)
        if id(el) in in_comments:
            s *= 0.3  # readers' comments can outweigh a short article
        if _CONTENT_RE.search(el.marks) or el.tag == "article":
            s *= 1.25
        if _BOILER_RE.search(el.marks) or _TEASER_RE.search(el.marks):
            s *= 0.6
        if s > best_score:
            best, best_score = el, s
    return best


def _own_zone(el: _El, inside: bool, protected: set[int]) -> Zone:
    """The zone an element's own tag, role and class/id names put it in (NONE if they don't)."""
    if id(el) in protected or el.tag in ("body", "html"):
        # A page-wide wrapper named "main-nav-layout" must not sink the article or its headline.
        return Zone.NONE
    marks = el.marks
    # Inside the article a list of links is the article's own ("10 things to know"); its
    # related-articles lists are named by class, or by a heading the engine recognises.
    if (el.listing and not inside) or (marks and _TEASER_RE.search(marks)):
        return Zone.TEASER
    role = (el.node.attributes.get("role") or "").lower() if el.node is not None else ""
    if el.tag in _BOILER_TAGS or role in _BOILER_ROLES or el.tag == "form":
        return Zone.BOILERPLATE
    if el.tag == "header" and not inside:
        return Zone.BOILERPLATE
    if marks and _BOILER_RE.search(marks):
        return Zone.BOILERPLATE
    return Zone.NONE


def _assign_zones(root: _El, container: _El | None, title_el: _El | None) -> None:
    """Zones top-down: the container's content, and within or around it the marked blocks."""
    above: set[int] = set()
    for start in (container, title_el):
        p: _El | None = start
        while p is not None:
            above.add(id(p))
            p = p.parent
    stack: list[tuple[_El, Zone, bool]] = [(root, Zone.NONE, False)]
    while stack:
        el, inherited, inside = stack.pop()
        if el is container:
            inside = True
            zone = Zone.CONTENT
        else:
            own = _own_zone(el, inside, above)
            if inherited in (Zone.BOILERPLATE, Zone.TEASER):
                zone = inherited if own is Zone.NONE else own
            else:
                zone = own if own is not Zone.NONE else inherited
        el.zone = zone
        stack.extend((c, zone, inside) for c in el.children if c.node is not None)


# ---------------------------------------------------------------------------------------------
# Rendering and assembling


def _converter(options: HtmlOptions) -> Any:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0
    h.unicode_snob = True
    # Links stay in the text as Markdown: their share of a line is evidence the engine weighs.
    h.ignore_links = False
    h.skip_internal_links = False
    h.ignore_images = not options.images
    h.ignore_emphasis = False
    h.emphasis_mark = ""  # italics carry no evidence, and a lone "_" would reach the body text
    return h


def _render(blocks: list[_Block], options: HtmlOptions) -> list[list[str]]:
    """Every block's Markdown lines, from one html2text call over all blocks and markers."""
    parts = []
    for i, b in enumerate(blocks):
        parts.append(b.html.replace(_MARK, ""))  # a page's own U+E000 must not pose as a marker
        parts.append(f"<p>{_MARK}{i}</p>")
    out = _converter(options).handle("".join(parts))
    rendered: list[list[str]] = []
    current: list[str] = []
    for line in out.split("\n"):
        m = _MARK_LINE.match(line.strip())
        if m and int(m.group(1)) == len(rendered):
            rendered.append(current)
            current = []
        else:
            current.append(line)
    if len(rendered) != len(blocks):
        # A marker got lost in some html2text state: convert block by block instead (slower).
        rendered = [_converter(options).handle(b.html).split("\n") for b in blocks]
    for lines in rendered:
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
    return rendered


def html_to_page(text: str, options: HtmlOptions | None = None) -> HtmlPage:
    """Turn an HTML document into html2text-style lines and the hints its markup gives.

    >>> page = html_to_page("<title>A day_Site</title><h1>A day</h1><nav><a href=/>Home</a></nav>"
    ...                     "<p>It was a long day.</p>")
    >>> page.text.splitlines(), page.hints.title, sorted(page.hints.boilerplate_lines)
    (['# A day', '', '[Home](/)', '', 'It was a long day.'], 'A day', [3])
    """
    from selectolax.lexbor import LexborHTMLParser

    opts = options or HtmlOptions()
    tree = LexborHTMLParser(text)
    declared = _read_declared(tree)
    _clean(tree, opts)
    body = tree.body
    if body is None:
        return HtmlPage("", PageHints(title=declared.page_title, language=declared.language))
    order = _build(body)
    title_el, title = _find_title(order, declared)
    blocks = _blocks(order[0], title_el, opts.images)
    _mark_listings(order)
    container = _choose_container(order, blocks)
    _assign_zones(order[0], container, title_el)
    marked_authors, marked_date = _marked_meta(
        order, title_el, container, dayfirst=_day_first(declared.language)
    )
    element_date = _time_element(container, title_el, body) or marked_date
    published = declared.published or element_date
    if declared.published_utc and within_a_day(declared.published, marked_date):
        # A UTC timestamp's date need not be the page's: a visible date a day off is local time.
        published = marked_date
    rendered = _render(blocks, opts)

    lines: list[str] = []
    zones: dict[Zone, set[int]] = {z: set() for z in Zone}
    title_line: int | None = None
    for block, block_lines in zip(blocks, rendered, strict=True):
        if not block_lines:
            continue
        if lines:
            lines.append("")
        if block.headline and title_line is None:
            title_line = len(lines) + 1
        zone = block.frame.zone
        for line in block_lines:
            lines.append(line)
            if line.strip():
                zones[zone].add(len(lines))
    # The footer's copyright holder names the site too ("© 2019 Beachbody, LLC").
    footer = [lines[n - 1] for n in sorted(zones[Zone.BOILERPLATE])] + lines[-40:]
    site = declared.site.replace(names=declared.site.names + tuple(copyright_holders(footer)))
    authors = [a for a in declared.authors if not site.named(a)]
    authors = authors or [a for a in marked_authors if is_markup_name(a, site)]
    hints = PageHints(
        title=title,
        title_line=title_line,
        authors=tuple(authors),
        source=declared.source,
        published=published,
        updated=_printed_update(declared.updated, lines, _day_first(declared.language)),
        language=declared.language,
        boilerplate_lines=frozenset(zones[Zone.BOILERPLATE]),
        teaser_lines=frozenset(zones[Zone.TEASER]),
        content_lines=frozenset(zones[Zone.CONTENT]),
    )
    urls = list(declared.urls)
    if title_el is not None and title_el.node is not None:
        node = title_el.node
        link = node if node.tag == "a" else node.css_first("a[href]")
        urls.append(link.attributes.get("href") or "" if link is not None else "")
    found = next((d for u in urls if u and (d := url_date(u))), None)
    content = sorted(zones[Zone.CONTENT]) or [i + 1 for i, line in enumerate(lines) if line.strip()]
    fallback = declared.data_date or next(
        (d for n in reversed(content[-3:]) if (d := citation_date(lines[n - 1]))), None
    )
    text_out = "\n".join(lines) + ("\n" if lines else "")
    return HtmlPage(
        text_out, hints, found, title_line, fallback, declared.published, element_date, site
    )


# An update time as pages print it: "Updated Nov 13, 2019", "UPDATED: 11:05", "Last modified on
# 18 Nov", "последнее обновление: 6 января", "最后修订于2022年2月9日": the label, then a date or time.
_UPDATE_LABEL = re.compile(
    r"(?i)(?<![a-z])(?:(?:last\s+)?(?:updated|modified)(?:\s+(?:on|at))?|aktualisiert(?:\s+am)?|"
    r"mis\s+à\s+jour(?:\s+le)?|actualizado|atualizado|aggiornato|zaktualizowano|aktualizacja|"
    r"обновлено|обновление|ενημερώθηκε|ενημέρωση|更新(?:时间|時間|于|於)?|修订于|修訂於|修改于|修改於)"
    r"\s*[:：]?\s*(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat"
    r"|sun)[a-z]*\.?\s|[а-яα-ω]+\s+\d)"
)


def _printed_update(declared: str | None, lines: list[str], dayfirst: bool) -> str | None:
    """The markup's modification time, kept only when the page prints an update time (not as
    a link's text): a CMS stamps every page with one, and a reader sees it only where the page
    labels it. The byline box may sit in a header or footer ("Last modified on …" at a wiki's
    foot), so no zone is left out.

    The printed time wins when it reads as a date: it is the page's own local time, while the
    markup's is often in UTC, a day off in the evening.
    """
    if declared is None:
        return None
    for line in lines:
        m = _UPDATE_LABEL.search(line) if len(line) <= 300 else None
        if m is None or line.count("[", 0, m.start()) > line.count("]", 0, m.start()):
            continue  # none, or a link's text ("[Price guides updated November 20th](…)")
        printed = find_dates(line[m.end() : m.end() + 80], dayfirst=dayfirst)
        if not printed or (len(printed[0].iso) <= 10 and printed[0].iso == declared[:10]):
            return declared  # the markup's is as good, and has the time of day
        return printed[0].iso
    return None


_AUTHOR_MARK = re.compile(
    r"(?<![a-z0-9])(?:author|authors|byline|by-?author|writer|vcard|fn|reporter|zuozhe)(?![a-z0-9])"
)
_NOT_AUTHOR_MARK = re.compile(
    r"(?<![a-z0-9])(?:bio|box|description|desc|avatar|about|info|more|link|links|comments?|"
    r"image|img|photo|title|list|card|prep|label|sep|follow)(?![a-z0-9])"
)
# Boxes around the author of something else the page shows: a quotation, a fact check's claim,
# a book under review.
_OTHER_WORK = re.compile(
    r"(?<![a-z0-9])(?:statement|quote|quotation|blockquote|claim|book|testimonial)(?![a-z0-9])"
)
_FN = re.compile(r"(?<![a-z0-9])fn(?![a-z0-9])")
_DATE_MARK = re.compile(
    r"(?<![a-z0-9])(?:date|time|dates|datetime|timestamp|pubdate|pubtime|publish|published|"
    r"posted|post-?date|post-?time|entry-?date|dateline|fbsj|sj|rq)(?![a-z0-9])"
)
# Boxes that hold a byline (author, date, section) without naming each field.
_BYLINE_BOX = re.compile(
    r"(?<![a-z0-9])(?:meta|metas|metadata|postmeta|entrymeta|byline|bylines|dateline|"
    r"info|infos|postinfo|articleinfo)(?![a-z0-9])"
)
# Elements past the end of the article's container where its closing byline may stand.
_FOOT_REACH = 40
_BOX_REACH = 300  # elements after the headline in which a byline box may date the article
_BY_PREFIX = re.compile(
    r"^\s*(?:by|von|par|por|di|door|av|af|от|автор|作者|文|記者|记者|撰文)\s*[:：/／]?\s*",
    re.IGNORECASE,
)
_NAME_CUT = re.compile(r"\s*(?:[|•·,;]|\s-\s|\s{2,}|\d)")
_NOT_NAME = re.compile(
    r"^(?:posted|published|written|updated|veröffentlicht|publié|publicado|pubblicato|on|am|le)\b",
    re.IGNORECASE,
)
# Publishers in <meta name=author> of Chinese portals: "云南网", "人民日报社", "新华通讯社".
_ORG_NAME = re.compile(r"(?:[网網报報社台]|集团|集團|公司|中心|新闻|新聞|日报|日報|频道|頻道)$")


def _author_text(text: str) -> list[str]:
    """Names out of a short element marked as the author: prefix ("By", "von") and tail cut."""
    from reader.byline import read_byline
    from reader.names import split_names

    first = _clean_text(next((line for line in text.splitlines() if line.strip()), ""))
    # A byline's own forms first ("【聯合報╱記者張嘉芳／台北報導】", "By X at 6:03 pm").
    read = [n for n in read_byline(first).authors if _valid_author(n)]
    if read:
        return read
    text = _BY_PREFIX.sub("", first)
    text = _NAME_CUT.split(text, maxsplit=1)[0].strip()
    if not text or len(text) > 60 or len(text.split()) > 6 or _NOT_NAME.search(text):
        return []
    return [n for n in split_names(text) if _valid_author(n)]


def _marked_meta(
    order: list[_El], title_el: _El | None, container: _El | None, *, dayfirst: bool = False
) -> tuple[list[str], str | None]:
    """Authors and a date from elements whose class or id says so (``span.author``,
    ``div.post-date``), taking the first after the headline that is not in a teaser or comment.

    A byline box (``div.entry-meta``, ``span.post-info``) that names no date field of its own
    dates the article too, but only close to the headline: the same class names mark every
    teaser's byline further down. An author must stand in the article's reach: above the
    headline, or between it and just past the end of the article's container (a byline at the
    article's foot), or without a container close below it: a sidebar's columnists are marked
    ``author`` as well.
    """
    start = 0
    if title_el is not None:
        start = next((i for i, el in enumerate(order) if el is title_el), 0)
    elif container is not None:
        start = next((i for i, el in enumerate(order) if el is container), 0)
    authors: list[str] = []
    date: str | None = None
    # After the headline first, then (a byline can sit above it) the elements just before it.
    after = order[start : start + 4000]
    before = order[max(0, start - 80) : start][::-1]
    near = {id(el) for el in after[:_BOX_REACH]} | {id(el) for el in before}
    reach = near
    if container is not None:
        end = _end_of(order, container) + _FOOT_REACH
        if end > start:
            reach = {id(el) for el in order[start:end]} | {id(el) for el in before}
    skipped: list[_El] = []  # teasers and comments: their bylines are other people's
    for el in after + before:
        if el.node is None or not (el.marks or el.tag == "a"):
            continue
        if any(_is_within(el, s) for s in skipped[-3:]):
            continue
        if el.zone is Zone.TEASER or _COMMENT_RE.search(el.marks):
            skipped.append(el)
            continue
        marks = _author_marks(el)
        if (
            not authors
            and el.units <= 40
            and _AUTHOR_MARK.search(marks)
            and id(el) in reach
            # The innermost marked element names the author alone: "By <span class=author>Jen
            # Roe</span> in Arts & Entertainment" is read from the span, next in the loop.
            and not any(_names_author(_author_marks(d)) for d in _descendants(el, 6))
            and not _in_other_work(el)
        ):
            authors = [] if _NOT_AUTHOR_MARK.search(marks) else _author_text(_text_of(el))
        if (
            date is None
            and el.units <= 60
            and (_DATE_MARK.search(el.marks) or (id(el) in near and _BYLINE_BOX.search(el.marks)))
        ):
            date = parse_date(_clean_text(_text_of(el))[:120], dayfirst=dayfirst)
        if authors and date:
            break
    return authors, date


def _in_other_work(el: _El) -> bool:
    """Whether an element names the author of a quotation, a claim or a book (it or one of
    its four nearest ancestors is marked so: ``div.statement-author > h4.author``)."""
    p: _El | None = el
    for _ in range(5):
        if p is None:
            return False
        if p.marks and _OTHER_WORK.search(p.marks):
            return True
        p = p.parent
    return False


def _names_author(marks: str) -> bool:
    """Marks of an element that holds the author's name (not a bio, a photo, a link list)."""
    return bool(_AUTHOR_MARK.search(marks)) and not _NOT_AUTHOR_MARK.search(marks)


def _author_marks(el: _El) -> str:
    """An element's class/id words, with "author" added for a link to an author's page.

    "fn" (the hCard's formatted name) counts as a class of its own only: "fn-right" floats.
    """
    marks = el.marks
    if el.node is None:
        return marks
    if _FN.search(marks) and "fn" not in (el.node.attributes.get("class") or "").split():
        marks = _FN.sub(" ", marks)
    if el.tag == "a" and _is_author_link(el.node):
        return marks + " author"
    return marks


def _end_of(order: list[_El], el: _El) -> int:
    """The index in ``order`` just past ``el`` and everything inside it (document order)."""
    i = next((i for i, e in enumerate(order) if e is el), len(order))
    j = i + 1
    while j < len(order) and _is_within(order[j], el):
        j += 1
    return j


_AUTHOR_HREF = re.compile(r"/(?:author|authors|autor|autoren|auteur|writers?)/|[?&]author=", re.I)


def _is_author_link(node: LexborNode) -> bool:
    """``rel=author``, or an address of an author page (``/author/jane-roe``, ``?author=12``)."""
    attrs = node.attributes
    rel = (attrs.get("rel") or "").lower().split()
    return "author" in rel or bool(_AUTHOR_HREF.search(attrs.get("href") or ""))


def _is_within(el: _El, ancestor: _El) -> bool:
    p: _El | None = el
    for _ in range(200):
        if p is None:
            return False
        if p is ancestor:
            return True
        p = p.parent
    return False


def _day_first(language: str | None) -> bool:
    """Slashed dates are month-first on English and CJK pages, day-first in the other languages
    a page declares (``pt-BR``: 03/05/2022 is the 3rd of May)."""
    if not language:
        return False
    return not language.startswith(("en", "zh", "ja", "ko"))


def within_a_day(a: str | None, b: str | None) -> bool:
    """Whether two ISO dates are a day apart: a time-zone shift, not another date."""
    from datetime import date

    try:
        da, db = date.fromisoformat((a or "")[:10]), date.fromisoformat((b or "")[:10])
    except ValueError:
        return False
    return abs((da - db).days) == 1


_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?:[/_-]?)(0[1-9]|1[0-2])(?:[/_-]?)(0[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)((?:19|20)\d\d)[/_-]([1-9]|1[0-2])[/_-]([1-9]|[12]\d|3[01])(?!\d)"
)


def url_date(url: str) -> str | None:
    """A publication date in an article's address: ``/2020-02/19/``, ``/2019/03/13/``.

    >>> url_date("http://www.example.cn/local/2020-02/19/c_1125.htm"), url_date("/p/12345")
    ('2020-02-19', None)
    """
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip())
    m = _URL_DATE.search(path)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
    return iso_date(f"{y}-{int(mo):02d}-{int(d):02d}")


def _time_element(container: _El | None, title_el: _El | None, body: LexborNode) -> str | None:
    """A ``<time datetime>`` near the article: in its container, else the first on the page."""
    scopes = [s.node for s in (container, title_el.parent if title_el else None) if s and s.node]
    for scope in [*scopes, body]:
        for node in scope.css("time[datetime]")[:3]:
            iso = iso_date(node.attributes.get("datetime"))
            if iso:
                return iso
    return None


# "茉莉：我是怎样卷入八九民运的": an essay's headline led by its author's (pen) name.
_TITLE_BY = re.compile(r"^(?P<name>(?:(?![\x00-\x7f])[^\W\d_]){2,4})\s*[：:]\s*\S")
_MD_DECOR = re.compile(r"^[#>*\s]+|(?<![*\s])[*\s]+$")


def title_author(title: str | None, lines: list[str], title_line: int | None) -> list[str]:
    """The name that leads the headline ("茉莉：…") when it also stands alone on one of the first
    lines under it (``title_line`` is 1-based): two pieces of evidence, so a pen name with no
    common surname still counts (a headline quoting a speaker, "特朗普：…", has no such line).

    >>> title_author("茉莉：我是怎样卷入民运的", ["# 茉莉：我是怎样卷入民运的", "", "茉莉", ""], 1)
    ['茉莉']
    """
    m = _TITLE_BY.match(title or "")
    if m is None or title_line is None:
        return []
    name = m.group("name")
    below = [line for line in lines[title_line : title_line + 40] if line.strip()][:6]
    if any(_MD_DECOR.sub("", line) == name for line in below) and _valid_author(name):
        return [name]
    return []
