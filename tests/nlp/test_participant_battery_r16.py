"""Participants round 11: sentences of our own for the error classes read on political news
nobody scored (PolNeAR's training split, docs/EVALUATION.md "Participants, round 11"): the
owner of a call, a demand, a proposal or an order for an act is its side, not the call nor
whoever answers it; what a copula's subject is said to be, in a list, stands for the
subject's name; a place a protest is named after is where it is, not who protests; the
forces of a deployment are a side, not whom it is done to; a description in apposition
with a name is that person. A case is read as the incident scorer reads it (``people_ok``:
gold ``[]`` wants none, else one predicted participant shares a content word with one gold
string); ``None`` is not checked. What we leave is a strict ``xfail`` with why."""

from __future__ import annotations

import pytest

from eventwire.evaluate.incidents import people_ok
from eventwire.model import Event, make_article

from .records import known_failure

pytestmark = pytest.mark.model

_known = known_failure

# (text, category, a word of the act's mention, actors, recipients)
BATTERY = [
    # -- the owner of a call, a demand, a proposal or an order -------------------------------
    ("The senator renewed his call for a ban on foreign journalists entering the country.",
     "COERCE", "ban", ["The senator"], ["foreign journalists"]),
    ("The council rejected the president's proposal to ban opposition rallies in the capital.",
     "COERCE", "ban", ["the president"], None),
    ("The governor's demand for the arrest of the editor drew criticism.",
     "COERCE", "arrest", ["The governor"], ["the editor"]),
    ("Lawmakers debated the government's decision to expel two foreign diplomats.",
     "SANCTION", "expel", ["the government"], ["two foreign diplomats"]),
    ("The opposition condemned the call for a ban on street protests.",
     "COERCE", "ban", [], None),
    ("Reporters asked about the general's order to detain the striking miners.",
     "COERCE", "detain", ["the general"], ["the striking miners"]),
    # -- what a copula's subject is said to be, in a list -------------------------------------
    # (a ban vowed is what the vow threatens: one THREATEN, test_wire_acts_round16.py)
    ("Omar Bakri is a liar, a thug and a bully who has vowed to ban all foreign charities.",
     "THREATEN", "vowed", ["Omar Bakri"], ["all foreign charities"]),
    ("Lena Voss is a populist, a nationalist and a hardliner who has pledged to deport "
     "thousands of asylum seekers.",
     "COERCE", "deport", ["Lena Voss"], ["thousands of asylum seekers"]),
    # -- a place a protest is named after -----------------------------------------------------
    ("Thousands of people attended a Denver rally on Saturday.",
     "PROTEST", "rally", ["Thousands of people"], []),
    ("Farmers from three provinces joined a Lyon march against the new fuel tax.",
     "PROTEST", "march", ["Farmers"], None),
    # -- the forces of a deployment ----------------------------------------------------------
    pytest.param("Hundreds joined a rally with the opposition leader in the city centre.",
                 "PROTEST", "rally", ["Hundreds", "the opposition leader"], [],
                 marks=_known("who is 'with' a rally is read as whom it is against; the "
                              "rule that made them a side was dropped (PLOVER target_f1 "
                              "0.2818 -> 0.2784)")),
    ("The army announced the deployment of 3,000 troops to the border region.",
     "MOBILIZE", "deployment", ["The army", "3,000 troops"], []),
    ("The ministry confirmed the deployment of additional missile defences in the north.",
     "MOBILIZE", "deployment", None, []),
    # -- a description in apposition with a name --------------------------------------------
    ("Prosecutors charged Karl Weiss, the hedge fund executive arrested in May, with fraud.",
     "COERCE", "arrested", None, ["Karl Weiss"]),
    ("The protest leader, Tomas Riva, was arrested outside the ministry.",
     "COERCE", "arrested", None, ["Tomas Riva"]),
    # -- left (strict xfail) ----------------------------------------------------------------
    pytest.param("Critics condemned the governor's call to deport thousands of seasonal "
                 "workers.", "COERCE", "deport", ["the governor"], None,
                 marks=_known("the small model hangs 'to deport' on 'condemned' as an "
                              "adverbial clause, not on 'call': the critics' clause")),
    pytest.param("The president called for a ban on foreign charities.",
                 "COERCE", "ban", ["The president"], None,
                 marks=_known("the verb 'called for' gives its subject to a protest only "
                              "('the union called for strikes'); for a ban or an arrest "
                              "who calls is often not who would do it (not extended)")),
    pytest.param('"We would consider it," the minister said of a possible travel ban.',
                 "SANCTION", "ban", [], None,
                 marks=_known("who speaks 'of' a measure is read as its subject; a rule "
                              "against it was dropped (PLOVER source_f1 0.5558 -> 0.5530)")),
    pytest.param("The Madrid terrorist attacks changed the election.",
                 "ASSAULT", "attacks", [], None,
                 marks=_known("the adjective 'terrorist' is read as who attacked; whether a "
                              "coder lists it is a codebook question left open")),
    pytest.param("The film follows a young reporter kidnapped, and later befriended, by a "
                 "gang of smugglers.",
                 "ASSAULT", "kidnapped", ["a gang of smugglers"], ["a young reporter"],
                 marks=_known("a participle hung on a noun with an agent after a second, "
                              "coordinated participle: the noun is read as the doer")),
]


def _pick(events: list[Event], category: str, word: str) -> Event | None:
    for e in events:
        if e.category == category and any(word in m.text or m.text in word
                                           for m in e.mentions):
            return e
    return None


@pytest.mark.parametrize(("text", "category", "word", "actors", "recipients"), BATTERY)
def test_participant_battery_r16(pipeline, text, category, word, actors, recipients):
    events = list(pipeline.extract(make_article(text)).events)
    ev = _pick(events, category, word)
    assert ev is not None, [(e.category, [m.text for m in e.mentions]) for e in events]
    said = {"actors": [(p.text, p.name) for p in ev.actors],
            "recipients": [(p.text, p.name) for p in ev.recipients]}
    if actors is not None:
        assert people_ok(actors, ev.actors), said
    if recipients is not None:
        assert people_ok(recipients, ev.recipients), said


# -- what the round's rules must not do ---------------------------------------------------

def test_a_town_a_protest_is_named_after_is_no_protester(pipeline):
    ev = _pick(list(pipeline.extract(make_article(
        "Organisers said a Glasgow march drew 10,000 people.")).events), "PROTEST", "march")
    assert ev is not None
    assert all("Glasgow" not in p.text for p in ev.actors)


def test_a_national_protest_keeps_its_side(pipeline):
    ev = _pick(list(pipeline.extract(make_article(
        "A student protest blocked the main road in the capital.")).events), "PROTEST",
        "protest")
    assert ev is not None
    assert [p.text for p in ev.actors] == ["student"]


def test_the_description_subject_keeps_its_words(pipeline):
    # between two descriptions the antecedent stays ("The mayor is ... a bully who ...")
    ev = _pick(list(pipeline.extract(make_article(
        "The mayor is a coward and a bully who wants to ban every street protest.")).events),
        "COERCE", "ban")
    assert ev is not None
    assert [p.text for p in ev.actors] == ["a bully"]
