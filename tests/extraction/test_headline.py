"""The headline: without site names, with the punctuation the page prints."""

from __future__ import annotations

import lxml.html
import pytest
from layouts import STORY, TITLE, URL, paragraphs
from layouts import page as layout_page

from pantau.extract import extract_page
from pantau.headline import SiteNames, headline, is_branding, page_site_names, strip_site_name


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


def test_a_marked_headline_agreeing_with_the_title_wins_and_the_site_name_is_learnt_from_the_page() -> None:
    """Joomla prints the headline in <h2 itemprop="headline">; the site's name is only in its logo and © line."""
    tree = head("<title>Pj Bupati Minta ASN Tidak Ikut Kampanye - Berita Kotabaru</title>",
                "<div class='logo'><img src='/logo.png' alt='Berita Kotabaru'></div>"
                "<h2 itemprop='headline'>Pj Bupati Minta ASN Tidak Ikut Kampanye?</h2>"
                "<footer>© 2024 Berita Kotabaru</footer>")
    assert headline(tree) == "Pj Bupati Minta ASN Tidak Ikut Kampanye?"
    no_heading = head("<title>Pj Bupati Minta ASN Tidak Ikut Kampanye - Berita Kotabaru</title>",
                      "<footer>Copyright © 2024 Berita Kotabaru. All rights reserved.</footer>")
    assert headline(no_heading) == "Pj Bupati Minta ASN Tidak Ikut Kampanye"
    assert page_site_names(no_heading) == ["Berita Kotabaru"]


def test_a_related_story_s_heading_does_not_pass_for_the_headline() -> None:
    tree = head('<meta property="og:title" content="Bawaslu Sleman Temukan Tiga ASN Tidak Netral di Kampanye">',
                "<h3><a href='/b/1'>Bawaslu Sleman Temukan</a></h3>")
    assert headline(tree) == "Bawaslu Sleman Temukan Tiga ASN Tidak Netral di Kampanye"


def extracted_title(html: str) -> str | None:
    page = extract_page(html, URL)
    assert page is not None
    return page.title


def test_the_printed_h1_wins_over_an_seo_og_title() -> None:
    seo = "Tujuh ASN Disanksi karena Tidak Netral, Ini Daftar Pelanggarannya"
    html = layout_page(f"<div class='read'><h1>{TITLE}</h1><div class='info'>Penulis: Tim</div>"
                       f"<div class='isi'>{paragraphs(STORY)}</div></div>", title=seo)
    assert extracted_title(html) == TITLE


def test_the_bold_title_cell_of_a_table_layout_is_the_headline_when_the_title_is_the_site_s_name() -> None:
    html = ("<html><head><title>:: Website Resmi Pemerintah Kabupaten Sleman ::</title></head><body><table>"
            "<tr><td class='menu'><a href='/'>Beranda</a></td></tr>"
            f"<tr><td><b>{TITLE}</b></td></tr><tr><td>Senin, 4 November 2024 | Admin</td></tr>"
            f"<tr><td class='isi_berita'>{'<br><br>'.join(STORY)}</td></tr>"
            "<tr><td>Copyright © 2024 Pemerintah Kabupaten Sleman</td></tr></table></body></html>")
    assert extracted_title(html) == TITLE


def test_a_heading_on_another_subject_above_the_text_does_not_replace_a_good_metadata_title() -> None:
    for heading in ("<h2>Berita Terbaru Hari Ini</h2>", "<h1>Portal Berita Warga Online</h1>"):
        html = layout_page(f"{heading}<div class='isi'>{paragraphs(STORY)}</div>")
        assert extracted_title(html) == TITLE, heading


def test_the_site_s_name_set_as_the_h1_of_every_page_is_not_the_headline() -> None:
    """Old CMS themes print the site's name in an <h1> (marked as the logo or site title) and copy it into
    <title>; the article's headline is a lesser heading."""
    story = f"<h2 itemprop='headline'>{TITLE}</h2><div class='isi'>{paragraphs(STORY)}</div>"
    for banner in ("<h1 class='site-title'>PEMERINTAH KABUPATEN SLEMAN</h1>",
                   "<div id='logo'><h1><a href='/'>PEMERINTAH KABUPATEN SLEMAN</a></h1></div>"):
        html = (f"<html><head><title>Pemerintah Kabupaten Sleman</title></head><body><header>{banner}</header>"
                f"{story}</body></html>")
        assert extracted_title(html) == TITLE, banner


def test_the_home_page_s_og_title_copied_into_every_page_is_the_site_s_name() -> None:
    """og:url at the site's root on an article page: its og:title is the home page's, the <h1> that repeats
    it is the banner (no class says so here)."""
    html = ("<html><head><meta property='og:title' content='Pemerintah Kabupaten Sleman'>"
            "<meta property='og:url' content='https://slemankab.example/'><title>Pemerintah Kabupaten Sleman</title>"
            "</head><body><header><h1>PEMERINTAH KABUPATEN SLEMAN</h1></header>"
            f"<h2>{TITLE}</h2><div class='isi'>{paragraphs(STORY)}</div></body></html>")
    assert extracted_title(html) == TITLE
    article_url = html.replace("content='https://slemankab.example/'", f"content='{URL}'")
    assert extracted_title(article_url) == "PEMERINTAH KABUPATEN SLEMAN"  # an og:url of the page: its title stands


@pytest.mark.parametrize(("url", "title", "expected"), [
    ("https://www.radarbogor.id/2024/11/04/x", "Bupati Lantik 20 Pejabat Eselon | Radar Bogor",
     "Bupati Lantik 20 Pejabat Eselon"),
    ("https://kendal.bawaslu.go.id/berita/x", "Bawaslu Kendal - Sosialisasi Netralitas ASN",
     "Sosialisasi Netralitas ASN"),
    # a host's label is a place named in headlines too: only a whole segment spelling it is the site's name
    ("https://kendal.bawaslu.go.id/berita/x", "Pilkada 2024 - Bawaslu Kendal Temukan ASN Tidak Netral",
     "Pilkada 2024 - Bawaslu Kendal Temukan ASN Tidak Netral"),
])
def test_a_site_name_known_only_from_the_host_is_stripped_from_the_metadata_title(url: str, title: str,
                                                                                   expected: str) -> None:
    tree = head(f'<meta property="og:title" content="{title}">')
    assert headline(tree, url=url) == expected


def test_a_section_s_name_in_the_metadata_does_not_keep_the_printed_headline_out() -> None:
    """og:title "Berita Daerah - Warta Sleman" is the section page's title copied into the article: too short to be
    a headline, so the <h1> above the text needs to share no word with it."""
    html = layout_page(f"<h1>{TITLE}</h1><div class='isi'>{paragraphs(STORY)}</div>", title="Berita Daerah")
    assert extracted_title(html) == TITLE


def test_a_title_spelling_the_host_s_name_is_the_site_s_name() -> None:
    html = (f"<html><head><title>Warta Sleman</title></head><body><h2>{TITLE}</h2>"
            f"<div class='isi'>{paragraphs(STORY)}</div></body></html>")
    page = extract_page(html, "https://wartasleman.id/berita/2024/11/04/x")
    assert page is not None and page.title == TITLE


def test_a_headline_under_a_wrong_og_url_is_not_taken_for_the_site_s_name() -> None:
    """An SEO plugin that puts the site's root in og:url does not make a headline-long og:title the site's name."""
    def declared(og_title: str) -> tuple[str, ...]:
        tree = head(f"<meta property='og:url' content='https://wartasleman.id/'>"
                    f"<meta property='og:title' content='{og_title}'>")
        return SiteNames(tree, (), "https://wartasleman.id/berita/2024/11/04/x").declared
    assert declared("Pemerintah Kabupaten Sleman") == ("Pemerintah Kabupaten Sleman",)
    assert declared(f"{TITLE}: Tiga Laporan Diklarifikasi") == ()


def test_only_blocks_close_around_a_heading_mark_it_as_the_logo() -> None:
    logo = lxml.html.fromstring("<div class='site-branding'><p class='x'><a href='/'><span>Warta</span></a></p></div>")
    assert is_branding(logo.find(".//span"))
    deep = lxml.html.fromstring(f"<div class='brand-theme'><main><div class='content'><article><h1>{TITLE}</h1>"
                                "</article></div></main></div>")
    assert not is_branding(deep.find(".//h1"))


@pytest.mark.parametrize(("title", "expected"), [
    ("Kabar Seluma: Bupati Minta ASN Netral", "Bupati Minta ASN Netral"),
    ("kabarseluma.blogspot.com: Bupati Minta ASN Netral", "Bupati Minta ASN Netral"),
    # a colon in the headline itself, or a name that is only part of the site's, stays
    ("Pilkada 2024: KPU Tetapkan Tiga Pasangan Calon", "Pilkada 2024: KPU Tetapkan Tiga Pasangan Calon"),
    ("Seluma: Bupati Minta ASN Netral", "Seluma: Bupati Minta ASN Netral"),
])
def test_a_blog_s_name_before_a_colon_is_no_part_of_the_headline(title: str, expected: str) -> None:
    assert strip_site_name(title, ("Kabar Seluma",)) == expected


BLOG = "Bupati Seluma Minta Seluruh ASN Netral"


def blogger_page(post_title: str) -> str:
    """A Blogger item page of an old theme: "Blog: post" as the only title, the blog's name in its header."""
    return (f"<html><head><title>Kabar Seluma: {BLOG}</title></head><body>"
            "<div class='header-outer'><div class='widget Header'><h1 class='title'>"
            "<a href='https://kabar-seluma.example.org/'>Kabar Seluma</a></h1>"
            "<p class='description'>Berita dari Bumi Serasan Seijoli</p></div></div>"
            f"<div class='post hentry'>{post_title}<div class='post-body entry-content'>{paragraphs(STORY)}</div>"
            "</div></body></html>")


def test_the_blog_header_s_home_link_names_the_site_and_its_prefix_leaves_the_title() -> None:
    url = "https://kabar-seluma.example.org/2023/12/bupati-minta-asn-netral.html"
    tree = lxml.html.fromstring(blogger_page(""))
    assert "Kabar Seluma" in page_site_names(tree, url)
    assert "Kabar Seluma" not in page_site_names(tree, "https://other.example.org/x")  # not this site's home
    for post_title in (f"<h3 class='post-title entry-title'>{BLOG}</h3>", f"<div class='judul-post'>{BLOG}</div>"):
        assert headline(lxml.html.fromstring(blogger_page(post_title)), url=url) == BLOG
        extracted = extract_page(blogger_page(post_title), url)
        assert extracted is not None and extracted.title == BLOG
