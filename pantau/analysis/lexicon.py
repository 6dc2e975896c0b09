"""The word lists of attribution, read once from ``data/speech.yaml``, and the place names of the gazetteer.

Everything language-specific that quotes, mentions and people need is data:
attribution verbs, pronouns, role heads and prefixes, honorifics, ranks,
institution words, words that are never names. Adding a word to
``speech.yaml`` teaches the extractor an outlet's habit without a code change.
Place names come from the gazetteer (``data/gazetteer.tsv`` and
``region_aliases.yaml``, through :func:`pantau.analysis.regions.gazetteer`):
every province, regency, city and district is known, so a role such as
"Camat Teweh Baru Joni" or "Penjabat Gubernur Kepulauan Riau Hartono" can end
where the place ends and the name begins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pantau.analysis.morphology import active_forms, english_forms, passive_forms
from pantau.analysis.regions import gazetteer

__all__ = ["LEXICON", "Lexicon", "Places", "alternation", "fold", "places"]


def fold(word: str) -> str:
    """A word as the lists hold it: lower case, typographic apostrophe made straight ("Dato’" = "dato'")."""
    low = word.lower()
    return low.replace("’", "'") if "’" in low else low


@dataclass(frozen=True)
class Lexicon:
    """The lists of ``data/speech.yaml``, lower case; multi-word entries longest first where order matters."""

    verbs_short: tuple[str, ...]
    continuing_roots: tuple[str, ...]
    verbs_long: tuple[str, ...]
    verbs_passive: tuple[str, ...]
    pronouns: frozenset[str]
    anaphors: tuple[str, ...]
    speaker_prepositions: tuple[str, ...]
    adverbs: tuple[str, ...]
    accompaniment_words: tuple[str, ...]
    former_words: tuple[str, ...]
    term_introducers: frozenset[str]
    text_introducers: frozenset[str]
    role_heads: tuple[str, ...]
    role_heads_en: tuple[str, ...]
    role_prefixes: tuple[str, ...]
    role_aliases: dict[str, str]
    generic_heads: frozenset[str]
    role_blockers: frozenset[str]
    party_nouns: frozenset[str]
    name_like_heads: frozenset[str]
    rank_services: frozenset[str]
    candidacy_words: frozenset[str]
    campaign_words: frozenset[str]
    private_bodies: frozenset[str]
    district_heads: frozenset[str]
    village_heads: frozenset[str]
    region_words: frozenset[str]
    place_parts: frozenset[str]
    body_ends: frozenset[str]
    org_words: frozenset[str]
    named_institutions: frozenset[str]
    division_owners: frozenset[str]
    list_heads: frozenset[str]
    document_words: frozenset[str]
    place_short_forms: frozenset[str]
    honorifics: frozenset[str]
    name_titles: frozenset[str]
    name_abbreviations: frozenset[str]
    degrees: frozenset[str]
    ranks: frozenset[str]
    non_name_words: frozenset[str]
    prepositions: frozenset[str]
    name_introducers: frozenset[str]
    initials_introducers: frozenset[str]
    connectives: frozenset[str]
    person_nouns: frozenset[str]
    indefinite_persons: tuple[str, ...]
    reporting_words: frozenset[str]
    suspect_words: tuple[str, ...]
    respectively: tuple[str, ...]


def _load() -> Lexicon:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("pantau.analysis").joinpath("data/speech.yaml").read_text(encoding="utf-8"))

    def words(key: str) -> list[str]:
        return [fold(str(w)) for w in raw[key]]

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted(set(words(key)), key=len, reverse=True))

    def by_length(forms: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(forms), key=lambda w: (-len(w), w)))

    # speech verbs: roots in the data, forms by the rules of pantau.analysis.morphology
    roots = words("speech_roots_short") + words("speech_roots")
    active = {f for r in roots for f in active_forms(r)}
    active |= {f for r in words("speech_roots_en") for f in english_forms(r)}
    return Lexicon(
        verbs_short=by_length(words("speech_roots_short") + words("speech_verbs_short_extra")),
        continuing_roots=tuple(words("continuing_roots")),
        verbs_long=by_length(active | set(words("speech_verbs_irregular")) | set(words("speech_verbs_en_irregular"))),
        verbs_passive=by_length(f for r in roots for f in passive_forms(r)),
        pronouns=frozenset(words("pronouns")),
        anaphors=longest_first("anaphors"),
        speaker_prepositions=longest_first("speaker_prepositions"),
        adverbs=longest_first("adverbs"),
        accompaniment_words=longest_first("accompaniment_words"),
        former_words=longest_first("former_words"),
        term_introducers=frozenset(words("term_introducers")),
        text_introducers=frozenset(words("text_introducers")),
        role_heads=longest_first("role_heads"),
        role_heads_en=longest_first("role_heads_en"),
        role_prefixes=longest_first("role_prefixes"),
        role_aliases={fold(str(k)): fold(str(v)) for k, v in raw["role_aliases"].items()},
        generic_heads=frozenset(words("generic_heads")),
        role_blockers=frozenset(words("role_blockers")),
        party_nouns=frozenset(words("party_nouns")),
        name_like_heads=frozenset(words("name_like_heads")),
        rank_services=frozenset(words("rank_services")),
        candidacy_words=frozenset(words("candidacy_words")),
        campaign_words=frozenset(words("campaign_words")),
        private_bodies=frozenset(words("private_bodies")),
        district_heads=frozenset(words("district_heads")),
        village_heads=frozenset(words("village_heads")),
        region_words=frozenset(words("region_words")),
        place_parts=frozenset(words("place_parts")),
        body_ends=frozenset(words("body_ends")),
        org_words=frozenset(words("org_words")),
        named_institutions=frozenset(words("named_institutions")),
        division_owners=frozenset(words("division_owners")),
        list_heads=frozenset(words("list_heads")),
        document_words=frozenset(words("document_words")),
        place_short_forms=frozenset(words("place_short_forms")),
        honorifics=frozenset(words("honorifics")),
        name_titles=frozenset(words("name_titles")),
        name_abbreviations=frozenset(words("name_abbreviations")),
        degrees=frozenset(words("degrees")),
        ranks=frozenset(words("ranks")),
        non_name_words=frozenset(words("non_name_words")),
        prepositions=frozenset(words("prepositions")),
        name_introducers=frozenset(words("name_introducers")),
        initials_introducers=frozenset(words("initials_introducers")),
        connectives=frozenset(words("connectives")),
        person_nouns=frozenset(words("person_nouns")),
        indefinite_persons=longest_first("indefinite_persons"),
        reporting_words=frozenset(words("reporting_words")),
        suspect_words=longest_first("suspect_words"),
        respectively=longest_first("respectively"),
    )


LEXICON = _load()


def alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases, the longest match preferred, spaces matching any run of spaces or tabs.

    Built as a trie ("meng(?:atakan|imbau)|…"): the speech verbs derived from their roots number
    several hundred, and a flat alternation would try each of them at every word.
    """
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [(r"[ \t]+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + "|".join(branches) + ")?"  # greedy: a longer phrase first, this one if none goes on


@dataclass(frozen=True)
class Places:
    """Place names as space-free lower-case keys ("kepulauanriau", "tanjungpinang")."""

    regions: frozenset[str]  # provinces, regencies, cities, their short forms and aliases
    districts: frozenset[str]  # districts of two or more words ("mabautara"): unmistakable inside a role
    single_districts: frozenset[str]  # one-word districts ("Kisaran"): also given names, so only after "Camat"


@cache
def places() -> Places:
    """Every place name of the gazetteer, built once per process."""
    gaz = gazetteer()
    regions = set(gaz.bare) | {fold(w).replace(" ", "") for w in LEXICON.place_short_forms}
    multi = {n.replace(" ", "") for n in gaz.district_names if " " in n}
    single = {n for n in gaz.district_names if " " not in n}
    return Places(frozenset(regions), frozenset(multi - regions), frozenset(single - regions))
