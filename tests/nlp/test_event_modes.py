"""Weapon modes and new triggers on sentences the project wrote itself (spaCy model)."""

from __future__ import annotations

import pytest

from eventwire.acled import EventFacts, event_code
from eventwire.model import make_article

pytestmark = pytest.mark.model


def _assaults(pipeline, text):
    rec = pipeline.extract(make_article(text))
    return [e for e in rec.events if e.category == "ASSAULT"]


def _dated(pipeline, text, *categories):
    """The events of these categories, the text published on 2026-03-04."""
    rec = pipeline.extract(make_article(text, published="2026-03-04"))
    return [e for e in rec.events if e.category in categories]


@pytest.mark.parametrize(("text", "mode"), [
    ("Warplanes attacked a fuel depot outside Marl on Sunday, killing two guards.", "aerial"),
    ("A landmine killed three shepherds near the frontier village on Monday.", "explosives"),
    ("Howitzers shelled the northern suburbs of the town overnight.", "heavy-weapons"),
    ("A rocket strike hit the depot on the edge of town.", "heavy-weapons"),
    ("Witnesses said the militia attacked the hamlet with chlorine on Tuesday.",
     "unconventional"),
])
def test_weapon_words_give_the_mode(pipeline, text, mode):
    assert any(mode in e.modes for e in _assaults(pipeline, text))


def test_looting_is_property_destruction(pipeline):
    evs = _assaults(pipeline, "Youths looted several shops in the township overnight.")
    assert evs and "destroy" in evs[0].modes
    assert event_code(EventFacts.of(evs[0])) == "PROPERTY_DISTRUCT"


def test_gunfight_is_an_assault_with_firearms(pipeline):
    evs = _assaults(pipeline, "A gunfight between the two units lasted until dawn.")
    assert evs and "firearms" in evs[0].modes


@pytest.mark.parametrize("text, category, status", [
    ("Measures could include charging the smugglers and imposing sanctions on their backers.",
     "SANCTION", "hypothetical"),
    ("Supporters planned to stage a protest outside the stadium on Monday.", "PROTEST",
     "future"),
    ("Gunmen stormed the hotel and killed four guards on Monday.", "ASSAULT", "asserted"),
    # an infinitive of purpose is what the planned act is for: planned too
    ("The campaign planned to bring in supporters to stage a protest outside the hall.",
     "PROTEST", "future"),
    # without a plan above it, the purpose clause keeps its own mood (after force, the
    # dispersal is that force's aim, one ASSAULT: test_wire_acts_round14.py)
    ("Riot police moved in to disperse the crowd outside the hall on Monday.",
     "COERCE", "asserted"),
    # an infinitive hung off as an adverbial clause is the threat's complement still: the
    # attack is what is threatened, one THREATEN with it (no hypothetical ASSAULT of its
    # own), and the threat was made whatever its condition
    ("Rebel commanders threatened on Sunday to attack the capital if their leader was not "
     "freed.", "THREATEN", "asserted"),
    # an act planned or promised now lies ahead; one planned in the past may have happened
    ("The opposition plans another march on Wednesday.", "PROTEST", "future"),
    ("The union promises a strike next week.", "PROTEST", "future"),
    ("The group planned a protest that drew thousands.", "PROTEST", "asserted"),
    ("The union has called a strike for Friday.", "PROTEST", "future"),
])
def test_a_modal_or_an_intention_reaches_the_object_of_the_verbs_it_governs(
        pipeline, text, category, status):
    found = _dated(pipeline, text, category)
    assert found and found[0].status == status, [(e.category, e.status) for e in found]


def test_possibly_makes_an_act_only_possible(pipeline):
    rec = pipeline.extract(make_article(
        "The students voted on possibly marching to the ministry."))
    [ev] = [e for e in rec.events if e.category == "PROTEST"]
    assert ev.status == "hypothetical"


def test_what_someone_fears_will_happen_is_feared_not_told(pipeline):
    rec = pipeline.extract(make_article(
        "Many families fear that the army will deport their sons."))
    assert [e.status for e in rec.events if e.category == "COERCE"] == ["hypothetical"]
    rec = pipeline.extract(make_article("Villagers said that rebels attacked the town."))
    assert [e.status for e in rec.events if e.category == "ASSAULT"] == ["asserted"]


def test_an_act_someone_denies_is_negated_the_act_they_deny_doing_is_not(pipeline):
    rec = pipeline.extract(make_article(
        "The ministry denied that its troops had shelled the border town."))
    assert [e.status for e in rec.events if e.category == "ASSAULT"] == ["negated"]
    # denying a part in a bombing told as done denies the part, not the bombing
    rec = pipeline.extract(make_article(
        "A bomb exploded at the market on Monday. The group denied carrying out the bombing."))
    assert {e.status for e in rec.events if e.category == "ASSAULT"} == {"asserted"}


def _statuses(pipeline, text: str, category: str) -> list[str]:
    return [e.status for e in pipeline.extract(make_article(text)).events
            if e.category == category]


def test_an_act_someone_is_asked_to_do_is_asked_for_by_whom_it_would_be_done(pipeline):
    rec = pipeline.extract(make_article("The leader urged supporters to boycott the vote."))
    [ev] = [e for e in rec.events if e.category == "PROTEST"]
    assert [a.text for a in ev.actors] == ["supporters"]


@pytest.mark.parametrize(
    ("text", "category", "statuses"),
    [
        # a protest is announced by calling on people to hold it: planned, so future (the
        # codebook's "planned or announced")
        ("The leader urged supporters to boycott the vote.", "PROTEST", ["future"]),
        ("The opposition called for nationwide protests against the new tax.", "PROTEST",
         ["future"]),
        # any other act asked for is only wished for; an instruction asks as a plea does
        ("Rights groups called for the release of the detained journalists.", "RETREAT",
         ["hypothetical"]),
        ("The minister instructed the army to deploy troops along the river.", "MOBILIZE",
         ["hypothetical"]),
        # an act an end is asked to is going on
        ("The UN called for an immediate end to the airstrikes on the city.", "ASSAULT",
         ["asserted"]),
        # summoned for acts is no request for them
        ("Deputies have been called to the nightclub for three shootings this year.", "ASSAULT",
         ["historical"]),
    ],
)
def test_what_is_called_for(pipeline, text, category, statuses):
    assert _statuses(pipeline, text, category) == statuses


def test_a_period_holding_the_publication_day_or_a_past_tense_is_no_future(pipeline):
    rec = pipeline.extract(make_article(
        "More than 40 people had been killed by the end of the year.", published="2026-03-07"))
    assert [e.status for e in rec.events if e.category == "ASSAULT"] != ["future"]


def test_a_planned_act_on_a_weekday_is_on_the_coming_one(pipeline):
    rec = pipeline.extract(make_article("Protesters plan to march on Friday.",
                                        published="2026-03-07"))
    [ev] = [e for e in rec.events if e.category == "PROTEST"]
    assert ev.status == "future" and ev.time is not None and ev.time.date == "2026-03-13"


def test_without_a_publication_date_an_act_named_by_its_year_is_background(pipeline):
    # "the 2015 attack": a known past event the reader is reminded of
    rec = pipeline.extract(make_article(
        "Survivors of the 2015 attack on the hotel gathered outside the court."))
    assert [e.status for e in rec.events if e.category == "ASSAULT"] == ["historical"]
    rec = pipeline.extract(make_article(
        "He was not charged over the March 3, 2019, bombing, which killed four people."))
    assert [e.status for e in rec.events if e.category == "ASSAULT"] == ["historical"]
    # the news itself, undated, stays the news
    rec = pipeline.extract(make_article("A bomb killed four people at a hotel on Friday."))
    assert [e.status for e in rec.events if e.category == "ASSAULT"] == ["asserted"]


def test_hit_with_sanctions_names_the_target_threatened_with_them_is_not_done(pipeline):
    rec = pipeline.extract(make_article(
        "The administration hit 13 officials with sanctions on Friday.",
        published="2026-03-10"))
    [ev] = [e for e in rec.events if e.category == "SANCTION"]
    assert [r.text for r in ev.recipients] == ["13 officials"] and ev.status == "asserted"
    # sanctions threatened are what the threat threatens: one THREATEN, no sanction imposed
    rec = pipeline.extract(make_article("The minister threatened the company with sanctions."))
    assert [(e.category, e.status) for e in rec.events] == [("THREATEN", "asserted")]
    assert [r.text for r in rec.events[0].recipients] == ["the company"]


def test_who_died_in_an_act_suffered_it(pipeline):
    rec = pipeline.extract(make_article("Two soldiers died after an ambush near the border."))
    [ev] = [e for e in rec.events if e.category == "ASSAULT"]
    assert [r.text for r in ev.recipients] == ["Two soldiers"]


def test_a_headline_label_is_not_the_subject_its_apposition_is(pipeline):
    rec = pipeline.extract(make_article(
        "Police: 19-year-old Elmwood man shot, injured near 5th and Main in Oakdale\n\n"
        "OAKDALE — Oakdale police are looking into a shooting that happened late Sunday.",
        published="2026-03-10"))
    [ev] = [e for e in rec.events if e.category == "ASSAULT"]
    assert [r.text for r in ev.recipients] == ["19-year-old Elmwood man"]
    assert not ev.actors or all(a.text != "Police" for a in ev.actors)


def test_an_act_done_where_people_went_to_do_it_is_there(pipeline):
    for text in ("Farmers travelled to Lyon on Friday to protest against the new tax.",
                 "Protesters came to Denver's City Hall on Friday to hang the mayor in effigy."):
        rec = pipeline.extract(make_article(text, published="2026-03-10"))
        [ev] = [e for e in rec.events if e.category == "PROTEST"]
        assert ev.place is not None and (ev.place.city or ev.place.name) in {"Lyon", "Denver"}


@pytest.mark.parametrize(("text", "trigger", "status"), [
    # an act noun planned for a day, or put ahead by its adjective, is planned
    ("Police banned the march planned for Saturday.", "march", "future"),
    ("A rally scheduled for next week was announced.", "rally", "future"),
    # ... and one called off will not be held (test_wire_acts_round16.py)
    ("A rally scheduled for next week was cancelled.", "rally", "negated"),
    ("The upcoming rally will be held in the square.", "rally", "future"),
    # a plan that was carried out is not ahead
    ("A carefully planned attack killed ten people on Monday.", "killed", "asserted"),
    # "those who" with a past verb are particular people
    ("Those who were wounded in the blast were taken to hospital.", "wounded", "asserted"),
])
def test_status_of_planned_acts_and_kinds_of_deeds(pipeline, text, trigger, status):
    record = pipeline.extract(make_article(text, published="2026-03-04"))
    ev = next(e for e in record.events if any(text[m.start:m.end] == trigger
                                              for m in e.mentions))
    assert ev.status == status


def test_those_who_do_a_kind_of_deed_tell_no_act(pipeline):
    # "those who" with a present verb is anyone who does such a deed: no event at all
    text = '"Those who attack markets full of families are our enemies," the minister said.'
    record = pipeline.extract(make_article(text, published="2026-03-04"))
    assert [e for e in record.events if e.category == "ASSAULT"] == []


def test_the_act_of_the_lead_stays_the_news_beside_a_dated_background_act(pipeline):
    # one long paragraph (scraped text has no breaks): the shooting of 2016 is background,
    # the lead's killing is the story, undated as it is
    text = ("A general was killed by a roadside bomb in the east, the ministry "
            "said. No officer of his rank had died there since 2016, when a colonel was shot "
            "dead by a sniper near the river. The militants lost their last town in March "
            "2019. Troops later searched the villages nearby.")
    rec = pipeline.extract(make_article(text, published=None))
    lead = [e for e in rec.events if any(m.text == "killed" for m in e.mentions)]
    assert lead and lead[0].status == "asserted"
    old = [e for e in rec.events if e.time is not None and e.time.date == "2016"]
    assert old and old[0].status == "historical"


def test_without_a_date_an_act_dated_by_its_month_is_further_off_than_the_weekday_news(
        pipeline):
    # news names the weekday for a day around the story and the month for one further
    # off: the Friday blast is the story, the October killing background
    text = ("A car bomb went off on Friday near a bus station, injuring eight people. "
            "Security has been tight for months. Two guards were shot dead on 3 October at "
            "a checkpoint in the east.")
    rec = pipeline.extract(make_article(text, published=None))
    blast = [e for e in rec.events if any(m.text == "went" or m.text == "bomb"
                                          for m in e.mentions)]
    killing = [e for e in rec.events if any(m.text == "shot" for m in e.mentions)]
    assert blast and blast[0].status == "asserted"
    assert killing and killing[0].status == "historical"
    assert killing[0].time is None or not killing[0].time.date  # no year: no date
    # a month alone is no nearer: "In March, the editor was detained"
    text = ("Voters go to the polls on Sunday in a tense mood. In March, a newspaper "
            "editor was arrested and accused of sedition.")
    rec = pipeline.extract(make_article(text, published=None))
    assert [e.status for e in rec.events if e.category == "COERCE"] == ["historical"]


def test_a_date_named_with_its_weekday_is_a_day_of_the_story(pipeline):
    # "late Saturday, March 14th": the weekday says it is around the story
    text = ("Deputies said a woman was shot late Saturday, March 14th, outside a diner on "
            "the highway. She was taken to hospital.")
    rec = pipeline.extract(make_article(text, published=None))
    assert [e.status for e in rec.events if e.category == "ASSAULT"] == ["asserted"]


@pytest.mark.parametrize(
    ("text", "category", "statuses"),
    [
        # what is considered, weighed or (not) ruled out is only possible
        ("The government is considering sanctions against the regime.", "SANCTION",
         ["hypothetical"]),
        ("The army is considering imposing a curfew on the city.", "COERCE",
         ["hypothetical"]),
        ("A curfew on the city has never been ruled out, the governor said.", "COERCE",
         ["hypothetical"]),
        ("The government ruled out a ground invasion.", "ASSAULT", ["hypothetical"]),
        # a judgement of an act done is no weighing of it
        ("Police considered the shooting an act of terror.", "ASSAULT", ["asserted"]),
    ],
)
def test_what_is_weighed_is_only_possible(pipeline, text, category, statuses):
    assert _statuses(pipeline, text, category) == statuses


@pytest.mark.parametrize(
    ("text", "aggregate"),
    [
        # "over" and "throughout" make a period only with a time as their object
        ("Police arrested 40 people over five days of protests.", True),
        ("Police arrested 40 people over the weekend.", True),
        ("Norway expelled four diplomats over a plot against a dissident.", False),
        ("Police arrested 40 people throughout the country.", False),
        # a count of troops or of people sanctioned is the size of one act
        ("Russia has massed more than 100,000 troops near the border.", False),
        ("The union has imposed sanctions on 25 officials since March.", False),
    ],
)
def test_a_period_needs_a_time(pipeline, text: str, aggregate: bool) -> None:
    events = _dated(pipeline, text, "SANCTION", "COERCE", "MOBILIZE")
    assert events and events[0].aggregate is aggregate


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # alleged: the article does not stand behind it
        ("Human rights groups accused police of torturing detainees.", "hypothetical"),
        ("Activists accused the army of the killing of three farmers.", "hypothetical"),
        ("Lawyers made allegations that guards had beaten the prisoners.", "hypothetical"),
        # said false
        ("The ministry said reports of an attack on the embassy were false.", "negated"),
        ("The army dismissed reports of an attack on its base as fake news.", "negated"),
        ("The rebels rejected claims that they had kidnapped the engineers.", "negated"),
        # a report that it happened is no allegation
        ("Officers responded to reports that a man had been shot outside a bar.", "asserted"),
    ],
)
def test_what_is_alleged_or_said_false(pipeline, text: str, status: str) -> None:
    events = _dated(pipeline, text, "ASSAULT")
    assert events and events[0].status == status


def test_an_act_told_as_fact_and_then_alleged_is_one_asserted_act(pipeline) -> None:
    text = ("A bomb killed five people at a market in Kandahar on Monday. Officials accused "
            "a local militia of carrying out the bombing.")
    events = _dated(pipeline, text, "ASSAULT")
    assert len(events) == 1 and events[0].status == "asserted"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # an act plotted is not told as done; one foiled or thwarted did not happen
        ("The men plotted to bomb the embassy.", "hypothetical"),
        ("Prosecutors said the men conspired to kill a judge.", "hypothetical"),
        ("Police foiled a plot to kill the president.", "negated"),
        ("Security forces thwarted an attack on the airport.", "negated"),
        # a plan is still the future, and an attempt made is an act
        ("Prosecutors said the man planned to attack a concert.", "future"),
        ("Gunmen opened fire on the minister's car in an attempt to kill him.", "asserted"),
        ("Guards thwarted an attempt to kill the mayor outside city hall on Friday.",
         "asserted"),
        # an act noun under a gerund under "accused ... of" is alleged
        ("The opposition accused police of staging a raid on its offices.", "hypothetical"),
    ],
)
def test_what_is_plotted_or_prevented(pipeline, text: str, status: str) -> None:
    events = _dated(pipeline, text, "ASSAULT")
    assert events and events[0].status == status


@pytest.mark.parametrize(
    ("text", "aggregate"),
    [
        # a perfect infinitive sets one act before the saying; a perfect of a tally does not
        ("At least five people were said to have been killed in the clashes.", False),
        ("At least 40 people have been killed in attacks on villages since January.", True),
        # a count of the people of one act in a perfect is no tally without a period
        ("Two suspects have been arrested, police said.", False),
        ("Police said two suspects had been arrested in connection with the shooting.",
         False),
        # a period: "in recent weeks", "since the protests began"
        ("Security forces have arrested dozens of party members in recent weeks.", True),
        ("Nearly 1,500 people have been arrested since the protests began.", True),
    ],
)
def test_a_perfect_infinitive_is_no_tally(pipeline, text: str, aggregate: bool) -> None:
    events = _dated(pipeline, text, "ASSAULT", "COERCE")
    assert events and events[0].aggregate is aggregate
    assert events[0].status == "asserted" or aggregate


def test_acts_counted_on_the_story_day_are_its_news(pipeline) -> None:
    # the verb of occurrence carries the acts' day; a roll-up dated so is no background
    [ev] = _dated(pipeline, "Two bombs went off in quick succession near a military base "
                  "on Monday.", "ASSAULT")
    assert ev.status == "asserted" and ev.time is not None and ev.time.date == "2026-03-02"


def test_a_rally_someone_said_they_would_hold_is_planned(pipeline) -> None:
    [ev] = _dated(pipeline, "Opposition leaders said they would hold another rally on "
                  "Saturday.", "PROTEST")
    assert ev.status == "future" and ev.time is not None and ev.time.date == "2026-03-07"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # many acts told as recent are the story's news; over a longer period, background
        ("Police have detained scores of opposition supporters in recent days.", "asserted"),
        ("Police have detained scores of opposition supporters since January.", "historical"),
    ],
)
def test_a_roll_up_told_as_recent_is_news(pipeline, text: str, status: str) -> None:
    [ev] = _dated(pipeline, text, "COERCE")
    assert ev.aggregate and ev.status == status


def test_a_headline_building_attacked_is_what_was_attacked(pipeline) -> None:
    # a headline drops "was"; a police station does not attack
    text = ("Police station attacked\n\nA police station in the south was attacked early "
            "Monday by suspected militants, the interior ministry said.")
    [ev] = _dated(pipeline, text, "ASSAULT")
    assert [a.text for a in ev.actors] == ["suspected militants"]


def test_many_acts_over_the_weekend_just_gone_are_the_news(pipeline) -> None:
    # published on a Wednesday: the weekend told in the past tense is the one before
    [ev] = _dated(pipeline, "Militants carried out at least 15 attacks across the province "
                  "over the weekend, officials said.", "ASSAULT")
    assert ev.status == "asserted" and ev.time is not None
    assert ev.time.date == "2026-02-28"
