"""Expressions anchored on the time the story is at (TimeML: on another expression), and
TimeML extents (signals and focus words stay outside)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex import annotate_timexes, find_timexes, normalise

PUB = date(2026, 2, 7)


def values(text: str, anchor: date | None = PUB) -> dict[str, str | None]:
    return {s.text: n.value for s, n in annotate_timexes(text, anchor)}


def test_a_year_earlier_keeps_the_granularity_of_the_period_it_compares_with() -> None:
    got = values("The brewer earned $40 million in the second quarter of 2025, up from "
                 "$31 million a year earlier.")
    assert got["the second quarter of 2025"] == "2025-Q2"
    assert got["a year earlier"] == "2024-Q2"


def test_later_and_following_count_from_the_last_date_mentioned() -> None:
    got = values("Rebels seized the bridge on March 3, 2021. Three days later they lost it, "
                 "and the following week the army retook the town. The mayor fled that "
                 "month.")
    assert got["Three days later"] == "2021-03-06"
    assert got["the following week"] == "2021-W10"
    assert got["that month"] == "2021-03"


def test_without_an_earlier_date_the_story_starts_at_publication() -> None:
    got = values("Two days later the road reopened.")
    assert got["Two days later"] == "2026-02-09"


def test_the_previous_and_following_weekday_of_the_story_day() -> None:
    got = values("The strike began on Thursday, 12 November 2020; the previous Monday "
                 "talks had failed, and the following Sunday they resumed.")
    assert got["the previous Monday"] == "2020-11-09"
    assert got["the following Sunday"] == "2020-11-15"


def test_reporting_periods_are_read_where_the_text_speaks_of_quarters() -> None:
    got = values("Sales in the third quarter rose 8%. Margins in the quarter were thin, "
                 "and costs were above the year-ago period.", date(2025, 11, 4))
    assert got["the third quarter"] == "2025-Q3"
    assert got["the quarter"] == "2025-Q3"
    assert got["the year-ago period"] == "2024-Q3"


def test_a_district_called_the_quarter_is_no_time() -> None:
    assert find_timexes("Militia fighters patrolled the quarter at dusk.") == []
    assert [s.text for s in find_timexes("Shops in the old quarter of the city shut.")] == []


def test_the_same_period_last_year() -> None:
    got = values("Exports in the first half of 2024 fell below the same period last year.")
    assert got["the same period last year"] == "2023-H1"


def test_story_expressions_alone_stay_unresolved() -> None:
    assert normalise("a year earlier", PUB).value is None


@pytest.mark.parametrize(
    ("sentence", "expr"),
    [
        ("Unemployment rose over the past two years.", "the past two years"),
        ("Aid arrived after only four days.", "four days"),
        ("The siege lasted just six weeks.", "six weeks"),
        ("The ban lasted nearly five months.", "nearly five months"),
        ("Inflation doubled in the first nine months.", "the first nine months"),
        ("The talks went on for more than two years.", "more than two years"),
    ],
)
def test_duration_extents_follow_timeml(sentence: str, expr: str) -> None:
    assert [s.text for s in find_timexes(sentence)] == [expr]


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("Violence has flared in recent days.", "recent days", "PXD"),
        ("Prices will rise in the coming months.", "the coming months", "PXM"),
        ("The feud is decades-long.", "decades-long", "PXY"),
        ("The clinic closed for weeks.", "weeks", "PXW"),
        ("Shelling eased over the past few weeks.", "the past few weeks", "PXW"),
        ("Relief came after a minute and a half.", "a minute and a half", "PT1M30S"),
    ],
)
def test_vague_and_plural_durations(sentence: str, expr: str, value: str) -> None:
    got = values(sentence)
    assert got == {expr: value}


def test_a_year_before_a_singular_unit_is_not_a_count() -> None:
    assert "2019 quarter" not in [s.text for s in find_timexes("Profit beat the 2019 quarter.")]


def test_a_weekday_with_the_date_picks_the_year() -> None:
    # 26 October is a Monday in 2026 and in 2020, not in 2025: the nearest such year wins.
    assert normalise("Monday, Oct. 26", date(2026, 2, 7)).value == "2026-10-26"
    assert normalise("Sunday, Oct. 26", date(2026, 2, 7)).value == "2025-10-26"


def test_a_year_ago_in_a_comparison_is_the_same_period_a_year_back() -> None:
    got = values("Third-quarter profit at the miner fell to $12 million from $20 million a "
                 "year ago.", date(2025, 10, 30))
    assert got["Third-quarter"] == "2025-Q3"
    assert got["a year ago"] == "2024-Q3"
    # without a period to compare with, it is just last year
    assert values("The mine opened a year ago.", date(2025, 10, 30))["a year ago"] == "2024"


def test_the_quarter_just_ended_is_this_years_even_in_the_future_tense() -> None:
    got = values("The bank will report third-quarter results next week.", date(2025, 10, 6))
    assert got["third-quarter"] == "2025-Q3"
    got = values("Growth will pick up in the first quarter.", date(2025, 11, 6))
    assert got["the first quarter"] == "2026-Q1"


def test_a_cue_before_the_expression_outweighs_one_after_it() -> None:
    # "will" governs "by August"; the participle after it does not
    text = "The airline will add routes by August to reach markets untouched by the slump."
    assert values(text)["August"] == "2026-08"
    # fronted: the verb after it counts
    assert values("On Friday, police arrested two men.")["Friday"] == "2026-02-06"


def test_the_day_is_the_last_day_the_story_named() -> None:
    got = values("Riots broke out in March 2024. On Tuesday, 5 March 2024, shops shut; by the "
                 "end of the day the army had arrived, and later that month the "
                 "curfew ended.")
    assert got["the end of the day"] == "2024-03-05"
    assert got["later that month"] == "2024-03"


def test_the_same_month_a_year_ago() -> None:
    got = values("Arrivals in January 2025 were lower than in the same month a year ago.")
    assert got["the same month a year ago"] == "2024-01"


def test_earlier_in_the_year_is_the_year_the_story_is_in() -> None:
    got = values("Talks collapsed in May 2023 after rains had delayed them earlier in the "
                 "year.")
    assert got["earlier in the year"] == "2023"


@pytest.mark.parametrize(
    ("sentence", "expr"),
    [
        ("Workers began the 14-day strike.", "14-day"),
        ("Earlier Friday, the convoy left.", "Friday"),
        ("Late Monday, the convoy left.", "Late Monday"),
        ("Aid came within the first two days.", "the first two days"),
    ],
)
def test_articles_and_comparatives_in_extents(sentence: str, expr: str) -> None:
    assert [s.text for s in find_timexes(sentence)] == [expr]


@pytest.mark.parametrize(
    ("sentence", "expr"),
    [
        ("The firm posted a third-quarter loss.", "third-quarter"),
        ("The firm posted the third-quarter loss.", "third-quarter"),
        ("Sales fell in the third quarter.", "the third quarter"),
        ("The dam burst a week or so ago.", "a week or so ago"),
        ("Repairs will take two months or so.", "two months or so"),
    ],
)
def test_more_timeml_extents(sentence: str, expr: str) -> None:
    assert [s.text for s in find_timexes(sentence)] == [expr]


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # with no complement the signal word is an adverb: "earlier" / "later"
        ("The dam was finished in 2012. The old bridge had collapsed one year before.",
         "one year before", "2011"),
        ("Troops took the port in 2020, after rebels had shelled it the year before.",
         "the year before", "2019"),
        ("The mayor was shot on May 3, 2021. Two days after, the curfew began.",
         "Two days after", "2021-05-05"),
        ("Police left on 4 June 2019 and came back the day after.", "the day after",
         "2019-06-05"),
        # "same" or "very" inside the anaphoric "that <unit>"
        ("The militia burned the village in 2017. That same year it kidnapped two priests.",
         "That same year", "2017"),
    ],
)
def test_a_signal_word_with_no_complement_is_part_of_a_story_date(text: str, expr: str,
                                                                   value: str) -> None:
    assert values(text)[expr] == value


def test_a_signal_word_with_a_complement_stays_outside_the_duration() -> None:
    assert values("Two days before the vote, the mayor fled.") == {"Two days": "P2D"}
    assert values("He resigned the day before yesterday.")["the day before yesterday"] \
        == "2026-02-05"


def test_with_no_anchor_a_month_without_a_year_is_of_the_storys_month_or_day() -> None:
    got = values("The group bombed a bus in March 2012. In May, it attacked a police station.",
                 None)
    assert got["May"] == "2012-05"
    got = values("The group bombed a bus on 3 March 2012. On 9 May it attacked a station.",
                 None)
    assert got["9 May"] == "2012-05-09"
    # a year named alone may be one the text looks ahead to: no year is read from it
    assert values("Elections are due in 2018. In February, the court froze his assets.",
                  None)["February"] == "XXXX-02"


def test_a_year_ago_is_a_comparison_point_not_the_time_the_story_is_at() -> None:
    # "a year ago" and a later "a year earlier" in a results report compare with the same
    # year back; the first does not move the story a year back for the second to count from
    got = values("The miller lost $4 million, or 9 cents a share, a year ago. Revenue was "
                 "$210 million against $190 million a year earlier.", date(2025, 11, 5))
    assert got["a year ago"] == "2024"
    assert got["a year earlier"] == "2024"
    # a year named outright is still where the story is
    got = values("The strike began in 2019. A year earlier, the union had lost a vote.")
    assert got["A year earlier"] == "2018"


def test_the_quarter_is_the_last_reporting_period_named() -> None:
    # a day in between ("ended June 30") does not change the quarter the report is about
    got = values("The bottler earned $12 million in the second quarter. Revenue for the "
                 "three months ended June 30 rose 4%. The quarter included a gain on a "
                 "plant sale. The latest period also had lower costs.", date(2025, 10, 20))
    assert got["the second quarter"] == "2025-Q2"
    assert got["The quarter"] == "2025-Q2"
    assert got["The latest period"] == "2025-Q2"


def test_the_latest_quarter_is_one_already_over() -> None:
    # a quarter named in a forecast is still to come: "the latest quarter" with results is
    # the last one completed before the report
    got = values("The insurer warned that storm claims would cut fourth-quarter profit. In "
                 "the latest quarter, it lost $20 million on car policies.", date(2025, 10, 30))
    assert got["fourth-quarter"] == "2025-Q4"
    assert got["the latest quarter"] == "2025-Q3"


def test_a_sentence_that_names_its_own_stretch_compares_that_stretch() -> None:
    # the month before is when a sale happened, not the period this sentence compares:
    # "last year" is the year
    got = values("The grocer booked a gain from selling a dairy in June. In the six months, "
                 "profit rose to $80 million from $71 million last year.", date(2025, 8, 4))
    assert got["last year"] == "2024"
    # without a stretch of its own the comparison is of the month the story is at
    got = values("Exports rose 3% in June. Imports fell to $9 billion from $10 billion last "
                 "year.", date(2025, 8, 4))
    assert got["last year"] == "2024-06"


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # before the year 1 there is no calendar date (and Python's dates stop there)
        ("Farmers settled the valley 5,000 years ago.", "5,000 years ago", None),
        ("The crater formed 65 million years ago.", "65 million years ago", None),
        ("The fort was built in 1850. Some 3,000 years earlier, herders camped there.",
         "3,000 years earlier", None),
        # a duration keeps its length, only its range cannot be given
        ("The river has moved over the past 5,000 years.", "the past 5,000 years", "P5000Y"),
    ],
)
def test_a_time_too_far_back_has_no_date(sentence: str, expr: str, value: str | None) -> None:
    assert values(sentence)[expr] == value
    assert normalise(expr, PUB).value == value
