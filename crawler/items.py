"""The item that carries one fetched article page through the pipelines, and the drop of a page that is none."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from scrapy.exceptions import DropItem

from pantau.container import ContainerHint
from pantau.models import Analysis, Article, Region

# A page whose cleaned body is shorter than this is an index, teaser or error page: NotAnArticle.
MIN_BODY_WORDS = 20


@dataclass
class PageItem:
    """Filled stage by stage: the spider sets the page fields, each pipeline adds its own."""

    outlet: str
    outlet_name: str
    url: str  # canonical URL (the page's rel=canonical when it gives one)
    aliases: tuple[str, ...]  # other (canonicalised) URLs that reached this page
    html: str  # released after extraction to keep memory flat
    fetched: datetime
    fallback_region: Region | None = None
    more_pages: tuple[str, ...] = ()  # the article's further pages, in order (released with html)
    extraction: ContainerHint | None = None  # the outlet's registry hint, if it has one
    # extract
    title: str | None = None
    published: datetime | None = None
    author: str | None = None
    editor: str | None = None
    text: str = ""
    # clean, language, analyze
    body: str = ""
    language: str = ""
    analysis: Analysis | None = None
    # dedupe
    fingerprint: str = ""
    sketch: list[int] = field(default_factory=list)
    duplicate_of: str | None = None
    # store
    article: Article | None = None
    outcome: str | None = None  # "new" | "updated" | "unchanged"


class NotAnArticle(DropItem):
    """The page fetched is not an article (no main text): remembered so it is not fetched again.

    An expected outcome, not a warning: logged at DEBUG and counted as ``rejected``.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="DEBUG")


class PageFailed(DropItem):
    """A page that failed in a stage (a worker's exception, a store that could not write it): dropped
    after its error was reported for the outlet (``report.error``), which ``pantau crawl`` prints as one
    line on stderr. Logged at DEBUG so the fault is not said twice; not remembered, so the next crawl
    fetches the page again.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="DEBUG")

