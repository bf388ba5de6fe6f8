"""An event together with what clustering needs to know about the article that reported
it, and the compact, precomputed features the blocker and the scorer read.

``Report`` is the input of ``cluster_events``; it is built from a stored ``Record`` (one
per event) or, in the benchmark and the tests, by hand.
"""

from __future__ import annotations

import calendar
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from eventwire.model import Event, Record

from .text import STOPWORDS, content_words, fold, name_tokens, translit_key

# Category families: events of one family may be one incident coded two ways.
FAMILIES: dict[str, str] = {
    "ASSAULT": "violence",
    "COERCE": "coercion",
    "SANCTION": "coercion",
    "MOBILIZE": "coercion",
    "THREATEN": "verbal",
    "ACCUSE": "verbal",
    "REJECT": "verbal",
    "REQUEST": "verbal",
    "PROTEST": "protest",
}

# Which statuses are clustered: things that happened. Hypothetical, future and negated
# events are left alone; aggregates ("three attacks this year") are not one incident.
CLUSTERED_STATUSES = frozenset({"asserted", "historical"})

# How many days an undated event may have happened before the article reporting it.
UNDATED_DAYS_BEFORE = 2
# Undated background mentions: searched this far back (never dated by the article).
HISTORICAL_UNDATED_YEARS = 10

_NOUN = re.compile(r"\b[A-Z][a-zA-Z\u00C0-\u024F'-]{2,}")
_NOT_NAMES_TEXT = """
    the a an in on at and but he she they it this that there his her their its police
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december at least no one officials
    """
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
MAX_NOUNS = 8


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one article reported it."""

    event: Event
    article_id: str
    outlet: str | None = None
    published: str | None = None  # ISO date or datetime
    title: str | None = None
    # Names of places and organisations the article mentions: how an event whose own
    # place the extractor missed can still meet the other reports of its incident.
    context: tuple[str, ...] = ()


def reports_of(record: Record) -> list[Report]:
    """One report per event of the record."""
    art = record.article
    context = tuple(
        sorted({e.name for e in record.entities if e.type in ("GPE", "LOC", "ORG")})
    )
    return [
        Report(ev, art.id, art.outlet, art.published, art.title, context)
        for ev in record.events
    ]


@dataclass(frozen=True, slots=True)
class Features:
    """What the blocker and the scorer compare, computed once per report."""

    id: str
    article_id: str
    category: str
    family: str
    status: str
    start: int  # first possible day (proleptic ordinal)
    end: int  # last possible day
    own_date: bool  # dated by its own time expression (not by the article's date)
    precise: bool  # own date with day precision
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    place_key: str | None
    place_fine: bool  # city or finer
    geonameid: int | None
    # Sorted tuples of interned strings, not sets: a third of the memory at 100,000 reports.
    participants: tuple[str, ...]
    dead: int | None
    injured: int | None
    modes: tuple[str, ...]
    words: tuple[str, ...]
    nouns: tuple[str, ...]


def day_range(value: str | None, end_value: str | None = None) -> tuple[int, int] | None:
    """``YYYY[-MM[-DD]]`` (and an optional end) -> (first day, last day) as ordinals."""
    first = _bounds(value)
    if first is None:
        return None
    last = _bounds(end_value) if end_value else first
    return first[0], (last or first)[1]


def _bounds(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            days = calendar.monthrange(year, month)[1]
            return date(year, month, 1).toordinal(), date(year, month, days).toordinal()
        d = date(year, month, int(parts[2])).toordinal()
        return d, d
    except (ValueError, IndexError):
        return None


def clusterable(report: Report) -> bool:
    ev = report.event
    return ev.status in CLUSTERED_STATUSES and not ev.aggregate


def _time_window(report: Report) -> tuple[int, int, bool, bool] | None:
    """(start, end, own date?, precise?) or None when the event cannot be placed in time."""
    ev, t = report.event, report.event.time
    if t is not None and t.date:
        rng = day_range(t.date, t.end_date)
        if rng is not None:
            return rng[0], rng[1], True, t.precision == "day" and rng[0] == rng[1]
    pub = _bounds(report.published)
    if pub is None:
        return None
    if ev.status == "historical":
        # A background mention without a date of its own happened some time before the
        # article: it must never land on the article's day.
        return pub[0] - 365 * HISTORICAL_UNDATED_YEARS, pub[0] - 1, False, False
    return pub[0] - UNDATED_DAYS_BEFORE, pub[1], False, False


def _compact(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({sys.intern(w) for w in words}))


def _participant_tokens(ev: Event) -> tuple[str, ...]:
    toks: set[str] = set()
    people = list(ev.actors) + list(ev.recipients)
    if ev.responsibility is not None:
        people += [c.actor for c in ev.responsibility.claimed_by]
    for p in people:
        toks.update(
            translit_key(t)
            for t in name_tokens(p.name or p.text)
            if len(t) > 2 and t not in STOPWORDS and t not in _NOT_NAMES
        )
    return _compact(toks)


def _nouns(texts: list[str], context: tuple[str, ...] = ()) -> tuple[str, ...]:
    found: set[str] = {w for w in (fold(c) for c in context) if w and w not in _NOT_NAMES}
    for text in texts:
        for m in _NOUN.finditer(text):
            w = fold(m.group(0))
            if w and w not in _NOT_NAMES:
                found.add(w)
    return tuple(sys.intern(w) for w in sorted(found, key=lambda w: (-len(w), w))[:MAX_NOUNS])


def features_of(report: Report) -> Features | None:
    """The report's features, or None when it is not clustered (see ``clusterable``)."""
    if not clusterable(report):
        return None
    window = _time_window(report)
    if window is None:
        return None
    ev = report.event
    place, out = ev.place, ev.outcome
    texts = [s.text for s in ev.evidence] or [ev.trigger.text]
    fine = place is not None and place.precision in (None, "site", "neighbourhood", "city")
    return Features(
        id=ev.id,
        article_id=report.article_id,
        category=ev.category,
        family=FAMILIES.get(ev.category, ev.category),
        status=ev.status,
        start=window[0],
        end=window[1],
        own_date=window[2],
        precise=window[3],
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        place_key=fold(place.name or place.text) if place else None,
        place_fine=fine,
        geonameid=place.geonameid if place else None,
        participants=_participant_tokens(ev),
        dead=out.dead if out else None,
        injured=out.injured if out else None,
        modes=_compact(ev.modes),
        words=_compact(content_words(" ".join([*texts, report.title or ""]))),
        nouns=_nouns([*texts, report.title or ""], report.context),
    )


__all__ = [
    "CLUSTERED_STATUSES", "FAMILIES", "Features", "Report", "clusterable", "day_range",
    "features_of", "reports_of",
]
