"""WikiEvents (KAIROS ontology, ``dev.jsonl``): trigger and argument F1 on mapped types.

Text: rebuilt from the token offsets (the ``text`` field glues sentences together), so gold
character offsets hold. Types are compared at the first two levels ("Conflict.Attack").

Only the gold events whose types eventwire maps to (``MAPPED_TYPES``) are scored; the rest
of the ontology (Movement, Transaction, Disaster, ...) is out of scope and ignored in both
gold and predictions.

KAIROS annotates event *mentions*: every "attack", "killed", "the bombing" of one incident
is its own gold event, with the incident's arguments from anywhere in the document. A
record keeps one event per incident and the trigger of each of its mentions
(``Event.mentions``), so each predicted mention is scored, typed by its own trigger word,
with its event's arguments.

- ``trigger_f1``: a predicted mention matches a gold one of the same type when their
  character spans overlap (one-to-one).
- ``arg_f1``: for matched mention pairs, (role, head noun) pairs compared with head match;
  the arguments of unmatched gold/predicted mentions count as misses/false alarms. A
  place is an argument when the event's own sentences name it (a dateline or headline
  city that only stands in for the place is not). Each
  argument of an event is predicted once, at the nearest mention of its own sentence (or
  the nearest of all when its sentence has none). Roles
  scored: ``ROLES``. Ours: actors -> Attacker/Killer/Jailer, recipients -> Target/Victim/
  Detainee, place -> Place. We predict no Instrument (no weapon field), so its gold
  arguments count as misses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Event, Record, Span, make_article
from .base import EvalResult, Extractor, extract_records, limited, split_file
from .matching import head_noun, match_one_to_one, prf

METRICS = ("trigger_f1", "arg_f1")
MAPPED_TYPES = frozenset({
    "Conflict.Attack", "Life.Die", "Life.Injure", "Justice.ArrestJailDetain",
    "Conflict.Demonstrate", "Contact.ThreatenCoerce",
})
ROLES = frozenset(
    {"Attacker", "Target", "Victim", "Killer", "Place", "Instrument", "Detainee", "Jailer"}
)
# KAIROS role of our actors / recipients for each mapped type (None: not scored).
ROLE_OF: dict[str, tuple[str | None, str | None]] = {
    "Conflict.Attack": ("Attacker", "Target"),
    "Life.Die": ("Killer", "Victim"),
    "Life.Injure": (None, "Victim"),
    "Justice.ArrestJailDetain": ("Jailer", "Detainee"),
    "Conflict.Demonstrate": (None, None),
    "Contact.ThreatenCoerce": (None, None),
}
_DIE = ("kill", "die", "dead", "death", "murder", "slay", "slain", "behead", "execut", "fatal")
_INJURE = ("injur", "wound", "hurt", "maim")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str  # two-level KAIROS type
    start: int
    end: int
    args: tuple[tuple[str, str], ...]  # (role, text)


@dataclass(frozen=True, slots=True)
class WikiDoc:
    id: str
    text: str
    events: tuple[GoldEvent, ...]


def coarse(kairos_type: str) -> str:
    return ".".join(kairos_type.split(".")[:2])


def kairos_type(event: Event, trigger_span: Span | None = None) -> str | None:
    """Two-level KAIROS type of an eventwire event, or of one of its mentions (typed by
    its trigger word); None: outside the mapped set."""
    trigger = (trigger_span or event.trigger).text.lower()
    if event.category == "ASSAULT":
        if trigger.startswith(_DIE):
            return "Life.Die"
        if trigger.startswith(_INJURE):
            return "Life.Injure"
        return "Conflict.Attack"
    if event.category == "COERCE" and "arrest" in event.modes:
        return "Justice.ArrestJailDetain"
    if event.category == "PROTEST":
        return "Conflict.Demonstrate"
    if event.category == "THREATEN":
        return "Contact.ThreatenCoerce"
    return None


def _rebuild(doc: dict) -> tuple[str, list[tuple[int, int]]]:
    """Text with each token at its offset; sentences on their own line. Token char spans."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for sent_tokens, _sent_text in doc["sentences"]:
        for tok, start, end in sent_tokens:
            if len(chars) < start:
                chars.extend(" " * (start - len(chars)))
            chars[start:end] = list(tok)
            spans.append((start, end))
        if chars:
            chars.append("\n")
    return "".join(chars), spans


def load_wikievents(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[WikiDoc]:
    """``dev.jsonl`` (or ``test.jsonl``, ``train.jsonl``, or the only ``.jsonl``: see
    ``base.split_file``) in the folder, or the file itself."""
    file = split_file(path, (".jsonl",), "WikiEvents data", split)
    docs: list[WikiDoc] = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        text, spans = _rebuild(d)
        events = []
        for em in d["event_mentions"]:
            t = em["trigger"]
            events.append(GoldEvent(
                coarse(em["event_type"]), spans[t["start"]][0], spans[t["end"] - 1][1],
                tuple((a["role"], a["text"]) for a in em["arguments"]),
            ))
        docs.append(WikiDoc(d["doc_id"], text, tuple(events)))
    return limited(docs, limit)


def _nearest(event: Event, start: int) -> Span:
    """The mention of ``event`` an argument at ``start`` goes with: the nearest one of the
    argument's own sentence (the event's evidence sentences), else the nearest of all
    (ties: the earlier)."""
    mentions = event.mentions or (event.trigger,)
    for sent in event.evidence:
        if sent.start <= start < sent.end:
            mentions = tuple(m for m in mentions if sent.start <= m.start < sent.end) or mentions
            break
    return min(mentions, key=lambda m: (abs(m.start - start), m.start))


def _pred_args(event: Event, ktype: str, trigger: Span) -> list[tuple[str, str]]:
    """Arguments of one mention: the event's arguments nearest to it (each argument is
    predicted once, at the mention closest to it, where annotators attach it)."""
    actor_role, recipient_role = ROLE_OF[ktype]
    found: list[tuple[str, str, int]] = []
    if actor_role:
        found += [(actor_role, p.text, p.start) for p in event.actors]
    if recipient_role:
        found += [(recipient_role, p.text, p.start) for p in event.recipients]
    if event.place is not None and any(
        s.start <= event.place.start < s.end for s in event.evidence
    ):  # a place named in the event's own sentences (not a dateline or headline city)
        found.append(("Place", event.place.text, event.place.start))
    return [
        (r, t) for r, t, start in found
        if r in ROLES and _nearest(event, start) == trigger
    ]


def _same_arg(g: tuple[str, str], p: tuple[str, str]) -> bool:
    return g[0] == p[0] and head_noun(g[1]) == head_noun(p[1]) != ""


def _same_trigger(g: GoldEvent, p: tuple[Event, str, Span]) -> bool:
    return g.type == p[1] and p[2].start < g.end and g.start < p[2].end


def predicted_mentions(record: Record) -> list[tuple[Event, str, Span]]:
    """(event, KAIROS type, trigger) for every mention of every non-negated event."""
    out = []
    for e in record.events:
        if e.status == "negated":
            continue
        for trigger in e.mentions or (e.trigger,):
            k = kairos_type(e, trigger)
            if k is not None:
                out.append((e, k, trigger))
    return out


def score_wikievents_records(docs: Sequence[WikiDoc], records: Sequence[Record]) -> EvalResult:
    t_tp = t_pred = t_gold = a_tp = a_pred = a_gold = 0
    for doc, record in zip(docs, records, strict=True):
        gold = [g for g in doc.events if g.type in MAPPED_TYPES]
        pred = predicted_mentions(record)
        pairs = match_one_to_one(gold, pred, _same_trigger)
        t_tp += len(pairs)
        t_pred += len(pred)
        t_gold += len(gold)
        gold_args = [[a for a in g.args if a[0] in ROLES] for g in gold]
        pred_args = [_pred_args(e, k, m) for e, k, m in pred]
        a_gold += sum(map(len, gold_args))
        a_pred += sum(map(len, pred_args))
        for gi, pi in pairs:
            a_tp += len(match_one_to_one(gold_args[gi], pred_args[pi], _same_arg))
    return EvalResult(
        "wikievents", len(docs),
        {"trigger_f1": prf(t_tp, t_pred, t_gold)[2], "arg_f1": prf(a_tp, a_pred, a_gold)[2]},
        notes=(f"scored gold types: {', '.join(sorted(MAPPED_TYPES))}",
               "argument match: same role and head noun, within trigger-matched events"),
    )


def articles(docs: Sequence[WikiDoc]) -> list[Article]:
    return [make_article(d.text, title=d.id) for d in docs]


def score_wikievents(docs: Sequence[WikiDoc], extractor: Extractor) -> EvalResult:
    return score_wikievents_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "MAPPED_TYPES", "METRICS", "ROLES", "GoldEvent", "WikiDoc", "kairos_type",
    "load_wikievents", "score_wikievents", "score_wikievents_records",
]
