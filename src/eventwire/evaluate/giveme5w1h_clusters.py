"""Scoring document clustering on gold event clusters (for ``eventwire eval``).

- ECB+: ``evaluate.ecbplus.score_ecbplus(docs, extractor, cluster=cluster_documents)``.
- Giveme5W1H: each article has a ``category`` naming the news event it reports ("tram",
  "consulate attack" ...): those are gold clusters over the whole set. ``b3_f1`` and
  ``pairwise_f1`` are computed as for ECB+ (over all documents at once, no topics).
  Articles without a category are their own singleton gold cluster.

The gold data is read from a path at evaluation time; nothing from it is in the repo.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.base import EvalResult, Extractor, extract_records, limited
from eventwire.evaluate.ecbplus import b3_counts, pair_counts
from eventwire.evaluate.giveme5w1h import FiveWDoc, articles, data_folder, load_giveme5w1h
from eventwire.evaluate.matching import prf, ratio
from eventwire.model import Record
from eventwire.resolve.documents import cluster_documents

METRICS = ("b3_f1", "pairwise_f1")
DocClusterer = Callable[[Sequence[Record]], list[int]]


@dataclass(frozen=True, slots=True)
class ClusterDoc:
    doc: FiveWDoc
    gold: str

    @property
    def text(self) -> str:
        return self.doc.text


def load_giveme5w1h_clusters(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[ClusterDoc]:
    folder = data_folder(path, split)
    category: dict[str, str] = {}
    for file in sorted(folder.glob("*.json")):
        d = json.loads(file.read_text(encoding="utf-8"))
        category[d.get("dId") or file.stem] = (d.get("category") or "").strip()
    docs = load_giveme5w1h(folder)
    return limited([ClusterDoc(d, category.get(d.id) or f"single:{d.id}") for d in docs],
                   limit)


def score_clusters(name: str, gold: Sequence[str], labels: Sequence[int]) -> EvalResult:
    p_sum, r_sum = b3_counts(gold, labels)
    tp, n_pred, n_gold = pair_counts(gold, labels)
    p, r = ratio(p_sum, len(gold)), ratio(r_sum, len(gold))
    return EvalResult(name, len(gold), {
        "b3_p": p, "b3_r": r, "b3_f1": ratio(2 * p * r, p + r),
        "pairwise_f1": prf(tp, n_pred, n_gold)[2],
    }, notes=(f"{len(set(gold))} gold clusters over all documents",))


def score_giveme5w1h_clusters(
    docs: Sequence[ClusterDoc], extractor: Extractor, cluster: DocClusterer = cluster_documents
) -> EvalResult:
    records = extract_records(extractor, articles([d.doc for d in docs]))
    return score_clusters("giveme5w1h_clusters", [d.gold for d in docs], cluster(records))


__all__ = [
    "METRICS", "ClusterDoc", "load_giveme5w1h_clusters", "score_clusters",
    "score_giveme5w1h_clusters",
]
