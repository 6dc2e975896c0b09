"""``pantau`` with one more item pipeline that raises on the pages of one outlet.

Stands for any unexpected exception in a stage outside the worker pool (a bug,
a library upgrade that breaks a pipeline): Scrapy catches it and goes on, and
pantau must still count it for the outlet, show it and exit 1. Run as
``python failing_stage.py OUTLET PANTAU-ARGS…``.
"""

from __future__ import annotations

import sys
from typing import Any

from scrapy.settings import Settings

import crawler.run
from pantau.cli import main

FAILING_OUTLET = sys.argv[1] if __name__ == "__main__" else ""
_settings = crawler.run.crawl_settings


class Explodes:
    def process_item(self, item: Any) -> Any:
        if item.outlet == FAILING_OUTLET:
            raise RuntimeError("stage bug")
        return item


def crawl_settings(*args: Any, **kwargs: Any) -> Settings:
    settings = _settings(*args, **kwargs)
    settings.set("ITEM_PIPELINES", {**settings.getdict("ITEM_PIPELINES"), "__main__.Explodes": 750}, "cmdline")
    return settings


if __name__ == "__main__":
    crawler.run.crawl_settings = crawl_settings
    sys.exit(main(sys.argv[2:]))
