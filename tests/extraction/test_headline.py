"""The headline: without site names, with the punctuation the page prints."""

from __future__ import annotations

import lxml.html
import pytest

from pantau.headline import headline, strip_site_name


def head(metas: str, body: str = "") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><head>{metas}</head><body>{body}<p>Isi.</p></body></html>")


@pytest.mark.parametrize(("title", "expected"), [
    ("Saat pengadilan pertemukan Brotoseno dan Angelina Sondakh - ANTARA News",
     "Saat pengadilan pertemukan Brotoseno dan Angelina Sondakh"),
    ("KapanLagi.com: Brandon Salim Makin Dekat Dengan Sivia Blink", "Brandon Salim Makin Dekat Dengan Sivia Blink"),
    ("Merek China “Serbu” Indonesia, Ini Kata Gaikindo | Kompas.com",
     "Merek China “Serbu” Indonesia, Ini Kata Gaikindo"),
    ("Indonesia can Learn from Finland`s Peatland Fire Case: Pratikno | Tempo.Co :: Indonesian News Portal",
     "Indonesia can Learn from Finland`s Peatland Fire Case: Pratikno"),
    ("Tri Indonesia: Broadband Dorong Ekosistem Digital", "Tri Indonesia: Broadband Dorong Ekosistem Digital"),
])
def test_site_name_is_stripped_and_the_headline_keeps_its_punctuation(title: str, expected: str) -> None:
    assert strip_site_name(title, ("ANTARA News",)) == expected


def test_the_h1_wins_when_it_agrees_with_a_metadata_title_that_lost_punctuation() -> None:
    tree = head('<meta property="og:title" content="KPK tak Temukan Surat Pencabutan IUP Apa Iya Betul Dicabut">',
                "<h1>KPK tak Temukan Surat Pencabutan IUP: Apa Iya Betul Dicabut?</h1>")
    assert headline(tree) == "KPK tak Temukan Surat Pencabutan IUP: Apa Iya Betul Dicabut?"


def test_the_h1_wins_over_a_prefixed_og_title() -> None:
    tree = head("<meta property=\"og:title\" content=\"KapanLagi.com: Bikin Gaduh Kota, Rumah Penyanyi Digrebek\">",
                "<h1>Bikin Gaduh Kota, Rumah Penyanyi Digrebek</h1>")
    assert headline(tree) == "Bikin Gaduh Kota, Rumah Penyanyi Digrebek"


def test_an_h1_that_is_the_site_name_or_a_section_does_not_win() -> None:
    tree = head('<meta property="og:title" content="Banjir - ANTARA News"><meta property="og:site_name" '
                'content="ANTARA News">', "<h1>ANTARA News</h1><h1>Otomotif</h1>")
    assert headline(tree) == "Banjir"


def test_without_metadata_the_first_h1() -> None:
    assert headline(head("", "<h1>Judul Berita</h1>")) == "Judul Berita"
    assert headline(head("")) is None
