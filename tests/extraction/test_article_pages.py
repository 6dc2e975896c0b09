"""Articles over several pages: which link is the all-pages view or the next page of the same article."""

from __future__ import annotations

from pantau.article_pages import all_pages_url, next_page_url, same_article

KOMPAS = "https://money.kompas.com/read/2023/11/02/213419026/menhub-bocorkan-penyebab"
WP = "https://trawangnews.example/bawaslu-belitung-petakan-kerawanan/"


def test_same_article_ignores_only_the_page_marker() -> None:
    assert same_article(KOMPAS, KOMPAS + "?page=2")
    assert same_article(KOMPAS, KOMPAS + "?page=all")
    assert same_article(WP, WP + "2/")
    assert same_article("https://x.disway.id/read/21186/slug", "https://x.disway.id/read/21186/slug/15")
    assert not same_article(KOMPAS, KOMPAS.replace("213419026", "213419027"))
    assert not same_article("https://www.malaymail.com/news/2024/11/22/slug/157698",
                            "https://www.malaymail.com/news/2024/11/22/slug/157699")  # ids, not page numbers
    assert not same_article("https://wp.example/?p=123", "https://wp.example/?p=124")  # WordPress post ids


def test_all_pages_view_by_query_or_by_link_text() -> None:
    page = (f'<div class="paging"><a href="{KOMPAS}?page=2">2</a>'
            f'<a href="{KOMPAS}?page=all#page2">Show All</a></div>')
    assert all_pages_url(page, KOMPAS) == KOMPAS + "?page=all"
    assert all_pages_url('<a href="/read/1/berita/semua">Tampilkan Semua</a>',
                         "https://x.example/read/1/berita") == "https://x.example/read/1/berita/semua"
    assert all_pages_url(f'<a href="{KOMPAS}">Lihat semua</a>', KOMPAS) is None  # itself


def test_next_page_by_rel_next_or_by_the_next_number() -> None:
    assert next_page_url(f'<link rel="next" href="{WP}2/">', WP, {WP}) == WP + "2/"
    numbered = "".join(f'<a href="{KOMPAS}?page={n}">{n}</a>' for n in (1, 2, 3))
    assert next_page_url(numbered, KOMPAS, {KOMPAS}) == KOMPAS + "?page=2"
    assert next_page_url(numbered, KOMPAS + "?page=2", {KOMPAS, KOMPAS + "?page=2"}) == KOMPAS + "?page=3"
    assert next_page_url(numbered, KOMPAS + "?page=3", {KOMPAS + f"?page={n}" for n in (1, 2, 3)}) is None


def test_a_next_link_to_another_story_is_not_a_page() -> None:
    page = ('<link rel="next" href="https://trawangnews.example/festival-maras-taun-2024/">'
            '<a href="https://trawangnews.example/dua-kepala-desa-dilaporkan/" rel="next">Berita selanjutnya</a>')
    assert next_page_url(page, WP, {WP}) is None
