"""Compound, numeric, spoken and lower-case expressions: each read whole, with a value as
fine as the words give. Anchor: Saturday 7 February 2026 unless said otherwise."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex import annotate_timexes, find_timexes, normalise

SAT = date(2026, 2, 7)


def spans(text: str) -> list[str]:
    return [s.text for s in find_timexes(text)]


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("The ceasefire was signed on the third of May.", "the third of May", "2026-05-03"),
        ("Troops left on the twenty-first of March 2019.", "the twenty-first of March 2019",
         "2019-03-21"),
        ("The vote is due on March the first.", "March the first", "2026-03-01"),
        ("Fighting flared in June last year.", "June last year", "2025-06"),
        ("The mayor resigned in January this year.", "January this year", "2026-01"),
        ("Talks resume in April next year.", "April next year", "2027-04"),
        ("A bomb went off on 12 August last year.", "12 August last year", "2025-08-12"),
        ("The camp opened in the summer of last year.", "the summer of last year", "2025-SU"),
    ],
)
def test_a_date_is_read_whole_not_in_part(sentence: str, expr: str, value: str) -> None:
    assert expr in spans(sentence)
    assert normalise(expr, SAT).value == value


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("14.3.2026", "2026-03-14"),  # dotted: day first
        ("4.3.2026", "2026-03-04"),
        ("03-14-2026", "2026-03-14"),  # dashed: month first
        ("14-03-2026", "2026-03-14"),  # ... unless the first part cannot be a month
        ("04.03.26", "2026-03-04"),  # two-digit year
        ("3/4/98", "1998-03-04"),
    ],
)
def test_numeric_dates_with_dots_dashes_and_two_digit_years(expr: str, value: str) -> None:
    n = normalise(expr, None)
    assert (n.value, n.precision, n.anchor) == (value, "day", "text")
    assert spans(f"The raid on {expr} left four dead.") == [expr]


def test_version_numbers_and_scores_are_not_dates() -> None:
    assert spans("Install release 1.2.3.4 before the 3-2 final.") == []


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("Police said the crowd dispersed on 4.3.2026 17:30.", "4.3.2026 17:30",
         "2026-03-04T17:30"),
        ("The log shows 2026-03-04T15:05 as the first alarm.", "2026-03-04T15:05",
         "2026-03-04T15:05"),
        ("The statement was issued March 3, 2026, 5 p.m. local time.", "March 3, 2026, 5 p.m.",
         "2026-03-03T17:00"),
        ("Polls close at 8 p.m. GMT, March 5.", "8 p.m. GMT, March 5", "2026-03-05T20:00Z"),
    ],
)
def test_a_full_date_with_a_clock_time_keeps_both(sentence: str, expr: str, value: str) -> None:
    assert expr in spans(sentence)
    n = normalise(expr, SAT)
    assert (n.value, n.type) == (value, "TIME")


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("two thousand and twelve", "2012"),
        ("nineteen ninety-four", "1994"),
        ("the winter of nineteen ninety-one", "1991-WI"),
        ("October nineteen eighty-seven", "1987-10"),
        ("the year two thousand", "2000"),
    ],
)
def test_years_in_words(expr: str, value: str) -> None:
    assert normalise(expr, None).value == value


def test_a_spoken_year_is_found_after_a_preposition_but_a_count_is_not() -> None:
    assert spans("The dam was finished in two thousand and twelve.") == [
        "two thousand and twelve"]
    assert spans("Some two thousand people marched.") == []
    assert spans("He was born nineteen sixty-two, the family says.") == ["nineteen sixty-two"]


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("Monday the 9th", "2026-02-09"),
        ("Sunday the 1st", "2026-02-01"),
        ("the week before last", "2026-W04"),
        ("the month after next", "2026-04"),
        ("the first Monday of March", "2026-03-02"),
        ("the last Friday in May", "2026-05-29"),
        ("the second Tuesday of June 2027", "2027-06-08"),
        ("the day before last Tuesday", "2026-02-02"),
        ("the week of March 9", "2026-W11"),
        ("11 p.m. Friday", "2026-02-06T23:00"),
        ("1 a.m. Saturday", "2026-02-07T01:00"),
        ("early Thursday", "2026-02-05"),
        ("the 2024 third quarter", "2024-Q3"),
        ("last year's fourth quarter", "2025-Q4"),
    ],
)
def test_compound_expressions(expr: str, value: str) -> None:
    assert normalise(expr, SAT).value == value
    assert spans(f"It happened {expr}, officials said.") == [expr]


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("The market was shut last friday.", "last friday", "2026-02-06"),
        ("Elections are due next june.", "next june", "2026-06"),
        ("The curfew ends on the third of may.", "the third of may", "2026-05-03"),
        ("The strike began on march 2, 2026.", "march 2, 2026", "2026-03-02"),
        ("Rebels held the town until october 2019.", "october 2019", "2019-10"),
        ("Two men were arrested on monday night.", "monday night", "2026-02-02TNI"),
    ],
)
def test_lower_case_day_and_month_names_with_context(
    sentence: str, expr: str, value: str
) -> None:
    assert expr in spans(sentence)
    assert normalise(expr, SAT).value == value


@pytest.mark.parametrize(
    "sentence",
    ["Prices may rise again.", "Veterans will march to the square.", "This may take weeks.",
     "The last march ended peacefully.", "Leaves fall slowly."],
)
def test_lower_case_month_words_used_as_verbs_are_not_dates(sentence: str) -> None:
    assert spans(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # said on Saturday 7 February 2026
        ("The derby will be played Saturday at 7 pm.", "Saturday", "2026-02-07"),
        ("Fans will gather on Sunday before the derby.", "Sunday", "2026-02-08"),
        ("The stadium was evacuated on Sunday.", "Sunday", "2026-02-01"),
        ("Unions say they will strike this coming September.", "this coming September",
         "2026-09"),
        ("The ministry said it intends to hold the census in March.", "March", "2026-03"),
        ("The bridge reopened in December, officials said.", "December", "2025-12"),
        ("Talks are due to resume on Thursday.", "Thursday", "2026-02-12"),
        ("The envoy has left for talks that ended on Thursday.", "Thursday", "2026-02-05"),
    ],
)
def test_the_sentence_tense_picks_the_direction(sentence: str, expr: str, value: str) -> None:
    assert normalise(expr, SAT, sentence=sentence).value == value
    got = {s.text: n.value for s, n in annotate_timexes(sentence, SAT)}
    assert got[expr] == value


def test_a_coming_month_said_in_the_future_is_next_year_when_already_past() -> None:
    oct_ = date(2025, 10, 20)
    assert normalise("this coming September", oct_).value == "2026-09"
    assert normalise("September", oct_, sentence="Elections will be held in September.").value \
        == "2026-09"
    assert normalise("September", oct_, sentence="Elections were held in September.").value \
        == "2025-09"


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("Christmas", "2025-12-25"),  # said in February, no tense: the nearest one
        ("last Thanksgiving", "2025-11-27"),  # fourth Thursday of November
        ("Easter 2019", "2019-04-21"),
        ("Good Friday", "2026-04-03"),
        ("next Easter", "2026-04-05"),
        ("New Year's Eve", "2025-12-31"),
        ("Memorial Day 2024", "2024-05-27"),  # last Monday of May
    ],
)
def test_named_days_of_the_calendar(expr: str, value: str) -> None:
    assert normalise(expr, SAT).value == value
    assert spans(f"Stalls closed on {expr} after the riot.") == [expr]


def test_named_days_need_their_capitals() -> None:
    assert spans("The easter egg hunt went on.") == []


@pytest.mark.parametrize(
    ("expr", "value", "type_"),
    [
        ("mid-afternoon yesterday", "2026-02-06TAF", "TIME"),
        ("late night Friday", "2026-02-06TNI", "TIME"),
        ("midday", "2026-02-07T12:00", "TIME"),
        ("the 20th century", "19", "DATE"),
        ("the twenty-first century", "20", "DATE"),
        ("the sixties", "196", "DATE"),
        ("the late nineties", "199", "DATE"),
        ("the early 1980s", "198", "DATE"),
        ("the current fiscal year", "2026", "DATE"),
    ],
)
def test_parts_of_named_days_centuries_and_decades(expr: str, value: str, type_: str) -> None:
    n = normalise(expr, SAT)
    assert (n.value, n.type) == (value, type_)
    assert spans(f"It was so in {expr} too.") == [expr]


def test_an_age_in_the_forties_is_not_a_decade() -> None:
    assert spans("The victim was in her forties.") == []


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("4 in the morning", "2026-02-07T04:00"),
        ("11 at night", "2026-02-07T23:00"),
        ("3 in the afternoon", "2026-02-07T15:00"),
        ("midnight Friday", "2026-02-06T24:00"),
    ],
)
def test_clock_times_said_with_a_part_of_the_day(expr: str, value: str) -> None:
    n = normalise(expr, SAT)
    assert (n.value, n.type) == (value, "TIME")


def test_a_bare_clock_time_takes_the_day_the_story_is_on() -> None:
    text = ("Gunmen stormed the depot on 2 January 2026. The fighting ended at 11 p.m., "
            "witnesses said.")
    got = {s.text: n.value for s, n in annotate_timexes(text, SAT)}
    assert got["11 p.m."] == "2026-01-02T23:00"


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # a weekday and the week it lies in are one date (anchor: Thursday 5 November 2026)
        ("He was arrested on Tuesday last week.", "Tuesday last week", "2026-10-27"),
        ("The vote is on Monday next week.", "Monday next week", "2026-11-09"),
        ("The talks end on Friday this week.", "Friday this week", "2026-11-06"),
        ("The camp was shelled on Sunday of last week.", "Sunday of last week",
         "2026-11-01"),
    ],
)
def test_a_weekday_of_a_named_week(sentence: str, expr: str, value: str) -> None:
    got = [(s.text, n.value) for s, n in annotate_timexes(sentence, date(2026, 11, 5))]
    assert got == [(expr, value)]


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # a named day before "week" names the (ISO) week holding it
        ("Shops will open late in Christmas week.", "Christmas week", "2026-W52"),
        ("The raid came during Easter week 2019.", "Easter week 2019", "2019-W16"),
        # the day alone stays a day
        ("The raid came on Christmas Day 2019.", "Christmas Day 2019", "2019-12-25"),
    ],
)
def test_the_week_of_a_named_day(sentence: str, expr: str, value: str) -> None:
    got = [(s.text, n.value) for s, n in annotate_timexes(sentence, date(2026, 11, 5))]
    assert got == [(expr, value)]


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        # scraped text that lost the space after a full stop: "In" opens the next sentence
        ("The paper had criticised the army for years.In May, its editor was detained.",
         "May"),
        ("The town fell quiet.In April, two convoys were hit.", "April"),
    ],
)
def test_a_month_after_a_glued_full_stop_is_read(text: str, expr: str) -> None:
    assert expr in spans(text)


def test_a_month_word_after_a_glued_full_stop_still_needs_its_context() -> None:
    # "May" after a glued stop with no preposition before it is still a modal
    assert "May" not in spans("They left.May they return home.")
