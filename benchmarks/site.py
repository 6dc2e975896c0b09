"""A generated loopback news site of N article pages, and the server process that serves it.

The pages use the bundled fixture site's page templates (the outlet themes of
:mod:`pantau.fixture_site.generator`: ANTARA, Belitong Ekspres/bacakoran and a
WordPress theme), filled with :mod:`benchmarks.corpus` stories and grown to
about 100 KB each with the boilerplate real regional pages carry: an inline
state/ads script, analytics, a mega-menu, a "Terpopuler" sidebar, reader
comments, ad-slot comments and a link-heavy footer. Articles are discovered
the way the crawler discovers real ones: a paginated listing per outlet
(newest first, 20 per page) and a sitemap index with 1,000 URLs per child.

Each outlet is served on its own loopback address (127.0.0.1, .2, .3) so
Scrapy gives each its own download slot, as with real outlets. The server runs
in its own process (``python -m benchmarks.site --pages N``) so it never
competes for the crawler's GIL; it renders every page before it reports ready,
answers conditional requests (ETag / Last-Modified → 304) and counts requests
by kind, readable at ``/__bench/stats`` and reset by ``/__bench/reset``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

import yaml

from benchmarks.corpus import FIRST_NAMES, PLACES, VILLAGES, Story, story
from pantau.fixture_site.generator.feeds import robots, sitemap_index
from pantau.fixture_site.generator.model import Article, Link
from pantau.fixture_site.generator.outlets import path_page, wp_page
from pantau.fixture_site.generator.themes import AntaraTheme, BacakoranTheme, Theme, WordPressTheme

REPO = Path(__file__).resolve().parent.parent
TARGET_PAGE_BYTES = 100_000
PER_LISTING_PAGE = 20
MAX_LISTING_PAGES = 10  # the registry entry's bound: older articles come from the sitemap only
SITEMAP_CHUNK = 1000
HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class OutletDef:
    """One generated outlet: its theme, URL shapes and registry fields."""

    id: str
    name: str
    host: str  # loopback address of its server
    article_pattern: str  # regex on the URL path
    listing: str
    page_url: Callable[[str, int], str]
    path_of: Callable[[Story], str]
    section: str

    def theme(self) -> Theme:
        if self.id == "bench-antara":
            return AntaraTheme(self.id, self.name, "offset")
        if self.id == "bench-bacakoran":
            theme = BacakoranTheme()
            theme.outlet, theme.name = self.id, self.name
            return theme
        return WordPressTheme(self.id, self.name, "utc", (Link("/category/daerah/", "Daerah"),
                                                          Link("/category/politik/", "Politik")))


OUTLETS: tuple[OutletDef, ...] = (
    OutletDef("bench-antara", "ANTARA Bench", "127.0.0.1", r"/berita/\d+/", "/terkini", path_page,
              lambda s: f"/berita/{400000 + s.index}/{s.slug}", "Politik"),
    OutletDef("bench-bacakoran", "Bacakoran Bench", "127.0.0.2", r"/read/\d+/", "/kategori/pemerintahan",
              path_page, lambda s: f"/read/{s.index}/{s.slug}", "Pemerintahan"),
    OutletDef("bench-wp", "Warta Bench", "127.0.0.3", r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/$", "/category/daerah/",
              wp_page, lambda s: f"{s.published:/%Y/%m/%d}/{s.slug}/", "Daerah"),
)


def outlet_of(index: int) -> OutletDef:
    return OUTLETS[index % len(OUTLETS)]


def article_path(index: int) -> str:
    return outlet_of(index).path_of(story(index))


def _fixture_article(s: Story) -> Article:
    outlet = outlet_of(s.index)
    return Article(outlet.id, outlet.path_of(s), s.title, s.published, list(s.paragraphs),
                                     author=s.author, editor=s.editor, section=outlet.section, tags=s.tags)


def _boilerplate(index: int, titles: Sequence[tuple[str, str]]) -> tuple[str, str, str]:
    """(head scripts, before-main chrome, after-main chrome) in the style of real regional pages."""
    rng = random.Random(index)
    ads = [{"slot": f"div-gpt-ad-{index}-{i}", "sizes": [[300, 250], [728, 90], [320, 100]],
            "targeting": {"pos": i % 7, "kw": ["pilkada", "asn", PLACES[i % len(PLACES)].short.lower()],
                          "section": "daerah", "page": index}} for i in range(110)]
    head = (f"<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}"
            f"gtag('js',new Date());gtag('config','G-BENCH{index % 97}');</script>\n"
            f"<script>window.__STATE__={json.dumps({'ads': ads, 'article': index})};</script>\n")
    menu = "".join(f'<li><a href="/tag/{p.short.lower().replace(" ", "-")}-{k}">{p.short} {k}</a></li>'
                   for k in range(12) for p in PLACES)
    popular = "".join(f'<li><span class="rank">{k + 1}</span><a href="{url}">{title}</a>'
                      f'<span class="views">{rng.randrange(100, 9000)} kali dibaca</span></li>'
                      for k, (url, title) in enumerate(titles))
    before = (f'<nav class="mega-menu" hidden><ul>{menu}</ul></nav>\n'
              '<div class="ad ad-leaderboard"><!-- /21775744923/leaderboard --><div id="div-gpt-ad-top"></div>'
              '</div>\n'
              f'<aside class="sidebar"><h3>Terpopuler</h3><ol class="popular">{popular}</ol></aside>\n')
    comments = "".join(
        f'<li class="comment"><div class="comment-author"><b>{rng.choice(FIRST_NAMES)} dari '
        f'{rng.choice(VILLAGES)}</b> <time>{rng.randrange(1, 59)} menit lalu</time></div>'
        f'<p>{rng.choice(("Semoga pilkada damai dan jujur.", "ASN memang harus netral, setuju.", "Mantap, lanjutkan pengawasan.", "Kapan jalan di desa kami diperbaiki?"))}</p>'  # noqa: E501
        f'<a class="reply" href="#respond">Balas</a></li>' for _ in range(40))
    footer_links = "".join(f'<li><a href="/indeks?tanggal=2024-{m:02d}-{d:02d}">{d}/{m}</a></li>'
                           for m in range(1, 13) for d in range(1, 29, 3))
    after = (f'<section class="reader-comments"><h3>Komentar Pembaca</h3><ol>{comments}</ol></section>\n'
             f'<div class="footer-index"><ul>{footer_links}</ul></div>\n')
    return head, before, after


def render_article(index: int, n_pages: int) -> str:
    """The full article page ``index`` of an ``n_pages`` site (``__BASE__`` stands for the origin)."""
    outlet = outlet_of(index)
    s = story(index)
    neighbours = [j % n_pages for j in range(index + 3, index + 3 * 6, 3)]  # same outlet, other stories
    others = [_fixture_article(story(j)) for j in neighbours]
    page = outlet.theme().article(_fixture_article(s), others)
    popular = [(f"__BASE__{article_path(j % n_pages)}", story(j % n_pages).title)
               for j in range(index * 7 + 3, index * 7 + 3 + 20 * 3, 3)]
    head, before, after = _boilerplate(index, popular)
    page = page.replace("</head>", head + "</head>", 1)
    page = page.replace('<main id="main">', before + '<main id="main">', 1)
    page = page.replace("</main>", "</main>\n" + after, 1)
    missing = TARGET_PAGE_BYTES - len(page.encode("utf-8"))
    if missing > 0:  # ad-slot cache comments, as some CMSs leave them, up to the target size
        slot = f"<!-- ad-slot cache {index:06d}: {'c' * 160} -->\n"
        page = page.replace("</body>", slot * (missing // len(slot) + 1) + "</body>", 1)
    return page


def render_listing(outlet: OutletDef, indices: Sequence[int], page: int, pages: int) -> str:
    items = [_fixture_article(story(i)) for i in indices]
    return str(outlet.theme().listing("Berita Terkini", items, [], page, pages,
                                      lambda k: "__BASE__" + outlet.page_url(outlet.listing, k)))


def _urlset(items: Sequence[Story], outlet: OutletDef) -> str:
    rows = [f"<url><loc>__BASE__{outlet.path_of(s)}</loc><lastmod>{s.published.isoformat()}</lastmod></url>"
            for s in items]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</urlset>\n")


@dataclass
class Route:
    body: bytes
    ctype: str
    kind: str  # article | listing | sitemap | robots
    etag: str
    modified: float  # epoch seconds


def build_routes(outlet: OutletDef, n_pages: int, base: str) -> dict[str, Route]:
    """Every page of one outlet, rendered and resolved to ``base``."""
    indices = [i for i in range(n_pages) if outlet_of(i) is outlet]
    newest_first = sorted(indices, key=lambda i: story(i).published, reverse=True)
    raw: dict[str, tuple[str, str, str, float]] = {}
    for i in indices:
        raw[article_path(i)] = (render_article(i, n_pages), HTML, "article", story(i).published.timestamp())
    pages = -(-len(newest_first) // PER_LISTING_PAGE)
    newest = story(newest_first[0]).published.timestamp()
    for n in range(1, pages + 1):
        chunk = newest_first[(n - 1) * PER_LISTING_PAGE: n * PER_LISTING_PAGE]
        raw[outlet.page_url(outlet.listing, n)] = (render_listing(outlet, chunk, n, pages), HTML, "listing",
                                                  story(chunk[0]).published.timestamp())
    children = []
    for k in range(0, len(newest_first), SITEMAP_CHUNK):
        chunk_stories = [story(i) for i in newest_first[k:k + SITEMAP_CHUNK]]
        path = f"/sitemap-posts-{k // SITEMAP_CHUNK + 1}.xml"
        children.append((path, chunk_stories[0].published))
        raw[path] = (_urlset(chunk_stories, outlet), XML, "sitemap", chunk_stories[0].published.timestamp())
    raw["/sitemap.xml"] = (sitemap_index(children), XML, "sitemap", newest)
    raw["/robots.txt"] = (robots(["/login", "/__bench/"], "/sitemap.xml"), TEXT, "robots", newest)
    routes = {}
    for path, (text, ctype, kind, modified) in raw.items():
        body = text.replace("__BASE__", base).encode("utf-8")
        routes[path] = Route(body, ctype, kind, '"' + hashlib.sha1(body).hexdigest()[:20] + '"', modified)
    return routes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """Silent: the benchmark counts requests instead."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        if path.startswith("/__bench/"):
            self._bench(path)
            return
        route = self.server.routes.get(path)
        if route is None:
            self.server.counter.add("not_found")
            self._send(404, b"not found", TEXT)
            return
        self.server.counter.add(route.kind)
        since = self.headers.get("If-Modified-Since")
        if self.headers.get("If-None-Match") == route.etag or (
                since and not self.headers.get("If-None-Match") and _not_after(route.modified, since)):
            self.server.counter.add("not_modified")
            self._send(304, b"", route.ctype, route)
            return
        self._send(200, route.body, route.ctype, route)

    def _bench(self, path: str) -> None:
        if path == "/__bench/reset":
            self.server.counter.reset()
        self._send(200, json.dumps(self.server.counter.snapshot()).encode(), "application/json")

    def _send(self, status: int, body: bytes, ctype: str, route: Route | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if route is not None:
            self.send_header("ETag", route.etag)
            self.send_header("Last-Modified", format_datetime(_utc(route.modified), usegmt=True))
        self.end_headers()
        self.wfile.write(body)


def _utc(epoch: float) -> Any:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(epoch, UTC)


def _not_after(modified: float, header: str) -> bool:
    try:
        return modified <= parsedate_to_datetime(header).timestamp()
    except (TypeError, ValueError):
        return False


class Counter:
    """Requests answered, by kind, shared by all outlet servers of the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._first_article: float | None = None
        self._last_article: float | None = None

    def add(self, kind: str) -> None:
        with self._lock:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            if kind == "article":
                now = time.time()
                self._first_article = self._first_article or now
                self._last_article = now

    def reset(self) -> None:
        with self._lock:
            self._counts.clear()
            self._first_article = self._last_article = None

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {"counts": dict(self._counts), "first_article": self._first_article,
                    "last_article": self._last_article}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, host: str, routes: dict[str, Route], counter: Counter) -> None:
        super().__init__((host, 0), _Handler)
        self.routes = routes
        self.counter = counter


def serve(n_pages: int) -> None:
    """Bind every outlet, render its pages, print one JSON line of base URLs, serve until stdin closes."""
    counter = Counter()
    servers = []
    bases: dict[str, str] = {}
    total_bytes = 0
    started = time.perf_counter()
    for outlet in OUTLETS:
        server = _Server(outlet.host, {}, counter)
        base = f"http://{outlet.host}:{server.server_address[1]}"
        server.routes = build_routes(outlet, n_pages, base)
        total_bytes += sum(len(r.body) for r in server.routes.values() if r.kind == "article")
        bases[outlet.id] = base
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"bases": bases, "article_bytes": total_bytes,
                      "render_seconds": round(time.perf_counter() - started, 2)}), flush=True)
    sys.stdin.read()  # the parent closes our stdin to stop us
    for server in servers:
        server.shutdown()


class SiteProcess:
    """The site server as a child process: ``with SiteProcess(2000) as site: site.stats()``."""

    def __init__(self, n_pages: int) -> None:
        self.n_pages = n_pages
        self.proc: subprocess.Popen[str] | None = None
        self.bases: dict[str, str] = {}
        self.info: dict[str, Any] = {}

    def __enter__(self) -> SiteProcess:
        self.proc = subprocess.Popen([sys.executable, "-m", "benchmarks.site", "--pages", str(self.n_pages)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the site server exited with {self.proc.wait()}")
        self.info = json.loads(line)
        self.bases = self.info["bases"]
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.proc is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def _get(self, path: str) -> dict[str, Any]:
        from urllib.request import urlopen

        with urlopen(self.bases[OUTLETS[0].id] + path, timeout=10) as response:  # noqa: S310 - loopback
            data: dict[str, Any] = json.loads(response.read())
            return data

    def stats(self) -> dict[str, Any]:
        return self._get("/__bench/stats")

    def reset(self) -> None:
        self._get("/__bench/reset")

    def article_urls(self) -> list[str]:
        return [self.bases[outlet_of(i).id] + article_path(i) for i in range(self.n_pages)]

    def write_outlets_yaml(self, path: Path) -> Path:
        entries = [{
            "id": o.id, "name": o.name, "home": self.bases[o.id] + "/",
            "sitemaps": [self.bases[o.id] + "/sitemap.xml"], "listings": [self.bases[o.id] + o.listing],
            "article_pattern": "^" + re.escape(self.bases[o.id]) + o.article_pattern,
            "max_listing_pages": MAX_LISTING_PAGES,
            "region": {"province": "Kepulauan Bangka Belitung", "regency": None},
        } for o in OUTLETS]
        path.write_text(yaml.safe_dump({"outlets": entries}, sort_keys=False), encoding="utf-8")
        return path


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="serve a generated benchmark news site on loopback")
    parser.add_argument("--pages", type=int, default=2000, help="number of article pages")
    serve(parser.parse_args(argv).pages)


if __name__ == "__main__":
    main()
