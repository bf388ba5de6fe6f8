"""Schema migrations: a plain ordered list of functions ``(conn) -> None``.

Version N is ``MIGRATIONS[N - 1]``; ``schema_migrations`` records which versions ran.
Never edit or reorder a migration that has shipped: append a new one.

Migration 1 creates the tables from ``tables.metadata``. That is only correct while
``tables.py`` still describes version 1; the first change to ``tables.py`` must come with
a migration that alters the existing tables (``op``-style Core DDL), and migration 1
must then keep creating exactly the version-1 tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from eventwire.store import tables
from eventwire.store.resolve_tables import create_resolve_tables
from eventwire.store.web_tables import add_event_page_indexes, create_web_tables

Migration = Callable[[Connection], None]


def create_initial_tables(conn: Connection) -> None:
    tables.metadata.create_all(
        conn,
        tables=[
            tables.articles,
            tables.records,
            tables.events,
            tables.entities,
            tables.statements,
            tables.errors,
        ],
    )


MIGRATIONS: list[Migration] = [
    create_initial_tables,
    create_web_tables,  # API tokens; PostgreSQL full-text indexes (store/web_tables.py)
    create_resolve_tables,  # judgements, cluster members, canonical events/entities
    add_event_page_indexes,  # covering indexes for filtered event pages (web_tables.py)
]


def applied_versions(conn: Connection) -> set[int]:
    return set(conn.scalars(select(tables.schema_migrations.c.version)))


def migrate(conn: Connection) -> list[int]:
    """Apply every migration not yet recorded, in order; return the versions applied.

    Runs inside the caller's transaction, so a failing migration leaves nothing behind
    (DDL is transactional on both SQLite and PostgreSQL).
    """
    tables.schema_migrations.create(conn, checkfirst=True)
    done = applied_versions(conn)
    applied: list[int] = []
    for version, migration in enumerate(MIGRATIONS, start=1):
        if version in done:
            continue
        migration(conn)
        conn.execute(
            tables.schema_migrations.insert().values(
                version=version,
                name=migration.__name__,
                applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )
        applied.append(version)
    return applied


__all__ = ["MIGRATIONS", "Migration", "applied_versions", "migrate"]
