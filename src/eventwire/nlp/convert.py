"""Work (spaCy-side state) -> frozen model records. Nothing downstream sees a Doc."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from ..model import (
    Attribution,
    Entity,
    Event,
    Participant,
    Record,
    Relation,
    Role,
    Span,
    Time,
    stable_id,
)
from .arguments import participant
from .spans import char_span, doc_text, sentence_span, word_span
from .work import Work, WorkEvent


def _reporter(ev_span: Span) -> Attribution:
    return Attribution(
        cue=Span("", ev_span.start, ev_span.start),
        content=ev_span,
        speaker=None,
        source_type="reporter",
        factuality="asserted",
    )


class _Statements:
    """The article's statements found by the text positions their content covers and by
    their cue tokens: testing every statement against every event was quadratic in a text
    of many events (issue 15)."""

    def __init__(self, work: Work) -> None:
        items = [att for att, _ in work.statements]
        self.order = sorted(range(len(items)), key=lambda j: items[j].content.start)
        self.spans = [(items[j].content.start, items[j].content.end) for j in self.order]
        self.starts = [a for a, _ in self.spans]
        self.reach = list(accumulate((b for _, b in self.spans), max))  # max end so far
        self.by_cue: dict[int, list[int]] = {}
        for j, (_, cue) in enumerate(work.statements):
            for c in cue:
                self.by_cue.setdefault(c.i, []).append(j)

    def covering(self, pos: int) -> Iterator[int]:
        """Statements whose content holds character ``pos``."""
        k = bisect_right(self.starts, pos) - 1
        while k >= 0 and self.reach[k] > pos:
            start, end = self.spans[k]
            if start <= pos < end:
                yield self.order[k]
            k -= 1


def _event(work: Work, ev: WorkEvent, statements: _Statements | None = None) -> Event:
    main = work.mentions[ev.main]
    trig = word_span(main.trigger)
    evidence = sorted(
        {sentence_span(work.mentions[k].trigger) for k in ev.mentions}, key=lambda s: s.start
    )
    atts: list[Attribution] = []
    triggers = [work.mentions[k].trigger for k in ev.mentions if not work.mentions[k].anaphoric]
    index = statements if statements is not None else _Statements(work)
    # the statements that hold a trigger, whose cue is a trigger, or that hold the outcome
    told: set[int] = set()
    for t in triggers:
        told.update(index.covering(t.idx))
        told.update(index.by_cue.get(t.i, ()))
    for s in ev.outcome.spans if ev.outcome is not None else ():
        told.update(index.covering(s.start))
    for j in sorted(told):
        att = work.statements[j][0]
        if att not in atts:
            atts.append(att)
    if not atts:
        atts.append(_reporter(evidence[0]))
    confidence = event_confidence(work, ev)
    actors = [p for a in ev.actors if (p := participant(work, a))]
    recipients = [p for a in ev.recipients if (p := participant(work, a))]
    return Event(
        id=stable_id(work.article.id, trig.start, trig.end, ev.category),
        category=ev.category,
        trigger=trig,
        modes=tuple(sorted(ev.modes)),
        contexts=tuple(sorted(ev.contexts)),
        status=ev.status,
        aggregate=ev.aggregate,
        actors=tuple(_dedupe(actors)),
        recipients=tuple(_dedupe(recipients)),
        place=ev.place,
        time=ev.time,
        outcome=ev.outcome,
        responsibility=ev.responsibility,
        attributions=tuple(atts),
        evidence=tuple(evidence),
        confidence=confidence,
        mentions=tuple(sorted({word_span(work.mentions[k].trigger) for k in ev.mentions},
                              key=lambda s: (s.start, s.end))),
    )


def event_confidence(work: Work, ev: WorkEvent) -> float:
    """How much the article's own words support the event, from 0.45 to 0.95: each side
    named, its own place and its own time (+0.1 each; an agent, place or time borrowed
    from the sentence or the report as a whole adds nothing), and further mentions (+0.05
    each, up to three). A sum
    of stated evidence, not a fitted probability: docs/EVALUATION.md reports how well it
    separates true incidents from noise (a version that also weighed tolls, unambiguous
    words, status and hedges separated them less well on the dev set and was not kept)."""
    n = len([x for x, borrowed in ((ev.actors, ev.actors_borrowed), (ev.recipients, False))
             if x and not borrowed]) + len(
        [x for x, borrowed in ((ev.place, ev.place_borrowed), (ev.time, ev.time_borrowed))
         if x and not borrowed]
    )
    return round(min(0.95, 0.45 + 0.1 * n + 0.05 * min(len(ev.mentions), 3)), 2)


def _dedupe(ps: list[Participant]) -> list[Participant]:
    seen: set[tuple[int, int]] = set()
    out = []
    for p in ps:
        if (p.start, p.end) in seen:
            continue
        seen.add((p.start, p.end))
        out.append(p)
    return out


def _tokens_span(work: Work, a: int, b: int) -> Span | None:
    """``token_span(work.doc[a:b])`` from the range's first and last token alone (no Token
    object for each word, no sort)."""
    if b <= a:
        return None
    first, last = work.doc[a], work.doc[b - 1]
    return char_span(doc_text(work.doc), first.idx, last.idx + len(last.text))


def _entity(work: Work, k: int) -> Entity:
    ent = work.entities[k]
    mentions = sorted({(m.start, m.end) for m in ent.mentions})
    spans = [s for a, b in mentions if (s := _tokens_span(work, a, b)) is not None]
    return Entity(
        id=ent.id,
        name=ent.name,
        type=ent.type,
        aliases=tuple(ent.aliases),
        roles=tuple(Role(title=t, span=s, of=o) for t, o, s in ent.roles),
        country=ent.country,
        sector=ent.sector,
        mentions=tuple(spans),
        geonameid=ent.geo.geonameid if ent.geo and ent.type in {"GPE", "LOC"} else None,
        lat=ent.geo.lat if ent.geo and ent.type in {"GPE", "LOC"} else None,
        lon=ent.geo.lon if ent.geo and ent.type in {"GPE", "LOC"} else None,
    )


def to_record(work: Work) -> Record:
    statements = _Statements(work)
    events = [_event(work, ev, statements) for ev in work.events]
    events.sort(key=lambda e: (e.trigger.start, e.category))
    return Record(
        article=work.article,
        events=tuple(events),
        entities=tuple(_entity(work, k) for k in range(len(work.entities))),
        relations=tuple(
            Relation(work.entities[s].id, p, work.entities[o].id, span)
            for s, p, o, span in work.relations
        ),
        statements=tuple(att for att, _ in work.statements),
    )


_ = Time
