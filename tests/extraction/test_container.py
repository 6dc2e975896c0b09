"""Finding the article on the page: loose text, the container, hidden and junk blocks, registry hints.

The pages (``layouts.py``) are small but built the way real Indonesian CMSs
build theirs, each with the trap that makes whole-page extraction fail:
comments or teasers that outscore a short article, the next article appended
below, a lead written as loose text, a body split by an ad slot.
"""

from __future__ import annotations

import lxml.html
import pytest
from layouts import LAYOUTS, NEXT_STORY, STORY, TITLE, URL, page, paragraphs

from crawler.outlets import ExtractionHints
from pantau.analysis.clean import clean_body
from pantau.container import find_container, normalise, prune
from pantau.extract import extract_page


def body_of(html: str, **kwargs: object) -> list[str]:
    extracted = extract_page(html, URL, **kwargs)  # type: ignore[arg-type]
    assert extracted is not None
    return clean_body(extracted.text, title=extracted.title).split("\n\n")


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_body_is_the_article_whatever_the_layout(layout: str) -> None:
    html, expected = LAYOUTS[layout]
    assert body_of(html) == expected


def test_a_cms_comment_at_the_start_of_a_paragraph_does_not_hide_it() -> None:
    html = page(f"<h1>{TITLE}</h1><div class='article'><p><!--StartFragment -->{STORY[0]}</p>"
                f"{paragraphs(STORY[1:])}</div>")
    assert body_of(html) == STORY


def test_hidden_copies_and_junk_blocks_inside_the_article_are_not_body() -> None:
    html = page(
        f"<h1>{TITLE}</h1><div class='post-content'>{paragraphs(STORY[:2])}"
        "<div class='baca-juga'><b>Baca juga:</b> <a href='/b/1'>KPU Sleman tetapkan DPT</a></div>"
        "<figure><img src='/f.jpg'><figcaption>Ketua Bawaslu Sleman memberi keterangan di kantornya.</figcaption>"
        "</figure><div class='ads-inarticle'>ADVERTISEMENT</div>"
        f"{paragraphs(STORY[2:])}"
        "<div class='related-posts'><h4>Berita Terkait</h4><ul><li><a href='/b/2'>Pemilu damai di Sleman</a></li>"
        "</ul></div></div>"
        f"<div class='tts-content d-none'>{paragraphs(STORY)}</div>")
    assert body_of(html) == STORY


def test_a_junk_class_on_the_article_itself_does_not_remove_it() -> None:
    """WordPress marks the article element with its tags ("tag-netralitas"): most of the text is in it."""
    html = page(f"<article class='post type-post tag-netralitas category-berita'><h1>{TITLE}</h1>"
                f"<div class='entry'>{paragraphs(STORY)}</div></article>")
    tree = lxml.html.fromstring(html)
    normalise(tree)
    prune(tree)
    assert tree.xpath("//article")
    assert body_of(html) == STORY


def test_the_headline_decides_between_an_article_and_what_follows_it() -> None:
    html, _ = LAYOUTS["unmarked reader comments outscoring a short article"]
    tree = lxml.html.fromstring(html)
    normalise(tree)
    prune(tree)
    assert [b.get("class") for b in find_container(tree).blocks] != ["isi"]  # by score alone: the comments
    found = find_container(tree, TITLE)
    assert [b.get("class") for b in found.blocks] == ["isi"] and found.follows_headline


def test_registry_hint_names_the_container_and_what_to_drop_inside_it() -> None:
    html = page(f"<h1>{TITLE}</h1><div class='isi-berita'>{paragraphs(STORY[:2])}"
                "<p class='promo-inline'>Dapatkan diskon langganan koran digital Warta Sleman hari ini juga, "
                "cukup dengan mendaftar di laman kami.</p></div>"
                "<div class='opini'>" + paragraphs([line.replace("Bawaslu", "Opini") for line in STORY]) + "</div>",
                description=None)
    assert body_of(html) != STORY[:2]  # without the hint the opinion column beside it joins the body
    hint = ExtractionHints(container="div.isi-berita", drop=("p.promo-inline",)).compiled()
    assert body_of(html, hint=hint) == STORY[:2]


def test_what_stands_above_the_headline_inside_the_container_is_not_body() -> None:
    """A short story: the block around kicker, headline, byline and text scores best, kicker included."""
    html = page(f"<div class='ks-article'><div class='ks-kicker'>Daerah</div><h1>{TITLE}</h1>"
                "<div class='ks-meta'>Penulis: Tim Warta | Editor: Siti Aminah | Senin, 4 November 2024 10:00 WIB</div>"
                f"<div class='ks-body'>{paragraphs(STORY[:2])}</div></div>")
    assert body_of(html) == STORY[:2]


CAPTIONS = [f"Peserta apel siaga pengawasan nomor {i} berbaris di lapangan, Minggu, sebelum patroli bersama, "
            f"dengan rompi, buku panduan, dan alat tulis. (Sembada/Bayu Aji)" for i in range(1, 5)]


def blocks_of(html: str) -> list[str | None]:
    tree = lxml.html.fromstring(html)
    normalise(tree)
    prune(tree)
    return [b.get("class") for b in find_container(tree, TITLE).blocks]


def test_a_gallery_after_the_text_does_not_join_it() -> None:
    """Each caption paired with an image: a gallery, however well its captions score."""
    gallery = "".join(f"<div class='butir'><img src='/f{i}.jpg'><p>{c}</p></div>" for i, c in enumerate(CAPTIONS))
    html = page(f"<h1>{TITLE}</h1><div class='wadah'><div class='teks'>{paragraphs(STORY)}</div>"
                f"<div class='lampiran'>{gallery}</div></div>")
    assert blocks_of(html) == ["teks"]
    assert body_of(html) == STORY


def test_what_starts_with_a_heading_or_holds_a_form_does_not_join_the_text() -> None:
    """Reader comments without a comment class or a time stamp: stopped by their heading, or by their form."""
    comments = "".join(f"<div class='r'><b>Warga {i}</b><p>{STORY[i].replace('Bawaslu', 'Panwas')}</p></div>"
                       for i in range(4))
    for tail in (f"<div class='respon'><h4>Tanggapan Pembaca</h4>{comments}</div>",
                 f"<div class='respon'>{comments}<form><input name='nama'><button>Kirim</button></form></div>"):
        html = page(f"<h1>{TITLE}</h1><div class='wadah'><div class='teks'>{paragraphs(STORY[:4])}</div>{tail}</div>")
        assert blocks_of(html) == ["teks"], tail[:40]


def test_a_part_of_the_body_joins_when_adjacent_or_of_the_same_kind() -> None:
    parts = (f"<div class='awal'>{paragraphs(STORY[:4])}</div>"
             "<div class='iklan-x'><a href='/promo'>Promo spesial hari ini</a></div>"  # a link insert: no gap
             f"<div class='lanjut'>{paragraphs(STORY[4:])}</div>")
    assert blocks_of(page(f"<h1>{TITLE}</h1><div class='wadah'>{parts}</div>")) == ["awal", "lanjut"]
    byline = "<div class='catatan'>Laporan ini disusun dari keterangan tiga narasumber</div>"  # text: a gap
    html = page(f"<h1>{TITLE}</h1><div class='wadah'><div class='awal'>{paragraphs(STORY[:4])}</div>{byline}"
                f"<div class='lain'>{paragraphs([s.replace('Bawaslu', 'KPU') for s in STORY[4:]])}</div></div>")
    assert blocks_of(html) == ["awal"]
    same = html.replace("class='lain'", "class='awal'")  # readability's sibling class bonus
    assert blocks_of(same) == ["awal", "awal"]


@pytest.mark.parametrize("wrapper", ["entry-content no-share", "widget Blog", "sosmedsticky author-and-share",
                                     "post has-ads"])
def test_a_junk_word_on_the_article_s_own_block_keeps_it_whatever_its_share_of_the_page(wrapper: str) -> None:
    """The article holds a run of prose; the page holds more text elsewhere (next article), so not a majority."""
    html = page(f"<article><h1>{TITLE}</h1><div class='{wrapper}'>{paragraphs(STORY)}</div></article>"
                f"<article class='next'><h2>Harga Cabai Turun</h2><div class='body'>{NEXT_STORY * 2}</div></article>")
    tree = lxml.html.fromstring(html)
    normalise(tree)
    prune(tree)
    assert tree.find_class(wrapper.split()[-1])
    assert body_of(html) == STORY


def test_a_junk_word_removes_a_teaser_list_even_with_a_summary_per_item() -> None:
    teasers = "".join(f"<div class='kartu'><a href='/b/{i}'>Judul berita lain nomor {i}</a><p>{s}</p></div>"
                      for i, s in enumerate(STORY))
    tree = lxml.html.fromstring(page(f"<h1>{TITLE}</h1><div class='isi'>{paragraphs(STORY[:2])}</div>"
                                     f"<div class='berita-terkait'>{teasers}</div>"))
    normalise(tree)
    prune(tree)
    assert not tree.find_class("berita-terkait")


def test_reader_comments_inside_the_article_block_are_not_body() -> None:
    """Comments in the same block as the text, under no comment class: found by name, time and text."""
    items = "".join(f"<div class='butir'><div class='kepala'><span>{name}</span> <span>28 Oktober 2024 {time}</span>"
                    f"</div><div class='isi'>{text}</div><a href='#'>Balas</a></div>"
                    for name, time, text in [
                        ("Daeng Rudi", "14:22", "Sudah jelas aturannya, lurah itu ASN dan tidak boleh pakai kaus."),
                        ("Andi Tenri", "15:05", "Di kelurahan saya juga ada yang begitu, tapi tidak ada yang melapor."),
                        ("Muh. Arfah", "16:47", "Jangan langsung menghakimi dulu, tunggu hasil pemeriksaan Bawaslu.")])
    html = page(f"<h1>{TITLE}</h1><div class='artikel'>{paragraphs(STORY)}<div class='respon'>{items}</div></div>")
    assert body_of(html) == STORY


def test_a_comment_form_goes_but_a_page_wrapped_in_a_form_keeps_its_article() -> None:
    form = "<form action='/kirim'><label>Tulis tanggapan Anda di sini</label><textarea name='isi'></textarea></form>"
    assert body_of(page(f"<h1>{TITLE}</h1><div class='artikel'>{paragraphs(STORY)}{form}</div>")) == STORY
    aspnet = (f"<form id='form1'><h1>{TITLE}</h1><div class='artikel'>{paragraphs(STORY)}</div>"
              "<textarea></textarea></form>")
    assert body_of(page(aspnet)) == STORY


def test_list_items_in_the_body_lose_the_bullet() -> None:
    items = ["Tiga kepala desa di Kecamatan Depok", "Dua camat di wilayah timur Sleman"]
    html = page(f"<h1>{TITLE}</h1><div class='artikel'>{paragraphs(STORY[:3])}"
                f"<ul>{''.join(f'<li>{i}</li>' for i in items)}</ul>{paragraphs(STORY[3:])}</div>")
    assert body_of(html) == [*STORY[:3], *items, *STORY[3:]]


def test_a_short_article_under_a_junk_word_stays_but_a_teaser_box_below_the_headline_goes() -> None:
    """Two prose paragraphs side by side right below the headline are the article; one per teaser is not."""
    teasers = "".join(f"<div class='kartu'><a href='/b/{i}'>Judul berita lain nomor {i}</a><p>{s}</p></div>"
                      for i, s in enumerate(STORY[2:5]))
    html = page(f"<article><h1>{TITLE}</h1><div class='box-terkait'>{teasers}</div>"
                f"<div class='konten sharing-bar'>{paragraphs(STORY[:2])}</div></article>"
                f"<article class='next'><h2>Harga Cabai Turun</h2><div class='body'>{NEXT_STORY}</div></article>")
    tree = lxml.html.fromstring(html)
    normalise(tree)
    prune(tree, title=TITLE)
    assert tree.find_class("sharing-bar") and not tree.find_class("box-terkait")
