"""Stage 8: alert rules on newly stored stories; queued in the outbox, sent at the end of the crawl.

Sending claims each alert first (see ``pantau.alerts.outbox``), so crawls that
end together, a flush and the scheduler never mail one story twice.

Only a story stored for the first time that is not a syndicated copy is
looked at: an unchanged re-crawl, an update of a known story or a duplicate
never alerts. A story's original stored after a copy of it that was alerted on
does not alert again: the outbox keeps one alert per rule and syndicated story
(``Outbox.enqueue``). A send failure never fails the crawl: the alert stays queued.
"""

from __future__ import annotations

import logging
import sqlite3

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
from pantau.store import ArticleStore, StoreError

logger = logging.getLogger(__name__)


class AlertsPipeline:
    def __init__(self, config: Config, stats: StatsCollector, store: ArticleStore) -> None:
        self.config = config
        self.stats = stats
        self.store = store  # the crawl's (crawler.context), open until the crawl ends
        self.outbox = Outbox(config.db_path)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AlertsPipeline:
        context = crawl_context(crawler)
        if not context.config.alert:
            # no [[alert]] rules: off. Without a message, so Scrapy does not warn "Disabled …" on every
            # crawl of a setup that simply has no alerts.
            raise NotConfigured
        return cls(context.config, crawler.stats, context.store)

    def process_item(self, item: PageItem) -> PageItem:
        if item.outcome != "new" or item.duplicate_of is not None or item.article is None:
            return item
        doc = item.article.to_doc()
        for rule in self.config.alert:
            try:
                if rule_matches(rule, doc, self.store) and self.outbox.enqueue(rule, item.url):
                    self.stats.inc_value(f"pantau/alerts/queued/{rule.name}")
            except (StoreError, sqlite3.Error, OSError) as exc:  # the store, or the outbox's file: say which, go on
                report.error(self.stats, item.outlet, f"alert {rule.name!r} not queued for {item.url}: {exc}")
        return item

    def close_spider(self) -> None:
        """Send what is due, for at most ``[crawl] alert_send_budget`` seconds: a slow or hung mail
        server must not hold the crawl; what is left is sent by the scheduler's retry or a flush."""
        try:
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
