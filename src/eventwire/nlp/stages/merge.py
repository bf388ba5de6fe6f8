"""Within-article event coreference: mentions of one event become one event.

"Moscow shooting" (headline), "shot several times" (standfirst), "was shot ... on Friday",
"the shooting", "the attack" are one ASSAULT. Two mentions join when the category
matches and nothing they state conflicts: status, dates, places, named participants.
Anaphoric nouns ("the attack") join the nearest compatible event before them, or after
them when none precedes (headlines come first)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from ... import vocab
from ...geo.distance import SphereGrid, haversine_km
from ...geo.gazetteer import GeoMatch
from ...model import Time
from ...timex.lexicon import MONTHS, WEEKDAYS
from ..resources import Resources
from ..spans import apposition
from ..stage import Stage
from ..work import Arg, Mention, Work, WorkEvent
from .events import EventWords, event_words, new_patient
from .status import mention_status
from .times import attached_to, tokens_of

_FAMILY = {"ASSAULT": "ASSAULT"}
# acts done by one side to another (a meeting or a talk is between both)
_ONE_WAY = frozenset({"ASSAULT", "COERCE"})


def _named(args: list[Arg]) -> set[int]:
    return {a.entity for a in args if a.entity >= 0}


def _doers(args: list[Arg], doers: frozenset[str]) -> bool:
    """Is one of these participants told as the doer of an act ("the gunman", "the
    suspect", "one of the suspects")?"""
    return any(_doer(a.head, doers) for a in args)


def _doer(h: Token, doers: frozenset[str]) -> bool:
    if h.lemma_.lower() in doers or h.lower_ in doers:
        return True
    g = _who(h)
    return g is not h and (g.lemma_.lower() in doers or g.lower_ in doers)


def _who(h: Token) -> Token:
    """The noun that says who a participant is: "one of the suspects", "two of the
    attackers" are told by their of-object; any other by its head."""
    if h.like_num or h.lower_ == "one":
        return next((g for c in h.children if c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"), h)
    return h


def _turned_on_doer(work: Work, a: Mention, ev: WorkEvent, w: EventWords) -> bool:
    """Is one of the two done, later, to whoever did the other ("five were killed in the
    attack" and "the gunman was shot dead by police two days later"; "police later shot
    one of the suspects")? Such an act answers the other, and is another act. Told without
    "later", it may be the same encounter (police firing back at a gunman), one record.
    (An arrest is always of a suspect: this is for acts of force.)"""
    doers = w.doer_nouns
    # "Rebels ambushed a convoy ..." and "the army killed 12 rebels the next day": those
    # the earlier act's doers are called by, done to later, is the answer to it
    # (whichever of the two was taken first)
    if _told_later(a.trigger, w) and _called_alike(a.recipients, ev.actors):
        return True
    if _called_alike(ev.recipients, a.actors) and any(
            _told_later(work.mentions[k].trigger, w) for k in ev.mentions):
        return True
    if _doers(a.recipients, doers) and not _doers(a.actors, doers):
        return _told_later(a.trigger, w) and (
            (bool(ev.recipients) and not _doers(ev.recipients, doers))
            or _doers(ev.actors, doers))
    # the event told first is the one done to the doer: the mention must name the people
    # it was done to (an event that took in "two suspects killed" from a headline naming
    # both acts may still take "shooting at my work")
    return _doers(ev.recipients, doers) and not _doers(ev.actors, doers) and any(
        _told_later(work.mentions[k].trigger, w) for k in ev.mentions) and any(
        (a_.entity >= 0 and a_.sector is None and a_.head.ent_type_ == "PERSON")
        or a_.head.lemma_.lower() in w.people_nouns or a_.quantified
        for a_ in a.recipients) and not _doers(a.recipients, doers)


def _called_alike(done_to: list[Arg], doers: list[Arg]) -> bool:
    """Do the two name a side by the same common noun ("rebels" and "Rebels", "two of the
    gunmen" and "Gunmen")?"""
    return bool(_nouns(done_to) & _nouns(doers))


def _fires_back(t: Token, w: EventWords) -> bool:
    """ "Officers returned fire", "the guard shot back": an answer within one exchange."""
    return (t.dep_ == "dobj" and t.head.lemma_.lower() in w.answer_fire_verbs) or any(
        c.dep_ in {"prt", "advmod"} and c.lower_ in w.answer_fire_particles
        for c in t.children)


def _nouns(args: list[Arg]) -> set[str]:
    return {h.lemma_.lower() for a in args if (h := _who(a.head)).pos_ == "NOUN"}


def _time_words(t: Token, w: EventWords) -> Iterator[Token]:
    """The words that may tell when the act was done: the trigger's dependents, and its
    means' (the parse may hang the time there: "killed five in a raid the next day")."""
    yield from t.children
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in w.means_preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    yield from g.children


def _next_day(c: Token, w: EventWords) -> bool:
    """ "the next day", "the following morning"."""
    return c.dep_ == "npadvmod" and c.lower_ in w.next_day_units and any(
        d.dep_ == "amod" and d.lower_ in w.next_day_words for d in c.children)


def _told_later(t: Token, w: EventWords) -> bool:
    """ "Police later shot ...", "was shot dead two days later", "killed 12 rebels the
    next day": the act followed what was told before it."""
    return any((c.dep_ == "advmod" and c.lower_ in w.sequel) or _next_day(c, w)
               for c in _time_words(t, w))


def _told_apart(t: Token, w: EventWords) -> bool:
    """Is the act told as done a stated time away from the one told before it ("hours
    later", "the next day", "minutes earlier", "two days before")? ("Subsequently" or a bare
    "later" may only order the steps of one act: "they found him armed and he was later
    shot".)"""
    return any(
        (c.dep_ == "advmod" and (c.lower_ in w.sequel or c.lower_ in w.prequel) and any(
            d.dep_ == "npadvmod" and d.lower_ in w.gap_units for d in c.children))
        or _next_day(c, w) for c in _time_words(t, w))


def _other_speakers(mine: list[Arg], theirs: list[Arg]) -> bool:
    """Are both told with who did them, none the same (by name or word) and of no common
    sector?"""
    if not mine or not theirs or _named(mine) & _named(theirs):
        return False
    if {a.head.lemma_.lower() for a in mine} & {a.head.lemma_.lower() for a in theirs}:
        return False
    ours, other = {a.sector for a in mine}, {a.sector for a in theirs}
    return None not in ours and None not in other and not ours & other


def _other_sides(mine: list[Arg], theirs: list[Arg], w: EventWords) -> bool:
    """Are the two sets of doers of two sides, the state's forces and officials counted
    as one ("a police officer" and "the police")?"""
    def side(a: Arg) -> str | None:
        return "state" if a.sector in w.whole_state else a.sector
    return not {side(a) for a in mine} & {side(a) for a in theirs}


def _sides(work: Work, args: list[Arg]) -> set[int]:
    """The named sides of participants, by their head or by the group named on it:
    "Hezbollah targets" are Hezbollah's (a place or a people named on one is where it is
    from or whose it is, no side: "the Dayton girl", "the French embassy")."""
    out = _named(args)
    for a in args:
        out.update(e for t in a.tokens if t.head.i == a.head.i and t.dep_ in {
            "compound", "amod", "poss"} and (e := work.entity_at(t)) >= 0
            and work.entities[e].type == "ORG")
    return out


# An act told in a sentence of its own, with its own victims counted and its own town, is
# an act of its own: "Police in Kano said gunmen killed 5 people on Monday." and the same
# about Kaduna are two killings, not one (issue 15: 800 such one-line reports in 800 towns
# came out as one event). Towns nearer than this may be one place said two ways (a town
# and its district), and do not part two mentions.
_OWN_TOWN_KM = 25.0


@dataclass
class _Facts:
    """What the sentences of an event (or of one mention) say: where (towns and counties
    the gazetteer placed, by entity), whether victims are counted; and, for the merge
    test, the dates and places its mentions state (kept as mentions join, so that testing
    a mention against an event costs nothing like the event's size)."""

    sents: set[int] = field(default_factory=set)
    towns: dict[int, GeoMatch] = field(default_factory=dict)
    counted: bool = False
    dates: set[tuple[str, str]] = field(default_factory=set)  # first and last day said
    places: set[int] = field(default_factory=set)  # entities of the mentions' place_tokens
    undated_days: set[tuple[int, ...]] = field(default_factory=set)  # "Sunday", "May 22"
    grid: SphereGrid[int | None] | None = None  # the towns' points, once an event has many
    set_back: bool = False  # told at a time set back from the story's ("a year before")
    ordinals: set[int] = field(default_factory=set)  # "the first blast", "the second"
    apart: set[int] = field(default_factory=set)  # sentences of acts told a time away

    def add(self, other: _Facts) -> None:
        self.sents |= other.sents
        for town, geo in other.towns.items():
            if town not in self.towns and self.grid is not None:
                self.grid.add((geo.geonameid, geo.lat, geo.lon))
        self.towns.update(other.towns)
        self.counted = self.counted or other.counted
        self.dates |= other.dates
        self.places |= other.places
        self.undated_days |= other.undated_days
        self.set_back = self.set_back or other.set_back
        self.ordinals |= other.ordinals
        self.apart |= other.apart

    @property
    def located(self) -> bool:
        """Counted and placed: a mention of its own act can be told apart from it."""
        return self.counted and bool(self.towns)


def _sentence_towns(work: Work) -> dict[int, dict[int, GeoMatch]]:
    """Per sentence start: the towns and counties its entity mentions were placed at."""
    out: dict[int, dict[int, GeoMatch]] = {}
    for em in work.entity_mentions:
        if em.entity < 0:
            continue
        ent = work.entities[em.entity]
        if ent.type in {"GPE", "LOC"} and ent.geo is not None and ent.geo.feature in {
                "city", "county"}:
            out.setdefault(work.sent_start(em.start), {})[em.entity] = ent.geo
    return out


def _mention_facts(work: Work, m: Mention, towns: dict[int, dict[int, GeoMatch]],
                   w: EventWords, set_back: bool = False,
                   ordinal: int | None = None) -> _Facts:
    sent = work.sent_start(m.trigger.i)
    return _Facts(
        sents={sent},
        towns=dict(towns.get(sent, {})),
        counted=any(a.quantified for a in m.recipients),
        dates={r for r in [_days(m.time)] if r is not None},
        places={work.entity_at(t) for t in m.place_tokens},
        undated_days={d for d in [_undated_day(m.time)] if d is not None},
        set_back=set_back,
        ordinals={ordinal} if ordinal is not None else set(),
        apart={sent} if _told_apart(m.trigger, w) else set(),
    )


def _ordinal(m: Mention, res: Resources) -> int | None:
    """The place an act's words give it in a series: "the first blast" (its own ordinal),
    "the second, near a market, wounded 11" (its subject's). "The first blast" and "the
    second" are two acts, whatever else they share."""
    t = m.trigger
    words = [c for c in t.children if c.dep_ == "amod"]
    if t.pos_ in {"VERB", "AUX"}:
        for subj in (c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}):
            words += [subj, *(c for c in subj.children if c.dep_ == "amod")]
    for x in words:
        n = res.numbers.read_ordinal(x.lower_) if x.is_alpha else None
        if n is not None and n > 0:
            return n
    return None


def _set_back(work: Work, w: EventWords) -> set[int]:
    """The mentions told at a time set back from the story's own by a month or more: "a
    police shooting back in April", "the murder of a judge a year before", "killed two
    years ago". A news story tells its own act without such words; an act placed that far
    back is another one (background, a precedent), whatever else it shares with it."""
    out: set[int] = set()
    timed: dict[int, list[int]] = {}  # where each attached time starts -> its mentions
    for k, m in enumerate(work.mentions):
        if m.time is not None:
            timed.setdefault(m.time.start, []).append(k)
    by_sent: dict[int, list[int]] | None = None
    doc = work.doc
    for span, _time, kind, _tensed in work.timexes:
        toks = tokens_of(work, span)
        if not toks:
            continue
        words = span.text.lower().split()
        first, last = toks[0].i, toks[-1].i
        back = first >= 2 and doc[first - 1].lower_ == "in" and (
            doc[first - 2].lower_ in w.set_back_leads)
        counted_back = words[-1] in w.set_back_words and any(
            x in w.set_back_units for x in words)
        if counted_back and words[-1] == "before" and last + 1 < len(doc):
            # "two years before the attack" counts from another act (the times stage
            # links the two); only "two years before" alone counts back from the story
            after = doc[last + 1]
            if not (after.is_punct or after.pos_ in {"ADP", "CCONJ"} or after.is_sent_start):
                continue
        if not (back or counted_back):
            continue
        if kind != "relative" and span.start in timed:
            out.update(timed[span.start])  # the acts the times stage attached it to
            continue
        # "N years before" is not attached to an act by the times stage, nor is "five
        # months ago" in a report with no date to count from: the act it hangs off
        by_sent = work.mentions_by_sentence() if by_sent is None else by_sent
        for k in by_sent.get(work.sent_start(first), ()):
            if attached_to(toks, work.mentions[k].trigger, w.light_verbs):
                out.add(k)
    return out


def _tells_own_act(m: Mention, mine: _Facts) -> bool:
    """Can this mention be an act of its own (see _OWN_TOWN_KM)?"""
    return not (m.anaphoric or m.legal or m.only_joins or m.aggregate) and mine.located


def _apart(mine: _Facts, theirs: _Facts) -> bool:
    """Own sentence, own count, own town: no sentence, town or nearby town in common."""
    if not theirs.located or mine.sents & theirs.sents or mine.towns.keys() & theirs.towns.keys():
        return False
    if len(theirs.towns) <= _FEW_TOWNS:
        return all(
            a.geonameid != b.geonameid
            and haversine_km(a.lat, a.lon, b.lat, b.lon) > _OWN_TOWN_KM
            for a in mine.towns.values() for b in theirs.towns.values()
        )
    # an event placed in many towns (a long run-on text): the same test, by neighbourhood
    if theirs.grid is None:
        grid: SphereGrid[int | None] = SphereGrid(_OWN_TOWN_KM)
        for geo in theirs.towns.values():
            grid.add((geo.geonameid, geo.lat, geo.lon))
        theirs.grid = grid
    ids = {b.geonameid for b in theirs.towns.values()}
    return not any(
        a.geonameid in ids or any(
            haversine_km(a.lat, a.lon, lat, lon) <= _OWN_TOWN_KM
            for _, lat, lon in theirs.grid.around(a.lat, a.lon))
        for a in mine.towns.values()
    )


_FEW_TOWNS = 8


class _Located:
    """The located events by sentence, town and point: those a mention telling its own
    act may still join (with the events not located), found without testing them all."""

    def __init__(self) -> None:
        self.by_sent: dict[int, set[int]] = {}
        self.by_town: dict[int, set[int]] = {}
        self.grid: SphereGrid[int] = SphereGrid(_OWN_TOWN_KM)
        self.seen: set[tuple[int, int]] = set()

    def add(self, e: int, facts: _Facts) -> None:
        for sent in facts.sents:
            self.by_sent.setdefault(sent, set()).add(e)
        for town, geo in facts.towns.items():
            if (e, town) not in self.seen:
                self.seen.add((e, town))
                self.by_town.setdefault(town, set()).add(e)
                self.grid.add((e, geo.lat, geo.lon))

    def near(self, mine: _Facts) -> set[int]:
        out: set[int] = set()
        for sent in mine.sents:
            out |= self.by_sent.get(sent, set())
        for town, geo in mine.towns.items():
            out |= self.by_town.get(town, set())
            out.update(e for e, _, _ in self.grid.around(geo.lat, geo.lon))
        return out


def _compatible(work: Work, a: Mention, ev: WorkEvent, facts: _Facts,
                w: EventWords) -> bool:
    if a.category != ev.category:
        return False
    a_status, b_status = mention_status(a, work.published), ev.mood
    retold = a_status != b_status and _headline_tells_coming(work, a, ev, a_status)
    # "accused him of carrying out the bombing": the charge names the act told as fact
    charged = a.legal and a_status == "hypothetical" and b_status == "asserted"
    if a_status != b_status and not a.anaphoric and not retold and not charged:
        return False
    if a.aggregate != ev.aggregate or (a.aggregate and not a.anaphoric and not _same_count(
            work, a, ev)):
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
    times = facts.dates
    mine_days = _days(a.time)
    my_date = mine_days[0] if mine_days is not None else None
    # "last week" and "on Wednesday, Nov. 25" may be one day: ranges that meet agree
    if mine_days and times and not any(
        mine_days[0] <= last and first <= mine_days[1] for first, last in times
    ):
        return False
    if my_date and times and a_status != b_status and not retold:
        return False
    # no publication date to count from: "on Sunday" and "early Monday" are still two days,
    # and so are "Saturday" and "May 22"
    my_day = _undated_day(a.time)
    days = facts.undated_days
    if my_day is not None and days and not any(_may_meet(my_day, d) for d in days):
        return False
    a_act, e_act = _named(a.actors), _named(ev.actors)
    if a_act and e_act and not (a_act & e_act) and _kinds(work, a_act) == _kinds(work, e_act):
        return False
    a_rec, e_rec = _named(a.recipients), _named(ev.recipients)
    if a_rec and e_rec and not (a_rec & e_rec):
        return False
    # a threat is something someone says: two made by sides of two kinds ("the army issued
    # an ultimatum", "local officials threatened ...") are two threats
    if a.category == "THREATEN" and _other_speakers(a.actors, ev.actors):
        return False
    # "Hours later, police shot a second man", "he had stabbed a passer-by minutes
    # earlier": an act told at a time away from the acts told before it is not one of them
    # (a later sentence may still retell it)
    here = work.sent_start(a.trigger.i)
    if a.category in _ONE_WAY and (
            (_told_apart(a.trigger, w) and any(s < here for s in facts.sents))
            or any(s > here for s in facts.apart)):
        return False
    # an incident is one act by one side against another: acts done one way by sides of
    # two kinds ("protesters set fire to a police station after officers shot a
    # teenager") are two, unless one was done to the other's doers (an exchange: "the
    # gunmen opened fire and soldiers shot back at them"), which is judged below
    if (a.category in _ONE_WAY and a.trigger.lemma_.lower() not in w.mutual
            and _other_speakers(a.actors, ev.actors)
            and _other_sides(a.actors, ev.actors, w)
            and not (a_rec & e_act or a_act & e_rec)
            and not _called_alike(a.recipients, ev.actors)
            and not _called_alike(ev.recipients, a.actors)
            and not _fires_back(a.trigger, w)
            and not any(work.mentions[k].trigger.lemma_.lower() in w.mutual
                        or _fires_back(work.mentions[k].trigger, w) for k in ev.mentions)):
        return False
    # the roles turned round ("the attacker was shot dead by police"): what was done to the
    # one who did the act is another act, unless told in the same sentence (one exchange);
    # so is what was done to one told as the doer ("the gunman", "one of the suspects"),
    # unless the event is a fight both sides took part in ("a shootout with police") or
    # the mention points back at an act told before ("the bombing")
    # (a group named on a participant counts: "Hezbollah fired rockets at Israeli
    # positions" and "the Israeli military struck Hezbollah targets" are two acts; read
    # last, when the rest of the test would refuse)
    if a.category in _ONE_WAY and a.trigger.lemma_.lower() not in w.mutual and not any(
            work.sent_start(work.mentions[k].trigger.i) == work.sent_start(a.trigger.i)
            for k in ev.mentions) and (
            bool(a_rec & e_act or a_act & e_rec)
            or (a.category == "ASSAULT" and not a.anaphoric
                and _turned_on_doer(work, a, ev, w) and not any(
                work.mentions[k].trigger.lemma_.lower() in w.mutual for k in ev.mentions))
            or bool(_sides(work, a.recipients) & _sides(work, ev.actors))
            or bool(_sides(work, a.actors) & _sides(work, ev.recipients))):
        return False
    places = facts.places
    # entity_at gives -1 for a token of no entity, and entities[-1] would be the article's
    # last entity: the places stage keeps only entity tokens today, this keeps it so
    places = {e for e in places if e >= 0}
    mine = {e for t in a.place_tokens if (e := work.entity_at(t)) >= 0}
    if places and mine and not (places & mine):
        ca = {work.entities[e].country for e in mine}
        cb = {work.entities[e].country for e in places}
        if not (ca & cb):
            return False
        # one act happens in one state or province: "the bombing in New York" and "the
        # attack in Minnesota" are two (countries agreeing is not enough)
        sa, sb = _admin1s(work, mine), _admin1s(work, places)
        if sa and sb and not (sa & sb):
            return False
    return True


def _headline_tells_coming(work: Work, a: Mention, ev: WorkEvent, a_status: str) -> bool:
    """ "Russia expels 10 US diplomats" over "Russia said on Friday it would expel 10 U.S.
    diplomats": a headline's present tense tells what is coming as well as what happened;
    the lead's act in the future is the headline's act."""
    if {a_status, ev.mood} != {"asserted", "future"}:
        return False
    body, lead_end = work.body_start, work.lead_end
    head = [a.trigger] if a.trigger.i < body else [
        work.mentions[k].trigger for k in ev.mentions]
    lead = [a.trigger] if a.trigger.i >= body else [
        work.mentions[k].trigger for k in ev.mentions]
    # (the lead's verb itself tells the future: "would expel", "will strike")
    return all(t.i < body and t.tag_ in {"VBZ", "VBP", "NN", "NNS"} for t in head) and all(
        body <= t.i < lead_end and t.pos_ == "VERB" for t in lead) and (
        (a_status if a.trigger.i >= body else ev.mood) == "future")


def _same_count(work: Work, a: Mention, ev: WorkEvent) -> bool:
    """The same roll-up said again: "2 shootings in Chester" (headline), "police are
    investigating two shootings" (lead): the same acts, counted the same."""
    return a.acts_counted > 0 and any(
        (x := work.mentions[k]).acts_counted == a.acts_counted
        and x.trigger.lemma_.lower() == a.trigger.lemma_.lower() for k in ev.mentions)


def _may_meet(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """May two undated days (``_undated_day``) be one? A weekday only the same weekday; a
    month, or a month and day, only in the same month (day 0: the month alone)."""
    if len(a) != len(b):
        return False
    if len(a) == 1:
        return a == b
    return a[0] == b[0] and (0 in (a[1], b[1]) or a[1] == b[1])


def _undated_day(time: Time | None) -> tuple[int, ...] | None:
    """The one day an undated time names: a weekday ("Sunday", "early Monday"), a month
    and day ("May 22", "22 May") or a month alone ("in March": day 0), else None. News
    writing names the weekday for a day of the week around the story and the month for
    one further off, so the two kinds are never the same day."""
    if time is None or time.date:
        return None
    words = time.text.lower().replace("'s", "").replace(",", " ").split()
    days = {WEEKDAYS[w] for w in words if w in WEEKDAYS}
    months = {MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS}
    nums = {int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31}
    if len(days) == 1 and not months:
        return (days.pop(),)
    if not days and len(months) == 1 and len(nums) == 1:
        return (months.pop(), nums.pop())
    if not days and len(months) == 1 and not nums and len(words) <= 3:
        return (months.pop(), 0)  # "in March", "early March"
    return None


def _days(time: Time | None) -> tuple[str, str] | None:
    """The first and last day a time says, as ISO strings that compare in order: "2015"
    is 2015-01-01 to 2015-12-31, "last week" its Monday to its Sunday."""
    if time is None or not time.date:
        return None
    start = time.date + "-01-01"[len(time.date) - 4:] if len(time.date) < 10 else time.date
    end = time.end_date or time.date
    if len(end) < 10:
        end = end + "-12-31"[len(end) - 4:]
    return start[:10], end[:10]


def _admin1s(work: Work, ents: set[int]) -> set[tuple[str | None, str]]:
    """The states or provinces (country, admin1) the gazetteer put these places in."""
    out: set[tuple[str | None, str]] = set()
    for e in ents:
        geo = work.entities[e].geo if e >= 0 else None
        if geo is not None and geo.feature in {"city", "county", "admin1"}:
            name = geo.name if geo.feature == "admin1" else geo.admin1
            if name:
                out.add((geo.country, name))
    return out


def _new_referent(m: Mention, w: EventWords) -> bool:
    """An indefinite noun with its own participants or its own predicate ("after a Taliban
    assault left two soldiers dead") introduces an act other than the ones its sentence
    tells; a bare one ("hurt after a shooting") may be the same act, and in a later
    sentence any may re-tell one ("a bomb went off in New York", said a candidate). A
    plural with no determiner is indefinite too ("clashes between rival gangs left ...")."""
    t = m.trigger
    if t.pos_ == "VERB":
        # "Hours later, a car bomb exploded near a checkpoint": a weapon brought in with
        # "a" is another weapon than the one told, so another act
        return any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"
            and (c.lemma_.lower() in w.weapon_modes or c.lemma_.lower() in w.projectiles)
            and any(d.dep_ == "det" and d.lower_ in w.indefinite_dets for d in c.children)
            for c in t.children)
    if t.pos_ != "NOUN":
        return False
    dets = [c for c in t.children if c.dep_ in {"det", "poss"}]
    indefinite = any(c.dep_ == "det" and c.lower_ in w.indefinite_dets for c in dets) or (
        t.tag_ == "NNS" and not dets) or new_patient(t, w)  # "the killing of a journalist"
    if not indefinite:
        return False
    return bool(m.actors or m.recipients) or t.dep_ in {"nsubj", "nsubjpass"}


def _reporters_words(m: Mention, body_start: int, quoted: list[tuple[int, int]]) -> bool:
    """Told by the reporter in the body (from token ``body_start``): not the page title,
    not what someone is quoted or reported as saying (a speaker may call the act already
    told "an attack")."""
    t = m.trigger
    return t.i >= body_start and not any(start <= t.idx < end for start, end in quoted)


def _result_clauses(work: Work, by_token: dict[int, int]) -> dict[int, int]:
    """Mention -> the mention of the act it is the result clause of: an -ing clause
    ("killing 130 people") on a verb whose object is an act of the same category
    ("carried out a string of raids across the valley, killing ...") or, for a verb of no act,
    whose subject or passive doer is ("two bombings hit Kabul, killing 12", "was shattered
    by an explosion, killing 40"). ``by_token``: trigger token -> mention."""
    out: dict[int, int] = {}
    for k, m in enumerate(work.mentions):
        t = m.trigger
        if t.dep_ != "advcl" or t.tag_ != "VBG":
            continue
        # (or, when that verb names no act itself, its subject: "two bombs went off near
        # the embassy, killing 12")
        deps = {"dobj"} if t.head.i in by_token else {"dobj", "nsubj", "agent"}
        # (a passive's doer is its "by" phrase: "the building was shattered by an explosion,
        # killing 40": the killing is the explosion's)
        for obj in (g for c in t.head.children if c.dep_ in deps
                    for g in ([c] if c.dep_ != "agent" else
                              [x for x in c.children if x.dep_ == "pobj"])):
            # the act itself, or the act a collective gathers ("a series of attacks")
            acts = [obj] + [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"]
            for a in acts:
                j = by_token.get(a.i)
                if j is not None and work.mentions[j].category == m.category:
                    out[k] = j
    # "killing 130 people and injuring scores more": the verbs joined to one are too
    for k, m in enumerate(work.mentions):
        head = by_token.get(m.trigger.head.i) if m.trigger.dep_ == "conj" else None
        if k not in out and head is not None and head in out and (
                work.mentions[out[head]].category == m.category):
            out[k] = out[head]
    return out


def _described(work: Work, by_token: dict[int, int],
               attackers: frozenset[str]) -> dict[int, int]:
    """Mention -> the act noun whose own phrase holds the clause it is told in: "an attack
    on a chapel in 2019 in which two people were killed" (the parse may hang the clause on
    the noun's object), "a bombing that killed six". The clause tells that act; it has no
    time of its own to set it apart (one that has, "where soldiers killed ten last year",
    is judged as any other mention), and it is not done to the act's doers ("the home
    invasion where one suspect was shot": someone shot back, another act)."""
    out: dict[int, int] = {}
    for k, m in enumerate(work.mentions):
        t = m.trigger
        if t.dep_ not in {"relcl", "acl"} or t.pos_ != "VERB" or m.time is not None or any(
                a.head.lemma_.lower() in attackers or a.head.lower_ in attackers
                for a in m.recipients):
            continue
        node = t.head
        while node.i != node.head.i:  # the nearest act noun above the clause
            j = by_token.get(node.i)
            if j is not None and j != k:
                if work.mentions[j].trigger.pos_ == "NOUN" and (
                        work.mentions[j].category == m.category):
                    out[k] = j
                break
            if node.dep_ not in {"pobj", "prep", "dobj", "compound", "appos"}:
                break
            node = node.head
    return out


def _appositive_acts(work: Work, by_token: dict[int, int]) -> dict[int, int]:
    """Mention -> the verb mention of the clause an act noun is set after as an apposition:
    "gunmen shot dead a journalist on Saturday, the second killing of a reporter this year",
    "..., the latest attack in the region". The apposition renames the act the clause
    tells (the parser hangs it on the clause's last noun); whatever its own words say
    ("a reporter", "this year") is said of that act."""
    out: dict[int, int] = {}
    for k, m in enumerate(work.mentions):
        t = m.trigger
        # ("shelled the town on Sunday, the heaviest bombardment since the truce": the
        # parser may hang it on the verb as a second object)
        if t.pos_ != "NOUN" or not apposition(t):
            continue
        edge = t.left_edge.i
        if edge == 0 or work.doc[edge - 1].text != ",":
            continue
        node = t.head
        while node.i not in by_token and node.dep_ in {
                "dobj", "pobj", "prep", "npadvmod", "appos", "nsubjpass", "attr", "acomp"}:
            node = node.head
        j = by_token.get(node.i)
        if j is not None and j != k and node.pos_ == "VERB" and (
                work.mentions[j].category == m.category):
            out[k] = j
    return out


def _subject_acts(work: Work, by_token: dict[int, int],
                  collective: frozenset[str] = frozenset()) -> dict[int, int]:
    """Mention -> the act noun, not pointing back, that is its verb's subject: "a suicide
    bombing killed 12 people" tells what the bombing did, one act, whatever else the
    sentence points back to ("The attack came a day after a suicide bombing killed 12
    people": the killing is the bombing's, not the attack's)."""
    out: dict[int, int] = {}
    for k, m in enumerate(work.mentions):
        t = m.trigger
        if t.pos_ != "VERB":
            continue
        for c in t.children:
            if c.dep_ != "nsubj":
                continue
            if c.lemma_.lower() in collective:
                # "a wave of bombings killed 60": the acts the collective noun gathers
                c = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"), c)
            j = by_token.get(c.i)
            # (one pointing back, "the blast destroyed ...", joins what it names as any
            # mention does)
            if j is not None and j != k and c.pos_ == "NOUN" and (
                    work.mentions[j].category == m.category) and not work.mentions[j].anaphoric:
                out[k] = j
    return out


def _dispersed_by(work: Work, w: EventWords, by_token: dict[int, int]) -> dict[int, int]:
    """Mention -> the act of force whose purpose clause it is: "police fired tear gas to
    disperse the crowd" is one act (force against people, the codebook's ASSAULT), the
    dispersal its aim, not a second record."""
    out: dict[int, int] = {}
    for k, m in enumerate(work.mentions):
        t = m.trigger
        if (m.category != "COERCE" or t.lemma_.lower() not in w.dispersal_verbs
                or t.dep_ not in {"advcl", "xcomp"}
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)):
            continue
        j = by_token.get(t.head.i)
        if j is not None and work.mentions[j].category == "ASSAULT":
            out[k] = j
    return out


def _plural_means(work: Work, w: EventWords, by_token: dict[int, int]) -> dict[int, int]:
    """Mention -> the mention of the harm a bare plural is the means of ("soldiers were
    killed in rebel attacks", "hurt by explosions"): the acts that did that harm, one
    record with it, though a plural alone would be a roll-up of its own."""
    out: dict[int, int] = {}
    for k, m in enumerate(work.mentions):
        t = m.trigger
        if t.dep_ != "pobj" or m.category != "ASSAULT":
            continue  # (talks held "in meetings" may each be a meeting of their own)
        j = by_token.get(t.head.head.i)
        if j is not None and j != k and work.mentions[j].category == m.category and _means_of(
                t, work.mentions[j].trigger, w):
            out[k] = j
    return out


def _answered(work: Work, w: EventWords, by_token: dict[int, int]) -> list[tuple[int, int]]:
    """ "Struck Hezbollah targets in response to the rocket fire", "in retaliation for the
    attack", "to avenge the killing": the act answered is not the act that answers it
    (the answer's mention, the answered's)."""
    out = []
    for k, m in enumerate(work.mentions):
        t = m.trigger
        if t.pos_ != "NOUN" or t.dep_ not in {"pobj", "dobj"}:
            continue
        head = t.head
        if t.dep_ == "dobj":  # "to avenge the killing", "responded to" is a prep
            verb = head if head.lemma_.lower() in w.reaction_verbs else None
            answer = verb.head if verb is not None and verb.dep_ in {"xcomp", "advcl"} else None
        elif head.lower_ in {"to", "for", "against"} and head.head.lemma_.lower() in (
                w.reaction_nouns) and head.head.dep_ == "pobj":
            answer = head.head.head.head  # "in response to X": in -> the act's word
        elif head.lower_ in {"to", "for"} and head.head.lemma_.lower() in w.reaction_verbs:
            answer = head.head  # "retaliated for the attack"
        else:
            continue
        if answer is not None and (j := by_token.get(answer.i)) is not None and j != k:
            out.append((k, j))
    return out


def _answering(m: Mention, w: EventWords) -> bool:
    """ "The army responded with air strikes", "retaliated by shelling the town": what a
    side answers with is an act of its own, not the act it answers (told before)."""
    t = m.trigger
    return ((t.dep_ == "pobj" and t.head.lower_ == "with")
            or (t.dep_ == "pcomp" and t.head.lower_ == "by")) and (
        t.head.head.lemma_.lower() in w.reaction_verbs)


def _separate_sentences(work: Work, w: EventWords) -> set[int]:
    """Starts of the sentences that open with a word of another act ("In a separate
    incident, ...", "Elsewhere, ...")."""
    return work.sentences_opening_with(w.separate_openers)


def _other_act_here(work: Work, ev: WorkEvent, m: Mention, w: EventWords) -> bool:
    """Does the event tell an act in the mention's sentence that the mention is not the
    means of? Any of its verbs there will do ("killed five and abducted 12 in an overnight
    raid on a village": the raid is how both were done, though it hangs off one)."""
    here = [j for j in ev.mentions
            if work.mentions[j].trigger.sent.start == m.trigger.sent.start]
    return bool(here) and not any(
        _means_of(m.trigger, work.mentions[j].trigger, w) for j in here)


def _means_of(noun: Token, verb: Token, w: EventWords) -> bool:
    """ "injured by an explosion", "killed in an attack": the noun is how the verb's act
    happened, the same act told twice; so is an act that is the verb's subject ("a bomb
    attack killed four people": the attack did the killing), and one the verb's clause
    describes ("an attack in which two people were killed", "a bombing that killed six")."""
    if noun.dep_ == "nsubj" and noun.head.i == verb.i:
        return True
    if verb.dep_ in {"relcl", "acl"} and verb.head.i == noun.i:
        return True
    prep = noun.head
    return noun.dep_ == "pobj" and (prep.lower_ in w.means_preps or prep.dep_ == "agent") and (
        prep.head.i == verb.i
    )


def _kinds(work: Work, ents: set[int]) -> set[str]:
    return {work.entities[e].type for e in ents}


def _absorb(work: Work, ev: WorkEvent, k: int, m: Mention, w: EventWords) -> None:
    status = mention_status(m, work.published)
    # the lead says the headline's act is coming
    coming = status == "future" and ev.mood == "asserted" and _headline_tells_coming(
        work, m, ev, status)
    ev.mentions.append(k)
    ev.modes |= m.modes
    if m.anaphoric:  # "the latest attack on security officials" adds no new victims
        # (a fight pointing back in the very sentence of the act it names tells that act's
        # sides: "heavy fighting between troops and rebels killed 14")
        here = work.sent_start(m.trigger.i)
        fight_here = m.trigger.lemma_.lower() in w.mutual and any(
            work.sent_start(work.mentions[j].trigger.i) == here for j in ev.mentions)
        m_actors = m.actors if fight_here else [a for a in m.actors if a.entity >= 0]
        # ... but "the bombing of the courthouse" says what was hit: one definite
        # thing or person, not a class of people; and to an event told without a victim
        # ("Suspect arrested in fatal stabbing" ... "the fatal stabbing of a teenager")
        # the act noun's own words that say whom it was done to are its victims
        m_recipients = [a for a in m.recipients if a.entity >= 0 or _definite_one(a)
                        or (not ev.recipients and m.trigger in (a.head.head, a.head.head.head))]
    else:
        m_actors, m_recipients = m.actors, m.recipients
    for arg in m_actors:
        if arg.entity < 0 or arg.entity not in _named(ev.actors):
            ev.actors.append(arg)
    for arg in m_recipients:
        if arg.entity < 0 or arg.entity not in _named(ev.recipients):
            ev.recipients.append(arg)
    if (ev.mood != status and ev.mood == "hypothetical") or coming:
        ev.mood = status
    m.event = -2  # set by caller


def _definite_one(a: Arg) -> bool:
    return not (a.plural or a.quantified) and any(
        c.dep_ == "det" and c.lower_ == "the" for c in a.head.children)


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
    # "launched a wave of attacks, killing 130": the result clause tells what the act its
    # verb's object names did; it is that act, whatever each word's status or number says
    by_token = {x.trigger.i: j for j, x in enumerate(work.mentions)}
    result_of = (_described(work, by_token, w.doer_nouns)
                 | _result_clauses(work, by_token)
                 | _dispersed_by(work, w, by_token)
                 | _subject_acts(work, by_token, w.collective)
                 | _plural_means(work, w, by_token)
                 | _appositive_acts(work, by_token))
    order = sorted(
        range(len(work.mentions)),
        key=lambda k: (
            k in result_of,  # after the act they belong to
            work.mentions[k].only_joins,
            # "the attack came a week after militants killed a teacher": an act dated from
            # an act named by pointing back waits until that one ("the attack") has found
            # its event, or it could take that event first and push the other out
            work.mentions[k].derived_from >= 0
            and work.mentions[work.mentions[k].derived_from].anaphoric,
            work.mentions[k].anaphoric or work.mentions[k].legal,
            work.mentions[k].time is None,
            work.mentions[k].trigger.i,
        ),
    )
    towns = _sentence_towns(work)
    quoted = [(st.attribution.content.start, st.attribution.content.end)
              for st in work.statements]
    lead_end = work.lead_end  # the headline and the body's first sentence
    lead_kinds = vocab.INCIDENT_CATEGORIES
    # sentences that speak of an act already told ("the attack"), per category: an
    # indefinite there is a part of that act ("a car bomb began the attack")
    retold = {(work.sent_start(x.trigger.i), x.category) for x in work.mentions if x.anaphoric}

    # "died in a gunfight three days after the bombing": an act dated from another is not
    # that act (the times stage links the two), nor a part of it
    ordered: dict[int, set[int]] = {}
    for k, m in enumerate(work.mentions):
        if m.derived_from >= 0:
            ordered.setdefault(k, set()).add(m.derived_from)
            ordered.setdefault(m.derived_from, set()).add(k)

    for k, j in _answered(work, w, by_token):
        ordered.setdefault(k, set()).add(j)
        ordered.setdefault(j, set()).add(k)

    def told_again(m: Mention, k: int) -> bool:
        here = work.sent_start(m.trigger.i)
        return (here, m.category) in retold and not any(
            work.sent_start(work.mentions[j].trigger.i) == here for j in ordered.get(k, ()))

    body_start = work.body_start
    separate = _separate_sentences(work, w)
    set_back = _set_back(work, w)
    facts: list[_Facts] = []  # per event, kept as mentions join
    unlocated: set[int] = set()
    located = _Located()

    def index(e: int) -> None:
        if facts[e].located:
            unlocated.discard(e)
            located.add(e, facts[e])
        else:
            unlocated.add(e)

    for k in order:
        m = work.mentions[k]
        target = -1
        mine = _mention_facts(work, m, towns, w, k in set_back, _ordinal(m, res))
        owner = work.mentions[result_of[k]].event if k in result_of else -1
        if owner >= 0:
            candidates = [owner]
            target = owner
        elif _tells_own_act(m, mine):
            # only events it is not apart from can take it: look at those alone
            pool = sorted(unlocated | located.near(mine))
            candidates = [e for e in pool if not _apart(mine, facts[e])
                          and _compatible(work, m, work.events[e], facts[e], w)]
        else:
            candidates = [e for e, ev in enumerate(work.events)
                          if _compatible(work, m, ev, facts[e], w)]
        if k in ordered:
            candidates = [e for e in candidates
                          if not ordered[k] & set(work.events[e].mentions)]
        if mine.ordinals:  # "the first blast" is not "the second"
            candidates = [e for e in candidates
                          if not facts[e].ordinals or mine.ordinals & facts[e].ordinals]
        if mine.set_back and target < 0:
            candidates = [e for e in candidates if facts[e].set_back]
        elif target < 0 and not m.anaphoric:
            # and the story's own act, told without such a time, is not that act ("the
            # attack", pointing back, may still name it; so may its own sentence)
            candidates = [e for e in candidates
                          if not facts[e].set_back or mine.sents & facts[e].sents]
        here = work.sent_start(m.trigger.i)
        if here in separate:  # "In a separate incident, ...": none of the acts told before
            candidates = [e for e in candidates if all(
                work.sent_start(work.mentions[j].trigger.i) >= here
                for j in work.events[e].mentions)]
        if target < 0 and _answering(m, w):
            # (the headline may name the answer itself: "Hezbollah fires rockets at Israel")
            candidates = [e for e in candidates if not any(
                body_start <= work.mentions[j].trigger.i < here
                for j in work.events[e].mentions)]
        # "..., after a Taliban assault left ...": another act
        if target < 0 and _new_referent(m, w):
            if m.trigger.pos_ == "NOUN":  # (verbs joined in one sentence share a subject)
                candidates = [e for e in candidates
                              if not _other_act_here(work, work.events[e], m, w)]
            if (vocab.CATEGORY_SPECS[m.category].incident
                    and _reporters_words(m, body_start, quoted) and not told_again(m, k)):
                # in the reporter's own words, "a" introduces what the reader has not been
                # told: an act the body told before is "the attack", not "an attack" (the
                # headline does not count: the lead retells it from the start)
                # (its own sentence was judged above: "killed in a gun battle" is one act)
                here = work.sent_start(m.trigger.i)
                candidates = [e for e in candidates if not any(
                    body_start <= work.mentions[j].trigger.i < here
                    for j in work.events[e].mentions)]
        if m.only_joins and not candidates:
            continue  # nothing told that it could name: no event of its own
        if candidates and target < 0:
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
                # the salient event: asserted first, then, for an act of force, the
                # report's lead act (what its headline or first sentence tells: "the
                # attack" of a report is the one it leads with; an indefinite retelling of
                # it has its own event and no longer adds to its count), then the most
                # reported, then the nearest
                def salience(e: int, here: int = m.trigger.i) -> tuple[bool, bool, int, int]:
                    ev = work.events[e]
                    first = min(work.mentions[j].trigger.i for j in ev.mentions)
                    return (ev.mood == "asserted", ev.category in lead_kinds and first < lead_end,
                            len(ev.mentions), -abs(first - here))

                target = max(candidates, key=salience)
            elif (spec := vocab.CATEGORY_SPECS[m.category]).joins_earlier:
                kin = [e for e in candidates if not (
                    spec.joins_same_kind and m.modes and work.events[e].modes
                    and not m.modes & work.events[e].modes)]
                before = [
                    e
                    for e in kin
                    if min(work.mentions[j].trigger.i for j in work.events[e].mentions)
                    < m.trigger.i
                ]
                target = before[-1] if before else (kin[0] if kin else -1)
            if (
                target < 0
                and m.trigger.sent == work.mentions[work.events[candidates[-1]].main].trigger.sent
            ):
                target = candidates[-1]
            if target < 0 and m.trigger.i < lead_end and m.category in lead_kinds:
                # the lead retells the headline: "Protesters march in Caracas" and "Tens of
                # thousands marched in Caracas on Saturday" are one march (whichever of the
                # two is taken first: dated mentions go first)
                other = (body_start, lead_end) if m.trigger.i < body_start else (0, body_start)
                told = [e for e in candidates if all(
                    other[0] <= work.mentions[j].trigger.i < other[1]
                    for j in work.events[e].mentions)]
                target = told[0] if len(told) == 1 else -1
        if target < 0:
            facts.append(mine)
            index(len(facts) - 1)
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
                    set_back=mine.set_back,
                )
            )
            m.event = len(work.events) - 1
            continue
        ev = work.events[target]
        _absorb(work, ev, k, m, w)
        facts[target].add(mine)
        index(target)
        m.event = target
        # (a dispersal that is the aim of force is never the record's main word)
        if m.category == ev.category and _score(m) > _score(work.mentions[ev.main]):
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
    "status, date (as day ranges), named participants, place (country, then state or "
    "province) or weapon; a result clause (\"launched attacks, killing 130\") is its "
    "object's act (on a passive, its \"by\" phrase's); an act noun set after a clause as "
    "an apposition (\"..., the second killing of a reporter this year\") is the clause's "
    "act; an indefinite act with a side of its own in the reporter's words "
    "(\"a gunfight with police\") is not one the body told before; undated, two days "
    "named apart (\"Sunday\" / \"Monday\", \"Saturday\" / \"May 22\") are two acts; "
    "a sentence opening \"In a separate incident\" or \"Elsewhere\" joins no act told "
    "before it; an act set back a month or more from the story's time (\"back in April\", "
    "\"a year before\", \"two years ago\") is another act (and background); \"the first "
    "blast\" and \"the second\" are two acts; the lead's incident joins the headline's "
    "like one when it is the only one there; definite "
    "nouns (\"the attack\") join the report's lead act, else the most "
    "reported, demonstratives (\"that attack\") the nearest",
    reads=("published", "entities", "mentions", "mentions.time", "mentions.place",
           "statements", "timexes"),
    writes=("events", "events.set_back", "mentions.event"),
    needs=("lexicon",),
    prepare=event_words,
)
