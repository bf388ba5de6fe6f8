"""Document clustering: which articles report the same incident (ECB+ and Giveme5W1H).

Text similarity decides most links (TF-IDF cosine of content words within the set being
clustered, linked at ``THRESHOLD``), and the events decide the rest: two articles whose
main events cannot be one incident (different countries, places far apart, own dates
more than a month apart: ``scoring.conflict_of``) are never linked. Optionally, two
whose main events score "same" are linked at a lower text similarity
(``event_threshold`` < ``threshold``). Clusters are the connected components; labels are
0..k-1 in input order.

``THRESHOLD`` is the ECB+ baseline's 0.2. Events only veto by default: on ECB+ dev the
variant that also linked at 0.1 when events agreed lost precision (b3_f1 0.808 vs 0.815
for veto-only; docs/PERFORMANCE.md, "Event clustering"); no other setting was tried.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from eventwire.model import Event, Record

from .reports import Features, Report, features_of
from .scoring import conflict_of, score_pair
from .text import STOPWORDS, fold

THRESHOLD = 0.2
EVENT_THRESHOLD = THRESHOLD  # events veto, never add links


def _tfidf(texts: Sequence[str]) -> list[dict[str, float]]:
    bags = [
        Counter(w for w in fold(t).split() if w not in STOPWORDS and not w.isdigit())
        for t in texts
    ]
    df = Counter(w for bag in bags for w in bag)
    n = len(texts)
    vecs = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w]) + 1)
               for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vecs.append({w: v / norm for w, v in vec.items()})
    return vecs


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def main_event(record: Record) -> Event | None:
    """The article's most confident current event (ties: the earliest mention)."""
    current = [e for e in record.events if e.status == "asserted" and not e.aggregate]
    if not current:
        return None
    return max(current, key=lambda e: (e.confidence, -e.trigger.start))


def _main_features(record: Record, index: int) -> Features | None:
    ev = main_event(record)
    if ev is None:
        return None
    # Articles without a date still compare on their events' own dates and places; the
    # article id is made unique per position so two copies never count as one article.
    f = features_of(Report(ev, f"{index}:{record.article.id}", record.article.outlet,
                           record.article.published or "9999-12-31"))
    if f is None:
        return None
    return f if f.own_date else replace(f, start=-10**9, end=10**9, precise=False)


def cluster_documents(
    records: Sequence[Record],
    threshold: float = THRESHOLD,
    event_threshold: float = EVENT_THRESHOLD,
) -> list[int]:
    """Cluster labels (0..k-1) for ``records``: the same incident, the same label."""
    vecs = _tfidf([r.article.text for r in records])
    mains = [_main_features(r, i) for i, r in enumerate(records)]
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            cos = _cosine(vecs[i], vecs[j])
            if cos < event_threshold:
                continue
            a, b = mains[i], mains[j]
            if a is not None and b is not None:
                if conflict_of(a, b) is not None:
                    continue
                if cos < threshold and score_pair(a, b).verdict != "same":
                    continue
            elif cos < threshold:
                continue
            parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(records))]


__all__ = ["EVENT_THRESHOLD", "THRESHOLD", "cluster_documents", "main_event"]
