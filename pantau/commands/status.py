"""``pantau status``: per outlet, the last scheduled run and the next one."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from pantau.config import TIMEZONE, Config


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("status", help="last run, outcome and next run per outlet",
                       description="Per outlet: the last crawl (WIB), how long it took, its outcome, new and "
                                   "updated articles, errors, and the next scheduled run (WIB).")
    p.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="also show the outlets of this YAML file, repeatable (default: the built-in registry)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from apscheduler.triggers.cron import CronTrigger

    from crawler.outlets import load_registry
    from schedules.runs import RunLog

    log = RunLog(config.db_path)
    now = datetime.now(UTC)
    rows = [("outlet", "last run (WIB)", "took", "outcome", "new", "updated", "errors", "next run (WIB)")]
    try:
        for outlet in load_registry(args.outlets).values():
            trigger = CronTrigger.from_crontab(outlet.schedule or config.crawl.default_schedule, timezone=TIMEZONE)
            upcoming = trigger.get_next_fire_time(None, now)
            last = log.last(outlet.id)
            when = datetime.fromisoformat(last.started).astimezone(trigger.timezone).strftime("%Y-%m-%d %H:%M") \
                if last else "never"
            rows.append((outlet.id, when, f"{last.duration:.0f}s" if last and last.duration else "-",
                         last.outcome if last else "-", str(last.new) if last else "-",
                         str(last.updated) if last else "-", str(last.errors) if last else "-",
                         upcoming.strftime("%Y-%m-%d %H:%M") if upcoming else "-"))
    finally:
        log.close()
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return 0
