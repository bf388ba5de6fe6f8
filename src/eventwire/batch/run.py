"""The driver of ``eventwire batch``: plan partitions, start (or join) a Dask cluster, send
the unfinished partitions to the workers, and append each finished one to the manifest.

Dask does the distributed part (scheduling, retries, lost workers); eventwire only
decides what a partition is and what "finished" means (see output.py).
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ConfigError, one_line

from .output import append_manifest, prepare_out_dir
from .partitions import DEFAULT_SIZE, Partition, plan_partitions
from .process import peak_rss_mb, process_partition

Echo = Callable[[str], None]


@dataclass
class BatchSummary:
    partitions: int = 0  # in the plan
    already_done: int = 0  # finished by an earlier run, skipped now
    done_now: int = 0
    records: int = 0  # written by this run
    events: int = 0
    skipped: int = 0
    seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (partition, reason)
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)
    dashboard: str | None = None


def _dashboard_address(dashboard: bool) -> str | None:
    # the dashboard needs bokeh (in the batch extra; a bare dask install may lack it)
    if dashboard and importlib.util.find_spec("bokeh") is not None:
        # loopback only, any free port: several clusters may run on one machine
        return "127.0.0.1:0"
    return None


def _connect(workers: int, scheduler: str | None, dashboard: bool, processes: bool) -> Any:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as err:
            raise ConfigError(f"cannot reach Dask scheduler {scheduler}: {err}") from err
    if workers < 1:
        raise ConfigError("--workers must be at least 1")
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # one pipeline per process; processes give real parallelism
        processes=processes,
        dashboard_address=_dashboard_address(dashboard),
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def run_batch(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    settings: Settings,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_SIZE,
    progress: bool = False,
    dashboard: bool = True,
    processes: bool = True,
    retries: int = 1,
    echo: Echo | None = None,
) -> BatchSummary:
    """Extract every input into Parquet under ``out_dir``; partitions finished by an earlier
    run are skipped. Failed partitions are reported in the summary (and redone next run).
    """
    from distributed import as_completed
    from tqdm import tqdm

    say = echo or (lambda _msg: None)
    started = time.perf_counter()
    out = Path(out_dir).resolve()
    plan = plan_partitions(inputs, partition_size)
    done = prepare_out_dir(out, plan, partition_size)
    todo: list[Partition] = [p for p in plan if p.id not in done]
    summary = BatchSummary(partitions=len(plan), already_done=len(done))
    if done:
        say(f"{len(done)} of {len(plan)} partition(s) already finished in {out}; skipping them")
    if not todo:
        summary.seconds = time.perf_counter() - started
        return summary

    client, cluster = _connect(workers, scheduler, dashboard, processes)
    try:
        has_dashboard = scheduler is not None or _dashboard_address(dashboard) is not None
        summary.dashboard = client.dashboard_link if has_dashboard else None
        say(f"Dask dashboard: {summary.dashboard}" if summary.dashboard
            else "Dask dashboard: off (install bokeh to get one)")
        futures = {
            client.submit(
                process_partition, part, settings, str(out),
                key=f"eventwire-partition-{part.id}", pure=False, retries=retries,
            ): part
            for part in todo
        }
        bar = tqdm(total=len(todo), desc="partitions", unit=" part", disable=not progress)
        for future in as_completed(futures):
            part = futures[future]
            try:
                entry = future.result()
            except Exception as err:  # the task raised, or its worker died too often
                summary.failed.append((part.id, f"{part.describe()}: {one_line(err)}"))
                say(f"partition {part.id} failed ({part.describe()}): {one_line(err)}")
            else:
                append_manifest(out, entry)
                summary.done_now += 1
                summary.records += entry.records
                summary.events += entry.events
                summary.skipped += entry.skipped
                bar.set_postfix(records=summary.records, events=summary.events, refresh=False)
            bar.update(1)
        bar.close()
        # a figure for reports, never worth failing a run over
        with contextlib.suppress(Exception):
            summary.worker_peak_rss_mb = dict(client.run(peak_rss_mb))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["BatchSummary", "run_batch"]
