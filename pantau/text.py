"""Text as a person reads it: cut at a word with "…" (only when cut), quote marks paired, and a
stored article's time, region and tag evidence as the mail and the browse page show them.

Every place that shows an excerpt to a person (search output, ``pantau demo``, alert mail,
the browser view) goes through here, so an excerpt never ends in half a word and never
claims to be cut when it is whole, and the mail and the browse page never tell an article apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pantau.wib import reader_time

ELLIPSIS = "…"
_CLOSING = {"“": "”", '"': '"'}


def shorten(text: str, limit: int) -> str:
    """``text`` with its whitespace collapsed, cut to at most ``limit`` characters at a word, plus "…".

    A text of ``limit`` characters or fewer is returned whole, without "…". A single word longer
    than ``limit`` is cut inside itself (there is no better place).
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: max(limit - len(ELLIPSIS), 1)]
    if flat[len(cut)] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def pair_quotes(text: str) -> str:
    """``text`` with each opening double quote closed and each closing one opened.

    An evidence sentence cut out of a quotation (``“ASN harus netral.`` or ``… kami tindak,” kata
    Sekda.``) would otherwise open a quote the message never closes. Curly and straight marks are
    counted together (copy often opens with “ and closes with "): a straight mark opens at the
    start or after a space or bracket, and closes anywhere else.
    """
    opened: list[str] = []  # marks still open, innermost last
    missing = ""  # closing marks with nothing open before them
    for i, char in enumerate(text):
        if char == "“" or (char == '"' and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{")):
            opened.append(char)
        elif char in "”\"":
            if opened:
                opened.pop()
            else:
                missing += "“" if char == "”" else '"'
    return missing[::-1] + text + "".join(_CLOSING[mark] for mark in reversed(opened))


def place_line(region: dict[str, str | None]) -> str:
    """A stored region as the mail and the browse page name it: "Kabupaten Belitung, Kepulauan
    Bangka Belitung", or the province alone."""
    return ", ".join(p for p in (region.get("regency"), region.get("province")) if p)


def published_line(published: str | None) -> str:
    """A stored ``published`` in WIB, day first ("01-11-2024 09:30 WIB"), or that it is unknown."""
    return reader_time(datetime.fromisoformat(published)) if published else "waktu terbit tidak diketahui"


def evidence_by_sentence(doc: Mapping[str, Any]) -> list[tuple[list[str], str]]:
    """(tags, sentence) pairs of a stored document: each tag with its own evidence, tags sharing
    one sentence together.

    A tag shows the first of its sentences no earlier tag shows (its own evidence, when it has
    some); a tag whose sentences are all taken joins the tags of its first one, instead of the
    same opening sentence being repeated for five tags. Order: the tags' own.
    """
    evidence = {e["tag"]: e["sentences"] for e in doc.get("tag_evidence") or []}
    groups: dict[str, list[str]] = {}
    for tag in doc.get("tags") or []:
        sentences = evidence.get(tag) or [""]
        sentence = next((s for s in sentences if s not in groups), sentences[0])
        groups.setdefault(sentence, []).append(tag)
    return [(grouped, pair_quotes(sentence)) for sentence, grouped in groups.items()]
