"""Which day an event takes when no day hangs off its own words (``stages/dates.py``).
Invented reports, one per rule."""

from __future__ import annotations

import pytest

from eventwire.model import make_article

from .records import first_assault

pytestmark = pytest.mark.model


def _assault(pipeline, text: str, published: str):
    return first_assault(pipeline.extract(make_article(text, published=published)))


def test_a_clock_time_takes_the_day_named_just_before_it(pipeline):
    # "11 p.m." alone would be read on the publication day (Monday)
    text = ("A taxi driver was robbed late on Saturday, March 7, near Grand Avenue. "
            "Just before 11 p.m., the driver was shot in the back by one of two robbers.")
    ev = _assault(pipeline, text, "2026-03-09")
    assert ev.time is not None and ev.time.date == "2026-03-07"


def test_overnight_takes_the_day_the_lead_gives(pipeline):
    text = ("A teenager was shot overnight outside a gas station. Officers found him at "
            "about 2 a.m. Sunday near Oak Street, and he is expected to recover.")
    ev = _assault(pipeline, text, "2026-03-08")
    assert ev.time is not None and ev.time.date == "2026-03-08"


def test_the_day_inside_the_happened_clause_not_another_in_its_sentence(pipeline):
    text = ("The sheriff told reporters on Saturday that the incident happened on Thursday "
            "night in a house on Maple Street. Deputies were called to the house by a "
            "relative. They forced the door open. Two bodies were found in the kitchen. "
            "Investigators believe the man shot the woman and then himself.")
    ev = _assault(pipeline, text, "2026-03-07")
    assert ev.time is not None and ev.time.date == "2026-03-05"


def test_the_day_a_statement_was_made_does_not_date_the_shooting(pipeline):
    text = ("A man was shot in the leg outside a grocery store, police said Thursday. "
            "He is expected to recover.")
    ev = _assault(pipeline, text, "2026-03-13")
    assert ev.time is None or ev.time.date != "2026-03-12"


def test_today_inside_a_quotation_is_not_the_publication_day(pipeline):
    text = ("An officer was shot in the arm near a school, police said. \u201cWe learned "
            "today that an officer was shot near the school,\u201d the mayor said.")
    ev = _assault(pipeline, text, "2026-03-13")
    assert ev.time is None or ev.time.text != "today"


def test_a_follow_up_report_dates_the_retold_shooting_by_its_own_sentence(pipeline):
    # published three weeks later: the charge is the news, the shooting is told with its day
    text = ("Prosecutors charged a 40-year-old man with murder on Friday. About 2 a.m. "
            "March 1, the victim was standing outside a bar when a man pulled out a gun "
            "and shot him.")
    ev = _assault(pipeline, text, "2026-03-22")
    assert ev.time is not None and ev.time.date == "2026-03-01"


def test_a_day_under_a_present_tense_say_still_dates_the_shooting(pipeline):
    # "Police say" has no day of its own: the parse may hang the clause's day on it
    text = "Police say early Sunday morning a man was shot outside a bar on Elm Street."
    ev = _assault(pipeline, text, "2026-03-09")
    assert ev.time is not None and ev.time.date == "2026-03-08"


def test_a_month_is_made_precise_by_a_day_of_it_where_the_act_is_told(pipeline):
    text = ("In March 2026, a man was shot several times outside a bar at about 4 a.m. on "
            "March 3, police said.")
    ev = _assault(pipeline, text, "2026-04-20")
    assert ev.time is not None and ev.time.date == "2026-03-03"


def test_a_day_in_a_clause_of_the_future_does_not_date_the_shooting(pipeline):
    # read as past, "Friday morning" would be the Friday before this Thursday
    text = ("A man was shot outside a convenience store. Police said more details will be "
            "released Friday morning.")
    ev = _assault(pipeline, text, "2026-03-12")
    assert ev.time is None or ev.time.date != "2026-03-06"


def test_since_opens_a_period_it_does_not_date_the_act(pipeline):
    # "the worst attack since 2015" says nothing of when this attack happened
    ev = _assault(pipeline, "Gunmen killed four people at a market, the worst attack since "
                            "2015.", "2026-03-04")
    assert ev.time is None or not (ev.time.date or "").startswith("2015")
    assert ev.status == "asserted"


def test_the_hot_news_perfect_of_the_lead_is_the_publication_day(pipeline):
    text = ("Embassy guards killed in bomb blast\n\nThree guards have been killed in a bomb "
            "blast outside an embassy in the capital. The bomber was a teenager, police said.")
    ev = _assault(pipeline, text, "2026-03-07")
    assert ev.time is not None and ev.time.date == "2026-03-07"
    assert ev.time.text == "have been killed"  # the words it was read from


def test_a_perfect_that_tells_a_result_later_in_the_report_dates_nothing(pipeline):
    text = ("Police appeal for witnesses\n\nPolice appealed for witnesses on Friday. The "
            "gang has attacked several shops in the town.")
    rec = pipeline.extract(make_article(text, published="2026-03-07"))
    assert all(e.time is None for e in rec.events if e.category == "ASSAULT")


def _event(pipeline, text: str, published: str, category: str):
    rec = pipeline.extract(make_article(text, published=published))
    found = [e for e in rec.events if e.category == category]
    assert found, [e.category for e in rec.events]
    return found[0]


# Published on Wednesday 4 March 2026: the Monday before is 2 March, the next one 9 March.
def test_a_scheduled_meeting_in_the_simple_present_lies_ahead(pipeline):
    ev = _event(pipeline, "Defence ministers of the two states meet Monday in Vienna to "
                          "discuss the border.", "2026-03-04", "CONSULT")
    assert ev.time is not None and ev.time.date == "2026-03-09"


def test_a_headline_in_the_present_tells_what_has_happened(pipeline):
    ev = _event(pipeline, "Rioters clash with police Monday in the port city",
                "2026-03-04", "ASSAULT")
    assert ev.time is not None and ev.time.date == "2026-03-02"


def test_an_act_agreed_to_lies_ahead_of_the_agreement(pipeline):
    ev = _event(pipeline, "The kidnappers agreed on Tuesday to release the two aid workers "
                          "on Friday.", "2026-03-04", "RETREAT")
    assert ev.time is not None and ev.time.date == "2026-03-06"


def test_an_act_counted_days_from_a_background_act_is_background(pipeline):
    # no publication date: the story speaks from the latest day it states (March 5), so
    # the shootout's counted day alone would make it recent news
    text = ("A man pleaded not guilty on Wednesday to lying to investigators about the "
            "March 3, 2024, bombing of a bus station, which killed four people. He had met "
            "the bomber on the morning of March 5, 2024. The bomber died in a shootout with "
            "police two days after the bombing.")
    rec = pipeline.extract(make_article(text, published=None))
    shootout = [e for e in rec.events if e.trigger.text == "shootout"]
    assert shootout and shootout[0].time is not None
    assert shootout[0].time.date == "2024-03-05"
    assert shootout[0].status == "historical"


def _by_category(pipeline, text: str, published: str | None, category: str):
    rec = pipeline.extract(make_article(text, published=published))
    found = [e for e in rec.events if e.category == category]
    assert found, [e.category for e in rec.events]
    return found[0]


_BOMBING = "Gunmen bombed a crowded market in the capital on {day}, killing nine people. "


@pytest.mark.parametrize(("opener", "day", "date"), [
    ("Two days later", "March 3, 2024", "2024-03-05"),
    ("The next day", "March 3, 2024", "2024-03-04"),
    # a vague count: the month (or year) that holds every day it can mean
    ("Days later", "March 3, 2024", "2024-03"),
    ("Days later", "March 27, 2024", "2024"),
])
def test_a_time_counted_from_the_act_told_before_is_anchored_to_it(pipeline, opener, day,
                                                                   date):
    text = _BOMBING.format(day=day) + f"{opener}, police arrested two men in a raid on a farm."
    ev = _by_category(pipeline, text, "2026-05-12", "COERCE")
    assert ev.time is not None and ev.time.date == date
    assert ev.time.text == opener  # the words it was read from
    assert ev.status == "historical"  # two years before the report


def test_within_days_of_a_named_act_holds_the_days_after_it(pipeline):
    text = (_BOMBING.format(day="March 3, 2024") + "Within ten days of the bombing, troops "
            "were sent to the capital.")
    ev = _by_category(pipeline, text, "2026-05-12", "MOBILIZE")
    assert ev.time is not None and ev.time.date == "2024-03"


def test_a_counted_time_with_no_dated_act_before_it_dates_nothing(pipeline):
    text = ("Gunmen bombed a crowded market in the capital, killing nine people. Two days "
            "later, police arrested two men in a raid on a farm.")
    ev = _by_category(pipeline, text, "2026-05-12", "COERCE")
    assert ev.time is None or not ev.time.date


def test_a_planned_act_takes_the_coming_day_its_own_sentence_names(pipeline):
    # published on Monday 11 May 2026: "Monday night's debate" is tonight's
    text = ("The campaign planned to bring in supporters to stage a protest to win her a "
            "seat at Monday night's debate, a spokesman said.")
    ev = _by_category(pipeline, text, "2026-05-11", "PROTEST")
    assert ev.status == "future"
    assert ev.time is not None and ev.time.date == "2026-05-11"


def test_a_planned_act_does_not_take_the_day_its_plan_was_announced(pipeline):
    text = ("Opposition leaders said on Monday that their supporters planned to stage a "
            "protest outside parliament.")
    ev = _by_category(pipeline, text, "2026-05-13", "PROTEST")
    assert ev.status == "future"
    # read ahead, the saying's "Monday" would be the coming one (18 May)
    assert ev.time is None or not ev.time.date


def test_later_that_day_is_the_day_the_report_named_before_it(pipeline):
    # read in context, "Later that day" is Saturday 7 March: the bombing's own time, not one
    # borrowed from the sentence before
    text = ("Gunmen attacked a police checkpoint near the border on Saturday, March 7, killing "
            "two officers. Later that day, a bomb exploded at a market in the town, killing "
            "three people.")
    rec = pipeline.extract(make_article(text, published="2026-03-10"))
    times = [e.time for e in rec.events if e.category == "ASSAULT"]
    assert any(t is not None and t.text == "Later that day" and t.date == "2026-03-07"
               for t in times), times


def test_a_holiday_naming_a_kind_of_thing_dates_nothing(pipeline):
    # "the Christmas market" is a kind of market: the attack is Tuesday's, one event
    rec = pipeline.extract(make_article(
        "Five people were killed on Tuesday in an attack on the Christmas market in the "
        "city.", published="2026-12-10"))
    (ev,) = [e for e in rec.events if e.category == "ASSAULT"]
    assert ev.time is not None and ev.time.date == "2026-12-08"
    # a weekday on a noun still dates ("during Friday prayers"), and so does a holiday on
    # a time noun or on the act itself
    ev = _assault(pipeline, "Gunmen attacked worshippers during Friday prayers at the "
                            "mosque.", "2026-03-09")
    assert ev.time is not None and ev.time.date == "2026-03-06"
    ev = _assault(pipeline, "A bomb exploded on Christmas Day outside the church.",
                  "2026-12-28")
    assert ev.time is not None and ev.time.date == "2026-12-25"


def test_a_when_clause_on_a_date_dates_the_acts_in_it(pipeline):
    # "since 2019" opens a period for the sentence's own act; "when ..." tells what
    # happened in 2019
    rec = pipeline.extract(make_article(
        "A car bomb killed nine people in the market on Monday. It was the deadliest "
        "attack since 2019, when a suicide bomber killed 40 people at a wedding.",
        published="2026-03-04"))
    then = [e for e in rec.events if e.category == "ASSAULT"
            and any(m.text == "killed" and m.start > 60 for m in e.mentions)]
    assert then and then[0].time is not None and then[0].time.date == "2019"
    assert then[0].status == "historical"


def test_a_when_clause_on_a_noun_a_time_dates_dates_the_acts_in_it(pipeline):
    # "last year's election, when ...": the clause tells what happened at the election
    rec = pipeline.extract(make_article(
        "Riot police fired tear gas at protesters in the capital on Tuesday.\n\nThe protests "
        "were the largest since last year's election, when dozens were killed in clashes.",
        published="2026-03-04"))
    then = [e for e in rec.events if any(m.text == "clashes" for m in e.mentions)]
    assert then and then[0].time is not None and then[0].time.date == "2025"
    assert then[0].status == "historical"
    assert not any(m.text == "fired" for m in then[0].mentions)


def test_a_date_written_before_an_act_noun_dates_that_act(pipeline):
    # no publication date, and the head's only full date is the bombing's own: "last
    # year's blast" counted from it says nothing sure, the date the words state does
    text = ("Judge sentences driver over last year's explosion at a stadium. The driver "
            "who hid a car after the June 3, 2019, bombing got five years. Days later, one "
            "of the bombers died in a shootout with soldiers.")
    rec = pipeline.extract(make_article(text, published=None))
    bombing = [e for e in rec.events if any(m.text == "bombing" for m in e.mentions)]
    assert bombing and bombing[0].time is not None and bombing[0].time.date == "2019-06-03"
    assert bombing[0].status == "historical"  # named by its date: a reminder, not news
    shootout = [e for e in rec.events if any(m.text == "shootout" for m in e.mentions)]
    # counted from the bombing ("days later": two to ten days), so background as it is
    assert shootout and shootout[0].time is not None and shootout[0].time.date == "2019-06"
    assert shootout[0].status == "historical"


def test_a_date_opening_its_clause_names_no_act(pipeline):
    # the date dates the clause, whose subject is the news, not a past act recalled
    rec = pipeline.extract(make_article("On May 3, 2019, bombs exploded in the market, "
                                        "killing four people.", published=None))
    ev = first_assault(rec)
    assert ev.time is not None and ev.time.date == "2019-05-03"
    assert ev.status == "asserted"


def test_a_planned_act_on_a_weekday_lies_ahead_whatever_the_tense_of_the_call(pipeline):
    # published on a Wednesday: the strike called "on Thursday" is the coming one
    rec = pipeline.extract(make_article(
        "The opposition has called for a general strike on Thursday.",
        published="2026-03-04"))
    strike = [e for e in rec.events if e.category == "PROTEST"]
    assert strike and strike[0].status == "future"
    assert strike[0].time is not None and strike[0].time.date == "2026-03-05"


def test_a_holiday_that_names_a_kind_dates_nothing(pipeline):
    # "a Christmas market" is a kind of market: no act of the sentence is of Christmas Day
    rec = pipeline.extract(make_article(
        "A man drove a van into a crowd at a Christmas market, killing nine people.",
        published="2026-03-04"))
    events = [e for e in rec.events if e.category == "ASSAULT"]
    assert events and (events[0].time is None or events[0].time.date != "2025-12-25")
