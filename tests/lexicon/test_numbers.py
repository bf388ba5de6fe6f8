"""The one number reader: digits and words, counts, years and ordinals."""

from __future__ import annotations

import re

import pytest

from eventwire.lexicon import LexiconError, load_lexicon
from eventwire.numbers import NumberReader

READ = NumberReader()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("eight", 8),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one hundred and five", 105),
        ("two hundred fifty", 250),
        ("seven hundred", 700),
        ("a hundred", 100),
        ("two thousand and twelve", 2012),
        ("one million two hundred thousand", 1_200_000),
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("three dozen", 36),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a score of", 20),
        ("a couple of", 2),
        ("two and a half", 2.5),
        ("one and a half million", 1_500_000),
        ("a half", 0.5),
        ("Zero", 0),
    ],
)
def test_reads_numbers(text: str, value: float) -> None:
    assert READ.read(text) == value


@pytest.mark.parametrize(
    "text",
    ["dozens", "several", "a few", "hundreds", "dozen", "score", "five six",
     "nineteen ninety", "twenty eleven", "and five", "five and", "the", "", "seventh"],
)
def test_vague_or_malformed_is_none(text: str) -> None:
    assert READ.read(text) is None


def test_read_int_refuses_fractions() -> None:
    assert READ.read_int("two and a half") is None
    assert READ.read_int("three dozen") == 36


@pytest.mark.parametrize(
    ("text", "year"),
    [("nineteen ninety-eight", 1998), ("two thousand and twelve", 2012),
     ("nineteen oh four", 1904), ("twenty twenty", 2020), ("two thousand five", 2005),
     ("nineteen hundred", 1900), ("1987", 1987)],
)
def test_reads_years(text: str, year: int) -> None:
    assert READ.read_year(text) == year


def test_a_quantity_is_not_a_year() -> None:
    assert READ.read_year("twenty-five") is None
    assert READ.read_year("three dozen") is None


@pytest.mark.parametrize(
    ("text", "n"), [("third", 3), ("twenty-first", 21), ("21st", 21), ("thirtieth", 30),
                    ("last", -1)],
)
def test_reads_ordinals(text: str, n: int) -> None:
    assert READ.read_ordinal(text) == n


def test_pattern_finds_whole_phrases() -> None:
    rx = re.compile(READ.pattern, re.IGNORECASE)
    found = [m.group(0) for m in rx.finditer(
        "Gunmen killed three dozen villagers; half a dozen men and twenty-five soldiers were "
        "hurt, and two hundred and five fled, a week after a hundred marched."
    )]
    assert found == ["three dozen", "half a dozen", "twenty-five", "two hundred and five",
                     "a hundred"]
    assert all(READ.read(f) is not None for f in found)


def test_unknown_word_list_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match=r"no word list 'numbers\.nope'"):
        load_lexicon().words("numbers.nope")
    with pytest.raises(LexiconError, match="no lexicon for language"):
        load_lexicon("xx")


def test_year_pattern_finds_spoken_years_that_read_year_reads() -> None:
    rx = re.compile(READ.year_pattern, re.IGNORECASE)
    text = ("The mill closed in nineteen eighty-two, reopened in two thousand and twelve and "
            "was sold in twenty nineteen; its founder was born in nineteen oh six.")
    found = [m.group(0) for m in rx.finditer(text)]
    assert found == ["nineteen eighty-two", "two thousand and twelve", "twenty nineteen",
                     "nineteen oh six"]
    assert [READ.read_year(f) for f in found] == [1982, 2012, 2019, 1906]
    assert rx.fullmatch("twenty-five") is None
