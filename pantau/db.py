"""``pantau.db``, the SQLite database of a data dir: its one way in and its schema, numbered.

Every table pantau keeps in SQLite is made here: the crawl state and outlet health
(:mod:`pantau.state`), the alert outbox (:mod:`pantau.alerts.outbox`) and the health
notices (:mod:`pantau.health`), the run record (:mod:`pantau.runs`) and, unless
Elasticsearch holds the articles, the embedded article store (:mod:`pantau.store.sqlite`).
:func:`connect` is how every one of them opens the file: it tunes the connection and brings
the schema up to date by :data:`MIGRATIONS`, whose count SQLite keeps in ``PRAGMA
user_version``, so each migration runs once per database (:func:`read_only` looks at a file
without changing it).

A migration has a part for the tables every ``pantau.db`` has and a part for the embedded
store (``articles`` and what hangs off it), which runs only where that store is used: a
database without ``articles`` (an Elasticsearch deployment) skips it, and when the embedded
store first opens such a database :func:`add_article_store` runs the store part of every
migration in order, so a new store is made the way an upgraded one ends up.

A database from before the migrations were numbered (``user_version`` 0: made by the
previous release, or by this one before it counted) may hold any part of the schema, so
every migration leaves alone what is there already: tables are created if missing, columns
added if missing, derived data filled where it is absent. The pending migrations run in one
``BEGIN IMMEDIATE`` transaction: processes opening an old database at once upgrade it once,
and a migration that fails leaves the database as it was.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pantau.errors import PantauError

# -- the tables every pantau.db has ---------------------------------------------------------------

# The crawl state (pantau.state), the outbox (pantau.alerts.outbox) and the run record (pantau.runs)
# as the previous release (59542a1) made them.
PREVIOUS_RELEASE = """
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
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    story TEXT NOT NULL,            -- canonical URL of the article
    mode TEXT NOT NULL,             -- 'immediate' | 'digest'
    status TEXT NOT NULL,           -- 'queued' | 'sent'
    created TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try TEXT NOT NULL,
    last_error TEXT,
    sent TEXT,
    UNIQUE (rule, story)
);
CREATE INDEX IF NOT EXISTS alerts_due ON alerts (status, mode, next_try);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    outlet TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    duration REAL,
    outcome TEXT NOT NULL,          -- running | ok | error | timeout | stopped
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    detail TEXT                     -- the crawl summary (JSON) or the failure
);
CREATE INDEX IF NOT EXISTS runs_outlet ON runs (outlet, id);
"""

OUTLET_HEALTH = """
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
HEALTH_NOTICES = """
CREATE TABLE IF NOT EXISTS health_notices (
    key TEXT PRIMARY KEY,           -- the outbox story: outlet/event/breakage start
    outlet TEXT NOT NULL,
    name TEXT NOT NULL,
    event TEXT NOT NULL,            -- 'broken' | 'recovered'
    since TEXT NOT NULL,            -- start of the breakage
    reason TEXT NOT NULL,           -- what was wrong, in the words of the mail
    last_new TEXT,
    created TEXT NOT NULL
);
"""

STORY_LINKS = """
CREATE TABLE IF NOT EXISTS story_links (
    url TEXT PRIMARY KEY,           -- a page the crawl stored as a syndicated copy, or turned into one
    original TEXT NOT NULL          -- the original of its story (what the store's duplicate_of says)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_links_original ON story_links (original);
"""

ALERTS_PENDING = """
CREATE TABLE IF NOT EXISTS alerts_pending (
    url TEXT PRIMARY KEY,           -- a new story's original, stored; its alert rules not yet applied
    created TEXT NOT NULL
) WITHOUT ROWID;
"""

# -- the embedded article store -------------------------------------------------------------------

ARTICLE_TABLES = """
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    title TEXT,
    published TEXT,
    day TEXT NOT NULL,              -- local (WIB) date of published, else fetched: date filters and sort
    fetched TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    duplicate_of TEXT,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet, day);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day);
CREATE TABLE IF NOT EXISTS article_tags (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (tag, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_places (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    place TEXT NOT NULL COLLATE NOCASE,     -- a province or a regency name
    PRIMARY KEY (place, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_people (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,      -- quoted speakers and named officials
    PRIMARY KEY (name, article)
) WITHOUT ROWID;
-- by article: replacing an article deletes its rows (and the foreign-key cascade looks for them), and
-- its filter tokens are read from them; without these, each of those scans the whole side table
CREATE INDEX IF NOT EXISTS article_tags_article ON article_tags (article);
CREATE INDEX IF NOT EXISTS article_places_article ON article_places (article);
CREATE INDEX IF NOT EXISTS article_people_article ON article_people (article);
"""

# Title, body and quotes of each article, and its filter tokens (pantau.store.derived.FILTERS): one per
# outlet, tag and place.
FTS = """CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, quotes, filters, tokenize = 'unicode61 remove_diacritics 2'
)"""

# Derived from the articles and kept current by every write (pantau.store.derived); the view is made
# last, in the transaction that fills the tables, so its presence says they are complete.
WORD_FORMS_AND_FACETS = """
-- every word of the full-text index, folded as FTS5 folds it, with its stem: the query side of
-- stemmed search (the forms of a stem) and of the prefix cap (how many words a prefix has)
CREATE TABLE word_forms (
    word TEXT PRIMARY KEY,
    stem TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX word_forms_stem ON word_forms (stem);
-- what the browser view facets on, as columns and JSON arrays (Datasette's array facets)
CREATE TABLE article_facets (
    article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    language TEXT,
    month TEXT NOT NULL,        -- YYYY-MM of the article's day (WIB)
    tags TEXT NOT NULL,         -- JSON arrays of the document's values, distinct, in order
    provinces TEXT NOT NULL,
    regencies TEXT NOT NULL,
    speakers TEXT NOT NULL
);
"""
ARTICLE_LIST = """CREATE VIEW article_list AS
    SELECT a.title, a.outlet, a.day, f.month, f.language, f.tags, f.provinces, f.regencies, f.speakers,
           a.duplicate_of, a.url, a.id
    FROM articles AS a JOIN article_facets AS f ON f.article = a.rowid
    ORDER BY a.day DESC, a.rowid DESC"""

# The copies of a story, found when its original turns out to be a page stored later (pantau.stories)
ARTICLES_BY_ORIGINAL = """CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles (duplicate_of)
    WHERE duplicate_of IS NOT NULL"""

# -- the migrations -------------------------------------------------------------------------------


def _nothing(_conn: sqlite3.Connection) -> None:
    pass


@dataclass(frozen=True)
class Migration:
    """One step of the schema: its part for every pantau.db, and its part for the embedded store."""

    shared: Callable[[sqlite3.Connection], None] = _nothing
    store: Callable[[sqlite3.Connection], None] = _nothing


def _previous_release(conn: sqlite3.Connection) -> None:
    """The tables of the previous release; bodies recorded before whole sketches were kept get theirs.

    A body recorded then has every hash of its sketch in ``sketches`` and no ``body_sketches`` row.
    """
    _execute(conn, PREVIOUS_RELEASE)
    rows = conn.execute("SELECT url, hash FROM sketches WHERE url NOT IN (SELECT url FROM body_sketches) "
                        "ORDER BY url, hash").fetchall()
    whole: dict[str, list[int]] = {}
    for url, value in rows:
        whole.setdefault(url, []).append(value)
    conn.executemany("INSERT INTO body_sketches (url, hashes) VALUES (?, ?)",
                     [(url, struct.pack(f">{len(hashes)}q", *hashes)) for url, hashes in whole.items()])


def _previous_release_store(conn: sqlite3.Connection) -> None:
    """The article tables of the previous release; a full-text index without filter tokens (older than
    that release) is rebuilt with them: title, body and quotes copied, about 20 s per 100,000 articles."""
    from pantau.store.derived import FILTERS

    _execute(conn, ARTICLE_TABLES)
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    if row is None:
        conn.execute(FTS)
    elif "filters" not in row[0]:
        conn.execute(FTS.replace("articles_fts", "articles_fts_rebuilt"))
        conn.execute("INSERT INTO articles_fts_rebuilt (rowid, title, body, quotes, filters) "
                     f"SELECT f.rowid, f.title, f.body, f.quotes, {FILTERS.format(rowid='f.rowid')} "
                     "FROM articles_fts f")
        conn.execute("DROP TABLE articles_fts")
        conn.execute("ALTER TABLE articles_fts_rebuilt RENAME TO articles_fts")


def _outlet_health(conn: sqlite3.Connection) -> None:
    """Outlet health and its notices. An upgraded database starts from what it knows: an outlet's newest
    stored page stands for its last new article, so no outlet is called silent because pantau was upgraded."""
    if not _has(conn, "table", "outlet_health"):
        conn.execute(OUTLET_HEALTH)
        conn.execute("INSERT INTO outlet_health (outlet, first_run, last_run, last_new) "
                     "SELECT outlet, MIN(fetched), MAX(fetched), MAX(fetched) FROM pages WHERE status = 'stored' "
                     "GROUP BY outlet")
    conn.execute(HEALTH_NOTICES)


def _outbox_claims(conn: sqlite3.Connection) -> None:
    """Who is sending an alert, since when (see pantau.alerts.outbox)."""
    _add_columns(conn, "alerts", {"claimed_by": "TEXT",   # token of the sender holding the row while it sends it
                                  "claimed_at": "TEXT"})


def _run_origin(conn: sqlite3.Connection) -> None:
    """Manual runs are recorded too: who started each run."""
    _add_columns(conn, "runs", {"origin": "TEXT NOT NULL DEFAULT 'schedule'"})  # schedule | manual


def _word_forms_and_facets(conn: sqlite3.Connection) -> None:
    """Stemmed search and the browser's facets, filled from the stored articles once, saying so on stderr.

    Every stored article is read once (its words are stemmed once each: about 50 µs a distinct
    word; 14 s for 100,000 articles).
    """
    if _has(conn, "view", "article_list"):
        return
    from pantau.store.derived import index_derived  # the stemmer loads only where a store is upgraded

    _execute(conn, WORD_FORMS_AND_FACETS)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if total:
        _say(f"pantau: preparing stemmed search and browse facets for {total:,} stored articles (once) …")
        started = time.monotonic()
        known: set[str] = set()
        rows = conn.execute("SELECT rowid, day, doc FROM articles ORDER BY rowid").fetchall()
        for done, (rowid, day, doc) in enumerate(rows, 1):
            index_derived(conn, rowid, day, json.loads(doc), known)
            if done % 20_000 == 0 and done < total:
                _say(f"pantau: … {done:,} of {total:,} articles")
        words = conn.execute("SELECT count(*) FROM word_forms").fetchone()[0]
        _say(f"pantau: done in {time.monotonic() - started:.0f} s ({words:,} distinct words)")
    conn.execute(ARTICLE_LIST)


def _story_links(conn: sqlite3.Connection) -> None:
    """Which stored page is a copy of which original, for the alerts' "once per story" (pantau.stories).

    Not filled from the pages stored before: none of them was ever made a copy after being alerted
    on, and their marks are found through the store's ``duplicate_of``.
    """
    _execute(conn, STORY_LINKS)


def _articles_by_original(conn: sqlite3.Connection) -> None:
    conn.execute(ARTICLES_BY_ORIGINAL)


def _alerts_pending(conn: sqlite3.Connection) -> None:
    """New stories whose alert rules are still to be applied (:meth:`pantau.state.CrawlState.record_stored`)."""
    _execute(conn, ALERTS_PENDING)


# In order: user_version N means the first N have run. Append only; never change one that shipped.
MIGRATIONS = (
    Migration(_previous_release, _previous_release_store),  # 1: the schema of the previous release (59542a1)
    Migration(_outlet_health),                              # 2
    Migration(_outbox_claims),                              # 3
    Migration(_run_origin),                                 # 4
    Migration(store=_word_forms_and_facets),                # 5
    Migration(_story_links, _articles_by_original),         # 6
    Migration(_alerts_pending),                             # 7
)
SCHEMA_VERSION = len(MIGRATIONS)

# -- connecting -----------------------------------------------------------------------------------


def connect(path: Path) -> sqlite3.Connection:
    """A connection tuned for one writer process and concurrent readers (WAL), on an up-to-date schema."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    try:
        _use_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")
        # Checkpoint after about 40 MB of WAL rather than 4 MB: a checkpoint waits for the disk (fsync),
        # and fewer, larger ones write the pages every commit touches (index edges, the FTS structure
        # record) once instead of ten times. One transaction per article runs about 20% faster.
        conn.execute("PRAGMA wal_autocheckpoint=10000")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA foreign_keys=ON")
        _upgrade(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection, patience: float = 30.0) -> None:
    """Switch the file to WAL, retrying while another process does the same.

    Two processes opening a new data dir at once (two crawls, a crawl and ``alerts flush``) both hold
    a shared lock and both ask for the exclusive one the switch needs: SQLite sees the deadlock and
    answers one of them "database is locked" at once, without its busy timeout (4 processes opening
    100 new files each: 28 of 400 switches failed). The loser only has to ask again: by then the
    file is in WAL, which is kept in the file, and the pragma is a no-op.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads the file as it is (neither tuned nor migrated): a look before opening it."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def add_article_store(conn: sqlite3.Connection) -> None:
    """Give the database the embedded store's tables if it has none yet (a new data dir, or one whose
    articles were in Elasticsearch): the store part of every migration, in order."""
    if _has(conn, "table", "articles"):
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        if _has(conn, "table", "articles"):  # another process made them while this one waited
            return
        for migration in MIGRATIONS:
            migration.store(conn)


def _upgrade(conn: sqlite3.Connection, path: Path) -> None:
    """Run the migrations this database has not had; none (and no write lock) when it is up to date."""
    if _check(schema_version(conn), path):
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        version = schema_version(conn)  # again, now that no other process can be upgrading it
        if _check(version, path):
            return
        store = _has(conn, "table", "articles")
        for migration in MIGRATIONS[version:]:
            migration.shared(conn)
            if store:
                migration.store(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _check(version: int, path: Path) -> bool:
    """True when the schema is this pantau's; a newer one is refused rather than misread."""
    if version > SCHEMA_VERSION:
        raise PantauError(f"{path} is from a newer pantau (database version {version}, this one knows "
                          f"{SCHEMA_VERSION}): upgrade pantau to use it")
    return version == SCHEMA_VERSION


def _has(conn: sqlite3.Connection, kind: str, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)).fetchone() is not None


def _add_columns(conn: sqlite3.Connection, table: str, columns: dict[str, str]) -> None:
    have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    for column, kind in columns.items():
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


def _execute(conn: sqlite3.Connection, script: str) -> None:
    """Each statement of ``script`` inside the caller's transaction (``executescript`` would commit it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()
