"""SQLite store: insert rates (per article and in bulk) and search latency on a 100,000-article store.

Running the analysis over 100,000 articles would take far longer than the
benchmark may, so the articles are built directly: the corpus text with
plausible analysis fields (tags with evidence sentences, the region, the
quoted officials with their quotes' offsets). Only one story in five is a
neutrality story here, about the share a monitor that crawls whole regional
outlets stores. The 100,000-article database is built once and kept under
``benchmarks/results/`` (git-ignored) for later runs.
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.corpus import EPOCH, story
from benchmarks.site import outlet_of
from pantau.analysis.taxonomy import TAG_IDS
from pantau.models import Analysis, Article, Official, Quote, Region, TagEvidence
from pantau.store.base import SearchRequest
from pantau.store.sqlite import SQLiteStore

RESULTS = Path(__file__).resolve().parent / "results"
# Bump when build_article or the store's schema changes, so the cached database is rebuilt by the
# current code: a store of an earlier schema would be migrated on open, and a migrated full-text index
# (built in one transaction) has fewer segments than one built article by article, as a crawl builds it.
STORE_VERSION = 3  # 3: word_forms and article_facets (stemmed search, browse facets)
NEUTRALITY_SHARE = 0.2
_QUOTE = re.compile(r'"([^"]+)"')
_TOPIC_TAGS = sorted(TAG_IDS - {"netralitas-asn"})

# (label, request): typical searches of supervisors and journalists, with the CLI's filters.
QUERIES: tuple[tuple[str, SearchRequest], ...] = (
    ("words", SearchRequest(query="netralitas ASN")),
    ("words+tag", SearchRequest(query="netralitas ASN", tags=["netralitas-asn"])),
    ("words+tag+region", SearchRequest(query="foto calon", tags=["netralitas-asn"], region="Belitung")),
    ("phrase+tag+since", SearchRequest(query='"media sosial"', tags=["media-sosial"], since=date(2024, 9, 1))),
    ("speaker", SearchRequest(speaker="Hendra Saputra")),
    ("word+tag+province", SearchRequest(query="sanksi", tags=["sanksi"], region="Kepulauan Bangka Belitung")),
    ("prefix", SearchRequest(query="imbau*")),
    ("words+tag", SearchRequest(query="kepala desa kampanye", tags=["perangkat-desa"])),
    ("OR+outlet", SearchRequest(query="Bawaslu OR KPU", outlet="bench-wp")),
    ("tag+month (no query)", SearchRequest(tags=["dugaan-pelanggaran"], since=date(2024, 6, 1),
                                           until=date(2024, 6, 30))),
    ("region (no query)", SearchRequest(region="Bengkulu Utara")),
    ("phrase", SearchRequest(query='"pose jari"')),
    ("words+range", SearchRequest(query="klarifikasi terlapor", since=date(2024, 3, 1), until=date(2024, 8, 31))),
    ("words (other news)", SearchRequest(query="demam berdarah")),
    ("words+region", SearchRequest(query="harga cabai", region="Palembang")),
    ("speaker+tag", SearchRequest(speaker="Suryadin", tags=["imbauan"])),
    ("phrase+outlet+since", SearchRequest(query='"tidak netral"', outlet="bench-antara", since=date(2024, 10, 1))),
    ("prefix+tag+region", SearchRequest(query="netral*", tags=["pilkada-2024"], region="Kampar")),
    ("outlet+month (no query)", SearchRequest(outlet="bench-bacakoran", since=date(2024, 6, 1),
                                              until=date(2024, 6, 30))),
    ("words+tag+speaker", SearchRequest(query="surat edaran", tags=["regulasi"], speaker="Wijaya")),
)


def build_article(index: int) -> Article:
    """Article ``index`` with plausible analysis fields (no analysis is run)."""
    rng = random.Random(index)
    s = story.__wrapped__(index, paragraphs=rng.randint(8, 16))  # type: ignore[attr-defined]  # not memoised
    body = s.body
    neutrality = rng.random() < NEUTRALITY_SHARE
    tags = ["netralitas-asn", *rng.sample(_TOPIC_TAGS, k=rng.randint(1, 4))] if neutrality else []
    sentences = re.split(r"(?<=[.!?])\s+", body)
    evidence = [TagEvidence(t, rng.sample(sentences, k=min(2, len(sentences)))) for t in tags]
    quotes = [Quote(m.group(1), s.speaker, s.role, m.start(1), m.end(1)) for m in _QUOTE.finditer(body)]
    outlet = outlet_of(index)
    return Article(
        url=f"https://{outlet.id}.test{outlet.path_of(s)}", outlet=outlet.id, title=s.title,
        published=EPOCH + timedelta(minutes=7 * index), fetched=(EPOCH + timedelta(minutes=7 * index + 30))
        .astimezone(UTC),
        analysis=Analysis(language="id", body=body, tags=tags, evidence=evidence,
                          regions=[Region(s.place.province, s.place.regency)],
                          officials=[Official(s.speaker, s.role)], quotes=quotes),
        author=s.author, editor=s.editor, fingerprint=hashlib.sha1(body.encode()).hexdigest(),
    )


def insert_rate(n: int) -> dict[str, Any]:
    """Articles/s into a fresh store, both ways pantau writes: ``upsert``, one transaction per article,
    as the crawl does (an article reported stored is on disk), and ``bulk_upsert``, ``BULK_BATCH`` per
    transaction, as ``pantau import`` does."""
    articles = [build_article(i) for i in range(n)]
    rates: dict[str, Any] = {"articles": n}
    for mode in ("upsert", "bulk_upsert"):
        with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
            store = SQLiteStore(Path(tmp) / "pantau.db")
            try:
                started = time.perf_counter()
                if mode == "upsert":
                    for article in articles:
                        store.upsert(article)
                else:
                    store.bulk_upsert(articles)
                seconds = time.perf_counter() - started
            finally:
                store.close()
        rates[mode] = {"seconds": round(seconds, 2), "per_s": round(n / seconds)}
    return rates


def cached_store(n: int) -> tuple[Path, dict[str, Any]]:
    """The ``n``-article database under benchmarks/results/, built (and timed) if not there yet."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"store-{n}-v{STORE_VERSION}.sqlite"
    if path.exists():
        return path, {"cached": True}
    with tempfile.TemporaryDirectory(prefix="pantau-bench-", dir=RESULTS) as tmp:
        building = Path(tmp) / "pantau.db"
        store = SQLiteStore(building)
        started = time.perf_counter()
        try:
            for i in range(n):
                store.upsert(build_article(i))
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        seconds = time.perf_counter() - started
        shutil.move(building, path)
    return path, {"cached": False, "build_seconds": round(seconds, 1), "build_per_s": round(n / seconds)}


def _search_ms(store: SQLiteStore, request: SearchRequest, budget_s: float) -> tuple[int | None, float]:
    """(hits, ms) of one search; hits is None when SQLite was interrupted at ``budget_s``."""
    started = time.perf_counter()
    deadline = started + budget_s
    store.conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    try:
        hits: int | None = len(store.search(request))
    except sqlite3.OperationalError as exc:
        if "interrupted" not in str(exc):
            raise
        hits = None
    finally:
        store.conn.set_progress_handler(None, 0)
    return hits, (time.perf_counter() - started) * 1000


def search_latency(path: Path, repeats: int = 5, budget_s: float = 5.0) -> dict[str, Any]:
    """p50/p95 over every timed run of every query (after one warm-up run each), and the slowest query.

    A query still running after ``budget_s`` is interrupted (it counts as ``budget_s`` in every one of
    its runs and is marked ``interrupted``), so one pathological plan cannot stall the whole benchmark.
    """
    store = SQLiteStore(path)
    try:
        per_query: list[dict[str, Any]] = []
        every: list[float] = []
        for label, request in QUERIES:
            hits, warm_ms = _search_ms(store, request, budget_s)  # warm-up: pages indexes into the cache
            runs = [warm_ms] * repeats if hits is None else \
                [_search_ms(store, request, budget_s)[1] for _ in range(repeats)]
            every += runs
            per_query.append({"query": label, "request": _describe(request), "hits": hits,
                              "interrupted": hits is None, "median_ms": round(statistics.median(runs), 2)})
        count = store.count()
    finally:
        store.close()
    every.sort()
    return {"articles": count, "queries": len(QUERIES), "runs": len(every),
            "p50_ms": round(statistics.median(every), 2), "p95_ms": round(every[int(len(every) * 0.95) - 1], 2),
            "max_ms": round(every[-1], 2), "db_mib": round(path.stat().st_size / 2**20),
            "slowest": sorted(per_query, key=lambda q: -q["median_ms"])[:3], "per_query": per_query}


def _describe(request: SearchRequest) -> str:
    parts = [f"{k}={v}" for k, v in vars(request).items() if v and k != "limit"]
    return ", ".join(str(p) for p in parts)


