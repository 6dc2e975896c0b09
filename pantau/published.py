"""The publication time of an article page, weighed over every place the page states it.

Pages state it in several places and each is wrong somewhere: metadata that
labels the local wall clock as UTC ("21:40+00:00" for a printed "21:40
WITA"), a JSON-LD date a day early, a meta tag with the date only
("2024-11-05", so the time would be stored as 00:00), a theme that prints the
time only in the date line or in a Blogger ``<abbr class="published">``. So
the day is the one the page prints next to its headline when a date line is
there (what readers see), else the metadata's; among the statements of that
day, one that carries a time of day beats one that does not; and a clock time
stated twice with different zones takes the printed zone (the newsroom's
"WITA" over a theme's "+00:00"), a naive one the zone of any statement of the
same clock time (else WIB).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from lxml.html import HtmlElement

from pantau.dateline import Dated, date_above, date_below, stated_date
from pantau.json_ld import json_ld_objects
from pantau.wib import WIB

# Where pages state their publication time in metadata, most reliable first (then JSON-LD).
PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='publish_date'"
    " or @name='content_PublishedDate' or @name='date']/@content",
)
# Where a page marks up a time without printing it as a date line: its first <time datetime> and the
# hAtom "published" stamp (Blogger's <abbr class="published" title="…">).
STAMP_XPATHS = (
    "(//time[@datetime][not(@itemprop='dateModified')])[1]/@datetime",
    "(//abbr[contains(concat(' ', normalize-space(@class), ' '), ' published ')][@title])[1]/@title",
)


def publication_time(tree: HtmlElement, heading: HtmlElement | None) -> datetime | None:
    """When the article was published, aware; None when the page states it nowhere."""
    machine = [d for d in (_meta(tree), stated_date(_json_ld(tree))) if d is not None]
    line = (date_below(heading) or date_above(heading)) if heading is not None else None
    printed = line.printed if line else None
    stamped = [line.stamp] if line and line.stamp else []
    stamped += [d for d in (stated_date(str(v[0])) for v in (tree.xpath(x) for x in STAMP_XPATHS) if v) if d]
    statements = [*machine, *([printed] if printed else []), *stamped]
    if not statements:
        return None
    zone = printed.when.tzinfo if printed and printed.when.tzinfo else WIB
    # The printed line names the day when it prints a time too (a full date line is the publication's, a bare
    # date may be an event's), when the machine statements disagree on the day, or when there are none.
    decides = printed is not None and (printed.clock or not machine or len({_day(d, zone) for d in machine}) > 1)
    anchor = printed if decides and printed else (machine or statements)[0]
    day = _day(anchor, zone)
    same_day = [anchor, *(d for d in statements if d is not anchor and _day(d, zone) == day)]
    if anchor is printed:  # a machine statement of that day keeps its precedence (seconds, an own zone)
        same_day = [*(d for d in machine if _day(d, zone) == day), *same_day]
    chosen = next((d for d in same_day if d.clock), same_day[0])
    return _zoned(chosen, printed if printed and printed.clock else None, statements)


def _day(stated: Dated, zone: tzinfo) -> date:
    """The day a statement names, as read in ``zone``: a date without a time, or a naive time, is its own date."""
    if not stated.clock or stated.when.tzinfo is None:
        return stated.when.date()
    return stated.when.astimezone(zone).date()


def _zoned(chosen: Dated, printed: Dated | None, statements: list[Dated]) -> datetime:
    """``chosen`` as an aware time. When the printed line states the same wall clock in a zone, its zone is
    the one (a theme labels the local clock "+00:00"); a naive time takes the zone of any statement of the
    same wall clock, else WIB's."""
    clock = _wall_clock(chosen.when)
    if printed is not None and printed.when.tzinfo is not None and _wall_clock(printed.when) == clock:
        return chosen.when.replace(tzinfo=printed.when.tzinfo)
    if chosen.when.tzinfo is not None:
        return chosen.when
    same = next((d for d in statements if d.clock and d.when.tzinfo is not None and _wall_clock(d.when) == clock),
                None)
    return chosen.when.replace(tzinfo=same.when.tzinfo if same else WIB)


def _wall_clock(when: datetime) -> datetime:
    return when.replace(tzinfo=None, second=0, microsecond=0)


def _meta(tree: HtmlElement) -> Dated | None:
    for xpath in PUBLISHED_XPATHS:
        found = tree.xpath(xpath)
        if found and (stated := stated_date(str(found[0]))) is not None:
            return stated
    return None


def _json_ld(tree: HtmlElement) -> str | None:
    return next((str(node["datePublished"]) for node in json_ld_objects(tree) if node.get("datePublished")), None)

