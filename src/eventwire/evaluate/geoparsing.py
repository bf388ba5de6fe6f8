"""Geoparsing evaluation on LGL-format gold sets (Lieberman et al. 2010).

Two settings:

* end to end, ``score_geoparsing(docs, predict)``: ``predict(doc)`` finds and resolves the
  toponyms. ``toponym_p/r/f1`` compare spans exactly (start and end). The resolution
  metrics (``geonameid_acc``, ``acc_161km``, ``mean_error_km``) are computed over the gold
  toponyms whose span was detected AND that carry gold coordinates (LGL leaves some
  toponyms, mostly streets, without a GeoNames entry): the denominator is
  ``resolved_n``, not all gold toponyms.
* resolution only, ``score_resolution_only(docs, gazetteer)``: the gold spans are given
  to the resolver (the setting of the published "accuracy within 161 km" figures for
  LGL). Denominator: every gold toponym with gold coordinates (``gold_n``). The resolver
  sees the text and the spans only, never gold ids or coordinates.

Distance convention: a prediction with the gold geonameid counts as 0 km (same GeoNames
entity; our points for countries/states are medians of city points, not GeoNames'
centroids). ``acc_161km_gold_coords`` reports the strict distance-only figure too. A
toponym left unresolved counts as a miss with the maximum error, 20,039 km (half the
Earth's circumference), as in Gritta et al.

Run: ``python -m eventwire.evaluate.geoparsing PATH/lgl.xml [--min-population N]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.base import EvalError
from eventwire.geo.distance import haversine_km
from eventwire.geo.gazetteer import Gazetteer, load_gazetteer
from eventwire.geo.resolver import container_after, resolve_document

MAX_ERROR_KM = 20039.0
TOLERANCE_KM = 161.0  # 100 miles, the usual threshold in the geoparsing literature


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class GeoDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class PredictedToponym:
    start: int
    end: int
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def load_lgl(path: str | Path) -> list[GeoDoc]:
    """Read an LGL-format XML file (articles -> text + toponyms with gaztag)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise EvalError(f"cannot read LGL file {path}: {err}") from err
    docs: list[GeoDoc] = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for top in article.iter("toponym"):
            start, end = int(top.findtext("start") or 0), int(top.findtext("end") or 0)
            name = top.findtext("phrase") or text[start:end]
            gaz = top.find("gaztag")
            geonameid = lat = lon = None
            if gaz is not None:
                raw_id = gaz.get("geonameid")
                geonameid = int(raw_id) if raw_id and raw_id.isdigit() else None
                lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
            toponyms.append(GoldToponym(start, end, name, geonameid, lat, lon))
        docs.append(GeoDoc(article.get("docid") or str(len(docs)), text, tuple(toponyms)))
    return docs


def _error_km(gold: GoldToponym, pred: PredictedToponym | None, *, by_id: bool) -> float:
    assert gold.lat is not None and gold.lon is not None
    if pred is None:
        return MAX_ERROR_KM
    if by_id and pred.geonameid is not None and pred.geonameid == gold.geonameid:
        return 0.0
    if pred.lat is None or pred.lon is None:
        return MAX_ERROR_KM
    return haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)


def _resolution_metrics(
    pairs: Sequence[tuple[GoldToponym, PredictedToponym | None]], suffix: str
) -> dict[str, float]:
    located = [(g, p) for g, p in pairs if g.lat is not None and g.lon is not None]
    n = len(located)
    if not n:
        return {f"geonameid_acc{suffix}": 0.0, f"acc_161km{suffix}": 0.0}
    errors = [_error_km(g, p, by_id=True) for g, p in located]
    strict = [_error_km(g, p, by_id=False) for g, p in located]
    same_id = sum(1 for g, p in located if p is not None and p.geonameid == g.geonameid)
    return {
        f"geonameid_acc{suffix}": same_id / n,
        f"acc_161km{suffix}": sum(e <= TOLERANCE_KM for e in errors) / n,
        f"acc_161km{suffix}_coords": sum(e <= TOLERANCE_KM for e in strict) / n,
        f"mean_error_km{suffix}": statistics.fmean(errors),
        f"median_error_km{suffix}": statistics.median(errors),
    }


def score_geoparsing(
    docs: Iterable[GeoDoc], predict: Callable[[GeoDoc], Sequence[PredictedToponym]]
) -> dict[str, float]:
    """End-to-end scores (see the module docstring for denominators)."""
    gold_n = pred_n = 0
    matched: list[tuple[GoldToponym, PredictedToponym | None]] = []
    for doc in docs:
        predicted = {(p.start, p.end): p for p in predict(doc)}
        pred_n += len(predicted)
        gold_n += len(doc.toponyms)
        for gold in doc.toponyms:
            found = predicted.get((gold.start, gold.end))
            if found is not None:
                matched.append((gold, found))
    tp = len(matched)
    p = tp / pred_n if pred_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    scores = {
        "toponym_p": p,
        "toponym_r": r,
        "toponym_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "gold_n": float(gold_n),
        "pred_n": float(pred_n),
        "resolved_n": float(sum(1 for g, _ in matched if g.lat is not None)),
    }
    scores.update(_resolution_metrics(matched, ""))
    return scores


def resolve_gold_toponyms(
    docs: Iterable[GeoDoc], gazetteer: Gazetteer
) -> dict[str, list[PredictedToponym]]:
    """Resolution only: each doc's gold spans resolved together, as a system would
    resolve its own detected toponyms. Uses the text and the spans, nothing else."""
    out: dict[str, list[PredictedToponym]] = {}
    for doc in docs:
        spans = [(t.start, t.end) for t in doc.toponyms]
        names = [doc.text[s:e] for s, e in spans]
        containers = [container_after(gazetteer, doc.text, e) for _, e in spans]
        matches = resolve_document(gazetteer, names, containers=containers)
        out[doc.id] = [
            PredictedToponym(
                s, e, name,
                None if m is None else m.geonameid,
                None if m is None else m.lat,
                None if m is None else m.lon,
            )
            for (s, e), name, m in zip(spans, names, matches, strict=True)
        ]
    return out


def score_resolution_only(docs: Sequence[GeoDoc], gazetteer: Gazetteer) -> dict[str, float]:
    """Resolution-only accuracy over all gold toponyms that have gold coordinates."""
    predictions = resolve_gold_toponyms(docs, gazetteer)
    pairs: list[tuple[GoldToponym, PredictedToponym | None]] = []
    for doc in docs:
        by_span = {(p.start, p.end): p for p in predictions[doc.id]}
        for gold in doc.toponyms:
            pred = by_span.get((gold.start, gold.end))
            pairs.append((gold, pred if pred is None or pred.lat is not None else None))
    scores = _resolution_metrics(pairs, "_gold")
    scores["gold_n"] = float(sum(1 for g, _ in pairs if g.lat is not None))
    scores["unresolved_n"] = float(
        sum(1 for g, p in pairs if g.lat is not None and p is None)
    )
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Resolution-only geoparsing scores (LGL).")
    parser.add_argument("path", help="LGL-format XML file")
    parser.add_argument("--min-population", type=int, default=15000,
                        help="gazetteer city tier: 500, 1000, 5000 or 15000")
    args = parser.parse_args(argv)
    docs = load_lgl(args.path)
    scores = score_resolution_only(docs, load_gazetteer(args.min_population))
    scores["min_population"] = float(args.min_population)
    print(json.dumps({k: round(v, 4) for k, v in scores.items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "GeoDoc", "GoldToponym", "PredictedToponym", "load_lgl", "main",
    "resolve_gold_toponyms", "score_geoparsing", "score_resolution_only",
]
