"""WikiEvents (KAIROS ontology, ``dev.jsonl``): trigger and argument F1 on mapped types.

Text: rebuilt from the token offsets (the ``text`` field glues sentences together), so gold
character offsets hold. Types are compared at the first two levels ("Conflict.Attack").

Only the gold events whose types eventwire maps to (``MAPPED_TYPES``) are scored; the rest
of the ontology (Movement, Transaction, Disaster, ...) is out of scope and ignored in both
gold and predictions.

- ``trigger_f1``: a predicted trigger matches a gold one of the same type when their
  character spans overlap (one-to-one).
- ``arg_f1``: for matched event pairs, (role, head noun) pairs compared with head match;
  the arguments of unmatched gold/predicted events count as misses/false alarms. Roles
  scored: ``ROLES``. Ours: actors -> Attacker/Killer/Jailer, recipients -> Target/Victim/
  Detainee, place -> Place. We predict no Instrument (no weapon field), so its gold
  arguments count as misses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Event, Record, make_article
from .base import EvalResult, Extractor, extract_records, limited, require_path
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


def kairos_type(event: Event) -> str | None:
    """Two-level KAIROS type of an eventwire event (None: outside the mapped set)."""
    trigger = event.trigger.text.lower()
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


def load_wikievents(path: str | Path, limit: int | None = None) -> list[WikiDoc]:
    p = require_path(path, "WikiEvents data")
    file = p / "dev.jsonl" if p.is_dir() else p
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


def _pred_args(event: Event, ktype: str) -> list[tuple[str, str]]:
    actor_role, recipient_role = ROLE_OF[ktype]
    args: list[tuple[str, str]] = []
    if actor_role:
        args += [(actor_role, p.text) for p in event.actors]
    if recipient_role:
        args += [(recipient_role, p.text) for p in event.recipients]
    if event.place is not None:
        args.append(("Place", event.place.text))
    return [(r, t) for r, t in args if r in ROLES]


def _same_arg(g: tuple[str, str], p: tuple[str, str]) -> bool:
    return g[0] == p[0] and head_noun(g[1]) == head_noun(p[1]) != ""


def _same_trigger(g: GoldEvent, p: tuple[Event, str]) -> bool:
    return g.type == p[1] and p[0].trigger.start < g.end and g.start < p[0].trigger.end


def score_wikievents_records(docs: Sequence[WikiDoc], records: Sequence[Record]) -> EvalResult:
    t_tp = t_pred = t_gold = a_tp = a_pred = a_gold = 0
    for doc, record in zip(docs, records, strict=True):
        gold = [g for g in doc.events if g.type in MAPPED_TYPES]
        pred = [(e, k) for e in record.events if e.status != "negated"
                for k in [kairos_type(e)] if k is not None]
        pairs = match_one_to_one(gold, pred, _same_trigger)
        t_tp += len(pairs)
        t_pred += len(pred)
        t_gold += len(gold)
        gold_args = [[a for a in g.args if a[0] in ROLES] for g in gold]
        pred_args = [_pred_args(e, k) for e, k in pred]
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
