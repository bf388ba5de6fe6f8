"""The databases the store tests run on: SQLite always, PostgreSQL when
EVENTWIRE_TEST_PG_URL is set (``make test`` starts PostgreSQL 15 on 127.0.0.1 with
scripts/pg-test-server.sh): an empty scratch database whose tables are dropped around every
test that uses it. ``schema_of`` describes a database's tables for comparisons."""

from __future__ import annotations

import os
from typing import Any

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
DATABASES = ["sqlite", *(["postgresql"] if PG_URL else [])]


def declared_metadata() -> Any:
    """``tables.metadata`` with every table the store declares today."""
    # imported for their side effect: their tables join the metadata
    import eventwire.store.resolve_tables
    import eventwire.store.web_tables  # noqa: F401
    from eventwire.store.tables import metadata

    return metadata


def drop_all_tables(url: str) -> None:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        declared_metadata().drop_all(engine)
        with engine.begin() as conn:  # tables of no declared kind (a test's own)
            for name in inspect(conn).get_table_names():
                conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}" CASCADE'
                                     if conn.dialect.name == "postgresql"
                                     else f'DROP TABLE IF EXISTS "{name}"')
    finally:
        engine.dispose()


def schema_of(conn: Any) -> dict[str, Any]:
    """Every table's columns (in order: name, type as the database reports it, nullable,
    default), primary key, foreign keys, unique constraints and indexes (name, columns or
    expressions, unique, access method), as plain JSON-ready data."""
    from sqlalchemy import inspect

    insp = inspect(conn)
    out: dict[str, Any] = {}
    for table in sorted(insp.get_table_names()):
        columns = [
            [c["name"], c["type"].compile(dialect=conn.dialect), bool(c["nullable"]),
             None if c.get("default") is None else str(c["default"])]
            for c in insp.get_columns(table)
        ]
        foreign_keys = sorted(
            [fk["constrained_columns"], fk["referred_table"], fk["referred_columns"],
             (fk.get("options") or {}).get("ondelete")]
            for fk in insp.get_foreign_keys(table)
        )
        uniques = sorted(sorted(u["column_names"]) for u in insp.get_unique_constraints(table))
        indexes = sorted(
            [ix["name"], [str(c) for c in ix["column_names"]],
             [str(e) for e in ix.get("expressions") or ()], bool(ix["unique"]),
             (ix.get("dialect_options") or {}).get("postgresql_using")]
            for ix in insp.get_indexes(table)
        )
        out[table] = {
            "columns": columns,
            "primary_key": insp.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": foreign_keys,
            "unique": uniques,
            "indexes": indexes,
        }
    return out


__all__ = ["DATABASES", "PG_URL", "declared_metadata", "drop_all_tables", "schema_of"]
