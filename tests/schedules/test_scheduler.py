"""The scheduler's machinery with real child processes, real crawls and a real SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import child_targets
import pytest
from conftest import run_pantau

from pantau.config import load_config
from pantau.fixture_site import FixtureSite
from schedules.jobs import RunSettings, Supervisor, crawl_job, run_in_child
from schedules.runs import RunLog


def test_child_returns_its_summary() -> None:
    outcome, summary, _ = run_in_child(child_targets.quick, (7,), time_limit=60, supervisor=Supervisor())
    assert outcome == "ok" and summary is not None and summary["value"] == 7


def test_child_over_its_time_limit_is_stopped_and_recorded_as_timeout() -> None:
    started = time.monotonic()
    outcome, summary, detail = run_in_child(child_targets.sleepy, (60,), time_limit=1.0,
                                            supervisor=Supervisor(stop_grace=2))
    assert outcome == "timeout" and summary is None and "limit" in detail
    assert time.monotonic() - started < 20


def test_crashing_child_is_an_error() -> None:
    outcome, _, detail = run_in_child(child_targets.crashing, (), time_limit=60, supervisor=Supervisor())
    assert outcome == "error" and "exit code 3" in detail


def test_crawl_job_runs_a_real_crawl_in_a_child_and_records_it(tmp_path: Path) -> None:
    with FixtureSite() as site:
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        settings = RunSettings(data_dir=str(tmp_path / "data"), outlets_files=(str(outlets),))
        crawl_job("antara-bengkulu", settings)
    log = RunLog(tmp_path / "data" / "pantau.db")
    run = log.last("antara-bengkulu")
    assert run is not None and run.outcome == "ok" and run.new >= 3 and run.duration is not None
    assert '"outlet": "antara-bengkulu"' in (run.detail or "")
    status = run_pantau("--data-dir", str(tmp_path / "data"), "status", "--outlets", str(outlets))
    line = next(x for x in status.stdout.splitlines() if x.startswith("antara-bengkulu"))
    assert " ok " in line and "never" not in line


def test_sigterm_during_a_run_stops_cleanly_and_leaves_the_store_consistent(tmp_path: Path) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text("[crawl]\nautothrottle = false\ndownload_timeout = 60\nretry_times = 0\n")
    with FixtureSite(faults=True, timeout_delay=45) as site:  # the slow page keeps the crawl busy
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        proc = subprocess.Popen(
            [sys.executable, "-m", "pantau.cli", "--config", str(config), "--data-dir", str(tmp_path / "data"),
             "schedule", "--outlets", str(outlets), "--run-now"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        db = tmp_path / "data" / "pantau.db"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            time.sleep(1)
            if db.exists() and _count(db, "SELECT COUNT(*) FROM runs WHERE outlet = 'trawang-news'") and \
                    _count(db, "SELECT COUNT(*) FROM pages") > 10:
                break
        time.sleep(2)
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0, output[-3000:]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {u for (u,) in conn.execute("SELECT url FROM articles")}
    known = {u for (u,) in conn.execute("SELECT url FROM pages WHERE status = 'stored'")}
    assert stored and stored == known  # every stored article is known to the crawl state, and only those
    outcomes = dict(conn.execute("SELECT outlet, outcome FROM runs"))
    assert outcomes["trawang-news"] == "stopped", outcomes
    assert "running" not in outcomes.values()


def _count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("bad", ['[[alert]]\nname = "a"\nrecipients = ["x@y.id"]\ndigest_schedule = "tiap pagi"\n',
                                 '[crawl]\ndefault_schedule = "*/99 * * *"\n'])
def test_malformed_cron_is_refused_at_start_up_naming_it(tmp_path: Path, bad: str) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text(bad)
    proc = run_pantau("--config", str(config), "--data-dir", str(tmp_path / "data"), "schedule", timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "schedule" in proc.stderr and "cron" in proc.stderr
    with pytest.raises(Exception, match="cron"):
        load_config(config)
