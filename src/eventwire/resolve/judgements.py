"""Judgements and the canonical ids derived from them (the nomenklatura pattern).

A judgement says of two ids that they are the same thing, different things, or that the
matcher is unsure. Automatic judgements come from scoring; user judgements
(``eventwire entities merge|split``) are kept beside them and win. Nothing is rewritten:
clusters are *derived* each time from the judgements, deterministically:

1. "same" edges are taken in a fixed order: user ones first, then by score (highest
   first), then by ids;
2. an edge joins two clusters unless a "different" judgement (or a hard conflict the
   caller reports, such as two places 300 km apart) separates some member of one from
   some member of the other;
3. a cluster's canonical id is a hash of its smallest member id.

The input order of ids or judgements therefore never changes the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from eventwire.model import stable_id

Verdict = Literal["same", "different", "unsure"]
Source = Literal["auto", "user"]
VERDICTS: tuple[str, ...] = ("same", "different", "unsure")


@dataclass(frozen=True, slots=True)
class Judgement:
    left: str  # always the smaller id of the pair
    right: str
    verdict: Verdict
    source: Source = "auto"
    score: float = 0.0
    features: Mapping[str, Any] = field(default_factory=dict)

    @staticmethod
    def of(
        a: str,
        b: str,
        verdict: Verdict,
        source: Source = "auto",
        score: float = 0.0,
        features: Mapping[str, Any] | None = None,
    ) -> Judgement:
        """A judgement with the pair in canonical order (left < right)."""
        left, right = (a, b) if a <= b else (b, a)
        return Judgement(left, right, verdict, source, round(score, 4), dict(features or {}))

    @property
    def pair(self) -> tuple[str, str]:
        return (self.left, self.right)


def effective(judgements: Iterable[Judgement]) -> dict[tuple[str, str], Judgement]:
    """One judgement per pair: a user judgement overrides an automatic one."""
    out: dict[tuple[str, str], Judgement] = {}
    for j in judgements:
        old = out.get(j.pair)
        if old is None or (old.source == "auto" and j.source == "user"):
            out[j.pair] = j
        elif old.source == j.source and _order_key(j) < _order_key(old):
            out[j.pair] = j  # two of the same source: keep a deterministic one
    return out


def _order_key(j: Judgement) -> tuple[int, float, str, str, str]:
    return (0 if j.source == "user" else 1, -j.score, j.left, j.right, j.verdict)


def canonical_id(member_ids: Iterable[str], prefix: str) -> str:
    return f"{prefix}{stable_id('canonical', min(member_ids))}"


Conflict = Callable[[str, str], bool]


def derive_clusters(
    ids: Iterable[str],
    judgements: Iterable[Judgement],
    *,
    prefix: str,
    conflict: Conflict | None = None,
) -> dict[str, str]:
    """id -> canonical id for every id in ``ids`` (singletons get their own cluster).

    Judgements naming ids outside ``ids`` (deleted events, say) are ignored.
    """
    known = set(ids)
    chosen = [j for j in effective(judgements).values() if j.left in known and j.right in known]
    parent = {i: i for i in known}
    members: dict[str, list[str]] = {i: [i] for i in known}
    apart: dict[str, set[str]] = {i: set() for i in known}  # root -> ids it may not join
    for j in chosen:
        if j.verdict == "different":
            apart[j.left].add(j.right)
            apart[j.right].add(j.left)

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for j in sorted((j for j in chosen if j.verdict == "same"), key=_order_key):
        ra, rb = find(j.left), find(j.right)
        if ra == rb:
            continue
        if apart[ra] & set(members[rb]) or apart[rb] & set(members[ra]):
            continue
        if conflict is not None and j.source == "auto" and any(
            conflict(x, y) for x in members[ra] for y in members[rb]
        ):
            continue
        if len(members[ra]) < len(members[rb]) or (
            len(members[ra]) == len(members[rb]) and rb < ra
        ):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        apart[ra] |= apart.pop(rb)
    out: dict[str, str] = {}
    for root, group in members.items():
        if find(root) != root:
            continue
        cid = canonical_id(group, prefix)
        for i in group:
            out[i] = cid
    return out


__all__ = [
    "VERDICTS", "Conflict", "Judgement", "Source", "Verdict", "canonical_id",
    "derive_clusters", "effective",
]
