"""Migrations: each version's DDL is frozen, the migrations build exactly the tables the
store declares today, and a store upgraded from version 1 with data in it equals a fresh
one (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, inspect, select
from store_samples import kharkiv_record, paris_record

from dbsupport import PG_URL, declared_metadata, drop_all_tables, schema_of
from eventwire.model import Record, Skipped
from eventwire.store import Store, rows
from eventwire.store.engine import open_engine
from eventwire.store.migrations import MIGRATIONS, migrate, schema_migrations
from eventwire.store.migrations import v1_initial as v1

SNAPSHOT = Path(__file__).with_name("schema_versions.json")
# EVENTWIRE_WRITE_SCHEMA_SNAPSHOT=1 rewrites the snapshot of the databases under test: only
# when a new migration is added (a shipped version's entry must never change).
WRITE_SNAPSHOT = os.environ.get("EVENTWIRE_WRITE_SCHEMA_SNAPSHOT") == "1"
# Set when a row is written: they differ between any two stores.
TIMESTAMPS = {"ingested_at", "applied_at", "created_at", "first_seen", "last_seen"}


@pytest.fixture(params=["sqlite", *(["postgresql"] if PG_URL else [])])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    assert PG_URL
    drop_all_tables(PG_URL)
    yield PG_URL
    drop_all_tables(PG_URL)


def _reset(url: str) -> None:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        drop_all_tables(url)


def _with_conn(url: str, fn: Any) -> Any:
    engine = open_engine(url)
    try:
        with engine.begin() as conn:
            return fn(conn)
    finally:
        engine.dispose()


def _contents(conn: Connection) -> dict[str, list[Any]]:
    """Every row of every table but the bookkeeping one, without write times, sorted."""
    out: dict[str, list[Any]] = {}
    for table in declared_metadata().sorted_tables:
        if table.name == "schema_migrations":
            continue
        got = [
            json.dumps({k: v for k, v in r._mapping.items() if k not in TIMESTAMPS},
                       sort_keys=True, default=str)
            for r in conn.execute(select(table))
        ]
        out[table.name] = sorted(got)
    return out


def _insert_version_1(conn: Connection, records: list[Record], skipped: Skipped) -> None:
    """Rows as version 1 stored them: today's row builders, cut to version 1's columns."""

    def cut(table: Any, row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row.items() if k in table.c}

    for record in records:
        conn.execute(v1.articles.insert().values(**rows.article_row(record.article),
                                                 ingested_at="2026-01-01T00:00:00+00:00"))
        conn.execute(v1.records.insert().values(
            rows.record_row(record, rows.record_digest(record))))
        for event in record.events:
            conn.execute(v1.events.insert().values(
                cut(v1.events, rows.event_row(event, record.article))))
        for entity in record.entities:
            conn.execute(v1.entities.insert().values(rows.entity_row(entity, record.article.id)))
        if record.statements:
            conn.execute(v1.statements.insert(), rows.statement_rows(record))
    from eventwire.model import stable_id

    conn.execute(v1.errors.insert().values(
        id=stable_id(skipped.source, skipped.reason, length=40), source=skipped.source,
        reason=skipped.reason, first_seen="2026-01-01", last_seen="2026-01-01", count=1))


def test_a_store_upgraded_from_version_1_equals_a_fresh_one(empty_url: str) -> None:
    records = [kharkiv_record(), paris_record()]
    skipped = Skipped("feed.xml#3", "not English (de)")

    def at_version_1(conn: Connection) -> None:
        assert migrate(conn, until=1) == [1]
        _insert_version_1(conn, records, skipped)

    _with_conn(empty_url, at_version_1)
    with Store(empty_url) as upgraded:  # opening it migrates it
        assert [upgraded.get_record(r.article.id) for r in records] == records
    upgraded_schema = _with_conn(empty_url, schema_of)
    upgraded_rows = _with_conn(empty_url, _contents)

    _reset(empty_url)
    with Store(empty_url) as fresh:
        for record in records:
            fresh.write(record)
        fresh.log_skipped(skipped)
    assert _with_conn(empty_url, schema_of) == upgraded_schema
    fresh_rows = _with_conn(empty_url, _contents)
    assert fresh_rows == upgraded_rows
    assert len(fresh_rows["events"]) == 4 and len(fresh_rows["errors"]) == 1


def test_the_migrations_build_the_declared_tables(empty_url: str) -> None:
    """``tables.py`` (what queries are written against) and the migrations agree: the
    same tables, columns in the same order, types, keys and indexes."""
    Store(empty_url).close()
    migrated = _with_conn(empty_url, schema_of)
    _reset(empty_url)
    declared = _with_conn(empty_url, lambda conn: (declared_metadata().create_all(conn),
                                                   schema_of(conn))[1])
    assert migrated == declared


def _snapshot_text(pinned: dict[str, Any]) -> str:
    """One line per dialect, version and table: a change shows as that line in a diff."""
    lines = ["{"]
    for d, dialect in enumerate(sorted(pinned)):
        lines.append(f"{json.dumps(dialect)}: {{")
        versions = sorted(pinned[dialect], key=int)
        for v, version in enumerate(versions):
            lines.append(f" {json.dumps(version)}: {{")
            tables = sorted(pinned[dialect][version].items())
            lines.extend(f"  {json.dumps(name)}: {json.dumps(body, sort_keys=True)}"
                         + ("," if t < len(tables) - 1 else "")
                         for t, (name, body) in enumerate(tables))
            lines.append(" }" + ("," if v < len(versions) - 1 else ""))
        lines.append("}" + ("," if d < len(pinned) - 1 else ""))
    return "\n".join([*lines, "}", ""])


def _schema_at(url: str, version: int) -> dict[str, Any]:
    _reset(url)

    def build(conn: Connection) -> dict[str, Any]:
        migrate(conn, until=version)
        return schema_of(conn)

    return _with_conn(url, build)


def test_each_shipped_version_builds_the_schema_it_always_built(empty_url: str) -> None:
    """The schema after each version is pinned in schema_versions.json: editing a shipped
    migration (instead of adding one) changes it and fails here."""
    dialect = "postgresql" if empty_url.startswith("postgresql") else "sqlite"
    pinned = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
    got = {str(v): _schema_at(empty_url, v) for v in range(1, len(MIGRATIONS) + 1)}
    if WRITE_SNAPSHOT:
        kept = pinned.get(dialect, {})
        changed = [v for v in kept if v in got and kept[v] != got[v]]
        assert not changed, f"shipped versions {changed} would change: add a migration instead"
        pinned[dialect] = got
        SNAPSHOT.write_text(_snapshot_text(pinned), encoding="utf-8")
    assert dialect in pinned, "no pinned schema: run with EVENTWIRE_WRITE_SCHEMA_SNAPSHOT=1"
    assert set(pinned[dialect]) == set(got), "a version is missing from schema_versions.json"
    for version in sorted(got, key=int):
        assert got[version] == pinned[dialect][version], f"version {version} changed"


def test_version_1_has_the_article_foreign_keys(empty_url: str) -> None:
    def fks(conn: Connection) -> dict[str, Any]:
        migrate(conn, until=1)
        return {t: [(fk["referred_table"], (fk.get("options") or {}).get("ondelete"))
                    for fk in inspect(conn).get_foreign_keys(t)]
                for t in ("records", "events", "entities", "statements")}

    assert _with_conn(empty_url, fks) == {t: [("articles", "CASCADE")] for t in
                                          ("records", "events", "entities", "statements")}


def test_migrations_are_recorded_and_not_reapplied(empty_url: str) -> None:
    with Store(empty_url) as first:
        first.write(paris_record())

    def again(conn: Connection) -> tuple[list[int], list[int]]:
        return migrate(conn), list(conn.scalars(select(schema_migrations.c.version)))

    applied, versions = _with_conn(empty_url, again)
    assert applied == []
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    with Store(empty_url) as second:
        assert second.has_article(paris_record().article.id)  # data survived reopening


def test_migration_5_fills_the_article_columns_of_stored_events(empty_url: str) -> None:
    record = kharkiv_record()

    def at_4_then_5(conn: Connection) -> list[tuple[Any, ...]]:
        migrate(conn, until=1)
        _insert_version_1(conn, [record], Skipped("x", "y"))
        assert migrate(conn, until=4) == [2, 3, 4]
        assert migrate(conn, until=5) == [5]
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT article_title, article_outlet, article_url, article_published FROM events")]

    a = record.article
    assert _with_conn(empty_url, at_4_then_5) == [(a.title, a.outlet, a.url, a.published)] * 3


def test_page_indexes_replace_the_filter_indexes(empty_url: str) -> None:
    Store(empty_url).close()
    found = _with_conn(empty_url, lambda conn: {
        ix["name"]: ix["column_names"] for ix in inspect(conn).get_indexes("events")})
    assert found["ix_events_page_country"] == [
        "country", "category", "last_day", "first_day", "sort_date", "id"]
    assert found["ix_events_page_category"] == [
        "category", "last_day", "first_day", "sort_date", "id"]
    assert "ix_events_country_category_days" not in found  # superseded by migration 4
    assert "ix_events_category_days" not in found
