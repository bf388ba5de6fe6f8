"""The actor lexicon (``lexicon/<lang>/actors.toml``) read into typed tables, checked against
the PLOVER sectors once: the sector of a head noun or an organisation, titles, leaders.

Shared by the stages that read participants (``nlp/arguments.py``, ``entities``,
``events``, ``speech``, ``attribution``) and by the ACLED reading (``eventwire.acled``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType

from ..vocab import SECTORS
from . import Lexicon, LexiconError


def inverted(lex: Lexicon, name: str, allowed: Collection[str] | None = None) -> Mapping[str, str]:
    """A table written value -> words (``[sector_nouns] MIL = ["soldier", ...]``) read as
    word -> value, in the table's order. Every value must be ``allowed`` (when given) and
    no word may stand under two values."""
    out: dict[str, str] = {}
    for value, words in lex.mapping(name).items():
        if allowed is not None and value not in allowed:
            raise LexiconError(f"lexicon {name!r}: {value!r} is not one of {sorted(allowed)}")
        if isinstance(words, str) or not all(isinstance(w, str) for w in words):
            raise LexiconError(f"lexicon {name!r}: {value!r} must list words")
        for word in words:
            if word in out:
                raise LexiconError(
                    f"lexicon {name!r}: {word!r} is under both {out[word]!r} and {value!r}"
                )
            out[word] = value
    return MappingProxyType(out)


class ActorWords:
    """Who acts: sectors of nouns and organisations, titles and roles, leaders."""

    def __init__(self, lex: Lexicon) -> None:
        self.sector_nouns: Mapping[str, str] = inverted(lex, "actors.sector_nouns", SECTORS)
        orgs: dict[str, tuple[str, str | None]] = {}
        for org, entry in lex.mapping("actors.org_sectors").items():
            sector, country = entry.get("sector"), entry.get("country")
            if sector not in SECTORS:
                raise LexiconError(f"organisation {org!r}: {sector!r} is not a PLOVER sector")
            if country is not None and not (isinstance(country, str) and len(country) == 2
                                            and country.isupper()):
                raise LexiconError(f"organisation {org!r}: {country!r} is no ISO country code")
            orgs[org] = (sector, country)
        self.org_sectors: Mapping[str, tuple[str, str | None]] = MappingProxyType(orgs)
        self.leader_countries: Mapping[str, str] = inverted(lex, "actors.leader_countries")
        bad = [c for c in set(self.leader_countries.values())
               if not (len(c) == 2 and c.isupper())]
        if bad:
            raise LexiconError(f"lexicon 'actors.leader_countries': {bad[0]!r} is no ISO code")
        # a title -> the noun that can later refer to the person, or None
        titles: dict[str, str | None] = dict(inverted(lex, "actors.titles"))
        for t in lex.words("actors.bare_titles"):
            if t in titles:
                raise LexiconError(f"title {t!r} is both bare and in 'actors.titles'")
            titles[t] = None
        self.titles: Mapping[str, str | None] = MappingProxyType(titles)
        self.role_heads = frozenset(self.sector_nouns) | lex.words("actors.role_heads")
        self.relation_nouns: Mapping[str, str] = inverted(lex, "actors.relation_nouns")
        self.government_roles = lex.words("actors.government_roles")
        self.role_prepositions = lex.words("actors.role_prepositions")
        self.role_title_skipped = lex.words("actors.role_title_skipped")
        self.intelligence = lex.words("actors.intelligence_words")
        self.government_heads = lex.words("actors.government_heads")
        self.personal_pronouns = lex.words("actors.personal_pronouns")
        self.group_name_heads = lex.words("actors.group_name_heads")


__all__ = ["ActorWords", "inverted"]
