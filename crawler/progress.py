"""Progress lines for long crawls: per outlet, what changed since the last line."""

from __future__ import annotations

import sys

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from crawler.report import KEYS

INTERVAL = 5.0  # seconds between progress lines


class ProgressReporter:
    """Prints ``outlet: fetched N, new N, …`` to stderr every few seconds when counts move (never all zeros)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.last: dict[str, tuple[int, ...]] = {}
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressReporter:
        if not crawler.settings.getbool("PANTAU_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self) -> None:
        self.loop = task.LoopingCall(self.report)
        self.loop.start(INTERVAL, now=False)

    def spider_closed(self) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()

    def report(self) -> None:
        assert self.crawler.stats is not None
        stats = self.crawler.stats.get_stats()
        outlets = sorted({k.split("/")[1] for k in stats if k.startswith("pantau/")})
        for outlet in outlets:
            figures = tuple(int(stats.get(f"pantau/{outlet}/{k}", 0)) for k in KEYS if k != "errors") + (
                len(stats.get(f"pantau/{outlet}/error_messages", [])),)
            if figures != self.last.get(outlet) and any(figures):  # an outlet with nothing yet says nothing
                self.last[outlet] = figures
                fetched, new, updated, unchanged, dupes, _, known, errors = figures
                sys.stderr.write(f"  {outlet}: fetched {fetched}, new {new}, updated {updated}, "
                                 f"unchanged {unchanged}, duplicates {dupes}, known {known}, errors {errors}\n")
