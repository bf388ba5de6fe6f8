"""Query parameters shared by the event routes (API, dashboard, exports)."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import HTTPException, Query

from eventwire.errors import ConfigError
from eventwire.model import STATUSES
from eventwire.store import EventFilter
from eventwire.web.queries import EventQuery

# Empty values are allowed (and ignored): an HTML form sends its blank fields too.
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
MAX_TEXT = 200



def clean(value: str | None, name: str) -> str | None:
    """Strip; reject NUL (PostgreSQL cannot store it in text and it is never meant)."""
    if value is None:
        return None
    if "\x00" in value:
        raise HTTPException(400, f"{name} contains a NUL character")
    return value.strip() or None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    try:
        nums = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(400, f"bbox must be four numbers min_lon,min_lat,max_lon,max_lat, "
                                 f"got {value[:80]!r}") from None
    if len(nums) != 4 or not all(math.isfinite(x) for x in nums):
        raise HTTPException(400, "bbox must be four finite numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = nums
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180
            and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise HTTPException(400, "bbox longitudes must be within ±180 and latitudes within ±90")
    return min_lon, min_lat, max_lon, max_lat


async def event_query(  # async: pure parsing, no worker thread needed (see api.store_of)
    category: Annotated[list[str], Query(description="PLOVER category, e.g. ASSAULT "
                                         "(repeatable: any of them)", max_length=20)] = [],  # noqa: B006
    mode: Annotated[list[str], Query(description="PLOVER mode, e.g. firearms "
                                     "(repeatable: all of them)", max_length=20)] = [],  # noqa: B006
    status: Annotated[list[str], Query(description="asserted, historical, hypothetical, "
                                       "future or negated (repeatable: any of them)",
                                       max_length=10)] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]]")] = None,
    country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{2})?$",
                                         description="ISO-3166 alpha-2")] = None,
    place: Annotated[str | None, Query(
        max_length=MAX_TEXT, description="place name, admin1 or country contains")] = None,
    bbox: Annotated[str | None, Query(max_length=100,
                                      description="min_lon,min_lat,max_lon,max_lat")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT,
                                       description="actor or target name contains")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="full-text search over "
                                   "trigger, evidence and title (PostgreSQL: words, stemmed; "
                                   "SQLite: substring)")] = None,
    current_only: Annotated[bool, Query(description="leave out historical mentions")] = False,
    canonical: Annotated[bool, Query(description="one event per incident: leave out the "
                                     "other reports of a clustered event")] = False,
) -> EventQuery:
    categories = tuple(c.upper() for c in (clean(c, "category") for c in category) if c)
    modes = tuple(m for m in (clean(m, "mode") for m in mode) if m)
    statuses = tuple(s for s in (clean(s, "status") for s in status) if s)
    for s in statuses:
        if s not in STATUSES:
            raise HTTPException(400, f"status {s[:40]!r} is not one of {', '.join(STATUSES)}")
    try:
        base = EventFilter(
            categories=categories,
            statuses=statuses,
            date_from=date_from or None,
            date_to=date_to or None,
            place=clean(place, "place"),
            country=country.upper() if country else None,
            actor=clean(actor, "actor"),
            bbox=parse_bbox(clean(bbox, "bbox")),
            include_historical=not current_only,
        )
    except ConfigError as err:
        raise HTTPException(400, str(err)) from None
    return EventQuery(base=base, modes=modes, text=clean(q, "q"), canonical_only=canonical)


def query_args(query: EventQuery) -> list[tuple[str, str]]:
    """The query string that reproduces ``query`` (for links: pages, exports, map)."""
    f = query.base
    out: list[tuple[str, str]] = [("category", c) for c in f.categories]
    out += [("mode", m) for m in query.modes]
    out += [("status", s) for s in f.statuses]
    for key, value in (("date_from", f.date_from), ("date_to", f.date_to),
                       ("country", f.country), ("place", f.place), ("actor", f.actor),
                       ("q", query.text)):
        if value:
            out.append((key, value))
    if f.bbox:
        out.append(("bbox", ",".join(f"{x:g}" for x in f.bbox)))
    if not f.include_historical:
        out.append(("current_only", "true"))
    if query.canonical_only:
        out.append(("canonical", "true"))
    return out


__all__ = ["DATE", "clean", "event_query", "parse_bbox", "query_args"]
