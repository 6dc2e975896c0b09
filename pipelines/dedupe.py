"""Stage 5: content fingerprint (unchanged pages) and near-duplicate detection (syndicated copies)."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.context import crawl_context
from crawler.items import PageItem
from pantau.documents import fingerprint
from pantau.state import CrawlState, body_sketch

__all__ = ["DedupePipeline", "fingerprint"]


class DedupePipeline:
    def __init__(self, state: CrawlState) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        return cls(crawl_context(crawler).state)

    def process_item(self, item: PageItem) -> PageItem:
        item.fingerprint = fingerprint(item.title, item.body)
        item.sketch = body_sketch(item.body)
        item.duplicate_of = self.state.find_copy_of(item.url, item.sketch)
        return item
