"""Acts of wire news the rules had misread, each on sentences of our own (the fifteenth
round): an act a side plans, a result clause on a passive, a shot aimed at someone, an
apposition that renames the act or a person, a subject borrowed from another act, a crowd
charged, a strike on a military site, and people named by an office."""

from __future__ import annotations

import pytest

from eventwire.model import Event
from eventwire.nlp.pipeline import Pipeline

from .records import events_of as _of
from .records import extract_text as _extract
from .records import incidents_in as _incidents


def _with(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if any(m.text == trigger for m in e.mentions)]
    assert found, [(e.category, [m.text for m in e.mentions]) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # an act a side plans, the verb's object, is still to come
        ("Police said the militants had planned attacks on churches.", "attacks", "future"),
        ("The cell was preparing an assault on the barracks, officials said.", "assault",
         "future"),
        # one it schemes: the report does not say it was done
        ("Prosecutors said the men were plotting a bombing of the embassy.", "bombing",
         "hypothetical"),
        # guards: an act its own clause tells as done was held ...
        ("The group planned a protest that drew thousands.", "protest", "asserted"),
        # ... and one carried out is done
        ("Militants carried out an attack on the barracks on Sunday.", "attack", "asserted"),
    ],
)
def test_an_act_a_side_plans_is_not_done(pipeline: Pipeline, text: str, trigger: str,
                                          status: str) -> None:
    assert _with(_incidents(pipeline, text), trigger).status == status


def test_an_act_planned_does_not_join_the_act_done(pipeline: Pipeline) -> None:
    # "had planned more attacks": other acts than the raid, and not done
    text = ("Police killed three militants in a raid on Friday. The militants had planned "
            "more attacks on churches, police said.")
    found = _incidents(pipeline, text)
    raid = _with(found, "raid")
    assert "attacks" not in [m.text for m in raid.mentions]
    assert "churches" not in [p.text for p in raid.recipients]
    assert _with(found, "attacks").status == "future"


@pytest.mark.parametrize(
    ("text", "status", "dead", "injured"),
    [
        # a result clause on a passive is what its "by" phrase's act did
        ("The courthouse was shattered by an explosion on March 3, 2001, killing 40 people "
         "and injuring 100 others. A man is on trial for the bombing.", "historical", 40, 100),
        ("The market was hit by a car bomb on Sunday, killing 12 people.", "asserted", 12,
         None),
    ],
)
def test_a_result_clause_on_a_passive_is_the_doers_act(pipeline: Pipeline, text: str,
                                                       status: str, dead: int,
                                                       injured: int | None) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 1, [[m.text for m in e.mentions] for e in found]
    assert found[0].status == status
    assert found[0].outcome is not None
    assert (found[0].outcome.dead, found[0].outcome.injured) == (dead, injured)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # a shot aimed at someone may have missed: nobody counted hurt
        ("Officers said a man fired at a deputy outside the store on Tuesday.", None),
        ("Police said a gunman fired at a deputy outside a bar, and the deputy fired back "
         "once. The shooting that involved the deputy happened on Tuesday.", None),
        # guard: one the verb reaches is hurt
        ("Officers said a man shot a deputy outside the store on Tuesday.", 1),
    ],
)
def test_a_shot_aimed_at_someone_counts_nobody_hurt(pipeline: Pipeline, text: str,
                                                    injured: int | None) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    got = found[0].outcome.injured if found and found[0].outcome is not None else None
    assert got == injured


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # an act noun set after the clause renames its act
        ("Unidentified gunmen shot dead a journalist outside his home on Saturday, the "
         "second killing of a reporter this year.", ["shot", "killing"]),
        ("Troops shelled the rebel-held town on Sunday, the heaviest bombardment in weeks.",
         ["shelled", "bombardment"]),
        ("Police detained 40 students on Tuesday, the biggest crackdown on campus since "
         "2019.", ["detained", "crackdown"]),
    ],
)
def test_an_apposition_renames_the_act_of_its_clause(pipeline: Pipeline, text: str,
                                                     mentions: list[str]) -> None:
    found = _incidents(pipeline, text)
    assert [[m.text for m in e.mentions] for e in found] == [mentions]


def test_an_act_named_after_a_time_of_the_clause_is_another(pipeline: Pipeline) -> None:
    # guard: "a day after the bombing" is no apposition of the act; nor are the attack's
    # doers the bombing's
    text = "Gunmen attacked a convoy on Monday, a day after the bombing of the embassy."
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 2
    bombing = _with(found, "bombing")
    assert bombing.actors == ()


def test_an_arrested_person_renamed_is_counted_once(pipeline: Pipeline) -> None:
    text = "Police arrested the man on Monday, a suspect in the bombing of the embassy."
    arrest = _of(_extract(pipeline, text), "COERCE")[0]
    assert arrest.outcome is not None and arrest.outcome.arrested == 1
    # guard: people joined by "and" are each counted
    text = "Police arrested two men and a woman on Tuesday."
    arrest = _of(_extract(pipeline, text), "COERCE")[0]
    assert arrest.outcome is not None and arrest.outcome.arrested == 3


@pytest.mark.parametrize(
    ("text", "category", "recipient"),
    [
        # a crowd charged is run at by force
        ("At least a dozen people were hurt when police charged the crowd.", "ASSAULT",
         "the crowd"),
        ("Riot police charged protesters outside parliament on Tuesday.", "ASSAULT",
         "protesters"),
        # guard: one charged with a crime is accused
        ("Prosecutors charged the man with murder on Tuesday.", "ACCUSE", None),
    ],
)
def test_a_crowd_charged_is_force(pipeline: Pipeline, text: str, category: str,
                                  recipient: str | None) -> None:
    record = _extract(pipeline, text)
    charged = [e for e in record.events if e.trigger.text == "charged"]
    assert charged and charged[0].category == category
    if recipient is not None:
        assert recipient in [p.text for p in charged[0].recipients]


@pytest.mark.parametrize(
    ("text", "category", "status"),
    [
        # a strike on a side's military site, or by aircraft, is an attack
        ("Jets carried out strikes on militant hideouts on Wednesday.", "ASSAULT",
         "asserted"),
        ("Its warplanes carried out more strikes in the valley on Wednesday.", "ASSAULT",
         "asserted"),
        ("The president called for a strike on the militants' camps.", "ASSAULT",
         "hypothetical"),
        # guards: a walkout by workers, whatever "on" follows
        ("The union called a strike on Monday over pay.", "PROTEST", "asserted"),
        ("Dock workers began a strike on the railways on Monday.", "PROTEST", "asserted"),
    ],
)
def test_a_strike_on_a_military_site_is_an_attack(pipeline: Pipeline, text: str,
                                                  category: str, status: str) -> None:
    found = _with(_incidents(pipeline, text), "strikes" if "strikes" in text else "strike")
    assert (found.category, found.status) == (category, status)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed a village chief on Monday.",
        "Gunmen killed a village elder on Monday.",
        "Bandits shot dead a cattle herder near the river on Sunday.",
    ],
)
def test_one_person_named_by_an_office_or_a_trade_is_one_dead(pipeline: Pipeline,
                                                              text: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and found[0].outcome is not None and found[0].outcome.dead == 1


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # who patrols is the subject or the "by" phrase: armed forces on patrol are deployed
        ("Soldiers patrolled the streets of the city after the riots.", 1),
        ("Armed militiamen patrolled the main road into the town on Tuesday.", 1),
        ("Foot patrols by the militia were seen in the east of the city.", 1),
        # guards: the police's daily round, and a patrol that did something else
        ("Police patrolled the area on Sunday night.", 0),
        ("A police patrol found the body on Monday.", 0),
        ("A car packed with explosives crashed into a foot patrol in the village.", 0),
        ("Few cities in the world have been more heavily patrolled by soldiers and police.",
         0),
    ],
)
def test_forces_on_patrol_are_deployed(pipeline: Pipeline, text: str, n: int) -> None:
    found = _of(_extract(pipeline, text), "MOBILIZE")
    assert len(found) == n, [[m.text for m in e.mentions] for e in found]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # tyres burned in the street are a protest's barricade
        ("Residents burned tyres and blocked roads after the shooting of a teenager.",
         "PROTEST"),
        ("Angry youths burned tires on the main road on Friday night.", "PROTEST"),
        # guard: cars burned are property attacked
        ("Rioters burned cars and looted shops in the city centre.", "ASSAULT"),
    ],
)
def test_tyres_burned_in_the_street_are_a_protest(pipeline: Pipeline, text: str,
                                                  category: str) -> None:
    burned = [e for e in _extract(pipeline, text).events if e.trigger.text == "burned"]
    assert burned and burned[0].category == category


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "In one incident" picks one act out of the group the sentence before told: it
        # happened where they did, unless its own words say
        ("BAGHDAD (Reuters) - Shootings in Mosul continued overnight, officials said. In "
         "one incident, a man was killed in a gunfight between police and gunmen in the "
         "old market.", "Mosul"),
        # guard: its own words name its town
        ("Attacks on churches in the north continued on Sunday. In one incident, gunmen "
         "killed a priest in Kaduna.", "Kaduna"),
    ],
)
def test_an_act_picked_out_of_a_group_is_where_the_group_was(pipeline: Pipeline,
                                                             text: str, place: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    picked = _with(found, "killed")
    assert picked.place is not None and picked.place.name == place


def test_an_act_picked_out_after_a_dateline_is_apart_and_where_the_group_was(
        pipeline: Pipeline) -> None:
    # the body's first word after the dateline opens a sentence: "Shootings" is the act's
    # plural, not a name; "In one attack" picks one out of the group, in its state
    text = ("BAGHDAD (Reuters) - Shootings in Mosul continued overnight, officials said.")
    assert [e.trigger.text for e in _of(_extract(pipeline, text), "ASSAULT")] == ["Shootings"]
    text = ("LAGOS (AP) - Attacks on villages in Zamfara state went on through the weekend. "
            "In one attack, bandits killed nine farmers at a market.")
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 2
    picked = _with(found, "killed")
    assert picked.place is not None and picked.place.name == "Zamfara"


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a date's year is no toll, whichever way the date is written
        ("The bombing on March 3, 2019 killed 12 people.", 12),
        ("The attack in 2015 killed 130 people.", 130),
        ("The bombing of March 2019 killed 12 people.", 12),
        ("An explosion on 3 March 2019 killed 12 people.", 12),
        # guard: a toll of thousands is written with its comma
        ("Officials said the fighting had killed 2,019 people.", 2019),
    ],
)
def test_a_dates_year_is_no_toll(pipeline: Pipeline, text: str, dead: int) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and found[0].outcome is not None and found[0].outcome.dead == dead


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a side that does a deed in an act does that act
        ("Gunmen kidnapped 30 students from a school on Monday. The army later rescued 12 "
         "of them in a raid on a forest camp.", ["The army"]),
        # guards: a death in an act, a loss in one, are no deeds of a side
        ("Three soldiers died in a raid on the camp.", []),
        ("The man lost his leg in an attack on his village last year.", []),
    ],
)
def test_a_side_doing_a_deed_in_an_act_does_the_act(pipeline: Pipeline, text: str,
                                                    actors: list[str]) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    act = _with(found, "raid" if "raid" in text else "attack")
    assert [p.text for p in act.actors] == actors


@pytest.mark.parametrize(
    ("text", "aggregate"),
    [
        # a perfect's count over "this year", "this month" tallies many acts
        ('"They have killed more than 200 of our people this year," the governor said.', True),
        ("Bandits have abducted 150 people this month, officials said.", True),
        # guard: one act told with its week
        ("Gunmen killed 12 people this week in an attack on a village.", False),
    ],
)
def test_a_perfects_count_over_this_period_is_a_roll_up(pipeline: Pipeline, text: str,
                                                        aggregate: bool) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and found[0].aggregate is aggregate


@pytest.mark.parametrize(
    ("text", "trigger", "street"),
    [
        # a named road or an address is where the act was, not whom it was done to
        ("Deputies are looking for a woman sought over a home invasion on North Cedar "
         "Court last week.", "invasion", "North Cedar Court"),
        ("A drive-by shooting on West Orchard Place left a teenager wounded.", "shooting",
         "West Orchard Place"),
        ("Gunmen opened fire on a bus on Route 9 near the bridge.", "fire", "Route 9"),
    ],
)
def test_a_named_street_is_no_recipient(pipeline: Pipeline, text: str, trigger: str,
                                        street: str) -> None:
    act = _with(_of(_extract(pipeline, text), "ASSAULT"), trigger)
    assert street not in [p.text for p in act.recipients]


def test_a_court_of_law_stays_a_target(pipeline: Pipeline) -> None:
    # guard: "the High Court" opens with no compass word: an institution attacked
    text = "An attack on the High Court in the capital killed two guards."
    act = _with(_of(_extract(pipeline, text), "ASSAULT"), "attack")
    assert "High Court" in [p.text for p in act.recipients]


@pytest.mark.parametrize(
    ("text", "status", "day"),
    [
        # an act noun is told in the tense of the verb it is the object of
        ("Britain imposed travel bans on 12 officials on Monday.", "asserted", "2024-05-06"),
        # guards: a coming act stays coming
        ("The union will hold a strike on Monday.", "future", "2024-05-13"),
        ("Organisers have called a rally for Saturday.", "future", "2024-05-11"),
    ],
)
def test_an_act_noun_takes_its_verbs_tense(pipeline: Pipeline, text: str, status: str,
                                            day: str) -> None:
    found = _incidents(pipeline, text, "2024-05-10")
    assert found and found[0].status == status
    assert found[0].time is not None and found[0].time.date == day


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # an act, force or those who do acts "sanctioned" are approved, not penalised
        ("Investigators linked the intrusion to a foreign spy agency or to hackers "
         "sanctioned by it.", 0),
        ("The council sanctioned the use of force against the rebels.", 0),
        # guards: people and firms sanctioned are penalised
        ("The US sanctioned three companies linked to the militia on Monday.", 1),
        ("Officials sanctioned by the EU include two generals.", 1),
    ],
)
def test_what_sanctioned_approves_is_no_sanction(pipeline: Pipeline, text: str,
                                                 n: int) -> None:
    assert len(_of(_extract(pipeline, text), "SANCTION")) == n


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # reports denied, no evidence, a condition
        ("The army denied reports that its soldiers had opened fire on the crowd.", "fire",
         "negated"),
        ("Officials said there was no evidence that the prisoners had been tortured.",
         "tortured", "hypothetical"),
        ("If the talks fail, the army will attack the town.", "attack", "hypothetical"),
        # guards: reported as done, a time clause; a question about where an act was
        # done takes it as done
        ("Witnesses said soldiers had opened fire on the crowd.", "fire", "asserted"),
        ("When the talks failed, the army attacked the town.", "attacked", "asserted"),
        ("Detectives are trying to work out whether the two guards were stabbed inside "
         "or outside the depot.", "stabbed", "asserted"),
    ],
)
def test_what_is_denied_unshown_conditional_or_asked_is_not_told_as_done(
        pipeline: Pipeline, text: str, trigger: str, status: str) -> None:
    assert _with(_incidents(pipeline, text), trigger).status == status
