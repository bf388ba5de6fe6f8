"""Participants of merged events: descriptions the article pins to a name, empty pronouns.

News names a person late: "A man shot a clerk ... The suspect, Jo Doe, was arrested" or
"Police identified the victim as Ann Roe". Once the article equates a description
("the suspect", "the victim", "a man") with a named person, through an apposition, an
"identified ... as" or a copula, an unnamed participant with the same head noun is that
person: the participant keeps its own words and gains the person's entity.

Pronouns that name nobody ("what", "you", an unresolved "we") say nothing about who took
part and are dropped."""

from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, POS  # type: ignore[attr-defined]
from spacy.symbols import VERB  # type: ignore[attr-defined]
from spacy.tokens import Token

from ..arguments import arg_words, children, make_arg
from ..resources import Resources
from ..spans import phrase
from ..stage import Stage
from ..work import Arg, Work, WorkEvent


def _person(work: Work, t: Token) -> int:
    e = work.entity_at(t)
    if e >= 0 and work.entities[e].type == "PERSON" and t.i not in work.pronoun_entity:
        return e
    return -1


def _description(t: Token, person_nouns: frozenset[str]) -> bool:
    return t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in person_nouns


def description_links(work: Work, res: Resources) -> dict[str, list[tuple[int, int]]]:
    """Head lemma of a description -> (token index, PERSON entity) where the text equates
    the two: "the suspect, Jo Doe" / "Jo Doe, the suspect"; "identified the victim as Jo
    Doe" / "Jo Doe was identified as the victim"; "the shooter was Jo Doe". A person the
    article has charged or arrested is "the suspect" (token index -1: no description)."""
    links: dict[str, list[tuple[int, int]]] = {}
    lex = res.lexicon
    person_nouns = lex.words("people.person_nouns")
    identify, charge = lex.words("people.identify_verbs"), lex.words("people.charge_verbs")
    found_dead, dead = lex.words("people.found_dead_verbs"), lex.words("people.dead_words")

    def add(desc: Token, e: int) -> None:
        if e >= 0 and _description(desc, person_nouns) and desc.i not in work.mentions_by_token:
            links.setdefault(desc.lemma_.lower(), []).append((desc.i, e))

    doc = work.doc
    # only appositions, verbs and "be" can equate a description with a name: the other
    # words are not visited
    strings = doc.vocab.strings
    rows = doc.to_array([DEP, POS, LEMMA])
    which = ((rows[:, 0] == strings["appos"]) | (rows[:, 1] == VERB)
             | (rows[:, 2] == strings["be"])).nonzero()[0].tolist()
    def named(t: Token) -> int:
        """The person a description is, or the one it is said to be named ("a man named
        Jo Doe")."""
        e = _person(work, t)
        if e < 0:
            for c in t.children:
                if c.dep_ == "acl" and c.lemma_.lower() in identify:
                    for x in children(c, {"oprd"}):
                        if (e := _person(work, x)) >= 0:
                            break
        return e

    for t in (doc[i] for i in which):
        if t.dep_ == "appos":
            # "the attacker, a 25-year-old man named Omar Farid, stabbed ..."
            add(t.head, named(t))
            add(t, named(t.head))
        elif t.lemma_.lower() in identify and t.pos_ == "VERB":
            as_obj = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                      for g in c.children if g.dep_ == "pobj"]
            if t.dep_ == "acl":
                as_obj += children(t, {"oprd"})  # "a man named Jo Doe"
            # "a man, who was later identified as Jo Doe": the relative pronoun's antecedent
            theme = [t.head if c.tag_ == "WP" and t.dep_ == "relcl" else c
                     for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
            if t.dep_ == "acl" and t.tag_ == "VBN":
                theme.append(t.head)  # "a man, identified as Jo Doe, was found dead"
            # "Police identified him as Jo Doe": whom "him" stands for
            theme = [(_described(work, res, b, set()) or b)
                     if b.pos_ == "PRON" and b.i not in work.pronoun_entity else b
                     for b in theme]
            for a in as_obj:
                for b in theme:
                    add(b, _person(work, a) if _person(work, a) >= 0 else _as_named(work, res, a))
                    add(a, _person(work, b))
        elif t.lemma_.lower() in charge and t.pos_ == "VERB":
            # "Jo Doe was charged with ...", "police arrested Jo Doe": the suspect
            for c in t.children:
                if c.dep_ not in {"nsubjpass", "dobj"}:
                    continue
                group = (c, *c.conjuncts)  # "Jo Doe and Al Roe were charged"
                for who in group:
                    e = _person(work, who)
                    if e >= 0 or len(group) > 1:
                        # a charged companion the NER missed still makes two suspects
                        links.setdefault("suspect", []).append((-1, e if e >= 0 else -2 - who.i))
        elif t.lemma_.lower() in found_dead and t.pos_ == "VERB":
            # "Police said Jo Doe was found dead", "Jo Doe was pronounced dead at the
            # scene": the one found dead is the victim
            if any(c.lower_ in dead for c in t.children if c.dep_ in {
                    "oprd", "acomp", "xcomp", "advmod", "attr"}):
                for c in children(t, {"nsubjpass"}):
                    # "Officers found Jo Doe, who was pronounced dead": the antecedent
                    e = _person(work, t.head if c.tag_ == "WP" and t.dep_ == "relcl" else c)
                    if e >= 0:
                        links.setdefault("victim", []).append((-1, e))
        elif t.lemma_ == "be":
            for a in (c for c in t.children if c.dep_ == "attr"):
                for b in (c for c in t.children if c.dep_ == "nsubj"):
                    desc, name = (a, b) if _description(a, person_nouns) else (b, a)
                    if any(c.dep_ == "det" and c.lower_ == "the" for c in desc.children):
                        add(desc, _person(work, name))
    return links


def _own_name(work: Work, res: Resources, head: Token) -> int:
    """The person a participant is said to be in its own phrase: "another of the robbers,
    identified as Jo Doe, was wounded"; "a man named Jo Doe"."""
    identify = res.lexicon.words("people.identify_verbs")
    for c in head.children:
        if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_.lower() not in identify:
            continue
        names = children(c, {"oprd"}) + [g for p in c.children if p.dep_ == "prep"
                                          and p.lower_ == "as" for g in children(p, {"pobj"})]
        for x in names:
            e = _person(work, x)
            if e >= 0 or (e := _as_named(work, res, x)) >= 0:
                return e
    return -1


def _apposed(work: Work, head: Token) -> int:
    """The person a description stands in apposition with ("Jo Doe, a nurse who ...",
    "the union official, Jo Doe, was arrested"): an apposition names the same one."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return -1
    if head.dep_ == "appos" and (e := _person(work, head.head)) >= 0:
        return e
    return next((e for c in head.children if c.dep_ == "appos"
                 and (e := _person(work, c)) >= 0), -1)


def _as_named(work: Work, res: Resources, t: Token) -> int:
    """ "The victim was identified as Darnell Price": what a person is identified or named
    as is a person's name, whatever label the NER gave the run of capitalised names (not a
    group or a place the lexicon or the gazetteer knows)."""
    e = work.entity_at(t)
    if e < 0 or work.entities[e].type != "ORG" or t.i in work.pronoun_entity:
        return -1
    ent = work.entities[e]
    words = ent.name.split()
    heads = arg_words(res).actors.group_name_heads
    if len(words) < 2 or ent.sector is not None or res.is_place(ent.name) or any(
            x.lower() in heads or not x[:1].isupper() for x in words):
        return -1
    return e


def _resolve(work: Work, res: Resources, arg: Arg, links: dict[str, list[tuple[int, int]]],
             taken: set[int], role_nouns: frozenset[str], person_nouns: frozenset[str],
             others: frozenset[str] = frozenset()) -> None:
    """Give an unnamed singular description the person the article pins to it: through its
    own head noun, or through the role it plays ("a man shot ..." / "the suspect, Jo Doe")."""
    head = arg.head
    # "left one man dead": one is one person, as "a man" is
    nums = [c for c in head.children if c.dep_ == "nummod"]
    one = bool(nums) and all(res.numbers.read_int(c.text) == 1 for c in nums)
    if arg.entity >= 0 or arg.plural or (arg.quantified and not one) or not _description(
            head, person_nouns):
        return
    if any(c.dep_ in {"det", "amod"} and c.lower_ in others for c in head.children):
        return  # "another deputy fired": not the one the article pinned a name to
    lemmas = {head.lemma_.lower()} | role_nouns
    cands = [(i, e) for lemma in lemmas for i, e in links.get(lemma, []) if e not in taken]
    own = [e for i, e in cands if i == head.i]
    people = {e for _, e in cands}
    if own:  # the description itself is pinned to a name
        e = own[0]
    elif len(people) == 1:  # one person goes by this description in the article
        e = people.pop()
    else:
        return
    if e < 0:  # someone the NER did not take for a person
        return
    ent = work.entities[e]
    arg.entity = e
    arg.name = ent.name
    arg.country = arg.country or ent.country
    arg.sector = arg.sector or ent.sector


def _informative(arg: Arg, empty: frozenset[str]) -> bool:
    h = arg.head
    if arg.entity >= 0 or h.lower_ not in empty:
        return True
    # "some of the protesters": the of-phrase says who
    return any(c.lower_ == "of" for c in h.children)


def run(work: Work, res: Resources) -> None:
    lex = res.lexicon
    person_nouns, empty = lex.words("people.person_nouns"), lex.words("people.empty_pronouns")
    perpetrators, victims = lex.words("people.perpetrator_nouns"), lex.words("people.victim_nouns")
    others = lex.words("people.other_determiners")
    unsaid = lex.words("events.non_participants")
    links = description_links(work, res)
    # the dateline ("KAMPALA, Oct 3 —") says where the report was filed; the parser can
    # hang it on the lead's verb as a subject, but it never takes part in an event
    line = work.context.dateline_place
    in_line = range(line.start, line.end) if line is not None else range(0)
    speakers = _quoted_speakers(work, res)
    tolls = _tolls(work, res)
    for n, ev in enumerate(work.events):
        for mine, other in (("actors", "recipients"), ("recipients", "actors")):
            for a in getattr(ev, mine):
                if a.entity < 0 and a.head.i in speakers:  # "tried to kill me," Ann Roe said
                    a.entity = speakers[a.head.i]
                    a.name = work.entities[a.entity].name
            args: list[Arg] = [a for a in getattr(ev, mine)
                               if _informative(a, empty) and a.head.idx not in in_line]
            taken = {a.entity for a in getattr(ev, other) if a.entity >= 0}
            roles: frozenset[str] = frozenset()
            if ev.category == "ASSAULT":
                roles = perpetrators if mine == "actors" else victims
            for k, a in enumerate(args):
                if a.entity < 0 and a.name is None and (e := _own_name(work, res, a.head)) >= 0:
                    # "Another of the robbers, identified as Tyrell Mason, was wounded"
                    a.entity, a.name = e, work.entities[e].name
                if a.entity < 0 and a.name is None and (
                        e := _apposed(work, a.head)) >= 0:
                    # "Jo Doe, a nurse who joined the march": the description is the name
                    a.entity, a.name = e, work.entities[e].name
                _resolve(work, res, a, links, taken, roles, person_nouns, others)
                if a.entity < 0 and a.name is None and a.head.pos_ == "PRON":
                    said = _described(work, res, a, {o.head.i for o in getattr(ev, other)})
                    if said is not None:
                        # the description stands in the pronoun's place: it names nobody
                        # (no entity, no name), but says who
                        args[k] = make_arg(work, res, said)
                        args[k].tokens = phrase(said)
                        args[k].for_pronoun = True
                        _resolve(work, res, args[k], links, taken, roles, person_nouns, others)
            # a "they" nobody is found for says nothing about who took part
            args = [a for a in args if a.for_pronoun or a.entity >= 0 or a.head.pos_ != "PRON"
                    or a.head.lower_ not in unsaid]
            kept: list[Arg] = []
            seen: set[int] = set()
            heads: set[int] = set()
            for a in args:
                if a.head.i in heads:  # "robbed the clerk and shot him": him is the clerk
                    continue
                heads.add(a.head.i)
                if a.entity >= 0:
                    if a.entity in seen:
                        continue
                    seen.add(a.entity)
                kept.append(a)
            setattr(ev, mine, kept)
        if n in tolls:
            have = {a.head.i for a in ev.recipients}
            known = {a.entity for a in ev.recipients if a.entity >= 0}
            for x in tolls[n]:
                if x.i not in have and (work.entity_at(x) < 0 or work.entity_at(x) not in known):
                    listed = make_arg(work, res, x)
                    listed.plural = True  # one of those the act harmed: no count of one
                    ev.recipients.append(listed)
        if not ev.recipients and ev.category == "ASSAULT" and not ev.aggregate:
            ev.recipients = (_found_hurt(work, res, ev) or _taken_hurt(work, res, ev)
                             or _the_victim(work, res, ev))
            taken = {a.entity for a in ev.actors if a.entity >= 0}
            for a in ev.recipients:  # "Police identified the victim as Omar Diallo"
                _resolve(work, res, a, links, taken, victims, person_nouns, others)
        if not ev.actors:
            ev.actors = _unstated_agent(work, res, ev)
            ev.actors_borrowed = bool(ev.actors)
        if ev.category == "ASSAULT" and not ev.aggregate and any(
            a.entity >= 0 and work.entities[a.entity].type == "PERSON" for a in ev.recipients
        ):
            ev.modes.add("targeted")  # an attack on a person the article names


def _described(work: Work, res: Resources, arg: Arg | Token, others: set[int]
               ) -> Token | None:
    """A "he", "him" or "her" no named person stands for names the description of one
    person said last before it, in its sentence or the one before ("kicked in the door of
    the victim's flat and shot him"; "A woman was found dead. Police said she had been
    stabbed"): the description agrees with it in gender where its noun has one, is not
    the subject of the clause an object pronoun is in ("the man shot him": someone else),
    and is not the act's other side. "They" and "them" take the people said last before
    them ("two brothers were walking home when gunmen fired on them") unless things or a
    name stand nearer ("planted two bombs before detonating them")."""
    lex = res.lexicon
    p = arg.head if isinstance(arg, Arg) else arg
    male, female = lex.words("people.male_pronouns"), lex.words("people.female_pronouns")
    plural = p.lower_ in lex.words("people.plural_pronouns")
    if p.lower_ not in male and p.lower_ not in female and not plural:
        return None
    if p.lower_ in lex.words("people.reflexive_pronouns"):
        return None  # a reflexive stands for its own clause's subject, never read here
    unlike = lex.words("people.female_nouns") if p.lower_ in male else lex.words(
        "people.male_nouns") if not plural else frozenset()
    person_nouns = lex.words("people.person_nouns")
    tags = {"NNS"} if plural else {"NN"}
    barred = set(others)
    if p.dep_ in {"dobj", "pobj", "dative"}:
        verb = p.head.head if p.dep_ == "pobj" else p.head
        while True:
            barred.update(s.i for s in children(verb, {"nsubj", "nsubjpass"}))
            if verb.dep_ == "relcl":  # "police, who fired at them": "who" is the police
                barred.add(verb.head.i)
            if verb.dep_ != "conj" or children(verb, {"nsubj", "nsubjpass"}):
                break
            verb = verb.head  # "kicked in the door and shot him": the subject they share
    sent = p.sent
    start = sent.start
    if start > 0:
        start = work.doc[start - 1].sent.start
    def people(t: Token) -> bool:
        return t.lemma_.lower() in person_nouns or (
            plural and make_arg(work, res, t).sector is not None)  # "police", "troops"

    for t in reversed(work.doc[start:p.i]):
        if plural and t.i not in barred and (t.i in work.mentions_by_token or (
                t.tag_ == "NNS" and not people(t))):
            return None  # "planted two bombs before detonating them": nearer things, a name
        if (t.pos_ == "NOUN" and t.tag_ in tags and t.i not in barred
                and t.i not in work.mentions_by_token and people(t)):
            lemma = t.lemma_.lower()
            if lemma in unlike:
                continue
            return t
    return None


def _tolls(work: Work, res: Resources) -> dict[int, list[Token]]:
    """Event index -> the people a toll lists for it: "Among the dead were three police
    officers", "The dead included women and children", "The victims included a judge",
    "The victims were identified as Jo Doe and Al Roe". A toll tells of the attack told
    last before it, in its sentence or the one before."""
    lex = res.lexicon
    toll, listing = lex.words("people.toll_words"), lex.words("people.listing_verbs")
    doc = work.doc
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, LEMMA])
    identify = lex.words("people.identify_verbs")
    plural = lex.words("people.plural_pronouns")
    which = (rows[:, 0] == strings["among"]).nonzero()[0].tolist() + [
        i for x in listing | identify for i in (rows[:, 1] == strings[x]).nonzero()[0].tolist()]
    if not which:
        return {}

    def tolled(ts: list[Token]) -> bool:
        return any(g.lemma_.lower() in toll or g.lower_ in toll for g in ts)

    found: list[tuple[int, list[Token]]] = []
    for t in (doc[i] for i in sorted(which)):
        if t.lower_ == "among":
            # "Among the dead were ...", "Two children were among the dead"
            if t.dep_ != "prep" or t.head.lemma_ != "be" or not tolled(children(t, {"pobj"})):
                continue
            people = [c for c in t.head.children if c.dep_ in {"nsubj", "attr"}]
        elif t.pos_ == "VERB" and t.lemma_.lower() in identify:
            # "The victims were identified as Thabo Mokoena and Sipho Dlamini", "Police
            # identified them as ...": the names of the people the act harmed (one victim
            # identified is the description's own name: ``description_links``)
            if not any((x.tag_ == "NNS" and tolled([x])) or x.lower_ in plural
                       for x in children(t, {"nsubjpass", "dobj"})):
                continue
            names = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                     for g in children(c, {"pobj"})]
            people = [x for n in names for x in (n, *n.conjuncts)
                      if _person(work, x) >= 0 or _as_named(work, res, x) >= 0]
            if len(people) < 2:
                continue
            found.append((t.i, people))
            continue
        elif t.pos_ == "VERB" and tolled(children(t, {"nsubj"})):
            people = children(t, {"dobj"})
        else:
            continue
        heads = [c for p in people for c in (p, *p.conjuncts) if c.pos_ in {"NOUN", "PROPN"}]
        if heads:
            found.append((t.i, heads))
    out: dict[int, list[Token]] = {}
    for i, heads in found:
        start = work.sent_start(i)
        before = work.sent_start(start - 1) if start > 0 else start
        last = max(((m.trigger.i, n) for n, ev in enumerate(work.events)
                    if ev.category == "ASSAULT" and not ev.aggregate
                    for m in (work.mentions[k] for k in ev.mentions)
                    if before <= m.trigger.i < i), default=None)
        if last is not None:
            out.setdefault(last[1], []).extend(heads)
    return out


def _found_hurt(work: Work, res: Resources, ev: WorkEvent) -> list[Arg]:
    """Whom the police find hurt in the sentence of an attack that names no victim is its
    victim: "responded to a report of a shooting and found a man with a gunshot wound",
    "found the victim dead after the shooting"."""
    lex = res.lexicon
    found, hurt = lex.words("people.found_verbs"), lex.words("people.hurt_words")
    person_nouns = lex.words("people.person_nouns")
    sents = {work.mentions[k].trigger.sent.start for k in ev.mentions}
    for start in sorted(sents):
        for v in work.doc[start].sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in found:
                continue
            comps = children(v, {"ccomp", "xcomp", "oprd"})
            for x in children(v, {"dobj"}) + [s for c in comps for s in children(c, {"nsubj"})]:
                e = work.entity_at(x)
                if not ((x.pos_ == "NOUN" and x.lemma_.lower() in person_nouns) or (
                        e >= 0 and work.entities[e].type == "PERSON")):
                    continue
                said = [*x.subtree, *(t for c in comps for t in c.subtree)] + [
                    t for c in children(v, {"prep", "advcl"}) if c.lower_ == "with"
                    for t in c.subtree]
                if any(t.lemma_.lower() in hurt or t.lower_ in hurt for t in said
                       if t.i != x.i):
                    return [make_arg(work, res, x)]
    return []

def _taken_hurt(work: Work, res: Resources, ev: WorkEvent) -> list[Arg]:
    """Who is taken to hospital hurt (or suffers a wound), in the sentence of an attack that
    names no victim or the one after it (when that one tells no other act), is its victim:
    "Police are investigating a stabbing. A woman was taken to hospital with serious
    injuries"; "A man suffered a gunshot wound to the leg." The
    doer by name ("the suspect was treated for a gunshot wound") is not."""
    lex = res.lexicon
    carried, hurt = lex.words("people.hospital_verbs"), lex.words("people.hurt_words")
    suffered = lex.words("people.suffering_verbs")
    person_nouns = lex.words("people.person_nouns")
    doers = lex.words("people.perpetrator_nouns")
    mine = set(ev.mentions)
    others = {m.trigger.sent.start for k, m in enumerate(work.mentions) if k not in mine}
    sents: set[int] = set()
    for k in ev.mentions:
        sent = work.mentions[k].trigger.sent
        sents.add(sent.start)
        if sent.end < len(work.doc) and (nxt := work.doc[sent.end].sent.start) not in others:
            sents.add(nxt)
    for start in sorted(sents):
        for v in work.doc[start].sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in carried | suffered:
                continue
            # "a woman was taken to hospital with ...", "a man suffered a gunshot wound"
            for x in children(v, {"nsubj"} if v.lemma_.lower() in suffered else {"nsubjpass"}):
                e = work.entity_at(x)
                lemma = x.lemma_.lower()
                if lemma in doers or not ((x.pos_ == "NOUN" and lemma in person_nouns) or (
                        e >= 0 and work.entities[e].type == "PERSON")):
                    continue
                if any(t.lemma_.lower() in hurt or t.lower_ in hurt for t in v.subtree
                       if t not in x.subtree):
                    return [make_arg(work, res, x)]
    return []


def _the_victim(work: Work, res: Resources, ev: WorkEvent) -> list[Arg]:
    """ "Police are investigating a shooting on Elm Street. The victim died at the scene":
    "the victim" (or "the victims were two teenagers") in the sentence of an attack that
    names no victim, or the one after it when that one tells no other act, is its victim."""
    victims = res.lexicon.words("people.victim_nouns")
    mine = set(ev.mentions)
    others = {work.sent_start(m.trigger.i) for k, m in enumerate(work.mentions) if k not in mine}
    sents: set[int] = set()
    for k in ev.mentions:
        sent = work.sent_of(work.mentions[k].trigger.i)
        sents.add(sent.start)
        if sent.end < len(work.doc) and (nxt := work.sent_start(sent.end)) not in others:
            sents.add(nxt)
    for start in sorted(sents):
        for x in work.sent_of(start):
            if x.pos_ != "NOUN" or x.lemma_.lower() not in victims or x.dep_ not in {
                    "nsubj", "nsubjpass", "poss", "dobj"} or not any(
                    c.dep_ == "det" and c.lower_ == "the" for c in x.children):
                continue
            # "The victims were two teenagers": who they were
            said = [a for a in children(x.head, {"attr"}) if a.pos_ in {"NOUN", "PROPN"}] if (
                x.dep_ == "nsubj" and x.head.lemma_ == "be") else []
            return [make_arg(work, res, a) for a in said] or [make_arg(work, res, x)]
    return []


def _quoted_speakers(work: Work, res: Resources) -> dict[int, int]:
    """Token index of a first-person singular pronoun -> the entity of the person quoted
    saying it ("They tried to kill me," the mayor said)."""
    mine = res.lexicon.words("people.first_person_singular")
    by_id = {ent.id: k for k, ent in enumerate(work.entities)}
    out: dict[int, int] = {}
    for st in work.statements:
        who = st.attribution.speaker
        e = by_id.get(who.entity_id, -1) if who is not None and who.entity_id else -1
        if e < 0 or work.entities[e].type != "PERSON":
            continue
        content = st.attribution.content
        span = work.doc.char_span(content.start, content.end, alignment_mode="expand")
        for t in span if span is not None else ():
            if t.lower_ in mine and t.pos_ == "PRON":
                out[t.i] = e
    return out


def _unstated_agent(work: Work, res: Resources, ev: WorkEvent) -> list[Arg]:
    """Who acted when no mention says: for an arrest, the police the sentence names or
    quotes ("a man was arrested, police said", "..., according to police"); for an attack,
    attackers named as the subject in the same sentence ("the victim was shot after two
    suspects robbed him"); for a protest, the protesters so named with "the" ("after the
    march, the demonstrators dispersed").
    News leaves the agent out exactly where the sentence already says it."""
    lex = res.lexicon
    if ev.category == "COERCE" and "arrest" in ev.modes:
        nouns = lex.words("people.arresting_nouns")
        wanted = {"COP"}
    elif ev.category == "ASSAULT" and not ev.aggregate:
        nouns = lex.words("people.attacker_nouns")
        wanted = set()
    elif ev.category == "PROTEST" and not ev.aggregate:
        nouns = lex.words("people.protester_nouns")
        wanted = set()
    else:
        return []
    # "the demonstrators" points back at a protest's own people; bare "protesters" may be
    # any (the rule for protests asks for the definite article or a possessive)
    definite = ev.category == "PROTEST"
    # "a man was arrested, according to police": the force credited with an arrest made it
    credited = lex.words("statements.according_to") if wanted else frozenset()
    taken = {a.head.i for a in ev.recipients}
    # "gunmen attacked a convoy a day after the bombing": the subject of a verb that tells
    # another act is that act's doer, not this one's
    mine = set(ev.mentions)
    others = {m.trigger.i for j, m in enumerate(work.mentions) if m.event >= 0 and j not in mine}
    for k in ev.mentions:
        t = work.mentions[k].trigger
        for x in t.sent:
            if x.i in taken or x.i == t.i or x.head.i in others:
                continue
            if x.dep_ not in {"nsubj", "nsubjpass"} and not (
                    x.dep_ == "pobj" and f"{x.head.head.lower_} {x.head.lower_}" in credited):
                continue
            sector = None
            e = work.entity_at(x)
            if e >= 0:
                if work.entities[e].type == "PERSON":
                    continue  # "..., police spokesman Ann Roe said": she speaks, the force acts
                sector = work.entities[e].sector
            if definite and not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the")
                                    for c in x.children):
                continue
            if x.lemma_.lower() in nouns or x.lower_ in nouns or (sector in wanted):
                return [make_arg(work, res, x)]
    return []


__all__ = ["description_links", "run"]


STAGE = Stage(
    name="participants",
    run=run,
    summary="an unnamed participant (\"the suspect\", \"a man\") takes the person the "
    "article pins to that description (apposition, \"identified ... as\", copula); "
    "\"I\" and \"me\" in a quotation are the person quoted; a \"him\", \"she\" or \"them\" "
    "no name stands for gives way to the description said last before it (gender, number, "
    "not its clause's subject); "
    "pronouns that name nobody are dropped; an arrest, an attack or a protest with no agent "
    "stated takes the police, the attackers or the protesters its sentence names; an attack "
    "that names no victim takes whom its sentence says was found hurt, carried to hospital "
    "or wounded, or \"the victim\" of its sentence or the next; a toll told after an "
    "attack (\"among the dead were ...\", \"the victims were identified as ...\") adds "
    "whom it lists; an attack on a named person is "
    "`targeted`; the dateline's place is nobody's actor",
    reads=("doc", "entities", "events", "statements", "context.dateline_place"),
    refines=("events.actors", "events.recipients", "events.modes"),
    writes=("events.actors_borrowed",),
    needs=("lexicon", "gazetteer"),
)
