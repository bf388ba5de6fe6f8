"""Time: find temporal expressions once per article, normalise them against the
publication date, and attach each to the event mention whose clause holds it.

"a day after <clause>" ties two events: the event in the clause is dated from the other
one ("the shooting ... coming a day after the delegations met" dates the meeting)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from ...model import Span, Time
from ...timex import find_timexes, normalise
from ..resources import Resources
from ..work import Work

_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_NUMS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _tense(t: Token) -> str | None:
    aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"will", "shall", "'ll"}:
        return "future"
    if t.tag_ in {"VBD", "VBN"} or aux & {"was", "were", "had", "has", "have"}:
        return "past"
    return None


def find(work: Work) -> None:
    anchor = work.reference_date
    text = work.article.text
    for tx in find_timexes(text):
        span = Span(tx.text, tx.start, tx.end)
        if tx.type == "DURATION":
            # "a day after": TimeML marks the duration; the signal word follows it
            follow = text[tx.end : tx.end + 8].split()
            if follow and follow[0].lower() in {"after", "before", "later", "earlier"}:
                end = tx.end + text[tx.end :].index(follow[0]) + len(follow[0])
                span = Span(text[tx.start : end], tx.start, end)
                work.timexes.append((span, Time(span.text, span.start, span.end), "relative"))
                continue
        time = _to_time(span, anchor, None, work)
        if tx.type in {"DATE", "TIME"} or time.date is not None:
            work.timexes.append((span, time, tx.type))


def _to_time(span: Span, anchor: date | None, tense: str | None, work: Work | None = None) -> Time:
    n = normalise(span.text, anchor, tense_hint=tense)
    how = n.anchor
    if how == "published" and work is not None and work.published is None:
        how = "text"  # resolved against the dateline's own date
    return Time(
        text=span.text,
        start=span.start,
        end=span.end,
        date=n.date,
        end_date=n.end_date,
        precision=n.precision,  # type: ignore[arg-type]
        anchor=how,  # type: ignore[arg-type]
    )


def _tokens_of(work: Work, span: Span) -> list[Token]:
    s = work.doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(s) if s is not None else []


def _attached_to(tokens: list[Token], trigger: Token) -> bool:
    """Does the expression hang off the trigger (not off another verb on the way)?"""
    for t in tokens:
        cur = t
        for _ in range(6):
            if cur.i == trigger.i:
                return True
            if cur.head.i == cur.i:
                break
            # "imposed sanctions last year": a light verb carries its noun's time
            light = (
                trigger.pos_ == "NOUN"
                and trigger.head.i == cur.i
                and trigger.dep_ in {"dobj", "nsubjpass", "nsubj"}
            )
            if cur.i != t.i and cur.pos_ in {"VERB", "AUX"} and cur.i != trigger.i and not light:
                break
            cur = cur.head
    return False


def attach(work: Work) -> None:
    for span, _time, kind in work.timexes:
        toks = _tokens_of(work, span)
        if not toks or kind == "relative":
            continue
        for m in work.mentions:
            if m.time is not None or not (toks[0].sent.start <= m.trigger.i < toks[0].sent.end):
                continue
            if _attached_to(toks, m.trigger):
                m.time = _to_time(span, work.reference_date, _tense(m.trigger), work)
                if _is_background(m.time, work.published) and m.status == "asserted":
                    m.status = "historical"
    _relative_links(work)
    _leftover_years(work)


def _leftover_years(work: Work) -> None:
    """A year or month no trigger claimed ("the full-scale invasion of Ukraine in 2022")
    goes to the nearest undated noun trigger in its sentence."""
    used = {(m.time.start, m.time.end) for m in work.mentions if m.time is not None}
    for span, _time, _ in work.timexes:
        if (span.start, span.end) in used:
            continue
        toks = _tokens_of(work, span)
        if not toks:
            continue
        t = _to_time(span, work.reference_date, "past", work)
        if t.precision not in {"year", "month", "season"}:
            continue
        near = [
            m
            for m in work.mentions
            if m.time is None
            and m.trigger.pos_ == "NOUN"
            and m.trigger.sent.start == toks[0].sent.start
            and abs(m.trigger.i - toks[0].i) <= 6
        ]
        if near:
            m = min(near, key=lambda m: abs(m.trigger.i - toks[0].i))
            m.time = t
            if _is_background(t, work.published) and m.status == "asserted":
                m.status = "historical"


def _is_background(t: Time, published: date | None) -> bool:
    from .status import RECENT, date_of

    d = date_of(t.end_date or t.date)
    return d is not None and published is not None and d < published - RECENT


def _relative_links(work: Work) -> None:
    """ "N days after <clause>": date the clause's event from the sentence's other event."""
    for span, _time, kind in work.timexes:
        words = span.text.lower().split()
        if (
            kind != "relative"
            or len(words) < 3
            or words[-1] not in {"after", "before"}
            or words[-2] not in _UNITS
        ):
            continue
        n = _NUMS.get(words[-3]) if not words[-3].isdigit() else int(words[-3])
        if n is None:
            continue
        days = n * _UNITS[words[-2]]
        toks = _tokens_of(work, span)
        prep = next((t for t in toks if t.lower_ in {"after", "before"}), None)
        if prep is None:
            continue
        governed = prep.head if prep.dep_ == "mark" else prep
        sub = {x.i for x in governed.subtree}
        inner = [k for k, m in enumerate(work.mentions) if m.trigger.i in sub]
        outer = [
            k
            for k, m in enumerate(work.mentions)
            if m.trigger.sent == prep.sent and m.trigger.i not in sub
        ]
        if not inner or not outer:
            continue
        inner_m = work.mentions[inner[0]]
        # the clause event happened N days before (after -> minus) the outer event
        sign = -1 if words[-1] == "after" else 1
        inner_m.derived_from = outer[0]
        inner_m.time = Time(
            text=span.text,
            start=span.start,
            end=span.end,
            date=None,
            precision="day",
            anchor="text",
        )
        work.relative_days[inner[0]] = sign * days


_LINK_PREPS = {"during", "after", "following", "amid", "in"}


def inherit_times(work: Work) -> None:
    """ "negotiate ... during the mutiny in the summer of 2023": an undated event tied by
    a preposition to a dated one takes its date (and the reverse)."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for m in work.mentions:
        for c in m.trigger.children:
            if c.dep_ != "prep" or c.lower_ not in _LINK_PREPS:
                continue
            for g in c.children:
                other = by_token.get(g.i)
                if other is None:
                    continue
                if m.time is None and other.time is not None:
                    m.time = other.time
                elif other.time is None and m.time is not None:
                    other.time = m.time
                for x in (m, other):
                    if (
                        x.time is not None
                        and _is_background(x.time, work.published)
                        and x.status == "asserted"
                    ):
                        x.status = "historical"
                        if x.event >= 0:
                            work.events[x.event].status = "historical"


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
        if m.event >= 0:
            work.events[m.event].time = new


def run(work: Work, res: Resources) -> None:
    find(work)
    attach(work)


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
        t = _to_time(span, work.reference_date, "past", work)
        if t.precision != "day" or t.date is None or len(t.date) != 10:
            continue
        if _is_background(t, work.published) or _after_publication(t, work.published):
            continue  # a past case or a coming hearing: not the report's own news
        toks = _tokens_of(work, span)
        if toks:
            out.append((sent_of[toks[0].sent.start], span, t))
    return out


def _after_publication(t: Time, published: date | None) -> bool:
    from .status import date_of

    d = date_of(t.date)
    return d is not None and published is not None and d > published + timedelta(days=1)


# "The incident happened Saturday night", "a shooting that occurred on Friday": the day the
# article's incident took place, whatever sentence says it
_HAPPEN = frozenset({"happen", "occur"})
_INCIDENT_WORDS = frozenset({
    "it", "this", "that", "which", "incident", "shooting", "attack", "stabbing", "killing",
    "murder", "homicide", "suicide", "robbery", "assault", "altercation", "confrontation",
})
_INCIDENT_CATEGORIES = frozenset({"ASSAULT", "COERCE", "THREATEN"})


def _happened_sents(work: Work, sent_of: dict[int, int]) -> set[int]:
    out = set()
    for t in work.doc:
        if t.lemma_.lower() in _HAPPEN or (
            t.lemma_.lower() == "take" and any(c.lower_ == "place" for c in t.children)
        ):
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(c.lower_ in _INCIDENT_WORDS or c.lemma_.lower() in _INCIDENT_WORDS
                   for c in subj):
                out.add(sent_of[t.sent.start])
    return out


def fill_undated(work: Work) -> None:
    """An asserted event no time expression hangs off takes the day its report gives
    nearby: a day named in one of its mentions' sentences (nearest first), else in the
    sentences just before its first mention, else the one day a sentence says the incident
    "happened" or "occurred" (an attack, an arrest or a threat), else, for an event the
    lead reports, the lead's first day ("A man was shot and killed. Police said it happened
    Tuesday night").

    News states when once and then tells what happened; the parse rarely links the two.
    Clock times alone ("about 11 p.m.") and durations never date an event this way.
    """
    days = _day_times(work)
    if not days:
        return
    sent_of = {s.start: k for k, s in enumerate(work.doc.sents)}
    happened = _happened_sents(work, sent_of)
    happened_days = [t for s, _sp, t in days if s in happened]
    for ev in work.events:
        if ev.time is not None or ev.status != "asserted":
            continue
        mentions = [work.mentions[k] for k in ev.mentions] or [work.mentions[ev.main]]
        sents = sorted({sent_of[m.trigger.sent.start] for m in mentions})
        first = sents[0]
        same = [
            (abs(sp.start - m.trigger.idx), t)
            for s, sp, t in days
            for m in mentions
            if s == sent_of[m.trigger.sent.start]
        ]
        before = [(s, t) for s, _sp, t in days if first - _LOOK_BACK_SENTS <= s < first]
        lead_sents = _LEAD_SENTS + work.title_sents
        lead = [t for s, _sp, t in days if s < lead_sents] if first < lead_sents else []
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
            ev.borrowed.add("time")
