"""TimeML conventions for tense, reporting periods and story-anchored units, on sentences of
our own. Anchor: Thursday 5 November 2026 unless said otherwise."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex import annotate_timexes, guess_tense

THU = date(2026, 11, 5)


def values(text: str, anchor: date = THU) -> list[tuple[str, str, str | None]]:
    return [(s.text, s.type, n.value) for s, n in annotate_timexes(text, anchor)]


def value_of(text: str, expr: str, anchor: date = THU) -> str | None:
    for s, n in annotate_timexes(text, anchor):
        if s.text == expr:
            return n.value
    raise AssertionError(f"{expr!r} not found in {values(text, anchor)}")


def tense_of(text: str, expr: str) -> str | None:
    i = text.index(expr)
    return guess_tense(text, i, i + len(expr))


# -- tense cues ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # an agreed or decided act lies ahead of the saying
        ("The council agreed to sell the depot for $2 million in February.", "February",
         "2027-02"),
        ("The alliance has decided to admit the two states in early March.", "early March",
         "2027-03"),
        ("The ministry announced a plan to close the camp in January.", "January", "2027-01"),
        # ... but "agreed to the deal" takes no infinitive: the verb's own past tense holds
        ("The union agreed to the terms in October.", "October", "2026-10"),
    ],
)
def test_a_prospective_infinitive_looks_ahead(sentence: str, expr: str, value: str) -> None:
    assert value_of(sentence, expr) == value


def test_a_planning_participle_used_as_an_adjective_is_no_future_cue() -> None:
    s = "On Monday, the minister set aside his leave for the hastily planned visit."
    assert tense_of(s, "Monday") is None
    assert value_of(s, "Monday") == "2026-11-02"


def test_a_plan_in_the_past_perfect_is_past() -> None:
    s = "The truce had been scheduled to end at midnight Saturday."
    assert tense_of(s, "midnight Saturday") == "past"
    assert value_of(s, "midnight Saturday") == "2026-10-31T24:00"
    # a plan still standing looks ahead
    assert value_of("The truce is scheduled to end Saturday.", "Saturday") == "2026-11-07"


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # a past tense puts a day of the year in the months before the anchor ...
        ("The group reported a loss for the year ended March 31.", "March 31", "2026-03-31"),
        ("The militia was disarmed on June 30.", "June 30", "2026-06-30"),
        # ... unless it is only days ahead (the cue may belong to a reporting verb)
        ("Officials said the vote was set for Nov. 9.", "Nov. 9", "2026-11-09"),
        # a future tense the other way
        ("The court will rule on Feb. 2.", "Feb. 2", "2027-02-02"),
    ],
)
def test_the_tense_picks_the_year_of_a_month_and_day(
    sentence: str, expr: str, value: str
) -> None:
    assert value_of(sentence, expr) == value


# -- reporting periods ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expr", "type_", "value"),
    [
        # "the year ended <date>": a twelve-month duration whose end the date gives
        ("Revenue was $5 million in the year ended June 30.", "the year", "DURATION", "P1Y"),
        ("It expects a loss for the fiscal year ending March 31, 2027.", "the fiscal year",
         "DURATION", "P1Y"),
        # "the year" alone: the year the story is in; "latest": the last completed one
        ("For the year, sales were flat.", "the year", "DATE", "2026"),
        ("Sales for the full year rose 4%.", "the full year", "DATE", "2026"),
        ("Exports made up 27% of sales in the latest fiscal year.", "the latest fiscal year",
         "DATE", "2025"),
        # the end of the year
        ("The firm will cut 600 jobs by year-end.", "year-end", "DATE", "2026"),
        ("Rules should be in place by year's end.", "year's end", "DATE", "2026"),
        ("The index is up 5% since year end.", "year end", "DATE", "2025"),
    ],
)
def test_years_of_account(sentence: str, expr: str, type_: str, value: str) -> None:
    assert (expr, type_, value) in values(sentence)


def test_the_year_of_a_prize_or_before_an_event_is_no_timex() -> None:
    assert values("She was named Person of the Year.") == []
    assert [v[0] for v in values("In the year before the war, prices doubled.")] == []


def test_the_year_ago_quarter_is_one_expression() -> None:
    text = ("Profit in the third quarter of 2026 fell 8%. In the year-ago third quarter, the "
            "company earned $4 million; in the year-earlier nine months it earned $9 million.")
    got = values(text)
    assert ("the year-ago third quarter", "DATE", "2025-Q3") in got
    assert ("the year-earlier nine months", "DURATION", "P9M") in got


def test_a_year_before_a_period_names_the_story_s_period_in_that_year() -> None:
    text = ("Profit in the third quarter of 2026 rose to $8 million from $5 million in the 2025 "
            "quarter.")
    assert ("the 2025 quarter", "DATE", "2025-Q3") in values(text)
    assert ("the 2024 period", "DATE", "2024") in values("Sales fell from the 2024 period.")


# -- units anchored on the day or week the story is at ----------------------------------------


def test_the_week_and_the_morning_of_the_story() -> None:
    text = ("Shares fell 2% on Friday. For the week, the index lost 4%. Dealers sold heavily in "
            "the morning.")
    got = values(text)
    assert ("the week", "DATE", "2026-W44") in got  # the week of Friday 30 October
    assert ("the morning", "TIME", "2026-10-30TMO") in got


def test_the_week_of_or_before_something_is_not_the_story_s_week() -> None:
    assert [v[0] for v in values("The week of the vote was calm.")] == []
    assert "the morning" not in [v[0] for v in values("He read the morning papers.")]


def test_soon_and_shortly_as_signals_are_no_times() -> None:
    assert ("soon", "DATE", "FUTURE_REF") in values("The talks will resume soon.")
    assert values("He fled shortly after the blast.") == []
    assert values("She will leave as soon as the court rules.") == []
    assert values("He was killed soon after being captured.") == []


def test_the_ends_of_a_range_of_years_are_two_dates() -> None:
    # TimeML marks each end point; "between" and "and" are signals
    assert values("He sold the shares between 2019 and 2021.") == [
        ("2019", "DATE", "2019"), ("2021", "DATE", "2021")]
    assert [v[0] for v in values("The war lasted from 1992 to 1995.")] == ["1992", "1995"]


def test_a_part_of_the_day_said_alone_is_of_the_story_s_day() -> None:
    text = "Shelling began on Tuesday. By mid-afternoon the town had fallen."
    assert ("mid-afternoon", "TIME", "2026-11-03TAF") in values(text)
    # "overnight" in a day's report: the night that ran into that day
    assert ("overnight", "TIME", "2026-11-04TNI") in values("Prices fell overnight in Asia.")
    assert values("The minister cut short an overnight stay.") == []


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # a scheduled event in the simple present lies ahead (anchor: Thursday 5 November)
        ("The final kicks off Saturday at 7 pm.", "Saturday", "2026-11-07"),
        ("The final kicks off Saturday at 7 pm.", "7 pm", "2026-11-07T19:00"),
        ("The two leaders meet separately Monday with the envoy.", "Monday", "2026-11-09"),
        ("The trial opens Tuesday in The Hague.", "Tuesday", "2026-11-10"),
        ("Donors gather in Oslo on Monday to pledge aid.", "Monday", "2026-11-09"),
        ("The appeals court hears the case Wednesday.", "Wednesday", "2026-11-11"),
        ("The board decides on Friday whether to sell.", "Friday", "2026-11-06"),
        ("The general testifies Tuesday before the committee.", "Tuesday", "2026-11-10"),
        # "is set for": a plan, as "is scheduled for"
        ("The runoff is set for Sunday.", "Sunday", "2026-11-08"),
        ("Talks are set for February.", "February", "2027-02"),
        # ... not a past or negated verb, nor a noun after a possessive
        ("The leaders did not meet Monday.", "Monday", "2026-11-02"),
        ("Shares were down 6% as of Friday's close.", "Friday", "2026-10-30"),
    ],
)
def test_a_scheduled_present_looks_ahead(sentence: str, expr: str, value: str) -> None:
    assert value_of(sentence, expr) == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He died on the 3rd.", "2026-11-03"),
        ("He was shot on the 28th.", "2026-10-28"),  # past: the last 28th before the anchor
        ("Troops will leave by the 2nd.", "2026-12-02"),  # future: the next 2nd
        ("The vote takes place on the 15th.", "2026-11-15"),
    ],
)
def test_a_day_of_the_month_said_alone(sentence: str, value: str) -> None:
    ((_, type_, got),) = values(sentence)
    assert (type_, got) == ("DATE", value)


def test_an_ordinal_before_a_noun_is_no_day() -> None:
    assert values("She lives on the 3rd floor.") == []
    assert values("Talks resumed in the 2nd round.") == []


def test_the_year_before_its_number_is_one_expression() -> None:
    assert values("The year 2020 was hard.") == [("The year 2020", "DATE", "2020")]
    # "the 2024 period of unrest" names no reporting period
    assert [v[0] for v in values("The 2024 period of unrest ended.")] == ["2024"]


def test_a_headline_tells_the_past_in_the_present() -> None:
    text = "Gunmen open fire on market Saturday\nThe attack killed four people."
    assert value_of(text, "Saturday") == "2026-10-31"


@pytest.mark.parametrize(
    ("sentence", "expr", "tense"),
    [
        # "is/are + participle" is the present passive: no past tense ("heard", "held",
        # "made" are participles there, not past forms)
        ("The appeal is heard in December unless the parties settle.", "December", None),
        ("Talks are held in Geneva on Monday.", "Monday", None),
        ("The lawsuit is filed on Monday.", "Monday", None),
        # the same participles after a past auxiliary or alone stay past
        ("The appeal was heard in December.", "December", "past"),
        ("The party held talks in Geneva on Monday.", "Monday", "past"),
    ],
)
def test_a_present_passive_is_no_past_cue(sentence: str, expr: str, tense: str | None) -> None:
    assert tense_of(sentence, expr) == tense


def test_a_reporting_period_read_in_the_story_becomes_its_focus() -> None:
    # "the latest quarter" is the period the rest of the report is about: "a year
    # earlier" after it is that quarter a year back, not the year before "yesterday"
    text = ("Acme raised its quarterly dividend yesterday. In the year-earlier period it "
            "paid 10 cents. Sales in the latest quarter were $9 million, up from $7 million "
            "a year earlier. Profit also rose from a year ago.")
    got = values(text)
    assert ("the latest quarter", "DATE", "2026-Q3") in got
    assert ("a year earlier", "DATE", "2025-Q3") in got
    assert ("a year ago", "DATE", "2025-Q3") in got
    # a comparison a year back is no new focus: the quarter after it stays this year's
    text2 = ("Acme's quarterly sales rose. The latest quarter was strong; the year-ago "
             "quarter was weak. For the quarter, profit doubled.")
    assert ("the quarter", "DATE", "2026-Q3") in values(text2)


def test_a_period_word_in_a_hyphenated_modifier_is_no_period() -> None:
    text = ("Acme's third-quarter profit rose. The quarter-to-quarter comparison was "
            "helped by a one-time gain.")
    assert [v[0] for v in values(text)] == ["third-quarter"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a month name between a determiner and a noun modifies the noun
        ("The deal builds on a June agreement with the lenders.", ["June"]),
        ("The March accession lets the states join the drills.", ["March"]),
        ("Its August offer was rejected.", ["August"]),
        # not a march or a name, nor "May" (a surname as often as a month)
        ("The March on the capital was peaceful.", []),
        ("The May government fell.", []),
        ("April Jones, a teacher, spoke.", []),
    ],
)
def test_a_month_name_modifying_a_noun(sentence: str, found: list[str]) -> None:
    assert [v[0] for v in values(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # "couple" is two after "the next" / "the past" as after "a"
        ("Prices may stay high over the next couple of years.", "the next couple of years",
         "P2Y"),
        ("Rents rose in the past couple of weeks.", "the past couple of weeks", "P2W"),
        ("The plant will close in a couple of months.", "a couple of months", "P2M"),
    ],
)
def test_a_couple_is_two(sentence: str, expr: str, value: str) -> None:
    assert value_of(sentence, expr) == value


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # a fraction of an hour or a minute in the next smaller unit (ISO 8601 combined form)
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("They talked for an hour and a half.", "an hour and a half", "PT1H30M"),
        ("The alarm rang for two and a half minutes.", "two and a half minutes",
         "PT2M30S"),
        ("Rescuers worked 2.5 hours.", "2.5 hours", "PT2H30M"),
        # whole amounts and longer units keep their own form
        ("The siege lasted 3 hours.", "3 hours", "PT3H"),
        ("The war lasted 2 1/2 years.", "2 1/2 years", "P2.5Y"),
    ],
)
def test_a_fraction_of_a_clock_unit(sentence: str, expr: str, value: str) -> None:
    assert value_of(sentence, expr) == value


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # "half" with the article of its unit is one duration, not "an hour"
        ("The gunfight lasted half an hour.", "half an hour", "PT30M"),
        ("It is a half-hour drive from the border.", "a half-hour", "PT30M"),
        ("Police waited a half hour before going in.", "a half hour", "PT30M"),
        ("The strike cost about half a day of output.", "about half a day", "P0.5D"),
        ("The party ruled for half a century.", "half a century", "P50Y"),
    ],
)
def test_half_a_unit(sentence: str, expr: str, value: str) -> None:
    assert value_of(sentence, expr) == value


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # "within" measures an unknown number of units, as "for" and "in" do
        ("Results are expected within days.", "days", "PXD"),
        ("The town fell within weeks.", "weeks", "PXW"),
    ],
)
def test_within_a_bare_plural(sentence: str, expr: str, value: str) -> None:
    assert value_of(sentence, expr) == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # "today's" before a noun of the age means "nowadays" (a generic present)
        ("The crisis is a lesson for today's youth.", "PRESENT_REF"),
        ("In today's world, few firms stand alone.", "PRESENT_REF"),
        ("Planners dream of tomorrow's world.", "FUTURE_REF"),
        # before the day's events it is the calendar day
        ("Today's vote was close.", "2026-11-05"),
        ("Yesterday's attack killed four.", "2026-11-04"),
    ],
)
def test_today_in_the_sense_of_nowadays(sentence: str, value: str) -> None:
    ((_, _, got),) = values(sentence)
    assert got == value


def test_the_day_in_apposition_is_the_day_it_follows() -> None:
    # "Oct. 12, the day before the crash": the appositive names the same day
    assert value_of("Stocks fell on Oct. 12, the day before the crash.", "the day") == \
        "2026-10-12"
    # alone, it is counted from an event the reader must date
    assert value_of("The day before the vote, he left.", "The day") is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # "the past" / "the future" before "that", "as" or "to" are still times ...
        ("Officials have said in the past that they could act.", [("the past", "PAST_REF")]),
        ("He sees the future as bright.", [("the future", "FUTURE_REF")]),
        # ... "now that", "now as" are conjunctions
        ("Now that the truce holds, aid flows.", []),
    ],
)
def test_the_past_before_that_is_a_time(sentence: str, found: list[tuple[str, str]]) -> None:
    assert [(t, v) for t, _, v in values(sentence)] == found


def test_two_quarters_of_a_year_are_its_half() -> None:
    # one expression and one period (TIMEX3 halves: 2027-H1), not a duration and a year
    assert values("Analysts see weak orders through the first two quarters of 2027.") == [
        ("the first two quarters of 2027", "DATE", "2027-H1")]
    assert value_of("Margins recovered in the last two quarters of 2025.",
                    "the last two quarters of 2025") == "2025-H2"
    # with no year named it stays a stretch of two quarters
    assert value_of("Sales fell in the first two quarters.", "the first two quarters") == "P2Q"


def test_a_capitalised_time_word_after_a_name_is_part_of_the_name() -> None:
    # titles of papers, programmes and films: "USA Today", "Newsround Today", "High Noon"
    assert values("The minister spoke to Newsround Today about the strike.") == []
    assert values("The rebels screened High Noon in the square.") == []
    # but a time word opening a sentence, a quote or a headline is a time
    assert value_of('"Today we vote," the mayor said.', "Today") == "2026-11-05"
    assert value_of("Rebels Free Hostages Today", "Today") == "2026-11-05"
    assert value_of("The talks end at Noon.", "Noon") == "2026-11-05T12:00"


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # an amount given as a range is one expression; no one number is its value
        ("Repairs to the bridge will take two to three weeks.", "two to three weeks", "PXW"),
        ("He was jailed for five or six years.", "five or six years", "PXY"),
        ("The ceasefire held for 10-12 days.", "10-12 days", "PXD"),
        ("Growth should slow over the next 12 to 18 months.", "the next 12 to 18 months",
         "PXM"),
        ("The talks lasted two or three hours.", "two or three hours", "PTXH"),
    ],
)
def test_a_range_of_amounts_is_one_duration(sentence: str, expr: str, value: str) -> None:
    assert value_of(sentence, expr) == value
    assert [t for t, _, _ in values(sentence)] == [expr]
