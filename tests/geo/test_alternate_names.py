"""Alternate and former names: a town really called the name beats another city's old
name, unless the document's context points at that city's country."""

from __future__ import annotations

import pytest

from eventwire.geo import Gazetteer, GeoMatch, ResolveContext, resolve_document

SALISBURY_GB, SALISBURY_MD, HARARE = 2638664, 4368711, 890299
MOSCOW, KYIV, ABU_DHABI, WASHINGTON_DC, KINGSTON_JM = 524901, 703448, 292968, 4140963, 3489854


def _id(match: GeoMatch | None) -> int | None:
    assert match is not None
    return match.geonameid


def _one_name(match: GeoMatch | None) -> str:
    assert match is not None
    return match.name


def test_own_name_beats_a_larger_citys_colonial_name(gaz: Gazetteer) -> None:
    # "Salisbury" is an alternate name of Harare (pop. 1.5M) in GeoNames.
    assert _id(gaz.resolve("Salisbury")) == SALISBURY_GB
    assert HARARE in {c.geonameid for c in gaz.candidates("Salisbury")}  # still a candidate
    assert gaz.candidates("Salisbury")[-1].geonameid == HARARE


def test_news_document_mentioning_the_uk_gets_salisbury_england(gaz: Gazetteer) -> None:
    names = ["UK", "Salisbury", "Moscow", "Russia", "Washington", "Kyiv"]
    found = [m.geonameid if m else None for m in resolve_document(gaz, names)]
    assert found[1] == SALISBURY_GB
    assert found[2] == MOSCOW and found[4] == WASHINGTON_DC and found[5] == KYIV
    gb = _id(gaz.resolve("Salisbury", context=ResolveContext(countries={"GB": 1})))
    assert gb == SALISBURY_GB


def test_context_picks_among_own_name_towns_and_can_support_the_old_name(
    gaz: Gazetteer,
) -> None:
    md = resolve_document(gaz, ["Maryland", "Salisbury", "Baltimore"])
    assert _id(md[1]) == SALISBURY_MD
    # A document about Zimbabwe supports Harare's country: the old name may stand.
    zw = resolve_document(gaz, ["Zimbabwe", "Salisbury", "Bulawayo"])
    assert _id(zw[1]) == HARARE


@pytest.mark.parametrize(
    ("old", "city"),
    [("Bombay", "Mumbai"), ("Madras", "Chennai"), ("Calcutta", "Kolkata"),
     ("Peking", "Beijing"), ("Kiev", "Kyiv"), ("Leningrad", "Saint Petersburg"),
     ("Rangoon", "Yangon"), ("Bangalore", "Bengaluru")],
)
def test_former_names_news_still_uses(gaz: Gazetteer, old: str, city: str) -> None:
    match = gaz.resolve(old)
    assert match is not None and match.name == city, old


def test_hand_alias_beats_a_small_town_of_the_old_name(gaz: Gazetteer) -> None:
    # A South African town really is called Calcutta; the news alias still wins.
    assert any(c.country == "ZA" for c in gaz.candidates("Calcutta"))
    assert _one_name(gaz.resolve("Calcutta")) == "Kolkata"


def test_shared_names_resolve_sensibly(gaz: Gazetteer) -> None:
    assert _id(gaz.resolve("Kingston")) == KINGSTON_JM  # capital bonus kept
    kingston_on = gaz.resolve("Kingston", context=ResolveContext(admin1s={("CA", "08"): 1}))
    assert kingston_on is not None and kingston_on.country == "CA"
    santiago = gaz.resolve("Santiago")
    assert santiago is not None and santiago.country == "CL"
    victoria = gaz.resolve("Victoria")
    assert victoria is not None and victoria.country == "AU"  # the Australian state
    bc = resolve_document(gaz, ["British Columbia", "Victoria"])[1]
    assert bc is not None and (bc.country, bc.feature) == ("CA", "city")


def test_well_known_places(gaz: Gazetteer) -> None:
    assert _id(gaz.resolve("Moscow")) == MOSCOW
    assert _id(gaz.resolve("Kyiv")) == KYIV
    assert _id(gaz.resolve("Abu Dhabi")) == ABU_DHABI
    assert _id(gaz.resolve("Washington")) == WASHINGTON_DC
    uk = gaz.resolve("UK")
    assert uk is not None and (uk.country, uk.feature) == ("GB", "country")
