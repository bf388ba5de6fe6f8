"""The command line end to end on the project's own fixtures, with a temporary SQLite store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli

pytestmark = pytest.mark.model


@pytest.fixture()
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'ew.db'}"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_json(fixtures_dir):
    res = run("extract", str(fixtures_dir / "commander_shot.txt"), "--published", "2026-03-10")
    assert res.exit_code == 0, res.output
    [record] = json.loads(res.stdout)  # an array, even of one record
    assert record["schema_version"] == "1"
    assert any(e["category"] == "ASSAULT" for e in record["events"])


def test_ingest_is_idempotent_and_queryable(fixtures_dir, db, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("commander_shot.html", "protest_dispersed.txt"):
        (src / name).write_bytes((fixtures_dir / name).read_bytes())
    first = run("--db", db, "ingest", str(src), "--published", "2026-03-10")
    assert first.exit_code == 0, first.output
    assert "2 new" in first.stderr
    again = run("--db", db, "ingest", str(src), "--published", "2026-03-10")
    assert again.exit_code == 0 and "0 new, 2 unchanged" in again.stderr
    listed = run("--db", db, "events", "--category", "ASSAULT", "--format", "json")
    rows = json.loads(listed.stdout)
    assert rows and all(r["category"] == "ASSAULT" for r in rows)
    shown = run("--db", db, "show", rows[0]["id"])
    assert shown.exit_code == 0 and "[[" in shown.stdout
    csv_out = run("--db", db, "export", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("event_id_cnty")
    geo = run("--db", db, "export", "--format", "geojson")
    assert json.loads(geo.stdout)["type"] == "FeatureCollection"


def test_bad_input_is_skipped_with_reason_and_status(tmp_path, db, fixtures_dir):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    (src / "good.txt").write_bytes((fixtures_dir / "protest_dispersed.txt").read_bytes())
    res = run("--db", db, "ingest", str(src))
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert "1 new" in res.stderr and "2 skipped" in res.stderr
    log = run("--db", db, "errors")
    assert "empty.txt" in log.stdout and "junk.bin" in log.stdout


def test_unknown_event_and_bad_db_are_one_line_errors(db):
    res = run("--db", db, "show", "nope")
    assert res.exit_code == 2 and "no event with id nope" in res.stderr
    bad = run("--db", "notadb://x", "events")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
