"""API tokens: created once and shown once, stored as SHA-256, revoked by id or name."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, or_, select, update

from eventwire.errors import ConfigError
from eventwire.store import Store
from eventwire.store.web_tables import api_tokens

TOKEN_PREFIX = "ew_"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: str
    name: str
    created_at: str
    revoked_at: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> tuple[TokenInfo, str]:
    """A new token named ``name``; returns its info and the secret (never stored)."""
    name = name.strip()
    if not name:
        raise ConfigError("a token needs a name (who or what uses it)")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    info = TokenInfo(id=secrets.token_hex(4), name=name, created_at=_now(), revoked_at=None)
    row = {"id": info.id, "name": info.name, "token_hash": hash_token(secret),
           "created_at": info.created_at}
    store.execute_write(lambda conn: conn.execute(api_tokens.insert().values(**row)),
                        what="create a token")
    return info, secret


def revoke_token(store: Store, id_or_name: str) -> list[TokenInfo]:
    """Revoke every live token whose id or name is ``id_or_name``; returns those revoked."""
    now = _now()
    match = or_(api_tokens.c.id == id_or_name, api_tokens.c.name == id_or_name)

    def revoke(conn: Connection) -> list[Any]:
        live = api_tokens.c.revoked_at.is_(None)
        rows = list(conn.execute(select(api_tokens).where(match, live)))
        if rows:
            conn.execute(
                update(api_tokens)
                .where(api_tokens.c.id.in_([r.id for r in rows]))
                .values(revoked_at=now)
            )
        return rows

    rows = store.execute_write(revoke, what="revoke a token")
    return [TokenInfo(r.id, r.name, r.created_at, now) for r in rows]


def list_tokens(store: Store) -> list[TokenInfo]:
    stmt = select(api_tokens).order_by(api_tokens.c.created_at, api_tokens.c.id)
    rows = store.execute_read(lambda conn: list(conn.execute(stmt)), what="read tokens")
    return [TokenInfo(r.id, r.name, r.created_at, r.revoked_at) for r in rows]


def check_token(store: Store, token: str) -> TokenInfo | None:
    """The live token matching ``token``, else None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    digest = hash_token(token)
    stmt = select(api_tokens).where(api_tokens.c.token_hash == digest,
                                    api_tokens.c.revoked_at.is_(None))
    row = store.execute_read(lambda conn: conn.execute(stmt).first(), what="check a token")
    # The lookup is by hash, so timing reveals nothing about the secret; compare anyway.
    if row is None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return TokenInfo(row.id, row.name, row.created_at, row.revoked_at)


__all__ = [
    "TOKEN_PREFIX", "TokenInfo", "check_token", "create_token", "hash_token", "list_tokens",
    "revoke_token",
]
