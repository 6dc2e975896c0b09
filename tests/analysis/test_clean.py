from pantau.analysis.clean import clean_body

TEMPLATE_REPEAT = """Bupati mengimbau ASN menjaga netralitas selama masa kampanye di daerah itu.
"Kami minta semua pegawai netral," katanya.
COPYRIGHT © ANTARA News Jawa Timur 2024
Bupati mengimbau ASN menjaga netralitas selama masa kampanye di daerah itu.
"Kami minta semua pegawai netral," katanya."""


def test_body_printed_twice_by_template_is_kept_once():
    assert clean_body(TEMPLATE_REPEAT).split("\n\n") == [
        "Bupati mengimbau ASN menjaga netralitas selama masa kampanye di daerah itu.",
        '"Kami minta semua pegawai netral," katanya.',
    ]


def test_inserts_bylines_and_category_lines_are_removed():
    text = """Reporter : Andi
Editor : Budi
PALU - Paragraf pertama berita.
BACA JUGA:Banjir Rendam Tiga Desa
Baca juga: Harga cabai naik
Paragraf kedua berita.
Kategori :"""
    assert clean_body(text) == "PALU - Paragraf pertama berita.\n\nParagraf kedua berita."


def test_everything_after_related_posts_and_comment_form_is_dropped():
    text = """Isi berita yang penting sekali. (rls)
Bacaan Lainnya
Pos terkait
Judul berita lain yang terkait
Tinggalkan Balasan
Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *"""
    assert clean_body(text) == "Isi berita yang penting sekali."


def test_known_headline_and_view_counter_line_are_not_body():
    text = "Judul Berita Hari Ini\nIsi berita.\nJudul Berita Hari Ini\nSenin, 30 September 2024 20:06 WIB 1123"
    assert clean_body(text, title="Judul Berita Hari Ini") == "Isi berita."


def test_quoted_speech_and_subheads_stay():
    text = 'Subjudul Tentang Koordinasi\n“Kami siap,” ujarnya.'
    assert clean_body(text) == 'Subjudul Tentang Koordinasi\n\n“Kami siap,” ujarnya.'


def test_a_pull_quote_repeating_a_sentence_of_the_text_is_not_body():
    quote = "Kalau pegawai berada di luar radius kantor, aplikasi tidak bisa digunakan untuk absen."
    said = f"\u201c{quote} Kecuali yang sedang dinas luar, ada persetujuan atasan,\u201d katanya di Padang."
    lead = "PADANG - Pemprov Sumbar menerapkan presensi berbasis lokasi bagi seluruh ASN mulai bulan depan."
    for order in ([lead, quote, said], [lead, said, quote]):
        assert clean_body("\n".join(order)).split("\n\n") == [lead, said]


def test_short_lines_and_list_items_found_inside_a_sentence_stay():
    text = ("Berikut sikap Bawaslu soal netralitas ASN dalam pilkada serentak tahun ini.\n"
            "Netralitas ASN dalam pilkada serentak\n"
            "Sikap Bawaslu soal netralitas ASN\n"
            "Bawaslu meminta ASN menjaga netralitas.")
    assert clean_body(text).split("\n\n") == text.split("\n")


def test_a_teaser_strung_together_from_the_body_does_not_cost_the_body_its_paragraph():
    """The teaser above the text repeats the quote paragraph word for word, but it is made of sentences found in
    other paragraphs too: the quote paragraph is the body's own and stays."""
    quote = "\u201cASN harus fokus pada tugas utama mereka, yaitu pelayanan publik kepada masyarakat,\u201d tegasnya."
    said = ("Ia menambahkan bahwa ASN harus lebih berhati-hati dalam menggunakan media sosial, terutama dalam hal "
            "memposting konten yang berkaitan dengan politik.")
    teaser = ("ASN harus lebih berhati-hati dalam menggunakan media sosial, terutama dalam hal memposting konten yang "
              f"berkaitan dengan politik. {quote}")
    lead = "TANJUNGPANDAN: Pemkab Belitung mengimbau seluruh ASN untuk tetap bersikap netral dalam Pilkada 2024."
    paragraphs = [teaser, lead, said, quote]
    assert clean_body("\n".join(paragraphs)).split("\n\n") == paragraphs
