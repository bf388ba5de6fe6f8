"""Shared test fixtures. The spaCy pipeline loads once per session (it is the slow part)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
# ``make test`` starts PostgreSQL 15 on 127.0.0.1 and sets this (scripts/pg-test-server.sh);
# an empty scratch database whose tables are dropped around every test that uses it.
PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
DATABASES = ["sqlite", *(["postgresql"] if PG_URL else [])]


def drop_all_tables(url: str) -> None:
    from sqlalchemy import create_engine

    # imported for their side effect: their tables join the metadata
    import eventwire.store.resolve_tables
    import eventwire.store.web_tables  # noqa: F401
    from eventwire.store.tables import metadata

    engine = create_engine(url)
    try:
        metadata.drop_all(engine)
    finally:
        engine.dispose()


@pytest.fixture(params=DATABASES)
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A file SQLite store, and PostgreSQL too when EVENTWIRE_TEST_PG_URL is set."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    assert PG_URL
    drop_all_tables(PG_URL)
    yield PG_URL
    drop_all_tables(PG_URL)


@pytest.fixture(scope="session")
def settings():
    from eventwire.config import Settings

    return Settings(db_url="sqlite://")


@pytest.fixture(scope="session")
def pipeline(settings):
    from eventwire.nlp.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present: the seed and gold sets are read from ../shared")
    return SHARED


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
