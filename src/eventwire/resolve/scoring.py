"""Scoring a candidate pair of event reports with explained features.

Each feature is a number in [0, 1] or absent (None) when one side says nothing; the score
is the weighted mean of the features present. A *hard conflict* (two places far apart,
two precise dates days apart, two events of one article) means "different" whatever the
score, and also stops clusters from joining through a third report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.geo.distance import haversine_km

from .judgements import Judgement, Verdict
from .reports import Features
from .text import jaccard, overlap

WEIGHTS: dict[str, float] = {
    "category": 1.0,
    "time": 2.0,
    "place": 2.0,
    "participants": 1.0,
    "outcome": 1.0,
    "modes": 1.0,
    "text": 2.0,
}
SAME = 0.62  # score at or above: "same"
UNSURE = 0.5  # between UNSURE and SAME: "unsure" (kept for review, never merged)
# Two fine-grained places (city or finer) further apart than this are different places.
FAR_KM = 60.0
# Two precise own dates further apart than this are different days.
MAX_DAY_GAP = 1


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    features: dict[str, Any]
    conflict: str | None  # reason for a hard conflict, else None

    @property
    def verdict(self) -> Verdict:
        if self.conflict is not None:
            return "different"
        if self.score >= SAME:
            return "same"
        return "unsure" if self.score >= UNSURE else "different"

    def judgement(self, a: str, b: str) -> Judgement:
        return Judgement.of(a, b, self.verdict, "auto", self.score, self.features)


def _gap(a: Features, b: Features) -> int:
    """Days between the two windows (0 when they overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def time_feature(a: Features, b: Features) -> float:
    gap = _gap(a, b)
    if a.precise and b.precise:
        return 1.0 if gap == 0 else 0.5
    if gap == 0:
        return 0.8 if a.own_date and b.own_date else 0.6
    return max(0.0, 0.5 - 0.1 * gap)


def place_feature(a: Features, b: Features) -> tuple[float | None, float | None]:
    """(feature, distance in km when both have coordinates)."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0, 0.0
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if a.place_fine and b.place_fine:
            return (1.0 if km <= 5 else 0.7 if km <= 25 else 0.3 if km <= FAR_KM else 0.0), km
        return (0.6 if km <= 150 else 0.2), km
    if a.place_key and a.place_key == b.place_key:
        return 1.0, None
    if a.country and b.country:
        return (0.5 if a.country == b.country else 0.0), None
    return None, None


def outcome_feature(a: Features, b: Features) -> float | None:
    vals = []
    for x, y in ((a.dead, b.dead), (a.injured, b.injured)):
        if x is None or y is None:
            continue
        # Tolls are revised upwards as a story develops: close counts are good evidence.
        hi = max(x, y)
        vals.append(1.0 if x == y else min(x, y) / hi if hi else 1.0)
    return sum(vals) / len(vals) if vals else None


def conflict_of(a: Features, b: Features, km: float | None = None) -> str | None:
    if a.article_id == b.article_id:
        return "same article"
    if a.country and b.country and a.country != b.country:
        return "different countries"
    if km is None and a.lat is not None and b.lat is not None:
        km = haversine_km(a.lat, a.lon or 0.0, b.lat, b.lon or 0.0)
    if km is not None and a.place_fine and b.place_fine and km > FAR_KM:
        return f"places {km:.0f} km apart"
    if a.precise and b.precise and _gap(a, b) > MAX_DAY_GAP:
        return f"dates {_gap(a, b)} days apart"
    if a.own_date and b.own_date and _gap(a, b) > 31:
        return "dates more than a month apart"
    return None


def score_pair(a: Features, b: Features) -> PairScore:
    place, km = place_feature(a, b)
    feats: dict[str, float | None] = {
        "category": 1.0 if a.category == b.category else 0.5 if a.family == b.family else 0.0,
        "time": time_feature(a, b),
        "place": place,
        "participants": overlap(a.participants, b.participants)
        if a.participants and b.participants
        else None,
        "outcome": outcome_feature(a, b),
        "modes": jaccard(a.modes, b.modes) if a.modes and b.modes else None,
        # Jaccard of two short wire paragraphs about one event rarely passes 0.4.
        "text": min(1.0, 2.5 * jaccard(a.words, b.words)) if a.words and b.words else None,
    }
    num = den = 0.0
    for name, value in feats.items():
        if value is not None:
            num += WEIGHTS[name] * value
            den += WEIGHTS[name]
    shown: dict[str, Any] = {k: round(v, 3) for k, v in feats.items() if v is not None}
    if km is not None:
        shown["km"] = round(km, 1)
    shared = sorted(set(a.nouns) & set(b.nouns))
    if shared:
        shown["shared_names"] = shared
    conflict = conflict_of(a, b, km)
    if conflict:
        shown["conflict"] = conflict
    return PairScore(num / den if den else 0.0, shown, conflict)


__all__ = [
    "FAR_KM", "SAME", "UNSURE", "WEIGHTS", "PairScore", "conflict_of", "outcome_feature",
    "place_feature", "score_pair", "time_feature",
]
