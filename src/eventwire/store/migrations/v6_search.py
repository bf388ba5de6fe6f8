"""Version 6: one text search on both databases (store/search.py).

Adds the folded copies the text filters compare (``search_text``: trigger, evidence and
article title; ``search_place``: place name, admin1, country code; ``search_actors``: the
actors' and recipients' names) and fills them for the events already stored; drops the
PostgreSQL full-text indexes of version 2, which nothing reads any more; on PostgreSQL
adds a trigram index for ``search_text`` when the ``pg_trgm`` extension can be created
(it is trusted since PostgreSQL 13: a user who may create objects in the database may
create it), and goes on without it when it cannot.

Frozen: never edit this file. ``_fold`` is the folding as of this version; if
``store/search.py`` ever folds differently, a new migration refills the columns.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

COLUMNS = ("search_text", "search_place", "search_actors")
_SPACES = re.compile(r"\s+")
_BATCH = 1000


def _fold(value: str | None) -> str:
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", bare)).strip()


def _fold_fields(*fields: str | None) -> str:
    return "\n".join(f for f in (_fold(x) for x in fields) if f)


def add_search_columns(conn: Connection) -> None:
    """Migration 6."""
    for name in COLUMNS:
        conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {name} TEXT")
    rows = conn.exec_driver_sql(
        "SELECT id, \"trigger\", evidence_text, article_title, place_name, admin1, country, "
        "actor_names, recipient_names FROM events ORDER BY id").all()
    update = text("UPDATE events SET search_text = :t, search_place = :p, "
                  "search_actors = :a WHERE id = :id")
    values = [
        {"id": r[0], "t": _fold_fields(r[1], r[2], r[3]), "p": _fold_fields(r[4], r[5], r[6]),
         "a": _fold_fields(r[7], r[8])}
        for r in rows
    ]
    for start in range(0, len(values), _BATCH):
        conn.execute(update, values[start:start + _BATCH])
    for name in ("ix_events_fts", "ix_articles_title_fts"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    if conn.dialect.name == "postgresql" and _trigram_extension(conn):
        conn.exec_driver_sql("CREATE INDEX ix_events_search_trgm ON events "
                             "USING gin (search_text gin_trgm_ops)")


def _trigram_extension(conn: Connection) -> bool:
    """Whether pg_trgm is there or could be created (in a savepoint: a refusal must not
    abort the migration's transaction)."""
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return False
    return True


__all__ = ["COLUMNS", "add_search_columns"]
