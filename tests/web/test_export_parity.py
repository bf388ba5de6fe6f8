"""The CLI and the API read events through the same store methods with the same filter
object: for the same filters, ``eventwire export`` and ``GET /export/{fmt}`` give the same
rows (and ``eventwire events`` and ``GET /events`` the same list), on SQLite and on
PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from web_helpers import make_client
from web_samples import all_records

from eventwire.cli import cli
from eventwire.store import Store
from search_samples import search_records

# (CLI options, API query string) that say the same thing.
SAME_FILTERS: list[tuple[list[str], str]] = [
    ([], ""),
    (["--text", "arrested"], "q=arrested"),
    (["--text", "SAO paulo"], "q=SAO+paulo"),
    (["--text", '"shot dead"', "--category", "assault"], "q=%22shot+dead%22&category=ASSAULT"),
    (["--text", "port", "--status", "asserted"], "q=port&status=asserted"),
    (["--text", "100%"], "q=100%25"),
    (["--place", "mombasa"], "place=mombasa"),
    (["--actor", "özgür"], "actor=%C3%B6zg%C3%BCr"),
    (["--country", "ke", "--from", "2026-05"], "country=KE&date_from=2026-05"),
    (["--mode", "firearms"], "mode=firearms"),
    (["--bbox", "30,-10,50,10"], "bbox=30,-10,50,10"),
    (["--current-only", "--category", "COERCE", "--category", "PROTEST"],
     "current_only=true&category=COERCE&category=PROTEST"),
    (["--text", "nothing of the kind"], "q=nothing+of+the+kind"),
]


@pytest.fixture
def both_url(db_url: str) -> str:
    with Store(db_url) as store:
        for record in [*all_records(), *search_records()]:
            store.write(record)
    return db_url


def cli_out(url: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(("options", "query"), SAME_FILTERS)
def test_cli_export_and_api_export_give_the_same_rows(both_url: str, options: list[str],
                                                      query: str) -> None:
    with make_client(both_url) as client:
        def api(path: str) -> Any:
            response = client.get(f"{path}?{query}" if query else path)
            assert response.status_code == 200, response.text
            return response

        jsonl = cli_out(both_url, "export", "--format", "jsonl", *options)
        assert jsonl == api("/export/jsonl").text
        assert cli_out(both_url, "export", "--format", "csv", *options) == api(
            "/export/csv").text
        assert json.loads(cli_out(both_url, "export", "--format", "geojson", *options)) == (
            api("/export/geojson").json())
        listed = json.loads(cli_out(both_url, "events", "--format", "json", "--limit", "500",
                                    *options))
        page = api("/events").json()
        assert [r["id"] for r in listed] == [i["id"] for i in page["items"]]
        assert page["total"] == len(listed) == len(jsonl.splitlines())


def test_the_filters_are_not_vacuous(both_url: str) -> None:
    """Every filter above keeps some events and leaves out others (but the last)."""
    everything = len(cli_out(both_url, "export", "--format", "jsonl").splitlines())
    assert everything > 5
    for options, _query in SAME_FILTERS[1:-1]:
        n = len(cli_out(both_url, "export", "--format", "jsonl", *options).splitlines())
        assert 0 < n < everything, options
    assert cli_out(both_url, "export", "--format", "jsonl", *SAME_FILTERS[-1][0]) == ""
