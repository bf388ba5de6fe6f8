"""Statements: who said what, with which cue, and how firmly.

Reads reporting verbs ("said", "has reported", "wrote on X", "called ... a"), "according
to X", and quotes whose speaker comes after them ('"...," Lavrov said'). The reporter's
own hedges change factuality: "claiming without evidence" is not "confirmed"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ... import vocab
from ...model import Attribution, Participant, Span
from ..resources import Resources
from ..spans import char_span, token_span
from ..work import Work
from .events import make_arg

_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_NO_EVIDENCE = re.compile(
    r"without (?:providing |offering |presenting |giving |citing )?(?:any )?evidence"
    r"|(?:offered|provided|presented|gave|cited|produced) no evidence|no evidence (?:was|has been) (?:offered|provided|given)",  # noqa: E501
    re.I,
)


def _speaker_arg(work: Work, res: Resources, cue: Token):
    subj = [c for c in cue.children if c.dep_ in {"nsubj"}]
    if not subj and cue.dep_ in {"advcl", "xcomp", "conj"}:
        subj = [c for c in cue.head.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    head = subj[0]
    # "Russia's foreign minister, Sergei Lavrov": the named apposition speaks
    for c in head.children:
        if c.dep_ == "appos" and work.entity_at(c) >= 0:
            head = c
    return make_arg(work, res, head)


def _participant(work: Work, arg) -> Participant | None:
    if arg is None:
        return None
    tokens = arg.tokens
    if arg.head.pos_ == "PRON" and arg.entity >= 0:
        named = [m for m in work.entities[arg.entity].mentions if m.start <= arg.head.i]
        if named:
            m = max(named, key=lambda m: m.start)
            tokens = list(work.doc[m.start : m.end])
    span = token_span(tokens)
    if span is None:
        return None
    ent = work.entities[arg.entity] if arg.entity >= 0 else None
    return Participant(
        text=span.text,
        start=span.start,
        end=span.end,
        entity_id=ent.id if ent else None,
        name=ent.name if ent else None,
        country=arg.country,
        sector=arg.sector,
    )


def _source_type(work: Work, arg, cue: Token) -> str:
    tail = " ".join(t.lower_ for t in cue.subtree if t.i > cue.i)[:80]
    if any(f"on {s}" in tail for s in vocab.SOCIAL_MEDIA) or cue.lemma_ in {"tweet", "post"}:
        return "social_media"
    if arg is None:
        return "unnamed"
    words = {t.lemma_.lower() for t in arg.head.subtree} | {arg.head.lower_}
    ent = work.entities[arg.entity] if arg.entity >= 0 else None
    if ent is not None:
        for title, _of, _span in ent.roles:
            words |= set(title.lower().split())
    if words & vocab.EXPERT_NOUNS:
        return "expert"
    if words & vocab.WITNESS_NOUNS:
        return "witness"
    if words & vocab.MEDIA_NOUNS:
        return "media"
    if ent is None and words & vocab.UNNAMED_NOUNS:
        return "unnamed"
    if ent is not None and ent.type in {"PERSON", "ORG", "GPE"}:
        return (
            "official"
            if (
                ent.sector in {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PRM"}
                or ent.type != "PERSON"
            )
            else "witness"
        )
    return "official" if arg.sector in {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"} else "unnamed"


def _factuality(cue: Token, sent_text: str) -> str:
    base = vocab.REPORTING_VERBS.get(cue.lemma_.lower(), "reported")
    window = " ".join(t.text for t in cue.subtree)[:200]
    if cue.lemma_ == "claim" and _NO_EVIDENCE.search(window):
        return "claimed_without_evidence"
    if _NO_EVIDENCE.search(window):
        return "claimed_without_evidence"
    return base


def _quote_near(work: Work, cue: Token) -> Span | None:
    sent = cue.sent
    text = work.doc.text
    for m in _QUOTE.finditer(text, sent.start_char, sent.end_char):
        return char_span(text, m.start(1), m.end(1))
    # quote in the previous sentence: '"...". He added.' is rare; keep within sentence
    return None


def run(work: Work, res: Resources) -> None:
    doc = work.doc
    text = doc.text
    for t in doc:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in vocab.REPORTING_VERBS:
            content: Span | None = None
            ccomp = [c for c in t.children if c.dep_ in {"ccomp"}]
            if lemma == "call":
                dobj = [c for c in t.children if c.dep_ in {"dobj", "oprd"}]
                oprd = [c for c in t.children if c.dep_ == "oprd"]
                if not oprd:
                    continue
                content = token_span([x for c in dobj for x in c.subtree])
            elif ccomp:
                content = token_span(list(ccomp[0].subtree))
            elif lemma in {"report", "say", "add", "write", "tell"} and t.dep_ in {
                "ROOT",
                "parataxis",
                "conj",
            }:
                q = _quote_near(work, t)
                if q is not None:
                    content = q
                elif t.i > t.sent.start + 3 and doc[t.i - 1].dep_ in {"nsubj", "compound"}:
                    # "..., state media has reported": the clause before the speaker
                    subj = [c for c in t.children if c.dep_ == "nsubj"]
                    stop = min([s.left_edge.i for s in subj] or [t.i])
                    content = char_span(text, t.sent.start_char, doc[stop].idx)
            if content is None:
                continue
            if lemma in {"accuse", "warn", "describe", "call"} and not ccomp and lemma != "call":
                continue
            arg = _speaker_arg(work, res, t)
            if arg is None and t.tag_ != "VBN":
                continue
            aux = [c for c in t.children if c.dep_ in {"aux"} and c.i == t.i - 1]
            cue_tokens = [*aux, t]
            if (
                t.i + 2 < len(doc)
                and doc[t.i + 1].lower_ == "on"
                and doc[t.i + 2].lower_ in vocab.SOCIAL_MEDIA
            ):
                cue_tokens += [doc[t.i + 1], doc[t.i + 2]]
            cue = token_span(cue_tokens)
            if cue is None:
                continue
            att = Attribution(
                cue=cue,
                content=content,
                speaker=_participant(work, arg),
                source_type=_source_type(work, arg, t),  # type: ignore[arg-type]
                factuality=_factuality(t, t.sent.text),  # type: ignore[arg-type]
            )
            work.statements.append((att, [t]))
        elif t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            obj = [g for g in doc[t.i + 1].children if g.dep_ == "pobj"]
            if not obj:
                continue
            arg = make_arg(work, res, obj[0])
            sent = t.sent
            content = (
                char_span(text, sent.start_char, t.idx)
                if t.i > sent.start
                else char_span(text, obj[0].idx + len(obj[0].text), sent.end_char)
            )
            cue = token_span([t, doc[t.i + 1]])
            if content is None or cue is None:
                continue
            src = (
                "media"
                if obj[0].lemma_.lower() in vocab.MEDIA_NOUNS
                else _source_type(work, arg, t)
            )
            work.statements.append(
                (
                    Attribution(
                        cue=cue,
                        content=content,
                        speaker=_participant(work, arg),
                        source_type=src,  # type: ignore[arg-type]
                        factuality="reported",
                    ),
                    [t],
                )
            )
    _hedges(work)


def _hedges(work: Work) -> None:
    """ "X was reported to have been detained": an unnamed, hedged source."""
    doc = work.doc
    for t in doc:
        if (
            t.lemma_ in {"report", "believe", "say", "rumour", "rumor"}
            and t.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in t.children)
        ):
            xcomp = [c for c in t.children if c.dep_ in {"xcomp", "ccomp"}]
            if not xcomp:
                continue
            aux = [c for c in t.children if c.dep_ == "auxpass"]
            cue = token_span([*aux, t])
            content = token_span(list(xcomp[0].subtree))
            if cue is None or content is None:
                continue
            work.statements.append(
                (
                    Attribution(
                        cue=cue,
                        content=content,
                        speaker=None,
                        source_type="unnamed",
                        factuality="hedged",
                    ),
                    [t],
                )
            )
