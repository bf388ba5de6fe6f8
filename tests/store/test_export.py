"""Exports: ACLED-style CSV, JSON Lines and GeoJSON written from stored events."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import kharkiv_record, paris_record

from eventwire.export import (
    CSV_COLUMNS,
    acled_type,
    export_csv,
    export_geojson,
    export_jsonl,
    interaction_code,
)
from eventwire.model import record_from_dict
from eventwire.store import EventFilter, EventRow, Store

K = kharkiv_record()
KILLING, ARREST, OLD_ATTACK = (e.id for e in K.events)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'events.db'}") as s:
        s.write(K)
        s.write(paris_record())
        yield s


def test_csv_header_and_values(store: Store) -> None:
    out = io.StringIO()
    n = export_csv(store.iter_events(EventFilter(categories=("ASSAULT",))), out)
    assert n == 2
    out.seek(0)
    reader = csv.DictReader(out)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    lines = {row["event_id_cnty"]: row for row in reader}
    assert set(lines) == {KILLING, OLD_ATTACK}
    row = lines[KILLING]
    assert row == {
        "event_id_cnty": KILLING,
        "event_date": "2026-03-02",
        "year": "2026",
        "time_precision": "1",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Gunmen",
        "assoc_actor_1": "",
        "inter1": "8",
        "actor2": "Taras Hrytsenko",
        "assoc_actor_2": "",
        "inter2": "7",
        "interaction": "78",
        "country": "UA",
        "admin1": "Kharkivska",
        "location": "Kharkiv",
        "latitude": "49.98",
        "longitude": "36.25",
        "geo_precision": "1",
        "source": "Eventwire",
        "source_scale": "",
        "notes": K.events[0].evidence[0].text,
        "fatalities": "1",
        "plover_category": "ASSAULT",
        "plover_modes": "firearms;targeted",
        "status": "asserted",
        "injured": "2",
        "article_url": "https://news.example/kharkiv-councillor",
        "article_id": K.article.id,
    }
    old = lines[OLD_ATTACK]
    assert (old["event_date"], old["year"], old["time_precision"]) == ("2019", "2019", "3")
    assert (old["actor1"], old["inter1"], old["interaction"]) == ("", "", "")
    assert old["latitude"] == ""


def test_csv_protest_and_arrest_rows(store: Store) -> None:
    out = io.StringIO()
    export_csv(store.iter_events(EventFilter(categories=("PROTEST", "COERCE"))), out)
    out.seek(0)
    rows = {r["plover_category"]: r for r in csv.DictReader(out)}
    protest = rows["PROTEST"]
    assert (protest["event_type"], protest["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert (protest["inter1"], protest["interaction"]) == ("6", "60")
    assert protest["fatalities"] == "0"
    arrest = rows["COERCE"]
    # protesters arrested during a rally: ACLED codes the protest, with intervention
    assert (arrest["event_type"], arrest["sub_event_type"]) == (
        "Protests", "Protest with intervention"
    )
    assert arrest["event_date"] == "2026-03-03"  # the published date stands in
    assert arrest["time_precision"] == "3"
    assert (arrest["inter1"], arrest["inter2"], arrest["interaction"]) == ("1", "7", "17")


def test_jsonl_rows_and_records(store: Store) -> None:
    out = io.StringIO()
    assert export_jsonl(store.iter_events(), out) == 4
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 4
    assert {d["id"] for d in lines} >= {KILLING, ARREST}
    killing = next(d for d in lines if d["id"] == KILLING)
    assert killing["modes"] == ["firearms", "targeted"]
    assert killing["title"] == "Gunmen kill Kharkiv councillor"

    out = io.StringIO()
    assert export_jsonl([K, paris_record()], out) == 2
    first = json.loads(out.getvalue().splitlines()[0])
    assert record_from_dict(first) == K


def test_geojson_structure(store: Store) -> None:
    out = io.StringIO()
    written, skipped = export_geojson(store.iter_events(), out)
    assert (written, skipped) == (3, 1)  # the 2019 attack has no coordinates
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert doc["skipped_without_coordinates"] == 1
    assert len(doc["features"]) == 3
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (feature["properties"]["lat"], feature["properties"]["lon"])
        assert feature["id"] == feature["properties"]["id"]
    assert OLD_ATTACK not in {f["id"] for f in doc["features"]}


def test_geojson_empty_is_valid() -> None:
    out = io.StringIO()
    assert export_geojson(iter(()), out) == (0, 0)
    assert json.loads(out.getvalue())["features"] == []


def test_exports_write_while_iterating(store: Store) -> None:
    """The exporter has written the first line before the second row is produced."""
    out = io.StringIO()
    seen: list[int] = []

    def rows() -> Iterator[EventRow]:
        for row in store.iter_events():
            seen.append(len(out.getvalue()))
            yield row

    export_jsonl(rows(), out)
    assert seen[0] == 0 and seen[1] > 0


@pytest.mark.parametrize(
    ("category", "modes", "actors", "recipients", "expected"),
    [
        ("ASSAULT", ("explosives",), (), (), ("Explosions/Remote violence",
                                               "Remote explosive/landmine/IED")),
        ("ASSAULT", ("explosives", "suicide-attack"), (), (),
         ("Explosions/Remote violence", "Suicide bomb")),
        ("ASSAULT", ("drone",), ("MIL",), ("REB",),
         ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", ("heavy-weapons",), (), (),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("ASSAULT", ("unconventional",), (), (), ("Explosions/Remote violence",
                                                  "Chemical weapon")),
        ("ASSAULT", ("firearms",), ("MIL",), ("REB",), ("Battles", "Armed clash")),
        ("ASSAULT", ("firearms",), ("MIL", "REB"), (), ("Battles", "Armed clash")),
        ("ASSAULT", ("firearms",), ("REB",), ("CVL",), ("Violence against civilians", "Attack")),
        ("ASSAULT", ("abduct",), ("REB",), ("CVL",),
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("ASSAULT", ("sexual",), (), (), ("Violence against civilians", "Sexual violence")),
        ("PROTEST", ("demo",), ("CVL",), (), ("Protests", "Peaceful protest")),
        ("PROTEST", ("riot",), ("CVL",), (), ("Riots", "Violent demonstration")),
        ("COERCE", ("arrest",), ("COP",), ("CVL",), ("Strategic developments", "Arrests")),
        ("AGREE", (), (), (), ("Strategic developments", "Agreement")),
        ("THREATEN", (), (), (), ("Strategic developments", "Other")),
    ],
)
def test_acled_type(
    category: str,
    modes: tuple[str, ...],
    actors: tuple[str, ...],
    recipients: tuple[str, ...],
    expected: tuple[str, str],
) -> None:
    assert acled_type(category, modes, actors, recipients) == expected


def test_interaction_code() -> None:
    assert interaction_code(7, 1) == "17"
    assert interaction_code(1, None) == "10"
    assert interaction_code(None, 2) == ""
