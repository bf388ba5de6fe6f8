"""Watchlists: saved in the store, run by ``eventwire watch`` (one cycle), their Atom feeds
and their webhooks (POSTed to a server on 127.0.0.1), through the API, the page and the
CLI."""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from web_helpers import make_client
from web_samples import gdansk_record, mombasa_record, xss_record

from eventwire.batch.watch import WatchlistCycle, post_webhook
from eventwire.errors import ConfigError
from eventwire.store import Store
from eventwire.web import watchlists as W
from eventwire.web.tokens import create_token

ATOM = "{http://www.w3.org/2005/Atom}"
PAST = "2000-01-01T00:00:00+00:00"  # created before anything was ingested
FUTURE = "2999-01-01T00:00:00+00:00"  # created after everything


class Hook:
    """A webhook receiver on 127.0.0.1: keeps every POSTed JSON body."""

    def __init__(self, status: int = 200) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.status = status
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = int(self.headers.get("content-length") or 0)
                hook.bodies.append(json.loads(self.rfile.read(size)))
                self.send_response(hook.status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hook() -> Iterator[Hook]:
    h = Hook()
    yield h
    h.close()


def _entries(feed: bytes) -> list[ET.Element]:
    root = ET.fromstring(feed)
    assert root.tag == ATOM + "feed"
    return root.findall(ATOM + "entry")


def test_make_watchlist_checks_its_values() -> None:
    w = W.make_watchlist(" Coast ", actors=["gunmen", " gunmen "], categories="assault, coerce",
                         countries=["ke"], text="shot")
    assert (w.name, w.actors, w.categories, w.countries) == (
        "Coast", ("gunmen",), ("ASSAULT", "COERCE"), ("KE",))
    for bad in ({"countries": ["Kenya"]}, {"categories": ["no such!"]},
                {"webhook_url": "ftp://x.example/"}, {"webhook_url": "http:///nohost"}):
        with pytest.raises(ConfigError):
            W.make_watchlist("x", actors=["a"], **bad)
    with pytest.raises(ConfigError, match="at least one"):
        W.make_watchlist("nothing")
    with pytest.raises(ConfigError, match="name"):
        W.make_watchlist(" ", actors=["a"])


def test_a_cycle_finds_new_matching_incidents_once(db_url: str) -> None:
    with Store(db_url) as store:
        store.write(gdansk_record())  # before: ingested, but the watchlist is older
        coast = W.create_watchlist(store, W.make_watchlist(
            "Kenya coast", places=["mombasa"], categories=["ASSAULT"]), created_at=PAST)
        later = W.create_watchlist(store, W.make_watchlist("later", countries=["KE"]),
                                   created_at=FUTURE)
        assert W.run_watchlists(store)[0][1] == []  # nothing matches yet
        store.write(mombasa_record())
        store.write(xss_record())
        found = dict((w.id, hits) for w, hits in W.run_watchlists(store))
        assert [h.event_id for h in found[coast.id]] == [mombasa_record().events[0].id]
        assert found[later.id] == []  # ingested before it was created
        again = dict((w.id, hits) for w, hits in W.run_watchlists(store))
        assert again[coast.id] == []  # found once only
        entries = W.feed_entries(store, coast.id)
        assert [e["trigger"] for e in entries] == ["shot and wounded"]
        listed = dict((w.id, n) for w, n in W.list_watchlists(store))
        assert listed == {coast.id: 1, later.id: 0}
        assert W.get_watchlist(store, coast.id).last_run_at is not None  # type: ignore[union-attr]


def test_an_incident_found_as_a_report_is_not_found_again_once_clustered(db_url: str) -> None:
    from sqlalchemy import insert

    from eventwire.store.resolve_tables import resolve_members

    with Store(db_url) as store:
        w = W.create_watchlist(store, W.make_watchlist("KE", countries=["KE"]),
                               created_at=PAST)
        store.write(mombasa_record())
        first = W.run_watchlists(store)[0][1]
        assert len(first) == 2 and all(not h.incident_id.startswith("ce-") for h in first)
        ids = sorted(h.event_id for h in first)
        store.execute_write(lambda conn: conn.execute(insert(resolve_members), [
            {"kind": "event", "member_id": i, "canonical_id": "ce-test1"} for i in ids]))
        assert W.run_watchlists(store)[0][1] == []
        assert len(W.feed_entries(store, w.id)) == 2


def test_the_cycle_posts_new_incidents_to_the_webhook(db_url: str, hook: Hook) -> None:
    with Store(db_url) as store:
        w = W.create_watchlist(store, W.make_watchlist(
            "gunmen", actors=["gunmen"], webhook_url=hook.url), created_at=PAST)
        quiet = W.create_watchlist(store, W.make_watchlist("quiet", text="shipyard"),
                                   created_at=PAST)
        store.write(mombasa_record())
        refused = WatchlistCycle(store, base_url="http://dash.example:8000")()
        assert (refused.new, refused.posted, refused.failed) == (1, 0, 1)  # loopback refused
        assert "--allow-private" in (W.get_watchlist(store, w.id).last_error or "")  # type: ignore[union-attr]
        assert hook.bodies == []

        store.write(gdansk_record())
        store.write(xss_record())
        done = WatchlistCycle(store, allow_private=True, base_url="http://dash.example:8000")()
        assert (done.watchlists, done.new, done.posted, done.failed) == (2, 1, 1, 0)
        # the new one matched "quiet", which has no webhook; the one refused before is sent
        [retried] = hook.bodies.pop()["incidents"]
        assert retried["event_id"] == mombasa_record().events[0].id
        assert W.get_watchlist(store, quiet.id) is not None

        other = mombasa_record()
        import dataclasses

        from eventwire.model import make_article

        article = make_article(other.article.text + " Gunmen struck again.",
                               outlet="Other Wire", published="2026-05-05")
        events = tuple(dataclasses.replace(e, id=e.id + "x") for e in other.events)
        store.write(dataclasses.replace(other, article=article, events=events))
        done = WatchlistCycle(store, allow_private=True, base_url="http://dash.example:8000")()
        assert (done.new, done.posted, done.failed) == (1, 1, 0)
        body = hook.bodies[-1]
        assert body["watchlist"] == {"id": w.id, "name": "gunmen",
                                     "feed": f"http://dash.example:8000/watchlists/{w.id}/feed.atom"}
        [incident] = body["incidents"]
        assert incident["category"] == "ASSAULT" and incident["place"] == "Mombasa"
        assert incident["links"]["page"].startswith("http://dash.example:8000/ui/events/")
        assert W.get_watchlist(store, w.id).last_error is None  # type: ignore[union-attr]


def test_post_webhook_reports_failures(hook: Hook) -> None:
    hook.status = 500
    assert post_webhook(hook.url, {"a": 1}, allow_private=True) == f"HTTP 500 from {hook.url}"
    assert "refused" in (post_webhook(hook.url, {"a": 1}) or "")
    assert hook.bodies == [{"a": 1}]


def test_api_create_feed_and_delete(filled_url: str) -> None:
    with Store(filled_url) as store:
        token = create_token(store, "t")[1]
    auth = {"Authorization": f"Bearer {token}"}
    with make_client(filled_url) as client:
        body = {"name": "Lima", "places": ["lima"], "categories": ["protest"]}
        assert client.post("/watchlists", json=body).status_code == 401
        bad = client.post("/watchlists", json={"name": "x"}, headers=auth)
        assert bad.status_code == 400 and "at least one" in bad.json()["detail"]
        made = client.post("/watchlists", json=body, headers=auth)
        assert made.status_code == 201, made.text
        wid = made.json()["id"]
        assert made.headers["location"] == f"/watchlists/{wid}"
        assert [i["id"] for i in client.get("/watchlists").json()["items"]] == [wid]
        feed = client.get(f"/watchlists/{wid}/feed.atom")
        assert feed.status_code == 200 and feed.headers["content-type"].startswith(
            "application/atom+xml")
        assert _entries(feed.content) == []  # the stored ones predate it

        with Store(filled_url) as store:  # made as if created before the sample records
            store.execute_write(lambda conn: conn.exec_driver_sql(
                "UPDATE watchlists SET created_at = '2000-01-01T00:00:00+00:00'"))
            WatchlistCycle(store)()
        feed = client.get(f"/watchlists/{wid}/feed.atom")
        [entry] = _entries(feed.content)
        title = entry.findtext(ATOM + "title") or ""
        assert title.startswith("PROTEST: gathered — Lima, PE")
        link = entry.find(ATOM + "link")
        assert link is not None and link.get("href", "").endswith(
            f"/ui/events/{xss_record().events[0].id}")
        assert "<script>" in (entry.findtext(ATOM + "summary") or "")  # as text, escaped
        detail = client.get(f"/watchlists/{wid}").json()
        assert [i["event_id"] for i in detail["incidents"]] == [xss_record().events[0].id]

        assert client.delete(f"/watchlists/{wid}").status_code == 401
        assert client.delete(f"/watchlists/{wid}", headers=auth).status_code == 204
        assert client.get(f"/watchlists/{wid}").status_code == 404
        assert client.get(f"/watchlists/{wid}/feed.atom").status_code == 404


def test_the_page_lists_and_creates_watchlists(filled_url: str) -> None:
    with Store(filled_url) as store:
        token = create_token(store, "t")[1]
    with make_client(filled_url) as client:
        page = client.get("/ui/watchlists?actor=gunmen&category=ASSAULT&q=shot")
        assert page.status_code == 200
        assert 'value="ASSAULT"' in page.text and ">gunmen</textarea>" in page.text
        form = {"name": "Port", "places": "Mombasa\nKilindini", "categories": "assault",
                "token": "wrong"}
        refused = client.post("/ui/watchlists", data=form)
        assert refused.status_code == 401 and "token" in refused.text
        assert 'value="Port"' in refused.text  # the form keeps what was typed
        made = client.post("/ui/watchlists", data={**form, "token": token},
                           follow_redirects=False)
        assert made.status_code == 303
        listing = client.get(made.headers["location"])
        assert "Watchlist saved" in listing.text and "Mombasa or Kilindini" in listing.text
        bad = client.post("/ui/watchlists", data={**form, "token": token, "countries": "Kenya"})
        assert bad.status_code == 400 and "alpha-2" in bad.text


def test_cli_watch_without_feeds_runs_one_cycle(db_url: str, hook: Hook) -> None:
    from click.testing import CliRunner

    from eventwire.cli import cli

    with Store(db_url) as store:
        W.create_watchlist(store, W.make_watchlist("ke", countries=["KE"],
                                                   webhook_url=hook.url), created_at=PAST)
        store.write(mombasa_record())
    result = CliRunner().invoke(cli, ["--db", db_url, "watch", "--once", "--allow-private"],
                                catch_exceptions=False)
    out = result.output + (result.stderr if result.stderr_bytes else "")
    assert result.exit_code == 0, out
    assert "1 watchlist(s): 2 new incident(s), 1 webhook POST(s), 0 failed" in out
    assert len(hook.bodies) == 1 and len(hook.bodies[0]["incidents"]) == 2
    again = CliRunner().invoke(cli, ["--db", db_url, "watch", "--once", "--allow-private"])
    assert again.exit_code == 0 and len(hook.bodies) == 1
