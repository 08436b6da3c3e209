"""`validate` on a hand-written page's raw HTML and links, and the build's sanitiser, as an editor and a reader see them.

In-process and exact: each problem's file:line, code, message and fix; the sanitised HTML byte for byte.
"""

from __future__ import annotations

from sec_release.core.content_check import EXTENSIONS
from sec_release.core.content_html import attribute_allowed, check_page, sanitise

PAGE = "content/guide.md"
TAG_HINT = "remove it; pages may hold tables, details/summary, abbr, sup/sub, br and other text markup (README: Raw HTML)"
RAW_ATTRIBUTE_HINT = "remove it; event handlers (on...), style and other attributes that can run or load script are never published"
MARKDOWN_ATTRIBUTE_HINT = "remove it; event handlers (on...) and style are never published"
LINK_HINT = ("link to a web page (https://...), an email address (mailto:...) or a page of this site; "
             "character references such as &#58; are read as the characters they stand for")


def _link_message(url: str, scheme: str) -> str:
    return f'the link address "{url}" uses "{scheme}:", which is never published (only http, https, mailto, # and relative links are)'


def _found(markdown: str, first_line: int = 1, extensions=EXTENSIONS) -> list[tuple[str, str, str, str, str]]:
    return [(str(d.location), d.severity.value, d.code, d.message, d.hint)
            for d in check_page(markdown, PAGE, first_line, extensions)]


def test_an_element_off_the_allowlist_is_an_error_at_its_line_with_the_fix():
    assert _found("# Guide\n\n<script>alert(1)</script>\n") == [
        (f"{PAGE}:3:1", "error", "html-not-allowed", "the HTML element <script> is not allowed in a page", TAG_HINT),
    ]


def test_lines_are_counted_from_the_first_line_below_the_front_matter():
    assert _found("# Guide\n\n<iframe></iframe>\n", first_line=5) == [
        (f"{PAGE}:7:1", "error", "html-not-allowed", "the HTML element <iframe> is not allowed in a page", TAG_HINT),
    ]


def test_a_self_closing_element_off_the_allowlist_is_reported_too():
    assert _found("Text.\n\n<embed/>\n") == [
        (f"{PAGE}:3:1", "error", "html-not-allowed", "the HTML element <embed> is not allowed in a page", TAG_HINT),
    ]


def test_an_element_off_the_allowlist_is_reported_once_not_again_for_its_attributes():
    assert _found('<object data="javascript:x" onload="y"></object>\n') == [
        (f"{PAGE}:1:1", "error", "html-not-allowed", "the HTML element <object> is not allowed in a page", TAG_HINT),
    ]


def test_every_attribute_off_the_allowlist_is_reported_on_its_element():
    assert _found('Text.\n\n<p onclick="x" style="color:red" class="note">a</p>\n<td ONMOUSEOVER=y>b</td>\n') == [
        (f"{PAGE}:3:1", "error", "html-attribute-not-allowed", 'the attribute onclick="..." is not allowed on <p>', RAW_ATTRIBUTE_HINT),
        (f"{PAGE}:3:1", "error", "html-attribute-not-allowed", 'the attribute style="..." is not allowed on <p>', RAW_ATTRIBUTE_HINT),
        (f"{PAGE}:4:1", "error", "html-attribute-not-allowed", 'the attribute onmouseover="..." is not allowed on <td>', RAW_ATTRIBUTE_HINT),
    ]


def test_the_allowed_html_of_a_document_passes():
    page = (
        "# Guide\n\n"
        '<details open><summary>More</summary><abbr title="Data Communications Company">DCC</abbr> H<sub>2</sub>O x<sup>2</sup><br/></details>\n\n'
        '<table><caption>Costs</caption><thead><tr><th scope="col" abbr="Y" style="text-align:left">Year</th></tr></thead>'
        '<tbody><tr><td colspan="2" rowspan="1" headers="y">2027</td></tr></tbody></table>\n\n'
        '<ol start="3" reversed type="a"><li value="4">x</li></ol> <time datetime="2027-11-04">4 November</time>\n\n'
        '<span id="s" class="c" lang="en" dir="ltr" role="note" aria-label="label" ARIA-HIDDEN="true">s</span>\n\n'
        '<a href="https://example.org/" hreflang="en">web</a> <a href="mailto:secas@example.org">mail</a> <a href="#costs">here</a> '
        '<a href="../2027-11/">there</a> <a href>no address</a>\n\n'
        '<img src="diagram.png" alt="A diagram" width="20" height="10" loading="lazy"> '
        '<blockquote cite="https://example.org/">q</blockquote> <del cite="https://example.org/" datetime="2027-01-01">d</del>\n'
    )
    assert _found(page) == []


def test_an_unsafe_address_in_raw_html_is_an_unsafe_link_once_at_its_line():
    assert _found('# Guide\n\nRead <a href="javascript:alert(1)">this</a>.\n', first_line=4) == [
        (f"{PAGE}:6:1", "error", "unsafe-link", _link_message("javascript:alert(1)", "javascript"), LINK_HINT),
    ]


def test_an_unsafe_address_in_an_uppercase_raw_attribute_is_found():
    assert _found('<img SRC="data:image/png;base64,AAAA" alt="x">\n') == [
        (f"{PAGE}:1:1", "error", "unsafe-link", _link_message("data:image/png;base64,AAAA", "data"), LINK_HINT),
    ]


def test_each_unsafe_markdown_link_is_reported_at_its_own_line():
    assert _found("Intro.\n\n[one](javascript:alert(1))\n\nText.\n\n![two](vbscript:x)\n", first_line=10) == [
        (f"{PAGE}:12:1", "error", "unsafe-link", _link_message("javascript:alert(1)", "javascript"), LINK_HINT),
        (f"{PAGE}:16:1", "error", "unsafe-link", _link_message("vbscript:x", "vbscript"), LINK_HINT),
    ]


def test_the_same_unsafe_address_in_html_and_markdown_on_one_line_is_reported_once():
    assert _found('<a href="javascript:1">x</a> [y](javascript:1)\n', extensions=[]) == [
        (f"{PAGE}:1:1", "error", "unsafe-link", _link_message("javascript:1", "javascript"), LINK_HINT),
    ]


def test_an_unsafe_markdown_link_on_another_line_than_the_raw_one_is_reported_too():
    assert _found('Intro.\n<a href="javascript:1">x</a>\n\n[y](vbscript:1)\n', extensions=[]) == [
        (f"{PAGE}:2:1", "error", "unsafe-link", _link_message("javascript:1", "javascript"), LINK_HINT),
        (f"{PAGE}:4:1", "error", "unsafe-link", _link_message("vbscript:1", "vbscript"), LINK_HINT),
    ]


def test_an_event_handler_given_with_attr_list_is_reported_at_its_line():
    assert _found('# Guide\n\nClick here.\n{: ONCLICK="alert(1)" }\n', first_line=2) == [
        (f"{PAGE}:5:1", "error", "html-attribute-not-allowed", 'the attribute ONCLICK="..." is not allowed on <p>', MARKDOWN_ATTRIBUTE_HINT),
    ]


def test_a_style_given_with_attr_list_is_reported_but_a_table_cells_alignment_is_not():
    page = "| Year | Cost |\n|:--|--:|\n| 2027 | 3 |\n\nText.\n{: style=\"color:red\" }\n"
    assert _found(page) == [
        (f"{PAGE}:6:1", "error", "html-attribute-not-allowed", 'the attribute style="..." is not allowed on <p>', MARKDOWN_ATTRIBUTE_HINT),
    ]


def test_without_attr_list_the_braces_are_text_and_nothing_is_reported():
    assert _found('Click here.\n{: onclick="alert(1)" }\n', extensions=[]) == []


def test_html_shown_as_code_is_not_checked_and_lines_after_it_keep_their_numbers():
    page = (
        "Use `<script>` or `` <iframe> `` and `a multi-line\n<object>` span.\n\n"
        "```html\n<script>alert(1)</script>\n```\n\n"
        "~~~\n<embed>\n~~~\n\n"
        "    <form action=x>\n\n"
        "<marquee>late</marquee>\n"
    )
    assert _found(page) == [
        (f"{PAGE}:14:1", "error", "html-not-allowed", "the HTML element <marquee> is not allowed in a page", TAG_HINT),
    ]


def test_an_indented_code_block_at_the_end_of_a_page_is_not_checked():
    assert _found("Text.\n\n    <iframe>\n    <embed>") == []


def test_an_empty_page_has_no_problems():
    assert _found("") == []
    assert _found("  \n\n\t\n") == []


def test_raw_html_the_checker_cannot_read_is_an_error_at_its_line_with_the_fix():
    assert _found("# Title\n\nText.\n\n<![ x ]>\n\nMore.\n", first_line=3) == [
        (f"{PAGE}:7:1", "error", "html-unreadable",
         "the raw HTML here cannot be read (a declaration or tag written as no browser reads it), so nothing after it was checked",
         "remove the stray <! ... > or < near this line, or write it as text (&lt;)"),
    ]


def test_problems_are_listed_in_line_order_whatever_found_them():
    page = '[a](javascript:1)\n\n<script>x</script>\n\nText.\n{: onclick="y" }\n\n<p onclick="z">p</p>\n'
    assert [(location, code) for location, _, code, _, _ in _found(page)] == [
        (f"{PAGE}:1:1", "unsafe-link"),
        (f"{PAGE}:3:1", "html-not-allowed"),
        (f"{PAGE}:6:1", "html-attribute-not-allowed"),
        (f"{PAGE}:8:1", "html-attribute-not-allowed"),
    ]


def test_a_page_checked_with_other_extensions_is_judged_by_them():
    with_attr_list = 'Text.\n{: onclick="y" }\n'
    assert len(_found(with_attr_list, extensions=["attr_list"])) == 1
    assert _found(with_attr_list, extensions=[]) == []
    assert len(_found(with_attr_list, extensions=["attr_list"])) == 1


def test_attributes_are_allowed_generically_by_prefix_or_for_their_element_whatever_their_case():
    assert attribute_allowed("p", "ID") is True
    assert attribute_allowed("span", "aria-describedby") is True
    assert attribute_allowed("a", "HREF") is True
    assert attribute_allowed("span", "href") is False
    assert attribute_allowed("span", "ariadne") is False
    assert attribute_allowed("span", "data-x") is False


# ---------------------------------------------------------------------------- the build's sanitiser


def test_web_and_mail_links_keep_their_address_and_get_no_added_rel():
    raw = ('<a href="mailto:secas@example.org" rel="noopener" aria-label="mail">m</a> '
           '<a href="http://example.org/">h</a> <a href="https://example.org/" target="_blank">s</a> <a href="ftp://example.org/">f</a>')
    assert sanitise(raw) == ('<a href="mailto:secas@example.org" aria-label="mail">m</a> '
                             '<a href="http://example.org/">h</a> <a href="https://example.org/">s</a> <a>f</a>')


def test_list_time_and_quote_attributes_are_kept():
    raw = '<ol start="3" reversed type="a"><li value="4">x</li></ol><time datetime="2027-11-04">4 Nov</time><q cite="https://e.org/">q</q>'
    assert sanitise(raw) == '<ol start="3" reversed="" type="a"><li value="4">x</li></ol><time datetime="2027-11-04">4 Nov</time><q cite="https://e.org/">q</q>'


def test_comments_stay_and_form_fields_and_script_holders_go_with_their_content():
    raw = ('<p>a<!-- c -->b</p><span onmouseover="x" ARIA-hidden="true" data-x="1">s</span>'
           '<textarea>t</textarea><select><option>o</option></select><noscript>n</noscript><template>t</template>')
    assert sanitise(raw) == '<p>a<!-- c -->b</p><span aria-hidden="true">s</span>'


def test_an_image_keeps_its_size_and_text_but_not_a_srcset():
    raw = '<img src="https://e.org/i.png" alt="a" width="2" height="3" loading="lazy" srcset="x 1x" onerror="y">'
    assert sanitise(raw) == '<img src="https://e.org/i.png" alt="a" width="2" height="3" loading="lazy">'


def test_a_header_cell_keeps_its_alignment_only():
    raw = '<table><tr><th scope="col" abbr="A" colspan="2" style="text-align:center;color:red" onclick="x">h</th></tr></table>'
    assert sanitise(raw) == '<table><tbody><tr><th scope="col" abbr="A" colspan="2" style="text-align:center">h</th></tr></tbody></table>'


def test_page_layout_elements_are_unwrapped_but_sections_and_table_feet_kept():
    raw = "<nav>n</nav><article>a</article><center>c</center><section>s</section><table><tfoot><tr><td>f</td></tr></tfoot></table>"
    assert sanitise(raw) == "nac<section>s</section><table><tfoot><tr><td>f</td></tr></tfoot></table>"


def test_unknown_elements_are_unwrapped_and_their_text_kept():
    assert sanitise("<marquee>moving <blink>text</blink></marquee>") == "moving text"


def test_the_first_page_checked_with_a_set_of_extensions_is_checked_for_links_and_attributes(monkeypatch):
    """validate makes one converter per set of extensions, on first use: that first one checks as well as the reused ones."""
    from sec_release.core import content_html

    monkeypatch.setattr(content_html, "_converters", {})
    assert _found('[a](javascript:1)\n\nText.\n{: onclick="y" }\n') == [
        (f"{PAGE}:1:1", "error", "unsafe-link", _link_message("javascript:1", "javascript"), LINK_HINT),
        (f"{PAGE}:4:1", "error", "html-attribute-not-allowed", 'the attribute onclick="..." is not allowed on <p>', MARKDOWN_ATTRIBUTE_HINT),
    ]
    assert _found("Fixed: [a](https://example.org/).\n") == []  # nothing of the page before


def test_safe_markdown_links_and_images_are_not_reported():
    assert _found("[web](https://example.org/) [mail](mailto:secas@example.org) [here](#costs) [up](../) ![pic](diagram.png)\n") == []


def test_a_page_checked_without_a_first_line_counts_from_line_one():
    assert [str(d.location) for d in check_page("Text.\n<script>x</script>\n", PAGE)] == [f"{PAGE}:2:1"]


def test_a_lone_less_than_sign_at_the_end_of_a_line_is_text():
    assert _found("Costs are <\n5 pounds > 4 pounds, and `code` too.\n") == []


def test_html_before_a_code_block_is_still_checked():
    assert _found("<script>x</script>\n\n```\ncode\n```\n") == [
        (f"{PAGE}:1:1", "error", "html-not-allowed", "the HTML element <script> is not allowed in a page", TAG_HINT),
    ]


def test_an_unsafe_markdown_link_beside_other_raw_html_is_reported_with_it():
    assert [(location, code) for location, _, code, _, _ in _found("<b>x</b><script>x</script> [a](javascript:1)\n", extensions=[])] == [
        (f"{PAGE}:1:1", "html-not-allowed"), (f"{PAGE}:1:1", "unsafe-link"),
    ]


def test_after_an_address_already_reported_from_raw_html_later_links_are_still_reported():
    page = '<a href="javascript:1">x</a> [y](javascript:1)\n\n[z](vbscript:2)\n'
    assert [(location, message) for location, _, _, message, _ in _found(page, extensions=[])] == [
        (f"{PAGE}:1:1", _link_message("javascript:1", "javascript")),
        (f"{PAGE}:3:1", _link_message("vbscript:2", "vbscript")),
    ]
