"""Shared test fixtures. The spaCy pipeline loads once per session (it is the slow part)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dbsupport import DATABASES, PG_URL, drop_all_tables

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


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
