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

from reader.dates import citation_date, parse_date
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
    r"^\s*(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$"
)
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
    """A declared date as ISO 8601 in the page's own local time (the zone is dropped, not applied).

    >>> iso_date("2021-03-04T22:05:00+08:00"), iso_date("2021年3月4日")
    ('2021-03-04T22:05:00', '2021-03-04')
    """
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        y, mo, d, hh, mi, ss = m.groups()
        if not d:
            return f"{y}-{mo}"
        if not hh:
            return f"{y}-{mo}-{d}"
        return f"{y}-{mo}-{d}T{hh}:{mi}:{ss or '00'}"
    return parse_date(value[:200])


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
        for value in repeated.get(key, [])[:10]:
            authors += [_clean_text(a) for a in re.split(r"\s*[,;，、]\s*", value)]
    d.authors = list(dict.fromkeys(a for a in authors if _valid_author(a)))[:6]
    published = ld.published + [meta[key] for key in _PUBLISHED_KEYS if key in meta]
    updated = ld.updated + [meta[key] for key in _UPDATED_KEYS if key in meta]
    for node in tree.css('link[rel="canonical"]'):
        d.urls.append(node.attributes.get("href") or "")
    d.urls += [meta[k] for k in ("og:url", "twitter:url") if k in meta]
    raw = next((v for v in published if iso_date(v)), None)
    d.published = iso_date(raw)
    d.published_utc = bool(raw and _UTC.search(raw))
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

    __slots__ = ("authors", "published", "titles", "updated")

    def __init__(self) -> None:
        self.titles: list[str] = []
        self.authors: list[str] = []
        self.published: list[str] = []
        self.updated: list[str] = []


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
    for obj in ranked:
        headline = obj.get("headline")
        if isinstance(headline, str) and headline.strip() and "Page" not in _types(obj):
            found.titles.append(_clean_text(headline))
        author = obj.get("author") or obj.get("creator")
        refs = author if isinstance(author, list) else [author]
        resolved = [
            by_id.get(r["@id"], r) if isinstance(r, dict) and "@id" in r and "name" not in r else r
            for r in refs
        ]
        found.authors += _names(resolved)
        if isinstance(obj.get("datePublished"), str):
            found.published.append(obj["datePublished"])
        if isinstance(obj.get("dateModified"), str):
            found.updated.append(obj["dateModified"])
    return found


def _microdata_authors(tree: LexborHTMLParser) -> list[str]:
    """Microdata: itemprop=author, its name in a nested itemprop=name (often a ``<meta>``)."""
    authors = []
    for node in tree.css('[itemprop~="author"]')[:5]:
        name_node = node.css_first('[itemprop~="name"]') or node
        name = name_node.attributes.get("content") or name_node.text(deep=True)
        if name and len(name) <= 80:
            authors.append(_clean_text(name))
    return authors


def _written_by(meta: dict[str, str]) -> list[str]:
    """twitter:label1 "Written by" / twitter:data1 "Jane Roe" (WordPress SEO plugins)."""
    authors = []
    for i in "123":
        label = meta.get(f"twitter:label{i}", "").lower()
        if label and _WRITTEN_BY.search(label) and meta.get(f"twitter:data{i}"):
            authors.append(meta[f"twitter:data{i}"])
    return authors


_UTC = re.compile(r"\d(?:Z|[+-]00:?00)\s*$")
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
    published = declared.published or _time_element(container, title_el, body) or marked_date
    if declared.published_utc and _within_a_day(declared.published, marked_date):
        # A UTC timestamp's date need not be the page's: a visible date a day off is local time.
        published = marked_date
    authors = declared.authors or marked_authors
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
    hints = PageHints(
        title=title,
        title_line=title_line,
        authors=tuple(authors),
        published=published,
        updated=declared.updated,
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
    return HtmlPage(text_out, hints, found, title_line, fallback)


_AUTHOR_MARK = re.compile(
    r"(?<![a-z0-9])(?:author|authors|byline|by-?author|writer|vcard|fn|reporter|zuozhe)(?![a-z0-9])"
)
_NOT_AUTHOR_MARK = re.compile(
    r"(?<![a-z0-9])(?:bio|box|description|desc|avatar|about|info|more|link|links|comments?|"
    r"image|img|photo|title|list|card|prep|label|sep|follow)(?![a-z0-9])"
)
_DATE_MARK = re.compile(
    r"(?<![a-z0-9])(?:date|time|dates|datetime|timestamp|pubdate|pubtime|publish|published|"
    r"posted|post-?date|post-?time|entry-?date|dateline|fbsj|sj|rq)(?![a-z0-9])"
)
# Boxes that hold a byline (author, date, section) without naming each field.
_BYLINE_BOX = re.compile(
    r"(?<![a-z0-9])(?:meta|metas|metadata|postmeta|entrymeta|byline|bylines|dateline|"
    r"info|infos|postinfo|articleinfo)(?![a-z0-9])"
)
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
    from reader.names import split_names

    first = next((line for line in text.splitlines() if line.strip()), "")
    text = _BY_PREFIX.sub("", _clean_text(first))
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
    teaser's byline further down.
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
    skipped: list[_El] = []  # teasers and comments: their bylines are other people's
    for el in after + before:
        if el.node is None or not (el.marks or el.tag == "a"):
            continue
        if any(_is_within(el, s) for s in skipped[-3:]):
            continue
        if el.zone is Zone.TEASER or _COMMENT_RE.search(el.marks):
            skipped.append(el)
            continue
        marks = el.marks
        if el.tag == "a" and _is_author_link(el.node):
            marks += " author"
        if not authors and el.units <= 40 and _AUTHOR_MARK.search(marks):
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


def _within_a_day(a: str | None, b: str | None) -> bool:
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
