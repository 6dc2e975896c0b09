"""Stage 3: the body's language (deterministic langdetect, with a Malay check), in a worker process."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import PageItem
from pantau.analysis.language import detect_language
from pipelines.workers import StagePool, stage_pool


class LanguagePipeline:
    def __init__(self, pool: StagePool) -> None:
        self.pool = pool

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LanguagePipeline:
        return cls(stage_pool(crawler))

    async def process_item(self, item: PageItem) -> PageItem:
        item.language = await self.pool.run(item, detect_language, item.body)
        return item
