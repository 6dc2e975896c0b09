"""Stage 7: store the article (SQLite or Elasticsearch) in its story and record the crawl state.

A syndicated copy is marked as the copy of its story's original, the page published
first, whichever was stored first (:mod:`pantau.stories`).

A store failure (disk full, Elasticsearch down) is reported for the page and the
crawl goes on: the page is then not marked known, so the next crawl fetches it
again and places it in its story again; each write is one transaction, so nothing
stored is left half-written.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.context import crawl_context
from crawler.items import NotAnArticle, PageFailed, PageItem
from pantau.models import Article
from pantau.state import CrawlState
from pantau.store import ArticleStore, StoreError
from pantau.stories import store_in_story


class StorePipeline:
    def __init__(self, store: ArticleStore, state: CrawlState, stats: StatsCollector, *, alerts: bool = False) -> None:
        self.store = store
        self.state = state
        self.stats = stats
        self.alerts = alerts  # [[alert]] rules exist: a new story is recorded as waiting for them
        # pages this crawl stored as new originals, by URL: their outlet. A later page of the same crawl may
        # show one is a copy; it then counts as this crawl's duplicate, so the figures do not depend on the
        # order the pages arrived in.
        self.new_originals: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        context = crawl_context(crawler)
        pipeline = cls(context.store, context.state, crawler.stats, alerts=bool(context.config.alert))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def item_dropped(self, item: Any, exception: BaseException, **_: Any) -> None:
        """Remember pages that are not articles, so the next crawl does not fetch them again."""
        if isinstance(exception, NotAnArticle) and isinstance(item, PageItem):
            self.state.record_page(item.url, item.outlet, "rejected", item.fetched, aliases=item.aliases)

    def process_item(self, item: PageItem) -> PageItem:
        assert item.analysis is not None, "AnalyzePipeline runs before StorePipeline"
        article = Article(
            url=item.url, outlet=item.outlet, title=item.title, published=item.published,
            fetched=item.fetched, analysis=item.analysis, author=item.author, editor=item.editor,
            fingerprint=item.fingerprint,
        )
        try:
            stored = store_in_story(self.store, self.state, article, item.sketch, item.aliases,
                                    alerts=self.alerts)
        except (StoreError, sqlite3.Error, OSError) as exc:  # the store, or the crawl state's file
            report.error(self.stats, item.outlet, f"not stored {item.url}: {exc}")
            raise PageFailed(f"store failed for {item.url}: {exc}") from exc
        item.article, item.outcome = stored.article, stored.outcome.value
        item.duplicate_of = stored.article.duplicate_of
        if item.duplicate_of and item.outcome == "new":
            report.count(self.stats, item.outlet, "duplicates")
        else:
            report.count(self.stats, item.outlet, item.outcome)
            if item.outcome == "new":
                self.new_originals[item.url] = item.outlet
        if stored.demoted in self.new_originals:
            outlet = self.new_originals.pop(stored.demoted)
            report.count(self.stats, outlet, "new", -1)
            report.count(self.stats, outlet, "duplicates")
        return item


