"""The crawl's worker processes, where the CPU-heavy stages run.

Scrapy runs item pipelines on the reactor thread of one process. Extraction,
cleaning, language detection and analysis are pure-Python CPU work (about
40 ms a page together); run there, they cap a crawl at one core while the
downloader waits for them. Each of those stages hands its function to the
crawl's one ``StagePool`` instead, so the reactor thread only fetches,
de-duplicates and stores, and the CPU work spreads over ``[crawl] workers``
processes. With 0 workers the stages run inline (simplest to debug).

A stage that fails on a page (a worker killed by the OS, a bug hit by odd
input) costs that page only: the error is reported in the crawl summary, the
page is dropped without being remembered (so the next crawl tries it again),
and the crawl goes on with a fresh pool if the old one broke. Workers end with
the crawl process however it ends (``pantau.lifetime``), killed ones included.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.context import crawl_context
from crawler.items import PageFailed, PageItem
from pantau.lifetime import die_with_parent

T = TypeVar("T")


class StagePool:
    """Runs stage functions in worker processes (or inline with 0 workers) for one crawl."""

    def __init__(self, stats: StatsCollector, workers: int) -> None:
        self.stats = stats
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the parent runs a reactor and threads that must not be copied; each worker
            # dies with this process, even when it is killed and cannot shut the pool down
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=die_with_parent, initargs=(os.getpid(),))
        return self._pool

    async def run(self, item: PageItem, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` for ``item``'s page; a failure drops the page with a reported error."""
        pool = self._executor() if self.workers else None
        try:
            if pool is None:
                return fn(*args, **kwargs)
            return await asyncio.wrap_future(pool.submit(fn, *args, **kwargs))
        except BrokenProcessPool:
            if self._pool is pool:  # the first page to notice replaces the pool; the others just fail
                self._pool = None
            problem = "a worker process died"
        except Exception as exc:  # noqa: BLE001 - one odd page must not stop the crawl
            problem = f"{type(exc).__name__}: {exc}"
        report.error(self.stats, item.outlet, f"{fn.__name__} failed on {item.url}: {problem}")
        raise PageFailed(f"{fn.__name__} failed on {item.url}")  # not remembered: retried next crawl

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


_pools: WeakKeyDictionary[Crawler, StagePool] = WeakKeyDictionary()


def stage_pool(crawler: Crawler) -> StagePool:
    """The crawl's one pool, shared by every stage and shut down when the spider closes."""
    pool = _pools.get(crawler)
    if pool is None:
        pool = _pools[crawler] = StagePool(crawler.stats, crawl_context(crawler).config.crawl.workers)
        crawler.signals.connect(pool.close, signal=signals.spider_closed)
    return pool
