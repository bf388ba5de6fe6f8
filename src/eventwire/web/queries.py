"""The web app's reads: event lists with the store's filters plus the API's own (modes,
full-text search on PostgreSQL), entities grouped across articles, and per-event detail.

Everything is SQLAlchemy Core over the store's tables, one code path for SQLite and
PostgreSQL; only ``text_match`` branches on the dialect.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
)

from eventwire.model import record_from_dict, to_dict
from eventwire.store import EventFilter, EventRow, Store
from eventwire.store.queries import (
    event_row_from,
    event_select,
    filter_conditions,
    text_condition,
    where_all,
)
from eventwire.store.tables import articles, entities, events, records
from eventwire.store.web_tables import FTS_CONFIG, event_document, title_document

STREAM_BATCH = 500


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The store's ``EventFilter`` plus what only the API offers."""

    base: EventFilter = field(default_factory=EventFilter)
    modes: tuple[str, ...] = ()  # every listed PLOVER mode must be present
    text: str | None = None  # full-text query (PostgreSQL) / substring (SQLite)
    canonical_only: bool = False  # one event per cluster of reports (``eventwire cluster``)


def text_match(dialect: str, query: str) -> ColumnElement[bool]:
    """Full-text match on PostgreSQL (GIN indexes, English stemming, web-search syntax);
    the store's substring search elsewhere."""
    if dialect != "postgresql":
        return text_condition(dialect, query)
    tsq = func.websearch_to_tsquery(FTS_CONFIG, query)
    return or_(event_document().op("@@")(tsq), title_document().op("@@")(tsq))


def _mode_condition(mode: str) -> ColumnElement[bool]:
    # ``modes`` is space-separated: pad both sides so "arrest" does not match "arrests".
    padded = literal(" ") + events.c.modes + literal(" ")
    return padded.contains(f" {mode.strip()} ", autoescape=True)


def _canonical_condition() -> ColumnElement[bool]:
    """The event is alone, or the smallest event id of its cluster (resolve_members):
    one row per real-world incident. Events never clustered count as their own."""
    from eventwire.store.resolve_tables import resolve_members

    mine, other = resolve_members.alias("mine"), resolve_members.alias("other")
    smaller = (
        select(literal(1))
        .select_from(mine.join(other, and_(other.c.kind == mine.c.kind,
                                           other.c.canonical_id == mine.c.canonical_id)))
        .where(mine.c.kind == "event", mine.c.member_id == events.c.id,
               other.c.member_id < events.c.id)
    )
    return ~smaller.exists()


def cluster_event_ids(store: Store, event_id: str) -> tuple[str | None, list[str]]:
    """(canonical id, every event id of the cluster) for ``event_id``; (None, [id]) when
    it was never clustered."""
    from eventwire.store.resolve_tables import resolve_members as m

    with store.reader.connect() as conn:
        cid = conn.scalar(select(m.c.canonical_id).where(m.c.kind == "event",
                                                         m.c.member_id == event_id))
        if cid is None:
            return None, [event_id]
        ids = conn.scalars(select(m.c.member_id).where(m.c.kind == "event",
                                                       m.c.canonical_id == cid)
                           .order_by(m.c.member_id))
        return cid, list(ids)


def articles_of_events(store: Store, event_ids: list[str]) -> list[dict[str, Any]]:
    with store.reader.connect() as conn:
        return _articles_of_events(conn, event_ids)


def _articles_of_events(conn: Connection, event_ids: Any) -> list[dict[str, Any]]:
    """The articles of ``event_ids`` (a list, or a select of ids), with each event id."""
    stmt = (
        select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.url,
               articles.c.published, articles.c.language, events.c.id.label("event_id"))
        .select_from(events.join(articles, events.c.article_id == articles.c.id))
        .where(events.c.id.in_(event_ids))
        .order_by(articles.c.published.nulls_last(), articles.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def conditions(q: EventQuery, dialect: str) -> ColumnElement[bool]:
    base = dataclasses.replace(q.base, text=None)
    conds = filter_conditions(base, dialect)
    conds.extend(_mode_condition(m) for m in q.modes if m.strip())
    if q.text and q.text.strip():
        conds.append(text_match(dialect, q.text.strip()))
    if q.canonical_only:
        conds.append(_canonical_condition())
    return where_all(conds)


def list_events(store: Store, q: EventQuery, *, limit: int, offset: int) -> list[EventRow]:
    stmt = event_select().where(conditions(q, store.dialect)).limit(limit).offset(offset)
    with store.reader.connect() as conn:
        return [event_row_from(r._mapping) for r in conn.execute(stmt)]


_ITEM_COLUMNS = (
    events.c.id, events.c.article_id, events.c.category, events.c.modes, events.c.status,
    events.c.aggregate, events.c.date, events.c.end_date, events.c.time_precision,
    events.c.sort_date, events.c.place_name, events.c.place_precision, events.c.country,
    events.c.admin1, events.c.lat, events.c.lon, events.c.geonameid, events.c.dead,
    events.c.injured, events.c.arrested, events.c.condition, events.c.actor_names,
    events.c.recipient_names, events.c.trigger, events.c.confidence,
    # The article's summary as copied into the event row (migration 5): no join.
    events.c.article_title.label("title"), events.c.article_outlet.label("outlet"),
    events.c.article_url.label("url"), events.c.article_published.label("published"),
)


def _split(value: str | None, sep: str) -> list[str]:
    return [v for v in (value or "").split(sep) if v]


def list_items(store: Store, q: EventQuery, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """A page of events as flat JSON-ready dicts, from the flat columns only: no event
    JSON is decoded, which is most of the cost of a list page (the API's /events)."""
    stmt = (
        select(*_ITEM_COLUMNS)
        .select_from(_filtered_source(q))
        .where(conditions(q, store.dialect))
        .order_by(events.c.sort_date.desc().nulls_last(), events.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.reader.connect() as conn:
        return [_item(dict(r._mapping)) for r in conn.execute(stmt)]


def _needs_articles(q: EventQuery) -> bool:
    """Whether ``conditions(q)`` reads the articles table (only the text search does).
    Every event has its article (a NOT NULL foreign key), so without it the join
    changes no count and no order: the queries below then skip it."""
    return bool(q.text and q.text.strip())


def _filtered_source(q: EventQuery) -> Any:
    return (events.join(articles, events.c.article_id == articles.c.id)
            if _needs_articles(q) else events)


def count_events(store: Store, q: EventQuery) -> int:
    with store.reader.connect() as conn:
        return _count(conn, q, store.dialect)


def _count(conn: Connection, q: EventQuery, dialect: str) -> int:
    stmt = select(func.count()).select_from(_filtered_source(q)).where(conditions(q, dialect))
    return int(conn.scalar(stmt) or 0)


def page_items(store: Store, q: EventQuery, *, limit: int,
               offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of events as ``list_items`` gives it, and the total for paging, in one
    statement (the page and its total agree).

    The page is picked first from the filter indexes alone (they hold the sort date and
    the id: migration ``add_event_page_indexes``), with the total as a window count over
    every match; only the page's ``limit`` rows are then read (with their article's summary,
    copied into the event row: no join). A page past the end has no row to carry the total:
    it is counted apart."""
    source = _filtered_source(q)

    def build(where: ColumnElement[bool]) -> Select[Any]:
        page = (
            select(events.c.id, events.c.sort_date, func.count().over().label("total"))
            .select_from(source)
            .where(where)
            .order_by(events.c.sort_date.desc().nulls_last(), events.c.id)
            .limit(bindparam("page_limit", type_=Integer))
            .offset(bindparam("page_offset", type_=Integer))
            .subquery("page")
        )
        return (
            select(*_ITEM_COLUMNS, page.c.total)
            .select_from(page.join(events, events.c.id == page.c.id))
            .order_by(page.c.sort_date.desc().nulls_last(), page.c.id)
        )

    # Built once per filter shape (with or without the article join for the text search).
    name = "events page+articles" if source is not events else "events page"
    stmt, values = store.statements.reuse(name, conditions(q, store.dialect), build)
    with store.reader.connect() as conn:
        result = conn.execute(stmt, {**values, "page_limit": limit, "page_offset": offset})
        columns = result.keys()  # plain str keys: orjson takes no str subclass
        keys = [str(k) for k in columns]
        # One fetchall, not a fetch per row; dicts from the bare tuples.
        rows = [dict(zip(keys, r, strict=True)) for r in result.all()]
        if rows:
            total = int(rows[0]["total"])
        else:
            total = 0 if offset == 0 else _count(conn, q, store.dialect)
    for d in rows:
        del d["total"]
        _item(d)
    return rows, total


def _item(d: dict[str, Any]) -> dict[str, Any]:
    d["modes"] = _split(d["modes"], " ")
    d["actor_names"] = _split(d["actor_names"], "; ")
    d["recipient_names"] = _split(d["recipient_names"], "; ")
    d["aggregate"] = bool(d["aggregate"])
    return d


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """What ``GET /events/{id}`` shows, in one connection and without the article's text:
    the event (decoded and encoded again, so the answer always has the current shape),
    its article, its cluster's canonical id and every article reporting the incident."""
    from eventwire.store.resolve_tables import resolve_members as m

    def build(where: ColumnElement[bool]) -> Select[Any]:
        canonical = (
            select(m.c.canonical_id)
            .where(m.c.kind == "event", m.c.member_id == events.c.id)
            .scalar_subquery()
        )
        return (
            select(events.c.json, articles.c.id, articles.c.title, articles.c.outlet,
                   articles.c.url, articles.c.published, articles.c.language,
                   canonical.label("canonical_id"))
            .select_from(events.join(articles, events.c.article_id == articles.c.id))
            .where(where)
        )

    stmt, values = store.statements.reuse("event detail", events.c.id == event_id, build)
    with store.reader.connect() as conn:
        row = conn.execute(stmt, values).first()
        if row is None:
            return None
        article = {"id": row.id, "title": row.title, "outlet": row.outlet, "url": row.url,
                   "published": row.published, "language": row.language}
        if row.canonical_id is None:
            reports = [{**article, "event_id": event_id}]
        else:
            members = (select(m.c.member_id)
                       .where(m.c.kind == "event", m.c.canonical_id == row.canonical_id))
            reports = _articles_of_events(conn, members)
    # The one public decoder takes a record: the article part is only a placeholder.
    record = record_from_dict({"article": {"id": row.id, "text": ""}, "events": [row.json]})
    return {"event": to_dict(record.events[0]), "article": article,
            "canonical_id": row.canonical_id, "reports": reports}


def iter_events(store: Store, q: EventQuery) -> Iterator[EventRow]:
    """Every matching event, streamed (exports of any size)."""
    stmt = event_select().where(conditions(q, store.dialect))
    with store.engine.connect() as conn:  # a server-side cursor needs a transaction
        result = conn.execution_options(yield_per=STREAM_BATCH).execute(stmt)
        for r in result:
            yield event_row_from(r._mapping)


def stats(store: Store, q: EventQuery) -> dict[str, Any]:
    """Counts of matching events: total, articles, per category / day / country, and
    per day and category together (the timeline's stacked bars)."""
    joined = events.join(articles, events.c.article_id == articles.c.id)
    where = conditions(q, store.dialect)

    def grouped(*cols: Any) -> list[tuple[Any, ...]]:
        stmt = select(*cols, func.count()).select_from(joined).where(where)
        return list(conn.execute(stmt.group_by(*cols).order_by(*cols)))

    def keyed(rows: list[tuple[Any, ...]]) -> dict[str, int]:
        return {("" if k is None else str(k)): int(n) for k, n in rows}

    with store.reader.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(joined).where(where))
        n_articles = conn.scalar(
            select(func.count(func.distinct(events.c.article_id))).select_from(joined).where(where)
        )
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


def categories(store: Store) -> list[str]:
    """Every category in the store (for the filter form's list)."""
    stmt = select(events.c.category).distinct().order_by(events.c.category)
    with store.reader.connect() as conn:
        return list(conn.scalars(stmt))


# -- entities -----------------------------------------------------------------------------
# Until entity resolution links mentions across articles, an entity here is every
# article-level entity with the same type and name: its id is "TYPE:Name".


def entity_key(entity_type: str, name: str) -> str:
    return f"{entity_type}:{name}"


def split_entity_key(key: str) -> tuple[str, str] | None:
    kind, sep, name = key.partition(":")
    if not sep or not name or kind.upper() != kind:
        return None
    return kind, name


def list_entities(
    store: Store, *, text: str | None, entity_type: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    conds: list[ColumnElement[bool]] = []
    if text and text.strip():
        conds.append(entities.c.name.icontains(text.strip(), autoescape=True))
    if entity_type:
        conds.append(entities.c.type == entity_type.upper())
    where = and_(*conds) if conds else literal(True)
    n_articles = func.count(func.distinct(entities.c.article_id))
    stmt = (
        select(entities.c.type, entities.c.name, n_articles.label("articles"),
               func.max(entities.c.country).label("country"),
               func.max(entities.c.sector).label("sector"))
        .where(where)
        .group_by(entities.c.type, entities.c.name)
        .order_by(n_articles.desc(), entities.c.name, entities.c.type)
        .limit(limit)
        .offset(offset)
    )
    total_stmt = select(func.count()).select_from(
        select(entities.c.type, entities.c.name).where(where)
        .group_by(entities.c.type, entities.c.name).subquery()
    )
    with store.reader.connect() as conn:
        rows = [
            {
                "id": entity_key(r.type, r.name),
                "name": r.name,
                "type": r.type,
                "country": r.country,
                "sector": r.sector,
                "articles": int(r.articles),
            }
            for r in conn.execute(stmt)
        ]
        total = int(conn.scalar(total_stmt) or 0)
    return rows, total


MAX_ENTITY_ARTICLES = 200


def entity_detail(store: Store, key: str) -> dict[str, Any] | None:
    """Aliases, roles, relations and events of the entity ``TYPE:Name`` across articles."""
    parsed = split_entity_key(key)
    if parsed is None:
        return None
    kind, name = parsed
    stmt = (
        select(entities.c.article_id, entities.c.id, entities.c.json, records.c.json.label("rj"),
               articles.c.title)
        .select_from(
            entities.join(records, records.c.article_id == entities.c.article_id)
            .join(articles, articles.c.id == entities.c.article_id)
        )
        .where(entities.c.type == kind, entities.c.name == name)
        .order_by(articles.c.published.desc().nulls_last(), entities.c.article_id)
        .limit(MAX_ENTITY_ARTICLES)
    )
    with store.reader.connect() as conn:
        found = list(conn.execute(stmt))
    if not found:
        return None
    aliases: set[str] = set()
    roles: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    event_refs: list[dict[str, Any]] = []
    country = sector = None
    for row in found:
        ej, rj, local = row.json, row.rj or {}, row.id
        names = {e["id"]: (e["type"], e["name"]) for e in rj.get("entities") or ()}
        aliases.update(a for a in ej.get("aliases") or () if a != name)
        country = country or ej.get("country")
        sector = sector or ej.get("sector")
        for role in ej.get("roles") or ():
            of = names.get(role.get("of") or "")
            roles.append({
                "title": role["title"], "article_id": row.article_id,
                "of": None if of is None else {"id": entity_key(*of), "name": of[1]},
            })
        for rel in rj.get("relations") or ():
            if local not in (rel["subject"], rel["object"]):
                continue
            other_id = rel["object"] if rel["subject"] == local else rel["subject"]
            other = names.get(other_id)
            if other is None:
                continue
            relations.append({
                "predicate": rel["predicate"],
                "direction": "out" if rel["subject"] == local else "in",
                "other": {"id": entity_key(*other), "name": other[1], "type": other[0]},
                "evidence": rel["span"]["text"], "article_id": row.article_id,
            })
        for ev in rj.get("events") or ():
            for role_name in ("actors", "recipients"):
                if any(p.get("entity_id") == local for p in ev.get(role_name) or ()):
                    event_refs.append({
                        "id": ev["id"], "category": ev["category"], "role": role_name[:-1],
                        "trigger": ev["trigger"]["text"], "article_id": row.article_id,
                        "title": row.title,
                    })
    return {
        "id": key, "name": name, "type": kind, "country": country, "sector": sector,
        "aliases": sorted(aliases), "roles": roles, "relations": relations,
        "events": event_refs, "articles": sorted({r.article_id for r in found}),
    }


__all__ = [
    "EventQuery", "articles_of_events", "categories", "cluster_event_ids", "conditions",
    "count_events", "entity_detail", "entity_key", "event_detail", "iter_events",
    "list_entities", "list_events", "list_items", "page_items", "split_entity_key", "stats",
    "text_match",
]
