"""The English lexicon bundle: every file loads, every trigger is a valid PLOVER entry, and
word lists that decide opposite things never share a word."""

from __future__ import annotations

from eventwire.lexicon import load_lexicon
from eventwire.lexicon.triggers import read_compounds, read_triggers
from eventwire.vocab import CATEGORY_SPECS, INCIDENT_CATEGORIES


def test_every_trigger_is_a_valid_plover_entry() -> None:
    lex = load_lexicon()
    triggers = read_triggers(lex)  # raises on a bad category, mode, pos or sense
    assert triggers["shoot"].category == "ASSAULT" and triggers["shoot"].pos == "VERB"
    assert {t.category for t in triggers.values()} <= set(CATEGORY_SPECS)
    assert read_compounds(lex)["hunger"].category == "PROTEST"


def test_opposite_lists_share_no_word() -> None:
    lex = load_lexicon()
    abstract = lex.words("senses.abstract_objects")
    concrete = (lex.words("senses.concrete_targets") | lex.words("senses.ordinary_people")
                | lex.words("senses.armed_nouns"))
    assert not abstract & concrete
    assert not lex.words("senses.campaign_words") & lex.words("senses.protest_cues")


def test_the_incident_scope_is_the_codebooks_six() -> None:
    six = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION"}
    assert six == INCIDENT_CATEGORIES
