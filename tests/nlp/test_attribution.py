"""Who said what: the rule-based attribution stage on sentences written for these tests
(the trained stage, the default, is tested in test_attribution_model.py)."""

from __future__ import annotations

import pytest

from eventwire.model import make_article

from .statements import statements


@pytest.fixture(scope="module")
def pipeline(settings, pipeline):
    """The session's pipeline with the rules chosen explicitly for attribution."""
    from eventwire.nlp.pipeline import Pipeline
    from eventwire.nlp.stage import replace_stages
    from eventwire.nlp.stages import DEFAULT_STAGES
    from eventwire.nlp.stages import attribution as rules

    return Pipeline(settings, nlp=pipeline.nlp, resources=pipeline.resources,
                    stages=replace_stages(DEFAULT_STAGES, {"attribution": rules.STAGE}))




@pytest.mark.parametrize(("text", "speaker", "cue", "content_start"), [
    ("Ms. Ortega said the convoy left at dawn.", "Ortega", "said", "the convoy"),
    # the small model lemmatises "hoped" as "hop"
    ("Mr. Baker hoped the regulators would approve the plan before winter.",
     "Baker", "hoped", "the regulators"),
    # a passive cue: the by-phrase speaks, the subject is what was reported
    ("The shortage was first reported by The Daily Ledger on Monday.",
     "Daily Ledger", "reported", "The shortage"),
    # "it" is an organisation or a document speaking with a verb of saying
    ("\u201cThe company will not close the plant,\u201d it added in a statement.",
     "it", "added", "The company"),
    ("The rebels fear that the truce will collapse.", "The rebels", "fear", "that the truce"),
    ("The senator likened the proposal to a blank check.", "The senator", "likened",
     "the proposal"),
    ("The governor has been critical of the budget cuts.", "The governor", "critical of",
     "the budget cuts"),
    ("According to the ministry, the convoy was hit twice.", "the ministry", "According to",
     "the convoy"),
])
def test_one_statement(pipeline, text, speaker, cue, content_start):
    found = statements(pipeline, text)
    assert any(
        s == speaker and c == cue and body.startswith(content_start) for s, c, body in found
    ), found


def test_a_pronoun_restating_its_speaker_is_not_a_second_statement(pipeline):
    found = statements(pipeline, "Ms. Ortega said she plans to appeal the ruling.")
    assert [(s, c) for s, c, _ in found] == [("Ortega", "said")]


def test_expletive_it_does_not_speak(pipeline):
    found = statements(pipeline, "It is unclear whether the bridge will reopen this year.")
    assert all(s != "It" for s, _, _ in found)


@pytest.mark.parametrize(("text", "source_type"), [
    ("Police said two men were arrested after the shooting in Leeds.", "police"),
    ("A police spokesman said the gunman fired at officers.", "police"),
    ("The statement said the attack had been carried out by a cell of four men.", "document"),
    ("According to the indictment, the defendant bought the rifle in March.", "document"),
    ("The report said 40 people died in the fighting.", "document"),
    ("Local media reported that the bomb went off near the market.", "media"),
    ("Reuters reported that the convoy was hit by two missiles.", "media"),
    ("The rebels said their fighters had shot down a helicopter.", "group"),
    ("Amnesty International said the soldiers killed at least nine civilians.", "group"),
    ("Wagner said its fighters had taken the village.", "group"),
    ("The Kremlin said the drone attack was an act of terrorism.", "official"),
    ("Interior Minister Anna Berg said 14 people had been detained.", "official"),
    # a politician is an official, not a witness
    ("Tom Reyes, a Republican congressman, said the shooting was a tragedy.", "official"),
    ("A resident, Maria Lopez, said she heard three explosions before dawn.", "witness"),
    ("Analysts said the strike signalled a new phase of the war.", "expert"),
])
def test_source_type(pipeline, text, source_type):
    record = pipeline.extract(make_article(text))
    assert [s.source_type for s in record.statements] == [source_type], record.statements
