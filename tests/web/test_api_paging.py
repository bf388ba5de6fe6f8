"""The cheap paths of the hot routes give what the plain ones gave: a page of /events and
its total in one statement, /events/{id} in one connection (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from web_helpers import make_client

from eventwire.model import Event, Outcome, Record, make_article, stable_id, to_dict
from eventwire.store import EventFilter, EventRow, Store
from record_builders import participant, sentence, span
from record_builders import place as place_at
from record_builders import time as time_at

PLACES = [("Harbourtown", "KE"), ("Rivermouth", "NG"), ("Hillside", "PE")]
KINDS = [("ASSAULT", "shot"), ("PROTEST", "marched"), ("COERCE", "detained")]


def grid_record(i: int) -> Record:
    """Record ``i`` of a small made-up grid: places, kinds and days cycle at different
    rates, so every filter below matches a few events and several share a day."""
    place, cc = PLACES[i % 3]
    category, verb = KINDS[(i // 3) % 3]
    day = f"2025-0{1 + i % 4}-{10 + i % 7:02d}"
    text_ = f"In {place}, villagers {verb} on {day}, a resident said."
    event = Event(
        id=stable_id("grid", i), category=category, trigger=span(text_, verb),
        actors=(participant(text_, "villagers"),),
        place=place_at(text_, place, name=place, country=cc, precision="city"),
        time=time_at(text_, day, date=day, precision="day"),
        outcome=Outcome(dead=i % 4 or None),
        evidence=(sentence(text_, "In "),), confidence=0.5,
    )
    article = make_article(text_, url=f"https://grid.example/{i}", title=f"Grid report {i}",
                           published=day)
    return Record(article=article, events=(event,))


@pytest.fixture
def grid_url(db_url: str) -> str:
    with Store(db_url) as store:
        for i in range(40):
            store.write(grid_record(i))
    return db_url


@pytest.fixture
def grid_store(grid_url: str) -> Iterator[Store]:
    with Store(grid_url) as store:
        yield store


def items_of(rows: list[EventRow]) -> list[dict[str, Any]]:
    """The API's page items as the store's plain rows give them (the reference)."""
    names = ("id", "article_id", "category", "status", "date", "end_date",
             "time_precision", "sort_date", "place_name", "place_precision", "country",
             "admin1", "lat", "lon", "geonameid", "dead", "injured", "arrested", "condition",
             "trigger", "confidence", "title", "outlet", "url", "published")
    return [{**{n: getattr(r, n) for n in names}, "modes": list(r.modes),
             "aggregate": r.aggregate, "actor_names": list(r.actor_names),
             "recipient_names": list(r.recipient_names)} for r in rows]


QUERIES = [
    EventFilter(),
    EventFilter(categories=("ASSAULT",)),
    EventFilter(categories=("ASSAULT", "PROTEST"), country="KE"),
    EventFilter(country="NG", date_from="2025-02", date_to="2025-03-12"),
    EventFilter(categories=("COERCE",), date_from="2025-03-01"),
    EventFilter(text="Rivermouth"),
    EventFilter(country="ZZ"),
]


@pytest.mark.parametrize("q", QUERIES)
def test_page_and_total_are_those_of_list_and_count(grid_store: Store, q: EventFilter) -> None:
    total = grid_store.count_events(q)
    for limit, offset in [(50, 0), (5, 0), (5, 5), (3, total - 1), (4, total), (5, total + 7)]:
        if offset < 0:
            continue
        items, got_total = grid_store.page_events(q, limit=limit, offset=offset)
        assert got_total == total
        assert items == items_of(grid_store.query_events(q, limit=limit, offset=offset))
    everything, _ = grid_store.page_events(q, limit=500, offset=0)
    assert len(everything) == total


def test_pages_walk_every_event_once_in_order(grid_store: Store) -> None:
    q = EventFilter(categories=("ASSAULT", "PROTEST"))
    seen: list[dict[str, Any]] = []
    offset = 0
    while True:
        items, total = grid_store.page_events(q, limit=6, offset=offset)
        if not items:
            break
        seen.extend(items)
        offset += 6
    assert total == len(seen) == len({i["id"] for i in seen})
    keys = [(i["sort_date"], i["id"]) for i in seen]
    # Newest first, ties by id ascending.
    assert keys == sorted(keys, key=lambda k: (k[0], [-ord(c) for c in k[1]]), reverse=True)


def test_api_page_has_total_and_next_link(grid_url: str) -> None:
    with make_client(grid_url) as c:
        body = c.get("/events?category=ASSAULT&limit=4").json()
        assert body["total"] > 4 and len(body["items"]) == 4
        assert "offset=4" in body["next"]
        last = c.get(f"/events?category=ASSAULT&limit=4&offset={body['total'] - 1}").json()
        assert len(last["items"]) == 1 and "next" not in last
        past = c.get(f"/events?category=ASSAULT&limit=4&offset={body['total'] + 3}").json()
        assert past["items"] == [] and past["total"] == body["total"]


def test_event_detail_is_the_decoded_event_and_its_article(grid_url: str) -> None:
    with Store(grid_url) as store, make_client(grid_url) as c:
        for i in (0, 7, 23):
            event_id = stable_id("grid", i)
            got = store.get_event(event_id)
            assert got is not None
            event, article = got
            body = c.get(f"/events/{event_id}").json()
            assert body["event"] == to_dict(event)
            assert body["evidence"] == [to_dict(s) for s in event.evidence]
            assert body["attributions"] == [to_dict(a) for a in event.attributions]
            assert body["canonical_id"] is None
            assert body["reports"] == [{
                "id": article.id, "title": article.title, "outlet": article.outlet,
                "url": article.url, "published": article.published,
                "language": article.language, "event_id": event_id,
            }]
            assert body["links"] == {"article": f"/articles/{article.id}",
                                     "page": f"/ui/events/{event_id}"}


def test_filtered_page_reads_only_the_covering_index_on_sqlite(grid_store: Store) -> None:
    if grid_store.dialect != "sqlite":
        pytest.skip("SQLite's query plan")
    from sqlalchemy import select

    from eventwire.store.filters import where
    from eventwire.store.tables import events

    q = EventFilter(categories=("ASSAULT",), country="KE", date_from="2025-02-01",
                    date_to="2025-03-01")
    stmt = select(events.c.id).where(where(q)).order_by(events.c.sort_date.desc(), events.c.id)
    plan = grid_store.execute_read(lambda conn: " ".join(str(r[-1]) for r in conn.execute(
        text("EXPLAIN QUERY PLAN " + str(stmt.compile(
            conn, compile_kwargs={"literal_binds": True}))))))
    assert "COVERING INDEX ix_events_page_country" in plan


def test_page_shows_each_events_article_without_the_join(grid_store: Store) -> None:
    """The page and the rows read the article's summary from the event row (migration 5):
    it is the article's own, as the stored article gives it."""
    q = EventFilter(categories=("ASSAULT", "PROTEST"))
    items, total = grid_store.page_events(q, limit=500, offset=0)
    rows = {r.id: r for r in grid_store.query_events(q, limit=500)}
    assert total == len(items) == len(rows) > 5
    for item in items:
        row = rows[item["id"]]
        got = grid_store.get_event(item["id"])
        assert got is not None
        a = got[1]
        assert (item["title"], item["outlet"], item["url"], item["published"]) == (
            a.title, a.outlet, a.url, a.published) == (row.title, row.outlet, row.url,
                                                       row.published)
        assert item["title"].startswith("Grid report ")


def test_one_statement_per_filter_shape(grid_store: Store) -> None:
    """Pages of the same filter shape reuse one statement with each filter's own values."""
    before = len(grid_store.statements)
    for cc in ("KE", "NG", "PE", "ZZ"):
        for day in ("2025-01-01", "2025-03-01"):
            q = EventFilter(categories=("ASSAULT",), country=cc,
                                            date_from=day)
            items, total = grid_store.page_events(q, limit=3, offset=1)
            assert total == grid_store.count_events(q)
            assert items == items_of(grid_store.query_events(q, limit=3, offset=1))
            assert all(i["country"] == cc and i["category"] == "ASSAULT" for i in items)
    assert len(grid_store.statements) == before + 1
    grid_store.page_events(EventFilter(country="KE"), limit=3,
                       offset=0)
    assert len(grid_store.statements) == before + 2


def test_postgresql_prepares_the_page_statement(grid_store: Store) -> None:
    """Reads run in autocommit on PostgreSQL, so no ROLLBACK makes psycopg forget its
    prepared statements: after a few pages the page query is prepared server-side."""
    if grid_store.dialect != "postgresql":
        pytest.skip("PostgreSQL's prepared statements")
    for i in range(12):  # one after another: the pool hands out the same connection
        q = EventFilter(categories=(KINDS[i % 3][0],), country="NG")
        grid_store.page_events(q, limit=5, offset=0)
    prepared = grid_store.execute_read(lambda conn: list(conn.execute(text(
        "SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%page.total%'"))))
    assert len(prepared) == 1


def test_kept_statements_take_every_kind_of_value(grid_store: Store) -> None:
    """IN lists of other lengths, substring and text searches, modes: the same shapes with
    new values answer as a statement built for them does."""
    shapes = [
        lambda a, b: EventFilter(categories=(a, b)),
        lambda a, b: EventFilter(categories=(a, b, "COERCE"), place=b[:3]),
        lambda a, b: EventFilter(actor="villag", country="KE", text=a[:4]),
        lambda a, b: EventFilter(categories=(a,), modes=(b.lower(),)),
    ]
    for shape in shapes:
        for a, b in (("ASSAULT", "PROTEST"), ("PROTEST", "Hillside"), ("COERCE", "River")):
            q = shape(a, b)
            items, total = grid_store.page_events(q, limit=4, offset=0)
            assert items == items_of(grid_store.query_events(q, limit=4, offset=0))
            assert total == grid_store.count_events(q)
