"""Careful HTTP for ``eventwire watch``: fetching pages named by someone else's feed.

A feed is input we do not control, so every request is bounded: a timeout per request
(and a total deadline while the body streams in), a size cap, a bounded number of
redirects (each hop checked again), robots.txt for article pages, and no private,
loopback, link-local or otherwise non-public addresses unless ``allow_private`` (the
usual server-side request forgery guard).

Known limit: the address check resolves the host name, then httpx resolves it again to
connect; a DNS server that answers differently the second time (DNS rebinding) is not
caught. Run watch where the network itself keeps it away from internal services if that
matters.

The ``transport`` argument is httpx's seam: tests may pass a MockTransport.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from eventwire.errors import InputError

USER_AGENT = "eventwire-watch/1 (+https://github.com/eventwire/eventwire)"
ROBOTS_AGENT = "eventwire-watch"
_REDIRECTS = (301, 302, 303, 307, 308)
_ROBOTS_MAX_BYTES = 512_000


class FetchError(InputError):
    """A URL that could not be fetched; ``str()`` is the one-line reason. ``permanent``
    says whether trying again later could help (a timeout could, robots.txt cannot)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    timeout: float = 10.0  # seconds per connect/read, and for the whole body
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    content: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").lower()


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1 is loopback too
    if mapped is not None:
        ip = mapped
    return ip.is_global and not ip.is_multicast


def check_address(url: str, allow_private: bool) -> None:
    """Raise FetchError unless ``url`` is http(s) to a host with only public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"not an http(s) URL: {url}", permanent=True)
    host = parts.hostname
    if not host:
        raise FetchError(f"no host in URL: {url}", permanent=True)
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as err:
        raise FetchError(f"cannot resolve {host}: {err}") from err
    for info in infos:
        address = str(info[4][0]).split("%")[0]
        if not _public(ipaddress.ip_address(address)):
            raise FetchError(
                f"refused: {host} resolves to a private or loopback address ({address}); "
                "use --allow-private to fetch from such hosts",
                permanent=True,
            )


class Fetcher:
    """One httpx client and a robots.txt cache for one watch run; ``close()`` when done."""

    def __init__(self, policy: FetchPolicy | None = None, transport: Any = None) -> None:
        import httpx

        self.policy = policy or FetchPolicy()
        self._httpx = httpx
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,  # followed by hand: every hop is checked
            headers={"User-Agent": self.policy.user_agent},
            transport=transport,
        )
        self._robots: dict[str, RobotFileParser] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, *, headers: dict[str, str] | None = None, robots: bool = False,
        max_bytes: int | None = None,
    ) -> Fetched:
        """GET ``url``: a 2xx or 304 response with its body, or FetchError."""
        limit = self.policy.max_bytes if max_bytes is None else max_bytes
        start = url
        for _hop in range(self.policy.max_redirects + 1):
            check_address(url, self.policy.allow_private)
            if robots and not self.allowed_by_robots(url):
                raise FetchError(f"disallowed by robots.txt: {url}", permanent=True)
            result = self._get_once(url, headers or {}, limit)
            if isinstance(result, Fetched):
                return result
            url = result  # a redirect: the next hop is checked like the first
        raise FetchError(
            f"more than {self.policy.max_redirects} redirects from {start}", permanent=True
        )

    def _get_once(self, url: str, headers: dict[str, str], limit: int) -> Fetched | str:
        httpx = self._httpx
        deadline = time.monotonic() + self.policy.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code in _REDIRECTS and resp.headers.get("location"):
                    return urljoin(url, resp.headers["location"])
                if resp.status_code >= 400:
                    raise FetchError(
                        f"HTTP {resp.status_code} from {url}",
                        permanent=400 <= resp.status_code < 500 and resp.status_code != 429,
                    )
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"{url} is {int(declared):,} bytes, over the limit of "
                                     f"{limit:,}", permanent=True)
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"{url} is over the limit of {limit:,} bytes",
                                         permanent=True)
                    if time.monotonic() > deadline:
                        raise FetchError(f"{url} took over {self.policy.timeout:g}s to send")
                    chunks.append(chunk)
                return Fetched(
                    url=str(resp.url), status=resp.status_code,
                    headers={k.lower(): v for k, v in resp.headers.items()},
                    content=b"".join(chunks),
                )
        except httpx.TimeoutException as err:
            raise FetchError(f"timed out after {self.policy.timeout:g}s: {url}") from err
        except httpx.HTTPError as err:
            raise FetchError(f"cannot fetch {url}: {type(err).__name__}: {err}") from err

    def allowed_by_robots(self, url: str) -> bool:
        """robots.txt of the URL's host, fetched once per run. Missing (4xx): all allowed;
        unreachable (5xx, timeout): nothing allowed, as RFC 9309 asks."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(origin)
        if parser is None:
            parser = RobotFileParser()
            try:
                found = self.get(origin + "/robots.txt", max_bytes=_ROBOTS_MAX_BYTES)
                parser.parse(found.content.decode("utf-8", errors="replace").splitlines())
            except FetchError as err:
                if err.permanent and "HTTP 4" in str(err):
                    parser.allow_all = True  # type: ignore[attr-defined]
                else:
                    parser.disallow_all = True  # type: ignore[attr-defined]
            self._robots[origin] = parser
        return parser.can_fetch(ROBOTS_AGENT, url)


__all__ = ["FetchError", "FetchPolicy", "Fetched", "Fetcher", "check_address"]
