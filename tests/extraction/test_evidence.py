"""Choosing between trafilatura's precision and recall results, and between container and whole page."""

from __future__ import annotations

from pantau.evidence import agreement, merge_modes, prefer_container

P1 = "Indeks Harga Saham Gabungan ditutup melemah 0,22 persen ke level 8.925 pada perdagangan Kamis sore."
P2 = "Pelemahan terutama dipicu aksi ambil untung investor setelah indeks sempat menembus level 9.000."
P3 = "Analis menilai koreksi itu wajar setelah reli panjang sejak awal pekan dan belum mengubah tren."
HEAD = "Tekanan Sektor Bahan Baku"


def test_a_subheading_only_recall_kept_between_shared_paragraphs_is_added() -> None:
    assert merge_modes([P1, P2, P3], [P1, P2, HEAD, P3], {}) == [P1, P2, HEAD, P3]


def test_recall_extras_before_the_lead_or_after_the_end_are_not_added() -> None:
    recalled = ["Ekonomi", "Penulis: Andhika | Editor: Heryadi", P1, P2, P3, "Cek berita lain di Google News"]
    assert merge_modes([P1, P2, P3], recalled, {}) == [P1, P2, P3]


def test_a_link_list_between_paragraphs_is_not_added() -> None:
    links = "Berkunjung ke Rumah Nyaman Mantan Bintang Cilik Gretha Martini"
    assert merge_modes([P1, P2], [P1, links, P2], {"berkunjungkerumahnyamanmantanbintangcilikgrethamartini": 1.0}) \
        == [P1, P2]


def test_a_caption_glued_to_a_paragraph_does_not_replace_the_paragraph() -> None:
    glued = f"Lebih dari 100 orang diundang ke acara itu © Twitter.com {P2}"
    assert merge_modes([P1, P2, P3], [P1, glued, P3], {}) == [P1, P2, P3]


def test_precision_only_paragraphs_stay_and_recall_alone_serves_when_precision_found_nothing() -> None:
    assert merge_modes([P1, P2, P3], [P1, P3], {}) == [P1, P2, P3]
    assert merge_modes([], [P1, P2], {}) == [P1, P2]


def test_agreement_is_the_share_of_words_the_other_extraction_has() -> None:
    assert agreement([P1, P2], [P1, P2, P3]) == 1.0
    assert agreement([P1, P2], [P1]) < 0.6
    assert agreement([P1], []) == 1.0


def test_when_container_and_whole_page_disagree_the_page_summary_decides() -> None:
    summary = "IHSG ditutup melemah ke level 8.925 karena aksi ambil untung setelah menembus 9.000."
    comments = ["Saya rugi besar hari ini, semoga besok naik lagi ya teman-teman semua."] * 5
    assert prefer_container([P1, P2], comments, summary, follows_headline=False)
    assert not prefer_container(comments, [P1, P2], summary, follows_headline=True)


def test_without_a_summary_the_container_after_the_headline_wins_a_disagreement() -> None:
    other = ["Harga cabai rawit di Pasar Beringharjo turun menjadi Rp40 ribu per kilogram, kata pedagang."]
    assert prefer_container([P1, P2], other, "", follows_headline=True)
    assert not prefer_container([P1, P2], other, "", follows_headline=False)
