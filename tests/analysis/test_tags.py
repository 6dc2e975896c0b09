"""Neutrality tags: a strict umbrella tag, topic tags by sentence-level cues, evidence sentences."""

from __future__ import annotations

import pytest

from pantau.analysis.tags import assign_tags, rules, split_sentences
from pantau.analysis.taxonomy import NEUTRALITY, TAG_IDS

IMBAUAN_PILKADA = (
    "Pj Bupati Sleman Ingatkan ASN Netral di Pilkada 2024\n"
    "Penjabat Bupati Sleman mengingatkan seluruh aparatur sipil negara (ASN) untuk menjaga netralitas "
    "selama tahapan Pilkada 2024. Ia meminta ASN tidak memposting dukungan kepada calon bupati di "
    "media sosial. \"ASN dilarang berfoto dengan pasangan calon sambil mengacungkan simbol jari,\" ujarnya. "
    "ASN juga dilarang memakai atribut paslon."
)
TEMUAN_KADES = (
    "Bawaslu Lombok Timur menemukan tiga kepala desa yang diduga terlibat kampanye salah satu calon "
    "bupati. Ketiga kades tersebut hadir dalam deklarasi pasangan calon dan mengenakan atribut paslon. "
    "Ketua Bawaslu mengatakan ketiganya sudah dipanggil untuk klarifikasi pada Senin. Larangan bagi "
    "kepala desa diatur dalam UU Nomor 6 Tahun 2014 tentang Desa dan UU Nomor 10 Tahun 2016. Jika "
    "terbukti melanggar netralitas, kades bisa diberhentikan."
)


def tags_of(body: str, *, title: str | None = None, language: str = "id") -> list[str]:
    return assign_tags(body, title=title, language=language)[0]


def test_rules_name_only_taxonomy_tags() -> None:
    assert {rule.tag for rule in rules().tags} <= TAG_IDS


def test_advisory_story_gets_umbrella_and_topic_tags() -> None:
    assert set(tags_of(IMBAUAN_PILKADA)) == {
        NEUTRALITY, "imbauan", "media-sosial", "foto-pose", "kampanye", "pilkada-2024"}


def test_concrete_finding_about_village_heads() -> None:
    tags = set(tags_of(TEMUAN_KADES))
    assert {NEUTRALITY, "dugaan-pelanggaran", "perangkat-desa", "kampanye", "regulasi", "sanksi",
            "pilkada-2024"} <= tags
    assert "pemilu-2024" not in tags


def test_evidence_names_the_body_sentences_for_each_tag() -> None:
    tags, evidence = assign_tags(TEMUAN_KADES, language="id")
    assert [e.tag for e in evidence] == tags
    by_tag = {e.tag: e.sentences for e in evidence}
    assert by_tag["regulasi"] == [
        "Larangan bagi kepala desa diatur dalam UU Nomor 6 Tahun 2014 tentang Desa dan UU Nomor 10 Tahun 2016."]
    assert all(s in TEMUAN_KADES for sentences in by_tag.values() for s in sentences)


def test_kpu_logistics_story_gets_no_tags() -> None:
    text = ("KPU Kabupaten Garut menerima 9.000 kotak suara untuk Pilkada 2024. Ketua KPU Garut mengatakan "
            "logistik diperiksa petugas dan pegawai sekretariat. Bawaslu ikut mengawasi penerimaan logistik. "
            "Pegawai sekretariat KPU bekerja lembur menyiapkan distribusi ke kecamatan sebelum pemungutan suara.")
    assert tags_of(text) == []


def test_asn_salary_news_gets_no_tags() -> None:
    text = ("Pemerintah Kabupaten Sleman memastikan gaji ke-13 bagi ASN, PNS dan PPPK cair pekan depan. "
            "Seluruh ASN diminta memperbarui data rekening. Sementara itu, tahapan Pemilu 2024 tetap berjalan.")
    assert tags_of(text) == []


def test_asn_recruitment_news_gets_no_tags() -> None:
    text = ("BKPSDM Kota Malang membuka seleksi PPPK untuk 1.200 formasi. Pendaftaran dibuka 1 Oktober. "
            "Kepala BKPSDM mengimbau pelamar tidak percaya calo. Seleksi PPPK tidak ada kaitannya dengan "
            "Pilkada 2024, tegasnya. ASN yang lulus akan ditempatkan di sekolah-sekolah.")
    assert tags_of(text) == []


def test_police_only_neutrality_gets_no_tags() -> None:
    text = ("Kapolres Tegaskan Personel Netral di Pilkada\n"
            "Kapolres Sumbawa menegaskan seluruh personel wajib netral selama Pilkada 2024. "
            "\"Polri tidak boleh berpihak. Anggota yang terbukti terlibat politik praktis akan diproses "
            "sesuai kode etik,\" katanya. Personel juga dilarang berfoto dengan pasangan calon.")
    assert tags_of(text) == []


def test_tni_polri_grouped_with_asn_counts() -> None:
    text = ("Pj Gubernur Sulawesi Selatan menegaskan ASN, TNI dan Polri harus netral dalam Pilkada 2024. "
            "Ia meminta pegawai tidak mengunggah dukungan untuk calon gubernur. ASN yang tidak netral "
            "akan dilaporkan ke BKN.")
    assert NEUTRALITY in tags_of(text)


def test_malay_text_gets_no_tags() -> None:
    text = ("Penjawat awam diingatkan tidak terlibat kempen parti semasa pilihan raya. Kakitangan kerajaan "
            "perlu kekal berkecuali dan tidak berpihak kepada mana-mana calon.")
    assert assign_tags(text, language="ms") == ([], [])


def test_passing_mention_in_unrelated_story_gets_no_tags() -> None:
    text = ("KPU Kota Medan menggelar rapat pleno daftar pemilih tetap Pilkada 2024. Jumlah pemilih mencapai "
            "1,6 juta orang. Rapat dihadiri Bawaslu dan partai politik. Dalam sambutannya, Pj Wali Kota "
            "mengingatkan agar ASN tetap netral. Tahapan berikutnya adalah pengadaan logistik.")
    assert tags_of(text) == []


def test_conditional_violation_is_not_dugaan_pelanggaran() -> None:
    text = ("Pemkot Kendari mengimbau ASN tetap netral dalam Pilkada 2024. Jika ditemukan dugaan pelanggaran "
            "netralitas ASN, Inspektorat akan menelusuri. ASN diminta tidak terlibat politik praktis.")
    tags = tags_of(text)
    assert NEUTRALITY in tags and "dugaan-pelanggaran" not in tags


def test_general_monitoring_of_possible_violations_is_not_dugaan_pelanggaran() -> None:
    text = ("Bawaslu Kota Ambon mengingatkan ASN agar netral pada Pemilu 2024. Bawaslu memetakan potensi "
            "pelanggaran netralitas ASN yang rawan terjadi. ASN dilarang menjadi tim sukses caleg.")
    tags = tags_of(text)
    assert NEUTRALITY in tags and "dugaan-pelanggaran" not in tags


def test_unnumbered_circular_is_not_regulasi() -> None:
    text = ("Pemprov Jambi menerbitkan surat edaran tentang netralitas ASN menjelang Pilkada 2024. "
            "Surat edaran itu meminta ASN tidak terlibat politik praktis. ASN juga diminta netral di media sosial.")
    tags = tags_of(text)
    assert NEUTRALITY in tags and "regulasi" not in tags


@pytest.mark.parametrize("citation", [
    "PP 94/2021", "PP Nomor 94 Tahun 2021", "SKB Nomor 2 Tahun 2022", "UU Nomor 5 Tahun 2014",
    "Perbawaslu Nomor 6 Tahun 2024", "Surat Edaran Nomor 800/1234/BKPSDM",
])
def test_numbered_legal_basis_is_regulasi(citation: str) -> None:
    text = (f"Bawaslu Kabupaten Sigi mengingatkan ASN agar netral dalam Pilkada 2024. Larangan itu diatur "
            f"dalam {citation}. ASN yang tidak netral dapat dijatuhi hukuman disiplin.")
    assert "regulasi" in tags_of(text)


def test_general_election_cues_make_pemilu_not_pilkada() -> None:
    text = ("Sekda Kota Jayapura mengingatkan ASN tidak berfoto bersama caleg menjelang Pemilu 2024. "
            "ASN harus netral terhadap calon anggota DPR dan DPRD. ASN yang berpihak akan diperiksa.")
    tags = tags_of(text)
    assert "pemilu-2024" in tags and "pilkada-2024" not in tags


def test_election_institution_names_are_no_general_election() -> None:
    text = ("Pemkab Sambas mengingatkan ASN netral dalam Pilkada 2024. Komisi Pemilihan Umum (KPU) dan "
            "Badan Pengawas Pemilu diminta mengawasi ASN. ASN dilarang mendukung calon bupati.")
    tags = tags_of(text)
    assert "pilkada-2024" in tags and "pemilu-2024" not in tags


def test_an_earlier_election_is_not_2024() -> None:
    text = ("Bawaslu Kota Blitar mengevaluasi netralitas ASN pada Pilkada 2020. Saat itu dua ASN terbukti "
            "tidak netral dan diberi sanksi. ASN diminta belajar dari pengalaman tersebut.")
    tags = tags_of(text)
    assert NEUTRALITY in tags and "pilkada-2024" not in tags


@pytest.mark.parametrize("verb", ["mengimbau", "menghimbau", "mengingatkan", "meminta"])
def test_affixed_forms_of_advisory_verbs(verb: str) -> None:
    text = f"Bupati Aceh Besar {verb} ASN agar netral dalam Pilkada 2024. ASN dilarang terlibat kampanye."
    assert "imbauan" in tags_of(text)


def test_passive_advisory_form() -> None:
    text = "ASN di Kabupaten Nias diimbau tetap netral selama Pilkada 2024. Imbauan itu disampaikan Sekda."
    assert "imbauan" in tags_of(text, title="ASN Nias Diimbau Netral")


def test_reporting_channel() -> None:
    text = ("Bawaslu Kota Tarakan meminta ASN tetap netral selama Pilkada 2024. Masyarakat yang melihat ASN "
            "berkampanye dapat melapor melalui posko pengaduan atau nomor WhatsApp Bawaslu.")
    assert "pelaporan" in tags_of(text)


def test_regulation_title_is_not_monitoring() -> None:
    text = ("Pj Wali Kota Ternate mengimbau ASN netral selama Pilkada 2024, sesuai SKB tentang Pedoman "
            "Pembinaan dan Pengawasan Netralitas Pegawai ASN. ASN dilarang memberi dukungan kepada paslon.")
    tags = tags_of(text)
    assert NEUTRALITY in tags and "pengawasan" not in tags


def test_english_article() -> None:
    text = ("The regional secretary of East Java reminded civil servants to remain neutral during the 2024 "
            "regional elections. Civil servants who violated the neutrality rules would face sanctions, he said.")
    assert {NEUTRALITY, "imbauan", "sanksi", "pilkada-2024"} <= set(tags_of(text, language="en"))


def test_no_topic_tag_without_the_umbrella_tag() -> None:
    text = "Kapolda mengimbau warga melapor ke posko pengaduan bila melihat politik uang saat Pemilu 2024."
    assert tags_of(text) == []


def test_abbreviations_and_initials_end_no_sentence() -> None:
    assert split_sentences("Ketua Bawaslu Kab. Bangka, Hj. Rina, S.Sos., M.Si, hadir. ASN diminta netral.") == [
        "Ketua Bawaslu Kab. Bangka, Hj. Rina, S.Sos., M.Si, hadir.", "ASN diminta netral."]


def test_lead_and_a_follow_up_on_the_same_teachers_make_a_violation_story() -> None:
    """The headline names no civil servant ("guru"); the lead does, and the story follows them."""
    text = ("Tiga Guru di Kuningan Ikut Konvoi Paslon\n\n"
            "Bawaslu Kabupaten Kuningan menangani dugaan pelanggaran netralitas oleh tiga guru berstatus ASN. "
            "Ketiganya terekam ikut konvoi salah satu pasangan calon pada Pilkada 2024. "
            "Ketiga guru tersebut mengajar di SMP negeri dan berstatus PNS. "
            "Mereka sudah dipanggil untuk dimintai klarifikasi pekan ini.")
    assert NEUTRALITY in tags_of(text)


def test_one_passing_mention_in_the_lead_does_not_make_a_story() -> None:
    text = ("KPU Kuningan Mulai Lipat Surat Suara\n\n"
            "KPU Kabupaten Kuningan mulai melipat surat suara Pilkada 2024, sambil mengingatkan ASN yang "
            "membantu agar netral. Sebanyak 200 warga dilibatkan sebagai pekerja lipat. "
            "Pelipatan ditargetkan selesai dalam sepuluh hari.")
    assert tags_of(text) == []
