"""Context checks run during detection only: is this match really a time expression?"""

from __future__ import annotations

import re

from eventwire.timex.handlers import group, mod_of
from eventwire.timex.lexicon import MONTH_MODIFIER_NOT_BEFORE, UNITS

_PREV_WORD = re.compile(r"([\w$€£#.'-]+)[^\S\n]*$")
_NEXT_WORD = re.compile(r"^[^\S\n]*([\w%-]+)")
_MONTH_CONTEXT = frozenset({
    "in", "of", "since", "until", "till", "by", "during", "from", "through", "throughout",
    "before", "after", "last", "next", "this", "early", "late", "mid", "end", "beginning",
    "start", "and", "or", "to", "between", "as", "on", "for", "into", "around",
})
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august", "jan"})
# "2000 workers", "1500 points": a number that counts something is not a year.
_COUNT_NOUNS = frozenset({
    "people", "jobs", "workers", "employees", "staff", "members", "units", "cars",
    "vehicles", "aircraft", "planes", "jets", "points", "feet", "foot", "metres", "meters",
    "km", "kilometres", "kilometers", "miles", "tons", "tonnes", "shares", "dollars",
    "euros", "pounds", "yen", "troops", "soldiers", "homes", "houses", "stores",
    "dealerships", "dealers", "customers", "users", "copies", "votes", "seats", "deaths",
    "barrels", "passengers", "flights", "orders", "hours", "pages", "words", "students",
    "children", "acres", "kg", "index",
    # a US street address, never a year: "the 1800 block of Whitley Avenue"
    "block", "blocks",
})


# "for years.In May": a full stop glued to the next sentence's first word (scraped text
# that lost its space) ends a sentence; the word before the match is that first word
_GLUED_SENTENCE = re.compile(r"[a-z]{2}\.([A-Z][a-z]*)$")


def prev_word(text: str, m: re.Match[str]) -> str:
    pm = _PREV_WORD.search(text[max(0, m.start() - 40):m.start()])
    if not pm:
        return ""
    glued = _GLUED_SENTENCE.search(pm.group(1))
    return (glued.group(1) if glued else pm.group(1)).lower()


def next_word(text: str, m: re.Match[str]) -> str:
    nm = _NEXT_WORD.search(text[m.end():m.end() + 30])
    return nm.group(1).lower() if nm else ""


def guard_year(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 2):m.start()]
    after = text[m.end():m.end() + 2]
    if re.search(r"[$€£#\d.,]\s?$", before) or re.match(r"\s?[%\d]|[.,]\d", after):
        return False
    if prev_word(text, m) in ("no", "number", "flight", "route", "model", "windows"):
        return False
    return next_word(text, m) not in _COUNT_NOUNS


def guard_month(text: str, m: re.Match[str]) -> bool:
    """A month name alone: 'May' and 'March' are also words, 'June' a first name. In lower
    case only 'last/next/this june' or 'early june' count, and never 'may'/'march' alone."""
    word = m.group("mon").lower()
    if m.group("mon")[0].islower():
        if word in ("may", "march"):  # "this may change", "the last march on the capital"
            rel = (group(m, "rel") or "").lower()
            return rel in ("last", "next") and prev_word(text, m) not in _DETERMINERS
        return bool(group(m, "rel") or mod_of(m))
    if mod_of(m) or group(m, "rel"):
        return True
    followed_by_name = text[m.end():m.end() + 2].strip()[:1].isupper()
    if word in _AMBIGUOUS_MONTHS or followed_by_name:
        return prev_word(text, m) in _MONTH_CONTEXT or _modifies_a_noun(text, m)
    return True


def _modifies_a_noun(text: str, m: re.Match[str]) -> bool:
    """'a June agreement', 'the March accession': a month name (not 'May', also a name)
    between a determiner and a lower-case noun."""
    if m.group("mon").lower() == "may" or prev_word(text, m) not in _DETERMINERS:
        return False
    nxt = next_word(text, m)
    return (text[m.end():m.end() + 1] == " " and nxt.isalpha() and nxt.islower()
            and nxt not in MONTH_MODIFIER_NOT_BEFORE)


def guard_lower_month(text: str, m: re.Match[str]) -> bool:
    """A lower-case month name next to a day number or a year ("the third of may", "june
    2019"): 'may' and 'march' are verbs first, so they also need a year, an 'of' or a
    preposition that introduces a date."""
    mon = group(m, "mon") or ""
    if not mon or not mon[0].islower():
        return True
    if mon.lower() not in ("may", "march"):
        return True
    if group(m, "y") or group(m, "ry"):
        return True
    before_mon = text[m.start():m.start("mon")].lower()
    return before_mon.rstrip().endswith(" of") or prev_word(text, m) in _DATE_PREPOSITIONS


_DATE_PREPOSITIONS = frozenset({"on", "of", "since", "until", "till", "by", "from", "before",
                                "after", "in", "during", "through"})


def guard_year_words(text: str, m: re.Match[str]) -> bool:
    """A year said in words is a year after a preposition or 'the year' ("in nineteen
    ninety-six", "the year two thousand"), or when it cannot be a count ("nineteen
    eighty-four" is no well-formed quantity)."""
    from eventwire.timex.lexicon import NUMBERS

    said = m.group("y")
    if NUMBERS.read_year(said) is None or next_word(text, m) in _COUNT_NOUNS:
        return False
    if m.group(0).lower().startswith("the") or mod_of(m):
        return True
    if NUMBERS.read(said) is None:  # "nineteen ninety-six": only a year
        return True
    return prev_word(text, m) in _DATE_PREPOSITIONS | {"year"}


def guard_decade2(text: str, m: re.Match[str]) -> bool:
    """'the 1990s' always; a bare two-digit '70s' may be an age or a temperature."""
    if m.group("c") or "'" in m.group(0):
        return True
    return prev_word(text, m) not in ("their", "his", "her", "low", "high", "upper", "mid")


def guard_today(text: str, m: re.Match[str]) -> bool:
    if prev_word(text, m) in ("usa", "china"):
        return False
    return not (m.group(0)[0].isupper() and _after_a_name(text, m.start()))


# The start of a sentence or a line: an opening quote or bracket, a line break, or a
# sentence's closing mark and its closing quotes before the spaces.
_SENTENCE_START = re.compile(
    r"(?:^|\n|[.!?:;][\"')\]\u201d\u2019]*[^\S\n]+)[\"'(\[\u201c\u2018`]*$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.&'-]*[^\S\n]+$")


def _mid_sentence(text: str, at: int) -> bool:
    """Is ``at`` inside a sentence of running text (not its first word, not a headline)?"""
    if _SENTENCE_START.search(text, max(0, at - 12), at):
        return False
    line_end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1:line_end if line_end >= 0 else len(text)]
    return re.search(r"[.!?][\"')\]\u201d\u2019]*\s*$", line) is not None


def _after_a_name(text: str, at: int) -> bool:
    """'USA Today', 'High Noon', 'VOA Today': a capitalised word after a capitalised one
    inside running text is part of a name, not a time."""
    return (_CAPITALISED_BEFORE.search(text, max(0, at - 40), at) is not None
            and _mid_sentence(text, at))


def guard_in_a_name(text: str, m: re.Match[str]) -> bool:
    """'High Noon', 'Midnight Express': a capitalised time word after a capitalised word."""
    return not (m.group(0)[0].isupper() and _after_a_name(text, m.start()))


def guard_clock(text: str, m: re.Match[str]) -> bool:
    return prev_word(text, m) in ("at", "by", "until", "till", "from", "before", "after",
                                   "around", "about", "since", "to", "of", "approximately")


def guard_the_day(text: str, m: re.Match[str]) -> bool:
    prev = text[max(0, m.start() - 12):m.start()].lower()
    ok_before = re.search(r"(?:end|ending|ended|ends|finish|finished|finishing|for|on|of|"
                          r"in|during|close|closed|closing)\s+$", prev)
    return bool(ok_before) and next_word(text, m) not in (
        "after", "before", "of", "when", "that", "which", "in", "on")


def guard_duration(text: str, m: re.Match[str]) -> bool:
    # ages ("a 27-year-old", "27 years old") are not times
    if next_word(text, m) in ("old", "olds") or text[m.end():m.end() + 4] == "-old":
        return False
    q = (group(m, "n") or "").lower()
    unit = (group(m, "u") or "").lower()
    # "the 1988 quarter", "its 2025 year": a year before a singular unit names the year.
    if unit in UNITS and re.fullmatch(r"(?:1[89]|20)\d\d", q):
        return False
    if unit.startswith("second") and q in ("a", "an", "the"):
        return False  # "a second day": an ordinal, not one second
    if unit.startswith("quarter"):
        # "a quarter of the staff", "three quarters of its output": fractions
        after = text[m.end():m.end() + 30].lower().split()
        if q in ("a", "an"):
            return False
        return not (after[:1] == ["of"] and len(after) > 1 and after[1] in _DETERMINERS)
    return True


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "all", "our",
                          "this", "that", "these", "those"})


_HOLIDAY_WORDS = frozenset({"black", "good", "holy", "easter", "cyber", "bloody", "super",
                            "ash", "maundy", "palm", "boxing", "shrove", "giving"})


_PAPER_WORDS = frozenset({"times", "telegraph", "express", "mirror", "post", "herald", "mail",
                          "observer", "independent", "tribune", "star", "sport", "people"})


def guard_weekday(text: str, m: re.Match[str]) -> bool:
    """'Black Monday', 'Good Friday' name a particular day, not the nearest one; 'the Sunday
    Times' is a newspaper."""
    if group(m, "rel") is not None:
        return True
    after = text[m.end():m.end() + 2].strip()[:1]
    if after.isupper() and next_word(text, m) in _PAPER_WORDS:
        return False
    return prev_word(text, m) not in _HOLIDAY_WORDS


def guard_short_year(text: str, m: re.Match[str]) -> bool:
    """"in '82" is a year, "iLife '11" a product name."""
    return prev_word(text, m) in _MONTH_CONTEXT or prev_word(text, m) in (
        "summer", "spring", "autumn", "winter", "fall", "class", "since")



_NOT_THE_YEAR_AFTER = frozenset({
    "of", "before", "after", "prior", "when", "that", "which", "ago", "earlier", "later",
    "in", "round", "long", "two", "one", "nineteen", "twenty",
})


def guard_the_year(text: str, m: re.Match[str]) -> bool:
    """'for the year', 'the first nine months of the year'; not 'the year of the dragon',
    'the year before the war', 'the Year' of a prize or 'the year-long siege'."""
    if not m.group("u2").islower() or text[m.end():m.end() + 1] == "-":
        return False
    return next_word(text, m) not in _NOT_THE_YEAR_AFTER


def guard_daynum_alone(text: str, m: re.Match[str]) -> bool:
    """'on the 3rd', 'until the 15th,': after a preposition of time and before no noun ('on
    the 3rd floor', 'by the 2nd battalion')."""
    if prev_word(text, m) not in _DATE_PREPOSITIONS - {"of", "in", "during"}:
        return False
    rest = text[m.end():m.end() + 20].lstrip(" \t")
    return not rest[:1].isalpha() or next_word(text, m) in ("and", "or", "to", "at", "when")


def guard_vague(text: str, m: re.Match[str]) -> bool:
    """'now', 'soon', 'recently' as times; not 'now that' (a conjunction), 'as soon as' or
    'shortly after the vote' (TimeML: an ordering signal of another time, no time itself)."""
    nxt = next_word(text, m)
    said = m.group(0).lower()
    # "now that" and "now as" are conjunctions; "indicated in the past that ..." is not
    if nxt in ("as", "that", "to") and not said.startswith("the "):
        return False
    if text[m.end():m.end() + 1] == "-":
        return False
    if said in ("soon", "shortly", "very soon"):
        return nxt not in ("after", "before", "afterwards", "thereafter") and prev_word(
            text, m) != "as"
    return True


def guard_pod_alone(text: str, m: re.Match[str]) -> bool:
    """'fell overnight', 'in mid-afternoon'; not 'an overnight stay' or 'the late evening
    news' (a noun's modifier), nor 'the morning' (rule the_pod)."""
    if prev_word(text, m) in _DETERMINERS:
        return False
    return next_word(text, m) not in ("news", "paper", "papers", "edition", "session",
                                      "hours", "flight", "stay", "shift", "of")


def guard_the_pod(text: str, m: re.Match[str]) -> bool:
    """'in the morning', 'during the afternoon': a part of the day the story is at (not 'the
    morning of the vote', 'the evening news')."""
    return prev_word(text, m) in ("in", "during", "by", "through", "throughout") and (
        next_word(text, m) not in _NOT_THE_YEAR_AFTER | {"news", "paper", "papers", "edition",
                                                          "session", "hours"})


def guard_the_unit_signal(text: str, m: re.Match[str]) -> bool:
    """'the day after the vote', but not 'late in the day after falling' (a trading day)."""
    return prev_word(text, m) not in ("in", "during", "end", "ending", "ended", "for", "of")


def guard_narrative(text: str, m: re.Match[str]) -> bool:
    """'the same period' / 'the next quarter' only where the text speaks of periods."""
    u2 = (group(m, "u2") or "").lower()
    if u2 in ("quarter", "period"):
        return _speaks_of_periods(text, m.start())
    return True


def guard_that_unit(text: str, m: re.Match[str]) -> bool:
    """'that day' names a time; 'that day's vote' too; but not 'that year-long war'."""
    return text[m.end():m.end() + 1] != "-"


_PERIOD_TALK = re.compile(
    r"(?i)\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|Q[1-4]|quarterly|"
    r"fiscal|nine\s+months|six\s+months|(?:first|second)\s+half)\b"
)


def _speaks_of_periods(text: str, before: int) -> bool:
    return _PERIOD_TALK.search(text, 0, before) is not None


def guard_period(text: str, m: re.Match[str]) -> bool:
    """'the quarter' is a reporting period where the text has spoken of quarters or fiscal
    periods before it (else it may be a district: 'the old quarter'); 'period' needs a
    qualifier ('the year-ago period', 'the same period last year')."""
    which = (group(m, "which") or "").lower().split()
    unit = (group(m, "u2") or "").lower()
    if not m.group("u2")[0].islower() or next_word(text, m) == "of":
        return False
    if text[m.end():m.end() + 1] == "-":  # "the quarter-to-quarter comparison": a modifier
        return False
    if unit == "period" and not (which or group(m, "back")):
        return False
    if not m.group(0).lower().startswith("the") and not which:
        return False
    return _speaks_of_periods(text, m.start())


def guard_bare_plural(text: str, m: re.Match[str]) -> bool:
    """'recent days', 'the coming weeks', 'decades-long', 'for years'; not 'the years of war'
    or a bare plural used as a noun ('years' in 'light years')."""
    q = (group(m, "q") or "").lower()
    if group(m, "long"):
        return True
    if q and q != "the":
        return next_word(text, m) not in ("of", "old")
    if next_word(text, m) in ("of", "old", "later", "earlier", "ago"):
        return False
    prev = prev_word(text, m)
    if q == "the":
        return prev == "over"
    return prev in ("for", "in", "over", "within")


def guard_holiday(text: str, m: re.Match[str]) -> bool:
    """Named days are written with capitals ("Christmas", "Good Friday"): 'easter' or 'may
    day' in lower case is something else."""
    return all(w[0].isupper() for w in m.group("hol").split() if w[0].isalpha())
