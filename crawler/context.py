"""What the spider and the pipelines of one crawl share: its config, one crawl state and one article store.

The runner (:mod:`crawler.run`) makes a :class:`CrawlContext` per crawl, hands it to the spider and
every pipeline through the crawl's settings (``PANTAU_CONTEXT``), and closes it once, after the crawl
and its run records. The crawl state and the store open when first used, inside the crawl, so a store
that cannot be opened (Elasticsearch unreachable) fails the crawl as it always has. Under a bare
``scrapy crawl news`` there is no runner: the context is made from the default config on first use
and closed when the engine stops.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.crawler import Crawler

from pantau.config import Config, load_config
from pantau.state import CrawlState
from pantau.store import ArticleStore, open_store


class CrawlContext:
    """One crawl's config, crawl state and article store, each opened at most once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._state: CrawlState | None = None
        self._store: ArticleStore | None = None

    @property
    def state(self) -> CrawlState:
        if self._state is None:
            self._state = CrawlState(self.config.db_path)
        return self._state

    @property
    def store(self) -> ArticleStore:
        if self._store is None:
            self._store = open_store(self.config)
        return self._store

    def close(self) -> None:
        store, state, self._store, self._state = self._store, self._state, None, None
        try:
            if store is not None:
                store.close()
        finally:
            if state is not None:
                state.close()

    def __deepcopy__(self, _memo: dict[int, Any]) -> CrawlContext:
        """Scrapy gives each crawler a deep copy of the settings: the copy shares this context."""
        return self


_bare: WeakKeyDictionary[Crawler, CrawlContext] = WeakKeyDictionary()


def crawl_context(crawler: Crawler) -> CrawlContext:
    """The crawl's one context: the runner's, else (``scrapy crawl``) one made for this crawler from the
    default config."""
    context = crawler.settings.get("PANTAU_CONTEXT")
    if isinstance(context, CrawlContext):
        return context
    context = _bare.get(crawler)
    if context is None:
        context = _bare[crawler] = CrawlContext(load_config())
        crawler.signals.connect(context.close, signal=signals.engine_stopped)
    return context
