"""The scheduler's machinery with real child processes, real crawls and a real SIGTERM."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import child_targets
import pytest
from helpers import assert_each_alert_mailed_once, free_port, run_pantau, smtp_server, wait_gone

from pantau.config import load_config
from pantau.fixture_site import FixtureSite
from pantau.runs import RunLog
from schedules.jobs import RunSettings, Supervisor, crawl_job, run_in_child


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
    config.write_text("[crawl]\nautothrottle = false\ndownload_timeout = 60\nretry_times = 0\njitter = 0\n")
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


def test_the_schedulers_time_limit_kill_leaves_no_worker_behind(tmp_path: Path) -> None:
    pids_file = tmp_path / "workers"
    deadline = time.monotonic() + 60

    def worker_pids() -> set[int]:
        return {int(p) for p in pids_file.read_text().split()} if pids_file.exists() else set()

    # The child ignores SIGTERM, so the limit ends in SIGKILL: nothing runs its clean-up.
    outcome, _, detail = run_in_child(child_targets.crawl_with_workers_that_ignores_sigterm, (str(pids_file),),
                                      time_limit=8, supervisor=Supervisor(stop_grace=1))
    assert outcome == "timeout", detail
    workers = worker_pids()
    assert len(workers) == 2 and time.monotonic() < deadline
    assert all(pid != os.getpid() for pid in workers)
    left = wait_gone(workers)
    assert not left, f"workers outlived their crawl: {sorted(left)}"


SCHEDULE_CONFIG = """
[crawl]
autothrottle = false
workers = 0
jitter = {jitter}
alert_send_budget = 60

[smtp]
host = "127.0.0.1"
port = {port}
sender = "pantau@example.org"

[[alert]]
name = "semua"
recipients = ["analis@example.org"]
"""
NEVER = "0 0 1 1 *"  # a cron that does not fire during a test: --run-now starts the crawls


def schedule(tmp: Path, config: Path, outlets: Path, only: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pantau.cli", "--config", str(config), "--data-dir",
                             str(tmp / "data"), "schedule", "--outlets", str(outlets), "--run-now",
                             *[a for o in only for a in ("--only", o)]],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def runs(tmp: Path) -> list[tuple[str, str, str]]:
    try:
        with sqlite3.connect(tmp / "data" / "pantau.db", timeout=5) as conn:
            return list(conn.execute("SELECT outlet, started, outcome FROM runs ORDER BY id"))
    except sqlite3.OperationalError:
        return []


def test_outlets_on_one_cron_get_start_times_spread_over_the_jitter(tmp_path: Path) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler

    from pantau.wib import TIMEZONE
    from schedules.service import cron_trigger, job_specs, reconcile

    jitter, cron = 120, "*/30 * * * *"
    (tmp_path / "pantau.toml").write_text(SCHEDULE_CONFIG.format(jitter=jitter, port=25))
    config = load_config(tmp_path / "pantau.toml", data_dir=tmp_path / "data", environ={})
    with FixtureSite() as site:
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml", schedule=cron)
        settings = RunSettings(data_dir=str(tmp_path / "data"), outlets_files=(str(outlets),),
                               only=tuple(site.outlet_ids))
        scheduler = BackgroundScheduler(timezone=TIMEZONE)
        scheduler.start(paused=True)
        try:
            fire = cron_trigger(cron).get_next_fire_time(None, datetime.now(scheduler.timezone))
            reconcile(scheduler, job_specs(config, settings))
            starts = [job.next_run_time for job in scheduler.get_jobs() if job.id.startswith("crawl:")]
        finally:
            scheduler.shutdown(wait=False)
    assert len(starts) == len(site.outlet_ids) == len(set(starts))
    assert all(timedelta(0) <= start - fire <= timedelta(seconds=jitter) for start in starts), (fire, starts)
    assert max(starts) - min(starts) > timedelta(seconds=1)  # not all at once (they were within 21 ms)


def test_the_scheduler_spreads_its_crawls_and_mails_each_story_once(tmp_path: Path) -> None:
    port = free_port()
    config = tmp_path / "pantau.toml"
    config.write_text(SCHEDULE_CONFIG.format(jitter=4, port=port))
    controller, inbox = smtp_server(port, delay=0.3)
    try:
        with FixtureSite() as site:
            outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml", schedule=NEVER)
            proc = schedule(tmp_path, config, outlets, site.outlet_ids)
            deadline = time.monotonic() + 150
            while time.monotonic() < deadline and \
                    sum(outcome not in ("running",) for _, _, outcome in runs(tmp_path)) < len(site.outlet_ids):
                time.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            output, _ = proc.communicate(timeout=120)
    finally:
        controller.stop()
    assert proc.returncode == 0, output[-3000:]
    done = runs(tmp_path)
    assert sorted(o for o, _, _ in done) == sorted(site.outlet_ids) and {c for _, _, c in done} == {"ok"}, done
    started = sorted(datetime.fromisoformat(s) for _, s, _ in done)
    assert started[-1] - started[0] > timedelta(seconds=0.3), started  # spread by the jitter, not all at once
    assert len(inbox.messages) >= 8
    assert_each_alert_mailed_once(inbox, tmp_path / "data", config, rules=("semua",))


def test_after_sigterm_no_crawl_starts_and_a_second_scheduler_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text(SCHEDULE_CONFIG.format(jitter=0, port=free_port()))
    with FixtureSite() as site:  # six crawls due at once on four job threads: two wait for a thread
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml", schedule=NEVER)
        proc = schedule(tmp_path, config, outlets, site.outlet_ids)
        deadline = time.monotonic() + 60
        while not runs(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = run_pantau("--config", str(config), "--data-dir", str(tmp_path / "data"), "schedule", timeout=60)
        heartbeat = tmp_path / "data" / "scheduler.heartbeat"
        beat_age = time.time() - heartbeat.stat().st_mtime
        signalled = datetime.now(UTC)
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0, output[-3000:]
    assert second.returncode == 1 and second.stderr.count("\n") == 1
    assert "a scheduler is already running on" in second.stderr and "pid" in second.stderr
    assert beat_age < 60
    done = runs(tmp_path)
    assert 1 <= len(done) <= 4, done
    assert all(datetime.fromisoformat(s) <= signalled + timedelta(seconds=0.5) for _, s, _ in done), (signalled, done)
    assert "running" not in {c for _, _, c in done}
