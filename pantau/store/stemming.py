"""Indonesian stems for search: Sastrawi (PySastrawi), memoised per word.

Sastrawi is the maintained Indonesian stemmer of the Nazief-Adriani family: it strips the
affixes of Indonesian morphology (meng-/me-/di-/ber-/ter-/pe-/ke-, -an/-kan/-i, -nya,
particles) only while the remainder is a root in its dictionary of about 30,000 words, so
names and foreign words are left alone. Examples (PySastrawi 1.2): ``imbauan``, ``mengimbau``,
``diimbau`` → ``imbau``; ``kenetralan``, ``menetralkan`` → ``netral``, but ``netralitas`` stays
``netralitas`` (no ``-itas`` rule: search ``netral*`` to reach it); ``pelanggaran``,
``melanggar`` → ``langgar``; ``pemilu`` → ``milu``. Non-standard spellings (``himbauan``) are not
in its dictionary and stay as they are.

One call costs about 50 µs, so every distinct word is stemmed once per process (``stem`` is
memoised); after the first few hundred articles nearly every word of a new article is a hit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from pantau.store.query import WORD

MEMO_WORDS = 200_000  # distinct words remembered per process: a few years of a region's news, ~30 MB


@cache
def _sastrawi():  # type: ignore[no-untyped-def]  # PySastrawi has no type hints
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=MEMO_WORDS)
def stem(word: str) -> str:
    """The stem of one folded word (see :func:`fold`); words with digits are their own stem."""
    if not word.isalpha() or not word.isascii():
        return word
    stemmed: str = _sastrawi().stem(word)
    return stemmed if stemmed and " " not in stemmed else word


@lru_cache(maxsize=MEMO_WORDS)
def fold(word: str) -> str:
    """A word as the FTS5 ``unicode61 remove_diacritics 2`` tokenizer indexes it: lower case, no accents."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded tokens of ``text``, in order (FTS5's tokens, for the texts pantau stores)."""
    return [fold(w) for w in WORD.findall(text)]


def distinct_words(texts: Iterable[str]) -> set[str]:
    """The distinct folded tokens of ``texts`` (each distinct token folded once, not each occurrence)."""
    found: set[str] = set()
    for text in texts:
        found.update(WORD.findall(text))
    return {fold(w) for w in found}
