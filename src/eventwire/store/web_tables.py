"""The tables the web app adds to the store: API tokens (migration 2, ``v2_web``), and
watchlists with the incidents each run found for them (migration 8, ``v8_watchlists``).

``api_tokens`` holds only a SHA-256 of each token: tokens are 256-bit random strings, so
a fast hash is enough, and a leaked database does not leak a usable token.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, Text

from eventwire.store.tables import metadata

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

# A saved filter (``web/watchlists.py``): ``filters`` holds actors, places, categories,
# countries and free text; ``webhook_url`` is where new incidents are POSTed, if anywhere.
watchlists = Table(
    "watchlists",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("filters", JSON, nullable=False),
    Column("webhook_url", Text),
    Column("created_at", String(32), nullable=False),
    Column("last_run_at", String(32)),  # the last ``eventwire watch`` run that checked it
    Column("last_error", Text),  # of the last webhook POST, if it failed
)

# One row per incident a run found for a watchlist: its Atom feed, newest first.
# ``incident_id`` is the canonical id (``ce-...``) or, for an event never clustered, the
# event id. ``delivered_at`` is set once its webhook POST succeeded.
watchlist_hits = Table(
    "watchlist_hits",
    metadata,
    Column("watchlist_id", String(16), ForeignKey("watchlists.id", ondelete="CASCADE"),
           primary_key=True),
    Column("incident_id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("found_at", String(32), nullable=False),
    Column("delivered_at", String(32)),
)

Index("ix_watchlist_hits_found", watchlist_hits.c.watchlist_id, watchlist_hits.c.found_at)

__all__ = ["api_tokens", "watchlist_hits", "watchlists"]
