"""A small blocking HTTP client for the maintainer's tools (``pantau outlets add`` and ``check``).

Why not Scrapy here: these tools fetch a few dozen URLs and need each answer before they know
what to fetch next (the feed a home page advertises, the children of a sitemap index, the next
listing page, the articles a source lists), and they report on every single response. Plain
calls with a timeout, a User-Agent and a size cap say that directly; the crawl itself stays
on Scrapy.

Redirects are followed here, not by urllib3, so that a source that moved (301/308) is seen
and can be reported. A server that is down, slow or not HTTP at all becomes one
:class:`FetchError` line, never a traceback; a host that cannot be connected to is not tried
again by the same fetcher (a dead outlet costs one timeout, not one per source).
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urljoin, urlsplit

import urllib3
from parsel import Selector
from w3lib.encoding import html_to_unicode

from pantau.errors import PantauError

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
MAX_BYTES = 16 * 1024 * 1024  # as the crawl's DOWNLOAD_MAXSIZE
_CHUNK = 64 * 1024


class FetchError(PantauError):
    """A URL that gave no HTTP answer (refused, unresolvable, timed out, too large, not HTTP)."""


@dataclass(frozen=True)
class Fetched:
    """The final answer for a URL, after redirects (``hops``: each redirect status and where it led)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    hops: tuple[tuple[int, str], ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def moved_to(self) -> str | None:
        """Where the URL now lives when its first redirect is permanent (301/308), else None."""
        return self.final_url if self.hops and self.hops[0][0] in PERMANENT_REDIRECTS else None

    @property
    def status_line(self) -> str:
        """``200``, or ``301→200`` when redirected."""
        return "→".join([*(str(status) for status, _ in self.hops), str(self.status)])

    @cached_property
    def text(self) -> str:
        """The body as text, decoded by the header, the ``<meta>`` charset or a BOM (as the crawl does)."""
        return html_to_unicode(self.headers.get("content-type"), self.body)[1]

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=self.text, base_url=self.final_url)


def _reason(exc: BaseException, timeout: float) -> str:
    """A short human reason for a network failure: the socket error if there is one."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return "host not found"
        if isinstance(seen, OSError) and not isinstance(seen, TimeoutError) and seen.strerror:
            return seen.strerror[:1].lower() + seen.strerror[1:]
        seen = seen.__cause__ or seen.__context__
    if isinstance(exc, urllib3.exceptions.TimeoutError | TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, urllib3.exceptions.SSLError):
        return "TLS error"
    return " ".join(str(exc).split())[:200] or type(exc).__name__


class Fetcher:
    """GET with a User-Agent, a timeout per connect and per read, a whole-answer deadline and a size cap."""

    def __init__(self, user_agent: str, timeout: float, *, max_bytes: int = MAX_BYTES) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._down: dict[str, str] = {}  # host -> why it could not be connected to (asked once, not per URL)
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
            retries=False, timeout=urllib3.Timeout(connect=timeout, read=timeout),
        )

    def get(self, url: str) -> Fetched:
        """The answer for ``url`` after at most :data:`MAX_REDIRECTS` redirects; any HTTP status is an answer."""
        start = time.monotonic()
        hops: list[tuple[int, str]] = []
        current = url
        while True:
            status, headers, body = self._once(current)
            location = headers.get("location")
            if status not in REDIRECT_STATUSES or not location:
                return Fetched(url, current, status, headers, body, tuple(hops), time.monotonic() - start)
            if len(hops) == MAX_REDIRECTS:
                raise FetchError(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects")
            current = urljoin(current, location.strip())
            hops.append((status, current))

    def _once(self, url: str) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"cannot fetch {url}: not an http(s) URL")
        if parts.netloc in self._down:
            raise FetchError(f"cannot fetch {url}: {self._down[parts.netloc]}")
        deadline = time.monotonic() + 2 * self.timeout  # a server that trickles bytes still ends
        try:
            response = self._pool.request("GET", url, preload_content=False, redirect=False)
            try:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.stream(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"cannot fetch {url}: larger than {self.max_bytes // (1024 * 1024)} MB")
                    if time.monotonic() > deadline:
                        raise FetchError(f"cannot fetch {url}: {_reason(TimeoutError(), self.timeout)}")
                    chunks.append(chunk)
            finally:
                response.release_conn()
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            reason = _reason(exc, self.timeout)
            if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):  # refused, unresolvable or unreachable
                self._down[parts.netloc] = reason
            raise FetchError(f"cannot fetch {url}: {reason}") from None
        except ValueError as exc:  # a URL urllib3 cannot parse (bad port, bad host)
            raise FetchError(f"cannot fetch {url}: {' '.join(str(exc).split())}") from None
        headers = {k.lower(): v for k, v in response.headers.items()}
        return response.status, headers, b"".join(chunks)
