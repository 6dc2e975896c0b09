"""Stage 4: quotes, officials, regions and tags (the same analysis as ``pantau analyze``), in a worker process."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import PageItem
from pantau.analysis.core import analyze_clean_body
from pipelines.workers import StagePool, stage_pool


class AnalyzePipeline:
    def __init__(self, pool: StagePool) -> None:
        self.pool = pool

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AnalyzePipeline:
        return cls(stage_pool(crawler))

    async def process_item(self, item: PageItem) -> PageItem:
        item.analysis = await self.pool.run(item, analyze_clean_body, item.body, title=item.title,
                                            language=item.language, fallback_region=item.fallback_region)
        return item
