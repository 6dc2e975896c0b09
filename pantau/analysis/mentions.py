"""Mentions of people: where a role ends, where a name begins, and who is only "seorang warga".

Indonesian regional copy names an official once in full ("Ketua Bawaslu Bangka
Barat, Hj. Nurlela, S.Sos., M.Si, menjelaskan …") and afterwards by surname,
a bare title ("sekda"), a pronoun or a truncation. This module finds the
mentions; :mod:`pantau.analysis.people` groups them into persons.

The grammar, in one line: a role is a head ("Kepala", "Ketua", "Bupati",
"Acting Mayor", "KPU chairman") followed by what qualifies it — role words,
bodies, divisions, places, numbers, parentheses, "dan" inside a body's name —
and the role runs until the name starts. Whatever the gazetteer knows as a
place, whatever Indonesian morphology marks as an institutional noun
("Pembangunan", "Penanganan", "Kepegawaian", "Informasi") and every role or
body word belongs to the role; the name is the run of name words after the
last of them, before any degree ("S.H.", "M.Si", "SSos") or full stop.
Honorifics (H., Datuk, Dato', Tan Sri) and ranks (AKBP, Letkol Inf.) stand
between a role and a name and belong to neither. The name may also come first
("Nurlela, Ketua …", "Azhari selaku Ketua …", "A, B dan C, masing-masing …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pantau.analysis.lexicon import LEXICON, alternation, fold, places

__all__ = [
    "Mention",
    "dateline_end",
    "degrees_before",
    "find_mentions",
    "find_unnamed",
    "initials",
    "is_institution",
    "is_name_word",
    "is_place_name",
    "is_role_word",
    "is_specific_role",
    "name_at",
    "name_key",
    "role_at",
    "role_key",
]


@dataclass
class Mention:
    """A reference to a person: a role and/or a name ("Kapolda" alone has ``name=None``).

    ``no_office`` marks a role that is no public office: a candidate's or a campaign team's ("Calon bupati
    nomor urut 1", "Ketua Tim Pemenangan paslon") or one in a private body ("Ketua Tim Hukum X", "Direktur
    PT Y", "Ketua LSM Z"); its holder is no official.
    """

    start: int
    end: int
    name: str | None
    role: str | None
    no_office: bool = False


# One token of a role/name phrase: a parenthetical, a word (inner dots kept: "M.Si"), a number
# ("1622", "100.3.4"), or one symbol.
_TOKEN = re.compile(r"\s*(\([^()\n]{1,60}\)|[^\W\d_](?:[\w'’-]|\.(?=[^\W\d_]))*|\d+(?:[./-]\d+)*|\S)")
_HEAD = alternation(LEXICON.role_heads + LEXICON.role_heads_en)
_PREFIXES = rf"(?:(?:{alternation(LEXICON.role_prefixes)})\.?[ \t]*(?:\([^()\n]{{1,20}}\)[ \t]*)?)*"
# A role: acting prefixes, then a head ("Pelaksana Harian (PLH) Sekretaris Daerah", "Acting Mayor").
_ROLE_HEAD = re.compile(rf"(?<![\w-]){_PREFIXES}(?P<head>{_HEAD})(?![\w-])", re.IGNORECASE)
_ROLE_HEAD_ONLY = re.compile(rf"(?:{_HEAD})$", re.IGNORECASE)
# First words of heads and prefixes ("kepala", "pj", "acting"): where a role may start.
_HEAD_STARTS = frozenset(p.split()[0].rstrip(".")
                         for p in LEXICON.role_heads + LEXICON.role_heads_en + LEXICON.role_prefixes)
_ENGLISH_HEADS = frozenset(LEXICON.role_heads_en) - set(LEXICON.role_heads)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+[A-Z][A-Za-z0-9]*$")  # KPU, BKPSDM; two capitals are initials ("EM")
_INITIAL = re.compile(r"^[A-Z]{1,2}$")  # "M", "MZ"
_NAME_WORD = re.compile(r"^[A-Z][a-z'’-]*[a-z]$|^[A-Z][a-z]*['’-][A-Z]?[a-z]+$")  # Nurlela, Ma'ruf, Al-Habsyi
_DEGREE = re.compile(  # SE, MM, S.Sos, M.Si, MSi, SSos, Ph.D, Lc, S.I.K
    r"^(?:[A-Z][a-z]{0,2}\.?){1,3}(?:[A-Z][a-z]{0,4})?\.?$|^[A-Z]{2,5}$|^M[A-Z][a-z]{1,3}$|^Ph\.?D\.?$|^Lc$|^Ak$")
# A run of degrees after a name, each with a full stop or in capitals: ", S.H., M.H., ", " SE MM ".
_DEGREES_BEFORE = re.compile(r"(?:,[ \t]*|[ \t]+)"
                             r"(?:(?:(?:[A-Z][a-z]{0,3}\.){1,3}[A-Za-z]{0,4}\.?|[A-Z]{2,5}|[MS][A-Z][a-z]{1,3})"
                             r"[ \t]*,?[ \t]*)+$")
# Nouns made with institutional affixes name units and programmes, not people: Pembangunan,
# Penanganan, Pelanggaran, Kepegawaian, Kesehatan, Perencanaan, Informasi, Organisasi.
_INSTITUTIONAL_NOUN = re.compile(r"^(?:(?:pe[mnr]?|peng|peny|ke)[a-z]{3,}an|[a-z]{4,}asi)$")
_NUMBER = re.compile(r"^\d")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_VERB = re.compile(r"^(?:me|ber|di|ter)[a-z]{3,}$")  # Indonesian verb prefixes
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARENTHESISED_WORD = re.compile(r"\(([A-Z][a-z]{2,})\)")
_REGION_WORD = alternation(w for w in LEXICON.region_words if w.isalpha())
# "Kabupaten Basel", but not "Wali Kota Budi" (a mayor, not a town called Budi).
# "Konsel –", "BOALEMO, GOPOS.ID –", "GOPOS.ID, BOALEMO –", "Kendari (ANTARA) -": the dateline's place (not
# "Rudi, Budi dan Ani …")
_DATELINE_WORD = re.compile(
    r"\s*(?:[A-Z][\w-]*\.[A-Za-z.]+,[ \t]*)?([A-Z][A-Za-z]{2,})[ \t]*"
    r"(?:[-–—]|,[ \t]*[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?[ \t]*[-–—]|\([A-Z]+\))")
_AFTER_REGION_WORD = re.compile(rf"(?<![\w-])(?<!ali )(?i:{_REGION_WORD})[ \t]+([A-Z][a-z]{{2,}})")
# "Nurlela, Ketua …" / "Azhari selaku Ketua …" / "Rudi, the head of …": a name right before a role.
_NAME_BEFORE_ROLE = re.compile(r"((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]*)"
                               r"(?:,[ \t]*(?:(?:the|a|an)[ \t]+)?(?:[\w-]+['’]s[ \t]+)?"
                               r"|[ \t]+(?:selaku|sebagai|yang[ \t]+juga)[ \t]+"
                               r"|,[ \t]*yang[ \t]+(?:juga[ \t]+|(?:(?:kini|sekarang|saat[ \t]+ini)[ \t]+)?"
                               r"(?:menjabat|merupakan|adalah)[ \t]+)(?:sebagai[ \t]+)?"
                               r"|[ \t]*\([ \t]*)$")
# "Bahtiar, the ministry's director general …", "Sri Wahyuningsih, head of …": a lower-case English head in
# apposition to a name (with no article, "of" must follow the head).
# (a degree's full stop may end the name: "Sri Wahyuningsih, S.Sos., M.Si., head of …")
_APPOSITION_BEFORE = re.compile(r"[A-Za-z.],[ \t]*(?:the|a|an)[ \t]+(?:[\w-]+['’]s[ \t]+)?$")
_BARE_APPOSITION_BEFORE = re.compile(r"[A-Za-z.],[ \t]*$")
_TRAILING_ARTICLE = re.compile(r"(?<=,)[ \t]*(?:the|a|an)[ \t]+$")
_TRAILING_LINK = re.compile(r"(?<=,)[ \t]*(?:yang[ \t]+[a-z \t]+|\([ \t]*)$")
_OF_AFTER = re.compile(r"[ \t]+of[ \t]")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_COMPASS_EN = frozenset({"north", "south", "east", "west", "central", "southeast", "southwest", "northeast",
                         "northwest"})
_DEMONSTRATIVE_AFTER = re.compile(r"[ \t]+(?:tersebut|itu|ini)\b")
_LOWER_SPEECH_VERBS = frozenset(LEXICON.verbs_long)
_POST_NAME_TITLES = frozenset({"dt"})  # the Minang adat title follows the name ("Yusrizal Dt. Rajo Mangkuto")
_HEADLINE_CHARS = 300  # longer lines are paragraphs, whatever their case
_MAX_NAME_WORDS = 6  # "Anak Agung Gede Ngurah Ari Dwipayana"
_NAME_PARTICLES = frozenset({"bin", "binti", "al", "bte", "bt", "van", "de"})
# Lower-case words that continue a role before a capitalised word ("Dandim 1704/Mappi untuk Asmat",
# "Chairman of Commission IV of the Bogor City DPRD", "Camat se-Kabupaten").
_ROLE_LINKERS = frozenset({"dan", "and", "&", "/", "untuk", "wilayah", "of", "the", "for"})
_CANDIDACY = re.compile(rf"(?<![\w-])(?:{alternation(LEXICON.candidacy_words)})[ \t]+", re.IGNORECASE)
_CAMPAIGN = re.compile(rf"(?<![\w-])(?:{alternation(LEXICON.campaign_words)})(?![\w-])", re.IGNORECASE)
_PRIVATE = re.compile(rf"(?<![\w-])(?:{alternation(LEXICON.private_bodies)})(?![\w-])", re.IGNORECASE)
_ORDINAL = re.compile(r"(?:nomor|no\.?)[ \t]+urut[ \t]+\d+|nomor[ \t]+\d+", re.IGNORECASE)
_INDEFINITE = re.compile(
    rf"(?<![\w-])(?:(?:one|salah[ \t]+satu|salah[ \t]+seorang)[ \t]+"
    rf"(?:of[ \t]+(?:the|those|them)|dari|di[ \t]+antara|diantara)(?:[ \t]+(?:para|the|those|them))?"
    rf"(?:[ \t]+[^\W\d_]+)?"  # "One of the teachers", "salah satu dari para guru": one of a group, unnamed
    rf"|(?:salah[ \t]+)?seorang[ \t]+(?!pun\b)[^\W\d_]+"
    rf"|(?:{alternation(p for p in LEXICON.indefinite_persons if 'seorang' not in p)})[ \t]+"
    rf"(?:{alternation(LEXICON.person_nouns)}))(?![\w-])",
    re.IGNORECASE)
_RESPECTIVELY = re.compile(rf"(?<![\w-])(?:{alternation(LEXICON.respectively)})(?![\w-])[ \t]*", re.IGNORECASE)


def _bare(word: str) -> str:
    return fold(word).rstrip(".")


def is_honorific(word: str) -> bool:
    return fold(word) in LEXICON.honorifics or _bare(word) in LEXICON.honorifics


def is_rank(word: str) -> bool:
    return fold(word) in LEXICON.ranks or _bare(word) in LEXICON.ranks


def _is_title(word: str) -> bool:
    return is_honorific(word) or is_rank(word)


def _is_roleish(word: str) -> bool:
    """A word that belongs to a role or body: role head, body word, the end of a place name, institutional noun,
    acronym, number."""
    low = _bare(word)
    return (low in LEXICON.org_words or low in LEXICON.region_words or low in LEXICON.named_institutions
            or low in LEXICON.place_parts or bool(_ROLE_HEAD_ONLY.match(low)) or bool(_ACRONYM.match(word))
            or bool(_INSTITUTIONAL_NOUN.match(low)) or bool(_NUMBER.match(word)))


def is_role_word(word: str) -> bool:
    """A word that belongs to a role or a body, never to a name ("Sekda", "Bawaslu", "Penanganan", "KPU")."""
    return _is_roleish(word)


def is_place_name(words: list[str]) -> bool:
    """Whether the words are, all of them, one place the gazetteer knows ("Paser", "Kepulauan Riau")."""
    return bool(words) and _place_length([_Tok(w, 0, 0) for w in words], 0) == len(words)


def _speech_word(low: str) -> bool:
    return low in LEXICON.verbs_short or low in LEXICON.verbs_long or low in LEXICON.verbs_passive


_REDUPLICATED = re.compile(r"^(\w+)-(?i:\1)$")


def is_name_word(word: str, *, inside: bool = False) -> bool:
    """A token that can be part of a person's name (not a function word, institution, verb, month …).

    ``inside`` a name (after one of its words) a capitalised speech verb is a name part: verbs are
    written in lower case, so "Andi Rahmawati Said" is a name, not "Andi Rahmawati" who said.
    """
    if _INITIAL.match(word) or re.match(r"^[A-Z]\.$", word):
        return True
    if not _NAME_WORD.match(word):
        return False
    low = fold(word)
    if len(low) >= 7 and low.endswith("nya"):
        return False  # "Statusnya", "Menurutnya": a noun or verb with its clitic, never a given name
    if _REDUPLICATED.match(word):
        return False  # "Pekerja-Pekerja", "Guru-Guru": a plural noun in a body's name, never a person's
    if inside and low in LEXICON.name_like_heads:
        return True  # "Afdal Hakim"
    return not (low in LEXICON.non_name_words or low in LEXICON.pronouns or _is_roleish(word)
                or is_honorific(word) or is_rank(word) or (_speech_word(low) and not inside))


def is_institution(words: list[str]) -> bool:
    """True when a speaker phrase names an institution or document, not a person ("Bawaslu Basel")."""
    if not words:
        return False
    first = _bare(words[0])
    return first in LEXICON.org_words or first in LEXICON.document_words or bool(_ACRONYM.match(words[0]))


@lru_cache(maxsize=4096)
def name_key(name: str) -> tuple[str, ...]:
    return tuple(w.lower().rstrip(".") for w in name.split())


def initials(name: str) -> str:
    """"ASB" for "Akhmad Saeful Bakhri": the form copy uses once a person has been introduced."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


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


def _skip_honorifics(toks: list[_Tok], i: int) -> int:
    """Index after any honorifics/ranks (with their dots) at ``i``."""
    while i < len(toks):
        t = toks[i].text
        two = fold(f"{t} {toks[i + 1].text}") if i + 1 < len(toks) else ""
        three = fold(f"{two} {toks[i + 2].text}") if i + 2 < len(toks) else ""
        if three in LEXICON.honorifics:
            i += 3  # "Datuk Seri Panglima"
        elif two in LEXICON.honorifics or two in LEXICON.ranks:
            i += 2
        elif is_honorific(t) or is_rank(t) or (t == "." and i > 0 and _is_title(toks[i - 1].text)):
            i += 1
        elif i > 0 and is_rank(toks[i - 1].text) and fold(t) in LEXICON.rank_services:
            i += 1  # "Mayjen TNI NAME"
        else:
            break
    return i


def _starts_role(text: str, tok: _Tok) -> bool:
    return bool(_ROLE_HEAD.match(text, tok.start))


def _name_run(toks: list[_Tok], i: int, text: str = "") -> tuple[int, int]:
    """Indices [i, j) of a person's name starting at ``i`` (initials with dots, bin/binti allowed)."""
    if text and i < len(toks) and _starts_role(text, toks[i]):
        return i, i  # "…, Wali Kota …": a role, not a name
    j = i
    words = 0
    while j < len(toks) and words < _MAX_NAME_WORDS:
        t = toks[j].text
        if j > i and _INITIAL.match(t) and fold(t) in LEXICON.degrees:
            break  # "Yusnaldi Putra SE MM": degrees, not initials, after a name
        if is_name_word(t, inside=j > i):
            words += 1
            j += 1
            if j < len(toks) and toks[j].text == "." and (re.match(r"^[A-Z]{1,2}$", t) or (
                    fold(t) in LEXICON.name_abbreviations and j + 1 < len(toks) and is_name_word(toks[j + 1].text))):
                j += 1  # "M." initial, "Abd." in "Muhlis Abd. Kadir"
        elif t.lower() in _NAME_PARTICLES and j > i and j + 1 < len(toks) and is_name_word(toks[j + 1].text):
            j += 1
        elif (j == i and t.lower() in LEXICON.name_titles and t[:1].isupper() and j + 1 < len(toks)
              and is_name_word(toks[j + 1].text)):
            j += 1  # "Lalu Ahmad Fauzan"
        else:
            break
    # A name needs one real word ("MZ" or "AI" alone is not a name).
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
    """Index after the degrees that follow a name, with or without commas: ", SE, MM", " S.H.", " SSos MSi"."""
    while j < len(toks):
        k = j + 1 if toks[j].text == "," else j
        if k < len(toks) and _is_degree(toks[k].text):
            j = k + 1
            while j < len(toks) and toks[j].text == ".":
                j += 1
        else:
            break
    return j


def _is_degree(word: str) -> bool:
    return bool(_DEGREE.match(word)) and (not is_name_word(word) or fold(word) in LEXICON.degrees) \
        and not _is_roleish_acronym(word) and _bare(word) not in LEXICON.place_parts  # "Lor" ends a place


def degrees_before(text: str, pos: int) -> int:
    """Where the degrees that end right before ``pos`` begin ("Marthen Wetipo, S.H., mengatakan"); else ``pos``."""
    m = _DEGREES_BEFORE.search(text, max(0, pos - 40), pos)
    return m.start() if m else pos


def dateline_end(text: str) -> int | None:
    """Where the lead starts after a dateline ("BOALEMO, GOPOS.ID – "), or None when the text opens with none."""
    dateline = _DATELINE_WORD.match(text)
    return dateline.end() if dateline else None


def _is_roleish_acronym(word: str) -> bool:
    """An acronym that names a body (KPU, DPRD), which never stands for a degree."""
    return _bare(word) in LEXICON.org_words


def _region_word_follows_name(text: str, m: re.Match[str]) -> bool:
    """Whether the region word of ``m`` ends a place's own name or qualifies a body rather than introducing the
    word after it: "Distrik Wamena Kota Markus Asso" (a district called Wamena Kota), "Kongres … (Cuepacs)
    negeri Shahrul …" (the union's state branch). A region word introduces a place after a role or body word
    ("Bawaslu Kota Batam") or a lower-case word ("di Kabupaten Basel"); after a place it is the place's suffix, and
    in lower case after a capitalised word or a parenthesis an adjective ("negeri": of the state)."""
    before = text[max(0, m.start() - 40):m.start()].split()
    if not before:
        return False
    prev = before[-1]
    if text[m.start()].islower() and (prev[:1].isupper() or prev.endswith(")")):
        return True
    return prev.isalpha() and (is_place_name([prev]) or fold(prev) in places().single_districts)


def _local_places(text: str) -> frozenset[str]:
    """Place words this article itself marks as such, beyond the gazetteer.

    A short form in parentheses ("Bangka Selatan (Basel)") or a word after a region word
    ("Kabupaten Basel", "Negeri Johor") names a place, so "Ketua Bawaslu Basel Azhari" splits
    after "Basel" (unless the region word follows a place or a body, see ``_region_word_follows_name``).
    """
    found = {m.group(1).lower() for m in _PARENTHESISED_WORD.finditer(text)}
    found |= {m.group(1).lower() for m in _AFTER_REGION_WORD.finditer(text) if not _region_word_follows_name(text, m)}
    dateline = _DATELINE_WORD.match(text)
    if dateline:  # "Konsel – Kapolres …": the dateline names a place, so "anggota Polres Konsel" names none
        found.add(dateline.group(1).lower())
    return frozenset(found)


def _place_length(toks: list[_Tok], i: int, local: frozenset[str] = frozenset(), districts: bool = False) -> int:
    """How many tokens from ``i`` form a known place name (0 if none).

    Provinces, regencies, cities and districts of two or more words always count; a one-word
    district only when ``districts`` (the role is a district's: "Camat Kisaran …").
    """
    known = places()
    best = 0
    words: list[str] = []
    for k in range(i, min(i + 4, len(toks))):
        w = toks[k].text
        if not w[:1].isupper():
            break
        words.append(fold(w).rstrip("."))
        key = "".join(words)
        if key in known.regions or (len(words) > 1 and key in known.districts) \
                or (districts and len(words) == 1 and " ".join(words) in known.single_districts):
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


def _list_item(toks: list[_Tok], k: int) -> _Tok | None:
    """The capitalised word that starts the next item of a list role (after an optional "dan"/"serta")."""
    if k < len(toks) and toks[k].text.lower() in {"dan", "serta", "and"}:
        k += 1
    return toks[k] if k < len(toks) and toks[k].text[:1].isupper() else None


_LIST_CONNECTIVES = frozenset({"dan", "serta", "and"})


def _names_a_unit(toks: list[_Tok], k: int) -> bool:
    """Whether the capitalised run at ``k`` (up to the next comma) names a unit of a list role rather than a person.

    Divisions are named with role and body words ("Partisipasi Masyarakat", "Hukum", "Data dan Informasi");
    a run of name words only is the person the role belongs to when the clause goes on as a name's does,
    with degrees or a lower-case word ("Muhammad Syahrani, S.Pd.I., menjelaskan", "Ani Lestari, menjelaskan"),
    and another unit when the list goes on ("Diklat, dan Litbang Bawaslu …").
    """
    if k < len(toks) and _is_degree(toks[k].text):
        return False  # "… Sengketa Ermawati, S.Sos., serta …": the degrees of the name that ends the role
    first = k
    while k < len(toks) and toks[k].text != ",":
        inside_name = k > first and is_name_word(toks[k].text, inside=True) and is_name_word(toks[k - 1].text)
        if (_is_roleish(toks[k].text) and not inside_name) or toks[k].text.startswith("(") or _place_length(toks, k):
            return True  # (a head that is also a name, "Iman Sulaeman Hakim", goes on with the name)
        k += 1
    nxt = k + 1 if k < len(toks) and toks[k].text == "," else k
    if nxt >= len(toks):
        return False
    word = toks[nxt].text
    return not (_is_degree(word) or (word[:1].islower() and word.lower() not in _LIST_CONNECTIVES))


def _role_qualifiers(text: str, toks: list[_Tok], i: int, list_role: bool) -> int:
    """Index after the words that may continue a role (capitalised words, acronyms, numbers, places, "dan").

    In a list role ("Koordinator Divisi SDM, Organisasi dan Data Informasi Bawaslu …") commas
    continue the role until the owning body has been named after the first comma; when the body
    is named before it ("Koordinator Divisi Penanganan Pelanggaran Bawaslu Pohuwato, NAME"), the
    list is whole and the comma ends the role. A list may also start inside the role, after its body
    ("Anggota KPU Banyuwangi Divisi Perencanaan, Data dan Informasi, NAME"): only a body named after
    its list word owns it.
    """
    j = i
    first_comma = -1
    list_start = i
    while j < len(toks):
        t = toks[j].text
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        low = t.lower()
        if not list_role and low in LEXICON.list_heads:
            list_role, list_start = True, j
        if t.startswith("(") or (t[:1].isupper() and not _is_title(t)) or _NUMBER.match(t):
            j += 1
        elif low in LEXICON.org_words or low in LEXICON.region_words:
            j += 1  # lower-case "dinas pendidikan"
        elif (low in _ROLE_LINKERS and nxt is not None and (nxt.text[:1].isupper() or _NUMBER.match(nxt.text)
                                                            or nxt.text.lower() == "the"
                                                            or (low == "the" and nxt.text in LEXICON.org_words
                                                                and j + 2 < len(toks)
                                                                and toks[j + 2].text[:1].isupper()))
              and (not _starts_role(text, nxt) or _bare(nxt.text) in LEXICON.org_words)):
            j += 1  # "Komunikasi dan Informatika", but not "… dan Wakil Bupati …"
        elif low in {"pada", "dari"} and j > i and nxt is not None and nxt.text[:1].isupper() \
                and _is_roleish(nxt.text):
            j += 1  # "Kepala Bidang Penyuluhan pada Dinas Pertanian", "anggota DPRD dari Fraksi Golkar": the
            # unit's body or the member's party, not "pada Senin", "dari Lahat"
        elif (t == "," and list_role and nxt is not None and not _list_owned(toks, list_start, first_comma, j)
              and (item := _list_item(toks, j + 1)) is not None
              and (not _starts_role(text, item) or _bare(item.text) in LEXICON.org_words)
              and _names_a_unit(toks, toks.index(item))):
            # (a unit that is also a head, "Humas", goes on with the list: "Sub Bagian Hukum, Humas, Data …")
            first_comma = j if first_comma < 0 else first_comma
            j += 1  # "Divisi Penanganan Pelanggaran, Data, dan Informasi Panwaslih …"
        elif t == "/" and j > i and nxt is not None and nxt.text[:1].isupper() and not _is_title(nxt.text):
            j += 1  # a unit and its name: "Pangdam XVIII/Kasuari", "Dandim 0101/Aceh Besar"
        elif ordinal := _ORDINAL.match(text, toks[j].start):
            while j < len(toks) and toks[j].end <= ordinal.end():
                j += 1  # "calon bupati nomor urut 1"
        elif low in {"paslon", "calon"} and nxt is not None and _ORDINAL.match(text, nxt.start):
            j += 1  # "Ketua Tim Pemenangan paslon nomor urut 2"
        else:
            break
    return j


def _is_roman_numeral(toks: list[_Tok], k: int, j: int, local: frozenset[str]) -> bool:
    """"Asisten III", "Komisi I DPRD": a numeral before a body or at the end, not Balinese "I Made …"."""
    if not _ROMAN.match(toks[k].text):
        return False
    nxt = toks[k + 1].text if k + 1 < j else ""
    return not nxt or nxt.startswith("(") or _is_roleish(nxt) or bool(_place_length(toks, k + 1, local))


def _split_role_name(toks: list[_Tok], i: int, j: int, local: frozenset[str], head: str) -> int:
    """Index in [i, j) where the name starts after role qualifiers (``j`` when no name)."""
    last_role = i - 1
    k = i
    after_role_word = True  # right after the head a place may follow ("Bupati Belitung")
    districts = any(w in LEXICON.district_heads for w in fold(head).split())
    # After "RSUD", "SMAN" or English "of" the capitalised words name the body, up to its place
    # or parenthesis ("Direktur RSUD Hams Kisaran", "Minister of Administrative Reform").
    institution = after_place = False
    while k < j:
        t = toks[k].text
        low = _bare(t)
        districts = districts or low in LEXICON.district_heads
        if after_role_word or institution:
            n = _place_length(toks, k, local, districts)
        else:  # "Kepala Bappeda Lahat": one unknown word between role words and a place names a body,
            # but not after a place: "BPBD Sintang Bernardus Lingga" is a name that ends with a regency's
            n = _place_length(toks, k, local) if k == last_role + 2 and not after_place else 0
        if n and k + n <= j:
            last_role = k + n - 1
            k += n
            after_role_word, institution, after_place = True, False, True
            continue  # places chain: "DPRD Bangka Belitung", "Kabupaten Bangka, Provinsi …"
        degree = k > i and _is_degree(t) and is_name_word(toks[k - 1].text) and not _is_roleish(toks[k - 1].text)
        unit = k > i and toks[k - 1].text == "/"  # the name of a unit after its number: "XVIII/Kasuari"
        # a head that is also a name goes on with the name before it ("… Pelanggaran Iman Sulaeman Hakim")
        named_head = k > i and low in LEXICON.name_like_heads and is_name_word(toks[k - 1].text) \
            and last_role < k - 1
        if (t.startswith("(") or (_is_roleish(t) and not named_head) or t in {",", "&", "/"} or low in _ROLE_LINKERS
                or institution or unit or _is_roman_numeral(toks, k, j, local)) \
                and not degree:  # "… Kampar Aprizal SHI": his degree
            last_role = k
            after_role_word, after_place = True, False
            institution = low in LEXICON.named_institutions or low == "of" or (
                institution and not t.startswith("(") and low not in LEXICON.body_ends)
        else:
            after_role_word = False
        k += 1
    # Unknown words before the last role word are part of the role ("Diskominfo Kabupaten …").
    return last_role + 1


def _role_text(text: str, toks: list[_Tok], start: int, head_end: int, j: int) -> str:
    """Role as written: head plus the first ``j`` qualifier tokens, a trailing "(Basel)" or comma dropped."""
    while j > 0 and (toks[j - 1].text.startswith("(") or toks[j - 1].text in {",", "&", "/"}
                     or toks[j - 1].text.lower() in _ROLE_LINKERS):
        j -= 1
    end = toks[j - 1].end if j else head_end
    return re.sub(r"\s+", " ", text[start:end]).strip(" ,")


_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})


def _ends_clause(toks: list[_Tok], k: int) -> bool:
    """Whether the clause ends at token ``k`` (a full stop, semicolon or closing parenthesis, or the end)."""
    return k >= len(toks) or toks[k].text in {".", ";", ")"}


def _name_before(text: str, pos: int) -> tuple[int, str] | None:
    """A name that ends right before ``pos`` ("Nurlela, Ketua …", "Azhari selaku Ketua …")."""
    base = max(0, text.rfind("\n", 0, pos) + 1, pos - 80)
    window = text[base:pos]
    # "Yustina Gebze, S.Sos., M.Si., a Merauke Bawaslu commissioner", "NAME, S.Sos., yang kini menjabat Kepala …",
    # "NAME, S.Sos., (Wali Nagari …)": the link to the role after the degrees
    link = _TRAILING_ARTICLE.search(window) or _TRAILING_LINK.search(window)
    bare = window[:link.start()] if link else window.rstrip(" \t")
    degrees = _DEGREES_BEFORE.search(bare[:-1]) if bare.endswith(",") else None
    if degrees:  # "Dr. Ir. H. Rudi Hartono, M.Si., Kepala …": the degrees stand between the name and its role
        window = bare[:degrees.start()] + ", "
    m = _NAME_BEFORE_ROLE.search(window)
    if not m:
        return None
    words = m.group(1).split()
    while words and not is_name_word(words[0]):
        if _is_roleish(words[0]) and not _is_title(words[0]):
            return None  # "Lurah Sendangsari yang juga Ketua …": a role and its territory, not a name
        words.pop(0)
    if not words or not all(is_name_word(w) for w in words) or not any(_NAME_WORD.match(w) for w in words) \
            or is_place_name(words):
        return None
    start = base + m.end(1) - len(" ".join(words))
    if len(words) == 1 and text[max(0, start - 1):start] in _OPENING_QUOTES:
        return None  # "“Tolong, kades dan perangkat desa, …”": a quotation opens with a word, not with a name
    if _ROLE_HEAD.match(text, start):
        return None  # "Menpan RB, Mendagri, …": a list of roles
    before = window[:m.start(1)].split()
    if before and (before[-1].lower() in LEXICON.prepositions or _ROLE_HEAD_ONLY.match(_bare(before[-1]))):
        return None  # "di Moyo Hilir", "lurah Sendangsari yang juga …": a place, a head's territory
    return start, _clean_name(" ".join(words))


def _english_role_start(text: str, m: re.Match[str]) -> tuple[int, bool] | None:
    """Where an English role starts, and whether it counts only with a name after it.

    "Simalungun Bawaslu head", "South Tangerang Bawaslu chairman", "Acting Jakarta Governor", "Papua's
    acting governor": the place and body stand before the head. A lower-case head needs them (else
    "head" is a verb or a body part), an apposition ("Bahtiar, the ministry's director general") or
    the name of its holder right after it or after its "of" phrase ("provincial secretary Arianto
    Dahyan said", "The head of the X Office, Dedi Kurniadi, said"); a capitalised one may stand alone.
    None when the match is no role.
    """
    toks = _words_before(text, m.start())
    k = len(toks)
    lower_case = m.group(0).islower()
    qualified = False  # a lower-case body word before the head: "home affairs minister"
    while k > 0:
        w = re.sub(r"['’]s$", "", toks[k - 1][0])  # "Papua's acting governor"
        rest = [_Tok(w, 0, 0)] + [_Tok(x, 0, 0) for x, _ in toks[k:]]
        # a place of several words ends here: "North Sumatra regional secretary"
        place = next((j for j in range(max(0, k - 4), k - 1) if _place_length(
            [_Tok(re.sub(r"['’]s$", "", x), 0, 0) for x, _ in toks[j:k]], 0) == k - j), None)
        if place is not None:
            k = place
            continue
        if fold(w) in _COMPASS_EN and k < len(toks) and w[:1].isupper() and _place_length(rest[1:], 0):
            k -= 1  # "South Tangerang": the English name of Tangerang Selatan
            continue
        if lower_case and w == toks[k - 1][0] and w.islower() and all(x.islower() for x, _ in toks[k:]) and (
                fold(w) in LEXICON.org_words or fold(w) in LEXICON.role_prefixes):
            qualified = qualified or fold(w) in LEXICON.org_words
            k -= 1  # "provincial secretary", "deputy home affairs minister": a lower-case role
            continue
        if not w[:1].isupper() or not (_is_roleish(w) or _place_length(rest, 0) or fold(w) in LEXICON.role_prefixes):
            break
        k -= 1
    capitalised = any(x[:1].isupper() for x, _ in toks[k:])
    start = toks[k][1] if k < len(toks) else m.start()
    if capitalised or not lower_case:
        return start, False
    if _APPOSITION_BEFORE.search(text, max(0, start - 60), start) or (
            _BARE_APPOSITION_BEFORE.search(text, max(0, start - 60), start)
            and (qualified or _OF_AFTER.match(text, m.end()))):
        return start, False
    if _OF_AFTER.match(text, m.end()) or _NAME_AFTER.match(text, m.end()):
        return start, True
    return None  # "… and deputy governor of North Sulawesi": no role of anyone named here


def _words_before(text: str, pos: int) -> list[tuple[str, int]]:
    """The words right before ``pos`` in its clause (no punctuation between them), with their offsets."""
    floor = max(0, pos - 60)
    cut = max(text.rfind(c, floor, pos) for c in ",.;:\n\"“”()")
    return [(w.group(0), w.start()) for w in re.finditer(r"\S+", text[:pos]) if w.start() > max(cut, floor - 1)]


def _role_heads(text: str) -> list[re.Match[str]]:
    """Role heads in the text, found word by word: a set lookup of each word, then the regex only where a
    head or prefix can start (the regex alone, tried at every offset, costs several times more)."""
    out: list[re.Match[str]] = []
    end = 0
    for word in _WORD.finditer(text):
        if word.start() < end or word.group(0).lower() not in _HEAD_STARTS:
            continue
        m = _ROLE_HEAD.match(text, word.start())
        if m:
            out.append(m)
            end = m.end()
    return out


def find_mentions(text: str) -> list[Mention]:
    """Every role mention in ``text``, with the person's name when the article gives it.

    Covers "ROLE, NAME", "ROLE NAME", "ROLE, LOCATION, NAME", "ROLE RANK NAME",
    "NAME, ROLE", "NAME selaku ROLE", English "ROLE of PLACE NAME" and "PLACE BODY head NAME",
    candidates ("Calon bupati nomor urut 1, NAME") and lists ("A, B dan C, masing-masing R1, R2
    dan R3"); honorifics, ranks and degrees are stripped from the name. A role with no name
    ("kata sekda") is returned with ``name=None`` so a later step can resolve it to a named person.
    """
    out: list[Mention] = []
    pos = 0
    local = _local_places(text)
    for m in _role_heads(text):
        if m.start() < pos:
            continue
        pos = m.end()
        if is_headline(_line_at(text, m.start())):
            continue  # "Kapolres Bangka Barat Tegaskan Personel …": title case hides where a name ends
        start = m.start()
        needs_name = False
        if fold(m.group("head")) in _ENGLISH_HEADS:
            english = _english_role_start(text, m)
            if english is None:
                continue
            start, needs_name = english
        # (the words before, on the same line: a subhead above a role is no part of it)
        prev = text[max(0, m.start() - 25, text.rfind("\n", 0, m.start()) + 1):m.start()].lower().split()
        candidacy = next((c for c in _CANDIDACY.finditer(text, max(0, m.start() - 25), m.start())
                          if c.end() == m.start()), None)
        if candidacy:
            start = candidacy.start()
        elif prev and prev[-1].strip("(") in LEXICON.role_blockers:
            continue  # "Pemilihan Kepala Daerah", "Keputusan Presiden": no office held by anyone named
        mention = _parse_role(text, m, start, local)
        if needs_name and (mention.name is None or mention.start < start):
            continue  # a lower-case head with no holder named after it
        mention.no_office = candidacy is not None or bool(_CAMPAIGN.search(mention.role or "")) \
            or bool(_PRIVATE.search(mention.role or ""))
        out.append(mention)
        pos = max(pos, mention.end)
    return _respectively(text, out)


# A candidate pair written as one name ("Richard Kumaat-Meiky Pangemanan"): two full names joined by a hyphen.
_PAIR = re.compile(r"([^-]+ [^-\s]+)-([A-Z][^-\s]*(?: [^-\s]+)+)")


def split_pairs(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each name made of two full names joined by a hyphen as two mentions, one per person, so that
    "kata Richard" and "tegas Hanny" resolve to the person and not to the pair."""
    out: list[Mention] = []
    for m in mentions:
        pair = _PAIR.fullmatch(m.name or "")
        if pair is None:
            out.append(m)
            continue
        second = text.find(pair.group(2), m.start)
        out.append(Mention(m.start, m.end, pair.group(1), m.role, m.no_office))
        out.append(Mention(second, m.end, pair.group(2), m.role, m.no_office))
    return out


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def is_headline(line: str) -> bool:
    """A title-case line (headline, subheading): most words capitalised, no closing full stop or colon, and
    no speech verb in lower case ("Kepala BKPSDM Lahat, Sri Astuti menegaskan:" introduces a quote)."""
    if len(line) > _HEADLINE_CHARS or line.rstrip().endswith((".", ":", '"', "”")):
        return False
    words: list[str] = [w for w in _WORD.findall(line) if len(w) > 3]
    if not words or len(words) > 25 or any(w in _LOWER_SPEECH_VERBS for w in words):
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _parse_role(text: str, m: re.Match[str], start: int, local: frozenset[str]) -> Mention:
    """The mention whose role head is ``m`` (the role itself starts at ``start``)."""
    toks = _tokens(text, m.end())
    # a head whose short form holds the list word ("Kordiv", "Kabid" for Koordinator Divisi, Kepala Bidang)
    list_role = bool(LEXICON.list_heads & role_key(m.group(0)))
    q_end = _role_qualifiers(text, toks, 0, list_role)
    name_i = _split_role_name(toks, 0, q_end, local, m.group("head"))
    # ROLE[,] [LOCATION,] [honorific|rank] NAME
    k = q_end
    if k < len(toks) and toks[k].text == ",":
        k += 1
        if k < len(toks) and _bare(toks[k].text) in LEXICON.region_words:
            # ", Provinsi Kepulauan Bangka Belitung, NAME"; ", Kecamatan Tanjung Lubuk, Kabupaten OKI, NAME"
            while k < len(toks) and _bare(toks[k].text) in LEXICON.region_words:
                loc_end = _role_qualifiers(text, toks, k, False)
                split = _split_role_name(toks, k, loc_end, local, m.group("head"))
                if k < split < loc_end:
                    k = split  # ", Kecamatan X, Kabupaten Y NAME": the last place without its comma
                    break
                if loc_end >= len(toks) or toks[loc_end].text != ",":
                    break
                k = loc_end + 1
        elif (n := _place_length(toks, k, local)) and k + n < len(toks) and toks[k + n].text == ",":
            k += n + 1  # "Sekretaris Daerah Kabupaten Pesisir Selatan, Sumatera Barat, NAME": the province
    # "Anggota Bawaslu Beltim yang membidangi pencegahan, Nur Azizah", "Ketua Tim Pemenangan paslon yang
    # bersangkutan, NAME": a relative clause (after up to two lower-case nouns) in a role that names its body
    # ("anggota yang terbukti tidak netral, Propam …" names none)
    rel = k
    while rel < min(k + 2, len(toks)) and toks[rel].text.islower() and toks[rel].text != "yang" \
            and (not _VERB.match(toks[rel].text) or toks[rel].text in LEXICON.party_nouns):
        rel += 1
    if k == q_end and q_end > 0 and rel < len(toks) and toks[rel].text.lower() == "yang":
        clause = next((c for c in range(rel + 1, min(rel + 7, len(toks))) if not toks[c].text.islower()), -1)
        after_clause = clause + 1 if clause > 0 and toks[clause].text == "," else clause
        if clause > rel + 1:
            # (without the comma the name is the first capitalised word after the clause, and a comma follows it:
            # "… yang membidangi pencegahan Nur Azizah, mengatakan …")
            s, e = _name_run(toks, _skip_honorifics(toks, after_clause), text)
            if e > s and (after_clause > clause or (e < len(toks) and toks[e].text == ",")):
                q_end = clause
                k = after_clause
    elif k == q_end and k < rel < len(toks) and toks[rel].text == ",":
        # "Kuasa hukum terdakwa, NAME, menerima …": the lower-case nouns that close a role, then the name
        # apposed between commas
        s, e = _name_run(toks, _skip_honorifics(toks, rel + 1), text)
        if e > s and _skip_degrees(toks, e) < len(toks) and toks[_skip_degrees(toks, e)].text == ",":
            q_end = rel
            k = rel + 1
    s, e = _name_run(toks, _skip_honorifics(toks, k), text)
    if e > s and k == q_end and k > 0 and _bare(toks[k - 1].text) in LEXICON.named_institutions \
            and e + 1 < len(toks) and toks[e].text == ",":
        named_after = _name_run(toks, _skip_honorifics(toks, e + 1), text)
        if named_after[1] > named_after[0]:  # "Direktur RSUD dr Soehadi Prijonegoro, dr. NAME": the body's name
            q_end = k = e + 1
            s, e = named_after
    if e < len(toks) and _bare(toks[e].text) in LEXICON.org_words:
        s = e  # "…, Pimpinan Perangkat Daerah": the capitalised words name a body, not a person
    if k == q_end and k < len(toks) and _bare(toks[k].text) in _POST_NAME_TITLES and name_i < q_end:
        s = e  # "… Tanah Datar Yusrizal Dt. Rajo Mangkuto": the title follows the name, which ends the role
    role_end = q_end
    if e == s:
        # ROLE NAME: the name closes the capitalised run ("… Provinsi Bengkulu Isnan Fajri di …",
        # "… KASN Muhaziron S. Wibowo usai …"). Checked second: an unknown place before
        # ", Datuk NAME" is part of the role.
        head = fold(m.group("head"))
        # the word right after the head, its short form in parentheses skipped ("Kepala Desa (Kades) Watangcani")
        first = 1 if toks and toks[0].text.startswith("(") else 0
        if name_i == first and q_end >= first + 2 and head in LEXICON.village_heads:
            name_i += 1  # "Kades Sukamaju Budi Santoso": a village or district head's first word is the place
        s, e = _name_run(toks, name_i, text)
        # One unknown word after a head ("Kades Watangcani", "Wali Kota Tangsel") is its territory: villages
        # are not in the gazetteer, nor is every short form of a regency. After a regent or governor it is
        # a name when the article names someone with it in full ("Pj Bupati Sutrisna" for "I Nyoman
        # Sutrisna Adi").
        territory = name_i == first and e - s == 1 and not (
            head not in LEXICON.village_heads and _in_full_name(text, toks[s].text, toks[s].start))
        if e > s and _skip_degrees(toks, e) >= q_end and not territory and not (
                head in LEXICON.village_heads and _ends_clause(toks, e) and _name_before(text, start)):
            # (in "Ahmad Fauzan, Lurah Gunung Antasari." the name came first: the run is the territory)
            role_end = name_i
        else:
            s = e
    role = _role_text(text, toks, start, m.end(), role_end)
    if e > s:
        end_tok = _skip_degrees(toks, e)
        name = _clean_name(_text_of(text, toks, s, e))
        return Mention(start, toks[end_tok - 1].end, name, role)
    end = toks[role_end - 1].end if role_end else m.end()
    # "…, lanjut Riki, wali nagari tersebut terancam …": a role with a demonstrative after it is a
    # definite reference, the subject of its clause, not in apposition to the name before it
    before = None if _DEMONSTRATIVE_AFTER.match(text, end) else _name_before(text, start)
    if before:
        return Mention(before[0], end, before[1], role)
    return Mention(start, end, None, role)


def role_at(text: str, pos: int) -> Mention | None:
    """The role (and name, if one follows) starting at ``pos``, wherever it stands ("mantan Kabag Umum Setda X
    itu": a former office, which :func:`find_mentions` passes over)."""
    m = _ROLE_HEAD.match(text, pos)
    return _parse_role(text, m, pos, _local_places(text)) if m else None


def _in_full_name(text: str, word: str, at: int) -> bool:
    """Whether ``word`` is, elsewhere in the text, one word of a name of several ("Sutrisna" in "I Nyoman
    Sutrisna Adi")."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if m.start() == at:
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        after = _WORD_AFTER.match(text, m.end())
        if (before and is_name_word(before.group(1))) or (after and is_name_word(after.group(1))):
            return True
    return False


def _respectively(text: str, mentions: list[Mention]) -> list[Mention]:
    """Pair a list of names with the list of roles that "masing-masing" introduces, in order.

    "Rudi, Budi dan Ani, masing-masing Kepala Dinas A, Camat B dan Lurah C" names three officials;
    so does the reverse order ("Kepala Dinas A dan Camat B, masing-masing Rudi dan Budi"). The
    lists must be of the same length, else nothing is paired.
    """
    for r in _RESPECTIVELY.finditer(text):
        line_start = text.rfind("\n", 0, r.start()) + 1
        before = re.split(r"[.;:!?]\s", text[line_start:r.start()])[-1]
        before_start = r.start() - len(before)
        roles_after = _roles_in_list(text, mentions, r.end())
        names_before = _names_in_list(text, before_start, r.start())
        if roles_after and len(roles_after) == len(names_before):
            for mention, (start, name) in zip(roles_after, names_before, strict=True):
                mention.name, mention.start = name, start
            continue
        roles_before = [m for m in mentions if before_start <= m.start and m.end <= r.start() and not m.name]
        names_after = _names_in_list(text, r.end(), _clause_end(text, r.end()), then_other=True)
        if roles_before and len(roles_before) == len(names_after):
            for mention, (_, name) in zip(roles_before, names_after, strict=True):
                mention.name = name
    return mentions


def _clause_end(text: str, pos: int) -> int:
    end = re.compile(r"[.;:!?](?:\s|$)|\n").search(text, pos)
    return end.start() if end else len(text)


def _roles_in_list(text: str, mentions: list[Mention], pos: int) -> list[Mention]:
    """The unnamed role mentions that follow one another from ``pos`` ("R1, R2 dan R3")."""
    out: list[Mention] = []
    for m in mentions:
        if m.start < pos:
            continue
        if m.name or text[pos:m.start].strip(" ,\t").lower() not in {"", "dan", "and", "serta"}:
            break
        out.append(m)
        pos = m.end
    return out


_LIST_PART = re.compile(r"(?:(?![ \t]+(?:dan|and|serta)[ \t])[^,;])+")


def _names_in_list(text: str, start: int, end: int, *, then_other: bool = False) -> list[tuple[int, str]]:
    """Names of "[leading words] A, B dan C," between ``start`` and ``end``: each item a whole name, else nothing.

    With ``then_other`` the list may be followed by other words ("… Rudi dan Budi, hadir dalam …").
    """
    out: list[tuple[int, str]] = []
    for part in _LIST_PART.finditer(text, start, end):
        words = list(re.finditer(r"\S+", part.group(0)))
        if words and words[0].group(0).lower() in {"dan", "and", "serta"}:
            words = words[1:]
        if not words:
            continue
        part_end = part.start() + len(part.group(0).rstrip(". \t"))
        # the first item may open with other words ("Hadir pula Rudi"); every other item is a name
        candidates = words if not out else words[:1]
        found = next((f for w in candidates if (f := name_at(text, part.start() + w.start()))
                      and f.end >= part_end), None)
        if found is None:
            return out if then_other else []
        out.append((found.start, found.name or ""))
    return out


def name_at(text: str, pos: int) -> Mention | None:
    """A bare name (after honorifics) starting at ``pos`` ("Rudi", "Mohammad Iqbal", "Iqba")."""
    toks = _tokens(text, pos, limit=12)
    i = _skip_honorifics(toks, 0)
    s, e = _name_run(toks, i, text)
    if e == s:
        return None
    end_tok = _skip_degrees(toks, e)
    return Mention(toks[0].start, toks[end_tok - 1].end, _clean_name(_text_of(text, toks, s, e)), None)


def find_unnamed(text: str) -> list[tuple[int, int]]:
    """Offsets of unnamed people: "seorang warga", "salah satu ASN", "a resident" (whose quotes stay unattributed)."""
    return [(m.start(), m.end()) for m in _INDEFINITE.finditer(text)]


@lru_cache(maxsize=4096)
def role_key(role: str) -> frozenset[str]:
    """Comparable words of a role, short forms expanded ("sekda" → sekretaris daerah)."""
    low = re.sub(r"[()]", " ", role.lower())
    for short, full in LEXICON.role_aliases.items():
        low = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, low)
    return frozenset(w for w in re.findall(r"\w+", low))


def is_specific_role(role: str) -> bool:
    """A bare role identifies one person only if it is more than a generic head ("sekda" yes, "ketua" no)."""
    return fold(role).strip() not in LEXICON.generic_heads
