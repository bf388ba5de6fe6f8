"""Dates of events, once mentions are merged into events.

Two stages. ``linked_times``: times that pass between mentions ("negotiate ... during the
mutiny in the summer of 2023" dates the talks; "a day after <clause>" dates the clause's
event from the other event's date; "Two days later, ..." dates an act from the act told
before it). ``dates``: each event takes its own date, and an
asserted event that has none takes the day its report gives nearby (borrowed: shown, but
not counted as evidence)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import NamedTuple

from spacy.attrs import LEMMA  # type: ignore[attr-defined]
from spacy.tokens import Token

from ...model import Precision, Span, Time
from ...numbers import NumberReader
from ..resources import Resources
from ..spans import inside_quote
from ..stage import Stage
from ..work import Work, WorkEvent
from .status import date_of, is_background, own_time
from .times import (
    TimeWords,
    counted_days,
    names_a_kind,
    noun_dated,
    time_words,
    to_time,
    tokens_of,
)


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
        if (m.time is not None and (ev_time is None or ev_time.date is None)
                and (src.time is None or not src.time.date)):
            # the other way round: "died in a shootout two days after the bombing" dates the
            # shootout from the bombing, when the bombing's event has the date (the shootout
            # may hold the undated words "two days after" themselves)
            own = [work.mentions[j] for j in work.events[m.event].mentions] if m.event >= 0 else []
            known = next((p.time for p in own if p is not m and p.time is not None
                          and p.time.date and len(p.time.date) == 10), None)
            if known is not None and known.date is not None:
                d = date.fromisoformat(known.date) - timedelta(days=days)
                src.time = Time(text=m.time.text, start=m.time.start, end=m.time.end,
                                date=d.isoformat(), precision="day", anchor="text")
            continue
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


class _Day(NamedTuple):
    sent: int  # index of the sentence that names the day
    span: Span
    time: Time
    background: bool  # well before publication: dates only an act told in its sentence
    tokens: frozenset[int]  # its tokens (is it inside a clause?)
    statement: bool  # the day something was said or charged ("police said Thursday")


def _day_times(work: Work, w: TimeWords) -> list[_Day]:
    """The expressions that name a day, in text order: what an undated event may take."""
    sent_of = {s.start: k for k, s in enumerate(work.doc.sents)}
    triggers = {m.trigger.i for m in work.mentions}
    # the days of acts still to come or only possible ("said they would hold another
    # rally on Saturday"): read as past they would name a day nothing happened on
    coming = {(m.time.start, m.time.end) for m in work.mentions
              if m.time is not None and m.mood in {"future", "hypothetical"}}
    out: list[_Day] = []
    for span, _time, kind, _tensed in work.timexes:
        if kind == "relative" or _CLOCK_ONLY.fullmatch(span.text.strip()) or (
                (span.start, span.end) in coming):
            continue
        t = to_time(span, work.context.reference_date, "past", work)
        if t.precision != "day" or t.date is None or len(t.date) != 10:
            continue
        if _after_publication(t, work.published):
            continue  # a coming hearing: not the report's own news
        toks = tokens_of(work, span)
        if not toks or _quoted_deixis(work, span, t) or _ahead(toks, w) or names_a_kind(
                toks, w, triggers):  # "at a Christmas market": a kind of market, no day
            continue
        if (gov := _governor(toks)) is not None and gov.i not in triggers and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in gov.children):
            continue  # "an ultimatum to leave the town by Friday": when it is to be done
        out.append(_Day(sent_of[toks[0].sent.start], span, t, is_background(t, work.published),
                        frozenset(x.i for x in toks), _said_on(toks, w)))
    return out


def _governor(tokens: list[Token]) -> Token | None:
    """The first verb above a time expression (the clause it dates), if near."""
    inside = {t.i for t in tokens}
    cur = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def _ahead(tokens: list[Token], w: TimeWords) -> bool:
    """ "More details will be released Friday morning": a day in a clause of the future
    is a coming day, whatever the past reading of "Friday" says: it dates no past act."""
    verb = _governor(tokens)
    return verb is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in w.future_aux for c in verb.children
    )


def _said_on(tokens: list[Token], w: TimeWords) -> bool:
    """ "..., police said Thursday", "was charged with murder on Friday": the day a
    statement was made or a court step taken ("appeared in court on Monday"), not the day
    of the act it is about (a report and a charge come after the act). True when the first
    verb above the expression is a verb of saying in the simple past ("Police say early
    Sunday a man was shot": the present of reporting has no day; the parse often hangs the
    clause's day on it) or of a court step, in any form."""
    verb = _governor(tokens)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    return lemma in w.court_verbs or (verb.tag_ == "VBD" and lemma in w.statement_verbs) or (
        lemma in w.appearance_verbs and any(
            c.dep_ == "prep" and c.lower_ in {"in", "before"} and any(
                g.dep_ == "pobj" and g.lemma_.lower() in w.court_places for g in c.children)
            for c in verb.children))  # "appeared in court on Monday"


def _quoted_deixis(work: Work, span: Span, t: Time) -> bool:
    """ "I have been made aware of a shooting today," the mayor said: inside a quotation
    "today", "yesterday", "last night" count from the day it was said, which the report
    does not give (not its publication day). Deictic: the day moves with the anchor, one
    for one."""
    ref = work.context.reference_date
    if t.anchor != "published" or ref is None or not inside_quote(work.article.text, span.start):
        return False
    moved = to_time(span, ref - timedelta(days=1), "past", work)
    d, e = date_of(t.date), date_of(moved.date)
    return d is not None and e is not None and d - e == timedelta(days=1)


def _after_publication(t: Time, published: date | None) -> bool:
    d = date_of(t.date)
    return d is not None and published is not None and d > published + timedelta(days=1)


# "The incident happened Saturday night", "a shooting that occurred on Friday": the day the
# article's incident took place, whatever sentence says it (``time.toml``'s words)
_INCIDENT_CATEGORIES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# physical acts a report tells after they were done: the day of a statement about one is
# not its day (a statement, an accusation or a threat is dated by its saying)
_TOLD_ACTS = frozenset({"ASSAULT", "COERCE"})


def _happened_days(work: Work, days: list[_Day], w: TimeWords) -> list[Time]:
    """The days that a "happened" or "took place" clause of the incident holds
    ("(Dec. 5) - Detectives are looking into a stabbing that happened on Friday": Friday, not
    the dateline's day in the same sentence)."""
    out: list[Time] = []
    take_verbs = {verb for verb, _ in w.take_place}
    doc = work.doc
    # only the words with one of those lemmas are visited: one array of lemma ids, each
    # distinct lemma read once
    strings = doc.vocab.strings
    lemmas = doc.to_array(LEMMA).tolist()
    wanted = {h for h in set(lemmas)
              if (low := strings[h].lower()) in w.happen_verbs or low in take_verbs}
    for t in (doc[i] for i, h in enumerate(lemmas) if h in wanted):
        lemma = t.lemma_.lower()  # read once: a token's lemma is looked up on each access
        if lemma in w.happen_verbs or any(
            lemma == verb and any(c.lower_ == obj for c in t.children)
            for verb, obj in w.take_place
        ):
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(c.lower_ in w.incident_words or c.lemma_.lower() in w.incident_words
                   for c in subj):
                clause = {x.i for x in t.subtree}
                out += [d.time for d in days
                        if not d.background and not d.statement and d.tokens <= clause]
    return out


def _dateless(t: Time | None) -> bool:
    """No time, or one that names no day of its own: "overnight", "earlier in the day", or
    a clock time ("about 11 p.m.", which the time module puts on the publication day)."""
    return t is None or not t.date or bool(_CLOCK_ONLY.fullmatch(t.text.strip()))


def _finest_own(work: Work, ev: WorkEvent, t: Time | None) -> Time | None:
    """ "The 1996 Harbour Street bombing was carried out ... on 9 February 1996": one act
    named by a year and by a day of that year is dated by the day (a month of it by the
    month): its mentions name one date, some less precisely."""
    if t is None or not t.date or t.precision not in {"year", "month"}:
        return t
    finer = [u for k in ev.mentions if (u := work.mentions[k].time) is not None and u.date
             and len(u.date) > len(t.date) and u.date.startswith(t.date)]
    # the day a phrase names before a clock time on it ("at about 7 p.m.")
    finer.sort(key=lambda u: (-len(u.date or ""), bool(_CLOCK_ONLY.fullmatch(u.text.strip()))))
    return finer[0] if finer else t


def fill_undated(work: Work, w: TimeWords) -> None:
    """Each event's time: its own (``status.own_time``). An asserted event no day
    hangs off takes the day its report gives
    nearby: a day named in one of its mentions' sentences (nearest first), else in the
    sentences just before its first mention, else the one day a clause says the incident
    "happened" or "occurred" (an attack, an arrest or a threat), else, for an event the
    lead reports, the lead's first day ("A man was shot and killed. Police said it happened
    Tuesday night"). A day long before publication dates an event only from a sentence
    that tells it and names no recent day (a follow-up report retells the act with its
    date: "About 2 a.m. Jan. 3, a man ... shot him"); a historical event takes no other.

    News states when once and then tells what happened; the parse rarely links the two.
    Clock times alone ("about 11 p.m.") and durations never date an event this way, and
    the day a statement was made ("police said Thursday") never dates the act it tells.
    An event whose own time names no day ("shot at about 11 p.m.", "overnight") takes the
    day the same way, and keeps its own time when none is found; one whose own time is a
    month takes only a day of that month that a sentence telling it names.
    """
    for ev in work.events:
        ev.time = _finest_own(work, ev, own_time(work, ev))
    _planned_days(work, w)
    all_days = _day_times(work, w)
    if not all_days:
        _hot_news(work, [])
        return
    sent_of = {s.start: k for k, s in enumerate(work.doc.sents)}
    happened_days = _happened_days(work, all_days, w)
    # the days by sentence, found once (issue 15: each undated event scanned every day of
    # the text against each of its mentions); same lists, same order as that scan
    by_sent: dict[int, list[_Day]] = {}
    for day in all_days:
        by_sent.setdefault(day.sent, []).append(day)
    lead_sents = _lead_sents(work)
    for ev in work.events:
        if ev.status not in {"asserted", "historical"}:
            continue
        # "a December 2015 homicide": a month of its own, which a day of that month named
        # where the act is told makes precise ("on December 12, 2015 ... a person shot")
        month = ev.time.date if ev.time and ev.time.precision == "month" else None
        if not _dateless(ev.time) and month is None:
            continue
        past = ev.status == "historical"
        # a statement's day dates a statement, not an act it reports
        told = ev.category in _TOLD_ACTS
        mentions = [work.mentions[k] for k in ev.mentions] or [work.mentions[ev.main]]
        sent_ofm = [sent_of[work.sent_start(m.trigger.i)] for m in mentions]
        sents = sorted(set(sent_ofm))
        first = sents[0]
        near = [
            (abs(d.span.start - m.trigger.idx), d)
            for sent in sents for d in by_sent.get(sent, ())
            for m, ms in zip(mentions, sent_ofm, strict=True)
            if d.sent == ms and not (told and d.statement)
        ]
        # the news's own days first; an old day only when the sentence that tells the act
        # names no other ("charged Friday ... The victim was shot on Dec. 2, 2015")
        same = [(k, d.time) for k, d in near if d.background == past] or [
            (k, d.time) for k, d in near if d.background]
        before = [(d.sent, d.time) for sent in range(first - _LOOK_BACK_SENTS, first)
                  for d in by_sent.get(sent, ())
                  if not d.background and not (told and d.statement)]
        lead = [d.time for d in all_days if d.sent < lead_sents and not d.background
                and not (told and d.statement)] if first < lead_sents else []
        said = happened_days if ev.category in _INCIDENT_CATEGORIES else []
        if ev.aggregate:
            # many acts ("dozens arrested in recent weeks") are not dated by a day the
            # sentences around them give another act; only by one their own sentence names
            before, lead, said = [], [], []
        found: Time | None = None
        if month is not None:
            inside = [(k, d.time) for k, d in near if (d.time.date or "").startswith(month)]
            if inside:
                found = min(inside, key=lambda x: x[0])[1]
        elif same:
            found = min(same, key=lambda x: x[0])[1]
        elif past:
            pass  # a retold act takes no day from around it: the report's days are new
        elif before:
            found = max(before, key=lambda x: x[0])[1]
        elif len({t.date for t in said}) == 1:
            found = said[0]
        elif lead:
            found = lead[0]
        if found is not None:
            ev.time = found
            ev.time_borrowed = True
    _hot_news(work, all_days)


def _lead_sents(work: Work, n: int = _LEAD_SENTS) -> int:
    """How many sentences the title and the lead make: the title's, then the body's first
    ``n`` sentences that have a verb. A fragment with none (a dateline "RIVERTON,
    Wyo. (KXYZ) -", a page's "Share | Email | Print") is no sentence of the lead: it tells
    nothing, so the lead's sentences come after it."""
    doc, starts = work.doc, work.sent_starts  # the sentence starts, read once per text
    k, told = work.title_sents, 0
    while k < len(starts) and told < n:
        end = starts[k + 1] if k + 1 < len(starts) else len(doc)
        told += any(doc[i].pos_ in {"VERB", "AUX"} for i in range(starts[k], end))
        k += 1
    return k


def _planned_days(work: Work, w: TimeWords) -> None:
    """ "The campaign planned to bring in supporters to stage a protest at Monday night's
    debate": an act still to come takes the day its own sentence names that is not before
    the report (read as ahead: what is planned lies on or after the day it is told), the
    nearest to its words; never a day of another sentence (a report's other days are of
    what has happened) nor the day of a statement ("said on Monday that they will march").
    Only with a publication date (borrowed)."""
    pub = work.published
    if pub is None:
        return
    for ev in work.events:
        if ev.status != "future" or not _dateless(ev.time):
            continue
        mentions = [work.mentions[k] for k in ev.mentions] or [work.mentions[ev.main]]
        starts = {work.sent_start(m.trigger.i) for m in mentions}
        found: list[tuple[int, Time]] = []
        for tx in work.timexes:
            if tx.kind == "relative" or _CLOCK_ONLY.fullmatch(tx.span.text.strip()):
                continue
            toks = tokens_of(work, tx.span)
            if not toks or work.sent_start(toks[0].i) not in starts or _said_on(toks, w):
                continue  # "said on Monday that they will march": the saying's day
            t = to_time(tx.span, pub, "future", work)
            d = date_of(t.date)
            if t.precision == "day" and d is not None and d >= pub:
                found += [(abs(tx.span.start - m.trigger.idx), t) for m in mentions]
        if found:
            ev.time = min(found, key=lambda x: x[0])[1]
            ev.time_borrowed = True


def _hot_news(work: Work, days: list[_Day]) -> None:
    """ "Three guards have been killed in a bomb blast outside ...": the present perfect of a
    report's lead, with no time of its own, tells what has just happened (the "hot news"
    perfect): the act of the lead that no day dates is of the publication day (borrowed).
    Only with a publication date, only in the lead (the body's first sentence that has a
    verb, ``_lead_sents``; later, the perfect tells results: "has killed 300 people since
    2015"), and only when the lead names no day (the news is then as of that day: "have
    killed 12 villagers, officials said on Tuesday")."""
    pub = work.published
    if pub is None:
        return
    starts = work.sent_starts
    lead = _lead_sents(work, _HOT_NEWS_SENTS)
    if any(d.sent < lead and not d.background for d in days):
        return
    lead_end = starts[lead] if lead < len(starts) else len(work.doc)
    for ev in work.events:
        if ev.status != "asserted" or not _dateless(ev.time):
            continue
        for k in ev.mentions:
            verb = _perfect_verb(work.mentions[k].trigger)
            if verb is not None and verb.i < lead_end and (
                    work.sent_start(verb.i) >= starts[min(work.title_sents, len(starts) - 1)]):
                aux = next(c for c in verb.children if c.dep_ == "aux")
                start, end = aux.idx, verb.idx + len(verb.text)
                ev.time = Time(text=work.article.text[start:end], start=start, end=end,
                               date=pub.isoformat(), precision="day", anchor="published")
                ev.time_borrowed = True
                break


_HOT_NEWS_SENTS = 1  # the body's first sentence


def _perfect_verb(t: Token) -> Token | None:
    """The present perfect the trigger is told by: its own ("have been killed") or, for a
    noun, its clause's verb ("have been killed in a bomb blast")."""
    verb = t
    if t.pos_ == "NOUN":
        verb = t.head.head if t.dep_ == "pobj" else t.head
    if verb.tag_ != "VBN" or any(c.dep_ in {"npadvmod", "tmod"} for c in verb.children):
        return None
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb if aux and aux[0] in {"has", "have", "'ve", "'s"} else None


_OPENER_TOKENS = 8  # "Within 10 days of the Bloody Friday attacks," at most


def _opener(work: Work, trigger: Token) -> Span | None:
    """The adverbial a sentence opens with, up to its comma ("Two days later, police
    arrested ..."), when the trigger comes after it."""
    sent = trigger.sent
    for t in sent[:_OPENER_TOKENS]:
        if t.text == ",":
            if t.i <= sent.start or t.i >= trigger.i:
                return None
            start, end = sent[0].idx, t.idx
            return Span(work.article.text[start:end], start, end)
    return None


def _event_day(work: Work, k: int) -> date | None:
    """The day mention ``k`` is dated to: its own, else one of its event's mentions'."""
    m = work.mentions[k]
    peers = [work.mentions[j] for j in work.events[m.event].mentions] if m.event >= 0 else [m]
    for t in [m.time] + [p.time for p in peers]:
        if t is not None and t.date and len(t.date) == 10 and t.precision == "day":
            try:
                return date.fromisoformat(t.date)
            except ValueError:
                continue
    return None


def _coarsest(first: date, last: date) -> tuple[str, Precision] | None:
    """The finest calendar unit that holds every day from ``first`` to ``last``."""
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return first.isoformat()[:7], "month"
    if first.year == last.year:
        return str(first.year), "year"
    return None


def counted_from_told(work: Work, w: TimeWords, numbers: NumberReader) -> None:
    """ "Gunmen bombed a market on March 3. Two days later, police arrested two men": a time
    counted from no date of its own ("two days later", "the next day", "days later", "within
    ten days of the attacks") is anchored, as TimeML anchors it, to the act told before it
    (or the act it names: "of the attacks"), not to the report's date. The act it dates
    takes that act's day moved by the count; a vague count ("days later") gives the
    month, or the year, that holds all the days it can mean. Only for an act of another
    event that has no date of its own, and an anchor dated to the day within the two
    sentences before (or the sentence itself)."""
    order = sorted(range(len(work.mentions)), key=lambda k: work.mentions[k].trigger.i)
    for k in order:
        m = work.mentions[k]
        if m.event >= 0 and any((t := work.mentions[j].time) is not None and t.date
                                for j in work.events[m.event].mentions):
            continue  # the act has a date of its own
        spans = [Span(m.time.text, m.time.start, m.time.end)] if m.time is not None else []
        if (opener := _opener(work, m.trigger)) is not None:
            spans.append(opener)
        for span in spans:
            days = counted_days(span.text, w, numbers)
            if days is None:
                continue
            got = _anchor_day(work, k, span)
            if got is None:
                continue
            anchor, j = got
            found = _coarsest(anchor + timedelta(days=days[0]), anchor + timedelta(days=days[1]))
            if found is not None:
                m.time = Time(text=span.text, start=span.start, end=span.end, date=found[0],
                              precision=found[1], anchor="text")
                if m.derived_from < 0:
                    # counted from that act, as "N days after <clause>" is (``status``
                    # places an act counted from a background act in the background)
                    m.derived_from = j
                    work.relative_days[k] = days[1]
            break


def _anchor_day(work: Work, k: int, span: Span) -> tuple[date, int] | None:
    """The day of the act a counted time is counted from: an act the phrase names ("of the
    attacks"), else the nearest act told before the dated one, within two sentences."""
    m = work.mentions[k]
    named = [j for j, o in enumerate(work.mentions)
             if span.start <= o.trigger.idx < span.end and j != k]
    for j in named:
        if (d := _event_day(work, j)) is not None:
            return d, j
    sents = work.sent_starts
    here = bisect_right(sents, m.trigger.i) - 1
    first = sents[max(0, here - _LOOK_BACK_SENTS)]
    before = [j for j, o in enumerate(work.mentions)
              if first <= o.trigger.i < m.trigger.i
              and (o.event != m.event or m.event < 0)]
    for j in sorted(before, key=lambda j: -work.mentions[j].trigger.i):
        if (d := _event_day(work, j)) is not None:
            return d, j
    return None


def dated_nouns(work: Work) -> None:
    """ "three days after the June 3, 2019, bombing": a date written as the act noun's
    modifier (``times.noun_dated``) is that act's. After merging: the parse rarely links
    the two, and the act may be one the article also counts from its head's date ("last
    year's blast"), which must not part the mentions of one act."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for tx in work.timexes:
        if tx.kind == "relative" or not tx.time.date:
            continue
        noun = noun_dated(work, tx.span)
        m = by_token.get(noun.i) if noun is not None else None
        if m is not None and m.time is None:
            m.time = tx.time


def run_linked(work: Work, res: Resources) -> None:
    w = time_words(res)
    inherit_times(work, w)
    resolve_derived(work)
    dated_nouns(work)
    counted_from_told(work, w, res.numbers)


def run(work: Work, res: Resources) -> None:
    fill_undated(work, time_words(res))


LINKED = Stage(
    name="linked_times",
    run=run_linked,
    summary="an undated mention tied by a preposition to a dated one takes its date "
    "(\"during the mutiny in 2023\"); a full date written as an act noun's modifier dates "
    "it (\"the June 3, 2019, bombing\"); \"N days after <clause>\" dates the clause's event "
    "from the merged event it is counted from; a time counted from no date of its own "
    "(\"Two days later\", \"the next day\", \"days later\", \"within ten days of the "
    "attacks\") is anchored to the act told before it (or named in it): its day moved by "
    "the count, or the month or year that holds every day a vague count can mean (and "
    "linked to that act as \"N days after\" is)",
    reads=("article", "doc", "timexes", "mentions", "mentions.relative", "events"),
    refines=("mentions.time", "mentions.relative"),
    needs=("lexicon",),
    prepare=time_words,
)

STAGE = Stage(
    name="dates",
    run=run,
    summary="each event's date from its own mentions (a day over a year or month of it "
    "that another mention names); an asserted event with no day of its "
    "own takes a day from its own sentence, else the two before it, else the day the "
    "incident \"happened\", else the lead's day (the title and the body's first four "
    "sentences that have a verb: a dateline or a page's share buttons is none), else, for "
    "the present perfect of the body's first sentence with a verb "
    "(\"have died in an attack\"), the publication day (borrowed); a statement's or a court "
    "step's day (\"police said Thursday\") never dates an attack or arrest; a historical "
    "event takes only a day its own sentence names; a planned act the day its own sentence "
    "names that is not before the report (not a statement's day)",
    reads=("doc", "article", "published", "context.reference_date", "timexes",
           "mentions.time", "events", "events.status"),
    writes=("events.time", "events.time_borrowed"),
    needs=("lexicon",),
    prepare=time_words,
)
