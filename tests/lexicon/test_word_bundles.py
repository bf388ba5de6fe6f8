"""The stages' word bundles: built from the lexicon once, checked where they can be (a
sector is a PLOVER sector, a factuality a model.Factuality, a condition a model.Condition,
a cue one the ACLED rules read), with a clear LexiconError otherwise."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pytest

from eventwire import acled
from eventwire.lexicon import Lexicon, LexiconError, load_lexicon
from eventwire.lexicon.actors import ActorWords
from eventwire.nlp.resources import Resources
from eventwire.nlp.stages import DEFAULT_STAGES
from eventwire.nlp.stages.attribution import StatementWords
from eventwire.nlp.stages.outcome import _Counts


def _with(**tables: Any) -> Lexicon:
    """The English lexicon with some tables replaced (``actors__sector_nouns=...``)."""
    lex = load_lexicon()
    new = dict(lex.tables)
    for key, value in tables.items():
        new[key.replace("__", ".")] = (
            MappingProxyType(value) if isinstance(value, dict) else value
        )
    return Lexicon(language="en", tables=MappingProxyType(new))


def test_the_english_bundle_builds() -> None:
    lex = load_lexicon()
    actors = ActorWords(lex)
    assert actors.sector_nouns["soldier"] == "MIL" and actors.titles["gen."] == "general"
    assert actors.titles["mr"] is None and actors.org_sectors["ISIS"] == ("REB", None)
    assert actors.leader_countries["zelensky"] == "UA"
    assert actors.relation_nouns["boss"] == "superior_of"
    words = StatementWords(Resources(lexicon=lex))
    assert words.reporting["deny"] == "denied" and words.reporting["say"] == "reported"
    assert words.according_to == (("according", "to"),)
    assert acled.cues(lex).natural.search("A magnitude 6 earthquake struck")


def test_a_sector_that_is_no_plover_sector_is_refused() -> None:
    lex = _with(actors__sector_nouns={"MIL": ("soldier",), "ARMY": ("trooper",)})
    with pytest.raises(LexiconError, match="'ARMY' is not one of"):
        ActorWords(lex)


def test_a_noun_under_two_sectors_is_refused() -> None:
    lex = _with(actors__sector_nouns={"MIL": ("officer",), "COP": ("officer",)})
    with pytest.raises(LexiconError, match="'officer' is under both 'MIL' and 'COP'"):
        ActorWords(lex)


def test_an_organisation_needs_a_sector_and_a_country_code() -> None:
    with pytest.raises(LexiconError, match="not a PLOVER sector"):
        ActorWords(_with(actors__org_sectors={"Azov": {"sector": "Army"}}))
    with pytest.raises(LexiconError, match="no ISO country code"):
        ActorWords(_with(actors__org_sectors={"Azov": {"sector": "MIL", "country": "Ukr"}}))


def test_a_reporting_verb_needs_a_factuality() -> None:
    lex = _with(statements__reporting_verbs={"reported": ("say",), "certain": ("know",)})
    with pytest.raises(LexiconError, match="'certain' is not a factuality"):
        StatementWords(Resources(lexicon=lex))


def test_a_condition_needs_a_model_condition() -> None:
    lex = _with(outcome__conditions={"critical": ("critically",), "grave": ("gravely",)})
    res = Resources(lexicon=lex)
    with pytest.raises(LexiconError, match="'grave' is not one of"):
        _Counts(res.numbers, lex)


def test_acled_cues_are_checked_when_compiled() -> None:
    cues = dict(load_lexicon().mapping("acled.cues"))
    with pytest.raises(LexiconError, match="'riots' is read by no rule"):
        acled.Cues(_with(acled__cues={**cues, "riots": ("riots?",)}))
    del cues["natural"]
    with pytest.raises(LexiconError, match=r"no cue 'acled\.cues\.natural'"):
        acled.Cues(_with(acled__cues=cues))
    cues = dict(load_lexicon().mapping("acled.cues"))
    with pytest.raises(LexiconError, match=r"cue 'acled\.cues\.mob'"):
        acled.Cues(_with(acled__cues={**cues, "mob": ("mobs?(",)}))


def test_a_broken_lexicon_fails_when_the_pipeline_is_built() -> None:
    """Each stage prepares its words when the pipeline is built, not on the first article."""
    lex = _with(statements__reporting_verbs={"certain": ("know",)})
    res = Resources(lexicon=lex)
    with pytest.raises(LexiconError, match="not a factuality"):
        for stage in DEFAULT_STAGES:
            if stage.prepare is not None:
                stage.prepare(res)
