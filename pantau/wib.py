"""WIB (Waktu Indonesia Barat, Asia/Jakarta): the zone of pantau's readers, and its printed forms.

Stored times are UTC or carry the offset the page gave; what a person filters on or reads is in
WIB: the day an article counts for (``search --since/--until``, the browse facets, Kibana's
``day``), the schedules' cron times, and the times the command line and the mails print. One
module, so the zone, the day rule and the printed forms cannot drift apart between the places
that use them.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

TIMEZONE = "Asia/Jakarta"
WIB = ZoneInfo(TIMEZONE)


def local_day(when: datetime) -> str:
    """``YYYY-MM-DD``: the WIB day of a moment (published at 20:00 UTC is the next day for its readers)."""
    return when.astimezone(WIB).date().isoformat()


def minute(when: datetime) -> str:
    """``2024-11-01 16:30``: a moment to the minute in WIB, for a table whose header says "(WIB)"."""
    return when.astimezone(WIB).strftime("%Y-%m-%d %H:%M")


def cli_time(when: datetime) -> str:
    """``2024-11-01 16:30 WIB``: a moment as the command line prints it."""
    return f"{minute(when)} WIB"


def reader_time(when: datetime) -> str:
    """``01-11-2024 16:30 WIB``: a moment as the mails and the browse pages print it, day first as
    their Indonesian readers write dates."""
    return when.astimezone(WIB).strftime("%d-%m-%Y %H:%M WIB")
