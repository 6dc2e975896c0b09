"""Reader comments and comment forms, told by their shape rather than by their class names.

Comment threads sit inside the article block on many templates, under class
names no word list foresees ("tanggapan", "respon", "diskusi", CSS-module
hashes). Their shape is constant: two or more sibling items (same tag), each
starting with a short line that names the writer and the time of posting
("Daeng Rudi 28 Oktober 2024 14:22", "Budi mengatakan... 15 Oktober 2024
pukul 12.46", "Andi · 2 jam lalu"), then the comment's text. A live report's
entries carry a time but no name; an article's paragraphs are not items with
block children; a list of dated people or events carries no clock time. The
comment form is a ``<form>`` with a text area.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from pantau.dateline import DATE, POSTED_AT
from pantau.dom import is_inline, text

MIN_ITEMS = 2
# The writer-and-time line of a comment is within its first characters, in an element of its own this short.
META_CHARS = 120
# A writer's name (with "mengatakan…", "says:") is at most this many words; a comment at least this many.
MAX_NAME_WORDS = 6
MIN_COMMENT_WORDS = 6
# The comment item is at most this many levels above its time stamp's element.
MAX_ITEM_DEPTH = 4
# Text nodes that may hold a time of posting ("14:22", "pukul 12.46", "2 jam lalu"), found by libxml2 itself.
STAMP_XPATH = (".//text()[string-length(.) < 240][contains(., ':') or contains(., 'pukul') or contains(., 'lalu')"
               " or contains(., 'ago') or contains(., 'WIB') or contains(., 'WITA')]")
_STAMPS = etree.XPath(STAMP_XPATH)
# What any time of posting contains (text_content() glues blocks together: no word boundaries).
_ANY_STAMP = re.compile(r"\d[:.]\d\d|lalu|ago", re.IGNORECASE)
# Words of a meta line that are not the writer's name.
_NOT_A_NAME = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|jumaat|sabtu|minggu|ahad|isnin|khamis|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|pukul|jam|wib|wita|wit|at|on|pada|posted|diposting|"
    r"oleh|by|reply|balas|says|said|mengatakan|berkata|menulis|wrote|am|pm)\b|[^\w\s]|\d+", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'.-]*")


def comment_items(tree: HtmlElement) -> list[HtmlElement]:
    """The items of every comment thread in ``tree`` (each a writer-and-time line and a text).

    Found from the time stamps up: the nearest block above a short element
    holding a time that reads as a comment is an item; a thread is two or
    more items in one parent.
    """
    if not _ANY_STAMP.search(tree.text_content()):
        return []  # no time of posting anywhere: the common case, told without a tree walk
    threads: dict[HtmlElement, list[HtmlElement]] = {}
    seen: set[HtmlElement] = set()
    for stamp in _STAMPS(tree):
        meta = stamp.getparent()
        if meta is not None and stamp.is_tail:
            meta = meta.getparent()
        if meta is None or len(text(meta)) > META_CHARS:
            continue  # a time inside a paragraph of text, not a meta line
        node = meta
        for _ in range(MAX_ITEM_DEPTH):
            parent = node.getparent()
            if parent is None or node in seen:
                break
            if not is_inline(node) and is_comment(node):
                seen.add(node)
                threads.setdefault(parent, []).append(node)
                break
            node = parent
    return [item for items in threads.values() if len(items) >= MIN_ITEMS for item in items]


def is_comment(item: HtmlElement) -> bool:
    """An item whose text starts with a writer's name and a time of posting, and goes on with a comment."""
    if all(is_inline(child) for child in item):
        return False  # a paragraph, not an item holding a meta line and a text
    head = _head(item)
    stamp = POSTED_AT.search(head)
    if stamp is None:
        return False
    date = DATE.search(head)
    start = min(stamp.start(), date.start()) if date else stamp.start()
    name = _NOT_A_NAME.sub(" ", head[:start]).split()
    return (0 < len(name) <= MAX_NAME_WORDS and bool(_NAME.match(name[0]))
            and len(text(item)[stamp.end():].split()) >= MIN_COMMENT_WORDS)


def _head(item: HtmlElement) -> str:
    """The start of the item's text (:data:`META_CHARS`), read without reading all of it."""
    head = ""
    for piece in item.itertext():
        head += " " + piece  # a block boundary is a word boundary: "14:22</span><div>Sudah"
        if len(head) > 2 * META_CHARS:
            break
    return " ".join(head.split())[:META_CHARS]


def comment_forms(tree: HtmlElement) -> list[HtmlElement]:
    """Forms with a text area: where readers write comments (a search form has none)."""
    return [form for form in tree.iter("form") if next(form.iter("textarea"), None) is not None]
