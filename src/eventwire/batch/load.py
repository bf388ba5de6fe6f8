"""``eventwire load OUT``: the finished partitions of a batch run into the store, then one
clustering pass. Loading twice changes nothing: ``Store.write`` is an upsert keyed by the
record's deterministic ids, and a Skipped already logged is not logged again."""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.model import record_from_dict
from eventwire.store import Store

from .output import iter_output

Echo = Callable[[str], None]

# The clustering pass over the whole store, looked up at run time because it lives in
# eventwire.resolve (another part of the project). Each entry: (module, function); the
# function takes the open Store. The first one found runs.
CLUSTERING_HOOKS: tuple[tuple[str, str], ...] = (
    ("eventwire.resolve.storage", "cluster_store"),
)


@dataclass
class LoadSummary:
    partitions: int = 0
    records: int = 0
    new: int = 0  # new or changed records
    unchanged: int = 0
    events: int = 0
    skipped: int = 0  # Skipped rows seen in the output
    clustering: str = "not run"


def _describe(result: Any) -> str:
    """One line from cluster_store's run summaries (kind, items, clusters)."""
    parts = []
    for s in result if isinstance(result, (list, tuple)) else ():
        kind, items, clusters = (getattr(s, k, None) for k in ("kind", "items", "clusters"))
        if kind is not None:
            parts.append(f"{kind}: {items} items, {clusters} canonical")
    return "; ".join(parts) or "done"


def run_clustering(store: Store) -> str:
    """Run the project's clustering pass once over ``store``; returns what happened."""
    for module_name, function_name in CLUSTERING_HOOKS:
        if importlib.util.find_spec(module_name) is None:
            continue
        function: Any = getattr(importlib.import_module(module_name), function_name, None)
        if callable(function):
            return _describe(function(store))
    return "skipped (no clustering function available in eventwire.resolve yet)"


def load_output(
    out_dir: str | Path,
    store: Store,
    *,
    cluster: bool = True,
    progress: bool = False,
    echo: Echo | None = None,
) -> LoadSummary:
    from tqdm import tqdm

    say = echo or (lambda _msg: None)
    summary = LoadSummary()
    bar = tqdm(desc="records", unit=" rec", disable=not progress)
    for _pid, rows, missed in iter_output(Path(out_dir)):
        summary.partitions += 1
        for row in rows:
            record = record_from_dict(json.loads(row["record"]))
            if store.write(record):
                summary.new += 1
            else:
                summary.unchanged += 1
            summary.records += 1
            summary.events += len(record.events)
            bar.update(1)
        for item in missed:
            summary.skipped += 1
            if not store.has_logged(item):
                store.log_skipped(item)
    bar.close()
    if cluster:
        summary.clustering = run_clustering(store)
        say(f"clustering: {summary.clustering}")
    return summary


__all__ = ["CLUSTERING_HOOKS", "LoadSummary", "load_output", "run_clustering"]
