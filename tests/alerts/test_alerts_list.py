"""``pantau alerts list``: times in WIB like ``pantau status``, and the story of each failing alert."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from helpers import run_cli

from pantau.alerts.outbox import Outbox
from pantau.config import AlertRule


def test_list_in_wib_naming_the_failing_story(capsys, tmp_path: Path) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text('[[alert]]\nname = "babel"\nrecipients = ["analis@example.org"]\n', encoding="utf-8")
    data = tmp_path / "data"
    rule = AlertRule(name="babel", recipients=["analis@example.org"])
    outbox = Outbox(data / "pantau.db", clock=lambda: datetime(2024, 11, 1, 9, 30, tzinfo=UTC))
    outbox.enqueue(rule, "https://a.id/terkirim")
    outbox.enqueue(rule, "https://a.id/gagal")
    first, second = outbox.rows()
    outbox._mark_sent([first.id])
    outbox._mark_failed([second.id], "SMTP 127.0.0.1:25: ConnectionRefusedError")
    outbox.close()
    code, out, _ = run_cli(capsys, "--config", str(config), "--data-dir", str(data), "alerts", "list")
    assert code == 0
    assert "    sent 2024-11-01 16:30 WIB  https://a.id/terkirim\n" in out
    assert ("    failing https://a.id/gagal: 1 attempt(s), next 2024-11-01 16:31 WIB; "
            "SMTP 127.0.0.1:25: ConnectionRefusedError\n") in out
