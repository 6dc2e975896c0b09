"""Each (rule, story) is mailed once however many senders overlap: crawls ending together, flushes, a
sender killed mid-send. Real processes, a real SMTP server (aiosmtpd) that takes its time per message,
the real outbox in SQLite.
"""

from __future__ import annotations

import email
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import (
    ALERT_RULES,
    assert_each_alert_mailed_once,
    free_port,
    make_article,
    outbox_rows,
    run_pantau,
    smtp_server,
    story,
)

from pantau.alerts.channels import EmlChannel, channel_for
from pantau.alerts.outbox import Outbox
from pantau.config import load_config
from pantau.fixture_site import FixtureSite
from pantau.store.sqlite import SQLiteStore

SLOW = 0.3  # seconds the SMTP server takes per message
CONFIG = """
[crawl]
autothrottle = false
workers = 0
alert_send_budget = {budget}

[smtp]
host = "127.0.0.1"
port = {port}
sender = "pantau@example.org"
timeout = {timeout}
""" + ALERT_RULES


def write_config(tmp: Path, port: int, *, budget: float = 30, timeout: float = 10) -> Path:
    path = tmp / "pantau.toml"
    path.write_text(CONFIG.format(port=port, budget=budget, timeout=timeout))
    return path


def args(config: Path, data: Path, *rest: str) -> list[str]:
    return ["--config", str(config), "--data-dir", str(data), *rest]


def start(config: Path, data: Path, *rest: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pantau.cli", *args(config, data, *rest)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    with FixtureSite() as running:
        yield running


def test_concurrent_flushes_mail_each_queued_alert_once(site: FixtureSite, tmp_path: Path) -> None:
    port = free_port()  # nothing listens yet: the crawl queues every alert
    config, data = write_config(tmp_path, port), tmp_path / "data"
    outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
    crawl = run_pantau(*args(config, data, "crawl", "--outlets", str(outlets), "--quiet"))
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    queued = outbox_rows(data)
    assert len(queued) >= 15 and all(status == "queued" for _, _, status in queued)

    controller, inbox = smtp_server(port, delay=SLOW)
    try:
        flushes = [start(config, data, "alerts", "flush") for _ in range(4)]
        outputs = [f.communicate(timeout=120) for f in flushes]
    finally:
        controller.stop()
    assert all(f.returncode == 0 for f in flushes), outputs
    sent = [int(out.split()[1].rstrip(",")) for out, _ in outputs]  # "sent N, still queued after failure 0"
    assert sum(sent) == len(queued)
    assert sum(1 for n in sent if n) >= 2, sent  # the flushes did overlap: more than one of them sent
    assert_each_alert_mailed_once(inbox, data, config)


def test_overlapping_crawls_and_a_flush_mail_each_story_once(site: FixtureSite, tmp_path: Path) -> None:
    port = free_port()
    config, data = write_config(tmp_path, port, budget=1.5), tmp_path / "data"
    outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
    groups = [("antara-babel", "kabar-serumpun"), ("antara-bengkulu", "belitong-ekspres"),
              ("trawang-news", "linesnews")]
    controller, inbox = smtp_server(port, delay=SLOW)
    try:
        crawls = [start(config, data, "crawl", "--outlets", str(outlets), "--quiet",
                        *[a for o in group for a in ("--only", o)]) for group in groups]
        flushes = []
        while any(c.poll() is None for c in crawls):  # flushes keep starting while the crawls send
            flushes.append(start(config, data, "alerts", "flush"))
            time.sleep(1.0)
        outputs = [c.communicate(timeout=120) for c in crawls]
        for flush in flushes:
            flush.communicate(timeout=120)
        assert all(c.returncode == 0 for c in crawls), [err[-2000:] for _, err in outputs]
        last = run_pantau(*args(config, data, "alerts", "flush"))  # what the crawls' budget left
        assert last.returncode == 0, last.stderr
    finally:
        controller.stop()
    assert len(flushes) >= 2
    assert len(inbox.messages) >= 15
    assert_each_alert_mailed_once(inbox, data, config)


class HungServer:
    """Accepts SMTP connections and never says a word: a mail server that hangs."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


def test_a_live_senders_alert_is_never_taken_and_a_killed_senders_is_sent_once(tmp_path: Path) -> None:
    hung = HungServer()
    data = tmp_path / "data"
    config_path = write_config(tmp_path, hung.port, timeout=120)
    config = load_config(config_path, data_dir=data, environ={})
    rule = config.alert[0]
    store = SQLiteStore(data / "pantau.db")
    outbox = Outbox(data / "pantau.db")
    urls = [f"https://contoh.id/berita/{n}/asn" for n in range(5)]
    for url in urls:
        store.upsert(make_article(url, "Bawaslu mengingatkan ASN menjaga netralitas.", tags=("netralitas-asn",)))
        outbox.enqueue(rule, url)
    eml = tmp_path / "eml"
    try:
        stuck = start(config_path, data, "alerts", "flush")
        deadline = time.monotonic() + 30
        while not hung.accepted and time.monotonic() < deadline:  # the flush holds the first alert, sending it
            time.sleep(0.1)
        assert hung.accepted, "the flush never connected"

        first = outbox.deliver_due(config.alert, store, EmlChannel(eml), config.smtp.sender)
        assert (first.sent, first.failed) == (len(urls) - 1, 0)  # everything but the alert the live flush holds
        listing = run_pantau("--config", str(config_path), "--data-dir", str(data), "alerts").stdout
        assert "being sent now 1" in listing, listing

        stuck.kill()  # SIGKILL mid-send: no clean-up runs, the kernel drops its lock
        stuck.wait(timeout=30)
        second = outbox.deliver_due(config.alert, store, EmlChannel(eml), config.smtp.sender)
        assert (second.sent, second.failed) == (1, 0)
        assert outbox.deliver_due(config.alert, store, EmlChannel(eml), config.smtp.sender).sent == 0
    finally:
        hung.close()
        outbox.close()
        store.close()
    stories = Counter(story(email.message_from_bytes(f.read_bytes())) for f in eml.glob("*.eml"))
    assert stories == Counter(urls)


def test_a_hung_mail_server_costs_a_crawl_its_budget_not_one_timeout_per_alert(site: FixtureSite,
                                                                              tmp_path: Path) -> None:
    hung = HungServer()
    config, data = write_config(tmp_path, hung.port, budget=1, timeout=1), tmp_path / "data"
    outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
    try:
        crawl = run_pantau(*args(config, data, "crawl", "--outlets", str(outlets), "--quiet"))
    finally:
        hung.close()
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    rows = outbox_rows(data)
    assert len(rows) >= 15 and all(status == "queued" for _, _, status in rows)
    assert len(hung.accepted) <= 2  # one message tried within the budget (and its timeout), not every one
    assert "left queued" in crawl.stderr and "alerts flush" in crawl.stderr


def test_two_digests_of_one_rule_at_once_send_one_message_with_every_article(tmp_path: Path) -> None:
    port = free_port()
    data = tmp_path / "data"
    path = tmp_path / "pantau.toml"
    path.write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {port}\n\n[[alert]]\nname = "harian"\n'
                    'recipients = ["redaksi@example.org"]\nmode = "digest"\n')
    config = load_config(path, data_dir=data, environ={})
    rule = config.alert[0]
    store, outbox = SQLiteStore(data / "pantau.db"), Outbox(data / "pantau.db")
    urls = [f"https://contoh.id/berita/{n}/asn" for n in range(5)]
    for url in urls:
        store.upsert(make_article(url, "Bawaslu mengingatkan ASN menjaga netralitas.", tags=("netralitas-asn",)))
        outbox.enqueue(rule, url)
    outbox.close()
    store.close()
    carried: list[int] = []

    def digest() -> None:
        own_store, own_outbox = SQLiteStore(data / "pantau.db"), Outbox(data / "pantau.db")
        try:
            carried.append(own_outbox.send_digest(rule, own_store, channel_for(config), config.smtp.sender))
        finally:
            own_outbox.close()
            own_store.close()

    controller, inbox = smtp_server(port, delay=0.5)
    try:
        senders = [threading.Thread(target=digest) for _ in range(3)]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join(timeout=60)
    finally:
        controller.stop()
    assert sorted(carried) == [0, 0, len(urls)]
    assert len(inbox.messages) == 1 and f": {len(urls)} berita" in inbox.messages[0]["Subject"]
