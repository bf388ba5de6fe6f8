"""Evidence highlighting, fact sources and chart geometry: plain functions, no server."""

from __future__ import annotations

from web_samples import MOMBASA_TEXT, mombasa_record

from eventwire.web.charts import relation_graph, timeline
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


def test_timeline_stacks_categories_per_day_and_counts_undated() -> None:
    chart = timeline({"2026-05-01": {"ASSAULT": 2, "PROTEST": 1}, "2026-05-03": {"PROTEST": 3},
                      "2026-05": {"ASSAULT": 4}, "": {"PROTEST": 1}})
    assert chart.bucket == "day" and [b.key for b in chart.bars] == [
        "2026-05-01", "2026-05-02", "2026-05-03"]
    assert [b.total for b in chart.bars] == [3, 0, 3]
    assert chart.undated == 5 and chart.max_total == 3
    first = chart.bars[0]
    assert [p[0] for p in first.parts] == ["ASSAULT", "PROTEST"]
    assert all(y >= 0 and y + h <= chart.height + 0.01 for _, _, y, h, _ in first.parts)


def test_timeline_switches_to_months_over_long_spans() -> None:
    chart = timeline({"2025-01-15": {"ASSAULT": 1}, "2026-02-01": {"ASSAULT": 2}})
    assert chart.bucket == "month" and chart.bars[0].key == "2025-01"
    assert chart.bars[-1].key == "2026-02" and len(chart.bars) == 14


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
