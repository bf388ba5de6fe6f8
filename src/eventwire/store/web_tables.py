"""Tables and indexes the web app adds to the store (migration 2, ``v2_web``).

``api_tokens`` holds only a SHA-256 of each token: tokens are 256-bit random strings, so
a fast hash is enough, and a leaked database does not leak a usable token.

On PostgreSQL migration 2 also added GIN indexes for full-text search over an event's
trigger and evidence and its article's title; ``FTS_CONFIG`` and the two expressions
below are what queries must repeat exactly for the planner to use those indexes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Index, String, Table, Text, func, literal_column

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


Index("ix_events_fts", event_document(), postgresql_using="gin",
      _table=events).ddl_if(dialect="postgresql")
Index("ix_articles_title_fts", title_document(), _table=articles,
      postgresql_using="gin").ddl_if(dialect="postgresql")

__all__ = ["FTS_CONFIG", "api_tokens", "event_document", "title_document"]
