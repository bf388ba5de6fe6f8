"""Schema migrations: a plain ordered list of functions ``(conn) -> None``.

Version N is ``MIGRATIONS[N - 1]``; ``schema_migrations`` records which versions ran.
Each version lives in its own module and states its own DDL: the tables, columns and
indexes as they were when it shipped, never imported from ``store/tables.py`` (which
declares the schema of today, for queries). So a shipped migration cannot change when
``tables.py`` does. Never edit or reorder a migration that has shipped: append one.

Tests hold the two together: a store built by the migrations has exactly the tables of
``tables.py``; a store upgraded from version 1 with data in it equals a fresh one; and the
schema after each version is pinned (tests/store/schema_versions.json).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, select

from eventwire.store.migrations.v1_initial import create_initial_tables
from eventwire.store.migrations.v2_web import create_web_tables
from eventwire.store.migrations.v3_resolve import create_resolve_tables
from eventwire.store.migrations.v4_page_indexes import add_event_page_indexes
from eventwire.store.migrations.v5_event_article import add_event_article_columns
from eventwire.store.migrations.v6_search import add_search_columns
from eventwire.store.migrations.v7_canonical_ids import add_canonical_ids
from eventwire.store.migrations.v8_watchlists import add_watchlists

Migration = Callable[[Connection], None]

# The bookkeeping table, created before any migration runs (never changes).
schema_migrations = Table(
    "schema_migrations", MetaData(),
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

MIGRATIONS: list[Migration] = [
    create_initial_tables,  # articles, records, events, entities, statements, errors
    create_web_tables,  # API tokens; PostgreSQL full-text indexes
    create_resolve_tables,  # judgements, cluster members, canonical events/entities
    add_event_page_indexes,  # covering indexes for filtered event pages
    add_event_article_columns,  # the article's summary on each event row
    add_search_columns,  # folded text for the text filters; no PostgreSQL full-text index
    add_canonical_ids,  # every canonical id issued, its age, redirects of merged ones
    add_watchlists,  # saved filters run by `eventwire watch`, and the incidents they found
]


def applied_versions(conn: Connection) -> set[int]:
    return set(conn.scalars(select(schema_migrations.c.version)))


def migrate(conn: Connection, *, until: int | None = None) -> list[int]:
    """Apply every migration not yet recorded (up to version ``until``, default all), in
    order; return the versions applied.

    Runs inside the caller's transaction, so a failing migration leaves nothing behind
    (DDL is transactional on both SQLite and PostgreSQL).
    """
    schema_migrations.create(conn, checkfirst=True)
    done = applied_versions(conn)
    applied: list[int] = []
    for version, migration in enumerate(MIGRATIONS, start=1):
        if version in done or (until is not None and version > until):
            continue
        migration(conn)
        conn.execute(
            schema_migrations.insert().values(
                version=version,
                name=migration.__name__,
                applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )
        applied.append(version)
    return applied


__all__ = ["MIGRATIONS", "Migration", "applied_versions", "migrate", "schema_migrations"]
