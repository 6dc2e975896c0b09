"""Alerts end to end: a fixture-site crawl, a real SMTP server (aiosmtpd) on loopback, the outbox."""

from __future__ import annotations

import email
import json
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from helpers import free_port, run_pantau, smtp_server

from pantau.fixture_site import FixtureSite

RULES = """
[crawl]
autothrottle = false

[smtp]
host = "127.0.0.1"
port = {port}
sender = "pantau@example.org"

[[alert]]
name = "imbauan-babel"
tags_any = ["imbauan"]
regions = ["Kepulauan Bangka Belitung"]
recipients = ["analis@example.org"]

[[alert]]
name = "harian"
recipients = ["redaksi@example.org"]
mode = "digest"
"""


def docs(data_dir: Path) -> list[dict[str, Any]]:
    proc = run_pantau("--data-dir", str(data_dir), "export")
    return [json.loads(line) for line in proc.stdout.splitlines()]


def expected_advisories(data_dir: Path) -> set[str]:
    return {d["url"] for d in docs(data_dir)
            if {"netralitas-asn", "imbauan"} <= set(d["tags"]) and d["duplicate_of"] is None
            and any(r["province"] == "Kepulauan Bangka Belitung" for r in d["regions"])}


def text_of(message: Message) -> str:
    return "\n".join(part.get_payload(decode=True).decode() for part in message.walk()
                     if part.get_content_type() in ("text/plain", "text/html"))


@pytest.fixture
def site() -> FixtureSite:
    with FixtureSite() as running:
        yield running


def crawl(site: FixtureSite, tmp: Path, config: Path, *only: str) -> None:
    outlets = site.write_outlets_yaml(tmp / "outlets.yaml")
    args = ["--config", str(config), "--data-dir", str(tmp / "data"), "crawl", "--outlets", str(outlets), "--quiet"]
    for outlet in only or site.outlet_ids:
        args += ["--only", outlet]
    proc = run_pantau(*args)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_one_message_per_rule_and_new_advisory_never_again(site: FixtureSite, tmp_path: Path) -> None:
    port = free_port()
    config = tmp_path / "pantau.toml"
    config.write_text(RULES.format(port=port))
    controller, inbox = smtp_server(port)
    try:
        crawl(site, tmp_path, config, "antara-babel")  # then the rest (every order: test_story_crawl_order.py)
        crawl(site, tmp_path, config)
        expected = expected_advisories(tmp_path / "data")
        immediate = [m for m in inbox.messages if m["X-Pantau-Rule"] == "imbauan-babel"]
        assert len(expected) >= 3
        assert len(immediate) == len(expected)
        assert {m["To"] for m in immediate} == {"analis@example.org"}
        bodies = [text_of(m) for m in immediate]
        assert sum(url in body for body in bodies for url in expected) == len(expected)
        copy = next(d["url"] for d in docs(tmp_path / "data") if d["duplicate_of"])
        assert not any(copy in body for body in bodies)  # the syndicated copy sends nothing
        first = next(b for b in bodies if "Sekda Belitung" in b)
        assert "WIB" in first and "Imbauan / peringatan" in first and "MZ Hendra Caya" in first
        assert "Kabupaten Belitung" in first

        crawl(site, tmp_path, config)  # a second crawl: nothing new, nothing sent
        assert len([m for m in inbox.messages if m["X-Pantau-Rule"] == "imbauan-babel"]) == len(expected)

        assert not [m for m in inbox.messages if m["X-Pantau-Rule"] == "harian"]
        proc = run_pantau("--config", str(config), "--data-dir", str(tmp_path / "data"), "alerts", "digest", "harian")
        assert proc.returncode == 0, proc.stderr
        digests = [m for m in inbox.messages if m["X-Pantau-Rule"] == "harian"]
        neutrality = [d for d in docs(tmp_path / "data") if "netralitas-asn" in d["tags"] and not d["duplicate_of"]]
        assert len(digests) == 1 and f": {len(neutrality)} berita" in digests[0]["Subject"]
        assert all(d["url"] in text_of(digests[0]) for d in neutrality)
        run_pantau("--config", str(config), "--data-dir", str(tmp_path / "data"), "alerts", "digest", "harian")
        assert len([m for m in inbox.messages if m["X-Pantau-Rule"] == "harian"]) == 1
    finally:
        controller.stop()


def test_smtp_down_queues_alerts_and_sends_them_once_when_back(site: FixtureSite, tmp_path: Path) -> None:
    port = free_port()  # nothing listens here yet
    config = tmp_path / "pantau.toml"
    config.write_text(RULES.format(port=port))
    crawl(site, tmp_path, config)
    data = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    listing = run_pantau(*data, "alerts").stdout
    expected = expected_advisories(tmp_path / "data")
    assert f"sent 0, queued {len(expected)}, failing {len(expected)}" in listing
    assert "ConnectionRefusedError" in listing
    controller, inbox = smtp_server(port)
    try:
        assert run_pantau(*data, "alerts", "flush").returncode == 0
        assert len(inbox.messages) == len(expected)
        run_pantau(*data, "alerts", "flush")
        crawl(site, tmp_path, config)
        assert len(inbox.messages) == len(expected)
        assert f"sent {len(expected)}, queued 0, failing 0" in run_pantau(*data, "alerts").stdout
    finally:
        controller.stop()


def test_without_smtp_host_messages_are_eml_files(site: FixtureSite, tmp_path: Path) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text(RULES.format(port=25).replace('host = "127.0.0.1"\n', ""))
    crawl(site, tmp_path, config, "antara-babel")
    files = sorted((tmp_path / "data" / "outbox").glob("*.eml"))
    assert len(files) == len(expected_advisories(tmp_path / "data")) >= 1
    message = email.message_from_bytes(files[0].read_bytes())
    assert message.is_multipart() and message["To"] == "analis@example.org"
    proc = run_pantau("--config", str(config), "--data-dir", str(tmp_path / "data"), "alerts", "send-test", "harian")
    assert proc.returncode == 0 and len(list((tmp_path / "data" / "outbox").glob("*.eml"))) == len(files) + 1
    bad = run_pantau("--config", str(config), "--data-dir", str(tmp_path / "data"), "alerts", "send-test", "x")
    assert bad.returncode == 2 and "no alert rule named 'x'" in bad.stderr
