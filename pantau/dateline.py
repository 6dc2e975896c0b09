"""The publication date a page prints next to its headline ("Senin, 21 Oktober 2024 10:15 WIB").

Pages without date metadata (old table-layout government sites, small CMSs)
still print the date in a line next to the headline, and where the metadata
is wrong (a local wall clock labelled +00:00, a JSON-LD date a day early) the
printed date is the one readers see (:mod:`pantau.published` weighs them).
Reading "the first date anywhere", as a generic metadata search does, takes
the date of the first teaser in a "Berita Lainnya" list, or the header's
"today", instead. So the date is looked for only in the text right below the
headline (or in the one line right above it), and never inside a link list, a
photo caption ("… on November 19, 2024. — Picture by …") or a sentence of the
text ("… rapat paripurna, Jumat (29/11/2024).": the day of the event), nor
where the page says it is the update ("Diperbarui 23 November 2024",
"Updated", "Dikemaskini").

Printed dates are Indonesian, Malay or English, day or month first, with a
24- or 12-hour clock ("4:32pm", "12:15 am", "10:15:16"). Times without a zone
are returned naive (the caller reads them as Asia/Jakarta); WIB, WITA, WIT and
Malaysia's MYT carry their offsets (+07, +08, +09, +08), so a caller can tell
a stated zone from none. A date printed without a time says so
(:class:`Dated`), so a caller does not take its 00:00 for a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, time, timedelta, timezone
from typing import NamedTuple

from lxml.html import HtmlElement

from pantau.analysis.clean import load_boilerplate
from pantau.dom import INLINE_TAGS, class_words, is_element, is_prose, link_density

# Month names and abbreviations: Indonesian, Malay, English.
MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "mac": 3, "march": 3, "mar": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "julai": 7, "july": 7, "jul": 7,
    "agustus": 8, "ogos": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "ogo": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "disember": 12, "december": 12, "des": 12, "dis": 12, "dec": 12,
}
_HOURS_7, _HOURS_8, _HOURS_9 = (timezone(timedelta(hours=h)) for h in (7, 8, 9))
ZONES = {"wib": _HOURS_7, "wita": _HOURS_8, "wit": _HOURS_9, "myt": _HOURS_8}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ZONE = "|".join(sorted(ZONES, key=len, reverse=True))
_CLOCK = r"(?:\s*[,|/–•·@-]?\s*(?:pukul|jam|at|om)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})" \
         r"(?:[:.](?P<second>\d{2}))?" \
         rf"\s*(?P<ampm>[ap]\.?m\b\.?)?(?:\s*(?P<zone>{_ZONE})\b)?)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<month2>{_MONTH})\.?\s+(?P<day2>\d{{1,2}}){_ORDINAL},?\s+(?P<year2>\d{{4}})"
    rf"|(?P<day3>\d{{1,2}})[/.-](?P<month3>\d{{1,2}})[/.-](?P<year3>\d{{4}})"
    rf"|(?P<year4>\d{{4}})-(?P<month4>\d{{2}})-(?P<day4>\d{{2}}))\b{_CLOCK}",
    re.IGNORECASE,
)
# A clock time or a relative age ("14:22", "2 jam lalu"): how a comment or a live post states when it was written.
POSTED_AT = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan|tahun|seconds?|minutes?|hours?|days?|weeks?"
    r"|months?|years?)\s+(?:yang\s+)?(?:lalu|ago)\b", re.IGNORECASE)
# How much text below the headline may come before its date line.
WINDOW_CHARS = 300
# A line of at least this many words ending like a sentence is the text, not a date line: its dates are the
# event's ("… dalam rapat paripurna, Jumat (29/11/2024).").
MIN_SENTENCE_WORDS = 12
# The update's date, not the publication's: "Diperbarui 23 Nov 2024", "Updated: Sat, …", "Dikemaskini …";
# the cue right before a printed date, or a <time> element's own text starting with it.
_UPDATE_WORDS = r"(?:diperbarui|diperbaharui|diupdate|update|updated|pembaruan|dikemaskini|kemaskini|modified|edited)"
_UPDATED = re.compile(rf"\b{_UPDATE_WORDS}\b\s*(?:pada|on|at)?\s*[:–-]?\s*(?:\w+\s*,\s*)?$", re.IGNORECASE)
_UPDATED_LABEL = re.compile(rf"\s*(?:terakhir\s+|last\s+)?{_UPDATE_WORDS}\b", re.IGNORECASE)
# A date line above the headline: at most this many characters ("Oleh Admin | Kamis, 5 November 2015 - 15:56
# WIB"), looked for in at most this many enclosing blocks (the heading's title wrapper), and never across the
# page's header or navigation (where the header's "today" is printed).
MAX_LINE_ABOVE_CHARS = 120
ABOVE_LEVELS = 1
_CHROME_TAGS = frozenset({"header", "nav", "aside", "footer", "menu"})
_CHROME = re.compile(r"^((site|page|main|top|global)[-_]?)?header$|(^|[-_])(masthead|topbar|top-bar|navbar|nav|menu"
                     r"|breadcrumbs?)($|[-_])", re.IGNORECASE)
_SLASHED = re.compile(r"^(\d{4})/(\d{2})/(\d{2})")
_ISO_CLOCK = re.compile(r"(?:T|\s)\d{2}:?\d{2}")
# A block with more link text than this is a link list (teasers with their dates).
MAX_LINK_DENSITY = 0.5
_NEVER_TEXT = ("script", "style", "noscript", "template", "button", "select", "option", "textarea", "svg")


class Dated(NamedTuple):
    """A date as a page states it: naive when it names no zone, 00:00 with ``clock`` False when it names no time."""

    when: datetime
    clock: bool


class Dateline(NamedTuple):
    """The publication date next to the headline: as printed, and the ``<time datetime>`` carrying it, if any."""

    printed: Dated
    stamp: Dated | None = None


def printed_date(value: str) -> Dated | None:
    """The first printed date in ``value``, and whether a time of day was printed with it."""
    for m in DATE.finditer(value):
        if found := _datetime(m):
            return found
    return None


def _datetime(m: re.Match[str]) -> Dated | None:
    g = m.groupdict()
    if g["day"]:
        day, month, year = int(g["day"]), MONTHS[g["month"].casefold()], int(g["year"])
    elif g["day2"]:
        day, month, year = int(g["day2"]), MONTHS[g["month2"].casefold()], int(g["year2"])
    elif g["day3"]:
        day, month, year = int(g["day3"]), int(g["month3"]), int(g["year3"])
    else:
        day, month, year = int(g["day4"]), int(g["month4"]), int(g["year4"])
    hour, minute, second = int(g["hour"] or 0), int(g["minute"] or 0), int(g["second"] or 0)
    if g["ampm"]:  # 12-hour clock: "4:32pm" is 16:32, "12:15 am" is 00:15, "12:05 PM" is noon
        hour = hour % 12 + (12 if g["ampm"][0].casefold() == "p" else 0)
    try:
        when = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    zone = ZONES.get((g["zone"] or "").casefold())  # None: no zone printed
    return Dated(when.replace(tzinfo=zone), clock=g["hour"] is not None)


def date_below(heading: HtmlElement) -> Dateline | None:
    """The publication date below ``heading``: a ``<time datetime>`` or a printed date, within
    :data:`WINDOW_CHARS` of text.

    Read line by line (a line ends at a block or a ``<br>``): link lists and
    photo captions are not read, a line that is a sentence of the text
    (:data:`MIN_SENTENCE_WORDS` words, ending like one) is passed over, and a
    date the page calls the update is not the publication date. A ``<time>``
    whose own text prints a date gives that date (its ``datetime`` may be a
    wrongly labelled copy: "21:40+00:00" for a printed "21:40 WITA").
    """
    line: list[str] = []
    searched, read = "", 0
    for piece in _pieces(heading):
        if isinstance(piece, str):
            line.append(piece)
            continue
        text = " ".join(line)
        line = []
        if text and not _is_sentence(text):
            searched += " " + text
            if found := _published_in(searched):
                return Dateline(found)
        read += len(text)
        if isinstance(piece, _Stamp) and not (_UPDATED.search(searched) or _UPDATED_LABEL.match(piece.label)):
            return _stamped(piece)
        if read > WINDOW_CHARS:
            return None
    return None


def date_above(heading: HtmlElement) -> Dateline | None:
    """The publication date in the one line right above ``heading`` (templates that print it over the title).

    Only the nearest line, within :data:`ABOVE_LEVELS` blocks around the
    heading; a link list (the breadcrumb), a sentence, a longer line or the
    page's header or navigation in between means there is no date line above.
    """
    node: HtmlElement | None = heading
    for _ in range(ABOVE_LEVELS + 1):
        if node is None or node.tag in ("body", "html"):
            return None
        found = _line_before(node)
        if found is not None:
            return _date_line(found)
        node = node.getparent()
    return None


def _line_before(node: HtmlElement) -> list[str | _Stamp] | None:
    """The last line of visible text before ``node`` inside its parent: [] when chrome or a link list comes first,
    None when nothing visible does."""
    for sibling in node.itersiblings(preceding=True):
        if sibling.tail and sibling.tail.strip():
            return [sibling.tail.strip()]
        if not is_element(sibling) or sibling.tag in _NEVER_TEXT:
            continue
        if sibling.tag in _CHROME_TAGS or any(_CHROME.search(w) for w in class_words(sibling)) \
                or _is_link_list(sibling):
            return []
        lines = _lines(_visible(sibling))
        if lines:
            return lines[-1]
    parent = node.getparent()
    if parent is not None and parent.text and parent.text.strip():
        return [parent.text.strip()]
    return None


def _lines(pieces: Iterator[str | _Stamp | None]) -> list[list[str | _Stamp]]:
    lines: list[list[str | _Stamp]] = [[]]
    for piece in pieces:
        if piece is None:
            lines.append([])
        else:
            lines[-1].append(piece)
    return [line for line in lines if line]


def _date_line(line: list[str | _Stamp]) -> Dateline | None:
    text = " ".join(p for p in line if isinstance(p, str))
    if len(text) > MAX_LINE_ABOVE_CHARS or _is_sentence(text) or _UPDATED_LABEL.match(text):
        return None
    if found := _published_in(text):
        return Dateline(found)
    stamp = next((p for p in line if isinstance(p, _Stamp)), None)
    return _stamped(stamp) if stamp is not None and not _UPDATED_LABEL.match(stamp.label) else None


def _stamped(stamp: _Stamp) -> Dateline:
    """A ``<time datetime>``: the date its own text prints, if any, else the value (shown as "2 jam lalu")."""
    if printed := _published_in(stamp.label):
        return Dateline(printed, stamp.when)
    return Dateline(stamp.when)


def _published_in(text: str) -> Dated | None:
    """The first printed date in ``text`` that is not introduced as the update ("Diperbarui 23 Nov …")."""
    for m in DATE.finditer(text):
        if not _UPDATED.search(text, 0, m.start()) and (found := _datetime(m)):
            return found
    return None


def _is_sentence(line: str) -> bool:
    return is_prose(line) and len(line.split()) >= MIN_SENTENCE_WORDS


class _Stamp(NamedTuple):
    when: Dated
    label: str  # the <time> element's own text


def _pieces(el: HtmlElement) -> Iterator[str | _Stamp | None]:
    """Visible text, ``<time>`` values and line ends (None) after ``el`` in document order, then a last line end."""
    node: HtmlElement | None = el
    yield None  # the heading's own line ends here
    while node is not None:
        if node.tail and node.tail.strip():
            yield node.tail.strip()
        for sibling in node.itersiblings():
            yield from _visible(sibling)
        node = node.getparent()
    yield None


def _visible(el: HtmlElement) -> Iterator[str | _Stamp | None]:
    if is_element(el) and el.tag not in _NEVER_TEXT and not _is_link_list(el) and not _is_caption(el):
        block = el.tag not in INLINE_TAGS or el.tag == "br"
        if block:
            yield None
        if el.tag == "time" and el.get("itemprop") != "dateModified" \
                and (stamp := stated_date(el.get("datetime"))) is not None:
            yield _Stamp(stamp, " ".join(el.text_content().split()))
        if el.text and el.text.strip():
            yield el.text.strip()
        for child in el:
            yield from _visible(child)
        if block:
            yield None
    if el.tail and el.tail.strip():
        yield el.tail.strip()


def stated_date(value: str | None) -> Dated | None:
    """A machine-readable date as an attribute or meta tag states it: ISO 8601 ("2024-11-05T10:15:00+07:00",
    "2024-11-05 10:15:00", "2024-11-05", "20241105") or with slashes ("2024/11/05 10:15:00", detik's
    ``publishdate``); naive when it names no zone. None when it is none of these."""
    if not value or not (value := value.strip()):
        return None
    value = _SLASHED.sub(r"\1-\2-\3", value).replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)", value)
        if not m:
            return None
        when = datetime.fromisoformat(f"{m[1]}T{m[2]}")
    # "T00:00:00" is how many CMSs write a date without a time
    return Dated(when, clock=bool(_ISO_CLOCK.search(value)) and when.time() != time(0))


def _is_link_list(el: HtmlElement) -> bool:
    return el.tag not in INLINE_TAGS and link_density(el) > MAX_LINK_DENSITY


def _is_caption(el: HtmlElement) -> bool:
    """A photo's caption: ``<figure>``/``<figcaption>`` or a block whose class says so (``image-caption``)."""
    if el.tag in ("figure", "figcaption"):
        return True
    caption = load_boilerplate().classes["junk_blocks"]["caption"]
    return any(caption.search(w) for w in class_words(el))
