"""Where a rule's match can begin: scan each rule only from the words it can start with.

``re.finditer`` tries a pattern at every position of the text; the grammar's patterns all
open with a left-edge test (``(?<![\\w'])``), which stops ``re`` from skipping ahead by the
first character, so each of the ~65 rules paid for every character of every article. But a
match can only begin at the start of a word, and each rule only at a few words ("the",
a weekday, a digit ...). For each compiled pattern this module reads, from the parsed
pattern itself (``re._parser``, never typed by hand), the *heads*: short strings (up to
three characters, case-folded; ``#`` for any decimal digit) one of which every match
begins with. One scan of the text lists its word starts; a rule is tried
(``pattern.match(text, pos)``) only at the word starts whose first characters are one of
its heads, left to right, resuming after each match, which is what ``finditer`` does
(lookbehinds and ``\\b`` see the whole string either way). A pattern whose heads cannot be
proved (a class of letters or any character first, an optional start, no left-edge test)
has ``None`` and is scanned whole, as before: the scan finds exactly what ``finditer``
found, only sooner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

Heads = frozenset[str] | None

MEMO_LIMIT = 50_000  # words and pairs an ``Index.starts`` memo holds before it is cleared

DIGIT = "#"  # the head of a match that begins with a decimal digit (any script: ``\d``)
_K = 3  # heads are at most this long; the first three letters tell most words apart
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_MAX_CLASS = 26  # a larger class of characters first gives no useful heads

# ``re.IGNORECASE`` matches these four with the ASCII letters (re's docs); ``str.lower``
# alone would not (tests/timex/test_anchors.py checks every code point).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# The edge every rule of the grammar opens with (rules._rx); a match begins only after it.
_EDGE = P.parse(r"(?<![\w'])").data
# The grammar's space between words (rules._rx: never a line break); a run of it is read as
# one space, in the pattern and in the text.
_SPACE = P.parse(r"[^\S\n]").data[0][1]
# Word starts: after no word character or apostrophe, the word and, after a run of
# spaces, the first three characters of the next one.
_WORD_START = re.compile(r"(?<![\w'])([\w']+)(?=(?:[^\S\n]+([\w']{1,3}))?)")


def fold(s: str) -> str:
    """Case-fold as ``re.IGNORECASE`` compares ASCII letters (same length as ``s``)."""
    return s.translate(_FOLD).lower()


def heads(pattern: re.Pattern[str]) -> Heads:
    """Strings (up to three characters, folded; ``#`` for a digit) one of which every match
    of ``pattern`` begins with, or None when that cannot be shown."""
    parsed = P.parse(pattern.pattern, pattern.flags)
    if not _opens_with_edge(parsed.data) or parsed.getwidth()[0] == 0:
        return None  # only word starts are listed; an empty match would need finditer's rule
    got = _walk(parsed.data, {""})
    if got is None:
        return None
    done, open_ = got
    if "" in open_:
        return None
    return frozenset(done | open_)


def _opens_with_edge(items: Any) -> bool:
    if not items:
        return False
    (op, av), (edge_op, edge_av) = items[0], _EDGE[0]
    return bool(op is edge_op and av[0] == edge_av[0] and av[1].data == edge_av[1].data)


def _char_key(ch: str) -> str | None:
    """What a literal first character stands for in a head (None: not an ASCII letter,
    digit, underscore or apostrophe: no head)."""
    if ch.isascii() and ch.isdigit():
        return DIGIT
    if ch.isascii() and (ch.isalpha() or ch in "_'"):
        return ch.lower()
    return None


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a small class of literals and ranges; ``\\d`` as the digit head."""
    out: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.RANGE and av[1] - av[0] < _MAX_CLASS:
            out.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.append("0")  # any decimal digit: the digit head
        else:
            return None  # a negated class, \w, \s ...
    return out if len(out) <= _MAX_CLASS else None


def _extend(open_: set[str], keys: list[str | None], done: set[str]) -> set[str] | None:
    """Read one more character (one of ``keys``; " " for a run of spaces) after each open
    prefix."""
    out: set[str] = set()
    for s in open_:
        first, space, second = s.partition(" ")
        for k in keys:
            if k == " " and s.endswith(" "):
                out.add(s)  # a run of spaces reads as one
            elif k == DIGIT and s.endswith(" "):
                done.add(s + DIGIT)  # "the 1990s": a number after a whole word
            elif k is None or (k == DIGIT and s) or (k == " " and (space or not s)):
                if not s:
                    return None
                done.add(s.rstrip())  # the head stops before a character it cannot name
            elif k == DIGIT:
                done.add(DIGIT)
            elif k == " ":
                out.add(s + " ")  # a whole first word: the next one's letters follow
            elif (len(second) if space else len(first)) >= _K:
                done.add(s)  # three letters of a word are enough
            else:
                out.add(s + k)
    return out


def _close(open_: set[str], done: set[str]) -> bool:
    """End every open prefix here (what follows is not known); False if one is empty."""
    if "" in open_:
        return False
    done |= {s.rstrip() for s in open_}
    return True


def _walk(items: list[tuple[Any, Any]], start: set[str]) -> tuple[set[str], set[str]] | None:
    """Read a sequence from the open prefixes ``start``: (finished heads, still open)."""
    done: set[str] = set()
    open_ = set(start)
    for op, av in items:
        if not open_:
            break
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            got = _extend(open_, [_char_key(chr(av))], done)
        elif op is C.IN and av == _SPACE:
            got = _extend(open_, [" "], done)
        elif op in _REPEATS and av[2].data == [(C.IN, _SPACE)]:
            # a run of spaces between words (min 0: the words may also touch)
            got = _extend(open_, [" "], done)
            if got is not None and av[0] == 0:
                got |= open_
        elif op is C.IN:
            chars = _class_chars(av)
            if chars is not None:
                got = _extend(open_, [_char_key(c) for c in chars], done)
            else:
                got = set() if _close(open_, done) else None
        elif op is C.SUBPATTERN:
            sub = _walk(av[-1].data, open_)
            if sub is None:
                return None
            done |= sub[0]
            got = sub[1]
        elif op is C.BRANCH:
            got = set()
            for alt in av[1]:
                sub = _walk(alt.data, open_)
                if sub is None:
                    return None
                done |= sub[0]
                got |= sub[1]
        elif op in _REPEATS:
            low, high, body = av
            if high == 0:
                continue
            sub = _walk(body.data, open_)
            if sub is None:
                return None
            done |= sub[0]
            if high == 1:  # "(?:the\s+)?": once or not at all, the rest reads on
                got = sub[1] | open_ if low == 0 else sub[1]
            elif not _close(sub[1], done):
                return None  # a body that can be empty tells nothing
            else:
                # after one pass more passes or the rest may follow: the heads read so far
                # stop there; when the body is optional, the rest reads on
                got = open_ if low == 0 else set()
        else:  # any character, a back-reference ...
            got = set() if _close(open_, done) else None
        if got is None:
            return None
        open_ = got
    return done, open_


@dataclass(frozen=True, slots=True)
class Index:
    """Which patterns (by their place in the list) may begin at a word with a given head."""

    by_head: dict[str, tuple[int, ...]]
    anchored: tuple[bool, ...]
    first_words: frozenset[str] = frozenset()  # words some head goes on past ("the week")

    def starts(self, text: str, memo: dict[Any, Any] | None = None) -> dict[int, list[int]]:
        """For each anchored pattern that may match in ``text``, the word starts to try it
        at, in order. ``memo``: what was read of each word (and pair of words) before, a
        dict the caller keeps across texts for this index (what a word may begin depends
        on the word alone); bounded, cleared when it grows past ``MEMO_LIMIT``."""
        out: dict[int, list[int]] = {}
        if memo is None:
            memo = {}
        elif len(memo) > MEMO_LIMIT:
            memo.clear()
        for m in _WORD_START.finditer(text):
            word, after = m.groups()
            got = memo.get(word)
            if got is None:
                got = memo[word] = (self.which(word), fold(word) in self.first_words)
            which, two_words = got
            if two_words and after is not None:
                key = (word, after)  # a pair: a tuple key, never equal to a word's
                both = memo.get(key)
                if both is None:
                    both = memo[key] = self.which(word, after)
                which = both
            if which:
                p = m.start()
                for i in which:
                    found = out.get(i)
                    if found is None:
                        out[i] = [p]
                    else:
                        found.append(p)
        return out

    def which(self, word: str, after: str | None = None) -> tuple[int, ...]:
        """The patterns that may begin at ``word`` (the whole word), followed by a word
        beginning ``after`` (its first three characters) or none."""
        if word[0].isdecimal():
            return self.by_head.get(DIGIT, ())
        key = fold(word[:_K])
        if after is not None and len(word) <= _K:
            # "the week": a short word read with the next one
            two = f"{key} {DIGIT if after[0].isdecimal() else fold(after)}"
            for n in range(len(two), len(key) + 1, -1):
                got = self.by_head.get(two[:n])
                if got is not None:
                    return got
        for n in range(len(key), 0, -1):
            got = self.by_head.get(key[:n])
            if got is not None:
                return got
        return ()

    def which_at_start(self, expr: str) -> tuple[int, ...] | None:
        """The anchored patterns that may match at the start of ``expr`` (None: no word
        starts there, so none may)."""
        m = _WORD_START.match(expr)
        return None if m is None else self.which(*m.groups())


def index(patterns: Sequence[re.Pattern[str]]) -> Index:
    """Heads of every pattern; each head maps to the patterns of it and of every shorter
    head it begins with, so that the longest head a word begins with tells them all."""
    own: dict[str, set[int]] = {}
    anchored = []
    for i, pattern in enumerate(patterns):
        hs = heads(pattern)
        anchored.append(hs is not None)
        for h in hs or ():
            own.setdefault(h, set()).add(i)
    by_head = {
        h: tuple(sorted(set().union(*(v for g, v in own.items() if h.startswith(g)))))
        for h in own
    }
    first_words = frozenset(h.partition(" ")[0] for h in own if " " in h)
    return Index(by_head, tuple(anchored), first_words)


def scan(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only ``starts`` (every place a match can begin)."""
    after = 0
    for p in starts:
        if p < after:
            continue
        m = pattern.match(text, p)
        if m is not None:
            after = m.end()
            yield m


__all__ = ["DIGIT", "MEMO_LIMIT", "Heads", "Index", "fold", "heads", "index", "scan"]
