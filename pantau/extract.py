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
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from pantau.container import ContainerHint, find_container, isolate, normalise, prune, select
from pantau.evidence import agreement, link_densities, merge_modes
from pantau.headline import headline

WIB = ZoneInfo("Asia/Jakarta")

# Where pages state their publication time, most reliable first.
PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date']/@content",
    "//time[@datetime][1]/@datetime",
)
# Share of a scored container's words the whole-page extraction must also have (see article_text).
MIN_AGREEMENT = 0.6
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


def _trafilatura(tree: lxml.html.HtmlElement, url: str, *, precision: bool, metadata: bool = False) -> Document | None:
    """One trafilatura run; it edits the tree it gets, so callers pass a tree they no longer need."""
    doc = trafilatura.bare_extraction(  # a Document (as_dict=False)
        tree, url=url, with_metadata=metadata, include_comments=False, include_tables=False,
        include_images=False, favor_precision=precision, favor_recall=not precision, deduplicate=False,
        fast=not metadata,
    )
    return doc if isinstance(doc, Document) else None


def _paragraphs(doc: Document | None) -> list[str]:
    return [p for p in (" ".join(line.split()) for line in (doc.text or "").split("\n")) if p] if doc else []


def article_text(tree: lxml.html.HtmlElement, url: str, hint: ContainerHint | None = None
                 ) -> tuple[list[str], Document | None]:
    """The article's paragraphs, and trafilatura's whole-page result (for its metadata).

    Extraction runs inside the article container (the hint's, else the one
    :func:`pantau.container.find_container` scores best), in precision and in
    recall mode, merged paragraph by paragraph (:func:`merge_modes`). A container
    found by scoring is trusted only when its text agrees with trafilatura's
    whole-page extraction (a container of reader comments does not); otherwise
    the whole-page extraction stands.
    """
    normalise(tree)
    whole = _trafilatura(deepcopy(tree), url, precision=True, metadata=True)
    whole_paragraphs = _paragraphs(whole)
    work = deepcopy(tree)
    prune(work, hint.drop if hint else ())
    blocks = select(work, hint.container) if hint and hint.container else []
    hinted = bool(blocks)
    blocks = blocks or find_container(work)
    if blocks:
        inside = isolate(blocks)
        densities = link_densities(inside)
        precise = _paragraphs(_trafilatura(deepcopy(inside), url, precision=True))
        recalled = _paragraphs(_trafilatura(inside, url, precision=False))
        merged = merge_modes(precise, recalled, densities)
        if merged and (hinted or agreement(merged, whole_paragraphs) >= MIN_AGREEMENT):
            return merged, whole
    return whole_paragraphs, whole


def extract_page(html: str, url: str, site_names: tuple[str, ...] = (),
                 hint: ContainerHint | None = None) -> ExtractedPage | None:
    """Main text and metadata of an article page; None when the page has no article text."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    title = headline(tree, site_names)
    published = None
    for xpath in PUBLISHED_XPATHS:
        found = tree.xpath(xpath)
        if found and (published := parse_datetime(str(found[0]))):
            break
    published = published or parse_datetime(_json_ld_published(tree))
    paragraphs, doc = article_text(tree, url, hint)
    if not paragraphs:
        return None
    text = "\n".join(paragraphs)
    if doc is not None:
        title = title or doc.title
        published = published or parse_datetime(doc.date)
    bylines = {k: (m["name"].strip() if (m := p.search(text)) else None) for k, p in BYLINES.items()}
    return ExtractedPage(title=title, text=text, published=published,
                         author=bylines["author"] or (doc.author if doc else None), editor=bylines["editor"])
