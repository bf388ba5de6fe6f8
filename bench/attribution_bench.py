"""CPU time of the attribution stage alone, per article, on the benchmark corpus.

    python bench/attribution_bench.py [--n 150] [--repeats 3] [--weights DIR ...]

The articles are parsed and taken through the stages before ``attribution`` once; then the
rule-based stage and the default (trained) stage each read all of them ``--repeats`` times
(the trained stage also as the pipeline runs it, ``run_batch`` over 32 articles at a time:
``batched_stage_ms``)
and the best run's CPU time (``time.process_time``) per article is printed. The stage is
timed apart from spaCy and the other stages, so the figure moves far less with the
machine's load than ``bench/throughput.py``'s ratio (the Work objects are reused: the
stage's caches are warm, as they are in a running pipeline). With ``--weights``, the
trained stage is also timed with each folder's weights, the repeats taken in turn so that
the shipped weights and the others see the same machine load: compare their ratio."""

from __future__ import annotations

import argparse
import os
import sys

if __name__ == "__main__":  # one thread: set before numpy / thinc are imported
    for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[_var] = "1"
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import json
import time
from collections.abc import Callable

from bench.corpus import generate
from eventwire.config import load_settings
from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.stages import attribution as rules
from eventwire.nlp.stages import attribution_model
from eventwire.nlp.work import Work


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=150, help="articles")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--weights", action="append", default=[],
                   help="also time the trained stage with these weights (repeatable)")
    args = p.parse_args(argv)
    pipe = Pipeline(load_settings(db_url="sqlite://"))
    articles = generate(args.n, seed=0)
    works = []
    for article, parsed in zip(articles, pipe._docs(articles, None), strict=True):
        assert parsed is not None
        work = Work(article=article, doc=parsed[0], published=None, title=None)
        for stage in pipe.stages:
            if stage.name == "attribution":
                break
            stage.run(work, pipe.resources)
        works.append(work)
    res = pipe.resources

    runs: dict[str, Callable[[Work], None]] = {
        "rules_ms": lambda w: rules.run(w, res),
        "default_stage_ms": lambda w: attribution_model.run(w, res),
    }
    for folder in args.weights:
        runs[f"stage_ms:{folder}"] = (
            lambda w, folder=folder: attribution_model.run(w, res, folder))
    for run in runs.values():  # load the weights and warm the caches before timing
        run(works[0])
    times: dict[str, list[float]] = {name: [] for name in runs}
    times["batched_stage_ms"] = []  # run_batch over the works 32 at a time (a spaCy batch)
    for _ in range(args.repeats):  # in turn: each sees the same spells of load
        for name, run in runs.items():
            t0 = time.process_time()
            for work in works:
                work.statements.clear()
                run(work)
            times[name].append(time.process_time() - t0)
        t0 = time.process_time()
        for k in range(0, len(works), 32):
            group = works[k : k + 32]
            for work in group:
                work.statements.clear()
            attribution_model.run_batch(group, res)
        times["batched_stage_ms"].append(time.process_time() - t0)

    out: dict[str, object] = {"articles": len(works)}
    for name, got in times.items():
        out[name] = round(min(got) * 1000 / len(works), 3)
    out["weights"] = str(attribution_model.WEIGHTS_DIR.name)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
