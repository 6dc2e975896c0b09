"""The one generic news spider, driven by the outlet registry.

Per outlet it reads the discovery sources (RSS/Atom feeds, sitemaps and
sitemap indexes incl. news sitemaps, listing pages with bounded pagination),
keeps only links matching the outlet's ``article_pattern``, canonicalises them
so one story is one request, skips pages the crawl state already knows (unless
a feed or sitemap says they changed since), and yields one :class:`PageItem`
per article: an article split over pages is read whole first (its
all-on-one-page view, else its next pages; :mod:`pantau.article_pages`).
Sources are re-read every run with conditional requests (ETag /
Last-Modified), so an unchanged feed costs a 304.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler import report
from crawler.context import crawl_context
from crawler.items import PageItem
from crawler.outlets import Outlet, load_registry, select
from crawler.sources import (
    SITEMAP_INDEX,
    SourceError,
    feed_entries,
    listing_links,
    next_page,
    sitemap_entries,
)
from pantau.article_pages import MAX_ARTICLE_PAGES, all_pages_url, next_page_url
from pantau.state import CrawlState
from pantau.urls import declared_canonical

SOURCE_KINDS = ("feed", "sitemap", "listing")
_WS = re.compile(r"\s+")


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
        """Also usable as ``scrapy crawl news [-a only=id,id]``: the registry's outlets, the crawl's state."""
        if "outlets" not in kwargs:
            only = [i for i in str(kwargs.pop("only", "")).split(",") if i]
            kwargs["outlets"] = select(load_registry(), only)
            kwargs["state"] = crawl_context(crawler).state
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
            entries = feed_entries(response.body, response.url)
        except SourceError as exc:
            report.error(self.crawler.stats, outlet.id, f"bad feed {response.url}: {exc}")
            return
        for entry in entries:
            yield from self._article_request(outlet, entry.url, entry.when)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        if not self._source_ok(response):
            return
        outlet = self.outlets[response.meta["outlet"]]
        try:
            kind, entries = sitemap_entries(response.body, response.url, self.settings.getint("DOWNLOAD_MAXSIZE"))
        except SourceError as exc:
            report.error(self.crawler.stats, outlet.id, f"bad sitemap {response.url}: {exc}")
            return
        for entry in entries:
            if kind == SITEMAP_INDEX:
                yield self._source_request(outlet, entry.url, "sitemap", page=2)
            else:
                yield from self._article_request(outlet, entry.url, entry.when)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        if not self._source_ok(response):
            return
        outlet = self.outlets[response.meta["outlet"]]
        if not isinstance(response, TextResponse):
            report.error(self.crawler.stats, outlet.id, f"listing is not HTML: {response.url}")
            return
        for url in listing_links(response.selector, response.url):
            yield from self._article_request(outlet, url, None)
        page = response.meta["page"]
        if page < outlet.max_listing_pages:
            next_url = next_page(response.selector, response.url)
            if next_url:
                yield self._source_request(outlet, next_url, "listing", page=page + 1)

    def _article_request(self, outlet: Outlet, url: str, lastmod: datetime | None) -> Iterator[scrapy.Request]:
        """Request an article page unless it is off-pattern, already asked for, or known and unchanged.

        The request goes to the story's own URL when the outlet's rewrites name one: page 15
        of a story is not the story.
        """
        key = outlet.canonical(url)
        if not outlet.is_article(url):
            return
        url = outlet.story_url(url)
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
    def parse_article(self, response: Response) -> Iterator[PageItem | scrapy.Request]:
        outlet = self.outlets[response.meta["outlet"]]
        report.count(self.crawler.stats, outlet.id, "pages_fetched")
        if not isinstance(response, TextResponse):
            report.error(self.crawler.stats, outlet.id, f"not an HTML page: {response.url}")
            return
        key = response.meta["key"]
        canonical = key
        declared = declared_canonical(response.text)
        if declared:
            declared_key = outlet.canonical(response.urljoin(declared))
            # Only trust a canonical on the outlet's own site: a syndicated copy pointing to
            # the source is still this outlet's page (dedupe marks it as a copy).
            if urlsplit(declared_key).netloc == urlsplit(key).netloc:
                canonical = declared_key
        aliases = tuple(dict.fromkeys(u for u in (key, outlet.canonical(response.url)) if u != canonical))
        item = PageItem(
            outlet=outlet.id, outlet_name=outlet.name, url=canonical, aliases=aliases,
            html=response.text, fetched=datetime.now(UTC), fallback_region=outlet.fallback_region,
            extraction=outlet.extraction_hint,
        )
        yield from self._rest_of_article(item, response.text, response.url, {response.url})

    def _rest_of_article(self, item: PageItem, page: str, url: str,
                         seen: set[str]) -> Iterator[PageItem | scrapy.Request]:
        """The item once the whole article is read: its all-on-one-page view, else its next pages (bounded).

        ``page`` is the last page read (at ``url``); ``seen`` the article's URLs requested so far.
        """
        whole_url = all_pages_url(page, url) if len(seen) == 1 else None
        next_url = None if whole_url or len(seen) >= MAX_ARTICLE_PAGES else next_page_url(page, url, seen)
        target = whole_url or next_url
        if target is None:
            yield item
            return
        # a page of this article is not an article of its own
        self._requested.add(self.outlets[item.outlet].canonical(target))
        yield scrapy.Request(target, callback=self.parse_article_page, errback=self.on_article_page_error,
                             priority=5, meta={"outlet": item.outlet, "kind": "article-page", "item": item,
                                               "first": url,
                                               "seen": seen | {target}, "whole": bool(whole_url)})

    def parse_article_page(self, response: Response) -> Iterator[PageItem | scrapy.Request]:
        """A further page of an article (or its all-on-one-page view): its text joins the article's."""
        item: PageItem = response.meta["item"]
        report.count(self.crawler.stats, item.outlet, "pages_fetched")
        if not isinstance(response, TextResponse):
            report.error(self.crawler.stats, item.outlet, f"not an HTML page: {response.url}")
            yield item  # the pages read so far
            return
        if response.meta["whole"]:
            item.html = response.text  # the all-on-one-page view replaces the first page
            yield item
            return
        item.more_pages = (*item.more_pages, response.text)
        yield from self._rest_of_article(item, response.text, response.url, response.meta["seen"])

    def on_article_page_error(self, failure: Failure) -> Iterator[PageItem | scrapy.Request]:
        """A further page failed (reported as an error): without the all-pages view, read the pages one by
        one; without a next page, store the pages read so far rather than lose the article every crawl."""
        self.on_error(failure)
        meta = failure.request.meta  # type: ignore[attr-defined]
        item: PageItem = meta["item"]
        if meta["whole"]:
            yield from self._rest_of_article(item, item.html, meta["first"], meta["seen"])
        else:
            yield item

    def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        outlet = request.meta.get("outlet", "?")
        error = failure.value  # isinstance rather than failure.check(): typed, and the same test
        if isinstance(error, IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            report.count(self.crawler.stats, outlet, "robots_blocked")  # the site's wish, not an error
            return
        if isinstance(error, HttpError):
            status = error.response.status
            message = f"HTTP {status} for {request.url}"
        else:
            message = f"{type(error).__name__} for {request.url}: {_WS.sub(' ', failure.getErrorMessage())}"
        report.error(self.crawler.stats, outlet, message)
