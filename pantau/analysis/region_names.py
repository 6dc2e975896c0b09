"""Region names a person types (alert rules, ``--region``) resolved to the names articles carry.

Articles are tagged with official Kemendagri names ("Kepulauan Bangka Belitung",
"Kabupaten Bangka Selatan"); people write "Babel", "Basel", "Kab. Belitung",
"provinsi bengkulu". A filter on a name no article carries matches nothing and
says nothing, so every name is resolved through the same gazetteer and aliases
the analysis uses, case- and space-insensitively, and an unknown one is refused
with the nearest known names.

A bare name that is both a province and its capital ("Bengkulu") resolves to the
province (which covers the city); one shared by a regency and a city ("Bogor")
stays bare, which the stores and rules read as "Kabupaten Bogor or Kota Bogor".
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib import resources

import yaml

from pantau.analysis.regions import Place, _key, _strip_kind, gazetteer

SUGGESTIONS = 3
ALIASES = "data/region_aliases.yaml"
# Prefixes people put before a province's name that the gazetteer's explicit keys lack.
PROVINCE_PREFIXES = ("prov", "propinsi")


class UnknownRegion(ValueError):
    """The name is no province, regency or city pantau knows (the message suggests near ones)."""


def _filter_name(places: list[Place]) -> str:
    provinces = [p.province for p in places if p.regency is None]
    if provinces:
        return provinces[0]
    regencies = sorted({p.regency for p in places if p.regency})
    if len(regencies) == 1:
        return regencies[0]
    bases = {_strip_kind(r)[1] for r in regencies}
    return bases.pop() if len(bases) == 1 else regencies[0]


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """(lookup key -> name to filter on, for every known way of writing one; folded -> written name to suggest)."""
    gaz = gazetteer()
    lookup = {key: _filter_name(places) for key, places in gaz.bare.items()}
    for key, place in gaz.explicit.items():
        lookup[key] = place.regency or place.province
        if key.startswith("provinsi"):
            for prefix in PROVINCE_PREFIXES:
                lookup[prefix + key.removeprefix("provinsi")] = place.province
    spelled: set[str] = set()
    for place in gaz.explicit.values():
        spelled.add(place.regency or place.province)
        if place.regency and _key(_strip_kind(place.regency)[1].split()) in lookup:
            spelled.add(_strip_kind(place.regency)[1])
    aliases = yaml.safe_load(resources.files("pantau.analysis").joinpath(ALIASES).read_text("utf-8"))
    spelled |= {alias for table in ("provinces", "regencies") for alias in aliases[table]}
    return lookup, {name.casefold(): name for name in spelled}


def resolve_region(name: str) -> str:
    """The name articles are filtered on for ``name``; :class:`UnknownRegion` when there is none."""
    lookup, suggestions = _names()
    found = lookup.get(_key(name.split()))
    if found:
        return found
    near = difflib.get_close_matches(" ".join(name.split()).casefold(), list(suggestions), n=SUGGESTIONS,
                                     cutoff=0.75)
    hint = f"; did you mean {' or '.join(repr(suggestions[n]) for n in near)}?" if near else \
        "; give a province or a regency/city, e.g. 'Kepulauan Bangka Belitung', 'Babel', 'Kabupaten Belitung'"
    raise UnknownRegion(f"unknown region {name!r}{hint}")
