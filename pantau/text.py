"""Text as a person reads it: cut at a word with "…" (only when cut), quote marks paired.

Every place that shows an excerpt to a person (search output, ``pantau demo``, alert mail,
the browser view) goes through here, so an excerpt never ends in half a word and never
claims to be cut when it is whole.
"""

from __future__ import annotations

ELLIPSIS = "…"
_PAIRS = (("“", "”"), ("‘", "’"))


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
    """``text`` with each opening quote mark closed and each closing one opened.

    An evidence sentence cut out of a quotation (``“ASN harus netral.`` or ``… kami tindak,” kata
    Sekda.``) would otherwise open a quote the message never closes.
    """
    for opening, closing in _PAIRS:
        depth = missing_open = 0
        for char in text:
            if char == opening:
                depth += 1
            elif char == closing:
                if depth:
                    depth -= 1
                else:
                    missing_open += 1
        text = opening * missing_open + text + closing * depth
    if text.count('"') % 2:
        first = text.index('"')
        opens = first == 0 or text[first - 1].isspace() or text[first - 1] in "([{"
        text = text + '"' if opens else '"' + text
    return text
