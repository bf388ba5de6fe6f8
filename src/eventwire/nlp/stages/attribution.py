"""Statements: who said what, with which cue, and how firmly.

Reads reporting verbs ("said", "has reported", "wrote on X", "called ... a"), "according
to X", and quotes whose speaker comes after them ('"...," Lavrov said'). The reporter's
own hedges change factuality: "claiming without evidence" is not "confirmed"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import cast

import numpy as np
from spacy.attrs import LEMMA, LOWER, TAG  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from ...lexicon import LexiconError
from ...lexicon.actors import inverted
from ...model import FACTUALITIES, Attribution, Participant, Span
from ..arguments import arg_words, make_arg, participant, subject_up
from ..resources import Resources
from ..spans import char_span, doc_text, inside_quote, token_span
from ..stage import Stage
from ..work import Arg, Statement, Work

_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
NO_EVIDENCE = re.compile(
    r"without (?:providing |offering |presenting |giving |citing )?(?:any )?evidence"
    r"|(?:offered|provided|presented|gave|cited|produced) no evidence|no evidence (?:was|has been) (?:offered|provided|given)",  # noqa: E501
    re.I,
)


class StatementWords:
    """The attribution stage's word lists (``lexicon/<lang>/statements.toml``), read once per
    lexicon (``Resources.memo``); reporting verbs' factualities are checked here."""

    def __init__(self, res: Resources) -> None:
        lex = res.lexicon
        w = lex.words
        self.sector_nouns = arg_words(res).actors.sector_nouns
        self.reporting: Mapping[str, str] = inverted(lex, "statements.reporting_verbs")
        bad = sorted(set(self.reporting.values()) - set(FACTUALITIES))
        if bad:
            raise LexiconError(
                f"lexicon 'statements.reporting_verbs': {bad[0]!r} is not a factuality "
                f"({', '.join(FACTUALITIES)})"
            )
        self.intent_verbs = w("statements.intent_verbs")
        self.object_verbs = w("statements.object_verbs")
        self.naming_verbs = w("statements.naming_verbs")
        self.clause_verbs = w("statements.clause_verbs")
        self.call_preps = w("statements.call_prepositions")
        self.quote_verbs = w("statements.quote_verbs")
        self.posting_verbs = w("statements.posting_verbs")
        self.communication_verbs = w("statements.communication_verbs")
        self.act_or_speech = w("statements.act_or_speech_verbs")
        self.speech_nouns = w("statements.speech_nouns")
        self.alleging_nouns = w("statements.alleging_nouns")
        self.stance_adjectives = w("statements.stance_adjectives")
        self.about_preps = w("statements.about_prepositions")
        self.hedge_verbs = w("statements.hedge_verbs")
        self.stance_verbs = w("statements.stance_verbs")  # read by the trained stage
        self.according_to = tuple(tuple(p.split()) for p in lex.phrases("statements.according_to"))
        # their first words: most tokens start none, and need no longer look
        self.according_first = frozenset(p[0] for p in self.according_to if p)
        # the lemmas a statement can hang from (see ``run``), and per (lemma, lower) id
        # pair seen, whether the token can start one: a token that cannot is never
        # made into a Token object (they cost more than the rest of the stage)
        self.cue_lemmas = (frozenset(self.reporting) | self.communication_verbs
                           | self.speech_nouns | self.stance_adjectives)
        self._can_start: dict[bytes, bool] = {}
        self.not_speakers = w("statements.not_speakers")
        self.it_speaks = w("statements.it_speaks")
        self.person_pronouns = w("statements.person_pronouns")
        self.first_second = w("statements.first_second_pronouns")
        self.restating_pronouns = w("statements.restating_pronouns")
        self.social_media = w("statements.social_media")
        # the first word of each name, and per lower-case word id seen, whether it begins
        # with one (``_may_name_social``)
        self.social_first = tuple(sorted({m.split(" ")[0] for m in self.social_media}))
        # lower-case word ids already read, and those of them that begin a name (one
        # tuple: a full pair is replaced, never cleared under another thread's reading)
        self._social: tuple[set[int], set[int]] = (set(), set())
        self.expert_nouns = w("statements.expert_nouns")
        self.witness_nouns = w("statements.witness_nouns")
        self.media_nouns = w("statements.media_nouns")
        self.document_nouns = w("statements.document_nouns")
        self.police_nouns = w("statements.police_nouns")
        self.group_nouns = w("statements.group_nouns")
        self.group_sectors = w("statements.group_sectors")
        self.official_sectors = w("statements.official_sectors")
        self.unnamed_nouns = w("statements.unnamed_nouns")

    def candidates(self, doc: Doc) -> list[int]:
        """The tokens of ``doc`` whose lemma or word can start a statement, in order."""
        seen = self._can_start
        if len(seen) > 50_000:  # bounded in a long-running worker
            seen.clear()
        strings = doc.vocab.strings
        out = []
        # each token's (lemma, lower) ids as one bytes key: hashed and compared in one piece
        ids = np.ascontiguousarray(doc.to_array([LEMMA, LOWER]), dtype="uint64")
        keys = cast(list[bytes], ids.view(np.dtype((np.void, 16))).ravel().tolist())
        for i, key in enumerate(keys):
            got = seen.get(key)
            if got is None:
                lemma, lower = np.frombuffer(key, dtype="uint64").tolist()
                got = seen[key] = (strings[lemma].lower() in self.cue_lemmas
                                   or strings[lower] in self.according_first)
            if got:
                out.append(i)
        return out


def statement_words(res: Resources) -> StatementWords:
    return res.memo("attribution.words", lambda: StatementWords(res))


# where a Doc keeps, while the attribution stage reads it, what was read per speaker's head
# token (``speaker_arg``, ``_noun_words``)
READ = "eventwire_attribution_read"


@contextmanager
def reading(works: Sequence[Work]) -> Iterator[None]:
    """While the stage reads ``works``: each speaker's head read once per article
    (``speaker_arg``); forgotten afterwards (later stages may add entities)."""
    fresh = [w for w in works if READ not in w.doc.user_data]
    for w in fresh:
        w.doc.user_data[READ] = {}
    try:
        yield
    finally:
        for w in fresh:
            w.doc.user_data.pop(READ, None)


def speaker_arg(work: Work, res: Resources, head: Token) -> Arg:
    """``make_arg(work, res, head)``, made once per head token while ``reading`` (the rules
    and the tagger's linking read most speakers twice: ``make_arg`` reads only the parse
    and the entities, which this stage does not change); a copy each time (the linking
    fills in an entity)."""
    memo = work.doc.user_data.get(READ)
    if memo is None:
        return make_arg(work, res, head)
    got = memo.get(head.i)
    if got is None:
        got = memo[head.i] = make_arg(work, res, head)
    # ``copy.copy`` without its protocol's detour (``__reduce_ex__``): the same new Arg
    # with the same attribute values (shallow: the token list is shared, as before)
    new = object.__new__(Arg)
    new.__dict__.update(got.__dict__)
    return new


def _person_like(work: Work, arg, w: StatementWords) -> bool:
    if arg is None:
        return False
    if arg.entity >= 0:
        return work.entities[arg.entity].type in {"PERSON", "ORG", "GPE", "NORP"}
    head = arg.head
    lemma = head.lemma_.lower()
    return (head.lower_ in w.person_pronouns or head.pos_ == "PROPN"
            or lemma in w.sector_nouns or lemma in w.expert_nouns
            or lemma in w.witness_nouns)


def _restated(arg, cue: Token, w: StatementWords) -> bool:
    """A pronoun speaking inside the clause its own reporting verb governs.

    "Stein said she plans to join": the plan is what Stein said, not a second statement
    by "she"; annotators (and readers) count one attribution.
    """
    if arg is None or arg.head.lower_ not in w.restating_pronouns or cue.dep_ != "ccomp":
        return False
    outer = cue.head
    return outer.lemma_.lower() in w.reporting and any(
        c.dep_ == "nsubj" for c in outer.children
    )


def act_not_words(work: Work, cue: Token, content: Span, speaker: Token | None,
                  w: StatementWords) -> bool:
    """ "Officers responded to a report", "they attacked two policemen": a verb that tells
    an act as often as words (``statements.act_or_speech_verbs``) is a statement only with
    a clause or a quote as content, or with a named person or organisation as subject and
    no counted people as object."""
    if cue.lemma_.lower() not in w.act_or_speech:
        return False
    text = work.article.text
    if inside_quote(text, content.start) or text[max(0, content.start - 1)] in _OPENERS:
        return False
    toks = work.doc.char_span(content.start, content.end, alignment_mode="expand")
    if toks is not None and len(toks):
        root = toks.root
        if root.pos_ in {"VERB", "AUX"} and root.dep_ in {"ccomp", "xcomp", "ROOT", "conj"}:
            return False
        if any(t.like_num or t.dep_ == "nummod" for t in toks):
            return True
    if speaker is None:
        return True
    e = work.entity_at(speaker)
    return e < 0 or work.entities[e].type not in {"PERSON", "ORG"}


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
        subj = subject_up(cue, res)
    if not subj:
        return None
    head = subj[0]
    # "Russia's foreign minister, Sergei Lavrov": the named apposition speaks
    for c in head.children:
        if c.dep_ == "appos" and work.entity_at(c) >= 0:
            head = c
    return speaker_arg(work, res, head)


def _joined(words: Iterable[str], limit: int) -> str:
    """``" ".join(words)[:limit]``, reading no more words than that needs (a cue's subtree
    is often its whole sentence)."""
    out: list[str] = []
    size = -1
    for x in words:
        out.append(x)
        size += len(x) + 1
        if size >= limit:
            break
    return " ".join(out)[:limit]


def _may_name_social(doc: Doc, w: StatementWords) -> bool:
    """Can a tail of words joined by spaces hold "on" and a social medium's name
    ("on X", "on social media")? Only if a word of the article begins with the name's first
    word (a word holds no space, so the name cannot begin inside one), or a word holds a
    space after all. Read once per Doc, each word once per lexicon."""
    got = doc.user_data.get("eventwire_social")
    if got is None:
        seen, starts = w._social
        if len(seen) > 50_000:  # bounded in a long-running worker
            seen, starts = w._social = (set(), set())
        strings = doc.vocab.strings
        keys = doc.to_array([LOWER]).tolist()
        # each word not read before is read once; then the article's words are looked up
        # in one call (no Python loop over them)
        if not seen.issuperset(keys):
            for key in set(keys) - seen:
                x = strings[key]
                if (" " in x and not x.isspace()) or x.startswith(w.social_first):
                    starts.add(key)
                seen.add(key)
        got = not starts.isdisjoint(keys)
        doc.user_data["eventwire_social"] = got
    return bool(got)


def _noun_words(work: Work, head: Token) -> frozenset[str]:
    """The nouns of the phrase ``head`` heads, as lemmas, with the head's word and lemma
    ("local media" is media, though "a local" is a witness); read once per head token
    while ``reading``."""
    memo = work.doc.user_data.get(READ)
    key = ("nouns", head.i)
    got = memo.get(key) if memo is not None else None
    if got is None:
        got = frozenset({t.lemma_.lower() for t in head.subtree if t.pos_ in {"NOUN", "PROPN"}}
                        | {head.lower_, head.lemma_.lower()})
        if memo is not None:
            memo[key] = got
    return got


def _source_type(work: Work, arg, cue: Token, w: StatementWords) -> str:
    """Who the source is, from the speaker's words, its entity's roles and sector: the
    first that holds of social media, unnamed (no speaker), expert, witness, media,
    document, police, group, official; a named person of no known role is a witness (a
    private person), anything else unnamed."""
    if _may_name_social(cue.doc, w):
        tail = _joined((t.lower_ for t in cue.subtree if t.i > cue.i), 80)
        if any(f"on {s}" in tail for s in w.social_media):
            return "social_media"
    if cue.lemma_ in w.posting_verbs:
        return "social_media"
    if arg is None:
        return "unnamed"
    head = arg.head
    words = _noun_words(work, head)
    ent = work.entities[arg.entity] if arg.entity >= 0 else None
    if ent is not None and ent.roles:
        words = words.union(*(title.lower().split() for title, _of, _span in ent.roles))
    sector = (ent.sector if ent is not None and ent.sector else None) or arg.sector
    if words & w.expert_nouns:
        return "expert"
    if words & w.witness_nouns:
        return "witness"
    if sector == "JRN" or words & w.media_nouns:
        return "media"
    if ent is None and (head.lemma_.lower() in w.document_nouns
                        or head.lower_ in w.document_nouns):
        return "document"
    if sector == "COP" or words & w.police_nouns:
        return "police"
    if sector in w.group_sectors or (ent is None and head.lemma_.lower() in w.group_nouns):
        return "group"
    if ent is None and words & w.unnamed_nouns:
        return "unnamed"
    if sector in w.official_sectors:
        return "official"
    if ent is not None and ent.type in {"ORG", "GPE"}:
        return "official"  # a state or an organisation of no other known kind
    if ent is not None and ent.type == "PERSON":
        return "witness"
    return "unnamed"


# a word every match of NO_EVIDENCE holds (in one token: the window joins tokens with spaces)
_EVIDENCE = re.compile(r"evidence", re.I)


def _says_evidence(doc: Doc) -> bool:
    """Does the article's text hold the word ``evidence`` anywhere (read once per Doc)?"""
    got = doc.user_data.get("eventwire_evidence")
    if got is None:
        got = doc.user_data["eventwire_evidence"] = _EVIDENCE.search(doc_text(doc)) is not None
    return bool(got)


def _factuality(cue: Token, w: StatementWords) -> str:
    base = w.reporting.get(cue.lemma_.lower(), "reported")
    if not _says_evidence(cue.doc):
        return base  # no window of the text can match NO_EVIDENCE: no need to build one
    window = _joined((t.text for t in cue.subtree), 200)
    if cue.lemma_ == "claim" and NO_EVIDENCE.search(window):
        return "claimed_without_evidence"
    if NO_EVIDENCE.search(window):
        return "claimed_without_evidence"
    return base


def _phrase_at(doc: Doc, i: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The phrase (lower-cased words) that starts at token ``i`` with a token after it
    ("according to X")."""
    for words in phrases:
        n = len(words)
        if i + n < len(doc) and all(doc[i + k].lower_ == x for k, x in enumerate(words)):
            return words
    return None


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
    with reading([work]):
        _run(work, res)


def _run(work: Work, res: Resources) -> None:
    w = statement_words(res)
    doc = work.doc
    text = doc_text(doc)
    for i in w.candidates(doc):
        t = doc[i]
        lemma = t.lemma_.lower()
        broad = lemma in w.communication_verbs and lemma not in w.reporting
        if t.pos_ == "VERB" and (lemma in w.reporting or broad):
            content: Span | None = None
            kids = list(t.children)  # read once: each walk makes new Token objects
            ccomp = [c for c in kids if c.dep_ in {"ccomp"}]
            xcomp = [c for c in kids if c.dep_ == "xcomp"]
            dobj_kids = [c for c in kids if c.dep_ == "dobj"]
            for_on = [c for c in kids if c.dep_ == "prep" and c.lower_ in w.call_preps]
            if lemma in w.naming_verbs and any(c.lower_ == "what" for c in kids):
                continue  # "what he called 'fraud'": a characterisation, not a statement
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and (
                t.head.lemma_.lower() not in w.intent_verbs
            ):
                continue  # "they need to find", "for the president to say": not said yet
            if lemma == "call":
                dobj = [c for c in kids if c.dep_ in {"dobj", "oprd"}]
                oprd = [c for c in kids if c.dep_ == "oprd"]
                if oprd:
                    content = token_span([x for c in dobj for x in c.subtree])
                elif for_on:  # "called for a ceasefire", "called on Congress to act"
                    content = token_span(list(for_on[0].subtree)[1:])
                else:
                    continue
            elif lemma in w.intent_verbs and xcomp and not ccomp:
                content = token_span(list(xcomp[0].subtree))
            elif (lemma in w.object_verbs or broad) and dobj_kids and not ccomp:
                content = token_span(list(dobj_kids[0].subtree))
            elif not ccomp and _agent(t) is not None and (
                passive := [c for c in kids if c.dep_ == "nsubjpass"]
            ):  # "the shortage was first reported by the paper": what was reported
                content = token_span(list(passive[0].subtree))
            elif not ccomp and (about := [
                c for c in kids if c.dep_ == "prep" and c.lower_ in w.about_preps
            ]):  # "spoke about the vote", "warned against cuts"
                content = token_span(list(about[0].subtree)[1:])
            elif ccomp:
                content = token_span(list(ccomp[0].subtree))
            elif lemma in w.quote_verbs and t.dep_ in {
                "ROOT",
                "parataxis",
                "conj",
            }:
                q = _quote_near(work, t)
                if q is not None:
                    content = q
                elif t.i > t.sent.start + 3 and doc[t.i - 1].dep_ in {"nsubj", "compound"}:
                    # "..., state media has reported": the clause before the speaker
                    subj = [c for c in kids if c.dep_ == "nsubj"]
                    stop = min([s.left_edge.i for s in subj] or [t.i])
                    content = char_span(text, t.sent.start_char, doc[stop].idx)
            if content is None:
                continue
            if lemma in w.clause_verbs and not ccomp:
                continue
            arg = _speaker_arg(work, res, t)
            if arg is None and t.tag_ != "VBN":
                continue
            if arg is not None and arg.head.lower_ in w.not_speakers and not (
                arg.head.lower_ == "it" and lemma in w.it_speaks and arg.head.dep_ == "nsubj"
            ):
                continue
            left = arg.head.left_edge.i if arg is not None else 0
            if left > 0 and doc[left - 1].lower_ == "what":
                continue  # "infected with what he called tribalism"
            if broad and not _person_like(work, arg, w):
                continue
            if arg is not None and arg.head.lower_ in w.first_second and inside_quote(
                text, t.idx
            ):
                continue  # "I say ..." inside someone's quote: nested speech
            if _restated(arg, t, w):
                continue  # "Stein said she plans to ...": the outer statement holds it
            if act_not_words(work, t, content, arg.head if arg is not None else None, w):
                continue  # "officers responded to a report": an act, not words
            aux = [c for c in kids if c.dep_ in {"aux"} and c.i == t.i - 1]
            cue_tokens = [*aux, t]
            if (
                t.i + 2 < len(doc)
                and doc[t.i + 1].lower_ == "on"
                and doc[t.i + 2].lower_ in w.social_media
            ):
                cue_tokens += [doc[t.i + 1], doc[t.i + 2]]
            cue = token_span(cue_tokens)
            if cue is None:
                continue
            att = Attribution(
                cue=cue,
                content=content,
                speaker=participant(work, arg),
                source_type=_source_type(work, arg, t, w),  # type: ignore[arg-type]
                factuality=_factuality(t, w),  # type: ignore[arg-type]
            )
            work.statements.append(Statement(att, [t]))
        elif t.pos_ == "NOUN" and lemma in w.speech_nouns and (
            poss := [c for c in t.children if c.dep_ == "poss"]
        ):
            # "Trump's claim that ...", "Clinton's remarks about ..."
            arg = speaker_arg(work, res, poss[0])
            if not _person_like(work, arg, w):
                continue
            clause = [c for c in t.children if c.dep_ in {"acl", "ccomp", "relcl"}
                      and any(g.lower_ == "that" for g in c.children)]
            about = [c for c in t.children if c.dep_ == "prep" and c.lower_ in w.about_preps]
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
                source_type=_source_type(work, arg, t, w),  # type: ignore[arg-type]
                factuality="alleged" if lemma in w.alleging_nouns else "reported",
            ), [t]))
        elif t.pos_ == "ADJ" and t.dep_ == "acomp" and t.lemma_.lower() in w.stance_adjectives:
            # "X has been critical of the plan", "voters are worried about costs"
            about = [c for c in t.children if c.dep_ == "prep" and c.lower_ in w.about_preps]
            content = token_span(list(about[0].subtree)[1:]) if about else None
            arg = _speaker_arg(work, res, t.head)
            cue = token_span([t, about[0]]) if about else None
            if content is None or cue is None or not _person_like(work, arg, w):
                continue
            work.statements.append(Statement(Attribution(
                cue=cue, content=content, speaker=participant(work, arg),
                source_type=_source_type(work, arg, t, w),  # type: ignore[arg-type]
                factuality="reported",
            ), [t]))
        elif t.lower_ in w.according_first and (
                according := _phrase_at(doc, t.i, w.according_to)) is not None:
            obj = [g for g in doc[t.i + len(according) - 1].children if g.dep_ == "pobj"]
            if not obj:
                continue
            arg = speaker_arg(work, res, obj[0])
            sent = t.sent
            content = (
                char_span(text, sent.start_char, t.idx)
                if t.i > sent.start
                else char_span(text, obj[0].idx + len(obj[0].text), sent.end_char)
            )
            cue = token_span(list(doc[t.i : t.i + len(according)]))
            if content is None or cue is None:
                continue
            src = (
                "media"
                if obj[0].lemma_.lower() in w.media_nouns
                else _source_type(work, arg, t, w)
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
    _hedges(work, w)
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
    arg = speaker_arg(work, res, toks[-1]) if toks is not None and len(toks) else None
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


def _hedges(work: Work, w: StatementWords) -> None:
    """ "X was reported to have been detained": an unnamed, hedged source."""
    doc = work.doc
    vbn = doc.vocab.strings["VBN"]
    for i in (doc.to_array([TAG]) == vbn).nonzero()[0].tolist():
        t = doc[i]
        if (
            t.lemma_ in w.hedge_verbs
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
    needs=("gazetteer", "lexicon"),
    prepare=statement_words,
)
