"""The JSON API through httpx (Starlette's TestClient), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from web_helpers import make_client
from web_samples import gdansk_record, mombasa_record, xss_record

from eventwire.store import Store
from eventwire.web.tokens import create_token, revoke_token

ATTACK, DETENTION = (e.id for e in mombasa_record().events)
MARCH = gdansk_record().events[0].id
LIMA = xss_record().events[0].id
MOMBASA_ARTICLE = mombasa_record().article.id


def ids(c: Any, query: str) -> set[str]:
    r = c.get("/events" + query)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"])
    return {item["id"] for item in body["items"]}


def test_list_is_newest_first_and_links_each_event(client: Any) -> None:
    body = client.get("/events").json()
    assert body["total"] == 4
    dates = [i["sort_date"] for i in body["items"]]
    assert dates == sorted(dates, reverse=True)
    first = body["items"][0]
    assert first["links"]["self"] == f"/events/{first['id']}"


def test_filters(client: Any) -> None:
    assert ids(client, "?category=assault") == {ATTACK}
    assert ids(client, "?category=PROTEST&category=COERCE") == {MARCH, LIMA, DETENTION}
    assert ids(client, "?mode=arrest") == {DETENTION}
    assert ids(client, "?mode=arr") == set()  # whole modes only
    assert ids(client, "?country=ke") == {ATTACK, DETENTION}
    assert ids(client, "?place=gdan") == {MARCH}
    assert ids(client, "?actor=gunmen") == {ATTACK}
    assert ids(client, "?date_from=2026-06&date_to=2026-06-30") == {MARCH, LIMA}
    assert ids(client, "?bbox=10,40,30,60") == {MARCH}
    assert ids(client, "?bbox=-80,-20,45,0") == {ATTACK, DETENTION, LIMA}
    assert ids(client, "?status=asserted&category=PROTEST") == {MARCH, LIMA}
    assert ids(client, "?status=historical") == set()


def test_full_text_search_on_words(client: Any) -> None:
    # Whole words work on both stores (PostgreSQL: tsvector; SQLite: substring).
    assert ids(client, "?q=shipyard") == {MARCH}
    assert ids(client, "?q=detained") == {DETENTION}
    assert ids(client, "?q=Mombasa") == {ATTACK, DETENTION}  # in the title
    assert ids(client, "?q=nothing-like-this") == set()


def test_paging_gives_total_and_next_link(client: Any) -> None:
    body = client.get("/events?limit=3").json()
    assert (body["total"], len(body["items"])) == (4, 3)
    rest = client.get(body["next"]).json()
    assert [i["id"] for i in rest["items"]] not in ([i["id"] for i in body["items"]],)
    assert len(rest["items"]) == 1 and "next" not in rest


def test_bad_parameters_are_problem_details(client: Any) -> None:
    for query, status, words in [
        ("?date_from=2026-02-30", 400, "date_from"),
        ("?date_from=yesterday", 422, "date_from"),
        ("?status=maybe", 400, "status"),
        ("?bbox=1,2,3", 400, "bbox"),
        ("?bbox=0,0,0,nan", 400, "finite"),
        ("?limit=0", 422, "limit"),
        ("?q=a%00b", 400, "NUL"),
    ]:
        r = client.get("/events" + query)
        assert r.status_code == status, (query, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        body = r.json()
        assert body["status"] == status and words in body["detail"], body


def test_event_detail_with_evidence_attributions_and_report(client: Any) -> None:
    r = client.get(f"/events/{ATTACK}")
    assert r.status_code == 200
    body = r.json()
    assert body["event"]["category"] == "ASSAULT"
    assert body["evidence"][0]["text"].startswith("Unidentified gunmen shot")
    assert body["attributions"][0]["source_type"] == "official"
    assert body["reports"][0]["id"] == MOMBASA_ARTICLE
    missing = client.get("/events/no-such-event")
    assert missing.status_code == 404 and "no-such-event" in missing.json()["detail"]


def test_etag_gives_304_until_the_data_changes(client: Any, filled_url: str) -> None:
    first = client.get("/events")
    tag = first.headers["etag"]
    assert client.get("/events", headers={"If-None-Match": tag}).status_code == 304
    with Store(filled_url) as store:
        store.write(mombasa_record().__class__(article=gdansk_record().article))  # no events
    again = client.get("/events", headers={"If-None-Match": tag})
    assert again.status_code == 200 and again.headers["etag"] != tag


def test_entities_grouped_with_roles_relations_and_events(client: Any) -> None:
    body = client.get("/entities?q=otieno").json()
    assert [e["id"] for e in body["items"]] == ["PERSON:Baraka Otieno"]
    detail = client.get("/entities/PERSON:Baraka Otieno").json()
    assert detail["aliases"] == ["Otieno"]
    assert detail["roles"][0]["title"] == "port union leader"
    assert detail["roles"][0]["of"]["id"] == "ORG:Dockworkers Union"
    assert detail["relations"][0]["predicate"] == "leader_of"
    assert [(e["id"], e["role"]) for e in detail["events"]] == [(ATTACK, "recipient")]
    assert client.get("/entities/PERSON:Nobody").status_code == 404
    assert client.get("/entities/no-colon").status_code == 404


def test_article_is_the_whole_record(client: Any) -> None:
    body = client.get(f"/articles/{MOMBASA_ARTICLE}").json()
    assert body["article"]["title"] == "Union leader shot in Mombasa"
    assert len(body["events"]) == 2 and len(body["entities"]) == 2
    assert client.get("/articles/0000").status_code == 404


def test_stats(client: Any) -> None:
    body = client.get("/stats").json()
    assert body["events"] == 4 and body["articles"] == 3
    assert body["by_category"] == {"ASSAULT": 1, "COERCE": 1, "PROTEST": 2}
    assert body["by_country"]["KE"] == 2
    assert body["by_day_category"]["2026-06-12"] == {"PROTEST": 1}
    assert client.get("/stats?country=PL").json()["events"] == 1


def test_exports_stream_every_match(client: Any) -> None:
    r = client.get("/export/csv?country=KE")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["event_id_cnty"] for row in rows} == {ATTACK, DETENTION}
    lines = client.get("/export/jsonl").text.splitlines()
    assert len(lines) == 4 and all(json.loads(line)["id"] for line in lines)
    geo = client.get("/export/geojson?category=PROTEST").json()
    assert geo["type"] == "FeatureCollection"
    assert {f["id"] for f in geo["features"]} == {MARCH, LIMA}
    assert geo["features"][0]["geometry"]["type"] == "Point"
    assert client.get("/export/xml").status_code == 422


def _token(url: str, name: str = "tester") -> str:
    with Store(url) as store:
        return create_token(store, name)[1]


def test_post_needs_a_live_token(client: Any, filled_url: str) -> None:
    r = client.post("/articles", data={"text": "Gunmen attacked a bus."})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert r.headers["content-type"] == "application/problem+json"
    bad = client.post("/articles", data={"text": "x"}, headers={"Authorization": "Bearer ew_no"})
    assert bad.status_code == 401
    secret = _token(filled_url, "revoked-one")
    with Store(filled_url) as store:
        assert revoke_token(store, "revoked-one")
    gone = client.post("/articles", data={"text": "x"},
                       headers={"Authorization": f"Bearer {secret}"})
    assert gone.status_code == 401 and "revoked" in gone.json()["detail"]
    assert client.get("/admin/errors").status_code == 401


def test_post_text_and_files_runs_a_job(filled_url: str) -> None:
    auth = {"Authorization": f"Bearer {_token(filled_url)}"}
    text = ("ACCRA, Aug 2 (Wirewatch) - Armed men attacked a police post in northern Ghana on "
            "Saturday, officials said.")
    upload = (b"BAMAKO, Aug 3 (Wirewatch) - Fighters attacked a convoy near Bamako on Sunday, "
              b"the army said.")
    with make_client(filled_url) as c:
        r = c.post("/articles?wait=true", headers=auth,
                   data={"text": text, "published": "2026-08-02", "outlet": "Wirewatch"},
                   files=[("files", ("bamako.txt", upload, "text/plain")),
                          ("files", ("empty.txt", b"", "text/plain"))])
        assert r.status_code == 200, r.text
        job = r.json()
        assert job["state"] == "done" and job["articles_total"] == 2
        assert all(a["new"] and len(a["events"]) == 1 for a in job["articles"])
        assert job["skipped"][0]["reason"] == "empty file"
        assert c.get(f"/jobs/{job['id']}").json()["state"] == "done"
        assert c.get("/events?q=convoy").json()["total"] == 1
        # Again: already stored, nothing extracted twice.
        again = c.post("/articles?wait=true", headers=auth, data={"text": text}).json()
        assert again["articles"][0]["new"] is False
        errors = c.get("/admin/errors", headers=auth).json()["items"]
        assert errors[0]["reason"] == "empty file"
        queued = c.post("/articles", headers=auth, data={"text": text})
        assert queued.status_code == 202 and queued.headers["location"].startswith("/jobs/")
        assert c.post("/articles", headers=auth, data={}).status_code == 400
        bad_date = c.post("/articles", headers=auth, data={"text": text, "published": "soon"})
        assert bad_date.status_code == 400


def test_upload_limit(filled_url: str) -> None:
    auth = {"Authorization": f"Bearer {_token(filled_url)}"}
    with make_client(filled_url, max_upload_bytes=1000) as c:
        r = c.post("/articles", headers=auth, files=[("files", ("big.txt", b"x" * 5000))])
        assert r.status_code == 413
        assert "limit" in r.json()["detail"]


def test_security_headers_and_cors_off_by_default(client: Any, filled_url: str) -> None:
    r = client.get("/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    with make_client(filled_url, cors_origins=["https://dash.example"]) as c:
        allowed = c.get("/events", headers={"Origin": "https://dash.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://dash.example"


def test_openapi_lists_the_routes(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/events", "/events/{event_id}", "/entities", "/articles/{article_id}",
                 "/stats", "/export/{fmt}", "/articles"):
        assert path in paths
    assert not any(p.startswith("/ui") for p in paths)


def test_postgresql_text_search_uses_the_trigram_index(filled_url: str) -> None:
    if not filled_url.startswith("postgresql"):
        pytest.skip("the trigram index exists on PostgreSQL only")
    from sqlalchemy import select

    from eventwire.store import EventFilter
    from eventwire.store.filters import where
    from eventwire.store.tables import events

    def plan(conn: Any) -> str:
        conn.exec_driver_sql("SET enable_seqscan = off")  # 4 rows: force the planner's hand
        stmt = select(events.c.id).where(where(EventFilter(text="shipyard workers")))
        compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
        found = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {compiled}"))
        conn.exec_driver_sql("RESET enable_seqscan")
        return found

    with Store(filled_url) as store:
        got = store.execute_read(plan)
    assert "ix_events_search_trgm" in got, got


def test_canonical_only_keeps_one_event_per_cluster(client: Any, filled_url: str) -> None:
    from eventwire.store.resolve_tables import resolve_members

    # As if `eventwire cluster` had judged two reports to be one incident.
    pair = sorted([ATTACK, MARCH])
    with Store(filled_url) as store:
        store.execute_write(lambda conn: conn.execute(resolve_members.insert(), [
            {"kind": "event", "member_id": e, "canonical_id": "c-test"} for e in pair]))
    assert ids(client, "?canonical=true") == {DETENTION, LIMA, pair[0]}
    assert ids(client, "") == {ATTACK, DETENTION, MARCH, LIMA}
    body = client.get(f"/events/{pair[1]}").json()
    assert body["canonical_id"] == "c-test"
    assert {r["event_id"] for r in body["reports"]} == set(pair)
    assert client.get(f"/events/{DETENTION}").json()["canonical_id"] is None
