"""The one generic news spider, driven by the outlet registry.

Per outlet it reads the discovery sources (RSS/Atom feeds, sitemaps and
sitemap indexes incl. news sitemaps, listing pages with bounded pagination),
keeps only links matching the outlet's ``article_pattern``, canonicalises them
so one story is one request, skips pages the crawl state already knows (unless
a feed or sitemap says they changed since), and yields one :class:`PageItem`
per fetched article page. Sources are re-read every run with conditional
requests (ETag / Last-Modified), so an unchanged feed costs a 304.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from crawler import report
from crawler.items import PageItem
from crawler.outlets import Outlet, load_registry, select
from pantau.state import CrawlState
from pantau.urls import canonical_url, declared_canonical
from pipelines import config_from

# Links that lead to the next listing page, by rel or by the words sites use.
NEXT_PAGE_XPATH = (
    "//link[@rel='next']/@href | //a[@rel='next']/@href | "
    "//a[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/@href | "
    "//a[normalize-space(.)='›' or normalize-space(.)='»' or normalize-space(.)='>' or "
    "translate(normalize-space(.), 'NEXTSLANJUBRIKO', 'nextslanjubriko')='next' or "
    "translate(normalize-space(.), 'NEXTSLANJUBRIKO', 'nextslanjubriko')='selanjutnya' or "
    "translate(normalize-space(.), 'NEXTSLANJUBRIKO', 'nextslanjubriko')='berikutnya']/@href"
)
FEED_ITEM_XPATH = "//*[local-name()='item' or local-name()='entry']"
SOURCE_KINDS = ("feed", "sitemap", "listing")
_WS = re.compile(r"\s+")


def _parse_when(value: str | None) -> datetime | None:
    """A feed/sitemap date (RFC 822 or ISO 8601) as an aware datetime, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class NewsSpider(scrapy.Spider):
    name = "news"
    custom_settings = {"HTTPERROR_ALLOWED_CODES": [304]}

    def __init__(self, outlets: list[Outlet], state: CrawlState, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.outlets = {o.id: o for o in outlets}
        self.state = state
        self._requested: set[str] = set()  # canonical keys asked for in this run
        self._fresh_sources: dict[str, list[tuple[str, str | None, str | None, datetime]]] = defaultdict(list)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        """Also usable as ``scrapy crawl news [-a only=id,id]``: registry and state from the config."""
        if "outlets" not in kwargs:
            only = [i for i in str(kwargs.pop("only", "")).split(",") if i]
            kwargs["outlets"] = select(load_registry(), only)
            kwargs["state"] = CrawlState(config_from(crawler).db_path)
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        return spider

    # -- discovery ---------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        for outlet in self.outlets.values():
            for url in outlet.feeds:
                yield self._source_request(outlet, url, "feed")
            for url in outlet.sitemaps:
                yield self._source_request(outlet, url, "sitemap")
            for url in outlet.listings:
                yield self._source_request(outlet, url, "listing", page=1)

    def _source_request(self, outlet: Outlet, url: str, kind: str, page: int = 1) -> scrapy.Request:
        headers = {}
        etag, last_modified = self.state.validators(url)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        callback = {"feed": self.parse_feed, "sitemap": self.parse_sitemap, "listing": self.parse_listing}[kind]
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, headers=headers, dont_filter=page == 1,
            meta={"outlet": outlet.id, "kind": kind, "page": page}, priority=10,
        )

    def _source_ok(self, response: Response) -> bool:
        """Keep the source's validators for the end of the crawl; a 304 means nothing new behind it."""
        outlet = response.meta["outlet"]
        report.count(self.crawler.stats, outlet, "sources_read")
        if response.status == 304:
            report.count(self.crawler.stats, outlet, "sources_not_modified")
            return False
        assert response.request is not None
        self._fresh_sources[outlet].append((
            response.request.url,
            (response.headers.get("ETag") or b"").decode("latin-1") or None,
            (response.headers.get("Last-Modified") or b"").decode("latin-1") or None,
            datetime.now(UTC),
        ))
        return True

    def closed(self, reason: str) -> None:
        """Remember the sources' validators of every outlet whose pages all made it into the store.

        A 304 next time means "nothing new behind this source", which is only
        true if every article it listed was fetched and stored. After a page
        failed (a timeout, a full disk) or a crawl stopped early, the next crawl
        re-reads that outlet's sources in full, so the page is found again.
        An outlet none of whose sources answered is an error: nothing of it was crawled.
        """
        if reason != "finished":
            return
        for oid in self.outlets:
            if not self.crawler.stats.get_value(f"pantau/{oid}/sources_read"):
                report.error(self.crawler.stats, oid, "none of its feeds, sitemaps or listings could be read")
        for outlet, sources in self._fresh_sources.items():
            if report.has_errors(self.crawler.stats, outlet):
                continue
            try:
                for url, etag, last_modified, checked in sources:
                    self.state.record_validators(url, etag, last_modified, checked)
            except sqlite3.Error as exc:
                self.logger.error("%s: sources will be re-read in full next time (%s)", outlet, exc)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        if not self._source_ok(response):
            return
        outlet = self.outlets[response.meta["outlet"]]
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=False, resolve_entities=False,
                                                                          no_network=True))
        except etree.XMLSyntaxError as exc:
            report.error(self.crawler.stats, outlet.id, f"bad feed {response.url}: {exc}")
            return
        entries = root.xpath(FEED_ITEM_XPATH)
        if not entries:
            report.error(self.crawler.stats, outlet.id, f"bad feed {response.url}: no items or entries")
            return
        for entry in entries:
            link = entry.xpath("string(*[local-name()='link'][not(@rel) or @rel='alternate'][1]/@href)") or \
                entry.xpath("string(*[local-name()='link'][1])") or entry.xpath("string(*[local-name()='guid'])")
            when = entry.xpath("string(*[local-name()='updated' or local-name()='pubDate' or "
                               "local-name()='published' or local-name()='date'][1])")
            yield from self._article_request(outlet, urljoin(response.url, link.strip()), _parse_when(when))

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        if not self._source_ok(response):
            return
        outlet = self.outlets[response.meta["outlet"]]
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            sitemap = Sitemap(body)
        except (etree.XMLSyntaxError, ValueError) as exc:
            report.error(self.crawler.stats, outlet.id, f"bad sitemap {response.url}: {exc}")
            return
        for entry in sitemap:
            loc = entry.get("loc", "")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield self._source_request(outlet, urljoin(response.url, loc), "sitemap", page=2)
            else:
                when = entry.get("lastmod") or (entry.get("news") or {}).get("publication_date")
                yield from self._article_request(outlet, urljoin(response.url, loc), _parse_when(when))

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        if not self._source_ok(response):
            return
        outlet = self.outlets[response.meta["outlet"]]
        if not isinstance(response, TextResponse):
            report.error(self.crawler.stats, outlet.id, f"listing is not HTML: {response.url}")
            return
        for href in response.xpath("//a/@href").getall():
            url = response.urljoin(href.strip())
            if url.startswith("http"):
                yield from self._article_request(outlet, url, None)
        page = response.meta["page"]
        if page < outlet.max_listing_pages:
            next_href = response.xpath(NEXT_PAGE_XPATH).get()
            if next_href:
                yield self._source_request(outlet, response.urljoin(next_href.strip()), "listing", page=page + 1)

    def _article_request(self, outlet: Outlet, url: str, lastmod: datetime | None) -> Iterator[scrapy.Request]:
        """Request an article page unless it is off-pattern, already asked for, or known and unchanged."""
        key = canonical_url(url)
        if not (outlet.article_regex.match(url) or outlet.article_regex.match(key)):
            return
        if key in self._requested:
            return
        self._requested.add(key)
        known = self.state.known_page(key)
        if known is not None and (lastmod is None or lastmod <= known.fetched):
            report.count(self.crawler.stats, outlet.id, "skipped_known")
            return
        yield scrapy.Request(url, callback=self.parse_article, errback=self.on_error,
                             meta={"outlet": outlet.id, "kind": "article", "key": key})

    # -- articles ----------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[PageItem]:
        outlet = self.outlets[response.meta["outlet"]]
        report.count(self.crawler.stats, outlet.id, "pages_fetched")
        if not isinstance(response, TextResponse):
            report.error(self.crawler.stats, outlet.id, f"not an HTML page: {response.url}")
            return
        key = response.meta["key"]
        canonical = key
        declared = declared_canonical(response.text)
        if declared:
            declared_key = canonical_url(response.urljoin(declared))
            # Only trust a canonical on the outlet's own site: a syndicated copy pointing to
            # the source is still this outlet's page (dedupe marks it as a copy).
            if urlsplit(declared_key).netloc == urlsplit(key).netloc:
                canonical = declared_key
        aliases = tuple(dict.fromkeys(u for u in (key, canonical_url(response.url)) if u != canonical))
        yield PageItem(
            outlet=outlet.id, outlet_name=outlet.name, url=canonical, aliases=aliases,
            html=response.text, fetched=datetime.now(UTC), fallback_region=outlet.fallback_region,
        )

    def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        outlet = request.meta.get("outlet", "?")
        if failure.check(IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            report.count(self.crawler.stats, outlet, "robots_blocked")  # the site's wish, not an error
            return
        if failure.check(HttpError):
            status = failure.value.response.status
            message = f"HTTP {status} for {request.url}"
        else:
            message = f"{failure.type.__name__} for {request.url}: {_WS.sub(' ', failure.getErrorMessage())}"
        report.error(self.crawler.stats, outlet, message)
