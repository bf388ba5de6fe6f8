"""The trigger lexicon read into typed entries, checked against the PLOVER vocabulary once.

A trigger is a lemma that names an event: its PLOVER category and modes, the part of speech
it counts in, and its sense class (what the senses stage needs to see before the word is
an event; see ``nlp/stages/senses.py`` and the comments of ``events.toml``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, cast, get_args

from ..model import CATEGORIES, Category
from ..vocab import MODES
from . import Lexicon, LexiconError

Sense = Literal[
    "", "violent", "harm", "physical", "threat", "forces", "gathering", "custody",
    "judicial", "hack", "assets", "drill", "aim", "capture", "inquiry", "people",
    "freeing", "ejection", "raid", "state", "captive", "expulsion",
]
SENSES: frozenset[str] = frozenset(get_args(Sense))


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    category: Category
    modes: tuple[str, ...] = ()
    pos: Literal["VERB", "NOUN", ""] = ""  # "": verb or noun
    sense: Sense = ""

    def counts_as(self, pos: str) -> bool:
        return pos in {"VERB", "NOUN"} and (not self.pos or self.pos == pos)


@dataclass(frozen=True, slots=True)
class Compound:
    """ "air strike": a word before "strike" that makes it an event of this category."""

    category: Category
    mode: str


def _category(lemma: str, value: object) -> Category:
    if value not in CATEGORIES:
        raise LexiconError(f"trigger {lemma!r}: {value!r} is not a PLOVER category")
    return cast(Category, value)


def read_triggers(lexicon: Lexicon, table: str = "events.triggers") -> Mapping[str, Trigger]:
    """A table of triggers, by lemma (``events.phrasal_triggers``: by "verb particle")."""
    out: dict[str, Trigger] = {}
    for lemma, entry in lexicon.mapping(table).items():
        category = _category(lemma, entry.get("category"))
        modes = tuple(entry.get("modes", ()))
        bad = [m for m in modes if m not in MODES[category]]
        if bad:
            raise LexiconError(f"trigger {lemma!r}: {bad[0]!r} is not a mode of {category}")
        pos, sense = entry.get("pos", ""), entry.get("sense", "")
        if pos not in {"", "VERB", "NOUN"} or sense not in SENSES:
            raise LexiconError(f"trigger {lemma!r}: bad pos {pos!r} or sense {sense!r}")
        out[lemma] = Trigger(lemma, category, modes, pos, sense)
    return out


def read_compounds(lexicon: Lexicon) -> Mapping[str, Compound]:
    return {
        word: Compound(_category(word, e.get("category")), str(e.get("mode", "")))
        for word, e in lexicon.mapping("events.strike_compounds").items()
    }


__all__ = ["SENSES", "Compound", "Sense", "Trigger", "read_compounds", "read_triggers"]
