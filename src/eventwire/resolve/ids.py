"""Canonical ids for life: a cluster keeps the id it was first given, whatever joins it.

``derive_clusters`` says which members belong together; this module names the groups.
Given the previous run's membership and every id ever issued (with its age):

1. each old id goes to the group that now holds most of its old members (a tie: the group
   with the smallest member id); an old id whose members are all gone goes nowhere;
2. a group that inherits ids keeps the **oldest** (smallest issue number); every other id
   it inherits was **merged** into that one: a redirect;
3. a group that inherits nothing (new reports, or the part split off a cluster) gets a new
   id: the hash of its smallest member id, or of that id and a counter when that one was
   issued before (an id is never issued twice, so a link never changes meaning).

Pure and deterministic: the result depends on the groups and the history, not on the
order of anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eventwire.model import stable_id


@dataclass(frozen=True, slots=True)
class Naming:
    """The ids of one run."""

    canonical_of: dict[str, str]  # member id -> its cluster's lifelong id
    issued: tuple[str, ...]  # ids issued in this run, oldest first
    merged: dict[str, str]  # id -> the id it was merged into in this run


def new_id(members: Iterable[str], prefix: str, taken: set[str] | frozenset[str]) -> str:
    """The id of a new group: a hash of its smallest member (then with a counter)."""
    first = min(members)
    candidate = f"{prefix}{stable_id('canonical', first)}"
    n = 0
    while candidate in taken:
        n += 1
        candidate = f"{prefix}{stable_id('canonical', first, n)}"
    return candidate


def name_clusters(
    groups: Iterable[Iterable[str]],
    previous: Mapping[str, str],
    ages: Mapping[str, int],
    prefix: str,
) -> Naming:
    """Lifelong ids for ``groups`` (disjoint sets of member ids).

    ``previous``: member id -> id in the last run; ``ages``: every id ever issued -> its
    issue number (smaller is older; merged ids included, so none is issued again).
    """
    ordered = sorted((tuple(sorted(g)) for g in groups if g), key=lambda g: g[0])
    group_of = {m: i for i, g in enumerate(ordered) for m in g}
    held: dict[str, Counter[int]] = {}
    for member, old in previous.items():
        if member in group_of:
            held.setdefault(old, Counter())[group_of[member]] += 1
    inherited: dict[int, list[str]] = {}
    for old, counts in held.items():
        heir = min(counts, key=lambda i: (-counts[i], ordered[i][0]))
        inherited.setdefault(heir, []).append(old)

    def age(cid: str) -> tuple[int, str]:
        return (ages.get(cid, len(ages) + 1), cid)

    taken = set(ages) | set(previous.values())
    names: list[str] = []
    issued: list[str] = []
    merged: dict[str, str] = {}
    for i, group in enumerate(ordered):
        olds = sorted(inherited.get(i, ()), key=age)
        if olds:
            keep = olds[0]
            merged.update((other, keep) for other in olds[1:])
        else:
            keep = new_id(group, prefix, taken)
            taken.add(keep)
            issued.append(keep)
        names.append(keep)
    canonical_of = {m: names[i] for i, g in enumerate(ordered) for m in g}
    return Naming(canonical_of, tuple(issued), merged)


__all__ = ["Naming", "name_clusters", "new_id"]
