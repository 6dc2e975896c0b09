"""Every error of a crawl counted where a person looks: the summary, the run record, the exit code.

Scrapy catches an exception raised in a spider callback or an item pipeline,
logs it and carries on; unless someone listens, the crawl still looks clean.
:class:`ErrorCounter` listens to ``spider_error`` and ``item_error`` and counts
each one for its outlet, as a one-line error. :class:`LoggedErrors` collects the
errors Scrapy only logs (a failing signal handler or ``close_spider``), which
belong to no outlet. A network fault is already one line in the summary (the
spider's errback). The tracebacks Scrapy logs for what is counted already (a
download failure in its robots.txt and retry middlewares, an exception counted
here) are kept at DEBUG by :func:`quiet_counted_tracebacks`
(``pantau crawl --log-level DEBUG`` shows them).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.python.failure import Failure

from crawler import report
from crawler.logformatter import ITEM_ERROR_MSG, SPIDER_ERROR_MSG

# Loggers whose errors are pantau's or its crawler's (trafilatura's "empty HTML tree" is a page, not a fault)
CRAWL_LOGGERS = ("scrapy", "twisted", "crawler", "pipelines", "pantau")
# Middlewares that log a traceback for a download the spider's errback reports in one line
NETWORK_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry")
SCRAPER_LOGGER = "scrapy.core.scraper"


def _outlet(item: Any = None, response: Any = None) -> str:
    outlet = getattr(item, "outlet", None)
    if outlet:
        return str(outlet)
    meta = getattr(response, "meta", None) or {}
    return str(meta.get("outlet") or report.CRAWL)


def _one_line(failure: Failure) -> str:
    return f"{type(failure.value).__name__}: {' '.join(failure.getErrorMessage().split())}"


class ErrorCounter:
    """Counts exceptions Scrapy caught in callbacks and pipelines as errors of their outlet."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ErrorCounter:
        ext = cls(crawler)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        crawler.signals.connect(ext.spider_error, signal=signals.spider_error)
        return ext

    def item_error(self, item: Any, response: Any, failure: Failure, **_: Any) -> None:
        assert self.crawler.stats is not None
        url = getattr(item, "url", None) or getattr(response, "url", "?")
        report.error(self.crawler.stats, _outlet(item, response),
                     f"unexpected error processing {url}: {_one_line(failure)}")

    def spider_error(self, failure: Failure, response: Any, **_: Any) -> None:
        assert self.crawler.stats is not None
        url = getattr(response, "url", "?")
        report.error(self.crawler.stats, _outlet(response=response), f"unexpected error reading {url}: "
                     f"{_one_line(failure)}")


class LoggedErrors(logging.Handler):
    """Collects, while attached, the ERROR records of the crawl's own loggers (what ErrorCounter counts
    is logged at DEBUG by then, see :func:`quiet_counted_tracebacks`)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(CRAWL_LOGGERS):
            self.messages.append(" ".join(record.getMessage().split())[:300])

    def __enter__(self) -> LoggedErrors:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *_: object) -> None:
        logging.getLogger().removeHandler(self)


class _ToDebug(logging.Filter):
    """Lowers a logger's records to DEBUG (only those with one of ``messages``, when given)."""

    def __init__(self, messages: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.messages = messages

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG and (not self.messages or record.msg in self.messages):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def quiet_counted_tracebacks() -> None:
    """Keep at DEBUG the tracebacks Scrapy logs for what the summary reports in one line already:
    download failures (the spider's errback) and the exceptions ErrorCounter counts (idempotent)."""
    filters = {name: _ToDebug() for name in NETWORK_LOGGERS}
    filters[SCRAPER_LOGGER] = _ToDebug((ITEM_ERROR_MSG, SPIDER_ERROR_MSG))
    for name, quiet in filters.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, _ToDebug) for f in logger.filters):
            logger.addFilter(quiet)
