"""A title an editor cannot see is empty: only invisible (format) characters and spaces."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tests.test_facts import release


@pytest.mark.parametrize("title", ["\u200b", "\u200b \u200b \u200b", " \u202e \u200b "], ids=["zero-width", "zero-width-and-spaces", "bidi-and-spaces"])
def test_a_title_of_only_invisible_characters_and_spaces_is_empty(title):
    with pytest.raises(ValidationError) as raised:
        release("2019-11", "2019-11-29", [], title=title)
    [error] = raised.value.errors(include_url=False)
    assert (error["loc"], error["msg"]) == (("title",), "Value error, is empty: it holds only invisible characters")


def test_a_title_with_one_visible_character_among_invisible_ones_is_kept():
    assert release("2019-11", "2019-11-29", [], title="\u200bé\u200b").title == "\u200bé\u200b"
