"""Region names a person types (alert rules, ``--region``) resolved to the names articles carry.

Articles are tagged with official Kemendagri names ("Kepulauan Bangka Belitung",
"Kabupaten Bangka Selatan"); people write "Babel", "Basel", "Kab. Belitung",
"provinsi bengkulu". A filter on a name no article carries matches nothing and
says nothing, so every name is resolved through the same gazetteer and aliases
the analysis uses, case- and space-insensitively, and an unknown one is refused
with the nearest known names.

A bare name that is both a province and its capital ("Bengkulu") resolves to the
province (which covers the city); one shared by a regency and a city ("Bogor")
stays bare, which the stores and rules read as "Kabupaten Bogor or Kota Bogor"
(:func:`names_matching`, the one place that expansion is written).

``outlets add --province/--regency`` names the two levels apart
(:func:`official_region`); it reads names through the same lookup.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib import resources

import yaml

from pantau.analysis.regions import Place, _key, _strip_kind, gazetteer
from pantau.models import Region

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


def places_named(name: str) -> list[Place]:
    """Every place a typed name can mean, case- and space-insensitively.

    A name with its kind ("Kabupaten Belitung", "Kab. Belitung", "provinsi bengkulu", "Prov.
    Bengkulu") means that one place; a bare name or a short form ("Bogor", "Babel") each place
    of that name in the gazetteer and ``region_aliases.yaml``; an unknown name nothing.
    """
    gaz = gazetteer()
    key = _key(name.split())
    for prefix in PROVINCE_PREFIXES:
        if key.startswith(prefix) and (place := gaz.explicit.get("provinsi" + key.removeprefix(prefix))):
            return [place]
    exact = gaz.explicit.get(key)
    return [exact] if exact else gaz.bare.get(key, [])


def names_matching(region: str) -> tuple[str, ...]:
    """The names an article's province or regency may carry to match a resolved ``region``.

    The name itself (a province, or an official regency/city name) and, for a bare name shared
    by a regency and a city ("Bogor"), both official names; the stores' ``--region`` filters and
    the alert rules all match through this.
    """
    return region, f"Kabupaten {region}", f"Kota {region}"


@lru_cache(maxsize=1)
def _suggestions() -> dict[str, str]:
    """Folded -> written name of every name worth suggesting for a typo."""
    gaz = gazetteer()
    spelled: set[str] = set()
    for place in gaz.explicit.values():
        spelled.add(place.regency or place.province)
        if place.regency and places_named(_strip_kind(place.regency)[1]):
            spelled.add(_strip_kind(place.regency)[1])
    aliases = yaml.safe_load(resources.files("pantau.analysis").joinpath(ALIASES).read_text("utf-8"))
    spelled |= {alias for table in ("provinces", "regencies") for alias in aliases[table]}
    return {name.casefold(): name for name in spelled}


def resolve_region(name: str) -> str:
    """The name articles are filtered on for ``name``; :class:`UnknownRegion` when there is none."""
    places = places_named(name)
    if places:
        return _filter_name(places)
    suggestions = _suggestions()
    near = difflib.get_close_matches(" ".join(name.split()).casefold(), list(suggestions), n=SUGGESTIONS,
                                     cutoff=0.75)
    hint = f"; did you mean {' or '.join(repr(suggestions[n]) for n in near)}?" if near else \
        "; give a province or a regency/city, e.g. 'Kepulauan Bangka Belitung', 'Babel', 'Kabupaten Belitung'"
    raise UnknownRegion(f"unknown region {name!r}{hint}")


def official_region(province: str | None, regency: str | None) -> Region:
    """The official (gazetteer) names for a province and/or regency a person typed.

    Accepts what :func:`places_named` reads ("kepulauan bangka belitung", "Babel", "Basel");
    a bare name asked for as a regency is the regency or city ("Belitung"), and a regency
    alone brings its province. Raises ValueError with a one-line reason (unknown, ambiguous,
    or not in that province).
    """
    place: Place | None = None
    if province:
        found = {p.province for p in places_named(province) if p.regency is None}
        if len(found) != 1:
            official = {p.province for places in gazetteer().bare.values() for p in places}
            close = difflib.get_close_matches(province.title(), sorted(official), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown province {province!r}{hint}")
        place = Place(found.pop(), None)
    if regency:
        options = [p for p in places_named(regency) if p.regency]
        if place is not None and len(options) > 1:
            options = [p for p in options if p.province == place.province] or options
        if not options:
            names = sorted({p.regency for ps in gazetteer().bare.values() for p in ps if p.regency})
            close = difflib.get_close_matches(regency, names, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown regency or city {regency!r}{hint}")
        if len(options) > 1:
            raise ValueError(f"{regency!r} is ambiguous: {' or '.join(sorted(str(p.regency) for p in options))}")
        if place is not None and options[0].province != place.province:
            raise ValueError(f"{options[0].regency} is in {options[0].province}, not {place.province}")
        place = options[0]
    if place is None:
        raise ValueError("no province or regency given")
    return Region(place.province, place.regency)
