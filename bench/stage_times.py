"""eventwire's own time per stage, per article, best of several passes (no cProfile).

    python bench/stage_times.py [--n 150] [--passes 3] [--cores 1]

Each pass runs ``Pipeline.pipe`` over the same bench articles with every stage, convert,
the preparation of the texts before spaCy (``_prepared``, ``_title``) and ``nlp.pipe``
itself timed (``stage_profile.timed_pipeline``), by default in this thread's CPU time
(``--clock cpu``: on a shared machine, the time other processes hold the CPU is not
counted; ``--clock wall`` for ``perf_counter``); each row is its least time over the
passes, so a burst of load from another process counts once at most. Steadier than the
throughput ratio for comparing two trees run in turn.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

PREPARE = "prepare (title, make_doc, caps)"


def _one_pass(pipeline: Any, pl: Any, articles: list[Any], now: Any
              ) -> tuple[dict[str, float], float]:
    """One timed run over ``articles``: the clock per part, and the whole time."""
    clock: dict[str, float] = {PREPARE: 0.0}
    prepared, title = pipeline._prepared, pl._title

    def timed(fn: Any, *a: Any) -> Any:
        t0 = now()
        try:
            return fn(*a)
        finally:
            clock[PREPARE] += now() - t0

    pipeline._prepared = lambda text, t: timed(prepared, text, t)
    pl._title = lambda a: timed(title, a)
    try:
        with pl_timed(pipeline, clock):
            t0 = now()
            for _record in pipeline.pipe(articles):
                pass
            total = now() - t0
    finally:
        del pipeline._prepared
        pl._title = title
    return clock, total


def pl_timed(pipeline: Any, clock: dict[str, float]) -> Any:
    from bench.stage_profile import timed_pipeline

    return timed_pipeline(pipeline, clock)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=150)
    p.add_argument("--passes", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                   help="cpu: time.thread_time (default); wall: time.perf_counter")
    p.add_argument("--cores", type=int, default=0,
                   help="1: one thread (set before numpy/spaCy load); not pinned to a CPU")
    args = p.parse_args(argv)
    if args.cores == 1:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = "1"

    from types import SimpleNamespace

    import bench.stage_profile as sp
    from bench.corpus import generate

    now = time.thread_time if args.clock == "cpu" else time.perf_counter
    sp.time = SimpleNamespace(perf_counter=now)  # type: ignore[assignment]
    from eventwire.config import load_settings
    from eventwire.nlp import pipeline as pl

    pipeline = pl.Pipeline(load_settings(db_url="sqlite://"))
    articles = generate(args.n, seed=args.seed)
    for _ in pipeline.pipe(generate(20, seed=args.seed + 10_000)):
        pass
    best: dict[str, float] = {}
    for _ in range(args.passes):
        clock, total = _one_pass(pipeline, pl, articles, now)
        # (the texts are prepared before nlp.pipe is called: not in spaCy's clock)
        clock["(glue)"] = total - sum(clock.values())
        clock["total"] = total
        ours = total - clock["spaCy (nlp.pipe)"]
        clock["eventwire's own (total - spaCy)"] = ours
        for k, v in clock.items():
            best[k] = min(best.get(k, v), v)
    n = args.n
    rows = sorted(best.items(), key=lambda kv: -kv[1])
    for name, secs in rows:
        print(f"{name:<34}{secs * 1000 / n:>9.2f} ms/article")
    stages = sum(v for k, v in best.items() if k not in (
        "spaCy (nlp.pipe)", "total", "eventwire's own (total - spaCy)", "(glue)",
        PREPARE, "convert.to_record"))
    print(f"{'all stages (sum of bests)':<34}{stages * 1000 / n:>9.2f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
