"""Where the article sits in a page: loose text made into paragraphs, the article container found.

trafilatura run over a whole page decides by its own rules which blocks are
article text; on real Indonesian pages it either keeps sidebars (detik's
date lists, Republika's breadcrumbs) or, in precision mode, drops lead
paragraphs written as loose text before the first ``<p>`` (KapanLagi, VIVA,
Kompas). Two DOM steps fix both classes before trafilatura sees the page:

* :func:`normalise` turns runs of text and inline elements that sit
  directly in a block next to other blocks into ``<p>`` elements (what
  readability calls DIV-to-P), so a lead paragraph is a paragraph;
* :func:`find_container` scores blocks the readability way (paragraph text,
  commas, link density, credited to parent and grandparent) on a copy of the
  page without hidden and junk blocks (class/id words of ``boilerplate.yaml``)
  and returns the element holding the article, plus siblings that carry
  article text too (a body split by an ad slot).

The caller then extracts from the container only, and checks the result
against the whole-page extraction (:mod:`pantau.extract`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from pantau.analysis.clean import load_boilerplate

# Phrasing content (HTML's inline elements): a run of these is part of a paragraph.
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
    "tt", "u", "var", "wbr",
})
# Blocks that may hold loose text next to other blocks.
LOOSE_TEXT_PARENTS = ("div", "td", "article", "section", "main", "center", "blockquote", "body", "span", "font", "li",
                      "dd", "form", "figure")
# Blocks that count as one paragraph when they hold only phrasing content.
PARAGRAPH_TAGS = ("p", "div", "td", "pre", "blockquote", "section", "article")
# Never article text, whatever their class.
NEVER_TEXT_TAGS = ("script", "style", "noscript", "template", "nav", "aside", "footer", "button", "select",
                   "textarea", "svg", "iframe", "object", "embed")
MIN_PARAGRAPH_CHARS = 25
MAX_PARAGRAPH_LINK_DENSITY = 0.5
# A sibling of the best block joins the container when it scores this share of the best (readability: 0.2).
SIBLING_SHARE = 0.2
SIBLING_MIN_SCORE = 3.0
# Between the headline and the best block, a block with this many prose paragraphs and this share of the
# best score is the article, and the best block is what follows it (find_container).
MIN_ARTICLE_PROSE = 3
BEFORE_BEST_SHARE = 0.2
MIN_PROSE_WORDS = 6
# A junk-marked block holding more than this share of the page's paragraph score is the article.
MAJORITY = 0.5
_WORD = re.compile(r"\w+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _is_element(node: object) -> bool:
    """Elements proper (comments and processing instructions have a non-string tag)."""
    return isinstance(getattr(node, "tag", None), str)


def _is_inline(node: HtmlElement) -> bool:
    return not _is_element(node) or node.tag in INLINE_TAGS


def normalise(tree: HtmlElement) -> None:
    """Comments out (their neighbours' text joined), loose text runs wrapped into paragraphs (in place).

    A CMS comment at the start of a paragraph (``<p><!--StartFragment -->Text``)
    makes trafilatura skip the paragraph's text.
    """
    etree.strip_tags(tree, etree.Comment, etree.ProcessingInstruction)
    wrap_loose_text(tree)


def wrap_loose_text(tree: HtmlElement) -> None:
    """Wrap each run of loose text and inline elements beside block children into a ``<p>`` (in place)."""
    for parent in list(tree.iter(*LOOSE_TEXT_PARENTS)):
        children = list(parent)
        if all(_is_inline(child) for child in children):
            continue  # only phrasing content: the block itself is the paragraph
        loose = (parent.text or "").strip() or any((c.tail or "").strip() for c in children) or any(
            _is_element(c) and c.tag in INLINE_TAGS and c.text_content().strip() for c in children)
        if not loose:
            continue
        run_text, run = parent.text, []
        parent.text = None
        for child in children:
            parent.remove(child)
        rebuilt: list[HtmlElement] = []
        for child in children:
            if _is_inline(child):
                run.append(child)
                continue
            rebuilt.extend(_paragraph_of(run_text, run))
            tail, child.tail = child.tail, None
            rebuilt.append(child)
            run_text, run = tail, []
        rebuilt.extend(_paragraph_of(run_text, run))
        parent.extend(rebuilt)


def _paragraph_of(text: str | None, nodes: list[HtmlElement]) -> list[HtmlElement]:
    """A ``<p>`` holding the run when it has visible text; else the run's nodes as they were."""
    visible = bool((text or "").strip()) or any(
        (_is_element(n) and n.tag != "br" and n.text_content().strip()) or (n.tail or "").strip() for n in nodes
    )
    if not visible:
        return nodes  # e.g. an image between paragraphs stays where it was
    paragraph: HtmlElement = lxml.html.Element("p")
    paragraph.text = text
    paragraph.extend(nodes)
    return [paragraph]


def is_hidden(el: HtmlElement) -> bool:
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(el.get("style") or "")))


def is_junk_block(el: HtmlElement) -> bool:
    """A block whose class or id names what is never article text (comments, related lists, captions …)."""
    return _junk_words(el.get("class"), el.get("id"))


@lru_cache(maxsize=4096)
def _junk_words(classes: str | None, ident: str | None) -> bool:
    """Pages repeat the same class strings hundreds of times: each is matched once."""
    words = f"{classes or ''} {ident or ''}".split()
    return any(load_boilerplate().junk_block.search(w) for w in words)


def prune(tree: HtmlElement, drop_xpaths: Sequence[str] = ()) -> None:
    """Remove hidden blocks, junk blocks, non-text elements and ``drop_xpaths`` matches (in place).

    A block marked as junk by its class that holds most of the page's paragraph
    text stays: then the mark is a template's quirk (WordPress gives the article
    itself "tag-<slug>" classes), not a sidebar.
    """
    held = _held_scores(tree)
    total = held.get(tree, 0.0)
    doomed = [el for el in tree.iter() if _is_element(el) and (
        el.tag in NEVER_TEXT_TAGS or (el.tag not in ("html", "body") and (is_hidden(el) or is_junk_block(el))
                                      and held.get(el, 0.0) <= MAJORITY * total))]
    for xpath in drop_xpaths:
        doomed.extend(select(tree, xpath))
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _held_scores(tree: HtmlElement) -> dict[HtmlElement, float]:
    """Each element's total paragraph score, summed over every paragraph inside it."""
    held: dict[HtmlElement, float] = {}
    for paragraph, score in _paragraphs(tree):
        for el in paragraph.iterancestors():
            held[el] = held.get(el, 0.0) + score
        held[paragraph] = held.get(paragraph, 0.0) + score
    return held


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _link_chars(el: HtmlElement) -> int:
    return sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))


def _paragraph_score(el: HtmlElement) -> float:
    """Readability's paragraph weight: 1 + commas + length/100 (at most 3), minus its linked share."""
    text = _text(el)
    if len(text) < MIN_PARAGRAPH_CHARS:
        return 0.0
    density = _link_chars(el) / len(text)
    if density > MAX_PARAGRAPH_LINK_DENSITY:
        return 0.0
    return (1 + text.count(",") + min(len(text) / 100, 3)) * (1 - density)


def _paragraphs(tree: HtmlElement) -> list[tuple[HtmlElement, float]]:
    """Blocks holding only phrasing content, with their paragraph score (those that score)."""
    found = []
    for el in tree.iter(*PARAGRAPH_TAGS):
        if all(_is_inline(c) for c in el) and (score := _paragraph_score(el)):
            found.append((el, score))
    return found


@dataclass
class _Scores:
    container: dict[HtmlElement, float]  # candidates: paragraphs' parents and ancestors (and text <div>s)
    own: dict[HtmlElement, float]  # each paragraph's own score
    first: dict[HtmlElement, int]  # document position of the first paragraph inside each candidate
    position: dict[HtmlElement, int]  # document position of every element


def _scores(tree: HtmlElement) -> _Scores:
    position = {el: i for i, el in enumerate(tree.iter())}
    scores: dict[HtmlElement, float] = {}
    own: dict[HtmlElement, float] = {}
    first: dict[HtmlElement, int] = {}
    for el, score in _paragraphs(tree):
        own[el] = score
        if el.tag != "p":
            scores[el] = scores.get(el, 0.0) + score  # text with <br>s in one <div> is its own container
            first.setdefault(el, position[el])
        ancestor, level = el.getparent(), 0
        while ancestor is not None and level < 3:
            scores[ancestor] = scores.get(ancestor, 0.0) + score / (1, 2, 6)[level]
            first.setdefault(ancestor, position[el])
            ancestor, level = ancestor.getparent(), level + 1
    for el in scores:
        text_len = len(_text(el)) or 1
        scores[el] *= 1 - min(_link_chars(el) / text_len, 1.0)
    return _Scores(scores, own, first, position)


def _headline_element(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The heading that prints the article's headline (where the article starts), if the page has one."""
    if not title:
        return None
    wanted = _WORD.findall(title.casefold())
    for el in tree.iter("h1", "h2", "h3"):
        if _WORD.findall(el.text_content().casefold()) == wanted:
            return el
    return None


@dataclass(frozen=True)
class Container:
    """Where the article is: blocks of the page (in document order), and whether they follow its headline."""

    blocks: list[HtmlElement]
    follows_headline: bool = False
    headline: HtmlElement | None = None  # the heading printing the headline, if the page has one

    def without_top(self) -> Container:
        """The container without what stands at or above the headline inside it (kicker, breadcrumb, headline).

        Edits the (pruned copy of the) page the blocks belong to.
        """
        if self.headline is None or not any(self.headline in b.iterdescendants() for b in self.blocks):
            return self
        node = self.headline
        while node.getparent() is not None and node not in self.blocks:
            parent = node.getparent()
            for sibling in list(node.itersiblings(preceding=True)):
                sibling.drop_tree()
            parent.text = None
            node = parent
        self.headline.drop_tree()
        return Container([b for b in self.blocks if b.getparent() is not None], self.follows_headline)


def find_container(tree: HtmlElement, title: str | None = None) -> Container:
    """The article's container in ``tree`` (already pruned): the best block and its text-bearing siblings.

    The best block scores highest, unless the page prints its headline in a
    heading and another block between that heading and the best one reads like
    an article (:data:`MIN_ARTICLE_PROSE` prose paragraphs, at least
    :data:`BEFORE_BEST_SHARE` of the best score): long reader comments, a
    sidebar of teasers or the next article appended below can outscore a short
    article, but they never come between its headline and its text.

    No blocks when none holds paragraph text. The elements are ``tree``'s own.
    """
    found = _scores(tree)
    scores = found.container
    candidates = [el for el in scores if el.tag not in ("html", "body")]
    if not candidates:
        return Container([])
    top = best = max(candidates, key=lambda el: scores[el])
    anchor = _headline_element(tree, title)
    if anchor is not None and found.position[anchor] < found.first[best]:
        start, end = found.position[anchor], found.first[best]
        floor = BEFORE_BEST_SHARE * scores[best]
        earlier = [el for el in candidates
                   if scores[el] >= floor and start < found.first[el] < end and _end(el, found) < end
                   and _prose_count(el, found) >= MIN_ARTICLE_PROSE]
        if earlier:
            best = max(earlier, key=lambda el: scores[el])
    follows = anchor is not None and found.position[anchor] < found.first[best]
    parent = best.getparent()
    if parent is None:
        return Container([best], follows, anchor)
    floor = max(SIBLING_MIN_SCORE, SIBLING_SHARE * scores[best])

    def continues(el: HtmlElement) -> bool:
        """A sibling carrying article text on (a body split by an ad slot), not what the article displaced."""
        if best is not top and (el is top or el in top.iterancestors()):
            return False
        return max(scores.get(el, 0.0), found.own.get(el, 0.0)) >= floor

    return Container([el for el in parent if el is best or continues(el)], follows, anchor)


def _end(el: HtmlElement, found: _Scores) -> int:
    """Document position of the last element inside ``el``."""
    last = el
    for last in el.iterdescendants():  # noqa: B007 - the loop finds the last descendant
        pass
    return found.position[last]


def _prose_count(el: HtmlElement, found: _Scores) -> int:
    """Paragraphs inside ``el`` that read as sentences (a byline, date or caption does not)."""
    return sum(1 for p in found.own if _is_prose(p) and (p is el or el in p.iterancestors()))


def _is_prose(el: HtmlElement) -> bool:
    text = _text(el)
    return len(text.split()) >= MIN_PROSE_WORDS and text.rstrip("\"'”’)").endswith((".", "!", "?"))


def select(tree: HtmlElement, xpath: str) -> list[HtmlElement]:
    """Elements matched by a hint's selector (compiled to XPath by the registry)."""
    return [el for el in tree.xpath(xpath) if _is_element(el)]


def isolate(blocks: Iterable[HtmlElement]) -> HtmlElement:
    """A new document whose body holds copies of ``blocks``: what the extractor may look at.

    The blocks sit in one ``<div itemprop="articleBody">`` (schema.org's mark
    of an article's text): trafilatura then reads them as the article body,
    subheadings included, instead of hunting for a body inside them. Inside, a
    ``<div>`` holding only text and inline elements is a paragraph (ANTARA
    writes each paragraph as one), so it becomes a ``<p>``: trafilatura's
    precision mode keeps paragraphs, not loose divs.
    """
    doc: HtmlElement = lxml.html.document_fromstring(
        '<html><head></head><body><div itemprop="articleBody"></div></body></html>')
    body = doc.find("body/div")
    assert body is not None
    for block in blocks:
        copy = deepcopy(block)
        copy.tail = None
        body.append(copy)
    for el in body.iter("div", "section", "article"):
        if el is not body and all(_is_inline(c) for c in el) and el.text_content().strip():
            el.tag = "p"
    return doc


@dataclass(frozen=True)
class ContainerHint:
    """A template's layout told as data (registry ``extraction``): XPaths of the article and of junk in it."""

    container: str | None = None
    drop: tuple[str, ...] = ()
