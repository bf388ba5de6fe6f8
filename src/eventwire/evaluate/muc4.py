"""MUC-3/4 (TST1, TST2): incident type and role-filler entity extraction (REE).

Gold: the answer-key templates (``key-*``) next to the texts (``tst*-muc*``) in each
``tst*`` folder. Per document, the five GRIT/TANL roles are gathered over all templates
(optional ones too): PerpInd (slot 9), PerpOrg (10), Target (12 PHYS TGT ID), Victim (18 HUM
TGT NAME plus 19 DESCRIPTION lines not tied to a name) and Weapon (6 INSTRUMENT ID). A line
with ``"A" / "B"`` is one entity with two mentions; entities sharing a mention are merged.

Scoring (``ree_*``): per document and role, a predicted filler matches a gold entity when
its head noun equals the head of any of the entity's mentions; one-to-one; micro-averaged
over roles and documents. ``incident_type_acc``: per document, the type of the main mapped
event must be one of the gold templates' types ("none" is right only for a document with
no template).

Texts are upper case: we sentence-case them (lower-case, then upper-case the first letter
of each sentence and paragraph) before extraction, keeping every offset. The dateline date
("4 FEB 90") becomes ``article.published`` so relative times can resolve.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Event, Participant, Record, make_article
from .base import EvalResult, Extractor, extract_records, limited, main_event, require_path
from .matching import dedupe_by_head, head_noun, match_one_to_one, prf, ratio, words

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
METRICS = ("incident_type_acc", "ree_p", "ree_r", "ree_f1")
INCIDENT_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "FORCED WORK STOPPAGE")

# Weapon nouns looked for in an ASSAULT event's evidence (eventwire has no weapon field).
WEAPONS = frozenset(
    [
        "bomb", "bombs", "car-bomb", "explosive", "explosives", "dynamite", "grenade", "grenades",
        "rifle", "rifles", "gun", "guns", "machinegun", "machineguns", "machine-gun",
        "machine-guns", "submachinegun", "pistol", "pistols", "revolver", "revolvers", "rocket",
        "rockets", "mortar", "mortars", "mine", "mines", "landmine", "landmines", "missile",
        "missiles", "bazooka", "bazookas", "artillery", "firearm", "firearms", "ak-47", "m-16",
        "fal", "knife", "knives", "machete", "machetes", "incendiary", "molotov", "shotgun",
        "shotguns", "carbine", "uzi", "charge", "charges", "device", "bullets", "bullet", "tnt",
        "cannon"
    ]
)
# Heads that name things, not people: a recipient with one of these is a physical target.
PHYSICAL = frozenset(
    [
        "building", "buildings", "embassy", "office", "offices", "house", "houses", "home", "homes",
        "residence", "bus", "buses", "vehicle", "vehicles", "car", "cars", "truck", "trucks",
        "tower", "towers", "pylon", "pylons", "bridge", "bridges", "bank", "banks", "farm", "farms",
        "facility", "facilities", "headquarters", "station", "stations", "plant", "plants",
        "pipeline", "line", "lines", "installation", "installations", "school", "church", "hotel",
        "store", "shop", "shops", "warehouse", "base", "post", "posts", "airport", "port", "plane",
        "aircraft", "helicopter", "train", "mission", "consulate", "ministry", "hall", "barracks",
        "substation", "dam"
    ]
)
_ARSON = ("burn", "torch", "arson", "set fire", "set ablaze", "firebomb")  # trigger prefixes
_ROBBERY = ("rob", "stole", "steal", "loot", "hold-up", "holdup")
_ORG_ENTITY_TYPES = frozenset({"ORG"})
_THING_ENTITY_TYPES = frozenset({"ORG", "GPE", "LOC"})

_DOC_ID = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\s*$", re.MULTILINE)
_SLOT = re.compile(r"^(\d+)\.\s+(.+?)(?:\s{2,}(.*))?$")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_DATELINE = re.compile(
    r"\b(\d{1,2}) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]* (\d{2})\b"
)
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
_SENTENCE_START = re.compile(r"(^\s*|[.!?]\s+|\n\s*\n\s*|--\s+)([a-z])")
_WRAP = re.compile(r"(?<=\S)\n(?=[ \t]*\S)")  # a line break inside a paragraph


@dataclass(frozen=True, slots=True)
class MucDoc:
    id: str
    text: str  # sentence-cased
    published: str | None
    incident_types: frozenset[str]
    roles: dict[str, tuple[tuple[str, ...], ...]]  # role -> entities -> mentions


def sentence_case(text: str) -> str:
    """Unwrap lines, lower-case, capitalise sentence and paragraph starts (same length)."""
    flat = _WRAP.sub(" ", text.lower())
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), flat)


def _published(text: str) -> str | None:
    m = _DATELINE.search(text[:300])
    if not m:
        return None
    day, month, year = int(m.group(1)), _MONTHS.index(m.group(2)) + 1, int(m.group(3))
    return f"{1900 + year if year > 30 else 2000 + year:04d}-{month:02d}-{day:02d}"


def parse_texts(raw: str) -> dict[str, str]:
    """Message id -> original (upper-case) text."""
    parts = _DOC_ID.split(raw)
    return {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}


def _entity_lines(lines: list[str], *, unlinked_only: bool = False) -> list[tuple[str, ...]]:
    out = []
    for line in lines:
        line = line.strip()
        if not line or line in {"-", "*"}:
            continue
        if unlinked_only and re.search(r'"\s*:\s*"', line):
            continue  # a description tied to a name: the name already counts
        mentions = tuple(m.replace('\\"', '"').strip() for m in _QUOTED.findall(line))
        if mentions:
            out.append(mentions)
    return out


def parse_keys(raw: str) -> dict[str, list[dict[int, list[str]]]]:
    """Message id -> templates, each slot number -> value lines ([] for irrelevant docs)."""
    docs: dict[str, list[dict[int, list[str]]]] = {}
    for block in re.split(r"\n\s*\n", raw):
        slots: dict[int, list[str]] = {}
        last = -1
        for line in block.splitlines():
            if line.startswith(";") or not line.strip():
                continue
            m = _SLOT.match(line)
            if m and (last < 0 or int(m.group(1)) == last + 1):
                last = int(m.group(1))
                slots[last] = [m.group(3) or ""]
            elif last >= 0:
                slots[last].append(line)
        if 0 not in slots:
            continue
        doc_id = slots[0][0].strip()
        templates = docs.setdefault(doc_id, [])
        if slots.get(1, ["*"])[0].strip() != "*":
            templates.append(slots)
    return docs


def _merge(entities: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Union entities that share a mention (the same filler in several templates)."""
    groups: list[list[str]] = []
    for ent in entities:
        keys = {m.upper() for m in ent}
        hit = [g for g in groups if keys & {m.upper() for m in g}]
        merged = [m for g in hit for m in g] + [m for m in ent]
        groups = [g for g in groups if g not in hit]
        groups.append(list(dict.fromkeys(merged)))
    return tuple(tuple(g) for g in groups)


def gold_roles(templates: list[dict[int, list[str]]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    collected: dict[str, list[tuple[str, ...]]] = {r: [] for r in ROLES}
    for t in templates:
        collected["PerpInd"] += _entity_lines(t.get(9, []))
        collected["PerpOrg"] += _entity_lines(t.get(10, []))
        collected["Target"] += _entity_lines(t.get(12, []))
        collected["Victim"] += _entity_lines(t.get(18, []))
        collected["Victim"] += _entity_lines(t.get(19, []), unlinked_only=True)
        collected["Weapon"] += _entity_lines(t.get(6, []))
    return {r: _merge(v) for r, v in collected.items()}


def _types(templates: list[dict[int, list[str]]]) -> frozenset[str]:
    out: set[str] = set()
    for t in templates:
        value = " ".join(t.get(4, [""])).strip()
        out.update(x.strip() for x in value.split("/") if x.strip() not in {"", "*", "-"})
    return frozenset(out)


def load_muc4(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[MucDoc]:
    """Every ``tst*`` folder under ``path`` (or ``path`` itself when it holds the files).
    MUC's own sets are all called tst1..tst4: ``split`` is not used."""
    root = require_path(path, "MUC-4 data")
    folders = sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("tst"))
    docs: list[MucDoc] = []
    for folder in folders or [root]:
        texts_file = [f for f in sorted(folder.iterdir()) if re.match(r"(tst|dev)\S*-muc", f.name)]
        keys_file = [f for f in sorted(folder.iterdir()) if f.name.startswith("key-")]
        if not texts_file or not keys_file:
            continue
        texts = parse_texts(texts_file[0].read_text(encoding="latin-1"))
        keys = parse_keys(keys_file[0].read_text(encoding="latin-1"))
        for doc_id, raw in texts.items():
            templates = keys.get(doc_id, [])
            docs.append(MucDoc(doc_id, sentence_case(raw.replace("[TEXT]", "      ")),
                               _published(raw), _types(templates), gold_roles(templates)))
    return limited(docs, limit)


# -- predictions ---------------------------------------------------------------------------


def incident_type(event: Event) -> str | None:
    """MUC incident type of an eventwire event (None: not a MUC incident)."""
    modes = set(event.modes)
    trigger = event.trigger.text.lower()
    if event.category == "ASSAULT":
        if modes & {"explosives", "suicide-attack"}:
            return "BOMBING"
        if "abduct" in modes:
            return "KIDNAPPING"
        if trigger.startswith(_ARSON) and "firearms" not in modes:
            return "ARSON"
        if trigger.startswith(_ROBBERY):
            return "ROBBERY"
        return "ATTACK"
    if event.category == "PROTEST" and "strike" in modes:
        return "FORCED WORK STOPPAGE"
    if event.category == "COERCE" and "seize" in modes and trigger.startswith(_ROBBERY):
        return "ROBBERY"
    return None


def _entity_type(record: Record, p: Participant) -> str | None:
    for e in record.entities:
        if e.id == p.entity_id:
            return e.type
    return None


def weapons_in(event: Event) -> list[str]:
    """Weapon nouns in the event's trigger and evidence, in order, one per head."""
    text = " ".join([event.trigger.text] + [s.text for s in event.evidence])
    return dedupe_by_head(w for w in words(text) if w in WEAPONS)


def predicted_roles(record: Record) -> tuple[str | None, dict[str, list[str]]]:
    """(incident type of the main mapped event, role -> predicted filler strings)."""
    roles: dict[str, list[str]] = {r: [] for r in ROLES}
    mapped = [e for e in record.events if e.status != "negated" and incident_type(e)]
    for ev in mapped:
        for p in ev.actors:
            kind = "PerpOrg" if _entity_type(record, p) in _ORG_ENTITY_TYPES else "PerpInd"
            roles[kind].append(p.text)
        for p in ev.recipients:
            etype = _entity_type(record, p)
            physical = head_noun(p.text) in PHYSICAL or (
                etype in _THING_ENTITY_TYPES and etype != "PERSON"
            )
            roles["Target" if physical else "Victim"].append(p.text)
        if ev.category == "ASSAULT":
            roles["Weapon"] += weapons_in(ev)
    best = main_event(record.__class__(article=record.article, events=tuple(mapped)))
    return (incident_type(best) if best else None), {r: dedupe_by_head(v) for r, v in roles.items()}


def score_muc4_records(docs: Sequence[MucDoc], records: Sequence[Record]) -> EvalResult:
    tp = n_pred = n_gold = correct_type = 0
    for doc, record in zip(docs, records, strict=True):
        itype, pred = predicted_roles(record)
        if (itype in doc.incident_types) or (itype is None and not doc.incident_types):
            correct_type += 1
        for role in ROLES:
            gold = doc.roles.get(role, ())
            pairs = match_one_to_one(
                gold, pred[role], lambda g, p: head_noun(p) in {head_noun(m) for m in g}
            )
            tp += len(pairs)
            n_pred += len(pred[role])
            n_gold += len(gold)
    p, r, f = prf(tp, n_pred, n_gold)
    return EvalResult(
        "muc4", len(docs),
        {"incident_type_acc": ratio(correct_type, len(docs)), "ree_p": p, "ree_r": r, "ree_f1": f},
        notes=(
            "REE: head-noun match, one-to-one, micro over PerpInd/PerpOrg/Target/Victim/Weapon",
            "texts sentence-cased before extraction; Victim includes unlinked descriptions",
        ),
    )


def articles(docs: Sequence[MucDoc]) -> list[Article]:
    return [make_article(d.text, title=d.id, published=d.published) for d in docs]


def score_muc4(docs: Sequence[MucDoc], extractor: Extractor) -> EvalResult:
    return score_muc4_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "INCIDENT_TYPES", "METRICS", "ROLES", "WEAPONS", "MucDoc", "incident_type", "load_muc4",
    "parse_keys", "parse_texts", "predicted_roles", "score_muc4", "score_muc4_records",
    "sentence_case", "weapons_in",
]
