"""``pantau status``: per outlet, the last crawl (scheduled or manual), its health and the next scheduled one.

Health comes from the crawl state (every finished crawl records it, scheduled or not): when a new
article was last stored, and a flag when the outlet has been silent longer than ``[health]
silent_after`` or has failed ``[health] failures`` runs in a row.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from pantau.config import Config
from pantau.store import require_data
from pantau.wib import TIMEZONE, minute

STARTING = 60  # seconds a crawl process may take to start and lock its outlet


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("status", help="last run (scheduled or manual), outcome, last new article, health flags and "
                                      "next run per outlet",
                       description="Per outlet: the last crawl (WIB) and who started it (schedule or manual), how "
                                   "long it took, its outcome, new and updated articles, errors, the last new "
                                   "article, a health flag (SILENT, FAILING) and the next scheduled run (WIB).")
    p.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="also show the outlets of this YAML file, repeatable (default: the built-in registry)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from apscheduler.triggers.cron import CronTrigger

    from crawler.outlets import load_registry
    from crawler.run import crawl_lock
    from pantau.health import assess, flag
    from pantau.locks import is_held
    from pantau.runs import RunLog
    from pantau.state import CrawlState

    require_data(config)
    log, state = RunLog(config.db_path), CrawlState(config.db_path)
    now = datetime.now(UTC)
    rows = [("outlet", "last run (WIB)", "by", "took", "outcome", "new", "updated", "errors",
             "last new article (WIB)", "health", "next run (WIB)")]
    try:
        health = state.outlet_health()
        for outlet in load_registry(args.outlets).values():
            trigger = CronTrigger.from_crontab(outlet.schedule or config.crawl.default_schedule, timezone=TIMEZONE)
            upcoming = trigger.get_next_fire_time(None, now) if outlet.enabled else None
            last = log.last(outlet.id)
            when = minute(datetime.fromisoformat(last.started)) if last else "never"
            outcome = last.outcome if last else "-"
            if last and last.outcome == "running" and \
                    (now - datetime.fromisoformat(last.started)).total_seconds() > STARTING and \
                    not is_held(crawl_lock(config.data_dir, outlet.id).path):
                outcome = "died"  # its process ended without recording the end (killed)
            current = health.get(outlet.id)
            last_new = minute(current.last_new) if current and current.last_new else ("never" if current else "-")
            rows.append((outlet.id, when, last.origin if last else "-",
                         f"{last.duration:.0f}s" if last and last.duration else "-",
                         outcome, str(last.new) if last else "-",
                         str(last.updated) if last else "-", str(last.errors) if last else "-", last_new,
                         flag(current, assess(current, config.health, now), now) if outlet.enabled else "disabled",
                         minute(upcoming) if upcoming else "-"))
    finally:
        log.close()
        state.close()
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return 0
