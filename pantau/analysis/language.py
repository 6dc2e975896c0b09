"""Language of the body: langdetect made deterministic, plus a Malay check.

langdetect is random by design (it samples n-grams); a factory of our own with
a fixed seed, built once, makes the same text always get the same answer
without touching langdetect's module-level state. It has no Malay profile and
calls Malay text "id", so an Indonesian-or-Malay answer is settled by words
that only one of the two standard languages uses in news (kerana/karena,
kerajaan/pemerintah, mahu/mau, selepas/setelah …; data/language_markers.yaml).
Words the two share ("yang", "tidak", "beliau", "negeri") say nothing and are
not counted.

Text with fewer than ``MIN_LETTERS`` letters gets "und" (the BCP 47 / ISO 639-2
code for "undetermined"): langdetect guesses wildly on a word or two ("Oke"
comes out Afrikaans), and a wrong language would silently switch off tagging.
Only the first ``SAMPLE_CHARS`` characters are read: the language of a news
article is settled long before that, and langdetect's cost grows with length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

UNDETERMINED = "und"
SAMPLE_CHARS = 1500
MIN_LETTERS = 20
SEED = 0

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], frozenset[str]]:
    """Malay-only and Indonesian-only words of data/language_markers.yaml."""
    data = yaml.safe_load(resources.files("pantau.analysis").joinpath("data/language_markers.yaml").read_text("utf-8"))
    return frozenset(data["malay"]), frozenset(data["indonesian"])


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """All of langdetect's language profiles, loaded once (about 0.3 s), with a fixed seed."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = SEED
    return factory


def _malay_or_indonesian(text: str, detected: str) -> str:
    """Settle langdetect's "id" (or its Tagalog confusion) by words only one of Malay and Indonesian uses."""
    malay_markers, indonesian_markers = _markers()
    words = _WORD.findall(text.casefold())
    # "pilihan raya", "sekali gus": two-word markers, looked up as joined pairs
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    malay = sum(1 for w in words + pairs if w in malay_markers)
    indonesian = sum(1 for w in words if w in indonesian_markers)
    if malay >= 2 and malay > indonesian:
        return "ms"
    if detected == "id" or indonesian:
        return "id"
    return detected


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text; "und" when it is too short to judge (see the module docstring)."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    detector = _factory().create()
    detector.append(sample)
    try:
        code = str(detector.detect())
    except LangDetectException:
        return UNDETERMINED
    if code in ("id", "tl"):
        return _malay_or_indonesian(sample, code)
    return code.split("-")[0]
