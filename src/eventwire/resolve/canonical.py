"""A canonical event: one incident with every report of it, and per field who said what.

Built from the member reports each time it is shown (originals are never rewritten).
Conflicting values stay side by side (3 killed / 5 killed); each value lists its sources
and is marked ``latest`` (said by the most recent report that gave the field) and
``most_reported`` (said by the most articles). The timeline lists, in publication order,
what each report added or changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.model import Event

from .reports import Report

# The fields shown with provenance, in display order.
FIELDS: tuple[str, ...] = (
    "category", "status", "date", "place", "dead", "injured", "arrested", "condition",
    "claimed_by", "unclaimed", "suspected", "modes", "actors", "recipients",
)
# Fields whose values do not contradict each other (a list, not a single truth).
# (``status`` is the report's view: a later background mention is not a contradiction.)
MULTI_VALUED = frozenset(
    {"modes", "actors", "recipients", "suspected", "claimed_by", "status"}
)
# Fields the timeline follows (what changes as a story develops).
TIMELINE_FIELDS = frozenset(
    {"status", "date", "place", "dead", "injured", "arrested", "condition", "claimed_by",
     "unclaimed", "suspected"}
)


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    outlet: str | None
    published: str | None
    event_id: str


@dataclass(frozen=True, slots=True)
class FieldValue:
    value: Any
    sources: tuple[Source, ...]
    latest: bool = False
    most_reported: bool = False


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    published: str | None
    outlet: str | None
    article_id: str
    changes: tuple[tuple[str, Any], ...]  # (field, value) first said by this report


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    id: str
    reports: tuple[Source, ...]  # in publication order
    fields: dict[str, tuple[FieldValue, ...]]
    timeline: tuple[TimelineEntry, ...]

    @property
    def report_count(self) -> int:
        return len(self.reports)

    @property
    def outlet_count(self) -> int:
        return len({s.outlet or s.article_id for s in self.reports})

    @property
    def conflicts(self) -> dict[str, tuple[FieldValue, ...]]:
        """Single-valued fields on which the reports disagree."""
        return {
            k: v for k, v in self.fields.items() if k not in MULTI_VALUED and len(v) > 1
        }

    def value(self, name: str, which: str = "latest") -> Any:
        """The ``latest`` or ``most_reported`` value of a field (None when unknown)."""
        for fv in self.fields.get(name, ()):
            if getattr(fv, which):
                return fv.value
        return None

    @property
    def first_reported(self) -> str | None:
        return self.reports[0].published if self.reports else None


def _names(ps: Iterable[Any]) -> list[str]:
    return [p.name or p.text for p in ps]


def field_values(ev: Event) -> dict[str, list[Any]]:
    """Field -> the values this event states (empty list: says nothing)."""
    out: dict[str, list[Any]] = {k: [] for k in FIELDS}
    out["category"] = [ev.category]
    out["status"] = [ev.status]
    if ev.time is not None and ev.time.date:
        out["date"] = [ev.time.date if not ev.time.end_date else
                       f"{ev.time.date}/{ev.time.end_date}"]
    if ev.place is not None:
        out["place"] = [ev.place.name or ev.place.text]
    o = ev.outcome
    if o is not None:
        for k in ("dead", "injured", "arrested", "condition"):
            if getattr(o, k) is not None:
                out[k] = [getattr(o, k)]
    r = ev.responsibility
    if r is not None:
        out["claimed_by"] = sorted(set(_names(c.actor for c in r.claimed_by)))
        out["suspected"] = sorted(set(_names(s.actor for s in r.suspected)))
        if r.unclaimed_stated:
            out["unclaimed"] = [True]
    out["modes"] = sorted(ev.modes)
    out["actors"] = sorted(set(_names(ev.actors)))
    out["recipients"] = sorted(set(_names(ev.recipients)))
    return out


def _order(r: Report) -> tuple[str, str, str]:
    return (r.published or "", r.article_id, r.event.id)


def build_canonical(canonical_id: str, members: Sequence[Report]) -> CanonicalEvent:
    reports = sorted(members, key=_order)
    sources = tuple(Source(r.article_id, r.outlet, r.published, r.event.id) for r in reports)
    said: dict[str, dict[Any, list[Source]]] = {k: {} for k in FIELDS}
    timeline: list[TimelineEntry] = []
    for r, src in zip(reports, sources, strict=True):
        changes: list[tuple[str, Any]] = []
        for name, values in field_values(r.event).items():
            for v in values:
                if v not in said[name] and name in TIMELINE_FIELDS:
                    changes.append((name, v))
                said[name].setdefault(v, []).append(src)
        if changes:
            timeline.append(TimelineEntry(src.published, src.outlet, src.article_id,
                                          tuple(changes)))
    fields: dict[str, tuple[FieldValue, ...]] = {}
    for name, by_value in said.items():
        if not by_value:
            continue
        most = max(len(s) for s in by_value.values())
        newest = max(_source_order(s[-1]) for s in by_value.values())
        fields[name] = tuple(
            FieldValue(
                v,
                tuple(s),
                latest=_source_order(s[-1]) == newest,
                most_reported=len(s) == most,
            )
            for v, s in sorted(by_value.items(), key=lambda kv: _source_order(kv[1][0]))
        )
    return CanonicalEvent(canonical_id, sources, fields, tuple(timeline))


def _source_order(s: Source) -> tuple[str, str, str]:
    return (s.published or "", s.article_id, s.event_id)


def canonical_to_dict(ce: CanonicalEvent) -> dict[str, Any]:
    """JSON shape of a canonical event (``eventwire canonical show --format json``, the API)."""

    def src(s: Source) -> dict[str, Any]:
        return {"article_id": s.article_id, "outlet": s.outlet, "published": s.published,
                "event_id": s.event_id}

    return {
        "id": ce.id,
        "report_count": ce.report_count,
        "outlet_count": ce.outlet_count,
        "first_reported": ce.first_reported,
        "reports": [src(s) for s in ce.reports],
        "fields": {
            name: [
                {"value": fv.value, "latest": fv.latest, "most_reported": fv.most_reported,
                 "sources": [src(s) for s in fv.sources]}
                for fv in values
            ]
            for name, values in ce.fields.items()
        },
        "conflicts": sorted(ce.conflicts),
        "timeline": [
            {"published": t.published, "outlet": t.outlet, "article_id": t.article_id,
             "changes": [{"field": f, "value": v} for f, v in t.changes]}
            for t in ce.timeline
        ],
    }


__all__ = [
    "FIELDS", "CanonicalEvent", "FieldValue", "Source", "TimelineEntry", "build_canonical",
    "canonical_to_dict", "field_values",
]
