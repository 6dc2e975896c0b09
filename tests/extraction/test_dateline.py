"""The publication date printed below the headline, and how extract_page ranks it among the page's dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import lxml.html
import pytest
from layouts import STORY, TITLE, URL, paragraphs

from pantau.dateline import date_below, parse_date
from pantau.extract import extract_page


@pytest.mark.parametrize(("printed", "expected"), [
    ("Senin, 21 Oktober 2024 10:15 WIB", datetime(2024, 10, 21, 10, 15)),
    ("Selasa, 29 Oktober 2024 | 15:48 WITA", datetime(2024, 10, 29, 15, 48, tzinfo=timezone(timedelta(hours=8)))),
    ("15 Oktober 2024 pukul 12.46", datetime(2024, 10, 15, 12, 46)),
    ("Jumat , 17 February 2017, 13:16 WIB", datetime(2017, 2, 17, 13, 16)),
    ("October 14, 2024 at 10:15 pm", datetime(2024, 10, 14, 22, 15)),
    ("Kamis, 05/11/2015 09:25 WIB", datetime(2015, 11, 5, 9, 25)),
    ("Sabtu, 10 Ogos 2024", datetime(2024, 8, 10)),
    ("Diperbarui 2024-10-30 17:41", datetime(2024, 10, 30, 17, 41)),
])
def test_printed_dates_are_read_with_their_time_and_zone(printed: str, expected: datetime) -> None:
    assert parse_date(printed) == expected


def test_no_date_without_a_year() -> None:
    assert parse_date("Senin (21/10) pukul 10.00") is None


def page(between: str, after: str = "", meta: str = "") -> str:
    """A page with no date metadata unless ``meta``: a teaser list of other days first, then the article."""
    teasers = "".join(f"<li><a href='/b/{d}'>Berita lain nomor {d} tentang pemilu di Sleman</a> ({d}/10/2024)</li>"
                      for d in (14, 15))
    return (f"<html><head><title>Warta Sleman</title>{meta}</head><body><ul class='daftar'>{teasers}</ul>"
            f"<table><tr><td class='judul'><b>{TITLE}</b></td></tr><tr><td>{between}</td></tr>"
            f"<tr><td class='isi'>{paragraphs(STORY)}</td></tr></table>{after}</body></html>")


def test_the_date_line_below_the_headline_wins_over_dates_in_link_lists() -> None:
    extracted = extract_page(page("Senin, 21 Oktober 2024 | Admin | Dibaca: 245 kali"), URL)
    assert extracted is not None and extracted.title == TITLE
    assert extracted.published == datetime(2024, 10, 21, tzinfo=extracted.published.tzinfo)
    assert extracted.published.utcoffset() == timedelta(hours=7)


def test_a_link_list_right_below_the_headline_is_not_its_date_line() -> None:
    tree = lxml.html.fromstring(
        f"<div><h1>{TITLE}</h1><ul><li><a href='/x'>Harga cabai turun lagi di pasar</a> 20 Oktober 2024</li></ul>"
        "<p>Oleh Tim Warta, 22 Oktober 2024 08:00</p></div>")
    assert date_below(tree.find(".//h1")) == datetime(2024, 10, 22, 8, 0)


def test_metadata_then_a_time_element_below_the_headline_come_before_a_printed_line() -> None:
    meta = '<meta property="article:published_time" content="2024-10-23T09:41:00+08:00">'
    assert extract_page(page("Senin, 21 Oktober 2024", meta=meta), URL).published == datetime(  # type: ignore[union-attr]
        2024, 10, 23, 9, 41, tzinfo=timezone(timedelta(hours=8)))
    timed = page("<time datetime='2024-10-22T08:00:00+07:00'>Selasa</time> Senin, 21 Oktober 2024")
    assert extract_page(timed, URL).published == datetime(  # type: ignore[union-attr]
        2024, 10, 22, 8, 0, tzinfo=timezone(timedelta(hours=7)))
