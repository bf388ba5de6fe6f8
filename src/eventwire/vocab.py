"""Controlled vocabularies (typed data, the same in every language): PLOVER categories,
modes, contexts and sector codes, and what each category means to the stages.

Words of a language are not here: they are the lexicon (``eventwire.lexicon``,
``lexicon/<lang>/*.toml``).

PLOVER names come from the PLOVER manual (Open Event Data Alliance, CC BY-SA 4.0); see
docs/CREDITS.md.
"""

from __future__ import annotations

from dataclasses import dataclass

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

@dataclass(frozen=True, slots=True)
class CategorySpec:
    """What the stages need to know of a category: one entry, no lists of names in code.
    Adding a category is an entry here plus its words in the lexicon."""

    name: Category
    incident: bool = False  # in scope of the incident codebook (a discrete act of force)
    things: bool = False  # what it is done to may be a thing ("attacked a checkpoint")
    outcome: bool = False  # dead, injured and arrested are read for it
    local: bool = False  # a local report's police city may place it
    joins_earlier: bool = False  # a new mention joins the latest compatible event before it
    # ... only one of the same kind (mode): an arrest joins the arrest told before it, a ban
    # the ban, never an arrest a ban
    joins_same_kind: bool = False
    said_to_happen: bool = False  # "the incident happened Saturday" dates it
    agent_from_verb: bool = False  # "staged a protest": the verb's subject is its actor


CATEGORY_SPECS: dict[Category, CategorySpec] = {
    c.name: c for c in (
        CategorySpec("AGREE"),
        CategorySpec("CONSULT", joins_earlier=True, agent_from_verb=True),
        CategorySpec("SUPPORT"),
        CategorySpec("CONCEDE"),
        CategorySpec("COOPERATE"),
        CategorySpec("AID"),
        CategorySpec("RETREAT"),
        CategorySpec("REQUEST"),
        CategorySpec("ACCUSE"),
        CategorySpec("REJECT"),
        CategorySpec("THREATEN", incident=True, local=True, joins_earlier=True,
                     said_to_happen=True),
        CategorySpec("PROTEST", incident=True, things=True, outcome=True, local=True,
                     agent_from_verb=True),
        CategorySpec("SANCTION", incident=True, agent_from_verb=True, joins_earlier=True),
        CategorySpec("MOBILIZE", incident=True, things=True, agent_from_verb=True,
                     joins_earlier=True),
        CategorySpec("COERCE", incident=True, things=True, outcome=True, local=True,
                     joins_earlier=True, joins_same_kind=True, said_to_happen=True),
        CategorySpec("ASSAULT", incident=True, things=True, outcome=True, local=True,
                     joins_earlier=True, said_to_happen=True),
    )
}
INCIDENT_CATEGORIES: frozenset[Category] = frozenset(
    c for c, spec in CATEGORY_SPECS.items() if spec.incident
)


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


def __getattr__(name: str) -> frozenset[str]:
    """``SITE_NOUNS``, now ``lexicon/<lang>/places.toml``'s ``site_nouns``: kept under its old
    name only for ``nlp/stages/places.py`` until that stage reads the lexicon itself."""
    if name == "SITE_NOUNS":
        from .lexicon import load_lexicon

        return load_lexicon().words("places.site_nouns")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CATEGORIES",
    "CATEGORY_SPECS",
    "CONTEXTS",
    "INCIDENT_CATEGORIES",
    "MODES",
    "SECTORS",
    "CategorySpec",
]
