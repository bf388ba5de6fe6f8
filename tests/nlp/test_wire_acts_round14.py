"""Acts of wire news the rules had merged or misread, each on sentences of our own (the
fourteenth round): an act told a stated time away from another, an answer to an act, acts
by two sides, and a count of years back from a dated clause."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import Pipeline

from .records import events_of as _of
from .records import extract_text as _extract


def _mentions(pipeline: Pipeline, text: str) -> list[list[str]]:
    return [[m.text for m in e.mentions] for e in _of(_extract(pipeline, text), "ASSAULT")]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # what is done, a stated time later, to those called by the doers' own noun: two
        ("Rebels ambushed an army convoy near Beni, killing seven soldiers. The army said it "
         "killed 12 rebels in a counter-attack the next day.", 2),
        ("Bandits raided a village in Zamfara on Sunday, killing nine people. Vigilantes "
         "killed four of the bandits the following morning.", 2),
        ("Militants stormed a school and killed 20 pupils. Soldiers killed five militants in "
         "a raid the next day.", 2),
        # two sides each acting one way, neither on the other's doers: two acts
        ("Protesters set fire to a police station in the town after officers shot a "
         "teenager during a raid on his home.", 2),
        ("Students pelted a government convoy with stones in the capital after soldiers "
         "beat a street vendor.", 2),
        # one exchange: the answer is done to the other side's doers, or is returned fire
        ("Gunmen attacked a police post and officers returned fire, killing two of the "
         "gunmen.", 1),
        # a police officer and the police are one side
        ("A police officer shot a robber outside the bank, police said. Police said the "
         "shooting happened at about noon.", 1),
        ("Gunmen opened fire on a bus in the north, killing six passengers.", 1),
        # a stated time away from the act told before: another act
        ("A gunman shot two guards outside a bank on Tuesday. About an hour later, he shot a "
         "taxi driver across town.", 2),
        ("Police shot dead a man who attacked officers with a knife in Paris on Friday. The "
         "man had stabbed a passer-by minutes earlier.", 2),
        # "subsequently" orders the steps of one act
        ("Deputies were called to a shooting at a farmhouse on Friday. They found a man "
         "armed with a rifle, and he was subsequently shot and wounded.", 1),
        # "In a separate incident": the acts before it are not the one after it
        ("Two soldiers were killed by a roadside bomb in the south. In another incident, "
         "militants attacked a police checkpoint, wounding three officers.", 2),
        # ... whichever of the two the merge takes first (not kept: EVALUATION, fourteenth
        # round)
        pytest.param(
            "Soldiers opened fire on a car that failed to stop at a checkpoint, killing the "
            "driver. In a separate incident, a soldier was shot dead by a sniper.", 2,
            marks=pytest.mark.xfail(strict=True, reason=(
                "merge: 'opened fire' points back and is taken after the sniper's shooting, "
                "which it then joins; parting acts whichever is taken first found one more "
                "dev incident but its fields were wrong, and the per-match country accuracy "
                "fell below its floor"))),
    ],
)
def test_acts_of_one_report_are_counted_as_the_codebook_counts_them(
        pipeline: Pipeline, text: str, n: int) -> None:
    assert len(_mentions(pipeline, text)) == n, _mentions(pipeline, text)


def test_the_means_an_act_was_done_in_is_that_act(pipeline: Pipeline) -> None:
    # "killed 12 rebels in a counter-attack": the counter-attack is the killing's, not the
    # ambush's (which the article leads with)
    text = ("Rebels ambushed an army convoy near Beni, killing seven soldiers. The army said "
            "it killed 12 rebels in a counter-attack the next day.")
    found = _of(_extract(pipeline, text), "ASSAULT")
    answer = [e for e in found if any(m.text == "killed" for m in e.mentions)]
    assert answer and "counter-attack" in [m.text for m in answer[0].mentions]
    assert answer[0].outcome is not None and answer[0].outcome.dead == 12


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # what a side answers with is an act of its own, and the side that answers did it
        ("Two soldiers were killed in an ambush on Monday. The army responded with air "
         "strikes that killed dozens of fighters.", "The army"),
        ("Gunmen shot dead a village chief on Tuesday. The militia answered with a rocket "
         "barrage on the airport.", "The militia"),
    ],
)
def test_what_a_side_answers_with_is_its_own_act(pipeline: Pipeline, text: str,
                                                 doer: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 2, [[m.text for m in e.mentions] for e in found]
    assert doer in [a.text for a in found[1].actors]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a barrage is an attack only with its weapon named
        ("The militia fired a mortar barrage at the base overnight.", 1),
        ("Critics unleashed a barrage of attacks on the minister's budget.", 0),
        ("The minister faced a barrage of criticism over the plan.", 0),
    ],
)
def test_a_barrage_is_an_attack_when_its_weapon_is_named(pipeline: Pipeline, text: str,
                                                         n: int) -> None:
    assert len(_mentions(pipeline, text)) == n


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # counted back from the day the governing clause is dated by
        ("Two years after the bombing that killed 30 worshippers, the mosque reopened on "
         "Friday.", "2024"),
        ("The market reopened on Monday, a year after a car bomb killed 40 shoppers there.",
         "2025"),
    ],
)
def test_years_after_an_act_count_back_from_the_dated_clause(pipeline: Pipeline, text: str,
                                                             year: str) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and found[0].time is not None and found[0].time.date == year
    assert found[0].status == "historical"


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # a warning threatens only what the warner will do
        ("The rebels warned they would attack the capital.", True),
        ("The army warned it would crush any uprising.", True),
        ("The militia warned the government of a harsh response.", True),
        # a warning of what others may do is a warning of danger
        ("Police warned that gunmen could attack again.", False),
        ("Gunmen could strike again, police warned.", False),
        ("The health ministry warned that the virus could kill thousands.", False),
        ("The US warned that Iran could strike shipping in the Gulf.", False),
    ],
)
def test_a_warning_threatens_only_the_warners_own_act(pipeline: Pipeline, text: str,
                                                      threat: bool) -> None:
    assert bool(_of(_extract(pipeline, text), "THREATEN")) is threat


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # "the group", "the movement": a side, though no sector names it
        ("The group threatened to attack polling stations.", "The group"),
        ("The movement threatened to attack the port.", "The movement"),
    ],
)
def test_a_group_named_by_its_noun_is_a_side_that_threatens(pipeline: Pipeline, text: str,
                                                            doer: str) -> None:
    found = _of(_extract(pipeline, text), "THREATEN")
    assert found and doer in [a.text for a in found[0].actors]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a gathering broken up is dispersed
        ("Police broke up the protest with tear gas.", 1),
        ("The crowd was broken up by mounted police.", 1),
        # a company split up or talks ending are no gathering
        ("The company was broken up into three firms.", 0),
        ("The talks broke up without agreement.", 0),
    ],
)
def test_a_gathering_broken_up_is_dispersed(pipeline: Pipeline, text: str, n: int) -> None:
    assert len(_of(_extract(pipeline, text), "COERCE")) == n


def test_a_glued_title_case_headline_is_cut_from_the_body(pipeline: Pipeline) -> None:
    text = ("Man Shot Near Park In DaytonA 30-year-old man was shot near a park in Dayton on "
            "Sunday night, police said.")
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and "A 30-year-old man" in [r.text for r in found[0].recipients]
    assert found[0].outcome is not None and found[0].outcome.injured == 1


def test_one_killed_is_counted_when_the_hurt_are_told_after(pipeline: Pipeline) -> None:
    found = _of(_extract(pipeline, "The blast killed the driver and wounded his two "
                         "passengers."), "ASSAULT")
    assert found and found[0].outcome is not None
    assert (found[0].outcome.dead, found[0].outcome.injured) == (1, 2)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # a bare gerund as a subject names the act, and a fight names its sides
        ("Fighting between army troops and rebels killed 14 people in the north on Sunday.",
         {"army troops", "rebels"}),
        ("Heavy fighting between army troops and rebels killed 14 people on Sunday.",
         {"army troops", "rebels"}),
        ("The fighting between the two militias has killed 30 people.", {"the two militias"}),
    ],
)
def test_a_fight_that_killed_names_its_sides(pipeline: Pipeline, text: str,
                                             sides: set[str]) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert len(found) == 1 and sides <= {a.text for a in found[0].actors}, [
        (e.trigger.text, [a.text for a in e.actors]) for e in found]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the day of a court appearance is not the day of the act it is about
        ("The suspect appeared in court on Monday charged with the murder of his wife.", None),
        # an act done in a court is dated by its own day
        ("Gunmen opened fire in a court in Lahore on Monday, killing a lawyer.", "2026-03-02"),
    ],
)
def test_a_court_appearance_dates_no_act(pipeline: Pipeline, text: str,
                                         date: str | None) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and (found[0].time.date if found[0].time else None) == date


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # what someone was stopped before being able to do was not done
        ("A third bomber was shot by soldiers before he could detonate his vest.",
         "detonate", "negated"),
        ("Police overpowered the gunman before he could open fire.", "fire", "negated"),
        # an act before another that happened is done
        ("The bomb exploded before police could evacuate the building.", "exploded",
         "asserted"),
    ],
)
def test_an_act_forestalled_was_not_done(pipeline: Pipeline, text: str, trigger: str,
                                         status: str) -> None:
    found = [e for e in _of(_extract(pipeline, text), "ASSAULT") if e.trigger.text == trigger]
    assert found and found[0].status == status


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a gerund done to a bare plural, judged, is a kind of act, none done
        ("Killing civilians is a war crime.", 0),
        ("Attacking journalists is unacceptable, the minister said.", 0),
        ("Targeting hospitals would be a crime under international law.", 0),
        # one done to someone told, or with its own result, is an act
        ("Killing the hostages was a mistake, the commander admitted.", 1),
        ("Shooting at the mall left three people wounded.", 1),
    ],
)
def test_a_kind_of_act_judged_is_no_act(pipeline: Pipeline, text: str, n: int) -> None:
    assert len(_of(_extract(pipeline, text), "ASSAULT")) == n


def test_a_plot_foiled_is_not_done_when_another_act_follows(pipeline: Pipeline) -> None:
    # the parser hangs the plot's infinitive on the verb of prevention
    text = "Police foiled a plot to bomb a synagogue and arrested three men on Thursday."
    found = _of(_extract(pipeline, text), "ASSAULT")
    assert found and found[0].status == "negated"
    assert _of(_extract(pipeline, text), "COERCE")[0].status == "asserted"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # an operation aimed at the doers of an act is the pursuit of it, not a claim
        ("Gunmen killed four soldiers on Monday. The army said it had launched an operation "
         "to hunt down the gunmen.", None),
        # a side saying it carried out the act claims it
        ("A car bomb killed nine people in Mogadishu on Monday. Al-Shabaab said it had "
         "carried out the attack.", "Al-Shabaab"),
    ],
)
def test_a_pursuit_of_the_doers_is_no_claim(pipeline: Pipeline, text: str,
                                            claimant: str | None) -> None:
    found = _of(_extract(pipeline, text), "ASSAULT")
    claims = [c.actor.text for c in found[0].responsibility.claimed_by] if (
        found and found[0].responsibility) else []
    assert claims == ([claimant] if claimant else [])


@pytest.mark.parametrize(
    "text",
    [
        # force whose aim is to disperse a crowd is one act, the force
        "Nigerian police fired tear gas on Tuesday to disperse hundreds of protesters.",
        "Soldiers fired live rounds to disperse protesters, killing three.",
    ],
)
def test_force_used_to_disperse_is_one_act(pipeline: Pipeline, text: str) -> None:
    record = _extract(pipeline, text)
    assert len(_of(record, "ASSAULT")) == 1 and not _of(record, "COERCE")
    assert _of(record, "ASSAULT")[0].trigger.text == "fired"


def test_a_dispersal_alone_is_coercion(pipeline: Pipeline) -> None:
    assert len(_of(_extract(pipeline, "Police dispersed the crowd in the square."),
                   "COERCE")) == 1
