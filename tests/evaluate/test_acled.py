"""ACLED-style sub-event labels from snippet text (eventwire's own invented sentences)."""

from __future__ import annotations

import pytest
from evalrecords import event, part

from eventwire import acled
from eventwire.model import Event

CASES: list[tuple[str, str]] = [
    # natural and man-made disasters
    ("Torrential rain triggered landslides that buried twelve homes in the hill town of Varno.",
     "NATURAL_DISASTER"),
    ("A 6.1 magnitude earthquake shook the coastal province overnight, cracking old walls.",
     "NATURAL_DISASTER"),
    ("Rescuers searched for survivors after the cyclone flattened fishing villages on Sunday.",
     "NATURAL_DISASTER"),
    ("Nine workers died when a boiler exploded at a textile factory outside Merrow.",
     "MAN_MADE_DISASTER"),
    ("A ferry carrying sixty passengers capsized on the river late on Friday.",
     "MAN_MADE_DISASTER"),
    ("Residents were told to stay indoors after a chlorine leak at a water treatment plant.",
     "MAN_MADE_DISASTER"),
    # disrupted weapons use
    ("Police seized four rifles and 300 rounds of ammunition from a farmhouse in Delby.",
     "DISR_WEAP"),
    ("Army engineers defused a roadside bomb planted near the bridge before dawn.",
     "DISR_WEAP"),
    ("Soldiers discovered an arms cache hidden in a cave above the valley.", "DISR_WEAP"),
    ("Air defences intercepted two drones over the port city late on Monday.", "DISR_WEAP"),
    # attribution
    ("A little-known armed group claimed responsibility for the market bombing in Tarso.",
     "ATTRIB"),
    ("The interior minister blamed separatists for the blast that hit the rail line.",
     "ATTRIB"),
    # sexual violence, mob violence, abduction, arrests, crime
    ("Two soldiers were accused in court of raping a teenager at a checkpoint.", "SEX_VIOL"),
    ("An angry mob beat a suspected thief to death in the market of Kelo on Tuesday.",
     "MOB_VIOL"),
    ("Villagers lynched two men they suspected of stealing cattle.", "MOB_VIOL"),
    ("Gunmen kidnapped a priest and his driver on the highway to Amsa.", "ABDUCT_DISSAP"),
    ("Police arrested the opposition spokesman at his home in the capital on Thursday.",
     "ARREST"),
    ("Customs officers broke up a ring smuggling cocaine through the northern port.",
     "ORG_CRIME"),
    ("Two men robbed a jewellery shop in the old town and fled on a motorbike.", "ORG_CRIME"),
    # territory and bases
    ("Government troops recaptured the river town of Osso from rebels after a week.",
     "GOV_REGAINS_TERIT"),
    ("Insurgents seized control of a district centre in the eastern province on Friday.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Militants took over two villages near the border after soldiers pulled back.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("The army has set up a new military base on the outskirts of the town.",
     "HQ_ESTABLISHED"),
    # demonstrations
    ("Thousands of teachers marched peacefully through the capital to demand higher pay.",
     "PEACE_PROTEST"),
    ("Protesters threw stones at police and set tyres on fire outside the town hall.",
     "VIOL_DEMONSTR"),
    ("Police fired tear gas to disperse a sit-in by students outside the ministry.",
     "PROTEST_WITH_INTER"),
    ("Security forces opened fire on peaceful protesters, killing three of them.",
     "FORCE_AGAINST_PROTEST"),
    # armed violence
    ("A suicide bomber blew himself up at a wedding hall, killing eleven guests.", "SUIC_BOMB"),
    ("Warplanes bombed a market in the rebel-held town, killing at least eight people.",
     "AIR_STRIKE"),
    ("Mortar shells landed on a residential street in the city centre on Sunday.",
     "ART_MISS_ATTACK"),
    ("An attacker threw a grenade into a crowded bus station, wounding six.", "GRENADE"),
    ("A roadside bomb struck a minibus carrying farm workers, killing four.", "REM_EXPLOS"),
    ("Activists said regime forces used chlorine gas against the besieged suburb.", "CHEM_WEAP"),
    ("Rebels attacked an army checkpoint overnight, and soldiers returned fire for hours.",
     "ARMED_CLASH"),
    ("Fierce clashes broke out between two rival militias on the edge of the city.",
     "ARMED_CLASH"),
    ("Gunmen stormed a village and killed nine civilians as they slept.", "ATTACK"),
    ("Looters ransacked dozens of shops in the township overnight.", "PROPERTY_DISTRUCT"),
    # strategic developments
    ("The two parties signed a peace agreement in the capital on Tuesday.", "AGREEMENT"),
    ("Hundreds of soldiers defected from the presidential guard to join the opposition.",
     "CHANGE_TO_GROUP_ACT"),
]



def _label(text: str, ev: Event | None) -> str:
    return acled.sub_event(text, acled.EventFacts.of(ev) if ev is not None else None)


@pytest.mark.parametrize(("text", "label"), CASES)
def test_text_cues_label_snippets(text: str, label: str) -> None:
    assert _label(text, None) == label


def test_event_backs_off_when_text_has_no_cue() -> None:
    text = "The delegations met for a third round in the lakeside town."
    ev = event(text, "CONSULT", "met")
    assert _label(text, ev) == "DIPLO"
    assert _label("Nothing of note today.", None) == acled.DEFAULT_LABEL


def test_armed_sectors_on_both_sides_make_a_clash() -> None:
    text = "Insurgents ambushed the unit near the pass."
    ev = event(text, "ASSAULT", "ambushed", actors=(part(text, "Insurgents", sector="REB"),),
               recipients=(part(text, "the unit", sector="MIL"),))
    assert acled.event_code(acled.EventFacts.of(ev)) == "ARMED_CLASH"
    assert _label(text, ev) == "ARMED_CLASH"


def test_event_modes_pick_the_weapon() -> None:
    text = "The village was hit on Monday."
    ev = event(text, "ASSAULT", "hit", modes=("aerial",))
    assert _label(text, ev) == "AIR_STRIKE"
    ev = event(text, "ASSAULT", "hit", modes=("heavy-weapons",))
    assert _label(text, ev) == "ART_MISS_ATTACK"


def test_riot_police_alone_does_not_make_a_riot() -> None:
    text = "Riot police watched as hundreds of pensioners rallied outside parliament."
    assert _label(text, None) == "PEACE_PROTEST"


def test_the_event_category_bounds_what_the_text_may_say() -> None:
    # an agreement reported beside a raid stays an agreement
    text = ("The two ministers agreed on Monday to set up joint patrols after a deadly raid "
            "on herders last month.")
    ev = event(text, "AGREE", "agreed")
    assert _label(text, ev) == "AGREEMENT"
    assert acled.acled_names(_label(text, ev)) == ("Strategic developments", "Agreement")


def test_a_group_name_is_not_a_territory_verb() -> None:
    text = ("A bomb exploded near a bus depot, and the little-known Valley Liberation Front "
            "claimed the attack.")
    ev = event(text, "ASSAULT", "exploded", modes=("explosives",))
    assert _label(text, ev) == "REM_EXPLOS"


def test_a_release_is_no_territory_transfer() -> None:
    text = "The detained reporter was freed after two days."
    ev = event(text, "RETREAT", "freed", modes=("release",))
    assert acled.event_code(acled.EventFacts.of(ev)) == acled.DEFAULT_LABEL
