"""Page extraction: article text and metadata from a saved or fetched HTML page.

trafilatura alone, on a whole page, either keeps sidebars or drops leads
(measured on real pages: neither of its modes is right everywhere). So pantau
finds the article's container first (:mod:`pantau.container`), runs trafilatura
inside it in both modes and keeps what the evidence supports
(:mod:`pantau.evidence`), with the whole-page extraction as a second opinion.
Inside the container, photo captions go by where they stand
(:mod:`pantau.captions`). On top it adds what Indonesian news pages need: the
publication *time* (trafilatura keeps only the date), weighed over the
metadata, JSON-LD, the date line printed by the headline and the page's time
stamps (:mod:`pantau.published`), read as Asia/Jakarta when the page gives no
zone; the headline as printed (:mod:`pantau.headline`); the
reporter/editor from the byline lines these sites print inside the body; and
the text of an article's further pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document

from pantau.captions import drop_captions
from pantau.container import (
    Container,
    ContainerHint,
    drop_comments,
    find_container,
    first_paragraph,
    isolate,
    normalise,
    prune,
    select,
)
from pantau.dateline import stated_date
from pantau.evidence import link_densities, merge_modes, prefer_container, summarised
from pantau.headline import SiteNames, heading_above, metadata_headline, printed_heading
from pantau.published import publication_time
from pantau.wib import WIB

DESCRIPTION_XPATH = "//meta[@property='og:description']/@content | //meta[@name='description']/@content"
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
    parsed = stated_date(value)
    return None if parsed is None else parsed.when if parsed.when.tzinfo else parsed.when.replace(tzinfo=WIB)


def _trafilatura(tree: lxml.html.HtmlElement, url: str, *, precision: bool) -> Document | None:
    """One trafilatura run (text only, no fallback extractors: pantau weighs the evidence itself).

    trafilatura edits the tree it gets, so callers pass a tree they no longer need.
    """
    doc = trafilatura.bare_extraction(  # a Document (as_dict=False)
        tree, url=url, with_metadata=False, include_comments=False, include_tables=False,
        include_images=False, favor_precision=precision, favor_recall=not precision, deduplicate=False,
        fast=True,
    )
    return doc if isinstance(doc, Document) else None


def _paragraphs(doc: Document | None) -> list[str]:
    """trafilatura's lines as paragraphs, without the "- " it puts before a list item."""
    if not doc:
        return []
    return [p.removeprefix("- ") for p in (" ".join(line.split()) for line in (doc.text or "").split("\n")) if p]


@dataclass
class _Article:
    paragraphs: list[str]
    heading: HtmlElement | None = None  # the heading above the text, when asked for (in a pruned copy)


def article_text(tree: lxml.html.HtmlElement, url: str, hint: ContainerHint | None = None,
                 title: str | None = None) -> list[str]:
    """The article's paragraphs (empty when the page has no article text)."""
    return _article(tree, url, hint, title).paragraphs


def _article(tree: lxml.html.HtmlElement, url: str, hint: ContainerHint | None = None, title: str | None = None,
             find_heading: tuple[str | None, tuple[str, ...]] | None = None) -> _Article:
    """The article's paragraphs, and with ``find_heading`` (metadata headline, site names) the heading above them.

    Extraction runs inside the article container (the hint's, else the one
    :func:`pantau.container.find_container` scores best), in precision and in
    recall mode, merged paragraph by paragraph (:func:`pantau.evidence.merge_modes`).
    A container found by scoring is taken when it holds the page's own summary
    (``og:description``); otherwise it must agree with trafilatura's whole-page
    extraction, and where the two disagree the summary and the headline decide
    (:func:`pantau.evidence.prefer_container`).
    """
    description = _description(tree)
    normalise(tree)
    work = deepcopy(tree)
    prune(work, hint.drop if hint else (), title)
    hinted = select(work, hint.container) if hint and hint.container else []
    container = Container(hinted) if hinted else find_container(work, title).without_top()
    heading = None
    if find_heading is not None and (start := first_paragraph(container.blocks)) is not None:
        heading = heading_above(work, start, *find_heading)
    merged: list[str] = []
    if container.blocks:
        inside = isolate(container.blocks)
        drop_comments(inside.body[0])
        drop_captions(inside.body[0])
        densities = link_densities(inside)
        precise = _paragraphs(_trafilatura(deepcopy(inside), url, precision=True))
        recalled = _paragraphs(_trafilatura(inside, url, precision=False))
        merged = merge_modes(precise, recalled, densities)
        if merged and (hinted or summarised(merged, description)):
            return _Article(merged, heading)
    whole = _paragraphs(_trafilatura(deepcopy(tree), url, precision=True))
    if merged and prefer_container(merged, whole, description, follows_headline=container.follows_headline):
        return _Article(merged, heading)
    return _Article(whole, heading)


def _description(tree: lxml.html.HtmlElement) -> str:
    found = tree.xpath(DESCRIPTION_XPATH)
    return " ".join(str(found[0]).split()) if found else ""


def extract_page(html: str, url: str, site_names: tuple[str, ...] = (), hint: ContainerHint | None = None,
                 more_pages: Sequence[str] = ()) -> ExtractedPage | None:
    """Main text and metadata of an article page; None when the page has no article text.

    ``more_pages`` are the article's further pages (page 2, 3 …): their text
    follows the first page's; the metadata is the first page's. The headline
    is the printed heading that agrees with the metadata; without one, the
    heading above the article text found, else the metadata's
    (:mod:`pantau.headline`).
    """
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    names = SiteNames(tree, site_names, url)
    heading = printed_heading(tree, names)
    find_heading = None
    if heading is None:
        find_heading = (metadata_headline(tree, names.all(), names.hosts), names.all())
    title = _text(heading) if heading is not None else find_heading[0] if find_heading else None
    article = _article(tree, url, hint, title, find_heading)
    paragraphs = article.paragraphs
    if not paragraphs:
        return None
    if heading is None and article.heading is not None:
        heading = article.heading
        title = _text(heading)
    title = title or next((t for t in (_text(h) for h in tree.xpath("//h1")) if t), None)
    published = publication_time(tree, heading)
    for more in more_pages:
        try:
            paragraphs += article_text(lxml.html.fromstring(more), url, hint, title)
        except (etree.ParserError, ValueError):
            continue  # an empty or broken further page adds nothing
    text = "\n".join(paragraphs)
    bylines = {k: (m["name"].strip() if (m := p.search(text)) else None) for k, p in BYLINES.items()}
    author = bylines["author"]
    if not (title and published and author):  # trafilatura's metadata search costs ~6 ms: only when needed
        meta = trafilatura.extract_metadata(tree, default_url=url)
        title, author = title or meta.title, author or meta.author
        published = published or parse_datetime(meta.date)
    return ExtractedPage(title=title, text=text, published=published, author=author, editor=bylines["editor"])


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())
