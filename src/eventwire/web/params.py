"""Query parameters shared by the event routes (API, dashboard, exports): they build the
store's ``EventFilter``, the object the CLI builds from its options."""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Query

from eventwire.errors import ConfigError
from eventwire.store import EventFilter, parse_bbox
from eventwire.store.search import MAX_TERMS

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
        max_length=MAX_TEXT, description="place name, admin1 or country code contains "
        "(case and accents ignored)")] = None,
    bbox: Annotated[str | None, Query(max_length=100,
                                      description="min_lon,min_lat,max_lon,max_lat")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT,
                                       description="an actor's or target's name contains "
                                       "(case and accents ignored)")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description=(
        "every word, or \"quoted phrase\", occurs in the trigger, evidence or title "
        f"(substrings; case and accents ignored; at most {MAX_TERMS})"))] = None,
    current_only: Annotated[bool, Query(description="leave out historical mentions")] = False,
    canonical: Annotated[bool, Query(description="one event per incident: leave out the "
                                     "other reports of a clustered event")] = False,
) -> EventFilter:
    try:
        return EventFilter(
            categories=tuple(clean(c, "category") or "" for c in category),
            statuses=tuple(clean(s, "status") or "" for s in status),
            modes=tuple(clean(m, "mode") or "" for m in mode),
            date_from=date_from or None,
            date_to=date_to or None,
            place=clean(place, "place"),
            country=country or None,
            actor=clean(actor, "actor"),
            text=clean(q, "q"),
            bbox=parse_bbox(clean(bbox, "bbox")),
            include_historical=not current_only,
            canonical_only=canonical,
        )
    except ConfigError as err:
        raise HTTPException(400, str(err)) from None


def query_args(f: EventFilter) -> list[tuple[str, str]]:
    """The query string that reproduces ``f`` (for links: pages, exports, map)."""
    out: list[tuple[str, str]] = [("category", c) for c in f.categories]
    out += [("mode", m) for m in f.modes]
    out += [("status", s) for s in f.statuses]
    for key, value in (("date_from", f.date_from), ("date_to", f.date_to),
                       ("country", f.country), ("place", f.place), ("actor", f.actor),
                       ("q", f.text)):
        if value:
            out.append((key, value))
    if f.bbox:
        out.append(("bbox", ",".join(f"{x:g}" for x in f.bbox)))
    if not f.include_historical:
        out.append(("current_only", "true"))
    if f.canonical_only:
        out.append(("canonical", "true"))
    return out


__all__ = ["DATE", "clean", "event_query", "query_args"]
