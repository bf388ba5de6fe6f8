"""What the stages share and build once per Pipeline: the gazetteer and lookup caches."""

from __future__ import annotations

from functools import lru_cache

from ..geo.gazetteer import Gazetteer, GeoMatch, load_gazetteer
from ..geo.names import DEMONYMS, fold

# A city name must be this large to override a PERSON/ORG label ("Kyiv" yes, "Lincoln" no).
_PLACE_OVERRIDE_POPULATION = 200_000


class Resources:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.demonyms = {fold(k): v for k, v in DEMONYMS.items()}
        # per-instance caches (not module globals): names repeat across articles
        self.geo_for = lru_cache(maxsize=50_000)(self._geo_for)
        self.is_place = lru_cache(maxsize=50_000)(self._is_place)

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
