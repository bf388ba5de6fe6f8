"""The API load bench's helpers: reading wrk's summary, and the paths it rotates."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

# bench/ is a folder at the repo root, not an installed package: put the root on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.api_load import WRK_LUA, filtered_paths, parse_wrk

WRK_OUTPUT = """Running 30s test @ http://127.0.0.1:40000
  1 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    41.20ms   12.01ms 180.33ms   80.00%
  14563 requests in 30.03s, 301.22MB read
Requests/sec:    485.01
Transfer/sec:     10.03MB
EVENTWIRE_WRK requests=14563 duration_us=30026000 non200=2 connect=0 read=1 write=0 \
timeout=3 status=2 p50_us=39850 p95_us=63010 p99_us=91234 max_us=180330 mean_us=41200
"""


def test_parse_wrk_reads_the_lua_summary() -> None:
    r = parse_wrk(WRK_OUTPUT)
    assert r["requests"] == 14563
    assert r["seconds"] == 30.0
    assert r["rps"] == pytest.approx(485.0, abs=0.1)
    assert (r["p50_ms"], r["p95_ms"], r["p99_ms"]) == (39.9, 63.0, 91.2)
    # Non-200 answers plus socket errors; wrk's own "status" count is the same answers.
    assert r["errors"] == 2 + 1 + 3
    assert (r["non200"], r["timeouts"]) == (2, 3)


def test_parse_wrk_without_the_summary_is_an_error() -> None:
    with pytest.raises(ValueError, match="EVENTWIRE_WRK"):
        parse_wrk("Running 1s test @ http://127.0.0.1:1\n")


def test_the_lua_script_prints_what_parse_wrk_reads() -> None:
    lua = WRK_LUA.read_text()
    for field in ("requests=", "duration_us=", "non200=", "p50_us=", "p95_us=", "p99_us=",
                  "timeout="):
        assert field in lua
    assert "function response(status" in lua  # non-200 answers are counted


def test_filtered_paths_are_valid_filtered_queries() -> None:
    paths = filtered_paths(random.Random(3), n=20)
    assert len(paths) == 20
    for p in paths:
        assert p.startswith("/events?category=") and "&country=" in p and "limit=50" in p
        start = p.split("date_from=")[1][:10]
        end = p.split("date_to=")[1][:10]
        assert start < end


def test_connections_per_process_counts_this_process_accepted_sockets() -> None:
    import os
    import socket

    from bench.api_load import connections_per_process

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        accepted = [listener.accept()[0] for _ in clients]
        try:
            # Only the accepted ends have the listening port as their local port.
            assert connections_per_process(os.getpid(), port) == [3]
        finally:
            for s in clients + accepted:
                s.close()


def test_database_root_is_none_for_sqlite() -> None:
    from bench.api_load import database_root

    assert database_root("sqlite:////tmp/anything.db") is None


def test_database_root_is_the_local_postgresql_server() -> None:
    import os

    from bench.api_load import database_root, tree_cpu_seconds

    url = os.environ.get("EVENTWIRE_TEST_PG_URL")
    if not url:
        pytest.skip("needs EVENTWIRE_TEST_PG_URL")
    root = database_root(url)
    assert root is not None
    assert Path(f"/proc/{root}/comm").read_text().startswith("postgres")
    # the kernel counts CPU in ticks of 10 ms: a server that has just started may show none,
    # so give it some work first (a few queries at most)
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            for _ in range(20):
                if tree_cpu_seconds(root) > 0:
                    break
                conn.execute(text("SELECT count(*) FROM generate_series(1, 500000)"))
    finally:
        engine.dispose()
    assert tree_cpu_seconds(root) > 0
