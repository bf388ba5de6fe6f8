"""The evaluation gate: pinned metric floors plus a hash of each gold set.

``eval/baseline.json``::

    {"datasets": {"muc4": {"sha256": "...", "floors": {"ree_f1": 0.0, ...}}, ...}}

A run fails when a metric falls below its floor, when a baselined dataset was not scored,
or when a gold set's files changed (the hash covers every file, sorted by relative path,
so a silently edited gold file trips it). Floors are raised by hand as extraction improves.

Run: ``python -m eventwire.evaluate.gate DIR [--baseline eval/baseline.json]`` (exit 1 on
failure) or ``--write-hashes`` to record the current hashes (floors kept, new ones 0.0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .base import Dataset, EvalResult, Extractor
from .registry import REGISTRY, format_results, run_all

DEFAULT_BASELINE = Path("eval") / "baseline.json"
_TOLERANCE = 1e-9  # float noise, not slack


def dataset_hash(path: str | Path) -> str:
    """sha256 over (relative path, file sha256) of every file, sorted by relative path."""
    root = Path(path)
    files = [root] if root.is_file() else sorted(
        (p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix()
    )
    total = hashlib.sha256()
    for f in files:
        rel = f.name if f == root else f.relative_to(root).as_posix()
        total.update(rel.encode("utf-8") + b"\0")
        total.update(hashlib.sha256(f.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return total.hexdigest()


def _locate(name: str, data_dir: Path, datasets: Sequence[Dataset]) -> Path | None:
    for ds in datasets:
        if ds.name == name:
            return ds.locate(data_dir)
    path = data_dir / name
    return path if path.exists() else None


def check_gate(
    results: Sequence[EvalResult], baseline: Mapping[str, Any], data_dir: str | Path,
    datasets: Sequence[Dataset] = REGISTRY,
) -> list[str]:
    """Failures (empty list: the gate passes)."""
    failures: list[str] = []
    by_name = {r.dataset: r for r in results}
    for name, entry in sorted((baseline.get("datasets") or {}).items()):
        path = _locate(name, Path(data_dir), datasets)
        if path is None:
            failures.append(f"{name}: gold data not found under {data_dir}")
            continue
        expected = entry.get("sha256")
        if expected and dataset_hash(path) != expected:
            failures.append(f"{name}: gold data changed (sha256 differs from the baseline)")
        result = by_name.get(name)
        if result is None:
            failures.append(f"{name}: not evaluated")
            continue
        if result.error is not None:
            failures.append(f"{name}: could not be scored: {result.error}")
            continue
        for metric, floor in sorted((entry.get("floors") or {}).items()):
            value = result.metrics.get(metric)
            if value is None:
                failures.append(f"{name}: metric {metric} missing")
            elif value < float(floor) - _TOLERANCE:
                failures.append(f"{name}: {metric} = {value:.4f} below floor {float(floor):.4f}")
    # a dataset found but not baselined yet that cannot be read fails too, not silently
    baselined = set(baseline.get("datasets") or {})
    failures += [f"{r.dataset}: could not be scored: {r.error}" for r in results
                 if r.error is not None and r.dataset not in baselined]
    return failures


def with_hashes(
    baseline: Mapping[str, Any], data_dir: str | Path, datasets: Sequence[Dataset] = REGISTRY
) -> dict[str, Any]:
    """The baseline with current hashes for every dataset found; floors kept (new: 0.0)."""
    entries = {k: dict(v) for k, v in (baseline.get("datasets") or {}).items()}
    for ds in datasets:
        path = ds.locate(data_dir)
        if path is None:
            continue
        entry = entries.setdefault(ds.name, {})
        entry["sha256"] = dataset_hash(path)
        floors = dict(entry.get("floors") or {})
        for metric in ds.metrics:
            floors.setdefault(metric, 0.0)
        entry["floors"] = floors
    return {**baseline, "datasets": dict(sorted(entries.items()))}


def load_baseline(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if not p.exists():
        return {"datasets": {}}
    data: dict[str, Any] = json.loads(p.read_text(encoding="utf-8"))
    return data


def _pipeline() -> Extractor:
    from ..config import load_settings
    from ..nlp.pipeline import Pipeline  # spaCy loads only when the gate really runs

    return Pipeline(load_settings())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score every gold set and check the floors.")
    ap.add_argument("data_dir", help="folder holding the gold sets (e.g. ../shared/eval/dev)")
    ap.add_argument("--baseline", default=str(DEFAULT_BASELINE), help="baseline JSON file")
    ap.add_argument("--write-hashes", action="store_true",
                    help="record the gold sets' current hashes in the baseline and stop")
    ap.add_argument("--limit", type=int, default=None, help="score only N docs per dataset")
    ap.add_argument("--json", action="store_true", help="print results as JSON")
    args = ap.parse_args(argv)
    data_dir = Path(args.data_dir)
    if not data_dir.is_dir():
        print(f"error: no such folder: {data_dir}", file=sys.stderr)
        return 2
    baseline = load_baseline(args.baseline)
    if args.write_hashes:
        updated = with_hashes(baseline, data_dir)
        Path(args.baseline).write_text(json.dumps(updated, indent=2) + "\n", encoding="utf-8")
        print(f"wrote hashes for {len(updated['datasets'])} datasets to {args.baseline}")
        return 0
    results = run_all(data_dir, _pipeline(), limit=args.limit)
    if args.json:
        print(json.dumps([r.to_dict() for r in results], indent=2))
    else:
        print(format_results(results))
    failures = check_gate(results, baseline, data_dir)
    for f in failures:
        print(f"GATE FAIL {f}", file=sys.stderr)
    print("gate: " + ("FAILED" if failures else "passed"), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["DEFAULT_BASELINE", "check_gate", "dataset_hash", "load_baseline", "main",
           "with_hashes"]
