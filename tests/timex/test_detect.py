"""find_timexes() / annotate_timexes() on an invented wire report."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.timex import annotate_timexes, find_timexes, guess_tense

REPORT = (
    "Gunmen attack convoy near Kandla\n"
    "February 7, 2026\n"
    "Gunmen opened fire on a fuel convoy on Friday night, killing two drivers, police said "
    "on Saturday. It was the third attack on the route over the past year and the first "
    "since the summer of 2023, when a similar ambush closed the road for two weeks. "
    "Officials may meet the haulage union on Monday at 3 p.m. to discuss escorts. "
    "A curfew imposed in 2018 was lifted three years ago. A second convoy left a day after "
    "the attack. Some 2,000 drivers have joined protests in recent years."
)


def test_spans_slice_the_text_exactly() -> None:
    spans = find_timexes(REPORT)
    assert spans
    for s in spans:
        assert REPORT[s.start:s.end] == s.text
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_expected_expressions_and_types() -> None:
    found = {s.text: s.type for s in find_timexes(REPORT)}
    assert found["February 7, 2026"] == "DATE"
    assert found["Friday night"] == "TIME"
    assert found["Saturday"] == "DATE"
    assert found["the past year"] == "DURATION"  # "over" is a signal (TimeML)
    assert found["the summer of 2023"] == "DATE"
    assert found["two weeks"] == "DURATION"  # "for" is not part of the timex
    assert found["Monday"] == "DATE"
    assert found["3 p.m."] == "TIME"
    assert found["2018"] == "DATE"
    assert found["three years ago"] == "DATE"
    assert found["recent years"] == "DURATION"


def test_words_that_only_look_like_times_are_left_alone() -> None:
    texts = {s.text for s in find_timexes(REPORT)}
    assert "May" not in texts and "may" not in texts  # the verb
    assert not any("2,000" in t or t == "000" for t in texts)  # a count, not a year
    assert "A second" not in texts  # an ordinal, not one second
    assert find_timexes("Markets fell on Black Monday.") == []
    assert find_timexes("Officials may meet in May.")[0].text == "May"


def test_a_day_after_is_a_duration_with_a_signal() -> None:
    (span,) = [s for s in find_timexes(REPORT) if s.text == "a day"]
    assert (span.type, span.signal) == ("DURATION", "after")


def test_annotate_resolves_against_the_publication_date() -> None:
    got = {s.text: n for s, n in annotate_timexes(REPORT, date(2026, 2, 7))}
    assert got["Friday night"].value == "2026-02-06TNI"
    assert got["Saturday"].date == "2026-02-07"
    assert got["Monday"].date == "2026-02-09"  # "may meet ... on Monday": future
    assert got["3 p.m."].value == "2026-02-09T15:00"  # takes Monday's date
    assert got["three years ago"].value == "2023"
    assert got["2018"].anchor == "text"
    assert got["February 7, 2026"].precision == "day"


def test_annotate_without_anchor_keeps_relative_unresolved() -> None:
    got = {s.text: n for s, n in annotate_timexes(REPORT, None)}
    assert got["Saturday"].date is None and got["Saturday"].anchor == "none"
    assert got["2018"].date == "2018"


def test_guess_tense() -> None:
    t = "The talks will resume on Monday. Police said the attack happened on Monday."
    first = t.index("Monday")
    second = t.index("Monday", first + 1)
    assert guess_tense(t, first, first + 6) == "future"
    assert guess_tense(t, second, second + 6) == "past"


def test_line_breaks_end_an_expression() -> None:
    spans = find_timexes("Strike since 2019\nMarch 3, 2026\nWorkers walked out.")
    assert [s.text for s in spans] == ["2019", "March 3, 2026"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "on", "Friday", "May", "2019", "last", "week", "three", "years", "ago", "at", "3", "p.m.",
    "the", "summer", "of", "'s", "1,200", "-", "\n", ",", "today", "a", "day", "after", "GMT",
    "10:30", "mid-", "1990s", "recently", "now", "every", "Monday", "quarter",
]), max_size=25))
def test_any_text_gives_exact_non_overlapping_spans(words: list[str]) -> None:
    text = " ".join(words)
    spans = find_timexes(text)
    for s in spans:
        assert text[s.start:s.end] == s.text and s.text
    assert all(a.end <= b.start for a, b in pairwise(spans))
    for _, n in annotate_timexes(text, date(2026, 2, 7)):
        assert n.anchor in ("published", "text", "none")


def test_every_alternative_of_a_rule_keeps_its_word_edges():
    from eventwire.timex import find_timexes

    assert [t.text for t in find_timexes("The idea came out of nowhere.")] == []
    assert [t.text for t in find_timexes("Nowadays few people write letters.")] == ["Nowadays"]


def test_a_number_before_block_is_an_address_not_a_year():
    text = "She was shot in the 1800 block of Elm Avenue; the house was built in 1900."
    assert [t.text for t in find_timexes(text)] == ["1900"]
