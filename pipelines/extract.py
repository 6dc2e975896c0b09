"""Stage 1: main text and metadata from the HTML (trafilatura).

Extraction is the most expensive step of a crawl (tens of milliseconds of pure
Python per page), and Scrapy runs pipelines on the reactor thread, so inline
it would stall downloads and use one core. With ``[crawl] extract_workers``
above 0 it runs in a pool of worker processes while the reactor keeps
fetching and storing; 0 keeps it inline (simplest to debug).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.items import PageItem
from pantau.extract import ExtractedPage, extract_page
from pipelines import NotAnArticle, config_from


class ExtractPipeline:
    def __init__(self, stats: StatsCollector, workers: int) -> None:
        self.stats = stats
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler.stats, config_from(crawler).crawl.extract_workers)

    def open_spider(self) -> None:
        if self.workers:
            # spawn, not fork: the parent runs a reactor and threads that must not be copied
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))

    def close_spider(self) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    async def _extract(self, item: PageItem) -> ExtractedPage | None:
        if self.pool is None:
            return extract_page(item.html, item.url, (item.outlet_name,))
        try:
            future = self.pool.submit(extract_page, item.html, item.url, (item.outlet_name,))
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            # a worker died on this page (e.g. out of memory): report it, start a fresh pool, go on
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            report.error(self.stats, item.outlet, f"extraction worker died on {item.url}")
            raise DropItem(f"extraction failed on {item.url}") from None  # not remembered: retried next crawl

    async def process_item(self, item: PageItem) -> PageItem:
        page = await self._extract(item)
        item.html = ""  # the page is no longer needed; keep memory flat on long crawls
        if page is None:
            report.count(self.stats, item.outlet, "rejected")
            raise NotAnArticle(f"no article text on {item.url}")
        item.title, item.text, item.published = page.title, page.text, page.published
        item.author, item.editor = page.author, page.editor
        return item
