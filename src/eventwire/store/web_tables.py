"""Tables and indexes the web app adds to the store (migration ``create_web_tables``).

``api_tokens`` holds only a SHA-256 of each token: tokens are 256-bit random strings, so
a fast hash is enough, and a leaked database does not leak a usable token.

On PostgreSQL the migration also adds GIN indexes for full-text search over an event's
trigger and evidence and its article's title; ``FTS_CONFIG`` and the two expressions
below are what queries must repeat exactly for the planner to use those indexes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, Index, String, Table, Text, func, literal_column

from eventwire.store.tables import articles, events, metadata

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", String(16), primary_key=True),  # shown to users, used to revoke
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)

Index("ix_api_tokens_name", api_tokens.c.name)

# A constant, never user input: the text-search configuration of the indexes.
FTS_CONFIG: Any = literal_column("'english'")


def event_document() -> Any:
    """to_tsvector over trigger + evidence (identical in the index and in queries)."""
    return func.to_tsvector(
        FTS_CONFIG, events.c.trigger + literal_column("' '") + events.c.evidence_text
    )


def title_document() -> Any:
    return func.to_tsvector(FTS_CONFIG, func.coalesce(articles.c.title, literal_column("''")))


# Constant DDL, valid on SQLite and PostgreSQL. Not Index objects on ``events``: those
# would also be created by migration 1's create_all and change what version 1 means.
EVENT_FILTER_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_country_category_days "
    "ON events (country, category, first_day, last_day)",
    "CREATE INDEX IF NOT EXISTS ix_events_category_days "
    "ON events (category, first_day, last_day)",
)


def create_web_tables(conn: Connection) -> None:
    """Migration: the API token table, filter indexes; on PostgreSQL, full-text indexes."""
    api_tokens.create(conn, checkfirst=True)
    # The API's common filters (category, country, date range) as index ranges, so a page
    # and its total count stay fast at 100,000s of events (see docs/PERFORMANCE.md).
    for ddl in EVENT_FILTER_INDEXES:
        conn.exec_driver_sql(ddl)
    if conn.dialect.name != "postgresql":
        return
    # Constant DDL too: an expression Index object would attach itself to the shared
    # ``events`` table, and SQLite's create_all must never see it.
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_events_fts ON events USING gin "
        "(to_tsvector('english', trigger || ' ' || evidence_text))"
    )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_articles_title_fts ON articles USING gin "
        "(to_tsvector('english', coalesce(title, '')))"
    )


# Migration 4 supersedes EVENT_FILTER_INDEXES: the same filter columns, then the sort date
# and the id, so the page of a filtered list and its total come from the index alone and
# only the page's own rows are read from the table. ``last_day`` comes before ``first_day``:
# "last_day >= date_from" is then the index range, which is short for the common queries
# (recent windows, "since ...") and the same on average for any window.
EVENT_PAGE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_page_country "
    "ON events (country, category, last_day, first_day, sort_date, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_page_category "
    "ON events (category, last_day, first_day, sort_date, id)",
)
SUPERSEDED_INDEXES = ("ix_events_country_category_days", "ix_events_category_days")


def add_event_page_indexes(conn: Connection) -> None:
    """Migration: covering indexes for the API's filtered event pages (see above)."""
    for ddl in EVENT_PAGE_INDEXES:
        conn.exec_driver_sql(ddl)
    for name in SUPERSEDED_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


__all__ = [
    "EVENT_PAGE_INDEXES", "FTS_CONFIG", "add_event_page_indexes", "api_tokens",
    "create_web_tables", "event_document", "title_document",
]
