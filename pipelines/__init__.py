"""Scrapy item pipelines, one module per stage (order in crawler.settings.ITEM_PIPELINES)."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pantau.config import Config, load_config


class NotAnArticle(DropItem):
    """The page fetched is not an article (no main text): remembered so it is not fetched again.

    An expected outcome, not a warning: logged at DEBUG and counted as ``rejected``.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="DEBUG")


def config_from(crawler: Crawler) -> Config:
    """The validated config the run was started with (``pantau crawl``), else the default one."""
    config = crawler.settings.get("PANTAU_CONFIG")
    return config if isinstance(config, Config) else load_config()
