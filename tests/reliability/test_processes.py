"""Load and interruption (issue 15), with real processes on one SQLite store:

- two ``eventwire ingest`` and one ``eventwire cluster`` at once: nothing lost, no
  "database is locked";
- ``ingest`` killed with SIGKILL mid-batch, then run again: no half-written article, the
  same records (same ids, same JSON) as one uninterrupted run; a third run changes nothing.

The articles are bench/corpus.py's invented wire stories."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import eventwire
from eventwire.model import to_dict
from eventwire.store import Store

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # bench/


def write_articles(folder: Path, n: int, seed: int) -> list[str]:
    from bench.corpus import generate

    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for k, article in enumerate(generate(n, seed=seed)):
        name = f"{seed:02d}-{k:03d}.txt"
        (folder / name).write_text(article.text, encoding="utf-8")
        names.append(name)
    return names


def command(db: Path, *args: str) -> list[str]:
    code = "import sys; from eventwire.cli import cli; sys.exit(cli())"
    return [sys.executable, "-c", code, "--db", f"sqlite:///{db}", *args]


def env() -> dict[str, str]:
    out = dict(os.environ)
    src = str(Path(eventwire.__file__).resolve().parents[1])
    out["PYTHONPATH"] = os.pathsep.join([src, out.get("PYTHONPATH", "")])
    out.setdefault("OMP_NUM_THREADS", "1")
    return out


def run(db: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(db, *args), env=env(), capture_output=True, text=True,
                          timeout=timeout, check=False)


def dump(db: Path) -> dict[str, Any]:
    """What the store holds, without the times it was written at."""
    with Store(f"sqlite:///{db}") as store:
        with sqlite3.connect(db) as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
            counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "records", "events", "entities", "statements")}
            events = sorted(r[0] for r in conn.execute("SELECT id FROM events"))
        records = {}
        for aid in ids:
            record = store.get_record(aid)
            assert record is not None, f"article {aid} stored without its record"
            records[aid] = to_dict(record)
    return {"ids": ids, "counts": counts, "events": events, "records": records}


def stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM records").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_ingest_killed_mid_batch_then_rerun_equals_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    names = write_articles(folder, 60, seed=3)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"

    done = run(whole, "ingest", str(folder))
    assert done.returncode == 0, done.stderr[-2000:]

    proc = subprocess.Popen(command(killed, "ingest", str(folder)), env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while stored_articles(killed) < 8 and proc.poll() is None:
            assert time.monotonic() < deadline, "ingest wrote nothing in time"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    partial = stored_articles(killed)
    assert 0 < partial < len(names), partial  # really stopped mid-batch
    half = dump(killed)  # every stored article has its record (no half-written one)
    assert half["counts"]["articles"] == half["counts"]["records"] == partial

    again = run(killed, "ingest", str(folder))
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"{partial} unchanged" in again.stderr, again.stderr[-500:]
    assert dump(killed) == dump(whole)

    third = run(killed, "ingest", str(folder))
    assert third.returncode == 0 and f"{len(names)} unchanged" in third.stderr
    assert dump(killed) == dump(whole)


def test_two_ingests_and_a_cluster_at_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_articles(first, 30, seed=5)
    write_articles(second, 30, seed=6)
    # ten articles in both folders: the two processes race to write the same ones
    for name in sorted(os.listdir(first))[:10]:
        (second / f"shared-{name}").write_bytes((first / name).read_bytes())
    db, alone = tmp_path / "shared.db", tmp_path / "alone.db"

    procs = [subprocess.Popen(command(db, "ingest", str(folder)), env=env(), text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for folder in (first, second)]
    clusters = []
    try:
        deadline = time.monotonic() + 240
        while stored_articles(db) < 5 and all(p.poll() is None for p in procs):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        while any(p.poll() is None for p in procs):  # cluster while both still write
            clusters.append(run(db, "cluster", timeout=120))
            assert time.monotonic() < deadline
        outs = [p.communicate(timeout=240) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    clusters.append(run(db, "cluster"))
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert "locked" not in err, err[-2000:]
    for c in clusters:
        assert c.returncode == 0 and "locked" not in c.stderr, c.stderr[-2000:]

    for folder in (first, second):
        assert run(alone, "ingest", str(folder)).returncode == 0
    together, apart = dump(db), dump(alone)
    assert together == apart and len(together["ids"]) == 60
