"""ACLED-style event and sub-event types of an event, from its words and its PLOVER coding.

ACLED's codebook sorts political violence and demonstrations into six event types and 25
sub-event types; the CASE 2021 shared task added a few codes of its own (disasters,
organised crime, diplomacy, attributions). eventwire records PLOVER categories and modes;
this module is its one reading of the ACLED vocabulary, used by the CSV export
(``acled_names``) and measured by the CASE 2021 scorer (``sub_event``).

``sub_event(text, facts)`` reads a decision list of cue phrases over the text that reports
the event (general English words and phrases following the ACLED codebook definitions) and
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

from .lexicon import load_lexicon
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


def event_code(facts: EventFacts | None) -> str:
    """The sub-event code of an event alone: PLOVER category, modes and sectors."""
    if facts is None:
        return DEFAULT_LABEL
    modes = set(facts.modes)
    category = facts.category.upper()
    if category == "ASSAULT":
        if "explosives" in modes and facts.words & {"grenade", "grenades"}:
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


NATURAL = _rx(
    r"earthquakes?", r"quakes?", r"magnitude", r"aftershocks?", r"tremors", r"floods?",
    r"flooding", r"flooded", r"landslides?", r"mudslides?", r"cyclones?", r"hurricanes?",
    r"typhoons?", r"tornado(?:es)?", r"tsunamis?", r"volcan\w*", r"eruptions?", r"droughts?",
    r"torrential", r"heavy rain\w*", r"downpours?", r"monsoon", r"avalanches?",
    r"wildfires?", r"bushfires?", r"forest fires?", r"heat ?waves?", r"blizzards?",
    r"snowstorms?", r"snowfall", r"heavy snow", r"cold (?:wave|snap)", r"storm surge",
    r"tropical storm", r"lava",
)
_ACCIDENT = _rx(
    r"accident\w*", r"crash(?:ed|es)?", r"derail\w*", r"collaps\w*", r"capsiz\w*", r"sank",
    r"ran aground", r"aground", r"stampede", r"leak\w*", r"spills?", r"spilled",
    r"poisoning", r"poisoned", r"toxins?", r"contaminat\w*", r"fire broke out", r"blaze",
    r"caught fire", r"catch(?:es)? fire", r"firefighters?", r"gas cylinders?",
    r"ammonium nitrate", r"fireworks?", r"malfunction\w*", r"short circuit", r"struck by",
    r"lost control", r"shipwreck\w*", r"collided", r"collision", r"fell ill", r"tainted",
    r"methanol", r"bootleg", r"plunged", r"overturned", r"pile-?up", r"burst",
    r"ruptur\w*", r"veered", r"food poisoning", r"plane went down", r"gas explosion",
    r"explosions? (?:at|in|hit|tore through) (?:a|an|the)"
    r" (?:\w+ )?(?:plant|factory|warehouse|refinery|mine|depot|port|storage)",
)
_INDUSTRIAL = _rx(
    r"plant", r"factory", r"warehouse", r"refinery", r"pipeline", r"tanker", r"chemicals?",
    r"industrial", r"boiler", r"storage", r"solvents?", r"propane", r"gas tank", r"oil tank",
    r"mine shaft", r"coal mine", r"reactor",
)
_BLAZE = _rx(r"explo\w*", r"blasts?", r"fires?", r"burn\w*", r"blaze")
_VIOLENT_ACTS = _rx(
    r"attack\w*", r"bomb(?:ed|ing|ings)?", r"suicide", r"grenades?", r"ieds?", r"shell\w*",
    r"air ?strikes?", r"drone strikes?", r"killed", r"killing", r"wounded", r"injured",
    r"pound\w*", r"raids?",
    r"ambush\w*", r"shot", r"shooting", r"gunfire", r"opened fire", r"fired", r"blasts?",
    r"explosions?", r"exploded", r"landmines?", r"artillery", r"mortars?", r"rockets?",
    r"missiles?", r"stormed", r"massacre\w*", r"beheaded", r"hacked", r"stabbed",
    r"assault\w*", r"torched", r"burned", r"fought", r"fighting", r"went off", r"strafe\w*",
    r"detonat\w*", r"set upon", r"battl(?:e|ed|es|ing)", r"clash\w*",
)
_VIOLENT_INTENT = _rx(
    r"attack\w*", r"bomb(?:er|ers|ing|ings)?", r"militants?", r"gunm[ae]n", r"suicide",
    r"terror\w*", r"insurgents?", r"rebels?", r"grenades?", r"ieds?", r"strikes?",
    r"shell\w*", r"airstrikes?", r"assailants?", r"sabotage\w*", r"arson\w*",
    r"missiles?", r"rockets?", r"drones?", r"gunfire", r"shot", r"shooting",
    r"explosive devices?",
)
_WEAPON_THINGS = _rx(
    r"weapons?", r"arms", r"firearms?", r"guns?", r"rifles?", r"pistols?", r"revolvers?",
    r"carbines?", r"muskets?", r"shotguns?", r"kalashnikovs?", r"ak-47s?", r"ammunitions?",
    r"ammo", r"rounds", r"cartridges", r"bullets", r"magazines", r"munitions?",
    r"explosives?", r"explosive devices?", r"ieds?", r"bombs?", r"mines", r"landmines?",
    r"grenades?", r"rocket bombs", r"projectiles", r"detonators?", r"caches?", r"stash(?:es)?",
    r"arsenal", r"launchers?", r"military equipment", r"shells", r"mortar rounds",
)
_FOUND = _rx(
    r"seiz\w*", r"found", r"discover\w*", r"recover\w*", r"intercept\w*", r"confiscat\w*",
    r"defus\w*", r"dismantl\w*", r"cleared", r"clearing", r"unearth\w*", r"uncover\w*",
    r"removed", r"neutrali[sz]\w*", r"detected", r"identified", r"impounded", r"handed over",
    r"surrendered", r"destroyed", r"defused", r"disarmed", r"recovery", r"seizure",
    r"haul", r"assessed", r"suspicious packages?", r"display\w*",
)
DISRUPTED = _rx(
    r"arms caches?", r"weapons caches?", r"caches? of", r"stash of", r"bomb squad",
    r"bomb disposal", r"defus\w*", r"suspicious (?:packages?|devices?|objects?)",
    r"air defen[cs]es?", r"shot down (?:\w+ )?(?:drones?|missiles?|rockets?|uavs?|projectiles?)",
    r"intercepted (?:\w+ )?(?:missiles?|rockets?|drones?)",
    r"controlled explosion", r"de-?mining", r"explosive devices? (?:was|were) found",
)
CRIME = _rx(
    r"smuggl\w*", r"traffick\w*", r"counterfeit\w*", r"fake (?:currency|notes|money)",
    r"narcotics?", r"cocaine", r"heroin", r"methamphetamine", r"cannabis", r"marijuana",
    r"drug (?:dealers?|dealing|ring|lords?|cartels?|gangs?|traffickers?)", r"cartels?",
    r"robb(?:ery|eries|ed|er|ers)", r"rob", r"burglar\w*", r"break and enter", r"thefts?",
    r"stolen", r"fraud\w*", r"scams?", r"corruption", r"money laundering", r"extortion",
    r"bribe\w*", r"embezzl\w*", r"mafia", r"poach\w*", r"cyber ?crime", r"steroids?",
    r"contraband", r"gang members?", r"youth gang", r"crime ring", r"organi[sz]ed crime",
)
SEXUAL = _rx(
    r"rap(?:e|ed|es|ing|ists?)", r"gang-?raped?", r"sexual(?:ly)? (?:assault\w*|abuse\w*|"
    r"violence|harass\w*|attacks?|exploit\w*)", r"molest\w*", r"sex attack\w*",
)
MOB = _rx(r"mobs?", r"lynch\w*", r"vigilant\w*", r"angry (?:crowd|residents|villagers|youths)",
         r"set upon", r"(?:mob|jungle|street) justice")
CHEMICAL = _rx(
    r"chemical (?:weapons?|attacks?|agents?|munitions?|substances?)", r"chlorine", r"sarin",
    r"mustard gas", r"nerve (?:agent|gas)", r"toxic gas", r"poison(?:ous)? gas",
    r"gas attacks?", r"vx", r"phosgene", r"novichok",
)
SUICIDE = _rx(r"suicide", r"blew (?:himself|herself|themselves) up", r"suicide vests?",
              r"explosive (?:vests?|belts?)", r"suicide belts?")
AERIAL = _rx(
    r"air ?strikes?", r"air ?raids?", r"warplanes?", r"war planes?", r"fighter jets?",
    r"jets?", r"aircraft", r"helicopter gunships?", r"gunships?", r"drone strikes?",
    r"drones?", r"bombing raids?", r"aerial (?:bombardment|attacks?|strikes?|bombing)",
    r"bombers", r"air force", r"air bombardment", r"barrel bombs?", r"planes?",
)
HEAVY = _rx(
    r"shell(?:s|ed|ing)", r"mortars?", r"artillery", r"rockets?", r"missiles?",
    r"howitzers?", r"katyushas?", r"bombard\w*", r"projectiles?", r"heavy weapons",
    r"tank fire", r"cannons?", r"grad",
)
GRENADE = _rx(r"grenades?", r"rpgs?")
REMOTE = _rx(
    r"ieds?", r"improvised explosive", r"roadside bombs?", r"car bombs?", r"landmines?",
    r"land mines?", r"mines?", r"explosive devices?", r"bombs?", r"bombings?", r"blasts?",
    r"explosions?", r"exploded", r"detonat\w*", r"booby-?trap\w*", r"sticky bombs?",
    r"motorcycle bombs?", r"parcel bombs?", r"explosives?",
)
ABDUCT = _rx(r"kidnap\w*", r"abduct\w*", r"hostages?", r"hostage-taking",
             r"forcibly disappeared", r"(?:to|at) an unknown location")
ARREST = _rx(
    r"arrest\w*", r"detain\w*", r"detention", r"custody", r"apprehend\w*", r"round(?:ed)? up",
    r"held for questioning", r"nabbed", r"picked up",
)
PROTEST = _rx(
    r"protest\w*", r"demonstrat(?:ion|ions|ors?)", r"rall(?:y|ies|ied|ying)",
    r"marche(?:d|rs|s)", r"marching", r"sit-?ins?", r"strikers",
    r"(?:an?|the|\w+ed|protest|peaceful|mass) march(?:es)?(?!\s*\d)",
    r"walkouts?", r"picket\w*", r"rioters?", r"riots?", r"rioting", r"unrest",
    r"took to the streets", r"take to the streets", r"gather(?:ed|ing)? (?:outside|in front)",
    r"chant\w*", r"blockad\w*", r"slogans",
)
_RIOT_POLICE = re.compile(r"\b(?:anti-?riot|riot)[- ](?:police\w*|officers?|gear|squad|"
                          r"control|units?|troops|forces)\b", re.IGNORECASE)
PROTESTER_VIOLENCE = _rx(
    r"thr(?:ew|ow|owing|own)", r"hurl\w*", r"pelt\w*", r"stones?", r"rocks", r"molotov\w*",
    r"petrol bombs?", r"fire ?bombs?", r"firecrackers", r"projectiles", r"set fire",
    r"set ablaze", r"torch\w*", r"light(?:ed|s)? fires?", r"lit fires?", r"burn(?:ed|t|ing)",
    r"loot\w*", r"vandali[sz]\w*", r"smash\w*", r"clash\w*", r"turned violent",
    r"turn violent", r"violent (?:protests?|demonstrations?|protesters?)", r"riots?",
    r"rioters?", r"rioting", r"storm(?:ed|ing)", r"broke into", r"breach\w*",
    r"running battles", r"fought", r"damag\w*", r"pull(?:ed)? down", r"blocked roads",
    r"barricades?", r"street violence", r"debris", r"escalating violence", r"violence",
)
FORCE = _rx(
    r"killed", r"killing", r"shot", r"shoot\w*", r"live (?:ammunition|rounds|bullets|fire)",
    r"opened fire", r"gunfire", r"beat\w*", r"baton\w*", r"wound\w*", r"injur\w*", r"died",
    r"dead", r"excessive force", r"brutal\w*", r"violently (?:suppress\w*|dispers\w*)",
    r"suppress\w*", r"crackdown", r"fired (?:on|at|into)", r"rubber bullets",
    r"fatal attacks", r"attacked",
)
INTERVENTION = _rx(
    r"tear ?gas", r"water ?cannons?", r"dispers\w*", r"arrest\w*", r"detain\w*",
    r"chas(?:e|ed|ing)", r"broke up", r"break up", r"pepper spray", r"stun grenades?",
    r"dispersal", r"cordon\w*", r"blocked them", r"kettl\w*", r"police intervention",
)
CLAIM = _rx(
    r"claim(?:ed|s|ing)? responsibility", r"takes? credit", r"took credit",
    r"(?:is|are|was|were|be) responsible for", r"denie[sd] (?:involvement|responsibility|"
    r"that|its|his|their)", r"den(?:y|ying) (?:involvement|responsibility)",
    r"(?:is|are|was|were|be) behind", r"blam\w*", r"accus\w*", r"allegations?",
    r"suspected (?:to be|of being) behind", r"pointed the finger", r"point(?:s|ing)? the finger",
)
REGAIN = _rx(
    r"recaptur\w*", r"retook", r"retak\w*", r"regain\w*", r"liberat\w*", r"wrest\w*",
    r"captur\w*", r"seiz\w*", r"took (?:full )?control", r"tak(?:e|es|en|ing) (?:full )?control",
    r"gain(?:ed)? control", r"controlling", r"took over", r"tak(?:e|es|en|ing) over",
    r"overr?an", r"overrun", r"drove .{1,40}? out", r"pushed .{1,40}? out", r"freed",
    r"advanced", r"fell to", r"pushed back", r"pushed deep", r"entered",
)
_TERRAIN = _rx(
    r"towns?", r"city", r"cities", r"villages?", r"districts?", r"areas?", r"regions?",
    r"territory", r"territories", r"positions?", r"hills?", r"heights", r"port",
    r"airport", r"airfield", r"bases?", r"camps?", r"neighbou?rhoods?", r"highway",
    r"oil ?fields?", r"oilfields?", r"fields", r"crossings?", r"province", r"capital",
    r"mountains?", r"outposts?", r"strongholds?", r"centre", r"center", r"island",
    r"countryside", r"roads?", r"bridge", r"dam", r"front",
)
NON_STATE = _rx(
    r"militants?", r"rebels?", r"insurgents?", r"fighters?", r"terrorists?", r"jihadists?",
    r"militia\w*", r"guerrillas?", r"opposition", r"separatists?", r"islamists?",
    r"extremists?", r"mujahideen", r"gunmen", r"armed groups?", r"factions?", r"bandits",
    r"insurgency", r"armed (?:gangs?|men)",
    *(re.escape(n) for n, (sector, _) in ActorWords(load_lexicon()).org_sectors.items()
      if sector in {"REB", "PRM"} and len(n) > 2),
)
STATE_FORCES = _rx(
    r"army", r"armies", r"troops?", r"soldiers?", r"troopers?", r"government forces",
    r"security forces", r"military", r"police\w*", r"armed forces", r"forces loyal",
    r"government troops", r"national guard", r"gendarm\w*", r"marines?", r"brigades?",
    r"battalions?", r"army units", r"security personnel", r"convoy", r"checkpoints?",
    r"patrols?", r"military (?:post|base|bases|outposts?)", r"police (?:station|post|base)",
    r"barracks", r"defen[cs]e forces", r"peacekeep\w*", r"officers",
)
ESTABLISH = _rx(
    r"set(?:s|ting)? up", r"establish\w*", r"buil[dt]\w*", r"open(?:ed|s)? (?:a|an|two|three|"
    r"new)", r"install\w*", r"erect\w*",
)
_BASE = _rx(
    r"bases?", r"headquarters", r"hq", r"posts?", r"outposts?", r"observation posts?",
    r"checkpoints?", r"camps?", r"garrisons?", r"positions",
)
NON_VIOL_TERRITORY = _rx(
    r"handed over", r"hand(?:s|ing)? over", r"handover", r"withdr[ae]w\w* from",
    r"withdrawn from", r"pulled out of", r"without (?:a fight|resistance|fighting)",
    r"took over (?:from|after)",
)
CLASH = _rx(
    r"clash\w*", r"fighting", r"gun ?fights?", r"fire ?fights?", r"exchange of fire",
    r"exchanged fire", r"battl\w*", r"skirmish\w*", r"engaged", r"fierce fighting",
    r"repell\w*", r"repuls\w*", r"fended off", r"confrontation", r"infighting",
    r"counter-?attack\w*", r"ambush\w*", r"offensive", r"shoot-?outs?", r"returned fire",
)
CIVILIANS = _rx(
    r"civilians?", r"villagers?", r"residents?", r"worshipp?ers?", r"passengers?",
    r"students?", r"children", r"women", r"farmers?", r"shoppers", r"pilgrims",
    r"families", r"people", r"teachers?", r"journalists?", r"traders?", r"shops?",
    r"market", r"mosque", r"church", r"school", r"hospital", r"homes?", r"houses?",
)
PROPERTY = _rx(
    r"loot\w*", r"torch\w*", r"set (?:on )?fire", r"set ablaze", r"burn(?:ed|t) down",
    r"vandali[sz]\w*", r"ransack\w*", r"demolish\w*", r"destroy\w* (?:houses|homes|shops|"
    r"property|properties|vehicles|crops)", r"arson", r"stole", r"made away with",
    r"broke the", r"afire", r"attacks? on propert\w*",
)
AGREE = _rx(
    r"agree\w*", r"deals?", r"accords?", r"ceasefire", r"cease-fire", r"truce",
    r"treaty", r"signed", r"memorandum", r"peace (?:deal|plan|pact)", r"pact",
)
DIPLOMACY = _rx(
    r"talks", r"summit", r"met with", r"meet with", r"visit\w*", r"diplomat\w*",
    r"ambassadors?", r"envoys?", r"sanctions?", r"bilateral", r"counterparts?",
    r"foreign ministers?", r"negotiat\w*", r"expel\w*", r"embass(?:y|ies)",
)
GROUP_CHANGE = _rx(
    r"deploy\w*", r"redeploy\w*", r"reinforc\w*", r"dispatch\w*", r"defect\w*", r"formed",
    r"form(?:ing|s)? (?:a|an|new)", r"mobili[sz]\w*", r"moving troops", r"sen[dt]"
    r" (?:more )?(?:troops|reinforcements|forces|fighters)", r"fortify\w*", r"merg\w*",
    r"military drills", r"exercises", r"withdr[ae]wn? (?:its |their )?(?:forces|troops)",
    r"pull(?:ed)? out", r"sortie", r"joined",
)


# -- decision list -----------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])", text.strip())
    return [p for p in parts if p]


def _any(pattern: re.Pattern[str], *texts: str) -> bool:
    return any(pattern.search(t) for t in texts)


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _territory_actor(text: str, cue: re.Match[str]) -> str | None:
    """Who took the place: "GOV" or "NSA" from the words before the cue in its sentence
    (the subject), else from the whole sentence."""
    start = max(text.rfind(". ", 0, cue.start()), 0)
    before = text[start:cue.start()][-120:]
    for window in (before, text[start:cue.end() + 150]):
        ns = [m.start() for m in NON_STATE.finditer(window)]
        st = [m.start() for m in STATE_FORCES.finditer(window)]
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


def _territory(lead: str, text: str) -> str | None:
    for scope in (lead, text):
        for cue in REGAIN.finditer(scope):
            if _in_name(scope, cue):
                continue  # "the ... Liberation Front claimed": a group's name, not a verb
            tail = scope[cue.end():cue.end() + 90]
            if not _TERRAIN.search(tail):
                continue
            if cue.group(0).lower().startswith(("seiz", "captur", "freed")) and \
                    _WEAPON_THINGS.search(tail[:60]):
                continue
            actor = _territory_actor(scope, cue)
            if actor is not None:
                return "NON_STATE_ACTOR_OVERTAKES_TER" if actor == "NSA" else "GOV_REGAINS_TERIT"
    return None


def _protest_label(text: str) -> str:
    calm = _RIOT_POLICE.sub(" ", text)
    if _any(PROTESTER_VIOLENCE, calm) and not re.search(
            r"\bpeaceful(?:ly)?\b", calm, re.IGNORECASE):
        return "VIOL_DEMONSTR"
    if _any(FORCE, calm):
        return "FORCE_AGAINST_PROTEST"
    if _any(INTERVENTION, calm):
        return "PROTEST_WITH_INTER"
    return "PEACE_PROTEST"


def _weapon_label(text: str, event: EventFacts | None) -> str | None:
    """The weapon-specific ASSAULT sub-events, most specific first."""
    if _any(SUICIDE, text):
        return "SUIC_BOMB"
    if _any(CHEMICAL, text):
        return "CHEM_WEAP"
    code = event_code(event) if event is not None and event.category == "ASSAULT" else None
    if code in {"AIR_STRIKE", "ART_MISS_ATTACK", "GRENADE", "REM_EXPLOS"}:
        return code
    if _any(AERIAL, text) and _near(text, AERIAL, _rx(r"strik\w*", r"struck", r"bomb\w*",
                                                      r"pound\w*", r"raids?", r"target\w*",
                                                      r"attack\w*", r"hit", r"killed",
                                                      r"fired", r"launched"), 80):
        return "AIR_STRIKE"
    if _any(GRENADE, text):
        return "GRENADE"
    if _any(HEAVY, text):
        return "ART_MISS_ATTACK"
    if _any(REMOTE, text):
        return "REM_EXPLOS"
    return None


def _armed_clash(text: str, event: EventFacts | None) -> bool:
    """Organised armed groups on both sides: rebels fighting soldiers, or two armed sides
    clashing; an attack on civilians is not a clash."""
    if event is not None and event.category == "ASSAULT" and _armed(event, "actors") \
            and _armed(event, "recipients"):
        return True
    if event is not None and event.category == "ASSAULT" and any(event.recipient_sectors) \
            and not _armed(event, "recipients"):
        return False  # the parser found unarmed victims: an attack, whoever else is named
    ns, st = _any(NON_STATE, text), _any(STATE_FORCES, text)
    if _any(CLASH, text) and (ns or st):
        return True
    if ns and st:
        return not _near(text, _rx(r"killed", r"killing", r"attack\w*", r"targeted"),
                         CIVILIANS, 40) or _count(STATE_FORCES, text) > 1
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


def sub_event(text: str, event: EventFacts | None) -> str:
    """The sub-event code of an event from the text reporting it and its facts."""
    label = _text_label(text, event)
    if event is None or label in _FAMILIES.get(event.category.upper(), frozenset()):
        return label
    return event_code(event)


def _text_label(text: str, event: EventFacts | None) -> str:
    sents = _sentences(text)
    lead = sents[0] if sents else text
    violent = _any(_VIOLENT_INTENT, text)
    assault = event is not None and event.category == "ASSAULT"

    # 1. Things that are not political violence at all.
    if _any(NATURAL, lead) or (_count(NATURAL, text) >= 2 and not violent):
        return "NATURAL_DISASTER"
    if (_any(_ACCIDENT, lead) or (_any(_ACCIDENT, text) and _any(_INDUSTRIAL, text))
            or (_any(_BLAZE, lead) and _any(_INDUSTRIAL, lead))) \
            and not _any(_VIOLENT_INTENT, lead):
        return "MAN_MADE_DISASTER"
    # 2. Weapons found, seized, defused or intercepted.
    if _any(DISRUPTED, lead) or (_near(lead, _FOUND, _WEAPON_THINGS, 80)
                                 and not _any(_rx(r"killed", r"killing"), lead)):
        return "DISR_WEAP"
    # 3. Violence against people of a specific kind.
    if _any(MOB, lead):
        return "MOB_VIOL"
    if _any(SEXUAL, lead):
        return "SEX_VIOL"
    # 4. Claims of responsibility and accusations lead the snippet.
    if _any(CLAIM, lead) and not _any(PROTEST, lead):
        return "ATTRIB"
    if _any(CHEMICAL, lead):
        return "CHEM_WEAP"
    # 5. Bases and territory.
    if _near(lead, ESTABLISH, _BASE, 50):
        return "HQ_ESTABLISHED"
    territory = _territory(lead, text)
    if territory is not None:
        return territory
    if _near(lead, NON_VIOL_TERRITORY, _TERRAIN, 60) and not _any(CLASH, lead):
        return "NON_VIOL_TERRIT_TRANSFER"
    # 6. Demonstrations.
    if _any(PROTEST, lead) or (event is not None and event.category == "PROTEST"):
        return _protest_label(text)
    # 7. Crime, abduction, arrest.
    if _any(CRIME, lead) and not _any(NON_STATE, lead):
        return "ORG_CRIME"
    if _any(ABDUCT, lead):
        return "ABDUCT_DISSAP"
    # 8. Armed violence by weapon, then clash vs attack.
    if assault or _any(_VIOLENT_ACTS, text) or _any(CLASH, lead):
        weapon = _weapon_label(text, event)
        if weapon is not None:
            return weapon
        if _any(PROPERTY, lead) and not _any(_rx(r"killed", r"killing"), lead):
            return "PROPERTY_DISTRUCT"
        return "ARMED_CLASH" if _armed_clash(text, event) else "ATTACK"
    if _any(ARREST, lead):
        return "ARREST"
    if _any(PROPERTY, text):
        return "PROPERTY_DISTRUCT"
    if _any(MOB, text) or _any(SEXUAL, text):
        return "MOB_VIOL" if _any(MOB, text) else "SEX_VIOL"
    if _any(PROTEST, text):
        return _protest_label(text)
    code = event_code(event)
    if code != DEFAULT_LABEL:
        return code
    for pattern, label in _BACKOFF:
        if _any(pattern, text):
            return label
    return DEFAULT_LABEL


_BACKOFF: tuple[tuple[re.Pattern[str], str], ...] = (
    (AGREE, "AGREEMENT"),
    (DIPLOMACY, "DIPLO"),
    (GROUP_CHANGE, "CHANGE_TO_GROUP_ACT"),
    (NON_VIOL_TERRITORY, "NON_VIOL_TERRIT_TRANSFER"),
    (CRIME, "ORG_CRIME"),
    (ARREST, "ARREST"),
)


__all__ = [
    "ACLED_NAMES", "DEFAULT_LABEL", "EventFacts", "acled_names", "event_code", "sub_event",
    "words_of",
]
