"""Responsibility for violent events: claims, a stated absence of claims, suspicion
(by whom, with or without stated evidence) and denials."""

from __future__ import annotations

import re

from spacy.attrs import LEMMA  # type: ignore[attr-defined]
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Claim, Responsibility, Suspicion
from ..arguments import arg_words, make_arg, participant
from ..resources import Resources
from ..spans import span_text, token_span
from ..stage import Stage
from ..work import Arg, Work, WorkEvent
from .attribution import NO_EVIDENCE

_UNCLAIMED = re.compile(
    r"\b(?:no (?:one|group|party|organi[sz]ation)|nobody|none)\b[^.]{0,40}?\bclaimed responsibility"
    r"|\bresponsibility (?:has|had) not been claimed|\bno (?:immediate )?claim of responsibility"
    r"|\bhas not been claimed\b",
    re.I,
)


class ClaimWords:
    """The responsibility stage's word lists, read once per lexicon (``Resources.memo``)."""

    def __init__(self, res: Resources) -> None:
        w = res.lexicon.words
        args = arg_words(res)
        self.no_determiners, self.no_one = args.no_determiners, args.no_one
        self.claim_verbs = w("claims.claim_verbs")
        self.claimed = w("claims.claimed_things")
        self.claim_negators = w("claims.claim_negators")
        self.deny_verbs = w("claims.deny_verbs")
        self.denied = w("claims.denied_things")
        self.suspicion_verbs = w("claims.suspicion_verbs")
        self.suspicion_nouns = w("claims.suspicion_nouns")
        self.suspect_preps = w("claims.suspect_prepositions")
        self.holder_preps = w("claims.holder_prepositions")
        self.suspect_verbs = w("claims.suspect_verbs")
        self.perpetration_verbs = w("claims.perpetration_verbs")
        self.own_acts = w("claims.own_act_pronouns")
        self.own_possessives = w("claims.own_possessives")
        self.claimant_nouns = w("claims.claimant_nouns")
        self.claimant_sectors = w("claims.claimant_sectors")
        self.group_heads = args.actors.group_name_heads
        self.saying_verbs = w("claims.saying_verbs")
        self.blame_verbs = w("claims.blame_verbs")
        self.blame_preps = res.lexicon.mapping("claims.blame_preps")
        self.behind = w("claims.behind_words")
        self.attackers = w("people.attacker_nouns")


def claim_words(res: Resources) -> ClaimWords:
    return res.memo("responsibility.words", lambda: ClaimWords(res))


def _cue_tokens(work: Work, res: Resources) -> list[Token]:
    """The tokens whose lemma is a claim, denial, suspicion or suspect verb: what
    ``_claims`` and ``_suspicions`` look at, found once per article rather than by a walk
    over the whole text for each event (issue 15)."""
    w = claim_words(res)
    lemmas = (w.claim_verbs | w.deny_verbs | w.suspicion_verbs | w.suspect_verbs
              | w.perpetration_verbs | w.blame_verbs | w.behind)
    # by the lemma ids of one array: no Token object for the words that are none of them
    doc = work.doc
    ids = {hash_string(x) for x in lemmas}
    return [doc[i] for i, x in enumerate(doc.to_array(LEMMA).tolist()) if x in ids]


def _claims(work: Work, res: Resources, ev_sents: set[int],
            cues: list[Token] | None = None) -> tuple[list[Claim], list[Claim], bool]:
    """Claims and denials told in the event's sentences, and whether one says no one
    claimed it ("no group has claimed the attack")."""
    w = claim_words(res)
    claims: list[Claim] = []
    denials: list[Claim] = []
    unclaimed = False
    for t in work.doc if cues is None else cues:
        if (t.lemma_ not in w.claim_verbs and t.lemma_ not in w.deny_verbs
                and t.lemma_ not in w.perpetration_verbs and t.lemma_ not in w.behind) or (
                t.sent.start not in ev_sents):
            continue  # the lemma test first: .sent walks the sentence
        if t.lemma_ in w.behind:
            # "the Taliban said they were behind the bombing": said of its own, a claim
            if (said := _said_behind(t, w)) is not None:
                p = participant(work, make_arg(work, res, said))
                span = token_span(list(t.sent))
                if p and span:
                    claims.append(Claim(actor=p, span=span))
            continue
        if t.lemma_ in w.claim_verbs and any(
            c.lower_ in w.claimed for c in t.children if c.dep_ in {"dobj", "nsubjpass"}
        ):
            if t.dep_ in {"pcomp"} and t.head.lower_ in w.claim_negators:
                continue
            # "X claimed the attack"; "the attack was claimed by X"
            subj = [c for c in t.children if c.dep_ == "nsubj"] or [
                g for c in t.children if c.dep_ == "agent" for g in c.children
                if g.dep_ == "pobj"]
            if subj and (any(c.lower_ in w.no_determiners for c in subj[0].children)
                         or subj[0].lower_ in w.no_one):
                unclaimed = True  # "no group has claimed the attack", "nobody claimed it"
                continue
            if not subj:
                continue
            if any(c.dep_ == "neg" for c in t.children):
                continue
            p = participant(work, _claimant(work, res, subj[0]))
            span = token_span(list(t.sent))
            if p and span:
                claims.append(Claim(actor=p, span=span))
        if t.lemma_ in w.perpetration_verbs and (said := _said_own_act(t, w)) is not None:
            p = participant(work, make_arg(work, res, said))
            span = token_span(list(t.sent))
            if p and span:
                claims.append(Claim(actor=p, span=span))
        if t.lemma_ in w.deny_verbs and any(c.lemma_ in w.denied for c in t.subtree):
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if subj:
                p = participant(work, make_arg(work, res, subj[0]))
                span = token_span(list(t.sent))
                if p and span:
                    denials.append(Claim(actor=p, span=span))
    return claims, denials, unclaimed


def _claimant(work: Work, res: Resources, subj: Token) -> Arg:
    """Who claims: the antecedent of a relative pronoun ("the Islamic State group, which
    claimed the attack"); "the group" is the armed group named last before it ("Boko
    Haram fighters killed 30 villagers. The group claimed responsibility")."""
    w = claim_words(res)
    if subj.tag_ in {"WDT", "WP"} and subj.head.dep_ == "relcl":
        subj = subj.head.head
    arg = make_arg(work, res, subj)
    if arg.entity >= 0 or subj.pos_ != "NOUN" or subj.lemma_.lower() not in w.claimant_nouns or (
            not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)):
        return arg
    for m in reversed(work.entity_mentions):
        if m.start >= subj.i or m.entity < 0:
            continue
        ent = work.entities[m.entity]
        if ent.type == "ORG" and (ent.sector in w.claimant_sectors or (
                ent.name.split()[-1].lower() in w.group_heads and ent.sector is None)):
            arg.entity, arg.name = m.entity, ent.name
            arg.sector = arg.sector or ent.sector
            break
    return arg


def _said_behind(t: Token, w: ClaimWords) -> Token | None:
    """ "The Taliban said they were behind the bombing": the clause "behind" hangs on, as
    ``_said_own_act`` reads a verb of doing."""
    if t.dep_ != "prep" or not any(
            g.dep_ == "pobj" and g.lower_ in w.claimed for g in t.children):
        return None
    return _own_clause_speaker(t.head, w)


def _said_own_act(t: Token, w: ClaimWords) -> Token | None:
    """ "The group said it carried out the assault", "Al-Shabaab said its fighters had
    carried out the attack": a speaker saying it (or its own people) did the act claims
    it. The speaker, else None."""
    if not any(c.dep_ == "dobj" and c.lower_ in w.claimed and not _pursuit(c, w)
               for c in t.children):
        return None
    return _own_clause_speaker(t, w)


def _pursuit(obj: Token, w: ClaimWords) -> bool:
    """ "launched an operation to track down the attackers": an act aimed at the doers of
    another is the pursuit of it, not a claim of it."""
    return any(c.dep_ in {"acl", "relcl"} and any(
        x.lemma_.lower() in w.attackers or x.lower_ in w.attackers for x in c.subtree)
        for c in obj.children)


def _own_clause_speaker(t: Token, w: ClaimWords) -> Token | None:
    """The speaker of the verb of saying whose clause ``t`` heads, when the clause's
    subject is the speaker itself or its own people ("it", "they", "its fighters")."""
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    own = bool(subj) and (subj[0].lower_ in w.own_acts or any(
        c.dep_ == "poss" and c.lower_ in w.own_possessives for c in subj[0].children))
    if not own or t.dep_ != "ccomp" or any(c.dep_ == "neg" for c in t.children):
        return None
    say = t.head
    if say.lemma_ not in w.saying_verbs:
        return None
    speaker = [c for c in say.children if c.dep_ == "nsubj"]
    return speaker[0] if speaker and speaker[0].pos_ in {"NOUN", "PROPN"} else None


def _suspicions(work: Work, res: Resources, ev: WorkEvent, ev_sents: set[int],
                cues: list[Token] | None = None,
                accusations: list[WorkEvent] | None = None) -> list[Suspicion]:
    w = claim_words(res)
    out: list[Suspicion] = []
    doc = work.doc
    for t in doc if cues is None else cues:
        if (t.lemma_ not in w.suspicion_verbs and t.lemma_ not in w.suspect_verbs
                and t.lemma_ not in w.blame_verbs) or t.sent.start not in ev_sents:
            continue
        # "suspicion (in Moscow) fell on Kyiv"
        if t.lemma_ in w.suspicion_verbs and any(
            c.lemma_ in w.suspicion_nouns for c in t.children if c.dep_ == "nsubj"
        ):
            subj = next(c for c in t.children if c.dep_ == "nsubj")
            on = [
                g
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in w.suspect_preps
                for g in c.children
                if g.dep_ == "pobj"
            ]
            holder = [
                g
                for c in subj.children
                if c.dep_ == "prep" and c.lower_ in w.holder_preps
                for g in c.children
                if g.dep_ == "pobj"
            ]
            for o in on:
                actor = participant(work, make_arg(work, res, o))
                by = participant(work, make_arg(work, res, holder[0])) if holder else None
                span = token_span(list(t.subtree))
                if actor and span:
                    out.append(Suspicion(actor=actor, span=span, by=by, evidence_stated=False))
        if t.lemma_ in w.blame_verbs and t.pos_ == "VERB":
            out += _blamed(work, res, ev, t, w)
        # "X is suspected", "police suspect X", "police suspect X was behind the blast"
        if t.lemma_ in w.suspect_verbs and t.pos_ == "VERB":
            objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}] + [
                g for c in t.children if c.dep_ == "ccomp" and _did_it(c, w)
                for g in c.children if g.dep_ == "nsubj"]
            subjs = [c for c in t.children if c.dep_ == "nsubj"]
            for o in objs:
                actor = participant(work, make_arg(work, res, o))
                by = participant(work, make_arg(work, res, subjs[0])) if subjs else None
                span = token_span(list(t.sent))
                if actor and span:
                    out.append(
                        Suspicion(
                            actor=actor,
                            span=span,
                            by=by,
                            evidence_stated=_evidence_stated(t.sent),
                        )
                    )
    # accusations aimed at this event ("called the shooting a terrorist attack")
    for other in work.events if accusations is None else accusations:
        if other is ev or other.category != "ACCUSE":
            continue
        main = work.mentions[other.main]
        called = {c.i for c in main.trigger.children if c.dep_ == "dobj"}
        this = work.events.index(ev) if main.trigger.lemma_ == "call" else -1
        refers = main.trigger.lemma_ == "call" and any(
            work.mentions[k].event == this and work.mentions[k].trigger.i in called
            for k in range(len(work.mentions))
        )
        if not refers:
            continue
        sent = main.trigger.sent
        span = token_span(list(sent))
        by = participant(work, other.actors[0]) if other.actors else None
        for r in other.recipients:
            actor = participant(work, r)
            if actor and span:
                out.append(
                    Suspicion(
                        actor=actor,
                        span=span,
                        by=by,
                        evidence_stated=not bool(NO_EVIDENCE.search(span_text(sent))),
                    )
                )
    return out


def _did_it(clause: Token, w: ClaimWords) -> bool:
    """Does the clause say its subject did the act ("was behind the blast", "carried out
    the attack")?"""
    return clause.lemma_ in w.perpetration_verbs or any(
        c.dep_ == "prep" and c.lower_ in w.behind for c in clause.children)


def _blamed(work: Work, res: Resources, ev: WorkEvent, t: Token,
            w: ClaimWords) -> list[Suspicion]:
    """ "Officials blamed al-Shabaab for the attack", "blamed the attack on the rebels",
    "the rebels were blamed for the bombing": whom the blame is put on, for a word of this
    event, is suspected of it, by whoever blames."""
    this = {work.mentions[k].trigger.i for k in ev.mentions}
    acts: list[Token] = []
    suspects: list[Token] = []
    named = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
    # (the parser may hang "on the rebels" on the act blamed)
    for c in [*t.children, *(c for n in named for c in n.children)]:
        if c.dep_ == "prep" and (role := w.blame_preps.get(c.lower_)) is not None:
            objs = [g for g in c.children if g.dep_ == "pobj"] + [
                # "accused the rebels of carrying out the attack"
                o for g in c.children if g.dep_ == "pcomp"
                for o in g.children if o.dep_ == "dobj"]
            (acts if role == "act" else suspects).extend(objs)
    if any(a.i in this for a in acts):
        suspects += named  # "blamed X for the attack"
    elif not any(n.i in this for n in named):
        return []  # (else "blamed the attack on X": the on-object is the suspect)
    holders = [c for c in t.children if c.dep_ == "nsubj"] + [
        g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    by = participant(work, make_arg(work, res, holders[0])) if holders else None
    span = token_span(list(t.sent))
    out = []
    for o in suspects:
        if o.i in this:
            continue
        arg = make_arg(work, res, o)
        # "accused the rebels of the attack": the act named after them is not who they are
        cut = min((c.i for c in o.children if c.dep_ == "prep"
                   and w.blame_preps.get(c.lower_) == "act"), default=None)
        if cut is not None:
            arg.tokens = [x for x in arg.tokens if x.i < cut] or arg.tokens
        actor = participant(work, arg)
        if actor and span:
            out.append(Suspicion(actor=actor, span=span, by=by,
                                 evidence_stated=_evidence_stated(t.sent)))
    return out


def _evidence_stated(sent: SpacySpan) -> bool:
    """Does the sentence of a suspicion speak of evidence, and not of its absence?"""
    text = span_text(sent)
    return bool(_EVIDENCE.search(text)) and not NO_EVIDENCE.search(text)


_EVIDENCE = re.compile(r"\bevidence\b")


def _claims_after(work: Work, res: Resources, cues: list[Token]) -> dict[int, set[int]]:
    """Event index -> the sentences of claims (or suspicions) told after it that name no
    act of their own ("A car bomb killed nine people. Al-Shabaab claimed responsibility in
    a statement."; "Police said they suspected the rebels."): a claim so told is of the
    attack told last before it, within the two sentences before."""
    w = claim_words(res)
    told = {work.sent_start(m.trigger.i) for m in work.mentions}
    out: dict[int, set[int]] = {}
    for t in cues:
        if (t.lemma_ not in w.claim_verbs and t.lemma_ not in w.perpetration_verbs
                and t.lemma_ not in w.suspect_verbs and t.lemma_ not in w.blame_verbs
                and t.lemma_ not in w.behind):
            continue
        start = work.sent_start(t.i)
        if start in told:
            continue
        first = start
        for _ in range(2):
            first = work.sent_start(first - 1) if first > 0 else first
        last = max(((m.trigger.i, m.event) for m in work.mentions
                    if m.event >= 0 and work.events[m.event].category == "ASSAULT"
                    and first <= m.trigger.i < start), default=None)
        if last is not None:
            out.setdefault(last[1], set()).add(start)
    return out


def run(work: Work, res: Resources) -> None:
    cues = _cue_tokens(work, res)
    accusations = [ev for ev in work.events if ev.category == "ACCUSE"]
    after = _claims_after(work, res, cues)
    for e, ev in enumerate(work.events):
        if ev.category != "ASSAULT" or ev.status in {"historical", "hypothetical"} or ev.aggregate:
            continue
        sents = {work.mentions[k].trigger.sent.start for k in ev.mentions} | after.get(e, set())
        unclaimed = any(_UNCLAIMED.search(span_text(work.doc[s].sent)) for s in sents)
        claims, denials, none_claimed = _claims(work, res, sents, cues)
        unclaimed = unclaimed or none_claimed
        sus = _suspicions(work, res, ev, sents, cues, accusations)
        if unclaimed or claims or denials or sus:
            ev.responsibility = Responsibility(
                claimed_by=tuple(claims),
                unclaimed_stated=unclaimed,
                suspected=tuple(sus),
                denied_by=tuple(denials),
            )
        _ = e


STAGE = Stage(
    name="responsibility",
    run=run,
    summary="\"no party has claimed\" (stated, not absent); claims; denials; \"suspicion "
    "fell on X\", \"blamed X for the attack\", \"suspect X was behind it\" (by whom); "
    "accusations about this event become suspicions with `evidence_stated`",
    reads=("doc", "entities", "mentions.event", "events", "events.status"),
    writes=("events.responsibility",),
    needs=("gazetteer", "lexicon"),
    prepare=claim_words,
)
