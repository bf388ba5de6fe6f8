"""Version 7: canonical ids for life (``resolve/ids.py``), and the canonical listings
filtered like events (store/search.py).

``canonical_ids`` lists every canonical id ever issued, its issue number (its age) and,
once its cluster has been merged into an older one, the id it redirects to. The ids of
an existing store's clusters are registered here, oldest first by id (their real order is
not known), so they are kept from now on. ``canonical_events.search_place`` and
``canonical_entities.search_name`` are the folded place and name, filled here for the
rows there are (``eventwire cluster`` writes them from now on).

Frozen: never edit this file.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, text

metadata = MetaData()

canonical_ids = Table(
    "canonical_ids", metadata,
    Column("kind", String(8), primary_key=True),
    Column("id", String(40), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("issued_at", String(32), nullable=False),
    Column("merged_into", String(40)),
    Column("merged_at", String(32)),
)


_SPACES = re.compile(r"\s+")


def _fold(value: str | None) -> str:  # as in version 6
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", bare)).strip()


def add_canonical_ids(conn: Connection) -> None:
    """Migration 7."""
    metadata.create_all(conn)
    for table, column, source in (("canonical_events", "search_place", "place_name"),
                                  ("canonical_entities", "search_name", "name")):
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        values = [{"id": r[0], "v": _fold(r[1])} for r in conn.execute(text(
            f"SELECT id, {source} FROM {table} ORDER BY id"))]
        if values:
            conn.execute(text(f"UPDATE {table} SET {column} = :v WHERE id = :id"), values)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    found = conn.execute(text(
        "SELECT DISTINCT kind, canonical_id FROM resolve_members ORDER BY kind, canonical_id"
    )).all()
    seq: dict[str, int] = {}
    rows = []
    for kind, cid in found:
        seq[kind] = seq.get(kind, 0) + 1
        rows.append({"kind": kind, "id": cid, "seq": seq[kind], "issued_at": now})
    if rows:
        conn.execute(canonical_ids.insert(), rows)


__all__ = ["add_canonical_ids", "metadata"]
