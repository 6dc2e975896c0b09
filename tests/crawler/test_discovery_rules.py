"""Discovery rules the fixture site does not exercise, on small loopback sites of CMS shapes met in the wild.

Each rule came out of a trial of ``pantau outlets add`` on sites it had never seen: a listing-only
Lokomedia site (stories at ``/berita-<slug>.html`` beside ``/kategori-…``, ``/tag-…``, ``/halaman-…``
pages, "Selanjutnya »" pagination), a feed advertised at a URL that now 301s, a WordPress multisite
member whose robots.txt is the network root's, and home titles that are not the outlet's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from helpers import http_server
from parsel import Selector

from crawler.discover import discover, site_name
from crawler.fetch import Fetched, Fetcher
from crawler.probe import read_listing
from crawler.sources import next_page

Pages = dict[str, tuple[int, str]]  # path (with query) -> (status, body or Location)


def serve(pages: Pages) -> Any:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, value = pages.get(self.path, (404, "<html><body>tidak ada</body></html>"))
            body = b"" if status in (301, 302) else value.encode()
            self.send_response(status)
            if status in (301, 302):
                self.send_header("Location", value)
            kind = "application/rss+xml" if value.startswith("<?xml") and "<rss" in value else \
                "application/xml" if value.startswith("<?xml") else "text/plain" if self.path == "/robots.txt" \
                else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature from the base class
            """Quiet."""

    return http_server(Handler)


BODY = ("Bupati mengingatkan seluruh aparatur sipil negara di lingkungan pemerintah kabupaten untuk menjaga "
        "netralitas menjelang hari pemungutan suara, termasuk di media sosial. Pesan itu disampaikan saat apel "
        "gabungan di halaman kantor bupati. Satuan tugas pengawasan netralitas menerima laporan masyarakat dan "
        "meneruskannya kepada Bawaslu apabila ditemukan indikasi pelanggaran oleh pegawai.")
STORIES = [f"/berita-{slug}.html" for slug in (
    "bupati-ingatkan-asn-jaga-netralitas", "bawaslu-temukan-asn-langgar-netralitas-di-media-sosial",
    "banjir-rendam-sembilan-desa-di-lore-utara", "harga-cabai-rawit-di-pasar-poso-naik",
    "warga-keluhkan-jalan-rusak-penghubung-kecamatan", "kepala-desa-dilaporkan-hadiri-kampanye",
    "kpu-gelar-debat-publik-kedua-calon-bupati", "angka-stunting-turun-menjadi-tujuh-persen",
    "gelombang-tinggi-nelayan-diimbau-tidak-melaut")]
NAVIGATION = ["/kategori-1-politik.html", "/kategori-2-peristiwa-daerah.html", "/tag-kepala-desa.html",
              "/tag-asn.html", "/halaman-2-pedoman-media-siber.html", "/halaman-1-redaksi.html", "/agenda.html"]


def lokomedia_site() -> Pages:
    """No feed, no sitemap: the "Indeks Berita" link of the menu leads to /indeks?page=N, "Selanjutnya »"."""

    def shell(title: str, main: str) -> str:
        menu = "".join(f'<li><a href="{p}">{p[1:-5]}</a></li>' for p in NAVIGATION)
        popular = "".join(f'<li><a href="{p}">{p[8:-5]}</a></li>' for p in STORIES[6:8])
        return (f"<html><head><title>{title}</title></head><body><div id='menu'><ul><li><a href='/'>Home</a></li>"
                f"{menu}<li><a href='/indeks'>Indeks Berita</a></li></ul></div><div id='content'>{main}</div>"
                f"<div id='sidebar'><h3>Terpopuler</h3><ul>{popular}</ul></div></body></html>")

    def rows(paths: list[str]) -> str:
        return "".join(f"<div class='judul'><a href='{p}'>{p[8:-5].replace('-', ' ').title()}</a></div>"
                       for p in paths)

    pages: Pages = {"/": (200, shell("Poso Raya News - Berita Poso Terkini", rows(STORIES[:3]))),
                    "/robots.txt": (200, "User-agent: *\nDisallow: /adminweb/\n")}
    chunks = [STORIES[0:3], STORIES[3:6], STORIES[6:9]]
    for n, chunk in enumerate(chunks, 1):
        pager = "".join(f" <a href='/indeks?page={k}'>{k}</a>" for k in range(1, 4) if k != n)
        if n < len(chunks):
            pager += f" | <a href='/indeks?page={n + 1}'>Selanjutnya &raquo;</a>"
        pages["/indeks" if n == 1 else f"/indeks?page={n}"] = (200, shell("Indeks Berita", rows(chunk) + pager))
    for p in STORIES:
        related = f"<b>Berita Terkait:</b> <a href='{STORIES[0]}'>terkait</a>"
        pages[p] = (200, shell(p[8:-5].replace("-", " ").title() + " - Poso Raya News",
                               f"<div class='detailberita'><h1>{p[8:-5]}</h1><div class='posting'>Kamis, 03 12 2026 - "
                               f"10:15:00 WIB</div><div class='isi'><p>{BODY}</p><p>{BODY}</p></div>{related}</div>"))
    for p in NAVIGATION:
        pages[p] = (200, shell(p[1:-5], f"<h2>{p[1:-5]}</h2><p>{BODY}</p>"))
    return pages


@pytest.fixture(scope="module")
def lokomedia() -> Iterator[str]:
    with serve(lokomedia_site()) as url:
        yield url


def test_listing_only_site_with_id_less_story_slugs(lokomedia: str) -> None:
    """Menu, tag and static pages share the stories' path level; the stories share their "berita-" word."""
    found = discover(Fetcher("pantau-test", 5), lokomedia + "/", "pantau-test", samples=1)
    assert found.inference is not None and found.verdict == "OK", found.failure()
    assert found.urls("listing") == [lokomedia + "/indeks"] and found.max_listing_pages == 3
    pattern = re.compile(found.inference.pattern)
    assert all(pattern.match(lokomedia + p) for p in STORIES)
    assert pattern.match(lokomedia + "/berita-pemkab-poso-salurkan-bantuan-beras.html")
    assert not any(pattern.match(lokomedia + p) for p in NAVIGATION), found.inference.pattern
    assert not any(s.url.startswith(lokomedia + "/berita-") for s in found.sources)  # headlines are not menus


def test_a_listing_s_furniture_is_what_every_page_links(lokomedia: str) -> None:
    report = read_listing(Fetcher("pantau-test", 5), lokomedia + "/indeks", max_pages=3)
    assert report.pages == 3 and not report.more_pages
    assert {lokomedia + p for p in NAVIGATION if p != "/agenda.html"} <= report.furniture
    assert {lokomedia + p for p in STORIES[6:8]} <= report.furniture  # the "Terpopuler" box
    assert not report.furniture & {lokomedia + p for p in STORIES[:6]}
    assert {lokomedia + p for p in NAVIGATION if p != "/agenda.html"} <= report.fixtures
    assert not report.fixtures & {lokomedia + p for p in STORIES}  # popular ones are listed on page 3 too


def test_footer_pages_with_a_story_s_shape_are_left_out_by_name() -> None:
    """WordPress with post-name links: /pedoman-media-siber/ (every Indonesian outlet has one) looks like a story."""
    posts = [f"/{slug}/" for slug in ("bupati-ingatkan-asn-jaga-netralitas", "banjir-rendam-sembilan-desa-di-belinyu",
                                      "harga-cabai-rawit-di-sungailiat-naik", "kpu-bangka-gelar-debat-publik-kedua",
                                      "angka-stunting-di-bangka-turun", "nelayan-diimbau-tidak-melaut-pekan-ini")]
    statics = ["/pedoman-media-siber/", "/susunan-redaksi-dan-kontak/", "/tentang-kami/"]
    footer = "".join(f"<a href='{p}'>{p.strip('/')}</a> " for p in statics)
    recent = "<aside>" + "".join(f"<a href='{p}'>baru</a>" for p in posts[:2]) + "</aside>"

    def page(main: str) -> str:
        return (f"<html><head><title>Suara Babel – Berita Terkini</title><link rel='alternate' "
                f"type='application/rss+xml' href='/feed/'></head><body><nav><a href='/indeks/'>Indeks</a></nav>"
                f"<main>{main}</main>{recent}<footer>{footer}</footer></body></html>")

    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>" +
            "".join(f"<item><title>t</title><link>{p}</link></item>" for p in posts[:2]) + "</channel></rss>")
    pages: Pages = {"/": (200, page("")), "/feed/": (200, feed), "/robots.txt": (200, "User-agent: *\n")}
    for n, chunk in enumerate([posts[0:2], posts[2:4], posts[4:6]], 1):
        more = f"<a class='next page-numbers' href='/indeks/page/{n + 1}/'>Berikutnya</a>" if n < 3 else ""
        pages["/indeks/" if n == 1 else f"/indeks/page/{n}/"] = (
            200, page("".join(f"<h2><a href='{p}'>judul</a></h2>" for p in chunk) + more))
    with serve(pages) as url:
        found = discover(Fetcher("pantau-test", 5), url + "/", "pantau-test", samples=0)
    assert found.inference is not None and found.urls("listing") == [url + "/indeks/"]
    pattern = re.compile(found.inference.pattern)
    assert all(pattern.match(url + p) for p in posts)
    assert pattern.match(url + "/pemkab-bangka-salurkan-bantuan-beras/")
    assert not any(pattern.match(url + p) for p in statics), found.inference.pattern


def test_what_a_yoast_page_sitemap_lists_is_left_out_by_name() -> None:
    """One index page (no furniture to learn from), but robots.txt names a Yoast index whose page-sitemap.xml
    lists the static pages: /pedoman-media-siber/ is no story, new three-word posts are."""
    posts = [f"/{slug}/" for slug in ("bupati-ingatkan-asn-jaga-netralitas", "banjir-rendam-sembilan-desa-di-belinyu",
                                      "harga-cabai-rawit-di-sungailiat-naik", "kpu-bangka-gelar-debat-publik-kedua")]
    statics = ["/pedoman-media-siber/", "/redaksi/", "/kontak/"]
    links = "".join(f"<a href='{p}'>{p.strip('/')}</a> " for p in [*posts, *statics])
    home = (f"<html><head><title>Suara Babel</title><link rel='alternate' type='application/rss+xml' "
            f"href='/feed/'></head><body><nav><a href='/indeks-berita/'>Indeks</a></nav>{links}</body></html>")
    urlset = "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{}</urlset>"
    index = ("<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
             "<sitemap><loc>/post-sitemap.xml</loc></sitemap><sitemap><loc>/page-sitemap.xml</loc></sitemap>"
             "</sitemapindex>")
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>" +
            "".join(f"<item><title>t</title><link>{p}</link></item>" for p in posts[:2]) + "</channel></rss>")
    pages: Pages = {"/": (200, home), "/indeks-berita/": (200, home), "/feed/": (200, feed),
                    "/robots.txt": (200, "User-agent: *\nSitemap: /sitemap_index.xml\n"),
                    "/sitemap_index.xml": (200, index),
                    "/post-sitemap.xml": (200, urlset.format("".join(f"<url><loc>{p}</loc></url>" for p in posts))),
                    "/page-sitemap.xml": (200, urlset.format("".join(f"<url><loc>{p}</loc></url>" for p in statics)))}
    with serve(pages) as url:
        found = discover(Fetcher("pantau-test", 5), url + "/", "pantau-test", samples=0)
    assert found.inference is not None
    pattern = re.compile(found.inference.pattern)
    assert all(pattern.match(url + p) for p in posts)
    assert pattern.match(url + "/pemkab-bangka-salurkan-bantuan-beras/")
    assert not any(pattern.match(url + p) for p in statics), found.inference.pattern


def test_a_next_page_that_serves_page_one_again_has_no_furniture() -> None:
    same = "<html><body><a href='/a'>a</a> <a href='/b'>b</a> <a href='/indeks?page=2'>Next</a></body></html>"
    with serve({"/indeks": (200, same), "/indeks?page=2": (200, same)}) as url:
        report = read_listing(Fetcher("pantau-test", 5), url + "/indeks", max_pages=3)
    assert report.pages == 2 and report.furniture == frozenset()


@pytest.mark.parametrize(("anchor", "is_next"), [
    ("<a href='/p2'>Selanjutnya &raquo;</a>", True), ("<a href='/p2'>Next ›</a>", True),
    ("<a href='/p2'>&raquo;</a>", True), ("<a href='/p2'> berikutnya </a>", True),
    ("<a href='/p2'>Posting Lama</a>", True), ("<a href='/p2'>&laquo; Older posts</a>", True),
    ("<a href='/p2'>&laquo; Sebelumnya</a>", False), ("<a href='/p2'>Terakhir &raquo;</a>", False),
    ("<a href='/p2'>&laquo;</a>", False), ("<a href='/p2'>Selanjutnya: Bupati Resmikan Pasar</a>", False),
])
def test_next_page_link_by_its_words_with_or_without_arrows(anchor: str, is_next: bool) -> None:
    page = Selector(text=f"<html><body><a href='/p1'>1</a>{anchor}</body></html>")
    assert next_page(page, "https://contoh.id/indeks") == ("https://contoh.id/p2" if is_next else None)


def test_a_next_link_that_stays_on_the_page_is_none() -> None:
    page = Selector(text="<html><body><div class='slider'><a class='next' href='#slide-2'>Next</a>"
                         "<a href='javascript:void(0)'>Selanjutnya</a></div><a href='/indeks?page=2'>2</a>"
                         "<a href='/indeks?page=2'>Selanjutnya &raquo;</a></body></html>")
    assert next_page(page, "https://contoh.id/indeks") == "https://contoh.id/indeks?page=2"


def test_rel_next_comes_before_words() -> None:
    page = Selector(text="<html><head><link rel='next' href='/indeks/2'></head><body>"
                         "<a href='/lain'>Selanjutnya</a></body></html>")
    assert next_page(page, "https://contoh.id/indeks") == "https://contoh.id/indeks/2"


FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>" + "".join(
    f"<item><title>{n}</title><link>/read/{31877 - n}/judul-berita-nomor-{n}</link></item>" for n in range(4)) +
    "</channel></rss>")


def test_a_feed_advertised_at_a_moved_url_is_registered_where_it_is_now() -> None:
    home = ("<html><head><title>Belitong Pos</title><link rel='alternate' type='application/rss+xml' href='/feed'>"
            "</head><body></body></html>")
    article = f"<html><head><title>Judul</title></head><body><article><h1>Judul</h1><p>{BODY}</p></article></body>"
    pages: Pages = {"/": (200, home), "/feed": (301, "/rss"), "/rss": (200, FEED)}
    pages.update({f"/read/{31877 - n}/judul-berita-nomor-{n}": (200, article) for n in range(4)})
    with serve(pages) as url:
        found = discover(Fetcher("pantau-test", 5), url + "/", "pantau-test", samples=1)
    assert found.urls("feed") == [url + "/rss"]
    feed = found.chosen[0]
    assert feed.verdict == "OK" and "moved permanently from " + url + "/feed" in feed.note


def test_a_network_member_s_own_sitemap_is_tried_when_robots_names_only_the_root_s() -> None:
    member = "<html><head><title>Kabar Papua – Berita Terkini</title></head><body></body></html>"
    urlset = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{}</urlset>")
    root_posts = "".join(f"<url><loc>/2026/11/berita-jaringan-nomor-{n}/</loc></url>" for n in range(3))
    own_posts = "".join(f"<url><loc>/kabarpapua/2026/11/berita-anggota-nomor-{n}/</loc></url>" for n in range(3))
    pages: Pages = {"/kabarpapua/": (200, member), "/robots.txt": (200, "Sitemap: /wp-sitemap.xml\n"),
                    "/wp-sitemap.xml": (200, urlset.format(root_posts)),
                    "/kabarpapua/wp-sitemap.xml": (200, urlset.format(own_posts))}
    with serve(pages) as url:
        found = discover(Fetcher("pantau-test", 5), url + "/kabarpapua/", "pantau-test", samples=0)
    assert url + "/kabarpapua/wp-sitemap.xml" in [s.url for s in found.sources]
    assert found.inference is not None and found.inference.pattern.startswith("^" + re.escape(url + "/kabarpapua/"))
    assert found.urls("sitemap") == [url + "/kabarpapua/wp-sitemap.xml"]


def home(title: str, url: str = "https://www.contoh.id/", body: str = "") -> Fetched:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return Fetched(url, url, 200, {"content-type": "text/html; charset=utf-8"}, html.encode())


HEADLINES = "<h1><a href='/2026/12/03/bupati-ingatkan-asn/'>Bupati Ingatkan ASN Jaga Netralitas</a></h1>"


@pytest.mark.parametrize(("page", "name"), [
    (home("Sinar Bangka – Suara Bumi Sepintu Sedulang", body=HEADLINES), "Sinar Bangka"),
    (home("Beranda | Bawaslu Kabupaten Lombok Timur", body=HEADLINES), "Bawaslu Kabupaten Lombok Timur"),
    (home("WartaKalbar.id - Berita Kalbar Terkini"), "WartaKalbar.id"),
    (home("Berita Terkini Hari Ini - Bangka Pos", "https://bangkapos.com/"), "Bangka Pos"),
    (home("Berita Daerah Terpercaya | Warta Sepintu", "http://127.0.0.1:8080/",
          "<a href='/'><img alt='Warta Sepintu' src='/logo.png'></a>"), "Warta Sepintu"),
    (home("Kabar Seluma"), "Kabar Seluma"),
    (home("", "https://kabarseluma.blogspot.com/"), "kabarseluma.blogspot.com"),
])
def test_site_name_from_the_home_title_not_its_headlines(page: Fetched, name: str) -> None:
    assert site_name(page) == name


def test_og_site_name_wins() -> None:
    page = Fetched("https://contoh.id/", "https://contoh.id/", 200, {}, b"<html><head><title>Beranda</title>"
                   b"<meta property='og:site_name' content='Contoh  News'></head></html>")
    assert site_name(page) == "Contoh News"
