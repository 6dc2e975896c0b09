"""An alert rule alerts once per syndicated story: its pages share one outbox row (real SQLite data dir)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pantau.alerts.outbox import Outbox
from pantau.config import AlertRule
from pantau.state import CrawlState, Placement

COPY, ORIGINAL = "https://kabar.id/1", "https://antara.id/1"
RULE = AlertRule(name="foto-caleg", recipients=["analis@example.org"])
OTHER_RULE = AlertRule(name="semua", recipients=["redaksi@example.org"])


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    box = Outbox(tmp_path / "pantau.db")
    yield box
    box.close()


def original_stored_after_its_copy(data: Path) -> None:
    """What the store stage records when the original turns up after its copy (pantau.stories)."""
    state = CrawlState(data / "pantau.db")
    state.record_stored(ORIGINAL, "antara", datetime(2024, 10, 2, tzinfo=UTC), "fp", (), [],
                        Placement(ORIGINAL, (COPY,)))
    state.close()


def rows(outbox: Outbox) -> list[tuple[str, str, str]]:
    return [(r.rule, r.story, r.status) for r in outbox.rows()]


def test_the_original_of_a_story_alerted_on_through_its_copy_queues_nothing(outbox: Outbox, tmp_path: Path) -> None:
    assert outbox.enqueue(RULE, COPY)
    outbox.conn.execute("UPDATE alerts SET status = 'sent', attempts = 1, sent = created")
    original_stored_after_its_copy(tmp_path)
    assert not outbox.enqueue(RULE, ORIGINAL)
    assert not outbox.enqueue(RULE, COPY)
    assert rows(outbox) == [("foto-caleg", COPY, "sent")]
    assert outbox.enqueue(OTHER_RULE, ORIGINAL)  # once per rule: another rule still has its own


def test_an_alert_still_waiting_moves_to_the_original(outbox: Outbox, tmp_path: Path) -> None:
    assert outbox.enqueue(RULE, COPY)
    original_stored_after_its_copy(tmp_path)
    assert not outbox.enqueue(RULE, ORIGINAL)  # not a second alert: the one there now names the source
    assert rows(outbox) == [("foto-caleg", ORIGINAL, "queued")]


@pytest.mark.parametrize("tried", ["attempts = 1", "claimed_by = 'f00d'"])
def test_an_alert_a_sender_has_tried_or_holds_stays_as_it_is(outbox: Outbox, tmp_path: Path, tried: str) -> None:
    """Its Message-ID, made from the page it names, must stay what a mail server may already have."""
    assert outbox.enqueue(RULE, COPY)
    outbox.conn.execute(f"UPDATE alerts SET {tried}")  # noqa: S608 - the test's own SQL
    original_stored_after_its_copy(tmp_path)
    assert not outbox.enqueue(RULE, ORIGINAL)
    assert rows(outbox) == [("foto-caleg", COPY, "queued")]


def test_a_page_of_no_syndicated_story_is_its_own_story(outbox: Outbox) -> None:
    assert outbox.enqueue(RULE, "health/antara/broken/2024-10-01")
    assert not outbox.enqueue(RULE, "health/antara/broken/2024-10-01")
    assert outbox.enqueue(RULE, COPY) and outbox.enqueue(RULE, ORIGINAL)  # not linked: two stories
