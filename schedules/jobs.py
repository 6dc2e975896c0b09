"""Job functions: each starts one piece of work and records it; no business logic here.

They are module-level functions with plain arguments so the persistent job
store can pickle references to them. ``RunSettings`` carries what a child
process needs to rebuild the same configuration.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pantau.config import Config, load_config
from pantau.lifetime import die_with_parent
from pantau.runs import RunLog

logger = logging.getLogger(__name__)
STOP_GRACE = 60.0  # seconds a crawl gets to close cleanly after SIGTERM before it is killed
POLL = 0.5
BUSY = "busy"  # the outcome of a scheduled crawl whose outlet another crawl was fetching


@dataclass(frozen=True)
class RunSettings:
    """How the service was started: enough for a child process to load the same configuration."""

    config_file: str | None = None
    data_dir: str | None = None
    elasticsearch: str | None = None
    outlets_files: tuple[str, ...] = ()
    only: tuple[str, ...] = ()  # the outlets to schedule (empty: every registered one)

    def config(self) -> Config:
        return load_config(self.config_file, self.data_dir, self.elasticsearch)


@dataclass
class Supervisor:
    """Tracks running children so a shutdown can stop them and wait for their records."""

    stopping: threading.Event = field(default_factory=threading.Event)
    active: int = 0
    lock: threading.Condition = field(default_factory=threading.Condition)
    stop_grace: float = STOP_GRACE

    def wait_idle(self, timeout: float) -> bool:
        with self.lock:
            return self.lock.wait_for(lambda: self.active == 0, timeout)


SUPERVISOR = Supervisor()


def _crawl_child(settings: RunSettings, outlet: str, parent: int, out: Connection) -> None:
    """Runs in the child process: one crawl of one outlet; the summary goes back through the pipe.

    The child stops (SIGTERM: a clean close) when the scheduler dies, and skips an outlet another
    crawl is fetching right now (its next run comes soon enough)."""
    die_with_parent(parent, signal.SIGTERM)
    from crawler.run import OutletBusy, run_crawl

    try:
        summary = run_crawl(settings.config(), [Path(p) for p in settings.outlets_files], [outlet], wait=False,
                            record=False)
    except OutletBusy as exc:
        out.send({"outlets": [], "finish_reason": BUSY, "detail": str(exc)})
        return
    out.send(summary.to_json())


def _crawl_outcome(summary: dict[str, Any]) -> str:
    """ok, error (as ``pantau crawl`` would exit 1), stopped, or busy (another crawl had the outlet)."""
    from crawler.report import CrawlSummary

    if summary.get("finish_reason") == BUSY:
        return BUSY
    crawl = CrawlSummary.from_json(summary)
    return crawl.outcome(crawl.outlets[0]) if crawl.outlets else "error"


class _Inbox:
    """What the child sent, read while it runs (a big summary must not block a child on a full pipe)."""

    def __init__(self, receiver: Connection) -> None:
        self.receiver = receiver
        self.summary: dict[str, Any] | None = None
        self.closed = False

    def read(self, wait: float) -> None:
        try:
            while not self.closed and self.receiver.poll(wait):
                self.summary = self.receiver.recv()
                wait = 0
        except EOFError:  # the child's end is closed: it exited, with or without sending
            self.closed = True


def run_in_child(target: Callable[..., None], args: tuple[Any, ...], time_limit: float,
                 supervisor: Supervisor = SUPERVISOR) -> tuple[str, dict[str, Any] | None, str]:
    """Run ``target(*args, pipe)`` in a spawned child with a time limit: (outcome, summary, detail)."""
    with supervisor.lock:
        if supervisor.stopping.is_set():
            return "stopped", None, "not started: the scheduler is stopping"
        supervisor.active += 1
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(*args, sender), daemon=False)
    try:
        child.start()
        sender.close()
        started = datetime.now(UTC)
        outcome = ""
        inbox = _Inbox(receiver)
        while child.is_alive():
            inbox.read(POLL)
            child.join(0)
            elapsed = (datetime.now(UTC) - started).total_seconds()
            if child.is_alive() and (elapsed > time_limit or supervisor.stopping.is_set()):
                outcome = "timeout" if elapsed > time_limit else "stopped"
                child.terminate()  # SIGTERM: Scrapy closes the spider and the pipelines cleanly
                child.join(supervisor.stop_grace)
                if child.is_alive():
                    child.kill()
                    child.join()
        inbox.read(0)
        summary = inbox.summary
        if not outcome:
            outcome = "ok" if child.exitcode == 0 and summary is not None else "error"
        detail = "" if outcome == "ok" else f"exit code {child.exitcode}" + (
            f" after the {time_limit:.0f} s limit" if outcome == "timeout" else "")
        return outcome, summary, detail
    finally:
        receiver.close()
        with supervisor.lock:
            supervisor.active -= 1
            supervisor.lock.notify_all()


def crawl_job(outlet: str, settings: RunSettings) -> None:
    """Crawl one outlet in a child process, record the run, then mail a change of the outlet's health
    (nothing once the scheduler is stopping)."""
    from crawler.report import CrawlSummary
    from pantau.alerts.channels import channel_for
    from pantau.health import after_scheduled_run

    if SUPERVISOR.stopping.is_set():
        return
    config = settings.config()
    log = RunLog(config.db_path)
    try:
        run_id = log.start(outlet, datetime.now(UTC))
        outcome, summary, detail = run_in_child(_crawl_child, (settings, outlet, os.getpid()),
                                                config.crawl.job_time_limit)
        if outcome == "ok" and summary is not None:
            outcome = _crawl_outcome(summary)
            if outcome == BUSY:
                detail, summary = str(summary.get("detail", "")), None
        log.finish(run_id, outcome, summary, detail)
        logger.info("crawl %s: %s", outlet, outcome)
    finally:
        log.close()
    after_scheduled_run(config, [Path(p) for p in settings.outlets_files], outlet, outcome,
                        CrawlSummary.from_json(summary) if summary else None, detail, channel_for(config))


def digest_job(rule_name: str, settings: RunSettings) -> None:
    """Send a digest rule's queued articles in one message."""
    from pantau.alerts.channels import channel_for
    from pantau.alerts.outbox import Outbox
    from pantau.store import open_store

    config = settings.config()
    rule = next((r for r in config.alert if r.name == rule_name), None)
    if rule is None or SUPERVISOR.stopping.is_set():
        return
    outbox, store = Outbox(config.db_path), open_store(config)
    try:
        sent = outbox.send_digest(rule, store, channel_for(config), config.smtp.sender)
        logger.info("digest %s: %d article(s)", rule_name, sent)
    finally:
        outbox.close()
        store.close()


def outbox_job(settings: RunSettings) -> None:
    """Retry queued immediate alerts and health mail whose retry time has come."""
    from pantau.alerts.channels import channel_for
    from pantau.alerts.outbox import Outbox
    from pantau.health import deliver_notices
    from pantau.store import open_store

    if SUPERVISOR.stopping.is_set():
        return
    config = settings.config()
    outbox, store = Outbox(config.db_path), open_store(config)
    try:
        done = outbox.deliver_due(config.alert, store, channel_for(config), config.smtp.sender)
        if done.sent or done.failed:
            logger.info("alert retry: %d sent, %d still queued after failure", done.sent, done.failed)
    finally:
        outbox.close()
        store.close()
    deliver_notices(config, channel_for(config))
