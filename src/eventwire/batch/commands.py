"""CLI commands of the batch package: ``batch``, ``load`` and ``watch``. Thin: each one
calls the library and turns its summary into a few lines on stderr. Heavy imports (Dask,
pyarrow, httpx, spaCy) stay inside the functions so ``eventwire --help`` stays fast."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

EXIT_OK, EXIT_SKIPPED = 0, 1


def _echo(message: str) -> None:
    click.echo(message, err=True)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, help="Output folder (Parquet + manifest).")
@click.option("--workers", type=int, default=None,
              help="Worker processes of the local Dask cluster (default: 1 per core).")
@click.option("--scheduler", help="Use an existing Dask cluster: tcp://HOST:PORT.")
@click.option("--partition-size", type=int, default=None,
              help="Articles (files, JSONL lines, WARC records) per partition (default 100).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on a terminal).")
@click.pass_obj
def batch(
    ctx: Any,
    inputs: tuple[str, ...],
    out_dir: str,
    workers: int | None,
    scheduler: str | None,
    partition_size: int | None,
    progress: bool | None,
) -> None:
    """Extract INPUTS (files, folders, WARC, JSONL) on Dask into Parquet under --out.

    Each partition is written atomically and listed in OUT/manifest.jsonl; running the
    same command again skips finished partitions. Load the result with `eventwire load`."""
    import os

    from .partitions import DEFAULT_SIZE
    from .run import run_batch

    if workers is not None and scheduler:
        raise click.UsageError("give --workers or --scheduler, not both")
    summary = run_batch(
        inputs,
        out_dir,
        ctx.settings,
        workers=workers or os.cpu_count() or 1,
        scheduler=scheduler,
        partition_size=partition_size or DEFAULT_SIZE,
        progress=sys.stderr.isatty() if progress is None else progress,
        echo=_echo,
    )
    _echo(
        f"{summary.partitions} partitions: {summary.done_now} done now, "
        f"{summary.already_done} already done, {len(summary.failed)} failed; "
        f"{summary.records} records, {summary.events} events, {summary.skipped} skipped "
        f"in {summary.seconds:.1f}s"
    )
    for pid, reason in summary.failed:
        _echo(f"  failed {pid}: {reason}")
    if summary.failed:
        _echo("run the same command again to retry the failed partitions")
    raise SystemExit(EXIT_SKIPPED if summary.failed or summary.skipped else EXIT_OK)


@click.command()
@click.argument("out_dir")
@click.option("--cluster/--no-cluster", default=True,
              help="Run event clustering once after loading (default: on).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on a terminal).")
@click.pass_obj
def load(ctx: Any, out_dir: str, cluster: bool, progress: bool | None) -> None:
    """Load the output of `eventwire batch` from OUT_DIR into the store (idempotent)."""
    from eventwire.store import Store

    from .load import load_output

    with Store(ctx.settings.db_url) as store:
        summary = load_output(
            out_dir, store, cluster=cluster,
            progress=sys.stderr.isatty() if progress is None else progress, echo=_echo,
        )
    _echo(
        f"loaded {summary.records} records from {summary.partitions} partitions: "
        f"{summary.new} new, {summary.unchanged} unchanged; {summary.events} events; "
        f"{summary.skipped} skipped inputs logged"
    )
    raise SystemExit(EXIT_OK)


class _StoreSink:
    """Articles from the watcher -> pipeline -> store. The spaCy pipeline is loaded on the
    first new article, not before (a quiet feed costs no model load)."""

    def __init__(self, settings: Any, store: Any) -> None:
        self.settings = settings
        self.store = store
        self.pipeline: Any = None

    def __call__(self, articles: list[Any], skipped: list[Any]) -> int:
        from .load import run_clustering
        from .process import extract_all

        fresh = [a for a in articles if not self.store.has_article(a.id)]
        failed: list[Any] = []
        new = 0
        if fresh:
            if self.pipeline is None:
                from eventwire.nlp.pipeline import Pipeline

                self.pipeline = Pipeline(self.settings)
            for record in extract_all(self.pipeline, fresh, failed):
                new += bool(self.store.write(record))
        for item in [*skipped, *failed]:
            _echo(f"skipped {item.source}: {item.reason}")
            self.store.log_skipped(item)
        if new:
            run_clustering(self.store)
        return new


@click.command()
@click.argument("feeds", nargs=-1)
@click.option("--interval", type=float, default=300.0, show_default=True,
              help="Seconds between polls of a feed (and between watchlist cycles).")
@click.option("--max-polls", type=int, default=None, help="Stop after N polling rounds.")
@click.option("--once", is_flag=True, help="Poll every feed once, then stop.")
@click.option("--timeout", type=float, default=10.0, show_default=True,
              help="Seconds allowed per HTTP request.")
@click.option("--max-bytes", type=int, default=5_000_000, show_default=True,
              help="Largest feed or page fetched.")
@click.option("--max-redirects", type=int, default=5, show_default=True)
@click.option("--allow-private", is_flag=True,
              help="Allow private and loopback addresses for feeds and webhooks (off: "
                   "refused, SSRF guard).")
@click.option("--state", "state_path",
              help="JSON file keeping ETags, Last-Modified and seen links between runs.")
@click.option("--watchlists/--no-watchlists", "run_lists", default=True, show_default=True,
              help="Run the store's watchlists after each round of polls (their feeds and "
                   "webhooks).")
@click.option("--base-url", default="", metavar="URL",
              help="Where the dashboard is served (e.g. http://host:8000), for the links in "
                   "webhook payloads.")
@click.pass_obj
def watch(
    ctx: Any,
    feeds: tuple[str, ...],
    interval: float,
    max_polls: int | None,
    once: bool,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    allow_private: bool,
    state_path: str | None,
    run_lists: bool,
    base_url: str,
) -> None:
    """Poll RSS/Atom FEEDS and ingest the new articles they link to, continuously; after
    each round, run the watchlists. Without FEEDS, only run the watchlists (once with
    --once, else every --interval seconds)."""
    from eventwire.errors import ConfigError
    from eventwire.store import Store

    from .fetch import Fetcher, FetchPolicy
    from .watch import Watcher, WatchlistCycle

    if not feeds and not run_lists:
        raise ConfigError("nothing to watch: give feeds, or leave the watchlists on")
    policy = FetchPolicy(timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects,
                         allow_private=allow_private)
    with Store(ctx.settings.db_url) as store, Fetcher(policy) as fetcher:
        cycle = WatchlistCycle(store, allow_private=allow_private, timeout=timeout,
                               base_url=base_url, echo=_echo) if run_lists else None
        if not feeds:
            assert cycle is not None
            rounds = 0
            failed_posts = 0
            while True:
                done = cycle()
                failed_posts += done.failed
                _echo(f"{done.watchlists} watchlist(s): {done.new} new incident(s), "
                      f"{done.posted} webhook POST(s), {done.failed} failed")
                rounds += 1
                if once or (max_polls is not None and rounds >= max_polls):
                    break
                time.sleep(interval)
            raise SystemExit(EXIT_SKIPPED if failed_posts else EXIT_OK)
        watcher = Watcher(
            feeds, ctx.settings, fetcher, _StoreSink(ctx.settings, store),
            interval=interval, state_path=state_path, echo=_echo, after_round=cycle,
        )
        results = watcher.run(max_polls=1 if once else max_polls)
    failed = [r for r in results if r.error]
    _echo(f"{len(results)} feed poll(s), {len(failed)} failed")
    raise SystemExit(EXIT_SKIPPED if failed else EXIT_OK)


COMMANDS: list[click.Command] = [batch, load, watch]
