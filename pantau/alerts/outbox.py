"""The durable alert outbox: queue first, send second, never twice.

An alert is one row per (rule, story), enforced by a UNIQUE key: enqueueing the
same pair again is a no-op, whatever crawl, copy or retry asks for it. A row
is ``queued`` until a send succeeds; a failed send keeps it queued with the
error, the attempt count and the time of the next try (exponential backoff,
capped), so the next crawl, ``pantau alerts flush`` or the scheduler retries
it. The one window that can still double-send is a crash between the SMTP
server accepting a message and the row being marked ``sent``; it is as short
as one UPDATE.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from pantau.alerts.channels import Channel, SendError
from pantau.alerts.email import article_message, digest_message
from pantau.config import AlertRule
from pantau.state import connect
from pantau.store import ArticleStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    story TEXT NOT NULL,            -- canonical URL of the article
    mode TEXT NOT NULL,             -- 'immediate' | 'digest'
    status TEXT NOT NULL,           -- 'queued' | 'sent'
    created TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try TEXT NOT NULL,
    last_error TEXT,
    sent TEXT,
    UNIQUE (rule, story)
);
CREATE INDEX IF NOT EXISTS alerts_due ON alerts (status, mode, next_try);
"""
FIRST_RETRY = timedelta(minutes=1)
MAX_RETRY = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    return min(FIRST_RETRY * (1 << max(attempts - 1, 0)), MAX_RETRY)


@dataclass
class AlertRow:
    id: int
    rule: str
    story: str
    mode: str
    status: str
    created: str
    attempts: int
    next_try: str
    last_error: str | None
    sent: str | None


def _now() -> datetime:
    return datetime.now(UTC)


class Outbox:
    def __init__(self, db_path: Path, clock: Callable[[], datetime] = _now) -> None:
        self.conn = connect(db_path)
        self.conn.executescript(SCHEMA)
        self.clock = clock

    def close(self) -> None:
        self.conn.close()

    def enqueue(self, rule: AlertRule, story: str) -> bool:
        """Queue an alert; False when this rule already has (or had) one for this story."""
        now = self.clock().isoformat()
        with self.conn:
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO alerts (rule, story, mode, status, created, next_try) "
                "VALUES (?, ?, ?, 'queued', ?, ?)", (rule.name, story, rule.mode, now, now),
            )
        return cur.rowcount == 1

    def rows(self, where: str = "1 = 1", params: Sequence[Any] = ()) -> list[AlertRow]:
        sql = f"SELECT id, rule, story, mode, status, created, attempts, next_try, last_error, sent FROM alerts " \
              f"WHERE {where} ORDER BY id"  # noqa: S608 - callers pass fixed SQL, values as parameters
        return [AlertRow(*row) for row in self.conn.execute(sql, params)]

    def _mark_sent(self, ids: list[int]) -> None:
        now = self.clock().isoformat()
        with self.conn:
            self.conn.executemany("UPDATE alerts SET status = 'sent', sent = ?, last_error = NULL WHERE id = ?",
                                  [(now, i) for i in ids])

    def _mark_failed(self, ids: list[int], error: str) -> None:
        now = self.clock()
        with self.conn:
            for alert_id in ids:
                (attempts,) = self.conn.execute("SELECT attempts FROM alerts WHERE id = ?", (alert_id,)).fetchone()
                self.conn.execute(
                    "UPDATE alerts SET attempts = ?, last_error = ?, next_try = ? WHERE id = ?",
                    (attempts + 1, error, (now + backoff(attempts + 1)).isoformat(), alert_id),
                )

    def deliver_due(self, rules: Sequence[AlertRule], store: ArticleStore, channel: Channel,
                    sender: str) -> tuple[int, int]:
        """Send every due immediate alert; returns (sent, failed). Failures stay queued."""
        by_name = {r.name: r for r in rules}
        sent = failed = 0
        due = self.rows("status = 'queued' AND mode = 'immediate' AND next_try <= ?", (self.clock().isoformat(),))
        for row in due:
            rule = by_name.get(row.rule)
            doc = store.get(row.story)
            if rule is None or doc is None:
                continue  # a rule removed from the config, or an article gone: keep the row, send nothing
            if self._send(channel, article_message(rule, doc, sender), [row.id]):
                sent += 1
            else:
                failed += 1
        return sent, failed

    def send_digest(self, rule: AlertRule, store: ArticleStore, channel: Channel, sender: str) -> int:
        """One message with every queued article of a digest rule; returns how many articles it carried."""
        rows = self.rows("status = 'queued' AND rule = ? AND mode = 'digest'", (rule.name,))
        docs = store.get_many([r.story for r in rows])
        found = {d["url"] for d in docs}
        ids = [r.id for r in rows if r.story in found]
        if not ids:
            return 0
        return len(ids) if self._send(channel, digest_message(rule, docs, sender), ids) else 0

    def _send(self, channel: Channel, message: EmailMessage, ids: list[int]) -> bool:
        try:
            channel.send(message)
        except SendError as exc:
            self._mark_failed(ids, str(exc))
            return False
        self._mark_sent(ids)
        return True
