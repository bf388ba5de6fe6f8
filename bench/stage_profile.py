"""Where eventwire spends its time beyond spaCy: per-stage, per-component and cProfile.

Run through ``python bench/throughput.py --profile [--profile-n 100] [--cores 1]``.

The timed run builds a Pipeline whose declared stages (``Pipeline.stages``) are wrapped in
timing copies of themselves (``dataclasses.replace`` on each Stage), so the pipeline code
itself is not touched.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

from bench.corpus import generate
from eventwire.config import load_settings
from eventwire.model import Article

_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class _TimedNlp:
    """Stands in for the Language object: times what iterating ``pipe`` costs."""

    def __init__(self, nlp: Any, clock: dict[str, float]) -> None:
        self._nlp = nlp
        self._clock = clock

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        docs = iter(self._nlp.pipe(texts, **kwargs))
        while True:
            t0 = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                self._clock["spaCy (nlp.pipe)"] += time.perf_counter() - t0
                return
            self._clock["spaCy (nlp.pipe)"] += time.perf_counter() - t0
            yield doc


def _timed(fn: Callable[..., Any], clock: dict[str, float], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args)
        finally:
            clock[name] += time.perf_counter() - t0

    return wrapper


@contextmanager
def timed_pipeline(pipeline: Any, clock: dict[str, float]) -> Iterator[None]:
    """Swap in timed stages, a timed convert and a timed nlp; restore on exit."""
    from eventwire.nlp import pipeline as pl

    stages, convert, nlp = pipeline.stages, pl.convert, pipeline.nlp
    for stage in stages:
        clock.setdefault(stage.name, 0.0)
    clock.setdefault("convert.to_record", 0.0)
    clock.setdefault("spaCy (nlp.pipe)", 0.0)
    try:
        pipeline.stages = tuple(replace(
            s, run=_timed(s.run, clock, s.name),
            run_batch=s.run_batch and _timed(s.run_batch, clock, s.name)) for s in stages)
        pl.convert = SimpleNamespace(  # type: ignore[assignment]
            to_record=_timed(convert.to_record, clock, "convert.to_record"))
        pipeline.nlp = _TimedNlp(nlp, clock)
        yield
    finally:
        pipeline.stages, pl.convert, pipeline.nlp = stages, convert, nlp


def stage_times(pipeline: Any, articles: list[Article]) -> tuple[dict[str, float], float, int]:
    clock: dict[str, float] = {}
    events = 0
    with timed_pipeline(pipeline, clock):
        t0 = time.perf_counter()
        for record in pipeline.pipe(articles):
            events += len(record.events)
        total = time.perf_counter() - t0
    return clock, total, events


def component_times(nlp: Any, articles: list[Article]) -> dict[str, float]:
    """Each spaCy component on its own, one doc at a time (unbatched, so a little slower
    than nlp.pipe; the shares are what matter)."""
    clock: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for article in articles:
        t0 = time.perf_counter()
        doc = nlp.make_doc(article.text)
        clock["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            clock[name] += time.perf_counter() - t0
    return clock


def cprofile_report(pipeline: Any, articles: list[Article], top: int = 25) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for _ in pipeline.pipe(articles):
        pass
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    out.write(f"-- cProfile: eventwire functions by cumulative time (top {top}) --\n")
    stats.sort_stats("cumulative").print_stats(r"(eventwire|stages|pipeline|convert|work|"
                                               r"spans|gazetteer|places|times|names)", top)
    out.write(f"-- cProfile: all functions by own time (top {top}) --\n")
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue().replace(_REPO + os.sep, "")


def _ms_table(title: str, clock: dict[str, float], n: int, total: float | None = None) -> str:
    whole = total if total is not None else sum(clock.values())
    lines = [title, f"{'':<22}{'ms/article':>11}{'share':>8}"]
    for name, secs in sorted(clock.items(), key=lambda kv: -kv[1]):
        lines.append(f"{name:<22}{secs * 1000 / n:>11.2f}{secs / whole:>8.1%}")
    lines.append(f"{'total':<22}{whole * 1000 / n:>11.2f}")
    return "\n".join(lines)


def profile(n: int = 100, seed: int = 0, warmup: int = 20) -> str:
    from eventwire.nlp.pipeline import Pipeline

    pipeline = Pipeline(load_settings(db_url="sqlite://"))
    articles = generate(n, seed=seed)
    for _ in pipeline.pipe(generate(warmup, seed=seed + 10_000)):
        pass
    clock, total, events = stage_times(pipeline, articles)
    clock["(glue: Work, batching)"] = max(0.0, total - sum(clock.values()))
    ours = sum(v for k, v in clock.items() if not k.startswith("spaCy"))
    parts = [
        f"profile over {n} synthetic articles (seed {seed}), {events} events",
        _ms_table("-- eventwire pipeline: time per stage --", clock, n, total),
        f"eventwire's own work: {ours * 1000 / n:.2f} ms/article = {ours / total:.1%} of total",
        "",
        _ms_table("-- spaCy components, one doc at a time --",
                  component_times(pipeline.nlp, articles), n),
        "",
        cprofile_report(pipeline, articles),
    ]
    return "\n".join(parts)


def length_scaling(sizes: tuple[int, ...] = (1, 4, 16), seed: int = 0) -> str:
    """Join 1, 4, 16 articles into one long text: spaCy's cost grows linearly with length,
    so eventwire's share should not grow either. Anything growing faster is a per-token
    scan inside a per-token (or per-event) loop."""
    from eventwire.model import make_article
    from eventwire.nlp.pipeline import Pipeline

    pipeline = Pipeline(load_settings(db_url="sqlite://"))
    parts = generate(max(sizes), seed=seed)
    pipeline.extract(parts[0])  # warm-up
    lines = ["-- long articles: eventwire's own time against length --",
             f"{'joined':>6}{'tokens':>8}{'spaCy ms':>10}{'eventwire ms':>14}{'ours ms':>9}"
             f"{'ours µs/token':>15}{'ratio':>7}"]
    for k in sizes:
        article = make_article("\n\n".join(a.text for a in parts[:k]), published="2026-03-01")
        t0 = time.perf_counter()
        doc = pipeline.nlp(article.text)
        spacy_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pipeline.extract(article)
        total_s = time.perf_counter() - t0
        ours = total_s - spacy_s
        lines.append(f"{k:>6}{len(doc):>8}{spacy_s * 1000:>10.0f}{total_s * 1000:>14.0f}"
                     f"{ours * 1000:>9.0f}{ours * 1e6 / len(doc):>15.0f}"
                     f"{spacy_s / total_s:>7.2f}")
    return "\n".join(lines)


__all__ = [
    "component_times", "cprofile_report", "length_scaling", "profile", "stage_times",
    "timed_pipeline",
]
