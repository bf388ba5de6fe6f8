"""An event's fields laid over its article: text segments with the fields that cover
them (for highlighting), and one row per fact with its source and factuality.

Pure functions over the model's dataclasses; the templates escape every string.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from eventwire.model import Article, Attribution, Event, Participant, Span


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch of a field's text in the article: field name and a short label."""

    field: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    fields: tuple[str, ...]  # CSS-safe field names covering this stretch (may be empty)
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    field: str
    value: str
    quote: str | None
    source: str
    source_type: str
    factuality: str
    start: int | None = None


def _who(p: Participant) -> str:
    return p.name or p.text


def marks(event: Event) -> list[Marked]:
    """Every span the event points at, labelled by the field it supports."""
    out: list[Marked] = [Marked("evidence", "evidence", s.start, s.end) for s in event.evidence]
    t = event.trigger
    out.append(Marked("trigger", f"trigger ({event.category})", t.start, t.end))
    out += [Marked("actor", f"actor: {_who(p)}", p.start, p.end) for p in event.actors]
    out += [Marked("recipient", f"target: {_who(p)}", p.start, p.end) for p in event.recipients]
    if event.place is not None:
        p = event.place
        out.append(Marked("place", f"place: {p.name or p.text}", p.start, p.end))
    if event.time is not None:
        tm = event.time
        out.append(Marked("time", f"time: {tm.date or tm.text}", tm.start, tm.end))
    if event.outcome is not None:
        out += [Marked("outcome", "outcome", s.start, s.end) for s in event.outcome.spans]
    for a in event.attributions:
        out.append(Marked("source", f"source ({a.source_type}, {a.factuality})",
                          a.cue.start, a.cue.end))
    r = event.responsibility
    if r is not None:
        out += [Marked("claim", f"claimed by {_who(c.actor)}", c.span.start, c.span.end)
                for c in r.claimed_by]
        out += [Marked("claim", f"suspected: {_who(s.actor)}", s.span.start, s.span.end)
                for s in r.suspected]
        out += [Marked("claim", f"denied by {_who(c.actor)}", c.span.start, c.span.end)
                for c in r.denied_by]
    return out


def segments(text: str, spans: list[Marked]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece knows which spans cover it.
    Spans outside the text or empty are ignored (a bad offset must not break the page)."""
    good = [m for m in spans if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in good), *(m.end for m in good)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        covering = [m for m in good if m.start <= a and b <= m.end]
        fields = tuple(dict.fromkeys(m.field for m in covering))
        labels = tuple(dict.fromkeys(m.label for m in covering))
        out.append(Segment(text[a:b], fields, labels))
    return out


def _attribution_for(span: Span | Participant, attributions: tuple[Attribution, ...]
                     ) -> Attribution | None:
    for a in attributions:
        if a.content.start <= span.start and span.end <= a.content.end:
            return a
    return None


def facts(event: Event, article: Article) -> list[Fact]:
    """One row per fact; the source is the attribution whose quoted content holds the
    fact's text, else the outlet itself (the reporter's own voice)."""
    reporter = article.outlet or "the article"

    def fact(field: str, value: str, span: Span | Participant | None) -> Fact:
        a = None if span is None else _attribution_for(span, event.attributions)
        quote = None if span is None else span.text
        start = None if span is None else span.start
        if a is None:
            return Fact(field, value, quote, reporter, "reporter", "asserted", start)
        if a.speaker is not None:
            who = _who(a.speaker)
        else:
            who = reporter if a.source_type == "reporter" else "unnamed source"
        return Fact(field, value, quote, who, a.source_type, a.factuality, start)

    rows = [fact("what", f"{event.category} ({', '.join(event.modes) or 'no mode'})",
                 event.trigger)]
    rows += [fact("actor", _who(p), p) for p in event.actors]
    rows += [fact("target", _who(p), p) for p in event.recipients]
    if event.place is not None:
        p = event.place
        where = ", ".join(x for x in (p.name or p.text, p.admin1, p.country) if x)
        rows.append(fact("where", where, Span(p.text, p.start, p.end)))
    if event.time is not None:
        tm = event.time
        rows.append(fact("when", tm.date or tm.text, Span(tm.text, tm.start, tm.end)))
    o = event.outcome
    if o is not None:
        parts = [f"{n} {label}" for n, label in ((o.dead, "dead"), (o.injured, "injured"),
                                                  (o.arrested, "arrested")) if n is not None]
        if o.condition:
            parts.append(o.condition)
        first = o.spans[0] if o.spans else None
        rows.append(fact("outcome", ", ".join(parts) or "-", first))
    return rows


__all__ = ["Fact", "Marked", "Segment", "facts", "marks", "segments"]
