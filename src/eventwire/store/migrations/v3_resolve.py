"""Version 3: judgements, cluster members and the canonical summary tables.

Frozen: never edit this file.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

resolve_judgements = Table(
    "resolve_judgements", metadata,
    Column("kind", String(8), primary_key=True),
    Column("left_id", String(200), primary_key=True),
    Column("right_id", String(200), primary_key=True),
    Column("source", String(8), primary_key=True),
    Column("verdict", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("features", JSON, nullable=False),
    Column("created_at", String(32), nullable=False),
)

resolve_members = Table(
    "resolve_members", metadata,
    Column("kind", String(8), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("canonical_id", String(40), nullable=False),
)

canonical_events = Table(
    "canonical_events", metadata,
    Column("id", String(40), primary_key=True),
    Column("category", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("date", String(40)),
    Column("place_name", Text),
    Column("country", String(8)),
    Column("first_reported", String(64)),
    Column("last_reported", String(64)),
    Column("report_count", Integer, nullable=False),
    Column("outlet_count", Integer, nullable=False),
    Column("dead", Integer),
    Column("injured", Integer),
    Column("json", JSON, nullable=False),
)

canonical_entities = Table(
    "canonical_entities", metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("mention_count", Integer, nullable=False),
    Column("json", JSON, nullable=False),
)

Index("ix_resolve_members_canonical", resolve_members.c.kind, resolve_members.c.canonical_id)
Index("ix_canonical_events_date", canonical_events.c.date)
Index("ix_canonical_events_category", canonical_events.c.category)
Index("ix_canonical_events_country", canonical_events.c.country)
Index("ix_canonical_entities_name", canonical_entities.c.name)


def create_resolve_tables(conn: Connection) -> None:
    """Migration 3."""
    metadata.create_all(conn)


__all__ = ["create_resolve_tables", "metadata"]
