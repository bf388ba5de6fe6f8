"""The batch output folder: Parquet files per partition, written atomically, and the
manifest that says which partitions are finished.

    OUT/batch.json               the plan (partition size, every partition)
    OUT/manifest.jsonl           one line per finished partition, appended by the driver
    OUT/records/<id>.parquet     one row per Record
    OUT/skipped/<id>.parquet     one row per Skipped input (nothing is lost silently)

A partition counts as finished only once its line is in the manifest, and that line is
written after both Parquet files are in place. A run killed at any point therefore leaves
either a finished partition or one that the next run redoes; redoing it rewrites the same
file names (temp file + rename), so nothing is duplicated.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError
from eventwire.model import Record, Skipped, to_dict

from .partitions import Partition

PLAN = "batch.json"
MANIFEST = "manifest.jsonl"
RECORDS = "records"
SKIPPED = "skipped"
TMP_PREFIX = ".tmp-"
FORMAT_VERSION = 1


def _record_schema() -> Any:
    import pyarrow as pa

    return pa.schema([
        ("article_id", pa.string()),
        ("partition", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("n_events", pa.int32()),
        ("categories", pa.list_(pa.string())),
        ("record", pa.string()),  # the record JSON (schema_version "1"), the full contract
    ])


def _skipped_schema() -> Any:
    import pyarrow as pa

    return pa.schema([("partition", pa.string()), ("source", pa.string()),
                      ("reason", pa.string())])


def record_row(record: Record, partition: str) -> dict[str, Any]:
    a = record.article
    return {
        "article_id": a.id,
        "partition": partition,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published,
        "n_events": len(record.events),
        "categories": sorted({e.category for e in record.events}),
        "record": json.dumps(to_dict(record), ensure_ascii=False),
    }


def _write_atomic(rows: list[dict[str, Any]], schema: Any, target: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{TMP_PREFIX}{target.stem}-{os.getpid()}{target.suffix}")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp, compression="zstd")
    with tmp.open("rb") as handle:  # on disk before the rename makes it visible
        os.fsync(handle.fileno())
    os.replace(tmp, target)


def write_partition(
    out_dir: Path, partition: str, records: Iterable[Record], skipped: Iterable[Skipped]
) -> tuple[int, int, int]:
    """Both Parquet files of one partition; returns (records, events, skipped) counts."""
    rows = [record_row(r, partition) for r in records]
    missed = [{"partition": partition, "source": s.source, "reason": s.reason}
              for s in skipped]
    _write_atomic(missed, _skipped_schema(), out_dir / SKIPPED / f"{partition}.parquet")
    _write_atomic(rows, _record_schema(), out_dir / RECORDS / f"{partition}.parquet")
    return len(rows), sum(r["n_events"] for r in rows), len(missed)


@dataclass(frozen=True, slots=True)
class Finished:
    """A manifest line."""

    id: str
    records: int
    events: int
    skipped: int
    seconds: float = 0.0
    worker: str = ""
    finished: str = ""
    cpu_seconds: float = 0.0  # CPU time of the worker process: honest on a busy machine

    def to_json(self) -> str:
        return json.dumps({
            "id": self.id, "records": self.records, "events": self.events,
            "skipped": self.skipped, "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "worker": self.worker, "finished": self.finished,
        })


def read_manifest(out_dir: Path) -> dict[str, Finished]:
    """Finished partitions by id. A half-written last line (the driver was killed while
    appending) is ignored: that partition is simply redone."""
    path = out_dir / MANIFEST
    done: dict[str, Finished] = {}
    if not path.exists():
        return done
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            d = json.loads(line)
            done[d["id"]] = Finished(
                d["id"], int(d["records"]), int(d["events"]), int(d["skipped"]),
                float(d.get("seconds", 0.0)), str(d.get("worker", "")),
                str(d.get("finished", "")), float(d.get("cpu_seconds", 0.0)),
            )
        except (ValueError, KeyError, TypeError):
            continue
    return done


def append_manifest(out_dir: Path, entry: Finished) -> None:
    path = out_dir / MANIFEST
    # a previous run killed mid-line left no newline: start on a fresh line
    needs_newline = path.exists() and path.stat().st_size > 0 and not _ends_with_newline(path)
    when = entry.finished or datetime.now(UTC).isoformat(timespec="seconds")
    stamped = dataclasses.replace(entry, finished=when)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(("\n" if needs_newline else "") + stamped.to_json() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def prepare_out_dir(out_dir: Path, plan: list[Partition], size: int) -> dict[str, Finished]:
    """Create or re-open OUT; returns the partitions already finished.

    Refuses when OUT holds finished partitions that the new plan does not contain: the
    inputs or the partition size changed, and mixing both plans could duplicate records."""
    out_dir.mkdir(parents=True, exist_ok=True)
    done = read_manifest(out_dir)
    ids = {p.id for p in plan}
    foreign = [i for i in done if i not in ids]
    if foreign:
        raise ConfigError(
            f"{out_dir} holds {len(foreign)} finished partition(s) from different inputs or "
            "a different --partition-size; use the same inputs and size, or a new --out"
        )
    for stale in out_dir.glob(f"*/{TMP_PREFIX}*"):  # temp files of a killed run
        stale.unlink(missing_ok=True)
    plan_doc = {
        "format": FORMAT_VERSION,
        "partition_size": size,
        "partitions": [p.to_dict() for p in plan],
    }
    tmp = out_dir / f"{TMP_PREFIX}{PLAN}"
    tmp.write_text(json.dumps(plan_doc, indent=1), encoding="utf-8")
    os.replace(tmp, out_dir / PLAN)
    return {i: f for i, f in done.items() if i in ids}


def iter_output(out_dir: Path) -> Iterator[tuple[str, list[dict[str, Any]], list[Skipped]]]:
    """(partition id, record rows, skipped) for every finished partition, in plan order.
    Only manifest-listed partitions are read: files of an unfinished one are ignored."""
    import pyarrow.parquet as pq

    done = read_manifest(out_dir)
    if not (out_dir / PLAN).exists() and not done:
        raise ConfigError(f"{out_dir} is not an eventwire batch output (no {PLAN})")
    order = [p["id"] for p in _plan(out_dir)] or list(done)
    for pid in [i for i in order if i in done]:
        rows = pq.read_table(out_dir / RECORDS / f"{pid}.parquet").to_pylist()
        skipped_path = out_dir / SKIPPED / f"{pid}.parquet"
        missed = [Skipped(r["source"], r["reason"])
                  for r in pq.read_table(skipped_path).to_pylist()] if skipped_path.exists() else []
        yield pid, rows, missed


def _plan(out_dir: Path) -> list[dict[str, Any]]:
    path = out_dir / PLAN
    if not path.exists():
        return []
    parts: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["partitions"]
    return parts


__all__ = [
    "MANIFEST", "PLAN", "RECORDS", "SKIPPED", "Finished", "append_manifest", "iter_output",
    "prepare_out_dir", "read_manifest", "record_row", "write_partition",
]
