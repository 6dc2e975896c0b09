"""``pantau outlets add``: an outlet found from its home page alone, then crawled like a hand-written one.

The onboarding outlets of the fixture site each hide their articles behind one way in that only
the home page reveals (a feed in ``<link rel="alternate">``, a sitemap named only in robots.txt,
an "Indeks" listing linked only from the navigation). Discovery runs in this process (plain HTTP
over loopback); the crawls run the real spider and pipelines in child processes.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import free_port, run_cli

from crawler.discover import discover
from crawler.fetch import Fetcher
from crawler.outlets import load_outlets_file
from pantau.cli import main
from pantau.fixture_site import FixtureSite
from pantau.urls import canonical_url

CRAWL_CONFIG = """
[crawl]
autothrottle = false
download_timeout = 5
retry_times = 1
workers = 0
"""
# trafilatura's feed module imports urllib3's optional SOCKS support, which warns that PySocks is absent
pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.DependencyWarning")
# outlet -> the one kind of source its home page leads to
DISCOVERABLE = {"warta-pesisir": "feeds", "kabar-timah": "sitemaps", "suara-rejang": "listings"}


@pytest.fixture(scope="module")
def site() -> Iterator[FixtureSite]:
    with FixtureSite(onboarding=True) as running:
        yield running


def pantau(*argv: str) -> tuple[int, str, str]:
    """The CLI in this process, for module-scoped fixtures (capsys is per test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def discovered(site: FixtureSite) -> dict[str, tuple[int, dict[str, Any], str]]:
    found = {}
    for oid in DISCOVERABLE:
        code, out, err = pantau("outlets", "add", site.base_url(oid) + "/", "--id", oid)
        entries = yaml.safe_load(out)["outlets"] if out else [{}]
        assert len(entries) == 1
        found[oid] = (code, entries[0], err)
    return found


@pytest.mark.parametrize("oid", list(DISCOVERABLE))
def test_outlet_is_found_from_its_home_page_through_its_one_way_in(
        site: FixtureSite, discovered: dict[str, tuple[int, dict[str, Any], str]], oid: str) -> None:
    code, entry, err = discovered[oid]
    assert code == 0, err
    assert err.rstrip().endswith("verdict  OK"), err
    base = site.base_url(oid)
    kind = DISCOVERABLE[oid]
    assert {k for k in ("feeds", "sitemaps", "listings") if k in entry} == {kind}
    expected_source = {"feeds": "/?format=feed&type=rss", "sitemaps": "/sitemaps/kabar-timah-berita.xml",
                       "listings": "/indeks"}[kind]
    assert entry[kind] == [base + expected_source]
    if kind == "listings":
        assert entry["max_listing_pages"] == 3  # the listing has three pages; all are needed
    pattern = re.compile(entry["article_pattern"])
    assert entry["article_pattern"].startswith("^" + re.escape(base) + "/")
    for path in site.article_paths(oid):
        assert pattern.match(base + path), (entry["article_pattern"], path)
    manifest = json.loads(resources.files("pantau.fixture_site").joinpath("sites/manifest.json").read_text("utf-8"))
    for path, route in manifest["outlets"][oid]["routes"].items():
        if route["kind"] != "article":
            assert not pattern.match(base + path), (entry["article_pattern"], path)
    assert entry["region"] == manifest["outlets"][oid]["region"]  # inferred from the sample articles
    assert entry["name"] == manifest["outlets"][oid]["name"]
    assert len(re.findall(r"^  article  OK ", err, re.MULTILINE)) == 3


CORE = ["antara-babel", "antara-bengkulu", "belitong-ekspres", "trawang-news", "linesnews", "kabar-serumpun"]


@pytest.mark.parametrize("oid", CORE)
def test_discovery_on_every_other_fixture_cms(site: FixtureSite, oid: str) -> None:
    """The fixture's other sites (ANTARA, bacakoran, two WordPress themes, a custom CMS): from the home page
    alone, sources that reach every article, a pattern that takes them and no other page, robots.txt obeyed."""
    site.clear_requests()
    found = discover(Fetcher("pantau-test", 5), site.base_url(oid) + "/", "pantau-test")
    assert found.verdict == "OK" and found.inference is not None
    base, pattern = site.base_url(oid), re.compile(found.inference.pattern)
    articles = {canonical_url(site.url(oid, p)) for p in site.article_paths(oid)}
    reached = {url for source in found.chosen for url in source.articles}
    assert articles <= reached
    assert reached - articles <= {canonical_url(site.url(oid, p)) for p in site.disallowed_paths(oid)}
    manifest = json.loads(resources.files("pantau.fixture_site").joinpath("sites/manifest.json").read_text("utf-8"))
    for path, route in manifest["outlets"][oid]["routes"].items():
        assert bool(pattern.match(base + path)) == (route["kind"] in ("article", "amp", "private")), path
    asked = {r.path for r in site.requests if r.outlet_id == oid}
    assert not asked & set(site.disallowed_paths(oid))


def test_a_section_home_whose_articles_live_elsewhere_on_the_host(site: FixtureSite) -> None:
    """A home under a path is searched under that path first; a WordPress category's posts are not under it."""
    base = site.base_url("linesnews")
    found = discover(Fetcher("pantau-test", 5), base + "/category/berita/", "pantau-test")
    assert found.inference is not None and found.scope == base + "/"
    assert found.home.final_url == base + "/category/berita/"
    assert found.verdict == "OK" and found.urls("feed") == [base + "/feed/"]
    asked = {r.path for r in site.requests if r.outlet_id == "linesnews"}
    assert {"/category/berita/feed/", "/category/berita/rss.xml"} <= asked  # the usual places below the path


def test_discovered_entries_crawl_every_article_as_the_hand_written_ones_do(
        site: FixtureSite, discovered: dict[str, tuple[int, dict[str, Any], str]], tmp_path: Path) -> None:
    auto = tmp_path / "discovered.yaml"
    auto.write_text(yaml.safe_dump({"outlets": [e for _, e, _ in discovered.values()]}), encoding="utf-8")
    hand = site.write_outlets_yaml(tmp_path / "hand.yaml")
    config = tmp_path / "pantau.toml"
    config.write_text(CRAWL_CONFIG)
    runs = {}
    for name, registry in (("auto", auto), ("hand", hand)):
        args = [sys.executable, "-m", "pantau.cli", "--config", str(config), "--data-dir", str(tmp_path / name),
                "crawl", "--outlets", str(registry)] + [a for oid in DISCOVERABLE for a in ("--only", oid)]
        runs[name] = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    docs = {}
    for name, proc in runs.items():
        _, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr[-2000:]
        export = subprocess.run([sys.executable, "-m", "pantau.cli", "--data-dir", str(tmp_path / name), "export"],
                                capture_output=True, text=True, timeout=60, check=True)
        docs[name] = {d["url"]: d for d in map(json.loads, export.stdout.splitlines())}
    expected = {canonical_url(site.url(oid, p)) for oid in DISCOVERABLE for p in site.article_paths(oid)}
    assert set(docs["hand"]) == expected
    assert set(docs["auto"]) == expected
    for url, doc in docs["auto"].items():
        for field in ("body", "title", "published", "regions", "tags"):
            assert doc[field] == docs["hand"][url][field], (url, field)
        assert len(doc["body"].split()) >= 40


def test_write_adds_then_replaces_the_entry_by_id_keeping_the_file(
        site: FixtureSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = tmp_path / "outlets.yaml"
    registry.write_text("# my outlets\noutlets:\n  - id: contoh-news  # kept\n    name: Contoh\n"
                        "    home: https://contoh.id/\n    feeds: [https://contoh.id/feed/]\n"
                        "    article_pattern: '^https://contoh\\.id/berita/\\d+/'\n")
    url = site.base_url("kabar-timah") + "/"
    code, out, err = run_cli(capsys, "outlets", "add", url, "--id", "kabar-timah", "--write", str(registry))
    assert code == 0, err
    assert f"kabar-timah added in {registry}" in err
    code, _, err = run_cli(capsys, "outlets", "add", url, "--id", "kabar-timah", "--name", "Kabar Timah Babel",
                           "--regency", "Pangkalpinang", "--write", str(registry))
    assert code == 0 and f"kabar-timah replaced in {registry}" in err
    text = registry.read_text()
    assert text.startswith("# my outlets\n") and "# kept" in text and text.count("id: kabar-timah") == 1
    outlets = load_outlets_file(registry)
    assert list(outlets) == ["contoh-news", "kabar-timah"]
    assert outlets["kabar-timah"].name == "Kabar Timah Babel"
    assert outlets["kabar-timah"].region is not None
    assert (outlets["kabar-timah"].region.province, outlets["kabar-timah"].region.regency) == \
        ("Kepulauan Bangka Belitung", "Kota Pangkal Pinang")


def test_broken_home_writes_nothing(site: FixtureSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A site whose article bodies come out empty is reported BROKEN and not written into the registry."""
    registry = tmp_path / "outlets.yaml"
    code, out, err = run_cli(capsys, "outlets", "add", site.base_url("info-beltim") + "/", "--write", str(registry))
    assert code == 1
    assert "verdict  BROKEN: no sample article has a body" in err and err.rstrip().endswith("not written")
    assert not registry.exists()
    assert "article_pattern" in out  # the entry is still shown, for a maintainer to fix by hand


def test_dead_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}/"
    code, out, err = run_cli(capsys, "outlets", "add", url)
    assert (code, out, err) == (1, "", f"pantau: error: cannot fetch {url}: connection refused\n")


def test_server_that_never_answers_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as silent:  # accepts connections (backlog) and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        code, out, err = run_cli(capsys, "outlets", "add", url, "--timeout", "0.5")
    assert (code, out, err) == (1, "", f"pantau: error: cannot fetch {url}: timed out after 0.5 s\n")


@pytest.mark.parametrize(("args", "message"), [
    (["babel.antaranews.com"], "not an http(s) URL"),
    (["https://contoh.id/", "--id", "Contoh News"], "--id: 'Contoh News' is not an outlet id"),
    (["https://contoh.id/", "--province", "Atlantis"], "--province/--regency: unknown province 'Atlantis'"),
    (["https://contoh.id/", "--province", "Bengkulu", "--regency", "Belitung"],
     "Kabupaten Belitung is in Kepulauan Bangka Belitung, not Bengkulu"),
])
def test_bad_input_is_refused_in_one_line_before_any_request(
        capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run_cli(capsys, "outlets", "add", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err
