"""Event filters and the flat rows queries return.

``EventFilter`` -> SQL conditions in one place, so the API, the dashboard, the CLI and
the exports all filter the same way. Text search is isolated in ``text_condition`` so
PostgreSQL can switch to a tsvector index without touching anything else.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Executable, Select, and_, or_, select, true

from eventwire.errors import ConfigError
from eventwire.store.rows import first_day, last_day, partial_date
from eventwire.store.tables import EVENT_ARTICLE_COLUMNS, articles, events


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. Empty / None fields do not filter.

    Dates are ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); an event matches when the
    days it may have happened on overlap [date_from, date_to]. An event with no date of
    its own is placed on its article's published date.
    """

    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None  # substring of place name, admin1 or country code
    country: str | None = None  # ISO-3166 alpha-2 of the event's place
    actor: str | None = None  # substring of an actor or recipient name
    text: str | None = None  # substring of trigger, evidence or article title
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    include_historical: bool = True

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and partial_date(value) != value.strip():
                raise ConfigError(f"{name} must be an ISO date (YYYY[-MM[-DD]]), got {value!r}")
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise ConfigError("bbox needs four numbers: min_lon,min_lat,max_lon,max_lat")
            _, min_lat, _, max_lat = self.bbox
            if min_lat > max_lat:
                raise ConfigError(f"bbox min_lat {min_lat} is above max_lat {max_lat}")


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


_EVENT_COLUMNS = [
    c for c in events.c if c.name not in ("modes", "actor_names", "recipient_names", "first_day",
                                          "last_day", *EVENT_ARTICLE_COLUMNS)
]


def event_select() -> Select[Any]:
    """Events joined to their article, newest first (ties broken by id: stable pages)."""
    return (
        select(
            *_EVENT_COLUMNS, articles.c.title, articles.c.outlet, articles.c.url,
            articles.c.published,
        )
        .select_from(events.join(articles, events.c.article_id == articles.c.id))
        .order_by(events.c.sort_date.desc().nulls_last(), events.c.id)
    )


def text_condition(dialect_name: str, query: str) -> ColumnElement[bool]:
    """Case-insensitive substring search over trigger, evidence and article title.

    The one place to branch per dialect (PostgreSQL full-text search later).
    """
    q = query.strip()
    return or_(
        events.c.trigger.icontains(q, autoescape=True),
        events.c.evidence_text.icontains(q, autoescape=True),
        articles.c.title.icontains(q, autoescape=True),
    )


def _bbox_condition(bbox: tuple[float, float, float, float]) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = (float(x) for x in bbox)
    lat_ok = events.c.lat.between(min_lat, max_lat)
    if min_lon <= max_lon:
        lon_ok: ColumnElement[bool] = events.c.lon.between(min_lon, max_lon)
    else:  # the box crosses the antimeridian
        lon_ok = or_(events.c.lon >= min_lon, events.c.lon <= max_lon)
    return and_(events.c.lat.is_not(None), events.c.lon.is_not(None), lat_ok, lon_ok)


def _one_of(column: Any, values: list[str]) -> ColumnElement[bool]:
    # One value (the usual case) as "=": an IN list is re-rendered on every execution.
    return column == values[0] if len(values) == 1 else column.in_(values)


def filter_conditions(f: EventFilter, dialect_name: str) -> list[ColumnElement[bool]]:
    """The WHERE conditions for ``f`` (to be ANDed), over ``event_select()``'s tables."""
    conds: list[ColumnElement[bool]] = []
    if f.categories:
        conds.append(_one_of(events.c.category, [c.upper() for c in f.categories]))
    if f.statuses:
        conds.append(_one_of(events.c.status, list(f.statuses)))
    if not f.include_historical:
        conds.append(events.c.status != "historical")
    if f.date_from:
        conds.append(events.c.last_day >= first_day(f.date_from))
    if f.date_to:
        conds.append(events.c.first_day <= last_day(f.date_to))
    if f.place and f.place.strip():
        p = f.place.strip()
        conds.append(
            or_(
                events.c.place_name.icontains(p, autoescape=True),
                events.c.admin1.icontains(p, autoescape=True),
                events.c.country.icontains(p, autoescape=True),
            )
        )
    if f.country:
        conds.append(events.c.country == f.country.strip().upper())
    if f.actor and f.actor.strip():
        a = f.actor.strip()
        conds.append(
            or_(
                events.c.actor_names.icontains(a, autoescape=True),
                events.c.recipient_names.icontains(a, autoescape=True),
            )
        )
    if f.text and f.text.strip():
        conds.append(text_condition(dialect_name, f.text))
    if f.bbox is not None:
        conds.append(_bbox_condition(f.bbox))
    return conds


def where_all(conds: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    return and_(true(), *conds) if conds else true()


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
    "EventFilter", "EventRow", "StatementCache", "event_row_from", "event_select",
    "filter_conditions", "text_condition", "where_all",
]
