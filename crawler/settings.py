"""Scrapy settings for pantau: polite, bounded and resilient by default.

``pantau crawl`` loads this module and overrides only what the user's
``pantau.toml`` sets (``[crawl]``: timeouts, retries, robots, AutoThrottle,
User-Agent) and the run's own objects (``PANTAU_CONTEXT``: its config, crawl
state and store, see ``crawler.context``; ``PANTAU_PROGRESS``).
"""

BOT_NAME = "pantau"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "pantau/0.1 (+https://github.com/pantau-id/pantau; election-neutrality news monitor)"
ROBOTSTXT_OBEY = True

# Politeness: a few parallel requests per site, adapted to the server's latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Failures: short timeouts, a couple of retries on transient errors, bounded page size.
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"
LOG_SHORT_NAMES = True
LOG_FORMATTER = "crawler.logformatter.PageLogFormatter"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"

# An article page yields one item; Scrapy starts CONCURRENT_ITEMS tasks for every response's
# output whatever its size, so its default of 100 cost ~2.5 ms of reactor time per page.
# Pages still overlap in the pipelines: that is bounded by the scraper's active size, not this.
CONCURRENT_ITEMS = 16

# Every exception Scrapy catches in a callback or a pipeline is counted for its outlet.
EXTENSIONS = {"crawler.errors.ErrorCounter": 100}

# One pipeline per stage, in order (gaps leave room for new stages).
ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.clean.CleanPipeline": 200,
    "pipelines.language.LanguagePipeline": 300,
    "pipelines.analyze.AnalyzePipeline": 400,
    "pipelines.dedupe.DedupePipeline": 500,
    "pipelines.store.StorePipeline": 700,
    "pipelines.alerts.AlertsPipeline": 800,
}
