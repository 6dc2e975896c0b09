"""People in an article: who holds which office, and what short forms refer to them.

Indonesian regional copy names an official once in full ("Ketua Bawaslu Bangka
Barat, Hj. Nurlela, S.Sos., M.Si, menjelaskan …") and afterwards by surname,
a bare title ("sekda"), a pronoun, or even a truncation ("kata Iqba"). This
module finds the full mentions (role + name), the short references, and
groups them into people so that every reference resolves to the fullest name.
The word lists live in ``data/speech.yaml``; here is only the grammar.

The hard part is where a role ends and a name begins when no comma separates
them ("Sekretaris Daerah Provinsi Bengkulu Isnan Fajri"): places after an
institution or region word are recognised with the Kemendagri list of
provinces, regencies and cities (``data/places.txt``), so whatever follows is
the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pantau.models import Official

__all__ = [
    "LEXICON",
    "Mention",
    "People",
    "Person",
    "alternation",
    "find_mentions",
    "is_institution",
    "is_name_word",
    "name_at",
]


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/speech.yaml``, lower case, ready for lookups and regexes."""

    verbs_short: tuple[str, ...]
    verbs_long: tuple[str, ...]
    verbs_passive: tuple[str, ...]
    pronouns: frozenset[str]
    speaker_prepositions: frozenset[str]
    term_introducers: frozenset[str]
    role_heads: tuple[str, ...]
    role_prefixes: tuple[str, ...]
    role_aliases: dict[str, str]
    role_blockers: frozenset[str]
    region_words: frozenset[str]
    org_words: frozenset[str]
    division_owners: frozenset[str]
    list_heads: frozenset[str]
    document_words: frozenset[str]
    place_short_forms: frozenset[str]
    honorifics: frozenset[str]
    name_titles: frozenset[str]
    ranks: frozenset[str]
    non_name_words: frozenset[str]


def _load_lexicon() -> Lexicon:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("pantau.analysis").joinpath("data/speech.yaml").read_text(encoding="utf-8")
    )

    def words(key: str) -> list[str]:
        return [str(w).lower() for w in raw[key]]

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted(set(words(key)), key=len, reverse=True))

    return Lexicon(
        verbs_short=longest_first("speech_verbs_short"),
        verbs_long=longest_first("speech_verbs_long"),
        verbs_passive=longest_first("speech_verbs_passive"),
        pronouns=frozenset(words("pronouns")),
        speaker_prepositions=frozenset(words("speaker_prepositions")),
        term_introducers=frozenset(words("term_introducers")),
        role_heads=longest_first("role_heads"),
        role_prefixes=longest_first("role_prefixes"),
        role_aliases={str(k).lower(): str(v).lower() for k, v in raw["role_aliases"].items()},
        role_blockers=frozenset(words("role_blockers")),
        region_words=frozenset(words("region_words")),
        org_words=frozenset(words("org_words")),
        division_owners=frozenset(words("division_owners")),
        list_heads=frozenset(words("list_heads")),
        document_words=frozenset(words("document_words")),
        place_short_forms=frozenset(words("place_short_forms")),
        honorifics=frozenset(words("honorifics")),
        name_titles=frozenset(words("name_titles")),
        ranks=frozenset(words("ranks")),
        non_name_words=frozenset(words("non_name_words")),
    )


LEXICON = _load_lexicon()


def alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases (longest first), spaces matching any whitespace."""
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in phrases)


# One token of a role/name phrase: a parenthetical, a word (inner dots kept: "M.Si"), or one symbol.
_TOKEN = re.compile(r"\s*(\([^()\n]{1,60}\)|[^\W\d_](?:[\w'’-]|\.(?=[^\W\d_]))*|\S)")
# A role: acting prefixes, then a head ("Pelaksana Harian (PLH) Sekretaris Daerah").
_ROLE_HEAD = re.compile(
    rf"(?<![\w-])(?:(?:{alternation(LEXICON.role_prefixes)})\.?[ \t]*(?:\([^()\n]{{1,20}}\)[ \t]*)?)*"
    rf"(?:{alternation(LEXICON.role_heads)})(?![\w-])",
    re.IGNORECASE,
)
_ROLE_HEAD_ONLY = re.compile(rf"(?:{alternation(LEXICON.role_heads)})$", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+[A-Z][A-Za-z0-9]*$")  # KPU, BKPSDM; two capitals are initials ("EM")
_INITIAL = re.compile(r"^[A-Z]{1,2}$")  # "M", "MZ"
_NAME_WORD = re.compile(r"^[A-Z][a-z'’-]*[a-z]$|^[A-Z][a-z]*['’-][A-Z]?[a-z]+$")  # Nurlela, Ma'ruf, Al-Habsyi
_DEGREE = re.compile(  # SE, MM, S.Sos, M.Si, MSi, Ph.D, Lc
    r"^(?:[A-Z][a-z]{0,2}\.?){1,3}(?:[A-Z][a-z]{0,4})?\.?$|^[A-Z]{2,5}$|^M[A-Z][a-z]{1,3}$|^Ph\.?D\.?$|^Lc$|^Ak$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARENTHESISED_WORD = re.compile(r"\(([A-Z][a-z]{2,})\)")
_REGION_WORD = alternation(w for w in LEXICON.region_words if w.isalpha())
# "Kabupaten Basel", but not "Wali Kota Budi" (a mayor, not a town called Budi).
_AFTER_REGION_WORD = re.compile(rf"(?<![\w-])(?<!ali )(?i:{_REGION_WORD})[ \t]+([A-Z][a-z]{{2,}})")
# "Nurlela, Ketua …" / "Azhari selaku Ketua …": a name right before a role.
_NAME_BEFORE_ROLE = re.compile(
    r"((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]*)(?:,[ \t]*|[ \t]+(?:selaku|sebagai|yang[ \t]+juga)[ \t]+)$")
_NAME_PARTICLES = frozenset({"bin", "binti", "al", "bte", "bt"})
_PREPOSITIONS = frozenset({"di", "ke", "dari", "pada", "untuk", "dengan", "oleh", "bagi"})
# Heads too generic to identify one person when used alone ("kata ketua" says nothing).
_GENERIC_HEADS = frozenset({"kepala", "ketua", "anggota", "sekretaris", "koordinator", "asisten",
                            "direktur", "komisioner", "deputi", "inspektur", "menteri", "staf ahli",
                            "pengarah", "juru bicara", "jubir", "kasi", "kasat"})


@cache
def _places() -> frozenset[str]:
    """Province, regency and city names (lower case), spaced and unspaced, plus short forms of provinces."""
    lines = resources.files("pantau.analysis").joinpath("data/places.txt").read_text(encoding="utf-8")
    names = {line.strip().lower() for line in lines.splitlines() if line.strip() and not line.startswith("#")}
    names |= {n.replace(" ", "") for n in names}
    return frozenset(names | LEXICON.place_short_forms)


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def is_honorific(word: str) -> bool:
    return word.lower() in LEXICON.honorifics or _bare(word) in LEXICON.honorifics


def is_rank(word: str) -> bool:
    return word.lower() in LEXICON.ranks or _bare(word) in LEXICON.ranks


def _is_roleish(word: str) -> bool:
    low = _bare(word)
    return (low in LEXICON.org_words or low in LEXICON.region_words
            or bool(_ROLE_HEAD_ONLY.match(low)) or bool(_ACRONYM.match(word)))


def is_name_word(word: str) -> bool:
    """A token that can be part of a person's name (not a function word, institution, month …)."""
    if _INITIAL.match(word) or re.match(r"^[A-Z]\.$", word):
        return True
    if not _NAME_WORD.match(word):
        return False
    low = word.lower()
    return not (low in LEXICON.non_name_words or low in LEXICON.pronouns or _is_roleish(word)
                or is_honorific(word) or is_rank(word))


def is_institution(words: list[str]) -> bool:
    """True when a speaker phrase names an institution or document, not a person ("Bawaslu Basel")."""
    if not words:
        return False
    first = _bare(words[0])
    return first in LEXICON.org_words or first in LEXICON.document_words or bool(_ACRONYM.match(words[0]))


def name_key(name: str) -> tuple[str, ...]:
    return tuple(w.lower().rstrip(".") for w in name.split())


@dataclass
class Mention:
    """A reference to a person: full (role and/or name) or short (surname, truncation, bare title)."""

    start: int
    end: int
    name: str | None
    role: str | None


@dataclass
class _Tok:
    text: str
    start: int
    end: int


def _tokens(text: str, pos: int, limit: int = 40) -> list[_Tok]:
    """Tokens from ``pos`` up to the end of the line (at most ``limit``)."""
    out: list[_Tok] = []
    line_end = text.find("\n", pos)
    # _TOKEN takes any non-space character, so its matches follow one another up to the line's end
    for m in _TOKEN.finditer(text, pos, len(text) if line_end < 0 else line_end):
        out.append(_Tok(m.group(1), m.start(1), m.end(1)))
        if len(out) == limit:
            break
    return out


def _is_title(word: str) -> bool:
    return is_honorific(word) or is_rank(word)


def _skip_honorifics(toks: list[_Tok], i: int) -> int:
    """Index after any honorifics/ranks (with their dots) at ``i``."""
    while i < len(toks):
        t = toks[i].text
        two = f"{t} {toks[i + 1].text}".lower() if i + 1 < len(toks) else ""
        if two in LEXICON.honorifics or two in LEXICON.ranks:
            i += 2
        elif is_honorific(t) or is_rank(t) or (t == "." and i > 0 and _is_title(toks[i - 1].text)):
            i += 1
        else:
            break
    return i


def _name_run(toks: list[_Tok], i: int) -> tuple[int, int]:
    """Indices [i, j) of a person's name starting at ``i`` (initials with dots, bin/binti allowed)."""
    j = i
    words = 0
    while j < len(toks) and words < 5:
        t = toks[j].text
        if is_name_word(t):
            words += 1
            j += 1
            if j < len(toks) and toks[j].text == "." and re.match(r"^[A-Z]{1,2}$", t):
                j += 1  # "M." initial
        elif t.lower() in _NAME_PARTICLES and j > i and j + 1 < len(toks) and is_name_word(toks[j + 1].text):
            j += 1
        elif (j == i and t.lower() in LEXICON.name_titles and t[:1].isupper() and j + 1 < len(toks)
              and is_name_word(toks[j + 1].text)):
            j += 1  # "Lalu Ahmad Fauzan"
        else:
            break
    # A name needs one real word ("MZ" alone is not a name).
    if not any(_NAME_WORD.match(toks[k].text) for k in range(i, j)):
        return i, i
    return i, j


def _text_of(text: str, toks: list[_Tok], i: int, j: int) -> str:
    return text[toks[i].start:toks[j - 1].end] if j > i else ""


def _clean_name(raw: str) -> str:
    """Name without honorifics, ranks and stray dots; initials keep theirs ("M. Unu")."""
    words = [w for w in raw.split() if not (is_honorific(w) or is_rank(w))]
    return " ".join(words).strip(" ,")


def _skip_degrees(toks: list[_Tok], j: int) -> int:
    """Index after ", SE, MM, M.Si" following a name."""
    while j + 1 < len(toks) and toks[j].text == "," and _DEGREE.match(toks[j + 1].text) \
            and not is_name_word(toks[j + 1].text):
        j += 2
        if j < len(toks) and toks[j].text == ".":
            j += 1
    return j


def _local_places(text: str) -> frozenset[str]:
    """Place words this article itself marks as such, beyond the gazetteer.

    A short form in parentheses ("Bangka Selatan (Basel)") or a word after a region word
    ("Kabupaten Basel", "Negeri Johor") names a place, so "Ketua Bawaslu Basel Azhari" splits
    after "Basel".
    """
    found = {m.group(1).lower() for m in _PARENTHESISED_WORD.finditer(text)}
    found |= {m.group(1).lower() for m in _AFTER_REGION_WORD.finditer(text)}
    return frozenset(found)


def _place_length(toks: list[_Tok], i: int, local: frozenset[str] = frozenset()) -> int:
    """How many tokens from ``i`` form a known province/regency/city name (0 if none)."""
    places = _places()
    best = 0
    words: list[str] = []
    for k in range(i, min(i + 4, len(toks))):
        w = toks[k].text
        if not w[:1].isupper():
            break
        words.append(w.lower())
        if " ".join(words) in places or "".join(words) in places:
            best = k - i + 1
    if not best and i < len(toks) and toks[i].text.lower() in local:
        return 1
    return best


def _is_list_owner(word: str) -> bool:
    """The body that owns a "Divisi/Bidang A, B dan C" list: Bawaslu, KPU, BKPSDM …"""
    return _bare(word) in LEXICON.division_owners or bool(_ACRONYM.match(word))


def _list_owned(toks: list[_Tok], i: int, first_comma: int, j: int) -> bool:
    """Whether the owning body of a list role in ``toks[i:j]`` has been named, so a comma ends the role.

    After the first comma any owner counts; before it only a body word ("Bawaslu"), not an acronym,
    which may be a division of the list itself ("Divisi SDM, Organisasi …").
    """
    if first_comma < 0:
        return any(_bare(toks[k].text) in LEXICON.division_owners for k in range(i, j))
    return any(_is_list_owner(toks[k].text) for k in range(first_comma, j))


def _role_qualifiers(text: str, toks: list[_Tok], i: int, list_role: bool) -> int:
    """Index after the words that may continue a role (capitalised words, acronyms, places, "dan").

    In a list role ("Koordinator Divisi SDM, Organisasi dan Data Informasi Bawaslu …") commas
    continue the role until the owning body has been named after the first comma; when the body
    is named before it ("Koordinator Divisi Penanganan Pelanggaran Bawaslu Pohuwato, NAME"), the
    list is whole and the comma ends the role.
    """
    j = i
    first_comma = -1
    while j < len(toks):
        t = toks[j].text
        if t.startswith("(") or (t[:1].isupper() and not _is_title(t)):
            j += 1
        elif t.lower() in LEXICON.org_words or t.lower() in LEXICON.region_words:
            j += 1  # lower-case "dinas pendidikan"
        elif (t.lower() in {"dan", "&", "/"} and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()
              and not _ROLE_HEAD.match(text, toks[j + 1].start)):
            j += 1  # "Komunikasi dan Informatika", but not "… dan Wakil Bupati …"
        elif (t == "," and list_role and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()
              and not _list_owned(toks, i, first_comma, j)):
            first_comma = j if first_comma < 0 else first_comma
            j += 1
        else:
            break
    return j


def _split_role_name(toks: list[_Tok], i: int, j: int, local: frozenset[str]) -> int:
    """Index in [i, j) where the name starts after role qualifiers (``j`` when no name)."""
    last_role = i - 1
    k = i
    after_role_word = True  # right after the head a place may follow ("Bupati Belitung")
    while k < j:
        t = toks[k].text
        n = _place_length(toks, k, local) if after_role_word else 0
        if n and k + n <= j:
            last_role = k + n - 1
            k += n
            continue  # places chain: "DPRD Bangka Belitung", "Kabupaten Bangka, Provinsi …"
        if t.startswith("(") or _is_roleish(t) or t in {",", "&", "/"} or t.lower() == "dan":
            last_role = k
            after_role_word = True
        else:
            after_role_word = False
        k += 1
    # Unknown words before the last role word are part of the role ("Diskominfo Kabupaten …").
    return last_role + 1


def _role_text(text: str, toks: list[_Tok], head: re.Match[str], j: int) -> str:
    """Role as written: head plus the first ``j`` qualifier tokens, a trailing "(Basel)" or comma dropped."""
    while j > 0 and (toks[j - 1].text.startswith("(") or toks[j - 1].text in {",", "&", "/"}
                     or toks[j - 1].text.lower() == "dan"):
        j -= 1
    end = toks[j - 1].end if j else head.end()
    return re.sub(r"\s+", " ", text[head.start():end]).strip(" ,")


def _name_before(text: str, pos: int) -> tuple[int, str] | None:
    """A name that ends right before ``pos`` ("Nurlela, Ketua …", "Azhari selaku Ketua …")."""
    window = text[max(0, text.rfind("\n", 0, pos) + 1, pos - 80):pos]
    m = _NAME_BEFORE_ROLE.search(window)
    if not m:
        return None
    words = m.group(1).split()
    while words and not is_name_word(words[0]):
        words.pop(0)
    if not words or not all(is_name_word(w) for w in words) or _place_length(
            [_Tok(w, 0, 0) for w in words], 0) == len(words):
        return None
    before = window[:m.start(1)].split()
    if before and before[-1].lower() in _PREPOSITIONS:
        return None
    start = pos - len(window) + m.end(1) - len(" ".join(words))
    return start, " ".join(words)


def find_mentions(text: str) -> list[Mention]:
    """Every role mention in ``text``, with the person's name when the article gives it.

    Covers "ROLE, NAME", "ROLE NAME", "ROLE, LOCATION, NAME", "ROLE RANK NAME",
    "NAME, ROLE" and "NAME selaku ROLE"; honorifics, ranks and degrees are
    stripped from the name. A role with no name ("kata sekda") is returned
    with ``name=None`` so a later step can resolve it to a named person.
    """
    out: list[Mention] = []
    pos = 0
    local = _local_places(text)
    while m := _ROLE_HEAD.search(text, pos):
        pos = m.end()
        if is_headline(_line_at(text, m.start())):
            continue  # "Kapolres Bangka Barat Tegaskan Personel …": title case hides where a name ends
        prev = text[max(0, m.start() - 25):m.start()].lower().split()
        if prev and prev[-1] in LEXICON.role_blockers:
            continue  # "calon Bupati …" is a candidacy, not an office
        mention = _parse_role(text, m, local)
        out.append(mention)
        pos = max(pos, mention.end)
    return out


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def is_headline(line: str) -> bool:
    """A title-case line (headline, subheading): most words capitalised, no closing full stop."""
    words: list[str] = [w for w in _WORD.findall(line) if len(w) > 3]
    if not words or len(words) > 25 or line.rstrip().endswith((".", '"', "”")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _parse_role(text: str, m: re.Match[str], local: frozenset[str]) -> Mention:
    """The mention that starts with the role head ``m``."""
    toks = _tokens(text, m.end())
    list_role = bool(LEXICON.list_heads & set(m.group(0).lower().split()))
    q_end = _role_qualifiers(text, toks, 0, list_role)
    name_i = _split_role_name(toks, 0, q_end, local)
    # ROLE[,] [LOCATION,] [honorific|rank] NAME
    k = q_end
    if k < len(toks) and toks[k].text == ",":
        k += 1
        if k < len(toks) and _bare(toks[k].text) in LEXICON.region_words:
            loc_end = _role_qualifiers(text, toks, k, False)
            if loc_end < len(toks) and toks[loc_end].text == ",":
                k = loc_end + 1  # ", Provinsi Kepulauan Bangka Belitung, NAME"
    s, e = _name_run(toks, _skip_honorifics(toks, k))
    role_end = q_end
    if e == s:
        # ROLE NAME: the name closes the capitalised run ("… Provinsi Bengkulu Isnan Fajri di …").
        # Checked second: an unknown place before ", Datuk NAME" is part of the role.
        s, e = _name_run(toks, name_i)
        if e > s and e == q_end:
            role_end = name_i
        else:
            s = e
    role = _role_text(text, toks, m, role_end)
    if e > s:
        end_tok = _skip_degrees(toks, e)
        name = _clean_name(_text_of(text, toks, s, e))
        return Mention(m.start(), toks[end_tok - 1].end, name, role)
    end = toks[role_end - 1].end if role_end else m.end()
    before = _name_before(text, m.start())
    if before:
        return Mention(before[0], end, before[1], role)
    return Mention(m.start(), end, None, role)


def name_at(text: str, pos: int) -> Mention | None:
    """A bare name (after honorifics) starting at ``pos`` ("Rudi", "Mohammad Iqbal", "Iqba")."""
    toks = _tokens(text, pos, limit=12)
    i = _skip_honorifics(toks, 0)
    s, e = _name_run(toks, i)
    if e == s:
        return None
    return Mention(toks[0].start, toks[e - 1].end, _clean_name(_text_of(text, toks, s, e)), None)


def role_key(role: str) -> frozenset[str]:
    """Comparable words of a role, short forms expanded ("sekda" → sekretaris daerah)."""
    low = re.sub(r"[()]", " ", role.lower())
    for short, full in LEXICON.role_aliases.items():
        low = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, low)
    return frozenset(w for w in re.findall(r"\w+", low))


def is_specific_role(role: str) -> bool:
    """A bare role identifies one person only if it is more than a generic head ("sekda" yes, "ketua" no)."""
    return role.lower().strip() not in _GENERIC_HEADS


@dataclass
class Person:
    """One person of the article: fullest name, the roles stated for them, where they were mentioned."""

    name: str
    roles: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    quoted: bool = False

    @property
    def role(self) -> str | None:
        return max(self.roles, key=len) if self.roles else None

    def official(self) -> Official:
        return Official(name=self.name, role=self.role)


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
            person = self.resolve(m.name, m.start)
            if person is None:
                person = Person(m.name)
                self.persons.append(person)
            person.positions.append(m.start)
            if m.role:
                person.roles.append(m.role)
        for p in self.persons:
            p.positions.sort()
        self.persons.sort(key=lambda p: p.positions[0])

    def add(self, mention: Mention) -> Person:
        """A person first met where resolution found nobody (a name only an attribution gives)."""
        person = Person(mention.name or "", positions=[mention.start])
        if mention.role:
            person.roles.append(mention.role)
        self.persons.append(person)
        return person

    def resolve(self, name: str, pos: int) -> Person | None:
        """The person a (possibly short or truncated) name refers to; the latest earlier mention wins ties."""
        key = name_key(name)
        candidates = [p for p in self.persons if _refers_to(key, name_key(p.name))]
        if not candidates:
            return None
        exact = [p for p in candidates if set(key) <= set(name_key(p.name))]
        candidates = exact or candidates
        return max(candidates, key=lambda p: max((x for x in p.positions if x <= pos), default=-1))

    def resolve_role(self, role: str, pos: int) -> Person | None:
        """The named person holding a role given alone ("sekda", "Ketua Bawaslu")."""
        if not is_specific_role(role):
            return None
        want = role_key(role)
        candidates = [p for p in self.persons if any(want <= role_key(r) for r in p.roles)]
        if not candidates:
            return None
        return max(candidates, key=lambda p: max((x for x in p.positions if x <= pos), default=-1))

    def officials(self) -> list[Official]:
        """People quoted or named with an official role, in order of first mention."""
        return [p.official() for p in self.persons if p.roles or p.quoted]
