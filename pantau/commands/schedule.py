"""``pantau schedule``: run the scheduler service in the foreground until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from pantau.config import Config


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schedule", help="run the scheduler: crawls per outlet schedule, digests, alert retries",
                       description="Run the scheduler in the foreground: each outlet crawled on its cron "
                                   "(Asia/Jakarta), digests sent on theirs, queued alerts retried every 5 minutes; "
                                   "stops cleanly on SIGINT/SIGTERM.")
    p.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="add the outlets of this YAML file to the registry, repeatable "
                        "(default: the built-in registry only)")
    p.add_argument("--only", action="append", default=[], metavar="ID",
                   help="schedule only this outlet, repeatable (default: every enabled outlet)")
    p.add_argument("--run-now", action="store_true",
                   help="also start every outlet's crawl once right away, spread over [crawl] jitter seconds "
                        "(default: wait for each cron)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from crawler.outlets import check_rule_outlets, load_registry, select
    from schedules.jobs import RunSettings
    from schedules.service import run_service

    registry = load_registry(args.outlets)  # refuse a bad outlet file, id or rule now, not in the first job
    select(registry, args.only)
    check_rule_outlets(config.alert, registry)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = RunSettings(
        config_file=str(config.config_file) if config.config_file else None,
        data_dir=str(config.data_dir),
        elasticsearch=config.store.elasticsearch_url or None,
        outlets_files=tuple(str(p.resolve()) for p in args.outlets),
        only=tuple(args.only),
    )
    run_service(config, settings, run_now=args.run_now)
    return 0
