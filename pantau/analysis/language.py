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
Only the first ``SAMPLE_CHARS`` characters are read, and only the first
``NGRAM_CHARS`` of them by langdetect: the language of a news article is
settled long before that, and langdetect's cost grows with length (the cheap
marker count reads the longer sample, where Malay and Indonesian differ in a
word or two).

Only the ``PROFILES`` that can turn up on an Indonesian or Malaysian news site
are loaded, not all 55: every profile costs memory in each crawl worker (all
55 took 62 MiB, these 18 take 18) and time for every n-gram, and a profile
for a language no outlet writes in is one more way to mistake short
Indonesian copy for it. Text in a language outside the list gets the code of
the nearest one listed; it is not Indonesian or English either way, which is
what tagging needs to know.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import islice
from pathlib import Path

import yaml
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

UNDETERMINED = "und"
SAMPLE_CHARS = 1500
NGRAM_CHARS = 400  # 600 detected no gold-set or benchmark article differently, at 0.3 ms more (issue 13)
PROFILES = ("id", "tl", "en", "nl", "de", "fr", "es", "pt", "it", "ru", "ar", "hi", "th", "vi", "zh-cn", "zh-tw",
            "ja", "ko")
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
    """langdetect's profiles of the ``PROFILES`` languages, loaded once, with a fixed seed."""
    factory = DetectorFactory()
    profiles = Path(PROFILES_DIRECTORY)
    factory.load_json_profile([(profiles / code).read_text(encoding="utf-8") for code in PROFILES])
    factory.seed = SEED
    return factory


def malay_or_indonesian(text: str, detected: str) -> str:
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


def too_short(sample: str) -> bool:
    """Fewer than ``MIN_LETTERS`` letters: no detector can be trusted with it (see the module docstring)."""
    # (counting stops at the MIN_LETTERS-th letter: a whole article sample needs no full count)
    return next(islice(_LETTER.finditer(sample), MIN_LETTERS - 1, None), None) is None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text; "und" when it is too short to judge (see the module docstring)."""
    sample = text[:SAMPLE_CHARS]
    if too_short(sample):
        return UNDETERMINED
    detector = _factory().create()
    detector.append(sample[:NGRAM_CHARS])
    try:
        code = str(detector.detect())
    except LangDetectException:
        return UNDETERMINED
    if code in ("id", "tl"):
        return malay_or_indonesian(sample, code)
    return code.split("-")[0]
