"""Outlet health: mail once per breakage and once per recovery, through the outbox, to a real SMTP server.

A real aiosmtpd server on loopback and real SQLite files throughout; the last test drives the
scheduler's crawl job (a real crawl of the fixture site in a child process) with an outlet whose
sources are dead, then alive again.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import Inbox, free_port, run_cli, smtp_server

from pantau.alerts.channels import channel_for
from pantau.config import Config, load_config
from pantau.fixture_site import FixtureSite
from pantau.health import Notices
from pantau.state import CrawlState
from schedules.jobs import RunSettings, crawl_job

CONFIG = """
[crawl]
autothrottle = false
download_timeout = 2
retry_times = 0

[smtp]
host = "127.0.0.1"
port = {port}
sender = "pantau@example.org"

[health]
failures = {failures}
silent_after = "3d"
recipients = ["pemelihara@example.org"]
"""
OUTLET = {"kabar-babel": "Kabar Babel"}


def configure(tmp_path: Path, port: int, failures: int = 2) -> tuple[Path, Config]:
    path = tmp_path / "pantau.toml"
    path.write_text(CONFIG.format(port=port, failures=failures))
    return path, load_config(path, tmp_path / "data", environ={})


def subjects(inbox: Inbox) -> list[str]:
    return [str(m["Subject"]) for m in inbox.messages]


class Clock:
    """The time the health checks see, moved by the test."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def test_one_mail_when_an_outlet_breaks_and_one_when_it_recovers(tmp_path: Path) -> None:
    port = free_port()
    controller, inbox = smtp_server(port)
    _, config = configure(tmp_path, port)
    clock = Clock()
    state, notices, channel = CrawlState(config.db_path), Notices(config, clock), channel_for(config)
    now = clock.now

    def after_run() -> None:  # what the scheduler does after each crawl, a minute after the last one
        clock.now += timedelta(minutes=1)
        notices.check(OUTLET)
        notices.deliver(channel)

    try:
        state.record_run("kabar-babel", now - timedelta(hours=6), failed=False, new=3)
        after_run()
        state.record_run("kabar-babel", now - timedelta(hours=5), failed=True, new=0, error="HTTP 404 for /rss")
        after_run()
        assert inbox.messages == []  # one failed run is not a breakage with [health] failures = 2
        state.record_run("kabar-babel", now - timedelta(hours=4), failed=True, new=0, error="HTTP 404 for /rss")
        after_run()
        after_run()
        state.record_run("kabar-babel", now - timedelta(hours=3), failed=True, new=0, error="HTTP 404 for /rss")
        after_run()
        assert subjects(inbox) == ["[pantau] Outlet bermasalah: Kabar Babel (kabar-babel)"]
        body = inbox.messages[0].get_payload(decode=True).decode()
        assert "2 kali berturut-turut gagal" in body and "HTTP 404 for /rss" in body
        assert inbox.messages[0]["To"] == "pemelihara@example.org"

        state.mark_broken("kabar-babel", None)  # a crash after queueing, before noting it: checked again
        after_run()
        assert len(inbox.messages) == 1  # the same breakage, the same outbox key: no second mail

        state.record_run("kabar-babel", now - timedelta(hours=2), failed=False, new=1)
        after_run()
        after_run()
        assert subjects(inbox)[1:] == ["[pantau] Outlet pulih: Kabar Babel (kabar-babel)"]

        clock.now = now + timedelta(days=4)
        after_run()  # no new article for three days: a new breakage, a new mail
        assert len(inbox.messages) == 3 and "bermasalah" in subjects(inbox)[2]
        assert "tidak ada artikel baru lebih dari 3d" in inbox.messages[2].get_payload(decode=True).decode()
    finally:
        controller.stop()
        notices.close()
        state.close()


def test_smtp_down_keeps_the_mail_queued_and_sends_it_once_when_back(tmp_path: Path) -> None:
    port = free_port()  # nothing listens here yet
    _, config = configure(tmp_path, port, failures=1)
    clock = Clock()
    state, notices, channel = CrawlState(config.db_path), Notices(config, clock), channel_for(config)
    state.record_run("kabar-babel", clock.now, failed=True, new=0, error="timeout")
    notices.check(OUTLET)
    assert notices.deliver(channel) == (0, 1)
    (row,) = notices.outbox.rows()
    assert row.status == "queued" and "ConnectionRefusedError" in (row.last_error or "")
    controller, inbox = smtp_server(port)
    try:
        assert notices.deliver(channel) == (0, 0)  # not due before its backoff
        clock.now += timedelta(minutes=2)
        assert notices.deliver(channel) == (1, 0)
        notices.check(OUTLET)
        clock.now += timedelta(hours=1)
        assert notices.deliver(channel) == (0, 0)
        assert len(inbox.messages) == 1
    finally:
        controller.stop()
        notices.close()
        state.close()


def test_two_senders_at_once_send_the_mail_once(tmp_path: Path) -> None:
    port = free_port()
    controller, inbox = smtp_server(port, delay=0.5)  # takes its time over each message, so the senders overlap
    _, config = configure(tmp_path, port, failures=1)
    state = CrawlState(config.db_path)
    now = datetime.now(UTC)
    state.record_run("kabar-babel", now, failed=True, new=0, error="timeout")
    first, second = Notices(config), Notices(config)
    first.check(OUTLET)
    start = threading.Barrier(2)
    results: list[tuple[int, int]] = []

    def send(notices: Notices) -> None:
        start.wait()
        results.append(notices.deliver(channel_for(config)))

    try:
        threads = [threading.Thread(target=send, args=(n,)) for n in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(results) == [(0, 0), (1, 0)] and len(inbox.messages) == 1
    finally:
        controller.stop()
        first.close()
        second.close()
        state.close()


STATUS_OUTLETS = """use_builtin: false
outlets:
  - {id: sepi, name: Sepi, home: 'https://sepi.id/', listings: ['https://sepi.id/'],
     article_pattern: '^https://sepi\\\\.id/berita/\\\\d+/'}
  - {id: gagal, name: Gagal, home: 'https://gagal.id/', listings: ['https://gagal.id/'],
     article_pattern: '^https://gagal\\\\.id/berita/\\\\d+/'}
  - {id: sehat, name: Sehat, home: 'https://sehat.id/', listings: ['https://sehat.id/'],
     article_pattern: '^https://sehat\\\\.id/berita/\\\\d+/'}
  - {id: mati, name: Mati, home: 'https://mati.id/', listings: ['https://mati.id/'],
     article_pattern: '^https://mati\\\\.id/berita/\\\\d+/', enabled: false, note: contoh}
"""


def test_status_shows_the_last_new_article_and_flags_silent_and_failing_outlets(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, _ = configure(tmp_path, 25, failures=3)
    outlets = tmp_path / "outlets.yaml"
    outlets.write_text(STATUS_OUTLETS)
    state = CrawlState(tmp_path / "data" / "pantau.db")
    now = datetime.now(UTC)
    state.record_run("sepi", now - timedelta(days=5), failed=False, new=4)
    state.record_run("sepi", now - timedelta(hours=1), failed=False, new=0)
    for hours in (3, 2, 1):
        state.record_run("gagal", now - timedelta(hours=hours), failed=True, new=0, error="HTTP 404")
    state.record_run("sehat", now - timedelta(hours=1), failed=False, new=2)
    state.close()
    code, out, _ = run_cli(capsys, "--config", str(config), "--data-dir", str(tmp_path / "data"), "status",
                           "--outlets", str(outlets))
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert code == 0 and "last new article (WIB)" in lines["outlet"] and "health" in lines["outlet"]
    assert "SILENT 5d" in lines["sepi"] and "FAILING" not in lines["sepi"]
    assert "FAILING 3 runs" in lines["gagal"] and "never" in lines["gagal"]  # never stored a new article
    assert lines["sehat"].split()[-3] == "ok"
    assert "disabled" in lines["mati"] and lines["mati"].rstrip().endswith("-")  # not scheduled


def test_the_scheduler_mails_a_broken_outlet_once_and_its_recovery_once(tmp_path: Path) -> None:
    port = free_port()
    controller, inbox = smtp_server(port)
    config, _ = configure(tmp_path, port, failures=1)
    outlets = tmp_path / "outlets.yaml"
    settings = RunSettings(config_file=str(config), data_dir=str(tmp_path / "data"), outlets_files=(str(outlets),))
    try:
        with FixtureSite() as site:
            live = site.write_outlets_yaml(tmp_path / "live.yaml").read_text()
            outlets.write_text(live.replace(site.base_url("antara-bengkulu"), f"http://127.0.0.1:{free_port()}"))
            crawl_job("antara-bengkulu", settings)  # its feed and listing are gone: a failed run
            crawl_job("antara-bengkulu", settings)  # still broken: no second mail
            assert subjects(inbox) == ["[pantau] Outlet bermasalah: ANTARA Bengkulu (antara-bengkulu)"]
            outlets.write_text(live)
            crawl_job("antara-bengkulu", settings)  # back, with new articles
        assert subjects(inbox)[1:] == ["[pantau] Outlet pulih: ANTARA Bengkulu (antara-bengkulu)"]
    finally:
        controller.stop()
    health = CrawlState(tmp_path / "data" / "pantau.db").outlet_health()["antara-bengkulu"]
    assert health.failures == 0 and health.last_new is not None and health.broken_since is None


def test_a_breakage_before_recipients_were_configured_is_announced_once_they_are(tmp_path: Path) -> None:
    port = free_port()
    controller, inbox = smtp_server(port)
    _, config = configure(tmp_path, port, failures=1)
    quiet = config.model_copy(update={"health": config.health.model_copy(update={"recipients": []})})
    state = CrawlState(config.db_path)
    state.record_run("kabar-babel", datetime.now(UTC), failed=True, new=0, error="timeout")

    def after_run(cfg: Config) -> None:
        notices = Notices(cfg)
        notices.check(OUTLET)
        notices.deliver(channel_for(cfg))
        notices.close()

    try:
        after_run(quiet)
        assert inbox.messages == [] and state.outlet_health()["kabar-babel"].broken_since is None
        after_run(config)
        assert subjects(inbox) == ["[pantau] Outlet bermasalah: Kabar Babel (kabar-babel)"]
    finally:
        controller.stop()
        state.close()
