"""The store side of resolution: read records, keep judgements, write canonical tables.

Every read and write goes through the store's access layer (``Store.execute_read``,
``execute_write``, ``stream``), so database failures are ``StoreError``s; the resolve
tables are written here only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, delete, select

from eventwire.errors import EventwireError
from eventwire.model import Record, record_from_dict
from eventwire.store import Store
from eventwire.store.engine import dialect_insert
from eventwire.store.resolve_tables import (
    canonical_entities,
    canonical_events,
    resolve_judgements,
    resolve_members,
)
from eventwire.store.tables import articles, events, records

from .actors import Mention, build_actor, cluster_actors, mentions_of
from .canonical import CanonicalEvent, build_canonical
from .event_clusters import Clusters, cluster_events
from .judgements import Judgement, Verdict
from .reports import Report, reports_of

Kind = Literal["event", "entity"]
_BATCH = 1000


class ResolveError(EventwireError):
    """A canonical id or member that is not in the store, or a bad judgement."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def iter_records(store: Store) -> Iterator[Record]:
    """Every stored record with its article (text left out: clustering does not read it)."""
    stmt = (
        select(articles.c.id, articles.c.outlet, articles.c.published, articles.c.title,
               articles.c.url, records.c.json)
        .select_from(articles.join(records, records.c.article_id == articles.c.id))
        .order_by(articles.c.id)
    )
    for row in store.stream(stmt, what="read records", batch=_BATCH):
        data = dict(row.json)
        data["article"] = {"id": row.id, "text": "", "outlet": row.outlet,
                           "published": row.published, "title": row.title, "url": row.url}
        yield record_from_dict(data)


def load_judgements(conn: Connection, kind: Kind) -> list[Judgement]:
    rows = conn.execute(
        select(resolve_judgements).where(resolve_judgements.c.kind == kind)
    )
    return [
        Judgement(r.left_id, r.right_id, r.verdict, r.source, r.score, r.features or {})
        for r in rows
    ]


def _members(conn: Connection, kind: Kind) -> dict[str, str]:
    rows = conn.execute(
        select(resolve_members.c.member_id, resolve_members.c.canonical_id)
        .where(resolve_members.c.kind == kind)
    )
    return {r.member_id: r.canonical_id for r in rows}


def save_judgements(conn: Connection, kind: Kind, judgements: Iterable[Judgement]) -> int:
    """Upsert judgements (an automatic one never touches a user one: the key differs)."""
    rows = [
        {"kind": kind, "left_id": j.left, "right_id": j.right, "source": j.source,
         "verdict": j.verdict, "score": j.score, "features": dict(j.features),
         "created_at": _now()}
        for j in judgements
    ]
    for start in range(0, len(rows), _BATCH):
        stmt = dialect_insert(conn.dialect.name, resolve_judgements).values(
            rows[start:start + _BATCH]
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["kind", "left_id", "right_id", "source"],
            set_={k: stmt.excluded[k] for k in ("verdict", "score", "features")},
        )
        conn.execute(stmt)
    return len(rows)


def _replace_members(conn: Connection, kind: Kind, canonical_of: dict[str, str]) -> None:
    conn.execute(delete(resolve_members).where(resolve_members.c.kind == kind))
    rows = [{"kind": kind, "member_id": m, "canonical_id": c}
            for m, c in sorted(canonical_of.items())]
    for start in range(0, len(rows), _BATCH):
        conn.execute(resolve_members.insert(), rows[start:start + _BATCH])


def event_summary_row(ce: CanonicalEvent) -> dict[str, Any]:
    category = ce.value("category", "most_reported")
    statuses = {fv.value for fv in ce.fields.get("status", ())}
    place = ce.value("place", "most_reported")
    return {
        "id": ce.id,
        "category": category,
        "status": "asserted" if "asserted" in statuses else "historical",
        "date": ce.value("date", "most_reported"),
        "place_name": place,
        "country": None,
        "first_reported": ce.first_reported,
        "last_reported": ce.reports[-1].published if ce.reports else None,
        "report_count": ce.report_count,
        "outlet_count": ce.outlet_count,
        "dead": ce.value("dead"),
        "injured": ce.value("injured"),
        "json": {
            "condition": ce.value("condition"),
            "claimed_by": [fv.value for fv in ce.fields.get("claimed_by", ())],
            "conflicts": sorted(ce.conflicts),
        },
    }


@dataclass(frozen=True, slots=True)
class RunSummary:
    kind: Kind
    items: int
    new: int
    clusters: int
    compared: int
    judgements: int
    up_to_date: bool = False


def cluster_store(store: Store, *, rebuild: bool = False) -> list[RunSummary]:
    """Cluster the stored events and actors; incremental unless ``rebuild``.

    Incremental: only pairs touching an event not clustered before are scored; earlier
    judgements are reused. With nothing new (and no ``rebuild``) nothing is written.
    """
    reports: list[Report] = []
    mentions: list[Mention] = []
    countries: dict[str, str | None] = {}
    for record in iter_records(store):
        reports.extend(reports_of(record))
        mentions.extend(mentions_of(record))
        for ev in record.events:
            countries[ev.id] = ev.place.country if ev.place else None
    return store.execute_write(
        lambda conn: [_run_events(conn, reports, countries, rebuild),
                      _run_actors(conn, mentions, rebuild)],
        what="write clusters")


def _prepare(conn: Connection, kind: Kind, ids: set[str], rebuild: bool
             ) -> tuple[list[Judgement], set[str] | None, bool]:
    if rebuild:
        conn.execute(delete(resolve_judgements).where(
            (resolve_judgements.c.kind == kind) & (resolve_judgements.c.source == "auto")))
        return load_judgements(conn, kind), None, False
    known = set(_members(conn, kind))
    return load_judgements(conn, kind), known, bool(ids) and known == ids


def _run_events(conn: Connection, reports: list[Report], countries: dict[str, str | None],
                rebuild: bool) -> RunSummary:
    ids = {r.event.id for r in reports}
    judgements, known, up_to_date = _prepare(conn, "event", ids, rebuild)
    if up_to_date:
        return RunSummary("event", len(ids), 0, _count_canonical(conn, "event"), 0, 0, True)
    clusters = cluster_events(reports, judgements, known=known)
    save_judgements(conn, "event", clusters.judgements)
    _replace_members(conn, "event", _with_singletons(clusters, ids))
    members = _group(_with_singletons(clusters, ids))
    by_id = {r.event.id: r for r in reports}
    conn.execute(delete(canonical_events))
    rows = []
    for cid, eids in members.items():
        ce = build_canonical(cid, [by_id[e] for e in eids])
        row = event_summary_row(ce)
        found = sorted({c for e in eids if (c := countries.get(e))})
        row["country"] = found[0] if len(found) == 1 else None
        rows.append(row)
    for start in range(0, len(rows), _BATCH):
        conn.execute(canonical_events.insert(), rows[start:start + _BATCH])
    new = len(ids - known) if known is not None else len(ids)
    return RunSummary("event", len(ids), new, len(members), clusters.compared,
                      len(clusters.judgements))


def _with_singletons(clusters: Clusters, ids: set[str]) -> dict[str, str]:
    """Unclustered events (hypothetical, undated) are canonical events of their own."""
    from .judgements import canonical_id

    out = dict(clusters.canonical_of)
    for i in sorted(ids - out.keys()):
        out[i] = canonical_id([i], "ce-")
    return out


def _group(canonical_of: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m, c in sorted(canonical_of.items()):
        out.setdefault(c, []).append(m)
    return out


def _count_canonical(conn: Connection, kind: Kind) -> int:
    return len(set(_members(conn, kind).values()))


def _run_actors(conn: Connection, mentions: list[Mention], rebuild: bool) -> RunSummary:
    ids = {m.id for m in mentions}
    judgements, known, up_to_date = _prepare(conn, "entity", ids, rebuild)
    if up_to_date:
        return RunSummary("entity", len(ids), 0, _count_canonical(conn, "entity"), 0, 0, True)
    clusters = cluster_actors(mentions, judgements, known=known)
    save_judgements(conn, "entity", clusters.judgements)
    _replace_members(conn, "entity", clusters.canonical_of)
    by_id = {m.id: m for m in mentions}
    conn.execute(delete(canonical_entities))
    rows = []
    for cid, mids in _group(clusters.canonical_of).items():
        actor = build_actor(cid, [by_id[m] for m in mids])
        rows.append({
            "id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
            "sector": actor.sector, "mention_count": len(actor.mentions),
            "json": {"aliases": list(actor.aliases), "roles": list(actor.roles),
                     "mentions": list(actor.mentions)},
        })
    for start in range(0, len(rows), _BATCH):
        conn.execute(canonical_entities.insert(), rows[start:start + _BATCH])
    new = len(ids - known) if known is not None else len(ids)
    return RunSummary("entity", len(ids), new, len(rows), clusters.compared,
                      len(clusters.judgements))


# -- reading canonical things -----------------------------------------------------------


def members_of(store: Store, kind: Kind, canonical_id: str) -> list[str]:
    stmt = select(resolve_members.c.member_id).where(
        (resolve_members.c.kind == kind) & (resolve_members.c.canonical_id == canonical_id))
    return sorted(store.execute_read(lambda conn: list(conn.scalars(stmt)),
                                     what="read clusters"))


def canonical_of(store: Store, kind: Kind, member_id: str) -> str | None:
    stmt = select(resolve_members.c.canonical_id).where(
        (resolve_members.c.kind == kind) & (resolve_members.c.member_id == member_id))
    found: str | None = store.execute_read(lambda conn: conn.scalar(stmt), what="read clusters")
    return found


def load_reports(store: Store, event_ids: Iterable[str]) -> list[Report]:
    ids = sorted(set(event_ids))

    def read(conn: Connection) -> list[Any]:
        found: list[Any] = []
        for start in range(0, len(ids), 500):
            stmt = (
                select(events.c.json, articles.c.id, articles.c.outlet, articles.c.published,
                       articles.c.title)
                .select_from(events.join(articles, events.c.article_id == articles.c.id))
                .where(events.c.id.in_(ids[start:start + 500]))
            )
            found.extend(conn.execute(stmt))
        return found

    out: list[Report] = []
    for row in store.execute_read(read, what="read reports"):
        rec = record_from_dict({"article": {"id": row.id, "text": ""}, "events": [row.json]})
        out.append(Report(rec.events[0], row.id, row.outlet, row.published, row.title))
    return out


def show_canonical_event(store: Store, ident: str) -> CanonicalEvent:
    """A canonical event by its id, or by the id of one of its member events."""
    cid = ident if members_of(store, "event", ident) else canonical_of(store, "event", ident)
    if cid is None:
        raise ResolveError(f"no canonical event {ident!r} (run `eventwire cluster` first?)")
    return build_canonical(cid, load_reports(store, members_of(store, "event", cid)))


def list_canonical_events(
    store: Store, *, category: str | tuple[str, ...] | None = None,
    country: str | None = None, since: str | None = None, until: str | None = None,
    place: str | None = None, min_reports: int = 1, limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Summary rows of canonical events, latest incidents first."""
    t = canonical_events
    stmt = select(t).where(t.c.report_count >= min_reports)
    cats = (category,) if isinstance(category, str) else tuple(category or ())
    if cats:
        stmt = stmt.where(t.c.category.in_([c.upper() for c in cats]))
    if country:
        stmt = stmt.where(t.c.country == country.upper())
    if since:
        stmt = stmt.where(t.c.date >= since)
    if until:
        stmt = stmt.where(t.c.date <= until + "\uffff")
    if place:
        stmt = stmt.where(t.c.place_name.ilike(f"%{place}%"))
    stmt = stmt.order_by(t.c.date.desc(), t.c.report_count.desc(), t.c.id)
    stmt = stmt.limit(limit).offset(offset)
    return store.execute_read(lambda conn: [dict(r._mapping) for r in conn.execute(stmt)],
                              what="read canonical events")


def list_actors(store: Store, name: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    t = canonical_entities
    stmt = select(t)
    if name:
        stmt = stmt.where(t.c.name.ilike(f"%{name}%"))
    stmt = stmt.order_by(t.c.mention_count.desc(), t.c.name, t.c.id).limit(limit)
    return store.execute_read(lambda conn: [dict(r._mapping) for r in conn.execute(stmt)],
                              what="read actors")


def _member(store: Store, kind: Kind, ident: str) -> str:
    """A member id for ``ident``: itself when a member, else the canonical id's first."""
    members = members_of(store, kind, ident)
    if members:
        return members[0]
    if canonical_of(store, kind, ident) is not None:
        return ident
    raise ResolveError(f"unknown {kind} {ident!r}: give a canonical id or a member id")


def judge(store: Store, kind: Kind, a: str, b: str, verdict: Verdict) -> Judgement:
    """Record a user judgement between two things (canonical or member ids) and recluster.

    "different" applies to the two named members; for two canonical ids it is recorded
    between every member of one and every member of the other, so no later automatic
    link can join them again.
    """
    left_ids = members_of(store, kind, a) or [_member(store, kind, a)]
    right_ids = members_of(store, kind, b) or [_member(store, kind, b)]
    if verdict == "same":
        pairs = [(left_ids[0], right_ids[0])]
    else:
        pairs = [(x, y) for x in left_ids for y in right_ids if x != y]
    if not pairs:
        raise ResolveError(f"{a!r} and {b!r} are the same item")
    made = [Judgement.of(x, y, verdict, "user", 1.0, {"by": "user"}) for x, y in pairs]

    def save(conn: Connection) -> None:
        save_judgements(conn, kind, made)
        conn.execute(delete(resolve_members).where(resolve_members.c.kind == kind))

    store.execute_write(save, what="save a judgement")
    cluster_store(store)  # members were cleared for this kind: rederive it
    return made[0]


__all__ = [
    "Kind", "ResolveError", "RunSummary", "canonical_of", "cluster_store", "iter_records",
    "judge", "list_actors", "list_canonical_events", "load_judgements", "load_reports",
    "members_of", "save_judgements", "show_canonical_event",
]
