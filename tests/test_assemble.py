"""Assemble stage: the keep/remove decision on candidate blocks, and confidence."""

from __future__ import annotations

import lxml.html
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanpress
from cleanpress import Options, assemble
from cleanpress.article import Block, Metadata
from cleanpress.assemble import decide
from cleanpress.confidence import article_score as confidence
from cleanpress.candidates import Candidate
from cleanpress.rules.textual import label_sequence

PROSE = ("The river rose more than two metres overnight, flooding the lower town and forcing hundreds of "
         "families to leave their homes before dawn on Saturday.")


def _c(text: str, kind: str = "paragraph", *, density: float = 0.0, level: int = 0, inside: bool = True) -> Candidate:
    return Candidate(text, kind, 0.0, None, level, inside, density)


def _decide(candidates: list[Candidate], title: str = "", options: Options | None = None) -> list[Candidate]:
    for order, candidate in enumerate(candidates):
        candidate.order = float(order)
    label_sequence(candidates, options or Options())
    decide(candidates, Metadata(title=title), options or Options())
    return candidates


def _rules(candidates: list[Candidate]) -> list[str]:
    return [c.removal.rule if c.removal else "" for c in candidates]


def test_link_dense_list_is_removed_as_related_links() -> None:
    teasers = _c("Storm hits the coast\nDam repaired at last\nFerry times change", "list", density=0.95)
    ingredients = _c("Flour\nSugar\nButter", "list", density=0.0)
    result = _decide([_c(PROSE), teasers, ingredients])
    assert _rules(result) == ["", "struct.link-dense", ""]
    assert teasers.removal is not None and teasers.removal.kind == "related-links"


@pytest.mark.parametrize(("top_items", "removed"), [(2, False), (3, True)])
def test_teaser_list_is_judged_on_its_own_items_not_its_nested_ones(top_items: int, removed: bool) -> None:
    # Two sentences, the second over a nested list of links: five lines, but not a list of teasers.
    notes = _c("A new round of students joins the team next term.\nIn progress:\nBug 1\nBug 2\nBug 3", "list",
               density=0.3)
    notes.linked_items, notes.top_items = 0.8, top_items
    _decide([_c(PROSE), notes])
    assert (notes.removal is not None) is removed


def test_link_density_of_paragraphs() -> None:
    short_links = _c("See the timetable and the map here", density=0.7)
    long_with_links = _c(PROSE * 3, density=0.6)
    all_links = _c(PROSE * 3, density=1.0)
    assert _rules(_decide([_c(PROSE), short_links, long_with_links, all_links])) == [
        "", "struct.link-dense", "", "struct.link-dense"]


def test_linked_subheading_goes_but_linked_headline_stays() -> None:
    result = _decide([_c("The headline", "heading", density=1.0, level=1), _c(PROSE),
                      _c("More from the region", "heading", density=1.0, level=3)])
    assert _rules(result)[:2] == ["", ""]
    assert result[2].removal is not None


def test_link_post_keeps_its_links_when_nothing_else_would_be_left() -> None:
    """A bookmark post is nothing but links; the outside of the container still goes."""
    links = _c("Press subsidies: a study doubts the state's support via Example News\nAbuse online via Other Site",
               "list", density=0.9)
    menu = _c("Home\nAbout\nContact", "list", density=1.0, inside=False)
    result = _decide([_c("Bookmarks of the day", "heading", level=1), links, menu])
    assert links.kept
    assert _rules(result)[2] == "score.outside-container"


def test_section_front_of_many_teaser_lists_is_a_listing_unless_the_page_is_dated() -> None:
    """Undated, the teaser lists are what the page lists (``score.listing``); on a dated page, an article's
    rail of teasers, however long, they go."""
    def teasers() -> list[Candidate]:
        return [_c(f"Story {i} of the day\nAnother story {i}\nA third story {i}", "list", density=1.0)
                for i in range(8)]

    front = teasers()
    _decide(front)
    assert all(t.kept for t in front)
    rail = teasers()
    decide(rail, Metadata(published="2024-05-01"), Options())
    assert not any(t.kept for t in rail)
    assert {t.removal.rule for t in rail if t.removal} == {"struct.link-dense"}


def test_links_beside_prose_still_go() -> None:
    links = _c("Storm hits the coast\nDam repaired at last\nFerry times change", "list", density=0.95)
    _decide([_c(PROSE), links])
    assert links.removal is not None and links.removal.rule == "struct.link-dense"


def test_link_dense_rule_is_switched_off_by_its_id() -> None:
    teasers = _c("Storm hits the coast\nDam repaired at last", "list", density=0.95)
    _decide([_c(PROSE), teasers], options=Options(disabled_rules=frozenset({"struct.link-dense"})))
    assert teasers.kept


def test_title_repeated_at_the_top_is_removed_as_metadata() -> None:
    result = _decide([_c("River Floods the Lower Town", "heading", level=1), _c(PROSE)],
                     title="  River floods the\nlower town ")
    assert result[0].removal is not None
    assert (result[0].removal.kind, result[0].removal.rule) == ("metadata", "assemble.title-repeat")
    assert result[1].kept


def test_title_repeat_folds_typographic_quotes_and_dashes() -> None:
    # The <title> is often typed with plain quotes, the headline set with curly ones.
    heading = _c("Mayor’s “Plan B” – What It Means", "heading", level=1)
    result = _decide([heading, _c(PROSE)], title='Mayor\'s "Plan B" - What It Means')
    assert result[0].removal is not None and result[0].removal.rule == "assemble.title-repeat"


def test_headline_after_a_blog_prefix_linked_to_itself_keeps_the_first_paragraph() -> None:
    # Blog themes title a post "Blog » Archive » Headline" and link the headline to the post itself:
    # it is the article's own headline, not a teaser card taking the first paragraph with it.
    first = _c("I have used the media server for years to stream films and music at home, but podcasts were missing.")
    result = _decide([_c("Podcasts on the media server", "heading", level=2, density=1.0), first, _c(PROSE)],
                     title="Example.org » Blog Archive » Podcasts on the media server")
    assert result[0].removal is not None and result[0].removal.rule == "assemble.title-repeat"
    assert first.kept


def test_a_subtitle_after_a_colon_in_the_title_is_no_headline() -> None:
    result = _decide([_c("Better Student Journalism", "heading", level=2), _c(PROSE)],
                     title="The Open Project: Better Student Journalism")
    assert all(c.kept for c in result)


def test_title_repeated_after_the_body_starts_is_kept() -> None:
    result = _decide([_c(PROSE), _c("River floods the lower town", "heading", level=2), _c(PROSE)],
                     title="River floods the lower town")
    assert all(c.kept for c in result)


def test_other_headings_are_kept() -> None:
    result = _decide([_c("What happens next", "heading", level=2), _c(PROSE)], title="River floods the lower town")
    assert all(c.kept for c in result)


@pytest.mark.parametrize("keep", [True, False])
def test_keep_captions_option(keep: bool) -> None:
    caption = _c("The harbour at dawn on Sunday.", "caption")
    _decide([_c(PROSE), caption], options=Options(keep_captions=keep))
    assert caption.kept is keep
    if not keep:
        assert caption.removal is not None
        assert (caption.removal.kind, caption.removal.rule) == ("dropped-by-option", "option.keep-captions")


@pytest.mark.parametrize("keep", [True, False])
def test_keep_tables_option(keep: bool) -> None:
    table = _c("City\tRain\nOslo\t12 mm", "table")
    _decide([_c(PROSE), table], options=Options(keep_tables=keep))
    assert table.kept is keep
    if not keep:
        assert table.removal is not None
        assert (table.removal.kind, table.removal.rule) == ("dropped-by-option", "option.keep-tables")


def test_stack_of_short_labels_is_a_widget() -> None:
    result = _decide([_c(PROSE), _c("Small"), _c("Medium"), _c("Large"), _c("Add to basket"), _c(PROSE)])
    assert _rules(result) == ["", "struct.short-stack", "struct.short-stack", "struct.short-stack",
                              "struct.short-stack", ""]
    assert {c.removal.kind for c in result if c.removal} == {"widget"}


def test_two_short_lines_or_short_sentences_are_not_a_stack() -> None:
    assert all(c.kept for c in _decide([_c(PROSE), _c("Small"), _c("Medium"), _c(PROSE)]))
    assert all(c.kept for c in _decide([_c(PROSE), _c("He left."), _c("She stayed."), _c("Nobody spoke."), _c(PROSE)]))


def test_chinese_lines_of_verse_are_not_a_stack_but_chinese_labels_are() -> None:
    # A run of ideographs says as much as a sentence: clauses set apart by spaces are no labels.
    verse = ["來到現場已是落葉飄飄 不時隨著風吹而葉落", "不忍踩過剛剛掉落的樹葉 沿著足跡輕踩而行",
             "雖然只是一廂情願的想法 終究還是化為塵土"]
    assert all(c.kept for c in _decide([_c(PROSE), *(_c(line) for line in verse), _c(PROSE)]))
    result = _decide([_c(PROSE), _c("首頁"), _c("新聞 體育"), _c("登入"), _c(PROSE)])
    assert _rules(result)[1:4] == ["struct.short-stack"] * 3


def test_a_chinese_sentence_above_the_body_is_no_leading_label() -> None:
    lead = "一波波接續性低溫寒流報到 已將後山一帶層層山巒披上嫣紅的彩衣"
    result = _decide([_c(lead), _c(PROSE)])
    assert result[0].kept


def _review(lead: str, between: int) -> list[Candidate]:
    """A lead above a review's score box (a heading over a short list, ``between`` times), then the body."""
    box = [c for i in range(between) for c in (_c(f"Section {i}", "heading", level=4, inside=False),
                                                 _c(f"Point {i} one\nPoint {i} two", "list", inside=False))]
    return _decide([_c(lead, inside=False), *box, _c(PROSE), _c(PROSE)])


def test_lead_above_a_box_of_labelled_lists_joins_the_body() -> None:
    # Headings do not count towards the reach: six labelled lists are six blocks, not twelve.
    lead = "The new console is the most powerful one yet, and it plays more games in 4K than any rival on the market does."
    assert _review(lead, 6)[0].kept
    assert not _review(lead, 9)[0].kept  # past the reach, text above is the page's, not the article's


def test_a_standfirst_set_as_a_subheading_joins_the_body() -> None:
    # Templates set the lead as an h2 of full sentences between the headline and the body.
    dek = ("The harbour authority has closed the northern quay after a crane collapsed on Monday, "
           "and ferries will use the old pier until further notice.")
    result = _decide([_c("Crane collapses at the harbour", "heading", level=1, inside=False),
                      _c(dek, "heading", level=2, inside=False), _c(PROSE), _c(PROSE)])
    assert [c.kept for c in result] == [False, True, True, True]


@pytest.mark.parametrize(("cls", "joins"), [("art-lead", True), ("c-page-intro__copy", True), ("standfirst", True),
                                            ("", False), ("content-header__dek", False), ("box", False)])
def test_a_block_classed_as_the_lead_joins_the_body_without_a_full_stop(cls: str, joins: bool) -> None:
    # Leads are often set without a closing full stop, or shorter than a paragraph of prose.
    lead = _c("Unemployment stood at 3.1 per cent in March, the lowest in the union", inside=False)
    lead.parent = lxml.html.fragment_fromstring(f"<div class='{cls}'></div>")
    result = _decide([_c("Unemployment at a record low", "heading", level=1, inside=False), lead, _c(PROSE)])
    assert result[1].kept is joins


def test_link_blocks_between_lead_and_body_do_not_use_up_the_reach() -> None:
    # A most-read box (linked headlines, view counts) set between the lead and the body.
    most_read = [c for i in range(9) for c in (_c(f"Story number {i} of the day", "heading", level=3, density=1.0,
                                                  inside=False), _c(f"{i}2345", density=1.0, inside=False))]
    lead = "The president will meet local officials in the port city and then travel on to the border region by train."
    result = _decide([_c(lead, inside=False), _c("Most read", inside=False), *most_read, _c(PROSE), _c(PROSE)])
    assert result[0].kept
    assert not any(c.kept for c in result[1:-2])


def test_a_short_subheading_above_the_body_stays_outside() -> None:
    result = _decide([_c("Crane collapses at the harbour", "heading", level=1, inside=False),
                      _c("Harbour news from the north", "heading", level=2, inside=False), _c(PROSE)])
    assert not result[1].kept


def test_short_headings_do_not_form_a_stack() -> None:
    result = _decide([_c(PROSE), _c("One", "heading", level=2), _c("Two", "heading", level=2),
                      _c("Three", "heading", level=2), _c(PROSE)])
    assert all(c.kept for c in result)


def test_headings_after_the_last_text_go() -> None:
    result = _decide([_c(PROSE), _c("Section", "heading", level=2), _c(PROSE), _c("Where the rail goes", "heading", level=2)])
    assert [c.kept for c in result] == [True, True, True, False]
    assert result[3].removal is not None and result[3].removal.rule == "assemble.trailing-heading"


def test_candidates_outside_the_container_are_removed() -> None:
    result = _decide([_c("Weather: sunny, 21 degrees in the capital today.", inside=False), _c(PROSE)])
    assert result[0].removal is not None
    assert (result[0].removal.kind, result[0].removal.rule) == ("outside-article", "score.outside-container")
    assert result[1].kept


def test_textual_rules_name_chrome_outside_the_container() -> None:
    result = _decide([_c("Read more", inside=False), _c(PROSE)])
    assert result[0].removal is not None and result[0].removal.rule == "text.read-more"


def test_removal_text_is_the_candidate_text() -> None:
    candidates = _decide([_c(PROSE), _c("Storm hits the coast\nDam repaired", "list", density=1.0)])
    assert candidates[1].removal is not None and candidates[1].removal.text == "Storm hits the coast\nDam repaired"


@pytest.mark.parametrize("caption", [
    "The crew outside the station on a space walk in 2006. (AP Photo/Jane Doe)",
    "In this file photo, two astronauts work outside the station. (NASA via AP, File)",
    "The minister arrives at the summit on Monday. (Example Agency via Getty Images)",
])
def test_paragraph_ending_in_a_photo_credit_is_a_caption(caption: str) -> None:
    [candidate] = _decide([_c(caption)])
    assert candidate.kind == "caption" and candidate.removal is not None


def test_sentence_mentioning_an_agency_is_not_a_caption() -> None:
    text = "The statement was first reported by a news agency and later confirmed via AP sources in the capital."
    [candidate] = _decide([_c(text)])
    assert candidate.kind == "paragraph" and candidate.kept


def test_confidence_bounds() -> None:
    assert confidence([], [], Metadata()) == 0.0
    article = [Block("paragraph", PROSE) for _ in range(8)]
    high = confidence(article, [], Metadata(published="2024-03-03"))
    assert 0.7 <= high <= 1.0
    one_line = confidence([Block("paragraph", "Hello.")], [], Metadata())
    assert 0.0 < one_line < 0.3
    teasers = [_c(f"Story {i}", "list", density=1.0) for i in range(10)]
    _decide(teasers)
    front = confidence([Block("paragraph", PROSE)], teasers, Metadata())
    assert front < confidence([Block("paragraph", PROSE)], [], Metadata())


@pytest.mark.parametrize("text", [
    "Photo: Jane Doe", "A view of the harbour. Photo by: Jane Doe\n", "Crowds at dawn (AFP)", "REUTERS/Jane Doe.  ",
    "The bridge at night. Foto: Jan Kowalski", "(NASA via AP, File)", "Photo: Jane Doe. Then more text follows.",
    "An apple a day", "",
])
def test_credit_at_the_end_matched_backwards_agrees_with_a_forward_search(text: str) -> None:
    forward = regex.compile(assemble._CREDIT, regex.IGNORECASE)
    assert (assemble._CREDIT_AT_END.match(text) is not None) == (forward.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Photo", "photo by", ": ", "©", "Jane Doe", "(", ")", "AFP", " / ", "via ", "AP",
                                 ".", " ", "\n", "Getty Images", "Bild", "x"]), max_size=14))
def test_backward_credit_match_agrees_with_a_forward_search_on_random_texts(pieces: list[str]) -> None:
    text = "".join(pieces)
    forward = regex.compile(assemble._CREDIT, regex.IGNORECASE)
    assert (assemble._CREDIT_AT_END.match(text) is not None) == (forward.search(text) is not None)


@pytest.mark.parametrize("page", ["<p>hello</p>", "hello", "<p>Opening hours</p><p>Closed on Sundays</p>"])
def test_a_page_of_nothing_but_labels_keeps_them(page: str) -> None:
    """Trailing and leading labels go only when a sentence of the article stands between them: otherwise
    they are all the page says."""
    article = cleanpress.extract(page)
    assert article.text and not article.removed


def test_labels_around_the_article_still_go() -> None:
    page = f"<html><body><article><p>Weather</p><p>{PROSE}</p><h2>The embankment</h2></article></body></html>"
    assert {r.rule for r in cleanpress.extract(page).removed} == {"assemble.leading-label", "assemble.trailing-heading"}


def _sources_page(items: str) -> str:
    return f"<html><body><article><p>{PROSE}</p><h2>Sources</h2><ul>{items}</ul></article></body></html>"


def test_a_list_of_sources_on_other_sites_is_content() -> None:
    """References the article cites link to titled pages on several sites: they stay, and so does their heading."""
    items = "".join(f"<li><a href='https://journal{i}.example.org/paper'>A study of river floods, part {i}</a></li>"
                    for i in range(4))
    article = cleanpress.extract(_sources_page(items))
    assert "A study of river floods, part 3" in article.text and "Sources" in article.text
    assert not article.removed


@pytest.mark.parametrize("items", [
    # the site's own teasers: relative links
    "".join(f"<li><a href='/story/{i}'>Another story about the weather, part {i}</a></li>" for i in range(4)),
    # one other site only
    "".join(f"<li><a href='https://news.example.org/{i}'>Another story about the weather, part {i}</a></li>"
            for i in range(4)),
    # share buttons: other sites, but one word each
    "".join(f"<li><a href='https://{site}.example.com/share'>{site}</a></li>" for site in ("Mastodon", "Bluesky", "Reddit")),
])
def test_link_lists_that_cite_no_sources_still_go(items: str) -> None:
    assert {r.rule for r in cleanpress.extract(_sources_page(items)).removed} == {
        "struct.link-dense", "assemble.trailing-heading"}
