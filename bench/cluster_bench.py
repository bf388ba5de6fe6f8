"""Event clustering at scale: 100,000 synthetic event reports clustered on one core.

    python bench/cluster_bench.py                 # 100,000 reports, seed 7
    python bench/cluster_bench.py --n 20000       # smaller
    python bench/cluster_bench.py --json          # one JSON object at the end

The reports are generated here (deterministic seed): incidents spread over a year and
~300 invented places in 30 countries, each incident reported 1-8 times with the usual
noise of real reporting (tolls revised, places or dates missing, some background
mentions weeks later, vague month-precision dates). Prints the time of
``cluster_events`` (features, blocking, scoring, derivation) and the process's peak RSS,
plus B-cubed and pairwise quality against the generated incidents.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections import Counter
from datetime import date, timedelta
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "src"))

from eventwire.model import Event, Outcome, Place, Span, Time
from eventwire.resolve.event_clusters import cluster_events
from eventwire.resolve.reports import Report

CATEGORIES = (("ASSAULT", 0.6), ("PROTEST", 0.2), ("COERCE", 0.1), ("THREATEN", 0.1))
MODES = {"ASSAULT": ("firearms", "explosives", "beat", "aerial", "drone"),
         "PROTEST": ("demo", "riot", "strike"), "COERCE": ("arrest", "seize"),
         "THREATEN": ("violence",)}
VERBS = {"ASSAULT": "attack", "PROTEST": "protest", "COERCE": "raid", "THREATEN": "threat"}
SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "an", "is", "bru", "ne", "qua")
_FILLER_TEXT = (
    "officials said witnesses reported near market station early morning residents security "
    "forces local media after hospital road bridge village district checkpoint convoy crowd "
    "clashes gunfire blast building police army rebels militants protesters students workers "
    "farmers traders church mosque school clinic border river port airport highway night "
    "evening afternoon dozens several many injured wounded fled arrested detained"
)
FILLER = tuple(_FILLER_TEXT.split())


def _word(rnd: random.Random, parts: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate(n: int, seed: int) -> tuple[list[Report], dict[str, int]]:
    """``n`` reports and the incident each one reports (the gold clustering)."""
    rnd = random.Random(seed)
    countries = [f"X{i:02d}" for i in range(30)]
    places = []
    for i in range(300):
        cc = countries[i % 30]
        base_lat, base_lon = (i % 30) * 5.0 - 70.0, ((i % 30) * 11.0) % 340 - 170.0
        places.append((_word(rnd, 3), cc, base_lat + rnd.uniform(-2, 2),
                       base_lon + rnd.uniform(-2, 2)))
    start = date(2025, 1, 1)
    reports: list[Report] = []
    gold: dict[str, int] = {}
    incident = 0
    while len(reports) < n:
        incident += 1
        cat = rnd.choices([c for c, _ in CATEGORIES], [w for _, w in CATEGORIES])[0]
        city, cc, lat, lon = rnd.choice(places)
        day = start + timedelta(days=rnd.randrange(365))
        mode = rnd.choice(MODES[cat])
        site = _word(rnd, 2)  # the incident's own proper name (a street, a village)
        dead = rnd.choice((0, 0, 1, 2, 3, 5, 8))
        for k in range(min(rnd.randint(1, 8), n - len(reports))):
            published = day + timedelta(days=rnd.choice((0, 0, 1, 1, 2, 3)))
            status, precision = "asserted", "day"
            when: str | None = day.isoformat()
            r = rnd.random()
            if r < 0.1:
                when = None  # no date in the text: dated by the article
            elif r < 0.13:
                status = "historical"  # a background mention weeks later
                published = day + timedelta(days=rnd.randint(20, 120))
            elif r < 0.15:
                when, precision = day.isoformat()[:7], "month"
            place = None if rnd.random() < 0.1 else Place(
                city, 0, len(city), name=city, lat=lat, lon=lon, country=cc,
                precision="city")
            text = " ".join([f"The {VERBS[cat]} in {city} at {site}", *rnd.sample(FILLER, 6)])
            eid = f"e{len(reports):07d}"
            ev = Event(
                id=eid, category=cat, trigger=Span(VERBS[cat], 4, 4 + len(VERBS[cat])),
                modes=(mode,), status=status,  # type: ignore[arg-type]
                place=place,
                time=None if when is None else Time(when, 0, 1, date=when,
                                                    precision=precision,  # type: ignore
                                                    anchor="text"),
                outcome=Outcome(dead=dead + (k if rnd.random() < 0.3 else 0)),
                evidence=(Span(text, 0, len(text)),),
            )
            reports.append(Report(ev, f"a{len(reports):07d}", f"outlet{rnd.randrange(200)}",
                                  published.isoformat()))
            gold[eid] = incident
    return reports, gold


def quality(pred: dict[str, str], gold: dict[str, int]) -> dict[str, float]:
    """B-cubed and pairwise P/R/F1 from cluster sizes (linear, no pair enumeration)."""
    ids = [i for i in gold if i in pred]
    both = Counter((pred[i], gold[i]) for i in ids)
    ps, gs = Counter(pred[i] for i in ids), Counter(gold[i] for i in ids)
    b3p = sum(c * c / ps[p] for (p, _g), c in both.items()) / len(ids)
    b3r = sum(c * c / gs[g] for (_p, g), c in both.items()) / len(ids)
    tp = sum(c * (c - 1) / 2 for c in both.values())
    pp = sum(c * (c - 1) / 2 for c in ps.values())
    gp = sum(c * (c - 1) / 2 for c in gs.values())
    pr, rc = (tp / pp if pp else 1.0), (tp / gp if gp else 1.0)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    return {"b3_p": b3p, "b3_r": b3r, "b3_f1": f1(b3p, b3r), "pair_p": pr, "pair_r": rc,
            "pair_f1": f1(pr, rc)}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    reports, gold = generate(args.n, args.seed)
    t1 = time.perf_counter()
    cpu1 = time.process_time()
    clusters = cluster_events(reports)
    t2 = time.perf_counter()
    cpu = time.process_time()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "reports": len(reports),
        "incidents": len(set(gold.values())),
        "canonical_events": len(set(clusters.canonical_of.values())),
        "pairs_scored": clusters.compared,
        "generate_s": round(t1 - t0, 1),
        "cluster_s": round(t2 - t1, 1),  # wall clock
        "cluster_cpu_s": round(cpu - cpu1, 1),  # this process only (the core may be shared)
        "generate_cpu_s": round(cpu1 - cpu0, 1),
        "peak_rss_mb": round(peak_mb),
        **{k: round(v, 4) for k, v in quality(clusters.canonical_of, gold).items()},
    }
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:<18} {v}")
    return out


if __name__ == "__main__":
    main()
