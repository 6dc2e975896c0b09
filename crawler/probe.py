"""Read one source or one article page the way the crawl would, and judge it: OK, WARN or BROKEN.

Shared by ``pantau outlets add`` (which sources does a site have, do its articles extract?) and
``pantau outlets check`` (do a registered outlet's sources and articles still work?). A source is
read with :mod:`crawler.sources`, exactly as the spider reads it; an article page goes through
pantau's own extraction and cleaning with the crawl's minimum body length, so "OK" here means
the crawl would store it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from protego import Protego
from scrapy.utils.sitemap import sitemap_urls_from_robots

from crawler.fetch import Fetched, Fetcher, FetchError
from crawler.items import MIN_BODY_WORDS
from crawler.sources import (
    SITEMAP_INDEX,
    Entry,
    SourceError,
    feed_entries,
    listing_links,
    matches_article,
    next_page,
    sitemap_entries,
)
from pantau.analysis.clean import clean_body
from pantau.extract import extract_page
from pantau.headline import headline
from pantau.urls import canonical_url

OK, WARN, BROKEN = "OK", "WARN", "BROKEN"
SEVERITY = {OK: 0, WARN: 1, BROKEN: 2}
MAX_CHILD_SITEMAPS = 4  # children of a sitemap index read to judge it (news sitemaps first, then newest)
FEED_MATCH_SHARE = 0.5  # a feed where fewer items match the pattern has outgrown it
MAX_PAGE_SITEMAPS = 2  # children of a sitemap index that list static pages, authors or terms, read as such
# The children of a WordPress/Yoast/Rank Math index that list what is not a post: page-sitemap.xml,
# author-sitemap.xml, post_tag-sitemap.xml, wp-sitemap-posts-page-1.xml, wp-sitemap-users-1.xml, …
NON_POST_SITEMAP = re.compile(
    r"(?:^|[-_])(?:pages?|categor(?:y|ies)|post_tag|tags?|authors?|users?|taxonom(?:y|ies)|halaman|kategori)"
    r"(?=[-_.]|\d|$)", re.IGNORECASE)


def worst(verdicts: list[str]) -> str:
    return max(verdicts, key=SEVERITY.__getitem__, default=OK)


class Robots:
    """The robots.txt of each host met, read once: its rules for pantau's User-Agent and its sitemaps."""

    def __init__(self, fetcher: Fetcher, user_agent: str, *, obey: bool = True) -> None:
        self.fetcher = fetcher
        self.user_agent = user_agent
        self.obey = obey
        self._hosts: dict[str, tuple[Protego | None, list[str]]] = {}

    def _host(self, url: str) -> tuple[Protego | None, list[str]]:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._hosts:
            rules, sitemaps = None, []
            try:
                answer = self.fetcher.get(origin + "/robots.txt")
            except FetchError:
                answer = None
            if answer is not None and answer.ok and b"<html" not in answer.body[:512].lower():
                sitemaps = list(dict.fromkeys(sitemap_urls_from_robots(answer.body, base_url=origin + "/")))
                rules = Protego.parse(answer.body.decode("utf-8", "replace"))
            self._hosts[origin] = (rules, sitemaps)
        return self._hosts[origin]

    def sitemaps(self, url: str) -> list[str]:
        """The ``Sitemap:`` lines of the robots.txt of ``url``'s host."""
        return self._host(url)[1]

    def allowed(self, url: str) -> bool:
        if not self.obey:
            return True
        rules = self._host(url)[0]
        return rules is None or bool(rules.can_fetch(url, self.user_agent))


@dataclass
class SourceReport:
    """What one feed, sitemap or listing gave, and the verdict on it."""

    kind: str  # feed | sitemap | listing
    url: str
    status: str = ""  # "200", "301→200"; empty when the server did not answer
    final_url: str = ""
    moved_to: str | None = None
    entries: list[Entry] = field(default_factory=list)  # items, sitemap URLs or listing links
    pages: int = 0  # listing pages or sitemaps read
    more_pages: bool = False  # a listing's last page read links a next one
    note: str = ""  # "news sitemap", "index of 12 sitemaps", …
    news_sitemaps: list[str] = field(default_factory=list)  # an index's children that are news sitemaps
    error: str = ""  # why nothing could be read
    non_articles: list[str] = field(default_factory=list)  # what an index's page/author/term sitemaps list
    furniture: frozenset[str] = frozenset()  # a listing's links on every page it has: menus, footers, widgets
    fixtures: frozenset[str] = frozenset()  # furniture as often on every page: never one of the stories listed
    articles: list[str] = field(default_factory=list)  # entries the pattern takes, one per story
    verdict: str = BROKEN
    reason: str = ""

    @property
    def readable(self) -> bool:
        return not self.error and bool(self.entries)

    @property
    def news(self) -> bool:
        return any(e.news for e in self.entries)


def _fetch(fetcher: Fetcher, url: str, robots: Robots | None) -> tuple[Fetched | None, str]:
    """The answer for ``url``, or None and why there is none (robots.txt, the network)."""
    if robots is not None and not robots.allowed(url):
        return None, "robots.txt disallows it (the crawl obeys robots.txt)"
    try:
        return fetcher.get(url), ""
    except FetchError as exc:
        return None, str(exc).removeprefix(f"cannot fetch {url}: ")


def _answer(fetcher: Fetcher, report: SourceReport, url: str, robots: Robots | None) -> Fetched | None:
    """Fetch one page of a source into ``report`` (status, move); None when it gave nothing usable."""
    answer, report.error = _fetch(fetcher, url, robots)
    if answer is None:
        return None
    if not report.status:
        report.status, report.final_url, report.moved_to = answer.status_line, answer.final_url, answer.moved_to
    if not answer.ok:
        report.error = f"HTTP {answer.status}"
        return None
    return answer


def read_feed(fetcher: Fetcher, url: str, robots: Robots | None = None) -> SourceReport:
    report = SourceReport("feed", url)
    answer = _answer(fetcher, report, url, robots)
    if answer is not None:
        report.pages = 1
        try:
            report.entries = feed_entries(answer.body, answer.final_url)
        except SourceError as exc:
            report.error = f"not a feed ({' '.join(str(exc).split())[:120]})"
    return report


def read_sitemap(fetcher: Fetcher, url: str, robots: Robots | None = None, *,
                 max_children: int = MAX_CHILD_SITEMAPS) -> SourceReport:
    """A sitemap, or a sitemap index and up to ``max_children`` of its sitemaps (news ones first)."""
    report = SourceReport("sitemap", url)
    answer = _answer(fetcher, report, url, robots)
    if answer is None:
        return report
    try:
        kind, entries = sitemap_entries(answer.body, answer.final_url, fetcher.max_bytes)
    except SourceError as exc:
        report.error = f"not a sitemap ({' '.join(str(exc).split())[:120]})"
        return report
    report.pages = 1
    if kind != SITEMAP_INDEX:
        report.entries = entries
        report.note = "news sitemap" if report.news else ""
        return report
    newest = sorted(entries, key=lambda e: e.when.timestamp() if e.when else 0.0, reverse=True)
    pages = [e for e in newest if NON_POST_SITEMAP.search(urlsplit(e.url).path.rsplit("/", 1)[-1])]
    posts = [e for e in newest if e not in pages]
    children = sorted(posts, key=lambda e: "news" not in e.url.lower())[:max_children] + pages[:MAX_PAGE_SITEMAPS]
    for child in children:
        part = SourceReport("sitemap", child.url)
        sub = _answer(fetcher, part, child.url, robots)
        if sub is None:
            continue
        try:
            child_kind, child_entries = sitemap_entries(sub.body, sub.final_url, fetcher.max_bytes)
        except SourceError:
            continue
        if child_kind != SITEMAP_INDEX and child in pages:  # static pages, authors, tags: never a story
            report.non_articles += [e.url for e in child_entries]
        elif child_kind != SITEMAP_INDEX:
            report.pages += 1
            report.entries += child_entries
            if any(e.news for e in child_entries):
                report.news_sitemaps.append(sub.final_url)
    report.note = f"index of {len(entries)} sitemaps, {report.pages - 1} read"
    if report.news:
        report.note += ", with a news sitemap"
    if not report.entries and entries:
        report.error = "none of its sitemaps could be read"
    return report


def read_listing(fetcher: Fetcher, url: str, robots: Robots | None = None, *, max_pages: int = 1) -> SourceReport:
    """A listing page and its next pages, up to ``max_pages`` (as the crawl follows them).

    The links found on every page read are the page's furniture (menus, footers, tag clouds,
    "popular" boxes): the stories of a paginated listing change from page to page. Furniture that
    no page also lists among its stories (it appears as often on every page) is a fixture: the
    static pages of the footer, never a story.
    """
    report = SourceReport("listing", url)
    page_url: str | None = url
    seen: set[str] = set()
    pages: list[Counter[str]] = []
    while page_url and report.pages < max_pages and page_url not in seen:
        seen.add(page_url)
        answer = _answer(fetcher, report, page_url, robots)
        if answer is None:
            if report.pages:  # page 1 was read: a broken later page is a note, not the source's end
                report.error, report.note = "", f"page {report.pages + 1}: {report.error}"
            break
        report.pages += 1
        links = listing_links(answer.selector, answer.final_url)
        report.entries += [Entry(link) for link in links]
        pages.append(Counter(links))
        page_url = next_page(answer.selector, answer.final_url)
        report.more_pages = page_url is not None
    if len(pages) > 1:
        common = frozenset.intersection(*(frozenset(page) for page in pages))
        if all(page.keys() - common for page in pages):  # not one page served again under the next page's URL
            report.furniture = common
            report.fixtures = frozenset(link for link in common if len({page[link] for page in pages}) == 1)
    return report


ArticleTest = Callable[[str], bool]


def article_test(pattern: re.Pattern[str]) -> ArticleTest:
    """The crawl's test for "is this URL one of the outlet's articles", for a bare pattern."""
    return lambda url: matches_article(pattern, url)


def judge_source(report: SourceReport, is_article: ArticleTest,
                 story: Callable[[str], str] = canonical_url) -> SourceReport:
    """Count the entries that are articles (one per story: ``story`` gives its key) and give the source its verdict."""
    report.articles = list(dict.fromkeys(story(e.url) for e in report.entries if is_article(e.url)))
    total = len({story(e.url) for e in report.entries})
    if report.error:
        report.verdict, report.reason = BROKEN, report.error
    elif not report.entries:
        report.verdict, report.reason = BROKEN, "lists nothing"
    elif not report.articles:
        example = report.entries[0].url
        report.verdict = BROKEN
        report.reason = f"none of its {total} URLs match article_pattern (e.g. {example})"
    elif report.moved_to:
        report.verdict = WARN
        report.reason = f"moved permanently to {report.moved_to}: put the new URL in the registry"
    elif report.kind == "feed" and len(report.articles) < FEED_MATCH_SHARE * total:
        example = next(e.url for e in report.entries if not is_article(e.url))
        report.verdict = WARN
        report.reason = f"only {len(report.articles)} of {total} items match article_pattern (e.g. {example})"
    else:
        report.verdict, report.reason = OK, ""
    return report


@dataclass
class ArticleReport:
    """One article page through pantau's extraction: what the crawl would store of it."""

    url: str
    status: str = ""
    words: int = 0
    title: str | None = None
    published: datetime | None = None
    amp: str | None = None  # the page's rel=amphtml twin
    body: str = ""
    verdict: str = BROKEN
    reason: str = ""


def read_article(fetcher: Fetcher, url: str, site_names: tuple[str, ...] = (),
                 robots: Robots | None = None) -> ArticleReport:
    report = ArticleReport(url)
    answer, report.reason = _fetch(fetcher, url, robots)
    if answer is None:
        return report
    report.status = answer.status_line
    if not answer.ok:
        report.reason = f"HTTP {answer.status}"
        return report
    amp = answer.selector.xpath("//link[@rel='amphtml']/@href").get()
    report.amp = urljoin(answer.final_url, amp.strip()) if amp else None
    page = extract_page(answer.text, answer.final_url, site_names)
    if page is None:  # the page is there (its headline says which), its text is not
        report.title = headline(lxml.html.fromstring(answer.text), site_names) if answer.text.strip() else None
        report.reason = f"body of 0 words, under the crawl's {MIN_BODY_WORDS}: no article text (template changed?)"
        return report
    report.title, report.published = page.title, page.published
    report.body = clean_body(page.text, title=page.title)
    report.words = len(report.body.split())
    if report.words < MIN_BODY_WORDS:
        report.reason = f"body of {report.words} words, under the crawl's {MIN_BODY_WORDS}: template changed?"
    elif not report.title:
        report.verdict, report.reason = WARN, "no title found"
    elif report.published is None:
        report.verdict, report.reason = WARN, "no publication date found"
    else:
        report.verdict = OK
    return report
