"""What the stages share and build once per Pipeline: the gazetteer, the lexicon, the
number reader and lookup caches. A stage names the attributes it needs (``Stage.needs``);
the pipeline checks they are here."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from ..geo.gazetteer import Gazetteer, GeoMatch, load_gazetteer
from ..geo.names import DEMONYMS, fold
from ..lexicon import Lexicon, load_lexicon
from ..numbers import NumberReader

# A city name must be this large to override a PERSON/ORG label ("Kyiv" yes, "Lincoln" no).
_PLACE_OVERRIDE_POPULATION = 200_000

T = TypeVar("T")


class Resources:
    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.numbers = NumberReader(self.lexicon)
        self.demonyms = {fold(k): v for k, v in DEMONYMS.items()}
        # per-instance caches (not module globals): names repeat across articles
        self.geo_for = lru_cache(maxsize=50_000)(self._geo_for)
        self.is_place = lru_cache(maxsize=50_000)(self._is_place)
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """Something a stage builds once from these resources (compiled patterns)."""
        if key not in self._memo:
            self._memo[key] = build()
        got: T = self._memo[key]
        return got

    def _geo_for(self, name: str) -> GeoMatch | None:
        return self.gazetteer.resolve(name)

    def _is_place(self, name: str) -> bool:
        m = self.geo_for(name)
        if m is None:
            return False
        return m.feature in {"country", "admin1", "region", "continent"} or (
            m.population >= _PLACE_OVERRIDE_POPULATION
        )

    def country_of(self, text: str) -> str | None:
        if fold(text) in self.demonyms:
            return self.demonyms[fold(text)]
        m = self.geo_for(text)
        return m.country if m is not None else None
