"""compile_cue: the first-character lookahead only speeds a pattern up, it never changes what matches."""

from __future__ import annotations

import re

import pytest

from pantau.analysis.prefilter import compile_cue
from pantau.analysis.tags import rules

TEXTS = [
    "bupati mengimbau asn tetap netral pada pilkada 2024, kata dia.",
    "pj bupati (di)ingatkan: asn dilarang ikut kampanye! 'jangan' -- 12 orang",
    "ketua bawaslu x membenarkan pihaknya memanggil kades y untuk klarifikasi",
    "The Regent urged civil servants to stay neutral in the 2024 regional elections.",
    "  tombol like, me-like, nge-share #pilkada2024 @kpu ...",
    "",
]

PATTERNS = [
    r"\b((meng|di)?imbau\w*|(di)?ingatkan|jangan)\b(?! (klarifikasi|warga))",
    r"(?<!tahun )(?<!/)\b((?:19|20)\d\d)\W+(?:(?!tentang\b)[\w-]+\W+){0,3}?pilkada",
    r"\s+(sebelumnya|lalu)\b",
    r"tombol \W?like|(me|nge)-?(like|share)",
    r"[#@]\w+|\d+ orang",
    r"(?:a|b)?[a-z]+-?like",
    r"(p)\w+\1",  # a back-reference after the first character
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_matches_as_the_plain_pattern_does(pattern: str) -> None:
    plain, cued = re.compile(pattern), compile_cue(pattern)
    assert cued.pattern.startswith("(?=[")
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in cued.finditer(text)] == \
               [(m.span(), m.groups()) for m in plain.finditer(text)]
        for i in range(len(text)):  # .match at an offset, as the rules also use patterns
            assert (m.span() if (m := cued.match(text, i)) else None) == \
                   (m.span() if (m := plain.match(text, i)) else None)


def test_the_lookahead_holds_exactly_the_possible_first_characters() -> None:
    assert compile_cue(r"\b((meng|di)?imbau|ikrar)\b").pattern.startswith("(?=[dim])")
    assert compile_cue(r"(?:19|20)\d\d|[a-c]x|\s+lalu").pattern.startswith(r"(?=[12\sa-c])")


@pytest.mark.parametrize("pattern", [
    r"(sebelumnya)?",  # may match nothing: no character is certain
    r"\b.{0,5}kampanye",  # any character
    r"[^,]+,",  # a negated class
    r"(?i:asn)|pns",  # a case-insensitive part
    r"(?i)asn",  # a global flag, which must stay first
    r"(a)?\1x",  # a back-reference where a match may start
])
def test_patterns_whose_start_cannot_be_told_are_compiled_as_they_are(pattern: str) -> None:
    assert compile_cue(pattern).pattern == pattern


def test_every_tag_rule_pattern_gets_its_lookahead() -> None:
    """The speed of the tag stage rests on it (issue 13): a data pattern the parser cannot read loses it."""
    r = rules()
    assert all(rule.any.pattern.startswith("(?=[") for rule in r.tags)
