"""Anchored scanning: each rule tried only at the word starts it can open with (own
patterns and sentences)."""

from __future__ import annotations

import re

import pytest

from eventwire.timex import anchors, detect
from eventwire.timex.anchors import DIGIT, Index, fold, heads, index, scan
from eventwire.timex.rules import RULES

_EDGE = r"(?<![\w'])(?:{})(?!\w)"


def _rx(body: str) -> re.Pattern[str]:
    return re.compile(_EDGE.format(body), re.IGNORECASE)


@pytest.mark.parametrize("body, expected", [
    (r"the\s+day", {"the"}),
    (r"(?:last|next)\s+week", {"las", "nex"}),
    (r"(?:the\s+)?week", {"the", "wee"}),  # an optional word: either may come first
    (r"\d+\s+days", {DIGIT}),
    (r"[0-3]?\d", {DIGIT}),
    (r"a\s+day", {"a"}),
    (r"Q[1-4]", {"q"}),  # the head stops before a digit
    (r"'\d\d", {"'"}),
    (r"\w+\s+times", None),  # any word may come first
    # the grammar's space between words: a short first word is read with the next one
    (r"the[^\S\n]+(?:day|week)", {"the day", "the wee"}),
    (r"the[^\S\n]+\d+", {"the #"}),
    (r"(?:the[^\S\n]+)?week", {"the wee", "wee"}),
    (r"last[^\S\n]+week", {"las"}),  # a longer word: its first three letters
    (r"(?:today|)", None),  # an empty alternative: no head
])
def test_heads_read_from_the_pattern(body, expected):
    got = heads(_rx(body))
    assert got == (None if expected is None else frozenset(expected))


def test_no_heads_without_the_left_edge():
    assert heads(re.compile(r"the\s+day", re.IGNORECASE)) is None


def test_fold_agrees_with_ignorecase_on_every_code_point():
    # every character re.IGNORECASE matches with an ASCII letter folds to that letter
    every = "".join(map(chr, range(0x110000)))
    folded = fold(every)
    assert len(folded) == len(every)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        by_re = {m.start() for m in re.finditer(letter, every, re.IGNORECASE)}
        assert by_re <= {i for i, c in enumerate(folded) if c == letter}, letter


def test_digit_class_is_the_decimal_digits():
    every = "".join(map(chr, range(0x110000)))
    by_re = {m.start() for m in re.finditer(r"\d", every)}
    assert by_re == {i for i, c in enumerate(every) if c.isdecimal()}


_TEXTS = [
    "The attack happened on Sunday, Sept. 3, at about 11 p.m., two days after the vote.",
    "FISCAL YEAR 2019 results came in the third quarter; shares rose 5% last week.",
    "ſunday morning, the 3rd of May, every week since the 1990s and the '80s.",
    "Police said he died on Wednesday, Jan. 27, 2021 at 14:30 GMT; the day before, nothing.",
    "A ceasefire begins at midnight (UTC) on 4.3.2026 and lasts three times a week.",
    "Talks reopen Monday the 9th; they ended the week before last, a year ago or so.",
    "It ran for 2\u00bd years, from ٢٠٢٠ until the end of the decade; dozens of hours later.",
    "\u0130n the sprıng, the KELVIN \u212aid said 'twas Friday's vote, overnight.",
    "the year-ago quarter, the latest fiscal year, year-end, the 1988 period",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_every_rule_finds_what_finditer_finds(text):
    idx = index([rule.regex for rule in RULES])
    starts = idx.starts(text)
    for i, rule in enumerate(RULES):
        want = [m.span() for m in rule.regex.finditer(text)]
        if idx.anchored[i]:
            assert [m.span() for m in scan(rule.regex, text, starts.get(i, ()))] == want, rule.name


@pytest.mark.parametrize("text", _TEXTS)
def test_detection_is_the_same_as_a_whole_scan(text, monkeypatch):
    anchored = detect.find_timexes(text)
    # nothing anchored: every rule scanned whole with finditer
    monkeypatch.setattr(detect, "_HEADS", Index({}, (False,) * len(RULES)))
    assert detect.find_timexes(text) == anchored


def test_a_memo_kept_across_texts_finds_the_same(monkeypatch):
    """What a word may begin depends on the word alone: a memo carried from text to text
    (the times stage keeps one per pipeline) changes nothing found, also once cleared."""
    memo: dict = {}
    for text in _TEXTS * 2:
        assert detect.find_timexes(text, memo) == detect.find_timexes(text)
    everything = len(memo)
    monkeypatch.setattr(anchors, "MEMO_LIMIT", 3)
    for text in _TEXTS:
        assert detect.find_timexes(text, memo) == detect.find_timexes(text)
        assert len(memo) < everything  # cleared before each text: its own words only
