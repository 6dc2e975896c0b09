"""``pantau outlets check``: does each registered outlet still yield articles the crawl can store?

Per outlet, every source is read as the crawl reads it (a listing up to two pages), its URLs are
matched against the outlet's ``article_pattern``, and a few of the articles found are run through
pantau's extraction. What goes wrong on real sites shows as a verdict with its reason:

- a source that moved (301/308): WARN, with the new URL to put in the registry;
- a source that is gone (404, refused, timed out, not a feed any more, disallowed by robots.txt)
  or whose URLs no longer match the pattern (a new URL scheme): that source is BROKEN;
- a feed where fewer than half the items match the pattern: WARN (the pattern misses a shape);
- articles whose body comes out empty or too short for the crawl (a template change): BROKEN
  when no sample article has a body, WARN for some; no title or date found: WARN.

An outlet is BROKEN when none of its sources yields articles or none of its sample articles
has a body, WARN when anything else is off, else OK.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TextIO

from crawler.fetch import Fetcher
from crawler.outlets import Outlet
from crawler.probe import (
    BROKEN,
    OK,
    SEVERITY,
    WARN,
    ArticleReport,
    Robots,
    SourceReport,
    judge_source,
    read_article,
    read_feed,
    read_listing,
    read_sitemap,
)
from pantau.wib import cli_time

SAMPLES = 3
LISTING_PAGES = 2  # enough to see that pagination still works
WORKERS = 8  # outlets checked at once (each outlet's requests go one after another)


@dataclass
class OutletCheck:
    outlet: Outlet
    sources: list[SourceReport] = field(default_factory=list)
    samples: list[ArticleReport] = field(default_factory=list)

    def failure(self) -> str | None:
        """Why the outlet as a whole yields nothing the crawl can store, if it does not."""
        if all(s.verdict == BROKEN for s in self.sources):
            return "no source yields article URLs" + (f" ({self.sources[0].reason})" if len(self.sources) == 1 else "")
        if self.samples and all(s.verdict == BROKEN for s in self.samples):
            return f"no sample article has a body the crawl would store: {self.samples[0].reason}"
        return None

    def reasons(self) -> list[str]:
        """What is off, the outlet's failure first, then broken before merely doubtful parts."""
        parts = [(s.verdict, f"{s.kind} {s.url}: {s.reason}") for s in self.sources if s.verdict != OK]
        parts += [(a.verdict, f"article {a.url}: {a.reason}") for a in self.samples if a.verdict != OK]
        parts.sort(key=lambda p: -SEVERITY[p[0]])
        failure = self.failure()
        return ([failure] if failure else []) + [reason for _, reason in parts]

    @property
    def verdict(self) -> str:
        """BROKEN when the whole outlet fails; a dead source beside working ones is a WARN."""
        if self.failure():
            return BROKEN
        return WARN if self.reasons() else OK


def _pick_samples(sources: list[SourceReport], n: int) -> list[str]:
    """Up to ``n`` articles, taken in turn from each working source (so each source's articles are tried)."""
    lists = [s.articles for s in sources if s.verdict != BROKEN]
    picks: list[str] = []
    for i in range(max((len(a) for a in lists), default=0)):
        for articles in lists:
            if i < len(articles) and articles[i] not in picks:
                picks.append(articles[i])
    return picks[:n]


def check_outlet(fetcher: Fetcher, outlet: Outlet, user_agent: str, *, samples: int = SAMPLES,
                 obey_robots: bool = True) -> OutletCheck:
    robots = Robots(fetcher, user_agent, obey=obey_robots)
    check = OutletCheck(outlet)
    check.sources += [read_feed(fetcher, url, robots) for url in outlet.feeds]
    check.sources += [read_sitemap(fetcher, url, robots) for url in outlet.sitemaps]
    pages = min(outlet.max_listing_pages, LISTING_PAGES)
    check.sources += [read_listing(fetcher, url, robots, max_pages=pages) for url in outlet.listings]
    for source in check.sources:
        judge_source(source, outlet.is_article, outlet.canonical)
    check.samples = [read_article(fetcher, url, (outlet.name,), robots)
                     for url in _pick_samples(check.sources, samples)]
    return check


def check_outlets(fetcher: Fetcher, outlets: Iterable[Outlet], user_agent: str, *, samples: int = SAMPLES,
                  obey_robots: bool = True) -> Iterator[OutletCheck]:
    """Each outlet's check, in the order given, several outlets at a time."""
    with ThreadPoolExecutor(WORKERS) as pool:
        yield from pool.map(lambda o: check_outlet(fetcher, o, user_agent, samples=samples,
                                                   obey_robots=obey_robots), outlets)


# -- output -------------------------------------------------------------------------------------


def _source_detail(s: SourceReport) -> str:
    if not s.entries:
        return ""
    unit = {"feed": "items", "sitemap": "URLs", "listing": "links"}[s.kind]
    detail = f"{len(s.entries)} {unit}, {len(s.articles)} articles"
    if s.kind == "listing":
        detail += f" on {s.pages} page{'s' if s.pages > 1 else ''}" + (", more pages" if s.more_pages else "")
    return detail + (f" ({s.note})" if s.note else "")


def _article_detail(a: ArticleReport) -> str:
    if not a.body and a.reason:
        return ""
    title = f'"{a.title[:60]}…"' if a.title and len(a.title) > 60 else f'"{a.title}"' if a.title else "no title"
    when = cli_time(a.published) if a.published else "no date"
    return f"{a.words} words, {title}, {when}"


def _line(kind: str, verdict: str, status: str, url: str, detail: str, reason: str) -> str:
    text = f"  {kind:8} {verdict:6} {status or '-':8} {url}"
    text += f"  {detail}" if detail else ""
    return text + (f"  — {reason}" if reason else "")


def source_line(s: SourceReport) -> str:
    """``  feed     OK     200      URL  20 items, 20 articles``, then the reason when not OK."""
    return _line(s.kind, s.verdict, s.status, s.url, _source_detail(s), s.reason)


def article_line(a: ArticleReport) -> str:
    """``  article  OK     200      URL  412 words, "Title", 2024-10-01 09:00 WIB``, then the reason."""
    return _line("article", a.verdict, a.status, a.url, _article_detail(a), a.reason)


def write_text(check: OutletCheck, out: TextIO) -> None:
    """The check of one outlet: a headline with its verdict and main reason, then a line per source and sample."""
    reasons = check.reasons()
    head = f"{check.outlet.id}  {check.verdict}"
    if reasons:
        head += f"  {reasons[0]}"
    out.write(head + "\n")
    for s in check.sources:
        out.write(source_line(s) + "\n")
    for a in check.samples:
        out.write(article_line(a) + "\n")


def to_json(check: OutletCheck) -> dict[str, Any]:
    return {
        "id": check.outlet.id, "name": check.outlet.name, "verdict": check.verdict, "reasons": check.reasons(),
        "sources": [{"kind": s.kind, "url": s.url, "status": s.status or None, "final_url": s.final_url or None,
                     "moved_to": s.moved_to, "entries": len(s.entries), "articles": len(s.articles),
                     "pages": s.pages, "verdict": s.verdict, "reason": s.reason or None} for s in check.sources],
        "articles": [{"url": a.url, "status": a.status or None, "words": a.words, "title": a.title,
                      "published": a.published.isoformat() if a.published else None, "verdict": a.verdict,
                      "reason": a.reason or None} for a in check.samples],
    }


def dumps(checks: list[OutletCheck], skipped: list[str]) -> str:
    counts = {v: sum(c.verdict == v for c in checks) for v in (OK, WARN, BROKEN)}
    return json.dumps({"outlets": [to_json(c) for c in checks], "counts": counts, "skipped": skipped},
                      ensure_ascii=False, indent=1)
