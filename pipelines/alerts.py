"""Stage 8: alert rules on newly stored stories; queued in the outbox, sent at the end of the crawl.

Sending claims each alert first (see ``pantau.alerts.outbox``), so crawls that
end together, a flush and the scheduler never mail one story twice.

Only a story stored for the first time that is not a syndicated copy is
looked at: an unchanged re-crawl, an update of a known story or a duplicate
never alerts. A story's original stored after a copy of it that was alerted on
does not alert again: the outbox keeps one alert per rule and syndicated story
(``Outbox.enqueue``). A send failure never fails the crawl: the alert stays queued.

A new story is recorded as waiting for its rules in the transaction that makes its page
known (``CrawlState.record_stored``), and cleared here once its alerts are queued. A story
whose alerts could not be queued (the outbox's write refused on a full disk, a crawl killed
in between) is taken up again at the end of the next crawl, from the stored article:
``enqueue`` is idempotent, so taking one up twice queues nothing twice.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector

from crawler import report
from crawler.context import crawl_context
from crawler.items import PageItem
from pantau.alerts.channels import channel_for
from pantau.alerts.outbox import Outbox
from pantau.alerts.rules import rule_matches
from pantau.config import Config
from pantau.state import CrawlState
from pantau.store import ArticleStore, StoreError

logger = logging.getLogger(__name__)


class AlertsPipeline:
    def __init__(self, config: Config, stats: StatsCollector, store: ArticleStore, state: CrawlState) -> None:
        self.config = config
        self.stats = stats
        self.store = store  # the crawl's (crawler.context), open until the crawl ends
        self.state = state
        self.outbox = Outbox(config.db_path)
        self.tried: set[str] = set()  # this crawl's new stories: their problems are reported already

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AlertsPipeline:
        context = crawl_context(crawler)
        if not context.config.alert:
            # no [[alert]] rules: off. Without a message, so Scrapy does not warn "Disabled …" on every
            # crawl of a setup that simply has no alerts.
            raise NotConfigured
        return cls(context.config, crawler.stats, context.store, context.state)

    def process_item(self, item: PageItem) -> PageItem:
        if item.outcome != "new" or item.duplicate_of is not None or item.article is None:
            return item
        self.tried.add(item.url)
        problems = self._queue(item.article.to_doc())
        for problem in problems:
            report.error(self.stats, item.outlet, problem)
        if not problems:
            self._applied(item.url)
        return item

    def _queue(self, doc: dict[str, Any]) -> list[str]:
        """Queue the alerts of every rule the story matches; the problems, one line each (none: all queued)."""
        problems = []
        for rule in self.config.alert:
            try:
                if rule_matches(rule, doc, self.store) and self.outbox.enqueue(rule, doc["url"]):
                    self.stats.inc_value(f"pantau/alerts/queued/{rule.name}")
            except (StoreError, sqlite3.Error, OSError) as exc:  # the store, or the outbox's file: say which, go on
                problems.append(f"alert {rule.name!r} not queued for {doc['url']}: {exc}")
        return problems

    def _applied(self, url: str) -> None:
        try:
            self.state.alerts_applied(url)
        except (sqlite3.Error, OSError) as exc:  # still noted as waiting: taken up again, queued nothing twice
            logger.warning("%s stays noted as waiting for its alerts: %s", url, exc)

    def _queue_waiting(self) -> None:
        """Queue the alerts of new stories an earlier crawl stored but could not queue alerts for."""
        try:
            waiting = self.state.alerts_pending()
        except (sqlite3.Error, OSError) as exc:
            logger.warning("stories waiting for their alerts not read: %s", exc)
            return
        for url in (u for u in waiting if u not in self.tried):
            try:
                doc = self.store.get(url)
            except StoreError as exc:
                logger.warning("alerts of %s not queued (the store): %s", url, exc)
                continue
            if doc is not None and not doc.get("duplicate_of"):  # gone from the store, or now a copy: nothing
                problems = self._queue(doc)
                for problem in problems:
                    logger.warning("%s", problem)
                if problems:
                    continue
            self._applied(url)

    def close_spider(self) -> None:
        """Queue what earlier crawls could not, then send what is due, for at most ``[crawl]
        alert_send_budget`` seconds: a slow or hung mail server must not hold the crawl; what is left is
        sent by the scheduler's retry or a flush."""
        try:
            self._queue_waiting()
            done = self.outbox.deliver_due(self.config.alert, self.store, channel_for(self.config),
                                           self.config.smtp.sender, budget=self.config.crawl.alert_send_budget)
            self.stats.set_value("pantau/alerts/sent", done.sent)
            self.stats.set_value("pantau/alerts/failed", done.failed)
            if done.failed:
                logger.warning("%d alert(s) could not be sent now; they stay queued for retry", done.failed)
            if done.left:
                logger.warning("%d alert(s) left queued after %.0f s of sending; the scheduler's retry or "
                               "`pantau alerts flush` sends them", done.left, self.config.crawl.alert_send_budget)
        finally:
            self.outbox.close()
