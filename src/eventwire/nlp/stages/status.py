"""Status of each event, decided here and only here, from the evidence the other stages
leave: the mood of its mentions' words (negation, modals, conditionals: ``events`` and
``merge``), their dates (``times``), aggregates, and the paragraph around them.

An event dated well before publication is historical; so is an undated past event that
sits in a sentence with a historical one ("placed sanctions on him over the 2018 attack"),
an aggregate over a past period, or a standing state ("is under sanctions"). An event
dated after publication is future."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from spacy.tokens import Token

from ...model import Span, Status, Time
from ...timex.lexicon import MONTHS, WEEKDAYS
from ..resources import Resources
from ..stage import Stage
from ..work import Mention, Work, WorkEvent
from .times import TimeWords, noun_dated, time_words, to_time

# Older than this before publication, a dated event is background, not news.
RECENT = timedelta(days=10)


def _bound(value: str | None, last: bool) -> date | None:
    """The last (or first) day a date names: "2015" is 2015-12-31 (2015-01-01), "2015-06"
    2015-06-28 (2015-06-01; the 28th stands for a month's end in every month)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 12, 31) if last else date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 28 if last else 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_of(value: str | None) -> date | None:
    """The last day a date names (how old an act is: by its end)."""
    return _bound(value, last=True)


def first_day(value: str | None) -> date | None:
    """The first day a date names (whether an act is still to come: by its start)."""
    return _bound(value, last=False)


def told_as_past(t: Token, past_aux: frozenset[str]) -> bool:
    """A verb in the past tense or a perfect ("killed", "had been killed", "has died");
    ``past_aux``: the times stage's past auxiliaries (``time.past_auxiliaries``)."""
    if t.pos_ != "VERB":
        return False
    aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
    return t.tag_ == "VBD" or bool(aux & past_aux)


def is_background(t: Time, published: date | None) -> bool:
    """Dated well before publication: background, not the news."""
    d = date_of(t.end_date or t.date)
    return d is not None and published is not None and d < published - RECENT


def mention_status(m: Mention, published: date | None) -> Status:
    """What one mention says on its own: its mood, historical when its own date is
    background (the merge stage keeps mentions of different status apart)."""
    if m.mood == "asserted" and m.time is not None and is_background(m.time, published):
        return "historical"
    return m.mood


def own_time(work: Work, ev: WorkEvent) -> Time | None:
    """The event's date from its own mentions: the first with a date, else the first time.
    Without a publication date, a date the words state outright ("the June 3, 2019,
    bombing") comes before one counted from the date the article's head gives ("last
    year's blast"): that head date may be the act's own, not the day of writing."""
    times = [t for k in ev.mentions if (t := work.mentions[k].time) is not None]
    dated = [t for t in times if t.date]
    if work.published is None and work.context.reference_date is not None:
        dated.sort(key=lambda t: not _stated_outright(t, work))
    return dated[0] if dated else (times[0] if times else None)


def _stated_outright(t: Time, work: Work) -> bool:
    """Does the expression give its date with no reference date ("June 3, 2019",
    "2017"; not "last year", "Friday")?"""
    return to_time(Span(t.text, t.start, t.end), None, None, work).date is not None


def story_date(work: Work) -> date | None:
    """When the article speaks from: its publication date; else its dateline's date; else
    the latest date it states of an act done or outright (a report is written after the
    last thing it reports). Only dates before it can make an act background."""
    if work.published is not None:
        return work.published
    if work.context.reference_date is not None:
        return work.context.reference_date
    told = [d for m in work.mentions if m.mood == "asserted" and m.time is not None
            and (d := date_of(m.time.end_date or m.time.date)) is not None]
    # and the dates it states outright ("in 2019"), not those of acts it says are to come
    coming = {(m.time.start, m.time.end) for m in work.mentions
              if m.time is not None and m.mood in {"future", "hypothetical"}}
    stated = [d for tx in work.timexes if tx.kind == "DATE" and tx.time.anchor != "published"
              and (tx.span.start, tx.span.end) not in coming
              and (d := date_of(tx.time.end_date or tx.time.date)) is not None]
    return max(told + stated, default=None)


def _told_now(t: Token, past_aux: frozenset[str]) -> bool:
    """Told in the present ("police are investigating two shootings", "a wave of attacks
    is sweeping the north") or in a headline with no verb ("2 shootings in Chester"): a
    roll-up of what is going on now, not a tally of the past."""
    if t.pos_ not in {"VERB", "AUX"}:
        if t.head.i == t.i:
            return True
        if t.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            return False  # "jittery over a spate of attacks": the verb tells something else
    v = t if t.pos_ in {"VERB", "AUX"} else t.head
    aux = {c.lower_ for c in v.children if c.dep_ in {"aux", "auxpass"}}
    if aux & past_aux:
        return False
    return v.tag_ in {"VBZ", "VBP"} or (v.tag_ == "VBG" and bool(aux & {"is", "are", "am"}))


def _told_recent(t: Token, adverbs: frozenset[str], adjectives: frozenset[str]) -> bool:
    """Told as recent: "killings recently rocked the east", "have arrested dozens of
    party members in recent weeks" (on the act's word or on the verb it is the subject or
    object of)."""
    for v in {t, t.head} if t.dep_ in {"nsubj", "nsubjpass", "dobj"} else {t}:
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ in adverbs:
                return True
            if c.dep_ == "prep" and any(
                    g.dep_ == "pobj" and any(a.dep_ == "amod" and a.lower_ in adjectives
                                             for a in g.children) for g in c.children):
                return True
    return False


def _named_by_year(t: Token) -> bool:
    """An act named by its year ("the 2015 attack", "the April 15, 2013, attack", "the 1998
    embassy bombings"): a known past event the reader is reminded of, not the news."""
    return t.pos_ == "NOUN" and any(
        c.i < t.i and c.dep_ in {"nmod", "nummod", "compound", "amod"}
        and any(_YEAR.fullmatch(x.text) for x in c.subtree)
        for c in t.children
    )


def _calendar_day_only(t: Time | None) -> bool:
    """A month, or a month and day, with no year and nothing to count it from ("on 11
    October", "In March")."""
    if t is None or t.date:
        return False
    words = t.text.lower().replace(",", " ").split()
    return any(w.rstrip(".") in MONTHS for w in words) and not any(w in WEEKDAYS for w in words)


def further_off(work: Work, t: Time | None, trigger: Token, past_aux: frozenset[str]) -> bool:
    """ "Two guards were shot dead on 3 October", "In March, the editor was detained", in a
    report with no date of its own that tells its news by weekdays ("went off on Friday"): news
    writing names the weekday for a day of the week around the story and the month for
    one further off (AP style: the weekday within seven days, the month and day beyond),
    so an act told in the past and dated by its month alone is background. (It is set
    apart by its own words, as an act set back "back in April" is: the undated acts around
    it are not background for that.)"""
    if work.published is not None or work.context.reference_date is not None:
        return False
    if t is None or not _calendar_day_only(t) or not (
            trigger.pos_ == "NOUN" or told_as_past(trigger, past_aux)):
        return False
    before = work.article.text[max(0, t.start - _WEEKDAY_BEFORE):t.start].lower()
    if any(w in WEEKDAYS for w in re.findall(r"[a-z]+", before)):
        return False  # "late Saturday, March 14th": a day of this week, named in full
    return any(any(w in WEEKDAYS for w in tx.span.text.lower().replace(",", " ").split())
               and not _calendar_day_only(tx.time) for tx in work.timexes)


_WEEKDAY_BEFORE = 20  # characters: "late Saturday, " before "March 14th"


def _years_off(work: Work, t: Time | None, trigger: Token, tw: TimeWords) -> bool:
    """ "The bar was raided by police in 1969", "killed nine people in June 2015", "a
    mass shooting last year", in a report with no date of its own: a time a year or more
    back whatever the day of writing ("last year") dates background; so does a year
    (with or without its month) for an act told in the past, in a report that tells its
    news by weekdays (news names the day of its own acts, as ``further_off`` reads)."""
    if work.published is not None or work.context.reference_date is not None or t is None:
        return False
    if t.date is None:
        return t.text.lower().strip() in tw.year_back
    if t.precision not in {"year", "month"} or not re.search(r"\b\d{4}\b", t.text) or not (
            trigger.pos_ == "NOUN" or told_as_past(trigger, tw.past_aux)):
        return False
    sent = trigger.sent
    if not sent.start_char <= t.start < sent.end_char or any(
            x.lower_ in WEEKDAYS for x in sent):
        # only a year its own sentence gives it ("in 1969"), and not one that names a
        # weekday ("on Friday night", whatever year another sentence lent it)
        return False
    return any(any(w in WEEKDAYS for w in tx.span.text.lower().replace(",", " ").split())
               and not _calendar_day_only(tx.time) for tx in work.timexes)


def _named_by_date(work: Work, k: int) -> bool:
    """ "the June 3, 2019, bombing": an act named by its full date, as by its year."""
    m = work.mentions[k]
    if m.time is None:
        return False
    noun = noun_dated(work, Span(m.time.text, m.time.start, m.time.end))
    return noun is not None and noun.i == m.trigger.i


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _paragraph(work: Work, offset: int) -> int:
    """Index of the blank-line paragraph holding ``offset`` (background comes in blocks)."""
    return work.article.text.count("\n\n", 0, offset)


def _lead_news(work: Work, t: Token, now: date | None) -> bool:
    """Is the roll-up ``t`` told in a sentence that names no time but recent days ("Two bombs
    went off near the embassy, killing 12"; not "five shootings this year", "since
    January", "On July 21, 1972, the group set off 22 bombs")?"""
    sent = t.sent
    for tx in work.timexes:
        if not sent.start_char <= tx.span.start < sent.end_char:
            continue
        d = date_of(tx.time.date)
        if tx.time.precision not in {"day", "time"} or d is None or (
                now is not None and d < now - RECENT):
            return False
    return True


def run(work: Work, res: Resources) -> None:
    pub = work.published
    tw = time_words(res)
    past_aux = tw.past_aux
    now = story_date(work)
    timed = {id(ev): own_time(work, ev) for ev in work.events}
    # no publication date: the text's own words must say what is past (a date in its head
    # may be the very act's: "the April 15, 2013, attack")
    undated = pub is None
    far: set[int] = set()  # background by a month alone: no background for its paragraph
    lead_end = work.lead_end  # the headline and the body's first sentence
    for ev in work.events:
        ev.status = ev.mood
        if ev.status in {"negated", "hypothetical"}:
            continue
        main = work.mentions[ev.main]
        time = timed[id(ev)]
        d = date_of(time.end_date or time.date) if time else None
        if d is not None and now is not None and d < now - RECENT:
            ev.status = "historical"
        elif (first := first_day(time.date if time else None)) is not None and (
            pub is not None and first > pub + timedelta(days=1)
            and ev.status == "asserted" and not told_as_past(main.trigger, past_aux)
        ):
            # a period that holds the publication day ("so far this year") is no future,
            # nor is what a past tense tells ("had been killed by the end of the year")
            ev.status = "future"
        # (a headline tells the news in the present, whatever the tagger reads: "Two
        # bombings hit Kabul")
        # (a roll-up dated to a day or a week of the story is its news: "two bombs went off
        # near a base on Monday", "15 attacks over the weekend")
        # (a roll-up the lead tells is the news: "Two bombs went off near the embassy,
        # killing 12", unless the lead names a time other than recent days)
        if ev.aggregate and ev.status == "asserted" and not _told_now(main.trigger, past_aux) \
                and (main.trigger.i >= lead_end or not _lead_news(work, main.trigger, now)) \
                and not (
                    d is not None and time is not None and time.precision in {"day", "week"}
                ) and not (
                    _told_recent(main.trigger, tw.recency_adverbs, tw.recency_adjectives)):
            ev.status = "historical"
        if ev.status == "asserted" and undated and any(
                _named_by_year(work.mentions[k].trigger) or _named_by_date(work, k)
                for k in ev.mentions):
            ev.status = "historical"
        if ev.status == "asserted" and ev.set_back:
            ev.status = "historical"  # "a police shooting back in April": background
        if ev.status == "asserted" and (further_off(work, time, main.trigger, past_aux)
                                        or _years_off(work, time, main.trigger, tw)):
            ev.status = "historical"
            far.add(id(ev))
        if main.trigger.head.lower_ == "under" and main.trigger.head.head.lemma_ == "be":
            ev.status = "historical"
        if time and time.precision == "range" and time.date and pub and ev.status == "asserted":
            ev.status = "historical"
    _counted_from_background(work, timed)
    # undated past events next to a historical event in the same sentence. Indexed once
    # (issue 15: each event against every other event's mentions, and a count of blank
    # lines from the top of the text for each, made long texts cubic): the paragraphs
    # holding a dated mention of a historical event, and the sentences near which a
    # historical event is told (by buckets of _NEAR_SENT tokens; an event this loop makes
    # historical joins them for the events after it).
    breaks = [m.end() for m in _BLANK_LINE.finditer(work.article.text)]

    def paragraph(offset: int) -> int:  # == _paragraph(work, offset)
        return bisect_right(breaks, offset)

    dated_in: dict[int, set[int]] = {}  # paragraph -> historical events dated there
    near: dict[int, list[tuple[int, int]]] = {}  # bucket -> (sentence start, event)

    def told_near(e: int, ev: WorkEvent) -> None:
        for k in ev.mentions:
            start = work.sent_start(work.mentions[k].trigger.i)
            near.setdefault(start // _NEAR_SENT, []).append((start, e))

    for e, o in enumerate(work.events):
        # an act set back from the story's time ("a shooting back in April") is set apart
        # by its own words: the acts told around it are not background for that
        if o.status == "historical" and not o.set_back and id(o) not in far:
            for k in o.mentions:
                if work.mentions[k].time is not None:
                    dated_in.setdefault(paragraph(work.mentions[k].trigger.idx), set()).add(e)
            told_near(e, o)
    # the act a report leads with (its headline or first sentence) is its news, never its
    # background, whatever else its paragraph tells
    lead_end = work.lead_end
    for e, ev in enumerate(work.events):
        if ev.status != "asserted" or timed[id(ev)] is not None or any(
                work.mentions[k].trigger.i < lead_end for k in ev.mentions):
            continue
        main = work.mentions[ev.main]
        others = dated_in.get(paragraph(main.trigger.idx), set()) - {e}
        past = main.trigger.tag_ in {"VBD", "VBN"} or main.trigger.pos_ == "NOUN"
        here = work.sent_start(main.trigger.i)
        if (others and past) or (
            main.hedged
            and main.trigger.pos_ == "VERB"
            and any(
                o != e and abs(start - here) < _NEAR_SENT
                for b in (here // _NEAR_SENT - 1, here // _NEAR_SENT, here // _NEAR_SENT + 1)
                for start, o in near.get(b, ())
            )
        ):
            ev.status = "historical"
            told_near(e, ev)


def _counted_from_background(work: Work, timed: dict[int, Time | None]) -> None:
    """ "the suspect died in a shootout with troops two days after the blast": an act
    whose only date is counted a few days from another act's (TimeML anchors it to that
    expression, not to the report's time) belongs to that act's part of the story: when
    the act it is counted from is background, so is it. Only counts within ``RECENT``
    ("ten years after the bombing" may reach the news), and only for the act whose date
    the count gave (an act with a date of its own is placed by it)."""
    for k, days in work.relative_days.items():
        if abs(days) > RECENT.days:
            continue
        a, b = work.mentions[k], work.mentions[work.mentions[k].derived_from]
        if a.event < 0 or b.event < 0 or a.event == b.event:
            continue
        for m, o in ((a, b), (b, a)):
            ev, other = work.events[m.event], work.events[o.event]
            t = timed[id(ev)]
            counted = m.time is not None and t is not None and t.start == m.time.start
            if counted and ev.status == "asserted" and other.status == "historical":
                ev.status = "historical"


_NEAR_SENT = 80  # tokens between sentence starts
_BLANK_LINE = re.compile("\n\n")


STAGE = Stage(
    name="status",
    run=run,
    summary="the one place status is decided: the mentions' mood; dated more than ten days "
    "before publication (or, undated, before the latest act the article tells) → "
    "historical; an act set back from the story's time (\"back in April\": merge) → "
    "historical; undated past events in a paragraph with a dated historical one (not one "
    "set back by its own words) → historical, except the act the report leads with "
    "(headline or first sentence); aggregates not told in the present (\"police are "
    "investigating two shootings\" stays asserted; a headline tells the present) and "
    "standing states (\"is under sanctions\") → historical; without a publication date, an "
    "act named by its year (\"the 2015 attack\", \"the June 3, 2019, bombing\") → "
    "historical, and one dated by its month alone (\"shot dead on 3 October\") in a report "
    "that names its news by weekdays → historical; an act dated only by a count of days "
    "from a background act "
    "(\"a shootout two days after the 2013 bombing\") → historical; dated after publication "
    "→ future",
    reads=("article", "published", "context.reference_date", "mentions.time",
           "mentions.relative", "events"),
    writes=("events.status",),
    needs=("lexicon",),
    prepare=time_words,
)
