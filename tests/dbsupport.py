"""The databases the store tests run on: SQLite always, PostgreSQL when
EVENTWIRE_TEST_PG_URL is set (``make test`` starts PostgreSQL 15 on 127.0.0.1 with
scripts/pg-test-server.sh): an empty scratch database whose tables are dropped around every
test that uses it."""

from __future__ import annotations

import os

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


__all__ = ["DATABASES", "PG_URL", "drop_all_tables"]
