"""Photo captions inside the article container, told by where they stand rather than by their words.

Caption wording is endless ("Foto: …", "Dok. …", "(ANTARA FOTO/…)",
"(Sembadanews/Bayu Aji)", or no credit at all), but a caption's place is not:

* it shares a small wrapper with one image, in an element of its own
  (``<figure>``/``<figcaption>``, WordPress ``wp-caption``, a gallery item, a
  table cell under the photo), and is short;
* or it is the first text after an image, with nothing but line breaks
  between, short, and set apart the way captions are: italic, centred, or
  ending in a photographer's credit "(Outlet/Full Name)".

A paragraph that holds an image inline and goes on with text is not a
caption, nor is a block of the container itself (a one-paragraph story beside
its photo), nor an italic lead right after the photo (it starts with its
dateline, "JAKARTA -"), nor text that is most of the container's.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pantau.dom import HEADING_TAGS, IMAGE_TAGS, is_element, text

MAX_CAPTION_WORDS = 60
# A caption is never this share of the container's text or more.
MAX_CAPTION_SHARE = 0.5
# "(Sembadanews/Bayu Aji)", "(ANTARA/Agus Setiawan)": an outlet and a photographer's full name (a reporter's
# initials "(fyk/ash)", "(Mvi/Ali)" are not one).
CREDIT = re.compile(r"\(\s*(?:foto\s*:\s*)?[A-Z][\w.&-]{3,}(?:\s+[A-Z][\w.&-]*){0,2}\s*/\s*"
                    r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]*){1,3}\s*\)$", re.IGNORECASE)
# "JAKARTA -", "SLEMAN, Sembadanews.com –": an article's lead starts with its dateline, a caption does not.
DATELINE = re.compile(r"^[A-Z][A-Z .]{2,}(?:,\s*[\w.]+(?:\s[\w.]+)?)?\s*[-–—]\s")
_ITALIC_TAGS = ("i", "em")
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_CENTRED_CLASSES = frozenset({"center", "centered", "aligncenter", "text-center", "has-text-align-center"})


def drop_captions(container: HtmlElement) -> None:
    """Remove the captions inside the blocks of ``container`` (the element holding the article's blocks)."""
    tops = set(container)
    total = len(text(container))
    doomed: list[HtmlElement] = []
    for image in container.iter(*IMAGE_TAGS):
        doomed.extend(_wrapped_caption(image, container, tops))
        if (after := _caption_after(image, container, tops)) is not None:
            doomed.append(after)
    for el in doomed:
        if el.getparent() is not None and len(text(el)) < MAX_CAPTION_SHARE * total:
            el.drop_tree()


def _wrapped_caption(image: HtmlElement, container: HtmlElement, tops: set[HtmlElement]) -> list[HtmlElement]:
    """The text elements sharing the image's smallest text-holding wrapper, when they read as its caption."""
    branch, wrapper = image, image.getparent()
    while wrapper is not None and wrapper is not container and wrapper not in tops and not text(wrapper):
        branch, wrapper = wrapper, wrapper.getparent()
    if wrapper is None or wrapper is container or wrapper in tops:
        return []
    if (wrapper.text or "").strip() or any((c.tail or "").strip() for c in wrapper):
        return []  # text loose beside the image: a paragraph with an inline image
    if sum(1 for _ in wrapper.iter(*IMAGE_TAGS)) != 1 or len(text(wrapper).split()) > MAX_CAPTION_WORDS:
        return []
    return [c for c in wrapper if is_element(c) and c is not branch and text(c)]


def _caption_after(image: HtmlElement, container: HtmlElement, tops: set[HtmlElement]) -> HtmlElement | None:
    """The first text after the image, when it is short and set apart as a caption."""
    following = image.xpath("following::text()[normalize-space()][1]")
    if not following or following[0].is_tail:
        return None
    el = following[0].getparent()
    if el is None or container not in el.iterancestors():
        return None
    content = text(el)
    while (parent := el.getparent()) is not None and parent is not container and parent not in tops \
            and text(parent) == content and image not in parent.iterdescendants():
        el = parent
    if el.tag in HEADING_TAGS or len(content.split()) > MAX_CAPTION_WORDS or DATELINE.match(content):
        return None
    return el if _is_italic(el) or _is_centred(el) or CREDIT.search(content) else None


def _is_italic(el: HtmlElement) -> bool:
    if el.tag in _ITALIC_TAGS or _ITALIC_STYLE.search(el.get("style") or ""):
        return True
    italic = [i for i in el.iter(*_ITALIC_TAGS) if not any(a.tag in _ITALIC_TAGS for a in i.iterancestors())]
    return sum(len(text(i)) for i in italic) >= len(text(el))


def _is_centred(el: HtmlElement) -> bool:
    return ((el.get("align") or "").casefold() == "center" or bool(_CENTRED_STYLE.search(el.get("style") or ""))
            or bool(_CENTRED_CLASSES & set((el.get("class") or "").casefold().split())))
