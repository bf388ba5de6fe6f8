"""Scale-out: the extraction pipeline on a Dask cluster, loading its output, and watching
feeds.

    plan_partitions(inputs, size)   inputs -> Partitions (file groups, JSONL / WARC ranges)
    run_batch(inputs, out, settings, workers=2 | scheduler="tcp://...")   -> Parquet + manifest
    load_output(out, store)         Parquet -> store (idempotent), then one clustering pass
    Watcher(feeds, settings, fetcher, sink).run()   poll feeds, fetch new linked articles

Modules: partitions (what a unit of work is), ranges (reading one), process (what a
worker does), output (Parquet + manifest), run (the Dask driver), load, fetch (safe
HTTP), watch (the feed loop), commands (the CLI). Dask, pyarrow and httpx are imported
only inside the functions that need them, so importing this package stays cheap.
"""

from __future__ import annotations

from .partitions import Partition, plan_partitions

__all__ = ["Partition", "plan_partitions"]
