"""The merge stage on whole sentences: when two mentions are one act and when they are
two. Each rule has sentences written for it, the split beside the join it must not break.
These run the English model (the parse and the gazetteer are what the rules read), so
they carry the ``model`` marker."""

from __future__ import annotations

import pytest

from eventwire.model import Event, make_article
from eventwire.nlp.pipeline import Pipeline

pytestmark = pytest.mark.model


def _assaults(pipeline: Pipeline, text: str) -> list[Event]:
    record = pipeline.extract(make_article(text, published="2026-03-04"))
    return [e for e in record.events if e.category == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # another state: another act, though the country is the same
        ("A bomb exploded in a market in Dallas on Saturday, injuring 12 people. Officials "
         "said there was no sign of a link to the attack in Minnesota.", 2),
        # the same town, or the state it is in: the same act told again
        ("A bomb exploded in a market in Dallas on Saturday, injuring 12 people. The attack "
         "in Dallas shocked residents.", 1),
        ("A bomb exploded in a market in Dallas on Saturday, injuring 12 people. The attack "
         "in Texas shocked residents.", 1),
    ],
)
def test_an_act_in_another_state_is_another_act(pipeline: Pipeline, text: str, n: int) -> None:
    assert len(_assaults(pipeline, text)) == n
