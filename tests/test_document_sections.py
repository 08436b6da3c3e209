"""The sections of a hand-written document as a reader sees them: which lines are headings,
and what text counts as a section's content (the rulebook's `section:` checks read this)."""

from __future__ import annotations

from sec_release.core.sections import FoundHeading, parse, sections, visible_text


def _sections(body: str) -> list[tuple[int, int, str, str, str]]:
    return [(h.level, h.line, h.title, shown, content) for h, shown, content in sections(body)]


DOCUMENT = (
    "# Doc\n"                                   # 1
    "\n"
    "Intro text.\n"                             # 3
    "\n"
    "## Costs {#costs}\n"                       # 5
    "\n"
    "The *costs* are `x`\n"
    "here.  \n"
    "Next <b>bold</b> ![alt img](x.png)\n"
    "\n"
    "### Sub\n"                                 # 11
    "\n"
    "Deep.\n"
    "\n"
    "## Timescales\n"                           # 15
    "\n"
    "```\ncode here\n```\n"
    "\n"
    "    indented\n"
    "\n"
    "<div>\nhtml &amp; <!-- hidden --> block&nbsp;text\n</div>\n"
    "\n"
    "Setext\n"                                  # 27
    "------\n"
    "\n"
    "| a | b |\n|---|---|\n| c | d |\n"
)


def test_each_heading_holds_the_text_up_to_the_next_heading_of_its_level_or_higher():
    assert _sections(DOCUMENT) == [
        (1, 1, "Doc",
         "Intro text. Costs The costs are x here. Next bold alt img Sub Deep. Timescales code here indented html & block text Setext a b c d",
         "Intro text. The costs are x here. Next bold alt img Deep. code here indented html & block text a b c d"),
        (2, 5, "Costs", "The costs are x here. Next bold alt img Sub Deep.", "The costs are x here. Next bold alt img Deep."),
        (3, 11, "Sub", "Deep.", "Deep."),
        (2, 15, "Timescales", "code here indented html & block text", "code here indented html & block text"),
        (2, 27, "Setext", "a b c d", "a b c d"),
    ]


def test_a_section_of_blank_characters_line_breaks_or_only_a_sub_heading_is_empty():
    assert _sections("## Empty\n\n&nbsp;\n\n<br>\n\n### Only sub\n\n## Next\n") == [
        (2, 1, "Empty", "Only sub", ""),
        (3, 7, "Only sub", "", ""),
        (2, 9, "Next", "", ""),
    ]


def test_a_heading_in_a_comment_or_a_code_fence_is_not_a_heading_and_invisible_characters_are_not_content():
    body = "<!-- ## Costs -->\n\n~~~\n## Not a heading\n~~~\n\n## Real\n\n\u200b\u200d\n\nx\u00a0y\n"
    assert _sections(body) == [(2, 7, "Real", "x y", "x y")]


def test_a_heading_title_drops_its_attributes_and_folds_spaces_and_markup():
    assert _sections("##   Cost   *review*  and `code` { .cls }\n\nText.\n") == [(2, 1, "Cost review and code", "Text.", "Text.")]
    assert _sections("## A <abbr>DCC</abbr> plan\n\nText.\n") == [(2, 1, "A DCC plan", "Text.", "Text.")]


def test_a_heading_with_no_title_is_found_but_shows_nothing():
    headings, texts = parse("#\n\nText.\n")
    assert headings == [FoundHeading(index=0, level=1, line=1, title="")]
    assert texts == [(4, "Text.")]
    assert _sections("#\n\nText.\n") == [(1, 1, "", "Text.", "Text.")]


def test_headings_are_found_at_every_level_with_their_lines():
    headings, _ = parse("# One\n\n###### Six\n\nTwo\n===\n")
    assert [(h.level, h.line, h.title) for h in headings] == [(1, 1, "One"), (6, 3, "Six"), (1, 5, "Two")]


def test_visible_text_drops_tags_and_comments_decodes_references_and_folds_blanks():
    assert visible_text("a <b>b</b>&amp;<!-- c --> d\u200b\u00a0e\n\tf") == "a b & d e f"
    assert visible_text("<!-- never closed") == ""
    assert visible_text("<b>x</b> &amp;", markup=False) == "<b>x</b> &amp;"
    assert visible_text("a\u2066b\u2069c", markup=False) == "a b c"
    assert visible_text("Réunion  café") == "Réunion café"


def test_code_is_content_as_written_with_its_markup_and_references():
    assert _sections("## Example\n\n```\n<br>\n```\n\n## Inline\n\n`<br>` and `&amp;`\n") == [
        (2, 1, "Example", "<br>", "<br>"),
        (2, 7, "Inline", "<br> and &amp;", "<br> and &amp;"),
    ]


def test_an_inline_tag_separates_the_words_either_side():
    assert _sections("## Cost<br>review\n\nOne<br>two\n") == [(2, 1, "Cost review", "One two", "One two")]


def test_a_sub_heading_is_shown_whole_whatever_letter_it_starts_with():
    assert _sections("## Data\n\n### XML files\n\nText.\n") == [
        (2, 1, "Data", "XML files Text.", "Text."),
        (3, 3, "XML files", "Text.", "Text."),
    ]
