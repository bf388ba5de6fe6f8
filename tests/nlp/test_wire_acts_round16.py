"""Acts of wire news the rules had misread, each on sentences of our own (the sixteenth
round): ground an army seizes or retakes, a threat and the act it threatens (one
incident), a warning told to its hearer, a number phrase the parser joins to the verb,
exercises by armed forces, forces called in or moving toward a place."""

from __future__ import annotations

import pytest

from eventwire.model import Event
from eventwire.nlp.pipeline import Pipeline

from .records import extract_text as _extract
from .records import incidents_in as _incidents


def _kinds(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.category, e.status) for e in events]


# -- ground taken by an army is taken in battle; property seized stays a seizure -----------

@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Government forces seized the airport from the rebels on Thursday.", "ASSAULT"),
        ("Troops seized the town of Marib after heavy fighting.", "ASSAULT"),
        ("Rebels seized the military base near the border on Sunday.", "ASSAULT"),
        ("The army recaptured the city from the insurgents on Monday.", "ASSAULT"),
        ("The army has retaken the town, a spokesman said.", "ASSAULT"),
        # what the police, customs or a court seize, and property any force seizes
        ("Customs officers seized 200 kilograms of heroin at the port.", "COERCE"),
        ("Police seized the building and arrested six squatters.", "COERCE"),
        ("Iranian forces seized a British oil tanker in the Gulf on Friday.", "COERCE"),
        ("The court seized his assets last year.", "COERCE"),
        # people taken back are arrested
        ("Police recaptured the escaped prisoner two days later.", "COERCE"),
    ],
)
def test_ground_an_army_takes_is_taken_in_battle(pipeline: Pipeline, text: str,
                                                  category: str) -> None:
    found = _incidents(pipeline, text)
    assert found and found[0].category == category, _kinds(found)


# -- a threat and what it threatens are one incident --------------------------------------

@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The gang threatened to burn down the shop unless the owner paid.", "the shop"),
        ("Militants vowed to attack government buildings in the city.", "government buildings"),
        ("The rebels threatened to kill the hostages if their demands were not met.",
         "the hostages"),
        ("The general warned that troops would storm the building if the protesters did "
         "not leave.", "the building"),
        ("The minister threatened the company with sanctions.", "the company"),
    ],
)
def test_a_threat_is_one_incident_with_the_act_it_threatens(pipeline: Pipeline, text: str,
                                                            target: str) -> None:
    found = _incidents(pipeline, text)
    # one THREATEN, made (asserted, whatever its condition), aimed at the act's target; no
    # hypothetical act of its own beside it
    assert _kinds(found) == [("THREATEN", "asserted")]
    assert target in [p.text for p in found[0].recipients]


def test_the_doer_of_a_threatened_infinitive_is_who_threatened(pipeline: Pipeline) -> None:
    found = _incidents(pipeline, "Police said the suspect threatened to shoot his neighbour.")
    assert _kinds(found) == [("THREATEN", "asserted")]
    assert [a.text for a in found[0].actors] == ["the suspect"]


def test_a_protest_threatened_stays_a_planned_protest(pipeline: Pipeline) -> None:
    found = _incidents(pipeline, "The union threatened a nationwide strike next week.")
    assert "PROTEST" in [e.category for e in found]


def test_an_act_done_after_a_threat_is_not_folded_into_it(pipeline: Pipeline) -> None:
    found = _incidents(pipeline, "The gunman threatened the guard and then shot him dead.")
    assert ("ASSAULT", "asserted") in _kinds(found)


# -- what a warning tells its hearer ----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # an armed side's warning of harm is a threat ...
        ("The gang warned residents they would be killed if they spoke to police.", True),
        ("The militants warned villagers they would be punished if they helped the army.",
         True),
        # ... and so is anyone's warning of coercion
        ("The minister warned protesters they would be arrested if they marched on "
         "parliament.", True),
        # a harm in the passive with no doer, told by officials, is a danger
        ("Officials warned residents they could be killed if they stayed near the river.",
         False),
        ("Doctors warned patients they would die without treatment.", False),
    ],
)
def test_a_warning_told_to_its_hearer(pipeline: Pipeline, text: str, threat: bool) -> None:
    found = _incidents(pipeline, text)
    assert ("THREATEN" in [e.category for e in found]) is threat, _kinds(found)


# -- a number phrase the parser joins to the verb --------------------------------------------

@pytest.mark.parametrize(
    ("text", "dead", "victims"),
    [
        ("Gunmen killed the mayor and two of his bodyguards on Monday.", 3,
         ["the mayor", "two of his bodyguards"]),
        ("Gunmen killed the party leader, Ana Ruiz, and two of her aides on Monday.", 3,
         ["the party leader", "two of her aides"]),
        # (a list the parser reads whole is counted as before)
        ("Gunmen killed the mayor, his wife and three bodyguards on Monday.", 5,
         ["the mayor", "his wife", "three bodyguards"]),
    ],
)
def test_a_number_phrase_joined_to_the_verb_is_another_victim(
        pipeline: Pipeline, text: str, dead: int, victims: list[str]) -> None:
    [ev] = _incidents(pipeline, text)
    assert [p.text for p in ev.recipients] == victims
    assert ev.outcome is not None and ev.outcome.dead == dead


# -- forces exercising, called in, moving toward a place ----------------------------------

@pytest.mark.parametrize(
    ("text", "mobilised"),
    [
        ("The navy began a three-day exercise off the coast on Monday.", True),
        ("Drills by Russian troops near the border alarmed the government.", True),
        ("Students held a fire drill at the school on Monday.", False),
        ("National Guard troops were called in to restore order in the city.", True),
        ("The company called in consultants to review the accounts.", False),
        ("Troops moved towards the border on Tuesday.", True),
        ("The party moved toward a compromise on the budget.", False),
        ("Prices moved toward record highs on Tuesday.", False),
    ],
)
def test_forces_exercising_called_in_or_moving(pipeline: Pipeline, text: str,
                                               mobilised: bool) -> None:
    found = _incidents(pipeline, text)
    assert ("MOBILIZE" in [e.category for e in found]) is mobilised, _kinds(found)


# -- an act not told as done has no victims to count --------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Officials feared the gunmen would kill the boy.",
        "The gunmen planned to kill the judge and his driver.",
        "Police denied that officers had shot the man.",
    ],
)
def test_an_act_not_done_counts_no_victims(pipeline: Pipeline, text: str) -> None:
    found = [e for e in _incidents(pipeline, text) if e.category == "ASSAULT"]
    assert found and found[0].status != "asserted"
    assert found[0].outcome is None or (found[0].outcome.dead, found[0].outcome.injured) == (
        None, None)


def test_an_act_done_still_counts_its_victim(pipeline: Pipeline) -> None:
    [ev] = _incidents(pipeline, "Gunmen shot dead a policeman on Monday.")
    assert ev.outcome is not None and ev.outcome.dead == 1


# -- an act years before another is another act, and background ---------------------------

@pytest.mark.parametrize(
    "text",
    [
        "The attack came two years after a similar bombing killed 30 people in the same "
        "market.",
        "The attack came two years after militants killed 30 people in the same market.",
        "The attack on Friday came two years after militants killed 30 people in the same "
        "market.",
    ],
)
def test_an_act_years_before_another_is_another_act(pipeline: Pipeline, text: str) -> None:
    found = [e for e in _extract(pipeline, text, published="2024-05-10").events
             if e.category == "ASSAULT"]
    assert len(found) == 2, [[m.text for m in e.mentions] for e in found]
    earlier = next(e for e in found if e.outcome is not None and e.outcome.dead == 30)
    assert earlier.status == "historical"
    assert earlier.time is not None and earlier.time.date == "2022"


# -- a weapon used on someone; protesters named by a relative clause -----------------------

@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The army used artillery against rebel positions near the town.", "ASSAULT"),
        # crowd-control weapons on a crowd disperse it: an intervention (ACLED's "protest
        # with intervention"), as "dispersed the crowd" is
        ("Police used water cannon against protesters on Saturday.", "COERCE"),
        ("Riot police used tear gas and rubber bullets on demonstrators in the capital.",
         "COERCE"),
        # a weapon used on no one, and things used on things, tell no act
        ("Police are trained to use tear gas in riots.", None),
        ("The company used the money on a new factory.", None),
        ("Activists used social media against the government.", None),
    ],
)
def test_a_weapon_used_on_someone(pipeline: Pipeline, text: str,
                                  category: str | None) -> None:
    found = [e.category for e in _incidents(pipeline, text)
             if e.trigger.text == "used" or any(m.text == "used" for m in e.mentions)]
    assert found == ([category] if category else []), found


def test_protesters_named_by_a_relative_clause_protest(pipeline: Pipeline) -> None:
    found = _incidents(pipeline, "Police arrested dozens of protesters who gathered "
                                 "outside the court on Monday.")
    assert sorted(e.category for e in found) == ["COERCE", "PROTEST"]
    found = _incidents(pipeline, "The man who blocked the road was a farmer.")
    assert "PROTEST" not in [e.category for e in found]


# -- "N days after the act" told from a present clause ------------------------------------

@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("A week after the massacre, residents of the village are still burying their dead.",
         "2024-05-03"),
        ("Two days after the bombing, the market has reopened.", "2024-05-08"),
    ],
)
def test_days_after_an_act_counted_from_a_present_clause(pipeline: Pipeline, text: str,
                                                         day: str) -> None:
    [ev] = [e for e in _extract(pipeline, text, published="2024-05-10").events
            if e.category == "ASSAULT"]
    assert ev.time is not None and ev.time.date == day


def test_days_after_an_act_told_in_the_past_give_no_day(pipeline: Pipeline) -> None:
    # (a past clause names no day of its own: no day to count from)
    [ev] = [e for e in _extract(pipeline, "Ten days after the riots, the city was calm.",
                                published="2024-05-10").events if e.category == "PROTEST"]
    assert ev.time is None or ev.time.date is None


# -- a planned act called off is not held ----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The opposition called off Friday's protest.", "negated"),
        ("The union cancelled the strike planned for Thursday.", "negated"),
        ("Organisers scrapped the upcoming rally.", "negated"),
        # one under way, then called off, was held
        ("Workers called off the strike after two days.", "asserted"),
    ],
)
def test_a_planned_act_called_off_is_not_held(pipeline: Pipeline, text: str,
                                              status: str) -> None:
    found = [e for e in _incidents(pipeline, text) if e.category == "PROTEST"]
    assert found and found[0].status == status, _kinds(found)


# -- guards found on unseen text -------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # things taken again are no people taken back
        "The professor told them they would have to retake their final exams.",
        # "in" with its object is no particle of "call in"
        "The senator called the decision a mistake in a statement on Monday.",
    ],
)
def test_no_arrest_or_deployment_in_these(pipeline: Pipeline, text: str) -> None:
    found = _incidents(pipeline, text)
    assert not [e for e in found if e.category in {"COERCE", "MOBILIZE"}], _kinds(found)


# -- force its speakers say they will use on a condition ------------------------------------

@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The kidnappers told the family they would kill the boy unless a ransom was paid.",
         "The kidnappers", "the boy"),
        ("The gunmen said they would execute the hostages if the army attacked.",
         "The gunmen", "the hostages"),
    ],
)
def test_force_promised_on_a_condition_is_a_threat(pipeline: Pipeline, text: str, actor: str,
                                                   target: str) -> None:
    threats = [e for e in _incidents(pipeline, text) if e.category == "THREATEN"]
    assert threats and threats[0].status == "asserted"
    assert [a.text for a in threats[0].actors] == [actor]
    assert target in [r.text for r in threats[0].recipients]


@pytest.mark.parametrize(
    "text",
    [
        # someone else's force, and no force at all, are no threat of the speaker's
        "The minister said troops would attack the town if talks failed.",
        "He told reporters they would win the vote unless it rained.",
    ],
)
def test_no_threat_without_the_speakers_own_force(pipeline: Pipeline, text: str) -> None:
    assert "THREATEN" not in [e.category for e in _incidents(pipeline, text)]


# -- an act named by its date ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("He recalled the 1993 bombing of the tower and the 2001 attacks.", "2001"),
        ("Security has been tight since the 2015 attacks in the capital.", "2015"),
    ],
)
def test_an_act_named_by_its_date_is_a_past_act(pipeline: Pipeline, text: str,
                                                year: str) -> None:
    found = [e for e in _extract(pipeline, text, published="2024-05-10").events
             if e.category == "ASSAULT" and e.time is not None and e.time.date == year]
    assert found and found[0].status == "historical"


@pytest.mark.parametrize(
    "text",
    [
        "The senator's 2016 attacks on the plan drew criticism.",
        "Monday's attacks on the governor's record were unfair.",
    ],
)
def test_words_that_attack_stay_words_with_a_date(pipeline: Pipeline, text: str) -> None:
    assert "ASSAULT" not in [e.category for e in _incidents(pipeline, text)]
