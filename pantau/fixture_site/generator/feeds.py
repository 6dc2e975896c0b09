"""The feeds, sitemaps and robots.txt every fixture outlet serves (RSS 2.0, Atom, sitemap index,
Google News sitemap, page sitemap), written as text so the bytes are exactly what is committed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime

from pantau.fixture_site.generator.model import FAULT_ITEMS, Article, base, esc, hash_path


def rss(title: str, home: str, feed_path: str, items: Sequence[Article], *, wordpress: bool) -> str:
    built = max(a.modified or a.published for a in items)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "<channel>",
        f"<title>{esc(title)}</title>",
        f'<atom:link href="{base()}{esc(feed_path)}" rel="self" type="application/rss+xml" />',
        f"<link>{base()}{home}</link>",
        f"<description>Berita terkini {esc(title)}</description>",
        f"<lastBuildDate>{format_datetime(built)}</lastBuildDate>",
        "<language>id-ID</language>",
    ]
    if wordpress:
        out.append("<generator>https://wordpress.org/?v=6.4.2</generator>")
    for a in items:
        out += [
            "<item>",
            f"<title>{esc(a.title)}</title>",
            f"<link>{a.url}</link>",
            f"<dc:creator><![CDATA[{a.author}]]></dc:creator>",
            f"<pubDate>{format_datetime(a.published)}</pubDate>",
            f"<category><![CDATA[{a.section}]]></category>",
            f'<guid isPermaLink="{"false" if wordpress else "true"}">'
            f"{base() + '/?p=' + str(abs(hash_path(a.path)) % 90000 + 10000) if wordpress else a.url}</guid>",
            f"<description><![CDATA[{a.lead} [&#8230;]]]></description>",
            "</item>",
        ]
    out += [FAULT_ITEMS, "</channel>", "</rss>", ""]
    return "\n".join(out)


def atom(title: str, feed_path: str, items: Sequence[Article]) -> str:
    updated = max(a.modified or a.published for a in items)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">',
        f"<title>{esc(title)}</title>",
        f'<link href="{base()}{esc(feed_path)}" rel="self"/>',
        f'<link href="{base()}/"/>',
        f"<id>{base()}/</id>",
        f"<updated>{updated.isoformat()}</updated>",
    ]
    for a in items:
        out += [
            "<entry>",
            f"<title>{esc(a.title)}</title>",
            f'<link href="{a.url}"/>',
            f"<id>{a.url}</id>",
            f"<published>{a.published.isoformat()}</published>",
            f"<updated>{(a.modified or a.published).isoformat()}</updated>",
            f"<author><name>{esc(a.author)}</name></author>",
            f"<summary>{esc(a.lead)}</summary>",
            "</entry>",
        ]
    out += ["</feed>", ""]
    return "\n".join(out)


def sitemap_index(children: Sequence[tuple[str, datetime]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, mod in children:
        out.append(f"<sitemap><loc>{base()}{path}</loc><lastmod>{mod.isoformat()}</lastmod></sitemap>")
    out += ["</sitemapindex>", ""]
    return "\n".join(out)


def news_sitemap(site_name: str, items: Sequence[Article]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for a in items:
        out.append(
            f"<url><loc>{a.url}</loc><lastmod>{(a.modified or a.published).isoformat()}</lastmod>"
            f"<news:news><news:publication><news:name>{esc(site_name)}</news:name>"
            f"<news:language>{a.lang}</news:language></news:publication>"
            f"<news:publication_date>{a.published.isoformat()}</news:publication_date>"
            f"<news:title>{esc(a.title)}</news:title></news:news></url>"
        )
    out += ["</urlset>", ""]
    return "\n".join(out)


def page_sitemap(paths: Sequence[str], mod: datetime) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    out += [f"<url><loc>{base()}{p}</loc><lastmod>{mod.isoformat()}</lastmod></url>" for p in paths]
    out += ["</urlset>", ""]
    return "\n".join(out)


def robots(disallow: Sequence[str], sitemap: str) -> str:
    lines = ["User-agent: *"] + [f"Disallow: {p}" for p in disallow]
    lines += ["Allow: /", "", "User-agent: GPTBot", "Disallow: /", "", f"Sitemap: {base()}{sitemap}", ""]
    return "\n".join(lines)
