"""The batch output folder: atomic Parquet files, the manifest, re-run rules. No model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.batch.output import (
    MANIFEST,
    Finished,
    append_manifest,
    iter_output,
    prepare_out_dir,
    read_manifest,
    write_partition,
)
from eventwire.batch.partitions import Partition
from eventwire.errors import ConfigError
from eventwire.model import Event, Record, Skipped, Span, make_article, record_from_dict


def record(i: int) -> Record:
    text = f"Protesters marched in Lima on day {i}."
    article = make_article(text, url=f"https://example.org/{i}", outlet="Test Wire")
    event = Event(id=f"ev{i}", category="PROTEST", trigger=Span("marched", 11, 18))
    return Record(article=article, events=(event,))


def plan(n: int) -> list[Partition]:
    return [Partition("files", (f"/data/{i}.txt",), size=1) for i in range(n)]


def test_partition_files_round_trip(tmp_path: Path) -> None:
    parts = plan(2)
    prepare_out_dir(tmp_path, parts, 1)
    counts = write_partition(tmp_path, parts[0].id, [record(1), record(2)],
                             [Skipped("/data/x.bin", "binary data")])
    assert counts == (2, 2, 1)
    append_manifest(tmp_path, Finished(parts[0].id, *counts))
    # the second partition's files exist but it is not in the manifest: not read
    write_partition(tmp_path, parts[1].id, [record(3)], [])
    out = list(iter_output(tmp_path))
    assert [pid for pid, _, _ in out] == [parts[0].id]
    _, rows, missed = out[0]
    assert [r["article_id"] for r in rows] == [record(1).article.id, record(2).article.id]
    assert rows[0]["categories"] == ["PROTEST"] and rows[0]["n_events"] == 1
    assert record_from_dict(json.loads(rows[0]["record"])) == record(1)
    assert missed == [Skipped("/data/x.bin", "binary data")]
    assert not list(tmp_path.rglob(".tmp-*"))


def test_half_written_manifest_line_is_ignored(tmp_path: Path) -> None:
    parts = plan(3)
    prepare_out_dir(tmp_path, parts, 1)
    append_manifest(tmp_path, Finished(parts[0].id, 1, 1, 0))
    with (tmp_path / MANIFEST).open("a") as handle:
        handle.write('{"id": "' + parts[1].id + '", "reco')  # killed mid-write
    assert list(read_manifest(tmp_path)) == [parts[0].id]
    append_manifest(tmp_path, Finished(parts[2].id, 1, 1, 0))  # starts a fresh line
    assert list(read_manifest(tmp_path)) == [parts[0].id, parts[2].id]


def test_rerun_keeps_finished_and_cleans_temp_files(tmp_path: Path) -> None:
    parts = plan(2)
    prepare_out_dir(tmp_path, parts, 1)
    append_manifest(tmp_path, Finished(parts[0].id, 1, 1, 0))
    stale = tmp_path / "records" / ".tmp-abc-123.parquet"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"half")
    done = prepare_out_dir(tmp_path, parts, 1)
    assert list(done) == [parts[0].id]
    assert not stale.exists()


def test_other_inputs_in_same_out_dir_refused(tmp_path: Path) -> None:
    prepare_out_dir(tmp_path, plan(2), 1)
    append_manifest(tmp_path, Finished(plan(2)[0].id, 1, 1, 0))
    other = [Partition("files", ("/data/0.txt", "/data/1.txt"), size=2)]  # bigger size
    with pytest.raises(ConfigError, match="new --out"):
        prepare_out_dir(tmp_path, other, 2)


def test_not_a_batch_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not an eventwire batch output"):
        list(iter_output(tmp_path))


def test_pipeline_loaded_once_per_worker_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.batch import process
    from eventwire.config import Settings
    from eventwire.nlp import pipeline as pipeline_module

    made: list[Settings] = []

    def fake_pipeline(settings: Settings) -> object:
        made.append(settings)
        return object()

    monkeypatch.setattr(pipeline_module, "Pipeline", fake_pipeline)
    process.worker_pipeline.cache_clear()
    try:
        settings = Settings(db_url="sqlite://")
        first = process.worker_pipeline(settings)
        assert process.worker_pipeline(settings) is first
        assert len(made) == 1
        process.worker_pipeline(settings.with_(batch_size=8))  # other settings: replaced
        assert len(made) == 2
    finally:
        process.worker_pipeline.cache_clear()
