"""``Store``: records in, events out, on SQLite or PostgreSQL through one code path.

Everything that touches the database goes through the store: its own methods (records,
events, errors) or its access layer for the other packages' tables and queries (the model
is datasette's ``Database.execute_fn``): ``execute_read(fn)`` / ``execute_write(fn)`` call
``fn(connection)`` and map database failures to ``StoreError``; ``stream(statement)``
yields rows of any number. The engines are private: nothing else opens a connection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Executable, Row, delete, select
from sqlalchemy.exc import SQLAlchemyError

from eventwire.errors import StoreError
from eventwire.model import Article, Event, Record, Skipped, record_from_dict, stable_id
from eventwire.store import queries, rows
from eventwire.store.engine import (
    WRITE_INTENT,
    dialect_insert,
    open_engine,
    parse_url,
    reader_engine,
)
from eventwire.store.filters import EventFilter, where
from eventwire.store.migrations import migrate
from eventwire.store.queries import EventRow, StatementCache, event_row_from, event_select
from eventwire.store.tables import articles, entities, events, records, statements
from eventwire.store.tables import errors as errors_table

T = TypeVar("T")
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


class Store:
    """The event database. ``Store("sqlite:///events.db")``; use as a context manager.

    Writes are idempotent upserts keyed by the record's deterministic ids. Events are read
    by ``EventFilter`` (``query_events``, ``iter_events``, ``count_events``,
    ``page_events``, ``stats``); anything else goes through ``execute_read`` /
    ``execute_write`` / ``stream``. Database failures surface as ``StoreError`` with a
    one-line message.
    """

    def __init__(self, url: str) -> None:
        self._shown_url = parse_url(url).render_as_string(hide_password=True)
        self._engine = open_engine(url)
        # Same pool; on PostgreSQL in autocommit, for one-statement reads (engine.py).
        self._reader = reader_engine(self._engine)
        # Hot statements (the API's event pages) built once per filter shape (queries.py).
        self.statements = StatementCache()
        self.dialect = self._engine.dialect.name
        try:
            with _writing(self._engine) as conn:
                migrate(conn)
        except SQLAlchemyError as err:
            self._engine.dispose()
            raise StoreError(
                f"cannot open database {self._shown_url}: {_one_line(err)}"
            ) from err

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

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

    # -- the access layer --------------------------------------------------------------

    def execute_read(self, fn: Callable[[Connection], T], *, what: str = "read the database"
                     ) -> T:
        """``fn(connection)`` for reads; its result. On PostgreSQL the connection is in
        autocommit (``engine.reader_engine``): each statement sees the latest commits, no
        BEGIN/ROLLBACK, prepared statements survive. A database failure becomes
        ``StoreError("cannot <what>: ...")``; other exceptions pass through."""
        try:
            with self._reader.connect() as conn:
                return fn(conn)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot {what}: {_one_line(err)}") from err

    def execute_write(self, fn: Callable[[Connection], T], *,
                      what: str = "write to the database") -> T:
        """``fn(connection)`` in one transaction, committed when ``fn`` returns and rolled
        back when it raises; on SQLite the write lock is taken up front (``BEGIN
        IMMEDIATE``), so concurrent writers queue instead of failing. Failures as in
        ``execute_read``."""
        try:
            with _writing(self._engine) as conn:
                return fn(conn)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot {what}: {_one_line(err)}") from err

    def stream(self, statement: Executable, *, what: str = "read the database",
               batch: int = _STREAM_BATCH) -> Iterator[Row[Any]]:
        """The rows of ``statement``, fetched ``batch`` at a time (exports and scans of
        any size; a server-side cursor on PostgreSQL, inside a transaction)."""
        try:
            with self._engine.connect() as conn:
                yield from conn.execution_options(yield_per=batch).execute(statement)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot {what}: {_one_line(err)}") from err

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a bulk load); on PostgreSQL also
        the visibility map that lets an index answer alone (``VACUUM ANALYZE``)."""
        if self.dialect == "postgresql":  # VACUUM runs outside a transaction: autocommit
            self.execute_read(lambda conn: conn.exec_driver_sql("VACUUM ANALYZE"),
                              what="analyze the database")
        else:
            self.execute_write(lambda conn: conn.exec_driver_sql("ANALYZE"),
                               what="analyze the database")

    def warm_up(self, connections: int) -> None:
        """Open ``connections`` pooled connections now, before the first requests: a
        server that opens them under load stalls the requests that wait for them."""
        with ExitStack() as stack:
            for _ in range(connections):
                stack.enter_context(self._reader.connect())

    # -- writing -----------------------------------------------------------------------

    def write(self, record: Record) -> bool:
        """Upsert ``record`` in one transaction. True when new or changed, else False.

        A changed record (re-extraction) replaces the article's events, entities and
        statements; ``ingested_at`` keeps the time of the first write.
        """
        digest = rows.record_digest(record)
        aid = record.article.id

        def upsert(conn: Connection) -> bool:
            stored = conn.scalar(select(records.c.digest).where(records.c.article_id == aid))
            if stored == digest:
                return False
            self._upsert_article(conn, record.article)
            self._upsert_record(conn, record, digest)
            self._replace_children(conn, record)
            return True

        return self.execute_write(upsert, what=f"write article {aid}")

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
        self.execute_write(lambda conn: conn.execute(stmt), what="log a skipped input")

    def has_logged(self, skipped: Skipped) -> bool:
        """Whether this input was logged as skipped, for this reason, before."""
        key = stable_id(skipped.source, skipped.reason, length=40)
        stmt = select(errors_table.c.id).where(errors_table.c.id == key)
        return self.execute_read(lambda conn: conn.scalar(stmt),
                                 what="read the error log") is not None

    # -- reading -----------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        stmt = select(articles.c.id).where(articles.c.id == article_id)
        return self.execute_read(lambda conn: conn.scalar(stmt)) is not None

    def get_record(self, article_id: str) -> Record | None:
        stmt = (
            select(articles, records.c.json.label("record_json"))
            .select_from(articles.join(records, records.c.article_id == articles.c.id))
            .where(articles.c.id == article_id)
        )
        row = self.execute_read(lambda conn: conn.execute(stmt).first())
        if row is None:
            return None
        data = dict(row.record_json)
        data["article"] = _article_dict(row)
        return record_from_dict(data)

    def get_event(self, event_id: str) -> tuple[Event, Article] | None:
        stmt = (
            select(articles, events.c.json.label("event_json"))
            .select_from(events.join(articles, events.c.article_id == articles.c.id))
            .where(events.c.id == event_id)
        )
        row = self.execute_read(lambda conn: conn.execute(stmt).first())
        if row is None:
            return None
        # record_from_dict is the one public decoder; wrap the event in a tiny record.
        record = record_from_dict({"article": _article_dict(row), "events": [row.event_json]})
        return record.events[0], record.article

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        """Logged skipped inputs, most recently seen first."""
        stmt = (select(errors_table)
                .order_by(errors_table.c.last_seen.desc(), errors_table.c.id).limit(limit))
        return self.execute_read(lambda conn: [dict(r._mapping) for r in conn.execute(stmt)],
                                 what="read the error log")

    # -- events, filtered (EventFilter: store/filters.py) ----------------------------------

    def query_events(self, filters: EventFilter | None = None, *, limit: int = 100,
                     offset: int = 0) -> list[EventRow]:
        """Matching events, newest first (ties by id), with their article's summary."""
        return self.execute_read(
            lambda conn: queries.read_events(conn, filters, limit=limit, offset=offset),
            what="read events")

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[EventRow]:
        """Every matching event, in ``query_events``' order, streamed (exports)."""
        for row in self.stream(event_select(where(filters)), what="read events"):
            yield event_row_from(row._mapping)

    def count_events(self, filters: EventFilter | None = None) -> int:
        return self.execute_read(lambda conn: queries.count_events(conn, filters),
                                 what="count events")

    def page_events(self, filters: EventFilter | None = None, *, limit: int = 50,
                    offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """A page of matching events as flat JSON-ready dicts, and the total, in one
        statement kept per filter shape (the API's ``/events``: queries.read_page)."""
        return self.execute_read(
            lambda conn: queries.read_page(conn, self.statements, filters, limit=limit,
                                           offset=offset),
            what="read events")

    def stats(self, filters: EventFilter | None = None) -> dict[str, Any]:
        """Counts of matching events: total, articles, per category, day, country, and
        per day and category (queries.read_stats)."""
        return self.execute_read(lambda conn: queries.read_stats(conn, filters),
                                 what="count events")

    def categories(self) -> list[str]:
        """Every event category in the store."""
        return self.execute_read(queries.read_categories, what="read events")

__all__ = ["Store"]
