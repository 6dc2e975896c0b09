"""The publication date a page prints under its headline ("Senin, 21 Oktober 2024 10:15 WIB").

Pages without date metadata (old table-layout government sites, small CMSs)
still print the date in a line next to the headline. Reading "the first date
anywhere", as a generic metadata search does, takes the date of the first
teaser in a "Berita Lainnya" list instead. So the date is looked for only in
the text right below the headline, and never inside a link list.

Times without a zone, or in WIB, are returned naive (the caller reads them as
Asia/Jakarta); WITA and WIT carry their offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from lxml.html import HtmlElement

from pantau.dom import INLINE_TAGS, is_element, link_density

# Month names and abbreviations: Indonesian, Malay, English.
MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "mac": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "julai": 7, "july": 7, "jul": 7,
    "agustus": 8, "ogos": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "disember": 12, "december": 12, "des": 12, "dec": 12,
}
ZONES = {"wib": None, "wita": timezone(timedelta(hours=8)), "wit": timezone(timedelta(hours=9))}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_CLOCK = r"(?:\s*[,|/–-]?\s*(?:pukul|jam|at|om)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.]\d{2})?" \
         r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?P<zone>wita|wib|wit)\b)?)?"
DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<month2>{_MONTH})\.?\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})"
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
# A block with more link text than this is a link list (teasers with their dates).
MAX_LINK_DENSITY = 0.5
_NEVER_TEXT = ("script", "style", "noscript", "template", "button", "select", "option", "textarea", "svg")


def parse_date(value: str) -> datetime | None:
    """The first printed date (with its time, when one follows) in ``value``; None when there is none."""
    for m in DATE.finditer(value):
        if found := _datetime(m):
            return found
    return None


def _datetime(m: re.Match[str]) -> datetime | None:
    g = m.groupdict()
    if g["day"]:
        day, month, year = int(g["day"]), MONTHS[g["month"].casefold()], int(g["year"])
    elif g["day2"]:
        day, month, year = int(g["day2"]), MONTHS[g["month2"].casefold()], int(g["year2"])
    elif g["day3"]:
        day, month, year = int(g["day3"]), int(g["month3"]), int(g["year3"])
    else:
        day, month, year = int(g["day4"]), int(g["month4"]), int(g["year4"])
    hour, minute = int(g["hour"] or 0), int(g["minute"] or 0)
    if g["ampm"] and g["ampm"][0].casefold() == "p" and hour < 12:
        hour += 12
    try:
        when = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    zone = ZONES.get((g["zone"] or "").casefold())
    return when.replace(tzinfo=zone) if zone else when


def date_below(heading: HtmlElement) -> datetime | None:
    """The date below ``heading``: a ``<time datetime>`` or a printed date, within :data:`WINDOW_CHARS` of text.

    Link lists (teasers with their dates) are not read.
    """
    seen = ""
    for piece in _following(heading):
        if isinstance(piece, datetime):
            return piece
        seen += " " + piece
        if found := parse_date(seen):
            return found
        if len(seen) > WINDOW_CHARS:
            return None
    return None


def _following(el: HtmlElement) -> Iterator[str | datetime]:
    """Visible text and ``<time>`` values after ``el`` in document order, link lists left out."""
    node: HtmlElement | None = el
    while node is not None:
        if node.tail and node.tail.strip():
            yield node.tail.strip()
        for sibling in node.itersiblings():
            yield from _visible(sibling)
        node = node.getparent()


def _visible(el: HtmlElement) -> Iterator[str | datetime]:
    if is_element(el) and el.tag not in _NEVER_TEXT and not _is_link_list(el):
        if el.tag == "time" and (stamp := _iso(el.get("datetime"))) is not None:
            yield stamp
        if el.text and el.text.strip():
            yield el.text.strip()
        for child in el:
            yield from _visible(child)
    if el.tail and el.tail.strip():
        yield el.tail.strip()


def _iso(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _is_link_list(el: HtmlElement) -> bool:
    return el.tag not in INLINE_TAGS and link_density(el) > MAX_LINK_DENSITY
