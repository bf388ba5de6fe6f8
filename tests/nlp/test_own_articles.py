"""Extraction on articles the project wrote itself (tests/fixtures, examples/)."""

from __future__ import annotations

import pytest

from eventwire.model import make_article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def bogota(pipeline, fixtures_dir):
    text = (fixtures_dir / "commander_shot.txt").read_text(encoding="utf-8")
    return pipeline.extract(make_article(text, published="2026-03-10"))


def test_one_current_shooting_with_its_fields(bogota):
    current = [e for e in bogota.events if e.category == "ASSAULT" and e.status == "asserted"]
    assert len(current) == 1
    ev = current[0]
    assert "firearms" in ev.modes
    assert ev.place is not None and ev.place.country == "CO" and ev.place.name == "Bogotá"
    assert ev.time is not None and ev.time.date == "2026-03-10"
    assert any("gunmen" in a.text for a in ev.actors)
    assert ev.actors[0].sector == "UAF"
    assert ev.responsibility is not None and ev.responsibility.unclaimed_stated


def test_background_bombing_is_historical_with_casualties(bogota):
    old = [e for e in bogota.events if e.time and e.time.date == "2021-08"]
    assert old and all(e.status == "historical" for e in old)
    assert old[0].outcome is not None and old[0].outcome.dead == 2
    assert "explosives" in old[0].modes


def test_accusation_without_evidence(bogota):
    acc = [e for e in bogota.events if e.category == "ACCUSE" and e.trigger.text == "blamed"]
    assert acc and acc[0].actors[0].name == "Lucía Arboleda"


def test_no_date_means_unresolved(pipeline, fixtures_dir):
    text = (fixtures_dir / "commander_shot.txt").read_text(encoding="utf-8")
    rec = pipeline.extract(make_article(text))
    for e in rec.events:
        if e.time is not None and e.time.anchor == "none":
            assert e.time.date is None
        assert e.time is None or e.time.anchor != "published"


def test_same_input_same_record(pipeline, fixtures_dir):
    text = (fixtures_dir / "protest_dispersed.txt").read_text(encoding="utf-8")
    a = pipeline.extract(make_article(text, published="2026-03-01"))
    b = pipeline.extract(make_article(text, published="2026-03-01"))
    assert a == b
