"""Commands that read the store (no spaCy model needed): filters and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import cli
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
