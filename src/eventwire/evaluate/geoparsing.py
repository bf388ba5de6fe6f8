"""Geoparsing evaluation on LGL (Lieberman et al. 2010) and GeoWebNews (Gritta et al. 2020).

Formats (told apart by the file's content, ``detect_format``), both as published in the
"Pragmatic Guide to Geoparsing Evaluation" repository: ``<articles>`` of ``<article>``,
each with ``<text>`` and ``<toponyms>`` of ``<toponym>`` elements with ``<start>`` and
``<end>`` character offsets into the text, and

* LGL (``lgl.xml``): ``<phrase>`` and ``<gaztag geonameid="...">`` holding ``<lat>`` and
  ``<lon>``; the article id is its ``docid`` attribute;
* GeoWebNews (``GWN.xml``): ``<extractedName>``, ``<type>`` (Literal, Demonym,
  Metonymic, ...), ``<geonamesID>``, ``<latitude>``, ``<longitude>`` as children of the
  toponym (assumed from memory of that repository: ids or coordinates that are missing
  or not numbers count as absent, and every toponym of every type is gold). The article
  id is its ``id`` or ``docid`` attribute, else its position.

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
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.base import EvalError
from eventwire.geo.distance import haversine_km
from eventwire.geo.gazetteer import Gazetteer, load_gazetteer
from eventwire.geo.resolver import area_after, container_after, resolve_document

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
    type: str | None = None  # GeoWebNews' toponym type; LGL has none


@dataclass(frozen=True, slots=True)
class GeoDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    corpus: str = "lgl"  # the file format it was read from: "lgl" or "gwn"


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


def _int(text: str | None) -> int | None:
    raw = (text or "").strip()
    return int(raw) if raw.isdigit() else None


_GWN_TAGS = ("extractedName", "geonamesID", "latitude", "longitude")


def detect_format(root: ET.Element) -> str:
    """"lgl" (toponyms with ``<gaztag>`` or ``<phrase>``) or "gwn" (GeoWebNews'
    ``<extractedName>``, ``<geonamesID>``, ``<latitude>`` ...); the first toponym that
    shows either decides, and a file without any reads as LGL."""
    for top in root.iter("toponym"):
        if top.find("gaztag") is not None or top.find("phrase") is not None:
            return "lgl"
        if any(top.find(tag) is not None for tag in _GWN_TAGS):
            return "gwn"
    return "lgl"


def _lgl_toponym(top: ET.Element, text: str) -> GoldToponym:
    start, end = int(top.findtext("start") or 0), int(top.findtext("end") or 0)
    name = top.findtext("phrase") or text[start:end]
    gaz = top.find("gaztag")
    if gaz is None:
        return GoldToponym(start, end, name)
    lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
    return GoldToponym(start, end, name, _int(gaz.get("geonameid")), lat, lon)


def _gwn_toponym(top: ET.Element, text: str) -> GoldToponym:
    start, end = int(top.findtext("start") or 0), int(top.findtext("end") or 0)
    return GoldToponym(
        start, end, top.findtext("extractedName") or text[start:end],
        _int(top.findtext("geonamesID")), _float(top.findtext("latitude")),
        _float(top.findtext("longitude")), (top.findtext("type") or "").strip() or None,
    )


def load_geoparsing(path: str | Path) -> list[GeoDoc]:
    """Read an LGL or GeoWebNews XML file (the format is detected from its content)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise EvalError(f"cannot read geoparsing file {path}: {err}") from err
    corpus = detect_format(root)
    read = _gwn_toponym if corpus == "gwn" else _lgl_toponym
    docs: list[GeoDoc] = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        try:
            toponyms = tuple(read(top, text) for top in article.iter("toponym"))
        except ValueError as err:  # an offset that is not a number
            raise EvalError(f"cannot read geoparsing file {path}: {err}") from err
        doc_id = article.get("docid") or article.get("id") or str(len(docs))
        docs.append(GeoDoc(doc_id, text, toponyms, corpus))
    return docs


# the name the registry and older callers know; it reads GeoWebNews files too
load_lgl = load_geoparsing


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
        areas = [area_after(doc.text, e) for _, e in spans]
        matches = resolve_document(gazetteer, names, containers=containers, areas=areas)
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
    parser = argparse.ArgumentParser(
        description="Resolution-only geoparsing scores (LGL or GeoWebNews XML).")
    parser.add_argument("path", help="LGL or GeoWebNews XML file")
    parser.add_argument("--min-population", type=int, default=500,
                        help="gazetteer city tier: 500, 1000, 5000 or 15000")
    parser.add_argument("--folds", type=int, default=1,
                        help="also score N interleaved folds of the documents (doc i in fold "
                             "i mod N): how much the figure moves between halves of a split")
    args = parser.parse_args(argv)
    try:
        docs = load_geoparsing(args.path)
    except EvalError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    gazetteer = load_gazetteer(args.min_population)
    scores = score_resolution_only(docs, gazetteer)
    scores["min_population"] = float(args.min_population)
    out: dict[str, object] = {k: round(v, 4) for k, v in scores.items()}
    if args.folds > 1:
        out["folds"] = [
            {k: round(v, 4) for k, v in score_resolution_only(docs[i::args.folds],
                                                              gazetteer).items()}
            for i in range(args.folds)
        ]
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "GeoDoc", "GoldToponym", "PredictedToponym", "detect_format", "load_geoparsing",
    "load_lgl", "main",
    "resolve_gold_toponyms", "score_geoparsing", "score_resolution_only",
]
