"""Per-outlet crawl figures, kept in Scrapy's stats and turned into the run summary.

The spider and every pipeline count into ``pantau/<outlet>/<key>`` stats; error
messages (one line each) go to ``pantau/<outlet>/error_messages``. The summary
is what ``pantau crawl`` prints and what the scheduler records per run.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from scrapy.statscollectors import StatsCollector

KEYS = ("pages_fetched", "new", "updated", "unchanged", "duplicates", "rejected", "skipped_known", "errors")


def count(stats: StatsCollector, outlet: str, key: str, n: int = 1) -> None:
    stats.inc_value(f"pantau/{outlet}/{key}", n)


def has_errors(stats: StatsCollector, outlet: str) -> bool:
    return bool(stats.get_value(f"pantau/{outlet}/errors"))


def error(stats: StatsCollector, outlet: str, message: str) -> None:
    """Record a one-line error for the outlet (the crawl goes on)."""
    count(stats, outlet, "errors")
    messages = stats.get_value(f"pantau/{outlet}/error_messages") or []
    messages.append(" ".join(message.split())[:300])
    stats.set_value(f"pantau/{outlet}/error_messages", messages)


@dataclass
class OutletSummary:
    outlet: str
    pages_fetched: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped_known: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class CrawlSummary:
    outlets: list[OutletSummary]
    finish_reason: str = "finished"

    @classmethod
    def from_stats(cls, stats: dict[str, Any], outlet_ids: list[str]) -> CrawlSummary:
        rows = []
        for oid in outlet_ids:
            counts = {k: int(stats.get(f"pantau/{oid}/{k}", 0)) for k in KEYS if k != "errors"}
            rows.append(OutletSummary(oid, errors=list(stats.get(f"pantau/{oid}/error_messages", [])), **counts))
        return cls(rows, str(stats.get("finish_reason", "finished")))

    def to_json(self) -> dict[str, Any]:
        return {"outlets": [asdict(o) for o in self.outlets], "finish_reason": self.finish_reason}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CrawlSummary:
        return cls([OutletSummary(**o) for o in data["outlets"]], data.get("finish_reason", "finished"))

    @property
    def total_errors(self) -> int:
        return sum(len(o.errors) for o in self.outlets)
