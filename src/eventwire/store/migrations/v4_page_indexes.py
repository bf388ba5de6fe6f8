"""Version 4: covering indexes for filtered pages of events (docs/PERFORMANCE.md, "API
load"); they replace version 2's filter indexes.

The filter columns, then the sort date and the id, so the page of a filtered list and its
total come from the index alone. ``last_day`` comes before ``first_day``: "last_day >=
date_from" is then the index range, short for the common queries (recent windows).

Frozen: never edit this file.
"""

from __future__ import annotations

from sqlalchemy import Connection

PAGE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_page_country "
    "ON events (country, category, last_day, first_day, sort_date, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_page_category "
    "ON events (category, last_day, first_day, sort_date, id)",
)
SUPERSEDED_INDEXES = ("ix_events_country_category_days", "ix_events_category_days")


def add_event_page_indexes(conn: Connection) -> None:
    """Migration 4."""
    for ddl in PAGE_INDEXES:
        conn.exec_driver_sql(ddl)
    for name in SUPERSEDED_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


__all__ = ["PAGE_INDEXES", "SUPERSEDED_INDEXES", "add_event_page_indexes"]
