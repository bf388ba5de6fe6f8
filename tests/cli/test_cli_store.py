"""Commands that read the store (no spaCy model needed): filters and their errors, and
the output shapes every listing command shares (json: one array; jsonl: one object a
line)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import cli
from eventwire.export import write_json_array, write_jsonl
from eventwire.model import Skipped
from eventwire.store import Store
from search_samples import search_records


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ew.db'}"
    with Store(url) as store:
        for record in search_records():
            store.write(record)
    return url


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("options", [
    ["--status", "rumoured"],
    ["--country", "Brazil"],
    ["--bbox", "1,2,3"],
    ["--bbox", "0,50,10,40"],
    ["--from", "last week"],
    ["--text", " ".join(f"w{i}" for i in range(30))],
])
@pytest.mark.parametrize("command", ["events", "export"])
def test_a_bad_filter_is_one_line_and_status_2(db: str, command: str,
                                              options: list[str]) -> None:
    result = run("--db", db, command, *options)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("eventwire: ") and result.stderr.count("\n") == 1


def test_mode_and_bbox_filter_the_listing(db: str) -> None:
    got = run("--db", db, "events", "--bbox", "-180,-90,180,90").stdout
    assert got == ""  # the samples have no coordinates
    listed = run("--db", db, "events", "--text", "arrested", "--mode", "firearms").stdout
    assert listed == ""
    assert "COERCE" in run("--db", db, "events", "--text", "arrested").stdout


# -- output shapes ----------------------------------------------------------------------


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": "é", "b": [1, {"c": None}]}, 2, "x"]])
def test_a_json_array_is_written_as_it_comes_and_reads_as_json_dump_writes(
        items: list[Any]) -> None:
    out = io.StringIO()
    assert write_json_array(iter(items), out) == len(items)
    assert out.getvalue() == json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    lines = io.StringIO()
    assert write_jsonl(iter(items), lines) == len(items)
    assert [json.loads(line) for line in lines.getvalue().splitlines()] == items


# Listing commands: (arguments, how many items the db fixture makes them list).
LISTINGS: list[tuple[list[str], int]] = [
    (["events"], 3),
    (["events", "--text", "arrested"], 2),
    (["events", "--text", "nothing of the kind"], 0),
    (["export"], 3),
    (["export", "--text", "harbour"], 1),
    (["errors"], 2),
    (["canonical", "list"], 3),
    (["events", "--canonical"], 3),
    (["entities", "show"], 0),
    (["token", "list"], 1),
]


@pytest.fixture
def listed_db(db: str) -> str:
    from eventwire.resolve.storage import cluster_store
    from eventwire.web.tokens import create_token

    with Store(db) as store:
        store.log_skipped(Skipped("a.html", "empty page"))
        store.log_skipped(Skipped("b.xml#2", "not English (fr)"))
        cluster_store(store)
        create_token(store, "analyst")
    return db


@pytest.mark.parametrize(("args", "n"), LISTINGS)
def test_json_is_always_an_array_and_jsonl_an_object_a_line(listed_db: str, args: list[str],
                                                           n: int) -> None:
    as_json = run("--db", listed_db, *args, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    items = json.loads(as_json.stdout)
    assert isinstance(items, list) and len(items) == n
    as_jsonl = run("--db", listed_db, *args, "--format", "jsonl")
    assert as_jsonl.exit_code == 0, as_jsonl.output
    assert [json.loads(line) for line in as_jsonl.stdout.splitlines()] == items
    assert all(isinstance(item, dict) for item in items)
    table = run("--db", listed_db, *args, *(["--format", "table"] if args[0] != "export"
                                            else ["--format", "csv"]))
    assert table.exit_code == 0, table.output


def test_events_canonical_refuses_what_does_not_apply(listed_db: str) -> None:
    for extra in (["--text", "x"], ["--format", "csv"], ["--actor", "Gunmen"]):
        result = run("--db", listed_db, "events", "--canonical", *extra)
        assert result.exit_code == 2 and "does not apply" in result.stderr
