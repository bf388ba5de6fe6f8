"""Opening a database: URL checks, SQLite set-up, and the per-dialect insert helper.

Everything that differs between SQLite and PostgreSQL at the connection level lives
here, so the rest of the store is one code path.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from eventwire.errors import StoreError

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
_WAL_ATTEMPTS = 100
# Reads through a memory map of the file (shared with the OS page cache) instead of a
# read() per page: filtered index scans cost about half (docs/PERFORMANCE.md, API load).
_SQLITE_MMAP_BYTES = 256 * 1024 * 1024
# Connections kept open per process. SQLAlchemy's default (5) is below a web server's
# concurrency, and every connection past it is opened and closed per request (on SQLite
# with its pragmas, on PostgreSQL with a new backend process).
POOL_SIZE = 16
POOL_OVERFLOW = 16
_EXAMPLE = "e.g. sqlite:///path/to/eventwire.db or postgresql://user@host/dbname"


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``, or StoreError with a one-line reason."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as err:
        raise StoreError(f"not a database URL: {url!r} ({_EXAMPLE})") from err
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r} in "
            f"{parsed.render_as_string(hide_password=True)!r}: use SQLite or PostgreSQL "
            f"({_EXAMPLE})"
        )
    return parsed


def sqlite_file(url: URL) -> Path | None:
    """The file an SQLite URL points at, or None for in-memory / URI databases."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def _is_sqlite_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and (url.database or "") in ("", ":memory:")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    try:
        # First, so that the statements below also wait for a lock instead of failing.
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA mmap_size={_SQLITE_MMAP_BYTES}")
        _ensure_wal(cursor)
    finally:
        cursor.close()


def _ensure_wal(cursor: Any) -> None:
    """Switch the file to WAL (readers, e.g. the web app, then run beside a writer).

    WAL is stored in the file, so this only does work once per database. Two processes
    creating the same new file can collide here without SQLite's busy handler helping,
    hence the short retry. In-memory databases answer "memory" and stay so.
    """
    for _ in range(_WAL_ATTEMPTS):
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() in ("wal", "memory"):
            return
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                raise
            time.sleep(0.05)
    cursor.execute("PRAGMA journal_mode=WAL")  # last try: let the error through


def _sqlite_explicit_transactions(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions begin (with _sqlite_on_begin),
    # so the read and the writes in Store.write share one real transaction.
    dbapi_conn.isolation_level = None


# Connection execution option asking for BEGIN IMMEDIATE on SQLite: a transaction that
# reads and then writes takes the write lock up front, so concurrent writers queue on
# busy_timeout instead of failing when they try to upgrade a read lock.
WRITE_INTENT = "eventwire_write_intent"


def _sqlite_on_begin(conn: Any) -> None:
    if conn.get_execution_options().get(WRITE_INTENT):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def open_engine(url: str) -> Engine:
    """An Engine for ``url``; creates the parent directory of an SQLite file.

    Does not connect yet: connection failures surface on first use (Store wraps them).
    """
    parsed = parse_url(url)
    path = sqlite_file(parsed)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the directory for {path}: {err}") from err
    try:
        pool = {} if _is_sqlite_memory(parsed) else {"pool_size": POOL_SIZE,
                                                     "max_overflow": POOL_OVERFLOW}
        engine = create_engine(parsed, **pool)
    except (NoSuchModuleError, ModuleNotFoundError, ImportError) as err:
        raise StoreError(
            f"no database driver for {parsed.drivername!r} "
            f"(for PostgreSQL install psycopg): {err}"
        ) from err
    except ArgumentError as err:
        raise StoreError(f"bad database URL {url!r}: {err}") from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # An in-memory database is one connection per thread, shared by every Connection
        # (reading while iterating an export included), so there we keep pysqlite's own
        # deferred transactions; nothing else can see that database anyway.
        if not _is_sqlite_memory(parsed):
            event.listen(engine, "connect", _sqlite_explicit_transactions)
            event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def reader_engine(engine: Engine) -> Engine:
    """The engine for reads that need no transaction: ``engine`` itself on SQLite; on
    PostgreSQL the same pool in autocommit. (PostgreSQL's default READ COMMITTED takes a
    new snapshot for every statement anyway, so a read sees exactly what it saw before.)

    On PostgreSQL a read then needs no BEGIN and no ROLLBACK: two round trips fewer per
    request. Above all, psycopg forgets its prepared statements on every ROLLBACK, and
    SQLAlchemy's pool sends one whenever a connection comes back inside a transaction: with
    reads in transactions no statement was ever prepared server-side, so PostgreSQL parsed
    and planned every page query again (~0.7 ms of its CPU each; docs/PERFORMANCE.md, API
    load). In autocommit the connection is idle when it comes back, psycopg prepares a
    statement after ``prepare_threshold`` (5) executions, and PostgreSQL may keep a generic
    plan. Not for server-side cursors (``yield_per``): those need a transaction.
    """
    if engine.dialect.name != "postgresql":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def dialect_insert(engine_or_dialect_name: Engine | str, table: Table) -> Any:
    """``insert(table)`` from the dialect's own module, which offers
    ``on_conflict_do_nothing`` / ``on_conflict_do_update`` with the same signature on
    SQLite and PostgreSQL."""
    name = (
        engine_or_dialect_name
        if isinstance(engine_or_dialect_name, str)
        else engine_or_dialect_name.dialect.name
    )
    if name == "sqlite":
        return sqlite.insert(table)
    if name == "postgresql":
        return postgresql.insert(table)
    raise StoreError(f"unsupported database dialect {name!r}")


__all__ = [
    "SUPPORTED_BACKENDS", "WRITE_INTENT", "dialect_insert", "open_engine", "parse_url",
    "reader_engine", "sqlite_file",
]
