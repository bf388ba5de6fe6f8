"""Dates of events, once mentions are merged into events.

Two stages. ``linked_times``: times that pass between mentions ("negotiate ... during the
mutiny in the summer of 2023" dates the talks; "a day after <clause>" dates the clause's
event from the other event's date). ``dates``: each event takes its own date, and an
asserted event that has none takes the day its report gives nearby (borrowed: shown, but
not counted as evidence)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...model import Span, Time
from ..resources import Resources
from ..stage import Stage
from ..work import Work
from .status import date_of, is_background, own_time
from .times import TimeWords, time_words, to_time, tokens_of


def inherit_times(work: Work, w: TimeWords) -> None:
    """ "negotiate ... during the mutiny in the summer of 2023": an undated event tied by
    a preposition to a dated one takes its date (and the reverse)."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for m in work.mentions:
        for c in m.trigger.children:
            if c.dep_ != "prep" or c.lower_ not in w.link_preps:
                continue
            for g in c.children:
                other = by_token.get(g.i)
                if other is None:
                    continue
                if m.time is None and other.time is not None:
                    m.time = other.time
                elif other.time is None and m.time is not None:
                    other.time = m.time


def resolve_derived(work: Work) -> None:
    """After merging: fill dates that depend on another event's date."""
    for k, days in work.relative_days.items():
        m = work.mentions[k]
        src = work.mentions[m.derived_from]
        peers = (
            [work.mentions[j] for j in work.events[src.event].mentions] if src.event >= 0 else [src]
        )
        ev_time = next((p.time for p in peers if p.time is not None and p.time.date), None)
        if ev_time is None or ev_time.date is None or len(ev_time.date) != 10 or m.time is None:
            continue
        d = date.fromisoformat(ev_time.date) + timedelta(days=days)
        new = Time(
            text=m.time.text,
            start=m.time.start,
            end=m.time.end,
            date=d.isoformat(),
            precision="day",
            anchor="text",
        )
        m.time = new



# "11 p.m.", "2:20 a.m.": a clock time dates nothing by itself (it takes the anchor's day)
_CLOCK_ONLY = re.compile(
    r"(?:about |around |at |shortly (?:before|after) )?[\d:.\s]*"
    r"(?:[ap]\.?\s?m\.?|o'clock|noon|midnight)?",
    re.IGNORECASE,
)
_LOOK_BACK_SENTS = 2  # how far before the event's first mention a time may stand
_LEAD_SENTS = 4  # the lead of a report: headline plus the first sentences


def _day_times(work: Work) -> list[tuple[int, Span, Time]]:
    """(sentence index, span, time) of the expressions that name a day, in text order."""
    sent_of = {s.start: k for k, s in enumerate(work.doc.sents)}
    out: list[tuple[int, Span, Time]] = []
    for span, _time, kind in work.timexes:
        if kind == "relative" or _CLOCK_ONLY.fullmatch(span.text.strip()):
            continue
        t = to_time(span, work.context.reference_date, "past", work)
        if t.precision != "day" or t.date is None or len(t.date) != 10:
            continue
        if is_background(t, work.published) or _after_publication(t, work.published):
            continue  # a past case or a coming hearing: not the report's own news
        toks = tokens_of(work, span)
        if toks:
            out.append((sent_of[toks[0].sent.start], span, t))
    return out


def _after_publication(t: Time, published: date | None) -> bool:
    d = date_of(t.date)
    return d is not None and published is not None and d > published + timedelta(days=1)


# "The incident happened Saturday night", "a shooting that occurred on Friday": the day the
# article's incident took place, whatever sentence says it (``time.toml``'s words)
_INCIDENT_CATEGORIES = frozenset({"ASSAULT", "COERCE", "THREATEN"})


def _happened_sents(work: Work, sent_of: dict[int, int], w: TimeWords) -> set[int]:
    out = set()
    for t in work.doc:
        if t.lemma_.lower() in w.happen_verbs or any(
            t.lemma_.lower() == verb and any(c.lower_ == obj for c in t.children)
            for verb, obj in w.take_place
        ):
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(c.lower_ in w.incident_words or c.lemma_.lower() in w.incident_words
                   for c in subj):
                out.add(sent_of[t.sent.start])
    return out


def fill_undated(work: Work, w: TimeWords) -> None:
    """Each event's time: its own (``status.own_time``). An asserted event no time
    expression hangs off takes the day its report gives
    nearby: a day named in one of its mentions' sentences (nearest first), else in the
    sentences just before its first mention, else the one day a sentence says the incident
    "happened" or "occurred" (an attack, an arrest or a threat), else, for an event the
    lead reports, the lead's first day ("A man was shot and killed. Police said it happened
    Tuesday night").

    News states when once and then tells what happened; the parse rarely links the two.
    Clock times alone ("about 11 p.m.") and durations never date an event this way.
    """
    for ev in work.events:
        ev.time = own_time(work, ev)
    days = _day_times(work)
    if not days:
        return
    sent_of = {s.start: k for k, s in enumerate(work.doc.sents)}
    happened = _happened_sents(work, sent_of, w)
    happened_days = [t for s, _sp, t in days if s in happened]
    # the days by sentence, found once (issue 15: each undated event scanned every day of
    # the text against each of its mentions); same lists, same order as that scan
    by_sent: dict[int, list[tuple[int, Span, Time]]] = {}
    for day in days:
        by_sent.setdefault(day[0], []).append(day)
    lead_sents = _LEAD_SENTS + work.title_sents
    lead_days = [t for s, _sp, t in days if s < lead_sents]
    for ev in work.events:
        if ev.time is not None or ev.status != "asserted":
            continue
        mentions = [work.mentions[k] for k in ev.mentions] or [work.mentions[ev.main]]
        sent_ofm = [sent_of[work.sent_start(m.trigger.i)] for m in mentions]
        sents = sorted(set(sent_ofm))
        first = sents[0]
        same = [
            (abs(sp.start - m.trigger.idx), t)
            for sent in sents for s, sp, t in by_sent.get(sent, ())
            for m, ms in zip(mentions, sent_ofm, strict=True)
            if s == ms
        ]
        before = [(s, t) for sent in range(first - _LOOK_BACK_SENTS, first)
                  for s, _sp, t in by_sent.get(sent, ())]
        lead = lead_days if first < lead_sents else []
        said = happened_days if ev.category in _INCIDENT_CATEGORIES else []
        if same:
            ev.time = min(same, key=lambda x: x[0])[1]
        elif before:
            ev.time = max(before, key=lambda x: x[0])[1]
        elif len({t.date for t in said}) == 1:
            ev.time = said[0]
        elif lead:
            ev.time = lead[0]
        if ev.time is not None:
            ev.time_borrowed = True


def run_linked(work: Work, res: Resources) -> None:
    inherit_times(work, time_words(res))
    resolve_derived(work)


def run(work: Work, res: Resources) -> None:
    fill_undated(work, time_words(res))


LINKED = Stage(
    name="linked_times",
    run=run_linked,
    summary="an undated mention tied by a preposition to a dated one takes its date "
    "(\"during the mutiny in 2023\"); \"N days after <clause>\" dates the clause's event "
    "from the merged event it is counted from",
    reads=("mentions", "mentions.relative", "events"),
    refines=("mentions.time",),
    needs=("lexicon",),
    prepare=time_words,
)

STAGE = Stage(
    name="dates",
    run=run,
    summary="each event's date from its own mentions; an undated asserted event takes a "
    "day from its own sentence, else the two before it, else the day the incident "
    "\"happened\", else the lead's day (borrowed)",
    reads=("doc", "article", "published", "context.reference_date", "timexes",
           "mentions.time", "events", "events.status"),
    writes=("events.time", "events.time_borrowed"),
    needs=("lexicon",),
    prepare=time_words,
)
