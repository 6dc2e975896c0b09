"""Run one crawl: the registry's outlets through the spider and every pipeline.

Twisted's reactor cannot be restarted, so :func:`run_crawl` runs once per
process; the scheduler calls it in a child process per job.

A crawl holds the lock of each outlet it crawls (``locks/crawl-<id>.lock``), so
two crawls never fetch one outlet at once: a manual crawl waits for the other,
which leaves it nothing to fetch twice, and a scheduled one skips the outlet.
SIGINT/SIGTERM stop it the way Scrapy does (the first gracefully: spiders and
pipelines close, queued alerts are still sent within their budget; a second at
once) and the summary says which signal ended it.

A crawl opens one crawl state and one article store (:class:`crawler.context.CrawlContext`)
for its spider, every pipeline and its health record, and closes them when it is over.
"""

from __future__ import annotations

import logging
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from twisted.python.failure import Failure

from crawler.context import CrawlContext
from crawler.errors import LoggedErrors, quiet_counted_tracebacks
from crawler.outlets import Outlet, check_rule_outlets, load_registry, select
from crawler.report import CrawlSummary, OutletSummary
from crawler.spiders.news import NewsSpider
from pantau.config import Config
from pantau.errors import PantauError
from pantau.locks import FileLock, locks_dir
from pantau.runs import RunLog
from pantau.state import CrawlState

__all__ = ["CrawlSummary", "OutletBusy", "OutletSummary", "crawl_lock", "crawl_settings", "format_summary",
           "run_crawl"]
logger = logging.getLogger(__name__)


class OutletBusy(PantauError):
    """Another process is crawling an outlet of this crawl (a scheduled crawl then skips it)."""


def crawl_settings(context: CrawlContext, *, progress: bool = False, log_level: str = "WARNING") -> Settings:
    """Scrapy settings: the project defaults, the user's ``[crawl]`` section, the run's objects."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    c = context.config.crawl
    settings.setdict({
        "USER_AGENT": c.user_agent,
        "ROBOTSTXT_OBEY": c.obey_robots,
        "AUTOTHROTTLE_ENABLED": c.autothrottle,
        "DOWNLOAD_TIMEOUT": c.download_timeout,
        "RETRY_TIMES": c.retry_times,
        "CONCURRENT_REQUESTS_PER_DOMAIN": c.concurrent_requests_per_domain,
        "LOG_LEVEL": log_level,
        "PANTAU_CONTEXT": context,
        "PANTAU_PROGRESS": progress,
    }, priority="cmdline")
    if progress:
        extensions = {**settings.getdict("EXTENSIONS"), "crawler.progress.ProgressReporter": 500}
        settings.set("EXTENSIONS", extensions, priority="cmdline")
    return settings


def crawl_lock(data_dir: Path, outlet: str) -> FileLock:
    return FileLock(locks_dir(data_dir) / f"crawl-{outlet}.lock")


@contextmanager
def _outlet_locks(data_dir: Path, outlets: list[Outlet], *, wait: bool) -> Iterator[None]:
    """Hold every outlet's crawl lock (taken in id order, so two crawls never wait for each other)."""
    with ExitStack() as held:
        for outlet in sorted(outlets, key=lambda o: o.id):
            lock = crawl_lock(data_dir, outlet.id)
            if not lock.acquire(blocking=False):
                if not wait:
                    raise OutletBusy(f"{outlet.id} is being crawled by {lock.holder()}")
                sys.stderr.write(f"pantau: {outlet.id} is being crawled by {lock.holder()}; waiting for it\n")
                lock.acquire(blocking=True)
            held.callback(lock.release)
        yield


class _StopOnSignal:
    """SIGINT/SIGTERM while the reactor runs: the first stops the crawl gracefully, a second at once."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, process: CrawlerProcess) -> None:
        self.process = process
        self.received: str | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _StopOnSignal:
        self._previous = {s: signal.signal(s, self._handle) for s in self.SIGNALS}
        return self

    def __exit__(self, *_: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        from twisted.internet import reactor  # the one CrawlerProcess installed

        if self.received is None:
            self.received = signal.Signals(signum).name
            reactor.callFromThread(self.process.stop)
        else:
            reactor.callFromThread(_stop_now)


def _stop_now() -> None:
    from twisted.internet import reactor as installed

    reactor: Any = installed  # typed as a module of functions, it is the running reactor object
    if reactor.running:
        reactor.stop()


def run_crawl(config: Config, outlets_files: Sequence[Path] = (), only: Sequence[str] = (), *,
              progress: bool = False, log_level: str = "WARNING", wait: bool = True,
              record: bool = True) -> CrawlSummary:
    """Crawl the selected outlets once and return the per-outlet summary.

    ``wait``: wait for another crawl of the same outlets to end (else :class:`OutletBusy`).
    ``record``: record the run per outlet for ``pantau status`` (the scheduler records its own).
    """
    registry = load_registry(outlets_files)
    outlets: list[Outlet] = select(registry, only)
    check_rule_outlets(config.alert, registry)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    quiet_counted_tracebacks()
    with _outlet_locks(config.data_dir, outlets, wait=wait):
        runs = _ManualRuns(config.db_path, [o.id for o in outlets]) if record else None
        try:
            summary = _crawl(config, outlets, progress=progress, log_level=log_level)
        except BaseException as exc:
            if runs:
                runs.failed(str(exc) or type(exc).__name__)
            raise
        if runs:
            runs.finished(summary)
    return summary


class _ManualRuns:
    """The run records of a manual crawl, one per outlet; a record that cannot be written (a full
    disk) costs a warning, never the crawl or its summary."""

    def __init__(self, db_path: Path, outlets: list[str]) -> None:
        self.ids: dict[str, int] = {}
        try:
            self.log: RunLog | None = RunLog(db_path)
            started = datetime.now(UTC)
            self.ids = {oid: self.log.start(oid, started, origin="manual") for oid in outlets}
        except sqlite3.Error as exc:
            self.log = None
            _warn(exc)

    def finished(self, summary: CrawlSummary) -> None:
        self._write(lambda log: [log.finish(self.ids[row.outlet], summary.outcome(row),
                                            summary.for_outlet(row.outlet)) for row in summary.outlets])

    def failed(self, detail: str) -> None:
        self._write(lambda log: [log.finish(run_id, "error", None, detail) for run_id in self.ids.values()])

    def _write(self, write: Callable[[Any], object]) -> None:
        if self.log is None:
            return
        try:
            write(self.log)
        except sqlite3.Error as exc:
            _warn(exc)
        finally:
            self.log.close()


def _warn(exc: Exception) -> None:
    sys.stderr.write(f"pantau: warning: the run record for `pantau status` was not saved: {exc}\n")


def _crawl(config: Config, outlets: list[Outlet], *, progress: bool, log_level: str) -> CrawlSummary:
    """The crawl, with one crawl state and one store for the spider, every pipeline and its records."""
    context = CrawlContext(config)
    try:
        process = CrawlerProcess(crawl_settings(context, progress=progress, log_level=log_level))
        crawler = process.create_crawler(NewsSpider)
        failures: list[Failure] = []
        process.crawl(crawler, outlets=outlets, state=context.state).addErrback(failures.append)
        with LoggedErrors() as logged, _StopOnSignal(process) as stop:
            process.start(install_signal_handlers=False)
        stats = crawler.stats.get_stats() if crawler.stats else {}
        if failures:
            failure = failures[0]
            raise PantauError(f"the crawl could not run: {type(failure.value).__name__}: "
                              f"{failure.getErrorMessage()}")
        summary = CrawlSummary.from_stats(stats, [o.id for o in outlets], logged=logged.messages,
                                          interrupted_by=stop.received)
        # per outlet: failed? a new article? (pantau status)
        record_runs(context.state, summary, datetime.now(UTC))
    finally:
        context.close()
    return summary


def run_failed(row: OutletSummary) -> bool:
    """Whether this finished run failed for the outlet: errors, and nothing got from any source
    (no page fetched, no known article seen); see :mod:`pantau.health`."""
    return bool(row.errors) and not (row.pages_fetched or row.skipped_known)


def record_runs(state: CrawlState, summary: CrawlSummary, ended: datetime) -> None:
    """Record a finished crawl's runs in the outlets' health, one per outlet (a crawl stopped early
    records nothing).

    A store that cannot take the record (a full disk) costs this run's health record, one
    warning line, not the crawl's summary.
    """
    if summary.finish_reason != "finished":
        return
    try:
        for row in summary.outlets:
            state.record_run(row.outlet, ended, failed=run_failed(row), new=row.new + row.duplicates,
                             error=row.errors[-1] if row.errors else None)
    except (sqlite3.Error, OSError) as exc:
        logger.warning("outlet health of this crawl not recorded: %s", exc)


def format_summary(summary: CrawlSummary, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> None:
    """The per-outlet table ``pantau crawl`` prints; then each error, one line each, on stderr."""
    cols = ("outlet", "fetched", "new", "updated", "unchanged", "duplicates", "known", "errors")
    rows = [(o.outlet, o.pages_fetched, o.new, o.updated, o.unchanged, o.duplicates, o.skipped_known,
             len(o.errors)) for o in summary.outlets]
    widths = [max(len(str(x)) for x in col) for col in zip(cols, *rows, strict=False)]
    for row in (cols, *rows):
        out.write("  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w)
                            for i, (v, w) in enumerate(zip(row, widths, strict=True))) + "\n")
    out.flush()
    write_errors(summary, err)


def write_errors(summary: CrawlSummary, err: TextIO = sys.stderr) -> None:
    """Each error of the crawl, one line on stderr, whatever the summary's format on stdout: the line
    the exit code points to ("see the lines above") must be there for ``--json`` too."""
    for o in summary.outlets:
        for message in o.errors:
            err.write(f"pantau: error [{o.outlet}] {message}\n")
    for message in summary.errors:
        err.write(f"pantau: error [crawl] {message}\n")


def crawl_exit_code(summary: CrawlSummary, err: TextIO = sys.stderr) -> int:
    """128 + the signal that stopped the crawl, 1 when it failed (see ``CrawlSummary.failed``), else 0."""
    if summary.interrupted_by:
        err.write(f"pantau: interrupted by {summary.interrupted_by}; the figures above are what was done\n")
        return 128 + signal.Signals[summary.interrupted_by].value
    if summary.failed:
        bad = [o.outlet for o in summary.outlets if o.errors or not o.sources_read]
        where = f"{len(bad)} outlet(s) ({', '.join(bad)})" if bad else "the crawl"
        err.write(f"pantau: errors in {where}; see the lines above\n")
        return 1
    return 0
