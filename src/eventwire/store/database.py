"""``Store``: records in, events out, on SQLite or PostgreSQL through one code path."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select
from sqlalchemy.exc import SQLAlchemyError

from eventwire.errors import StoreError
from eventwire.model import Article, Event, Record, Skipped, record_from_dict, stable_id
from eventwire.store import rows
from eventwire.store.engine import (
    WRITE_INTENT,
    dialect_insert,
    open_engine,
    parse_url,
    reader_engine,
)
from eventwire.store.migrations import migrate
from eventwire.store.queries import (
    EventFilter,
    EventRow,
    StatementCache,
    event_row_from,
    event_select,
    filter_conditions,
    where_all,
)
from eventwire.store.tables import articles, entities, events, records, statements
from eventwire.store.tables import errors as errors_table

_STREAM_BATCH = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _one_line(err: BaseException) -> str:
    orig = getattr(err, "orig", None) or err
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _article_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "text": row.text,
        "url": row.url,
        "outlet": row.outlet,
        "title": row.title,
        "authors": list(row.authors or ()),
        "published": row.published,
        "language": row.language,
    }


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that intends to write (committed on success)."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_INTENT: True})
        with conn.begin():
            yield conn


@contextmanager
def _reading(engine: Engine) -> Iterator[Connection]:
    """A connection for reads; database failures become StoreError."""
    try:
        with engine.connect() as conn:
            yield conn
    except SQLAlchemyError as err:
        raise StoreError(f"cannot read the database: {_one_line(err)}") from err


class Store:
    """The event database. ``Store("sqlite:///events.db")``; use as a context manager.

    Writes are idempotent upserts keyed by the record's deterministic ids.
    Database failures surface as ``StoreError`` with a one-line message.
    """

    def __init__(self, url: str) -> None:
        self._shown_url = parse_url(url).render_as_string(hide_password=True)
        self.engine = open_engine(url)
        # Same pool; on PostgreSQL in autocommit, for one-statement reads (engine.py).
        self.reader = reader_engine(self.engine)
        # Hot statements (the API's event pages) built once per filter shape (queries.py).
        self.statements = StatementCache()
        self.dialect = self.engine.dialect.name
        try:
            with _writing(self.engine) as conn:
                migrate(conn)
        except SQLAlchemyError as err:
            self.engine.dispose()
            raise StoreError(
                f"cannot open database {self._shown_url}: {_one_line(err)}"
            ) from err

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._shown_url!r})"

    # -- writing -----------------------------------------------------------------------

    def write(self, record: Record) -> bool:
        """Upsert ``record`` in one transaction. True when new or changed, else False.

        A changed record (re-extraction) replaces the article's events, entities and
        statements; ``ingested_at`` keeps the time of the first write.
        """
        digest = rows.record_digest(record)
        aid = record.article.id
        try:
            with _writing(self.engine) as conn:
                stored = conn.scalar(
                    select(records.c.digest).where(records.c.article_id == aid)
                )
                if stored == digest:
                    return False
                self._upsert_article(conn, record.article)
                self._upsert_record(conn, record, digest)
                self._replace_children(conn, record)
                return True
        except SQLAlchemyError as err:
            raise StoreError(f"cannot write article {aid}: {_one_line(err)}") from err

    def _upsert_article(self, conn: Connection, article: Article) -> None:
        values = rows.article_row(article)
        stmt = dialect_insert(self.dialect, articles).values(**values, ingested_at=_now())
        update = {k: stmt.excluded[k] for k in values if k != "id"}
        conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=update))

    def _upsert_record(self, conn: Connection, record: Record, digest: str) -> None:
        values = rows.record_row(record, digest)
        stmt = dialect_insert(self.dialect, records).values(**values)
        update = {k: stmt.excluded[k] for k in values if k != "article_id"}
        conn.execute(stmt.on_conflict_do_update(index_elements=["article_id"], set_=update))

    def _replace_children(self, conn: Connection, record: Record) -> None:
        aid = record.article.id
        for table in (events, entities, statements):
            conn.execute(delete(table).where(table.c.article_id == aid))
        if record.events:
            conn.execute(
                events.insert(), [rows.event_row(e, record.article) for e in record.events]
            )
        if record.entities:
            conn.execute(entities.insert(), [rows.entity_row(e, aid) for e in record.entities])
        if record.statements:
            conn.execute(statements.insert(), rows.statement_rows(record))

    def log_skipped(self, skipped: Skipped) -> None:
        """Remember an input that could not be read; repeats bump ``count``."""
        now = _now()
        stmt = dialect_insert(self.dialect, errors_table).values(
            id=stable_id(skipped.source, skipped.reason, length=40),
            source=skipped.source,
            reason=skipped.reason,
            first_seen=now,
            last_seen=now,
            count=1,
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["id"],
            set_={"last_seen": stmt.excluded.last_seen, "count": errors_table.c.count + 1},
        )
        try:
            with _writing(self.engine) as conn:
                conn.execute(stmt)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot log skipped input: {_one_line(err)}") from err

    def warm_up(self, connections: int) -> None:
        """Open ``connections`` pooled connections now, before the first requests: a
        server that opens them under load stalls the requests that wait for them."""
        with ExitStack() as stack:
            for _ in range(connections):
                stack.enter_context(self.reader.connect())

    # -- reading -----------------------------------------------------------------------

    def _read(self) -> AbstractContextManager[Connection]:
        return _reading(self.reader)

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            found = conn.scalar(select(articles.c.id).where(articles.c.id == article_id))
        return found is not None

    def get_record(self, article_id: str) -> Record | None:
        with self._read() as conn:
            row = conn.execute(
                select(articles, records.c.json.label("record_json"))
                .select_from(articles.join(records, records.c.article_id == articles.c.id))
                .where(articles.c.id == article_id)
            ).first()
        if row is None:
            return None
        data = dict(row.record_json)
        data["article"] = _article_dict(row)
        return record_from_dict(data)

    def get_event(self, event_id: str) -> tuple[Event, Article] | None:
        with self._read() as conn:
            row = conn.execute(
                select(articles, events.c.json.label("event_json"))
                .select_from(events.join(articles, events.c.article_id == articles.c.id))
                .where(events.c.id == event_id)
            ).first()
        if row is None:
            return None
        # record_from_dict is the one public decoder; wrap the event in a tiny record.
        record = record_from_dict({"article": _article_dict(row), "events": [row.event_json]})
        return record.events[0], record.article

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        """Logged skipped inputs, most recently seen first."""
        with self._read() as conn:
            result = conn.execute(
                select(errors_table)
                .order_by(errors_table.c.last_seen.desc(), errors_table.c.id)
                .limit(limit)
            )
            return [dict(r._mapping) for r in result]

    def query_events(
        self, filters: EventFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[EventRow]:
        stmt = event_select().where(self._where(filters)).limit(limit).offset(offset)
        with self._read() as conn:
            return [event_row_from(r._mapping) for r in conn.execute(stmt)]

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[EventRow]:
        """Every matching event, streamed in batches (for exports of any size)."""
        stmt = event_select().where(self._where(filters))
        with _reading(self.engine) as conn:  # a server-side cursor needs a transaction
            result = conn.execution_options(yield_per=_STREAM_BATCH).execute(stmt)
            for r in result:
                yield event_row_from(r._mapping)

    def count_events(self, filters: EventFilter | None = None) -> int:
        stmt = (
            select(func.count())
            .select_from(events.join(articles, events.c.article_id == articles.c.id))
            .where(self._where(filters))
        )
        with self._read() as conn:
            return int(conn.scalar(stmt) or 0)

    def stats(self, filters: EventFilter | None = None) -> dict[str, Any]:
        """Counts of matching events: total, per category, per day, per country.

        "Day" is the event's sort date (its own date, else the article's published
        date), so month- or year-precision events appear under ``YYYY-MM`` / ``YYYY``.
        """
        joined = events.join(articles, events.c.article_id == articles.c.id)
        where = self._where(filters)

        def grouped(col: Any) -> dict[str, int]:
            stmt = (
                select(col, func.count())
                .select_from(joined)
                .where(where)
                .group_by(col)
                .order_by(col)
            )
            return {
                ("" if key is None else str(key)): int(n) for key, n in conn.execute(stmt)
            }

        with self._read() as conn:
            total = conn.scalar(select(func.count()).select_from(joined).where(where))
            n_articles = conn.scalar(
                select(func.count(func.distinct(events.c.article_id)))
                .select_from(joined)
                .where(where)
            )
            return {
                "events": int(total or 0),
                "articles": int(n_articles or 0),
                "by_category": grouped(events.c.category),
                "by_day": grouped(events.c.sort_date),
                "by_country": grouped(events.c.country),
            }

    def _where(self, filters: EventFilter | None) -> Any:
        return where_all(filter_conditions(filters or EventFilter(), self.dialect))


__all__ = ["Store"]
