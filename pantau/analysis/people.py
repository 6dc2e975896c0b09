"""The persons of one article and what each short reference points to (coreference).

A person is introduced once in full and named afterwards by a first name or
surname ("Agus" for "Agus Salim Harahap"), a truncation or typo ("Iqba",
"Aswab" for "Aswan"), initials ("ASB" for "Akhmad Saeful Bakhri"), or a
role alone ("Kapolda", "sekda", "the governor"). :class:`People` groups the
named mentions into persons, longest names first so every short form joins
the fullest name, and resolves later references to them; where several
persons fit, the one mentioned most recently before the reference wins.

Officials are the persons who carry a public role. A candidate's or campaign
team's role ("calon bupati nomor urut 1", "Ketua Tim Pemenangan paslon"), or one
in a private body (a legal team, a company, an NGO), is no public office, so such
a person, like one quoted without any role (a resident), is a speaker, not an
official.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pantau.analysis.lexicon import LEXICON
from pantau.analysis.mentions import Mention, initials, is_specific_role, name_key, role_key
from pantau.models import Official

__all__ = ["People", "Person"]

_ALL_CAPS = re.compile(r"^[A-Z]{2,5}$")


@dataclass
class _Role:
    text: str
    no_office: bool
    pos: int


@dataclass
class Person:
    """One person of the article: fullest name, the roles stated for them, where they were mentioned."""

    name: str
    roles: list[_Role] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)

    @property
    def role(self) -> str | None:
        """The role the article introduces the person with, or a later, fuller statement of that role."""
        offices = [r.text for r in self.roles if not r.no_office] or [r.text for r in self.roles]
        if not offices:
            return None
        chosen = offices[0]
        for later in offices[1:]:
            if role_key(chosen) < role_key(later):
                chosen = later  # "Kapolres" then "Kapolres Asmat": the same office, said in full
        return chosen

    @property
    def is_official(self) -> bool:
        """A public role held, by someone the article names (people known by initials only are not listed)."""
        return any(not r.no_office for r in self.roles) and not _ALL_CAPS.match(self.name)

    def official(self) -> Official:
        return Official(name=self.name, role=self.role)

    def last_before(self, pos: int) -> int:
        return max((x for x in self.positions if x <= pos), default=-1)


def _one_typo(a: str, b: str) -> bool:
    """One letter changed, added or dropped ("Aswab"/"Aswan"), in words long enough for that to be a typo."""
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _abbreviates(short: str, full: str) -> bool:
    """An initial or a name abbreviation of a word: "m" or "muh" for "muhammad", "moh" for "mohamad",
    "abd" for "abdul" (its letters in order, the first one shared)."""
    if short == full or not full.startswith(short[:1]) or len(short) >= len(full):
        return False
    if len(short) == 1:
        return True
    if short not in LEXICON.name_abbreviations:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _expands(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """The same name with some words abbreviated ("M. Taufik Hidayat" for "Muhammad Taufik Hidayat",
    "Moh. Rizal" for "Mohamad Rizal Dunggio"): each word matches a word of the full name, in order, and
    at least one word is abbreviated and one spelt out."""
    i = 0
    abbreviated = False
    for word in short:
        while i < len(full) and not (full[i] == word or _abbreviates(word, full[i])):
            i += 1
        if i == len(full):
            return False
        abbreviated = abbreviated or full[i] != word
        i += 1
    return abbreviated and any(len(w) > 1 for w in short)


def _refers_to(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when a short form names the same person: a subset of words, or a truncation ("Iqba", "Is")."""
    if set(short) <= set(full):
        return True
    return len(short) == 1 and len(short[0]) >= 2 and any(
        w.startswith(short[0]) and len(w) > len(short[0]) for w in full)


class People:
    """The persons of one article, built from its named mentions; resolves short references."""

    def __init__(self, named: list[Mention]) -> None:
        self.persons: list[Person] = []
        # Longest names first so "Rudi" joins "Rudi Hartono" instead of founding its own person.
        for m in sorted(named, key=lambda x: (-len(name_key(x.name or "")), x.start)):
            if not m.name:
                continue
            person = self.resolve(m.name, m.start) or self._new(m.name)
            if _expands(name_key(person.name), name_key(m.name)):
                person.name = m.name  # "Muhammad Taufik Hidayat" after "M. Taufik Hidayat": the name spelt out
            person.positions.append(m.start)
            if m.role:
                person.roles.append(_Role(m.role, m.no_office, m.start))
        for p in self.persons:
            p.positions.sort()
            p.roles.sort(key=lambda r: r.pos)
        self.persons.sort(key=lambda p: p.positions[0])

    def _new(self, name: str) -> Person:
        person = Person(name)
        self.persons.append(person)
        return person

    def add(self, mention: Mention) -> Person:
        """A person first met where resolution found nobody (a name only an attribution gives).

        When the article used a short form of this name before ("Raihand …", then "ujar Tim Hukum,
        Andi Raihand"), that person is the same one and takes the fuller name.
        """
        key = set(name_key(mention.name or ""))
        shorter = [p for p in self.persons if set(name_key(p.name)) < key]
        if shorter:
            person = max(shorter, key=lambda p: p.last_before(mention.start))
            person.name = mention.name or person.name
        else:
            person = self._new(mention.name or "")
        person.positions.append(mention.start)
        person.positions.sort()
        if mention.role:
            person.roles.append(_Role(mention.role, mention.no_office, mention.start))
        return person

    def resolve(self, name: str, pos: int) -> Person | None:
        """The person a (possibly short, truncated, misspelt or abbreviated) name refers to.

        Tried in order of certainty: the same words or a subset of them, a truncation, a
        one-letter typo of one word, the initials of a full name. Among the persons that fit
        at the first level that finds any, the one mentioned last before ``pos`` wins.
        """
        key = name_key(name)
        levels: tuple[Callable[[tuple[str, ...]], bool], ...] = (
            lambda full: set(key) <= set(full),
            lambda full: _expands(key, full) or _expands(full, key),
            lambda full: _refers_to(key, full),
            lambda full: len(key) == 1 and any(_one_typo(key[0], w) for w in full),
        )
        for fits in levels:
            candidates = [p for p in self.persons if fits(name_key(p.name))]
            if candidates:
                return max(candidates, key=lambda p: p.last_before(pos))
        if len(key) == 1 and _ALL_CAPS.match(name):
            by_initials = [p for p in self.persons if len(p.name.split()) >= 2 and initials(p.name) == name]
            if by_initials:
                return max(by_initials, key=lambda p: p.last_before(pos))
        return None

    def resolve_role(self, role: str, pos: int) -> Person | None:
        """The named person holding a role given alone ("sekda", "Ketua Bawaslu", "the governor")."""
        want = role_key(role)
        if not is_specific_role(role):
            # a generic head alone ("Asisten menyampaikan") is its one holder when only one person has it
            holders = [p for p in self.persons if any(want <= role_key(r.text) for r in p.roles)]
            return holders[0] if len(holders) == 1 else None
        candidates = [p for p in self.persons if any(want <= role_key(r.text) for r in p.roles)]
        if not candidates:
            return None
        return max(candidates, key=lambda p: p.last_before(pos))

    def officials(self) -> list[Official]:
        """People named with a public role, in order of first mention."""
        return [p.official() for p in self.persons if p.is_official]
