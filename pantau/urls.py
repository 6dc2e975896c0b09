"""URL canonicalisation: one story is one record.

News sites reach the same story through AMP twins (``/amp/…``, ``?amp=1``,
``amp.`` hosts), tracking parameters and mixed host spellings. The crawler
canonicalises every discovered URL *before* deciding whether to fetch it, and
the page's own ``rel=canonical`` wins once the page is fetched.
"""

from __future__ import annotations

import hashlib
import html
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that never identify content (marketing, share buttons, AMP switches).
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|igshid|ref|ref_src|source|"
    r"amp|outputType|page_from|share|s_cid|cmpid)$",
    re.IGNORECASE,
)

# Path shapes of AMP twins and what the canonical path looks like.
# (pattern, replacement) tried in order on the path. A network whose twins live
# elsewhere (Disway: /amp/<id>/<slug> for /read/<id>/<slug>) says so in the
# registry (``canonical_rewrites``), which the crawler applies first.
AMP_PATH_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^/amp(/.*)$"), r"\1"),
    (re.compile(r"^(.*?)/amp/?$"), r"\1"),
    (re.compile(r"^(.*)\.amp(\.html?)?$"), r"\1\2"),
)


def canonical_url(url: str) -> str:
    """Return the canonical form of an article URL.

    Lower-case scheme and host, no fragment, no tracking or AMP parameters,
    AMP path variants mapped to the regular page, ``amp.``/``m.`` host prefixes
    dropped, remaining query parameters sorted.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "https").lower()
    host = (parts.hostname or "").lower()
    for prefix in ("amp.", "m."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    path = parts.path or "/"
    for pattern, repl in AMP_PATH_RULES:
        new = pattern.sub(repl, path)
        if new != path:
            path = new or "/"
            break
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    )
    return canonicalize_url(urlunsplit((scheme, netloc, path, query, "")))


def article_id(url: str) -> str:
    """Deterministic document id for a canonical URL (same story, same id, in every store)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()


_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def declared_canonical(page: str) -> str | None:
    """The ``href`` of the page's ``<link rel="canonical">``, read from its head only.

    Not a parser on purpose: building the tree of a 100 KB page to read one
    head tag cost about 1.5 ms a page on the crawl's reactor thread, which
    every other page waits for.
    """
    end = _HEAD_END.search(page)
    for tag in _LINK_TAG.finditer(page, 0, end.start() if end else len(page)):
        attributes = {m[1].lower(): next(v for v in m.groups()[1:] if v is not None)
                      for m in _ATTRIBUTE.finditer(tag.group())}
        if "canonical" in attributes.get("rel", "").lower().split() and attributes.get("href", "").strip():
            return html.unescape(attributes["href"].strip())
    return None
