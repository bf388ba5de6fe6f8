"""Version 1: the article, the record and its flat parts, and the error log.

Frozen: these are the tables as version 1 created them. Never edit this file; a change to
the schema is a new migration (and ``store/tables.py`` says what the store holds today).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("published", String(64)),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

records = Table(
    "records", metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("schema_version", String(16), nullable=False),
    Column("digest", String(40), nullable=False),
    Column("json", JSON, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), _article_fk(), nullable=False),
    Column("category", String(32), nullable=False),
    Column("modes", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("aggregate", Boolean, nullable=False),
    Column("date", String(40)),
    Column("end_date", String(40)),
    Column("time_precision", String(16)),
    Column("sort_date", String(10)),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("place_name", Text),
    Column("place_precision", String(16)),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("dead", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("condition", String(16)),
    Column("actor_names", Text, nullable=False),
    Column("recipient_names", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("json", JSON, nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("json", JSON, nullable=False),
)

statements = Table(
    "statements", metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("speaker_name", Text),
    Column("source_type", String(16), nullable=False),
    Column("factuality", String(32), nullable=False),
    Column("content_text", Text, nullable=False),
    Column("json", JSON, nullable=False),
)

errors = Table(
    "errors", metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", String(32), nullable=False),
    Column("last_seen", String(32), nullable=False),
    Column("count", Integer, nullable=False),
)

Index("ix_events_article_id", events.c.article_id)
Index("ix_events_category", events.c.category)
Index("ix_events_status", events.c.status)
Index("ix_events_sort_date", events.c.sort_date)
Index("ix_events_first_day", events.c.first_day)
Index("ix_events_last_day", events.c.last_day)
Index("ix_events_country", events.c.country)
Index("ix_errors_last_seen", errors.c.last_seen)


def create_initial_tables(conn: Connection) -> None:
    """Migration 1."""
    metadata.create_all(conn)


__all__ = ["create_initial_tables", "metadata"]
