"""Evidence highlighting, fact sources and chart geometry: plain functions, no server."""

from __future__ import annotations

from web_samples import MOMBASA_TEXT, mombasa_record

from eventwire.web.charts import relation_graph, timeline_chart
from eventwire.web.highlight import Marked, facts, marks, segments


def test_segments_cover_the_text_exactly_once() -> None:
    text = "Gunmen shot a man in Kano."
    spans = [Marked("evidence", "evidence", 0, len(text)), Marked("trigger", "t", 7, 11),
             Marked("place", "p", 21, 25), Marked("bad", "out of range", 20, 99)]
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    shot = next(s for s in segs if s.text == "shot")
    assert shot.fields == ("evidence", "trigger")
    assert next(s for s in segs if s.text == "Kano").fields == ("evidence", "place")
    assert all("bad" not in s.fields for s in segs)


def test_event_marks_every_field_it_points_at() -> None:
    attack = mombasa_record().events[0]
    fields = {m.field for m in marks(attack)}
    assert {"evidence", "trigger", "actor", "recipient", "place", "time", "outcome",
            "source"} <= fields
    for m in marks(attack):
        assert 0 <= m.start < m.end <= len(MOMBASA_TEXT)


def test_facts_carry_the_source_that_said_them() -> None:
    record = mombasa_record()
    attack = record.events[0]
    rows = {f.field: f for f in facts(attack, record.article)}
    # "Unidentified gunmen shot ... police said": the police are the source.
    assert rows["what"].source == "police" and rows["what"].source_type == "official"
    assert rows["what"].factuality == "reported"
    # The outcome sentence is not inside an attribution: the outlet's own voice.
    assert rows["outcome"].source == "Wirewatch" and rows["outcome"].source_type == "reporter"
    assert rows["outcome"].value == "1 injured, stable"


def test_timeline_stacks_families_per_bucket() -> None:
    hist = {"bucket": "day", "undated": 5, "families": [
        {"key": "violence", "label": "Violence", "colour": "#D55E00", "categories": ["ASSAULT"]},
        {"key": "protest", "label": "Protest", "colour": "#CC79A7", "categories": ["PROTEST"]}],
        "buckets": [
            {"start": "2026-05-01", "end": "2026-05-01", "total": 3,
             "counts": {"violence": 2, "protest": 1}},
            {"start": "2026-05-02", "end": "2026-05-02", "total": 0,
             "counts": {"violence": 0, "protest": 0}},
            {"start": "2026-05-03", "end": "2026-05-03", "total": 3,
             "counts": {"violence": 0, "protest": 3}}]}
    chart = timeline_chart(hist)
    assert [b.start for b in chart.bars] == ["2026-05-01", "2026-05-02", "2026-05-03"]
    assert [b.total for b in chart.bars] == [3, 0, 3]
    assert chart.undated == 5 and chart.max_total == 3
    first = chart.bars[0]
    assert [p[0] for p in first.parts] == ["violence", "protest"]
    assert all(y >= 0 and y + h <= chart.height + 0.01 for _, _, _, y, h, _ in first.parts)


def test_buckets_are_days_then_weeks_then_months() -> None:
    from datetime import date

    from eventwire.web.aggregates import buckets_for

    kind, spans = buckets_for(date(2026, 5, 1), date(2026, 5, 3))
    assert kind == "day" and len(spans) == 3
    kind, spans = buckets_for(date(2026, 1, 1), date(2026, 12, 31))
    assert kind == "week" and spans[0] == (date(2025, 12, 29), date(2026, 1, 4))
    kind, spans = buckets_for(date(2020, 1, 15), date(2026, 2, 1))
    assert kind == "month" and spans[0] == (date(2020, 1, 1), date(2020, 1, 31))
    assert spans[-1] == (date(2026, 2, 1), date(2026, 2, 28)) and len(spans) == 74


def test_each_category_family_has_one_colour_and_accuse_is_not_sanction() -> None:
    from eventwire.model import CATEGORIES
    from eventwire.web.charts import FAMILIES, FAMILY_COLOURS, family_of

    assert all(family_of(c) != "other" for c in CATEGORIES)
    assert len(set(FAMILY_COLOURS.values())) == len(FAMILIES)
    assert family_of("ACCUSE") == family_of("REJECT") != family_of("SANCTION")


def test_relation_graph_puts_the_entity_in_the_middle() -> None:
    detail = {
        "id": "PERSON:A", "name": "A", "type": "PERSON",
        "relations": [{"predicate": "leader_of", "direction": "out",
                       "other": {"id": "ORG:B", "name": "B", "type": "ORG"}}],
        "roles": [{"title": "member", "of": {"id": "ORG:C", "name": "C"}}],
    }
    nodes, edges = relation_graph(detail, size=400)
    assert nodes[0].centre and (nodes[0].x, nodes[0].y) == (200, 200)
    assert {n.id for n in nodes[1:]} == {"ORG:B", "ORG:C"}
    assert {e.label for e in edges} == {"leader_of", "member"}
