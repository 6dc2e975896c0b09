"""Body cleaning: keep the article text, drop what regional news templates wrap around it.

Extraction (trafilatura) removes most page chrome, but Indonesian regional
sites put junk *inside* the article container, and plain-text input carries
all of it: "BACA JUGA:" inserts, "Bacaan Lainnya"/"Pos terkait" blocks, comment
forms, "Kategori :", copyright lines, reporter/editor bylines, photo captions,
view counters, and templates that print the whole body twice. The patterns
are named constants so a new outlet's junk is one line here, not code.
"""

from __future__ import annotations

import re
import unicodedata

# A whole paragraph matching one of these is dropped.
JUNK_PARAGRAPHS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^baca\s*(juga|pula)\b.*$",  # BACA JUGA: <headline> / Baca juga: …
        r"^(bacaan|berita|artikel)\s+(lainnya|terkait|lain)\s*:?$",
        r"^(pos|post|tulisan)\s+terkait\s*:?$",
        r"^(kategori|tags?|topik|label)\s*:.*$",
        r"^(reporter|wartawan|penulis|pewarta|editor|penyunting|redaktur|fotografer|sumber)\s*:.*$",
        r"^(copyright|hak\s+cipta)\b.*$",
        r"^©.*$",
        r"^tinggalkan\s+(balasan|komentar)\b.*$",
        r"^alamat\s+email\s+anda\s+tidak\s+akan\s+dipublikasikan.*$",
        r"^(komentar|nama|email|situs\s*web|website)\s*\*?\s*:?$",
        r"^simpan\s+nama\s*,?\s*email.*$",
        r"^(kirim\s+komentar|beri\s+komentar|share|bagikan|ikuti\s+kami|follow\s+us).{0,40}$",
        r"^(dilarang\s+mengambil|dilarang\s+keras\s+mengambil).*$",
        r"^(sumber|foto|ilustrasi)\s*:\s*\S+.{0,60}$",
        r"^.{0,300}\bfoto\s*:\s*(ist|istimewa|dok|net|humas|antara)[\w./ -]{0,30}$",  # photo caption
        # "Senin, 30 September 2024 20:06 WIB 1123": date line with a view counter
        r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b,?\s+\d{1,2}\s+\w+\s+\d{4}"
        r"(\s*[-–|]?\s*\d{1,2}[:.]\d{2}(\s*(wib|wita|wit))?)?(\s+\d+)?$",
    )
)

# A trailing marker at the end of the last paragraph: author initials "(LN)", "(ant)", a lone "*".
TRAILING_SIGNOFF = re.compile(r"\s*(\((?:[A-Z]{1,5}|[a-z]{2,5})(?:/[A-Za-z]{1,5})*\)|\*+)\s*$")

# Once one of these starts a paragraph, nothing after it is article text.
END_OF_ARTICLE = re.compile(
    r"^(pos\s+terkait|berita\s+terkait|artikel\s+terkait|tinggalkan\s+balasan|tinggalkan\s+komentar|"
    r"komentar\s+facebook|related\s+posts?)\b",
    re.IGNORECASE,
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_KEY_CHARS = re.compile(r"[\W_]+")


def paragraph_key(paragraph: str) -> str:
    """Normalised identity of a paragraph, to find the template's repeats."""
    return _KEY_CHARS.sub("", paragraph.casefold())


def split_paragraphs(text: str) -> list[str]:
    """Every non-empty line is a paragraph (extractors emit one paragraph per line)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return [p for p in (_SPACES.sub(" ", line).strip() for line in text.split("\n")) if p]


def clean_body(text: str, *, title: str | None = None) -> str:
    """Return the article body: paragraphs separated by blank lines, junk and repeats removed."""
    title_key = paragraph_key(title) if title else None
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in split_paragraphs(text):
        if END_OF_ARTICLE.match(paragraph):
            break
        if any(p.match(paragraph) for p in JUNK_PARAGRAPHS):
            continue
        key = paragraph_key(paragraph)
        if not key or key in seen or (title_key and key == title_key and kept):
            continue
        if title_key and key == title_key:
            continue  # the headline is metadata when we know it
        seen.add(key)
        kept.append(paragraph)
    if kept:
        kept[-1] = TRAILING_SIGNOFF.sub("", kept[-1])
        if not kept[-1]:
            kept.pop()
    return "\n\n".join(kept)
