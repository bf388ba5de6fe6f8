"""Outcome of violent events: dead, injured, arrested, and the victim's condition.

Counts come from number phrases ("killing three", "at least five people were injured");
a single named victim who was shot but is alive ("in critical condition") counts as one
injured and no dead. Condition phrases are read wherever the victim is mentioned."""

from __future__ import annotations

import re

from ... import vocab
from ...model import Outcome, Span
from ..resources import Resources
from ..work import Arg, Work, WorkEvent
from .participants import PERSON_NOUNS

_NUM_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a dozen": 12,
    "dozens": 24,
    "a": 1,
    "an": 1,
}
_NUM = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)"
_PEOPLE = r"(?:\w+\s){0,3}?(?:people|persons|civilians|soldiers|officers|policemen|police officers|children|men|women|protesters|students|troops|militants|others|worshippers|passengers|members|fighters)"  # noqa: E501
_KILLED = re.compile(
    rf"\b(?:at least |some |about |nearly |more than )?{_NUM}\s+{_PEOPLE}?\s*(?:were |was |have been |had been )?(?:killed|dead|died|shot dead)\b",  # noqa: E501
    re.I,
)
_KILLING = re.compile(
    rf"\b(?:killing|killed|leaving|left)\s+(?:at least |some |about )?{_NUM}\b(?!\s+(?:years?|days?|hours?))",  # noqa: E501
    re.I,
)
_INJURED = re.compile(
    rf"\b(?:at least |some |about |nearly |more than )?{_NUM}\s+{_PEOPLE}?\s*(?:were |was |have been |had been )?(?:injured|wounded|hurt)\b",  # noqa: E501
    re.I,
)
_WOUNDING = re.compile(rf"\b(?:injuring|wounding)\s+(?:at least |some |about )?{_NUM}\b", re.I)
_ARRESTED = re.compile(
    rf"\b(?:at least |some |about |nearly |more than )?{_NUM}\s+{_PEOPLE}?\s*(?:were |was |have been |had been )?(?:arrested|detained)\b",  # noqa: E501
    re.I,
)
_DEATH_TOLL = re.compile(rf"death toll (?:rose |has risen |climbed )?(?:to )?{_NUM}", re.I)
_KILLED_SINGULAR = {"kill", "assassinate", "murder", "slay", "behead", "execute"}


def _num(s: str) -> int | None:
    s = s.lower().replace(",", "")
    if s.isdigit():
        return int(s)
    return _NUM_WORDS.get(s)


def _scan(rx: re.Pattern[str], text: str, base: int) -> list[tuple[int, Span]]:
    out = []
    for m in rx.finditer(text):
        n = _num(m.group(1))
        if n is not None:
            out.append((n, Span(m.group(0), base + m.start(), base + m.end())))
    return out


# One unnamed person ("a woman", "he", "himself") is one victim as much as a named one is
_ONE_PERSON = PERSON_NOUNS | {"he", "she", "him", "her", "himself", "herself"}


def _one_person(a: Arg) -> bool:
    head = a.head
    return (
        not a.plural and not a.quantified and head.tag_ not in {"NNS", "NNPS"}
        and (head.lemma_.lower() in _ONE_PERSON or head.lower_ in _ONE_PERSON)
    )


def outcome_for(work: Work, ev: WorkEvent) -> Outcome | None:
    doc = work.doc
    sents = sorted({work.mentions[k].trigger.sent.start for k in ev.mentions})
    spans: list[Span] = []
    dead = injured = arrested = None
    for s_start in sents:
        sent = doc[s_start].sent
        st = sent.text
        base = sent.start_char
        for rx, kind in (
            (_KILLED, "dead"),
            (_KILLING, "dead"),
            (_DEATH_TOLL, "dead"),
            (_INJURED, "injured"),
            (_WOUNDING, "injured"),
            (_ARRESTED, "arrested"),
        ):
            for n, span in _scan(rx, st, base):
                spans.append(span)
                if kind == "dead":
                    dead = max(dead or 0, n)
                elif kind == "injured":
                    injured = max(injured or 0, n)
                else:
                    arrested = max(arrested or 0, n)
    condition, cspans = _condition(work, ev) if ev.category == "ASSAULT" else (None, [])
    spans += cspans
    victims = [
        a for a in ev.recipients if a.entity >= 0 and work.entities[a.entity].type == "PERSON"
    ] or [a for a in ev.recipients if _one_person(a)]
    lemmas = {work.mentions[k].trigger.lemma_.lower() for k in ev.mentions}
    if (
        ev.category == "ASSAULT"
        and len(victims) == 1
        and dead is None
        and injured is None
        and not ev.aggregate
    ):
        if lemmas & _KILLED_SINGULAR or condition == "died_later":
            dead, injured = 1, 0
        elif lemmas & {
            "shoot",
            "stab",
            "wound",
            "injure",
            "beat",
            "shooting",
            "stabbing",
        } or condition in {"critical", "serious", "stable"}:
            dead, injured = 0, 1
    if ev.category == "COERCE" and "arrest" in ev.modes and arrested is None:
        people = [a for a in ev.recipients if not a.plural]
        if people and len(people) == len(ev.recipients):
            arrested = len(people)
    if dead is None and injured is None and arrested is None and condition is None:
        return None
    uniq = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)
    return Outcome(
        dead=dead,
        injured=injured,
        arrested=arrested,
        condition=condition,  # type: ignore[arg-type]
        spans=tuple(uniq),
    )


def _condition(work: Work, ev: WorkEvent) -> tuple[str | None, list[Span]]:
    """Condition phrases in the event's sentences or in sentences naming its victim."""
    doc = work.doc
    victims = {a.entity for a in ev.recipients if a.entity >= 0}
    sent_starts = {work.mentions[k].trigger.sent.start for k in ev.mentions}
    if victims:
        for m in work.entity_mentions:
            if m.entity in victims:
                sent_starts.add(doc[m.start].sent.start)
        for i, e in work.pronoun_entity.items():
            if e in victims:
                sent_starts.add(doc[i].sent.start)
    found: list[tuple[int, str, Span]] = []
    text = work.article.text
    rank = {"died_later": 0, "critical": 1, "serious": 2, "stable": 3, "unharmed": 4}
    for s in sorted(sent_starts):
        sent = doc[s].sent
        low = sent.text.lower()
        for phrase, cond in vocab.CONDITIONS.items():
            k = low.find(phrase)
            while k >= 0:
                start = sent.start_char + k
                found.append(
                    (
                        rank[cond],
                        cond,
                        Span(text[start : start + len(phrase)], start, start + len(phrase)),
                    )
                )
                k = low.find(phrase, k + 1)
    if not found:
        return None, []
    best = min(found, key=lambda x: x[0])[1]
    return best, [f[2] for f in found]


def run(work: Work, res: Resources) -> None:
    for ev in work.events:
        if ev.category in {"ASSAULT", "COERCE", "PROTEST"}:
            ev.outcome = outcome_for(work, ev)
