"""Text as a person reads it: cut at a word with "…" (only when cut), quote marks paired, a region named.

Every place that shows an excerpt to a person (search output, ``pantau demo``, alert mail,
the browser view) goes through here, so an excerpt never ends in half a word and never
claims to be cut when it is whole.
"""

from __future__ import annotations

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


def evidence_by_sentence(tags: list[str], evidence: dict[str, list[str]]) -> list[tuple[list[str], str]]:
    """(tags, sentence) pairs: each tag with its own evidence, tags sharing one sentence together.

    A tag shows the first of its sentences no earlier tag shows (its own evidence, when it has
    some); a tag whose sentences are all taken joins the tags of its first one, instead of the
    same opening sentence being repeated for five tags. Order: the tags' own.
    """
    groups: dict[str, list[str]] = {}
    for tag in tags:
        sentences = evidence.get(tag) or [""]
        sentence = next((s for s in sentences if s not in groups), sentences[0])
        groups.setdefault(sentence, []).append(tag)
    return [(grouped, pair_quotes(sentence)) for sentence, grouped in groups.items()]
