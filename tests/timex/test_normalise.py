"""normalise() / resolve_relative() on hand-written expressions, anchored on a Saturday."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex import normalise, resolve_relative

SAT = date(2026, 2, 7)  # the article's publication date: Saturday 7 February 2026


def test_on_friday_in_an_article_published_saturday_is_the_day_before() -> None:
    n = normalise("on Friday", SAT, tense_hint="past")
    assert (n.value, n.date, n.precision, n.anchor) == ("2026-02-06", "2026-02-06", "day",
                                                         "published")
    assert normalise("on Friday", SAT).date == "2026-02-06"  # no hint: past reading


def test_on_friday_published_friday_is_today_and_future_tense_looks_ahead() -> None:
    assert normalise("on Friday", date(2026, 2, 6), tense_hint="past").date == "2026-02-06"
    assert normalise("on Friday", SAT, tense_hint="future").date == "2026-02-13"
    assert normalise("last Tuesday", SAT).date == "2026-02-03"
    assert normalise("next Monday", SAT).date == "2026-02-09"


@pytest.mark.parametrize(
    ("expr", "value", "date_", "precision", "anchor"),
    [
        ("last month", "2026-01", "2026-01", "month", "published"),
        ("the summer of 2023", "2023-SU", "2023-06", "season", "text"),
        ("in 2018", "2018", "2018", "year", "text"),
        ("yesterday", "2026-02-06", "2026-02-06", "day", "published"),
        ("today", "2026-02-07", "2026-02-07", "day", "published"),
        ("two days ago", "2026-02-05", "2026-02-05", "day", "published"),
        ("last week", "2026-W05", "2026-01-26", "week", "published"),
        ("next year", "2027", "2027", "year", "published"),
        ("earlier this month", "2026-02", "2026-02", "month", "published"),
        ("last spring", "2025-SP", "2025-03", "season", "published"),
        ("the 1990s", "199", "1990", "range", "text"),
        ("March 2025", "2025-03", "2025-03", "month", "text"),
        ("the fourth quarter of 2005", "2005-Q4", "2005-10", "range", "text"),
        ("this weekend", "2026-W06-WE", "2026-02-07", "week", "published"),
    ],
)
def test_dates_relative_and_absolute(
    expr: str, value: str, date_: str, precision: str, anchor: str
) -> None:
    n = normalise(expr, SAT)
    assert (n.value, n.date, n.precision, n.anchor) == (value, date_, precision, anchor)
    assert n.type == "DATE"


def test_over_the_past_year_is_a_duration_with_a_range() -> None:
    n = normalise("over the past year", SAT)
    assert (n.type, n.value, n.precision) == ("DURATION", "P1Y", "range")
    assert (n.date, n.end_date) == ("2025-02-07", "2026-02-07")


@pytest.mark.parametrize(
    "expr", ["February 6, 2026", "6 Feb 2026", "2026-02-06", "Friday, February 6, 2026",
             "6th of February 2026", "Feb. 6, 2026", "2/6/2026"],
)
def test_absolute_dates_need_no_anchor(expr: str) -> None:
    n = normalise(expr, None)
    assert (n.value, n.date, n.precision, n.anchor) == ("2026-02-06", "2026-02-06", "day", "text")


def test_month_and_day_without_year_take_the_year_nearest_the_anchor() -> None:
    assert normalise("Feb. 6", SAT).date == "2026-02-06"
    assert normalise("6 February", SAT).anchor == "published"
    assert normalise("December 30", date(2026, 1, 10)).date == "2025-12-30"
    assert normalise("Feb. 6", None).value == "XXXX-02-06"


@pytest.mark.parametrize(
    ("expr", "type_", "value"),
    [
        ("three years", "DURATION", "P3Y"),
        ("for two weeks", "DURATION", "P2W"),
        ("18 months", "DURATION", "P18M"),
        ("five-year", "DURATION", "P5Y"),
        ("two and a half years", "DURATION", "P2.5Y"),
        ("thirty minutes", "DURATION", "PT30M"),
        ("several years", "DURATION", "PXY"),
        ("recently", "DATE", "PAST_REF"),
        ("now", "DATE", "PRESENT_REF"),
        ("the near future", "DATE", "FUTURE_REF"),
        ("every Monday", "SET", "XXXX-WXX-1"),
        ("weekly", "SET", "P1W"),
        ("at 3 p.m.", "TIME", "2026-02-07T15:00"),
        ("10:30 GMT", "TIME", "2026-02-07T10:30Z"),
        ("Friday morning", "TIME", "2026-02-06TMO"),
        ("Friday night", "TIME", "2026-02-06TNI"),
        ("tonight", "TIME", "2026-02-07TNI"),
    ],
)
def test_durations_vague_sets_and_times(expr: str, type_: str, value: str) -> None:
    n = normalise(expr, SAT)
    assert (n.type, n.value) == (type_, value)


def test_without_anchor_relative_expressions_stay_unresolved() -> None:
    for expr in ("yesterday", "on Friday", "last month", "two days ago", "next year"):
        n = normalise(expr, None)
        assert (n.date, n.precision, n.anchor) == (None, "unknown", "none"), expr


def test_unknown_text_gives_nothing() -> None:
    n = normalise("the ceasefire", SAT)
    assert (n.value, n.date, n.anchor) == (None, None, "none")


def test_a_day_after_resolves_against_another_events_date() -> None:
    n = resolve_relative("a day after", date(2026, 2, 5))
    assert (n.value, n.date, n.precision, n.anchor) == ("2026-02-06", "2026-02-06", "day", "text")
    assert resolve_relative("two weeks before", "2026-02-05").date == "2026-01-22"
    assert resolve_relative("the following day", "2026-02-05").date == "2026-02-06"
    assert resolve_relative("three days later", "2026-02-05",
                            ref_anchor="published").anchor == "published"
    # on its own, "a day after" has nothing to hang on
    assert normalise("a day after", SAT).date is None


def test_mod_is_kept_for_early_and_late() -> None:
    n = normalise("early 2009", None)
    assert (n.value, n.mod) == ("2009", "START")
    assert normalise("the end of last year", SAT).value == "2025"


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("the last twenty four hours", "PT24H"),
        ("five and a half years", "P5.5Y"),
        ("3 1/2 months", "P3.5M"),
        ("a couple of weeks", "P2W"),
        ("two hundred years", "P200Y"),
        ("a dozen days", "P12D"),
    ],
)
def test_durations_read_their_numbers_with_the_shared_reader(expr: str, value: str) -> None:
    assert normalise(expr, SAT).value == value


def test_the_weekend_told_in_the_past_on_a_weekday_is_the_one_just_gone() -> None:
    tue = date(2026, 3, 10)  # a Tuesday
    assert normalise("over the weekend", tue, tense_hint="past").value == "2026-W10-WE"
    assert normalise("this weekend", tue, tense_hint="past").date == "2026-03-07"
    # told as to come, or with no tense, the weekend of the week; on a Saturday, that day's
    assert normalise("this weekend", tue, tense_hint="future").value == "2026-W11-WE"
    assert normalise("this weekend", tue).value == "2026-W11-WE"
    assert normalise("this weekend", SAT, tense_hint="past").value == "2026-W06-WE"
