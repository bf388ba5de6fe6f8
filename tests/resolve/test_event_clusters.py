"""cluster_events on hand-built reports: blocking, scoring, conflicts, order, increments."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from resolve_helpers import report

from eventwire.resolve.event_clusters import cluster_events
from eventwire.resolve.judgements import Judgement
from eventwire.resolve.reports import features_of
from eventwire.resolve.scoring import score_pair


def story():
    return [
        report("l1", dead=3, published="2026-05-12"),
        report("l2", dead=5, published="2026-05-13", city=None, date=None),
        report("l3", dead=6, published="2026-05-14"),
        report("m1", city="Marseille", dead=2, modes=("firearms",),
               text="A gunman shot two people outside a bar in Marseille"),
        report("m2", city="Marseille", dead=2, modes=("firearms",), published="2026-05-13",
               text="Two men were shot dead outside a bar in Marseille"),
        report("old", dead=6, published="2026-06-15", city=None, status="historical",
               text="The Perrache stop was closed after a bomb killed six people there"),
    ]


def groups(clusters, reports):
    by_event = {r.event.id: r.article_id for r in reports}
    out: dict[str, set[str]] = {}
    for eid, cid in clusters.canonical_of.items():
        out.setdefault(cid, set()).add(by_event[eid])
    return sorted(sorted(g) for g in out.values())


def names(reports):
    return {r.article_id: a for a, r in zip(["l1", "l2", "l3", "m1", "m2", "old"], reports,
                                             strict=True)}


def readable(clusters, reports):
    n = names(reports)
    return sorted(sorted(n[a] for a in g) for g in groups(clusters, reports))


def test_one_incident_one_canonical_event_and_the_other_city_apart():
    reports = story()
    c = cluster_events(reports)
    assert readable(c, reports) == [["l1", "l2", "l3", "old"], ["m1", "m2"]]


def test_features_explain_the_score():
    a, b = (features_of(r) for r in story()[:2])
    assert a is not None and b is not None
    s = score_pair(a, b)
    assert s.verdict == "same"
    assert {"category", "time", "modes", "text", "outcome"} <= s.features.keys()
    lyon, marseille = features_of(story()[0]), features_of(story()[3])
    assert lyon is not None and marseille is not None
    far = score_pair(lyon, marseille)
    assert far.verdict == "different" and "km apart" in far.features["conflict"]


def test_a_historical_mention_is_never_dated_by_its_article():
    undated = report("bg", city="Lyon", date=None, status="historical",
                     published="2026-06-15")
    f = features_of(undated)
    assert f is not None and f.end < date(2026, 6, 15).toordinal() and not f.own_date
    alone = cluster_events([undated])
    assert len(set(alone.canonical_of.values())) == 1


def test_hypothetical_and_aggregate_events_are_not_clustered():
    r = report("h", status="hypothetical")
    c = cluster_events([r, report("l1")])
    assert c.unclustered == (r.event.id,)


def test_two_precise_dates_days_apart_are_different_incidents():
    c = cluster_events([report("a", date="2026-05-12"), report("b", date="2026-05-20",
                                                               published="2026-05-20")])
    assert len(set(c.canonical_of.values())) == 2


def test_a_user_split_wins_and_is_respected_by_transitive_links():
    reports = story()
    l1, l3 = reports[0].event.id, reports[2].event.id
    split = Judgement.of(l1, l3, "different", "user")
    c = cluster_events(reports, [split])
    assert c.canonical_of[l1] != c.canonical_of[l3]


def test_incremental_run_equals_rebuild():
    reports = story()
    first = cluster_events(reports[:3])
    later = cluster_events(reports, first.judgements, known=first.canonical_of.keys())
    assert later.canonical_of == cluster_events(reports).canonical_of
    assert later.compared < cluster_events(reports).compared


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(range(6))), st.booleans())
def test_clustering_does_not_depend_on_input_order(order, twice):
    reports = story()
    expected = cluster_events(reports)
    shuffled = [reports[i] for i in order]
    got = cluster_events(shuffled + (shuffled if twice else []))
    assert got.canonical_of == expected.canonical_of
    assert got.judgements == expected.judgements


def test_running_again_with_its_own_judgements_changes_nothing():
    reports = story()
    c1 = cluster_events(reports)
    c2 = cluster_events(reports, c1.judgements, known=c1.canonical_of.keys())
    assert c2.canonical_of == c1.canonical_of and c2.judgements == ()
