"""Great-circle distance (the unit of geoparsing error)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class SphereGrid(Generic[T]):
    """Points on the sphere in cubes whose side is the chord of ``km``: every point within
    ``km`` of a point lies in its cube or one of the 26 around it (so that "what is near"
    costs the neighbourhood, not a walk over all points). Items are ``(key, lat, lon)``;
    ``around`` may also yield farther ones: measure them."""

    def __init__(self, km: float) -> None:
        self._side = 2 * math.sin(min(km, 20_000.0) / (2 * EARTH_RADIUS_KM)) * 1.001
        self._cells: dict[tuple[int, int, int], list[tuple[T, float, float]]] = {}

    def _cell(self, lat: float, lon: float) -> tuple[int, int, int]:
        p, lam = math.radians(lat), math.radians(lon)
        x, y, z = math.cos(p) * math.cos(lam), math.cos(p) * math.sin(lam), math.sin(p)
        return (math.floor(x / self._side), math.floor(y / self._side),
                math.floor(z / self._side))

    def add(self, item: tuple[T, float, float]) -> None:
        self._cells.setdefault(self._cell(item[1], item[2]), []).append(item)

    def around(self, lat: float, lon: float) -> Iterator[tuple[T, float, float]]:
        cx, cy, cz = self._cell(lat, lon)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for dz in (-1, 0, 1):
                    yield from self._cells.get((cx + dx, cy + dy, cz + dz), ())


__all__ = ["EARTH_RADIUS_KM", "SphereGrid", "haversine_km"]
