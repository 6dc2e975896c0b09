"""Small questions about HTML elements that the extraction modules all ask.

Kept in one place so that "the text of a block", "is this inline" and "how much
of it is link text" mean the same thing when the container is scored
(:mod:`pantau.container`), captions and comment lists are found
(:mod:`pantau.captions`, :mod:`pantau.comment_lists`) and the date line is read
(:mod:`pantau.dateline`).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Phrasing content (HTML's inline elements): a run of these is part of a paragraph.
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
    "tt", "u", "var", "wbr",
})
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
IMAGE_TAGS = ("img", "picture", "amp-img")
# A prose paragraph: at least this many words, ending like a sentence.
MIN_PROSE_WORDS = 6
_SENTENCE_END = (".", "!", "?")


def is_element(node: object) -> bool:
    """Elements proper (comments and processing instructions have a non-string tag)."""
    return isinstance(getattr(node, "tag", None), str)


def is_inline(node: HtmlElement) -> bool:
    return not is_element(node) or node.tag in INLINE_TAGS


def text(el: HtmlElement) -> str:
    """The element's visible text, whitespace collapsed."""
    return " ".join(el.text_content().split())


def link_chars(el: HtmlElement) -> int:
    """Characters of link text inside ``el``."""
    return sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))


def link_density(el: HtmlElement) -> float:
    """Share of ``el``'s text that is link text (0 for an element without text)."""
    chars = len(text(el))
    return link_chars(el) / chars if chars else 0.0


def is_prose(sentence: str) -> bool:
    """Text that reads as a sentence (a byline, date, label or caption credit does not)."""
    return len(sentence.split()) >= MIN_PROSE_WORDS and sentence.rstrip("\"'”’)").endswith(_SENTENCE_END)


def class_words(el: HtmlElement) -> list[str]:
    """The words of the element's class and id attributes."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".split()


def words(value: str) -> list[str]:
    return re.findall(r"\w+", value.casefold())
