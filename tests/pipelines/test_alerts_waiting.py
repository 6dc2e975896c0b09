"""A new story whose alerts could not be queued is not lost: the next crawl queues and sends them.

Found by the operator's trial (tools/ops_trial.py): when the outbox refused its write while the
store had taken the page (a full disk can do that; so can a crawl killed between the two), the page
was known, the next crawl skipped it, and its alerts never came. Here the outbox's refusal is real:
a SQLite trigger makes every INSERT into ``alerts`` fail the way a full disk fails it; real crawls in
child processes, a real SMTP server (aiosmtpd), the real ``pantau.db``.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ALERT_RULES, free_port, outbox_rows, run_pantau, smtp_server, story

from pantau.fixture_site import FixtureSite

CONFIG = """
[crawl]
autothrottle = false
workers = 0

[smtp]
host = "127.0.0.1"
port = {port}
sender = "pantau@example.org"
""" + ALERT_RULES
REFUSE = "CREATE TRIGGER refuse BEFORE INSERT ON alerts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite() as running:
        yield running


def crawl(tmp: Path, outlets: Path, outlet: str) -> tuple[int, str]:
    proc = run_pantau("--config", str(tmp / "pantau.toml"), "--data-dir", str(tmp / "data"), "crawl",
                      "--outlets", str(outlets), "--only", outlet, "--quiet")
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return proc.returncode, proc.stderr


def test_alerts_the_outbox_refused_are_queued_and_sent_by_the_next_crawl(site: FixtureSite, tmp_path: Path) -> None:
    port = free_port()
    (tmp_path / "pantau.toml").write_text(CONFIG.format(port=port))
    outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
    babel = site.base_url("antara-babel")
    controller, inbox = smtp_server(port)
    try:
        assert crawl(tmp_path, outlets, "antara-bengkulu")[0] == 0
        with sqlite3.connect(tmp_path / "data" / "pantau.db") as conn:
            conn.execute(REFUSE)
        code, err = crawl(tmp_path, outlets, "antara-babel")  # stored, but no alert could be queued
        assert code == 1 and "not queued for" in err, err
        assert not any(s.startswith(babel) for _, s, _ in outbox_rows(tmp_path / "data"))
        with sqlite3.connect(tmp_path / "data" / "pantau.db") as conn:
            conn.execute("DROP TRIGGER refuse")

        assert crawl(tmp_path, outlets, "antara-bengkulu")[0] == 0  # any later crawl takes them up
    finally:
        controller.stop()
    rows = outbox_rows(tmp_path / "data")
    waiting = {(rule, s) for rule, s, _ in rows if s.startswith(babel)}
    assert len(waiting) >= 2 and {rule for rule, _ in waiting} == {"semua", "imbauan"}, rows
    assert all(status == "sent" for _, _, status in rows), rows
    received = Counter((m["X-Pantau-Rule"], story(m)) for m in inbox.messages)
    assert set(received) == {(rule, s) for rule, s, _ in rows} and max(received.values()) == 1, received
    with sqlite3.connect(tmp_path / "data" / "pantau.db") as conn:
        assert conn.execute("SELECT count(*) FROM alerts_pending").fetchone()[0] == 0
