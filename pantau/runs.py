"""The record of crawl runs, scheduled and manual (``runs`` table in ``<data-dir>/pantau.db``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pantau.db import connect


@dataclass
class Run:
    outlet: str
    started: str
    finished: str | None
    duration: float | None
    outcome: str
    new: int
    updated: int
    errors: int
    detail: str | None
    origin: str = "schedule"


class RunLog:
    def __init__(self, db_path: Path) -> None:
        self.conn = connect(db_path)

    def close(self) -> None:
        self.conn.close()

    def start(self, outlet: str, when: datetime, origin: str = "schedule") -> int:
        with self.conn:
            cur = self.conn.execute("INSERT INTO runs (outlet, started, outcome, origin) VALUES (?, ?, 'running', ?)",
                                    (outlet, when.isoformat(), origin))
        assert cur.lastrowid is not None
        return cur.lastrowid

    def finish(self, run_id: int, outcome: str, summary: dict[str, Any] | None, detail: str = "") -> None:
        (started,) = self.conn.execute("SELECT started FROM runs WHERE id = ?", (run_id,)).fetchone()
        now = datetime.now(UTC)
        rows = summary["outlets"] if summary else []
        with self.conn:
            self.conn.execute(
                "UPDATE runs SET finished = ?, duration = ?, outcome = ?, new = ?, updated = ?, errors = ?, detail = ? "
                "WHERE id = ?",
                (now.isoformat(), (now - datetime.fromisoformat(started)).total_seconds(), outcome,
                 sum(r["new"] for r in rows), sum(r["updated"] for r in rows),
                 sum(len(r["errors"]) for r in rows) + len(summary.get("errors") or []) if summary else 0,
                 json.dumps(summary, ensure_ascii=False) if summary else detail, run_id),
            )

    def last(self, outlet: str) -> Run | None:
        row = self.conn.execute(
            "SELECT outlet, started, finished, duration, outcome, new, updated, errors, detail, origin FROM runs "
            "WHERE outlet = ? ORDER BY id DESC LIMIT 1", (outlet,)).fetchone()
        return Run(*row) if row else None
