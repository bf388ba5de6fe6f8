"""The web app's own reads, run through the store's access layer
(``Store.execute_read``): an event with every report of its incident (``/events/{id}``),
and entities grouped across articles. Filtered lists, pages, counts, stats and exports of
events are the store's (``Store.query_events``, ``page_events``, ``count_events``,
``stats``, ``iter_events``): the CLI reads them the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, literal, select

from eventwire.model import record_from_dict, to_dict
from eventwire.store import Store
from eventwire.store.resolve_tables import canonical_events, resolve_members
from eventwire.store.tables import articles, entities, events, records


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


def _article(row: Any) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "outlet": row.outlet, "url": row.url,
            "published": row.published, "language": row.language}


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """What ``GET /events/{id}`` shows, in one connection and without the article's text:
    the event (decoded and encoded again, so the answer always has the current shape),
    its article, its cluster's canonical id and every article reporting the incident."""
    m = resolve_members

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

    def read(conn: Connection) -> tuple[Any, list[dict[str, Any]]] | None:
        row = conn.execute(stmt, values).first()
        if row is None:
            return None
        if row.canonical_id is None:
            return row, [{**_article(row), "event_id": event_id}]
        members = (select(m.c.member_id)
                   .where(m.c.kind == "event", m.c.canonical_id == row.canonical_id))
        return row, _articles_of_events(conn, members)

    found = store.execute_read(read, what="read an event")
    if found is None:
        return None
    row, reports = found
    article = _article(row)
    # The one public decoder takes a record: the article part is only a placeholder.
    record = record_from_dict({"article": {"id": row.id, "text": ""}, "events": [row.json]})
    return {"event": to_dict(record.events[0]), "article": article,
            "canonical_id": row.canonical_id, "reports": reports}


# -- incidents ----------------------------------------------------------------------------
# The dashboard lists incidents: one row per canonical event (``EventFilter.canonical_only``:
# the first matching report of each cluster), with what the cluster says about them.

CONFLICT_FIELDS = ("category", "date", "place_name", "dead", "injured", "arrested")
_CONFLICT_NAMES = {"place_name": "place"}


def incident_info(store: Store, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """For each event id (a report standing for its incident): the canonical id, how many
    reports and outlets, and the fields the reports disagree on with their values, e.g.
    ``{"dead": ["4", "6"]}``. An event never clustered is one report from one outlet."""
    if not event_ids:
        return {}
    m, c = resolve_members, canonical_events
    first = (select(m.c.member_id, m.c.canonical_id, c.c.report_count, c.c.outlet_count,
                    c.c.json)
             .select_from(m.outerjoin(c, c.c.id == m.c.canonical_id))
             .where(m.c.kind == "event", m.c.member_id.in_(event_ids)))
    other = resolve_members.alias("other")

    def read(conn: Connection) -> tuple[list[Any], list[Any]]:
        clustered = list(conn.execute(first).all())
        cids = sorted({r.canonical_id for r in clustered})
        members = list(conn.execute(
            select(other.c.canonical_id, events.c.article_id, events.c.article_outlet,
                   *(events.c[f] for f in CONFLICT_FIELDS))
            .select_from(other.join(events, events.c.id == other.c.member_id))
            .where(other.c.kind == "event", other.c.canonical_id.in_(cids))
        ).all()) if cids else []
        return clustered, members

    clustered, members = store.execute_read(read, what="read incidents")
    by_cluster: dict[str, list[Any]] = {}
    for row in members:
        by_cluster.setdefault(row.canonical_id, []).append(row)
    out: dict[str, dict[str, Any]] = {
        e: {"canonical_id": None, "reports": 1, "outlets": 1, "conflicts": {}}
        for e in event_ids}
    for r in clustered:
        rows = by_cluster.get(r.canonical_id, [])
        conflicts: dict[str, list[str]] = {}
        for f in CONFLICT_FIELDS:
            values = sorted({str(getattr(x, f)) for x in rows if getattr(x, f) is not None},
                            key=lambda v: (len(v), v) if v.isdigit() else (0, v))
            if len(values) > 1:
                conflicts[_CONFLICT_NAMES.get(f, f)] = values
        for name in (r.json or {}).get("conflicts") or ():
            conflicts.setdefault(name, [])
        out[r.member_id] = {
            "canonical_id": r.canonical_id,
            "reports": int(r.report_count or len(rows) or 1),
            "outlets": int(r.outlet_count or len({x.article_outlet or x.article_id
                                                  for x in rows}) or 1),
            "conflicts": conflicts,
        }
    return out


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

    def read(conn: Connection) -> tuple[list[dict[str, Any]], int]:
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
        return rows, int(conn.scalar(total_stmt) or 0)

    return store.execute_read(read, what="read entities")


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
    found = store.execute_read(lambda conn: list(conn.execute(stmt)), what="read an entity")
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
    "CONFLICT_FIELDS", "MAX_ENTITY_ARTICLES", "entity_detail", "entity_key", "event_detail",
    "incident_info", "list_entities",
    "split_entity_key",
]
