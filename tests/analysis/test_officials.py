"""Officials: each person quoted or named in an official role, once, with the fullest name and role."""

from __future__ import annotations

from pantau.analysis.quotes import find_quotes_and_officials
from pantau.models import Official


def officials_of(body: str) -> list[Official]:
    return find_quotes_and_officials(body)[1]


def test_role_comma_name_with_honorifics_and_degrees_stripped() -> None:
    body = ("Kepala Dinas Pendidikan Kabupaten Garut, Drs. H. Ade Manadin, M.Pd, mengatakan guru harus "
            "netral.")
    assert officials_of(body) == [Official("Ade Manadin", "Kepala Dinas Pendidikan Kabupaten Garut")]


def test_rank_is_stripped_from_the_name() -> None:
    body = "Kapolresta Pontianak Kombes Pol Adhe Hariadi menegaskan personelnya tidak berpihak."
    assert officials_of(body) == [Official("Adhe Hariadi", "Kapolresta Pontianak")]


def test_role_then_name_without_comma_uses_the_gazetteer() -> None:
    body = "Ketua Bawaslu Kota Tanjung Pinang Muhammad Yusuf mengatakan pengawasan diperketat."
    assert officials_of(body) == [Official("Muhammad Yusuf", "Ketua Bawaslu Kota Tanjung Pinang")]


def test_location_appositive_between_role_and_name() -> None:
    body = ("Sekretaris Daerah Kabupaten Sintang, Provinsi Kalimantan Barat, Kartiyus mengingatkan pegawai "
            "soal netralitas.")
    assert officials_of(body) == [Official("Kartiyus", "Sekretaris Daerah Kabupaten Sintang")]


def test_name_comma_role() -> None:
    body = "Siti Aminah, Ketua KPU Kota Kendari, menjelaskan tahapan kampanye."
    assert officials_of(body) == [Official("Siti Aminah", "Ketua KPU Kota Kendari")]


def test_name_selaku_role() -> None:
    body = "Hal itu disampaikan Budi Hartawan selaku Plt Kepala BKD Kabupaten Lombok Timur, Kamis."
    assert officials_of(body) == [Official("Budi Hartawan", "Plt Kepala BKD Kabupaten Lombok Timur")]


def test_passive_agent_role_name() -> None:
    body = ("Hal itu ditegaskan Anggota Bawaslu Provinsi Riau Neil Antariksa, pada rapat koordinasi "
            "di Pekanbaru.")
    assert officials_of(body) == [Official("Neil Antariksa", "Anggota Bawaslu Provinsi Riau")]


def test_named_official_who_is_not_quoted_still_counts() -> None:
    body = ("Kepala BKPSDM Kabupaten Jember, Sukowinarno, membuka sosialisasi.\n\n"
            '"Ini juga pesan Penjabat (Pj) Bupati, Bapak Hadi Sulistyo, kepada semua pegawai," '
            "kata Sukowinarno.")
    assert officials_of(body) == [
        Official("Sukowinarno", "Kepala BKPSDM Kabupaten Jember"),
        Official("Hadi Sulistyo", "Penjabat (Pj) Bupati"),
    ]


def test_one_entry_per_person_with_fullest_name() -> None:
    body = ("Ketua Bawaslu Kabupaten Bantul, Didik Joko Nugroho, memimpin rapat.\n\n"
            '"Kami awasi semua tahapan," kata Didik.\n\n'
            "Didik mengatakan laporan warga akan ditindaklanjuti.")
    assert officials_of(body) == [Official("Didik Joko Nugroho", "Ketua Bawaslu Kabupaten Bantul")]


def test_person_without_role_and_never_quoted_is_not_an_official() -> None:
    body = ("Warga bernama Joko Susilo mengadukan seorang guru ke posko.\n\n"
            "Bawaslu Kota Medan menyatakan laporan itu sedang diproses.")
    assert officials_of(body) == []


def test_candidates_are_not_officials() -> None:
    body = "Pasangan calon Bupati Bantul Joko Purnomo menggelar kampanye terbuka di lapangan."
    assert officials_of(body) == []


def test_title_case_headline_is_not_parsed_for_names() -> None:
    body = ("Kapolres Sleman Minta Personel Netral di Pilkada\n\n"
            "Personel diminta tidak berfoto dengan kandidat.")
    assert officials_of(body) == []


def test_quoted_person_without_a_role_is_a_speaker_not_an_official() -> None:
    # officials are the people who carry a role; a resident or a campaign volunteer may still be quoted
    body = '"Kami tidak mau ada guru yang ikut kampanye," kata Hendra Wijaya di Padang.'
    quotes, officials = find_quotes_and_officials(body)
    assert [q.speaker for q in quotes] == ["Hendra Wijaya"]
    assert officials == []


def test_malay_datuk_is_stripped() -> None:
    body = "Setiausaha Kerajaan Negeri Johor, Datuk Azmi Rohani berkata, penjawat awam perlu berkecuali."
    assert officials_of(body) == [Official("Azmi Rohani", "Setiausaha Kerajaan Negeri Johor")]


def test_list_role_with_commas_ends_at_the_owning_body() -> None:
    body = ("Koordinator Divisi Hukum, Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat "
            "Bawaslu Kota Batam, Yunan Aditya, mengatakan hal itu.")
    role = ("Koordinator Divisi Hukum, Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat "
            "Bawaslu Kota Batam")
    assert officials_of(body) == [Official("Yunan Aditya", role)]


def test_sentence_adverb_before_a_role_is_not_a_name() -> None:
    body = "Kemarin, Ketua KPU Kota Bandung memimpin rapat pleno."
    assert officials_of(body) == []


def test_two_roles_joined_by_dan_are_two_officials() -> None:
    body = "Bupati Belitung Timur Burhanudin dan Wakil Bupati Khairil Anwar hadir dalam apel netralitas."
    assert officials_of(body) == [Official("Burhanudin", "Bupati Belitung Timur"),
                                  Official("Khairil Anwar", "Wakil Bupati")]


def test_chained_places_and_province_short_forms_stay_in_the_role() -> None:
    body = ("Ketua DPRD Bangka Belitung Herman Suhadi dan Gubernur Sumsel Herman Deru menghadiri "
            "deklarasi netralitas.")
    assert officials_of(body) == [Official("Herman Suhadi", "Ketua DPRD Bangka Belitung"),
                                  Official("Herman Deru", "Gubernur Sumsel")]


def test_short_place_form_the_article_defines_stays_in_the_role() -> None:
    body = ("Bawaslu Kabupaten Halmahera Utara (Halut) mengimbau ASN.\n\n"
            "Ketua Bawaslu Halut Aditya Rahman mengatakan pengawasan diperketat.")
    assert officials_of(body) == [Official("Aditya Rahman", "Ketua Bawaslu Halut")]


def test_division_role_whose_body_is_named_before_the_comma_ends_at_the_comma() -> None:
    body = ("Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu Kabupaten Kuningan, Rina Marlina, S.H., "
            "menjelaskan laporan itu masih dikaji.")
    assert officials_of(body) == [
        Official("Rina Marlina", "Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu Kabupaten Kuningan")]


def test_sasak_title_lalu_stays_in_the_name_and_short_references_resolve_to_it() -> None:
    body = ("Kepala BKPSDM Lombok Tengah, Lalu Wirajaya, menggelar sosialisasi netralitas.\n\n"
            '"Pegawai wajib netral," kata Wirajaya. Lalu ia meminta camat mengawasi stafnya.')
    quotes, officials = find_quotes_and_officials(body)
    assert officials == [Official("Lalu Wirajaya", "Kepala BKPSDM Lombok Tengah")]
    assert [q.speaker for q in quotes] == ["Lalu Wirajaya"]
