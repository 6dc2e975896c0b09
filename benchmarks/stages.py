"""In-process timings: trafilatura alone, each pipeline stage's function, and the analysis alone.

All run over the generated site's pages (:func:`benchmarks.site.render_article`)
in this one process, calling the same functions the pipelines call, in the
pipelines' order, so the per-stage figures add up to the work one page costs
on top of fetching it. Nothing here edits or patches product code.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import trafilatura

from benchmarks.corpus import story
from benchmarks.site import OUTLETS, article_path, outlet_of, render_article
from pantau.analysis.clean import clean_body
from pantau.analysis.core import analyze, analyze_clean_body
from pantau.analysis.language import detect_language
from pantau.extract import extract_page
from pantau.models import Article, Region
from pantau.state import CrawlState, body_sketch
from pantau.store.sqlite import SQLiteStore
from pantau.stories import store_in_story
from pipelines.dedupe import fingerprint

T = TypeVar("T")
FAKE_BASES = {o.id: f"http://{o.host}:8000" for o in OUTLETS}
FALLBACK = Region("Kepulauan Bangka Belitung")


@dataclass(frozen=True)
class Page:
    url: str
    html: str
    site_name: str


def pages(indices: Sequence[int], site_pages: int) -> list[Page]:
    """The site's article pages ``indices`` as the crawler receives them (origin resolved)."""
    out = []
    for i in indices:
        outlet = outlet_of(i)
        base = FAKE_BASES[outlet.id]
        out.append(Page(base + article_path(i), render_article(i, site_pages).replace("__BASE__", base),
                        outlet.name))
    return out


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def trafilatura_alone(sample: Sequence[Page]) -> dict[str, Any]:
    """Pages/s of ``pantau.extract.extract_page`` and of raw ``trafilatura.bare_extraction``, one process."""
    extract_page(sample[0].html, sample[0].url, (sample[0].site_name,))  # warm-up: imports, caches
    started = time.perf_counter()
    for page in sample:
        extract_page(page.html, page.url, (page.site_name,))
    extract_s = time.perf_counter() - started
    started = time.perf_counter()
    for page in sample:
        trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True, include_comments=False,
                                    include_tables=False, include_images=False, favor_recall=True,
                                    deduplicate=False)
    bare_s = time.perf_counter() - started
    return {"pages": len(sample), "extract_page_per_s": round(len(sample) / extract_s, 1),
            "bare_extraction_per_s": round(len(sample) / bare_s, 1)}


def stage_costs(sample: Sequence[Page]) -> dict[str, dict[str, float]]:
    """ms/page of each pipeline stage's work, called directly in pipeline order (store on a fresh DB)."""
    times: dict[str, list[float]] = {k: [] for k in ("extract", "clean", "language", "analysis", "dedup",
                                                     "store")}
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        db = Path(tmp) / "pantau.db"
        store, state = SQLiteStore(db), CrawlState(db)
        try:
            for page in sample:
                extracted, ms = _timed(partial(extract_page, page.html, page.url, (page.site_name,)))
                times["extract"].append(ms)
                assert extracted is not None, page.url
                body, ms = _timed(partial(clean_body, extracted.text, title=extracted.title))
                times["clean"].append(ms)
                language, ms = _timed(partial(detect_language, body))
                times["language"].append(ms)
                analysis, ms = _timed(partial(analyze_clean_body, body, title=extracted.title, language=language,
                                              fallback_region=FALLBACK))
                times["analysis"].append(ms)

                def dedup(b: str = body, title: str | None = extracted.title) -> tuple[str, list[int]]:
                    return fingerprint(title, b), body_sketch(b)

                (fp, sketch), ms = _timed(dedup)
                times["dedup"].append(ms)
                fetched = datetime.now(UTC)
                article = Article(url=page.url, outlet="bench", title=extracted.title,
                                  published=extracted.published, fetched=fetched, analysis=analysis,
                                  author=extracted.author, editor=extracted.editor, fingerprint=fp)
                _, ms = _timed(partial(store_in_story, store, state, article, sketch))
                times["store"].append(ms)
        finally:
            store.close()
            state.close()
    return {stage: {"median_ms": round(statistics.median(v), 2), "mean_ms": round(statistics.fmean(v), 2),
                    "p95_ms": round(sorted(v)[int(len(v) * 0.95) - 1], 2)} for stage, v in times.items()}


def analysis_cost(n: int) -> dict[str, float]:
    """``pantau.analysis.core.analyze`` on plain text (as ``pantau analyze --text``): ms/article."""
    texts = [story(i).title + "\n\n" + story(i).body for i in range(n)]
    analyze(texts[0])  # warm-up: gazetteer, lexicons, language profiles
    times = [_timed(partial(analyze, t))[1] for t in texts]
    return {"articles": n, "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(sorted(times)[int(n * 0.95) - 1], 2),
            "mean_words": round(statistics.fmean(len(t.split()) for t in texts))}
