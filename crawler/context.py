"""What the spider and the pipelines of one crawl take from the run that started it."""

from __future__ import annotations

from scrapy.crawler import Crawler

from pantau.config import Config, load_config


def config_from(crawler: Crawler) -> Config:
    """The validated config the run was started with (``pantau crawl``), else the default one."""
    config = crawler.settings.get("PANTAU_CONFIG")
    return config if isinstance(config, Config) else load_config()
