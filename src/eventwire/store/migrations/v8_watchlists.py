"""Version 8: watchlists (saved filters that ``eventwire watch`` runs after each fetch) and
the incidents each run found for them (their Atom feeds and webhook deliveries).

Frozen: never edit this file.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

watchlists = Table(
    "watchlists", metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("filters", JSON, nullable=False),
    Column("webhook_url", Text),
    Column("created_at", String(32), nullable=False),
    Column("last_run_at", String(32)),
    Column("last_error", Text),
)

watchlist_hits = Table(
    "watchlist_hits", metadata,
    Column("watchlist_id", String(16), ForeignKey("watchlists.id", ondelete="CASCADE"),
           primary_key=True),
    Column("incident_id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("found_at", String(32), nullable=False),
    Column("delivered_at", String(32)),
)

Index("ix_watchlist_hits_found", watchlist_hits.c.watchlist_id, watchlist_hits.c.found_at)


def add_watchlists(conn: Connection) -> None:
    """Migration 8."""
    metadata.create_all(conn)


__all__ = ["add_watchlists", "metadata"]
