"""Words and regex fragments the timex grammar is built from (English news).

Fragments are plain strings meant to be embedded in larger patterns compiled with
``re.IGNORECASE``. Month names are wrapped in ``(?-i:...)`` where only the capitalised form
counts ("May" the month, not "may" the verb); the lower-case forms (``MONTH_CI``) are used
only next to other evidence of a date and behind guards. Weekday names are read in any
case. Numbers are read by the shared ``eventwire.numbers`` reader; named days of the
calendar come from ``lexicon/en/time.toml``.
"""

from __future__ import annotations

import re

from eventwire.lexicon import load_lexicon
from eventwire.numbers import NumberReader

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}
# TIMEX3 part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2,
    "3rd": 3, "4th": 4,
}
# unit word -> (TIMEX3 duration unit, multiplier); "P" prefix and "T" for clock units.
UNITS: dict[str, tuple[str, float]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1),
    "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
    "weekend": ("WE", 1),
}
CLOCK_UNITS = frozenset({"second", "minute", "hour"})

# One number reader for the whole code base (words from lexicon/en/numbers.toml).
NUMBERS = NumberReader()


def _no_class_space(pattern: str) -> str:
    # The grammar rewrites "\s" so that no expression crosses a line break; inside a
    # character class that rewrite would nest sets, so spell the class as a group.
    return pattern.replace(r"[\s\-]", r"(?:\s|-)")


# Named days of the calendar (lexicon/en/time.toml): name -> rule for its date.
_TIME = load_lexicon()
HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    k: (int(v[0]), int(v[1])) for k, v in _TIME.mapping("time.holidays_fixed").items()}
HOLIDAYS_WEEKDAY: dict[str, tuple[int, int, int]] = {
    k: (int(v[0]), int(v[1]), int(v[2]))
    for k, v in _TIME.mapping("time.holidays_weekday").items()}
HOLIDAYS_EASTER: dict[str, int] = dict(_TIME.mapping("time.holidays_easter"))
# "agreed to", "a plan to": a prospective infinitive follows (a future cue for its clause)
PROSPECTIVE_TO: frozenset[str] = _TIME.words("time.prospective_to")

_alt = "|".join


def _words(words: list[str]) -> str:
    return _alt(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len,
                       reverse=True))


# "a June agreement": words after which a month name between a determiner and them is no
# modifier of a noun ("the March on the capital")
MONTH_MODIFIER_NOT_BEFORE: frozenset[str] = _TIME.words("time.month_modifier_not_before")

ERA_NOUNS = _words(sorted(_TIME.words("time.era_nouns")))

PROSPECTIVE = _words(sorted(PROSPECTIVE_TO))
SCHEDULED_PRESENT = _words(sorted(_TIME.words("time.scheduled_present")))

MONTH_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|" \
    r"November|December)"
MONTH_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
# Lower-case month names too ("last june", "the third of may"): only where a rule has
# other evidence of a date next to the name (a day number, a year, last/next/this); the
# guards decide for "may", "march" and the other words that are also verbs or names.
MONTH_FULL_CI = r"(?:january|february|march|april|may|june|july|august|september|october|" \
    r"november|december)"
MONTH_CI = rf"(?:{MONTH_FULL_CI}|{MONTH_ABBR})"
# Weekday names are no other English word: any case ("last friday").
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
# Day of the month as an ordinal word: "the third of May", "May twenty-first".
DAY_ORDINAL = (
    r"(?:(?:twenty|thirty)(?:\s|-)first|twenty(?:\s|-)(?:second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|thirtieth)"
)
SEASON = r"(?:spring|summer|autumn|fall|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
ORDINAL = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th)"
NTH = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
UNIT_PL = r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|" \
    r"decades|centuries)"
UNIT_ANY = rf"(?:{UNIT_PL}|{UNIT})"
# A number, with an optional half: "two and a half", "5 1/2", "2½".
NUMBER = (
    rf"(?:{_no_class_space(NUMBERS.pattern)})"
    r"(?:\s+and\s+a\s+half|-and-a-half|\s+1/2|\u00bd)?"
)
# A year said in words ("nineteen ninety-four", "two thousand and twelve").
YEAR_WORDS = rf"(?:{_no_class_space(NUMBERS.year_pattern)})"
HOUR_WORD = rf"(?:{NUMBERS.hour_pattern})"
QUANTITY = (
    rf"(?:{NUMBER}|a\s+couple(?:\s+of)?|a\s+few|a\s+handful\s+of|several|many|some|a|an)"
)
# Qualifiers that TimeML keeps inside a duration's extent (mod="APPROX" etc.).
APPROX = (
    r"(?:nearly|almost|about|around|roughly|approximately|some|over|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|up\s+to|under|close\s+to|no\s+more\s+than|at\s+most)"
)
# ("only", "just", "barely" are focus words, not TimeML mods: they stay outside.)
# Words between a number and its unit: "five trading days", "six straight days".
UNIT_ADJ = r"(?:trading|business|working|straight|consecutive|calendar|full|more|additional|" \
    r"long|short|successive|previous|past|whole)"
HOLIDAY = "(?:" + _words([*HOLIDAYS_FIXED, *HOLIDAYS_WEEKDAY, *HOLIDAYS_EASTER]).replace(
    "'", "['\u2019]") + ")"
ZONE = r"(?:UTC|GMT|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|MSK|Z)"
AMPM = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"

_HALF = re.compile(r"^(.*?)(?:\s+and\s+a\s+half|-and-a-half|\s+1/2|\u00bd)$", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """'three' -> 3, 'twenty-five' -> 25, '2.5' -> 2.5, 'two and a half' -> 2.5,
    '5 1/2' -> 5.5, 'a couple of' -> 2; None for vague quantities ('several') and anything
    unknown. Words are read by the shared ``eventwire.numbers`` reader."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in ("a couple", "couple", "couple of"):  # "the next couple of years" too
        return 2.0
    m = _HALF.match(t)
    if m and m.group(1) and re.fullmatch(r"[\d.,]+", m.group(1)):
        base = NUMBERS.read(m.group(1))
        return None if base is None else base + 0.5
    return NUMBERS.read(t)


def format_number(n: float) -> str:
    """2.0 -> '2', 2.5 -> '2.5' (TIMEX3 duration amounts)."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_of(word: str) -> str:
    """Plural or singular unit word -> singular key of UNITS ('centuries' -> 'century')."""
    w = word.lower()
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
