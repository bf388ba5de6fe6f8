"""Throughput and memory of eventwire's extraction against bare spaCy, in the same run.

    python bench/throughput.py --n 300 --cores 1            # table
    python bench/throughput.py --n 300 --cores 1 --json     # one JSON object
    python bench/throughput.py --n 300 --cores 1 --isolated # + peak RSS per variant
    python bench/throughput.py --cores 1 --profile          # where the time goes
    python bench/throughput.py --cores 1 --scaling          # cost against article length

Variants, each timed over the same synthetic corpus (bench/corpus.py):
  spacy           nlp.pipe(texts, batch_size=32) on the pipeline eventwire loads
                  (load_spacy: same components, plus eventwire's tiny paragraph component)
  eventwire       Pipeline(settings).pipe(articles) -> Records (spaCy + our stages + convert)
  eventwire+json  the same, plus json.dumps(model.to_dict(record)) per record (--with-json)

Phases alternate (spacy, eventwire, eventwire+json, spacy, ...) so drift in machine load
hits all of them alike; the median of the repeats is reported. Peak memory only grows
within a process, so ``--isolated`` runs each variant in a fresh subprocess instead (one
after the other, not alternated: use it for memory, the default mode for the ratio).
"""

from __future__ import annotations

import argparse
import os
import sys


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=300, help="articles per timed phase")
    p.add_argument("--seed", type=int, default=0, help="corpus seed")
    p.add_argument("--repeats", type=int, default=3, help="timed runs per variant")
    p.add_argument("--warmup", type=int, default=20, help="warm-up articles (not timed)")
    p.add_argument("--chunk", type=int, default=64,
                   help="alternate variants every CHUNK articles (0: whole corpus per run)")
    p.add_argument("--cores", type=int, default=0,
                   help="1: one thread, pinned to one CPU (set before numpy/spaCy load)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--json-out", metavar="PATH", help="also write the JSON object to PATH")
    p.add_argument("--with-json", action="store_true",
                   help="add the eventwire+json variant (records serialised with to_dict)")
    p.add_argument("--isolated", action="store_true",
                   help="run each variant in its own fresh subprocess (own load, own peak RSS)"
                        " instead of alternating them in this one")
    p.add_argument("--profile", action="store_true",
                   help="per-stage and per-component times, then cProfile (see --profile-n)")
    p.add_argument("--profile-n", type=int, default=100)
    p.add_argument("--scaling", action="store_true",
                   help="time 1, 4 and 16 articles joined into one text (growth with length)")
    p.add_argument("--only", choices=VARIANTS, help=argparse.SUPPRESS)  # isolated child
    return p.parse_args(argv)


VARIANTS = ("spacy", "eventwire", "eventwire+json")

# Thread limits must be in the environment before numpy / thinc / spaCy are imported.
if __name__ == "__main__":
    _early = _parse(sys.argv[1:])
    if _early.cores == 1:
        for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[_var] = "1"
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import gc  # noqa: E402
import importlib.metadata  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from typing import Any  # noqa: E402

from bench.corpus import generate  # noqa: E402
from eventwire.config import Settings, load_settings  # noqa: E402
from eventwire.model import Article, to_dict  # noqa: E402

MB = 1024.0  # ru_maxrss is in KiB on Linux


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB


def current_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / MB
    except OSError:
        pass
    return float("nan")


def pin_one_core() -> str:
    """Pin this process to the first CPU it may run on; say what was done."""
    if not hasattr(os, "sched_setaffinity"):
        return "affinity not available"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def machine_info(nlp: Any | None) -> dict[str, Any]:
    cpu = "unknown"
    ram = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")),
                       cpu)
        with open("/proc/meminfo", encoding="ascii") as fh:
            kb = next(int(ln.split()[1]) for ln in fh if ln.startswith("MemTotal:"))
            ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    info: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "spacy": importlib.metadata.version("spacy"),
        "loadavg_1m": round(os.getloadavg()[0], 2),
    }
    if nlp is not None:
        info["model"] = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
        info["components"] = list(nlp.pipe_names)
    return info


# -- the timed work ---------------------------------------------------------------------

@dataclass
class Phase:
    name: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # process time: robust to sharing
    chunk_pairs: list[float] = field(default_factory=list)  # wall time of each chunk run
    articles: int = 0
    events: int = 0
    tokens: int = 0
    json_bytes: int = 0
    peak_rss_mb: float = 0.0
    rss_after_mb: float = 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.median

    @property
    def articles_per_cpu_s(self) -> float:
        return self.articles / self.cpu_median

    @property
    def events_per_s(self) -> float:
        return self.events / self.median

    def as_dict(self) -> dict[str, Any]:
        return {
            "runs_s": [round(s, 3) for s in self.seconds],
            "median_s": round(self.median, 3),
            "cpu_runs_s": [round(s, 3) for s in self.cpu_seconds],
            "cpu_median_s": round(self.cpu_median, 3),
            "articles_per_cpu_s": round(self.articles_per_cpu_s, 2),
            "articles": self.articles,
            "articles_per_s": round(self.articles_per_s, 2),
            "events": self.events,
            "events_per_s": round(self.events_per_s, 2),
            "tokens_per_s": round(self.tokens / self.median, 1),
            "json_bytes": self.json_bytes,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "rss_after_mb": round(self.rss_after_mb, 1),
        }


def run_spacy(nlp: Any, articles: Sequence[Article], batch_size: int) -> dict[str, int]:
    tokens = 0
    for doc in nlp.pipe([a.text for a in articles], batch_size=batch_size):
        tokens += len(doc)
    return {"tokens": tokens}


def run_eventwire(pipeline: Any, articles: Sequence[Article]) -> dict[str, int]:
    events = 0
    for record in pipeline.pipe(articles):
        events += len(record.events)
    return {"events": events}


def run_eventwire_json(pipeline: Any, articles: Sequence[Article]) -> dict[str, int]:
    events = size = 0
    for record in pipeline.pipe(articles):
        events += len(record.events)
        size += len(json.dumps(to_dict(record), ensure_ascii=False))
    return {"events": events, "json_bytes": size}


def runners(nlp: Any, pipeline: Any, batch_size: int
            ) -> dict[str, Callable[[Sequence[Article]], dict[str, int]]]:
    out: dict[str, Callable[[Sequence[Article]], dict[str, int]]] = {}
    if nlp is not None:
        out["spacy"] = lambda arts: run_spacy(nlp, arts, batch_size)
    if pipeline is not None:
        out["eventwire"] = lambda arts: run_eventwire(pipeline, arts)
        out["eventwire+json"] = lambda arts: run_eventwire_json(pipeline, arts)
    return out


def time_phases(run: dict[str, Callable[[Sequence[Article]], dict[str, int]]],
                articles: Sequence[Article], repeats: int, chunk: int = 0) -> dict[str, Phase]:
    """Time every variant over ``articles`` ``repeats`` times, alternating variants.

    With ``chunk`` > 0 the corpus is also cut into chunks of that many articles and the
    variants alternate chunk by chunk (order flipped every chunk), so a burst of load from
    another process on a shared machine hits all variants alike; a variant's time for one
    repeat is the sum over its chunks."""
    size = chunk if chunk > 0 else len(articles)
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    phases = {name: Phase(name) for name in run}
    names = list(run)
    for _ in range(repeats):
        wall = dict.fromkeys(names, 0.0)
        cpu = dict.fromkeys(names, 0.0)
        counts: dict[str, dict[str, int]] = {name: {} for name in names}
        for k, part in enumerate(chunks):
            for name in names if k % 2 == 0 else names[::-1]:
                gc.collect()
                t0, c0 = time.perf_counter(), time.process_time()
                got = run[name](part)
                wall[name] += time.perf_counter() - t0
                cpu[name] += time.process_time() - c0
                phases[name].chunk_pairs.append(time.perf_counter() - t0)
                for key, value in got.items():
                    counts[name][key] = counts[name].get(key, 0) + value
        for name in names:
            ph = phases[name]
            ph.seconds.append(wall[name])
            ph.cpu_seconds.append(cpu[name])
            ph.articles = len(articles)
            ph.events = counts[name].get("events", 0)
            ph.tokens = counts[name].get("tokens", 0)
            ph.json_bytes = counts[name].get("json_bytes", 0)
            ph.peak_rss_mb = peak_rss_mb()
            ph.rss_after_mb = current_rss_mb()
    return phases


# -- setup ------------------------------------------------------------------------------

def load(variant_set: Sequence[str], settings: Settings) -> tuple[Any, Any, dict[str, float]]:
    """Load the spaCy pipeline once (shared by all variants) and eventwire's resources."""
    from eventwire.nlp.pipeline import Pipeline, load_spacy
    from eventwire.nlp.resources import Resources

    marks: dict[str, float] = {"rss_start_mb": current_rss_mb()}
    t0 = time.perf_counter()
    nlp = load_spacy(settings)
    marks["spacy_load_s"] = time.perf_counter() - t0
    marks["rss_after_spacy_load_mb"] = current_rss_mb()
    pipeline = None
    if any(v.startswith("eventwire") for v in variant_set):
        t0 = time.perf_counter()
        pipeline = Pipeline(settings, nlp=nlp, resources=Resources())
        marks["eventwire_resources_s"] = time.perf_counter() - t0
        marks["rss_after_resources_mb"] = current_rss_mb()
    return (nlp if "spacy" in variant_set else None), pipeline, marks


def measure(args: argparse.Namespace, variants: Sequence[str]) -> dict[str, Any]:
    # the environment's stage swaps count (EVENTWIRE_STAGES): how the rules-only attribution
    # stage is timed against the trained one in the same conditions
    settings = load_settings(db_url="sqlite://")
    machine = machine_info(None)  # date and load average at the start
    articles = generate(args.n, seed=args.seed)
    warm = generate(args.warmup, seed=args.seed + 10_000)
    nlp, pipeline, marks = load(variants, settings)
    run = {k: v for k, v in runners(nlp, pipeline, settings.batch_size).items() if k in variants}
    for fn in run.values():
        fn(warm)
    marks["rss_after_warmup_mb"] = current_rss_mb()
    phases = time_phases(run, articles, args.repeats, args.chunk)
    info_nlp = nlp if nlp is not None else getattr(pipeline, "nlp", None)
    out: dict[str, Any] = {
        "machine": {**machine_info(info_nlp), **machine},
        "config": {"n": args.n, "seed": args.seed, "repeats": args.repeats,
                   "warmup": args.warmup, "cores": args.cores or "all", "chunk": args.chunk,
                   "batch_size": settings.batch_size,
                   "stage_swaps": [f"{n}={spec}" for n, spec in settings.stages],
                   "words": sum(len(a.text.split()) for a in articles)},
        "load": {k: round(v, 2) for k, v in marks.items()},
        "phases": {name: ph.as_dict() for name, ph in phases.items()},
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if "spacy" in phases and "eventwire" in phases:
        base = phases["spacy"].articles_per_s
        out["ratios"] = {name: round(ph.articles_per_s / base, 3)
                         for name, ph in phases.items() if name != "spacy"}
        # Each chunk run next to its neighbouring spaCy run: drift in load cancels out.
        out["pairwise_ratios"] = {
            name: [round(b / e, 3) for b, e in zip(phases["spacy"].chunk_pairs, ph.chunk_pairs,
                                                   strict=True)]
            for name, ph in phases.items() if name != "spacy"}
        cpu_base = phases["spacy"].articles_per_cpu_s
        out["cpu_ratios"] = {name: round(ph.articles_per_cpu_s / cpu_base, 3)
                             for name, ph in phases.items() if name != "spacy"}
    return out


def isolated(args: argparse.Namespace, variants: Sequence[str]) -> dict[str, Any]:
    """Each variant in its own fresh interpreter: its own load, warm-up and peak RSS."""
    out: dict[str, Any] = {}
    for variant in variants:
        cmd = [sys.executable, os.path.abspath(__file__), "--only", variant, "--json",
               "--n", str(args.n), "--seed", str(args.seed), "--repeats", str(args.repeats),
               "--warmup", str(args.warmup), "--cores", str(args.cores), "--chunk", "0"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        child = json.loads(proc.stdout)
        ph = child["phases"][variant]
        out[variant] = {
            "peak_rss_mb": child["peak_rss_mb"],
            "articles_per_s": ph["articles_per_s"],
            "articles_per_cpu_s": ph["articles_per_cpu_s"],
            "events_per_s": ph["events_per_s"],
            "runs_s": ph["runs_s"],
            "load": child["load"],
        }
    if "spacy" in out:
        base = out["spacy"]
        for iso in out.values():
            iso["ratio"] = round(iso["articles_per_s"] / base["articles_per_s"], 3)
            iso["cpu_ratio"] = round(iso["articles_per_cpu_s"] / base["articles_per_cpu_s"], 3)
    return out


def isolated_table(args: argparse.Namespace, result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"eventwire benchmark, isolated variants  {m['date']}",
        f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, load avg "
        f"{result['loadavg_start']} at start / {result['loadavg_end']} at end",
        f"corpus: {args.n} synthetic articles (seed {args.seed}); cores: {args.cores or 'all'}; "
        f"{args.repeats} runs per variant, each variant in a fresh process",
        "stage swaps (EVENTWIRE_STAGES): " + (os.environ.get("EVENTWIRE_STAGES") or "none"),
        "",
        f"{'variant':<16}{'articles/s':>11}{'art/CPU s':>10}{'ratio':>7}{'CPU ratio':>10}"
        f"{'peak RSS MB':>12}  load",
    ]
    for name, iso in result["isolated"].items():
        load = ", ".join(f"{k}={v}" for k, v in iso["load"].items() if k.endswith("_s"))
        lines.append(
            f"{name:<16}{iso['articles_per_s']:>11.1f}{iso['articles_per_cpu_s']:>10.1f}"
            f"{iso.get('ratio', float('nan')):>7.3f}{iso.get('cpu_ratio', float('nan')):>10.3f}"
            f"{iso['peak_rss_mb']:>12.0f}  {load}"
        )
    lines.append("(peak RSS = ru_maxrss of that process: load + warm-up + timed runs; "
                 "aim: eventwire < 600 MB)")
    return "\n".join(lines)


# -- output -----------------------------------------------------------------------------

def table(result: dict[str, Any]) -> str:
    m, c = result["machine"], result["config"]
    lines = [
        f"eventwire throughput benchmark  {m['date']}",
        f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, load avg {m['loadavg_1m']}"
        f" at start / {result.get('loadavg_end', '?')} at end",
        f"python {m['python']}, spaCy {m['spacy']}, model {m.get('model', '?')}",
        f"components: {', '.join(m.get('components', []))}",
        f"corpus: {c['n']} synthetic articles, {c['words']} words (seed {c['seed']}); "
        f"cores: {c['cores']} {result.get('pinning', '')}; batch {c['batch_size']}; "
        f"{c['repeats']} runs per variant after {c['warmup']} warm-up articles, variants "
        f"alternating every {c['chunk'] or c['n']} articles",
        "stage swaps (EVENTWIRE_STAGES): " + (", ".join(c.get("stage_swaps", [])) or "none"),
        "load: " + ", ".join(f"{k}={v}" for k, v in result["load"].items()),
        "",
        f"{'variant':<16}{'median s':>9}{'articles/s':>11}{'events/s':>9}{'ratio':>7}"
        f"{'CPU s':>8}{'art/CPU s':>10}{'CPU ratio':>10}{'peak RSS MB':>12}  wall runs (s)",
    ]
    ratios, cpu_ratios = result.get("ratios", {}), result.get("cpu_ratios", {})
    for name, ph in result["phases"].items():
        ratio = "1.000" if name == "spacy" else f"{ratios.get(name, float('nan')):.3f}"
        cpu_ratio = "1.000" if name == "spacy" else f"{cpu_ratios.get(name, float('nan')):.3f}"
        events = "-" if name == "spacy" else f"{ph['events_per_s']:.1f}"
        lines.append(
            f"{name:<16}{ph['median_s']:>9.2f}{ph['articles_per_s']:>11.1f}{events:>9}"
            f"{ratio:>7}{ph['cpu_median_s']:>8.2f}{ph['articles_per_cpu_s']:>10.1f}"
            f"{cpu_ratio:>10}{ph['peak_rss_mb']:>12.0f}  "
            + " ".join(f"{s:.2f}" for s in ph["runs_s"])
        )
    for name, pairs in result.get("pairwise_ratios", {}).items():
        lines.append(f"{name} / spacy, chunk by chunk: median {statistics.median(pairs):.3f}, "
                     f"range {min(pairs):.3f}-{max(pairs):.3f} ({len(pairs)} pairs)")
    lines.append("(ratio = articles/s of the variant / articles/s of bare spaCy, medians; "
                 "aim >= 0.7. CPU = process time, less affected by other load on the machine. "
                 "Peak RSS is cumulative within one process.)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    pinning = pin_one_core() if args.cores == 1 else ""
    if args.scaling:
        from bench.stage_profile import length_scaling
        print(length_scaling(seed=args.seed))
        return 0
    if args.profile:
        from bench.stage_profile import profile
        print(profile(args.profile_n, seed=args.seed, warmup=args.warmup))
        return 0
    variants = (args.only,) if args.only else VARIANTS[: 3 if args.with_json else 2]
    if args.isolated and not args.only:
        machine = machine_info(None)
        result = {"isolated": isolated(args, variants), "loadavg_start": machine["loadavg_1m"],
                  "loadavg_end": round(os.getloadavg()[0], 2), "machine": machine}
        _emit(args, result, isolated_table(args, result))
        return 0
    result = measure(args, variants)
    result["pinning"] = pinning
    result["loadavg_end"] = round(os.getloadavg()[0], 2)
    _emit(args, result, table(result))
    return 0


def _emit(args: argparse.Namespace, result: dict[str, Any], text: str) -> None:
    blob = json.dumps(result, indent=None if args.only else 2)
    print(blob if args.json else text)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            fh.write(blob + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
