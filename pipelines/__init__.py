"""Scrapy item pipelines, one module per stage (order in crawler.settings.ITEM_PIPELINES)."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pantau.config import Config, load_config


class NotAnArticle(DropItem):
    """The page fetched is not an article (no main text): remembered so it is not fetched again."""


def config_from(crawler: Crawler) -> Config:
    """The validated config the run was started with (``pantau crawl``), else the default one."""
    config = crawler.settings.get("PANTAU_CONFIG")
    return config if isinstance(config, Config) else load_config()
