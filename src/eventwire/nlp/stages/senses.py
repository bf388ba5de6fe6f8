"""Senses: is each candidate mention an event in its real-world, physical sense?

Many event words have figurative and routine uses that name no incident: "attacked the
plan", "blasted the media", "beat the Tigers 3-1", "seized on the remarks", "a threat to
democracy", "the safety car was deployed", "a campaign rally", "no arrests have been made",
"seven people were killed when the tram derailed", "charged with murder". The events stage
finds candidates by their words; this stage keeps those whose sentence shows the sense
their trigger's class asks for (``Mention.sense``, from the trigger lexicon):

- every class: not inside a hyphenated modifier ("life-threatening"), not an idiom ("shoot
  oneself in the foot"), not a generic "you", not a figurative particle verb ("seize on"),
  not "no arrests" / "no one was hurt", not a request or reward ("information leading to
  the arrest"), not an intent ("with intent to assault"); a legal name ("charged with
  murder") names an act the article likely tells elsewhere and joins it first;
- ``physical``: a weapon, a casualty, armed people, a concrete target or a place, and no
  sign that words were the weapon (a speech, an interview, a criticism's "for");
  anaphoric nouns ("the attack") without such evidence only join an event told elsewhere;
- ``harm``: a killing or shooting of someone, not of a team or a bill; no accident;
- ``violent``: no accident ("injured when the bus overturned");
- ``threat``: the threatened act is force or coercion; a "threat" noun is someone's threat;
- ``forces``: forces are deployed; ``gathering``: a protest, not a campaign rally or a
  memorial march, and "demonstrated her skill" is no demonstration;
- ``custody``/``judicial``: a court's sentence or verdict is no incident, nor is a stay
  in hospital ("detained in hospital");
- ``inquiry``: an investigation of an act of force or a death ("police are investigating
  the shooting") is routine follow-up of that act, not an event of its own;
- ``hack``: an account or network (COERCE, cyber) or a blade (ASSAULT); ``assets``,
  ``drill``, ``aim``: their object says it;
- ``captive``: "hostage" names the act only as the predicate of a verb of holding ("took
  30 people hostage") or in a compound ("a hostage crisis"); elsewhere it names people
  ("beheaded two hostages").

Each rule is a fact of English usage, with its own test sentences in
``tests/nlp/test_senses.py``. A trained classifier with the same declaration can stand in
for this stage (``Settings.stages``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicon import Lexicon
from ...lexicon.triggers import Trigger, read_triggers
from ...vocab import INCIDENT_CATEGORIES
from ..resources import Resources
from ..spans import span_text, span_words
from ..stage import Stage
from ..work import Arg, Mention, Work
from .events import side_args

Verdict = Literal["keep", "drop", "joins"]

_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "PRM", "SPY", "CRM"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_THREATENED = frozenset({"ASSAULT", "COERCE", "SANCTION"})  # force or coercion threatened
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")


class SenseWords:
    """The word lists of the senses stage, read once per lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        w = lex.words
        self.weapons = frozenset(lex.mapping("events.weapon_modes")) | w("senses.weapon_words")
        self.occurrence = w("events.occurrence_verbs")
        sectors = lex.mapping("actors.sector_nouns")
        self.state_sectors = w("senses.state_sectors")
        self.state_nouns = frozenset(
            n for sector in self.state_sectors for n in sectors.get(sector, ())) | w(
            "senses.state_words")
        self.casualty = w("senses.casualty_words")
        self.armed = w("senses.armed_nouns")
        self.targets = w("senses.concrete_targets")
        self.ordinary = w("senses.ordinary_people")
        self.media = w("senses.speech_media")
        self.speech_participles = w("senses.speech_participles")
        self.abstract = w("senses.abstract_objects")
        self.instruments = w("senses.instrument_subjects")
        self.internal_security = w("senses.internal_security")
        self.diplomats = w("senses.diplomat_words")
        self.defusal = w("senses.defusal_verbs")
        self.lifting = w("senses.lifting_verbs")
        sectors = lex.mapping("actors.sector_nouns")
        self.politicians = frozenset(sectors["GOV"]) | frozenset(sectors["LEG"]) | w(
            "senses.political_roles")
        self.sports = w("senses.sports_words")
        self.particles = {k: frozenset(v) for k, v in
                          lex.mapping("senses.figurative_particles").items()}
        self.downed = w("senses.downed_things")
        idioms = tuple(tuple(i.split()) for i in lex.phrases("senses.idioms"))
        self.idioms_by_word: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for idiom in idioms:
            for k, part in enumerate(idiom):
                if part != "*":
                    self.idioms_by_word.setdefault(part, []).append((idiom, k))
        self.reflexives = w("senses.reflexives")
        self.generic_subjects = w("senses.generic_subjects")
        self.accidents = w("senses.accident_words")
        self.noun_only_accidents = w("senses.noun_only_accidents")
        self.vehicles = w("senses.vehicle_words")
        self.struck_verbs = w("senses.struck_verbs")
        self.ramming = w("senses.ramming_words")
        self.accident_adverbs = w("senses.accident_adverbs")
        self.legal = w("senses.legal_heads")
        self.purpose = w("senses.purpose_heads")
        self.nobody = w("senses.nobody")
        self.hostile = w("senses.hostile_words")
        self.threat_compounds = w("senses.threat_compounds")
        self.danger_compounds = w("senses.danger_compounds")
        self.self_harm = w("senses.self_harm_verbs")
        self.singular_possessives = w("senses.singular_possessives")
        self.custody_state = w("senses.custody_state_verbs")
        self.ground_words = w("senses.ground_words")
        self.contest_modifiers = w("senses.contest_modifiers")
        self.contest_nouns = w("senses.contest_nouns")
        self.sanction_breaches = w("senses.sanction_breaches")
        self.sanction_approved = w("senses.sanction_approved")
        self.support_preps = w("senses.support_preps")
        self.executed_things = w("senses.executed_things")
        self.threat_verbs = w("senses.threat_verbs")
        self.forces = w("senses.forces_words")
        self.campaign = w("senses.campaign_words")
        self.campaign_events = w("senses.campaign_event_words")
        self.protest_markers = w("senses.protest_markers") | w("people.protester_nouns")
        self.march_goals = w("senses.march_goals")
        self.growth_nouns = w("senses.growth_nouns")
        self.verbal_offences = w("senses.verbal_offences")
        self.published = w("senses.published_things")
        self.target_preps = w("senses.target_prepositions")
        self.memorial = w("senses.memorial_words")
        self.assets = w("senses.asset_words")
        self.military = w("senses.military_words")
        self.emergency = w("senses.emergency_words")
        self.routine_movers = w("senses.routine_movers")
        self.body_parts = w("senses.body_parts")
        self.remains = w("senses.remains_words")
        self.simulation_verbs = w("senses.simulation_verbs")
        self.simulation_mods = w("senses.simulation_modifiers")
        self.cyber = w("senses.cyber_objects")
        self.money = w("senses.money_words")
        self.sentence_units = w("senses.sentence_units")
        self.holding_verbs = w("events.holding_verbs")
        self.court_doers = w("senses.court_doers")
        self.remand_verbs = w("senses.remand_verbs")
        self.care_modifiers = w("senses.care_modifiers")
        self.armed_sectors = w("senses.nonstate_armed_sectors")
        self.held_ground = w("senses.held_ground")
        self.told_subjects = w("senses.told_subjects")
        self.told_modals = w("senses.told_modals")
        self.retaking = w("senses.retaking_verbs")
        self.telling_verbs = w("senses.telling_verbs")
        self.conditions = w("senses.threat_conditions")
        self.territory_words = w("senses.territory_words")
        self.claim_verbs = w("claims.claim_verbs")
        self.vows = w("senses.vow_verbs")
        self.warnings = w("senses.warning_verbs")
        self.capital_punishment = w("senses.capital_punishment")
        self.care_places = w("senses.care_places")
        self.disposal_agents = w("senses.disposal_agents")
        self.disposal_verbs = w("senses.disposal_verbs")
        self.person_nouns = w("people.person_nouns")
        self.camera = w("senses.camera_words")
        self.shot_things = w("senses.shot_things")
        self.illness = w("senses.illness_words")
        self.arson_verbs = w("events.arson_verbs")
        self.scene = w("senses.scene_words")
        triggers = read_triggers(lex)
        # the words of acts in the incident categories other than threats themselves
        # (by part of speech: the verb "station" names an act, the noun does not)
        self.incident_acts: Mapping[str, Trigger] = {
            lemma: trig for lemma, trig in triggers.items()
            if trig.category in INCIDENT_CATEGORIES and trig.category != "THREATEN"
        }
        self.locative_preps = w("senses.locative_prepositions")
        self.speech_preps = w("senses.speech_prepositions")


def sense_words(res: Resources) -> SenseWords:
    return res.memo("senses.words", lambda: SenseWords(res.lexicon))


def _low(t: Token) -> tuple[str, str]:
    return t.lower_, t.lemma_.lower()


def _has(tokens: Iterable[Token], words: frozenset[str]) -> bool:
    if isinstance(tokens, SpacySpan):  # a sentence: its words read once (``span_words``)
        return any(lo in words or le in words for _i, lo, le in span_words(tokens))
    return any(t.lower_ in words or t.lemma_.lower() in words for t in tokens)


def _nickname(t: Token) -> bool:
    """One word between quotation marks: a name someone goes by ("known as "Tank""),
    not a thing."""
    doc = t.doc
    return 0 < t.i < len(doc) - 1 and doc[t.i - 1].is_quote and doc[t.i + 1].is_quote


def _phrase_in(text: str, words: frozenset[str]) -> bool:
    """A multi-word entry ("gas leak", "tear gas") in a lower-cased text."""
    return any(" " in w and w in text for w in words)


# -- checks every mention gets ---------------------------------------------------------------


def _in_hyphen_modifier(t: Token) -> bool:
    """ "non-life-threatening injuries", "award-winning": a hyphenated present participle
    that modifies a noun describes, it reports no act."""
    doc = t.doc
    return (
        t.i > 0 and doc[t.i - 1].text in {"-", "‐"} and not doc[t.i - 1].whitespace_
        and t.tag_ == "VBG" and t.dep_ in {"amod", "compound", "nmod", "npadvmod"}
    )


def _idiom(t: Token, w: SenseWords) -> bool:
    """Fixed phrases that use a force word for something else ("jump the gun"), word for
    word around the trigger ("*" stands for a reflexive pronoun). Only the idioms that hold
    the trigger's word are tried, at the place that word has in them."""
    doc = t.doc

    def fits(tok: Token, part: str) -> bool:
        if part == "*":
            return tok.lower_ in w.reflexives
        return part in (tok.lower_, tok.lemma_.lower())

    for word in {t.lower_, t.lemma_.lower()}:
        for idiom, k in w.idioms_by_word.get(word, ()):
            start = t.i - k
            if start >= 0 and start + len(idiom) <= len(doc) and all(
                fits(doc[start + j], part) for j, part in enumerate(idiom)
            ):
                return True
    return False


def _subjects(t: Token) -> list[Token]:
    subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj and t.dep_ in {"conj", "xcomp", "advcl"} and t.head.pos_ in {"VERB", "AUX"}:
        subj = [c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subj


def _generic(t: Token, w: SenseWords) -> bool:
    """ "You go out after dark, you get robbed": a generic "you" names no one; nor does a
    gerund with no subject of its own, done to a bare plural and said as the subject of a
    judgement ("Killing civilians is a war crime", "Targeting hospitals would be a crime":
    a kind of act, not one done; "Shooting at the mall left three wounded" is one)."""
    if any(s.lower_ in w.generic_subjects and not any(s.children)
           for s in _subjects(t)):  # "one of the people" is someone
        return True
    if t.tag_ != "VBG" or t.dep_ not in {"csubj", "nsubj"} or any(
            c.dep_ in {"nsubj", "aux", "poss"} for c in t.children):
        return False
    head = t.head
    judged = head.lemma_ == "be" or any(c.dep_ == "aux" and c.tag_ == "MD"
                                         for c in head.children)
    return judged and any(
        c.dep_ == "dobj" and c.tag_ in {"NNS", "NN"} and not any(
            d.dep_ in {"det", "poss", "nummod"} for d in c.children)
        for c in t.children)


def _figurative_particle(t: Token, w: SenseWords) -> bool:
    lemma = t.lemma_.lower()
    if lemma in {"shoot", "fire"} and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back"
                                         for c in t.children) and not any(
            c.dep_ in {"dobj", "prep"} for c in t.children) and _quote_follows(t):
        return True  # 'Hillary shot back, "I suppose ..."': a retort
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children):
        # "shot down a drone" is force, "shot down the proposal" is not
        objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}] + _subjects(t)
        return not _has(objs, w.downed)
    parts = w.particles.get(lemma)
    if not parts:
        return False
    for c in t.children:
        if c.dep_ == "prep" and any(g.ent_type_ in {"DATE", "TIME"} for g in c.children):
            continue  # "seized a tanker on Monday": a time, not "seized on the remarks"
        if c.dep_ in {"prt", "prep"} and c.lower_ in parts:
            return True
        if c.dep_ in {"prt", "prep"}:  # two-word particles ("up on")
            nxt = t.doc[c.i + 1] if c.i + 1 < len(t.doc) else None
            if nxt is not None and f"{c.lower_} {nxt.lower_}" in parts:
                return True
    return False


def _quote_follows(t: Token) -> bool:
    """Does a quotation or a colon follow the verb within three tokens (a retort's words)?"""
    doc = t.doc
    return any(doc[i].is_quote or doc[i].text == ":"
               for i in range(t.i + 1, min(len(doc), t.i + 4)))


def _nothing_happened(m: Mention, w: SenseWords) -> bool:
    """ "No arrests have been made", "no one was hurt", "the driver was not injured"."""
    t = m.trigger
    if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
        return True
    subj = _subjects(t)
    if t.dep_ in {"pobj", "attr", "acomp"}:  # "no one is in custody"
        gov = t.head.head if t.dep_ == "pobj" else t.head
        subj += [c for c in gov.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(s.lower_ in w.nobody or any(c.lower_ == "no" and c.dep_ == "det"
                                       for c in s.children) for s in subj):
        return True
    negated = any(c.dep_ == "neg" for c in t.children)
    if negated and t.lemma_.lower() in w.casualty:
        return True
    if t.pos_ == "VERB" and t.dep_ in {"relcl", "acl"} and t.head.lower_ in w.nobody | {
            "nothing"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return True  # "there is nothing to protest", "no one to arrest": no such act
    # "did not result in a homicide": an act the negated verb says did not come about
    ruler = t.head.head if t.dep_ == "pobj" else t.head if t.dep_ == "dobj" else None
    return t.pos_ == "NOUN" and ruler is not None and any(
        c.dep_ == "neg" for c in ruler.children
    ) and not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children)


def _simulated(t: Token, w: SenseWords) -> bool:
    """An act only played out: the object of "simulate" or "rehearse", or "a mock attack"."""
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in w.simulation_mods for c in t.children):
        return True
    return t.dep_ == "dobj" and t.head.lemma_.lower() in w.simulation_verbs


def _legal_name(t: Token, w: SenseWords) -> bool:
    """ "charged with murder", "accused of kidnapping", "intent to assault", "guilty of
    assault": the law's name for an act, one step below the legal word ("complicity in the
    assassination of X" names the act itself)."""
    if any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in t.children):
        return False  # "charged in the shooting", "accused of his murder": the act itself
    head = t.head
    if t.dep_ in {"pobj", "pcomp"} and head.dep_ in {"prep", "agent"}:
        return head.head.lemma_.lower() in w.legal
    return t.dep_ in {"xcomp", "acl", "amod", "compound"} and head.lemma_.lower() in w.legal


def _intended(t: Token) -> bool:
    """ "with intent to assault", "the intention to kill": meant, not done."""
    head = t.head
    return t.dep_ in {"acl", "xcomp", "relcl"} and head.lemma_.lower() in {"intent", "intention"}


def _wanted(t: Token, w: SenseWords) -> bool:
    """ "information leading to the arrest of", "a reward for the arrest": sought, not done
    ("the attack led to a crackdown" is a crackdown that happened)."""
    if t.dep_ != "pobj":
        return False
    prep, gov = t.head, t.head.head
    return prep.lower_ in {"to", "for"} and gov.lemma_.lower() in w.purpose and (
        gov.pos_ != "VERB" or gov.tag_ in {"VBG", "VB", "VBZ", "VBP"}
    )


# -- evidence ----------------------------------------------------------------------------------


def _arg_tokens(args: Iterable[Arg]) -> list[Token]:
    return [a.head for a in args]


def _armed_arg(work: Work, a: Arg, w: SenseWords) -> bool:
    if a.sector in _ARMED_SECTORS:
        return True
    return a.head.lemma_.lower() in w.armed or a.head.lower_ in w.armed


def _public_figure(work: Work, a: Arg) -> bool:
    """A named person, group or state: who trades words in news as much as blows."""
    return a.entity >= 0 and work.entities[a.entity].type in {"PERSON", "ORG", "NORP", "GPE"}


def _retort(work: Work, m: Mention, w: SenseWords) -> bool:
    """ "Two ministers fired back at the senator over the tax plan": hitting back at a public
    figure over something is a retort."""
    t = m.trigger
    return any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in t.children) and any(
        c.dep_ == "prep" and c.lower_ == "over"
        for x in (t, *(a.head for a in m.recipients)) for c in x.children) and any(
        _public_figure(work, a) or a.head.lemma_.lower() in w.politicians
        for a in m.recipients)


def _abstract_patient(t: Token, w: SenseWords) -> bool:
    """Is what the verb is done to only ever abstract ("hijacked the debate", "killed the
    bill"), with no word of a casualty in its sentence?"""
    objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
    return bool(objs) and all(
        (o.lemma_.lower() in w.abstract or o.lower_ in w.abstract) and o.ent_type_ == ""
        for o in objs) and not _has(t.sent, w.casualty)


def _verbal(work: Work, m: Mention, w: SenseWords) -> bool:
    """Signs that words were the weapon: a speech medium, a speech participle, a
    criticism's reason ("for her vote"), an abstract object, a sports result."""
    t = m.trigger
    # "X claimed the attack in a statement": the statement is the claim's, whatever the
    # parse hangs it on (an act claimed is one done)
    claimed = t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() in w.claim_verbs
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in w.speech_preps and not claimed:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if _has(objs, w.media):
                return True
            low = " ".join(x.lower_ for x in c.subtree)
            if _phrase_in(low, w.media):
                return True
        if c.dep_ in {"advcl", "xcomp", "conj"} and c.tag_ == "VBG" and (
            c.lemma_.lower() in w.speech_participles
        ):
            return True
    actors_named = [a for a in m.actors if _public_figure(work, a)
                    or a.head.lemma_.lower() in w.politicians]
    if actors_named and any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
        return True  # "Trump attacked Clinton for her vote"
    if _retort(work, m, w):
        return True
    objects = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                for g in c.children if g.dep_ == "pobj"]
    if m.trigger.dep_ in {"nsubjpass"}:
        objects.append(m.trigger.head)
    if any(o.ent_type_ in {"LAW", "WORK_OF_ART"} for o in objects):
        return True
    # (a noun: "the attack was claimed by" is no attack on a claim)
    if any(o.lemma_.lower() in w.abstract or o.lower_ in w.abstract for o in objects
           if o.ent_type_ not in _PLACE_TYPES | {"PERSON", "NORP"} and o.pos_ != "VERB"):
        return True
    if t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lemma_.lower() in w.instruments
                                for c in t.children):
        return True  # "the sanctions target senior officers": a measure hits no one
    if _has(t.sent, w.sports) and m.recipients and all(
        a.entity >= 0 and work.entities[a.entity].type == "ORG" for a in m.recipients
    ):
        return True  # "rallied for three runs in the eighth to kill the Rovers": a team is beaten
    return _sports(t.sent, w)


def _sports(sent: Iterable[Token], w: SenseWords) -> bool:
    """A sports report: a score ("3-1") or two words of sport ("won the race")."""
    if isinstance(sent, SpacySpan):  # a sentence: its words read once (``span_words``)
        doc = sent.doc
        found = {le for i, lo, le in span_words(sent)
                 if (lo in w.sports or le in w.sports) and not _counting(doc[i])}
        return len(found) >= 2 or (bool(found) and bool(_SCORE.search(
            " ".join(x.text for x in sent))))
    toks = list(sent)
    text = " ".join(x.text for x in toks)
    hits = {x.lemma_.lower() for x in toks
            if (x.lower_ in w.sports or x.lemma_.lower() in w.sports) and not _counting(x)}
    return len(hits) >= 2 or (bool(hits) and bool(_SCORE.search(text)))


def _counting(x: Token) -> bool:
    """ "a series of attacks", "scores of people", "injuring scores more": a word of sport
    used to count."""
    nxt = x.nbor() if x.i + 1 < len(x.doc) else None
    return nxt is not None and nxt.lower_ in {"of", "more"}


def _physical(work: Work, m: Mention, w: SenseWords) -> bool:
    """A weapon, a casualty, armed people, a concrete target, ordinary people or a place
    where the act happened."""
    t = m.trigger
    sent = t.sent
    low = span_text(sent).lower()
    # (a verb is no evidence of itself, "the band bombed at the festival"; a weapon's noun
    # is: "the bombs went off")
    own = {t.lower_, t.lemma_.lower()} if t.pos_ == "VERB" else set()
    rows, ti = span_words(sent), t.i
    if any((i != ti or not own) and (lo in w.weapons or le in w.weapons)
           for i, lo, le in rows) or _phrase_in(low, w.weapons - own):
        return True
    if any(le in w.casualty for i, _lo, le in rows if i != ti):
        return True
    args = [*m.actors, *m.recipients]
    if any(_armed_arg(work, a, w) for a in args):
        return True
    if any(x.lemma_.lower() in w.armed and x.pos_ == "NOUN" for x in t.subtree if x.i != t.i):
        return True
    if any(c.dep_ in {"compound", "nmod"} and (c.lemma_.lower() in w.targets or
                                               c.lemma_.lower() in w.armed)
           for c in t.children):
        return True  # "home invasion", "police raid", "checkpoint attack"
    for a in m.recipients:
        lemma = a.head.lemma_.lower()
        if lemma in w.targets or a.head.lower_ in w.targets:
            return True
        if a.entity >= 0 and work.entities[a.entity].type in {"GPE", "LOC"}:
            return True
    if any(a.head.lemma_.lower() in w.ordinary or a.head.lower_ in w.ordinary for a in args):
        return True
    # "clashes broke out at a football match in Istanbul": the place a verb of occurrence
    # gives its subject is the act's, and a gathering's place is where it happened
    heads = [t, t.head] if t.dep_ == "nsubj" and t.head.lemma_.lower() in w.occurrence else [t]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in w.locative_preps:
                for g in c.children:
                    if g.dep_ == "pobj" and (
                        g.ent_type_ in _PLACE_TYPES or g.lemma_.lower() in w.targets
                        or (h is not t and any(
                            p.dep_ == "prep" and p.lower_ == "in" and any(
                                x.dep_ == "pobj" and x.ent_type_ in _PLACE_TYPES
                                for x in p.children) for p in g.children))
                    ):
                        return True
    return False


def _named_by_date(t: Token) -> bool:
    """ "the 2001 attacks", "the September 11 attacks": an act noun named by its calendar
    date (a year, or a month and day) is one act, known by that date; the words that attack
    a record or a plan are not named so. A weekday ("Monday's attack") is no such name."""
    return t.pos_ == "NOUN" and any(
        c.dep_ in {"compound", "nummod", "amod", "nmod", "poss"} and c.i < t.i
        and c.ent_type_ in {"DATE", "EVENT"} and any(x.like_num for x in c.subtree)
        for c in t.children)


def _shooting_fire(x: Token) -> bool:
    """ "opened fire", "fires a shot": fire that is shooting, not a blaze."""
    return x.lemma_.lower() == "fire" and (x.pos_ == "VERB" or x.head.lemma_.lower() == "open")


def _set_by_someone(t: Token, w: SenseWords) -> bool:
    """A fire someone set: "fire" the object of "set" ("set fire to"), or of "on" under it
    ("set the car on fire"), with a person, people or a group as the verb's subject (a
    faulty heater that set fire to a house is an accident)."""
    if t.lemma_.lower() != "fire":
        return False
    verb = t.head if t.dep_ == "dobj" else (
        t.head.head if t.dep_ == "pobj" and t.head.lower_ == "on" else None)
    if verb is not None and verb.dep_ == "dobj" and verb.lemma_.lower() not in w.arson_verbs:
        verb = verb.head  # "set a church on fire" with "on fire" hung on the object
    if verb is None or verb.lemma_.lower() not in w.arson_verbs:
        return False
    return any(x.ent_type_ == "ORG" or _a_person(x, w)
               for x in verb.children if x.dep_ == "nsubj")


def _a_person(x: Token, w: SenseWords) -> bool:
    """A word for a person or people: a name, a pronoun, a person's noun ("the slain
    journalist", "settlers", "wounded soldiers")."""
    lemma = x.lemma_.lower()
    return x.ent_type_ in {"PERSON", "NORP"} or x.pos_ in {"PROPN", "PRON"} or (
        lemma in w.person_nouns or lemma in w.ordinary or lemma in w.armed
        or x.lower_ in w.ordinary)


def _accident(m: Mention, w: SenseWords, told: dict[int, bool | None] | None = None) -> bool:
    """A death or injury told with an accident and no weapon or attacker: a crash, a
    derailment, a fire, a flood. ``told``: what each sentence (by its first token) says,
    kept by the caller for one article (``_sentence_accident``)."""
    t = m.trigger
    if any(c.lower_ in w.accident_adverbs for c in t.subtree):
        return True  # "accidentally shot", "killed in two accidental explosions"
    if _set_by_someone(t, w):
        return False  # "settlers set fire to a mosque": arson, a fire someone set
    sent = t.sent
    if told is not None and sent.start in told:
        said = told[sent.start]
    else:
        said = _sentence_accident(sent, w)
        if told is not None:
            told[sent.start] = said
    if said is not None:
        return said
    return not any(c.dep_ == "agent" for c in t.children)


def _sentence_accident(sent: SpacySpan, w: SenseWords) -> bool | None:
    """What the sentence alone says of an accident: True (someone hit by a vehicle),
    False (no accident, or a weapon or armed people), None (an accident: the act's own
    words decide)."""
    if _hit_by_vehicle(sent, w):
        return True  # "was injured when she was hit by a car"
    low = span_text(sent).lower()
    # (a word of accident first: the other two tests only for the few words that are one)
    if not (any((lo in w.accidents or le in w.accidents)
                and not _shooting_fire(sent.doc[i]) and not _verb_of_force(sent.doc[i], w)
                for i, lo, le in span_words(sent)) or _phrase_in(low, w.accidents)):
        return False
    if _has(sent, w.weapons) or _phrase_in(low, w.weapons):
        return False
    if any(x.lemma_.lower() in w.armed and x.pos_ == "NOUN" for x in sent):
        return False
    return None


def _verb_of_force(x: Token, w: SenseWords) -> bool:
    """ "stormed the embassy", "flooded the square": a weather word used as a verb."""
    return x.pos_ == "VERB" and x.lemma_.lower() in w.noun_only_accidents


def _hit_by_vehicle(sent: SpacySpan, w: SenseWords) -> bool:
    """Someone struck by a vehicle ("hit by a car", "knocked down by a bus") in a sentence
    with no word of ramming: a road accident, not an attack."""
    struck = any(
        x.pos_ == "VERB" and x.lemma_.lower() in w.struck_verbs
        and any(c.dep_ == "agent" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in w.vehicles for g in c.children)
            for c in x.children)
        for x in sent)
    # (the rare vehicle strike first: most sentences need no look for ramming words)
    return struck and not any(
        x.lower_ in w.ramming or x.lemma_.lower() in w.ramming for x in sent)


_LEAD_SENTENCES = 3


def _accident_report(work: Work, w: SenseWords) -> bool:
    """A report of an accident: its headline or lead tells a crash, a derailment, a fire,
    and nothing in the whole article is a weapon or an armed person. Its dead and injured
    ("more than 50 injured") are casualties of the accident."""
    starts, n = work.sent_starts, _LEAD_SENTENCES + work.title_sents
    lead = list(work.doc[: starts[n] if n < len(starts) else len(work.doc)])
    lead_text = " ".join(t.lower_ for t in lead)
    # (a word of accident first: the other two tests only for the few words that are one)
    if not (any((t.lower_ in w.accidents or t.lemma_.lower() in w.accidents)
                and not _shooting_fire(t) and not _verb_of_force(t, w) for t in lead)
            or _phrase_in(lead_text, w.accidents)):
        return False
    # the lead tells an act of force ("murder", "shot", "stabbed"): no accident report
    if any(m.trigger.i < lead[-1].i and m.sense in {"violent", "harm"}
           and m.trigger.lemma_.lower() not in w.casualty for m in work.mentions):
        return False
    doc = work.doc
    if _has((t for t in doc if not _nickname(t)), w.weapons) or _phrase_in(
            doc.text.lower(), w.weapons):
        return False
    return not any(t.pos_ == "NOUN" and t.lemma_.lower() in w.armed - {"police", "officer"}
                   and not _nickname(t) for t in doc)


def _human(work: Work, a: Arg, w: SenseWords) -> bool:
    if a.entity >= 0:
        return work.entities[a.entity].type in {"PERSON", "NORP"}
    h = a.head
    return (
        h.pos_ in {"PRON", "NUM"} or h.lemma_.lower() in w.person_nouns
        or h.lemma_.lower() in w.ordinary or h.lemma_.lower() in w.armed
        or h.lower_ in w.ordinary or a.plural or a.quantified
    )


def _person(work: Work, a: Arg, w: SenseWords) -> bool:
    """Someone, named or described as a person ("the senator", "two fans", "her"); unlike
    ``_human``, a plural alone ("the barricades") is not enough."""
    if a.entity >= 0:
        return work.entities[a.entity].type in {"PERSON", "NORP"}
    lemma = a.head.lemma_.lower()
    return (a.head.pos_ == "PRON" and a.head.lower_ not in {"it", "its"}) or a.sector is not None \
        or lemma in w.person_nouns or lemma in w.ordinary or lemma in w.armed


# -- per sense class ----------------------------------------------------------------------------


def _threat(m: Mention, w: SenseWords, protests: frozenset[int] = frozenset()) -> bool:
    t = m.trigger
    if t.lemma_.lower() == "ultimatum":
        return True
    if t.pos_ == "NOUN" and t.lemma_.lower() in w.vows | w.warnings:
        # a vow or a warning is a threat only by what it vows or warns of ("the agency's
        # vow that returns stay private" is a promise; "the militia's vow to kill" one)
        return _hostile_complement(t, w, protests)
    if t.pos_ == "NOUN":
        made = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {
            "by", "from", "against"}) for c in t.children) or (
            t.head.lemma_.lower() in w.threat_verbs and t.dep_ in {"dobj", "nsubjpass"})
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in w.threat_compounds
               and not (the and not made and c.lemma_.lower() in w.danger_compounds)
               for c in t.children):
            return True  # "a bomb threat", "death threats" (not "the terror threat")
        if any(c.dep_ == "prep" and c.lower_ == "to" and any(
                g.dep_ == "pobj" for g in c.children) for c in t.children):
            return False  # "a threat to democracy", "Putin's threat to Europe": a danger
        if any(c.dep_ == "poss" for c in t.children) or any(
            c.dep_ == "prep" and c.lower_ in {"by", "from", "against"} for c in t.children
        ):
            return True  # "Trump's threats", "threats against judges": someone threatened
        if t.head.lemma_.lower() in w.threat_verbs and t.dep_ in {"dobj", "nsubjpass"}:
            return True  # "issued a threat", "a threat was phoned in"
        return _hostile_complement(t, w, protests) and any(
            c.dep_ in {"acl", "relcl"} for c in t.children)  # "threats to kill"
    if t.lemma_.lower() == "threaten" and any(c.dep_ == "dobj" for c in t.children) and any(
            c.dep_ == "nsubj" and _has([c], w.armed) for c in t.children):
        return True  # "militants threatened journalists": armed men intimidating someone
    return _hostile_complement(t, w, protests)


def _hostile_complement(t: Token, w: SenseWords, protests: frozenset[int] = frozenset()) -> bool:
    """What is threatened, vowed or warned of is force or coercion: a hostile word, or the
    word of an act in the incident categories ("threatened to impose a curfew", "to break
    off relations")."""
    threaten = t.lemma_.lower() == "threaten"
    # "threatened on Monday to attack ...": the parse may hang the act off as a clause of
    # its own; for "warn" and "vow" only their complement says what is meant ("warned
    # police, alerting them ..." threatens no one)
    deps = {"xcomp", "ccomp", "acl", "dobj", "advcl"} if threaten else (
        {"xcomp", "ccomp", "acl", "dobj"} if t.lemma_.lower() in w.vows  # "vowed revenge"
        else {"xcomp", "ccomp", "acl"})
    # (to warn "against" something is to advise against it: "warned against the forces of
    # hate" threatens nothing; one threatens or vows revenge "against" a side)
    against = set() if t.lemma_.lower() in w.warnings else {"against"}
    comps = [c for c in t.children if c.dep_ in deps
             or (c.dep_ == "prep" and c.lower_ in {"of", "with"} | against)] + [
        # "warned the government of a harsh response": the parse hangs "of" on whom
        c for o in t.children if o.dep_ == "dobj" for c in o.children
        if (c.dep_ == "prep" and c.lower_ == "of") or _told_clause(c, w)]
    if t.lemma_.lower() in w.warnings:
        # (a clause whose subject is another side's is a warning of danger, no threat)
        warner = {c.lemma_.lower() for c in t.children if c.dep_ == "nsubj"}
        # (the forces of a state whose minister warns are its own: "the minister warned
        # that riot police would break up any march")
        comps = [c for c in comps if c.dep_ not in {"ccomp", "xcomp"} or not any(
            s.dep_ in {"nsubj", "nsubjpass"} and s.pos_ in {"NOUN", "PROPN"}
            and s.lemma_.lower() not in warner and s.lemma_.lower() not in w.forces
            for s in c.children)]
    if t.lemma_.lower() in w.warnings and not _has(
            [c for c in t.children if c.dep_ == "nsubj"], w.armed):
        # "officials warned residents they could be killed if they stayed": a harm told in
        # the passive with no doer is a danger, unless the warner is armed ("the militants
        # warned villagers they would be punished") or what is told is coercion ("... they
        # would be arrested")
        comps = [c for c in comps if c.dep_ not in {"relcl", "ccomp"} or not any(
            g.dep_ == "nsubjpass" for g in c.children) or any(
            g.dep_ == "agent" for g in c.children) or any(
            (act := w.incident_acts.get(x.lemma_.lower())) is not None
            and act.category == "COERCE" for x in c.subtree)]
    # a relative clause inside it describes a thing named there, not what is threatened
    # ("warned to avoid the station, where police have set up a checkpoint")
    described = {x.i for c in comps for d in c.subtree if d.dep_ == "relcl" and d.i != c.i
                 for x in d.subtree}
    # a strike or any protest threatened is no force ("threatened a nationwide strike")
    words = [x for c in comps for x in c.subtree if x.i not in described
             and x.i not in protests]
    return _has(words, w.hostile) or _phrase_in(
        " ".join(x.lower_ for x in words), w.hostile) or any(
        (act := w.incident_acts.get(x.lemma_.lower())) is not None and act.counts_as(x.pos_)
        and not _protest_word(x, w) for x in words if x.i != t.i)


def _told_clause(c: Token, w: SenseWords) -> bool:
    """ "warned residents they would be killed": what a warning or threat tells its hearer,
    a clause with its own pronoun subject and a modal, which the parser hangs off the hearer
    as a relative clause (a relative clause on "residents" would have a gap, not "they")."""
    return c.dep_ == "relcl" and c.head.dep_ == "dobj" and any(
        g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ in w.told_subjects for g in c.children
    ) and any(g.dep_ == "aux" and g.lower_ in w.told_modals for g in c.children)


def _protest_word(x: Token, w: SenseWords) -> bool:
    """A protest, or a verb whose object is one ("hold the rally", "stage a strike"): what
    is vowed or threatened there is neither force nor coercion."""
    return any((act := w.incident_acts.get(y.lemma_.lower())) is not None
               and act.category == "PROTEST"
               for y in [x, *(c for c in x.children if c.dep_ == "dobj")])


def _doers(t: Token) -> list[Token]:
    """Who or what did the verb's act: its subject, or its passive's agent."""
    out = [c for c in t.children if c.dep_ == "nsubj"]
    return out + [g for c in t.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"]


def _illness(x: Token, w: SenseWords) -> bool:
    """Is this word an illness ("cancer"), or with its compounds one ("a heart attack")?"""
    if x.lemma_.lower() in w.illness or x.lower_ in w.illness:
        return True
    compounds = [c.lower_ for c in x.children if c.dep_ == "compound" and c.i < x.i]
    return bool(compounds) and " ".join([*compounds, x.lower_]) in w.illness


def _theme(m: Mention) -> list[Token]:
    t = m.trigger
    out = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
    out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]
    out += [c for c in t.children if c.dep_ in {"compound", "amod", "poss"}]
    if t.dep_ == "acl":  # "troops deployed to the border"
        out.append(t.head)
    if t.pos_ == "VERB" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in t.children):
        out += [c for c in t.children if c.dep_ == "nsubj"]  # "fighter jets scrambled"
    return out


def _forces(m: Mention, w: SenseWords) -> bool:
    """Forces are deployed; sending police, firefighters and paramedics to a scene is
    emergency work, not mobilisation (so "send", "dispatch" and "move in" want military
    forces)."""
    theme = [x for th in _theme(m) for x in th.subtree]
    if m.trigger.lemma_.lower() in w.routine_movers:
        return _has(theme, w.forces - w.emergency)
    if _has(theme, w.forces) and not _has(theme, w.forces - w.emergency) and any(
            x.lower_ in w.scene for x in m.trigger.sent
            if x.dep_ == "pobj" and x.head.lower_ in {"on", "at"}):
        return False  # "a heavy police presence on the scene": emergency response
    if m.trigger.lemma_.lower() == "patrol":
        if m.trigger.pos_ == "NOUN" and m.trigger.dep_ == "nsubj":
            return False  # "a police patrol found the body": the patrol is who did it
        if m.trigger.dep_ == "pobj" and m.trigger.head.lower_ in w.target_preps and (
                m.trigger.head.lower_ != "on"):
            return False  # "a car crashed into a foot patrol": what was hit ("on patrol" is not)
        if any(x.ent_type_ in {"ORG", "NORP"} for x in theme):
            return True  # "UDA patrols": an armed group on patrol
        # who patrols is the subject or the "by" phrase, what is patrolled the object
        # ("soldiers patrolled the streets", "patrols by the militia"); a police patrol
        # is the police's daily work, as sending them to a scene is
        t = m.trigger
        # (a passive's "by" is left out: "the most heavily patrolled areas" compares
        # places, it tells no deployment)
        doers = [x for c in t.children if c.dep_ == "nsubj" for x in c.subtree] + [
            x for c in t.children if t.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj" for x in g.subtree]
        if _has(doers, w.forces - w.emergency):
            return True
    return _has(theme, w.forces)


def _gathering(work: Work, m: Mention, w: SenseWords) -> bool:
    t = m.trigger
    lemma = t.lemma_.lower()
    sent = t.sent
    if t.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ in w.speech_preps
            and _has([g for g in c.children if g.dep_ == "pobj"], w.media)
            for c in t.children):
        return False  # "protested the decision in a letter": words, not a gathering
    if lemma == "demonstrate" and any(c.dep_ in {"dobj", "ccomp"} for c in t.children):
        return False  # "demonstrated her skill", "demonstrated that ...": showed
    if lemma == "protest" and t.pos_ == "NOUN" and any(
            c.dep_ == "poss" and (c.lower_ in w.singular_possessives or c.ent_type_ == "PERSON")
            for c in t.children) and not any(
            c.dep_ == "prep" and c.lower_ in w.locative_preps for c in t.children):
        return False  # "over his repeated protests": one person's objections
    if lemma == "rally" and t.pos_ == "VERB" and (any(c.dep_ == "dobj" for c in t.children) or any(
            c.dep_ == "prep" and c.lower_ in w.support_preps and any(
                g.dep_ == "pobj" and (g.pos_ == "PRON" or g.ent_type_ == "PERSON")
                for g in c.children) for c in t.children)):
        # "rallied party members around her running mate", "donors rally behind her":
        # support gathered, no protest
        return False
    if lemma in {"march", "rally"} and _has(sent, w.memorial):
        return False  # in memory, in tribute: a memorial march
    if lemma == "march" and _march_onward(work, t, w):
        return False  # "her march to the nomination", "would march behind the governor"
    if lemma == "rally":
        mods = [c for c in t.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
        if _has(mods, w.campaign):
            return False  # "a campaign rally"
        if any(c.ent_type_ == "PERSON" for c in mods):
            return False  # "Trump rallies", "Clinton's rally": a candidate's event
        if any(c.dep_ == "prep" and c.lower_ == "for"
               and any(g.ent_type_ == "PERSON" for g in c.subtree) for c in t.children):
            return False  # "a rally for Mrs. Clinton"
        if t.dep_ == "dobj" and not any(
                c.dep_ == "prep" and c.lower_ in {"against", "over", "for"} for c in t.children
        ) and any(s.dep_ == "nsubj" and work.entity_at(s) >= 0
                  and work.entities[work.entity_at(s)].type == "PERSON" for s in t.head.children):
            return False  # "Senator Lopez will hold a rally in a school gym": her event
        gov = t.head.head if t.dep_ == "pobj" else None
        if gov is not None and any(
            s.dep_ in {"nsubj", "nsubjpass"} and (
                (work.entity_at(s) >= 0
                 and work.entities[work.entity_at(s)].type == "PERSON")
                or s.lemma_.lower() in w.politicians)
            for s in gov.children
        ):
            # "Trump said at a rally", "she spoke at a rally", "the president took aim at
            # the media during the rally": a speaker's event
            return False
        if any(work.entity_at(c) >= 0 and work.entities[work.entity_at(c)].type == "PERSON"
               for c in mods):
            return False
        if t.pos_ == "NOUN" and _candidates_rally(work, t, w):
            return False  # "the nominee kept speaking at a rally in Omaha"
        if _sports(sent, w):
            return False  # "the Cubs' rally in the ninth"
        if t.pos_ == "VERB" and not any(_human(work, a, w) for a in m.actors):
            return False  # "stocks rallied"
    return True


def _growth(t: Token, w: SenseWords) -> bool:
    """ "The explosion of app-based services": a blast noun "of" things in the plural that
    are no weapon, vehicle or target is sudden growth ("the explosion of two car bombs"
    stays a blast)."""
    grown = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    return bool(grown) and all(
        g.tag_ in {"NNS", "NNPS"} and not _has([g], w.weapons | w.vehicles | w.targets)
        and not _has([c for c in g.children if c.dep_ == "compound"], w.weapons | w.vehicles)
        for g in grown)


def _speaker_subject(work: Work, s: Token, w: SenseWords) -> bool:
    """A person named, or a politician's noun, as a clause's subject."""
    return s.dep_ in {"nsubj", "nsubjpass"} and (
        (work.entity_at(s) >= 0 and work.entities[work.entity_at(s)].type == "PERSON")
        or s.lemma_.lower() in w.politicians)


def _candidates_rally(work: Work, t: Token, w: SenseWords) -> bool:
    """A rally noun that is a candidate's event: its sentence, or the one before it in its
    paragraph, speaks of a campaign ("the nominee kept speaking at a rally", "debate after
    debate, and rally after rally", "the campaign postponed a rally"), or a person or
    politician acts at it in the clause it sets, through a verb complement or a "when"
    clause ("kept speaking at a rally", "boiled over at a rally when Mr. Jones attacked his
    rival"). Not when the sentence tells a protest: protesters, or a cause opposed or
    demanded ("an anti-war rally")."""
    sent = t.sent
    if _has(sent, w.protest_markers) or any(
            x.lower_ == "anti" or x.lower_.startswith("anti-") for x in sent):
        return False
    before = t.doc[sent.start - 1].sent if sent.start > 0 else None
    if _has(sent, w.campaign_events) or (
            before is not None and "\n\n" not in t.doc.text[before.start_char:sent.start_char]
            and _has(before, w.campaign_events)):
        return True  # (the sentence before, in the same paragraph, sets the scene)
    if t.dep_ != "pobj":
        return False
    gov = t.head.head
    clauses = [gov, *([gov.head] if gov.dep_ == "xcomp" else [])]
    clauses += [c for h in clauses for c in h.children if c.dep_ == "advcl" and any(
        g.dep_ in {"advmod", "mark"} and g.lower_ == "when" for g in c.children)]
    return any(_speaker_subject(work, s, w) for c in clauses for s in c.children)


def _march_onward(work: Work, t: Token, w: SenseWords) -> bool:
    """A march that is progress or support, not a walk: one "to" or "toward" a state or an
    office ("her march to the nomination", "the continent's long march toward union"; the
    parser may hang the phrase on the verb the noun is the object of), or one "behind" a
    person ("would march behind the governor": support)."""
    preps = [c for c in t.children if c.dep_ == "prep"]
    if t.pos_ == "NOUN" and t.dep_ in {"dobj", "npadvmod", "pobj"}:
        preps += [c for c in t.head.children if c.dep_ == "prep" and c.i > t.i]
    for p in preps:
        objs = [g for g in p.children if g.dep_ == "pobj"]
        if p.lower_ in {"to", "toward", "towards"} and _has(objs, w.march_goals):
            return True
        if p.lower_ == "behind" and t.pos_ == "VERB" and any(
                g.pos_ == "PRON" or g.lemma_.lower() in w.politicians
                or (work.entity_at(g) >= 0
                    and work.entities[work.entity_at(g)].type == "PERSON") for g in objs):
            return True
    return False


# -- the verdict ----------------------------------------------------------------------------------


class _Judge:
    def __init__(self, work: Work, w: SenseWords) -> None:
        self.work = work
        self.w = w
        self.accident_report = _accident_report(work, w)
        # what each sentence says of an accident (``_accident``), read once per article
        self.sentence_accidents: dict[int, bool | None] = {}

    def human(self, a: Arg) -> bool:
        return _human(self.work, a, self.w)

    def verdict(self, m: Mention) -> Verdict:
        work, w, t = self.work, self.w, m.trigger
        if _in_hyphen_modifier(t) or _idiom(t, w) or _generic(t, w):
            return "drop"
        if t.pos_ == "VERB" and _figurative_particle(t, w):
            return "drop"
        if _nothing_happened(m, w) or _wanted(t, w):
            return "drop"
        if _intended(t):
            return "drop"  # "possession of a weapon with intent to assault"
        if _simulated(t, w):
            return "drop"  # "jets simulated an attack on the island": an exercise
        if m.aggregate and not m.actors and any(
            c.dep_ == "nsubjpass" and c.like_num for c in t.children
        ):
            return "drop"  # "by the end of the year 496 had been killed": a statistic
        if _legal_name(t, w):
            # "charged with murder": the act the charge names, which the article most
            # likely tells elsewhere: it joins that one first
            m.legal = True
        sense = m.sense
        if sense in {"harm", "violent", "physical"} and m.category == "ASSAULT" and (
            _accident(m, w, self.sentence_accidents)
            or (self.accident_report and t.lemma_.lower() in w.casualty)
        ):
            return "drop"
        if sense == "judicial":
            return "drop"
        if t.pos_ == "VERB" and _retort(work, m, w):
            return "drop"
        if t.pos_ == "NOUN" and t.lemma_.lower() in w.contest_nouns and any(
                c.dep_ in {"compound", "amod", "nmod"} and (
                    c.lemma_.lower() in w.contest_modifiers or c.lower_ in w.contest_modifiers)
                for c in t.children):
            return "drop"  # "her nomination battle", "a legal fight": a contest, no force
        if m.category == "SANCTION" and t.pos_ == "NOUN" and t.dep_ == "dobj" and (
                t.head.lemma_.lower() in w.sanction_breaches):
            return "drop"  # "charged with violating sanctions": those in force
        if m.category == "SANCTION" and t.pos_ == "VERB" and t.lemma_.lower() == "sanction" and (
                # (the parser may hang the participle on an earlier noun: the one right
                # before it is what it describes)
                (t.dep_ in {"acl", "amod"} and (t.head.lemma_.lower() in w.sanction_approved
                                                 or t.doc[t.i - 1].lemma_.lower()
                                                 in w.sanction_approved))
                or any(c.dep_ == "dobj" and c.lemma_.lower() in w.sanction_approved
                       for c in t.children)
                or (t.i > 0 and t.doc[t.i - 1].text == "-")):
            # "hackers sanctioned by the government", "sanctioned the use of force",
            # "state-sanctioned violence": an act or its doers sanctioned are approved
            return "drop"
        if t.pos_ == "VERB" and t.lemma_.lower() in w.self_harm and (
                objs := [c for c in t.children if c.dep_ == "dobj"]) and all(
                c.lower_ in w.reflexives for c in objs):
            # "her father killed himself": a suicide, no attack of its own; told with an
            # attack ("the gunman killed himself after shooting five"), part of that one
            return "joins"
        if m.category == "SANCTION" and t.pos_ == "NOUN" and t.dep_ in {"dobj", "nsubjpass"} and (
                t.head.lemma_.lower() in w.lifting):
            return "drop"  # "the UN lifted sanctions on the country": none imposed
        if m.category == "COERCE" and "seize" in m.modes and any(
                c.dep_ == "dobj" and c.lemma_.lower() in w.territory_words
                for c in t.children) and not any(_armed_arg(work, a, w) for a in m.actors):
            return "drop"  # "the senator was seizing back control of her party"
        if m.category == "COERCE" and "seize" in m.modes and any(
                a.sector in w.armed_sectors for a in m.actors):
            if any(c.dep_ == "dobj" and c.lemma_.lower() in w.territory_words
                   for c in t.children):
                # "militants seized control of the border crossing": territory changing
                # hands, an incident only when force is told (a casualty, a weapon)
                if not (_has(t.sent, w.casualty) or _has(t.sent, w.weapons)):
                    return "drop"
                m.category, m.modes = "ASSAULT", set()
            else:
                # "pirates seized a cargo ship", "gunmen seized a bus": taken by armed men,
                # a hijacking (coercion is the authorities' seizure)
                m.category, m.modes = "ASSAULT", {"abduct"}
        elif m.category == "COERCE" and "seize" in m.modes and any(
                _armed_arg(work, a, w) and a.sector != "COP"
                and a.head.lemma_.lower() not in w.emergency for a in m.actors) and (
                any(self._held_ground(a) for a in m.recipients if a.head.head.i == t.i)):
            # "troops seized the town", "the army seized the airport from the rebels": ground
            # an army takes is taken in battle; what the police or customs seize ("seized 40
            # kilograms of cocaine") and what any force seizes that is property ("seized a
            # tanker", "seized weapons from the rebels") stays a seizure
            m.category, m.modes = "ASSAULT", set()
        if m.category == "ASSAULT" and self._disposal(m):
            return "drop"
        if sense == "inquiry":
            return "drop" if self._follow_up(m) else "keep"
        if sense == "custody":
            if self._sentenced(t) or self._in_care(t) or (
                    t.dep_ == "pobj" and t.head.head.lemma_.lower() in w.custody_state):
                return "drop"  # (or "will remain in custody": held still, not taken)
            # "supporters of the jailed leader": a participle before its noun tells a
            # state, the jailing told elsewhere if at all
            return "joins" if t.dep_ == "amod" and t.tag_ == "VBN" else "keep"
        if sense in {"harm", "violent"} and t.dep_ == "amod" and t.tag_ in {"VBN", "JJ"} and (
                not self._someone(t.head)):
            # "a tortured fanbase", "a wounded economy": a quality, no act (not "a shooting
            # death", whose gerund names the act)
            return "drop"
        if sense == "violent" and t.pos_ == "VERB" and (
                (_sports(t.sent, w) and not _has(t.sent, w.casualty) and not any(
                    x.lemma_.lower() in w.armed for x in t.sent))
                or any(c.dep_ == "nsubj" and (c.lemma_.lower() in w.abstract
                                              or c.lower_ in w.abstract)
                       for c in t.children)
                or _abstract_patient(t, w)):
            # "the striker fired a shot over the crossbar", "the film explodes onto
            # screens": a game's shot, a work's success; "hijacked the debate": no one
            # takes a debate by force
            return "drop"
        if t.pos_ == "NOUN" and sense in {"physical", "violent"} and _has(
                [c for c in t.children if c.dep_ == "conj"]
                + ([t.head] if t.dep_ == "conj" else []), w.verbal_offences):
            return "drop"  # "his attacks and puerile insults toward her": words
        if t.pos_ == "NOUN" and t.lemma_.lower() in w.growth_nouns and _growth(t, w):
            return "drop"  # "the explosion of app-based services": a boom
        if sense == "harm":
            return self._harm(m)
        if sense == "freeing":  # "released the names of the victims": made public
            return "drop" if any(
                c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in w.published
                for c in t.children) else "keep"
        if sense == "raid":  # "police raided the offices": a search in force; "a police
            # raid left two dead" used force on people, an attack
            if any(a.sector in {"COP", "SPY"} or a.head.lemma_.lower() in w.emergency
                   or " ".join(x.lower_ for x in a.tokens[-2:]) in w.internal_security
                   for a in m.actors) and not _has(t.sent, w.casualty):
                m.category, m.modes = "COERCE", {"arrest"}  # searched to take people in
                return "keep"
            return self._physical(m)
        if sense == "expulsion":
            return self._expulsion(m)
        if sense == "ejection":  # "police removed the senator from the hall"
            return "keep" if any(_person(self.work, a, w) for a in m.recipients) and any(
                a.sector == "COP" or a.head.lemma_.lower() in w.emergency for a in m.actors
            ) else "drop"
        if sense == "people":  # "rounded up dozens of men", not "rounded up a sampling"
            return "keep" if any(_human(self.work, a, w) for a in m.recipients) else "drop"
        if sense == "physical":
            return self._physical(m)
        if sense == "threat":
            protests = frozenset(x.trigger.i for x in work.mentions if x.category == "PROTEST")
            return "keep" if _threat(m, w, protests) else "drop"
        if sense == "forces":
            if t.pos_ == "NOUN" and self._target(t):
                return "drop"  # "ambushed a police patrol": the unit attacked
            return "keep" if _forces(m, w) else "drop"
        if sense == "gathering":
            return "keep" if _gathering(work, m, w) else "drop"
        if sense == "hack":
            return self._hack(m)
        if sense == "capture":
            return self._capture(m)
        if sense == "captive":
            return "keep" if t.dep_ == "compound" or (
                t.dep_ in {"oprd", "dobj"} and t.head.lemma_.lower() in w.holding_verbs
            ) else "drop"
        if sense == "assets":
            return "keep" if _has([x for th in _theme(m) for x in th.subtree], w.assets) \
                else "drop"
        if sense == "state":
            return "keep" if self._state(m) else "drop"
        if sense == "drill":
            mods = [x for c in t.children if c.dep_ in {"compound", "amod", "nmod"}
                    for x in c.subtree]
            # ("live-fire": the tokenizer splits a hyphenated word in three)
            hyphened = {f"{a.lower_}-{c.lower_}"
                        for a, b, c in zip(mods, mods[1:], mods[2:], strict=False)
                        if b.text == "-" and c.i == b.i + 1 == a.i + 2}
            # ... or its doers are armed forces ("the navy began a three-day exercise",
            # "drills by Russian troops"; "students held a fire drill" is none)
            doers = ([c for c in t.head.children if c.dep_ == "nsubj"]
                     if t.dep_ == "dobj" else []) + [
                g for c in t.children if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj"]
            return "keep" if _has(mods, w.military) or hyphened & w.military or _has(
                doers, w.military | (w.forces - w.emergency)) else "drop"
        if sense == "aim":
            aimed = [c for c in t.children if c.dep_ == "dobj"]
            at = any(c.dep_ == "prep" and (c.lower_ == "at" or (c.lower_ == "to" and any(
                         g.dep_ == "pobj" and g.lemma_.lower() in w.body_parts
                         for g in c.children)))
                     for x in (t, *aimed) for c in x.children)  # "pointed a gun at him",
            # "put a gun to the cashier's head"
            return "keep" if at and _has([x for a in aimed for x in a.subtree], w.weapons) \
                else "drop"
        return "keep"

    def _disposal(self, m: Mention) -> bool:
        """ "Police remotely detonated the devices", "a controlled explosion": a bomb made
        safe, no attack."""
        t = m.trigger
        means = [t] + [g for c in t.children if c.dep_ == "prep" for g in c.children
                       if g.dep_ == "pobj"]  # "destroyed ... in a controlled explosion"
        if any(c.dep_ == "amod" and c.lower_ == "controlled" for x in means for c in x.children):
            return True
        return t.lemma_.lower() in self.w.disposal_verbs and any(
            a.sector == "COP" or a.head.lemma_.lower() in self.w.disposal_agents
            for a in m.actors)

    def _in_care(self, t: Token) -> bool:
        """ "ninety people were detained in hospital": kept for treatment; "placed in
        protective custody": for one's safety."""
        return any(c.dep_ == "prep" and c.lower_ in {"in", "at"} and any(
            g.dep_ == "pobj" and g.lower_ in self.w.care_places for g in c.children)
            for c in t.children) or any(
            c.dep_ == "amod" and c.lower_ in self.w.care_modifiers for c in t.children)

    def _follow_up(self, m: Mention) -> bool:
        """ "Police are investigating a shooting", "an investigation into his death": the
        inquiry follows an act of force; the act is the event (and police work around it is
        routine). "Prosecutors opened an investigation into the mayor's finances" is an
        event of its own."""
        t = m.trigger
        objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
        objs += [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"into", "of"}
                 for g in c.children if g.dep_ == "pobj"]
        if t.dep_ == "nsubjpass" or (t.dep_ == "compound" and t.head.pos_ == "NOUN"):
            objs.append(t.head)  # "the shooting investigation"
        objs += [c for c in t.children if c.dep_ == "compound"]
        return any(o.lemma_.lower() in self.w.incident_acts or o.lemma_.lower() in self.w.casualty
                   for o in objs)

    def _sentenced(self, t: Token) -> bool:
        """ "jailed for five years", "imprisoned for life", "a court jailed him": a court's
        sentence; "was remanded in custody": a court's order."""
        if t.dep_ == "pobj" and t.head.head.lemma_.lower() in self.w.remand_verbs:
            return True
        work = self.work
        if t.i < work.body_start:
            # "Activist jailed" over "a court sentenced the activist to ...": the body's
            # first sentence (two, for a dateline the parser cut off as one) says how
            starts, n = work.sent_starts, work.title_sents + 2
            lead = starts[n] if n < len(starts) else len(work.doc)
            if any(x.sense == "judicial" and work.body_start <= x.trigger.i < lead
                   for x in work.mentions):
                return True
        # (the length is the object of "for": "for 15 years", "for life"; not "in custody
        # for a shooting about two weeks ago")
        return any((c.dep_ == "prep" and c.lower_ == "for"
                    and _has([g for g in c.children if g.dep_ == "pobj"],
                             self.w.sentence_units))
                   or (c.dep_ == "nsubj" and c.lemma_.lower() in self.w.court_doers)
                   or (c.dep_ == "agent" and any(
                       g.lemma_.lower() in self.w.court_doers for g in c.children))
                   for c in t.children)

    def _target(self, t: Token) -> bool:
        """A force noun ("a patrol", "a convoy") that an act of force is done to names the
        unit attacked, not forces deployed: the object of an attack verb, or of its "on",
        "at", "into" or "against"."""
        gov = t.head if t.dep_ == "dobj" else (
            t.head.head if t.dep_ == "pobj" and t.head.lower_ in self.w.target_preps else None)
        if t.dep_ == "nsubj":  # "a police patrol came under fire": what came under it
            gov = next((g for c in t.head.children if c.dep_ == "prep" and c.lower_ == "under"
                        for g in c.children if g.dep_ == "pobj"), None)
        return gov is not None and gov.i != t.i and any(
            x.trigger.i == gov.i and x.category == "ASSAULT" for x in self.work.mentions)

    def _someone(self, x: Token) -> bool:
        """A word for a person, people or a person's remains ("three tortured bodies")."""
        return _a_person(x, self.w) or x.lemma_.lower() in self.w.remains

    def _harm(self, m: Mention) -> Verdict:
        """A killing or shooting harms someone: not a bill, a team in a sports report, or a
        scene a camera shoots. (Names are not judged: the small model often takes a
        victim's name for an organisation.)"""
        w, t = self.w, m.trigger
        if _verbal(self.work, m, w):
            return "drop"  # "kill the bill", "kill the Hawks' hopes" (a sports report)
        objs = [c for c in t.children if c.dep_ == "dobj"]
        # "lined up photographers to shoot them": the camera may be the governing verb's
        gov = [c for c in t.head.children if c.dep_ in {"dobj", "nsubj"}] if t.dep_ in {
            "xcomp", "advcl", "relcl", "acl"} else []
        if t.lemma_.lower() == "shoot" and (
            _has(objs + gov, w.camera) or any(a.head.lemma_.lower() in w.camera
                                              for a in m.actors)
        ):
            return "drop"  # "shot a video", "photographers shot the couple"
        if t.lemma_.lower() == "shoot" and _has(objs, w.shot_things):
            return "drop"  # "shot flares at the planes", "shot hoops"
        if t.lemma_.lower() == "shoot" and t.dep_ == "acl" and (
                _has([t.head], w.camera) or _has([t.head], w.shot_things)):
            return "drop"  # "the video, shot by a passer-by"
        if t.lemma_.lower() == "shoot" and not objs and any(
                c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
            return "drop"  # "food prices have shot up": rose (not "shot up the school")
        if t.lemma_.lower() == "execute" and objs and all(
                o.lower_ in w.executed_things or o.lemma_.lower() in w.executed_things
                for o in objs):
            return "drop"  # "executed the plan flawlessly", "executed that well"
        if any(_illness(x, w) for x in _doers(t)):
            return "drop"  # "cancer killed him", "was killed by a heart attack"
        if t.lemma_.lower() == "execute" and (
                _has(t.sent, w.capital_punishment)
                or _phrase_in(" ".join(x.lower_ for x in t.sent), w.capital_punishment)):
            return "drop"  # "the inmate, convicted of murder, was executed": a sentence
        return "keep"

    def _physical(self, m: Mention) -> Verdict:
        work, w, t = self.work, self.w, m.trigger
        if t.lemma_.lower() in {"attack", "assault", "strike"} and self._cyber(m):
            m.category, m.modes = "COERCE", {"cyber"}  # a cyber attack coerces, it kills no one
            return "keep"
        if _verbal(work, m, w):
            return "drop"
        if t.pos_ == "NOUN" and t.dep_ in {"dobj", "nsubjpass"} and (
                t.head.lemma_.lower() in w.defusal):
            return "drop"  # "a bomb was defused": it never went off
        lemma = t.lemma_.lower()
        if (lemma in {"loot", "ransack"} and _has(
            [x for c in t.children if c.dep_ == "dobj" for x in c.subtree], w.money
        )) or any(c.ent_type_ == "MONEY" for c in t.children if c.dep_ == "dobj"):
            return "drop"  # "looted millions of dollars": fraud
        if _physical(work, m, w) or _named_by_date(t):
            return "keep"
        # "the attack", "the blast" with nothing physical in its sentence may still name
        # an act the article tells elsewhere
        return "joins" if m.anaphoric else "drop"

    def _state(self, m: Mention) -> bool:
        """Done by a state: a country, a government, its forces or officials as the
        subject or the passive's agent ("Canada suspended aid", "two newspapers were shut
        down by the junta"), not a company ("the airline cut ties with its caterer")."""
        work, w, t = self.work, self.w, m.trigger
        doers = _doers(t)
        if not doers and t.dep_ == "conj":
            # "the government expelled two reporters and shut down a channel": a verb joined
            # to another shares its subject
            doers = [a.head for a in m.actors]
        for d in doers:
            e = work.entity_at(d)
            ent = work.entities[e] if e >= 0 else None
            if ent is not None and (ent.type == "GPE" or ent.sector in w.state_sectors):
                return True
            if d.lemma_.lower() in w.state_nouns or d.lower_ in w.state_nouns:
                return True
        return False

    def _expulsion(self, m: Mention) -> Verdict:
        """A state expels: its diplomats expelled are a sanction, anyone else expelled
        ("expelled two foreign reporters") is deported, coercion; a party, a club or a
        school expelling a member ("was expelled from school") is neither."""
        work, w, t = self.work, self.w, m.trigger
        theme = [x for th in _theme(m) for x in th.subtree]
        doers = _doers(t)
        # ("it would expel four diplomats": a pronoun may stand for a state)
        named = [d for d in doers if d.pos_ != "PRON"]
        if named or (m.actors and t.dep_ == "conj"):
            if not self._state(m):
                return "drop"
        elif not doers and not _has(theme, w.diplomats) and not any(
                g.ent_type_ in {"GPE", "LOC"} for c in t.children
                if c.dep_ == "prep" and c.lower_ == "from" for g in c.children):
            return "drop"  # "he was expelled from school"
        if not _has(theme, w.diplomats) and any(
                _person(work, a, w) for a in m.recipients):
            m.category, m.modes = "COERCE", {"deport"}
        return "keep"

    def _capture(self, m: Mention) -> Verdict:
        """ "captured the town", "captured the last territory": ground taken by force
        (ASSAULT); "captured two militants": people arrested (COERCE); "captured the
        mood", "captured on camera": neither."""
        work, w, t = self.work, self.w, m.trigger
        # a camera's doing: "captured on video", "photos captured by the surveillance
        # camera", "a camera which captures what happens"
        camera = [x for c in t.children if c.dep_ in {"agent", "prep", "nsubj", "dobj"}
                  for x in c.subtree]
        if t.dep_ == "relcl":
            camera.append(t.head)
        if m.actors and not any(
                _armed_arg(work, a, w) or a.sector in {"GOV", "COP", "MIL"} for a in m.actors) and (
                any(a.entity >= 0 and work.entities[a.entity].type == "PERSON"
                    for a in m.actors)):
            return "drop"  # "Senator Lopez has captured Ohio": won a vote, took no ground
        if _has([c for c in t.children] + camera, w.camera) or any(
            c.dep_ == "prep" and c.lower_ == "on" and not any(
                g.ent_type_ in {"DATE", "TIME"} for g in c.children)  # "on Sunday": a day
                for c in t.children):
            return "drop"
        held = [c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in w.territory_words]
        if held and not any(_armed_arg(work, a, w) for a in m.actors):
            # "activists must take back control of city councils": power, not ground taken by
            # armed men
            return "drop"
        if any(self._ground(a) for a in m.recipients) or (
                # "seized control of the border crossing after killing three guards": ground
                # of any kind taken with force told
                held and (_has(t.sent, w.casualty) or _has(t.sent, w.weapons))):
            m.category, m.modes = "ASSAULT", set()
            return "keep"
        if any(_human(work, a, w) for a in m.recipients) and (
                # "recaptured the escaped prisoner", not "retake their final exams": taken
                # back is said of people by who they are
                t.lemma_.lower() not in w.retaking or any(
                    _person(work, a, w) for a in m.recipients)):
            return "keep"
        return "drop"

    def _held_ground(self, a: Arg) -> bool:
        """Ground a side holds: a named place or a town, a base, an airport."""
        if a.entity >= 0 and self.work.entities[a.entity].type in _PLACE_TYPES:
            return True
        lemma = a.head.lemma_.lower()
        return lemma in self.w.ground_words or lemma in self.w.held_ground

    def _ground(self, a: Arg) -> bool:
        if a.entity >= 0:
            return self.work.entities[a.entity].type in {"GPE", "LOC", "FAC"}
        lemma = a.head.lemma_.lower()
        return lemma in self.w.targets or lemma in self.w.ground_words

    def _cyber(self, m: Mention) -> bool:
        t = m.trigger
        near = [x for x in t.subtree] + [a.head for a in m.actors]
        return any(x.lower_.startswith("cyber") or x.lemma_.lower() in {"hacker", "hack"}
                   for x in near) or _has([c for c in t.children if c.dep_ in {
                       "compound", "amod"}], self.w.cyber)

    def _hack(self, m: Mention) -> Verdict:
        t = m.trigger
        objs = [x for c in t.children if c.dep_ in {"dobj", "nsubjpass", "pobj", "prep"}
                for x in c.subtree]
        if t.pos_ == "NOUN":
            objs += [x for c in t.children for x in c.subtree]
        if _has(objs, self.w.cyber) or any(
            x.ent_type_ == "ORG" for x in objs
        ) or t.pos_ == "NOUN":
            m.category, m.modes = "COERCE", {"cyber"}
            return "keep"
        if _has(t.sent, self.w.weapons) or _has(t.sent, self.w.casualty):
            return "keep"
        return "drop"


def run(work: Work, res: Resources) -> None:
    judge = _Judge(work, sense_words(res))
    kept: list[Mention] = []
    for m in work.mentions:
        if m.sense == "raid" and m.anaphoric and not m.actors and (before := next(
                (x for x in reversed(kept)
                 if x.trigger.lemma_.lower() == m.trigger.lemma_.lower()), None)) is not None:
            # "the raids" with no side of its own are the raids told before, and are what
            # those were
            m.category, m.modes = before.category, set(before.modes)
            kept.append(m)
            continue
        verdict = judge.verdict(m)
        if verdict == "drop":
            continue
        if verdict == "joins":
            m.only_joins = True
        kept.append(m)
    folded = _threatened(kept, judge.w)
    work.mentions[:] = [m for k, m in enumerate(kept) if k not in folded]
    for m in work.mentions:
        if _said_on_condition(m, judge.w):
            # "the kidnappers told the family they would kill the boy unless a ransom was
            # paid": force or coercion the speakers say they will use unless (or if)
            # something is done is a threat they made, by them ("they" is who speaks)
            m.category, m.modes, m.mood = "THREATEN", set(), "asserted"
            speaker = _speaker_verb(m.trigger)
            m.actors = side_args(work, res, [c for c in speaker.children if c.dep_ == "nsubj"])


def _speaker_verb(t: Token) -> Token:
    return t.head.head if t.dep_ == "relcl" else t.head


def _said_on_condition(m: Mention, w: SenseWords) -> bool:
    t = m.trigger
    if m.category not in _THREATENED or m.mood != "hypothetical" or t.pos_ != "VERB":
        return False
    if not (t.dep_ == "ccomp" or _told_clause(t, w)):
        return False
    speaker_verb = _speaker_verb(t)
    return (speaker_verb.lemma_.lower() in w.telling_verbs
            and any(c.dep_ == "nsubj" for c in speaker_verb.children)
            and any(c.dep_ == "nsubj" and c.tag_ == "PRP" and c.lower_ in w.told_subjects
                    and c.lower_ != "it" for c in t.children)
            and any(c.dep_ == "aux" and c.lower_ in w.told_modals for c in t.children)
            and any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in w.conditions
                                              for g in c.children) for c in t.children))


def _threatened(kept: list[Mention], w: SenseWords) -> set[int]:
    """The acts a kept threat threatens ("the gang threatened to burn down the shop",
    "vowed to attack government buildings", "threatened the firm with sanctions", "warned
    that troops would storm the building"): the threat's content, one incident with it (a
    THREATEN, which takes their target), not a hypothetical act of their own. A protest
    threatened ("threatened a nationwide strike") stays the planned protest it is."""
    threats = {m.trigger.i: m for m in kept if m.category == "THREATEN"}
    if not threats:
        return set()
    folded: set[int] = set()
    for k, m in enumerate(kept):
        if m.category not in _THREATENED or m.mood not in {"hypothetical", "future"}:
            continue
        t = m.trigger
        while t.dep_ == "conj" and t.head.i != t.i:  # "threatened to kill and burn"
            t = t.head
        head = t.head
        if (t.dep_ == "pobj" and head.lower_ == "with") or _told_clause(t, w):
            head = head.head  # "threatened X with sanctions", "warned X they would be killed"
        elif t.dep_ not in {"xcomp", "ccomp", "advcl", "dobj"}:
            continue
        threat = threats.get(head.i)
        if threat is None or threat is m:
            continue
        folded.add(k)
        if not threat.recipients:
            threat.recipients = list(m.recipients)
        if not threat.actors and t.dep_ in {"xcomp", "advcl"}:
            # an infinitive's doer is the threat's subject ("the suspect threatened to
            # shoot"); a clause's ("warned that troops would storm") is someone else
            threat.actors = list(m.actors)
    return folded


STAGE = Stage(
    name="senses",
    run=run,
    summary="keeps a candidate mention when its sentence shows the sense its trigger's "
    "class asks for: physical evidence and no words-as-weapon for \"attack\" or \"blast\"; "
    "a human victim and no accident for killings; force threatened for threats; forces "
    "deployed; a raid by police is coercion; a protest, not a campaign rally; relations "
    "cut and newspapers closed by a state, not a company; no court "
    "sentence; never \"no arrests\", a generic \"you\", an idiom or a hyphenated "
    "modifier; anaphoric nouns without evidence only join an act told elsewhere (an act "
    "noun named by its date, \"the 2001 attacks\", is its own act); ground an army seizes is "
    "taken in battle; the act a kept threat threatens is folded into it (one THREATEN), and "
    "force its speakers say they will use on a condition is their threat",
    reads=("doc", "entities", "mentions"),
    refines=("mentions",),
    needs=("lexicon",),
    prepare=sense_words,
)

__all__ = ["STAGE", "SenseWords", "run", "sense_words"]
