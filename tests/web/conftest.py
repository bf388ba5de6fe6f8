"""Fixtures for the web tests: stores on SQLite and (when configured) PostgreSQL, apps, clients.

``db_url`` runs a test on a file SQLite store and, when EVENTWIRE_TEST_PG_URL is set
(``make test`` sets it), on PostgreSQL too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_helpers import make_client
from web_samples import all_records

from eventwire.store import Store


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """A file SQLite store (not :memory:: the app reads from several threads), and
    PostgreSQL too when EVENTWIRE_TEST_PG_URL is set (tests/conftest.py)."""
    return any_db_url


@pytest.fixture
def filled_url(db_url: str) -> str:
    with Store(db_url) as store:
        for record in all_records():
            store.write(record)
    return db_url


@pytest.fixture
def client(filled_url: str) -> Iterator[Any]:
    with make_client(filled_url) as c:
        yield c
