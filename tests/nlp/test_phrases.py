"""How far a participant's words reach (nlp/spans.phrase) on whole sentences."""

from __future__ import annotations

import pytest

from eventwire.model import make_article

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        # "shot dead two policemen": the adjective says what the shooting did
        ("Gunmen shot dead two policemen at a checkpoint on Monday.", "two policemen"),
        ("Gunmen shot dead the mayor of the town on Monday.", "the mayor of the town"),
        # in its place, before the noun, an adjective stays
        ("Gunmen shot two young policemen at a checkpoint on Monday.", "two young policemen"),
    ],
)
def test_a_resultative_adjective_is_not_the_victims(pipeline, text, victim):
    record = pipeline.extract(make_article(text, published="2026-03-04"))
    shot = next(e for e in record.events if e.trigger.text == "shot")
    assert [p.text for p in shot.recipients] == [victim]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the tokenizer cuts a hyphenated word; the record's trigger is the whole word, and
        # its offsets slice the text exactly
        ("Hundreds of teachers staged a sit-in outside parliament on Tuesday.", "sit-in"),
        ("A robber pistol-whipped the shop's owner on Monday night.", "pistol-whipped"),
    ],
)
def test_a_hyphenated_trigger_is_the_whole_word(pipeline, text, word):
    record = pipeline.extract(make_article(text, published="2026-03-04"))
    triggers = [e.trigger for e in record.events if e.category in {"PROTEST", "ASSAULT"}]
    assert [t.text for t in triggers] == [word]
    assert all(text[t.start:t.end] == t.text for t in triggers)
