"""The dashboard's server-rendered pages with filters (without a browser: the browser
tests need chromium): the filter form shows the filter the page used."""

from __future__ import annotations

from typing import Any


def test_events_page_lists_the_filtered_events_and_keeps_the_form(client: Any) -> None:
    query = "category=assault&mode=firearms&q=wounded&country=ke"
    page = client.get(f"/ui/events?{query}")
    assert page.status_code == 200
    html = page.text
    listed = client.get(f"/events?{query}").json()
    assert listed["total"] >= 1 and all(i["id"] in html for i in listed["items"])
    others = client.get("/events").json()["items"]
    assert any(i["id"] not in html for i in others)  # and the others are left out
    assert 'value="wounded"' in html and 'value="firearms"' in html and 'value="KE"' in html
    assert '<option value="ASSAULT" selected>' in html
    assert "export/csv?category=ASSAULT&amp;mode=firearms&amp;country=KE&amp;q=wounded" in html


def test_timeline_and_map_pages_take_the_same_filters(client: Any) -> None:
    assert client.get("/ui/timeline?category=PROTEST&q=shipyard").status_code == 200
    assert client.get("/ui/map?country=KE&current_only=true").status_code == 200


def test_a_bad_filter_is_an_error_page_not_a_traceback(client: Any) -> None:
    page = client.get("/ui/events?status=rumoured")
    assert page.status_code == 400 and "rumoured" in page.text
    assert client.get("/events?bbox=0,50,10,40").json()["detail"].startswith("bbox min_lat")
