"""The record of crawl runs, scheduled and manual (``runs`` table in ``<data-dir>/pantau.db``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pantau.state import add_columns, connect

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    outlet TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    duration REAL,
    outcome TEXT NOT NULL,          -- running | ok | error | timeout | stopped
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    detail TEXT,                    -- the crawl summary (JSON) or the failure
    origin TEXT NOT NULL DEFAULT 'schedule'  -- schedule | manual (pantau crawl, pantau demo)
);
CREATE INDEX IF NOT EXISTS runs_outlet ON runs (outlet, id);
"""
# Columns added after the first release; an older table gets them on open.
ADDED_COLUMNS = {"origin": "TEXT NOT NULL DEFAULT 'schedule'"}


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
        self.conn.executescript(SCHEMA)
        add_columns(self.conn, "runs", ADDED_COLUMNS)

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
