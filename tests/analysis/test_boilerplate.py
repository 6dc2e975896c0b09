"""Indonesian in-container boilerplate (``pantau/analysis/data/boilerplate.yaml``): one test per class.

Each class is tested on the text real templates print (the examples come from
the saved real pages of detik, Kompas, Tribun, Tempo, VIVA, KapanLagi, Media
Indonesia, Liputan6, Okezone and ANTARA) and with an article sentence that
merely looks like it, which must stay. A class added to the data file without
examples here fails :func:`test_every_class_in_the_data_file_is_tested`.
"""

from __future__ import annotations

import lxml.html
import pytest

from pantau.analysis.clean import clean_body, load_boilerplate
from pantau.container import is_hidden, is_junk_block

LEAD = "JAKARTA, KOMPAS.com - Badan Pengawas Pemilu meminta ASN menjaga netralitas selama kampanye."
LAST = "Bawaslu membuka posko pengaduan di setiap kecamatan hingga hari pemungutan suara."

# class -> (junk as templates print it, article text that looks like it and must stay)
PARAGRAPHS: dict[str, tuple[list[str], list[str]]] = {
    "read-also": (["Baca juga: Harga cabai naik menjelang Lebaran", "BACA JUGA:Banjir Rendam Tiga Desa",
                   "Baca: Jawaban Soal SMP, Senin 4 Mei 2020, Belajar dari Rumah di TVRI",
                   "Lihat juga: Bawaslu Tetapkan 12 Titik Rawan", "Baca Juga"],
                  ["Baca juga aturannya sebelum mengunggah foto, pesan Bawaslu kepada para pegawai.",
                   "Membaca juga menjadi kegiatan rutin di perpustakaan desa itu."]),
    "video": (['Simak Video "Penyakit Jantung Penyakit Orang Tua?"', "[Gambas:Video 20detik]",
               "Saksikan video pilihan di bawah ini:", "Lihat Video: Momen Bupati Lantik Pejabat",
               "Jangan Lewatkan Video Terbaru:", "Video Pilihan", "Video Terkait:"],
              ["Video itu diunggah ke media sosial oleh seorang camat pada Senin malam.",
               "Jangan lewatkan video sosialisasi itu, pesan Ketua Bawaslu kepada para kepala desa.",
               "Video terbaru itu memperlihatkan camat berfoto dengan pasangan calon."]),
    "advertisement": (["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "SCROLL TO RESUME CONTENT",
                       "Baca berita tanpa iklan. Gabung Kompas.com+", "- Advertisement -", "- Iklan -",
                       "Advertisement -", "— ADVERTISEMENT —"],
                      ["Iklan kampanye di baliho itu dipasang tanpa izin, kata Satpol PP."]),
    "editor-line": (["Editor: Agus Setiawan", "Pewarta: Boyke Ledy Watra", "Reporter : Andi",
                     "Penulis: Aditya Maulana"],
                    ["Editor surat kabar itu dipanggil Dewan Pers pekan lalu."]),
    "reporter-lead": (["Laporan Wartawan Tribun-Timur.com, Muhammad Fadhly Ali",
                       "Laporan Reporter Tribunjogja.com, Ahmad Syarifudin"],
                      ["Laporan wartawan itu diterima Dewan Pers pada Senin pekan lalu.",
                       "Laporan reporter kami menyebut camat hadir di deklarasi itu."]),
    "syndication": (["Artikel ini telah tayang di Tribun-Timur.com dengan judul Bawaslu Bone Imbau ASN Netral",
                     "Artikel ini sudah tayang di Kompas.com dengan judul \"Camat Dipanggil\", Klik untuk baca"],
                    ["Artikel ini telah tayang di banyak media daring sejak pekan lalu, kata dia."]),
    "copyright": (["COPYRIGHT © ANTARA News Jawa Timur 2024", "© 2015 - Tempo Inti Media",
                   "Copyright © 2024 Trawang News. All Rights Reserved.",
                   "Hak cipta dilindungi undang-undang.", "Dilarang mengambil dan/atau menayangkan ulang"],
                  ["Hak cipta lagu itu dipersoalkan oleh pencipta aslinya."]),
    "caption": (["Taylor Swift memberikan standing ovation untuk Joey Alexander. Foto: Grammy",
                 "Heart Beat bikin Brandon terpukau oleh ceritanya/©KapanLagi.com®/M. Akrom Sukarya",
                 "Rektor UNY buka invitasi olahraga antar perguruan tinggi. Doc. uny.ac.id KOMUNIKA ONLINE",
                 "Warga antre di TPS 05 Tanjungpandan. (ANTARA FOTO/Agus Setiawan)", "Foto: Istimewa"],
                ["Dia mengambil foto. Semua warga yang hadir terlihat senang dan tertib."]),
    "follow-topic": (["Ikuti perkembangan berita ini dalam topik:"],
                     ["Ikuti aturan yang berlaku, pesan Sekda kepada seluruh ASN di Belitung."]),
    "gallery-counter": (["1 / 5", "Foto 2 dari 8", "12/20"],
                        ["1/5 pemilih di desa itu belum terdaftar, kata Ketua KPPS."]),
    "pagination": (["Halaman Selanjutnya", "Halaman: 1 2 3 Selanjutnya", "Halaman 2 dari 3", "Show All",
                    "Load More..."],
                   ["Halaman kantor bupati dipenuhi peserta apel netralitas ASN."]),
    "embedded-post": (["— The GRAMMYs (@TheGRAMMYs) February 16, 2016", "pic.twitter.com/AbC123xyz"],
                      ["Unggahan itu dibagikan ulang oleh akun @bawaslu_ri pada Februari 2016."]),
    "comment-form": (["Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya berikutnya.",
                      "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
                      "Disclaimer : Komentar adalah tanggapan pribadi, tidak mewakili kebijakan editorial redaksi."],
                     ["Komentar warga di media sosial menjadi bahan klarifikasi Bawaslu."]),
    "share-and-tags": (["Bagikan: Facebook Twitter WhatsApp", "Kategori :", "Tags: netralitas, ASN, pilkada"],
                       ["Tag nama pejabat di unggahan itu dilaporkan sebagai dugaan pelanggaran."]),
    "related-heading": (["Bacaan Lainnya", "Berita Pilihan", "Jangan Lewatkan", "Rekomendasi untuk anda"],
                        ["Berita terkait dugaan pelanggaran itu sudah dilaporkan ke Bawaslu provinsi."]),
    "date-line": (["Senin, 30 September 2024 20:06 WIB 1123", "Selasa, 23 Februari 2016 15:06 WIB | 998 Views",
                   "Kamis, 05/11/2015 09:25 WIB"],
                  ["Senin, 30 September 2024, Bawaslu memanggil dua kepala desa untuk klarifikasi."]),
}
# class -> endings of the body (after LAST, or as a line of their own) that are sign-offs
TRAILING: dict[str, list[str]] = {
    "reporter-initials": [" (fyk/ash)", " (Mvi/Ali)", " (ren)", " (H-4)", " (E-2)", " (Luh Wayanti)",
                          " (kpl/pur/tch)", " (*)", "\n(Cas/Isk)", "\n(dmr)", " (Prokopim)", "(WP)",
                          " (Humas Pemkab Sleman)"],
    "agency-dash": [" – BERNAMA", " — AFP", " - Antara", "\n– BERNAMA"],
    "credit-line": ["\nDINI TEJA", "\nANTARA"],
}
# class -> (follow promos as templates append them, look-alike sentences that must stay even at the end)
FOLLOW_PROMO: dict[str, tuple[list[str], list[str]]] = {
    "platform": (["Ikuti berita terkini Suara Kaltara di Google News",
                  "Cek berita dan artikel yg lain di Google News dan",
                  "dan ikuti WhatsApp channel mediaindonesia.com",
                  "Ikuti WhatsApp Channel Nusaraya.id untuk mendapatkan update berita terkini setiap hari. "
                  "Gabung Sekarang",
                  "Ikuti saluran Telegram Suara Semasa untuk berita terkini setiap hari. Sertai sekarang"],
                 ["Ikuti berita terkini seputar pilkada setiap hari, pesan Ketua KPU.",
                  "Klik tautan pendaftaran pemantau pemilu sebelum Jumat."]),
    "cue": (["Join us on our WhatsApp Channel, follow us on Instagram, and receive browser alerts for the latest "
             "news you need to know.", "Get the latest news from Indonesia Herald on Google News"],
            ["Cek DPT online lewat laman cekdptonline.kpu.go.id atau layanan WhatsApp KPU di nomor yang tersedia.",
             "Yuk, laporkan dugaan pelanggaran netralitas ASN melalui layanan WhatsApp Bawaslu.",
             "Ikuti aturan, ASN dilarang bergabung dengan grup atau channel Telegram pemenangan pasangan calon."]),
}
END_OF_ARTICLE = {
    "related-list": ["Berita Terkait", "Pos terkait", "Related posts"],
    "comment-form": ["Tinggalkan Balasan", "Komentar Facebook"],
}
# class -> (class/id words of blocks that are junk, words of blocks that are not)
BLOCKS: dict[str, tuple[list[str], list[str]]] = {
    "comments": (["reader-comments", "comment-list", "komentar", "disqus_thread", "tanggapan", "komen-box",
                  "diskusi"], ["commentary", "komentator"]),
    "related-list": (["baca-juga", "related-posts", "berita-terkait", "inline-related", "box_populer"],
                     ["post-content"]),
    "caption": (["wp-caption-text", "entertainment-newsdetail-image-caption", "figcaption", "keterangan",
                 "ket-foto", "keterangan-gambar"], ["captioned-text"]),
    "gallery": (["galeri", "item-galeri", "wp-block-gallery", "slideshow"], ["galeria"]),
    "share-and-tags": (["share-bar", "td-post-sharing", "tags", "breadcrumb", "tag-list"],
                       ["tag-asn", "shared-content-body"]),
    "chrome": (["sidebar", "footer-widgets", "paging__wrap", "page-links"], ["menuju-pilkada"]),
    "advertisement": (["ads-wrapper", "iklan", "div-gpt-ad-123", "dfp-ad", "td-adspot-title", "adsbygoogle",
                       "adslot-inarticle"], ["adsorption", "loads"]),
    "author-box": (["author-box", "byline", "box-penulis"], ["author-name-in-title"]),
    "embed": (["twitter-tweet", "instagram-media"], ["tweet-text-article"]),
    "pull-quote": (["td_pull_quote", "wp-block-pullquote", "pull-quote"], ["quote-of-the-day", "pulldown-quote"]),
}
HIDDEN_BLOCKS = {"hidden": (["d-none", "sr-only"], ["hidden-gem-story"])}


def _classes(section: str) -> list[str]:
    return list(load_boilerplate().classes[section])


def test_every_class_in_the_data_file_is_tested() -> None:
    tested = {"paragraphs": PARAGRAPHS, "trailing": TRAILING, "end_of_article": END_OF_ARTICLE,
              "junk_blocks": BLOCKS, "hidden_blocks": HIDDEN_BLOCKS, "follow_promo": FOLLOW_PROMO}
    for section, classes in load_boilerplate().classes.items():
        assert set(classes) == set(tested[section]), section


@pytest.mark.parametrize("name", _classes("paragraphs"))
def test_paragraph_class_is_dropped_and_look_alikes_stay(name: str) -> None:
    junk, keep = PARAGRAPHS[name]
    for line in junk:
        assert clean_body(f"{LEAD}\n{line}\n{LAST}").split("\n\n") == [LEAD, LAST], line
    for line in keep:
        assert line in clean_body(f"{LEAD}\n{line}\n{LAST}").split("\n\n"), line


def test_paragraph_classes_match_whole_paragraphs_only() -> None:
    """A template's phrase inside an article sentence never drops the sentence (single-outlet phrases included)."""
    for name, (junk, _) in PARAGRAPHS.items():
        for line in junk:
            sentence = f"Menurut Bawaslu, tulisan {line} itu bukan bagian dari laporan resmi, katanya kepada wartawan."
            assert sentence in clean_body(f"{LEAD}\n{sentence}\n{LAST}").split("\n\n"), (name, line)


@pytest.mark.parametrize("name", _classes("follow_promo"))
def test_follow_promos_go_from_the_end_only(name: str) -> None:
    promos, keep = FOLLOW_PROMO[name]
    for promo in promos:
        assert clean_body(f"{LEAD}\n{LAST} (rin/ays)\n{promo}") == f"{LEAD}\n\n{LAST}", promo
        assert promo in clean_body(f"{LEAD}\n{promo}\n{LAST}").split("\n\n"), promo  # not at the end: kept
    for line in keep:
        assert clean_body(f"{LEAD}\n{line}").split("\n\n") == [LEAD, line], line


@pytest.mark.parametrize("name", _classes("trailing"))
def test_sign_off_class_is_taken_off_the_end(name: str) -> None:
    for ending in TRAILING[name]:
        assert clean_body(f"{LEAD}\n{LAST}{ending}") == f"{LEAD}\n\n{LAST}", ending


def test_a_sign_off_is_the_end_of_the_text_when_only_dropped_lines_follow_it() -> None:
    """JPNN prints "(esy/jpnn)" inline, then a video lead-in: the lead-in goes, so the initials end the text."""
    assert clean_body(f"{LEAD}\n{LAST} (esy/jpnn)\nJangan Lewatkan Video Terbaru:\n- Advertisement -") \
        == f"{LEAD}\n\n{LAST}"


def test_sign_off_inside_the_text_stays() -> None:
    text = f"{LEAD}\nPegawai negeri sipil (PNS) dan PPPK (ASN) wajib netral, katanya."
    assert clean_body(text) == text.replace("\n", "\n\n")


def test_a_group_ending_a_sentence_without_its_full_stop_is_the_sentence_s_own() -> None:
    for last in ("Berkas laporan itu diserahkan kepada Komisi Pemilihan Umum (KPU)",
                 "Pengawasan dilakukan bersama Badan Kepegawaian Negara - BKN"):
        assert clean_body(f"{LEAD}\n{last}") == f"{LEAD}\n\n{last}", last


@pytest.mark.parametrize("name", _classes("end_of_article"))
def test_end_of_article_class_cuts_what_follows(name: str) -> None:
    for marker in END_OF_ARTICLE[name]:
        assert clean_body(f"{LEAD}\n{marker}\nJudul berita lain yang panjang sekali\n{LAST}") == LEAD, marker


@pytest.mark.parametrize("name", _classes("hidden_blocks"))
def test_hidden_block_class_is_recognised_by_class(name: str) -> None:
    hidden, shown = HIDDEN_BLOCKS[name]
    for word in hidden:
        assert is_hidden(lxml.html.fromstring(f'<div class="x {word}">t</div>')), word
    for word in shown:
        assert not is_hidden(lxml.html.fromstring(f'<div class="{word}">t</div>')), word


@pytest.mark.parametrize("name", _classes("junk_blocks"))
def test_junk_block_class_is_recognised_by_class_or_id(name: str) -> None:
    junk, keep = BLOCKS[name]
    for word in junk:
        assert is_junk_block(lxml.html.fromstring(f'<div class="x {word}">t</div>')), word
        assert is_junk_block(lxml.html.fromstring(f'<div id="{word}">t</div>')), word
    for word in keep:
        assert not is_junk_block(lxml.html.fromstring(f'<div class="{word}">t</div>')), word
