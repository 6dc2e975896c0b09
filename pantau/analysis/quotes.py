"""Direct quotations in Indonesian, English and Malay news, who said them, and the officials named.

The stages, each its own module: :mod:`~pantau.analysis.spans` pairs the
quotation marks; :mod:`~pantau.analysis.mentions` finds roles, names and
unnamed people; :mod:`~pantau.analysis.people` groups them into persons and
resolves short references; :mod:`~pantau.analysis.attribution` weighs the
evidence for each quote's speaker. This module decides which spans are speech
(a term, title or slogan in quotation marks is not), drops a teaser that
repeats a later quote, and builds the result.
"""

from __future__ import annotations

import re

from pantau.analysis.attribution import Article, Attributed, attribute
from pantau.analysis.lexicon import LEXICON
from pantau.analysis.spans import Span, find_spans
from pantau.models import Official, Quote

__all__ = ["find_quotes_and_officials"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TEASER_MIN_CHARS = 20
_SPEECH_VERBS = frozenset(LEXICON.verbs_long)


def _is_speech(art: Article, span: Span, attributed: bool, since: int) -> bool:
    """Speech, not a term, title, theme or nickname in quotation marks."""
    before = art.body[since:span.open_at]
    prev_words = _WORD.findall(before[-40:])
    if prev_words and prev_words[-1].lower() in LEXICON.term_introducers:
        return False
    if attributed:
        return True
    text = art.body[span.text_start:span.text_end]
    words = _WORD.findall(text)
    ends_sentence = text.rstrip()[-1:] in {",", ".", "!", "?", "…"}
    if prev_words and ends_sentence and prev_words[-1].lower() in _SPEECH_VERBS and not before[-1:].isalnum():
        return True  # 'akun itu menulis "Mantap, Puang!"': a speech verb right before the mark
    if len(words) < 3:
        return False
    capitalised = sum(w[0].isupper() for w in words) / len(words)
    if capitalised > 0.6 and not ends_sentence:
        return False  # a title or theme: “Membangun Literasi …”
    if prev_words and prev_words[-1].lower() in LEXICON.text_introducers and not before[-1:].isalnum():
        return True  # a caption that reads as a sentence: keterangan “Torang pilih nomor dua, so pasti menang”
    starts_sentence = not before.strip() or bool(re.search(r"[.!?:]\s*$", before))
    if starts_sentence:
        return True
    return ends_sentence and len(words) >= 5


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def _dedupe(found: list[Attributed], body: str) -> list[Attributed]:
    """Drop a teaser that repeats a later quote: keep the attributed copy, else the later one."""
    keep = [True] * len(found)
    keys = [_norm(body[a.span.text_start:a.span.text_end]) for a in found]
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            if keep[i] and keep[j] and keys[i] and (keys[i] in keys[j] or keys[j] in keys[i]) \
                    and min(len(keys[i]), len(keys[j])) >= _TEASER_MIN_CHARS:
                drop = j if found[i].speaker and not found[j].speaker else i
                keep[drop] = False
    return [a for a, k in zip(found, keep, strict=True) if k]


def find_quotes_and_officials(body: str) -> tuple[list[Quote], list[Official]]:
    """Direct quotations (in body order, with speaker and role) and the officials of one article.

    ``body`` is a cleaned article body, one paragraph per line (blank lines between
    paragraphs are fine). ``Quote.start``/``end`` are offsets of ``Quote.text`` in ``body``.
    """
    spans = find_spans(body)
    art = Article(body, spans)
    found = attribute(art, spans, lambda span, attributed, since: _is_speech(art, span, attributed, since))
    quotes: list[Quote] = []
    for a in _dedupe(found, body):
        sp = a.span
        quotes.append(Quote(
            text=body[sp.text_start:sp.text_end],
            speaker=a.speaker.name if a.speaker else None,
            role=a.speaker.role if a.speaker else a.role,
            start=sp.text_start,
            end=sp.text_end,
        ))
    return quotes, art.people.officials()
