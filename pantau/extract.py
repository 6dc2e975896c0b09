"""Page extraction: article text and metadata from a saved or fetched HTML page.

trafilatura finds the main text; pantau adds what Indonesian news pages need
on top: the publication *time* (trafilatura keeps only the date) from
``article:published_time`` / JSON-LD / ``<time>``, read as Asia/Jakarta when
the page gives no zone; the headline without the site name; and the
reporter/editor from the byline lines these sites print inside the body.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

WIB = ZoneInfo("Asia/Jakarta")

# Where pages state their publication time, most reliable first.
PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date']/@content",
    "//time[@datetime][1]/@datetime",
)
TITLE_XPATHS = (
    "//meta[@property='og:title']/@content",
    "//h1[1]",
    "//title",
)
# Separators between a headline and the site name in <title>/og:title.
TITLE_SEPARATORS = re.compile(r"\s+[-|–—:•»]\s+")
BYLINES = {
    "author": re.compile(r"^(?:reporter|wartawan|penulis|pewarta)\s*:\s*(?P<name>[^|\n]+?)\s*(?:\||$)",
                         re.IGNORECASE | re.MULTILINE),
    "editor": re.compile(r"(?:^|\|\s*)(?:editor|penyunting|redaktur)\s*:\s*(?P<name>[^|\n]+?)\s*$",
                         re.IGNORECASE | re.MULTILINE),
}


@dataclass
class ExtractedPage:
    title: str | None
    text: str
    published: datetime | None
    author: str | None
    editor: str | None


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 (or a bare date) as an aware datetime; no zone means WIB."""
    if not value:
        return None
    value = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)", value)
        if not m:
            return None
        parsed = datetime.fromisoformat(f"{m[1]}T{m[2]}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=WIB)


def _json_ld_published(tree: lxml.html.HtmlElement) -> str | None:
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for node in data if isinstance(data, list) else [data, *data.get("@graph", [])]:
            if isinstance(node, dict) and node.get("datePublished"):
                return str(node["datePublished"])
    return None


def strip_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """Drop a trailing (or leading) site-name segment: "Judul - ANTARA News Babel" -> "Judul"."""
    parts = TITLE_SEPARATORS.split(title.strip())
    if len(parts) < 2:
        return title.strip()
    names = [n.casefold() for n in site_names if n]

    def is_site(segment: str) -> bool:
        s = segment.casefold()
        return any(n in s or s in n for n in names) or bool(re.search(r"\.(com|id|co|net|org)\b", s))

    if is_site(parts[-1]):
        parts = parts[:-1]
    elif is_site(parts[0]):
        parts = parts[1:]
    return " - ".join(parts).strip()


def extract_page(html: str, url: str, site_names: tuple[str, ...] = ()) -> ExtractedPage | None:
    """Main text and metadata of an article page; None when the page has no article text."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    doc = trafilatura.bare_extraction(  # a Document (as_dict=False)
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_recall=True, deduplicate=False,
    )
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        return None
    text = str(doc.text)
    title = None
    for xpath in TITLE_XPATHS:
        found = tree.xpath(xpath)
        if found:
            raw = found[0] if isinstance(found[0], str) else found[0].text_content()
            if raw and raw.strip():
                title = strip_site_name(" ".join(raw.split()), site_names + ((doc.sitename or ""),))
                break
    title = title or doc.title
    published = None
    for xpath in PUBLISHED_XPATHS:
        found = tree.xpath(xpath)
        if found and (published := parse_datetime(str(found[0]))):
            break
    published = published or parse_datetime(_json_ld_published(tree)) or parse_datetime(doc.date)
    bylines = {k: (m["name"].strip() if (m := p.search(text)) else None) for k, p in BYLINES.items()}
    return ExtractedPage(title=title, text=text, published=published,
                         author=bylines["author"] or doc.author, editor=bylines["editor"])
