"""The whole built-in registry, entry by entry (as fundus tests every publisher).

One parametrized case per outlet, so a broken entry is named in the failure. Each entry must
validate, carry a pattern that compiles, accepts the entry's example article and no discovery page,
name official regions (the Kemendagri gazetteer the analysis uses), and an enabled entry must say
where its URLs were seen.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from typing import Any

import pytest
import yaml

from crawler.outlets import BUILTIN_REGISTRY, Outlet, load_builtin

REGISTRY = load_builtin()


def _raw_registry() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(resources.files("crawler").joinpath(BUILTIN_REGISTRY).read_text("utf-8"))
    return data


def _gazetteer() -> tuple[set[str], dict[str, str]]:
    """Official province names, and each regency/city with the province it belongs to."""
    codes = {}
    for line in resources.files("pantau.analysis").joinpath("data/gazetteer.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            codes[code] = name
    provinces = {name for code, name in codes.items() if len(code) == 2}
    regencies = {name: codes[code[:2]] for code, name in codes.items() if len(code) == 5}
    return provinces, regencies


PROVINCES, REGENCIES = _gazetteer()


def _site(url: str) -> str:
    """The registered domain of a URL (``rss.kompas.com`` and ``regional.kompas.com`` are one site)."""
    labels = url.split("/")[2].split(".")
    return ".".join(labels[-3:] if labels[-2] in ("co", "go", "or", "ac", "web") else labels[-2:])


def test_the_registry_is_broad() -> None:
    assert len(REGISTRY) >= 60
    assert sum(o.enabled for o in REGISTRY.values()) >= 40
    networks = Counter(o.network for o in REGISTRY.values() if o.network)
    assert networks["antara"] >= 30 and networks["disway"] >= 10 and networks["tribun"] >= 5


def test_ids_are_unique_across_networks_and_outlets() -> None:
    raw = _raw_registry()
    ids = [m["id"] for n in raw["networks"] for m in n["members"]] + [o["id"] for o in raw["outlets"]]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert len(ids) == len(REGISTRY)
    assert len({n["id"] for n in raw["networks"]}) == len(raw["networks"])


def test_every_network_says_where_its_scheme_was_seen() -> None:
    for network in _raw_registry()["networks"]:
        assert network["evidence"], network["id"]


@pytest.mark.parametrize("outlet", REGISTRY.values(), ids=list(REGISTRY))
def test_entry(outlet: Outlet) -> None:
    regex = re.compile(outlet.article_pattern)
    assert outlet.article_pattern.startswith("^https"), "anchored to the outlet's own origin"
    if outlet.enabled:
        assert outlet.evidence, "an enabled outlet says where its URLs were seen"
        assert outlet.example_article, "an enabled outlet carries an example article URL"
    else:
        assert outlet.note, "a disabled outlet says why"
    if outlet.example_article:
        assert regex.match(outlet.example_article) or regex.match(outlet.canonical(outlet.example_article))
        # the example's story URL is itself an article of this outlet (rewrites keep it on the pattern)
        assert regex.match(outlet.canonical(outlet.example_article))
    for url in (outlet.home, *outlet.feeds, *outlet.sitemaps, *outlet.listings):
        assert not outlet.is_article(url), url
        assert _site(url) == _site(outlet.home), f"{url} is off the outlet's site"
    if outlet.region is not None:
        assert outlet.region.province in PROVINCES
        if outlet.region.regency is not None:
            assert REGENCIES.get(outlet.region.regency) == outlet.region.province


def test_network_members_live_on_their_own_host() -> None:
    for network in _raw_registry()["networks"]:
        for member in network["members"]:
            outlet = REGISTRY[member["id"]]
            assert outlet.network == network["id"]
            assert outlet.home.split("/")[2] == member["host"]
            assert re.escape(member["host"]) in outlet.article_pattern


def test_disway_page_numbers_and_amp_twins_are_one_story() -> None:
    for outlet in (o for o in REGISTRY.values() if o.network == "disway"):
        host = outlet.home.rstrip("/")
        story = f"{host}/read/21186/bawaslu-ingatkan-asn-netral"
        for variant in (story, story + "/15", story + "/15/", f"{host}/amp/21186/bawaslu-ingatkan-asn-netral/3"):
            assert outlet.is_article(variant) and outlet.canonical(variant) == story, variant
