"""One test (or a few) per error class that real copy showed (issue 13, classes 1-9).

Every text is made up for the test, with other names, regions and outlets than
the gold sets, so each rule is checked for what it is, not for one article.
"""

from __future__ import annotations

from pantau.analysis.core import analyze
from pantau.analysis.quotes import find_quotes_and_officials
from pantau.analysis.tags import assign_tags, split_sentences
from pantau.models import Official, Quote


def _quotes(body: str) -> list[Quote]:
    quotes, _ = find_quotes_and_officials(body)
    for q in quotes:
        assert body[q.start:q.end] == q.text
    return quotes


def _officials(body: str) -> list[Official]:
    return find_quotes_and_officials(body)[1]


def _tags(body: str, *, title: str | None = None, language: str = "id") -> set[str]:
    return set(assign_tags(body, title=title, language=language)[0])


# 1. A role runs until the name starts: role words, divisions, bodies and region names belong to the role.

def test_role_words_before_name_stay_in_role() -> None:
    assert _officials("Kepala Bidang Pembangunan Hartono mengatakan jalan desa rampung bulan depan.") == [
        Official("Hartono", "Kepala Bidang Pembangunan")]
    assert _officials("Koordinator Divisi Penanganan Pelanggaran Rudi Setiawan memimpin rapat pleno.") == [
        Official("Rudi Setiawan", "Koordinator Divisi Penanganan Pelanggaran")]


def test_region_names_before_name_stay_in_role() -> None:
    # a province of two words, and a district of two words that only the gazetteer knows
    assert _officials("Penjabat Gubernur Kepulauan Riau Hartono membuka apel pagi.") == [
        Official("Hartono", "Penjabat Gubernur Kepulauan Riau")]
    assert _officials("Camat Kuta Selatan Ketut Gede Arta mengumpulkan para lurah.") == [
        Official("Ketut Gede Arta", "Camat Kuta Selatan")]


def test_numbers_and_ranks_in_military_roles() -> None:
    body = "Hadir pula Dandim 0413 Bangka Letkol Inf Yudha Pratama, S.H., dalam deklarasi itu."
    assert _officials(body) == [Official("Yudha Pratama", "Dandim 0413 Bangka")]


def test_village_after_a_village_head_is_no_name() -> None:
    body = "Bawaslu memanggil Kades Sukarame berinisial HN untuk dimintai klarifikasi."
    assert _officials(body) == []
    assert _officials("Kades Sukarame Budi Santoso mengaku belum menerima surat panggilan.") == [
        Official("Budi Santoso", "Kades Sukarame")]


# 2. Short forms resolve to the fullest name in the article.

def test_first_name_resolves_to_full_name() -> None:
    body = ("Kapolres Sleman AKBP Agus Salim Harahap memimpin apel pengamanan.\n\n"
            '"Personel dilarang berfoto dengan calon," kata Agus.\n\n'
            '"Yang melanggar kami periksa," ujar Harahap.')
    assert [q.speaker for q in _quotes(body)] == ["Agus Salim Harahap", "Agus Salim Harahap"]


def test_role_alone_resolves_to_its_named_holder() -> None:
    body = ("Kapolda Jambi Irjen Rusdi Hartono menggelar rapat koordinasi pilkada.\n\n"
            '"Semua personel wajib netral," tegas Kapolda.')
    [q] = _quotes(body)
    assert q.speaker == "Rusdi Hartono"
    assert q.role == "Kapolda Jambi"


def test_misspelt_short_name_and_initials_resolve() -> None:
    body = ("Ketua Bawaslu Kota Tual, Hamdan Rumalutur Yamlean, menerima laporan warga.\n\n"
            '"Laporan sudah kami registrasi," ujar Hamdam.\n\n'
            '"Minggu depan kami panggil pihak terlapor," kata HRY.')
    assert [q.speaker for q in _quotes(body)] == ["Hamdan Rumalutur Yamlean"] * 2


# 3. Attribution across sentences and paragraphs.

def test_speaker_introduced_in_previous_paragraph() -> None:
    body = ("Menurut Kapolda Sulawesi Tenggara Irjen Dwi Irianto, personel yang terbukti memihak akan "
            "diproses Propam.\n\n"
            '"Tidak ada tawar-menawar soal netralitas. Semua anggota sudah kami ingatkan."\n\n'
            '"Kalau ada yang melanggar, laporkan ke kami."')
    quotes = _quotes(body)
    assert [q.speaker for q in quotes] == ["Dwi Irianto", "Dwi Irianto"]
    body = ("Hal itu dikatakan Kepala Bagian Data dan Informasi KASN Muhammad S. Hartono usai bertemu Bawaslu.\n\n"
            '"Rekomendasi kami wajib ditindaklanjuti pejabat pembina kepegawaian," ujarnya.')
    [q] = _quotes(body)
    assert q.speaker == "Muhammad S. Hartono"


def test_attribution_in_the_sentence_after_the_quote() -> None:
    body = ('"Pegawai honorer juga terikat aturan netralitas." Hal itu disampaikan Kepala BKPSDM Kota Solok, '
            "Rina Wati, Senin.")
    [q] = _quotes(body)
    assert q.speaker == "Rina Wati"


def test_quotes_next_to_each_other_share_the_attribution() -> None:
    body = ('Apel dimulai pukul 07.30. "Jaga netralitas." "Jangan ikut kampanye," kata Camat Pauh Dedi '
            "Kurniawan.")
    assert [q.speaker for q in _quotes(body)] == ["Dedi Kurniawan", "Dedi Kurniawan"]


def test_a_person_who_opens_a_sentence_acting_takes_over_the_clitic() -> None:
    body = ("Gubernur Jawa Tengah Ahmad Luthfi memimpin rapat di Semarang, didampingi Sekda Jateng Sumarno.\n\n"
            '"Saya minta Pak Sekda mengawal betul," ujarnya.\n\n'
            "Sumarno kemudian menginstruksikan para kepala OPD mendata pegawai.\n\n"
            '"Data itu wajib masuk minggu ini," katanya.')
    assert [q.speaker for q in _quotes(body)] == ["Ahmad Luthfi", "Sumarno"]


def test_a_descriptive_phrase_after_the_verb_refers_to_the_current_speaker() -> None:
    body = ("Ketua Bawaslu Provinsi Jambi Wein Arifin hadir dalam rapat itu.\n\n"
            '"ASN harus netral," ujar pria yang akrab disapa Wein itu.')
    [q] = _quotes(body)
    assert q.speaker == "Wein Arifin"


def test_a_person_acted_upon_does_not_take_over_the_clitic() -> None:
    body = ("Menurut Ketua Bawaslu Kota Bima, Ahmad Sulaiman, dua lurah sudah diperiksa.\n\n"
            "Sementara itu, Lurah Penaraga, Samsul Bahri, dimintai keterangan pada Selasa.\n\n"
            '"Keduanya kooperatif saat klarifikasi," pungkasnya.')
    [q] = _quotes(body)
    assert q.speaker == "Ahmad Sulaiman"


# 4. English copy: said X, Minister of …; X said; according to X; titles; degrees without commas.

def test_english_said_x_minister_of() -> None:
    body = ('"Civil servants must stay out of campaigns," said Yusuf Hamdani, Minister of Administrative Reform, '
            "on Monday.")
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Yusuf Hamdani"]
    assert officials == [Official("Yusuf Hamdani", "Minister of Administrative Reform")]


def test_english_titles_before_the_name() -> None:
    body = ('"Do not post support for any candidate," Acting Mayor of Tomohon Caroll Senduk said.\n\n'
            '"We will monitor accounts," Tomohon Bawaslu head Ferry Rumengan told reporters.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Caroll Senduk", "Ferry Rumengan"]
    assert officials == [Official("Caroll Senduk", "Acting Mayor of Tomohon"),
                         Official("Ferry Rumengan", "Tomohon Bawaslu head")]


def test_english_x_said_before_and_according_to() -> None:
    body = ('Regional secretary Adrian Lumowa said: "Every report will be checked."\n\n'
            'According to Lumowa, "No civil servant is above the rules."')
    assert [q.speaker for q in _quotes(body)] == ["Adrian Lumowa", "Adrian Lumowa"]


def test_english_roles_in_apposition_and_with_a_possessive() -> None:
    body = ("Papua's acting governor, Ramses Limbong, has asked civil servants to stay neutral.\n\n"
            '"We will not tolerate any breach," Limbong said.\n\n'
            '"Regional heads must not use the bureaucracy," said Bahtiar, the ministry\'s director general.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Ramses Limbong", "Bahtiar"]
    assert officials == [Official("Ramses Limbong", "Papua's acting governor"),
                         Official("Bahtiar", "director general")]


def test_degree_without_comma() -> None:
    body = ('Kepala Dinas Kominfo Labuhanbatu, Rahmat Hidayat S.H. mengatakan surat edaran sudah disebar.\n\n'
            '"ASN wajib netral," kata Kepala Inspektorat Labuhanbatu Sofyan Harahap SSos MSi di Rantauprapat.\n\n'
            '"Reports will be processed," Dr. Maria Lende, M.Si, said.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Sofyan Harahap", "Maria Lende"]
    assert [o.name for o in officials] == ["Rahmat Hidayat", "Sofyan Harahap"]


# 5. Officials: people with a public role; institutions, acronyms and role-only lists are no one.

def test_institution_acronym_not_an_official() -> None:
    body = ("Surat Keputusan Bersama (SKB) Menteri PANRB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu "
            "Nomor 2 Tahun 2022 menjadi pedoman.\n\n"
            '"ASN dilarang memberi tanda suka pada unggahan calon," tulis Kemendagri dalam rilisnya.')
    quotes, officials = find_quotes_and_officials(body)
    assert officials == []
    assert [q.speaker for q in quotes] == [None]


def test_list_of_officials() -> None:
    body = ("Hadir dalam apel itu Rudi Hartawan, Siti Maryam dan Bambang Irawan, masing-masing Kepala Dinas "
            "Pendidikan, Camat Sukajadi dan Lurah Sukamaju.")
    assert _officials(body) == [Official("Rudi Hartawan", "Kepala Dinas Pendidikan"),
                                Official("Siti Maryam", "Camat Sukajadi"),
                                Official("Bambang Irawan", "Lurah Sukamaju")]


def test_comma_list_of_role_and_name_pairs() -> None:
    body = ("Hadir Asisten I Setda Lampung Utara Budi Santoso, S.H., Kasat Reskrim Polres Lampung Utara AKP "
            "Andri Gustami, dan Ketua KPU Lampung Utara, Marlina Sari.")
    assert [o.name for o in _officials(body)] == ["Budi Santoso", "Andri Gustami", "Marlina Sari"]


def test_quoted_candidate_speaks_with_the_candidacy_role_but_is_no_official() -> None:
    body = ('Calon bupati nomor urut 3, Hendri Saputra, memaparkan programnya. "Kami hapus jual beli jabatan," '
            "kata Hendri.")
    quotes, officials = find_quotes_and_officials(body)
    assert [(q.speaker, q.role) for q in quotes] == [("Hendri Saputra", "Calon bupati nomor urut 3")]
    assert officials == []


# 6. Tags: verb-phrase cues; no election tag for a year only mentioned in passing.

def test_verb_phrase_cues_tag_dugaan_pelanggaran() -> None:
    body = ("Bawaslu Kabupaten Sigi memanggil seorang kepala desa yang diduga mengkampanyekan salah satu pasangan "
            "calon bupati dalam Pilkada 2024. Kades tersebut terekam mengajak warga memilih paslon nomor urut 1. "
            "Ketua Bawaslu Sigi mengatakan kepala desa itu akan diklarifikasi pekan ini. Bawaslu terus mengawasi "
            "netralitas kepala desa dan ASN.")
    assert {"netralitas-asn", "dugaan-pelanggaran", "kampanye", "pengawasan"} <= _tags(body)


def test_year_in_passing_no_election_tag() -> None:
    body = ("Penjabat Bupati Muna mengingatkan ASN menjaga netralitas menjelang Pilkada 2024. Pada pemilu "
            "sebelumnya, tiga ASN Muna dijatuhi sanksi karena memihak salah satu calon. ASN juga dilarang "
            "mengunggah dukungan kepada pasangan calon bupati di media sosial.")
    tags = _tags(body)
    assert "pilkada-2024" in tags
    assert "pemilu-2024" not in tags
    old = ("Bawaslu Kabupaten Muna mengingatkan ASN agar netral pada Pilkada 2020. Dua ASN dilaporkan karena "
           "berfoto dengan calon bupati. Bawaslu meminta ASN tidak terlibat kampanye Pilkada 2020.")
    assert not {"pilkada-2024", "pemilu-2024"} & _tags(old)


def test_election_of_the_lead_wins_over_one_mentioned_later() -> None:
    body = ("Tujuh ASN Kabupaten Muna dijatuhi hukuman disiplin karena memihak caleg pada Pemilu 2024. "
            "Mereka terbukti menghadiri kampanye calon anggota DPRD. ASN diminta tidak mengulanginya menjelang "
            "Pilkada November mendatang.")
    tags = _tags(body)
    assert "pemilu-2024" in tags
    assert "pilkada-2024" not in tags


# 7. Malay: quotes in single marks, honorifics before names.

def test_malay_single_quotes_and_honorifics() -> None:
    body = ("Setiausaha Kerajaan Negeri Melaka, Dato’ Sri Azhar Arshad berkata, penjawat awam perlu berkecuali.\n\n"
            "‘Kakitangan kerajaan tidak boleh berkempen untuk mana-mana parti,’ katanya kepada pemberita.")
    quotes, officials = find_quotes_and_officials(body)
    assert [q.text for q in quotes] == ["Kakitangan kerajaan tidak boleh berkempen untuk mana-mana parti,"]
    assert [q.speaker for q in quotes] == ["Azhar Arshad"]
    assert officials == [Official("Azhar Arshad", "Setiausaha Kerajaan Negeri Melaka")]


def test_malay_deputy_roles_and_honorifics() -> None:
    body = ("Timbalan Ketua Menteri Sabah, Datuk Seri Panglima Joachim Gunsalam berkata, penjawat awam mesti "
            "berkecuali.\n\n"
            '"Jangan libatkan diri dalam kempen," kata beliau.')
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Joachim Gunsalam", "Timbalan Ketua Menteri Sabah")]
    assert [q.speaker for q in quotes] == ["Joachim Gunsalam"]


def test_apostrophe_of_an_honorific_does_not_close_a_single_quote() -> None:
    body = "‘Saya sudah berjumpa Dato’ Seri Anwar semalam,’ kata Tan Sri Musa Hassan."
    [q] = _quotes(body)
    assert q.text == "Saya sudah berjumpa Dato’ Seri Anwar semalam,"
    assert q.speaker == "Musa Hassan"


# 8. A short item (one-sentence advisory) is still tagged.

def test_one_sentence_advisory_is_tagged() -> None:
    analysis = analyze("Bupati Tanah Laut Sukamta mengimbau seluruh ASN di lingkungan Pemkab Tanah Laut agar "
                       "menjaga netralitas.")
    assert {"netralitas-asn", "imbauan"} <= set(analysis.tags)
    assert "imbauan" in _tags("Bupati Tanah Laut meminta ASN menjaga netralitas.",
                              title="Pemkab Tanah Laut Keluarkan Imbauan")


def test_long_story_with_neutral_in_another_sense_is_not_tagged() -> None:
    body = ("Pegawai RSUD diminta netral dalam melayani pasien dari semua golongan. Pelayanan dibuka 24 jam. "
            "Antrean kini lebih singkat. Rumah sakit menambah dokter. Parkir diperluas.")
    assert _tags(body) == set()


# 9. An unnamed speaker stays null instead of going to the last named official.

def test_unnamed_speaker_stays_null() -> None:
    body = ("Ketua Bawaslu Kota Sorong, Yohan Kambu, mengatakan posko dibuka setiap hari.\n\n"
            '"Laporan bisa lewat WhatsApp," ujar Yohan.\n\n'
            "Seorang warga yang ditemui di posko menyambut baik layanan itu.\n\n"
            '"Kami jadi berani melapor," ujarnya.\n\n'
            "Salah satu ASN yang enggan disebut namanya mengaku khawatir.\n\n"
            '"Kami takut dianggap memihak," katanya.')
    assert [q.speaker for q in _quotes(body)] == ["Yohan Kambu", None, None]


def test_unnamed_person_as_an_object_does_not_silence_the_speaker() -> None:
    body = ("Kepala BKPSDM Kota Bitung, Meiske Rumondor, membuka layanan aduan.\n\n"
            "Ia meminta warga melapor jika menemukan seorang ASN berkampanye.\n\n"
            '"Identitas pelapor kami rahasiakan," katanya.')
    [q] = _quotes(body)
    assert q.speaker == "Meiske Rumondor"


def test_unnamed_suspect_does_not_silence_the_speaker() -> None:
    body = ("Ketua Bawaslu Kota Bima, Budi Hartono, mengatakan pihaknya menemukan pelanggaran.\n\n"
            "Seorang ASN berinisial AB diduga mengunggah foto bersama calon wali kota.\n\n"
            '"Kami sudah memanggil yang bersangkutan," katanya.')
    [q] = _quotes(body)
    assert q.speaker == "Budi Hartono"


# Second round: the classes that held-out set 2 (tests/gold_heldout2, first look) showed.
# Neutrality first: alerts fire on it.

def test_regional_names_of_civil_servants_count_as_subjects() -> None:
    # Papua's kepala distrik is a camat; keuchik is an Acehnese village head
    body = ("Bawaslu Kabupaten Nduga menangani laporan dugaan pelanggaran netralitas oleh seorang kepala distrik "
            "yang diduga mengangkut massa ke lokasi kampanye salah satu pasangan calon bupati. Laporan itu "
            "disampaikan tim hukum pasangan calon lain. Bawaslu akan memeriksa saksi pekan depan.")
    assert {"netralitas-asn", "dugaan-pelanggaran", "kampanye"} <= _tags(body)
    assert "netralitas-asn" in _tags("Seorang keuchik di Kabupaten Bireuen diduga melanggar netralitas karena "
                                     "hadir dalam kampanye calon bupati. Bawaslu akan memanggilnya.")


def test_violation_tied_to_a_candidate_by_the_next_sentence() -> None:
    body = ("Bawaslu Kota Kendari memanggil Lurah Anduonohu, Rahmat Saleh, untuk dimintai klarifikasi. "
            "Pemanggilan itu terkait komentarnya pada unggahan salah satu calon wali kota Kendari. "
            "Tangkapan layar komentar itu beredar sejak pekan lalu. Rahmat mengaku akun itu miliknya.")
    assert "netralitas-asn" in _tags(body)
    # the same shape about money is no neutrality story
    money = ("Inspektorat Kota Kendari memanggil Lurah Anduonohu, Rahmat Saleh, untuk dimintai klarifikasi. "
             "Pemanggilan itu terkait pungutan pada warga yang mengurus surat pindah. Pilkada 2024 tidak "
             "menunda pemeriksaan itu. Rahmat mengaku belum menerima surat panggilan.")
    assert _tags(money) == set()


def test_pihaknya_is_no_partisanship() -> None:
    # "pihaknya" (their side: "they") is no "berpihak"; a salary story with ASN in every sentence stays untagged
    body = ("Kepala BKPSDM Kabupaten Sinjai mengatakan pihaknya menyiapkan gaji ke-13 bagi ASN bulan depan. "
            "Menurut dia, pihaknya sudah menghitung kebutuhan anggaran untuk seluruh PNS. Pegawai honorer juga "
            "akan menerima insentif, kata dia, dan pihaknya tidak menunda pembayaran meski ada Pilkada 2024.")
    assert _tags(body) == set()


# Topic tags.

def test_support_for_a_candidate_in_other_words_is_kampanye() -> None:
    pose = ("Bawaslu Kabupaten Bungo memanggil empat guru PPPK yang berpose dua jari bersama calon bupati. "
            "Ketua Bawaslu Bungo menilai berfoto dengan gaya yang menunjukkan keberpihakan kepada paslon "
            "termasuk pelanggaran netralitas ASN. Keempatnya diminta klarifikasi pekan ini.")
    assert "kampanye" in _tags(pose)
    direct = ("Seorang kepala sekolah di Kabupaten Sambas diduga mengumpulkan guru honorer dan mengarahkan mereka "
              "memilih salah satu pasangan calon bupati. Bawaslu menilai ASN itu melanggar netralitas. "
              "Kasusnya diteruskan ke BKN.")
    assert "kampanye" in _tags(direct)
    # "menyosialisasikan" a ban is no campaigning
    ban = ("Penjabat Bupati Pidie mengingatkan ASN agar menjaga netralitas selama Pilkada 2024. Kepala BKPSDM "
           "Pidie mengatakan pihaknya sudah menyosialisasikan larangan itu kepada seluruh ASN sejak Agustus. "
           "ASN yang terbukti melanggar akan dijatuhi sanksi.")
    assert "kampanye" not in _tags(ban)


def test_counted_and_unnamed_cases_are_concrete_violations() -> None:
    counted = ("Bawaslu Provinsi Bengkulu mencatat tujuh dugaan pelanggaran netralitas ASN selama tahapan "
               "Pilkada 2024. Kasus terbanyak ditangani Bawaslu Kabupaten Kaur. ASN yang terbukti melanggar "
               "akan direkomendasikan ke BKN.")
    assert "dugaan-pelanggaran" in _tags(counted)
    english = ("The Election Supervisory Agency (Bawaslu) in Riau has forwarded 14 cases of alleged neutrality "
               "violations by civil servants to the BKN. Most of the cases involve civil servants who endorsed "
               "candidates on social media during the regional election campaign.")
    assert "dugaan-pelanggaran" in _tags(english, language="en")


def test_watchdog_named_in_the_sentence_before_makes_monitoring() -> None:
    body = ("Seorang camat di Kabupaten Blitar dilaporkan karena diduga menghadiri kampanye caleg pada Pemilu "
            "2024. Ketua Bawaslu Blitar membenarkan adanya laporan terhadap camat tersebut. Menurutnya, pihaknya "
            "tengah memanggil pihak-pihak terkait untuk klarifikasi. Camat itu membantah netralitasnya "
            "dilanggar.")
    assert "pengawasan" in _tags(body)
    handling = ("Bawaslu Kabupaten Mappi tengah menangani laporan dugaan pelanggaran netralitas oleh seorang "
                "kepala distrik yang menghadiri kampanye calon bupati. Laporan itu masuk pekan lalu.")
    assert "pengawasan" in _tags(handling)
    # a hypothetical is no monitoring
    wish = ("Bupati Blitar meminta ASN menjaga netralitas menjelang Pilkada 2024. \"Saya tidak mau mendengar ada "
            "ASN Blitar yang dipanggil Bawaslu,\" katanya. ASN juga dilarang berfoto dengan calon bupati.")
    assert "pengawasan" not in _tags(wish)


def test_urging_the_public_to_report_is_pelaporan() -> None:
    body = ("Kepala BKD Provinsi Papua Barat mengimbau masyarakat yang melihat ASN ikut berkampanye agar melapor "
            "ke BKD atau Bawaslu. ASN yang terbukti tidak netral akan dijatuhi sanksi. Pj Gubernur juga "
            "mengingatkan ASN menjaga netralitas pada Pilkada 2024.")
    assert "pelaporan" in _tags(body)
    english = ("The Bali provincial government asked civil servants to remain neutral in the regional elections. "
               "Residents could report alleged violations through the provincial complaint channel or to "
               "Bawaslu, the head of the civil service agency said.")
    assert "pelaporan" in _tags(english, language="en")


def test_criminal_threat_is_a_sanction() -> None:
    body = ("Bawaslu Kabupaten Bantul mengingatkan lurah dan pamong kalurahan menjaga netralitas pada Pilkada "
            "2024. Larangan itu diatur dalam Pasal 71 UU Nomor 10 Tahun 2016, dengan ancaman pidana penjara dan "
            "denda. Bawaslu membuka posko pengaduan di kantornya.")
    assert "sanksi" in _tags(body)


def test_english_poses_gestures_and_staff() -> None:
    body = ("The West Java provincial government has asked civil servants to remain neutral in the 2024 regional "
            "elections. Civil servants are prohibited from posing with candidates using hand gestures that refer "
            "to their ballot numbers. The regional secretary said the administration had asked all agency heads "
            "to remind their staff of the rules.")
    tags = _tags(body, language="en")
    assert "foto-pose" in tags
    imbauan = ("The regional secretary said the administration had asked all agency heads to remind their staff "
               "of the neutrality rules for the regional elections.")
    assert "imbauan" in _tags(imbauan, language="en")


def test_village_head_in_passing_is_no_village_story() -> None:
    body = ("Seorang camat di Kabupaten Kediri berinisial AS dilaporkan ke Bawaslu karena diduga menghadiri "
            "kampanye caleg pada Pemilu 2024. Ketua Bawaslu Kediri mengatakan camat itu akan diklarifikasi. "
            "Camat, kata dia, merupakan pejabat yang punya pengaruh langsung kepada kepala desa dan masyarakat. "
            "Karena itu camat harus menjaga netralitas.")
    tags = _tags(body)
    assert "netralitas-asn" in tags
    assert "perangkat-desa" not in tags


def test_evidence_circulating_in_chat_groups_is_no_social_media_conduct() -> None:
    body = ("Tiga kepala desa di Kabupaten Lombok Tengah terbukti melanggar netralitas karena ikut membacakan "
            "deklarasi dukungan untuk salah satu pasangan calon gubernur. Kasus itu berawal dari video yang "
            "beredar di grup WhatsApp. Bupati menjatuhkan sanksi teguran tertulis kepada ketiganya.")
    tags = _tags(body)
    assert {"netralitas-asn", "kampanye", "sanksi"} <= tags
    assert "media-sosial" not in tags


def test_rule_stated_in_narrative_is_no_advisory() -> None:
    story = ("Seorang kepala distrik di Kabupaten Lanny Jaya dilaporkan ke Bawaslu karena diduga memakai mobil dinas "
             "untuk kampanye calon gubernur. Menurut Ketua Bawaslu Lanny Jaya, penggunaan fasilitas negara untuk "
             "kampanye dilarang, baik bagi ASN maupun pejabat daerah. Laporan itu sedang dikaji.")
    tags = _tags(story)
    assert "netralitas-asn" in tags
    assert "imbauan" not in tags
    warning = ("Ketua Panwaslih Kabupaten Pidie membuka rapat koordinasi pengawasan Pilkada 2024 bersama camat. "
               "\"ASN dilarang berpihak kepada salah satu pasangan calon,\" katanya. Ia menyebut netralitas ASN "
               "menjadi perhatian utama.")
    assert "imbauan" in _tags(warning)


# Speakers.

def test_one_unknown_word_after_a_regent_is_a_name() -> None:
    body = ("Apel dipimpin Penjabat (Pj) Bupati Karangasem, I Ketut Sedana Merta.\n"
            "Dalam amanatnya, Pj Bupati Sedana mengingatkan bahwa pakta integritas bukan seremonial.\n"
            '"Begitu tanda tangan, siap menerima konsekuensi," ujarnya.')
    [q] = _quotes(body)
    assert q.speaker == "I Ketut Sedana Merta"
    # a short form of a regency the gazetteer lacks stays the territory when nobody is named with it
    assert _officials("Pj Wali Kota Tangsel mengimbau ASN menjaga netralitas.") == []


def test_person_introduced_by_name_takes_their_short_form() -> None:
    body = ("Laporan dilayangkan oleh seorang warga bernama Joko Susilo, Selasa (9/1).\n"
            '"Video itu jelas memperlihatkan camat di panggung," kata Joko.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Joko Susilo"]
    assert officials == []


def test_degrees_between_a_name_and_its_verb() -> None:
    body = ("Kuasa hukum pelapor, Yakobus Wenda, S.H., mengatakan pihaknya punya bukti lain.\n"
            '"Kami punya foto dan video," ujar Yakobus.')
    [q] = _quotes(body)
    assert q.speaker == "Yakobus Wenda"
    clitic = ("Kuasa hukum pelapor, Yakobus Wenda, S.H., M.H., juga mengatakan pihaknya punya bukti lain.\n"
              '"Kami punya foto dan video," ujarnya.')
    assert [q.speaker for q in _quotes(clitic)] == ["Yakobus Wenda"]


def test_role_word_in_a_reported_clause_is_not_the_speaker() -> None:
    body = ("Ketua Bawaslu Kabupaten Kediri, Rudi Hartono, membenarkan adanya laporan itu.\n"
            '"Kami sudah mengundang terlapor," jelas Rudi.\n'
            "Ia menambahkan, Camat, kata dia, merupakan pejabat yang paling disorot.\n"
            '"Semakin tinggi jabatannya, semakin berat tanggung jawabnya," tegasnya.')
    assert [q.speaker for q in _quotes(body)] == ["Rudi Hartono", "Rudi Hartono"]


def test_abbreviated_name_part_with_a_full_stop() -> None:
    body = ("Satgas diketuai Sekretaris Daerah Kota Tidore, Dr. Ahmad Abd. Rahman, S.Pi., M.Si.\n"
            '"Tugas satgas ini jelas," kata Ahmad.')
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Ahmad Abd. Rahman", "Sekretaris Daerah Kota Tidore")]
    assert [q.speaker for q in quotes] == ["Ahmad Abd. Rahman"]
    assert len(split_sentences("Apel dipimpin Ahmad Abd. Rahman di halaman kantor.")) == 1


def test_place_or_agent_before_a_verb_is_not_the_speaker() -> None:
    body = ("Kepala BKPSDM Kabupaten Dompu, Hamdan Yusuf, membuka seleksi PPPK.\n"
            '"Tidak ada titipan," tegas Hamdan.\n'
            "Salah seorang honorer di Puskesmas Sungai Ulin mengatakan sudah delapan tahun menunggu.\n"
            '"Semoga kali ini rezeki," ucapnya.\n'
            "Salah seorang kades yang dikonfirmasi Radar Bima mengaku tidak tahu acara itu deklarasi.\n"
            '"Saya diminta maju, ya saya ikut saja," dalihnya.\n'
            "Seorang guru honorer di Tanjung Batu mengatakan gajinya belum naik.\n"
            '"Kami tetap bekerja," ujarnya.')
    assert [q.speaker for q in _quotes(body)] == ["Hamdan Yusuf", None, None, None]


def test_person_known_only_by_initials_speaks_but_is_no_official() -> None:
    body = ("Seorang camat di Kabupaten Jombang berinisial AS dilaporkan ke Bawaslu.\n"
            "Ketua Bawaslu Jombang, Rudi Hartono, membenarkan laporan itu.\n"
            '"Kami panggil terlapor pekan ini," kata Rudi.\n'
            "Dikonfirmasi terpisah, AS membantah dirinya berkampanye.\n"
            '"Saya hadir karena diundang pengajian," katanya.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Rudi Hartono", "AS"]
    assert [o.name for o in officials] == ["Rudi Hartono"]


# Officials.

def test_campaign_team_role_with_a_relative_clause_speaks_but_is_no_official() -> None:
    body = ("Kasat Reskrim Polres Toba, AKP Benny Manalu, membenarkan pelimpahan kasus itu.\n"
            '"Kami dalami sumber uangnya," kata Benny.\n'
            "Sementara itu, Ketua Tim Pemenangan paslon yang bersangkutan, Rudi Sitompul, membantah tuduhan itu.\n"
            '"Kami tidak pernah memerintahkan itu," katanya.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Benny Manalu", "Rudi Sitompul"]
    assert [o.name for o in officials] == ["Benny Manalu"]
    # a bare generic head with a relative clause names no one's office
    assert _officials('"Kalau ada anggota yang terbukti tidak netral, Propam akan memeriksanya," kata dia.') == []


def test_english_apposition_without_an_article_or_with_a() -> None:
    body = ("According to Maria Ulfa, head of the East Java Regional Civil Service Agency, her office has set up "
            "a team. Most cases involve civil servants, according to Budi Santoso, a commissioner of the Riau "
            "Bawaslu who oversees violation handling.")
    assert [o.name for o in _officials(body)] == ["Maria Ulfa", "Budi Santoso"]


def test_english_role_after_a_place_of_several_words() -> None:
    body = "West Nusa Tenggara regional secretary Lalu Gita Ariadi said all agency heads had been told."
    assert _officials(body) == [Official("Lalu Gita Ariadi", "West Nusa Tenggara regional secretary")]


def test_list_role_that_starts_after_its_body() -> None:
    body = "Anggota KPU Sleman Divisi Teknis, Logistik dan Data, Ani Lestari, menjelaskan surat suara rusak dipisahkan."
    assert _officials(body) == [Official("Ani Lestari", "Anggota KPU Sleman Divisi Teknis, Logistik dan Data")]


def test_two_capital_degrees_after_a_name() -> None:
    body = "Hal itu disampaikan Kepala Bidang Mutasi BKPSDM Kampar, Yudi Pratama SE MM kepada wartawan."
    assert _officials(body) == [Official("Yudi Pratama", "Kepala Bidang Mutasi BKPSDM Kampar")]


def test_a_group_of_roles_is_no_person() -> None:
    body = ("Turut hadir para Staf Ahli Bupati, Pimpinan Perangkat Daerah, Kepala Bagian lingkup Setda Sikka, "
            "serta ASN lingkup Pemerintah Kabupaten Sikka.")
    assert _officials(body) == []


# Quotation spans.

def test_malay_single_quote_running_over_two_paragraphs() -> None:
    body = ("Ketua Setiausaha Kementerian, Datuk Seri Rosli Ahmad berkata, kumpulan WhatsApp jabatan bukan tempat "
            "berkempen.\n"
            "‘Kumpulan jabatan adalah untuk urusan kerja. Ia bukan tempat berpolitik.\n"
            "‘Saya minta ketua jabatan menegur kakitangan yang melanggar,’ katanya.")
    quotes = _quotes(body)
    assert [q.text for q in quotes] == [
        "Kumpulan jabatan adalah untuk urusan kerja. Ia bukan tempat berpolitik.",
        "Saya minta ketua jabatan menegur kakitangan yang melanggar,"]
    assert [q.speaker for q in quotes] == ["Rosli Ahmad", "Rosli Ahmad"]
    # a stray ‘ inside a sentence opens no quote
    assert _quotes("Pada era ‘90-an ramai penjawat awam berkempen untuk parti di kampung itu.") == []


def test_quote_right_after_a_writing_verb() -> None:
    body = "Dalam komentarnya, akun itu menulis “Gas terus, Bos!” disertai emoji jempol."
    assert [q.text for q in _quotes(body)] == ["Gas terus, Bos!"]
    named = "Ketua KPU Kota Bima, Rudi Hartono, menulis “Jangan lupa datang ke TPS!” di akun Instagramnya."
    assert [q.speaker for q in _quotes(named)] == ["Rudi Hartono"]


# Third round: the classes that held-out set 3 (tests/gold_heldout3, first look) showed. The rules that
# missed there were written for the surface of earlier copy (a subject right before its verb, a role word
# list, a cue phrase); these look at structure instead: what stands between a subject and its verb, what
# the gazetteer and the lexicon say each word of a role is, and who does what a cue describes.
# Neutrality first: alerts fire on it.

def test_dateline_and_date_abbreviations_do_not_split_the_lead() -> None:
    # "Jakarta." is a dateline, not the first sentence; "Feb." ends no sentence
    assert split_sentences("Surabaya. The Bawaslu summoned a camat ahead of the Feb. 14 election. He denied it.") \
        == ["Surabaya. The Bawaslu summoned a camat ahead of the Feb. 14 election.", "He denied it."]
    body = ("Medan. The Medan election supervisory agency (Bawaslu) has questioned three public school teachers "
            "over claims they urged parents to vote for a legislative candidate ahead of the Feb. 14 general "
            "election. The teachers, all civil servants, shared campaign posters in class chat groups. "
            "Civil servants are required by law to stay politically neutral.")
    tags = _tags(body, language="en")
    assert {"netralitas-asn", "dugaan-pelanggaran", "pemilu-2024"} <= tags


def test_nouns_the_article_declares_civil_servants_count_as_them() -> None:
    body = ("Dinas Kesehatan Kabupaten Sumbawa mengingatkan bidan berstatus PPPK agar tidak ikut kampanye "
            "pasangan calon bupati. Dua bidan sudah dipanggil karena mengunggah foto bersama calon. "
            "Keduanya mengaku khilaf.")
    assert {"netralitas-asn", "dugaan-pelanggaran"} <= _tags(body)
    # a body's last word ("tenaga kesehatan yang berstatus PPPK") is no such noun, nor are function words
    assert _tags("Tenaga kesehatan yang berstatus PPPK menerima gaji ke-13. Dinas Kesehatan mencairkannya "
                 "pekan ini. Mereka adalah ASN juga, kata Kepala Dinas Kesehatan.") == set()


def test_support_for_a_candidate_as_a_noun_is_partisanship() -> None:
    # "dukungan kepada pasangan calon" next to a warning to civil servants makes the story
    body = ("Sekretaris Daerah Kabupaten Sambas mengingatkan ASN agar berhati-hati saat berfoto di tahun politik. "
            "Menurutnya, gaya foto tertentu bisa dibaca sebagai dukungan kepada pasangan calon pada Pilkada 2024. "
            "Ia juga meminta ASN tidak berswafoto dengan calon bupati. Apel diikuti seluruh pegawai.")
    assert "netralitas-asn" in _tags(body)


# Topic tags.

def test_monitoring_is_done_by_an_oversight_body_not_by_the_public() -> None:
    public = ("Bupati Ciamis mengingatkan ASN menjaga netralitas pada Pilkada 2024. ASN dilarang menghadiri "
              "kampanye pasangan calon. Bupati juga meminta masyarakat turut mengawasi dan melapor ke posko "
              "pengaduan Bawaslu Ciamis apabila menemukan pelanggaran.")
    tags = _tags(public)
    assert "netralitas-asn" in tags and "pelaporan" in tags
    assert "pengawasan" not in tags
    school = ("Dinas Pendidikan Kabupaten Majene mengingatkan guru berstatus ASN tidak mengampanyekan calon bupati "
              "di grup WhatsApp. \"Kepala sekolah wajib memantau guru,\" kata Kepala Dinas.")
    assert "pengawasan" not in _tags(school)
    task_force = ("Pemprov Gorontalo membentuk satuan tugas netralitas ASN untuk Pilkada 2024. Satgas itu bertugas "
                  "memantau dugaan pelanggaran netralitas ASN di seluruh perangkat daerah. ASN diminta netral.")
    assert "pengawasan" in _tags(task_force)
    english = ("The Bawaslu chairman of Kubu Raya said his office had identified five village heads in a video "
               "supporting a candidate and would summon them for clarification. Village heads must stay neutral "
               "in the regional election.")
    assert "pengawasan" in _tags(english, language="en")


def test_concrete_cases_in_other_words() -> None:
    # counted things the suspects own, a suspect with a long description, English counts and verbs
    accounts = ("Bawaslu Kabupaten Katingan menemukan sedikitnya sembilan akun Facebook yang diduga milik ASN "
                "memasang bingkai foto calon bupati. Bawaslu masih menelusuri pemilik akun. ASN diminta netral.")
    assert "dugaan-pelanggaran" in _tags(accounts)
    described = ("DPMD Kabupaten Sigi menegur seorang sekretaris desa (sekdes) di Kecamatan Dolo yang kedapatan "
                 "mengunggah ajakan memilih calon gubernur. Sekdes itu perangkat desa yang wajib netral.")
    assert {"dugaan-pelanggaran", "perangkat-desa"} <= _tags(described)
    english = ("The Bawaslu of Bantaeng said it had clarified the cases of seven civil servants photographed at a "
               "campaign rally of a regent candidate. The findings went to the civil service agency.")
    assert "dugaan-pelanggaran" in _tags(english, language="en")
    # a year is no count ("pada Pilkada 2020 lalu ada pegawai …")
    past = ("Sekda Kabupaten Agam mengingatkan ASN menjaga netralitas pada Pilkada 2024. \"Pada Pilkada 2020 lalu "
            "ada pegawai kita yang menjalani pemeriksaan,\" ujarnya. ASN juga dilarang mengomentari unggahan calon.")
    assert "dugaan-pelanggaran" not in _tags(past)


def test_a_circular_is_an_advisory_whoever_it_is_sent_to() -> None:
    english = ("The Sorong regional secretary said civil servants who campaign for candidates in the regional "
               "election would be punished. The administration has distributed a circular from the regent to all "
               "regional work units.")
    assert "imbauan" in _tags(english, language="en")
    letters = ("Bawaslu Kabupaten Paser memeriksa seorang camat yang diduga memakai mobil dinas untuk kampanye "
               "pasangan calon. \"Kami sudah surati seluruh camat agar tidak memakai kendaraan dinas,\" kata Sekda.")
    assert "imbauan" in _tags(letters)


def test_other_wordings_of_laws_threats_support_reports_and_village_cases() -> None:
    body = ("Sejumlah kepala desa di Kabupaten Bone diduga ikut deklarasi dukungan untuk salah satu pasangan calon. "
            "Larangan itu diatur dalam Pasal 71 Undang Undang Nomor 10 Tahun 2016. Kades yang terbukti dapat "
            "dijerat pidana. Masyarakat yang punya bukti silahkan datang ke sekretariat Panwascam.")
    assert {"regulasi", "sanksi", "pelaporan", "perangkat-desa"} <= _tags(body)
    cases = ("Bawaslu Provinsi Jambi mencatat 12 dugaan pelanggaran netralitas ASN pada Pilkada 2024. Menurut dia, "
             "beberapa kasus juga melibatkan kepala desa. Kasus itu diteruskan ke bupati.")
    assert "perangkat-desa" in _tags(cases)
    english = ("A video of several village heads declaring support for a regent candidate went viral. The Bawaslu "
               "of Pesawaran said village heads must stay neutral in the regional election.")
    assert "kampanye" in _tags(english, language="en")


# Speakers and officials.

def test_province_in_apposition_before_the_name_belongs_to_the_role() -> None:
    body = ("Kepala Dinas Kesehatan Kabupaten Sigi, Sulawesi Tengah, Yusran Lamasi mengingatkan tenaga kesehatan.\n"
            '"Jangan ikut kampanye," kata Yusran.')
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Yusran Lamasi", "Kepala Dinas Kesehatan Kabupaten Sigi")]
    assert [q.speaker for q in quotes] == ["Yusran Lamasi"]


def test_list_role_whose_body_comes_before_the_list_ends_at_the_name() -> None:
    body = ("Anggota Bawaslu Kabupaten Sleman Koordinator Divisi Hukum, Data dan Informasi, Yuni Astuti, S.Pd.I., "
            "menjelaskan temuan itu.\n"
            '"Kami masih menelusuri," jelas Yuni.')
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official(
        "Yuni Astuti", "Anggota Bawaslu Kabupaten Sleman Koordinator Divisi Hukum, Data dan Informasi")]
    assert [q.speaker for q in quotes] == ["Yuni Astuti"]
    # a unit of short words the lexicon does not know ("Diklat") is no person while the list goes on
    units = ("Koordinator Divisi SDM, Organisasi, Diklat, dan Litbang Bawaslu Kabupaten Lahat, Rudi Hartono, "
             "menjelaskan hal itu.")
    assert _officials(units) == [Official(
        "Rudi Hartono", "Koordinator Divisi SDM, Organisasi, Diklat, dan Litbang Bawaslu Kabupaten Lahat")]


def test_short_role_forms_are_roles_not_names() -> None:
    body = ("Kepala Badan Kepegawaian Daerah Kota Bitung, Rudi Lumenta, membenarkan sanksi itu.\n"
            "Menurut Kaban, sanksi itu mengacu pada PP Nomor 94 Tahun 2021.\n"
            '"Aturan tetap aturan," ujarnya.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Rudi Lumenta"]
    assert [o.name for o in officials] == ["Rudi Lumenta"]


def test_name_part_that_is_a_verb_elsewhere() -> None:
    # verbs are written in lower case: a capitalised "Said" after a name word is part of the name
    body = ("Kepala Dinas Sosial Kota Depok, Hj. Siti Aminah Said, M.Si. mengatakan bantuan tetap disalurkan.\n"
            '"Tidak ada kaitan dengan pilkada," ujar Siti Aminah.')
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Siti Aminah Said", "Kepala Dinas Sosial Kota Depok")]
    assert [q.speaker for q in quotes] == ["Siti Aminah Said"]


def test_subject_separated_from_its_verb() -> None:
    # a relative clause ("yang dikonfirmasi terpisah") or a fronted phrase ("Pada segmen …,") before the subject
    relative = ("Ketua Bawaslu Kota Kupang, Yohanes Bria, mengatakan laporan sudah masuk.\n"
                "Camat Oebobo, Markus Ndun yang dikonfirmasi terpisah membantah tuduhan itu.\n"
                '"Saya tidak ikut kampanye," tegasnya.')
    assert [q.speaker for q in _quotes(relative)] == ["Markus Ndun"]
    fronted = ("Calon bupati nomor urut 1, Hamid Latif, menyoroti layanan kesehatan.\n"
               "Pada segmen penanganan banjir, calon bupati nomor urut 2, Rahmat Dunggio, berjanji membangun tanggul.\n"
               '"Banjir ini harus selesai," ujarnya.')
    assert [q.speaker for q in _quotes(fronted)] == ["Rahmat Dunggio"]
    # a phrase opening with a verb, a clause of time between the subject and its verb
    lead = 'Ketua KPU Lahat, Sri Astuti, membuka rapat.\n"Logistik aman," ujarnya.\n'
    responding = lead + ("Menanggapi laporan tersebut, Kepala BKPSDM Lahat Rudi Hartono memastikan akan menindak.\n"
                         '"Kami tindak," katanya.')
    assert [q.speaker for q in _quotes(responding)] == ["Sri Astuti", "Rudi Hartono"]
    asked = lead + ("Sementara, Kepala Desa Sukamaju, Budi Santoso, saat dikonfirmasi wartawan mengaku tidak hadir.\n"
                    '"Saya di rumah," katanya.')
    assert [q.speaker for q in _quotes(asked)] == ["Sri Astuti", "Budi Santoso"]
    # "Menurut Adi, Camat X telah …" reports Adi's words: the camat is talked about
    reported = ("Ketua Bawaslu Kapuas, Adi Susanto, mengatakan empat ASN dipanggil.\n"
                "Menurut Adi, Camat Timpah, Joni, telah memenuhi panggilan pada Minggu.\n"
                '"Yang lain menyusul," pungkasnya.')
    assert [q.speaker for q in _quotes(reported)] == ["Adi Susanto"]
    # someone acted upon inside a sentence stays no subject, relative clause or not
    object_ = ("Ketua Bawaslu Kota Kupang, Yohanes Bria, mengatakan pihaknya memanggil Camat Oebobo Markus Ndun "
               "yang diduga menyampaikan ajakan memilih.\n"
               '"Kami klarifikasi dulu," katanya.')
    assert [q.speaker for q in _quotes(object_)] == ["Yohanes Bria"]


def test_adat_title_after_the_name_and_a_role_with_a_demonstrative() -> None:
    body = ("Kepala Dinas PMD Kabupaten Agam, Syafrizal Dt. Bandaro Kayo, menyebut wali nagari wajib netral.\n"
            '"Sudah kami ingatkan," kata Syafrizal.\n'
            "Jika terbukti, lanjut Syafrizal, wali nagari tersebut bisa diberhentikan.")
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Syafrizal", "Kepala Dinas PMD Kabupaten Agam")]
    assert [q.speaker for q in quotes] == ["Syafrizal"]


def test_english_lower_case_roles_with_their_holder() -> None:
    after_quote = '"The findings have been forwarded," regional secretary Budi Hartono said on Monday.'
    assert [q.speaker for q in _quotes(after_quote)] == ["Budi Hartono"]
    compass = '"We have summoned them," South Buton Bawaslu chairman La Ode Hamid told reporters.'
    quotes, officials = find_quotes_and_officials(compass)
    assert officials == [Official("La Ode Hamid", "South Buton Bawaslu chairman")]
    the_head = "The head of the West Java Education Office, Dedi Supriadi, said teachers must stay neutral."
    assert _officials(the_head) == [Official("Dedi Supriadi", "head of the West Java Education Office")]
    # several lower-case body words, in apposition with or without an article
    assert _officials("Tito Karnavian, the home affairs minister, said regional heads must stay neutral.") == [
        Official("Tito Karnavian", "home affairs minister")]
    assert _officials('"No exceptions," said Bima Arya, deputy home affairs minister.') == [
        Official("Bima Arya", "deputy home affairs minister")]
    # "head" with no holder named is no role
    assert _officials("He will head the West Java team, the ministry said.") == []


def test_one_of_a_group_is_unnamed() -> None:
    body = ("South Buton Bawaslu chairman La Ode Hamid said four teachers had been questioned.\n"
            "One of the teachers, who asked not to be named, said she regretted it.\n"
            '"I did not know it was a campaign flyer," she said.')
    assert [q.speaker for q in _quotes(body)] == [None]
    # "salah seorang kades" is some village head, not the official named before with "Desa" in the role
    indo = ("Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Bima, Rudi Hartono, membenarkan pemanggilan.\n"
            "Salah seorang kades yang dikonfirmasi Radar Bima mengaku tidak tahu acara itu deklarasi.\n"
            '"Saya diminta maju, ya saya ikut saja," dalihnya.')
    assert [q.speaker for q in _quotes(indo)] == [None]


def test_officials_in_a_unit_of_a_body_and_staff() -> None:
    body = ("Kedua ASN itu yakni Kepala Seksi Pemerintahan pada Kantor Camat Sungai Raya, Hendra Gunawan, dan "
            "seorang staf Kantor Kecamatan Sungai Ambawang, Yosef Nyangun.")
    assert _officials(body) == [Official("Hendra Gunawan", "Kepala Seksi Pemerintahan pada Kantor Camat Sungai Raya"),
                                Official("Yosef Nyangun", "staf Kantor Kecamatan Sungai Ambawang")]
    # "pada" with a date after it ends the role
    assert _officials("Ketua Bawaslu Kabupaten Paser, Rudi Hartono, pada Senin mengatakan hal itu.") == [
        Official("Rudi Hartono", "Ketua Bawaslu Kabupaten Paser")]


def test_place_named_by_the_dateline_or_in_parentheses_is_no_name() -> None:
    body = ("Kolut – Kapolres Kolaka Utara mengingatkan personel menjaga netralitas.\n"
            '"Kalau ada anggota Polres Kolut tidak netral, laporkan," katanya.')
    assert _officials(body) == []
    outlet_first = ("TRIBUNSULTRA.COM, KOLUT – Kapolres Kolaka Utara mengingatkan personel.\n"
                    '"Kalau ada anggota Polres Kolut tidak netral, laporkan," katanya.')
    assert _officials(outlet_first) == []
    # names that open a body are no dateline
    assert _officials("Rudi, Budi dan Ani hadir. Ketua KPU Rudi membuka rapat.") == [
        Official("Rudi", "Ketua KPU")]
    kades = "Tim hukum paslon melaporkan Kepala Desa (Kades) Lamuru berinisial AR ke Bawaslu."
    assert _officials(kades) == []


def test_caption_that_reads_as_a_sentence_is_a_quotation() -> None:
    body = ("Unggahan berisi foto pasangan calon dengan keterangan “Kita pilih nomor satu, pasti menang” itu "
            "sempat ramai dibagikan.")
    [q] = _quotes(body)
    assert (q.text, q.speaker) == ("Kita pilih nomor satu, pasti menang", None)
    slogan = "Akun itu memasang bingkai bertuliskan “Sambas Maju Bersama” selama sepekan."
    assert _quotes(slogan) == []


# The same classes in other wordings (probed with made-up copy after the fixes above).

def test_body_acronym_before_a_place_is_part_of_the_role() -> None:
    # "Bappeda" is unknown to the lexicon, but a word between role words and a place names a body
    body = "Kepala Bapenda Kota Bima Rudi Hartono mengatakan target pajak tercapai."
    assert _officials(body) == [Official("Rudi Hartono", "Kepala Bapenda Kota Bima")]
    # the name before the role, with degrees between them
    before = ('Dr. Ir. H. Rudi Hartono, M.Si., Kepala Bappeda Lahat, menyampaikan paparan.\n'
              '"Anggaran cukup," katanya.')
    quotes, officials = find_quotes_and_officials(before)
    assert officials == [Official("Rudi Hartono", "Kepala Bappeda Lahat")]
    assert [q.speaker for q in quotes] == ["Rudi Hartono"]


def test_english_role_with_an_article_after_the_verb() -> None:
    said = '"We will act," said the Lahat regent, Hendra Gunawan.'
    assert [q.speaker for q in _quotes(said)] == ["Hendra Gunawan"]
    according = ('According to the Lahat Bawaslu chairman, Rudi Hartono, two cases were found. '
                 '"We will act," he said.')
    assert [q.speaker for q in _quotes(according)] == ["Rudi Hartono"]


def test_unnamed_phrase_with_a_name_in_apposition_is_that_person() -> None:
    body = ("Ketua Bawaslu Lahat, Rudi Hartono, membuka rapat.\n"
            "Seorang warga, Budi Santoso (45), mengaku melihat camat di lokasi.\n"
            '"Saya lihat sendiri," ujarnya.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Budi Santoso"]
    assert [o.name for o in officials] == ["Rudi Hartono"]
    unnamed = body.replace("Budi Santoso (45)", "yang enggan disebut namanya")
    assert [q.speaker for q in _quotes(unnamed)] == [None]


def test_member_of_a_faction_or_party_keeps_it_in_the_role() -> None:
    body = "Sementara itu, anggota DPRD Lahat dari Fraksi Golkar, Rudi Hartono, menilai ASN harus netral."
    assert _officials(body) == [Official("Rudi Hartono", "anggota DPRD Lahat dari Fraksi Golkar")]
    # "dari" before a place ends the role
    assert _officials("Ketua KPU Lahat Rudi Hartono dari Lahat mengatakan logistik aman.") == [
        Official("Rudi Hartono", "Ketua KPU Lahat")]


def test_english_honorary_staff_and_a_single_suspect() -> None:
    honorary = ("The Bawaslu of Bogor regency summoned three honorary workers who attended a campaign rally of a "
                "regent candidate pair. Honorary workers must also remain neutral, the agency said. The workers "
                "could face sanctions.")
    assert "netralitas-asn" in _tags(honorary, language="en")
    single = ("The Sleman Election Supervisory Agency (Bawaslu) found that a village head had uploaded a photo "
              "showing support for a candidate pair on Facebook. The village head has been summoned for "
              "clarification. Village heads must stay neutral in the regional election.")
    assert "dugaan-pelanggaran" in _tags(single, language="en")
    # a rule about any civil servant is no concrete case
    rule = ("Civil servants must remain neutral in the regional elections, the minister said. A civil servant who "
            "violates the rule will be reported to the BKN. The ministry has found no case so far.")
    assert "dugaan-pelanggaran" not in _tags(rule, language="en")


def test_short_line_introducing_a_quote_is_no_headline() -> None:
    # most words capitalised, but a colon or a lower-case speech verb makes it a sentence, not a headline
    body = "Kepala BKPSDM Lahat, Sri Astuti menegaskan:\n“ASN wajib netral. Tidak ada pengecualian.”"
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Sri Astuti", "Kepala BKPSDM Lahat")]
    assert [q.speaker for q in quotes] == ["Sri Astuti"]
    headline = "Kapolres Bangka Barat Tegaskan Personel Netral\nKapolres mengingatkan personel menjaga netralitas."
    assert _officials(headline) == []


def test_berpolitik_praktis_is_neutrality_in_so_many_words() -> None:
    assert "netralitas-asn" in _tags("Pj Gubernur Sumatera Selatan meminta ASN tidak berpolitik praktis menjelang "
                                     "Pilkada 2024.")


# Tag errors the earlier sets still had (tests/gold_real, tests/gold, tests/gold_heldout), same kinds.

def test_campaign_involvement_in_other_words_and_campaign_as_a_time() -> None:
    verb = ("Bawaslu Kabupaten Minahasa mengingatkan ASN menjaga netralitas pada Pilkada 2024. \"Jangan sampai "
            "memihak salah satu calon. Contoh seperti ikut terlibat dalam mengkampanyekan lewat media sosial,\" "
            "kata Ketua Bawaslu.")
    assert "kampanye" in _tags(verb)
    attended = ("Empat camat di Kabupaten Kapuas dilaporkan ke Bawaslu terkait dugaan ketidaknetralan pada Pilkada "
                "2024. Pemanggilan ini berkaitan dengan dugaan kehadiran mereka pada acara pendaftaran salah satu "
                "bakal calon gubernur.")
    assert "kampanye" in _tags(attended)
    framed = ("Dua guru berstatus ASN di Kabupaten Poso diduga berpose tiga jari bersama calon bupati. Keduanya "
              "dipanggil Bawaslu. \"Pose jari yang sama dengan nomor urut itu jelas bentuk keberpihakan,\" kata "
              "Ketua Bawaslu Poso.")
    assert "kampanye" in _tags(framed)
    # "selama kampanye" is a time; taking down campaign props is no campaigning
    period = ("Bawaslu Kabupaten Belitung membentuk tim siber untuk memantau akun media sosial ASN selama kampanye "
              "Pilkada 2024. ASN yang melanggar netralitas akan dilaporkan ke BKN. Tim siber bekerja setiap hari.")
    assert "kampanye" not in _tags(period)
    removal = ("Bawaslu Kabupaten Mimika menelusuri laporan netralitas ASN pada Pilkada 2024. Laporan lain tentang "
               "perusakan alat peraga kampanye juga masih ditelusuri. ASN yang terbukti melanggar dilaporkan ke BKN.")
    assert "kampanye" not in _tags(removal)


def test_hand_movements_are_gestures() -> None:
    body = ("Seorang guru berstatus PPPK di Kabupaten Bangka dipanggil BKPSDM karena videonya menirukan gerakan "
            "tangan yang identik dengan nomor urut pasangan calon bupati. Video itu diunggah di TikTok. Guru itu "
            "mengaku tidak bermaksud mendukung calon.")
    assert "foto-pose" in _tags(body)


def test_english_findings_and_inspections_of_a_watchdog_are_monitoring() -> None:
    english = ("The Deli Serdang chapter of the Elections Supervisory Agency (Bawaslu) has found eight civil servants "
               "who allegedly breached the neutrality rules by posing with regent candidates. All eight were "
               "summoned before the agency concluded they had violated the rules.")
    assert "pengawasan" in _tags(english, language="en")
    inspection = ("Inspektur Kota Palopo menandatangani pakta integritas netralitas ASN untuk Pilkada 2024. Menurut "
                  "dia, hasil inspeksi akan dibagikan kepada Bawaslu Palopo. ASN diminta menjaga netralitas.")
    assert "pengawasan" in _tags(inspection)


def test_pemilu_2024_as_a_word_for_the_pilkada_is_no_general_election_tag() -> None:
    body = ("Bawaslu Kabupaten Flores Timur menggelar deklarasi netralitas ASN, TNI, dan Polri menghadapi Pemilihan "
            "Kepala Daerah Serentak 2024. Ketua Bawaslu mengingatkan ASN agar netral. Deklarasi ini menjadi bentuk "
            "komitmen bersama untuk mewujudkan Pemilu 2024 yang jujur dan adil.")
    tags = _tags(body)
    assert "pilkada-2024" in tags
    assert "pemilu-2024" not in tags
    # a cue only the general election has (caleg) keeps it
    caleg = body + " Seorang camat juga dilaporkan menghadiri kampanye caleg pada Pemilu 2024."
    assert "pemilu-2024" in _tags(caleg)


def test_a_phone_number_that_did_not_answer_is_no_reporting_channel() -> None:
    body = ("Seorang guru PPPK di Kabupaten Pohuwato diduga mengunggah video dukungan untuk calon bupati. BKPSDM "
            "akan memanggil guru tersebut. Nomor telepon selulernya tidak aktif saat dihubungi.")
    assert "pelaporan" not in _tags(body)
    channel = ("Bawaslu Kabupaten Pohuwato mengingatkan ASN netral pada Pilkada 2024. ASN yang melanggar "
               "disanksi. Hubungi nomor WhatsApp 0812-3456-7890 untuk pengaduan.")
    assert "pelaporan" in _tags(channel)


# Fourth round: the classes that held-out set 4 (tests/gold_heldout4, first look) showed, and the design
# changes they led to: speech verbs from roots by morphology, the subject of a sentence found by its verb's
# form rather than a list, names matched through their abbreviations, descriptions ("mantan Kabag …
# itu") read as references to the current speaker.
# Speakers and officials.

def test_speech_verbs_come_from_roots_by_morphology() -> None:
    from pantau.analysis.lexicon import LEXICON
    from pantau.analysis.morphology import active_forms, english_forms, me_n, passive_forms

    # the nasal of meN- takes the place of k, p, t, s before a vowel and stays before a consonant
    assert [me_n(r) for r in ("kata", "papar", "tegas", "sebut", "klaim", "jelas", "benar", "lanjut")] == [
        "mengata", "memapar", "menegas", "menyebut", "mengklaim", "menjelas", "membenar", "melanjut"]
    assert {"membenarkan", "berkata"} <= active_forms("benar") | active_forms("kata")
    assert "disampaikan" in passive_forms("sampai")
    assert english_forms("admit") == {"admitted", "admits"} and "explained" in english_forms("explain")
    # no whole form in the data: every one of these is derived
    assert {"membenarkan", "memastikan", "menandaskan", "mengimbuhkan", "dipaparkan"} <= (
        set(LEXICON.verbs_long) | set(LEXICON.verbs_passive))


def test_a_speaker_named_only_before_an_unlisted_verb_form() -> None:
    # the role is unknown to the lexicon; the name is the subject of "membenarkan", a form no list holds
    body = ("Ketua Bawaslu Kota Tomohon, Reza Pangemanan mengatakan dua relawan diamankan.\n"
            '"Barang bukti sudah kami amankan," ujar Reza.\n'
            "Tonaas Wangko Kinilow, Hendrik Sumual membenarkan adanya kejadian itu. Ia memastikan warganya tidak "
            'terlibat. "Itu orang luar semua," tegasnya.')
    assert [q.speaker for q in _quotes(body)] == ["Reza Pangemanan", "Hendrik Sumual"]


def test_a_place_or_the_end_of_a_role_before_a_verb_is_no_name() -> None:
    body = ("Calon bupati nomor urut 1, Rahmat Hidayat yang merupakan mantan Sekda Lahat menyinggung birokrasi.\n"
            '"Saya paham isi dapur birokrasi," ujarnya.')
    assert [q.speaker for q in _quotes(body)] == ["Rahmat Hidayat"]


def test_a_role_with_the_initials_of_someone_introduced_by_them() -> None:
    body = ("Bawaslu memanggil seorang kepala desa berinisial RS yang hadir dalam kampanye caleg.\n"
            "Ketua Bawaslu Kabupaten Sigi, Andi Mappaewa mengatakan klarifikasi digelar Senin. "
            '"Kami dalami dulu," kata Andi.\n'
            "Sementara Kades RS yang dikonfirmasi melalui telepon membantah ikut berkampanye. "
            '"Saya hanya hadir sebagai tuan rumah" katanya.')
    quotes, officials = find_quotes_and_officials(body)
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Andi Mappaewa", "Ketua Bawaslu Kabupaten Sigi"), ("RS", "Kades")]
    assert [o.name for o in officials] == ["Andi Mappaewa"]  # someone known by initials only is listed nowhere


def test_the_person_who_accompanies_the_subject_is_not_the_speaker() -> None:
    body = ("Ketua KPU Kabupaten Pati, Heru Santoso didampingi Anggota KPU Pati, Rina Wulandari menjelaskan "
            "logistik sudah dikirim.\n"
            '"Semua kecamatan sudah menerima," jelas dia.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Heru Santoso"]
    assert [o.name for o in officials] == ["Heru Santoso", "Rina Wulandari"]
    english = ('"The logistics are ready," Pati KPU chairman Heru Santoso, accompanied by member Rina Wulandari, '
               "said.")
    assert [q.speaker for q in _quotes(english)] == ["Heru Santoso"]


def test_a_generic_head_alone_is_its_only_holder() -> None:
    body = ("Kegiatan dibuka Asisten Pemerintahan Setda Kabupaten Solok, Yulius Chaniago.\n"
            "Dalam sambutannya Asisten menyampaikan bahwa ASN wajib netral.\n"
            '"ASN punya hak pilih, tapi tidak untuk berpihak," ujarnya.')
    assert [q.speaker for q in _quotes(body)] == ["Yulius Chaniago"]
    # with two holders of the head it names nobody in particular
    two = ("Hadir Asisten Pemerintahan, Yulius Chaniago dan Asisten Administrasi Umum, Rina Marlis.\n"
           'Asisten menyampaikan bahwa ASN wajib netral. "Jangan berpihak," ujarnya.')
    assert [q.speaker for q in _quotes(two)] == [None]


def test_a_former_office_or_a_role_with_a_demonstrative_describes_the_current_speaker() -> None:
    body = ("Kepala BKPSDM Kabupaten Kerinci, Siti Rahmah menambahkan ASN dilarang berkampanye. "
            '"Walau hari Minggu, tetap melanggar," kata mantan Kabag Humas Setda Kerinci itu.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Siti Rahmah"]
    assert officials == [Official("Siti Rahmah", "Kepala BKPSDM Kabupaten Kerinci")]  # no former office listed


def test_an_institution_as_the_subject_after_a_fronted_phrase_speaks_for_nobody() -> None:
    body = ('Lahat Bawaslu chairman Rudi Hartono said the cases are under review. "Both are pending," he said.\n'
            'In a written statement, the Lahat Bawaslu said: "Supervision of civil servants is our priority."')
    assert [q.speaker for q in _quotes(body)] == ["Rudi Hartono", None]


def test_abbreviated_names_resolve_to_the_spelt_out_name() -> None:
    body = ("Anggota Bawaslu Kabupaten Bima, M. Arif Rahman mengatakan dua camat dipanggil.\n"
            '"Ini temuan pengawas," ujarnya.\n'
            "Muhammad Arif Rahman memastikan Bawaslu bekerja profesional.\n"
            "Kepala BKPSDM Bima, Mohamad Yusuf Daeng mengatakan seleksi berjalan. "
            '"Semua transparan," kata Moh. Yusuf.')
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Muhammad Arif Rahman", "Mohamad Yusuf Daeng"]
    assert [o.name for o in officials] == ["Muhammad Arif Rahman", "Mohamad Yusuf Daeng"]
    # a short form that drops a word is no abbreviation: the fuller name met later is the same person
    later = ('"Kami lapor hari ini," kata Raihan.\n"Sudah diterima," ujar Tim Hukum X, Andi Raihan.')
    assert [q.speaker for q in _quotes(later)] == ["Andi Raihan", "Andi Raihan"]


def test_with_nobody_set_as_speaker_the_person_named_last_before_the_quote() -> None:
    # the lurah is only acted upon (no subject, no speech act) before "akun tersebut menulis …"
    body = ("Inspektorat Kota Palopo memeriksa Lurah Salotellue, Andi Baso Rahman, pada Senin.\n"
            "Dalam komentarnya, akun tersebut menulis \u201cMaju terus, Puang!\u201d disertai emoji.")
    assert [q.speaker for q in _quotes(body)] == ["Andi Baso Rahman"]
    # an unnamed or institutional speaker set before still keeps it null
    nobody = ("Inspektorat Kota Palopo memeriksa Lurah Salotellue, Andi Baso Rahman, pada Senin.\n"
              'Seorang warga mengaku kecewa. "Lurah harus netral," katanya.')
    assert [q.speaker for q in _quotes(nobody)] == [None]


def test_english_ranks_between_a_role_and_a_name() -> None:
    body = ("Mappi Police Chief Adj. Sr. Comr. Yakobus Gebze said all personnel must remain neutral.\n"
            '"Police officers do not vote," Gebze said.\n'
            "Commander of the 1707/Merauke Military District Command (Dandim) Lt. Col. Inf. Samuel Rumere said the "
            'military would help. "We are ready," he said.')
    quotes, officials = find_quotes_and_officials(body)
    assert [o.name for o in officials] == ["Yakobus Gebze", "Samuel Rumere"]
    assert [q.speaker for q in quotes] == ["Yakobus Gebze", "Samuel Rumere"]


def test_list_role_under_a_short_head_and_a_unit_that_is_also_a_head() -> None:
    # "Kabid"/"Kordiv" hold the list word (bidang, divisi) in their long form
    body = ("Kabid Pengadaan, Pemberhentian dan Informasi Kepegawaian, Lusi Handayani menambahkan, dua PNS "
            "lainnya bertugas di kecamatan.")
    assert _officials(body) == [Official("Lusi Handayani", "Kabid Pengadaan, Pemberhentian dan Informasi Kepegawaian")]
    # "Humas" heads a role of its own ("Humas PN Lahat, NAME") and is a unit inside a list
    humas = "Humas PN Lahat, Dewi Kartika mengatakan putusan lebih ringan dari tuntutan."
    assert _officials(humas) == [Official("Dewi Kartika", "Humas PN Lahat")]
    unit = ("Kepala Sub Bagian Hukum, Humas, Data dan Informasi Bawaslu Kabupaten Lahat, Rina Sari, S.E., "
            "menambahkan laporan diteruskan.")
    assert _officials(unit) == [Official("Rina Sari", "Kepala Sub Bagian Hukum, Humas, Data dan Informasi "
                                                      "Bawaslu Kabupaten Lahat")]


def test_local_titles_of_village_and_district_heads() -> None:
    body = ("Hukum Tua Tumaluntung, Jefri Rumengan membenarkan kejadian itu.\n"
            "Klebun Pragaan Daya, Moh. Hasan mengaku hadir.\n"
            "Panewu Sedayu, Bambang Riyanto mengingatkan para dukuh.")
    assert [o.name for o in _officials(body)] == ["Jefri Rumengan", "Moh. Hasan", "Bambang Riyanto"]


def test_roles_before_a_comma_are_no_names() -> None:
    # a role and its territory before "yang juga", a list of roles before a comma
    body = ("Lurah yang dimaksud adalah Sumarno, Lurah Bangunjiwo yang juga Ketua Paguyuban Lurah se-Kasihan.\n"
            "SKB itu diteken Menpan RB, Mendagri, Kepala BKN dan Ketua Bawaslu.")
    assert _officials(body) == [Official("Sumarno", "Lurah Bangunjiwo")]


def test_a_role_in_a_private_body_is_no_public_office() -> None:
    # a generic head ("Ketua", "Direktur") holds a public office only in a public body
    body = ("Ketua Tim Hukum Maju Bersama, Andi Saputra, mengatakan laporan sudah masuk.\n"
            "Direktur Eksekutif Lembaga Survei Suara Rakyat, Budi Santoso, menilai ASN rawan dimobilisasi.\n"
            "Ketua LSM Peduli Desa, Rina Wati, ikut melapor.\n"
            '"Kami kawal," kata Andi.\n'
            "Direktur RSUD Lahat, Joko Susilo, memastikan pegawainya netral.")
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Joko Susilo", "Direktur RSUD Lahat")]
    # still a speaker with the role the article gives
    assert [(q.speaker, q.role) for q in quotes] == [("Andi Saputra", "Ketua Tim Hukum Maju Bersama")]


def test_english_lower_case_head_of_a_provincial_agency() -> None:
    body = ("Meanwhile, head of the provincial Regional Civil Service Agency (BKD) Marthen Lambe said the sanctions "
            "would be recorded.")
    assert [o.name for o in _officials(body)] == ["Marthen Lambe"]


# Neutrality and topic tags (fourth round).

def test_a_structural_office_holder_is_a_civil_servant() -> None:
    # the accused is named by office only ("Kepala Dinas …", "Sekda"), never as "ASN"
    body = ("Bawaslu Kabupaten Alor menghentikan penanganan dugaan pelanggaran netralitas yang dilaporkan terhadap "
            "Kepala Dinas Perhubungan Alor, Yakob Lelang. Berdasarkan hasil kajian, laporan itu tidak memenuhi "
            "unsur. Yakob sebelumnya dilaporkan karena diduga hadir dalam kampanye salah satu pasangan calon "
            "bupati. Sekda Alor meminta pimpinan OPD mengingatkan stafnya soal netralitas.")
    assert "netralitas-asn" in _tags(body)
    # an office holder in a story about something else makes none
    assert _tags("Kepala Dinas Sosial Alor, Yakob Lelang, menyalurkan bantuan banjir kepada 300 keluarga. "
                 "Bantuan berupa beras dan selimut. Penyaluran dilanjutkan pekan depan.") == set()


_STORY = ("Bawaslu Kabupaten Sikka memanggil dua ASN yang diduga ikut kampanye pasangan calon bupati pada "
          "Pilkada 2024. Keduanya dimintai klarifikasi pada Senin. Ketua Bawaslu Sikka menegaskan ASN wajib "
          "netral. ")


def test_asking_the_public_to_report_is_no_advisory_to_staff() -> None:
    body = _STORY + ("Ia juga meminta masyarakat tidak segan melaporkan apabila melihat ASN maupun perangkat desa "
                     "yang mendukung paslon.")
    tags = _tags(body)
    assert "perangkat-desa" not in tags  # village officials in a hypothetical
    assert "imbauan" in _tags(_STORY)  # the story's own advisory still counts
    public = _tags(_STORY.replace("Ketua Bawaslu Sikka menegaskan ASN wajib netral. ", "") + (
        "Ia meminta masyarakat melaporkan pelanggaran netralitas ASN."))
    assert "imbauan" not in public


def test_generic_or_intended_cases_are_no_finding() -> None:
    base = ("Bupati Sikka mengingatkan ASN agar netral pada Pilkada 2024. ASN dilarang ikut kampanye pasangan "
            "calon. Apel diikuti seluruh pegawai. ")
    assert "dugaan-pelanggaran" not in _tags(base + "Sanksi bagi ASN yang terbukti tidak netral mengacu pada PP "
                                                    "Nomor 94 Tahun 2021.")
    assert "dugaan-pelanggaran" not in _tags(base + "BKPSDM membuka kanal bagi masyarakat yang ingin melaporkan "
                                                    "ASN yang diduga tidak netral.")
    english = ("The Sikka Bawaslu reminded civil servants to remain neutral in the 2024 regional elections. "
               "Civil servants may not join campaign teams. Its chairman said the office had received two reports "
               "on alleged neutrality violations by civil servants.")
    assert "dugaan-pelanggaran" in _tags(english, language="en")


def test_cues_in_other_words() -> None:
    tags = _tags(_STORY + ("Seorang guru PNS kedapatan foto-foto dengan calon sambil angkat jari. Dua camat juga "
                           "ikut mengantar bakal pasangan calon mendaftar ke KPU. Kasus itu akan diproses sesuai "
                           "PP Nomor 94 Tahun 2021 tentang Disiplin PNS. Jangan ragu melapor, kata dia. "
                           "Bupati meminta Inspektorat menelusurinya."))
    assert {"foto-pose", "kampanye", "sanksi", "pelaporan", "pengawasan"} <= tags
    passive = _tags(_STORY + "Laporan dugaan pelanggaran netralitas dapat disampaikan masyarakat melalui Bawaslu.")
    assert "pelaporan" in passive
    english = _tags("The Sikka Bawaslu found that a sub-district head attended the declaration of support for a "
                    "candidate pair in the 2024 regional elections. Civil servants must remain neutral, it said. "
                    "The camat was summoned.", language="en")
    assert "kampanye" in english


def test_village_officials_under_regional_names() -> None:
    body = ("Bawaslu Kabupaten Bantul merekomendasikan sanksi bagi dua dukuh yang hadir dalam kampanye pasangan "
            "calon bupati pada Pilkada 2024. Panewu Sedayu mengingatkan para pamong agar tidak terlibat dalam "
            "kampanye. Keduanya sudah diklarifikasi.")
    assert {"netralitas-asn", "perangkat-desa", "imbauan"} <= _tags(body)


def test_a_past_election_named_with_its_year_does_not_rule_out_this_one() -> None:
    body = ("Dua ASN di Kabupaten Lebak dilaporkan ke Bawaslu karena berfoto dengan caleg DPR RI sambil "
            "mengacungkan jari. Bawaslu sedang melakukan klarifikasi. ASN diminta netral. "
            "Pada Pemilu 2019 lalu sebanyak sembilan ASN di Lebak dijatuhi sanksi karena tidak netral.")
    assert "pemilu-2024" in _tags(body)


# The same classes in other wordings: gold articles rewritten by tools/stress_analysis.py (role heads in
# lower case, acronyms in title case, degrees and titles around names, the comma between role and name
# dropped) showed these, each a token class rather than a wording.

def test_a_known_body_in_title_case_is_no_name() -> None:
    body = ("Kepala Bkpsdm Kabupaten Musi Rawas, Rita Marlina mengatakan sanksi sudah dijatuhkan.\n"
            "Hal itu dikatakan Kepala Bagian Data dan Informasi Kasn Joko Santoso usai rapat.")
    assert [o.name for o in _officials(body)] == ["Rita Marlina", "Joko Santoso"]


def test_the_end_of_a_place_the_gazetteer_lacks_is_no_name() -> None:
    # a compass word closes a village's name; a unit word ("Rakyat") and a secretariat close a role
    assert _officials("Lurah Sukamaju Barat Siti Nurjanah mengaku hadir.") == [
        Official("Siti Nurjanah", "Lurah Sukamaju Barat")]
    assert _officials("Asisten Pemerintahan dan Kesejahteraan Rakyat Setprov Kaltim Ahmad Yani membuka apel.") == [
        Official("Ahmad Yani", "Asisten Pemerintahan dan Kesejahteraan Rakyat Setprov Kaltim")]


def test_degrees_and_titles_after_a_name_without_a_comma_before_it() -> None:
    assert _officials("Terpisah, Ketua Bawaslu Kampar Rudi SHI, membenarkan temuan itu.") == [
        Official("Rudi", "Ketua Bawaslu Kampar")]
    assert _officials("Kepala Dinas Pemberdayaan Masyarakat dan Nagari Agam Syafri Dt. Rajo Bagindo mengatakan "
                      "wali nagari wajib netral.") == [
        Official("Syafri", "Kepala Dinas Pemberdayaan Masyarakat dan Nagari Agam")]
    # the degrees of the name that ends a list role are no unit of the list
    listed = ("Hadir Anggota Bawaslu Kabupaten Bangka Koordinator Divisi Penanganan Pelanggaran dan Penyelesaian "
              "Sengketa Ermina, S.Sos., serta staf sekretariat.")
    assert [o.name for o in _officials(listed)] == ["Ermina"]


def test_english_apposition_after_degrees() -> None:
    body = ("According to Sri Lestari, S.Sos., M.Si., head of the Central Java Regional Civil Service Agency (BKD), "
            "a team was set up.\n"
            '"They admitted it," said Yohana Kaize, S.Sos., M.Si., a Merauke Bawaslu commissioner, on Thursday.')
    assert [o.name for o in _officials(body)] == ["Sri Lestari", "Yohana Kaize"]


def test_a_lower_case_head_and_its_territory_before_yang_juga() -> None:
    body = "Lurah yang dimaksud adalah Sumarno, lurah Bangunjiwo yang juga Ketua Paguyuban Lurah se-Kasihan."
    assert [o.name for o in _officials(body)] == ["Sumarno"]


def test_other_forms_of_stressing_a_rule_are_an_advisory() -> None:
    # "menandaskan" is "menegaskan" in other words: a rule stressed to staff is an advisory
    body = "Sekda Kabupaten Agam menandaskan seluruh ASN tetap netral selama Pilkada 2024."
    assert "imbauan" in _tags(body)
    assert "imbauan" in _tags(body.replace("menandaskan", "menegaskan"))


# Fifth round: the classes that held-out set 5 (tests/gold_heldout5, first look) showed.
# Neutrality first: alerts fire on it.

def test_regional_village_titles_and_village_staff_are_subjects() -> None:
    # Aceh Tamiang's "datok penghulu" is a village head, "perangkat kampung" village staff
    body = ("Panwaslih Kabupaten Gayo Lues menyatakan dua datok penghulu terbukti melanggar netralitas karena ikut "
            "kampanye salah satu paslon bupati.\n"
            "Keduanya berinisial AB dan CD.\n"
            "Pj Bupati mengingatkan seluruh datok penghulu dan perangkat kampung agar tidak terlibat politik praktis.")
    tags = _tags(body)
    assert "netralitas-asn" in tags and "perangkat-desa" in tags


def test_a_group_said_to_be_made_of_civil_servants_is_one() -> None:
    # "Keenam bidan tersebut terdiri dari dua PNS, …": the bidan are civil servants wherever the story uses them
    body = ("Sebanyak enam bidan di Puskesmas Lembah Hijau diperiksa Bawaslu Kabupaten Tulang Bawang. Mereka diduga "
            "menghadiri kampanye akbar salah satu pasangan calon bupati.\n"
            "Keenam bidan tersebut terdiri dari dua PNS, satu PPPK dan tiga tenaga honorer.\n"
            "Para bidan itu tampak ikut mengangkat tangan dengan dua jari di depan panggung kampanye.")
    tags = _tags(body)
    assert "netralitas-asn" in tags and "foto-pose" in tags
    assert "netralitas-asn" not in _tags(body.replace(" terdiri dari dua PNS, satu PPPK dan tiga tenaga honorer",
                                                      " datang dari tiga desa"))


# Speakers.

def test_a_manner_or_occasion_phrase_between_subject_and_verb() -> None:
    for phrase in ("secara terpisah", "dalam kesempatan yang sama"):
        body = ("\"Kami minta ASN netral,\" kata Sekretaris Daerah Kabupaten Pasaman Rudi Hartono.\n"
                f"Ketua Bawaslu Pasaman Yulia Sari {phrase} mengatakan tim siber sudah dibentuk.\n"
                "\"Pengawasan kami lakukan setiap hari,\" katanya.")
        assert [q.speaker for q in _quotes(body)] == ["Rudi Hartono", "Yulia Sari"], phrase


def test_regional_name_elements_written_short() -> None:
    # "Tb" is Tubagus: the short form resolves to the full name and its role
    body = ("Kepala BKPSDM Kabupaten Lebak Tubagus Ahmad Fauzi mengatakan sanksi sudah dijatuhkan.\n"
            "\"SK-nya sudah ditandatangani,\" kata Tb Ahmad saat ditemui.")
    assert [(q.speaker, q.role) for q in _quotes(body)] == [("Tubagus Ahmad Fauzi", "Kepala BKPSDM Kabupaten Lebak")]


def test_a_candidate_pair_is_two_people() -> None:
    body = ("Paslon nomor urut 2 Benny Rorong-Meity Lasut menyoroti persoalan sampah.\n"
            "\"Sampah harus diolah,\" kata Benny.\n"
            "Sementara paslon nomor urut 3 Roy Sondakh-Fanny Mamahit fokus pada pasar tradisional.\n"
            "\"Pasar ini urat nadi rakyat,\" tegas Fanny.")
    assert [q.speaker for q in _quotes(body)] == ["Benny Rorong", "Fanny Mamahit"]
    assert _officials(body) == []  # candidates hold no office


def test_an_unnamed_person_then_name_age_and_description() -> None:
    body = ("Kepala BKPSDM Kabupaten Paniai Markus Gobai mengatakan pendaftaran dibuka sampai akhir bulan.\n"
            "Salah satu pelamar, Maria Pekei (29), tenaga honorer guru di Distrik Agadide, mengaku sudah lama "
            "menunggu.\n"
            "\"Semoga kali ini lolos,\" tuturnya.")
    assert [q.speaker for q in _quotes(body)] == ["Maria Pekei"]


def test_an_english_description_between_subject_and_said() -> None:
    body = ("Dewi Lestari, a researcher at the Indonesian Institute of Sciences (LIPI), said pressure came from "
            "superiors.\n"
            "“Employees are mobilized,” she said.")
    assert [q.speaker for q in _quotes(body)] == ["Dewi Lestari"]


def test_counsel_is_a_speaker_with_a_role_but_no_official() -> None:
    body = ("Sementara kuasa hukum terdakwa, Rahmat Saleh, menerima putusan tersebut.\n"
            "\"Klien kami menerima,\" kata Rahmat.")
    assert [(q.speaker, q.role) for q in _quotes(body)] == [("Rahmat Saleh", "kuasa hukum terdakwa")]
    assert _officials(body) == []


# Officials.

def test_judges_and_prosecutors_are_officials() -> None:
    body = ("Ketua majelis hakim, Bambang Irawan SH MH, menjatuhkan pidana penjara tiga bulan.\n"
            "JPU Kejari Lahat, Sri Wahyuni SH, menyatakan pikir-pikir.")
    assert [(o.name, o.role) for o in _officials(body)] == [
        ("Bambang Irawan", "Ketua majelis hakim"), ("Sri Wahyuni", "JPU Kejari Lahat")]


def test_a_village_head_with_district_and_regency_before_the_name() -> None:
    body = ("Kepala Desa Mekarjaya, Kecamatan Sungai Lilin, Kabupaten Musi Banyuasin, Darmawan Saputra, divonis "
            "bersalah melakukan tindak pidana pemilu.")
    assert [o.name for o in _officials(body)] == ["Darmawan Saputra"]


def test_a_body_named_after_a_person_keeps_the_name_in_the_role() -> None:
    body = "Bawaslu memanggil Direktur RSUD dr Hasan Basri, dr. Lina Marlina, Sp.PD, untuk membina pegawainya."
    assert _officials(body) == [Official("Lina Marlina", "Direktur RSUD dr Hasan Basri")]


def test_a_subhead_above_a_role_is_no_part_of_it() -> None:
    # a subhead that ends in a candidacy word ("caleg") made the role under it a candidate's
    body = ("Hadiri kampanye caleg\n"
            "Ketua Bawaslu Kabupaten Lebak, Ahmad Sobari, menjelaskan pelanggaran itu beragam.")
    assert _officials(body) == [Official("Ahmad Sobari", "Ketua Bawaslu Kabupaten Lebak")]


def test_members_associations_and_sport_bodies_hold_no_office() -> None:
    body = ("Koordinator Forum Honorer Kabupaten Kepahiang Joni Saputra mengatakan pihaknya menerima aduan.\n"
            "Sekretaris Asprov PSSI Jambi Hendra Wijaya mengatakan wasit sudah ditunjuk.")
    assert _officials(body) == []
    assert [q.speaker for q in _quotes(body + "\n\"Kami takut,\" ujar Joni.")] == ["Joni Saputra"]


# Tags and regions of the fifth round.

def test_a_regulation_with_its_short_form_in_parentheses_or_an_english_year() -> None:
    assert "regulasi" in _tags("ASN Kabupaten Lebak yang tidak netral dalam Pilkada 2024 dijatuhi hukuman disiplin "
                               "sesuai Peraturan Pemerintah (PP) Nomor 94 Tahun 2021.")
    assert "regulasi" in _tags("Village heads who campaign for a candidate in the 2024 regional election break the "
                               "2014 Village Law, the Bawaslu said.", language="en")


def test_a_judged_violation_and_counted_complaints_are_findings() -> None:
    assert "dugaan-pelanggaran" in _tags(
        "Seorang ASN berinisial RT itu dinilai melanggar netralitas karena berfoto bersama calon wali kota.")
    assert "dugaan-pelanggaran" in _tags(
        "Forum guru honorer menerima 12 aduan honorer yang diminta mendukung salah satu pasangan calon bupati.")


def test_an_invitation_to_report_is_no_finding() -> None:
    body = ("Masyarakat dapat melaporkan ASN yang diduga tidak netral dalam Pilkada 2024 melalui layanan pesan "
            "WhatsApp BKPSDM.")
    assert "dugaan-pelanggaran" not in _tags(body)
    assert "dugaan-pelanggaran" in _tags(body.replace("Masyarakat dapat melaporkan", "Bawaslu memanggil"))


def test_asking_people_to_vote_is_campaigning_and_campaign_time_is_not() -> None:
    assert "kampanye" in _tags("Kepala desa itu mengumpulkan warga dan meminta warga memilih seorang caleg, "
                               "kata Ketua Bawaslu terkait pelanggaran netralitas perangkat desa.")
    body = ("BKPSDM memantau aktivitas pegawai ASN, termasuk kehadiran di kantor pada masa kampanye Pilkada 2024, "
            "agar netralitas terjaga.")
    assert "kampanye" not in _tags(body)


def test_english_compass_names_and_an_outlet_first_dateline() -> None:
    body = ("KOMPAS.COM, Mataram - The Bawaslu of East Lombok Regency summoned three village heads over the 2024 "
            "regional election. East Lombok Bawaslu said the village heads attended a campaign rally.")
    assert [(r.province, r.regency) for r in analyze(body).regions] == [
        ("Nusa Tenggara Barat", "Kabupaten Lombok Timur")]


def test_a_military_unit_with_its_name_and_a_rank_with_its_service() -> None:
    body = ("Apel dihadiri Dandim 1703/Manokwari Letkol Inf Yosef Wanma dan Pangdam XVIII/Kasuari Mayjen TNI "
            "Daniel Kambu.\n"
            "Sementara itu, Pangdam XVIII/Kasuari dalam kesempatan yang sama menyatakan prajurit siap.\n"
            "\"Prajurit TNI tidak punya hak pilih,\" katanya.")
    assert [(o.name, o.role) for o in _officials(body)] == [
        ("Yosef Wanma", "Dandim 1703/Manokwari"), ("Daniel Kambu", "Pangdam XVIII/Kasuari")]
    assert [q.speaker for q in _quotes(body)] == ["Daniel Kambu"]


# Found by tools/stress_analysis.py on the fifth set (the comma between a role and its name dropped).

def test_the_last_of_several_places_without_its_comma_before_the_name() -> None:
    body = ("Kepala Desa Mekarjaya, Kecamatan Sungai Lilin, Kabupaten Musi Banyuasin (Muba) Darmawan Saputra, "
            "divonis bersalah melakukan tindak pidana pemilu.")
    assert [o.name for o in _officials(body)] == ["Darmawan Saputra"]


def test_a_known_short_form_of_a_regency_ends_the_role() -> None:
    body = "\"Keduanya sudah hadir,\" kata Ketua bawaslu Polman Rahmat Idris, Rabu."
    assert _officials(body) == [Official("Rahmat Idris", "Ketua bawaslu Polman")]


# Sixth round: the classes that held-out set 6 (tests/gold_heldout6, first look) showed.
# Neutrality first: alerts fire on it.

def test_a_document_titled_after_the_topic_says_what_the_story_is_about() -> None:
    # the SKB's title is blanked for monitoring cues, but "Netralitas Pegawai ASN" is still the story's topic
    body = ("BKPSDM Kabupaten Sumber Jaya menggelar sosialisasi Surat Keputusan Bersama Nomor 2 Tahun 2022 tentang "
            "Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN kepada para pejabat, Selasa.\n"
            "Materi disampaikan narasumber dari Bawaslu dan BKN.\n"
            "\"Masa kampanye Pemilu 2024 dimulai 28 November,\" ujar Kepala BKPSDM.")
    assert "netralitas-asn" in _tags(body)
    assert "pengawasan" not in _tags(body)


def test_an_official_car_at_a_campaign_stands_for_the_office() -> None:
    body = ("Sebuah mobil dinas milik Pemerintah Kabupaten Sumber Jaya terekam terparkir di lokasi kampanye salah "
            "satu pasangan calon gubernur, Minggu.\n"
            "Bawaslu menelusuri kepemilikan kendaraan tersebut.\n"
            "\"Itu tetap pelanggaran, pemegangnya sudah kami tegur,\" ujar Sekda.\n"
            "Sekda menegaskan penggunaan kendaraan dinas untuk kegiatan politik dilarang.")
    assert "netralitas-asn" in _tags(body)
    # the same car at a flood post is no neutrality story
    assert _tags(body.replace("lokasi kampanye salah satu pasangan calon gubernur", "posko banjir")
                 .replace("untuk kegiatan politik", "untuk urusan pribadi")) == set()


# Tags.

def test_a_clarification_as_a_verb_is_a_finding_and_monitoring() -> None:
    body = ("Bawaslu Kabupaten Sumber Jaya menerima laporan dugaan pelanggaran netralitas kepala desa pada "
            "Pemilu 2024.\n"
            "Ketua Bawaslu Sumber Jaya, Bayu Prakoso, memastikan laporan itu diregistrasi.\n"
            "\"Kami sudah mengklarifikasi tujuh kepala desa yang hadir di acara caleg,\" ujarnya.")
    tags = _tags(body)
    assert {"dugaan-pelanggaran", "pengawasan"} <= tags


def test_being_present_beside_a_candidate_is_campaigning() -> None:
    body = ("Pemkab Sumber Jaya menjatuhkan hukuman disiplin kepada seorang camat yang terbukti tidak netral pada "
            "Pemilu 2024.\n"
            "Camat berinisial AS tersebut dilaporkan karena hadir dan berfoto bersama seorang calon anggota DPRD "
            "pada masa kampanye.")
    assert "kampanye" in _tags(body)


def test_not_knowing_a_thing_was_forbidden_warns_nobody() -> None:
    body = ("Tiga tenaga honorer terbukti ikut kampanye akbar salah satu pasangan calon bupati, kata Bawaslu.\n"
            "Ketiganya dilaporkan ke Bupati dan terancam diberhentikan karena melanggar netralitas.\n"
            "\"Saya tidak tahu kalau itu dilarang, saya kira cuma honorer,\" ujar salah seorang honorer.")
    assert "imbauan" not in _tags(body)
    # (a quote of the rule warns in an advisory, not in a case story: see the seventh round)
    advisory = ("Bupati Sumber Jaya mengumpulkan tenaga honorer menjelang Pilkada 2024 agar tetap netral.\n"
                "\"Saya tidak tahu kalau itu dilarang, saya kira cuma honorer,\" ujar salah seorang honorer.")
    assert "imbauan" not in _tags(advisory)
    assert "imbauan" in _tags(advisory.replace("Saya tidak tahu kalau itu dilarang", "Honorer dilarang ikut kampanye"))


def test_both_elections_named_as_alternatives_are_elections_in_general() -> None:
    body = ("Tujuh kepala desa di Sumber Jaya diklarifikasi Bawaslu karena hadir di acara partai.\n"
            "Mereka diduga melanggar netralitas.\n"
            "\"Kepala desa selalu jadi incaran, baik di pemilu maupun pilkada,\" kata pengamat.\n"
            "Acara itu digelar menjelang Pemilu 2024.")
    tags = _tags(body)
    assert "pemilu-2024" in tags and "pilkada-2024" not in tags


# Officials and speakers.

def test_a_role_word_that_is_also_a_name_goes_on_with_the_name() -> None:
    # "Hakim" heads a judge's role, but after a name word it is a surname
    body = "Hadir pula Kepala Dinas Pemberdayaan Masyarakat dan Nagari Sumber Jaya, Ir. Afdal Hakim."
    assert [o.name for o in _officials(body)] == ["Afdal Hakim"]


def test_a_reduplicated_plural_in_a_bodys_name_is_no_name() -> None:
    body = ("Setiausaha Agung Kongres Kesatuan Pekerja-Pekerja Di Dalam Perkhidmatan Awam (CUEPACS), "
            "Mohd Hanif Zakaria menyokong arahan itu.")
    assert [o.name for o in _officials(body)] == ["Mohd Hanif Zakaria"]
    assert "Pekerja-Pekerja" not in {o.name for o in _officials(body.replace("Di Dalam", "di dalam"))}


def test_a_coalition_of_monitors_and_a_sports_committee_hold_no_office() -> None:
    body = ("Koordinator Koalisi Pemantau Pilkada Sumber Jaya, Rahmat Umasugi, mengatakan para kades hadir.\n"
            "Ketua KONI Sumber Jaya, Edi Susanto, menargetkan medali.")
    assert _officials(body) == []
    assert [q.speaker for q in _quotes(body + "\n\"Itu jelas menyalahi aturan,\" kata Rahmat.")] == ["Rahmat Umasugi"]


# Seventh round: the classes that held-out set 7 (tests/gold_heldout7, first look) showed.
# Neutrality first: alerts fire on it.

def test_civil_servants_under_investigation_beside_a_candidate_make_the_story() -> None:
    # the lead names the civil servants and the investigation, the next sentence the candidate: the
    # violation predicate ties them as "dilaporkan" already did
    body = ("Dua guru di SMP Negeri 3 Sumber Jaya, masing-masing PNS dan tenaga honorer, tengah "
            "ditelusuri Bawaslu Sumber Jaya.\n"
            "Keduanya diduga ikut membagikan kalender seorang caleg DPRD pada Sabtu lalu.\n"
            "Bawaslu sudah memegang foto kejadian itu.\n"
            "Ia menambahkan, guru honorer juga wajib netral.")
    assert {"netralitas-asn", "pengawasan"} <= _tags(body)
    # the same investigation of a tax arrear, with no candidate, is no neutrality story
    assert _tags(body.replace("kalender seorang caleg DPRD", "formulir pajak kendaraan")
                 .replace("juga wajib netral", "juga wajib hadir")) == set()


def test_political_posts_are_what_a_one_sentence_advisory_is_about() -> None:
    body = ("SUMBER JAYA – Bawaslu Sumber Jaya mengimbau seluruh ASN tidak membagikan konten bermuatan politik di "
            "media sosial menjelang Pilkada 27 November 2024, kata Ketua Bawaslu, Senin.")
    assert {"netralitas-asn", "imbauan", "media-sosial", "pilkada-2024"} <= _tags(body)
    assert _tags(body.replace("bermuatan politik", "bermuatan hoaks")) == set()


def test_a_reprimand_and_a_presidential_ticket_in_english() -> None:
    body = ("Nine civil servants in Sumber Jaya have received written reprimands after a photo of them showing a "
            "hand sign of a presidential ticket went viral ahead of the Feb. 14 general election.\n"
            "The regional secretary said the inspectorate had examined the case.")
    tags = _tags(body, language="en")
    assert {"netralitas-asn", "sanksi", "dugaan-pelanggaran", "foto-pose", "pemilu-2024"} <= tags


def test_a_quantifier_before_a_status_declares_no_civil_servant() -> None:
    # "seorang berstatus PNS" declares no noun "seorang": the candidates after it are no civil servants
    body = ("Dua pegawai puskesmas, seorang berstatus PNS, mengikuti rapat persiapan pemilu.\n"
            "Seorang caleg berkampanye di pasar.\n"
            "Seorang caleg lain membagikan kalender.\n"
            "Seorang caleg juga berorasi di lapangan.")
    assert _tags(body) == set()


# Tags.

def test_party_shirts_convoys_and_steering_voters_are_campaigning() -> None:
    advisory = ("Sekda Sumber Jaya meminta seluruh ASN menjaga netralitas menjelang Pilkada 2024.\n"
                "\"Jangan pakai kaos partai dan jangan ikut konvoi,\" tegas Sekda di depan ratusan pegawai.\n"
                "Ia mengingatkan pegawai tetap netral.")
    assert "kampanye" in _tags(advisory)
    steering = ("Bawaslu mengumpulkan para kepala desa se-Sumber Jaya untuk menjaga netralitas pada Pilkada 2024.\n"
                "\"Kepala desa jangan arahkan warga ke salah satu calon,\" kata Ketua Bawaslu.\n"
                "Kepala desa wajib netral.")
    assert "kampanye" in _tags(steering)
    goods = ("Bawaslu menelusuri dugaan keterlibatan seorang lurah dalam pembagian paket sembako bergambar "
             "calon anggota DPRD pada Pemilu 2024.\n"
             "Lurah merupakan ASN sehingga wajib netral.\n"
             "Lurah itu sudah dipanggil.")
    assert "kampanye" in _tags(goods)


def test_a_rule_one_is_bound_by_and_a_quoted_rule_in_a_case_story_warn_nobody() -> None:
    case = ("Seorang kepala desa berinisial AB dilaporkan ke Bawaslu Sumber Jaya karena hadir di deklarasi "
            "dukungan calon anggota DPR pada Pemilu 2024.\n"
            "Ketua Bawaslu menjelaskan, kepala desa terikat larangan memihak peserta pemilu.\n"
            "Ia mengatakan, \"Kepala desa dilarang terlibat kampanye.\"")
    assert "imbauan" not in _tags(case)
    # the same quote in an advisory does warn
    advisory = ("Bupati Sumber Jaya mengumpulkan para kepala desa menjelang Pemilu 2024 agar tetap netral.\n"
                "Ia mengatakan, \"Kepala desa dilarang terlibat kampanye.\"\n"
                "Kepala desa wajib netral.")
    assert "imbauan" in _tags(advisory)


def test_findings_passed_to_the_civil_service_agency_and_english_suspensions_are_sanctions() -> None:
    body = ("Bawaslu Sumber Jaya memanggil seorang kepala bidang yang diduga memakai mobil dinas untuk kampanye "
            "pasangan calon bupati pada Pilkada 2024.\n"
            "\"Hasil klarifikasi akan kami sampaikan ke Badan Kepegawaian Negara,\" ujar Ketua Bawaslu.")
    assert "sanksi" in _tags(body)
    english = ("A village head in Sumber Jaya Regency has been suspended after Bawaslu found that he had "
               "campaigned for a regent candidate, officials said on Monday, November 18, 2024.\n"
               "The village head, identified only by the initials TK, handed out T-shirts to residents.")
    assert {"sanksi", "dugaan-pelanggaran", "pilkada-2024", "perangkat-desa"} <= _tags(english, language="en")


# Regions and speakers.

def test_a_dateline_that_runs_on_past_a_regency_name_is_another_place() -> None:
    # "Batu" is an Indonesian city; "Batu Pahat" is in Malaysia
    body = ("BATU PAHAT, 3 Mei (Berita Negeri) -- Kerajaan negeri mengingatkan penjawat awam supaya tidak "
            "berkempen dalam pilihan raya kecil.")
    assert analyze(body).regions == []
    assert [r.regency for r in analyze(body.replace("BATU PAHAT", "BATU")).regions] == ["Kota Batu"]


def test_the_lead_after_a_dateline_opens_with_the_person_who_acts() -> None:
    body = ("Sumberjaya, Kabar Jaya – Sekretaris Daerah Kabupaten Sumber Jaya, Ratna Pakaya, mengumpulkan para "
            "kepala dinas, Rabu.\n"
            "Di hadapan mereka, ia meminta pesan netralitas diteruskan ke staf.\n"
            "“Kalau masih mengikuti akun kandidat, segera berhenti,” tegasnya.")
    assert [q.speaker for q in _quotes(body)] == ["Ratna Pakaya"]


# Eighth round: the classes that held-out set 8 (tests/gold_heldout8, first look) showed.
# Neutrality first: all three misses were civil servants the article declares in ways the rules did not read.

def test_a_civil_servant_declared_without_a_copula_is_one_throughout() -> None:
    # Indonesian needs no "adalah": "Kepala sekolah itu ASN, jadi …"; the head noun keeps its complement,
    # so "kepala sekolah" (not every "sekolah") is read as a civil servant
    body = ("Seorang kepala sekolah di Sumber Jaya diduga mengirim ajakan memilih pasangan calon bupati ke grup "
            "wali murid dan kini dilaporkan ke Bawaslu.\n"
            "Pesan itu memuat foto paslon nomor urut dua.\n"
            "\"Kepala sekolah itu ASN, jadi kalau terbukti kami teruskan ke BKN,\" kata Ketua Bawaslu.\n"
            "Warga meminta sekolah tetap bersih dari politik.")
    assert "netralitas-asn" in _tags(body)
    assert _tags(body.replace("Kepala sekolah itu ASN, jadi", "Kepala sekolah itu guru lama, jadi")) == set()


def test_a_group_declared_member_by_member_is_civil_servants() -> None:
    body = ("Bawaslu Sumber Jaya menetapkan temuan dugaan pelanggaran netralitas terhadap dua tenaga kesehatan.\n"
            "Keduanya membagikan kalender bergambar caleg kepada pasien.\n"
            "Dua tenaga kesehatan itu masing-masing seorang bidan berstatus honorer dan seorang perawat "
            "berstatus PPPK.")
    assert "netralitas-asn" in _tags(body)
    assert _tags(body.replace("berstatus honorer", "swasta").replace("berstatus PPPK", "swasta")) == set()


def test_the_head_of_a_public_health_centre_is_a_civil_servant() -> None:
    body = ("Bawaslu Sumber Jaya menangani dugaan pelanggaran netralitas seorang kepala puskesmas.\n"
            "Kepala puskesmas itu diduga menghadiri kampanye pasangan calon bupati.\n"
            "Bawaslu sudah meminta klarifikasi.")
    assert "netralitas-asn" in _tags(body)


# Speakers: the subject of a sentence, found through what stands between it and its verb.

def test_a_named_person_apposed_to_a_qualified_unnamed_phrase_speaks() -> None:
    # a relative clause or a place between the unnamed phrase and the name
    body = ("Bawaslu menemukan kalender caleg di loket pendaftaran.\n"
            "Seorang pasien yang ditemui di loket itu, Wartini (52), mengaku heran. \"Saya kira hadiah,\" ujarnya.\n"
            "Laporan disampaikan seorang warga Sumberjaya, Robertus Lamber, Jumat lalu.\n"
            "\"Saya lihat sendiri,\" kata Robertus.")
    assert [q.speaker for q in _quotes(body)] == ["Wartini", "Robertus Lamber"]


def test_auxiliaries_and_a_manner_phrase_stand_between_subject_and_verb() -> None:
    body = ("\"Empat orang akan kami undang,\" kata Ketua Bawaslu Sumber Jaya, Rina Pakpahan.\n"
            "Namun Ketua Bawaslu Tanah Jaya, Hendrik Sembiring, enggan membeberkan identitas keduanya. "
            "\"Masih kami telusuri,\" ucapnya.\n"
            "Pj Bupati Sumber Jaya, Sugiarto Wahyudi, dalam sambutannya menyampaikan terima kasih.\n"
            "\"Saya minta OPD langsung bergerak,\" ujarnya.")
    assert [q.speaker for q in _quotes(body)] == ["Rina Pakpahan", "Hendrik Sembiring", "Sugiarto Wahyudi"]


def test_an_english_subject_acting_in_the_past_tense_speaks() -> None:
    body = ("Andreas Lumban, a lecturer, said the problem was structural. \"It will stay,\" he said.\n"
            "The acting head of the Sumber Jaya Civil Service Agency, Irawati Sembiring, rejected the claim. "
            "\"No one is forced,\" she said.")
    assert [q.speaker for q in _quotes(body)] == ["Andreas Lumban", "Irawati Sembiring"]


def test_regional_name_elements_written_short_stay_in_the_name() -> None:
    # "Dg." (Daeng, Makassar) and "Hi." (Haji inside a North Maluku patronymic) go on into the name
    assert _officials("Kepala Desa Bontojaya, Samsul Dg. Lewa, mengatakan warga sudah didata.") == [
        Official("Samsul Dg. Lewa", "Kepala Desa Bontojaya")]
    assert _officials("Kepala BKPSDM Sumber Jaya, Syamsir Hi. Mahmud, mengatakan absensi kini daring.") == [
        Official("Syamsir Hi. Mahmud", "Kepala BKPSDM Sumber Jaya")]


# Regions.

def test_a_malaysian_state_is_no_indonesian_district() -> None:
    body = ("KUALA KANGSAR - Dua kakitangan agensi kerajaan negeri di Perak dikenakan tindakan tatatertib "
            "kerana berkempen.")
    assert analyze(body).regions == []


# Ninth round: residual classes, the errors still wrong across all sets and the losses of the stress rewrites
# (tools/stress_analysis.py "nocomma": a role and a name run together without a comma). Officials first.

def test_a_role_in_parentheses_or_a_relative_clause_after_the_name_is_the_persons() -> None:
    assert _officials("Dua camat, masing-masing Suparman (Camat Sukamaju) dan Rini Astuti (Camat Tanjung Jaya), "
                      "membacakan ikrar netralitas.") == [
        Official("Suparman", "Camat Sukamaju"), Official("Rini Astuti", "Camat Tanjung Jaya")]
    assert _officials("Salah seorang pejabat yang dilantik, Hendra Saputra, yang kini menjabat Kepala Bagian Umum "
                      "Setda, mengaku siap bekerja.") == [Official("Hendra Saputra", "Kepala Bagian Umum Setda")]


def test_degrees_between_a_name_and_its_role_after_it_are_skipped() -> None:
    assert _officials("Salah seorang pejabat yang dilantik, Hendra Saputra, S.Sos., M.Si., yang kini menjabat Kepala "
                      "Bagian Umum Setda, mengaku siap bekerja.") == [
        Official("Hendra Saputra", "Kepala Bagian Umum Setda")]
    assert _officials("Dua camat, masing-masing Suparman, S.IP., (Camat Sukamaju) dan Rini Astuti, S.Sos., (Camat "
                      "Tanjung Jaya), membacakan ikrar.") == [
        Official("Suparman", "Camat Sukamaju"), Official("Rini Astuti", "Camat Tanjung Jaya")]


def test_a_name_after_a_place_may_end_with_a_word_that_is_also_a_regency() -> None:
    # places chain only right after a role word or a place: after a name word, "Karo" ends the name
    assert _officials("Kepala BPBD Kapuas Hulu Robertus Karo menyebut air mulai surut.") == [
        Official("Robertus Karo", "Kepala BPBD Kapuas Hulu")]


def test_a_village_territory_keeps_its_compass_word_without_a_comma() -> None:
    assert _officials("Kepala Desa Sukomulyo Kidul Agus Riyanto mengatakan warga sudah didata.") == [
        Official("Agus Riyanto", "Kepala Desa Sukomulyo Kidul")]


def test_a_name_written_first_leaves_the_village_heads_run_to_the_territory() -> None:
    assert _officials("Yang dijatuhi sanksi ialah Sri Wulan, Sekretaris Dinas Pertanian; dan Rudi Hartanto, "
                      "Lurah Bukit Harapan. Keduanya menerima putusan itu.") == [
        Official("Sri Wulan", "Sekretaris Dinas Pertanian"), Official("Rudi Hartanto", "Lurah Bukit Harapan")]


def test_a_head_that_is_also_a_name_ends_a_name_after_a_division_with_or_without_a_comma() -> None:
    role = "Anggota Bawaslu Sumber Jaya Divisi Penanganan Pelanggaran"
    for gap in (", ", " "):
        assert _officials(f"{role}{gap}Arif Budiman Hakim, membenarkan pihaknya menerima laporan.") == [
            Official("Arif Budiman Hakim", role)]


def test_a_role_closed_by_a_relative_clause_takes_the_name_after_it_without_a_comma() -> None:
    assert _officials("Anggota Bawaslu Sumber Jaya yang membidangi pencegahan Nur Aisyah, mengatakan tim siber "
                      "bekerja setiap hari.") == [
        Official("Nur Aisyah", "Anggota Bawaslu Sumber Jaya yang membidangi pencegahan")]


def test_a_yogyakarta_village_between_role_and_name_is_a_place() -> None:
    assert [o.name for o in _officials("Salah satunya Dukuh Karangjati II, Kalurahan Sumbertirta Suparno, "
                                       "bertanya soal batasan.")] == ["Suparno"]


def test_an_english_body_name_ends_at_its_agency_and_the_name_follows_without_a_comma() -> None:
    assert _officials("The head of Sumbertirta's Community and Village Empowerment Agency Robert Sinaga said the "
                      "suspension followed a recommendation.") == [
        Official("Robert Sinaga", "head of Sumbertirta's Community and Village Empowerment Agency")]


# Officials' precision: words taken for a person apposed to a role.

def test_a_role_after_a_plural_is_a_group_and_no_persons_office() -> None:
    assert _officials("Kuasa hukum para kepala desa, Ahmad Syukur Lamaka, menilai kliennya tidak bermaksud "
                      "melanggar.") == []


def test_a_word_with_its_clitic_or_the_word_opening_a_quotation_is_no_name() -> None:
    body = ("\"Tolong, kades dan perangkat desa, tahan diri sampai pemungutan suara,\" kata Ketua Bawaslu Sumber "
            "Jaya, Rina Pakpahan.\n"
            "\"Beliau hadir dari awal. Statusnya ASN, kepala puskesmas pula,\" ujar Rina.")
    assert _officials(body) == [Official("Rina Pakpahan", "Ketua Bawaslu Sumber Jaya")]


# Speakers.

def test_a_speaker_who_goes_on_is_the_one_quoted_before_not_the_person_narrated_between() -> None:
    body = ("Ketua Bawaslu Sumber Jaya, Rina Pakpahan, membenarkan pihaknya meminta klarifikasi. "
            "\"Yang bersangkutan sudah kami klarifikasi,\" ungkap Rina.\n"
            "Menurutnya, dalam klarifikasi itu camat berinisial AB mengakui akun tersebut miliknya. Namun ia "
            "beralasan foto itu diunggah anaknya.\n"
            "\"Alasan itu tetap akan kami kaji,\" lanjutnya.")
    assert [q.speaker for q in _quotes(body)] == ["Rina Pakpahan", "Rina Pakpahan"]


def test_a_person_whose_relative_clause_speaks_is_the_speaker() -> None:
    body = ("Ketua Bawaslu Sumber Jaya, Rina Pakpahan, mengatakan pihaknya memeriksa. \"Kami punya bukti foto,\" "
            "kata dia.\n"
            "Sejumlah warga mengeluhkan pelayanan puskesmas. Salah satunya, Maria Kewa, yang mengaku datang "
            "membawa anaknya namun puskesmas sudah sepi.\n"
            "\"Petugas bilang kepala puskesmas tidak ada,\" tuturnya.")
    assert [q.speaker for q in _quotes(body)] == ["Rina Pakpahan", "Maria Kewa"]


def test_an_unnamed_suspect_who_speaks_after_an_interposed_clause_stays_unnamed() -> None:
    body = ("Kepala BKPSDM Sumber Jaya, Yusran Hadi, mengatakan pihaknya menunggu hasil pemeriksaan. "
            "\"Kontrak bisa tidak kami perpanjang,\" katanya.\n"
            "Salah seorang honorer yang dilaporkan, saat dikonfirmasi, mengaku hanya diajak teman.\n"
            "\"Saya tidak tahu kalau itu dilarang,\" ujarnya.")
    assert [q.speaker for q in _quotes(body)] == ["Yusran Hadi", None]


# Tags.

def test_an_election_named_with_an_earlier_year_in_a_dated_story_is_a_past_one() -> None:
    body = ("SUMBER JAYA – Bawaslu Sumber Jaya memeriksa dua guru ASN yang diduga menyebarkan video kampanye "
            "pasangan calon bupati ke grup WhatsApp orang tua murid.\n"
            "\"ASN wajib netral,\" kata Ketua Bawaslu Sumber Jaya, Rina Pakpahan, Kamis, 17 Oktober 2024.\n"
            "Pada Pilkada Sumber Jaya 2018, Bawaslu juga menangani kasus serupa yang melibatkan calon bupati.")
    assert "pilkada-2024" in analyze(body).tags


def test_a_region_word_after_a_place_or_lower_case_after_a_body_introduces_no_place() -> None:
    # "Sentani Kota" is a district's own name, "negeri" (of the state) qualifies the union: the word after either
    # is the first word of a name, not a place
    assert _officials("Kepala Distrik Sentani Kota Yohanes Ondi, yang turut hadir, menyatakan siap.") == [
        Official("Yohanes Ondi", "Kepala Distrik Sentani Kota")]
    assert [o.name for o in _officials("Sementara itu, Presiden Kesatuan Guru Melayu (KGM) negeri Shahrul Azmi "
                                       "Othman berpendapat tindakan itu wajar.")] == ["Shahrul Azmi Othman"]


def test_titles_before_a_subject_after_the_quote_are_skipped_to_its_apposed_role() -> None:
    body = ("The village heads were seen on stage at the event.\n"
            "\"They raised the number with their fingers,\" Dr. H. Arif Budiman, chairman of the Sumber Jaya "
            "Bawaslu, told reporters on Tuesday.")
    assert [q.speaker for q in _quotes(body)] == ["Arif Budiman"]
