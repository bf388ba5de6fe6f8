"""Geometry for the server-drawn SVG charts: the timeline's stacked bars (one colour per
category family) and an entity's relation graph. Numbers only; the templates draw them
(and escape every label)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

# One colour per category family, from the Okabe-Ito palette (distinguishable with the
# common colour-vision deficiencies); fill attributes, no inline styles under the CSP.
# (key, label, PLOVER categories, colour)
FAMILIES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("violence", "Violence", ("ASSAULT",), "#D55E00"),
    ("force", "Coercion and force", ("COERCE", "MOBILIZE", "SANCTION"), "#E69F00"),
    ("protest", "Protest", ("PROTEST",), "#CC79A7"),
    ("verbal", "Threats, accusations, demands", ("THREATEN", "ACCUSE", "REJECT", "REQUEST"),
     "#0072B2"),
    ("cooperation", "Cooperation and concessions",
     ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"), "#009E73"),
    ("other", "Other", (), "#666666"),
)
_FAMILY = {c: key for key, _label, cats, _colour in FAMILIES for c in cats}
FAMILY_COLOURS = {key: colour for key, _label, _cats, colour in FAMILIES}


def family_of(category: str) -> str:
    """The family key of a PLOVER category ("other" for a name not in PLOVER)."""
    return _FAMILY.get(category, "other")


@dataclass(frozen=True, slots=True)
class Bar:
    start: str  # first day of the bucket (YYYY-MM-DD)
    end: str  # last day
    x: float
    width: float
    parts: tuple[tuple[str, str, int, float, float, str], ...]  # key, label, n, y, h, colour
    total: int

    @property
    def label(self) -> str:
        return self.start if self.start == self.end else f"{self.start} to {self.end}"


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: tuple[Bar, ...]
    families: tuple[tuple[str, str, str, tuple[str, ...]], ...]  # key, label, colour, cats
    bucket: str  # "day", "week" or "month"
    max_total: int
    undated: int  # events with no date, or only a year or month
    width: int
    height: int
    first: str | None
    last: str | None


def timeline_chart(hist: dict[str, Any], width: int = 900, height: int = 200) -> Timeline:
    """Stacked bars, one per bucket of ``aggregates.histogram``, one colour per family."""
    fams = tuple((f["key"], f["label"], f["colour"], tuple(f["categories"]))
                 for f in hist["families"])
    buckets = hist["buckets"]
    if not buckets:
        return Timeline((), fams, hist["bucket"], 0, hist["undated"], width, height, None,
                        None)
    max_total = max(b["total"] for b in buckets) or 1
    slot = width / len(buckets)
    bars = []
    for i, b in enumerate(buckets):
        y = float(height)
        parts = []
        for key, label, colour, _cats in fams:
            n = b["counts"].get(key, 0)
            if not n:
                continue
            h = n / max_total * (height - 14)
            y -= h
            parts.append((key, label, n, round(y, 2), round(h, 2), colour))
        bars.append(Bar(b["start"], b["end"], round(i * slot + slot * 0.08, 2),
                        round(max(slot * 0.84, 0.6), 2), tuple(parts), b["total"]))
    return Timeline(tuple(bars), fams, hist["bucket"], max_total, hist["undated"], width,
                    height, buckets[0]["start"], buckets[-1]["end"])


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


__all__ = ["FAMILIES", "FAMILY_COLOURS", "Bar", "Edge", "Node", "Timeline", "family_of",
           "relation_graph", "timeline_chart"]
