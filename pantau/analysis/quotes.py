"""Direct quotations in Indonesian (and Malay) news, who said them, and the officials named.

Regional copy is typed fast and edited little: opening and closing marks
mix styles (“…", ‘‘…’’), a quoted term sits inside a quote (tombol "like"),
a closing mark is missing at the end of a paragraph, a quote runs on into
the next paragraph, a teaser at the top repeats a later quote, and the
speaker is a pronoun, a clitic ("katanya"), a surname, a bare title or a
truncated name. So marks are paired by their context (what is left and right
of them), not by glyph, and a pair is speech only when something says so:
an attribution verb next to it, or its position and length. Speakers come
from :mod:`pantau.analysis.officials`, which knows who holds which office.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from pantau.analysis.officials import (
    LEXICON,
    Mention,
    People,
    Person,
    alternation,
    find_mentions,
    is_institution,
    is_name_word,
    name_at,
)
from pantau.models import Official, Quote

__all__ = ["find_quotes_and_officials"]


_SHORT = alternation(LEXICON.verbs_short)
_LONG = alternation(LEXICON.verbs_long)
_PASSIVE = alternation(LEXICON.verbs_passive)
_PRONOUN = alternation(LEXICON.pronouns)
_GAP = r"[ \t]+"  # a paragraph is one line: attributions never cross a line break
_LEAD = r"^[ \t,.;:–—-]*"
_ADVERB = rf"(?:(?:juga|pun|kembali|lalu|pula|terus){_GAP})?"  # "Rudi juga mengatakan"

# Quotation marks: doubled single marks count as one double mark.
_MARK = re.compile(r"‘‘|’’|''|``|[\"“”„‟″«»]")
_OPEN_GLYPHS = frozenset({"“", "„", "‟", "‘‘", "«", "``"})
_CLOSE_GLYPHS = frozenset({"”", "’’", "»", "″"})
_OPEN_LEFT = frozenset("([{-–—:/")  # characters before an opening mark
_CLOSE_RIGHT = frozenset(".,;:!?)]}-–—…")  # characters after a closing mark

# "…," katanya / ujarnya / tegasnya
_AFTER_CLITIC = re.compile(rf"{_LEAD}(?:lanjut{_GAP})?(?:{_SHORT})nya\b", re.IGNORECASE)
# "…," kata Rudi / ujar Ketua KPU … / kata dia lagi / disampaikan oleh …
_AFTER_VERB = re.compile(
    rf"{_LEAD}(?:(?:demikian|begitu){_GAP})?(?:{_SHORT}|{_LONG}|{_PASSIVE})(?:{_GAP}oleh)?{_GAP}",
    re.IGNORECASE)
# Subject then verb: "…," Rudi menambahkan. / Ia berkata, "…"
_VERB_AHEAD = re.compile(rf"[ \t]*,?[ \t]*{_ADVERB}(?:{_LONG}|{_SHORT})\b", re.IGNORECASE)
_PRONOUN_AT = re.compile(rf"(?:{_PRONOUN})\b", re.IGNORECASE)
# Before an opening mark: the last speech verb or "menurut" of the sentence.
_BEFORE_VERB = re.compile(rf"(?<!\w)(?:menurut|{_SHORT}|{_LONG}|{_PASSIVE})(?:{_GAP}oleh)?(?!\w)",
                          re.IGNORECASE)
# A quote with no closing mark that ends in its own attribution: "Kami siap, kata Rudi."
_INNER_ATTRIBUTION = re.compile(
    rf"(?<=[,.!?]){_GAP}(?=(?:{_SHORT})(?:nya\b|{_GAP}(?:{_PRONOUN})\b|{_GAP}(?-i:[A-Z])))", re.IGNORECASE)
# Names found where they act as subject: "Isnan mengatakan", "Menurut Iqbal", "kata Rudi". Verbs are
# looked up word by word in sets (faster than a big alternation at every offset), then the name
# is read just before or just after the verb.
_LONG_VERBS = frozenset(LEXICON.verbs_long)
_AGENT_VERBS = frozenset(LEXICON.verbs_short) | set(LEXICON.verbs_passive) | LEXICON.speaker_prepositions
_SUBJECT_BEFORE = re.compile(rf"((?:[A-Z][\w'’.-]*{_GAP}){{0,3}}[A-Z][\w'’-]*)[ \t]*,?{_GAP}{_ADVERB}$")
_AGENT_GAP = re.compile(rf"{_GAP}(?:oleh{_GAP})?(?=[A-Z])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘A-Z])")


class _Who(Enum):
    PRONOUN = "pronoun"  # ia, dia, -nya: the current speaker
    NOBODY = "nobody"  # an institution, a document, an unnamed person


@dataclass
class _Span:
    """Text between quotation marks, as body offsets."""

    para: int
    open_at: int  # offset of the opening mark (text_start when it is missing)
    text_start: int
    text_end: int
    close_at: int  # offset after the closing mark (text_end when it is missing)
    closed: bool


@dataclass
class _Candidate:
    span: _Span
    speaker: Person | None = None
    role: str | None = None


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
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _spans_in_line(body: str, para: int, base: int, line: str) -> list[_Span]:
    """Top-level quoted spans of one paragraph; quoted terms inside a quote stay inside it."""
    spans: list[_Span] = []
    marks = [(m.start(), m.end()) for m in _MARK.finditer(line)]
    stack: list[tuple[int, int]] = []
    i = 0
    while i < len(marks):
        s, e = marks[i]
        i += 1
        kind = _direction(line, s, e)
        if kind == "open" or (kind == "either" and not stack):
            stack.append((s, e))
        elif stack:
            o = stack.pop()
            if not stack:
                ts, te = _trimmed(body, base + o[1], base + s)
                spans.append(_Span(para, base + o[0], ts, te, base + e, True))
        elif not spans and line[:s].strip():
            # Closing mark with no opening one: the quote started at the paragraph start.
            ts, te = _trimmed(body, base, base + s)
            spans.append(_Span(para, ts, ts, te, base + e, True))
        if i == len(marks) and stack:
            o = stack[0]
            cut = _INNER_ATTRIBUTION.search(line, o[1])
            if cut:  # "Kami siap, kata Rudi. "Next…": close the first quote before its attribution
                ts, te = _trimmed(body, base + o[1], base + cut.start())
                spans.append(_Span(para, base + o[0], ts, te, te, True))
                stack.clear()
                i = next((k for k, (ms, _) in enumerate(marks) if ms >= cut.end()), len(marks))
    if stack:
        o = stack[0]
        ts, te = _trimmed(body, base + o[1], base + len(line))
        spans.append(_Span(para, base + o[0], ts, te, te, False))
    return [sp for sp in spans if _WORD.search(body, sp.text_start, sp.text_end)]


def _find_spans(body: str) -> list[_Span]:
    """Quoted spans of the body; a quote left open and continued by the next paragraph is one span."""
    spans: list[_Span] = []
    for para, line_match in enumerate(re.finditer(r"[^\n]+", body)):
        line_spans = _spans_in_line(body, para, line_match.start(), line_match.group(0))
        if (line_spans and spans and not spans[-1].closed and spans[-1].para == para - 1
                and not body[line_match.start():line_spans[0].open_at].strip()):
            first = line_spans.pop(0)
            prev = spans[-1]
            spans[-1] = _Span(para, prev.open_at, prev.text_start, first.text_end, first.close_at,
                              first.closed)
        spans.extend(line_spans)
    return spans


def _line_bounds(body: str, pos: int) -> tuple[int, int]:
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    return start, end if end >= 0 else len(body)


class _Article:
    """One body with its role mentions and people, answering 'who is at this offset?'."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.role_mentions = find_mentions(body)
        self.by_start = {m.start: m for m in self.role_mentions}
        covered = [(m.start, m.end) for m in self.role_mentions]
        self.named = [m for m in self.role_mentions if m.name] + [
            m for m in self._bare_names() if not any(s <= m.start < e for s, e in covered)]
        self.people = People(self.named)

    def _bare_names(self) -> list[Mention]:
        """Names acting as subjects without a role: "Isnan mengatakan", "Menurut Iqbal", "kata Rudi"."""
        out: list[Mention] = []
        for word in _WORD.finditer(self.body):
            w = word.group(0)
            if w in _LONG_VERBS:
                found = self._subject_before(word.start())
            elif w.lower() in _AGENT_VERBS and (gap := _AGENT_GAP.match(self.body, word.end())):
                found = name_at(self.body, gap.end())
            else:
                continue
            if found:
                out.append(found)
        return out

    def _subject_before(self, verb_at: int) -> Mention | None:
        """The name right before a verb, unless it ends an institution ("Pemerintah Provinsi Bengkulu")."""
        m = _SUBJECT_BEFORE.search(self.body, max(0, verb_at - 80), verb_at)
        if not m or "\n" in m.group(0):
            return None
        words = m.group(1).split()
        k = len(words)
        while k > 0 and is_name_word(words[k - 1]):
            k -= 1
        if 0 < k < len(words) and f"{words[k - 1]} {words[k]}".lower() in LEXICON.honorifics:
            k += 1  # "Datuk Seri Amirudin"
        run = words[k:]
        before = words[k - 1].lower().rstrip(".,") if k > 0 else ""
        if not run or before in LEXICON.org_words or before in LEXICON.region_words:
            return None
        start = m.end(1) - len(" ".join(run))
        return Mention(start, m.end(1), " ".join(run), None)

    def who_at(self, pos: int) -> Mention | _Who | None:
        """The person phrase starting at ``pos`` (after spaces): a mention, a pronoun, nobody, or None."""
        while pos < len(self.body) and self.body[pos] in " \t":
            pos += 1
        if _PRONOUN_AT.match(self.body, pos):
            return _Who.PRONOUN
        if pos in self.by_start:
            return self.by_start[pos]
        found = name_at(self.body, pos)
        if found:
            return found
        words = _WORD.findall(self.body, pos, min(len(self.body), pos + 60))
        if words and is_institution(words[:1]):
            return _Who.NOBODY
        return None

    def person(self, mention: Mention) -> Person | None:
        """The person a mention refers to: by name (new if unseen), or by a title alone ("sekda")."""
        if mention.name:
            return self.people.resolve(mention.name, mention.start) or self.people.add(mention)
        return self.people.resolve_role(mention.role or "", mention.start)


def _after_attribution(art: _Article, span: _Span) -> Mention | _Who | None:
    """Attribution right after the closing mark: "…," katanya / kata Rudi / Rudi menambahkan."""
    _, line_end = _line_bounds(art.body, span.close_at)
    if span.close_at >= line_end:
        return None
    rest = art.body[span.close_at:line_end]
    if _AFTER_CLITIC.match(rest):
        return _Who.PRONOUN
    verb = _AFTER_VERB.match(rest)
    if verb:
        who = art.who_at(span.close_at + verb.end())
        return who if who is not None else _Who.NOBODY
    lead = re.match(_LEAD, rest)
    pos = span.close_at + (lead.end() if lead else 0)
    who = art.who_at(pos)
    if who is _Who.PRONOUN:
        pm = _PRONOUN_AT.match(art.body, pos)
        return who if pm and _VERB_AHEAD.match(art.body, pm.end()) else None
    if isinstance(who, Mention) and _VERB_AHEAD.match(art.body, who.end):
        return who
    return None


def _before_attribution(art: _Article, span: _Span, since: int) -> Mention | _Who | None:
    """Attribution that introduces the quote: "Menurut Rudi, "…" / Ia berkata: "…"."""
    window = art.body[since:span.open_at]
    if not re.search(r"[,:]\s*$", window):
        return None
    verbs = list(_BEFORE_VERB.finditer(window))
    if not verbs:
        return None
    verb = verbs[-1]
    who = art.who_at(since + verb.end())
    if isinstance(who, Mention):
        return who
    head = window[:verb.start()].rstrip(" ,")
    if re.search(rf"(?<!\w)(?:{_PRONOUN})$", head, re.IGNORECASE):
        return _Who.PRONOUN
    ending = [m for m in art.named + art.role_mentions if m.end == since + len(head)]
    if ending:
        return ending[0]
    # "Surat edaran itu berbunyi," / "Bawaslu menyatakan:" speak for no person.
    return _Who.NOBODY if is_institution(_WORD.findall(head)) else None


def _is_speech(art: _Article, span: _Span, attributed: bool, since: int) -> bool:
    """Speech, not a term, title, theme or nickname in quotation marks."""
    before = art.body[since:span.open_at]
    prev_words = _WORD.findall(before[-40:])
    if prev_words and prev_words[-1].lower() in LEXICON.term_introducers:
        return False
    if attributed:
        return True
    text = art.body[span.text_start:span.text_end]
    words = _WORD.findall(text)
    if len(words) < 3:
        return False
    ends_sentence = text.rstrip()[-1:] in {",", ".", "!", "?", "…"}
    capitalised = sum(w[0].isupper() for w in words) / len(words)
    if capitalised > 0.6 and not ends_sentence:
        return False  # a title or theme: “Membangun Literasi …”
    starts_sentence = not before.strip() or bool(re.search(r"[.!?:]\s*$", before))
    if starts_sentence:
        return True
    return ends_sentence and len(words) >= 5


def _sentence_start(body: str, pos: int, floor: int) -> int:
    """Offset where the sentence holding ``pos`` starts (not before ``floor``)."""
    start = floor
    for m in _SENTENCE_END.finditer(body, floor, pos):
        start = m.end()
    return start


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def _dedupe(cands: list[_Candidate], body: str) -> list[_Candidate]:
    """Drop a teaser that repeats a later quote: keep the attributed copy, else the later one."""
    keep = [True] * len(cands)
    keys = [_norm(body[c.span.text_start:c.span.text_end]) for c in cands]
    for i in range(len(cands)):
        for j in range(i + 1, len(cands)):
            if keep[i] and keep[j] and keys[i] and (keys[i] in keys[j] or keys[j] in keys[i]) \
                    and min(len(keys[i]), len(keys[j])) >= 20:
                drop = j if cands[i].speaker and not cands[j].speaker else i
                keep[drop] = False
    return [c for c, k in zip(cands, keep, strict=True) if k]


def _subjects(art: _Article, in_quote: Callable[[int], bool]) -> list[tuple[int, Person]]:
    """Who the narrative is about, in body order: the people a pronoun or clitic can point back to.

    A mention counts when it acts ("Nurman menegaskan", "Ketua KPU, Rudi, mengatakan") or opens
    its sentence ("Hal ini disampaikan oleh …"); an object later in a sentence ("… berkoordinasi
    dengan Kapolres …") does not, nor does anyone named inside a quotation.
    """
    out: list[tuple[int, Person]] = []
    seen_sentences: set[int] = set()
    for m in sorted(art.named + [m for m in art.role_mentions if not m.name], key=lambda x: x.start):
        if in_quote(m.start):
            continue
        line_start, _ = _line_bounds(art.body, m.start)
        sentence = _sentence_start(art.body, m.start, line_start)
        opens_sentence = sentence not in seen_sentences
        seen_sentences.add(sentence)
        acts = bool(_VERB_AHEAD.match(art.body, m.end))
        if not (acts or (opens_sentence and m.name)):
            continue  # a bare title counts only when it acts: "sekda mengingatkan"
        person = art.person(m)
        if person:
            out.append((m.start, person))
    return out


def find_quotes_and_officials(body: str) -> tuple[list[Quote], list[Official]]:
    """Direct quotations (in body order, with speaker and role) and the officials of one article.

    ``body`` is a cleaned article body, one paragraph per line (blank lines between
    paragraphs are fine). ``Quote.start``/``end`` are offsets of ``Quote.text`` in ``body``.
    """
    art = _Article(body)
    spans = _find_spans(body)
    inside = [(sp.text_start, sp.text_end) for sp in spans]

    def in_quote(pos: int) -> bool:
        return any(s <= pos < e for s, e in inside)

    subjects = _subjects(art, in_quote)

    cands: list[_Candidate] = []
    prev_close = 0
    current: Person | None = None
    subject_i = 0
    for span in spans:
        while subject_i < len(subjects) and subjects[subject_i][0] < span.open_at:
            current = subjects[subject_i][1]
            subject_i += 1
        line_start, _ = _line_bounds(body, span.open_at)
        since = _sentence_start(body, span.open_at, max(line_start, prev_close))
        prev_close = span.close_at
        who = _after_attribution(art, span) or _before_attribution(art, span, since)
        if not _is_speech(art, span, who is not None, since):
            continue
        cand = _Candidate(span)
        if isinstance(who, Mention):
            cand.speaker = art.person(who)
            cand.role = who.role
        elif who is None or who is _Who.PRONOUN:
            cand.speaker = current
        if cand.speaker:
            current = cand.speaker
        cands.append(cand)

    quotes: list[Quote] = []
    for cand in _dedupe(cands, body):
        sp = cand.span
        if cand.speaker:
            cand.speaker.quoted = True
        quotes.append(Quote(
            text=body[sp.text_start:sp.text_end],
            speaker=cand.speaker.name if cand.speaker else None,
            role=cand.speaker.role if cand.speaker else cand.role,
            start=sp.text_start,
            end=sp.text_end,
        ))
    return quotes, art.people.officials()
