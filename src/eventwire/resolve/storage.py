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

from sqlalchemy import Connection, delete, select, update

from eventwire.errors import ConfigError, EventwireError
from eventwire.model import Record, record_from_dict
from eventwire.store import Store
from eventwire.store.engine import dialect_insert
from eventwire.store.resolve_tables import (
    canonical_entities,
    canonical_events,
    canonical_ids,
    resolve_judgements,
    resolve_members,
)
from eventwire.store.rows import last_day, partial_date
from eventwire.store.search import fold, substring_condition
from eventwire.store.tables import articles, events, records

from .actors import ACTOR_PREFIX, Mention, build_actor, cluster_actors, mentions_of
from .canonical import CanonicalEvent, build_canonical
from .event_clusters import EVENT_PREFIX, Clusters, cluster_events
from .ids import name_clusters
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


def _ages(conn: Connection, kind: Kind) -> dict[str, int]:
    """Every id of ``kind`` ever issued -> its issue number (smaller is older)."""
    rows = conn.execute(select(canonical_ids.c.id, canonical_ids.c.seq)
                        .where(canonical_ids.c.kind == kind))
    return {r.id: r.seq for r in rows}


def _lifelong_ids(conn: Connection, kind: Kind, derived: dict[str, str],
                  prefix: str) -> dict[str, str]:
    """Name the clusters of ``derived`` (member -> any id of its cluster) with the ids
    they had (resolve/ids.py), record new ids and merges, and store the membership."""
    ages = _ages(conn, kind)
    naming = name_clusters(_group(derived).values(), _members(conn, kind), ages, prefix)
    now = _now()
    seq = max(ages.values(), default=0)
    rows = [{"kind": kind, "id": cid, "seq": seq + n, "issued_at": now}
            for n, cid in enumerate(naming.issued, start=1)]
    for start in range(0, len(rows), _BATCH):
        conn.execute(canonical_ids.insert(), rows[start:start + _BATCH])
    for old, keep in sorted(naming.merged.items()):
        of_kind = canonical_ids.c.kind == kind
        # Earlier redirects to ``old`` now point at ``keep`` too: one hop for every link.
        conn.execute(update(canonical_ids).where(of_kind, canonical_ids.c.merged_into == old)
                     .values(merged_into=keep))
        conn.execute(update(canonical_ids).where(of_kind, canonical_ids.c.id == old)
                     .values(merged_into=keep, merged_at=now))
    _replace_members(conn, kind, naming.canonical_of)
    return naming.canonical_of


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


def cluster_store(store: Store, *, rebuild: bool = False,
                  force: bool = False) -> list[RunSummary]:
    """Cluster the stored events and actors; incremental unless ``rebuild``.

    Incremental: only pairs touching an event not clustered before are scored; earlier
    judgements are reused. With nothing new (and no ``rebuild`` or ``force``: a new user
    judgement) nothing is written. Clusters keep their ids for life (resolve/ids.py).
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
        lambda conn: [_run_events(conn, reports, countries, rebuild, force),
                      _run_actors(conn, mentions, rebuild, force)],
        what="write clusters")


def _prepare(conn: Connection, kind: Kind, ids: set[str], rebuild: bool, force: bool
             ) -> tuple[list[Judgement], set[str] | None, bool]:
    if rebuild:
        conn.execute(delete(resolve_judgements).where(
            (resolve_judgements.c.kind == kind) & (resolve_judgements.c.source == "auto")))
        return load_judgements(conn, kind), None, False
    known = set(_members(conn, kind))
    return load_judgements(conn, kind), known, not force and bool(ids) and known == ids


def _run_events(conn: Connection, reports: list[Report], countries: dict[str, str | None],
                rebuild: bool, force: bool) -> RunSummary:
    ids = {r.event.id for r in reports}
    judgements, known, up_to_date = _prepare(conn, "event", ids, rebuild, force)
    if up_to_date:
        return RunSummary("event", len(ids), 0, _count_canonical(conn, "event"), 0, 0, True)
    clusters = cluster_events(reports, judgements, known=known)
    save_judgements(conn, "event", clusters.judgements)
    named = _lifelong_ids(conn, "event", _with_singletons(clusters, ids), EVENT_PREFIX)
    members = _group(named)
    by_id = {r.event.id: r for r in reports}
    conn.execute(delete(canonical_events))
    rows = []
    for cid, eids in members.items():
        ce = build_canonical(cid, [by_id[e] for e in eids])
        row = event_summary_row(ce)
        found = sorted({c for e in eids if (c := countries.get(e))})
        row["country"] = found[0] if len(found) == 1 else None
        row["search_place"] = fold(row["place_name"])
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
        out[i] = canonical_id([i], EVENT_PREFIX)  # provisional: _lifelong_ids names it
    return out


def _group(canonical_of: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m, c in sorted(canonical_of.items()):
        out.setdefault(c, []).append(m)
    return out


def _count_canonical(conn: Connection, kind: Kind) -> int:
    return len(set(_members(conn, kind).values()))


def _run_actors(conn: Connection, mentions: list[Mention], rebuild: bool,
                force: bool) -> RunSummary:
    ids = {m.id for m in mentions}
    judgements, known, up_to_date = _prepare(conn, "entity", ids, rebuild, force)
    if up_to_date:
        return RunSummary("entity", len(ids), 0, _count_canonical(conn, "entity"), 0, 0, True)
    clusters = cluster_actors(mentions, judgements, known=known)
    save_judgements(conn, "entity", clusters.judgements)
    named = _lifelong_ids(conn, "entity", clusters.canonical_of, ACTOR_PREFIX)
    by_id = {m.id: m for m in mentions}
    conn.execute(delete(canonical_entities))
    rows = []
    for cid, mids in _group(named).items():
        actor = build_actor(cid, [by_id[m] for m in mids])
        rows.append({
            "id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
            "sector": actor.sector, "mention_count": len(actor.mentions),
            "json": {"aliases": list(actor.aliases), "roles": list(actor.roles),
                     "mentions": list(actor.mentions)},
            "search_name": fold(actor.name),
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


def merged_into(store: Store, kind: Kind, ident: str) -> str | None:
    """The live id a merged canonical id now redirects to, else None."""
    stmt = select(canonical_ids.c.merged_into).where(canonical_ids.c.kind == kind,
                                                     canonical_ids.c.id == ident)
    found: str | None = store.execute_read(lambda conn: conn.scalar(stmt),
                                           what="read canonical ids")
    return found


def find_canonical(store: Store, kind: Kind, ident: str) -> tuple[str, str]:
    """(the live canonical id, how ``ident`` named it): ``"id"`` (itself), ``"member"``
    (an event id or ``<article>:<entity>`` id of the cluster) or ``"merged"`` (an id whose
    cluster was merged into the live one: its redirect). ResolveError when none."""
    if members_of(store, kind, ident):
        return ident, "id"
    if (cid := canonical_of(store, kind, ident)) is not None:
        return cid, "member"
    if (target := merged_into(store, kind, ident)) is not None and members_of(
            store, kind, target):
        return target, "merged"
    what = "canonical event" if kind == "event" else "actor"
    raise ResolveError(f"no {what} {ident!r} (run `eventwire cluster` first?)")


def show_canonical_event(store: Store, ident: str) -> CanonicalEvent:
    """A canonical event by its id (a merged id leads to the cluster it joined), or by
    the id of one of its member events."""
    cid, _how = find_canonical(store, "event", ident)
    return build_canonical(cid, load_reports(store, members_of(store, "event", cid)))


def list_canonical_events(
    store: Store, *, category: str | tuple[str, ...] | None = None,
    country: str | None = None, since: str | None = None, until: str | None = None,
    place: str | None = None, min_reports: int = 1, limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Summary rows of canonical events, latest incidents first. ``place`` matches as
    the events' ``--place`` does (store/search.py); dates are ``YYYY[-MM[-DD]]``."""
    t = canonical_events
    stmt = select(*(c for c in t.c if c.name != "search_place"))
    stmt = stmt.where(t.c.report_count >= min_reports)
    cats = (category,) if isinstance(category, str) else tuple(category or ())
    if cats := tuple(c.strip().upper() for c in cats if c.strip()):
        stmt = stmt.where(t.c.category.in_(cats))
    if country and country.strip():
        stmt = stmt.where(t.c.country == country.strip().upper())
    for name, value in (("since", since), ("until", until)):
        if value is not None and partial_date(value) != value.strip():
            raise ConfigError(f"{name} must be an ISO date (YYYY[-MM[-DD]]), got {value!r}")
    if since:
        stmt = stmt.where(t.c.date >= since.strip())
    if until:
        stmt = stmt.where(t.c.date <= last_day(until))
    if place and place.strip():
        stmt = stmt.where(substring_condition(t.c.search_place, place))
    stmt = stmt.order_by(t.c.date.desc(), t.c.report_count.desc(), t.c.id)
    stmt = stmt.limit(limit).offset(offset)
    return store.execute_read(lambda conn: [dict(r._mapping) for r in conn.execute(stmt)],
                              what="read canonical events")


def list_actors(store: Store, name: str | None = None, limit: int = 50, *,
                ident: str | None = None) -> list[dict[str, Any]]:
    """Canonical actors, most mentioned first: those whose name contains ``name`` (as
    ``--actor`` matches, store/search.py), or the one with id ``ident``."""
    t = canonical_entities
    stmt = select(*(c for c in t.c if c.name != "search_name"))
    if name and name.strip():
        stmt = stmt.where(substring_condition(t.c.search_name, name))
    if ident is not None:
        stmt = stmt.where(t.c.id == ident)
    stmt = stmt.order_by(t.c.mention_count.desc(), t.c.name, t.c.id).limit(limit)
    return store.execute_read(lambda conn: [dict(r._mapping) for r in conn.execute(stmt)],
                              what="read actors")


def _members_named(store: Store, kind: Kind, ident: str) -> list[str]:
    """The members ``ident`` names: itself when a member id, else every member of the
    (live) canonical id."""
    try:
        cid, how = find_canonical(store, kind, ident)
    except ResolveError:
        raise ResolveError(f"unknown {kind} {ident!r}: give a canonical id or a member id"
                           ) from None
    return [ident] if how == "member" else members_of(store, kind, cid)


def judge(store: Store, kind: Kind, a: str, b: str, verdict: Verdict) -> Judgement:
    """Record a user judgement between two things (canonical or member ids) and recluster.

    "different" applies to the two named members; for two canonical ids it is recorded
    between every member of one and every member of the other, so no later automatic
    link can join them again.
    """
    left_ids = _members_named(store, kind, a)
    right_ids = _members_named(store, kind, b)
    if verdict == "same":
        pairs = [(left_ids[0], right_ids[0])]
    else:
        pairs = [(x, y) for x in left_ids for y in right_ids if x != y]
    if not pairs:
        raise ResolveError(f"{a!r} and {b!r} are the same item")
    made = [Judgement.of(x, y, verdict, "user", 1.0, {"by": "user"}) for x, y in pairs]
    store.execute_write(lambda conn: save_judgements(conn, kind, made),
                        what="save a judgement")
    cluster_store(store, force=True)  # rederive the clusters; their ids are kept
    return made[0]


__all__ = [
    "Kind", "ResolveError", "RunSummary", "canonical_of", "cluster_store", "find_canonical",
    "iter_records", "judge", "list_actors", "list_canonical_events", "load_judgements",
    "load_reports", "members_of", "merged_into", "save_judgements", "show_canonical_event",
]
