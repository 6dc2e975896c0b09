"""Extraction quality and speed: pantau beside trafilatura alone, on saved pages with gold.

    python -m benchmarks.extraction PAGES_DIR [--show] [--repeat N]
    python -m benchmarks.extraction --fixture-site [--show]

``PAGES_DIR`` holds saved article pages and ``gold.json``, a list of
``{file, url, title, published, body}`` (body: paragraphs separated by a blank
line). ``--fixture-site`` measures the bundled fixture site instead, per
outlet: its article pages (each split article with its further pages), against
the paragraphs the generator wrote (``pantau/fixture_site/generator/content/``) and, for the
five real seed articles, the clean references of ``tests/data/clean/``.

Every page goes through pantau as ``pantau analyze --html`` reads it
(``extract_page`` then ``clean_body``) and through trafilatura 2 alone in its
default, precision and recall settings (``bare_extraction`` with metadata,
nothing else). Printed per extractor: body token F1 mean / median / min (the
token F1 of the project's scorers: NFKC, lower case, quotes and punctuation to
spaces), title exact match, publication date (YYYY-MM-DD in Asia/Jakarta), and
the median over ``--repeat`` runs of the mean milliseconds per page (one
process, pages in memory, after a warm-up).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import trafilatura

from pantau.analysis.clean import clean_body
from pantau.extract import extract_page
from pantau.fixture_site.generator.content import composed, paged_articles
from pantau.fixture_site.generator.model import Raw

REPO = Path(__file__).resolve().parent.parent
WIB = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class Case:
    group: str  # the site or fixture outlet
    name: str
    url: str
    html: str
    body: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    more_pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    body: str
    title: str | None
    published: str | None


@dataclass
class Score:
    f1: list[float] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)


def _words(text: str) -> list[str]:
    """The scorers' tokens: NFKC, lower case, quotes and non-word characters as spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[\"'“”‘’″«»]", " ", text)
    return re.sub(r"[^\w\s-]", " ", text).split()


def token_f1(found: str, gold: str) -> float:
    a, b = _words(found), _words(gold)
    if not a or not b:
        return 0.0
    pool: dict[str, int] = {}
    for t in b:
        pool[t] = pool.get(t, 0) + 1
    common = 0
    for t in a:
        if pool.get(t, 0) > 0:
            common += 1
            pool[t] -= 1
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def local_date(value: datetime | str | None) -> str | None:
    """The date as the page prints it: YYYY-MM-DD in Asia/Jakarta (a date without a zone as given)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return str(value)[:10]
    if value is None:
        return None
    return (value.astimezone(WIB) if value.tzinfo else value).date().isoformat()


# -- extractors ----------------------------------------------------------------------------------


def pantau(case: Case) -> Result:
    page = extract_page(case.html, case.url, more_pages=case.more_pages)
    if page is None:
        return Result("", None, None)
    return Result(clean_body(page.text, title=page.title), page.title, local_date(page.published))


def trafilatura_alone(*, precision: bool = False, recall: bool = False) -> Callable[[Case], Result]:
    def run(case: Case) -> Result:
        texts, doc = [], None
        for i, html in enumerate((case.html, *case.more_pages)):
            found = trafilatura.bare_extraction(html, url=case.url, with_metadata=i == 0, favor_precision=precision,
                                                favor_recall=recall)
            doc = doc or found
            texts.append(getattr(found, "text", None) or "")
        return Result("\n".join(texts), getattr(doc, "title", None), local_date(getattr(doc, "date", None)))
    return run


EXTRACTORS: dict[str, Callable[[Case], Result]] = {
    "pantau": pantau,
    "trafilatura (default)": trafilatura_alone(),
    "trafilatura (precision)": trafilatura_alone(precision=True),
    "trafilatura (recall)": trafilatura_alone(recall=True),
}


# -- page sets -------------------------------------------------------------------------------------


def saved_pages(directory: Path) -> list[Case]:
    """The pages of a directory with ``gold.json`` (see the module docstring)."""
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    return [Case(g.get("site") or "", g["file"], g["url"],
                 (directory / g["file"]).read_bytes().decode("utf-8", "replace"), g["body"], g.get("title"),
                 (g.get("published") or "")[:10] or None) for g in gold]


def fixture_site() -> list[Case]:
    """Every article of the bundled fixture site with the body its generator wrote (see the docstring)."""
    sites = REPO / "pantau" / "fixture_site" / "sites"
    manifest = json.loads((sites / "manifest.json").read_text(encoding="utf-8"))
    written = {(a.outlet, a.path): a for a in [*composed(), *paged_articles()]}
    origin = "http://127.0.0.1:8000"

    def served(outlet: str, path: str) -> str:
        text = (sites / outlet / manifest["outlets"][outlet]["routes"][path]["file"]).read_text(encoding="utf-8")
        return re.sub(r"__BASE(:[a-z0-9-]+)?__", origin, text)

    cases = []
    for outlet, entry in manifest["outlets"].items():
        for article in entry["articles"]:
            path = article["path"]
            if article["seed"]:
                body = (REPO / "tests" / "data" / "clean" / f"{article['seed']}.txt").read_text(encoding="utf-8")
            elif (outlet, path) in written:
                body = "\n\n".join(p for p in written[outlet, path].body if not isinstance(p, Raw))
            else:
                continue  # a syndicated copy: its text is the seed's, checked there
            more = tuple(served(outlet, p) for p in article.get("pages", ()))
            cases.append(Case(outlet, path, origin + path, served(outlet, path), body, article["title"],
                              article["published"][:10], more))
    return cases


# -- measuring -------------------------------------------------------------------------------------


def measure(cases: Sequence[Case], extract: Callable[[Case], Result], repeat: int) -> tuple[dict[str, Score],
                                                                                           list[Result], float]:
    extract(cases[0])  # warm-up: imports, caches
    runs, results = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        results = [extract(case) for case in cases]
        runs.append((time.perf_counter() - started) * 1000 / len(cases))
    scores: dict[str, Score] = {}
    for case, result in zip(cases, results, strict=True):
        for group in ("all", case.group):
            s = scores.setdefault(group, Score())
            s.f1.append(token_f1(result.body, case.body))
            if case.title is not None:
                s.titles.append(" ".join((result.title or "").split()) == " ".join(case.title.split()))
            if case.published is not None:
                s.dates.append(result.published == case.published)
    return scores, results, statistics.median(runs)


def _pct(flags: list[bool]) -> str:
    return f"{100 * sum(flags) / len(flags):.0f}%" if flags else "-"


def report(cases: Sequence[Case], repeat: int, show: bool, by_group: bool) -> dict[str, Any]:
    print(f"{len(cases)} pages; ms/page: median of {repeat} runs, one process")
    print(f"{'extractor':26s} {'group':18s} {'F1 mean':>8s} {'median':>7s} {'min':>6s} {'title':>6s} "
          f"{'date':>5s} {'ms/page':>8s}")
    figures: dict[str, Any] = {}
    per_page: dict[str, list[float]] = {}
    for name, extract in EXTRACTORS.items():
        scores, results, ms = measure(cases, extract, repeat)
        per_page[name] = [token_f1(r.body, c.body) for c, r in zip(cases, results, strict=True)]
        groups = ["all", *sorted(g for g in scores if g != "all")] if by_group else ["all"]
        for group in groups:
            s = scores[group]
            row = {"f1_mean": statistics.mean(s.f1), "f1_median": statistics.median(s.f1), "f1_min": min(s.f1),
                   "title": _pct(s.titles), "date": _pct(s.dates)}
            figures.setdefault(name, {})[group] = row
            timing = f"{ms:8.1f}" if group == "all" else ""
            print(f"{name:26s} {group:18s} {row['f1_mean']:8.3f} {row['f1_median']:7.3f} {row['f1_min']:6.3f} "
                  f"{row['title']:>6s} {row['date']:>5s} {timing}")
        figures[name]["ms_per_page"] = round(ms, 1)
    if show:
        names = list(EXTRACTORS)
        print("\nbody F1 per page: " + " | ".join(names))
        for i, case in enumerate(cases):
            print(f"{case.group[:16]:16s} {case.name[-40:]:40s} " + " ".join(f"{per_page[n][i]:.3f}" for n in names))
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("pages_dir", nargs="?", type=Path, help="directory with saved pages and gold.json")
    where.add_argument("--fixture-site", action="store_true", help="the bundled fixture site, per outlet")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs over all pages (default 3)")
    parser.add_argument("--show", action="store_true", help="body F1 of every page and extractor")
    args = parser.parse_args(argv)
    if args.fixture_site:
        cases = fixture_site()
    else:
        try:
            cases = saved_pages(args.pages_dir)
        except (OSError, ValueError, KeyError) as exc:
            print(f"benchmarks.extraction: cannot read {args.pages_dir}: {exc}", file=sys.stderr)
            return 2
    if not cases:
        print("benchmarks.extraction: no pages", file=sys.stderr)
        return 2
    report(cases, max(1, args.repeat), args.show, by_group=args.fixture_site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
