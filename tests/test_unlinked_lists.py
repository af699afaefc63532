"""Lists of other articles in dumps that lost their links (lynx -nolist, table dumps): a list of
headlines after the text, a video playlist above it, a digest of several writers' summaries
(issue 14). Where a dump keeps its links, their weight already tells a list from the text; here
the shape of the list must. The pages are written for the tests: no corpus text.
"""

from __future__ import annotations

from reader import Part, read_text
from reader.segment import Dialect, clean_line
from tests.test_passes import run_one, state_before

HEADLINE = "Harbour ferry returns after a winter of repairs"
BYLINE = "By Nora Vance, Coast Courier"
TEXT = [
    "The harbour ferry carried its first passengers of the year on Monday morning, after four "
    "months in the dry dock at the north quay.",
    "Engineers replaced both engines and the steering gear, and the cabin was rebuilt with wider "
    "doors so that prams and wheelchairs can board without help.",
    "The operator said the timetable would return to a boat every twenty minutes from next week, "
    "once the crews have finished their training on the new controls.",
]
# Headlines of other articles, as a lynx dump without its link list prints them: flush with the
# text, no links, no full stops.
HEADLINES = [
    "Council approves the new cycle lanes on Bridge Street after a long and bitter debate",
    "Storm warning: what the coast should expect tonight, and where the roads may close",
    "Why the old lighthouse may open to visitors again, forty years after its last keeper?",
    "School choir wins the regional final for a third year: the conductor on their secret",
    "Market traders ask for longer hours over the summer, and the council says it will listen",
    "Photos: the winter swim at Gull Point, where two hundred swimmers braved the cold sea",
    "Library extends its opening hours on Sundays, after a petition signed by six hundred",
]


def lynx(*blocks: str) -> str:
    """A lynx dump: the text indented by three spaces, a blank line between blocks."""
    return "\n\n".join("   " + b if not b.startswith("#") else b[1:].strip() for b in blocks)


def body(text: str) -> list[str]:
    return [p.text for p in read_text(text).body]


def test_a_list_of_headlines_after_the_text_is_not_the_article() -> None:
    page = lynx("#" + HEADLINE, BYLINE, *TEXT, "Latest from the Courier", *HEADLINES)
    assert body(page) == TEXT


def test_the_same_list_with_its_links_is_left_to_their_weight() -> None:
    """html2text keeps the links: the pass leaves such a page alone."""
    linked = [f"[{h}](/news/{k})" for k, h in enumerate(HEADLINES)]
    text = "\n\n".join([f"# {HEADLINE}", BYLINE, *TEXT, *linked])
    page = state_before(text, "end_at_last_paragraph")
    page.end = len(page.lines)
    run_one(page, "end_at_last_paragraph")
    assert page.end == len(page.lines)


def test_lines_wrapped_at_a_comma_are_prose_not_headlines() -> None:
    """Prose hard-wrapped at a fixed width: its lines end at commas, not at full stops."""
    wrapped = [
        "The operator thanked the harbour board, the crews and the passengers,",
        "who had taken the bus around the bay all winter, and said that the new engines,",
        "which burn a third less fuel, would let the ferry run later into the evening,",
        "and that a second boat, now in the same dry dock, would follow in the spring,",
        "if the weather allows the work on its hull to be finished on time, which the",
        "yard expects, though the order for its new propellers is still outstanding",
    ]
    page = lynx("#" + HEADLINE, BYLINE, *TEXT, *wrapped)
    assert all(line in body(page) for line in wrapped)


def test_a_programme_after_its_own_list_is_content() -> None:
    """A list that follows list-like lines (a programme and its sessions) is the page's content."""
    sessions = [f"Session {k}: harbour history, talks and a walk" for k in range(1, 9)]
    programme = ["Day one: the quays.", "Day two: the boats.", "Day three: the lighthouse."]
    page = state_before(
        lynx("#" + HEADLINE, BYLINE, *programme, *sessions), "end_at_last_paragraph"
    )
    page.end = len(page.lines)
    run_one(page, "end_at_last_paragraph")
    assert page.end == len(page.lines)
    # The same sessions after prose are a list the run swallowed.
    page = state_before(lynx("#" + HEADLINE, BYLINE, *TEXT, *sessions), "end_at_last_paragraph")
    page.end = len(page.lines)
    run_one(page, "end_at_last_paragraph")
    assert page.lines[page.end - 1].text == TEXT[-1]


def test_a_playlist_above_the_text_is_not_the_article() -> None:
    """Each picture of the playlist prints its caption twice (alt text, then caption), each
    video's headline under it; the article starts at the first sentence printed once."""
    playlist: list[str] = []
    for k, h in enumerate(HEADLINES[:5]):
        caption = f"A crowd gathers on the quay to watch boat number {k} come in, in the rain."
        playlist += [caption, caption, h]
    page = lynx("#" + HEADLINE, BYLINE, "More videos", *playlist, *TEXT)
    assert body(page) == TEXT


def test_a_digest_of_several_writers_is_not_the_article() -> None:
    """Three writers' bylines, each over a headline and a summary, outweigh a short item below
    them; the summaries are the digest's, and the item is the article."""
    digest: list[str] = []
    for k, who in enumerate(["Ada Stone", "Ben Marsh", "Cleo Hart", "Dan Frost"]):
        digest += [
            HEADLINES[k],
            f"By {who}",
            f"Summary of the story by {who}: " + TEXT[k % 3] + " " + TEXT[(k + 1) % 3],
        ]
    page = lynx(*digest, "#" + HEADLINE, *TEXT[:2])
    assert body(page) == TEXT[:2]


def test_an_ellipsis_before_a_full_stop_still_cuts_the_line_short() -> None:
    line = clean_line(1, "   Court hears the first witnesses in the ferry case….", Dialect.LYNX)
    assert line.truncated


def test_traditional_print_and_tweet_buttons_are_page_controls() -> None:
    bar = "歷史新聞 轉寄 列印 討論 推文到Facebook 推文到Twitter"
    para = "港口渡輪今早恢復航行，首班船載客百餘人。" * 4
    text = "\n\n".join(["# 渡輪今起恢復航行", para, bar, para.replace("首班", "次班")])
    parts = {e.text: e.part for e in read_text(text).explanations}
    assert parts[bar] is Part.BOILERPLATE


def test_a_vote_button_is_no_author() -> None:
    text = "\n\n".join(
        [
            "# 渡輪今起恢復航行",
            "記者王小明／基隆報導",
            "港口渡輪今早恢復航行，首班船載客百餘人。" * 4,
            "* 請輸入右方顯示的文字：",
            "投票",
        ]
    )
    assert read_text(text).authors == ("王小明",)


def test_a_caption_printed_twice_is_no_text_but_a_lead_printed_twice_keeps_one_copy() -> None:
    caption = "Passengers wait on the north quay for the first crossing."
    lead = (
        "The ferry is back on the water after the longest refit in its history. It carried "
        "ninety passengers on its first crossing, and the crew say every one of them clapped."
    )
    page = lynx("#" + HEADLINE, BYLINE, TEXT[0], caption, caption, lead, lead, *TEXT[1:])
    parts = [(e.text.strip(), e.part) for e in read_text(page).explanations if e.text.strip()]
    assert [p for t, p in parts if t == caption] == [Part.BOILERPLATE] * 2
    assert [p for t, p in parts if t == lead] == [Part.BOILERPLATE, Part.BODY]
    # lynx marks an image link's alt text with "_": the pair is still one caption twice.
    page = lynx("#" + HEADLINE, BYLINE, "_" + caption, caption, *TEXT)
    assert body(page) == TEXT


def test_a_photo_page_keeps_its_captions() -> None:
    """Where the captions are most of the run, they are the page's text."""
    captions = [f"Boat {k} comes into the harbour at dawn, its lights still on." for k in range(4)]
    page = lynx("#" + HEADLINE, *[c for c in captions for _ in (0, 1)], TEXT[0])
    assert all(c in body(page) for c in captions)


def test_the_previous_and_next_articles_are_no_text() -> None:
    links = [
        "上一則▲：年節食品抽查 蠶豆含漂白劑 豆乾防腐劑超標",
        "下一篇：港口今冬首次結冰 漁船暫停出海三天",
    ]
    text = "\n\n".join(
        ["# 渡輪今起恢復航行", "港口渡輪今早恢復航行，首班船載客百餘人。" * 4, *links]
    )
    parts = {e.text: e.part for e in read_text(text).explanations}
    assert all(parts[link] is Part.BOILERPLATE for link in links)


def test_a_comments_heading_with_dated_comments_under_it_ends_the_text() -> None:
    comments = [
        "* _#2_ Gull Watcher _10.01.12, 20:49_",
        "About time too. The bus round the bay took an hour each way, every day, all winter, "
        "and the drivers did their best, but nobody should have to sit in a queue on the coast "
        "road at seven in the morning with a pram and two tired children.",
        "* _#1_ Old Salt _10.01.12, 10:49_",
        "The new engines are much quieter. I could hear the gulls again on the crossing, and the "
        "cabin no longer smells of diesel, which my wife says is the best news of the year, "
        "better even than the new timetable they promised us for the spring.",
    ]
    page = "\n\n".join([f"# {HEADLINE}", BYLINE, *TEXT, "## Comments:", *comments])
    assert body(page) == TEXT
    # A comment count under the headline heads no comments: the text below it stays.
    page = "\n\n".join([f"# {HEADLINE}", "Comments (2)", *TEXT, "## Comments:", *comments])
    assert body(page) == TEXT


def test_a_caption_printed_twice_on_one_line_is_no_text() -> None:
    caption = "Passengers wait on the north quay for the first crossing of the year."
    # lynx prints the alt text and the caption on one line; html2text the picture, then both.
    for line in (f"{caption} {caption}", f"![{caption}](/p/quay.jpg) {caption}"):
        text = "\n\n".join([f"# {HEADLINE}", BYLINE, TEXT[0], line, *TEXT[1:]])
        parts = {e.text.strip(): e.part for e in read_text(text).explanations}
        assert parts[line] is Part.BOILERPLATE, line
        assert body(text) == TEXT
