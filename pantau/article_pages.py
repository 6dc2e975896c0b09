"""Articles split over several pages: the all-on-one-page view, or the next page of the same article.

Kompas offers ``?page=all``; Tribun and Okezone print "Halaman 2" links
(``?page=2``); Disway and WordPress add ``/2`` or ``/2/`` to the article's
path; many templates also give ``<link rel="next">``. The crawl stores one
body per article, so it reads the whole article: the all-on-one-page view
when the page offers one, else the next pages one by one, at most
:data:`MAX_ARTICLE_PAGES` in all.

A link only counts when it leads to *the same article*: with the page marker
(``page=2``, ``/2/``, ``page=all`` …) taken off, both URLs are equal. A "next"
link to the next story on the site is therefore never followed.

Regular expressions over the raw page, not a parser: this runs in the crawl
process for every article page, where building a tree costs more than the
whole scan.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

# The whole article is read from at most this many pages (the first included).
MAX_ARTICLE_PAGES = 10
# Query parameters that number an article's pages (or ask for all of them).
# (Not "p": WordPress numbers posts with it.)
PAGE_PARAMS = re.compile(r"^(page|hal|halaman|pg|paged|pagenum|page_no|showall|show_all|all|single)$",
                         re.IGNORECASE)
SWITCH_PARAMS = frozenset({"showall", "show_all", "all", "single"})  # "?showall=1" means all pages
# A page number at the end of the path: /2, /2/, /page/2, /halaman-2 (numbers above 99 are ids, not pages).
PAGE_SUFFIX = re.compile(r"/(?:(?:page|halaman|hal)[/-]?)?(\d{1,2})/?$", re.IGNORECASE)
ALL_SUFFIX = re.compile(r"/(?:all|full|semua)/?$", re.IGNORECASE)
ALL_VALUES = frozenset({"1", "true", "yes"})
# Link texts that offer the whole article on one page.
ALL_TEXT = re.compile(
    r"^\s*(tampilkan|lihat|baca|show)\s+(semua|selengkapnya|all)(\s+(halaman|pages?|dalam\s+satu\s+halaman))?\s*$"
    r"|^\s*(baca\s+)?(dalam\s+)?satu\s+halaman\s*$|^\s*single\s+page\s*$",
    re.IGNORECASE,
)
_ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"<link\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TAGS = re.compile(r"<[^>]+>")


def _attributes(raw: str) -> dict[str, str]:
    return {m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in _ATTRIBUTE.finditer(raw)}


def _page_of(url: str) -> tuple[str, int | None]:
    """(the article's URL without its page marker, the page number: 0 for "all", None for none)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    number: int | None = None
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        value = value.lower()
        if PAGE_PARAMS.match(key) and (value in ("all", "semua", "full") or (
                key.lower() in SWITCH_PARAMS and value in ALL_VALUES)):
            number = 0
        elif PAGE_PARAMS.match(key) and value.isdigit() and 0 < int(value) < 100:
            number = int(value)
        else:
            query.append((key, value))
    path = parts.path or "/"
    if (m := PAGE_SUFFIX.search(path)) and m.start() > 0:
        number, path = int(m[1]), path[:m.start()] or "/"
    elif (m := ALL_SUFFIX.search(path)) and m.start() > 0:
        number, path = 0, path[:m.start()] or "/"
    return urlunsplit(("", host, path.rstrip("/") or "/", urlencode(query), "")), number


def same_article(url: str, other: str) -> bool:
    """Whether two URLs are pages (or the all-pages view) of one article."""
    return _page_of(url)[0] == _page_of(other)[0]


def _absolute(base: str, href: str) -> str:
    return urldefrag(urljoin(base, href.strip()))[0]


def _links(page: str, base: str) -> list[tuple[str, str, str]]:
    """(absolute href, rel, visible text) of every link and anchor in the page."""
    found = []
    for m in _LINK.finditer(page):
        attrs = _attributes(m[1])
        if attrs.get("href"):
            found.append((_absolute(base, attrs["href"]), attrs.get("rel", "").lower(), ""))
    for m in _ANCHOR.finditer(page):
        attrs = _attributes(m[1])
        if attrs.get("href") and not attrs["href"].startswith(("#", "javascript:", "mailto:")):
            text = " ".join(html.unescape(_TAGS.sub(" ", m[2])).split())
            found.append((_absolute(base, attrs["href"]), attrs.get("rel", "").lower(), text))
    return found


def all_pages_url(page: str, url: str) -> str | None:
    """The all-on-one-page view of this article, when the page links to one."""
    for href, _, text in _links(page, url):
        if href != url and same_article(href, url) and (_page_of(href)[1] == 0 or ALL_TEXT.match(text)):
            return href
    return None


def next_page_url(page: str, url: str, seen: set[str]) -> str | None:
    """The next page of this article (``rel=next``, or the link numbered one more), unless already ``seen``."""
    current = _page_of(url)[1] or 1
    numbered = None
    for href, rel, _ in _links(page, url):
        if href in seen or href == url or not same_article(href, url):
            continue
        number = _page_of(href)[1]
        if "next" in rel.split() and number != 0:
            return href
        if number == current + 1 and numbered is None:
            numbered = href
    return numbered
