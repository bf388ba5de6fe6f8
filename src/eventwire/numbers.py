"""Numbers written in digits or words: the one reader the whole code base uses.

``NumberReader.read("three dozen")`` is 36, ``"two thousand and twelve"`` 2012, ``"1,200"``
1200, ``"2.5 million"`` 2,500,000, ``"two and a half"`` 2.5; vague quantities ("dozens",
"several") are ``None``, as is anything that is not a well-formed number ("five six",
"nineteen ninety": a spoken year is read by ``read_year``, not as a quantity). The words
come from the lexicon (``numbers.toml``), so another language is another word table.
"""

from __future__ import annotations

import re
from functools import cached_property

from .lexicon import Lexicon, load_lexicon

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class NumberReader:
    """Reads number phrases with one language's number words."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        lex = lexicon if lexicon is not None else load_lexicon()
        self._units = dict(lex.mapping("numbers.units"))
        self._tens = dict(lex.mapping("numbers.tens"))
        self._hundred = dict(lex.mapping("numbers.hundred"))
        self._scales = dict(lex.mapping("numbers.scales"))
        self._multipliers = dict(lex.mapping("numbers.multipliers"))
        self._articles = lex.words("numbers.articles")
        self._joiners = lex.words("numbers.joiners")
        self._half = lex.words("numbers.half")
        self._vague = lex.words("numbers.vague")
        self._ordinals = dict(lex.mapping("numbers.ordinals"))
        self._zero_words = lex.words("numbers.zero_words")

    # -- reading ---------------------------------------------------------------------------

    def read(self, text: str) -> float | None:
        """The value of a number phrase, or None (vague, malformed or not a number)."""
        t = " ".join(_SPLIT.split(text.strip().lower()))
        if not t or t in self._vague:
            return None
        if _DIGITS.match(t):
            return float(t.replace(",", ""))
        return self._words(t.split())

    def read_int(self, text: str) -> int | None:
        """``read`` for counts: whole numbers only."""
        n = self.read(text)
        return int(n) if n is not None and float(n).is_integer() else None

    def _words(self, words: list[str]) -> float | None:
        if not words:
            return None
        if words[0] in self._half and len(words) > 1:  # "half a dozen", "half a million"
            rest = self._words(words[1:])
            return rest / 2 if rest is not None else None
        if len(words) == 2 and words[0] in self._articles and words[1] in self._half:
            return 0.5  # "a half"
        for k in range(1, len(words) - 2):  # "two and a half", "one and a half million"
            if words[k] == "and" and words[k + 1] in self._articles and words[k + 2] in self._half:
                base, tail = self._plain(words[:k]), words[k + 3 :]
                if base is None:
                    return None
                if not tail:
                    return base + 0.5
                scale = self._plain(["a", *tail]) if "a" in self._articles else None
                return (base + 0.5) * scale if scale is not None else None
        return self._plain(words)

    def _plain(self, words: list[str]) -> float | None:
        """Number words without fractions, read left to right; None when malformed."""
        total = 0.0
        current: float | None = None
        last = ""  # kind of the previous word: article unit teen tens hundred scale mult
        for k, w in enumerate(words):
            if w in self._joiners:
                # "one hundred and five", "a couple of": never first, "and" never last
                if k == 0 or (k == len(words) - 1 and w != "of"):
                    return None
                continue
            if _DIGITS.match(w):
                if last not in {"", "article"}:
                    return None
                current, last = float(w.replace(",", "")), "unit"
            elif w in self._units:
                v = self._units[w]
                if last in {"tens", "hundred"} and not (last == "tens" and v >= 10):
                    current = (current or 0) + v
                elif last in {"", "scale"}:
                    current = v
                else:  # "five six", "nineteen ninety", "twenty eleven", "a dozen five"
                    return None
                last = "teen" if v >= 10 else "unit"
            elif w in self._tens:
                if last == "hundred":
                    current = (current or 0) + self._tens[w]
                elif last in {"", "scale"}:
                    current = self._tens[w]
                else:
                    return None
                last = "tens"
            elif w in self._hundred:
                if last in {"hundred", "mult", "scale"}:
                    return None
                current = (current if current is not None else 1) * self._hundred[w]
                last = "hundred"
            elif w in self._scales:
                if last == "scale":
                    return None
                total += (current if current is not None else 1) * self._scales[w]
                current, last = None, "scale"
            elif w in self._multipliers:
                if current is None or last == "mult":  # "dozen" alone: not a count
                    return None
                current, last = current * self._multipliers[w], "mult"
            elif w in self._articles:
                if last:
                    return None
                current, last = 1.0, "article"
            else:
                return None
        if not last:
            return None
        return total + (current or 0)

    def read_ordinal(self, text: str) -> int | None:
        """'third' -> 3, 'twenty-first' -> 21, '21st' -> 21; 'last' -> -1."""
        t = " ".join(_SPLIT.split(text.strip().lower()))
        m = _ORDINAL_DIGITS.match(t)
        if m:
            return int(m.group(1))
        words = t.split()
        if not words or words[-1] not in self._ordinals:
            return None
        last = self._ordinals[words[-1]]
        if len(words) == 1:
            return int(last)
        head = self._words(words[:-1])
        if head is None or last < 1 or last >= 10 or head % 10 != 0:
            return None
        return int(head) + int(last)

    def read_year(self, text: str) -> int | None:
        """A year said in words: 'two thousand and twelve' -> 2012, 'nineteen ninety-eight'
        -> 1998, 'nineteen oh four' -> 1904, 'twenty twenty' -> 2020; digits as they are."""
        t = " ".join(_SPLIT.split(text.strip().lower()))
        if t.isdigit():
            return int(t)
        whole = self.read(t)
        if whole is not None and 1000 <= whole < 3000 and float(whole).is_integer():
            return int(whole)
        words = t.split()
        # two pairs: "nineteen | ninety eight", "twenty | twenty", "nineteen | oh four"
        for k in range(1, len(words)):
            century = self._words(words[:k])
            tail = words[k:]
            if century is None or not 10 <= century <= 29 or not century.is_integer():
                continue
            if tail[0] in self._zero_words and len(tail) == 2 and tail[1] in self._units:
                rest: float | None = self._units[tail[1]]
                if rest is not None and rest >= 10:
                    rest = None
            elif tail == list(self._hundred):
                rest = 0
            else:
                rest = self._words(tail)
                if rest is not None and not 10 <= rest <= 99:
                    rest = None
            if rest is not None and float(rest).is_integer():
                return int(century) * 100 + int(rest)
        return None

    # -- finding -----------------------------------------------------------------------------

    @cached_property
    def word_pattern(self) -> str:
        """A regex fragment (for ``re.IGNORECASE``) that matches the number words."""
        words = [*self._units, *self._tens, *self._hundred, *self._scales]
        return _alternation(words)

    @cached_property
    def hour_pattern(self) -> str:
        """A regex fragment (for ``re.IGNORECASE``) matching an hour of the clock said in a
        word ("eight in the evening"): the number words one to twelve."""
        return _alternation([w for w, v in self._units.items() if 1 <= v <= 12])

    @cached_property
    def year_pattern(self) -> str:
        """A regex fragment (for ``re.IGNORECASE``) matching a year said in words, the
        shapes ``read_year`` reads: "nineteen ninety-four", "nineteen oh four", "twenty
        twelve", "nineteen hundred", "two thousand and twelve", "two thousand five"."""
        digit = _alternation([w for w, v in self._units.items() if 1 <= v <= 9])
        teen = _alternation([w for w, v in self._units.items() if 10 <= v <= 19])
        tens = _alternation(list(self._tens))
        twenty = _alternation([w for w, v in self._tens.items() if v == 20])
        zero = _alternation(sorted(self._zero_words))
        hundred = _alternation(list(self._hundred))
        thousand = _alternation([w for w, v in self._scales.items() if v == 1000])
        two = _alternation([w for w, v in self._units.items() if v == 2])
        sep = r"[\s\-]+"
        pair = rf"(?:(?:{tens})(?:{sep}(?:{digit}))?|(?:{teen})|(?:{zero}){sep}(?:{digit}))"
        return (
            rf"(?:(?:{teen}|{twenty}){sep}(?:{pair}|(?:{hundred}))"
            rf"|(?:{two})\s+(?:{thousand})(?:(?:\s+and)?{sep}(?:{pair}|(?:{digit})))?)\b"
        )

    @cached_property
    def pattern(self) -> str:
        """A regex fragment (for ``re.IGNORECASE``) matching a number phrase in running text:
        digits ("1,200", "2.5"), number words ("twenty-five", "two hundred and five"), a
        multiplier after a number or an article ("three dozen", "a dozen", "half a dozen").
        Pass what it matches to ``read``; vague words are not matched."""
        word = rf"(?:{self.word_pattern})"
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
        mult = _alternation(list(self._multipliers))
        art = _alternation(sorted(self._articles))
        half = _alternation(sorted(self._half))
        big = _alternation([*self._hundred, *self._scales])
        joiner = r"(?:\s+and\s+|[\s\-]+)"
        core = rf"(?:{digits}|{word})(?:{joiner}{word})*"
        return (
            rf"(?:(?:(?:{half})\s+)?(?:{art})\s+(?:{mult}|{big})\b(?:\s+of\b)?"
            rf"|(?:{core})(?:\s+(?:{mult})\b(?:\s+of\b)?)?"
            rf"(?:\s+(?:{_alternation(list(self._scales))})\b)?)"
        )


__all__ = ["NumberReader"]
