"""Within-article event coreference: mentions of one event become one event.

"Moscow shooting" (headline), "shot several times" (standfirst), "was shot ... on Friday",
"the shooting", "the attack" are one ASSAULT. Two mentions join when the category
matches and nothing they state conflicts: status, dates, places, named participants.
Anaphoric nouns ("the attack") join the nearest compatible event before them, or after
them when none precedes (headlines come first)."""

from __future__ import annotations

from spacy.tokens import Token

from ... import vocab
from ..resources import Resources
from ..stage import Stage
from ..work import Arg, Mention, Work, WorkEvent
from .events import EventWords, event_words
from .status import mention_status

_FAMILY = {"ASSAULT": "ASSAULT"}


def _named(args: list[Arg]) -> set[int]:
    return {a.entity for a in args if a.entity >= 0}


def _compatible(work: Work, a: Mention, ev: WorkEvent) -> bool:
    if a.category != ev.category:
        return False
    a_status, b_status = mention_status(a, work.published), ev.mood
    if a_status != b_status and not a.anaphoric:
        return False
    if a.aggregate != ev.aggregate or (a.aggregate and not a.anaphoric):
        return False
    weapons = {
        "firearms",
        "explosives",
        "unconventional",
        "heavy-weapons",
        "aerial",
        "drone",
        "primitive",
    }
    mine_w, theirs_w = a.modes & weapons, ev.modes & weapons
    if mine_w and theirs_w and not (mine_w & theirs_w):
        return False
    times = {d for k in ev.mentions if (t := work.mentions[k].time) and (d := t.date)}
    my_date = a.time.date if a.time is not None else None
    if my_date and times and not any(t.startswith(my_date) or my_date.startswith(t) for t in times):
        return False
    if my_date and times and a_status != b_status:
        return False
    a_act, e_act = _named(a.actors), _named(ev.actors)
    if a_act and e_act and not (a_act & e_act) and _kinds(work, a_act) == _kinds(work, e_act):
        return False
    a_rec, e_rec = _named(a.recipients), _named(ev.recipients)
    if a_rec and e_rec and not (a_rec & e_rec):
        return False
    places = {work.entity_at(t) for k in ev.mentions for t in work.mentions[k].place_tokens}
    mine = {work.entity_at(t) for t in a.place_tokens}
    if places and mine and not (places & mine):
        ca = {work.entities[e].country for e in mine}
        cb = {work.entities[e].country for e in places}
        if not (ca & cb):
            return False
    return True


def _new_referent(m: Mention, w: EventWords) -> bool:
    """An indefinite noun with its own participants or its own predicate ("after a Taliban
    assault left two soldiers dead") introduces an act other than the ones its sentence
    tells; a bare one ("hurt after a shooting") may be the same act, and in a later
    sentence any may re-tell one ("a bomb went off in New York", said a candidate)."""
    t = m.trigger
    if t.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ in w.indefinite_dets for c in t.children
    ):
        return False
    return bool(m.actors or m.recipients) or t.dep_ in {"nsubj", "nsubjpass"}


def _means_of(noun: Token, verb: Token, w: EventWords) -> bool:
    """ "injured by an explosion", "killed in an attack": the noun is how the verb's act
    happened, the same act told twice."""
    prep = noun.head
    return noun.dep_ == "pobj" and (prep.lower_ in w.means_preps or prep.dep_ == "agent") and (
        prep.head.i == verb.i
    )


def _kinds(work: Work, ents: set[int]) -> set[str]:
    return {work.entities[e].type for e in ents}


def _absorb(work: Work, ev: WorkEvent, k: int, m: Mention) -> None:
    ev.mentions.append(k)
    ev.modes |= m.modes
    if m.anaphoric:  # "the latest attack on security officials" adds no new victims
        m_actors = [a for a in m.actors if a.entity >= 0]
        m_recipients = [a for a in m.recipients if a.entity >= 0]
    else:
        m_actors, m_recipients = m.actors, m.recipients
    for arg in m_actors:
        if arg.entity < 0 or arg.entity not in _named(ev.actors):
            ev.actors.append(arg)
    for arg in m_recipients:
        if arg.entity < 0 or arg.entity not in _named(ev.recipients):
            ev.recipients.append(arg)
    status = mention_status(m, work.published)
    if ev.mood != status and ev.mood == "hypothetical":
        ev.mood = status
    m.event = -2  # set by caller


def _score(m: Mention) -> tuple[int, int, int]:
    """How well a mention represents its event: arguments, a verb, a date."""
    return (
        len(m.actors) + len(m.recipients) + (m.time is not None) + bool(m.place_tokens),
        m.trigger.pos_ == "VERB",
        -m.trigger.i,
    )


def run(work: Work, res: Resources) -> None:
    w = event_words(res)
    # dated mentions anchor events first, then undated ones, then anaphora ("the attack"),
    # then what may only join an event told elsewhere ("charged with murder")
    order = sorted(
        range(len(work.mentions)),
        key=lambda k: (
            work.mentions[k].only_joins,
            work.mentions[k].anaphoric or work.mentions[k].legal,
            work.mentions[k].time is None,
            work.mentions[k].trigger.i,
        ),
    )
    for k in order:
        m = work.mentions[k]
        target = -1
        candidates = [e for e, ev in enumerate(work.events) if _compatible(work, m, ev)]
        if _new_referent(m, w):  # "..., after a Taliban assault left ...": another act
            candidates = [e for e in candidates if not any(
                work.mentions[j].trigger.sent.start == m.trigger.sent.start
                and not _means_of(m.trigger, work.mentions[j].trigger, w)
                for j in work.events[e].mentions)]
        if m.only_joins and not candidates:
            continue  # nothing told that it could name: no event of its own
        if candidates:
            demonstrative = any(
                c.lower_ in w.demonstratives
                for c in m.trigger.children
                if c.dep_ in {"det", "amod"}
            )
            if m.anaphoric and demonstrative:
                before = [
                    e
                    for e in candidates
                    if min(work.mentions[j].trigger.i for j in work.events[e].mentions)
                    < m.trigger.i
                ]
                target = (
                    max(
                        before,
                        key=lambda e: max(
                            work.mentions[j].trigger.i
                            for j in work.events[e].mentions
                            if work.mentions[j].trigger.i < m.trigger.i
                        ),
                    )
                    if before
                    else candidates[0]
                )
            elif m.anaphoric or m.only_joins or m.legal:
                # the salient event: asserted first, then the most reported, then nearest
                def salience(e: int, here: int = m.trigger.i) -> tuple[bool, int, int]:
                    ev = work.events[e]
                    first = min(work.mentions[j].trigger.i for j in ev.mentions)
                    return (ev.mood == "asserted", len(ev.mentions), -abs(first - here))

                target = max(candidates, key=salience)
            elif vocab.CATEGORY_SPECS[m.category].joins_earlier:
                before = [
                    e
                    for e in candidates
                    if min(work.mentions[j].trigger.i for j in work.events[e].mentions)
                    < m.trigger.i
                ]
                target = before[-1] if before else candidates[0]
            if (
                target < 0
                and m.trigger.sent == work.mentions[work.events[candidates[-1]].main].trigger.sent
            ):
                target = candidates[-1]
        if target < 0:
            work.events.append(
                WorkEvent(
                    mentions=[k],
                    category=m.category,
                    modes=set(m.modes),
                    mood=mention_status(m, work.published),
                    aggregate=m.aggregate,
                    main=k,
                    actors=list(m.actors),
                    recipients=list(m.recipients),
                )
            )
            m.event = len(work.events) - 1
            continue
        ev = work.events[target]
        _absorb(work, ev, k, m)
        m.event = target
        if _score(m) > _score(work.mentions[ev.main]):
            ev.main = k
    _tidy_participants(work)


def _tidy_participants(work: Work) -> None:
    """A merged event names its victim once: when a named person is among the recipients,
    unnamed singular person descriptions ("a top military official") and pronouns are
    the same person said another way."""
    for ev in work.events:
        for attr in ("actors", "recipients"):
            args: list[Arg] = getattr(ev, attr)
            named = [a for a in args if a.entity >= 0 and work.entities[a.entity].type == "PERSON"]
            if len(named) == 1 and attr == "recipients":
                args = [a for a in args if a.entity >= 0 or a.plural]
            seen: set[int] = set()
            lemmas: set[str] = set()
            kept: list[Arg] = []
            for a in args:
                if a.entity >= 0:
                    if a.entity in seen:
                        continue
                    seen.add(a.entity)
                else:  # "Police commander" / "a senior police commander"; "Gunmen" twice
                    lemma = a.head.lemma_.lower()
                    if lemma in lemmas:
                        continue
                    lemmas.add(lemma)
                kept.append(a)
            # prefer the named mention's text over a pronoun for the same entity
            kept.sort(key=lambda a: a.head.i)
            setattr(ev, attr, kept)


STAGE = Stage(
    name="merge",
    run=run,
    summary="mentions of one event become one event: same category and no conflict in "
    "status, date, named participants, place country or weapon; definite nouns (\"the "
    "attack\") join the salient event, demonstratives (\"that attack\") the nearest",
    reads=("published", "entities", "mentions", "mentions.time", "mentions.place"),
    writes=("events", "mentions.event"),
    needs=("lexicon",),
    prepare=event_words,
)
