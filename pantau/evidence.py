"""Choosing between extraction results on evidence, paragraph by paragraph.

trafilatura's precision mode drops in-body subheadings and short paragraphs
it is unsure of; its recall mode keeps them but also keeps captions merged
into paragraphs, "Baca juga" inserts and related-link lists. Neither global
switch is right for every page (measured on real pages and the fixture site:
precision loses Media Indonesia's subheads, recall keeps KapanLagi's link
lists). :func:`merge_modes` keeps every precision paragraph and adds a
recall-only paragraph where the evidence says it is article text:

* position: it sits between prose paragraphs both modes kept (not before the
  lead or after the end, where kickers, bylines, teasers and promos live);
* link density: it is not mostly link text;
* overlap: it does not contain (or sit inside) a precision paragraph, which is
  how a caption glued to a paragraph shows.

:func:`prefer_container` decides whether a container found by scoring is the
article: it must agree with the whole-page extraction, or, where the two
disagree, match the page's own summary better.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from lxml.html import HtmlElement

from pantau.analysis.clean import paragraph_key

# A recall-only paragraph with more linked text than this is a link list or an insert.
MAX_LINK_DENSITY = 0.3
MIN_PROSE_CHARS, MIN_PROSE_WORDS = 50, 8
# Share of a scored container's words the whole-page extraction must also have to confirm it.
MIN_AGREEMENT = 0.6
# A page summary (og:description) with fewer words than this is no evidence.
MIN_DESCRIPTION_WORDS = 5
# A container holding this share of the summary's words is the article (summarised).
MIN_SUMMARY_COVERAGE = 0.8
_TOKEN = re.compile(r"\w+")


def link_densities(tree: HtmlElement) -> dict[str, float]:
    """Share of linked text per paragraph-like block, keyed by :func:`paragraph_key`."""
    found: dict[str, float] = {}
    for el in tree.iter("p", "div", "li", "td", "h2", "h3", "h4", "blockquote"):
        text = " ".join(el.text_content().split())
        if not text:
            continue
        linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
        found.setdefault(paragraph_key(text), linked / len(text))
    return found


def _is_prose(paragraph: str) -> bool:
    """A sentence, not a kicker or label: only such shared paragraphs mark where the article runs."""
    return len(paragraph) >= MIN_PROSE_CHARS and len(paragraph.split()) >= MIN_PROSE_WORDS


def _overlaps(paragraph: str, others: Sequence[str]) -> bool:
    key = paragraph_key(paragraph)
    return any(k and (k in key or key in k) for k in map(paragraph_key, others))


def merge_modes(precise: Sequence[str], recalled: Sequence[str], densities: dict[str, float]) -> list[str]:
    """Precision paragraphs plus the recall-only paragraphs the evidence supports, in page order."""
    if not precise:
        return [p for p in recalled if densities.get(paragraph_key(p), 0.0) <= MAX_LINK_DENSITY]
    p_keys = [paragraph_key(p) for p in precise]
    r_keys = [paragraph_key(p) for p in recalled]
    opcodes = SequenceMatcher(None, p_keys, r_keys, autojunk=False).get_opcodes()
    anchors = [i for tag, i1, i2, _, _ in opcodes if tag == "equal" for i in range(i1, i2) if _is_prose(precise[i])]
    if not anchors:
        return list(precise)
    first_shared, last_shared = anchors[0], anchors[-1] + 1
    merged: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes:
        merged.extend(precise[i1:i2])
        if tag not in ("insert", "replace") or not first_shared < i1 <= i2 < last_shared:
            continue  # only between paragraphs both modes kept
        for paragraph in recalled[j1:j2]:
            if densities.get(paragraph_key(paragraph), 0.0) > MAX_LINK_DENSITY:
                continue
            if _overlaps(paragraph, precise):
                continue
            merged.append(paragraph)
    return merged


def _tokens(paragraphs: Sequence[str]) -> Counter[str]:
    return Counter(t for p in paragraphs for t in _TOKEN.findall(p.casefold()))


def agreement(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """Share of ``candidate``'s words that ``reference`` also has (1.0 when there is no reference)."""
    ours, theirs = _tokens(candidate), _tokens(reference)
    if not theirs:
        return 1.0
    total = sum(ours.values())
    return sum((ours & theirs).values()) / total if total else 0.0


def _coverage(summary: Counter[str], paragraphs: Sequence[str]) -> float:
    words = set(_tokens(paragraphs))
    return sum(1 for w in summary if w in words) / len(summary)


def summarised(container: Sequence[str], description: str) -> bool:
    """Whether the page's own summary (``og:description``, usually its lead) is in the container's text.

    Then the container is the article and no second opinion is needed (the
    whole-page extraction it would be checked against costs more than the rest).
    """
    summary = _tokens([description])
    return len(summary) >= MIN_DESCRIPTION_WORDS and _coverage(summary, container) >= MIN_SUMMARY_COVERAGE


def prefer_container(container: Sequence[str], whole: Sequence[str], description: str, *,
                     follows_headline: bool) -> bool:
    """Whether the container's text, rather than the whole-page extraction, is the article.

    They agree (most container words are in the whole-page text): the container,
    which is the tighter of the two. They disagree: the one that covers more of
    the page's own summary (``og:description``, usually the lead); without a
    summary, the container when it follows the page's headline (the whole-page
    extractor took the longer text after it: comments, the next article).
    """
    if agreement(container, whole) >= MIN_AGREEMENT:
        return True
    summary = _tokens([description])
    if len(summary) >= MIN_DESCRIPTION_WORDS:
        return _coverage(summary, container) >= _coverage(summary, whole)
    return follows_headline
