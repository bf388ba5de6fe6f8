"""The API under schemathesis (issue 15), without a token and with one: no 5xx either way,
and without a token nothing is written (every table holds the same rows after the run);
every write route answers 401 without one. SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("schemathesis", reason="schemathesis not installed (extra 'e2e')")

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from sqlalchemy import MetaData, func, select

from eventwire.config import Settings
from eventwire.store import Store
from eventwire.web.app import create_app
from eventwire.web.tokens import create_token

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from web_helpers import FakeExtractor
from web_samples import all_records

MAX_EXAMPLES = 8
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture
def filled(any_db_url: str) -> str:
    with Store(any_db_url) as store:
        for record in all_records():
            store.write(record)
    return any_db_url


def table_counts(url: str) -> dict[str, int]:
    with Store(url) as store:
        def counts(conn: Any) -> dict[str, int]:
            meta = MetaData()
            meta.reflect(conn)
            return {name: conn.scalar(select(func.count()).select_from(t))
                    for name, t in sorted(meta.tables.items())}
        return store.execute_read(counts)


def fuzz(url: str, headers: dict[str, str]) -> dict[str, list[int]]:
    """Every operation with schemathesis' examples; the statuses seen per operation."""
    app = create_app(Settings(db_url=url), pipeline_factory=FakeExtractor)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    seen: dict[str, list[int]] = {}
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            label = operation.label

            @given(case=operation.as_strategy())
            @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
                      database=None, suppress_health_check=list(HealthCheck))
            def call(case: Any) -> None:
                response = case.call(headers=headers)
                seen.setdefault(label, []).append(response.status_code)  # noqa: B023 (run at once)
                case.validate_response(response, checks=[not_a_server_error])

            call()
    finally:
        app.state.jobs.close()
        app.state.store.close()
    return seen


def test_without_a_token_no_5xx_and_no_write(filled: str) -> None:
    before = table_counts(filled)
    seen = fuzz(filled, {})
    assert "POST /articles" in seen and "GET /events" in seen
    for label, statuses in seen.items():
        assert all(s < 500 for s in statuses), (label, statuses)
        if label.split()[0] in WRITES:
            assert set(statuses) <= {401, 403}, (label, statuses)
    assert table_counts(filled) == before


def test_with_a_bad_token_no_write(filled: str) -> None:
    before = table_counts(filled)
    seen = fuzz(filled, {"Authorization": "Bearer not-a-token"})
    for label, statuses in seen.items():
        assert all(s < 500 for s in statuses), (label, statuses)
        if label.split()[0] in WRITES:
            assert set(statuses) <= {401, 403}, (label, statuses)
    assert table_counts(filled) == before


def test_with_a_token_no_5xx(filled: str) -> None:
    with Store(filled) as store:
        token = create_token(store, "reliability")[1]
    seen = fuzz(filled, {"Authorization": f"Bearer {token}"})
    assert any(200 <= s < 300 for s in seen.get("POST /articles", [])), seen.get("POST /articles")
    for label, statuses in seen.items():
        assert all(s < 500 for s in statuses), (label, statuses)
