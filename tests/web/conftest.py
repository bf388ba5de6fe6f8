"""Fixtures for the web tests: stores on SQLite and (when configured) PostgreSQL, apps, clients.

``db_url`` runs a test on a file SQLite store and, when EVENTWIRE_TEST_PG_URL is set
(``make test`` sets it), on PostgreSQL too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from web_helpers import make_client
from web_samples import all_records

from eventwire.store import Store
from eventwire.store import tables as t

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
DB_PARAMS = ["sqlite", *(["postgresql"] if PG_URL else [])]


def drop_all(url: str) -> None:
    import eventwire.store.web_tables  # noqa: F401  (its tables are in the metadata)

    engine = create_engine(url)
    try:
        t.metadata.drop_all(engine)
    finally:
        engine.dispose()


@pytest.fixture(params=DB_PARAMS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        # A file, not :memory: (the app reads from several threads).
        yield f"sqlite:///{tmp_path / 'web.db'}"
        return
    assert PG_URL
    drop_all(PG_URL)
    yield PG_URL
    drop_all(PG_URL)


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
