"""The timex grammar: one ``Rule`` per kind of expression, each a regex plus a handler.

Detection runs every rule over the text and keeps the longest non-overlapping matches
(ties go to the rule listed first); normalisation full-matches one expression against the
same rules in order. Handlers (``handlers.py``) turn a match into a ``Resolved`` given the
anchor date (usually the publication date) and a tense hint. Guards (``guards.py``) look
at the surrounding text and only run during detection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventwire.timex import anchors
from eventwire.timex import dates as D
from eventwire.timex import guards as G
from eventwire.timex import handlers as H
from eventwire.timex.handlers import MODP, group
from eventwire.timex.lexicon import (
    AMPM,
    APPROX,
    DAY_ORDINAL,
    DAYNUM,
    ERA_NOUNS,
    HOLIDAY,
    HOUR_WORD,
    MONTH_CI,
    MONTH_FULL_CI,
    NTH,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    PARTS_OF_DAY,
    QUANTITY,
    SEASON,
    UNIT,
    UNIT_ADJ,
    UNIT_ANY,
    WEEKDAY,
    YEAR,
    YEAR_WORDS,
    ZONE,
)

Guard = Callable[[str, re.Match[str]], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    type: str  # DATE | TIME | DURATION | SET (DATE becomes TIME when a part of day matched)
    handler: H.Handler
    guard: Guard | None = None
    narrative: bool = False  # relative to another time in the story, not to the anchor


def _rx(pattern: str) -> re.Pattern[str]:
    # Whitespace inside an expression never crosses a line break (title / dateline / body).
    pattern = pattern.replace(r"\s", r"[^\S\n]")
    # A possessive may follow ("Monday's meeting"); any other word character may not. The
    # group makes both edges hold for every alternative ("now" is not in "nowhere").
    return re.compile(r"(?<![\w'])(?:" + pattern + r")(?!\w|'(?!s\b)\w)", re.IGNORECASE)


def _unnamed(pattern: str) -> str:
    """A pattern's named groups made plain, so it can sit inside a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _resolve_part(text: str, anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    for rule in rules_at_start(text):
        m = rule.regex.fullmatch(text)
        if m:
            return rule.handler(m, anchor, tense)
    return D.UNRESOLVED


def h_day_clock(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """A day and a clock time in one expression ("Saturday at 7 pm", "5 p.m. EST, Nov. 6",
    "4.3.2026 17:30"): the day's date with the clock's time of day."""
    day = _resolve_part(m.group("date"), anchor, tense)
    clock = _resolve_part(m.group("clock"), anchor, tense)
    if day.value is None or clock.value is None or "T" not in clock.value:
        return D.UNRESOLVED
    tod = clock.value[clock.value.index("T"):]
    return D.Resolved(day.value[:10] + tod, day.date, None, "day", day.relative)


def h_pod_day(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    day = _resolve_part(m.group("date"), anchor, tense)
    if day.value is None:
        return D.UNRESOLVED
    code = PARTS_OF_DAY[m.group("pod").lower()]
    return D.Resolved(f"{day.value[:10]}T{code}", day.date, None, "day", day.relative)


# -- the rule list ----------------------------------------------------------------------------

_DAYW = rf"(?:\s+(?:on\s+)?(?P<dayw>today|tonight|yesterday|tomorrow|{WEEKDAY}))?"
_QREL = r"(?P<rel>this|last|next|the)\s+(?:fiscal\s+|financial\s+)?year"
# "a year before." / "the day after,": a signal word with no complement after it (a stop,
# a comma, the end of the text) is an adverb, "earlier" / "later", and part of the timex
_NO_COMPLEMENT = r"(?=\s*(?:[.,;:!?)\"\u201d]|$))"
_REL = (r"(?P<rel>this|last|next|past|previous|coming|current|the\s+current|the\s+previous|"
        r"the\s+coming|this\s+past)")
# A year in a date: digits or words; "last year" / "this year" read against the anchor.
_Y = rf"(?:(?P<y>{YEAR}|{YEAR_WORDS})|(?P<ry>this|last|next)\s+year)"
_DAY = rf"(?P<d>{DAYNUM})"
_ISO = rf"(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
# 3/4/2026 and 03-04-2026 (month first), 4.3.2026 (day first); a two-digit year only when
# day and month have two digits too ("04.03.26") or after slashes ("3/4/26").
_NUMERIC = (r"(?<![\d./-])(?:(?:[01]?\d|[23]\d)/[0-3]?\d/(?:\d{4}|\d\d)"
            r"|[0-3]?\d\.[01]?\d\.\d{4}|[0-3]\d\.[01]\d\.\d\d"
            r"|[0-3]?\d-[0-3]?\d-\d{4}|[0-3]\d-[0-3]\d-\d\d)(?![.\-/]?\d)")
_DAY_OF_MONTH = rf"(?:(?P<d>{DAYNUM})|(?P<d2>{DAY_ORDINAL})(?!-))"
_MONTH_DAY = (rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH_CI})\s+(?:the\s+)?{_DAY_OF_MONTH}"
              rf"(?:,?\s+{_Y})?")
_DAY_MONTH = (rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?:(?P<d>{DAYNUM})\s+(?:of\s+)?"
              rf"|(?P<d2>{DAY_ORDINAL})\s+of\s+)(?P<mon>{MONTH_CI})(?:,?\s+{_Y})?")
# "Tuesday last week", "Monday of next week": that weekday of the week named
_WEEKDAY = (rf"(?:(?P<pre>early|late)\s+)?(?:(?P<rel>last|next|this\s+coming|"
            rf"this\s+past|this|past|coming|previous)\s+)?(?P<wd>{WEEKDAY})"
            rf"(?:\s+(?:of\s+)?(?P<wk>last|next|this)\s+week|\s+(?P<pod>{PART_OF_DAY}))?")
_DAY_WORD = (r"(?:(?:earlier|later|early|late)\s+)?(?P<w>today|tonight|tomorrow|yesterday|"
             r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
             r"(?:\s+(?P<pod>morning|afternoon|evening|night))?")
_CLOCK = (
    rf"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{AMPM})"
    rf"|(?P<word>noon|midday|midnight)"
    rf"|(?P<h2>1[0-2]|0?[1-9])(?:[:.](?P<mi2>[0-5]\d))?(?:\s+o'clock)?\s+(?P<half>in\s+the\s+"
    rf"(?:morning|afternoon|evening)|at\s+night)"
    rf"|(?P<h3>[01]?\d|2[0-3])(?::|\.)?(?P<mi3>[0-5]\d)(?=\s*{ZONE}))"
    rf"(?:\s*\(?(?P<z>{ZONE})(?P<off>\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\)?)?"
)
# After a date a bare 24-hour time needs no "a.m." or zone: "4 March 2026, 17:30".
_CLOCK_AFTER_DATE = rf"(?:{_unnamed(_CLOCK)}|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)"
_A_DAY = "|".join(_unnamed(p) for p in (_ISO, _NUMERIC, _MONTH_DAY, _DAY_MONTH, _WEEKDAY,
                                         _DAY_WORD))
_A_DATE = "|".join(_unnamed(p) for p in (_ISO, _NUMERIC, _MONTH_DAY, _DAY_MONTH))

# "a week or so ago", "the next year or so": TimeML keeps the approximation inside
_OR_SO = r"(?:\s+or\s+so)?"
# "the late 1990s": the mod after the article
_MOD2 = r"(?:(?P<mod2>early|late|mid)(?:\s+|-))?"

RULES: tuple[Rule, ...] = (
    Rule("iso_date", _rx(_ISO), "DATE", H.h_iso),
    Rule("numeric_date", _rx(_NUMERIC), "DATE", H.h_slash),
    # "March 3, 2026, 5 p.m.", "2026-03-04T15:00", "4.3.2026 17:30": one TIME. With "at"
    # between them they stay two expressions (TimeML: "at" is a signal) and the clock time
    # takes the day's date in annotate_timexes.
    Rule("day_then_clock", _rx(rf"(?P<date>{_A_DAY})(?:,?\s+|T)"
                               rf"(?P<clock>{_CLOCK_AFTER_DATE})"), "TIME", h_day_clock),
    # "5 p.m. EST, Nov. 6", "11 p.m. on 3 March"
    Rule("clock_then_date", _rx(rf"(?P<clock>{_unnamed(_CLOCK)}),?\s+(?:on\s+)?"
                                rf"(?P<date>{_A_DATE})"), "TIME", h_day_clock),
    Rule("nth_weekday", _rx(
        rf"the\s+(?P<q>{NTH})\s+(?P<wd>{WEEKDAY})\s+(?:of|in)\s+(?P<mon>{MONTH_CI})"
        rf"(?:,?\s+{_Y})?"), "DATE", H.h_nth_weekday, G.guard_lower_month),
    Rule("week_of", _rx(rf"the\s+week\s+of\s+(?:{_MONTH_DAY}|{_unnamed(_DAY_MONTH)})"
                        ), "DATE", H.h_week_of, G.guard_lower_month),
    Rule("month_day", _rx(_MONTH_DAY), "DATE", H.h_month_day, G.guard_lower_month),
    Rule("day_month", _rx(_DAY_MONTH), "DATE", H.h_month_day, G.guard_lower_month),
    # "Monday the 9th", "Friday, the 13th"
    Rule("weekday_daynum", _rx(rf"(?P<wd>{WEEKDAY}),?\s+the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])"
                               rf"(?:st|nd|rd|th))"
                               rf"(?!\s+(?:of\s+)?{MONTH_CI}\b)"), "DATE", H.h_weekday_daynum),
    # "he died on the 3rd", "talks end on the 15th": a day of the month the story is in
    Rule("daynum_alone", _rx(rf"the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))"
                             rf"(?!\s+(?:of\s+)?{MONTH_CI}\b)"), "DATE", H.h_daynum_alone,
         G.guard_daynum_alone),
    # "mid-afternoon yesterday", "late night Friday": a part of a named day
    Rule("pod_day", _rx(rf"(?:(?:early|late)\s+|mid-?(?!night))?(?P<pod>morning|afternoon|evening|"
                        rf"night|overnight)\s+(?P<date>yesterday|today|tomorrow|{WEEKDAY})"),
         "TIME", h_pod_day),
    # "Christmas week", "Easter week 2019": the (ISO) week holding the named day
    Rule("holiday", _rx(rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{HOLIDAY})(?P<wk>\s+week)?"
                        rf"(?:,?\s+(?:of\s+)?{_Y})?"), "DATE", H.h_holiday, G.guard_holiday),
    Rule("day_around_weekday", _rx(
        rf"(?:the\s+)?day\s+(?P<dir>before|after)\s+(?:(?P<rel>last|next|this)\s+)?"
        rf"(?P<wd>{WEEKDAY})"), "DATE", H.h_day_around_weekday),
    Rule("unit_before_last", _rx(
        r"the\s+(?P<u>week|weekend|month|year)\s+(?P<dir>before\s+last|after\s+next)"),
        "DATE", H.h_unit_before_last),
    Rule("clock", _rx(rf"{_CLOCK}{_DAYW}"), "TIME", H.h_clock, G.guard_in_a_name),
    # "from eight in the evening", "at ten at night": an hour said in a word is a clock time
    # when a part of the day tells which half of the day it is (after a preposition of
    # time: not "no one in the morning")
    Rule("clock_words", _rx(rf"(?P<h2>{HOUR_WORD})(?:\s+o'clock)?\s+(?P<half>in\s+the\s+"
                            rf"(?:morning|afternoon|evening)|at\s+night){_DAYW}"), "TIME",
         H.h_clock, G.guard_clock),
    Rule("clock_bare", _rx(rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?P<ampm>)(?P<z>)(?P<off>)"
                           rf"{_DAYW}"), "TIME", H.h_clock, G.guard_clock),
    Rule("week_of_month", _rx(
        rf"the\s+(?P<q>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONTH_CI})"
        rf"(?:,?\s+{_Y})?"), "DATE", H.h_week_of_month, G.guard_lower_month),
    Rule("month_year", _rx(rf"{MODP}(?P<mon>{MONTH_CI})(?:,?\s+|\s+of\s+)(?:{_Y}"
                           rf"|(?P<y2>['\u2019]\d\d))"), "DATE", H.h_month_year,
         G.guard_lower_month),
    Rule("season_year", _rx(rf"{MODP}(?:the\s+)?(?P<s>{SEASON})(?:\s+of)?\s+{_Y}"),
         "DATE", H.h_season),
    Rule("quarter", _rx(
        # "the third-quarter loss": the article goes with the noun, not the adjective
        rf"{MODP}(?:the\s+(?!(?:{ORDINAL}|final|last)-(?:quarter|half)\b))?"
        rf"(?:(?P<y0>{YEAR})\s+|(?P<ry>this|last|next)\s+year's\s+)?"
        rf"(?:fiscal(?:\s+|-))?(?P<q>{ORDINAL}|final|last)(?:\s+|-)(?:fiscal\s+|financial\s+)?"
        rf"(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<y>{YEAR})|{_QREL})|,?\s+(?P<y2>{YEAR}))?"
        rf"(?P<qn>)"), "DATE", H.h_quarter),
    # "the first two quarters of 1990": two quarters that make a half of that year (1990-H1)
    Rule("two_quarters", _rx(
        rf"(?:the\s+)?(?P<q>first|last|final)\s+two\s+(?:fiscal\s+)?quarters\s+of\s+"
        rf"(?:fiscal\s+)?(?P<y>{YEAR})"), "DATE", H.h_two_quarters),
    Rule("quarter_code", _rx(rf"(?P<unit>)(?P<q>)(?P<rel>)Q(?P<qn>[1-4])(?:\s+(?P<y>{YEAR}))?"),
         "DATE", H.h_quarter),
    Rule("decade", _rx(rf"{MODP}(?:the\s+{_MOD2})?"
                       rf"(?:(?P<c>1[89]|20)(?P<d>\d)0|'?(?P<dd>\d)0)'?s"),
         "DATE", H.h_decade, G.guard_decade2),
    Rule("decade_word", _rx(rf"{MODP}the\s+{_MOD2}(?P<dw>thirties|forties|fifties|sixties|"
                            rf"seventies|eighties|nineties)(?P<c>)(?P<d>)(?P<dd>)"), "DATE",
         H.h_decade),
    Rule("century", _rx(rf"{MODP}(?:the\s+)?(?P<cn>(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|"
                        rf"{DAY_ORDINAL})\s+century"), "DATE", H.h_century),
    Rule("fiscal_year", _rx(rf"(?P<fy>fiscal(?:\s+year)?\s+|FY\s?)(?P<y>{YEAR})(?P<yy>)"),
         "DATE", H.h_year),
    Rule("year", _rx(rf"{MODP}(?:the\s+year\s+)?(?P<y>{YEAR})(?P<yy>)"), "DATE", H.h_year,
         G.guard_year),
    Rule("year_words", _rx(rf"{MODP}(?:the\s+year\s+)?(?P<y>{YEAR_WORDS})(?P<yy>)"), "DATE",
         H.h_year, G.guard_year_words),
    Rule("year_short", _rx(r"'(?P<yy>\d\d)(?P<y>)(?P<mod>)"), "DATE", H.h_year,
         G.guard_short_year),
    Rule("month", _rx(rf"{MODP}(?:(?P<rel>last|next|this\s+coming|this\s+past|this)\s+)?"
                      rf"(?P<mon>{MONTH_FULL_CI})"), "DATE", H.h_month, G.guard_month),
    Rule("season", _rx(
        rf"{MODP}(?:(?P<rel>this|last|next|the\s+past|the\s+coming|this\s+past)\s+|the\s+)?"
        rf"(?P<s>spring|summer|autumn|winter)(?P<y>)"), "DATE", H.h_season),
    Rule("season_fall", _rx(r"(?P<rel>this|last|next)\s+(?P<s>fall)(?P<y>)"), "DATE",
         H.h_season),
    Rule("weekday", _rx(_WEEKDAY), "DATE", H.h_weekday, G.guard_weekday),
    # "today's youth": the generic sense, nowadays (before day_word: same span)
    Rule("era_day", _rx(rf"(?P<w>today|tomorrow|yesterday)(?=['\u2019]s\s+(?:\w+\s+)?"
                        rf"(?:{ERA_NOUNS})\b)"), "DATE", H.h_era_day),
    Rule("day_word", _rx(_DAY_WORD), "DATE", H.h_day_word, G.guard_today),
    Rule("this_pod", _rx(r"(?P<w>this|last)\s+(?P<pod>morning|afternoon|evening|night)"),
         "TIME", H.h_day_word),
    Rule("the_day", _rx(r"the\s+day"), "DATE", H.h_the_day, G.guard_the_day, narrative=True),
    Rule("rel_unit", _rx(
        rf"{MODP}(?:(?P<when>earlier|later)\s+)?{_REL}\s+(?:fiscal\s+|financial\s+)?"
        rf"(?P<u>week|weekend|month|quarter|year|decade|century)"), "DATE", H.h_rel_unit),
    Rule("the_unit", _rx(
        r"(?P<mod>the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of)\s+"
        r"(?P<rel>the)\s+(?P<u>week|month|year|decade|day)"), "DATE", H.h_rel_unit,
        narrative=True),
    Rule("the_weekend", _rx(r"(?P<rel>the)\s+(?P<u>weekend)"), "DATE", H.h_rel_unit),
    Rule("narrative", _rx(
        rf"(?:(?P<n>{QUANTITY}|the)\s+(?P<u>{UNIT_ANY})\s+(?P<dir>later|earlier|afterwards|"
        rf"previously|(?:before|after){_NO_COMPLEMENT})"
        rf"|the\s+(?P<rel>following|same|next|previous)\s+(?P<u2>day|morning|evening|night|"
        rf"week|month|year|quarter|period))"),
        "DATE", H.h_narrative, G.guard_narrative, narrative=True),
    # "the year before.", "the day after,": with no complement the signal word is an adverb
    # ("the previous year"), and the phrase a date counted from the story's time
    Rule("the_unit_back", _rx(
        rf"the\s+(?P<u2>day|night|morning|evening|week|month|year)\s+(?P<rel>before|after)"
        rf"{_NO_COMPLEMENT}"), "DATE", H.h_narrative, G.guard_the_unit_signal, narrative=True),
    # "that day", "later that year", "that same day", "the previous Friday": the time the
    # story is at.
    Rule("that_unit", _rx(
        r"(?:(?P<when>earlier|later)\s+(?:in\s+)?)?(?P<rel>that)\s+(?:(?:same|very)\s+)?"
        r"(?P<u2>day|morning|evening|"
        r"night|week|month|year|quarter)"), "DATE", H.h_narrative, G.guard_that_unit,
         narrative=True),
    Rule("same_back", _rx(
        r"the\s+same\s+(?P<u2>day|week|month|quarter)\s+(?:a\s+year\s+(?:ago|earlier|before)|"
        r"last\s+year|the\s+(?:previous|prior)\s+year|of\s+the\s+(?:last|previous)\s+year)"),
        "DATE", H.h_narrative, narrative=True),
    Rule("in_the_unit", _rx(r"(?:earlier|later|early|late)\s+in\s+(?P<rel>the)\s+(?P<u2>day|week|"
                            r"month|year)"), "DATE", H.h_narrative, narrative=True),
    Rule("story_weekday", _rx(rf"the\s+(?P<rel>previous|following|next)\s+(?P<wd>{WEEKDAY})"),
         "DATE", H.h_narrative, narrative=True),
    # Reporting periods: "the quarter", "the latest quarter", "the year-ago period", "the
    # same period last year", "year-earlier" (as an adjective).
    Rule("period", _rx(
        r"(?:the\s+)?(?P<which>(?:(?:latest|current|most\s+recent|same|comparable|"
        r"corresponding|year-ago|year-earlier|fiscal)\s+)*)(?P<u2>quarter|period)"
        r"(?:\s+(?P<back>last\s+year|a\s+year\s+(?:ago|earlier)))?"),
        "DATE", H.h_narrative, G.guard_period, narrative=True),
    # "the year-ago third quarter", "the year-earlier nine months": one expression, the
    # period named a year before the one the story reports on.
    Rule("year_ago_quarter", _rx(
        rf"(?:the\s+)?(?P<which>year-(?:ago|earlier))\s+(?P<q>{ORDINAL}|final|last)(?:\s+|-)"
        rf"(?:fiscal\s+)?(?P<u2>quarter|half)"), "DATE", H.h_narrative, narrative=True),
    Rule("year_ago_months", _rx(
        rf"(?:the\s+)?year-(?:ago|earlier)\s+(?P<n>{QUANTITY})\s+(?P<u>months|weeks)"),
        "DURATION", H.h_duration),
    # "the 1988 quarter", "the 1989 period": the period the story reports on, in that year
    Rule("year_period", _rx(rf"the\s+(?P<y>{YEAR})\s+(?P<u2>quarter|period|half)"), "DATE",
         H.h_narrative, lambda text, m: G.next_word(text, m) != "of", narrative=True),
    # "the year ended March 31", "the fiscal year ending June 30": TimeML marks the twelve
    # months as a duration (the date is its end point, a timex of its own).
    Rule("year_ended", _rx(
        r"the\s+(?:(?:fiscal|financial)\s+)?year(?=\s+(?:that\s+|which\s+)?(?:ended|ending|"
        r"ends|to\s+(?-i:[A-Z])))"), "DURATION", H.const("P1Y")),
    # "for the year", "sales for the full year", "the latest fiscal year": the year the story
    # is in (the last completed one after "latest").
    Rule("the_year", _rx(
        r"the\s+(?P<which>(?:(?:full|whole|entire|calendar|latest|most\s+recent|fiscal|"
        r"financial)\s+){0,2})(?P<u2>year)"), "DATE", H.h_narrative, G.guard_the_year,
        narrative=True),
    # "for the week", "the week's most active session", "in the morning": the week or the
    # part of the day the story is at.
    Rule("the_week", _rx(r"the\s+(?P<u2>week|month)"), "DATE", H.h_narrative,
         G.guard_the_year, narrative=True),
    # "in mid-afternoon", "prices fell overnight": a part of the day the story is at
    Rule("pod_alone", _rx(r"(?:(?P<mod>early|late|mid)(?:\s+|-))(?P<u2>morning|afternoon|evening)"
                          r"|(?P<u3>overnight)"), "TIME", H.h_narrative, G.guard_pod_alone,
         narrative=True),
    Rule("the_pod", _rx(r"the\s+(?P<u2>morning|afternoon|evening)"), "TIME", H.h_narrative,
         G.guard_the_pod, narrative=True),
    # "by year-end", "by year's end", "since year end"
    Rule("year_end", _rx(r"year(?:-|\s+|['\u2019]s\s+)end(?P<u2>)"), "DATE", H.h_narrative,
         narrative=True),
    Rule("year_ago_adj", _rx(r"(?P<which>year-(?:ago|earlier))(?P<u2>)(?P<back>)"), "DATE",
         H.h_narrative, narrative=True),
    Rule("past_n", _rx(
        rf"the\s+(?P<rel>past|last|previous|next|coming|following)\s+"
        rf"(?:(?P<n0>{NUMBER})(?:\s+(?:to|or)\s+|[-\u2013]))?"
        rf"(?:(?P<n>{QUANTITY}|few|couple\s+of)\s+)?(?:{UNIT_ADJ}\s+)?(?P<u>{UNIT_ANY})"
        rf"{_OR_SO}"),
        "DURATION", H.h_past_n),
    Rule("ago", _rx(rf"(?:{APPROX}\s+)?(?P<n>{QUANTITY})\s+(?:{UNIT_ADJ}\s+)?(?P<u>{UNIT_ANY})"
                    rf"{_OR_SO}\s+(?P<dir>ago|hence|from\s+now)"), "DATE", H.h_ago),
    # TimeML: in "two days after the vote" the timex is the duration, "after" a signal.
    Rule("duration_signal", _rx(
        rf"(?P<n>{QUANTITY})\s+(?P<u>{UNIT_ANY})(?=\s+(?P<sig>after|before|prior\s+to))"),
        "DURATION", H.h_duration, G.guard_duration),
    # "the day after the vote": a date relative to another event.
    Rule("the_unit_signal", _rx(
        r"the\s+(?:day|night|morning|evening|week|month|year)"
        r"(?=\s+(?P<sig>after|before|prior\s+to))"),
        "DATE", H.h_narrative, G.guard_the_unit_signal, narrative=True),
    # "two to three weeks", "five or six years", "the next 12 to 18 months": one amount
    # given as a range, one expression; no single number fits it (PXW, as "several weeks")
    Rule("duration_range", _rx(
        rf"(?:(?:{APPROX})\s+)?"
        rf"(?P<n0>{NUMBER})(?:\s+(?:to|or)\s+|[-\u2013])(?P<n>{NUMBER})\s+"
        rf"(?:{UNIT_ADJ}\s+)?(?P<u>{UNIT_ANY})"), "DURATION", H.h_duration_range,
        G.guard_duration),
    Rule("duration", _rx(
        rf"(?:(?:{APPROX})\s+)?(?P<n>{QUANTITY})(?:\s+|-)(?:{UNIT_ADJ}\s+)?(?P<u>{UNIT_ANY})"
        rf"(?P<half>\s+and\s+a\s+half)?(?:-long)?{_OR_SO}"), "DURATION", H.h_duration,
        G.guard_duration),
    # "half an hour", "a half-hour", "half a day": the article belongs to the unit, and
    # "half" to the amount (not "an hour" alone)
    Rule("half_unit", _rx(
        rf"(?:(?:{APPROX})\s+)?(?:half\s+(?:an?\s+)|an?\s+half(?:\s+|-))(?P<u>{UNIT})"),
        "DURATION", H.h_half_unit, G.guard_duration),
    # "the first nine months", "the two days": the article belongs to a duration noun
    # phrase, not to a hyphenated adjective ("the 14-day strike" has the timex "14-day").
    Rule("the_duration", _rx(
        rf"the\s+(?:(?:first|last|final|latest|initial|remaining|full)\s+)?(?P<n>{QUANTITY})"
        rf"\s+(?:{UNIT_ADJ}\s+)?(?P<u>{UNIT_ANY})(?P<half>\s+and\s+a\s+half)?"), "DURATION",
        H.h_duration, G.guard_duration),
    Rule("set_every", _rx(
        rf"(?:(?:once|twice|\w+\s+times)\s+)?(?:every|each|per|a)\s+(?:(?P<u>{UNIT})|"
        rf"(?P<wd>{WEEKDAY}))"), "SET", H.h_set_every,
        lambda text, m: not m.group(0).lower().startswith(("a ", "an "))),
    Rule("set_word", _rx(r"daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|"
                         r"hourly|biannually|biennially"), "SET", H.h_set_word,
         lambda text, m: G.prev_word(text, m) not in ("the", "a")),
    Rule("annual", _rx(r"annual(?P<n>)(?P<u>)"), "DURATION", H.const("P1Y")),
    Rule("bare_plural", _rx(
        r"(?:(?P<q>recent|the\s+past|the\s+last|the\s+coming|coming|the)\s+)?(?P<u>years|"
        r"decades|centuries|months|weeks|days|hours|quarters)(?P<long>-long)?"), "DURATION",
        H.h_bare_plural, G.guard_bare_plural),
    Rule("vague", _rx(
        r"now|right\s+now|currently|at\s+present|presently|nowadays|these\s+days|"
        r"the\s+time\s+being|recently|more\s+recently|most\s+recently|lately|"
        r"(?:very\s+)?soon|shortly|the\s+(?:recent\s+|distant\s+)?past|"
        r"the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|long|short|medium)\s+term|recent"),
        "DATE", H.h_vague, G.guard_vague),
)


# Where each rule's match can begin (timex.anchors): detection tries a rule only at the
# word starts it can open with; normalisation only the rules an expression can begin.
HEADS = anchors.index([rule.regex for rule in RULES])


def rules_at_start(expr: str) -> list[Rule]:
    """The rules, in order, that may match ``expr`` from its first character (the others
    cannot: their heads are not how it begins)."""
    which = HEADS.which_at_start(expr)
    allowed = frozenset(which or ())
    return [rule for i, rule in enumerate(RULES) if not HEADS.anchored[i] or i in allowed]


def timex_type(rule: Rule, m: re.Match[str]) -> str:
    if rule.type == "DATE" and (group(m, "pod") or (group(m, "w") or "").lower() == "tonight"):
        return "TIME"
    return rule.type


def resolve_match(
    rule: Rule, m: re.Match[str], anchor: date | None, tense: D.TenseHint
) -> D.Resolved:
    try:
        return rule.handler(m, anchor, tense)
    except (ValueError, OverflowError):
        # "65 million years ago", "12,000 years ago": before the year 1 (or after 9999)
        # there is no calendar date to give (Python's dates, and TIMEX3's four digits)
        return D.UNRESOLVED

