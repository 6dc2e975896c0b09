"""The article's headline, from the evidence the page gives.

Pages state the headline several times: ``og:title``, ``twitter:title``,
JSON-LD ``headline``, ``<title>`` and the ``<h1>`` readers see. The metadata
copies carry the site's name ("… - ANTARA News", "KapanLagi.com: …",
"… | Kompas.com") and some CMSs strip punctuation from them (Media Indonesia's
og:title drops the ":" and "?" its ``<h1>`` shows). So an ``<h1>`` whose words
agree with a metadata title wins (it is the headline as printed); otherwise the
first metadata title, without its site-name part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from pantau.json_ld import json_ld_objects

META_TITLE_XPATHS = (
    "//meta[@property='og:title']/@content",
    "//meta[@name='twitter:title']/@content",
    "//meta[@property='twitter:title']/@content",
    "//title",
    "//meta[@name='title']/@content",
)
SITE_NAME_XPATH = "//meta[@property='og:site_name']/@content | //meta[@name='application-name']/@content"
# Separators between a headline and the site or section name in metadata titles.
TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—•»]|::)\s+")
# "KapanLagi.com: …", "Tempo.co - …": a domain-like site name in front of the headline.
DOMAIN_PREFIX = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co|id|net|org|tv|news)(?:\.id)?®?\s*[:|–—-]\s+",
                           re.IGNORECASE)
DOMAIN_LIKE = re.compile(r"\.(?:com|id|co|net|org|tv)\b", re.IGNORECASE)
MAX_HEADLINE_CHARS = 300
# An <h1> agrees with a metadata title when its words are a run of that title's words covering this share.
MIN_AGREEMENT = 0.5
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def strip_site_name(title: str, site_names: Sequence[str] = ()) -> str:
    """Drop a leading or trailing site-name segment: "Judul - ANTARA News Babel" -> "Judul"."""
    title = " ".join(title.split())
    title = DOMAIN_PREFIX.sub("", title)
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = [n.casefold() for n in site_names if n]

    def is_site(segment: str) -> bool:
        s = segment.casefold()
        return any(n in s or s in n for n in names) or bool(DOMAIN_LIKE.search(s))

    cut = next((i for i in range(1, len(parts)) if is_site(parts[i])), None)
    if cut is not None:  # "Judul | Tempo.co :: Indonesian News Portal": the site name and what follows it
        parts = parts[:cut]
    while len(parts) > 1 and is_site(parts[0]):
        parts = parts[1:]
    return " - ".join(parts).strip()


def _json_ld_headline(tree: HtmlElement) -> str | None:
    return next((str(node["headline"]) for node in json_ld_objects(tree) if isinstance(node.get("headline"), str)),
                None)


def _text(found: object) -> str:
    raw = found if isinstance(found, str) else found.text_content()  # type: ignore[attr-defined]
    return " ".join(str(raw).split())


def headline(tree: HtmlElement, site_names: Sequence[str] = ()) -> str | None:
    """The headline of the article page ``tree``; None when the page states none."""
    site_names = (*site_names, *(_text(n) for n in tree.xpath(SITE_NAME_XPATH)))
    metas: list[str] = []
    for xpath in META_TITLE_XPATHS:
        metas.extend(t for t in (_text(f) for f in tree.xpath(xpath)[:1]) if t)
    if (ld := _json_ld_headline(tree)) and ld.strip():
        metas.insert(1, " ".join(ld.split()))
    meta_words = [_words(strip_site_name(m, site_names)) for m in metas]
    for h1 in tree.xpath("//h1"):
        text = _text(h1)
        words = _words(text)
        if not words or len(text) > MAX_HEADLINE_CHARS:
            continue
        if any(_contains_run(m, words) and len(words) >= MIN_AGREEMENT * len(m) for m in meta_words):
            return text
    for meta in metas:
        if stripped := strip_site_name(meta, site_names):
            return stripped
    first_h1 = next((t for t in (_text(h) for h in tree.xpath("//h1")) if t), None)
    return first_h1
