"""Time of each mention: find temporal expressions once per article, normalise them
against the reference date, and attach each to the event mention whose clause holds it.

"a day after <clause>" ties two events: the event in the clause is dated from the other
one ("the shooting ... coming a day after the delegations met" dates the meeting); the
link is kept here and resolved once events exist (``dates``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Token

from ...lexicon import LexiconError
from ...model import ANCHORS, PRECISIONS, Span, Time
from ...numbers import NumberReader
from ...timex import Normalised, Reading, normalise, read_timexes
from ...timex.lexicon import WEEKDAYS
from ..resources import Resources
from ..spans import span_text
from ..stage import Stage
from ..work import Mention, Timex, Work


class TimeWords:
    """The words the times and dates stages read tense and time links with, once per
    lexicon (``Resources.memo``)."""

    def __init__(self, res: Resources) -> None:
        lex = res.lexicon
        w = lex.words
        self.future_aux = w("events.future_auxiliaries")
        self.intent_heads = w("events.intent_heads")
        self.past_aux = w("time.past_auxiliaries")
        self.year_back = w("time.year_back_phrases")
        self.prospective_to = w("time.prospective_to")
        self.schedule_heads = w("time.schedule_heads")
        self.scheduled_present = w("time.scheduled_present")
        self.relative_signals = w("time.relative_signals")
        self.period_starts = w("time.period_starts")
        self.units: Mapping[str, int] = lex.mapping("time.duration_units")
        self.directions: Mapping[str, int] = lex.mapping("time.relative_directions")
        self.calendar_units: Mapping[str, int] = lex.mapping("time.calendar_units")
        for name, table in (("duration_units", self.units),
                            ("relative_directions", self.directions),
                            ("calendar_units", self.calendar_units)):
            if not all(isinstance(v, int) for v in table.values()):
                raise LexiconError(f"lexicon 'time.{name}': values must be whole numbers")
        self.link_preps = w("time.link_prepositions")
        self.happen_verbs = w("time.happen_verbs")
        self.recency_adverbs = w("time.recency_adverbs")
        self.recency_adjectives = w("time.recency_adjectives")
        self.take_place = tuple(tuple(p.split()) for p in lex.phrases("time.take_place"))
        self.incident_words = w("time.incident_words")
        self.statement_verbs = w("time.statement_verbs")
        self.court_verbs = w("time.court_verbs")
        self.court_places = w("time.court_places")
        self.appearance_verbs = w("time.appearance_verbs")
        # the light verbs and the verbs of occurrence: neither names an act of its own
        self.light_verbs = w("events.light_verbs") | w("events.occurrence_verbs")
        self.time_heads = w("time.time_heads")
        self.anaphoric_later = w("time.anaphoric_later")
        self.next_day_words = w("time.next_day_words")
        self.next_day_units = w("time.next_day_units")
        self.within_words = w("time.within_words")
        vague = lex.mapping("time.vague_counts")
        if not all(isinstance(v, (list, tuple)) and len(v) == 2
                   and all(isinstance(x, int) for x in v) for v in vague.values()):
            raise LexiconError("lexicon 'time.vague_counts': values must be [fewest, most]")
        self.vague_counts: Mapping[str, tuple[int, int]] = {
            k: (v[0], v[1]) for k, v in vague.items()}


def time_words(res: Resources) -> TimeWords:
    return res.memo("times.words", lambda: TimeWords(res))


def _tense(t: Token, w: TimeWords, mood: str = "asserted") -> str | None:
    if mood == "future":
        return "future"  # "has called a general strike on Thursday": the coming Thursday
    aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
    if aux & w.future_aux:
        return "future"
    if t.dep_ == "xcomp" and t.head.lemma_.lower() in w.intent_heads:
        return "future"  # "protesters plan to march on Friday": the coming Friday
    if t.dep_ in {"xcomp", "acl"} and _prospective(t.head, w):
        return "future"  # "agreed to meet on Friday", "are expected to resume Monday"
    if t.tag_ in {"VBD", "VBN"} or aux & w.past_aux:
        return "past"
    if (t.tag_ in {"VBZ", "VBP"} and not aux and t.lower_ in w.scheduled_present
            and not _headline(t)):
        # "the ministers meet Monday": news tells a scheduled event in the simple present
        # (a headline tells what has happened so: "Gunmen open fire on market Saturday")
        return "future"
    if t.pos_ == "NOUN" and t.dep_ in {"dobj", "nsubjpass"} and t.head.pos_ == "VERB":
        # "imposed travel bans on 12 officials on Monday": an act noun is told in the
        # tense of the verb it is the object of (the past Monday)
        return _tense(t.head, w)
    return None


_SENTENCE_CLOSE = re.compile(r"[.!?][\"')\]\u201d\u2019]*\s*$")


def _headline(t: Token) -> bool:
    """Is ``t`` in a headline (a sentence that ends without a full stop)?"""
    return _SENTENCE_CLOSE.search(span_text(t.sent)) is None


def _prospective(head: Token, w: TimeWords) -> bool:
    """Is ``head`` a word whose infinitive tells an act ahead of it ("agreed to", "a plan
    to", "is scheduled to"; not "had been scheduled to", a plan already past)?"""
    if head.lower_ in w.prospective_to or head.lemma_.lower() in w.prospective_to:
        return True
    return head.lemma_.lower() in w.schedule_heads and not any(
        c.lower_ == "had" for c in head.children if c.dep_ in {"aux", "auxpass"})


def find(work: Work, res: Resources) -> None:
    """Every time expression of the article, read in context against the reference date
    (as ``eventwire.timex`` is scored: the sentence's tense, "that day" after the day the
    story named, a clock time on the day its sentence names)."""
    w = time_words(res)
    anchor = work.context.reference_date
    text = work.article.text
    # what each word may begin is read once per pipeline, not once per article
    words: dict[Any, Any] = res.memo("times.timex_words", dict)
    for reading in read_timexes(text, anchor, words):
        tx = reading.span
        span = Span(tx.text, tx.start, tx.end)
        if tx.type == "DURATION":
            # "a day after": TimeML marks the duration; the signal word follows it
            # (a signal that ends the sentence keeps its stop: "a year before.")
            follow = [x.rstrip(".,;:!?") for x in text[tx.end : tx.end + 8].split()]
            if follow and follow[0].lower() in w.relative_signals:
                end = tx.end + text[tx.end :].index(follow[0]) + len(follow[0])
                span = Span(text[tx.start : end], tx.start, end)
                work.timexes.append(Timex(span, Time(span.text, span.start, span.end),
                                          "relative"))
                continue
        time = (to_time(span, anchor, None, work) if _counted_by_dates(reading, w, res)
                else _as_time(span, reading.value, work))
        if tx.type in {"DATE", "TIME"} or time.date is not None:
            work.timexes.append(Timex(span, time, tx.type, reading.tensed))


def _counted_by_dates(reading: Reading, w: TimeWords, res: Resources) -> bool:
    """Is this a time the records read as ``dates`` does, not as the story gives it? "two
    days later" with no time named before it (TimeML reads it against the publication
    date), and any time counted from the act told before it ("the following day", "two
    days later"): ``dates`` counts it from that act's day, which is not always the last
    time the text named ("On Dec. 3 a man was shot nearby. The following day ..." told as
    background to the report's own shooting)."""
    if reading.basis == "anchor":
        # a stretch that counts nothing ("earlier in the week" first in a report) keeps
        # TimeML's reading against the publication date: nothing else dates it; a part of
        # a day ("overnight") takes the day the report's lead gives
        # (the precisions from a week to a year: the model's order, day first)
        return reading.value.precision not in PRECISIONS[1:5] or counted_days(
            reading.span.text, w, res.numbers) is not None
    return reading.basis == "story" and counted_days(reading.span.text, w, res.numbers) is not None


def to_time(span: Span, anchor: date | None, tense: str | None, work: Work | None = None) -> Time:
    """The expression's words alone, read against ``anchor`` with ``tense``."""
    if work is None:
        return _as_time(span, normalise(span.text, anchor, tense_hint=tense), None)
    # the same words read against the same date and tense give the same value: the times
    # and dates stages read one expression more than once (kept for the article)
    key = (span.text, anchor, tense)
    n = work.time_readings.get(key)
    if n is None:
        n = work.time_readings[key] = normalise(span.text, anchor, tense_hint=tense)
    return _as_time(span, n, work)


def _as_time(span: Span, n: Normalised, work: Work | None) -> Time:
    how = n.anchor
    if how == "published" and work is not None and work.published is None:
        how = "text"  # resolved against the dateline's own date
    return Time(
        text=span.text,
        start=span.start,
        end=span.end,
        date=n.date,
        end_date=n.end_date,
        precision=next((p for p in PRECISIONS if p == n.precision), "unknown"),
        anchor=next((a for a in ANCHORS if a == how), "none"),
    )


def counted_days(text: str, w: TimeWords, numbers: NumberReader) -> tuple[int, int] | None:
    """The days after the act told before that an anaphoric time covers, [fewest, most]:
    "two days later" (2, 2), "the next day" (1, 1), "days later" (2, 10), "within ten days
    of the attacks" (0, 10); None for anything else."""
    words = [x for x in re.split(r"[\s,]+", text.lower()) if x]
    if len(words) >= 2 and words[-1] in w.anaphoric_later and words[-2] in w.units:
        unit, count = words[-2], words[:-2]
        if not count:
            return w.vague_counts.get(unit)
        n = numbers.read_int(" ".join(count))
        return (n * w.units[unit],) * 2 if n is not None else None
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) == 2 and words[0] in w.next_day_words and words[1] in w.next_day_units:
        return (1, 1)
    if words and words[0] in w.within_words and "of" in words:
        k = words.index("of")
        if k >= 3 and words[k - 1] in w.units:
            n = numbers.read_int(" ".join(words[1:k - 1]))
            if n is not None:
                return (0, n * w.units[words[k - 1]])
    return None


def tokens_of(work: Work, span: Span) -> list[Token]:
    s = work.doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(s) if s is not None else []


def attached_to(tokens: list[Token], trigger: Token, light_verbs: frozenset[str]) -> bool:
    """Does the expression hang off the trigger (not off another verb on the way)?"""
    # "Last year the army carried out an exercise": a light verb names no act of its own,
    # so the time it carries is its object's
    light = trigger.pos_ == "NOUN" and (
        (trigger.dep_ in {"dobj", "nsubjpass", "nsubj"}
         and trigger.head.lemma_.lower() in light_verbs)
        # "There was an explosion at the market on Friday": the existential "be" tells
        # only that the act was
        or (trigger.dep_ == "attr" and trigger.head.lemma_ == "be"
            and any(c.dep_ == "expl" for c in trigger.head.children)))
    for t in tokens:
        cur = t
        for _ in range(6):
            if cur.i == trigger.i or (light and cur.i == trigger.head.i):
                return True
            if cur.head.i == cur.i:
                break
            if cur.i != t.i and cur.pos_ in {"VERB", "AUX"}:
                break
            cur = cur.head
    return False


def _in_dateline(work: Work, span: Span) -> bool:
    """ "LAGOS, Sept 14 — Gunmen shot ...": the dateline's date is the day the report was
    filed, not the day of the act the parser may hang it on."""
    place = work.context.dateline_place
    return place is not None and place.start <= span.start and (
        span.end <= work.context.dateline_end)


def names_a_kind(toks: list[Token], w: TimeWords, triggers: set[int]) -> bool:
    """A holiday's name modifying a noun that is neither a time nor an act ("the
    Christmas market", "an Easter fair") says what kind of thing it is, not when anything
    happened ("an attack on the Christmas market" on a Tuesday). A year or a weekday
    there still dates ("the 2015 election", "during Friday prayers"), and so does a
    holiday on a time noun or on the act ("Christmas Day", "the Christmas attack")."""
    if len(toks) != 1:
        return False
    t = toks[0]
    head = t.head
    return (
        t.dep_ in {"compound", "nmod", "amod"} and head.pos_ in {"NOUN", "PROPN"}
        and head.i != t.i and not t.like_num and t.lower_ not in WEEKDAYS
        and head.lemma_.lower() not in w.time_heads and head.i not in triggers
    )


def attach(work: Work, res: Resources) -> None:
    w = time_words(res)
    by_sent = work.mentions_by_sentence()  # (issue 15: no walk over all mentions per timex)
    triggers = {m.trigger.i for m in work.mentions}
    for tx in work.timexes:
        span = tx.span
        toks = tokens_of(work, span)
        if not toks or tx.kind == "relative" or _period_start(toks, w) or names_a_kind(
                toks, w, triggers) or _in_dateline(work, span):
            continue
        if _after_saying(toks, w):
            continue
        named = _acts_it_modifies(toks, triggers)
        for k in by_sent.get(work.sent_start(toks[0].i), ()):
            m = work.mentions[k]
            if m.time is not None:
                continue
            if named and m.trigger.i not in named:
                continue  # "arrested a suspect in the May 2 shooting death": the shooting's
            if (named and m.trigger.i in named) or attached_to(toks, m.trigger, w.light_verbs):
                # the tense of the verb the expression dates, from the parse, before the
                # sentence's cue words; a value that does not rest on a tense is kept as the
                # text gave it ("later that day", "at 9 p.m." after "on Saturday")
                tense = _tense(m.trigger, w, m.mood) if tx.tensed else None
                m.time = (tx.time if tense is None
                          else to_time(span, work.context.reference_date, tense, work))
    _when_clauses(work)
    _relative_links(work, res)
    _leftover_years(work, w)
    _subject_acts(work)
    _described_acts(work)
    _result_clauses(work)


def _after_saying(toks: list[Token], w: TimeWords) -> bool:
    """ "Washington said on Tuesday it would impose sanctions next month": a day right after
    a verb of saying in the simple past is the day of the saying, whatever the parse hangs
    it on (here the clause's verb); it dates no act the saying reports."""
    doc = toks[0].doc
    i = toks[0].i - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    return i >= 0 and doc[i].tag_ == "VBD" and doc[i].lemma_.lower() in w.statement_verbs


def _acts_it_modifies(toks: list[Token], triggers: set[int]) -> set[int]:
    """ "the May 2 shooting death": a date written between a determiner and an act noun is
    that noun's modifier; it dates that act, not a verb the phrase hangs off ("arrested a
    suspect in the May 2 shooting death"). Read on the surface: the parse breaks such
    phrases ("May" a compound of "2", "shooting" a verb)."""
    first, last = toks[0], toks[-1]
    doc = last.doc
    if (first.i > 0 and doc[first.i - 1].pos_ == "DET" and last.i + 1 < len(doc)
            and last.i + 1 in triggers and doc[last.i + 1].sent.start == last.sent.start):
        return {last.i + 1}
    return set()


def _subject_acts(work: Work) -> None:
    """ "A similar attack on a hotel last year killed 15 people": an act noun that is the
    subject of an act's verb is that act, at its time."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for m in work.mentions:
        t = m.trigger
        if m.time is None and t.pos_ == "NOUN" and t.dep_ in {"nsubj", "nsubjpass"} and (
                (verb := by_token.get(t.head.i)) is not None and verb.time is not None):
            m.time = verb.time


def _when_clauses(work: Work) -> None:
    """ "the deadliest since 2019, when a bomber killed 40": a "when" clause on a time
    expression tells what happened then, so the acts in it have that time (even where the
    expression itself only opens a period for the sentence's own act). So does one on a
    noun the expression dates ("since last year's election, when dozens were killed", "the
    2019 vote, when ...")."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for tx in work.timexes:
        if tx.kind not in {"DATE", "TIME"} or tx.time.date is None:
            continue
        toks = tokens_of(work, tx.span)
        heads = list(toks) + [t.head for t in toks if t.dep_ in {"poss", "compound", "nummod"}
                              and not tx.span.start <= t.head.idx < tx.span.end]
        for t in heads:
            for clause in t.children:
                if clause.dep_ != "relcl" or not any(
                        c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
                    continue
                for x in clause.subtree:
                    m = by_token.get(x.i)
                    if m is not None and m.time is None:
                        m.time = tx.time


# a date set off by commas before a noun ("the June 3, 2019, bombing"): the year its last
# word, the noun at most this many words after the comma
_YEAR_WORD = re.compile(r"\d{4}")
_NOUN_AFTER_DATE = 4


def noun_dated(work: Work, span: Span) -> Token | None:
    """ "the June 3, 2019, bombing", "the Jan. 6, 2021, attack on the Capitol": a full
    date used as a noun's modifier is written with a comma after its year (American
    style). The noun it names, whatever the parse made of them: one after that comma
    with only nouns and adjectives between ("the May 3, 2019, bus station bombing"),
    when a determiner opens the phrase or nothing follows the noun but punctuation
    ("days after June 3, 2019, bombing, two men ..."). Not the subject of a clause
    the date opens ("On May 3, 2019, bombs exploded": the date dates the verb)."""
    words = span.text.split()
    if not words or not _YEAR_WORD.fullmatch(words[-1]):
        return None
    toks = tokens_of(work, span)
    doc = work.doc
    if not toks or toks[-1].i + 2 >= len(doc) or doc[toks[-1].i + 1].text != ",":
        return None
    det = toks[0].i > 0 and doc[toks[0].i - 1].pos_ == "DET"
    for t in doc[toks[-1].i + 2: toks[-1].i + 2 + _NOUN_AFTER_DATE]:
        if t.sent.start != toks[0].sent.start or t.pos_ not in {"ADJ", "NOUN", "PROPN"}:
            return None
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t.pos_ == "NOUN" and (after is None or after.pos_ != "NOUN"):
            # the last noun of the phrase: its head
            return t if det or after is None or after.is_punct else None
    return None


def _period_start(toks: list[Token], w: TimeWords) -> bool:
    """ "since 2015": the expression opens a period; it dates no act ("since last year's
    bombing" does: the possessive dates the noun, and "since" takes the noun)."""
    first = toks[0]
    ids = {t.i for t in toks}
    if any(t.dep_ == "poss" and t.head.i not in ids for t in toks):
        return False
    return first.i > 0 and first.doc[first.i - 1].lower_ in w.period_starts


def _described_acts(work: Work) -> None:
    """ "the 2013 attack, which killed three people": a clause that describes an act named
    by a noun tells of that act, and has its time."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for m in work.mentions:
        t = m.trigger
        if m.time is not None or t.pos_ != "VERB" or t.dep_ not in {"relcl", "acl"}:
            continue
        named = by_token.get(t.head.i)
        if named is not None and named.time is not None and named.category == m.category:
            m.time = named.time


def _result_clauses(work: Work) -> None:
    """ "The rebels attacked the town last year, killing five soldiers": a participle
    clause with no subject of its own tells the result of the act it hangs off, at that
    act's time."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for m in work.mentions:
        t = m.trigger
        if (
            m.time is not None
            or t.tag_ != "VBG"
            or t.dep_ != "advcl"
            or any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in t.children)
        ):
            continue
        act = by_token.get(t.head.i)
        if act is not None and act.time is not None:
            m.time = act.time


def _leftover_years(work: Work, w: TimeWords) -> None:
    """A year or month no trigger claimed ("the invasion of Kuwait in 1990")
    goes to the nearest undated noun trigger in its sentence."""
    used = {(m.time.start, m.time.end) for m in work.mentions if m.time is not None}
    by_sent = work.mentions_by_sentence()
    for span, _time, _kind, _tensed in work.timexes:
        if (span.start, span.end) in used:
            continue
        toks = tokens_of(work, span)
        if not toks or _period_start(toks, w):
            continue
        t = to_time(span, work.context.reference_date, "past", work)
        if t.precision not in {"year", "month", "season"}:
            continue
        near = [
            m
            for m in (work.mentions[k] for k in by_sent.get(work.sent_start(toks[0].i), ()))
            if m.time is None
            and m.trigger.pos_ == "NOUN"
            and abs(m.trigger.i - toks[0].i) <= 6
        ]
        if near:
            m = min(near, key=lambda m: abs(m.trigger.i - toks[0].i))
            m.time = t


def _relative_links(work: Work, res: Resources) -> None:
    """ "N days after <clause>": date the clause's event from the sentence's other event."""
    w = time_words(res)
    by_sent: dict[int, list[int]] | None = None
    for span, _time, kind, _tensed in work.timexes:
        words = span.text.lower().split()
        if (
            kind != "relative"
            or len(words) < 3
            or words[-1] not in w.directions
            or (words[-2] not in w.units and words[-2] not in w.calendar_units)
        ):
            continue
        n = res.numbers.read_int(words[-3])
        if n is None:
            continue
        months = w.calendar_units.get(words[-2], 0) * n
        days = n * w.units.get(words[-2], 0)
        toks = tokens_of(work, span)
        prep = next((t for t in toks if t.lower_ in w.directions), None)
        if prep is None:
            continue
        governed = prep.head if prep.dep_ == "mark" else prep
        sub = {x.i for x in governed.subtree}
        # a subtree never leaves its sentence: both lists are of the sentence's mentions
        by_sent = work.mentions_by_sentence() if by_sent is None else by_sent
        here = by_sent.get(work.sent_start(prep.i), [])
        inner = [k for k in here if work.mentions[k].trigger.i in sub]
        outer = [k for k in here if work.mentions[k].trigger.i not in sub]
        sign = w.directions[words[-1]]
        if outer and not inner:
            # "Two weeks after the election on April 20, the army detained ...": the date
            # inside the complement is the complement's; the act is the count away from it
            _from_complement_date(work, [work.mentions[k] for k in outer], sub, span,
                                  -sign * days, -sign * months)
            continue
        if inner and outer and (told := _complement_date(work, sub)) is not None:
            # "Three days after the massacre on 12 May 2025, troops arrested ...": the date
            # inside the complement is the massacre's; the arrest is the count away from it
            for k in inner:
                had = work.mentions[k].time
                if had is None or not had.date:
                    work.mentions[k].time = told.time
            _from_complement_date(work, [work.mentions[k] for k in outer], sub, span,
                                  -sign * days, -sign * months, told)
            continue
        if months:
            # "came 20 years after soldiers killed 14 protesters": a count of years or
            # months gives the clause's act the year or the month, not a day
            if inner and outer:
                origin = work.mentions[outer[0]].time
                if origin is None and sign < 0 and work.mentions[outer[0]].mood == "asserted":
                    # the act told undated is the news, at the report's time as the dates
                    # stage will place it: what came years before it is that far back
                    origin = _report_day(work, span)
                _months_from(work, [work.mentions[k] for k in inner], origin, span,
                             sign * months)
                # "the attack came two years after a similar bombing killed 30": an act
                # months or years from another is not that act, dated or not (no day is
                # counted, so nothing is added to ``relative_days``)
                for k in inner:
                    if work.mentions[k].derived_from < 0:
                        work.mentions[k].derived_from = outer[0]
            elif inner and (origin := _present_clause_day(work, governed, span)
                            or _clause_day(work, governed.head, sub)) is not None:
                # counted back from the time a present clause is told at ("A decade after
                # the massacre, survivors still wait"), else from the day the governing
                # clause is dated by ("Two years after the bombing, the mosque reopened on
                # Friday")
                _months_from(work, [work.mentions[k] for k in inner
                                    if work.mentions[k].time is None], origin, span,
                             sign * months)
            continue
        if inner and not outer:
            # "the school reopened on Saturday, three weeks after a bombing killed 53": the
            # clause's acts are that far from the day the governing verb is dated by; "A
            # week after the massacre, residents are still burying their dead": from the
            # day a present clause is told at (for acts with no time of their own)
            acts = [work.mentions[k] for k in inner]
            dated_by = _clause_day(work, governed.head, sub)
            if dated_by is None:
                dated_by = _present_clause_day(work, governed, span)
                acts = [m for m in acts if m.time is None]
            _from_clause_day(acts, dated_by, span, sign * days)
            continue
        if not inner or not outer:
            continue
        inner_m = work.mentions[inner[0]]
        # the clause event happened N days before (after -> minus) the outer event
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


def _present_clause_day(work: Work, governed: Token, span: Span) -> Time | None:
    """The publication day, when the clause a count hangs on is told in the simple
    present ("A decade after the massacre, survivors still wait"); else None."""
    verb = governed
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    # (or a present auxiliary: "residents are still burying their dead")
    if verb.tag_ not in {"VBP", "VBZ"} and not any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBP", "VBZ"} for c in verb.children):
        return None
    return _report_day(work, span)


def _report_day(work: Work, span: Span) -> Time | None:
    """The report's own day (its reference date), read from the words ``span``."""
    ref = work.context.reference_date
    if ref is None:
        return None
    return Time(text=span.text, start=span.start, end=span.end, date=ref.isoformat(),
                precision="day", anchor="text")


def _shifted(t: Time, days: int, months: int, span: Span) -> Time | None:
    """``t``'s date moved by a count: days from a day give a day, months from a month or a
    day give the month, years (twelve months) from any date give the year."""
    if not t.date:
        return None
    d = t.date
    if days and len(d) == 10:
        day = date.fromisoformat(d) + timedelta(days=days)
        return Time(text=span.text, start=span.start, end=span.end, date=day.isoformat(),
                    precision="day", anchor="text")
    if months and months % 12 == 0 and len(d) >= 4 and d[:4].isdigit():
        return Time(text=span.text, start=span.start, end=span.end,
                    date=str(int(d[:4]) + months // 12), precision="year", anchor="text")
    if months and len(d) >= 7 and d[:4].isdigit() and d[5:7].isdigit():
        k = int(d[:4]) * 12 + int(d[5:7]) - 1 + months
        return Time(text=span.text, start=span.start, end=span.end,
                    date=f"{k // 12:04d}-{k % 12 + 1:02d}", precision="month", anchor="text")
    return None


def _months_from(work: Work, acts: list[Mention], other: Time | None, span: Span,
                 months: int) -> None:
    """Date ``acts`` ``months`` from the date of the act they are counted from."""
    if other is None or (moved := _shifted(other, 0, months, span)) is None:
        return
    for m in acts:
        m.time = moved


def _complement_date(work: Work, sub: set[int]) -> Timex | None:
    """The first dated expression inside a relative signal's complement."""
    for tx in work.timexes:
        toks = tokens_of(work, tx.span)
        if tx.kind in {"DATE", "TIME"} and tx.time.date and toks and all(
                t.i in sub for t in toks):
            return tx
    return None


def _from_complement_date(work: Work, acts: list[Mention], sub: set[int], span: Span,
                          days: int, months: int, tx: Timex | None = None) -> None:
    """"Two weeks after the election on April 20": the act outside the complement is dated
    by the complement's own date moved by the count (never by that date itself)."""
    tx = tx if tx is not None else _complement_date(work, sub)
    if tx is None:
        return
    moved = _shifted(tx.time, days, months, span)
    if moved is None:
        return
    if tx.kind != "relative" and (noun := noun_dated(work, tx.span)) is not None and any(
            m.trigger.i == noun.i for m in acts):
        return  # "three days after the June 3, 2019, bombing": the date is the act's
    for m in acts:
        if m.time is None or not m.time.date or (
                tx.span.start <= m.time.start < tx.span.end):
            m.time = moved


def _from_clause_day(acts: list[Mention], told: Time | None, span: Span, offset: int) -> None:
    """Date ``acts`` ``offset`` days from ``told``, the calendar day their governing
    clause is dated by ("reopened on Saturday") or told at, when there is one."""
    if told is None or (moved := _shifted(told, offset, 0, span)) is None:
        return
    for m in acts:
        m.time = moved


def _clause_day(work: Work, verb: Token, sub: set[int]) -> Time | None:
    """The calendar day a day expression on ``verb`` or its preposition dates it by
    ("reopened on Saturday"), outside the tokens ``sub``; else None."""
    for tx in work.timexes:
        toks = tokens_of(work, tx.span)
        if (tx.kind != "DATE" or not toks or tx.time.date is None or len(tx.time.date) != 10
                or toks[0].i in sub or toks[0].sent.start != verb.sent.start):
            continue
        head = toks[-1].head
        if head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i):
            return tx.time
    return None


def run(work: Work, res: Resources) -> None:
    find(work, res)
    attach(work, res)


STAGE = Stage(
    name="times",
    run=run,
    summary="time expressions (`eventwire.timex`: a regex grammar of TIMEX3 kinds, numbers "
    "read by `eventwire.numbers`, named days from `lexicon/en/time.toml`, tense cues from the "
    "sentence) read in context against the reference date (\"later that day\" and a clock "
    "time on the day the text named) and attached to the trigger whose clause holds them, "
    "the trigger's own tense first (not a dateline's date, nor a holiday naming a kind of "
    "thing: \"the Christmas market\"); a \"when\" clause on a date takes that date (\"since "
    "2019, when a bomber killed 40\"); a date written before an act noun dates that act, not "
    "the verb its phrase hangs off (\"arrested a suspect in the May 2 shooting\"); \"N days "
    "after <clause>\" links the clause's event to the sentence's other event, a date inside "
    "the complement dating the complement and the other act the count away from it; a count "
    "of years or months gives the year or month (and makes the clause's act another act, "
    "counted back from the report's day when the other is undated news); a count of days "
    "from a present clause counts back from the report's day",
    reads=("article", "doc", "published", "context.reference_date",
           "context.dateline_place", "context.dateline_end", "mentions"),
    writes=("timexes", "mentions.time", "mentions.relative"),
    needs=("numbers", "lexicon"),
    prepare=time_words,
)


