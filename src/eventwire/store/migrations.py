"""Schema migrations: a plain ordered list of functions ``(conn) -> None``.

Version N is ``MIGRATIONS[N - 1]``; ``schema_migrations`` records which versions ran.
Never edit or reorder a migration that has shipped: append a new one.

Migration 1 creates the tables from ``tables.metadata`` as they were at version 1: the
columns added to ``tables.py`` since are listed in ``LATER_COLUMNS`` and left out there, and
the migration that adds them alters the existing tables (``op``-style Core DDL). A store
created today and one created at version 1 end with the same tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Index, MetaData, Table, select, update

from eventwire.store import tables
from eventwire.store.resolve_tables import create_resolve_tables
from eventwire.store.web_tables import add_event_page_indexes, create_web_tables

Migration = Callable[[Connection], None]

# Columns that ``tables.py`` gained after version 1, per table: the migrations that add
# them are below, and migration 1 leaves them out.
LATER_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": tuple(tables.EVENT_ARTICLE_COLUMNS),
}


def _as_of_version_1(table: Table, metadata: MetaData) -> Table:
    """A copy of ``table`` in ``metadata`` without its ``LATER_COLUMNS``, with its indexes."""
    later = LATER_COLUMNS.get(table.name, ())
    copy = Table(table.name, metadata,
                 *(column._copy() for column in table.columns if column.name not in later))
    for index in table.indexes:
        Index(index.name, *(copy.c[c.name] for c in index.columns), unique=index.unique)
    return copy


def create_initial_tables(conn: Connection) -> None:
    version_1 = MetaData()
    for table in (tables.articles, tables.records, tables.events, tables.entities,
                  tables.statements, tables.errors):
        _as_of_version_1(table, version_1)
    version_1.create_all(conn)


def add_event_article_columns(conn: Connection) -> None:
    """Migration: the article's title, outlet, URL and published date on each event row
    (tables.py), filled from ``articles`` for the events already stored."""
    events, articles = tables.events, tables.articles
    for name in tables.EVENT_ARTICLE_COLUMNS:
        column = events.c[name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {name} {kind}")
    of_article = {
        name: select(articles.c[source]).where(articles.c.id == events.c.article_id)
        .scalar_subquery()
        for name, source in tables.EVENT_ARTICLE_COLUMNS.items()
    }
    conn.execute(update(events).values(of_article))


MIGRATIONS: list[Migration] = [
    create_initial_tables,
    create_web_tables,  # API tokens; PostgreSQL full-text indexes (store/web_tables.py)
    create_resolve_tables,  # judgements, cluster members, canonical events/entities
    add_event_page_indexes,  # covering indexes for filtered event pages (web_tables.py)
    add_event_article_columns,  # the article's summary on each event row (tables.py)
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


__all__ = ["LATER_COLUMNS", "MIGRATIONS", "Migration", "applied_versions", "migrate"]
