"""Reference: Scrapy fetching the same article pages with no pipelines (run as its own process).

``python -m benchmarks.bare_spider URLS_FILE CONCURRENCY`` loads pantau's
Scrapy settings (same middlewares, robots.txt on, AutoThrottle off, the same
per-domain concurrency as the end-to-end run), drops every item pipeline,
requests each URL of the file and decodes the body as the real spider does
(``response.text``); it prints one JSON line: pages, bytes, seconds inside
the reactor.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse
from scrapy.settings import Settings


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.pages = 0
        self.bytes = 0
        self.started = 0.0

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.started = time.perf_counter()
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: Response) -> None:
        if isinstance(response, TextResponse):
            self.bytes += len(response.text)
            self.pages += 1


def main(argv: list[str]) -> None:
    urls = Path(argv[0]).read_text(encoding="utf-8").split()
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict({"ITEM_PIPELINES": {}, "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": True,
                      "CONCURRENT_REQUESTS_PER_DOMAIN": int(argv[1]), "LOG_LEVEL": "WARNING"},
                     priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, urls=urls)
    process.start()
    spider: BareSpider = crawler.spider  # type: ignore[assignment]
    print(json.dumps({"pages": spider.pages, "bytes": spider.bytes,
                      "seconds": round(time.perf_counter() - spider.started, 3)}))


if __name__ == "__main__":
    main(sys.argv[1:])
