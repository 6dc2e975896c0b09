"""Reader comments told by their shape: items of a writer's name and a posting time, then a text."""

from __future__ import annotations

import lxml.html

from pantau.comment_lists import comment_items

TEXTS = ["Sudah jelas aturannya, lurah itu ASN dan tidak boleh pakai kaus pasangan calon.",
         "Di kelurahan saya juga ada yang begitu, tapi tidak ada yang berani melapor ke Bawaslu.",
         "Jangan langsung menghakimi dulu, tunggu hasil pemeriksaan dari Bawaslu Makassar."]


def items(html: str) -> list[str]:
    return [" ".join(item.text_content().split())[:20] for item in comment_items(lxml.html.fromstring(html))]


def test_comment_threads_in_the_shapes_cmss_print_them() -> None:
    wordpress = "<ol class='x'>" + "".join(
        f"<li class='{'even' if i % 2 else 'odd'}'><div class='meta'><cite>Warga {i}</cite> says: "
        f"<a href='#c{i}'>14 Oktober 2024 pukul 10:1{i}</a></div><div class='text'><p>{t}</p></div></li>"
        for i, t in enumerate(TEXTS)) + "</ol>"
    assert len(items(wordpress)) == 3
    relative = "<div>" + "".join(f"<div class='c'><div><b>Andi {i}</b> · {i + 2} jam lalu</div><p>{t}</p></div>"
                                 for i, t in enumerate(TEXTS)) + "</div>"
    assert len(items(relative)) == 3


def test_live_reports_dated_lists_and_article_pages_are_not_comment_threads() -> None:
    live = "<div>" + "".join(f"<div class='entri'><span>1{i}:15 WIB</span><p>{t}</p></div>"
                             for i, t in enumerate(TEXTS)) + "</div>"  # a time, no writer
    assert items(live) == []
    people = "<div>" + "".join(f"<div class='tokoh'><h3>Calon {i}</h3><p>Lahir 12 Mei 197{i}. {t}</p></div>"
                               for i, t in enumerate(TEXTS)) + "</div>"  # dates, no time of posting
    assert items(people) == []
    lead = " ".join(TEXTS)
    article = "<div>" + "".join(f"<section><h1>Judul berita yang panjang nomor {i} tentang pemilu di Sleman</h1>"
                                f"<div>Senin, 28 Oktober 2024 13:10 WIB</div><p>{lead}</p></section>"
                                for i in range(2)) + "</div>"  # a headline is longer than a writer's name
    assert items(article) == []
