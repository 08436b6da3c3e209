"""Generated HTML set aside from Python-Markdown comes back exactly where Python-Markdown puts it."""

from __future__ import annotations

import markdown
import pytest

from sec_release.model.html_blocks import set_aside

EXTENSIONS = ["attr_list", "tables", "toc", "admonition", "fenced_code"]

PAGE = """\
<h1>November 2019 SEC Release</h1>

<div class="sec-release-head">
<dl class="sec-facts">
<dt>Status</dt><dd>Implemented</dd>
</dl>
<div class="sec-summary-text"><p>Text &amp; more.</p></div>
</div>

## Go-live date

<div class="sec-table-wrap" id="wrap" tabindex="0"><table class="sec-table"><tr><td id="cell-1"><a name='MP071' href="#x">1</a></td></tr></table></div>

Some *Markdown* paragraph with <time datetime="2019-11-29">a date</time>.

<time datetime="2019-11-29">29 November 2019</time> starts with an inline tag.

## Content {#content}

<table class="sec-table">
<tr><th scope="row"><a name="MP071" href="../MP071/">MP071</a></th></tr>
</table>
<p class="sec-digest">SHA-256: <code>abc</code></p>
"""


def _render(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.mark.parametrize("page", [PAGE, PAGE.rstrip("\n") + "\n\nA closing paragraph.\n", "## Only a heading\n", ""])
def test_the_page_renders_to_the_same_html(page):
    text, aside = set_aside(page)
    assert aside.put_back(_render(text)) == _render(page)


def test_only_unambiguous_blocks_are_set_aside():
    text, aside = set_aside(PAGE)
    assert len(aside.blocks) == 3  # h1, the head, the table wrap; not the last run (a table, then a paragraph)
    assert "Some *Markdown* paragraph" in text and '<time datetime="2019-11-29">29 November 2019</time> starts' in text
    assert "## Go-live date" in text and "<dl" not in text and "<p class=\"sec-digest\">" in text


def test_the_ids_and_anchor_names_in_the_blocks_are_the_pages_anchors():
    _, aside = set_aside(PAGE)
    assert aside.anchor_ids() == {"wrap", "cell-1", "MP071"}


def test_placeholders_cannot_be_guessed_from_one_page_to_the_next():
    assert set_aside(PAGE)[1].token != set_aside(PAGE)[1].token
