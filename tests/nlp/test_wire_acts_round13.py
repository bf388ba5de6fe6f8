"""Acts of wire news the rules had missed or misread, each on sentences of our own (the
thirteenth round): businesses as the side a measure is taken against, and the kinds below."""

from __future__ import annotations

import pytest

from eventwire.model import make_article
from eventwire.nlp.pipeline import Pipeline

from .records import events_of as _of
from .records import extract_text as _extract


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a bank, a firm, an airline is an organisation, the side a measure is taken against
        ("The EU imposed sanctions on three banks.", "three banks"),
        ("Washington slapped new sanctions on two shipping firms on Friday.", "two shipping firms"),
        ("The Treasury blacklisted a state airline and two lenders.", "two lenders"),
        ("London froze the assets of a steel tycoon.", "a steel tycoon"),
    ],
)
def test_businesses_are_sides_a_sanction_is_taken_against(pipeline: Pipeline, text: str,
                                                          target: str | None) -> None:
    found = _of(_extract(pipeline, text), "SANCTION")
    assert found, [(e.category, e.trigger.text) for e in _extract(pipeline, text).events]
    if target is not None:
        assert target in [r.text for r in found[0].recipients]


@pytest.mark.parametrize(
    "text",
    [
        # what is done to whoever did the act answers it: another act
        "Five people were killed in an attack on a food market in the city on 11 May. The "
        "alleged gunman, who was shot dead by police two days later, had a criminal record.",
        "Gunmen killed a shopkeeper in the town on Monday. Police later shot dead one of the "
        "suspects.",
        "A bomber wounded nine passengers on a bus in the north. Troops killed the bomber at a "
        "checkpoint an hour later.",
    ],
)
def test_an_act_done_to_the_doer_of_another_is_another_act(pipeline: Pipeline,
                                                           text: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 2, [[m.text for m in e.mentions] for e in found]


@pytest.mark.parametrize(
    "text",
    [
        # one exchange told in one sentence may stay one record (the codebook's armed clash)
        "A gunman opened fire at a wedding party on Saturday, killing six guests before "
        "police shot him dead.",
        # the doer's own acts, told twice, are one
        "The gunman shot three people at the station. Witnesses said the gunman then shot a "
        "guard at the exit.",
        # what is done to the doers, told twice, is one act
        "Police shot dead two suspects in the raid. The two suspects were killed after they "
        "fired at officers.",
    ],
)
def test_acts_of_one_side_or_one_exchange_stay_together(pipeline: Pipeline,
                                                       text: str) -> None:
    record = _extract(pipeline, text)
    found = _of(record, "ASSAULT")
    assert found, [(e.category, e.trigger.text) for e in record.events]


def test_the_number_that_heads_a_victim_phrase_leaves_the_verbs_adjective(
        pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "Troops shot dead three of the hijackers on Monday."),
                "ASSAULT")
    assert [r.text for r in found[0].recipients] == ["three of the hijackers"]


def test_threats_made_by_sides_of_two_kinds_are_two(pipeline: Pipeline) -> None:
    text = ("The army issued an ultimatum to the rebels to leave the town by Friday. Local "
            "officials have threatened to cut off water to villages that back the opposition.")
    assert len(_of(_extract(pipeline, text), "THREATEN")) == 2


def test_one_sides_threat_told_twice_is_one(pipeline: Pipeline) -> None:
    text = ("The army issued an ultimatum to the rebels on Monday. The military threatened to "
            "storm the town if they refused.")
    assert len(_of(_extract(pipeline, text), "THREATEN")) == 1


@pytest.mark.parametrize(
    "text",
    [
        # arms and military campaigns threatened are threats of force
        "Hamas threatened to resume rocket fire.",
        "The militia threatened more airstrikes on the port.",
        "Moscow threatened a military operation if the troops were not withdrawn.",
    ],
)
def test_threats_of_arms_are_threats(pipeline: Pipeline, text: str) -> None:
    assert _of(_extract(pipeline, text), "THREATEN")


def test_a_threat_of_no_force_is_none(pipeline: Pipeline) -> None:
    assert not _of(_extract(pipeline, "The coach threatened to resume training on Monday."),
                   "THREATEN")


def test_a_bomber_who_blew_himself_up_is_no_victim(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "A suicide bomber blew himself up outside a police academy "
                                   "in the city, killing 12 recruits."), "ASSAULT")
    assert [r.text for r in found[0].recipients] == ["12 recruits"]


def test_who_shot_himself_stays_whom_the_shooting_was_done_to(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "A boy shot himself with his father's gun on Sunday."),
                "ASSAULT")
    assert found and found[0].recipients


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a relative clause on the of-object tells more of those people; it is no part of
        # who they are
        ("Police used water cannon to disperse hundreds of students who had gathered "
         "outside parliament.", "hundreds of students"),
        ("Troops detained dozens of men who had crossed the border.", "dozens of men"),
    ],
)
def test_a_clause_on_the_of_object_is_cut_from_the_participant(pipeline: Pipeline, text: str,
                                                               who: str) -> None:
    record = _extract(pipeline, text)
    assert who in [r.text for e in record.events for r in e.recipients], [
        (e.category, [r.text for r in e.recipients]) for e in record.events]


@pytest.mark.parametrize(
    "text",
    [
        # what a state's internal security forces raid they search: coercion
        "Security forces raided the offices of an opposition newspaper on Tuesday.",
        "Security services raided several homes in the suburb overnight.",
    ],
)
def test_a_raid_by_security_forces_is_coercion(pipeline: Pipeline, text: str) -> None:
    record = _extract(pipeline, text)
    assert [e.category for e in record.events] == ["COERCE"]


def test_a_raid_that_kills_stays_an_attack(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "Security forces raided a rebel hideout, killing three "
                                "militants.")
    assert [e.category for e in record.events] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "arrested"),
    [
        # the one person the arrest's own words name is arrested, whatever else was raided
        ("Police raided the offices of the newspaper on Tuesday and detained its editor.", 1),
        ("Security forces raided several homes and detained a prominent activist.", 1),
        ("Police raided the house and arrested two men.", 2),
    ],
)
def test_whom_the_arrest_took_is_counted_not_what_was_raided(pipeline: Pipeline, text: str,
                                                              arrested: int) -> None:
    found = _of(_extract(pipeline, text), "COERCE")
    assert found[0].outcome is not None and found[0].outcome.arrested == arrested


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the parser takes a dateline for the subject and hangs the real one off it
        ("KABUL, Afghanistan — A suicide bomber struck a wedding hall in western Kabul late "
         "Saturday, killing 63 people.", "A suicide bomber"),
        ("BEIRUT - Israeli jets struck targets in southern Lebanon on Tuesday.", "Israeli jets"),
    ],
)
def test_the_subject_behind_a_dateline_did_the_act(pipeline: Pipeline, text: str,
                                                   actor: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and actor in [a.text for a in found[0].actors], [
        (e.trigger.text, [a.text for a in e.actors]) for e in found]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # who would have done an act attempted or plotted: the attempt's owner or maker,
        # never the attempt itself nor who foiled it
        ("Police thwarted an attempt to storm the parliament building.", []),
        ("Rebels made an attempt to storm the parliament building on Monday.", ["Rebels"]),
        ("The rebels' attempt to storm the barracks failed.", ["The rebels"]),
        ("An attempt by militants to seize the airport was repelled.", ["militants"]),
    ],
)
def test_who_attempted_an_act_is_its_doer(pipeline: Pipeline, text: str,
                                          actors: list[str]) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and [a.text for a in found[0].actors] == actors


def test_who_foiled_a_plot_did_not_do_its_act(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "Security forces foiled a plot to bomb the stadium on Sunday.")
    assert not any(a.text == "Security forces" for e in _of(record, "ASSAULT")
                   for a in e.actors)


@pytest.mark.parametrize(
    "text",
    [
        # what a wave or series of acts did is what those acts did: one roll-up
        "A wave of bombings across the country killed at least 60 people on Thursday.",
        "A series of car bombs killed 14 people in the city on Monday.",
    ],
)
def test_what_a_wave_of_acts_did_is_one_roll_up(pipeline: Pipeline, text: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 1 and found[0].aggregate and found[0].status == "asserted"
    assert not found[0].actors  # the acts are what did it, not who


def test_a_group_of_people_stays_a_side(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "A group of gunmen killed four people on Monday."),
                "ASSAULT")
    assert [a.text for a in found[0].actors] == ["A group of gunmen"]


def test_an_act_whose_victim_is_introduced_is_a_new_act(pipeline: Pipeline) -> None:
    # "the killing of a journalist": an indefinite of-object introduces the act
    text = ("A wave of bombings across the country killed at least 60 people on Thursday. "
            "The killing of a journalist in the city last week sparked protests.")
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 2, [[m.text for m in e.mentions] for e in found]


def test_the_act_told_before_is_pointed_back_at(pipeline: Pipeline) -> None:
    text = ("Gunmen shot dead a journalist outside his home on Monday. The killing of the "
            "journalist sparked protests.")
    assert len(_of(_extract(pipeline, text), "ASSAULT")) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a hyphenated military modifier makes a drill a military one
        "The navy held live-fire exercises off the coast on Monday.",
        # the acts a stretch of time counts are particular ones
        "The navy began a week of live-fire drills off the coast on Monday.",
    ],
)
def test_military_exercises_are_mobilisation(pipeline: Pipeline, text: str) -> None:
    assert _of(_extract(pipeline, text), "MOBILIZE")


def test_a_fire_drill_is_no_mobilisation(pipeline: Pipeline) -> None:
    assert not _of(_extract(pipeline, "The school held a fire drill on Monday."), "MOBILIZE")


def test_protests_called_for_over_days_are_planned(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The opposition called for three days of protests."),
                "PROTEST")
    assert [e.status for e in found] == ["future"]


@pytest.mark.parametrize(
    ("text", "caller"),
    [
        # who calls a protest organises it
        ("The opposition called for three days of protests.", "The opposition"),
        ("The union called for strikes at the port.", "The union"),
    ],
)
def test_who_calls_for_a_protest_organises_it(pipeline: Pipeline, text: str,
                                              caller: str) -> None:
    found = _of(_extract(pipeline, text), "PROTEST")
    assert found and [a.text for a in found[0].actors] == [caller]


def test_who_is_summoned_for_a_protest_does_not_organise_it(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "Officers were called to the motel for a protest."),
                "PROTEST")
    assert not any(a.text == "Officers" for e in found for a in e.actors)


@pytest.mark.parametrize(
    ("text", "mobilised"),
    [
        # forces rushed somewhere are deployed; police rushing to a scene is emergency work
        ("Reinforcements were rushed to the town after the attack.", True),
        ("The army rushed troops to the town after the attack.", True),
        ("Police rushed to the scene.", False),
        ("The injured were rushed to hospital.", False),
        ("The government rushed the bill through parliament.", False),
    ],
)
def test_forces_rushed_are_deployed(pipeline: Pipeline, text: str, mobilised: bool) -> None:
    assert bool(_of(_extract(pipeline, text), "MOBILIZE")) is mobilised


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a state expels: its diplomats expelled are a sanction, anyone else is deported
        ("Moscow expelled 10 British diplomats on Friday.", "SANCTION"),
        ("The junta expelled the French ambassador.", "SANCTION"),
        ("Authorities expelled dozens of foreign aid workers from the region.", "COERCE"),
        # a party or a school expelling a member does neither
        ("The party expelled two lawmakers for disloyalty.", None),
        # a pronoun may stand for the state
        ("Norway said on Friday it would expel four Iranian diplomats.", "SANCTION"),
        ("He was expelled from school for fighting.", None),
    ],
)
def test_an_expulsion_is_what_a_state_does_to_whom(pipeline: Pipeline, text: str,
                                                   category: str | None) -> None:
    record = _extract(pipeline, text)
    assert [e.category for e in record.events if e.category in {"SANCTION", "COERCE"}] == (
        [category] if category else [])


def test_a_verb_joined_to_a_states_verb_is_the_states(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "The government expelled two American journalists and shut "
                                "down a private television channel.")
    assert any(m.text == "shut" for e in _of(record, "COERCE") for m in e.mentions)


def test_the_hostages_held_are_whom_the_act_is_done_to(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "Rebels are still holding 12 hostages, including four "
                                   "foreigners."), "ASSAULT")
    assert found and "12 hostages" in [r.text for r in found[0].recipients]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an act noun with "any", "every" or "no" names no one act
        ("Beijing warned that it would retaliate against any sanctions.", "SANCTION"),
        ("Officials condemned every attack on aid workers.", "ASSAULT"),
    ],
)
def test_any_or_every_act_is_no_act(pipeline: Pipeline, text: str, category: str) -> None:
    assert not _of(_extract(pipeline, text), category)


def test_each_of_the_acts_told_stays(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "Two bombs exploded in the city. Each attack killed at least "
                                "three people.")
    assert _of(record, "ASSAULT")


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # a weapon launched or lobbed at someone is an attack on them
        ("Russia launched 40 drones and three missiles at Ukraine overnight, the air force "
         "said.", True),
        ("Protesters lobbed petrol bombs at police.", True),
        # launched with no aim: a product, or the word of another act
        ("The company launched a new delivery drone in March.", False),
    ],
)
def test_weapons_launched_at_someone_are_an_attack(pipeline: Pipeline, text: str,
                                                   attack: bool) -> None:
    assert bool(_of(_extract(pipeline, text), "ASSAULT")) is attack


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # "the X region": the name of a unit, whatever the NER took it for
        ("Russian shelling killed two civilians in the Kherson region on Tuesday, the "
         "governor said.", "UA"),
        ("A drone strike hit an oil depot in the Belgorod region overnight.", "RU"),
    ],
)
def test_the_name_before_a_regions_word_is_a_place(pipeline: Pipeline, text: str,
                                                   country: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and found[0].place is not None and found[0].place.country == country


@pytest.mark.parametrize(
    "text",
    [
        # a strike that kills or wounds is one of force, never a walkout
        "At least 20 people were killed in Israeli strikes across Gaza overnight.",
        "A soldier was wounded by a strike on his position.",
    ],
)
def test_a_strike_that_kills_is_an_attack(pipeline: Pipeline, text: str) -> None:
    record = _extract(pipeline, text)
    assert _of(record, "ASSAULT") and not _of(record, "PROTEST")


def test_a_walkout_stays_a_protest(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "Dock workers went on strike at the port on Monday.")
    assert _of(record, "PROTEST") and not _of(record, "ASSAULT")


def _responsibility(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found
    return found[0].responsibility


ATTACK = "Gunmen killed four police officers at a checkpoint on Monday. "


@pytest.mark.parametrize(
    ("text", "suspect", "by"),
    [
        # whom the blame for this act is put on is suspected of it, by whoever blames
        (ATTACK + "Officials blamed al-Shabaab for the attack.", "al-Shabaab", "Officials"),
        (ATTACK + "The governor blamed the attack on separatist rebels.", "separatist rebels",
         "The governor"),
        (ATTACK + "Local rebels were blamed for the attack.", "Local rebels", None),
        # "suspect X was behind it": X suspected
        ("A bomb exploded outside a bank on Sunday. Police suspect a local gang was behind "
         "the blast.", "a local gang", "Police"),
    ],
)
def test_who_is_blamed_or_suspected_of_the_act(pipeline: Pipeline, text: str, suspect: str,
                                                by: str | None) -> None:
    resp = _responsibility(pipeline, text)
    assert resp is not None and [(s.actor.text, s.by.text if s.by else None)
                                 for s in resp.suspected] == [(suspect, by)]


def test_blame_for_something_else_suspects_no_one(pipeline: Pipeline) -> None:
    resp = _responsibility(pipeline, ATTACK + "Officials blamed the weather for the delay.")
    assert resp is None or not resp.suspected


@pytest.mark.parametrize("claim", ["No group has claimed the attack.",
                                   "Nobody has claimed the attack."])
def test_no_one_claiming_the_act_is_stated(pipeline: Pipeline, claim: str) -> None:
    resp = _responsibility(pipeline, ATTACK + claim)
    assert resp is not None and resp.unclaimed_stated and not resp.claimed_by


def test_since_a_dated_act_dates_the_act(pipeline: Pipeline) -> None:
    # "since last year's bombing": the possessive dates the noun; "since" takes the noun
    record = pipeline.extract(make_article(
        "The city has been on edge since last year's bombing of the central mosque.",
        published="2026-06-10"))
    found = _of(record, "ASSAULT")
    assert found and found[0].time is not None and found[0].time.date == "2025"
    assert found[0].status == "historical"


def test_since_a_year_opens_a_period_and_dates_nothing(pipeline: Pipeline) -> None:
    record = pipeline.extract(make_article(
        "Attacks on the road have risen since 2015, police said. Gunmen killed two drivers "
        "there on Monday.", published="2026-06-10"))
    assert [e.time.date if e.time else None for e in _of(record, "ASSAULT")] == ["2026-06-08"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # counted back from the time a present clause is told at
        ("A decade after the massacre, survivors still wait for justice.", "2016"),
        ("Two years after the bombing, the market is busy again.", "2024"),
    ],
)
def test_an_act_a_count_before_a_present_clause_is_dated_back(pipeline: Pipeline, text: str,
                                                              year: str) -> None:
    found = _of(pipeline.extract(make_article(text, published="2026-06-10")), "ASSAULT")
    assert found and found[0].time is not None and found[0].time.date == year
    assert found[0].status == "historical"


def test_a_deadline_dates_what_is_to_be_done_not_the_demand(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The army issued an ultimatum to the rebels to leave the "
                                   "town by Friday."), "THREATEN")
    assert found and (found[0].time is None or found[0].time.date != "2026-03-06")
    assert found[0].time is None or found[0].time.date != "2026-02-27"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # what a roll-up the lead tells did is that roll-up's, and it is the news
        ("Two bombs went off near the US embassy in Nairobi, killing 12.", None),
        ("Two bombings hit Kabul on Monday, killing 12 people.", "2026-06-08"),
    ],
)
def test_a_roll_up_the_lead_tells_is_the_news(pipeline: Pipeline, text: str,
                                              date: str | None) -> None:
    found = _of(pipeline.extract(make_article(text, published="2026-06-10")), "ASSAULT")
    assert len(found) == 1 and found[0].status == "asserted"
    assert found[0].outcome is not None and found[0].outcome.dead == 12
    assert (found[0].time.date if found[0].time else None) == date


def test_a_roll_up_told_after_the_lead_is_background(pipeline: Pipeline) -> None:
    found = _of(pipeline.extract(make_article(
        "A bomb killed two soldiers in the north on Monday. There have been 15 attacks on the "
        "army in the region.", published="2026-06-10")), "ASSAULT")
    assert [e.status for e in found] == ["asserted", "historical"]


@pytest.mark.parametrize(
    "text",
    [
        # what no one can take or harm by force: a debate, a bill
        "Her opponent fired back, accusing her of hijacking the debate.",
        "The committee killed the bill on Tuesday.",
    ],
)
def test_force_on_what_is_only_abstract_is_no_act(pipeline: Pipeline, text: str) -> None:
    assert not _of(_extract(pipeline, text), "ASSAULT")


def test_a_vehicle_hijacked_stays_an_act(pipeline: Pipeline) -> None:
    assert _of(_extract(pipeline, "Gunmen hijacked a bus carrying 40 passengers on Monday."),
               "ASSAULT")


BOMB = "A bomb killed nine people at a market in the town on Monday. "


@pytest.mark.parametrize(
    ("text", "suspect", "by"),
    [
        # whom the act is laid on: accused of it, or suspected in a sentence of its own
        (BOMB + "The government accused the rebels of carrying out the attack.", "the rebels",
         "The government"),
        (BOMB + "The government accused the rebels of the attack.", "the rebels",
         "The government"),
        (BOMB + "Police said they suspected the rebels.", "the rebels", "they"),
    ],
)
def test_who_is_accused_of_the_act_is_suspected(pipeline: Pipeline, text: str, suspect: str,
                                                by: str) -> None:
    resp = _responsibility(pipeline, text)
    assert resp is not None and [(s.actor.text, s.by.text if s.by else None)
                                 for s in resp.suspected] == [(suspect, by)]


def test_an_accusation_of_something_else_suspects_no_one(pipeline: Pipeline) -> None:
    resp = _responsibility(pipeline, BOMB + "The minister accused the opposition of lying "
                                            "about the economy.")
    assert resp is None or not resp.suspected


def test_a_side_saying_it_was_behind_the_act_claims_it(pipeline: Pipeline) -> None:
    resp = _responsibility(pipeline, BOMB + "The Taliban said they were behind the bombing.")
    assert resp is not None and [c.actor.text for c in resp.claimed_by] == ["Taliban"]
