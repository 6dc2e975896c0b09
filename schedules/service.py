"""The scheduler service behind ``pantau schedule``.

APScheduler 3.x (4.0 is still alpha) with a persistent SQLAlchemy job store in
``<data-dir>/jobs.db``: jobs survive restarts, so a run missed while the
service was down is run once on start (coalesced, within the misfire grace
time). Jobs are reconciled with the configuration at every start: new ones
added, changed ones replaced, removed outlets' and rules' jobs dropped.
SIGINT/SIGTERM stop scheduling (a job due after the signal starts nothing), ask
a running crawl to finish (SIGTERM to the child: Scrapy closes the spider and
pipelines cleanly), and wait for its record.

Outlets on the same cron start spread over ``[crawl] jitter`` seconds (the
jitter sits on each trigger: APScheduler 3 ignores ``add_job(jitter=…)`` given
a trigger object). One scheduler per data dir (``locks/schedule.lock``); while
it runs it touches ``<data-dir>/scheduler.heartbeat`` every
``HEARTBEAT_INTERVAL`` seconds, for a container health check.
"""

from __future__ import annotations

import contextlib
import logging
import random
import signal
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from crawler.outlets import load_registry, select
from pantau.config import Config
from pantau.errors import PantauError
from pantau.locks import FileLock, locks_dir
from pantau.wib import TIMEZONE
from schedules.jobs import SUPERVISOR, RunSettings, crawl_job, digest_job, outbox_job

logger = logging.getLogger(__name__)
MISFIRE_GRACE = 15 * 60  # seconds: a run missed by less than this still happens
OUTBOX_RETRY_MINUTES = 5
HEARTBEAT_FILE = "scheduler.heartbeat"
HEARTBEAT_INTERVAL = 30.0  # seconds; docker-compose.yml calls the service unhealthy after a few missed beats


@dataclass(frozen=True)
class JobSpec:
    id: str
    func: Any
    trigger: CronTrigger | IntervalTrigger
    args: tuple[Any, ...]


def cron_trigger(expr: str, jitter: float = 0) -> CronTrigger:
    """A standard five-field cron in Jakarta time, each firing delayed by a random 0 to ``jitter`` seconds."""
    minute, hour, day, month, day_of_week = expr.split()
    return CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week, timezone=TIMEZONE,
                       jitter=int(jitter) or None)


def job_specs(config: Config, settings: RunSettings) -> list[JobSpec]:
    """Every job the configuration asks for (validated already: bad crons were refused at load)."""
    outlets = load_registry([Path(p) for p in settings.outlets_files])
    specs = [
        JobSpec(f"crawl:{o.id}", crawl_job,
                cron_trigger(o.schedule or config.crawl.default_schedule, config.crawl.jitter), (o.id, settings))
        for o in select(outlets, settings.only)
    ]
    specs += [JobSpec(f"digest:{r.name}", digest_job, CronTrigger.from_crontab(r.digest_schedule, timezone=TIMEZONE),
                      (r.name, settings)) for r in config.alert if r.mode == "digest"]
    if config.alert or config.health.recipients:
        specs.append(JobSpec("outbox:retry", outbox_job, IntervalTrigger(minutes=OUTBOX_RETRY_MINUTES), (settings,)))
    return specs


def _same(job: Job, spec: JobSpec) -> bool:
    # repr, not str: it shows the jitter and the time zone too
    return repr(job.trigger) == repr(spec.trigger) and job.args == spec.args and job.func is spec.func


def reconcile(scheduler: BackgroundScheduler, specs: list[JobSpec]) -> None:
    """Make the job store hold exactly these jobs, keeping unchanged ones (and their next run time)."""
    wanted = {s.id: s for s in specs}
    for job in scheduler.get_jobs():
        if job.id not in wanted:
            job.remove()
    existing = {job.id: job for job in scheduler.get_jobs()}
    for spec in specs:
        if spec.id in existing and _same(existing[spec.id], spec):
            continue
        scheduler.add_job(spec.func, spec.trigger, args=spec.args, id=spec.id, name=spec.id,
                          replace_existing=True, max_instances=1, coalesce=True,
                          misfire_grace_time=MISFIRE_GRACE)


def scheduler_lock(data_dir: Path) -> FileLock:
    """Taken by the one scheduler of a data dir; a second one is refused in one line."""
    lock = FileLock(locks_dir(data_dir) / "schedule.lock")
    if not lock.acquire(blocking=False):
        raise PantauError(f"a scheduler is already running on {data_dir} ({lock.holder()}); "
                          "one pantau schedule per data dir")
    return lock


def heartbeat_path(data_dir: Path) -> Path:
    return data_dir / HEARTBEAT_FILE


def run_service(config: Config, settings: RunSettings, *, run_now: bool = False) -> None:
    """Run until SIGINT/SIGTERM. ``run_now`` also starts every crawl once now (spread over the jitter)."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    lock = scheduler_lock(config.data_dir)
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{config.data_dir / 'jobs.db'}")},
        executors={"default": {"type": "threadpool", "max_workers": 4}},
        timezone=TIMEZONE,
    )
    stopped = threading.Event()

    def stop(signum: int, _frame: FrameType | None) -> None:
        logger.warning("received %s: finishing running crawls, then stopping", signal.Signals(signum).name)
        SUPERVISOR.stopping.set()
        stopped.set()
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        scheduler.start(paused=True)
        reconcile(scheduler, job_specs(config, settings))
        if run_now:
            now = datetime.now(scheduler.timezone)
            for job in scheduler.get_jobs():
                if job.id.startswith("crawl:"):
                    job.modify(next_run_time=now + timedelta(seconds=random.uniform(0, config.crawl.jitter)))
        for job in scheduler.get_jobs():
            logger.info("job %s next at %s", job.id, job.next_run_time)
        scheduler.resume()
        # the scheduler runs in its own thread; the main thread beats the heart and waits for a signal
        heartbeat = heartbeat_path(config.data_dir)
        while scheduler.running and not stopped.is_set():
            with contextlib.suppress(OSError):  # a data dir that cannot be written fails the health check
                heartbeat.touch()
            stopped.wait(HEARTBEAT_INTERVAL)
        SUPERVISOR.wait_idle(SUPERVISOR.stop_grace + 30)
    finally:
        lock.release()
