"""ACLED-style event and sub-event types of an event, from its words and its PLOVER coding.

ACLED's codebook sorts political violence and demonstrations into six event types and 25
sub-event types; the CASE 2021 shared task added a few codes of its own (disasters,
organised crime, diplomacy, attributions). eventwire records PLOVER categories and modes;
this module is its one reading of the ACLED vocabulary, used by the CSV export
(``acled_names``) and measured by the CASE 2021 scorer (``sub_event``).

``sub_event(text, facts)`` reads a decision list of cue phrases over the text that reports
the event (general English words and phrases following the ACLED codebook definitions, in
``lexicon/<lang>/acled.toml``, compiled once per lexicon: ``cues``) and
falls back to the event's PLOVER category, modes and participant sectors (``event_code``)
for what the cues leave open. The order of the rules follows the codebook's precedence: the
more specific sub-event wins (a suicide bombing is not coded as a remote explosive;
demonstrators who throw stones make a violent demonstration even when police then fire tear
gas). Pure Python: no parser, so the export can run it on stored rows.

The rules were written from the codebook and from the kinds of errors seen on the CASE 2021
development split (see docs/EVALUATION.md); they name no document and carry no text of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import Lexicon, LexiconError, load_lexicon
from .lexicon.actors import ActorWords
from .model import Event

DEFAULT_LABEL = "OTHER"
_ARMED = frozenset({"MIL", "REB", "PRM", "UAF", "SPY", "COP"})  # PLOVER armed sectors
_WORD = re.compile(r"[\w'’.-]+")

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# code -> (ACLED event type, ACLED sub-event type). The last five codes are CASE 2021's own
# (not ACLED's); the export files them as strategic developments, "Other".
ACLED_NAMES: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": (BATTLES, "Armed clash"),
    "GOV_REGAINS_TERIT": (BATTLES, "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": (BATTLES, "Non-state actor overtakes territory"),
    "CHEM_WEAP": (EXPLOSIONS, "Chemical weapon"),
    "AIR_STRIKE": (EXPLOSIONS, "Air/drone strike"),
    "SUIC_BOMB": (EXPLOSIONS, "Suicide bomb"),
    "ART_MISS_ATTACK": (EXPLOSIONS, "Shelling/artillery/missile attack"),
    "REM_EXPLOS": (EXPLOSIONS, "Remote explosive/landmine/IED"),
    "GRENADE": (EXPLOSIONS, "Grenade"),
    "SEX_VIOL": (VAC, "Sexual violence"),
    "ATTACK": (VAC, "Attack"),
    "ABDUCT_DISSAP": (VAC, "Abduction/forced disappearance"),
    "PEACE_PROTEST": (PROTESTS, "Peaceful protest"),
    "PROTEST_WITH_INTER": (PROTESTS, "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": (PROTESTS, "Excessive force against protesters"),
    "VIOL_DEMONSTR": (RIOTS, "Violent demonstration"),
    "MOB_VIOL": (RIOTS, "Mob violence"),
    "AGREEMENT": (STRATEGIC, "Agreement"),
    "ARREST": (STRATEGIC, "Arrests"),
    "CHANGE_TO_GROUP_ACT": (STRATEGIC, "Change to group/activity"),
    "DISR_WEAP": (STRATEGIC, "Disrupted weapons use"),
    "HQ_ESTABLISHED": (STRATEGIC, "Headquarters or base established"),
    "PROPERTY_DISTRUCT": (STRATEGIC, "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": (STRATEGIC, "Non-violent transfer of territory"),
    "OTHER": (STRATEGIC, "Other"),
    "DIPLO": (STRATEGIC, "Other"),
    "ATTRIB": (STRATEGIC, "Other"),
    "ORG_CRIME": (STRATEGIC, "Other"),
    "NATURAL_DISASTER": (STRATEGIC, "Other"),
    "MAN_MADE_DISASTER": (STRATEGIC, "Other"),
}


def acled_names(code: str) -> tuple[str, str]:
    """(event_type, sub_event_type) of a code; unknown codes are strategic, "Other"."""
    return ACLED_NAMES.get(code, ACLED_NAMES[DEFAULT_LABEL])


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What the ACLED reading needs of an event: a record's ``Event`` or a stored row."""

    category: str
    modes: tuple[str, ...] = ()
    actor_sectors: tuple[str | None, ...] = ()
    recipient_sectors: tuple[str | None, ...] = ()
    words: frozenset[str] = frozenset()  # of the trigger and the evidence

    @classmethod
    def of(cls, event: Event) -> EventFacts:
        return cls(
            category=event.category,
            modes=tuple(event.modes),
            actor_sectors=tuple(p.sector for p in event.actors),
            recipient_sectors=tuple(p.sector for p in event.recipients),
            words=words_of(s.text for s in (event.trigger, *event.evidence)),
        )


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased words of some texts (what ``EventFacts.words`` holds)."""
    return frozenset(w.lower() for t in texts for w in _WORD.findall(t))


# ASSAULT modes in priority order (the most specific weapon decides).
_ASSAULT_MODES: tuple[tuple[str, str], ...] = (
    ("suicide-attack", "SUIC_BOMB"),
    ("unconventional", "CHEM_WEAP"),
    ("aerial", "AIR_STRIKE"),
    ("drone", "AIR_STRIKE"),
    ("heavy-weapons", "ART_MISS_ATTACK"),
    ("explosives", "REM_EXPLOS"),
    ("sexual", "SEX_VIOL"),
    ("abduct", "ABDUCT_DISSAP"),
    ("crowd-control", "FORCE_AGAINST_PROTEST"),
    ("destroy", "PROPERTY_DISTRUCT"),
)
_OTHER_CATEGORIES = {
    "AGREE": "AGREEMENT", "COOPERATE": "AGREEMENT", "CONSULT": "DIPLO", "SANCTION": "DIPLO",
    "REQUEST": "DIPLO", "REJECT": "DIPLO", "SUPPORT": "DIPLO", "CONCEDE": "DIPLO",
    "ACCUSE": "ATTRIB", "MOBILIZE": "CHANGE_TO_GROUP_ACT", "AID": "OTHER", "THREATEN": "OTHER",
}


def _armed(facts: EventFacts, side: str) -> bool:
    sectors = facts.actor_sectors if side == "actors" else facts.recipient_sectors
    return any(s in _ARMED for s in sectors)


def event_code(facts: EventFacts | None, lexicon: Lexicon | None = None) -> str:
    """The sub-event code of an event alone: PLOVER category, modes and sectors."""
    if facts is None:
        return DEFAULT_LABEL
    modes = set(facts.modes)
    category = facts.category.upper()
    if category == "ASSAULT":
        if "explosives" in modes and facts.words & cues(lexicon).grenade_words:
            return "GRENADE"
        for mode, code in _ASSAULT_MODES:
            if mode in modes:
                return code
        if _armed(facts, "actors") and _armed(facts, "recipients"):
            return "ARMED_CLASH"
        # two-sided fighting is coded with every side as an actor (PLOVER manual)
        if not any(facts.recipient_sectors) and len(
            {s for s in facts.actor_sectors if s in _ARMED}
        ) >= 2:
            return "ARMED_CLASH"
        return "ATTACK"
    if category == "PROTEST":
        return "VIOL_DEMONSTR" if modes & {"riot", "vandalize"} else "PEACE_PROTEST"
    if category == "COERCE":
        if "arrest" in modes:
            return "ARREST"
        return "PROPERTY_DISTRUCT" if "seize" in modes else "CHANGE_TO_GROUP_ACT"
    if category == "RETREAT":
        if "release" in modes:
            return DEFAULT_LABEL  # freeing prisoners or hostages has no ACLED sub-event
        return "AGREEMENT" if "ceasefire" in modes else "NON_VIOL_TERRIT_TRANSFER"
    return _OTHER_CATEGORIES.get(category, DEFAULT_LABEL)


# -- cue lexicon -------------------------------------------------------------------------------


def _rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern of whole-word alternatives (regex syntax allowed)."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def _near(text: str, a: re.Pattern[str], b: re.Pattern[str], gap: int = 60) -> bool:
    """``a`` and ``b`` both occur, at most ``gap`` characters apart, in either order."""
    bs = [m.start() for m in b.finditer(text)]
    if not bs:
        return False
    return any(abs(m.start() - s) <= gap for m in a.finditer(text) for s in bs)


class Cues:
    """The cue patterns of a lexicon (``lexicon/<lang>/acled.toml``), compiled once."""

    def __init__(self, lex: Lexicon) -> None:
        self.lexicon = lex
        table = lex.mapping("acled.cues")
        used: set[str] = set()

        def rx(name: str, *more: str) -> re.Pattern[str]:
            used.add(name)
            if name not in table:
                raise LexiconError(
                    f"the {lex.language!r} lexicon has no cue 'acled.cues.{name}'"
                )
            try:
                return _rx(*table[name], *more)
            except re.error as err:
                raise LexiconError(f"cue 'acled.cues.{name}': {err}") from None

        self.grenade_words = lex.words("acled.grenade_words")
        self.seizing = tuple(sorted(lex.words("acled.seizing_stems")))
        self.natural = rx("natural")
        self.accident = rx("accident")
        self.industrial = rx("industrial")
        self.blaze = rx("blaze")
        self.violent_acts = rx("violent_acts")
        self.violent_intent = rx("violent_intent")
        self.weapon_things = rx("weapon_things")
        self.found = rx("found")
        self.disrupted = rx("disrupted")
        self.crime = rx("crime")
        self.sexual = rx("sexual")
        self.mob = rx("mob")
        self.chemical = rx("chemical")
        self.suicide = rx("suicide")
        self.aerial = rx("aerial")
        self.heavy = rx("heavy")
        self.grenade = rx("grenade")
        self.remote = rx("remote")
        self.abduct = rx("abduct")
        self.arrest = rx("arrest")
        self.protest = rx("protest")
        self.protester_violence = rx("protester_violence")
        self.force = rx("force")
        self.intervention = rx("intervention")
        self.claim = rx("claim")
        self.regain = rx("regain")
        self.terrain = rx("terrain")
        self.state_forces = rx("state_forces")
        self.establish = rx("establish")
        self.base = rx("base")
        self.non_viol_territory = rx("non_viol_territory")
        self.clash = rx("clash")
        self.civilians = rx("civilians")
        self.property = rx("property")
        self.agree = rx("agree")
        self.diplomacy = rx("diplomacy")
        self.group_change = rx("group_change")
        # organisations known to be armed non-state groups, by name
        orgs = ActorWords(lex).org_sectors
        self.non_state = rx("non_state", *(
            re.escape(n) for n, (sector, _) in orgs.items()
            if sector in {"REB", "PRM"} and len(n) > 2
        ))
        self.aerial_acts = rx("aerial_acts")
        self.killing = rx("killing")
        self.attack_on_civilians = rx("attack_on_civilians")
        self.riot_police = rx("riot_police")
        self.peaceful = rx("peaceful")
        unknown = sorted(set(table) - used)
        if unknown:  # a misspelt name would otherwise be silently ignored
            raise LexiconError(f"lexicon 'acled.cues': {unknown[0]!r} is read by no rule")


_CUES: dict[int, tuple[Lexicon, Cues]] = {}


def cues(lexicon: Lexicon | None = None) -> Cues:
    """The compiled cues of a lexicon (the default one when none is given), built once."""
    lex = lexicon if lexicon is not None else load_lexicon()
    got = _CUES.get(id(lex))
    if got is None or got[0] is not lex:
        got = _CUES[id(lex)] = (lex, Cues(lex))
    return got[1]


# -- decision list -----------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])", text.strip())
    return [p for p in parts if p]


def _any(pattern: re.Pattern[str], *texts: str) -> bool:
    return any(pattern.search(t) for t in texts)


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _territory_actor(c: Cues, text: str, cue: re.Match[str]) -> str | None:
    """Who took the place: "GOV" or "NSA" from the words before the cue in its sentence
    (the subject), else from the whole sentence."""
    start = max(text.rfind(". ", 0, cue.start()), 0)
    before = text[start:cue.start()][-120:]
    for window in (before, text[start:cue.end() + 150]):
        ns = [m.start() for m in c.non_state.finditer(window)]
        st = [m.start() for m in c.state_forces.finditer(window)]
        if ns or st:
            # the nearest to the cue is the actor ("government forces ... rebel-held town")
            if window is before:
                return "NSA" if max(ns, default=-1) > max(st, default=-1) else "GOV"
            return "NSA" if min(ns, default=10**6) < min(st, default=10**6) else "GOV"
    return None


def _in_name(text: str, m: re.Match[str]) -> bool:
    """A capitalised match inside a sentence: part of a name."""
    before = text[:m.start()].rstrip(" \"'“‘")
    return m.group(0)[:1].isupper() and bool(before) and before[-1] not in ".!?:—-\n"


def _territory(c: Cues, lead: str, text: str) -> str | None:
    for scope in (lead, text):
        for cue in c.regain.finditer(scope):
            if _in_name(scope, cue):
                continue  # "the ... Liberation Front claimed": a group's name, not a verb
            tail = scope[cue.end():cue.end() + 90]
            if not c.terrain.search(tail):
                continue
            if cue.group(0).lower().startswith(c.seizing) and \
                    c.weapon_things.search(tail[:60]):
                continue
            actor = _territory_actor(c, scope, cue)
            if actor is not None:
                return "NON_STATE_ACTOR_OVERTAKES_TER" if actor == "NSA" else "GOV_REGAINS_TERIT"
    return None


def _protest_label(c: Cues, text: str) -> str:
    calm = c.riot_police.sub(" ", text)
    if _any(c.protester_violence, calm) and not c.peaceful.search(calm):
        return "VIOL_DEMONSTR"
    if _any(c.force, calm):
        return "FORCE_AGAINST_PROTEST"
    if _any(c.intervention, calm):
        return "PROTEST_WITH_INTER"
    return "PEACE_PROTEST"


def _weapon_label(c: Cues, text: str, event: EventFacts | None) -> str | None:
    """The weapon-specific ASSAULT sub-events, most specific first."""
    if _any(c.suicide, text):
        return "SUIC_BOMB"
    if _any(c.chemical, text):
        return "CHEM_WEAP"
    code = (event_code(event, c.lexicon) if event is not None and event.category == "ASSAULT"
            else None)
    if code in {"AIR_STRIKE", "ART_MISS_ATTACK", "GRENADE", "REM_EXPLOS"}:
        return code
    if _any(c.aerial, text) and _near(text, c.aerial, c.aerial_acts, 80):
        return "AIR_STRIKE"
    if _any(c.grenade, text):
        return "GRENADE"
    if _any(c.heavy, text):
        return "ART_MISS_ATTACK"
    if _any(c.remote, text):
        return "REM_EXPLOS"
    return None


def _armed_clash(c: Cues, text: str, event: EventFacts | None) -> bool:
    """Organised armed groups on both sides: rebels fighting soldiers, or two armed sides
    clashing; an attack on civilians is not a clash."""
    if event is not None and event.category == "ASSAULT" and _armed(event, "actors") \
            and _armed(event, "recipients"):
        return True
    if event is not None and event.category == "ASSAULT" and any(event.recipient_sectors) \
            and not _armed(event, "recipients"):
        return False  # the parser found unarmed victims: an attack, whoever else is named
    ns, st = _any(c.non_state, text), _any(c.state_forces, text)
    if _any(c.clash, text) and (ns or st):
        return True
    if ns and st:
        return not _near(text, c.attack_on_civilians, c.civilians, 40) or _count(
            c.state_forces, text) > 1
    return False


# What the text may say of an event of each PLOVER category: the cues refine the parser's
# coding ("a bomb" makes an ASSAULT a remote explosive; arrests at a rally make a protest
# with intervention) but never turn an agreement into an attack because the sentence also
# mentions a raid. Disasters and crime may overrule any violent coding: PLOVER has no
# category for them, so the parser files their deaths as ASSAULT.
_NOT_POLITICAL = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"})
_VIOLENT_FAMILY = frozenset({
    "ARMED_CLASH", "ATTACK", "AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE",
    "SUIC_BOMB", "CHEM_WEAP", "SEX_VIOL", "ABDUCT_DISSAP", "MOB_VIOL", "PROPERTY_DISTRUCT",
    "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "FORCE_AGAINST_PROTEST",
    "VIOL_DEMONSTR", "DISR_WEAP", *_NOT_POLITICAL,
})
_PROTEST_FAMILY = frozenset({
    "PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL",
    "PROPERTY_DISTRUCT",
})
_TALK_FAMILY = frozenset({"AGREEMENT", "DIPLO"})
_FAMILIES: dict[str, frozenset[str]] = {
    "ASSAULT": _VIOLENT_FAMILY,
    "PROTEST": _PROTEST_FAMILY,
    "COERCE": frozenset({
        "ARREST", "ABDUCT_DISSAP", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "DISR_WEAP",
        "PROPERTY_DISTRUCT", "CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED", "GOV_REGAINS_TERIT",
        "NON_STATE_ACTOR_OVERTAKES_TER", *_NOT_POLITICAL,
    }),
    "RETREAT": frozenset({"NON_VIOL_TERRIT_TRANSFER", "AGREEMENT", "CHANGE_TO_GROUP_ACT"}),
    "MOBILIZE": frozenset({"CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED", "NON_VIOL_TERRIT_TRANSFER"}),
    "AGREE": _TALK_FAMILY, "COOPERATE": _TALK_FAMILY, "CONSULT": _TALK_FAMILY,
    "REQUEST": _TALK_FAMILY, "REJECT": _TALK_FAMILY, "SUPPORT": _TALK_FAMILY,
    "CONCEDE": _TALK_FAMILY, "SANCTION": _TALK_FAMILY,
    "ACCUSE": frozenset({"ATTRIB"}),
}


def sub_event(text: str, event: EventFacts | None, lexicon: Lexicon | None = None) -> str:
    """The sub-event code of an event from the text reporting it and its facts (cues of
    ``lexicon``, by default the default language's)."""
    c = cues(lexicon)
    label = _text_label(c, text, event)
    if event is None or label in _FAMILIES.get(event.category.upper(), frozenset()):
        return label
    return event_code(event, c.lexicon)


def _text_label(c: Cues, text: str, event: EventFacts | None) -> str:
    sents = _sentences(text)
    lead = sents[0] if sents else text
    violent = _any(c.violent_intent, text)
    assault = event is not None and event.category == "ASSAULT"

    # 1. Things that are not political violence at all.
    if _any(c.natural, lead) or (_count(c.natural, text) >= 2 and not violent):
        return "NATURAL_DISASTER"
    if (_any(c.accident, lead) or (_any(c.accident, text) and _any(c.industrial, text))
            or (_any(c.blaze, lead) and _any(c.industrial, lead))) \
            and not _any(c.violent_intent, lead):
        return "MAN_MADE_DISASTER"
    # 2. Weapons found, seized, defused or intercepted.
    if _any(c.disrupted, lead) or (_near(lead, c.found, c.weapon_things, 80)
                                 and not _any(c.killing, lead)):
        return "DISR_WEAP"
    # 3. Violence against people of a specific kind.
    if _any(c.mob, lead):
        return "MOB_VIOL"
    if _any(c.sexual, lead):
        return "SEX_VIOL"
    # 4. Claims of responsibility and accusations lead the snippet.
    if _any(c.claim, lead) and not _any(c.protest, lead):
        return "ATTRIB"
    if _any(c.chemical, lead):
        return "CHEM_WEAP"
    # 5. Bases and territory.
    if _near(lead, c.establish, c.base, 50):
        return "HQ_ESTABLISHED"
    territory = _territory(c, lead, text)
    if territory is not None:
        return territory
    if _near(lead, c.non_viol_territory, c.terrain, 60) and not _any(c.clash, lead):
        return "NON_VIOL_TERRIT_TRANSFER"
    # 6. Demonstrations.
    if _any(c.protest, lead) or (event is not None and event.category == "PROTEST"):
        return _protest_label(c, text)
    # 7. Crime, abduction, arrest.
    if _any(c.crime, lead) and not _any(c.non_state, lead):
        return "ORG_CRIME"
    if _any(c.abduct, lead):
        return "ABDUCT_DISSAP"
    # 8. Armed violence by weapon, then clash vs attack.
    if assault or _any(c.violent_acts, text) or _any(c.clash, lead):
        weapon = _weapon_label(c, text, event)
        if weapon is not None:
            return weapon
        if _any(c.property, lead) and not _any(c.killing, lead):
            return "PROPERTY_DISTRUCT"
        return "ARMED_CLASH" if _armed_clash(c, text, event) else "ATTACK"
    if _any(c.arrest, lead):
        return "ARREST"
    if _any(c.property, text):
        return "PROPERTY_DISTRUCT"
    if _any(c.mob, text) or _any(c.sexual, text):
        return "MOB_VIOL" if _any(c.mob, text) else "SEX_VIOL"
    if _any(c.protest, text):
        return _protest_label(c, text)
    code = event_code(event, c.lexicon)
    if code != DEFAULT_LABEL:
        return code
    backoff = (
        (c.agree, "AGREEMENT"),
        (c.diplomacy, "DIPLO"),
        (c.group_change, "CHANGE_TO_GROUP_ACT"),
        (c.non_viol_territory, "NON_VIOL_TERRIT_TRANSFER"),
        (c.crime, "ORG_CRIME"),
        (c.arrest, "ARREST"),
    )
    for pattern, label in backoff:
        if _any(pattern, text):
            return label
    return DEFAULT_LABEL


__all__ = [
    "ACLED_NAMES", "DEFAULT_LABEL", "Cues", "EventFacts", "acled_names", "cues", "event_code",
    "sub_event", "words_of",
]
