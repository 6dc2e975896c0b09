"""The bundled fixture news site itself: pages, registry, conditional GET, edits, faults, request log.

Plain urllib against 127.0.0.1; crawl tests (Scrapy over this site) live elsewhere.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import formatdate, parsedate_to_datetime
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from helpers import REPO, TESTS

from crawler.outlets import load_outlets_file, load_registry
from pantau.fixture_site import FAULT_OUTLET, FixtureSite

CLEAN = TESTS / "data" / "clean"
SEEDS = REPO / "tools" / "seeds"  # the text of the real pages the seed articles come from
OUTLETS = ["antara-babel", "antara-bengkulu", "belitong-ekspres", "trawang-news", "linesnews",
           "kabar-serumpun"]
PUBLISHED = re.compile(r'article:published_time" content="([^"]+)"')


# -- helpers ---------------------------------------------------------------------------------------


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, headers: dict[str, str] | None = None, timeout: float = 10) -> Response:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return Response(r.status, dict(r.headers.items()), r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, dict(e.headers.items()), e.read())


class _Text(HTMLParser):
    """Visible text of a page, one line per block element (scripts and styles skipped)."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "li", "section", "figcaption", "footer", "header", "span", "br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return norm("".join(parser.parts))


def clean_paragraphs(seed_id: str) -> list[str]:
    text = (CLEAN / f"{seed_id}.txt").read_text(encoding="utf-8")
    return [norm(p) for p in text.split("\n\n") if p.strip()]


def routes(outlet: str) -> dict[str, dict[str, str]]:
    manifest = json.loads(resources.files("pantau.fixture_site").joinpath("sites/manifest.json").read_text())
    return manifest["outlets"][outlet]["routes"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def site() -> Iterator[FixtureSite]:
    with FixtureSite() as s:
        yield s


@pytest.fixture(scope="module")
def faulty() -> Iterator[FixtureSite]:
    with FixtureSite(faults=True, timeout_delay=1.0) as s:
        yield s


# -- pages -----------------------------------------------------------------------------------------


def test_each_outlet_runs_on_its_own_loopback_port(site: FixtureSite) -> None:
    bases = {site.base_url(o) for o in site.outlet_ids}
    assert len(bases) == len(site.outlet_ids) > 0
    assert all(re.fullmatch(r"http://127\.0\.0\.1:\d+", b) for b in bases)
    for outlet in site.outlet_ids:
        home = fetch(site.base_url(outlet) + "/")
        assert home.status == 200 and home.headers["Content-Type"].startswith("text/html"), outlet


@pytest.mark.parametrize("outlet", OUTLETS)
def test_articles_are_served_with_canonical_and_published_time(site: FixtureSite, outlet: str) -> None:
    base = site.base_url(outlet)
    paths = site.article_paths(outlet)
    assert len(paths) >= 4
    for path in paths:
        r = fetch(base + path)
        assert r.status == 200, path
        assert r.headers["Content-Type"] == "text/html; charset=utf-8"
        assert f'<link rel="canonical" href="{base}{path}">' in r.text
        assert '<meta property="article:published_time" content="' in r.text
        assert "__BASE" not in r.text  # every URL token was resolved to a running origin


def test_pages_differ_in_published_time_zone(site: FixtureSite) -> None:
    def published(outlet: str) -> str:
        found = PUBLISHED.search(fetch(site.url(outlet, site.article_paths(outlet)[0])).text)
        assert found
        return found.group(1)

    assert published("antara-babel").endswith("+07:00")
    assert published("trawang-news").endswith("+00:00")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", published("antara-bengkulu"))  # no zone


def test_amp_twin_points_back_to_canonical(site: FixtureSite) -> None:
    base = site.base_url("belitong-ekspres")
    canonical = "/read/7426/masa-kampanye-pilkada-2024-diskominfo-belitung-imbau-asn-bijaksana-gunakan-medsos"
    page = fetch(base + canonical).text
    assert f'<link rel="amphtml" href="{base}{canonical.replace("/read/", "/amp/")}">' in page
    amp = fetch(base + canonical.replace("/read/", "/amp/"))
    assert amp.status == 200 and "<html amp" in amp.text
    assert f'<link rel="canonical" href="{base}{canonical}">' in amp.text


def test_unknown_path_is_404_and_query_string_is_ignored(site: FixtureSite) -> None:
    base = site.base_url("antara-babel")
    assert fetch(base + "/berita/1/tidak-ada").status == 404
    path = site.article_paths("antara-babel")[0]
    assert fetch(base + path + "?utm_source=wa&utm_medium=share").status == 200


def test_sites_tree_is_small(site: FixtureSite) -> None:
    root = Path(str(resources.files("pantau.fixture_site").joinpath("sites")))
    sizes = [p.stat().st_size for p in root.rglob("*") if p.is_file()]
    assert sum(sizes) < 1024 * 1024
    assert max(sizes) < 100 * 1024  # the 5 MB fault page is generated at request time, never stored


# -- registry --------------------------------------------------------------------------------------


def test_outlets_yaml_is_a_valid_registry_for_the_running_site(site: FixtureSite, tmp_path: Path) -> None:
    path = site.write_outlets_yaml(tmp_path / "outlets.yaml", schedule="*/5 * * * *")
    outlets = load_outlets_file(path)
    assert list(outlets) == site.outlet_ids
    for oid, outlet in outlets.items():
        base = site.base_url(oid)
        assert outlet.home == base + "/"
        assert outlet.schedule == "*/5 * * * *"
        assert outlet.region is not None
        for p in site.article_paths(oid):
            assert outlet.article_regex.match(base + p), (oid, p)
        for p, route in routes(oid).items():
            if route["kind"] in ("listing", "feed", "sitemap", "robots", "page"):
                assert not outlet.article_regex.match(base + p), (oid, p)
        for p in site.disallowed_paths(oid):  # drafts look like articles: only robots.txt keeps them out
            assert outlet.article_regex.match(base + p)
    assert len(outlets[FAULT_OUTLET].feeds) == 1  # the broken feed only exists with faults=True


def test_outlets_yaml_without_schedule(site: FixtureSite, tmp_path: Path) -> None:
    text = site.write_outlets_yaml(tmp_path / "o.yaml").read_text()
    assert "schedule" not in text
    assert re.search(r"article_pattern: \^http://127\\\.0\\\.0\\\.1:\d+/\(amp/\)\?berita/", text)
    assert text.splitlines()[1] == "use_builtin: false"  # the fixture outlets only, never a real site


def test_belitong_mirrors_the_disway_network_of_the_registry(site: FixtureSite, tmp_path: Path) -> None:
    """The fixture outlet applies the registry's Disway rewrites, and its home links page 2 of a story."""
    outlet = load_outlets_file(site.write_outlets_yaml(tmp_path / "o.yaml"))["belitong-ekspres"]
    assert outlet.canonical_rewrites == load_registry()["belitong-ekspres"].canonical_rewrites
    base, story = site.base_url("belitong-ekspres"), site.article_paths("belitong-ekspres")[0]
    assert f'href="{base}{story}/2"' in fetch(base + "/").text
    assert fetch(base + story + "/2").status == 404  # never served: the crawler must ask for the story
    assert outlet.story_url(base + story + "/2") == base + story


def test_robots_names_sitemap_and_disallows_a_linked_draft(site: FixtureSite) -> None:
    for oid in OUTLETS:
        base = site.base_url(oid)
        r = fetch(base + "/robots.txt")
        assert r.headers["Content-Type"] == "text/plain; charset=utf-8"
        sitemap = re.search(r"^Sitemap: (\S+)$", r.text, re.M)
        assert sitemap and sitemap.group(1).startswith(base + "/")
        assert fetch(sitemap.group(1)).status == 200
        disallowed = re.findall(r"^Disallow: (\S+)$", r.text.split("\n\n")[0], re.M)
        (first_pages, *_) = site.listing_pages(oid).values()
        listing_one = fetch(base + first_pages[0]).text
        for draft in site.disallowed_paths(oid):
            assert any(draft.startswith(d) for d in disallowed), (oid, draft)
            assert fetch(base + draft).status == 200  # served: a crawler that ignores robots would store it
            assert f'href="{base}{draft}"' in listing_one


@pytest.mark.parametrize("outlet", ["antara-babel", "linesnews"])
def test_listing_paginates_three_deep_and_page_three_holds_articles_only_it_links(
    site: FixtureSite, outlet: str
) -> None:
    base = site.base_url(outlet)
    (pages,) = site.listing_pages(outlet).values()
    assert len(pages) == 3
    for n, page in enumerate(pages):
        text = fetch(base + page).text
        nxt = re.search(r'<link rel="next" href="([^"]+)">', text)
        assert (nxt.group(1) if nxt else None) == (base + pages[n + 1] if n + 1 < len(pages) else None)
    only_deep = [p for p, src in site.article_sources(outlet).items() if src == ["listing:3"]]
    assert only_deep, "max_listing_pages=2 must be able to hide some articles"
    last = fetch(base + pages[2]).text
    assert all(f'href="{base}{p}"' in last for p in only_deep)


def test_listings_link_distractor_pages(site: FixtureSite) -> None:
    base = site.base_url("antara-babel")
    text = fetch(base + "/terkini").text
    for path in ("/tentang-kami", "/tag/netralitas-asn", "/indeks", "/login"):
        assert f'href="{base}{path}"' in text
        assert fetch(base + path).status == 200


def test_feeds_and_sitemaps_are_well_formed_and_absolute(site: FixtureSite) -> None:
    for oid in OUTLETS:
        base = site.base_url(oid)
        for path, route in routes(oid).items():
            if route["kind"] not in ("feed", "sitemap"):
                continue
            r = fetch(base + path)
            assert r.headers["Content-Type"].endswith("; charset=utf-8")
            root = ET.fromstring(r.body)
            locs = [e.text or "" for e in root.iter() if e.tag.endswith(("}loc", "link", "}id")) and e.text]
            locs += [e.get("href", "") for e in root.iter() if e.tag.endswith("}link") and e.get("href")]
            assert locs and all(u.startswith(base) for u in locs), (oid, path)


def test_sitemap_index_leads_to_news_sitemap_with_lastmod(site: FixtureSite) -> None:
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    base = site.base_url("belitong-ekspres")
    index = ET.fromstring(fetch(base + "/sitemap.xml").body)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    children = [e.text for e in index.findall("sm:sitemap/sm:loc", ns)]
    news = ET.fromstring(fetch(children[0] or "").body)
    urls = {u.findtext("sm:loc", namespaces=ns): u.findtext("sm:lastmod", namespaces=ns)
            for u in news.findall("sm:url", ns)}
    assert set(urls) == {base + p for p in site.article_paths("belitong-ekspres")}
    assert all(urls.values())


# -- seed articles ---------------------------------------------------------------------------------


def test_every_seed_has_a_clean_reference_and_a_page(site: FixtureSite) -> None:
    assert sorted(site.seed_articles()) == sorted(p.stem for p in CLEAN.glob("*.txt"))


@pytest.mark.parametrize("seed_id", sorted(p.stem for p in CLEAN.glob("*.txt")))
def test_seed_page_contains_clean_reference_in_order(site: FixtureSite, seed_id: str) -> None:
    outlet, path = site.seed_articles()[seed_id]
    text = page_text(fetch(site.url(outlet, path)).text)
    at = 0
    for para in clean_paragraphs(seed_id):
        found = text.find(para, at)
        assert found >= 0, (seed_id, para[:60])
        at = found + len(para)


@pytest.mark.parametrize("seed_id", sorted(p.stem for p in CLEAN.glob("*.txt")))
def test_seed_page_carries_all_the_text_of_the_real_page(site: FixtureSite, seed_id: str) -> None:
    """Every line of the real page (``tools/seeds``) is on the fixture page: the body and the junk its template
    wraps round it (bylines, "BACA JUGA:" inserts, copyright, comment form), which the crawl must strip
    (``tests/crawler/test_crawl_fixture.py`` compares the stored bodies with the clean references)."""
    outlet, path = site.seed_articles()[seed_id]
    text = page_text(fetch(site.url(outlet, path)).text)
    lines = [norm(line) for line in (SEEDS / f"{seed_id}.txt").read_text(encoding="utf-8").splitlines()]
    real = [line for line in lines if line]
    assert set(real) - set(clean_paragraphs(seed_id)), "the real page has text beside its body"
    for line in real:
        assert line in text, line[:60]


def test_antara_babel_template_repeats_the_body(site: FixtureSite) -> None:
    outlet, path = site.seed_articles()["antara-babel-sekda-belitung-foto-caleg"]
    text = page_text(fetch(site.url(outlet, path)).text)
    assert text.count(clean_paragraphs("antara-babel-sekda-belitung-foto-caleg")[1]) == 2


def test_kabar_serumpun_republishes_the_babel_story_a_day_later(site: FixtureSite) -> None:
    paras = clean_paragraphs("antara-babel-sekda-belitung-foto-caleg")
    copy_path = next(p for p in site.article_paths("kabar-serumpun") if "sekda-belitung" in p)
    html = fetch(site.url("kabar-serumpun", copy_path)).text
    text = page_text(html)
    assert "Kabar Serumpun/ANTARA" in text and all(p in text for p in paras)
    _, orig_path = site.seed_articles()["antara-babel-sekda-belitung-foto-caleg"]
    published = PUBLISHED.search(html)
    orig = PUBLISHED.search(fetch(site.url("antara-babel", orig_path)).text)
    assert published and published.group(1)[:10] == "2023-12-01"
    assert orig and orig.group(1)[:10] == "2023-11-30"


def test_one_article_is_in_english(site: FixtureSite) -> None:
    english = [p for p in site.article_paths("antara-babel") if "tin-exports" in p]
    assert len(english) == 1
    page = fetch(site.url("antara-babel", english[0])).text
    assert "Tin exports from the Bangka Belitung Islands rose" in page
    assert '<meta property="article:section" content="English">' in page


# -- conditional GET -------------------------------------------------------------------------------


@pytest.mark.parametrize(("outlet", "path"), [("antara-babel", "/rss/terkini.xml"),
                                              ("belitong-ekspres", "/sitemap.xml"),
                                              ("linesnews", "/category/berita/page/2/")])
def test_conditional_get(site: FixtureSite, outlet: str, path: str) -> None:
    url = site.url(outlet, path)
    first = fetch(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.status == 200 and etag.startswith('"')
    assert fetch(url, {"If-None-Match": etag}).status == 304
    assert fetch(url, {"If-None-Match": f'"other", W/{etag}'}).status == 304
    assert fetch(url, {"If-None-Match": '"stale"'}).status == 200
    assert fetch(url, {"If-Modified-Since": modified}).status == 304
    older = formatdate(parsedate_to_datetime(modified).timestamp() - 3600, usegmt=True)
    assert fetch(url, {"If-Modified-Since": older}).status == 200
    # If-None-Match decides when both are sent
    assert fetch(url, {"If-None-Match": '"stale"', "If-Modified-Since": modified}).status == 200
    not_modified = fetch(url, {"If-None-Match": etag})
    assert not_modified.body == b"" and not_modified.headers["ETag"] == etag


def test_replace_article_changes_page_sitemap_and_feed() -> None:
    with FixtureSite() as s:
        for outlet, feed_or_sitemap in (("belitong-ekspres", "/sitemap-news.xml"),
                                        ("antara-babel", "/rss/terkini.xml"),
                                        ("kabar-serumpun", "/feed.atom")):
            path = s.article_paths(outlet)[0]
            before = fetch(s.url(outlet, path))
            listing_before = fetch(s.url(outlet, feed_or_sitemap))
            s.replace_article(outlet, path, new_paragraph="Pembaruan: Bawaslu menerima 3 laporan baru.")
            after = fetch(s.url(outlet, path), {"If-None-Match": before.headers["ETag"]})
            assert after.status == 200, outlet
            assert "<p>Pembaruan: Bawaslu menerima 3 laporan baru.</p>" in after.text
            assert after.headers["Last-Modified"] != before.headers["Last-Modified"]
            mod = re.compile(r'article:modified_time" content="([^"]+)"')
            new, old = mod.search(after.text), mod.search(before.text)
            assert new and old and new.group(1) != old.group(1)
            listing_after = fetch(s.url(outlet, feed_or_sitemap),
                                  {"If-None-Match": listing_before.headers["ETag"]})
            assert listing_after.status == 200, (outlet, feed_or_sitemap)
            assert listing_after.body != listing_before.body
        # other articles are untouched
        other = s.article_paths("belitong-ekspres")[1]
        assert "Pembaruan" not in fetch(s.url("belitong-ekspres", other)).text
        with pytest.raises(KeyError):
            s.replace_article("belitong-ekspres", "/read/1/nope", new_paragraph="x")


def test_replace_article_bumps_the_sitemap_lastmod_of_that_url() -> None:
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    with FixtureSite() as s:
        base = s.base_url("trawang-news")
        path = s.article_paths("trawang-news")[1]

        def lastmods() -> dict[str, str | None]:
            root = ET.fromstring(fetch(base + "/post-sitemap.xml").body)
            return {u.findtext("sm:loc", namespaces=ns) or "": u.findtext("sm:lastmod", namespaces=ns)
                    for u in root.findall("sm:url", ns)}

        before = lastmods()
        s.replace_article("trawang-news", path, new_paragraph="Tambahan keterangan.")
        after = lastmods()
        assert after[base + path] != before[base + path]
        assert {k: v for k, v in after.items() if k != base + path} == \
            {k: v for k, v in before.items() if k != base + path}


# -- request log -----------------------------------------------------------------------------------


def test_request_log_records_outlet_method_path_headers_status(site: FixtureSite) -> None:
    site.clear_requests()
    path = site.article_paths("linesnews")[0]
    fetch(site.url("linesnews", path) + "?utm_source=fb", {"User-Agent": "pantau-test/1"})
    fetch(site.url("antara-bengkulu", "/nope"))
    assert [(r.outlet_id, r.method, r.path, r.status) for r in site.requests] == [
        ("linesnews", "GET", path + "?utm_source=fb", 200),
        ("antara-bengkulu", "GET", "/nope", 404),
    ]
    assert site.requests[0].headers["User-Agent"] == "pantau-test/1"
    site.clear_requests()
    assert site.requests == []


def test_stop_releases_the_ports() -> None:
    s = FixtureSite().start()
    base = s.base_url("antara-babel")
    s.stop()
    with pytest.raises(RuntimeError):
        s.base_url("antara-babel")
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + "/", timeout=2)
    s.stop()  # idempotent


# -- faults ----------------------------------------------------------------------------------------


def test_no_fault_pages_without_faults(site: FixtureSite) -> None:
    assert site.fault_paths() == {}
    with FixtureSite(faults=True) as f:
        paths = f.fault_paths()
    base = site.base_url(FAULT_OUTLET)
    assert all(fetch(base + p).status == 404 for p in paths.values())
    for page in ("/category/daerah/", "/feed/"):
        text = fetch(base + page).text
        assert not any(p in text for p in paths.values())
        assert "fault-" not in text


def test_fault_pages_are_linked_and_match_the_article_pattern(faulty: FixtureSite, tmp_path: Path) -> None:
    outlet = load_outlets_file(faulty.write_outlets_yaml(tmp_path / "o.yaml"))[FAULT_OUTLET]
    base = faulty.base_url(FAULT_OUTLET)
    paths = faulty.fault_paths()
    assert set(paths) == {"error-once", "slow", "truncated", "cp1252", "huge", "bad-feed"}
    assert outlet.feeds == (base + "/feed/", base + paths["bad-feed"])
    listing, feed = fetch(base + "/category/daerah/").text, fetch(base + "/feed/").text
    ET.fromstring(feed)  # still well-formed with the fault items in it
    for kind, path in paths.items():
        if kind != "bad-feed":
            assert outlet.article_regex.match(base + path), kind
            assert f'href="{base}{path}"' in listing and f"<link>{base}{path}</link>" in feed


def test_fault_error_once_then_article(faulty: FixtureSite) -> None:
    url = faulty.url(FAULT_OUTLET, faulty.fault_paths()["error-once"])
    assert fetch(url).status == 500
    second = fetch(url)
    assert second.status == 200 and "Pasar Ikan Tanjungpandan" in second.text
    assert fetch(url).status == 200


def test_fault_slow_times_out_a_client_but_not_the_server(faulty: FixtureSite) -> None:
    url = faulty.url(FAULT_OUTLET, faulty.fault_paths()["slow"])
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        urllib.request.urlopen(url, timeout=0.3).read()
    assert fetch(faulty.url(FAULT_OUTLET, "/")).status == 200  # other requests are still answered
    assert fetch(url, timeout=5).status == 200  # a patient client gets the article


def test_fault_truncated_html_still_has_text(faulty: FixtureSite) -> None:
    r = fetch(faulty.url(FAULT_OUTLET, faulty.fault_paths()["truncated"]))
    assert r.status == 200
    assert not r.text.rstrip().endswith("</html>") and r.text.endswith('<a href="/tag/pil')
    assert "Pengawasan netralitas ASN menjadi salah satu fokus kami" in page_text(r.text)


def test_fault_cp1252_article(faulty: FixtureSite) -> None:
    r = fetch(faulty.url(FAULT_OUTLET, faulty.fault_paths()["cp1252"]))
    assert r.headers["Content-Type"] == "text/html; charset=windows-1252"
    assert b'content="text/html; charset=windows-1252"' in r.body
    assert b"Ren\xe9" in r.body and b"\x93Kami" in r.body and b" \x96 " in r.body
    with pytest.raises(UnicodeDecodeError):
        r.body.decode("utf-8")
    text = r.body.decode("cp1252")
    assert "Kafé milik René Saputra" in text and "\u201cKami ingin anak muda" in text


def test_fault_huge_page(faulty: FixtureSite) -> None:
    r = fetch(faulty.url(FAULT_OUTLET, faulty.fault_paths()["huge"]))
    assert r.status == 200 and len(r.body) >= 5_000_000
    assert "ASN wajib netral. Tidak ada tawar-menawar soal itu" in r.text


def test_fault_bad_feed(faulty: FixtureSite) -> None:
    r = fetch(faulty.url(FAULT_OUTLET, faulty.fault_paths()["bad-feed"]))
    assert r.status == 200 and r.headers["Content-Type"].startswith("application/rss+xml")
    with pytest.raises(ET.ParseError):
        ET.fromstring(r.body)


# -- onboarding outlets (FixtureSite(onboarding=True)) -----------------------------------------------


def test_onboarding_outlets_are_served_only_when_asked_for(site: FixtureSite, tmp_path: Path) -> None:
    assert "warta-pesisir" not in site.outlet_ids  # crawl tests and the demo see the six outlets only
    with FixtureSite(onboarding=True) as s:
        onboarding = s.outlet_ids[len(site.outlet_ids):]
        assert s.outlet_ids[: len(site.outlet_ids)] == site.outlet_ids and onboarding
        assert not set(onboarding) & set(site.outlet_ids)
        for outlet in onboarding:
            assert fetch(s.base_url(outlet) + "/").status == 200, outlet
        registry = load_outlets_file(s.write_outlets_yaml(tmp_path / "o.yaml"))
        assert list(registry) == s.outlet_ids


def test_onboarding_routes_at_query_strings_and_301s() -> None:
    with FixtureSite(onboarding=True) as s:
        joomla = s.base_url("warta-pesisir")
        feed = fetch(joomla + "/?format=feed&type=rss")
        assert feed.status == 200 and feed.headers["Content-Type"].startswith("application/rss+xml")
        assert len(ET.fromstring(feed.body).findall("./channel/item")) == 4
        assert fetch(joomla + "/?utm_source=x").headers["Content-Type"].startswith("text/html")  # other queries: /
        assert '<link href="/?format=feed&amp;type=rss" rel="alternate"' in fetch(joomla + "/").text
        assert fetch(s.url("suara-rejang", "/indeks?page=3")).status == 200
        host, port = s.base_url("lintas-bangka").removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=5)
        connection.request("GET", "/rss.xml")
        moved = connection.getresponse()
        assert moved.status == 301 and moved.getheader("Location") == s.url("lintas-bangka", "/berita/feed")
        connection.close()
        assert fetch(s.url("catatan-seluma", "/feeds/posts/default")).status == 404
        assert "Sitemap: " + s.url("kabar-timah", "/sitemaps/kabar-timah-index.xml") in \
            fetch(s.url("kabar-timah", "/robots.txt")).text
