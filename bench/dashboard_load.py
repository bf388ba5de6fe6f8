"""Benchmark of the dashboard's map and timeline on a store of 100,000 synthetic events:
a real ``eventwire serve`` process on loopback, one client asking one request at a time
(a person using the pages), p50 and p95 latency per route.

    python bench/dashboard_load.py                       # SQLite, 100,000 events
    python bench/dashboard_load.py --events 20000 --requests 30
    scripts/pg-test-server.sh python bench/dashboard_load.py --pg
    python bench/dashboard_load.py --db sqlite:////tmp/dash.db --reuse   # a store built before

The store is api_load.py's (20 cities, six kinds of event, 670 days), with a share of
events moved to region- or country-level places and some with no place at all, so that
every layer of the map has work. Routes: the pages (``/ui/map``, ``/ui/timeline``,
``/ui/events``) and their data (``/map/clusters`` at zoom levels 2, 5 and 9, with and
without filters; ``/timeline/histogram``), in the incident view the pages use. Filters
rotate among none, a category, a country and a date range.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import _free_port, fill_store, start_server

FILTERS = ["", "category=ASSAULT", "country=NG", "date_from=2025-06-01&date_to=2025-09-30",
           "category=PROTEST&country=PK"]
ROUTES = {
    "GET /ui/map": lambda f: f"/ui/map?{f}",
    "GET /map/clusters z2": lambda f: f"/map/clusters?canonical=true&zoom=2&{f}",
    "GET /map/clusters z5": lambda f: (f"/map/clusters?canonical=true&zoom=5"
                                       f"&view=-20,-10,60,35&{f}"),
    "GET /map/clusters z9": lambda f: (f"/map/clusters?canonical=true&zoom=9"
                                       f"&view=2,5,5,8&{f}"),
    "GET /ui/timeline": lambda f: f"/ui/timeline?{f}",
    "GET /timeline/histogram": lambda f: f"/timeline/histogram?canonical=true&{f}",
    "GET /ui/events": lambda f: f"/ui/events?{f}",
}


def vary_places(url: str, seed: int = 11) -> None:
    """Move 10 % of events to region precision, 10 % to country precision and 5 % to no
    place, as extraction gives them (a region's or a country's point, or nothing)."""
    from sqlalchemy import select, update

    from eventwire.store import Store
    from eventwire.store.tables import events

    rng = random.Random(seed)
    with Store(url) as store:
        ids = store.execute_read(lambda conn: list(conn.scalars(
            select(events.c.id).order_by(events.c.id))))
        picks = {"region": [], "country": [], "none": []}  # type: dict[str, list[str]]
        for i in ids:
            r = rng.random()
            if r < 0.10:
                picks["region"].append(i)
            elif r < 0.20:
                picks["country"].append(i)
            elif r < 0.25:
                picks["none"].append(i)

        def apply(conn: Any) -> None:
            for kind, chosen in picks.items():
                for start in range(0, len(chosen), 500):
                    part = chosen[start:start + 500]
                    if kind == "none":
                        values: dict[str, Any] = {"place_name": None, "place_precision": None,
                                                  "lat": None, "lon": None, "country": None,
                                                  "admin1": None}
                    else:
                        values = {"place_precision": kind}
                        if kind == "region":
                            values["admin1"] = "Bench Region"
                    conn.execute(update(events).where(events.c.id.in_(part)).values(**values))

        store.execute_write(apply, what="vary the bench store's places")
        store.analyze()
    print(f"places varied: {', '.join(f'{k} {len(v):,}' for k, v in picks.items())}",
          file=sys.stderr)


def measure(base: str, requests: int) -> dict[str, list[float]]:
    import httpx

    out: dict[str, list[float]] = {name: [] for name in ROUTES}
    with httpx.Client(base_url=base, timeout=60) as client:
        for route in ROUTES.values():  # warm each route's statements once
            client.get(route(""))
        for i in range(requests):
            f = FILTERS[i % len(FILTERS)]
            for name, route in ROUTES.items():
                started = time.perf_counter()
                resp = client.get(route(f))
                took = time.perf_counter() - started
                if resp.status_code != 200:
                    raise RuntimeError(f"{name} {route(f)}: HTTP {resp.status_code}")
                out[name].append(took)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=40, help="per route")
    ap.add_argument("--pg", action="store_true", help="use $EVENTWIRE_TEST_PG_URL")
    ap.add_argument("--db", help="a store URL (default: a temporary SQLite file)")
    ap.add_argument("--reuse", action="store_true", help="the store at --db is filled")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="eventwire-dash-")
    if args.pg:
        url = os.environ["EVENTWIRE_TEST_PG_URL"]
    else:
        url = args.db or f"sqlite:///{Path(tmp.name) / 'dash.db'}"
    if not args.reuse:
        fill_store(url, args.events)
        vary_places(url)
    port = _free_port()
    load_before = os.getloadavg()
    server = start_server(url, port, workers=1)
    try:
        times = measure(f"http://127.0.0.1:{port}", args.requests)
    finally:
        server.terminate()
        server.wait(timeout=20)
        tmp.cleanup()
    load_after = os.getloadavg()
    print(f"dashboard on {url.split(':')[0]}, {args.events:,} events, one client, "
          f"{args.requests} requests per route, filters rotating over {len(FILTERS)}")
    print(f"{'route':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in times.items():
        print(f"{name:28} {statistics.median(values) * 1000:8.0f} {p95(values) * 1000:8.0f} "
              f"{max(values) * 1000:8.0f}")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")


if __name__ == "__main__":
    main()
