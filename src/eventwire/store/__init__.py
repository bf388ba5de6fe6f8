"""The event store: SQLAlchemy Core over SQLite (default) or PostgreSQL.

    with Store("sqlite:///events.db") as store:
        store.write(record)                     # idempotent upsert
        store.query_events(EventFilter(categories=("ASSAULT",), text="shot dead"))
        store.execute_read(lambda conn: conn.scalar(statement))   # any other read
"""

from eventwire.store.database import Store
from eventwire.store.filters import EventFilter, parse_bbox
from eventwire.store.queries import EventRow

__all__ = ["EventFilter", "EventRow", "Store", "parse_bbox"]
