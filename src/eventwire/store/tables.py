"""The store's tables as they are today (SQLAlchemy Core, no ORM), portable between SQLite
and PostgreSQL: what queries are written against. The migrations (``store/migrations/``)
build them, each version with its own frozen DDL; tests check that a store built by the
migrations has exactly these tables, columns, types and indexes. A change here needs a
new migration.

The article and the full record are the source of truth; ``events``, ``entities`` and
``statements`` are flat copies of the record's parts, kept only so that filters, sorting
and counts can run in SQL. They are rebuilt whenever a record is written again.

Timestamps and dates are ISO-8601 strings: they sort correctly as text on both
databases and survive a round trip without timezone surprises.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> ForeignKey:
    # A ForeignKey object belongs to one column, so each table gets its own.
    return ForeignKey("articles.id", ondelete="CASCADE")


schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("published", String(64)),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    # Set on first insert only, so writing the same record again changes nothing.
    Column("ingested_at", String(32), nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("schema_version", String(16), nullable=False),
    # sha1 of the canonical JSON of the whole record: "unchanged" is one comparison.
    Column("digest", String(40), nullable=False),
    # ``to_dict(record)`` without the "article" key: the article lives in ``articles``
    # (storing its text twice would double the size of the database).
    Column("json", JSON, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), _article_fk(), nullable=False),
    Column("category", String(32), nullable=False),
    Column("modes", Text, nullable=False),  # space-separated PLOVER modes
    Column("status", String(16), nullable=False),
    Column("aggregate", Boolean, nullable=False),
    Column("date", String(40)),  # as in Time.date: YYYY[-MM[-DD]]
    Column("end_date", String(40)),
    Column("time_precision", String(16)),
    # The event date, or the article's published date when the text gives none.
    Column("sort_date", String(10)),
    # First and last day the event may have happened on (YYYY-MM-DD), for date filters.
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("place_name", Text),
    Column("place_precision", String(16)),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("dead", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("condition", String(16)),
    Column("actor_names", Text, nullable=False),  # "; "-joined, for substring search
    Column("recipient_names", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("json", JSON, nullable=False),  # to_dict(event)
    # Added by migration 5 (``v5_event_article``): copies of the article's summary
    # columns, written with the event, so that a page of events needs no join to
    # ``articles``. A changed article changes the record's digest, which rewrites its events.
    Column("article_title", Text),
    Column("article_outlet", Text),
    Column("article_url", Text),
    Column("article_published", String(64)),
    # Added by migration 6 (``v6_search``): the text filters' folded copies (store/search.py)
    # of trigger + evidence + article title, of place name + admin1 + country, and of the
    # actors' and recipients' names. Written with the event.
    Column("search_text", Text),
    Column("search_place", Text),
    Column("search_actors", Text),
)

# The event columns that copy an article column (migration 5): event column -> article's.
EVENT_ARTICLE_COLUMNS = {
    "article_title": "title",
    "article_outlet": "outlet",
    "article_url": "url",
    "article_published": "published",
}

entities = Table(
    "entities",
    metadata,
    # Entity ids are only unique within their article, hence the composite key.
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("json", JSON, nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("idx", Integer, primary_key=True),  # position in Record.statements
    Column("speaker_name", Text),
    Column("source_type", String(16), nullable=False),
    Column("factuality", String(32), nullable=False),
    Column("content_text", Text, nullable=False),
    Column("json", JSON, nullable=False),
)

errors = Table(
    "errors",
    metadata,
    Column("id", String(40), primary_key=True),  # stable_id(source, reason)
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", String(32), nullable=False),
    Column("last_seen", String(32), nullable=False),
    Column("count", Integer, nullable=False),
)

# Migration 1.
Index("ix_events_article_id", events.c.article_id)
Index("ix_events_category", events.c.category)
Index("ix_events_status", events.c.status)
Index("ix_events_sort_date", events.c.sort_date)
Index("ix_events_first_day", events.c.first_day)
Index("ix_events_last_day", events.c.last_day)
Index("ix_events_country", events.c.country)
Index("ix_errors_last_seen", errors.c.last_seen)
# Migration 4: covering indexes for filtered pages of events (migrations/v4_page_indexes.py).
Index("ix_events_page_country", events.c.country, events.c.category, events.c.last_day,
      events.c.first_day, events.c.sort_date, events.c.id)
Index("ix_events_page_category", events.c.category, events.c.last_day, events.c.first_day,
      events.c.sort_date, events.c.id)
# Migration 6, on PostgreSQL when the pg_trgm extension could be created: LIKE '%term%'
# on the folded text from a trigram index instead of reading every row.
Index("ix_events_search_trgm", events.c.search_text, postgresql_using="gin",
      postgresql_ops={"search_text": "gin_trgm_ops"}).ddl_if(dialect="postgresql")

__all__ = [
    "EVENT_ARTICLE_COLUMNS", "articles", "entities", "errors", "events", "metadata", "records",
    "schema_migrations", "statements",
]
