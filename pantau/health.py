"""Outlets that break are noticed: silent too long, or failing run after run.

The first thing that goes wrong for a news crawler in production is an outlet
that quietly yields nothing after a redesign or a moved feed. Every finished
run records, per outlet, whether it failed and whether it stored a new
article (:meth:`pantau.state.CrawlState.record_run`); :func:`assess` turns that
into a verdict against ``[health]``; ``pantau status`` shows it, and the
scheduler mails ``[health] recipients`` once when an outlet breaks and once
when it recovers.

The mails go through the alert outbox, keyed by (``pantau:health``, outlet,
event, start of the breakage). The start is computed from the recorded state
(the end of the first failed run of the streak, or the moment the silence
passed ``silent_after``), never from the clock of the check, so a check that
is repeated, or interrupted between queueing a mail and noting it, queues the
same key again and the outbox's unique key keeps it to one message. The
notice's wording is kept in ``health_notices`` when it is queued, so a retry
sends what was true at the breakage.

A run *fails* for an outlet when it ended abnormally (crashed or hit the time
limit) or when it recorded errors and got nothing from any source: no page
fetched and no known article seen. One dead article among many, or a dead
feed next to a working listing, is not a failed run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from crawler.report import CrawlSummary
from pantau.alerts.channels import Channel
from pantau.alerts.email import new_message
from pantau.alerts.outbox import AlertRow, Outbox
from pantau.config import AlertRule, Config, HealthConfig
from pantau.db import connect
from pantau.state import CrawlState, OutletHealth
from pantau.wib import reader_time

HEALTH_RULE = "pantau:health"  # ':' is not allowed in an [[alert]] name, so no rule shares these rows
HEALTH_MODE = "health"  # the outbox's own delivery sends 'immediate' and 'digest' rows only

@dataclass(frozen=True)
class Verdict:
    failing: bool  # failed [health] failures runs in a row or more
    silent: bool  # no new article for longer than [health] silent_after
    since: datetime | None  # when the breakage began (None: not broken)

    @property
    def broken(self) -> bool:
        return self.failing or self.silent


def assess(health: OutletHealth | None, config: HealthConfig, now: datetime) -> Verdict:
    """The outlet's state against the thresholds at ``now``."""
    if health is None:
        return Verdict(False, False, None)
    starts = []
    failing = health.failures >= config.failures and health.failing_since is not None
    if failing and health.failing_since:
        starts.append(health.failing_since)
    silent_from = (health.last_new or health.first_run) + config.silent_span
    silent = now > silent_from
    if silent:
        starts.append(silent_from)
    return Verdict(failing, silent, min(starts) if starts else None)


def flag(health: OutletHealth | None, verdict: Verdict, now: datetime) -> str:
    """The short health column of ``pantau status``."""
    if health is None:
        return "-"
    flags = []
    if verdict.failing:
        flags.append(f"FAILING {health.failures} runs")
    if verdict.silent:
        flags.append(f"SILENT {_span(now - (health.last_new or health.first_run))}")
    return ", ".join(flags) or "ok"


def _span(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    return f"{hours // 24}d {hours % 24}h" if hours >= 24 else f"{hours}h"


def _wib(when: datetime | None) -> str:
    return reader_time(when) if when else "belum pernah"


def _reason(health: OutletHealth, verdict: Verdict, config: HealthConfig) -> str:
    parts = []
    if verdict.failing:
        parts.append(f"{health.failures} kali berturut-turut gagal dirayapi (terakhir: {health.last_error or '-'})")
    if verdict.silent:
        parts.append(f"tidak ada artikel baru lebih dari {config.silent_after} "
                     f"(artikel baru terakhir: {_wib(health.last_new)})")
    return "; ".join(parts)


def _now() -> datetime:
    return datetime.now(UTC)


class Notices:
    """Health mail: decide it from the state, queue it in the outbox, send what is due (all at ``clock()``)."""

    def __init__(self, config: Config, clock: Callable[[], datetime] = _now) -> None:
        self.config = config
        self.clock = clock
        self.state = CrawlState(config.db_path)
        self.outbox = Outbox(config.db_path, clock)
        self.conn = connect(config.db_path)

    def close(self) -> None:
        self.state.close()
        self.outbox.close()
        self.conn.close()

    def check(self, outlets: dict[str, str]) -> list[str]:
        """Queue a mail for each outlet (id -> name) that broke or recovered; returns the notice keys.

        Without recipients nothing is noted either, so a breakage still going on when recipients
        are configured is announced then.
        """
        cfg, now = self.config.health, self.clock()
        if not cfg.recipients:
            return []
        health = self.state.outlet_health()
        queued = []
        for outlet, name in outlets.items():
            current = health.get(outlet)
            verdict = assess(current, cfg, now)
            if current is None:
                continue
            if verdict.broken and current.broken_since is None and verdict.since is not None:
                queued.append(self._queue(outlet, name, "broken", verdict.since, _reason(current, verdict, cfg),
                                          current.last_new, now))
                self.state.mark_broken(outlet, verdict.since)
            elif not verdict.broken and current.broken_since is not None:
                queued.append(self._queue(outlet, name, "recovered", current.broken_since, "", current.last_new, now))
                self.state.mark_broken(outlet, None)
        return queued

    def _queue(self, outlet: str, name: str, event: str, since: datetime, reason: str,
               last_new: datetime | None, now: datetime) -> str:
        key = f"{outlet}/{event}/{since.isoformat()}"
        with self.conn:
            self.conn.execute(
                "INSERT OR IGNORE INTO health_notices (key, outlet, name, event, since, reason, last_new, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, outlet, name, event, since.isoformat(), reason,
                 last_new.isoformat() if last_new else None, now.isoformat()))
        rule = AlertRule.model_construct(name=HEALTH_RULE, mode=HEALTH_MODE, recipients=self.config.health.recipients)
        self.outbox.enqueue(rule, key)
        return key

    def deliver(self, channel: Channel) -> tuple[int, int]:
        """Send every due health mail once, through the outbox's claim; returns (sent, failed).

        A failed one stays queued and is retried with backoff.
        """
        recipients = self.config.health.recipients
        if not recipients:
            return 0, 0

        def compose(row: AlertRow) -> EmailMessage | None:
            notice = self.conn.execute(
                "SELECT outlet, name, event, since, reason, last_new FROM health_notices WHERE key = ?",
                (row.story,)).fetchone()
            return None if notice is None else health_message(
                *notice, recipients=recipients, sender=self.config.smtp.sender, now=self.clock(), key=row.story)

        done = self.outbox.deliver_each("rule = ?", (HEALTH_RULE,), compose, channel)
        return done.sent, done.failed


def health_message(outlet: str, name: str, event: str, since: str, reason: str, last_new: str | None, *,
                   recipients: Sequence[str], sender: str, now: datetime, key: str | None = None) -> EmailMessage:
    """The mail, in Indonesian like the alerts: what broke (or recovered), since when, what to run."""
    began = _wib(datetime.fromisoformat(since))
    if event == "broken":
        subject = f"[pantau] Outlet bermasalah: {name} ({outlet})"
        lines = [f"Outlet {name} ({outlet}) bermasalah sejak {began}.", f"Sebab: {reason}.",
                 f"Artikel baru terakhir: {_wib(datetime.fromisoformat(last_new) if last_new else None)}.", "",
                 f"Periksa: pantau status; pantau crawl --only {outlet}",
                 "Pesan ini dikirim sekali untuk gangguan ini; satu pesan lagi menyusul saat outlet pulih."]
    else:
        subject = f"[pantau] Outlet pulih: {name} ({outlet})"
        lines = [f"Outlet {name} ({outlet}) kembali normal pada {_wib(now)}.",
                 f"Gangguan berlangsung sejak {began}."]
    message = new_message(sender, recipients, subject, key)
    message.set_content("\n".join(lines) + "\n")
    return message


def after_scheduled_run(config: Config, outlets_files: Sequence[Path], outlet: str, outcome: str,
                        summary: CrawlSummary | None, detail: str, channel: Channel) -> None:
    """What the scheduler does after a crawl job: count a crashed or timed-out run, then mail changes.

    A run that finished was recorded by the crawl itself (:func:`record_runs`); one that crashed
    or hit the time limit never got there, so it is recorded here as failed. A run stopped by the
    service shutting down says nothing about the outlet and is not recorded.
    """
    from crawler.outlets import load_registry

    if outcome == "stopped":
        return
    notices = Notices(config)
    try:
        if outcome in ("error", "timeout") and (summary is None or summary.finish_reason != "finished"):
            notices.state.record_run(outlet, notices.clock(), failed=True, new=0, error=f"{outcome}: {detail}")
        registry = load_registry(outlets_files)
        notices.check({outlet: registry[outlet].name if outlet in registry else outlet})
        notices.deliver(channel)
    finally:
        notices.close()


def deliver_notices(config: Config, channel: Channel) -> tuple[int, int]:
    """Send the health mail that is due (the scheduler's retry job): (sent, failed)."""
    notices = Notices(config)
    try:
        return notices.deliver(channel)
    finally:
        notices.close()
