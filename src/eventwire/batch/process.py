"""What a worker does with one partition: read, extract, write Parquet. Plain Python:
Dask only ships the call to a worker, so this runs (and is tested) without a cluster.

The spaCy pipeline is loaded once per worker process, on its first partition, by
``worker_pipeline`` (an ``lru_cache`` of size one keyed by the frozen Settings). That is
the one piece of process-level state in eventwire, and deliberately so: it is created on
first use, never mutated, holds one object per worker process, and a worker given other
Settings simply replaces it. Loading per task would cost seconds per partition; sharing
across processes is impossible anyway.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.model import Article, Record, Skipped

from .output import Finished, write_partition
from .partitions import Partition
from .ranges import read_partition


@dataclass(frozen=True)
class LoadedPipeline:
    pipeline: Any  # eventwire.nlp.pipeline.Pipeline (spaCy stays inside eventwire.nlp)
    # a worker started with several threads runs tasks concurrently; spaCy objects are not
    # meant to be shared across threads, so partitions take turns on the one pipeline
    lock: threading.Lock


@functools.lru_cache(maxsize=1)
def worker_pipeline(settings: Settings) -> LoadedPipeline:
    from eventwire.nlp.pipeline import Pipeline

    return LoadedPipeline(Pipeline(settings), threading.Lock())


def extract_all(
    pipeline: Any, articles: Iterable[Article], skipped: list[Skipped]
) -> Iterator[Record]:
    """Records for ``articles``; an article that breaks a stage becomes a Skipped with its
    reason (the stage named) and the partition goes on."""

    def skip(article: Article, err: Exception) -> None:
        # an article over a limit (time, mentions) says so; any other failure is a failure
        over = type(err).__name__ == "OverLimit"
        reason = (str(err) if over else f"extraction failed: {err}").splitlines()[0]
        skipped.append(Skipped(article.url or article.id, reason))

    return pipeline.pipe(articles, on_error=skip)


def process_partition(
    part: Partition, settings: Settings, out_dir: str, pipeline: Any | None = None
) -> Finished:
    """Read, extract and write one partition; returns its manifest entry (the driver
    appends it). ``pipeline`` is for tests; workers use ``worker_pipeline``."""
    started, cpu_started = time.perf_counter(), time.process_time()
    skipped: list[Skipped] = []

    def articles() -> Iterator[Article]:
        seen: set[str] = set()
        for item in read_partition(part, settings):
            if isinstance(item, Skipped):
                skipped.append(item)
            elif item.id in seen:  # the same text twice in one partition: one record
                skipped.append(Skipped(item.url or item.id, "duplicate of an earlier article"))
            else:
                seen.add(item.id)
                yield item

    if pipeline is not None:
        records = list(extract_all(pipeline, articles(), skipped))
    else:
        loaded = worker_pipeline(settings)
        with loaded.lock:
            records = list(
                extract_all(loaded.pipeline, articles(), skipped)
            )
    n_records, n_events, n_skipped = write_partition(Path(out_dir), part.id, records, skipped)
    return Finished(
        part.id, n_records, n_events, n_skipped,
        seconds=time.perf_counter() - started,
        worker=f"{socket.gethostname()}:{os.getpid()}",
        cpu_seconds=time.process_time() - cpu_started,
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux/macOS; 0.0 elsewhere)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if os.uname().sysname == "Darwin" else peak / 1024


__all__ = ["LoadedPipeline", "extract_all", "peak_rss_mb", "process_partition",
           "worker_pipeline"]
