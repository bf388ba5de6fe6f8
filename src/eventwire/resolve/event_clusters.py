"""``cluster_events``: reports of events -> canonical events (block, score, judge, derive).

Pure: no database, no global state. The store adapter (``resolve.sync``) feeds it the
stored reports and the judgements kept so far, and writes back what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .blocking import candidate_pairs
from .judgements import Judgement, derive_clusters
from .reports import Features, Report, features_of
from .scoring import conflict_of, score_pair

EVENT_PREFIX = "ce-"


@dataclass(frozen=True, slots=True)
class Clusters:
    """The outcome of one clustering run."""

    canonical_of: dict[str, str]  # event id -> canonical event id
    judgements: tuple[Judgement, ...]  # automatic same/unsure judgements of this run
    unclustered: tuple[str, ...] = ()  # event ids not clustered (hypothetical, undated...)
    compared: int = 0  # candidate pairs scored

    def members(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for eid, cid in sorted(self.canonical_of.items()):
            out.setdefault(cid, []).append(eid)
        return {cid: tuple(ids) for cid, ids in sorted(out.items())}


@dataclass(slots=True)
class _Index:
    feats: list[Features] = field(default_factory=list)
    by_id: dict[str, Features] = field(default_factory=dict)


def _features(reports: Iterable[Report]) -> tuple[_Index, list[str]]:
    index, skipped = _Index(), []
    for r in reports:
        f = features_of(r)
        if f is None:
            skipped.append(r.event.id)
        elif f.id not in index.by_id:  # the same event twice: keep the first
            index.by_id[f.id] = f
    # Sorted by id so that nothing downstream sees the caller's order.
    index.feats = [index.by_id[k] for k in sorted(index.by_id)]
    return index, sorted(skipped)


def cluster_events(
    reports: Iterable[Report],
    judgements: Iterable[Judgement] = (),
    *,
    known: Iterable[str] | None = None,
) -> Clusters:
    """Cluster ``reports`` into canonical events.

    ``judgements``: kept from earlier runs and given by users; user ones override.
    ``known``: ids of events already clustered in an earlier run whose judgements are in
    ``judgements``; only pairs touching another event are scored (incremental run). With
    ``known=None`` every candidate pair is scored (a rebuild).
    """
    index, skipped = _features(reports)
    feats = index.feats
    new: set[int] | None = None
    if known is not None:
        old = set(known)
        new = {i for i, f in enumerate(feats) if f.id not in old}
    auto: list[Judgement] = []
    compared = 0
    for i, j in candidate_pairs(feats, new):
        compared += 1
        a, b = feats[i], feats[j]
        scored = score_pair(a, b)
        if scored.verdict != "different":
            auto.append(scored.judgement(a.id, b.id))
    auto.sort(key=lambda j: j.pair)
    by_id: Mapping[str, Features] = index.by_id

    def conflict(x: str, y: str) -> bool:
        return conflict_of(by_id[x], by_id[y]) is not None

    canonical = derive_clusters(
        by_id.keys(), [*judgements, *auto], prefix=EVENT_PREFIX, conflict=conflict
    )
    return Clusters(canonical, tuple(auto), tuple(skipped), compared)


__all__ = ["EVENT_PREFIX", "Clusters", "cluster_events"]
