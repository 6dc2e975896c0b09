"""Language of the body: langdetect made deterministic, plus a Malay check.

langdetect is random by design (it samples n-grams); seeding its factory once
makes the same text always get the same answer. It has no Malay profile and
calls Malay text "id", so Indonesian-or-Malay answers are settled by words
that only one of the two standard languages uses (kerana/karena, kerajaan/
pemerintah, semasa/selama …).
"""

from __future__ import annotations

import re
from functools import lru_cache

from langdetect import DetectorFactory, detector_factory
from langdetect.lang_detect_exception import LangDetectException

UNDETERMINED = "und"  # ISO 639-2 "undetermined": empty or letter-less text
SAMPLE_CHARS = 2000  # enough for a stable answer; bounds the cost on long pages

MALAY_WORDS = frozenset("""
berkata kerana mahu semasa kerajaan penjawat awam sebarang tatatertib kakitangan kempen parti mengundi
pengundi tempoh bermula beliau wang jabatan negeri daripada boleh ialah perkhidmatan menteri besar
setiausaha semalam pemberita kenyataan akhbar sebelum dilantik bahawa iaitu selepas sekiranya
""".split())
INDONESIAN_WORDS = frozenset("""
karena mau selama pemerintah pegawai kampanye partai memilih pemilih bisa sudah tersebut mengatakan
ujarnya katanya kata pemkab pemprov kabupaten desa kecamatan tidak akan juga dalam yang telah seperti
menurut bahwa setelah apabila saat ini
""".split())
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _factory_ready() -> bool:
    """Load the language profiles once and fix the seed (langdetect keeps a module-level factory)."""
    detector_factory.init_factory()
    DetectorFactory.seed = 0
    return True


def _malay_or_indonesian(text: str) -> str:
    words = _WORD.findall(text.casefold())
    malay = sum(1 for w in words if w in MALAY_WORDS)
    indonesian = sum(1 for w in words if w in INDONESIAN_WORDS)
    return "ms" if malay > indonesian else "id"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text ("und" when there is nothing to judge)."""
    sample = text[:SAMPLE_CHARS]
    if not re.search(r"[^\W\d_]{2,}", sample):
        return UNDETERMINED
    _factory_ready()
    detector = detector_factory._factory.create()  # type: ignore[union-attr]
    detector.append(sample)
    try:
        code = str(detector.detect())
    except LangDetectException:
        return UNDETERMINED
    if code in ("id", "ms", "tl"):
        return _malay_or_indonesian(sample)
    return code.split("-")[0]
