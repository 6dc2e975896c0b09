"""Stage 2: the body only: inserts, bylines, comment forms and template repeats removed."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.items import MIN_BODY_WORDS, NotAnArticle, PageItem
from pantau.analysis.clean import clean_body
from pipelines.workers import StagePool, stage_pool


class CleanPipeline:
    def __init__(self, stats: StatsCollector, pool: StagePool) -> None:
        self.stats = stats
        self.pool = pool

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        return cls(crawler.stats, stage_pool(crawler))

    async def process_item(self, item: PageItem) -> PageItem:
        text, item.text = item.text, ""
        item.body = await self.pool.run(item, clean_body, text, title=item.title)
        if len(item.body.split()) < MIN_BODY_WORDS:
            report.count(self.stats, item.outlet, "rejected")
            raise NotAnArticle(f"body too short ({len(item.body.split())} words) on {item.url}")
        return item
