"""What a place lookup answers: ``GeoMatch`` (a place) and ``Candidate`` (a place and how
its name matched), and ``PlaceIndex``, the lookups the resolver needs from a gazetteer.

Its own module so that the gazetteer (which builds these) and the resolver (which ranks
them) both depend on it and not on each other: ``gazetteer -> resolver -> matches``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

# "county" is any GeoNames second-level area (a US county, a district, a raion, a cercle).
Feature = Literal["city", "county", "admin1", "country", "continent", "region"]
GeoPrecision = Literal["city", "region", "country"]
# How a name matched: its official name, a GeoNames alternate name, a hand alias, a
# nationality adjective, an abbreviation ("Ga.", "N.Y."), a postal code ("GA").
How = Literal["name", "alternate", "alias", "demonym", "abbreviation", "postal"]


@dataclass(frozen=True, slots=True)
class GeoMatch:
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None  # ISO-3166 alpha-2
    admin1: str | None  # admin1 name when known ("Georgia"), else None
    feature: Feature
    population: int
    precision: GeoPrecision
    admin1_code: str | None = None  # GeoNames admin1 code ("GA", "08")
    admin2_code: str | None = None  # GeoNames admin2 code ("121"), cities and counties


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match with how its name matched (the resolver weighs weak matches down)."""

    match: GeoMatch
    how: How


class PlaceIndex(Protocol):
    """The lookups the resolver makes (``Gazetteer`` provides them)."""

    @property
    def capitals(self) -> frozenset[int]: ...  # geonameids of national capitals

    def lookup(self, name: str) -> list[Candidate]: ...

    def admin1(self, iso: str, code: str) -> GeoMatch | None: ...


__all__ = ["Candidate", "Feature", "GeoMatch", "GeoPrecision", "How", "PlaceIndex"]
