"""Participants read from the parse: who an argument token stands for, the subject a
non-finite verb inherits, and the model Participant an argument becomes. Shared by the
stages that read actors, recipients, speakers and claimants."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon.actors import ActorWords
from ..model import Participant
from .resources import Resources
from .spans import phrase, token_span
from .work import Arg, Work


class ArgWords:
    """The word lists participants are read with, once per lexicon (``Resources.memo``)."""

    def __init__(self, res: Resources) -> None:
        lex = res.lexicon
        self.actors = ActorWords(lex)
        self.quantity = lex.words("events.quantity")
        self.attackers = lex.words("events.attacker_nouns")
        self.no_determiners = lex.words("people.no_determiners")
        self.no_one = lex.words("people.no_one")
        self.inherit_preps = lex.words("people.inherit_prepositions")
        self.accused = lex.words("people.accused_heads")
        self.accused_preps = lex.words("people.accused_prepositions")
        self.prevention = lex.words("events.prevention_verbs")
        self.schemes = lex.words("events.attempt_heads") | lex.words("events.plot_heads") | (
            lex.words("events.intent_heads"))
        self.requests = lex.words("events.request_nouns") | lex.words("events.decision_nouns")


def arg_words(res: Resources) -> ArgWords:
    return res.memo("arguments.words", lambda: ArgWords(res))


def _in_hyphenated(doc: Doc, t: Token) -> bool:
    """ "a 30-year-old man": a number inside a hyphenated modifier counts no one."""
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return nxt is not None and nxt.text == "-" and not t.whitespace_


def children(t: Token, deps: set[str]) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def make_arg(work: Work, res: Resources, head: Token) -> Arg:
    w = arg_words(res)
    sectors = w.actors.sector_nouns
    e = work.entity_at(head)
    if e >= 0 and head.i in work.mentions_by_token:
        em = work.entity_mentions[work.mentions_by_token[head.i]]
        toks = list(work.doc[em.start : em.end])
    else:
        toks = _without_clause_in_of(head, phrase(head))
    cut = work.context.dateline_end
    if cut and toks[0].idx < cut <= head.idx:
        # "BANGKOK (Reuters) - Thai riot police used ...": the parser hangs the dateline on
        # the first noun; it is no part of who acted
        toks = [x for x in toks if x.idx >= cut]
    arg = Arg(head=head, tokens=toks, entity=e)
    arg.plural = head.tag_ in {"NNS", "NNPS"}
    doc = head.doc
    arg.quantified = any(
        (c.like_num and not _in_hyphenated(doc, c)) or c.lower_ in w.quantity
        or c.dep_ == "quantmod"
        for c in head.subtree
        if c.i < head.i
    ) or (head.lower_ in w.quantity)
    if head.lower_ in w.quantity:  # "dozens of officers": the head is the of-object
        of = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of:
            arg.plural = True
    if e >= 0:
        ent = work.entities[e]
        arg.country, arg.sector, arg.name = ent.country, ent.sector, ent.name
        if ent.type in {"GPE", "NORP"}:
            arg.sector = "GOV" if ent.type == "GPE" else None
    else:
        lemma = head.lemma_.lower()
        if head.lower_ in w.quantity:
            of = [
                g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
            ]
            lemma = of[0].lemma_.lower() if of else lemma
        arg.sector = sectors.get(lemma) or next(
            (
                sectors[c.lower_]
                for c in head.lefts
                if c.dep_ in {"compound", "amod"} and c.lower_ in sectors
            ),
            None,
        )
        if any(c.lower_ in w.actors.intelligence for c in head.lefts):
            arg.sector = "SPY"
        if lemma in w.attackers:
            arg.sector = "UAF"
        for c in head.subtree:
            ce = work.entity_at(c)
            if ce >= 0 and work.entities[ce].type in {"GPE", "NORP"} and c.i < head.i:
                arg.country = work.entities[ce].country
                break
        if arg.country is None and head.pos_ == "PROPN":
            arg.country = res.country_of(head.text)
    return arg


def _without_clause_in_of(head: Token, toks: list[Token]) -> list[Token]:
    """ "hundreds of students who had gathered outside parliament": the relative clause
    tells more of the people of the of-phrase; who they are is "hundreds of students" (the
    phrase's core cuts clauses on its head, not on the of-object). A participle may be
    what picks them out ("one of the men renting the flat") and stays."""
    if toks[-1].i < head.i + 3:  # no room for "of X who ..."
        return toks
    drop = {x.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"
            for d in g.children if d.dep_ == "relcl" for x in d.subtree}
    if not drop:
        return toks
    kept = [x for x in toks if x.i not in drop]
    while len(kept) > 1 and kept[-1].is_punct:  # the comma that opened the clause
        kept.pop()
    return kept


def predicated_subject(t: Token) -> Token:
    """ "Jo Doe is a gunman who shot ...": an antecedent that is what a copula says of a
    named subject ("a gunman", "a liar and a bigot") stands for that name (a copula joined
    to an earlier verb shares that verb's subject: "Jo Doe lies and is a man who ...").
    Between two descriptions ("the man was the son who shot ...") the antecedent stays.
    A list of what the subject is may hang its items on the first as appositions ("Jo Doe
    is a liar, a thug and a bully who ...")."""
    first = t
    while first.dep_ in {"conj", "appos"} and first.head.i != first.i:
        first = first.head
    if first.dep_ != "attr" or first.head.lemma_ != "be":
        return t
    verb = first.head
    for _ in range(3):
        subj = children(verb, {"nsubj"})
        if subj:
            return subj[0] if subj[0].pos_ == "PROPN" else t
        if verb.dep_ != "conj":
            break
        verb = verb.head
    return t


def subject_up(t: Token, res: Resources) -> list[Token]:
    """The subject a non-finite verb inherits ("after being shot", "dispatched to negotiate");
    not through "responsibility for shooting X" (the claimer did not shoot)."""
    w = arg_words(res)
    cur = t
    for _ in range(4):
        if cur.head.i == cur.i:
            return []
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in w.schemes:
            return _schemer(cur.head, w)
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in w.requests:
            # "the governor's call to deport ...", "his order to detain ...": whoever calls
            # for the act or orders it; never the call itself, nor whoever answers it
            # ("critics condemned the call to deport ...")
            return requester(cur.head)
        if cur.dep_ in {"acl", "relcl"} and cur.head.pos_ in {"NOUN", "PROPN"}:
            return [predicated_subject(cur.head)]
        if cur.dep_ == "prep" and cur.lower_ not in w.inherit_preps and not (
            cur.lower_ in w.accused_preps and cur.head.lemma_.lower() in w.accused
        ):
            return []
        if cur.dep_ == "prep" and cur.lower_ in w.accused_preps and (
                cur.head.lemma_.lower() in w.accused) and (objs := children(cur.head, {"dobj"})):
            # "indicted 12 officers for hacking emails", "arrested a man for stabbing his
            # wife": the one accused is the doer, whoever accuses
            return objs
        if cur.pos_ == "NOUN":
            return []
        result = cur.dep_ == "advcl" and cur.tag_ == "VBG"
        cur = cur.head
        if cur.lemma_.lower() in w.prevention:
            return []  # "police foiled a plot to bomb the stadium": who foils did not bomb
        if result and children(cur, {"nsubjpass"}):
            # "The hall was wrecked by a bomb, killing six": what kills is the passive's
            # agent (the bomb), never its patient (the hall)
            return [g for a in children(cur, {"agent"}) for g in children(a, {"pobj"})]
        subj = children(cur, {"nsubj", "nsubjpass"})
        if subj:
            if any(c.lower_ in w.no_determiners for c in subj[0].children) or (
                subj[0].lower_ in w.no_one
            ):
                return []
            return subj
    return []


def requester(noun: Token) -> list[Token]:
    """Who makes a call, a demand or a decision: the noun's owner ("the senator's call",
    "a demand by the union")."""
    return children(noun, {"poss"}) + [g for c in noun.children if c.dep_ == "prep"
                                       and c.lower_ == "by" for g in children(c, {"pobj"})]


def _schemer(noun: Token, w: ArgWords) -> list[Token]:
    """Who would do what "an attempt to storm the building" or "a plot to kill" names: the
    noun's owner ("the rebels' attempt", "an attempt by rebels"), or whoever made it
    ("rebels made an attempt"), never the attempt itself, nor who foiled it."""
    owner = children(noun, {"poss"}) + [g for c in noun.children if c.dep_ == "prep"
                                        and c.lower_ == "by" for g in children(c, {"pobj"})]
    if owner:
        return owner
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() not in w.prevention:
        return children(verb, {"nsubj"})
    return []


def participant(work: Work, arg: Arg | None) -> Participant | None:
    if arg is None:
        return None
    # a pronoun stays where it stands ("He said"); name and entity_id say who it is
    tokens = arg.tokens
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
        # the phrase's own reading first ("a Russian soldier"), else its entity's
        country=arg.country or (ent.country if ent else None),
        sector=arg.sector or (ent.sector if ent else None),
    )


__all__ = ["ArgWords", "arg_words", "children", "make_arg", "participant", "predicated_subject",
           "requester", "subject_up"]
