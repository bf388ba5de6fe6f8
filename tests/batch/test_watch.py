"""eventwire watch and its careful fetcher, against an HTTP server started on 127.0.0.1
serving feeds and pages written for these tests (invented news, invented people)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.batch.fetch import Fetcher, FetchError, FetchPolicy
from eventwire.batch.watch import Watcher
from eventwire.config import Settings
from eventwire.model import Article, Skipped

PARAGRAPHS = {
    "a1": [
        "Police in Mombasa said on Tuesday that two men had been arrested after a grenade "
        "was thrown at a bus depot in the port city, injuring four workers.",
        "A spokesman for the county police, Joseph Wekesa Tembo, said the suspects were "
        "detained at a roadblock on the northern highway a few hours after the attack.",
        "Witnesses told reporters that the explosion shattered the windows of two buses "
        "and sent passengers running into the street in panic.",
        "The injured were taken to the provincial hospital, where doctors said all four "
        "were in a stable condition on Tuesday evening.",
    ],
    "a2": [
        "Several hundred farmers marched through the centre of Kisumu on Wednesday to "
        "protest against a sharp rise in the price of fertiliser, local officials said.",
        "The march was largely peaceful, but police fired tear gas when a group of "
        "protesters tried to enter the county assembly building in the afternoon.",
        "Organisers from a regional growers association said they would return every week "
        "until the government agreed to restore the subsidy it cut in the spring.",
        "A county official, Amina Odhiambo Rahimi, said the concerns of the farmers would be "
        "raised with the agriculture ministry in Nairobi before the end of the month.",
    ],
    "a3": [
        "This page sits under a path that robots.txt disallows, so the watcher must not "
        "fetch it even though the feed links to it in the usual way for new reports.",
        "Its text is long enough to be an article, which makes the refusal the only "
        "reason it could be missing from the results of a watch run on the test feed.",
    ],
}


def page(key: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[key])
    return (
        f"<!DOCTYPE html><html><head><title>Report {key}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Report {key}</h1>{body}</article>"
        f"<footer>Copyright Test Wire</footer></body></html>"
    ).encode()


def rss(base: str, items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>Item {i}</title><link>{base}{i}</link>"
        f"<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate><description>Short summary "
        f"{i}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
        f"<link>{base}</link><description>fixture feed</description>{entries}</channel></rss>"
    ).encode()


class FixtureServer:
    """Routes, hit counters and the request headers seen, for assertions."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.headers: dict[str, list[dict[str, str]]] = {}
        self.release = threading.Event()  # lets the hanging route end at teardown
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                server.headers.setdefault(self.path, []).append(dict(self.headers))
                server.route(self)

        return Handler

    def send(self, h: BaseHTTPRequestHandler, status: int, body: bytes = b"",
             ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            h.send_header(name.replace("_", "-"), value)
        h.end_headers()
        h.wfile.write(body)

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        base = self.base + "/"
        if path == "/robots.txt":
            self.send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/feed.xml":
            if h.headers.get("If-None-Match") == '"v1"':
                self.send(h, 304)
                return
            self.send(h, 200, rss(base, ["a1.html", "a2.html", "private/a3.html"]),
                      "application/rss+xml", ETag='"v1"')
        elif path == "/lm-feed.xml":
            stamp = "Tue, 24 Nov 2026 10:00:00 GMT"
            if h.headers.get("If-Modified-Since") == stamp:
                self.send(h, 304)
                return
            self.send(h, 200, rss(base, ["a1.html"]), "application/rss+xml",
                      Last_Modified=stamp)
        elif path in ("/a1.html", "/a2.html", "/private/a3.html"):
            self.send(h, 200, page(path.rsplit("/", 1)[1][:2]))
        elif path == "/hang.xml":
            self.release.wait(5)  # the client gives up long before; send nothing
        elif path == "/500.xml":
            self.send(h, 500, b"internal error", "text/plain")
        elif path == "/garbage.xml":
            self.send(h, 200, b"\x00\x13 this is {not: a feed] \xff\xfe <<<", "text/xml")
        elif path == "/big.html":
            self.send(h, 200, b"<p>" + b"x" * 200_000 + b"</p>")
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/a1.html" if n == 0 else f"/redirect/{n - 1}"
            self.send(h, 302, b"", Location=target)
        else:
            self.send(h, 404, b"not found", "text/plain")


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    srv = FixtureServer()
    srv.thread.start()
    yield srv
    srv.release.set()
    srv.httpd.shutdown()
    srv.httpd.server_close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchPolicy(timeout=0.5, max_bytes=50_000, max_redirects=2,
                             allow_private=True)) as f:
        yield f


class Collector:
    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.skipped: list[Skipped] = []

    def __call__(self, articles: list[Article], skipped: list[Skipped]) -> int:
        self.articles.extend(articles)
        self.skipped.extend(skipped)
        return len(articles)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def make_watcher(feeds: list[str], fetcher: Fetcher, sink: Collector, clock: FakeClock,
                 **kw: object) -> Watcher:
    return Watcher(feeds, Settings(db_url="sqlite://"), fetcher, sink, interval=10,
                   clock=clock, sleep=clock.sleep, **kw)  # type: ignore[arg-type]


# -- fetcher ---------------------------------------------------------------------------------


def test_loopback_refused_without_allow_private(server: FixtureServer) -> None:
    with Fetcher(FetchPolicy(timeout=1)) as strict, pytest.raises(FetchError) as err:
        strict.get(server.base + "/feed.xml")
    assert "private or loopback" in str(err.value)
    assert err.value.permanent
    assert server.hits == {}  # refused before any request was made


def test_redirect_hop_to_loopback_is_checked_too() -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://127.0.0.1/secret"})

    with Fetcher(FetchPolicy(timeout=1), transport=httpx.MockTransport(handler)) as f, \
            pytest.raises(FetchError, match="private or loopback"):
        # 93.184.216.34 is a public address: the first hop passes, the redirect does not
        f.get("http://93.184.216.34/start")


def test_non_http_scheme_refused(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")


def test_size_cap(server: FixtureServer, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="over the limit"):
        fetcher.get(server.base + "/big.html")


def test_redirects_followed_then_bounded(server: FixtureServer, fetcher: Fetcher) -> None:
    ok = fetcher.get(server.base + "/redirect/1")  # two redirects: the limit
    assert ok.url.endswith("/a1.html") and b"Mombasa" in ok.content
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetcher.get(server.base + "/redirect/2")
    assert server.hits["/a1.html"] == 1  # only by the first call


def test_robots_disallow(server: FixtureServer, fetcher: Fetcher) -> None:
    assert fetcher.get(server.base + "/a1.html", robots=True).status == 200
    with pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.get(server.base + "/private/a3.html", robots=True)
    assert "/private/a3.html" not in server.hits
    assert server.hits["/robots.txt"] == 1  # fetched once per host and run


def test_timeout_is_an_error_not_a_hang(server: FixtureServer, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="timed out") as err:
        fetcher.get(server.base + "/hang.xml")
    assert not err.value.permanent


# -- watcher ---------------------------------------------------------------------------------


def test_new_articles_then_etag_304(server: FixtureServer, fetcher: Fetcher) -> None:
    sink, clock = Collector(), FakeClock()
    watcher = make_watcher([server.base + "/feed.xml"], fetcher, sink, clock)
    first = watcher.run(max_polls=1)
    assert [r.error for r in first] == [None]
    assert sorted(a.url or "" for a in sink.articles) == [
        server.base + "/a1.html", server.base + "/a2.html"]
    a1 = next(a for a in sink.articles if a.url and a.url.endswith("a1.html"))
    assert "grenade" in a1.text and a1.outlet == "Test Wire" and a1.title == "Report a1"
    assert a1.published is not None and a1.published.startswith("2026-11-24")
    assert [s.reason for s in sink.skipped] == [
        f"disallowed by robots.txt: {server.base}/private/a3.html"]

    second = watcher.run(max_polls=1)  # sleeps (fake) until due, sends If-None-Match
    assert second[0].not_modified
    assert server.headers["/feed.xml"][-1].get("If-None-Match") == '"v1"'
    assert server.hits["/a1.html"] == 1 and len(sink.articles) == 2


def test_last_modified_and_state_file(server: FixtureServer, fetcher: Fetcher,
                                      tmp_path: Path) -> None:
    state = tmp_path / "watch-state.json"
    url = server.base + "/lm-feed.xml"
    sink, clock = Collector(), FakeClock()
    make_watcher([url], fetcher, sink, clock, state_path=state).run(max_polls=1)
    assert len(sink.articles) == 1 and state.exists()
    # a new run with the same state file asks conditionally at once
    again = make_watcher([url], fetcher, Collector(), FakeClock(), state_path=state)
    result = again.run(max_polls=1)
    assert result[0].not_modified
    sent = server.headers["/lm-feed.xml"][-1]
    assert sent.get("If-Modified-Since") == "Tue, 24 Nov 2026 10:00:00 GMT"


def test_bad_feeds_back_off_while_good_one_goes_on(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    good, hang, err500, garbage = (server.base + p for p in
                                   ("/feed.xml", "/hang.xml", "/500.xml", "/garbage.xml"))
    sink, clock = Collector(), FakeClock()
    watcher = make_watcher([hang, err500, garbage, good], fetcher, sink, clock)
    results = watcher.run(max_polls=3)
    by_feed: dict[str, list[object]] = {}
    for r in results:
        by_feed.setdefault(r.feed, []).append(r)
    # rounds at t=0, 10, 20: failing feeds wait 10s then 20s, the good one every 10s
    assert len(by_feed[good]) == 3
    for bad in (hang, err500, garbage):
        polls = by_feed[bad]
        assert len(polls) == 2
        assert [p.retry_in for p in polls] == [10, 20]  # type: ignore[attr-defined]
    reasons = {r.feed: r.error for r in results if r.error}
    assert "timed out" in (reasons[hang] or "")
    assert "HTTP 500" in (reasons[err500] or "")
    assert "not an RSS/Atom feed" in (reasons[garbage] or "")
    assert len(sink.articles) == 2  # the good feed's articles, once each
    state = {f.url: f for f in watcher.feeds}
    assert state[err500].failures == 2 and state[good].failures == 0


def test_backoff_is_capped(server: FixtureServer, fetcher: Fetcher) -> None:
    clock = FakeClock()
    watcher = make_watcher([server.base + "/500.xml"], fetcher, Collector(), clock,
                           max_backoff=25)
    results = watcher.run(max_polls=4)
    assert [r.retry_in for r in results] == [10, 20, 25, 25]


# -- the CLI ---------------------------------------------------------------------------------


def _cli(args: list[str]) -> tuple[int, str]:
    from click.testing import CliRunner

    from eventwire.cli import cli

    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def test_cli_refuses_loopback_without_flag(server: FixtureServer, tmp_path: Path) -> None:
    code, out = _cli(["--db", f"sqlite:///{tmp_path / 'w.db'}", "watch", "--once",
                      server.base + "/feed.xml"])
    assert code == 1
    assert "--allow-private" in out
    assert server.hits == {}


@pytest.mark.model
def test_cli_watch_once_ingests(server: FixtureServer, tmp_path: Path, pipeline: object,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.nlp import pipeline as pipeline_module
    from eventwire.store import Store

    # the session's pipeline rather than a second model load
    monkeypatch.setattr(pipeline_module, "Pipeline", lambda _settings: pipeline)

    db = f"sqlite:///{tmp_path / 'w.db'}"
    code, out = _cli(["--db", db, "watch", "--once", "--allow-private", "--timeout", "2",
                      server.base + "/feed.xml"])
    assert code == 0, out
    with Store(db) as store:
        skipped = store.errors()
        assert [e["reason"] for e in skipped] == [
            f"disallowed by robots.txt: {server.base}/private/a3.html"]
        kinds = {row.category for row in store.query_events()}
    assert "2 article(s) fetched, 2 new" in out
    assert kinds  # the grenade attack and the march were extracted


