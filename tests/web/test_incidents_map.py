"""The dashboard's incidents (one row per canonical event, counts, conflicts), the map's
server-side layers and the timeline's histogram, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from dash_samples import cluster_kano, country_record, dashboard_records, kano_reports
from web_helpers import make_client
from web_samples import all_records

from eventwire.store import EventFilter, Store
from eventwire.web.aggregates import cell_degrees, histogram, map_layers


@pytest.fixture
def dash_url(db_url: str) -> str:
    with Store(db_url) as store:
        for record in [*all_records(), *dashboard_records()]:
            store.write(record)
        cluster_kano(store)
    return db_url


@pytest.fixture
def dash(dash_url: str) -> Iterator[Any]:
    with make_client(dash_url) as c:
        yield c


def test_the_list_shows_incidents_with_reports_outlets_and_conflicts(dash: Any) -> None:
    first, second = sorted(r.events[0].id for r in kano_reports())
    page = dash.get("/ui/events?place=kano").text
    assert page.count('class="event-row') == 1 and first in page and second not in page
    assert "2 reports" in page and "2 outlets" in page
    assert "reports differ on</span> dead 4 / 6" in page
    mentions = dash.get("/ui/events?place=kano&view=mentions").text
    assert mentions.count('class="event-row') == 2 and "2 reports" not in mentions
    assert 'id="incidents-link"' in mentions and 'id="mentions-link"' in page
    detail = dash.get(f"/ui/events/{first}").text
    assert "Every report of this incident (2)" in detail and f"/ui/events/{second}" in detail


def test_an_incident_is_listed_when_any_of_its_reports_matches(dash_url: str) -> None:
    first, second = sorted(r.events[0].id for r in kano_reports())
    later = next(r for r in kano_reports() if r.events[0].id == second)
    words = later.article.outlet or ""
    with Store(dash_url) as store:
        only_second = EventFilter(text=f'"{later.article.title}"', canonical_only=True)
        assert [r.id for r in store.query_events(only_second)] == [second]
        both = EventFilter(place="kano", canonical_only=True)
        assert [r.id for r in store.query_events(both)] == [first]
    assert words


def test_map_layers_cluster_points_and_draw_areas_as_areas(dash_url: str) -> None:
    with Store(dash_url) as store:
        world = map_layers(store, EventFilter(canonical_only=True), zoom=1)
        near = map_layers(store, EventFilter(canonical_only=True), zoom=12)
    # Kano (one incident), Mombasa (two events, one point), Gdansk, Lima
    assert sum(p["n"] for p in world["points"]) == 5
    assert [c["country"] for c in world["countries"]] == ["NG"]
    assert world["countries"][0]["numeric"] == "566"  # world-atlas's id for Nigeria
    assert world["countries"][0]["id"] == country_record().events[0].id
    [region] = world["regions"]
    assert (region["country"], region["admin1"], region["geonameid"]) == ("NG", "Kaduna",
                                                                         2335722)
    assert world["unplaced"] == {"no_place": 1, "not_located": 0}
    assert world["placed"] == 7 and world["total"] == 8
    mombasa = [p for p in near["points"] if p["place"] == "Mombasa"]
    assert mombasa and mombasa[0]["n"] == 2 and mombasa[0]["id"] is None
    assert cell_degrees(12) < cell_degrees(1)
    with Store(dash_url) as store:
        viewed = map_layers(store, EventFilter(), zoom=5, view=(0.0, 0.0, 20.0, 20.0))
    assert {p["place"] for p in viewed["points"]} == {"Kano"}
    assert viewed["points"][0]["n"] == 2  # mentions: both reports


def test_histogram_counts_per_bucket_and_family(dash_url: str) -> None:
    with Store(dash_url) as store:
        hist = histogram(store, EventFilter(canonical_only=True))
    assert hist["total"] == 8 and hist["bucket"] == "day"
    assert sum(b["total"] for b in hist["buckets"]) + hist["undated"] == 8
    keys = [f["key"] for f in hist["families"]]
    assert keys == ["violence", "force", "protest", "cooperation"]
    assert dict(hist["by_country"])["NG"] == 3


def test_the_api_routes_and_their_errors(dash: Any) -> None:
    got = dash.get("/map/clusters?zoom=3&canonical=true&country=NG").json()
    assert got["countries"][0]["n"] == 1 and got["zoom"] == 3
    assert dash.get("/map/clusters?view=1,2,3").status_code == 400
    assert dash.get("/map/clusters?zoom=99").status_code == 422
    hist = dash.get("/timeline/histogram?category=PROTEST").json()
    assert [f["key"] for f in hist["families"]] == ["protest"]


def test_pages_link_each_other_with_the_same_filters(dash: Any) -> None:
    page = dash.get("/ui/map?country=NG&view=mentions").text
    assert 'href="/ui/events?country=NG&amp;view=mentions" id="list-link"' in page
    assert 'data-api-query="country=NG"' in page  # mentions: no canonical flag
    page = dash.get("/ui/timeline?country=NG").text
    assert 'data-api-query="country=NG&amp;canonical=true"' in page
    assert 'aria-label="2026-' in page  # bars are labelled links
    events = dash.get("/ui/events?actor=gunmen&category=ASSAULT").text
    assert 'href="/ui/watchlists?category=ASSAULT&amp;actor=gunmen" id="watch-link"' in events


def test_entities_with_a_trailing_slash_is_the_list(dash: Any) -> None:
    got = dash.get("/ui/entities/", follow_redirects=False)
    assert got.status_code == 308 and got.headers["location"] == "/ui/entities"
    assert dash.get("/ui/entities/").status_code == 200
    assert dash.get("/entities/", follow_redirects=False).headers["location"] == "/entities"
