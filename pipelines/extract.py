"""Stage 1: main text and metadata from the HTML (trafilatura), in a worker process."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.items import NotAnArticle, PageItem
from pantau.extract import extract_page
from pipelines.workers import StagePool, stage_pool


class ExtractPipeline:
    def __init__(self, stats: StatsCollector, pool: StagePool) -> None:
        self.stats = stats
        self.pool = pool

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler.stats, stage_pool(crawler))

    async def process_item(self, item: PageItem) -> PageItem:
        html, item.html = item.html, ""  # the page is no longer needed; keep memory flat on long crawls
        more, item.more_pages = item.more_pages, ()
        page = await self.pool.run(item, extract_page, html, item.url, (item.outlet_name,), item.extraction, more)
        if page is None:
            report.count(self.stats, item.outlet, "rejected")
            raise NotAnArticle(f"no article text on {item.url}")
        item.title, item.text, item.published = page.title, page.text, page.published
        item.author, item.editor = page.author, page.editor
        return item
