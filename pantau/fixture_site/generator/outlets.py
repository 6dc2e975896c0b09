"""The fixture outlets as specs: theme, URL shapes, discovery sources, distractor pages, robots rules.

The six outlets of the default site (:func:`outlet_specs`), and the six onboarding outlets served
only with ``FixtureSite(onboarding=True)`` for ``pantau outlets add`` and ``check``
(:func:`onboarding_specs`): three whose sources can be found only from their home page, each in
its own way and in its own CMS style: warta-pesisir (Joomla: the feed is advertised by
<link rel="alternate"> at a path nobody would guess), kabar-timah (a detik-like CMS: only
robots.txt names its sitemap), suara-rejang (a Kompas-like CMS: only the "Indeks" link of its
navigation leads to a paginated listing). And three whose registry entry broke as real ones do:
lintas-bangka (Drupal: its feed moved with a 301), catatan-seluma (Blogger: its feed is gone,
404), info-beltim (Next.js: a redesign renders the body in the browser, so every page body comes
out empty).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pantau.fixture_site.generator.model import Link
from pantau.fixture_site.generator.themes import (
    AntaraTheme,
    BacakoranTheme,
    BloggerTheme,
    DetikStyleTheme,
    DrupalTheme,
    JoomlaTheme,
    KompasStyleTheme,
    NextJsTheme,
    SerumpunTheme,
    Theme,
    WordPressTheme,
)

ONBOARDING_GROUP = "onboarding"


@dataclass
class OutletSpec:
    id: str
    name: str
    theme: Theme
    article_pattern: str  # regex for the URL *path*; the server prefixes the running origin
    region: dict[str, str | None]
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    max_listing_pages: int = 3
    per_page: int = 2
    feed_items: int = 4
    page_url: Callable[[str, int], str] = field(default=lambda root, n: path_page(root, n))
    distractors: dict[str, str] = field(default_factory=dict)  # path -> title (non-article pages)
    private: str = ""  # an article-shaped path robots.txt disallows; listed on listing page 1
    disallow: tuple[str, ...] = ()
    serve_amp: bool = True
    headline_query: str = ""  # appended to the home page's headline link (tracking query, page number)
    canonical_rewrites: list[dict[str, str]] = field(default_factory=list)  # as in the outlet registry


# The Disway network's rewrites in crawler/outlets.yaml (tests/fixture_site/test_site.py keeps them equal):
# an AMP twin /amp/<id>/<slug> and page N /read/<id>/<slug>/N are the story /read/<id>/<slug>.
DISWAY_REWRITES = [{"pattern": r"^/amp/(\d+)/", "replace": r"/read/\1/"},
                   {"pattern": r"^(/read/\d+/[^/?]+)/\d+/?(?=\?|$)", "replace": r"\1"}]


def path_page(root: str, n: int) -> str:
    """ANTARA/bacakoran pagination: /terkini, /terkini/2, …"""
    return root if n == 1 else f"{root}/{n}"


def wp_page(root: str, n: int) -> str:
    """WordPress pagination: /category/berita/, /category/berita/page/2/, …"""
    return root if n == 1 else f"{root}page/{n}/"


def outlet_specs() -> list[OutletSpec]:
    return [
        OutletSpec(
            "antara-babel", "ANTARA Babel",
            AntaraTheme("antara-babel", "ANTARA News Bangka Belitung", "offset"),
            r"/(amp/)?berita/\d+/", {"province": "Kepulauan Bangka Belitung", "regency": None},
            feeds=["/rss/terkini.xml"], listings=["/terkini"], max_listing_pages=3,
            distractors={"/tentang-kami": "Tentang Kami", "/tag/netralitas-asn": "Tag: netralitas ASN",
                         "/indeks": "Indeks Berita", "/login": "Masuk"},
            private="/berita/381399/naskah-embargo-rilis-bps-babel", disallow=("/login", "/berita/381399/"),
            headline_query="?utm_source=antara_home&utm_medium=headline",
        ),
        OutletSpec(
            "antara-bengkulu", "ANTARA Bengkulu",
            AntaraTheme("antara-bengkulu", "ANTARA News Bengkulu", "naive"),
            r"/(amp/)?berita/\d+/", {"province": "Bengkulu", "regency": None},
            feeds=["/rss/terkini.xml"], listings=["/terkini"],
            distractors={"/tentang-kami": "Tentang Kami", "/politik": "Politik", "/login": "Masuk"},
            private="/berita/370150/naskah-embargo-hasil-rapat-pleno", disallow=("/login", "/berita/370150/"),
        ),
        OutletSpec(
            "belitong-ekspres", "Belitong Ekspres", BacakoranTheme(),
            r"/(read|amp)/\d+/", {"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Belitung"},
            sitemaps=["/sitemap.xml"], listings=["/kategori/pemerintahan", "/"], per_page=3,
            distractors={"/indeks-berita": "Indeks Berita", "/tag/pilkada-2024": "Tag: Pilkada 2024",
                         "/kategori/politik": "Politik", "/redaksi": "Redaksi", "/login": "Login"},
            private="/read/7430/pratinjau-draf-redaksi-belum-terbit", disallow=("/login", "/read/7430/"),
            headline_query="/2", canonical_rewrites=DISWAY_REWRITES,
        ),
        OutletSpec(
            "trawang-news", "Trawang News",
            WordPressTheme("trawang-news", "Trawang News", "utc",
                           (Link("/category/daerah/", "Daerah"), Link("/category/budaya/", "Budaya"),
                            Link("/tag/pilkada-belitung/", "Pilkada"))),
            r"/(?!category/|tag/|page/|author/|feed/|wp-)[a-z0-9]+(-[a-z0-9]+){3,}/?$",
            {"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Belitung"},
            feeds=["/feed/"], sitemaps=["/sitemap_index.xml"], listings=["/category/daerah/"], per_page=4,
            page_url=wp_page,
            distractors={"/tentang-kami/": "Tentang Kami", "/tag/pilkada-belitung/": "Tag: Pilkada Belitung",
                         "/wp-login.php": "Masuk", "/category/budaya/": "Budaya"},
            private="/preview-draf-berita-redaksi-internal", disallow=("/wp-admin/", "/preview-"),
        ),
        OutletSpec(
            "linesnews", "LinesNews",
            WordPressTheme("linesnews", "LinesNews", "offset",
                           (Link("/category/berita/", "Berita"), Link("/category/politik/", "Politik"),
                            Link("/indeks/", "Indeks"))),
            r"/(?!category/|tag/|page/|author/|feed/|wp-)[a-z0-9]+(-[a-z0-9]+){3,}/?$",
            {"province": "Kepulauan Bangka Belitung", "regency": None},
            feeds=["/feed/"], listings=["/category/berita/"], max_listing_pages=3, feed_items=3,
            page_url=wp_page,
            distractors={"/tentang-kami/": "Tentang Kami", "/tag/netralitas-asn/": "Tag: Netralitas ASN",
                         "/indeks/": "Indeks", "/wp-login.php": "Masuk"},
            private="/draf-rilis-redaksi-belum-terbit/",
            disallow=("/wp-admin/", "/draf-"),
        ),
        OutletSpec(
            "kabar-serumpun", "Kabar Serumpun", SerumpunTheme(),
            r"/daerah/\d{4}/\d{2}/\d{2}/[a-z0-9-]+-\d+\.html$",
            {"province": "Kepulauan Bangka Belitung", "regency": None},
            feeds=["/feed.atom"], sitemaps=["/sitemap.xml"], listings=["/daerah"], per_page=4,
            distractors={"/redaksi": "Redaksi", "/nasional": "Nasional", "/masuk": "Masuk"},
            private="/daerah/2023/12/01/draf-internal-redaksi-8813.html",
            disallow=("/masuk", "/daerah/2023/12/01/draf-"),
            serve_amp=False,
        ),
    ]


@dataclass
class OnboardingSpec:
    """An onboarding outlet: its theme, the registry entry a maintainer wrote for it, and how it is found."""

    theme: Theme
    article_pattern: str  # regex for the URL path of the hand-written entry; the server prefixes the origin
    region: dict[str, str | None]
    feeds: list[str] = field(default_factory=list)  # the hand-written entry's sources
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    max_listing_pages: int = 3
    home_items: int = 2  # articles the home page links (the rest are only behind its sources)
    robots_sitemap: str | None = None  # robots.txt names this sitemap
    serves: dict[str, str] = field(default_factory=dict)  # path -> what: feed, atom, sitemap-index, listing
    moved: dict[str, str] = field(default_factory=dict)  # old path -> new path (301)
    static: tuple[str, ...] = ()  # plain pages the navigation links


def onboarding_specs() -> list[OnboardingSpec]:
    news_index, news_child, pages_child = "/sitemaps/kabar-timah-index.xml", "/sitemaps/kabar-timah-berita.xml", \
        "/sitemaps/kabar-timah-halaman.xml"
    return [
        OnboardingSpec(JoomlaTheme(), r"/[a-z-]+/\d+-[a-z0-9-]+$",
                       {"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Bangka Tengah"},
                       feeds=[JoomlaTheme.feeds[0]],
                       serves={JoomlaTheme.feeds[0]: "feed", JoomlaTheme.feeds[1]: "atom"},
                       static=("/profil", "/redaksi", "/kontak")),
        OnboardingSpec(DetikStyleTheme(), r"/[a-z-]+/d-\d+/",
                       {"province": "Kepulauan Bangka Belitung", "regency": "Kota Pangkal Pinang"},
                       sitemaps=[news_index], robots_sitemap=news_index,
                       serves={news_index: "sitemap-index", news_child: "news-sitemap", pages_child: "page-sitemap"},
                       static=("/tentang", "/redaksi", "/pedoman-media-siber")),
        OnboardingSpec(KompasStyleTheme(), r"/read/\d{4}/\d{2}/\d{2}/\d+/",
                       {"province": "Bengkulu", "regency": "Kabupaten Rejang Lebong"},
                       listings=["/indeks"], max_listing_pages=3, home_items=1, serves={"/indeks": "listing"},
                       static=("/redaksi", "/kontak")),
        OnboardingSpec(DrupalTheme(), r"/berita/[a-z0-9]+(?:-[a-z0-9]+){2,}$", {"province": "Kepulauan Bangka Belitung",
                                                               "regency": "Kabupaten Bangka"},
                       feeds=["/rss.xml"], serves={"/berita/feed": "feed"}, moved={"/rss.xml": "/berita/feed"},
                       home_items=3, static=("/tentang",)),
        OnboardingSpec(BloggerTheme(), r"/\d{4}/\d{2}/[a-z0-9-]+\.html$",
                       {"province": "Bengkulu", "regency": "Kabupaten Seluma"},
                       feeds=["/feeds/posts/default"], home_items=3, static=("/p/tentang-kami.html",)),
        OnboardingSpec(NextJsTheme(), r"/news/\d+/", {"province": "Kepulauan Bangka Belitung",
                                                     "regency": "Kabupaten Belitung Timur"},
                       feeds=["/rss"], serves={"/rss": "feed"}, home_items=3, static=("/tentang",)),
    ]


def onboarding_page_url(root: str, n: int) -> str:
    """Kompas-style pagination: /indeks, /indeks?page=2, …"""
    return root if n == 1 else f"{root}?page={n}"
