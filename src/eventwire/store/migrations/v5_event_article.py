"""Version 5: the article's title, outlet, URL and published date copied into each event
row (a page of events then needs no join), filled for the events already stored.

Frozen: never edit this file.
"""

from __future__ import annotations

from sqlalchemy import Connection

# event column -> the article column it copies, and its type as both databases spell
# SQLAlchemy's Text and String(64)
COLUMNS = {
    "article_title": ("title", "TEXT"),
    "article_outlet": ("outlet", "TEXT"),
    "article_url": ("url", "TEXT"),
    "article_published": ("published", "VARCHAR(64)"),
}


def add_event_article_columns(conn: Connection) -> None:
    """Migration 5."""
    for name, (_source, kind) in COLUMNS.items():
        conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {name} {kind}")
    copies = ", ".join(
        f"{name} = (SELECT articles.{source} FROM articles WHERE articles.id = events.article_id)"
        for name, (source, _kind) in COLUMNS.items()
    )
    conn.exec_driver_sql(f"UPDATE events SET {copies}")


__all__ = ["COLUMNS", "add_event_article_columns"]
