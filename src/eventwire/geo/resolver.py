"""Choose one place for a toponym: feature priors, population, the document's other
places (a same-country / same-state vote weighted by mentions) and "City, State" pairs.

Scores are additive and explainable: a prior by feature (a country beats a city of the
same name), log10 population for cities (+ a bonus for national capitals, which news uses
as metonyms), a penalty for weak name matches, then context votes. Small towns and common
words are only taken when the document's context supports their country or state.

GeoNames alternate names include old and colonial names ("Salisbury" for Harare), so an
alternate-name match is weak: when a city of a fair size really is called that name, the
alternate ranks below it unless the context supports the alternate's country; an old name
entirely unlike the city's own name gets no capital bonus either. Old names news still
uses ("Bombay", "Calcutta") are hand aliases in ``names.CITY_ALIASES`` and stay strong.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TypeVar

from eventwire.geo import names as N
from eventwire.geo.build import bare_area_name
from eventwire.geo.distance import SphereGrid, haversine_km
from eventwire.geo.matches import Candidate, GeoMatch, PlaceIndex

_FEATURE_PRIOR = {"country": 10.0, "continent": 9.5, "region": 8.0}
# A first-level area by its size (log10 of its places' people + 2), within these bounds: a
# US state or a large province ~8.5-9, a small foreign district lower.
_ADMIN1_PRIOR = (2.0, 6.0, 9.0)
# A second-level area named in full ("Cook County", "Mopti Cercle"); by its bare name
# ("Cook") it is a weak reading, log10(people) - 1, that needs the context's support.
_COUNTY_FULL_PRIOR = 6.5
_COUNTY_BARE_OFFSET = -1.0
# An area named after its main city ("Sanaa", "Mopti", "Kandahar"): the bare name is the
# city when the city holds at least this share of the area's people.
_SEAT_SHARE = 0.1
# A first-level area smaller than its prior's floor gives way to a city bearing the name
# with this many times its people.
_DWARF_RATIO = 10
# A county named in full that other counties share ("Cook County"): taken without its
# state when it has this many people and this many times any namesake's.
_DOMINANT_POPULATION = 1_000_000
_DOMINANT_SHARE = 10
_HOW_PENALTY = {"alternate": -1.5, "postal": -1.0, "abbreviation": 1.0}
_OLD_NAME_PENALTY = -1.0  # on top of the alternate penalty
_SIMILAR_NAME_RATIO = 0.5  # at or above: a spelling variant ("Kiev"/"Kyiv"), not an old name
_CAPITAL_BONUS = 3.0
_COUNTRY_WEIGHT = 5.0
_ADMIN1_WEIGHT = 6.0
_PREFER_BONUS = 1.5
# A town inside a county the document names (or a county holding a town it names).
_NEST_WEIGHT = 2.5
_NEST_CAP = 2
# Near the document's other towns and counties: up to this bonus, falling to 0 at the range.
_NEAR_WEIGHT = 2.0
# A place just over the border of a country the document is about is in its region
# ("Israeli air strikes hit Gaza": the Gaza Strip, not Mozambique's Gaza province). GeoNames
# gives no neighbours; a candidate this close to the point of a country the document names
# counts as if its own country were named, at this share of that country's votes.
_REGION_KM = 150.0
_REGION_SHARE = 0.5
_NEAR_RANGE_KM = 250.0
# Below this a city needs support from the context (its country or state mentioned), unless
# no other place in the world bears the name and it has at least _UNIQUE_POPULATION people.
MIN_UNSUPPORTED_POPULATION = 15000
_UNIQUE_POPULATION = 1000

Key2 = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What the rest of the document says about where it is.

    ``countries``: ISO2 -> mentions; ``admin1s``: (ISO2, admin1 code) -> mentions;
    ``toponyms``: the document's other resolved places, one entry per mention (each votes
    for its country and state, and its point counts for nearness); ``prefer_country``: a
    hint such as the outlet's or the dateline's country; ``counties`` and ``towns``: how
    many other names of the document could be a county (a town) with this (ISO2, admin1,
    admin2) code; ``area``: the text calls the mention an area ("Helmand province")."""

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1s: Mapping[tuple[str, str], float] = field(default_factory=dict)
    toponyms: tuple[GeoMatch, ...] = ()
    prefer_country: str | None = None
    counties: Mapping[Key2, int] = field(default_factory=dict)
    towns: Mapping[Key2, int] = field(default_factory=dict)
    area: bool = False
    # resolve_document's stand-in for ``toponyms`` (the same places, indexed once per
    # round so that each mention's context costs no walk over all the others)
    document: _OtherPlaces | None = None

    def votes(self) -> tuple[Mapping[str, float], Mapping[tuple[str, str], float]]:
        """Shares (0..1) of mentions per country and per (country, admin1)."""
        if self.document is not None and not self.toponyms:
            return self.document.votes(self.countries, self.admin1s)
        countries: dict[str, float] = {}
        admin1s: dict[tuple[str, str], float] = {}
        for iso, n in self.countries.items():
            countries[iso] = countries.get(iso, 0.0) + n
        for key, n in self.admin1s.items():
            admin1s[key] = admin1s.get(key, 0.0) + n
        for match in self.toponyms:
            if match.country:
                countries[match.country] = countries.get(match.country, 0.0) + 1
                if match.admin1_code and match.feature != "country":
                    key = (match.country, match.admin1_code)
                    admin1s[key] = admin1s.get(key, 0.0) + 1
        total = sum(countries.values()) or 1.0
        return (
            {k: v / total for k, v in countries.items()},
            {k: v / total for k, v in admin1s.items()},
        )


EMPTY_CONTEXT = ResolveContext()


def _key2(m: GeoMatch) -> Key2 | None:
    if m.feature not in ("city", "county") or not m.admin2_code:
        return None
    return (m.country or "", m.admin1_code or "", m.admin2_code)


def _old_name(name: str, cand: Candidate) -> bool:
    """An alternate name that is not a spelling of the city's own name ("Salisbury" for
    Harare, "Leningrad"): no word in common and little alike letter by letter."""
    if cand.how != "alternate":
        return False
    query, own = N.fold(name), N.fold(cand.match.name)
    if set(query.split()) & set(own.split()):
        return False
    return SequenceMatcher(None, query, own).ratio() < _SIMILAR_NAME_RATIO


def _names_an_area(name: str) -> bool:
    """"Cook County", "Kharkiv Oblast", "Province of Lima": the name says it is an area."""
    return bare_area_name(name) is not None


def _prior(gazetteer: PlaceIndex, name: str, cand: Candidate) -> float:
    m = cand.match
    if m.feature == "city":
        score = math.log10(m.population + 1)
        if _old_name(name, cand):
            score += _OLD_NAME_PENALTY  # and no capital bonus: "Salisbury" is not Harare now
        elif m.geonameid in gazetteer.capitals:
            score += _CAPITAL_BONUS
    elif m.feature == "county":
        if _names_an_area(name):
            return _COUNTY_FULL_PRIOR + (_HOW_PENALTY["alternate"] if cand.how == "alternate"
                                         else 0.0)
        score = math.log10(m.population + 1) + _COUNTY_BARE_OFFSET
    elif m.feature == "admin1":
        offset, low, high = _ADMIN1_PRIOR
        score = min(high, max(low, offset + math.log10(m.population + 1)))
    else:
        score = _FEATURE_PRIOR[m.feature]
    return score + _HOW_PENALTY.get(cand.how, 0.0)


def _dwarfed(area: GeoMatch, cities: Sequence[Candidate]) -> bool:
    """Is this first-level area small (its prior raised to the floor) beside a city that
    bears the name as its own and has ten times its people?"""
    offset, low, _high = _ADMIN1_PRIOR
    if offset + math.log10(area.population + 1) >= low:
        return False
    return any(c.how == "name" and c.match.population >= _DWARF_RATIO * area.population
               for c in cities)


def _seat_of(cand: Candidate, cities: Sequence[Candidate]) -> Candidate | None:
    """The city an area is named after: a city inside the area, with a fair share of its
    people, that bears the queried name as its own, or as an alternate when the area does
    too ("Mykolaiv": the city and the oblast; "New York" is the state's own name)."""
    m = cand.match
    if m.feature not in ("admin1", "county"):
        return None
    for city in cities:
        c = city.match
        if city.how == "alternate" and cand.how != "alternate":
            continue
        if (c.country, c.admin1_code) != (m.country, m.admin1_code):
            continue
        if m.feature == "county" and c.admin2_code != m.admin2_code:
            continue
        if c.population >= _SEAT_SHARE * m.population:
            return city
    return None


def _supported(
    name: str, cand: Candidate, support: bool, ambiguous: bool, unique: bool, nested: bool,
) -> bool:
    m = cand.match
    if m.feature == "city":
        if N.fold(name) in N.COMMON_WORDS:
            return support
        if m.population < MIN_UNSUPPORTED_POPULATION:
            return support or (unique and cand.how == "name"
                               and m.population >= _UNIQUE_POPULATION)
        if cand.how == "alternate" and m.population < 100_000:
            return support
    if m.feature == "county":
        if not _names_an_area(name):
            return support  # "Cook" alone is a county only where the document is
        if cand.how != "name" or ambiguous:
            # "Franklin County" is in 24 states: only the document's state, or a town of
            # the document inside one of them, can pick one.
            return support or nested
    return True


def _dominant_county(name: str, candidates: Sequence[Candidate]) -> Candidate | None:
    """"Cook County", "Harris County": of the counties named in full by that name, the one
    of a million people or more and ten times the people of any other is the one a report
    means when it does not say the state (the others need their state named)."""
    if not _names_an_area(name):
        return None
    found = sorted((c for c in candidates if c.match.feature == "county" and c.how == "name"),
                   key=lambda c: -c.match.population)
    if len(found) < 2 or found[0].match.population < _DOMINANT_POPULATION:
        return None
    return found[0] if found[0].match.population >= _DOMINANT_SHARE * found[
        1].match.population else None


def _own_name_rival(cand: Candidate) -> bool:
    """A place that really is called the queried name (a city only from the size at which
    it needs no context): it outranks other places' alternate names."""
    m = cand.match
    if cand.how not in ("name", "alias") or m.feature == "county":
        return False
    return m.feature != "city" or m.population >= MIN_UNSUPPORTED_POPULATION


def _near_bonus(gazetteer: PlaceIndex, m: GeoMatch, context: ResolveContext) -> float:
    """Closer to the document's other towns and counties is likelier. National capitals
    are no anchor: news names them for their governments ("Washington said")."""
    if m.feature not in ("city", "county"):
        return 0.0
    best = _NEAR_RANGE_KM
    if context.document is not None:
        best = min(best, context.document.nearest_km(m))
    for other in context.toponyms:
        if (other.feature in ("city", "county") and other.geonameid != m.geonameid
                and other.geonameid not in gazetteer.capitals):
            best = min(best, haversine_km(m.lat, m.lon, other.lat, other.lon))
    return _NEAR_WEIGHT * (1.0 - best / _NEAR_RANGE_KM)


def _region_share(gazetteer: PlaceIndex, m: GeoMatch,
                  country_votes: Mapping[str, float]) -> float:
    """The share of the votes of the named countries whose point lies within
    ``_REGION_KM`` of this place (a town, county or state of another country)."""
    if m.feature == "country" or not country_votes:
        return 0.0
    country = getattr(gazetteer, "country", None)
    if country is None:
        return 0.0
    share = 0.0
    for iso, votes in country_votes.items():
        point = country(iso) if votes > 0 else None
        if point is not None and haversine_km(m.lat, m.lon, point.lat, point.lon) <= _REGION_KM:
            share += votes
    return _REGION_SHARE * share


def rank_candidates(
    gazetteer: PlaceIndex,
    name: str,
    candidates: Sequence[Candidate],
    context: ResolveContext | None = None,
) -> list[Candidate]:
    """Plausible candidates, best first (unsupported small/common-word towns dropped).

    A city matched by an alternate name ranks below every place that really bears the name
    unless the context supports its country or state (a much larger population alone does
    not let "Salisbury" mean Harare rather than Salisbury, England)."""
    context = context or EMPTY_CONTEXT
    country_votes, admin1_votes = context.votes()
    prefer = context.prefer_country
    counties = sum(1 for c in candidates if c.match.feature == "county" and c.how == "name")
    dominant = _dominant_county(name, candidates)
    unique = len({c.match.geonameid for c in candidates}) == 1
    rival = any(_own_name_rival(c) for c in candidates)
    own_cities = [c for c in candidates
                  if c.match.feature == "city" and c.how in ("name", "alias", "alternate")]
    scored: list[tuple[bool, float, Candidate]] = []
    seats: dict[int, Candidate] = {}
    for cand in candidates:
        m = cand.match
        c_share = country_votes.get(m.country or "", 0.0) or _region_share(
            gazetteer, m, country_votes)
        a_share = admin1_votes.get((m.country or "", m.admin1_code or ""), 0.0)
        preferred = prefer is not None and m.country == prefer
        key = _key2(m)
        nests = 0
        if key is not None:
            nests = (context.counties if m.feature == "city" else context.towns).get(key, 0)
        support = c_share > 0 or a_share > 0 or preferred or nests > 0
        if m.feature == "county" and _names_an_area(name):
            support = a_share > 0 or nests > 0
        if not _supported(name, cand, support, counties > 1, unique,
                          nests > 0 or cand is dominant):
            continue
        score = _prior(gazetteer, name, cand)
        if m.feature == "admin1" and _dwarfed(m, own_cities):
            # "Charlotte": a parish of 7,700 people does not outrank a city of 900,000 that
            # bears the name (the floor of a first-level area's prior is for areas of a
            # fair size); the area keeps its own size's prior
            score = _ADMIN1_PRIOR[0] + math.log10(m.population + 1) + _HOW_PENALTY.get(
                cand.how, 0.0)
        seat = None if context.area else _seat_of(cand, own_cities)
        if seat is not None:
            score = min(score, _prior(gazetteer, name, seat) - 1.0)
        score += _COUNTRY_WEIGHT * c_share + _ADMIN1_WEIGHT * a_share
        score += _PREFER_BONUS if preferred else 0.0
        score += _NEST_WEIGHT * min(nests, _NEST_CAP) + _near_bonus(gazetteer, m, context)
        shadowed = (
            rival and cand.how == "alternate" and m.feature == "city"
            and (not (c_share > 0 or a_share > 0 or preferred)
                 # "Orlando" beside San Bernardino: a town merely also called so is not
                 # lifted by its country's or state's votes above a city in the same
                 # country that bears the name with ten times its people (only a county
                 # the document names around it does)
                 or (nests == 0 and any(
                     r.how in ("name", "alias") and r.match.feature == "city"
                     and r.match.country == m.country
                     and r.match.population >= _DWARF_RATIO * m.population
                     for r in own_cities)))
        )
        scored.append((shadowed, score, cand))
        if seat is not None:
            seats[id(cand)] = seat
    if seats:
        # an area named after its seat stays below the seat after the document's votes too:
        # a town the document names inside the area supports the area ("Paredes de Nava"
        # for the province of Palencia) and not the seat, yet "in Palencia" is the town
        final = {id(c): sc for _, sc, c in scored}
        scored = [(sh, min(sc, final[id(seats[id(c)])] - 1.0)
                   if id(c) in seats and id(seats[id(c)]) in final else sc, c)
                  for sh, sc, c in scored]
    # "Helmand province": the areas the name may be come first, the rest stay as fallback
    scored.sort(key=lambda item: (
        context.area and item[2].match.feature not in ("admin1", "county"), item[0], -item[1],
    ))
    return [cand for _, _, cand in scored]


def _localise_county(match: GeoMatch, gazetteer: PlaceIndex, context: ResolveContext) -> GeoMatch:
    """A county without a seat of the same name sits near the document's towns in its
    state (local news names the county its towns are in); else at the state's point."""
    state = gazetteer.admin1("US", match.admin1_code or "")
    if state is None or (match.lat, match.lon) != (state.lat, state.lon):
        return match
    toponyms = (context.document.toponyms() if context.document is not None
                else context.toponyms)
    towns = Counter(
        (t.lat, t.lon) for t in toponyms
        if t.feature == "city" and t.country == "US" and t.admin1_code == match.admin1_code
    )
    if not towns:
        return match
    (lat, lon), _ = towns.most_common(1)[0]
    return replace(match, lat=lat, lon=lon)


def resolve(
    gazetteer: PlaceIndex, name: str, *, context: ResolveContext | None = None
) -> GeoMatch | None:
    """The most likely place for ``name`` given the context, or None (not a place)."""
    context = context or EMPTY_CONTEXT
    ranked = rank_candidates(gazetteer, name, _lookup(gazetteer, name), context)
    if not ranked:
        return None
    best = ranked[0].match
    return _localise_county(best, gazetteer, context) if best.feature == "county" else best


def resolve_pair(
    gazetteer: PlaceIndex,
    name: str,
    container: str,
    *,
    context: ResolveContext | None = None,
) -> GeoMatch | None:
    """Resolve "Dalton, Ga." / "Paris, Texas" / "Kharkiv, Ukraine": the best candidate
    inside the container; when none lies inside it, ``name`` alone."""
    context = context or EMPTY_CONTEXT
    inside = [c.match for c in _lookup(gazetteer, container)
              if c.match.feature in ("admin1", "country")]
    cands = _lookup(gazetteer, name)
    for box in inside:
        within = [c for c in cands if _within(c.match, box)]
        # The container is itself support: a small town in the named state is fine.
        boosted = replace(
            context,
            countries={**context.countries, box.country or "": 1.0},
            admin1s={**context.admin1s, (box.country or "", box.admin1_code or ""): 1.0},
        )
        ranked = rank_candidates(gazetteer, name, within, boosted)
        if ranked:
            return ranked[0].match
    return resolve(gazetteer, name, context=context)


def _within(match: GeoMatch, box: GeoMatch) -> bool:
    if match.country != box.country or match is box:
        return False
    return box.feature == "country" or match.admin1_code == box.admin1_code


def _lookup(gazetteer: PlaceIndex, name: str) -> list[Candidate]:
    found = gazetteer.lookup(name)
    if not found:
        # "Russians", "Afghanistan's": plural or possessive of a known name.
        trimmed = re.sub(r"(['’]s|['’]|s)$", "", name.strip())
        if trimmed != name.strip() and len(trimmed) > 2:
            found = [c for c in gazetteer.lookup(trimmed) if c.match.feature != "city"]
    if not found and (bare := named_area(name)) is not None:
        # "Uruzgan province", "Saada province": the area is the bare name's, never a town
        found = [c for c in gazetteer.lookup(bare) if c.match.feature in ("admin1", "county")]
    if not found and (m := _QUARTER.match(name.strip())):
        # "West Philadelphia", "Downtown Fresno": a part of a city the gazetteer lacks
        # (names that are places themselves, "West Virginia", were found above)
        found = [c for c in gazetteer.lookup(m.group(1)) if c.match.feature == "city"]
    return found


_NAMED_AREA = re.compile(
    r"(.*\w)\s+(?:province|region|governorate|oblast|state|district|prefecture|department|"
    r"municipality)"
)


def named_area(name: str) -> str | None:
    """The bare name of a name that took in a lower-case area word ("Uruzgan province" ->
    "Uruzgan"; upper case is an institution's name: "Columbia State"), else None."""
    m = _NAMED_AREA.fullmatch(name.strip())
    return m.group(1) if m else None


_QUARTER = re.compile(
    r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Central|Downtown|"
    r"Uptown|Midtown|Greater|Inner|Outer)\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2})$"
)


_CONTAINER = re.compile(r",\s*((?:[A-Z][A-Za-z]*\.?(?:[ ]?[A-Z][A-Za-z]*\.?){0,3}))")


def container_after(gazetteer: PlaceIndex, text: str, end: int) -> str | None:
    """The state/country in ", Ga." / ", Texas" / ", Ukraine" right after a name that
    ends at ``end``, if any (the longest leading run of words that names one)."""
    found = _CONTAINER.match(text, end)
    if not found:
        return None
    words = found.group(1).split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        kinds = {c.match.feature for c in gazetteer.lookup(candidate)}
        if kinds & {"admin1", "country"}:
            return candidate
    return None


def area_after(text: str, end: int) -> bool:
    """Does the text call the name that ends at ``end`` an area ("Helmand province",
    "Kharkiv region", "Rakhine state")? Lower case only: "Columbia State" and "Woodstock
    District Chamber" are names of institutions."""
    return _AREA_AFTER.match(text, end) is not None


_AREA_AFTER = re.compile(
    r"\s+(?:province|provinces|region|governorate|oblast|state|county|district|prefecture|"
    r"department|canton|municipality|parish)\b"
)
# Plausibility: a small place this far from every other place of the document, in a country
# the document never names, is refused unless the text puts it somewhere (", Idaho").
_FAR_KM = 1500.0
_FAR_POPULATION = 100_000
_FAR_MIN_OTHERS = 2


def _candidate_keys(
    gazetteer: PlaceIndex, names: dict[str, str]
) -> tuple[dict[str, set[Key2]], dict[str, set[Key2]]]:
    """Per distinct name: the (ISO2, admin1, admin2) codes it could be a county of, and
    those it could be a town in."""
    counties: dict[str, set[Key2]] = {}
    towns: dict[str, set[Key2]] = {}
    for key, name in names.items():
        cands = _lookup(gazetteer, name)
        counties[key] = {
            k for c in cands if c.match.feature == "county" and _names_an_area(name)
            and (k := _key2(c.match)) is not None
        }
        towns[key] = {
            k for c in cands if c.match.feature == "city" and c.how == "name"
            and (k := _key2(c.match)) is not None
        }
    return counties, towns


def _implausible(match: GeoMatch, others: Sequence[GeoMatch]) -> bool:
    """Far from every other place of the document, in a country none of them is in."""
    if match.feature not in ("city", "county") or match.population >= _FAR_POPULATION:
        return False
    if len({(o.name, o.country) for o in others}) < _FAR_MIN_OTHERS:
        return False
    if any(o.country == match.country for o in others):
        return False
    located = [o for o in others if o.feature in ("city", "county")]
    return all(haversine_km(match.lat, match.lon, o.lat, o.lon) > _FAR_KM for o in located)


def resolve_document(
    gazetteer: PlaceIndex,
    names: Sequence[str],
    *,
    containers: Sequence[str | None] | None = None,
    areas: Sequence[bool] | None = None,
    prefer_country: str | None = None,
    countries: Mapping[str, float] | None = None,
    rounds: int = 2,
) -> list[GeoMatch | None]:
    """Resolve every toponym mention of one document together.

    A first round resolves each distinct name alone; later rounds resolve each name with
    the other names' current places as context (weighted by their mention counts; a name
    never votes for itself). ``containers[i]`` is the ", State" after mention i, if any;
    ``areas[i]`` says the text calls it an area ("Helmand province"). A town and a county
    the document both names support each other when the town lies in the county. Last, a
    small place far from all the others, in a country none of them is in, is refused
    unless its container says where it is. ``countries``: votes the document casts for
    countries without naming a place of them (its people's nationalities, "Israeli").
    """
    containers = containers or [None] * len(names)
    areas = areas or [False] * len(names)
    keys = [N.fold(n) for n in names]
    counts = Counter(keys)
    county_keys, town_keys = _candidate_keys(gazetteer, dict(zip(keys, names, strict=True)))
    base = ResolveContext(countries=dict(countries or {}), prefer_country=prefer_country)
    current: dict[str, GeoMatch | None] = {}
    results: list[GeoMatch | None] = [None] * len(names)
    # each name's county and town codes counted over the OTHER names: all names' counts
    # less its own (one pass, not one per pair of names)
    all_counties: Counter[Key2] = Counter()
    all_towns: Counter[Key2] = Counter()
    for key in counts:
        all_counties.update(county_keys[key])
        all_towns.update(town_keys[key])
    nests = {key: (_Less(all_counties, county_keys[key]), _Less(all_towns, town_keys[key]))
             for key in counts}
    for round_no in range(rounds + 1):
        per_key: dict[str, Counter[GeoMatch]] = {}
        placed = _OtherPlaces.build(gazetteer, current, counts) if round_no else None
        # a name said again with the same container and area has the same context in a
        # round (the context depends on the name's key, the area and the round's places):
        # resolved once per round
        done: dict[tuple[str, str | None, bool], GeoMatch | None] = {}
        for i, (name, key) in enumerate(zip(names, keys, strict=True)):
            box = containers[i]
            said = (name, box, areas[i])
            if said in done:
                match = done[said]
            else:
                counties, towns = nests[key]
                context = replace(base, counties=counties, towns=towns, area=areas[i])
                if placed is not None:
                    # the other names' current places, each as often as it is mentioned
                    context = replace(context, document=_OtherPlaces.view(placed, key))
                match = done[said] = (
                    resolve_pair(gazetteer, name, box, context=context) if box
                    else resolve(gazetteer, name, context=context)
                )
            results[i] = match
            if match is not None:
                per_key.setdefault(key, Counter())[match] += 1
        settled = {k: per_key[k].most_common(1)[0][0] if k in per_key else None
                   for k in counts}
        if round_no and settled == current:
            # the places it read from are the places it gave: a further round would read
            # the same context and give the same places
            break
        current = settled
    final = _OtherPlaces.build(gazetteer, current, counts)
    for i, match in enumerate(results):
        if match is None or containers[i]:
            continue
        if _OtherPlaces.view(final, keys[i]).implausible(match):
            results[i] = None
    return results


# -- one document's places, indexed once per round -----------------------------------------
#
# resolve_document gives each mention the OTHER names' places as context. Spelled out per
# mention (a tuple of every other place, walked for votes, nearness and the far-off guard)
# that is mentions x names: quadratic in a text that names hundreds of towns (issue 15).
# Here the places are counted and put in a spatial grid once per round, and each name's
# view subtracts its own place: the same numbers, near-linear.


_Point = tuple[int | None, float, float]  # (geonameid, lat, lon)
K = TypeVar("K")


class _Less(Mapping[Key2, int]):
    """``total`` less one count for each key in ``own`` (only positive counts remain)."""

    __slots__ = ("_own", "_total")

    def __init__(self, total: Counter[Key2], own: set[Key2]) -> None:
        self._total, self._own = total, own

    def __getitem__(self, key: Key2) -> int:
        n = self._total.get(key, 0) - (key in self._own)
        if n <= 0:
            raise KeyError(key)
        return n

    def __iter__(self) -> Iterator[Key2]:
        return (k for k in self._total if k in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Shares(Mapping[K, float]):
    """Vote shares: (given + counted - own) / total."""

    __slots__ = ("_counted", "_given", "_own", "_total")

    def __init__(self, given: Mapping[K, float], counted: Mapping[K, float],
                 own: Mapping[K, float], total: float) -> None:
        self._given, self._counted, self._own, self._total = given, counted, own, total

    def _count(self, key: K) -> float:
        return self._given.get(key, 0.0) + self._counted.get(key, 0.0) - self._own.get(key, 0.0)

    def __getitem__(self, key: K) -> float:
        if key not in self._given and self._count(key) <= 0:
            raise KeyError(key)
        return self._count(key) / self._total

    def __iter__(self) -> Iterator[K]:
        keys = dict.fromkeys([*self._given, *self._counted])
        return (k for k in keys if k in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class _Placed:
    """The current place of every name of a document, counted and indexed."""

    entries: list[tuple[str, GeoMatch, int]]  # (name key, place, mentions), in name order
    countries: Counter[str]  # mentions per country
    admin1s: Counter[tuple[str, str]]
    near: SphereGrid[int | None]  # towns and counties that anchor nearness (no national capitals)
    near_weight: Counter[_Point]  # mentions per point
    located: SphereGrid[int | None]  # every town and county (the far-off guard)
    located_names: Counter[_Point]  # names per point
    name_countries: Counter[tuple[str, str | None]]  # names per (place name, country)
    names_in: Counter[str | None]  # names per country
    by_key: dict[str, tuple[GeoMatch, int]]


class _OtherPlaces:
    """One name's view of the document's places: all of them but its own."""

    __slots__ = ("_key", "_own", "_own_n", "_placed")

    def __init__(self, placed: _Placed, key: str) -> None:
        self._placed, self._key = placed, key
        own: tuple[GeoMatch | None, int] = placed.by_key.get(key, (None, 0))
        self._own, self._own_n = own

    @staticmethod
    def build(gazetteer: PlaceIndex, current: Mapping[str, GeoMatch | None],
              counts: Mapping[str, int]) -> _Placed:
        capitals = gazetteer.capitals
        placed = _Placed([], Counter(), Counter(), SphereGrid(_NEAR_RANGE_KM), Counter(),
                         SphereGrid(_FAR_KM), Counter(), Counter(), Counter(), {})
        for key, m in current.items():
            if m is None:
                continue
            n = counts[key]
            placed.entries.append((key, m, n))
            placed.by_key[key] = (m, n)
            if m.country:
                placed.countries[m.country] += n
                if m.admin1_code and m.feature != "country":
                    placed.admin1s[(m.country, m.admin1_code)] += n
            point = (m.geonameid, m.lat, m.lon)
            if m.feature in ("city", "county"):
                if m.geonameid not in capitals:
                    if point not in placed.near_weight:
                        placed.near.add(point)
                    placed.near_weight[point] += n
                if point not in placed.located_names:
                    placed.located.add(point)
                placed.located_names[point] += 1
            placed.name_countries[(m.name, m.country)] += 1
            placed.names_in[m.country] += 1
        return placed

    @classmethod
    def view(cls, placed: _Placed, key: str) -> _OtherPlaces:
        return cls(placed, key)

    def votes(self, countries: Mapping[str, float], admin1s: Mapping[tuple[str, str], float]
              ) -> tuple[Mapping[str, float], Mapping[tuple[str, str], float]]:
        own, n, p = self._own, self._own_n, self._placed
        own_c: dict[str, float] = {}
        own_a: dict[tuple[str, str], float] = {}
        if own is not None and own.country:
            own_c[own.country] = n
            if own.admin1_code and own.feature != "country":
                own_a[(own.country, own.admin1_code)] = n
        total = (sum(countries.values()) + sum(p.countries.values()) - sum(own_c.values())
                 ) or 1.0
        return (
            _Shares(countries, p.countries, own_c, total),
            _Shares(admin1s, p.admin1s, own_a, total),
        )

    def _own_point(self) -> _Point | None:
        own = self._own
        return None if own is None else (own.geonameid, own.lat, own.lon)

    def nearest_km(self, m: GeoMatch) -> float:
        """Distance to the nearest other town or county within the nearness range."""
        best = _NEAR_RANGE_KM
        own = self._own_point()
        for point in self._placed.near.around(m.lat, m.lon):
            if point[0] == m.geonameid:
                continue
            if point == own and self._placed.near_weight[point] <= self._own_n:
                continue
            best = min(best, haversine_km(m.lat, m.lon, point[1], point[2]))
        return best

    def toponyms(self) -> tuple[GeoMatch, ...]:
        """The other names' places spelled out, one per mention (rarely needed)."""
        return tuple(m for key, m, n in self._placed.entries if key != self._key
                     for _ in range(n))

    def implausible(self, match: GeoMatch) -> bool:
        """``_implausible(match, <the other names' places>)``, from the counts."""
        if match.feature not in ("city", "county") or match.population >= _FAR_POPULATION:
            return False
        p, own = self._placed, self._own
        distinct = len(p.name_countries)
        if own is not None and p.name_countries[(own.name, own.country)] == 1:
            distinct -= 1
        if distinct < _FAR_MIN_OTHERS:
            return False
        same = p.names_in.get(match.country, 0) - (own is not None
                                                   and own.country == match.country)
        if same > 0:
            return False
        own_point = self._own_point() if own is not None and own.feature in (
            "city", "county") else None
        for point in p.located.around(match.lat, match.lon):
            if point == own_point and p.located_names[point] <= 1:
                continue
            if haversine_km(match.lat, match.lon, point[1], point[2]) <= _FAR_KM:
                return False
        return True


def indexed_context(gazetteer: PlaceIndex, toponyms: Sequence[GeoMatch]) -> ResolveContext:
    """``ResolveContext(toponyms=toponyms)`` with the places counted and indexed once: the
    same votes, nearness and counties, at a cost that does not grow with their number for
    each name resolved against it."""
    keys = [str(i) for i in range(len(toponyms))]
    placed = _OtherPlaces.build(gazetteer, dict(zip(keys, toponyms, strict=True)),
                                dict.fromkeys(keys, 1))
    return ResolveContext(document=_OtherPlaces.view(placed, ""))


__all__ = [
    "EMPTY_CONTEXT", "MIN_UNSUPPORTED_POPULATION", "ResolveContext", "area_after",
    "container_after", "indexed_context",
    "rank_candidates", "resolve", "resolve_document", "resolve_pair",
]
