"""Document clustering: text similarity, vetoed by incompatible main events."""

from __future__ import annotations

from resolve_helpers import report

from eventwire.model import Article, Record
from eventwire.resolve.documents import cluster_documents, main_event


def _doc(name: str, text: str, **event) -> Record:
    ev = report(name, **event).event
    return Record(Article(name, text), events=(ev,))


TEXT = ("A bomb exploded at the Perrache tram stop in Lyon killing commuters waiting for "
        "the morning tram; the prefect said investigators were searching for the bomber")


def test_same_text_same_incident_one_cluster():
    docs = [_doc("a", TEXT), _doc("b", TEXT + " on the platform")]
    assert cluster_documents(docs) == [0, 0]
    assert main_event(docs[0]) is docs[0].events[0]


def test_similar_text_but_incidents_years_apart_stay_apart():
    docs = [_doc("a", TEXT), _doc("b", TEXT, date="2019-03-02", published="2019-03-02"),
            _doc("c", "Farmers protested over milk prices in Nairobi", city="Nairobi",
                 category="PROTEST", modes=("demo",))]
    assert cluster_documents(docs) == [0, 1, 2]


def test_no_events_falls_back_to_text():
    docs = [Record(Article("a", TEXT)), Record(Article("b", TEXT)),
            Record(Article("c", "Election results were announced on Sunday evening"))]
    assert cluster_documents(docs) == [0, 0, 1]
