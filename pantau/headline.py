"""The article's headline, from the evidence the page gives.

Pages state the headline several times: ``og:title``, ``twitter:title``,
JSON-LD ``headline``, ``<title>`` and the heading readers see. The metadata
copies carry the site's name ("… - ANTARA News", "KapanLagi.com: …",
"… | Kompas.com", Blogger's "Kabar Seluma: …"), some CMSs strip punctuation from them (Media Indonesia's
og:title drops the ":" and "?" its ``<h1>`` shows), and some are another
title altogether (an SEO og:title, or the site's name as every page's
``<title>`` on old government sites). The printed heading is the headline:

* a heading whose words agree with a metadata title wins (:func:`printed_heading`):
  an ``<h1>`` first, then ``[itemprop=headline]`` and ``.entry-title``-like
  elements, then ``<h2>``/``<h3>`` and the bold title cell of a table layout;
* else, once the article's text is found, the heading standing nearest above
  it (:func:`heading_above`): an ``<h1>`` or marked headline always, a weaker
  heading when the metadata has no headline or shares words with it;
* else the first metadata title without its site-name part. Site names come
  from ``og:site_name`` and the caller, and when those do not explain a
  title's extra part, from the page itself: its logo's ``alt``, its
  "© 2024 Name" line and the blog's header (a title linking to the home page).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from pantau.dom import class_words, words
from pantau.json_ld import json_ld_objects

META_TITLE_XPATHS = (
    "//meta[@property='og:title']/@content",
    "//meta[@name='twitter:title']/@content",
    "//meta[@property='twitter:title']/@content",
    "//title",
    "//meta[@name='title']/@content",
)
# The metas naming the site, and og:url (whether the page's metadata is its home page's), in one scan.
SITE_METAS_XPATH = "//meta[@property='og:site_name' or @name='application-name' or @property='og:url']"
# the name a site gives itself in its metadata (also how `pantau outlets add` names an outlet)
SITE_NAME_XPATH = "//meta[@property='og:site_name']/@content | //meta[@name='application-name']/@content"
HOME_TITLE_XPATH = "//meta[@property='og:title']/@content | //meta[@name='twitter:title']/@content"
LOGO_ALT_XPATH = ("//*[contains(@class,'logo') or contains(@id,'logo')]//img/@alt"
                  " | //img[contains(@class,'logo') or contains(@src,'logo')]/@alt")
# Links in a heading or a title/header block: the blog's header names the blog with a link to its home page.
HOME_LINK_XPATH = ("//h1/a[@href] | //h2/a[@href] | //*[contains(@class,'title') or contains(@id,'title')"
                   " or contains(@class,'header') or contains(@id,'header')]/a[@href]")
COPYRIGHT_XPATH = ("//body//text()[contains(., '©') or contains(., 'opyright') or contains(., 'OPYRIGHT')]"
                   "[not(ancestor::script)][not(ancestor::style)]")
# "© 2024 Berita Kotabaru", "Copyright © 2008 - 2016 PT. Kompas Cyber Media", "Hak Cipta © 2024 Suara Semasa Sdn Bhd"
COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?(?:by\s+)?(?:PT\.?\s+)?"
    r"(?P<name>[A-Z][\w.&' -]{2,60}?)\s*(?:[.,|]|\ball rights\b|\bhak cipta\b|$)",
    re.IGNORECASE)
_GENERIC_NAME = re.compile(r"\b(logo|beranda|home|image|icon|gambar)\b", re.IGNORECASE)
# Separators between a headline and the site or section name in metadata titles.
TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—•»]|::)\s+")
# "KapanLagi.com: …", "Tempo.co - …": a domain-like site name in front of the headline.
DOMAIN_PREFIX = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co|id|net|org|tv|news)(?:\.id)?®?\s*[:|–—-]\s+",
                           re.IGNORECASE)
# "Kabar Seluma: …" (Blogger's <title>): a name before a colon, taken off only when it is a site name as a whole.
NAME_PREFIX = re.compile(r"^(?P<name>[^:]{3,60}?)\s*:\s+(?=\S)")
DOMAIN_LIKE = re.compile(r"\.(?:com|id|co|net|org|tv)\b", re.IGNORECASE)
MAX_HEADLINE_CHARS = 300
# Headline elements by strength (the order printed_heading tries them in).
STRONG, MARKED, WEAK = 0, 1, 2
# A heading agrees with a metadata title when its words are a run of that title's words covering this share
# (an <h1>), or this larger share (any other heading: a related story's <h3> may be a run of a few words).
MIN_AGREEMENT = 0.5
MIN_AGREEMENT_OTHER = 0.8
# A heading found above the article's text: at least this many words (a section label has fewer) …
MIN_HEADLINE_WORDS = 3
# … and this many content words in common with the metadata headline, when there is one: an SEO og:title
# rewords the printed headline but keeps its subject (an <h1>: one word; a weaker heading: two).
MIN_SHARED_WORDS = {STRONG: 1, MARKED: 1, WEAK: 2}
# Words too common to show two titles share a subject.
_FUNCTION_WORDS = frozenset({"yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "pada", "dalam",
                             "the", "of", "and", "in", "to", "for", "on", "a", "an", "is", "para", "akan"})
# Elements worth asking strength() about (the class words are checked there).
CANDIDATES_XPATH = ("//h1 | //h2 | //h3 | //*[@itemprop='headline'] | //td/b | //td/strong"
                    " | //*[contains(@class, 'title') or contains(@class, 'judul') or contains(@class, 'headline')]")
HEADLINE_CLASSES = re.compile(r"^(entry-title|post-title|article-title|news-title|headline|judul|judul-berita"
                              r"|judul-artikel|title-article|detail-title)$", re.IGNORECASE)
# Class or id words of the site's own name set as a heading (a theme's logo <h1> on every page) and of the
# blocks around it: the element or one of its ancestors carrying one never prints the article's headline.
BRANDING_CLASSES = re.compile(r"(^|[-_])(logo|brand|branding|masthead)($|[-_])"
                              r"|^(site|blog)[-_]?(title|name|header|branding)$", re.IGNORECASE)
# How many blocks around a heading may carry the logo's mark (<div class="site-branding"><p class="site-title"><a>).
BRANDING_DEPTH = 3
# A site's name has at most this many words ("Website Resmi Pemerintah Kabupaten Temanggung"); a headline has more.
MAX_NAME_WORDS = 6
# Labels of a host name that are no site's name ("www", top-level and second-level domains).
_HOST_FILLER = frozenset({"www", "m", "amp", "com", "co", "id", "go", "ac", "or", "net", "org", "my", "web", "sch",
                          "tv", "news", "info", "biz", "uk", "sg"})


def _text(found: object) -> str:
    raw = found if isinstance(found, str) else found.text_content()  # type: ignore[attr-defined]
    return " ".join(str(raw).split())


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _compact(value: str) -> str:
    return "".join(words(value))


def host_names(url: str) -> tuple[str, ...]:
    """The names a site's host spells without spaces: ``radarbogor.id`` -> "radarbogor" (for "Radar Bogor").

    A label alone, or two neighbouring labels in either order
    (``kendal.bawaslu.go.id`` -> "bawaslukendal", for "Bawaslu Kendal").
    """
    host = urlsplit(url).hostname or ""
    labels = [w for w in host.casefold().split(".") if w not in _HOST_FILLER and len(w) > 3]
    pairs = [a + b for x, y in zip(labels, labels[1:], strict=False) for a, b in ((x, y), (y, x))]
    return tuple(_compact(n) for n in (*labels, *pairs))


def strip_site_name(title: str, site_names: Sequence[str] = (), hosts: Sequence[str] = ()) -> str:
    """Drop a leading or trailing site-name segment: "Judul - ANTARA News Babel" -> "Judul".

    A segment is the site's name when it holds one of ``site_names`` (or is
    part of one), looks like a domain, or spells one of ``hosts``
    (:func:`host_names`) with spaces: only the whole segment, as a host's
    label is often a place named in headlines too.
    """
    title = " ".join(title.split())
    title = DOMAIN_PREFIX.sub("", title)
    names = [n.casefold() for n in site_names if n]
    if (m := NAME_PREFIX.match(title)) and _names_site(m["name"], names, hosts):
        title = title[m.end():]
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title

    def is_site(segment: str) -> bool:
        s = segment.casefold()
        return (any(n in s or s in n for n in names) or bool(DOMAIN_LIKE.search(s))
                or (bool(hosts) and _compact(s) in hosts))

    cut = next((i for i in range(1, len(parts)) if is_site(parts[i])), None)
    if cut is not None:  # "Judul | Tempo.co :: Indonesian News Portal": the site name and what follows it
        parts = parts[:cut]
    while len(parts) > 1 and is_site(parts[0]):
        parts = parts[1:]
    return " - ".join(parts).strip()


def _names_site(segment: str, names: Sequence[str], hosts: Sequence[str]) -> bool:
    """``segment`` is a site's name as a whole: one of ``names`` (casefolded), a domain, or a host spelt out."""
    s = segment.casefold()
    return words(s) in (words(n) for n in names) or bool(DOMAIN_LIKE.search(s)) or _compact(s) in hosts


def page_site_names(tree: HtmlElement, url: str = "") -> list[str]:
    """Names the page gives itself besides ``og:site_name``: its logo's ``alt``, its copyright line, the
    site's name set as a heading (:func:`is_branding`) and a header's title linking to the home page."""
    found = [_text(alt) for alt in tree.xpath(LOGO_ALT_XPATH)]
    found.extend(_text(a) for a in tree.xpath(HOME_LINK_XPATH) if _is_home(a.get("href"), url))
    for line in tree.xpath(COPYRIGHT_XPATH):
        if m := COPYRIGHT_NAME.search(_text(line)):
            found.append(m["name"].strip(" -"))
    found.extend(_text(h) for h in tree.iter("h1") if is_branding(h))
    return [n for n in found if len(n) > 2 and not _GENERIC_NAME.search(n)]


def _is_home(href: str | None, url: str) -> bool:
    """``href`` is the home page of ``url``'s site ("/", "https://host/"; not "#", a link to the page itself)."""
    href = (href or "").strip()
    parts = urlsplit(href)
    return bool(href) and not href.startswith("#") and parts.path.strip("/") == "" and not parts.query \
        and (not parts.netloc or parts.netloc == urlsplit(url).netloc)


def _home_titles(tree: HtmlElement, url: str, og_url: str | None) -> list[str]:
    """The home page's titles, when the page carries them: they are the site's name, not a headline.

    Templates that copy the home page's ``og:title`` into every page say so
    with an ``og:url`` of the site's root on a page that is not. A title as
    long as a headline is the article's own under a wrong ``og:url``.
    """
    if og_url is None or urlsplit(og_url).path.strip("/") or not urlsplit(url).path.strip("/"):
        return []
    return [t for t in (_text(t) for t in tree.xpath(HOME_TITLE_XPATH)) if t and len(t.split()) <= MAX_NAME_WORDS]


def is_branding(el: HtmlElement) -> bool:
    """The site's own name set as a heading: the element or a block close around it (:data:`BRANDING_DEPTH`)
    is marked as the logo or brand (a page-wide wrapper's class says nothing about one heading)."""
    node: HtmlElement | None = el
    for _ in range(BRANDING_DEPTH + 1):
        if node is None or node.tag in ("body", "html"):
            return False
        if any(BRANDING_CLASSES.search(w) for w in class_words(node)):
            return True
        node = node.getparent()
    return False


def _json_ld_headline(tree: HtmlElement) -> str | None:
    return next((str(node["headline"]) for node in json_ld_objects(tree) if isinstance(node.get("headline"), str)),
                None)


def _metadata_titles(tree: HtmlElement) -> list[str]:
    metas: list[str] = []
    for xpath in META_TITLE_XPATHS:
        metas.extend(t for t in (_text(f) for f in tree.xpath(xpath)[:1]) if t)
    if (ld := _json_ld_headline(tree)) and ld.strip():
        metas.insert(1, " ".join(ld.split()))
    return metas


def strength(el: HtmlElement) -> int | None:
    """How surely the element prints a headline (:data:`STRONG` … :data:`WEAK`); None when it does not."""
    if el.tag == "h1":
        return STRONG
    if el.get("itemprop") == "headline" or any(HEADLINE_CLASSES.match(w) for w in (el.get("class") or "").split()):
        return MARKED
    if el.tag in ("h2", "h3"):
        return WEAK
    parent = el.getparent()
    if el.tag in ("b", "strong") and parent is not None and parent.tag == "td" and _text(parent) == _text(el):
        return WEAK  # the title cell of a table layout: <td class="judul"><b>…</b></td>
    return None


def candidates(tree: HtmlElement) -> list[tuple[HtmlElement, int]]:
    """Elements that may print the headline, with their :func:`strength`, in document order."""
    found = []
    for el in tree.xpath(CANDIDATES_XPATH):
        kind = strength(el)
        if kind is not None and 0 < len(_text(el)) <= MAX_HEADLINE_CHARS:
            found.append((el, kind))
    return found


class SiteNames:
    """The site's names: the caller's, ``og:site_name`` and the host's at once, the page's own when first needed."""

    def __init__(self, tree: HtmlElement, given: Sequence[str] = (), url: str = "") -> None:
        self.tree = tree
        metas = tree.xpath(SITE_METAS_XPATH)
        og_url = next((m.get("content") or "" for m in metas if m.get("property") == "og:url"), None)
        self.declared = (*given, *(_text(m.get("content") or "") for m in metas if m.get("property") != "og:url"),
                         *_home_titles(tree, url, og_url))
        self.hosts = host_names(url)
        self.url = url
        self._all: tuple[str, ...] | None = None

    def all(self) -> tuple[str, ...]:
        if self._all is None:
            self._all = (*self.declared, *page_site_names(self.tree, self.url))
        return self._all


def printed_heading(tree: HtmlElement, names: SiteNames) -> HtmlElement | None:
    """The heading whose words agree with a metadata title (the headline as printed), if the page has one.

    ``<h1>`` elements first (most pages settle there), then marked headlines,
    then weaker headings; with the declared site names first, then with the
    names the page gives itself.
    """
    metas = _metadata_titles(tree)
    for known in (names.declared, None):
        known = known if known is not None else names.all()
        site = {tuple(words(name)) for name in known}
        meta_words = [w for w in (words(strip_site_name(m, known, names.hosts)) for m in metas)
                      if tuple(w) not in site]  # a title that is only the site's name agrees with no headline
        if (found := _agreeing(tree, meta_words)) is not None:
            return found
    return None


def _agreeing(tree: HtmlElement, meta_words: list[list[str]]) -> HtmlElement | None:
    def agrees(el: HtmlElement, share: float) -> bool:
        heading = words(_text(el))
        return bool(heading) and any(_contains_run(m, heading) and len(heading) >= share * len(m) for m in meta_words)

    for h1 in tree.iter("h1"):
        if len(_text(h1)) <= MAX_HEADLINE_CHARS and agrees(h1, MIN_AGREEMENT) and not is_branding(h1):
            return h1
    others = candidates(tree)
    for kind in (MARKED, WEAK):
        for el, el_kind in others:
            if el_kind == kind and agrees(el, MIN_AGREEMENT_OTHER) and not is_branding(el):
                return el
    return None


def metadata_headline(tree: HtmlElement, names: Sequence[str], hosts: Sequence[str] = ()) -> str | None:
    """The first metadata title without its site-name part, skipping titles that are only the site's name."""
    for meta in _metadata_titles(tree):
        stripped = strip_site_name(meta, names, hosts)
        if stripped and not _is_site_title(stripped, names, hosts):
            return stripped
    return None


def _is_site_title(title: str, names: Sequence[str], hosts: Sequence[str] = ()) -> bool:
    """A title that is only the site's name (":: Website Resmi Pemerintah Kabupaten Sumba Barat ::", "Warta
    Sleman" on wartasleman.id)."""
    title_words = words(title)
    if hosts and "".join(title_words) in hosts:
        return True
    for name in names:
        name_words = words(name)
        if name_words and _contains_run(title_words, name_words) \
                and len(title_words) - len(name_words) < MIN_HEADLINE_WORDS:
            return True
    return False


def heading_above(tree: HtmlElement, start: HtmlElement, metadata: str | None,
                  names: Sequence[str]) -> HtmlElement | None:
    """The headline printed above the article text that starts at ``start``, when no heading agreed with metadata.

    The nearest heading above the text wins when it shares its subject with
    the metadata headline (:data:`MIN_SHARED_WORDS`), or when the metadata has
    none (or only a section's name, shorter than a headline): the printed
    heading beats an SEO og:title. Section labels (fewer
    than :data:`MIN_HEADLINE_WORDS` words) and the site's name are never
    headlines.
    """
    order = {el: i for i, el in enumerate(tree.iter())}
    # a metadata title too short to be a headline ("Berita Daerah") is a section's name: no subject to share
    meta_words = _content_words(metadata) if metadata and len(words(metadata)) >= MIN_HEADLINE_WORDS else set()
    above = [(el, kind) for el, kind in candidates(tree) if order[el] < order[start]]
    for el, kind in reversed(above):
        text = _text(el)
        if len(words(text)) < MIN_HEADLINE_WORDS or _is_site_title(text, names) or is_branding(el):
            continue
        if meta_words and len(meta_words & _content_words(text)) < MIN_SHARED_WORDS[kind]:
            continue
        return el
    return None


def _content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in _FUNCTION_WORDS and not w.isdigit()}


def headline(tree: HtmlElement, site_names: Sequence[str] = (), url: str = "") -> str | None:
    """The headline of the article page ``tree``; None when the page states none.

    What the page alone says (:func:`printed_heading`, else the metadata); the
    extraction may still replace a metadata headline by the heading above the
    article text it finds (:func:`heading_above`).
    """
    names = SiteNames(tree, site_names, url)
    if (printed := printed_heading(tree, names)) is not None:
        return _text(printed)
    if stripped := metadata_headline(tree, names.all(), names.hosts):
        return stripped
    return next((t for t in (_text(h) for h in tree.xpath("//h1")) if t), None)
