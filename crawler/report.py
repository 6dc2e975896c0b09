"""Per-outlet crawl figures, kept in Scrapy's stats and turned into the run summary.

The spider and every pipeline count into ``pantau/<outlet>/<key>`` stats; error
messages (one line each) go to ``pantau/<outlet>/error_messages``. The summary
is what ``pantau crawl`` prints and what the scheduler records per run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from scrapy.statscollectors import StatsCollector

KEYS = ("pages_fetched", "new", "updated", "unchanged", "duplicates", "rejected", "skipped_known", "errors")
CRAWL = "_crawl"  # the "outlet" of errors that belong to none (a failing close_spider, a signal handler)


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
    sources_read: int = 0  # feeds, sitemaps and listing pages answered (200 or 304)
    errors: list[str] = field(default_factory=list)


@dataclass
class CrawlSummary:
    outlets: list[OutletSummary]
    finish_reason: str = "finished"
    errors: list[str] = field(default_factory=list)  # errors of no outlet
    interrupted_by: str | None = None  # "SIGINT" | "SIGTERM": the crawl was stopped early

    @classmethod
    def from_stats(cls, stats: dict[str, Any], outlet_ids: list[str], *, logged: Sequence[str] = (),
                   interrupted_by: str | None = None) -> CrawlSummary:
        rows = []
        for oid in outlet_ids:
            counts = {k: int(stats.get(f"pantau/{oid}/{k}", 0)) for k in (*KEYS, "sources_read") if k != "errors"}
            rows.append(OutletSummary(oid, errors=list(stats.get(f"pantau/{oid}/error_messages", [])), **counts))
        unattributed = [m for oid in {k.split("/")[1] for k in stats if k.startswith("pantau/")} - set(outlet_ids)
                        for m in stats.get(f"pantau/{oid}/error_messages", [])]
        return cls(rows, str(stats.get("finish_reason", "finished")), [*unattributed, *logged], interrupted_by)

    def to_json(self) -> dict[str, Any]:
        return {"outlets": [asdict(o) for o in self.outlets], "finish_reason": self.finish_reason,
                "errors": self.errors, "interrupted_by": self.interrupted_by}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CrawlSummary:
        return cls([OutletSummary(**o) for o in data["outlets"]], data.get("finish_reason", "finished"),
                   list(data.get("errors") or []), data.get("interrupted_by"))

    @property
    def total_errors(self) -> int:
        return sum(len(o.errors) for o in self.outlets) + len(self.errors)

    def outcome(self, row: OutletSummary) -> str:
        """How the crawl went for one outlet, as the run record says it: stopped, error or ok."""
        if self.interrupted_by:
            return "stopped"
        return "error" if self.errors or row.errors or not row.sources_read else "ok"

    def for_outlet(self, outlet: str) -> dict[str, Any]:
        """The summary as JSON with only this outlet's row (for its run record)."""
        data = self.to_json()
        data["outlets"] = [o for o in data["outlets"] if o["outlet"] == outlet]
        return data

    @property
    def failed(self) -> bool:
        """An outlet had errors or read none of its sources, or the crawl had an error of its own."""
        return bool(self.errors) or any(o.errors or not o.sources_read for o in self.outlets)
