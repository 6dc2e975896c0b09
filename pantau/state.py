"""Crawl state and the near-duplicate index, in SQLite under the data dir.

This is local operational state, kept in ``<data-dir>/pantau.db`` whichever
article store is used: which article pages are known (so a re-crawl does not
fetch them again), which discovered URLs are aliases of which canonical URL,
the validators (ETag/Last-Modified) of feeds, sitemaps and listings for
conditional requests, a bottom-k MinHash sketch of the body of every story's
original to spot syndicated copies, and which stored page is a copy of which
original (``story_links``; see :mod:`pantau.stories` for who is the original).
It needs transactions and unique keys, not search.
It also keeps each outlet's health: when a run last stored a new article and
how many runs in a row failed, so an outlet that breaks silently is noticed.
Its tables are made, and upgraded, by :mod:`pantau.db`.

Only originals are indexed: a page stored as a copy, or made one when its story's original
turned up later, has no sketch there, so a further copy is always marked as a copy of the
original, never of another copy.

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
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pantau.db import connect
from pantau.locks import FileLock, locks_dir

SKETCH_SIZE = 64  # k of the bottom-k sketch
SHINGLE_WORDS = 5
DUPLICATE_JACCARD = 0.6  # estimated resemblance above which a body is a copy
MIN_TOKENS = 40  # shorter bodies are too generic to call copies
SHARED_HASH_CAP = 20  # a hash in the sketches of more stored bodies than this is boilerplate
MIN_SHARED_HASHES = 3  # fewer shared (non-boilerplate) hashes than this never make a candidate
_TOKEN = re.compile(r"\w+", re.UNICODE)


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
class Placement:
    """Where a stored page stands in its syndicated story (decided by :mod:`pantau.stories`)."""

    original: str  # the story's original: the page itself, or the page it copies
    copies: tuple[str, ...] = ()  # pages that become copies of ``original`` now, with the copies they had

    def duplicate_of(self, url: str) -> str | None:
        return None if url == self.original else self.original


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
        self.locks = locks_dir(path.parent)

    def close(self) -> None:
        self.conn.close()

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
            self._record_page(url, outlet, status, fetched, fingerprint, aliases)

    def _record_page(self, url: str, outlet: str, status: str, fetched: datetime, fingerprint: str | None,
                     aliases: tuple[str, ...]) -> None:
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

    def record_stored(self, url: str, outlet: str, fetched: datetime, fingerprint: str, aliases: tuple[str, ...],
                      sketch: list[int], placement: Placement, *, alert_pending: bool = False) -> None:
        """A page stored where ``placement`` puts it, in one transaction: the page known, its sketch indexed
        if it is its story's original, and the pages that become copies taken out of the index and linked
        (with the copies they had) to the original.

        ``alert_pending``: a new story, whose alert rules are still to be applied. It is noted in the same
        transaction that makes the page known: a known page is not fetched (nor alerted on) again, so an
        alert that could not be queued (a full disk, a crawl killed right after storing) would be lost.
        The alert stage clears the note once the story's alerts are queued (:meth:`alerts_applied`)."""
        copies = placement.copies
        marks = ",".join("?" * len(copies))
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self._record_page(url, outlet, "stored", fetched, fingerprint, aliases)
            if alert_pending:
                self.conn.execute("INSERT OR IGNORE INTO alerts_pending (url, created) VALUES (?, ?)",
                                  (url, fetched.isoformat()))
            if copies:
                for table in ("sketches", "body_sketches"):
                    self.conn.execute(f"DELETE FROM {table} WHERE url IN ({marks})", copies)  # noqa: S608
                self.conn.execute(f"UPDATE story_links SET original = ? WHERE original IN ({marks})",  # noqa: S608
                                  (placement.original, *copies))
                self.conn.executemany("INSERT OR REPLACE INTO story_links (url, original) VALUES (?, ?)",
                                      [(copy, placement.original) for copy in copies])
            if placement.original == url:
                self.conn.execute("DELETE FROM story_links WHERE url = ?", (url,))
                self._index_sketch(url, sketch)

    def alerts_pending(self) -> list[str]:
        """New stories whose alert rules were not applied (their crawl failed or died in between), oldest first."""
        return [url for (url,) in self.conn.execute("SELECT url FROM alerts_pending ORDER BY created, url")]

    def alerts_applied(self, url: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM alerts_pending WHERE url = ?", (url,))

    def story_lock(self) -> FileLock:
        """The lock under which a page is placed in its story and stored (see :mod:`pantau.stories`)."""
        return FileLock(self.locks / "stories.lock", records_holder=False)

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
        """The stored original whose body this sketch resembles, if any (which of the two is the story's
        original is :mod:`pantau.stories`' decision).

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
        return list(struct.unpack(f">{len(row[0]) // 8}q", row[0])) if row is not None else []

    def is_indexed_original(self, url: str) -> bool:
        """Whether the page's sketch is in the index: it was stored as its story's original."""
        return self.conn.execute("SELECT 1 FROM body_sketches WHERE url = ?", (url,)).fetchone() is not None

    def _index_sketch(self, url: str, sketch: list[int]) -> None:
        """Keep the body's sketch, indexed by its hashes that are not boilerplate (yet)."""
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


# The URLs of the syndicated story of the page ``:page`` (named parameter): its original and the pages
# linked to it as copies; just the page when it has no copy and copies nothing. For the outbox's "once per
# story", read in the statement that writes the alert, so it sees what every crawl has placed until then.
STORY_PAGES = """WITH root(url) AS (SELECT coalesce((SELECT original FROM story_links WHERE url = :page), :page))
    SELECT url FROM root UNION SELECT s.url FROM story_links AS s JOIN root ON s.original = root.url"""

# True when at most SHARED_HASH_CAP bodies have mine.hash: it steps over that many index entries at most
_NOT_BOILERPLATE = "(SELECT 1 FROM sketches o WHERE o.hash = mine.hash LIMIT 1 OFFSET ?) IS NULL"


def _values(sketch: list[int]) -> str:
    """A VALUES list with one placeholder per hash."""
    return ",".join(["(?)"] * len(sketch))
