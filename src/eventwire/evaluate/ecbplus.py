"""ECB+ document clustering: which articles of a topic report the same event.

Each topic folder N holds two sub-topics: ``N_Kecb.xml`` files report one event and
``N_Kecbplus.xml`` files a similar but different one (ECB+ added the second on purpose).
The gold cluster of a document is its sub-topic. Clustering is done within each topic by a
``cluster(records) -> list[int]`` callable; eventwire's resolver will plug in here. Until
then ``tfidf_cluster`` is the baseline: TF-IDF cosine of the article texts, documents linked
when the cosine reaches ``THRESHOLD`` (0.2, fixed a priori), clusters are the connected
components. The baseline reads only the text, so the pipeline is not run for it.

``b3_f1``: B-cubed over all documents (each document's precision/recall averaged over the
corpus, micro over documents). ``pairwise_f1``: over same-cluster document pairs, counted
within topics.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ..model import Article, Record, make_article
from .base import EvalResult, Extractor, extract_records, limited, require_path
from .matching import prf, ratio, words

METRICS = ("b3_f1", "pairwise_f1")
THRESHOLD = 0.2
Clusterer = Callable[[Sequence[Record]], list[int]]
_FILE = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
_STOP = frozenset(
    [
        "the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from",
        "as", "is", "was", "were", "be", "been", "are", "has", "have", "had", "it", "its", "he",
        "she", "they", "his", "her", "their", "this", "that", "these", "those", "said", "says",
        "will", "would", "not", "but", "who", "which", "after", "before", "over", "about", "into",
        "than", "also", "more", "up", "out"
    ]
)


@dataclass(frozen=True, slots=True)
class EcbDoc:
    id: str
    topic: str
    subtopic: str  # "ecb" | "ecbplus"
    text: str


def read_ecb_text(file: Path) -> str:
    """Tokens joined by spaces, one line per sentence."""
    root = ET.parse(file).getroot()
    lines: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        lines.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    return "\n".join(" ".join(t for t in lines[k] if t) for k in sorted(lines))


def load_ecbplus(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[EcbDoc]:
    """Every topic folder under ``path`` (a split is a set of topics: ``split`` unused)."""
    root = require_path(path, "ECB+ data")
    files = []
    for folder in root.iterdir():
        if folder.is_dir():
            for f in folder.glob("*.xml"):
                m = _FILE.match(f.name)
                if m:
                    files.append((int(m.group(1)), m.group(3), int(m.group(2)), f))
    files.sort()
    # Limit before parsing: reading the XML is the slow part.
    return [EcbDoc(f.stem, str(topic), sub, read_ecb_text(f))
            for topic, sub, _, f in limited(files, limit)]


def _tfidf(texts: Sequence[str]) -> list[dict[str, float]]:
    bags = [Counter(w for w in words(t) if w not in _STOP and not w.isdigit()) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(texts)
    vecs = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w]) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vecs.append({w: v / norm for w, v in vec.items()})
    return vecs


def tfidf_cluster(records: Sequence[Record], threshold: float = THRESHOLD) -> list[int]:
    """Baseline: connected components of the cosine >= threshold graph (labels 0..k-1)."""
    vecs = _tfidf([r.article.text for r in records])
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(vecs)), 2):
        a, b = vecs[i], vecs[j]
        if len(a) > len(b):
            a, b = b, a
        if sum(v * b.get(w, 0.0) for w, v in a.items()) >= threshold:
            parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(records))]


def b3_counts(gold: Sequence[object], pred: Sequence[object]) -> tuple[float, float]:
    """Sums (not means) of per-item B-cubed precision and recall."""
    p_sum = r_sum = 0.0
    for i in range(len(gold)):
        same_pred = {j for j in range(len(pred)) if pred[j] == pred[i]}
        same_gold = {j for j in range(len(gold)) if gold[j] == gold[i]}
        both = len(same_pred & same_gold)
        p_sum += both / len(same_pred)
        r_sum += both / len(same_gold)
    return p_sum, r_sum


def pair_counts(gold: Sequence[object], pred: Sequence[object]) -> tuple[int, int, int]:
    """(pairs together in both, together in pred, together in gold)."""
    tp = n_pred = n_gold = 0
    for i, j in combinations(range(len(gold)), 2):
        g, p = gold[i] == gold[j], pred[i] == pred[j]
        tp += g and p
        n_pred += p
        n_gold += g
    return tp, n_pred, n_gold


def score_ecbplus_records(
    docs: Sequence[EcbDoc], records: Sequence[Record], cluster: Clusterer = tfidf_cluster
) -> EvalResult:
    by_topic: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_topic.setdefault(d.topic, []).append(i)
    p_sum = r_sum = 0.0
    tp = n_pred = n_gold = 0
    for idx in by_topic.values():
        labels = cluster([records[i] for i in idx])
        gold = [docs[i].subtopic for i in idx]
        ps, rs = b3_counts(gold, labels)
        p_sum, r_sum = p_sum + ps, r_sum + rs
        t, np_, ng = pair_counts(gold, labels)
        tp, n_pred, n_gold = tp + t, n_pred + np_, n_gold + ng
    p, r = ratio(p_sum, len(docs)), ratio(r_sum, len(docs))
    return EvalResult("ecbplus", len(docs), {
        "b3_p": p, "b3_r": r, "b3_f1": ratio(2 * p * r, p + r),
        "pairwise_f1": prf(tp, n_pred, n_gold)[2],
    }, notes=(f"{len(by_topic)} topics; clustering within topics",))


def articles(docs: Sequence[EcbDoc]) -> list[Article]:
    return [make_article(d.text, title=d.id) for d in docs]


def score_ecbplus(
    docs: Sequence[EcbDoc], extractor: Extractor, cluster: Clusterer = tfidf_cluster
) -> EvalResult:
    """Extraction runs only for a clusterer that reads records: the text-only baseline
    does not, and skipping 772 long articles keeps ``eval all`` within its time budget."""
    arts = articles(docs)
    if cluster is tfidf_cluster:
        records = [Record(article=a) for a in arts]
    else:
        records = extract_records(extractor, arts)
    return score_ecbplus_records(docs, records, cluster)


__all__ = [
    "METRICS", "THRESHOLD", "Clusterer", "EcbDoc", "b3_counts", "load_ecbplus", "pair_counts",
    "read_ecb_text", "score_ecbplus", "score_ecbplus_records", "tfidf_cluster",
]
