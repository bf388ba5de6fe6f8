"""Actors across articles: one person or organisation under many names.

Each article's ``Entity`` (already one per distinct actor within the article) is a
*mention* here, with id ``<article id>:<entity id>``. Mentions are blocked on their
name-token keys, scored with explained features (name similarity after titles/ranks are
stripped and transliteration variants folded, shared roles, country, co-mentioned
actors) and clustered through judgements like events. The canonical actor keeps every
name as an alias and every role with the date it was reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventwire.model import Entity, Record

from .event_clusters import Clusters
from .judgements import Judgement, Verdict, derive_clusters
from .text import fold, jaccard, name_key, name_similarity

ACTOR_PREFIX = "ca-"
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
WEIGHTS = {"name": 3.0, "roles": 1.0, "country": 1.0, "co_mentions": 1.0, "sector": 0.5}
SAME = 0.75
UNSURE = 0.55
MAX_BLOCK = 200  # a name key shared by more mentions than this is too common to block on


@dataclass(frozen=True, slots=True)
class Mention:
    id: str  # "<article id>:<entity id>"
    entity: Entity
    published: str | None = None
    outlet: str | None = None
    co_mentions: frozenset[str] = frozenset()  # folded names of the article's other actors

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.entity.name, *self.entity.aliases)))

    @property
    def roles(self) -> frozenset[tuple[str, str]]:
        return frozenset((fold(r.title), fold(r.of or "")) for r in self.entity.roles)


def mentions_of(record: Record) -> list[Mention]:
    actors = [e for e in record.entities if e.type in ACTOR_TYPES]
    names = {e.id: fold(e.name) for e in record.entities}
    art = record.article
    return [
        Mention(
            f"{art.id}:{e.id}",
            e,
            art.published,
            art.outlet,
            frozenset(n for k, n in names.items() if k != e.id and n),
        )
        for e in actors
    ]


def _keys(m: Mention) -> set[str]:
    keys: set[str] = set()
    for n in m.names:
        toks = name_key(n)
        if not toks:
            continue
        if m.entity.type == "PERSON":
            keys.add(f"P:{toks[-1]}")  # the surname
        else:
            keys.update(f"{m.entity.type[0]}:{t}" for t in toks if len(t) > 3)
            keys.add(f"{m.entity.type[0]}:{''.join(t[0] for t in toks)}")  # acronym
    return keys


def _fullest(m: Mention) -> str:
    return sorted(m.names, key=lambda n: (-len(name_key(n)), n))[0]


def score_mentions(a: Mention, b: Mention) -> tuple[float, dict[str, Any], str | None]:
    """(score, explained features, hard-conflict reason or None)."""
    if a.entity.type != b.entity.type:
        return 0.0, {"type": 0.0}, "different types"
    if a.id.split(":")[0] == b.id.split(":")[0]:
        return 0.0, {}, "same article"
    name = max(name_similarity(x, y) for x in a.names for y in b.names)
    feats: dict[str, float | None] = {
        "name": name,
        "roles": (1.0 if a.roles & b.roles else 0.0) if a.roles and b.roles else None,
        "country": (1.0 if a.entity.country == b.entity.country else 0.0)
        if a.entity.country and b.entity.country else None,
        "sector": (1.0 if a.entity.sector == b.entity.sector else 0.0)
        if a.entity.sector and b.entity.sector else None,
        "co_mentions": min(1.0, 2 * jaccard(a.co_mentions, b.co_mentions))
        if a.co_mentions and b.co_mentions else None,
    }
    num = sum(WEIGHTS[k] * v for k, v in feats.items() if v is not None)
    den = sum(WEIGHTS[k] for k, v in feats.items() if v is not None)
    score = num / den if den else 0.0
    support = any((feats[k] or 0.0) > 0 for k in ("roles", "co_mentions", "country"))
    shortest = min(len(name_key(n)) for n in (*a.names, *b.names))
    if a.entity.type == "PERSON" and shortest <= 1 and not support:
        # "Smith" alone in two articles: maybe the same man, maybe not.
        score = min(score, (SAME + UNSURE) / 2)
    shown: dict[str, Any] = {k: round(v, 3) for k, v in feats.items() if v is not None}
    conflict = None
    fa, fb = _fullest(a), _fullest(b)
    if len(name_key(fa)) > 1 and len(name_key(fb)) > 1:
        # Both fully named: "Vladimir Alekseyev" is not "Ivan Alekseyev", even though
        # both are "Alekseyev" for short.
        full = name_similarity(fa, fb)
        shown["full_name"] = round(full, 3)
        if full < 0.75:
            conflict = "full names differ"
    if feats["country"] == 0.0 and name < 1.0:
        conflict = conflict or "different countries"
    if name < 0.5:
        conflict = conflict or "names differ"
    if conflict:
        shown["conflict"] = conflict
    return score, shown, conflict


def cluster_actors(
    mentions: Iterable[Mention],
    judgements: Iterable[Judgement] = (),
    *,
    known: Iterable[str] | None = None,
) -> Clusters:
    by_id = {m.id: m for m in mentions}
    ids = sorted(by_id)
    blocks: dict[str, list[str]] = {}
    for i in ids:
        for k in _keys(by_id[i]):
            blocks.setdefault(k, []).append(i)
    old = set(known) if known is not None else None
    pairs: set[tuple[str, str]] = set()
    for key in sorted(blocks):
        members = blocks[key]
        if len(members) > MAX_BLOCK:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = members[x], members[y]
                if old is not None and a in old and b in old:
                    continue
                pairs.add((a, b))
    auto: list[Judgement] = []
    for a, b in sorted(pairs):
        score, feats, conflict = score_mentions(by_id[a], by_id[b])
        if conflict is None and score >= UNSURE:
            verdict: Verdict = "same" if score >= SAME else "unsure"
            auto.append(Judgement.of(a, b, verdict, "auto", score, feats))

    def conflict_fn(x: str, y: str) -> bool:
        return score_mentions(by_id[x], by_id[y])[2] is not None

    canonical = derive_clusters(ids, [*judgements, *auto], prefix=ACTOR_PREFIX,
                                conflict=conflict_fn)
    return Clusters(canonical, tuple(auto), (), len(pairs))


@dataclass(frozen=True, slots=True)
class CanonicalActor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[dict[str, Any], ...]  # {"title", "of", "first_reported", "last_reported"}
    country: str | None
    sector: str | None
    mentions: tuple[str, ...]  # member ids


def build_actor(canonical_id: str, members: Iterable[Mention]) -> CanonicalActor:
    ms = sorted(members, key=lambda m: m.id)
    names = Counter(m.entity.name for m in ms)
    # The most used name; among equals the fullest, then alphabetical.
    name = sorted(names, key=lambda n: (-names[n], -len(name_key(n)), -len(n), n))[0]
    aliases = sorted({n for m in ms for n in m.names} - {name})
    roles: dict[tuple[str, str | None], list[str]] = {}
    for m in ms:
        for r in m.entity.roles:
            dates = roles.setdefault((r.title, r.of), [])
            if m.published:
                dates.append(m.published[:10])
    countries = Counter(m.entity.country for m in ms if m.entity.country)
    sectors = Counter(m.entity.sector for m in ms if m.entity.sector)
    return CanonicalActor(
        canonical_id,
        name,
        ms[0].entity.type,
        tuple(aliases),
        tuple(
            {"title": t, "of": of, "first_reported": min(d) if d else None,
             "last_reported": max(d) if d else None}
            for (t, of), d in sorted(roles.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
        ),
        sorted(countries, key=lambda c: (-countries[c], c))[0] if countries else None,
        sorted(sectors, key=lambda c: (-sectors[c], c))[0] if sectors else None,
        tuple(m.id for m in ms),
    )


__all__ = [
    "ACTOR_PREFIX", "ACTOR_TYPES", "CanonicalActor", "Mention", "build_actor",
    "cluster_actors", "mentions_of", "score_mentions",
]
