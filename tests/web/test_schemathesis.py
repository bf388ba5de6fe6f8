"""Property-based run over the OpenAPI document: no request may give a 5xx.

Limited to a few examples per operation to stay quick; runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest

pytest.importorskip("schemathesis", reason="schemathesis not installed (extra 'e2e')")

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from web_helpers import FakeExtractor

from eventwire.config import Settings
from eventwire.store import Store
from eventwire.web.app import create_app
from eventwire.web.tokens import create_token

MAX_EXAMPLES = 10


def test_no_server_errors(filled_url: str) -> None:
    with Store(filled_url) as store:
        token = create_token(store, "schemathesis")[1]
    app = create_app(Settings(db_url=filled_url), pipeline_factory=FakeExtractor)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    headers = {"Authorization": f"Bearer {token}"}
    tried: list[str] = []
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            tried.append(operation.label)

            @given(case=operation.as_strategy())
            @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
                      database=None, suppress_health_check=list(HealthCheck))
            def call(case: Any) -> None:
                case.call_and_validate(headers=headers, checks=[not_a_server_error])

            call()
    finally:
        app.state.jobs.close()
        app.state.store.close()
    assert "GET /events" in tried and "POST /articles" in tried
