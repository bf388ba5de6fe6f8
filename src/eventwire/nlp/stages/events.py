"""Event mentions: find triggers, read their actors and recipients, judge their mood.

A trigger is a verb or noun of the trigger lexicon (``lexicon/<lang>/events.toml``).
Generic plurals ("assassinations and attacks are crimes") name kinds of events, not
events, and are skipped — unless something ties them to a time, a place, a side or a
cause ("Russian airstrikes", "protests over the vote", "shootings in the city"); a
predicate noun ("called the shooting a terrorist attack") describes another event and is
skipped; a definite or possessive noun ("the shooting", "Alekseyev's shooting") is marked
anaphoric so the merge stage can join it to the event it points at. Whether a word is used
in its violent sense at all is the senses stage's question."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.attrs import LEMMA, ORTH, POS  # type: ignore[attr-defined]
from spacy.symbols import NOUN, VERB  # type: ignore[attr-defined]
from spacy.tokens import Token

from ... import vocab
from ...lexicon import Lexicon
from ...lexicon.triggers import Compound, Trigger, read_compounds, read_triggers
from ...model import Status
from ..arguments import arg_words, children, make_arg, predicated_subject, requester, subject_up
from ..resources import Resources
from ..spans import conjuncts, span_words, stray_numbers
from ..stage import Stage
from ..work import Arg, Mention, Work


class EventWords:
    """The events stage's word lists, read once per lexicon (``Resources.memo``)."""

    def __init__(self, lex: Lexicon) -> None:
        self.triggers: Mapping[str, Trigger] = read_triggers(lex)
        self.phrasal: Mapping[str, Trigger] = read_triggers(lex, "events.phrasal_triggers")
        self.object_triggers: Mapping[str, Trigger] = read_triggers(lex, "events.object_triggers")
        # the verbs those entries begin with: trigger_of runs on every token
        self.object_verbs = frozenset(k.split(" ", 1)[0] for k in self.object_triggers)
        self.phrasal_verbs = frozenset(k.split(" ", 1)[0] for k in self.phrasal)
        self.hyphenated: Mapping[str, Trigger] = read_triggers(lex, "events.hyphenated_triggers")
        self.modified: Mapping[str, Trigger] = read_triggers(lex, "events.modified_triggers")
        self.of_triggers: Mapping[str, Trigger] = read_triggers(lex, "events.of_triggers")
        self.of_heads = frozenset(k.split(" ", 1)[0] for k in self.of_triggers)
        self.compounds: Mapping[str, Compound] = read_compounds(lex)
        self.weapon_modes: Mapping[str, str] = lex.mapping("events.weapon_modes")
        w = lex.words
        self.plural_only = w("events.plural_only")
        self.quantity = w("events.quantity")
        self.modals = w("events.hypothetical_modals")
        self.announcing = w("events.announcing_verbs")
        self.accuse_verbs = w("events.accuse_verbs")
        self.allegation_nouns = w("events.allegation_nouns")
        # what a "that" clause is alleged by: not a report that something happened
        self.allegations = self.allegation_nouns - w("events.report_nouns")
        self.evidence_nouns = w("events.evidence_nouns")
        self.falsity = w("events.falsity_words")
        self.future = w("events.future_auxiliaries")
        self.negators = w("events.negators")
        self.generic_dets = w("events.generic_determiners")
        self.kind_dets = w("events.kind_determiners")
        self.perception = w("events.perception_verbs")
        self.generic_heads = w("events.generic_heads")
        self.request_heads = w("events.request_heads")
        self.request_lemmas = w("events.request_lemmas")
        self.anaphoric_dets = w("events.anaphoric_determiners")
        self.people_demonstratives = w("events.people_demonstratives")
        self.aggregate_adverbs = w("events.aggregate_adverbs")
        self.period_preps = w("events.period_prepositions")
        self.period_adjectives = w("events.period_adjectives")
        self.period_nouns = w("events.period_nouns")
        # "two days before", "minutes earlier": the units a stated gap is counted in
        self.gap_units = self.period_nouns | w("events.short_gap_units")
        self.intent_heads = w("events.intent_heads")
        self.plot_heads = w("events.plot_heads")
        self.deed_preps = w("events.deed_prepositions")
        self.armed_sectors = w("events.armed_sectors")
        self.planning_verbs = w("events.planning_verbs")
        self.dismissal_verbs = w("events.dismissal_verbs")
        self.prevention_verbs = w("events.prevention_verbs")
        self.cancel_verbs = w("events.cancel_verbs")
        self.particle_phrasals = w("events.particle_phrasals")
        self.forestalled_marks = w("events.forestalled_marks")
        self.ability_modals = w("events.ability_modals")
        self.conditional_marks = w("events.conditional_marks")
        self.hedge_participles = w("events.hedge_participles")
        self.hedge_adverbs = w("events.hedge_adverbs")
        self.headline_passives = w("events.headline_passives")
        self.armed_people = w("events.armed_people")
        self.fire_preps = w("events.fire_prepositions")
        self.fire_objects = w("events.fire_objects")
        self.fire_held = w("events.fire_held")
        self.fire_idioms = w("events.fire_idiom_modifiers")
        self.inclusion = w("events.inclusion_words")
        self.non_participants = w("events.non_participants")
        self.light_verbs = w("events.light_verbs")
        self.going_verbs = w("events.going_verbs")
        self.impact_verbs = w("events.impact_verbs")
        self.state_sectors = w("events.state_sectors")
        self.street_heads = w("places.street_name_heads")
        self.compass_streets = w("places.compass_street_heads")
        self.compass = w("places.compass_words")
        self.impact_through = w("events.impact_through_verbs")
        self.leaving = w("events.leaving_verbs")
        self.harm_states = w("events.harm_states")
        self.hyphen_agents = w("events.hyphen_agent_verbs")
        self.non_agents = w("events.non_agent_verbs")
        self.dying_verbs = w("events.dying_verbs")
        self.condition_nouns = w("events.condition_nouns")
        self.dying_preps = w("events.dying_prepositions")
        self.force_sectors = w("events.force_sectors")
        self.person_nouns = w("people.person_nouns")
        self.people_nouns = self.person_nouns | w("people.counted_nouns")
        self.perpetrators = w("people.perpetrator_nouns")
        self.victims = w("people.victim_nouns")
        # things an attack hits that do not themselves act (no people among them)
        self.inanimate = w("senses.concrete_targets") - w("people.counted_nouns") - w(
            "people.person_nouns") - w("senses.ordinary_people")
        self.sanctioned_preps = w("events.sanctioned_prepositions")
        self.age_heads, self.age_units = w("people.age_heads"), w("people.age_units")
        self.fire_verbs = w("events.fire_verbs")
        self.request_verbs = w("events.request_verbs")
        self.arson_verbs = w("events.arson_verbs")
        self.possibility_adverbs = w("events.possibility_adverbs")
        self.fear_words = w("events.fear_words")
        self.weighing_verbs = w("events.weighing_verbs")
        self.weighing_particle_verbs = frozenset(
            tuple(p.split()) for p in lex.phrases("events.weighing_particle_verbs"))
        # "the ministry denied its soldiers had entered": the statements lexicon's verbs
        # of denial (one list for both stages)
        self.denials = frozenset(lex.mapping("statements.reporting_verbs").get("denied", ()))
        self.collective = w("events.collective_heads")
        self.harmed_in = w("events.harmed_in_verbs")
        self.time_units = frozenset(lex.mapping("time.duration_units"))
        self.cause_affixes = w("events.cause_affixes")
        self.mutual = w("events.mutual_acts")
        # who did an act, told by what they did ("the gunman", "the suspects"), and the
        # adverbs that set an act after the one told before it ("later")
        self.doer_nouns = w("people.attacker_nouns")
        self.sequel = w("events.sequel_adverbs")
        self.prequel = w("events.prequel_adverbs")
        self.group_nouns = w("claims.claimant_nouns")  # "the group", "the movement": a side
        self.whole_state = w("senses.state_sectors")  # "officers" and "police" are one side
        self.answer_fire_verbs = w("events.answer_fire_verbs")
        self.dispersal_verbs = w("events.dispersal_verbs")
        self.answer_fire_particles = w("events.answer_fire_particles")
        self.next_day_words = w("time.next_day_words")  # "the next day", "the following night"
        self.next_day_units = w("time.next_day_units")
        self.reflexives = w("people.reflexive_pronouns")
        self.protesters = w("people.protester_nouns")
        self.plan_participles = w("events.plan_participles")
        self.regulated = w("events.regulated_things")
        self.ahead_modifiers = w("events.ahead_modifiers")
        self.projectiles = w("events.projectile_nouns")
        self.laid = w("events.laid_explosives")
        self.control_nouns = w("events.control_nouns")
        self.additive = w("events.additive_adjectives")
        self.habit_quantifiers = w("events.habit_quantifiers")
        self.schedule_heads = w("events.schedule_heads")
        self.proposal_nouns = w("events.proposal_nouns")
        self.proposed = w("events.proposed_modifiers")
        self.promise_heads = w("events.promise_heads")
        self.proposing_verbs = w("events.proposing_verbs")
        self.request_nouns = w("events.request_nouns")
        self.decision_nouns = w("events.decision_nouns")
        self.intent_nouns = w("events.intent_nouns")
        self.carry_out = w("events.carry_out_verbs")
        self.exception_heads = w("events.exception_heads")
        self.desire_heads = w("events.desire_heads")
        self.reaction_nouns = w("events.reaction_nouns")
        self.reaction_verbs = w("events.reaction_verbs")
        self.military_objects = w("events.military_objects")
        self.military_only = w("events.military_only_objects")
        self.sides = w("senses.armed_nouns") | w("events.enemy_modifiers")
        self.plan_verbs = w("events.plan_verbs")
        self.laid_heads = w("events.laid_explosive_heads")
        self.laid_modifiers = w("events.laid_explosive_modifiers")
        self.mine_contact = w("events.mine_contact_verbs")
        self.mine_preps = w("events.mine_contact_preps")
        self.aircraft: Mapping[str, str] = lex.mapping("events.aircraft_modes")
        self.aircraft_verbs = w("events.aircraft_verbs")
        self.weapon_use_verbs = w("events.weapon_use_verbs")
        self.weapon_use_preps = w("events.weapon_use_preps")
        self.gun_systems = w("events.gun_systems")
        self.protest_purposes = w("events.protest_purposes")
        self.onset_verbs = w("events.onset_verbs")
        self.presence: Mapping[str, Trigger] = {
            v: Trigger(v, "PROTEST", ("demo",), "VERB")
            for v in w("events.protest_presence_verbs")}
        self.anchor_preps = w("events.anchor_prepositions")
        self.place_nouns = w("events.place_nouns")
        self.separate_openers = tuple(
            tuple(x.split()) for x in lex.phrases("events.separate_act_openers"))
        self.attempt_heads = w("events.attempt_heads")
        self.holding_verbs = w("events.holding_verbs")
        self.set_back_words = w("events.set_back_words")
        self.set_back_units = w("events.set_back_units")
        self.set_back_leads = w("events.set_back_leads")
        self.body_parts = w("senses.body_parts")
        # what can be aimed or held to a body ("pointed a rifle", "put a gun to his head")
        self.aimed = frozenset(self.weapon_modes) | w("senses.weapon_words")
        self.cause_preps = w("events.cause_prepositions")
        self.indefinite_dets = w("events.indefinite_determiners")
        self.demonstratives = w("events.demonstratives")
        self.means_preps = w("events.means_prepositions")
        self.instruments = w("events.instrument_nouns")
        self.driven_into = w("events.driven_into_verbs")
        self.labour = w("events.labour_nouns")
        self.occasions = w("events.occasion_nouns")
        self.areas = w("events.area_nouns")
        self.crews = w("events.crew_nouns")
        self.surviving_verbs = w("events.surviving_verbs")
        self.aiming_verbs = w("events.aiming_verbs")
        self.assets = w("senses.asset_words")
        self.target_nouns = w("events.target_nouns") | self.victims
        self.predicating_verbs = w("people.found_verbs") | w("people.identify_verbs")
        self.struck_verbs = w("events.struck_verbs")
        self.reported_pronouns = w("events.reported_pronouns")
        self.plural_pronouns = w("people.plural_pronouns")
        self.reporting_verbs = frozenset(
            v for vs in lex.mapping("statements.reporting_verbs").values() for v in vs)
        # every lemma a verb or noun can be a trigger by (beside "strike", "fire" and a
        # hyphenated word), so that ``trigger_of`` turns the others away at once
        self.trigger_lemmas = frozenset(self.triggers).union(
            self.object_verbs, self.phrasal_verbs, self.presence, self.impact_verbs,
            self.mine_contact, self.weapon_use_verbs,
            (k.rsplit(" ", 1)[1] for k in self.modified), self.of_heads)


def event_words(res: Resources) -> EventWords:
    return res.memo("events.words", lambda: EventWords(res.lexicon))


# -- triggers ----------------------------------------------------------------------------------


def _strike(t: Token, w: EventWords) -> Trigger | None:
    """ "strike" names an event through the word before it ("air strike", "general strike",
    "a 48-hour strike") or as "on strike"."""
    mods = [c for c in t.children if c.dep_ in {"compound", "amod", "nmod", "nummod"}]
    for c in mods:
        comp = w.compounds.get(c.lower_)
        if comp is not None:
            return Trigger("strike", comp.category, (comp.mode,) if comp.mode else ())
        # "a 48-hour strike", "a one-day strike": a walkout of a stated length
        if any(u.lemma_.lower() in {"hour", "day", "week"} for u in c.subtree):
            return Trigger("strike", "PROTEST", ("strike",))
    if t.head.lemma_ == "on" and t.head.head.lemma_ in {"go", "be"}:
        return Trigger("strike", "PROTEST", ("strike",))
    if t.dep_ == "pobj" and t.head.lower_ in {"in", "by"} and (
            t.head.head.lemma_.lower() in w.harmed_in):
        return Trigger("strike", "ASSAULT", ())  # "killed in Israeli strikes"
    # a strike called, held or announced by workers or their union ("the union called a
    # strike", "nurses staged a strike", "a strike by dockers"): a walkout
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "for" else (
        t.head if t.dep_ == "dobj" else None)
    doers = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "by"
             for g in c.children if g.dep_ == "pobj"]
    if verb is not None:
        doers += [c for c in verb.children if c.dep_ == "nsubj"]
    # "carried out strikes on militant hideouts", "jets launched strikes": a strike aimed
    # at a side's military site, or made by aircraft, is an attack (a walkout is over pay
    # or against a law, never on a hideout)
    aimed = [g for x in (t, verb) if x is not None for c in x.children
             if c.dep_ == "prep" and c.lower_ in {"on", "against"}
             for g in c.children if g.dep_ == "pobj"]
    if any(_military_object(g, w) for g in aimed):
        return Trigger("strike", "ASSAULT", ())
    if (mode := next((w.aircraft[x.lemma_.lower()] for x in doers
                      if x.lemma_.lower() in w.aircraft), None)) is not None:
        return Trigger("strike", "ASSAULT", (mode,))
    # the doers, or the word their noun is named after ("the teachers' union")
    if any(x.lemma_.lower() in w.labour for d in doers
           for x in (d, *(c for c in d.children if c.dep_ in {"compound", "poss"}))):
        return Trigger("strike", "PROTEST", ("strike",))
    return None


def _fires_at(t: Token, w: EventWords) -> bool:
    """ "fire" is shooting as "fire at/on", "opened fire", "fired shots", "fired missiles"
    (not "fired the manager", "fired him on Monday": what is fired, when said, is a
    shot, a weapon or a projectile; anyone else fired is dismissed)."""
    # "fired dozens of rockets", "fired a volley of shots": what the quantity is of
    fired = [_counted(c, w, c.lower_ in w.fire_objects)
             for c in t.children if c.dep_ == "dobj"]
    if any(c.lower_ in w.fire_objects or c.lemma_.lower() in w.fire_objects
           or (c.lemma_.lower() in w.weapon_modes and c.lower_ not in w.fire_held)
           for c in fired):
        return True
    if any(c.lower_ not in w.fire_held or any(
            x.lower_ in w.fire_idioms for x in c.children) for c in fired):
        return False
    return (
        any(c.dep_ == "prep" and c.lower_ in w.fire_preps for c in t.children)
        or t.head.lemma_ == "open"
        or any(c.lower_ == "open" for c in t.lefts)
    )


def _weapon_used(t: Token, w: EventWords) -> Trigger | None:
    """ "The army used artillery on rebel positions": a weapon used on someone is an
    attack with it ("police used tear gas against the protesters" disperses them); a
    weapon used on no one ("are trained to use tear gas") tells none."""
    # (the parser may hang "against the protesters" on the weapon)
    heads = [t, *(c for c in t.children if c.dep_ == "dobj")]
    if not any(c.dep_ == "prep" and c.lower_ in w.weapon_use_preps and any(
            g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"}  # not "on Sunday"
            for g in c.children) for h in heads for c in h.children):
        return None
    for c in t.children:
        if c.dep_ != "dobj":
            continue
        mods = [x.lower_ for x in c.children if x.dep_ in {"compound", "amod"} and x.i < c.i]
        mode = (w.weapon_modes.get(" ".join([*mods[-1:], c.lemma_.lower()])) if mods else None
                ) or w.weapon_modes.get(c.lemma_.lower())
        if mode == "crowd-control":
            # tear gas, water cannon, rubber bullets on a crowd disperse it: an intervention
            # (COERCE, as "disperse" and "break up the rally" are), not an attack
            return Trigger(t.lemma_.lower(), "COERCE", ("restrict",), "VERB")
        if mode:
            return Trigger(t.lemma_.lower(), "ASSAULT", (mode,), "VERB", "physical")
    return None


def _weapon_fire(t: Token, w: EventWords) -> Trigger | None:
    """ "mortar fire", "sniper fire", "machine-gun fire": a weapon's fire is an attack."""
    for c in t.children:
        if c.dep_ in {"compound", "amod", "nmod"}:
            mode = w.weapon_modes.get(c.lemma_.lower()) or w.weapon_modes.get(c.lower_)
            if mode:
                return Trigger("fire", "ASSAULT", (mode,), "NOUN", "violent")
    return None


def _fire_opener(t: Token, w: EventWords) -> Token | None:
    """The verb of "opened fire", "returned fire", "exchanged fire" (the noun "fire" its
    object), else None."""
    return t.head if t.dep_ == "dobj" and t.head.lemma_.lower() in w.fire_verbs else None


def _fire_setter(t: Token, w: EventWords) -> Token | None:
    """The verb of "set fire to the station" or "set a car on fire" (arson), else None."""
    if t.dep_ == "dobj" and t.head.lemma_.lower() in w.arson_verbs:
        return t.head
    if t.dep_ == "pobj" and t.head.lower_ == "on" and t.head.head.lemma_.lower() in w.arson_verbs:
        return t.head.head
    # "set a church on fire" parsed with "on fire" hung on the object
    if t.dep_ == "pobj" and t.head.lower_ == "on" and t.head.head.dep_ == "dobj" and (
            t.head.head.head.lemma_.lower() in w.arson_verbs):
        return t.head.head.head
    return None


def _counted(c: Token, w: EventWords, measure: bool = False) -> Token:
    """What a quantity or a number counts ("dozens of rockets", "40 of the men"; with
    ``measure``, what a measure of it holds: "a volley of shots"), else the word itself."""
    if not (measure or c.lower_ in w.quantity or c.like_num):
        return c
    return next((x for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                 for x in p.children if x.dep_ == "pobj"), c)


def _alleged(t: Token, w: EventWords) -> Status | None:
    """What the act's own phrase says of its truth: "accused police of torturing detainees"
    and "allegations that soldiers beat detainees" allege it (hypothetical: the article
    does not stand behind it); "reports of an attack on the embassy were false" deny it.
    (An act told elsewhere as fact joins that one: ``legal`` mentions may, see merge.)"""
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.tag_ == "VBG" and (
            t.head.dep_ == "pcomp"):
        t = t.head  # "accused the army of carrying out air strikes": the gerund's object
    head = t.head
    if head.dep_ == "prep" and head.lower_ == "of" and t.dep_ in {"pobj", "pcomp"}:
        owner = head.head  # "accused police of ...", "accused the army of ..."
        if owner.lemma_.lower() in w.accuse_verbs or (
                owner.dep_ == "dobj" and owner.head.lemma_.lower() in w.accuse_verbs):
            return "hypothetical"
        if owner.lemma_.lower() in w.allegation_nouns and owner.dep_ == "nsubj" and any(
                c.dep_ == "acomp" and c.lower_ in w.falsity for c in owner.head.children):
            return "negated"  # "reports of an attack were false"
        if owner.lemma_.lower() in w.allegation_nouns and owner.dep_ == "dobj" and (
                owner.head.lemma_.lower() in w.dismissal_verbs):
            return "negated"  # "the army dismissed reports of an attack on its base"
    # (an act noun that is the object of its clause's verb is told by that clause: "reports
    # that its soldiers had opened fire")
    clause = t.head if t.pos_ == "NOUN" and t.dep_ == "dobj" and head.pos_ == "VERB" else t
    if clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that"
                                    for c in clause.children):
        said = clause.head
        lemma = said.lemma_.lower()
        if lemma in w.allegation_nouns and said.dep_ == "dobj" and (
                said.head.lemma_.lower() in w.dismissal_verbs):
            # "the rebels rejected claims that they had kidnapped ...", "the army denied
            # reports that its soldiers had opened fire"
            return "negated"
        if lemma in w.allegations:
            return "hypothetical"  # "allegations that soldiers beat detainees"
        if lemma in w.evidence_nouns and any(c.dep_ == "det" and c.lower_ == "no"
                                             for c in said.children):
            return "hypothetical"  # "no evidence that the prisoners had been tortured"
    return None


def _future_in_past(t: Token, aux: set[str], w: EventWords) -> bool:
    """ "Russia said on Friday it would expel ten diplomats": "would" (alone, not "would
    have") in a clause a past verb of saying or announcing reports is that speaker's "will",
    unless a condition is attached ("would retaliate if attacked")."""
    if aux & w.modals != {"would"} or "have" in aux:
        return False
    # an act noun is told by the verb it is the object of ("would hold another rally")
    clause = t.head if t.pos_ == "NOUN" and t.dep_ in {"dobj", "nsubjpass"} else t
    while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.tag_ != "VBD" or (
            reporter.lemma_.lower() not in w.announcing):
        return False
    return not any(c.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in w.conditional_marks for g in c.children)
        for v in (t, clause) for c in v.children)


def _asked(t: Token, w: EventWords) -> bool:
    """Is the verb what someone is asked, urged or called on to do ("urged supporters to
    boycott the vote")?"""
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in w.request_verbs


def _spanned(t: Token, w: EventWords) -> Token:
    """ "three days of protests", "a week of drills": the stretch of time that counts the
    acts stands where the acts would (what is called for, held or begun); else the noun."""
    if t.dep_ != "pobj":
        return t
    head = t.head
    if head.lower_ == "of" and head.head.lower_ in w.time_units and any(
            c.dep_ in {"det", "nummod"} for c in head.head.children):
        return head.head
    return t


def _caller(t: Token, w: EventWords) -> list[Token]:
    """Who called for the act ("the opposition called for three days of protests"): the
    subject of the verb of request whose "for" takes the noun."""
    t = _spanned(t, w)
    head = t.head
    if t.dep_ != "pobj" or head.lower_ != "for" or not _requested(t, w):
        return []
    return [c for c in head.head.children if c.dep_ == "nsubj"]


def _requested(t: Token, w: EventWords) -> bool:
    """Is the noun the act someone calls for or urges others to join ("the union called for
    strikes", "urged supporters to join protests on Friday")? Organisers who call for
    protests announce particular protests, planned ahead."""
    t = _spanned(t, w)  # "called for three days of protests"
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "for":
        return head.head.lemma_.lower() in w.request_lemmas and not any(
            # (not "officers were called to the motel for five shootings": summoned)
            c.dep_ in {"auxpass", "dobj", "nsubjpass"} for c in head.head.children)
    return t.dep_ == "dobj" and head.pos_ == "VERB" and _asked(head, w)


def _planned_protests(t: Token, w: EventWords) -> bool:
    """ "Vowed to hold more rallies", "said it would stage protests across the country next
    week", "organisers plan protests on Saturday": protests a side says it will hold are
    particular ones (a present habit, "unions hold rallies every May", is not)."""
    if any(c.dep_ == "amod" and c.lower_ in w.additive for c in t.children):
        return True  # "more rallies": added to those told
    verb = t.head
    if t.dep_ != "dobj" or verb.pos_ != "VERB" or not (
            verb.lemma_.lower() in w.light_verbs or verb.lemma_.lower() in w.plan_verbs):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & w.future or ("would" in aux and verb.dep_ == "ccomp") or (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in w.intent_heads):
        return True
    # the verb's own time or place is the protests' ("plan protests on Saturday"; a
    # present habit's, "unions hold rallies every May", tells kinds)
    if verb.lemma_.lower() not in w.plan_verbs and verb.tag_ != "VB":
        return False
    return any(c.ent_type_ in {"DATE", "TIME"} or (c.dep_ == "prep" and any(
        g.dep_ == "pobj" and (g.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"} or (
            g.lemma_.lower() in w.place_nouns and any(d.dep_ == "det" and d.lower_ == "the"
                                                      for d in g.children)))
        for g in c.children)) for c in verb.children)


def _onset_between(t: Token, w: EventWords) -> list[Token]:
    """ "Clashes broke out between police and protesters", "fighting erupted between rival
    militias": the sides, hung on the verb of onset the act is the subject of."""
    verb = t.head
    if t.dep_ != "nsubj" or verb.lemma_.lower() not in w.onset_verbs or (
            verb.lemma_.lower() == "break" and not any(
                c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
        return []
    return _pobj(verb, {"between"})


def _come_under(t: Token) -> Token | None:
    """The verb of "came under attack", "were under fire", else None."""
    prep = t.head
    if t.dep_ == "pobj" and prep.lower_ == "under" and prep.head.lemma_ in {"come", "be"}:
        return prep.head
    return None


def _held_as(t: Token, w: EventWords) -> bool:
    """ "held 12 passengers hostage": the predicate noun of a verb of holding, whatever
    part of speech the tagger gave it."""
    return t.dep_ in {"oprd", "dobj"} and t.head.lemma_.lower() in w.holding_verbs


def _gerund_noun(t: Token, w: EventWords) -> Trigger | None:
    """ "Fighting between troops and rebels killed 14": a bare gerund as a subject is a
    noun, the act's name, though the tagger calls it a verb; its noun trigger, if any
    (when its verb is no trigger of its own: "Shooting at the mall" stays the verb's)."""
    if t.tag_ != "VBG" or t.dep_ not in {"nsubj", "nsubjpass"} or any(
            c.dep_ in {"nsubj", "aux", "dobj"} for c in t.children) or (
            t.lemma_.lower() in w.trigger_lemmas):
        return None
    noun = w.triggers.get(t.lower_)
    return noun if noun is not None and noun.counts_as("NOUN") else None


def trigger_of(t: Token, w: EventWords) -> Trigger | None:
    pos = t.pos_
    if pos != "VERB" and pos != "NOUN":
        return None  # every trigger is a verb or a noun; this runs on every token
    lemma = t.lemma_.lower()
    if pos == "VERB" and (noun := _gerund_noun(t, w)):
        return noun
    if (lemma not in w.trigger_lemmas and lemma != "strike" and lemma != "fire"
            and not (t.i >= 2 and t.doc[t.i - 1].text == "-")):
        return None  # no rule below can give this word a trigger
    if pos == "VERB" and _held_as(t, w):
        pos = "NOUN"
    if pos == "NOUN" and (p := next((
            m for c in t.children if c.dep_ in {"amod", "compound"}
            and (m := w.modified.get(f"{c.lower_} {lemma}")) is not None), None)) is not None:
        return p  # "declared martial law"
    if pos == "NOUN" and lemma in w.of_heads:
        # "a state of emergency": the noun with its "of" object, or nothing
        return next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"
                     and (p := w.of_triggers.get(f"{lemma} {g.lemma_.lower()}")) is not None),
                    None)
    if t.pos_ == "NOUN" and lemma == "strike":
        return _strike(t, w)
    if t.pos_ == "VERB" and lemma == "strike" and not any(
            c.dep_ == "dobj" for c in t.children) and any(
            x.lemma_.lower() in w.labour for c in t.children if c.dep_ == "nsubj"
            for x in (c, *(g for g in c.children if g.dep_ in {"compound", "poss"}))):
        # "dockworkers will strike for 48 hours", "nurses struck over pay": a walkout
        return Trigger("strike", "PROTEST", ("strike",), "VERB")
    if t.pos_ == "NOUN" and lemma == "fire":
        if _fire_opener(t, w) is not None:
            return Trigger("fire", "ASSAULT", ("firearms",), "NOUN", "violent")
        if _come_under(t) is not None:
            # "the base came under fire from militants" (physical evidence needed: a
            # minister "came under fire" over his remarks)
            return Trigger("fire", "ASSAULT", ("firearms",), "NOUN", "physical")
        if _fire_setter(t, w) is not None:
            return Trigger("fire", "ASSAULT", ("destroy",), "NOUN", "violent")  # arson
        return _weapon_fire(t, w)
    if t.i >= 2 and t.nbor(-1).text == "-" and (
            p := w.hyphenated.get(f"{t.nbor(-2).lower_}-{t.lower_}")
            or w.hyphenated.get(f"{t.nbor(-2).lower_}-{lemma}")) is not None and (
            p.counts_as(pos)):
        return p  # "a sit-in", "pistol-whipped": the tokenizer's "sit", "-", "in"
    if t.pos_ == "VERB":
        if lemma in w.object_verbs:
            particle = "".join(f" {c.lower_}" for c in t.children if c.dep_ == "prt")
            for c in t.children:
                if c.dep_ in {"dobj", "nsubjpass"} and (p := w.object_triggers.get(
                        f"{lemma}{particle} {c.lemma_.lower()}")) is not None:
                    return p
        for c in (t.children if lemma in w.phrasal_verbs else ()):
            if c.dep_ not in {"prt", "prep", "advmod"}:  # "moved in": tagged an adverb
                continue
            if (p := w.phrasal.get(f"{lemma} {c.lower_}")) is not None and not (
                    # "called the attack cowardly in a statement": a preposition with its
                    # object is no particle
                    f"{lemma} {c.lower_}" in w.particle_phrasals
                    and any(g.dep_ == "pobj" for g in c.children)):
                return p
            for g in c.children:  # "took to the streets"
                if g.dep_ == "pobj" and (
                        p := w.phrasal.get(f"{lemma} {c.lower_} {g.lemma_.lower()}")) is not None:
                    return p
        if lemma in w.presence and (_protesters_do(t, w) or _present_to_protest(t, w)):
            return w.presence[lemma]
        if lemma in w.impact_verbs and (hit := _projectile_hits(t, w)) is not None:
            return hit
        if lemma in w.weapon_use_verbs and (used := _weapon_used(t, w)) is not None:
            return used
        if lemma in w.aircraft_verbs and any(
                c.dep_ == "dobj" and _military_object(c, w) for c in t.children):
            return Trigger(lemma, "ASSAULT", (), "VERB")  # "struck militant positions"
        if (lemma in w.impact_verbs or lemma in w.mine_contact) and _sets_off(t, w):
            return Trigger(lemma, "ASSAULT", ("explosives",), "VERB")
    if lemma == "fire" and t.pos_ == "VERB" and not _fires_at(t, w):
        return None
    trig = w.triggers.get(lemma)
    if trig is None or not trig.counts_as(pos):
        return None
    return trig


def _projectile_hits(t: Token, w: EventWords) -> Trigger | None:
    """ "Two rockets slammed into the airport", "grazed by a bullet": a projectile as the
    subject or the passive's agent of a verb of impact is an attack, with the
    projectile's mode."""
    agents = [g for c in t.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    for c in [*(_behind_dateline(x) for x in t.children), *agents]:
        if c.dep_ in {"nsubj", "pobj", "appos"} and (lemma := c.lemma_.lower()) in w.projectiles:
            mode = w.weapon_modes.get(lemma)
            return Trigger(t.lemma_.lower(), "ASSAULT", (mode,) if mode else (), "VERB")
        # "fighter jets struck rebel positions", "a drone hit a car": an aircraft that
        # strikes attacks from the air (not "the jet crashed": a verb of striking only)
        if c.dep_ in {"nsubj", "pobj", "appos"} and t.lemma_.lower() in w.aircraft_verbs and (
                (mode := w.aircraft.get(c.lemma_.lower())) is not None
                or (mode := w.weapon_modes.get(c.lemma_.lower()) if c.lemma_.lower() in
                    w.gun_systems else None) is not None
                or c.lemma_.lower() in w.armed_people) and any(
                x.dep_ in {"dobj", "nsubjpass"} for x in t.children):
            return Trigger(t.lemma_.lower(), "ASSAULT", (mode,) if mode else (), "VERB")
    return None


def new_patient(t: Token, w: EventWords) -> bool:
    """ "The killing of a journalist last week sparked protests": an act noun whose
    of-object is indefinite introduces whom it was done to, and with it the act (one told
    before would be "the killing of the journalist")."""
    return any(g.dep_ == "pobj" and any(
        d.dep_ == "det" and d.lower_ in w.indefinite_dets for d in g.children)
        for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def _behind_dateline(s: Token) -> Token:
    """ "KABUL, Afghanistan — A suicide bomber struck ...": the parser takes the dateline
    for the subject and hangs the real one off it as an apposition after the dash."""
    if s.dep_ != "nsubj":
        return s
    dash = next((c.i for c in s.children if c.dep_ == "punct" and c.text in _DASHES), None)
    if dash is None:
        return s
    return next((c for c in s.children if c.dep_ == "appos" and c.i > dash), s)


_DASHES = frozenset({"—", "–", "--", "-"})


def _military_object(o: Token, w: EventWords) -> bool:
    """ "militant positions", "Hezbollah targets", "the rebels' bases", "a hideout": a
    side's military site or unit (not "its sales targets", "a holiday camp")."""
    lemma = o.lemma_.lower() if o.lower_ not in w.military_objects else o.lower_
    if lemma not in w.military_objects:
        return False
    if lemma in w.military_only:
        return True
    return any(c.dep_ in {"compound", "amod", "poss", "nmod"} and (
        c.ent_type_ in {"NORP", "ORG"} or c.lemma_.lower() in w.sides
        or c.lower_ in w.sides) for c in o.children)


def _laid_explosive(t: Token, w: EventWords) -> bool:
    lemma = t.lemma_.lower()
    return lemma in w.laid or (lemma in w.laid_heads and any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in w.laid_modifiers
        for c in t.children))


def _sets_off(t: Token, w: EventWords) -> bool:
    """ "Their vehicle struck a landmine", "a boy stepped on a mine", "the convoy hit a
    roadside bomb": meeting an explosive laid to go off when touched is an attack by
    whoever laid it."""
    if t.lemma_.lower() in w.impact_verbs:
        return any(c.dep_ == "dobj" and _laid_explosive(c, w) for c in t.children)
    return any(c.dep_ in {"prep", "prt"} and c.lower_ in w.mine_preps and any(
        g.dep_ == "pobj" and _laid_explosive(g, w) for g in c.children) for c in t.children)


def _present_to_protest(t: Token, w: EventWords) -> bool:
    """Is the verb of presence done for a protest's purpose: "hundreds gathered outside
    the embassy to denounce the killing" (an infinitive of one of ``protest_purposes``,
    with the crowd as the verb's subject)?"""
    return any(c.dep_ == "nsubj" for c in t.children) and any(
        c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in w.protest_purposes
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in t.children)


def _protesters_do(t: Token, w: EventWords) -> bool:
    """Is the verb's subject protesters ("demonstrators gathered", "thousands of
    protesters filled the streets", "protesters are expected to gather": the subject of
    the verb it completes)?"""
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    if not subjects and t.dep_ == "xcomp":
        subjects = [c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    subj = subjects[0]
    if t.dep_ == "relcl" and subj.tag_ in {"WP", "WDT"}:
        subj = t.head  # "protesters who blocked the main road": who is the protesters
    # the subject itself, or what it counts: "thousands of protesters"
    return subj.lower_ in w.protesters or any(
        g.dep_ == "pobj" and g.lower_ in w.protesters for g in _pobj(subj, {"of"}))


# -- nouns that name no event of their own ------------------------------------------------------

_NAME_TYPES = frozenset({"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_SIDE_TYPES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
# verbs that report an occurrence of their subject or object, not a kind of deed
_EPISODIC_TAGS = frozenset({"VBD", "VBN"})


def _anchored(t: Token, w: EventWords) -> bool:
    """Is a bare plural ("attacks", "protests") tied to particular events: a number, a side
    ("Russian airstrikes", "IS attacks"), a place or cause ("protests over the vote",
    "shootings in the city"), a clause that tells one ("explosions that went off"), or a
    past verb that reports them ("protests erupted", "prompted airstrikes")?"""
    for c in t.children:
        if c.dep_ in {"nummod", "amod", "quantmod"} and (c.like_num or c.lower_ in w.quantity):
            return True
        if c.dep_ in {"amod", "compound", "nmod"} and (
            c.ent_type_ in _SIDE_TYPES or c.pos_ == "PROPN"
            or any(x.lower_.startswith(tuple(w.cause_affixes)) or x.lower_ in {"anti", "pro"}
                   for x in c.subtree)
        ):
            return True  # a side or a cause: "IS attacks", "anti-government protests"
        if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "between"} and any(
            g.dep_ == "pobj" for g in c.children
        ):
            # an agent, or the sides: "incursions by militants", "clashes between rival
            # youths"
            return True
        if c.dep_ == "prep" and c.lower_ in w.anchor_preps:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ in w.cause_preps and objs:
                return True  # a cause: "protests over the vote"
            if any(g.ent_type_ in _PLACE_TYPES | _SIDE_TYPES for g in objs):
                return True
            if any(g.lemma_.lower() in w.place_nouns and any(
                    d.dep_ in {"det", "poss"} and d.lower_ != "a" for d in g.children)
                    for g in objs):
                return True  # "protests across the country": the one the text is about
        if c.dep_ in {"relcl", "acl"} and c.tag_ in _EPISODIC_TAGS:
            return True
        if c.ent_type_ in {"DATE", "TIME"}:
            return True
    if (_requested(t, w) or _planned_protests(t, w)) and (
            got := trigger_of(t, w)) is not None and got.category == "PROTEST":
        return True  # "the opposition called for protests": the ones it announces
    head = t.head
    if t.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children):
        return True  # "there were protests": told as having taken place
    if t.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in w.collective:
        return True  # "a series of attacks", "a wave of arrests": a roll-up of acts
    if _spanned(t, w) is not t:
        return True  # "a week of drills", "three days of protests": the acts of that time
    if t.dep_ == "pobj" and head.dep_ in {"prep", "agent"} and head.lower_ in w.means_preps:
        verb = head.head
        # the means of a past deed ("soldiers were killed in rebel attacks", "hurt by
        # explosions"): the plural names the particular acts that did it, not kinds
        if verb.pos_ == "VERB" and verb.tag_ in _EPISODIC_TAGS and not any(
                c.dep_ == "neg" for c in verb.children):
            got = trigger_of(verb, w)
            if got is not None and got.category == "ASSAULT":
                return True
    return t.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.pos_ == "VERB" and (
        head.tag_ in _EPISODIC_TAGS
        or any(a.dep_ == "aux" and a.lower_ in {"has", "have", "had"} for a in head.children)
    ) and not any(c.dep_ == "neg" for c in head.children)


def _introduced(t: Token) -> bool:
    """ "There were protests in the city", "it was two car bombs that killed ...": an
    existential or a cleft brings the act in, it does not describe another."""
    head = t.head
    if any(c.dep_ == "expl" for c in head.children):
        return True
    return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children) and any(
        c.dep_ == "relcl" for c in t.children)


def _skip_noun(t: Token, w: EventWords) -> bool:
    """Nouns that do not introduce an event of their own."""
    if t.ent_type_ in _NAME_TYPES and t.ent_iob_ != "O":
        return t.ent_type_ != "EVENT"
    if t.dep_ == "oprd" and t.head.lemma_.lower() in w.holding_verbs:
        return False  # "took 30 people hostage": the taking is the act
    if t.dep_ == "oprd" or (t.dep_ == "attr" and not _introduced(t)):
        return True  # a predicate noun: "called it a terrorist attack", "it was an attack"
    dets = {c.lower_ for c in t.children if c.dep_ in {"det", "poss", "nummod"}}
    if t.tag_ == "NNS" and t.lower_ not in w.plural_only and not dets and not _anchored(t, w):
        return True  # generic plural: kinds of events
    if dets & w.kind_dets:
        return True  # "retaliate against any sanctions", "condemned every attack": no one act
    # "an assassination attempt", "a kidnap bid": the act tried names the attempt, which
    # happened; any other noun it modifies ("shooting victims") tells no act of its own
    return bool(t.dep_ == "compound") and t.head.lemma_.lower() not in w.attempt_heads


def _bare_plural(c: Token) -> bool:
    """A plural noun with no article, possessive or number: a kind ("people", "armed
    gangs"), not particular ones."""
    return c.tag_ == "NNS" and not any(g.dep_ in {"det", "poss", "nummod"} for g in c.children)


def _habit(t: Token, w: EventWords) -> bool:
    """A verb in the simple present with no object, no phrase and no helper, whose subject
    is a pronoun or a bare plural: a habit or a kind ("they both kill", "terrorists kill"),
    not an act (a headline's present, "Gunmen kill 12", has its object)."""
    if t.pos_ != "VERB" or t.tag_ not in {"VBP", "VBZ"}:
        return False
    dependents = tuple(t.children)
    objs = [c for c in dependents if c.dep_ == "dobj"]
    if objs and all(_bare_plural(o) for o in objs) and any(
            c.dep_ == "nsubj" and _bare_plural(c) for c in dependents) and not any(
            c.dep_ in {"aux", "auxpass"} or (
                (c.dep_ == "npadvmod" or c.ent_type_ in {"DATE", "TIME"})
                # ("every day" tells the habit; "on Monday" a day)
                and not any(d.lower_ in w.habit_quantifiers for d in c.subtree))
            for c in dependents):
        # "cartels kill people in turf wars": kinds of doers and kinds of victims (a
        # headline names its doers by number or place: "Gunmen kill 12", "Rebels kill
        # soldiers in Kidal" has its place)
        return not any(c.dep_ == "prep" and any(
            g.ent_type_ in {"GPE", "LOC", "FAC"} for g in c.children) for c in dependents)
    if any(c.dep_ in {"dobj", "nsubjpass", "prep", "agent", "aux", "auxpass", "npadvmod",
                      "ccomp", "xcomp", "advcl"} for c in dependents):
        return False
    return any(c.dep_ == "nsubj" and (c.tag_ == "PRP" or _bare_plural(c)) for c in dependents)


def _generic_clause(t: Token, w: EventWords) -> bool:
    """ "No war criminal who has killed ...", "Those who attack markets are our enemies": a
    relative clause on a generic subject, or on "those"/"anyone" with a present verb,
    talks about kinds of deeds, not events ("those who were wounded" are particular
    people). So does a present denial of a practice: "Russia denies targeting civilians"
    (a bare plural object, no time: not "denied shelling the village on Monday")."""
    if t.tag_ == "VBG" and t.dep_ in {"xcomp", "dobj", "pcomp"} and (
            t.head.tag_ in {"VBZ", "VBP"} and t.head.lemma_.lower() in w.denials) and any(
            c.dep_ == "dobj" and _bare_plural(c) for c in t.children) and not any(
            c.ent_type_ in {"DATE", "TIME"} or c.dep_ == "npadvmod" for c in t.subtree):
        return True
    cur = t
    for _ in range(6):
        subj = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj and any(c.lower_ in w.generic_dets for c in subj[0].children if c.dep_ == "det"):
            return True
        if cur.dep_ == "relcl":
            return any(c.lower_ in w.generic_dets for c in cur.head.children
                       if c.dep_ == "det") or (
                cur.head.lower_ in w.generic_heads and cur.tag_ in {"VBZ", "VBP"}) or (
                # "a region where armed gangs kidnap people for ransom": a present habit of
                # a kind of doer, told about a place or a time
                cur.tag_ == "VBP" and any(
                    c.dep_ == "nsubj" and _bare_plural(c) for c in cur.children))
        if cur.head.i == cur.i or cur.dep_ not in {"conj", "relcl"}:
            return False
        cur = cur.head
    return False


def _instrument(t: Token, w: EventWords) -> bool:
    """A weapon noun that is the subject or object of a violent verb names the means."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in w.weapon_modes:
        return False
    head = t.head
    got = trigger_of(head, w) if head.i != t.i and head.pos_ == "VERB" else None
    return (got is not None and got.category == "ASSAULT"
            and t.dep_ in {"nsubj", "dobj", "nsubjpass"})


def find_mentions(work: Work, res: Resources) -> None:
    w = event_words(res)
    sectors = arg_words(res).actors.sector_nouns
    doc = work.doc
    # every trigger is a verb or a noun (``trigger_of``): the other words are not visited;
    # nor those ``trigger_of`` turns away by their lemma alone (read from the arrays, each
    # lemma once: a Token and its strings for every verb and noun cost more)
    arr = doc.to_array([POS, LEMMA, ORTH])
    pos = arr[:, 0]
    lemmas, orths = arr[:, 1].tolist(), arr[:, 2].tolist()
    strings = doc.vocab.strings
    hyphen = strings["-"]
    known: dict[int, bool] = {}
    # (a verb whose own form is a noun trigger: "Fighting between troops and rebels
    # killed 14", the gerund the tagger calls a verb)
    known_form: dict[int, bool] = {}
    maybe = []
    for i in ((pos == VERB) | (pos == NOUN)).nonzero()[0].tolist():
        hit = known.get(lemmas[i])
        if hit is None:
            lemma = strings[lemmas[i]].lower()
            hit = known[lemmas[i]] = (lemma in w.trigger_lemmas or lemma == "strike"
                                      or lemma == "fire")
        if not hit and pos[i] == VERB:
            hit = known_form.get(orths[i])
            if hit is None:
                hit = known_form[orths[i]] = strings[orths[i]].lower() in w.trigger_lemmas
        if hit or (i >= 2 and orths[i - 1] == hyphen):
            maybe.append(i)
    modes_said: dict[int, list[str]] = {}
    for t in (doc[i] for i in maybe):
        trig = trigger_of(t, w)
        if trig is None:
            continue
        if t.pos_ == "NOUN" and _skip_noun(t, w):
            continue
        if t.pos_ == "VERB" and t.dep_ == "compound":
            continue  # "shooting victims": a noun's modifier the tagger took for a verb
        if t.pos_ == "VERB" and t.dep_ == "acl" and t.lemma_.lower() in w.aiming_verbs and (
                t.head.pos_ == "NOUN" and trigger_of(t.head, w) is not None):
            continue  # "raids targeted at rebel camps": the act noun's aim, no act of its own
        if trig.lemma == "ban" and _regulates(t, w):
            continue
        if trig.sense == "aim" and not any(
                c.dep_ == "dobj" and c.lemma_.lower() in w.aimed for c in t.children):
            continue  # "put the plan to a vote": no weapon held, no mention to build
        if _generic_clause(t, w) or _instrument(t, w):
            continue
        if t.i >= work.body_start and _habit(t, w):
            continue  # "They both steal. They both kill.": what kinds of people do
        m = Mention(trigger=t, category=trig.category, modes=set(trig.modes), sense=trig.sense)
        if t.pos_ == "NOUN":
            dets = [c for c in t.children if c.dep_ in {"det", "poss"}]
            m.anaphoric = any(c.lower_ in w.anaphoric_dets or c.dep_ == "poss" for c in dets) or (
                not dets and t.tag_ == "NN"
            )
        elif t.dep_ == "acl" and t.head.lower_ in w.people_demonstratives:
            m.anaphoric = True  # "among those detained" joins the detention told
        _arguments(work, res, w, m)
        if not m.actors and t.pos_ == "NOUN" and t.dep_ == "pobj" and (
                t.head.lower_ in w.deed_preps):
            # "the army later rescued 12 of them in a raid": an armed side (forces, armed
            # groups) that does a deed with an object in an act does that act (not "he died
            # in a raid": no deed; nor "residents found the bodies in the attack": no arms)
            verb = t.head.head
            if verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children):
                m.actors = [a for a in _args(work, res, w, [
                    c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"])
                    if a.sector in w.armed_sectors]
        if trig.lemma in w.object_triggers:  # "security was stepped up": part of the act
            thing = trig.lemma.rsplit(" ", 1)[-1]
            m.actors = [a for a in m.actors if a.head.lemma_.lower() != thing]
            # a newspaper or a station closed is a side all the same (it has a sector):
            # what the censorship was done to; so is a crowd charged (a blow is dealt to
            # its object; "claimed nine lives" names the dead, not whom)
            m.recipients = [a for a in m.recipients
                            if a.head.lemma_.lower() != thing or a.sector is not None
                            or "beat" in trig.modes]
            if not m.recipients and m.category == "SANCTION":
                # "severed ties with Qatar", "cut aid to Egypt", "imposed tariffs on China":
                # the ties or the aid are the act; the other side is whom it was done to
                preps = set(w.sanctioned_preps)
                m.recipients = _args(work, res, w, _pobj(t, preps) + [
                    g for c in t.children if c.lemma_.lower() == thing
                    and c.dep_ in {"dobj", "nsubjpass"} for g in _pobj(c, preps)])
        for a in list(m.actors):  # "a bomb killed": the bomb is the means, not an actor
            lemma = a.head.lemma_.lower()
            mode = w.weapon_modes.get(lemma)
            if mode and a.entity < 0 and lemma not in sectors:
                m.actors.remove(a)
                if m.category == "ASSAULT":
                    m.modes.add(mode)
        _modes_from_context(m, w, modes_said)
        _mood(m, w)
        counts = [n for c in t.children if c.dep_ == "nummod"
                  and (n := res.numbers.read_int(c.text)) is not None and n > 1
                  ] if t.tag_ == "NNS" else []
        if counts and not any(c.dep_ in {"det", "poss"} for c in t.children):
            # "five shootings", "27 attacks": a count of acts is a roll-up; "the two worst
            # explosions" picks out of a set told already, and stays what it was
            m.aggregate, m.acts_counted = True, counts[0]
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
    doc = c.doc  # (the tokens by index: a Span of them costs more than the check)
    return not any(t.text in {"—", "–", "--", "|"} or "\n" in t.text_with_ws
                   for t in (doc[k] for k in range(lo, hi)))


def _included(t: Token, w: EventWords) -> list[Token]:
    """ "12 people, including two police officers": the members named after a group."""
    out: list[Token] = []
    for c in t.children:
        if c.lower_ not in w.inclusion or c.i < t.i:
            continue
        if c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.pos_ == "VERB":
            out += [g for g in c.children if g.dep_ == "dobj"]
    return out


def side_args(work: Work, res: Resources, heads: list[Token]) -> list[Arg]:
    """The participants the given head words name, built as the events stage builds them
    (for a later stage that finds a side the parse left out)."""
    return _args(work, res, event_words(res), heads)


def _args(work: Work, res: Resources, w: EventWords, heads: list[Token]) -> list[Arg]:
    out: list[Arg] = []
    # each head's conjuncts read once (a walk of the parse each time)
    groups = [conjuncts(h) for h in heads]
    more = [m for g in groups for c in g for m in _included(c, w)]
    heads = [*heads, *more]
    groups += [conjuncts(m) for m in more]
    for h, group in zip(heads, groups, strict=True):
        for c in group:
            c = _reporter(c, w) or c
            # "the gunman, who was later arrested": a relative pronoun is its antecedent
            # ("which" stands for a thing: as a subject it names the means, not a side)
            if (c.tag_ in {"WP", "WDT"} and c.head.dep_ == "relcl" and c.head.head.i != c.i
                    and (c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.lower_ == "who")
                         or c.lower_ == "whom")):
                c = predicated_subject(c.head.head)
            if _aged(c, w):
                aged = make_arg(work, res, c)
                aged.tokens = list(c.doc[c.left_edge.i:c.i + 1])  # "the 19-year-old"
                out.append(aged)
                continue
            if not _participant_like(c, h):
                continue
            if (c.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} or _demonym(work, c)) and (
                    c.lower_ not in w.non_participants
                    # "a week after they were abducted": whom "they" stands for was
                    # abducted (the participants stage finds them, or drops it)
                    or (c.dep_ == "nsubjpass" and c.lower_ in w.plural_pronouns)):
                out.append(make_arg(work, res, c))
    return out


def _among_those(t: Token, w: EventWords) -> list[Token]:
    """ "A councillor was among those killed", "Among those arrested was the party's
    leader": who is among the people an act was done to is one of them (the subject of
    the verb the among-phrase hangs on)."""
    those = t.head
    if t.dep_ != "acl" or t.tag_ != "VBN" or those.lower_ not in w.people_demonstratives or (
            those.dep_ != "pobj" or those.head.lower_ != "among"):
        return []
    return children(those.head.head, {"nsubj"})


def _reporter(c: Token, w: EventWords) -> Token | None:
    """ "The army said it had killed 25 militants", "police said they arrested two men":
    "it" or "they" as the subject of a reported clause is the one who reports it, when
    the number agrees (a person would be "he" or "she")."""
    if c.lower_ not in w.reported_pronouns or c.dep_ not in {"nsubj", "nsubjpass"} or (
            c.head.dep_ != "ccomp") or trigger_of(c.head, w) is None:
        return None  # not "Jo Doe said it appears the man shot himself": "it" does nothing
    verb = c.head.head
    if verb.lemma_.lower() not in w.reporting_verbs:
        return None
    tags = {"NNS", "NNPS"} if c.lower_ in w.plural_pronouns else {"NN", "NNP"}
    for r in children(verb, {"nsubj"}):
        if r.tag_ in tags and r.lemma_.lower() not in w.person_nouns and (
                r.ent_type_ != "PERSON"):
            return r
    return None


def _aged(c: Token, w: EventWords) -> bool:
    """ "The 19-year-old was shot", "arrested a 17-year-old": an age said as a noun names a
    person (the tagger gives it as an adjective, the NER as a date)."""
    return c.pos_ == "ADJ" and c.lower_ in w.age_heads and c.dep_ in {
        "nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"} and any(
        x.lemma_.lower() in w.age_units and x.dep_ == "npadvmod" for x in c.children)


def _demonym(work: Work, c: Token) -> bool:
    """ "Turkish shelling", "Israeli raids": a nationality adjective names the side."""
    e = work.entity_at(c)
    return c.pos_ == "ADJ" and e >= 0 and work.entities[e].type == "NORP"


def _pobj(t: Token, preps: set[str]) -> list[Token]:
    return [
        g
        for c in t.children
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _result_of_act(t: Token, w: EventWords) -> Token | None:
    """A sentence-final result clause ("..., wounding 13 people") the parser hung off the
    main verb when an act verb stands between them ("Police are hunting a man who left a
    bomb that exploded on Friday, wounding 13 people"): the clause tells the result of the
    nearest act before it, the act verb closest to its left; None when the parser's head is
    itself an act or no act verb stands between."""
    if t.dep_ != "advcl" or t.tag_ != "VBG" or t.head.i > t.i:
        return None
    head = t.head
    if (got := trigger_of(head, w)) is not None and got.category == "ASSAULT":
        return None
    for x in reversed(t.doc[head.i + 1:t.i]):
        if x.pos_ == "VERB" and (got := trigger_of(x, w)) is not None and (
                got.category == "ASSAULT"):
            return x
    return None


def _headline_passive(t: Token, w: EventWords) -> bool:
    """ "General shot several times in stairwell": headline style drops "was"."""
    if t.tag_ not in {"VBD", "VBN"}:
        return False  # (before the dependents are walked)
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    return (
        (t.dep_ in {"ROOT", "acl"} or (t.dep_ in {"relcl", "ccomp"} and _unpunctuated(t)))
        and not any(c.dep_ in {"dobj", "aux", "agent"} for c in t.children)
        # "Gunmen shot and wounded a prosecutor": the object hangs off the conjoined verb
        and not any(c.dep_ == "dobj" for v in t.conjuncts for c in v.children)
        and bool(subjects)
        and (t.lemma_.lower() in w.headline_passives
             # "Police station attacked", "Embassy stormed": a building or a vehicle does
             # not attack, so the headline's subject is what was attacked
             or (_unpunctuated(t) and all(c.lemma_.lower() in w.inanimate for c in subjects)))
    )


def _unpunctuated(t: Token) -> bool:
    """A sentence that ends without a full stop is a headline ("Police: man shot near
    school"), where the parser often hangs the verb off the label before the colon."""
    last = t.sent[-1]
    while last.is_space and last.i > t.sent.start:
        last = last.doc[last.i - 1]
    return last.text not in {".", "!", "?", '"', "”", "'"}


def is_passive(t: Token, w: EventWords) -> bool:
    """Passive voice, including reduced passives; a conjoined verb ("shot and wounded")
    has its head's voice whatever its tag says."""
    dependents = tuple(t.children)  # read once: each read walks the parse
    if any(c.dep_ == "auxpass" for c in dependents):
        return True
    if (t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ == "VBN")) and (
        t.head.pos_ == "VERB"
    ) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in dependents):
        # "shot, injured near the park": a bare participle beside a passive is one too
        # ("identified the boy shot and killed": beside a participle said of the boy)
        return is_passive(t.head, w) or bool(_predicated_of(t.head, w))
    bare_participle = t.tag_ == "VBN" and not any(c.dep_ == "aux" for c in dependents)
    # (the tagger may read the gapped participle as a past tense: "his father critically
    # wounded" after "a teenager was killed")
    gapped = t.tag_ in {"VBN", "VBD"} and not any(c.dep_ == "aux" for c in dependents)
    if gapped and t.dep_ == "conj" and t.lemma_.lower() in w.headline_passives and (
            t.head.pos_ == "VERB" and not any(c.dep_ in {"dobj", "agent"} for c in dependents)
            and any(c.dep_ == "auxpass" for c in t.head.children)):
        # "one person was killed and another injured": the second clause leaves out the
        # "was" of the first, and is as passive as it
        return True
    if bare_participle and t.lemma_.lower() == "fire" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() not in w.fire_objects for c in dependents):
        # "A gunman fired at officers" (tagged as a participle): only shots are fired in a
        # headline's passive ("Shots fired at police"); a person fired is who shot
        return False
    if bare_participle and t.lemma_.lower() in w.headline_passives and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in w.victims for c in dependents):
        # "Victim seriously injured in ...": a victim is who it was done to, whatever the
        # parser makes of a headline run into the text after it
        return True
    if any(c.dep_ == "agent" for c in dependents) and not any(
            c.dep_ in {"dobj", "aux"} for c in dependents):
        return True  # the parser gives a by-phrase "agent" only in a passive: "X removed by police"
    if bare_participle and t.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in dependents) and (
            any(c.dep_ == "dobj" for c in dependents) or t.lemma_.lower() in w.mutual) and (
            not _unpunctuated(t)):  # a headline's passive drops "was": "Man slain after ..."
        # "An explosion at a market killed 20 people" (tagged as a participle): a clause
        # with its subject and its object is active; a passive has no object; and "clash"
        # or "fight" with a subject has no passive ("supporters clashed with police")
        return False
    if bare_participle and t.dep_ == "acl" and any(c.dep_ == "dobj" for c in dependents):
        # "Fighting between rival militias killed at least 12 people" (the participle hung
        # on the noun before it): a passive has no object; the noun did it
        return False
    return (bare_participle and t.dep_ in {"acl", "ROOT"}) or _headline_passive(t, w)


def _arguments(work: Work, res: Resources, w: EventWords, m: Mention) -> None:
    t = m.trigger
    spec = vocab.CATEGORY_SPECS[m.category]
    threatened: list[Token] = []
    targets: list[Token] = []  # "attacks on Western targets": what a threatened act aims at

    def args(heads: list[Token]) -> list[Arg]:
        return _args(work, res, w, heads)

    if t.pos_ == "VERB" and not _held_as(t, w) and not _gerund_noun(t, w):
        patient = _predicated_of(t, w)
        passive = bool(patient) or is_passive(t, w)
        subj = patient or children(t, {"nsubj", "nsubjpass"})
        # "Police: teen shot near park": the parser hangs the headline's subject off the
        # label as its apposition
        subj = [a for s_ in subj for a in (
            children(s_, {"appos"}) if _label(s_) and children(s_, {"appos"}) else [
                _behind_dateline(s_)])]
        if not subj and _asked(t, w):
            subj = children(t.head, {"dobj"})  # "urged supporters to boycott": they would
        among = [] if subj else _among_those(t, w)
        subj = subj or among
        act = _result_of_act(t, w) if not subj else None
        # "a bus ran over a mine, killing nine": what met the mine did no harm, so the
        # result clause takes no doer from it
        mined = not subj and _sets_off(act if act is not None else t.head, w) and (
            act is not None or t.dep_ in {"advcl", "conj", "xcomp"})
        if act is not None and not mined:
            # "... a bomb that exploded on Friday, wounding 13 people": what did the harm
            # is the subject of the act the result clause follows (a relative clause's
            # antecedent; a weapon is the means, no side), not the sentence's
            subj = children(act, {"nsubj"}) if act.dep_ != "relcl" else [act.head]
        elif not subj and not mined and t.dep_ in {"xcomp", "pcomp", "advcl", "acl", "conj"} and (
                not ((_bare_gerund(t) or _gerund_on_a_passive(t, w))
                     and m.category == "ASSAULT")):
            subj = subject_up(t, res)
        if not subj and not passive and not mined:
            subj = _continued_subject(t)
        # "pointed a gun at them": a weapon as object is the means; whom it is aimed at is the
        # recipient
        # forces sent "into the city", strikers "at the port": a place; only "against"
        # names a side there
        obj = [o for o in children(t, {"dobj"}) if not _means(o, w)] or _pobj(
            t, {"against"} if m.category in {"MOBILIZE", "PROTEST"} else
            {"at", "on", "upon", "into", "against", "with"}
        ) or [  # "pointed a rifle at them", the parser hanging "at them" on the weapon
            g for o in children(t, {"dobj"}) if _means(o, w)
            for g in _pobj(o, {"at", "against"})]
        if obj and obj[0].dep_ == "dobj":
            obj += stray_numbers(t, obj[0])  # "killed the mayor and two of his bodyguards"
        # "seized control of the town": what is controlled is what the act is done to
        obj = [g for o in obj for g in (
            _pobj(o, {"of"}) or [o] if o.lemma_.lower() in w.control_nouns else [o])]
        if m.category == "THREATEN":
            # "threatened more attacks on Western targets": the threatened act's target
            acts = [o for o in obj if o.pos_ == "NOUN" and trigger_of(o, w) is not None]
            threatened = targets = [g for o in acts for g in _pobj(o, {"on", "against"})]
            obj = [o for o in obj if o not in acts] + threatened
        if m.category == "THREATEN" and not obj:
            # "threatened to kill the hostages", "vowed to attack the capital": a threat is
            # aimed at whom or what the act it threatens would be done to
            obj = threatened = [o for x in children(t, {"xcomp"})
                                for o in children(x, {"dobj"}) if not _means(o, w)]
        if t.lemma_.lower() in w.driven_into and (into := _pobj(t, {"into"})):
            obj = into  # "rammed his car into the crowd": the car is the means
        # "were arrested, including ...": the members named belong to the patients
        incl = _included(t, w)
        if passive and m.category == "MOBILIZE" and not _pobj(t, {"by"}):
            m.actors = args(subj)  # "troops were deployed": the forces deployed are a side
        elif passive:
            m.recipients = args(subj + incl)
            if among:
                for a in m.recipients:
                    a.plural = True  # one of those killed: no count of one
            m.actors = args(_pobj(t, {"by"}) or _by_after_body_part(t, w)
                            or _shared_agent(t) or _fighting_sides(t, w))
            fired = children(t, {"nsubjpass"})
            if fired and all(_means(s_, w) or s_.lower_ in w.fire_objects for s_ in fired):
                # "shots were fired at the home of a politician", "a grenade was thrown at
                # a patrol": what was fired is the means; at whom it was fired, the recipient
                # (only the passive's own subject: "reports of shots fired at a store" or a
                # headline's "Gunman shot, killed at ..." name no act aimed at anyone)
                m.recipients = args(_pobj(t, {"at", "on", "upon", "into", "against"}) + incl)
        elif t.lemma_.lower() in w.mutual:
            # "supporters clashed with police": both sides fight, neither is done to
            m.actors = args(subj + _pobj(t, {"with", "against"}))
            m.recipients = []
        elif m.category == "ASSAULT" and _sets_off(t, w):
            # "their truck struck a landmine": who met the explosive is whom it hurt; who
            # laid it, the verb does not say
            m.recipients = args(subj)
        else:
            m.actors = args(subj)
            m.recipients = args(obj + incl if obj else obj)
        if "seize" in m.modes:
            # "seized a laptop from the reporter": property taken is taken from someone, who
            # is the one it was done to as much as the laptop is
            m.recipients += args(_pobj(t, {"from"}))
        if m.category == "ASSAULT" and not m.recipients:
            # "put a gun to the cashier's head": whose body the weapon is held to
            m.recipients = args([p for g in _pobj(t, {"to"}) if g.lemma_.lower() in w.body_parts
                                 for p in children(g, {"poss"})])
        if m.category == "SANCTION" and not m.recipients:
            m.recipients = args(_pobj(t, {"on", "against"}))
        owners = [p for o in obj for p in children(o, {"poss"}) if p.pos_ == "PROPN"] + [
            # "froze the assets of 11 officials": whose property it is
            p for o in obj if o.lemma_.lower() in w.assets or o.lower_ in w.assets
            for p in _pobj(o, {"of"})]
        if m.category == "SANCTION" and owners:
            # "froze Omar Haddad's assets": a measure on someone's property is on them
            m.recipients = args(owners)
    else:
        poss = children(t, {"poss"})
        by = _pobj(t, {"by"})
        # ("a state of emergency": the "of" object is part of the act's name)
        of = _pobj(t, {"of"}) if t.lemma_.lower() not in w.of_heads else []
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

        joined: list[Token] = []  # forces deployed, beside whoever deployed them
        held = _held_in(t) if m.category == "COERCE" else None
        if held is not None:  # "took the woman into custody", "a suspect is in custody"
            m.recipients, m.actors = args(held[0]), args(held[1])
        elif t.lemma_.lower() in w.mutual:  # "a gun battle with police": both sides act
            m.actors = args(by + norp + (_pobj(t, {"with", "between", "against"})
                                         or _onset_between(t, w)))
            m.recipients = args([p for p in poss if p.pos_ in {"PROPN", "PRON"}] + of)
        elif m.category in {"ASSAULT", "COERCE"}:
            doers, done_to = _possessors(work, res, poss, _patient_said(t, w), w,
                                         harm=m.category == "ASSAULT")
            m.actors = args(by + norp + doers)
            m.recipients = args(done_to + of + on)
            if t.dep_ in {"oprd", "dobj"} and t.head.lemma_.lower() in w.holding_verbs:
                # "took 30 people hostage", "held 12 passengers hostage": who took them
                # took them, and whom is the verb's other object
                m.actors = m.actors or args(children(t.head, {"nsubj"}))
                m.recipients = m.recipients or args(
                    [c for c in children(t.head, {"dobj", "nsubjpass"}) if c.i != t.i]
                    + [c for c in children(t, {"compound"}) if c.pos_ in {"NOUN", "PROPN"}])
            if (under := _come_under(t)) is not None:
                # "the convoy came under attack from militants": what came under it was
                # attacked, and "from" names who attacked
                m.actors = m.actors or args(_pobj(under, {"from"}) or frm)
                m.recipients = m.recipients or args(children(under, {"nsubj"}))
        elif m.category == "SANCTION":
            m.actors = args(frm + by + poss)
            m.recipients = args(on)
            gov = t.head if t.dep_ in {"dobj", "pobj"} else None
            if gov is not None and gov.dep_ == "prep":
                gov = gov.head
            if gov is not None:
                if gov.lemma_ == "be" or t.head.lower_ == "under":
                    m.recipients = m.recipients or args(children(gov, {"nsubj"}))
                else:
                    m.actors = m.actors or args(children(gov, {"nsubj"}))
                    m.recipients = m.recipients or args(_pobj(gov, {"on", "against"}))
                    if t.head.lower_ == "with":  # "hit 13 officials with sanctions"
                        m.recipients = m.recipients or args(children(gov, {"dobj"}))
        else:
            if m.category == "MOBILIZE":
                # "the deployment of 3,000 troops": the forces deployed are a side, not
                # whom the act is done to ("the deployment of missile defences": the means,
                # neither)
                joined, of = of, []
            m.actors = args(poss + by + between + norp)
            m.recipients = args(on + of)
        if (not m.recipients and m.category == "ASSAULT" and t.dep_ == "pobj"
                and t.head.lower_ in w.dying_preps and t.head.head.lemma_ in w.dying_verbs):
            # "the gunman died in a shootout with police": who died is who it was done to
            m.recipients = args(children(t.head.head, {"nsubj"}))
        if (not m.recipients and m.category == "ASSAULT" and t.dep_ in {"pobj", "pcomp"}
                and t.head.lower_ in w.dying_preps and (
                    _in_condition(t.head.head, w) or _harmed(t.head.head, w))):
            # "a man is in stable condition after a shooting", "Teen in critical condition
            # after shooting" (a headline's bare noun): who is in it is who was hurt
            hurt = t.head.head
            m.recipients = args(children(hurt, {"nsubj"}) if hurt.pos_ in {"VERB", "AUX"}
                                else [hurt])
        if not m.actors:
            hyphened = _hyphen_agent(t, w)
            m.actors = [a for a in args(_modifying_forces(t) + _done_by(t, w) + hyphened)
                        if a.sector in w.force_sectors or a.head.dep_ == "pobj"
                        or a.head in hyphened
                        # "a student protest": who protests is whoever it is named after
                        # ("a Denver rally" is named after where it is)
                        or (a.sector and m.category == "PROTEST" and not _place_named(work, a))
                        # "a government crackdown": the state coerces
                        or (a.sector in w.state_sectors and m.category == "COERCE")]
        asked = _spanned(t, w)
        if not m.actors and asked.dep_ == "pobj" and asked.head.lower_ == "for" and (
                asked.head.head.lemma_.lower() in w.request_nouns | w.decision_nouns):
            # "his call for a ban on ...", "the union's demand for a strike": who calls
            # for the act is its side (the call's owner; not whoever answers the call)
            m.actors = args(requester(asked.head.head))
        # "launched a series of attacks": the act gathered under a collective noun
        named = t.head.head if (t.dep_ == "pobj" and t.head.lower_ == "of"
                                and t.head.head.lemma_.lower() in w.collective) else t
        opener = _fire_opener(t, w) if t.lemma_.lower() == "fire" else None
        setter = _fire_setter(t, w) if t.lemma_.lower() == "fire" else None
        if opener is not None:
            # "gunmen opened fire on a bus": the verb's subject fires, at whom its "on" says
            m.recipients = m.recipients or args(_pobj(opener, set(w.fire_preps))) or args(
                _struck(opener, w))  # "opened fire and struck the suspect"
        elif setter is not None:
            # "set fire to a police station", "set a car on fire"
            burned = children(setter, {"dobj"}) if t.dep_ == "pobj" else _pobj(setter, {"to"})
            m.recipients = m.recipients or args(burned)
            m.actors = m.actors or args(children(setter, {"nsubj"}))
        if not m.actors and named.dep_ == "dobj" and (
            spec.agent_from_verb or named.head.lemma_.lower() in w.light_verbs
            or named.head.lemma_.lower() in w.fire_verbs
        ) and named.head.lemma_.lower() not in w.non_agents:
            m.actors = args(children(named.head, {"nsubj"}))  # "staged a protest"
            if not m.actors and named.head.dep_ in {"xcomp", "conj", "advcl"}:
                m.actors = args(subject_up(named.head, res))  # "vowed to launch an offensive"
        if not m.recipients and named.dep_ == "dobj" and is_passive(named.head, w):
            # "the elders were handed a warning", "was served a ban": the passive's subject receives
            # the act
            m.recipients = args(children(named.head, {"nsubjpass"}))
            m.actors = m.actors or args(_pobj(named.head, {"by"}))
        elif not m.actors and named.dep_ == "pobj" and named.head.lower_ == "on" and (
                named.head.head.lemma_.lower() in w.going_verbs):
            m.actors = args(children(named.head.head, {"nsubj"}))  # "workers went on strike"
        elif not m.actors and named.dep_ == "pobj" and named.head.lower_ == "with" and (
                named.head.head.lemma_.lower() in w.reaction_verbs):
            # "the army responded with air strikes": who answers does what it answers with
            m.actors = args(children(named.head.head, {"nsubj"}))
        elif not m.actors and m.category == "PROTEST" and (caller := _caller(t, w)):
            # "the union called for strikes": who calls a protest organises it
            m.actors = args(caller)
        elif not m.actors and m.category == "PROTEST" and named.dep_ == "pobj" and (
                named.head.lower_ == "in" and named.head.head.pos_ == "VERB"
                and not children(named, {"det", "poss"})):
            # "drivers blocked the motorway in protest": who did what was done in protest
            verb = named.head.head
            m.actors = args(children(verb, {"nsubj"}) or subject_up(verb, res))
        if joined:  # beside whoever announced the deployment (only forces or people)
            m.actors += [a for a in args(joined) if a.head.i not in {b.head.i for b in m.actors}
                         and (a.entity >= 0 or a.sector or a.head.pos_ in {"PRON", "PROPN"}
                              or a.head.lemma_.lower() in w.person_nouns)]
    if not m.recipients and m.category == "ASSAULT":
        # (a noun the tagger took for a verb, "airstrikes hit ...", is a subject all the same)
        m.recipients = args(_impact(t, w) or _survivors(t, w) or _aimed_at(t, w))
    if not m.recipients and m.category == "ASSAULT" and t.dep_ == "pobj" and (
            t.head.lower_ == "of" and t.head.head.lemma_.lower() in w.victims):
        # "the victim of a deadly shooting": whom the act was done to (told without the act)
        victim = t.head.head
        m.recipients = args([victim])
        for a in m.recipients:
            a.tokens = list(victim.doc[victim.left_edge.i:victim.i + 1])
    if m.category == "ASSAULT" and t.pos_ == "VERB":
        # "fired several shots at the car, striking a passenger": whom the shots hit
        m.recipients += [a for a in args(_struck(t, w))
                         if a.head.i not in {r.head.i for r in m.recipients}]
    if not spec.things:  # only people, groups and places accuse or meet
        m.recipients = [
            a for a in m.recipients if a.entity >= 0 or a.sector or a.head.pos_ == "PRON"
            or a.country is not None  # "sanctions against Iranian banks": a side
            # "threatened the shopkeeper": a person described is a person (an incident's
            # recipient, the codebook's "who it was done to"); a topic is not
            or (spec.incident and a.head.lemma_.lower() in w.person_nouns)
            or a.head in threatened
            # "the elders were handed a warning": whom the passive hands the act to
            or (a.head.dep_ == "nsubjpass" and t.dep_ == "dobj" and a.head.head.i == t.head.i)
        ]
        m.actors = [
            a for a in m.actors if a.entity >= 0 or a.sector or a.head.pos_ in {"PRON", "PROPN"}
            or a.head.lemma_.lower() in w.group_nouns  # "the group threatened to ..."
            # "a warning by the militia", "were handed a warning by X": the doer
            or (_agent_phrase(a.head) and a.head.head.head.i in {t.i, t.head.i})
        ]
    m.actors = [a for a in m.actors if a.head.i != t.i]
    m.recipients = [a for a in m.recipients if a.head.i != t.i]
    if not m.recipients and m.sense == "captive" and t.dep_ == "dobj" and (
            t.head.lemma_.lower() in w.holding_verbs):
        # "rebels are holding 12 hostages": the word of the act names whom it holds
        m.recipients = args([t])
    if m.actors and t.lemma_.lower() == "blow" and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
        # "a bomber blew himself up outside the academy": the bomber's own death is the
        # means, not whom the bombing was done to
        m.recipients = [a for a in m.recipients if a.head.lower_ not in w.reflexives]
    if m.category == "ASSAULT":
        # "an Israeli airstrike killed ...", "Saudi-led coalition warplanes bombed ...":
        # the act or the weapon is the means; the side it is told of did the act
        told = {x.i: a.head for a in m.actors if a.entity < 0 and a.head.pos_ == "NOUN" and (
            _act(a, w) or _means(a.head, w)) for x in _told_of(work, a.head, w)}
        for a in args([t.doc[i] for i in told]):
            if a.head.i not in {b.head.i for b in m.actors}:
                if t.doc[a.head.i + 1].text == "-":  # "Saudi-led coalition": up to the noun
                    a.tokens = list(t.doc[a.head.i:told[a.head.i].i])
                m.actors.append(a)
    # an act is done by people: "the strikes killed several children" names the means
    m.actors = [a for a in m.actors if _side(a, w) and not _act(a, w)]
    m.recipients = [a for a in m.recipients if _side(a, w)]
    if m.category != "ASSAULT":  # an attack on a rally hurts people; a ban on one does not
        # "protested Sweden's decision": whose decision it is is what the protest is against
        m.recipients = [
            r for a in m.recipients
            # (what a threatened act would be done to is its target: "attacks on targets")
            for r in ([a] if not _occasion(a, w) or a.head in targets
                      else args(_owners(work, a.head)))
        ]
    else:  # an act is done to people and things, never to another act ("the shooting
        # investigation", "bombings targeted at ...")
        m.recipients = [a for a in m.recipients if not _act(a, w)]


def _continued_subject(t: Token) -> list[Token]:
    """ "Officers searched the house on Elm St. and, as a result, seized a rifle": a finite
    verb with no subject in a sentence that opens with "and" or "but" goes on the sentence
    before it (often one an abbreviation's full stop cut off) and shares its subject."""
    sent = t.sent
    first = sent[0]
    if (t.dep_ != "ROOT" or t.tag_ not in {"VBD", "VBZ", "VBP"} or first.dep_ != "cc"
            or first.head.i != t.i or sent.start == 0):
        return []
    # the clause it goes on is the last one before it: the last verb with a subject
    for v in reversed(t.doc[sent.start - 1].sent):
        subj = [s for s in children(v, {"nsubj"}) if s.pos_ in {"NOUN", "PROPN"}]
        if v.pos_ == "VERB" and subj:
            return subj
    return []


def _possessors(work: Work, res: Resources, poss: list[Token], patient_said: bool,
                w: EventWords, harm: bool = False) -> tuple[list[Token], list[Token]]:
    """Whose act an act noun's possessor is, as (doers, done to). With the patient said
    after the noun ("Russia's bombing of Aleppo", "the militia's attack on the village"),
    the possessor did the act (a possessive pronoun is left to the verb's subject).
    Without it, a person or a pronoun is whom it was done to ("Jo Doe's murder", "his
    arrest"), as a named country is, a town only says where ("Kabul's worst bombing"); a
    known group or a force described did it ("the army's shelling",
    "Hamas's attack"). A person described, not named, is whom it was done to as well ("the
    judge's murder", "the suspect's arrest"), except the doer of an attack by name ("the
    gunman's rampage")."""
    # "Kabul's worst bombing": a town's act is the act in it
    poss = [p for p in poss if not _town(work, p)]
    if patient_said:
        # "Israel mounted its invasion of ...": a pronoun stands for a doer the sentence
        # names, whom the governing verb's subject gives
        return [p for p in poss if p.pos_ != "PRON"], []
    doers: list[Token] = []
    done_to: list[Token] = []
    for p in poss:
        e = work.entity_at(p)
        sector = make_arg(work, res, p).sector
        # a group the lexicon knows ("Hamas"), not any name the NER took for one
        if (e >= 0 and work.entities[e].type == "ORG" and sector is not None) or (
                e < 0 and p.pos_ == "NOUN" and sector in w.force_sectors):
            doers.append(p)
        elif p.pos_ in {"PROPN", "PRON"}:
            done_to.append(p)
        elif e < 0 and p.pos_ == "NOUN" and p.tag_ == "NN" and (
                lemma := p.lemma_.lower()) in w.person_nouns:
            (doers if lemma in w.perpetrators and harm else done_to).append(p)
    return doers, done_to


def _impact(t: Token, w: EventWords) -> list[Token]:
    """What an act or a weapon hit when it is the subject of a verb of impact: "an
    airstrike hit a school", "the bomb destroyed two buses", "the blast tore through a
    market"; whom it left dead, hurt or in a condition ("the attack left three people
    dead", "left a teenager in critical condition")."""
    verb = t.head
    if t.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in w.leaving:
        # "the attack left three people dead", "left 12 people injured"
        return _left_harmed(verb, w)
    if t.pos_ == "VERB":
        # "a car bomb exploded outside a hotel, leaving five people dead": the clause
        # tells whom the act itself left so
        return [o for c in t.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                and c.lemma_.lower() in w.leaving for o in _left_harmed(c, w)]
    if t.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in w.impact_verbs:
        return []
    if verb.lemma_.lower() in w.impact_through:
        return _pobj(verb, {"through"})
    return children(verb, {"dobj"})


def _struck(t: Token, w: EventWords) -> list[Token]:
    """ "opened fire and struck the suspect", "fired shots at the car, striking a
    passenger": the object of a verb of impact joined to the shooting or told as its
    result."""
    verbs = [v for v in t.conjuncts if v.i > t.i] + [
        c for c in t.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > t.i]
    return [o for v in verbs if v.lemma_.lower() in w.struck_verbs
            and not children(v, {"nsubj", "nsubjpass"}) for o in children(v, {"dobj"})]


def _survivors(t: Token, w: EventWords) -> list[Token]:
    """ "The governor survived an assassination attempt", "the minister escaped an
    ambush": who survives an attack is whom it was aimed at."""
    act = t.head if t.dep_ == "compound" and t.head.lemma_.lower() in w.attempt_heads else t
    if act.dep_ != "dobj" or act.head.lemma_.lower() not in w.surviving_verbs:
        return []
    return children(act.head, {"nsubj", "nsubjpass"})


def _aimed_at(t: Token, w: EventWords) -> list[Token]:
    """ "a rocket attack aimed at the embassy", "the bombing was aimed at a convoy", "an
    attack targeting pilgrims": whom an act is aimed at is whom it was done to; so is the
    one said to be its target or victim ("the minister was the target of an attack")."""
    act = t.head if t.dep_ == "compound" and t.head.lemma_.lower() in w.attempt_heads else t
    verbs = [c for c in act.children if c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"}]
    if act.dep_ == "nsubjpass":
        verbs.append(act.head)
    verbs = [v for v in verbs if v.lemma_.lower() in w.aiming_verbs]
    out = [g for v in verbs for g in _pobj(v, {"at", "against"})] + [
        o for v in verbs if v.tag_ == "VBG" for o in children(v, {"dobj"})]
    said = act.head.head if act.dep_ == "pobj" and act.head.lower_ == "of" else None
    if not out and said is not None and said.lemma_.lower() in w.target_nouns and (
            said.dep_ == "attr" and said.head.lemma_ == "be"):
        out = children(said.head, {"nsubj"})
    return out


def _left_harmed(verb: Token, w: EventWords) -> list[Token]:
    """The objects of "leave" said to be in a state of harm ("left three people dead",
    "left a teenager in critical condition"); none otherwise ("left the scene")."""
    objs = children(verb, {"dobj"})
    states = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp"}] + [
        c for o in objs for c in o.children if c.dep_ in {"acl", "amod"}]
    return objs if any(x.lower_ in w.harm_states for x in states) or (
        _in_condition(verb, w) or any(_in_condition(o, w) for o in objs)) else []


def _place_named(work: Work, a: Arg) -> bool:
    """Is the side a place the NER names (a town, a country, a region)?"""
    return a.entity >= 0 and work.entities[a.entity].type in _PLACE_TYPES


def _town(work: Work, t: Token) -> bool:
    e = work.entity_at(t)
    geo = work.entities[e].geo if e >= 0 else None
    return geo is not None and geo.feature in {"city", "county"}


def _patient_said(t: Token, w: EventWords) -> bool:
    """An act noun says whom it was done to after it: "the bombing of Aleppo", "an attack
    on the village", "the crackdown against students"; not "the shooting on Elm Street"
    or "the killing on Friday", "the city's first homicide of 2016" (where and when) nor
    "an attack with knives" (the means)."""
    return any(g.ent_type_ not in _NOT_PARTICIPANTS and g.lemma_.lower() not in w.areas
               for g in _pobj(t, {"of", "on", "against", "upon"}))


def _agent_phrase(t: Token) -> bool:
    """The object of an agent's "by" ("attacked by X", "a protest by X")."""
    return t.dep_ == "pobj" and t.head.lower_ == "by"


def _modifying_forces(t: Token) -> list[Token]:
    """Nouns and names modifying an act noun ("a Taliban assault", "a police raid"): the
    caller keeps those of an armed or state force."""
    return [c for c in t.children if c.dep_ in {"compound", "amod"} and c.i < t.i
            and c.pos_ in {"NOUN", "PROPN"}]


def _bare_gerund(t: Token) -> bool:
    """ "Police seek witnesses after shooting": a gerund of an act that takes an object,
    after a preposition with none, names the act as a noun would; the sentence's subject
    did not do it ("arrested after shooting a guard" has its object, and its doer)."""
    return t.tag_ == "VBG" and t.dep_ == "pcomp" and not any(
        c.dep_ in {"dobj", "nsubj", "nsubjpass", "poss"} for c in t.children)


def _gerund_on_a_passive(t: Token, w: EventWords) -> bool:
    """ "Man wounded in Eastside shooting": the parser can make the headline's act noun a
    gerund on the passive; a bare gerund (no object, no phrase, no "while") hung on a
    passive names the act the subject suffered, not one the subject did."""
    return t.tag_ == "VBG" and t.dep_ == "advcl" and not any(
        c.dep_ in {"dobj", "nsubj", "nsubjpass", "prep", "mark", "aux", "advmod", "prt",
                   "ccomp", "xcomp"} for c in t.children) and is_passive(t.head, w)


def _done_by(t: Token, w: EventWords) -> list[Token]:
    """ "a protest organized by X", "the attack, carried out by X": the agent of a light
    verb's participle on the act noun did the act; so does the agent of the light verb the
    act noun is the passive subject of ("the attack was carried out by X")."""
    verbs = [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if t.dep_ == "nsubjpass":
        verbs.append(t.head)
    return [g for c in verbs if c.lemma_.lower() in w.light_verbs for g in _pobj(c, {"by"})]


def _told_of(work: Work, t: Token, w: EventWords) -> list[Token]:
    """The side an act or a weapon is told of: a nationality, a state or a group the
    lexicon knows modifying it ("an Israeli airstrike", "a Hamas rocket"), or the agent
    of its hyphenated participle ("Saudi-led coalition warplanes")."""
    out = []
    for c in t.children:
        e = work.entity_at(c)
        if c.dep_ in {"amod", "compound"} and c.i < t.i and e >= 0 and (
                work.entities[e].type in {"NORP", "GPE"} or (
                    work.entities[e].type == "ORG" and work.entities[e].sector is not None)):
            out.append(c)
    return out + _hyphen_agent(t, w)


def _shared_agent(t: Token) -> list[Token]:
    """ "was punched and kicked by two men": coordinated passive participles share the
    by-phrase said after the last of them, when nothing of the first stands between them
    ("was arrested on suspicion of murder and questioned by detectives": the detectives
    only questioned)."""
    return [g for v in t.conjuncts if v.i > t.i and v.tag_ == "VBN" and not children(
        v, {"nsubj", "nsubjpass"}) and all(
            x.dep_ in {"cc", "punct", "advmod"} for x in t.doc[t.i + 1:v.i])
            for g in _pobj(v, {"by"})]


def _fighting_sides(t: Token, w: EventWords) -> list[Token]:
    """ "40 people were killed in fighting between the army and rebels": who was killed
    in a fight was killed by its sides."""
    return [s_ for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
            for g in children(c, {"pobj"}) if g.lemma_.lower() in w.mutual
            for s_ in _pobj(g, {"between"})]


def _by_after_body_part(t: Token, w: EventWords) -> list[Token]:
    """ "was shot in the back by a police officer": the parser hangs the by-phrase on the
    body part, but a body part is not done by anyone; the agent is the passive verb's."""
    return [g for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
            for b in children(c, {"pobj"}) if b.lemma_.lower() in w.body_parts
            for g in _pobj(b, {"by"})]


def _hyphen_agent(t: Token, w: EventWords) -> list[Token]:
    """ "a union-called strike", "a Kenyan-led offensive": the word joined by a hyphen
    to an agent's participle modifying the act noun did the act."""
    doc = t.doc
    out = []
    for c in t.children:
        if c.dep_ != "amod" or c.tag_ != "VBN" or c.lemma_.lower() not in w.hyphen_agents:
            continue
        if c.i >= 2 and doc[c.i - 1].text == "-" and not doc[c.i - 2].whitespace_:
            g = doc[c.i - 2]
            if g.pos_ in {"NOUN", "PROPN", "ADJ"} and (g.head.i == c.i or g.head.i == t.i):
                out.append(g)
    return out


def _predicated_of(t: Token, w: EventWords) -> list[Token]:
    """ "was found shot", "found him shot dead", "wanted the man killed": a bare past
    participle that predicates of another verb's subject or object is passive, and that
    noun is its patient (its own subject, else the governing verb's object, else the
    governing verb's passive subject)."""
    # "They found Jo Marsh shot to death", "identified the boy shot and killed" (tagged as
    # a past tense): after a verb of finding or naming, an act with no object of its own
    # is the participle, said of whom it finds or names
    found = t.tag_ == "VBD" and t.head.lemma_.lower() in w.predicating_verbs
    if (
        (t.tag_ != "VBN" and not found)
        or t.dep_ not in {"xcomp", "oprd", "ccomp"}
        or t.head.pos_ not in {"VERB", "AUX"}
        or any(c.dep_ in {"aux", "auxpass", "dobj", "nsubjpass"} for c in t.children)
    ):
        return []
    return (children(t, {"nsubj"}) or children(t.head, {"dobj"})
            or children(t.head, {"nsubjpass"}))


def _held_in(t: Token) -> tuple[list[Token], list[Token]] | None:
    """A state of being held ("in custody", "into detention", "under arrest"): who is in it
    and who put them there. The verb the phrase hangs off says it: its object is the one
    held and its subject the force ("police took the woman into custody"); with no object,
    its subject is the one held ("a suspect is in custody", "was taken into custody")."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in {"in", "into", "under"}:
        return None
    gov = prep.head
    if gov.dep_ == "dobj" and gov.pos_ in {"NOUN", "PROPN"}:
        # "placed the ousted leader under house arrest": the parser hangs the state on
        # the object
        return [gov], children(gov.head, {"nsubj"})
    if gov.pos_ not in {"VERB", "AUX"}:
        return None
    obj = children(gov, {"dobj"})
    if obj:
        return obj, children(gov, {"nsubj"})
    return children(gov, {"nsubjpass", "nsubj"}), []


def _side(a: Arg, w: EventWords) -> bool:
    """Can this argument be a side of an act at all? Not a label that opens a headline
    ("Police: man shot near school" says who tells it), not the means ("detonated 20
    bombs", "seized two rifles"), not a stretch of town ("the east side", "the 1000
    block") nor a named street."""
    return not _label(a.head) and not (a.entity < 0 and (_means(a.head, w) or _area(a, w))) and (
        not _street(a, w))


def _street(a: Arg, w: EventWords) -> bool:
    """A named street ("South Laflin Street", "Elm St."), whatever the NER took it for."""
    h = a.head
    return h.pos_ == "PROPN" and (h.lower_ in w.street_heads or (
        h.lower_ in w.compass_streets and (first := next(
            (x for x in h.subtree if x.dep_ == "compound"), None)) is not None
        and first.lower_ in w.compass))


def _act(a: Arg, w: EventWords) -> bool:
    """An unnamed participant that is itself an act ("the strikes", "a Taliban assault")."""
    # read as a trigger is, in context ("a drone strike"; "station" is an act only as a
    # verb), and "the strikes" too
    # "threatened to kill the hostages": a person, whatever act names them; "a grenade
    # thrown at a police patrol": the people on it
    head = a.head
    if a.entity < 0 and head.lemma_.lower() in w.collective:
        # "a wave of bombings", "a series of car bombs": the acts the noun gathers
        head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), head)
    return a.entity < 0 and head.pos_ == "NOUN" and (
        head.lemma_.lower() not in w.person_nouns and head.lemma_.lower() not in w.crews) and (
        ((trig := trigger_of(head, w)) is not None and trig.sense != "captive")
        or head.lemma_.lower() == "strike")


def _label(t: Token) -> bool:
    """The words before a colon that opens a sentence ("Police: ...", "UPDATE: ...")."""
    nxt = t.i + 1
    return nxt < len(t.doc) and t.doc[nxt].text == ":" and t.i - t.sent.start <= 2


def _owners(work: Work, t: Token) -> list[Token]:
    """Who an occasion belongs to: its possessor ("Sweden's decision") or a named modifier
    ("Israeli military policies", "the Kenyan election")."""
    out = []
    for c in t.children:
        e = work.entity_at(c)
        if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and e >= 0 and (
                work.entities[e].type in {"GPE", "NORP", "ORG", "PERSON"})):
            out.append(c)
    return out


def _means(t: Token, w: EventWords) -> bool:
    # "fired dozens of rockets at the town", "a barrage of rockets"
    t = _counted(t, w, t.lower_ in w.fire_objects)
    lemma = t.lemma_.lower()
    return (lemma in w.weapon_modes and lemma not in w.armed_people) or lemma in w.instruments


def _area(a: Arg, w: EventWords) -> bool:
    return a.head.pos_ == "NOUN" and a.head.lemma_.lower() in w.areas


def _occasion(a: Arg, w: EventWords) -> bool:
    """An occasion or an act ("the election", "public gatherings", "protests") is what an
    act is about, not a side of it; a named one ("the Republican National Convention") is
    the same."""
    lemma = a.head.lemma_.lower()
    return a.head.pos_ in {"NOUN", "PROPN"} and lemma not in w.person_nouns and (
        lemma in w.occasions or (lemma in w.triggers and a.entity < 0
                                 and w.triggers[lemma].sense != "captive")
    )


def _modes_from_context(m: Mention, w: EventWords,
                        said: dict[int, list[str]] | None = None) -> None:
    """``said``: the weapon modes named in each sentence (by its first token), in the
    word list's order, kept by the caller for one article (mentions share sentences)."""
    t = m.trigger
    if m.category != "ASSAULT":
        return
    sent = t.sent
    named = said.get(sent.start) if said is not None else None
    if named is None:
        window = span_words(sent)  # (read once per article: senses reads them too)
        text = " ".join(low for _i, low, _lemma in window)
        # the sentence's words and lemmas as a set: one walk, not one per weapon word
        words = {low for _i, low, _lemma in window} | {lemma for _i, _low, lemma in window}
        named = [mode for word, mode in w.weapon_modes.items()
                 if (" " in word and word in text) or word in words]
        if said is not None:
            said[sent.start] = named
    for mode in named:
        if mode == "firearms" and "explosives" in m.modes:
            continue
        m.modes.add(mode)


# -- mood ------------------------------------------------------------------------------------


def _governors(t: Token) -> list[Token]:
    out: list[Token] = []
    cur = t
    while cur.head.i != cur.i and len(out) < 6:
        cur = cur.head
        out.append(cur)
    return out


def _proposed(t: Token, w: EventWords, scope: list[Token] | None = None) -> bool:
    """A measure proposed, not adopted: "the proposed ban", "a bill to impose sanctions
    on Iran", "a resolution to deploy troops"."""
    if t.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in w.proposed
                                for c in t.children):
        return True
    if t.dep_ == "dobj" and t.head.lemma_.lower() in w.proposing_verbs:
        return True  # "proposing a temporary ban"
    if t.pos_ == "VERB" and any(c.lower_ == "whether" and c.dep_ in {"mark", "advmod"}
                                for c in t.children) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        # "divided on whether to deport them": a choice still open ("whether the guard was
        # shot inside or outside" asks where, not whether)
        return True
    top = ([t, *(_scope(t) if scope is None else scope)])[-1]
    if top.dep_ == "pcomp" and top.head.lower_ == "of" and (
            top.head.head.lemma_.lower() in w.proposal_nouns):
        return True  # "a platform of deporting asylum seekers"
    return top.dep_ in {"acl", "relcl"} and top.head.lemma_.lower() in w.proposal_nouns and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in top.children)


def _going_to(v: Token) -> bool:
    """ "are going to attack", "is going to get killed": the near future of "be going to"
    with an infinitive (not "going to the market")."""
    return v.pos_ == "VERB" and v.dep_ == "xcomp" and v.head.lower_ == "going" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in v.head.children)


def _modal_happening(t: Token, w: EventWords) -> bool:
    """Is the act noun the subject of a verb that says it happens, under a modal ("an
    attack could happen", "the assassination might have to be carried out"; not "the
    attack was carried out", nor "the attack could have killed more": a verb of result)?"""
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    chain = [t.head]
    while chain[-1].dep_ == "xcomp" or any(c.dep_ == "xcomp" for c in chain[-1].children):
        nxt = next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)
        if nxt is None or len(chain) > 3:
            break
        chain.append(nxt)
    if chain[-1].lemma_.lower() not in w.carry_out:
        return False
    return any(c.dep_ == "aux" and c.lower_ in w.modals for v in chain for c in v.children)


def _noun_infinitive(v: Token) -> bool:
    """Is the verb an infinitive that completes a noun ("a plan to deport")?"""
    return v.dep_ == "acl" and v.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _requested_by_noun(t: Token, w: EventWords, scope: list[Token] | None = None) -> bool:
    """ "Her call to ban street vendors", "calls for banning vendors": an act asked
    for by a request's noun (a protest called for is planned: the caller's concern)."""
    chain = [t, *(_scope(t) if scope is None else scope)]
    top = chain[-1]
    if top.dep_ in {"acl", "relcl"} and top.head.lemma_.lower() in w.request_nouns:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)
    for v in chain:
        # "condemned his repeated calls to ban all foreign students": the parser may hang
        # the infinitive on the verb; its "to" right after the verb's request noun is the
        # noun's all the same
        to = [c for c in v.children if c.dep_ == "aux" and c.lower_ == "to"]
        if v.dep_ == "advcl" and to and any(
                c.dep_ == "dobj" and c.i == to[0].i - 1 and c.lemma_.lower() in w.request_nouns
                for c in v.head.children):
            return True
    return top.dep_ == "pcomp" and top.head.lower_ == "for" and (
        top.head.head.lemma_.lower() in w.request_nouns)


def _scope(t: Token) -> list[Token]:
    """The verbs whose modals and intentions reach the trigger: for a noun, the verb it is
    the object of; from there up through coordinated verbs and verb complements
    ("could include indicting X and imposing sanctions": imposing, indicting, include) and
    infinitives of purpose ("planned to bring in supporters to stage a protest")."""
    out: list[Token] = []
    cur = t
    if t.pos_ == "NOUN":
        if t.dep_ != "dobj" or t.head.pos_ not in {"VERB", "AUX"}:
            return out
        cur = t.head
        out.append(cur)
    for _ in range(4):
        if (cur.dep_ not in {"conj", "xcomp"} and not _purpose(cur)) or cur.head.pos_ not in {
                "VERB", "AUX"}:
            break
        if cur.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
            break  # a clause of its own: "police fired and protesters may have thrown"
        cur = cur.head
        out.append(cur)
    return out


def _weighed(t: Token, w: EventWords) -> bool:
    """ "The government is considering sanctions", "did not rule out airstrikes", "the
    curfew has never been ruled out", "is weighing imposing a curfew": an act
    that is the object of a verb of weighing a possibility (``events.weighing_verbs``)
    is only possible, whether the verb is negated or not (ruling an act out says it was
    possible and will not be done; not ruling it out says it may be)."""
    node = t
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.dep_ in {
            "xcomp", "ccomp"}:
        node = t.head  # "considering imposing a curfew": the verb whose object it is
    if not ((node.pos_ == "NOUN" and node.dep_ in {"dobj", "nsubjpass"})
            or (node.pos_ == "VERB" and node.dep_ in {"xcomp", "ccomp"})):
        return False
    verb = node.head
    if verb.pos_ not in {"VERB", "AUX"} or any(
            c.dep_ in {"oprd", "ccomp", "xcomp", "attr"} and c.i != node.i for c in verb.children):
        return False  # "considered the shooting an act of terror": a judgement
    lemma = verb.lemma_.lower()
    if lemma in w.weighing_verbs:
        return True
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return any(v == lemma and p in particles for v, p in w.weighing_particle_verbs)


def _purpose(t: Token) -> bool:
    """ "(planned to bring in supporters) to stage a protest": an infinitive of purpose
    says what the act above it is for, so what is planned or possible there reaches it."""
    return t.dep_ == "advcl" and t.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _clause_governor(chain: list[Token]) -> Token | None:
    """The word that governs the clause the trigger is told in ("fear that the army
    will deport them", "denied that its soldiers had entered", "denied shelling the town"):
    the first complement clause on the way up decides."""
    for node in chain:
        if node.dep_ in {"ccomp", "xcomp"} or (
            node.dep_ == "acl" and any(c.dep_ == "mark" for c in node.children)
        ):
            return node.head
    return None


def _mood(m: Mention, w: EventWords) -> None:
    """What the mention's own words say: negated, conditional, possible, future, hedged,
    or many acts (aggregate). The status stage turns this into the event's status."""
    t = m.trigger
    dependents = tuple(t.children)  # read once: each read walks the parse, makes new Tokens
    kids = {c.lower_ for c in dependents if c.dep_ in {"neg", "det"}}
    if kids & w.negators or (t.pos_ == "NOUN" and "no" in kids):
        m.mood = "negated"
    aux = {c.lower_ for c in dependents if c.dep_ in {"aux", "auxpass"}}
    if t.dep_ == "conj" and t.pos_ == "VERB" and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in dependents
    ):  # "should be hanged and burned": the first verb's modal governs both
        aux |= {c.lower_ for c in t.head.children if c.dep_ in {"aux", "auxpass"}}
    chain = [t, *_governors(t)]
    # conditional: inside an if/unless clause
    for node in chain:
        if node.dep_ == "advcl" and any(
            c.lower_ in w.conditional_marks for c in node.children if c.dep_ == "mark"
        ):
            if not m.anaphoric:
                m.mood = "hypothetical"
            break
    # ... and the clause an "if" clause is the condition of: "if the talks fail, the army
    # will attack the town" (what follows from a condition is not told as done); a threat's
    # condition is what it threatens on ("threatened to kill the hostages if ..."): the threat
    # itself was made
    if m.mood == "asserted" and t.pos_ == "VERB" and not m.anaphoric and (
            m.category != "THREATEN") and any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in w.conditional_marks
                                      for g in c.children) for c in t.children):
        m.mood = "hypothetical"
    said = _alleged(t, w)
    if said and m.mood == "asserted":
        m.mood = said
    # "threatened on Sunday to attack": an infinitive the parser hung off as an adverbial
    # clause is the head's complement all the same
    intent = _complement(t) and t.head.lemma_ in w.intent_heads
    intent_head = t.head if intent else None
    if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.lemma_ in w.intent_heads:
        intent, intent_head = True, t.head.head  # "threatened the firm with sanctions"
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_ == "threaten":
        intent, intent_head = True, t.head  # "the union threatened a nationwide strike"
    # a modal or an intention scopes over the verbs it governs and their objects: "could
    # include ... imposing sanctions", "planned to stage a protest"
    scope = _scope(t)  # (read once: the rules below all climb the same verbs)
    for verb in scope:
        aux |= {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if intent_head is None and _complement(verb) and (
                verb.head.lemma_ in w.intent_heads or verb.head.lower_ in w.schedule_heads):
            intent_head = verb.head  # (or "was due to address a rally": on the calendar)
    if intent_head is None:
        # "the senator's plan to deport migrants": an intention's noun and its infinitive
        intent_head = next((v.head for v in [t, *scope] if _noun_infinitive(v) and (
            v.head.lemma_.lower() in w.intent_nouns)), None)
    if m.mood in {"asserted", "future"} and _proposed(t, w, scope):
        m.mood = "hypothetical"  # "a bill to impose sanctions", "the proposed ban"
    if m.mood in {"asserted", "future"} and m.category != "PROTEST" and _requested_by_noun(
            t, w, scope):
        m.mood = "hypothetical"  # "the senator's call to ban street vendors"
    if aux & w.modals and m.mood == "asserted":
        m.mood = "future" if _future_in_past(t, aux, w) else "hypothetical"
    if aux & w.future and m.mood == "asserted":
        m.mood = "future"
    if m.mood == "asserted" and any(_going_to(v) for v in [t, *scope]):
        m.mood = "future"  # "rebels are going to attack the town"
    if intent_head is not None and (intent or m.mood == "asserted"):
        m.mood = "future" if intent_head.lemma_ != "threaten" and not (
            intent_head.lemma_ in w.promise_heads and m.category != "PROTEST") else "hypothetical"
    if m.mood in {"asserted", "future"} and any(
            (_complement(v) or (v.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in v.children)))
            and v.head.lemma_ in w.desire_heads for v in [t, *scope]):
        # "would like to punch the reporter", "wants weapons to murder us": wished, not done
        m.mood = "hypothetical"
    if m.mood in {"asserted", "future"} and t.pos_ == "NOUN" and _called_off(t, w):
        m.mood = "negated"  # "the opposition called off Friday's protest": not held
    if m.mood == "asserted" and t.dep_ == "pcomp" and t.head.lower_ == "of" and (
            t.head.head.lower_ in w.exception_heads):
        m.mood = "hypothetical"  # "anything short of shooting them": excepted, not done
    if m.mood == "asserted" and t.pos_ == "NOUN" and _modal_happening(t, w):
        m.mood = "hypothetical"  # "the assassination might have to be carried out"
    if m.mood == "asserted" and t.pos_ == "NOUN" and _planned_ahead(t, w):
        m.mood = "future"  # "the march planned for Saturday", "the upcoming rally"
    if m.mood == "asserted" and t.pos_ == "NOUN" and t.dep_ == "dobj" and not m.anaphoric and (
            not any(c.dep_ == "relcl" and c.tag_ == "VBD" for c in t.children)):
        # "the cell had planned more attacks", "were plotting a bombing": a new act that a
        # side plans or schemes is one not done (yet); "planned the attack", pointing back
        # at an act told, may name one that was, and so does one its own clause tells as
        # done ("planned a protest that drew thousands")
        planner = t.head.lemma_.lower()
        if planner in w.plot_heads:
            m.mood = "hypothetical"
        elif planner in w.planning_verbs:
            m.mood = "future"
    # (a noun through the verb it is the object of: "before he could open fire")
    doing = t if t.pos_ == "VERB" else (t.head if t.dep_ == "dobj" else None)
    if m.mood in {"asserted", "future", "hypothetical"} and doing is not None and any(
            c.dep_ == "mark" and c.lower_ in w.forestalled_marks for c in doing.children) and any(
            c.dep_ == "aux" and c.lower_ in w.ability_modals for c in doing.children):
        m.mood = "negated"  # "shot dead before he could detonate his vest": not done
    schemed = _schemed_by(t, w)
    if m.mood in {"asserted", "future"} and schemed is not None and (
            schemed.lemma_.lower() in w.plot_heads):
        m.mood = "hypothetical"  # "plotted to bomb the embassy", "a plot to kill"
    # (an attempt thwarted was made: "an attempt to kill the governor was thwarted" is an
    # attempted assassination, which happened)
    if m.mood in {"asserted", "future", "hypothetical"} and _prevented(schemed or t, w) and (
            schemed is None or schemed.lemma_.lower() not in w.attempt_heads):
        m.mood = "negated"  # "foiled a plot to kill the president", "thwarted an attack"
    governor = _clause_governor(chain)
    governing = governor.lemma_.lower() if governor is not None else ""
    if m.mood in {"asserted", "future"} and (
        any(c.dep_ == "advmod" and c.lower_ in w.possibility_adverbs for c in dependents)
        or governing in w.fear_words
    ):
        m.mood = "hypothetical"
    if m.mood in {"asserted", "future", "negated"} and _weighed(t, w):
        m.mood = "hypothetical"  # "is considering sanctions", "never ruled out"
    # a protest is announced by calling on people to hold it: what organisers call for or
    # urge is planned (future); any other act asked for is only wished (hypothetical)
    called: Status = "future" if m.category == "PROTEST" else "hypothetical"
    if m.mood in {"asserted", "future"} and (_asked(t, w) or (
            # "urged supporters to join protests" (not "to join the protests" going on)
            t.pos_ == "NOUN" and t.dep_ == "dobj" and _requested(t, w) and not any(
                c.dep_ in {"det", "poss"} and c.lower_ != "a" for c in t.children))):
        m.mood = called  # "urging students to take to the streets"
    if m.mood == "asserted" and governing in w.denials and not m.anaphoric:
        m.mood = "negated"  # "the ministry denied its soldiers had shelled the town"
    # "calls for an immediate ceasefire": the object of a request (or the stretch of time
    # that counts it: "called for three days of protests")
    spanned = _spanned(t, w)
    asked = chain if spanned is t else [spanned, *_governors(spanned)]
    for i, node in enumerate(asked[:3]):
        if node.lower_ in w.request_heads or (
            node.lemma_ in w.request_lemmas and node.pos_ == "NOUN"
        ) or (  # "the opposition called for more protests"
            node.pos_ == "VERB" and node.lemma_ in w.request_lemmas and i > 0
            and asked[i - 1].dep_ == "prep" and asked[i - 1].lower_ == "for"
            # (not "officers were called to the motel for five shootings": summoned)
            and not any(c.dep_ in {"auxpass", "dobj", "nsubjpass"} for c in node.children)
        ):
            if m.trigger.pos_ == "NOUN" and m.mood in {"asserted", "future"}:
                m.mood = called
            break
    # generic relative clauses: "No war criminal who has killed ..."
    for node in chain:
        if node.dep_ == "relcl":
            if node.lemma_.lower() in w.perception:
                break  # "any witnesses who saw a shooting": that shooting happened
            if any(c.lower_ in w.generic_dets for c in node.head.children if c.dep_ == "det") \
                    or (node.head.lower_ in w.generic_heads and node.tag_ in {"VBZ", "VBP"}):
                # "those who attack markets" (a kind of deed, in the present; "those who
                # were wounded" are particular people)
                m.mood = "hypothetical"
            break
    # aggregate: quantified plural participants or a frequency adverb
    # (a perfect infinitive is no tally over a period: "five people were said to have
    # been killed" puts one act before the saying)
    perfect = aux & {"has", "have", "had"} and t.tag_ == "VBN" and "to" not in aux
    # a period the count runs over: "since January", "over the past week", and for a
    # perfect "by the end of the year" (a count of people alone, "two suspects have been
    # arrested", is the size of one act)
    preps = w.period_preps | ({"by"} if perfect else set())
    since = any(c.dep_ == "prep" and c.lower_ in preps and (c.lower_ == "since" or any(
        g.ent_type_ in {"DATE", "TIME"} or g.lemma_.lower() in w.period_nouns
        for g in c.children if g.dep_ == "pobj")) for c in dependents) or any(
        # "in recent weeks", "since the protests began"
        (c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in w.period_nouns and any(
                a.dep_ == "amod" and a.lower_ in w.period_adjectives for a in g.children)
            for g in c.children))
        or (c.dep_ == "advcl" and any(x.dep_ == "mark" and x.lower_ == "since"
                                      for x in c.children))
        # and for a perfect, the period a count has run over up to now: "have killed more
        # than 200 this year", "so far this month"
        or (perfect and c.dep_ == "npadvmod" and c.lemma_.lower() in w.period_nouns
            and any(d.dep_ == "det" and d.lower_ == "this" for d in c.children))
        for c in dependents)
    # "496 had been killed by the end of the year": a count of many acts over a period
    counted = [a.head for a in m.recipients if a.plural and a.quantified] + [
        c for c in dependents if c.dep_ in {"nsubjpass", "dobj"} and c.like_num
        and (n := c.text.replace(",", "")).isdigit() and int(n) > 1]
    # (a count of troops deployed or of people sanctioned is the size of one act; so, in a
    # perfect, are the people of one act, "two suspects have been arrested", where
    # things hit are many acts, "the gang has attacked several shops")
    if counted and (since or (perfect and not all(_people(h, w) for h in counted))) and (
            m.category in {"ASSAULT", "COERCE"}):
        m.aggregate = True
    if any(c.lower_ in w.aggregate_adverbs for c in dependents):
        m.aggregate = True
    if t.tag_ == "NNS" and t.dep_ == "pobj" and t.head.lower_ == "of" and (
        t.head.head.lemma_.lower() in w.collective
    ):
        m.aggregate = True  # "a series of attacks across the country"
    if t.lower_ == "reported" or any(
        node.lemma_ in w.hedge_participles and node.tag_ == "VBN" for node in chain[:3]
    ):
        m.hedged = True
    if any(c.lower_ in w.hedge_adverbs for c in dependents):
        m.hedged = True


def _in_condition(x: Token, w: EventWords) -> bool:
    """Is the word said to be "in <some> condition"?"""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in w.condition_nouns for g in c.children)
        for c in x.children)


def _harmed(x: Token, w: EventWords) -> bool:
    """Is "be" said with a state of harm ("a man is dead after a shooting")?"""
    return x.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in w.harm_states for c in x.children)


def _regulates(t: Token, w: EventWords) -> bool:
    """Is what the ban is on a transaction or a product ("a ban on the sale of SIM cards",
    "banned the import of cars", "an assault weapons ban")?"""
    banned = [c for c in t.children if c.dep_ == "dobj"] + _pobj(t, {"on"})
    if t.dep_ == "dobj":  # "imposed a ban on the sale of ...": "on" hangs off the verb
        banned += _pobj(t.head, {"on"})
    if not banned and t.pos_ == "NOUN":  # "a gun ban": the noun's compound is what it bans
        banned = [c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1]
    return bool(banned) and all(
        b.lemma_.lower() in w.regulated or any(x.lemma_.lower() in w.regulated
                                               for x in _pobj(b, {"of"}))
        for b in banned)


def _people(h: Token, w: EventWords) -> bool:
    """Does a counted phrase count people ("two suspects", "dozens of party members",
    "40 Afghans")?"""
    if h.ent_type_ in {"PERSON", "NORP"} or h.lemma_.lower() in w.people_nouns or (
            h.lower_ in w.people_nouns):
        return True
    return any(g.dep_ == "pobj" and (g.lemma_.lower() in w.people_nouns or g.lower_ in
                                     w.people_nouns or g.ent_type_ in {"PERSON", "NORP"})
               for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children)


def _schemed_by(t: Token, w: EventWords) -> Token | None:
    """The word of planning, plotting or trying whose infinitive the act is: "plotted to
    bomb" (the verb's complement), "a plot to kill", "an attempt to blow up" (the noun's
    infinitive)."""
    heads = w.plot_heads | w.intent_heads | w.attempt_heads
    if t.pos_ != "VERB":
        return None
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    if t.head.lemma_.lower() in heads and (
            _complement(t) or (t.dep_ == "acl" and t.head.pos_ == "NOUN" and to)):
        return t.head
    if to and t.dep_ in {"advcl", "xcomp"}:
        # "foiled a plot to kill": the parser may hang the noun's infinitive on the verb
        return next((c for c in t.head.children if c.dep_ == "dobj" and c.i == t.i - 2
                     and c.lemma_.lower() in heads), None)
    return None


def _prevented(x: Token, w: EventWords) -> bool:
    """Is the act (or the plot or attempt it is the aim of) the object of a verb of
    prevention: "thwarted an attack", "the plot was foiled"?"""
    return x.dep_ in {"dobj", "nsubjpass"} and x.head.lemma_.lower() in w.prevention_verbs


def _complement(t: Token) -> bool:
    """Is the verb its head's complement: "planned to attack" (xcomp), or an infinitive the
    parser hung off as an adverbial clause ("threatened on Sunday to attack")?"""
    return t.dep_ == "xcomp" or (t.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children))


def _planned_ahead(t: Token, w: EventWords) -> bool:
    """Is the act noun planned ahead: "the march planned for Saturday", "a strike called
    for Monday", "the upcoming rally", "the opposition plans another march"?"""
    head = t.head
    if t.dep_ == "dobj" and head.lemma_.lower() in w.intent_heads and (
            head.lemma_.lower() != "threaten") and head.tag_ in {"VBZ", "VBP"}:
        return True  # planned now, so still ahead ("planned a march" may have been held)
    if t.dep_ == "dobj" and head.lemma_.lower() in w.plan_participles and any(
            _for_a_day(p) for x in (t, head) for p in x.children):
        return True  # "the union has called a strike for Friday", "set a rally for May 1"
    for c in t.children:
        if c.dep_ == "amod" and c.lower_ in w.ahead_modifiers:
            return True
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in w.plan_participles and any(
                _for_a_day(p) for p in c.children):
            return True
    return False


def _called_off(t: Token, w: EventWords) -> bool:
    """Is a planned act called off: "called off Friday's protest", "the strike planned for
    Monday was cancelled", "scrapped the upcoming rally"? (One already under way and then
    called off, "called off the strike after two days", was held: only a planned one, by
    its day or its plan, is said not to happen.)"""
    if t.dep_ not in {"dobj", "nsubjpass"}:
        return False
    verb = t.head
    particle = "".join(f" {c.lower_}" for c in verb.children if c.dep_ == "prt")
    if f"{verb.lemma_.lower()}{particle}" not in w.cancel_verbs:
        return False
    return _planned_ahead(t, w) or any(
        c.dep_ == "poss" and c.ent_type_ in {"DATE", "TIME"} for c in t.children)


def _for_a_day(p: Token) -> bool:
    """ "for Saturday": a day, not a span ("planned for months")."""
    return p.dep_ == "prep" and p.lower_ == "for" and any(
        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} and g.tag_ != "NNS"
        for g in p.children)


def inherit_mood(work: Work) -> None:
    """A participle clause shares its governing event's mood ("targeted officers ...,
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
    inherit_mood(work)


STAGE = Stage(
    name="events",
    run=run,
    summary="triggers from the trigger lexicon (verbs and nouns, PLOVER category, modes, "
    "sense class); actors and recipients from the parse (active, passive, headline passive, "
    "participles inheriting the clause subject); generic plurals (unless tied to a side, a "
    "place, a cause or a time), predicate nouns, generic relative clauses and instruments "
    "skipped; each mention's mood (negation, conditionals, modals, future, what is "
    "considered or ruled out, a planned act called off) and aggregates; a weapon used on "
    "someone is an attack (crowd-control weapons on a crowd: a dispersal)",
    reads=("doc", "entities"),
    writes=("mentions",),
    needs=("gazetteer", "lexicon", "numbers"),
    prepare=event_words,
)


__all__ = ["STAGE", "EventWords", "event_words", "is_passive", "run", "side_args", "trigger_of"]
