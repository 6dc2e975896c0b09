"""Assembly: every outlet's pages from its spec, theme and articles, written under ``sites/`` with the manifest.

``sites/manifest.json`` tells the server which path serves which file, and which paths are
articles. The output is deterministic: building twice gives identical files.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

from pantau.fixture_site.generator.content import composed, fault_articles, onboarding_articles, paged_articles
from pantau.fixture_site.generator.feeds import atom, news_sitemap, page_sitemap, robots, rss, sitemap_index
from pantau.fixture_site.generator.model import (
    ATOM_TYPE,
    BODY_END,
    FAULT_ITEMS,
    FAULT_LINKS,
    HTML_TYPE,
    RSS_TYPE,
    TEXT_TYPE,
    XML_TYPE,
    Article,
    Link,
    Page,
    base,
    esc,
    id_date,
    wib,
)
from pantau.fixture_site.generator.outlets import (
    ONBOARDING_GROUP,
    OnboardingSpec,
    OutletSpec,
    onboarding_page_url,
    onboarding_specs,
    outlet_specs,
)
from pantau.fixture_site.generator.seeds import (
    seed_antara_babel,
    seed_antara_bengkulu,
    seed_belitong,
    seed_linesnews,
    seed_trawang,
    syndicated_copy,
)
from pantau.fixture_site.generator.themes import Theme, WordPressTheme

BAD_FEED = "/feed/arsip/"  # the fault outlet's broken feed (FixtureSite(faults=True))


# Articles split over pages: a WordPress post over three pages (``/<slug>/2/``, ``rel=next``, "Halaman"
# links) and a Kompas-style story over two pages that also offers ``?page=all`` ("Show All").


def _page_path(a: Article, style: str, n: int) -> str:
    """Page ``n`` of the article (0: the all-on-one-page view)."""
    if style == "wordpress":
        return a.path if n == 1 else f"{a.path.rstrip('/')}/{n}/"
    return a.path if n == 1 else f"{a.path}?page={'all' if n == 0 else n}"


def _page_nav(a: Article, style: str, n: int, count: int) -> str:
    if style == "wordpress":
        links = "".join(f'<span class="post-page-numbers current">{k}</span>' if k == n else
                        f'<a href="{base()}{_page_path(a, style, k)}" class="post-page-numbers">{k}</a>'
                        for k in range(1, count + 1))
        after = (f' <a href="{base()}{_page_path(a, style, n + 1)}" class="post-page-numbers">Selanjutnya</a>'
                 if n < count else "")
        return f'<div class="page-links">Halaman: {links}{after}</div>'
    links = "".join(f'<a class="paging__link{" paging__link--active" if k == n else ""}" '
                    f'href="{base()}{_page_path(a, style, k)}">{k}</a>' for k in range(1, count + 1))
    return (f'<div class="paging__wrap clearfix"><span>Halaman:</span> {links} '
            f'<a class="paging__link paging__link--show" href="{base()}{_page_path(a, style, 0)}">Show All</a></div>')


def article_pages(theme: Theme, a: Article, others: Sequence[Article]) -> list[Page]:
    """The article's page, or for a paged article each of its pages (and its all-on-one-page view)."""
    modified = a.modified or a.published
    if "paging" not in a.extra:
        return [Page(a.path, theme.article(a, others), HTML_TYPE, modified, "article")]
    paging = json.loads(a.extra["paging"])
    style, sizes = paging["style"], paging["sizes"]
    pages = []
    start = 0
    for n, size in enumerate(sizes, 1):
        part = replace(a, body=a.body[start:start + size])
        start += size
        doc = theme.article(part, others).replace(BODY_END, BODY_END + "\n" + _page_nav(a, style, n, len(sizes)), 1)
        if style == "wordpress":
            rel = "".join(f'<link rel="{r}" href="{base()}{_page_path(a, style, k)}">\n'
                          for r, k in (("prev", n - 1), ("next", n + 1)) if 1 <= k <= len(sizes))
            doc = doc.replace("</head>", rel + "</head>", 1)
        path = _page_path(a, style, n)
        if n > 1:  # the continuation pages name themselves as canonical, as WordPress and Kompas do
            doc = doc.replace(f'<link rel="canonical" href="{a.url}">', f'<link rel="canonical" href="{base()}{path}">')
        pages.append(Page(path, doc, HTML_TYPE, modified, "article" if n == 1 else "article-page"))
    if style == "show-all":
        doc = theme.article(a, others).replace(BODY_END, BODY_END + "\n" + _page_nav(a, style, 0, len(sizes)), 1)
        pages.append(Page(_page_path(a, style, 0), doc, HTML_TYPE, modified, "article-page"))
    return pages


def paging_manifest(a: Article) -> dict[str, object]:
    """Manifest keys of a paged article: its continuation pages and its all-on-one-page view."""
    if "paging" not in a.extra:
        return {}
    paging = json.loads(a.extra["paging"])
    style, count = paging["style"], len(paging["sizes"])
    entry: dict[str, object] = {"pages": [_page_path(a, style, n) for n in range(2, count + 1)]}
    if style == "show-all":
        entry["all_pages"] = _page_path(a, style, 0)
    return entry


# Fault pages: served only with FixtureSite(faults=True), all on trawang-news.


def build_faults(theme: Theme, others: Sequence[Article]) -> tuple[dict[str, Page], dict[str, object]]:
    """Fault article bodies (stored under _faults/, never served directly) and their manifest entry."""
    pages: dict[str, Page] = {}
    entries: dict[str, object] = {}
    when = wib(2024, 9, 21, 8, 0)
    links, items = [], []
    for i, (kind, (path, title, paras)) in enumerate(fault_articles().items()):
        a = Article("trawang-news", path, title, when + timedelta(hours=i), paras, author="Trawang News",
                    section="Daerah", tags=("Belitung",))
        doc = theme.article(a, others)
        if kind == "truncated":
            # Cut inside the tag list's <a> after the third paragraph:
            # unclosed <div>, <article>, <body> and <html>.
            doc = doc[: doc.index(esc(paras[3]))] + '<p>Bawaslu meminta masyarakat <a href="/tag/pil'
        if kind == "cp1252":
            doc = doc.replace('<meta charset="utf-8">',
                              '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
        file = f"_faults/{kind}.html"
        pages[file] = Page(file, doc, HTML_TYPE, a.published, "fault")
        entries[kind] = {"path": path, "file": file, "title": title}
        links.append(f'<article class="card"><h2 class="card-title"><a href="{a.url}">{esc(title)}</a></h2>'
                     f'<time datetime="{a.published.isoformat()}">{id_date(a.published)}</time></article>')
        items.append(f"<item><title>{esc(title)}</title><link>{a.url}</link>"
                     f"<pubDate>{format_datetime(a.published)}</pubDate></item>")
    bad = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Arsip Trawang News'
           "</title>\n<item><title>Bupati & Wakil Bupati <b>Belitung</title><link>" + base()
           + "/arsip-berita-lama-trawang-news</link>\n<item><title>Tanpa penutup")
    pages["_faults/bad-feed.xml"] = Page("_faults/bad-feed.xml", bad, RSS_TYPE, when, "fault")
    entries["bad-feed"] = {"path": BAD_FEED, "file": "_faults/bad-feed.xml", "title": "broken RSS"}
    pages["_faults/listing-links.html"] = Page("_faults/listing-links.html", "\n".join(links), HTML_TYPE,
                                               when, "fault")
    pages["_faults/feed-items.xml"] = Page("_faults/feed-items.xml", "\n".join(items), RSS_TYPE, when,
                                          "fault")
    return pages, entries


def absolute(page_url: Callable[[str, int], str], root: str) -> Callable[[int], str]:
    """The absolute URL of page ``k`` of the listing at ``root`` (as themes link listing pages)."""
    return lambda k: base() + page_url(root, k)


def build_onboarding_outlet(spec: OnboardingSpec, articles: list[Article]) -> tuple[list[Page], dict[str, object]]:
    theme, oid = spec.theme, spec.theme.outlet
    arts = sorted(articles, key=lambda a: a.published, reverse=True)
    for a in arts:
        assert re.match(spec.article_pattern, a.path), (oid, a.path)
    newest = arts[0].published
    pages = [Page(a.path, theme.article(a, [o for o in arts if o is not a]), HTML_TYPE, a.published, "article")
             for a in arts]
    pages.append(Page("/", theme.home(arts[: spec.home_items], arts[0].url, []), HTML_TYPE, newest, "page"))
    pages += [Page(p, theme.simple(p.strip("/").split("/")[-1].split(".")[0].replace("-", " ").title(), p,
                                   f"Halaman {theme.name}."), HTML_TYPE, newest, "page") for p in spec.static]
    for path, what in spec.serves.items():
        if what == "feed":
            pages.append(Page(path, rss(theme.name, "/", path, arts, wordpress=False), RSS_TYPE, newest, "feed"))
        elif what == "atom":
            pages.append(Page(path, atom(theme.name, path, arts), ATOM_TYPE, newest, "feed"))
        elif what == "sitemap-index":
            children = [p for p, w in spec.serves.items() if w in ("news-sitemap", "page-sitemap")]
            pages.append(Page(path, sitemap_index([(p, newest) for p in children]), XML_TYPE, newest, "sitemap"))
        elif what == "news-sitemap":
            pages.append(Page(path, news_sitemap(theme.name, arts), XML_TYPE, newest, "sitemap"))
        elif what == "page-sitemap":
            pages.append(Page(path, page_sitemap(list(spec.static), newest), XML_TYPE, newest, "sitemap"))
        elif what == "listing":
            per_page = 2
            n_pages = -(-len(arts) // per_page)
            noise = [Link("/tag/pilkada-2024", "Pilkada 2024"), Link("/penulis/andi-saputra", "Andi Saputra")]
            for n in range(1, n_pages + 1):
                chunk = arts[(n - 1) * per_page: n * per_page]
                pages.append(Page(onboarding_page_url(path, n),
                                  theme.listing("Indeks Berita", chunk, noise, n, n_pages,
                                                absolute(onboarding_page_url, path)),
                                  HTML_TYPE, chunk[0].published, "listing"))
    pages += [Page(old, base() + new, HTML_TYPE, newest, "redirect") for old, new in spec.moved.items()]
    robots_lines = ["User-agent: *", "Disallow: /administrator/", "Disallow: /admin/", ""]
    if spec.robots_sitemap:
        robots_lines += [f"Sitemap: {base()}{spec.robots_sitemap}", ""]
    pages.append(Page("/robots.txt", "\n".join(robots_lines), TEXT_TYPE, newest, "robots"))
    manifest: dict[str, object] = {
        "name": theme.name, "group": ONBOARDING_GROUP, "home": "/", "feeds": spec.feeds, "sitemaps": spec.sitemaps,
        "listings": spec.listings,
        "listing_pages": {r: [onboarding_page_url(r, n) for n in range(1, -(-len(arts) // 2) + 1)]
                          for r in spec.listings},
        "article_pattern": spec.article_pattern, "max_listing_pages": spec.max_listing_pages,
        "region": spec.region, "disallowed": [],
        "articles": [{"path": a.path, "title": a.title, "published": a.published.isoformat(), "lang": a.lang,
                      "seed": None, "amp": None, "sources": []} for a in arts],
    }
    return pages, manifest


def onboarding_outlets() -> list[tuple[str, list[Page], dict[str, object]]]:
    articles = onboarding_articles()
    built = []
    for spec in onboarding_specs():
        pages, entry = build_onboarding_outlet(spec, [a for a in articles if a.outlet == spec.theme.outlet])
        built.append((spec.theme.outlet, pages, entry))
    return built


def file_for(path: str, ctype: str) -> str:
    """Where a URL path's content is stored under sites/<outlet>/ (routes are explicit in the manifest)."""
    rel = path.lstrip("/")
    if "?" in rel:  # a route with a query (a Joomla feed, ?page=2, ?page=all): no "?" or "&" in file names
        stem, query = rel.split("?", 1)
        rel = f"{stem.rstrip('/') or 'index'}__{re.sub(r'[^A-Za-z0-9]+', '-', query)}"
        return rel + (".html" if ctype == HTML_TYPE else ".xml")
    if not rel or rel.endswith("/"):
        return rel + ("index.html" if ctype == HTML_TYPE else "index.xml")
    if ctype == HTML_TYPE and not rel.endswith(".html") and not rel.endswith(".php"):
        return rel + ".html"
    return rel


def build_outlet(spec: OutletSpec, articles: list[Article]) -> tuple[list[Page], dict[str, object]]:
    theme = spec.theme
    arts = sorted(articles, key=lambda a: a.published, reverse=True)
    for a in arts:
        assert re.match(spec.article_pattern, a.path), (spec.id, a.path)
    for p in spec.distractors:
        assert not re.match(spec.article_pattern, p), (spec.id, p)
    assert re.match(spec.article_pattern, spec.private)
    assert any(spec.private.startswith(d) for d in spec.disallow)
    newest = arts[0].published
    pages: list[Page] = []
    sources: dict[str, list[str]] = {a.path: [] for a in arts}

    for a in arts:
        others = [o for o in arts if o is not a]
        pages.extend(article_pages(theme, a, others))
        amp = theme.amp_path(a)
        if spec.serve_amp and amp:
            pages.append(Page(amp, theme.amp_page(a), HTML_TYPE, a.published, "amp"))

    # The private (robots-disallowed) page is a real-looking article, so a crawl that ignores robots shows.
    private = Article(spec.id, spec.private, "Draf redaksi: jangan diterbitkan", newest,
                      ["Naskah ini masih dalam penyuntingan dan belum boleh diterbitkan."])
    pages.append(Page(private.path, theme.article(private, arts), HTML_TYPE, newest, "private"))

    distractor_links = [Link(base() + p, t) for p, t in spec.distractors.items()]
    for p, t in spec.distractors.items():
        text = ("Silakan masuk untuk mengelola akun Anda." if "login" in p or "masuk" in p
                else f"Halaman {t} {spec.name}.")
        content = theme.simple(t, p, text)
        if "login" in p or "masuk" in p:
            content = content.replace("</p></div>", '</p><form method="post"><input name="log">'
                                      '<input type="password" name="pwd"><button>Masuk</button></form></div>')
        pages.append(Page(p, content, HTML_TYPE, newest, "page"))

    for root in spec.listings:
        if root == "/":
            continue  # the home page as a listing (built below): one page, the newest five
        n_pages = -(-len(arts) // spec.per_page)
        for n in range(1, n_pages + 1):
            chunk = arts[(n - 1) * spec.per_page: n * spec.per_page]
            for a in chunk:
                sources[a.path].append(f"listing:{n}")
            extra = distractor_links + ([Link(base() + spec.private, "Draf redaksi")] if n == 1 else [])
            title = "Berita Terkini" if "terkini" in root else root.strip("/").split("/")[-1].title()
            pages.append(Page(spec.page_url(root, n),
                              theme.listing(title, chunk, extra, n, n_pages,
                                            absolute(spec.page_url, root)),
                              HTML_TYPE, chunk[0].published, "listing"))

    headline = arts[0]
    pages.append(Page("/", theme.home(arts[:5], headline.url + spec.headline_query,
                                      distractor_links + [Link(base() + r, "Indeks") for r in spec.listings
                                                          if r != "/"]),
                      HTML_TYPE, newest, "listing" if "/" in spec.listings else "page"))
    for a in arts[:5]:
        sources[a.path].append("home")

    feed_items = arts[: spec.feed_items]
    if theme.feed_path:
        if theme.feed_type == ATOM_TYPE:
            feed = atom(spec.name, theme.feed_path, feed_items)
        else:
            wordpress = isinstance(theme, WordPressTheme)
            feed = rss(spec.name, "/", theme.feed_path, feed_items, wordpress=wordpress)
        pages.append(Page(theme.feed_path, feed, theme.feed_type, newest, "feed"))
        if theme.feed_path in spec.feeds:
            for a in feed_items:
                sources[a.path].append("feed")

    # Every outlet serves sitemap index -> news sitemap (+ a pages sitemap); robots.txt names the index.
    index_path = spec.sitemaps[0] if spec.sitemaps else "/sitemap.xml"
    news_path, pages_path = "/sitemap-news.xml", "/sitemap-pages.xml"
    if isinstance(theme, WordPressTheme):
        news_path, pages_path = "/post-sitemap.xml", "/page-sitemap.xml"
    pages.append(Page(index_path, sitemap_index([(news_path, newest), (pages_path, newest)]), XML_TYPE,
                      newest, "sitemap"))
    pages.append(Page(news_path, news_sitemap(spec.name, arts), XML_TYPE, newest, "sitemap"))
    pages.append(Page(pages_path, page_sitemap(list(spec.distractors), newest), XML_TYPE, newest, "sitemap"))
    if spec.sitemaps:
        for a in arts:
            sources[a.path].append("sitemap")
    pages.append(Page("/robots.txt", robots(spec.disallow, index_path), TEXT_TYPE, newest, "robots"))

    manifest: dict[str, object] = {
        "name": spec.name,
        "home": "/",
        "feeds": spec.feeds,
        "sitemaps": spec.sitemaps,
        "listings": spec.listings,
        "listing_pages": {r: [r] if r == "/" else
                          [spec.page_url(r, n) for n in range(1, -(-len(arts) // spec.per_page) + 1)]
                          for r in spec.listings},
        "article_pattern": spec.article_pattern,
        "canonical_rewrites": spec.canonical_rewrites,
        "max_listing_pages": spec.max_listing_pages,
        "region": spec.region,
        "disallowed": [spec.private],
        "articles": [
            {"path": a.path, "title": a.title, "published": a.published.isoformat(), "lang": a.lang,
             "seed": a.seed, "amp": theme.amp_path(a) if spec.serve_amp else None, "sources": sources[a.path],
             **paging_manifest(a)}
            for a in arts
        ],
    }
    return pages, manifest


def write_pages(out: Path, outlet_id: str, pages: Iterable[Page]) -> dict[str, dict[str, str]]:
    """Write an outlet's files under ``out/<outlet-id>/``; its routes (URL path -> file, type, kind, time)."""
    routes: dict[str, dict[str, str]] = {}
    for page in pages:
        if page.kind == "redirect":  # no file: the route answers 301 with the page's content as Location
            routes[page.path] = {"file": "", "type": page.ctype, "kind": page.kind, "location": page.content,
                                 "modified": page.modified.isoformat()}
            continue
        rel = page.path if page.kind == "fault" else file_for(page.path, page.ctype)
        target = out / outlet_id / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
        if page.kind != "fault":
            assert page.path not in routes, (outlet_id, page.path)
            routes[page.path] = {"file": rel, "type": page.ctype, "kind": page.kind,
                                 "modified": page.modified.isoformat()}
    return dict(sorted(routes.items()))


def build(seeds: Path, out: Path) -> None:
    all_articles = composed()
    by_title = {a.title: base() + a.path for a in all_articles if a.outlet == "belitong-ekspres"}
    babel = seed_antara_babel(seeds)
    ln_related = [a for a in all_articles if a.outlet == "linesnews"][:2]
    inline_related = ('<div class="inline-related">'
                      '<span class="inline-related-title">Bacaan Lainnya</span><ul>'
                      + "".join(f'<li><a href="{a.url}">{esc(a.title)}</a></li>' for a in ln_related)
                      + "</ul></div>")
    all_articles += [
        babel,
        seed_antara_bengkulu(seeds),
        seed_belitong(seeds, by_title),
        seed_trawang(seeds),
        seed_linesnews(seeds, inline_related),
        syndicated_copy(babel),
        *paged_articles(),
    ]
    if out.exists():
        shutil.rmtree(out)
    manifest: dict[str, object] = {
        "about": "Generated by tools/build_fixture_site.py; do not edit by hand.",
        "outlets": {},
    }
    outlets: dict[str, object] = {}
    for spec in outlet_specs():
        pages, entry = build_outlet(spec, [a for a in all_articles if a.outlet == spec.id])
        if spec.id == "trawang-news":
            fault_pages, faults = build_faults(spec.theme, [a for a in all_articles if a.outlet == spec.id])
            entry["faults"] = faults
            entry["fault_markers"] = {"listing": FAULT_LINKS, "feed": FAULT_ITEMS,
                                      "listing_links": "_faults/listing-links.html",
                                      "feed_items": "_faults/feed-items.xml"}
            pages += fault_pages.values()
        entry["routes"] = write_pages(out, spec.id, pages)
        outlets[spec.id] = entry
    for oid, pages, entry in onboarding_outlets():
        entry["routes"] = write_pages(out, oid, pages)
        outlets[oid] = entry
    manifest["outlets"] = outlets
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")


def stale_files(built: Path, committed: Path) -> list[str]:
    """Paths (relative) that differ between a fresh build and the committed site, or exist in only one."""
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    fresh, kept = files(built), files(committed) if committed.is_dir() else {}
    return sorted(name for name in fresh.keys() | kept.keys() if fresh.get(name) != kept.get(name))
