"""Quotation spans: which text stands between quotation marks, paired by context rather than by glyph.

Regional copy is typed fast and edited little: opening and closing marks mix
styles (“…", ‘‘…’’), a quoted term sits inside a quote (tombol "like"), a
closing mark has a space on the wrong side (`hukum, "he explained`), a
closing mark is missing at the end of a paragraph, and Malay copy quotes in
single marks (‘…’) where ’ is also the apostrophe of "Dato’". So each mark
is judged by what is left and right of it; a mark that could open or close
closes when a quote is open and no later mark in the paragraph could.

A quote left open at the end of a paragraph is a quote of its own (each
paragraph of a long speech is one quotation); when the next paragraph opens
with a mark it goes on with the same speech, which ``continues`` records so
that the closing attribution ("…,” katanya.) can speak for the whole run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pantau.analysis.lexicon import LEXICON, alternation, fold

__all__ = ["Span", "find_spans"]

# Quotation marks: doubled single marks count as one double mark.
_MARK = re.compile(r"‘‘|’’|''|``|[\"“”„‟″«»]")
_OPEN_GLYPHS = frozenset({"“", "„", "‟", "‘‘", "«", "``"})
_CLOSE_GLYPHS = frozenset({"”", "’’", "»", "″"})
_OPEN_LEFT = frozenset("([{-–—:/")  # characters before an opening mark
_CLOSE_RIGHT = frozenset(".,;:!?)]}-–—…")  # characters after a closing mark
# Malay single marks: ‘ opens before a word, ’ closes after one (unless it is an apostrophe).
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))‘(?=[^\s‘’])|(?<=[^\s‘’])’(?=[\s.,;:!?)\]—–-]|$)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A quote with no closing mark that ends in its own attribution: "Kami siap, kata Rudi. "Next…".
_INNER_ATTRIBUTION = re.compile(
    rf"(?<=[,.!?])[ \t]+(?=(?:{alternation(LEXICON.verbs_short)})"
    rf"(?:nya\b|[ \t]+(?:{alternation(p for p in LEXICON.pronouns if p.isalpha())})\b|[ \t]+(?-i:[A-Z])))",
    re.IGNORECASE)


@dataclass
class Span:
    """Text between quotation marks, as body offsets."""

    para: int
    open_at: int  # offset of the opening mark (text_start when it is missing)
    text_start: int
    text_end: int
    close_at: int  # offset after the closing mark (text_end when it is missing)
    closed: bool
    continues: bool = False  # goes on with the open quote of the paragraph before


def _direction(line: str, s: int, e: int) -> str:
    """'open', 'close' or 'either' for the mark at line[s:e], judged by its neighbours first."""
    prev = line[s - 1] if s > 0 else " "
    nxt = line[e] if e < len(line) else " "
    left = prev.isspace() or prev in _OPEN_LEFT
    right = nxt.isspace() or nxt in _CLOSE_RIGHT
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    glyph = line[s:e]
    if glyph in _OPEN_GLYPHS:
        return "open"
    if glyph in _CLOSE_GLYPHS:
        return "close"
    return "either"


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (body[start].isspace() or body[start] in "”’\""):
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _double_spans(body: str, para: int, base: int, line: str) -> list[Span]:
    """Top-level spans between double marks in one paragraph; quoted terms inside a quote stay inside it."""
    spans: list[Span] = []
    marks = [(m.start(), m.end()) for m in _MARK.finditer(line)]
    stack: list[tuple[int, int]] = []
    i = 0
    while i < len(marks):
        s, e = marks[i]
        i += 1
        kind = _direction(line, s, e)
        if kind == "open" and stack and line[s:e] == '"' and i == len(marks):
            kind = "close"  # `hukum, "he explained`: a straight mark that no later mark could close
        if kind == "open" or (kind == "either" and not stack):
            stack.append((s, e))
        elif stack:
            o = stack.pop()
            if not stack:
                ts, te = _trimmed(body, base + o[1], base + s)
                spans.append(Span(para, base + o[0], ts, te, base + e, True))
        elif not spans and line[:s].strip():
            # Closing mark with no opening one: the quote started at the paragraph start.
            ts, te = _trimmed(body, base, base + s)
            spans.append(Span(para, ts, ts, te, base + e, True))
        if i == len(marks) and stack:
            o = stack[0]
            cut = _INNER_ATTRIBUTION.search(line, o[1])
            if cut:  # "Kami siap, kata Rudi. "Next…": close the first quote before its attribution
                ts, te = _trimmed(body, base + o[1], base + cut.start())
                spans.append(Span(para, base + o[0], ts, te, te, True))
                stack.clear()
                i = next((k for k, (ms, _) in enumerate(marks) if ms >= cut.end()), len(marks))
    if stack:
        o = stack[0]
        ts, te = _trimmed(body, base + o[1], base + len(line))
        spans.append(Span(para, base + o[0], ts, te, te, False))
    return spans


def _is_apostrophe(line: str, at: int) -> bool:
    """’ that ends a word such as "Dato’" (an honorific) rather than a quotation."""
    word = re.search(r"[^\W\d_]+$", line[:at])
    return word is not None and fold(word.group(0) + "'") in LEXICON.honorifics


def _single_spans(body: str, para: int, base: int, line: str, taken: list[Span]) -> list[Span]:
    """Spans between single curly marks (‘…’), outside the double-mark spans of the paragraph; one left
    open at the paragraph's end runs to it, as with double marks."""
    spans: list[Span] = []
    open_at: int | None = None
    for m in _SINGLE.finditer(line):
        at = base + m.start()
        if any(sp.open_at <= at < sp.close_at for sp in taken):
            continue
        if m.group(0) == "‘":
            open_at = m.start() if open_at is None else open_at
        elif open_at is not None and not _is_apostrophe(line, m.start()):
            ts, te = _trimmed(body, base + open_at + 1, at)
            spans.append(Span(para, base + open_at, ts, te, at + 1, True))
            open_at = None
    if open_at is not None and re.fullmatch(r"(?:.*[:,])?\s*", line[:open_at]):
        # a speech that opens the paragraph (or follows "berkata:") and goes on in the next one, which
        # opens with ‘ again; a stray ‘ inside a sentence ("era ‘90-an") opens nothing
        ts, te = _trimmed(body, base + open_at + 1, base + len(line))
        spans.append(Span(para, base + open_at, ts, te, te, False))
    return spans


def _spans_in_line(body: str, para: int, base: int, line: str) -> list[Span]:
    spans = _double_spans(body, para, base, line)
    if "‘" in line:
        spans = sorted(spans + _single_spans(body, para, base, line, spans), key=lambda sp: sp.open_at)
    return [sp for sp in spans if _WORD.search(body, sp.text_start, sp.text_end)]


def find_spans(body: str) -> list[Span]:
    """Quoted spans of the body, in order; a paragraph opening with a mark after an open quote continues it."""
    spans: list[Span] = []
    for para, line_match in enumerate(re.finditer(r"[^\n]+", body)):
        line_spans = _spans_in_line(body, para, line_match.start(), line_match.group(0))
        if (line_spans and spans and not spans[-1].closed and spans[-1].para == para - 1
                and not body[line_match.start():line_spans[0].open_at].strip()):
            line_spans[0].continues = True
        spans.extend(line_spans)
    return spans
