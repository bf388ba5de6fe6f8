"""Controlled vocabularies (data only): PLOVER categories, modes, contexts and sector codes,
and the lexicons the extraction stages read.

PLOVER names come from the PLOVER manual (Open Event Data Alliance, CC BY-SA 4.0); see
docs/CREDITS.md. The lexicons below are eventwire's own.
"""

from __future__ import annotations

from .model import CATEGORIES, Category

MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    ),
}

CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security", "gender",
    "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment",
    "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
)

SECTORS: dict[str, str] = {
    "COP": "police", "GOV": "government", "JUD": "judiciary", "LEG": "legislature",
    "MIL": "military", "PRM": "paramilitary", "PTY": "political party", "REB": "rebels",
    "SPY": "intelligence", "UAF": "unidentified armed forces", "UNK": "unidentified actor",
    "AGR": "agriculture", "BUS": "business", "CRM": "criminals", "CVL": "civilians",
    "EDU": "education", "ELI": "former officials", "JRN": "media", "LAB": "labour",
    "MED": "health", "REF": "refugees", "OPP": "opposition", "PRE": "partially recognised",
    "REL": "religious", "SOC": "civil society",
}

# -- event triggers ----------------------------------------------------------------------
# lemma -> (category, modes). Verbs and nouns share the table; `NOUN_ONLY`/`VERB_ONLY`
# narrow a few ambiguous words.
TRIGGERS: dict[str, tuple[Category, tuple[str, ...]]] = {
    # ASSAULT
    "shoot": ("ASSAULT", ("firearms",)), "shooting": ("ASSAULT", ("firearms",)),
    "gun": ("ASSAULT", ("firearms",)), "gunfire": ("ASSAULT", ("firearms",)),
    "fire": ("ASSAULT", ("firearms",)),
    "kill": ("ASSAULT", ()), "killing": ("ASSAULT", ()), "murder": ("ASSAULT", ()),
    "slay": ("ASSAULT", ()), "slaying": ("ASSAULT", ()),
    "assassinate": ("ASSAULT", ("targeted",)), "assassination": ("ASSAULT", ("targeted",)),
    "attack": ("ASSAULT", ()), "assault": ("ASSAULT", ()), "ambush": ("ASSAULT", ()),
    "raid": ("ASSAULT", ()), "storm": ("ASSAULT", ()), "clash": ("ASSAULT", ()),
    "bomb": ("ASSAULT", ("explosives",)), "bombing": ("ASSAULT", ("explosives",)),
    "explosion": ("ASSAULT", ("explosives",)), "blast": ("ASSAULT", ("explosives",)),
    "explode": ("ASSAULT", ("explosives",)), "detonate": ("ASSAULT", ("explosives",)),
    "stab": ("ASSAULT", ("primitive",)), "stabbing": ("ASSAULT", ("primitive",)),
    "behead": ("ASSAULT", ("primitive",)), "hack": ("ASSAULT", ("primitive",)),
    "beat": ("ASSAULT", ("beat",)), "beating": ("ASSAULT", ("beat",)),
    "torture": ("ASSAULT", ("torture",)), "rape": ("ASSAULT", ("sexual",)),
    "kidnap": ("ASSAULT", ("abduct",)), "kidnapping": ("ASSAULT", ("abduct",)),
    "abduct": ("ASSAULT", ("abduct",)), "abduction": ("ASSAULT", ("abduct",)),
    "hostage": ("ASSAULT", ("abduct",)),
    "shell": ("ASSAULT", ("heavy-weapons",)), "shelling": ("ASSAULT", ("heavy-weapons",)),
    "airstrike": ("ASSAULT", ("aerial",)), "bombard": ("ASSAULT", ("heavy-weapons",)),
    "massacre": ("ASSAULT", ()), "torch": ("ASSAULT", ("destroy",)),
    "arson": ("ASSAULT", ("destroy",)), "burn": ("ASSAULT", ("destroy",)),
    "destroy": ("ASSAULT", ("destroy",)), "invasion": ("ASSAULT", ("heavy-weapons",)),
    "invade": ("ASSAULT", ("heavy-weapons",)), "offensive": ("ASSAULT", ()),
    "target": ("ASSAULT", ("targeted",)), "wound": ("ASSAULT", ()),
    "injure": ("ASSAULT", ()), "hijack": ("ASSAULT", ("abduct",)),
    "gunfight": ("ASSAULT", ("firearms",)), "firefight": ("ASSAULT", ("firearms",)),
    "skirmish": ("ASSAULT", ()), "loot": ("ASSAULT", ("destroy",)),
    "ransack": ("ASSAULT", ("destroy",)), "vandalize": ("ASSAULT", ("destroy",)),
    "vandalise": ("ASSAULT", ("destroy",)), "molest": ("ASSAULT", ("sexual",)),
    # COERCE
    "arrest": ("COERCE", ("arrest",)), "detain": ("COERCE", ("arrest",)),
    "detention": ("COERCE", ("arrest",)), "jail": ("COERCE", ("arrest",)),
    "imprison": ("COERCE", ("arrest",)), "apprehend": ("COERCE", ("arrest",)),
    "seize": ("COERCE", ("seize",)), "confiscate": ("COERCE", ("seize",)),
    "deport": ("COERCE", ("deport",)), "deportation": ("COERCE", ("deport",)),
    "censor": ("COERCE", ("censor",)), "curfew": ("COERCE", ("curfew",)),
    "ban": ("COERCE", ("restrict",)), "crackdown": ("COERCE", ("restrict",)),
    "disperse": ("COERCE", ("restrict",)),
    # PROTEST
    "protest": ("PROTEST", ("demo",)), "demonstrate": ("PROTEST", ("demo",)),
    "demonstration": ("PROTEST", ("demo",)), "rally": ("PROTEST", ("demo",)),
    "march": ("PROTEST", ("demo",)), "riot": ("PROTEST", ("riot",)),
    "boycott": ("PROTEST", ("boycott",)), "blockade": ("PROTEST", ("obstruct",)),
    "mutiny": ("PROTEST", ()), "revolt": ("PROTEST", ()), "uprising": ("PROTEST", ()),
    "rebellion": ("PROTEST", ()), "walkout": ("PROTEST", ("strike",)),
    # THREATEN
    "threaten": ("THREATEN", ()), "threat": ("THREATEN", ()), "warn": ("THREATEN", ()),
    "vow": ("THREATEN", ("violence",)), "ultimatum": ("THREATEN", ()),
    # ACCUSE
    "accuse": ("ACCUSE", ("allege",)), "blame": ("ACCUSE", ("allege",)),
    "allege": ("ACCUSE", ("allege",)), "condemn": ("ACCUSE", ("disapprove",)),
    "criticise": ("ACCUSE", ("disapprove",)), "criticize": ("ACCUSE", ("disapprove",)),
    "denounce": ("ACCUSE", ("disapprove",)), "decry": ("ACCUSE", ("disapprove",)),
    "investigate": ("ACCUSE", ("investigate",)), "investigation": ("ACCUSE", ("investigate",)),
    "probe": ("ACCUSE", ("investigate",)), "sue": ("ACCUSE", ("allege",)),
    "charge": ("ACCUSE", ("allege",)),
    # SANCTION
    "sanction": ("SANCTION", ()), "embargo": ("SANCTION", ("discontinue",)),
    "expel": ("SANCTION", ("expel",)), "convict": ("SANCTION", ("convict",)),
    "sentence": ("SANCTION", ("convict",)),
    # CONSULT
    "meet": ("CONSULT", ()), "meeting": ("CONSULT", ()), "talk": ("CONSULT", ()),
    "negotiate": ("CONSULT", ()), "negotiation": ("CONSULT", ()),
    "visit": ("CONSULT", ("visit",)), "host": ("CONSULT", ("visit",)),
    "summit": ("CONSULT", ("multilateral",)), "discuss": ("CONSULT", ()),
    "consult": ("CONSULT", ()), "confer": ("CONSULT", ()),
    # MOBILIZE
    "mobilize": ("MOBILIZE", ("troops",)), "mobilise": ("MOBILIZE", ("troops",)),
    "mobilization": ("MOBILIZE", ("troops",)), "mobilisation": ("MOBILIZE", ("troops",)),
    "deploy": ("MOBILIZE", ("troops",)), "deployment": ("MOBILIZE", ("troops",)),
    # cooperation side
    "agree": ("AGREE", ()), "agreement": ("AGREE", ()), "sign": ("AGREE", ()),
    "pledge": ("AGREE", ()), "promise": ("AGREE", ()),
    "praise": ("SUPPORT", ()), "endorse": ("SUPPORT", ()), "support": ("SUPPORT", ()),
    "welcome": ("SUPPORT", ()),
    "concede": ("CONCEDE", ()), "apologise": ("CONCEDE", ()), "apologize": ("CONCEDE", ()),
    "cooperate": ("COOPERATE", ()), "cooperation": ("COOPERATE", ()),
    "aid": ("AID", ()), "donate": ("AID", ()), "assistance": ("AID", ()),
    "withdraw": ("RETREAT", ("withdraw",)), "withdrawal": ("RETREAT", ("withdraw",)),
    "release": ("RETREAT", ("release",)), "free": ("RETREAT", ("release",)),
    "resign": ("RETREAT", ("resign",)), "resignation": ("RETREAT", ("resign",)),
    "ceasefire": ("RETREAT", ("ceasefire",)), "truce": ("RETREAT", ("ceasefire",)),
    "urge": ("REQUEST", ("change",)), "demand": ("REQUEST", ("change",)),
    "appeal": ("REQUEST", ("assist",)), "request": ("REQUEST", ()),
    "reject": ("REJECT", ()), "refuse": ("REJECT", ()), "veto": ("REJECT", ()),
    "dismiss": ("REJECT", ()),
}

# Words that are triggers only in one part of speech.
NOUN_ONLY: frozenset[str] = frozenset({
    "gun", "offensive", "summit", "hostage", "threat", "ultimatum", "curfew",
    "crackdown", "truce", "ceasefire", "assistance", "talk", "meeting", "agreement",
})
VERB_ONLY: frozenset[str] = frozenset({
    "fire", "shoot", "storm", "target", "wound", "injure", "free", "host", "hack", "burn",
    "sign", "meet", "discuss", "sentence", "charge", "march", "welcome", "support",
    "promise", "demand", "request", "destroy",
})

# Nouns that signal an event only as a plural/definite reference to an existing one.
WEAPON_MODES: dict[str, str] = {
    "gun": "firearms", "rifle": "firearms", "pistol": "firearms", "bullet": "firearms",
    "gunfire": "firearms", "gunman": "firearms", "gunmen": "firearms", "sniper": "firearms",
    "bomb": "explosives", "explosive": "explosives", "ied": "explosives",
    "grenade": "explosives", "mine": "explosives", "dynamite": "explosives",
    "car bomb": "explosives", "explosion": "explosives", "suicide": "suicide-attack",
    "landmine": "explosives", "roadside bomb": "explosives", "booby trap": "explosives",
    "improvised explosive": "explosives", "detonator": "explosives",
    "suicide bomber": "suicide-attack", "suicide vest": "suicide-attack",
    "knife": "primitive", "machete": "primitive", "axe": "primitive", "rock": "primitive",
    "stone": "primitive", "club": "beat", "drone": "drone", "airstrike": "aerial",
    "air strike": "aerial", "air raid": "aerial", "warplane": "aerial",
    "fighter jet": "aerial", "gunship": "aerial", "barrel bomb": "aerial",
    "missile": "heavy-weapons", "rocket": "heavy-weapons", "artillery": "heavy-weapons",
    "mortar": "heavy-weapons", "shell": "heavy-weapons", "tank": "heavy-weapons",
    "howitzer": "heavy-weapons", "shelling": "heavy-weapons",
    "novichok": "unconventional", "nerve agent": "unconventional", "chemical": "unconventional",
    "sarin": "unconventional", "poison": "unconventional", "chlorine": "unconventional",
    "mustard gas": "unconventional", "toxic gas": "unconventional",
    "poison gas": "unconventional", "tear gas": "crowd-control",
    "rubber bullet": "crowd-control", "water cannon": "crowd-control",
}

# Words marking an assault on a specific, chosen person.
TARGETED_CUES: frozenset[str] = frozenset({
    "assassinate", "assassination", "assassination attempt", "targeted", "hit",
})

# "call X a <term>" makes an accusation.
ACCUSATION_TERMS: frozenset[str] = frozenset({
    "terrorist attack", "terror attack", "act of terrorism", "terrorism", "crime",
    "war crime", "provocation", "genocide", "murder", "massacre", "assassination",
    "atrocity", "aggression", "sabotage",
})

# Phrases that make a statement a threat.
THREAT_PHRASES: tuple[str, ...] = (
    "never sleep peacefully", "never feel safe", "ever feel safe", "will pay", "would pay",
    "will be punished", "will be hunted", "will be destroyed", "days are numbered",
    "will face consequences", "will regret", "would regret", "will not go unpunished",
    "will be avenged", "we will find", "we will hunt",
)

# -- actors ------------------------------------------------------------------------------
# head noun (lemma) -> PLOVER sector
SECTOR_NOUNS: dict[str, str] = {
    "gunman": "UAF", "gunmen": "UAF", "assailant": "UAF", "attacker": "UAF",
    "shooter": "UAF", "militant": "REB", "insurgent": "REB", "rebel": "REB",
    "jihadist": "REB", "separatist": "REB", "guerrilla": "REB", "fighter": "REB",
    "terrorist": "REB", "bomber": "UAF", "sniper": "UAF", "kidnapper": "UAF",
    "soldier": "MIL", "troop": "MIL", "army": "MIL", "military": "MIL", "general": "MIL",
    "officer": "MIL", "colonel": "MIL", "commander": "MIL", "brigade": "MIL",
    "regiment": "MIL", "battalion": "MIL", "navy": "MIL", "marine": "MIL",
    "police": "COP", "policeman": "COP", "policemen": "COP", "officer_police": "COP",
    "gendarme": "COP", "constable": "COP",
    "minister": "GOV", "president": "GOV", "government": "GOV", "official": "GOV",
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "ministry": "GOV",
    "regime": "GOV", "authority": "GOV", "administration": "GOV", "delegation": "GOV",
    "governor": "GOV", "mayor": "GOV", "prime minister": "GOV", "diplomat": "GOV",
    "ambassador": "GOV", "kremlin": "GOV", "chancellor": "GOV", "king": "GOV",
    "intelligence": "SPY", "spy": "SPY", "agent": "SPY",
    "judge": "JUD", "court": "JUD", "prosecutor": "JUD",
    "lawmaker": "LEG", "parliament": "LEG", "senator": "LEG", "legislator": "LEG",
    "mp": "LEG", "congress": "LEG",
    "protester": "CVL", "protestor": "CVL", "demonstrator": "CVL", "civilian": "CVL",
    "resident": "CVL", "student": "EDU", "activist": "CVL", "villager": "CVL",
    "child": "CVL", "woman": "CVL", "passer-by": "CVL", "worker": "LAB",
    "journalist": "JRN", "reporter": "JRN", "blogger": "JRN", "media": "JRN",
    "newspaper": "JRN", "doctor": "MED", "nurse": "MED", "hospital": "MED",
    "priest": "REL", "imam": "REL", "cleric": "REL", "church": "REL", "mosque": "REL",
    "businessman": "BUS", "company": "BUS", "refugee": "REF", "migrant": "REF",
    "gang": "CRM", "criminal": "CRM", "cartel": "CRM", "smuggler": "CRM",
    "opposition": "OPP", "party": "PTY", "militia": "PRM", "paramilitary": "PRM",
    "mercenary": "PRM",
}

# Organisations whose sector is known by name (acronyms as written in news).
ORG_SECTORS: dict[str, tuple[str, str | None]] = {
    "GRU": ("SPY", "RU"), "FSB": ("SPY", "RU"), "SVR": ("SPY", "RU"), "KGB": ("SPY", "RU"),
    "CIA": ("SPY", "US"), "FBI": ("COP", "US"), "NSA": ("SPY", "US"), "MI6": ("SPY", "GB"),
    "MI5": ("SPY", "GB"), "Mossad": ("SPY", "IL"), "Shin Bet": ("SPY", "IL"),
    "SBU": ("SPY", "UA"), "HUR": ("SPY", "UA"), "ISI": ("SPY", "PK"), "Wagner": ("PRM", "RU"),
    "Wagner group": ("PRM", "RU"), "Azov": ("MIL", "UA"), "Hamas": ("REB", "PS"),
    "Hezbollah": ("REB", "LB"), "Taliban": ("REB", "AF"), "al-Shabaab": ("REB", "SO"),
    "Boko Haram": ("REB", "NG"), "Islamic State": ("REB", None), "ISIS": ("REB", None),
    "IS": ("REB", None), "al-Qaeda": ("REB", None), "PKK": ("REB", "TR"),
    "Houthis": ("REB", "YE"), "Kremlin": ("GOV", "RU"), "Pentagon": ("MIL", "US"),
    "NATO": ("MIL", None), "UN": ("GOV", None), "EU": ("GOV", None),
}

# Heads of state/government in the news, for "the X regime/government" (fact table).
LEADER_COUNTRIES: dict[str, str] = {
    "zelenskyy": "UA", "zelensky": "UA", "zelenskiy": "UA", "putin": "RU", "biden": "US",
    "trump": "US", "assad": "SY", "maduro": "VE", "erdogan": "TR", "netanyahu": "IL",
    "lukashenko": "BY", "kim": "KP", "xi": "CN", "khamenei": "IR", "modi": "IN",
    "starmer": "GB", "macron": "FR", "scholz": "DE", "merz": "DE",
}

# Titles and ranks stripped to find a person's name; value = the noun that can later
# refer to the person ("the general").
TITLES: dict[str, str | None] = {
    "lt": None, "lt.": None, "lieutenant": None, "gen": "general", "gen.": "general",
    "general": "general", "col": "colonel", "col.": "colonel", "colonel": "colonel",
    "maj": "major", "maj.": "major", "major": "major", "capt": "captain", "capt.": "captain",
    "captain": "captain", "sgt": "sergeant", "sgt.": "sergeant", "sergeant": "sergeant",
    "adm": "admiral", "adm.": "admiral", "admiral": "admiral", "cmdr": "commander",
    "commander": "commander", "brig": None, "brig.": None, "brigadier": "brigadier",
    "president": "president", "pres.": "president", "prime": None, "minister": "minister",
    "mr": None, "mr.": None, "mrs": None, "mrs.": None, "ms": None, "ms.": None,
    "dr": "doctor", "dr.": "doctor", "prof": "professor", "prof.": "professor",
    "sen": "senator", "sen.": "senator", "senator": "senator", "rep": None, "rep.": None,
    "gov": "governor", "gov.": "governor", "governor": "governor", "mayor": "mayor",
    "judge": "judge", "sheikh": None, "imam": "imam", "father": "priest", "rev": None,
    "rev.": None, "king": "king", "queen": "queen", "prince": "prince", "chief": "chief",
    "inspector": "inspector", "deputy": None,
}

# Reporting verbs: lemma -> default factuality of what they introduce.
REPORTING_VERBS: dict[str, str] = {
    "say": "reported", "tell": "reported", "add": "reported", "state": "reported",
    "report": "reported", "write": "reported", "post": "reported", "announce": "reported",
    "confirm": "asserted", "claim": "alleged", "allege": "alleged", "insist": "reported",
    "deny": "denied", "warn": "reported", "note": "reported", "explain": "reported",
    "describe": "reported", "call": "reported", "declare": "reported", "argue": "reported",
    "suggest": "hedged", "believe": "hedged", "tweet": "reported", "quote": "reported",
    "accuse": "alleged", "acknowledge": "asserted", "admit": "asserted", "stress": "reported",
    "show": "asserted", "find": "asserted", "cite": "reported", "ask": "reported",
    "want": "reported", "plan": "reported", "criticize": "reported", "criticise": "reported",
    "indicate": "reported", "reveal": "reported", "predict": "hedged", "respond": "reported",
    "reply": "reported", "recall": "reported", "urge": "reported", "promise": "reported",
    "vow": "reported", "question": "reported", "agree": "reported", "expect": "hedged",
    "hope": "reported", "demand": "reported", "propose": "reported", "recommend": "reported",
    "emphasize": "reported", "emphasise": "reported", "estimate": "hedged",
    "testify": "reported", "conclude": "reported", "point": "reported",
}

SOCIAL_MEDIA: frozenset[str] = frozenset({
    "x", "twitter", "telegram", "facebook", "instagram", "social media", "tiktok",
    "youtube", "vk", "weibo", "truth social",
})

EXPERT_NOUNS: frozenset[str] = frozenset({
    "expert", "analyst", "researcher", "professor", "scholar", "academic", "specialist",
    "observer", "commentator", "historian",
})
WITNESS_NOUNS: frozenset[str] = frozenset({
    "witness", "resident", "neighbour", "neighbor", "bystander", "survivor", "eyewitness",
    "local",
})
MEDIA_NOUNS: frozenset[str] = frozenset({
    "media", "report", "reports", "newspaper", "agency", "outlet", "broadcaster", "tv",
    "television", "channel", "press", "journalist",
})
UNNAMED_NOUNS: frozenset[str] = frozenset({
    "source", "sources", "official", "officials", "report", "reports", "people",
})

# Nouns naming where, inside a city, something happened.
SITE_NOUNS: frozenset[str] = frozenset({
    "stairwell", "apartment", "home", "house", "flat", "building", "office", "headquarters",
    "checkpoint", "market", "marketplace", "mosque", "church", "synagogue", "temple",
    "school", "university", "hospital", "clinic", "street", "road", "avenue", "square",
    "station", "airport", "hotel", "restaurant", "cafe", "bar", "club", "bus", "car",
    "train", "metro", "embassy", "consulate", "base", "barracks", "prison", "courthouse",
    "court", "parliament", "stadium", "park", "bridge", "border", "port", "village",
    "camp", "compound", "entrance", "gate", "courtyard", "garage", "parking", "lobby",
    "north", "south", "east", "west", "north-west", "north-east", "south-west",
    "south-east", "northwest", "northeast", "southwest", "southeast", "outskirts",
    "centre", "center", "district", "neighbourhood", "neighborhood", "suburb",
})

CONDITIONS: dict[str, str] = {
    "critical condition": "critical", "critically": "critical", "in a coma": "critical",
    "life-threatening": "critical", "serious condition": "serious", "seriously": "serious",
    "stable condition": "stable", "stable": "stable", "died in hospital": "died_later",
    "died of his wounds": "died_later", "died of her wounds": "died_later",
    "succumbed": "died_later", "later died": "died_later", "unharmed": "unharmed",
    "unhurt": "unharmed", "escaped unhurt": "unharmed",
}

__all__ = [
    "ACCUSATION_TERMS", "CATEGORIES", "CONDITIONS", "CONTEXTS", "EXPERT_NOUNS",
    "LEADER_COUNTRIES", "MEDIA_NOUNS", "MODES", "NOUN_ONLY", "ORG_SECTORS", "REPORTING_VERBS",
    "SECTORS", "SECTOR_NOUNS", "SITE_NOUNS", "SOCIAL_MEDIA", "TARGETED_CUES", "THREAT_PHRASES",
    "TITLES", "TRIGGERS", "UNNAMED_NOUNS", "VERB_ONLY", "WEAPON_MODES", "WITNESS_NOUNS",
]
