"""The table the web app adds to the store (migration 2, ``v2_web``): API tokens.

``api_tokens`` holds only a SHA-256 of each token: tokens are 256-bit random strings, so
a fast hash is enough, and a leaked database does not leak a usable token.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, String, Table, Text

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

__all__ = ["api_tokens"]
