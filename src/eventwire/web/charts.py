"""Geometry for the server-drawn SVG charts: the timeline's stacked bars and an entity's
relation graph. Numbers only; the templates draw them (and escape every label)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

# Colour per PLOVER category (fill attributes: no inline styles under the CSP).
PALETTE = ("#c0392b", "#2471a3", "#d68910", "#7d3c98", "#17a589", "#566573", "#a04000",
           "#1e8449", "#2e4053", "#b03a2e", "#5b2c6f", "#0e6655")
MAX_DAILY_BARS = 120


@dataclass(frozen=True, slots=True)
class Bar:
    key: str  # the day (YYYY-MM-DD) or month (YYYY-MM)
    x: float
    width: float
    parts: tuple[tuple[str, int, float, float, str], ...]  # category, n, y, height, colour
    total: int


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: tuple[Bar, ...]
    categories: tuple[tuple[str, str], ...]  # (category, colour) legend
    bucket: str  # "day" or "month"
    max_total: int
    undated: int  # events with no date, or only a year or month when bucketing by day
    width: int
    height: int
    first: str | None
    last: str | None


def category_colours(categories: list[str]) -> dict[str, str]:
    return {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(sorted(categories))}


def _days(first: date, last: date) -> list[str]:
    return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def _months(first: date, last: date) -> list[str]:
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def timeline(by_day_category: dict[str, dict[str, int]], width: int = 900,
             height: int = 240) -> Timeline:
    """Stacked bars per day (per month when the days span more than MAX_DAILY_BARS)."""
    dated = {k: v for k, v in by_day_category.items() if len(k) == 10}
    undated = sum(sum(v.values()) for k, v in by_day_category.items() if len(k) != 10)
    cats = sorted({c for v in by_day_category.values() for c in v})
    colours = category_colours(cats)
    if not dated:
        return Timeline((), tuple(colours.items()), "day", 0, undated, width, height, None, None)
    first = date.fromisoformat(min(dated))
    last = date.fromisoformat(max(dated))
    bucket = "day" if (last - first).days < MAX_DAILY_BARS else "month"
    keys = _days(first, last) if bucket == "day" else _months(first, last)
    counts: dict[str, dict[str, int]] = {k: {} for k in keys}
    for day, per_cat in dated.items():
        key = day if bucket == "day" else day[:7]
        for c, n in per_cat.items():
            counts[key][c] = counts[key].get(c, 0) + n
    max_total = max((sum(v.values()) for v in counts.values()), default=0) or 1
    slot = width / len(keys)
    bars = []
    for i, key in enumerate(keys):
        y = float(height)
        parts = []
        for c in cats:
            n = counts[key].get(c, 0)
            if not n:
                continue
            h = n / max_total * (height - 10)
            y -= h
            parts.append((c, n, round(y, 2), round(h, 2), colours[c]))
        bars.append(Bar(key, round(i * slot + slot * 0.1, 2), round(max(slot * 0.8, 1), 2),
                        tuple(parts), sum(counts[key].values())))
    return Timeline(tuple(bars), tuple(colours.items()), bucket, max_total, undated, width,
                    height, keys[0], keys[-1])


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    type: str
    x: float
    y: float
    centre: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str


def relation_graph(detail: dict[str, Any], size: int = 420) -> tuple[list[Node], list[Edge]]:
    """The entity in the middle, each related entity on a circle around it."""
    c = size / 2
    centre = Node(detail["id"], detail["name"], detail["type"], c, c, centre=True)
    others: dict[str, tuple[str, str, list[str]]] = {}
    for rel in detail["relations"]:
        o = rel["other"]
        label = rel["predicate"] if rel["direction"] == "out" else f"{rel['predicate']} (of)"
        others.setdefault(o["id"], (o["name"], o["type"], []))[2].append(label)
    for role in detail["roles"]:
        if role["of"]:
            o = role["of"]
            others.setdefault(o["id"], (o["name"], "", []))[2].append(role["title"])
    nodes, edges = [centre], []
    radius = size / 2 - 60
    for i, (oid, (name, kind, labels)) in enumerate(sorted(others.items())):
        angle = 2 * math.pi * i / max(len(others), 1) - math.pi / 2
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        nodes.append(Node(oid, name, kind, round(x, 1), round(y, 1)))
        edges.append(Edge(c, c, round(x, 1), round(y, 1), ", ".join(dict.fromkeys(labels))))
    return nodes, edges


__all__ = ["Bar", "Edge", "Node", "Timeline", "category_colours", "relation_graph", "timeline"]
