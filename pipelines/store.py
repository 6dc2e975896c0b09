"""Stage 7: store the article (SQLite or Elasticsearch) and record the crawl state.

A store failure (disk full, Elasticsearch down) is reported for the page and the
crawl goes on: the page is then not marked known, so the next crawl fetches it
again, and nothing already stored is touched (one transaction per article).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.context import crawl_context
from crawler.items import NotAnArticle, PageItem
from pantau.models import Article
from pantau.state import CrawlState
from pantau.store import ArticleStore, StoreError


class StorePipeline:
    def __init__(self, store: ArticleStore, state: CrawlState, stats: StatsCollector) -> None:
        self.store = store
        self.state = state
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        context = crawl_context(crawler)
        pipeline = cls(context.store, context.state, crawler.stats)
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
            fingerprint=item.fingerprint, duplicate_of=item.duplicate_of,
        )
        try:
            outcome = self.store.upsert(article)
            self.state.record_page(item.url, item.outlet, "stored", item.fetched,
                                   fingerprint=item.fingerprint, aliases=item.aliases)
            if item.duplicate_of is None and outcome.value != "unchanged":
                self.state.record_sketch(item.url, item.sketch)
        except (StoreError, sqlite3.Error, OSError) as exc:  # the store, or the crawl state's file
            report.error(self.stats, item.outlet, f"not stored {item.url}: {exc}")
            raise DropItem(f"store failed for {item.url}: {exc}") from exc
        item.article, item.outcome = article, outcome.value
        if item.duplicate_of and outcome.value == "new":
            report.count(self.stats, item.outlet, "duplicates")
        else:
            report.count(self.stats, item.outlet, outcome.value)
        return item


