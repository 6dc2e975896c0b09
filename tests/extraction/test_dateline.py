"""The publication date printed below the headline, and how extract_page ranks it among the page's dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import lxml.html
import pytest
from layouts import STORY, TITLE, URL, paragraphs

from pantau.dateline import Dateline, date_below, printed_date
from pantau.extract import extract_page

WIB7 = timezone(timedelta(hours=7))


def when(line: Dateline | None) -> datetime | None:
    """The printed date of a date line (the <time> value when its text prints none)."""
    return line.printed.when if line else None


@pytest.mark.parametrize(("printed", "expected"), [
    ("Senin, 21 Oktober 2024 10:15 WIB", datetime(2024, 10, 21, 10, 15, tzinfo=WIB7)),
    ("Selasa, 29 Oktober 2024 | 15:48 WITA", datetime(2024, 10, 29, 15, 48, tzinfo=timezone(timedelta(hours=8)))),
    ("15 Oktober 2024 pukul 12.46", datetime(2024, 10, 15, 12, 46)),
    ("Jumat , 17 February 2017, 13:16 WIB", datetime(2017, 2, 17, 13, 16, tzinfo=WIB7)),
    ("October 14, 2024 at 10:15 pm", datetime(2024, 10, 14, 22, 15)),
    ("Kamis, 05/11/2015 09:25 WIB", datetime(2015, 11, 5, 9, 25, tzinfo=WIB7)),
    ("Sabtu, 10 Ogos 2024", datetime(2024, 8, 10)),
    ("Diperbarui 2024-10-30 17:41", datetime(2024, 10, 30, 17, 41)),
    # Malay and English month names, 12-hour clocks, separators before the clock, zones east of WIB
    ("Disember 3, 2024 @ 4:32pm", datetime(2024, 12, 3, 16, 32)),
    ("Selasa, 3 Dis 2024 12:15am", datetime(2024, 12, 3, 0, 15)),
    ("3 Disember 2024, 12:05 PM", datetime(2024, 12, 3, 12, 5)),
    ("Friday, 22 Nov 2024 4:55 PM MYT", datetime(2024, 11, 22, 16, 55, tzinfo=timezone(timedelta(hours=8)))),
    ("Mon, Dec 2nd, 2024 • 4:32 p.m.", datetime(2024, 12, 2, 16, 32)),
    ("2nd of December 2024 · 16:20", datetime(2024, 12, 2, 16, 20)),
    ("Jumat, 6 Desember 2024 | 09.30 WIT", datetime(2024, 12, 6, 9, 30, tzinfo=timezone(timedelta(hours=9)))),
    ("12 Mrt 2024", datetime(2024, 3, 12)),
])
def test_printed_dates_are_read_with_their_time_and_zone(printed: str, expected: datetime) -> None:
    found = printed_date(printed)
    assert found is not None and found.when == expected


def test_no_date_without_a_year() -> None:
    assert printed_date("Senin (21/10) pukul 10.00") is None


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
    assert when(date_below(tree.find(".//h1"))) == datetime(2024, 10, 22, 8, 0)


def test_metadata_then_a_time_element_below_the_headline_come_before_a_printed_line() -> None:
    meta = '<meta property="article:published_time" content="2024-10-23T09:41:00+08:00">'
    assert extract_page(page("Senin, 21 Oktober 2024", meta=meta), URL).published == datetime(  # type: ignore[union-attr]
        2024, 10, 23, 9, 41, tzinfo=timezone(timedelta(hours=8)))
    timed = page("<time datetime='2024-10-22T08:00:00+07:00'>Selasa</time> Senin, 21 Oktober 2024")
    assert extract_page(timed, URL).published == datetime(  # type: ignore[union-attr]
        2024, 10, 22, 8, 0, tzinfo=timezone(timedelta(hours=7)))


def below(html: str) -> datetime | None:
    tree = lxml.html.fromstring(f"<div><h1>{TITLE}</h1>{html}</div>")
    return when(date_below(tree.find(".//h1")))


def test_a_photo_caption_s_date_is_not_the_date_line() -> None:
    caption = ("<figure><img src='/f.jpg'><figcaption>Menteri berbicara di Shah Alam pada November 19, 2024. "
               "— Picture by Yusof</figcaption></figure>")
    assert below(f"{caption}<div>Friday, 22 Nov 2024 4:55 PM MYT</div><p>{STORY[0]}</p>") == datetime(
        2024, 11, 22, 16, 55, tzinfo=timezone(timedelta(hours=8)))
    styled = "<div class='image-caption'>Rapat paripurna, Jumat (29/11/2024). Foto: Humas</div>"
    assert below(f"{styled}<p>Oleh Tim Warta, 30 November 2024 08:00</p>") == datetime(2024, 11, 30, 8, 0)


def test_a_date_in_a_sentence_of_the_text_is_the_event_s_not_the_publication_s() -> None:
    lead = ("SANGGAU – DPRD Kabupaten Sanggau menyetujui Raperda APBD Tahun Anggaran 2025 dalam rapat paripurna, "
            "Jumat (29/11/2024).")
    assert below(f"<p>{lead}</p><p>{STORY[1]}</p>") is None
    assert below(f"<p>Sabtu, 30 November 2024 | 10:15 WIB</p><p>{lead}</p>") == datetime(2024, 11, 30, 10, 15,
                                                                                         tzinfo=WIB7)
    table_cell = f"<table><tr><td>Senin, 4 November 2024 | Admin<br><br>{lead}</td></tr></table>"
    assert below(table_cell) == datetime(2024, 11, 4)  # a line of its own before the text in the same cell


def test_the_update_s_date_is_not_the_publication_s() -> None:
    published = datetime(2024, 11, 22, 15, 20, tzinfo=WIB7)
    assert below("<p>Diperbarui 23 November 2024 08:02 WIB · 22 November 2024 15:20 WIB</p>") == published
    assert below("<p>Terakhir diperbarui: Sabtu, 23/11/2024 · Diterbitkan 22/11/2024 15:20</p>") == published.replace(
        tzinfo=None)  # no zone printed: naive
    assert below("<p>22 November 2024 15:20 WIB · <time datetime='2024-11-23T08:02:00+07:00'>Diperbarui "
                 "23 November 2024</time></p>") == published
    assert below("<p><time datetime='2024-11-23T08:02:00+07:00'>Updated 23 Nov</time> "
                 "<time datetime='2024-11-22T15:20:00+07:00'>22 Nov</time></p>") == datetime(
        2024, 11, 22, 15, 20, tzinfo=timezone(timedelta(hours=7)))
    assert below("<p><time itemprop='dateModified' datetime='2024-11-23T08:02:00'>23 Nov</time></p>") is None


def test_a_relative_printed_date_leaves_the_date_to_the_metadata() -> None:
    for meta in ('<meta property="article:published_time" content="2024-11-28T13:10:00+07:00">',
                 '<script type="application/ld+json">{"@type": "NewsArticle", '
                 '"datePublished": "2024-11-28T13:10:00+07:00"}</script>'):
        extracted = extract_page(page("Oleh Redaksi · 2 jam yang lalu", meta=meta), URL)
        assert extracted is not None and extracted.published is not None
        assert extracted.published.date().isoformat() == "2024-11-28", meta


def test_when_metadata_and_json_ld_name_different_days_the_printed_date_decides() -> None:
    def published(printed: str) -> str:
        meta = ('<meta property="article:published_time" content="2024-12-04T14:30:00+07:00">'
                '<script type="application/ld+json">{"@type": "NewsArticle", '
                '"datePublished": "2024-12-05T09:10:00+07:00"}</script>')
        extracted = extract_page(page(printed, meta=meta), URL)
        assert extracted is not None and extracted.published is not None
        return extracted.published.isoformat()
    assert published("Rabu, 04 Desember 2024 – 14:30 WIB") == "2024-12-04T14:30:00+07:00"
    assert published("Kamis, 05 Desember 2024 – 09:10 WIB") == "2024-12-05T09:10:00+07:00"
    assert published("Admin") == "2024-12-04T14:30:00+07:00"  # nothing printed: the metadata first


def test_a_time_stated_without_a_zone_takes_the_zone_of_the_same_clock_time_stated_with_one() -> None:
    naive = '<meta property="article:published_time" content="2024-11-22 16:55:35">'
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2024-11-22T16:55:35+08:00"}</script>')
    myt = timezone(timedelta(hours=8))
    assert extract_page(page("Admin", meta=naive + ld), URL).published == datetime(  # type: ignore[union-attr]
        2024, 11, 22, 16, 55, 35, tzinfo=myt)
    assert extract_page(page("Jumat, 22 November 2024 | 16:55 WITA", meta=naive), URL).published == datetime(  # type: ignore[union-attr]
        2024, 11, 22, 16, 55, 35, tzinfo=myt)
    assert extract_page(page("Admin", meta=naive), URL).published == datetime(  # type: ignore[union-attr]
        2024, 11, 22, 16, 55, 35, tzinfo=timezone(timedelta(hours=7)))  # nothing says otherwise: WIB
