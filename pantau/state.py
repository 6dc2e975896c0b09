"""Crawl state and the near-duplicate index, in SQLite under the data dir.

This is local operational state, kept in ``<data-dir>/pantau.db`` whichever
article store is used: which article pages are known (so a re-crawl does not
fetch them again), which discovered URLs are aliases of which canonical URL,
the validators (ETag/Last-Modified) of feeds, sitemaps and listings for
conditional requests, and a bottom-k MinHash sketch of every stored body to
spot syndicated copies. It needs transactions and unique keys, not search.
It also keeps each outlet's health: when a run last stored a new article and
how many runs in a row failed, so an outlet that breaks silently is noticed.

Sketches are kept whole per URL (for the resemblance) and indexed by hash (to
find candidates). A hash that many stored bodies share is boilerplate, a
tagline or a stock sentence: it says nothing about copying, so it is neither
looked up nor indexed any further once more than ``SHARED_HASH_CAP`` bodies
have it. That keeps both the lookup and the index growth per body bounded,
whatever the size of the store.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
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
    hash INTEGER NOT NULL,          -- one of the k smallest shingle hashes of a body (not a boilerplate one)
    url TEXT NOT NULL,
    PRIMARY KEY (hash, url)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sketches_url ON sketches (url);
CREATE TABLE IF NOT EXISTS body_sketches (
    url TEXT PRIMARY KEY,
    hashes BLOB NOT NULL            -- the whole sketch, 8-byte big-endian signed integers
) WITHOUT ROWID;
"""

# Added after the first release: a pantau.db without it is upgraded when opened (CrawlState._migrate).
HEALTH_SCHEMA = """
CREATE TABLE outlet_health (
    outlet TEXT PRIMARY KEY,
    first_run TEXT NOT NULL,        -- first run recorded: silence counts from here until a new article
    last_run TEXT NOT NULL,         -- when the last run ended
    last_new TEXT,                  -- when a run last stored a new article (NULL: never)
    failures INTEGER NOT NULL DEFAULT 0,   -- runs in a row that failed
    failing_since TEXT,             -- end of the first failed run of the current streak
    last_error TEXT,                -- why the last run failed
    broken_since TEXT               -- start of the breakage already announced (NULL: none announced)
);
"""

SKETCH_SIZE = 64  # k of the bottom-k sketch
SHINGLE_WORDS = 5
DUPLICATE_JACCARD = 0.6  # estimated resemblance above which a body is a copy
MIN_TOKENS = 40  # shorter bodies are too generic to call copies
SHARED_HASH_CAP = 20  # a hash in the sketches of more stored bodies than this is boilerplate
MIN_SHARED_HASHES = 3  # fewer shared (non-boilerplate) hashes than this never make a candidate
_TOKEN = re.compile(r"\w+", re.UNICODE)


def connect(path: Path) -> sqlite3.Connection:
    """A connection tuned for one writer process and concurrent readers (WAL)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint after about 40 MB of WAL rather than 4 MB: a checkpoint waits for the disk (fsync),
    # and fewer, larger ones write the pages every commit touches (index edges, the FTS structure
    # record) once instead of ten times. One transaction per article runs about 20% faster.
    conn.execute("PRAGMA wal_autocheckpoint=10000")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def add_columns(conn: sqlite3.Connection, table: str, columns: dict[str, str]) -> None:
    """Add the columns a later version gave ``table`` to an older database (two processes: once)."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column, kind in columns.items():
            if column not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


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
class OutletHealth:
    outlet: str
    first_run: datetime
    last_run: datetime
    last_new: datetime | None
    failures: int
    failing_since: datetime | None
    last_error: str | None
    broken_since: datetime | None


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


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
        self._migrate()

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        """Add the outlet health table to a pantau.db made before it existed, once, under a write lock.

        An upgraded store starts from what it knows: an outlet's newest stored page stands for
        its last new article, so an outlet is not called silent just because pantau was upgraded.
        """
        present = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outlet_health'"
        if self.conn.execute(present).fetchone():
            return
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            if self.conn.execute(present).fetchone():
                return  # another process upgraded it meanwhile
            self.conn.execute(HEALTH_SCHEMA)
            self.conn.execute(
                "INSERT INTO outlet_health (outlet, first_run, last_run, last_new) "
                "SELECT outlet, MIN(fetched), MAX(fetched), MAX(fetched) FROM pages WHERE status = 'stored' "
                "GROUP BY outlet"
            )

    # -- outlet health ----------------------------------------------------
    def record_run(self, outlet: str, ended: datetime, *, failed: bool, new: int, error: str | None = None) -> None:
        """One run of one outlet: a new article refreshes ``last_new``; failures count up or reset."""
        when = ended.isoformat()
        with self.conn:
            self.conn.execute(
                "INSERT INTO outlet_health "
                "(outlet, first_run, last_run, last_new, failures, failing_since, last_error) "
                "VALUES (:outlet, :when, :when, CASE WHEN :new > 0 THEN :when END, :failed, "
                "CASE WHEN :failed THEN :when END, :error) "
                "ON CONFLICT(outlet) DO UPDATE SET last_run = :when, "
                "last_new = CASE WHEN :new > 0 THEN :when ELSE last_new END, "
                "failures = CASE WHEN :failed THEN failures + 1 ELSE 0 END, "
                "failing_since = CASE WHEN :failed THEN COALESCE(failing_since, :when) END, "
                "last_error = CASE WHEN :failed THEN :error END",
                {"outlet": outlet, "when": when, "new": new, "failed": int(failed),
                 "error": error if failed else None},
            )

    def mark_broken(self, outlet: str, since: datetime | None) -> None:
        """Remember that the breakage starting at ``since`` was announced (None: the recovery was)."""
        with self.conn:
            self.conn.execute("UPDATE outlet_health SET broken_since = ? WHERE outlet = ?",
                              (since.isoformat() if since else None, outlet))

    def outlet_health(self) -> dict[str, OutletHealth]:
        rows = self.conn.execute(
            "SELECT outlet, first_run, last_run, last_new, failures, failing_since, last_error, broken_since "
            "FROM outlet_health")
        return {r[0]: OutletHealth(r[0], datetime.fromisoformat(r[1]), datetime.fromisoformat(r[2]), _when(r[3]),
                                   r[4], _when(r[5]), r[6], _when(r[7])) for r in rows}

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
        """The earlier-stored URL whose body this sketch resembles, if any.

        Candidates are the stored bodies sharing the most of this sketch's hashes, counting only
        hashes with at most ``SHARED_HASH_CAP`` bodies, so at most k × (cap + 1) index entries are
        read however large the store. A candidate must share ``k × DUPLICATE_JACCARD / 2`` of them
        (19 of 64), k being the number of hashes that count once boilerplate ones are left out.
        """
        if not sketch:
            return None
        rows = self.conn.execute(
            f"WITH mine(hash) AS (VALUES {_values(sketch)}), "
            f"rare(hash) AS (SELECT hash FROM mine WHERE {_NOT_BOILERPLATE}) "
            "SELECT s.url, COUNT(*) AS n, (SELECT COUNT(*) FROM rare) FROM rare JOIN sketches s ON s.hash = rare.hash "
            "WHERE s.url != ? GROUP BY s.url ORDER BY n DESC LIMIT 5",
            (*sketch, SHARED_HASH_CAP, url),
        ).fetchall()
        for candidate, shared, rare in rows:
            if shared < max(MIN_SHARED_HASHES, int(rare * DUPLICATE_JACCARD / 2)):
                break
            if resemblance(sketch, self._sketch_of(candidate)) >= DUPLICATE_JACCARD:
                return str(candidate)
        return None

    def _sketch_of(self, url: str) -> list[int]:
        row = self.conn.execute("SELECT hashes FROM body_sketches WHERE url = ?", (url,)).fetchone()
        if row is not None:
            return list(struct.unpack(f">{len(row[0]) // 8}q", row[0]))
        # recorded by an earlier version, which indexed every hash of the sketch
        return [h for (h,) in self.conn.execute("SELECT hash FROM sketches WHERE url = ?", (url,))]

    def record_sketch(self, url: str, sketch: list[int]) -> None:
        """Keep the body's sketch, indexed by its hashes that are not boilerplate (yet)."""
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM sketches WHERE url = ?", (url,))
            if not sketch:
                self.conn.execute("DELETE FROM body_sketches WHERE url = ?", (url,))
                return
            self.conn.execute("INSERT OR REPLACE INTO body_sketches (url, hashes) VALUES (?, ?)",
                              (url, struct.pack(f">{len(sketch)}q", *sketch)))
            self.conn.execute(
                f"WITH mine(hash) AS (VALUES {_values(sketch)}) INSERT OR IGNORE INTO sketches (hash, url) "
                f"SELECT hash, ? FROM mine WHERE {_NOT_BOILERPLATE}",
                (*sketch, url, SHARED_HASH_CAP),
            )


# True when at most SHARED_HASH_CAP bodies have mine.hash: it steps over that many index entries at most
_NOT_BOILERPLATE = "(SELECT 1 FROM sketches o WHERE o.hash = mine.hash LIMIT 1 OFFSET ?) IS NULL"


def _values(sketch: list[int]) -> str:
    """A VALUES list with one placeholder per hash."""
    return ",".join(["(?)"] * len(sketch))
