"""Log lines a person can read: a dropped or failed page is one line naming its URL.

Scrapy's default formatter appends the whole item to those lines; here that is
the page's body, its analysis and its MinHash sketch, kilobytes per page, which
buried the one line that says what went wrong.
"""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.http import Request, Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure

# crawler.errors keeps these at DEBUG: ErrorCounter counts them already, per outlet
ITEM_ERROR_MSG = "Error processing the page %(url)s"
SPIDER_ERROR_MSG = "Spider error processing %(url)s"


class PageLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Response | Failure | None,
                spider: Spider) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        return {**result, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}

    def item_error(self, item: Any, exception: BaseException, response: Response | Failure | None,
                   spider: Spider) -> LogFormatterResult:
        result = super().item_error(item, exception, response, spider)
        return {**result, "msg": ITEM_ERROR_MSG, "args": {"url": getattr(item, "url", "?")}}

    def spider_error(self, failure: Failure, request: Request, response: Response | Failure,
                     spider: Spider) -> LogFormatterResult:
        result = super().spider_error(failure, request, response, spider)
        return {**result, "msg": SPIDER_ERROR_MSG, "args": {"url": request.url}}
