"""The event store: SQLAlchemy Core over SQLite (default) or PostgreSQL.

    with Store("sqlite:///events.db") as store:
        store.write(record)                     # idempotent upsert
        store.query_events(EventFilter(categories=("ASSAULT",)))
"""

from eventwire.store.database import Store
from eventwire.store.queries import EventFilter, EventRow

__all__ = ["EventFilter", "EventRow", "Store"]
