"""Run one crawl: the registry's outlets through the spider and every pipeline.

Twisted's reactor cannot be restarted, so :func:`run_crawl` runs once per
process; the scheduler calls it in a child process per job.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from twisted.python.failure import Failure

from crawler.outlets import Outlet, load_registry, select
from crawler.report import CrawlSummary, OutletSummary
from crawler.spiders.news import NewsSpider
from pantau.config import Config
from pantau.errors import PantauError
from pantau.health import record_runs
from pantau.state import CrawlState

__all__ = ["CrawlSummary", "OutletSummary", "crawl_settings", "format_summary", "run_crawl"]


def crawl_settings(config: Config, *, progress: bool = False, log_level: str = "WARNING") -> Settings:
    """Scrapy settings: the project defaults, the user's ``[crawl]`` section, the run's objects."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    c = config.crawl
    settings.setdict({
        "USER_AGENT": c.user_agent,
        "ROBOTSTXT_OBEY": c.obey_robots,
        "AUTOTHROTTLE_ENABLED": c.autothrottle,
        "DOWNLOAD_TIMEOUT": c.download_timeout,
        "RETRY_TIMES": c.retry_times,
        "CONCURRENT_REQUESTS_PER_DOMAIN": c.concurrent_requests_per_domain,
        "LOG_LEVEL": log_level,
        "PANTAU_CONFIG": config,
        "PANTAU_PROGRESS": progress,
    }, priority="cmdline")
    if progress:
        settings.set("EXTENSIONS", {"crawler.progress.ProgressReporter": 500}, priority="cmdline")
    return settings


def run_crawl(config: Config, outlets_files: Sequence[Path] = (), only: Sequence[str] = (), *,
              progress: bool = False, log_level: str = "WARNING") -> CrawlSummary:
    """Crawl the selected outlets once and return the per-outlet summary."""
    outlets: list[Outlet] = select(load_registry(outlets_files), only)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    state = CrawlState(config.db_path)
    try:
        process = CrawlerProcess(crawl_settings(config, progress=progress, log_level=log_level))
        crawler = process.create_crawler(NewsSpider)
        failures: list[Failure] = []
        process.crawl(crawler, outlets=outlets, state=state).addErrback(failures.append)
        process.start()
        stats = crawler.stats.get_stats() if crawler.stats else {}
    finally:
        state.close()
    if failures:
        failure = failures[0]
        raise PantauError(f"the crawl could not run: {type(failure.value).__name__}: {failure.getErrorMessage()}")
    summary = CrawlSummary.from_stats(stats, [o.id for o in outlets])
    record_runs(config.db_path, summary, datetime.now(UTC))  # per outlet: failed? a new article? (pantau status)
    return summary


def format_summary(summary: CrawlSummary, out: TextIO = sys.stdout) -> None:
    """The per-outlet table ``pantau crawl`` prints, then each error on its own line."""
    cols = ("outlet", "fetched", "new", "updated", "unchanged", "duplicates", "known", "errors")
    rows = [(o.outlet, o.pages_fetched, o.new, o.updated, o.unchanged, o.duplicates, o.skipped_known,
             len(o.errors)) for o in summary.outlets]
    widths = [max(len(str(x)) for x in col) for col in zip(cols, *rows, strict=False)]
    for row in (cols, *rows):
        out.write("  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w)
                            for i, (v, w) in enumerate(zip(row, widths, strict=True))) + "\n")
    for o in summary.outlets:
        for message in o.errors:
            out.write(f"error [{o.outlet}] {message}\n")
