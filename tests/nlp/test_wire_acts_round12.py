"""Acts of wire news the rules had missed or misread, each on sentences of our own: protests
called for, explosives laid and set off, ground taken by force, emergency rule, clashes
placed by the verb they break out with, deaths by a verb's result, tolls raised."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.resources import Resources

from .records import events_of as _of
from .records import extract_text as _extract
from .records import first_assault, scanned_counts


@pytest.mark.parametrize(
    "text",
    [
        # organisers who call for protests announce particular ones, planned ahead
        "The opposition called for protests.",
        "The union called for nationwide strikes next week.",
        "Student groups have called for more demonstrations this weekend.",
        "The party urged its supporters to join protests on Friday.",
    ],
)
def test_protests_called_for_are_planned(pipeline: Pipeline, text: str) -> None:
    found = _of(_extract(pipeline, text), "PROTEST")
    assert [e.status for e in found] == ["future"], [(e.category, e.status)
                                                     for e in _extract(pipeline, text).events]


@pytest.mark.parametrize(
    "text",
    [
        # protests a side says it will hold are particular ones
        "The opposition has vowed to hold more rallies next week.",
        "The party said it would hold rallies across the country next week.",
        "Organisers plan further protests on Saturday.",
        "Teachers will stage strikes in the capital.",
    ],
)
def test_protests_a_side_says_it_will_hold_are_planned(pipeline: Pipeline,
                                                       text: str) -> None:
    assert [e.status for e in _of(_extract(pipeline, text), "PROTEST")] == ["future"]


def test_a_present_habit_of_protest_tells_kinds(pipeline: Pipeline) -> None:
    assert not _of(_extract(pipeline, "Unions hold rallies every May."), "PROTEST")


def test_protests_going_on_that_people_are_urged_to_join_stay_asserted(
        pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The party urged supporters to join the protests in the "
                                   "capital."), "PROTEST")
    assert found and found[0].status == "asserted"


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Fourteen soldiers died when their vehicle struck a landmine in the north.",
         "their vehicle"),
        ("An army truck hit an improvised explosive device on the highway on Monday.",
         "An army truck"),
        ("A boy stepped on a mine while herding goats near the village.", "A boy"),
        ("A minibus ran over a landmine near the border, killing nine passengers.",
         "A minibus"),
    ],
)
def test_an_explosive_set_off_by_whoever_meets_it_is_an_attack_on_them(
        pipeline: Pipeline, text: str, victim: str) -> None:
    ev = first_assault(_extract(pipeline, text))
    head = victim.split()[-1]
    assert any(head in a.text for a in ev.recipients), [a.text for a in ev.recipients]
    # who laid it the sentence does not say: the vehicle or the walker did nothing
    assert not any(head in a.text for a in ev.actors), [a.text for a in ev.actors]


@pytest.mark.parametrize(
    "text",
    [
        "Miners struck gold in the old mine last year.",
        "The striking workers occupied the mine on Monday.",
    ],
)
def test_a_mine_that_is_dug_is_no_explosive(pipeline: Pipeline, text: str) -> None:
    assert not _of(_extract(pipeline, text), "ASSAULT")


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("The rebels seized control of the town after heavy fighting.", "the town"),
        ("Jihadists took control of several villages in the region last month.",
         "several villages"),
    ],
)
def test_ground_taken_by_force_is_an_attack(pipeline: Pipeline, text: str,
                                           taken: str) -> None:
    ev = next(e for e in _extract(pipeline, text).events
              if any(m.text in {"seized", "took"} for m in e.mentions))
    assert ev.category == "ASSAULT"
    assert taken in [a.text for a in ev.recipients]


def test_ground_of_any_kind_taken_with_force_told_is_an_attack(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "Militants seized control of the border crossing after "
                                   "killing three guards."), "ASSAULT")
    assert any("seized" in {m.text for m in e.mentions} for e in found)
    # and without force told, a crossing changing hands is no incident
    assert not _of(_extract(pipeline, "Militants seized control of the border crossing."),
                   "ASSAULT")


def test_control_of_a_company_is_no_act(pipeline: Pipeline) -> None:
    rec = _extract(pipeline, "The state took control of the airline in 2019.")
    assert not [e for e in rec.events if e.category in {"ASSAULT", "COERCE"}]


@pytest.mark.parametrize(
    "text",
    [
        "The government declared a state of emergency in three provinces on Sunday.",
        "The president imposed a state of siege on Monday.",
    ],
)
def test_emergency_rule_is_coercion(pipeline: Pipeline, text: str) -> None:
    found = _of(_extract(pipeline, text), "COERCE")
    assert found and found[0].recipients == ()


def test_the_state_of_things_is_no_act(pipeline: Pipeline) -> None:
    assert not _extract(pipeline, "The state of the economy worries voters.").events


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out at a football match in Istanbul on Sunday.",
        "Police arrested 40 people after clashes broke out at a stadium in Ankara on Sunday.",
    ],
)
def test_clashes_take_the_place_of_the_verb_they_break_out_with(
        pipeline: Pipeline, text: str) -> None:
    assert any(any(m.text.lower() == "clashes" for m in e.mentions)
               for e in _of(_extract(pipeline, text), "ASSAULT"))


@pytest.mark.parametrize(
    "text",
    [
        "He was stabbed to death outside a mosque on Friday.",
        "Ali Karimi was beaten to death by a mob in the village.",
        "They stabbed him to death on Friday.",
        "He was hacked to death with machetes.",
    ],
)
def test_one_victim_of_a_verb_whose_result_is_death_died(pipeline: Pipeline,
                                                          text: str) -> None:
    ev = first_assault(_extract(pipeline, text))
    assert ev.outcome is not None
    assert (ev.outcome.dead, ev.outcome.injured) == (1, 0)


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Two of the wounded died in hospital, raising the toll from the blast to seven.",
         {"dead": 7}),
        ("Rescuers pulled three more bodies from the rubble, bringing the death toll to 12.",
         {"dead": 12}),
        # a toll of the hurt is not the dead
        ("Another man was admitted overnight, raising the toll of injured to nine.", {}),
    ],
)
def test_a_toll_raised_to_a_number_is_the_dead(res: Resources, sentence: str,
                                               counts: dict[str, int]) -> None:
    got = scanned_counts(res, sentence)
    assert got.get("dead") == counts.get("dead")


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("The army said it struck militant positions overnight.", "militant positions"),
        ("The ministry said it had hit rebel bases near the border.", "rebel bases"),
        ("Jets struck a hideout in the hills.", "a hideout"),
    ],
)
def test_a_side_struck_at_its_military_sites_is_attacked(pipeline: Pipeline, text: str,
                                                        hit: str) -> None:
    ev = first_assault(_extract(pipeline, text))
    assert hit in [a.text for a in ev.recipients]


@pytest.mark.parametrize(
    "text",
    [
        "The company hit its sales targets for the year.",
        "The storm hit coastal towns overnight.",
        "Thousands of children struck camp at the end of the summer.",
    ],
)
def test_targets_and_camps_of_no_side_are_no_attack(pipeline: Pipeline, text: str) -> None:
    assert not _of(_extract(pipeline, text), "ASSAULT")


ANSWERED = (
    "Hezbollah fires rockets at Israel\n\n"
    "BEIRUT - An Israeli drone strike on a car in southern Lebanon killed a Hezbollah "
    "commander on Wednesday. Hezbollah responded by firing dozens of rockets at military "
    "positions in northern Israel, the group said. The Israeli military said it had struck "
    "Hezbollah targets in response to the rocket fire."
)


def test_an_act_answering_another_is_a_third_act(pipeline: Pipeline) -> None:
    """The strike, the rockets fired in answer, and the strikes in answer to the rockets:
    three acts; "the rocket fire" named by the answer is the rockets', not the answer's."""
    found = _of(_extract(pipeline, ANSWERED), "ASSAULT")
    words = [{m.text for m in e.mentions} for e in found]
    assert len(found) == 3, words
    firing = next(e for e in found if "firing" in {m.text for m in e.mentions})
    struck = next(e for e in found if "struck" in {m.text for m in e.mentions})
    assert "fire" in {m.text for m in firing.mentions}
    assert "Hezbollah" in {a.text for a in firing.actors}
    assert "Hezbollah" not in {a.text for a in struck.actors}


@pytest.mark.parametrize(
    "text",
    [
        "The president is due to address a rally on Sunday.",
        "Workers are scheduled to hold a march through the city on May 1.",
        "Police detained the opposition leader hours before he was due to address a rally.",
    ],
)
def test_a_protest_on_the_calendar_is_future(pipeline: Pipeline, text: str) -> None:
    assert [e.status for e in _of(_extract(pipeline, text), "PROTEST")] == ["future"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia denies targeting civilians.",
        "The government denies torturing detainees in its prisons.",
    ],
)
def test_a_present_denial_of_a_practice_tells_no_act(pipeline: Pipeline, text: str) -> None:
    assert not _of(_extract(pipeline, text), "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "The army denies shelling the village.",
        "The army denied shelling homes on Monday.",
    ],
)
def test_a_denial_of_a_particular_act_is_negated(pipeline: Pipeline, text: str) -> None:
    assert [e.status for e in _of(_extract(pipeline, text), "ASSAULT")] == ["negated"]


def test_a_headline_jailing_over_a_court_sentence_is_no_new_arrest(pipeline: Pipeline) -> None:
    text = ("Union leader jailed\n\nSEOUL (Reuters) - A Seoul court on Friday sentenced "
            "union leader Park Min-ho to 18 months in prison for organising an illegal rally "
            "in 2023. Park was arrested in March last year and has been in custody since.")
    found = _of(_extract(pipeline, text), "COERCE")
    assert all("jailed" not in {m.text for m in e.mentions} for e in found), [
        [m.text for m in e.mentions] for e in found]


def test_a_jailing_told_alone_is_custody(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "Police jailed three protesters overnight in the city."),
                "COERCE")
    assert found


def test_the_dateline_is_no_part_of_the_actor(pipeline: Pipeline) -> None:
    text = ("Police break up march\n\nBANGKOK (Reuters) - Thai riot police used water "
            "cannon on Sunday to disperse thousands of protesters in the capital.")
    found = _of(_extract(pipeline, text), "COERCE")
    assert found and [a.text for a in found[0].actors] == ["Thai riot police"]


@pytest.mark.parametrize(
    "text",
    [
        "It was the latest abduction in the region, where armed gangs kidnap people for "
        "ransom.",
        "The village, where militants attack convoys almost every week, lies near the border.",
    ],
)
def test_a_present_habit_told_of_a_place_is_no_act(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in _of(_extract(pipeline, text), "ASSAULT")
                if any(m.text in {"kidnap", "attack"} for m in e.mentions)]


def test_a_past_act_told_of_a_place_stays(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The town where gunmen killed 12 people on Sunday is near "
                                   "the border."), "ASSAULT")
    assert found and found[0].status == "asserted"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a suicide is no attack on anyone
        ("The poet killed himself in 1998.", "ASSAULT"),
        ("A shopkeeper hanged himself after his business failed.", "ASSAULT"),
        # advancing, not marching in protest
        ("The insurgency is on the march across the east.", "PROTEST"),
        # a judge's order that someone stay held: no one taken
        ("A judge ruled that the driver will stay in custody until the trial.", "COERCE"),
        # one person's objections
        ("Over his repeated protests, the board approved the plan.", "PROTEST"),
        # the general danger, not a threat anyone made
        ("Analysts said the terror threat remains high this winter.", "THREATEN"),
    ],
)
def test_words_of_political_news_that_tell_no_incident(pipeline: Pipeline, text: str,
                                                       category: str) -> None:
    assert not _of(_extract(pipeline, text), category)


def test_the_attackers_suicide_is_part_of_the_attack(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The gunman killed himself after shooting five people."),
                "ASSAULT")
    assert len(found) == 1
    assert {"killed", "shooting"} <= {m.text for m in found[0].mentions}


def test_a_gun_fired_at_oneself_stays_a_shooting(pipeline: Pipeline) -> None:
    # (gun-violence data count a child who shot himself with a parent's gun)
    assert _of(_extract(pipeline, "A four-year-old boy shot himself with his father's "
                                   "pistol on Tuesday."), "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Police received a terror threat against the stadium on Friday.",
        "The school was evacuated after a bomb threat on Monday.",
    ],
)
def test_a_threat_someone_made_is_a_threat(pipeline: Pipeline, text: str) -> None:
    assert _of(_extract(pipeline, text), "THREATEN")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("A deputy filed a bill to impose sanctions on the mining firm.", "SANCTION"),
        ("She criticised the proposed ban on opposition rallies.", "COERCE"),
    ],
)
def test_a_measure_proposed_is_hypothetical(pipeline: Pipeline, text: str,
                                           category: str) -> None:
    assert [e.status for e in _of(_extract(pipeline, text), category)] == ["hypothetical"]


def test_a_measure_adopted_is_asserted(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The council adopted a resolution imposing sanctions on "
                                   "the junta on Monday."), "SANCTION")
    assert [e.status for e in found] == ["asserted"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # support gathered, not a protest
        ("The governor rallied party members around her running mate.", "PROTEST"),
        # a retort
        ('The governor shot back, "I have nothing to hide."', "ASSAULT"),
        # words, told by the participle that goes with them
        ("The mayor attacked her opponent all week, questioning his record on taxes.",
         "ASSAULT"),
        # power in politics, not ground taken by armed men
        ("Activists say they must take back control of city councils.", "COERCE"),
    ],
)
def test_more_words_of_political_news_that_tell_no_incident(pipeline: Pipeline, text: str,
                                                            category: str) -> None:
    assert not _of(_extract(pipeline, text), category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a pledge or promise of a measure waits on the promiser's power
        ("The candidate pledged to ban all migrant workers from entering the country.", "COERCE"),
        ("His promises to deport seasonal workers worried farmers.", "COERCE"),
        ("She campaigned on a platform of deporting asylum seekers.", "COERCE"),
        # what is wished for is not done
        ("The mayor said he would like to punch the reporter.", "ASSAULT"),
    ],
)
def test_acts_promised_or_wished_for_are_hypothetical(pipeline: Pipeline, text: str,
                                                     category: str) -> None:
    assert [e.status for e in _of(_extract(pipeline, text), category)] == ["hypothetical"]


def test_a_protest_pledged_is_still_planned(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "Students pledged to march on parliament on Friday."),
                "PROTEST")
    assert [e.status for e in found] == ["future"]


@pytest.mark.parametrize(
    "text",
    [
        "Police shot back at the gunman outside the bank.",
        "The soldiers fired back at the attackers.",
    ],
)
def test_returned_fire_is_force(pipeline: Pipeline, text: str) -> None:
    assert _of(_extract(pipeline, text), "ASSAULT")


def test_an_armed_side_taking_a_capital_on_a_day_is_an_attack(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The Taliban took control of the provincial capital on "
                                   "Sunday."), "ASSAULT")
    assert found and found[0].recipients


@pytest.mark.parametrize(
    "text",
    [
        "Street gangs\n\nThey rob. They kill. They recruit children.",
        "Opinion\n\nTerrorists kill. Soldiers defend.",
    ],
)
def test_a_habit_in_the_present_is_no_act(pipeline: Pipeline, text: str) -> None:
    assert not _of(_extract(pipeline, text), "ASSAULT")


def test_a_headline_present_with_its_object_is_an_act(pipeline: Pipeline) -> None:
    assert _of(_extract(pipeline, "Gunmen kill 12 in village raid"), "ASSAULT")


def test_a_place_named_on_a_victim_is_no_side(pipeline: Pipeline) -> None:
    """ "The Dayton girl" shot and "Dayton girl shot" are one act: a place is where
    someone is from, not a side that turns the roles round."""
    text = ("Dayton girl shot near school\n\nA Dayton girl, 9, was shot near her school on "
            "Monday afternoon. She was hit in the chest. The Dayton girl, 9, shot near the "
            "school, was taken to a hospital where she died.")
    assert len(_of(_extract(pipeline, text), "ASSAULT")) == 1


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a vote won is no ground taken
        ("Senator Maria Lopez has captured Ohio and Nevada.", "ASSAULT"),
        ("Governor Tom Hale captured the Republican primary in Maine.", "COERCE"),
        # a contest named by what it is over
        ("The bruising nomination battle left the governor short of money.", "ASSAULT"),
        ("The two firms are locked in a legal fight over the patent.", "ASSAULT"),
        # radar shot into the ground; a phrasal verb; an idiom
        ("Engineers map the tunnels by shooting radar into the soil.", "ASSAULT"),
        ("The scandal wound up being a minor story.", "ASSAULT"),
        ("The mayor tried to seize the high ground on housing.", "COERCE"),
        # sanctions broken are those in force
        ("Two traders were fined for violating sanctions on the regime.", "SANCTION"),
    ],
)
def test_words_of_campaigns_and_courts_that_tell_no_incident(pipeline: Pipeline, text: str,
                                                             category: str) -> None:
    assert not _of(_extract(pipeline, text), category)


def test_armed_men_capturing_a_town_still_attack_it(pipeline: Pipeline) -> None:
    assert _of(_extract(pipeline, "Rebels captured the town of Kidal on Sunday."), "ASSAULT")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Critics attacked her for proposing a ban on foreign trawlers.", "COERCE"),
        ("Critics cited her calls for banning street vendors.", "COERCE"),
        ("Lawmakers remain split on whether to deport the detained sailors.", "COERCE"),
    ],
)
def test_measures_put_forward_or_asked_for_are_hypothetical(pipeline: Pipeline, text: str,
                                                           category: str) -> None:
    assert [e.status for e in _of(_extract(pipeline, text), category)] == ["hypothetical"]


def test_a_question_of_where_leaves_the_act_asserted(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "Detectives want to know whether the guard was "
                                   "shot inside or outside the bank."), "ASSAULT")
    assert found and found[0].status == "asserted"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Two former ministers fired back at the senator over the tax plan.", "ASSAULT"),
        ("Party donors now rally behind her.", "PROTEST"),
        ("Opposition members seized the floor of the assembly on Tuesday.", "COERCE"),
        ("Food prices have shot up this year.", "ASSAULT"),
        ("The grainy video, shot by a passer-by on her phone, spread quickly.", "ASSAULT"),
        ("Voters in the state kick off the primary season next week.", "ASSAULT"),
        ("Aides said the senator was seizing back control of her party.", "COERCE"),
        ("Cartels kill people in turf wars.", "ASSAULT"),
        ("Criminals kill people every day.", "ASSAULT"),
        ("The crew executed the plan flawlessly.", "ASSAULT"),
        ("The minister went on the offensive against her critics.", "ASSAULT"),
    ],
)
def test_still_more_words_that_tell_no_incident(pipeline: Pipeline, text: str,
                                                category: str) -> None:
    assert not _of(_extract(pipeline, text), category)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels are going to attack the town.",
        "Police say they are going to arrest the organisers.",
    ],
)
def test_be_going_to_is_future(pipeline: Pipeline, text: str) -> None:
    found = [e for e in _extract(pipeline, text).events
             if e.category in {"ASSAULT", "COERCE"}]
    assert [e.status for e in found] == ["future"]


@pytest.mark.parametrize(
    "text",
    [
        "The gunman shot up the school before police arrived.",
        "Soldiers executed three prisoners in the courtyard.",
        "Supporters rallied outside the court on Monday.",
    ],
)
def test_the_force_beside_those_words_stays(pipeline: Pipeline, text: str) -> None:
    assert [e for e in _extract(pipeline, text).events
            if e.category in {"ASSAULT", "PROTEST"}]
