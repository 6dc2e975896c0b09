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
  page without hidden blocks, reader comments (:mod:`pantau.comment_lists`)
  and junk blocks (class/id words of ``boilerplate.yaml``, which only remove
  link lists and short blocks, never a run of article prose) and returns the
  element holding the article, plus the siblings that continue it (a body
  split by an ad slot), never a gallery, comment section or form after it.

The caller then extracts from the container only, and checks the result
against the whole-page extraction (:mod:`pantau.extract`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from pantau.analysis.clean import load_boilerplate
from pantau.comment_lists import comment_forms, comment_items
from pantau.dom import HEADING_TAGS, IMAGE_TAGS, INLINE_TAGS, is_element, is_inline, is_prose, link_chars, text

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
# A sibling of the best block joins the container when it scores this share of the best (readability: 0.2)
# and continues it (find_container).
SIBLING_SHARE = 0.2
SIBLING_MIN_SCORE = 3.0
# Article prose: this many prose paragraphs side by side in one block. Between the headline and the best
# block, a block holding them with this share of the best score is the article (find_container); a block
# holding them is never removed for its class words (prune).
MIN_ARTICLE_PROSE = 3
BEFORE_BEST_SHARE = 0.2
# How many prose paragraphs after the headline are searched for the article's first two (prune).
LEAD_SEARCH = 8
# A hidden block holding more than this share of the page's paragraph score is the article (shown by script).
MAJORITY = 0.5
# A sibling with more link text than this is a link insert between parts of the body, not a part; one this
# short may be a boilerplate line ("ADVERTISEMENT", "Baca juga: …").
MAX_SEPARATOR_LINK_DENSITY = 0.5
MAX_SEPARATOR_CHARS = 200
_WORD = re.compile(r"\w+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


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
        if all(is_inline(child) for child in children):
            continue  # only phrasing content: the block itself is the paragraph
        loose = (parent.text or "").strip() or any((c.tail or "").strip() for c in children) or any(
            is_element(c) and c.tag in INLINE_TAGS and c.text_content().strip() for c in children)
        if not loose:
            continue
        run_text, run = parent.text, []
        parent.text = None
        for child in children:
            parent.remove(child)
        rebuilt: list[HtmlElement] = []
        for child in children:
            if is_inline(child):
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
        (is_element(n) and n.tag != "br" and n.text_content().strip()) or (n.tail or "").strip() for n in nodes
    )
    if not visible:
        return nodes  # e.g. an image between paragraphs stays where it was
    paragraph: HtmlElement = lxml.html.Element("p")
    paragraph.text = text
    paragraph.extend(nodes)
    return [paragraph]


def is_hidden(el: HtmlElement) -> bool:
    """Hidden by attribute, inline style or a class that hides (``d-none``, ``sr-only`` …)."""
    style, classes = el.get("style"), el.get("class")
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or (style is not None and bool(_HIDDEN_STYLE.search(style)))
            or (classes is not None and _hidden_words(classes)))


def is_junk_block(el: HtmlElement) -> bool:
    """A block whose class or id names what is never article text (comments, related lists, captions …)."""
    return _junk_words(el.get("class"), el.get("id"))


@lru_cache(maxsize=4096)
def _junk_words(classes: str | None, ident: str | None) -> bool:
    """Pages repeat the same class strings hundreds of times: each is matched once."""
    words = f"{classes or ''} {ident or ''}".split()
    return any(load_boilerplate().junk_block.search(w) for w in words)


@lru_cache(maxsize=4096)
def _hidden_words(classes: str) -> bool:
    return any(load_boilerplate().hidden_block.search(w) for w in classes.split())


def prune(tree: HtmlElement, drop_xpaths: Sequence[str] = (), title: str | None = None) -> None:
    """Remove what is never article text (in place): non-text elements, hidden and junk blocks, comment forms.

    Class words name junk only where the block is junk: a link list or a
    short block. A junk-marked block holding article prose stays, because
    then the mark is the template's quirk (WordPress marks the article itself
    "tag-<slug>", JNews calls its body "entry-content no-share", Blogger's post
    sits in a "widget Blog", Okezone's in "author-and-share"): prose is a run
    of :data:`MIN_ARTICLE_PROSE` prose paragraphs side by side, or the first
    two prose paragraphs below the headline (``title``) when the page prints
    it. A hidden block stays only when it holds most of the page's paragraph
    text (an article shown by script). Comment forms go by their shape,
    whatever their class (reader comments too, inside the container:
    :func:`drop_comments`); ``drop_xpaths`` are a registry hint's.
    """
    paragraphs = _paragraphs(tree)
    held = _held_scores(paragraphs)
    total = held.get(tree, 0.0)
    articles: set[HtmlElement] | None = None  # computed when first needed (most marked blocks hold no prose)

    def holds_article(el: HtmlElement) -> bool:
        nonlocal articles
        if not held.get(el):
            return False
        if articles is None:
            articles = _article_holders(paragraphs) | _below_headline(tree, paragraphs, title)
        return el in articles

    doomed = [el for el in tree.iter() if is_element(el) and (
        el.tag in NEVER_TEXT_TAGS or (el.tag not in ("html", "body") and (
            (is_hidden(el) and held.get(el, 0.0) <= MAJORITY * total)
            or (is_junk_block(el) and not holds_article(el)))))]
    for xpath in drop_xpaths:
        doomed.extend(select(tree, xpath))
    _drop(doomed)
    _drop(form for form in comment_forms(tree) if not holds_article(form))


def _run_parent(paragraph: HtmlElement) -> HtmlElement | None:
    """The block a paragraph stands in side by side with others, through wrappers holding only it."""
    node, parent = paragraph, paragraph.getparent()
    while parent is not None and len(parent) == 1 and not (parent.text or "").strip() \
            and not (node.tail or "").strip():
        node, parent = parent, parent.getparent()
    return parent


def _below_headline(tree: HtmlElement, paragraphs: list[_Paragraph],
                    title: str | None) -> set[HtmlElement]:
    """The first block after the printed headline holding two prose paragraphs side by side, and its ancestors.

    What a short article (two paragraphs, not a run) keeps under a junk-marked
    wrapper. A teaser box between headline and text has one summary per item,
    so it is passed over (within :data:`LEAD_SEARCH` prose paragraphs).
    """
    anchor = _headline_element(tree, title)
    if anchor is None:
        return set()
    prose = {p.el for p in paragraphs if p.prose}
    seen: list[HtmlElement | None] = []
    node: HtmlElement | None = anchor
    while node is not None:
        for sibling in node.itersiblings():
            for el in sibling.iter():
                if el not in prose:
                    continue
                block = _run_parent(el)
                if block is not None and block in seen:
                    return {block, *block.iterancestors()}
                seen.append(block)
                if len(seen) >= LEAD_SEARCH:
                    return set()
        node = node.getparent()
    return set()


def drop_comments(root: HtmlElement) -> None:
    """Remove reader comments inside ``root`` (the article's container), found by their shape.

    Inside the container because that is where they pass for article text
    (trafilatura's own comment filter does not look inside a marked article
    body); an item holding article prose is never one (an article page itself
    starts with a title, a time and text).
    """
    if items := comment_items(root):
        articles = _article_holders(_paragraphs(root))
        _drop(item for item in items if item not in articles)


def _drop(elements: Iterable[HtmlElement]) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()


def _held_scores(paragraphs: list[_Paragraph]) -> dict[HtmlElement, float]:
    """Each element's total paragraph score, summed over every paragraph inside it."""
    held: dict[HtmlElement, float] = {}
    for paragraph, score, _ in paragraphs:
        for el in paragraph.iterancestors():
            held[el] = held.get(el, 0.0) + score
        held[paragraph] = held.get(paragraph, 0.0) + score
    return held


def _article_holders(paragraphs: list[_Paragraph]) -> set[HtmlElement]:
    """Blocks holding a run of article prose, and everything around them.

    A run is :data:`MIN_ARTICLE_PROSE` prose paragraphs side by side in one
    block, each directly or in a wrapper of its own (``<div class="para"><p>``).
    A teaser list or a comment thread has its paragraphs one per item, with a
    headline link or a name beside each, so it holds no run.
    """
    runs: dict[HtmlElement, int] = {}
    for paragraph, _, prose in paragraphs:
        if prose and (parent := _run_parent(paragraph)) is not None:
            runs[parent] = runs.get(parent, 0) + 1
    holders: set[HtmlElement] = set()
    for block, count in runs.items():
        if count >= MIN_ARTICLE_PROSE and block not in holders:
            holders.add(block)
            holders.update(block.iterancestors())
    return holders


class _Paragraph(NamedTuple):
    el: HtmlElement
    score: float
    prose: bool  # reads as a sentence (dom.is_prose)


def _paragraph_score(el: HtmlElement, content: str | None = None) -> float:
    """Readability's paragraph weight: 1 + commas + length/100 (at most 3), minus its linked share."""
    content = text(el) if content is None else content
    if len(content) < MIN_PARAGRAPH_CHARS:
        return 0.0
    density = link_chars(el) / len(content)
    if density > MAX_PARAGRAPH_LINK_DENSITY:
        return 0.0
    return (1 + content.count(",") + min(len(content) / 100, 3)) * (1 - density)


def _paragraphs(tree: HtmlElement) -> list[_Paragraph]:
    """Blocks holding only phrasing content, with their paragraph score (those that score)."""
    found = []
    for el in tree.iter(*PARAGRAPH_TAGS):
        if all(is_inline(c) for c in el):
            content = text(el)
            if score := _paragraph_score(el, content):
                found.append(_Paragraph(el, score, is_prose(content)))
    return found


@dataclass
class _Scores:
    container: dict[HtmlElement, float]  # candidates: paragraphs' parents and ancestors (and text <div>s)
    own: dict[HtmlElement, float]  # each paragraph's own score
    prose: set[HtmlElement]  # the paragraphs that read as sentences
    first: dict[HtmlElement, int]  # document position of the first paragraph inside each candidate
    position: dict[HtmlElement, int]  # document position of every element


def _scores(tree: HtmlElement) -> _Scores:
    position = {el: i for i, el in enumerate(tree.iter())}
    scores: dict[HtmlElement, float] = {}
    own: dict[HtmlElement, float] = {}
    prose_paragraphs: set[HtmlElement] = set()
    first: dict[HtmlElement, int] = {}
    for el, score, prose in _paragraphs(tree):
        own[el] = score
        if prose:
            prose_paragraphs.add(el)
        if el.tag != "p":
            scores[el] = scores.get(el, 0.0) + score  # text with <br>s in one <div> is its own container
            first.setdefault(el, position[el])
        ancestor, level = el.getparent(), 0
        while ancestor is not None and level < 3:
            scores[ancestor] = scores.get(ancestor, 0.0) + score / (1, 2, 6)[level]
            first.setdefault(ancestor, position[el])
            ancestor, level = ancestor.getparent(), level + 1
    for el in scores:
        text_len = len(text(el)) or 1
        scores[el] *= 1 - min(link_chars(el) / text_len, 1.0)
    return _Scores(scores, own, prose_paragraphs, first, position)


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
    """The article's container in ``tree`` (already pruned): the best block and the siblings continuing it.

    The best block scores highest, unless the page prints its headline in a
    heading and another block between that heading and the best one reads like
    an article (:data:`MIN_ARTICLE_PROSE` prose paragraphs, at least
    :data:`BEFORE_BEST_SHARE` of the best score): long reader comments, a
    sidebar of teasers or the next article appended below can outscore a short
    article, but they never come between its headline and its text.

    Siblings join as :func:`_siblings` says. No blocks when none holds
    paragraph text. The elements are ``tree``'s own.
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
    return Container(_siblings(best, top, found, anchor), follows, anchor)


def _siblings(best: HtmlElement, top: HtmlElement, found: _Scores, anchor: HtmlElement | None) -> list[HtmlElement]:
    """The best block and the siblings that continue the article, in document order.

    A body split by ad slots or "Baca juga" inserts comes in parts, and a part
    joins when it carries article text (:data:`SIBLING_SHARE` of the best
    score, at least :data:`SIBLING_MIN_SCORE`) and either is the same kind of
    block as the best one (same tag and class: readability's sibling bonus) or
    nothing but removed blocks, empty blocks, link inserts and boilerplate
    lines stand between them. What follows an article and scores like text
    never continues it, so the walk stops at a sibling that holds a form (a
    comment section), pairs each of its texts with an image (a gallery) or
    starts with a heading (comments, "Berita Terkait", the next article)
    unless it is the same kind of block. Nor does the block the headline
    anchor displaced as best join again.
    """
    floor = max(SIBLING_MIN_SCORE, SIBLING_SHARE * found.container[best])
    blocks = [best]
    kind = best.get("class")
    for preceding in (True, False):
        adjacent = True
        passed: list[HtmlElement] = []  # siblings walked past since the last one joined
        for el in best.itersiblings(preceding=preceding):
            if not is_element(el):
                continue
            if not adjacent and not kind:
                break  # only a block of the best one's kind could still join, and it has none
            same = bool(kind) and el.tag == best.tag and el.get("class") == kind
            displaced = best is not top and (el is top or el in top.iterancestors())
            scores = max(found.container.get(el, 0.0), found.own.get(el, 0.0)) >= floor
            if scores and not displaced and (same or adjacent):
                if any(_ends_article(x, best, found, anchor) for x in (*passed, el)):
                    break  # (asked only here: most siblings never come close to joining)
                blocks.append(el)
                passed = []
            else:
                passed.append(el)
                if adjacent and not _is_separator(el):
                    adjacent = False
    return sorted(blocks, key=lambda el: found.position[el])


def _ends_article(el: HtmlElement, best: HtmlElement, found: _Scores, anchor: HtmlElement | None) -> bool:
    """A sibling after which (or before which) nothing continues the article: a form, a gallery, a new section."""
    if next(el.iter("form", "textarea"), None) is not None:
        return True
    if (el.get("class") and el.tag == best.tag and el.get("class") == best.get("class")) \
            or (anchor is not None and (anchor is el or el in anchor.iterancestors())):
        return False
    images = sum(1 for _ in el.iter(*IMAGE_TAGS))
    if images and 0 < sum(1 for p in el.iter(*PARAGRAPH_TAGS) if p in found.own) <= images:
        return True  # each text beside an image: a gallery
    return _starts_with_heading(el)


def _starts_with_heading(el: HtmlElement) -> bool:
    first = el.xpath(".//text()[normalize-space()][1]")
    if not first:
        return False
    holder = first[0].getparent()
    if first[0].is_tail:
        holder = holder.getparent()
    while holder is not None:
        if holder.tag in HEADING_TAGS:
            return True
        if holder is el:
            return False
        holder = holder.getparent()
    return False


def _is_separator(el: HtmlElement) -> bool:
    """What may stand between two parts of a body: nothing visible, a link insert, a boilerplate line."""
    content = text(el)
    return (not content or link_chars(el) > MAX_SEPARATOR_LINK_DENSITY * len(content)
            or (len(content) <= MAX_SEPARATOR_CHARS and bool(load_boilerplate().paragraph.match(content))))


def _end(el: HtmlElement, found: _Scores) -> int:
    """Document position of the last element inside ``el``."""
    last = el
    for last in el.iterdescendants():  # noqa: B007 - the loop finds the last descendant
        pass
    return found.position[last]


def _prose_count(el: HtmlElement, found: _Scores) -> int:
    """Paragraphs inside ``el`` that read as sentences (a byline, date or caption does not)."""
    return sum(1 for p in found.prose if p is el or el in p.iterancestors())


def first_paragraph(blocks: Sequence[HtmlElement]) -> HtmlElement | None:
    """The first paragraph of text in ``blocks`` (where the article's text starts)."""
    for block in blocks:
        for el in block.iter(*PARAGRAPH_TAGS):
            if all(is_inline(c) for c in el) and _paragraph_score(el):
                return el
    return None


def select(tree: HtmlElement, xpath: str) -> list[HtmlElement]:
    """Elements matched by a hint's selector (compiled to XPath by the registry)."""
    return [el for el in tree.xpath(xpath) if is_element(el)]


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
        if el is not body and all(is_inline(c) for c in el) and el.text_content().strip():
            el.tag = "p"
    return doc


@dataclass(frozen=True)
class ContainerHint:
    """A template's layout told as data (registry ``extraction``): XPaths of the article and of junk in it."""

    container: str | None = None
    drop: tuple[str, ...] = ()
