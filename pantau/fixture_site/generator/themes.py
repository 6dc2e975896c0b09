"""Themes: the HTML of each fixture outlet, one class per CMS style, in that outlet's real markup.

:class:`Theme` holds the scaffolding every outlet shares (head, header, footer, meta tags,
JSON-LD, AMP page, listing and home pages); a subclass supplies its outlet's own article markup
and, for the onboarding outlets, its own home page (Joomla, a detik-like and a Kompas-like CMS,
Drupal, Blogger, Next.js).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from pantau.fixture_site.generator.model import (
    ATOM_TYPE,
    BODY_END,
    FAULT_LINKS,
    ID_DAYS,
    RSS_TYPE,
    Article,
    Link,
    base,
    body_html,
    esc,
    hash_path,
    id_date,
)


class Theme:
    """Page scaffolding shared by all outlets; subclasses supply the outlet's own markup."""

    outlet = ""
    name = ""
    lang = "id"
    zone = "offset"  # how article:published_time is written: offset | naive | utc
    nav: tuple[Link, ...] = ()
    body_class = ""
    feed_path: str | None = None
    feed_type = RSS_TYPE

    def fmt_time(self, dt: datetime) -> str:
        if self.zone == "naive":
            return dt.replace(tzinfo=None).isoformat()
        if self.zone == "utc":
            return dt.astimezone(UTC).isoformat()
        return dt.isoformat()

    def head(self, title: str, canonical: str, extra: str = "") -> str:
        feed = (f'<link rel="alternate" type="{self.feed_type.split(";")[0]}" title="{esc(self.name)} Feed" '
                f'href="{base()}{self.feed_path}">') if self.feed_path else ""
        return (
            '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n"
            f'<link rel="canonical" href="{canonical}">\n{feed}\n'
            '<link rel="stylesheet" href="/assets/css/style.min.css">\n'
            '<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>\n'
            f"{extra}"
        )

    def header(self) -> str:
        items = "".join(f'<li><a href="{ln.href}">{esc(ln.text)}</a></li>' for ln in self.nav)
        return (f'<header class="site-header"><div class="logo"><a href="{base()}/">'
                f'{esc(self.name)}</a></div>'
                f'<nav class="main-nav"><ul>{items}</ul></nav>'
                '<form class="search" action="/search"><input name="q" placeholder="Cari berita"></form>'
                '</header>')

    def footer(self) -> str:
        return (f'<footer class="site-footer"><p>&copy; 2024 {esc(self.name)}. Hak cipta dilindungi '
                'undang-undang.</p><ul><li><a href="/tentang-kami">Tentang Kami</a></li>'
                '<li><a href="/pedoman-media-siber">Pedoman Media Siber</a></li></ul></footer>')

    def document(self, title: str, canonical: str, main: str, *, head_extra: str = "") -> str:
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n{self.head(title, canonical, head_extra)}'
            f'</head>\n<body class="{self.body_class}">\n{self.header()}\n<main id="main">\n{main}\n</main>\n'
            f'{self.footer()}\n<script src="/assets/js/app.min.js"></script>\n</body>\n</html>\n'
        )

    def meta(self, a: Article, *, amp: str | None) -> str:
        mod = a.modified or a.published
        lines = [
            f'<meta name="description" content="{esc(a.lead)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{esc(a.title)}">',
            f'<meta property="og:url" content="{a.url}">',
            f'<meta property="og:site_name" content="{esc(self.name)}">',
            f'<meta property="og:description" content="{esc(a.lead)}">',
            f'<meta property="og:image" content="{base()}/assets/img/{hash_path(a.path)}.jpg">',
            f'<meta property="article:published_time" content="{self.fmt_time(a.published)}">',
            f'<meta property="article:modified_time" content="{self.fmt_time(mod)}">',
            f'<meta property="article:section" content="{esc(a.section)}">',
        ]
        lines += [f'<meta property="article:tag" content="{esc(t)}">' for t in a.tags]
        if amp:
            lines.append(f'<link rel="amphtml" href="{base()}{amp}">')
        return "\n".join(lines) + "\n"

    def jsonld(self, a: Article) -> str:
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
            "datePublished": a.published.isoformat(), "dateModified": (a.modified or a.published).isoformat(),
            "author": {"@type": "Person", "name": a.author}, "inLanguage": a.lang,
            "publisher": {"@type": "Organization", "name": self.name},
        }
        return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'

    def share(self, a: Article) -> str:
        return ('<div class="share-bar"><span>Bagikan:</span>'
                f'<a href="https://www.facebook.com/sharer/sharer.php?u={a.url}">Facebook</a>'
                f'<a href="https://twitter.com/intent/tweet?url={a.url}">X</a>'
                f'<a href="https://api.whatsapp.com/send?text={a.url}">WhatsApp</a>'
                '<a href="#" class="copy-link">Salin tautan</a></div>')

    def related(self, others: Sequence[Article], heading: str) -> str:
        items = "".join(f'<li><a href="{o.url}">{esc(o.title)}</a></li>' for o in others)
        return f'<section class="related"><h3>{esc(heading)}</h3><ul>{items}</ul></section>'

    def amp_page(self, a: Article) -> str:
        return (
            f'<!doctype html>\n<html amp lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)} - {esc(self.name)}</title>\n"
            f'<link rel="canonical" href="{a.url}">\n'
            '<meta name="viewport" content="width=device-width">\n'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
            f"{self.meta(a, amp=None)}</head>\n<body>\n"
            f'<header class="amp-header"><a href="{base()}/">{esc(self.name)}</a></header>\n'
            f'<article><h1>{esc(a.title)}</h1>\n<div class="amp-date">{id_date(a.published)}</div>\n'
            f'<div class="amp-content">\n{body_html(a.body)}\n{BODY_END}\n</div></article>\n'
            f'<footer class="amp-footer">&copy; {esc(self.name)}</footer>\n</body>\n</html>\n'
        )

    # -- per-outlet hooks --------------------------------------------------------------------------
    def amp_path(self, a: Article) -> str | None:
        return None

    def article(self, a: Article, others: Sequence[Article]) -> str:
        raise NotImplementedError

    def listing(self, title: str, items: Sequence[Article], extra_links: Sequence[Link],
                page: int, pages: int, page_url: Callable[[int], str]) -> str:
        cards = "\n".join(
            f'<article class="card"><h2 class="card-title"><a href="{a.url}">{esc(a.title)}</a></h2>'
            f'<time datetime="{a.published.isoformat()}">{id_date(a.published)}</time>'
            f'<p class="card-excerpt">{esc(a.lead)}</p></article>'
            for a in items
        )
        extra = "".join(f'<li><a href="{ln.href}">{esc(ln.text)}</a></li>' for ln in extra_links)
        numbers = "".join(
            f'<li class="{"active" if n == page else ""}"><a href="{page_url(n)}">{n}</a></li>'
            for n in range(1, pages + 1)
        )
        prev_link = (f'<a class="prev" rel="prev" href="{page_url(page - 1)}">&laquo; Sebelumnya</a>'
                     if page > 1 else "")
        next_link = f'<a class="next" rel="next" href="{page_url(page + 1)}">Selanjutnya &raquo;</a>' \
            if page < pages else ""
        head_links = (f'<link rel="prev" href="{page_url(page - 1)}">\n' if page > 1 else "") + (
            f'<link rel="next" href="{page_url(page + 1)}">\n' if page < pages else "")
        main = (f'<h1 class="page-title">{esc(title)}</h1>\n<div class="article-list">\n{cards}\n'
                f"{FAULT_LINKS if page == 1 else ''}\n</div>\n"
                f'<nav class="pagination">{prev_link}<ul>{numbers}</ul>{next_link}</nav>\n'
                f'<aside class="sidebar"><h3>Lainnya</h3><ul>{extra}</ul></aside>')
        canonical = page_url(page)
        return self.document(f"{title} - {self.name}", canonical, main, head_extra=head_links)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        first, rest = items[0], items[1:]
        cards = "".join(f'<li><a href="{a.url}">{esc(a.title)}</a> <time>{id_date(a.published)}</time></li>'
                        for a in rest)
        extra = "".join(f'<li><a href="{ln.href}">{esc(ln.text)}</a></li>' for ln in extra_links)
        main = (f'<section class="headline"><h2><a href="{headline_href}">{esc(first.title)}</a></h2>'
                f"<p>{esc(first.lead)}</p></section>\n"
                f'<section class="latest"><h3>Berita Terkini</h3><ul>{cards}</ul></section>\n'
                f'<section class="more"><ul>{extra}</ul></section>')
        return self.document(f"{self.name} - Berita Terkini", f"{base()}/", main)

    def simple(self, title: str, path: str, text: str) -> str:
        return self.document(f"{title} - {self.name}", base() + path,
                             f'<div class="static-page"><h1>{esc(title)}</h1>\n<p>{esc(text)}</p></div>')


class AntaraTheme(Theme):
    body_class = "antara wrap-page"
    feed_path = "/rss/terkini.xml"

    def __init__(self, outlet: str, name: str, zone: str) -> None:
        self.outlet, self.name, self.zone = outlet, name, zone
        self.nav = (Link("/terkini", "Terkini"), Link("/politik", "Politik"), Link("/ekonomi", "Ekonomi"),
                    Link("/english", "English"), Link("/indeks", "Indeks"))

    def amp_path(self, a: Article) -> str | None:
        return "/amp" + a.path

    def article(self, a: Article, others: Sequence[Article]) -> str:
        copyright_line = a.extra.get("copyright", f"COPYRIGHT \u00a9 {self.name} {a.published.year}")
        parts = [
            '<div class="wrap__article-detail">',
            '<ul class="breadcrumb"><li><a href="/">Beranda</a></li>'
            f'<li><a href="/{a.section.lower().replace(" ", "-")}">{esc(a.section)}</a></li></ul>',
            f'<h1 class="wrap__article-detail-title">{esc(a.title)}</h1>',
            '<ul class="list-inline"><li><span><i class="fa fa-clock-o"></i> '
            f'{id_date(a.published)}</span></li></ul>',
            self.share(a),
            f'<figure class="image-overlay"><img src="/assets/img/{hash_path(a.path)}.jpg" '
            f'alt="{esc(a.title)}">'
            f"<figcaption>{esc(a.title)} (ANTARA/HO)</figcaption></figure>",
        ]
        if "card_date" in a.extra:  # ANTARA Bengkulu's share card: headline, date, view counter
            parts.append(f'<div class="quote-share"><h2 class="quote-title">{esc(a.title)}</h2>'
                         f'<span class="quote-date">{esc(a.extra["card_date"])}</span> '
                         f'<span class="quote-views">{esc(a.extra["views"])}</span></div>')
        parts += [
            '<div class="wrap__article-detail-content post-content">',
            body_html(a.body[:2]),
            '<p class="baca-juga"><span class="baca-juga__title">Baca juga:</span> '
            f'<a href="{others[0].url}">{esc(others[0].title)}</a></p>' if len(a.body) > 3 else "",
            body_html(a.body[2:]),
            BODY_END,
            f'<p class="text-muted mt-2 small">Pewarta: {esc(a.author)}<br>'
            f'Editor: {esc(a.editor or "Redaksi")}'
            f"<br>{esc(copyright_line)}</p>",
            "</div>",
            '<div class="tags-wrapper"><ul class="tags">'
            + "".join(f'<li><a href="/tag/{t.lower().replace(" ", "-")}">{esc(t)}</a></li>' for t in a.tags)
            + "</ul></div>",
        ]
        if "repeat" in a.extra:  # the Babel template ships a second copy of the body for read-aloud
            repeat = json.loads(a.extra["repeat"])
            parts.append('<div class="tts-content d-none" data-tts="article">' + body_html(repeat)
                         + f'<p class="text-muted mt-2 small">{esc(copyright_line)}</p></div>')
        parts += [self.related(others[:3], "Berita Terkait"), "</div>"]
        head = self.meta(a, amp=self.amp_path(a)) + (self.jsonld(a) if self.outlet == "antara-babel" else "")
        return self.document(f"{a.title} - {self.name}", a.url, "\n".join(parts), head_extra=head)


class BacakoranTheme(Theme):
    outlet, name, zone = "belitong-ekspres", "Belitong Ekspres", "offset"
    body_class = "bacakoran detail"
    nav = (Link("/kategori/pemerintahan", "Pemerintahan"), Link("/kategori/politik", "Politik"),
           Link("/kategori/peristiwa", "Peristiwa"), Link("/indeks-berita", "Indeks"))

    def amp_path(self, a: Article) -> str | None:
        return a.path.replace("/read/", "/amp/", 1)

    def article(self, a: Article, others: Sequence[Article]) -> str:
        default_date = f"{ID_DAYS[a.published.weekday()]} {a.published:%d %b %Y - %H:%M} WIB"
        date_line = a.extra.get("date_line", default_date)
        main = "\n".join([
            '<div class="detail-wrap">',
            f'<h1 class="detail-title">{esc(a.title)}</h1>',
            f'<div class="detail-date">{esc(date_line)}</div>',
            '<div class="detail-author"><span>Reporter : '
            f'<a href="/author/{a.author.lower().replace(" ", "-")}">'
            f'{esc(a.author)}</a></span><br><span>Editor : {esc(a.editor or a.author)}</span></div>',
            self.share(a),
            f'<div class="detail-img"><img src="/assets/img/{hash_path(a.path)}.jpg" alt="">'
            '<span class="caption">Ilustrasi. Foto: Belitong Ekspres</span></div>',
            f'<div class="entry-content detail-content">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            '<div class="tag-kategori"><span>Kategori :</span><ul>'
            f'<li><a href="/kategori/{a.section.lower()}"></a></li></ul></div>',
            '<div class="tag-list"><span>Tag</span>'
            + "".join(f'<a href="/tag/{t.lower().replace(" ", "-")}">#{esc(t)}</a>' for t in a.tags)
            + "</div>",
            self.related(others[:4], "Berita Terkait"),
            "</div>",
        ])
        head = self.meta(a, amp=self.amp_path(a)) + self.jsonld(a)
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)


class WordPressTheme(Theme):
    """Trawang News and LinesNews: WordPress themes (Yoast meta, comment form, related posts)."""

    feed_path = "/feed/"

    def __init__(self, outlet: str, name: str, zone: str, nav: tuple[Link, ...]) -> None:
        self.outlet, self.name, self.zone, self.nav = outlet, name, zone, nav
        self.body_class = "post-template-default single single-post wp-theme"

    def amp_path(self, a: Article) -> str | None:
        return a.path.rstrip("/") + "/amp/"

    def footer(self) -> str:
        return (f'<footer class="site-footer"><div class="footer-widgets"><h4>Tentang {esc(self.name)}</h4>'
                '<p>Media siber lokal Bangka Belitung.</p></div><p class="copyright">Copyright &copy; 2024 '
                f'{esc(self.name)}. All Rights Reserved.</p>'
                '<ul><li><a href="/tentang-kami/">Tentang Kami</a></li>'
                '<li><a href="/wp-login.php">Masuk</a></li></ul></footer>')

    def article(self, a: Article, others: Sequence[Article]) -> str:
        caption = a.extra.get("caption", "")
        figure = (f'<figure class="wp-caption"><img src="/wp-content/uploads/{hash_path(a.path)}.jpg" alt="">'
                  f'<figcaption class="wp-caption-text">{esc(caption)}</figcaption></figure>'
                  ) if caption else ""
        excerpt = f'<p class="td-post-sub-title">{esc(a.summary)}</p>' if a.summary else ""
        comment_title = a.extra.get("comment_title", "Tinggalkan Balasan")
        comment_note = a.extra.get("comment_note",
                                   "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *")
        main = "\n".join([
            f'<article id="post-{hash_path(a.path)}" class="post type-post status-publish">',
            '<header class="entry-header">',
            f'<span class="cat-links"><a href="/category/{a.section.lower()}/" rel="category tag">'
            f'{esc(a.section)}</a></span>',
            f'<h1 class="entry-title">{esc(a.title)}</h1>',
            excerpt,
            '<div class="entry-meta"><span class="byline">Oleh '
            f'<a href="/author/{a.author.lower().replace(" ", "-")}/">'
            f'{esc(a.author)}</a></span> '
            f'<time class="entry-date published" datetime="{a.published.isoformat()}">'
            f"{id_date(a.published)}</time></div>",
            "</header>",
            self.share(a),
            figure,
            f'<div class="entry-content td-post-content">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            '<footer class="entry-footer"><span class="tags-links">Tag: '
            + ", ".join(f'<a href="/tag/{t.lower().replace(" ", "-")}/" rel="tag">{esc(t)}</a>'
                        for t in a.tags)
            + "</span></footer>",
            "</article>",
            self.related(others[:3], "Pos terkait"),
            '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
            f'<h3 id="reply-title" class="comment-reply-title">{esc(comment_title)}</h3>'
            '<form action="/wp-comments-post.php" method="post" id="commentform">'
            f'<p class="comment-notes"><span id="email-notes">{esc(comment_note)}</span></p>'
            '<p class="comment-form-comment"><label for="comment">Komentar</label>'
            '<textarea id="comment" name="comment"></textarea></p>'
            '<p class="comment-form-author"><label for="author">Nama *</label>'
            '<input id="author" name="author"></p>'
            '<p class="comment-form-email"><label for="email">Email *</label>'
            '<input id="email" name="email"></p>'
            '<p class="form-submit"><input type="submit" value="Kirim Komentar"></p></form></div></div>',
        ])
        head = self.meta(a, amp=self.amp_path(a)) + (self.jsonld(a) if self.outlet == "trawang-news" else "")
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)


class SerumpunTheme(Theme):
    outlet, name, zone = "kabar-serumpun", "Kabar Serumpun", "naive"
    body_class = "ks-site"
    feed_path, feed_type = "/feed.atom", ATOM_TYPE
    nav = (Link("/daerah", "Daerah"), Link("/nasional", "Nasional"), Link("/redaksi", "Redaksi"))

    def article(self, a: Article, others: Sequence[Article]) -> str:
        source = a.extra.get("source")
        credit = f'<p class="ks-source">Sumber: {esc(source)}</p>' if source else ""
        main = "\n".join([
            '<div class="ks-article">',
            f'<div class="ks-kicker">{esc(a.section)}</div>',
            f'<h1 class="ks-title">{esc(a.title)}</h1>',
            f'<div class="ks-meta">Penulis: {esc(a.author)} | Editor: {esc(a.editor or a.author)} | '
            f"{id_date(a.published)}</div>",
            f'<div class="ks-body">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            credit,
            self.share(a),
            self.related(others[:3], "Baca Juga"),
            "</div>",
        ])
        return self.document(f"{a.title} | {self.name}", a.url, main, head_extra=self.meta(a, amp=None))


class JoomlaTheme(Theme):
    """Joomla 4 (Cassiopeia): SEF URLs /<category>/<id>-<alias>, feeds at ?format=feed, no sitemap."""

    outlet, name, zone = "warta-pesisir", "Warta Pesisir", "offset"
    body_class = "site com_content view-article layout-blog"
    nav = (Link("/profil", "Profil"), Link("/redaksi", "Redaksi"), Link("/kontak", "Kontak"))
    feeds = ("/?format=feed&type=rss", "/?format=feed&type=atom")

    def head(self, title: str, canonical: str, extra: str = "") -> str:
        links = (f'<link href="{esc(self.feeds[0])}" rel="alternate" type="application/rss+xml" title="RSS 2.0">\n'
                 f'<link href="{esc(self.feeds[1])}" rel="alternate" type="application/atom+xml" title="Atom 1.0">\n'
                 '<meta name="generator" content="Joomla! - Open Source Content Management">\n')
        return super().head(title, canonical, links + extra)

    def article(self, a: Article, others: Sequence[Article]) -> str:
        main = "\n".join([
            '<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">',
            f'<div class="page-header"><h1 itemprop="headline">{esc(a.title)}</h1></div>',
            '<dl class="article-info text-muted"><dt class="article-info-term">Rincian</dt>'
            f'<dd class="createdby">Ditulis oleh <span itemprop="author">{esc(a.author)}</span></dd>'
            f'<dd class="category-name">Kategori: <a href="/{a.path.split("/")[1]}">{esc(a.section)}</a></dd>'
            f'<dd class="published"><time datetime="{a.published.isoformat()}" itemprop="datePublished">'
            f"{id_date(a.published)}</time></dd><dd class=\"hits\">Dilihat: {hash_path(a.path) % 900 + 100}</dd></dl>",
            f'<div itemprop="articleBody" class="com-content-article__body">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            '<ul class="tags list-inline">' + "".join(
                f'<li class="list-inline-item"><a href="/component/tags/tag/{t.lower().replace(" ", "-")}">'
                f"{esc(t)}</a></li>" for t in a.tags) + "</ul>",
            "</div>",
        ])
        return self.document(f"{a.title} - {self.name}", a.url, main)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        blog = "\n".join(f'<div class="blog-item"><h2 itemprop="name"><a href="{a.url}">{esc(a.title)}</a></h2>'
                         f"<p>{esc(a.lead)}</p></div>" for a in items)
        main = f'<div class="com-content-featured blog-featured">\n{blog}\n</div>'
        return self.document(f"{self.name} - Kabar dari Pesisir Bangka Tengah", f"{base()}/", main)


class DetikStyleTheme(Theme):
    """A detik-like CMS: /<channel>/d-<id>/<slug>, "Baca juga" inserts; no feed; robots.txt names the sitemap."""

    outlet, name, zone = "kabar-timah", "Kabar Timah", "naive"
    body_class = "detail-page"
    nav = (Link("/tentang", "Tentang Kami"), Link("/redaksi", "Redaksi"),
           Link("/pedoman-media-siber", "Pedoman Media Siber"))

    def article(self, a: Article, others: Sequence[Article]) -> str:
        half = max(1, len(a.body) // 2)
        insert = (f'<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong> '
                  f'<a href="{others[0].url}">{esc(others[0].title)}</a></div></td></tr></table>') if others else ""
        main = "\n".join([
            '<article class="detail">',
            f'<div class="detail__header"><h1 class="detail__title">{esc(a.title)}</h1>',
            f'<div class="detail__author">{esc(a.author)} - {esc(self.name)}</div>',
            f'<div class="detail__date">{id_date(a.published)}</div></div>',
            f'<div class="detail__body-text itp_bodycontent">\n{body_html(a.body[:half])}\n{insert}\n'
            f"{body_html(a.body[half:])}\n{BODY_END}\n</div>",
            '<div class="detail__body-tag">' + "".join(
                f'<a href="/tag/{t.lower().replace(" ", "-")}">{esc(t)}</a>' for t in a.tags) + "</div>",
            "</article>",
        ])
        head = (f'<meta name="publishdate" content="{a.published:%Y/%m/%d %H:%M:%S}">\n'
                f'<meta property="og:title" content="{esc(a.title)}">\n' + self.jsonld(a))
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        main = (f'<section class="headline"><h2><a href="{items[0].url}">{esc(items[0].title)}</a></h2></section>\n'
                f'<section class="populer"><h3>Terpopuler</h3><ul><li><a href="{items[1].url}">'
                f"{esc(items[1].title)}</a></li></ul></section>")
        return self.document(f"{self.name} | Berita Pangkalpinang dan Bangka Belitung", f"{base()}/", main)


class KompasStyleTheme(Theme):
    """A Kompas-like CMS: /read/<yyyy>/<mm>/<dd>/<id>/<slug>; only a paginated "Indeks" lists the news."""

    outlet, name, zone = "suara-rejang", "Suara Rejang", "offset"
    body_class = "read-page"
    nav = (Link("/indeks", "Indeks Berita"), Link("/redaksi", "Redaksi"), Link("/kontak", "Kontak"))

    def article(self, a: Article, others: Sequence[Article]) -> str:
        first, rest = a.body[0], a.body[1:]
        insert = (f'<p><strong>Baca juga: </strong><a class="inner-link-baca-juga" href="{others[0].url}">'
                  f"{esc(others[0].title)}</a></p>") if others else ""
        main = "\n".join([
            '<div class="read__header">',
            f'<h1 class="read__title">{esc(a.title)}</h1>',
            f'<div class="read__time">{esc(self.name)} - {a.published:%d/%m/%Y, %H:%M} WIB</div>',
            f'<div class="read__credit">Penulis: <a href="/penulis/{a.author.lower().replace(" ", "-")}">'
            f"{esc(a.author)}</a> | Editor: {esc(a.editor or a.author)}</div></div>",
            f'<div class="read__content"><div class="clearfix">\n<p>{esc(first)}</p>\n{insert}\n'
            f"{body_html(rest)}\n{BODY_END}\n</div></div>",
            '<div class="tag__article"><ul>' + "".join(
                f'<li><a href="/tag/{t.lower().replace(" ", "-")}">{esc(t)}</a></li>' for t in a.tags) + "</ul></div>",
        ])
        head = f'<meta name="content_PublishedDate" content="{a.published:%Y-%m-%d %H:%M:%S}">\n' + \
            self.meta(a, amp=None)
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        main = (f'<section class="headline"><h2><a href="{items[0].url}">{esc(items[0].title)}</a></h2>'
                f"<p>{esc(items[0].lead)}</p></section>")
        return self.document(f"{self.name} - Berita Rejang Lebong Terkini", f"{base()}/", main)


class DrupalTheme(Theme):
    """Drupal 10 (Olivero): pathauto /berita/<slug>; the feed moved from /rss.xml to /berita/feed (301)."""

    outlet, name, zone = "lintas-bangka", "Lintas Bangka", "offset"
    body_class = "path-node page-node-type-article"
    nav = (Link("/berita", "Berita"), Link("/tentang", "Tentang"))
    feed_path = "/berita/feed"

    def article(self, a: Article, others: Sequence[Article]) -> str:
        main = "\n".join([
            '<article role="article" class="node node--type-article node--view-mode-full">',
            f'<h1 class="page-title"><span class="field field--name-title">{esc(a.title)}</span></h1>',
            f'<div class="node__meta"><span class="field--name-uid">{esc(a.author)}</span> '
            f'<span class="field--name-created">{id_date(a.published)}</span></div>',
            '<div class="clearfix text-formatted field field--name-body field--type-text-with-summary '
            f'field--label-hidden field__item">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            "</article>",
        ])
        return self.document(f"{a.title} | {self.name}", a.url, main, head_extra=self.meta(a, amp=None))

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        views = "".join(f'<div class="views-row"><h2><a href="{a.url}">{esc(a.title)}</a></h2></div>' for a in items)
        return self.document(f"{self.name} | Berita Kabupaten Bangka", f"{base()}/",
                             f'<div class="view view-frontpage">{views}</div>')


class BloggerTheme(Theme):
    """Blogger: /<yyyy>/<mm>/<slug>.html; the blog switched its feed off (/feeds/posts/default is 404)."""

    outlet, name, zone = "catatan-seluma", "Catatan Seluma", "offset"
    body_class = "item-view version-1-3-3"
    nav = (Link("/p/tentang-kami.html", "Tentang Kami"),)

    def article(self, a: Article, others: Sequence[Article]) -> str:
        main = "\n".join([
            '<div class="post hentry" itemscope itemtype="http://schema.org/BlogPosting">',
            f'<h3 class="post-title entry-title" itemprop="name">{esc(a.title)}</h3>',
            f'<div class="post-body entry-content" itemprop="description articleBody">\n{body_html(a.body)}\n'
            f"{BODY_END}\n</div>",
            f'<div class="post-footer"><span class="post-author vcard">Diposting oleh <span class="fn">'
            f'{esc(a.author)}</span></span> <abbr class="published" itemprop="datePublished" '
            f'title="{a.published.isoformat()}">{id_date(a.published, clock=False)}</abbr></div>',
            "</div>",
        ])
        return self.document(f"{self.name}: {a.title}", a.url, main)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        posts = "".join(f'<h3 class="post-title"><a href="{a.url}">{esc(a.title)}</a></h3>' for a in items)
        return self.document(self.name, f"{base()}/", f'<div class="blog-posts hfeed">{posts}</div>')


class NextJsTheme(Theme):
    """Next.js after a redesign: the body is rendered in the browser from __NEXT_DATA__; the HTML has none."""

    outlet, name, zone = "info-beltim", "Info Beltim", "utc"
    body_class = ""
    nav = (Link("/news", "News"), Link("/tentang", "Tentang"))
    feed_path = "/rss"

    def article(self, a: Article, others: Sequence[Article]) -> str:
        data = {"props": {"pageProps": {"article": {"title": a.title, "content": body_html(a.body),
                                                    "publishedAt": a.published.isoformat()}}},
                "page": "/news/[id]/[slug]", "buildId": "k3Zq9v"}
        main = (f'<div id="__next"><article class="article-detail"><h1 class="article-title">{esc(a.title)}</h1>'
                f'<div class="article-meta">{esc(a.author)}</div><div class="article-content" data-hydrate="body">'
                f"</div>{BODY_END}</article></div>\n"
                f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script>')
        return self.document(f"{a.title} | {self.name}", a.url, main, head_extra=self.meta(a, amp=None))

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        cards = "".join(f'<a class="card" href="{a.url}">{esc(a.title)}</a>' for a in items)
        return self.document(f"{self.name} - Berita Belitung Timur", f"{base()}/", f'<div id="__next">{cards}</div>')
