"""process_partition, run_batch on a local Dask cluster, load, and the kill -9 / resume
run of `eventwire batch` in a subprocess. Needs the spaCy model."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.batch.load import load_output
from eventwire.batch.output import iter_output, read_manifest
from eventwire.batch.partitions import plan_partitions
from eventwire.batch.process import process_partition
from eventwire.config import Settings
from eventwire.store import Store

pytestmark = pytest.mark.model

CITIES = ("Kano", "Quetta", "Goma", "Davao", "Mosul", "Tripoli", "Medellin", "Aleppo")
NAMES = ("Petra Lindqvist Obi", "Karim Sato Voss", "Elena Udeh Brandt", "Omar Novak Haddad")


def story(i: int) -> str:
    city, name = CITIES[i % len(CITIES)], NAMES[i % len(NAMES)]
    return (
        f"Gunmen attacked a police checkpoint outside {city} on Monday night, killing "
        f"{i % 6 + 2} officers, officials said in report number {i}. {name}, a regional "
        f"police spokesperson, said the attackers fled after a gun battle."
    )


def write_corpus(path: Path, n: int, extra: list[str] | None = None) -> None:
    lines = [json.dumps({"text": story(i), "url": f"https://example.org/r/{i}",
                         "published": "2026-03-02"}) for i in range(n)]
    path.write_text("\n".join(lines + (extra or [])) + "\n", encoding="utf-8")


def output_ids(out: Path) -> list[str]:
    return [row["article_id"] for _pid, rows, _m in iter_output(out) for row in rows]


def test_process_partition_writes_records_and_skipped(tmp_path: Path, pipeline: Any) -> None:
    corpus = tmp_path / "in.jsonl"
    duplicate = json.dumps({"text": story(0), "url": "https://example.org/r/0"})
    write_corpus(corpus, 3, extra=["[1, 2]", duplicate])
    (part,) = plan_partitions([corpus], size=10)
    entry = process_partition(part, Settings(db_url="sqlite://"), str(tmp_path / "out"),
                              pipeline=pipeline)
    assert (entry.records, entry.skipped) == (3, 2)
    assert entry.events >= 3
    import pyarrow.parquet as pq

    rows = pq.read_table(tmp_path / "out" / "skipped" / f"{part.id}.parquet").to_pylist()
    assert sorted(r["reason"] for r in rows) == [
        "duplicate of an earlier article", "line is a JSON list, not an object"]


def test_run_batch_then_rerun_then_load(tmp_path: Path, pipeline: Any,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from eventwire.batch import process as process_module
    from eventwire.batch.run import run_batch

    # in-process cluster: give its worker the session's pipeline instead of a second load
    loaded = process_module.LoadedPipeline(pipeline, threading.Lock())
    monkeypatch.setattr(process_module, "worker_pipeline", lambda _settings: loaded)
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 6, extra=["not json at all"])
    out = tmp_path / "out"
    settings = Settings(db_url="sqlite://")
    first = run_batch([corpus], out, settings, workers=1, partition_size=2,
                      processes=False, dashboard=False)
    assert (first.partitions, first.done_now, first.records, first.skipped) == (4, 4, 6, 1)
    assert not first.failed
    again = run_batch([corpus], out, settings, workers=1, partition_size=2,
                      processes=False, dashboard=False)
    assert (again.already_done, again.done_now, again.records) == (4, 0, 0)
    ids = output_ids(out)
    assert len(ids) == len(set(ids)) == 6

    db = f"sqlite:///{tmp_path / 'events.db'}"
    with Store(db) as store:
        loaded_once = load_output(out, store)
        loaded_twice = load_output(out, store)
        assert all(store.has_article(i) for i in ids)
        assert len(store.errors()) == 1 and store.errors()[0]["count"] == 1
    assert (loaded_once.records, loaded_once.new, loaded_once.skipped) == (6, 6, 1)
    assert (loaded_twice.new, loaded_twice.unchanged) == (0, 6)
    assert "canonical" in loaded_once.clustering  # eventwire.resolve clustered once


def _eventwire() -> list[str]:
    script = Path(sys.executable).with_name("eventwire")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from eventwire.cli import main; main()"]


@pytest.mark.slow
def test_kill_minus_nine_then_resume(tmp_path: Path) -> None:
    """SIGKILL the whole process group (driver, nanny, worker) once one partition is
    finished, run the same command again: every record once, none missing."""
    n, size = 24, 2
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, n, extra=["{broken"])
    out = tmp_path / "out"
    cmd = [*_eventwire(), "batch", str(corpus), "--out", str(out), "--workers", "1",
           "--partition-size", str(size), "--no-progress"]
    env = {**os.environ, "EVENTWIRE_DB": f"sqlite:///{tmp_path / 'unused.db'}"}
    proc = subprocess.Popen(cmd, start_new_session=True, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None and not read_manifest(out):
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    done_at_kill = len(read_manifest(out))
    assert 1 <= done_at_kill < 13, proc.stderr.read().decode() if proc.stderr else ""

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert f"{done_at_kill} already done" in rerun.stderr, rerun.stderr
    assert rerun.returncode == 1  # the broken line is reported as skipped
    ids = output_ids(out)
    assert len(ids) == n, "records missing"
    assert len(set(ids)) == n, "records duplicated"
    skipped = [s for _pid, _rows, missed in iter_output(out) for s in missed]
    assert [s.reason.split(":")[0] for s in skipped] == ["invalid JSON"]
    assert len(read_manifest(out)) == 13
    assert not list(out.rglob(".tmp-*"))

    # load twice through the CLI: idempotent
    from eventwire.cli import cli

    db = f"sqlite:///{tmp_path / 'events.db'}"
    first = CliRunner().invoke(cli, ["--db", db, "load", str(out)])
    second = CliRunner().invoke(cli, ["--db", db, "load", str(out)])
    assert first.exit_code == 0 and second.exit_code == 0
    assert f"{n} new, 0 unchanged" in first.output
    assert f"0 new, {n} unchanged" in second.output
