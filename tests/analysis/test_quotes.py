"""Quotation extraction and speaker attribution on hand-written Indonesian/Malay copy.

Every input is made up for the test (other names, regions and outlets than the
dev gold) so the rules are checked for what they are, not for one article.
"""

from __future__ import annotations

from pantau.analysis.quotes import find_quotes_and_officials
from pantau.models import Quote


def quotes_of(body: str) -> list[Quote]:
    quotes, _ = find_quotes_and_officials(body)
    for q in quotes:
        assert body[q.start:q.end] == q.text
    return quotes


def test_straight_quote_with_clitic_attribution() -> None:
    body = ("Bupati Sleman, Kustini Sri Purnomo, mengingatkan ASN agar tetap netral.\n\n"
            '"Jangan sampai ada ASN yang ikut kampanye, itu jelas dilarang," katanya di Sleman, Senin.')
    [q] = quotes_of(body)
    assert q.text == "Jangan sampai ada ASN yang ikut kampanye, itu jelas dilarang,"
    assert q.speaker == "Kustini Sri Purnomo"
    assert q.role == "Bupati Sleman"


def test_curly_quotes_and_mixed_closing_mark() -> None:
    body = ("Ketua Bawaslu Kabupaten Klaten, Arif Fatkhurrokhman, menjelaskan temuan itu.\n\n"
            "“Kami sudah memanggil kedua ASN tersebut untuk klarifikasi,\" ujar Arif.\n\n"
            "“Hasilnya akan kami teruskan ke BKN,” tegasnya.")
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == [
        "Kami sudah memanggil kedua ASN tersebut untuk klarifikasi,",
        "Hasilnya akan kami teruskan ke BKN,",
    ]
    assert {q.speaker for q in quotes} == {"Arif Fatkhurrokhman"}


def test_doubled_single_marks() -> None:
    body = ("Camat Ngaglik, Subagya, mengumpulkan para kepala desa.\n\n"
            "‘‘Kepala desa wajib netral dan tidak boleh memihak,’’ kata Subagya.\n\n"
            "''Kalau ada laporan, kami tindak lanjuti,'' imbuhnya.")
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == [
        "Kepala desa wajib netral dan tidak boleh memihak,",
        "Kalau ada laporan, kami tindak lanjuti,",
    ]
    assert all(q.speaker == "Subagya" for q in quotes)


def test_nested_term_inside_quote_is_one_quote() -> None:
    body = ('Kepala BKD Provinsi Jambi, Ahmad Syukri, mengingatkan pegawainya.\n\n'
            '"Menekan tombol "share" pada unggahan calon juga termasuk pelanggaran," ujarnya.')
    [q] = quotes_of(body)
    assert q.text == 'Menekan tombol "share" pada unggahan calon juga termasuk pelanggaran,'
    assert q.speaker == "Ahmad Syukri"


def test_missing_closing_mark_runs_to_paragraph_end() -> None:
    body = ('Wali Kota Pekanbaru, Muflihun, menyampaikan imbauan itu saat apel pagi.\n\n'
            '"Saya minta seluruh pegawai menjaga sikap di media sosial selama masa kampanye.\n\n'
            "Apel tersebut diikuti ratusan pegawai.")
    [q] = quotes_of(body)
    assert q.text == "Saya minta seluruh pegawai menjaga sikap di media sosial selama masa kampanye."
    assert q.speaker == "Muflihun"


def test_quote_going_on_into_the_next_paragraph_is_one_quote_per_paragraph_with_one_speaker() -> None:
    # each paragraph of a long speech is one quotation; the closing attribution speaks for the whole run
    body = ("Apel itu diikuti ratusan pegawai Kabupaten Sumedang.\n\n"
            "“Netralitas bukan pilihan, melainkan kewajiban setiap aparatur.\n\n"
            "“Siapa pun yang melanggar akan diproses sesuai aturan,” tutur Sekda Sumedang Tuti Ruswati.")
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == ["Netralitas bukan pilihan, melainkan kewajiban setiap aparatur.",
                                        "Siapa pun yang melanggar akan diproses sesuai aturan,"]
    assert [q.speaker for q in quotes] == ["Tuti Ruswati", "Tuti Ruswati"]


def test_teaser_repeating_later_quote_counted_once() -> None:
    body = ("Pemkot Bogor Minta ASN Netral\n\n"
            'Pegawai diminta menahan diri. "ASN harus menjadi teladan dalam menjaga netralitas," '
            "tegasnya.\n\n"
            "BOGOR - Sekretaris Daerah Kota Bogor, Syarifah Sofiah, menyampaikan hal itu pada Selasa.\n\n"
            "“ASN harus menjadi teladan dalam menjaga netralitas,” tegasnya.")
    [q] = quotes_of(body)
    assert q.speaker == "Syarifah Sofiah"
    assert q.start > body.index("BOGOR")


def test_terms_titles_and_nicknames_are_not_quotes() -> None:
    body = ('Kegiatan bertema “Pemilu Damai Bermartabat untuk Negeri Tercinta” digelar di Palu.\n\n'
            'Pegawai dilarang menekan tombol "like" pada akun kandidat.\n\n'
            'Seorang pria alias "Bang Jago" ikut menonton.')
    assert quotes_of(body) == []


def test_speaker_with_role_after_verb_and_no_comma() -> None:
    body = ('"Pengawasan kami lakukan sampai tingkat kecamatan," kata Kepala BKPSDM Kota Padang '
            "Mairizon di Padang, Rabu.")
    [q] = quotes_of(body)
    assert q.speaker == "Mairizon"
    assert q.role == "Kepala BKPSDM Kota Padang"


def test_surname_alone_resolves_to_fullest_name() -> None:
    body = ("Ketua KPU Kabupaten Gresik, Muhammad Syaifudin Zuhri, meninjau gudang logistik.\n\n"
            '"Logistik aman dan tersegel," kata Zuhri.')
    [q] = quotes_of(body)
    assert q.speaker == "Muhammad Syaifudin Zuhri"


def test_truncated_and_misspelt_short_names_resolve() -> None:
    body = ("Kepala Dinas Kesehatan Kabupaten Sikka, Petrus Herlemus, memberi arahan.\n\n"
            '"ASN kesehatan harus melayani semua warga tanpa membeda-bedakan pilihan," kata Petru\n\n'
            "Pe mengatakan pihaknya juga menyiapkan posko pengaduan.\n\n"
            '"Silakan lapor bila ada pelanggaran," ujarnya.')
    quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Petrus Herlemus", "Petrus Herlemus"]


def test_pronoun_resolves_to_most_recent_speaker() -> None:
    body = ("Ketua Bawaslu Kota Ambon, Stevin Melay, membuka rapat.\n\n"
            '"Kami siap mengawasi," kata Stevin.\n\n'
            "Sementara itu, anggota KPU Kota Ambon, Yunita Latuheru, menyatakan logistik sudah lengkap.\n\n"
            '"Tidak ada kekurangan surat suara," ujarnya.\n\n'
            'Ia menambahkan, "Distribusi dimulai pekan depan."')
    quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Stevin Melay", "Yunita Latuheru", "Yunita Latuheru"]
    assert quotes[1].role == "anggota KPU Kota Ambon"


def test_bare_title_resolves_to_the_named_holder() -> None:
    body = ("Sekretaris Daerah Kabupaten Lebak, Budi Santoso, memimpin apel.\n\n"
            "Selain itu, sekda mengingatkan pegawai soal media sosial.\n\n"
            '"Jangan ikut membagikan konten kampanye," kata sekda.')
    [q] = quotes_of(body)
    assert q.speaker == "Budi Santoso"
    assert q.role == "Sekretaris Daerah Kabupaten Lebak"


def test_institution_or_nobody_gives_null_speaker() -> None:
    body = ('"ASN yang terbukti melanggar akan dijatuhi sanksi," tulis Bawaslu Kota Medan dalam rilisnya.\n\n'
            '"Kami hanya ingin pilkada berjalan jujur dan adil bagi semua pihak."')
    quotes = quotes_of(body)
    assert len(quotes) == 2
    assert all(q.speaker is None for q in quotes)


def test_attribution_before_the_quote() -> None:
    body = ("Kepala Diskominfo Kota Kupang, Rina Malelak, hadir dalam sosialisasi itu.\n\n"
            'Menurut Rina, "Jejak digital tidak bisa dihapus begitu saja."\n\n'
            'Ia menegaskan: "Setiap unggahan bisa jadi bukti pelanggaran."')
    quotes = quotes_of(body)
    assert len(quotes) == 2
    assert all(q.speaker == "Rina Malelak" for q in quotes)


def test_name_then_verb_after_the_quote() -> None:
    body = ("Inspektur Kabupaten Kampar, Yuliani Hasan, menerima laporan warga.\n\n"
            '"Laporan itu sedang kami telaah," Yuliani menambahkan.')
    [q] = quotes_of(body)
    assert q.speaker == "Yuliani Hasan"


def test_malay_speech_verbs_and_titles() -> None:
    body = ("Menteri Besar Selangor, Datuk Seri Amirudin Shari berkata, penjawat awam mesti berkecuali.\n\n"
            '"Kita mahu semua kakitangan kerajaan patuh kepada peraturan," katanya.\n\n'
            "Beliau menambah, tindakan tatatertib boleh diambil.")
    [q] = quotes_of(body)
    assert q.speaker == "Amirudin Shari"
    assert q.role == "Menteri Besar Selangor"


def test_single_line_breaks_are_paragraph_breaks() -> None:
    body = ("Kapolres Sleman AKBP Yuswanto Ardi menegaskan anggotanya netral.\n"
            "“Anggota yang berfoto dengan simbol jari akan kami periksa,” katanya.\n"
            "“Tidak ada toleransi.")
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == ["Anggota yang berfoto dengan simbol jari akan kami periksa,",
                                        "Tidak ada toleransi."]
    assert all(q.speaker == "Yuswanto Ardi" for q in quotes)


def test_quotes_come_in_body_order_with_exact_offsets() -> None:
    body = ('Plt Bupati Pati, Henggar Budi Anggoro, berpesan kepada camat. "Jaga netralitas," kata Henggar. '
            '"Laporkan bila ada pelanggaran," ujarnya lagi.')
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == ["Jaga netralitas,", "Laporkan bila ada pelanggaran,"]
    assert quotes[0].start < quotes[1].start


def test_pronoun_skips_an_object_named_later_in_the_sentence() -> None:
    body = ("Ketua KPU Kabupaten Kubu Raya, Mustafa, mengatakan pihaknya berkoordinasi dengan "
            "Kapolres Kubu Raya AKBP Arief Hidayat.\n\n"
            '"Pengamanan gudang logistik dijaga bergantian," katanya.')
    [q] = quotes_of(body)
    assert q.speaker == "Mustafa"


def test_interrupted_quote_keeps_its_speaker() -> None:
    body = '"Kami siap," kata Wahyudi, "mengawal pilkada sampai penetapan calon terpilih."'
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == ["Kami siap,", "mengawal pilkada sampai penetapan calon terpilih."]
    assert all(q.speaker == "Wahyudi" for q in quotes)


def test_document_quoted_has_no_speaker() -> None:
    body = ("Bupati Karanganyar, Juliyatmono, menerbitkan surat edaran.\n\n"
            'Surat edaran itu berbunyi, "ASN dilarang terlibat kampanye dalam bentuk apa pun."\n\n'
            '"Pegawai wajib menjaga netralitas," demikian bunyi surat tersebut.')
    quotes = quotes_of(body)
    assert len(quotes) == 2
    assert all(q.speaker is None for q in quotes)


def test_unattributed_quote_follows_the_current_subject() -> None:
    body = ("Asisten I Setda Kabupaten Bima, Agus Salim, memimpin rapat netralitas.\n\n"
            "Pesannya jelas: \"Jangan main-main dengan netralitas.\"")
    [q] = quotes_of(body)
    assert q.speaker == "Agus Salim"


def test_title_of_a_regulation_is_not_a_quote() -> None:
    body = 'Pemkab menerbitkan Surat Edaran Nomor 800/123 tentang "Netralitas ASN dalam Pilkada 2024."'
    assert quotes_of(body) == []


def test_empty_body() -> None:
    assert find_quotes_and_officials("") == ([], [])
