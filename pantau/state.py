"""Crawl state and the near-duplicate index, in SQLite under the data dir.

This is local operational state, kept in ``<data-dir>/pantau.db`` whichever
article store is used: which article pages are known (so a re-crawl does not
fetch them again), which discovered URLs are aliases of which canonical URL,
the validators (ETag/Last-Modified) of feeds, sitemaps and listings for
conditional requests, and a bottom-k MinHash sketch of every stored body to
spot syndicated copies. It needs transactions and unique keys, not search.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,           -- canonical URL
    outlet TEXT NOT NULL,
    status TEXT NOT NULL,           -- 'stored' | 'rejected' (fetched, not an article)
    fingerprint TEXT,
    fetched TEXT NOT NULL           -- ISO 8601 with offset
);
CREATE TABLE IF NOT EXISTS aliases (
    url TEXT PRIMARY KEY,           -- a discovered URL (canonicalised)
    canonical TEXT NOT NULL         -- the page's own rel=canonical
);
CREATE TABLE IF NOT EXISTS sources (
    url TEXT PRIMARY KEY,           -- feed, sitemap or listing page
    etag TEXT,
    last_modified TEXT,
    checked TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sketches (
    hash INTEGER NOT NULL,          -- one of the k smallest shingle hashes of a body
    url TEXT NOT NULL,
    PRIMARY KEY (hash, url)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sketches_url ON sketches (url);
"""

SKETCH_SIZE = 64  # k of the bottom-k sketch
SHINGLE_WORDS = 5
DUPLICATE_JACCARD = 0.6  # estimated resemblance above which a body is a copy
MIN_TOKENS = 40  # shorter bodies are too generic to call copies
_TOKEN = re.compile(r"\w+", re.UNICODE)


def connect(path: Path) -> sqlite3.Connection:
    """A connection tuned for one writer process and concurrent readers (WAL)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def body_sketch(body: str) -> list[int]:
    """Bottom-k MinHash sketch of the body's word 5-shingles (signed 63-bit ints for SQLite)."""
    tokens = _TOKEN.findall(body.casefold())
    if len(tokens) < MIN_TOKENS:
        return []
    hashes = {
        int.from_bytes(hashlib.blake2b(" ".join(tokens[i:i + SHINGLE_WORDS]).encode(), digest_size=8).digest(),
                       "big") >> 1
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }
    return sorted(hashes)[:SKETCH_SIZE]


def resemblance(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard resemblance of two bottom-k sketches."""
    if not a or not b:
        return 0.0
    union_bottom = sorted(set(a) | set(b))[:SKETCH_SIZE]
    both = set(a) & set(b)
    return sum(1 for h in union_bottom if h in both) / len(union_bottom)


@dataclass(frozen=True)
class KnownPage:
    url: str
    status: str
    fingerprint: str | None
    fetched: datetime


class CrawlState:
    """Read and write the crawl state tables."""

    def __init__(self, path: Path) -> None:
        self.conn = connect(path)
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    # -- pages and aliases -------------------------------------------------
    def resolve(self, url: str) -> str:
        row = self.conn.execute("SELECT canonical FROM aliases WHERE url = ?", (url,)).fetchone()
        return row[0] if row else url

    def known_page(self, url: str) -> KnownPage | None:
        row = self.conn.execute(
            "SELECT url, status, fingerprint, fetched FROM pages WHERE url = ?", (self.resolve(url),)
        ).fetchone()
        return KnownPage(row[0], row[1], row[2], datetime.fromisoformat(row[3])) if row else None

    def record_page(self, url: str, outlet: str, status: str, fetched: datetime,
                    fingerprint: str | None = None, aliases: tuple[str, ...] = ()) -> None:
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "INSERT INTO pages (url, outlet, status, fingerprint, fetched) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET status = excluded.status, fingerprint = excluded.fingerprint, "
                "fetched = excluded.fetched",
                (url, outlet, status, fingerprint, fetched.isoformat()),
            )
            for alias in aliases:
                if alias != url:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO aliases (url, canonical) VALUES (?, ?)", (alias, url)
                    )

    # -- conditional requests ---------------------------------------------
    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.conn.execute("SELECT etag, last_modified FROM sources WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def record_validators(self, url: str, etag: str | None, last_modified: str | None, checked: datetime) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO sources (url, etag, last_modified, checked) VALUES (?, ?, ?, ?)",
                (url, etag, last_modified, checked.isoformat()),
            )

    # -- near duplicates --------------------------------------------------
    def find_copy_of(self, url: str, sketch: list[int]) -> str | None:
        """The earlier-stored URL whose body this sketch resembles, if any."""
        if not sketch:
            return None
        marks = ",".join("?" * len(sketch))
        candidates = self.conn.execute(
            f"SELECT url, COUNT(*) AS n FROM sketches WHERE hash IN ({marks}) AND url != ? "  # noqa: S608
            f"GROUP BY url HAVING n >= ? ORDER BY n DESC LIMIT 5",
            (*sketch, url, int(SKETCH_SIZE * DUPLICATE_JACCARD / 2)),
        ).fetchall()
        for candidate, _ in candidates:
            other = [h for (h,) in self.conn.execute("SELECT hash FROM sketches WHERE url = ?", (candidate,))]
            if resemblance(sketch, other) >= DUPLICATE_JACCARD:
                return str(candidate)
        return None

    def record_sketch(self, url: str, sketch: list[int]) -> None:
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM sketches WHERE url = ?", (url,))
            self.conn.executemany("INSERT OR IGNORE INTO sketches (hash, url) VALUES (?, ?)",
                                  [(h, url) for h in sketch])
