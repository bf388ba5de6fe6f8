"""The project's own eleven-article story through the real pipeline, then clustering.

Eight reports of one invented bombing in Lyon over three days (the toll revised upward,
a wounded officer's condition changing, the attack unclaimed and then claimed), two of a
shooting in Marseille the same day, and one article a month later that mentions the
bombing only as background.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from eventwire.model import make_article
from eventwire.resolve.canonical import build_canonical
from eventwire.resolve.event_clusters import cluster_events
from eventwire.resolve.reports import reports_of

pytestmark = pytest.mark.model

STORY = Path(__file__).resolve().parent / "fixtures" / "story"


@pytest.fixture(scope="module")
def story(pipeline):
    manifest = json.loads((STORY / "manifest.json").read_text(encoding="utf-8"))
    records = {}
    for name, meta in manifest.items():
        article = make_article((STORY / name).read_text(encoding="utf-8"),
                               outlet=meta["outlet"], published=meta["published"])
        records[name] = pipeline.extract(article)
    return manifest, records


def _reports(records, names):
    return [r for n in names for r in reports_of(records[n])]


def _groups(clusters, records):
    name_of = {e.id: n for n, rec in records.items() for e in rec.events}
    out: dict[str, list[str]] = {}
    for eid, cid in clusters.canonical_of.items():
        out.setdefault(cid, []).append(name_of[eid])
    return {cid: sorted(names) for cid, names in out.items()}


def test_exactly_two_canonical_events_whatever_the_order(story):
    manifest, records = story
    expected = {
        tuple(sorted(n for n, m in manifest.items() if m["story"] == s))
        for s in ("lyon", "marseille")
    }
    names = list(manifest)
    rnd = random.Random(4)
    results = []
    for _ in range(4):
        clusters = cluster_events(_reports(records, names))
        got = {tuple(v) for v in _groups(clusters, records).values()}
        assert got == expected
        results.append(clusters.canonical_of)
        rnd.shuffle(names)
    assert all(r == results[0] for r in results)


def test_lyon_canonical_event_keeps_conflicts_timeline_and_counts(story):
    manifest, records = story
    reports = _reports(records, list(manifest))
    clusters = cluster_events(reports)
    lyon_event = records["lyon_01_wire.txt"].events[0].id
    cid = clusters.canonical_of[lyon_event]
    ce = build_canonical(cid, [r for r in reports if clusters.canonical_of[r.event.id] == cid])

    assert ce.report_count == 9 and ce.outlet_count == 9
    assert ce.first_reported == "2026-05-12"
    dead = {fv.value: fv for fv in ce.fields["dead"]}
    assert {3, 6} <= dead.keys() and dead[6].latest and dead[6].most_reported
    assert "dead" in ce.conflicts and "status" not in ce.conflicts
    assert [s.outlet for s in dead[3].sources] == ["Radio Confluence", "Rhone Wire"]
    assert ce.value("condition") == "died_later"
    assert {fv.value for fv in ce.fields["condition"]} == {"critical", "died_later"}
    assert "Nouvelle Aube" in [fv.value for fv in ce.fields["claimed_by"]]
    assert ce.value("date", "most_reported") == "2026-05-12"

    # The timeline: unclaimed first, the claim later; critical before died_later.
    said = [(t.published, f, v) for t in ce.timeline for f, v in t.changes]
    first = {(f, v): i for i, (_, f, v) in reversed(list(enumerate(said)))}
    assert first[("unclaimed", True)] < first[("claimed_by", "Nouvelle Aube")]
    assert first[("condition", "critical")] < first[("condition", "died_later")]
    assert first[("dead", 3)] < first[("dead", 5)] < first[("dead", 6)]


def test_background_mention_joins_the_past_incident_on_its_own_date(story):
    manifest, records = story
    bg = records["lyon_background_later.txt"].events
    assert [e.status for e in bg] == ["historical"]
    clusters = cluster_events(_reports(records, list(manifest)))
    lyon = clusters.canonical_of[records["lyon_01_wire.txt"].events[0].id]
    assert clusters.canonical_of[bg[0].id] == lyon


def test_store_flow_is_incremental_and_idempotent(story, any_db_url):
    from eventwire.resolve.storage import cluster_store, members_of, show_canonical_event
    from eventwire.store import Store

    manifest, records = story
    names = sorted(manifest)
    with Store(any_db_url) as store:
        for n in names[:5]:
            store.write(records[n])
        cluster_store(store)
        for n in names[5:]:
            store.write(records[n])
        events, _actors = cluster_store(store)
        assert events.new == len(names) - 5 and events.clusters == 2
        again, _ = cluster_store(store)
        assert again.up_to_date and again.clusters == 2
        lyon_event = records["lyon_03_daily.txt"].events[0].id
        ce = show_canonical_event(store, lyon_event)
        incremental = members_of(store, "event", ce.id)
        rebuilt, _ = cluster_store(store, rebuild=True)
        assert rebuilt.clusters == 2 and members_of(store, "event", ce.id) == incremental
        assert len(incremental) == 9
