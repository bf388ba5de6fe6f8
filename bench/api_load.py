"""Load benchmark of the web API on loopback: a store of 100,000 synthetic events, a real
``eventwire serve`` process (2 uvicorn workers), 20 concurrent keep-alive connections.

    python bench/api_load.py                                  # SQLite, 100,000 events
    scripts/pg-test-server.sh python bench/api_load.py --pg   # PostgreSQL ($EVENTWIRE_TEST_PG_URL)
    python bench/api_load.py --events 20000 --duration 5      # quicker

The load generator is wrk (Debian's ``wrk`` package) driven by bench/api_load.lua when it
is installed: one C thread, so the server keeps nearly all of the machine. Without wrk (or
with ``--generator python``) a Python one (asyncio + httpx) stands in; it costs about as
much CPU per request as the server, so its figures are much worse. The first line printed
says which generator ran.

Scenarios: a filtered ``GET /events`` (category + country + date range, with the total
count for paging; the filters rotate) and ``GET /events/{id}`` on random ids. For each:
requests/s, p50/p95/p99 latency, errors (non-200 answers or failed connections), and the
CPU time per request of the server, of a PostgreSQL server on this machine (its backends)
and of the generator. The load average before and after is printed too: on a shared
machine it says how far to trust the latencies.

Events are written straight into the store's tables (no NLP): the point is the API and
the database, not extraction. Records are shaped like the pipeline's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventwire.model import (
    Event,
    Outcome,
    Participant,
    Place,
    Record,
    Span,
    Time,
    make_article,
    stable_id,
)

CITIES = [  # name, country, lat, lon
    ("Lagos", "NG", 6.45, 3.39), ("Kano", "NG", 12.0, 8.52), ("Nairobi", "KE", -1.29, 36.82),
    ("Mombasa", "KE", -4.05, 39.67), ("Quetta", "PK", 30.18, 66.99),
    ("Karachi", "PK", 24.86, 67.0), ("Bamako", "ML", 12.64, -8.0), ("Gao", "ML", 16.27, -0.04),
    ("Kharkiv", "UA", 49.98, 36.25), ("Lviv", "UA", 49.84, 24.03), ("Lima", "PE", -12.05, -77.04),
    ("Bogota", "CO", 4.71, -74.07), ("Cali", "CO", 3.45, -76.53), ("Dhaka", "BD", 23.81, 90.41),
    ("Manila", "PH", 14.6, 120.98), ("Mogadishu", "SO", 2.05, 45.32), ("Goma", "CD", -1.68, 29.22),
    ("Tripoli", "LY", 32.89, 13.19), ("Aden", "YE", 12.79, 45.02), ("Mosul", "IQ", 36.34, 43.13),
]
KINDS = [  # category, modes, verb
    ("ASSAULT", ("firearms",), "shot dead"), ("ASSAULT", ("explosives",), "bombed"),
    ("PROTEST", ("demo",), "marched against"), ("COERCE", ("arrest",), "arrested"),
    ("THREATEN", (), "threatened"), ("ASSAULT", ("abduct",), "abducted"),
]
ACTORS = ["gunmen", "police", "soldiers", "protesters", "militants", "students", "farmers"]
START = date(2025, 1, 1)
DAYS = 670
EVENTS_PER_ARTICLE = 2


def synthetic_record(i: int, rng: random.Random) -> Record:
    day = START + timedelta(days=rng.randrange(DAYS))
    sentences, events = [], []
    text = f"Wire report {i}. "
    for j in range(EVENTS_PER_ARTICLE):
        city, cc, lat, lon = rng.choice(CITIES)
        category, modes, verb = rng.choice(KINDS)
        actor = rng.choice(ACTORS)
        victims = rng.randrange(1, 40)
        sentence = (f"In {city}, {actor} {verb} {victims} people on {day.isoformat()}, "
                    "officials said. ")
        base = len(text)
        text += sentence
        sentences.append(sentence)
        at = base + sentence.index(verb)
        trig = Span(verb, at, at + len(verb))
        a_at = base + sentence.index(actor)
        c_at = base + sentence.index(city)
        d_at = base + sentence.index(day.isoformat())
        events.append(Event(
            id=stable_id("bench", i, j), category=category, trigger=trig, modes=modes,
            actors=(Participant(actor, a_at, a_at + len(actor), sector="UAF"),),
            place=Place(city, c_at, c_at + len(city), name=city, lat=lat, lon=lon, country=cc,
                        precision="city"),
            time=Time(day.isoformat(), d_at, d_at + 10, date=day.isoformat(), precision="day",
                      anchor="text"),
            outcome=Outcome(dead=victims if category == "ASSAULT" else None),
            evidence=(Span(sentence.strip(), base, base + len(sentence.strip())),),
            confidence=0.5,
        ))
    article = make_article(text, url=f"https://bench.example/{i}", outlet="Bench Wire",
                           title=f"Bench report {i}", published=day.isoformat())
    return Record(article=article, events=tuple(events))


def fill_store(url: str, n_events: int, seed: int = 7) -> list[str]:
    """Bulk-insert synthetic records (a fresh store); returns every event id."""
    from eventwire.store import Store
    from eventwire.store import rows as R
    from eventwire.store.tables import articles, events, records

    rng = random.Random(seed)
    ids: list[str] = []
    started = time.perf_counter()
    with Store(url) as store:
        batch: list[Record] = []

        def insert(conn: Any) -> None:
            conn.execute(articles.insert(), [
                {**R.article_row(r.article), "ingested_at": "2026-11-25T00:00:00+00:00"}
                for r in batch])
            conn.execute(records.insert(), [R.record_row(r, R.record_digest(r)) for r in batch])
            conn.execute(events.insert(),
                         [R.event_row(e, r.article) for r in batch for e in r.events])

        def flush() -> None:
            store.execute_write(insert, what="fill the bench store")
            batch.clear()

        for i in range(n_events // EVENTS_PER_ARTICLE):
            record = synthetic_record(i, rng)
            ids.extend(e.id for e in record.events)
            batch.append(record)
            if len(batch) >= 1000:
                flush()
        if batch:
            flush()
        # As autovacuum would after a bulk load: statistics, and on PostgreSQL the
        # visibility map that lets it answer from an index alone.
        store.analyze()
    print(f"filled {len(ids):,} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return ids


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def existing_ids(url: str) -> list[str]:
    from sqlalchemy import select

    from eventwire.store import Store
    from eventwire.store.tables import events

    with Store(url) as store:
        return store.execute_read(lambda conn: list(conn.scalars(select(events.c.id))))


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("eventwire")
    cmd = [str(exe), "--db", url, "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not come up: " + (proc.stderr.read() or b"").decode()[:500]
                       if proc.stderr else "the server did not come up")


def _process_stats() -> tuple[dict[int, int], dict[int, float]]:
    """Parent pid and user + system CPU seconds of every process (Linux /proc)."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    return parents, cpu


def process_tree(root: int, parents: dict[int, int] | None = None) -> list[int]:
    """``root`` and its descendants."""
    parents = parents if parents is not None else _process_stats()[0]
    out = []
    for pid in parents:
        p = pid
        while p > 1 and p != root:
            p = parents.get(p, 0)
        if p == root:
            out.append(pid)
    return out


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU of ``root`` and its descendants (Linux /proc), so the cost of a
    request can be read apart from how busy the rest of the machine is."""
    parents, cpu = _process_stats()
    return sum(cpu[pid] for pid in process_tree(root, parents))


def database_root(url: str) -> int | None:
    """The PostgreSQL server's main process when it runs on this machine (every backend is
    its child), for the database's own CPU per request; None for SQLite (its work is in
    the server's CPU) or a server elsewhere."""
    if not url.startswith("postgresql"):
        return None
    from sqlalchemy import create_engine, text

    def is_postgres(pid: int | None) -> bool:
        try:
            return pid is not None and Path(f"/proc/{pid}/comm").read_text().startswith(
                "postgres")
        except OSError:
            return False

    engine = create_engine(url)
    try:
        with engine.connect() as conn:  # checked while the backend is alive
            backend = int(conn.scalar(text("SELECT pg_backend_pid()")) or 0)
            root = _process_stats()[0].get(backend)
            local = is_postgres(backend) and is_postgres(root)
    finally:
        engine.dispose()
    return root if local else None


def connections_per_process(root: int, port: int) -> list[int]:
    """How many established connections to ``port`` each server process holds, most
    first. uvicorn's workers share one listening socket and the first one awake accepts
    every pending connection, so a run's keep-alive connections can land unevenly (all
    on one worker, which then has one core): this says how they landed."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            if f[3] == "01" and int(f[1].rsplit(":", 1)[1], 16) == port:  # ESTABLISHED
                inodes.add(f[9])
    counts = []
    for pid in process_tree(root):
        n = 0
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            n += target.startswith("socket:[") and target[8:-1] in inodes
        if n:
            counts.append(n)
    return sorted(counts, reverse=True)


def filtered_paths(rng: random.Random, n: int = 200) -> list[str]:
    out = []
    for _ in range(n):
        category = rng.choice(KINDS)[0]
        cc = rng.choice(CITIES)[1]
        first = START + timedelta(days=rng.randrange(DAYS - 60))
        last = first + timedelta(days=rng.choice((7, 30, 60)))
        out.append(f"/events?category={category}&country={cc}&date_from={first}"
                   f"&date_to={last}&limit=50")
    return out


async def drive(base: str, paths: list[str], clients: int, duration: float,
                seed: int) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client_loop(k: int, http: httpx.AsyncClient) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + k)
        while time.perf_counter() < deadline:
            path = rng.choice(paths)
            t0 = time.perf_counter()
            try:
                r = await http.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - t0)
            errors += not ok

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        await asyncio.gather(*(client_loop(k, http) for k in range(clients)))
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies), "errors": errors, "seconds": round(elapsed, 1),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
    }


WRK_LUA = Path(__file__).resolve().with_name("api_load.lua")
_WRK_LINE = re.compile(r"^EVENTWIRE_WRK (.*)$", re.M)


def parse_wrk(output: str) -> dict[str, Any]:
    """The summary that bench/api_load.lua prints at the end of a wrk run, as the same
    fields the Python generator reports. Errors are non-200 answers plus wrk's socket
    errors (connect, read, write, timeout)."""
    found = _WRK_LINE.search(output)
    if found is None:
        raise ValueError("no EVENTWIRE_WRK line in the wrk output: " + output[-300:])
    f = {k: int(v) for k, v in (kv.split("=", 1) for kv in found.group(1).split())}
    seconds = f["duration_us"] / 1e6
    errors = f["non200"] + f["connect"] + f["read"] + f["write"] + f["timeout"]
    return {
        "requests": f["requests"], "errors": errors, "seconds": round(seconds, 1),
        # What the errors were: answers other than 200, and requests over wrk's timeout.
        "non200": f["non200"], "timeouts": f["timeout"],
        "rps": round(f["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(f["p50_us"] / 1000, 1), "p95_ms": round(f["p95_us"] / 1000, 1),
        "p99_ms": round(f["p99_us"] / 1000, 1),
    }


def wrk_version(exe: str) -> str:
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    return " ".join((out.stdout + out.stderr).split()[:2]) or "wrk"


def drive_wrk(exe: str, base: str, paths: list[str], clients: int, duration: float,
              threads: int = 1, probe: Callable[[], Any] | None = None) -> dict[str, Any]:
    """One wrk run: ``clients`` keep-alive connections rotating through ``paths``;
    ``probe()``'s answer half-way through is returned as "probe"."""
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as fh:
        fh.write("\n".join(paths) + "\n")
        path_file = fh.name
    try:
        cmd = [exe, f"-t{threads}", f"-c{clients}", f"-d{max(1, round(duration))}s",
               "--latency", "-s", str(WRK_LUA), base, "--", path_file]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        seen = None
        if probe is not None:  # half-way through, when every connection is open
            time.sleep(duration / 2)
            seen = probe()
        stdout, stderr = proc.communicate(timeout=duration + 60)
    finally:
        os.unlink(path_file)
    if proc.returncode != 0:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {stderr[-500:]}")
    result = parse_wrk(stdout)
    if seen is not None:
        result["probe"] = seen
    return result


def children_cpu_seconds() -> float:
    """CPU of the children waited for so far (wrk runs), for the generator's own cost."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="store URL (default: a new SQLite file in a temp folder)")
    ap.add_argument("--pg", action="store_true", help="use $EVENTWIRE_TEST_PG_URL (emptied)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds per scenario")
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--generator", choices=("auto", "wrk", "python"), default="auto",
                    help="load generator: wrk when installed (auto), or the Python one")
    ap.add_argument("--wrk-threads", type=int, default=1,
                    help="wrk threads (1 keeps the generator's CPU small)")
    ap.add_argument("--reuse", action="store_true",
                    help="with --db or --pg: keep the events already there instead of "
                         "refilling")
    ap.add_argument("--json", action="store_true", help="print one JSON object at the end")
    args = ap.parse_args(argv)

    wrk = shutil.which("wrk") if args.generator in ("auto", "wrk") else None
    if args.generator == "wrk" and wrk is None:
        ap.error("--generator wrk: wrk is not installed (Debian: apt-get install wrk)")
    if wrk:
        generator = f"{wrk_version(wrk)} ({args.wrk_threads} thread(s), {args.clients} connections)"
    else:
        generator = (f"python asyncio + httpx ({args.clients} clients; "
                     "install wrk for a lighter one)")
    print(f"load generator: {generator}", file=sys.stderr)

    tmp = tempfile.TemporaryDirectory(prefix="eventwire-load-")
    if args.pg:
        url = os.environ.get("EVENTWIRE_TEST_PG_URL")
        if not url:
            ap.error("--pg needs EVENTWIRE_TEST_PG_URL (run under scripts/pg-test-server.sh)")
        if not args.reuse:
            from sqlalchemy import create_engine

            # Imported for their tables, which are then in the metadata to drop.
            import eventwire.store.resolve_tables
            import eventwire.store.web_tables  # noqa: F401
            from eventwire.store.tables import metadata

            engine = create_engine(url)
            metadata.drop_all(engine)
            engine.dispose()
    else:
        url = args.db or f"sqlite:///{Path(tmp.name) / 'load.db'}"
    ids = existing_ids(url) if args.reuse and (args.db or args.pg) else []
    if not ids:
        ids = fill_store(url, args.events)
    rng = random.Random(11)
    port = _free_port()
    db_root = database_root(url)
    server = start_server(url, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    load = os.getloadavg()
    print(f"load average before the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          f"on {os.cpu_count()} cores", file=sys.stderr)
    results: dict[str, Any] = {"generator": generator, "load_average_before": round(load[0], 1),
                               "database": url.split(":", 1)[0].split("+")[0], "events": len(ids),
                               "clients": args.clients, "duration_s": args.duration,
                               "workers": args.workers}
    try:
        scenarios = {
            "filtered /events": filtered_paths(rng),
            "/events/{id}": [f"/events/{i}" for i in rng.sample(ids, min(5000, len(ids)))],
        }
        for name, paths in scenarios.items():
            if wrk:
                drive_wrk(wrk, base, paths[:20], 4, 2.0)  # warm-up
            else:
                asyncio.run(drive(base, paths[:20], 4, 2.0, seed=1))
            cpu0, own0 = tree_cpu_seconds(server.pid), time.process_time()
            db0 = tree_cpu_seconds(db_root) if db_root else 0.0
            kids0 = children_cpu_seconds()
            if wrk:
                r = drive_wrk(wrk, base, paths, args.clients, args.duration, args.wrk_threads,
                              probe=lambda: connections_per_process(server.pid, port))
                r["connections_per_worker"] = r.pop("probe")
            else:
                r = asyncio.run(drive(base, paths, args.clients, args.duration, seed=2))
            n = max(r["requests"], 1)
            r["server_cpu_ms_per_req"] = round((tree_cpu_seconds(server.pid) - cpu0) / n * 1000, 2)
            if db_root:
                r["database_cpu_ms_per_req"] = round(
                    (tree_cpu_seconds(db_root) - db0) / n * 1000, 2)
            own = time.process_time() - own0 + children_cpu_seconds() - kids0
            r["client_cpu_ms_per_req"] = round(own / n * 1000, 2)
            results[name] = r
            print(f"{results['database']:<12} {name:<18} {r['rps']:>8} req/s"
                  f"  p50 {r['p50_ms']:>6} ms  p95 {r['p95_ms']:>6} ms"
                  f"  p99 {r['p99_ms']:>6} ms  errors {r['errors']} / {r['requests']}"
                  + (f" (non-200 {r['non200']}, timeouts {r['timeouts']})"
                     if r["errors"] and "non200" in r else "")
                  + f"  server CPU {r['server_cpu_ms_per_req']} ms/req"
                  + (f"  database CPU {r['database_cpu_ms_per_req']} ms/req"
                     if "database_cpu_ms_per_req" in r else "")
                  + f"  generator CPU {r['client_cpu_ms_per_req']} ms/req"
                  + (f"  connections per worker {r['connections_per_worker']}"
                     if "connections_per_worker" in r else ""))
    finally:
        server.terminate()
        server.wait(timeout=20)
        tmp.cleanup()
    load = os.getloadavg()
    results["load_average_after"] = round(load[0], 1)
    print(f"load average after the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}",
          file=sys.stderr)
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
