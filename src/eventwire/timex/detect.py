"""Find temporal expressions in running text and normalise them in context."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.timex import dates as D
from eventwire.timex.anchors import scan
from eventwire.timex.lexicon import PROSPECTIVE, SCHEDULED_PRESENT
from eventwire.timex.normalise import Normalised, from_resolved
from eventwire.timex.prefilter import may_match, required
from eventwire.timex.rules import HEADS, RULES, Rule, resolve_match, timex_type
from eventwire.timex.story import granularity, is_reference, resolve_in_story, shift


@dataclass(frozen=True, slots=True)
class TimexSpan:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    # "after" / "before" / "prior to" when the expression is measured from another event
    # ("two days after the vote": TimeML keeps the duration as the timex and the word as a
    # signal); pass f"{text} {signal}" and that event's date to resolve_relative().
    signal: str | None = None


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    match: re.Match[str]


# What each rule cannot match without (timex.prefilter): a rule whose words the text
# lacks is not scanned. Most of detection's time was these scans.
_NEEDS = tuple(required(rule.regex) for rule in RULES)
# Rules with the same needs share one answer per text (``_candidates``): the number of
# each rule's needs among the distinct ones.
_DISTINCT_NEEDS: dict[Any, int] = {}
_NEED_KEYS = tuple(_DISTINCT_NEEDS.setdefault(n, len(_DISTINCT_NEEDS)) for n in _NEEDS)
# Where each rule's match can begin (rules.HEADS): a rule is tried only at the word starts
# it can open with, not at every character.
_HEADS = HEADS


def _candidates(text: str, memo: dict[Any, Any] | None = None) -> list[_Candidate]:
    out = []
    folded = text.casefold()
    starts = _HEADS.starts(text, memo)
    anchored = _HEADS.anchored
    # what ``may_match`` says of each distinct set of needs, read once per text (the sets
    # of month names and weekdays are the needs of many rules)
    sets: dict[int, bool] = {}
    for order, rule in enumerate(RULES):
        # an anchored rule no word of the text can open is not tried (nor its needs read)
        if anchored[order] and order not in starts:
            continue
        ok = sets.get(_NEED_KEYS[order])
        if ok is None:
            ok = sets[_NEED_KEYS[order]] = may_match(_NEEDS[order], folded)
        if not ok:
            continue
        found = (scan(rule.regex, text, starts[order]) if anchored[order]
                 else rule.regex.finditer(text))
        for m in found:
            if m.end() > m.start() and (rule.guard is None or rule.guard(text, m)):
                out.append(_Candidate(m.start(), m.end(), order, rule, m))
    # Longest first, then the rule listed first, then leftmost; keep what does not overlap.
    out.sort(key=lambda c: (c.start - c.end, c.order, c.start))
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in out:
        if all(c.end <= s or c.start >= e for s, e in taken):
            chosen.append(c)
            taken.append((c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _span(c: _Candidate) -> TimexSpan:
    sig = c.match.groupdict().get("sig")
    return TimexSpan(
        c.start, c.end, c.match.group(0), timex_type(c.rule, c.match),
        re.sub(r"\s+", " ", sig.lower()) if sig else None,
    )


def find_timexes(text: str, memo: dict[Any, Any] | None = None) -> list[TimexSpan]:
    """Temporal expressions in ``text``, in order; ``text[s.start:s.end] == s.text``.
    ``memo``: a dict the caller keeps across texts (``anchors.Index.starts``): the same
    expressions, found sooner."""
    return [_span(c) for c in _candidates(text, memo)]


# -- tense from the surrounding words -----------------------------------------------------------

_SENTENCE_END = re.compile(r"\n|(?<![A-Z])(?<!\b[ap]\.m)[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|won't|going\s+to|is\s+to|are\s+to|to\s+be|scheduled|expected|"
    r"plans?\s+to|planned|planning|set\s+to|(?:is|are)\s+set\s+for|expects?\s+to|supposed\s+to|due\s+(?:to(?!\s+(?:the|a|an|its|their|his|her|our|this|that|\w+'s)\b)|on|in)|intends?|would|"
    r"should|(?-i:may|might)|upcoming|next(?!\s+to\b)|until|hopes?\s+to|aims?\s+to|"
    r"this\s+coming|"
    # "agreed to buy it in February": the clause of an intended act lies ahead
    rf"(?:{PROSPECTIVE})\s+to(?=\s+(?!(?:the|a|an|its|their|his|her|this|that)\b)[a-z]))\b",
    re.IGNORECASE,
)
# "the ministers meet Monday": a scheduled event told in the simple present (not after "did",
# "to", a modal, an article or a possessive: "did not meet", "the vote", "Friday's close").
_SCHEDULED = re.compile(
    r"(?i)\b(?<!\bdid\s)(?<!\bdo\s)(?<!\bdoes\s)(?<!\bnot\s)(?<!n't\s)(?<!\bto\s)"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bcould\s)(?<!\bcan\s)(?<!'s\s)"
    rf"(?-i:{SCHEDULED_PRESENT})\b")
# A participle of planning after a determiner is an adjective ("the hastily planned trip");
# after "had" / "had been" it is a plan already in the past ("had been scheduled to end
# on Monday").
_PLAN_PARTICIPLE = re.compile(r"(?i)scheduled|expected|planned|planning")
_PLUPERFECT = re.compile(r"(?i)\bhad\s+(?:been\s+|not\s+)?$")
# Past cues: auxiliaries, 'ago', irregular past forms, the perfect ("has been", "have
# left") and, weaker, words in -ed (a past tense, or a participle used as an adjective).
_PAST = re.compile(
    r"\b(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bget\s)"
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)"
    r"(?:was|were|had|did|said|ago|last|yesterday|earlier|previously|told|met|held|took|"
    r"made|came|"
    r"went|left|began|saw|found|fell|rose|gave|won|lost|hit|struck|shot|sold|bought|paid|"
    r"spent|became|led|ran|brought|sent|kept|since|heard|fled|fought|felt|threw|wrote|spoke|"
    r"broke|stole|drove|flew|knew|thought|got|stood|sat|blew|tore|wore|swore|rode|arose|bore|"
    r"bit|bled|built|caught|chose|crept|dealt|dug|drew|drank|ate|fed|forgot|froze|grew|hung|"
    r"hid|laid|lent|lit|meant|rang|sang|sank|sought|shook|slew|sprang|stuck|swept|swung|"
    r"taught|understood|woke|wept|withdrew|overthrew|underwent|oversaw|upheld|mistook|"
    r"(?:has|have|'ve)\s+(?:not\s+|already\s+|also\s+|just\s+|since\s+)?(?:been|come|"
    r"gone|done|seen|run|become|begun|put|set|cut|hit|let|had|made|said|got|"
    r"(?-i:[a-z]+(?:ed|en|wn|ne|ft|lt|ld|ught|un|ung|ck|ot|id|ost|ade))))\b",
    re.IGNORECASE,
)
_PAST_WEAK = re.compile(
    r"\b(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)"
    r"(?!(?:scheduled|expected|planned|proposed|anticipated|need|speed|feed|seed|bed|red|"
    r"shed|breed|creed|greed|hundred|indeed|exceed|proceed|succeed)\b)(?-i:[a-z]{2,}ed)\b"
)
# Before these an -ed word is an adjective ("the hastily planned trip", "a wounded man").
_ADJ_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|still|newly|so-called|"
    r"well|very|most|more|un)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


class _Sentences:
    """The sentence ends of one text, found once, when first asked for (the sentence of each
    expression was found by scanning from the start of the text: a text of n expressions
    was read n times).

    ``bounds`` gives what that scan gave, to the character (tests/timex/test_in_context.py
    keeps the scan as the reference): it read the text cut at the expression's start, so a
    sentence end whose next word is the expression itself is not seen there (the lookahead
    needs that word); the ends well before the expression are the same either way, and only
    the stretch after the last of them is scanned again."""

    __slots__ = ("_cues", "_ends", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._cues: dict[tuple[int, int], list[_Cue]] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        text, starts = self.text, self._starts
        if starts is None:
            found = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
            starts = self._starts = [a for a, _ in found]
            self._ends = [b for _, b in found]
        ends = self._ends
        # the last end whose match read no further than two characters before ``start``
        # (a full stop, closing marks and spaces, then at most a quote and a letter)
        k = bisect_right(ends, start - 2) - 1
        s = ends[k] if k >= 0 else 0
        for m in _SENTENCE_END.finditer(text, s, start):
            s = m.end()
        # the first end at or after ``end``, unless a match runs across ``end``
        j = bisect_left(starts, end)
        if j > 0 and ends[j - 1] > end:
            m2 = _SENTENCE_END.search(text, end)
            return s, (m2.start() if m2 else len(text))
        return s, (starts[j] if j < len(starts) else len(text))

    def cues(self, s: int, e: int) -> list[_Cue]:
        """The tense cues of ``text[s:e]`` (what ``guess_tense`` weighs), read once."""
        got = self._cues.get((s, e))
        if got is None:
            got = self._cues[(s, e)] = _cues(self.text, s, e)
        return got


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    tense: str
    weight: int
    scheduled: bool  # a scheduled present: only before the expression, never in a headline


# Every cue pattern opens with ``\b`` before a letter or an apostrophe ("'ll", "'ve"): a
# cue begins only at the start of a word or at an apostrophe after one. Trying the patterns
# there alone, left to right and past each match, finds what ``finditer`` finds.
_CUE_STARTS = re.compile(r"\b[\w']")
_CUE_PATTERNS = ((_FUTURE, "future", 0), (_PAST, "past", 0), (_PAST_WEAK, "past", 5),
                 (_SCHEDULED, "future", 5))


def _matches(pattern: re.Pattern[str], text: str, starts: list[int], e: int
             ) -> Iterator[re.Match[str]]:
    after = 0
    for p in starts:
        if p < after:
            continue
        m = pattern.match(text, p, e)
        if m is not None:
            after = m.end()
            yield m


def _cues(text: str, s: int, e: int) -> list[_Cue]:
    out = []
    starts = [m.start() for m in _CUE_STARTS.finditer(text, s, e)]
    for pattern, tense, weight in _CUE_PATTERNS:
        for m in _matches(pattern, text, starts, e):
            if weight and _ADJ_BEFORE.search(text, max(s, m.start() - 30), m.start()):
                continue
            cue_tense = tense
            if tense == "future" and _PLAN_PARTICIPLE.fullmatch(m.group(0)):
                before = text[max(s, m.start() - 30):m.start()]
                if _ADJ_BEFORE.search(before):
                    continue
                if _PLUPERFECT.search(before):
                    cue_tense = "past"
            out.append(_Cue(m.start(), m.end(), cue_tense, weight, pattern is _SCHEDULED))
    return out


def _is_headline(text: str, at: int) -> bool:
    """Is ``at`` in a line that ends without a full stop (a title or a headline)?"""
    line_end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1:line_end if line_end >= 0 else len(text)]
    return not re.search(r"[.!?][\"')\]\u201d\u2019]*\s*$", line)


def guess_tense(text: str, start: int, end: int, sentences: _Sentences | None = None
                ) -> str | None:
    """'past' | 'future' | None from the cue word nearest to ``text[start:end]`` in its
    sentence (auxiliaries, 'said', -ed verbs vs 'will', 'scheduled', 'next' ...). A cheap
    stand-in for verb tense when no parse is at hand. ``sentences``: the text's sentences,
    found once by the caller that reads many expressions of one text."""
    sentences = sentences if sentences is not None else _Sentences(text)
    s, e = sentences.bounds(start, end)
    best: tuple[int, str] | None = None
    headline: bool | None = None
    for cue in sentences.cues(s, e):
        if start <= cue.start < end:
            continue
        if cue.scheduled:
            if cue.start >= end:
                continue  # "the trial opens Tuesday": the verb comes first
            if headline is None:
                headline = _is_headline(text, start)
            if headline:
                # a headline tells what has happened in the present ("Gunmen open fire on
                # market Saturday")
                continue
        dist = start - cue.end if cue.end <= start else cue.start - end
        # a cue before the expression governs it ("will meet on Friday"); one after it
        # only when none comes before ("On Friday, police said"); an -ed word counts
        # less than an auxiliary or an irregular past form
        dist = (dist if cue.end <= start else dist + 1000) + cue.weight
        if best is None or dist < best[0]:
            best = (dist, cue.tense)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class Reading:
    """One expression of a text read in context (``read_timexes``)."""

    span: TimexSpan
    value: Normalised
    # what the value rests on besides the words and the anchor:
    #   "words"  nothing else ("March 3, 2019", "two weeks", "yesterday");
    #   "tense"  the tense guessed from the sentence's cue words (a weekday, a month without
    #            a year): a reader that knows the tense better (a parse) may read it again;
    #   "story"  a time the text named before it ("later that day" after "on Saturday",
    #            "at 9 p.m." on the day its sentence names, "a year ago" as the quarter);
    #   "anchor" a story-relative expression read against the anchor because the text had
    #            named no time before it (TimeML's fallback: "two days later" first thing)
    basis: str = "words"

    @property
    def tensed(self) -> bool:
        return self.basis == "tense"


def read_timexes(
    text: str, anchor: date | None, memo: dict[Any, Any] | None = None
) -> list[Reading]:
    """``find_timexes`` plus each expression normalised against ``anchor`` (the publication
    date) with the tense guessed from its sentence, and what the story has said before it
    ("a year earlier", "that day"). ``memo``: as for ``find_timexes``."""
    out: list[Reading] = []
    sentences = _Sentences(text)
    clocks = set()
    ref: str | None = None  # the time the story is at: the last calendar time mentioned
    day_ref: str | None = None  # the last day-precise time mentioned
    focus: str | None = None  # the last reporting period (quarter, half) the story named
    for c in _candidates(text, memo):
        span = _span(c)
        tense = _TenseWhenAsked(c, sentences)
        basis = "words"
        if c.rule.narrative:
            # "the quarter", "the latest period": the period the report is about, the last
            # one it named, though a day ("ended Sept. 30") or a year came after it
            at = focus if (c.rule.name == "period" and focus is not None
                           and granularity(ref) not in _FOCUS) else ref
            r = resolve_in_story(c.rule.name, c.match, at, anchor, day_ref)
            basis = "story" if ref is not None else "anchor"
            # "the latest quarter" read in the story is the period the report goes on
            # about (TimeML's reference time); a period a year back is a comparison
            if (span.type == "DATE" and granularity(r.value) in _FOCUS
                    and not _is_comparison(c)):
                ref = focus = r.value
        elif (ref is not None and _compares_a_period(text, c, ref, sentences)
              and not _names_its_stretch(c, out, sentences)):
            r = shift(ref, "Y", -1)
            basis = "story"
        else:
            r = resolve_match(c.rule, c.match, anchor, tense)
            if anchor is None and ref is not None and r.date is None:
                r = _in_story_year(r, ref)
            # a clock time with no day of its own ("at 8 p.m.") names no day for the story
            # to be at: it takes one (``_date_clock_times``); "a year ago" is the point a
            # report compares with, not where it is ("... a year ago. Sales rose from $5
            # million a year earlier": the same year back, not two)
            if (span.type in ("DATE", "TIME") and is_reference(r.value)
                    and not _clock_alone(c) and not _YEAR_AGO.fullmatch(c.match.group(0))):
                ref = r.value
                if granularity(ref) == "day":
                    day_ref = ref
                elif granularity(ref) in _FOCUS and span.type == "DATE":
                    focus = ref
        if c.rule.name in _CLOCKS:
            clocks.add(span.start)
        norm = from_resolved(r, span.type)
        if norm.value is None and out and c.rule.name == "the_unit_signal":
            apposed = _apposed_day(text, c, out[-1])
            if apposed is not None:
                out.append(Reading(span, apposed, "story"))
                continue
        out.append(Reading(span, norm, "tense" if tense.asked else basis))
    return _date_clock_times(out, clocks, sentences, anchor)


_CLOCKS = ("clock", "clock_bare", "clock_words")
_NO_YEAR = re.compile(r"XXXX-(\d\d)(?:-(\d\d))?")


def _in_story_year(r: D.Resolved, ref: str) -> D.Resolved:
    """With no date to read the text from, a month or a day without a year ("In May, it
    attacked ...") is of the year the story is at (TimeML anchors it to the reference
    time, the last calendar time the text named: "in March 2012 ... In May" is May 2012),
    when that time is a month or a day."""
    m = _NO_YEAR.fullmatch(r.value or "")
    # a year named alone may be one the text looks ahead to ("elections in 2018"); a month
    # or a day of a year is the story's own time
    if m is None or granularity(ref) not in ("month", "day") or not ref[:4].isdigit():
        return r
    y, mo = int(ref[:4]), int(m.group(1))
    try:
        out = D.day(date(y, mo, int(m.group(2))), relative=True) if m.group(2) else D.month(
            y, mo, relative=True)
    except ValueError:
        return r
    return out.with_mod(r.mod)


def _clock_alone(c: _Candidate) -> bool:
    return c.rule.name in _CLOCKS and not c.match.groupdict().get("dayw")


def annotate_timexes(
    text: str, anchor: date | None, memo: dict[Any, Any] | None = None
) -> list[tuple[TimexSpan, Normalised]]:
    """``read_timexes`` as (span, value) pairs: what the scorer reads."""
    return [(r.span, r.value) for r in read_timexes(text, anchor, memo)]


class _TenseWhenAsked:
    """The tense of an expression's sentence, guessed the first time a rule asks for it
    (most values do not depend on it: "2019", "two weeks", "March 3, 2019")."""

    __slots__ = ("_c", "_sentences", "_tense", "asked")

    def __init__(self, c: _Candidate, sentences: _Sentences) -> None:
        self._c, self._sentences = c, sentences
        self._tense: str | None = None
        self.asked = False

    def __call__(self) -> str | None:
        if not self.asked:
            c = self._c
            self._tense = guess_tense(self._sentences.text, c.start, c.end, self._sentences)
            self.asked = True
        return self._tense


_APPOSITION = re.compile(r",[^\S\n]*")


def _apposed_day(text: str, c: _Candidate, before: Reading) -> Normalised | None:
    """'on Oct. 12, the day before the crash': an appositive names the time of the phrase it
    follows, so 'the day' is that day (not a day to count from another event)."""
    prev_span, prev = before.span, before.value
    if not c.match.group(0).lower().startswith("the day") or prev.precision != "day":
        return None
    if _APPOSITION.fullmatch(text, prev_span.end, c.start) is None:
        return None
    return Normalised(prev.value, prev.date, None, "day", prev.anchor, "DATE", None)


# Reporting periods that a story-relative expression can make the story's focus.
_FOCUS = ("quarter", "half")
_BACK_WORDS = re.compile(r"(?i)year-(?:ago|earlier)|earlier|ago|last\s+year|previous|prior")


def _is_comparison(c: _Candidate) -> bool:
    """'the year-ago period', 'the same quarter a year earlier': the period compared with,
    not the one the report is about."""
    return _BACK_WORDS.search(c.match.group(0)) is not None


_YEAR_AGO = re.compile(r"(?i)(?:a|one)\s+year\s+ago")
_YEAR_BACK = re.compile(r"(?i)(?:a|one)\s+year\s+(?:ago|earlier)|last\s+year")
_COMPARED = re.compile(r"(?i)\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against|than)\b")


def _compares_a_period(text: str, c: _Candidate, ref: str, sentences: _Sentences) -> bool:
    """'profit in the third quarter rose from $3 million a year ago': in a comparison with
    the period the story is about (a quarter, half, month or season), 'a year ago' /
    'last year' is that period a year back (2025-Q3 -> 2024-Q3), not the whole year."""
    if granularity(ref) not in ("quarter", "half", "month", "season"):
        return False
    if not _YEAR_BACK.fullmatch(c.match.group(0)):
        return False
    s, _ = sentences.bounds(c.start, c.end)
    return _COMPARED.search(text, max(s, c.start - 80), c.start) is not None


def _names_its_stretch(c: _Candidate, found: list[Reading], sentences: _Sentences) -> bool:
    """'In the nine months, net rose to $5 million from $4 million last year': a sentence
    that names its own stretch of time compares that stretch, not the period the story
    named before it, so 'last year' is the year."""
    s, _ = sentences.bounds(c.start, c.end)
    for r in reversed(found):
        if r.span.start < s:
            return False
        if r.span.type == "DURATION":
            return True
    return False


def _date_clock_times(
    found: list[Reading], clocks: set[int], sentences: _Sentences, anchor: date | None
) -> list[Reading]:
    """A clock time without its own day ("at 18:00 UTC") takes the day of the nearest
    day-precise date in the same sentence ("on Tuesday ... at 18:00 UTC"), else the last
    day the story named before it, else stays on the anchor date it was given. A day read
    back from the story that comes after the clock time is not its day: "from eight in the
    evening until six the next morning" counts the morning from the evening."""
    out = list(found)
    for i, (span, norm) in enumerate((r.span, r.value) for r in found):
        if span.start not in clocks or norm.anchor != "published" or norm.value is None:
            continue
        if not re.match(r"\d{4}-\d\d-\d\dT\d", norm.value) or re.search(
            r"(?i)today|tonight|yesterday|tomorrow|day\b", span.text
        ):
            continue
        s, e = sentences.bounds(span.start, span.end)
        days = [
            (abs(r.span.start - span.start), r.value)
            for r in found
            if r.span is not span and r.span.type == "DATE" and r.value.precision == "day"
            and r.value.date and s <= r.span.start < e
            and not (r.span.start > span.start and r.basis in ("story", "anchor"))
        ]
        if not days:  # else the last day the story named before it
            days = [(0, n) for o, n in ((r.span, r.value) for r in found[:i])
                    if o.type in ("DATE", "TIME") and n.precision == "day" and n.date
                    and not (o.start in clocks and n.anchor == "published")][-1:]
            # but not a day still to come for a clock time told in the past ("Funerals
            # are expected on Sunday. A curfew was imposed from eight in the evening")
            if (days and anchor is not None and (days[0][1].date or "") > anchor.isoformat()
                    and guess_tense(sentences.text, span.start, span.end, sentences)
                    == "past"):
                days = []
        if days:
            day = min(days, key=lambda t: t[0])[1]
            assert day.date is not None
            value = day.date + norm.value[10:]
            out[i] = Reading(span, Normalised(value, day.date, None, "day", day.anchor, "TIME",
                                              None), "story")
    return out
