"""Body cleaning: keep the article text, drop what regional news templates wrap around it.

Extraction (trafilatura) removes most page chrome, but Indonesian regional
sites put junk *inside* the article container, and plain-text input carries
all of it: "BACA JUGA:" inserts, "Simak Video" and "[Gambas:Video 20detik]",
ADVERTISEMENT labels, "Bacaan Lainnya"/"Pos terkait" blocks, comment forms,
"Kategori :", copyright lines, reporter/editor bylines, photo captions, view
counters, trailing reporter initials "(fyk/ash)", and templates that print the
whole body twice. The patterns are data (``data/boilerplate.yaml``), grouped by
class, so a new template's junk is an entry there, not code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

BOILERPLATE_FILE = "data/boilerplate.yaml"


def _any_of(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@dataclass(frozen=True)
class Boilerplate:
    """The compiled patterns of ``data/boilerplate.yaml``, one regex per section (and per class)."""

    classes: dict[str, dict[str, re.Pattern[str]]]  # section -> class -> pattern, for tests and tools
    junk_block: re.Pattern[str]  # class/id words of blocks that never hold article text
    hidden_block: re.Pattern[str]  # class words of blocks readers do not see
    paragraph: re.Pattern[str]  # a whole paragraph that is dropped
    end_of_article: re.Pattern[str]  # from here on nothing is article text
    promo_platform: re.Pattern[str]  # a follow promo at the end of the body names one of these …
    promo_cue: re.Pattern[str]  # … and carries one of these
    trailing: re.Pattern[str]  # sign-offs at the end of the body (case-sensitive)


@cache
def load_boilerplate() -> Boilerplate:
    raw: dict[str, dict[str, list[str]]] = yaml.safe_load(
        resources.files("pantau.analysis").joinpath(BOILERPLATE_FILE).read_text(encoding="utf-8"))
    flags = {"trailing": 0}
    classes = {section: {name: _any_of(patterns, flags.get(section, re.IGNORECASE))
                         for name, patterns in entries.items()}
               for section, entries in raw.items()}

    def section(name: str) -> list[str]:
        return [p for patterns in raw[name].values() for p in patterns]

    trailing = "|".join(f"(?:{p})" for p in section("trailing"))
    promo = raw["follow_promo"]
    return Boilerplate(
        classes=classes,
        junk_block=_any_of(section("junk_blocks")),
        hidden_block=_any_of(section("hidden_blocks")),
        paragraph=re.compile(f"^(?:{'|'.join(f'(?:{p})' for p in section('paragraphs'))})$", re.IGNORECASE),
        end_of_article=_any_of(section("end_of_article")),
        promo_platform=re.compile(rf"\b(?:{'|'.join(promo['platform'])})\b", re.IGNORECASE),
        promo_cue=re.compile(rf"\b(?:{'|'.join(f'(?:{p})' for p in promo['cue'])})\b", re.IGNORECASE),
        # a sign-off ends the text: after the last sentence's final punctuation, or as the whole last line
        trailing=re.compile(rf"(?:^|(?<=[.!?\"'”’])\s*)(?:{trailing})\s*$"),
    )


# A follow promo at the end of the body is at most this many words (a sentence about the platform is longer).
MAX_PROMO_WORDS = 25
# A paragraph repeating a sentence of another one (a pull quote) has at least this many words.
MIN_REPEATED_WORDS = 8
_SENTENCE_END = (".", "!", "?")
_CLOSING = "\"'”’)"
_SENTENCES = re.compile(r"(?<=[.!?])[\"'”’]?\s+")
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
    boilerplate = load_boilerplate()
    title_key = paragraph_key(title) if title else None
    seen: set[str] = set()
    kept: list[str] = []
    keys: list[str] = []
    for paragraph in split_paragraphs(text):
        if boilerplate.end_of_article.match(paragraph):
            break
        if boilerplate.paragraph.match(paragraph):
            continue
        key = paragraph_key(paragraph)
        if not key or key in seen or (title_key and key == title_key and kept):
            continue
        if title_key and key == title_key:
            continue  # the headline is metadata when we know it
        seen.add(key)
        kept.append(paragraph)
        keys.append(key)
    kept = _without_repeated_sentences(kept, keys)
    _drop_tail(kept, boilerplate)
    return "\n\n".join(kept)


def _without_repeated_sentences(kept: list[str], keys: list[str]) -> list[str]:
    """Drop a paragraph that only repeats a sentence of another one: a pull quote.

    Templates print a sentence of the text again, large, beside it; in the
    extracted text it is a paragraph of its own, found word for word inside
    another paragraph. Only whole sentences of :data:`MIN_REPEATED_WORDS` words
    or more count: a short label or list item may well recur in a sentence.
    When the paragraph holding it is itself made of sentences found in other
    paragraphs (a teaser above the text strung together from the body), the
    repeat is that paragraph's, and the body's own paragraph stays.
    ``keys`` are the paragraphs' :func:`paragraph_key`.
    """
    def echoed(i: int) -> bool:
        key = keys[i]
        return any(len(other) > len(key) and key in other and not _compiled(j, i, kept, keys)
                   for j, other in enumerate(keys))

    return [p for i, p in enumerate(kept)
            if not (p.rstrip(_CLOSING).endswith(_SENTENCE_END) and len(p.split()) >= MIN_REPEATED_WORDS
                    and echoed(i))]


def _compiled(j: int, quoted: int, kept: list[str], keys: list[str]) -> bool:
    """Paragraph ``j`` holds, besides paragraph ``quoted``, a sentence found in a third paragraph."""
    for sentence in _SENTENCES.split(kept[j]):
        key = paragraph_key(sentence)
        if len(sentence.split()) >= MIN_REPEATED_WORDS // 2 and key not in keys[quoted] \
                and any(key in other for k, other in enumerate(keys) if k not in (j, quoted)):
            return True
    return False


def _drop_tail(kept: list[str], boilerplate: Boilerplate) -> None:
    """Take the sign-offs and follow promos off the end of the body (in place).

    "… katanya. (fyk/ash)", a last line "DINI TEJA" or "(ant)", and the
    promos templates append ("Ikuti berita terkini … di Google News") in any
    order among them.
    """
    while kept:
        last = kept[-1]
        if is_follow_promo(last, boilerplate):
            kept.pop()
            continue
        signed = boilerplate.trailing.sub("", last).rstrip()
        if signed == last:
            return
        if signed:
            kept[-1] = signed
            return
        kept.pop()


def is_follow_promo(paragraph: str, boilerplate: Boilerplate | None = None) -> bool:
    """A short line naming a news distribution platform with a promo cue ("Ikuti … di Google News")."""
    boilerplate = boilerplate or load_boilerplate()
    return (len(paragraph.split()) <= MAX_PROMO_WORDS and bool(boilerplate.promo_platform.search(paragraph))
            and bool(boilerplate.promo_cue.search(paragraph)))
