"""``EventFilter``: which events a listing, a count, a page, stats or an export covers.

One object for the CLI (``events``, ``export``), the API and the dashboard (query
parameters), the exports and the store's own reads, turned into SQL conditions in one
place (``where``), the same on SQLite and PostgreSQL. What the text filters match is
defined in ``store/search.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, literal, or_, select, true
from sqlalchemy.sql.util import ClauseAdapter

from eventwire.errors import ConfigError
from eventwire.model import STATUSES
from eventwire.store.resolve_tables import resolve_members
from eventwire.store.rows import first_day, last_day, partial_date
from eventwire.store.search import search_terms, substring_condition, text_condition
from eventwire.store.tables import events

Bbox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. Empty / None fields do not filter; a bad value raises
    ``ConfigError`` with a one-line reason. Values are normalised on construction
    (categories and country upper-cased, modes lower-cased, blanks dropped).

    Dates are ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); an event matches when the
    days it may have happened on overlap [date_from, date_to]. An event with no date of
    its own is placed on its article's published date.
    """

    categories: tuple[str, ...] = ()  # PLOVER categories: any of them
    statuses: tuple[str, ...] = ()  # any of them
    modes: tuple[str, ...] = ()  # PLOVER modes: all of them
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None  # in the place name, admin1 or country code (search.py)
    country: str | None = None  # ISO-3166 alpha-2 of the event's place
    actor: str | None = None  # in an actor's or recipient's name (search.py)
    text: str | None = None  # every term in trigger, evidence or title (search.py)
    bbox: Bbox | None = None  # min_lon, min_lat, max_lon, max_lat
    include_historical: bool = True
    canonical_only: bool = False  # one event per cluster of reports (``eventwire cluster``)

    def __post_init__(self) -> None:
        for name in ("categories", "statuses", "modes", "place", "country", "actor", "text",
                     "date_from", "date_to"):
            value = getattr(self, name)
            values = value if isinstance(value, tuple) else (value,)
            if any(isinstance(v, str) and "\x00" in v for v in values):
                raise ConfigError(f"{name} contains a NUL character")
        set_ = object.__setattr__
        set_(self, "categories", _cleaned(self.categories, str.upper))
        set_(self, "statuses", _cleaned(self.statuses, str.lower))
        # A mode is one word: "firearms targeted" (the dashboard's one field) is two modes.
        modes = (self.modes,) if isinstance(self.modes, str) else self.modes
        set_(self, "modes", _cleaned(tuple(w for m in modes for w in m.split()), str.lower))
        for name in ("place", "actor", "text", "date_from", "date_to"):
            value = getattr(self, name)
            set_(self, name, (value.strip() or None) if value is not None else None)
        for status in self.statuses:
            if status not in STATUSES:
                raise ConfigError(f"status {status[:40]!r} is not one of {', '.join(STATUSES)}")
        if self.country is not None:
            country = self.country.strip().upper() or None
            if country is not None and not (len(country) == 2 and country.isalpha()
                                            and country.isascii()):
                raise ConfigError(f"country must be an ISO-3166 alpha-2 code such as NG, "
                                  f"got {self.country[:40]!r}")
            set_(self, "country", country)
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and partial_date(value) != value:
                raise ConfigError(f"{name} must be an ISO date (YYYY[-MM[-DD]]), got {value!r}")
        if self.bbox is not None:
            set_(self, "bbox", _checked_bbox(self.bbox))
        search_terms(self.text)  # too many terms: ConfigError now, not at query time


def _cleaned(values: tuple[str, ...] | list[str] | str, case: Any) -> tuple[str, ...]:
    out: list[str] = []
    for v in (values,) if isinstance(values, str) else values:  # one value given bare
        v = case(v.strip())
        if v and v not in out:
            out.append(v)
    return tuple(out)


def _checked_bbox(bbox: Any) -> Bbox:
    try:
        nums = tuple(float(x) for x in bbox)
    except (TypeError, ValueError):
        raise ConfigError("bbox must be four numbers min_lon,min_lat,max_lon,max_lat") from None
    if len(nums) != 4 or not all(math.isfinite(x) for x in nums):
        raise ConfigError("bbox must be four finite numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = nums
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180
            and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ConfigError("bbox longitudes must be within ±180 and latitudes within ±90")
    if min_lat > max_lat:
        raise ConfigError(f"bbox min_lat {min_lat:g} is above max_lat {max_lat:g}")
    return min_lon, min_lat, max_lon, max_lat


def parse_bbox(value: str | None) -> Bbox | None:
    """``"min_lon,min_lat,max_lon,max_lat"`` (the CLI's ``--bbox``, the API's ``bbox=``)."""
    if value is None or not value.strip():
        return None
    try:
        nums = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise ConfigError(f"bbox must be four numbers min_lon,min_lat,max_lon,max_lat, "
                          f"got {value[:80]!r}") from None
    return _checked_bbox(nums)


def _bbox_condition(bbox: Bbox) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = bbox
    lat_ok = events.c.lat.between(min_lat, max_lat)
    if min_lon <= max_lon:
        lon_ok: ColumnElement[bool] = events.c.lon.between(min_lon, max_lon)
    else:  # the box crosses the antimeridian
        lon_ok = or_(events.c.lon >= min_lon, events.c.lon <= max_lon)
    return and_(events.c.lat.is_not(None), events.c.lon.is_not(None), lat_ok, lon_ok)


def _one_of(column: Any, values: tuple[str, ...]) -> ColumnElement[bool]:
    # One value (the usual case) as "=": an IN list is re-rendered on every execution.
    return column == values[0] if len(values) == 1 else column.in_(values)


def _mode_condition(mode: str) -> ColumnElement[bool]:
    # ``modes`` is space-separated: pad both sides so "arrest" does not match "arrests".
    padded = literal(" ") + events.c.modes + literal(" ")
    return padded.contains(f" {mode} ", autoescape=True)


def _canonical_condition(matching: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    """One row per real-world incident: the event is alone, or the smallest event id
    among the reports of its cluster (resolve_members) that match the other conditions
    (``matching``), so an incident is listed when any of its reports matches. Events never
    clustered count as their own."""
    mine, other = resolve_members.alias("mine"), resolve_members.alias("other")
    other_event = events.alias("other_event")
    adapter = ClauseAdapter(other_event)
    smaller = (
        select(literal(1))
        .select_from(
            mine.join(other, and_(other.c.kind == mine.c.kind,
                                  other.c.canonical_id == mine.c.canonical_id))
            .join(other_event, other_event.c.id == other.c.member_id))
        .where(mine.c.kind == "event", mine.c.member_id == events.c.id,
               other.c.member_id < events.c.id, *(adapter.traverse(c) for c in matching))
    )
    return ~smaller.exists()


def conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    """The WHERE conditions for ``f`` (to be ANDed), over the ``events`` table alone."""
    conds: list[ColumnElement[bool]] = []
    if f.categories:
        conds.append(_one_of(events.c.category, f.categories))
    if f.statuses:
        conds.append(_one_of(events.c.status, f.statuses))
    if not f.include_historical:
        conds.append(events.c.status != "historical")
    if f.date_from:
        conds.append(events.c.last_day >= first_day(f.date_from))
    if f.date_to:
        conds.append(events.c.first_day <= last_day(f.date_to))
    if f.country:
        conds.append(events.c.country == f.country)
    if f.place:
        conds.append(substring_condition("search_place", f.place))
    if f.actor:
        conds.append(substring_condition("search_actors", f.actor))
    conds.extend(_mode_condition(m) for m in f.modes)
    if terms := search_terms(f.text):
        conds.append(text_condition(terms))
    if f.bbox is not None:
        conds.append(_bbox_condition(f.bbox))
    if f.canonical_only:
        conds.append(_canonical_condition(list(conds)))
    return conds


def where(f: EventFilter | None) -> ColumnElement[bool]:
    conds = conditions(f or EventFilter())
    return and_(true(), *conds) if conds else true()


__all__ = ["Bbox", "EventFilter", "conditions", "parse_bbox", "where"]
