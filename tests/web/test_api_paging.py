"""The cheap paths of the hot routes give what the plain ones gave: a page of /events and
its total in one statement, /events/{id} in one connection (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from web_helpers import make_client

from eventwire.model import (
    Event,
    Outcome,
    Participant,
    Place,
    Record,
    Span,
    Time,
    make_article,
    stable_id,
    to_dict,
)
from eventwire.store import EventFilter, Store
from eventwire.web import queries
from eventwire.web.queries import EventQuery

PLACES = [("Harbourtown", "KE"), ("Rivermouth", "NG"), ("Hillside", "PE")]
KINDS = [("ASSAULT", "shot"), ("PROTEST", "marched"), ("COERCE", "detained")]


def grid_record(i: int) -> Record:
    """Record ``i`` of a small made-up grid: places, kinds and days cycle at different
    rates, so every filter below matches a few events and several share a day."""
    place, cc = PLACES[i % 3]
    category, verb = KINDS[(i // 3) % 3]
    day = f"2025-0{1 + i % 4}-{10 + i % 7:02d}"
    text_ = f"In {place}, villagers {verb} on {day}, a resident said."
    at = text_.index(verb)
    event = Event(
        id=stable_id("grid", i), category=category, trigger=Span(verb, at, at + len(verb)),
        actors=(Participant("villagers", text_.index("villagers"),
                            text_.index("villagers") + 9),),
        place=Place(place, 3, 3 + len(place), name=place, country=cc, precision="city"),
        time=Time(day, text_.index(day), text_.index(day) + 10, date=day, precision="day"),
        outcome=Outcome(dead=i % 4 or None),
        evidence=(Span(text_, 0, len(text_)),), confidence=0.5,
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


QUERIES = [
    EventQuery(),
    EventQuery(base=EventFilter(categories=("ASSAULT",))),
    EventQuery(base=EventFilter(categories=("ASSAULT", "PROTEST"), country="KE")),
    EventQuery(base=EventFilter(country="NG", date_from="2025-02", date_to="2025-03-12")),
    EventQuery(base=EventFilter(categories=("COERCE",), date_from="2025-03-01")),
    EventQuery(text="Rivermouth"),
    EventQuery(base=EventFilter(country="ZZ")),
]


@pytest.mark.parametrize("q", QUERIES)
def test_page_and_total_are_those_of_list_and_count(grid_store: Store, q: EventQuery) -> None:
    total = queries.count_events(grid_store, q)
    for limit, offset in [(50, 0), (5, 0), (5, 5), (3, total - 1), (4, total), (5, total + 7)]:
        if offset < 0:
            continue
        items, got_total = queries.page_items(grid_store, q, limit=limit, offset=offset)
        assert got_total == total
        assert items == queries.list_items(grid_store, q, limit=limit, offset=offset)
    everything, _ = queries.page_items(grid_store, q, limit=500, offset=0)
    assert len(everything) == total


def test_pages_walk_every_event_once_in_order(grid_store: Store) -> None:
    q = EventQuery(base=EventFilter(categories=("ASSAULT", "PROTEST")))
    seen: list[dict[str, Any]] = []
    offset = 0
    while True:
        items, total = queries.page_items(grid_store, q, limit=6, offset=offset)
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
    q = EventQuery(base=EventFilter(categories=("ASSAULT",), country="KE",
                                    date_from="2025-02-01", date_to="2025-03-01"))
    where = queries.conditions(q, grid_store.dialect)
    from sqlalchemy import select

    from eventwire.store.tables import events

    stmt = select(events.c.id).where(where).order_by(events.c.sort_date.desc(), events.c.id)
    sql = str(stmt.compile(dialect=grid_store.engine.dialect,
                           compile_kwargs={"literal_binds": True}))
    with grid_store.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "COVERING INDEX ix_events_page_country" in plan
