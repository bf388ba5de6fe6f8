"""The prefilter that skips rules a text cannot match (own patterns and sentences)."""

from __future__ import annotations

import re

import pytest

from eventwire.timex import detect
from eventwire.timex.prefilter import may_match, required


@pytest.mark.parametrize("pattern, needs", [
    (r"(?<!\w)(?:last|next)\s+week", {"week"}),
    (r"\b(?:January|February)\s+\d+", {"january", "february"}),
    # the longest proof: "year" (the "s" is optional) rather than "ago"
    (r"(?:\d+)\s+years?\s+ago", {"year"}),
    (r"(?:the\s+)?(?:\d+)", None),  # digits only: nothing to look for
    (r"(?:today|now|)", None),  # an empty alternative needs nothing
    (r"(?:week)?\d+", None),  # optional words prove nothing
    (r"(?:a|b)\d", None),  # one letter occurs in any text
])
def test_required_reads_what_every_match_holds(pattern, needs):
    got = required(re.compile(pattern, re.IGNORECASE))
    assert got == (None if needs is None else frozenset(needs))


def test_may_match_compares_case_folded():
    needs = frozenset({"sunday"})
    assert may_match(needs, "On SUNDAY the".casefold())
    assert not may_match(needs, "on monday".casefold())
    assert may_match(None, "")


@pytest.mark.parametrize("text", [
    "The attack happened on Sunday, Sept. 3, at about 11 p.m., two days after the vote.",
    "FISCAL YEAR 2019 results came in the third quarter; shares rose 5% last week.",
    "Nothing here tells a time at all, only words.",
    "ſunday morning, the 3rd of May, every week since the 1990s",
    "A man was shot Tuesday night. Police said he died on Wednesday, Jan. 27.",
])
def test_detection_is_the_same_with_and_without_the_prefilter(text, monkeypatch):
    with_it = detect.find_timexes(text)
    monkeypatch.setattr(detect, "may_match", lambda needs, folded: True)
    assert detect.find_timexes(text) == with_it
