"""Temporal expressions in English news: find them, normalise them (TIMEX3 conventions).

Pure Python, rule based (regex grammar in ``rules.py``), no spaCy::

    find_timexes(text)                   -> [TimexSpan(start, end, text, type)]
    normalise(expr, anchor, tense_hint=, sentence=)
                                         -> Normalised(value, date, end_date, precision, anchor)
    annotate_timexes(text, anchor)       -> [(TimexSpan, Normalised)], tense guessed per sentence,
                                            "a year earlier" / "that day" read against the
                                            last time the text named (``story.py``)
    read_timexes(text, anchor)           -> [Reading(span, value, tensed)]: the same, and
                                            whether each value rests on the guessed tense
    resolve_relative(expr, ref_date)     -> "a day after" read against another event's date

Values follow TimeML / TempEval-3 / MEANTIME: 2026-02-06, 2026-02, 2026, 2026-W06,
2023-SU, 2005-Q4, 198 (the 1980s), 2026-02-06TMO, PAST_REF, PRESENT_REF, FUTURE_REF,
P3Y, PT30M. ``date``/``end_date``/``precision``/``anchor`` fit eventwire's ``Time`` record.
"""

from eventwire.timex.detect import (
    Reading,
    TimexSpan,
    annotate_timexes,
    find_timexes,
    guess_tense,
    read_timexes,
)
from eventwire.timex.normalise import Normalised, normalise, resolve_relative

__all__ = [
    "Normalised", "Reading", "TimexSpan", "annotate_timexes", "find_timexes", "guess_tense",
    "normalise", "read_timexes", "resolve_relative",
]
