"""Toponyms the NER misses or mislabels, recovered by the places stage (own texts; the
model is the point): places inside institutions' names, a name repeated where the NER saw
nothing, a legislator's home, an abbreviation's period, an inline dateline."""

from __future__ import annotations

import pytest

from eventwire.model import Record, make_article

pytestmark = pytest.mark.model


def _places(record: Record) -> dict[str, tuple[str | None, int | None]]:
    """Mention text -> (entity name, geonameid) of every GPE/LOC mention."""
    text = record.article.text
    return {
        text[m.start:m.end]: (e.name, e.geonameid)
        for e in record.entities if e.type in ("GPE", "LOC") for m in e.mentions
    }


def test_a_place_inside_an_institutions_name_is_a_toponym(pipeline):
    text = ("Officers of the Fargo Police Department arrested two men on Tuesday after a "
            "break-in at a pharmacy, a spokesman said.")
    record = pipeline.extract(make_article(text, published="2026-03-04"))
    places = _places(record)
    assert "Fargo" in places and "Fargo Police Department" not in places
    entity = next(e for e in record.entities if e.type == "GPE" and e.name == "Fargo")
    assert entity.geonameid == 5059163  # Fargo, North Dakota


def test_a_legislators_home_in_the_party_tag(pipeline):
    text = ("Sen. Ann Boyd, R-Fairfax, said on Monday that the bill would reach the floor "
            "next week.")
    places = _places(pipeline.extract(make_article(text, published="2026-03-04")))
    assert "Fairfax" in places


def test_an_abbreviated_state_keeps_its_period(pipeline):
    text = "Two men were arrested in Charleston, W.Va. on Friday after a chase."
    places = _places(pipeline.extract(make_article(text, published="2026-03-07")))
    assert "W.Va." in places and "W.Va" not in places


def test_a_dateline_after_the_headline_on_the_same_line(pipeline):
    text = ("Storm closes three schools. NEWARK -- A storm tore the roofs off three schools "
            "on Monday, officials said. Crews worked through the night.")
    record = pipeline.extract(make_article(text, published="2026-03-03"))
    assert "NEWARK" in _places(record)


def test_a_place_named_again_where_the_ner_saw_nothing(pipeline):
    text = ("Flood waters rose in Moorhead on Sunday. By Monday evening Moorhead had "
            "filled 40,000 sandbags, and volunteers from Moorhead worked in shifts.")
    record = pipeline.extract(make_article(text, published="2026-03-03"))
    starts = {m.start for e in record.entities if e.type in ("GPE", "LOC")
              for m in e.mentions if text[m.start:m.end] == "Moorhead"}
    assert len(starts) == 3


def test_a_base_named_after_its_town_is_in_that_town(pipeline):
    rec = pipeline.extract(make_article(
        "A suicide bomber killed six soldiers at Bagram Airfield in Afghanistan on Monday.",
        published="2026-03-07"))
    [ev] = [e for e in rec.events if e.category == "ASSAULT"]
    assert ev.place is not None and ev.place.country == "AF"
    assert ev.place.text == "Bagram"
