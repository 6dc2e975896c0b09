"""What a discovery source lists: feed entries, sitemap entries, listing links, the next listing page.

One reading of feeds, sitemaps and listings, shared by the crawl (:mod:`crawler.spiders.news`)
and the maintainer's tools (``pantau outlets add`` and ``pantau outlets check``), so that what
``outlets check`` counts for a source is what the crawl finds behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from pantau.urls import canonical_url

# Links that lead to the next listing page: by rel or class first, then by the words sites put on them.
NEXT_PAGE_XPATH = (
    "//link[@rel='next']/@href | //a[@rel='next']/@href | "
    "//a[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/@href"
)
# A pager link's words, once its arrows are taken off ("Selanjutnya »", "Next ›", "« Older posts").
NEXT_WORDS = frozenset({
    "next", "next page", "selanjutnya", "berikutnya", "halaman selanjutnya", "halaman berikutnya", "lanjut",
    "older posts", "older entries", "posting lama", "posting lebih lama", "berita lama", "lebih lama",
})
NEXT_ARROWS = "›»>→❯⟩≫"
_ARROWS = "".join(dict.fromkeys(NEXT_ARROWS + "‹«<←❮⟨≪"))
FEED_ITEM_XPATH = "//*[local-name()='item' or local-name()='entry']"
SITEMAP_INDEX = "sitemapindex"


class SourceError(ValueError):
    """A source whose body is not what its kind promises (broken XML, a feed without items)."""


@dataclass(frozen=True)
class Entry:
    """One URL a feed or sitemap lists, with the date it gives (if any)."""

    url: str
    when: datetime | None = None
    news: bool = False  # a Google News sitemap entry: an article by the site's own account


def parse_when(value: str | None) -> datetime | None:
    """A feed/sitemap date (RFC 822 or ISO 8601) as an aware datetime, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def feed_entries(body: bytes, base_url: str) -> list[Entry]:
    """The items of an RSS or Atom feed; :class:`SourceError` if it is not one."""
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(recover=False, resolve_entities=False,
                                                              no_network=True))
    except etree.XMLSyntaxError as exc:
        raise SourceError(str(exc)) from None
    items = root.xpath(FEED_ITEM_XPATH)
    if not items:
        raise SourceError("no items or entries")
    entries = []
    for item in items:
        link = item.xpath("string(*[local-name()='link'][not(@rel) or @rel='alternate'][1]/@href)") or \
            item.xpath("string(*[local-name()='link'][1])") or item.xpath("string(*[local-name()='guid'])")
        when = item.xpath("string(*[local-name()='updated' or local-name()='pubDate' or "
                          "local-name()='published' or local-name()='date'][1])")
        entries.append(Entry(urljoin(base_url, link.strip()), parse_when(when)))
    return entries


def sitemap_entries(body: bytes, base_url: str, max_size: int) -> tuple[str, list[Entry]]:
    """The sitemap's type (``sitemapindex`` or ``urlset``) and its entries; gzip is unpacked."""
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body, max_size=max_size)
    try:
        sitemap = Sitemap(body)
        entries = [Entry(urljoin(base_url, loc), parse_when(e.get("lastmod")), "news" in e)
                   for e in sitemap if (loc := e.get("loc", ""))]
    except (etree.XMLSyntaxError, ValueError, StopIteration) as exc:
        raise SourceError(str(exc) or "not XML") from None
    if sitemap.type not in (SITEMAP_INDEX, "urlset"):
        raise SourceError(f"not a sitemap (root element <{sitemap.type}>)")
    return sitemap.type, entries


def listing_links(page: Selector, base_url: str) -> list[str]:
    """Every absolute http(s) link on a listing page, in page order."""
    links = (urljoin(base_url, href.strip()) for href in page.xpath("//a/@href").getall())
    return [url for url in links if url.startswith("http")]


def _is_next_text(text: str) -> bool:
    """Whether a link's text says "next page": the words, with or without arrows, or arrows pointing on only."""
    words = " ".join(text.split()).lower()
    bare = " ".join(words.translate({ord(c): " " for c in _ARROWS}).split())
    if not bare:
        return bool(words) and all(c in NEXT_ARROWS or c.isspace() for c in words)
    return bare in NEXT_WORDS


def next_page(page: Selector, base_url: str) -> str | None:
    """The listing's next page, by ``rel=next``, a ``next`` class, or the words sites put on the link.

    A link that stays on the page (``#``, ``javascript:``: a slider's "next" button) is none.
    """
    hrefs = page.xpath(NEXT_PAGE_XPATH).getall() + [
        a.attrib["href"] for a in page.xpath("//a[@href]") if _is_next_text(a.xpath("string(.)").get(""))]
    for href in hrefs:
        url = urljoin(base_url, href.strip()).split("#")[0]
        if url.startswith("http") and url != base_url.split("#")[0]:
            return url
    return None


def matches_article(pattern: re.Pattern[str], url: str, key: str | None = None) -> bool:
    """Whether the crawl takes ``url`` for an article: the pattern matches it or its canonical form."""
    return bool(pattern.match(url) or pattern.match(key if key is not None else canonical_url(url)))
