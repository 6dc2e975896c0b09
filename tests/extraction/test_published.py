"""The publication time weighed over metadata, JSON-LD, the printed date line and time stamps (pantau/published.py).

Each test is a class of page seen on real or blind-written pages, with made-up copy: the time lost to a
date-only statement or to a meta format not read, a theme labelling the local wall clock "+00:00", a JSON-LD
date a day early, and a date line printed above the headline.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import lxml.html
from layouts import STORY, TITLE, URL, paragraphs

from pantau.dateline import Dated, date_above, printed_date, stated_date
from pantau.extract import extract_page

WIB, WITA, WIT = (timezone(timedelta(hours=h)) for h in (7, 8, 9))


def published(head: str = "", above: str = "", below: str = "", after: str = "") -> datetime | None:
    """extract_page's publication time of an article page: ``head`` in <head>, ``above``/``below`` the <h1>."""
    html = (f"<html><head><title>{TITLE} - Warta Sleman</title>{head}</head><body>"
            "<header class='site-header'><span class='today'>Jumat, 8 Desember 2023</span></header>"
            f"<div class='post'><div class='title-wrap'>{above}<h1>{TITLE}</h1></div>{below}"
            f"<div class='content'>{paragraphs(STORY)}</div>{after}</div></body></html>")
    extracted = extract_page(html, URL)
    assert extracted is not None
    return extracted.published


def test_printed_zones_carry_their_offsets_and_no_zone_stays_naive() -> None:
    assert printed_date("Senin, 04 Desember 2023 - 14:35 WIB") == Dated(datetime(2023, 12, 4, 14, 35, tzinfo=WIB),
                                                                         clock=True)
    assert printed_date("04/12/2023 14:35 WITA") == Dated(datetime(2023, 12, 4, 14, 35, tzinfo=WITA), clock=True)
    assert printed_date("4 Des 2023, 14.35.20 WIT") == Dated(datetime(2023, 12, 4, 14, 35, 20, tzinfo=WIT),
                                                             clock=True)
    assert printed_date("Senin, 04 Desember 2023 14:35") == Dated(datetime(2023, 12, 4, 14, 35), clock=True)
    assert printed_date("Senin, 04 Desember 2023") == Dated(datetime(2023, 12, 4), clock=False)


def test_machine_dates_in_slashes_and_midnight_placeholders_are_read_for_what_they_say() -> None:
    assert stated_date("2023/12/04 14:35:00") == Dated(datetime(2023, 12, 4, 14, 35), clock=True)  # detik
    assert stated_date("2023-12-04T14:35:00+07:00") == Dated(datetime(2023, 12, 4, 14, 35, tzinfo=WIB), clock=True)
    assert stated_date("2023-12-04") == Dated(datetime(2023, 12, 4), clock=False)
    assert stated_date("2023-12-04T00:00:00+07:00") == Dated(datetime(2023, 12, 4, tzinfo=WIB), clock=False)
    assert stated_date("kemarin") is None


def test_meta_tags_with_the_time_in_other_formats_keep_the_time() -> None:
    detik = '<meta name="publishdate" content="2023/12/04 14:35:00">'
    assert published(detik) == datetime(2023, 12, 4, 14, 35, tzinfo=WIB)
    kompas = '<meta name="content_PublishedDate" content="2023-12-04 14:35:00">'
    assert published(kompas) == datetime(2023, 12, 4, 14, 35, tzinfo=WIB)


def test_blogger_s_published_stamp_gives_the_time_a_date_only_line_lacks() -> None:
    post_footer = ("<div class='post-footer'>Diposting oleh Admin pada <a class='timestamp-link' href='/p'>"
                   "<abbr class='published' title='2023-12-04T14:35:00+07:00'>14.35</abbr></a></div>")
    assert published(below="<p>Senin, 04 Desember 2023</p>", after=post_footer) == datetime(
        2023, 12, 4, 14, 35, tzinfo=WIB)
    assert published(after=post_footer) == datetime(2023, 12, 4, 14, 35, tzinfo=WIB)


def test_a_printed_time_wins_over_a_date_only_statement_of_the_same_day() -> None:
    date_only = '<meta name="date" content="2023-12-04">'
    assert published(date_only, below="<p>Senin, 04 Desember 2023 - 14:35 WIB</p>") == datetime(
        2023, 12, 4, 14, 35, tzinfo=WIB)
    midnight = '<meta property="article:published_time" content="2023-12-04T00:00:00+07:00">'
    assert published(midnight, below="<p>04/12/2023 | 14:35 WITA</p>") == datetime(2023, 12, 4, 14, 35, tzinfo=WITA)
    # a time of another day is no time for this one: the date-only metadata keeps its day
    assert published(date_only, after="<p><time datetime='2023-12-01T09:00:00+07:00'>1 Des</time></p>") == datetime(
        2023, 12, 4, tzinfo=WIB)


def test_a_date_line_above_the_headline_is_read_and_the_header_s_today_is_not() -> None:
    lokomedia = "<span class='tanggal'>Senin, 04 Desember 2023 - 14:35 WIB</span>"
    assert published(above=lokomedia) == datetime(2023, 12, 4, 14, 35, tzinfo=WIB)
    tree = lxml.html.fromstring(f"<div><header class='site-header'>Jumat, 8 Desember 2023</header><h1>{TITLE}</h1>"
                                "<div class='content'><p>Tanpa tanggal.</p></div></div>")
    assert date_above(tree.find(".//h1")) is None
    crumbs = (f"<div><p>Senin, 04 Desember 2023</p><ul class='crumbs'><li><a href='/'>Beranda</a></li>"
              f"<li><a href='/politik'>Politik</a></li></ul><h1>{TITLE}</h1></div>")
    assert date_above(lxml.html.fromstring(crumbs).find(".//h1")) is None  # a link list in between


def test_a_wall_clock_labelled_utc_takes_the_zone_the_page_prints() -> None:
    mislabelled = ('<meta property="article:published_time" content="2026-11-21T21:40:00+00:00">'
                   '<script type="application/ld+json">{"@type": "NewsArticle", '
                   '"datePublished": "2026-11-21T21:40:00+00:00"}</script>')
    line = ("<div class='meta'><time datetime='2026-11-21T21:40:00+00:00'>Sabtu, 21 November 2026 | 21:40 WITA"
            "</time></div>")
    assert published(mislabelled, below=line) == datetime(2026, 11, 21, 21, 40, tzinfo=WITA)
    # a real UTC time beside the local clock it stands for is left as it is
    utc = '<meta property="article:published_time" content="2026-11-21T13:40:00+00:00">'
    assert published(utc, below="<p>Sabtu, 21 November 2026 | 21:40 WITA</p>") == datetime(
        2026, 11, 21, 13, 40, tzinfo=UTC)


def test_a_printed_date_line_with_a_time_names_the_day_against_a_lone_json_ld_date() -> None:
    early = ('<script type="application/ld+json">{"@type": "NewsArticle", '
             '"datePublished": "2026-11-25T16:00:00+08:00"}</script>')
    assert published(early, below="<p>Kamis, 26 November 2026 | 19:10 WITA</p>") == datetime(
        2026, 11, 26, 19, 10, tzinfo=WITA)
    # a bare date below the headline may be an event's: it does not overrule the metadata
    assert published(early, below="<p>Kamis, 26 November 2026</p>") == datetime(2026, 11, 25, 16, 0, tzinfo=WITA)
