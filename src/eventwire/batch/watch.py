"""``eventwire watch``: poll RSS/Atom feeds, fetch the articles they link to, hand them on.

Each feed has its own state: ETag / Last-Modified for conditional requests (an
unchanged feed costs a 304 and no parsing), the links already taken, and a failure
count. A feed that times out, answers 5xx or serves something that is not a feed is
reported and tried again after an exponential backoff; the other feeds go on at their
own pace. The clock and the sleep are parameters, so tests run the loop without waiting.

Where the articles go is the ``sink`` (the CLI's writes them to the store through the
pipeline); the watcher itself knows nothing of spaCy or SQL. After each round of polls the
``after_round`` hook runs: the CLI's runs the store's watchlists (``WatchlistCycle``),
recording the new incidents that match each one (its Atom feed) and POSTing them to its
webhook, if it has one.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import feedparser

from eventwire.config import Settings
from eventwire.model import Article, Skipped
from eventwire.readers import ArticleMeta, read_bytes
from eventwire.readers.common import make_context
from eventwire.readers.dates import from_struct_time, normalise_published
from eventwire.readers.html import read_html

from .fetch import USER_AGENT, Fetcher, FetchError, check_address

MAX_SEEN = 5_000  # links remembered per feed (a feed lists its latest few dozen)
Sink = Callable[[list[Article], list[Skipped]], int]  # returns how many were new
Echo = Callable[[str], None]


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)  # links taken, oldest first
    failures: int = 0
    next_due: float = 0.0
    last_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"etag": self.etag, "last_modified": self.last_modified, "seen": self.seen}


@dataclass
class PollResult:
    """What one poll of one feed gave."""

    feed: str
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_modified: bool = False
    error: str | None = None
    retry_in: float | None = None


def _entry_published(entry: Any) -> str | None:
    for key in ("published", "updated"):
        iso = normalise_published(entry.get(key))
        if iso:
            return iso
    for key in ("published_parsed", "updated_parsed"):
        iso = from_struct_time(entry.get(key))
        if iso:
            return iso
    return None


class Watcher:
    def __init__(
        self,
        feeds: Sequence[str],
        settings: Settings,
        fetcher: Fetcher,
        sink: Sink,
        *,
        interval: float = 300.0,
        max_backoff: float = 3600.0,
        state_path: str | Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        echo: Echo | None = None,
        after_round: Callable[[], object] | None = None,
    ) -> None:
        self.settings = settings
        self.after_round = after_round
        self.fetcher = fetcher
        self.sink = sink
        self.interval = interval
        self.max_backoff = max_backoff
        self.state_path = Path(state_path) if state_path else None
        self.clock = clock
        self.sleep = sleep
        self.echo = echo or (lambda _msg: None)
        saved = self._load_state()
        self.feeds = [FeedState(url) for url in dict.fromkeys(feeds)]
        for feed in self.feeds:
            old = saved.get(feed.url) or {}
            feed.etag, feed.last_modified = old.get("etag"), old.get("last_modified")
            feed.seen = list(old.get("seen") or [])

    # -- the loop --------------------------------------------------------------------------

    def run(self, max_polls: int | None = None) -> list[PollResult]:
        """Poll until ``max_polls`` rounds have run (None: forever). A round polls every
        feed that is due; between rounds the watcher sleeps until the next one is."""
        results: list[PollResult] = []
        rounds = 0
        while max_polls is None or rounds < max_polls:
            now = self.clock()
            due = [f for f in self.feeds if f.next_due <= now]
            if not due:
                self.sleep(max(0.0, min(f.next_due for f in self.feeds) - now))
                continue
            for feed in due:
                results.append(self.poll(feed))
            rounds += 1
            self._save_state()
            if self.after_round is not None:
                self.after_round()
        return results

    def poll(self, feed: FeedState) -> PollResult:
        result = self._poll(feed)
        now = self.clock()
        if result.error is None:
            feed.failures, feed.last_error = 0, None
            feed.next_due = now + self.interval
            if result.articles or result.skipped:
                new = self.sink(result.articles, result.skipped)
                self.echo(f"{feed.url}: {len(result.articles)} article(s) fetched, {new} new, "
                          f"{len(result.skipped)} skipped")
        else:
            feed.failures += 1
            feed.last_error = result.error
            delay = min(self.max_backoff, max(self.interval, 1.0) * 2 ** (feed.failures - 1))
            feed.next_due = now + delay
            result.retry_in = delay
            self.echo(f"{feed.url}: {result.error}; retry in {delay:g}s "
                      f"(failure {feed.failures} in a row)")
            if result.skipped:  # links that failed before the feed did
                self.sink([], result.skipped)
        return result

    # -- one feed --------------------------------------------------------------------------

    def _poll(self, feed: FeedState) -> PollResult:
        result = PollResult(feed.url)
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            fetched = self.fetcher.get(feed.url, headers=headers)
        except FetchError as err:
            result.error = str(err)
            return result
        if fetched.not_modified:
            result.not_modified = True
            return result
        parsed = feedparser.parse(io.BytesIO(fetched.content))
        entries = parsed.get("entries") or []
        if not entries and (parsed.get("bozo") or not parsed.get("version")):
            reason = " ".join(str(parsed.get("bozo_exception") or "no feed elements").split())
            result.error = f"not an RSS/Atom feed: {reason[:200]}"
            return result
        feed.etag = fetched.headers.get("etag") or feed.etag
        feed.last_modified = fetched.headers.get("last-modified") or feed.last_modified
        outlet = parsed.feed.get("title") or None
        seen = set(feed.seen)
        for number, entry in enumerate(entries, start=1):
            link = (entry.get("link") or "").strip()
            if not link:
                result.skipped.append(Skipped(f"{feed.url}#item{number}", "feed item has no link"))
                continue
            if link in seen:
                continue
            meta = ArticleMeta(
                published=_entry_published(entry), url=link, outlet=outlet,
                title=" ".join((entry.get("title") or "").split()) or None,
            )
            try:
                result.articles.extend(self._article(link, meta, result.skipped))
            except FetchError as err:
                result.skipped.append(Skipped(link, str(err)))
                if not err.permanent:
                    continue  # not remembered: tried again at the next poll
            seen.add(link)
            feed.seen.append(link)
        del feed.seen[:-MAX_SEEN]
        return result

    def _article(self, link: str, meta: ArticleMeta, skipped: list[Skipped]) -> list[Article]:
        page = self.fetcher.get(link, robots=True)
        if "html" in page.content_type or not page.content_type:
            items = read_html(page.content, source=link,
                              ctx=make_context(self.settings, meta), url=page.url)
        else:  # plain text and the like: sniffed like any input
            items = read_bytes(page.content, source=link, settings=self.settings, meta=meta)
        articles: list[Article] = []
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item)
            elif meta.outlet and item.outlet != meta.outlet:
                # the feed's own name beats trafilatura's guess (often just the host name);
                # the outlet is not part of the article id, so this changes no id
                articles.append(dataclasses.replace(item, outlet=meta.outlet))
            else:
                articles.append(item)
        return articles

    # -- state between runs ------------------------------------------------------------------

    def _load_state(self) -> dict[str, Any]:
        if self.state_path is None or not self.state_path.exists():
            return {}
        try:
            data: dict[str, Any] = json.loads(self.state_path.read_text(encoding="utf-8"))
            return data
        except ValueError:
            self.echo(f"state file {self.state_path} is unreadable; starting afresh")
            return {}

    def _save_state(self) -> None:
        if self.state_path is None:
            return
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        tmp.write_text(json.dumps({f.url: f.to_json() for f in self.feeds}), encoding="utf-8")
        os.replace(tmp, self.state_path)


# -- watchlists --------------------------------------------------------------------------


def post_webhook(url: str, payload: dict[str, Any], *, allow_private: bool = False,
                 timeout: float = 10.0, transport: Any = None) -> str | None:
    """POST ``payload`` as JSON to ``url`` (the address a user set on a watchlist, and no
    other: no redirect is followed). None when it answered 2xx, else the one-line reason.
    Private and loopback addresses are refused unless ``allow_private``, as for feeds."""
    import httpx

    try:
        check_address(url, allow_private)
        with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False,
                          transport=transport) as client:
            resp = client.post(url, content=json.dumps(payload, ensure_ascii=False).encode(),
                               headers={"Content-Type": "application/json",
                                        "User-Agent": USER_AGENT})
    except FetchError as err:
        return str(err)
    except httpx.TimeoutException:
        return f"timed out after {timeout:g}s: {url}"
    except httpx.HTTPError as err:
        return f"cannot POST to {url}: {type(err).__name__}: {err}"
    if not 200 <= resp.status_code < 300:
        return f"HTTP {resp.status_code} from {url}"
    return None


@dataclass
class CycleResult:
    watchlists: int = 0
    new: int = 0  # incidents recorded in feeds
    posted: int = 0  # webhook POSTs that succeeded
    failed: int = 0  # webhook POSTs that did not


class WatchlistCycle:
    """Runs every watchlist in the store once per call (``web/watchlists.py``): records
    the new matching incidents, then POSTs each watchlist's to its webhook, with those a
    failed POST left undelivered before."""

    def __init__(self, store: Any, *, allow_private: bool = False, timeout: float = 10.0,
                 base_url: str = "", echo: Echo | None = None, transport: Any = None) -> None:
        self.store = store
        self.allow_private = allow_private
        self.timeout = timeout
        self.base_url = base_url.rstrip("/")
        self.echo = echo or (lambda _msg: None)
        self.transport = transport

    def __call__(self) -> CycleResult:
        from eventwire.web import watchlists as W

        result = CycleResult()
        for w, hits in W.run_watchlists(self.store):
            result.watchlists += 1
            result.new += len(hits)
            if hits:
                self.echo(f"watchlist {w.name!r}: {len(hits)} new incident(s)")
            if not w.webhook_url:
                continue
            hits = W.pending(self.store, w.id)
            if not hits:
                continue
            entries = W.feed_entries(self.store, w.id, limit=len(hits),
                                     incident_ids=[h.incident_id for h in hits])
            payload = {
                "watchlist": {"id": w.id, "name": w.name,
                              "feed": f"{self.base_url}/watchlists/{w.id}/feed.atom"},
                "incidents": [W.incident_payload(e, self.base_url) for e in entries],
            }
            error = post_webhook(w.webhook_url, payload, allow_private=self.allow_private,
                                 timeout=self.timeout, transport=self.transport)
            W.mark_delivered(self.store, w, hits, error)
            if error is None:
                result.posted += 1
            else:
                result.failed += 1
                self.echo(f"watchlist {w.name!r}: webhook failed: {error}")
        return result


__all__ = ["CycleResult", "FeedState", "PollResult", "Watcher", "WatchlistCycle",
           "post_webhook"]
