"""Photo captions inside the article, told by their place (beside or right after an image), not their words."""

from __future__ import annotations

import lxml.html
from layouts import STORY

from pantau.captions import drop_captions

CAPTION = ("Ribuan pengawas pemilu mengikuti apel siaga di Lapangan Denggung, Sleman, Minggu (24/11/2024). "
           "Apel digelar untuk memastikan kesiapan jajaran pengawas menghadapi masa tenang.")


def texts(inner: str) -> str:
    """The text left in an article container holding ``inner`` once its captions are dropped."""
    doc = lxml.html.document_fromstring(f"<html><body><div id='c'><div class='isi'>{inner}</div></div></body></html>")
    container = doc.get_element_by_id("c")
    drop_captions(container)
    return " ".join(" ".join(container.itertext()).split())


BODY = "".join(f"<p>{s}</p>" for s in STORY)


def test_a_text_sharing_a_small_wrapper_with_one_image_is_its_caption() -> None:
    for wrapper in (f"<figure><img src='/a.jpg'><figcaption>{CAPTION}</figcaption></figure>",
                    f"<div class='foto'><a href='/a.jpg'><img src='/a.jpg'></a>"
                    f"<p>{CAPTION} (Sembadanews/Bayu Aji)</p></div>",
                    f"<table><tr><td><img src='/a.jpg'></td></tr><tr><td>{CAPTION}</td></tr></table>"):
        assert texts(f"<p>{STORY[0]}</p>{wrapper}{BODY}") == " ".join([STORY[0], *STORY]), wrapper[:30]


def test_a_short_italic_centred_or_credited_text_right_after_an_image_is_its_caption() -> None:
    for after in (f"<p style='text-align: center;'><em>{CAPTION}</em></p>",
                  f"<p><i>{CAPTION}</i></p>",
                  f"<p class='aligncenter'>{CAPTION}</p>",
                  f"<p>{CAPTION} (Antara/Agus Setiawan)</p>"):
        assert texts(f"<p>{STORY[0]}</p><p><img src='/a.jpg'></p>{after}{BODY}") == " ".join([STORY[0], *STORY]), after
    table_cell = (f"<img src='/a.jpg'><br><font size='1'><i>{CAPTION}</i></font><br><br>{STORY[0]}<br><br>"
                  f"{STORY[1]}")
    assert texts(table_cell) == f"{STORY[0]} {STORY[1]}"


def test_article_text_beside_an_image_stays() -> None:
    inline = f"<p><img src='/a.jpg'> {STORY[0]}</p>{BODY}"  # an image inside a paragraph of text
    assert texts(inline) == " ".join([STORY[0], *STORY])
    after = f"<p><img src='/a.jpg'></p><p>{STORY[1]} (Mvi/Ali)</p>{BODY}"  # initials are not a photo credit
    assert texts(after) == " ".join([f"{STORY[1]} (Mvi/Ali)", *STORY])
    short_story = f"<img src='/a.jpg'><p>{STORY[0]}</p>"  # a one-paragraph story beside its photo
    assert texts(short_story) == STORY[0]
    italic_lead = f"<p><img src='/a.jpg'></p><p><em>{STORY[0]}</em></p>{BODY}"  # starts with its dateline
    assert texts(italic_lead) == " ".join([STORY[0], *STORY])
