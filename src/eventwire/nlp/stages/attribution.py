"""Statements: who said what, with which cue, and how firmly.

Reads reporting verbs ("said", "has reported", "wrote on X", "called ... a"), "according
to X", and quotes whose speaker comes after them ('"...," Lavrov said'). The reporter's
own hedges change factuality: "claiming without evidence" is not "confirmed"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ... import vocab
from ...model import Attribution, Participant, Span
from ..arguments import make_arg, participant, subject_up
from ..resources import Resources
from ..spans import char_span, doc_text, token_span
from ..stage import Stage
from ..work import Statement, Work

_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
NO_EVIDENCE = re.compile(
    r"without (?:providing |offering |presenting |giving |citing )?(?:any )?evidence"
    r"|(?:offered|provided|presented|gave|cited|produced) no evidence|no evidence (?:was|has been) (?:offered|provided|given)",  # noqa: E501
    re.I,
)


# Verbs whose clause complement is what was said, meant or planned ("wants to leave").
_INTENT_VERBS = frozenset({"want", "plan", "promise", "vow", "hope", "expect", "agree", "ask",
                           "urge", "intend", "pledge", "threaten", "refuse", "decide"})
# Verbs whose object is the content ("cited the figures", "a poll shows a tie").
_OBJECT_VERBS = frozenset({"cite", "show", "find", "reveal", "predict", "criticize",
                           "criticise", "describe", "question", "demand", "propose",
                           "recommend", "estimate", "indicate", "support", "announce",
                           "confirm", "deny", "acknowledge", "report"})
_NAMING_VERBS = frozenset({"call", "describe", "term", "dub", "label", "brand"})
_NOT_SPEAKERS = frozenset({"that", "which", "whom", "it", "this"})
# Verbs of speaking, judging and knowing that introduce what someone holds or says; read
# only with a person-like subject ("Trump attacked the plan", not "the storm attacked").
_COMMUNICATION_VERBS = frozenset({
    "talk", "speak", "comment", "discuss", "mention", "attack", "blast", "praise", "condemn",
    "endorse", "back", "reject", "decline", "echo", "assert", "disclose", "defend", "promote",
    "respond", "consider", "know", "think", "understand", "reference", "pledge", "rule",
    "complain", "boast", "brag", "joke", "lament", "concede", "dismiss", "slam", "accuse",
    "blame", "applaud", "welcome", "oppose", "favor", "favour", "challenge", "dispute",
    "argue", "maintain", "contend", "remark", "observe", "assure", "inform", "advise",
    "caution", "signal", "suggest", "imply", "hint", "tout", "insist", "sing",
    "worry", "fear", "doubt", "wonder", "liken", "compare", "proclaim", "advocate", "express",
})
_SPEECH_NOUNS = frozenset({
    "claim", "statement", "remark", "comment", "assertion", "allegation", "argument",
    "accusation", "promise", "pledge", "warning", "view", "belief", "criticism", "message",
    "testimony", "announcement", "proposal", "plan", "call", "demand", "insistence",
    "suggestion", "prediction", "denial", "admission", "complaint", "position", "stance",
})
_ALLEGING_NOUNS = frozenset({"claim", "allegation", "accusation"})
_STANCE_ADJECTIVES = frozenset({
    "critical", "worried", "concerned", "passionate", "skeptical", "sceptical", "supportive",
    "confident", "optimistic", "pessimistic", "opposed", "proud", "sure", "certain", "afraid",
    "angry", "happy", "glad", "upset", "furious", "hopeful", "wary", "doubtful", "adamant",
    "clear", "vocal", "coy", "frustrated", "disappointed", "eager", "unhappy", "aware",
})
_ABOUT_PREPS = frozenset({"about", "of", "on", "for", "against", "over", "with", "to"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "who"})


def _person_like(work: Work, arg) -> bool:
    if arg is None:
        return False
    if arg.entity >= 0:
        return work.entities[arg.entity].type in {"PERSON", "ORG", "GPE", "NORP"}
    head = arg.head
    lemma = head.lemma_.lower()
    return (head.lower_ in _PERSON_PRONOUNS or head.pos_ == "PROPN"
            or lemma in vocab.SECTOR_NOUNS or lemma in vocab.EXPERT_NOUNS
            or lemma in vocab.WITNESS_NOUNS)
_FIRST_SECOND = frozenset({"i", "we", "you", "me", "us"})
_RESTATING_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def _restated(arg, cue: Token) -> bool:
    """A pronoun speaking inside the clause its own reporting verb governs.

    "Stein said she plans to join": the plan is what Stein said, not a second statement
    by "she"; annotators (and readers) count one attribution.
    """
    if arg is None or arg.head.lower_ not in _RESTATING_PRONOUNS or cue.dep_ != "ccomp":
        return False
    outer = cue.head
    return outer.lemma_.lower() in vocab.REPORTING_VERBS and any(
        c.dep_ == "nsubj" for c in outer.children
    )


def _inside_quote(text: str, offset: int) -> bool:
    """Is ``offset`` between an opening and a closing quotation mark of its paragraph?"""
    start = text.rfind("\n\n", 0, offset) + 1
    before = text[start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Verbs whose active subject "it" is an organisation or a document speaking ("it added").
_IT_SPEAKS = frozenset({"say", "add", "note", "report", "write", "state", "announce", "tell",
                        "warn", "explain", "reference", "cite", "claim", "insist"})


def _agent(cue: Token) -> Token | None:
    """The by-phrase of a passive cue: "was first reported by the paper"."""
    for c in cue.children:
        if c.dep_ == "agent":
            obj = [g for g in c.children if g.dep_ == "pobj"]
            if obj:
                return obj[0]
    return None


def _speaker_arg(work: Work, res: Resources, cue: Token):
    subj = [c for c in cue.children if c.dep_ in {"nsubj"}]
    if not subj and (by := _agent(cue)) is not None:
        subj = [by]
    if not subj and cue.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl"}:
        subj = subject_up(cue)
    if not subj:
        return None
    head = subj[0]
    # "Russia's foreign minister, Sergei Lavrov": the named apposition speaks
    for c in head.children:
        if c.dep_ == "appos" and work.entity_at(c) >= 0:
            head = c
    return make_arg(work, res, head)


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
    if cue.lemma_ == "claim" and NO_EVIDENCE.search(window):
        return "claimed_without_evidence"
    if NO_EVIDENCE.search(window):
        return "claimed_without_evidence"
    return base


_OPENERS = "“\""
_CLOSERS = "”\""
_BETWEEN = set(" \t\n,:;\xa0—–-")


def _quote_ending_before(text: str, offset: int) -> Span | None:
    """The quotation whose closing mark stands just before ``offset`` (spaces, commas and
    dashes between), within its paragraph."""
    k = offset - 1
    while k >= 0 and text[k] in _BETWEEN:
        k -= 1
    if k >= 0 and text[k] in _CLOSERS:
        start = max(text.rfind(c, 0, k) for c in _OPENERS)
        if start >= 0 and 0 < k - start < 3000 and "\n\n" not in text[start:k]:
            return char_span(text, start + 1, k)
    return None


def _quote_near(work: Work, cue: Token) -> Span | None:
    """The quotation a cue introduces or closes: '"...," said X' (quote just before the
    speaker and cue, possibly several sentences long), 'X said: "..."' (just after), or a
    quote inside the cue's sentence."""
    text = work.article.text
    sent = cue.sent
    # just after the cue (skipping the speaker when it follows: 'said Hester, "..."')
    k = cue.idx + len(cue.text)
    while k < len(text) and text[k] in _BETWEEN:
        k += 1
    if k < len(text) and text[k] in _OPENERS:
        end = min((e for e in (text.find(c, k + 1) for c in _CLOSERS) if e > k), default=-1)
        if 0 < end - k < 3000 and "\n\n" not in text[k:end]:
            return char_span(text, k + 1, end)
    # a quote closing just before the cue ('... a mess," said X'), opened in this sentence
    # or an earlier one of the same paragraph
    if (q := _quote_ending_before(text, cue.idx)) is not None:
        return q
    # just before the speaker-and-cue group that starts the sentence
    if cue.i - sent.start <= 6 and (q := _quote_ending_before(text, sent.start_char)):
        return q
    for m in _QUOTE.finditer(text, sent.start_char, sent.end_char):
        return char_span(text, m.start(1), m.end(1))
    return None


def run(work: Work, res: Resources) -> None:
    doc = work.doc
    text = doc_text(doc)
    for t in doc:
        lemma = t.lemma_.lower()
        broad = lemma in _COMMUNICATION_VERBS and lemma not in vocab.REPORTING_VERBS
        if t.pos_ == "VERB" and (lemma in vocab.REPORTING_VERBS or broad):
            content: Span | None = None
            ccomp = [c for c in t.children if c.dep_ in {"ccomp"}]
            xcomp = [c for c in t.children if c.dep_ == "xcomp"]
            dobj_kids = [c for c in t.children if c.dep_ == "dobj"]
            for_on = [c for c in t.children if c.dep_ == "prep" and c.lower_ in {"for", "on"}]
            if lemma in _NAMING_VERBS and any(c.lower_ == "what" for c in t.children):
                continue  # "what he called 'fraud'": a characterisation, not a statement
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and (
                t.head.lemma_.lower() not in _INTENT_VERBS
            ):
                continue  # "they need to find", "for the president to say": not said yet
            if lemma == "call":
                dobj = [c for c in t.children if c.dep_ in {"dobj", "oprd"}]
                oprd = [c for c in t.children if c.dep_ == "oprd"]
                if oprd:
                    content = token_span([x for c in dobj for x in c.subtree])
                elif for_on:  # "called for a ceasefire", "called on Congress to act"
                    content = token_span(list(for_on[0].subtree)[1:])
                else:
                    continue
            elif lemma in _INTENT_VERBS and xcomp and not ccomp:
                content = token_span(list(xcomp[0].subtree))
            elif (lemma in _OBJECT_VERBS or broad) and dobj_kids and not ccomp:
                content = token_span(list(dobj_kids[0].subtree))
            elif not ccomp and _agent(t) is not None and (
                passive := [c for c in t.children if c.dep_ == "nsubjpass"]
            ):  # "the shortage was first reported by the paper": what was reported
                content = token_span(list(passive[0].subtree))
            elif not ccomp and (about := [
                c for c in t.children if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS
            ]):  # "spoke about the vote", "warned against cuts"
                content = token_span(list(about[0].subtree)[1:])
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
            if arg is not None and arg.head.lower_ in _NOT_SPEAKERS and not (
                arg.head.lower_ == "it" and lemma in _IT_SPEAKS and arg.head.dep_ == "nsubj"
            ):
                continue
            left = arg.head.left_edge.i if arg is not None else 0
            if left > 0 and doc[left - 1].lower_ == "what":
                continue  # "infected with what he called tribalism"
            if broad and not _person_like(work, arg):
                continue
            if arg is not None and arg.head.lower_ in _FIRST_SECOND and _inside_quote(text, t.idx):
                continue  # "I say ..." inside someone's quote: nested speech
            if _restated(arg, t):
                continue  # "Stein said she plans to ...": the outer statement holds it
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
                speaker=participant(work, arg),
                source_type=_source_type(work, arg, t),  # type: ignore[arg-type]
                factuality=_factuality(t, t.sent.text),  # type: ignore[arg-type]
            )
            work.statements.append(Statement(att, [t]))
        elif t.pos_ == "NOUN" and lemma in _SPEECH_NOUNS and (
            poss := [c for c in t.children if c.dep_ == "poss"]
        ):
            # "Trump's claim that ...", "Clinton's remarks about ..."
            arg = make_arg(work, res, poss[0])
            if not _person_like(work, arg):
                continue
            clause = [c for c in t.children if c.dep_ in {"acl", "ccomp", "relcl"}
                      and any(g.lower_ == "that" for g in c.children)]
            about = [c for c in t.children if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS]
            if clause:
                content = token_span(list(clause[0].subtree))
            elif about:
                content = token_span(list(about[0].subtree)[1:])
            else:
                content = None
            cue = token_span([t])
            if content is None or cue is None:
                continue
            work.statements.append(Statement(Attribution(
                cue=cue, content=content, speaker=participant(work, arg),
                source_type=_source_type(work, arg, t),  # type: ignore[arg-type]
                factuality="alleged" if lemma in _ALLEGING_NOUNS else "reported",
            ), [t]))
        elif t.pos_ == "ADJ" and t.dep_ == "acomp" and t.lemma_.lower() in _STANCE_ADJECTIVES:
            # "X has been critical of the plan", "voters are worried about costs"
            about = [c for c in t.children if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS]
            content = token_span(list(about[0].subtree)[1:]) if about else None
            arg = _speaker_arg(work, res, t.head)
            cue = token_span([t, about[0]]) if about else None
            if content is None or cue is None or not _person_like(work, arg):
                continue
            work.statements.append(Statement(Attribution(
                cue=cue, content=content, speaker=participant(work, arg),
                source_type=_source_type(work, arg, t),  # type: ignore[arg-type]
                factuality="reported",
            ), [t]))
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
                Statement(
                    Attribution(
                        cue=cue,
                        content=content,
                        speaker=participant(work, arg),
                        source_type=src,  # type: ignore[arg-type]
                        factuality="reported",
                    ),
                    [t],
                )
            )
    _hedges(work)
    _line_attributions(work, res)


# "PENCE: Well, look ..." (transcripts) and "Pence: Flowers won't be at debate" (headlines)
_COLON_LINE = re.compile(
    r"^[\"“]?(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?P<content>\S[^\n]*)",
    re.M,
)
# "…shame.” ― Sonya Herridge": a quote signed after a dash
_SIGNED_QUOTE = re.compile(r"[”\"][\s\xa0]*(?P<cue>[―—])[\s\xa0]*(?P<name>[A-Z][^\n,.;“”\"]{1,60})")
_OPEN_QUOTE = "“\""


def _speaker_span(work: Work, res: Resources, start: int, end: int) -> Participant | None:
    span = char_span(work.article.text, start, end)
    if span is None:
        return None
    toks = work.doc.char_span(span.start, span.end, alignment_mode="expand")
    arg = make_arg(work, res, toks[-1]) if toks is not None and len(toks) else None
    ent = work.entities[arg.entity] if arg is not None and arg.entity >= 0 else None
    return Participant(text=span.text, start=span.start, end=span.end,
                       entity_id=ent.id if ent else None, name=ent.name if ent else None,
                       country=ent.country if ent else None, sector=ent.sector if ent else None)


def _line_attributions(work: Work, res: Resources) -> None:
    text = work.article.text
    for m in _COLON_LINE.finditer(text):
        name = m.group("name")
        toks = work.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        is_entity = toks is not None and any(
            work.entity_at(t) >= 0 and work.entities[work.entity_at(t)].type in {"PERSON", "ORG"}
            for t in toks
        )
        if not (is_entity or (name.isupper() and len(name) >= 3)):
            continue
        speaker = _speaker_span(work, res, m.start("name"), m.end("name"))
        content = char_span(text, m.start("content"), m.end("content"))
        cue = Span(":", m.end("name"), m.end("name") + 1)
        if speaker is None or content is None:
            continue
        source = "official" if speaker.sector in {"GOV", "MIL", "COP"} else "unnamed"
        work.statements.append(Statement(Attribution(cue=cue, content=content, speaker=speaker,
                                            source_type=source, factuality="reported"),  # type: ignore[arg-type]
                                _tokens(work, cue)))
    for m in _SIGNED_QUOTE.finditer(text):
        close = m.start()
        opening = max(text.rfind(q, 0, close) for q in _OPEN_QUOTE)
        if opening < 0 or "\n\n" in text[opening:close]:
            continue
        content = char_span(text, opening + 1, close)
        speaker = _speaker_span(work, res, m.start("name"), m.end("name"))
        cue = Span(m.group("cue"), m.start("cue"), m.end("cue"))
        if content is None or speaker is None:
            continue
        work.statements.append(Statement(Attribution(cue=cue, content=content, speaker=speaker,
                                            source_type="unnamed", factuality="reported"),
                                _tokens(work, cue)))


def _tokens(work: Work, span: Span) -> list[Token]:
    got = work.doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(got) if got is not None else [work.doc[0]]


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
                Statement(
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


STAGE = Stage(
    name="attribution",
    run=run,
    summary="statements: reporting verbs with their clause or quote, \"according to X\", "
    "passive hedges (\"was reported to have been\"), speaker lines and signed quotes; "
    "speaker (pronouns resolved to the person last named), source type, factuality "
    "(\"claiming without evidence\" → `claimed_without_evidence`)",
    reads=("article", "doc", "entities"),
    writes=("statements",),
    needs=("gazetteer",),
)
