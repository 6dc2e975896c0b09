"""The scheduler service behind ``pantau schedule``.

APScheduler 3.x (4.0 is still alpha) with a persistent SQLAlchemy job store in
``<data-dir>/jobs.db``: jobs survive restarts, so a run missed while the
service was down is run once on start (coalesced, within the misfire grace
time). Jobs are reconciled with the configuration at every start: new ones
added, changed ones replaced, removed outlets' and rules' jobs dropped.
SIGINT/SIGTERM stop scheduling, ask a running crawl to finish (SIGTERM to the
child: Scrapy closes the spider and pipelines cleanly), and wait for its record.
"""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from crawler.outlets import load_registry
from pantau.config import TIMEZONE, Config
from schedules.jobs import SUPERVISOR, RunSettings, crawl_job, digest_job, outbox_job

logger = logging.getLogger(__name__)
MISFIRE_GRACE = 15 * 60  # seconds: a run missed by less than this still happens
CRAWL_JITTER = 120  # seconds: outlets on the same cron do not all fire at once
OUTBOX_RETRY_MINUTES = 5


@dataclass(frozen=True)
class JobSpec:
    id: str
    func: Any
    trigger: CronTrigger | IntervalTrigger
    args: tuple[Any, ...]
    jitter: int | None = None


def job_specs(config: Config, settings: RunSettings) -> list[JobSpec]:
    """Every job the configuration asks for (validated already: bad crons were refused at load)."""
    outlets = load_registry([Path(p) for p in settings.outlets_files])
    specs = [
        JobSpec(f"crawl:{o.id}", crawl_job,
                CronTrigger.from_crontab(o.schedule or config.crawl.default_schedule, timezone=TIMEZONE),
                (o.id, settings), CRAWL_JITTER)
        for o in outlets.values() if o.enabled
    ]
    specs += [JobSpec(f"digest:{r.name}", digest_job, CronTrigger.from_crontab(r.digest_schedule, timezone=TIMEZONE),
                      (r.name, settings)) for r in config.alert if r.mode == "digest"]
    if config.alert or config.health.recipients:
        specs.append(JobSpec("outbox:retry", outbox_job, IntervalTrigger(minutes=OUTBOX_RETRY_MINUTES), (settings,)))
    return specs


def _same(job: Job, spec: JobSpec) -> bool:
    return str(job.trigger) == str(spec.trigger) and job.args == spec.args and job.func is spec.func


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
                          misfire_grace_time=MISFIRE_GRACE, jitter=spec.jitter)


def run_service(config: Config, settings: RunSettings, *, run_now: bool = False) -> None:
    """Run until SIGINT/SIGTERM. ``run_now`` also starts every crawl once immediately."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{config.data_dir / 'jobs.db'}")},
        executors={"default": {"type": "threadpool", "max_workers": 4}},
        timezone=TIMEZONE,
    )

    def stop(signum: int, _frame: FrameType | None) -> None:
        logger.warning("received %s: finishing running crawls, then stopping", signal.Signals(signum).name)
        SUPERVISOR.stopping.set()
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler.start(paused=True)
    reconcile(scheduler, job_specs(config, settings))
    if run_now:
        now = datetime.now(scheduler.timezone)
        for job in scheduler.get_jobs():
            if job.id.startswith("crawl:"):
                job.modify(next_run_time=now)
    for job in scheduler.get_jobs():
        logger.info("job %s next at %s", job.id, job.next_run_time)
    scheduler.resume()
    # the scheduler runs in its own thread; the main thread only waits for a signal
    while scheduler.running:
        signal.pause()
    SUPERVISOR.wait_idle(SUPERVISOR.stop_grace + 30)
