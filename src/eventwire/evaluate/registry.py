"""The gold sets eventwire is scored on, in one explicit tuple, and the runners.

``REGISTRY`` lists every dataset; importing this module runs nothing. The geoparsing and
timex evaluations live in their own modules; they join the registry when they import
cleanly (a missing or broken one is left out, not fatal). Time expressions are two
entries: ``timex`` (MEANTIME, folder ``timex``) and ``timebank`` (TimeBank + AQUAINT
TimeML, folder ``timebank``); both read either format.

Every loader reads whichever split its folder holds (``dev``/``test``/``train`` names or
the only file of its kind; dev first when there are several): see ``base.pick_split``.
``run_all`` turns a dataset that cannot be read or scored into an error entry and goes on.
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
    incidents,
    muc4,
    plover,
    polnear,
    seed,
    wikievents,
)
from .base import (
    Dataset,
    EvalError,
    EvalResult,
    Extractor,
    extract_records,
    limited,
    one_line,
    split_file,
)

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
    Dataset("incidents", "incidents", incidents.load_incidents, incidents.score_incidents,
            incidents.METRICS, "incident gold: every incident in scope, its fields"),
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

    def load(path: Path, limit: int | None, split: str | None = None) -> Sequence[Any]:
        file = split_file(path, (".xml",), "geoparsing data", split, usual="lgl.xml")
        return limited(mod.load_lgl(file), limit)

    def score(docs: Sequence[Any], extractor: Extractor) -> EvalResult:
        records = extract_records(extractor, [make_article(d.text, title=d.id) for d in docs])
        by_id = {d.id: r for d, r in zip(docs, records, strict=True)}
        scores = mod.score_geoparsing(docs, lambda d: toponyms(by_id[d.id], mod.PredictedToponym))
        # resolution only (gold spans given, no gold ids or coordinates): the published
        # LGL figures (e.g. mordecai3's 82.7 % within 161 km) are in this setting
        from ..geo import load_gazetteer

        scores.update(mod.score_resolution_only(docs, load_gazetteer()))
        corpora = sorted({getattr(d, "corpus", "lgl") for d in docs})
        return EvalResult("geoparsing", len(docs), {k: float(scores.get(k, 0.0)) for k in metrics},
                          notes=("toponyms = event places + GPE/LOC entity mentions",
                                 f"format: {', '.join(corpora) or 'none'}"))

    return Dataset("geoparsing", "geoparsing", load, score, metrics,
                   "LGL or GeoWebNews toponyms (end to end)")


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


_TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def _timex_dataset(mod: Any, name: str, description: str) -> Dataset:
    metrics = ("detect_f1_strict", "detect_f1_relaxed", "value_f1", "type_f1")

    def load(path: Path, limit: int | None, split: str | None = None) -> Sequence[Any]:
        # MEANTIME .xml and TimeML .tml alike; a corpus is a folder tree, not split files
        docs = mod.load_docs(path)
        if not docs:
            raise EvalError(f"{name}: no MEANTIME .xml or TimeML .tml file under {path}")
        return limited(docs, limit)

    def score(docs: Sequence[Any], extractor: Extractor) -> EvalResult:
        # Time expressions are scored with eventwire's own detector (the pipeline's records
        # only carry the times of events, not every expression).
        out = mod.score_timex(docs, mod.predict_with_rules)
        values = {k: float(v) for k, v in out.items() if isinstance(v, (int, float))}
        per_type = out.get("per_type") or {}
        table = {
            t: {k: float(per_type[f"{t}_{k}"]) for k in ("gold", "detect_recall", "value_recall")}
            for t in _TIMEX_TYPES if f"{t}_gold" in per_type
        }
        return EvalResult(name, len(docs), {k: values.get(k, 0.0) for k in metrics},
                          notes=("eventwire.timex rules, not the pipeline's event times",),
                          details={"per_type": table})

    return Dataset(name, name, load, score, metrics, description)


def _timex() -> tuple[Dataset, ...]:
    mod = _module("timex")
    if mod is None or not all(hasattr(mod, f) for f in ("load_docs", "score_timex",
                                                         "predict_with_rules")):
        return ()
    return (
        _timex_dataset(mod, "timex", "MEANTIME time expressions"),
        _timex_dataset(mod, "timebank", "TimeBank + AQUAINT (TimeML) time expressions"),
    )


REGISTRY: tuple[Dataset, ...] = CORE + tuple(
    d for d in (_geoparsing(),) if d is not None
) + _timex()


# -- running ---------------------------------------------------------------------------------


def get_dataset(name: str) -> Dataset:
    for d in REGISTRY:
        if d.name == name:
            return d
    raise EvalError(f"unknown dataset {name!r}; known: {', '.join(d.name for d in REGISTRY)}")


def run_eval(
    name: str, path: str | Path, pipeline: Extractor, limit: int | None = None,
    split: str | None = None,
) -> EvalResult:
    """Load one dataset from ``path`` (its own folder or file) and score the pipeline."""
    ds = get_dataset(name)
    p = Path(path)
    if not p.exists():
        raise EvalError(f"{name}: no data at {p}")
    return ds.score(ds.read(p, limit, split), pipeline)


def run_all(
    data_dir: str | Path, pipeline: Extractor, limit: int | None = None,
    datasets: Sequence[Dataset] = REGISTRY, split: str | None = None,
) -> list[EvalResult]:
    """Every dataset whose folder exists under ``data_dir`` (seed: also ``<dir>/../../seed``).

    A dataset that cannot be read or scored becomes an error entry (``EvalResult.error``,
    one line) and the others still run: one bad file must not hide every other figure.
    """
    out = []
    for ds in datasets:
        path = ds.locate(data_dir)
        if path is None:
            continue
        try:
            out.append(ds.score(ds.read(path, limit, split), pipeline))
        except EvalError as err:
            out.append(EvalResult.failed(ds.name, str(err)))
        except Exception as err:  # any other failure: reported as an entry, the run goes on
            out.append(EvalResult.failed(ds.name, one_line(err)))
    return out


def format_results(results: Sequence[EvalResult]) -> str:
    """Plain-text table: one line per dataset, then its metrics and detail tables."""
    lines = []
    for r in results:
        if r.error is not None:
            lines.append(f"{r.dataset}: ERROR {r.error}")
            continue
        lines.append(f"{r.dataset} ({r.n_docs} docs)")
        lines += [f"  {k:<22} {v:.4f}" for k, v in r.metrics.items()]
        for table, rows in r.details.items():
            columns = list(dict.fromkeys(k for cells in rows.values() for k in cells))
            # counts as whole numbers, shares with four decimals: one format per column
            whole = {c: all(float(cells[c]).is_integer() for cells in rows.values()
                            if c in cells) for c in columns}
            lines.append(f"  {table + ':':<22}" + "  ".join(f"{c:>14}" for c in columns))
            lines += [
                f"    {row:<20}" + "  ".join(
                    f"{cells[c]:>14.{0 if whole[c] else 4}f}" if c in cells else f"{'':>14}"
                    for c in columns)
                for row, cells in rows.items()
            ]
    return "\n".join(lines)


def failed(results: Sequence[EvalResult]) -> list[EvalResult]:
    """The error entries among results."""
    return [r for r in results if r.error is not None]


class _Articles:
    """Collects articles; a tiny Extractor that returns empty records (for --dry runs)."""

    def pipe(self, articles: Any) -> Any:
        for a in articles:
            yield Record(article=a)


EMPTY_EXTRACTOR: Extractor = _Articles()

__all__ = [
    "CORE", "EMPTY_EXTRACTOR", "REGISTRY", "failed", "format_results", "get_dataset",
    "run_all", "run_eval", "toponyms",
]
