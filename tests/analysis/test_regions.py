"""Region finding: official names from the whole gazetteer, short forms, datelines and ambiguity."""

from __future__ import annotations

from pantau.analysis.lexicon import LEXICON, fold, places
from pantau.analysis.regions import find_regions, gazetteer
from pantau.models import Region

BABEL = "Kepulauan Bangka Belitung"


def regions(body: str, **kwargs: object) -> list[tuple[str, str | None]]:
    return [(r.province, r.regency) for r in find_regions(body, **kwargs)]  # type: ignore[arg-type]


def test_gazetteer_has_all_provinces_and_regencies() -> None:
    gaz = gazetteer()
    provinces = {p.province for p in gaz.explicit.values()}
    regencies = {p.regency for p in gaz.explicit.values() if p.regency}
    assert len(provinces) == 38 and len(regencies) == 514
    assert {"Papua Pegunungan", "Papua Barat Daya", "Kepulauan Bangka Belitung"} <= provinces


def test_the_role_lexicon_lists_only_places_the_gazetteer_lacks() -> None:
    """Indonesian names and short forms come from the gazetteer and region_aliases.yaml alone; a
    hand-kept copy of them in the role lexicon would drift (Malaysian states are its own)."""
    extra = {fold(w).replace(" ", "") for w in LEXICON.place_short_forms}
    assert extra and not extra & set(gazetteer().bare)
    assert {"sumsel", "babel", "sabah"} <= places().regions


def test_explicit_regency_of_another_province() -> None:
    assert regions("Bawaslu Kabupaten Lombok Timur memanggil dua kepala desa.") == [
        ("Nusa Tenggara Barat", "Kabupaten Lombok Timur")]


def test_kab_abbreviation_resolves() -> None:
    assert regions("Sekda Kab. Tanah Datar mengingatkan ASN agar netral.") == [
        ("Sumatera Barat", "Kabupaten Tanah Datar")]


def test_short_forms_resolve() -> None:
    assert regions("Bawaslu Basel mengingatkan ASN.") == [(BABEL, "Kabupaten Bangka Selatan")]
    assert regions("Bawaslu Halut menemukan ASN berpose dengan paslon.") == [
        ("Maluku Utara", "Kabupaten Halmahera Utara")]
    assert regions("Pj Bupati Beltim membuka apel netralitas.") == [(BABEL, "Kabupaten Belitung Timur")]


def test_bare_belitung_is_the_regency_not_belitung_timur_or_the_province() -> None:
    assert regions("Pilkada di Belitung berjalan aman, kata Ketua KPU Belitung.") == [
        (BABEL, "Kabupaten Belitung")]


def test_bangka_belitung_is_the_province() -> None:
    assert regions("Gubernur Bangka Belitung melantik pejabat baru.") == [(BABEL, None)]


def test_dateline_capital_gives_the_regency_when_the_text_names_nothing_more() -> None:
    assert regions("TANJUNGPANDAN, BELITONGEKSPRES.COM - Dinas Kominfo mengimbau ASN bijak.") == [
        (BABEL, "Kabupaten Belitung")]
    assert regions("MUNTOK - Ratusan ASN mengikuti apel netralitas.") == [(BABEL, "Kabupaten Bangka Barat")]


def test_dateline_district_name_resolves() -> None:
    assert regions("TOBELO - Pj Bupati mengingatkan ASN agar tidak berpolitik praktis.") == [
        ("Maluku Utara", "Kabupaten Halmahera Utara")]


def test_provincial_government_story_is_the_province_whatever_the_dateline() -> None:
    text = ("Semarang (ANTARA) - Pemerintah Provinsi Jawa Tengah mengingatkan ASN untuk netral. "
            "Sekda Provinsi Jawa Tengah menyampaikan hal itu di Semarang, Senin.")
    assert regions(text) == [("Jawa Tengah", None)]


def test_bare_bengkulu_with_provincial_government_is_the_province() -> None:
    text = "Bengkulu (ANTARA) - Gubernur Bengkulu mengingatkan ASN di lingkungan Pemprov Bengkulu netral."
    assert regions(text) == [("Bengkulu", None)]


def test_bengkulu_with_city_government_is_the_city() -> None:
    assert regions("Wali Kota Bengkulu mengimbau ASN Pemkot Bengkulu netral dalam Pilkada.") == [
        ("Bengkulu", "Kota Bengkulu")]


def test_regency_and_city_of_one_name_follow_the_explicit_form() -> None:
    assert regions("Pemkab Bogor mengimbau ASN netral. Di Bogor, ASN diawasi ketat.") == [
        ("Jawa Barat", "Kabupaten Bogor")]
    assert regions("Pemkot Bogor mengimbau ASN netral. Wali Kota Bogor menyampaikan itu.") == [
        ("Jawa Barat", "Kota Bogor")]


def test_foreign_place_yields_no_region() -> None:
    assert regions("KOTA BHARU - Penjawat awam di Kelantan diingatkan supaya tidak berkempen.") == []


def test_person_name_equal_to_a_regency_is_not_a_place() -> None:
    text = "Kepala BKD, Agam Wijaya, mengatakan pegawai harus netral. Menurut Agam, aturan sudah jelas."
    assert regions(text) == []


def test_common_word_regency_needs_a_place_context() -> None:
    assert regions("Malang nasib pegawai honorer itu. Batu besar menutup jalan desa.") == []
    assert regions("Pj Wali Kota Batu mengingatkan ASN di Batu agar netral.") == [("Jawa Timur", "Kota Batu")]


def test_two_regencies_are_listed_most_mentioned_first_without_their_province() -> None:
    text = ("Bawaslu Kabupaten Bangka Tengah dan Bawaslu Kabupaten Belitung Timur menggelar rapat. "
            "Bawaslu Bangka Tengah menemukan dua ASN melanggar.")
    assert regions(text) == [(BABEL, "Kabupaten Bangka Tengah"), (BABEL, "Kabupaten Belitung Timur")]


def test_title_weighs_in() -> None:
    body = "Bawaslu menemukan dua ASN yang menyukai unggahan paslon di media sosial."
    assert regions(body, title="Bawaslu Kutai Kartanegara Temukan Dua ASN") == [
        ("Kalimantan Timur", "Kabupaten Kutai Kartanegara")]


def test_fallback_only_when_the_text_names_nothing() -> None:
    home = Region(BABEL)
    assert find_regions("Pemerintah mengingatkan ASN untuk netral.", fallback=home) == [home]
    assert regions("Bawaslu Kota Padang menggelar sosialisasi.", fallback=home) == [
        ("Sumatera Barat", "Kota Padang")]
