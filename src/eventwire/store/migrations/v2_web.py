"""Version 2: API tokens, two filter indexes, and on PostgreSQL full-text indexes.

Frozen: never edit; later migrations change what this one made (4 replaced the filter
indexes, 6 dropped the full-text ones).
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Index, MetaData, String, Table, Text

metadata = MetaData()

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)

Index("ix_api_tokens_name", api_tokens.c.name)

FILTER_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_country_category_days "
    "ON events (country, category, first_day, last_day)",
    "CREATE INDEX IF NOT EXISTS ix_events_category_days "
    "ON events (category, first_day, last_day)",
)

POSTGRESQL_FULL_TEXT_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_fts ON events USING gin "
    "(to_tsvector('english', trigger || ' ' || evidence_text))",
    "CREATE INDEX IF NOT EXISTS ix_articles_title_fts ON articles USING gin "
    "(to_tsvector('english', coalesce(title, '')))",
)


def create_web_tables(conn: Connection) -> None:
    """Migration 2."""
    metadata.create_all(conn)
    for ddl in FILTER_INDEXES:
        conn.exec_driver_sql(ddl)
    if conn.dialect.name == "postgresql":
        for ddl in POSTGRESQL_FULL_TEXT_INDEXES:
            conn.exec_driver_sql(ddl)


__all__ = ["create_web_tables", "metadata"]
