"""Stage 1: main text and metadata from the HTML (trafilatura)."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.items import PageItem
from pantau.extract import extract_page
from pipelines import NotAnArticle


class ExtractPipeline:
    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler.stats)

    def process_item(self, item: PageItem) -> PageItem:
        page = extract_page(item.html, item.url, (item.outlet_name,))
        item.html = ""  # the page is no longer needed; keep memory flat on long crawls
        if page is None:
            report.count(self.stats, item.outlet, "rejected")
            raise NotAnArticle(f"no article text on {item.url}")
        item.title, item.text, item.published = page.title, page.text, page.published
        item.author, item.editor = page.author, page.editor
        return item
