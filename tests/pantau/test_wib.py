"""The one WIB helper: the day an article counts for and the printed forms, from any zone."""

from datetime import UTC, datetime, timedelta, timezone

from pantau.wib import cli_time, local_day, minute, reader_time

LATE_UTC = datetime(2024, 10, 31, 18, 30, tzinfo=UTC)  # 01:30 on 1 November in Jakarta


def test_local_day_is_the_jakarta_day_not_the_utc_one() -> None:
    assert local_day(LATE_UTC) == "2024-11-01"
    assert local_day(datetime(2024, 11, 1, 6, 59, tzinfo=UTC)) == "2024-11-01"
    assert local_day(datetime(2024, 11, 1, 17, 0, tzinfo=UTC)) == "2024-11-02"
    # a page's own offset (WITA, UTC+8) is read as the moment it names
    assert local_day(datetime(2024, 11, 1, 0, 30, tzinfo=timezone(timedelta(hours=8)))) == "2024-10-31"


def test_printed_forms() -> None:
    assert minute(LATE_UTC) == "2024-11-01 01:30"
    assert cli_time(LATE_UTC) == "2024-11-01 01:30 WIB"
    assert reader_time(LATE_UTC) == "01-11-2024 01:30 WIB"
