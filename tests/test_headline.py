"""The headline line a plain-text report opens with (own examples)."""

from __future__ import annotations

import pytest

from eventwire.headline import glued_headline, glued_title_case, headline_line, title_of


@pytest.mark.parametrize("text, expected", [
    ("Embassy guard stabbed in capital\n\nA guard was stabbed on Friday.",
     "Embassy guard stabbed in capital"),
    ("Three held after clashes in port city\nPolice detained three men.",
     "Three held after clashes in port city"),
    # a first paragraph of prose ends as a sentence does
    ("Police detained three men on Friday.\n\nThey were released later.", None),
    ("Who shot the mayor?\n\nNobody knows yet.", None),
    # one line and nothing after it is the text, not its headline
    ("Embassy guard stabbed in capital\n", None),
    ("Embassy guard stabbed in capital", None),
    ("\nA guard was stabbed.", None),
    (" ".join(["word"] * 30) + "\n\nBody.", None),
])
def test_headline_line(text, expected):
    assert headline_line(text) == expected


def test_the_given_title_wins_when_the_text_opens_with_it():
    text = "Guard stabbed | Daily Example\n\nA guard was stabbed."
    assert title_of(text, "Guard stabbed | Daily Example") == "Guard stabbed | Daily Example"
    assert title_of(text, "Another title") == "Guard stabbed | Daily Example"
    assert title_of("A guard was stabbed.", None) is None


@pytest.mark.parametrize("text, expected", [
    ("Two guards hurt in blasts in NepalPOKHARA, Nepal, Oct. 3 (Xinhua) -- Two guards were "
     "hurt on Friday.", "Two guards hurt in blasts in Nepal"),
    ("Man wounded outside a barDETROIT (WDTV) — A man was shot.", "Man wounded outside a bar"),
    # no dateline glued to the first line
    ("Man wounded outside a bar\n\nDETROIT (WDTV) — A man was shot.", None),
    ("A man was shot in Detroit on Friday, police said.", None),
])
def test_a_headline_ends_where_a_glued_dateline_starts(text, expected):
    assert glued_headline(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Man Shot Near Park In DaytonA 30-year-old man was shot near a park on Sunday.",
     "Man Shot Near Park In Dayton"),
    ("Two Killed in Market BlastThe blast killed two people on Friday.",
     "Two Killed in Market Blast"),
    ("Gunmen Kill Five In Village3 more were wounded, officials said.",
     "Gunmen Kill Five In Village"),
    # a capital inside a name, and a sentence's own words, are no junction
    ("Shooting At McDonald Leaves One Dead", None),
    ("Man Posts YouTube Video Of The Attack", None),
    ("Police said the 2024 attack was the worst.", None),
    ("A man was shot in Dayton on Sunday, police said.", None),
])
def test_a_title_case_headline_ends_where_the_glued_body_starts(text, expected):
    assert glued_title_case(text) == expected
