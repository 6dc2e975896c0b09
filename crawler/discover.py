"""Find an outlet's feeds, sitemaps, listings and article pattern from its home page alone.

The steps a maintainer would take by hand, in order:

1. the home page: the feeds it advertises (``<link rel="alternate">``, else feed-looking links;
   trafilatura's :func:`~trafilatura.feeds.determine_feed`), the links to an index of news
   ("Indeks", "Terkini", "Terbaru", "Arsip", …) and the article links it shows;
2. robots.txt: its ``Sitemap:`` lines (Scrapy's ``sitemap_urls_from_robots``) and its rules;
3. only when the site advertises none: the usual feed and sitemap paths (WordPress, Yoast,
   Blogger, Drupal, ANTARA), first under the home's path, then at the host's root;
4. every source found is read as the crawl reads it (:mod:`crawler.sources`), the listing
   with its next pages;
5. the article pattern is inferred from all the URLs seen (:mod:`crawler.patterns`), the
   sources that yield articles under it are kept, and a few articles are run through pantau's
   extraction (:mod:`crawler.probe`); the AMP twins they link are admitted by the pattern.

A home URL under a path (a section, or a network member such as ``/sumut/``) keeps discovery
and the pattern under that path.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from trafilatura import sitemaps
from trafilatura.feeds import FeedParameters, determine_feed

from crawler.fetch import Fetched, Fetcher
from crawler.patterns import Inference, in_scope, infer_pattern, scope_of
from crawler.probe import (
    BROKEN,
    OK,
    ArticleReport,
    Robots,
    SourceReport,
    article_test,
    judge_source,
    read_article,
    read_feed,
    read_listing,
    read_sitemap,
    worst,
)
from crawler.sources import listing_links
from pantau.analysis.regions import find_regions
from pantau.errors import PantauError
from pantau.headline import SITE_NAME_XPATH
from pantau.urls import canonical_url

# Where feeds and sitemaps usually are when a site does not say (relative to the home's path).
FEED_GUESSES = ("feed/", "rss/", "rss.xml", "feed.xml", "index.xml", "atom.xml", "feed.atom", "rss/terkini.xml",
                "feeds/posts/default")
SITEMAP_GUESSES = tuple(dict.fromkeys(("sitemap_index.xml", "wp-sitemap.xml", "sitemap.xml", "news-sitemap.xml",
                                       "sitemap-news.xml", *sitemaps.GUESSES)))  # + trafilatura's own guesses
# Words of a link to an index of news, best first (anchor text or the link's last path segment).
LISTING_WORDS = (r"indeks|index", r"terkini|terbaru|latest|breaking", r"arsip|archive", r"berita|news")
MAX_FEEDS = 6  # advertised feeds read (a WordPress page also advertises comment and category feeds)
MAX_SITEMAPS = 6  # robots.txt sitemaps read (a big site names dozens: those under the home's path first)
MAX_REGISTERED_FEEDS = 3
MAX_LISTINGS = 4  # listing candidates read
LABEL_TAIL = r"(?:[-_][a-z]+){0,2}(?:\.\w+)?"  # /indeks-berita, /berita-terkini.html; not a headline's slug
MAX_LABEL_WORDS = 4  # a menu entry's words ("Indeks Berita", "Berita Terkini Hari Ini"); more make a headline
LISTING_PROBE_PAGES = 3  # pages of a listing read to see its pagination (also the depth registered)
MIN_LISTING_ARTICLES = 2  # a listing that links fewer articles is a section front, not an index
SAMPLES = 3
# A home page's title: the name, a tagline, a page word, split by these.
HOME_TITLE_SEPARATORS = re.compile(r"\s*[|•»·]\s*|\s+(?:[-–—:]|::)\s+|(?<=\w):\s+")
PAGE_WORDS = r"beranda|home|homepage|home page|halaman utama|halaman depan|index|indeks|welcome|selamat datang"
TAGLINE_WORDS = (r"berita|news|terkini|terbaru|terupdate|terpercaya|hari|ini|informasi|info|portal|situs|"
                 r"website|resmi|official|media|online|daring|update|aktual|tajam|akurat|indonesia|dan|&")
_DATED = re.compile(r"\d{4}")


class DiscoveryError(PantauError):
    """The home page could not be read, or nothing on the site looks like articles."""


@dataclass
class Discovery:
    home: Fetched
    scope: str
    name: str
    sources: list[SourceReport] = field(default_factory=list)
    guessed: dict[str, int] = field(default_factory=dict)  # kind -> usual paths tried in vain
    inference: Inference | None = None
    chosen: list[SourceReport] = field(default_factory=list)
    max_listing_pages: int = LISTING_PROBE_PAGES
    samples: list[ArticleReport] = field(default_factory=list)
    regions: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    avoid: list[str] = field(default_factory=list)  # pages that are not articles: home, sources
    furniture: set[str] = field(default_factory=set)  # links on every page of a listing: menus, boxes

    def failure(self) -> str | None:
        """Why the entry would not work, if it would not."""
        if not self.chosen:
            return "no feed, sitemap or listing yields article URLs"
        if self.samples and all(s.verdict == BROKEN for s in self.samples):
            return f"no sample article has a body the crawl would store: {self.samples[0].reason}"
        return None

    @property
    def verdict(self) -> str:
        if self.failure():
            return BROKEN
        return worst([s.verdict for s in self.chosen] + [s.verdict for s in self.samples])

    def urls(self, kind: str) -> list[str]:
        return [s.url for s in self.chosen if s.kind == kind]

    def entry(self, ident: str, name: str | None = None, region: dict[str, str | None] | None = None
              ) -> dict[str, Any]:
        """The registry entry (spec/interfaces.md format), empty source kinds left out."""
        assert self.inference is not None
        entry: dict[str, Any] = {"id": ident, "name": name or self.name, "home": self.home.final_url}
        for key, kind in (("feeds", "feed"), ("sitemaps", "sitemap"), ("listings", "listing")):
            if urls := self.urls(kind):
                entry[key] = urls
        entry["article_pattern"] = self.inference.pattern
        if self.urls("listing"):
            entry["max_listing_pages"] = self.max_listing_pages
        if region:
            entry["region"] = region
        read = [s.url for s in self.samples if s.verdict != BROKEN]
        if read:
            entry["example_article"] = read[0]
        today = datetime.now(UTC).date().isoformat()
        entry["evidence"] = [f"{s.url} ({s.kind}, HTTP {s.status}, pantau outlets add {today})" for s in self.chosen]
        return entry

    def inferred_region(self) -> tuple[str, str | None, int] | None:
        """The province (and regency) more than half the sample articles are about, and how many are."""
        read = sum(1 for s in self.samples if s.body)
        provinces = Counter(province for province, _ in self.regions.elements())
        if not provinces:
            return None
        province, votes = provinces.most_common(1)[0]
        if votes * 2 <= read:
            return None
        regencies = Counter({r: n for (p, r), n in self.regions.items() if p == province and r})
        top = regencies.most_common(1)
        regency = top[0][0] if top and top[0][1] * 2 > read else None
        return province, regency, votes


def site_name(home: Fetched) -> str:
    """The outlet's name as its home page gives it: og:site_name, else the name part of its title, else its host.

    A home page's ``<title>`` pairs the name with a tagline or a page word ("Sinar Bangka – Suara
    Bumi Sepintu Sedulang", "Beranda | Bawaslu Kabupaten Lombok Timur", "Berita Terkini Hari Ini -
    Bangka Pos"), in either order; the headlines on the page are never its name.
    """
    named = home.selector.xpath(SITE_NAME_XPATH).get()
    if named and named.strip():
        return " ".join(named.split())
    title = " ".join(home.selector.xpath("string(//title)").get("").split())
    parts = [p.strip() for p in HOME_TITLE_SEPARATORS.split(title) if p and p.strip()]
    host = urlsplit(home.final_url).hostname or home.final_url
    if not parts:
        return host
    labels = {_letters(label) for label in host.split(".") if len(label) >= 4 and not label.isdigit()} - {"www"}
    home_key = canonical_url(home.final_url)
    logo = {_letters(" ".join(text.split())) for a in home.selector.xpath("//a[@href]")
            if canonical_url(urljoin(home.final_url, a.attrib["href"].strip())) == home_key
            for text in a.xpath(".//text() | .//img/@alt | @title").getall() if text.strip()}

    def score(part: str) -> int:
        letters, words = _letters(part), part.casefold().split()
        points = 4 if any(label in letters or letters in label for label in labels if letters) else 0
        points += 2 if letters in logo else 0
        if re.fullmatch(PAGE_WORDS, part.casefold()):
            points -= 8
        return points - sum(bool(re.fullmatch(TAGLINE_WORDS, w)) for w in words)

    return max(parts, key=lambda part: (score(part), -parts.index(part)))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def default_id(url: str) -> str:
    """An outlet id from the home URL: ``https://www.detik.com/sumut/`` -> ``detik-sumut``."""
    parts = urlsplit(url)
    labels = (parts.hostname or "").split(".")
    if not all(label.isdigit() for label in labels):
        labels = [label for label in labels[:-1] if label not in ("www", "m", "amp")]
        if len(labels) > 1 and labels[-1] in ("co", "or", "go", "ac", "web", "my", "sch", "net", "com"):
            labels = labels[:-1]
    words = labels + [s for s in parts.path.split("/") if s and "." not in s]
    return re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-") or "outlet"


def _listing_candidates(home: Fetched, scope: str) -> list[str]:
    """Links of the home page to an index of news, by the words on or in them, best first."""
    ranked: list[tuple[int, str]] = []
    for anchor in home.selector.xpath("//a[@href]"):
        url = urljoin(home.final_url, anchor.attrib["href"].strip()).split("#")[0]
        if not in_scope(url, scope) or canonical_url(url) == canonical_url(home.final_url):
            continue
        text = " ".join(anchor.xpath("string(.)").get("").split()).lower()
        if len(text.split()) > MAX_LABEL_WORDS:  # a headline that mentions "berita" is no menu entry
            text = ""
        last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower()
        for rank, words in enumerate(LISTING_WORDS):
            if re.search(rf"\b(?:{words})\b", text) or re.fullmatch(rf"(?:{words}){LABEL_TAIL}", last):
                ranked.append((rank, url))
                break
    ranked.sort(key=lambda r: r[0])
    return list(dict.fromkeys(url for _, url in ranked))[:MAX_LISTINGS]


def _distinct(reports: list[SourceReport]) -> list[SourceReport]:
    """Readable sources without repeats (one final URL, one set of entries: /feed/ and /rss/ often are one)."""
    kept: list[SourceReport] = []
    seen: set[object] = set()
    for report in reports:
        keys = {report.final_url or report.url, frozenset(e.url for e in report.entries)}
        if report.readable and not keys & seen:
            kept.append(report)
            seen |= keys
    return kept


def _settle_moves(reports: list[SourceReport]) -> list[SourceReport]:
    """Sources that moved permanently, under their new URL: the registry should name where they are now."""
    for report in reports:
        if report.moved_to:
            moved = f"moved permanently from {report.url}"
            report.note = f"{report.note}; {moved}" if report.note else moved
            report.url, report.moved_to = report.moved_to, None
    return reports


def _guesses(scope: str, paths: tuple[str, ...]) -> list[str]:
    root = f"{urlsplit(scope).scheme}://{urlsplit(scope).netloc}/"
    return list(dict.fromkeys([scope + p for p in paths] + [root + p for p in paths]))


def discover(fetcher: Fetcher, home_url: str, user_agent: str, *, samples: int = SAMPLES,
             obey_robots: bool = True) -> Discovery:
    """Everything ``pantau outlets add`` reports: sources with verdicts, pattern, samples, name, region."""
    home = fetcher.get(home_url)
    if not home.ok:
        raise DiscoveryError(f"the home page {home_url} answered HTTP {home.status}")
    scope = scope_of(home.final_url)
    found = Discovery(home, scope, site_name(home))
    robots = Robots(fetcher, user_agent, obey=obey_robots)

    params = FeedParameters(home.final_url, urlsplit(scope).netloc, home.final_url)
    advertised = determine_feed(home.text, params)[:MAX_FEEDS]
    if urlsplit(scope).path != "/":  # a section's own feed is where a site-wide one would be, below it
        advertised += [scope + p for p in FEED_GUESSES]
    feeds = _distinct([read_feed(fetcher, u, robots) for u in advertised])
    if not feeds:
        guesses = [url for url in _guesses(scope, FEED_GUESSES) if url not in advertised]
        feeds = _distinct([read_feed(fetcher, u, robots) for u in guesses])
        found.guessed["feed"] = len(guesses) - len(feeds)
    named = sorted(robots.sitemaps(home.final_url), key=lambda u: (not in_scope(u, scope), "news" not in u.lower()))
    sitemaps = _distinct([read_sitemap(fetcher, u, robots) for u in named[:MAX_SITEMAPS]])
    if not any(in_scope(s.final_url or s.url, scope) for s in sitemaps):
        # robots.txt names none for this part of the host (a network member's robots.txt is the root site's)
        guesses = [url for url in (_guesses(scope, SITEMAP_GUESSES) if not sitemaps else
                                   [scope + p for p in SITEMAP_GUESSES]) if url not in named]
        guessed = _distinct([read_sitemap(fetcher, u, robots) for u in guesses])
        sitemaps += guessed
        found.guessed["sitemap"] = len(guesses) - len(guessed)
    listings = _distinct([read_listing(fetcher, u, robots, max_pages=LISTING_PROBE_PAGES)
                          for u in _listing_candidates(home, scope)])
    found.sources = _settle_moves(feeds + sitemaps + listings)

    furniture = found.furniture = {url for s in listings for url in s.furniture}  # menus, footers, "popular" boxes
    seen: list[tuple[str, bool]] = [(e.url, True) for s in feeds for e in s.entries]
    seen += [(e.url, e.news) for s in sitemaps for e in s.entries]
    seen += [(e.url, False) for s in listings for e in s.entries if e.url not in furniture]
    seen += [(url, False) for url in listing_links(home.selector, home.final_url) if url not in furniture]
    listed = {url for url, trusted in seen if trusted}
    found.avoid = [home.final_url] + [url for s in found.sources for url in (s.url, s.final_url) if url]
    found.avoid += sorted({url for s in listings for url in s.fixtures} - listed)  # footer pages: redaksi, pedoman
    found.avoid += sorted({url for s in sitemaps for url in s.non_articles} - listed)  # a CMS's page sitemap
    found.inference = infer_pattern(scope, seen, found.avoid, furniture=furniture)
    if found.inference is None and furniture:  # the stories themselves sit in every page's box
        seen += [(e.url, False) for s in listings for e in s.entries if e.url in furniture]
        found.inference = infer_pattern(scope, seen, found.avoid)
    root = f"{urlsplit(scope).scheme}://{urlsplit(scope).netloc}/"
    if found.inference is None and scope != root:  # a section whose articles live elsewhere on the host
        found.inference = infer_pattern(root, seen, found.avoid, furniture=furniture)
        found.scope = root
    if found.inference is None:
        raise DiscoveryError(f"found no article URLs under {scope} (sources read: {len(found.sources)})")
    _choose(found, fetcher, robots)
    _sample(found, fetcher, robots, samples, seen)
    return found


def _choose(found: Discovery, fetcher: Fetcher, robots: Robots) -> None:
    """Judge every source by the pattern; keep the feeds, the best sitemap and the best listing.

    A sitemap is kept when it is a news sitemap or the only way to the articles: an archive-wide
    one (WordPress, Yoast) would have the first crawl fetch the whole archive. A news sitemap
    inside an index is registered instead of the index, unless its name carries a date (it rotates).
    """
    assert found.inference is not None
    is_article = article_test(re.compile(found.inference.pattern))
    for source in found.sources:
        judge_source(source, is_article)
    working = [s for s in found.sources if s.verdict != BROKEN]
    feeds = [s for s in working if s.kind == "feed" and s.verdict == OK] or \
        [s for s in working if s.kind == "feed"]  # a feed of mostly other sections only when there is no other
    feeds = feeds[:MAX_REGISTERED_FEEDS]
    listings = sorted((s for s in working if s.kind == "listing" and len(s.articles) >= MIN_LISTING_ARTICLES),
                      key=lambda s: len(s.articles), reverse=True)[:1]
    sitemaps = sorted((s for s in working if s.kind == "sitemap"), key=lambda s: (s.news, len(s.articles)),
                      reverse=True)[:1]
    if sitemaps and not sitemaps[0].news and (feeds or listings):
        sitemaps = []  # an archive-wide sitemap would make every crawl walk the archive; recent news suffice
    for i, sitemap in enumerate(sitemaps):
        stable = [url for url in sitemap.news_sitemaps if not _DATED.search(urlsplit(url).path)]
        if stable:
            child = judge_source(read_sitemap(fetcher, stable[0], robots), is_article)
            if child.verdict != BROKEN:
                child.note = f"news sitemap of {sitemap.url}"
                sitemaps[i] = child
    for listing in listings:
        found.max_listing_pages = LISTING_PROBE_PAGES if listing.more_pages else listing.pages
    found.chosen = feeds + sitemaps + listings


def _sample(found: Discovery, fetcher: Fetcher, robots: Robots, samples: int, seen: list[tuple[str, bool]]) -> None:
    """Run a few articles through extraction; admit the AMP twins they link; tally their regions."""
    assert found.inference is not None
    pattern = re.compile(found.inference.pattern)
    ordered = [s for s in found.chosen if s.kind != "listing"] + [s for s in found.chosen if s.kind == "listing"]
    picks = list(dict.fromkeys(url for s in ordered for url in s.articles if robots.allowed(url)))[:samples]
    for url in picks:
        report = read_article(fetcher, url, (found.name,), robots)
        found.samples.append(report)
        if report.body:
            regions = find_regions(report.body, title=report.title)
            if regions:
                found.regions[(regions[0].province, regions[0].regency)] += 1
    twins = {s.amp: s.url for s in found.samples if s.amp and in_scope(s.amp, found.scope)}
    if twins and not all(pattern.match(url) for url in twins):
        widened = infer_pattern(found.scope, seen + [(url, False) for url in twins], found.avoid, twins,
                                found.furniture)
        if widened is not None:
            found.inference = widened
