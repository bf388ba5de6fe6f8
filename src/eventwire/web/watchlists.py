"""Watchlists: saved filters (actors, places, categories, countries, free text) kept in the
store (migration 8), each with an Atom feed of the new incidents that match it and an
optional webhook.

``run_watchlists`` is one *cycle*: for every watchlist, the incidents with a report that
matches it, from an article ingested since the watchlist was created, and not found
before, are recorded (``watchlist_hits``); the caller then delivers them (``eventwire
watch`` POSTs them to the webhook: batch/watch.py). The feed lists the recorded ones,
newest first. So a watchlist's feed shows a new incident after the first ``watch`` cycle
that follows its ingestion.

Matching: each list (actors, places, categories, countries) matches when *any* of its
values does; the lists and the free text must *all* match; only reports stated as
happening (status ``asserted``) count. Actor and place values are substrings and the text
is words or "phrases", as the event filters read them (store/search.py). An incident is
its canonical id (``eventwire cluster``) or, for a report never clustered, the report's
event id; an incident found once is not found again when it gains reports or a canonical
id later.

No FastAPI here: the CLI imports it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import ColumnElement, Connection, and_, delete, func, or_, select, true, update

from eventwire.errors import ConfigError
from eventwire.store import Store
from eventwire.store.filters import EventFilter, where
from eventwire.store.resolve_tables import resolve_members
from eventwire.store.search import search_terms, substring_condition, text_condition
from eventwire.store.tables import articles, events
from eventwire.store.web_tables import watchlist_hits, watchlists

MAX_VALUES = 20  # per list
MAX_VALUE_LENGTH = 200
MAX_PER_RUN = 500  # incidents recorded per watchlist and cycle (the rest: next cycle)
FEED_ENTRIES = 50
_CODE = re.compile(r"^[A-Z]{2}$")
_CATEGORY = re.compile(r"^[A-Z_]{2,32}$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Watchlist:
    id: str
    name: str
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    text: str | None = None
    webhook_url: str | None = None
    created_at: str = ""
    last_run_at: str | None = None
    last_error: str | None = None

    @property
    def filters(self) -> dict[str, Any]:
        return {"actors": list(self.actors), "places": list(self.places),
                "categories": list(self.categories), "countries": list(self.countries),
                "text": self.text}

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, **self.filters,
                "webhook_url": self.webhook_url, "created_at": self.created_at,
                "last_run_at": self.last_run_at, "last_error": self.last_error,
                "links": {"feed": f"/watchlists/{self.id}/feed.atom",
                          "events": events_link(self)}}


def _values(values: Any, name: str, case: Callable[[str], str] = str) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = values.split(",") if name in ("categories", "countries") else [values]
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{name} must be a list of strings")
    out: list[str] = []
    for v in values:
        if "\x00" in v:
            raise ConfigError(f"{name} contains a NUL character")
        v = case(" ".join(v.split()))
        if len(v) > MAX_VALUE_LENGTH:
            raise ConfigError(f"a value of {name} is over {MAX_VALUE_LENGTH} characters")
        if v and v not in out:
            out.append(v)
    if len(out) > MAX_VALUES:
        raise ConfigError(f"{name} takes at most {MAX_VALUES} values")
    return tuple(out)


def check_webhook_url(url: str | None) -> str | None:
    """An http(s) URL with a host, or None. (Whether its address may be reached is checked
    when it is called: batch/watch.py.)"""
    if url is None or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000 \
            or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise ConfigError(f"webhook must be an http(s) URL, got {url[:100]!r}")
    return url


def make_watchlist(name: str, *, actors: Any = None, places: Any = None,
                   categories: Any = None, countries: Any = None, text: str | None = None,
                   webhook_url: str | None = None) -> Watchlist:
    """A checked watchlist (not stored): ``ConfigError`` with a one-line reason."""
    name = " ".join((name or "").split())
    if not name:
        raise ConfigError("a watchlist needs a name")
    if len(name) > MAX_VALUE_LENGTH or "\x00" in name:
        raise ConfigError(f"a watchlist name is at most {MAX_VALUE_LENGTH} characters")
    cats = _values(categories, "categories", str.upper)
    for c in cats:
        if not _CATEGORY.match(c):
            raise ConfigError(f"category {c[:40]!r} is not a PLOVER category name")
    ccs = _values(countries, "countries", str.upper)
    for c in ccs:
        if not _CODE.match(c):
            raise ConfigError(f"country {c[:40]!r} is not an ISO-3166 alpha-2 code")
    if text is not None and "\x00" in text:
        raise ConfigError("text contains a NUL character")
    text = " ".join(text.split()) if text else None
    search_terms(text)  # too many terms: ConfigError
    w = Watchlist(id="", name=name, actors=_values(actors, "actors"),
                  places=_values(places, "places"), categories=cats, countries=ccs,
                  text=text or None, webhook_url=check_webhook_url(webhook_url))
    if not (w.actors or w.places or w.categories or w.countries or w.text):
        raise ConfigError("a watchlist needs at least one actor, place, category, country "
                          "or text to watch")
    return w


def _from_row(row: Any) -> Watchlist:
    f = row.filters or {}
    return Watchlist(
        id=row.id, name=row.name, actors=tuple(f.get("actors") or ()),
        places=tuple(f.get("places") or ()), categories=tuple(f.get("categories") or ()),
        countries=tuple(f.get("countries") or ()), text=f.get("text") or None,
        webhook_url=row.webhook_url, created_at=row.created_at, last_run_at=row.last_run_at,
        last_error=row.last_error,
    )


def create_watchlist(store: Store, w: Watchlist, *, created_at: str | None = None
                     ) -> Watchlist:
    """Store ``w`` (from ``make_watchlist``) under a new id; returns it."""
    stored = dataclasses.replace(w, id=secrets.token_hex(6), created_at=created_at or _now())
    row = {"id": stored.id, "name": stored.name, "filters": stored.filters,
           "webhook_url": stored.webhook_url, "created_at": stored.created_at}
    store.execute_write(lambda conn: conn.execute(watchlists.insert().values(**row)),
                        what="create a watchlist")
    return stored


def list_watchlists(store: Store) -> list[tuple[Watchlist, int]]:
    """Every watchlist, oldest first, with how many incidents its feed holds."""
    hits = (select(func.count()).where(watchlist_hits.c.watchlist_id == watchlists.c.id)
            .scalar_subquery())
    stmt = select(watchlists, hits.label("hits")).order_by(watchlists.c.created_at,
                                                           watchlists.c.id)
    rows = store.execute_read(lambda conn: list(conn.execute(stmt)), what="read watchlists")
    return [(_from_row(r), int(r.hits)) for r in rows]


def get_watchlist(store: Store, watchlist_id: str) -> Watchlist | None:
    stmt = select(watchlists).where(watchlists.c.id == watchlist_id)
    row = store.execute_read(lambda conn: conn.execute(stmt).first(), what="read a watchlist")
    return None if row is None else _from_row(row)


def delete_watchlist(store: Store, watchlist_id: str) -> bool:
    def drop(conn: Connection) -> bool:
        conn.execute(delete(watchlist_hits).where(watchlist_hits.c.watchlist_id == watchlist_id))
        return conn.execute(delete(watchlists).where(watchlists.c.id == watchlist_id)
                            ).rowcount > 0

    return store.execute_write(drop, what="delete a watchlist")


def condition(w: Watchlist) -> ColumnElement[bool]:
    """The events (reports) that match ``w``, as one SQL condition over ``events``."""
    conds: list[ColumnElement[bool]] = [events.c.status == "asserted"]
    if w.actors:
        conds.append(or_(*(substring_condition("search_actors", a) for a in w.actors)))
    if w.places:
        conds.append(or_(*(substring_condition("search_place", p) for p in w.places)))
    if w.categories:
        conds.append(where(EventFilter(categories=w.categories)))
    if w.countries:
        conds.append(events.c.country.in_(w.countries))
    if terms := search_terms(w.text):
        conds.append(text_condition(terms))
    return and_(true(), *conds)


def events_link(w: Watchlist) -> str:
    """The dashboard's list of what matches now (as near as its one-value filters go)."""
    from urllib.parse import urlencode

    args: list[tuple[str, str]] = [("category", c) for c in w.categories]
    if len(w.actors) == 1:
        args.append(("actor", w.actors[0]))
    if len(w.places) == 1:
        args.append(("place", w.places[0]))
    if len(w.countries) == 1:
        args.append(("country", w.countries[0]))
    if w.text:
        args.append(("q", w.text))
    args.append(("status", "asserted"))
    return "/ui/events?" + urlencode(args)


@dataclass(frozen=True, slots=True)
class Hit:
    watchlist_id: str
    incident_id: str
    event_id: str
    found_at: str


def _find_new(conn: Connection, w: Watchlist, now: str) -> list[Hit]:
    m, h = resolve_members, watchlist_hits
    incident = func.coalesce(m.c.canonical_id, events.c.id)
    seen_incident = (select(1).select_from(h)
                     .where(h.c.watchlist_id == w.id,
                            or_(h.c.incident_id == incident, h.c.incident_id == events.c.id)))
    # Found before under a member's event id (the incident was not clustered then).
    m2 = resolve_members.alias("m2")
    seen_member = (select(1).select_from(m2.join(h, h.c.incident_id == m2.c.member_id))
                   .where(h.c.watchlist_id == w.id, m2.c.kind == "event",
                          m2.c.canonical_id == m.c.canonical_id))
    stmt = (
        select(events.c.id, incident.label("incident_id"))
        .select_from(
            events.join(articles, articles.c.id == events.c.article_id)
            .outerjoin(m, and_(m.c.kind == "event", m.c.member_id == events.c.id)))
        .where(condition(w), articles.c.ingested_at >= w.created_at,
               ~seen_incident.exists(), ~seen_member.exists())
        .order_by(events.c.sort_date.desc().nulls_last(), events.c.id)
        .limit(MAX_PER_RUN * 4)
    )
    found: dict[str, Hit] = {}
    for event_id, incident_id in conn.execute(stmt):
        if incident_id not in found and len(found) < MAX_PER_RUN:
            found[incident_id] = Hit(w.id, incident_id, event_id, now)
    hits = list(found.values())
    if hits:
        conn.execute(watchlist_hits.insert(), [
            {"watchlist_id": x.watchlist_id, "incident_id": x.incident_id,
             "event_id": x.event_id, "found_at": x.found_at}
            for x in hits])
    conn.execute(update(watchlists).where(watchlists.c.id == w.id).values(last_run_at=now))
    return hits


def run_watchlists(store: Store, *, now: str | None = None) -> list[tuple[Watchlist, list[Hit]]]:
    """One cycle: every watchlist's new incidents, recorded (each watchlist in its own
    transaction); returns them for delivery."""
    out: list[tuple[Watchlist, list[Hit]]] = []
    for w, _n in list_watchlists(store):
        run = functools.partial(_find_new, w=w, now=now or _now())
        out.append((w, store.execute_write(run, what=f"run watchlist {w.id}")))
    return out


def pending(store: Store, watchlist_id: str, *, limit: int = MAX_PER_RUN) -> list[Hit]:
    """Incidents found for the watchlist and not yet delivered to its webhook (found this
    cycle, or in one whose POST failed), oldest first."""
    h = watchlist_hits
    stmt = (select(h.c.incident_id, h.c.event_id, h.c.found_at)
            .where(h.c.watchlist_id == watchlist_id, h.c.delivered_at.is_(None))
            .order_by(h.c.found_at, h.c.incident_id).limit(limit))
    rows = store.execute_read(lambda conn: list(conn.execute(stmt)),
                              what="read a watchlist's deliveries")
    return [Hit(watchlist_id, r.incident_id, r.event_id, r.found_at) for r in rows]


def mark_delivered(store: Store, w: Watchlist, hits: list[Hit], error: str | None) -> None:
    """After a webhook POST: the hits' delivery time, or the watchlist's last error."""
    now = _now()

    def mark(conn: Connection) -> None:
        if error is None and hits:
            conn.execute(update(watchlist_hits).where(
                watchlist_hits.c.watchlist_id == w.id,
                watchlist_hits.c.incident_id.in_([x.incident_id for x in hits]),
            ).values(delivered_at=now))
        conn.execute(update(watchlists).where(watchlists.c.id == w.id)
                     .values(last_error=error))

    store.execute_write(mark, what="record a webhook delivery")


def feed_entries(store: Store, watchlist_id: str, *, limit: int = FEED_ENTRIES,
                 incident_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """The newest incidents found for a watchlist, with their reporting event's summary
    (an event since re-extracted away is left out)."""
    h = watchlist_hits
    stmt = (
        select(h.c.incident_id, h.c.event_id, h.c.found_at, events.c.category,
               events.c.trigger, events.c.status, events.c.date, events.c.sort_date,
               events.c.place_name, events.c.country, events.c.dead, events.c.injured,
               events.c.arrested, events.c.evidence_text, events.c.article_id,
               events.c.article_title, events.c.article_outlet, events.c.article_url)
        .select_from(h.join(events, events.c.id == h.c.event_id))
        .where(h.c.watchlist_id == watchlist_id)
        .order_by(h.c.found_at.desc(), events.c.sort_date.desc().nulls_last(), h.c.incident_id)
        .limit(limit)
    )
    if incident_ids is not None:
        stmt = stmt.where(h.c.incident_id.in_(incident_ids))
    return store.execute_read(lambda conn: [dict(r._mapping) for r in conn.execute(stmt)],
                              what="read a watchlist's feed")


def incident_payload(entry: dict[str, Any], base_url: str = "") -> dict[str, Any]:
    """One incident as the webhook and the JSON API send it."""
    cid = entry["incident_id"]
    return {
        "incident_id": cid, "event_id": entry["event_id"], "found_at": entry["found_at"],
        "category": entry["category"], "trigger": entry["trigger"],
        "date": entry["sort_date"], "place": entry["place_name"], "country": entry["country"],
        "dead": entry["dead"], "injured": entry["injured"], "arrested": entry["arrested"],
        "evidence": entry["evidence_text"], "outlet": entry["article_outlet"],
        "article_url": entry["article_url"],
        "links": {"page": f"{base_url}/ui/events/{entry['event_id']}",
                  "event": f"{base_url}/events/{entry['event_id']}",
                  **({"canonical": f"{base_url}/canonical/{cid}"}
                     if cid.startswith("ce-") else {})},
    }


# -- Atom ---------------------------------------------------------------------------------

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: Any) -> str:
    return escape(_XML_BAD.sub("", "" if text is None else str(text)))


def _entry_title(e: dict[str, Any]) -> str:
    where_ = ", ".join(x for x in (e["place_name"], e["country"]) if x)
    when = e["sort_date"] or "undated"
    return f"{e['category']}: {e['trigger']}" + (f" — {where_}" if where_ else "") + f" ({when})"


def atom_feed(w: Watchlist, entries: list[dict[str, Any]], base_url: str) -> bytes:
    """An Atom 1.0 document (RFC 4287) of ``entries`` (``feed_entries``)."""
    base = base_url.rstrip("/")
    self_url = f"{base}/watchlists/{w.id}/feed.atom"
    updated = entries[0]["found_at"] if entries else (w.last_run_at or w.created_at)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{_x('eventwire watchlist: ' + w.name)}</title>",
        f"<id>{_x(f'urn:eventwire:watchlist:{w.id}')}</id>",
        f"<updated>{_x(updated)}</updated>",
        f"<link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(self_url)}/>",
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(base + '/ui/watchlists')}/>",
        "<author><name>eventwire</name></author>",
        "<generator>eventwire</generator>",
    ]
    for e in entries:
        page = f"{base}/ui/events/{e['event_id']}"
        entry_id = f"urn:eventwire:watchlist:{w.id}:incident:{e['incident_id']}"
        outcome = ", ".join(f"{e[k]} {k}" for k in ("dead", "injured", "arrested")
                            if e[k] is not None)
        summary = " ".join(x for x in (
            e["evidence_text"], f"({outcome})" if outcome else "",
            f"Reported by {e['article_outlet']}." if e["article_outlet"] else "") if x)
        out += [
            "<entry>",
            f"<title>{_x(_entry_title(e))}</title>",
            f"<id>{_x(entry_id)}</id>",
            f"<updated>{_x(e['found_at'])}</updated>",
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(page)}/>",
            f"<category term={quoteattr(_XML_BAD.sub('', e['category']))}/>",
            f"<summary type=\"text\">{_x(summary)}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


__all__ = [
    "FEED_ENTRIES", "MAX_PER_RUN", "Hit", "Watchlist", "atom_feed",
    "check_webhook_url", "condition", "create_watchlist", "delete_watchlist", "events_link",
    "feed_entries", "get_watchlist", "incident_payload", "list_watchlists", "make_watchlist",
    "mark_delivered", "run_watchlists",
]
