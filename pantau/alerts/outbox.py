"""The durable alert outbox: queue first, claim, send, mark; each (rule, story) mailed once.

An alert is one row per (rule, story), enforced by a UNIQUE key: enqueueing the
same pair again is a no-op, whatever crawl, copy or retry asks for it. A story is
one syndicated story: its pages share the rule's one alert (see :meth:`Outbox.enqueue`).

Any number of senders may work on one outbox at once (crawls closing, ``pantau
alerts flush``, the scheduler's retry and digest jobs): a sender **claims** a row
before sending it, in one ``BEGIN IMMEDIATE`` transaction that sets
``claimed_by`` only where nobody live holds the row, so two senders never hold
the same row. A claim lasts as long as its sender lives: each sender holds an
``flock`` on ``locks/sender-<token>.lock`` for its whole run, and the kernel
drops that lock when the process dies, however it dies. A row claimed by a dead
sender is free again at once; a row claimed by a live one is never taken from
it, however slow its mail server. A sender holds one immediate alert at a time
(a digest: the rows that message carries), so a stuck sender delays one message.

A row is ``queued`` until a send succeeds; a failed send keeps it queued with the
error, the attempt count and the time of the next try (exponential backoff,
capped), so the next crawl, ``pantau alerts flush`` or the scheduler retries it.

The guarantee: never lost, and exactly once except in one window. If a sender
dies after the SMTP server accepted a message (its reply to the end of DATA) and
before the ``sent`` mark is committed (one local UPDATE), or if that reply is
lost on the wire (a timeout or a dropped connection right after the data was
sent), the message is sent once more by a later sender. The Message-ID of an
alert is the same on every try, so a mail system that de-duplicates by
Message-ID shows it once even then.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from pantau.alerts.channels import Channel, SendError
from pantau.alerts.email import article_message, digest_message
from pantau.config import AlertRule
from pantau.db import connect
from pantau.locks import FileLock, is_held, locks_dir
from pantau.state import STORY_PAGES
from pantau.store import ArticleStore

FIRST_RETRY = timedelta(minutes=1)
MAX_RETRY = timedelta(hours=6)
SENDER_PREFIX = "sender-"


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
    claimed_by: str | None = None
    claimed_at: str | None = None


@dataclass
class Delivery:
    """What one :meth:`Outbox.deliver_due` run did."""

    sent: int = 0
    failed: int = 0
    left: int = 0  # due alerts not tried because the time budget ran out (the retry job sends them)


def _now() -> datetime:
    return datetime.now(UTC)


class Outbox:
    def __init__(self, db_path: Path, clock: Callable[[], datetime] = _now) -> None:
        self.conn = connect(db_path)
        self.locks = locks_dir(db_path.parent)
        self.clock = clock

    def close(self) -> None:
        self.conn.close()

    def enqueue(self, rule: AlertRule, story: str) -> bool:
        """Queue an alert; False when this rule already has (or had) one for this story.

        A story is one syndicated story (:data:`pantau.state.STORY_PAGES`): when its original is stored
        after a copy that was already alerted on, the rule has its alert and nothing is queued. An alert
        of the story that is still waiting (never tried, held by no sender) is moved to ``story``, the page
        the crawl now calls the original, so the message names the source. The check and the write are
        one transaction over the story links every crawl has recorded, so two crawls storing two pages of
        one story at once queue one alert.
        """
        params = {"rule": rule.name, "page": story, "mode": rule.mode, "now": self.clock().isoformat()}
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "UPDATE OR IGNORE alerts SET story = :page WHERE rule = :rule AND story != :page "
                f"AND story IN ({STORY_PAGES}) AND status = 'queued' AND attempts = 0 AND claimed_by IS NULL",
                params)
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO alerts (rule, story, mode, status, created, next_try) "
                "SELECT :rule, :page, :mode, 'queued', :now, :now "
                f"WHERE NOT EXISTS (SELECT 1 FROM alerts WHERE rule = :rule AND story IN ({STORY_PAGES}))", params)
        return cur.rowcount == 1

    def rows(self, where: str = "1 = 1", params: Sequence[Any] = ()) -> list[AlertRow]:
        sql = "SELECT id, rule, story, mode, status, created, attempts, next_try, last_error, sent, claimed_by, " \
              f"claimed_at FROM alerts WHERE {where} ORDER BY id"  # noqa: S608 - fixed SQL, values as parameters
        return [AlertRow(*row) for row in self.conn.execute(sql, params)]

    def sender_alive(self, token: str) -> bool:
        return is_held(self.locks / f"{SENDER_PREFIX}{token}.lock")

    # -- claiming ------------------------------------------------------------------------------

    @contextmanager
    def _sender(self) -> Iterator[str]:
        """A sender's identity for one run: a fresh token whose lock this process holds until the end."""
        token = secrets.token_hex(8)
        self.locks.mkdir(parents=True, exist_ok=True)
        lock = FileLock.create_held(self.locks / f"{SENDER_PREFIX}{token}.lock")
        try:
            yield token
        finally:
            try:
                with self.conn:
                    self.conn.execute("UPDATE alerts SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ?",
                                      (token,))
            finally:
                lock.release(remove=True)
            self._remove_dead_sender_files()

    def _remove_dead_sender_files(self) -> None:
        """Lock files of senders that died without cleaning up (nothing refers to a dead token any more)."""
        for path in self.locks.glob(f"{SENDER_PREFIX}*.lock"):
            if not is_held(path):
                path.unlink(missing_ok=True)

    def _claim(self, token: str, where: str, params: Sequence[Any], *, limit: int | None) -> list[AlertRow]:
        """Atomically take the rows matching ``where`` that nobody live holds; returns those now ours."""
        now = self.clock().isoformat()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            holders = [c for (c,) in self.conn.execute(
                f"SELECT DISTINCT claimed_by FROM alerts WHERE {where} AND claimed_by IS NOT NULL", params)]
            live = [c for c in holders if c == token or self.sender_alive(c)]
            free = f"{where} AND (claimed_by IS NULL OR claimed_by NOT IN ({','.join('?' * len(live))}))"
            ids = [i for (i,) in self.conn.execute(
                f"SELECT id FROM alerts WHERE {free} ORDER BY id LIMIT ?", (*params, *live, limit or -1))]
            self.conn.executemany("UPDATE alerts SET claimed_by = ?, claimed_at = ? WHERE id = ?",
                                  [(token, now, i) for i in ids])
        return self.rows(f"id IN ({','.join('?' * len(ids))})", ids) if ids else []

    def _release(self, ids: list[int]) -> None:
        with self.conn:
            self.conn.executemany("UPDATE alerts SET claimed_by = NULL, claimed_at = NULL WHERE id = ?",
                                  [(i,) for i in ids])

    def _mark_sent(self, ids: list[int]) -> None:
        now = self.clock().isoformat()
        with self.conn:
            self.conn.executemany(
                "UPDATE alerts SET status = 'sent', sent = ?, last_error = NULL, claimed_by = NULL, claimed_at = NULL "
                "WHERE id = ?", [(now, i) for i in ids])

    def _mark_failed(self, ids: list[int], error: str) -> None:
        now = self.clock()
        with self.conn:
            for alert_id in ids:
                (attempts,) = self.conn.execute("SELECT attempts FROM alerts WHERE id = ?", (alert_id,)).fetchone()
                self.conn.execute(
                    "UPDATE alerts SET attempts = ?, last_error = ?, next_try = ?, claimed_by = NULL, "
                    "claimed_at = NULL WHERE id = ?",
                    (attempts + 1, error, (now + backoff(attempts + 1)).isoformat(), alert_id),
                )

    # -- sending -------------------------------------------------------------------------------

    def deliver_each(self, kind: str, params: Sequence[Any], compose: Callable[[AlertRow], EmailMessage | None],
                     channel: Channel, *, budget: float | None = None) -> Delivery:
        """Send the due queued rows matching ``kind`` (SQL on ``alerts``), one claimed row at a time.

        ``compose`` makes a row's message; None leaves the row queued (its rule or article is gone).
        Failures stay queued with backoff. ``budget``: seconds after which no further message is
        started (one already started finishes or times out); what is left stays due for the next
        sender. Alerts and health mail both go through here, so both get the same claim.
        """
        deadline = None if budget is None else time.monotonic() + budget
        done = Delivery()
        last_id = 0
        due = f"status = 'queued' AND next_try <= ? AND id > ? AND ({kind})"
        with self._sender() as token:
            while True:
                args = (self.clock().isoformat(), last_id, *params)
                if deadline is not None and time.monotonic() >= deadline:
                    (done.left,) = self.conn.execute(f"SELECT COUNT(*) FROM alerts WHERE {due}", args).fetchone()
                    break
                claimed = self._claim(token, due, args, limit=1)
                if not claimed:
                    break
                row = claimed[0]
                last_id = row.id
                message = compose(row)
                if message is None:
                    self._release([row.id])
                    continue
                if self._send(channel, message, [row.id]):
                    done.sent += 1
                else:
                    done.failed += 1
        return done

    def deliver_due(self, rules: Sequence[AlertRule], store: ArticleStore, channel: Channel, sender: str,
                    *, budget: float | None = None) -> Delivery:
        """Send due immediate alerts (see :meth:`deliver_each`)."""
        by_name = {r.name: r for r in rules}

        def compose(row: AlertRow) -> EmailMessage | None:
            rule = by_name.get(row.rule)  # None: a rule removed from the config
            doc = store.get(row.story) if rule else None  # None: an article gone
            return article_message(rule, doc, sender) if rule and doc else None

        return self.deliver_each("mode = 'immediate'", (), compose, channel, budget=budget)

    def send_digest(self, rule: AlertRule, store: ArticleStore, channel: Channel, sender: str) -> int:
        """One message with every queued article of a digest rule; returns how many articles it carried."""
        with self._sender() as token:
            rows = self._claim(token, "status = 'queued' AND rule = ? AND mode = 'digest'", (rule.name,),
                               limit=None)
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
