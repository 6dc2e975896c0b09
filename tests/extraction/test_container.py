"""Finding the article on the page: loose text, the container, hidden and junk blocks, registry hints.

The pages (``layouts.py``) are small but built the way real Indonesian CMSs
build theirs, each with the trap that makes whole-page extraction fail:
comments or teasers that outscore a short article, the next article appended
below, a lead written as loose text, a body split by an ad slot.
"""

from __future__ import annotations

import lxml.html
import pytest
from layouts import LAYOUTS, STORY, TITLE, URL, page, paragraphs

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
