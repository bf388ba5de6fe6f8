"""The world gazetteer (GeoNames places of 500+ people and admin1/admin2 areas) and the
document-aware ranker: spellings, namesakes, areas, nesting, nearness, the guard."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.geo import Gazetteer, GeoMatch, ResolveContext, resolve_document
from eventwire.geo.build import ALTERNATE, CITY, COUNTRY, COUNTY, NAME, Table, _Row, build_table
from eventwire.geo.resolver import area_after, container_after

KHARKIV, MYKOLAIV, SANAA, BOGOTA = 706483, 700569, 71137, 3688689
HELMAND, LASHKAR_GAH, KHARKIV_OBLAST = 1140043, 1134720, 706482
MOSCOW_IDAHO, LATAH_COUNTY = 5601538, 5598264
OXFORD_MS, LAFAYETTE_COUNTY_MS, OXFORD_GB = 4440076, 4432670, 2640729


def _one(match: GeoMatch | None) -> GeoMatch:
    assert match is not None
    return match


def test_every_populated_place_of_500_and_the_areas_are_there(gaz: Gazetteer) -> None:
    assert len(gaz) > 250_000
    # a Sahel market town and a US county seat, both far below 15,000 people
    djibo = _one(gaz.resolve("Djibo", context=ResolveContext(countries={"BF": 1})))
    assert (djibo.country, djibo.feature) == ("BF", "city")
    moscow_id = _one(gaz.resolve_pair("Moscow", "Idaho"))
    assert (moscow_id.geonameid, moscow_id.admin1, moscow_id.admin2_code) == (
        MOSCOW_IDAHO, "Idaho", "057")
    latah = _one(gaz.by_id(LATAH_COUNTY))
    assert (latah.feature, latah.precision, latah.admin1_code) == ("county", "region", "ID")
    # an area has a point inside it: Moscow, Idaho is the county seat of Latah County
    assert abs(latah.lat - moscow_id.lat) < 0.7 and abs(latah.lon - moscow_id.lon) < 0.7


def test_admin1_areas_of_other_countries_with_ids_and_points(gaz: Gazetteer) -> None:
    helmand = _one(gaz.resolve("Helmand"))
    assert (helmand.geonameid, helmand.feature, helmand.country) == (HELMAND, "admin1", "AF")
    assert 29.0 < helmand.lat < 33.0 and 62.0 < helmand.lon < 66.0
    oblast = _one(gaz.resolve("Kharkiv Oblast"))
    assert (oblast.geonameid, oblast.feature) == (KHARKIV_OBLAST, "admin1")
    assert _one(gaz.resolve("Ga.")).geonameid == 4197000  # the state now carries its id


@pytest.mark.parametrize(
    ("written", "geonameid"),
    [("Kharkiv", KHARKIV), ("Kharkov", KHARKIV), ("Mykolaiv", MYKOLAIV),
     ("Nikolaev", MYKOLAIV), ("Sana'a", SANAA), ("Sanaa", SANAA), ("Bogota", BOGOTA),
     ("Bogotá", BOGOTA)],
)
def test_spellings_and_transliterations(gaz: Gazetteer, written: str, geonameid: int) -> None:
    assert _one(gaz.resolve(written)).geonameid == geonameid


def test_a_city_named_like_its_province_is_the_city_unless_the_text_says_province(
    gaz: Gazetteer,
) -> None:
    # "Fighting spread across Kharkiv region on Sunday."  The oblast, not the city.
    text = "Fighting spread across Kharkiv region on Sunday."
    end = text.index(" region")
    assert area_after(text, end) and not area_after("Kharkiv State University", 7)
    [region] = resolve_document(gaz, ["Kharkiv"], areas=[True])
    assert _one(region).geonameid == KHARKIV_OBLAST
    [city] = resolve_document(gaz, ["Kharkiv"])
    assert _one(city).geonameid == KHARKIV
    # The province's own name, with its capital named beside it, stays the province.
    helmand, capital = resolve_document(gaz, ["Helmand", "Lashkar Gah"])
    assert (_one(helmand).geonameid, _one(capital).geonameid) == (HELMAND, LASHKAR_GAH)


def test_a_town_and_the_county_it_lies_in_choose_each_other(gaz: Gazetteer) -> None:
    # "Deputies from Lafayette County were called to a house outside Oxford."
    county, town = resolve_document(gaz, ["Lafayette County", "Oxford"])
    assert _one(county).geonameid == LAFAYETTE_COUNTY_MS
    assert _one(town).geonameid == OXFORD_MS
    assert _one(gaz.resolve("Oxford")).geonameid == OXFORD_GB  # alone: the English city


def test_a_state_written_beside_a_namesake_wins_over_the_european_city(gaz: Gazetteer) -> None:
    text = "Students in Moscow, Idaho, held a vigil."
    end = text.index(",")
    assert container_after(gaz, text, end) == "Idaho"
    [moscow] = resolve_document(gaz, ["Moscow"], containers=["Idaho"])
    assert _one(moscow).geonameid == MOSCOW_IDAHO


def test_a_small_place_far_from_all_the_others_is_refused(gaz: Gazetteer) -> None:
    # A report on three Ohio cities also naming "Djibo": refused, unless the text says where
    names = ["Columbus", "Dayton", "Toledo", "Djibo"]
    found = resolve_document(gaz, names)
    assert [m.country if m else None for m in found] == ["US", "US", "US", None]
    kept = resolve_document(gaz, names, containers=[None, None, None, "Burkina Faso"])
    assert _one(kept[3]).country == "BF"
    # ... and a country the document names is support enough
    with_country = resolve_document(gaz, [*names, "Burkina Faso"])
    assert _one(with_country[3]).country == "BF"


def test_nearness_to_the_documents_towns_picks_the_namesake(gaz: Gazetteer) -> None:
    # "Richmond" alone is the Virginia capital; beside Lexington and Berea it is the
    # Kentucky town (Madison County), an hour's drive away.
    assert _one(gaz.resolve("Richmond")).admin1_code == "VA"
    found = resolve_document(gaz, ["Lexington", "Berea", "Richmond", "Kentucky"])
    assert {m.admin1_code for m in found if m is not None} == {"KY"}


def test_table_round_trip_and_lookup(tmp_path: Path) -> None:
    rows = [
        _Row(10, "Alphaville", 10.0, 20.0, 1200, CITY, "XA", "01", "001", ["Alfaville"]),
        _Row(11, "Betatown", 10.5, 20.5, 800, CITY, "XA", "01", "002"),
        _Row(5, "Xanadu", 12.0, 22.0, 2000, COUNTRY, "XA"),
        _Row(12, "North County", 10.2, 20.2, 2000, COUNTY, "XA", "01", "001", ["North"]),
    ]
    path = tmp_path / "t.bin"
    build_table(rows).write(path)
    table = Table.read(path)
    assert list(table.ids) == [5, 10, 11, 12]  # sorted by geonameid
    gaz = Gazetteer(table=table)
    alpha = gaz.lookup("Alfaville")
    assert [(c.match.geonameid, c.how) for c in alpha] == [(10, "alternate")]
    assert _one(gaz.by_id(12)).feature == "county"
    assert _one(gaz.country("XA")).name == "Xanadu"
    assert gaz.lookup("Gamma") == []
    assert (NAME, ALTERNATE) == (0, 1)


def test_loads_fast_once_built(gaz: Gazetteer) -> None:
    start = time.perf_counter()
    Gazetteer()
    assert time.perf_counter() - start < 2.0
