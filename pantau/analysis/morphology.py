"""Speech verbs from their roots: Indonesian and Malay affixes, English inflection.

A list of whole verb forms misses the one it lacks: copy that writes "membenarkan", "memastikan" or
"ditambahkan" where earlier copy wrote "mengatakan" loses its speaker. The lexicon therefore holds
roots ("tegas", "benar", "explain") and this module derives the forms news copy uses from them:

* ``meN-`` with its nasal (tegas → menegaskan, sampai → menyampaikan, benar → membenarkan,
  kata → mengatakan, jelas → menjelaskan, lanjut → melanjutkan), with ``-kan`` or ``-i``;
* ``ber-`` (kata → berkata, ujar → berujar, pesan → berpesan);
* passive ``di-…-kan`` / ``di-…-i`` (ditegaskan, disampaikan), whose agent follows the verb;
* the bare root and ``root-kan`` for the short attribution after a quote ("tegas Rudi", "jelaskan Rudi");
* English third person and past (explain → explains, explained; admit → admitted).

Malay builds the same verbs the same way (berkata, menjelaskan, katanya), so one set serves both.
"""

from __future__ import annotations

_VOWELS = frozenset("aiueo")


def me_n(root: str) -> str:
    """The active verb ``meN-`` + ``root``: the nasal takes the place of the root's first sound.

    k, p, t and s before a vowel are replaced by their nasal (kata → mengata-, papar → memapar-,
    tegas → menegas-, sebut → menyebut); before a consonant they stay (klaim → mengklaim).
    """
    first, second = root[:1], root[1:2]
    before_vowel = second in _VOWELS
    if first in _VOWELS or first in {"g", "h"}:
        return "meng" + root
    if first == "k":
        return "meng" + (root[1:] if before_vowel else root)
    if first == "p":
        return "mem" + (root[1:] if before_vowel else root)
    if first in {"b", "f", "v"}:
        return "mem" + root
    if first == "t":
        return "men" + (root[1:] if before_vowel else root)
    if first in {"d", "c", "j", "z"}:
        return "men" + root
    if first == "s":
        return "meny" + root[1:] if before_vowel else "men" + root
    return "me" + root  # l, m, n, r, w, y


def ber(root: str) -> str:
    """``ber-`` + ``root`` ("berkata"); ``be-`` before r ("berencana")."""
    return ("be" if root.startswith("r") else "ber") + root


def active_forms(root: str) -> set[str]:
    """The active forms of an Indonesian/Malay root: meN-, meN-…-kan, meN-…-i, ber-, and root-kan."""
    base = me_n(root)
    return {base, base + "kan", base + "i", ber(root), root + "kan"}


def passive_forms(root: str) -> set[str]:
    """The passive forms whose agent follows ("ditegaskan Ketua KPU …")."""
    return {"di" + root + "kan", "di" + root + "i"}


def english_forms(root: str) -> set[str]:
    """Third person and past of a regular English verb ("explain" → explains, explained)."""
    if root.endswith("e"):
        past = root + "d"
    elif root.endswith("y") and root[-2:-1] not in _VOWELS:
        past = root[:-1] + "ied"
    elif (len(root) <= 5 and root[-1] not in "aeiouwxy" and root[-2:-1] in _VOWELS
          and root[-3:-2] not in _VOWELS):
        past = root + root[-1] + "ed"  # admit → admitted
    else:
        past = root + "ed"
    if root.endswith(("s", "sh", "ch", "x", "z")):
        third = root + "es"
    elif root.endswith("y") and root[-2:-1] not in _VOWELS:
        third = root[:-1] + "ies"
    else:
        third = root + "s"
    return {past, third}
