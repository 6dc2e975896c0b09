"""Infer an outlet's ``article_pattern`` from the URLs its feeds, sitemaps and listings show.

Why by URL shape: every Indonesian news CMS gives its articles one or two path shapes
(WordPress ``/2024/10/01/<slug>/`` or ``/<slug>/``, ANTARA ``/berita/<id>/<slug>``, bacakoran
``/read/<id>/<slug>``, detik ``/<channel>/d-<id>/<slug>``, Kompas ``/read/<y>/<m>/<d>/<id>/<slug>``,
Tribun ``/<section>/<id>/<slug>``, Joomla ``/<section>/<id>-<slug>``, ``<slug>-<id>.html``), while
the pages around them (tags, categories, authors, pagination, date archives, static pages) have
other shapes. So the URLs are grouped by shape, the group the site itself lists as articles
(feed items, news-sitemap entries) or, failing that, the largest group that carries an article
identifier wins, and its regex is written from what varies in it:

- a numeric or prefixed id that is unique per URL (``\\d{3,}``, ``d-\\d+``, ``\\d+-<slug>``) ends the
  pattern there: what follows (the slug, a page number) may change without the story changing;
- without an id the whole path is matched (``<slug>`` of at least three words, ``$`` at the end),
  so ``/tentang-kami/`` or ``/tag/pemilu/`` are not articles;
- a word that varies between URLs is a section (``[^/?#]+``), a word that does not is kept;
- AMP twins are folded with :func:`pantau.urls.canonical_url`, then admitted by the pattern
  (``(?:amp/)?``, ``(?:read|amp)``, ``(?:/amp)?``) when the site showed them.

The pattern is anchored on the scheme, host and path of the outlet's home (a section or a
network member served under a path keeps its path).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from courlan import is_navigation_page

from pantau.urls import canonical_url

# Path segments that name navigation, not a story, in Indonesian and English CMSs.
NAVIGATION_SEGMENTS = frozenset({
    "tag", "tags", "topik", "topic", "topics", "label", "kategori", "category", "categories", "penulis",
    "author", "authors", "reporter", "editor", "page", "halaman", "search", "cari", "pencarian", "feed", "rss",
    "indeks", "index", "arsip", "archive", "archives", "wp-content", "wp-json", "wp-admin", "wp-includes",
    "login", "masuk", "user", "users", "profile", "profil", "comments", "komentar", "cdn-cgi",
})
# The navigation words that put a slug or a number after them (/tag/<slug>, /page/<n>): kept out where a
# section may vary.
NAVIGATION_PREFIXES = ("tag", "tags", "topik", "topic", "label", "kategori", "category", "penulis", "author",
                       "search", "cari", "page", "halaman", "indeks", "index", "arsip", "archive")
EXTENSIONS = (".html", ".htm", ".shtml", ".php", ".aspx", ".asp")
SLUG_MIN_HYPHENS = 2  # an article slug has at least three words; "bangka-belitung" is a section
SLUG_PREFIX_MIN = 5  # story slugs that must all start with one word before it is taken for the site's prefix
UNIQUE_SHARE = 0.6  # a varying word position is a slug when this share of its values is distinct
TRUSTED_WEIGHT = 4  # a URL the site lists as an article counts as much as this many links
MINOR_GROUP_SHARE = 0.25  # another shape joins the pattern when it has this share of the best score
MAX_GROUPS = 3

_YEAR = re.compile(r"(19|20)\d\d")
_DIGITS = re.compile(r"\d+")
_DASHED_DIGITS = re.compile(r"\d+(?:-\d+)+")
_ID_SLUG = re.compile(r"\d+-[^/]*[a-z][^/]*", re.IGNORECASE)
_PREFIXED_ID = re.compile(r"([a-z]{1,4}-?)(\d{3,})", re.IGNORECASE)
# Lokomedia and other PHP CMSs: a kind word, the story id, the slug (berita-3208-banjir-rendam-….html);
# a year after the first word is a WordPress slug's ("pilkada-2024-kpu-…"), not an id
_WORD_ID_SLUG = re.compile(r"([a-z]+)-(?!(?:19|20)\d\d-)\d{3,}-[^/]*[a-z][^/]*", re.IGNORECASE)
SLUG_WORD = "[^/?#.-]+"  # a slug's words have no dot (``news-sitemap-1.xml`` is no story) …
SLUG_WORD_DOTTED = "[^/?#-]+"  # … unless the site's own slugs do
SECTION = "[^/?#]+"


def _split_ext(segment: str) -> tuple[str, str]:
    lower = segment.lower()
    for ext in EXTENSIONS:
        if lower.endswith(ext) and len(segment) > len(ext):
            return segment[: -len(ext)], segment[-len(ext):]
    return segment, ""


def segment_kind(segment: str) -> str:
    """The shape of one path segment: year, small, id, dashed, idslug, wordid, prefixed or word."""
    stem, _ = _split_ext(segment)
    if _DIGITS.fullmatch(stem):
        if len(stem) == 4 and _YEAR.fullmatch(stem):
            return "year"
        return "small" if len(stem) <= 2 else "id"
    if _DASHED_DIGITS.fullmatch(stem):
        return "dashed"
    if _ID_SLUG.fullmatch(stem):
        return "idslug"
    if _WORD_ID_SLUG.fullmatch(stem):
        return "wordid"
    if _PREFIXED_ID.fullmatch(stem):
        return "prefixed"
    return "word"


ID_KINDS = frozenset({"id", "dashed", "idslug", "wordid", "prefixed"})
SLUG_KINDS = frozenset({"idslug", "wordid"})  # the id and the slug after it in one segment


@dataclass
class _Url:
    url: str
    trusted: bool
    segments: list[str]  # canonical path below the scope, without empty segments
    slash: bool  # canonical path ends with "/"
    raw_segments: list[str]  # as listed (an AMP twin differs from its canonical form)
    raw_path: str  # as listed, below the scope


@dataclass
class Group:
    """URLs of one shape (number of segments and kind of each)."""

    shape: tuple[tuple[str, str], ...]  # (kind, extension) per segment
    urls: list[_Url] = field(default_factory=list)
    beside: list[str] = field(default_factory=list)  # last segments of page furniture with as many segments

    @property
    def trusted(self) -> int:
        return sum(u.trusted for u in self.urls)

    @property
    def score(self) -> int:
        return self.trusted * TRUSTED_WEIGHT + sum(not u.trusted for u in self.urls)

    def values(self, i: int) -> list[str]:
        return [u.segments[i] for u in self.urls]

    def article_values(self, i: int) -> list[str]:
        """The values the site itself lists as articles, if it lists any here (links also bring pages)."""
        trusted = [u.segments[i] for u in self.urls if u.trusted]
        return trusted or self.values(i)

    def unique(self, i: int) -> bool:
        values = self.values(i)
        return len(values) == 1 or len(set(values)) / len(values) >= UNIQUE_SHARE

    def id_position(self) -> int | None:
        """The first position holding an identifier that differs from URL to URL."""
        for i, (kind, _) in enumerate(self.shape):
            if kind in ID_KINDS and len(set(self.values(i))) == len(self.values(i)):
                return i
        return None

    def hyphens(self, i: int) -> int:
        """The fewest hyphens in the position's article values: a slug of n+1 words at least."""
        return min(_split_ext(v)[0].count("-") for v in self.article_values(i))

    def slug_prefix(self, i: int) -> str | None:
        """The first word every story slug starts with, when the site names its pages so (``berita-<slug>``).

        Lokomedia and similar CMSs put all stories on one path level beside their category, tag
        and static pages, each kind named by its first word (``kategori-3-politik.html``,
        ``tag-asn.html``, ``halaman-2-redaksi.html``): the stories' word tells them apart. It is
        kept only when the stories share it (a few may by chance, many do not) and other pages
        at that level show the same naming; a WordPress site whose recent posts all start with
        "bupati-" has no such pages, and its next post may start with any word.
        """
        stems = {_split_ext(v)[0].lower() for v in self.article_values(i)}
        firsts = {stem.split("-", 1)[0] for stem in stems}
        if len(stems) < SLUG_PREFIX_MIN or len(firsts) != 1 or not (first := firsts.pop()).isalpha():
            return None
        others = {_split_ext(v)[0].lower() for v in [*self.values(i), *self.beside]} - stems
        named = Counter(stem.split("-", 1)[0] for stem in others if "-" in stem)
        return first if any(n >= 2 and word != first for word, n in named.items()) else None

    def is_article_shape(self) -> bool:
        """An id per URL, or a last segment that is a slug of three or more words, different per URL."""
        if self.id_position() is not None:
            return True
        last = len(self.shape) - 1
        return self.shape[last][0] == "word" and self.hyphens(last) >= SLUG_MIN_HYPHENS and self.unique(last)

    def segment_regex(self, i: int) -> str:
        kind, ext = self.shape[i]
        values = self.values(i)
        stems = [_split_ext(v)[0] for v in values]
        ext_re = re.escape(ext)
        if kind == "year":
            return r"\d{4}" + ext_re
        if kind == "small":
            return (r"\d{2}" if all(len(s) == 2 for s in stems) else r"\d{1,2}") + ext_re
        if kind == "id":
            return r"\d{3,}" + ext_re  # as segment_kind has it: /2024/10/ is a month, not a story
        if kind == "dashed":
            return r"\d+(?:-\d+)+" + ext_re
        if kind == "idslug":
            return r"\d+-[^/?#]+"
        if kind == "wordid":  # the kind word is kept: kategori-123-politik.html beside berita-123-….html
            words = {m.group(1).lower() for s in stems if (m := _WORD_ID_SLUG.fullmatch(s))}
            word = re.escape(words.pop()) if len(words) == 1 else "[a-z]+"
            return word + r"-\d{3,}-[^/?#]+"
        if kind == "prefixed":
            prefixes = {m.group(1).lower() for s in stems if (m := _PREFIXED_ID.fullmatch(s))}
            prefix = re.escape(prefixes.pop()).replace("\\-", "-") if len(prefixes) == 1 else "[a-z]{1,4}-?"
            return prefix + r"\d+" + ext_re
        if len(set(values)) == 1:
            return re.escape(values[0])
        if i == len(self.shape) - 1 and self.id_position() is None:  # the story's own slug
            hyphens = min(self.hyphens(i), SLUG_MIN_HYPHENS)
            word = SLUG_WORD_DOTTED if any("." in _split_ext(v)[0] for v in self.article_values(i)) else SLUG_WORD
            if not hyphens:
                return SECTION + ext_re
            if named := self.slug_prefix(i):  # /berita-<slug>.html: not /kategori-<slug>.html
                return re.escape(named) + "-" + word + f"(?:-{word}){{{hyphens - 1},}}" + ext_re
            return word + f"(?:-{word}){{{hyphens},}}" + ext_re
        return f"(?!(?:{'|'.join(NAVIGATION_PREFIXES)})/){SECTION}"  # a section, not a tag's or a page's

    def regex(self, *, amp_prefix: bool = False, amp_suffix: bool = False, alternatives: dict[int, str] | None = None
              ) -> str:
        """The group's pattern below the scope (no anchor), admitting the AMP forms asked for."""
        alternatives = alternatives or {}

        def segment(i: int) -> str:
            if i in alternatives:
                return f"(?:{self.segment_regex(i)}|{re.escape(alternatives[i])})"
            return self.segment_regex(i)

        prefix = "(?:amp/)?" if amp_prefix else ""
        cut = self.id_position()
        if cut is not None:
            body = prefix + "/".join(segment(i) for i in range(cut + 1))
            if cut < len(self.shape) - 1:
                return body + "/"
            return body if self.shape[cut][0] in SLUG_KINDS else body + r"(?![\w-])"  # /123 is not /1234
        body = prefix + "/".join(segment(i) for i in range(len(self.shape)))
        ends = {u.slash for u in self.urls}
        slash = "/?" if len(ends) > 1 else "/" if ends == {True} else ""
        if amp_suffix and not slash:  # WordPress AMP twins end in /amp/ where the posts end without a slash
            return body + "(?:/amp/?)?$"
        return body + ("(?:/amp)?" if amp_suffix else "") + slash + "$"

    def amp_regex(self) -> str:
        """:meth:`regex`, widened to the AMP twins the site listed when the plain pattern misses them."""
        plain = self.regex()
        amp_prefix = amp_suffix = False
        alternatives: dict[int, str] = {}
        for u in self.urls:
            raw, canon = [s.lower() for s in u.raw_segments], [s.lower() for s in u.segments]
            if raw == canon or re.match(plain, u.raw_path):
                continue
            if raw[:1] == ["amp"] and raw[1:] == canon:
                amp_prefix = True
            elif raw[-1:] == ["amp"] and raw[:-1] == canon:
                amp_suffix = True
            elif len(raw) == len(canon) and sum(a != b for a, b in zip(raw, canon, strict=True)) == 1:
                i = next(i for i, (a, b) in enumerate(zip(raw, canon, strict=True)) if a != b)
                alternatives[i] = u.raw_segments[i]
        return self.regex(amp_prefix=amp_prefix, amp_suffix=amp_suffix, alternatives=alternatives)


@dataclass(frozen=True)
class Inference:
    """The inferred pattern and how well it covers what the sources showed."""

    pattern: str
    shapes: tuple[str, ...]  # the regex of each URL shape taken (below the scope)
    matched: int  # in-scope URLs the pattern matches
    total: int  # in-scope URLs seen
    trusted_matched: int
    trusted_total: int
    navigation_matched: tuple[str, ...]  # tag/category/author/… URLs the pattern would take (should be none)


def scope_of(home_url: str) -> str:
    """``scheme://host[:port]/path/`` of a home URL: its directory (``/index.php`` is not part of it)."""
    parts = urlsplit(home_url)
    path = parts.path or "/"
    if not path.endswith("/"):
        last = path.rsplit("/", 1)[-1]
        path = path[: -len(last)] if "." in last else path + "/"
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def _host(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


def in_scope(url: str, scope: str) -> bool:
    """Whether ``url`` is on the scope's host (either scheme, with or without www.) and under its path."""
    parts, home = urlsplit(url), urlsplit(scope)
    return _host(parts.netloc) == _host(home.netloc) and (parts.path or "/").startswith(home.path) and \
        parts.scheme.lower() in ("http", "https")


def _relative(url: str, scope_path: str) -> tuple[list[str], bool, str]:
    """Segments of the URL's path below the scope, whether it ends in "/", and that path as text."""
    path = urlsplit(url).path or "/"
    rest = path[len(scope_path):] if path.startswith(scope_path) else path.lstrip("/")
    return [s for s in rest.split("/") if s], path.endswith("/"), rest


def _below(url: str, scope_path: str) -> str:
    """The URL's path (and query) below the scope, as text."""
    parts = urlsplit(url)
    path = _relative(url, scope_path)[2]
    return path + (f"?{parts.query}" if parts.query else "")


def _is_navigation(u: _Url) -> bool:
    return is_navigation_page(u.url) or any(s.lower() in NAVIGATION_SEGMENTS for s in u.segments[:-1]) or \
        (len(u.segments) == 1 and u.segments[0].lower() in NAVIGATION_SEGMENTS)


_QUERY_ID = re.compile(r"(\d+)(?:[:-][^&#]*)?")  # ?id=123, Joomla's ?id=123:alias
_QUERY_WORD = re.compile(r"[a-z][\w.-]*", re.IGNORECASE)


def _query_id(urls: list[tuple[str, bool]], scope_path: str) -> str | None:
    """``index.php?id=123``: the body for stories told apart by a numeric query parameter, if the site's are.

    Old PHP CMSs, WordPress without permalinks (``/?p=123``) and Joomla without SEF URLs
    (``index.php?option=com_content&view=article&id=123:alias``) name every story on one path.
    Only URLs the site lists as articles count: listing links carry ``?page=2`` too. A parameter
    with one word for every story (``view=article``) is required, so the category and archive
    views on the same path, with ids of their own, are not taken.
    """
    trusted = [urlsplit(url) for url, is_article in urls if is_article]
    queries: dict[str, list[dict[str, list[str]]]] = {}
    for parts in trusted:
        if parts.query:
            queries.setdefault(parts.path or "/", []).append(parse_qs(parts.query))
    if not queries:
        return None
    path, found = max(queries.items(), key=lambda item: len(item[1]))
    if len(found) < 2 or len(found) * 2 <= len(trusted):
        return None
    common = sorted(set.intersection(*(set(q) for q in found)))
    # a word every story's query carries names the page kind (Joomla option=com_content&view=article):
    # a category page on the same path has the same id parameter but another view
    kind = ""
    for name in common:
        values = {q[name][0] for q in found}
        if len(values) == 1 and _QUERY_WORD.fullmatch(value := values.pop()):
            kind += rf"(?=(?:[^#]*&)?{re.escape(name)}={re.escape(value)}(?:[&#]|$))"
    for name in common:
        ids = [m.group(1) if (m := _QUERY_ID.fullmatch(q[name][0])) else "" for q in found]
        if all(ids) and len(set(ids)) == len(ids):
            return (re.escape(_relative(path, scope_path)[2]) + r"\?" + kind + r"(?:[^#]*&)?" + re.escape(name)
                    + r"=\d+(?!\d)")
    return None


def amp_twins(urls: Iterable[str]) -> dict[str, str]:
    """AMP URLs mapped to the plain URL ending in the same numeric id and slug (``/amp/7426/x`` → ``/read/7426/x``).

    Sites put AMP twins under their own path prefix (``/amp/``, ``/amp/berita/``, ``…/amp``): an
    ``amp`` segment next to the same id and slug as a plain URL on the same host is the same story.
    """
    def tail(url: str) -> tuple[str, str, str] | None:
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s and s != "amp"]
        if len(segments) < 2 or not (segments[-2].isdigit() and len(segments[-2]) >= 3):
            return None
        return _host(parts.netloc), segments[-2], segments[-1]

    urls = list(urls)
    stories = {key: url for url in urls if "amp" not in urlsplit(url).path.split("/") and (key := tail(url))}
    return {url: stories[key] for url in urls
            if "amp" in urlsplit(url).path.split("/") and (key := tail(url)) in stories}


def infer_pattern(scope: str, urls: Iterable[tuple[str, bool]], avoid: Iterable[str] = (),
                  twins: Mapping[str, str] | None = None, furniture: Iterable[str] = ()) -> Inference | None:
    """The article pattern for URLs under ``scope``; ``urls`` are (url, trusted) pairs.

    ``twins`` maps an alternate URL to the story URL the site says it stands for (an article's
    ``rel="amphtml"`` link): the two count as one story, whatever their URLs look like.

    ``trusted`` marks URLs the site lists as articles (feed items, news-sitemap entries);
    ``avoid`` are URLs known not to be articles (the home page, the feeds, sitemaps and listings
    themselves): a pattern that would take one of them leaves it out by name. ``furniture`` are
    links every page of a listing shows (menus, tag clouds, "popular" boxes): no evidence of
    what a story looks like, but of the other pages beside the stories. None when no group of
    URLs looks like articles.
    """
    scope = scope_of(scope)
    scope_path = urlsplit(scope).path
    urls = [(url, trusted) for url, trusted in urls if in_scope(url, scope)]
    if not urls:
        return None
    twins = {**amp_twins(url for url, _ in urls), **(twins or {})}
    seen: dict[str, _Url] = {}
    for url, trusted in urls:
        canonical = canonical_url(twins.get(url, url))
        key = _host(urlsplit(canonical).netloc) + urlsplit(canonical).path  # one story: www. or not, any query
        segments, slash, _ = _relative(canonical, scope_path)
        if not segments:
            continue
        raw, _, raw_path = _relative(url, scope_path)
        previous = seen.get(key)
        if previous is None:
            seen[key] = _Url(url, trusted, segments, slash, raw, raw_path)
            continue
        previous.trusted |= trusted
        if raw != segments:  # keep the AMP form: the pattern should admit it too
            previous.raw_segments, previous.raw_path = raw, raw_path
    everything = list(seen.values())
    navigation = [u for u in everything if not u.trusted and _is_navigation(u)]
    groups: dict[tuple[tuple[str, str], ...], Group] = {}
    for u in everything:
        if u in navigation:
            continue
        shape = tuple((segment_kind(s), _split_ext(s)[1].lower()) for s in u.segments)
        groups.setdefault(shape, Group(shape)).urls.append(u)
    for url in furniture:
        if in_scope(url, scope) and (segments := _relative(canonical_url(url), scope_path)[0]):
            for group in groups.values():
                if len(group.shape) == len(segments) and _split_ext(segments[-1])[1].lower() == group.shape[-1][1]:
                    group.beside.append(segments[-1])
    candidates = [g for g in groups.values() if g.is_article_shape() or g.trusted * 2 > len(g.urls)]
    candidates.sort(key=lambda g: (g.score, g.trusted), reverse=True)
    by_query = _query_id(urls, scope_path)
    if by_query:
        bodies = [by_query]
    elif candidates:
        best = candidates[0]
        chosen = [best] + [g for g in candidates[1:] if g.score >= MINOR_GROUP_SHARE * best.score
                           and len(g.urls) >= 2 and (g.trusted or not best.trusted)][: MAX_GROUPS - 1]
        bodies = list(dict.fromkeys(g.amp_regex() for g in chosen))
    else:
        return None
    schemes = {urlsplit(url).scheme.lower() for url, _ in urls}
    scheme = "https?" if len(schemes) > 1 else re.escape(schemes.pop())
    body = bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"
    hosts = {urlsplit(url).netloc.lower() for url, _ in urls}
    host = re.escape(hosts.pop()) if len(hosts) == 1 else r"(?:www\.)?" + re.escape(_host(urlsplit(scope).netloc))
    prefix = f"^{scheme}://{host}{re.escape(scope_path)}"
    compiled = re.compile(prefix + body)

    def hit(url: str) -> bool:
        return bool(compiled.match(url) or compiled.match(canonical_url(url)))

    taken = [url for url in avoid if in_scope(url, scope) and hit(url)]
    if taken:
        below = sorted({re.escape(_below(url, scope_path)) for url in taken})
        compiled = re.compile(prefix + f"(?!(?:{'|'.join(below)})$)" + body)
    pattern = compiled.pattern

    listed: dict[str, bool] = {}
    for url, trusted in urls:
        listed[canonical_url(url)] = listed.get(canonical_url(url), False) or trusted
    return Inference(
        pattern=pattern, shapes=tuple(bodies),
        matched=sum(map(hit, listed)), total=len(listed),
        trusted_matched=sum(hit(url) for url, trusted in listed.items() if trusted),
        trusted_total=sum(listed.values()),
        navigation_matched=tuple(u.url for u in navigation if hit(u.url)),
    )


def describe(inference: Inference) -> str:
    """One line for the maintainer: what the pattern covers."""
    line = f"matches {inference.matched} of {inference.total} URLs found"
    if inference.trusted_total:
        line += f" ({inference.trusted_matched} of {inference.trusted_total} listed as articles)"
    if inference.navigation_matched:
        line += f"; also {len(inference.navigation_matched)} navigation pages, e.g. {inference.navigation_matched[0]}"
    return line

