"""Blocking: which pairs of reports are worth scoring (never all pairs).

Every report is *listed* under a few keys and *probes* a few keys; a pair is a candidate
when one report probes a list the other is in and their time windows, widened by a slack
that grows with the coarseness of the dates, overlap.

Keys (all within one category family):
- a 1-degree grid cell, for places of city precision or finer, listed and probed under
  the cells around the point (a 0.25-degree margin, so points ~25 km apart always share
  a cell);
- the region (country + admin1) and the country: every placed report is listed there, but
  only reports whose place is that coarse probe them;
- proper names from the evidence ("Perrache", "Nouvelle Aube"): listed and probed by
  everyone, which is how reports without a place find their event.

A probe looks at most ``MAX_PROBE`` list members nearest in time (ties by id), so a very
dense key (every event in one country on one day) stays bounded.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .reports import Features

CELL_DEG = 1.0
MARGIN_DEG = 0.25
MAX_PROBE = 60
# Lists are searched by start day; windows longer than this are found from their own side.
LONG_WINDOW = 31


def slack(f: Features) -> int:
    """Extra days around a window: precise dates need little, vague ones more."""
    if f.precise:
        return 1
    return 2 if f.end - f.start <= 7 else 3


def _cells(lat: float, lon: float) -> set[tuple[int, int]]:
    return {
        (math.floor((lat + dy) / CELL_DEG), math.floor((lon + dx) / CELL_DEG))
        for dy in (-MARGIN_DEG, MARGIN_DEG)
        for dx in (-MARGIN_DEG, MARGIN_DEG)
    }


def keys_of(f: Features) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """(keys the report is listed under, keys it probes)."""
    listed: list[tuple[object, ...]] = []
    probes: list[tuple[object, ...]] = []
    fam = f.family
    if f.lat is not None and f.lon is not None and f.place_fine:
        cells = [(fam, "cell", c) for c in sorted(_cells(f.lat, f.lon))]
        listed += cells
        probes += cells
    if f.country:
        region = (fam, "region", f.country, f.admin1 or "")
        country = (fam, "country", f.country)
        listed += [region, country]
        if not f.place_fine or f.lat is None:
            probes.append(region if f.admin1 else country)
    for noun in f.nouns:
        listed.append((fam, "name", noun))
        probes.append((fam, "name", noun))
    return listed, probes


@dataclass(slots=True)
class _Posting:
    starts: list[int]
    members: list[int]  # indexes into the features list, sorted by (start, id)


def _overlap(f: Features, g: Features) -> bool:
    """The two windows, each widened by its slack, share a day (symmetric)."""
    return g.start - slack(g) <= f.end + slack(f) and f.start - slack(f) <= g.end + slack(g)


def _search(f: Features) -> tuple[int, int]:
    """The range of list-member start days a probe from ``f`` looks at."""
    s = slack(f) + 3  # 3: the largest slack of the other side
    return f.start - s - LONG_WINDOW, f.end + s


def _reaches(f: Features, g: Features) -> bool:
    lo, hi = _search(f)
    return lo <= g.start <= hi and _overlap(f, g)


def candidate_pairs(
    feats: Sequence[Features], new: set[int] | None = None
) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) to score. With ``new``, only pairs touching a new index."""
    # Keys are interned to small ints: 100,000 reports x ~10 keys as tuples would cost
    # hundreds of MB.
    key_ids: dict[tuple[object, ...], int] = {}
    lists: list[list[int]] = []
    probes: list[tuple[int, ...]] = []
    listed_sets: list[frozenset[int]] = []
    for i, f in enumerate(feats):
        listed, probed = keys_of(f)
        ids = []
        for key in listed:
            k = key_ids.setdefault(key, len(key_ids))
            if k == len(lists):
                lists.append([])
            lists[k].append(i)
            ids.append(k)
        listed_sets.append(frozenset(ids))
        # A key nobody is listed under has no posting: drop it from the probes.
        probes.append(tuple(sorted({key_ids[p] for p in probed if p in key_ids})))
    postings: list[_Posting] = []
    for members in lists:
        members.sort(key=lambda i: (feats[i].start, feats[i].id))
        postings.append(_Posting([feats[i].start for i in members], members))
    del lists, key_ids
    for i, f in enumerate(feats):
        lo_day, hi_day = _search(f)
        found: set[int] = set()
        for kid in probes[i]:
            post = postings[kid]
            lo, hi = bisect_left(post.starts, lo_day), bisect_right(post.starts, hi_day)
            window = []
            for k in range(lo, hi):
                j = post.members[k]
                if j == i or j in found or not _overlap(f, feats[j]):
                    continue
                if new is not None and i not in new and j not in new:
                    continue
                window.append(j)
            if len(window) > MAX_PROBE:
                window.sort(key=lambda j: (abs(feats[j].start - f.start), feats[j].id))
                window = window[:MAX_PROBE]
            found.update(window)
        for j in sorted(found):
            # A pair both sides reach is emitted once, by the smaller index (a probe cut
            # short by MAX_PROBE can lose such a pair: the price of a bounded probe).
            if j < i and not listed_sets[i].isdisjoint(probes[j]) and _reaches(feats[j], f):
                continue
            yield (i, j) if i < j else (j, i)


__all__ = ["CELL_DEG", "MAX_PROBE", "candidate_pairs", "keys_of", "slack"]
