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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from eventwire.geo import names as N
from eventwire.geo.matches import Candidate, GeoMatch, PlaceIndex

_FEATURE_PRIOR = {"country": 10.0, "continent": 9.5, "admin1": 8.5, "region": 8.0}
_HOW_PENALTY = {"alternate": -1.5, "postal": -1.0, "abbreviation": 1.0}
_OLD_NAME_PENALTY = -1.0  # on top of the alternate penalty
_SIMILAR_NAME_RATIO = 0.5  # at or above: a spelling variant ("Kiev"/"Kyiv"), not an old name
_CAPITAL_BONUS = 3.0
_COUNTY_PRIOR = {"name": 6.5, "alternate": 3.5}
_COUNTRY_WEIGHT = 5.0
_ADMIN1_WEIGHT = 6.0
_PREFER_BONUS = 1.5
# Below this a city needs support from the context (its country or state mentioned).
MIN_UNSUPPORTED_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What the rest of the document says about where it is.

    ``countries``: ISO2 -> mentions; ``admin1s``: (ISO2, admin1 code) -> mentions;
    ``toponyms``: the document's other resolved places, one entry per mention (each votes
    for its country and state); ``prefer_country``: a hint such as the outlet's country.
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1s: Mapping[tuple[str, str], float] = field(default_factory=dict)
    toponyms: tuple[GeoMatch, ...] = ()
    prefer_country: str | None = None

    def votes(self) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
        """Shares (0..1) of mentions per country and per (country, admin1)."""
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


def _old_name(name: str, cand: Candidate) -> bool:
    """An alternate name that is not a spelling of the city's own name ("Salisbury" for
    Harare, "Leningrad"): no word in common and little alike letter by letter."""
    if cand.how != "alternate":
        return False
    query, own = N.fold(name), N.fold(cand.match.name)
    if set(query.split()) & set(own.split()):
        return False
    return SequenceMatcher(None, query, own).ratio() < _SIMILAR_NAME_RATIO


def _prior(gazetteer: PlaceIndex, name: str, cand: Candidate) -> float:
    m = cand.match
    if m.feature == "city":
        score = math.log10(m.population + 1)
        if _old_name(name, cand):
            score += _OLD_NAME_PENALTY  # and no capital bonus: "Salisbury" is not Harare now
        elif m.geonameid in gazetteer.capitals:
            score += _CAPITAL_BONUS
    elif m.feature == "county":
        score = _COUNTY_PRIOR["name" if cand.how == "name" else "alternate"]
    else:
        score = _FEATURE_PRIOR[m.feature]
    return score + _HOW_PENALTY.get(cand.how, 0.0)


def _supported(
    name: str, cand: Candidate, country_share: float, admin1_share: float, preferred: bool,
    counties: int,
) -> bool:
    m = cand.match
    support = country_share > 0 or admin1_share > 0 or preferred
    if m.feature == "city":
        if N.fold(name) in N.COMMON_WORDS:
            return support
        if m.population < MIN_UNSUPPORTED_POPULATION:
            return support
        if cand.how == "alternate" and m.population < 100_000:
            return support
    if m.feature == "county" and (cand.how != "name" or counties > 1):
        # "Franklin County" is in 24 states: only the document's state can pick one.
        return admin1_share > 0
    return True


def _own_name_rival(cand: Candidate) -> bool:
    """A place that really is called the queried name (a city only from the size at which
    it needs no context): it outranks other places' alternate names."""
    m = cand.match
    if cand.how not in ("name", "alias") or m.feature == "county":
        return False
    return m.feature != "city" or m.population >= MIN_UNSUPPORTED_POPULATION


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
    counties = sum(1 for c in candidates if c.match.feature == "county")
    rival = any(_own_name_rival(c) for c in candidates)
    scored: list[tuple[bool, float, Candidate]] = []
    for cand in candidates:
        m = cand.match
        c_share = country_votes.get(m.country or "", 0.0)
        a_share = admin1_votes.get((m.country or "", m.admin1_code or ""), 0.0)
        preferred = prefer is not None and m.country == prefer
        if not _supported(name, cand, c_share, a_share, preferred, counties):
            continue
        score = _prior(gazetteer, name, cand)
        score += _COUNTRY_WEIGHT * c_share + _ADMIN1_WEIGHT * a_share
        score += _PREFER_BONUS if preferred else 0.0
        shadowed = (
            rival and cand.how == "alternate" and m.feature == "city"
            and not (c_share > 0 or a_share > 0 or preferred)
        )
        scored.append((shadowed, score, cand))
    scored.sort(key=lambda item: (item[0], -item[1]))
    return [cand for _, _, cand in scored]


def _localise_county(match: GeoMatch, gazetteer: PlaceIndex, context: ResolveContext) -> GeoMatch:
    """A county without a seat of the same name sits near the document's towns in its
    state (local news names the county its towns are in); else at the state's point."""
    state = gazetteer.admin1("US", match.admin1_code or "")
    if state is None or (match.lat, match.lon) != (state.lat, state.lon):
        return match
    towns = Counter(
        (t.lat, t.lon) for t in context.toponyms
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
    if not found and (m := _QUARTER.match(name.strip())):
        # "West Philadelphia", "Downtown Fresno": a part of a city the gazetteer lacks
        # (names that are places themselves, "West Virginia", were found above)
        found = [c for c in gazetteer.lookup(m.group(1)) if c.match.feature == "city"]
    return found


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


def resolve_document(
    gazetteer: PlaceIndex,
    names: Sequence[str],
    *,
    containers: Sequence[str | None] | None = None,
    prefer_country: str | None = None,
    rounds: int = 2,
) -> list[GeoMatch | None]:
    """Resolve every toponym mention of one document together.

    A first round resolves each distinct name alone; later rounds resolve each name with
    the other names' current places as context (weighted by their mention counts; a name
    never votes for itself). ``containers[i]`` is the ", State" after mention i, if any.
    """
    containers = containers or [None] * len(names)
    keys = [N.fold(n) for n in names]
    counts = Counter(keys)
    base = ResolveContext(prefer_country=prefer_country)
    current: dict[str, GeoMatch | None] = {}
    results: list[GeoMatch | None] = [None] * len(names)
    for round_no in range(rounds + 1):
        per_key: dict[str, Counter[GeoMatch]] = {}
        for i, (name, key) in enumerate(zip(names, keys, strict=True)):
            if round_no == 0:
                context = base
            else:
                others = tuple(
                    m for k, m in current.items() if k != key and m is not None
                    for _ in range(counts[k])
                )
                context = replace(base, toponyms=others)
            box = containers[i]
            match = (
                resolve_pair(gazetteer, name, box, context=context) if box
                else resolve(gazetteer, name, context=context)
            )
            results[i] = match
            if match is not None:
                per_key.setdefault(key, Counter())[match] += 1
        current = {k: per_key[k].most_common(1)[0][0] if k in per_key else None for k in counts}
    return results


__all__ = [
    "EMPTY_CONTEXT", "MIN_UNSUPPORTED_POPULATION", "ResolveContext", "container_after",
    "rank_candidates", "resolve", "resolve_document", "resolve_pair",
]
