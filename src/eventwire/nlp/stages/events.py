"""Event mentions: find triggers, read their actors and recipients, judge their status.

A trigger is a verb or noun in vocab.TRIGGERS. Generic plurals ("assassinations and
attacks") name kinds of events, not events, and are skipped; a predicate noun ("called the
shooting a terrorist attack") describes another event and is skipped; a definite or
possessive noun ("the shooting", "Alekseyev's shooting") is marked anaphoric so the merge
stage can join it to the event it points at."""

from __future__ import annotations

from spacy.tokens import Token

from ... import vocab
from ...model import Category
from ..arguments import QUANT_WORDS, children, make_arg, subject_up
from ..resources import Resources
from ..spans import conjuncts
from ..stage import Stage
from ..work import Arg, Mention, Work

_PLURAL_ONLY = {"talks", "negotiations", "sanctions", "hostilities"}
_MODALS_HYPO = {"would", "could", "might", "may", "should"}
_GENERIC_DETS = {"no", "any", "every", "each"}
_REQUEST_HEADS = {"call", "calls", "demand", "demands", "appeal", "appeals", "plea", "urge"}
_ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
_AGGREGATE_CUES = {"repeatedly", "regularly", "frequently", "routinely"}
_STRIKE_COMPOUNDS: dict[str, tuple[Category, str]] = {
    "air": ("ASSAULT", "aerial"),
    "drone": ("ASSAULT", "drone"),
    "missile": ("ASSAULT", "heavy-weapons"),
    "rocket": ("ASSAULT", "heavy-weapons"),
    "artillery": ("ASSAULT", "heavy-weapons"),
    "mortar": ("ASSAULT", "heavy-weapons"),
    "hunger": ("PROTEST", "hunger"),
    "general": ("PROTEST", "strike"),
}


def _trigger(t: Token) -> tuple[Category, set[str]] | None:
    lemma = t.lemma_.lower()
    if t.pos_ == "NOUN" and lemma == "strike":
        comp = next((c.lower_ for c in t.children if c.dep_ in {"compound", "amod"}), None)
        if comp in _STRIKE_COMPOUNDS:
            cat, mode = _STRIKE_COMPOUNDS[comp]
            return cat, {mode}
        if t.head.lemma_ == "on" and t.head.head.lemma_ in {"go", "be"}:
            return "PROTEST", {"strike"}
        return None
    if lemma == "fire" and t.pos_ == "VERB" and (
        not any(c.dep_ == "prep" and c.lower_ in {"at", "on", "upon"} for c in t.children)
        and not any(c.dep_ == "dobj" and c.lower_ in {"shot", "shots"} for c in t.children)
        and not (t.head.lemma_ == "open" or any(c.lower_ == "open" for c in t.lefts))
    ):
        return None
    if lemma not in vocab.TRIGGERS:
        return None
    if t.pos_ not in {"VERB", "NOUN"}:
        return None
    if t.pos_ == "NOUN" and lemma in vocab.VERB_ONLY:
        return None
    if t.pos_ == "VERB" and lemma in vocab.NOUN_ONLY:
        return None
    cat, modes = vocab.TRIGGERS[lemma]
    return cat, set(modes)


def _skip_noun(t: Token) -> bool:
    """Nouns that do not introduce an event of their own."""
    if (
        t.ent_type_ in {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT"}
        and t.ent_iob_ != "O"
    ):
        return t.ent_type_ != "EVENT"
    if t.dep_ in {"oprd", "attr"}:
        return True
    dets = {c.lower_ for c in t.children if c.dep_ in {"det", "poss", "nummod"}}
    if (
        t.tag_ == "NNS"
        and t.lower_ not in _PLURAL_ONLY
        and not dets
        and not any(
            c.dep_ in {"nummod", "amod"} and (c.like_num or c.lower_ in QUANT_WORDS)
            for c in t.children
        )
    ):
        return True  # generic plural: kinds of events
    return bool(t.dep_ == "compound")


def _generic_clause(t: Token) -> bool:
    """ "No war criminal who has killed ...": a relative clause on a generic subject talks
    about kinds of deeds, not events."""
    cur = t
    for _ in range(6):
        subj = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj and any(c.lower_ in _GENERIC_DETS for c in subj[0].children if c.dep_ == "det"):
            return True
        if cur.dep_ == "relcl":
            return any(c.lower_ in _GENERIC_DETS for c in cur.head.children if c.dep_ == "det")
        if cur.head.i == cur.i or cur.dep_ not in {"conj", "relcl"}:
            return False
        cur = cur.head
    return False


def _instrument(t: Token) -> bool:
    """A weapon noun that is the subject or object of a violent verb names the means."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in vocab.WEAPON_MODES:
        return False
    head = t.head
    got = _trigger(head) if head.i != t.i and head.pos_ == "VERB" else None
    return got is not None and got[0] == "ASSAULT" and t.dep_ in {"nsubj", "dobj", "nsubjpass"}


def find_mentions(work: Work, res: Resources) -> None:
    for t in work.doc:
        got = _trigger(t)
        if got is None:
            continue
        cat, modes = got
        if t.pos_ == "NOUN" and _skip_noun(t):
            continue
        if _generic_clause(t) or _instrument(t):
            continue
        m = Mention(trigger=t, category=cat, modes=modes)
        if t.pos_ == "NOUN":
            dets = [c for c in t.children if c.dep_ in {"det", "poss"}]
            m.anaphoric = any(c.lower_ in _ANAPHORIC_DETS or c.dep_ == "poss" for c in dets) or (
                not dets and t.tag_ == "NN"
            )
        _arguments(work, res, m)
        for a in list(m.actors):  # "a bomb killed": the bomb is the means, not an actor
            lemma = a.head.lemma_.lower()
            mode = vocab.WEAPON_MODES.get(lemma)
            if mode and a.entity < 0 and lemma not in vocab.SECTOR_NOUNS:
                m.actors.remove(a)
                if m.category == "ASSAULT":
                    m.modes.add(mode)
        _modes_from_context(m)
        _status(work, m)
        work.mentions.append(m)


# -- arguments -----------------------------------------------------------------------------


_NOT_PARTICIPANTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})


def _participant_like(c: Token, head: Token) -> bool:
    """Dates ("LAGOS, Sept 14 — Gunmen ..."), sums and bare numbers are not who did what;
    nor is a conjunct across a dateline dash or a line break."""
    if c.ent_type_ in _NOT_PARTICIPANTS:
        return False
    if c.pos_ == "NUM" and not any(x.lower_ == "of" for x in c.children):
        return False
    lo, hi = sorted((c.i, head.i))
    return not any(t.text in {"—", "–", "--"} or "\n" in t.text_with_ws
                   for t in c.doc[lo:hi])


def _included(t: Token) -> list[Token]:
    """ "12 people, including two police officers": the members named after a group."""
    out: list[Token] = []
    for c in t.children:
        if c.lower_ not in {"including", "among"} or c.i < t.i:
            continue
        if c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.pos_ == "VERB":
            out += [g for g in c.children if g.dep_ == "dobj"]
    return out


def _args(work: Work, res: Resources, heads: list[Token]) -> list[Arg]:
    out: list[Arg] = []
    heads = [*heads, *(m for h in heads for c in conjuncts(h) for m in _included(c))]
    for h in heads:
        for c in conjuncts(h):
            if not _participant_like(c, h):
                continue
            if c.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and c.lower_ not in {
                "it",
                "they",
                "this",
                "that",
                "which",
                "who",
            }:
                out.append(make_arg(work, res, c))
            elif c.lower_ in {"they", "them"}:
                continue
    return out


def _pobj(t: Token, preps: set[str]) -> list[Token]:
    return [
        g
        for c in t.children
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


_HEADLINE_PASSIVES = {
    "shoot",
    "kill",
    "wound",
    "injure",
    "stab",
    "kidnap",
    "abduct",
    "assassinate",
    "arrest",
    "detain",
    "behead",
    "murder",
    "jail",
}


def _headline_passive(t: Token) -> bool:
    """ "General shot several times in stairwell": headline style drops "was"."""
    return (
        t.lemma_.lower() in _HEADLINE_PASSIVES
        and t.tag_ in {"VBD", "VBN"}
        and t.dep_ in {"ROOT", "acl"}
        and not any(c.dep_ in {"dobj", "aux", "agent"} for c in t.children)
        # "Gunmen shot and wounded a prosecutor": the object hangs off the conjoined verb
        and not any(c.dep_ == "dobj" for v in t.conjuncts for c in v.children)
        and any(c.dep_ == "nsubj" for c in t.children)
    )


def _is_passive(t: Token) -> bool:
    """Passive voice, including reduced passives; a conjoined verb ("shot and wounded")
    has its head's voice whatever its tag says."""
    if any(c.dep_ == "auxpass" for c in t.children):
        return True
    if t.dep_ == "conj" and t.head.pos_ == "VERB" and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in t.children
    ):
        return _is_passive(t.head)
    bare_participle = t.tag_ == "VBN" and not any(c.dep_ == "aux" for c in t.children)
    return (bare_participle and t.dep_ in {"acl", "ROOT"}) or _headline_passive(t)


_THING_OK = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}


def _arguments(work: Work, res: Resources, m: Mention) -> None:
    t = m.trigger
    if t.pos_ == "VERB":
        passive = _is_passive(t)
        subj = children(t, {"nsubj", "nsubjpass"})
        if not subj and t.dep_ in {"xcomp", "pcomp", "advcl", "acl", "conj"}:
            subj = subject_up(t)
        obj = children(t, {"dobj"}) or _pobj(t, {"at", "on", "upon", "against", "with"})
        # "were arrested, including ...": the members named belong to the patients
        incl = _included(t)
        if passive:
            m.recipients = _args(work, res, subj + incl)
            m.actors = _args(work, res, _pobj(t, {"by"}))
        else:
            m.actors = _args(work, res, subj)
            m.recipients = _args(work, res, obj + incl if obj else obj)
        if m.category == "SANCTION" and not m.recipients:
            m.recipients = _args(work, res, _pobj(t, {"on", "against"}))
    else:
        poss = children(t, {"poss"})
        by = _pobj(t, {"by"})
        of = _pobj(t, {"of"})
        on = _pobj(t, {"on", "against", "upon", "with"})
        frm = _pobj(t, {"from"})
        between = _pobj(t, {"between"})
        norp = [
            c
            for c in t.children
            if c.dep_ in {"amod", "compound"}
            and work.entity_at(c) >= 0
            and work.entities[work.entity_at(c)].type in {"NORP"}
        ]

        if m.category in {"ASSAULT", "COERCE"}:
            m.actors = _args(work, res, by + norp)
            m.recipients = _args(
                work, res, [p for p in poss if p.pos_ in {"PROPN", "PRON"}] + of + on
            )
        elif m.category == "SANCTION":
            m.actors = _args(work, res, frm + by + poss)
            m.recipients = _args(work, res, on)
            gov = t.head if t.dep_ in {"dobj", "pobj"} else None
            if gov is not None and gov.dep_ == "prep":
                gov = gov.head
            if gov is not None:
                if gov.lemma_ == "be" or t.head.lower_ == "under":
                    m.recipients = m.recipients or _args(work, res, children(gov, {"nsubj"}))
                else:
                    m.actors = m.actors or _args(work, res, children(gov, {"nsubj"}))
                    m.recipients = m.recipients or _args(work, res, _pobj(gov, {"on", "against"}))
        else:
            m.actors = _args(work, res, poss + by + between + norp)
            m.recipients = _args(work, res, on + of)
        if (
            t.dep_ in {"dobj", "nsubj", "nsubjpass"}
            and not m.actors
            and m.category in {"CONSULT", "PROTEST", "SANCTION", "MOBILIZE"}
            and t.dep_ == "dobj"
        ):
            m.actors = _args(work, res, children(t.head, {"nsubj"}))
    if m.category not in _THING_OK:  # only people, groups and places accuse or meet
        m.recipients = [
            a for a in m.recipients if a.entity >= 0 or a.sector or a.head.pos_ == "PRON"
        ]
        m.actors = [
            a for a in m.actors if a.entity >= 0 or a.sector or a.head.pos_ in {"PRON", "PROPN"}
        ]
    m.actors = [a for a in m.actors if a.head.i != t.i]
    m.recipients = [a for a in m.recipients if a.head.i != t.i]
    if m.category == "ASSAULT":  # "detonated 20 bombs", "a bomb was planted": the means
        m.actors = [a for a in m.actors if not _weapon_arg(a)]
        m.recipients = [a for a in m.recipients if not _weapon_arg(a)]


_ARMED_PEOPLE = frozenset({"gunman", "gunmen", "sniper", "suicide", "bomber", "suicide bomber"})


def _weapon_arg(a: Arg) -> bool:
    lemma = a.head.lemma_.lower()
    return a.entity < 0 and (
        (lemma in vocab.WEAPON_MODES and lemma not in _ARMED_PEOPLE) or lemma == "device"
    )


def _modes_from_context(m: Mention) -> None:
    t = m.trigger
    if m.category != "ASSAULT":
        return
    window = list(t.sent)
    text = " ".join(w.lower_ for w in window)
    for word, mode in vocab.WEAPON_MODES.items():
        if (" " in word and word in text) or any(
            w.lower_ == word or w.lemma_.lower() == word for w in window
        ):
            if mode == "firearms" and "explosives" in m.modes:
                continue
            m.modes.add(mode)


# -- status ----------------------------------------------------------------------------------


def _governors(t: Token) -> list[Token]:
    out: list[Token] = []
    cur = t
    while cur.head.i != cur.i and len(out) < 6:
        cur = cur.head
        out.append(cur)
    return out


def _status(work: Work, m: Mention) -> None:
    t = m.trigger
    kids = {c.lower_ for c in t.children if c.dep_ in {"neg", "det"}}
    if "not" in kids or "n't" in kids or "never" in kids or (t.pos_ == "NOUN" and "no" in kids):
        m.mood = "negated"
    aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
    chain = [t, *_governors(t)]
    # conditional: inside an if/unless clause
    for node in chain:
        if node.dep_ == "advcl" and any(
            c.lower_ in {"if", "unless"} for c in node.children if c.dep_ == "mark"
        ):
            if not m.anaphoric:
                m.mood = "hypothetical"
            break
    if aux & _MODALS_HYPO and m.mood == "asserted":
        m.mood = "hypothetical"
    if aux & {"will", "shall", "'ll"} and m.mood == "asserted":
        m.mood = "future"
    if t.dep_ == "xcomp" and t.head.lemma_ in {
        "plan",
        "intend",
        "threaten",
        "vow",
        "aim",
        "prepare",
    }:
        m.mood = "future" if t.head.lemma_ != "threaten" else "hypothetical"
    # "calls for an immediate ceasefire": the object of a request
    for node in chain[:3]:
        if node.lower_ in _REQUEST_HEADS or (
            node.lemma_ in {"demand", "urge", "call"} and node.pos_ == "NOUN"
        ):
            if m.trigger.pos_ == "NOUN":
                m.mood = "hypothetical"
            break
    # generic relative clauses: "No war criminal who has killed ..."
    for node in chain:
        if node.dep_ == "relcl":
            if any(c.lower_ in _GENERIC_DETS for c in node.head.children if c.dep_ == "det"):
                m.mood = "hypothetical"
            break
    # aggregate: quantified plural participants or a frequency adverb
    perfect = aux & {"has", "have"} and t.tag_ == "VBN"
    since = any(
        c.dep_ == "prep" and c.lower_ in {"since", "over", "throughout"} for c in t.children
    )
    if any(a.plural and a.quantified for a in m.recipients) and (perfect or since):
        m.aggregate = True
    if any(c.lower_ in _AGGREGATE_CUES for c in t.children):
        m.aggregate = True
    if t.lower_ == "reported" or any(
        node.lemma_ in {"report", "believe", "allege", "rumour"} and node.tag_ == "VBN"
        for node in chain[:3]
    ):
        m.hedged = True
    if any(c.lower_ in {"allegedly", "reportedly", "apparently"} for c in t.children):
        m.hedged = True


def inherit_status(work: Work) -> None:
    """A participle clause shares its governing event's status ("targeted officers ...,
    accusing them of ...")."""
    by_token = {m.trigger.i: m for m in work.mentions}
    for m in work.mentions:
        t = m.trigger
        if t.pos_ == "VERB" and (
            t.dep_ == "conj" or (t.dep_ in {"advcl", "xcomp"} and t.tag_ in {"VBG", "VBN"})
        ):
            head = by_token.get(t.head.i)
            if head is not None and m.mood == "asserted":
                m.mood, m.aggregate = head.mood, head.aggregate
            if head is not None and t.dep_ == "conj" and head.category == m.category:
                m.actors = m.actors or list(head.actors)


def run(work: Work, res: Resources) -> None:
    find_mentions(work, res)
    inherit_status(work)


__all__ = ["make_arg", "run"]


STAGE = Stage(
    name="events",
    run=run,
    summary="triggers from the trigger lexicon (verbs and nouns, PLOVER category and "
    "modes); actors and recipients from the parse (active, passive, headline passive, "
    "participles inheriting the clause subject); generic plurals, predicate nouns, generic "
    "relative clauses and instruments skipped; each mention's mood (negation, "
    "conditionals, modals, future) and aggregates",
    reads=("doc", "entities"),
    writes=("mentions",),
    needs=("gazetteer",),
)
