"""Language detection: deterministic langdetect plus the Malay/Indonesian discriminator."""

from __future__ import annotations

import pytest

from pantau.analysis.language import SAMPLE_CHARS, UNDETERMINED, detect_language

INDONESIAN = (
    "Penjabat Wali Kota Pontianak mengingatkan seluruh pegawai di lingkungan pemerintah kota agar "
    "tidak terlibat kampanye salah satu pasangan calon. Menurutnya, aparatur sipil negara harus bisa "
    "menjaga netralitas karena sudah diatur dalam undang-undang, ujarnya di Pontianak, Selasa."
)
MALAY = (
    "Setiausaha Kerajaan Negeri berkata, semua penjawat awam perlu mematuhi arahan dan tidak terlibat "
    "dalam sebarang aktiviti kempen parti politik semasa tempoh pilihan raya. Beliau berkata, kerajaan "
    "tidak mahu ada kakitangan yang dikenakan tindakan tatatertib kerana melanggar peraturan."
)
ENGLISH = (
    "The regional secretary of South Sulawesi reminded civil servants to stay neutral during the "
    "regional elections, saying that any official found campaigning for a candidate would face sanctions."
)


def test_indonesian_is_id() -> None:
    assert detect_language(INDONESIAN) == "id"


def test_malay_is_told_apart_from_indonesian() -> None:
    assert detect_language(MALAY) == "ms"


def test_malay_news_with_words_shared_by_both_languages_stays_malay() -> None:
    text = ("KUALA LUMPUR: Menteri itu berkata, kerajaan akan memastikan semua kakitangan awam yang "
            "dilantik selepas ini menerima latihan. Beliau memaklumkan perkara itu kepada pemberita "
            "semalam, sambil menambah bahawa peruntukan baharu sudah disediakan.")
    assert detect_language(text) == "ms"


def test_indonesian_with_formal_words_malay_also_uses_stays_indonesian() -> None:
    # "beliau", "negeri", "jabatan", "boleh" are shared by both standards and decide nothing
    text = ("Beliau mengatakan pegawai negeri sipil yang menduduki jabatan struktural tidak boleh ikut "
            "kampanye. Pemerintah kabupaten sudah menerbitkan surat edaran karena masa kampanye Pilkada "
            "2024 sudah dimulai, kata Bupati.")
    assert detect_language(text) == "id"


def test_english_is_en() -> None:
    assert detect_language(ENGLISH) == "en"


def test_same_text_always_gets_same_answer() -> None:
    borderline = "Pak Camat bilang oke, ASN netral ya."
    assert len({detect_language(borderline) for _ in range(20)}) == 1


@pytest.mark.parametrize("text", ["", "   \n", "Oke", "12.345 / 2024", "ASN netral!"])
def test_empty_or_very_short_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == UNDETERMINED


def test_only_the_start_of_a_long_text_is_read() -> None:
    # an English appendix after the sample does not change the answer
    text = (INDONESIAN + " ") * (SAMPLE_CHARS // len(INDONESIAN) + 1) + ENGLISH * 50
    assert detect_language(text) == "id"


@pytest.mark.parametrize(("text", "code"), [
    ("Le secrétaire régional a rappelé aux fonctionnaires qu'ils doivent rester neutres pendant les élections "
     "locales, faute de quoi des sanctions disciplinaires seront prises.", "fr"),
    ("Der Regionalsekretär erinnerte die Beamten daran, dass sie während der Kommunalwahlen neutral bleiben "
     "müssen, sonst drohen disziplinarische Maßnahmen.", "de"),
    ("De regiosecretaris herinnerde ambtenaren eraan dat zij tijdens de lokale verkiezingen neutraal moeten "
     "blijven, anders volgen er disciplinaire maatregelen.", "nl"),
    ("地区秘书提醒公务员在地方选举期间必须保持中立，否则将受到纪律处分。选举监督机构已经开始调查。", "zh"),
    ("ذكّر الأمين الإقليمي الموظفين المدنيين بضرورة التزام الحياد خلال الانتخابات المحلية وإلا ستتخذ "
     "بحقهم إجراءات تأديبية.", "ar"),
], ids=["fr", "de", "nl", "zh", "ar"])
def test_other_languages_an_outlet_may_carry_keep_their_code(text: str, code: str) -> None:
    assert detect_language(text) == code
