"""The store's reads of events, as functions of a connection (``Store`` runs them through
its access layer, ``Store.execute_read``): rows, pages, counts, stats, all filtered by one
``EventFilter`` (store/filters.py). The flat rows they return, and the statement cache of
the API's hot page.

Nothing here joins ``articles``: each event row carries its article's summary (migration
5) and its folded search text (migration 6).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Executable,
    Integer,
    Select,
    bindparam,
    func,
    select,
)

from eventwire.store.filters import EventFilter, where
from eventwire.store.tables import events


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event, flattened, with the article it came from."""

    id: str
    article_id: str
    category: str
    modes: tuple[str, ...]
    status: str
    aggregate: bool
    date: str | None  # the event's own date (Time.date)
    end_date: str | None
    time_precision: str | None
    sort_date: str | None  # date, else the article's published date
    place_name: str | None
    place_precision: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    dead: int | None
    injured: int | None
    arrested: int | None
    condition: str | None
    actor_names: tuple[str, ...]
    actor_sectors: tuple[str | None, ...]  # aligned with actor_names
    recipient_names: tuple[str, ...]
    recipient_sectors: tuple[str | None, ...]
    trigger: str
    evidence_text: str
    confidence: float
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None


def _participants(event_json: Mapping[str, Any], key: str) -> tuple[tuple[str, ...], tuple]:
    ps = event_json.get(key) or ()
    return (
        tuple(p.get("name") or p.get("text") or "" for p in ps),
        tuple(p.get("sector") for p in ps),
    )


def event_row_from(m: Mapping[Any, Any]) -> EventRow:
    """Build an EventRow from a result row of ``event_select()``."""
    ej = m["json"] or {}
    actor_names, actor_sectors = _participants(ej, "actors")
    recipient_names, recipient_sectors = _participants(ej, "recipients")
    return EventRow(
        id=m["id"],
        article_id=m["article_id"],
        category=m["category"],
        modes=tuple(ej.get("modes") or ()),
        status=m["status"],
        aggregate=bool(m["aggregate"]),
        date=m["date"],
        end_date=m["end_date"],
        time_precision=m["time_precision"],
        sort_date=m["sort_date"],
        place_name=m["place_name"],
        place_precision=m["place_precision"],
        country=m["country"],
        admin1=m["admin1"],
        lat=m["lat"],
        lon=m["lon"],
        geonameid=m["geonameid"],
        dead=m["dead"],
        injured=m["injured"],
        arrested=m["arrested"],
        condition=m["condition"],
        actor_names=actor_names,
        actor_sectors=actor_sectors,
        recipient_names=recipient_names,
        recipient_sectors=recipient_sectors,
        trigger=m["trigger"],
        evidence_text=m["evidence_text"],
        confidence=float(m["confidence"]),
        title=m["title"],
        outlet=m["outlet"],
        url=m["url"],
        published=m["published"],
    )


# The article's summary as copied into the event row (migration 5): no join.
_ARTICLE_SUMMARY = (
    events.c.article_title.label("title"), events.c.article_outlet.label("outlet"),
    events.c.article_url.label("url"), events.c.article_published.label("published"),
)
_NOT_IN_ROWS = {"modes", "actor_names", "recipient_names", "first_day", "last_day",
                "article_title", "article_outlet", "article_url", "article_published",
                "search_text", "search_place", "search_actors"}
_ROW_COLUMNS = (*(c for c in events.c if c.name not in _NOT_IN_ROWS), *_ARTICLE_SUMMARY)
_ORDER = (events.c.sort_date.desc().nulls_last(), events.c.id)


def event_select(condition: ColumnElement[bool]) -> Select[Any]:
    """Matching events with their article's summary, newest first (ties broken by id:
    stable pages)."""
    return select(*_ROW_COLUMNS).where(condition).order_by(*_ORDER)


def read_events(conn: Connection, f: EventFilter | None, *, limit: int,
                offset: int) -> list[EventRow]:
    stmt = event_select(where(f)).limit(limit).offset(offset)
    return [event_row_from(r._mapping) for r in conn.execute(stmt)]


def count_events(conn: Connection, f: EventFilter | None) -> int:
    return int(conn.scalar(select(func.count()).select_from(events).where(where(f))) or 0)


# A page of the API's /events: flat columns only (no event JSON to decode).
_ITEM_COLUMNS = (
    events.c.id, events.c.article_id, events.c.category, events.c.modes, events.c.status,
    events.c.aggregate, events.c.date, events.c.end_date, events.c.time_precision,
    events.c.sort_date, events.c.place_name, events.c.place_precision, events.c.country,
    events.c.admin1, events.c.lat, events.c.lon, events.c.geonameid, events.c.dead,
    events.c.injured, events.c.arrested, events.c.condition, events.c.actor_names,
    events.c.recipient_names, events.c.trigger, events.c.confidence, *_ARTICLE_SUMMARY,
)


def _page_statement(condition: ColumnElement[bool]) -> Select[Any]:
    page = (
        select(events.c.id, events.c.sort_date, func.count().over().label("total"))
        .where(condition)
        .order_by(*_ORDER)
        .limit(bindparam("page_limit", type_=Integer))
        .offset(bindparam("page_offset", type_=Integer))
        .subquery("page")
    )
    return (
        select(*_ITEM_COLUMNS, page.c.total)
        .select_from(page.join(events, events.c.id == page.c.id))
        .order_by(page.c.sort_date.desc().nulls_last(), page.c.id)
    )


def read_page(conn: Connection, cache: StatementCache, f: EventFilter | None, *, limit: int,
              offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of events as flat JSON-ready dicts, and the total for paging, in one
    statement (the page and its total agree).

    The page is picked first from the filter indexes alone (they hold the sort date and
    the id: migration 4), with the total as a window count over every match; only the
    page's ``limit`` rows are then read. A page past the end has no row to carry the total:
    it is counted apart. The statement is built once per filter shape (``cache``)."""
    stmt, values = cache.reuse("events page", where(f), _page_statement)
    result = conn.execute(stmt, {**values, "page_limit": limit, "page_offset": offset})
    columns = result.keys()
    keys = [str(k) for k in columns]  # plain str keys: orjson takes no str subclass
    # One fetchall, not a fetch per row; dicts from the bare tuples.
    rows = [dict(zip(keys, r, strict=True)) for r in result.all()]
    if rows:
        total = int(rows[0]["total"])
    else:
        total = 0 if offset == 0 else count_events(conn, f)
    for d in rows:
        del d["total"]
        d["modes"] = _split(d["modes"], " ")
        d["actor_names"] = _split(d["actor_names"], "; ")
        d["recipient_names"] = _split(d["recipient_names"], "; ")
        d["aggregate"] = bool(d["aggregate"])
    return rows, total


def _split(value: str | None, sep: str) -> list[str]:
    return [v for v in (value or "").split(sep) if v]


def read_stats(conn: Connection, f: EventFilter | None) -> dict[str, Any]:
    """Counts of matching events: total, articles, per category / day / country, and
    per day and category together (the timeline's stacked bars).

    "Day" is the event's sort date (its own date, else the article's published date), so
    month- or year-precision events appear under ``YYYY-MM`` / ``YYYY``."""
    condition = where(f)

    def grouped(*cols: Any) -> list[tuple[Any, ...]]:
        stmt = select(*cols, func.count()).where(condition)
        return [tuple(r) for r in conn.execute(stmt.group_by(*cols).order_by(*cols))]

    def keyed(rows: list[tuple[Any, ...]]) -> dict[str, int]:
        return {("" if k is None else str(k)): int(n) for k, n in rows}

    total = conn.scalar(select(func.count()).select_from(events).where(condition))
    n_articles = conn.scalar(select(func.count(func.distinct(events.c.article_id)))
                             .where(condition))
    by_day_category: dict[str, dict[str, int]] = {}
    for day, category, n in grouped(events.c.sort_date, events.c.category):
        by_day_category.setdefault(day or "", {})[category] = int(n)
    return {
        "events": int(total or 0),
        "articles": int(n_articles or 0),
        "by_category": keyed(grouped(events.c.category)),
        "by_day": keyed(grouped(events.c.sort_date)),
        "by_country": keyed(grouped(events.c.country)),
        "by_day_category": by_day_category,
    }


def read_categories(conn: Connection) -> list[str]:
    """Every category in the store (the filter form's list)."""
    stmt = select(events.c.category).distinct().order_by(events.c.category)
    return list(conn.scalars(stmt))


class StatementCache:
    """Statements built once per shape and executed again with new values.

    Building a SQLAlchemy statement and computing its cache key costs about as much Python
    as executing it (a filtered page of events: ~1 ms of each, docs/PERFORMANCE.md); a
    statement object kept here has both done once. ``reuse`` keys a statement on the
    *structure* of its filter (SQLAlchemy's own cache key, which leaves the values out) and
    maps the new filter's values onto the kept statement's parameters, in the order
    SQLAlchemy lists them, as its compiled cache does.

    Bounded (cleared when full); a race between two threads only builds a statement twice.
    """

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._items: dict[Hashable, tuple[Any, tuple[BindParameter[Any], ...]]] = {}

    def reuse(self, name: str, where: ColumnElement[bool],
              build: Callable[[ColumnElement[bool]], Executable]) -> tuple[Executable,
                                                                          dict[str, Any]]:
        """``build(where)``, or the statement built before for a ``where`` of the same
        structure, and the parameters that give it ``where``'s values."""
        key = where._generate_cache_key()
        if key is None:  # an element SQLAlchemy cannot cache: build every time
            return build(where), {}
        shape = (name, key.key)
        kept = self._items.get(shape)
        if kept is None:
            kept = (build(where), tuple(key.bindparams))
            if len(self._items) >= self._size:
                self._items.clear()
            self._items[shape] = kept
        stmt, binds = kept
        values = {old.key: new.effective_value
                  for old, new in zip(binds, key.bindparams, strict=True)}
        return stmt, values

    def __len__(self) -> int:
        return len(self._items)


__all__ = [
    "EventRow", "StatementCache", "count_events", "event_row_from", "event_select",
    "read_categories", "read_events", "read_page", "read_stats",
]
