"""Store behaviour on every database URL the ``db_url`` fixture yields."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from store_samples import kharkiv_record, paris_record

from dbsupport import PG_URL, drop_all_tables
from eventwire.errors import ConfigError, StoreError
from eventwire.model import Record, Skipped
from eventwire.store import EventFilter, Store
from eventwire.store import tables as t

DB_PARAMS = ["sqlite-file", "sqlite-memory", *(["postgresql"] if PG_URL else [])]


@pytest.fixture(params=DB_PARAMS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Database URLs the store must work on."""
    if request.param == "sqlite-file":
        yield f"sqlite:///{tmp_path / 'nested' / 'dir' / 'events.db'}"
    elif request.param == "sqlite-memory":
        yield "sqlite://"
    else:
        assert PG_URL
        drop_all_tables(PG_URL)
        yield PG_URL
        drop_all_tables(PG_URL)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as s:
        yield s


@pytest.fixture
def filled(store: Store) -> Store:
    assert store.write(kharkiv_record())
    assert store.write(paris_record())
    return store


def counts(store: Store) -> dict[str, int]:
    return store.execute_read(lambda conn: {
        table.name: conn.scalar(select(func.count()).select_from(table)) or 0
        for table in (t.articles, t.records, t.events, t.entities, t.statements)
    })


def scalar(store: Store, stmt: Any) -> Any:
    return store.execute_read(lambda conn: conn.scalar(stmt))


def ids(store: Store, **filters: object) -> set[str]:
    rows = store.query_events(EventFilter(**filters))  # type: ignore[arg-type]
    assert store.count_events(EventFilter(**filters)) == len(rows)  # type: ignore[arg-type]
    return {r.id for r in rows}


K = kharkiv_record()
KILLING, ARREST, OLD_ATTACK = (e.id for e in K.events)
MARCH = paris_record().events[0].id


# -- opening & migrations ----------------------------------------------------------------


def test_warm_up_leaves_open_connections_in_the_pool(db_url: str) -> None:
    if db_url == "sqlite://":
        pytest.skip("an in-memory SQLite store has one shared connection, no pool to warm")
    with Store(db_url) as s:
        s.warm_up(4)
        assert s._reader.pool.checkedin() >= 4  # type: ignore[attr-defined]
        assert s.count_events() == 0  # and the store works as before


def test_sqlite_file_parent_directory_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "events.db"
    with Store(f"sqlite:///{path}"):
        pass
    assert path.exists()


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'events.db'}") as store, store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize(
    "url", ["events.db", "not a url", "sqlite//missing-colon.db", "mysql://u@h/db", ""]
)
def test_malformed_or_unsupported_url_raises_store_error(url: str) -> None:
    with pytest.raises(StoreError) as err:
        Store(url)
    assert "\n" not in str(err.value)


def test_unopenable_database_raises_store_error(tmp_path: Path) -> None:
    (tmp_path / "is_a_dir.db").mkdir()
    with pytest.raises(StoreError, match="cannot open database"):
        Store(f"sqlite:///{tmp_path / 'is_a_dir.db'}")


def test_password_is_not_shown(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store("oracle://scott:tiger@host/db")
    assert "tiger" not in str(err.value)


# -- writing -----------------------------------------------------------------------------


def test_write_is_idempotent(store: Store) -> None:
    record = kharkiv_record()
    assert store.write(record) is True
    before = counts(store)
    ingested = scalar(store, select(t.articles.c.ingested_at))
    assert store.write(record) is False
    assert store.write(kharkiv_record()) is False  # an equal record built afresh
    assert counts(store) == before == {
        "articles": 1, "records": 1, "events": 3, "entities": 2, "statements": 1,
    }
    assert scalar(store, select(t.articles.c.ingested_at)) == ingested


def test_changed_record_replaces_children(store: Store) -> None:
    old = kharkiv_record()
    store.write(old)
    ingested = scalar(store, select(t.articles.c.ingested_at))
    killing = dataclasses.replace(old.events[0], confidence=0.95, modes=("firearms",))
    new = dataclasses.replace(
        old,
        article=dataclasses.replace(old.article, title="Councillor shot dead in Kharkiv"),
        events=(killing,),
        entities=old.entities[:1],
        statements=(),
    )
    assert store.write(new) is True
    assert counts(store) == {
        "articles": 1, "records": 1, "events": 1, "entities": 1, "statements": 0,
    }
    assert store.get_record(old.article.id) == new
    assert store.get_event(ARREST) is None
    assert scalar(store, select(t.articles.c.ingested_at)) == ingested
    row = store.query_events()[0]
    assert (row.title, row.modes, row.confidence) == (
        "Councillor shot dead in Kharkiv", ("firearms",), 0.95,
    )
    assert store.write(old) is True  # and back again
    assert store.get_record(old.article.id) == old


def test_record_round_trips_equal(filled: Store) -> None:
    for original in (kharkiv_record(), paris_record()):
        assert filled.get_record(original.article.id) == original
    assert filled.get_record("no-such-article") is None


def test_empty_record_round_trips(store: Store) -> None:
    record = Record(article=dataclasses.replace(paris_record().article, id="bare"))
    assert store.write(record)
    assert store.get_record("bare") == record
    assert store.has_article("bare")


def test_get_event_and_has_article(filled: Store) -> None:
    found = filled.get_event(KILLING)
    assert found is not None
    event, article = found
    assert event == K.events[0]
    assert article == K.article
    assert filled.get_event("nope") is None
    assert filled.has_article(K.article.id)
    assert not filled.has_article("nope")


def test_failed_write_leaves_nothing_behind(store: Store) -> None:
    record = kharkiv_record()
    broken = dataclasses.replace(record, events=(record.events[0], record.events[0]))
    with pytest.raises(StoreError, match="cannot write article"):
        store.write(broken)
    assert not store.has_article(record.article.id)
    assert counts(store)["events"] == 0
    assert store.write(record) is True


def test_reading_and_writing_while_iterating(filled: Store) -> None:
    seen = []
    for row in filled.iter_events():
        assert filled.get_event(row.id) is not None
        filled.log_skipped(Skipped(source=row.id, reason="seen"))
        seen.append(row.id)
    assert len(seen) == 4
    assert len(filled.errors()) == 4


def test_two_writers_open_and_write_one_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    base = paris_record()

    def write_many(prefix: str) -> None:
        with Store(url) as s:
            for i in range(15):
                article = dataclasses.replace(base.article, id=f"{prefix}{i}")
                s.write(dataclasses.replace(base, article=article, events=()))

    threads = [threading.Thread(target=write_many, args=(p,)) for p in "ab"]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    with Store(url) as s:
        assert counts(s)["articles"] == 30


def test_skipped_inputs_are_logged_once_with_a_count(store: Store) -> None:
    bad = Skipped(source="feeds/a.xml#3", reason="not English (es, 0.97)")
    store.log_skipped(bad)
    store.log_skipped(bad)
    store.log_skipped(Skipped(source="big.html", reason="larger than 20000000 bytes"))
    errors = store.errors()
    assert len(errors) == 2
    by_source = {e["source"]: e for e in errors}
    assert by_source["feeds/a.xml#3"]["count"] == 2
    assert by_source["feeds/a.xml#3"]["reason"] == "not English (es, 0.97)"
    assert by_source["big.html"]["count"] == 1
    assert by_source["big.html"]["first_seen"] <= by_source["big.html"]["last_seen"]
    assert len(store.errors(limit=1)) == 1


# -- queries -----------------------------------------------------------------------------


def test_no_filter_returns_everything_newest_first(filled: Store) -> None:
    rows = filled.query_events()
    assert [r.id for r in rows] == [ARREST, KILLING, MARCH, OLD_ATTACK]
    assert filled.count_events() == 4


def test_row_is_flat_and_joined_to_its_article(filled: Store) -> None:
    row = filled.query_events(EventFilter(categories=("PROTEST",)))[0]
    assert row.actor_names == ("students",)
    assert row.actor_sectors == ("CVL",)
    assert row.recipient_names == ()
    assert (row.place_name, row.country, row.lat, row.lon) == ("Paris", "FR", 48.86, 2.35)
    assert (row.title, row.outlet, row.published) == (
        "Students march in Paris", "Le Fil", "2026-02-10",
    )
    assert row.evidence_text.startswith("Thousands of students marched")


def test_event_without_date_falls_back_to_published(filled: Store) -> None:
    arrest = next(r for r in filled.query_events() if r.id == ARREST)
    assert arrest.date is None
    assert arrest.sort_date == "2026-03-03"


def test_pagination(filled: Store) -> None:
    everything = [r.id for r in filled.query_events()]
    pages = [r.id for off in range(0, 4, 2) for r in filled.query_events(limit=2, offset=off)]
    assert pages == everything


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"categories": ("ASSAULT",)}, {KILLING, OLD_ATTACK}),
        ({"categories": ("assault", "PROTEST")}, {KILLING, OLD_ATTACK, MARCH}),
        ({"statuses": ("historical",)}, {OLD_ATTACK}),
        ({"include_historical": False}, {KILLING, ARREST, MARCH}),
        ({"date_from": "2026-03-01"}, {KILLING, ARREST}),
        ({"date_to": "2026-03-02"}, {KILLING, MARCH, OLD_ATTACK}),
        ({"date_from": "2026-03-03", "date_to": "2026-03-03"}, {ARREST}),  # published date
        ({"date_from": "2019-06-01", "date_to": "2019-06-30"}, {OLD_ATTACK}),  # year overlaps
        ({"date_from": "2026-02"}, {KILLING, ARREST, MARCH}),
        ({"date_to": "2026"}, {KILLING, ARREST, MARCH, OLD_ATTACK}),
        ({"place": "kharkiv"}, {KILLING}),
        ({"place": "LVIVSKA"}, {ARREST}),  # admin1
        ({"place": "fr"}, {MARCH}),  # country code
        ({"place": "Odes"}, {OLD_ATTACK}),
        ({"country": "ua"}, {KILLING, ARREST, OLD_ATTACK}),
        ({"actor": "hrytsenko"}, {KILLING}),  # recipient
        ({"actor": "Police"}, {ARREST}),  # actor
        ({"actor": "nobody"}, set()),
        ({"text": "RALLY"}, {ARREST}),  # evidence
        ({"text": "shot dead"}, {KILLING}),  # trigger
        ({"text": "students march"}, {MARCH}),  # title
        ({"text": "%"}, set()),  # LIKE wildcards are literal
        ({"text": "_"}, set()),
        ({"bbox": (30.0, 45.0, 40.0, 52.0)}, {KILLING}),
        ({"bbox": (-10.0, 40.0, 40.0, 55.0)}, {KILLING, ARREST, MARCH}),
        ({"bbox": (170.0, -10.0, -170.0, 10.0)}, set()),  # across the antimeridian
        ({"bbox": (30.0, 45.0, 10.0, 52.0)}, {KILLING, MARCH}),  # wraps round the world
        ({"categories": ("ASSAULT",), "country": "UA", "include_historical": False}, {KILLING}),
    ],
)
def test_filters(filled: Store, filters: dict[str, object], expected: set[str]) -> None:
    assert ids(filled, **filters) == expected


@pytest.mark.parametrize(
    "filters",
    [
        {"date_from": "March 2026"},
        {"date_to": "2026-13-01"},
        {"date_from": "2026-02-30"},
        {"bbox": (0.0, 10.0, 1.0, 5.0)},
        {"bbox": (0.0, 10.0, 1.0)},
        {"bbox": (0.0, 10.0, 200.0, 20.0)},
        {"bbox": (0.0, float("nan"), 1.0, 5.0)},
        {"statuses": ("asserted", "rumoured")},
        {"country": "Ukraine"},
        {"country": "U1"},
        {"place": "Kyiv\x00"},
        {"text": " ".join(f"word{i}" for i in range(40))},
    ],
)
def test_bad_filters_raise_config_error(filters: dict[str, object]) -> None:
    with pytest.raises(ConfigError) as err:
        EventFilter(**filters)  # type: ignore[arg-type]
    assert "\n" not in str(err.value)


def test_filters_are_normalised() -> None:
    f = EventFilter(categories=(" assault", "ASSAULT", ""), statuses=("Asserted",),
                    modes=("Firearms targeted", "firearms"), country=" ua ", place="  ",
                    text=" shot ", date_from=" 2026-03 ")
    assert f == EventFilter(categories=("ASSAULT",), statuses=("asserted",),
                            modes=("firearms", "targeted"), country="UA", text="shot",
                            date_from="2026-03")
    assert f.place is None


@pytest.mark.parametrize("fn", [
    lambda s: s.parse_bbox("1,2,3"),
    lambda s: s.parse_bbox("a,b,c,d"),
])
def test_bad_bbox_text_is_a_config_error(fn: Any) -> None:
    import eventwire.store as store_module

    with pytest.raises(ConfigError):
        fn(store_module)


# -- the access layer ------------------------------------------------------------------


def test_database_failures_become_one_line_store_errors(store: Store) -> None:
    with pytest.raises(StoreError, match=r"^cannot read a missing table: ") as err:
        store.execute_read(lambda conn: conn.exec_driver_sql("SELECT * FROM no_such_table"),
                           what="read a missing table")
    assert "\n" not in str(err.value)
    with pytest.raises(StoreError, match=r"^cannot write to the database: "):
        store.execute_write(lambda conn: conn.exec_driver_sql("INSERT INTO no_such_table "
                                                              "VALUES (1)"))
    with pytest.raises(StoreError, match=r"^cannot stream: "):
        list(store.stream(select(func.count()).select_from(t.events).where(
            t.events.c.id == func.no_such_function()), what="stream"))


def test_a_write_that_fails_is_rolled_back_whole(store: Store) -> None:
    def half_then_fail(conn: Any) -> None:
        conn.execute(t.errors.insert().values(id="x", source="s", reason="r",
                                              first_seen="a", last_seen="a", count=1))
        raise ValueError("not a database failure: passes through")

    with pytest.raises(ValueError, match="passes through"):
        store.execute_write(half_then_fail)
    assert store.errors() == []


def test_nothing_outside_the_store_opens_a_connection() -> None:
    """Call sites go through the store's methods (errors mapped), never its engines."""
    import re

    src = Path(__file__).resolve().parents[2] / "src" / "eventwire"
    opened = re.compile(r"\.(_?engine|_?reader)\b|create_engine\(|open_engine\(")
    found = [f"{p.relative_to(src)}:{n}" for p in src.rglob("*.py")
             if p.relative_to(src).parts[0] != "store"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if opened.search(line) and not line.lstrip().startswith(("from ", "import "))]
    assert found == []


def test_iter_events_streams_the_same_rows(filled: Store) -> None:
    f = EventFilter(country="UA")
    assert list(filled.iter_events(f)) == filled.query_events(f)


def test_stats(filled: Store) -> None:
    stats = filled.stats()
    assert stats["events"] == 4
    assert stats["articles"] == 2
    assert stats["by_category"] == {"ASSAULT": 2, "COERCE": 1, "PROTEST": 1}
    assert stats["by_country"] == {"FR": 1, "UA": 3}
    assert stats["by_day"] == {"2019": 1, "2026-02-10": 1, "2026-03-02": 1, "2026-03-03": 1}
    only_fr = filled.stats(EventFilter(country="FR"))
    assert (only_fr["events"], only_fr["articles"]) == (1, 1)


def test_empty_store(store: Store) -> None:
    assert store.query_events() == []
    assert store.count_events() == 0
    assert store.stats()["events"] == 0
    assert store.errors() == []


def test_sqlite_files_are_memory_mapped_and_pooled(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'events.db'}") as store:
        assert store.execute_read(
            lambda conn: conn.exec_driver_sql("PRAGMA mmap_size").scalar()) > 0
        assert store._engine.pool.size() >= 10  # type: ignore[attr-defined]


def test_written_events_carry_their_article_summary(filled: Store) -> None:
    got = filled.execute_read(lambda conn: conn.execute(
        select(t.events.c.article_title, t.events.c.article_outlet,
               t.events.c.article_url, t.events.c.article_published,
               t.articles.c.title, t.articles.c.outlet, t.articles.c.url,
               t.articles.c.published)
        .select_from(t.events.join(t.articles, t.events.c.article_id == t.articles.c.id))
    ).all())
    assert len(got) == 4
    assert all(r[:4] == r[4:] for r in got)
    assert any(r[0] for r in got)  # the samples have titles: the check is not vacuous


# -- reads in autocommit on PostgreSQL; statements kept per shape ----------------------------


def test_reads_use_autocommit_on_postgresql_only(store: Store) -> None:
    level = store._reader.get_execution_options().get("isolation_level")
    if store.dialect == "postgresql":
        assert level == "AUTOCOMMIT"
        assert store._engine.get_execution_options().get("isolation_level") is None
        # execute_read runs outside a transaction there; execute_write inside one
        assert store.execute_read(lambda conn: conn.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE pid = pg_backend_pid() "
            "AND state = 'active' AND backend_xid IS NULL AND xact_start = query_start"
        ).scalar()) == 1
    else:
        assert store._reader is store._engine


def test_statement_cache_reuses_a_statement_with_new_values(filled: Store) -> None:
    from eventwire.store.queries import StatementCache

    cache = StatementCache(size=2)
    built: list[object] = []

    def build(where: object) -> object:
        stmt = select(t.events.c.id).where(where).order_by(t.events.c.id)  # type: ignore[arg-type]
        built.append(stmt)
        return stmt

    def ids_for(category: str) -> list[str]:
        stmt, values = cache.reuse("ids", t.events.c.category == category, build)
        return filled.execute_read(
            lambda conn: list(conn.scalars(stmt, values)))  # type: ignore[call-overload]

    assert ids_for("ASSAULT") == sorted(ids(filled, categories=("ASSAULT",)))
    assert ids_for("PROTEST") == sorted(ids(filled, categories=("PROTEST",)))
    assert ids_for("NOTHING") == []
    assert len(built) == 1 and len(cache) == 1  # one shape, built once
    cache.reuse("ids", t.events.c.country == "UA", build)  # another shape
    cache.reuse("ids", t.events.c.category.in_(["A", "B"]), build)  # a third: full, cleared
    assert len(built) == 3 and len(cache) == 1
